"""Graded classes and their open bounds: "3 sao", "hạng 2", "Euro 4" name one class; "từ 3 sao
trở lên", "3 sao trở lên", "trên 5 tầng", "dưới 5 tuổi", "tối thiểu hạng 3" name every class
past a bound -- a different scope, whose count is a cumulative total, never the class's own.

Reports list the one beside the other: "198 sản phẩm đạt chuẩn OCOP từ 3 sao trở lên, trong
đó 1 sản phẩm đạt 5 sao, 19 sản phẩm đạt 4 sao và 178 sản phẩm đạt 3 sao" (issue 17, break-test
s39 bt17b: "Số sản phẩm OCOP 3 sao?" served the 198 at 1.0); the same wording in dev2's
e10 ("hơn 17.400 sản phẩm OCOP đạt từ 3 sao trở lên"), dev3 r13 ("62 sản phẩm đạt chứng
nhận OCOP từ 3 sao trở lên") and r20 ("các khách sạn từ 3 sao trở lên ... đạt 96%"), the
held-out ho05 ("9 sản phẩm ... đạt chuẩn OCOP 3 sao trở lên").  Vietnamese statistical
writing bounds a class with "từ N ... trở lên/trở xuống", "N ... trở lên", "trên"/"dưới" N,
"tối thiểu"/"ít nhất"/"tối đa"/"không quá" N (GSO: "lao động từ 15 tuổi trở lên", "doanh
nghiệp có từ 10 lao động trở lên"), and "đạt từ N sao" alone means at least N.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from rag.vi.lexicon import NOT_A_THING_WORDS
from rag.vi.text import fold

# the words that name a grade by the number after them ("hạng 3", "cấp 4", "loại 1", "nợ nhóm
# 3", "tiêu chuẩn Euro 4", "thợ bậc 3"; rag.vi.numbers _CLASS_BEFORE and _NAME_BEFORE), folded
_WORD_FIRST = ("hang", "cap", "loai", "nhom", "euro", "bac")
# the number of a class, then its word ("3 sao", "5 tầng") or its word, then the number
_NUMBER_WORD = re.compile(r"(?<![\w.,/])(\d{1,3}) ([a-z]+)\b")
_WORD_NUMBER = re.compile(r"\b(" + "|".join(_WORD_FIRST) + r") (\d{1,3})(?![\w.,/])")
_WORD_FIRST_BEFORE = re.compile(r"\b(?:" + "|".join(_WORD_FIRST) + r") $")
# the bound written before a class (folded, ending right before it) ...
_BEFORE = re.compile(r"(?:^|\s)(tu|tren|hon|duoi|toi thieu|it nhat|toi da|khong qua)\s+$")
# ... and after it: "trở lên"/"trở xuống", at most one word between ("từ 3 sao OCOP trở lên")
_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?tro (len|xuong)\b")
# "từ 3 sao lên 4 sao", "từ 3 đến 5 sao", "từ hạng 3 xuống hạng 2": a move or a range, no bound
_NOT_FROM = re.compile(r"\s+(?:len|xuong|den|toi|sang|-|–)\s*(?:[a-z]+\s+)?\d")
# "từ 3 đến 5 sao", "3, 4 và 5 sao", "3-5 sao": the last number's class is joined to others
_JOINED_BEFORE = re.compile(r"\d\s*(?:den|toi|va|hoac|-|–|,)\s*$")
# words a number stands before that name no class ("3 đến 5 sao", "hạng 3 trở lên")
_NO_CLASS = frozenset({"den", "toi", "va", "hoac", "tro"})
AT_LEAST, AT_MOST, OVER, UNDER, JOINED = "at_least", "at_most", "over", "under", "joined"
_LEAD = {"tu": AT_LEAST, "tren": OVER, "hon": OVER, "duoi": UNDER, "toi thieu": AT_LEAST,
         "it nhat": AT_LEAST, "toi da": AT_MOST, "khong qua": AT_MOST}


class Grade(NamedTuple):
    """One class a text names by a number: its word (folded: "sao", "hang"), the number as
    written, and its bound: "" the class itself, or AT_LEAST, AT_MOST, OVER, UNDER, or JOINED
    (the last of a range or list of classes counted together: "từ 3 đến 5 sao")."""

    word: str
    number: str
    bound: str


def _bound(folded: str, start: int, end: int) -> str:
    """The bound the words around the class at ``start``:``end`` of ``folded`` set: "trở
    lên"/"trở xuống" after it, else a lead word before it ("từ" only when no move or range
    follows: "nâng hạng từ 3 sao lên 4 sao" names two classes, no bound)."""
    if _JOINED_BEFORE.search(folded[max(0, start - 8):start]):
        return JOINED
    after = _AFTER.match(folded, end)
    if after is not None:
        return AT_LEAST if after.group(1) == "len" else AT_MOST
    lead = _BEFORE.search(folded[max(0, start - 12):start])
    if lead is None or (lead.group(1) == "tu" and _NOT_FROM.match(folded, end)):
        return ""
    return _LEAD[lead.group(1)]


def graded_classes(text: str, words: frozenset[str] | None = None) -> frozenset[Grade]:
    """The classes ``text`` names by a number, each with its bound (:class:`Grade`): "sản
    phẩm OCOP từ 3 sao trở lên" -> {("sao", "3", AT_LEAST)}, "19 sản phẩm đạt 4 sao" -> {("sao",
    "4", "")} (the count "19 sản phẩm" is one as well: the caller compares classes of the words
    it asks only, ``words``, folded; None takes every word)."""
    folded = fold(text).lower()
    out = set()
    for m in _NUMBER_WORD.finditer(folded):
        if m.group(2) in _NO_CLASS or _WORD_FIRST_BEFORE.search(folded[:m.start()]):
            continue  # "hạng 3 trở lên": the grade is read below, "3 trở" is none
        if words is None or m.group(2) in words:
            out.add(Grade(m.group(2), m.group(1), _bound(folded, m.start(), m.end())))
    for m in _WORD_NUMBER.finditer(folded):
        if words is None or m.group(1) in words:
            out.add(Grade(m.group(1), m.group(2), _bound(folded, m.start(), m.end())))
    return frozenset(out)


_WRITTEN_BOUND = {AT_LEAST: ("tu ", " tro len"), AT_MOST: ("", " tro xuong"),
                  OVER: ("tren ", ""), UNDER: ("duoi ", "")}


def head_classes(head: str) -> str:
    """The classes a table column's header names by a number, written out folded ("4 sao" of
    "Sản phẩm 4 sao", "tu 3 sao tro len" of "Sản phẩm từ 3 sao trở lên", "hang 1" of "Chợ hạng
    1"; :func:`graded_classes`), "; "-joined, "" for a header naming none.  A table by
    district whose columns are the classes ("Huyện, thành phố | Tổng số sản phẩm | Sản phẩm 4
    sao | Sản phẩm 3 sao") writes each cell's class in its header only, the row's label being
    the place, and the answerer reads a header's words without their numbers (a year, "TH
    2019", is no word of a figure): "sản phẩm OCOP 4 sao" of Cao Lộc was answered with the
    total column's 24 and "6 sao" with the 4-star column as parts (break-test s44 bt17o;
    rag.answer.figures.describe reads these as the frame's own words;
    tests/test_class_columns.py).  A number of a period or a question word
    (rag.vi.lexicon.NOT_A_THING_WORDS: "6 tháng", "Quý 1") names no class."""
    out = []
    for g in sorted(graded_classes(head)):
        if g.word in NOT_A_THING_WORDS:
            continue  # "Thực hiện 6 tháng", "Quý 1": a period, no class
        before, after = _WRITTEN_BOUND.get(g.bound, ("", ""))
        named = f"{g.word} {g.number}" if g.word in _WORD_FIRST else f"{g.number} {g.word}"
        out.append(f"{before}{named}{after}")
    return "; ".join(out)


def states_classes(question: str, text: str) -> bool:
    """Whether ``text`` (a sentence) names every class the ``question`` asks by a number
    (:func:`graded_classes`, periods and question words -- rag.vi.lexicon.NOT_A_THING_WORDS
    -- none), each with the bound asked: "31 chợ từ hạng 2 trở lên, trong đó 6 chợ hạng 1"
    states no "chợ hạng 2" -- a count sentence answering when no figure does must name the
    class asked, as a figure must (rag.answer.figures other_class, other_grade; break-test
    s44 bt17o's kind, tests/test_class_bounds.py).  True when the question names none."""
    asked = {g for g in graded_classes(question) if g.word not in NOT_A_THING_WORDS}
    return not asked or asked <= graded_classes(text, frozenset(g.word for g in asked))


# a grade named by its word, then its number, as written or folded ("hạng 1", "loại 2", "cấp 3")
_NAMED_GRADE = re.compile(r"\b(?:hạng|cấp|loại|nhóm|bậc|" + "|".join(_WORD_FIRST) +
                          r")\s+\d{1,3}(?![\w.,/])", re.IGNORECASE)


def without_named_grades(text: str) -> str:
    """``text`` with each grade named by its word, then its number blanked ("chuẩn hạng 1" ->
    "chuẩn       "; "loại 2", "cấp 3", "Euro 4"): such a number names a class of what is
    counted, no value of its own (same length, so offsets hold)."""
    return _NAMED_GRADE.sub(lambda m: " " * len(m.group()), text)


def other_scope(asked: frozenset[Grade], own: frozenset[Grade]) -> bool:
    """Whether a figure whose own words name the classes ``own`` is of another scope than the
    classes ``asked`` (both :func:`graded_classes`): it names a class of a word asked, one side
    bounds it, and not that class with the same bound -- "198 sản phẩm ... từ 3 sao trở lên"
    answers no "sản phẩm OCOP 3 sao", nor "178 sản phẩm đạt 3 sao" a "từ 3 sao trở lên".  A
    figure naming no class of the word asked, and two unbounded classes ("4 sao" of "5 sao":
    rag.answer.figures other_class), are left to the other rules."""
    for grade in asked:
        same = [g for g in own if g.word == grade.word]
        if same and grade not in same and (grade.bound or any(g.bound for g in same)):
            return True
    return False


# the words that make a class named after them a candidacy for it, not the class (folded): "2
# sản phẩm tiềm năng 5 sao", "3 sản phẩm đề nghị công nhận 4 sao", "1 sản phẩm ... đang được đề
# nghị Trung ương đánh giá, phân hạng 5 sao" (dev2 e10, dev-reports dv11/dv12, held-out ho08),
# "đang chờ công nhận 4 sao", "dự kiến nâng hạng 5 sản phẩm lên 4 sao": such a count is of the
# products put forward, none of them yet of the class (issue 17 break-test: "có bao nhiêu sản
# phẩm OCOP 5 sao?" answered "2 sản phẩm" of "tiềm năng 5 sao" at 0.944)
_CANDIDACY = re.compile(r"\b(?:tiem nang|de nghi|de xuat|cho (?:cong nhan|danh gia|phan hang|"
                        r"xet)|du kien|nang hang)\b")


def candidacy(text: str, words: frozenset[str] | None = None) -> bool:
    """Whether ``text`` names a class of ``words`` (folded class words, as for
    :func:`graded_classes`; None: any) after a word of candidacy (:data:`_CANDIDACY`: "tiềm
    năng", "đề nghị", "chờ công nhận", "dự kiến", "nâng hạng"): "sản phẩm tiềm năng 5 sao" is
    True, "sản phẩm đạt 5 sao, dự kiến ..." False (the word after the class qualifies no
    class)."""
    folded = fold(text).lower()
    first = _CANDIDACY.search(folded)
    if first is None:
        return False
    return any(g_start > first.start() for g_start in _class_starts(folded, words))


def _class_starts(folded: str, words: frozenset[str] | None) -> list[int]:
    """Where each class of ``words`` in ``folded`` begins (:func:`graded_classes`' matches)."""
    out = [m.start() for m in _NUMBER_WORD.finditer(folded)
           if m.group(2) not in _NO_CLASS and (words is None or m.group(2) in words)]
    out += [m.start() for m in _WORD_NUMBER.finditer(folded)
            if words is None or m.group(1) in words]
    return out


def holds_class(a: str, b: str) -> bool | None:
    """Whether the folded words ``a`` ``b`` are one class's number and word ("4 sao", "hạng 3",
    "Euro 4"): True; False when ``b`` is a number the word ``a`` names no grade by ("OCOP 4" of
    "sản phẩm OCOP 4 sao": the number belongs to the word after it); None when neither is a
    number.  A question's "4 sao và 3 sao" joins two classes, each its number and word."""
    if a.isdigit() and b.isalpha() and b not in _NO_CLASS:
        return True
    if b.isdigit():
        return a in _WORD_FIRST
    return None
