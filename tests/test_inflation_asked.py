"""Session 40 brief "inflation" (issue 17; break-test bt17c): "lạm phát" / "inflation" asked
is the consumer price index's change against the same period a year before -- the GSO
reports headline inflation as "CPI bình quân ... tăng x% so với cùng kỳ" -- so the CPI
answers it (rag.vi.lexicon.EVERYDAY_NAMES), and of the bases a report writes the month's CPI
on ("so với tháng trước", "so với tháng 12 năm trước", "so với cùng kỳ"), the same period's
(rag.answer.question).  Near-misses: "lạm phát cơ bản" (core inflation) is an indicator of its
own, never the CPI (rag.vi.lexicon.OTHER_THAN_EVERYDAY); a base asked keeps its figure; CPI
questions read as before.

Wordings, periods, numbers and document shapes differ from the break-test's."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService

DOCS = [
    {"id": "ctk-q2-2031", "title": "Tình hình kinh tế - xã hội quý II năm 2031",
     "date": "2031-07-03",
     "text": "Tổng sản phẩm trên địa bàn (GRDP) 6 tháng đầu năm 2031 ước tăng 7,2%.\n"
             "Chỉ số giá tiêu dùng (CPI) bình quân quý II/2031 tăng 2,64% so với cùng kỳ năm "
             "trước. Bình quân 6 tháng đầu năm 2031, CPI tăng 2,48% so với bình quân cùng kỳ; "
             "lạm phát cơ bản 6 tháng tăng 1,95%.\n"},
    {"id": "ctk-t10-2033", "title": "Báo cáo kinh tế - xã hội tháng 10 năm 2033",
     "date": "2033-10-29",
     "text": "3. Giá cả\n"
             "CPI tháng 10/2033 giảm 0,12% so với tháng trước, tăng 1,76% so với tháng 12 "
             "năm trước và tăng 2,93% so với cùng kỳ năm trước. Bình quân 10 tháng năm 2033, "
             "chỉ số giá tiêu dùng tăng 3,05% so với cùng kỳ.\n"
             "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tháng 10 ước đạt 3.120 "
             "tỷ đồng.\n"},
    {"id": "ctk-2035", "title": "Kinh tế - xã hội năm 2035", "date": "2035-12-27",
     "text": "Chỉ số giá tiêu dùng bình quân năm 2035 tăng 3,38% so với năm 2034. Kim ngạch "
             "xuất khẩu qua địa bàn năm 2035 đạt 2.140 triệu USD.\n"},
    # seed 002's shape: core inflation said in passing before the CPI's own figure
    {"id": "sct-9t-2037", "title": "Báo cáo ngành Công Thương 9 tháng năm 2037",
     "date": "2037-10-05",
     "text": "Thị trường hàng hóa ổn định, lạm phát cơ bản được kiểm soát, chỉ số giá tiêu "
             "dùng bình quân (CPI) 9 tháng năm 2037 tăng 3,17%, thấp hơn cả nước.\n"},
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("inflation_asked"), DOCS)


def ask(service: RagService, question: str):  # noqa: ANN201
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2038, 2, 1)))


def test_cpi_reads_as_inflation_but_not_core() -> None:
    from rag.answer.figures import readings_said
    from rag.vi.lexicon import everyday_variants

    assert everyday_variants("Chỉ số giá tiêu dùng bình quân") == ["lam phat binh quan"]
    assert readings_said("CPI", frozenset({"lam", "phat", "quy", "ii"}))
    # "lạm phát cơ bản" asked: the CPI has no reading of it
    assert not readings_said("CPI", frozenset({"lam", "phat", "co", "ban", "quy", "ii"}))


@pytest.mark.parametrize(("question", "expected"), [
    # the quarter's and the half-year's average CPI against the same period
    ("Lạm phát quý II/2031?", "2,64%"),
    ("lạm phát quý 2 năm 2031 là bao nhiêu?", "2,64%"),
    ("lam phat 6 thang dau nam 2031?", "2,48%"),
    ("Inflation in the first half of 2031?", "2,48%"),
    # a month's CPI on three bases: "lạm phát" is the one against the same month a year before
    ("Lạm phát tháng 10/2033?", "2,93%"),
    ("lạm phát tháng 10 năm 2033 bao nhiêu?", "2,93%"),
    ("What was the inflation rate in October 2033?", "2,93%"),
    ("What was inflation in October 2033?", "2,93%"),
    ("Lạm phát bình quân 10 tháng năm 2033?", "3,05%"),
    ("Lạm phát năm 2035?", "3,38%"),
    ("lạm phát 9 tháng năm 2037?", "3,17%"),
    ("CPI bình quân 9 tháng 2037 tăng bao nhiêu?", "3,17%"),
])
def test_inflation_is_the_cpi_against_the_same_period(service: RagService, question: str,
                                                     expected: str) -> None:
    answer = ask(service, question)
    assert answer.found and answer.answer == expected, (answer.answer, answer.summary)


@pytest.mark.parametrize(("question", "expected"), [
    # a base asked keeps its figure
    ("Lạm phát tháng 10/2033 so với tháng trước?", "giảm 0,12%"),
    ("lạm phát tháng 10/2033 so với tháng 12 năm trước?", "1,76%"),
    ("CPI tháng 10/2033 so với tháng trước?", "giảm 0,12%"),
    # core inflation is its own figure
    ("lạm phát cơ bản 6 tháng đầu năm 2031?", "1,95%"),
])
def test_named_base_and_core_keep_their_figure(service: RagService, question: str,
                                              expected: str) -> None:
    answer = ask(service, question)
    assert answer.found and answer.answer == expected, (answer.answer, answer.summary)


@pytest.mark.parametrize("question", [
    # core inflation nobody reports for these periods: no CPI in its place
    "Lạm phát cơ bản quý II/2031?",
    "lạm phát cơ bản tháng 10/2033?",
    "Core inflation in 2035?",
])
def test_core_inflation_is_no_cpi(service: RagService, question: str) -> None:
    answer = ask(service, question)
    assert not answer.found, (answer.answer, answer.summary)
