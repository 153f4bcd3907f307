"""Codes a question names a thing by -- letters and digits that tell apart things of one kind:
networks "3G"/"4G"/"5G", petrol grades "RON 95"/"E5 RON 92", cement "PCB30"/"PCB40", durians
"Ri6" -- and whether a figure is of the coded thing.

The reports write such a code as part of the thing's name ("trạm phát sóng 5G", "xăng E5
RON 92", "xi măng PCB40"; rag.vi.numbers.code_word reads them so and never as figures), and
two codes of one family are two things, never one another's part: a figure whose words name
another code of the family asked ("132 trạm 5G" for "trạm 3G") answers nothing asked, nor
does a total whose words name no code at all ("1.240 trạm BTS": the 3G stations are some
part of it, how many the report does not say).  Issue 17 (session 40, brief codes2, after
countshare2): "Số lượng trạm 3G là bao nhiêu?" was answered "132 trạm 5G" and "Trạm 3G có
bao nhiêu?" "1.240 trạm BTS", both at 0.714; "Sản lượng xăng RON 95" was answered "không có
số liệu riêng 95, chỉ có số liệu chung: xăng E5 RON 92 đạt 84.000 m3".

A code is kept in a frame's terms (rag.answer.sentences.positions) as one word ("5g",
"ron92", "pcb40") or, written apart, as a pair ("ron_95"); both are read here as (family,
number): the letters and on which side of them the digits stand, and the digits."""

from __future__ import annotations

import re
from collections.abc import Iterable

from rag.answer.sentences import positions, with_bigrams
from rag.vi.lexicon import QUANTITY_UNITS, STOPWORDS
from rag.vi.numbers import find_values, unit_after
from rag.vi.text import fold

# a code of letters then digits ("ron92", "pcb40", "e5", "ri6") or digits then letters ("3g",
# "5g"), as rag.answer.intent.content_runs keeps one word of the question
_ONE_WORD = re.compile(r"([a-z]{1,4})(\d{1,3})|(\d{1,3})([a-z]{1,3})")
# a code written apart in the question as typed: an upper-case code word, then a number of at
# most three digits that no unit, decimal or percent follows ("RON 95", "PCB 40": the
# reports' own way, rag.vi.numbers._CODE_BEFORE) -- never a Roman numeral ("quý II")
_APART = re.compile(r"(?<![\w])(?![IVX]+\s)([A-Z][A-Z]{1,5})\s+(\d{1,3})(?![\w.,%/])"
                    r"(?!\s*(?:%|phần trăm))")
# ... or the same typed in lower or mixed case ("xăng ron 97", "Ron 95", "san luong xang ron
# 95"): a word of plain letters the content runs keep beside a number of at most three digits
# is a name by number, a code's or a numbered thing's ("khu 3"), either way one thing of its
# family (issue 16 item 10: "ron 97" was answered with RON 95's figure) -- never a word a
# report writes before a number of another kind: a period's or an ordinal's ("tháng 9", "quý
# 3", "thứ 3", "lần 2"), a verb's or a bound's ("tăng 5", "trên 100", "top 10"), a function
# word (rag.vi.lexicon.STOPWORDS)
_APART_ANY = re.compile(r"(?<![\w])([A-Za-z]{2,6})\s+(\d{1,3})(?![\w.,%/])"
                        r"(?!\s*(?:%|phần trăm|phan tram))")
_NO_CODE_WORDS = frozenset({
    "thang", "quy", "nam", "ngay", "tuan", "dot", "lan", "khoa", "so", "gio", "phut", "muc",
    "buoc", "diem", "ky", "thu", "dieu", "khoan", "phan", "bang", "bieu", "hinh", "chuong",
    "trang", "dong", "cot", "mung", "mong", "luc", "tang", "giam", "dat", "hon", "tren",
    "duoi", "gan", "khoang", "tu", "den", "top", "con", "co", "la", "va", "voi", "the"})
# a rating after its number ("sản phẩm OCOP 4 sao": rag.vi.numbers reads "4 sao" so, no
# figure), a class the question asks by number and word (rag.answer.figures.asked_classes)
_RATING = re.compile(r"\s+(?:sao|SAO)\b")
# units written with a digit ("m2", "m3", "km2", "kwh" aside): a measure, no code
_UNITS = frozenset(fold(u).lower() for u in QUANTITY_UNITS) | {"km2", "cm2", "cm3", "mm2"}


def _code(letters: str, digits: str, digits_first: bool) -> tuple[tuple[str, bool], str]:
    return (letters, digits_first), str(int(digits))


def asked_codes(runs: Iterable[Iterable[str]], typed: str = ""
                ) -> frozenset[tuple[tuple[str, bool], str]]:
    """The codes a question names, as ((letters, digits first), number): from its content
    words (``runs``: rag.answer.intent.Intent.runs, periods already out -- "4T/2017", "Q3",
    "H1" are no codes) those of letters and digits ("3g", "ron92"), and from the question as
    ``typed`` an upper-case code word before a number ("RON 95") that the runs keep beside it
    (never the "6" of "GRDP 6 tháng": a period's), or one typed in lower case ("ron 97",
    :data:`_APART_ANY`)."""
    out = set()
    listed = [list(r) for r in runs]
    # a number kept in the runs beside the word before it: a period's ("GRDP 6 tháng", "TMBL
    # 5 tháng 2014", "XNK 9T") the runs leave out is no code
    beside = {(a, b) for r in listed for a, b in zip(r, r[1:], strict=False)}
    for run in listed:
        for word in run:
            m = _ONE_WORD.fullmatch(word)
            if m and word not in _UNITS:
                out.add(_code(m[1], m[2], False) if m[1] else _code(m[4], m[3], True))
    for m in _APART.finditer(typed or ""):
        rest = (typed or "")[m.end():]
        if unit_after(rest)[0] or _RATING.match(rest):
            continue  # "OCOP 4 sao", "PCB 40 tấn": a grade by stars or a quantity, no code
        if (fold(m[1]).lower(), m[2]) in beside:
            out.add(_code(fold(m[1]).lower(), m[2], False))
    for m in _APART_ANY.finditer(typed or ""):
        word = m[1].lower()
        rest = (typed or "")[m.end():]
        if m[1].isupper() or word in _NO_CODE_WORDS or word in STOPWORDS or \
                (word, m[2]) not in beside or unit_after(rest)[0] or _RATING.match(rest):
            continue
        out.add(_code(word, m[2], False))
    return frozenset(out)


def codes_as_written(runs: tuple[tuple[str, ...], ...], texts: Iterable[str]
                     ) -> tuple[tuple[str, ...], ...]:
    """The question's content ``runs`` (rag.answer.intent.Intent.runs) with a code typed
    glued to its number ("ron95", "pcb40", of two letters or more) split into its letters and
    number ("ron", "95") where the passages ``texts`` never write it glued but write its
    letters then its number ("Xăng RON 95-V": the pair "ron_95"), so that the question's
    words meet the report's; the runs themselves when nothing is split.  A user types
    "RON95", the bulletin writes "RON 95-V" (issue 17, bt17r "Gia xang RON95 tuan nay" was
    refused); a corpus writing "RON95" keeps the question's glued word."""
    glued = {w for run in runs for w in run
             if (m := _ONE_WORD.fullmatch(w)) and m[1] and len(m[1]) >= 2 and w not in _UNITS}
    if not glued:
        return runs
    held: set[str] = set()
    for text in texts:
        held |= with_bigrams(positions(text))
    split = {w: (m[1], m[2]) for w in glued
             if w not in held and (m := _ONE_WORD.fullmatch(w))
             and f"{m[1]}_{m[2]}" in held}
    if not split:
        return runs
    return tuple(tuple(p for w in run for p in split.get(w, (w,))) for run in runs)


def _codes_of(term: str, family: tuple[str, bool]) -> set[str]:
    """The numbers of the codes of ``family`` that ``term`` (a folded word or pair of words
    joined by "_") writes: "ron_92" and "e5ron92" write RON 92."""
    letters, digits_first = family
    compact = term.replace("_", "")
    pattern = rf"(?<!\d)(\d{{1,3}}){letters}(?![a-z])" if digits_first else \
        rf"(?<![a-z]){letters}(\d{{1,3}})(?!\d)"
    return {str(int(n)) for n in re.findall(pattern, compact)}


def codes_held(terms: Iterable[str], families: Iterable[tuple[str, bool]]
               ) -> set[tuple[tuple[str, bool], str]]:
    """The codes of ``families`` that ``terms`` (a field's folded words and pairs) write."""
    fams = list(families)
    return {(f, n) for t in terms if any(ch.isdigit() for ch in t)
            for f in fams for n in _codes_of(t, f)}


def other_code(codes: frozenset[tuple[tuple[str, bool], str]], own: Iterable[str],
               named: Iterable[Iterable[str]]) -> bool:
    """Whether a figure is of no code the question asks (``codes``: :func:`asked_codes`):
    its own words (``own``) name another code of an asked family and not the asked one
    ("132 trạm 5G" for "trạm 3G", "xăng E5 RON 92" for "xăng RON 95"), or the words that
    name it (``named``: its own words, its total's, its clause's, its heading's, the
    document's title) write none of the codes asked ("1.240 trạm BTS" for "trạm 3G": a
    whole whose coded part the report does not give)."""
    if not codes:
        return False
    families = {f for f, _ in codes}
    mine = codes_held(own, families)
    if any(f == g and n != m for f, n in codes for g, m in mine) and not codes & mine:
        return True
    held = set().union(*(codes_held(t, families) for t in named))
    return not codes & held


# where a sentence's clauses part: a comma or semicolon, "trong đó" ("1.240 trạm BTS, trong
# đó 132 trạm 5G"), a colon before a list
_CLAUSE_CUT = re.compile(r"[;,:](?!\d)|\btrong đó\b|\btrong do\b", re.IGNORECASE)


def code_stated(codes: frozenset[tuple[tuple[str, bool], str]], text: str,
                no_percent: bool = False) -> bool:
    """Whether a sentence (``text``) gives a figure of a code asked (``codes``:
    :func:`asked_codes`; True when none is asked): one of its clauses writes the code and a
    figure (rag.vi.numbers.find_values, which reads no code as a figure), a count or amount
    when ``no_percent`` -- or none of them gives a figure in digits at all, which leaves the
    sentence to the statement rules ("CO2 đã chịu trách nhiệm cho hơn một nửa hiệu ứng nhà
    kính", XQuAD-vi).  "Đến cuối năm, vùng phủ sóng 3G đạt 92,4%; toàn tỉnh có 1.240
    trạm BTS, trong đó 132 trạm 5G" gives no count of 3G stations: its 3G is a coverage's,
    its counts are of all stations and of 5G ones (the sentence answer a count question
    falls back on, rag.answer.answerer.Answerer.count_sentence)."""
    if not codes:
        return True
    families = {f for f, _ in codes}
    figured = False
    for clause in _CLAUSE_CUT.split(text):
        if not any(not (no_percent and v.percent) for v in find_values(clause)):
            continue
        figured = True
        if codes & codes_held(with_bigrams(positions(clause)), families):
            return True
    return not figured
