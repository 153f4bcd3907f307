"""The records the index stores: documents and their chunks (frozen, with stable ids).

They are plain data -- the library above builds them (``rag.ingest``) and reads them
(``rag.search``, ``rag.answer``); storage only keeps them.  ``rag.records`` re-exports both.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from typing import Any


def checksum(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _to_dict(record: Any) -> dict[str, Any]:
    """A record as JSON-ready data (its year and period tuples as lists)."""
    d = asdict(record)
    d["years"], d["periods"] = list(record.years), list(record.periods)
    return d


def _with_tuples(d: dict[str, Any]) -> dict[str, Any]:
    return {**d, "years": tuple(d.get("years", ())), "periods": tuple(d.get("periods", ()))}


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

    @property
    def checksum(self) -> str:
        return checksum(f"{self.title}\n{self.date}\n{self.text}")

    def to_dict(self) -> dict[str, Any]:
        return _to_dict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Document:
        return cls(**_with_tuples(d))


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
        return _to_dict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Chunk:
        return cls(**_with_tuples(d))
