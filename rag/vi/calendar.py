"""The period a figure covers, as a span of days, read from how Vietnamese reports and
questions write it; and how an asked period relates to a stated one.

Every period is a :class:`Period`: a kind and the first and last day it covers.  "Quý I/2019",
"3 tháng đầu năm 2019" and "Q1 2019" are the same span (1/1-31/3/2019); "tháng 8/2024" (one
month) and "8 tháng năm 2024" (January to August) are not.  Kinds:

=========  =====================================================  ==============================
kind       written                                                span
=========  =====================================================  ==============================
year       năm 2017, cả năm 2017, 2017                            1/1-31/12
month      tháng 8/2024, tháng 8 năm 2024, riêng tháng 8          the month
months     8 tháng (đầu) năm 2024, lũy kế / cộng dồn 8 tháng, 8T  January to the end of month 8
quarter    quý I/2019, quý 2, Q3                                  the quarter
half       6 tháng đầu năm, nửa đầu năm, H1; 6 tháng cuối năm     January-June; July-December
years      giai đoạn 2016-2020, 2011-2015                         1/1 of the first to 31/12 of
                                                                  the last
to_date    tính đến (hết) 27/8/2024, đến tháng 6/2021, cuối năm   1/1 to that day (a count at
                                                                  that day)
days       từ 1/1 đến hết 17/12/2021, từ ngày 1 đến 15/12         those days
day        ngày 7/2/2023, sáng 21/12/2021                         that day
=========  =====================================================  ==============================

A time written after "so với", "so", "cùng kỳ" is what a change is compared with, never the
figure's own period (:attr:`Mention.comparison`).  A mention without its year takes the year
of its context.  Questions also say "năm ngoái", "quý trước", "tháng này", "hiện nay": they are
resolved against the day the question is asked (:func:`question_periods`).
"""

from __future__ import annotations

import calendar as _cal
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from rag.vi.numbers import unit_after
from rag.vi.text import fold

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4, "dau": 1}
COUNT_WORDS = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "sau": 6, "bay": 7,
               "tam": 8, "chin": 9, "muoi": 10, "muoi mot": 11, "muoi hai": 12,
               "three": 3, "six": 6, "nine": 9, "ten": 10, "eleven": 11, "eight": 8,
               "seven": 7, "five": 5, "four": 4, "two": 2, "twelve": 12}
MONTHS_EN = {m.lower(): i for i, m in enumerate(
    "January February March April May June July August September October November December"
    .split(), 1)}
TOLERANCE_DAYS = 7  # "đến 27/8" is "8 tháng" to a reader: reports close a few days early


@dataclass(frozen=True)
class Period:
    """A span of days a figure covers: ``kind`` (see the module table), ``start`` and
    ``end`` (first and last day, inclusive), and ``label``, the period as a Vietnamese
    reader writes it ("tháng 8/2024", "quý I/2019", "tính đến 27/8/2024")."""

    kind: str
    start: date
    end: date
    label: str

    @property
    def year(self) -> int:
        return self.end.year

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def to_dict(self) -> dict[str, object]:
        return {"label": self.label, "year": self.year if self.kind != "years" else None,
                "kind": self.kind, "start": self.start.isoformat(), "end": self.end.isoformat()}

    @classmethod
    def from_dict(cls, d: dict[str, object]) -> Period:
        return cls(str(d["kind"]), date.fromisoformat(str(d["start"])),
                   date.fromisoformat(str(d["end"])), str(d["label"]))


@dataclass(frozen=True)
class Mention:
    """A period written in a text at ``[start, end)``; ``comparison`` when it is what a change
    is compared with ("so với tháng 12/2023")."""

    start: int
    end: int
    period: Period
    comparison: bool = False


# --- building periods -------------------------------------------------------------------------


def _month_end(year: int, month: int) -> date:
    return date(year, month, _cal.monthrange(year, month)[1])


def year_period(year: int) -> Period:
    return Period("year", date(year, 1, 1), date(year, 12, 31), f"năm {year}")


def month_period(year: int, month: int) -> Period:
    return Period("month", date(year, month, 1), _month_end(year, month),
                  f"tháng {month}/{year}")


def months_period(year: int, n: int) -> Period:
    """January to the end of month ``n`` ("8 tháng năm 2024"); 12 months is the year."""
    if n >= 12:
        return year_period(year)
    label = f"{n} tháng đầu năm {year}" if n in (3, 6) else f"{n} tháng năm {year}"
    return Period("months", date(year, 1, 1), _month_end(year, n), label)


def quarter_period(year: int, q: int) -> Period:
    roman = {1: "I", 2: "II", 3: "III", 4: "IV"}[q]
    return Period("quarter", date(year, 3 * q - 2, 1), _month_end(year, 3 * q),
                  f"quý {roman}/{year}")


def half_period(year: int, second: bool) -> Period:
    if second:
        return Period("half", date(year, 7, 1), date(year, 12, 31), f"6 tháng cuối năm {year}")
    return Period("half", date(year, 1, 1), date(year, 6, 30), f"6 tháng đầu năm {year}")


def years_period(first: int, last: int) -> Period:
    return Period("years", date(first, 1, 1), date(last, 12, 31), f"giai đoạn {first}–{last}")


def to_date_period(day: date, month_only: bool = False) -> Period:
    """From 1 January to ``day`` (a cumulative figure, or a count on that day)."""
    label = (f"tính đến tháng {day.month}/{day.year}" if month_only
             else f"tính đến {day.day}/{day.month}/{day.year}")
    return Period("to_date", date(day.year, 1, 1), day, label)


def days_period(first: date, last: date) -> Period:
    if first == date(last.year, 1, 1):
        return Period("to_date", first, last, f"từ 1/1 đến {last.day}/{last.month}/{last.year}")
    return Period("days", first, last,
                  f"từ {first.day}/{first.month} đến {last.day}/{last.month}/{last.year}")


def day_period(day: date) -> Period:
    return Period("day", day, day, f"ngày {day.day}/{day.month}/{day.year}")


# --- how an asked period relates to a stated one --------------------------------------------


def relation(asked: Period, stated: Period, tolerance_days: int = TOLERANCE_DAYS) -> str:
    """How a stated period answers an asked one:

    - "exact": the same span ("quý I" and "3 tháng đầu năm"; a cumulative figure "tính đến
      27/8" for "8 tháng", within ``tolerance_days`` at the end);
    - "partial": the stated span lies inside the asked one and is shorter (six months of the
      asked year) -- an answer only when said so;
    - "wider": the stated span holds the asked one and more (8 months for "tháng 8") -- never
      an answer;
    - "overlap" or "none": otherwise.
    """
    tol = timedelta(days=tolerance_days)
    fuzzy = "to_date" in (asked.kind, stated.kind) or "days" in (asked.kind, stated.kind)
    end_ok = abs(asked.end - stated.end) <= (tol if fuzzy else timedelta(0))
    if asked.start == stated.start and end_ok:
        return "exact"
    if asked.start <= stated.start and stated.end <= asked.end:
        return "partial"
    if stated.start <= asked.start and asked.end <= stated.end:
        return "wider"
    if stated.start <= asked.end and asked.start <= stated.end:
        return "overlap"
    return "none"


# --- reading periods ----------------------------------------------------------------------------

_D = r"(\d{1,2})/(\d{1,2})(?:/((?:19|20)\d\d))?"
_Y = r"((?:19|20)\d\d)"
_YEAR_TAIL = r"(?:\s*(?:/|nam|-)\s*" + _Y + r")?"
_N = r"(\d{1,2}|mot|hai|ba|bon|tu|sau|bay|tam|chin|muoi mot|muoi hai|muoi)"
_COMPARE_BEFORE = re.compile(r"(?:so voi|so|cung ky|bang|hon|truoc|lan|gap)\s*(?:cung ky\s*)?"
                             r"(?:nam\s*)?$")

# (kind, pattern) on folded text; earlier patterns win where two overlap
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("days", re.compile(r"\btu\s+(?:ngay\s+)?" + _D + r"\s+(?:den|toi)\s+(?:het\s+)?"
                        r"(?:ngay\s+)?" + _D)),
    ("days1", re.compile(r"\btu\s+(?:ngay\s+)?(\d{1,2})\s+(?:den|toi)\s+(?:het\s+)?"
                         r"(?:ngay\s+)?" + _D)),
    ("years", re.compile(r"(?:\bgiai doan\s+|\btu nam\s+|\b\d\s+nam\s+)?(?<![\d/])" + _Y +
                         r"\s*(?:-|–|—|den(?: nam)?)\s*" + _Y + r"(?![\d/])")),
    ("to_date_day", re.compile(r"\b(?:tinh\s+)?(?:den|toi)\s+(?:het\s+)?(?:ngay\s+)?"
                               r"(?:\d{1,2}\s+gio\s+(?:ngay\s+)?)?" + _D)),
    ("to_date_month", re.compile(r"\b(?:tinh\s+)?(?:den|toi)\s+(?:het\s+)?(?:nay\s*\(\s*)?"
                                 r"thang\s+(\d{1,2})" + _YEAR_TAIL)),
    ("to_date_year_end", re.compile(r"\b(?:tinh\s+)?(?:den\s+)?(?:het\s+|cuoi\s+)nam\s+" + _Y)),
    ("day", re.compile(r"\b(?:sang|chieu|toi|trua|dem|ngay|hom)\s+(?:ngay\s+)?" + _D)),
    ("to_date_en", re.compile(r"\b(?:up to|as of|until|through|by)\s+(?:the end of\s+)?"
                              r"(\d{1,2})\s+(" + "|".join(MONTHS_EN) + r")\s+" + _Y)),
    ("months_en", re.compile(r"\bfirst\s+(\d{1,2}|three|six|nine|ten|eleven|eight|seven|five|"
                             r"four|two)\s+months(?:\s+of)?(?:\s+" + _Y + r")?")),
    ("half1", re.compile(r"\bfirst half(?:\s+of)?(?:\s+" + _Y + r")?")),
    ("half2", re.compile(r"\bsecond half(?:\s+of)?(?:\s+" + _Y + r")?")),
    ("quarter_en", re.compile(r"\b(first|second|third|fourth)\s+quarter(?:\s+of)?"
                              r"(?:\s+" + _Y + r")?")),
    ("half2", re.compile(r"\b(?:6|sau)\s+thang\s+cuoi\s+nam" + _YEAR_TAIL + r"|\bnua cuoi nam"
                         + _YEAR_TAIL + r"|\bh2" + _YEAR_TAIL)),
    ("half1", re.compile(r"\bnua dau nam" + _YEAR_TAIL + r"|\bh1" + _YEAR_TAIL)),
    ("months", re.compile(r"\b(?:(?:luy ke|cong don|tinh chung|trong)\s+)?" + _N +
                          r"\s+thang(?:\s+dau)?(?:\s+nam)?(?:\s*(?:/|-)?\s*" + _Y + r")?"
                          r"(?!\s*/)")),
    ("monthsT", re.compile(r"\b(\d{1,2})t(?:\s*/?\s*" + _Y + r")?\b")),
    ("quarter", re.compile(r"\b(?:quy|q)\s*(iv|iii|ii|i|1|2|3|4|dau)(?:\s*(?:/|nam|-)\s*"
                           + _Y + r")?\b")),
    ("month", re.compile(r"\bthang\s+(\d{1,2})(?:\s*(?:/|nam|-)\s*" + _Y + r")?(?!\d)")),
    ("year", re.compile(r"\b(?:ca\s+)?nam\s+" + _Y + r"(?![\d/])|(?<![\d/.,])" + _Y +
                        r"(?![\d/.,]\d)")),
]


# the base year of constant prices or of an index, never a period of the figure
_PRICE_BASE = re.compile(r"\b(?:gia so sanh|gia co dinh|nam goc|ky goc|goc)\s*(?:nam\s*)?$")
_NOW_RE = re.compile(r"\b(?:hien nay|hien tai|den nay|tinh den nay|cho den nay)\b"
                     r"(?!\s*\(?\s*(?:thang|ngay|\d))")


def find_mentions(text: str, default_year: int | None, now: date | None = None
                  ) -> list[Mention]:
    """Every period written in ``text``, in order; a mention without its year takes
    ``default_year`` (dropped when that is None).  Mentions after "so với", "so", "cùng kỳ"
    are marked ``comparison``.  With ``now`` (a report's date), "hiện nay", "đến nay" are
    the count on that day."""
    folded = fold(text)
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []
    if now is not None:
        for m in _NOW_RE.finditer(folded):
            taken.append((m.start(), m.end()))
            found.append(Mention(m.start(), m.end(), replace(
                to_date_period(now), label=f"tính đến {now.day}/{now.month}/{now.year}")))
    for kind, pat in _PATTERNS:
        for m in pat.finditer(folded):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            before = folded[max(0, m.start() - 24):m.start()]
            if _PRICE_BASE.search(before) and m.group(0).strip()[-4:].isdigit():
                taken.append((m.start(), m.end()))  # "giá so sánh 2010": a price base
                continue
            period = _period(kind, m, default_year)
            if period is None:
                continue
            taken.append((m.start(), m.end()))
            found.append(Mention(m.start(), m.end(), period,
                                 bool(_COMPARE_BEFORE.search(before))))
    return sorted(found, key=lambda x: x.start)


# A 4-digit year-like token (1000-2999) standing alone: not part of "2.109", "2,5", a decision
# number ("2109/QĐ"), a date ("1/2109" is read by the caller) or a word.
_BARE_YEAR_RE = re.compile(r"(?<![\w.,/\u2212-])([12]\d{3})(?![\w/]|[.,]\d|\s*%)")
_NOT_A_YEAR_BEFORE = re.compile(r"(?:\bso|\bsố|\bkhoảng|\btrên|\bdưới|\bhơn|\bgần|=)\s*$",
                                re.IGNORECASE)


def bare_years(text: str) -> list[int]:
    """Years 1000-2999 a question writes alone, without "năm" ("kim ngạch xuất khẩu 2109?"):
    a 4-digit token that is not part of a number ("2.109", "2109,5"), a decision number
    ("2109/QĐ"), a count with its unit ("1500 tấn") or a number after "số", "khoảng"."""
    out = []
    for m in _BARE_YEAR_RE.finditer(text):
        if _NOT_A_YEAR_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
            continue
        if unit_after(text[m.end():])[0]:
            continue
        out.append(int(m.group(1)))
    return out


def figure_years(text: str) -> set[int]:
    """The years ``text`` gives figures for: every period it writes, except a comparison
    ("so với năm 2014", "cùng kỳ 2014") and a price or index base ("giá so sánh 2010")."""
    return {m.period.year for m in find_mentions(text, None) if not m.comparison
            and m.period.kind != "years"}


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return COUNT_WORDS.get(word)


def _period(kind: str, m: re.Match[str], default_year: int | None) -> Period | None:
    g = m.groups()
    try:
        if kind == "days":
            y2 = int(g[5]) if g[5] else default_year
            if y2 is None:
                return None
            y1 = int(g[2]) if g[2] else y2
            return days_period(date(y1, int(g[1]), int(g[0])), date(y2, int(g[4]), int(g[3])))
        if kind == "days1":
            y = int(g[3]) if g[3] else default_year
            if y is None:
                return None
            return days_period(date(y, int(g[2]), int(g[0])), date(y, int(g[2]), int(g[1])))
        if kind == "years":
            first, last = int(g[0]), int(g[1])
            return years_period(first, last) if first < last <= first + 30 else None
        if kind == "to_date_day":
            y = int(g[2]) if g[2] else default_year
            return to_date_period(date(y, int(g[1]), int(g[0]))) if y else None
        if kind == "to_date_month":
            y = int(g[1]) if g[1] else default_year
            month = int(g[0])
            return to_date_period(_month_end(y, month), month_only=True) if y and \
                1 <= month <= 12 else None
        if kind == "to_date_year_end":
            y = int(g[0])
            return replace(year_period(y), kind="to_date", label=f"cuối năm {y}")
        if kind == "day":
            y = int(g[2]) if g[2] else default_year
            return day_period(date(y, int(g[1]), int(g[0]))) if y else None
        if kind == "to_date_en":
            return to_date_period(date(int(g[2]), MONTHS_EN[g[1]], int(g[0])))
        if kind == "months_en":
            n, y = _count(g[0]), int(g[1]) if g[1] else default_year
            return months_period(y, n) if n and y else None
        if kind == "quarter_en":
            y = int(g[1]) if g[1] else default_year
            q = {"first": 1, "second": 2, "third": 3, "fourth": 4}[g[0]]
            return quarter_period(y, q) if y else None
        if kind in ("half1", "half2"):
            y_raw = next((x for x in g if x), None)
            y = int(y_raw) if y_raw else default_year
            return half_period(y, kind == "half2") if y else None
        if kind == "months":
            n = _count(g[0])
            y = int(g[1]) if g[1] else default_year
            if n is None or not 1 <= n <= 12 or y is None:
                return None
            if n == 12 and not g[1] and "12 thang" not in m.group(0):
                return None
            return months_period(y, n)
        if kind == "monthsT":
            n, y = int(g[0]), int(g[1]) if g[1] else default_year
            return months_period(y, n) if 1 <= n <= 12 and y else None
        if kind == "quarter":
            y = int(g[1]) if g[1] else default_year
            return quarter_period(y, ROMAN[g[0]]) if y else None
        if kind == "month":
            month = int(g[0])
            y = int(g[1]) if g[1] else default_year
            return month_period(y, month) if y and 1 <= month <= 12 else None
        if kind == "year":
            return year_period(int(g[0] or g[1]))
    except ValueError:  # 31/2 and the like
        return None
    return None


# --- questions: relative time ---------------------------------------------------------------

_RELATIVE: list[tuple[str, re.Pattern[str]]] = [
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


@dataclass(frozen=True)
class Asked:
    """The periods a question asks about, in the order asked (several for "2018 và 2023",
    "giai đoạn 2016-2020 từng năm"), and whether it asks for the latest figure ("hiện nay";
    ``latest`` is then the day it is asked)."""

    periods: tuple[Period, ...]
    latest: date | None = None
    each_year: bool = False


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
    mentions = [x for x in find_mentions(own, default) if not x.comparison]
    if rel_year is not None and mentions:
        periods = [p for p in periods if p.kind != "year"]  # "6 tháng đầu năm nay": one period
    periods.extend(x.period for x in mentions)
    # a year also named inside another period ("quý I/2019") is that period's, not asked alone
    periods = _drop_inner_years(periods)
    each = bool(re.search(r"\b(?:tung nam|moi nam|cac nam|qua cac nam|hang nam|each year|"
                          r"every year|by year|per year)\b", folded))
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
    spans += [(x.start, x.end) for x in find_mentions(folded, 2000)]
    return sorted(spans)


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
