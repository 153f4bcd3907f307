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
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from rag.errors import IngestError
from rag.ingest.legacy import converter
from rag.ingest.ooxml import check_archive
from rag.ingest.tables import carry_header, has_data, is_figure, is_year, table_lines, table_title
from rag.vi.frames.document import SHEET_LINE
from rag.vi.text import strip_invisible, unify_dashes

MAX_CELLS = 200_000
# What a number format holds besides its digit placeholders: quoted text, an escaped
# character, a bracket ("[Red]", "[$-42A]", "[$₫-42A]"), padding ("_)") and fill ("*-").
_LITERAL_RE = re.compile(r'"([^"]*)"|\\(.)|\[([^\]]*)\]|_.|\*.')


def _format_parts(number_format: str) -> tuple[str, str]:
    """(code, literal) of a number format's first (positive) section: the code without its
    quoted text, escapes and brackets, and the text it writes beside the number ("triệu
    USD" from '#,##0.0 "triệu USD"', "₫" from "[$₫-42A]#,##0")."""
    section = number_format.split(";")[0]
    literal: list[str] = []

    def keep(m: re.Match[str]) -> str:
        text = m.group(1) if m.group(1) is not None else m.group(2)
        if text is None and m.group(3) and m.group(3).startswith("$"):
            text = m.group(3)[1:].split("-")[0]  # a currency: [$USD-409], [$₫-42A]
        if text and text.strip():
            literal.append(text.strip())
        return ""

    code = _LITERAL_RE.sub(keep, section)
    return code, " ".join(literal)


def vn_number(value: float, number_format: str | None = None) -> str:
    """A number as Excel shows it in a Vietnamese locale, from the cell's number format:
    its decimals ("#,##0.0": 10482.3 -> "10.482,3"; "0.0##": up to three), a percentage
    ("0.0%": 0.052 -> "5,2%"), thousands scaled away by trailing commas ("#,##0,," in
    millions) and the text it writes beside the number ('#,##0 "tấn"' -> "1.235 tấn").
    Thousands are always grouped with "." (as reports write them) and the decimals follow
    ","; "General", "@" and scientific formats show the value's own decimals.  No
    maintained Python library renders Excel's number formats (openpyxl reads them only), so
    this reads the parts a statistical table uses."""
    code, literal = _format_parts(number_format or "General")
    first_digit = re.search(r"[0#?]", code)
    general = first_digit is None or code.strip().lower() in ("general", "@") or \
        "e+" in code.lower() or "e-" in code.lower()
    percent = "%" in code and not general
    if general or first_digit is None:  # Excel's General: up to 10 significant digits
        shown = f"{float(value):.10g}"
        if "e" in shown:
            return shown.replace(".", ",") + (f" {literal}" if literal else "")
        decimals = keep = len(shown.partition(".")[2])
    else:
        digits = re.search(r"[0#?,]*\.?[0#?]*", code[first_digit.start():])
        number = digits.group(0) if digits else ""
        frac = number.split(".")[1] if "." in number else ""
        decimals, keep = len(frac), len(frac.rstrip("#?"))
        scale = len(number) - len(number.rstrip(","))  # "#,##0,,": millions
        value = value / 1000 ** scale
    if percent:
        value *= 100
    text = f"{abs(value):,.{decimals}f}"
    if decimals > keep:  # optional decimals ("0.0##"): trailing zeros dropped
        whole, _, frac_text = text.partition(".")
        frac_text = frac_text.rstrip("0").ljust(keep, "0")
        text = whole + ("." + frac_text if frac_text else "")
    text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    sign = "-" if value < 0 and text.strip("0,.") else ""
    if literal:
        text += literal if literal == "%" else f" {literal}"
    return sign + text + ("%" if percent else "")


def date_text(value: dt.date | dt.time, number_format: str | None = None) -> str:
    """A date cell as a Vietnamese report writes what its format shows: a month ("mm/yyyy",
    "mmm-yy" -> "tháng 1/2024"), a year ("yyyy" -> "năm 2024"), else the day ("05/04/2024",
    with "HH:MM" when the format shows the time).  openpyxl tells a date format
    (``is_date_format``) and makes the value a datetime; which parts show is read here."""
    code = _format_parts(number_format or "")[0].lower()
    if isinstance(value, dt.time):
        return f"{value.hour:02d}:{value.minute:02d}"
    has_time = "h" in code or "s" in code
    if "y" in code and "d" not in code and not has_time:
        return f"tháng {value.month}/{value.year}" if "m" in code else f"năm {value.year}"
    day = f"{value.day:02d}/{value.month:02d}/{value.year}"
    if has_time and isinstance(value, dt.datetime) and "y" in code:
        return f"{day} {value.hour:02d}:{value.minute:02d}"
    return day


def _cell(value: Any, number_format: str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return vn_number(value, number_format)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return date_text(value, number_format)
    if isinstance(value, dt.timedelta):  # a duration ("[h]:mm")
        return str(value)
    return str(value)


def _year_value(value: Any) -> str | None:
    """A number cell holding a whole year, as a year is written ("2055", never grouped as
    "2.055"): :func:`rag.ingest.tables.is_year`, the rule a CSV header's text cells meet."""
    if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
        return None
    text = str(int(value))
    return text if is_year(text) else None


def year_header_rows(raw: list[list[tuple[Any, str | None]]]) -> set[int]:
    """The rows of a sheet (cells as (value, number format)) that are a header row of years
    typed as NUMBER cells -- "Chỉ tiêu | 2055 | 2056", a blank first cell, under title and
    "Đơn vị tính" rows, beside a text header "Sơ bộ 2044": every number cell after the first
    is a whole year (:func:`_year_value`), there is one, no text cell after the first is a
    figure, the first cell is not a number, and no row above holds a number
    other than a year (a header comes before the figures).  Each such cell is written as
    the year ("2055") so the table reads it as a CSV's "2055": a period heading its column,
    not a figure "2.055" (break-test round 14 of issue 16)."""
    found: set[int] = set()
    for i, row in enumerate(raw):
        values = [v for v, _ in row]
        rest = [v for v in values[1:] if v is not None and str(v).strip()]
        first = values[0] if values else None
        numbers = [v for v in rest if not isinstance(v, str)]
        if numbers and all(_year_value(v) for v in numbers) and \
                not any(is_figure(v) for v in rest if isinstance(v, str)) and \
                (first is None or isinstance(first, str)):
            found.add(i)
            continue
        if any(isinstance(v, int | float) and not isinstance(v, bool) and _year_value(v) is None
               for v in values):
            break  # figures: the header is above
    return found


def _row_source(sheet: str, numbers: list[int]) -> Callable[[int], str]:
    """Where row ``i`` of a sheet's rows is: "trang tính «CPI 2021», dòng 7"."""
    return lambda i: f"trang tính «{sheet}», dòng {numbers[i]}"


def name_title(name: str) -> str:
    """A title made from a file's name: "xnk_thang-1_2023.csv" -> "xnk thang-1 2023"."""
    stem = name.rsplit("/", 1)[-1]
    stem = stem.rsplit(".", 1)[0] if "." in stem else stem
    return " ".join(stem.replace("_", " ").split()) or name


def sheet_elements(data: bytes, path: str, tags: str | tuple[str, ...]) -> Iterator[Any]:
    """The XML elements named ``tags`` ("{*}c", ("{*}row", "{*}col")) of the sheet part at
    ``path`` in the workbook ``data``, streamed in document order (lxml's iterparse), each
    cleared once the caller has read it; none when ``path`` is empty or not in the file.  What
    openpyxl's read-only mode does not give (merged ranges, hidden rows and columns, formulas
    saved without a value) is read from here."""
    import zipfile

    from lxml import etree

    if not path:
        return
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        try:
            source = zf.open(path.lstrip("/"))
        except KeyError:
            return
        with source:
            for _, el in etree.iterparse(source, tag=tags):
                yield el
                el.clear()


def merged_ranges(data: bytes, path: str) -> list[tuple[int, int, int, int]]:
    """The merged cell ranges (min_col, min_row, max_col, max_row, 1-based) of the sheet at
    ``path`` in the workbook ``data`` -- read from its XML, since openpyxl's read-only mode
    (a large sheet streamed) does not give them; none when the path is unknown."""
    from openpyxl.utils.cell import range_boundaries

    out: list[tuple[int, int, int, int]] = []
    for el in sheet_elements(data, path, "{*}mergeCell"):
        try:
            bounds = range_boundaries(el.get("ref") or "")
        except (TypeError, ValueError):
            continue
        if None not in bounds:
            out.append(bounds)  # type: ignore[arg-type]
    return out


def hidden_parts(data: bytes, path: str) -> tuple[set[int], set[int]]:
    """The hidden rows and columns (1-based numbers) of the sheet at ``path`` in the
    workbook ``data``, read from its XML (openpyxl's read-only mode does not give row and
    column dimensions): a hidden row holds a draft or an old figure ("Dự thảo: ... (chưa rà
    soát)"), no published one.  A row or column hidden as a collapsed outline group (it has
    an outline level: the detail a reader opens with the sheet's "+") is published and
    kept."""
    rows: set[int] = set()
    cols: set[int] = set()
    for el in sheet_elements(data, path, ("{*}row", "{*}col")):
        if el.get("hidden") in ("1", "true") and el.get("outlineLevel") in (None, "0"):
            try:
                if el.tag.endswith("}row"):
                    rows.add(int(el.get("r") or 0))
                else:
                    cols.update(range(int(el.get("min") or 0), int(el.get("max") or 0) + 1))
            except ValueError:
                pass
    return rows, cols


def spread(rows: list[list[str]], numbers: list[int],
           ranges: list[tuple[int, int, int, int]]) -> list[list[bool]]:
    """Give each merged range's text (its top left cell's) to every cell of ``rows`` it
    spans, in place, and say for each cell whether it continues a merged cell (what
    ``rag.ingest.tables.table_lines`` takes as ``merged``).  ``numbers``: each row's number
    in the sheet; a row's first cell is column 1."""
    at = {n: i for i, n in enumerate(numbers)}
    merged = [[False] * len(r) for r in rows]
    for c0, r0, c1, r1 in ranges:
        first = at.get(r0)
        if first is None or c0 - 1 >= len(rows[first]):
            continue
        text = rows[first][c0 - 1]
        for n in range(r0, r1 + 1):
            i = at.get(n)
            if i is None:
                continue
            for c in range(c0, c1 + 1):
                if (n, c) != (r0, c0) and c - 1 < len(rows[i]):
                    rows[i][c - 1] = text
                    merged[i][c - 1] = True
    return merged


def uncomputed_formulas(data: bytes, path: str) -> list[tuple[int, int, str]]:
    """The formula cells of the sheet at ``path`` in the workbook ``data`` that hold no
    computed value, as (row, column, "D4"), 1-based, in order: a ``<c>`` with an ``<f>`` and
    no ``<v>`` or an empty one.  Excel and LibreOffice store each formula's last value
    beside it, which openpyxl's ``data_only`` mode reads; a workbook written by a script
    (openpyxl, many exporters) stores the formula alone, so the cell reads as empty
    (break-test round 28 of issue 16: "=B4+C4", "=SUM(B4:B5)" left a "6 tháng" column and a
    total row out, with no word of it).  None when the path is unknown."""
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    out: list[tuple[int, int, str]] = []
    for el in sheet_elements(data, path, "{*}c"):
        formula = next((x for x in el if x.tag.endswith("}f")), None)
        value = next((x for x in el if x.tag.endswith("}v")), None)
        ref = el.get("r") or ""
        if formula is not None and (value is None or not (value.text or "").strip()):
            try:
                letters, row = coordinate_from_string(ref)
                out.append((row, column_index_from_string(letters), ref))
            except ValueError:
                pass
    return out


UNCOMPUTED_SHOWN = 5  # uncomputed cells a note names (the count says how many more)


def uncomputed_note(cells: Sequence[str]) -> str:
    """One line naming ``cells`` (:func:`read_xlsx`'s "«Sheet1»!D4"), for `rag index` and an
    upload's log: how many, the first UNCOMPUTED_SHOWN, and what to do about them."""
    shown = ", ".join(cells[:UNCOMPUTED_SHOWN]) + (", …" if len(cells) > UNCOMPUTED_SHOWN
                                                   else "")
    return (f"{len(cells)} formula cell(s) saved without a computed value, read as empty: "
            f"{shown} (open and save the file in Excel or LibreOffice to store their values)")


def xlsx_text(name: str, data: bytes) -> tuple[str, str]:
    """(text, title) of a workbook: :func:`read_xlsx` without its uncomputed cells."""
    text, title, _ = read_xlsx(name, data)
    return text, title


def read_xlsx(name: str, data: bytes) -> tuple[str, str, list[str]]:
    """(text, title, uncomputed cells) of a workbook: every visible sheet, in order, without
    its hidden rows and columns (:func:`hidden_parts`); the formula cells of its visible
    rows and columns that hold no computed value (:func:`uncomputed_formulas`) read as
    empty and are named ("«Sheet1»!D4"), so that the reader can say so; the title is the
    first sheet's
    first title row, or the file's name when it has none (never a figure line: every row
    stays in the text).  Text cells and sheet names typed in a legacy font (TCVN3, VNI) are
    converted first (``rag.ingest.legacy.converter``).  IngestError when it is not a
    readable .xlsx (LegacyEncodingError when its legacy text cannot be converted)."""
    check_archive(name, data, "XLSX")
    import openpyxl

    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a corrupt workbook
        raise IngestError(f"{name}: not a readable XLSX ({exc.__class__.__name__})") from exc
    sheets: list[tuple[str, list[list[tuple[Any, str | None]]], list[int]]] = []
    spans: list[list[tuple[int, int, int, int]]] = []
    cells = 0
    uncomputed: list[str] = []
    try:
        for ws in wb.worksheets:
            if getattr(ws, "sheet_state", "visible") != "visible":
                continue  # a hidden or very hidden sheet (drafts, lookups) is not published
            path = getattr(ws, "_worksheet_path", "")
            spans.append(merged_ranges(data, path))
            hidden_rows, hidden_cols = hidden_parts(data, path)
            uncomputed += [f"«{ws.title}»!{ref}" for row, col, ref in
                           uncomputed_formulas(data, path)
                           if row not in hidden_rows and col not in hidden_cols]
            raw: list[list[tuple[Any, str | None]]] = []
            numbers: list[int] = []  # each row's number in the sheet
            for row in ws.iter_rows():
                cells += len(row)
                if cells > MAX_CELLS:
                    raise IngestError(f"{name}: more than {MAX_CELLS} cells")
                number = next((c.row for c in row if getattr(c, "row", None)),
                              len(numbers) + 1)
                if number in hidden_rows:
                    continue
                raw.append([(None, None) if j in hidden_cols else
                            (c.value, getattr(c, "number_format", None))
                            for j, c in enumerate(row, 1)])
                numbers.append(number)
            sheets.append((ws.title, raw, numbers))
    finally:
        wb.close()
    # text typed in a legacy font is converted before the tables are written as lines
    unicode = converter([t for t, _, _ in sheets] + [v for _, raw, _ in sheets for row in raw
                                                      for v, _ in row if isinstance(v, str)])
    blocks: list[str] = []
    title: str | None = None
    any_data = False  # whether any sheet holds more than a header row
    any_text = False  # whether any sheet holds any text (a header row alone writes no lines)
    for (sheet, raw, numbers), ranges in zip(sheets, spans, strict=True):
        sheet = unicode(sheet)
        texts = dotted_decimals(english_numbers(signed_numbers(  # numbers typed as text
            [[unicode(v) if isinstance(v, str) else "" for v, _ in row] for row in raw])))
        years = year_header_rows(raw)
        rows = [[texts[i][j] if isinstance(v, str) else
                 (_year_value(v) or _cell(v, fmt)) if i in years else _cell(v, fmt)
                 for j, (v, fmt) in enumerate(row)] for i, row in enumerate(raw)]
        any_data = any_data or has_data(rows)
        any_text = any_text or any(str(c).strip() for r in rows for c in r if c is not None)
        merged = spread(rows, numbers, ranges)
        lines = table_lines(rows, source=_row_source(sheet, numbers), merged=merged)
        if lines:
            blocks.append("\n".join([f"{SHEET_LINE}{sheet}", *lines]))
            title = title or table_title(rows)
    if any_text and not any_data:
        raise IngestError(f"{name}: a header row and no data under it / bảng chỉ có dòng "
                          "tiêu đề, không có dòng số liệu")
    return "\n\n".join(blocks), title or name_title(name), uncomputed


# A cell that is a number whose sign is a dash: "-0.75", "–3.40%", "−1,25" (after
# unify_dashes every hyphen, small/fullwidth hyphen-minus and minus symbol is "-").
_DASH_SIGNED_RE = re.compile(r"(?P<sign>[-\u2013\u2212])\s?(?P<num>\d[\d.,]*(?:\s?%)?)")


def signed_numbers(rows: list[list[str]]) -> list[list[str]]:
    """``rows`` with each cell that is a number signed by any dash or minus symbol written
    with "-" right before its digits ("\uff0d0.75" -> "-0.75", "\u20133.40%" -> "-3.40%",
    "\u02d7 2,5" -> "-2,5"), so the locale readers below (``_ENGLISH_RE``, ``_DOTTED_RE``,
    which know "-", "−" and "+") and the figure test (:func:`rag.ingest.tables.is_figure`)
    read it as a number; a dash is unified first (:func:`rag.vi.text.unify_dashes`), "−"
    is kept.  Every other cell (a range "3-4", a label "- Vốn") is kept as it is.  Issue 16,
    break-test bt5-b16 item 3: an XLSX text cell "\uff0d0.75" made its row a header, and a
    CSV's "\u20133.40" was shown "–3.40%" (read as 340 by a Vietnamese reader)."""
    def sign(cell: str) -> str:
        m = _DASH_SIGNED_RE.fullmatch(unify_dashes(strip_invisible(cell)).strip())
        if m is None:
            return cell
        return ("\u2212" if m.group("sign") == "\u2212" else "-") + m.group("num")

    return [[sign(c) if c else c for c in r] for r in rows]


# Numbers typed as text in a table, by locale.  English: a comma groups thousands before a
# decimal point ("1,050.3") or in two groups and more ("1,234,567"); Vietnamese: a point
# groups them before a decimal comma ("1.050,3"), or in two groups and more ("1.234.567"), or
# a comma marks decimals of other than three digits ("612,4").  "1,050", "612.4" say neither.
_ENGLISH_RE = re.compile(r"[-−+]?\d{1,3}(?:,\d{3})+\.\d+|[-−+]?\d{1,3}(?:,\d{3}){2,}")
_VIETNAMESE_RE = re.compile(r"[-−+]?\d{1,3}(?:\.\d{3})+,\d+|[-−+]?\d{1,3}(?:\.\d{3}){2,}"
                            r"|[-−+]?\d+,(?:\d{1,2}|\d{4,})")
_PLAIN_NUMBER_RE = re.compile(r"(?P<sign>[-−+]?)(?P<int>\d{1,3}(?:,\d{3})+|\d+)"
                              r"(?:\.(?P<dec>\d+))?(?P<pct>\s?%)?")


def english_numbers(rows: list[list[str]]) -> list[list[str]]:
    """``rows`` of text cells with their numbers written the Vietnamese way ("1,050.3" ->
    "1.050,3", "612.4" -> "612,4") when the table writes them the English way: some cell
    only English can read (``_ENGLISH_RE``) and none only Vietnamese can (``_VIETNAMESE_RE``),
    decided for the whole table, since "1,050" or "612.4" alone is either.  Any other table
    comes back as it is; cells that are not a number alone are left as they are."""
    cells = [c.strip() for r in rows for c in r if c]
    if not any(_ENGLISH_RE.fullmatch(c) for c in cells) or \
            any(_VIETNAMESE_RE.fullmatch(c) for c in cells):
        return rows
    return [[_vietnamese(c) if c else c for c in r] for r in rows]


def _vietnamese(cell: str) -> str:
    m = _PLAIN_NUMBER_RE.fullmatch(cell.strip())
    if m is None:
        return cell
    whole = int(m.group("int").replace(",", ""))
    dec = f",{m.group('dec')}" if m.group("dec") else ""
    return f"{m.group('sign')}{whole:,}".replace(",", ".") + dec + (m.group("pct") or "")


# A cell that is one number with a decimal point, "5.45", "5.8%", "-0.375": in a Vietnamese
# table "." groups thousands, so it has exactly three digits after it and at most three
# before it; a point with other than three digits after it ("5.45", "5.8") or more than three
# before it ("5068.5") can only be a decimal mark.  "31.875" or "5.450" may be either, and
# are left to the reading of "." as a thousands mark (rag.vi.numbers).
_DOTTED_RE = re.compile(r"(?P<sign>[-−+]?)(?P<int>\d+)\.(?P<dec>\d+)(?P<pct>\s?%)?")


def dotted_decimals(rows: list[list[str]]) -> list[list[str]]:
    """``rows`` with each cell that is a number whose point can only be a decimal mark
    (``_DOTTED_RE``: other than three digits after it, or more than three before it)
    written with the Vietnamese decimal comma ("5.45" -> "5,45", "5.8%" -> "5,8%",
    "5068.5" -> "5.068,5"); "31.875" and every other cell are kept as they are.  Run after
    :func:`english_numbers` (an English table's "1,050.3" is read by it).  Issue 16,
    break-test bt4-b16 minor: a CSV's "5.45" under a "%" unit was shown "5.45%", which a
    Vietnamese reader takes for 545%."""
    def comma(cell: str) -> str:
        m = _DOTTED_RE.fullmatch(cell.strip())
        if m is None or (len(m.group("dec")) == 3 and len(m.group("int")) <= 3):
            return cell
        whole = f"{int(m.group('int')):,}".replace(",", ".")
        return f"{m.group('sign')}{whole},{m.group('dec')}{m.group('pct') or ''}"

    return [[comma(c) if c else c for c in r] for r in rows]


_BARE_INTEGER_RE = re.compile(r"[-−+]?[1-9]\d{3,}")  # "19105", "−12500"


def grouped_integers(rows: list[list[str]]) -> list[list[str]]:
    """``rows`` with each cell that is a bare integer of four digits or more written with
    its thousands grouped the Vietnamese way ("19105" -> "19.105"), as an XLSX number cell
    is (:func:`vn_number`) and as reports write figures; a year ("2065",
    :func:`rag.ingest.tables.is_year`), a number with a leading zero (a code, "01234") and
    every other cell are kept as they are (break-test round 14 of issue 16: a CSV's
    "19105" was answered "19105 tấn")."""
    def group(cell: str) -> str:
        text = cell.strip()
        if not _BARE_INTEGER_RE.fullmatch(text) or is_year(text):
            return cell
        sign = text[0] if text[0] in "-−+" else ""
        return sign + f"{int(text[len(sign):]):,}".replace(",", ".")

    return [[group(c) for c in r] for r in rows]


_CSV_DELIMITERS = ",;\t|"


def csv_dialect(sample: str) -> Any:
    """The dialect of a CSV file from its head ``sample``: the delimiter ("," ";" tab or "|")
    that splits the most rows into the same number of cells (two or more; quoted cells read
    as the csv module reads them), the earlier such run of rows winning a tie; the rows of
    one cell left out -- a title row above the table or a note row under it ("Ghi chú: số
    liệu năm 2002 là ước tính"), as a statistics office's export writes them.
    :class:`csv.Sniffer` wants every line alike, so one note row made it fail and the whole
    ";" file was read as one column of raw text, silently (break-test bt16g of issue 16,
    item 6); and a ";" file's decimal commas ("1.342,5", the Vietnamese decimal mark) must
    not make it a "," file.  The sniffer's reading when no delimiter splits two rows alike;
    :data:`csv.excel` when it finds none either."""
    lines = sample.splitlines()
    if len(lines) > 1 and len(sample) >= 8192:
        lines = lines[:-1]  # the sample cut the last line short
    best: tuple[int, int] = (1, 0)
    chosen = ""
    for delimiter in _CSV_DELIMITERS:
        try:
            widths = [len(r) for r in csv.reader(lines, delimiter=delimiter) if any(r)]
        except csv.Error:
            continue
        counts = Counter(w for w in widths if w > 1)
        if not counts:
            continue
        width, n = counts.most_common(1)[0]
        score = (n, -widths.index(width))
        if score > best:
            best, chosen = score, delimiter
    if chosen:
        class Dialect(csv.excel):
            delimiter = chosen
        return Dialect
    try:
        return csv.Sniffer().sniff(sample, delimiters=_CSV_DELIMITERS)
    except csv.Error:
        return csv.excel


def csv_text(name: str, raw: str) -> tuple[str, str]:
    """(text, title) of a CSV table (delimiter sniffed: "," ";" tab or "|"): every row in the
    text, cells typed in a legacy font converted first; the title is the table's title row,
    or the file's name when it has none (never a figure line)."""
    dialect = csv_dialect(raw[:8192])
    try:
        rows = list(csv.reader(io.StringIO(raw), dialect))
    except csv.Error as exc:
        raise IngestError(f"{name}: not a readable CSV ({exc})") from exc
    if sum(len(r) for r in rows) > MAX_CELLS:
        raise IngestError(f"{name}: more than {MAX_CELLS} cells")
    if rows and not has_data(rows):
        raise IngestError(f"{name}: a header row and no data under it / bảng chỉ có dòng "
                          "tiêu đề, không có dòng số liệu")
    unicode = converter(c for r in rows for c in r)  # legacy cells, before the lines
    rows = carry_header(grouped_integers(dotted_decimals(english_numbers(signed_numbers(
        [[unicode(c) for c in r] for r in rows])))))
    text = "\n".join(table_lines(rows, source=lambda i: f"dòng {i + 1}"))
    return text, table_title(rows) or name_title(name)
