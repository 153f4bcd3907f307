"""The PostgreSQL side of bench/bench_scale.py (``--backend postgres``).

A server -- the ``pgserver`` wheel's PostgreSQL 16 + pgvector under ``--work``, or the
database of ``--database-url`` -- and a database per level, brought to the newest schema the
way `rag db upgrade` does; the level's flat build published there through the product's own
store (``PgStore.save``: the rows, a binary COPY of the vectors, the HNSW index); the database's
size; the plan of the query the store runs for the nearest chunks; the published index loaded
again at other ``hnsw.ef_search`` values.  psycopg and pgserver are imported only here.
"""

from __future__ import annotations

import re
import resource
import time
from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path
from typing import Any

import numpy as np

from index import Index

EF_SWEEP = (40, 64, 100, 200)


class PgBench:
    """Where each level's database is: on a pgserver whose data is ``work/pg`` (started on
    first use, stopped by :meth:`close`, its data kept for ``--reuse``), or the one database
    of ``url`` (emptied before a level is published there: a database for the benchmark)."""

    def __init__(self, work: Path, url: str | None = None):
        self.work = work
        self.url = url
        self._server: Any = None

    def _admin_uri(self) -> str:
        if self._server is None:
            import pgserver

            self.work.mkdir(parents=True, exist_ok=True)
            # a Unix socket's path is limited to about 100 bytes: keep --work short
            self._server = pgserver.get_server(self.work / "pg", cleanup_mode="stop")
        return str(self._server.get_uri())

    def database(self, name: str, fresh: bool) -> str:
        """The URL of the database ``name`` (on the pgserver; ``url`` when given), made anew
        (dropped and created, or downgraded to nothing) when ``fresh``, then upgraded to the
        newest schema revision as `rag db upgrade` does."""
        import psycopg

        from index.pg import current, downgrade
        from rag.service.database import upgrade_database
        from rag.settings import Settings

        if self.url:
            url = self.url
            if fresh and current(url) is not None:
                downgrade(url, "base")
        else:
            admin = self._admin_uri()
            with psycopg.connect(admin, autocommit=True) as conn:
                exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                                      (name,)).fetchone()
                if exists and fresh:
                    conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
                if fresh or not exists:
                    conn.execute(f'CREATE DATABASE "{name}"')
            url = str(self._server.get_uri(name))
        upgrade_database(Settings(database_url=url))
        return url

    def close(self) -> None:
        """Stop the pgserver this started (its data stays in ``work/pg``)."""
        if self._server is not None:
            self._server.cleanup()
            self._server = None


def publish(flat_dir: Path, url: str) -> dict:
    """Publish the flat build in ``flat_dir`` to the database at ``url`` the way `rag index`
    does with a database (``PgStore.write_lock`` + ``PgStore.save``); its seconds (the save
    alone), the generation's name, and the peak RSS of this process (MB).  Run in a process
    of its own, so the RSS is the publish's."""
    from index.pg import PgStore

    index = Index.load(flat_dir)
    store = PgStore(url, max_connections=2)
    try:
        t0 = time.perf_counter()
        with store.write_lock():
            name = store.save(index, {"producer": "bench/bench_scale.py"})
        seconds = time.perf_counter() - t0
    finally:
        store.close()
    return {"publish_s": seconds, "generation": name, "chunks": len(index),
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def live_generation(url: str) -> str | None:
    """The generation the database at ``url`` serves (None: nothing, or not readable)."""
    from index import IndexStoreError
    from index.pg import PgStore

    try:
        store = PgStore(url, max_connections=2)
    except IndexStoreError:
        return None
    try:
        return store.live_name()
    finally:
        store.close()


def database_mb(url: str) -> float:
    """``pg_database_size`` of the database at ``url``, in MB, after a checkpoint (when the
    user may make one), so what was published is in the files counted."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        with suppress(psycopg.Error):
            conn.execute("CHECKPOINT")
        row = conn.execute("SELECT pg_database_size(current_database())").fetchone()
    return int(row[0]) / 2**20  # type: ignore[index]


def explain_nearest(index: Index, query: np.ndarray, k: int = 10) -> list[str]:
    """The plan PostgreSQL makes for the store's nearest-chunks query (``nearest_sql``) on
    ``query``, on a connection of the store ``index`` was loaded from (its
    ``hnsw.ef_search`` set); the query vector's literal shortened to ``'[…]'``."""
    from index.pg.store import nearest_sql

    store = index.vectors.store  # type: ignore[attr-defined]
    q = np.asarray(query, dtype=np.float32).reshape(-1)
    with store.pool.connection() as conn:
        rows = conn.execute("EXPLAIN " + nearest_sql(index.dim), (q, q, k + 16)).fetchall()
    return [re.sub(r"'\[[^']*\]'::vector", "'[…]'::vector", str(r[0])) for r in rows]


def at_ef_search(url: str, efs: tuple[int, ...] = EF_SWEEP) -> Iterator[tuple[int, Index]]:
    """The live generation of ``url`` loaded with each ``hnsw.ef_search`` in turn (a store of
    its own each, closed when the next is asked for)."""
    from index.pg import PgStore

    for ef in efs:
        store = PgStore(url, max_connections=2, ef_search=ef)
        try:
            yield ef, store.load()
        finally:
            store.close()
