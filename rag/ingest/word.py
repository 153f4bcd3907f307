"""The text of a .docx file, read with python-docx: the section headers and footers once at
the head (report title, period, "Số 125/BC-SCT, ngày 05/6/2025"), then the body in document
order -- paragraphs and tables interleaved, so a table stays under the caption that names its
period -- with each table's figures as lines of their own (``rag.ingest.tables``); a merged
cell labels every column it spans in the header and is read once in the body.  Footnotes and
endnotes (their own package parts, which python-docx does not read) follow the paragraph that
cites them as "Ghi chú: ..." (:func:`_notes`)."""

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
    notes_roots = _note_parts(doc)
    unicode = converter(_texts(doc, notes_roots))  # legacy-font text, converted before tables
    head, header = _headers_and_footers(doc, unicode)
    notes = _notes(notes_roots, unicode)
    body, paragraphs = _body(doc, unicode, notes)
    title = (unicode((doc.core_properties.title or "").strip())
             or _title(paragraphs, header + footer_titles(head, header)))
    # notes no paragraph of the body cites (cited in a header, or not at all) at the end
    body += [NOTE_LEAD + text for text in notes.values()]
    return "\n\n".join(head + body), title


NOTE_LEAD = "Ghi chú: "  # a footnote's or endnote's text as a paragraph of the body
# the package parts of a document's notes (ECMA-376 Part 1, 17.11): relationship type, the
# note element, the reference to it in the body
_NOTE_KINDS = {"footnotes": ("footnote", "footnoteReference"),
               "endnotes": ("endnote", "endnoteReference")}
# notes Word writes for itself: the line above the notes, its continuation (17.11.23)
_NOT_NOTES = {"separator", "continuationSeparator", "continuationNotice"}


def _note_parts(doc: Any) -> list[tuple[str, Any]]:
    """(kind "footnotes"/"endnotes", the part's root element) of the document's notes
    parts: python-docx keeps them as unparsed parts, found by the main part's relationship
    type."""
    from docx.oxml import parse_xml

    out = []
    for rel in doc.part.rels.values():
        kind = rel.reltype.rsplit("/", 1)[-1]
        if kind in _NOTE_KINDS and not rel.is_external:
            try:
                out.append((kind, parse_xml(rel.target_part.blob)))
            except Exception:  # a broken notes part: the body is still read
                continue
    return out


def _notes(roots: list[tuple[str, Any]], unicode: Callable[[str], str]
           ) -> dict[tuple[str, str], str]:
    """The text of every footnote and endnote in ``roots`` (:func:`_note_parts`), keyed by
    (the reference's tag, its id), in order: its paragraphs joined by a space; Word's
    separator notes and empty notes left out (bt14-b16 failure 2: a figure given only in a
    footnote, "theo giá hiện hành đạt 97.530 tỷ đồng", could not be found)."""
    out: dict[tuple[str, str], str] = {}
    for kind, root in roots:
        tag, ref = _NOTE_KINDS[kind]
        for note in root.iter(_W + tag):
            if note.get(_W + "type") in _NOT_NOTES:
                continue
            text = " ".join(" ".join(unicode(paragraph_text(p)).split())
                            for p in note.iter(_W + "p")).strip()
            if text:
                out[(_W + ref, note.get(_W + "id") or "")] = text
    return out


def _cited(element: Any, notes: dict[tuple[str, str], str]) -> list[str]:
    """The notes ``element`` cites, in order, each as a "Ghi chú: ..." paragraph, taken out
    of ``notes`` (a note cited twice is written once)."""
    out = []
    for el in element.iter(*{tag for tag, _ in notes}):
        text = notes.pop((el.tag, el.get(_W + "id") or ""), None)
        if text is not None:
            out.append(NOTE_LEAD + text)
    return out


def _texts(doc: Any, notes: list[tuple[str, Any]]) -> list[str]:
    """The text of every paragraph of the body (table cells' too), headers, footers and
    ``notes`` (:func:`_note_parts`)."""
    roots = [doc.element.body] + [root for _, root in notes]
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


_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"


def _inside(el: Any, stop: Any, tag: str) -> bool:
    """Whether ``el`` lies in an element tagged ``tag`` below ``stop``."""
    parent = el.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == tag:
            return True
        parent = parent.getparent()
    return False


def text_boxes(p: Any) -> list[str]:
    """The paragraphs' texts (stripped, empty ones left out) of the text boxes, shapes and
    drawing objects anchored in the ``w:p`` element ``p``, in order: each box's
    ``w:txbxContent`` read once -- Word writes a box twice, as a DrawingML shape in
    ``mc:Choice`` and as a VML shape in ``mc:Fallback`` for older readers (ECMA-376 Part 3,
    10.2.1), so what lies in a Fallback is left out; a VML-only box (``w:pict``, no
    AlternateContent) is read.  A box inside a box is read within the outer one, once.
    :func:`paragraph_text` leaves a box's text out of its anchor paragraph (break-test
    round 28 of issue 16: "Điểm nhấn: sản lượng xi măng 9 tháng ... đạt 1.865 nghìn tấn"
    typed in a text box was not indexed)."""
    out: list[str] = []
    for box in p.iter(_W + "txbxContent"):
        if _inside(box, p, _MC + "Fallback") or _inside(box, p, _W + "txbxContent"):
            continue
        for inner in box.iter(_W + "p"):
            if _inside(inner, box, _MC + "Fallback"):
                continue
            text = " ".join(paragraph_text(inner).split())
            if text:
                out.append(text)
    return out


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
                for piece in re.split(r"\n|\t+| {3,}", block):
                    piece = _PAGE_RE.sub("", " ".join(piece.split())).strip(" –—-|")
                    for line in _issuer_parts(piece) if piece else []:
                        if line not in lines:
                            lines.append(line)
                            if k % 2 == 0:
                                header.append(line)
    return lines, header


def _body(doc: Any, unicode: Callable[[str], str], notes: dict[tuple[str, str], str]
          ) -> tuple[list[str], list[tuple[str, str]]]:
    """(blocks of the body in document order, the ``notes`` they cite after them
    (:func:`_blocks`), its paragraphs' texts with their style's name)."""
    from docx.text.paragraph import Paragraph

    paragraphs = []
    for el in doc.element.body:
        if el.tag == _W + "p":
            text = unicode(paragraph_text(el).strip())
            if text:
                style = Paragraph(el, doc).style
                paragraphs.append((text, style.name or "" if style is not None else ""))
    return _blocks(doc, doc.element.body, unicode, notes), paragraphs


def _blocks(parent: Any, element: Any, unicode: Callable[[str], str],
            notes: dict[tuple[str, str], str] | None = None) -> list[str]:
    """Paragraph texts and rendered tables of ``element``'s children, in order; with
    ``notes`` (:func:`_notes`, those written are taken out), the notes a paragraph cites
    after it, those a table's cells cite after the paragraph that follows the table (a unit
    line under a table still gives it its unit) or before the next table."""
    from docx.table import Table

    out = Blocks()  # a unit line right after a table gives it its unit
    before: list[str] = []  # the paragraphs since the last table
    pending: list[str] = []  # the notes of the table just read
    for el in element:
        if el.tag == _W + "p":
            text = unicode(paragraph_text(el).strip())
            if text:
                out.paragraph(text)
                before.append(text)
            for box in text_boxes(el):  # a text box anchored here, after its paragraph
                out.paragraph(unicode(box))
                before.append(box)
            for note in pending + (_cited(el, notes) if notes else []):
                out.paragraph(note)
            pending = []
        elif el.tag == _W + "tbl":
            for note in pending:
                out.paragraph(note)
            rows, merged = _rows(Table(el, parent), unicode)
            out.table(rows, table_caption(before), merged)
            before = []
            pending = _cited(el, notes) if notes else []
    for note in pending:
        out.paragraph(note)
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
    header's lines (an issuer leading one set apart, :func:`_issuer_parts`): the first
    paragraph in Word's "Title" style; else the first paragraph after the letterhead when it
    is in a heading style or names the document's kind ("BÁO CÁO" + its subject,
    :func:`_opening`); else a header line that names the kind ("BÁO CÁO tình hình ngành điện
    6 tháng đầu năm 2024" printed atop each page, over a first paragraph that only leads in:
    "Kết quả thực hiện như sau:"); else, when the body opens with a sentence, a header line
    that names a period (:func:`_names_period`: "Tình hình thương mại tháng 8 năm 2035"),
    as a .txt's first line is its title; else the first paragraph of at most 250
    characters.  A paragraph's lines (a line break inside it) are read as lines.  Word
    writes its built-in styles' names in English whatever the language it runs in
    ("Title", "heading 1"; python-docx gives "Heading 1")."""
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
    if not lines or not _reads_as_title(lines[0]):
        # the body opens with a sentence ("Trong tháng, doanh thu ... đạt 61,3 tỷ đồng."): the
        # header's line naming a period is the title, as a .txt's first line is
        titled = next((line for line in heads if not is_letterhead(line)
                       and _reads_as_title(line) and _names_period(line)), None)
        if titled:
            return titled
    return lines[0] if lines and len(lines[0]) <= 250 else None


# a running header's parts set apart as a byline's are: "SỞ CÔNG THƯƠNG — Báo cáo ...",
# "UBND TỈNH X | Báo cáo ..." (as rag.ingest.readers splits a byline)
_HEADER_PARTS = re.compile(r"\s*[|·]\s*|\s+[-–—]\s+")


def _issuer_parts(line: str) -> list[str]:
    """A header line as lines: the issuing body that leads it, set apart as a byline's parts
    are, and the rest ("SỞ CÔNG THƯƠNG — Báo cáo tình hình thương mại tháng 4 năm 2018" ->
    "SỞ CÔNG THƯƠNG", "Báo cáo tình hình ..."): the issuer is the letterhead's
    (``rag.vi.letterhead.is_letterhead``), the rest the report's title, each read as a .txt's
    lines are (break-test bt16c item 5: with the issuer on its line the title went unread,
    the footer's "Số 77/BC-SCT, ngày 03/5/2018" gave "Trong tháng" May; and "UBND TỈNH X |
    Báo cáo ..." was read as a table's row)."""
    parts = _HEADER_PARTS.split(line, maxsplit=1)
    if len(parts) == 2 and is_letterhead(parts[0]) and parts[1].strip():
        return [parts[0].strip(), parts[1].strip()]
    return [line]


def footer_titles(lines: list[str], header: list[str]) -> list[str]:
    """The footer's lines (``lines`` not in ``header``, :func:`_headers_and_footers`) that
    name the report's kind and a period ("Báo cáo kết quả Quý III năm 2020", "Báo cáo 6
    tháng đầu năm 2021 - Sở Công Thương"): a periodic report printed with its title in the
    running footer rather than the header dates its body as a header would (break-test bt16g
    of issue 16, item 5: the table of such a report was given no period and its questions
    were refused).  A footer's other lines (an address, a file name, "Số 342/BC-SCT, ngày
    08/10/2020") name no kind with a period and are left out."""
    return [line for line in lines if line not in header and names_kind(line)
            and _reads_as_title(line) and _names_period(line)]


def _names_period(line: str) -> bool:
    """Whether ``line`` names a period ("tháng 8 năm 2035", "quý I/2039", "6 tháng đầu năm"):
    a periodic report's running header names the period its figures are of (the dev reports'
    "Báo cáo tình hình ... tháng 4 năm 2018"); a header of only a name names none."""
    from rag.vi.mentions import find_mentions

    return any(not m.comparison for m in find_mentions(line, None))
