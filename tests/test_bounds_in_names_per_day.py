"""Issue 17, break-test bt26-b17 failures 1 and 7: a bound inside an indicator's name ("từ 15
tuổi trở lên", "dưới 6 tuổi", "từ 3 sao trở lên") is part of the name, never a figure nor the
owner of the sentence's period; a unit with a magnitude keeps its "per" part ("tỷ đồng/ngày",
"triệu USD/tháng"), and a bare average after its total is that total's average.  The wordings,
numbers, periods and places here are not the break-test's."""
from __future__ import annotations

import pytest

from rag.vi.frames import extract
from rag.vi.numbers import find_values, unit_after


def _values(text: str) -> list[str]:
    return [v.text for v in find_values(text)]


@pytest.mark.parametrize("text, kept", [
    ("Số lao động từ 15 tuổi trở lên có việc làm năm 2081 đạt 612,8 nghìn người",
     ["612,8 nghìn người"]),
    ("Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi năm 2080 là 14,2%", ["14,2%"]),
    ("Số người trên 60 tuổi được khám sức khỏe định kỳ đạt 48.300 người", ["48.300 người"]),
    ("Công suất phòng các cơ sở lưu trú từ 4 sao trở lên tháng 8/2080 đạt 71,5%", ["71,5%"]),
    ("Lao động từ 18 đến 35 tuổi chiếm 41,6% lực lượng lao động", ["41,6%"]),
])
def test_bound_in_a_name_is_no_value(text: str, kept: list[str]) -> None:
    assert _values(text) == kept


@pytest.mark.parametrize("text, value", [
    ("Tuổi thọ trung bình của người dân đạt trên 74 tuổi", "74 tuổi"),  # the figure itself
    ("Tuổi nghỉ hưu của lao động nam tăng từ 60 tuổi lên 62 tuổi", "60 tuổi"),  # a change
])
def test_a_figure_in_years_of_age_stays(text: str, value: str) -> None:
    assert value in _values(text)


def test_the_figures_keep_the_period_the_bound_took() -> None:
    text = ("Lực lượng lao động từ 15 tuổi trở lên 9 tháng năm 2081 ước đạt 1.046,3 nghìn người, "
            "tăng 12,4 nghìn người so với cùng kỳ.")
    frames = extract(text, "bc", "2081-10-05")
    assert [f.value for f in frames] == ["1.046,3 nghìn người", "12,4 nghìn người"]
    assert all(f.period is not None and f.period.end.year == 2081 and f.period.end.month == 9
               for f in frames)
    assert "15 tuổi trở lên" in frames[0].indicator


@pytest.mark.parametrize("after, unit", [
    (" tỷ đồng/ngày.", "tỷ đồng/ngày"),
    (" tỷ đồng/người/tháng", "tỷ đồng/người/tháng"),
    (" tr.đ/tháng", "triệu đồng/tháng"),
    (" triệu đô la/năm", "triệu USD/năm"),
    (" tỷ đồng, tăng 4%", "tỷ đồng"),
    (" tỷ đồng/2081", "tỷ đồng"),  # no "per" unit: a date
])
def test_scaled_money_keeps_its_per_unit(after: str, unit: str) -> None:
    assert unit_after(after)[0] == unit


def test_bare_average_after_total_and_change_is_the_totals() -> None:
    text = ("Trong 4 ngày nghỉ lễ Quốc khánh từ 31/8 đến 3/9/2081, doanh thu bán lẻ hàng hóa đạt "
            "612,4 tỷ đồng, tăng 11,3%; bình quân 153,1 tỷ đồng/ngày.")
    by_value = {f.value: f for f in extract(text, "bc", "2081-09-05")}
    avg = by_value["153,1 tỷ đồng/ngày"]
    assert avg.unit == "tỷ đồng/ngày"
    assert avg.indicator.lower().startswith("doanh thu bán lẻ hàng hóa")
    assert avg.measure == "level" and "bình quân" in avg.verb  # an average, not the total
    assert by_value["612,4 tỷ đồng"].indicator == "doanh thu bán lẻ hàng hóa"
