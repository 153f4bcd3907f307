"""FAISS vector index: exact inner product by default, HNSW or IVF for large corpora."""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Any

import faiss
import numpy as np

KINDS = ("flat", "hnsw", "ivf")


class VectorIndex:
    """Inner-product search over L2-normalised vectors (cosine similarity)."""

    def __init__(self, index: faiss.Index, kind: str, params: dict[str, int]):
        self.index = index
        self.kind = kind
        self.params = params
        self._apply_search_params()

    @classmethod
    def build(cls, vectors: np.ndarray, kind: str = "flat", dim: int | None = None,
              hnsw_m: int = 32, ef_construction: int = 80, ef_search: int = 96,
              nprobe: int = 16) -> VectorIndex:
        """A FAISS index of ``vectors`` (float32, shape (n, dim), unit length: inner product is
        cosine) of ``kind`` flat, hnsw (``hnsw_m``, ``ef_construction``, ``ef_search``) or
        ivf (``nprobe``); ``dim`` needed when there are no vectors.  ValueError for an
        unknown kind."""
        if kind not in KINDS:
            raise ValueError(f"unknown vector index {kind!r}; use one of {', '.join(KINDS)}")
        d = vectors.shape[1] if vectors.size else (dim or 0)
        if d <= 0:
            raise ValueError("cannot build a vector index without a dimension")
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        faiss.omp_set_num_threads(os.cpu_count() or 1)  # building uses every core
        params: dict[str, int] = {}
        index: faiss.Index
        if kind == "hnsw":
            hnsw_index = faiss.IndexHNSWFlat(d, hnsw_m, faiss.METRIC_INNER_PRODUCT)
            hnsw_index.hnsw.efConstruction = ef_construction
            index = hnsw_index
            params = {"m": hnsw_m, "ef_construction": ef_construction, "ef_search": ef_search}
        elif kind == "ivf" and len(vectors) >= 256:
            nlist = max(8, int(4 * math.sqrt(len(vectors))))
            nlist = min(nlist, len(vectors) // 39 or 1)
            quantizer = faiss.IndexFlatIP(d)
            index = faiss.IndexIVFFlat(quantizer, d, nlist, faiss.METRIC_INNER_PRODUCT)
            index.train(vectors)
            params = {"nlist": nlist, "nprobe": nprobe}
        else:  # flat, or IVF on a corpus too small to train it
            kind = "flat"
            index = faiss.IndexFlatIP(d)
        if len(vectors):
            index.add(vectors)
        return cls(index, kind, params)

    def _apply_search_params(self) -> None:
        if self.kind == "hnsw":
            hnsw = faiss.downcast_index(self.index).hnsw  # type: ignore[attr-defined]
            hnsw.efSearch = self.params.get("ef_search", 96)
        elif self.kind == "ivf":
            faiss.extract_index_ivf(self.index).nprobe = self.params.get("nprobe", 16)

    @property
    def holds_vectors(self) -> bool:
        """Flat and HNSW keep every vector whole (IVF does not)."""
        return self.kind in ("flat", "hnsw")

    def stored_vectors(self) -> np.ndarray | None:
        """The vectors the index holds, as a read-only view of its own memory (so the index
        needs no second copy); None when it does not hold them whole."""
        if not self.holds_vectors:
            return None
        n, d = len(self), self.dim
        if n == 0:
            return np.zeros((0, d), np.float32)
        flat: Any = self.index if self.kind == "flat" else \
            faiss.downcast_index(self.index.storage)  # type: ignore[attr-defined]
        view = faiss.rev_swig_ptr(flat.get_xb(), n * d).reshape(n, d)
        return np.asarray(_Pinned(self.index, view))

    @property
    def dim(self) -> int:
        """The vectors' length."""
        return int(self.index.d)

    def __len__(self) -> int:
        return int(self.index.ntotal)

    def search(self, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """(ids, scores) of the k nearest rows; ids are row numbers, -1 padding removed."""
        k = min(k, len(self))
        if k <= 0:
            return np.zeros(0, np.int64), np.zeros(0, np.float32)
        # One query needs no thread pool; a second OpenMP pool beside the embedder's only
        # makes the two wait on each other under load.
        faiss.omp_set_num_threads(1)
        scores, ids = self.index.search(np.ascontiguousarray(query.reshape(1, -1)), k)
        keep = ids[0] >= 0
        return ids[0][keep], scores[0][keep]

    def save(self, path: Path) -> None:
        # Streamed through a Python file, not written by faiss to a path: a full disk or a
        # read-only directory is then an OSError with its errno (not a RuntimeError from inside
        # faiss), and the index is never copied whole into a buffer (serialize_index would hold
        # two copies of it at once).
        """Write the FAISS index to the file ``path`` (OSError when the disk refuses)."""
        with path.open("wb") as fh:
            faiss.write_index(self.index,
                              faiss.PyCallbackIOWriter(fh.write))  # type: ignore[attr-defined]

    @classmethod
    def load(cls, path: Path, kind: str, params: dict[str, int]) -> VectorIndex:
        """The index :meth:`save` wrote to ``path``, of ``kind`` with its search ``params``."""
        return cls(faiss.read_index(str(path)), kind, params)


class _Pinned:
    """A read-only array interface over a faiss index's memory that keeps the index alive
    for as long as an array made from it is."""

    def __init__(self, owner: faiss.Index, view: np.ndarray):
        self.owner = owner
        interface = dict(view.__array_interface__)
        interface["data"] = (interface["data"][0], True)
        self.__array_interface__ = interface
