"""The text of a .docx file, read with python-docx: the section headers and footers once at
the head (report title, period, "Số 125/BC-SCT, ngày 05/6/2025"), then the body in document
order -- paragraphs and tables interleaved, so a table stays under the caption that names its
period -- with each table's figures as lines of their own (``rag.ingest.tables``); a merged
cell labels every column it spans in the header and is read once in the body."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from itertools import dropwhile
from typing import Any

from rag.errors import IngestError
from rag.ingest.legacy import converter
from rag.ingest.letterhead import is_kind, is_letterhead, kind_title
from rag.ingest.ooxml import check_archive
from rag.ingest.tables import Blocks, table_caption

_PAGE_RE = re.compile(r"\s*[-–—|]?\s*(?:trang|page)\s*\d*\s*(?:/\s*\d+)?\s*$", re.IGNORECASE)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_text(name: str, data: bytes) -> tuple[str, str | None]:
    """(text, title) of a .docx file, its paragraphs and cells typed in a legacy font (TCVN3,
    VNI) converted before its tables are written as lines (``rag.ingest.legacy.converter``);
    IngestError when it is not a readable one (or expands past ooxml.MAX_UNCOMPRESSED bytes,
    checked before parsing; LegacyEncodingError when its legacy text cannot be converted)."""
    check_archive(name, data, "DOCX")
    from docx import Document as Docx

    try:
        doc = Docx(io.BytesIO(data))
    except Exception as exc:  # python-docx raises a variety of parser errors
        raise IngestError(f"{name}: not a readable DOCX ({exc.__class__.__name__})") from exc
    unicode = converter(_texts(doc))  # legacy-font text, converted before tables are lines
    head = _headers_and_footers(doc, unicode)
    body, paragraphs = _body(doc, unicode)
    title = unicode((doc.core_properties.title or "").strip()) or _title(paragraphs)
    return "\n\n".join(head + body), title


def _texts(doc: Any) -> list[str]:
    """The text of every paragraph of the body (table cells' too), headers and footers."""
    roots = [doc.element.body]
    for section in doc.sections:
        for part in (section.header, section.footer, section.first_page_header,
                     section.first_page_footer):
            if not part.is_linked_to_previous:
                roots.append(part._element)
    return ["".join(t.text or "" for t in p.iter(_W + "t"))
            for root in roots for p in root.iter(_W + "p")]


def _headers_and_footers(doc: Any, unicode: Callable[[str], str]) -> list[str]:
    """The distinct lines of every section's headers and footers, page numbers left out."""
    lines: list[str] = []
    for section in doc.sections:
        parts = [section.header, section.footer]
        if section.different_first_page_header_footer:
            parts += [section.first_page_header, section.first_page_footer]
        for part in parts:
            if part.is_linked_to_previous and lines:
                continue
            for block in _blocks(part, part._element, unicode):
                for line in block.split("\n"):
                    line = _PAGE_RE.sub("", " ".join(line.split())).strip(" –—-|")
                    if line and line not in lines:
                        lines.append(line)
    return lines


def _body(doc: Any, unicode: Callable[[str], str]) -> tuple[list[str], list[str]]:
    """(blocks of the body in document order, its paragraphs' texts)."""
    from docx.text.paragraph import Paragraph

    paragraphs = [unicode(Paragraph(el, doc).text.strip()) for el in doc.element.body
                  if el.tag == _W + "p"]
    return _blocks(doc, doc.element.body, unicode), [p for p in paragraphs if p]


def _blocks(parent: Any, element: Any, unicode: Callable[[str], str]) -> list[str]:
    """Paragraph texts and rendered tables of ``element``'s children, in order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    out = Blocks()  # a unit line right after a table gives it its unit
    before: list[str] = []  # the paragraphs since the last table
    for el in element:
        if el.tag == _W + "p":
            text = unicode(Paragraph(el, parent).text.strip())
            if text:
                out.paragraph(text)
                before.append(text)
        elif el.tag == _W + "tbl":
            rows, merged = _rows(Table(el, parent), unicode)
            out.table(rows, table_caption(before), merged)
            before = []
    return out.blocks


def _rows(table: Any, unicode: Callable[[str], str]) -> tuple[list[list[str]], list[list[bool]]]:
    """A table's rows of cell texts, a merged cell's text (gridSpan, vMerge) in every grid
    cell it spans, and for each row which cells continue a merged cell (python-docx gives
    a merged cell once per grid cell it spans): ``rag.ingest.tables.table_lines`` reads a
    merged header cell over every column it spans, and a merged body cell once."""
    seen: dict[int, Any] = {}  # the elements are kept, so that their ids stay theirs
    rows, merged = [], []
    for row in table.rows:
        cells, again = [], []
        for cell in row.cells:
            key = id(cell._tc)
            cells.append(unicode(cell.text))
            again.append(key in seen)
            seen[key] = cell._tc
        rows.append(cells)
        merged.append(again)
    return rows, merged


def _title(paragraphs: list[str]) -> str | None:
    """The report's own title: its first paragraph after the letterhead, joined to the next
    when it only names the kind of document ("BÁO CÁO" + "Kết quả ..." -> "Báo cáo kết quả
    ...", ``rag.ingest.letterhead``)."""
    paragraphs = list(dropwhile(is_letterhead, paragraphs))
    if not paragraphs:
        return None
    first = paragraphs[0]
    if is_kind(first) and len(paragraphs) > 1:
        return kind_title(first, paragraphs[1])
    return first if len(first) <= 250 else None
