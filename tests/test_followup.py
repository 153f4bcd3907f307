"""Follow-up resolution: what a chat turn leaves out is taken from the previous one."""

from __future__ import annotations

import pytest

from rag.chat.followup import Resolution, resolve, resolve_detail
from rag.vi.periods import scope_of
from rag.vi.text import fold

EXPORTS_2018 = "kim ngạch xuất khẩu 2018?"


# --- the examples of the brief -----------------------------------------------------------

def test_other_indicator_keeps_head_noun_and_year():
    r = resolve_detail("còn nhập khẩu?", EXPORTS_2018)
    assert r.resolved == "kim ngạch nhập khẩu 2018?"
    assert set(r.inherited) == {"head", "years"}
    assert r.is_followup


def test_other_year_keeps_indicator():
    r = resolve_detail("năm 2024 thì sao?", EXPORTS_2018)
    assert r.resolved == "kim ngạch xuất khẩu năm 2024?"
    assert r.inherited == ("indicator",)
    assert scope_of(r.resolved).years == {2024}


def test_period_and_year_replaced():
    r = resolve_detail("6 tháng đầu năm 2023?", "kim ngạch xuất khẩu quý I/2018?")
    assert r.resolved == "kim ngạch xuất khẩu 6 tháng đầu năm 2023?"
    assert r.inherited == ("indicator",)
    scope = scope_of(r.resolved)
    assert scope.years == {2023} and scope.periods == {"M6"}


def test_new_tail_on_previous_indicator_and_time():
    r = resolve_detail("tăng bao nhiêu so với cùng kỳ?", "tổng mức bán lẻ 6 tháng 2023")
    assert r.resolved == "tổng mức bán lẻ 6 tháng 2023 tăng bao nhiêu so với cùng kỳ?"
    assert set(r.inherited) == {"indicator", "period", "years"}


@pytest.mark.parametrize(("question", "expected"), [
    ("con nhap khau?", "kim ngạch nhập khẩu 2018?"),
    ("nam 2024 thi sao?", "kim ngạch xuất khẩu năm 2024?"),
])
def test_followups_typed_without_diacritics(question, expected):
    assert resolve(question, EXPORTS_2018) == expected


@pytest.mark.parametrize(("question", "expected"), [
    ("con nhap khau?", "kim ngach nhap khau 2018?"),
    ("nam 2024 thi sao?", "kim ngach xuat khau nam 2024?"),
])
def test_conversation_without_diacritics_stays_without(question, expected):
    # the restorer only runs on text with no diacritics at all: do not add any
    assert resolve(question, "kim ngach xuat khau 2018?") == expected


def test_complete_new_question_is_unchanged():
    q = "chỉ số giá tiêu dùng CPI 9 tháng 2024?"
    r = resolve_detail(q, EXPORTS_2018)
    assert r == Resolution(q, q, ())
    assert not r.is_followup


def test_new_phrase_of_same_family_keeps_head_noun():
    r = resolve_detail("thế còn hàng địa phương xuất khẩu?", EXPORTS_2018)
    assert r.resolved == "kim ngạch hàng địa phương xuất khẩu 2018?"
    assert set(r.inherited) == {"head", "years"}


# --- more follow-ups ---------------------------------------------------------------------

@pytest.mark.parametrize(("previous", "question", "expected"), [
    # a pure "year X" follow-up keeps the period, in the previous question's style
    ("kim ngạch xuất khẩu quý I/2018?", "năm 2024 thì sao?", "kim ngạch xuất khẩu quý I năm 2024?"),
    ("kim ngạch xuất khẩu quý I/2018?", "2024 thì sao?", "kim ngạch xuất khẩu quý I/2024?"),
    # a new period keeps the year
    ("kim ngạch xuất khẩu quý I/2018?", "còn 6 tháng đầu năm?",
     "kim ngạch xuất khẩu 6 tháng đầu năm 2018?"),
    # restating the indicator with a year drops the old period
    ("kim ngạch xuất khẩu quý I/2018?", "còn nhập khẩu năm 2024?", "kim ngạch nhập khẩu năm 2024?"),
    # qualifiers and the question tail of the previous turn are kept
    ("Kim ngạch xuất khẩu qua cửa khẩu Hữu Nghị năm 2018 là bao nhiêu?", "còn nhập khẩu?",
     "Kim ngạch nhập khẩu qua cửa khẩu Hữu Nghị năm 2018 là bao nhiêu?"),
    ("kim ngạch xuất khẩu 9 tháng đầu năm 2018", "còn nhập khẩu thì sao?",
     "kim ngạch nhập khẩu 9 tháng đầu năm 2018?"),
    # abbreviations, English and a two-word question with no marker
    (EXPORTS_2018, "vậy còn xnk thì sao?", "kim ngạch xuất nhập khẩu 2018?"),
    (EXPORTS_2018, "how about imports?", "kim ngạch nhập khẩu 2018?"),
    (EXPORTS_2018, "nhập khẩu?", "kim ngạch nhập khẩu 2018?"),
    # only the tail is new
    (EXPORTS_2018, "tăng bao nhiêu?", "kim ngạch xuất khẩu 2018 tăng bao nhiêu?"),
    ("chỉ số SXCN 6T/2025 tăng bao nhiêu?", "còn quý III?",
     "chỉ số SXCN quý III năm 2025 tăng bao nhiêu?"),
    ("có bao nhiêu doanh nghiệp thành lập mới năm 2023?", "còn 2024?",
     "có bao nhiêu doanh nghiệp thành lập mới năm 2024?"),
    ("kim ngạch xuất khẩu năm 2018 và 2019?", "còn nhập khẩu?",
     "kim ngạch nhập khẩu năm 2018 và 2019?"),
])
def test_followups(previous, question, expected):
    assert resolve(question, previous) == expected


def test_tail_comparing_with_an_old_year_is_not_carried_to_a_new_year():
    previous = "kim ngạch xuất khẩu 2018 tăng bao nhiêu so với năm 2017?"
    r = resolve_detail("năm 2024 thì sao?", previous)
    assert r.resolved == "kim ngạch xuất khẩu năm 2024?"
    assert "tail" not in r.inherited


def test_tail_asking_who_is_not_carried_to_another_indicator():
    r = resolve_detail("còn nhập khẩu?", "Giám đốc Sở Công Thương tỉnh Lạng Sơn là ai?")
    assert r.resolved == "nhập khẩu?"


def test_resolved_follow_up_reads_the_right_time_scope():
    previous = "xuất khẩu hàng địa phương 9 tháng năm 2024 ước đạt bao nhiêu?"
    resolved = resolve("còn nhập khẩu?", previous)
    assert fold(resolved).startswith("nhap khau hang dia phuong")
    scope = scope_of(resolved)
    assert scope.years == {2024} and scope.periods == {"M9"}


def test_chain_of_followups():
    first = resolve("kim ngạch xuất khẩu quý I/2018?", None)
    second = resolve("còn nhập khẩu?", first)
    third = resolve("năm 2020 thì sao?", second)
    assert second == "kim ngạch nhập khẩu quý I/2018?"
    assert third == "kim ngạch nhập khẩu quý I năm 2020?"


# --- not follow-ups ----------------------------------------------------------------------

@pytest.mark.parametrize("question", [
    "Giám đốc Sở Công Thương là ai?",
    "Lạng Sơn có bao nhiêu cửa khẩu?",
    "xin chào",
    "kim ngạch nhập khẩu năm 2019 là bao nhiêu?",
    "con số xuất khẩu năm 2019 là bao nhiêu?",  # "con số" is not "còn"
    "doanh nghiệp tiếp cận vốn vay",  # "vay" is not "vậy"
    "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ 6 tháng năm 2025 của Lạng Sơn đạt bao nhiêu?",
])
def test_complete_questions_are_unchanged(question):
    assert resolve_detail(question, EXPORTS_2018) == Resolution(question, question, ())


@pytest.mark.parametrize("previous", [None, "", "   "])
def test_no_previous_question(previous):
    assert resolve_detail("còn nhập khẩu?", previous) == Resolution("còn nhập khẩu?",
                                                                    "còn nhập khẩu?", ())


def test_question_is_normalised():
    typed = "  Kim  ngạch xuất khẩu  2018? "
    assert resolve(typed, None) == "Kim ngạch xuất khẩu 2018?"
    assert resolve_detail(typed, None).question == typed


def test_empty_question():
    assert resolve("", EXPORTS_2018) == ""
