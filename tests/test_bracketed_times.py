"""Times in brackets that are not the figure's time, and a figure dated only by what it is
compared with.  A period inside a bracket qualifying the indicator ("(theo chuẩn ... giai
đoạn ...)", "(theo Quyết định ... năm ...)") names the indicator's definition; "(công bố /
ban hành / cập nhật <ngày>)" says when it was published: neither dates the figure.  "từ A
<thời điểm 1> xuống/lên B <thời điểm 2>, giảm/tăng C" dates A, B and C (against A's time).
A sentence whose only time is a compared one ("(tăng 1,8 lần so với 6 tháng đầu năm 2061)")
is of the same span a year on, in a report of that year.  Issue 17 bt22-b17 failures 1, 2
and 7, written here with other indicators, places, periods and numbers."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames.document import extract
from rag.vi.numbers import find_values


def _periods(text: str, title: str, day: str) -> dict[str, tuple[str | None, str | None]]:
    return {f.value: (f.period.label if f.period else None, f.comparison)
            for f in extract(text, title, day)}


def test_a_norm_period_in_brackets_does_not_date_from_to_values() -> None:
    text = ("Tỷ lệ lao động qua đào tạo (theo tiêu chí giai đoạn 2056 - 2060) tăng từ 58,2% "
            "cuối năm 2058 lên 61,7% cuối năm 2059, tăng 3,5 điểm phần trăm.")
    got = _periods(text, "Báo cáo năm 2059", "2059-12-10")
    assert got["58,2%"][0] == "cuối năm 2058"
    assert got["61,7%"][0] == "cuối năm 2059"
    change = next(v for k, v in got.items() if "3,5" in k)
    assert change == ("cuối năm 2059", "cuối năm 2058")


def test_a_decision_year_in_brackets_is_no_period() -> None:
    text = ("Số hộ dùng nước sạch (theo Quyết định số 15/QĐ-UBND năm 2049) đạt 42.300 hộ trong "
            "năm 2051.")
    assert _periods(text, "Báo cáo", "2051-12-20")["42.300 hộ"][0] == "năm 2051"


@pytest.mark.parametrize("text, value", [
    ("Chỉ số năng lực cạnh tranh cấp tỉnh năm 2063 (công bố tháng 5/2064), tỉnh xếp thứ "
     "21/63.", "21/63"),
    ("Chỉ số hài lòng của người dân năm 2063 (cập nhật ngày 12/3/2064) đạt 84,6%.", "84,6%"),
    ("Chỉ số chuyển đổi số năm 2063 (ban hành quý I/2064), thành phố xếp thứ 6/12.", "6/12"),
])
def test_a_publication_date_in_brackets_is_not_the_index_year(text: str, value: str) -> None:
    got = {f.value: f for f in extract(text, "Báo cáo", "2064-06-30")}
    frame = next(f for k, f in got.items() if k.startswith(value))
    assert frame.period is not None and frame.period.label == "năm 2063"


def test_a_compared_period_alone_dates_the_sentence_a_year_on() -> None:
    text = ("Kết quả kiểm tra quý II và 6 tháng đầu năm 2061\n\n3. Hàng hóa tạm giữ\n"
            "Thu giữ 7.250 bao phân bón giả (tăng 1,8 lần so với 6 tháng đầu năm 2060), "
            "1.930 lít dầu nhớt.")
    got = _periods(text, "Kết quả kiểm tra quý II và 6 tháng đầu năm 2061", "2061-07-04")
    level = next(k for k in got if k.startswith("7.250"))
    assert got[level][0] == "6 tháng đầu năm 2061"
    assert got["1.930 lít"][0] == "6 tháng đầu năm 2061"
    # a compared period that is no year before the report's dates nothing
    text = ("Kết quả kiểm tra quý II và 6 tháng đầu năm 2061\n\n3. Hàng hóa tạm giữ\n"
            "Thu giữ 7.250 bao phân bón giả (tăng 1,8 lần so với 6 tháng đầu năm 2057).")
    got = _periods(text, "Kết quả kiểm tra quý II và 6 tháng đầu năm 2061", "2061-07-04")
    assert got[next(k for k in got if k.startswith("7.250"))][0] is None


@pytest.mark.parametrize("text, unit", [
    ("Thu giữ 3.400 bao xi măng không rõ nguồn gốc.", "bao xi măng"),
    ("Tiêu hủy 960 bao thuốc lá nhập lậu.", "bao thuốc lá"),
])
def test_bao_counts(text: str, unit: str) -> None:
    assert [v.unit for v in find_values(text)] == [unit]


DOCS = [
    {"id": "ldxh", "title": "Báo cáo kinh tế - xã hội huyện Đông Lâm năm 2059",
     "date": "2059-12-10",
     "text": "Tỷ lệ hộ cận nghèo (theo chuẩn nghèo giai đoạn 2056 - 2060) giảm từ 9,12% cuối "
             "năm 2058 xuống còn 7,46% cuối năm 2059, giảm 1,66 điểm phần trăm.\n"
             "Về chỉ số hiệu quả quản trị hành chính công năm 2058 (công bố tháng 3/2059), "
             "huyện Đông Lâm xếp thứ 2/9 huyện, thị xã."},
    {"id": "qltt", "title": "Kết quả kiểm tra quý II và 6 tháng đầu năm 2061",
     "date": "2061-07-04",
     "text": "1. Kết quả chung\nTrong 6 tháng, xử lý 640 vụ vi phạm.\n\n2. Hàng hóa tạm giữ\n"
             "Thu giữ 7.250 bao phân bón giả (tăng 1,8 lần so với 6 tháng đầu năm 2060), "
             "1.930 lít dầu nhớt không rõ nguồn gốc."},
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("bracketed_times"), DOCS)


@pytest.mark.parametrize("question, expected, today", [
    ("tỷ lệ hộ cận nghèo huyện Đông Lâm cuối năm 2058?", "9,12", date(2059, 12, 20)),
    ("tỷ lệ hộ cận nghèo huyện Đông Lâm năm 2059 giảm bao nhiêu?", "1,66", date(2059, 12, 20)),
    ("huyện Đông Lâm xếp thứ mấy về chỉ số hiệu quả quản trị hành chính công năm 2058?",
     "2/9", date(2059, 12, 20)),
    ("thu giữ bao nhiêu bao phân bón giả 6 tháng đầu năm 2061?", "7.250", date(2061, 7, 20)),
])
def test_questions(service: RagService, question: str, expected: str, today: date) -> None:
    ans = service.ask(question, AskOptions(retrieval_mode="lexical", today=today))
    assert expected in (ans.answer or ""), (ans.answer, ans.summary)
