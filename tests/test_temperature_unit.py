"""A temperature's unit: "°C" (or "°F") after a number is its unit, so a range written with it is
one value ("tăng 0,3 đến 0,6 °C", issue 16 item 3: ranges are one value).  Without it the two ends
were two figures, and XQuAD-vi dev's "đã thay đổi bao nhiêu …?" was answered "0,3" alone at 0.94."""

from __future__ import annotations

import pytest

from rag.vi.numbers import find_values, unit_after


@pytest.mark.parametrize(("text", "values"), [
    ("nhiệt độ trung bình tăng 0,3 đến 0,6 °C trong thế kỷ qua", ["0,3 đến 0,6 °C"]),
    ("biên độ 1,5 - 2 °C", ["1,5 - 2 °C"]),
    ("nhiệt độ cao nhất 38,5°C vào tháng 6", ["38,5°C"]),
    ("khoảng 70 °F", ["70 °F"]),
])
def test_a_temperature_keeps_its_unit(text: str, values: list[str]) -> None:
    assert [v.text for v in find_values(text)] == values


def test_a_degree_sign_alone_is_no_unit() -> None:
    assert unit_after(" °") == ("", 0)
    assert unit_after(" Celsius") == ("", 0)
