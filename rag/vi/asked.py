"""The periods a question asks about, as :class:`rag.vi.calendar.Period` spans: what it
names ("quý I/2019", "6 tháng đầu năm") and the relative time questions also say ("năm
ngoái", "quý trước", "tháng này", "hiện nay"), resolved against the day the question is asked
(:func:`question_periods`); comparison periods ("so với cùng kỳ") left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from rag.vi.calendar import Period, month_period, quarter_period, year_period
from rag.vi.mentions import find_mentions
from rag.vi.text import fold

_RELATIVE: list[tuple[str, re.Pattern[str]]] = [
    # "năm kia": the year before last (before "năm trước", which "hai năm trước" holds)
    ("year_before_last", re.compile(r"\bnam kia\b|\b(?:hai|2) nam truoc\b|"
                                    r"\bthe year before last\b|\btwo years ago\b")),
    ("end_last_year", re.compile(r"\bcuoi nam (?:ngoai|truoc|qua|vua qua|vua roi)\b|"
                                 r"\bend of last year\b")),
    ("last_year", re.compile(r"\bnam (?:ngoai|truoc|qua|vua qua|vua roi)\b|\blast year\b|"
                             r"\bprevious year\b|\blast year's\b")),
    ("this_year", re.compile(r"\bnam nay\b|\bthis year\b")),
    ("last_quarter", re.compile(r"\bquy (?:truoc|vua qua|vua roi)\b|\blast quarter\b|"
                                r"\bprevious quarter\b")),
    ("this_quarter", re.compile(r"\bquy nay\b|\bthis quarter\b")),
    ("last_month", re.compile(r"\bthang (?:truoc|vua qua|vua roi)\b|\blast month\b|"
                              r"\bprevious month\b")),
    ("this_month", re.compile(r"\bthang nay\b|\bthis month\b")),
    ("now", re.compile(r"\bhien (?:nay|tai|gio)\b|\bden nay\b|\bnow\b|\bcurrently\b|"
                       r"\bmoi nhat\b|\blatest\b|\bas of today\b")),
]


# "qua các năm", "từng năm": one figure a year asked -- time words, not what is asked about
_EACH_YEAR = re.compile(r"\b(?:qua cac nam|tung nam|moi nam|cac nam|hang nam|"
                        r"each year|every year|by year|per year)\b")


@dataclass(frozen=True)
class Asked:
    """The periods a question asks about, in the order asked (several for "2018 và 2023",
    "giai đoạn 2016-2020 từng năm"), and whether it asks for the latest figure ("hiện nay";
    ``latest`` is then the day it is asked)."""

    periods: tuple[Period, ...]
    latest: date | None = None
    each_year: bool = False


@lru_cache(maxsize=4096)  # one question is read this way up to five times while answered
def question_periods(question: str, today: date) -> Asked:
    """The periods ``question`` asks about, relative ones resolved against ``today``; comparison
    periods ("so với tháng trước", "so với cùng kỳ") left out.  A period with no year ("quý
    I", "6 tháng đầu năm") takes the year named elsewhere in the question, else this year's."""
    folded = fold(question)
    own = _without_comparisons(folded)
    named_year = next((int(y) for y in re.findall(r"(?<![\d/.,])((?:19|20)\d\d)(?![\d/.,]\d)",
                                                   own)), None)
    periods: list[Period] = []
    latest = None
    for kind, pat in _RELATIVE:
        for m in pat.finditer(own):
            p = _relative(kind, today)
            if kind == "now":
                latest = today
            elif p is not None:
                periods.append(p)
            own = own[:m.start()] + " " * (m.end() - m.start()) + own[m.end():]
    # a bare quarter or half after "năm nay/ngoái" takes that year
    rel_year = periods[0].year if periods and periods[0].kind == "year" else None
    default = rel_year or named_year or today.year
    mentions = [x for x in find_mentions(_as_written(question, own), default)
                if not x.comparison]
    if rel_year is not None and mentions:
        periods = [p for p in periods if p.kind != "year"]  # "6 tháng đầu năm nay": one period
    periods.extend(x.period for x in mentions)
    # a year also named inside another period ("quý I/2019") is that period's, not asked alone
    periods = _drop_inner_years(periods)
    each = bool(_EACH_YEAR.search(folded))
    if each:
        periods = _each_year(periods)
    unique: list[Period] = []
    for p in periods:  # the same span said twice ("first half" twice read) is one period
        if all((p.start, p.end) != (u.start, u.end) for u in unique):
            unique.append(p)
    return Asked(tuple(unique), latest, each)


def time_spans(question: str) -> list[tuple[int, int]]:
    """The (start, end) spans of every period, relative time and comparison phrase of
    ``question`` ("năm ngoái", "quý trước", "so với tháng trước", "6T", "quý I/2019"), for
    taking them out of its content words; offsets are the question's."""
    folded = fold(question)
    spans = [(m.start(), m.end()) for _, pat in _RELATIVE for m in pat.finditer(folded)]
    spans += [(m.start(), m.end()) for m in _COMPARISON_PHRASE.finditer(folded)]
    spans += [(m.start(), m.end()) for m in _EACH_YEAR.finditer(folded)]
    spans += [(x.start, x.end) for x in find_mentions(_as_written(question, folded), 2000)]
    return sorted(spans)


def _as_written(question: str, folded: str) -> str:
    """``question`` as written (capitals and diacritics: "tháng Năm", "May" are months)
    where ``folded``, its folded form with some phrases blanked, has letters; the folded form
    itself when folding moved offsets."""
    if len(question) != len(folded):
        return folded
    return "".join(" " if f == " " else q for q, f in zip(question, folded, strict=True))


def _without_comparisons(folded: str) -> str:
    """The question with "so với <period>" / "so với cùng kỳ" phrases blanked out."""
    return _COMPARISON_PHRASE.sub(lambda m: " " * len(m.group(0)), folded)


_COMPARISON_PHRASE = re.compile(
    r"\bso (?:voi\s+)?(?:cung ky(?:\s+nam\s+truoc)?|(?:thang|quy|nam|ky)\s+"
    r"(?:truoc|\d{1,2}(?:\s*/\s*\d{4})?|[ivx]+(?:\s*/\s*\d{4})?)|"
    r"(?:nam\s+)?(?:19|20)\d\d|du toan|ke hoach)")


def _relative(kind: str, today: date) -> Period | None:
    if kind == "last_year":
        return year_period(today.year - 1)
    if kind == "year_before_last":
        return year_period(today.year - 2)
    if kind == "end_last_year":
        y = today.year - 1
        return replace(year_period(y), kind="to_date", label=f"cuối năm {y}")
    if kind == "this_year":
        return year_period(today.year)
    q = (today.month - 1) // 3 + 1
    if kind == "last_quarter":
        return quarter_period(today.year, q - 1) if q > 1 else quarter_period(today.year - 1, 4)
    if kind == "this_quarter":
        return quarter_period(today.year, q)
    if kind == "last_month":
        first = today.replace(day=1) - timedelta(days=1)
        return month_period(first.year, first.month)
    if kind == "this_month":
        return month_period(today.year, today.month)
    return None


def _drop_inner_years(periods: list[Period]) -> list[Period]:
    out = []
    for p in periods:
        if p.kind == "year" and any(o is not p and o.kind != "year" and o.start.year ==
                                    o.end.year == p.year for o in periods):
            continue
        out.append(p)
    return out


def _each_year(periods: list[Period]) -> list[Period]:
    out: list[Period] = []
    for p in periods:
        if p.kind == "years":
            out.extend(year_period(y) for y in range(p.start.year, p.end.year + 1))
        else:
            out.append(p)
    return out
