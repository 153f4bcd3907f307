"""Chat sessions and the chat platforms' delivery claims in PostgreSQL (RAG_DATABASE_URL), so
that servers on several hosts share them: :class:`PgSessionStore`, the calls and rules of the
SQLite :class:`rag.chat.sessions.SessionStore` over the tables of revision 0002
(``index/pg/migrations/versions/0002_sessions.py``: rag_sessions, rag_session_turns,
rag_session_keys, rag_delivery_claims).

Imported only when a database URL is set (``rag.service.config.session_store``), so the default
server never loads psycopg.  Where SQLite serialises every write with ``BEGIN IMMEDIATE``, here
each call is one statement or one transaction that locks what it reads and changes:

- a session's row is read ``FOR UPDATE``, so turns added to one session from several
  processes are numbered one after another and none is lost;
- a conversation key (:meth:`PgSessionStore.session_for_key`) is held by a transaction-level
  advisory lock on its hash while its session is looked up or made, so two servers given the
  first message of one Slack thread at once give it one session;
- a delivery is claimed by one ``INSERT ... ON CONFLICT DO UPDATE ... WHERE`` (the stale and
  forget rules in the WHERE), which PostgreSQL runs against the latest committed row: of any
  number of claimants on any hosts exactly one gets True.

Times are epoch seconds of the store's clock, as in the SQLite file: servers on several hosts
need their clocks kept (NTP); the limits (a session's days, a claim's 45 s) allow a second's
skew.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg_pool import PoolTimeout

from index.pg.pool import SchemaProblem, open_upgraded_pool
from index.pgurl import redacted
from rag.chat.sessions import Session, SessionRules, check_id, new_session_id, session_from_rows
from rag.errors import SessionStoreError
from rag.records import Turn

log = logging.getLogger(__name__)

# "rags": the first half of a conversation key's advisory lock, (KEY_LOCK_CLASS, hashtext(key));
# two int4 halves are a lock space apart from the corpus writers' one bigint (index.pg.store)
KEY_LOCK_CLASS = 0x72616773


class PgSessionStore(SessionRules):
    """Sessions, their turns, conversation keys and delivery claims in the PostgreSQL database
    at ``url`` (``postgresql://…``, at the newest schema revision: ``rag db upgrade``), over a
    psycopg 3 pool of at most ``max_connections`` (autocommit; several statements that must
    hold together run in one transaction).  Safe to share between threads, and between
    processes and hosts on one database.

    ``ttl_seconds``, ``max_turns`` and ``clock`` as for :class:`SessionRules` (ValueError).
    Raises SessionStoreError, naming the database without its password, when the database
    cannot be reached or is not upgraded, and from any call whose statement fails."""

    def __init__(self, url: str, ttl_seconds: int, max_turns: int,
                 clock: Callable[[], float] = time.time, max_connections: int = 8,
                 connect_timeout: float = 10.0) -> None:
        super().__init__(ttl_seconds, max_turns, clock)
        self.where = redacted(url)
        failed = f"cannot open the chat session store {self.where} (RAG_DATABASE_URL)"
        try:
            self.pool = open_upgraded_pool(url, "rag-sessions", max_connections, connect_timeout,
                                           self.where)
        except SchemaProblem as exc:
            raise SessionStoreError(f"cannot open the chat session store: {exc}") from exc
        except (psycopg.Error, PoolTimeout) as exc:
            raise SessionStoreError(f"{failed}: {_first_line(exc)}") from exc

    # --- plumbing ------------------------------------------------------------------------

    @contextmanager
    def _tx(self) -> Iterator[psycopg.Connection[Any]]:
        """One transaction on a connection of the pool; rolled back when the block raises.
        A database error becomes SessionStoreError; any other error goes through as it is."""
        try:
            with self.pool.connection() as conn, conn.transaction():
                yield conn
        except (psycopg.Error, PoolTimeout) as exc:
            raise SessionStoreError(f"chat session store {self.where}: "
                                    f"{_first_line(exc)}") from exc

    def _live_row(self, conn: psycopg.Connection[Any], session_id: str
                  ) -> tuple[Any, ...] | None:
        """The session's row, locked until the transaction ends, or None; an expired session
        is deleted on the way (its turns and keys with it)."""
        row = conn.execute("SELECT id, created, updated, meta FROM rag_sessions WHERE id = %s "
                           "FOR UPDATE", (session_id,)).fetchone()
        if row is None:
            return None
        if row[2] < self._cutoff():
            conn.execute("DELETE FROM rag_sessions WHERE id = %s", (session_id,))
            return None
        return tuple(row)

    def _insert(self, conn: psycopg.Connection[Any], meta: dict[str, Any] | None) -> str:
        session_id = new_session_id()
        now = self._clock()
        conn.execute("INSERT INTO rag_sessions (id, created, updated, meta) "
                     "VALUES (%s, %s, %s, %s)",
                     (session_id, now, now, json.dumps(meta or {}, ensure_ascii=False)))
        return session_id

    @staticmethod
    def _session(conn: psycopg.Connection[Any], row: tuple[Any, ...]) -> Session:
        return session_from_rows(row, conn.execute(
            "SELECT question, resolved_question, answer_json, created FROM rag_session_turns "
            "WHERE session_id = %s ORDER BY seq", (row[0],)).fetchall())

    def _append(self, conn: psycopg.Connection[Any], session_id: str, question: str,
                resolved_question: str, answer_json: str) -> float:
        """Add a turn to a session whose row this transaction has locked."""
        now = self._clock()
        seq = int(conn.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM rag_session_turns "
                               "WHERE session_id = %s", (session_id,)
                               ).fetchone()[0])  # type: ignore[index]
        conn.execute("INSERT INTO rag_session_turns (session_id, seq, question, "
                     "resolved_question, answer_json, created) VALUES (%s, %s, %s, %s, %s, %s)",
                     (session_id, seq, question, resolved_question, answer_json, now))
        conn.execute("DELETE FROM rag_session_turns WHERE session_id = %s AND seq <= %s",
                     (session_id, seq - self.max_turns))
        conn.execute("UPDATE rag_sessions SET updated = %s WHERE id = %s", (now, session_id))
        return now

    # --- public API: SessionStore's ----------------------------------------------------------

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
        """The given live session, or a new one when ``session_id`` is None; KeyError for a
        given id that is unknown or expired (:meth:`SessionStore.get_or_create`)."""
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
        """Append a turn, keep the ``max_turns`` most recent, and refresh the session's TTL;
        KeyError when the session is unknown or expired."""
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
            return conn.execute("DELETE FROM rag_sessions WHERE id = %s",
                                (session_id,)).rowcount > 0

    def purge_expired(self) -> int:
        """Delete every expired session (its turns and keys with it); returns how many."""
        with self._tx() as conn:
            n = conn.execute("DELETE FROM rag_sessions WHERE updated < %s",
                             (self._cutoff(),)).rowcount
        if n:
            log.info("purged %d expired chat sessions", n)
        return n

    def session_for_key(self, key: str, meta: dict[str, Any] | None = None) -> str:
        """The live session of an external conversation key (``"slack:T1:C1:<thread_ts>"``,
        ``"zalo:<user_id>"``), created when needed; after the session expires the key gets a
        fresh one.  Calls for one key wait for each other (an advisory lock on its hash, held
        to the end of the transaction), so they all get one session."""
        check_id(key)
        with self._tx() as conn:
            conn.execute("SELECT pg_advisory_xact_lock(%s, hashtext(%s))",
                         (KEY_LOCK_CLASS, key))
            row = conn.execute("SELECT session_id FROM rag_session_keys WHERE key = %s",
                               (key,)).fetchone()
            if row is not None and self._live_row(conn, row[0]) is not None:
                return str(row[0])
            session_id = self._insert(conn, {"key": key, **(meta or {})})
            conn.execute("INSERT INTO rag_session_keys (key, session_id) VALUES (%s, %s) "
                         "ON CONFLICT (key) DO UPDATE SET session_id = excluded.session_id",
                         (key, session_id))
            return session_id

    def claim(self, key: str, ttl_seconds: float, stale_seconds: float) -> bool:
        """Claim the delivery ``key`` for answering: True the first time it is offered -- to
        any process or host on this database -- and again when an earlier claim was not
        marked :meth:`done` within ``stale_seconds`` (its claimant died before replying);
        False for a redelivery.  Keys older than ``ttl_seconds`` are forgotten
        (:meth:`SessionStore.claim`).  One statement decides: an insert that, on a key
        already claimed, takes it over only under those rules."""
        check_id(key)
        now = self._clock()
        forget, stale = now - ttl_seconds, now - stale_seconds
        with self._tx() as conn:
            conn.execute("DELETE FROM rag_delivery_claims WHERE claimed < %s", (forget,))
            won = conn.execute(
                "INSERT INTO rag_delivery_claims AS c (key, claimed, done) "
                "VALUES (%s, %s, false) ON CONFLICT (key) DO UPDATE "
                "SET claimed = excluded.claimed, done = false "
                "WHERE c.claimed < %s OR (NOT c.done AND c.claimed < %s) RETURNING true",
                (key, now, forget, stale)).fetchone()
        return won is not None

    def done(self, key: str) -> None:
        """Mark a claimed delivery as answered: it is never claimed again (until forgotten)."""
        check_id(key)
        with self._tx() as conn:
            conn.execute("UPDATE rag_delivery_claims SET done = true WHERE key = %s", (key,))

    def close(self) -> None:
        """Close the pool's connections; the store cannot be used after."""
        self.pool.close()

    def __enter__(self) -> PgSessionStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]
