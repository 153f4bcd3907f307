"""The text of a PDF: pypdf checks the file first (its decompression limits stop a bomb
early, with a clear error), then pdfplumber reads each page's tables as rows of cells
(``rag.ingest.tables``) and the text around them as paragraphs (lines wrapped by the page
joined again), top to bottom."""

from __future__ import annotations

import io
import logging
import re
from typing import Any

from rag.errors import IngestError
from rag.ingest.tables import table_caption, table_lines

log = logging.getLogger(__name__)

# Two lines are one paragraph when the gap between them is under this share of a line's height.
PARAGRAPH_GAP = 0.8
# ... and the first one reaches this share of the page's text width (a heading does not).
FULL_LINE = 0.8


def pdf_text(name: str, data: bytes) -> str:
    """The text of a PDF file, tables as lines; IngestError when it is not a readable PDF."""
    plain = _pypdf_text(name, data)
    try:
        return _plumbed_text(data)
    except Exception as exc:  # pdfminer raises many kinds on odd files; pypdf's text stands
        log.warning("%s: tables not read (%s); using the plain text", name, exc)
        return plain


def _pypdf_text(name: str, data: bytes) -> str:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        return "\n\n".join((page.extract_text() or "") for page in reader.pages)
    except Exception as exc:  # pypdf raises many kinds on a corrupt file (LimitReachedError, ...)
        raise IngestError(f"{name}: not a readable PDF ({exc})") from exc


def _plumbed_text(data: bytes) -> str:
    import pdfplumber

    blocks: list[str] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            blocks.extend(_page_blocks(page))
    return "\n\n".join(blocks)


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


def _page_blocks(page: Any) -> list[str]:
    """A page's paragraphs and tables, in reading order (by their top)."""
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]

    def outside(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") != "char":
            return True
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    text_lines = [line for line in page.filter(outside).extract_text_lines()
                  if not _page_furniture(line, page.height)]
    right = max((line["x1"] for line in text_lines), default=0.0)
    items: list[tuple[float, str, Any]] = [(line["top"], "line", line) for line in text_lines]
    items += [(t.bbox[1], "table", t) for t in tables]
    items.sort(key=lambda item: item[0])
    blocks: list[str] = []
    paragraph: list[str] = []
    last: dict[str, Any] | None = None
    for _, kind, item in items:
        if kind == "table":
            joined = " ".join(paragraph)
            caption = table_caption([joined])
            if paragraph:
                blocks.append(joined)
                paragraph = []
            lines = table_lines(item.extract(), caption)
            if lines:
                blocks.append("\n".join(lines))
            last = None
            continue
        text = item["text"].strip()
        if not text:
            continue
        height = max(1.0, last["bottom"] - last["top"]) if last else 0.0
        if last is not None and item["top"] - last["bottom"] < PARAGRAPH_GAP * height \
                and last["x1"] >= FULL_LINE * right:  # a line the page wrapped
            paragraph.append(text)
        else:
            if paragraph:
                blocks.append(" ".join(paragraph))
            paragraph = [text]
        last = item
    if paragraph:
        blocks.append(" ".join(paragraph))
    return blocks
