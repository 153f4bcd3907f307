"""RagService, the one door: checks questions, builds filters, owns the embedder, the live
index, the sessions and the answer policy (the BM25-first cascade, the generative path)."""

from __future__ import annotations

import logging
import os
import re
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date
from pathlib import Path

from index import Index, IndexConfig
from index.backends import open_store
from index.store import discard_unpublished
from rag.answer import Answerer, AnswerWeights
from rag.answer.answerer import FIGURE_KINDS
from rag.answer.candidates import asks_role
from rag.answer.conjuncts import (
    conjoined,
    phrase_counter,
    split_clauses,
    split_conjuncts,
    split_indicators,
    split_paired,
)
from rag.answer.day_parts import split_day_parts
from rag.answer.generative import LLMClient, generate_answer
from rag.answer.intent import read_intent
from rag.answer.joined_parts import split_bases, split_periods
from rag.answer.sentences import ends_signed
from rag.answer.table import figure_table
from rag.chat.sessions import SessionBackend
from rag.embed import CachedEmbedder, Embedder, get_embedder
from rag.errors import (
    IngestError,
    QuestionError,
    QuestionTooLong,
)
from rag.eval import EvalReport
from rag.ingest.build import Embedded, Progress
from rag.ingest.figures import FigureReader
from rag.ingest.folders import check_files
from rag.ingest.indexing import index_files
from rag.ingest.jobs import UploadJobs
from rag.ingest.live import LiveIndex
from rag.ingest.ocr import OcrConfig, PageCache
from rag.ingest.sheets import uncomputed_note
from rag.records import (
    ANSWER_MODES,
    RETRIEVAL_MODES,
    Answer,
    AskOptions,
    Chunk,
    Document,
    FigureTable,
    Hit,
    IndexStatus,
    SearchResult,
    UpdateReport,
)
from rag.search.retrieve import Filters, Retriever, acronym_table
from rag.service.cascade import BM25_MARGIN
from rag.service.config import (
    figure_scorer,
    job_store,
    llm_config,
    new_index_config,
    ocr_config,
    retrieval_config,
    sentence_chooser,
    statement_check,
    unused_files_index,
    with_index_embedder,
)
from rag.service.conversations import Conversations
from rag.service.documents import Documents, with_pages
from rag.service.evaluation import Evaluation
from rag.service.numbers import (
    asked_numbers,
    asks_issue_date,
    issued_answer,
    no_such_number,
    numbered_documents,
    titled_issue_question,
    titled_issued_answer,
    without_numbers,
)
from rag.service.questions import (
    MAX_PERIODS_READ,
    Corrector,
    ReadQuestion,
    check_mode,
    check_request,
    read_question,
)
from rag.service.years import YearCoverage, no_such_date, no_such_year, no_such_year_written
from rag.settings import Settings
from rag.vi.acronyms import AcronymTable
from rag.vi.asked import (
    impossible_dates,
    malformed_years,
    without_asked_years,
    without_years,
)
from rag.vi.restore import pair_writer
from rag.vi.text import strip_invisible

log = logging.getLogger("rag.service")
# a lone UTF-16 surrogate: a str may hold one (JSON's "\\ud800" escape), no encoding writes it
_SURROGATE_RE = re.compile("[\ud800-\udfff]")



class RagService(Documents, Conversations, Evaluation):
    """Owns the embedder, the live index and the chat sessions of one process; its document
    methods are in ``rag.service.documents``, its chat methods in ``rag.service.conversations``."""

    def __init__(self, settings: Settings, embedder: Embedder | None = None):
        store = open_store(settings.index_dir, settings.database_url,
                           settings.database_pool_size)
        if embedder is None:
            settings = with_index_embedder(settings, store.built_with())
        self.settings = settings
        inner = embedder or get_embedder(settings.embedder_backend(), settings.embedder_model(),
                                         **settings.embedder_kwargs())
        self.embedder: Embedder = inner if isinstance(inner, CachedEmbedder) else \
            CachedEmbedder(inner, settings.query_cache)
        self.retrieval = retrieval_config(settings)
        self.live = LiveIndex(settings.index_dir, self.embedder, lambda: self.index_config,
                              settings.write_lock_timeout, store)
        self.weights = AnswerWeights()  # every weight and threshold of the answerer
        self.scorer = figure_scorer(settings.figure_scorer)
        self.statement_check = statement_check(settings.statement_check)
        self.sentence_chooser = sentence_chooser(settings.sentence_chooser)
        self._sessions: SessionBackend | None = None
        self._sessions_lock = threading.Lock()  # the session store opens once
        self._figure_reader: FigureReader | None = None
        self._figures_lock = threading.Lock()
        self.corrector = Corrector()  # the speller, per index generation
        # the abbreviation table (rag.vi.acronyms), per index generation
        self._acronyms: tuple[Index, AcronymTable] | None = None
        self._acronyms_lock = threading.Lock()
        # how often the documents write a phrase (rag.answer.conjuncts.phrase_counter), per
        # index generation
        self._phrases: tuple[Index, Callable[[str], int]] | None = None
        self.years = YearCoverage()  # the years the index covers, per index generation
        # uploads read (OCR) and indexed in the background, their status beside the index or,
        # with a database, in it (shared by every host)
        self.jobs = UploadJobs(job_store(settings))
        self.ocr_cache = PageCache(settings.index_dir)  # pages read, kept beside the index
        unused = unused_files_index(settings, self.live.store)
        if unused:  # a corpus indexed before RAG_DATABASE_URL was set
            log.warning(unused)

    @property
    def where(self) -> str:
        """Where the corpus is, for messages: the index directory, or the database's URL
        without its password."""
        return self.live.store.where

    @property
    def ocr(self) -> OcrConfig:
        """How scans are read (from the ``RAG_OCR_*`` settings), pages read kept beside the
        index."""
        return replace(ocr_config(self.settings), cache=self.ocr_cache)

    @property
    def index_config(self) -> IndexConfig:
        """The config new index generations are built with (from the settings)."""
        return new_index_config(self.settings, self.embedder)

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
        """Load the index from disk now (NoIndexError, IndexStoreError), rather than on first
        use."""
        return self.live.load()

    def status(self, load: bool = True) -> IndexStatus | None:
        """The index this process answers from; with ``load=False`` only an index already in
        memory counts (None otherwise).  Loading raises NoIndexError, IndexStoreError."""
        index = self.index if load else self.loaded
        if index is None:
            return None
        return IndexStatus(len(index.docs), len(index), index.generation)

    def check_store(self, timeout: float) -> None:
        """Whether the corpus store answers now (the database's ``SELECT 1``; the files'
        store always does), for readiness: IndexStoreError when it does not within
        ``timeout`` seconds."""
        self.live.store.ping(timeout)

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
        nothing there.  Scans are read by OCR; the pages read so of the documents added or
        changed are in ``report.ocr_pages``, those read with low confidence in
        ``report.low_confidence``; a document of the run whose text another has is in
        ``report.duplicates`` (copy -> the original, ``rag.search.copies.first_of``)."""
        paths = list(paths)
        index_dir = self.settings.index_dir
        existed = set(os.listdir(index_dir)) if index_dir.is_dir() else None
        try:
            if strict:  # every file read before anything is written
                check_files(paths, self.ocr)
            report = index_files(self.live, paths, rebuild, progress, reconfigure, strict,
                                 self.ocr)
        except IngestError:
            if not existed and self.live.store.kind == "files":  # a refused first run
                # leaves no files behind
                discard_unpublished(index_dir, existed)
            raise
        docs = self.index.docs
        report.duplicates = self.duplicates([*report.added, *report.changed])
        for doc_id in [*report.added, *report.changed]:
            doc = docs.get(doc_id)
            ocr, low = self._ocr_pages(doc) if doc is not None else ((), ())
            if ocr:
                report.ocr_pages[doc_id] = list(ocr)
            if low:
                report.low_confidence[doc_id] = list(low)
            if doc is not None and doc.unread:
                report.unread[doc_id] = (f"trang {', '.join(map(str, doc.unread))} not read: "
                                         f"{doc.unread_reason}")
            if doc is not None and doc.uncomputed:
                report.uncomputed[doc_id] = uncomputed_note(doc.uncomputed)
        return report

    def upsert(self, docs: list[Document], progress: Embedded | None = None) -> UpdateReport:
        """Add or replace ``docs``; returns once they are saved and searchable."""
        return self.live.upsert(docs, progress)

    def remove(self, doc_ids: list[str]) -> UpdateReport:
        """Drop ``doc_ids``; ``report.removed`` lists those that were there."""
        return self.live.remove(doc_ids)

    # --- questions -------------------------------------------------------------------------

    def check_question(self, text: str | None, what: str = "question") -> str:
        """``text`` stripped; QuestionError when blank (invisible characters alone, "\u200b",
        are blank too) or not text (a lone UTF-16 surrogate, which no encoding writes: JSON's
        "\\ud800" escape), QuestionTooLong over ``RAG_MAX_QUESTION_CHARS``.  NULs are taken
        out (they print nothing; a database's text cannot hold them)."""
        text = (text or "").replace("\x00", "").strip()
        if _SURROGATE_RE.search(text):
            raise QuestionError(f"the {what} holds a lone surrogate (\\ud800-\\udfff), not "
                                "text / câu hỏi có ký tự không hợp lệ")
        if not strip_invisible(text).strip():
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
        """A retriever over ``index`` (default: the one this process answers from) with this
        service's embedder and retrieval settings."""
        index = index or self.index
        return Retriever(index, self.embedder, self.retrieval, self._acronym_table(index))

    def _acronym_table(self, index: Index) -> AcronymTable:
        """The abbreviations of ``index``'s passages (rag.vi.acronyms), built once per index
        generation: the generation a question is read against is the table it reads."""
        with self._acronyms_lock:
            held = self._acronyms
            if held is None or held[0] is not index:
                held = self._acronyms = (index, acronym_table(index))
            return held[1]

    def _phrase_counter(self, index: Index) -> Callable[[str], int]:
        """How often ``index``'s documents write a phrase (folded words:
        rag.answer.conjuncts.phrase_counter), built once per index generation, when a
        question first asks two things joined by "và"."""
        with self._acronyms_lock:
            held = self._phrases
            if held is None or held[0] is not index:
                held = self._phrases = (index, phrase_counter(d.text for d in
                                                              index.docs.values()))
            return held[1]

    def answerer(self, index: Index | None = None) -> Answerer:
        """An answerer over ``index``'s BM25 document frequencies and the written forms of its
        words (``index.word_forms``), with this service's AnswerWeights, figure scorer,
        statement check and sentence chooser."""
        index = index or self.index
        return Answerer(index.lexical.df, len(index), self.weights, self.scorer,
                        self.statement_check, pair_writer(index.word_forms),
                        self.sentence_chooser)

    def search(self, question: str, top_k: int | None = None, *, year: int | None = None,
               doc_ids: Iterable[str] | None = None, mode: str | None = None) -> SearchResult:
        """The ``top_k`` passages (RAG_TOP_K) closest to ``question``, best first; only those
        about ``year`` / from ``doc_ids`` when given; ``mode`` one of RETRIEVAL_MODES."""
        question = self.check_question(question)
        check_mode(mode, RETRIEVAL_MODES, "retrieval")
        doc_ids = list(doc_ids) if doc_ids is not None else None
        check_request(top_k, year, doc_ids)
        return self.retriever().search(question, top_k or self.settings.top_k,
                                       _filters(year, doc_ids), mode)

    def ask(self, question: str, options: AskOptions | None = None, *,
            resolved_question: str | None = None) -> Answer:
        """The answer to ``question`` (``resolved_question``: as read against a chat)."""
        return self.ask_with_hits(question, options, resolved_question=resolved_question)[0]

    def ask_with_hits(self, question: str, options: AskOptions | None = None, *,
                      resolved_question: str | None = None, split: bool = True
                      ) -> tuple[Answer, SearchResult]:
        """The answer and the passages retrieved for it (at least ``options.hits``).  A
        figure question asking for two things ("sản lượng than và xi măng 9 tháng 2025"), or
        pairing things with their own periods ("X cả năm 2026 và Y quý I 2027";
        ``rag.answer.conjuncts``), is answered as one question a thing, one part each (``split``
        False: as one)."""
        t0 = time.perf_counter()
        opts = options or AskOptions()
        question = self.check_question(question)
        check_mode(opts.answer_mode, ANSWER_MODES, "answer")
        check_mode(opts.retrieval_mode, RETRIEVAL_MODES, "retrieval")
        check_request(opts.passages, opts.year, opts.doc_ids)
        check_request(opts.hits)
        today = opts.today or self.settings.today or date.today()
        q = self._read(resolved_question or question, today)
        index, resolved, query = q.index, q.resolved, q.query
        filters = _filters(opts.year, opts.doc_ids)
        n_read = opts.passages or self.settings.answer_passages
        answerer = self.answerer(index)
        bad_dates = impossible_dates(resolved)
        if bad_dates:
            # "30/2", "tháng 13/2028": no report has a figure for a day no calendar has
            result = q.search(max(n_read, opts.hits or 0), filters, opts.retrieval_mode)
            refused = no_such_date(question, resolved, bad_dates,
                                   tuple(h.passage() for h in result.hits[:n_read]))
            return replace(refused, latency_ms=(time.perf_counter() - t0) * 1000), result
        bad_years = malformed_years(resolved)
        if q.refused_years or bad_years:
            # never another year's figure: a refusal naming the near years covered, with
            # the passages closest to the question as related (a question about several
            # years some report covers goes on: its answer names the periods it lacks); a
            # year with a digit too few or too many ("năm 216", "20196") is not read as
            # another year either
            result = q.search(max(n_read, opts.hits or 0), filters, opts.retrieval_mode)
            # the years suggested: those holding the asked figure, for a figure question
            # (read without the malformed year, which would scope the search)
            covered = self.years.figure_years(index)
            bare = q if not bad_years else self._read(without_years(resolved, bad_years), today)
            if read_intent(bare.query).kind in FIGURE_KINDS:
                found = bare.search(max(n_read, opts.hits or 0), filters, opts.retrieval_mode)
                covered = frozenset(answerer.indicator_years(
                    bare.query, read_intent(bare.query), found.hits[:n_read],
                    self._figures(index), bare.text_of, today))
            related = tuple(h.passage() for h in result.hits[:n_read])
            refused = no_such_year_written(question, resolved, bad_years, covered, related) \
                if bad_years else no_such_year(question, resolved, list(q.refused_years),
                                               covered, related)
            return replace(refused, latency_ms=(time.perf_counter() - t0) * 1000), result
        numbers = asked_numbers(resolved)
        if not numbers and titled_issue_question(resolved) is not None:
            # "báo cáo cây ăn quả ban hành ngày nào": the date of the document so titled
            result = q.search(max(n_read, opts.hits or 0), filters, opts.retrieval_mode)
            issued = titled_issued_answer(index, question, resolved,
                                          tuple(h.passage() for h in result.hits[:n_read]),
                                          opts.doc_ids)
            if issued is not None:
                issued = with_pages(issued, index.docs)
                return replace(issued, latency_ms=(time.perf_counter() - t0) * 1000), result
        if numbers and opts.doc_ids is None:
            # "báo cáo 214/BC-SCT ...": that document's answer, never another report's
            owners = numbered_documents(index, numbers)
            if not owners:
                result = q.search(max(n_read, opts.hits or 0), filters, opts.retrieval_mode)
                refused = no_such_number(question, resolved, numbers,
                                         tuple(h.passage() for h in result.hits[:n_read]))
                return replace(refused, latency_ms=(time.perf_counter() - t0) * 1000), result
            opts = replace(opts, doc_ids=owners)
            filters = _filters(opts.year, opts.doc_ids)
            asked = without_numbers(resolved, numbers)
            if asks_issue_date(asked):
                # "báo cáo số 77/BC-SNN ban hành ngày nào": the day its own date line writes
                result = q.search(max(n_read, opts.hits or 0), filters, opts.retrieval_mode)
                issued = issued_answer(index, question, resolved, numbers, owners,
                                       tuple(h.passage() for h in result.hits[:n_read]))
                if issued is not None:
                    issued = with_pages(issued, index.docs)
                    return replace(issued, latency_ms=(time.perf_counter() - t0) * 1000), result
            if asked != resolved and \
                    read_intent(q.retriever.analyze(asked)).kind in FIGURE_KINDS:
                # a figure of that document: asked without the number's words, which the
                # answerer would read as the indicator's
                within, within_hits = self.ask_with_hits(question, opts,
                                                         resolved_question=asked, split=split)
                return replace(within, resolved_question=resolved,
                               latency_ms=(time.perf_counter() - t0) * 1000), within_hits
        rest = without_asked_years(resolved, q.uncovered) if q.uncovered else resolved
        if rest != resolved:
            # "năm 2018 và năm 2108": the covered period answered, the other named as lacking
            # (refusing the whole question named the covered year as missing)
            covered_part, part_hits = self.ask_with_hits(question, opts,
                                                         resolved_question=rest, split=split)
            return _lacking(covered_part, q.uncovered, time.perf_counter() - t0), part_hits
        if split and opts.answer_mode != "generative" and \
                read_intent(query).kind in FIGURE_KINDS:
            # two bases, or periods of two kinds, joined by "và": each part asked alone
            # (rag.answer.joined_parts), before the splits into things asked
            both = split_bases(resolved) or split_periods(resolved, today) \
                or split_day_parts(resolved) \
                or split_clauses(resolved) or split_indicators(resolved) \
                or split_conjuncts(resolved, answerer.cohesion,
                                   phrases=self._phrase_counter(index)) \
                or split_paired(resolved, answerer.cohesion)
            if both is not None:
                subs = [self.ask_with_hits(sub, opts, resolved_question=sub, split=False)
                        for sub in both.questions]
                joined = conjoined(question, resolved, both.labels,
                                   tuple(a for a, _ in subs), answerer.weights.frame_partial)
                if joined is not None:
                    hits = list({h.chunk.id: h for _, r in subs for h in r.hits}.values())
                    return replace(joined, latency_ms=(time.perf_counter() - t0) * 1000), \
                        SearchResult(resolved, hits, subs[0][1].resolved_query)
        n_search = max(n_read * MAX_PERIODS_READ, opts.hits or 0)
        frames_of = self._figures(index)

        signers = read_intent(query).kind == "person" and asks_role(query.expanded)

        def answer_from(hits: list[Hit]) -> Answer:
            read = n_read
            if signers:
                # "Ai là Cục trưởng ...?": the signature block closing a document read
                # holds its holder, whichever passage of it the search found
                signed = signature_hits(index, hits[:n_read])
                hits, read = hits[:n_read] + signed + hits[n_read:], n_read + len(signed)
            return answerer.answer(query, hits, resolved, frames_of=frames_of,
                                   texts=q.text_of, today=today, read=read)

        answer = None
        if (opts.retrieval_mode or self.retrieval.mode) == "hybrid":
            # Cascade: BM25 alone costs under a millisecond; only when its answer is not
            # sure, and BM25's ranking not decisive, does the question go to the embedder
            # (tens of ms) for hybrid retrieval.  RAG_CASCADE_CONFIDENCE above 1: never.
            result = q.search(n_search, filters, "lexical")
            first = answer_from(result.hits)
            sure = self.settings.cascade_confidence
            if first.found and (first.confidence >= sure or (
                    sure <= 1 and BM25_MARGIN.decisive(result.hits, first.confidence))):
                answer = first
        if answer is None:
            result = q.search(n_search, filters, opts.retrieval_mode)
            answer = answer_from(result.hits)
        answer = replace(answer, question=question)
        if opts.answer_mode == "generative":
            answer = self._generate(question, resolved, result.hits[:n_read], answer)
        answer = with_pages(answer, index.docs)
        return replace(answer, latency_ms=(time.perf_counter() - t0) * 1000), result

    def _read(self, question: str, today: date | None = None) -> ReadQuestion:
        """``question`` read against one snapshot of the index (``rag.service.questions``):
        the one way ``ask`` and ``figure_candidates`` read a question (``today``: the day
        asked, for its relative periods)."""
        index = self.index
        return read_question(question, index, self.retriever(index), self.corrector,
                             self.years, today)

    def _generate(self, question: str, resolved: str, hits: list[Hit],
                  extractive: Answer) -> Answer:
        config = llm_config(self.settings)
        if config is None:
            return replace(extractive, note="generative answer not used: RAG_LLM_BASE_URL and "
                                            "RAG_LLM_MODEL are not set")
        with LLMClient(config) as client:
            return generate_answer(question, resolved, hits, extractive, client)

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

    def close(self) -> None:
        """Stop the background uploads and the index watcher and close the session store; the
        service cannot be used after."""
        self.jobs.close()
        self.ocr_cache.close()
        self.live.stop()
        self.live.store.close()
        with self._sessions_lock:
            if self._sessions is not None:
                self._sessions.close()
                self._sessions = None


def load_eval_report(path: Path) -> EvalReport:
    """A report saved by `rag eval --json`; ReportError when it cannot be read."""
    return EvalReport.load(path)


def _filters(year: int | None, doc_ids: Iterable[str] | None) -> Filters | None:
    """The retrieval filters of a request, built in one place."""
    if year is None and doc_ids is None:
        return None
    return Filters(year=year, doc_ids=frozenset(doc_ids) if doc_ids is not None else None)


def _lacking(answer: Answer, years: tuple[int, ...], seconds: float) -> Answer:
    """``answer`` (to a question without the conjuncts asking ``years``) with those years
    named as lacking: "Các báo cáo không có số liệu năm 2108." after its summary (or its
    refusal), in ``missing``; a found figure's period match is then partial."""
    named = tuple(f"năm {y}" for y in years)
    note = "Các báo cáo không có số liệu " + ", ".join(named) + "."
    if not answer.found:
        return replace(answer, answer=f"{answer.answer} {note}", missing=answer.missing + named,
                       latency_ms=seconds * 1000)
    return replace(answer, summary=f"{answer.summary or answer.answer}\n{note}",
                   missing=answer.missing + named,
                   period_match="partial" if answer.period_match else None,
                   latency_ms=seconds * 1000)


def signature_hits(index: Index, hits: list[Hit]) -> list[Hit]:
    """The last passage of each document of ``hits`` when it ends with a signature block
    (rag.answer.sentences.ends_signed: "CỤC TRƯỞNG" over "Hoàng Văn Thịnh") and ``hits`` do
    not hold it, as hits ranked after them: a report's signer is the holder of the role a
    "who" question asks, and the search seldom ranks that last passage, which names neither
    the body nor the subject (break-test bt24a)."""
    held = {h.chunk.id for h in hits}
    out: list[Hit] = []
    for doc_id in dict.fromkeys(h.chunk.doc_id for h in hits):
        rows = index.rows_of_doc.get(doc_id, ())
        if not rows:
            continue
        last = max((index.chunks[r] for r in rows), key=lambda c: c.start)
        if last.id not in held and ends_signed(last.text):
            out.append(Hit(chunk=last, rank=len(hits) + len(out) + 1,
                           score=min(h.score for h in hits)))
    return out
