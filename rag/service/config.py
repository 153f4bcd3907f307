"""What the settings make: the library's own config objects (OCR, the LLM server, the figure
scorer, new index generations) built from one ``Settings``, and the early check that a
process could serve with them.  Nothing below the service reads settings; it gets these."""

from __future__ import annotations

from pathlib import Path

from index import IndexConfig, built_with
from index.backends import CorpusStore, open_store
from rag.answer import answerability, chooser
from rag.answer.answerability import StatementCheck
from rag.answer.chooser import SentenceChooser
from rag.answer.generative import LLMConfig
from rag.answer.scorer import DEFAULT_PATH, HAND_PATH, FigureScorer
from rag.chat.sessions import SessionBackend, SessionStore
from rag.embed import Embedder, get_embedder
from rag.ingest.build import index_config
from rag.ingest.jobs import FILENAME as JOBS_FILE
from rag.ingest.jobs import JobBackend, JobStore
from rag.ingest.ocr import OcrConfig
from rag.search.retrieve import RetrievalConfig
from rag.settings import Settings


def with_index_embedder(settings: Settings,
                        built: tuple[str, str] | None | bool = False) -> Settings:
    """``settings`` with the embedder named: RAG_EMBEDDER when set; else the one the index in
    RAG_INDEX_DIR was built with (its model too, unless RAG_EMBED_MODEL is set), so that an
    index keeps being served and extended by its own embedder whatever the default; else, for
    a new or empty index, the default (``rag.settings.DEFAULT_EMBEDDER``).  ``built``: what
    the corpus's store says it was built with (``CorpusStore.built_with``), when the caller
    has opened it; else it is read from RAG_INDEX_DIR."""
    if settings.embedder is not None:
        return settings
    if built is False:
        built = built_with(settings.index_dir)
    if built is None or built is True:
        return settings.model_copy(update={"embedder": settings.embedder_backend()})
    backend, model = built
    return settings.model_copy(update={"embedder": backend,
                                       "embed_model": settings.embed_model or model})


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


def retrieval_config(settings: Settings) -> RetrievalConfig:
    """How passages are retrieved: ``RAG_RETRIEVAL_MODE``, ``RAG_HYBRID_ALPHA`` (the dense
    side's weight in fusion), ``RAG_CANDIDATES`` (per side)."""
    return RetrievalConfig(mode=settings.retrieval_mode, alpha=settings.hybrid_alpha,
                           candidates=settings.candidates)


def new_index_config(settings: Settings, embedder: Embedder) -> IndexConfig:
    """The config new index generations are built with: ``embedder``'s backend and model,
    the chunk, vector-index and lexical settings."""
    s = settings
    return index_config(embedder_backend=embedder.backend, embedder_model=embedder.model,
                        chunk_size=s.chunk_size, chunk_overlap=s.chunk_overlap,
                        vector_kind=s.vector_index, lexical_scheme=s.lexical_scheme,
                        embed_title=s.embed_title)


def figure_scorer(setting: str) -> FigureScorer | None:
    """The figure scorer RAG_FIGURE_SCORER names: "hand" none (the hand-set frame weights and
    their own rule of confidence, no ``sure``), "hand-calibrated" the hand-set weights'
    answers with the confidence model fitted on them (``HAND_PATH``, `rag train --ranker
    hand`), "fitted" the fitted ranker shipped with the library, else the path of a scorer
    file.  Raises ScorerFileError (a ValueError) when that file cannot be used."""
    if setting == "hand":
        return None
    paths = {"hand-calibrated": HAND_PATH, "fitted": DEFAULT_PATH}
    return FigureScorer.load(paths.get(setting, Path(setting)))


def statement_check(setting: str) -> StatementCheck | None:
    """The statement check RAG_STATEMENT_CHECK names: "fitted" the file shipped with the
    library, "off" none (statement answers never refused), else the path of a check file.
    Raises ScorerFileError (a ValueError) when that file cannot be used."""
    if setting == "off":
        return None
    return StatementCheck.load(answerability.DEFAULT_PATH if setting == "fitted"
                               else Path(setting))


def sentence_chooser(setting: str) -> SentenceChooser | None:
    """The sentence chooser RAG_SENTENCE_CHOOSER names: "fitted" the file shipped with the
    library, "hand" none (the hand-set statement score picks), else the path of a chooser
    file.  Raises ScorerFileError (a ValueError) when that file cannot be used."""
    if setting == "hand":
        return None
    return SentenceChooser.load(chooser.DEFAULT_PATH if setting == "fitted" else Path(setting))


def unused_files_index(settings: Settings, store: CorpusStore) -> str | None:
    """With RAG_DATABASE_URL set: the warning that RAG_INDEX_DIR still holds an index of
    files with documents, which is not used, while the database (``store``) holds none --
    the corpus was indexed before the database was set, and is not moved by itself; None
    otherwise."""
    if not settings.database_url or store.kind == "files" or built_with(settings.index_dir) \
            is None or store.built_with() is not None:
        return None
    return (f"the index of files in {settings.index_dir} is not used: RAG_DATABASE_URL is "
            f"set and the database {store.where} holds no documents yet; to move them, run "
            f"`rag index` on their folders with RAG_DATABASE_URL set (documents uploaded over "
            f"HTTP must be uploaded again), or unset RAG_DATABASE_URL to serve the files")


def check_settings(settings: Settings) -> None:
    """Fail early, with the library's own error, on settings no process could serve with: an
    embedder that cannot be made (EmbedderError), a session store that cannot be opened
    (SessionStoreError), a database that cannot be reached or is not upgraded
    (IndexStoreError), a figure scorer, statement check or sentence chooser file that
    cannot be used
    (ScorerFileError).  The
    embedding model is not loaded: it loads on first use."""
    if settings.database_url:  # unreachable or not upgraded: IndexStoreError, said now
        store = open_store(settings.index_dir, settings.database_url, 2)
        built = store.built_with()
        store.close()
        settings = with_index_embedder(settings, built)
    else:
        settings = with_index_embedder(settings)
    get_embedder(settings.embedder_backend(), settings.embedder_model(),
                 **settings.embedder_kwargs())
    figure_scorer(settings.figure_scorer)
    statement_check(settings.statement_check)
    sentence_chooser(settings.sentence_chooser)
    session_store(settings).close()


def session_store(settings: Settings) -> SessionBackend:
    """The chat session store the settings name, open: the PostgreSQL database of
    RAG_DATABASE_URL when it is set (``rag.chat.pg_sessions``, psycopg imported only then; a
    pool of at most RAG_DATABASE_POOL_SIZE connections), else the SQLite file
    RAG_SESSIONS_DB; TTL and turn limits RAG_SESSION_TTL_SECONDS, RAG_SESSION_MAX_TURNS.
    SessionStoreError when it cannot be opened (a database not upgraded included)."""
    if settings.database_url:
        from rag.chat.pg_sessions import PgSessionStore

        return PgSessionStore(settings.database_url, settings.session_ttl_seconds,
                              settings.session_max_turns,
                              max_connections=settings.database_pool_size)
    return SessionStore(settings.sessions_db, settings.session_ttl_seconds,
                        settings.session_max_turns)


def job_store(settings: Settings) -> JobBackend:
    """Where the status of background uploads lives: the PostgreSQL database of
    RAG_DATABASE_URL when it is set (``rag.ingest.pg_jobs``, psycopg imported only then; a
    pool of at most RAG_DATABASE_POOL_SIZE connections, and one more holding the owner lock
    once a job is taken), shared by every host; else the SQLite file ``uploads.sqlite`` in
    RAG_INDEX_DIR, opened on first write.  IndexStoreError when the database cannot be
    reached or is not upgraded."""
    if settings.database_url:
        from rag.ingest.pg_jobs import PgJobStore

        return PgJobStore(settings.database_url, max_connections=settings.database_pool_size)
    return JobStore(settings.index_dir / JOBS_FILE)
