"""SQLite files beside an index, shared by the threads of a process (one connection behind
the caller's lock) and by processes (WAL journal, a busy timeout), every write one
``BEGIN IMMEDIATE`` transaction: the vector and OCR caches (``index.blobcache``) and the
status of background uploads (``rag.ingest.jobs``)."""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

log = logging.getLogger(__name__)

BUSY_MS = 30_000


def is_corrupt(exc: BaseException) -> bool:
    """Whether an SQLite error says the file is damaged ("file is not a database", "database
    disk image is malformed"), not busy or locked (those are OperationalErrors)."""
    return type(exc) is sqlite3.DatabaseError


def connect(path: Path, schema: str, rebuild: str | None = None) -> sqlite3.Connection:
    """A connection to the SQLite file ``path`` (made with its folder if missing), its tables
    made by ``schema``; autocommit, so that :func:`immediate` opens every transaction.

    ``rebuild``: what the file holds, for a file whose loss costs only work done again (a
    cache, the status of uploads): when it is damaged (:func:`is_corrupt`, on opening or
    by ``PRAGMA quick_check``) it is moved aside to ``<name>.corrupt-<time>`` with its
    journal files, a warning naming both is logged, and a new one is made.  Without it,
    the damage raises sqlite3.DatabaseError."""
    try:
        return _connect(path, schema, check=rebuild is not None)
    except sqlite3.DatabaseError as exc:
        if rebuild is None or not is_corrupt(exc):
            raise
        aside = path.with_name(f"{path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
        for suffix in ("", "-wal", "-shm"):
            part = path.with_name(path.name + suffix)
            if part.exists():
                part.replace(aside.with_name(aside.name + suffix))
        log.warning("%s is damaged (%s): it holds %s only, so it was moved aside to %s and "
                    "made anew", path, exc, rebuild, aside.name)
        return _connect(path, schema, check=False)


def _connect(path: Path, schema: str, check: bool) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, timeout=BUSY_MS / 1000, check_same_thread=False,
                         isolation_level=None)
    try:
        db.execute(f"PRAGMA busy_timeout={BUSY_MS}")
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.executescript(schema)
        if check:
            found = db.execute("PRAGMA quick_check").fetchone()
            if found is None or found[0] != "ok":
                raise sqlite3.DatabaseError(f"quick_check: {found[0] if found else 'failed'}")
    except BaseException:
        db.close()
        raise
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
