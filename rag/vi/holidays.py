"""The holidays reports count visitors, sales and traffic by, named by their names: "Tết
Dương lịch", "Tết Nguyên đán" ("Tết" alone), "Giỗ Tổ Hùng Vương", "dịp lễ 30/4 - 1/5",
"Quốc khánh", "Giáng sinh".  Each is its own few days: a figure of one never answers another
(issue 17 break-test bt17c #74, #78, #112: the Tết Nguyên đán visitors were served for "Tết
Dương lịch 2027", the New Year's for "dịp lễ 30/4").

A holiday is known by its main days in a year (:func:`days_of`): the public holidays of the
Labour Code 2019, art. 112 -- 1/1; Tết Âm lịch (its first days: mùng 1 to mùng 3, the "ba
ngày Tết" every report's span holds); Giỗ Tổ Hùng Vương, lunar 10/3; 30/4 and 1/5, which
tourism reports count as one break ("kỳ nghỉ lễ 30/4 - 1/5", dev reports); 2/9 -- and
Christmas (24-25/12), which Lạng Sơn's trade and tourism reports name beside New Year.  "Tết"
alone is Tết Nguyên đán, as Vietnamese writes it; "Tết Trung thu", "Tết trồng cây", "Tết Đoan
ngọ" are other days, no public holiday named here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from rag.vi.calendar import HOLIDAY, Period, year_period
from rag.vi.lunar import CAN_CHI, can_chi_year, lunar_to_solar, tet
from rag.vi.text import fold

if TYPE_CHECKING:  # mentions reads holidays (NAMED_WITH_YEAR): no import at run time
    from rag.vi.mentions import Mention


def _solar(first: tuple[int, int], last: tuple[int, int]
           ) -> Callable[[int], tuple[date, date] | None]:
    return lambda y: (date(y, first[1], first[0]), date(y, last[1], last[0]))


def _tet_days(year: int) -> tuple[date, date] | None:
    first = tet(year)
    return None if first is None else (first, first + timedelta(days=2))


def _gio_to(year: int) -> tuple[date, date] | None:
    day = lunar_to_solar(10, 3, year)
    return None if day is None else (day, day)


# the words "Tết" is not Tết Nguyên đán before (folded): other Tết, or words naming no holiday
_OTHER_TET = (r"duong lich|tay|trung thu|doan ngo|trong cay|han thuc|thanh minh|nguyen tieu|"
              r"doc lap|thieu nhi|ong cong|ong tao|ha nguyen|trung nguyen|com moi|"
              r"nam moi duong lich")


@dataclass(frozen=True)
class Holiday:
    """One holiday: ``name`` as a reader writes it, ``words`` the folded pattern that names
    it, ``days`` its main days in a year (None out of the lunar calendar's range)."""

    name: str
    words: str
    days: Callable[[int], tuple[date, date] | None]


HOLIDAYS = (
    Holiday("Tết Dương lịch", r"tet (?:duong lich|tay)|nghi le nam moi|nam moi duong lich",
            _solar((1, 1), (1, 1))),
    Holiday("Tết Nguyên đán",
            r"tet (?:nguyen dan|am lich|co truyen)|tet(?!\s+(?:" + _OTHER_TET + r")\b)",
            _tet_days),
    Holiday("Giỗ Tổ Hùng Vương", r"gio to(?: hung vuong)?|le hoi den hung", _gio_to),
    Holiday("dịp lễ 30/4 - 1/5",
            r"giai phong mien nam|thong nhat dat nuoc|quoc te lao dong|"
            r"(?:le|dip|nghi)\s+(?:ngay\s+)?(?:30/0?4|0?1/0?5)(?![\d/])",
            _solar((30, 4), (1, 5))),
    Holiday("Quốc khánh",
            r"quoc khanh|tet doc lap|(?:le|dip|nghi)\s+(?:ngay\s+)?0?2/0?9(?![\d/])",
            _solar((2, 9), (2, 9))),
    Holiday("Giáng sinh", r"giang sinh|noel|christmas", _solar((24, 12), (25, 12))),
)

_ALTERNATIVES = "|".join(f"(?P<h{i}>{h.words})" for i, h in enumerate(HOLIDAYS))
# the folded words naming a holiday other than a Tết (Giỗ Tổ, 30/4 - 1/5, Quốc khánh, Giáng
# sinh), no group: what a comparison base names after "so với" (rag.vi.asked), whose Tết
# are read apart (their can-chi years)
OTHER_THAN_TET = "|".join(f"(?:{h.words})" for h in HOLIDAYS if not h.name.startswith("Tết"))
_NAMES = re.compile(r"\b(?:" + _ALTERNATIVES + r")")


def days_of(holiday: Holiday, year: int) -> tuple[date, date] | None:
    """The main days of ``holiday`` in ``year`` (None when the calendar holds none)."""
    try:
        return holiday.days(year)
    except ValueError:
        return None


def named_in(text: str) -> frozenset[str]:
    """The holidays ``text`` (folded or not) names by name (:data:`HOLIDAYS`' names):
    "Trong 9 ngày nghỉ Tết Nguyên đán Đinh Mùi" -> {"Tết Nguyên đán"}."""
    return frozenset(HOLIDAYS[int(k[1:])].name for m in _NAMES.finditer(fold(text).lower())
                     for k, v in m.groupdict().items() if v)


def named_last(text: str) -> frozenset[str]:
    """The holiday ``text`` names last (a figure's sentence up to its value): "Trong dịp Tết
    Nguyên đán Ất Tỵ, toàn tỉnh đón khoảng 182.000 lượt khách; kỳ nghỉ lễ 30/4 - 1/5 đón" ->
    {"dịp lễ 30/4 - 1/5"} -- each figure is of the holiday its own clause names (held-out
    h034); empty when it names none.  Holidays listed with the last as one break are named
    too: "Dịp nghỉ lễ Giỗ Tổ Hùng Vương và 30/4 - 1/5/2045 (5 ngày, từ 28/4 đến 02/5/2045),
    Lạng Sơn đón" -> {"Giỗ Tổ Hùng Vương", "dịp lễ 30/4 - 1/5"}, by name before it
    (:func:`_listed_before`) or by days alone after it (:func:`_listed_days`) -- break-test
    bt17t: its visitors were refused for "dịp 30/4/2045" as Giỗ Tổ's alone."""
    folded = fold(text).lower()
    found = list(_NAMES.finditer(folded))
    if not found:
        return frozenset()
    return _names(found[-1]) | _listed_before(folded, found) | _listed_days(folded, found[-1].end())


def _names(m: re.Match[str]) -> frozenset[str]:
    return frozenset(HOLIDAYS[int(k[1:])].name for k, v in m.groupdict().items() if v)


# what stands between two holidays a list names as one break (folded): the days or year left
# of the first ("lễ 30/4 - 1/5/2045"), a list word, the second's lead words -- "dịp nghỉ lễ 30/4
# - 1/5 và Giỗ Tổ Hùng Vương"
_LIST_GAP = re.compile(r"[\s\d/.\-–]*(?:nam\s+(?:19|20)\d\d\s*)?(?:,|\bva\b|&)\s*"
                       r"(?:(?:dip|ky|nghi|le|ngay)\s+)*")
# a holiday listed by its days alone after one named (folded, at its end): "Giỗ Tổ Hùng Vương
# và 30/4 - 1/5/2045", "Giỗ Tổ, 30/4 và 1/5" -- as rag.vi.asked._LISTED_DAY reads a question
_LISTED_DAYS = re.compile(r"(?:\s+(?:(?:19|20)\d\d|nam\s+(?:19|20)\d\d))?"
                          r"\s*(?:,|\bva\b|&)\s*(?:(?:ngay|le)\s+)?"
                          r"(\d{1,2})/(\d{1,2})(?:\s*[-–]\s*(\d{1,2})/(\d{1,2}))?(?!\d)")


def _listed_before(folded: str, found: list[re.Match[str]]) -> frozenset[str]:
    """The holidays named before the last of ``found`` in one list with it (joined by "và",
    ",", "&": :data:`_LIST_GAP`): "lễ 30/4 - 1/5 và Giỗ Tổ Hùng Vương" names both."""
    out: set[str] = set()
    for before, after in zip(found[-2::-1], found[:0:-1], strict=True):
        if not _LIST_GAP.fullmatch(folded, before.end(), after.start()):
            break
        out |= _names(before)
    return frozenset(out)


def _listed_days(folded: str, end: int) -> frozenset[str]:
    """The holidays of fixed solar days (30/4, 1/5, 2/9, 1/1, 24-25/12) listed by their days
    alone after the holiday named ending at ``end`` (:data:`_LISTED_DAYS`): "Giỗ Tổ Hùng
    Vương và 30/4 - 1/5/2045" names the 30/4 break too.  A day of no such holiday ("Tết và
    15/3") names none; lunar holidays are not known by a day without its year."""
    out: set[str] = set()
    while (m := _LISTED_DAYS.match(folded, end)) is not None:
        d1, m1, d2, m2 = m.groups()
        try:
            first = date(2001, int(m1), int(d1))
            last = date(2001, int(m2), int(d2)) if d2 else first
        except ValueError:
            break
        listed = {h.name for h in HOLIDAYS if h.days not in (_tet_days, _gio_to)
                  and (days := days_of(h, 2001)) is not None
                  and days[0] <= last and first <= days[1]}
        if not listed:
            break
        out |= listed
        end = m.end()
    return frozenset(out)


def on_days(period: Period) -> frozenset[str]:
    """The holidays whose main days a span of days ``period`` touches: "từ 02/02 đến hết
    10/02/2027" holds Tết Nguyên đán 2027's first days, "từ 01/01 đến 03/01/2027" New Year's
    Day."""
    out = set()
    for year in range(period.start.year, period.end.year + 1):
        for h in HOLIDAYS:
            days = days_of(h, year)
            if days is not None and days[0] <= period.end and period.start <= days[1]:
                out.add(h.name)
    return frozenset(out)


# a holiday named in a question, its year after it by number, can-chi or "năm nay" left to the
# question's other periods (folded): "Tết Dương lịch 2027", "dịp Tết Nguyên đán Đinh Mùi",
# "dịp nghỉ lễ Quốc khánh năm 2026"
_ASKED = re.compile(r"\b(?:(?:dip|ky nghi|ky|nghi)\s+)?(?:nghi\s+)?(?:le\s+)?(?:" + _ALTERNATIVES
                    + r")(?:\s+(?P<canchi>" + CAN_CHI + r"))?"
                    r"(?:\s+(?:nam\s+)?(?P<year>(?:19|20)\d\d)(?![\d/.,]))?")


@dataclass(frozen=True)
class NamedHoliday:
    """A holiday a question names by name: where (``start``, ``end``: offsets of the folded
    question) and its days as a :func:`rag.vi.calendar.holiday_period`-kind period."""

    start: int
    end: int
    period: Period


def holiday_period(holiday: Holiday, year: int) -> Period | None:
    """``holiday``'s main days in ``year`` as a holiday period labelled by its name and year
    ("Tết Nguyên đán 2024", "dịp lễ 30/4 - 1/5/2025"); None when the calendar holds none."""
    days = days_of(holiday, year)
    if days is None:
        return None
    label = f"{holiday.name}{'/' if holiday.name[-1].isdigit() else ' '}{days[1].year}"
    return Period(HOLIDAY, days[0], days[1], label)


# A holiday a report's sentence names by name with its year written (folded): "Dịp Giỗ Tổ Hùng
# Vương 2025", "Tết Dương lịch 2026", "so với Tết Giáp Thìn 2024", "dịp Tết Giáp Ngọ năm
# 2014", "dịp lễ Quốc khánh năm 2025" -- the holiday's days that year, not the whole year the
# number alone reads as: a tourism report states each holiday's figures, and the level of the
# one it compares with, so (bt17d d06 "tăng 11% so với Tết Giáp Thìn 2024 (287.000 lượt)",
# d09; dev2 e11 "tăng 14,8% so với dịp Tết Giáp Ngọ năm 2014").  Read by rag.vi.mentions.
NAMED_WITH_YEAR = re.compile(r"\b(?:(?:dip|ky nghi|ky|nghi)\s+)?(?:nghi\s+)?(?:le\s+)?(?:"
                             + _ALTERNATIVES + r")(?:\s+(?P<canchi>" + CAN_CHI + r"))?"
                             r"\s+(?:nam\s+)?(?P<year>(?:19|20)\d\d)(?![\d/.,]\d|[\d/])")
# the words before a holiday that make it a time around it, not its days (folded): "trước Tết
# Nguyên đán Quý Mão 2023" (dev2 e04), "sau Tết", "cận Tết", "giáp Tết"
AROUND_HOLIDAY = re.compile(r"\b(?:truoc|sau|can|giap|ke tu sau)\s+$")


def named_with_year(m: re.Match[str]) -> Period | None:
    """The holiday period a :data:`NAMED_WITH_YEAR` match ``m`` names."""
    holiday = next(HOLIDAYS[int(k[1:])] for k, v in m.groupdict().items()
                   if v and k[0] == "h" and k[1:].isdigit())
    return holiday_period(holiday, int(m.group("year")))


def asked_holidays(folded: str, year: int | None, today: date) -> list[NamedHoliday]:
    """The holidays the folded question ``folded`` names by name (not by their days: those are
    rag.vi.mentions.HOLIDAY_DAYS'), each as its main days of the year written after it, else
    ``year`` (the one the question names), else the last one begun by ``today``: "Tết Dương
    lịch 2027" is 1/1/2027, "Tết Đinh Mùi" 6-8/2/2027."""
    out = []
    for m in _ASKED.finditer(folded):
        holiday = next(HOLIDAYS[int(k[1:])] for k, v in m.groupdict().items()
                       if v and k.startswith("h"))
        at = int(m.group("year")) if m.group("year") else \
            can_chi_year(m.group("canchi"), today.year) if m.group("canchi") else year
        days = days_of(holiday, at if at is not None else today.year)
        if at is None and days is not None and days[0] > today:
            days = days_of(holiday, today.year - 1)
        period = None if days is None else holiday_period(holiday, days[1].year)
        if period is None:
            continue
        out.append(NamedHoliday(m.start(), m.end(), period))
    return out


def holiday_of(period: Period) -> frozenset[str]:
    """The holiday a question's holiday period (:func:`asked_holidays`, or one named by its
    days, "dịp lễ 30/4") is, by its days."""
    return on_days(period) if period.kind == HOLIDAY else frozenset()


def named_by_name(period: Period) -> bool:
    """Whether ``period`` is a holiday a question named by name (:func:`asked_holidays`:
    "Tết 2027"), not by its days ("dịp lễ 30/4", rag.vi.mentions.HOLIDAY_DAYS)."""
    return period.kind == HOLIDAY and any(period.label.startswith(h.name + sep)
                                          for h in HOLIDAYS for sep in (" ", "/"))


def solar_days(period: Period) -> bool:
    """Whether ``period``, a holiday asked (:func:`holiday_of`), is only of holidays on fixed
    solar days (Tết Dương lịch, 30/4 - 1/5, Quốc khánh, Giáng sinh): the calendar knows their
    days for certain, so days touching none of them are no such holiday's -- a Tết's or Giỗ
    Tổ's lunar days are left to the days a report writes (break-test bt17t: "từ 5/5 đến
    9/5/2045" answered "dịp lễ 30/4 - 1/5/2045")."""
    names = holiday_of(period)
    return bool(names) and all(h.days not in (_tet_days, _gio_to)
                               for h in HOLIDAYS if h.name in names)


def as_years(periods: tuple[Period, ...]) -> tuple[Period, ...]:
    """``periods`` with a holiday named by name read as its year: a ranking of sights for
    "dịp Tết 2027" is dated by its report's year ("Các điểm đông khách nhất gồm chùa Tam
    Thanh (126.000 lượt), ..." under a Tết report's title: bt17c #76), as the question was
    read before holidays were their days."""
    return tuple(year_period(p.end.year) if named_by_name(p) else p for p in periods)


# what names a holiday as the base of a change, right before it (folded): "tăng 12% so với
# (dịp) Tết Giáp Thìn", "cao hơn Tết năm 2024" -- a year the figure is compared with
_FEW_DAYS = 28  # what a holiday lasts at most (rag.answer.figures._short)
_BASE_BEFORE = re.compile(r"\b(?:so voi|so|hon|cung ky)\s+(?:(?:dip|ky nghi|ky)\s+)?$")


def states_holiday(text: str, asked: Period, near: int,
                   mentions_in: Callable[[str], Iterable[Mention]]) -> bool:
    """Whether report ``text`` (a sentence; ``near``: its report's year) may state a figure
    of ``asked``, a holiday a question names by name (:func:`named_by_name`; any other
    period: True): it names that holiday (:func:`named_in`), and when it writes the
    holiday's year, by number or by can-chi ("Tết Nguyên đán Ất Tỵ" in a report of 2025 is
    2025; rag.vi.lunar.can_chi_year), the asked one -- the rule a figure keeps
    (rag.answer.figures.holiday_fits, period_match).  "Trong 9 ngày nghỉ Tết Nguyên đán Ất
    Tỵ, toàn tỉnh đón ..." and "Cả năm 2024, tỉnh đón 4,6 triệu lượt khách" are no sentence
    of "Tết Giáp Thìn" (issue 17 tetyear: both served for it when the reports held no Tết
    2024).  A holiday named as a change's base ("so với Tết Giáp Thìn") is not what the
    text is of.  A sentence naming no holiday may state it when it names no period but a few
    days of the asked year.  ``mentions_in`` reads a report sentence's periods
    (rag.vi.mentions.find_mentions with ``report=True``; passed in because mentions reads
    this module)."""
    if not named_by_name(asked):
        return True
    wanted = holiday_of(asked)
    folded = fold(text).lower()
    named = other = False
    years = set()
    for m in _ASKED.finditer(folded):
        name = next(HOLIDAYS[int(k[1:])].name for k, v in m.groupdict().items()
                    if v and k.startswith("h"))
        if _BASE_BEFORE.search(folded[max(0, m.start() - 24):m.start()]):
            continue
        if name not in wanted:
            other = True  # "Dịp Tết Dương lịch 2027, ..." is no sentence of Tết Nguyên đán
            continue
        named = True
        at = int(m.group("year")) if m.group("year") else \
            can_chi_year(" ".join(m.group("canchi").split()), near) if m.group("canchi") \
            else None
        if at is not None:
            years.add(at)
    if named:
        return not years or asked.end.year in years
    if other:
        return False
    # naming no holiday: one of a few days of the asked year ("Dịp lễ 2/9/2025", "từ ngày
    # 25/01 đến 02/02/2025") or of no period ("Công suất sử dụng phòng bình quân ... đạt
    # 61%" after the Tết's sentence), never a month's or a year's ("Cả năm 2024, ...")
    return all(x.comparison or ((x.period.end - x.period.start).days < _FEW_DAYS and
                                x.period.end.year == asked.end.year)
               for x in mentions_in(text))
