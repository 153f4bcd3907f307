"""Paged text: a PDF's or a scan's pages carried through cleaning and normalisation, so that
each page's place in the stored text is known (citations name it: "trang 3").

A reader returns its pages as :class:`PageText`; :func:`join_pages` writes them as one text
with a mark line before each page, which every cleaning step (``rag.ingest.readers``) leaves
alone; :func:`split_pages` takes the marks out of the final text and returns where each page
starts in it (``index.records.Page``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rag.records import Page

# A private-use character on a line of its own: nothing a reader extracts looks like it, and
# normalisation (NFC, tone marks, spaces) leaves it as it is.
_MARK = "\ue000"
_MARK_RE = re.compile(rf"^{_MARK}page (\d+)(?: ocr (\d+(?:\.\d+)?))?{_MARK}$", re.MULTILINE)


@dataclass(frozen=True)
class PageText:
    """One page of a file: its ``number`` (1-based), its ``text`` (tables as lines), and
    ``ocr``, Tesseract's mean word confidence (0-100) when the page was read from its image
    (None: from its text layer); ``unread`` why a scanned page could not be read by OCR
    (Tesseract missing, or the page read as no text: noise, a picture; ``text`` is then its
    text layer, if any).  The marks carry
    ``number`` and ``ocr``; ``unread`` is the reader's to pass on."""

    number: int
    text: str
    ocr: float | None = None
    unread: str | None = None


def join_pages(pages: Sequence[PageText]) -> str:
    """The pages as one text, each after a mark line naming it (see :func:`split_pages`)."""
    out = []
    for p in pages:
        conf = f" ocr {p.ocr:.1f}" if p.ocr is not None else ""
        out.append(f"{_MARK}page {p.number}{conf}{_MARK}\n{p.text}")
    return "\n\n".join(out)


def is_mark(line: str) -> bool:
    """Whether a line is a page mark written by :func:`join_pages`."""
    return line.startswith(_MARK) and _MARK_RE.fullmatch(line) is not None


def split_pages(text: str) -> tuple[str, tuple[Page, ...]]:
    """``text`` without its page marks, pages apart by a blank line, and where each page
    starts in it.  A page left empty keeps its place (a span of no characters), so a scanned
    page that gave no text is still known.  Text without marks comes back as it is, with
    no pages."""
    marks = list(_MARK_RE.finditer(text))
    if not marks:
        return text, ()
    segments = [text[:marks[0].start()]]
    segments += [text[m.end():(marks[i + 1].start() if i + 1 < len(marks) else len(text))]
                 for i, m in enumerate(marks)]
    out: list[str] = []
    pages: list[Page] = []
    length = 0
    head = segments[0].strip("\n")
    if head:  # text before the first mark (none from join_pages) belongs to the first page
        segments[1] = head + "\n\n" + segments[1]
    for m, segment in zip(marks, segments[1:], strict=True):
        body = segment.strip("\n")
        start = length + (2 if out and body else 0)
        pages.append(Page(start, int(m.group(1)),
                          float(m.group(2)) if m.group(2) is not None else None))
        if body:
            out.append(body)
            length = start + len(body)
    return "\n\n".join(out), tuple(pages)
