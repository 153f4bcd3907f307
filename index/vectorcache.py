"""Vectors kept by key beside an index, so that an interrupted build loses nothing it computed.

Storage only: float32 vectors by ``(model, key)`` in ``embeddings.sqlite`` in the index
directory, a :class:`index.blobcache.BlobCache`; what a key and a model name mean is the
caller's business (the library hashes the passage text and names the embedder and its
version).  Each :meth:`VectorCache.put` is one transaction, so a build killed between two
batches keeps every batch it finished.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

import numpy as np

from index.blobcache import BlobCache

FILENAME = "embeddings.sqlite"


class VectorCache(Mapping[str, np.ndarray]):
    """The vectors one model computed, by key, in the SQLite file ``path``.

    A read-only mapping over the file (``key in cache``, ``cache[key]``) plus :meth:`get_many`
    and :meth:`put`.  ``dim`` checks what is stored and what is put."""

    def __init__(self, path: Path, model: str, dim: int):
        self.path = Path(path)
        self.model = model
        self.dim = dim
        self._blobs = BlobCache(self.path, model, "vectors", ("model", "key", "vector"))

    @classmethod
    def beside(cls, index_dir: Path, model: str, dim: int) -> VectorCache:
        """The cache file of the index directory ``index_dir``."""
        return cls(Path(index_dir) / FILENAME, model, dim)

    def _vector(self, blob: bytes) -> np.ndarray:
        v = np.frombuffer(blob, np.float32)
        if v.shape != (self.dim,):
            raise ValueError(f"{self.path}: a cached vector of {v.size} values, "
                             f"expected {self.dim}")
        return v

    def get_many(self, keys: Iterable[str]) -> dict[str, np.ndarray]:
        """The vectors stored for those of ``keys`` that have one."""
        return {k: self._vector(v) for k, v in self._blobs.get_many(keys).items()}

    def has_many(self, keys: Iterable[str]) -> set[str]:
        """Those of ``keys`` that have a vector (without reading the vectors)."""
        return self._blobs.has_many(keys)

    def put(self, keys: Sequence[str], vectors: np.ndarray) -> None:
        """Store ``vectors`` (a row per key) in one transaction."""
        vectors = np.ascontiguousarray(vectors, np.float32)
        if vectors.shape != (len(keys), self.dim):
            raise ValueError(f"{len(keys)} keys and vectors of shape {vectors.shape}")
        self._blobs.put(keys, [v.tobytes() for v in vectors])

    def __getitem__(self, key: str) -> np.ndarray:
        return self._vector(self._blobs[key])

    def __contains__(self, key: object) -> bool:
        return key in self._blobs

    def __len__(self) -> int:
        return len(self._blobs)

    def __iter__(self) -> Iterator[str]:
        return iter(self._blobs)

    def close(self) -> None:
        """Close the underlying blob cache."""
        self._blobs.close()

    def __enter__(self) -> VectorCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
