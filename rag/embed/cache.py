"""A bounded LRU of query vectors in front of any embedder."""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Sequence

import numpy as np

from rag.embed.base import Embedder

log = logging.getLogger(__name__)


class CachedEmbedder:
    """An embedder whose query vectors are kept in a bounded LRU: the same question asked
    again (in chat, by the bots, by many users) skips the model.  Passages are not cached."""

    def __init__(self, inner: Embedder, size: int = 1024):
        self.inner = inner
        self.backend = inner.backend
        self.model = inner.model
        self.version = getattr(inner, "version", "")
        self.size = size
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def dim(self) -> int:
        """The inner embedder's vector length."""
        return self.inner.dim

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """The inner embedder's query vectors, shape (len(texts), dim); a single question is
        served from the LRU cache of ``size`` entries (RAG_QUERY_CACHE) when asked before."""
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
        """The inner embedder's passage vectors, never cached (each passage is embedded once, at
        index time)."""
        return self.inner.embed_passages(texts)


