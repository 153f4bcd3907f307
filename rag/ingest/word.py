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
from rag.ingest.ooxml import check_archive
from rag.ingest.tables import Blocks, table_caption
from rag.vi.letterhead import is_kind, is_letterhead, kind_title, names_kind

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
    head, header = _headers_and_footers(doc, unicode)
    body, paragraphs = _body(doc, unicode)
    title = unicode((doc.core_properties.title or "").strip()) or _title(paragraphs, header)
    return "\n\n".join(head + body), title


def _texts(doc: Any) -> list[str]:
    """The text of every paragraph of the body (table cells' too), headers and footers."""
    roots = [doc.element.body]
    for section in doc.sections:
        for part in (section.header, section.footer, section.first_page_header,
                     section.first_page_footer):
            if not part.is_linked_to_previous:
                roots.append(part._element)
    return [paragraph_text(p) for root in roots for p in root.iter(_W + "p")]


# Tracked changes (ECMA-376 Part 1, 17.13.5): text deleted or moved away is shown struck
# through and is not the document's; a nested paragraph (a text box's) is read on its own.
_NOT_TEXT = {_W + "del", _W + "moveFrom", _W + "p", _W + "txbxContent"}


def paragraph_text(p: Any) -> str:
    """The text of a ``w:p`` element as the document reads with its tracked changes
    accepted: its runs in order -- inside hyperlinks, content controls, fields and inserted
    (``w:ins``) or moved-here (``w:moveTo``) text too -- without deleted (``w:del``) or
    moved-away (``w:moveFrom``) text; tabs and breaks as python-docx's ``Run.text`` writes
    them.  python-docx's ``Paragraph.text`` reads only the paragraph's own runs and
    hyperlinks, so a correction typed with Track Changes on was lost and the figure it
    replaced was left out with it."""
    out: list[str] = []
    for run in p.iter(_W + "r"):
        parent = run.getparent()
        while parent is not None and parent is not p and parent.tag not in _NOT_TEXT:
            parent = parent.getparent()
        if parent is p:
            out.append(run.text if hasattr(run, "text") and isinstance(run.text, str) else
                       "".join(t.text or "" for t in run.iter(_W + "t")))
    return "".join(out)


def _headers_and_footers(doc: Any, unicode: Callable[[str], str]
                         ) -> tuple[list[str], list[str]]:
    """(the distinct lines of every section's headers and footers, page numbers left out;
    those of the headers alone)."""
    lines: list[str] = []
    header: list[str] = []
    for section in doc.sections:
        parts = [section.header, section.footer]
        if section.different_first_page_header_footer:
            parts += [section.first_page_header, section.first_page_footer]
        for k, part in enumerate(parts):  # a header, a footer, a header, a footer
            if part.is_linked_to_previous and lines:
                continue
            for block in _blocks(part, part._element, unicode):
                # a header sets its parts apart with a tab or a run of spaces, the issuer
                # left and "Số 88/BC-SCT ngày 12/12/2019" right: each part is a line of its own
                for line in re.split(r"\n|\t+| {3,}", block):
                    line = _PAGE_RE.sub("", " ".join(line.split())).strip(" –—-|")
                    if line and line not in lines:
                        lines.append(line)
                        if k % 2 == 0:
                            header.append(line)
    return lines, header


def _body(doc: Any, unicode: Callable[[str], str]
          ) -> tuple[list[str], list[tuple[str, str]]]:
    """(blocks of the body in document order, its paragraphs' texts with their style's
    name)."""
    from docx.text.paragraph import Paragraph

    paragraphs = []
    for el in doc.element.body:
        if el.tag == _W + "p":
            text = unicode(paragraph_text(el).strip())
            if text:
                style = Paragraph(el, doc).style
                paragraphs.append((text, style.name or "" if style is not None else ""))
    return _blocks(doc, doc.element.body, unicode), paragraphs


def _blocks(parent: Any, element: Any, unicode: Callable[[str], str]) -> list[str]:
    """Paragraph texts and rendered tables of ``element``'s children, in order."""
    from docx.table import Table

    out = Blocks()  # a unit line right after a table gives it its unit
    before: list[str] = []  # the paragraphs since the last table
    for el in element:
        if el.tag == _W + "p":
            text = unicode(paragraph_text(el).strip())
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
            cells.append(unicode("\n".join(paragraph_text(p._p) for p in cell.paragraphs)))
            again.append(key in seen)
            seen[key] = cell._tc
        rows.append(cells)
        merged.append(again)
    return rows, merged


def _opening(lines: list[str]) -> str | None:
    """The title the first of ``lines`` gives: joined to the next when it only names the kind
    of document ("BÁO CÁO" + "Kết quả ..." -> "Báo cáo kết quả ...",
    ``rag.vi.letterhead``), else the line itself."""
    if not lines:
        return None
    if is_kind(lines[0]) and len(lines) > 1:
        return kind_title(lines[0], lines[1])
    return lines[0]


def _reads_as_title(line: str) -> bool:
    """Short and not ending as a sentence or a lead-in does, the rule ``rag.ingest.readers``
    takes a text's first line as its title by."""
    return len(line) <= 250 and not line.endswith((".", "…", ":", ";"))


def _title(paragraphs: list[tuple[str, str]], header: list[str]) -> str | None:
    """The report's own title, from its body's paragraphs (text, style name) and its
    header's lines: the first paragraph in Word's "Title" style; else the first paragraph
    after the letterhead when it is in a heading style or names the document's kind
    ("BÁO CÁO" + its subject, :func:`_opening`); else a header line that names the kind
    ("BÁO CÁO tình hình ngành điện 6 tháng đầu năm 2024" printed atop each page, over a
    first paragraph that only leads in: "Kết quả thực hiện như sau:"); else the first
    paragraph of at most 250 characters.  A paragraph's lines (a line break inside it) are
    read as lines.  Word writes its built-in styles' names in English whatever the
    language it runs in ("Title", "heading 1"; python-docx gives "Heading 1")."""
    styled = next((text for text, style in paragraphs if style.casefold() == "title"), None)
    if styled:
        return " ".join(styled.split())
    lines = [line.strip() for text, _ in paragraphs for line in text.split("\n") if line.strip()]
    lines = list(dropwhile(is_letterhead, lines))
    first_style = next((style for text, style in paragraphs
                        if lines and lines[0] in (x.strip() for x in text.split("\n"))), "")
    if lines and (first_style.casefold().startswith("heading") or is_kind(lines[0])):
        return _opening(lines)
    heads = list(dropwhile(is_letterhead, header))
    for k, line in enumerate(heads):
        if is_kind(line) and k + 1 < len(heads) or names_kind(line) and _reads_as_title(line):
            return _opening(heads[k:])
    return lines[0] if lines and len(lines[0]) <= 250 else None
