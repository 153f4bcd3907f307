"""The Embedder protocol: ``embed_queries``/``embed_passages`` give L2-normalised float32
arrays of shape (n, ``dim``); ``backend`` and ``model`` name it in an index's manifest."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy as np

log = logging.getLogger(__name__)


@runtime_checkable
class Embedder(Protocol):
    """The embedder interface (STYLE.md pattern 1): ``backend`` and ``model`` name it, ``dim``
    is the vectors' length; both methods return L2-normalised float32 arrays of shape
    (len(texts), dim).  Heavy models load on first use."""

    backend: str
    model: str

    @property
    def dim(self) -> int:
        """The length of every vector (384 for the e5-small models); may load the model."""

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors of questions, shape (len(texts), dim), float32, unit length (e5 models prefix
        "query: ")."""

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors of passages, shape (len(texts), dim), float32, unit length (e5 models prefix
        "passage: ")."""


def embedder_id(embedder: Embedder) -> str:
    """Names what made a vector: backend, model and the backend's version (an embedder may
    say it in a ``version`` attribute).  Keys the vector cache beside an index."""
    version = getattr(embedder, "version", "")
    return f"{embedder.backend}/{embedder.model}" + (f"@{version}" if version else "")


def package_version(name: str) -> str:
    """The installed version of the distribution ``name``, or "" when unknown."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return ""


def normalise(vectors: np.ndarray) -> np.ndarray:
    """``vectors`` as float32 rows of unit L2 length, shape (n, dim) (one vector becomes one
    row); an all-zero row stays zero."""
    vectors = np.asarray(vectors, dtype=np.float32)
    if vectors.ndim == 1:
        vectors = vectors[None, :]
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return np.ascontiguousarray(vectors / norms, dtype=np.float32)


