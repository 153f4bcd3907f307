"""Values kept by key beside an index, so that work done once (a passage embedded, a scanned
page read by OCR) is not done again by a later or an interrupted run.

Storage only: a table of a SQLite file in the index directory, of blobs by ``(space, key)``;
what a space and a key mean is the caller's business (the library names the embedder, or the
OCR reader, and hashes what it read).  Each :meth:`BlobCache.put` is one transaction, so a
run killed between two puts keeps every one it finished.  Several processes may read and
write one file (WAL journal, a busy timeout).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from index.sqlite import connect, immediate

_CHUNK = 500  # keys per SELECT (SQLite's limit on bound parameters is far above)


class BlobCache(Mapping[str, bytes]):
    """The blobs of one ``space``, by key, in ``table`` of the SQLite file ``path``.

    A read-only mapping over the file (``key in cache``, ``cache[key]``) plus :meth:`get_many`,
    :meth:`has_many` and :meth:`put`.  ``columns`` names the table's space, key and value
    columns; ``rebuild`` what the file holds, to move a damaged file aside and start anew
    (``index.sqlite.connect``; None: the damage raises sqlite3.DatabaseError)."""

    def __init__(self, path: Path, space: str, table: str = "blobs",
                 columns: tuple[str, str, str] = ("space", "key", "value"),
                 rebuild: str | None = None):
        self.path = Path(path)
        self.space = space
        self._table = table
        self._space, self._key, self._value = columns
        self._lock = threading.Lock()
        self._db = connect(self.path, f"CREATE TABLE IF NOT EXISTS {table} ("
                                      f"{self._space} TEXT NOT NULL, {self._key} TEXT NOT NULL, "
                                      f"{self._value} BLOB NOT NULL, PRIMARY KEY "
                                      f"({self._space}, {self._key})) WITHOUT ROWID;",
                           rebuild)

    def _select(self, what: str, keys: Iterable[str]) -> Iterator[tuple[str, ...]]:
        keys = list(dict.fromkeys(keys))
        with self._lock:
            for start in range(0, len(keys), _CHUNK):
                part = keys[start:start + _CHUNK]
                marks = ",".join("?" * len(part))
                yield from self._db.execute(
                    f"SELECT {what} FROM {self._table} WHERE {self._space}=? AND "
                    f"{self._key} IN ({marks})", (self.space, *part)).fetchall()

    def get_many(self, keys: Iterable[str]) -> dict[str, bytes]:
        """The values stored for those of ``keys`` that have one."""
        return dict(self._select(f"{self._key}, {self._value}", keys))  # type: ignore[arg-type]

    def has_many(self, keys: Iterable[str]) -> set[str]:
        """Those of ``keys`` that have a value (without reading the values)."""
        return {k for (k,) in self._select(self._key, keys)}

    def put(self, keys: Sequence[str], values: Sequence[bytes]) -> None:
        """Store ``values`` (one per key) in one transaction."""
        if len(keys) != len(values):
            raise ValueError(f"{len(keys)} keys and {len(values)} values")
        with self._lock, immediate(self._db) as db:
            db.executemany(f"INSERT OR REPLACE INTO {self._table} ({self._space}, {self._key}, "
                           f"{self._value}) VALUES (?, ?, ?)",
                           ((self.space, k, v) for k, v in zip(keys, values, strict=True)))

    def __getitem__(self, key: str) -> bytes:
        found = self.get_many([key])
        if key not in found:
            raise KeyError(key)
        return found[key]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and bool(self.has_many([key]))

    def __len__(self) -> int:
        with self._lock:
            return int(self._db.execute(f"SELECT COUNT(*) FROM {self._table} WHERE "
                                        f"{self._space}=?", (self.space,)).fetchone()[0])

    def __iter__(self) -> Iterator[str]:
        with self._lock:
            keys = [k for (k,) in self._db.execute(
                f"SELECT {self._key} FROM {self._table} WHERE {self._space}=?", (self.space,))]
        return iter(keys)

    def close(self) -> None:
        """Close the SQLite connection."""
        with self._lock:
            self._db.close()
