"""Chat sessions in one SQLite file: the turns of a conversation, so follow-ups can be resolved;
and the chat platforms' delivery ids seen, so a redelivered event is answered once.

A session expires ``ttl_seconds`` after its last update; expired sessions are deleted when
touched and by :meth:`SessionStore.purge_expired`.  One connection is shared by all threads of
a process (``check_same_thread=False`` behind a lock); every write runs in a
``BEGIN IMMEDIATE`` transaction, so several processes may share the file too (WAL mode).

The same calls over PostgreSQL are :class:`rag.chat.pg_sessions.PgSessionStore`; what both
hold to -- the TTL and turn limits, ids, a session from its rows -- is here
(:class:`SessionRules`, :func:`check_id`, :func:`session_from_rows`), and what the service
needs of either is :class:`SessionBackend`.
"""

from __future__ import annotations

import json
import logging
import secrets
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from rag.errors import SessionStoreError
from rag.records import ChatHistory, Turn

log = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    id      TEXT PRIMARY KEY,
    created REAL NOT NULL,
    updated REAL NOT NULL,
    meta    TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE IF NOT EXISTS turns (
    session_id        TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    seq               INTEGER NOT NULL,
    question          TEXT NOT NULL,
    resolved_question TEXT NOT NULL,
    answer_json       TEXT NOT NULL,
    created           REAL NOT NULL,
    PRIMARY KEY (session_id, seq)
);
CREATE TABLE IF NOT EXISTS keys (
    key        TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS claims (
    key     TEXT PRIMARY KEY,
    claimed REAL NOT NULL,
    done    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS claims_claimed ON claims(claimed);
CREATE INDEX IF NOT EXISTS sessions_updated ON sessions(updated);
CREATE INDEX IF NOT EXISTS keys_session ON keys(session_id);
"""


@dataclass(frozen=True)
class Session:
    """A conversation; ``turns`` oldest first."""

    id: str
    created: float
    updated: float
    meta: dict[str, Any] = field(hash=False)
    turns: tuple[Turn, ...] = ()

    @property
    def last_resolved(self) -> str | None:
        """The resolved question of the latest turn: what a follow-up is read against."""
        return self.turns[-1].resolved_question if self.turns else None

    def history(self) -> ChatHistory:
        """The session as clients see it (GET /chat/{id})."""
        return ChatHistory(self.id, self.created, self.updated, self.turns)


def check_id(session_id: str) -> None:
    """ValueError unless ``session_id`` (a session id or a key) is a non-empty string."""
    if not isinstance(session_id, str) or not session_id.strip():
        raise ValueError("session id must be a non-empty string")


def new_session_id() -> str:
    """A fresh session id: 16 random bytes, URL-safe base64 (22 characters)."""
    return secrets.token_urlsafe(16)


def session_from_rows(row: Sequence[Any], turn_rows: Iterable[Sequence[Any]]) -> Session:
    """A session from its row ``(id, created, updated, meta JSON)`` and its turns' rows
    ``(question, resolved_question, answer JSON, created)``, oldest first -- as both stores
    keep them."""
    turns = tuple(Turn(question=q, resolved_question=r, answer=json.loads(a), created=c)
                  for q, r, a, c in turn_rows)
    return Session(id=row[0], created=row[1], updated=row[2], meta=json.loads(row[3]),
                   turns=turns)


class SessionRules:
    """What every session store holds to, whatever keeps its rows: a session lives
    ``ttl_seconds`` (> 0) after its last update by ``clock`` (epoch seconds; tests move it by
    hand) and keeps its ``max_turns`` (>= 1) latest turns.  ValueError for other limits."""

    def __init__(self, ttl_seconds: int, max_turns: int,
                 clock: Callable[[], float] = time.time) -> None:
        if ttl_seconds <= 0:
            raise ValueError(f"ttl_seconds must be positive, got {ttl_seconds}")
        if max_turns < 1:
            raise ValueError(f"max_turns must be at least 1, got {max_turns}")
        self.ttl_seconds = ttl_seconds
        self.max_turns = max_turns
        self._clock = clock

    def _cutoff(self) -> float:
        """Sessions last updated before this moment (epoch seconds) have expired."""
        return self._clock() - self.ttl_seconds


class SessionBackend(Protocol):
    """What the service needs of a session store (:class:`SessionStore`, SQLite, or
    :class:`rag.chat.pg_sessions.PgSessionStore`, PostgreSQL); both raise SessionStoreError
    when their storage fails, KeyError for a session that is gone, ValueError for an empty id.
    The methods' docstrings are :class:`SessionStore`'s."""

    ttl_seconds: int
    max_turns: int

    def create(self, meta: dict[str, Any] | None = None) -> str:
        """A new session's id (``meta`` kept with it)."""

    def get(self, session_id: str) -> Session | None:
        """The session ``session_id`` with its turns, or None when it is gone or expired."""

    def get_or_create(self, session_id: str | None, meta: dict[str, Any] | None = None
                      ) -> Session:
        """The live session ``session_id``, or a new one when it is None; KeyError when a
        given id is unknown or expired."""

    def add_turn(self, session_id: str, question: str, resolved_question: str,
                 answer: dict[str, Any]) -> Turn:
        """Append a turn, keep the ``max_turns`` most recent, refresh the TTL; KeyError when
        the session is gone."""

    def delete(self, session_id: str) -> bool:
        """Remove a session, its turns and its keys; False when there was none."""

    def purge_expired(self) -> int:
        """Delete the expired sessions; how many were deleted."""

    def session_for_key(self, key: str, meta: dict[str, Any] | None = None) -> str:
        """The session id a chat platform's conversation ``key`` maps to, made on first use."""

    def claim(self, key: str, ttl_seconds: float, stale_seconds: float) -> bool:
        """True the first time delivery ``key`` is offered, by any process sharing the store,
        and again when an earlier claim was not marked done within ``stale_seconds``;
        False for a redelivery.  Claims are kept ``ttl_seconds``."""

    def done(self, key: str) -> None:
        """Mark a claimed delivery answered: it is never claimed again."""

    def close(self) -> None:
        """Release the store's connections."""


class SessionStore(SessionRules):
    """Sessions and their turns in a SQLite file, safe to share between threads."""

    def __init__(self, path: Path, ttl_seconds: int, max_turns: int,
                 clock: Callable[[], float] = time.time) -> None:
        super().__init__(ttl_seconds, max_turns, clock)
        self.path = Path(path)
        self._lock = threading.Lock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # isolation_level=None: no implicit transactions; _tx() opens them explicitly.
            self._conn = sqlite3.connect(self.path, timeout=30.0, isolation_level=None,
                                         check_same_thread=False)
            with self._lock:
                self._conn.execute("PRAGMA journal_mode=WAL")
                self._conn.execute("PRAGMA synchronous=NORMAL")
                self._conn.execute("PRAGMA foreign_keys=ON")
                self._conn.executescript(_SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise SessionStoreError(f"cannot open the chat session store {self.path} "
                                    f"(RAG_SESSIONS_DB): {exc}") from exc

    # --- plumbing ------------------------------------------------------------------------

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        """One transaction, holding the write lock of the file from the start."""
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise SessionStoreError(f"chat session store {self.path}: {exc}") from exc
            try:
                yield self._conn
            except sqlite3.Error as exc:
                self._conn.execute("ROLLBACK")
                raise SessionStoreError(f"chat session store {self.path}: {exc}") from exc
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            try:
                self._conn.execute("COMMIT")
            except sqlite3.Error as exc:
                raise SessionStoreError(f"chat session store {self.path}: {exc}") from exc

    def _live_row(self, conn: sqlite3.Connection, session_id: str) -> tuple[Any, ...] | None:
        """The session's row, or None; an expired session is deleted on the way."""
        row = conn.execute("SELECT id, created, updated, meta FROM sessions WHERE id = ?",
                           (session_id,)).fetchone()
        if row is None:
            return None
        if row[2] < self._cutoff():
            self._delete(conn, session_id)
            return None
        return tuple(row)

    @staticmethod
    def _delete(conn: sqlite3.Connection, session_id: str) -> int:
        conn.execute("DELETE FROM turns WHERE session_id = ?", (session_id,))
        conn.execute("DELETE FROM keys WHERE session_id = ?", (session_id,))
        return conn.execute("DELETE FROM sessions WHERE id = ?", (session_id,)).rowcount

    def _insert(self, conn: sqlite3.Connection, meta: dict[str, Any] | None) -> str:
        session_id = new_session_id()
        now = self._clock()
        conn.execute("INSERT INTO sessions (id, created, updated, meta) VALUES (?, ?, ?, ?)",
                     (session_id, now, now, json.dumps(meta or {}, ensure_ascii=False)))
        return session_id

    @staticmethod
    def _session(conn: sqlite3.Connection, row: tuple[Any, ...]) -> Session:
        return session_from_rows(row, conn.execute(
            "SELECT question, resolved_question, answer_json, created FROM turns "
            "WHERE session_id = ? ORDER BY seq", (row[0],)))

    def _append(self, conn: sqlite3.Connection, session_id: str, question: str,
                resolved_question: str, answer_json: str) -> float:
        now = self._clock()
        (seq,) = conn.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM turns "
                              "WHERE session_id = ?", (session_id,)).fetchone()
        conn.execute("INSERT INTO turns (session_id, seq, question, resolved_question, "
                     "answer_json, created) VALUES (?, ?, ?, ?, ?, ?)",
                     (session_id, seq, question, resolved_question, answer_json, now))
        conn.execute("DELETE FROM turns WHERE session_id = ? AND seq <= ?",
                     (session_id, seq - self.max_turns))
        conn.execute("UPDATE sessions SET updated = ? WHERE id = ?", (now, session_id))
        return now

    # --- public API ----------------------------------------------------------------------

    def create(self, meta: dict[str, Any] | None = None) -> str:
        """A new empty session; returns its id."""
        with self._tx() as conn:
            return self._insert(conn, meta)

    def get(self, session_id: str) -> Session | None:
        """The session with its turns, or None when it is unknown or expired."""
        check_id(session_id)
        with self._tx() as conn:
            row = self._live_row(conn, session_id)
            return None if row is None else self._session(conn, row)

    def get_or_create(self, session_id: str | None, meta: dict[str, Any] | None = None
                      ) -> Session:
        """The given live session, or a new one when ``session_id`` is None.

        A given id that is unknown or expired raises KeyError: the caller asked to continue a
        conversation that is gone, which it should learn about rather than silently restart.
        """
        if session_id is not None:
            check_id(session_id)
        with self._tx() as conn:
            if session_id is None:
                session_id = self._insert(conn, meta)
            row = self._live_row(conn, session_id)
            session = None if row is None else self._session(conn, row)
        if session is None:  # raised after the commit, so an expired session stays deleted
            raise KeyError(session_id)
        return session

    def add_turn(self, session_id: str, question: str, resolved_question: str,
                 answer: dict[str, Any]) -> Turn:
        """Append a turn, keep the ``max_turns`` most recent, and refresh the session's TTL."""
        check_id(session_id)
        answer_json = json.dumps(answer, ensure_ascii=False)
        with self._tx() as conn:
            live = self._live_row(conn, session_id) is not None
            now = (self._append(conn, session_id, question, resolved_question, answer_json)
                   if live else 0.0)
        if not live:  # raised after the commit, so an expired session stays deleted
            raise KeyError(session_id)
        return Turn(question=question, resolved_question=resolved_question,
                    answer=json.loads(answer_json), created=now)

    def delete(self, session_id: str) -> bool:
        """Remove a session, its turns and its keys; False when there was none."""
        check_id(session_id)
        with self._tx() as conn:
            return self._delete(conn, session_id) > 0

    def purge_expired(self) -> int:
        """Delete every expired session; returns how many."""
        with self._tx() as conn:
            cutoff = self._cutoff()
            conn.execute("DELETE FROM turns WHERE session_id IN "
                         "(SELECT id FROM sessions WHERE updated < ?)", (cutoff,))
            conn.execute("DELETE FROM keys WHERE session_id IN "
                         "(SELECT id FROM sessions WHERE updated < ?)", (cutoff,))
            n = conn.execute("DELETE FROM sessions WHERE updated < ?", (cutoff,)).rowcount
        if n:
            log.info("purged %d expired chat sessions", n)
        return n

    def session_for_key(self, key: str, meta: dict[str, Any] | None = None) -> str:
        """The live session of an external conversation key, created when needed.

        Keys name a conversation on a chat platform, e.g. ``"slack:T1:C1:<thread_ts>"`` or
        ``"zalo:<user_id>"``; after the session expires the key gets a fresh one.
        """
        check_id(key)
        with self._tx() as conn:
            row = conn.execute("SELECT session_id FROM keys WHERE key = ?", (key,)).fetchone()
            if row is not None and self._live_row(conn, row[0]) is not None:
                return str(row[0])
            session_id = self._insert(conn, {"key": key, **(meta or {})})
            conn.execute("INSERT OR REPLACE INTO keys (key, session_id) VALUES (?, ?)",
                         (key, session_id))
            return session_id

    def claim(self, key: str, ttl_seconds: float, stale_seconds: float) -> bool:
        """Claim the delivery ``key`` (a chat platform's event or message id) for answering:
        True the first time it is offered -- by any process sharing this file -- and again
        when an earlier claim was never marked :meth:`done` within ``stale_seconds`` (its
        claimant died before replying); False for a redelivery.  Keys older than
        ``ttl_seconds`` are forgotten."""
        check_id(key)
        now = self._clock()
        with self._tx() as conn:
            conn.execute("DELETE FROM claims WHERE claimed < ?", (now - ttl_seconds,))
            row = conn.execute("SELECT claimed, done FROM claims WHERE key = ?",
                               (key,)).fetchone()
            if row is None:
                conn.execute("INSERT INTO claims (key, claimed) VALUES (?, ?)", (key, now))
                return True
            if not row[1] and row[0] < now - stale_seconds:
                conn.execute("UPDATE claims SET claimed = ? WHERE key = ?", (now, key))
                return True
            return False

    def done(self, key: str) -> None:
        """Mark a claimed delivery as answered: it is never claimed again."""
        check_id(key)
        with self._tx() as conn:
            conn.execute("UPDATE claims SET done = 1 WHERE key = ?", (key,))

    def close(self) -> None:
        """Close the SQLite connection; the store cannot be used after."""
        with self._lock:
            self._conn.close()

    def __enter__(self) -> SessionStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
