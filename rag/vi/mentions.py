"""Periods written in a text, read into :class:`rag.vi.calendar.Period` spans: every mention
of a period in a report's sentence ("quý I/2019", "8 tháng năm 2024", "tính đến 27/8/2024"),
whether it is a comparison, and the years a text gives figures for.

A time written after "so với", "so", "cùng kỳ" is what a change is compared with, never the
figure's own period (:attr:`Mention.comparison`).  A mention without its year takes the year
of its context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from rag.vi.calendar import (
    HOLIDAY,
    POINT_LABEL,
    SEASONS,
    TOLERANCE_DAYS,
    Period,
    day_list_period,
    day_period,
    days_period,
    half_period,
    holiday_period,
    is_point,
    month_end,
    month_period,
    months_period,
    quarter_period,
    season_period,
    to_date_period,
    week_in_month,
    week_period,
    year_period,
    years_period,
)
from rag.vi.holidays import AROUND_HOLIDAY, NAMED_WITH_YEAR, named_with_year
from rag.vi.lunar import CAN_CHI, can_chi_year, day_of_tet, lunar_to_solar, tet
from rag.vi.numbers import unit_after
from rag.vi.text import fold, mark_number_word

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4, "dau": 1}
COUNT_WORDS = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "sau": 6, "bay": 7,
               "tam": 8, "chin": 9, "muoi": 10, "muoi mot": 11, "muoi hai": 12,
               "three": 3, "six": 6, "nine": 9, "ten": 10, "eleven": 11, "eight": 8,
               "seven": 7, "five": 5, "four": 4, "two": 2, "twelve": 12}
MONTHS_EN = {m.lower(): i for i, m in enumerate(
    "January February March April May June July August September October November December"
    .split(), 1)}
# English months as a text names them with a year ("May 2024", "Jan-Mar 2024"): the names
# and their abbreviations ("Sept." too), longest first.
_MONTH_NAMES_EN = {**MONTHS_EN, **{m[:3]: i for m, i in MONTHS_EN.items()}, "sept": 9}
# Vietnamese months written as words after "tháng" ("tháng Năm", "tháng Mười Hai", "tháng
# Giêng", "tháng Chạp"), as written (lower case, with their diacritics).
MONTH_WORDS_VI = {"giêng": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5,
                  "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10, "mười một": 11,
                  "mười hai": 12, "chạp": 12}


@dataclass(frozen=True)
class Mention:
    """A period written in a text at ``[start, end)``; ``comparison`` when it is what a change
    is compared with ("so với tháng 12/2023")."""

    start: int
    end: int
    period: Period
    comparison: bool = False


_D = r"(\d{1,2})/(\d{1,2})(?:/((?:19|20)\d\d))?"
_Y = r"((?:19|20)\d\d)"
# the words that open a span of years, folded: "giai đoạn", its short "gđ", "thời kỳ",
# "nhiệm kỳ", "kế hoạch 5 năm"
SPAN_WORDS = r"(?:giai doan|gd|thoi ky|nhiem ky|ke hoach 5 nam)"
# the year after a month or quarter: "/2024", " năm 2024", "-2024", or ".2024" (a dot
# right after the month, as the press writes "tháng 8.2024", "quý II.2024")
_YEAR_TAIL = r"(?:(?:\s*(?:/|nam|-)\s*|\.)" + _Y + r")?"
# the year after a half's "năm": " 2033" (break-test b17 F2: "6 tháng cuối năm 2033" in a
# report of 2034 read as 2034, the year left to the report's), or "/2033", "-2033"
_YEAR_AFTER_NAM = r"(?:\s*(?:/|-)?\s*" + _Y + r"(?!\s*[-–—]\s*(?:19|20)\d\d))?"
_N = r"(\d{1,2}|mot|hai|ba|bon|tu|sau|bay|tam|chin|muoi mot|muoi hai|muoi)"
# a month after "tháng": its number, or its word (checked against the text as written by
# _month_word: "tháng Sáu" is June, "tháng sau" the next month)
_M = r"(\d{1,2}|" + "|".join(sorted({fold(w) for w in MONTH_WORDS_VI}, key=len,
                                     reverse=True)) + r")"
# a count of days or weeks in "15 ngày đầu tháng 7", "mười ngày cuối tháng", "hai tuần đầu"
# the day a count "(tính) đến giữa/đầu tháng N" stands at: the month's middle (the 15th; its
# "trung tuần" is days 11-20) or its first day -- a stock at a month's start is the one at the
# end of the month before, as GSO's "số đầu kỳ" is the previous period's "số cuối kỳ"; "đến
# cuối/hết tháng N" stays the month's end (issue 17 bt17d: "Đến giữa tháng 12/2025, con số
# này đã là 203 sản phẩm" read as the month, so the lead's "Đến tháng 6/2025" dated the rest)
_MONTH_PART_DAY = {"giua": 15, "dau": 1}
_DAY_COUNTS = {"muoi lam": 15, "muoi": 10, "mot": 1, "hai": 2, "ba": 3, "bon": 4, "nam": 5,
               "bay": 7}
_DAY_COUNT = r"(\d{1,2}|" + "|".join(sorted(_DAY_COUNTS, key=len, reverse=True)) + r")"
_EN = r"(" + "|".join(sorted(_MONTH_NAMES_EN, key=len, reverse=True)) + r")\.?"
_EN_TO = r"\s*(?:-|–|—|to|through|until|till)\s*"
# "so với (cùng kỳ) năm", "so với bình quân năm 2021", "so với cùng thời điểm năm trước"
# "so với cùng tháng/quý năm 2019" too
# "bằng 120,6% thực hiện năm 2027": the year after "% thực hiện" is the base of an index;
# "so với mức tăng của quý I/2028": the period whose change is compared with
# "gấp đôi năm 2029": the base of a multiple (issue 17 K5/N1); "compared with December 2029",
# "versus Q2": an English question's base (break-test b17 K2) -- a whole word: "nông thôn năm
# 2075", "được chọn năm 2073" end no "hơn" (bt9-b16 failure 2: a year question read as its base)
# "bằng" and "lần" that end a place's name, not a comparison: "Cao Bằng tháng 6/2078", "xuất
# khẩu sang Thái Lan năm 2078" read no base -- the period was dropped and a figure of any period
# answered "exact" (break-test bt19b: "Doanh thu du lịch Cao Bằng tháng 6/2078?" answered by
# the first six months' figure at 0.94; tests/test_named_place_before_period.py).  Each a
# fixed-width look-behind ("ba lần" stays a multiple).
_BANG = r"(?<!\bcao )bang"
_LAN = r"(?<!\bthai )(?<!\bha )(?<!\bphan )lan"
_COMPARE_BEFORE = re.compile(r"(?:\b(?:so voi|so|cung ky|" + _BANG + r"|hon|truoc|" + _LAN
                             + r"|gap doi|gap ruoi|gap|"
                             r"compared (?:with|to)|versus|relative to)\s*"
                             r"(?:(?:muc|toc do) (?:tang|giam)(?: truong)?\s*(?:cua\s*)?)?"
                             r"(?:cung (?:ky|thang|quy|giai doan)\s*)?"
                             r"(?:(?:binh quan|cung thoi diem|thoi diem)\s*)?"
                             r"(?:thuc hien\s*)?|(?:%|phan tram)\s*thuc hien\s*)(?:nam\s*)?$")
# the base of a change named by an event or another thing of its year, words between the
# comparison and the year: "tăng 28% so với hội chợ năm 2052", "gấp 1,6 lần mùa giải năm
# 2068", "bằng 132% phiên chợ năm 2066", "cao hơn 14 tỷ đồng so với tuần văn hóa năm 2063" --
# the year is the base's, never the figure's own (issue 17 bt13-b17 failure 1;
# tests/test_compared_event_year.py); no verb, clause word or number between (those start
# a clause of the figure's own: "so với cùng kỳ, trong 6 tháng năm 2058 đạt ...")
_COMPARED_THING = re.compile(
    r"(?:\bso voi|\bgap\s+\d[\d.,]*\s+lan|\bgap (?:doi|ruoi)|\bbang\s+\d[\d.,]*\s*%|"
    r"\b(?:cao|thap|nhieu|it|nhanh|cham|lon|nho) hon)\s+"
    r"(?:(?!(?:tang|giam|dat|la|co|trong|den|toi|tu|tai|va|thi|khi|nhung|con|da|duoc|se|dang|"
    r"tinh|len|xuong|chiem|tren|duoi|khoang|hien|nay|sau|truoc|nam|thang|quy|ngay)\b)"
    r"[^\W\d_]+\s+){1,5}(?:nam\s+)?$")

# a crop named right before a season's name without "vụ" (folded; each a fixed-width look
# behind): "lúa mùa", "ngô xuân", "lạc xuân", "khoai tây Đông Xuân"
_AFTER_CROP = "(?:" + "|".join(rf"(?<=\b{c} )" for c in (
    "lua", "ngo", "lac", "dau tuong", "khoai lang", "khoai tay")) + ")"

# a holiday named by its days (folded): "dịp lễ 30/4", "dịp nghỉ lễ 30/4 - 1/5", "dịp
# 2/9/2024", "Quốc khánh 2/9", "Tết Dương lịch 1/1/2062" -- the words before the day are those
# rag.vi.numbers (_EVENT_BEFORE) reads as naming an event by its day; "ngày 30/4" is that day.
# The holiday (calendar.holiday_period), not its day: break-test s39 G ("dịp lễ 30/4" asked
# as the day 30/4, refused or served the day's figure), and a report's "Dịp nghỉ Tết Dương
# lịch 1/1/2062, ... dự báo ... 80.000 lượt khách" dated by the holiday before it.  Read in
# questions by rag.vi.asked, in reports' sentences by find_mentions (kind "holiday").
HOLIDAY_DAYS = re.compile(
    r"\b(?:(?:dip|ky)\s+(?:nghi\s+)?(?:(?P<le>le)\s+)?|(?:nghi\s+)?(?P<le2>le)\s+|"
    r"(?:quoc khanh|tet duong lich|duong lich|mien nam|lao dong|hung vuong)\s+)"
    r"(\d{1,2})/(\d{1,2})(?:\s*[-–]\s*(\d{1,2})/(\d{1,2}))?"
    r"(?:\s*(?:/|nam)\s*((?:19|20)\d\d))?(?![\d/])")

# A day of a lunar holiday (folded): "mùng 1 Tết", "ngày mồng 2 Tết Ất Tỵ", "chiều 30 Tết",
# "ngày 10/3 âm lịch", "Giỗ Tổ Hùng Vương 10/3" -- the day, not the holiday's days nor a whole
# year, its solar date by the lunar calendar (rag.vi.lunar) or as the report writes it in
# brackets right after ("Riêng ngày mùng 1 Tết (29/01/2025), lượng khách ... đạt khoảng 31.000
# lượt": break-test s39 bt17b; tourism and market reports name Tết's days so, the Labour
# Code's art. 112 names Giỗ Tổ by its lunar day).  The Tết's year may follow, by number or by
# its can-chi name ("Tết Ất Tỵ" is 2025).
_TET_YEAR = (r"(?:\s+nguyen dan)?(?:\s+(?P<canchi>" + CAN_CHI + r"))?"
             r"(?:\s+(?:nam\s+)?(?P<year>(?:19|20)\d\d)(?![\d/]))?")
_SOLAR_AFTER = (r"(?:\s*\(\s*(?:(?:tuc|nhan)\s+)?(?:ngay\s+)?(?P<sd>\d{1,2})/(?P<sm>\d{1,2})"
                r"(?:/(?P<sy>(?:19|20)\d\d))?\s*\))?")
LUNAR_DAY = re.compile(
    r"(?:\b(?:(?:sang|chieu|toi|trua|dem|ngay)\s+)?(?:mung|mong)\s+(?P<tet>\d{1,2})"
    r"|\b(?:sang|chieu|toi|trua|dem|ngay)\s+(?P<tet2>\d{1,2}))\s+tet\b" + _TET_YEAR +
    _SOLAR_AFTER +
    r"|(?:\b(?:gio to|hung vuong)\s+(?:(?:ngay|mung|mong)\s+)?(?P<gd>\d{1,2})/(?P<gm>\d{1,2})"
    r"(?:\s*\(?\s*(?:am lich|al)\b\s*\)?)?"
    r"|\b(?:(?:ngay|mung|mong)\s+)?(?P<ld>\d{1,2})/(?P<lm>\d{1,2})\s*\(?\s*(?:am lich|al)\b"
    r"\s*\)?)(?:\s*(?:/|nam)\s*(?P<ly>(?:19|20)\d\d))?" + _SOLAR_AFTER.replace("?P<s", "?P<t"))


def _lunar_day(m: re.Match[str], default_year: int | None) -> Period | None:
    """The day a :data:`LUNAR_DAY` match names: the solar date written in brackets after it,
    else its lunar day converted (rag.vi.lunar), labelled as written ("mùng 1 Tết
    (29/1/2025)", "10/3 âm lịch (7/4/2025)"); None for a day no calendar holds."""
    g = m.groupdict()
    written = g["year"] or g["ly"]
    year = int(written) if written else default_year
    if year is None:
        return None
    if g["canchi"] and not written:
        year = can_chi_year(" ".join(g["canchi"].split()), year) or year
    n = g["tet"] or g["tet2"]
    if n is not None:
        day = day_of_tet(int(n), year)
        name = f"mùng {int(n)} Tết" if int(n) <= 10 else f"{int(n)} Tết"
    else:
        d, mo = (g["gd"], g["gm"]) if g["gd"] else (g["ld"], g["lm"])
        day = lunar_to_solar(int(d), int(mo), year)
        name = f"{int(d)}/{int(mo)} âm lịch"
    sd, sm, sy = (g["sd"], g["sm"], g["sy"]) if g["sd"] else (g["td"], g["tm"], g["ty"])
    if sd:  # the report's own solar date wins
        solar_year = int(sy) if sy else (day.year if day is not None else year)
        day = date(solar_year, int(sm), int(sd))
    if day is None:
        return None
    return replace(day_period(day), label=f"{name} ({day.day}/{day.month}/{day.year})")


# (kind, pattern) on folded text; earlier patterns win where two overlap
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # a day of Tết or another lunar day (before "day" and "year" read its parts)
    ("lunar_day", LUNAR_DAY),
    # "vụ Đông Xuân 2033-2034", "vụ Hè Thu năm 2034": a crop season, named by its harvest
    # year (before "years" reads "2033-2034" as a span of two years; b17 F11)
    # -- "vụ" may be left out before a name of two words ("sản lượng lúa Đông Xuân 2042-2043",
    # bt6-b17 failure 6), never before "Mùa" or "Chiêm" (words of their own) -- unless a crop
    # is named right before: "lúa mùa 2073", "ngô xuân năm 2074" are that crop's season, as
    # reports write "gieo cấy được 41.286 ha lúa mùa", "ngô xuân 15.906 ha" (dev reports dv01,
    # e01; issue 17 bt17-b17 "season read as a year")
    ("season", re.compile(r"(?:\bvu\s+|\b(?=(?:dong xuan|he thu|thu dong|chiem xuan)\s)|" +
                          _AFTER_CROP + r")(" +
                          "|".join(sorted(SEASONS, key=len, reverse=True)) +
                          r")\s+(?:nam\s+)?(?:" + _Y + r"\s*(?:-|–|—|/)\s*)?" + _Y +
                          r"(?![\d/])")),
    # "tuần 48/2063", "tuần 48 năm 2063", "Tuần 48 (từ ngày 24/11 đến ngày 30/11/2063)": a
    # week of the year, its days read with it (before "days" takes them); never "tuần 2
    # (của) tháng 8", a week of a month (break-test bt15-b17 failures 2 and 3)
    ("week", re.compile(r"\btuan\s+(?:thu\s+)?(\d{1,2})(?!\s+(?:cua\s+)?thang\b)"
                        r"(?:\s*(?:/|nam|-|,)?\s*" + _Y + r")?(?![\d/])"
                        r"(?:\s*[(,:]?\s*(?:tu\s+)?(?:ngay\s+)?(?:" + _D +
                        r"\s*(?:-|–|—|den|toi)\s*(?:het\s+)?(?:ngay\s+)?" + _D +
                        # "Tuần 1 (01-07/3/2090)": the month and year written once, at the end
                        r"|(\d{1,2})\s*(?:-|–|—)\s*(\d{1,2})/(\d{1,2})(?:/" + _Y +
                        r")?(?![\d/]))\s*\)?)?")),
    # "2 ngày 30/4 và 01/5", "ngày 30/4, 1/5 và 2/5/2025": days listed one by one are those
    # days (calendar.day_list_period), a count said before them theirs -- never the first day
    # alone (break-test s39 G: "Riêng 2 ngày 30/4 và 01/5 đón
    # 41.000 lượt" dated by the 5-day holiday, "Hai ngày 30/4 và 1/5" asked as 30/4)
    ("day_list", re.compile(r"(?:(?<![\d.,])\b" + _DAY_COUNT + r"\s+)?\bngay\s+" + _D +
                            r"((?:\s*(?:,|\bva\b)\s*(?:ngay\s+)?\d{1,2}/\d{1,2}"
                            r"(?:/(?:19|20)\d\d)?)+)(?![\d/])")),
    ("holiday", HOLIDAY_DAYS),
    # "Dịp Giỗ Tổ Hùng Vương 2025", "so với Tết Giáp Thìn 2024": a holiday named by name with
    # its year is that holiday's days (rag.vi.holidays.NAMED_WITH_YEAR), in reports only
    ("named_holiday", NAMED_WITH_YEAR),
    ("days", re.compile(r"\btu\s+(?:ngay\s+)?" + _D + r"\s+(?:den|toi)\s+(?:het\s+)?"
                        r"(?:ngay\s+)?" + _D)),
    ("days1", re.compile(r"\btu\s+(?:ngay\s+)?(\d{1,2})\s+(?:den|toi)\s+(?:het\s+)?"
                         r"(?:ngay\s+)?" + _D)),
    # "ngày 14 - 16/9/2073", "giai đoạn 16-25/6/2077", "tuần cuối tháng (24–30/9)": days of
    # one month written with a dash (dev3 r17 so_nn_vu_mua_2073; issue 17 bt23-b17 failure 4)
    # -- only after "ngày", "từ", "giai đoạn", "đợt" or an opening bracket, never a bare
    # "7-8/10" (a score, a ratio)
    ("days_dash", re.compile(r"(?:\b(?:tu\s+)?ngay\s+|\btu\s+|\b(?:giai doan|dot)\s+|(?<=\())"
                             r"(\d{1,2})\s*(?:-|–|—)\s*(\d{1,2})/(\d{1,2})(?:/((?:19|20)\d\d))?"
                             r"(?![\d/])")),
    # "tuần 2 tháng 8/2091", "tuần thứ ba (của) tháng 10": the N-th week of a month, its
    # days 7N-6 to 7N -- never "2 tháng", a count of months (issue 17 s36 fg)
    ("week_in_month", re.compile(r"\btuan\s+(?:thu\s+)?(\d|nhat|mot|hai|ba|bon|tu|nam)\s+"
                                 r"(?:cua\s+)?thang\s+" + _M + _YEAR_TAIL + r"(?![\d/])")),
    # days of a month named in words (issue 17, bt8-b17 failure 6): "nửa đầu/nửa cuối tháng
    # 7/2047", "15 ngày đầu (của) tháng 7", "10 ngày cuối tháng 12", "tuần đầu (tiên) tháng
    # 8", "2 tuần đầu tháng 8" -- a span of days, never the whole month
    ("half_month", re.compile(r"\bnua\s+(dau|cuoi)\s+(?:cua\s+)?thang\s+" + _M + _YEAR_TAIL +
                              r"(?![\d/])")),
    ("days_of_month", re.compile(r"(?<![\d.,])\b" + _DAY_COUNT + r"\s+(ngay|tuan)\s+(dau|cuoi)"
                                 r"(?:\s+tien)?\s+(?:cua\s+)?thang\s+" + _M + _YEAR_TAIL +
                                 r"(?![\d/])")),
    ("week_of_month", re.compile(r"\btuan\s+(dau|cuoi)(?:\s+tien)?\s+(?:cua\s+)?thang\s+" +
                                 _M + _YEAR_TAIL + r"(?![\d/])")),
    # "từ đầu tháng (7) đến (hết) ngày 15/7/2047": the month's first day to that day, not a
    # total from 1 January (what "đến ngày 15/7" alone reads)
    ("month_to_day", re.compile(r"\btu\s+dau\s+thang(?:\s+(\d{1,2}))?\s*,?\s+(?:den|toi)\s+"
                                r"(?:het\s+)?(?:ngay\s+)?" + _D)),
    # "tại/vào thời điểm 1/7/2047", "(tính) đến thời điểm 31/12": a count at that day, as
    # "tính đến 31/12" is (bt8-b17 failure 7); "tại 31/12/2028" with its year, as a table's
    # column header dates a count ("Số chợ tại 31/12/2028 | Số chợ tại 30/9/2029": break-test
    # bt17h) -- never "tại 12/3" without a year, which may be a house number
    ("point_day", re.compile(r"\b(?:(?:(?:tinh\s+)?(?:den|toi)\s+|tai\s+|vao\s+)?thoi diem\s+"
                             r"(?:ngay\s+)?|tai\s+(?=\d{1,2}/\d{1,2}/(?:19|20)\d\d(?![\d/])))"
                             + _D)),
    ("years", re.compile(r"(?:\bgiai doan\s+|\btu nam\s+|\b\d\s+nam\s+)?(?<![\d/])" + _Y +
                         r"\s*(?:-|–|—|den(?: nam)?)\s*" + _Y + r"(?![\d/])")),
    # "giai doan 2051 2055", "gđ 2051 2055", "thời kỳ 2051 2055": two years after a word that
    # opens a span, typed with no dash (a question without diacritics or punctuation), are the
    # span as "giai đoạn 2051-2055" is -- never two years; without the span word "2051 2055"
    # stays what it was (break-test bt17k, tests/test_span_words.py)
    ("years", re.compile(r"\b" + SPAN_WORDS + r"\s+(?:tu\s+)?(?:nam\s+)?(?<![\d/])" + _Y +
                         r"\s+(?:nam\s+)?" + _Y + r"(?![\d/.,]\d)(?![\d/])")),
    # "từ tháng 4 đến tháng 6/2024", "từ tháng Giêng đến tháng Ba"
    ("month_range", re.compile(r"\btu\s+thang\s+" + _M + r"\s+(?:den|toi)\s+(?:het\s+)?"
                               r"thang\s+" + _M + r"(?:\s*(?:/|nam|-|,)?\s*" + _Y + r")?"
                               r"(?![\d/])")),
    ("to_date_day", re.compile(r"\b(?:tinh\s+)?(?:den|toi)\s+(?:het\s+)?(?:ngay\s+)?"
                               r"(?:\d{1,2}\s+gio\s+(?:ngay\s+)?)?" + _D)),
    # "tính đến (hết) tháng 9/2029", "đến cuối tháng 11": January to the month's end -- a
    # total to date or a count at that day, never the month alone; "đến giữa tháng 12/2025",
    # "đến đầu tháng 12" a count at the month's middle or first day (_MONTH_PART_DAY)
    ("to_date_month", re.compile(r"\b(?:tinh\s+)?(?:den|toi)\s+(?:het\s+|cuoi\s+|giua\s+|dau\s+)?"
                                 r"(?:nay\s*\(\s*)?thang\s+(\d{1,2})" + _YEAR_TAIL)),
    # "cuối tháng 11/2029" with no "(tính) đến" before: the day a price or a stock stands at
    # (calendar.is_point), never a total from January -- "đầu tháng 12" is the month's first
    # days ("mỗi ngày đầu tháng 12/2022", dev2), read as the month (bt19-b17 failure 2)
    ("month_point", re.compile(r"\b(cuoi)\s+(?:nay\s*\(\s*)?thang\s+(\d{1,2})"
                               + _YEAR_TAIL + r"(?![\d/])")),
    # "6 tháng cuối năm 2028", "nửa cuối năm 2028": July-December, before "cuối năm 2028" (the
    # year's end) takes its words and leaves "6 tháng" read as January-June
    ("half2", re.compile(r"\b(?:6|sau)\s+thang\s+cuoi\s+nam" + _YEAR_AFTER_NAM +
                         r"|\bnua cuoi nam" + _YEAR_AFTER_NAM + r"|\bh2" + _YEAR_TAIL)),
    # "cuối năm 2080", "hết năm 2080", and "cuối 2080", "đến hết 2080" without "năm" (the
    # year alone, not a month's "cuối tháng"; break-test s46 bt17w "từ cuối 2080 đến 15/11/2081")
    ("to_date_year_end", re.compile(r"\b(?:tinh\s+)?(?:den\s+)?(?:het\s+|cuoi\s+)(?:nam\s+)?"
                                    + _Y + r"(?!\d|[.,/]\d)")),
    ("day", re.compile(r"\b(?:sang|chieu|toi|trua|dem|ngay|hom)\s+(?:ngay\s+)?" + _D)),
    ("to_date_en", re.compile(r"\b(?:up to|as of|until|through|by)\s+(?:the end of\s+)?"
                              r"(\d{1,2})\s+(" + "|".join(MONTHS_EN) + r")\s+" + _Y)),
    # "the first half of July 2047", "first 10 days of March": days of a month, before
    # "first half" takes its words as January-June
    ("half_month_en", re.compile(r"\b(first|second|last)\s+(half|\d{1,2}\s+days|week)\s+of\s+"
                                 + _EN + r"(?:,?\s+" + _Y + r")?")),
    # "January–March 2024", "from Jan to Mar 2024"
    ("month_range_en", re.compile(r"\b(?:from\s+)?" + _EN + _EN_TO + _EN +
                                  r"(?:\s+of)?,?\s+" + _Y)),
    ("day_en", re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _EN + r",?\s+" + _Y
                          + r"|\b" + _EN + r"\s+(\d{1,2})(?:st|nd|rd|th)?,\s+" + _Y)),
    ("month_en", re.compile(r"\b" + _EN + r"(?:\s+of)?,?\s+" + _Y)),
    ("months_en", re.compile(r"\bfirst\s+(\d{1,2}|three|six|nine|ten|eleven|eight|seven|five|"
                             r"four|two)\s+months(?:\s+of)?(?:\s+" + _Y + r")?")),
    ("half1", re.compile(r"\bfirst half(?:\s+of)?(?:\s+" + _Y + r")?")),
    ("half2", re.compile(r"\bsecond half(?:\s+of)?(?:\s+" + _Y + r")?")),
    ("quarter_en", re.compile(r"\b(first|second|third|fourth)\s+quarter(?:\s+of)?"
                              r"(?:\s+" + _Y + r")?")),
    ("half1", re.compile(r"\bnua dau nam" + _YEAR_AFTER_NAM + r"|\bh1" + _YEAR_TAIL)),
    # -- never the number of a week ("tuần 5 tháng 2/2089", a week February lacks)
    ("months", re.compile(r"\b(?:(?:luy ke|cong don|tinh chung|trong)\s+)?(?<!tuan )" + _N +
                          r"\s+thang(?:\s+dau)?(?:\s+nam)?(?:\s*(?:/|-)?\s*" + _Y + r")?"
                          r"(?!\s*/)")),
    # "T8/2028", "T12-2027": T, a month and its year is that month ("8T/2028" is 8 months)
    ("month", re.compile(r"\bt(\d{1,2})\s*[/-]\s*" + _Y + r"(?![\d/])")),
    ("monthsT", re.compile(r"\b(\d{1,2})t(?:\s*/?\s*" + _Y + r")?\b")),
    ("quarter", re.compile(r"\b(?:quy|q)\s*(iv|iii|ii|i|1|2|3|4|dau)" + _YEAR_TAIL + r"\b")),
    ("month", re.compile(r"\bthang\s+(\d{1,2})" + _YEAR_TAIL + r"(?!\d)")),
    ("month_word", re.compile(r"\bthang\s+" + _M + r"(?:\s*(?:/|nam|-|,)?\s*" + _Y +
                              r")?(?![\w/])")),
    ("year", re.compile(r"\b(?:ca\s+)?nam\s+" + _Y + r"(?![\d/])|(?<![\d/.,])" + _Y +
                        r"(?![\d/.,]\d)")),
]


# the base year of constant prices or of an index, never a period of the figure
_PRICE_BASE = re.compile(r"\b(?:gia so sanh|gia co dinh|nam goc|ky goc|goc)\s*(?:nam\s*)?$")
_NOW_RE = re.compile(r"\b(?:hien nay|hien tai|den nay|tinh den nay|cho den nay)\b"
                     r"(?!\s*\(?\s*(?:thang|ngay|\d))")

# "hiện có": what a report's sentence counts now -- its date, where the sentence writes no
# period of its own ("hiện nay", "đến nay" are :data:`_NOW_RE`, read in any sentence)
# -- "hiện" before another verb of a state too ("Tỷ lệ giải ngân của tỉnh hiện xếp thứ 12/63",
# "Tỷ lệ che phủ rừng hiện đạt 44,2%": issue 17 bt13-b17 failure 6), never the "hiện" of
# "thực hiện", "thể hiện", "xuất hiện", "phát hiện", "biểu hiện", "tái hiện"
HELD_NOW = re.compile(r"\bhien co\b|(?<!thuc )(?<!the )(?<!xuat )(?<!phat )(?<!bieu )"
                       r"(?<!tai )\bhien(?= (?:xep|dat|dang|la|chiem|con|duy tri|vao khoang|"
                       r"o muc|o)\b)")

# "mỗi", "bình quân một" right before a period word (folded): the span of an average
# ("bình quân mỗi tháng 2,38 triệu" is no "tháng 2"; break-test b17 B) -- the number after it
# is the average (rag.vi.numbers.find_values reads it as a value)
# -- read as written: "mới" folds to "moi" as "mỗi" does ("trồng mới 11 tháng"), so "moi"
# typed without diacritics counts only after the averaging word ("thanh lap moi nam 2023")
_PER_SPAN = re.compile(r"(?:\bmỗi|\b(?:bình quân|trung bình|binh quan|trung binh)\s+"
                       r"(?:mỗi|moi|một|mot))\s+$")
_AVERAGING_BEFORE = re.compile(r"\b(?:bình quân|trung bình|binh quan|trung binh)\s+$")


# A day written out as words ("ngày 5 tháng 9 năm 2096", "mùng 2 tháng 9", "ngày 31 tháng 8,
# năm 2090", "ngay 5 thang 9 2096" typed plain), folded: the same day as "ngày 5/9/2096"
# (break-test bt14-b16 failure 3: its "5 tháng" was read as five months, in questions and in
# reports, and "đến ngày 31 tháng 8" as the month).  Only after "ngày"/"mùng"/"mồng": "5
# tháng 9" alone may be a count of months.
_WORDED_DAY = re.compile(r"\b(?:ngay|mung|mong)\s+(\d{1,2})\s+thang\s+(\d{1,2})"
                         r"(?:(?:\s*(?:,\s*)?(?:nam\s+|[/-]\s*)|\s+)" + _Y + r")?(?![\d/]|[.,]\d)")


# The same day with no "ngày" before it (folded): "30 tháng 4 năm 2093", "2 tháng 9/2090",
# "30 thang 4 2093" typed plain -- a day when a month's number and a year follow "D tháng"
# (break-test bt17p: "dịp lễ 30 tháng 4 năm 2093" was read as April, "2 tháng 9 năm 2090" as
# January-February); "dịp lễ 2 tháng 9", "lễ 30 tháng 4" name the holiday's day with no year.
# A count of months keeps its reading: "9 tháng năm 2090", "6 tháng đầu năm 2090", "trong 2
# tháng 9 và 10", "3 tháng 4 năm" (no year), a count after another counted noun ("1 năm 2
# tháng"), a week ("tuần 2 tháng 3 2090") or a running total ("lũy kế 2 tháng ...").
_BARE_WORDED_DAY = re.compile(r"(?<![\w/.,-])(\d{1,2})\s+thang\s+(\d{1,2})"
                              r"(?:(?:\s*(?:,\s*)?(?:nam\s+|[/-]\s*)|\s+)" + _Y +
                              r"|(?=\s*(?:[^\w\s/-]|$|\s[^\W\d])))(?![\d/]|[.,]\d)")
# the word before "D tháng M" that makes D a count or a week's number, not a day
_COUNT_BEFORE = re.compile(r"\b(?:tuan|thu|quy|nam|ngay|mung|mong|gio|trong|ke|don|chung|"
                           r"khoang|hon|gan|tren|duoi|sau|truoc|moi|cac|nhung|\d+|"
                           # a grade's or a numbered thing's number ("loại 1 tháng 3/2088",
                           # "hạng 2 tháng 5/2088": :data:`_NUMBERED_WRITTEN`, folded)
                           r"loai|hang|so|nhom|khu|lo|muc)\s+$")
# the words before a yearless "D tháng M" that name a holiday by its day ("dịp lễ 2 tháng 9")
_HOLIDAY_BEFORE = re.compile(r"\b(?:dip|(?<!ty )le|nghi)\s+$")


def numeric_days(folded: str) -> str:
    """``folded`` (rag.vi.text.fold) with every day written out as words
    (:data:`_WORDED_DAY`) rewritten as "ngay" and the numeric date the patterns read
    ("ngay 5 thang 9 nam 2096" -> "ngay" + spaces + "5/9/2096"), padded with spaces to the
    same length, so every offset still points into the text as written.  A day with no
    "ngày" before it (:data:`_BARE_WORDED_DAY`: "30 thang 4 nam 2093", with its year, or after
    "dip"/"le"/"nghi" without one) is rewritten as "ngay" and its date as above, or after those
    words (a holiday named by its day, rag.vi.mentions.HOLIDAY_DAYS) as its date alone."""
    for start, end, text in _worded_days(folded):
        folded = folded[:start] + text + folded[end:]
    return folded


def worded_day_spans(folded: str) -> list[tuple[int, int]]:
    """The (start, end) spans of ``folded`` that :func:`numeric_days` rewrites -- the words
    of a day written out ("30 thang 4 nam 2093"): no content words of a question, even where
    no period is read from them (a holiday's day; rag.vi.asked.time_spans)."""
    return [(start, end) for start, end, _ in _worded_days(folded)]


def _worded_days(folded: str) -> list[tuple[int, int, str]]:
    """(start, end, numeric text of the same length) of each day written out in ``folded``:
    :data:`_WORDED_DAY`, then each :data:`_BARE_WORDED_DAY` that is a calendar day (day 1-31,
    month 1-12, a valid date when its year is written) and follows no counted noun
    (:data:`_COUNT_BEFORE`) -- the yearless only after a holiday's word."""
    if "thang" not in folded:
        return []
    out: list[tuple[int, int, str]] = []
    for m in _WORDED_DAY.finditer(folded):
        said = f"{m.group(1)}/{m.group(2)}" + (f"/{m.group(3)}" if m.group(3) else "")
        out.append((m.start(), m.end(), "ngay" + " " * (len(m.group(0)) - 4 - len(said))
                    + said))
    for m in _BARE_WORDED_DAY.finditer(folded):
        if any(a < m.end() and m.start() < b for a, b, _ in out):
            continue
        before = folded[max(0, m.start() - 16):m.start()]
        day, month = int(m.group(1)), int(m.group(2))
        if _COUNT_BEFORE.search(before) or not (1 <= day <= 31 and 1 <= month <= 12):
            continue
        if m.group(3) is None and not _HOLIDAY_BEFORE.search(before):
            continue  # "5 tháng 9" alone may be a count of months
        try:
            date(int(m.group(3)) if m.group(3) else 2000, month, day)
        except ValueError:
            continue
        text = f"{day}/{month}" + (f"/{m.group(3)}" if m.group(3) else "")
        if not _HOLIDAY_BEFORE.search(before):  # "dip le 30/4" is the holiday's
            text = "ngay " + text  # never longer than the words: "1 thang 3 2090"
        out.append((m.start(), m.end(), text[:4] + " " * (len(m.group(0)) - len(text))
                    + text[4:]))
    return out


def find_mentions(text: str, default_year: int | None, now: date | None = None,
                  report: bool = False, own: Period | None = None) -> list[Mention]:
    """Every period written in ``text``, in order; a mention without its year takes
    ``default_year`` (dropped when that is None).  Mentions after "so với", "so", "cùng kỳ"
    are marked ``comparison``.  With ``now`` (a report's date), "hiện nay", "đến nay" are
    the count on that day.  ``report``: ``text`` is a sentence of a report (not a
    question): :func:`_report_mentions` reads its relative periods against ``now`` and "cả
    năm" without a year, a plan's year after its share ("đạt 61,3% kế hoạch vốn năm 2030")
    is a base, a to-date day bracketed after a quarter or month ends that period, and
    "hiện có" in a sentence with no other period is the count on ``now``.  A period after
    the word "số" ("Kinh phí hỗ trợ chuyển đổi số năm 2027") is no comparison: the words
    before a period are read with it marked (rag.vi.text.mark_number_word), where folding
    kept every offset.  A day written out as words ("ngày 5 tháng 9 năm 2096") is read as
    its numeric date (:func:`numeric_days`).  ``own``: the report's own period (its title's
    or lead's), what its "trong tháng"/"tháng này" name when it is a month or ends one
    (:func:`_report_mentions`)."""
    folded = numeric_days(fold(text))
    compares = numeric_days(fold(mark_number_word(text))) if "s" in folded else folded
    if len(compares) != len(folded):
        compares = folded
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []
    if now is not None:
        for m in _NOW_RE.finditer(folded):
            taken.append((m.start(), m.end()))
            found.append(Mention(m.start(), m.end(), replace(
                to_date_period(now), label=f"tính đến {now.day}/{now.month}/{now.year}")))
    as_written = text if len(text) == len(folded) else None  # fold kept every offset
    as_lower = as_written.lower() if as_written is not None and \
        len(as_written.lower()) == len(folded) else None
    for kind, pat in _PATTERNS:
        for m in pat.finditer(folded):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if not _names_months(kind, m, as_written, folded):
                continue
            if kind == "holiday" and (not report or not said_holiday(m, as_lower)):
                continue  # a question's holiday is rag.vi.asked's; "tỷ lệ 30/4" none
            if kind == "named_holiday" and (not report or AROUND_HOLIDAY.search(
                    folded, max(0, m.start() - 12), m.start())):
                continue  # a question's is rag.vi.asked's; "trước Tết ... 2023" no holiday
            if kind == "season" and not names_season(folded, as_lower, m.start(1), m.end(1)):
                continue
            if kind == "months" and _numbered_by(folded, as_lower, m.start(1)):
                continue  # "giá hồi khô loại 1 tháng 3/2088": grade 1, then March
            if as_lower is not None and (
                    _PER_SPAN.search(as_lower, max(0, m.start() - 24), m.start()) or (
                    _AVERAGING_BEFORE.search(as_lower, max(0, m.start() - 24), m.start())
                    and m.group(0).startswith("mot "))):
                continue  # "bình quân mỗi tháng 2,38 triệu": an average's span, no February
            before = compares[max(0, m.start() - 24):m.start()]
            if kind == "year" and _PRICE_BASE.search(before) and \
                    m.group(0).strip()[-4:].isdigit():
                # "giá so sánh 2010": a price base is a year; "giá so sánh 6 tháng đầu năm
                # 2029" is the period of a figure at constant prices
                taken.append((m.start(), m.end()))
                continue
            period = _period(kind, m, default_year)
            if period is None:
                continue
            taken.append((m.start(), m.end()))
            compared = bool(_COMPARE_BEFORE.search(before)) or (report and bool(
                _PLAN_BASE.search(folded[max(0, m.start() - 48):m.start()]))) or (
                bool(_COMPARED_THING.search(
                    compares[max(0, m.start() - 64):m.start()])))
            found.append(Mention(m.start(), m.end(), period, compared))
    if report:
        found += _report_mentions(folded, default_year, now, taken, found, own)
        found += _yearless_seasons(folded, compares, default_year, taken, as_lower)
        found += _yearless_tets(folded, compares, now.year if now else default_year, taken)
        held = HELD_NOW.search(folded)
        if now is not None and held and not any(not x.comparison for x in found):
            # "Tổng đàn lợn hiện có 412.000 con" in a report of 16/6/2034, after a sentence of
            # "tính đến hết tháng 5/2034": the count on the report's date (break-test b17 F12)
            found.append(Mention(held.start(), held.end(), replace(
                to_date_period(now), label=f"tính đến {now.day}/{now.month}/{now.year}")))
        found = _cut_to_day(_spans_stated(sorted(found, key=lambda x: x.start), folded),
                            folded)
        found = _lunar_restated(found, folded)
        if _ALL_TIME.search(folded):
            found = [_as_point(x) for x in found]
    return sorted(found, key=lambda x: x.start)


# what a count or an amount holds since ever, not since January: "612 dự án FDI còn hiệu lực",
# "lũy kế từ trước đến nay", "từ khi thành lập đến nay" -- its "(lũy kế) đến ngày D" is the day
# it stands at (calendar.is_point), no total of the year to D (bt19-b17 failure 2)
_ALL_TIME = re.compile(r"\bcon hieu luc\b|\btu truoc (?:toi|den) nay\b|"
                       r"\btu khi (?:thanh lap|thanh lap tinh|tai lap tinh)\b")



def report_mentions(text: str) -> list[Mention]:
    """The periods a report sentence writes (``find_mentions(text, None, report=True)``):
    mentions without their year dropped; the reader rag.vi.holidays.states_holiday takes."""
    return find_mentions(text, None, report=True)


def own_holiday(text: str, year: int | None) -> Mention | None:
    """The holiday a table's caption, heading or lead-in sentence ``text`` names as its own,
    first of its periods: "Bảng 3: Tình hình tiêu thụ hàng hóa dịp Tết Nguyên đán Canh Tý
    2020" -> Tết Nguyên đán 2020's days, "Kết quả phục vụ trong dịp nghỉ lễ 30/4 – 1/5/2025
    như sau:" -> 30/4-1/5/2025 (kind calendar.HOLIDAY, as a report's sentence reads it:
    ``find_mentions(report=True)``; ``year`` the one a can-chi name alone is nearest).  None
    when ``text`` names none, names it only as a base ("so với Tết Quý Mão 2023") or names
    another period before it ("6 tháng đầu năm 2024 và dịp Tết ...": that period's).  Read
    as a year alone, "Canh Tý 2020" dated a caption's rows the whole year, and "lượng thịt
    lợn bán ra dịp Tết Canh Tý 2020" was refused though the table held the row
    (tests/test_holiday_table.py)."""
    found = find_mentions(text, year, report=True)
    first = next((x for x in found if not x.comparison), None)
    return first if first is not None and first.period.kind == HOLIDAY else None


def _as_point(mention: Mention) -> Mention:
    """``mention`` read as a point in time when it is a count to a day ("tính đến 31/10/2071"
    -> "thời điểm 31/10/2071"); any other mention as it is."""
    p = mention.period
    if mention.comparison or p.kind != "to_date" or is_point(p) or \
            not p.label.startswith("tính đến"):
        return mention
    return replace(mention, period=replace(
        p, label=f"{POINT_LABEL} {p.end.day}/{p.end.month}/{p.end.year}"))


_WEEK_HEADING_MAX = 90


def _week_of_days(year: int, n: int, first: date | None, last: date | None) -> Period | None:
    """Week ``n`` with the days written beside it (:func:`rag.vi.calendar.week_period`), read
    as week ``n`` of their month when those days (at most 7) overlap the month's week ``n``
    (days 7n-6 to 7n, or a Monday-to-Sunday week over them) and not the ISO week ``n`` of
    ``year`` ("Tuần 1 (01-07/3/2090)", "Tuần 2 (09-15/3/2081)" of a March price table are
    weeks of March, labelled "tuần 1 tháng 3/2090", their days the written ones -- never
    week 1 or 2 of the year; break-test bt17p, branches qyear and weekcol); else week ``n``
    of ``year`` with those days ("Tuần 48 (24-30/11/2063)")."""
    if first is not None and last is not None and n <= 5 and 0 <= (last - first).days <= 6:
        month = week_in_month(first.year, n, first.month)
        iso = week_period(year, n)
        if month is not None and first <= month.end and month.start <= last and not (
                iso is not None and first <= iso.end and iso.start <= last):
            return replace(month, start=first, end=last)
    return week_period(year, n, first, last)


def week_heading(line: str, default_year: int | None = None) -> Period | None:
    """The week a bulletin's heading line names ("Tuần 48 (từ ngày 24/11 đến ngày
    30/11/2063)", "BẢN TIN GIÁ TUẦN 15/2064"): a short line, no sentence, whose one period is
    a week of the year (its year written, else ``default_year``); None otherwise.  It dates
    the document (its last day, rag.ingest.readers) and is the period of its figures that
    state none (rag.vi.frames.document; break-test bt15-b17 failure 2)."""
    s = line.strip()
    if not s or len(s) > _WEEK_HEADING_MAX or re.search(r"[.!?;:]\s*$", s):
        return None
    found = [x.period for x in find_mentions(s, default_year) if not x.comparison]
    return week_with_days(found)


def week_with_days(periods: list[Period]) -> Period | None:
    """The week of a bulletin's heading among the periods it names (``periods``, in order):
    one week, alone or beside the bulletin's day or days lying in it or next to it ("TUẦN 3
    THÁNG 10/2075 (ngày 17/10/2075)", "tuần 1 tháng 3/2081 (từ 2/3 đến 8/3/2081)" -- a
    bulletin issued mid-week, days counted Monday to Sunday against the month's 1-7): the
    week; None for no week, two weeks, or a day more than :data:`TOLERANCE_DAYS` days away
    from it -- another period (break-test bt17n gia_ca_tuan_2075)."""
    weeks = [p for p in periods if p.kind == "week"]
    if len(weeks) != 1:
        return None
    week = weeks[0]
    near = timedelta(days=TOLERANCE_DAYS)
    for p in periods:
        if p is not week and (p.kind not in ("day", "days") or p.start < week.start - near
                              or p.end > week.end + near):
            return None
    return week


# a crop season named without its year in a report's sentence ("Tổng diện tích gieo trồng vụ
# đông xuân 8.240 ha", "Sản xuất vụ Mùa: ...", folded): never one followed by "năm" ("vụ Xuân
# năm trước" is read as relative, dev reports e01) or by a number (a year read above)
_SEASON_NO_YEAR = re.compile(r"\bvu\s+(" + "|".join(sorted(SEASONS, key=len, reverse=True)) +
                             r")\b")
_YEAR_AFTER = re.compile(r"\s*(?:nam\b|[-–—/]?\s*(?:19|20)\d\d(?!\d))")
# a year written after a can-chi name past a pause (folded): "Tết Nguyên đán Giáp Thìn... năm
# 2054", "Tết Ất Tỵ, năm 2025" -- the number the writer gives, not the name's nearest year
_YEAR_AFTER_PAUSE = re.compile(r"\s*(?:\.{2,}|…|,)\s*nam\s+(?P<y>(?:19|20)\d\d)(?![\d/])")


def _yearless_seasons(folded: str, compares: str, default_year: int | None,
                      taken: list[tuple[int, int]],
                      as_lower: str | None = None) -> list[Mention]:
    """The crop seasons a report's sentence (``folded``; ``compares`` as find_mentions reads
    comparisons) names without a year, each the season of ``default_year`` (the year in
    force where the sentence stands: the report's, its heading's): "Tổng diện tích gieo
    trồng vụ đông xuân 8.240 ha" in a report of 6 tháng đầu năm 2075 is of "vụ Đông Xuân
    2075", as "6 tháng" written there is of 2075 (issue 17 bt18-b17 failure 4).  None where
    ``taken`` (spans read already) overlaps or ``default_year`` is None; one after "so với"
    is a comparison."""
    out: list[Mention] = []
    if default_year is None:
        return out
    for m in _SEASON_NO_YEAR.finditer(folded):
        if any(s < m.end() and m.start() < e for s, e in taken) or \
                _YEAR_AFTER.match(folded, m.end()) or \
                not names_season(folded, as_lower, m.start(1), m.end(1)):
            continue
        taken.append((m.start(), m.end()))
        before = compares[max(0, m.start() - 24):m.start()]
        out.append(Mention(m.start(), m.end(), season_period(m.group(1), None, default_year),
                           bool(_COMPARE_BEFORE.search(before))))
    return out


# Tết Nguyên đán named by its lunar year's can-chi name and no number (folded): "Trong 9 ngày
# nghỉ Tết Nguyên đán Ất Tỵ", "dịp Tết Bính Ngọ" -- as tourism and trade reports name the Tết
# they review (held-out h034, break-test s39 bt17b); one written with its number ("Tết Giáp
# Thìn 2024", "Tết Ất Tỵ năm 2025") is read by that number
_TET_NAMED = re.compile(r"\b(?:(?:dip|ky nghi|nghi)\s+)?tet(?:\s+(?:nguyen dan|am lich|co truyen))?"
                        r"\s+(?P<canchi>" + CAN_CHI + r")\b")


def _yearless_tets(folded: str, compares: str, near: int | None,
                   taken: list[tuple[int, int]]) -> list[Mention]:
    """The Tết a report's sentence (``folded``) names by its can-chi name alone, each as the
    days of that Tết (a holiday, as a Tết asked by name is: rag.vi.holidays.asked_holidays)
    in the year of that name nearest the report's year ``near`` (rag.vi.lunar.can_chi_year:
    "Ất Tỵ" in a report of 2025 is 2025, "Bính Ngọ" in one of December 2025 the coming
    2026).  Without it the figure took another sentence's or the lead's period ("Cả năm
    2024, ...", "Tháng 01/2026, ...": issue 17 tetyear) -- and a holiday's figure is no
    whole year's.  None where ``taken`` overlaps ("mùng 1 Tết Ất Tỵ", a day) or a number
    follows; one after "so với" is a comparison; a span of days stated right after is the
    holiday's period instead (:func:`_spans_stated`)."""
    out: list[Mention] = []
    if near is None:
        return out
    for m in _TET_NAMED.finditer(folded):
        if any(s < m.end() and m.start() < e for s, e in taken) or \
                _YEAR_AFTER.match(folded, m.end()):
            continue
        end = m.end()
        written = _YEAR_AFTER_PAUSE.match(folded, end)
        if written is not None:
            # "Tết Nguyên đán Giáp Thìn... năm 2054": the number written after a pause is the
            # Tết's year, as one written right after it is (break-test bt17k)
            year: int | None = int(written.group("y"))
            end = written.end()
        else:
            year = can_chi_year(" ".join(m.group("canchi").split()), near)
        first = tet(year) if year is not None else None
        if first is None:
            continue
        # the name alone is the period ("Tết Nguyên đán 2025" reads "2025"): the words of the
        # holiday stay the figure's (rag.answer.figures.holiday_fits)
        start = m.start("canchi")
        taken.append((start, end))
        before = compares[max(0, m.start() - 24):m.start()]
        compared = bool(_COMPARE_BEFORE.search(before)) or \
            bool(_COMPARED_THING.search(compares[max(0, start - 64):start]))
        # its first three days, as a Tết asked by name is (rag.vi.holidays.days_of)
        out.append(Mention(start, end, Period(HOLIDAY, first, first + timedelta(days=2),
                                                  f"Tết Nguyên đán {first.year}"), compared))
    return out


# "đạt 61,3% kế hoạch vốn năm 2030", "bằng 80% dự toán năm": the year after a share of a plan
# is the plan's year -- the base of the share, not the period of the figure (issue 17 N6)
_PLAN_BASE = re.compile(r"(?:\d\s*%|phan tram)\s+(?:so voi\s+)?(?:ke hoach|du toan|chi tieu)"
                        r"(?:\s+(?!nam\b)[^\W\d]+){0,3}\s+(?:ca\s+)?$")
# Periods a report writes relative to its own date (issue 17 N1), each with how its span is
# found from that date; only where no other period was read and not after "so với", "cùng
# kỳ", "gấp đôi" (a base counted from the figure's own period, not from the report's date).
_RELATIVE = re.compile(
    r"\b(?P<year_past>(?:mot\s+)?nam\s+(?:vua\s+)?qua)\b"
    r"|\b(?P<year_before>nam\s+(?:truoc|ngoai))\b"
    r"|\b(?P<year_now>(?:ca\s+)?nam\s+nay)\b"
    r"|\b(?P<month_before>thang\s+truoc)\b"
    r"|\b(?P<month_past>thang\s+(?:vua\s+)?qua)\b"
    r"|\b(?P<month_now>trong\s+thang|thang\s+nay)\b(?!\s*(?:/|\d|(?:" +
    "|".join(sorted({fold(w) for w in MONTH_WORDS_VI}, key=len, reverse=True)) + r")\b))"
    r"|\b(?P<whole_year>ca\s+nam)\b(?!\s*(?:/|-|nam\b)?\s*\d)")
_COUNTED_BEFORE = re.compile(r"(?:\d|\b(?:mot|hai|ba|bon|nam|vai|may|cac|nhung|moi|hang))\s*$")
# a clause comparing before the relative words: they name the base, counted from the figure's
# period, not from the report's date
_COMPARED_CLAUSE = re.compile(r"\b(?:so voi|so|cung ky|" + _BANG + r"|hon|gap)\b")
# a figure compared with, then its relative period: "thấp hơn mức 7,45% của năm trước", "cao
# hơn 1.300 tỷ đồng của tháng trước" -- counted from the sentence's own period (the figure
# compared is the period before it), not from the report's date (break-test b17 F1)
_COMPARED_FIGURE = re.compile(r"\b(?:hon|so voi|bang)\s+(?:(?:muc|toc do)(?:\s+(?:tang|giam)"
                              r"(?:\s+truong)?)?\s+)?(?:khoang\s+)?\d[\d.,]*\s*"
                              r"(?:%|[^\W\d_]+(?:\s+[^\W\d_]+){0,3})?\s+(?:cua\s+)?$")
# "cả năm" qualifying a period before it ("quý đầu tiên cả năm", "tháng cao nhất cả năm")
_WHOLE_OF = re.compile(r"\b(?:quy|thang|tuan|ngay|dot|lan)\b(?:\s+[^\W\d]+){0,2}\s*$")
REVIEW_MONTHS = 3  # a report dated in January-March that says "năm qua" reviews the year before
YEAR_END_MONTH = 11  # from November on, "năm qua" in a report is the year ending


def _reviewed_year(now: date) -> int | None:
    """The year "năm qua" means in a report dated ``now``: the year before in its first
    :data:`REVIEW_MONTHS` months, its own year from :data:`YEAR_END_MONTH`, else None (mid-year
    "năm qua" is the twelve months past, no calendar year)."""
    if now.month <= REVIEW_MONTHS:
        return now.year - 1
    return now.year if now.month >= YEAR_END_MONTH else None


def _report_mentions(folded: str, default_year: int | None, now: date | None,
                     taken: list[tuple[int, int]], read: list[Mention],
                     own: Period | None = None) -> list[Mention]:
    """The periods a report's sentence (``folded``) writes relative to its date ``now``:
    "năm qua" (:func:`_reviewed_year`), "năm trước"/"năm ngoái" (the year before ``now``),
    "năm nay" (``now``'s year, after its first :data:`REVIEW_MONTHS` months), "tháng trước"
    (the month before ``now``'s), "tháng qua" (``now``'s month from
    its 20th, else the month before), "trong tháng"/"tháng này" (the report's own month,
    ``own``'s last month when it is a month or months to one -- a bulletin of "tháng 10"
    issued 05/11 tells of October (bt19-b17 failure 3) -- else ``now``'s month); and "cả
    năm" without a year: the year of the last period written with its year before it in the
    sentence (``read``: "trong quý IV/2030 ..., nâng tổng số cả năm lên"), else the reviewed
    year of ``now``, else ``default_year``.  None of them where ``taken`` (spans read
    already) overlaps, after a comparison word or a count ("hai năm trước"); the relative
    ones need ``now``."""
    out: list[Mention] = []
    for m in _RELATIVE.finditer(folded):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        before = folded[max(0, m.start() - 24):m.start()]
        if _COMPARE_BEFORE.search(before) or _COUNTED_BEFORE.search(before):
            continue
        kind = m.lastgroup
        if kind in ("year_before", "month_before") and \
                _COMPARED_FIGURE.search(folded[max(0, m.start() - 64):m.start()]):
            base = _before_own(kind, [x for x in read + out if not x.comparison
                                      and x.end <= m.start()])
            if base is not None:
                taken.append((m.start(), m.end()))
                out.append(Mention(m.start(), m.end(), base))
            continue
        clause = re.split(r"[,;:.()]", folded[:m.start()])[-1]
        if kind != "whole_year" and _COMPARED_CLAUSE.search(clause):
            continue  # "bằng 101,3% so với vụ Xuân năm trước" (dev-reports e01)
        if kind == "whole_year" and _WHOLE_OF.search(before):
            continue  # "quý đầu tiên cả năm vận hành ..." (dev-reports e13): not a period
        # "vượt 28,4% kế hoạch cả năm", "đạt 81,2% dự toán cả năm": the plan's year, the
        # base of the share, as "kế hoạch năm 2071" is (:data:`_PLAN_BASE`) -- not the
        # period of a "10 tháng" figure (break-test bt19-b17 failure 6)
        plan_base = kind == "whole_year" and bool(
            _PLAN_BASE.search(folded[max(0, m.start() - 48):m.start()]))
        period: Period | None = None
        if kind == "month_now" and own is not None and own.kind in ("month", "months"):
            period = month_period(own.end.year, own.end.month)
        elif kind == "whole_year":
            written = [x.period.year for x in read if not x.comparison and x.end <= m.start()
                       and re.search(r"(?:19|20)\d\d", folded[x.start:x.end])]
            reviewed = _reviewed_year(now) if now is not None else None
            year = written[-1] if written else reviewed if reviewed is not None \
                else default_year
            period = year_period(year) if year is not None else None
        elif now is not None:
            last = date(now.year, now.month, 1) - timedelta(days=1)  # the month before's end
            if kind == "year_past":
                year = _reviewed_year(now)
                period = year_period(year) if year is not None else None
            elif kind == "year_before":
                period = year_period(now.year - 1)
            elif kind == "year_now" and now.month > REVIEW_MONTHS:
                # in a report of January-March "năm nay" is either year: the one reviewed
                # ("Tỷ lệ hồ sơ ... qua mạng năm nay đạt 98,6%" dated 05/01/2022 is of 2021,
                # dev-reports d089) or the one begun -- no reading
                period = year_period(now.year)
            elif kind == "month_before" or (kind == "month_past" and now.day < 20):
                period = month_period(last.year, last.month)
            else:  # "tháng qua" late in the month, "trong tháng", "tháng này"
                period = month_period(now.year, now.month)
        if period is not None:
            taken.append((m.start(), m.end()))
            out.append(Mention(m.start(), m.end(), period, plan_base))
    return out


def _before_own(kind: str, own: list[Mention]) -> Period | None:
    """The year ("year_before") or month ("month_before") before the last of ``own`` (the
    sentence's periods read before the words, in order) when that is a whole year or a month
    as well; else None (a half's "năm trước" may be the same half a year earlier: no reading)."""
    last = max(own, key=lambda x: x.start).period if own else None
    if last is None:
        return None
    if kind == "year_before" and last.kind == "year":
        return year_period(last.year - 1)
    if kind == "month_before" and last.kind == "month":
        end = last.start - timedelta(days=1)
        return month_period(end.year, end.month)
    return None


# "quý IV/2030 (tính đến ngày 20/12/2030)", "tháng 12, tính đến ngày 20": the period up to
# that day -- the quarter's or month's figure so far, not a total from 1 January (N10)
_TO_DAY_AFTER = re.compile(r"\s*[(,]?\s*")


def _cut_to_day(found: list[Mention], folded: str) -> list[Mention]:
    """``found`` (in order) with a to-date day written right after a quarter, month or half
    whose span holds it made that period up to the day, on both mentions."""
    out = list(found)
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        if a.comparison or b.comparison or b.period.kind != "to_date" or \
                a.period.kind not in ("quarter", "month", "half") or \
                not _TO_DAY_AFTER.fullmatch(folded[a.end:b.start]) or \
                not a.period.start <= b.period.end <= a.period.end or \
                a.period.start == b.period.start:
            continue
        end = b.period.end
        cut = Period("days", a.period.start, end,
                     f"{a.period.label} (tính đến {end.day}/{end.month}/{end.year})")
        out[k], out[k + 1] = replace(a, period=cut), replace(b, period=cut)
    return out


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


_MONTH_GROUPS = {"half_month_en": (2,), "half_month": (1,), "days_of_month": (3,),
                 "week_of_month": (1,), "week_in_month": (1,), "month_word": (0,),
                 "month_range": (0, 1), "month_range_en": (0, 1), "day_en": (1, 3),
                 "month_en": (0,)}
# "các tháng năm 2024", "mỗi tháng hai lần": "tháng" counted, not a month's name
_COUNTED_MONTH = re.compile(r"(?:\b(?:cac|nhung|moi|hang|tung|may|vai)|\d)\s*$")


# a number word bound to the word before it is no count of months: an ordinal or weekday
# ("thứ hai tháng 9"), a day ("mùng ba tháng Giêng", "ngày mười tháng 5"), part of a larger
# number ("hai mươi tháng", "một trăm linh tám") or a fraction ("một phần ba tháng")
_BOUND_COUNT = re.compile(r"\b(?:thu|mung|mong|ngay|muoi|phan|linh|le)\s+$")


# the nouns a number names one of, written ("loại 1", "hạng 2", "số 3", "nhóm 1", "khu 2",
# "tuần 5", "lô 4", "mục 3"): their number is no count of months after it -- "giá hồi khô
# loại 1 tháng 3/2088" is grade 1 in March, no "1 tháng" (break-test bt17o); folded, only
# those no other word folds onto ("hàng" is goods: "các mặt hàng 9 tháng đầu năm")
_NUMBERED_WRITTEN = re.compile(r"(?<!\w)(?:loại|hạng|số|nhóm|khu|tuần|lô|mục|loai|nhom|"
                               r"tuan|muc)\s+$")
_NUMBERED_FOLDED = re.compile(r"\b(?:loai|nhom|khu|tuan)\s+$")


def _numbered_by(folded: str, as_lower: str | None, count_at: int) -> bool:
    """Whether the count of months at ``count_at`` (an offset of ``folded``, the text folded;
    ``as_lower`` the text as written, lower case, None where folding moved offsets) is the
    number of a noun before it (:data:`_NUMBERED_WRITTEN`: "loại 1 tháng 3", "số 6 tháng
    3/2088") -- then no months-to-date period."""
    if as_lower is not None:
        return _NUMBERED_WRITTEN.search(as_lower, max(0, count_at - 8), count_at) is not None
    return _NUMBERED_FOLDED.search(folded, max(0, count_at - 8), count_at) is not None


# "vụ" is a crop season only as a word of its own: never the second syllable of "dịch vụ",
# "nhiệm vụ", "phục vụ", "nghĩa vụ", "nghiệp vụ", "công vụ", "chức vụ", "tạp vụ" (folded, right
# before "vu") -- "dịch vụ chiếm 33,9%" is the services sector's share, no "vụ Chiêm" (issue 17
# bt23-b17 failure 1; the same list in bt22-b17 "thương mại - dịch vụ chiếm 25,2%", s30 bt-b17
# "khu vực dịch vụ chiếm 47,9%")
_VU_COMPOUND_BEFORE = re.compile(r"\b(?:dich|nhiem|phuc|nghia|nghiep|cong|chuc|tap)\s+$")
# a season's name as written, lower case: the one-word names fold onto other words ("chiếm"
# to hold a share, "mua" to buy, "động", "đồng"); a name typed without diacritics is read too
_SEASON_WRITTEN = frozenset(v.lower() for v in SEASONS.values())


def names_season(folded: str, as_lower: str | None, start: int, end: int) -> bool:
    """Whether the season's name at ``start``:``end`` of ``folded`` (rag.vi.text.fold of a
    sentence; ``as_lower`` the sentence as written, lower case, None where folding moved its
    offsets) names a crop season: its "vụ" (when one stands before it) is a word of its own,
    not the end of "dịch vụ", "nhiệm vụ" (:data:`_VU_COMPOUND_BEFORE`), and the name is written
    with a season's own diacritics ("Chiêm", "Mùa", "Đông") or with none ("vu chiem 2077") --
    "dịch vụ chiếm 33,9%", "dịch vụ mua bán" name no season (issue 17 bt23-b17 failure 1)."""
    head = folded[max(0, start - 16):start]
    if head.endswith(("vu ", "vu  ")):
        vu = head.rstrip()[:-2]
        if _VU_COMPOUND_BEFORE.search(vu + " "):
            return False
    if as_lower is None:
        return True
    written = as_lower[start:end]
    return written in _SEASON_WRITTEN or written == folded[start:end]


def _names_months(kind: str, m: re.Match[str], as_written: str | None, folded: str) -> bool:
    """Whether the words of a month in match ``m`` (on ``folded``) name months as
    ``as_written`` writes them (None: the text's offsets changed when folded -- then only
    numbers do).  A Vietnamese month word is the month ("tháng Năm", "tháng Mười Hai") when
    written with its diacritics, capitalised or followed by a year ("tháng sáu năm 2024";
    "năm" itself only capitalised or with "năm", "/" before the year: "tháng năm 2024" is
    also "the months of 2024"), and "tháng" is not counted ("các tháng", "mỗi tháng hai
    lần"); "May" only capitalised ("dệt may 2024" is garments).  A month's "cuối" with or
    without its diacritics ("cười" is none)."""
    if kind == "month_point":
        word = as_written[m.start(1):m.end(1)].lower() if as_written is not None else "cuoi"
        return word in ("cuối", "cuoi")
    if kind == "months" and not m.group(1).isdigit():
        # a count in words as written: "sáu tháng"; "từ tháng 4" is no count, nor is "tư":
        # four alone is "bốn", "tư" a numeral only inside a number ("hai mươi tư") -- else
        # the second syllable of a word ("vốn đầu tư tháng 9", "Thông tư tháng 5", b17)
        if as_written is None or m.group(1) == "tu":
            return False
        if _BOUND_COUNT.search(folded[max(0, m.start(1) - 8):m.start(1)]):
            return False
        count = as_written[m.start(1):m.end(1)].lower()
        return count in MONTH_WORDS_VI or as_written.lower() == folded  # or no diacritics
    groups = _MONTH_GROUPS.get(kind)
    if groups is None:
        return True
    for g in groups:
        word = m.group(g + 1)
        if word is None or word.isdigit():
            continue
        start, end = m.span(g + 1)
        written = as_written[start:end] if as_written is not None else None
        if kind in ("month_range_en", "day_en", "month_en", "half_month_en"):
            if word == "may" and (written is None or written != "May"):
                return False
            continue
        if written is None or written.lower() not in MONTH_WORDS_VI:
            return False
        if _COUNTED_MONTH.search(folded[max(0, m.start() - 12):m.start()]):
            return False
        year_at = m.start(m.re.groups) if m.group(m.re.groups) else -1
        marked = year_at > 0 and re.search(r"(?:/|nam|,)", folded[end:year_at]) is not None
        if not written[0].isupper() and not (marked if word == "nam" else year_at > 0):
            return False
    return True


def _month_number(word: str) -> int:
    """A month's number from its number or its word, Vietnamese ("nam", folded) or English
    ("sept")."""
    if word.isdigit():
        return int(word)
    return _MONTH_NAMES_EN.get(word) or next(
        n for w, n in MONTH_WORDS_VI.items() if fold(w) == word)


def months_span(year: int, first: int, last: int) -> Period | None:
    """The months ``first`` to ``last`` of ``year`` as the period they make: January to a
    month is "N tháng" (:func:`months_period`), three months of a quarter the quarter, July
    to December the second half; other spans a span of days ("tháng 4–5/2024"); None when
    ``last`` comes before ``first``."""
    if not 1 <= first <= last <= 12:
        return None
    if first == 1:
        return months_period(year, last)
    if last - first == 2 and first % 3 == 1:
        return quarter_period(year, (first + 2) // 3)
    if (first, last) == (7, 12):
        return half_period(year, True)
    return Period("days", date(year, first, 1), month_end(year, last),
                  f"tháng {first}–{last}/{year}")


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return COUNT_WORDS.get(word)


def _days_named(kind: str, g: tuple[str | None, ...], default_year: int | None) -> Period | None:
    """The days a month's part named in words covers (groups ``g`` of the "half_month",
    "days_of_month" or "week_of_month" pattern): "nửa đầu tháng 7" 1-15/7, "nửa cuối" 16/7 to
    the month's end, "N ngày/tuần đầu" the first N days (N weeks of 7 days), "... cuối" the
    last.  None without a year or when the count reaches the month's end."""
    if kind == "half_month":
        first, month_word, year, n, unit = g[0] == "dau", g[1], g[2], 15, "ngay"
    elif kind == "week_of_month":
        first, month_word, year, n, unit = g[0] == "dau", g[1], g[2], 1, "tuan"
    else:
        count = str(g[0])
        n = int(count) if count.isdigit() else _DAY_COUNTS[count]
        unit, first, month_word, year = str(g[1]), g[2] == "dau", g[3], g[4]
    y = int(year) if year else default_year
    if y is None or n < 1:
        return None
    days = n * 7 if unit == "tuan" else n
    month = _month_number(str(month_word))
    if not 1 <= month <= 12:
        return None
    last = month_end(y, month)
    if days >= last.day:
        return None
    start, end = ((date(y, month, 1), date(y, month, days)) if first else
                  (last - timedelta(days=days - 1), last))
    if kind == "half_month":
        start, end = (date(y, month, 1), date(y, month, 15)) if first else \
            (date(y, month, 16), last)
        what = f"nửa {'đầu' if first else 'cuối'} tháng {month}/{y}"
    else:
        word = "tuần" if unit == "tuan" else "ngày"
        count = "" if kind == "week_of_month" else f"{n} "
        what = f"{count}{word} {'đầu' if first else 'cuối'} tháng {month}/{y}"
    return Period("days", start, end, what)


# what stands between a holiday named by its days and the span a report states for it: "Dịp
# nghỉ lễ 30/4 - 1/5 (từ 27/4 đến 01/5/2025)", "dịp Quốc khánh 2/9 (4 ngày, từ 31/8 đến
# 03/9/2024)" (folded)
_SPAN_STATED_AFTER = re.compile(r"\s*[(,:]?\s*(?:(?:\d{1,2}|[a-z]+)\s+ngay\s*[,:;]?\s*)?")


def _spans_stated(found: list[Mention], folded: str) -> list[Mention]:
    """``found`` (in order) without a holiday named by its days that the span of days right
    after it states: the holiday's period is the span (calendar.holiday_period)."""
    out = []
    for k, x in enumerate(found):
        nxt = found[k + 1] if k + 1 < len(found) else None
        if x.period.kind == HOLIDAY and nxt is not None and nxt.period.kind == "days" and \
                _SPAN_STATED_AFTER.fullmatch(folded, x.end, nxt.start):
            continue
        out.append(x)
    return out


# what opens a bracket restating the period before it in lunar days: "từ ngày 16/2 đến hết
# ngày 24/2/2015 (tức từ 28 tháng Chạp đến mùng 6 Tết)", "Sáng 23/2/2026 (mùng 7 Tết Bính
# Ngọ)" (dev2 e11, e13); and a lunar day a span starts or ends at, "mở cửa trở lại từ mùng 4
# Tết", "trước 30 Tết" (folded)
_RESTATING = re.compile(r"\s*\(\s*(?:tuc|nhan|la)?\s*(?:(?:tu|tu ngay)\s+[^()]*)?$")
_OPEN_END = re.compile(r"\b(?:tu|den|toi|truoc|sau|ke tu)\s+$")


def _lunar_restated(found: list[Mention], folded: str) -> list[Mention]:
    """``found`` (in order) without the lunar days (:data:`LUNAR_DAY`) that are no period of
    their own: one in brackets restating the period right before it, unless it is that very
    day (then it names it), and one a span opens or closes at ("từ mùng 4 Tết": from then on,
    no figure of that day alone)."""
    out: list[Mention] = []
    for x in found:
        if LUNAR_DAY.match(folded, x.start) is None or x.period.kind != "day":
            out.append(x)
            continue
        if _OPEN_END.search(folded, max(0, x.start - 12), x.start):
            continue
        before = next((y for y in reversed(out) if y.end <= x.start), None)
        if before is not None and _RESTATING.fullmatch(folded, before.end, x.start) and \
                (before.period.start, before.period.end) != (x.period.start, x.period.end):
            continue
        out.append(x)
    return out


def said_holiday(m: re.Match[str], as_lower: str | None) -> bool:
    """Whether a :data:`HOLIDAY_DAYS` match ``m`` names a holiday: its "le" is "lễ" where the
    text as written (lower-cased, ``as_lower``) tells ("tỷ lệ 30/4" names none).  After
    "dịp"/"kỳ" the word is "lễ" however marked: a question typed without diacritics ("dip le
    30 thang 4") comes restored as "dịp lẻ" (the commoner word), and "dịp"/"kỳ" already name
    an occasion (issue 17 break-test bt17r)."""
    le = m.start("le") if m.group("le") else m.start("le2") if m.group("le2") else -1
    said = ("lễ", "le", "lẻ") if m.group("le") else ("lễ", "le")
    return as_lower is None or le < 0 or as_lower[le:le + 2] in said


def _day_list(m: re.Match[str], default_year: int | None) -> Period | None:
    """The days of a "day_list" match ``m`` (groups: the count said before them, the first
    day, month and year, the rest as written): each day without its year takes the last one
    written, else ``default_year``; None when a count said is not the number of days listed,
    or they do not follow one another (calendar.day_list_period)."""
    g = m.groups()
    rest = re.findall(r"(\d{1,2})/(\d{1,2})(?:/((?:19|20)\d\d))?", str(g[4]))
    written = [(g[1], g[2], g[3]), *rest]
    year = next((int(y) for _, _, y in reversed(written) if y), default_year)
    if year is None:
        return None
    if g[0] is not None and _count_of_days(g[0]) != len(written):
        return None
    days = [date(int(y) if y else year, int(m), int(d)) for d, m, y in written]
    return day_list_period(days)


def _count_of_days(word: str) -> int | None:
    """A count of days as written before them, folded ("2", "hai")."""
    return int(word) if word.isdigit() else _DAY_COUNTS.get(word)


# "tuần thứ nhất/hai/ba/tư/năm (của) tháng M" (folded): the week's number
_WEEK_ORDINALS = {"nhat": 1, "mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5}


def _period(kind: str, m: re.Match[str], default_year: int | None) -> Period | None:
    g = m.groups()
    try:
        if kind == "days":
            y2 = int(g[5]) if g[5] else default_year
            if y2 is None:
                return None
            y1 = int(g[2]) if g[2] else y2
            return days_period(date(y1, int(g[1]), int(g[0])), date(y2, int(g[4]), int(g[3])))
        if kind == "week":
            y = next((int(x) for x in (g[1], g[7], g[4]) if x), default_year)
            if y is None:
                return None
            start: date | None = None
            end: date | None = None
            if g[2]:
                y2 = int(g[7]) if g[7] else y
                end = date(y2, int(g[6]), int(g[5]))
                start = date(int(g[4]) if g[4] else y2, int(g[3]), int(g[2]))
            elif g[8]:
                y2 = int(g[11]) if g[11] else y
                end = date(y2, int(g[10]), int(g[9]))
                start = date(y2, int(g[10]), int(g[8]))
            return _week_of_days(y, int(g[0]), start, end)
        if kind in ("days1", "days_dash"):
            y = int(g[3]) if g[3] else default_year
            if y is None or (kind == "days_dash" and int(g[0]) >= int(g[1])):
                return None
            return days_period(date(y, int(g[2]), int(g[0])), date(y, int(g[2]), int(g[1])))
        if kind == "season":
            first = int(g[1]) if g[1] else None
            if first is not None and first + 1 != int(g[2]):
                return None
            return season_period(g[0], first, int(g[2]))
        if kind == "years":
            first, last = int(g[0]), int(g[1])
            return years_period(first, last) if first < last <= first + 30 else None
        if kind == "week_in_month":
            y = int(g[2]) if g[2] else default_year
            return week_in_month(y, _WEEK_ORDINALS.get(g[0]) or int(g[0]),
                                 _month_number(g[1])) if y else None
        if kind in ("half_month", "days_of_month", "week_of_month"):
            return _days_named(kind, g, default_year)
        if kind == "half_month_en":
            first = g[0] == "first"
            if g[1] == "half":
                if g[0] == "last":
                    return None
                return _days_named("half_month", ("dau" if first else "cuoi", g[2], g[3]),
                                   default_year)
            if g[1] == "week":
                return _days_named("week_of_month", ("dau" if first else "cuoi", g[2], g[3]),
                                   default_year)
            if g[0] == "second":
                return None
            return _days_named("days_of_month", (g[1].split()[0], "ngay",
                                                 "dau" if first else "cuoi", g[2], g[3]),
                               default_year)
        if kind == "month_to_day":
            y = int(g[3]) if g[3] else default_year
            if y is None or (g[0] and int(g[0]) != int(g[2])):
                return None
            end = date(y, int(g[2]), int(g[1]))
            return replace(days_period(end.replace(day=1), end),
                           label=f"từ đầu tháng {end.month} đến {end.day}/{end.month}/{y}")
        if kind == "point_day":
            y = int(g[2]) if g[2] else default_year
            if y is None:
                return None
            at = date(y, int(g[1]), int(g[0]))
            return replace(to_date_period(at), label=f"{POINT_LABEL} {at.day}/{at.month}/{y}")
        if kind == "to_date_day":
            y = int(g[2]) if g[2] else default_year
            return to_date_period(date(y, int(g[1]), int(g[0]))) if y else None
        if kind == "to_date_month":
            y = int(g[1]) if g[1] else default_year
            month = int(g[0])
            if not y or not 1 <= month <= 12:
                return None
            # the label says "hết", "cuối" as written: the total of January to the month's
            # end ("tính đến hết tháng 9/2029"), not the month
            said = re.search(r"\b(het|cuoi|giua|dau)\s+(?:nay\s*\(\s*)?thang", m.group(0))
            if said and said.group(1) in _MONTH_PART_DAY:
                # "Đến giữa tháng 12/2025, con số này đã là 203 sản phẩm": a count at a day
                # inside the month, not at its end (bt17d o02, o03)
                at = date(y, month, _MONTH_PART_DAY[said.group(1)])
                word = "giữa" if said.group(1) == "giua" else "đầu"
                return replace(to_date_period(at), label=f"tính đến {word} tháng {month}/{y}")
            period = to_date_period(month_end(y, month), month_only=True)
            if said:
                word = "hết" if said.group(1) == "het" else "cuối"
                period = replace(period, label=f"tính đến {word} tháng {month}/{y}")
            return period
        if kind == "month_point":
            y = int(g[2]) if g[2] else default_year
            month = int(g[1])
            if not y or not 1 <= month <= 12:
                return None
            return replace(to_date_period(month_end(y, month)), label=f"cuối tháng {month}/{y}")
        if kind == "to_date_year_end":
            y = int(g[0])
            return replace(year_period(y), kind="to_date", label=f"cuối năm {y}")
        if kind == "named_holiday":
            return named_with_year(m)
        if kind == "holiday":
            _, _, day1, month1, day2, month2, year = g
            held_in = int(year) if year else default_year
            if held_in is None:
                return None
            opens = date(held_in, int(month1), int(day1))
            closes = date(held_in, int(month2), int(day2)) if day2 else opens
            days = f"{day1}/{month1}" + (f" - {day2}/{month2}" if day2 else "")
            return holiday_period(opens, closes, f"dịp {days}") if opens <= closes else None
        if kind == "day_list":
            return _day_list(m, default_year)
        if kind == "lunar_day":
            return _lunar_day(m, default_year)
        if kind == "day":
            y = int(g[2]) if g[2] else default_year
            return day_period(date(y, int(g[1]), int(g[0]))) if y else None
        if kind == "to_date_en":
            return to_date_period(date(int(g[2]), MONTHS_EN[g[1]], int(g[0])))
        if kind in ("month_range", "month_range_en"):
            y = int(g[2]) if g[2] else default_year
            return months_span(y, _month_number(g[0]), _month_number(g[1])) if y else None
        if kind == "day_en":
            day, word, y_raw = (g[0], g[1], g[2]) if g[0] else (g[4], g[3], g[5])
            return day_period(date(int(y_raw), _month_number(word), int(day)))
        if kind in ("month_en", "month_word"):
            month = _month_number(g[0])
            y = int(g[1]) if g[1] else default_year
            return month_period(y, month) if y and 1 <= month <= 12 else None
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
