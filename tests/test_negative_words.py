"""A fall written as a negative rise (session 30, quick fix A), on wordings of our own:

- the word "âm" ("negative") right before a number is its minus: "tăng trưởng âm 2,1%",
  "tăng âm 0,8%", "mức tăng âm 1,5%" are falls of 2,1%, 0,8%, 1,5%;
- an en dash right before the digits is a minus like the hyphen: "tăng –3,1%", "đạt –3,1%";
  a dash between two numbers still joins a range ("2–3 dự án", "5–7%", "2021–2025").
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.vi.frames import extract
from rag.vi.numbers import find_values


@pytest.mark.parametrize(("sentence", "value", "low"), [
    ("Chỉ số sản xuất công nghiệp tháng 2/2031 tăng trưởng âm 2,1% so với cùng kỳ.",
     "âm 2,1%", -2.1),
    ("Kim ngạch xuất khẩu tháng 2/2031 tăng âm 0,8% so với tháng trước.", "âm 0,8%", -0.8),
    ("Giá trị sản xuất năm 2031 có mức tăng âm 1,5% so với năm trước.", "âm 1,5%", -1.5),
    ("Doanh thu dịch vụ lưu trú Âm 4,2% so với cùng kỳ.", "Âm 4,2%", -4.2),
    ("Kim ngạch nhập khẩu quý I/2031 tăng –3,1% so với cùng kỳ.", "–3,1%", -3.1),
    ("Chỉ số giá tiêu dùng tháng 3/2031 đạt –0,4% so với tháng trước.", "–0,4%", -0.4),
])
def test_a_negative_word_or_dash_is_the_minus(sentence: str, value: str, low: float) -> None:
    assert (value, low) in [(v.text, v.low) for v in find_values(sentence)]
    [f] = [f for f in extract(sentence, "t", "2031-12-31") if f.value == value]
    assert (f.low, f.measure, f.direction) == (low, "change", -1)
    assert "âm" not in f.indicator.lower().split()


@pytest.mark.parametrize(("sentence", "value", "low", "high"), [
    ("Năm 2031 có từ 2–3 dự án khởi công.", "2–3 dự án", 2.0, 3.0),
    ("Sản lượng tăng 5–7% so với năm trước.", "5–7%", 5.0, 7.0),
    ("Tháng 4 –5/2031 không có số liệu; năm 2031 đạt 12 – 15 tỷ đồng.", "12 – 15 tỷ đồng",
     12.0, 15.0),
])
def test_a_dash_between_two_numbers_still_joins_a_range(sentence: str, value: str, low: float,
                                                       high: float) -> None:
    assert (value, low, high) in [(v.text, v.low, v.high) for v in find_values(sentence)]


def test_a_word_ending_in_am_is_no_minus() -> None:
    [v] = find_values("Tỉnh xây dựng trung tâm 3 tầng.")
    assert v.low == 3.0  # "tâm" ends in "âm" but is no "âm"
    [v] = find_values("Sản lượng âm thầm tăng 4%.")
    assert v.low == 4.0  # "âm" not right before the number


DOCS = {
    "ctk-2-2031.txt": (
        "Tình hình kinh tế - xã hội tháng 2/2031\n28/02/2031\n\n"
        "Chỉ số sản xuất công nghiệp tháng 2/2031 tăng trưởng âm 2,1% so với cùng kỳ năm "
        "trước.\n"),
}


def test_an_answer_says_the_fall(tmp_path: Path) -> None:
    svc = service_over_files(tmp_path, DOCS)
    a = svc.ask("Chỉ số sản xuất công nghiệp tháng 2/2031 tăng bao nhiêu so với cùng kỳ?",
                AskOptions())
    assert a.found and a.figure is not None, a.answer
    assert a.figure.number == -2.1, a.answer
    assert "tăng 2,1" not in a.answer and "âm tăng" not in a.answer, a.answer
