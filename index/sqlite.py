"""SQLite files beside an index, shared by the threads of a process (one connection behind
the caller's lock) and by processes (WAL journal, a busy timeout), every write one
``BEGIN IMMEDIATE`` transaction: the vector and OCR caches (``index.blobcache``) and the
status of background uploads (``rag.ingest.jobs``)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

BUSY_MS = 30_000


def connect(path: Path, schema: str) -> sqlite3.Connection:
    """A connection to the SQLite file ``path`` (made with its folder if missing), its tables
    made by ``schema``; autocommit, so that :func:`immediate` opens every transaction."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, timeout=BUSY_MS / 1000, check_same_thread=False,
                         isolation_level=None)
    db.execute(f"PRAGMA busy_timeout={BUSY_MS}")
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.executescript(schema)
    return db


@contextmanager
def immediate(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction, holding the file's write lock from its start."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
