"""Issue 17 break-test b17 round 8 (items 2, 3 and the "đầu tư tháng 9" defect), on sentences
of our own: a running clause ("cộng dồn / lũy kế / tính chung ...") dates its own values only,
the clause after its ";" goes back to the sentence's month; "tư" before "tháng" is no count of
months when it ends a word ("vốn đầu tư tháng 9", "Thông tư"), nor is a number word bound to
the word before it (an ordinal, a day, part of a larger number); a question of "từ đầu năm
2051 (đến nay)", "tính chung / lũy kế ... năm 2051" asked in 2051 asks the months so far."""

from __future__ import annotations

from datetime import date

import pytest

from rag.vi.asked import question_periods
from rag.vi.frames import extract
from rag.vi.mentions import find_mentions


@pytest.mark.parametrize(("sentence", "running", "after", "month"), [
    ("Trong tháng 4, có 58 hợp tác xã thành lập mới, lũy kế 4 tháng là 211 hợp tác xã; số "
     "hợp tác xã giải thể trong tháng là 12 hợp tác xã, ít hơn tháng 3 là 2 hợp tác xã.",
     ("211 hợp tác xã",), ("12 hợp tác xã", "2 hợp tác xã"), "tháng 4/2051"),
    ("Tháng 11/2051, cấp 930 hộ chiếu, cộng dồn 11 tháng đạt 9.870 hộ chiếu với lệ phí 1.450 "
     "triệu đồng; số hồ sơ trả lại là 41 hồ sơ.",
     ("9.870 hộ", "1.450 triệu đồng"), ("41 hồ sơ",), "tháng 11/2051"),
])
def test_a_running_period_ends_at_its_clause(sentence: str, running: tuple[str, ...],
                                             after: tuple[str, ...], month: str) -> None:
    frames = {f.value: f for f in extract(sentence, "t", "2051-12-20")}
    for value in running:
        f = frames[value]
        assert f.period is not None and f.period.kind == "months", f
    for value in after:
        f = frames[value]
        assert f.period is not None and f.period.label == month, f


@pytest.mark.parametrize(("text", "labels"), [
    ("Vốn đầu tư tháng 6/2051 tăng 9,3%", ["tháng 6/2051"]),
    ("số dự án cấp chủ trương đầu tư tháng 10 năm 2051", ["tháng 10/2051"]),
    ("Theo Thông tư tháng 2/2051 của Bộ", ["tháng 2/2051"]),
    ("thứ ba tháng 7 năm 2051", ["tháng 7/2051"]),
    ("mùng hai tháng 3 năm 2051", ["tháng 3/2051"]),
    # a count in words standing alone still is one
    ("sáu tháng đầu năm 2051", ["6 tháng đầu năm 2051"]),
    ("Lũy kế bảy tháng năm 2051", ["7 tháng năm 2051"]),
])
def test_a_bound_number_word_is_no_count_of_months(text: str, labels: list[str]) -> None:
    assert [m.period.label for m in find_mentions(text, 2051)] == labels


@pytest.mark.parametrize(("question", "label"), [
    ("lượt khách lưu trú tính chung từ đầu năm 2051", "5 tháng năm 2051"),
    ("số hộ chiếu cấp từ đầu năm 2051 đến nay", "5 tháng năm 2051"),
    ("lũy kế năm 2051 có bao nhiêu doanh nghiệp giải thể?", "5 tháng năm 2051"),
    # a year gone by is all of it; no running words, the year
    ("cộng dồn từ đầu năm 2050 có bao nhiêu doanh nghiệp giải thể?", "năm 2050"),
    ("lượt khách lưu trú năm 2051", "năm 2051"),
])
def test_this_year_to_date_with_its_year_asks_the_months_so_far(question: str,
                                                                label: str) -> None:
    asked = question_periods(question, date(2051, 5, 20))
    assert [p.label for p in asked.periods] == [label]
