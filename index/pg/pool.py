"""The connection pools of the PostgreSQL backend, made in one place: the corpus's
(``index.pg.store``), the chat sessions' (``rag.chat.pg_sessions``) and the upload status's
(``rag.ingest.pg_jobs``) get the same keepalives, timeouts and checks.

Every connection is checked by one empty round trip when the pool hands it out
(``ConnectionPool.check_connection``, psycopg_pool's documented remedy): a connection the
server ended -- a restart, a failover, an administrator's ``pg_terminate_backend`` -- is
thrown away and replaced, instead of failing the first requests after the server came back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import psycopg
from psycopg_pool import ConnectionPool

from index.pg.migrate import schema_problem

# libpq's TCP keepalives on every connection (ignored on a Unix socket): a host that dies while
# its writer holds the advisory lock is noticed by the server in about 30 + 3 x 10 s, and the
# lock released, instead of after the OS default of two hours
KEEPALIVES: dict[str, Any] = {"keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10,
                              "keepalives_count": 3}


def open_pool(url: str, name: str, max_size: int, timeout: float,
              configure: Callable[[psycopg.Connection[Any]], None] | None = None
              ) -> ConnectionPool:
    """An open pool of at most ``max_size`` autocommit connections to ``url``, waited for
    until its first connection is made: TCP keepalives, a connection checked before it is
    handed out, ``configure`` run on each new connection.  ``timeout`` seconds bound the wait
    for a connection (the pool's and libpq's ``connect_timeout``).  Raises psycopg.Error or
    psycopg_pool.PoolTimeout when the database cannot be reached (the pool is closed then)."""
    pool: ConnectionPool = ConnectionPool(
        url, min_size=1, max_size=max_size, open=False, name=name, timeout=timeout,
        kwargs={"autocommit": True, "connect_timeout": max(1, int(timeout)), **KEEPALIVES},
        configure=configure, check=ConnectionPool.check_connection)
    try:
        pool.open(wait=True, timeout=timeout)
    except BaseException:
        pool.close()
        raise
    return pool


class SchemaProblem(Exception):
    """The database answered, but its schema revision is not this rag's: the message says
    which and what to run (:func:`index.pg.migrate.schema_problem`)."""


def open_upgraded_pool(url: str, name: str, max_size: int, timeout: float, where: str,
                       configure: Callable[[psycopg.Connection[Any]], None] | None = None
                       ) -> ConnectionPool:
    """:func:`open_pool` for a store: one plain connection first (its error says why the
    database cannot be reached, where the pool's would only say it timed out), then the pool,
    then the schema revision checked on one of its connections (``where``: the URL with its
    password masked, for the message).  Raises psycopg.Error or psycopg_pool.PoolTimeout when
    the database cannot be reached or read, SchemaProblem when it is not at this rag's
    revision; the pool is closed in every case."""
    psycopg.connect(url, connect_timeout=max(1, int(timeout)), **KEEPALIVES).close()
    pool = open_pool(url, name, max_size, timeout, configure=configure)
    try:
        with pool.connection() as conn:
            problem = schema_problem(conn, where)
    except BaseException:
        pool.close()
        raise
    if problem:
        pool.close()
        raise SchemaProblem(problem)
    return pool
