"""Uploaded files (POST /documents): their text, read by the same reader as `rag index`, under
the id ``rag.ingest.ids`` gives them (from the file name, in NFC: macOS sends names
decomposed); anything unreadable raises IngestError, a type no reader takes
UnsupportedFileType."""

from __future__ import annotations

import unicodedata

from rag.errors import IngestError, UnsupportedFileType
from rag.ingest.folders import LOCK_FILE_REASON, is_lock_file
from rag.ingest.ids import document_id
from rag.ingest.ocr import OcrConfig, OnPage
from rag.ingest.readers import file_type, read_bytes, unsupported_type
from rag.records import UPLOAD_TYPES, Document


def check_type(filename: str, data: bytes = b"", content_type: str | None = None) -> None:
    """UnsupportedFileType for a file of a type POST /documents does not take -- its name's
    suffix, or for another suffix ("tin.aspx") what its bytes show or ``content_type``
    declares (``rag.ingest.readers.file_type``);
    IngestError for an office lock file (``rag.ingest.folders.is_lock_file``: Word's
    "~$bc.docx" and LibreOffice's ".~lock.bc.xlsx#", whose suffix is no type at all), named
    as `rag index` names it, before its suffix is looked at."""
    filename = unicodedata.normalize("NFC", filename or "")
    name = filename.replace("\\", "/").split("/")[-1]
    if is_lock_file(name):
        raise IngestError(f"{name}: {LOCK_FILE_REASON}")
    suffix = file_type(name, data, content_type, UPLOAD_TYPES)
    if suffix not in UPLOAD_TYPES:
        raise UnsupportedFileType(f"{filename or 'upload'}: {unsupported_type(suffix)}; "
                                  f"use one of {', '.join(UPLOAD_TYPES)}")


def read_upload(filename: str, data: bytes, doc_id: str | None = None,
                ocr: OcrConfig | None = None, on_page: OnPage | None = None,
                content_type: str | None = None) -> Document:
    """One uploaded file as a Document, read as `rag index` reads a file
    (``rag.ingest.readers.read_bytes``; scans with ``ocr``, ``on_page`` told after each
    page; a suffix that is no type read by its bytes and ``content_type``), with the id
    ``doc_id`` (checked) or else the one its name gives (``rag.ingest.ids.document_id``).
    Anything unreadable, or an id that breaks the rule,
    raises IngestError (an office lock file, "~$bc.docx", as one); a type POST /documents
    does not take UnsupportedFileType; a scan without Tesseract OcrUnavailable."""
    check_type(filename, data, content_type)
    filename = unicodedata.normalize("NFC", filename or "")
    doc_id = document_id(doc_id, filename)
    name = filename.replace("\\", "/").split("/")[-1]
    if is_lock_file(name):  # "~$bc.docx": named as `rag index` names it, not "not a DOCX file"
        raise IngestError(f"{name}: {LOCK_FILE_REASON}")
    [doc] = read_bytes(name, data, doc_id=doc_id, source="upload", ocr=ocr, on_page=on_page,
                       content_type=content_type)
    return doc
