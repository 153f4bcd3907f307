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
           T8/2024
months     8 tháng (đầu) năm 2024, lũy kế / cộng dồn 8 tháng, 8T  January to the end of month 8
quarter    quý I/2019, quý 2, Q3                                  the quarter
half       6 tháng đầu năm, nửa đầu năm, H1; 6 tháng cuối năm     January-June; July-December
years      giai đoạn 2016-2020, 2011-2015                         1/1 of the first to 31/12 of
                                                                  the last
to_date    tính đến (hết) 27/8/2024, đến tháng 6/2021, cuối năm   1/1 to that day (a count at
                                                                  that day)
days       từ 1/1 đến hết 17/12/2021, từ ngày 1 đến 15/12         those days
day        ngày 7/2/2023, sáng 21/12/2021                         that day
week       tuần 48/2063, tuần 48 năm 2063, tuần 48 (từ 24/11    the days written, else the ISO
           đến 30/11/2063)                                        week (Monday-Sunday)
season     vụ Đông Xuân 2033-2034, vụ Hè Thu 2034, vụ Mùa năm     the harvest year (the last);
           2033                                                   a season is part of it
=========  =====================================================  ==============================

How a figure's stated period answers an asked one is :func:`relation`, the one period rule
(``rag.vi.periods.time_match`` applies it to the year and period codes passages carry).
Periods are read from text by ``rag.vi.mentions`` and from questions by ``rag.vi.asked``.
"""

from __future__ import annotations

import calendar as _cal
from dataclasses import dataclass
from datetime import date, timedelta

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
        """The year of the period's last day."""
        return self.end.year

    @property
    def days(self) -> int:
        """How many days the period spans, both ends included."""
        return (self.end - self.start).days + 1

    def to_dict(self) -> dict[str, object]:
        """JSON form: label, year (None for a span of years), kind, ISO start and end."""
        return {"label": self.label, "year": self.year if self.kind != "years" else None,
                "kind": self.kind, "start": self.start.isoformat(), "end": self.end.isoformat()}

    @classmethod
    def from_dict(cls, d: dict[str, object]) -> Period:
        """A period from :meth:`to_dict` output (ValueError for a malformed date)."""
        return cls(str(d["kind"]), date.fromisoformat(str(d["start"])),
                   date.fromisoformat(str(d["end"])), str(d["label"]))


# --- building periods -------------------------------------------------------------------------


def month_end(year: int, month: int) -> date:
    """The last day of ``month`` (1-12) of ``year``."""
    return date(year, month, _cal.monthrange(year, month)[1])


def year_period(year: int) -> Period:
    """The whole of ``year``, labelled "năm 2018" (ValueError outside 1-9999)."""
    return Period("year", date(year, 1, 1), date(year, 12, 31), f"năm {year}")


def month_period(year: int, month: int) -> Period:
    """One month (1-12) of ``year``, labelled "tháng 8/2024"."""
    return Period("month", date(year, month, 1), month_end(year, month),
                  f"tháng {month}/{year}")


def months_period(year: int, n: int) -> Period:
    """January to the end of month ``n`` ("8 tháng năm 2024"); 12 months is the year."""
    if n >= 12:
        return year_period(year)
    label = f"{n} tháng đầu năm {year}" if n in (3, 6) else f"{n} tháng năm {year}"
    return Period("months", date(year, 1, 1), month_end(year, n), label)


def quarter_period(year: int, q: int) -> Period:
    """Quarter ``q`` (1-4) of ``year``, labelled "quý I/2019" (KeyError for another q)."""
    roman = {1: "I", 2: "II", 3: "III", 4: "IV"}[q]
    return Period("quarter", date(year, 3 * q - 2, 1), month_end(year, 3 * q),
                  f"quý {roman}/{year}")


def half_period(year: int, second: bool) -> Period:
    """The first half of ``year`` (January-June), or the ``second`` (July-December), labelled "6
    tháng đầu/cuối năm 2018"."""
    if second:
        return Period("half", date(year, 7, 1), date(year, 12, 31), f"6 tháng cuối năm {year}")
    return Period("half", date(year, 1, 1), date(year, 6, 30), f"6 tháng đầu năm {year}")


def years_period(first: int, last: int) -> Period:
    """From 1 January of ``first`` to 31 December of ``last``, labelled "giai đoạn 2016–2020"."""
    return Period("years", date(first, 1, 1), date(last, 12, 31), f"giai đoạn {first}–{last}")


# a crop season's name, folded -> as written ("vụ Đông Xuân 2033-2034"; b17 F11); the
# northern calendar's "vụ Xuân" and "vụ Đông" too (dev reports "vụ Xuân đạt ...", "vụ Xuân năm
# trước"; "Vụ xuân 2073 ..." read as the year 2073: issue 17 bt17-b17 failure 6)
# The one-word keys ("mua", "xuan", "dong", "chiem") fold onto other words too ("mua" to
# buy, "động", "chiếm"): callers read them only after "vụ" or a crop's name
# (rag.vi.asked._COMPARISON_PHRASE, rag.vi.mentions._AFTER_CROP).
SEASONS = {"dong xuan": "Đông Xuân", "he thu": "Hè Thu", "thu dong": "Thu Đông",
           "chiem xuan": "Chiêm Xuân", "chiem": "Chiêm", "mua": "Mùa", "xuan": "Xuân",
           "dong": "Đông"}


def season_period(name: str, first: int | None, last: int) -> Period:
    """The crop season ``name`` (folded, a key of :data:`SEASONS`) harvested in ``last``:
    its span is that year, its label the season as written ("vụ Đông Xuân 2033–2034" when
    sown the year ``first`` before)."""
    years = f"{first}–{last}" if first else f"{last}"
    return Period("season", date(last, 1, 1), date(last, 12, 31), f"vụ {SEASONS[name]} {years}")


def to_date_period(day: date, month_only: bool = False) -> Period:
    """From 1 January to ``day`` (a cumulative figure, or a count on that day)."""
    label = (f"tính đến tháng {day.month}/{day.year}" if month_only
             else f"tính đến {day.day}/{day.month}/{day.year}")
    return Period("to_date", date(day.year, 1, 1), day, label)


def days_period(first: date, last: date) -> Period:
    """The days ``first`` to ``last``; from 1 January it is a to-date period ("từ 1/1 đến
    17/12/2021")."""
    if first == date(last.year, 1, 1):
        return Period("to_date", first, last, f"từ 1/1 đến {last.day}/{last.month}/{last.year}")
    return Period("days", first, last,
                  f"từ {first.day}/{first.month} đến {last.day}/{last.month}/{last.year}")


def week_period(year: int, n: int, first: date | None = None,
                last: date | None = None) -> Period | None:
    """Week ``n`` of ``year`` ("tuần 48/2063"): the days a bulletin writes beside it ("tuần
    48 (từ 24/11 đến 30/11/2063)", ``first``-``last``, at most 7 days), else the ISO week
    (Monday to Sunday); None for no such week.  Two weeks of one number and year are the
    same week whatever days were written (:func:`relation`)."""
    if not 1 <= n <= 53:
        return None
    if first is None or last is None or not 0 <= (last - first).days <= 6:
        try:
            first, last = date.fromisocalendar(year, n, 1), date.fromisocalendar(year, n, 7)
        except ValueError:
            return None
    return Period("week", first, last, f"tuần {n}/{year}")


def week_in_month(year: int, n: int, month: int) -> Period | None:
    """Week ``n`` (1-5) of ``month`` ("tuần 2 tháng 8/2091", "tuần thứ ba của tháng 10"): the
    days 7n-6 to 7n of the month (the fifth week the days left after the 28th), kind "week"
    labelled "tuần 2 tháng 8/2091" -- two such weeks are one when their labels are
    (:func:`relation`); None for no such week (a fifth week of February in a common year,
    a month outside 1-12)."""
    if not 1 <= n <= 5 or not 1 <= month <= 12:
        return None
    last = month_end(year, month)
    if 7 * (n - 1) + 1 > last.day:
        return None
    return Period("week", date(year, month, 7 * (n - 1) + 1),
                  date(year, month, min(7 * n, last.day)), f"tuần {n} tháng {month}/{year}")


def day_period(day: date) -> Period:
    """One day, labelled "ngày 7/2/2023"."""
    return Period("day", day, day, f"ngày {day.day}/{day.month}/{day.year}")


def day_list_period(days: list[date]) -> Period | None:
    """Days listed one by one, "(2) ngày 30/4 và 01/5/2025": exactly those days, kind "days"
    labelled "ngày 30/4 và 1/5/2025" -- a part reports give after a holiday's total ("Dịp
    nghỉ lễ (từ 27/4 đến 01/5), tỉnh đón 95.000 lượt khách ... Riêng 2 ngày 30/4 và 01/5 đón
    41.000 lượt"; break-test s39 G).  None unless two or more days follow one another (a
    span holds no gap)."""
    steps = [b - a for a, b in zip(days, days[1:], strict=False)]
    if len(days) < 2 or any(step != timedelta(days=1) for step in steps):
        return None
    last = days[-1]
    listed = ", ".join(f"{d.day}/{d.month}" for d in days[:-1])
    return Period("days", days[0], last, f"ngày {listed} và {last.day}/{last.month}/{last.year}")


def is_day_list(period: Period) -> bool:
    """Whether ``period`` is days listed one by one (:func:`day_list_period`): a part of the
    holiday they fall in, never the holiday itself."""
    return period.kind == "days" and period.label.startswith("ngày ") and " và " in period.label


# kind of a holiday a question names by its days ("dịp lễ 30/4", "dịp 2/9/2024", "Quốc khánh
# 2/9"): the holiday's days, which reports count from its eve ("từ 27/4 đến 01/5") --
# rag.vi.asked reads it, rag.answer.figures.period_match answers it
HOLIDAY = "holiday"
# a question's "cùng kỳ năm 2021" (no "so với" before it): the part of that year a report
# sets beside its own period -- "9 tháng năm 2021" in a report of 9 months of 2022 -- as a
# span of the whole year, any period inside it answering (rag.vi.asked, rag.answer.figures)
SAME_PERIOD = "same_period"


def holiday_period(first: date, last: date, written: str) -> Period:
    """The holiday named by the days ``first``-``last`` (as ``written``: "dịp lễ 30/4"),
    labelled with its year ("dịp lễ 30/4/2025")."""
    return Period(HOLIDAY, first, last, f"{written}/{last.year}")


# --- how an asked period relates to a stated one --------------------------------------------


def relation(asked: Period, stated: Period, tolerance_days: int = TOLERANCE_DAYS) -> str:
    """How a stated period answers an asked one:

    - "exact": the same span ("quý I" and "3 tháng đầu năm"; a cumulative figure "tính đến
      27/8" for "8 tháng", within ``tolerance_days`` at the end -- never for a span of
      named days, "từ 1/9 đến 10/9" for "1-15/9");
    - "partial": the stated span lies inside the asked one and is shorter (six months of the
      asked year) -- an answer only when said so;
    - "wider": the stated span holds the asked one and more (8 months for "tháng 8") -- never
      an answer;
    - "overlap" or "none": otherwise.
    """
    if asked.kind == stated.kind == "week" and asked.label == stated.label:
        return "exact"  # "tuần 48/2063" asked of a bulletin's "tuần 48 (24/11-30/11/2063)"
    tol = timedelta(days=tolerance_days)
    # the tolerance is for a cumulative count closed a few days early ("tính đến 27/8" for "8
    # tháng"); days named by their dates are those days: "từ 1/9 đến 10/9" is part of "nửa đầu
    # tháng 9" (1-15/9), never all of it (issue 17 break-test bt9-b17 failure 6)
    kinds = {asked.kind, stated.kind}
    fuzzy = "to_date" in kinds and not kinds & {"day", "days"}
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



POINT_LABEL = "thời điểm"  # rag.vi.mentions "point_day": "tại/vào thời điểm 11/9/2048"


def same_point(asked: Period, stated: Period) -> bool:
    """Whether ``asked`` and ``stated`` name one point in time: the same last day, one of them
    that day ("ngày 11/9/2048") and the other a count up to it ("tính đến 11/9/2048", "tại
    thời điểm 11/9/2048").  What stands at a day (a stock) reads so; a flow's total "tính đến
    11/9" is not its day's (rag.answer.figures.period_match decides which applies)."""
    return asked.end == stated.end and {asked.kind, stated.kind} == {"day", "to_date"}


# a month's end written bare ("giá xăng cuối tháng 10/2071"): a day a price or a stock stands
# at, never January to it (rag.vi.mentions "month_point"; issue 17 break-test bt19-b17
# failure 2)
MONTH_POINT_LABELS = ("cuối tháng",)


def is_point(period: Period) -> bool:
    """Whether ``period`` was written as a point in time: "tại/vào/(tính) đến thời điểm D"
    (rag.vi.mentions labels it :data:`POINT_LABEL`), or a bare "cuối tháng N"
    (:data:`MONTH_POINT_LABELS`; "đầu tháng N" reads as the month), whose figures stand at
    that day."""
    return period.kind == "to_date" and period.label.startswith(
        (POINT_LABEL,) + MONTH_POINT_LABELS)


def base_kind(base: Period, period: Period) -> str:
    """What a compared period ``base`` is to the figure's ``period``: "same_period" when it
    is the same span a year earlier ("tháng 8/2028 so với tháng 8/2027", "năm 2028 so với năm
    2027" -- what a report calls "cùng kỳ"), "previous" when it is the span of the same
    length just before ("tháng 8/2028 so với tháng 7/2028"), "year_start" when it is the
    end of the year before, a span of another length ("tháng 10/2030 so với tháng 12/2029",
    "cuối tháng 10/2030 so với cuối năm 2029" -- what a report calls "so với đầu năm"; break-test
    b17 K2, K3), "" otherwise.  A holiday against the same holiday a year before ("Tết
    Nguyên đán 2029 so với Tết Nguyên đán 2028", whose days move with the lunar calendar) is
    "same_period" too, as tourism reports call it "cùng dịp năm trước" (rag.vi.holidays)."""
    if base.kind == period.kind == HOLIDAY:
        def name(p: Period) -> str:
            return p.label[:-5] if p.label[-4:].isdigit() else p.label
        same = name(base) == name(period) and base.end.year + 1 == period.end.year
        return "same_period" if same else ""
    try:
        if (base.start.replace(year=base.start.year + 1), base.end.year + 1) == \
                (period.start, period.end.year) and \
                abs((base.end.replace(year=base.end.year + 1, day=min(base.end.day, 28))
                     - period.end.replace(day=min(period.end.day, 28))).days) <= 1:
            return "same_period"
    except ValueError:
        return ""
    just_before = base.end + timedelta(days=1) == period.start and base.kind == period.kind
    if base.end == date(period.end.year - 1, 12, 31) and base.kind in ("month", "to_date") \
            and period.kind != "year" and not (just_before and base.kind == "month"):
        return "year_start"  # a balance at the end of the year before is no "previous"
    if just_before:
        return "previous"
    return ""
