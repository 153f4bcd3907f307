"""The pages of a PDF: pypdf checks the file first (its decompression limits stop a bomb
early, with a clear error), then pdfplumber reads each page's tables as rows of cells
(``rag.ingest.tables``) and the text around them as paragraphs (lines wrapped by the page
joined again), top to bottom.  A page that is an image with (almost) no text -- a scan -- is
rendered and read by Tesseract (``rag.ingest.ocr``)."""

from __future__ import annotations

import io
import logging
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from rag.errors import IngestError, OcrUnavailable
from rag.ingest.legacy import SOFT_HYPHEN, converter, encoding_of
from rag.ingest.ocr import OcrConfig, OnPage, read_pages
from rag.ingest.page_images import pdf_renderer
from rag.ingest.pages import PageText
from rag.ingest.tables import Blocks, table_caption, unit_line
from rag.vi.letterhead import is_letterhead, kind_heading
from rag.vi.text import fold

log = logging.getLogger(__name__)

# Two lines are one paragraph when the gap between them, in font sizes, is under this (single
# spacing: about 0.2) or under WRAP_SLACK times the page's usual gap after a full line (the
# gap its wrapped lines have: 1.0 and more in a report set 1.5 or 2 lines apart) ...
PARAGRAPH_GAP = 0.8
WRAP_SLACK = 1.3
WRAP_SAMPLES = 2  # full-width lines a page needs for its own wrap gap
# ... their font sizes differ by at most this share (a heading's is larger) ...
SIZE_CHANGE = 0.05
# ... and the first one reaches this share of the page's text width (a heading does not), or
# leaves its sentence open for the next ("… đạt" / "1.234 triệu USD").
FULL_LINE = 0.8
# An open sentence goes on across a gap of up to this many font sizes (triple spacing) even
# on a page too short to show its spacing.
OPEN_GAP = 3.0


# A page with fewer letters and digits than this in its text layer, and an image, is a scan.
SCANNED_CHARS = 20
# ... and so is a page an image covers for the most part (this share of its area) under a
# short text layer (fewer letters and digits than STAMP_CHARS): the signed scan with an
# e-signature stamp ("Ký bởi: Sở Công Thương ... Thời gian ký: ...") that offices publish.
# A review's e-signed one-page scan was indexed as its stamp alone.
SCAN_COVER = 0.5
STAMP_CHARS = 400

# A table set without ruling lines (columns kept apart by space alone, as word processors and
# statistics offices' PDF exports lay out "Chỉ tiêu   6 tháng 2030   6 tháng 2031"): words of
# one line further apart than COLUMN_GAP font sizes stand in different cells (a word space is
# 0.25-0.35 of the size, a justified line stretches it to under 1) ...
COLUMN_GAP = 1.2
# ... and TABLE_ROWS or more such lines in a row whose cells line up column by column, with a
# figure in every line but the first, and no cell after the first longer than CELL_CHARS (a
# page set in two columns of prose, or a letterhead's two blocks, is no table), are one.
TABLE_ROWS = 2
CELL_CHARS = 30
# Letters of one word lie closer than this share of the font size (pdfplumber's own word
# tolerance is 3 points at any size: 0.27 of 11 points).
WORD_GAP = 0.2


@dataclass(frozen=True)
class UnruledTable:
    """A table set without ruling lines on a PDF page: ``bbox`` (x0, top, x1, bottom, in PDF
    points, as pdfplumber's tables give it) and its ``rows`` of cell texts, the first row the
    header as printed.  Found by :func:`unruled_tables`."""

    bbox: tuple[float, float, float, float]
    rows: list[list[str]]


# A ruled table's header row printed above its grid (rules drawn under each row and between
# the columns, none over the header: "Mặt hàng | Tháng 4/2086 | Tháng 5/2086" left outside
# pdfplumber's table, read as a paragraph and taken for the caption, every column then dated
# by its first period and the caption's unit lost) is its first row: a text line at most
# HEAD_GAP font sizes above the grid whose cells (:func:`line_cells`) stand one in each of
# its columns.  Up to HEAD_ROWS such lines (a period over its months) are read upward.
HEAD_GAP = 1.5
HEAD_ROWS = 2


@dataclass(frozen=True)
class HeadedTable:
    """A ruled pdfplumber ``table`` whose ``head`` rows (cell texts, top to bottom) were
    printed above its grid (:func:`head_rows`); ``bbox`` spans both."""

    bbox: tuple[float, float, float, float]
    head: list[list[str]]
    table: Any


def _columns(table: Any) -> list[tuple[float, float]]:
    """A ruled table's columns, (x0, x1) left to right, from its first row that has a cell
    in each (none when no row has)."""
    for row in table.rows:
        if row.cells and all(cell is not None for cell in row.cells):
            return [(cell[0], cell[2]) for cell in row.cells]
    return []


def head_rows(table: Any, lines: list[dict[str, Any]],
              unicode: Callable[[str], str] = str) -> tuple[list[list[str]], list[int]]:
    """The header rows printed above a ruled table's grid (see HEAD_GAP) among a page's text
    ``lines`` (pdfplumber dicts with ``chars``), top to bottom, and their indexes in ``lines``."""
    columns = _columns(table)
    if len(columns) < 2:
        return [], []
    top = float(table.bbox[1])
    head: list[list[str]] = []
    used: list[int] = []
    while len(head) < HEAD_ROWS:
        above = [(i, line) for i, line in enumerate(lines) if i not in used
                 and line["bottom"] <= top + 1 and line["x0"] >= columns[0][0] - 1
                 and line["x1"] <= columns[-1][1] + 1]
        if not above:
            break
        i, line = max(above, key=lambda pair: pair[1]["bottom"])
        if top - line["bottom"] > HEAD_GAP * _size(line):
            break
        cells = line_cells(line, unicode)
        if len(cells) != len(columns) or not all(
                x0 <= (a + b) / 2 <= x1
                for (a, b, _), (x0, x1) in zip(cells, columns, strict=True)):
            break
        head.insert(0, [text for _, _, text in cells])
        used.append(i)
        top = float(line["top"])
    return head, used


def pdf_text(name: str, data: bytes, ocr: OcrConfig | None = None) -> str:
    """The text of a PDF file, tables as lines, pages apart by a blank line (see
    :func:`pdf_pages`)."""
    return "\n\n".join(p.text for p in pdf_pages(name, data, ocr) if p.text)


def pdf_pages(name: str, data: bytes, ocr: OcrConfig | None = None,
              on_page: OnPage | None = None) -> list[PageText]:
    """Every page of a PDF file, tables as lines; text typed in a legacy font (TCVN3, VNI:
    the encoding read from pypdf's text of every page) converted before its tables are
    written as lines; pages that are scans read by Tesseract with ``ocr`` (``on_page`` told
    as each is read).  IngestError when it is not a readable PDF (LegacyEncodingError when
    its legacy text cannot be converted), OcrUnavailable when it holds scans, Tesseract is
    missing and no other page has text; when others have, the scans are left unread
    (``PageText.unread`` says why)."""
    plain = _pypdf_pages(name, data)
    unicode = converter(plain)  # legacy-font text, converted before tables are lines
    try:
        pages = _plumbed_pages(data, unicode, tcvn3=encoding_of(plain) == "tcvn3")
    except Exception as exc:  # pdfminer raises many kinds on odd files; pypdf's text stands
        log.warning("%s: tables not read (%s); using the plain text", name, exc)
        pages = [(text, not _letters(text)) for text in plain]
    scans = [n for n, (_, scanned) in enumerate(pages, 1) if scanned]
    config = ocr or OcrConfig()
    try:
        read = {p.number: p for p in read_pages(name, scans,
                                                  pdf_renderer(name, data, config.dpi),
                                                  config, on_page)}
    except OcrUnavailable as exc:
        if not any(_letters(text) for text, scanned in pages if not scanned):
            raise
        why = str(exc.__cause__ or exc)  # without the file's name: the document names it
        log.warning("%s: pages %s not read (%s)", name, scans, why)
        return [PageText(n, text, unread=why if scanned else None)
                for n, (text, scanned) in enumerate(pages, 1)]
    # a scan's own text layer (an e-signature stamp) is kept after what OCR read
    return [PageText(n, "\n\n".join(t for t in (read[n].text, text if _letters(text) >=
                                                   SCANNED_CHARS else "") if t),
                     read[n].confidence, read[n].unread) if n in read else PageText(n, text)
            for n, (text, _) in enumerate(pages, 1)]


def _letters(text: str) -> int:
    return sum(ch.isalnum() for ch in text)


_PYPDF = logging.getLogger("pypdf")
_quiet_lock = threading.Lock()
_quiet_depth = 0
_quiet_pypdf_level = [logging.NOTSET]  # pypdf's level before the first hold


@contextmanager
def quiet_pypdf() -> Iterator[None]:
    """pypdf's own warnings about a file ("invalid pdf header", "EOF marker not found")
    held back while it is read (pypdf's logger at ERROR, then as it was): a file that
    cannot be read is named once with its reason (IngestError), not beside pypdf's
    complaints on stderr; readings in several threads share one hold."""
    global _quiet_depth
    with _quiet_lock:
        if _quiet_depth == 0:
            _quiet_pypdf_level[0] = _PYPDF.level
            _PYPDF.setLevel(logging.ERROR)
        _quiet_depth += 1
    try:
        yield
    finally:
        with _quiet_lock:
            _quiet_depth -= 1
            if _quiet_depth == 0:
                _PYPDF.setLevel(_quiet_pypdf_level[0])



def _pypdf_pages(name: str, data: bytes) -> list[str]:
    with quiet_pypdf():
        return _read_pypdf(name, data)


def _read_pypdf(name: str, data: bytes) -> list[str]:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not _opens_without_password(reader):
            raise IngestError(f"{name}: the PDF is protected by a password; remove it and "
                              "upload the file again / tệp PDF có mật khẩu, hãy bỏ mật khẩu")
        return [(page.extract_text() or "") for page in reader.pages]
    except IngestError:
        raise
    except Exception as exc:  # pypdf raises many kinds on a corrupt file (LimitReachedError, ...)
        raise IngestError(f"{name}: not a readable PDF ({exc})") from exc


def _opens_without_password(reader: Any) -> bool:
    """Whether an encrypted PDF opens with the empty user password (many are encrypted only
    against editing)."""
    try:
        return bool(reader.decrypt(""))
    except Exception:  # noqa: BLE001 - an unsupported cipher is a password asked for
        return False


def _plumbed_pages(data: bytes, unicode: Callable[[str], str],
                   tcvn3: bool = False) -> list[tuple[str, bool]]:
    """Each page's text, and whether it is a scan (an image, and next to no text); text
    typed in a legacy font converted by ``unicode`` (``rag.ingest.legacy.converter``);
    ``tcvn3``: the document is typed in TCVN3, its byte 0xAD kept (:func:`keep_tcvn3_u`)."""
    import pdfplumber

    read: list[tuple[Any, list[dict[str, Any]], list[Any]]] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        if tcvn3:
            keep_tcvn3_u(pdf.rsrcmgr)
        for page in pdf.pages:
            read.append((page, *_page_lines(page, unicode)))
        running = running_keys([[_running_key(line["text"]) for line in lines
                                 if _at_edge(line, page.height)]
                                for page, lines, _ in read])
        blocks = [_page_blocks([line for line in lines
                                      if not (_at_edge(line, page.height)
                                              and _running_key(line["text"]) in running)],
                               tables, unicode)
                  for page, lines, tables in read]
    _join_across_pages(blocks)
    pages: list[tuple[str, bool]] = []
    for (page, _, _), (page_blocks, _, _) in zip(read, blocks, strict=True):
        text = "\n\n".join(page_blocks)
        pages.append((text, _is_scan(page, _letters(text))))
    return pages


# A running line (a report's name, the department's, "Trang 2/5") repeated at the top or
# bottom of this share of a document's pages, and of two pages at least, is no part of its
# text: spliced into a sentence that runs on over a page break, and taken as its title.
RUNNING_SHARE = 0.5


def running_keys(edges: list[list[str]]) -> set[str]:
    """The running headers and footers of a document, given each page's lines at its top and
    bottom edge as :func:`_running_key` gives them: the keys found on at least two pages and
    on more than RUNNING_SHARE of the pages (a first page often has none of them)."""
    counts: dict[str, int] = {}
    for keys in edges:
        for key in set(keys):
            if key:
                counts[key] = counts.get(key, 0) + 1
    return {k for k, n in counts.items() if n >= 2 and n > RUNNING_SHARE * len(edges)}


def _running_key(text: str) -> str:
    """A line as a running header or footer is compared: folded, spaces collapsed, every
    number masked (the page's number, "Trang 2/5" and "Trang 3/5" are one line)."""
    return re.sub(r"\d+", "#", " ".join(fold(text).split()))


def _at_edge(line: dict[str, Any], height: float) -> bool:
    return bool(line["top"] < MARGIN * height or line["bottom"] > (1 - MARGIN) * height)


def _join_across_pages(pages: list[tuple[list[str], bool, bool]]) -> None:
    """Join, in place, a sentence a page break cut: a page's last block, a paragraph left
    open ("... trên địa bàn tỉnh đạt"), and the next page's first one, a paragraph that goes
    on with it ("1.111 triệu USD, tăng 4,5% ..."; the rules of a line wrapped within a page,
    :data:`_OPEN_END_RE`, :data:`GOES_ON_RE`).  The sentence is kept on the page it starts
    on.  ``pages``: each page's blocks, whether its first and whether its last block is a
    paragraph (not a table's line)."""
    for (this, _, last_text), (nxt, first_text, _) in zip(pages, pages[1:], strict=False):
        if not (this and nxt and last_text and first_text):
            continue
        end, start = this[-1].strip(), nxt[0].strip()
        if _OPEN_END_RE.search(end) and GOES_ON_RE.match(start) and \
                not is_letterhead(start):
            this[-1] = f"{end} {start}"
            del nxt[0]
def keep_tcvn3_u(resources: Any) -> None:
    """Make the fonts of a pdfminer resource manager (a pdfplumber PDF's ``rsrcmgr``) read
    the byte 0xAD as U+00AD, the code point TCVN3 writes "ư" at, where a font with no
    ToUnicode map would read it otherwise: pdfminer's WinAnsiEncoding reads it as a space
    (a .VnTime font's text came out "năm tr ớc", "Sản l ợng" while pypdf's read "\xad").  For
    a document typed in TCVN3 only; each font gets its own table (pdfminer shares one per
    encoding)."""
    get_font = resources.get_font

    def font_keeping_u(objid: object, spec: Any) -> Any:
        font = get_font(objid, spec)
        table = getattr(font, "cid2unicode", None)
        if isinstance(table, dict) and getattr(font, "unicode_map", None) is None and \
                table.get(0xAD) != SOFT_HYPHEN and not str(table.get(0xAD, "")).isalnum():
            font.cid2unicode = {**table, 0xAD: SOFT_HYPHEN}
        return font

    resources.get_font = font_keeping_u


def _is_scan(page: Any, letters: int) -> bool:
    """Whether a pdfplumber ``page`` whose text layer holds ``letters`` letters and digits
    is a scan to read by OCR (see SCANNED_CHARS, SCAN_COVER)."""
    if not page.images:
        return False
    if letters < SCANNED_CHARS:
        return True
    area = float(page.width * page.height) or 1.0
    cover = max((float(im["x1"] - im["x0"]) * float(im["bottom"] - im["top"])
                 for im in page.images), default=0.0) / area
    return cover >= SCAN_COVER and letters < STAMP_CHARS


# A page number in a running header or footer: "Trang 3", "Page 2 of 5", "- 4 -", "3/12".
_PAGE_NUMBER_RE = re.compile(r"(?:\b(?:trang|page)\s+\d+(?:\s*(?:/|of|trên)\s*\d+)?\s*$)"
                             r"|^\s*[-–]?\s*\d+\s*[-–]?\s*$|^\s*\d+\s*/\s*\d+\s*$",
                             re.IGNORECASE)
MARGIN = 0.08  # share of the page's height at its top and bottom where running lines sit


def _page_furniture(line: dict[str, Any], height: float) -> bool:
    """A running header or footer line carrying a page number ("Nhà xuất bản Thống kê, 2019
    – Trang 1"): printed on every page, it is no part of the text (and its year would be
    taken for one the page speaks of)."""
    edge = line["top"] < MARGIN * height or line["bottom"] > (1 - MARGIN) * height
    return edge and _PAGE_NUMBER_RE.search(line["text"]) is not None


def _page_lines(page: Any, unicode: Callable[[str], str]) -> tuple[list[dict[str, Any]],
                                                                    list[Any]]:
    """A page's text lines outside its tables (each through ``unicode``; lines with a page
    number at its edge left out, :func:`_page_furniture`), in reading order
    (:func:`_column_lines`), and its tables, each with its place in that order."""
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]
    claimed = {key for t in tables for key in run_anchors(t, page.chars)}

    def outside(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") != "char":
            return True
        if _char_key(obj) in claimed:
            return False  # run on from a cell past the table's rule: the cell's (run_anchors)
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    read, key = _column_lines(page.filter(outside), boxes)
    lines = [{**line, "text": unicode(line["text"])} for line in read
             if not _page_furniture(line, page.height) and line["text"].strip()]
    ruled: list[Any] = []
    for table in tables:
        head, used = head_rows(table, lines, unicode)
        if head:
            ruled.append(HeadedTable((table.bbox[0], lines[used[-1]]["top"], *table.bbox[2:]),
                                     head, table))
            lines = [line for i, line in enumerate(lines) if i not in used]
        else:
            ruled.append(table)
    lines, unruled = unruled_tables(lines, unicode)
    return lines, [(key(t.bbox), t) for t in [*ruled, *unruled]]


# A page set in columns (a bulletin, a newsletter: two articles side by side, on shared
# baselines or not: a column may be set in another size or leading) is read column by column.
# A gutter is a vertical band, COLUMN_GAP font sizes wide, that no letter enters over at least
# GUTTER_FREE of the height the page's text takes, but where a line spans the page (a title,
# a heading across both columns); the letters each side of it make at least GUTTER_LINES
# rows, half of them prose (PROSE_LETTERS letters or more: a table's figures beside its
# labels are no column).  It is found from the letters' own x-extents, before they are
# grouped into lines: lines of two columns on different baselines are never one line to
# split.  pdfplumber has no column detection (pdfminer's boxes_flow orders whole text boxes,
# which this line-based reader does not use).
GUTTER_LINES = 3
PROSE_LETTERS = 15
GUTTER_FREE = 0.5
COLUMN_FULL = 0.6  # a column's ragged right: its longer lines reach this share of its width
GUTTER_TRIES = 3  # candidate bands (the emptiest first) checked for prose each side
# ... and a short block in two columns, under a title or above a table that crosses the page's
# gutter, is read column by column too (:func:`_column_blocks`): BLOCK_ROWS rows or more, a
# band parting every one of them (two one-line phrases side by side are a table's row or
# a label and its value, never told from columns)
BLOCK_ROWS = 2
# ... and a block's rows follow one another at its leading: a blank of BLOCK_GAP font sizes or
# more between two rows (a new paragraph, a table's caption under the block) ends the block
# (break-test bt23-b16 failure 1: a caption under a three-row block was read as the left
# column's fourth row, away from its table).
BLOCK_GAP = 1.0

Row = tuple[float, float, list[tuple[float, float]]]  # top, bottom, the x-spans it covers


def _letter_rows(chars: list[dict[str, Any]], pad: float) -> list[Row]:
    """Letters grouped by their top, each group with its height and the x-spans its letters
    cover, each letter widened by ``pad`` on both sides (so a word space joins a span and a
    gutter narrower than twice ``pad`` does not part two)."""
    groups: dict[float, list[dict[str, Any]]] = {}
    for c in chars:
        groups.setdefault(round(float(c["top"])), []).append(c)
    rows: list[Row] = []
    for group in groups.values():
        spans: list[tuple[float, float]] = []
        for c in sorted(group, key=lambda c: float(c["x0"])):
            x0, x1 = float(c["x0"]) - pad, float(c["x1"]) + pad
            if spans and x0 <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(spans[-1][1], x1))
            else:
                spans.append((x0, x1))
        rows.append((min(float(c["top"]) for c in group),
                     max(float(c["bottom"]) for c in group), spans))
    return rows


def _height(extents: list[tuple[float, float]]) -> float:
    """The height the union of (top, bottom) extents takes."""
    total, reach = 0.0, float("-inf")
    for top, bottom in sorted(extents):
        if bottom > reach:
            total += bottom - max(top, reach)
            reach = bottom
    return total


def _blocked(row: Row, x: float) -> bool:
    return any(a < x < b for a, b in row[2])


def _gutter(chars: list[dict[str, Any]], lines: list[dict[str, Any]]
            ) -> tuple[float, list[tuple[float, float]]] | None:
    """A page's column gutter (:data:`GUTTER_FREE`) from its letters (``chars``, those of a
    letterhead's lines among ``lines`` aside), with the (top, bottom) of the rows that cross
    it (lines spanning the page, and the letterhead's); or None.  Each side of it must hold
    GUTTER_LINES rows or more, half of them prose (PROSE_LETTERS letters), half set flush
    left and half filling their column (COLUMN_FULL of its width: wrapped text, not a
    table's cells of any length or a letterhead's short centred lines)."""
    heads = [(float(line["top"]), float(line["bottom"])) for line in lines if _letterhead(line)]

    def in_head(c: dict[str, Any]) -> bool:
        y = (float(c["top"]) + float(c["bottom"])) / 2
        return any(top <= y <= bottom for top, bottom in heads)

    chars = [c for c in chars if c.get("text", "").strip() and not in_head(c)]
    if len(chars) < GUTTER_LINES * PROSE_LETTERS:
        return None
    sizes = sorted(float(c.get("size") or 10.0) for c in chars)
    rows = _letter_rows(chars, COLUMN_GAP * sizes[len(sizes) // 2] / 2)
    body = _height([(top, bottom) for top, bottom, _ in rows])
    left = min(float(c["x0"]) for c in chars)
    right = max(float(c["x1"]) for c in chars)
    # candidate x every point across the middle of the text's width, in runs crossed by the
    # same rows: each run's middle, the emptiest runs first
    runs: list[tuple[frozenset[int], list[float]]] = []
    x = left + 0.2 * (right - left)
    while x < right - 0.2 * (right - left):
        crossed = frozenset(i for i, row in enumerate(rows) if _blocked(row, x))
        if runs and runs[-1][0] == crossed:
            runs[-1][1].append(x)
        else:
            runs.append((crossed, [x]))
        x += 1.0
    scored = sorted(((_height([rows[i][:2] for i in crossed]), xs[len(xs) // 2], crossed)
                     for crossed, xs in runs), key=lambda t: t[0])
    for blocked, x, crossed in scored[:GUTTER_TRIES]:
        if blocked > (1 - GUTTER_FREE) * body:
            break
        spans = [rows[i][:2] for i in crossed]

        def across(c: dict[str, Any], spans: list[tuple[float, float]] = spans) -> bool:
            y = (float(c["top"]) + float(c["bottom"])) / 2
            return any(top <= y <= bottom for top, bottom in spans)

        rest = [c for c in chars if not across(c)]
        if all(_column_side([c for c in rest if ((c["x0"] + c["x1"]) / 2 < x) == side])
               for side in (True, False)):
            return x, spans + heads
    return None


def _letterhead(line: dict[str, Any]) -> bool:
    """A line of an official document's head, its two blocks side by side ("ỦY BAN NHÂN
    DÂN ..." | "CỘNG HÒA XÃ HỘI ..."): read across, as one line, on any page."""
    return is_letterhead(line["text"])


def _column_blocks(chars: list[dict[str, Any]], lines: list[dict[str, Any]]
                   ) -> list[tuple[float, float, float]]:
    """A page's short blocks set in two columns, where no gutter runs down the page
    (:func:`_gutter`: a title, a table or a list below or above crosses it): runs of
    BLOCK_ROWS or more consecutive letter rows that a vertical band COLUMN_GAP font sizes
    wide parts, every row of the run, with prose in every row each side
    (:func:`_column_side`; one row enough on a side: a sentence beside a wrapped one).
    Each as (gutter x, top, bottom), top to bottom, none overlapping; [] when there is
    none.  Two sentences side by side on two lines were read straight across, the left
    one's first line glued to the right one's (break-test bt21-b16 failure 1)."""
    heads = [(float(line["top"]), float(line["bottom"])) for line in lines if _letterhead(line)]
    chars = [c for c in chars if c.get("text", "").strip() and not any(
        top <= (float(c["top"]) + float(c["bottom"])) / 2 <= bottom for top, bottom in heads)]
    if len(chars) < 2 * PROSE_LETTERS:
        return []
    sizes = sorted(float(c.get("size") or 10.0) for c in chars)
    rows = sorted(_letter_rows(chars, COLUMN_GAP * sizes[len(sizes) // 2] / 2))
    left = min(float(c["x0"]) for c in chars)
    right = max(float(c["x1"]) for c in chars)
    runs: dict[tuple[int, int], list[float]] = {}  # (first row, last row) -> free x's
    blank = BLOCK_GAP * sizes[len(sizes) // 2]
    x = left + 0.2 * (right - left)
    while x < right - 0.2 * (right - left):
        start = None
        for i, row in enumerate([*rows, (0.0, 0.0, [(x - 1, x + 1)])]):
            if start is not None and i < len(rows) and row[0] - rows[i - 1][1] >= blank:
                if i - start >= BLOCK_ROWS:
                    runs.setdefault((start, i - 1), []).append(x)
                start = None
            if not _blocked(row, x):
                start = i if start is None else start
            elif start is not None:
                if i - start >= BLOCK_ROWS:
                    runs.setdefault((start, i - 1), []).append(x)
                start = None
        x += 1.0
    found: list[tuple[float, float, float]] = []
    taken: set[int] = set()
    for (first, last), xs in sorted(runs.items(), key=lambda r: r[0][0] - r[0][1]):
        if taken & set(range(first, last + 1)):
            continue
        top, bottom = rows[first][0], max(row[1] for row in rows[first:last + 1])
        gutter = xs[len(xs) // 2]
        inside = [c for c in chars if top <= (float(c["top"]) + float(c["bottom"])) / 2 <= bottom]
        if all(_column_side([c for c in inside if ((c["x0"] + c["x1"]) / 2 < gutter) == side],
                            least=1, every=True) for side in (True, False)):
            found.append((gutter, top, bottom))
            taken |= set(range(first, last + 1))
    return sorted(found, key=lambda b: b[1])


def _column_side(chars: list[dict[str, Any]], least: int = GUTTER_LINES,
                 every: bool = False) -> bool:
    """Whether the letters on one side of a candidate gutter read as a column of prose (see
    :func:`_gutter`): ``least`` rows or more, half of them prose (``every``: all of them,
    as a short block's few rows must be, a list's labels and figures under it being none);
    a row is prose with PROSE_LETTERS letters, or when it goes on the
    sentence such a row just above it on that side left open (:func:`_goes_on`) -- a
    bulletin's narrow column wraps a long line of words into a short one full of figures
    ("năm 2086 là 27 vụ, giảm 3 vụ."), where a table's cells of figures and units ("52.618
    tỷ đồng") follow no prose row and a table's row is no one run of words; its last row
    may be the figure alone that ends the sentence ("3,48%.", :func:`_goes_on`).  A sentence
    wrapped over three rows or more is prose to its end, a short middle row ("quý III năm
    2025 đạt") passing it on to the figure and unit that close it ("27.460 tấn."; break-test
    bt23-b16 failure 1: the block was read across as a table, one figure lost).  A row of
    figures alone ("18.420") is a table's column beside its labels: no side of a gutter
    (break-test bt21-b16: a list's figures under a short block made a page-long gutter)."""
    rows = _side_rows(chars)
    if not chars or len(rows) < least:
        return False
    left = min(float(c["x0"]) for c in chars)
    right = max(float(c["x1"]) for c in chars)
    size = sorted(float(c.get("size") or 10.0) for c in chars)[len(chars) // 2]
    flags: list[bool] = []
    for i, (_, text, run) in enumerate(rows):
        flags.append(sum(ch.isalpha() for ch in text) >= PROSE_LETTERS
                     or (i > 0 and flags[-1] and _goes_on(rows[i - 1][1], text, run)))
    _wrapped_sentences(rows, flags)
    prose = sum(flags)
    if every and prose < len(rows):
        return False
    if any(not flag and not any(ch.isalpha() for ch in text)
           for flag, (_, text, _) in zip(flags, rows, strict=True)):
        return False  # a row of figures alone: a table's column beside its labels
    full = sum(max(float(c["x1"]) for c in row) - left >= COLUMN_FULL * (right - left)
               for row, _, _ in rows)
    flush = sum(min(float(c["x0"]) for c in row) - left <= size for row, _, _ in rows)
    return 2 * prose >= len(rows) and 2 * full >= len(rows) and 2 * flush >= len(rows)


def _side_rows(chars: list[dict[str, Any]]) -> list[tuple[list[dict[str, Any]], str, bool]]:
    """The letters of one side of a candidate gutter grouped by their top, top to bottom:
    each row's letters, its text (a space where letters lie more than WORD_GAP font sizes
    apart) and whether it is one run of words (no gap of COLUMN_GAP sizes or more inside:
    a table's row has one between its cells)."""
    groups: dict[float, list[dict[str, Any]]] = {}
    for c in chars:
        groups.setdefault(round(float(c["top"])), []).append(c)
    out: list[tuple[list[dict[str, Any]], str, bool]] = []
    for _, group in sorted(groups.items()):
        group = sorted(group, key=lambda c: float(c["x0"]))
        text, run = group[0]["text"], True
        for a, b in zip(group, group[1:], strict=False):
            size = float(b.get("size") or 10.0)
            gap = float(b["x0"]) - float(a["x1"])
            run = run and gap < COLUMN_GAP * size
            text += (" " if gap > WORD_GAP * size else "") + b["text"]
        out.append((group, text, run))
    return out


# the stop that ends a sentence at a row's end
_SENTENCE_STOP_RE = re.compile(r"[.!?…]$")


def _wrapped_sentences(rows: list[tuple[list[dict[str, Any]], str, bool]],
                       flags: list[bool]) -> None:
    """Marks in ``flags`` (one per row of ``rows``, :func:`_side_rows`) as prose every row of
    a sentence wrapped over two rows or more, however short its rows: a run of words whose
    following rows each go on the one above (:func:`_goes_on`) down to one ending in its
    stop, PROSE_LETTERS letters or more in all.  A narrow column cuts a sentence into rows
    of a few words each ("Số chuyến bay" / "cất hạ cánh tại" / ... / "2.147 chuyến."), its
    first row short of PROSE_LETTERS, where a table's label column ends in no stop and a
    column of figures goes on nothing (break-test round 36 of issue 16, failure 7: 5-row
    blocks of short rows at 9 and 11 pt were read across while 4-row blocks of longer rows
    were read as columns -- the decision hung on the first row's length)."""
    start = 0
    for i, (_, text, _) in enumerate(rows):
        if i + 1 < len(rows) and _goes_on(text, rows[i + 1][1], rows[i + 1][2]):
            continue
        if i > start and rows[start][2] and _SENTENCE_STOP_RE.search(text.strip()) and \
                sum(ch.isalpha() for _, t, _ in rows[start:i + 1] for ch in t) >= PROSE_LETTERS:
            flags[start:i + 1] = [True] * (i + 1 - start)
        start = i + 1


# a row that is only the figure ending a sentence wrapped onto it: "3,48%.", "-1,2%.", "27,5."
_CLOSING_FIGURE_RE = re.compile(r"^[-−+]?\d[\d.,]*\s*%?\s*[.!…]$")


def _goes_on(above: str, text: str, run: bool) -> bool:
    """Whether a row of words (``run``, see :func:`_side_rows`) goes on the sentence the row
    ``above`` left open, as a wrapped line does (the reader's own test for joining lines,
    :data:`_OPEN_END_RE`, :data:`GOES_ON_RE`); a row without a letter (a column of
    figures) does only when it is the figure that closes the sentence, its final stop
    written ("3,48%." under "so với cùng kỳ tăng"; a table's cells of figures carry no
    stop).  Break-test bt24-b16 failure 1: a 4-row block in two columns whose right one
    ended in "3,48%." was read across, line by line, its figure given to the left one."""
    if not (run and _OPEN_END_RE.search(above) and GOES_ON_RE.match(text)):
        return False
    return any(ch.isalpha() for ch in text) or bool(_CLOSING_FIGURE_RE.match(text.strip()))


Key = tuple[float, int, float]


def _column_lines(page: Any, boxes: Sequence[Any] = ()
                  ) -> tuple[list[dict[str, Any]], Callable[[Any], Key]]:
    """A page's text lines (pdfplumber's ``extract_text_lines``) in reading order, each
    with ``order`` (its sort key, :func:`_reading_key`) and ``right`` (the right edge of its
    column's text): on a page set in columns (:func:`_gutter`) the lines of each column are
    read apart, the left column before the right one, between the lines that span the
    page; any other page's lines are as pdfplumber gives them, top to bottom.  With them, the
    key of a box (a table's bbox: x0, top, x1, bottom) in that order.  ``boxes``: the page's
    ruled tables' bboxes (their letters filtered out of ``page``); one across the gutter
    spans the page as a heading does, so the columns' lines below it come after it (break-test
    round 31 of issue 16: a ruled table under two columns was read after the table below it,
    at the page's end, away from its caption)."""
    lines = page.extract_text_lines()
    found = _gutter(page.chars, lines)
    if found is None:
        blocks = _column_blocks(page.chars, lines)
        if blocks:
            return _block_lines(page, blocks)
        right = max((line["x1"] for line in lines), default=0.0)
        return [{**line, "order": (line["top"], 0, line["top"]), "right": right}
                for line in lines], lambda box: (box[1], 0, box[1])
    gutter, spans = found

    def across(obj: dict[str, Any]) -> bool:
        y = (obj["top"] + obj["bottom"]) / 2
        return any(top <= y <= bottom for top, bottom in spans)

    def side(left: bool) -> Callable[[dict[str, Any]], bool]:
        return lambda obj: obj.get("object_type") != "char" or (
            not across(obj) and ((obj["x0"] + obj["x1"]) / 2 < gutter) == left)

    full = page.filter(lambda obj: obj.get("object_type") != "char" or across(obj))
    out: list[dict[str, Any]] = []
    parts = [(0, full.extract_text_lines()), (1, page.filter(side(True)).extract_text_lines()),
             (2, page.filter(side(False)).extract_text_lines())]
    tops = sorted([top for top, _ in spans] +
                  [float(box[1]) for box in boxes if box[0] < gutter < box[2]])
    for column, part in parts:
        right = max((line["x1"] for line in part), default=0.0)
        for line in part:
            out.append({**line, "right": right,
                        "order": _reading_key(line["top"], column, tops)})

    def box_key(box: Any) -> Key:
        column = 1 if box[2] <= gutter else 2 if box[0] >= gutter else 0
        return _reading_key(box[1], column, tops)

    return sorted(out, key=lambda line: line["order"]), box_key


def _block_lines(page: Any, blocks: list[tuple[float, float, float]]
                 ) -> tuple[list[dict[str, Any]], Callable[[Any], Key]]:
    """:func:`_column_lines` for a page whose column blocks (:func:`_column_blocks`: gutter
    x, top, bottom) are short: each block's left column read before its right one, at the
    block's place; every other line as pdfplumber gives it, top to bottom."""
    def block_of(obj: dict[str, Any]) -> tuple[float, float, float] | None:
        y = (float(obj["top"]) + float(obj["bottom"])) / 2
        return next((b for b in blocks if b[1] <= y <= b[2]), None)

    def part(k: int, left: bool) -> Callable[[dict[str, Any]], bool]:
        return lambda obj: obj.get("object_type") != "char" or (
            block_of(obj) == blocks[k] and ((obj["x0"] + obj["x1"]) / 2 < blocks[k][0]) == left)

    rest = page.filter(lambda obj: obj.get("object_type") != "char" or block_of(obj) is None)
    rest_lines = rest.extract_text_lines()
    right = max((line["x1"] for line in rest_lines), default=0.0)
    out = [{**line, "order": (line["top"], 0, line["top"]), "right": right}
           for line in rest_lines]
    for k, (_, top, _) in enumerate(blocks):
        for column, left in ((1, True), (2, False)):
            side = page.filter(part(k, left)).extract_text_lines()
            edge = max((line["x1"] for line in side), default=0.0)
            out += [{**line, "order": (top, column, line["top"]), "right": edge}
                    for line in side]

    def box_key(box: Any) -> Key:
        block = next((b for b in blocks if b[1] <= box[1] <= b[2]), None)
        if block is None:
            return (box[1], 0, box[1])
        return (block[1], 1 if box[2] <= block[0] else 2 if box[0] >= block[0] else 0, box[1])

    return sorted(out, key=lambda line: line["order"]), box_key


def _reading_key(top: float, column: int, spans: list[float]) -> Key:
    """Where a line or table at ``top`` stands in a page's reading order: a line spanning
    the page (``column`` 0) at its top; one of column 1 or 2 after the last spanning line
    above it (``spans``: their tops, ascending), the left column's before the right's."""
    if column == 0:
        return (top, 0, top)
    above = [t for t in spans if t <= top]
    return (above[-1] if above else -1.0, column, top)


def line_cells(line: dict[str, Any],
               unicode: Callable[[str], str] = str) -> list[tuple[float, float, str]]:
    """The cells of a pdfplumber text line (a dict of ``extract_text_lines`` with its
    ``chars``): ``(x0, x1, text)`` in points, left to right, split where the next letter
    lies more than COLUMN_GAP font sizes after the last one (spaces skipped), a word space
    put where it lies more than WORD_GAP sizes after it; each text through ``unicode``.
    One cell for ordinary text."""
    return [_cell(run, unicode) for run in _cell_runs(line)]


def _cell_runs(line: dict[str, Any]) -> list[list[dict[str, Any]]]:
    """The printed (non-space) chars of a pdfplumber text line, in runs split where the next
    letter lies more than COLUMN_GAP font sizes after the last one (:func:`line_cells`)."""
    runs: list[list[dict[str, Any]]] = []
    for char in line.get("chars", []):
        if not char["text"].strip():
            continue
        size = float(char.get("size") or 10.0)
        if runs and char["x0"] - runs[-1][-1]["x1"] <= COLUMN_GAP * size:
            runs[-1].append(char)
        else:
            runs.append([char])
    return runs


def _cell(chars: list[dict[str, Any]], unicode: Callable[[str], str] = str
          ) -> tuple[float, float, str]:
    """One cell ``(x0, x1, text)`` of a run of chars, a word space put where a letter lies
    more than WORD_GAP font sizes after the last one."""
    text = chars[0]["text"]
    for before, char in zip(chars, chars[1:], strict=False):
        if char["x0"] - before["x1"] > WORD_GAP * float(char.get("size") or 10.0):
            text += " "
        text += char["text"]
    return chars[0]["x0"], chars[-1]["x1"], unicode(text)


# A figure printed flush right in its column runs into a long cell on its left when the two
# come closer than COLUMN_GAP font sizes: a unit column's "nghìn m3/ngđ", "kg/người/năm" or
# "m3/ngày đêm" (a word processor's cell padding is about 0.19 cm a side, under COLUMN_GAP of
# an 11-point font) read as "nghìn m3/ngđ 45,2", one cell fewer than the row above, and the
# table broke there (issue 16 item 6, break-test: "Công suất cấp nước năm 2024?" refused).
# Such a cell is cut before the figure that ends it when the cut makes the row line up.
_FIGURE_CHARS = frozenset("0123456789.,%")


def _figure_cut(chars: list[dict[str, Any]]) -> int | None:
    """Where the figure ending a run of chars begins (an index into ``chars``, after at least
    one char): at the last word space inside the trailing run of figure characters ("m2 24,1",
    "45,2 48,6"), else where that run begins after a letter or a slash ("đêm31.250"); None when
    the run does not end with a figure."""
    start = len(chars)
    while start and chars[start - 1]["text"] in _FIGURE_CHARS:
        start -= 1
    spaced = [k for k in range(max(start, 1), len(chars))
              if chars[k]["x0"] - chars[k - 1]["x1"]
              > WORD_GAP * float(chars[k].get("size") or 10.0)]
    cut = spaced[-1] if spaced else start
    if not 0 < cut < len(chars) or not chars[cut]["text"].isdigit():
        return None
    return cut


def _unglued(upper: list[tuple[float, float, str]], line: dict[str, Any],
             unicode: Callable[[str], str] = str) -> list[tuple[float, float, str]] | None:
    """A table line's cells with the figures glued to the cells on their left cut off
    (:func:`_figure_cut`), when as many cuts as it has cells fewer than the row ``upper``
    above make the two line up (:func:`_lined_up`); None when none do.  The first cell, the
    row's label, is never cut: a label may end in a figure ("Xi măng PCB40")."""
    runs = _cell_runs(line)
    missing = len(upper) - len(runs)
    if not runs or missing <= 0:
        return None
    cuts = {k: cut for k, run in enumerate(runs) if k and (cut := _figure_cut(run)) is not None}
    for chosen in combinations(sorted(cuts), missing):
        pieces: list[list[dict[str, Any]]] = []
        for k, run in enumerate(runs):
            pieces += [run[:cuts[k]], run[cuts[k]:]] if k in chosen else [run]
        cells = [_cell(piece, unicode) for piece in pieces]
        if _lined_up(upper, cells, _size(line)):
            return cells
    return None


def _lined_up(upper: list[tuple[float, float, str]],
              lower: list[tuple[float, float, str]], size: float) -> bool:
    """Whether two lines' cells (:func:`line_cells`) stand in the same columns: as many, two
    or more, and each overlapping the one above it across the page, or falling short of it
    by at most half COLUMN_GAP font sizes (``size``, points): a header set flush left over
    figures set flush right ends where they end (a gap of COLUMN_GAP keeps columns apart, so
    half of it cannot join a cell to the wrong one)."""
    slack = COLUMN_GAP * size / 2
    return len(upper) == len(lower) >= 2 and all(
        a[0] <= b[1] + slack and b[0] <= a[1] + slack
        for a, b in zip(upper, lower, strict=True))


def _wraps_label(row: list[tuple[float, float, str]], above: dict[str, Any],
                 cells: list[tuple[float, float, str]], line: dict[str, Any]) -> bool:
    """Whether a line of one cell (``cells`` of ``line``) goes on with the first cell of the
    table row ``row`` above it: a label wrapped in its column ("Vốn ngân sách nhà nước" /
    "do địa phương quản lý" beside "2.104,6"), so within the first column (ending before the
    second begins), starting in lower case or with a bracket (a wrapped phrase, not a new
    label or a note such as "Nguồn: ..."), under the line above by less than one font size."""
    if len(row) < 2 or len(cells) != 1:
        return False
    x0, x1, text = cells[0]
    size = _size(line)
    return (row[0][0] - COLUMN_GAP * size / 2 <= x0 and x1 < row[1][0]
            and (text[:1].islower() or text[:1] == "(")
            and line["top"] - above["bottom"] < size)


def _table_like(rows: list[list[str]]) -> bool:
    """Whether lined-up rows of cells read as a table (see TABLE_ROWS, CELL_CHARS)."""
    return len(rows) >= TABLE_ROWS \
        and all(any(ch.isdigit() for cell in row[1:] for ch in cell) for row in rows[1:]) \
        and all(len(cell) <= CELL_CHARS for row in rows for cell in row[1:])


def unruled_tables(lines: list[dict[str, Any]], unicode: Callable[[str], str] = str
                   ) -> tuple[list[dict[str, Any]], list[UnruledTable]]:
    """A page's text lines (top to bottom, pdfplumber dicts with ``chars``) split into the
    lines that are text and the tables set without ruling lines among them
    (:class:`UnruledTable`: runs of lines whose cells line up, :func:`_lined_up`,
    :func:`_table_like`).  Cell texts go through ``unicode`` (a legacy font's converter)."""
    cells = [line_cells(line, unicode) for line in lines]
    kept: list[dict[str, Any]] = []
    tables: list[UnruledTable] = []
    i = 0
    while i < len(lines):
        rows = [[text for _, _, text in cells[i]]]
        last = i  # the run's last line of cells (not a label's wrapped line)
        j = i + 1
        while j < len(lines):
            if _lined_up(cells[last], cells[j], _size(lines[j])):
                rows.append([text for _, _, text in cells[j]])
                last = j
            elif _wraps_label(cells[last], lines[j - 1], cells[j], lines[j]):
                rows[-1][0] += " " + cells[j][0][2]
            elif (unglued := _unglued(cells[last], lines[j], unicode)) is not None:
                cells[j] = unglued
                rows.append([text for _, _, text in unglued])
                last = j
            else:
                break
            j += 1
        if len(rows) >= TABLE_ROWS and _table_like(rows):
            run = lines[i:j]
            tables.append(UnruledTable(
                (min(line["x0"] for line in run), run[0]["top"],
                 max(line["x1"] for line in run), run[-1]["bottom"]), rows))
        else:
            kept.extend(lines[i:j])
        i = j
    return kept, tables


def _page_blocks(text_lines: list[dict[str, Any]], tables: list[Any],
                 unicode: Callable[[str], str]) -> tuple[list[str], bool, bool]:
    """A page's paragraphs and tables, in reading order (by their top, column by column on a
    page set in columns), from its text lines and (key, table) pairs (:func:`_page_lines`;
    each cell through ``unicode``), and whether the first
    and whether the last block is a paragraph."""
    right = max((line["x1"] for line in text_lines), default=0.0)
    items: list[tuple[Key, str, Any]] = [
        (line.get("order", (line["top"], 0, line["top"])), "line", line) for line in text_lines]
    items += [(key, "table", t) for key, t in tables]
    items.sort(key=lambda item: item[0])
    wrap_gap = _wrap_gap([(a[2], b[2]) for a, b in zip(items, items[1:], strict=False)
                          if a[1] == b[1] == "line"], right)
    blocks = Blocks()  # a unit line right after a table gives it its unit
    paragraph: list[str] = []
    last: dict[str, Any] | None = None
    for _, kind, item in items:
        if kind == "table":
            joined = " ".join(paragraph)
            caption = table_caption([joined])
            if paragraph:
                blocks.paragraph(joined)
                paragraph = []
            if isinstance(item, UnruledTable):
                blocks.table(item.rows, caption)
            else:
                head: list[list[str]] = []
                if isinstance(item, HeadedTable):
                    head, item = item.head, item.table
                rows, merged = _spread_merged(item)
                blocks.table([*head, *([unicode(c) if c else c for c in row] for row in rows)],
                             caption, [[False] * len(row) for row in head] + merged)
            last = None
            continue
        text = item["text"].strip()
        if last is not None and _continues(last, item, right, wrap_gap):
            paragraph.append(text)
        else:
            if paragraph:
                blocks.paragraph(" ".join(paragraph))
            paragraph = [text]
        last = item
    if paragraph:
        blocks.paragraph(" ".join(paragraph))
    return blocks.blocks, bool(items) and items[0][1] == "line", \
        bool(items) and items[-1][1] == "line"


def _char_key(char: dict[str, Any]) -> tuple[float, float, str]:
    return (round(float(char["x0"]), 2), round(float(char["top"]), 2), char["text"])


def run_anchors(table: Any, chars: Sequence[dict[str, Any]]) -> dict[tuple[float, float, str],
                                                                      tuple[float, float]]:
    """The chars of a ruled ``table``'s rows (``chars``: its page's) that run on past the
    rule of the cell their text starts in, each with the point to read it at: the first
    char's middle across, its own down.  A run is what was typed in one cell: chars of one
    line each within WORD_GAP font sizes of the one before, a typed space included (two
    spaces in a row are padding, not text).  A header wider than its column ("Tăng, giảm
    (%)", as a spreadsheet prints text over the rule into the empty space beside it, or a
    generator that does not wrap) was cut at the rule by pdfplumber, which places each
    char by its own middle: "Tăng, giảm (" in the cell, "%)" read as a paragraph after
    the table, its figures then read as "tấn" (break-test bt16f of issue 16, item 6)."""
    out: dict[tuple[float, float, str], tuple[float, float]] = {}
    top, bottom = table.bbox[1], table.bbox[3]
    near = [c for c in chars if top <= (c["top"] + c["bottom"]) / 2 < bottom]
    for row in table.rows:
        cells = [c for c in row.cells if c is not None]
        r_top, r_bottom = row.bbox[1], row.bbox[3]
        band = sorted((c for c in near
                       if r_top <= (c["top"] + c["bottom"]) / 2 < r_bottom
                       and c.get("object_type", "char") == "char"),
                      key=lambda c: ((c["top"] + c["bottom"]) / 2, c["x0"]))
        lines: list[list[dict[str, Any]]] = []
        for char in band:
            mid = (char["top"] + char["bottom"]) / 2
            size = float(char.get("size") or 10.0)
            if lines and abs(mid - (lines[-1][0]["top"] + lines[-1][0]["bottom"]) / 2) \
                    <= 0.5 * size:
                lines[-1].append(char)
            else:
                lines.append([char])
        for line in lines:
            line.sort(key=lambda c: c["x0"])
            runs: list[list[dict[str, Any]]] = []
            for char in line:
                size = float(char.get("size") or 10.0)
                last = runs[-1][-1] if runs else None
                if last is not None and char["x0"] - last["x1"] <= WORD_GAP * size and \
                        (char["text"].strip() or last["text"].strip()):
                    runs[-1].append(char)
                else:
                    runs.append([char])
            for run in runs:
                while run and not run[-1]["text"].strip():
                    run.pop()
                if not run or not run[0]["text"].strip():
                    continue
                x = (run[0]["x0"] + run[0]["x1"]) / 2
                cell = next((c for c in cells if c[0] <= x < c[2]), None)
                if cell is None or run[-1]["x1"] <= cell[2]:
                    continue  # started outside the table, or kept within its cell
                for char in run:
                    out[_char_key(char)] = (x, (char["top"] + char["bottom"]) / 2)
    return out


def table_cells(table: Any) -> list[list[str | None]]:
    """A ruled pdfplumber ``table``'s rows of cell texts as ``table.extract()`` reads them,
    but with a text run on past its cell's rule kept whole in the cell it starts in
    (:func:`run_anchors`)."""
    from pdfplumber.utils import extract_text

    chars = table.page.chars
    anchors = run_anchors(table, chars)
    if not anchors:
        return [list(r) for r in table.extract()]

    def point(char: dict[str, Any]) -> tuple[float, float]:
        return anchors.get(_char_key(char)) or ((char["x0"] + char["x1"]) / 2,
                                                (char["top"] + char["bottom"]) / 2)

    out: list[list[str | None]] = []
    for row in table.rows:
        texts: list[str | None] = []
        for cell in row.cells:
            if cell is None:
                texts.append(None)
                continue
            inside = [c for c in chars for x, y in [point(c)]
                      if cell[0] <= x < cell[2] and cell[1] <= y < cell[3]]
            texts.append(extract_text(inside) if inside else "")
        out.append(texts)
    return out


def _spread_merged(table: Any) -> tuple[list[list[str | None]], list[list[bool]]]:
    """A pdfplumber table's rows of cell texts with a merged cell's text in every grid cell
    it spans, and which cells continue one (pdfplumber gives them as None): the cell whose
    box holds the grid cell's middle -- what ``rag.ingest.tables.table_lines`` reads as
    ``merged``, so that "Năm 2023" over "Trong nước" | "Nước ngoài" labels both."""
    rows: list[list[str | None]] = [list(r) for r in table_cells(table)]
    merged = [[c is None for c in r] for r in rows]
    boxes = [list(r.cells) for r in table.rows]
    edges = sorted({x for r in boxes for b in r if b is not None for x in (b[0], b[2])})
    width = max((len(r) for r in rows), default=0)
    if len(boxes) != len(rows) or not any(any(r) for r in merged) or len(edges) != width + 1:
        return rows, merged  # no merged cell, or columns whose edges do not line up
    for i, row in enumerate(rows):
        top, bottom = table.rows[i].bbox[1], table.rows[i].bbox[3]
        for j, cell in enumerate(row):
            if cell is not None:
                continue
            x, y = (edges[j] + edges[j + 1]) / 2, (top + bottom) / 2
            at = next(((a, b) for a, r in enumerate(boxes) for b, box in enumerate(r)
                       if box is not None and box[0] <= x <= box[2] and box[1] <= y <= box[3]
                       and rows[a][b] is not None and not merged[a][b]), None)
            if at is not None:
                row[j] = rows[at[0]][at[1]]
    return rows, merged


def _size(line: dict[str, Any]) -> float:
    """A text line's font size (its characters' median size; else its height)."""
    sizes = sorted(float(c.get("size") or 0.0) for c in line.get("chars") or ())
    size = sizes[len(sizes) // 2] if sizes else 0.0
    return size if size > 0 else max(1.0, float(line["bottom"] - line["top"]))


def _gap(upper: dict[str, Any], lower: dict[str, Any]) -> float:
    """The blank between two lines, in the upper line's font sizes."""
    return float(lower["top"] - upper["bottom"]) / _size(upper)


def _wrap_gap(pairs: list[tuple[dict[str, Any], dict[str, Any]]],
              right: float) -> float | None:
    """The page's usual gap (in font sizes) after a full-width line in its font size, the gap
    between the lines of a wrapped paragraph: the lower median over the page's pairs of
    consecutive lines; None with fewer than WRAP_SAMPLES of them (too few to tell the
    spacing of a paragraph from the space between two)."""
    gaps = sorted(_gap(a, b) for a, b in pairs
                  if a["x1"] >= FULL_LINE * a.get("right", right) and b["top"] >= a["bottom"] - 1
                  and _same_size(a, b))
    return gaps[(len(gaps) - 1) // 2] if len(gaps) >= WRAP_SAMPLES else None


def _same_size(a: dict[str, Any], b: dict[str, Any]) -> bool:
    x, y = _size(a), _size(b)
    return abs(x - y) <= SIZE_CHANGE * max(x, y)


# a line that leaves its sentence open, and one that goes on with it: a lower-case word or
# a number that is no list or heading number ("1.234 triệu USD", not "2. Nhập khẩu")
_OPEN_END_RE = re.compile(r"[^.!?:;…]$")
# (lower case by Unicode: "à-ỹ" as a range held "Đ", "Ư", "Ơ" and the capitals of U+1EA0-
# U+1EF9, so a table row "Đường kính trắng | 24.000" went on its header's line and was lost:
# session 43 brief tablecols2)
_LOWER = "".join(ch for ch in map(chr, range(0xDF, 0x1EFA)) if ch.islower())
GOES_ON_RE = re.compile(rf"^(?:[a-z{_LOWER}]|\(?\d(?!\d*[.)]\s))")


def _head_line(line: dict[str, Any]) -> bool:
    """Whether a text line is one of an official document's head (its number and day "Số
    77/BC-SCT, ngày 20/12/2012", the issuing body, the motto: ``rag.vi.letterhead``) or a
    table's unit line ("Đơn vị tính: tỷ đồng", ``rag.ingest.tables.unit_line``), which
    stands on its own line: joined to the title above it and the caption below, the
    title swallowed it and the document lost its date.  A line starting in lower case
    ("số 12/2020/NĐ-CP …" wrapped from a sentence) is none."""
    text = line["text"].strip()
    return text[:1].isupper() and (is_letterhead(text) or bool(unit_line(text)))


def _continues(last: dict[str, Any], line: dict[str, Any], right: float,
               wrap_gap: float | None) -> bool:
    """Whether ``line`` goes on the paragraph ``last`` ended: near enough for the page's line
    spacing (PARAGRAPH_GAP, or WRAP_SLACK times its wrap gap), in the same font size, after a
    full-width line or an open sentence (see the constants); never to or from a line of the
    document's head (:func:`_head_line`), nor a capitalised line after a heading naming the
    document's kind (``rag.vi.letterhead.kind_heading``)."""
    if not _same_size(last, line) or _head_line(last) or _head_line(line) \
            or kind_heading(last["text"].strip()) and line["text"].strip()[:1].isupper():
        return False
    limit = max(PARAGRAPH_GAP, WRAP_SLACK * wrap_gap if wrap_gap is not None else 0.0)
    gap = _gap(last, line)
    if line["top"] < last["top"]:  # the next column: only a sentence left open goes on there
        return bool(_OPEN_END_RE.search(last["text"].strip())) \
            and bool(GOES_ON_RE.match(line["text"].strip()))
    if gap < limit and last["x1"] >= FULL_LINE * last.get("right", right):
        return True
    return gap < max(limit, OPEN_GAP) and bool(_OPEN_END_RE.search(last["text"].strip())) \
        and bool(GOES_ON_RE.match(line["text"].strip()))
