"""A page's words, as Tesseract's layout analysis gives them (``image_to_data``), written as
text.  Words standing in a ruled table (a grid of ``rag.ingest.rulings``) go to the cell they
stand in.  Elsewhere lines at one height are one row, also when Tesseract put a table's
columns in separate blocks; a row is cut into cells where the gap between two words is wider
than ``CELL_GAP`` word heights, and consecutive rows of two or more cells whose cells stand
in the same columns are a table.  Tables are read by ``rag.ingest.tables`` like any
reader's ("Quý III/2023 — Kim ngạch xuất khẩu: 532,1 triệu USD").  The other rows are text,
a paragraph's lines joined as ``rag.ingest.pdf`` joins a page's wrapped lines."""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rag.ingest.rulings import Grid
from rag.ingest.tables import Blocks, is_figure, table_caption
from rag.vi.letterhead import kind_heading
from rag.vi.text import fold

# A gap between two words wider than this many word heights separates two table cells.
CELL_GAP = 1.2
# A line reaching this share of the text's right edge was wrapped by the page (as in pdf.py).
FULL_LINE = 0.8
# Table rulings Tesseract reads as "words": bars, underscores, brackets, or two dashes and
# more (one dash stays: "2023 - 2025", a list's "- Xuất khẩu").
_RULING = re.compile(r"^(?:[|_\[\]{}~¦‖]+|[—–-]{2,})$")
# What is left of a whitened ruling at a word's ends ("kWh_", "|2023").
_RULE_ENDS = "_|¦‖"
# The Icelandic eth (Ð, ð), no letter of Vietnamese, is what Tesseract's Vietnamese data reads
# for Đ, đ now and then: alone, or beside the Đ it also read from the one glyph ("ĐÐVT" for
# "ĐVT" in a drawn table header, confidence 49).
_ETH = re.compile(r"[ĐÐ]?Ð[ĐÐ]?|[đð]?ð[đð]?")



@dataclass(frozen=True)
class Word:
    """A word Tesseract read: its text, box (pixels) and confidence, and the paragraph
    (block, paragraph) and line it put it in."""

    text: str
    left: int
    top: int
    right: int
    bottom: int
    conf: float
    par: tuple[int, int]
    line: tuple[int, int, int]


# A year Tesseract read with a letter for a digit, as it confuses them in its digit runs
# ("2O24": O for 0; "20l9", "2I19": l, I for 1; "202S": S for 5): four characters, at least
# two of them digits, after a month's or a quarter's number ("6/2O24", "II/2O24").  It is
# read as the year only after "năm", "tháng" or "quý" (a header "Ước 8 tháng 2O24", "Quý
# II/2O24"): a year's place, where a code ("2OS4") is not written; elsewhere it is left as
# read.  Without it the column's figures took the year of the report's title.
_YEARISH = re.compile(r"^((?:[IVX]{1,4}|\d{1,2})/)?([\dOolI|S]{4})([.,;:]?)$")
_DIGIT_FOR = str.maketrans("OolI|S", "001115")
_YEAR_PLACE = {"nam", "thang", "quy"}


def read_year(word: str, before: str) -> str:
    """``word`` with a year Tesseract misread (see _YEARISH) written in digits when the word
    before it is "năm", "tháng" or "quý" (any case, trailing punctuation aside); else
    ``word`` as it is.  "2O24" after "tháng" -> "2024"; "II/2O23" after "Quý" ->
    "II/2023"."""
    m = _YEARISH.match(word)
    if m is None or fold(before).strip(".,:;()") not in _YEAR_PLACE or \
            sum(ch.isdigit() for ch in m.group(2)) < 2:
        return word
    year = m.group(2).translate(_DIGIT_FOR)
    if not re.fullmatch(r"(?:19|20)\d\d", year):
        return word
    return f"{m.group(1) or ''}{year}{m.group(3)}"


def words_of(data: dict[str, list[Any]]) -> list[Word]:
    """The words of Tesseract's ``image_to_data`` output (a dict), rulings and empty boxes
    left out; a misread year after "năm", "tháng", "quý" in digits (:func:`read_year`)."""
    out = []
    before: dict[tuple[int, int, int], str] = {}  # the last word of each line so far
    for i, text in enumerate(data["text"]):
        text = _ETH.sub(lambda m: "đ" if m.group(0)[0] in "đð" else "Đ",
                        (text or "").strip().strip(_RULE_ENDS))
        conf = float(data["conf"][i])
        if data["level"][i] != 5 or not text or conf < 0 or _RULING.match(text):
            continue
        left, top = int(data["left"][i]), int(data["top"][i])
        block, par, line = data["block_num"][i], data["par_num"][i], data["line_num"][i]
        text = read_year(text, before.get((block, par, line), ""))
        before[(block, par, line)] = text
        out.append(Word(text, left, top, left + int(data["width"][i]),
                        top + int(data["height"][i]), conf, (block, par), (block, par, line)))
    return out


@dataclass
class _Row:
    """Words at one height, left to right, and the paragraph its first line came from."""

    words: list[Word]
    par: tuple[int, int]

    @property
    def top(self) -> int:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> int:
        return max(w.bottom for w in self.words)

    @property
    def right(self) -> int:
        return max(w.right for w in self.words)


def _rows(words: list[Word]) -> list[_Row]:
    """Tesseract's lines, those at one height (sharing half their height, side by side)
    merged into one row, top to bottom."""
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for w in words:
        lines.setdefault(w.line, []).append(w)
    rows: list[_Row] = []
    for ws in sorted(lines.values(), key=lambda ws: min(w.top for w in ws)):
        top, bottom = min(w.top for w in ws), max(w.bottom for w in ws)
        left, right = min(w.left for w in ws), max(w.right for w in ws)
        for row in reversed(rows[-3:]):
            overlap = min(bottom, row.bottom) - max(top, row.top)
            apart = all(w.right <= left or w.left >= right for w in row.words)
            if apart and overlap >= 0.5 * min(bottom - top, row.bottom - row.top):
                row.words.extend(ws)
                break
        else:
            rows.append(_Row(list(ws), ws[0].par))
    for row in rows:
        row.words.sort(key=lambda w: w.left)
    return rows


def _cells(row: _Row, gap: float) -> list[list[Word]]:
    cells = [[row.words[0]]]
    for prev, w in zip(row.words, row.words[1:], strict=False):
        if w.left - prev.right > gap:
            cells.append([w])
        else:
            cells[-1].append(w)
    return cells


def _columns(rows: list[list[list[Word]]]) -> list[tuple[int, int]] | None:
    """The columns of rows of cells (the union of the cells' spans, overlapping ones merged),
    or None when two cells of one row fall in one column in more than a quarter of the rows
    (justified text, not a table; in fewer, a speck read as a word, the cells are joined)."""
    spans = sorted((c[0].left, c[-1].right) for cells in rows for c in cells)
    columns: list[list[int]] = []
    for left, right in spans:
        if columns and left <= columns[-1][1]:
            columns[-1][1] = max(columns[-1][1], right)
        else:
            columns.append([left, right])
    if len(columns) < 2:
        return None
    shared = sum(len({_column_of(c, columns) for c in cells}) < len(cells) for cells in rows)
    if 4 * shared > len(rows):
        return None
    return [(a, b) for a, b in columns]


def _column_of(cell: list[Word], columns: Sequence[Sequence[int]]) -> int:
    left = cell[0].left
    return next(i for i, (a, b) in enumerate(columns) if a <= left <= b)


def _text(words: list[Word]) -> str:
    return " ".join(w.text for w in words)


def _grid_rows(grid: Grid, words: list[Word], height: float) -> list[list[str]]:
    """The rows of cell texts of a ruled table from the words standing in its cells.  A band
    between two lines across is one row, its cells' words on several lines joined ("Ước
    thực hiện" over "8 tháng 2024"); a band holding two lines or more with figures (a table
    ruled only around its body) is a row per such line, a line after one of them without
    figures and going on in lower case ("(triệu USD)", "khẩu") joined to it.  A line down
    missing in a band (a cell merged over two columns, or a rule specks broke) parts its
    cells all the same where the words on either side of it stand further apart than
    ``CELL_GAP`` word heights (``height``), none across it: a merged cell's words stand a
    space apart."""
    width = len(grid.columns) - 1
    bands: dict[int, list[Word]] = {}
    for w in words:
        bands.setdefault(grid.band((w.top + w.bottom) / 2), []).append(w)
    out: list[list[str]] = []
    for band in sorted(bands):
        rows = _rows(bands[band])
        cuts = list(grid.cuts[band])
        for x in grid.columns[1:-1]:
            if min(abs(x - c) for c in cuts) > CUT_SLACK * (grid.right - grid.left) and \
                    _parted(rows, x, CELL_GAP * height):
                cuts.append(x)
        cuts.sort()
        lines = []
        for row in rows:
            cells = [""] * width
            for w in row.words:
                k = grid.column((w.left + w.right) / 2, cuts)
                cells[k] = f"{cells[k]} {w.text}".strip()
            lines.append(cells)
        figures = [any(is_figure(c) for c in cells) for cells in lines]
        if sum(figures) < 2:
            out.append([" ".join(c[k] for c in lines if c[k]) for k in range(width)])
            continue
        for n, (cells, figure) in enumerate(zip(lines, figures, strict=True)):
            first = next((c for c in cells if c), "")
            if out and not figure and any(figures[:n]) and GOES_ON.match(first):
                out[-1] = [f"{a} {b}".strip() for a, b in zip(out[-1], cells, strict=True)]
            else:
                out.append(cells)
    return out


# A grid's column boundary within this share of its width of a band's boundary is that one.
CUT_SLACK = 0.01


def _parted(rows: list[_Row], x: float, gap: float) -> bool:
    """Whether the words of ``rows`` stand apart at ``x``: no word across it, and in some
    row words on both sides of it more than ``gap`` pixels apart."""
    apart = False
    for row in rows:
        if any(w.left < x < w.right for w in row.words):
            return False
        left = [w.right for w in row.words if w.right <= x]
        right = [w.left for w in row.words if w.left >= x]
        apart = apart or bool(left and right and min(right) - max(left) > gap)
    return apart


# A line going on with the row above it: a lower-case word or a bracket ("(triệu USD)").
# (lower case by Unicode: the range "à-ỹ" held the capitals "Đ", "Ư", "Ơ", "Ấ" …)
_LOWER = "".join(ch for ch in map(chr, range(0xDF, 0x1EFA)) if ch.islower())
GOES_ON = re.compile(rf"^(?:[a-z{_LOWER}]|\()")
# A row that leaves its sentence open (no final stop) and a lower-case row under it, up to
# OPEN_ROWS word heights below (the PDF reader's OPEN_GAP), are one sentence wrapped, though
# Tesseract set them in two paragraphs and the upper row is short: a scan's sentence was
# cut from its subject ("Sản lượng tôm ... năm 2022" / "đạt 1.436 tấn", bt21-b16 failure 2).
OPEN_ROWS = 3.0
_OPEN_END = re.compile(r"[^.!?:;…]$")


def layout(words: list[Word], grids: Sequence[Grid] = ()) -> str:
    """A page's words as text: paragraphs apart by a blank line, tables as lines
    (``rag.ingest.tables.table_lines``), top to bottom.  Words inside one of ``grids`` (the
    page's ruled tables, ``rag.ingest.rulings``) are put in its cells; tables without rules
    are found from the words' rows and columns."""
    if not words:
        return ""
    height = statistics.median(w.bottom - w.top for w in words)
    inside: dict[int, list[Word]] = {}
    outside: list[Word] = []
    for w in words:
        x, y = (w.left + w.right) / 2, (w.top + w.bottom) / 2
        k = next((k for k, g in enumerate(grids) if g.cell(x, y) is not None), None)
        if k is None:
            outside.append(w)
        else:
            inside.setdefault(k, []).append(w)
    rows = _rows(outside)
    tables = sorted((grids[k].top, _grid_rows(grids[k], ws, height))
                    for k, ws in inside.items())
    cut = [_cells(r, CELL_GAP * height) for r in rows]
    right = max((r.right for r in rows), default=0)
    blocks = Blocks()  # a unit line right after a table gives it its unit
    paragraph: list[str] = []

    def table(grid: list[list[str]]) -> None:
        nonlocal paragraph
        before = blocks.blocks
        caption = table_caption([*before, " ".join(paragraph)] if paragraph else before)
        if paragraph:
            blocks.paragraph(" ".join(paragraph))
            paragraph = []
        blocks.table(grid, caption)

    last: _Row | None = None
    i = 0
    while i < len(rows) or tables:
        if tables and (i >= len(rows) or tables[0][0] <= rows[i].top):
            table(tables.pop(0)[1])
            last = None
            continue
        j = i
        while j < len(rows) and len(cut[j]) >= 2 and not (tables and rows[j].top >= tables[0][0]):
            j += 1
        columns = _columns(cut[i:j]) if j - i >= 2 else None
        if columns is not None:  # rows i..j-1 are a table
            grid = []
            for cells in cut[i:j]:
                line = [""] * len(columns)
                for c in cells:
                    k = _column_of(c, columns)
                    line[k] = f"{line[k]} {_text(c)}".strip()
                grid.append(line)
            table(grid)
            last, i = None, j
            continue
        row = rows[i]
        text = _text(row.words)
        if last is not None and not (kind_heading(" ".join(paragraph)) and text[:1].isupper()) and (
                row.par == last.par and last.right >= FULL_LINE * right
                or _OPEN_END.search(_text(last.words)) and GOES_ON.match(text)
                and row.top - last.bottom <= OPEN_ROWS * height):
            paragraph.append(text)  # a line the page wrapped
        else:
            if paragraph:
                blocks.paragraph(" ".join(paragraph))
            paragraph = [text]
        last = row
        i += 1
    if paragraph:
        blocks.paragraph(" ".join(paragraph))
    return "\n\n".join(blocks.blocks)
