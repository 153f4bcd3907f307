"""What names a table's rows from outside the table: the lead-in line right above it, and the
span of the periods its rows are labelled by (for its total row).

A report writes a table's subject in the sentence that leads it ("Số hợp đồng ký kết tại các
hội nghị xúc tiến thương mại qua các năm:") when the table has no caption and its rows only a
period and a value ("Năm 2033 | 19 hợp đồng").  Read as the heading in force, the subject was
the page's title or -- in a DOCX -- the note row of the table before ("Ghi chú: doanh thu bán
hàng là số ước tính ..."), and the rows answered no question naming it (break-test bt16i,
d07 and d09; tests/test_lead_in_tables.py).  A total row ("Tổng", "Cộng", "Tổng cộng") of a
table whose rows are years totals those years: it was read as of the document's year."""

from __future__ import annotations

import re

from rag.vi.calendar import Period, days_period, years_period
from rag.vi.lexicon import is_total_label
from rag.vi.mentions import find_mentions
from rag.vi.numbers import find_values
from rag.vi.sentences import sentences
from rag.vi.text import fold

# a table's line in rag.ingest.tables' form, "ROW — COLUMN: VALUE", or a two-column row
# "LABEL: VALUE" (a cell of one value and its unit, as rag.vi.frames.tables._CELL_VALUE)
_CELL_LINE = re.compile(r"^(?P<key>[^—:\n]{1,80}?)(?: — [^:\n]+)?: (?P<value>[^:()\n]+?)"
                        r"(?: \([^\n]*\))?$")
_VALUE_ONLY = re.compile(r"[-−–+]?\d[\d.,\u00a0\u202f ]*"
                         r"(?:\s*%|\s+[^\d\s()](?:[^\d()]|(?<=[^\W\d_])\d){0,30})?")
# a note under a table or paragraph, folded: "Ghi chú: ...", "Chú thích: ...", "Lưu ý: ...",
# "Nguồn: ..." -- it says how figures were made, names none, and heads nothing
_NOTE_LINE = re.compile(r"^\W*(?:ghi chu|chu thich|luu y|chu y|nguon(?: so lieu)?)\s*:")


def is_note(line: str) -> bool:
    """Whether ``line`` is a note ("Ghi chú: số liệu năm 2035 là số ước tính"): never a
    heading of what follows it (:data:`_NOTE_LINE`)."""
    return _NOTE_LINE.match(fold(line).lower()) is not None


def row_key(line: str) -> str:
    """The row label of a table line holding one value ("Năm 2033" of "Năm 2033: 19 hợp
    đồng" and of "Năm 2033 — Số lượng: 118 doanh nghiệp"), or "" when ``line`` is no such
    row (prose, a list item, a line of several figures)."""
    m = _CELL_LINE.match(line.strip())
    if m is None or not _VALUE_ONLY.fullmatch(m.group("value").strip()) or \
            len(find_values(m.group("value"))) != 1:
        return ""
    return m.group("key").strip()


def lead_in_subject(line: str) -> str:
    """The subject a prose ``line`` ending in ":" gives the table under it -- its last
    sentence, the colon dropped ("Số hợp đồng ký kết tại các hội nghị xúc tiến thương mại
    qua các năm") -- or "" when the line leads nothing or that sentence states a figure of its
    own (then it is the whole the rows are parts of: rag.vi.frames.tables.led_whole)."""
    s = line.rstrip()
    if not s.endswith(":"):
        return ""
    parts = sentences(s)
    last = parts[-1][1] if parts else s
    if find_values(last):
        return ""
    return last.rstrip().rstrip(":").strip()


def key_period(key: str, year: int | None) -> Period | None:
    """The period a row label is, when it is only a period ("Năm 2033", "2034", "Giai đoạn
    2016-2020", "Quý I/2027"; with ``year``, "Tháng 3", "Quý II" of it), else None -- a label
    naming anything else ("Xuất khẩu", "Năm 2023 kim ngạch") is none."""
    own = [x for x in find_mentions(key, year) if not x.comparison]
    if len(own) != 1:
        return None
    rest = (key[:own[0].start] + key[own[0].end:]).strip(" .:-")
    return own[0].period if not re.search(r"[^\W\d_]", fold(rest).replace("nam", "")) else None


def total_spans(lines: list[tuple[int, str]], year: int | None) -> dict[int, Period]:
    """The period of each total row of a table whose rows are labelled by periods: the span
    from the first row's first day to the last row's last day (years_period when the rows are
    years, "giai đoạn 2033–2035"), keyed by the total line's offset.  ``lines``: (offset,
    text) of one block of consecutive lines.  A total row needs two period rows beside it; a
    total under a period column ("2033 — Tổng: 77") has the period as its key and is none."""
    periods: list[Period] = []
    totals: list[int] = []
    for start, line in lines:
        key = row_key(line)
        if not key:
            continue
        if is_total_label(fold(key).lower().strip(" .:()")):
            totals.append(start)
        elif (p := key_period(key, year)) is not None:
            periods.append(p)
    if not totals or len(periods) < 2:
        return {}
    first, last = min(p.start for p in periods), max(p.end for p in periods)
    if all(p.kind in ("year", "years") for p in periods):
        span = years_period(first.year, last.year)
    else:
        span = days_period(first, last)
    return {t: span for t in totals}
