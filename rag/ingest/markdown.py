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
from collections.abc import Sequence

from rag.ingest.tables import Blocks, table_caption

_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPH = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_LIST_RE = re.compile(r"^(?:[-*+]|\d+\.)\s+")
# A delimiter row's cell: "---", ":--", "--:", ":-:" (GFM: at least one hyphen).
_DELIMITER_CELL = re.compile(r"\s*:?-+:?\s*")
_PIPE_RE = re.compile(r"(?<!\\)\|")


def pipe_cells(line: str) -> list[str] | None:
    """The cells of a pipe table's row ("| a | b |" or "a | b", the outer pipes optional,
    "\\|" a pipe inside a cell), stripped; None for a line without a pipe."""
    text = line.strip()
    if not _PIPE_RE.search(text):
        return None
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    return [cell.strip().replace("\\|", "|") for cell in _PIPE_RE.split(text)]


def _is_delimiter(cells: list[str] | None, width: int) -> bool:
    return cells is not None and len(cells) == width and \
        all(_DELIMITER_CELL.fullmatch(cell) for cell in cells)


def split_tables(lines: Sequence[str]) -> list[str | list[list[str]]]:
    """``lines`` with each pipe table taken out as its rows of cells: a header row, a
    delimiter row of as many cells ("|---|:--:|"), then every following line with a pipe up
    to a blank line or one without (GFM's rule; a row's missing cells are empty, its excess
    ones dropped).  Every other line stays a string, in order; lines with pipes and no
    delimiter row under them ("2:05 PM | 22/5/2018") are not a table."""
    out: list[str | list[list[str]]] = []
    i = 0
    while i < len(lines):
        head = pipe_cells(lines[i])
        if head is None or i + 1 >= len(lines) or \
                not _is_delimiter(pipe_cells(lines[i + 1]), len(head)):
            out.append(lines[i])
            i += 1
            continue
        rows = [head]
        i += 2
        while i < len(lines) and lines[i].strip():
            cells = pipe_cells(lines[i])
            if cells is None:
                break
            rows.append((cells + [""] * len(head))[:len(head)])
            i += 1
        out.append(rows)
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


def text_with_tables(raw: str) -> str:
    """A plain text file's text with its pipe tables as figure lines (:func:`tables_text`);
    a text without one is returned as it is."""
    parts = split_tables(raw.split("\n"))
    if all(isinstance(p, str) for p in parts):
        return raw
    return tables_text(parts)


def _inline(text: str) -> str:
    """Text without Markdown's inline markup: links and images to their text, emphasis and
    code marks dropped."""
    return _MD_EMPH.sub(r"\2", _MD_LINK.sub(r"\1", text))


def md_to_text(raw: str) -> tuple[str, str]:
    """(title, text) of a Markdown file: its first heading, and the text without markup
    (headings' "#", list marks, links, emphasis), its pipe tables as figure lines
    (:func:`tables_text`, each cell without its markup)."""
    title = ""
    parts: list[str | list[list[str]]] = []
    for part in split_tables([line.strip() for line in raw.split("\n")]):
        if not isinstance(part, str):
            parts.append([[_inline(cell) for cell in row] for row in part])
            continue
        if part.startswith("#"):
            part = part.lstrip("#").strip()
            if not title:
                title = part
                continue
        parts.append(_inline(_LIST_RE.sub("", part)))
    if all(isinstance(p, str) for p in parts):
        return title, "\n".join(p for p in parts if isinstance(p, str))
    return title, tables_text(parts, [title] if title else [])
