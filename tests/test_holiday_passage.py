"""A holiday's span stated at the head of a passage dates the passage's later figures that
state no period of their own (break-test s39 bt17: "Tổng thu từ khách du lịch ước đạt ..."
after "trong kỳ nghỉ Tết Nguyên đán (từ ngày ... đến hết ngày ...)" was dated the whole
year); "mùng N Tết", "N Tết" are days, never values.  A paragraph naming its own period
keeps it (near-miss)."""

from __future__ import annotations

from datetime import date

import pytest

from rag.vi.frames.document import extract
from rag.vi.numbers import find_values

TET = (
    "Du lịch dịp Tết Nguyên đán Mậu Thân 2028\n\nCập nhật 01/02/2028\n\n"
    "Trong kỳ nghỉ Tết Nguyên đán (từ ngày 25/01 đến hết ngày 30/01/2028), các khu, điểm "
    "du lịch trên địa bàn đón 131.200 lượt khách, tăng 9% so với cùng kỳ. Doanh thu từ "
    "hoạt động du lịch ước đạt 187 tỷ đồng.\n\n"
    "Riêng mùng 3 Tết, các điểm tham quan đón hơn 15.000 lượt khách. Công suất buồng "
    "phòng bình quân đạt 58%.\n\n"
    "Năm 2027, tổng lượt khách du lịch đến tỉnh đạt 4,9 triệu lượt, doanh thu 6.850 tỷ "
    "đồng.\n")
LE_30_4 = (
    "Kết quả phục vụ khách dịp nghỉ lễ\n\n"
    "Dịp nghỉ lễ 30/4 - 1/5/2029 (từ ngày 28/4 đến ngày 01/5/2029), toàn tỉnh đón khoảng "
    "74.500 lượt khách. Tổng doanh thu du lịch đạt 96 tỷ đồng. Tỷ lệ lấp đầy phòng khoảng "
    "62%.\n\n"
    "Tháng 4/2029, doanh thu bán lẻ hàng hóa đạt 2.140 tỷ đồng.\n")
LE_2_9 = (
    "Du lịch dịp Quốc khánh\n05/9/2030\n\n"
    "Trong 4 ngày nghỉ lễ Quốc khánh (từ 30/8 đến 2/9/2030), tỉnh đón 58.300 lượt khách; "
    "tổng thu từ khách du lịch đạt 71,5 tỷ đồng. Số khách lưu trú đạt 12.600 lượt.\n"
    "Năm 2029, tổng thu từ khách du lịch của tỉnh đạt 5.120 tỷ đồng.\n")


def _period(text: str, value: str) -> str:
    frames = [f for f in extract(text) if f.value.startswith(value) or value in f.value]
    assert frames, value
    return frames[0].period.label if frames[0].period else ""


@pytest.mark.parametrize(("text", "value", "start", "end"), [
    (TET, "187 tỷ", date(2028, 1, 25), date(2028, 1, 30)),
    (TET, "58%", date(2028, 1, 25), date(2028, 1, 30)),
    (LE_30_4, "96 tỷ", date(2029, 4, 28), date(2029, 5, 1)),
    (LE_30_4, "62%", date(2029, 4, 28), date(2029, 5, 1)),
    (LE_2_9, "71,5 tỷ", date(2030, 8, 30), date(2030, 9, 2)),
    (LE_2_9, "12.600", date(2030, 8, 30), date(2030, 9, 2)),
])
def test_holiday_dates_its_passage(text: str, value: str, start: date, end: date) -> None:
    frame = next(f for f in extract(text) if value in f.value)
    assert frame.period is not None
    assert (frame.period.start, frame.period.end) == (start, end), frame.period


@pytest.mark.parametrize(("text", "value", "year"), [
    (TET, "6.850", 2027),        # a new paragraph with its own year
    (LE_30_4, "2.140", 2029),    # "Tháng 4/2029": its month, not the holiday
    (LE_2_9, "5.120", 2029),     # a line naming its own year
])
def test_own_period_kept(text: str, value: str, year: int) -> None:
    frame = next(f for f in extract(text) if value in f.value)
    assert frame.period is not None and frame.period.kind != "days", frame.period
    assert frame.period.start.year == year


@pytest.mark.parametrize("sentence", [
    "Riêng mùng 3 Tết, các điểm tham quan đón hơn 15.000 lượt khách.",
    "Ngày mồng 2 Tết, khu du lịch đón 8.700 lượt khách.",
    "Riêng 5 Tết đón 6.100 lượt khách.",
])
def test_day_of_tet_no_value(sentence: str) -> None:
    values = [v.text for v in find_values(sentence)]
    assert len(values) == 1 and "lượt" in values[0], values
