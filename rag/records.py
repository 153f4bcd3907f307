"""Typed records that flow between the stages: Document -> Chunk -> Hit -> Answer.

Document and Chunk are the index's own records (``index.records``), re-exported here: the
front ends and the library read every record from this module."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

from index.records import Chunk, Document, Page, checksum


def _lists(value: Any) -> Any:
    """``value`` with every tuple made a list, all the way down (what JSON shows)."""
    if isinstance(value, dict):
        return {k: _lists(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_lists(v) for v in value]
    return value


# Document ids travel in URLs (/documents/{id}): letters, digits, "_", "-" and "." (not first).
RETRIEVAL_MODES = ("hybrid", "dense", "lexical")
UPLOAD_TYPES = (".txt", ".md", ".html", ".htm", ".pdf", ".docx", ".xlsx", ".csv", ".png",
                ".jpg", ".jpeg", ".tif", ".tiff")  # what POST /documents takes
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


# What every front end says beside a source read by OCR from a scan.
OCR_NOTE = "văn bản quét, OCR — nên đối chiếu bản gốc"


@dataclass(frozen=True)
class Citation:
    """Where an answer comes from: ``quote == document.text[start:end]``; ``page`` the page of
    a paged file (a PDF, a scan) it is on, as printed ("trang 3"; None: not paged); ``ocr``
    whether that page was read by OCR from a scan -- its text may hold misread characters, so
    readers are told to check the original."""

    doc_id: str
    chunk_id: str
    title: str
    date: str | None
    quote: str
    start: int
    end: int
    page: int | None = None
    ocr: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class FigurePeriod:
    """The period a figure covers: ``label`` as a Vietnamese reader writes it ("quý I/2019",
    "tính đến 27/8/2024"); ``kind`` year, month, months (January to a month), quarter, half,
    years, to_date, days, day; ``start``/``end`` ISO dates (inclusive); ``year`` its year (None
    for a span of years)."""

    label: str
    year: int | None
    kind: str
    start: str
    end: str


@dataclass(frozen=True)
class Figure:
    """What an answer's figure is: ``value`` as written ("769 triệu USD", "giảm 0,74%"),
    ``number`` (signed; the bottom of a range, ``high`` its top), ``unit``; ``measure``
    (level, change, plan_share, share, rank, index); ``indicator`` (its own words, else the
    total it is part of); ``basis`` (tags: all_types, declared, local_goods, international,
    domestic, current_prices, constant_prices, per_capita); ``period``; ``estimate`` ("ước");
    ``target`` (a plan, not an actual); ``comparison`` (what a change is compared with)."""

    value: str
    number: float
    high: float | None
    unit: str
    measure: str
    indicator: str
    basis: tuple[str, ...]
    period: FigurePeriod | None
    estimate: bool = False
    target: bool = False
    comparison: str | None = None


@dataclass(frozen=True)
class FigureRow:
    """One figure of the corpus in the figure table: the document it is in, what it is, and
    the clause it stands in (``citation``)."""

    doc_id: str
    title: str
    date: str | None
    figure: Figure
    citation: Citation

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def flat(self) -> dict[str, Any]:
        """One CSV row: the figure's fields side by side, the period by its label and span."""
        f, p = self.figure, self.figure.period
        return {"doc_id": self.doc_id, "title": self.title, "date": self.date or "",
                "indicator": f.indicator, "value": f.value, "number": f.number,
                "high": "" if f.high is None else f.high, "unit": f.unit, "measure": f.measure,
                "basis": " ".join(f.basis), "period": p.label if p else "",
                "period_start": p.start if p else "", "period_end": p.end if p else "",
                "estimate": f.estimate, "target": f.target, "comparison": f.comparison or "",
                "quote": self.citation.quote, "start": self.citation.start,
                "end": self.citation.end}


@dataclass(frozen=True)
class FigureTable:
    """A page of the figure table: ``rows`` from ``offset`` of the ``total`` that match the
    filters (``indicator`` words, ``year``, ``doc_ids``, ``measure``)."""

    rows: tuple[FigureRow, ...]
    total: int
    offset: int = 0
    filters: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class AnswerPart:
    """The answer for one of several periods a question asks about ("2018 và 2023"), or
    one of two things it asks for ("than và xi măng", rag.answer.conjuncts): ``period`` the
    asked period's label, or the thing ("than"); ``answer`` the figure or the refusal for
    it; ``period_match`` exact, partial or none."""

    period: str
    answer: str
    found: bool
    summary: str
    figure: Figure | None = None
    period_match: str = "none"
    citations: tuple[Citation, ...] = ()


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
        d: dict[str, Any] = _lists(asdict(self))
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
    """One document, whole.  For a paged file (PDF, scan): ``pages`` it has, those read by
    OCR (``ocr_pages``) and, of those, the ones whose OCR confidence is under
    ``RAG_OCR_MIN_CONFIDENCE`` (``low_confidence``); ``unread_pages``, scanned pages left
    unread (Tesseract missing) and why (``unread_reason``); ``upload`` the last background
    upload of this id (None: none)."""

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
    ``unread_pages`` scanned pages of a partly scanned PDF that could not be read by OCR
    (Tesseract not installed: the other pages are indexed) and ``unread_reason`` why."""

    id: str
    chunks: int
    status: Literal["added", "changed", "unchanged"]
    duplicate_of: str | None = None
    ocr_pages: tuple[int, ...] = ()
    low_confidence: tuple[int, ...] = ()
    unread_pages: tuple[int, ...] = ()
    unread_reason: str | None = None


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
        return _lists(asdict(self))

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> UploadJob:
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
    # documents added or changed with pages read by OCR: doc id -> those pages, and -> the
    # pages read with a confidence under RAG_OCR_MIN_CONFIDENCE (indexed, to be checked)
    ocr_pages: dict[str, list[int]] = field(default_factory=dict)
    low_confidence: dict[str, list[int]] = field(default_factory=dict)
    # documents indexed without some scanned pages (Tesseract missing): doc id -> which
    # pages and why ("trang 2 not read: Tesseract OCR is not installed ...")
    unread: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


__all__ = ["ANSWER_MODES", "OCR_NOTE", "RETRIEVAL_MODES", "UPLOAD_TYPES", "Answer",
           "AnswerPart", "AskOptions", "ChatAnswer", "ChatHistory", "Chunk", "Citation",
           "Document", "DocumentList", "DocumentSummary", "DocumentView", "Figure",
           "FigurePeriod", "FigureRow", "FigureTable", "Hit", "IndexStatus", "Page", "Passage",
           "Passages", "SearchResult", "Turn", "Upload", "UploadJob", "UpdateReport", "checksum"]
