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
