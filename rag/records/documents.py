"""The records of the index's documents as the front ends show them: the list, one document,
an upload and its background job, the index's status, what an indexing run changed."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from rag.records.serial import json_ready

UPLOAD_TYPES = (".txt", ".md", ".html", ".htm", ".pdf", ".docx", ".xlsx", ".csv", ".png",
                ".jpg", ".jpeg", ".tif", ".tiff")  # what POST /documents takes


@dataclass(frozen=True)
class DocumentSummary:
    """A document in the list of the index (``source``: "upload" or its file's name)."""

    id: str
    title: str
    date: str | None
    chunks: int
    source: str | None


@dataclass(frozen=True)
class DocumentList:
    """Every document of the index, as GET /documents and `rag` list them."""

    documents: tuple[DocumentSummary, ...] = ()


@dataclass(frozen=True)
class DocumentView:
    """One document, whole.  For a paged file (PDF, scan): ``pages`` it has, those read by
    OCR (``ocr_pages``) and, of those, the ones whose OCR confidence is under
    ``RAG_OCR_MIN_CONFIDENCE`` (``low_confidence``); ``unread_pages``, scanned pages left
    unread (Tesseract missing, or read as no text: noise, a picture) and why
    (``unread_reason``); ``upload`` the last background upload of this id (None: none)."""

    id: str
    title: str
    date: str | None
    url: str | None
    text: str
    chunks: int
    pages: int = 0
    ocr_pages: tuple[int, ...] = ()
    low_confidence: tuple[int, ...] = ()
    upload: UploadJob | None = None
    unread_pages: tuple[int, ...] = ()
    unread_reason: str | None = None


@dataclass(frozen=True)
class Upload:
    """What became of an uploaded document: ``status`` is added, changed or unchanged;
    ``duplicate_of`` names another document of the index with the same text (None: none);
    ``ocr_pages`` the pages read by OCR, ``low_confidence`` those of them read with a mean
    word confidence under ``RAG_OCR_MIN_CONFIDENCE`` (indexed all the same: check them);
    ``unread_pages`` scanned pages that could not be read by OCR (Tesseract not installed,
    for a partly scanned PDF: the other pages are indexed; or a page read as no text, such
    as noise) and ``unread_reason`` why; ``uncomputed`` a workbook's formula cells saved
    without a computed value ("«Sheet1»!D4", read as empty: ``rag.ingest.sheets``)."""

    id: str
    chunks: int
    status: Literal["added", "changed", "unchanged"]
    duplicate_of: str | None = None
    ocr_pages: tuple[int, ...] = ()
    low_confidence: tuple[int, ...] = ()
    unread_pages: tuple[int, ...] = ()
    unread_reason: str | None = None
    uncomputed: tuple[str, ...] = ()


@dataclass(frozen=True)
class UploadJob:
    """An upload read and indexed in the background (a scan of more than
    ``RAG_OCR_SYNC_PAGES`` pages), ``job`` its own id (each upload has one, also two of one
    document): ``status`` queued, reading (OCR, ``pages_read`` of ``pages``), indexing, done
    (``upload`` says what became of it), failed (``error``, one line; the index is then as it
    was) or cancelled (its document deleted before it was indexed).  Times in seconds since
    the epoch."""

    id: str
    status: Literal["queued", "reading", "indexing", "done", "failed", "cancelled"]
    pages: int = 0
    pages_read: int = 0
    error: str | None = None
    upload: Upload | None = None
    created: float = 0.0
    updated: float = 0.0
    job: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON form, tuples as lists."""
        return json_ready(asdict(self))

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> UploadJob:
        """The job of :meth:`to_dict`'s form (lists back to tuples); TypeError on a field
        this version does not know."""
        upload = d.get("upload")
        if upload is not None:
            fields: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v
                                      for k, v in upload.items()}
            upload = Upload(**fields)
        return cls(**{**d, "upload": upload})


@dataclass(frozen=True)
class IndexStatus:
    """What a process answers from: its index's documents, chunks and generation."""

    documents: int
    chunks: int
    generation: str | None



@dataclass
class UpdateReport:
    """What a build did: documents added, changed, removed or unchanged; chunks in the new
    index, embedded anew or reused; seconds taken; files left out, each with the reason."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    chunks: int = 0
    embedded: int = 0  # chunks whose vectors had to be computed
    reused: int = 0  # chunks whose vectors were kept from the previous index
    seconds: float = 0.0
    skipped: dict[str, str] = field(default_factory=dict)  # file -> why it was not read
    # the files of a supported type under the paths of a `rag index` run (read or skipped),
    # and the files of another type there, left out: file -> why
    files: int = 0
    other_files: dict[str, str] = field(default_factory=dict)
    # documents of this run whose text another document of the index has: id -> that one's
    # (the first: indexed earlier, else not named as a copy, else first by id)
    duplicates: dict[str, str] = field(default_factory=dict)
    # documents added or changed with pages read by OCR: doc id -> those pages, and -> the
    # pages read with a confidence under RAG_OCR_MIN_CONFIDENCE (indexed, to be checked)
    ocr_pages: dict[str, list[int]] = field(default_factory=dict)
    low_confidence: dict[str, list[int]] = field(default_factory=dict)
    # documents indexed without some scanned pages (Tesseract missing): doc id -> which
    # pages and why ("trang 2 not read: Tesseract OCR is not installed ...")
    unread: dict[str, str] = field(default_factory=dict)
    # workbooks indexed with formula cells saved without a computed value (written by a
    # script, not by Excel): doc id -> how many and the first ("3 ô công thức ... D4, D5")
    uncomputed: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        """JSON form: every field."""
        return asdict(self)
