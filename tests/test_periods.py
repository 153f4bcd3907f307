"""rag.vi.periods: years and reporting periods of questions and documents."""

from __future__ import annotations

import pytest
from conftest import D000, D001, D002, D003, D004, SEED_FILES

from rag.ingest.readers import read_file
from rag.vi.periods import TimeScope, find_periods, find_years, main_scope, scope_of, time_match


@pytest.mark.parametrize(("text", "years", "periods"), [
    ("ba tháng đầu năm 2018", {2018}, {"M3"}),
    ("quý I/2018", {2018}, {"M3"}),
    ("QUÝ I năm 2018", {2018}, {"M3"}),
    ("3T/2018", {2018}, {"M3"}),
    ("6 tháng đầu năm 2023", {2023}, {"M6"}),
    ("6T 2023", {2023}, {"M6"}),
    ("nửa đầu năm 2021", {2021}, {"M6"}),
    ("9 tháng năm 2024", {2024}, {"M9"}),
    ("chi so san xuat cong nghiep 9 thang 2024", {2024}, {"M9"}),  # no diacritics
    ("6 tháng cuối năm 2023", {2023}, {"H2"}),  # second half, not M6
    ("sáu tháng cuối năm", set(), {"H2"}),
    ("quý II/2020", {2020}, {"Q2"}),
    ("quý III", set(), {"Q3"}),
    ("quý IV năm 2022", {2022}, {"Q4"}),
    ("cả năm 2024", {2024}, {"FY"}),
    ("năm 2019", {2019}, set()),
])
def test_scope_of(text, years, periods):
    scope = scope_of(text)
    assert scope.years == frozenset(years)
    assert scope.periods == frozenset(periods)


def test_comparison_years_are_excluded():
    scope = scope_of("6 tháng đầu năm 2023 tăng 98,9% so với cùng kỳ năm 2022")
    assert scope.years == {2023}
    assert scope.comparison_years == {2022}
    assert scope.periods == {"M6"}

    only_cmp = scope_of("tăng 5,79% so với cùng kỳ năm 2022")
    assert only_cmp.years == frozenset()
    assert only_cmp.comparison_years == {2022}
    assert not only_cmp  # a scope with only comparison years names no time


def test_numbers_that_look_like_years_are_not_years():
    assert scope_of("đạt 2.018 tỷ đồng").years == frozenset()
    assert scope_of("tăng 1,2018%").years == frozenset()


def test_empty_scope_is_falsy():
    assert not TimeScope()
    assert TimeScope(years=frozenset({2018}))


def test_find_periods_keeps_order_and_repeats():
    assert find_periods("quý I ... 6 tháng đầu năm ... quý I") == ["M3", "M6", "M3"]


def test_find_years_splits_about_and_compared():
    about, compared = find_years("năm 2024 tăng so với năm 2023")
    assert about == [2024]
    assert compared == [2023]


@pytest.mark.parametrize(("doc_id", "year", "period"), [
    (D000, 2025, "M6"),
    (D001, 2018, "M3"),
    (D002, 2024, "M9"),
    (D003, 2021, "M6"),
    (D004, 2023, "M6"),
])
def test_main_scope_of_each_seed(doc_id, year, period):
    path = next(p for p in SEED_FILES if p.stem == doc_id)
    doc = read_file(path)[0]
    scope = main_scope(f"{doc.title}\n{doc.text}")
    assert scope.years == {year}
    assert scope.periods == {period}
    # the Document carries the same scope
    assert doc.years == (year,)
    assert doc.periods == (period,)


def test_main_scope_adds_the_date_year():
    assert main_scope("Kim ngạch quý I năm 2018", date_year=2019).years == {2018, 2019}


# Regression: the comparison rule once ran on folded text, so "số"/"sở"/"sơ" (-> "so") and any
# word ending in "hon" ("thôn") before a year turned it into a comparison year.
@pytest.mark.parametrize("question", [
    "Chỉ số cải cách hành chính của Sở năm 2024 đạt bao nhiêu?",
    "Số hồ sơ năm 2024",
    "Có bao nhiêu thôn năm 2024?",
])
def test_year_after_so_or_so_words_is_not_a_comparison(question):
    scope = scope_of(question)
    assert scope.years == {2024}
    assert scope.comparison_years == frozenset()


@pytest.mark.parametrize(("scope", "years", "periods", "lenient", "expected"), [
    (TimeScope(), (2018,), ("M3",), False, None),  # nothing asked
    (TimeScope(frozenset({2018})), (2017, 2018), (), False, True),
    (TimeScope(frozenset({2018})), (2019,), ("M3",), False, False),
    (TimeScope(frozenset({2018})), (), (), False, False),  # silent about the year
    (TimeScope(frozenset({2018}), frozenset({"M3"})), (2018,), ("M3", "M6"), False, True),
    (TimeScope(frozenset({2018}), frozenset({"M3"})), (2018,), ("M9",), False, False),
    (TimeScope(frozenset({2018}), frozenset({"M3"})), (2018,), ("M9",), True, False),
    (TimeScope(frozenset({2018}), frozenset({"M3"})), (2018,), (), False, False),
    (TimeScope(frozenset({2018}), frozenset({"M3"})), (2018,), (), True, True),  # unstated
    (TimeScope(frozenset({2018}), frozenset({"M3"})), (2019,), (), True, False),
    (TimeScope(periods=frozenset({"M6"})), (), ("M6",), False, True),
])
def test_time_match(scope, years, periods, lenient, expected):
    assert time_match(scope, years, periods, unstated_period_ok=lenient) is expected
