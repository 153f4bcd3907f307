"""Days of the Vietnamese lunar calendar (âm lịch) as solar dates, and years named by their
can-chi ("Ất Tỵ" is 2025): how reports and questions name the days of Tết Nguyên đán ("mùng 1
Tết", "chiều 30 Tết") and of other lunar holidays ("Giỗ Tổ Hùng Vương 10/3 âm lịch").

The conversion is Hồ Ngọc Đức's published algorithm for the Vietnamese calendar (new moons
and the sun's longitude by Meeus' "Astronomical Algorithms", reckoned at UTC+7, the time zone
Vietnam's calendar has used since 1968): Tết Ất Tỵ is 29/01/2025 and Giáp Thìn 10/02/2024, as
tourism reports write beside the lunar day ("Riêng ngày mùng 1 Tết (29/01/2025)"; break-test
s39 bt17b).
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from functools import lru_cache

_TZ = 7.0  # Vietnam's calendar is reckoned at UTC+7
_JD_OFFSET = 1721425  # a proleptic Gregorian ordinal + this = its Julian day number
_EPOCH = 2415021.076998695  # the new moon of 1/1/1900 (Julian day)
_SYNODIC = 29.530588853


def _jd(day: date) -> int:
    return day.toordinal() + _JD_OFFSET


def _new_moon(k: int) -> float:
    """The Julian day of the ``k``-th new moon after 1/1/1900 (Meeus, ch. 49)."""
    t = k / 1236.85
    t2, t3 = t * t, t * t * t
    dr = math.pi / 180
    jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
    jd1 += 0.00033 * math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr)
    m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3
    mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3
    f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3
    c1 = (0.1734 - 0.000393 * t) * math.sin(m * dr) + 0.0021 * math.sin(2 * dr * m)
    c1 += -0.4068 * math.sin(mpr * dr) + 0.0161 * math.sin(dr * 2 * mpr)
    c1 += -0.0004 * math.sin(dr * 3 * mpr)
    c1 += 0.0104 * math.sin(dr * 2 * f) - 0.0051 * math.sin(dr * (m + mpr))
    c1 += -0.0074 * math.sin(dr * (m - mpr)) + 0.0004 * math.sin(dr * (2 * f + m))
    c1 += -0.0004 * math.sin(dr * (2 * f - m)) - 0.0006 * math.sin(dr * (2 * f + mpr))
    c1 += 0.0010 * math.sin(dr * (2 * f - mpr)) + 0.0005 * math.sin(dr * (2 * mpr + m))
    if t < -11:
        delta = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    else:
        delta = -0.000278 + 0.000265 * t + 0.000262 * t2
    return jd1 + c1 - delta


def _new_moon_day(k: int) -> int:
    return math.floor(_new_moon(k) + 0.5 + _TZ / 24)


def _sun_sector(day_number: int) -> int:
    """Which twelfth of the ecliptic (0-11) the sun is in at the start of ``day_number``."""
    t = (day_number - 0.5 - _TZ / 24 - 2451545.0) / 36525
    t2 = t * t
    dr = math.pi / 180
    m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
    l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
    dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * math.sin(dr * m)
    dl += (0.019993 - 0.000101 * t) * math.sin(dr * 2 * m) + 0.000290 * math.sin(dr * 3 * m)
    longitude = (l0 + dl) * dr
    longitude -= 2 * math.pi * math.floor(longitude / (2 * math.pi))
    return math.floor(longitude / math.pi * 6)


def _month11(year: int) -> int:
    """The day number the 11th lunar month (the one holding the winter solstice) of ``year``
    begins."""
    k = math.floor((_jd(date(year, 12, 31)) - 2415021) / _SYNODIC)
    start = _new_moon_day(k)
    return _new_moon_day(k - 1) if _sun_sector(start) >= 9 else start


def _leap_offset(a11: int) -> int:
    k = math.floor((a11 - _EPOCH) / _SYNODIC + 0.5)
    i = 1
    arc = _sun_sector(_new_moon_day(k + i))
    while True:
        last = arc
        i += 1
        arc = _sun_sector(_new_moon_day(k + i))
        if arc == last or i >= 14:
            return i - 1


@lru_cache(maxsize=512)
def lunar_to_solar(day: int, month: int, year: int, leap: bool = False) -> date | None:
    """The solar date of lunar ``day``/``month`` of lunar ``year`` (its month 1 begins at
    Tết of solar ``year``); None for no such day (a leap month the year lacks, a day outside
    1-30, a year outside 1800-2199)."""
    if not (1 <= day <= 30 and 1 <= month <= 12 and 1800 <= year <= 2199):
        return None
    if month < 11:
        a11, b11 = _month11(year - 1), _month11(year)
    else:
        a11, b11 = _month11(year), _month11(year + 1)
    k = math.floor(0.5 + (a11 - _EPOCH) / _SYNODIC)
    off = (month - 11) % 12
    if b11 - a11 > 365:
        leap_off = _leap_offset(a11)
        leap_month = (leap_off - 2) % 12
        if leap and month != leap_month:
            return None
        if leap or off >= leap_off:
            off += 1
    elif leap:
        return None
    start = _new_moon_day(k + off)
    return date.fromordinal(start + day - 1 - _JD_OFFSET)


def tet(year: int) -> date | None:
    """The first day of Tết Nguyên đán of solar ``year`` (lunar 1/1)."""
    return lunar_to_solar(1, 1, year)


def day_of_tet(n: int, year: int) -> date | None:
    """The day a report or question calls "N Tết" of the Tết of ``year``: "mùng N Tết" (N
    1-10) the N-th day of the first lunar month; "ngày 23 Tết" to "30 Tết" (N 23-30) a day of
    the last month of the year before -- "30 Tết" the eve of Tết (giao thừa) even in a year
    whose last month has 29 days.  None for another N."""
    first = tet(year)
    if first is None:
        return None
    if 1 <= n <= 10:
        return first + timedelta(days=n - 1)
    if 23 <= n <= 30:
        last = lunar_to_solar(n, 12, year - 1)
        eve = first - timedelta(days=1)
        return eve if last is None or last > eve else last
    return None


# the heavenly stems and earthly branches (folded, as rag.vi.text.fold writes them): a lunar
# year's name, "Giáp Thìn" is 2024, "Ất Tỵ" 2025 (the sexagenary cycle, Giáp Tý = 1984)
STEMS = ("giap", "at", "binh", "dinh", "mau", "ky", "canh", "tan", "nham", "quy")
BRANCHES = ("ty", "suu", "dan", "mao", "thin", "ty", "ngo", "mui", "than", "dau", "tuat",
            "hoi")
# -- "Tý" and "Tỵ" fold alike: the stem tells them apart (a stem's parity is its branch's)
CAN_CHI = r"(?:" + "|".join(STEMS) + r")\s+(?:" + "|".join(sorted(set(BRANCHES))) + r"|meo)"


def can_chi_year(name: str, near: int) -> int | None:
    """The year named ``name`` (folded "giap thin", "at ty"; "meo" for "mao") closest to
    ``near`` and not after it by more than a year -- the year a report or question of
    ``near`` means; None for no such name."""
    words = name.split()
    if len(words) != 2 or words[0] not in STEMS:
        return None
    stem = STEMS.index(words[0])
    branch = "mao" if words[1] == "meo" else words[1]
    # a year y has stem (y - 4) % 10 and branch (y - 4) % 12; both "ty" branches are tried
    options = [b for b, x in enumerate(BRANCHES) if x == branch and b % 2 == stem % 2]
    if not options:
        return None
    offset = next(o for o in range(60) if o % 10 == stem and o % 12 == options[0])
    year = near + 1 - ((near + 1 - 4 - offset) % 60)
    return year
