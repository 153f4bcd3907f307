"""Uploaded files (POST /documents): their document id, and their text by file type (.txt,
.md, .html, .pdf, .docx); anything unreadable raises IngestError, a type no reader takes
UnsupportedFileType."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from rag.errors import IngestError, UnsupportedFileType
from rag.ingest.readers import html_to_text, make_document, md_to_text
from rag.records import DOC_ID_PATTERN, UPLOAD_TYPES, Document


def document_id(given: str | None = None, filename: str | None = None,
                text: str | None = None) -> str:
    """The one rule for an uploaded document's id: the id given (letters, digits, "_", "-"
    and "."; not first; at most 100), else the file name's stem, else ``doc-`` and 12 hex
    digits of the text's SHA-256.  Raises IngestError when none can be made."""
    if given is not None and given.strip():
        doc_id = given.strip()
        if re.fullmatch(DOC_ID_PATTERN, doc_id) is None:
            raise IngestError("`id` may hold only letters, digits, '_', '-' and '.' (not "
                              "first; at most 100)")
        return doc_id
    if filename:
        doc_id = upload_id(filename)
        if not doc_id:
            raise IngestError(f"{filename}: cannot make a document id from this file name")
        return doc_id
    return "doc-" + hashlib.sha256((text or "").encode("utf-8")).hexdigest()[:12]


_SAFE_ID_RE = re.compile(r"[^\w.-]+", re.UNICODE)
MAX_DOCX_UNCOMPRESSED = 50 * 1024 * 1024


def upload_id(filename: str) -> str:
    """A document id from an uploaded file's name: its stem, with no path and no odd characters."""
    stem = Path(filename.replace("\\", "/").split("/")[-1]).stem
    return _SAFE_ID_RE.sub("_", stem).strip("._")[:100]


def read_upload(filename: str, data: bytes, doc_id: str | None = None) -> Document:
    """One uploaded file as a Document; anything unreadable raises IngestError."""
    suffix = Path(filename or "").suffix.lower()
    if suffix not in UPLOAD_TYPES:
        raise UnsupportedFileType(f"{filename or 'upload'}: unsupported file type "
                                  f"{suffix or '(none)'}; use one of {', '.join(UPLOAD_TYPES)}")
    if not data.strip():
        raise IngestError(f"{filename}: file is empty")
    doc_id = doc_id or upload_id(filename)
    if not doc_id:
        raise IngestError(f"{filename}: cannot make a document id from this file name")
    title: str | None = None
    if suffix == ".pdf":
        text = _pdf_text(filename, data)
    elif suffix == ".docx":
        text = _docx_text(filename, data)
    else:
        if b"\x00" in data[:8192]:
            raise IngestError(f"{filename}: binary file, not text")
        try:
            raw = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise IngestError(f"{filename}: not UTF-8 text") from exc
        if suffix in (".html", ".htm"):
            title, text = html_to_text(raw)
        elif suffix == ".md":
            title, text = md_to_text(raw)
        else:
            text = raw
    if not text.strip():
        raise IngestError(f"{filename}: no text found in the file")
    try:
        return make_document(doc_id, text, title=title or None, source="upload")
    except IngestError as exc:
        raise IngestError(f"{filename}: {exc}") from exc


def _pdf_text(filename: str, data: bytes) -> str:
    import io

    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        return "\n\n".join((page.extract_text() or "") for page in reader.pages)
    except Exception as exc:  # pypdf raises many kinds on a corrupt file (LimitReachedError, ...)
        raise IngestError(f"{filename}: not a readable PDF ({exc})") from exc


def _docx_text(filename: str, data: bytes) -> str:
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            if sum(i.file_size for i in zf.infolist()) > MAX_DOCX_UNCOMPRESSED:
                raise IngestError(f"{filename}: DOCX expands to more than "
                                  f"{MAX_DOCX_UNCOMPRESSED // (1024 * 1024)} MB")
    except zipfile.BadZipFile as exc:
        raise IngestError(f"{filename}: not a DOCX file") from exc
    from docx import Document as Docx

    try:
        doc = Docx(io.BytesIO(data))
    except Exception as exc:  # python-docx raises a variety of parser errors
        raise IngestError(f"{filename}: not a readable DOCX ({exc.__class__.__name__})") from exc
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return "\n\n".join(parts)
