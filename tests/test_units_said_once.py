"""The unit of an answer as written, once and whole (issue 17's closing break-test, f17e
kind 5): a detail that repeats the unit after its value is not said twice ("2,86 triệu lượt
khách lượt khách"), and a count noun that is the first syllable of a word keeps the word
("nghìn tờ khai", not "nghìn tờ")."""

from __future__ import annotations

import pytest

from rag.answer.compose import answer_text
from rag.vi.frames import extract
from rag.vi.numbers import find_values


@pytest.mark.parametrize(("text", "unit"), [
    ("Cục đã tiếp nhận 96,4 nghìn tờ khai hải quan.", "nghìn tờ khai"),
    ("Năm 2030 phát hành 2,5 triệu tờ rơi tuyên truyền.", "triệu tờ rơi"),
    ("Sản xuất đạt 180 triệu viên gạch nung.", "triệu viên"),
    ("Tiêm 1,5 triệu liều vắc xin.", "triệu liều"),
])
def test_a_count_noun_keeps_the_word_it_begins(text: str, unit: str) -> None:
    assert [v.unit for v in find_values(text)] == [unit]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Du lịch: tháng 9 đón khoảng 400.000 lượt khách; lũy kế 9 tháng đón 3,4 triệu lượt "
     "khách, trong đó khách quốc tế 120 nghìn lượt.", "3,4 triệu lượt khách"),
    ("Cửa khẩu: tháng 9 có 52.000 lượt người xuất nhập cảnh; cộng dồn 9 tháng có 1,2 triệu "
     "lượt người.", "1,2 triệu lượt người"),
])
def test_the_unit_is_said_once(sentence: str, expected: str) -> None:
    frames = extract(f"Báo cáo tháng 9 năm 2030\n\n{sentence}\n")
    said = answer_text(next(f for f in frames if f.value.startswith(expected.split()[0])))
    assert said.startswith(expected) and expected.split(" ", 2)[-1] not in said[len(expected):]
