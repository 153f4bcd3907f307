"""A real PostgreSQL with pgvector for the tests, started by the tests themselves from the
``pgserver`` wheel (PostgreSQL 16 + pgvector, no system install): one server a test session,
a fresh database a test, its schema made by the product's own migrations."""

from __future__ import annotations

import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg

from index.pg import upgrade

_SERVER: Any = None
_DIR: Path | None = None


def server() -> Any:
    """The session's server (started on first use; a short socket path under /tmp, since a
    Unix socket's path is limited to about 100 bytes)."""
    global _SERVER, _DIR
    if _SERVER is None:
        import pgserver

        _DIR = Path(tempfile.mkdtemp(prefix="rag-pg-", dir="/tmp"))
        _SERVER = pgserver.get_server(_DIR, cleanup_mode="stop")
    return _SERVER


def stop() -> None:
    """Stop the session's server and remove its data (at the end of the session)."""
    global _SERVER, _DIR
    if _SERVER is not None:
        _SERVER.cleanup()
        _SERVER = None
    if _DIR is not None:
        shutil.rmtree(_DIR, ignore_errors=True)
        _DIR = None


def new_database(migrate: bool = True) -> str:
    """The URL of a new, empty database on the session's server, brought to the newest schema
    revision unless ``migrate`` is False."""
    srv = server()
    name = "t_" + uuid.uuid4().hex[:16]
    with psycopg.connect(srv.get_uri(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = str(srv.get_uri(name))
    if migrate:
        upgrade(url)
    return url


def drop_database(url: str) -> None:
    """Drop the database of ``url`` (its connections ended first)."""
    name = url.split("?")[0].rsplit("/", 1)[-1]
    with psycopg.connect(server().get_uri(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def database() -> Iterator[str]:
    """A new migrated database for one test, dropped after it."""
    url = new_database()
    try:
        yield url
    finally:
        drop_database(url)


def publishing(url: str, conn: psycopg.Connection[Any] | None = None) -> bool:
    """Whether a publish transaction is in progress on the database of ``url``: another
    session holds the row lock ``PgStore.save`` takes on ``rag_live`` (``FOR UPDATE``) from
    its first statement to its commit.  ``conn``: a connection to reuse (polling)."""
    sql = ("SELECT count(*) FROM pg_locks WHERE locktype = 'relation' AND granted "
           "AND mode = 'RowShareLock' AND relation = 'rag_live'::regclass "
           "AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
           "AND pid <> pg_backend_pid()")
    if conn is not None:
        return bool(conn.execute(sql).fetchone()[0])  # type: ignore[index]
    with psycopg.connect(url, autocommit=True) as own:
        return bool(own.execute(sql).fetchone()[0])  # type: ignore[index]


class OwnServer:
    """A server of its own (pgserver, in a directory of its own) for tests that stop, start or
    restart it while the session's server stays up; same socket, so its URLs stay good."""

    def __init__(self) -> None:
        import pgserver

        self.dir = Path(tempfile.mkdtemp(prefix="rag-pgo-", dir="/tmp"))
        self.server = pgserver.get_server(self.dir, cleanup_mode="stop")

    def new_database(self) -> str:
        """The URL of a new database on this server, at the newest schema revision."""
        name = "t_" + uuid.uuid4().hex[:16]
        with psycopg.connect(self.server.get_uri(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        url = str(self.server.get_uri(name))
        upgrade(url)
        return url

    def stop(self) -> None:
        """Stop the server (fast shutdown: its sessions are ended)."""
        import pgserver

        pgserver.pg_ctl(["-w", "-m", "fast", "stop"], pgdata=self.dir,
                        user=self.server.system_user)

    def start(self) -> None:
        """Start the stopped server again, on the same socket."""
        self.server.ensure_postgres_running()

    def restart(self) -> None:
        """Stop and start the server: every connection to it is ended."""
        self.stop()
        self.start()

    def close(self) -> None:
        """Stop the server and remove its data."""
        self.server.cleanup()
        shutil.rmtree(self.dir, ignore_errors=True)


def leftovers(url: str) -> list[str]:
    """What an interrupted publish would have left in the database of ``url`` (nothing, when
    PostgreSQL rolled it back): documents no kept generation holds, generations beyond the
    live one and the one before it, a publish or the writers' lock still held."""
    from index.pg.store import LOCK_KEY

    found = []
    with psycopg.connect(url, autocommit=True) as conn:
        stray = conn.execute("SELECT count(*) FROM rag_documents d WHERE NOT EXISTS (SELECT 1 "
                             "FROM rag_generations g WHERE d.key = ANY(g.doc_keys))"
                             ).fetchone()[0]  # type: ignore[index]
        if stray:
            found.append(f"{stray} documents of no generation")
        gens = [int(r[0]) for r in conn.execute("SELECT number FROM rag_generations")]
        live = conn.execute("SELECT generation FROM rag_live").fetchone()
        if live is None and gens or live is not None and \
                not set(gens) <= {int(live[0]), int(live[0]) - 1}:
            found.append(f"generations {sorted(gens)} beside the live {live}")
        if publishing(url, conn):
            found.append("a publish in progress")
        if conn.execute("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted "
                        "AND objsubid = 1 AND (classid::bigint << 32 | objid::bigint) = %s",
                        (LOCK_KEY,)).fetchone()[0]:  # type: ignore[index]
            found.append("the writers' lock held")
    return found
