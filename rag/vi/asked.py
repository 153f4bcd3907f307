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

from rag.vi.calendar import (
    HOLIDAY,
    SAME_PERIOD,
    SEASONS,
    Period,
    days_period,
    holiday_period,
    month_end,
    month_period,
    months_period,
    quarter_period,
    year_period,
    years_period,
)
from rag.vi.holidays import OTHER_THAN_TET, asked_holidays, holiday_of, on_days
from rag.vi.lexicon import ENGLISH, ENGLISH_BASE_TERMS
from rag.vi.lunar import CAN_CHI
from rag.vi.mentions import (
    HOLIDAY_DAYS,
    LUNAR_DAY,
    MONTHS_EN,
    Mention,
    find_mentions,
    numeric_days,
    said_holiday,
    worded_day_spans,
)
from rag.vi.text import fold, mark_number_word

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
    # "hiện có" asks what stands now as "hiện nay" does ("Lạng Sơn hiện có bao nhiêu sản phẩm
    # OCOP?", the reports' own "Tổng đàn bò hiện có": rag.vi.mentions.HELD_NOW reads it as the
    # report's day) -- never the "hiện" of "thực hiện có", "phát hiện có" (issue 17, bt17c)
    ("now", re.compile(r"\bhien (?:nay|tai|gio)\b|\bden nay\b|\bnow\b|\bcurrently\b|"
                       r"\bmoi nhat\b|\blatest\b|\bas of today\b|(?<!thuc )(?<!the )"
                       r"(?<!xuat )(?<!phat )(?<!bieu )(?<!tai )\bhien co\b")),
]


# "từ đầu năm đến nay", "lũy kế từ đầu năm", "cộng dồn", "year to date" (folded): the months
# of this year to the day asked -- a running total ("nâng tổng ... từ đầu năm lên 3.480 ha",
# rag.vi.frames.sentence), never the latest month's flow (issue 17 break-test b17 H, Q45/D9)
_YEAR_TO_DATE = re.compile(r"\b(?:ke )?tu dau nam\b|\bluy ke\b|\bcong don\b|"
                           r"\byear[ -]to[ -]date\b|\bytd\b|\bso far this year\b")


# "qua các năm", "từng năm": one figure a year asked -- time words, not what is asked about
_EACH_YEAR = re.compile(r"\b(?:qua cac nam|tung nam|moi nam|cac nam|hang nam|"
                        r"each year|every year|by year|per year)\b")


@dataclass(frozen=True)
class Asked:
    """The periods a question asks about, in the order asked (several for "2018 và 2023",
    "giai đoạn 2016-2020 từng năm"), and whether it asks for the latest figure ("hiện nay";
    ``latest`` is then the day it is asked); ``compared``: the periods written with their
    year after "so với" ("so với năm 2027", "so với cuối năm 2027") -- what a change is
    asked against, never asked for itself; ``span``: the two periods a range "từ A đến B"
    names as its start and end ("từ tháng 6 đến 20/12/2031"), both among ``periods`` -- a
    change asked over it is B's against A (rag.answer.question.read_question); ``to_date``:
    the months asked are those of this year up to the day asked ("từ đầu năm đến nay"), not
    months the question writes -- the latest running total reported answers them in part,
    however far behind (rag.answer.figures.earlier_running_total)."""

    periods: tuple[Period, ...]
    latest: date | None = None
    each_year: bool = False
    compared: tuple[Period, ...] = ()
    span: tuple[Period, Period] | None = None
    to_date: bool = False


# the days an English question names a holiday by, before its year and "holiday" (folded):
# "the 30 April - 1 May 2072 holiday", "the 2 September holiday", "over the April 30-May 1
# holidays" (bt20-b17 failure 11: read as the day 1/5/2072, refused at 1.0)
_EN_DAY = (r"(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + "|".join(MONTHS_EN) + r")|(?:"
           + "|".join(MONTHS_EN) + r")\s+\d{1,2}(?:st|nd|rd|th)?)")
_HOLIDAY_DAYS_EN = re.compile(
    r"(?i)\b(" + _EN_DAY + r"(?:\s*(?:-|–|—|to|and)\s*(?:" + _EN_DAY + r"|\d{1,2}))?)"
    r",?(?:\s+(?P<year>(?:19|20)\d\d))?\s+(?:public\s+)?holidays?\b")
_EN_DAY_MONTH = re.compile(r"(?i)(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(" + "|".join(MONTHS_EN)
                           + r")|(" + "|".join(MONTHS_EN) + r")\s+(\d{1,2})")


def _english_holiday(m: re.Match[str], year: int | None, today: date) -> Period | None:
    """The holiday a :data:`_HOLIDAY_DAYS_EN` match ``m`` names by its days ("the 2 September
    2056 holiday", "the April 30-May 1 holidays") as "dịp lễ 2/9" would
    (:func:`rag.vi.calendar.holiday_period`, labelled "dịp 2/9/2056"), its year written, else
    ``year``, else the last begun by ``today``; None when the days are no public holiday's
    (rag.vi.holidays.on_days) -- those stay the year's alone, as before (bt20-b17 failure 11).
    Break-test bt17r: "the 2 September 2056 holiday" was served the 30/4 break's visitors."""
    days = [(int(a or d), MONTHS_EN[(b or c).lower()])
            for a, b, c, d in _EN_DAY_MONTH.findall(m.group(1))]
    if not days:
        return None
    at = int(m.group("year")) if m.group("year") else year or today.year
    try:
        first = date(at, days[0][1], days[0][0])
        last = date(at, days[-1][1], days[-1][0])
    except ValueError:
        return None
    if not m.group("year") and not year and first > today:
        first, last = first.replace(year=at - 1), last.replace(year=at - 1)
    if last < first or not on_days(Period(HOLIDAY, first, last, "")):
        return None
    said = "/".join(map(str, days[0])) + ("" if len(days) == 1 else
                                          " - " + "/".join(map(str, days[-1])))
    return holiday_period(first, last, "dịp " + said)


def _holidays_named(own: str, question: str, year: int | None, today: date
                    ) -> tuple[str, list[Period]]:
    """The holidays ``own`` (the folded question, comparisons blanked) names by their days
    (:data:`HOLIDAY_DAYS`), as :func:`rag.vi.calendar.holiday_period` spans, and ``own``
    with them blanked out.  A holiday named without its year takes ``year`` (the one the
    question names), else the last one begun by ``today``."""
    out: list[Period] = []
    same = len(question) == len(own)
    # "dịp lễ 30 tháng 4 năm 2093", "dip le 2 thang 9": its days as written in words, read as
    # their numbers (rag.vi.mentions.numeric_days keeps every offset)
    numbered = numeric_days(own)
    for m in HOLIDAY_DAYS.finditer(numbered):
        _, _, d1, m1, d2, m2, y = m.groups()
        if not said_holiday(m, question.lower() if same else None):
            continue  # "tỷ lệ 30/4": no holiday
        try:
            at = int(y) if y else year or today.year
            first = date(at, int(m1), int(d1))
            last = date(at, int(m2), int(d2)) if d2 else first
            if not y and not year and first > today:
                first, last = first.replace(year=at - 1), last.replace(year=at - 1)
        except ValueError:
            continue
        if last < first:
            continue
        end = m.end(6 if d2 else 4)
        if numbered[m.start():end] != own[m.start():end]:
            # "dịp lễ 30 tháng 4 năm 2093": labelled "dịp lễ 30/4", as when written so
            cut = m.start() + len(numbered[m.start():m.start(3)].rstrip())
            written = (question if same else numbered)[m.start():cut] + " " + \
                numbered[m.start(3):end]
        else:
            written = question[m.start():end] if same else m.group(0)
        written = " ".join(written.split())
        # "dip le" typed bare comes restored as "dịp lẻ" (rag.vi.mentions.said_holiday)
        written = re.sub(r"(?i)^((?:dịp|kỳ)(?: nghỉ)? )lẻ\b", r"\1lễ", written)
        if fold(written.split()[0]).lower() in ("dip", "ky", "nghi", "le"):
            written = written[:1].lower() + written[1:]  # "Dịp lễ 30/4", not "Tết", a name
        out.append(holiday_period(first, last, written))
        own = own[:m.start()] + " " * (m.end() - m.start()) + own[m.end():]
    return own, out


# a day listed after a holiday a question names, without "dịp"/"lễ" of its own (folded,
# matched right at the holiday's end): "dịp 30/4 và 2/9 năm 2056", "dịp Tết và 30/4", "dịp
# 30/4, 2/9" -- the list's lead word stands for each (as "tháng 3 và tháng 4" names two
# months; issue 17 break-test bt17r: "Tổng thu du lịch dịp 30/4 và 2/9" served 30/4's alone)
_LISTED_DAY = re.compile(r"\s*(?:,|\bva\b|\bhoac\b|&)\s*(?:(?:ngay|le)\s+)?"
                         r"(\d{1,2})/(\d{1,2})(?:\s*[-–]\s*(\d{1,2})/(\d{1,2}))?"
                         r"(?:\s*(?:/|nam)\s*((?:19|20)\d\d))?(?![\d/])")


def _listed_holidays(own: str, question: str, year: int | None, today: date
                     ) -> tuple[str, list[Period]]:
    """The holidays ``own`` (the folded question) lists by their days alone after a holiday it
    names (by its days, :data:`HOLIDAY_DAYS`, or by name, rag.vi.holidays.asked_holidays) --
    "dịp 30/4 và 2/9", "dịp Tết và 30/4" -- as :func:`rag.vi.calendar.holiday_period` spans
    labelled "dịp 2/9/2056", and ``own`` with those days blanked (the leading holiday is left
    to the readers of its own).  A listed day counts only when it falls on another public
    holiday's main days (rag.vi.holidays.on_days: 30/4, 1/5, 2/9, 1/1...) than the one before
    it: "dịp Tết và 15/3" lists no holiday, "dịp 30/4 và 1/5" is one break.  A day without
    its year takes the one written after the list, else ``year``, else the last begun by
    ``today``."""
    numbered = numeric_days(own)
    same = len(question) == len(own)
    heads: list[tuple[int, frozenset[str]]] = []
    for h in HOLIDAY_DAYS.finditer(numbered):
        if not said_holiday(h, question.lower() if same else None):
            continue
        try:
            d = date(2000, int(h.group(4)), int(h.group(3)))
        except ValueError:
            continue
        heads.append((h.end(), on_days(Period(HOLIDAY, d, d, ""))))
    heads.extend((x.end, holiday_of(x.period)) for x in asked_holidays(own, year, today))
    out: list[Period] = []
    for end, names in sorted(heads):
        while (m := _LISTED_DAY.match(numbered, end)) is not None:
            d1, m1, d2, m2, y = m.groups()
            at = int(y) if y else year or today.year
            try:
                first = date(at, int(m1), int(d1))
                last = date(at, int(m2), int(d2)) if d2 else first
            except ValueError:
                break
            if not y and not year and first > today:
                first, last = first.replace(year=at - 1), last.replace(year=at - 1)
            listed = on_days(Period(HOLIDAY, first, last, ""))
            if last < first or not listed or listed <= names:
                break
            out.append(holiday_period(first, last,
                                      "dịp " + numbered[m.start(1):m.end(4 if d2 else 2)]))
            # from the list's word on ("va"): the padding before it stands for the words of a
            # day written out ("30 thang 4", rag.vi.mentions.numeric_days), left as written
            at = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
            own = own[:at] + " " * (m.end() - at) + own[m.end():]
            end, names = m.end(), listed
    return own, out


def _holidays_by_name(own: str, year: int | None, today: date) -> tuple[str, list[Period]]:
    """The holidays ``own`` (the folded question, comparisons and holidays named by their days
    blanked) names by name ("Tết Dương lịch 2027", "dịp Tết Đinh Mùi", "dịp Quốc khánh";
    rag.vi.holidays.asked_holidays), as their days, and ``own`` with them blanked out -- a
    holiday named with a year is its days, not that year's (break-test bt17c #74, #78, #112).
    A day of Tết ("mùng 2 Tết 2027": rag.vi.mentions.LUNAR_DAY) is that day, no holiday."""
    days = [(m.start(), m.end()) for m in LUNAR_DAY.finditer(own)]
    out: list[Period] = []
    for x in asked_holidays(own, year, today):
        if any(a < x.end and x.start < b for a, b in days):
            continue
        out.append(x.period)
        own = own[:x.start] + " " * (x.end - x.start) + own[x.end:]
    return own, out


@lru_cache(maxsize=4096)  # one question is read this way up to five times while answered
def question_periods(question: str, today: date) -> Asked:
    """The periods ``question`` asks about, relative ones resolved against ``today``; comparison
    periods ("so với tháng trước", "so với cùng kỳ") left out.  A period with no year ("quý
    I", "6 tháng đầu năm") takes the year named elsewhere in the question, else this year's."""
    folded = fold(question)
    own = _without_compared(question, _without_comparisons(fold(mark_number_word(question))))
    named_year = next((int(y) for y in re.findall(r"(?<![\d/.,])((?:19|20)\d\d)(?![\d/.,]\d)",
                                                   own)), None)
    periods: list[Period] = []
    for m in _SAME_PERIOD_ASKED.finditer(own):
        # "doanh thu bán lẻ cùng kỳ năm 2021 là bao nhiêu?": the period asked, not a base (a
        # base "so với cùng kỳ năm 2021" is blanked out above)
        y = int(m.group(1))
        periods.append(Period(SAME_PERIOD, date(y, 1, 1), date(y, 12, 31), f"cùng kỳ năm {y}"))
        own = own[:m.start()] + " " * (m.end() - m.start()) + own[m.end():]
    latest, to_date = None, False
    for kind, pat in _RELATIVE:
        for m in pat.finditer(own):
            p = _relative(kind, today)
            if kind == "now":
                latest = today
            elif p is not None:
                periods.append(p)
            own = own[:m.start()] + " " * (m.end() - m.start()) + own[m.end():]
    # "the 30 April - 1 May 2072 holiday": the days name the holiday, as "dịp lễ 30/4 - 1/5"
    # does (rag.vi.numbers _EVENT_BEFORE) -- its figure is that of the days it lasts, which
    # reports count from its eve ("từ 27/4 đến 1/5/2072"); the year stays asked
    relative = periods[0].year if periods and periods[0].kind == "year" else None
    for m in _HOLIDAY_DAYS_EN.finditer(own):
        day = _english_holiday(m, relative or named_year, today)
        end = m.end(1) if day is None else m.end("year") if m.group("year") else m.end(1)
        own = own[:m.start(1)] + " " * (end - m.start(1)) + own[end:]
        if day is not None:
            periods.append(day)
    own, listed = _listed_holidays(own, question, relative or named_year, today)
    own, holidays = _holidays_named(own, question, relative or named_year, today)
    periods.extend(holidays)
    own, by_name = _holidays_by_name(own, relative or named_year, today)
    if by_name and relative is not None:
        periods = [p for p in periods if p.kind != "year"]  # "Tết năm nay": one period
    periods.extend(by_name)
    periods.extend(listed)
    # a bare quarter or half after "năm nay/ngoái" takes that year
    rel_year = periods[0].year if periods and periods[0].kind == "year" else None
    default = rel_year or named_year or today.year
    written = _as_written(question, own)
    mentions = _shared_tail(_with_own_years([x for x in question_mentions(written, default)
                                             if not x.comparison], written, own, rel_year),
                            written)
    if rel_year is None and named_year is None and \
            not any(not x.comparison for x in find_mentions(written, None)):
        # only a question with no year written anywhere is read by the day asked: "trong
        # tháng 12" beside "tính đến 20/12/2096" is tháng 12/2096 (break-test bt17p)
        mentions = [_latest_begun(x, written, today) for x in mentions]
    mentions, span = _range_start(mentions, written)
    if rel_year is not None and mentions:
        periods = [p for p in periods if p.kind != "year"]  # "6 tháng đầu năm nay": one period
    periods.extend(x.period for x in mentions)
    if not periods and _YEAR_TO_DATE.search(own):
        # "từ đầu năm đến nay trồng mới bao nhiêu ha hồi?" asked on 20/12: January to this
        # month, the months a report of this month sums ("12 tháng" is the year; one of the
        # months before answers it as part so far), not "hiện nay"'s latest figure
        periods.append(months_period(today.year, today.month))
        latest, to_date = None, True
    elif len(periods) == 1 and periods[0].kind == "year" and \
            periods[0].start.year == today.year and _YEAR_TO_DATE.search(own):
        # "tính chung từ đầu năm 2043", "từ đầu năm 2043 đến nay", "lũy kế năm 2043" asked
        # in 2043: the months of it to this month as well, not the whole year -- else only
        # the month's figure is served as "part of the year" (b17 round 8 item 3); a year
        # gone by is all of it
        periods = [months_period(today.year, today.month)]
        latest, to_date = None, True
    # a year also named inside another period ("quý I/2019") is that period's, not asked alone
    periods = _drop_inner_years(periods, {x.period for x in mentions
                                          if _asked_alone(x, mentions, own)})
    # "cùng kỳ 2022 (4 tháng 2022)": the part named beside it is the one asked
    periods = [p for p in periods if p.kind != SAME_PERIOD or not any(
        q.kind != SAME_PERIOD and p.start <= q.start and q.end <= p.end for q in periods)]
    each = bool(_EACH_YEAR.search(folded))
    if each:
        periods = _each_year(periods)
    unique: list[Period] = []
    for p in periods:  # the same span said twice ("first half" twice read) is one period
        if all((p.start, p.end) != (u.start, u.end) for u in unique):
            unique.append(p)
    if span is not None and not all(any((p.start, p.end) == (u.start, u.end) for u in unique)
                                    for p in span):
        span = None
    return Asked(tuple(unique), latest, each, _compared(question, folded, unique, default),
                 span, to_date)


# a range's start and end around two periods (folded): "từ tháng 6 đến 20/12/2031", "từ quý
# I tới hết quý III/2031"
_FROM_BEFORE = re.compile(r"\btu\s*$")
_TO_BETWEEN = re.compile(r"^\s*(?:den|toi)\b")
_YEAR_WRITTEN = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _range_start(mentions: list[Mention], written: str
                 ) -> tuple[list[Mention], tuple[Period, Period] | None]:
    """``mentions`` (periods of the question ``written``, in its offsets) with the start of a
    range "từ A đến B" written without its year taking the year of its end, as Vietnamese
    writes a range's year once at its end ("từ tháng 6 đến 20/12/2031" is from tháng
    6/2031; the year before when A would fall after B: "từ tháng 11 đến tháng 2/2032"), and
    the range's (start, end) periods -- None when no two consecutive periods are joined so.
    Issue 17 bt17h: "tháng 6" read by the day asked (another year than the range's end)."""
    ordered = sorted(mentions, key=lambda x: x.start)
    for a, b in zip(ordered, ordered[1:], strict=False):
        before = fold(written[:a.start]).lower()
        between = fold(written[a.end:b.end]).lower()
        if not _FROM_BEFORE.search(before) or not _TO_BETWEEN.search(between):
            continue
        start = a
        if not _YEAR_WRITTEN.search(written[a.start:a.end]) and \
                _YEAR_WRITTEN.search(written[b.start:b.end]):
            year = b.period.end.year
            again = find_mentions(written[a.start:a.end], year)
            if again and again[0].period.start > b.period.end:
                again = find_mentions(written[a.start:a.end], year - 1)
            if again:
                start = replace(a, period=again[0].period)
        out = [start if x is a else x for x in mentions]
        return out, (start.period, b.period)
    return mentions, None


# "tháng 12 năm trước", "cuối năm trước" after "so với": the year before the asked period's
_YEAR_BEFORE = re.compile(r"\s*nam (?:truoc|ngoai)\b")


# what names a base before it (folded): "so với", "cao hơn", "ít hơn"
_BASE_BEFORE = re.compile(r"\b(?:so voi|(?:cao|thap|nhieu|it|lon|nho) hon)\s+$")


def _compared_holidays(folded: str, asked: list[Period], year: int
                       ) -> list[tuple[int, int, Period]]:
    """The holidays ``folded`` compares with by name, each as (start, end, its days): one
    written with its year ("so với Tết Dương lịch 2027", "so với Tết Giáp Ngọ năm 2026"), or
    another holiday than the one asked ("Tết 2027 ... so với Tết Dương lịch": the asked
    year's) -- the same holiday without its year ("so với Tết năm trước", "cùng dịp") stays the
    base a change is stated against (rag.answer.figures._holiday_before).  Break-test bt17c
    #112: both read as "năm 2027", the Tết figure served twice."""
    asked_names = {name for x in asked for name in holiday_of(x)}
    out = []
    for x in asked_holidays(folded, year, date(year, 12, 31)):
        if not _BASE_BEFORE.search(folded[:x.start]):
            continue
        written = bool(re.search(r"(?:19|20)\d\d\s*$", folded[x.start:x.end]))
        if not written and (holiday_of(x.period) & asked_names or
                            _YEAR_BEFORE.match(folded, x.end)):
            continue
        out.append((x.start, x.end, x.period))
    return out


def _compared(question: str, folded: str, asked: list[Period], default: int
              ) -> tuple[Period, ...]:
    """The periods ``question`` compares with ("so với tháng 8", "thấp hơn quý II", "compared
    with December 2029"): one written without its year takes the year of the period asked
    ("tháng 9/2030 so với tháng 8" is tháng 8/2030, not this year's), or the year before it
    when "năm trước" follows ("so với tháng 12 năm trước" of tháng 10/2030 is tháng 12/2029;
    break-test b17 K2, K3); ``default`` when none is asked."""
    year = asked[0].end.year if asked else default
    holidays = _compared_holidays(folded, asked, year)
    out = [p for _, _, p in holidays]
    for x in question_mentions(question, year):
        if not x.comparison or any(a <= x.start and x.end <= b for a, b, _ in holidays):
            continue
        if _YEAR_BEFORE.match(folded, x.end) and not re.search(r"\d{4}", folded[x.start:x.end]):
            x = next(iter(find_mentions(question[x.start:x.end], year - 1)), x)
        out.append(x.period)
    return tuple(out)


def time_spans(question: str) -> list[tuple[int, int]]:
    """The (start, end) spans of every period, relative time and comparison phrase of
    ``question`` ("năm ngoái", "quý trước", "so với tháng trước", "6T", "quý I/2019"), for
    taking them out of its content words; offsets are the question's."""
    folded = fold(question)
    spans = [(m.start(), m.end()) for _, pat in _RELATIVE for m in pat.finditer(folded)]
    spans += [(m.start(), m.end()) for m in _COMPARISON_PHRASE.finditer(
        fold(mark_number_word(question)))]
    spans += [(m.start(), m.end()) for m in _EACH_YEAR.finditer(folded)]
    spans += [(m.start(), m.end()) for m in _YEAR_TO_DATE.finditer(folded)]
    spans += [(x.start, x.end) for x in question_mentions(_as_written(question, folded), 2000)]
    spans += worded_day_spans(folded)  # "dịp lễ 2 tháng 9 năm 2090": no "tháng", "năm" asked
    return sorted(spans)


def asked_spans(question: str) -> list[tuple[int, int]]:
    """The (start, end) spans of the periods ``question`` asks about -- named ("quý I 2027",
    "cả năm 2026") or relative ("năm ngoái") --, comparisons ("so với cùng kỳ") left out, in
    order; offsets are those of its folded form (the question's own unless folding moved
    them)."""
    own = _without_compared(question, _without_comparisons(fold(mark_number_word(question))))
    spans = [(m.start(), m.end()) for _, pat in _RELATIVE for m in pat.finditer(own)]
    spans += [(x.start, x.end) for x in question_mentions(_as_written(question, own), 2000)
              if not x.comparison]
    return sorted(spans)


# A month and its year with nothing before them, as questions write them: "xuất khẩu 8/2024",
# "08/2024" -- not a day ("27/8/2024"), not a document's number ("số 08/2024",
# "08/2024/QĐ-UBND").
_BARE_MONTH = re.compile(r"(?<![\w/.,-])(0?[1-9]|1[0-2])\s*/\s*((?:19|20)\d\d)(?![\w/.,-])")
# A whole date after "tại/ở/vào", as questions write a count's day: "số tài khoản … tại
# 30/6/2075" is the count at that day, as "ngày 30/6/2075" or "tại thời điểm 30/6/2075" reads
# (issue 17 bt22-b17 failure 8: left unread, the question asked no period and the count of
# 30/9 answered it at 0.96).  Not a date with nothing before it: "dịp Tết Dương lịch 1/1/2062"
# names an event, "31/8 - 3/9/2061" ends a span (tests/test_periods_named_in_sentence.py).
_AT_DAY = re.compile(r"\b(?:tại|tai|ở|o|vào|vao)\s+(?:lúc\s+|luc\s+)?"
                     r"((\d{1,2})\s*/\s*(\d{1,2})\s*/\s*((?:19|20)\d\d))(?![\w/.,-])",
                     re.IGNORECASE)
_NUMBER_WORD = re.compile(r"(?:^|\s)(?:số|so|no\.?)\s*$", re.IGNORECASE)
_COMPARED_BEFORE = re.compile(r"\bso\s+v(?:ớ|o)i\s*$", re.IGNORECASE)


# what joins a range's two ends (folded, between them or opening the end's mention, as "đến
# tháng 3/2036" is one): "năm 1995 đến năm 2000", "quý I tới quý II/2036", "2031 - 2035"
_RANGE_JOIN = re.compile(r"\s*(?:-|\u2013|\u2014|(?:cho )?den\b|toi\b)\s*")
# a base range opened by "từ" after "so với" ("so với (giai đoạn) từ năm 2031 đến năm 2035"):
# what find_mentions' comparison words stop short of
_COMPARED_FROM = re.compile(r"\bso\s+voi\s+(?:(?:giai doan|thoi ky|thoi gian|khoang thoi "
                            r"gian|ky)\s+)?tu\s*$")


def _range_period(a: Period, b: Period) -> Period:
    """The span from the start of ``a`` to the end of ``b``: years when both are years
    ("giai đoạn 1995–2000"), January to a month's end as those months ("3 tháng đầu năm
    2036"), else the days."""
    if a.kind in ("year", "years") and b.kind in ("year", "years"):
        return years_period(a.start.year, b.end.year)
    if a.start == date(b.end.year, 1, 1) and b.end == month_end(b.end.year, b.end.month):
        return months_period(b.end.year, b.end.month)
    return days_period(a.start, b.end)


def _compared_ranges(question: str, found: list[Mention]) -> list[Mention]:
    """``found`` (mentions of ``question``, in order) with a base written as a range read
    whole: a period joined by "đến", "tới" or a dash to a base before it is that base's end
    ("so với tháng 1 đến tháng 3/2036" is January to March 2036, not January then a period
    asked "đến tháng 3/2036"; the start takes the end's year when written without one), and
    a range opened by "từ" after "so với" is a base.  Session 53 (tests/test_compared_ranges.py):
    the end of the base was read as a period asked."""
    folded = fold(question).lower()
    if len(folded) != len(question):
        return found
    out: list[Mention] = []
    for x in found:
        if not x.comparison and _COMPARED_FROM.search(folded[:x.start]):
            x = replace(x, comparison=True)
        prev = out[-1] if out else None
        if prev is not None and prev.comparison and not x.comparison and \
                (_RANGE_JOIN.fullmatch(folded[prev.end:x.start]) or (
                    not folded[prev.end:x.start].strip() and
                    _RANGE_JOIN.match(folded, x.start))):
            start = prev.period
            if not _YEAR_WRITTEN.search(question[prev.start:prev.end]) and \
                    _YEAR_WRITTEN.search(question[x.start:x.end]):
                again = find_mentions(question[prev.start:prev.end], x.period.end.year)
                if again and again[0].period.start <= x.period.end:
                    start = again[0].period
            if start.start <= x.period.end:
                out[-1] = Mention(prev.start, x.end, _range_period(start, x.period), True)
                continue
        out.append(x)
    return out


def question_mentions(question: str, default: int | None) -> list[Mention]:
    """The periods written in a question (``rag.vi.mentions.find_mentions``), with a month
    written with only its year ("kim ngạch xuất khẩu 8/2024" is "tháng 8/2024", as a report's
    table header "8/2024" is never read without its "Tháng") and a whole date after "tại/ở/vào"
    ("tại 30/6/2075" is "ngày 30/6/2075"); one after "so với" is its
    comparison (not one after "số": rag.vi.text.mark_number_word), and so is a range after it
    read whole (:func:`_compared_ranges`: "so với năm 1995 đến năm 2000"); one after "số" is
    a number, not a period."""
    found = find_mentions(mark_number_word(question), default)
    for m in _BARE_MONTH.finditer(question):
        before = question[:m.start()]
        if _NUMBER_WORD.search(before) and not _COMPARED_BEFORE.search(before):
            continue  # "số 08/2024": a number
        if any(x.start < m.end() and m.start() < x.end for x in found):
            continue  # read already: "tháng 8/2024"
        found.append(Mention(m.start(), m.end(), month_period(int(m.group(2)),
                                                              int(m.group(1))),
                             _COMPARED_BEFORE.search(before) is not None))
    for m in _AT_DAY.finditer(question):
        # a report's "tại 30/6/2075" is a point in time (rag.vi.mentions' point_day, as a
        # table's column header dates a count); a question's is the day it asks, as before
        found = [x for x in found if x.start != m.start() or x.end != m.end(1)]
        if any(x.start < m.end(1) and m.start(1) < x.end for x in found):
            continue  # read already: "tại thời điểm 30/6/2075"
        day = find_mentions(f"ngày {m.group(2)}/{m.group(3)}/{m.group(4)}", default)
        if day:  # a day the calendar has (impossible_dates says why not)
            found.append(Mention(m.start(1), m.end(1), day[0].period))
    return _compared_ranges(question, _joined_days(question, sorted(found, key=lambda x: x.start),
                                                   default))


# a whole date joined by "và" or a comma to a read one that ends with its date ("đến 30/6/2086
# và 15/12/2086", "ngày 30/6, 30/9 và 15/12/2086"): the words before the first date ("đến",
# "ngày", "tại thời điểm") are the second's too
_JOINED_DAY = re.compile(r"\s*(?:,|và|va|and)\s*(?:,\s*)?((\d{1,2})\s*/\s*(\d{1,2})\s*/\s*"
                         r"((?:19|20)\d\d))(?![\w/.,-]\w)", re.IGNORECASE)
_ENDS_WITH_DATE = re.compile(r"\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*(?:19|20)\d\d)?$")


def _joined_days(question: str, found: list[Mention], default: int | None) -> list[Mention]:
    """``found`` (mentions of ``question``, in order) with each whole date written after "và"
    or a comma right after a read period that ends with its day ("số sản phẩm OCOP đến
    30/6/2086 và 15/12/2086?") read as that period's kind for its own day: the words before
    the first date are shared ("tính đến 15/12/2086"; a bare day's "tại 30/6/2086" is a day),
    as "tháng 6/2062 và tháng 12/2062" are two periods (break-test bt17o: the second date
    was left unread and the first answered alone at 1.0).  ``default``: the year of a date
    written without one."""
    out: list[Mention] = []
    for x in found:
        written = question[x.start:x.end]
        date_at = _ENDS_WITH_DATE.search(written)
        if x.comparison or date_at is None:
            out.append(x)
            continue
        lead = written[:date_at.start()] or ("ngày " if x.period.kind == "day" else "")
        joined: list[Mention] = []
        end = x.end
        while (m := _JOINED_DAY.match(question, end)) is not None and \
                not any(y.start < m.end(1) and m.start(1) < y.end for y in found):
            again = find_mentions(lead + m.group(1), default)
            if len(again) != 1 or again[0].period.kind != x.period.kind:
                break
            joined.append(Mention(m.start(1), m.end(1), again[0].period))
            end = m.end(1)
        out += [x, *joined]
    return out


def _as_written(question: str, folded: str) -> str:
    """``question`` as written (capitals and diacritics: "tháng Năm", "May" are months)
    where ``folded``, its folded form with some phrases blanked, has letters; the folded form
    itself when folding moved offsets."""
    if len(question) != len(folded):
        return folded
    return "".join(" " if f == " " else q for q, f in zip(question, folded, strict=True))


# "cùng kỳ (năm) 2021" left after the comparisons are blanked (folded): the same part of that
# year asked for itself (:data:`rag.vi.calendar.SAME_PERIOD`)
_SAME_PERIOD_ASKED = re.compile(r"\b(?:cung ky|ck)\s+(?:nam\s+)?((?:19|20)\d\d)\b(?![/.,]\d)")


def _without_comparisons(folded: str) -> str:
    """The question with "so với <period>" / "so với cùng kỳ" phrases blanked out."""
    return _COMPARISON_PHRASE.sub(lambda m: " " * len(m.group(0)), folded)


def _without_compared(question: str, own: str) -> str:
    """``own`` (``question`` folded, some phrases blanked) with every period
    :func:`question_mentions` reads as a base blanked too -- a whole range after "so với"
    ("so với năm 1995 đến năm 2000", "so với giai đoạn 2031-2035", "so với tháng 1 đến tháng
    3/2036"), whose end :data:`_COMPARISON_PHRASE` leaves behind and would otherwise be read
    as a period asked (XQuAD-vi's "... cao hơn bao nhiêu so với năm 1995 đến năm 2000?" asked
    the year 2000 too; session 53, tests/test_compared_ranges.py).  ``own`` unchanged when
    folding moved offsets."""
    if len(own) != len(question):
        return own
    folded = fold(question).lower()
    for x in question_mentions(question, 2000):
        if x.comparison and not _SAME_PERIOD_BEFORE.search(folded[:x.start]):
            own = own[:x.start] + " " * (x.end - x.start) + own[x.end:]
    return own


# "cùng kỳ (năm) 2071" with no "so với": the same period of that year asked for itself
# (:data:`_SAME_PERIOD_ASKED`), though find_mentions marks its year a comparison
_SAME_PERIOD_BEFORE = re.compile(r"\b(?:cung ky|ck)\s+(?:nam\s+)?$")


# "so với cùng kỳ năm 2027", "bằng bao nhiêu % thực hiện năm 2027": the year is the base;
# "gấp bao nhiêu lần giai đoạn trước": what a multiple is of
# "so với cuối năm 2029", "so với đầu năm", "so với tháng 12 năm trước": the end of the
# year before, its year no year asked (break-test b17 K2, K3); "cao hơn cùng kỳ", "ít hơn
# tháng trước": a base named after a comparative (b17 failure 2)
_COMPARISON_PHRASE = re.compile(
    r"\b(?:so (?:voi\s+)?|(?:bao nhieu|may) lan\s+|(?:cao|thap|nhanh|cham|nhieu|it) hon\s+)"
    r"(?:cung ky(?:\s+(?:nam\s+)?"
    r"(?:truoc|(?:19|20)\d\d))?|(?:thang|quy|nam|ky|giai doan)\s+"
    r"(?:truoc|\d{1,2}(?:\s*/\s*\d{4}|\s+nam\s+(?:truoc|(?:19|20)\d\d))?|"
    r"[ivx]+(?:\s*/\s*\d{4})?)|(?:cuoi|dau)\s+nam(?:\s+(?:truoc|(?:19|20)\d\d))?|"
    r"(?:nam\s+)?(?:19|20)\d\d|du toan|ke hoach|"
    # a crop season ("so với vụ Hè Thu 2040", "ít hơn vụ Đông Xuân 2035-2036"; bt5-b17
    # failure 3): rag.vi.calendar.SEASONS; its year perhaps after "năm" ("so với vụ mùa năm
    # 2072": bt17-b17 D9, whose "năm 2072" was read as the year asked); "cùng vụ (năm trước)"
    r"vu\s+(?:" + "|".join(sorted(SEASONS, key=len, reverse=True)) + r")"
    r"(?:\s+(?:nam\s+)?(?:19|20)\d\d(?:\s*[-\u2013]\s*(?:19|20)\d\d)?)?|"
    r"cung vu(?:\s+(?:nam\s+)?(?:truoc|(?:19|20)\d\d))?|"
    # a holiday's base: "cùng dịp (năm trước)", "(dịp) Tết (Giáp Thìn) năm trước/2024" -- the
    # same holiday a year before, as tourism reports compare (rag.answer.figures
    # _holiday_before; dev2 e11 "so với dịp Tết Giáp Ngọ năm 2014", break-test s39 bt17b)
    r"cung dip(?:\s+(?:nam\s+)?(?:truoc|ngoai|(?:19|20)\d\d))?|"
    # another holiday's, or a holiday's by "lễ" alone: "(cùng) dịp lễ (Quốc khánh) năm
    # trước", "kỳ nghỉ lễ 30/4 năm 2030", "dịp Giỗ Tổ năm 2032" -- tourism reports' "tăng
    # 6,3% so với kỳ nghỉ lễ Quốc khánh năm 2031" (issue 17, brief holchange), never a
    # holiday asked
    r"(?:cung\s+)?(?:(?:dip|ky nghi|ky)\s+)?(?:nghi\s+)?(?:le\s+)?(?:" + OTHER_THAN_TET +
    r")(?:\s+(?:nam\s+)?(?:truoc|ngoai|(?:19|20)\d\d))?|"
    r"(?:cung\s+)?(?:dip|ky nghi)\s+(?:nghi\s+)?le(?:\s+(?:nam\s+)?(?:truoc|ngoai|"
    r"(?:19|20)\d\d))?(?!\s*(?:hoi|\d))|"
    r"(?:(?:dip|ky nghi)\s+)?tet(?:\s+nguyen dan)?(?:\s+" + CAN_CHI + r")?"
    r"(?:\s+(?:nam\s+)?(?:truoc|ngoai|(?:19|20)\d\d))?)"
    r"|(?:%|\bphan tram)\s*(?:so voi\s+)?(?:thuc hien|cung ky)\s+(?:nam\s+)?(?:19|20)\d\d"
    # an English base, as the glossary reads it ("compared with the previous month", "from a
    # year earlier", "since the end of last year": rag.vi.lexicon._ENGLISH_BASES): what the
    # change is of, never a period asked -- "previous month" read as one made "CPI in July
    # 2063 compared with the previous month" ask August too, listed missing (issue 17)
    r"|(?<![\w-])(?:" + "|".join(re.escape(fold(k)) for k in sorted(
        (k for k, v in ENGLISH.items() if v in ENGLISH_BASE_TERMS and " " in k),
        key=len, reverse=True)) + r")(?![\w-])")


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


# a period written to the day ("sáng 21/12", "tính đến 20/12", "từ 1/12 đến 20/12"): its
# label carries the day and month, as rag.vi.calendar writes day, to_date and days labels
_TO_THE_DAY = re.compile(r"\b\d{1,2}/\d{1,2}/(?:19|20)\d\d$")
# what asks for a figure still to come ("dự kiến đến ngày 25/12", "dự báo", "sẽ"): the
# forecast words reports write before such figures (rag.vi.frames.sentence _FORECAST_LEAD)
_AHEAD = re.compile(r"\b(?:du kien|du bao|ke hoach|muc tieu|phan dau|(?<!chia )se|"
                    r"expected|forecast|will)\b")


def _latest_begun(mention: Mention, written: str, today: date) -> Mention:
    """``mention``, a period the question writes with no year anywhere ("tháng 8?", "quý IV",
    "8 tháng", "sáng 21/12"), read this year; last year's instead when it is not yet there
    by ``today`` -- a period not yet reported is never the one asked.

    A month, quarter or months-to-date counts from when its last month has begun: "tháng 8"
    asked on 1/2/2029 is tháng 8/2028, "tháng 3" asked on 1/5/2029 tháng 3/2029, and "tháng
    12" asked on 2/12/2026 stays tháng 12/2026 -- a report of a month comes out in that
    month's last days (the statistics office's "tháng 9 và 9 tháng" report is dated 29/9),
    so the month under way is the one a reader in it means; if no report has it yet the
    refusal names the years that do.  A period written to the day is there only once that
    day has come: "sáng 21/12" asked on 2/12/2026 is 21/12/2025, the latest such day not
    after ``today`` (break-test bt17d g08, g11: read as 21/12/2026 and refused) -- unless
    the question asks ahead ("dự kiến đến ngày 25/12 còn bao nhiêu xe?"), a forecast."""
    p = mention.period
    if p.kind == "year":
        return mention
    if _TO_THE_DAY.search(p.label) and not _AHEAD.search(fold(written).lower()):
        if p.end <= today:
            return mention
    elif (p.end.year, p.end.month) <= (today.year, today.month):
        return mention
    again = find_mentions(written[mention.start:mention.end], today.year - 1)
    return replace(mention, period=again[0].period) if again else mention


# a list's joints between periods (folded): "tuần 1, tuần 2 và tuần 3 tháng 3/2090"
_LIST_JOINT = re.compile(r"^\s*(?:,|;|va|and|&|,\s*va)\s*$")
# a period's own words at its start ("tuần 3", "tuần thứ 3", "quý II", "tháng 3"), the rest
# being the month and/or year it is in
_PERIOD_HEAD = re.compile(r"^(\S+)(?:\s+thu)?\s+(?:\d{1,2}|[ivx]+)(?![\d/.])", re.IGNORECASE)


def _shared_tail(mentions: list[Mention], written: str) -> list[Mention]:
    """``mentions`` (periods of the question ``written``, in its offsets) with each period of
    a list written bare before one of its kind that carries its month and/or year -- "tuần 1,
    tuần 2 và tuần 3 tháng 3/2090", "quý I và quý II năm 2090" -- read with that tail: a list
    writes the month and year it shares once, at its end (each is "tuần N tháng 3/2090",
    never week N of the year nor of another year).  Periods not joined by a comma or "và",
    of another kind, or whose re-reading is not one period are kept as read.  Break-test
    bt17p: "tuần 1, tuần 2" read as weeks of 2025 beside "tuần 3 tháng 3/2090"."""
    ordered = sorted(mentions, key=lambda x: x.start)
    fixed: dict[int, Mention] = {}
    tail = ""
    for a, b in zip(ordered[-2::-1], ordered[:0:-1], strict=False):  # right to left
        b_text = fold(written[b.start:b.end]).lower()
        head = _PERIOD_HEAD.match(b_text)
        if head is not None and head.end() < len(b_text):
            tail = written[b.start + head.end():b.end]
        elif id(b) not in fixed:  # a bare period takes on the tail of the one it came from
            tail = ""
        a_text = written[a.start:a.end]
        a_head = _PERIOD_HEAD.match(fold(a_text).lower())
        if not tail or a_head is None or a_head.end() != len(a_text) or \
                head is None or a_head.group(1) != head.group(1) or \
                not _LIST_JOINT.match(fold(written[a.end:b.start]).lower()):
            tail = ""
            continue
        again = find_mentions(a_text + tail, None)
        if len(again) == 1 and again[0].end == len(a_text + tail) and \
                again[0].period.kind == b.period.kind:
            fixed[id(a)] = replace(a, period=again[0].period)
        else:
            tail = ""
    return [fixed.get(id(x), x) for x in mentions]


def _drop_inner_years(periods: list[Period], alone: set[Period]) -> list[Period]:
    """``periods`` without a year that only says which year another period is in ("năm
    2023, xuất khẩu tháng 6"); a year in ``alone`` (:func:`_asked_alone`) stays."""
    out = []
    for p in periods:
        if p.kind == "year" and p not in alone and any(
                o is not p and o.kind != "year" and o.start.year == o.end.year == p.year
                for o in periods):
            continue
        out.append(p)
    return out


# what may stand between a period without its year and the year that is its own ("quý I
# 2027", "quý I của năm 2019", "năm 2019, quý I")
_YEAR_GLUE = re.compile(r"^[\s,]*(?:(?:cua|trong|of|in)\s+)?$")
# "cả năm 2026": the whole year asked, never only the year of another period
_WHOLE_YEAR = re.compile(r"^(?:ca\s+nam|full\s+year)\b")
# periods joined as several asked ("cả năm 2026 và 8 tháng năm 2026", "2018, 2023")
_AND = re.compile(r"\bva\b|\band\b|&")
_JOINERS = re.compile(r"^\s*[,;]\s*$")


def _with_own_years(mentions: list[Mention], written: str, folded: str,
                    rel_year: int | None) -> list[Mention]:
    """``mentions`` (read with the question's first year as the default) with each period
    written without its year given the year that is its own: a year written right beside it
    ("quý I 2027", "quý I của năm 2019") -- that year mention is then dropped --, else the
    relative year ("quý I năm nay"), else the nearest year written before it, else after it
    ("tháng 8 và 8 tháng năm 2026").  A year written beside a period that has one ("cả năm
    2026 và 8 tháng năm 2026") stays a period of its own."""
    own = [x for x in find_mentions(written, None) if not x.comparison]
    yearly = {(x.start, x.end) for x in own}
    # a year overlapping a period read without it is its own ("nửa đầu năm 2023": the
    # half's words end in "năm", the year's begin with it)
    years = [x for x in own if x.period.kind == "year" and
             not _WHOLE_YEAR.match(folded[x.start:x.end])]
    used: set[tuple[int, int]] = set()
    out: list[Mention] = []
    for x in mentions:
        if (x.start, x.end) in yearly:
            out.append(x)
            continue
        beside = next((y for y in years if (y.start, y.end) not in used and (
            (y.start < x.end and x.start < y.end) or
            (y.start >= x.end and _YEAR_GLUE.match(folded[x.end:y.start])) or
            (y.end <= x.start and _YEAR_GLUE.match(folded[y.end:x.start])))), None)
        if beside is not None:
            used.add((beside.start, beside.end))
            year = beside.period.year
        elif rel_year is not None:
            year = rel_year
        else:
            before = [y for y in own if y.end <= x.start]
            after = [y for y in own if y.start >= x.end]
            near = before[-1] if before else (after[0] if after else None)
            if near is None:
                out.append(x)
                continue
            year = near.period.end.year
        again = find_mentions(written[x.start:x.end], year)
        out.append(replace(x, period=again[0].period) if again else x)
    return [x for x in out if (x.start, x.end) not in used]


def _asked_alone(mention: Mention, others: list[Mention], folded: str) -> bool:
    """Whether a year mention is a period asked of its own: "cả năm 2026", or joined to the
    nearest other period by "và" ("2018 và 2023", "xuất khẩu năm 2024 và nhập khẩu tháng
    6/2024") or by a comma alone ("2018, 2023"); "năm 2023, xuất khẩu tháng 6" asks one
    period."""
    if mention.period.kind != "year":
        return False
    if _WHOLE_YEAR.match(folded[mention.start:mention.end]):
        return True
    gaps = [folded[o.end:mention.start] if o.end <= mention.start else
            folded[mention.end:o.start] for o in others if o is not mention]
    if not gaps:
        return False
    gap = min(gaps, key=len)
    return bool(_AND.search(gap)) or bool(_JOINERS.match(gap))


def _each_year(periods: list[Period]) -> list[Period]:
    out: list[Period] = []
    for p in periods:
        if p.kind == "years":
            out.extend(year_period(y) for y in range(p.start.year, p.end.year + 1))
        else:
            out.append(p)
    return out


# dates as a question writes them, for impossible_dates (folded): "ngày 31 tháng 4 năm 2028",
# "31/4/2028", "từ 30/2", "tháng 13/2028", "tháng 13", "quý V"
_FORMAL_DAY = re.compile(r"\bngay\s+(\d{1,2})\s+thang\s+(\d{1,2})(?:\s+nam\s+(\d{4}))?\b")
_DAY_YEAR = re.compile(r"(?<![\d/.,])(\d{1,2})[/-](\d{1,2})[/-]((?:19|20)\d\d)(?![\d/])")
# a day and month without a year only after a word that dates ("từ 30/2", "đến hết 31/2"):
# "thứ 5/20", "12/13 sản phẩm" are ranks and counts
_DAY_MONTH = re.compile(r"\b(?:ngay|tu|den|het|toi|sang|chieu|truoc|sau)\s+(\d{1,2})/(\d{1,2})"
                        r"(?![\d/])")
_MONTH_YEAR = re.compile(r"\bthang\s+(\d{1,2})(?:\s*[/-]\s*|\s+nam\s+)((?:19|20)\d\d)\b")
_MONTH = re.compile(r"\bthang\s+(\d{1,2})\b(?!\s*(?:thang|[/-]\s*\d))")
_QUARTER = re.compile(r"\bquy\s+(v|vi|vii|viii|ix|x|[05-9])\b")


def impossible_dates(question: str) -> list[str]:
    """The dates ``question`` writes that no calendar has, as written: a day its month lacks
    ("30/2", "31/4/2028", "29/2/2027", "ngày 31 tháng 6"), a month past 12 or 0 ("tháng
    13/2028", "tháng 13"), a quarter past IV ("quý V"); in order, none when every date is
    real.  A day and month with no year count February 29 as real (issue 17 break-test:
    such questions were answered with another period's figure; tests/test_impossible_dates.py).
    """
    folded = fold(question).lower()
    written = question if len(question) == len(folded) else folded
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, day: str | None, month: str, year: str | None) -> None:
        if any(s <= start < e for s, e in taken):
            return
        taken.append((start, end))
        if not _real(int(day) if day else 1, int(month), int(year) if year else 2000):
            found.append((start, written[start:end].strip()))

    for m in _FORMAL_DAY.finditer(folded):
        add(m.start(), m.end(), m.group(1), m.group(2), m.group(3))
    for m in _DAY_YEAR.finditer(folded):
        add(m.start(), m.end(), m.group(1), m.group(2), m.group(3))
    for m in _DAY_MONTH.finditer(folded):
        add(m.start(1), m.end(), m.group(1), m.group(2), None)
    for m in _MONTH_YEAR.finditer(folded):
        add(m.start(), m.end(), None, m.group(1), m.group(2))
    for m in _MONTH.finditer(folded):
        add(m.start(), m.end(), None, m.group(1), None)
    for m in _QUARTER.finditer(folded):
        add(m.start(), m.end(), None, "13", None)  # no quarter past IV: never real
    return [text for _, text in sorted(found)]


def _real(day: int, month: int, year: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


# A year typed with a digit too few or too many ("năm 216", "năm 20196", "tháng 3/20019"):
# a number of 3, 5 or 6 digits that opens like a year (1 or 2) where a year stands -- after
# "năm", or after the "/" of "tháng 3/" or "quý I/".  Three digits only at the end of the
# question or before a word that ends the period ("năm 216 là bao nhiêu"): "năm" is also
# the number five ("năm 150 doanh nghiệp").  Issue 16, round 11: such years were read as
# another year ("20196" as 2019, "20019" as 2001) and answered as exact.
_YEAR_SLOT = (r"(?:\bnam\s+|\bthang\s+\d{1,2}\s*[/-]\s*|"
              r"\bquy\s+(?:iv|iii|ii|i|[1-4])\s*[/-]\s*)")
_LONG_YEAR = re.compile(_YEAR_SLOT + r"([12]\d{4,5})(?![\d.,]?\d)")
_SHORT_YEAR = re.compile(_YEAR_SLOT + r"([12]\d{2})(?=\s*(?:$|[?.,;:!)]|\s(?:la|bao|va|so|dat|"
                         r"tang|giam|co|the|nhu|ra|thi|ve|voi|cua)\b))")


def malformed_years(question: str) -> list[str]:
    """The year-like numbers ``question`` writes where a year stands that are no year (3, 5
    or 6 digits opening with 1 or 2: "năm 216", "năm 20196", "quý I/20019"), as written, in
    order; none when every year has four digits.  The answer must not read them as another
    year (tests/test_malformed_years.py)."""
    folded = fold(question).lower()
    found = {m.start(1): m.group(1) for rx in (_LONG_YEAR, _SHORT_YEAR)
             for m in rx.finditer(folded)}
    return [found[k] for k in sorted(found)]


def without_years(question: str, written: list[str]) -> str:
    """``question`` without the malformed years ``written`` (:func:`malformed_years`) and
    the "năm" or "/" before each: what it asks, its period left open ("tổng mức bán lẻ năm
    216" -> "tổng mức bán lẻ")."""
    for w in written:
        question = re.sub(r"(?:\b(?:năm|nam)\s+|\s*[/-]\s*)?(?<!\d)" + re.escape(w) + r"(?!\d)",
                          "", question, flags=re.IGNORECASE)
    return " ".join(question.split())


# The words a period is written with between a conjunction and its year ("và 9 tháng đầu năm
# 2108", "và quý I/2108"), for :func:`without_asked_years`.
_PERIOD_BITS = (r"(?:[\s/-]|\d{1,2}(?!\d)|tháng|thang|quý|quy|đầu|dau|cuối|cuoi|năm|nam|cả|ca|"
                r"\b[ivx]{1,4}\b)*?")
_JOINER = r"(?:,|;|\b(?:và|va|hoặc|hoac|với|voi)\b)"


def without_asked_years(question: str, years: tuple[int, ...]) -> str:
    """``question`` without the conjuncts that ask for ``years`` (years no report covers,
    asked beside a covered one): "kim ngạch xuất khẩu năm 2018 và năm 2108" -> "kim ngạch
    xuất khẩu năm 2018"; "năm 2108 và năm 2018" -> "năm 2018".  A year not joined to another
    period by "và", "hoặc", "với", "," or ";" stays (the question is then the same)."""
    for y in years:
        year = rf"(?<!\d){y}(?!\d)"
        after = re.compile(rf"\s*{_JOINER}\s*{_PERIOD_BITS}{year}", re.IGNORECASE)
        new = after.sub("", question, count=1)
        if new == question:
            before = re.compile(rf"(?<!\w){_PERIOD_BITS}{year}\s*{_JOINER}\s*", re.IGNORECASE)
            new = before.sub("", question, count=1)
        question = new
    return " ".join(question.split())
