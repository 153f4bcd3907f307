"""A change asked against an earlier year the question names ("tăng bao nhiêu so với năm
2020?", "gấp mấy lần năm 2020?", "So với năm 2021, ... tăng bao nhiêu?").

The change stated against that year answers, however the report places its base: after the
value ("tăng 25,3% so với năm 2020", "gấp 1,4 lần năm 2020"), before it after a level ("đạt
980 triệu kWh, so với năm 2020 tăng 210 triệu kWh") or opening the sentence ("So với năm 2020,
... tăng 25,3%").  A change written against another base -- "cùng kỳ", "năm trước", or none
written, which a report means as the year before -- is no answer to it.  Reports written for
these tests in the shape of the provincial reports' five-year reviews."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames.document import extract


def changes_of(sentence: str) -> dict[str, str | None]:
    text = f"Báo cáo năm 2043\n\n{sentence}\n"
    return {f.value: f.comparison for f in extract(text, "Báo cáo năm 2043", "2043-12-20")
            if f.measure in ("change", "index")}


@pytest.mark.parametrize(("sentence", "value", "base"), [
    ("Năm 2043, sản lượng điện thương phẩm đạt 980 triệu kWh, so với năm 2040 tăng 210 triệu "
     "kWh.", "210 triệu kWh", "năm 2040"),
    ("Toàn tỉnh có 3.150 doanh nghiệp, so với năm 2041 tăng 640 doanh nghiệp.",
     "640 doanh nghiệp", "năm 2041"),
    ("So với năm 2040, giá trị sản xuất công nghiệp năm 2043 tăng 25,3%.", "25,3%", "năm 2040"),
    ("So với cuối năm 2039 (160 sản phẩm), số sản phẩm OCOP tăng 14 sản phẩm.", "14 sản phẩm",
     "cuối năm 2039"),
])
def test_a_base_written_before_the_change_is_its_comparison(sentence: str, value: str,
                                                           base: str) -> None:
    assert changes_of(sentence)[value] == base


def test_a_leading_base_holds_for_its_clause_only() -> None:
    changes = changes_of("So với tháng 12/2042, CPI tháng 12/2043 tăng 1,02%; so với cùng kỳ "
                         "năm trước tăng 4,37%.")
    assert changes["1,02%"] == "tháng 12/2042"
    assert changes["4,37%"] != "tháng 12/2042"


DOCS = [
    {"id": "cn", "title": "Báo cáo kết quả thực hiện nhiệm vụ năm 2043", "date": "2043-12-20",
     "text": "Báo cáo kết quả thực hiện nhiệm vụ năm 2043\n\n"
             "So với năm 2040, giá trị sản xuất công nghiệp năm 2043 tăng 25,3%, ước đạt 6.850 "
             "tỷ đồng. Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng ước đạt 24.500 "
             "tỷ đồng, tăng 8% so với cùng kỳ, đạt 101% kế hoạch. Năm 2043, sản lượng điện "
             "thương phẩm đạt 980 triệu kWh, so với năm 2040 tăng 210 triệu kWh."},
    {"id": "xk", "title": "Báo cáo tổng kết công tác năm 2044", "date": "2044-12-25",
     "text": "Báo cáo tổng kết công tác năm 2044\n\n"
             "Kim ngạch xuất khẩu năm 2044 đạt 1.420 triệu USD, tăng 12%, gấp 1,4 lần so với "
             "năm 2040. Thu ngân sách trên địa bàn năm 2044 đạt 9.100 tỷ đồng, tăng 9,6%.\n\n"
             "Số doanh nghiệp đang hoạt động năm 2044 là 3.150 doanh nghiệp, tăng 5% so với "
             "năm trước; so với năm 2041 tăng 640 doanh nghiệp."},
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("compared_earlier"), DOCS)


def ask(service: RagService, question: str):
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2045, 1, 10)))


@pytest.mark.parametrize(("question", "expected"), [
    ("Giá trị sản xuất công nghiệp năm 2043 tăng bao nhiêu % so với năm 2040?", "25,3%"),
    ("Kim ngạch xuất khẩu năm 2044 tăng bao nhiêu so với năm 2040?", "1,4 lần"),
    ("Kim ngạch xuất khẩu 2044 gấp mấy lần năm 2040?", "1,4 lần"),
    ("So với năm 2041, số doanh nghiệp năm 2044 tăng bao nhiêu?", "640 doanh nghiệp"),
    ("Sản lượng điện thương phẩm năm 2043 tăng bao nhiêu so với năm 2040?", "210 triệu kWh"),
])
def test_the_change_against_the_named_year_answers(service: RagService, question: str,
                                                   expected: str) -> None:
    reply = ask(service, question)
    assert reply.found and (reply.answer or "").startswith(expected), reply.answer
    assert reply.period_match == "exact"


@pytest.mark.parametrize(("question", "other"), [
    # "tăng 8% so với cùng kỳ" is against 2042
    ("Tổng mức bán lẻ hàng hóa năm 2043 tăng bao nhiêu so với năm 2040?", "8%"),
    # "tăng 9,6%" written with no base is against the year before
    ("Thu ngân sách năm 2044 tăng bao nhiêu so với năm 2040?", "9,6%"),
    # "tăng 5% so với năm trước" and "so với năm 2041 tăng 640": neither is against 2040
    ("Số doanh nghiệp năm 2044 tăng bao nhiêu so với năm 2040?", "5%"),
])
def test_a_change_against_another_base_is_no_answer(service: RagService, question: str,
                                                    other: str) -> None:
    reply = ask(service, question)
    answer = reply.answer or ""
    assert other not in answer and "640" not in answer, answer
    assert not reply.found or reply.period_match != "exact", answer


@pytest.mark.parametrize(("question", "expected"), [
    ("Kim ngạch xuất khẩu năm 2044 tăng bao nhiêu so với năm 2043?", "12%"),
    ("Thu ngân sách năm 2044 tăng bao nhiêu so với năm trước?", "9,6%"),
    ("Tổng mức bán lẻ hàng hóa năm 2043 tăng bao nhiêu so với năm 2042?", "8%"),
])
def test_a_change_with_no_base_or_cung_ky_still_answers_the_year_before(
        service: RagService, question: str, expected: str) -> None:
    reply = ask(service, question)
    assert reply.found and (reply.answer or "").startswith(expected), reply.answer


CPI_DOCS = [
    {"id": "cpi", "title": "Chỉ số giá tiêu dùng tháng 12 năm 2043", "date": "2043-12-29",
     "text": "Chỉ số giá tiêu dùng tháng 12 năm 2043\n\n"
             "Chỉ số giá tiêu dùng (CPI) tháng 12/2043 tăng 0,11% so với tháng trước. So với "
             "tháng 12/2042, CPI tăng 3,52%. Bình quân năm 2043, CPI tăng 2,9% so với bình "
             "quân năm 2042."},
]


@pytest.mark.parametrize("question", [
    "CPI tháng 12/2043 tăng bao nhiêu so với cùng kỳ?",
    "CPI tháng 12/2043 tăng bao nhiêu so với tháng 12/2042?",
    "CPI tháng 12/2043 tăng bao nhiêu so với đầu năm?",
])
def test_a_decembers_leading_base_is_the_same_month_and_the_year_start(
        tmp_path: pytest.TempPathFactory, question: str) -> None:
    service = service_over(tmp_path, CPI_DOCS)
    reply = service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2044, 1, 5)))
    assert reply.found and (reply.answer or "").startswith("3,52%"), reply.answer
