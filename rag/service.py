"""The one door: every front end (the CLI, the HTTP app, the Slack and Zalo bots) calls this
service and reads the records it returns; nothing else of the library is theirs to import.

The service checks what comes in (question length and options, document ids, file types),
builds the filters, owns the embedder, the live index (``rag.ingest.live``), the chat
sessions, and the answer policy (the BM25-first cascade, the generative path).  Errors it
raises are the ones in ``rag.errors``.
"""

from __future__ import annotations

import logging
import os
import re
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any, Literal

from index import Index, IndexConfig, IndexStoreError, NoIndexError
from index.store import discard_unpublished
from rag.answer import Answerer, AnswerWeights
from rag.answer.answerer import FIGURE_KINDS
from rag.answer.compose import answer_text
from rag.answer.generative import LLMClient, LLMConfig, generate_answer
from rag.answer.intent import read_intent
from rag.answer.scorer import DEFAULT_PATH, FigureScorer
from rag.answer.table import figure_table
from rag.chat.followup import resolve
from rag.chat.sessions import SessionStore
from rag.embed import CachedEmbedder, Embedder, get_embedder
from rag.errors import (
    IngestError,
    QuestionError,
    QuestionTooLong,
    UnknownDocument,
    UnknownSession,
)
from rag.eval import EvalReport, load_gold
from rag.eval.runner import run_gold
from rag.eval.train import TrainReport, label, span_days
from rag.eval.train import train as fit_scorer
from rag.ingest.build import Embedded, Progress, index_config
from rag.ingest.figures import FigureReader
from rag.ingest.ids import DOC_ID_PATTERN, document_id, normal_id
from rag.ingest.jobs import UploadJobs
from rag.ingest.live import LiveIndex
from rag.ingest.ocr import OcrConfig
from rag.ingest.readers import check_files, make_document
from rag.ingest.uploads import check_type, read_upload
from rag.records import (
    ANSWER_MODES,
    RETRIEVAL_MODES,
    Answer,
    AskOptions,
    ChatAnswer,
    ChatHistory,
    Chunk,
    Citation,
    Document,
    DocumentList,
    DocumentSummary,
    DocumentView,
    FigureTable,
    Hit,
    IndexStatus,
    Passage,
    SearchResult,
    UpdateReport,
    Upload,
    UploadJob,
)
from rag.search.query import is_english
from rag.search.retrieve import Filters, RetrievalConfig, Retriever
from rag.settings import Settings
from rag.vi.calendar import bare_years, figure_years
from rag.vi.periods import YEAR_RE
from rag.vi.spell import Speller
from rag.vi.text import normalize_query, strip_invisible


@dataclass(frozen=True)
class BM25Margin:
    """When BM25's ranking is decisive enough for its answer to stand without the embedder,
    below ``RAG_CASCADE_CONFIDENCE``: the answer is found with at least ``confidence`` and
    BM25's first passage scores at least ``ratio`` times its fifth.  Fitted on the seed gold
    set, the dev reports and XQuAD-vi dev (981 questions): of the 743 that went to the
    embedder, 220 pass and every one of them gets the same answer from hybrid retrieval; the
    first disagreements appear at a ratio of 2.25 (``bench/cascade_margin.py`` prints it)."""

    confidence: float = 0.5
    ratio: float = 3.0
    passages: int = 5  # the fifth passage must exist and score above zero

    def decisive(self, hits: list[Hit], confidence: float) -> bool:
        if confidence < self.confidence or len(hits) < self.passages:
            return False
        fifth = hits[self.passages - 1].lexical
        return fifth > 0 and hits[0].lexical >= self.ratio * fifth


BM25_MARGIN = BM25Margin()

log = logging.getLogger(__name__)

MAX_PERIODS_READ = 4  # a question about several periods reads this many times the passages


class _Later(Exception):
    """An upload with more pages to read by OCR than RAG_OCR_SYNC_PAGES: read it later."""

    def __init__(self, pages: int):
        super().__init__(pages)
        self.pages = pages


class RagService:
    """Owns the embedder, the live index and the chat sessions of one process."""

    def __init__(self, settings: Settings, embedder: Embedder | None = None):
        self.settings = settings
        inner = embedder or get_embedder(settings.embedder, settings.embedder_model(),
                                         **settings.embedder_kwargs())
        self.embedder: Embedder = inner if isinstance(inner, CachedEmbedder) else \
            CachedEmbedder(inner, settings.query_cache)
        self.retrieval = RetrievalConfig(mode=settings.retrieval_mode,
                                         alpha=settings.hybrid_alpha,
                                         candidates=settings.candidates)
        self.live = LiveIndex(settings.index_dir, self.embedder, lambda: self.index_config,
                              settings.write_lock_timeout)
        self.weights = AnswerWeights()  # every weight and threshold of the answerer
        self.scorer = figure_scorer(settings.figure_scorer)
        self._sessions: SessionStore | None = None
        self._sessions_lock = threading.Lock()  # the session store opens once
        self._figure_reader: FigureReader | None = None
        self._figures_lock = threading.Lock()
        self._spell_cache: tuple[object, Speller] | None = None  # per index generation
        self._years_cache: tuple[object, frozenset[int], frozenset[int] | None] | None = None
        self.jobs = UploadJobs()  # uploads read (OCR) and indexed in the background

    @property
    def ocr(self) -> OcrConfig:
        """How scans are read (from the ``RAG_OCR_*`` settings)."""
        return ocr_config(self.settings)

    @property
    def index_config(self) -> IndexConfig:
        """The config new index generations are built with (from the settings)."""
        s = self.settings
        return index_config(embedder_backend=self.embedder.backend,
                            embedder_model=self.embedder.model, chunk_size=s.chunk_size,
                            chunk_overlap=s.chunk_overlap, vector_kind=s.vector_index,
                            lexical_scheme=s.lexical_scheme, embed_title=s.embed_title)

    # --- the index -------------------------------------------------------------------------

    @property
    def index(self) -> Index:
        """The index this process answers from, loaded on first use (NoIndexError when there
        is none yet)."""
        return self.live.index

    @property
    def loaded(self) -> Index | None:
        """The index in memory, if one is; never reads the disk."""
        return self.live.loaded

    def load(self) -> Index:
        return self.live.load()

    def status(self, load: bool = True) -> IndexStatus | None:
        """The index this process answers from; with ``load=False`` only an index already in
        memory counts (None otherwise).  Loading raises NoIndexError, IndexStoreError."""
        index = self.index if load else self.loaded
        if index is None:
            return None
        return IndexStatus(len(index.docs), len(index), index.generation)

    def refresh(self) -> bool:
        """Load a generation another process published, if any (see ``LiveIndex``)."""
        return self.live.refresh()

    def watch(self, interval: float | None = None) -> None:
        """Follow what other processes publish, every ``RAG_INDEX_POLL_SECONDS``."""
        self.live.watch(self.settings.index_poll_seconds if interval is None else interval)

    def index_paths(self, paths: Iterable[Path], rebuild: bool = False,
                    progress: Progress | None = None,
                    reconfigure: bool = False, strict: bool = False) -> UpdateReport:
        """Index the files under ``paths`` (`rag index`); files removed from an indexed
        folder drop out.  ``progress`` gets an ``IndexProgress`` (documents and passages
        done, passages/s, time left) as the run goes; an interrupted run resumes.  The index
        keeps its chunk and vector settings unless ``rebuild`` or ``reconfigure`` (then the
        settings').  A file that cannot be read is named in ``report.skipped`` with the
        reason, or with ``strict`` raises IngestError before anything is written (every file
        is read once first); a refused run in an index directory that held nothing leaves
        nothing there.  Scans are
        read by OCR; the pages read so of the documents added or changed are in
        ``report.ocr_pages``, those read with low confidence in ``report.low_confidence``."""
        paths = list(paths)
        index_dir = self.settings.index_dir
        existed = set(os.listdir(index_dir)) if index_dir.is_dir() else None
        try:
            if strict:  # every file read before anything is written
                check_files(paths, self.ocr)
            report = self.live.index_paths(paths, rebuild, progress, reconfigure, strict,
                                           self.ocr)
        except IngestError:
            if not existed:  # a refused first run leaves no files behind
                discard_unpublished(index_dir, existed)
            raise
        docs = self.index.docs
        for doc_id in [*report.added, *report.changed]:
            doc = docs.get(doc_id)
            ocr, low = self._ocr_pages(doc) if doc is not None else ((), ())
            if ocr:
                report.ocr_pages[doc_id] = list(ocr)
            if low:
                report.low_confidence[doc_id] = list(low)
        return report

    def _ocr_pages(self, doc: Document) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """A document's pages read by OCR, and those of them under RAG_OCR_MIN_CONFIDENCE."""
        read = [p for p in doc.pages if p.ocr is not None]
        low = self.settings.ocr_min_confidence
        return (tuple(p.number for p in read),
                tuple(p.number for p in read if p.ocr is not None and p.ocr < low))

    def upsert(self, docs: list[Document], progress: Embedded | None = None) -> UpdateReport:
        """Add or replace ``docs``; returns once they are saved and searchable."""
        return self.live.upsert(docs, progress)

    def remove(self, doc_ids: list[str]) -> UpdateReport:
        """Drop ``doc_ids``; ``report.removed`` lists those that were there."""
        return self.live.remove(doc_ids)

    # --- documents -------------------------------------------------------------------------

    def read_document(self, *, filename: str | None = None, data: bytes | None = None,
                      text: str | None = None, title: str | None = None,
                      date: str | None = None, doc_id: str | None = None) -> Document:
        """An uploaded document, from a file (``filename`` and its bytes) or from ``text``;
        read, normalised and checked, not yet indexed.  Its id is ``doc_id`` when given, else
        the file's name's, else a hash of the text: the one rule of ``rag.ingest.ids``, which
        `rag index` follows too.  ``date`` is ``YYYY-MM-DD``, a real day.  Scans are read by
        OCR here, however many pages (see :meth:`take_file`).  Raises UnsupportedFileType,
        IngestError (an id or date that breaks the rule, an unreadable file),
        OcrUnavailable."""
        if filename is not None:
            return read_upload(filename, data or b"", doc_id, self.ocr)
        if text is None or not text.strip():
            raise IngestError("the text is empty / nội dung trống")
        return make_document(document_id(doc_id, None, text), text, title=title,
                             date=date, source="upload")

    def take_file(self, filename: str, data: bytes,
                  doc_id: str | None = None) -> Document | UploadJob:
        """An uploaded file: read now into a Document (to :meth:`add_document`), or -- when
        OCR has more than ``RAG_OCR_SYNC_PAGES`` scanned pages to read -- accepted as an
        UploadJob, read and indexed in the background, its status at :meth:`upload_job`.
        What can be checked at once is, before the file is accepted: its type, that it can be
        opened, the page limit and that Tesseract is installed (UnsupportedFileType,
        IngestError, OcrUnavailable)."""
        check_type(filename)
        the_id = document_id(doc_id, filename)
        config = self.ocr
        sync = self.settings.ocr_sync_pages

        def now_or_later(done: int, total: int) -> None:
            if done == 0 and total > sync:  # checked, and nothing read yet
                raise _Later(total)

        try:
            return read_upload(filename, data, the_id, config, on_page=now_or_later)
        except _Later as later:
            pages = later.pages

        def work(report: Callable[[str, int, int], None]) -> Upload:
            report("reading", 0, pages)
            doc = read_upload(filename, data, the_id, config,
                              on_page=lambda done, total: report("reading", done, total))
            report("indexing", pages, pages)
            return self.add_document(doc)

        return self.jobs.submit(the_id, pages, work)

    def upload_job(self, doc_id: str) -> UploadJob | None:
        """The last background upload of ``doc_id`` in this process (None: none)."""
        return self.jobs.get(doc_id)

    def add_document(self, doc: Document) -> Upload:
        """Index ``doc`` (a new one, or a new version of one); returns once it is searchable.
        When another document of the index has the same text (a report downloaded twice,
        "bc (1).txt") it is still indexed -- search shows the passages once -- and the
        upload names it in ``duplicate_of``."""
        report = self.upsert([doc])
        status: Literal["added", "changed", "unchanged"] = (
            "added" if doc.id in report.added else
            "changed" if doc.id in report.changed else "unchanged")
        twin = self.duplicate_of(doc)
        log.info("document %s %s%s", doc.id, status, f" (same text as {twin})" if twin else "")
        ocr, low = self._ocr_pages(doc)
        if low:
            log.warning("document %s: pages %s read by OCR with low confidence", doc.id,
                        ", ".join(map(str, low)))
        return Upload(doc.id, self.chunks_of(doc.id), status, twin, ocr, low)

    def duplicate_of(self, doc: Document) -> str | None:
        """The id of another indexed document whose text is ``doc``'s, if there is one."""
        try:
            docs = self.index.docs
        except NoIndexError:
            return None
        return next((d.id for d in docs.values()
                     if d.id != doc.id and len(d.text) == len(doc.text) and d.text == doc.text),
                    None)

    def delete_document(self, doc_id: str) -> None:
        """Remove a document from the index on disk (found there even if another process
        added it); UnknownDocument when there is none."""
        doc_id = normal_id(doc_id)
        if doc_id not in self.remove([doc_id]).removed:
            raise UnknownDocument(doc_id)
        log.info("document %s removed", doc_id)

    def documents(self) -> list[Document]:
        return list(self.index.docs.values())

    def document(self, doc_id: str) -> Document | None:
        """The document ``doc_id`` (composed or decomposed alike), None when there is none."""
        return self.index.docs.get(normal_id(doc_id))

    def chunks_of(self, doc_id: str) -> int:
        return len(self.index.rows_of_doc.get(doc_id, []))

    def list_documents(self) -> DocumentList:
        """Every document of the index (none when there is no index yet)."""
        try:
            docs = self.documents()
        except NoIndexError:
            docs = []
        return DocumentList(tuple(
            DocumentSummary(d.id, d.title, d.date, self.chunks_of(d.id), _source(d.source))
            for d in docs))

    def get_document(self, doc_id: str) -> DocumentView:
        """One document whole; UnknownDocument when there is none."""
        try:
            doc = self.document(doc_id)
        except NoIndexError:
            doc = None
        if doc is None:
            raise UnknownDocument(doc_id)
        ocr, low = self._ocr_pages(doc)
        return DocumentView(doc.id, doc.title, doc.date, doc.url, doc.text,
                            self.chunks_of(doc.id), len(doc.pages), ocr, low,
                            self.jobs.get(doc_id))

    # --- questions -------------------------------------------------------------------------

    def check_question(self, text: str | None, what: str = "question") -> str:
        """``text`` stripped; QuestionError when blank, QuestionTooLong over
        ``RAG_MAX_QUESTION_CHARS``."""
        text = (text or "").strip()
        if not text:
            raise QuestionError(f"the {what} is empty / câu hỏi trống")
        if len(text) > self.settings.max_question_chars:
            raise QuestionTooLong(self.settings.max_question_chars, what)
        return text

    def _figures(self, index: Index) -> FigureReader:
        """The figure frames of ``index``'s documents, parsed once per index generation."""
        with self._figures_lock:
            held = self._figure_reader
            if held is None or held.index is not index:
                held = self._figure_reader = FigureReader(index)
            return held

    def retriever(self, index: Index | None = None) -> Retriever:
        return Retriever(index or self.index, self.embedder, self.retrieval)

    def answerer(self, index: Index | None = None) -> Answerer:
        index = index or self.index
        return Answerer(index.lexical.df, len(index), self.weights, self.scorer)

    def search(self, question: str, top_k: int | None = None, *, year: int | None = None,
               doc_ids: Iterable[str] | None = None, mode: str | None = None) -> SearchResult:
        """The ``top_k`` passages (RAG_TOP_K) closest to ``question``, best first; only those
        about ``year`` / from ``doc_ids`` when given; ``mode`` one of RETRIEVAL_MODES."""
        question = self.check_question(question)
        _check_mode(mode, RETRIEVAL_MODES, "retrieval")
        return self.retriever().search(question, top_k or self.settings.top_k,
                                       _filters(year, doc_ids), mode)

    def ask(self, question: str, options: AskOptions | None = None, *,
            resolved_question: str | None = None) -> Answer:
        """The answer to ``question`` (``resolved_question``: as read against a chat)."""
        return self.ask_with_hits(question, options, resolved_question=resolved_question)[0]

    def ask_with_hits(self, question: str, options: AskOptions | None = None, *,
                      resolved_question: str | None = None) -> tuple[Answer, SearchResult]:
        """The answer and the passages retrieved for it (at least ``options.hits``)."""
        t0 = time.perf_counter()
        opts = options or AskOptions()
        question = self.check_question(question)
        _check_mode(opts.answer_mode, ANSWER_MODES, "answer")
        _check_mode(opts.retrieval_mode, RETRIEVAL_MODES, "retrieval")
        index = self.index  # one snapshot for the whole question, even if an upload swaps it
        resolved = self._corrected(index, strip_invisible(resolved_question or question).strip())
        filters = _filters(opts.year, opts.doc_ids)
        n_read = opts.passages or self.settings.answer_passages
        retriever = self.retriever(index)
        answerer = self.answerer(index)
        query = retriever.analyze(resolved)
        asked_years = _asked_years(query.expanded, query.scope.years) \
            - set(query.scope.comparison_years)
        missing = sorted(asked_years - self._covered_years(index))
        if missing and index.docs and len(missing) == len(asked_years):
            # never another year's figure: a refusal naming the near years covered, with
            # the passages closest to the question as related (a question about several
            # years some report covers goes on: its answer names the periods it lacks)
            result = retriever.search(resolved, max(n_read, opts.hits or 0), filters,
                                      mode=opts.retrieval_mode, query=query)
            refused = _no_such_year(question, resolved, missing, self._figure_years(index),
                                    tuple(h.passage() for h in result.hits[:n_read]))
            return replace(refused, latency_ms=(time.perf_counter() - t0) * 1000), result
        n_search = max(n_read * MAX_PERIODS_READ, opts.hits or 0)
        today = opts.today or self.settings.today or date.today()
        frames_of = self._figures(index)

        def text_of(doc_id: str) -> str:
            return index.docs[doc_id].text

        def answer_from(hits: list[Hit]) -> Answer:
            return answerer.answer(query, hits, resolved, frames_of=frames_of,
                                   texts=text_of, today=today, read=n_read)

        answer = None
        if (opts.retrieval_mode or self.retrieval.mode) == "hybrid":
            # Cascade: BM25 alone costs under a millisecond; only when its answer is not
            # sure, and BM25's ranking not decisive, does the question go to the embedder
            # (tens of ms) for hybrid retrieval.  RAG_CASCADE_CONFIDENCE above 1: never.
            result = retriever.search(resolved, n_search, filters, mode="lexical", query=query)
            first = answer_from(result.hits)
            sure = self.settings.cascade_confidence
            if first.found and (first.confidence >= sure or (
                    sure <= 1 and BM25_MARGIN.decisive(result.hits, first.confidence))):
                answer = first
        if answer is None:
            result = retriever.search(resolved, n_search, filters, mode=opts.retrieval_mode,
                                      query=query)
            answer = answer_from(result.hits)
        answer = replace(answer, question=question)
        if opts.answer_mode == "generative":
            answer = self._generate(question, resolved, result.hits[:n_read], answer)
        answer = _with_pages(answer, index.docs)
        return replace(answer, latency_ms=(time.perf_counter() - t0) * 1000), result

    def _speller(self, index: Index) -> Speller:
        cached = self._spell_cache
        if cached is None or cached[0] is not index.word_forms:
            cached = (index.word_forms, Speller(index.word_forms))
            self._spell_cache = cached
        return cached[1]

    def _corrected(self, index: Index, question: str) -> str:
        """``question`` with its misspelt words corrected against the index's vocabulary
        (``rag.vi.spell``); itself when nothing was corrected (or it is in English)."""
        if is_english(question):
            return question
        corrected = self._speller(index).correct(question)
        return corrected if corrected != normalize_query(question) else question

    def _covered_years(self, index: Index) -> frozenset[int]:
        """Every year the index's passages write (a 4-digit number 1990-2039 among BM25's
        tokens, or a year 1000-2999 written alone or after "năm"), read once per index."""
        cached = self._years_cache
        if cached is None or cached[0] is not index.lexical:
            vocab = (index.lexical.bm25.vocab_dict or {}) if index.lexical.size else {}
            years = frozenset(int(t) for t in vocab if len(t) == 4 and t.isdigit()
                              and YEAR_RE.fullmatch(t))
            docs = list(index.docs.values())
            # a year outside 1990-2039 a text writes alone or after "năm"
            years |= {y for d in docs for y in _asked_years(d.text, ())}
            cached = (index.lexical, years, None)
            self._years_cache = cached
        return cached[1]

    def _figure_years(self, index: Index) -> frozenset[int]:
        """The years the index's texts give figures for (not comparison years nor price
        bases: the only ones a refusal suggests), or every year they write when none is read
        as a figure's period; read once per index, at the first refusal."""
        covered = self._covered_years(index)
        cached = self._years_cache
        assert cached is not None
        if cached[2] is None:
            figures = frozenset(y for d in index.docs.values() for y in figure_years(d.text))
            cached = (cached[0], cached[1], figures)
            self._years_cache = cached
        return cached[2] or covered

    def _generate(self, question: str, resolved: str, hits: list[Hit],
                  extractive: Answer) -> Answer:
        config = llm_config(self.settings)
        if config is None:
            return replace(extractive, note="generative answer not used: RAG_LLM_BASE_URL and "
                                            "RAG_LLM_MODEL are not set")
        with LLMClient(config) as client:
            return generate_answer(question, resolved, hits, extractive, client)

    # --- chat ------------------------------------------------------------------------------

    @property
    def sessions(self) -> SessionStore:
        if self._sessions is None:
            with self._sessions_lock:
                if self._sessions is None:
                    s = self.settings
                    self._sessions = SessionStore(s.sessions_db, s.session_ttl_seconds,
                                                  s.session_max_turns)
        return self._sessions

    def chat(self, message: str, session_id: str | None = None,
             options: AskOptions | None = None) -> ChatAnswer:
        """One chat turn: the message is read against the session's last question.  An
        unknown or expired ``session_id`` raises UnknownSession."""
        message = self.check_question(message, "message")
        try:
            session = self.sessions.get_or_create(session_id)
        except KeyError as exc:
            raise UnknownSession(session_id) from exc
        resolved = resolve(message, session.last_resolved)
        answer = self.ask(message, options, resolved_question=resolved)
        self.sessions.add_turn(session.id, message, resolved, answer.to_dict())
        return ChatAnswer(**{f: getattr(answer, f) for f in answer.__dataclass_fields__},
                          session_id=session.id)

    def chat_by_key(self, key: str, message: str, options: AskOptions | None = None) -> Answer:
        """A chat turn in the session tied to an external key (a Slack thread, a Zalo user)."""
        return self.chat(message, self.sessions.session_for_key(key), options)

    def history(self, session_id: str) -> ChatHistory:
        """A session's turns; UnknownSession when it is unknown or expired."""
        session = self.sessions.get(session_id)
        if session is None:
            raise UnknownSession(session_id)
        return session.history()

    def end_session(self, session_id: str) -> None:
        """Delete a session; UnknownSession when there is none."""
        if not self.sessions.delete(session_id):
            raise UnknownSession(session_id)

    def first_delivery(self, key: str) -> bool:
        """True when this process should answer the chat platform's delivery ``key`` (its
        event or message id): the first time it is delivered to any process sharing
        ``RAG_SESSIONS_DB``, or again when the process that took it died before
        :meth:`delivered` (after ``RAG_DELIVERY_CLAIM_SECONDS``); False for a redelivery."""
        s = self.settings
        return self.sessions.claim(key, s.delivery_ttl_seconds, s.delivery_claim_seconds)

    def delivered(self, key: str) -> None:
        """The reply to delivery ``key`` went out: never answer it again."""
        self.sessions.done(key)

    # --- the figure table ----------------------------------------------------------------

    def figures(self, *, indicator: str | None = None, year: int | None = None,
                doc_ids: Iterable[str] | None = None, measure: str | None = None,
                offset: int = 0, limit: int = 100) -> FigureTable:
        """`rag figures` and GET /figures: every figure of the corpus matching the filters
        (rag.answer.table.figure_table; ValueError for a bad page)."""
        index = self.index

        def chunks_of(doc_id: str) -> list[Chunk]:
            return [index.chunks[i] for i in index.rows_of_doc.get(doc_id, [])]

        return figure_table(index.docs, self._figures(index), chunks_of, indicator=indicator,
                            year=year, doc_ids=doc_ids, measure=measure, offset=offset,
                            limit=limit)

    # --- evaluation ------------------------------------------------------------------------

    def figure_candidates(self, question: str, today: date | None = None,
                          answerer: Answerer | None = None
                          ) -> list[list[tuple[str, tuple[float, ...], bool, int, float]]] | None:
        """The candidate frames a figure question is chosen from, as ``rag train`` reads them:
        per asked period, each candidate as (answer text, features, for a part of the
        period, days its period spans or -1, the ranking's score), from the passages the
        configured retrieval gives (no cascade).  None for a question that is not a figure
        question or asks a year no report covers (refused before any frame is read)."""
        index = self.index
        resolved = self._corrected(index, self.check_question(question).strip())
        retriever = self.retriever(index)
        query = retriever.analyze(resolved)
        asked = _asked_years(query.expanded, query.scope.years) - \
            set(query.scope.comparison_years)
        if asked and not asked & self._covered_years(index):  # refused as ask refuses it
            return None
        intent = read_intent(query)
        if intent.kind not in FIGURE_KINDS:
            return None
        n_read = self.settings.answer_passages
        hits = retriever.search(resolved, n_read * MAX_PERIODS_READ, None, query=query).hits
        answerer = answerer or self.answerer(index)
        parts = answerer.figure_candidates(
            query, intent, hits, self._figures(index), lambda d: index.docs[d].text,
            today or self.settings.today or date.today(), n_read)
        return [[(answer_text(c.frame), c.features, c.match == "partial",
                  span_days(c.frame.period.start, c.frame.period.end) if c.frame.period
                  else -1, c.score) for c in choices] for _, choices in parts]

    def train(self, golds: Iterable[Path], out: Path | None = None, *, folds: int = 5,
              c: float | None = None) -> TrainReport:
        """`rag train`: fit the figure scorer on the figure questions of the gold files
        ``golds`` asked on this index (rag.eval.train: folds by document, logistic
        regression, isotonic calibration, thresholds), save it to ``out`` (default: the file
        shipped with the library) and return the folds' figures.  The candidates are read
        with the hand-set ranking, so what the shipped scorer does not matter.  GoldError for
        a malformed gold file; ValueError when there is too little to fit on."""
        index = self.index
        hand = Answerer(index.lexical.df, len(index), self.weights)
        rows = []
        for g in (q for path in golds for q in load_gold(path)):
            parts = self.figure_candidates(g.question, g.today, hand)
            if parts is not None:
                rows.append(label(g, parts))
        scorer, report = fit_scorer(rows, folds=folds, c=c)
        scorer.save(out or DEFAULT_PATH)
        return report

    def evaluate(self, gold: Path, *, top_k: int = 10, mode: str | None = None,
                 strip: bool = False, fold: bool = False,
                 about: dict[str, Any] | None = None) -> EvalReport:
        """`rag eval`: every question of the gold file ``gold`` asked (the whole answering
        path) and searched (``top_k`` passages, ``mode``), scored; ``strip`` asks them without
        diacritics, ``fold`` matches answers ignoring them; a question with a ``today`` is
        asked on that day (``rag.eval.runner.run_gold``).  The report's configuration records
        everything the run depended on, ``about`` added to it.  GoldError for a malformed gold
        file, QuestionError for an unknown ``mode``."""
        _check_mode(mode, RETRIEVAL_MODES, "retrieval")
        st = self.settings
        return run_gold(
            gold, lambda: self.index,
            lambda question, today: self.ask(question, AskOptions(retrieval_mode=mode,
                                                                  today=today)),
            lambda question: self.search(question, top_k=top_k, mode=mode),
            max_question_chars=st.max_question_chars, index_dir=st.index_dir,
            weights=self.weights.to_dict(), today=st.today, about=about, strip=strip,
            fold=fold, run={"mode": mode or st.retrieval_mode, "top_k": top_k,
                            "hybrid_alpha": st.hybrid_alpha, "candidates": st.candidates,
                            "answer_passages": st.answer_passages,
                            "cascade_confidence": st.cascade_confidence,
                            "answer_mode": "extractive"})

    def close(self) -> None:
        self.jobs.close()
        self.live.stop()
        with self._sessions_lock:
            if self._sessions is not None:
                self._sessions.close()
                self._sessions = None


def llm_config(settings: Settings) -> LLMConfig | None:
    """The OpenAI-compatible server of generative answers; None when RAG_LLM_BASE_URL or
    RAG_LLM_MODEL is not set."""
    if not settings.llm_base_url or not settings.llm_model:
        return None
    return LLMConfig(base_url=settings.llm_base_url, model=settings.llm_model,
                     api_key=settings.llm_api_key or None, timeout=settings.llm_timeout,
                     max_tokens=settings.llm_max_tokens)


def ocr_config(settings: Settings) -> OcrConfig:
    """How scans are read, from the ``RAG_OCR_*`` settings."""
    s = settings
    return OcrConfig(command=s.ocr_command, languages=s.ocr_languages, dpi=s.ocr_dpi,
                     min_confidence=s.ocr_min_confidence, max_pages=s.ocr_max_pages,
                     time_limit=s.ocr_time_limit)


def check_settings(settings: Settings) -> None:
    """Fail early, with the library's own error, on settings no process could serve with: an
    embedder that cannot be made (EmbedderError), a session store that cannot be opened
    (SessionStoreError), a figure scorer file that cannot be used (ScorerFileError).  The
    embedding model is not loaded: it loads on first use."""
    get_embedder(settings.embedder, settings.embedder_model(), **settings.embedder_kwargs())
    figure_scorer(settings.figure_scorer)
    SessionStore(settings.sessions_db, settings.session_ttl_seconds,
                 settings.session_max_turns).close()


def load_eval_report(path: Path) -> EvalReport:
    """A report saved by `rag eval --json`; ReportError when it cannot be read."""
    return EvalReport.load(path)


def _filters(year: int | None, doc_ids: Iterable[str] | None) -> Filters | None:
    """The retrieval filters of a request, built in one place."""
    if year is None and doc_ids is None:
        return None
    return Filters(year=year, doc_ids=frozenset(doc_ids) if doc_ids is not None else None)


# A year as people write one, also outside the range the period reader takes (a typo "2108"):
# four digits after "năm"/"year"/"in" or after a "/" of a month or quarter ("quý I/2108").
_ASKED_YEAR_RE = re.compile(r"(?:\b(?:năm|nam|year|in)\s+|/)(\d{4})(?![\d.,]\d)",
                            re.IGNORECASE)


def _asked_years(question: str, years: Iterable[int]) -> set[int]:
    """The years a question asks about: those its time scope read, any four-digit year
    written after "năm" or a "/", however unlikely, and a year 1000-2999 written alone
    ("xuất khẩu 2109?", ``rag.vi.calendar.bare_years``)."""
    return set(years) | {int(m.group(1)) for m in _ASKED_YEAR_RE.finditer(question)} | \
        set(bare_years(question))


def near_years(year: int, covered: Iterable[int], n: int = 2) -> list[int]:
    """The covered years closest to ``year``: fewest digits changed or swapped first ("2108"
    -> 2018), then the nearest in time."""
    return sorted(covered, key=lambda y: (_digit_edits(str(year), str(y)), abs(y - year)))[:n]


def _digit_edits(a: str, b: str) -> int:
    """Edits between two years written as 4 digits: substitutions, one adjacent swap counts 1."""
    if len(a) != len(b):
        return 4
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    if len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] \
            and a[diff[1]] == b[diff[0]]:
        return 1
    return len(diff)


def _no_such_year(question: str, resolved: str, missing: list[int], covered: frozenset[int],
                  related: tuple[Passage, ...]) -> Answer:
    """The refusal for a question about years no report covers (often a typo, "năm 2108"),
    with the near years the reports do cover."""
    asked = ", ".join(map(str, missing))
    near = near_years(missing[0], covered)
    text = (f"Không tìm thấy thông tin trả lời câu hỏi \"{question.strip()}\" cho năm {asked} "
            f"trong các báo cáo hiện có: không báo cáo nào có số liệu năm {asked}.")
    if near:
        text += " Có phải bạn muốn hỏi năm " + " hoặc ".join(map(str, near)) + "?"
    return Answer(question=question, resolved_question=resolved, answer=text, found=False,
                  confidence=1.0, related=related)


def _check_mode(mode: str | None, known: tuple[str, ...], what: str) -> None:
    if mode is not None and mode not in known:
        raise QuestionError(f"unknown {what} mode {mode!r}: use {' or '.join(known)}")


def _with_pages(answer: Answer, docs: dict[str, Document]) -> Answer:
    """``answer`` with each citation's page (of a paged file) and whether that page was read
    by OCR; ``answer.ocr`` when any was."""

    def paged(c: Citation) -> Citation:
        doc = docs.get(c.doc_id)
        page = doc.page_at(c.start) if doc is not None else None
        return c if page is None else replace(c, page=page.number, ocr=page.ocr is not None)

    if not any(docs[d].pages for d in _cited(answer) if d in docs):
        return answer
    parts = tuple(replace(p, citations=tuple(map(paged, p.citations))) for p in answer.parts)
    citations = tuple(map(paged, answer.citations))
    ocr = any(c.ocr for c in citations) or any(c.ocr for p in parts for c in p.citations)
    return replace(answer, citations=citations, parts=parts, ocr=ocr)


def _cited(answer: Answer) -> set[str]:
    return {c.doc_id for c in answer.citations} | {c.doc_id for p in answer.parts
                                                   for c in p.citations}


def _source(source: str | None) -> str | None:
    """"upload", or the name of the file a document came from (not the server's path)."""
    return source if source in (None, "upload") else Path(source).name


__all__ = ["DOC_ID_PATTERN", "IndexStoreError", "RagService", "check_settings",
           "figure_scorer", "load_eval_report"]


def figure_scorer(setting: str) -> FigureScorer | None:
    """The figure scorer RAG_FIGURE_SCORER names: "fitted" the file shipped with the library,
    "hand" none (the hand-set frame weights), else the path of a scorer file.  Raises
    ScorerFileError (a ValueError) when that file cannot be used."""
    if setting == "hand":
        return None
    return FigureScorer.load(DEFAULT_PATH if setting == "fitted" else Path(setting))
