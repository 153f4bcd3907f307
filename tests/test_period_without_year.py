"""A month, quarter or months-to-date asked with no year anywhere in the question is the latest
one whose last month has begun by the day it is asked, never one still to come."""

from datetime import date

import pytest

from rag.vi.asked import question_periods


@pytest.mark.parametrize("question, today, label", [
    ("tổng mức bán lẻ tháng 8?", date(2029, 2, 1), "tháng 8/2028"),
    ("doanh thu du lịch tháng Mười Hai", date(2030, 6, 15), "tháng 12/2029"),
    ("kim ngạch xuất khẩu quý IV?", date(2029, 2, 1), "quý IV/2028"),
    ("quý III xuất khẩu bao nhiêu", date(2031, 7, 20), "quý III/2030"),
    ("quý III xuất khẩu bao nhiêu", date(2031, 9, 25), "quý III/2031"),
    ("vốn đầu tư 8 tháng?", date(2029, 2, 1), "8 tháng năm 2028"),
    ("tổng mức bán lẻ tháng 3?", date(2029, 5, 1), "tháng 3/2029"),
    ("chỉ số CPI tháng 2", date(2029, 2, 10), "tháng 2/2029"),
])
def test_period_without_year_is_latest_begun(question, today, label):
    periods = question_periods(question, today).periods
    assert [p.label for p in periods] == [label]


@pytest.mark.parametrize("question, today, label", [
    ("tổng mức bán lẻ tháng 8 năm 2029", date(2029, 2, 1), "tháng 8/2029"),
    ("tổng mức bán lẻ tháng 8 năm nay", date(2029, 2, 1), "tháng 8/2029"),
])
def test_year_written_is_kept(question, today, label):
    assert [p.label for p in question_periods(question, today).periods] == [label]
