"""The records of questions and answers: passages and hits, search results, citations, answers
(and their parts), the options of a question, chat answers and histories."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from index.records import Chunk
from rag.records.citations import Citation
from rag.records.figures import Figure
from rag.records.serial import json_ready

RETRIEVAL_MODES = ("hybrid", "dense", "lexical")
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
        """This hit as the passage front ends show (score rounded to 6 decimals)."""
        c = self.chunk
        return Passage(rank=self.rank, doc_id=c.doc_id, chunk_id=c.id, title=c.title,
                       date=c.date, text=c.text, start=c.start, end=c.end,
                       score=round(float(self.score), 6), time_match=self.time_match)

    def to_dict(self) -> dict[str, Any]:
        """JSON form: the passage (:meth:`passage`)."""
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
        """The result as front ends show it: the query and its passages."""
        return Passages(self.query, tuple(h.passage() for h in self.hits))

    def to_dict(self) -> dict[str, Any]:
        """JSON form of :meth:`view`."""
        return asdict(self.view())


@dataclass(frozen=True)
class AnswerPart:
    """The answer for one of several periods a question asks about ("2018 và 2023"), or
    one of two things it asks for ("than và xi măng", rag.answer.conjuncts): ``period`` the
    asked period's label, or the thing ("than"); ``answer`` the figure or the refusal for
    it; ``period_match`` exact, partial or none; ``confidence`` (0..1) how sure this part's
    own answer is -- the answer's is the least of its parts' (None: not judged, a refused
    part)."""

    period: str
    answer: str
    found: bool
    summary: str
    figure: Figure | None = None
    period_match: str = "none"
    citations: tuple[Citation, ...] = ()
    confidence: float | None = None


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
    summary: str | None = None
    """What the figure is, said in full ("Ba tháng đầu năm 2018, kim ngạch xuất khẩu đạt 769
    triệu USD (tăng 33,4% so với cùng kỳ)."), or the lines of several periods."""
    figure: Figure | None = None
    period_match: str | None = None
    """exact: the figure covers the asked period; partial: only part of it (the summary says
    which); none: no period was asked or matched; None for an answer that is no figure."""
    parts: tuple[AnswerPart, ...] = ()
    """One answer a period, for a question about several."""
    missing: tuple[str, ...] = ()
    """Asked periods the reports hold no figure for."""
    sure: bool | None = None
    """For a figure answered with the fitted scorer: whether its confidence reaches the
    level from which answers were right at least 97% of the time on validation folds
    (``rag train``); False: "chưa chắc chắn", check the passages.  None: not judged."""
    ocr: bool = False
    """A citation of the answer quotes a page read by OCR from a scan: the front ends add
    "văn bản quét, OCR — nên đối chiếu bản gốc"."""

    def to_dict(self) -> dict[str, Any]:
        """JSON form: tuples as lists, confidence to 4 decimals, latency to 2; empty optional
        fields (note, figure, parts, ...) left out."""
        d: dict[str, Any] = json_ready(asdict(self))
        d["confidence"] = round(float(self.confidence), 4)
        d["latency_ms"] = round(float(self.latency_ms), 2)
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
    ``answer_mode``: one of ANSWER_MODES; ``retrieval_mode``: one of RETRIEVAL_MODES;
    ``today``: the day the question is asked, for "năm ngoái", "quý trước", "hiện nay"
    (RAG_TODAY, else the server's clock)."""

    passages: int | None = None
    hits: int | None = None
    year: int | None = None
    doc_ids: frozenset[str] | None = None
    answer_mode: str | None = None
    retrieval_mode: str | None = None
    today: date | None = None



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

