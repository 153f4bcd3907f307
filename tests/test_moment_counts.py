"""Counts held at a moment at a named place (issue 17, dev2 e029/e073/e151 kinds).

A count of vehicles waiting ("còn", "tồn", "chờ") dated by an hour or a part of day and a
date ("8 giờ sáng 16/12/2022", "chiều 23/2") is that day's figure, and the question's
part of day is no word of the indicator; a figure said of a list of gates ("cửa khẩu Hữu
Nghị và Tân Thanh") is not the figure of one of them alone.  Other gates, dates, parts of
day and wordings than the dev2 evidence.
"""
from __future__ import annotations

from datetime import date

import pytest

from rag.answer.intent import read_intent
from rag.answer.places import gates_fit, gates_joined
from rag.search.query import analyze
from rag.vi.frames import extract
from rag.vi.numbers import find_values


@pytest.mark.parametrize("text", [
    "Đến 9 giờ tối 3/1/2024, tại bãi xe cửa khẩu Chi Ma còn 412 xe chờ xuất khẩu.",
    "Lúc 7 giờ 30 phút chiều ngày 5/2, khu vực cửa khẩu Cốc Nam còn 412 xe.",
    "Tính đến 6 giờ sáng 20/1/2025, còn 412 xe hàng tồn.",
])
def test_hour_before_a_day_is_no_value(text: str) -> None:
    assert [v.text for v in find_values(text)] == ["412 xe"]


def test_hours_as_a_figure_stay() -> None:
    assert [v.text for v in find_values("thời gian thông quan giảm còn 6 giờ")] == ["6 giờ"]


def test_count_at_an_hour_and_part_of_day_is_of_that_day() -> None:
    text = ("Tình hình thông quan tháng 1/2025\n\n"
            "Tính đến 6 giờ sáng 20/1/2025, tại các bãi xe khu vực cửa khẩu còn 905 xe hàng "
            "tồn chờ xuất khẩu, trong đó cửa khẩu Tân Thanh 311 xe, cửa khẩu Chi Ma 190 xe.\n")
    got = {f.value: f.period for f in extract(text, "Tình hình thông quan tháng 1/2025")
           if f.unit == "xe"}
    for value in ("905 xe", "311 xe", "190 xe"):
        period = got[value]
        assert period is not None and period.start == period.end == date(2025, 1, 20)


@pytest.mark.parametrize("question", [
    "chiều 20/1/2025 còn bao nhiêu xe tồn đọng ở cửa khẩu Chi Ma",
    "Tối ngày 20/1/2025 số xe ùn ứ tại cửa khẩu Cốc Nam là bao nhiêu",
    "luc 17h ngay 20/1/2025 con bao nhieu xe ton",
    "9 giờ sáng 20/1/2025 còn bao nhiêu xe container chờ",
])
def test_part_of_day_is_no_word_of_the_indicator(question: str) -> None:
    words = {w for run in read_intent(analyze(question)).runs for w in run}
    assert not words & {"sang", "chieu", "toi", "trua", "dem", "gio", "h", "luc", "17h"}
    assert "xe" in words


@pytest.mark.parametrize(("text", "names"), [
    ("tại khu vực cửa khẩu Chi Ma và Cốc Nam còn khoảng 310 xe",
     {"chi ma", "coc nam"}),
    ("qua cửa khẩu Tân Thanh, Cốc Nam và Chi Ma đạt 95 triệu USD",
     {"tan thanh", "coc nam", "chi ma"}),
    ("các huyện Văn Lãng và Tràng Định có 1.200 hộ", {"van lang", "trang dinh"}),
    ("tại cửa khẩu Chi Ma còn 310 xe", set()),
])
def test_gates_joined(text: str, names: set[str]) -> None:
    assert gates_joined(text) == names


_JOINT = ("Tình hình xuất nhập khẩu tháng 2/2025\n\n"
          "Chiều 5/2/2025, tại các bãi xe khu vực cửa khẩu Chi Ma và Cốc Nam còn khoảng 310 "
          "xe hàng chờ xuất khẩu.\n")


def _frame(text: str, value: str):  # noqa: ANN202 - a test helper
    return next(f for f in extract(text, "") if f.value.endswith(value))


def test_joint_figure_is_no_figure_of_one_gate() -> None:
    frame = _frame(_JOINT, "310 xe")
    assert not gates_fit(frozenset({"chi ma"}), frame, _JOINT)
    assert not gates_fit(frozenset({"coc nam"}), frame, _JOINT)
    assert gates_fit(frozenset({"chi ma", "coc nam"}), frame, _JOINT)


def test_respective_figures_keep_their_gate() -> None:
    text = ("Tình hình xuất nhập khẩu tháng 2/2025\n\n"
            "Chiều 5/2/2025, tại cửa khẩu Chi Ma và Cốc Nam còn lần lượt 210 xe và 100 xe "
            "hàng chờ xuất khẩu.\n")
    assert gates_fit(frozenset({"chi ma"}), _frame(text, "210 xe"), text)
