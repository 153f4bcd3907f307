"""Days of the Vietnamese lunar calendar (âm lịch) as solar dates, and years named by their
can-chi ("Ất Tỵ" is 2025): how reports and questions name the days of Tết Nguyên đán ("mùng 1
Tết", "chiều 30 Tết") and of other lunar holidays ("Giỗ Tổ Hùng Vương 10/3 âm lịch").

The conversion is the ``lunar-vn`` package's (Hồ Ngọc Đức's published algorithm for the
Vietnamese calendar, reckoned at UTC+7, the time zone Vietnam's calendar has used since 1968;
solar years 1900-2100): Tết Ất Tỵ is 29/01/2025 and Giáp Thìn 10/02/2024, as tourism reports
write beside the lunar day ("Riêng ngày mùng 1 Tết (29/01/2025)"; break-test s39 bt17b).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from lunar_vn import LunarDate
from lunar_vn import lunar_to_solar as _to_solar
from lunar_vn import solar_to_lunar as _to_lunar

_TZ = 7.0  # Vietnam's calendar is reckoned at UTC+7


@lru_cache(maxsize=512)
def lunar_to_solar(day: int, month: int, year: int, leap: bool = False) -> date | None:
    """The solar date of lunar ``day``/``month`` of lunar ``year`` (its month 1 begins at
    Tết of solar ``year``); None for no such day (a leap month the year lacks, a day 30 of a
    29-day month, a day outside 1-30, a year outside what ``lunar-vn`` covers, 1900-2100)."""
    if not (1 <= day <= 30 and 1 <= month <= 12):
        return None
    try:
        solar = _to_solar(LunarDate(day, month, year, leap), time_zone=_TZ)
        back = _to_lunar(solar, time_zone=_TZ)
    except ValueError:  # a year out of range, a leap month the year lacks
        return None
    # lunar-vn rolls "30" of a 29-day month over to the next month's first day
    if (back.day, back.month, back.year, back.leap) != (day, month, year, leap):
        return None
    return solar


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
