"""A page's words, as Tesseract's layout analysis gives them (``image_to_data``), written as
text: lines at one height are one row, also when Tesseract put a table's columns in separate
blocks; a row is cut into cells where the gap between two words is wider than ``CELL_GAP``
word heights, and consecutive rows of two or more cells whose cells stand in the same columns
are a table, read by ``rag.ingest.tables`` like any reader's ("Quý III/2023 — Kim ngạch xuất
khẩu: 532,1 triệu USD").  The other rows are text, a paragraph's lines joined as
``rag.ingest.pdf`` joins a page's wrapped lines."""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rag.ingest.tables import CAPTION_RE, Blocks

# A gap between two words wider than this many word heights separates two table cells.
CELL_GAP = 1.2
# A line reaching this share of the text's right edge was wrapped by the page (as in pdf.py).
FULL_LINE = 0.8
# Table rulings Tesseract reads as "words": bars, underscores, brackets, or two dashes and
# more (one dash stays: "2023 - 2025", a list's "- Xuất khẩu").
_RULING = re.compile(r"^(?:[|_\[\]{}~¦‖]+|[—–-]{2,})$")



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


def words_of(data: dict[str, list[Any]]) -> list[Word]:
    """The words of Tesseract's ``image_to_data`` output (a dict), rulings and empty boxes
    left out."""
    out = []
    for i, text in enumerate(data["text"]):
        text = (text or "").strip()
        conf = float(data["conf"][i])
        if data["level"][i] != 5 or not text or conf < 0 or _RULING.match(text):
            continue
        left, top = int(data["left"][i]), int(data["top"][i])
        block, par, line = data["block_num"][i], data["par_num"][i], data["line_num"][i]
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


def layout(words: list[Word]) -> str:
    """A page's words as text: paragraphs apart by a blank line, tables as lines
    (``rag.ingest.tables.table_lines``), top to bottom."""
    if not words:
        return ""
    height = statistics.median(w.bottom - w.top for w in words)
    rows = _rows(words)
    cut = [_cells(r, CELL_GAP * height) for r in rows]
    right = max(r.right for r in rows)
    blocks = Blocks()  # a unit line right after a table gives it its unit
    paragraph: list[str] = []
    last: _Row | None = None
    i = 0
    while i < len(rows):
        j = i
        while j < len(rows) and len(cut[j]) >= 2:
            j += 1
        columns = _columns(cut[i:j]) if j - i >= 2 else None
        if columns is not None:  # rows i..j-1 are a table
            joined = " ".join(paragraph)
            caption = joined if CAPTION_RE.match(joined) else None
            if paragraph:
                blocks.paragraph(joined)
                paragraph = []
            grid = []
            for cells in cut[i:j]:
                line = [""] * len(columns)
                for c in cells:
                    k = _column_of(c, columns)
                    line[k] = f"{line[k]} {_text(c)}".strip()
                grid.append(line)
            blocks.table(grid, caption)
            last, i = None, j
            continue
        row = rows[i]
        text = _text(row.words)
        if last is not None and row.par == last.par and last.right >= FULL_LINE * right:
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
