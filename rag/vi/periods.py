"""Years and reporting periods a text speaks of ("ba tháng đầu năm 2018", "quý I", "9 tháng").

Periods get canonical codes so that different wordings compare equal:
M3 (ba tháng đầu năm, quý I), M6 (6 tháng đầu năm, nửa đầu năm), M9 (9 tháng),
Q2, Q3, Q4, H2 (6 tháng cuối năm), FY (cả năm).
Years written after "so với", "cùng kỳ" are comparison years, not what the figure is about.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import MAXYEAR, MINYEAR
from functools import lru_cache

from rag.vi.calendar import (
    Period,
    half_period,
    months_period,
    quarter_period,
    relation,
    year_period,
)
from rag.vi.mentions import MONTHS_EN
from rag.vi.text import fold

_B = r"(?<![\w])"  # left word boundary that also works after digits/punctuation
_E = r"(?![\w])"

# (period code, pattern) on folded (diacritics-free, lower-case) text, in order of precedence:
# where two overlap, the earlier one wins ("6 tháng cuối năm" is H2, not M6).  rag.chat.followup
# cuts periods out of questions with these same patterns.
PERIOD_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("H2", re.compile(_B + r"(?:(?:6|sau) thang|nua) cuoi nam" + _E)),
    ("H2", re.compile(_B + r"(?:second half|h2)" + _E)),
    ("M3", re.compile(_B + r"(?:3|ba) thang(?! cuoi)" + _E)),
    ("M3", re.compile(_B + r"quy (?:i|1|dau(?: nam)?)" + _E + r"|" + _B + r"q1" + _E)),
    ("M3", re.compile(_B + r"(?:3t|first quarter|3 months|three months)" + _E)),
    ("M6", re.compile(_B + r"(?:6|sau) thang(?! cuoi)" + _E)),
    ("M6", re.compile(_B + r"nua dau nam" + _E)),
    ("M6", re.compile(_B + r"(?:6t|h1|first half|half[- ]year|6 months|six months)" + _E)),
    ("M9", re.compile(_B + r"(?:9|chin) thang" + _E)),
    ("M9", re.compile(_B + r"(?:9t|9 months|nine months)" + _E)),
    ("Q2", re.compile(_B + r"(?:quy (?:ii|2)|q2|second quarter)" + _E)),
    ("Q3", re.compile(_B + r"(?:quy (?:iii|3)|q3|third quarter)" + _E)),
    ("Q4", re.compile(_B + r"(?:quy (?:iv|4)|q4|fourth quarter)" + _E)),
    ("FY", re.compile(_B + r"(?:ca nam|full year|whole year)" + _E)),
]

def _en_months(first: int, last: int) -> re.Pattern[str]:
    """English months ``first`` to ``last`` (1-12): "January–March", "Jan-Mar", "from
    January to March" (the span ``rag.vi.mentions`` reads as the same period)."""
    def name(n: int) -> str:
        full = next(m for m, i in MONTHS_EN.items() if i == n)
        return f"(?:{full}|{full[:3]}{'t?' if n == 9 else ''})\\.?"

    return re.compile(_B + name(first) + r"\s*(?:-|–|—|to|through|until|till)\s*" +
                      name(last) + _E)


# months written in English as a span ("January–March 2024"): the codes of the same spans
PERIOD_PATTERNS += [("M3", _en_months(1, 3)), ("M6", _en_months(1, 6)),
                    ("M9", _en_months(1, 9)), ("Q2", _en_months(4, 6)),
                    ("Q3", _en_months(7, 9)), ("Q4", _en_months(10, 12)),
                    ("H2", _en_months(7, 12)), ("FY", _en_months(1, 12))]

PERIOD_NAMES = {
    "M3": "ba tháng đầu năm",
    "M6": "6 tháng đầu năm",
    "M9": "9 tháng",
    "Q2": "quý II",
    "Q3": "quý III",
    "Q4": "quý IV",
    "H2": "6 tháng cuối năm",
    "FY": "cả năm",
}

# A year 1990-2039 standing alone (not part of "1.233" or "2018,5"); group 1 is the year.  In
# folded text a year after a month or a quarter and a dot is one too: "thang 8.2024", "quy
# ii.2024" (the press's notation, rag.vi.mentions).
_DOTTED_AFTER = "".join(f"|(?<={p}\\.)" for p in (
    r"thang \d", r"thang \d\d", r"quy i", r"quy ii", r"quy iii", r"quy iv", r"quy \d"))
# Years 1000-2199 are read only after the words that make a number a year (folded): "năm 1925",
# "đến năm 2050", "giai đoạn 2041-2045", "thời kỳ 2021-2030", "tầm nhìn 2045", the year of a
# date or a month ("2/9/1945", "tháng 8/1945", "tháng 8.1945"), and the second year of a span
# opened so ("giai đoạn 2041 - 2045", "năm 1858-1884") -- plans look ahead past 2039 ("quy
# hoạch thời kỳ 2021-2030, tầm nhìn đến năm 2050"), histories back before 1990 ("năm 1858").
# A bare four-digit number keeps the narrow range: "2045 tấn", "số 1925" are no years, nor a
# count after "mỗi năm", "hàng năm" or a number of years ("mỗi năm 1500 lượt khách").
_YEAR_WORDS = (r"(?<!moi )(?<!hang )(?<!\d )nam ", r"giai doan ", r"gd ", r"thoi ky ",
               r"nhiem ky ", r"tam nhin ", r"tam nhin den ", r"tam nhin toi ")
_WIDE_CUES = [*_YEAR_WORDS,
              *(w + r"\d{4}" + sep for w in _YEAR_WORDS for sep in ("-", " - ", "\u2013",
                                                                     " \u2013 ")),
              r"thang \d/", r"thang \d\d/", r"\d/\d/", r"\d/\d\d/",
              r"thang \d\.", r"thang \d\d\."]
_WIDE_YEAR = "(?:" + "|".join(f"(?<={c})" for c in _WIDE_CUES) + r")(?:1\d{3}|2[01]\d\d)"
BARE_YEARS = range(1990, 2040)  # the years YEAR_RE reads written alone, without a cue
YEAR_RE = re.compile(r"(?:(?<![\d.,])" + _DOTTED_AFTER + r")(199\d|20[0-3]\d|" + _WIDE_YEAR +
                     r")(?![\d.,]\d)")
# The words just before a comparison year ("so với năm 2017", "cùng kỳ 2017"), searched at the
# end of the text before the year.  Compared with diacritics ("số", "sở", "sơ" are not "so");
# the folded form only for text typed without diacritics.
COMPARISON_RE = re.compile(r"(?<!\w)(?:cùng kỳ|so với|so|bằng|hơn)\s+(?:năm\s+)?$")
COMPARISON_FOLDED_RE = re.compile(r"(?<!\w)(?:cung ky|so voi|so|bang|hon)\s+(?:nam\s+)?$")


@dataclass(frozen=True)
class TimeScope:
    """Years and period codes a text names."""

    years: frozenset[int] = frozenset()
    periods: frozenset[str] = frozenset()
    comparison_years: frozenset[int] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.years or self.periods)


def find_periods(text: str) -> list[str]:
    """Period codes in order of appearance (repeats kept, for counting)."""
    folded = fold(text)
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for code, pat in PERIOD_PATTERNS:
        for m in pat.finditer(folded):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append((m.start(), code))
    return [code for _, code in sorted(found)]


def find_years(text: str) -> tuple[list[int], list[int]]:
    """(years the text is about, comparison years) with repeats, in order of appearance."""
    folded = fold(text)
    lower = text.lower()
    plain = len(lower) == len(folded) and lower == folded  # typed without diacritics
    about: list[int] = []
    compared: list[int] = []
    for m in YEAR_RE.finditer(folded):
        if plain:
            is_cmp = bool(COMPARISON_FOLDED_RE.search(folded[max(0, m.start() - 20):m.start()]))
        else:
            is_cmp = len(lower) == len(folded) and bool(COMPARISON_RE.search(
                lower[max(0, m.start() - 20):m.start()]))
        (compared if is_cmp else about).append(int(m.group(1)))
    return about, compared


def scope_of(text: str) -> TimeScope:
    """The years (minus comparison years) and periods ``text`` speaks of."""
    about, compared = find_years(text)
    return TimeScope(frozenset(about), frozenset(find_periods(text)),
                     frozenset(compared) - frozenset(about))


def main_scope(text: str, date_year: int | None = None) -> TimeScope:
    """What a whole document is mainly about: its most cited year(s) and period(s)."""
    about, _ = find_years(text)
    years: set[int] = set()
    if about:
        counts = Counter(about)
        top = max(counts.values())
        years = {y for y, c in counts.items() if c == top}
    if date_year is not None:
        years.add(date_year)
    periods: set[str] = set()
    found = Counter(find_periods(text))
    if found:
        top = max(found.values())
        periods = {p for p, c in found.items() if c == top}
    return TimeScope(frozenset(years), frozenset(periods))


def time_match(scope: TimeScope, years: Iterable[int], periods: Iterable[str], *,
               unstated_period_ok: bool = False) -> bool | None:
    """Whether a text whose years and period codes are ``years`` and ``periods`` agrees with
    the asked ``scope``; None when the scope asks nothing.

    Years agree when one asked year is the same span of days as one of the text's; periods
    when one asked period is the same span as one of the text's -- "the same span" is
    :func:`rag.vi.calendar.relation`'s "exact", the one period rule (the figure frames'
    rule too).  A text that states no period agrees with an asked period only when
    ``unstated_period_ok``: the answerer lets such a sentence through (reports name the
    period once, in a heading), while retrieval counts such a passage as not matching.  The
    one year/period test of retrieval scores (rag.search.retrieve.time_scores), search
    filters (Filters.allows) and the answerer's time rule (rag.answer.rules.time_ok).
    """
    if not scope:
        return None
    if scope.years and not any(_same_span(a, s) for a in scope.years for s in set(years)):
        return False
    if scope.periods:
        stated = set(periods)
        if not any(_same_span(a, s) for a in scope.periods for s in stated):
            return unstated_period_ok and not stated
    return True


# The span of days of each period code in a year (codes carry no year: any one year serves,
# the codes' spans being distinct in every year).
_CODE_SPANS: dict[str, Callable[[int], Period]] = {
    "M3": lambda y: months_period(y, 3), "M6": lambda y: months_period(y, 6),
    "M9": lambda y: months_period(y, 9), "Q2": lambda y: quarter_period(y, 2),
    "Q3": lambda y: quarter_period(y, 3), "Q4": lambda y: quarter_period(y, 4),
    "H2": lambda y: half_period(y, True), "FY": year_period,
}
_CODE_YEAR = 2000


def _span(x: int | str) -> Period | None:
    """A year's span, or a period code's (in _CODE_YEAR); None for a year no date can hold
    or an unknown code."""
    if isinstance(x, int):
        return year_period(x) if MINYEAR <= x <= MAXYEAR else None
    make = _CODE_SPANS.get(x)
    return make(_CODE_YEAR) if make is not None else None


@lru_cache(maxsize=4096)
def _same_span(asked: int | str, stated: int | str) -> bool:
    """Whether an asked year (or period code) is a stated one: ``relation`` "exact" between
    their spans; what has no span compares as it is written."""
    a, b = _span(asked), _span(stated)
    if a is None or b is None:
        return asked == stated
    return relation(a, b) == "exact"
