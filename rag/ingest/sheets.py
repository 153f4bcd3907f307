"""Statistical tables in .xlsx (read with openpyxl) and .csv files: indicators down the side,
periods across the top, the form statistics offices publish.  Each sheet becomes its name,
its title rows, then one line per figure (``rag.ingest.tables``), cited by sheet and row:
"Kim ngạch xuất khẩu — Quý II: 1.216,8 triệu USD (năm 2025; trang tính «Quý 2025», dòng 7)";
a CSV row by its line ("dòng 3").  Numbers are written as a Vietnamese reader sees them in Excel
(the cell's number format's decimals, "." between thousands, "," before decimals)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable
from typing import Any

from rag.errors import IngestError
from rag.ingest.ooxml import check_archive
from rag.ingest.tables import table_lines, table_title

MAX_CELLS = 200_000
_DECIMALS_RE = re.compile(r"\.(0+)")


def vn_number(value: float, number_format: str | None = None) -> str:
    """A number as Excel shows it in a Vietnamese locale: 10482.3 with "#,##0.0" ->
    "10.482,3"; decimals from the format ("General": as many as the value has)."""
    if number_format and number_format != "General":
        m = _DECIMALS_RE.search(number_format.split(";")[0])
        decimals = len(m.group(1)) if m else 0
        percent = "%" in number_format
    else:
        r = repr(float(value))
        decimals = 0 if r.endswith(".0") or "e" in r else len(r.split(".")[1])
        percent = False
    if percent:
        value *= 100
    text = f"{abs(value):,.{decimals}f}".replace(",", "\x00").replace(".", ",")
    text = text.replace("\x00", ".")
    return ("-" if value < 0 and text.strip("0,.") else "") + text + ("%" if percent else "")


def _cell(value: Any, number_format: str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return vn_number(value, number_format)
    if isinstance(value, dt.datetime | dt.date):
        return f"{value.day:02d}/{value.month:02d}/{value.year}"
    return str(value)


def _row_source(sheet: str, numbers: list[int]) -> Callable[[int], str]:
    """Where row ``i`` of a sheet's rows is: "trang tính «CPI 2021», dòng 7"."""
    return lambda i: f"trang tính «{sheet}», dòng {numbers[i]}"


def name_title(name: str) -> str:
    """A title made from a file's name: "xnk_thang-1_2023.csv" -> "xnk thang-1 2023"."""
    stem = name.rsplit("/", 1)[-1]
    stem = stem.rsplit(".", 1)[0] if "." in stem else stem
    return " ".join(stem.replace("_", " ").split()) or name


def xlsx_text(name: str, data: bytes) -> tuple[str, str]:
    """(text, title) of a workbook: every sheet, in order; the title is the first sheet's
    first title row, or the file's name when it has none (never a figure line: every row
    stays in the text).  IngestError when it is not a readable .xlsx."""
    check_archive(name, data, "XLSX")
    import openpyxl

    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a corrupt workbook
        raise IngestError(f"{name}: not a readable XLSX ({exc.__class__.__name__})") from exc
    blocks: list[str] = []
    title: str | None = None
    cells = 0
    try:
        for ws in wb.worksheets:
            rows: list[list[str]] = []
            numbers: list[int] = []  # each row's number in the sheet
            for row in ws.iter_rows():
                cells += len(row)
                if cells > MAX_CELLS:
                    raise IngestError(f"{name}: more than {MAX_CELLS} cells")
                rows.append([_cell(c.value, getattr(c, "number_format", None)) for c in row])
                numbers.append(next((c.row for c in row if getattr(c, "row", None)),
                                    len(numbers) + 1))
            lines = table_lines(rows, source=_row_source(ws.title, numbers))
            if lines:
                blocks.append("\n".join([f"Trang tính: {ws.title}", *lines]))
                title = title or table_title(rows)
    finally:
        wb.close()
    return "\n\n".join(blocks), title or name_title(name)


def csv_text(name: str, raw: str) -> tuple[str, str]:
    """(text, title) of a CSV table (delimiter sniffed: "," ";" tab or "|"): every row in the
    text; the title is the table's title row, or the file's name when it has none (never a
    figure line)."""
    sample = raw[:8192]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    try:
        rows = list(csv.reader(io.StringIO(raw), dialect))
    except csv.Error as exc:
        raise IngestError(f"{name}: not a readable CSV ({exc})") from exc
    if sum(len(r) for r in rows) > MAX_CELLS:
        raise IngestError(f"{name}: more than {MAX_CELLS} cells")
    text = "\n".join(table_lines(rows, source=lambda i: f"dòng {i + 1}"))
    return text, table_title(rows) or name_title(name)
