"""Vectors kept by key beside an index, so that an interrupted build loses nothing it computed.

Storage only: a SQLite file (``embeddings.sqlite`` in the index directory) of float32 vectors
by ``(model, key)``; what a key and a model name mean is the caller's business (the library
hashes the passage text and names the embedder and its version).  Each :meth:`put` is one
transaction, so a build killed between two batches keeps every batch it finished.  Several
processes may read and write one file (WAL journal, a busy timeout).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

import numpy as np

FILENAME = "embeddings.sqlite"
_BUSY_MS = 30_000
_CHUNK = 500  # keys per SELECT (SQLite's limit on bound parameters is far above)


class VectorCache(Mapping[str, np.ndarray]):
    """The vectors one model computed, by key, in the SQLite file ``path``.

    A read-only mapping over the file (``key in cache``, ``cache[key]``) plus :meth:`get_many`
    and :meth:`put`.  ``dim`` checks what is stored and what is put."""

    def __init__(self, path: Path, model: str, dim: int):
        self.path = Path(path)
        self.model = model
        self.dim = dim
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path, timeout=_BUSY_MS / 1000,
                                   check_same_thread=False, isolation_level=None)
        self._lock = threading.Lock()
        with self._lock:
            self._db.execute(f"PRAGMA busy_timeout={_BUSY_MS}")
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("CREATE TABLE IF NOT EXISTS vectors (model TEXT NOT NULL, "
                             "key TEXT NOT NULL, vector BLOB NOT NULL, "
                             "PRIMARY KEY (model, key)) WITHOUT ROWID")

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
        keys = list(dict.fromkeys(keys))
        found: dict[str, np.ndarray] = {}
        with self._lock:
            for start in range(0, len(keys), _CHUNK):
                part = keys[start:start + _CHUNK]
                marks = ",".join("?" * len(part))
                rows = self._db.execute(
                    f"SELECT key, vector FROM vectors WHERE model=? AND key IN ({marks})",
                    (self.model, *part)).fetchall()
                found.update((k, self._vector(v)) for k, v in rows)
        return found

    def has_many(self, keys: Iterable[str]) -> set[str]:
        """Those of ``keys`` that have a vector (without reading the vectors)."""
        keys = list(dict.fromkeys(keys))
        found: set[str] = set()
        with self._lock:
            for start in range(0, len(keys), _CHUNK):
                part = keys[start:start + _CHUNK]
                marks = ",".join("?" * len(part))
                found.update(k for (k,) in self._db.execute(
                    f"SELECT key FROM vectors WHERE model=? AND key IN ({marks})",
                    (self.model, *part)))
        return found

    def put(self, keys: Sequence[str], vectors: np.ndarray) -> None:
        """Store ``vectors`` (a row per key) in one transaction."""
        vectors = np.ascontiguousarray(vectors, np.float32)
        if vectors.shape != (len(keys), self.dim):
            raise ValueError(f"{len(keys)} keys and vectors of shape {vectors.shape}")
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.executemany(
                    "INSERT OR REPLACE INTO vectors (model, key, vector) VALUES (?, ?, ?)",
                    ((self.model, k, v.tobytes()) for k, v in zip(keys, vectors, strict=True)))
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def __getitem__(self, key: str) -> np.ndarray:
        with self._lock:
            row = self._db.execute("SELECT vector FROM vectors WHERE model=? AND key=?",
                                   (self.model, key)).fetchone()
        if row is None:
            raise KeyError(key)
        return self._vector(row[0])

    def __contains__(self, key: object) -> bool:
        with self._lock:
            return self._db.execute("SELECT 1 FROM vectors WHERE model=? AND key=?",
                                    (self.model, key)).fetchone() is not None

    def __len__(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT COUNT(*) FROM vectors WHERE model=?",
                                        (self.model,)).fetchone()[0])

    def __iter__(self) -> Iterator[str]:
        with self._lock:
            keys = [k for (k,) in self._db.execute("SELECT key FROM vectors WHERE model=?",
                                                   (self.model,))]
        return iter(keys)

    def close(self) -> None:
        """Close the SQLite connection; the cache cannot be used after."""
        with self._lock:
            self._db.close()

    def __enter__(self) -> VectorCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
