"""A day written out as words with no "ngày" before it ("30 tháng 4 năm 2093", "2 tháng 9/2090",
"30 thang 4 2093" typed plain) is that day, as "30/4/2093" is; after "dịp"/"lễ"/"nghỉ" it names
the holiday by its day ("dịp lễ 2 tháng 9", with or without its year) -- never April alone nor
"2 tháng" (January-February).  Break-test bt17p (session 44 brief wordsdate; other dates,
figures and wordings here).

Near-misses keep their reading as a count of months: "9 tháng năm 2090", "6 tháng đầu năm
2090", "trong 2 tháng 9 và 10", "3 tháng 4 năm gần đây" (no year), "tuần 2 tháng 3 2090" (a
week), a day the calendar lacks ("31 tháng 2 năm 2090")."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import report_service

from rag.vi.asked import question_periods
from rag.vi.mentions import find_mentions

_TODAY = date(2096, 12, 1)


def _asked(question: str) -> list[tuple[str, date, date]]:
    return [(p.kind, p.start, p.end) for p in question_periods(question, _TODAY).periods]


@pytest.mark.parametrize(("question", "day"), [
    ("dip le 30 thang 4 nam 2093 luot khach tang bao nhieu phan tram", date(2093, 4, 30)),
    ("Dịp lễ 2 tháng 9 năm 2090 đón bao nhiêu lượt khách?", date(2090, 9, 2)),
    ("Kỳ nghỉ lễ 30 tháng 4/2088 doanh thu du lịch?", date(2088, 4, 30)),
    ("nghỉ lễ 1 tháng 5 2091 có bao nhiêu khách", date(2091, 5, 1)),
])
def test_holiday_named_by_its_worded_day(question: str, day: date) -> None:
    assert _asked(question) == [("holiday", day, day)]


def test_holiday_named_by_its_worded_day_without_year() -> None:
    assert _asked("dịp lễ 2 tháng 9 đón bao nhiêu lượt khách") == [
        ("holiday", date(2096, 9, 2), date(2096, 9, 2))]


@pytest.mark.parametrize(("question", "day"), [
    ("lượt khách 30 tháng 4 năm 2093", date(2093, 4, 30)),
    ("giá vàng 15 tháng 3/2090 bao nhiêu?", date(2090, 3, 15)),
    ("so hop tac xa 1 thang 3 2090", date(2090, 3, 1)),
    ("Số khách 2 tháng 9, năm 2090 là bao nhiêu?", date(2090, 9, 2)),
])
def test_worded_day_without_ngay_is_the_day(question: str, day: date) -> None:
    assert _asked(question) == [("day", day, day)]


@pytest.mark.parametrize(("question", "expected"), [
    ("doanh thu 9 tháng năm 2090", [("months", date(2090, 1, 1), date(2090, 9, 30))]),
    ("doanh thu 6 tháng đầu năm 2090", [("months", date(2090, 1, 1), date(2090, 6, 30))]),
    ("doanh thu 2 tháng năm 2090", [("months", date(2090, 1, 1), date(2090, 2, 28))]),
    ("gia xang RON95 tuan 2 thang 3 2090", [("week", date(2090, 3, 8), date(2090, 3, 14))]),
    ("doanh thu 3 tháng 4 năm gần đây", [("months", date(2096, 1, 1), date(2096, 3, 31))]),
])
def test_counts_of_months_keep_their_reading(question: str,
                                             expected: list[tuple[str, date, date]]) -> None:
    assert _asked(question) == expected


def test_no_day_the_calendar_lacks_nor_a_list_of_months() -> None:
    assert all(kind != "day" for kind, _, _ in _asked("khách 31 tháng 2 năm 2090"))
    assert all(kind not in ("day", "holiday")
               for kind, _, _ in _asked("doanh thu trong 2 tháng 9 và 10 năm 2090"))


def test_report_sentences() -> None:
    s = "Tính đến 30 tháng 6 năm 2090, toàn tỉnh có 12 dự án."
    assert [(m.period.kind, m.period.end) for m in find_mentions(s, 2090, report=True)] == [
        ("to_date", date(2090, 6, 30))]
    s = "Dịp lễ 2 tháng 9 năm 2090, tỉnh đón 96.800 lượt khách."
    assert [(m.period.kind, m.period.start) for m in find_mentions(s, 2090, report=True)] == [
        ("holiday", date(2090, 9, 2))]
    s = "Trong 9 tháng năm 2090, kim ngạch đạt 5 tỷ USD."
    assert [m.period.kind for m in find_mentions(s, 2090, report=True)] == ["months"]


# -- asked of reports --------------------------------------------------------------------------

_LE_30_4 = [
    "Kỳ nghỉ lễ 30/4 - 1/5/2087: Lạng Sơn đón hơn 142 nghìn lượt khách",
    "Cập nhật: 03/05/2087",
    "Trong 5 ngày nghỉ lễ (từ 27/4 đến 1/5/2087), tỉnh Lạng Sơn đón hơn 142.600 lượt khách, "
    "tăng 7,3% so với cùng kỳ năm 2086. Trong đó, khách lưu trú đạt 41.900 lượt.",
    "Doanh thu du lịch ước đạt 155,2 tỷ đồng.",
]
_LE_2_9 = [
    "Dịp nghỉ lễ Quốc khánh 2/9/2089, Lạng Sơn đón 74.300 lượt khách",
    "Ngày đăng: 04/09/2089",
    "Trong 4 ngày nghỉ lễ Quốc khánh (từ ngày 30/8 đến hết ngày 2/9/2089), các điểm du lịch "
    "trên địa bàn tỉnh đón 74.300 lượt khách, tăng 18,1% so với dịp 2/9 năm 2088.",
    "Tổng thu từ khách du lịch ước đạt 66,4 tỷ đồng.",
]


_service = report_service


@pytest.mark.parametrize("kind", ["txt", "html", "docx"])
@pytest.mark.parametrize(("paragraphs", "question", "value"), [
    (_LE_30_4, "dip le 30 thang 4 nam 2087 luot khach tang bao nhieu phan tram", "7,3%"),
    (_LE_30_4, "Dịp lễ 30 tháng 4 năm 2087 lượt khách tăng bao nhiêu phần trăm?", "7,3%"),
    (_LE_2_9, "Dịp lễ 2 tháng 9 năm 2089 đón bao nhiêu lượt khách?", "74.300"),
    (_LE_2_9, "dip le 2 thang 9 nam 2089 tong thu tu khach du lich", "66,4"),
])
def test_worded_holiday_day_asked_of_a_report(tmp_path: Path, kind: str,
                                              paragraphs: list[str], question: str,
                                              value: str) -> None:
    got = _service(tmp_path, kind, paragraphs).ask(question)
    assert got.found and value in got.answer, got
