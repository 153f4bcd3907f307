"""Uploaded files (POST /documents): their document id (from the file name, in NFC: macOS
sends names decomposed), and their text, read by the same reader as `rag index`; anything
unreadable raises IngestError, a type no reader takes UnsupportedFileType."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from rag.errors import IngestError, UnsupportedFileType
from rag.ingest.ocr import OcrConfig, OnPage
from rag.ingest.readers import read_bytes
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


def upload_id(filename: str) -> str:
    """A document id from an uploaded file's name: its stem in NFC (the same id whether the
    name came composed or decomposed), with no path and no odd characters."""
    filename = unicodedata.normalize("NFC", filename)
    stem = Path(filename.replace("\\", "/").split("/")[-1]).stem
    return _SAFE_ID_RE.sub("_", stem).strip("._")[:100]


def check_type(filename: str) -> None:
    """UnsupportedFileType for a file name of a type POST /documents does not take."""
    filename = unicodedata.normalize("NFC", filename or "")
    suffix = Path(filename).suffix.lower()
    if suffix not in UPLOAD_TYPES:
        raise UnsupportedFileType(f"{filename or 'upload'}: unsupported file type "
                                  f"{suffix or '(none)'}; use one of {', '.join(UPLOAD_TYPES)}")


def read_upload(filename: str, data: bytes, doc_id: str | None = None,
                ocr: OcrConfig | None = None, on_page: OnPage | None = None) -> Document:
    """One uploaded file as a Document, read as `rag index` reads a file
    (``rag.ingest.readers.read_bytes``; scans with ``ocr``, ``on_page`` told after each
    page); anything unreadable raises IngestError, a type POST /documents does not take
    UnsupportedFileType, a scan without Tesseract OcrUnavailable."""
    check_type(filename)
    filename = unicodedata.normalize("NFC", filename or "")
    doc_id = doc_id or upload_id(filename)
    if not doc_id:
        raise IngestError(f"{filename}: cannot make a document id from this file name")
    name = filename.replace("\\", "/").split("/")[-1]
    [doc] = read_bytes(name, data, doc_id=doc_id, source="upload", ocr=ocr, on_page=on_page)
    return doc
