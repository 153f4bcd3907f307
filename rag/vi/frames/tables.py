"""Reading a table row ("|"-separated cells) into figure frames: the first row that names
periods is the header; a unit column gives the unit."""

from __future__ import annotations

import re
import statistics
from dataclasses import replace
from datetime import timedelta

from rag.vi.calendar import (
    POINT_LABEL,
    Period,
    days_period,
    is_point,
    month_end,
    month_period,
    quarter_period,
    week_in_month,
    week_period,
)
from rag.vi.frames.context import YEAR_WEEK, Context, assigned
from rag.vi.frames.frame import Frame
from rag.vi.frames.measures import INDEX_BASE, INDEX_LABEL, bases_of, measure_of
from rag.vi.lexicon import UNIT_STOP
from rag.vi.mentions import find_mentions, own_holiday
from rag.vi.numbers import Value, find_values, is_money, is_unit
from rag.vi.text import fold

# a month column headed as statistics offices abbreviate it: "T4", "T.4", "Th4", "Th 12"
_MONTH_HEAD = re.compile(r"(?:T|Th)\.?\s*(\d{1,2})", re.IGNORECASE)
# a date alone in a cell, its year written out: "31/12/2051", "30/6/2052", "1-7-2052"
_BARE_DATE = re.compile(r"\d{1,2}\s*([/.-])\s*\d{1,2}\s*\1\s*\d{4}")


def header_periods(cell: str, year: int | None) -> list[Period]:
    """The periods a table header cell names, its own (not compared with): those
    rag.vi.mentions reads, or a month written "T4" / "Th.4" alone in the cell -- of ``year``
    (the table's, from its notes, heading or document), none without one.  A holiday
    ("Tết 2053", "Tết Nguyên đán 2054") is its days, not the year its number names
    (rag.vi.mentions.own_holiday), and a bare date alone ("31/12/2051") the point in time
    a count stands at, "thời điểm 31/12/2051" (session 43 brief tablecols2: "Chỉ tiêu | Tết
    2053 | Tết 2054" dated its cells the years, and "Thời điểm | Số sản phẩm OCOP" over
    rows "31/12/2051" named no period; tests/test_table_period_cells.py)."""
    holiday = own_holiday(cell, year)
    if holiday is not None:
        return [holiday.period]
    if _BARE_DATE.fullmatch(cell.strip()):
        cell = f"{POINT_LABEL} {cell.strip()}"
    own = [x.period for x in find_mentions(cell, year) if not x.comparison]
    if own:
        return own
    m = _MONTH_HEAD.fullmatch(cell.strip())
    if m and year is not None and 1 <= int(m.group(1)) <= 12:
        return [month_period(year, int(m.group(1)))]
    return []


# What a row label may hold besides the period it names, and still be only that period: "Cả
# năm 2082 (ước)", "Tính chung 9 tháng 2082", "Lũy kế 6 tháng", "Ước thực hiện năm 2082".
_PERIOD_LABEL_FILLER = re.compile(r"(?:\b(?:ca|tinh chung|luy ke|cong don|uoc thuc hien|"
                                  r"uoc tinh|uoc|so bo|thuc hien|chinh thuc|th|uth)\b|"
                                  r"[\s().,:;*-])*")


def label_period(label: str, year: int | None) -> Period | None:
    """The period a table row's label is wholly made of, or None: "Tháng 1/2082", "Quý I/2082",
    "6 tháng đầu năm 2082", "Cả năm 2082 (ước)", "Quý II" (of ``year``, the table's) -- a row
    of a table whose rows are periods, each row's cells figures of that period, not of the
    caption's ("…NĂM 2082": the January row read as the year, and the rows as parts of the
    year with "no total"; session 44 brief periodrows).  A label naming an indicator as well
    ("Kế hoạch năm 2082", "Xuất khẩu năm 2082"), a place or an item names none."""
    mentions = [x for x in find_mentions(label, year) if not x.comparison]
    if len(mentions) != 1:
        return None
    m = mentions[0]
    rest = fold(f"{label[:m.start]} {label[m.end:]}").lower()
    return m.period if _PERIOD_LABEL_FILLER.fullmatch(rest) else None


def _note_subject(times: str, year: int | None) -> str:
    """The one note of a table line naming what its figures are ("(tổng mức bán lẻ hàng hóa;
    NĂM 2082)": the caption's subject, where PDF and text tables write it), "" when none or
    several: a note naming a period or a comparison is none."""
    notes = [n.strip() for n in times.split(";") if n.strip()]
    subjects = [n for n in notes if not find_mentions(n, year) and
                not _NOTE_COMPARED.search(fold(n).lower()) and re.search(r"[^\W\d_]{2}", n)]
    return subjects[0] if len(subjects) == 1 else ""




def column_week(periods: list[Period], within: Period | None) -> list[Period]:
    """The periods of a table's column header (``periods``, as :func:`header_periods` reads
    them) with its "Tuần N" read as the table's week, not the ISO week N of the year:

    - beside its own days ("Tuần 2 (08-14/3/2090)", at most 7 days) the week is those days,
      labelled "tuần 2 tháng 3/2090" when they lie in the month's week N (days 7N-6 to 7N,
      calendar.week_in_month, or a Monday-Sunday week over them), "tuần N/YYYY" when they
      lie in the ISO week N, else the days alone -- the range wins over the bare number;
    - alone, under a table whose notes, caption or document name a month (``within``) the
      ISO week lies outside of, it is week N of that month ("BẢNG GIÁ ... THÁNG 3/2090" over
      "Tuần 1 | Tuần 2": 1-7/3, 8-14/3).

    A week of the year lying in the table's month ("Tuần 15/2064" under April 2064), a week
    of a month already, or a header of no week or two weeks is left as read.  Break-test bt17p
    bang_gia_t3_2090: "Tuần 2 (08-14/3/2090)" dated its prices 9-15 January, answering "tuần
    2/2090" with March's and refusing "tuần 2 tháng 3/2090"."""
    weeks = [p for p in periods if p.kind == "week"]
    if len(weeks) != 1:
        return periods
    week = weeks[0]
    m = YEAR_WEEK.fullmatch(week.label)
    if m is None:
        return periods
    n, year = int(m.group(1)), int(m.group(2))
    span = next((p for p in periods if p.kind in ("day", "days")), None)
    table_week: Period | None
    if span is not None:
        rest = [p for p in periods if p is not week and p is not span]
        if (span.end - span.start).days > 6:
            return [span, *rest]
        of_month = week_in_month(span.start.year, n, span.start.month) if n <= 5 else None
        iso = week_period(year, n)
        if of_month is not None and span.start <= of_month.end and of_month.start <= span.end:
            table_week = Period("week", span.start, span.end,
                                f"tuần {n} tháng {span.start.month}/{span.start.year}")
        elif iso is not None and span.start <= iso.end and iso.start <= span.end:
            table_week = week_period(year, n, span.start, span.end)
        else:
            table_week = span
        return [table_week or span, *rest]
    if within is None or within.kind != "month" or within.year != year or (
            week.start <= within.end and within.start <= week.end):
        return periods
    table_week = week_in_month(year, n, within.start.month)
    if table_week is None:
        return periods
    return [table_week if p is week else p for p in periods]


# a column of a bulletin's own period or the one before it, named relative to the bulletin:
# "Giá tuần này", "Giá tuần trước (đồng)", "Kỳ này", "Giá kỳ trước", "Tháng trước" (folded)
_RELATIVE_HEAD = re.compile(r"\b(tuan|ky|thang|quy)\s+(nay|truoc)\b")
# ... but a change or a ratio on that period is no price of it: "So với tháng trước (%)",
# "Tăng/giảm so với tuần trước", "Tháng này so với tháng trước"
_NOT_RELATIVE = re.compile(r"\bso\b|\btang\b|\bgiam\b|\+/-|%|\bchenh\b|\bthay doi\b")


def relative_column(head: str, table: Period | None) -> Period | None:
    """The period of a column headed relative to its table's own period ``table`` (the
    caption's, the sheet title's): "… tuần này" / "… kỳ này" is that period, "… tuần trước"
    / "… kỳ trước" the one before it, of the same length -- the week before a week (its
    number less one when it has one), the month before a month, the quarter before a
    quarter.  None when ``head`` names no such column, or a change or a ratio ("So với tháng
    trước (%)": the base, not the column's period), the word's period is not the table's
    ("tháng trước" over a week, "tuần này" over a year) or ``table`` is none: the column then
    reads as before.  Break-test bt17r ban_tin_gia_tuan23_2050: "Giá tuần trước (đồng) | Giá
    tuần này (đồng)" under "TUẦN 23 NĂM 2050 (từ 05/06 đến 11/06/2050)" dated both "năm
    2050", "Giá thịt lợn hơi năm 2050?" answered last week's 62.000."""
    folded = fold(head).lower()
    m = _RELATIVE_HEAD.search(folded)
    if m is None or table is None or _NOT_RELATIVE.search(folded):
        return None
    word, when = m.group(1), m.group(2)
    days = (table.end - table.start).days
    weekly = table.kind == "week" or (table.kind == "days" and days <= 6)
    if word == "tuan" and not weekly or word == "thang" and table.kind != "month" or \
            word == "quy" and table.kind != "quarter" or \
            word == "ky" and not (weekly or table.kind in ("month", "quarter")):
        return None
    if when == "nay":
        return table
    if weekly:
        first, last = table.start - timedelta(days=7), table.end - timedelta(days=7)
        wk = YEAR_WEEK.fullmatch(table.label) if table.kind == "week" else None
        if wk is not None and int(wk.group(1)) > 1:
            return week_period(int(wk.group(2)), int(wk.group(1)) - 1, first, last)
        return days_period(first, last)
    if table.kind == "month":
        year, month = (table.year, table.start.month - 1) if table.start.month > 1 else \
            (table.year - 1, 12)
        return month_period(year, month)
    q = (table.start.month - 1) // 3 + 1
    return quarter_period(table.year, q - 1) if q > 1 else quarter_period(table.year - 1, 4)


def table_row_frames(line: str, base: int, ctx: Context) -> list[Frame]:
    """A table row, cells separated by "|": the first row that names periods is the header;
    each later row's first cell is its indicator and each cell under a period is a figure of
    that period.  A unit column ("Đơn vị tính", "ĐVT"; "Đơn vị" when its cell is a unit,
    not a name: rag.vi.numbers.is_unit) gives the unit.  A change or plan-share column
    naming no period ("Thay đổi (%)", "Tăng/giảm (%)") is of the period of the last column
    before it that names one, a change against the one before that (session 43 brief
    tablecols2: "Giá tháng 8/2052 | Giá tháng 9/2052 | Thay đổi (%)")."""
    cells = [c.strip() for c in line.split("|")]
    offsets, pos = [], 0
    for c in line.split("|"):
        offsets.append(pos + (len(c) - len(c.lstrip())))
        pos += len(c) + 1
    if not ctx.table:
        header = []
        for c in cells:
            periods = column_week(header_periods(c, ctx.year), ctx.heading_period or ctx.lead)
            header.append((c, periods[0] if periods else None))
        if any(p is not None for _, p in header) or any(
                re.search(r"\b(?:don vi|dvt|chi tieu)\b", fold(c)) for c in cells):
            ctx.table = header
            return []
        ctx.table = header
        return []
    header = ctx.table
    unit_col = next((k for k, (c, _) in enumerate(header)
                     if re.search(r"\b(?:don vi|dvt|unit)\b", fold(c)) and
                     (fold(c).strip(" .:") != "don vi" or
                      (k < len(cells) and is_unit(cells[k])))), None)  # "Đơn vị": a district?
    unit = cells[unit_col] if unit_col is not None and unit_col < len(cells) else ""
    indicator = cells[0] if cells else ""
    frames = []
    last: Period | None = None  # the period of the row's last column naming one, the one before
    earlier: Period | None = None
    for k, cell in enumerate(cells[1:], 1):
        if k == unit_col or k >= len(header):
            continue
        head, period = header[k]
        vals = find_values(cell)
        if len(vals) != 1:
            continue
        v = vals[0]
        head_f = fold(head)
        measure, direction, comparison = "level", 0, None
        if _PLAN_SHARE_HEAD.search(head_f):  # "% KH", "so với kế hoạch", "ƯTH 2028/KH 2028"
            measure, comparison = "plan_share", plan_share_comparison(head_f)
        elif re.search(r"\b(?:tang|giam|so voi|so cung ky|thay doi|\+/-)\b", head_f):
            measure, direction = "change", (-1 if v.low < 0 else 1)
        elif re.search(_RATIO_ACTUAL, head_f):  # "ƯTH 2028/TH 2027 (%)": 120,6 = 2027 + 20,6%
            measure, direction = ("index", 0) if 50 < v.low < 300 else \
                ("change", -1 if v.low < 0 else 1)
            comparison = ratio_base(head_f)
        elif INDEX_BASE.search(head) or INDEX_BASE.search(indicator):
            measure = "index"
        elif share_column(head_f, v.percent or "%" in head):
            measure = "share"  # "Tỷ trọng (%)": each row's part of the caption's whole
        elif v.low < 0:
            measure, direction = "change", -1
        target = plan_column(head_f, measure) or plan_row(fold(indicator), measure, v.unit or unit)
        cell_unit = unit
        if measure != "level" and "%" in head:  # a ratio column "(%)": not the row's unit
            cell_unit = "%"
        value_text = v.shown if v.unit or not cell_unit else \
            f"{v.shown}{cell_unit}" if cell_unit == "%" else f"{v.shown} {cell_unit}"
        from_row = period is None and measure in ("change", "plan_share") and last is not None
        if from_row and last is not None:  # "Giá tháng 8 | Giá tháng 9 | Thay đổi (%)"
            if comparison is None and measure == "change" and earlier is not None \
                    and earlier.end < last.start:
                comparison = earlier.label  # September's, on August
            period = last
        elif header[k][1] is not None:
            earlier, last = last, header[k][1]
        if period is None:
            period = ctx.heading_period or ctx.lead
        frames.append(Frame(
            start=base + offsets[k] + v.start, end=base + offsets[k] + v.end,
            quote=(base, base + len(line)), value=value_text, low=v.low, high=v.high,
            unit=v.unit or cell_unit, kind="percent" if cell_unit == "%" and not v.unit else v.kind,
            measure=measure, indicator=indicator,
            context=ctx.heading, basis=bases_of(fold(f"{ctx.heading} {indicator} {head}")),
            period=period,
            period_from="own" if header[k][1] is not None else "row" if from_row else "heading",
            comparison=comparison,
            estimate=bool(_ESTIMATE_HEAD.match(head_f)), target=target, direction=direction))
    return frames


# The one-figure lines rag.ingest.tables writes for every table of every format:
# "HEAD — [PARENT › ]LABEL: VALUE[ (NOTES)]", NOTES being the caption's time phrase and
# measure and where the row is ("NĂM 2021; Tốc độ tăng/giảm so với tháng trước (%); trang
# tính «CPI 2021», dòng 5").  Read as a table cell, not as a sentence: the column's header
# says the period and the measure, the row's label the indicator, its parent the total it
# is a part of, and the numbers of the notes (a row, a page) are no figures.
_TABLE_LINE = re.compile(r"(?m)^(?P<head>[^—\n]+?) — (?P<label>[^\n]+?): (?P<value>[^:()\n]+?)"
                         r"(?: \((?P<notes>[^\n]*)\))?$")
# a cell's value and its unit; a unit may end in a digit after a letter ("nghìn m3", "km2",
# "m2/người"): read as no cell, such a row fell to the sentence reader, which took the
# heading's "chỉ tiêu" for a plan and the sheet's number for a figure (bt8-b16)
_CELL_VALUE = re.compile(r"[-−–+]?\d[\d.,\u00a0\u202f ]*"
                         r"(?:[-–—]\s*\d[\d.,\u00a0\u202f ]*)?"  # a range: "55.000 - 57.000"
                         r"(?:\s*%|\s+[^\d\s()](?:[^\d()]|(?<=[^\W\d_])\d){0,30})?")
# a ratio column written as a fraction, "ƯTH 2028/KH 2028", "TH/KH": its denominator is the
# base -- a plan (a plan share) or an earlier actual ("/TH 2027", "/cùng kỳ": an index or a
# change against that period); the sub-header "Cùng kỳ" under "So sánh (%)" the same, and
# "% CK" -- "% KH"'s neighbour in plan tables (bt18-b17 failure 3) -- too, and "CKNT", "cùng kỳ
# năm trước" (rag.vi.lexicon.COLUMN_BASES; session 46, abbrevcols)
_RATIO_PLAN = r"/\s*(?:kh|ke hoach|du toan|chi tieu)\b"
_RATIO_ACTUAL = (r"/\s*(?:u?th|uoc th|uoc thuc hien|thuc hien|nam|cung ky|ck|cknt)\b|"
                 r"^\s*%\s*(?:cung ky|ck|cknt)\b|"  # "% CK": per cent of the same period
                 r"\b\d{4}\s*/\s*\d{4}\b|"  # "2028/2027", not a month "12/2021"
                 r"\bso sanh\b[^/]*\b(?:cung ky|ck|cknt)\b")
# ("DT" is "dự toán" only before whose it is: "% DT TW"; "% DT" alone may be "doanh thu")
_PLAN_SHARE_HEAD = re.compile(r"(?:\bso (?:voi )?|%\s*)(?:kh|ke hoach|du toan|"
                              r"dt(?=\s+(?:tw|trung uong|hdnd|ubnd|tinh)\b))\b|"
                              r"\bdat\s*%|" + _RATIO_PLAN)
# a plan-share column naming whose plan (folded): "% DT TW", "% DT HĐND", "% dự toán tỉnh
# giao", "So KH HĐND" -- budget tables set the share of the centre's plan beside the
# province's council's (dev2 e09 "% DT TW | % DT HĐND"; the sentences of the reports say
# "bằng 88,2% dự toán Trung ương giao và 81,6% dự toán HĐND tỉnh giao", bt docs, dev3)
_PLAN_HEAD_OWNER = re.compile(r"\b(kh|ke hoach|du toan|dt)\s+(?:nam\s+(?:\d{4}\s+)?)?"
                              r"(?:(?:duoc|do)\s+)?((?:hdnd|ubnd)(?:\s+tinh)?|tw|trung uong|"
                              r"tinh|chinh phu)\b")
_HEAD_OWNERS = {"tw": "Trung ương", "trung uong": "Trung ương", "tinh": "tỉnh",
                "chinh phu": "Chính phủ", "hdnd": "HĐND tỉnh", "hdnd tinh": "HĐND tỉnh",
                "ubnd": "UBND tỉnh", "ubnd tinh": "UBND tỉnh"}


def plan_share_comparison(head_f: str) -> str:
    """The plan a plan-share column (folded header ``head_f``, :data:`_PLAN_SHARE_HEAD`) is a
    share of, as a frame's ``comparison``: "dự toán Trung ương giao" for "% DT TW", "kế
    hoạch HĐND tỉnh giao" for "% KH HĐND tỉnh", else "kế hoạch" (whose plan unsaid) -- the
    words rag.vi.frames.sentence.asked_plan_owner reads a question's giver from, so a share
    of the centre's plan never answers one asked of the council's."""
    m = _PLAN_HEAD_OWNER.search(head_f.lower())
    if not m:
        return "kế hoạch"
    plan = "dự toán" if m.group(1) in ("du toan", "dt") else "kế hoạch"
    return f"{plan} {_HEAD_OWNERS[' '.join(m.group(2).split())]} giao"
# "So cùng kỳ (%)", "TH 2021 so TH 2020 (%)", "Năm 2023 so năm 2022": a ratio of two periods
_CHANGE_HEAD = re.compile(r"\b(?:tang|giam|so voi|so cung ky|so ck|so cknt|toc do|thay doi|\+/-)\b|"
                          r"\bso (?:th|thuc hien|uoc th|nam|quy|thang|ky|\d{4})\b|" + _RATIO_ACTUAL)
# the base of a ratio column as a fraction ("ƯTH 2028/TH 2027": the year 2027, "/cùng kỳ")
_RATIO_BASE = re.compile(r"/\s*(?:u?th|uoc th|uoc thuc hien|thuc hien|nam)\s*(\d{4})\b|"
                         r"\b\d{4}\s*/\s*(\d{4})\b|\b(?:cung ky|ck|cknt)\b")
# a table of parts of a whole: "Cơ cấu kinh tế (%)", "Tỷ trọng các ngành trong GRDP"
_SHARE_CAPTION = re.compile(r"\b(?:co cau|ty trong)\b")


def share_column(head_f: str, percent: bool) -> bool:
    """Whether a cell under the folded column header ``head_f`` is a row's share of the
    table's whole: the header names a share ("Tỷ trọng (%)", "Cơ cấu (%)") and no change or
    plan (those columns are read first), and the cell is a percentage (``percent``: the
    value or its header says "%").  A share column beside an amount column ("Kim ngạch
    (triệu USD) | Tỷ trọng (%)" by border gate, "Sản lượng (triệu kWh) | Tỷ trọng (%)" by
    consumer group) was read as a level of the row, so a share question found no share
    (dev2 e06, e07; dev report dv34: a share of vehicles by gate)."""
    return percent and bool(_SHARE_CAPTION.search(head_f))


# an estimate's column: "Ước thực hiện 2028", "Ước TH", "ƯTH 2028" (folded "uth")
_ESTIMATE_HEAD = re.compile(r"(?:uoc|uth)\b")
_TARGET_HEAD = re.compile(r"\b(?:ke hoach|kh|muc tieu|chi tieu|du toan)\b")


def plan_column(head_f: str, measure: str) -> bool:
    """Whether a cell under the folded column header ``head_f`` is a target: the header
    names a plan ("Kế hoạch 2088", "KH năm 2028", "Mục tiêu", "Dự toán") and not the
    actual ("Thực hiện", "Ước TH so với KH"), and the cell is no ratio to that plan
    (``measure`` "plan_share": "% so KH", "TH/KH").  Every other measure -- a level, a
    growth rate or change ("Tốc độ tăng trưởng GRDP: 7,5%"), a share, an index -- takes the
    flag from its column alike: a plan column's percentages are targets as its money is
    (break-test bt9-b16 failure 4; tests/test_plan_column_measures.py)."""
    return bool(_TARGET_HEAD.search(head_f)) and measure != "plan_share" \
        and not re.search(r"\bthuc hien\b", head_f)
# a row label that opens with a plan word: "Kế hoạch vốn", "KH vốn đầu tư công", "Mục tiêu
# sản lượng", "Dự toán thu ngân sách" (a plan's own figure under period columns)
_PLAN_ROW = re.compile(r"^\W*(?:ke hoach|kh|muc tieu|du toan)\b")


def plan_row(label_f: str, measure: str, unit: str) -> bool:
    """Whether a cell of the row whose folded label (``label_f``, its parents with it:
    "Kế hoạch vốn › Ngân sách trung ương") opens with a plan word (:data:`_PLAN_ROW`) is a
    target: a table of years by rows and "Năm | Kế hoạch vốn (tỷ đồng) | Giải ngân (tỷ
    đồng)" by columns is stored with the year as the column and "Kế hoạch vốn" as the row
    (rag.ingest.tables), so :func:`plan_column` never sees the plan word (issue 17 break-test
    planrows: "Kế hoạch vốn đầu tư công năm 2049?" refused; tests/test_plan_actual.py).  Not
    a ratio to the plan (``measure`` "plan_share"), not a row that names the actual too
    ("Kế hoạch và thực hiện"), not plans counted (``unit`` "kế hoạch": "Kế hoạch ứng phó sự
    cố được phê duyệt: 14 kế hoạch")."""
    return bool(_PLAN_ROW.match(label_f.lower())) and measure != "plan_share" \
        and not re.search(r"\b(?:thuc hien|th)\b", label_f.lower()) \
        and not _TARGET_HEAD.search(fold(unit).lower())


# a change column on the month before ("Tăng, giảm so với tháng trước (%)", "So tháng trước",
# "+/- so với T trước"): beside a price at a month's end, that month's change
_MONTH_BEFORE_HEAD = re.compile(r"\bso\s+(?:voi\s+)?(?:thang|t)\s+(?:truoc|lien truoc)\b")
# a column of the same period a year before, after the row's own ("Thực hiện năm 2033 | Cùng
# kỳ năm 2032 | So với cùng kỳ (%)", "9 tháng 2023 | CK năm trước (9 tháng 2022) | So sánh
# (%)"): the base of the ratio beside it, not the period that ratio is of -- the row keeps the
# period of the column before it (rag.ingest.tables.same_period_columns writes its year)
_SAME_PERIOD_BASE_HEAD = re.compile(r"\s*(?:cung ky|ck|cknt)\b")
# a row label naming the base its cells are compared with: "CPI so với cùng kỳ năm trước"
_LABEL_COMPARED = re.compile(r"\bso (?:voi|cung ky\b)\s*(.*?)\s*(?:\(%\)|%)?\s*$")
# (the "so" of "So sánh", "So sánh với cùng kỳ (%)", is no base: "sánh" was said "so với
# sánh"; the base is what follows "so sánh (với)", none for a bare "So sánh (%)" or
# "So sánh tăng, giảm (%)")
_COMPARED = re.compile(r"\bso (?:sanh\s+)?(?:voi\s+)?(?!sanh\b|tang\b|giam\b)([^\W_].*?)"
                       r"\s*(?:\(%\)|%)?\s*$")
# ... and the notes after a change column's figure naming its base: "so với năm 2006", "so
# với cùng kỳ", one note of several -- not a caption's measure starting with "Số" ("(Số thu;
# năm 2007 so với năm 2006)" folds to "so thu; …", which :data:`_COMPARED` took for a base
# "thu; năm 2007 so với năm 2006": break-test bt16f of issue 16, item 4)
_NOTE_COMPARED = re.compile(r"\bso (?=voi\b|cung ky\b)(?:voi )?([^;]+?)\s*(?:\(%\)|%)?\s*(?:;|$)")
_ROW_REF = re.compile(r"(?:trang tính|trang|dòng|page|sheet)\b", re.IGNORECASE)
# A row counting things ("Số hộ được hỗ trợ tiền thuê nhà, trọ | hộ", "Số dự án đầu tư mới
# được cấp phép | dự án") and the money rows right under it whose label is an amount's head
# alone, or with a verb or two ("Kinh phí hỗ trợ | triệu đồng", "Tổng vốn | tỷ đồng", "Vốn
# đăng ký"): those rows give the money of the things counted above, and take what the count
# row counts as their subject (``Frame.parent``, no part) -- "kinh phí hỗ trợ tiền thuê nhà"
# names the row "Kinh phí hỗ trợ", not its sibling "Số hộ ..." (break-test bt8-b16 failure 3;
# tests/test_money_asked_rows.py)
_COUNT_ROW = re.compile(r"(?:tong )?so (?!lieu\b|tien\b|von\b|thu\b|chi\b)(?=\w)")
_MONEY_ROW = re.compile(r"(?:tong )?(?:kinh phi|von|muc dau tu|so tien|gia tri|chi phi)\b")
_MONEY_ROW_WORDS = 5  # at most: "Tổng vốn đầu tư đăng ký"


def _row_subject(ctx: Context, label: str, indicator: str, parent: str, unit: str,
                 kind: str, new_row: bool) -> str:
    """The subject a money row takes from the count row above it (:data:`_COUNT_ROW`,
    :data:`_MONEY_ROW`), "" for any other row; on a new row, what it counts is kept in
    ``ctx.row_counted`` for the rows under it (a count row), carried (a money row) or
    dropped (any other)."""
    folded = fold(indicator).lower().strip()
    if parent or " › " in label:
        if new_row:
            ctx.row_counted = ""
        return ""
    if kind == "count" and _COUNT_ROW.match(folded):
        if new_row:
            ctx.row_counted = row_counted(indicator)
        return ""
    if is_money(unit) and _MONEY_ROW.match(folded) and \
            len(folded.split()) <= _MONEY_ROW_WORDS:
        return ctx.row_counted
    if new_row:
        ctx.row_counted = ""
    return ""


def row_counted(indicator: str) -> str:
    """What a count row counts, as its label writes it: "hộ được hỗ trợ tiền thuê nhà, trọ"
    of "Số hộ được hỗ trợ tiền thuê nhà, trọ" (and of "Tổng số ..."; :data:`_COUNT_ROW`), ""
    for a label of another form.  The money rows right under a count row take it as their
    subject (``Frame.parent`` with ``part`` false; :func:`_row_subject`)."""
    folded = fold(indicator).lower().strip()
    if not _COUNT_ROW.match(folded):
        return ""
    return indicator.split(None, 2 if folded.startswith("tong ") else 1)[-1]


def ratio_base(head_f: str) -> str | None:
    """The base a ratio column's folded header written as a fraction names, as a comparison:
    "năm 2027" for "ƯTH 2028/TH 2027 (%)" (the actual of that year), "cùng kỳ" for a
    sub-header "Cùng kỳ" under "So sánh (%)" or "/CK"; None for a header of another form
    (its base is read by :data:`_COMPARED`)."""
    if not re.search(_RATIO_ACTUAL, head_f):
        return None
    m = _RATIO_BASE.search(head_f)
    if m is None:
        return None
    year = m.group(1) or m.group(2)
    return f"năm {year}" if year else "cùng kỳ"


def table_line_head(line: str) -> str:
    """The column's header of a table line in rag.ingest.tables' form ("Số siêu thị" of
    "Số siêu thị — Thành phố Cao Bằng: 4 (dòng 5)"): what its figure counts or measures;
    "" for any other line."""
    m = _TABLE_LINE.match(line)
    return m.group("head").strip() if m else ""


def table_line_frames(line: str, base: int, ctx: Context) -> list[Frame] | None:
    """The figure of one table line in rag.ingest.tables' form ("Quý IV — Kim ngạch XNK mở
    tờ khai › Xuất khẩu: 396,2 triệu USD (NĂM 2025; trang tính «Quý 2025», dòng 8)"), or
    None when ``line`` is not one (it is then read as a sentence).  The period is the
    header's own ("Quý IV", with the notes' or the document's year), else -- for a ratio
    column ("So cùng kỳ (%)", "So dự toán (%)") -- that of the column before it in the same
    row, else the notes', the heading's or the document's.  The measure comes from the
    header (a plan share, a change, an index with "=100") and the value's sign; the target
    flag from a plan column ("Kế hoạch 2022", "Dự toán"); ``parent`` is the row's parent and
    ``part`` says it has one.  ``base``: the line's offset in the document's text."""
    m = _TABLE_LINE.match(line)
    if m is None:
        return None
    cell, cell_at = m.group("value"), m.start("value")
    said = worded_change(cell, m.group("head"))
    if said is not None:  # "Tăng/giảm — Thịt lợn hơi: giảm 4.000": the number after the word
        cell, cell_at = cell[said.end():], cell_at + said.end()
    if not _CELL_VALUE.fullmatch(cell.strip()):
        return None
    vals = find_values(cell)
    if len(vals) != 1:
        return None
    v = written_unit(cell, vals[0])
    head, label, notes = m.group("head").strip(), m.group("label").strip(), m.group("notes") or ""
    parent, _, indicator = label.rpartition(" › ")
    times = "; ".join(n for n in notes.split(";") if not _ROW_REF.search(n))
    holiday = own_holiday(times, ctx.year)  # "(dịp Tết Nguyên đán Canh Tý 2020)": its days
    note_periods = [holiday.period] if holiday is not None else \
        [x.period for x in find_mentions(times, ctx.year) if not x.comparison]
    year = note_periods[0].year if note_periods else ctx.year
    own = column_week(header_periods(head, year), note_periods[0] if note_periods else
                      ctx.heading_period or ctx.lead)
    relative = None if own else relative_column(
        head, note_periods[0] if note_periods else ctx.heading_period or ctx.lead)
    if relative is not None:  # "Giá tuần trước | Giá tuần này" under a week's title
        own = [relative]
    new_row = label != ctx.table_row
    if new_row:
        ctx.table_row, ctx.row_period = label, None
    inherited = _row_subject(ctx, label, indicator, parent, v.unit, v.kind, new_row)
    head_f, notes_f = fold(head), fold(times)
    period: Period | None
    if own:
        period, source = own[0], "own"
        if ctx.row_period is None or not _SAME_PERIOD_BASE_HEAD.match(head_f):
            ctx.row_period = period
    elif ctx.row_period is not None and (_PLAN_SHARE_HEAD.search(head_f) or
                                         _CHANGE_HEAD.search(head_f) or "%" in head):
        period, source = ctx.row_period, "row"
        if is_point(period) and period.end == month_end(period.end.year, period.end.month) \
                and _MONTH_BEFORE_HEAD.search(head_f):
            # "Cuối tháng 10/2071 | Tăng, giảm so với tháng trước (%)": the price's change over
            # October, the month it closes (bt19-b17 failure 2)
            period = month_period(period.end.year, period.end.month)
    elif (labelled := label_period(indicator, year)) is not None:
        period, source = labelled, "own"  # a row "Tháng 1/2082" under "…NĂM 2082"
        subject = _note_subject(times, year)
        if subject and not parent:  # PDF, text: the caption's subject in the notes
            indicator = subject
    elif note_periods:
        period, source = note_periods[0], "heading"
    elif ctx.heading_period is not None:
        period, source = ctx.heading_period, "heading"
    else:
        period, source = ctx.lead, ("document" if ctx.lead is not None else "")
    measure, direction, comparison = "level", 0, None
    compared = _COMPARED.search(head_f) or _NOTE_COMPARED.search(notes_f)
    if _PLAN_SHARE_HEAD.search(head_f):
        measure, comparison = "plan_share", plan_share_comparison(head_f)
    elif _CHANGE_HEAD.search(head_f) or _CHANGE_HEAD.search(notes_f):
        measure, direction = "change", (-1 if v.low < 0 else 1)
        if ctx.index_columns.get(head):
            measure, direction = "index", 0  # "So cùng kỳ (%)": 104,06 = the year before + 4,06%
    elif _LABEL_COMPARED.search(fold(label)) and (v.percent or v.unit in ("", "%")):
        # a row "CPI so với cùng kỳ năm trước" under columns of periods: each cell a change on
        # that base (an index when it reads as one: 103,34)
        measure, direction = "change", (-1 if v.low < 0 else 1)
        if 50 < v.low < 300:
            measure, direction = "index", 0
    elif INDEX_BASE.search(head) or INDEX_BASE.search(label) or INDEX_BASE.search(times) \
            or (INDEX_LABEL.match(fold(indicator)) and 50 < v.low < 300 and v.unit in ("", "%")):
        measure = "index"  # "Chỉ số sản xuất công nghiệp: 108,71%": the year before = 100
    elif share_column(head_f, v.percent or (not v.unit and "%" in head)):
        measure = "share"  # "Kim ngạch (triệu USD) | Tỷ trọng (%)": the row's part of the whole
    elif _SHARE_CAPTION.search(fold(ctx.heading)) and (
            v.percent or (not v.unit and "%" in ctx.heading)):
        measure = "share"  # "Bảng 2. Cơ cấu kinh tế năm 2020 và năm 2025 (%)": each row's part
    else:  # the label says it: "Tốc độ tăng trưởng GRDP (%)", "Tỷ trọng công nghiệp"
        measure, direction = measure_of(v, label, fold(label), "", indicator, f"{label} {times}")
    label_compared = _LABEL_COMPARED.search(fold(label))
    if label_compared and not compared and measure in ("change", "index"):
        comparison = label[label_compared.start(1):label_compared.end(1)].strip() or None
    if compared and measure in ("change", "index"):
        text, compare = (head, _COMPARED) if _COMPARED.search(head_f) else (times, _NOTE_COMPARED)
        at = compare.search(fold(text))
        comparison = text[at.start(1):at.end(1)].strip() if at else None
    if measure in ("change", "index"):
        comparison = ratio_base(head_f) or comparison
    target = plan_column(head_f, measure) or plan_row(fold(label), measure, v.unit) \
        or assigned(ctx, period, measure)
    if said is not None:
        measure, direction = "change", (-1 if fold(said.group(1)).lower() == "giam" else 1)
    start = base + cell_at + v.start
    whole = None if parent or inherited or measure != "level" or target else \
        led_whole(ctx.led, head, v.unit, v.low, period)
    if whole is not None:  # "Phân bón" under "Kim ngạch nhập khẩu ... 1.264 triệu USD"
        parent = whole.indicator
    return [Frame(
        start=base + m.start("value") if said is not None else start, end=base + cell_at + v.end,
        quote=(base, base + len(line)),
        value=f"{said.group(1).lower()} {v.shown}" if said is not None else v.shown,
        low=v.low, high=v.high, unit=v.unit, kind=v.kind, measure=measure,
        indicator=indicator, parent=parent or inherited, context=ctx.heading,
        basis=bases_of(fold(f"{ctx.heading} {parent} {indicator} {head}")), period=period,
        period_from=source, comparison=comparison, estimate=bool(_ESTIMATE_HEAD.match(head_f)),
        target=target, part=bool(parent), direction=direction)]


# a change column's cell writing its direction before the number ("giảm 4.000", "tăng 10.000"
# under "Tăng/giảm", "So với tháng trước"), as a sentence does ("giảm 2.000 đồng/kg")
_WORDED_CHANGE = re.compile(r"\s*(tăng|giảm)\s+(?=[+]?\d)", re.IGNORECASE)


def worded_change(cell: str, head: str) -> re.Match[str] | None:
    """The direction word opening a table cell (``cell``) under a change column (``head``
    read by :data:`_CHANGE_HEAD`: "Tăng/giảm", "So với tháng trước"), "giảm 4.000" -- its
    group 1 "tăng" or "giảm"; None for any other cell or column.  The number after it is the
    change's size, the word its direction, as in a sentence (break-test bt17l: a price
    bulletin's "Tăng/giảm" column, read as no figure, left "giảm bao nhiêu?" unanswered)."""
    if not _CHANGE_HEAD.search(fold(head).lower()):
        return None
    return _WORDED_CHANGE.match(cell)


_UNIT_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def written_unit(cell: str, v: Value) -> Value:
    """``v`` (the one figure of a table line's value ``cell``) with the words written after
    its number as its unit when the unit lexicon reads none there: the row's unit cell, which
    rag.ingest.tables joins to the value ("1.087 đầu xe", "12 đầu máy", "46 gian hàng") --
    the document states it, so the answer says it, known to the lexicon or not (break-test
    bt16c: "Số đầu xe khách | đầu xe | 1.087" answered "1.087" bare) -- and the whole of
    it when the lexicon reads only its first words: a unit cell names what is counted as the
    table writes it ("quầy thuốc", "điểm bán", "kho lạnh", "xe đông lạnh"), cut to "quầy",
    "điểm" the answer counted another thing (break-test bt16e item 6)."""
    rest = cell[v.end:].rstrip()
    words = rest.split()
    if v.percent or not words or not words[0][:1].isalpha() or len(words) > 4:
        return v
    if v.unit and not (v.written_unit is None and cell[v.start:v.end].endswith(v.unit)
                       and len(v.unit.split()) + len(words) <= 4
                       and all(_UNIT_WORD.fullmatch(w) and w.lower() not in UNIT_STOP
                               for w in words)):
        return v  # a unit the cell writes another way ("tr.USD"), or words that end it
    end = v.end + len(rest)
    unit = f"{v.unit} {' '.join(words)}".strip()
    return replace(v, end=end, text=cell[v.start:end], unit=unit)


# what a column header may say besides its period without naming an indicator: the
# figure's standing ("Ước thực hiện", "Thực hiện", "Sơ bộ", "Lũy kế", "Giá trị"), folded
_STANDING_HEAD = re.compile(r"(?:\b(?:uoc|uth|uoc tinh|thuc hien|th|so bo|chinh thuc|luy ke|"
                            r"cong don|gia tri|so lieu|dat|nam|thang|quy|ca|dau)\b|[\s(),.:/-])*")


def led_whole(led: list[Frame], head: str, unit: str, value: float,
              period: Period | None) -> Frame | None:
    """The whole a table row's cell is a part of when the table names no indicator: the one
    level the paragraph right before the table (``led``: its frames) states in the cell's
    ``unit`` and ``period`` -- "Kim ngạch nhập khẩu 10 tháng năm 2092 ... ước đạt 1.264 triệu
    USD" over "Mặt hàng | 10 tháng 2092 (triệu USD)" with "Phân bón | 96,5": the rows are
    that import total's parts ("trong đó"), of its indicator and trade.  None when the
    column's ``head`` names more than a period and the figure's standing (an indicator of
    its own: "Kim ngạch xuất khẩu 10 tháng"), when the paragraph states no such level or
    levels of two indicators in that unit and period, or when the cell's ``value`` exceeds
    the whole (no part).  Rows of a table whose caption names its indicator are headed by it
    (rag.vi.frames.context.enter_heading) and keep reading as before (bt17-b16 failure 4)."""
    if period is None or not unit:
        return None
    rest = head
    for x in reversed(find_mentions(head, period.year)):
        rest = rest[:x.start] + " " + rest[x.end:]
    if not _STANDING_HEAD.fullmatch(fold(rest).lower()):
        return None
    folded = fold(unit).lower()
    wholes = [f for f in led if f.measure == "level" and not f.target and f.indicator
              and fold(f.unit).lower() == folded and f.period is not None
              and (f.period.start, f.period.end) == (period.start, period.end)]
    if len({fold(f.indicator).lower() for f in wholes}) != 1 or value > wholes[-1].low:
        return None
    return wholes[-1]


def index_columns(text: str) -> dict[str, bool]:
    """For each ratio column of the table lines of ``text`` (a header "So cùng kỳ (%)", "Năm
    2018 so với năm 2017 (%)" that does not say "tăng", "giảm" or "tốc độ"): whether it holds
    indexes (the compared period = 100: "104,06" is a rise of 4,06%) rather than changes
    ("-2,4", "6,1").  Offices write both under the same words; a column holds indexes when
    none of its values is negative and their median is at least 50 (dev reports: the
    quarterly and yearbook tables hold indexes, 48,1 to 121,1; an industry report's "So cùng
    kỳ (%)" changes, -5,6 to 9,7)."""
    values: dict[str, list[float]] = {}
    for m in _TABLE_LINE.finditer(text if text.endswith("\n") else text + "\n"):
        head = m.group("head").strip()
        head_f = fold(head)
        if not _CHANGE_HEAD.search(head_f) or re.search(r"\b(?:tang|giam|toc do)\b", head_f):
            continue
        vals = find_values(m.group("value"))
        if len(vals) == 1:
            values.setdefault(head, []).append(vals[0].low)
    return {h: min(vs) >= 0 and statistics.median(vs) >= 50 for h, vs in values.items()}


# a table's unit note on a line of its own under its caption: "Đơn vị tính: Tỷ đồng", "ĐVT:
# triệu USD", "(Đơn vị: nghìn tấn)" -- as rag.ingest.tables writes a sheet's or a page's
# (its _UNIT_ROW_RE reads the same line in the cells; rag.vi sits below rag.ingest, so the
# frames read the written line themselves, folded: a note typed without diacritics too)
_UNIT_NOTE_LINE = re.compile(r"\(?\s*(?:don vi tinh|don vi|dvt)\s*[:.]\s*[^():]+?\s*\)?\s*")


def unit_note_line(line: str) -> bool:
    """Whether ``line`` is only a table's unit note ("Đơn vị tính: Tỷ đồng", "(ĐVT: triệu
    USD)"): it heads nothing of its own, and the caption over it ("Giá trị sản xuất công
    nghiệp theo giá hiện hành phân theo ngành kinh tế") stays the heading of the table's
    rows, with the note appended (rag.vi.frames.document).  Read as a heading of its own it
    hid the caption, so the rows lost its price basis and "giá trị sản xuất công nghiệp
    theo giá hiện hành năm 2093" was refused (session 49 break-test bt20a, items 68-69;
    tests/test_table_rows_asked.py)."""
    return _UNIT_NOTE_LINE.fullmatch(fold(line).lower().strip()) is not None
