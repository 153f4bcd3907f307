"""English questions read as Vietnamese ones (issue 17): a base after "compared with" / "from"
/ "since" is what a change is of, never a period asked; new firms "set up", "established",
"founded" are the reports' "doanh nghiệp thành lập mới"."""

from __future__ import annotations

from datetime import date

import pytest

from rag.search.query import analyze, is_english, vietnamese_terms, written_abbreviations
from rag.vi.asked import question_periods
from rag.vi.calendar import month_period, year_period
from rag.vi.text import fold


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


@pytest.mark.parametrize(("question", "phrase"), [
    ("industrial production index (IIP) in 2046?", "chỉ số sản xuất công nghiệp"),
    ("What was export turnover (KNXK) in 2039?", "kim ngạch xuất khẩu"),
    ("exports (KNXK) in the first half of 2044", "kim ngạch xuất khẩu"),
])
def test_a_bracketed_abbreviation_is_the_same_indicator_once(question: str,
                                                             phrase: str) -> None:
    terms = vietnamese_terms(question)
    assert terms.count(phrase) == 1 and fold(phrase) in fold(terms), terms
    assert question.split("(")[1].split(")")[0] not in written_abbreviations(question)


def test_an_abbreviation_the_reports_write_stays() -> None:
    assert written_abbreviations("What was CPI (consumer prices) in May 2044?") == ["CPI"]
    assert written_abbreviations("GRDP growth in 2044?") == ["GRDP"]


@pytest.mark.parametrize("question", [
    "last month's industrial production index",
    "retail sales (TMBL) 2046",
    "export turnover 2039",
    "last year's cement output",
])
def test_a_short_english_question_is_english(question: str) -> None:
    assert is_english(question)
    assert "(" in analyze(question).expanded


@pytest.mark.parametrize("question", [
    "san luong than nam 2046", "tong muc ban le thang 5", "xuat khau hang hoa 2039",
    "gia vang thang 7/2044",
])
def test_a_vietnamese_question_without_diacritics_is_not(question: str) -> None:
    assert not is_english(question)
