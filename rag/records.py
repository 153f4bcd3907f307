"""Typed records that flow between the stages: Document -> Chunk -> Hit -> Answer.

Document and Chunk are the index's own records (``index.records``), re-exported here: the
front ends and the library read every record from this module."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from index.records import Chunk, Document, checksum

# Document ids travel in URLs (/documents/{id}): letters, digits, "_", "-" and "." (not first).
DOC_ID_PATTERN = r"^[\w-][\w.-]{0,99}$"
RETRIEVAL_MODES = ("hybrid", "dense", "lexical")
UPLOAD_TYPES = (".txt", ".md", ".html", ".htm", ".pdf", ".docx", ".xlsx",
                ".csv")  # what POST /documents takes
ANSWER_MODES = ("extractive", "generative")


@dataclass(frozen=True)
class Passage:
    """A retrieved passage as clients see it (`rag search --json`, an answer's ``related``):
    ``text == document.text[start:end]``; ``score`` is the fused retrieval score;
    ``time_match`` whether it is about the asked year/period (None: none was asked)."""

    rank: int
    doc_id: str
    chunk_id: str
    title: str
    date: str | None
    text: str
    start: int
    end: int
    score: float
    time_match: bool | None


@dataclass(frozen=True)
class Hit:
    """A retrieved chunk with its rank and fused score."""

    chunk: Chunk
    rank: int
    score: float
    dense: float = 0.0
    lexical: float = 0.0
    time_match: bool | None = None  # None: the question names no year or period

    def passage(self) -> Passage:
        c = self.chunk
        return Passage(rank=self.rank, doc_id=c.doc_id, chunk_id=c.id, title=c.title,
                       date=c.date, text=c.text, start=c.start, end=c.end,
                       score=round(float(self.score), 6), time_match=self.time_match)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self.passage())


@dataclass(frozen=True)
class Passages:
    """The reply to a search, as `rag search --json` prints it."""

    query: str
    hits: tuple[Passage, ...] = ()


@dataclass(frozen=True)
class SearchResult:
    """Retrieved hits, best first; ``resolved_query`` the query as expanded (abbreviations,
    diacritics)."""

    query: str
    hits: list[Hit] = field(default_factory=list)
    resolved_query: str | None = None

    def view(self) -> Passages:
        return Passages(self.query, tuple(h.passage() for h in self.hits))

    def to_dict(self) -> dict[str, Any]:
        return asdict(self.view())


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
    """The reply to one question, as `rag ask --json` prints it.  ``confidence`` is in 0..1;
    ``related`` the closest passages; ``note`` (left out of the JSON when None) says e.g. why a
    generative answer fell back to the extractive one."""

    question: str
    resolved_question: str
    answer: str  # the short answer (figure or name as written), or the refusal sentence
    found: bool
    confidence: float
    answer_sentence: str | None = None
    citations: tuple[Citation, ...] = ()
    related: tuple[Passage, ...] = ()
    mode: str = "extractive"  # or "generative"
    latency_ms: float = 0.0
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["confidence"] = round(float(self.confidence), 4)
        d["latency_ms"] = round(float(self.latency_ms), 2)
        d["citations"], d["related"] = list(d["citations"]), list(d["related"])
        if not self.note:
            del d["note"]
        return d


@dataclass(frozen=True)
class ChatAnswer(Answer):
    """An answer in a chat: the same, with the session it belongs to."""

    session_id: str = ""


@dataclass(frozen=True)
class AskOptions:
    """How to answer one question; None means the setting's default.

    ``passages``: how many passages the answerer reads (RAG_ANSWER_PASSAGES); ``hits``: how
    many retrieved passages to return beside the answer (RAG_TOP_K; a stream's retrieval
    event); ``year``/``doc_ids``: only passages about that year / from those documents;
    ``answer_mode``: one of ANSWER_MODES; ``retrieval_mode``: one of RETRIEVAL_MODES."""

    passages: int | None = None
    hits: int | None = None
    year: int | None = None
    doc_ids: frozenset[str] | None = None
    answer_mode: str | None = None
    retrieval_mode: str | None = None


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
    documents: tuple[DocumentSummary, ...] = ()


@dataclass(frozen=True)
class DocumentView:
    """One document, whole."""

    id: str
    title: str
    date: str | None
    url: str | None
    text: str
    chunks: int


@dataclass(frozen=True)
class Upload:
    """What became of an uploaded document: ``status`` is added, changed or unchanged;
    ``duplicate_of`` names another document of the index with the same text (None: none)."""

    id: str
    chunks: int
    status: Literal["added", "changed", "unchanged"]
    duplicate_of: str | None = None


@dataclass(frozen=True)
class IndexStatus:
    """What a process answers from: its index's documents, chunks and generation."""

    documents: int
    chunks: int
    generation: str | None


@dataclass(frozen=True)
class Turn:
    """One question of a chat and the answer it got (``Answer.to_dict()``)."""

    question: str
    resolved_question: str
    answer: dict[str, Any] = field(hash=False)
    created: float = 0.0


@dataclass(frozen=True)
class ChatHistory:
    """A chat session's turns, oldest first (times in seconds since the epoch)."""

    session_id: str
    created: float
    updated: float
    turns: tuple[Turn, ...] = ()


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

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


__all__ = ["ANSWER_MODES", "DOC_ID_PATTERN", "RETRIEVAL_MODES", "UPLOAD_TYPES", "Answer",
           "AskOptions", "ChatAnswer", "ChatHistory", "Chunk", "Citation", "Document",
           "DocumentList", "DocumentSummary", "DocumentView", "Hit", "IndexStatus", "Passage",
           "Passages",
           "SearchResult", "Turn", "Upload", "UpdateReport", "checksum"]
