"""Typed records that flow between the stages: Document -> Chunk -> Hit -> Answer.

Document and Chunk are the index's own records (``index.records``), re-exported here: the
front ends and the library read every record from this module."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from index.records import Chunk, Document, checksum


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


@dataclass
class UpdateReport:
    """What a build did: documents added, changed, removed or unchanged; chunks in the new
    index, embedded anew or reused; seconds taken."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    chunks: int = 0
    embedded: int = 0  # chunks whose vectors had to be computed
    reused: int = 0  # chunks whose vectors were kept from the previous index
    seconds: float = 0.0

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


__all__ = ["Answer", "Chunk", "Citation", "Document", "Hit", "SearchResult", "UpdateReport",
           "checksum"]
