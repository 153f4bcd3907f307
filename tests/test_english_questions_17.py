"""English questions read as Vietnamese ones (issue 17): a base after "compared with" / "from"
/ "since" is what a change is of, never a period asked; new firms "set up", "established",
"founded" are the reports' "doanh nghiệp thành lập mới"."""

from __future__ import annotations

from datetime import date

import pytest

from rag.search.query import analyze
from rag.vi.asked import question_periods
from rag.vi.calendar import month_period, year_period


@pytest.mark.parametrize(("question", "today", "asked"), [
    ("What was the industrial production index in May 2051 compared with the previous month?",
     date(2051, 7, 10), (month_period(2051, 5),)),
    ("How much did retail sales rise in March 2049 from a month earlier?",
     date(2049, 6, 1), (month_period(2049, 3),)),
    ("Exports in 2040 compared with the previous year?", date(2041, 2, 1),
     (year_period(2040),)),
    ("What was CPI in October 2052 against December of the previous year?",
     date(2052, 11, 20), (month_period(2052, 10),)),
])
def test_an_english_base_is_no_period_asked(question: str, today: date,
                                            asked: tuple[object, ...]) -> None:
    assert question_periods(question, today).periods == asked


def test_a_relative_period_without_a_base_word_is_still_asked() -> None:
    periods = question_periods("What was CPI in the previous month?", date(2052, 11, 20)).periods
    assert periods == (month_period(2052, 10),)


@pytest.mark.parametrize("question", [
    "How many new firms were set up in the first half of 2049?",
    "How many firms were established in Dong Kinh in 2050?",
    "How many businesses were founded in the first nine months of 2047?",
])
def test_new_firms_set_up_are_firms_newly_established(question: str) -> None:
    expanded = analyze(question).expanded
    assert "doanh nghiệp" in expanded and "thành lập" in expanded, expanded
