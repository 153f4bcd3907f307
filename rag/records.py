"""Typed records that flow between the stages: Document -> Chunk -> Hit."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any


def checksum(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


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
        d = asdict(self)
        d["years"] = list(self.years)
        d["periods"] = list(self.periods)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Document:
        return cls(**{**d, "years": tuple(d.get("years", ())),
                      "periods": tuple(d.get("periods", ()))})


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
        d = asdict(self)
        d["years"] = list(self.years)
        d["periods"] = list(self.periods)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Chunk:
        return cls(**{**d, "years": tuple(d.get("years", ())),
                      "periods": tuple(d.get("periods", ()))})


@dataclass(frozen=True)
class Hit:
    """A retrieved chunk with its rank and fused score."""

    chunk: Chunk
    rank: int
    score: float
    dense: float = 0.0
    lexical: float = 0.0
    time_match: bool | None = None  # None: the question names no year or period

    def to_dict(self) -> dict[str, Any]:
        c = self.chunk
        return {
            "rank": self.rank,
            "doc_id": c.doc_id,
            "chunk_id": c.id,
            "title": c.title,
            "date": c.date,
            "text": c.text,
            "start": c.start,
            "end": c.end,
            "score": round(float(self.score), 6),
            "time_match": self.time_match,
        }


@dataclass(frozen=True)
class SearchResult:
    query: str
    hits: list[Hit] = field(default_factory=list)
    resolved_query: str | None = None  # the query as expanded (abbreviations, diacritics)

    def to_dict(self) -> dict[str, Any]:
        return {"query": self.query, "hits": [h.to_dict() for h in self.hits]}
