"""Typed records that flow between the stages: Document -> Chunk -> Hit."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
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


@dataclass(frozen=True)
class Citation:
    """Where an answer comes from: ``quote == document.text[start:end]``."""

    doc_id: str
    chunk_id: str
    title: str
    date: str | None
    quote: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Answer:
    """The reply to one question, as `rag ask --json` prints it."""

    question: str
    resolved_question: str
    answer: str  # the short answer (figure or name as written), or the refusal sentence
    found: bool
    confidence: float  # 0..1
    answer_sentence: str | None = None
    citations: tuple[Citation, ...] = ()
    related: tuple[dict[str, Any], ...] = ()  # closest passages (search hit dicts)
    mode: str = "extractive"  # or "generative"
    latency_ms: float = 0.0
    note: str | None = None  # e.g. why a generative answer fell back to the extractive one

    def to_dict(self) -> dict[str, Any]:
        d = {
            "question": self.question,
            "resolved_question": self.resolved_question,
            "answer": self.answer,
            "found": self.found,
            "confidence": round(float(self.confidence), 4),
            "answer_sentence": self.answer_sentence,
            "citations": [c.to_dict() for c in self.citations],
            "related": list(self.related),
            "mode": self.mode,
            "latency_ms": round(float(self.latency_ms), 2),
        }
        if self.note:
            d["note"] = self.note
        return d
