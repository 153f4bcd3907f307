"""The records the index stores: documents and their chunks (frozen, with stable ids).

They are plain data -- the library above builds them (``rag.ingest``) and reads them
(``rag.search``, ``rag.answer``); storage only keeps them.  ``rag.records`` re-exports both.
"""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import asdict, dataclass
from typing import Any, NamedTuple


def checksum(text: str) -> str:
    """The SHA-256 hex digest of ``text`` (UTF-8)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _to_dict(record: Any) -> dict[str, Any]:
    """A record as JSON-ready data (its year and period tuples as lists)."""
    d = asdict(record)
    d["years"], d["periods"] = list(record.years), list(record.periods)
    if "pages" in d:
        d["pages"] = [list(p) for p in record.pages]
    return d


def _with_tuples(d: dict[str, Any]) -> dict[str, Any]:
    return {**d, "years": tuple(d.get("years", ())), "periods": tuple(d.get("periods", ()))}


class Page(NamedTuple):
    """Where a page of a paged document (a PDF, a scan) starts in its stored text: ``start``
    (a character offset), its ``number`` (1-based, as printed), and ``ocr`` -- Tesseract's mean
    word confidence (0-100) when the page was read from its image, None when it had text."""

    start: int
    number: int
    ocr: float | None = None


@dataclass(frozen=True)
class Document:
    """One article, its text already normalised; offsets of chunks refer to ``text``."""

    id: str
    title: str
    text: str
    date: str | None = None  # ISO yyyy-mm-dd, where the text gives one
    url: str | None = None
    source: str | None = None  # file path it came from, or "upload"
    years: tuple[int, ...] = ()  # the years the document is mainly about
    periods: tuple[str, ...] = ()  # its main reporting periods ("M3", "M6", "M9", ...)
    pages: tuple[Page, ...] = ()  # where each page starts, for a paged file; () otherwise
    # scanned pages not read by OCR (Tesseract missing), and why; their text is left out
    unread: tuple[int, ...] = ()
    unread_reason: str | None = None
    # a workbook's formula cells saved without a computed value ("«Sheet1»!D4"): read as
    # empty, their figures are not in ``text``
    uncomputed: tuple[str, ...] = ()

    @property
    def checksum(self) -> str:
        """The SHA-256 of the title, date, text and pages: a document whose checksum is
        unchanged is not re-chunked nor re-embedded."""
        pages = f"\n{[tuple(p) for p in self.pages]}" if self.pages else ""
        return checksum(f"{self.title}\n{self.date}\n{self.text}{pages}")

    def page_at(self, offset: int) -> Page | None:
        """The page holding the character at ``offset`` of ``text`` (None: not paged)."""
        if not self.pages:
            return None
        i = bisect.bisect_right([p.start for p in self.pages], offset) - 1
        return self.pages[max(i, 0)]

    def to_dict(self) -> dict[str, Any]:
        """JSON form: every field, tuples as lists."""
        return _to_dict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Document:
        """A document from :meth:`to_dict` output (lists back to tuples, pages to Page records)."""
        d = _with_tuples(d)
        if "pages" in d:
            d["pages"] = tuple(Page(*p) for p in d["pages"])
        if "unread" in d:
            d["unread"] = tuple(d["unread"])
        if "uncomputed" in d:
            d["uncomputed"] = tuple(d["uncomputed"])
        return cls(**d)


@dataclass(frozen=True)
class Chunk:
    """A passage of a document: ``text == document.text[start:end]``."""

    id: str
    doc_id: str
    title: str
    date: str | None
    text: str
    start: int
    end: int
    years: tuple[int, ...] = ()  # years the passage speaks of (its own, else its document's)
    periods: tuple[str, ...] = ()

    @staticmethod
    def make_id(doc_id: str, start: int, end: int, text: str) -> str:
        """Stable id: the same text at the same place gets the same id across rebuilds."""
        digest = hashlib.sha1(f"{doc_id}\x00{start}\x00{end}\x00{text}".encode()).hexdigest()
        return f"{doc_id}:{start}:{digest[:12]}"

    def to_dict(self) -> dict[str, Any]:
        """JSON form: every field, tuples as lists."""
        return _to_dict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Chunk:
        """A chunk from :meth:`to_dict` output (lists back to tuples)."""
        return cls(**_with_tuples(d))
