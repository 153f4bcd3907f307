"""Markdown files, and pipe tables in any text file.

A Markdown file's first heading is its title and its markup is dropped.  A pipe table --
a header row "| Chỉ tiêu | 2024 | Ước 2028 |", a delimiter row "|---|---|" under it, then its
rows, as GitHub Flavored Markdown writes it (https://github.github.com/gfm/#tables-extension-)
-- is read as the table it is, by the one table reader every other format uses
(``rag.ingest.tables``): one line per figure, "Ước 2028 — Số chợ: 167 chợ", exactly as
the same table saved as .csv or .xlsx reads.  Left as text, its rows were one long line of
numbers with no period beside each, and questions on it were refused or met another figure.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

from rag.ingest.tables import Blocks, is_figure, table_caption
from rag.vi.frames.lead_ins import key_period
from rag.vi.numbers import find_values, mark_group_spaces

_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPH = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_LIST_RE = re.compile(r"^(?:[-*+]|\d+\.)\s+")
# GFM's pipe tables are found by markdown-it-py (CommonMark with its "table" rule), not by a
# parser of our own: it knows the delimiter row, escaped pipes and cell counts
_TABLES = MarkdownIt("commonmark", {"html": False}).enable("table")


def _table_rows(tokens: Sequence[Token], k: int) -> tuple[list[tuple[int, list[str]]], int]:
    """The rows of the table opening at ``tokens[k]``, each as (its line, its cells
    stripped), and the index of its "table_close" token."""
    rows: list[tuple[int, list[str]]] = []
    row: list[str] | None = None
    line = 0
    while tokens[k].type != "table_close":
        token = tokens[k]
        if token.type == "tr_open":
            row, line = [], token.map[0] if token.map else line
        elif token.type == "inline" and row is not None:
            row.append(token.content.strip())
        elif token.type == "tr_close" and row is not None:
            rows.append((line, row))
            row = None
        k += 1
    return rows, k


def split_tables(lines: Sequence[str]) -> list[str | list[list[str]]]:
    """``lines`` with each pipe table taken out as its rows of cells, as markdown-it-py
    parses GitHub Flavored Markdown's tables (https://github.github.com/gfm/#tables-extension-):
    a header row, a delimiter row of as many cells ("|---|:--:|"), then its rows (a row's
    missing cells empty, its excess ones dropped, "\\|" a pipe inside a cell).  Each line is
    read with its indent stripped (a plain text file indents freely).  One difference from
    GFM: the table ends at the first line without a pipe, where GFM would make it a row --
    reports write "Đơn vị tính: …" or "Nguồn: …" straight under a table.  Every other line
    stays a string, in order; lines with pipes and no delimiter row under them ("2:05 PM |
    22/5/2018") are not a table."""
    tokens = _TABLES.parse("\n".join(line.strip() for line in lines))
    out: list[str | list[list[str]]] = []
    done = 0  # lines before this one are in ``out``
    k = 0
    while k < len(tokens):
        span = tokens[k].map
        if tokens[k].type == "table_open" and span:
            first = span[0]
            rows, k = _table_rows(tokens, k)
            kept: list[list[str]] = []
            last = first
            for line, cells in rows:
                if kept and "|" not in lines[line]:
                    break
                kept.append(cells)
                last = line
            out.extend(lines[done:first])
            out.append(kept)
            done = max(last + 1, first + 2)  # the delimiter row is the table's too
        k += 1
    out.extend(lines[done:])
    return out


def tables_text(parts: Sequence[str | list[list[str]]], before: Sequence[str] = ()) -> str:
    """The text of :func:`split_tables`' ``parts`` with each table written as its figure
    lines (``rag.ingest.tables.Blocks``: the paragraph just before it its caption, a unit
    line after it its unit), paragraphs -- runs of lines without a blank one -- apart by a
    blank line.  ``before``: text above the parts that may caption a table at their head (a
    Markdown file's title)."""
    blocks = Blocks()
    paragraph: list[str] = []
    recent: list[str] = list(before)  # the paragraphs since the last table

    def close() -> None:
        if paragraph:
            text = "\n".join(paragraph)
            blocks.paragraph(text)
            recent.append(text)
            paragraph.clear()

    for part in parts:
        if isinstance(part, str):
            if part.strip():
                paragraph.append(part)
            else:
                close()
            continue
        close()
        blocks.table(part, table_caption(recent[-1:]))
        recent = []
    close()
    return "\n\n".join(blocks.blocks)


def tab_tables(parts: Sequence[str | list[list[str]]]) -> list[str | list[list[str]]]:
    """``parts`` (:func:`split_tables`') with each run of two lines or more whose cells are
    apart by tabs -- rows copied from a sheet into a text file ("Chỉ tiêu\tĐơn vị\tQuý
    I/2019" over "Số lượt xe xuất khẩu\tlượt\t45.120") -- taken out as a table's rows, when
    every line of the run has two cells or more with text and some cell is a figure
    (``rag.ingest.tables.is_figure``); a line indented by a tab is one cell, not a row.  Left
    as text, such rows read as sentences without periods (break-test round 12 of issue 16)."""
    def read(run: Sequence[str]) -> list[str | list[list[str]]]:
        rows = [[c.strip() for c in line.strip().split("\t")] for line in run]
        if len(rows) >= 2 and any(is_figure(c) for r in rows for c in r):
            return [rows]
        return list(run)

    return _line_runs(parts, lambda part: sum(1 for c in part.strip().split("\t")
                                              if c.strip()) >= 2, read)


# a row of a pipe table typed without GFM's delimiter row: "| Kim ngạch | Triệu USD | 1.630 |"
# (boxed by pipes), or "Kim ngạch | Triệu USD | 1.630" (three cells or more); a row of the
# delimiter's dashes alone is no row of figures
_PIPE_DASHES = re.compile(r"[\s|:-]*")


def _pipe_cells(line: str) -> list[str] | None:
    """The cells of ``line`` read as a row of a pipe table without a delimiter row
    (:func:`pipe_tables`): boxed by pipes with two cells or more, or three cells or more
    between pipes; None for any other line."""
    text = line.strip()
    if "|" not in text or _PIPE_DASHES.fullmatch(text):
        return None
    boxed = text.startswith("|") and text.endswith("|") and len(text) > 1
    cells = [c.strip() for c in (text[1:-1] if boxed else text).split("|")]
    if len(cells) >= (2 if boxed else 3):
        return cells
    return None


def pipe_tables(parts: Sequence[str | list[list[str]]]) -> list[str | list[list[str]]]:
    """``parts`` (:func:`split_tables`') with each run of two lines or more that are rows of
    a pipe table typed without GFM's delimiter row -- "| Chỉ tiêu | Đơn vị | Kế hoạch năm
    2074 | Thực hiện 9 tháng | So kế hoạch (%) | So cùng kỳ (%) |" over "| Kim ngạch xuất
    khẩu | Triệu USD | 1.630 | 1.285 | 78,8 | 112,6 |" (:func:`_pipe_cells`) -- taken out as a
    table's rows, as :func:`tab_tables` takes out tab-separated ones, when every line of the
    run has as many cells and some cell past the first column is a figure
    (``rag.ingest.tables.is_figure``).  Left as text, such rows were read cell by cell
    without the table reader every other format goes through: their first cell (empty,
    before the first pipe) was the indicator, and a "So cùng kỳ (%)" column of indexes read
    as rises of 105,9% -- a "% kế hoạch" question on the table was refused (break-test
    bt18-b17 failure 3).  A line of dashes in the run (a delimiter row GFM rejected) is
    dropped."""
    def read(run: Sequence[str]) -> list[str | list[list[str]]]:
        rows = [cells for line in run if (cells := _pipe_cells(line)) is not None]
        if len(rows) >= 2 and len({len(r) for r in rows}) == 1 and \
                any(is_figure(c) for r in rows for c in r[1:]):
            return [rows]
        return list(run)

    return _line_runs(parts, lambda part: _pipe_cells(part) is not None
                      or ("|" in part and _PIPE_DASHES.fullmatch(part.strip()) is not None),
                      read)


def _line_runs(parts: Sequence[str | list[list[str]]], is_row: Callable[[str], bool],
               read: Callable[[Sequence[str]], list[str | list[list[str]]]]
               ) -> list[str | list[list[str]]]:
    """``parts`` with each run of consecutive text lines that ``is_row`` holds replaced by
    what ``read`` makes of it (a table's rows, or the lines left as text); tables already
    found pass through.  The one loop of :func:`tab_tables` and :func:`space_tables`."""
    out: list[str | list[list[str]]] = []
    run: list[str] = []
    for part in parts:
        if isinstance(part, str) and is_row(part):
            run.append(part)
            continue
        if run:
            out.extend(read(run))
            run = []
        out.append(part)
    if run:
        out.extend(read(run))
    return out


# a cell of a space-aligned row: words one space apart; two spaces or more end it
_SPACED_CELL_RE = re.compile(r"\S+(?: \S+)*")


def _spaced_cells(line: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of the cells of a space-aligned ``line`` (``_SPACED_CELL_RE``,
    tabs expanded): a space of any width that separates a number's thousands
    (``rag.vi.numbers.mark_group_spaces``) stays inside its cell -- "318\u202f460" is one
    cell, never two columns -- and is written as a plain space in the cell's text."""
    line = line.expandtabs()
    plain = mark_group_spaces(line)
    return [(m.start(), m.end(), plain[m.start():m.end()])
            for m in _SPACED_CELL_RE.finditer(mark_group_spaces(line, "_"))]


def _aligned_rows(lines: Sequence[str]) -> list[list[str]] | None:
    """The rows of cells of ``lines`` read as a table whose columns are aligned with spaces,
    or None when they are not one.  A line's cells (:func:`_spaced_cells`) are its runs of
    words one space apart (two spaces or more part them; a tab is taken to the next multiple
    of 8; a number's thousands separator never does).  Columns are
    the spans of the cells of the lines with the most cells, each widened to all of them:
    they must leave a blank column between each two (a gutter every line keeps), and every
    cell of every line must fall in exactly one column, none twice (a missing cell, an empty
    one).  Prose whose words two spaces happen to part has no such gutter: its cells
    straddle the columns of the other lines."""
    spans = [_spaced_cells(line) for line in lines]
    if len(spans) < 2 or any(len(s) < 2 for s in spans):
        return None
    width = max(len(s) for s in spans)
    full = [s for s in spans if len(s) == width]
    cols = [(min(s[k][0] for s in full), max(s[k][1] for s in full)) for k in range(width)]
    if any(a[1] >= b[0] for a, b in zip(cols, cols[1:], strict=False)):
        return None
    rows = []
    for s in spans:
        row = [""] * width
        for start, end, text in s:
            hits = [k for k, (a, b) in enumerate(cols) if start < b and a < end]
            if len(hits) != 1 or row[hits[0]]:
                return None
            row[hits[0]] = text
        rows.append(row)
    return rows


def space_tables(parts: Sequence[str | list[list[str]]]) -> list[str | list[list[str]]]:
    """``parts`` (:func:`tab_tables`') with each run of two lines or more whose cells are
    aligned in columns with runs of spaces -- a table typed or exported as plain text
    ("Chỉ tiêu          Năm 2048" over "Cá nuôi lồng          3.415", under "ĐVT: tấn") --
    taken out as a table's rows, as :func:`tab_tables` takes out tab-separated ones, when
    the run's lines keep a common gutter between columns (:func:`_aligned_rows`) and some
    cell past the first column is a figure (``rag.ingest.tables.is_figure``).  A run whose
    first line is no row of it (a caption with its unit far right) leaves that line as
    text.  Left as text, the spaces collapsed and the columns were lost: a figure without
    its period or unit (break-test bt2-b16 item 5)."""
    def table(lines: Sequence[str]) -> list[list[str]] | None:
        rows = _aligned_rows(lines)
        if rows and any(is_figure(c) for r in rows for c in r[1:]):
            return rows
        return None

    def read(run: Sequence[str]) -> list[str | list[list[str]]]:
        rows = table(run)
        if rows is not None:
            return [rows]
        if len(run) > 2 and (rows := table(run[1:])) is not None:
            return [run[0], rows]
        return list(run)

    return _line_runs(parts, lambda part: len(_spaced_cells(part)) >= 2,
                      read)


# a plain-text row "Năm 2023: 3.115" (a list mark before it allowed): a label, a colon, and a
# bare figure -- a number or a percentage, no unit, no word
_COLON_ROW = re.compile(r"^(?:[-*+•]\s*)?(?P<label>[^:\n]{1,40}?)\s*:\s*"
                        r"(?P<value>[-−+]?\d[\d.,]*(?:\s*%)?)\s*$")
# the year a period label without its own ("Quý II", "Tháng 3") is recognized with; the
# frames later read the row's period with the document's year
_ANY_YEAR = 2000


def _colon_row(line: str) -> tuple[str, str] | None:
    """(label, value) of ``line`` read as a row of :func:`colon_tables`: a label that is only
    a period (``rag.vi.frames.lead_ins.key_period``) and one bare figure; else None."""
    m = _COLON_ROW.match(line.strip())
    if m is None or len(find_values(m.group("value"))) != 1 or \
            key_period(m.group("label").strip(), _ANY_YEAR) is None:
        return None
    return m.group("label").strip(), m.group("value").strip()


def colon_tables(parts: Sequence[str | list[list[str]]]) -> list[str | list[list[str]]]:
    """``parts`` (:func:`split_tables`') with each run of two lines or more of "PERIOD:
    FIGURE" -- "Năm 2023: 3.115", "- Quý I/2027: 1.204" (:func:`_colon_row`: the label only a
    period, the figure bare) -- right under a line ending in ":" taken out as a two-column
    table's rows, as :func:`tab_tables` takes out tab-separated ones.  The line above is the
    table's lead-in: its caption, giving the rows their indicator and, in brackets, their
    unit ("Kim ngạch xuất nhập khẩu qua địa bàn giai đoạn 2023 - 2027 (triệu USD):"), as it
    does for a DOCX or HTML table under it.  Left as text, each row was a sentence of a bare
    number with no unit and no indicator, read as no figure: a question over the years got
    only the year stated in prose (break-test bt17h).  A line of prose ("Năm 2023: kim ngạch
    đạt 3.115 triệu USD") or a label that is no period ("Xuất khẩu: 2.418") is no row."""
    out: list[str | list[list[str]]] = []
    run: list[tuple[str, str]] = []
    lines: list[str] = []

    def close() -> None:
        led = bool(out) and isinstance(out[-1], str) and out[-1].rstrip().endswith(":")
        if len(run) >= 2 and led:
            out.append([list(r) for r in run])
        else:
            out.extend(lines)
        run.clear()
        lines.clear()

    for part in parts:
        if isinstance(part, str) and (row := _colon_row(part)) is not None:
            run.append(row)
            lines.append(part)
            continue
        if run:
            close()
        out.append(part)
    if run:
        close()
    return out


def text_with_tables(raw: str) -> str:
    """A plain text file's text with its pipe tables (with a delimiter row or without one:
    :func:`pipe_tables`), tab-separated tables (:func:`tab_tables`), space-aligned ones
    (:func:`space_tables`) and rows "Năm 2023: 3.115" under a lead-in (:func:`colon_tables`)
    as figure lines (:func:`tables_text`); a
    text without one is returned as it is."""
    parts = colon_tables(space_tables(tab_tables(pipe_tables(split_tables(raw.split("\n"))))))
    if all(isinstance(p, str) for p in parts):
        return raw
    return tables_text(parts)


def _inline(text: str) -> str:
    """Text without Markdown's inline markup: links and images to their text, emphasis and
    code marks dropped."""
    return _MD_EMPH.sub(r"\2", _MD_LINK.sub(r"\1", text))


def md_to_text(raw: str) -> tuple[str, str]:
    """(title, text) of a Markdown file: its first heading, and the text without markup
    (headings' "#", list marks, links, emphasis), its pipe tables -- with a delimiter row or
    without one (:func:`pipe_tables`) -- as figure lines (:func:`tables_text`, each cell
    without its markup)."""
    title = ""
    parts: list[str | list[list[str]]] = []
    for part in pipe_tables(split_tables([line.strip() for line in raw.split("\n")])):
        if not isinstance(part, str):
            parts.append([[_inline(cell) for cell in row] for row in part])
            continue
        if part.startswith("#"):
            part = part.lstrip("#").strip()
            if not title:
                title = part
                continue
        parts.append(_inline(_LIST_RE.sub("", part)))
    parts = colon_tables(parts)
    if all(isinstance(p, str) for p in parts):
        return title, "\n".join(p for p in parts if isinstance(p, str))
    return title, tables_text(parts, [title] if title else [])
