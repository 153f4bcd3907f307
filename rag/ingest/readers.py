"""Read files into normalised Documents: the one reader behind `rag index` and POST
/documents (.txt, .md, .html/.htm, .jsonl, .pdf, .docx, .xlsx, .csv, and scans as .png, .jpg,
.jpeg, .tif, .tiff).  A PDF's and a scan's pages are kept (``Document.pages``); pages without
a text layer are read by Tesseract (``rag.ingest.ocr``).

Text in a legacy Vietnamese font encoding is converted to Unicode first (``rag.ingest.legacy``).
Page boilerplate (font-size and contrast widgets, rating widgets, "Bài viết liên quan" footers,
photo captions repeated on consecutive lines) is removed by general line rules; the title and a
publication date ("2:05:12 PM | 22/5/2018") are read from the head of the text.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from datetime import date as Date
from pathlib import Path

from rag.errors import IngestError, UnsupportedFileType
from rag.ingest.ids import check_date, check_id, file_id
from rag.ingest.jsonl import json_objects
from rag.ingest.legacy import (
    LegacyEncodingError,
    check_lost_u,
    is_unicode_vietnamese,
    legacy_8bit,
    lines_converter,
    to_unicode,
)
from rag.ingest.markdown import md_to_text, text_with_tables
from rag.ingest.ocr import IMAGE_TYPES, OcrConfig, OnPage, read_pages
from rag.ingest.page_images import image_pages
from rag.ingest.pages import PageText, is_mark, join_pages, split_pages
from rag.ingest.pdf import pdf_pages
from rag.ingest.sheets import csv_text, read_xlsx
from rag.ingest.web import (  # noqa: F401 - html_to_text re-exported
    DATELINE_WORDS_RE,
    html_to_text,
    page_text,
)
from rag.ingest.word import docx_text
from rag.records import Document, Page
from rag.vi.letterhead import is_kind, is_letterhead, kind_title
from rag.vi.mentions import week_heading
from rag.vi.periods import main_scope
from rag.vi.text import fold, normalize
from rag.vi.words import unglue

log = logging.getLogger(__name__)

SUPPORTED = (".txt", ".md", ".html", ".htm", ".jsonl", ".pdf", ".docx", ".xlsx", ".csv",
             *IMAGE_TYPES)
MAX_FILE_BYTES = 50 * 1024 * 1024
# Old binary Office files, and the type each is saved as to be read (Word and Excel: File ›
# Save As); offices still keep reports of the 2000s as ".doc" (break-test round 14 of issue 16).
_SAVE_AS = {".doc": ".docx", ".xls": ".xlsx"}


def unsupported_type(suffix: str) -> str:
    """Why a file of ``suffix`` (lower case, with its dot; "" for none) is not read:
    "unsupported file type .doc", with, for an old Word or Excel file, the type to save it as
    ("; save it as .docx (File › Save As) / lưu lại dưới dạng .docx rồi tải lên").  Named by
    `rag index` (its summary and errors) and by POST /documents."""
    text = f"unsupported file type {suffix or '(none)'}"
    if suffix in _SAVE_AS:
        new = _SAVE_AS[suffix]
        text += (f": an old Office file, save it as {new} (File › Save As) / tệp Office cũ, "
                 f"hãy lưu lại dưới dạng {new} rồi nạp lại")
    return text


# --- a file whose name's suffix is no type read here ------------------------------------

# The types a client declares (Content-Type; its parameters aside) for the formats read here:
# IANA's registrations (text/html, application/xhtml+xml, application/pdf and the Office Open
# XML types of ECMA-376).
_DECLARED = {
    "text/html": ".html", "application/xhtml+xml": ".html", "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
}
# An HTML document's head as the WHATWG sniffing algorithm (mimesniff, 7.1) knows it: after
# a BOM, white space, an XML declaration and comments, "<!DOCTYPE HTML", "<html", "<head"
# or "<body", in any case.
_HTML_HEAD_RE = re.compile(rb"(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
                           rb"<(?:!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE | re.DOTALL)
# The part of an Office Open XML package (ECMA-376 part 2) that makes it a Word or Excel file.
_OOXML_PARTS = (("word/document.xml", ".docx"), ("xl/workbook.xml", ".xlsx"))


def sniff_type(data: bytes) -> str | None:
    """The type read here (".html", ".pdf", ".docx", ".xlsx") that a file's bytes show, or
    None: "%PDF-" opens a PDF (ISO 32000, 7.5.2); a ZIP ("PK\\x03\\x04") holding
    "[Content_Types].xml" and Word's or Excel's main part is a DOCX or an XLSX; an HTML page
    opens as :data:`_HTML_HEAD_RE` says.  No library for this is installed (python-magic,
    filetype, puremagic), and these three checks are all the types need."""
    if data.startswith(b"PK\x03\x04"):
        return _ooxml_kind(io.BytesIO(data))
    return _head_kind(data)


def sniff_file(path: Path) -> str | None:
    """:func:`sniff_type` of the file at ``path``, reading only its head (and a ZIP's
    directory), not the whole file: a folder's files of an unknown suffix are sniffed before
    any is read.  Raises OSError when the file cannot be read."""
    with path.open("rb") as f:
        head = f.read(2048)
    return _ooxml_kind(path) if head.startswith(b"PK\x03\x04") else _head_kind(head)


def _head_kind(head: bytes) -> str | None:
    """".pdf" or ".html" as the first bytes of a file show, else None."""
    if head.startswith(b"%PDF-"):
        return ".pdf"
    head = head[:2048].removeprefix(b"\xef\xbb\xbf").lstrip()
    return ".html" if _HTML_HEAD_RE.match(head) else None


def _ooxml_kind(package: Path | io.BytesIO) -> str | None:
    """".docx" or ".xlsx" for an Office Open XML package (its "[Content_Types].xml" and
    Word's or Excel's main part), else None."""
    try:
        with zipfile.ZipFile(package) as z:
            names = set(z.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    if "[Content_Types].xml" in names:
        return next((kind for part, kind in _OOXML_PARTS if part in names), None)
    return None


def file_type(name: str, data: bytes, content_type: str | None = None,
              known: tuple[str, ...] = ()) -> str:
    """The type (a suffix such as ".html") a file is read as: its name's suffix when it is
    one of ``known`` (default :data:`SUPPORTED`); else, for a page saved or uploaded under
    its server's name ("tin-tuc.aspx", ".php", ".jsp", ".cfm", ".shtml", no suffix), what
    its bytes show (:func:`sniff_type`), else what ``content_type`` declares (text/html,
    application/pdf, the DOCX and XLSX types); else the suffix as it is, which the caller
    refuses with :func:`unsupported_type` (break-test round 10 of issue 16: an .aspx page
    sent as text/html was refused as ".aspx")."""
    suffix = Path(name).suffix.lower()
    if suffix in (known or SUPPORTED):
        return suffix
    declared = (content_type or "").split(";")[0].strip().lower()
    return sniff_type(data) or _DECLARED.get(declared) or suffix


# --- boilerplate -------------------------------------------------------------------------

# Lines that are page widgets, matched on folded text.
_WIDGET_RE = re.compile(
    r"^(?:a-\s*a\s*a\+|co chu\b)"
    r"|tang tuong phan|giam tuong phan"
    r"|tong so diem cua bai viet|click de danh gia|danh gia bai viet"
    r"|^(?:chia se|in bai|gui email|gui bai|ban in|print|share)\s*[:|]?\s*$"
)
# Headings after which a page only lists other articles.
_FOOTER_RE = re.compile(
    r"^(?:bai viet lien quan|tin da dang|tin lien quan|cac tin khac|tin khac|tin cung chuyen muc"
    r"|cac bai viet khac|xem them|related (?:articles|posts))\s*:?$"
)
_DATE_RE = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d{2})(?!\d)")
_TIME_RE = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?\s*(?:am|pm|sa|ch)?", re.IGNORECASE)


def _is_date_line(line: str) -> bool:
    """A short line holding only a date and/or time (and words like "Cập nhật"), or a
    byline (:func:`is_byline`)."""
    if len(line) > 60 or not _DATE_RE.search(line):
        return is_byline(line)
    rest = _DATE_RE.sub(" ", line)
    rest = _TIME_RE.sub(" ", rest)
    rest = DATELINE_WORDS_RE.sub(" ", fold(rest))
    return not re.sub(r"[\s|,:\-–/()]+", "", rest) or is_byline(line)


# a byline's parts: the office or author and the date, set apart by "|", "-", "–", "—", "·"
_BYLINE_SPLIT = re.compile(r"\s*[|·]\s*|\s+[-–—]\s+")
_NAME_PART = re.compile(r"[^\W\d_]+(?:[ .'][^\W\d_]+)*\.?")
BYLINE_NAME_WORDS = 10  # words of an office's or author's name in a byline, at most


def is_byline(line: str) -> bool:
    """Whether ``line`` is a byline: the office or author that wrote a report and its date,
    set apart by "|" or a dash ("Cục Thống kê tỉnh Lạng Sơn | 06/09/2029", "Thống kê tỉnh
    Lạng Sơn - 30/3/2026", "Báo Lạng Sơn | 10:05 | 05/01/2022"): one part a date line, the
    others names -- words without digits, at most :data:`BYLINE_NAME_WORDS` each.  Read only
    in a document's first lines (:func:`_split_title`), as the document's date."""
    parts = [p for p in _BYLINE_SPLIT.split(line.strip()) if p]
    if len(parts) < 2 or len(line) > 120:
        return False
    dated = [p for p in parts if _DATE_RE.search(p)]
    if len(dated) != 1 or not _is_date_line(dated[0]):
        return False
    rest = [p for p in parts if p is not dated[0] and not _TIME_RE.fullmatch(p)]
    return bool(rest) and all(_NAME_PART.fullmatch(p) and len(p.split()) <= BYLINE_NAME_WORDS
                              for p in rest)


# The date line of an official document (Nghị định 30/2020/NĐ-CP: its number, or the place,
# then the day it was signed), in a letterhead, a header or a footer: "Số 231/BC-SCT, ngày
# 08/10/2020", "Lạng Sơn, ngày 05 tháng 6 năm 2025"; after the number the comma is often left
# out ("Số 61/BC-SCT ngày 03/7/2023": the number, one word with its "/", then the day), after
# the place it is not.
_SIGNED_RE = re.compile(r"^(?:so\s*[:.]?\s*\d+(?:[^,]{0,40},|\s*/[^,\s]{1,30})|[a-z][a-z ]{1,40},)"
                        r"\s*ngay\s+(\d{1,2})"
                        r"\s*(?:thang\s+|[/.-])\s*(\d{1,2})\s*(?:nam\s+|[/.-])\s*((?:19|20)\d{2})"
                        r"\s*[.;]?$")


# The place-and-date line closing an official document and, run into it on the same line (a
# DOCX footer typed as one paragraph), what Nghị định 30/2020/NĐ-CP (Phụ lục I) sets after it:
# the recipients ("Nơi nhận:") or the signer's authority ("TM.", "KT.", "TL.", "TUQ.", "Q.");
# folded.  "Bắc Vân, ngày 12 tháng 7 năm 2022. Nơi nhận: UBND tỉnh; Lưu: VT." (break-test
# bt24-b16 failure 4: such a footer left the report undated).
_CLOSING_RE = re.compile(r"^(.*?(?:19|20)\d{2})\s*[.;,]?\s+"
                         r"(?:noi nhan\b|(?:tm|kt|tl|tuq|q)\s*\.\s*\S)")


def signed_date(line: str) -> str | None:
    """The ISO day of an official document's date line ("Số 231/BC-SCT, ngày 08/10/2020",
    "Lạng Sơn, ngày 05 tháng 6 năm 2025"), None for any other line or a day that is none.
    The line may follow the issuer's name set apart as a byline's parts are ("SỞ CÔNG
    THƯƠNG X — Số 47/BC-SCT, ngày 12/7/2024", "UBND huyện Y | Số 9/BC-UBND ngày 3/4/2025":
    :func:`is_byline`'s separators and names, no digit in them; break-test round 31 of
    issue 16: such a DOCX header line left the document undated)."""
    folded = fold(" ".join(line.split()))
    closed = _CLOSING_RE.match(folded)  # the line runs on into the recipients or signer
    m = _SIGNED_RE.match(folded) or (_SIGNED_RE.match(closed.group(1)) if closed else None)
    if not m:  # under the motto in one header cell: "... VIỆT NAM Hà Tiên, ngày 03/04/2025"
        m = next((m for m in map(_SIGNED_RE.match, _after_capitals(folded, line)) if m), None)
    if not m:
        parts = [p for p in _BYLINE_SPLIT.split(line.strip()) if p]
        if len(parts) < 2 or not all(_NAME_PART.fullmatch(p) and
                                     len(p.split()) <= BYLINE_NAME_WORDS for p in parts[:-1]):
            return None
        m = _SIGNED_RE.match(fold(" ".join(parts[-1].split())))
    if not m:
        return None
    try:
        return Date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
    except ValueError:
        return None


def _after_capitals(folded: str, line: str) -> list[str]:
    """The rests of ``folded`` (``line`` folded, white space as one space) after each leading
    run of two or more words in capitals -- an issuing body's name or the national motto that
    a header table's cell joins to the place-and-date line under it -- longest run first."""
    words = " ".join(line.split()).split(" ")
    if len(words) != len(folded.split(" ")):
        return []
    caps = 0
    while caps < len(words) and any(ch.isalpha() for ch in words[caps]) and \
            words[caps].upper() == words[caps]:
        caps += 1
    return [" ".join(folded.split(" ")[k:]) for k in range(caps, 1, -1)]


def _place_written(line: str) -> bool:
    """Whether the words before the date of a signing line (:func:`signed_date`) are a
    number ("Số 45/BC-SCT") or a name, each word capitalised ("Mường Khương", "CỘNG HÒA ...
    Hà Tiên"), not the start of a sentence ("Cũng trong quý, ngày 20 tháng 3 năm 2025")."""
    head = re.split(r",?\s*ngày\s", " ".join(line.split()), maxsplit=1, flags=re.IGNORECASE)[0]
    return fold(head).startswith("so") or \
        all(w[0].isupper() for w in head.split() if w[0].isalpha())


def closing_date(lines: list[str]) -> str | None:
    """The ISO day of the first line of ``lines`` (a document's text lines, in order) that
    is its date line as :func:`signed_date` reads it ("Hà Tiên, ngày 05 tháng 4 năm 2025",
    "Số 45/BC-SCT, ngày 03/04/2025"), wherever it stands: Nghị định 30/2020/NĐ-CP puts the
    place and date under the national motto, but a report may carry it only in a footer, a
    header's table or its closing lines above the signature.  The place must be written as
    a name (:func:`_place_written`): a date inside a sentence ("Tính đến ngày 31/3/2025,
    ...", "Cũng trong quý, ngày 20 tháng 3 năm 2025.") is no such line.  When no line is
    one, the day of the first news lead's dateline (:func:`lead_date`); None when none is."""
    for line in lines:
        if line.strip() and not is_mark(line) and _place_written(line):
            day = signed_date(line)
            if day is not None:
                return day
    return next((day for day in map(lead_date, lines) if day is not None), None)


# A news lead opening with its place and day, then a dash and the lead's sentence (the
# dateline: "Lạng Sơn, ngày 14/7/2031 – Sở Công Thương cho biết, …")
_LEAD_DATE_RE = re.compile(r"^(.*?(?:19|20)\d{2})\s*[-–—]\s+\S")


def lead_date(line: str) -> str | None:
    """The ISO day of a news lead's dateline: the place and day as a signing line writes them
    (:func:`signed_date`, the place written as a name, :func:`_place_written`), run on after a
    dash into the lead's sentence ("Lạng Sơn, ngày 14/7/2031 – Sở Công Thương cho biết, …");
    None for any other line.  :func:`closing_date` reads it when no line of a document is a
    signing line: a web page without a date in its markup is dated by it (break-test bt16j,
    issue 16 item 4).  "Tính đến ngày 31/3/2031 – …" opens a sentence, not a dateline."""
    if is_mark(line):
        return None
    m = _LEAD_DATE_RE.match(" ".join(line.split()))
    if m is None or not _place_written(m.group(1)):
        return None
    return signed_date(m.group(1))


def _iso_date(line: str) -> str | None:
    m = _DATE_RE.search(line)
    if not m:
        return None
    day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    try:
        return Date(year, month, day).isoformat()
    except ValueError:  # 31/02: not a day, so not the page's date
        return None


def clean_lines(lines: list[str]) -> list[str]:
    """Drop widget lines, footers and consecutive repeats of a line."""
    out: list[str] = []
    last = None
    n = len(lines)
    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            out.append("")
            continue
        key = fold(line)
        if _FOOTER_RE.match(key) and i > n * 0.3:
            break
        if _WIDGET_RE.search(key):
            continue
        if key == last:
            continue  # a photo caption or title printed twice
        out.append(line)
        last = key
    return out


def _split_title(lines: list[str],
                 detect_title: bool) -> tuple[str | None, str | None, list[str], int]:
    """(title, date, body lines, where the title line stood in the body) from the cleaned
    lines of an article.

    A heading line (short, not a sentence) becomes the title and leaves the body; a lead
    sentence gives a shortened title and stays in the body, and so does a date line.  Page
    marks (``rag.ingest.pages``) stay in the body and are neither.  An official document's
    letterhead is not its title (``rag.vi.letterhead``): it stays in the body, and a
    kind alone on its line ("BÁO CÁO") takes the subject line after it.
    """
    date = None
    body: list[str] = []
    title = None
    title_at = 0
    head_seen = 0
    kind = False  # the title is a document's kind, its subject still to come
    for line in lines:
        if line and is_mark(line):
            body.append(line)
        elif line and head_seen < 6 and date is None and _is_date_line(line):
            date = _iso_date(line)  # the line stays: a citation may quote it
            body.append(line)
        elif line and head_seen < 6 and date is None and signed_date(line):
            date = signed_date(line)  # the document's number and date: not its title
            body.append(line)
        elif line and head_seen < 6 and date is None and week_heading(line) is not None:
            # "Tuần 48 (từ ngày 24/11 đến ngày 30/11/2063)" under a price bulletin's title:
            # the bulletin is of that week, dated its last day; the line stays and heads it
            # (rag.vi.frames.document; break-test bt15-b17 failure 2)
            week = week_heading(line)
            date = week.end.isoformat() if week is not None else None
            body.append(line)
        elif line and detect_title and title is None and is_letterhead(line):
            body.append(line)
        elif line:
            head_seen += 1
            if kind and title is not None and len(line) <= 250 and \
                    not line.endswith((".", ":", ";")):
                title, kind = kind_title(title, line), False
                continue
            kind = False
            if detect_title and title is None:
                if len(line) <= 250 and not line.endswith((".", "…", ":", ";")):
                    title, title_at, kind = line, len(body), is_kind(line)
                    continue
                title = _short_title(line)
            body.append(line)
        else:
            body.append(line)
    return title, date, body, title_at


def _short_title(sentence: str, words: int = 14) -> str:
    parts = sentence.split()
    return sentence if len(parts) <= words else " ".join(parts[:words]) + " …"


# --- formats -----------------------------------------------------------------------------


def decode_text(name: str, data: bytes) -> str:
    """The text of a text file (UTF-8, with or without a BOM; UTF-16 with its BOM, as
    Notepad's "Unicode" and Excel's "Unicode Text" save it; an 8-bit Vietnamese encoding);
    IngestError for an empty, binary or undecodable one."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            utf16 = data.decode("utf-16")
        except UnicodeDecodeError:
            utf16 = ""
        # Vietnamese text lies below U+2000 (Latin, its diacritics, punctuation): bytes that
        # merely start like a UTF-16 BOM decode to other scripts and are not taken for it
        if utf16.strip() and sum(ord(ch) < 0x2000 for ch in utf16) >= 0.9 * len(utf16):
            data = utf16.encode("utf-8")
    if not data.strip():
        raise IngestError(f"{name}: file is empty")
    if b"\x00" in data[:8192]:
        raise IngestError(f"{name}: binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        text = legacy_8bit(data)
        if text is None:
            raise IngestError(
                f"{name}: not UTF-8 text ({exc.reason} at byte {exc.start}), and no 8-bit "
                "Vietnamese encoding (Windows-1258, TCVN3/.VnTime or VNI in Windows-1252) makes "
                "Vietnamese of it; save it as UTF-8 / hãy lưu tệp với bảng mã UTF-8") from exc
        return text


def make_document(doc_id: str, text: str, *, title: str | None = None, date: str | None = None,
                  url: str | None = None, source: str | None = None,
                  paged: bool = False, pasted: bool = False) -> Document:
    """Clean and normalise one document's text (two syllables written glued, "tổngmức",
    split: ``rag.vi.words.unglue``; the stored text, which quote offsets refer to, is the
    split one); read title and date where not given.  Text
    typed in a legacy font encoding (TCVN3, VNI) is converted first; LegacyEncodingError
    when it cannot be.  ``doc_id`` and ``date`` must follow ``rag.ingest.ids``' rules
    (IngestError saying what is wrong otherwise); the id is kept in NFC.  ``paged``: the
    text holds page marks (``rag.ingest.pages``), taken out into ``Document.pages``.
    ``pasted``: ``text`` came pasted beside its ``title`` (POST /documents JSON): a first line
    that is the title leaves the body, as a text file's reader takes it out, so the upload is
    that file's copy (a file reader's title, an HTML page's ``<title>`` over its ``<h1>``,
    leaves its text as it is)."""
    doc_id = check_id(doc_id)
    date = check_date(date) if date is not None else None
    raw = text
    text, encoding = to_unicode(text)
    if encoding:
        log.info("%s: converted from the legacy %s encoding", doc_id, encoding.upper())
        if title:  # as the document's lines are: a VNI title is converted whole
            title = lines_converter(f"{raw}\n{title}", encoding)(title)
    elif title:
        title = to_unicode(title, unicode_doc=is_unicode_vietnamese(text))[0]
    text = unglue(normalize(text))  # "tổngmức" read as "tổng mức", as a question writes it
    check_lost_u(text)  # a TCVN3 text whose "ư" a reader lost: named, never indexed
    lines = clean_lines(text.split("\n"))
    title = unglue(normalize(title)) if title and title.strip() else None
    if title and pasted:  # the text still holds its title line: out of the body, as a file's
        lines = _without_title_line(lines, title)
    found_title, found_date, body, title_at = _split_title(lines, detect_title=title is None)
    if not any(line.strip() and not is_mark(line) for line in body) and found_title:
        # a one-line document: its line is the text, not only a title
        body.insert(title_at, found_title)
    body_text = "\n".join(body).strip()
    body_text = re.sub(r"\n{3,}", "\n\n", body_text)
    pages: tuple[Page, ...] = ()
    if paged:
        body_text, pages = split_pages(body_text)
    if not body_text:
        raise IngestError(f"{doc_id}: no text left after removing page boilerplate")
    final_title = title or found_title or _short_title(body_text.split("\n")[0])
    # no date line at the head: the document's signing line where it stands (its end, a
    # footer run into the recipients)
    final_date = date or found_date or closing_date(body)
    scope = main_scope(f"{final_title}\n{body_text}",
                       int(final_date[:4]) if final_date and final_date[:4].isdigit() else None)
    return Document(id=doc_id, title=final_title, text=body_text, date=final_date, url=url,
                    source=source, years=tuple(sorted(scope.years)),
                    periods=tuple(sorted(scope.periods)), pages=pages)


def _without_title_line(lines: list[str], title: str) -> list[str]:
    """``lines`` without their first line of text when it is ``title`` (white space and
    case aside) and text follows it: a text uploaded with its title ("title" and "text" of
    POST /documents) that still begins with the title line reads as the file of that text
    does -- the title out of the body -- so it is that file's copy."""
    at = next((k for k, line in enumerate(lines) if line.strip() and not is_mark(line)), None)
    if at is None or " ".join(lines[at].split()).casefold() != " ".join(title.split()).casefold():
        return lines
    if not any(line.strip() and not is_mark(line) for line in lines[at + 1:]):
        return lines  # a one-line text: its line is the text
    return lines[:at] + lines[at + 1:]


def read_file(path: Path, ocr: OcrConfig | None = None) -> list[Document]:
    """Documents in one file (several for .jsonl), read by :func:`read_bytes` (scans with
    ``ocr``)."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise IngestError(f"{path}: file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    try:
        return read_bytes(path.name, path.read_bytes(), source=str(path.resolve()), ocr=ocr)
    except IngestError as exc:
        message = str(exc)
        raise type(exc)(message.replace(path.name, str(path), 1) if
                        message.startswith(path.name) else f"{path}: {message}") from exc


def read_bytes(name: str, data: bytes, *, doc_id: str | None = None,
               source: str | None = None, ocr: OcrConfig | None = None,
               on_page: OnPage | None = None,
               content_type: str | None = None) -> list[Document]:
    """The documents in a file's bytes, by its name's suffix -- or, for a suffix that is no
    type read here, by its bytes and its declared ``content_type`` (:func:`file_type`):
    the one reader behind `rag
    index` and POST /documents.  .txt/.md/.html/.htm/.csv are UTF-8 text; .jsonl holds one
    document a line; .pdf, .docx and .xlsx are read by their libraries (``rag.ingest.pdf``,
    ``word``, ``sheets``); a PDF's scanned pages and image files (.png, .jpg, .tif) by
    Tesseract with ``ocr`` (default ``OcrConfig()``), ``on_page(done, total)`` told after each
    page.  A file's document id is ``doc_id`` (default: made from its name by
    ``rag.ingest.ids.file_id``; a .jsonl file's documents have their own).  Raises
    UnsupportedFileType for another suffix, OcrUnavailable for a scan when Tesseract is not
    installed, IngestError (naming the file) for a file that cannot be read, holds no text,
    is over an OCR limit, or is typed in a legacy encoding that cannot be converted."""
    suffix = file_type(name, data, content_type)
    if suffix not in SUPPORTED:
        raise UnsupportedFileType(f"{name}: {unsupported_type(suffix)}; "
                                  f"use one of {', '.join(SUPPORTED)}")
    if not data.strip():
        raise IngestError(f"{name}: file is empty")
    # a .jsonl line names its own document; any other file's id is made (and checked) first
    the_id = "" if suffix == ".jsonl" else file_id(name) if doc_id is None else doc_id
    paged = suffix == ".pdf" or suffix in IMAGE_TYPES
    try:
        text, title, date, url, unread, uncomputed = _read_format(name, suffix, data, ocr,
                                                                  on_page)
    except LegacyEncodingError as exc:  # a reader's conversion, before its tables
        raise LegacyEncodingError(f"{name}: {exc}") from exc
    if text is None:  # a .jsonl file's documents
        return list(_read_jsonl(name, decode_text(name, data), source))
    if not any(ch.isalnum() for ch in (split_pages(text)[0] if paged else text)):
        # nothing but marks left ("©" of a page that was all navigation and footer)
        why = f" (page {', '.join(str(p.number) for p in unread)}: {unread[0].unread})" \
            if unread else " (the page holds only navigation, a header, a footer, " \
            "sidebars or form controls such as a search box)" \
            if suffix in (".html", ".htm") else ""
        raise IngestError(f"{name}: no text found in the file{why}")
    try:
        doc = make_document(the_id, text, title=title, date=date, url=url, source=source,
                            paged=paged)
        if uncomputed:
            doc = replace(doc, uncomputed=tuple(uncomputed))
        return [replace(doc, unread=tuple(p.number for p in unread),
                        unread_reason=unread[0].unread) if unread else doc]
    except IngestError as exc:
        raise type(exc)(f"{name}: {exc}") from exc


def _read_format(name: str, suffix: str, data: bytes, ocr: OcrConfig | None,
                 on_page: OnPage | None
                 ) -> tuple[str | None, str | None, str | None, str | None, list[PageText],
                            list[str]]:
    """(text, title, date, URL, unread scanned pages, a workbook's formula cells without a
    computed value) of a file by its suffix; text None for a .jsonl file (its documents are
    read by the caller)."""
    title: str | None = None
    date: str | None = None
    url: str | None = None
    # scanned pages OCR could not read (Tesseract missing) or read as no text (noise)
    unread: list[PageText] = []
    uncomputed: list[str] = []  # "«Sheet1»!D4": read as empty (rag.ingest.sheets)
    if suffix == ".pdf" or suffix in IMAGE_TYPES:
        pages = pdf_pages(name, data, ocr, on_page) if suffix == ".pdf" else \
            image_text(name, data, ocr, on_page)
        unread = [p for p in pages if p.unread]
        text = join_pages(pages)
    elif suffix == ".docx":
        text, title = docx_text(name, data)
    elif suffix == ".xlsx":
        text, title, uncomputed = read_xlsx(name, data)
    elif suffix == ".jsonl":
        return None, None, None, None, [], []
    else:
        raw = decode_text(name, data)
        if suffix in (".html", ".htm"):
            page = page_text(raw)
            text, title, date, url = page.text, page.title, page.date, page.url
        elif suffix == ".md":
            md_title, text = md_to_text(raw)
            title = md_title or None
        elif suffix == ".csv":
            text, title = csv_text(name, raw)
        else:
            text = text_with_tables(raw)
    return text, title, date, url, unread, uncomputed


def image_text(name: str, data: bytes, ocr: OcrConfig | None = None,
               on_page: OnPage | None = None) -> list[PageText]:
    """The pages of an image file (a multi-page TIFF has several), read by Tesseract."""
    config = ocr or OcrConfig()
    images = image_pages(name, data, config.dpi)
    read = read_pages(name, list(range(1, len(images) + 1)),
                      lambda n: images[n - 1], config, on_page)
    return [PageText(p.number, p.text, p.confidence, p.unread) for p in read]


def _read_jsonl(name: str, raw: str, source: str | None) -> Iterator[Document]:
    for where, rec in json_objects(Path(name), raw, IngestError):
        doc_id, text = rec.get("id"), rec.get("text")
        if not isinstance(doc_id, str | int) or isinstance(doc_id, bool) or \
                not str(doc_id).strip():
            raise IngestError(f"{where}: missing \"id\"")
        if not isinstance(text, str) or not text.strip():
            raise IngestError(f"{where}: missing or empty \"text\"")
        for key in ("title", "date", "url"):
            if rec.get(key) is not None and not isinstance(rec[key], str):
                raise IngestError(f"{where}: \"{key}\" must be a string")
        try:  # first the id and date, so that their error is not taken for the text's
            doc_id = check_id(str(doc_id), '"id"')
            day = check_date(rec["date"], '"date"') if rec.get("date") is not None else None
            doc = make_document(doc_id, text, title=rec.get("title"), date=day,
                                url=rec.get("url"), source=source)
        except IngestError as exc:
            raise IngestError(f"{where}: {exc}") from exc
        yield doc
