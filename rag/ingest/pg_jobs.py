"""The status of background uploads in PostgreSQL (RAG_DATABASE_URL), so that servers on several
hosts share it: :class:`PgJobStore`, the calls and rules of the SQLite
:class:`rag.ingest.jobs.JobStore` over the table of revision 0003
(``index/pg/migrations/versions/0003_upload_jobs.py``: rag_upload_jobs).  A job's status
answers on any host, and a deletion on one host cancels the upload another host is reading
(its worker asks the shared row at every page and, under the corpus's write lock, before the
upload is written).

Imported only when a database URL is set (``rag.service.config.job_store``), so the default
server never loads psycopg.  Where SQLite serialises every write with ``BEGIN IMMEDIATE``, a
job's row is read ``FOR UPDATE`` while it is changed, so a cancel and the worker's report on
two hosts are taken one after the other, and once cancelled a job stays so.

Who is alive.  A job still queued or running whose owner stopped is reported failed (the
upload must be sent again), as in the SQLite store; but a pid says nothing on another host, and
the SQLite rule -- a process of another host is taken to be alive -- would show the jobs of a
host that went down as running forever.  Here each store that takes jobs holds a session
advisory lock on a random bigint (its ``owner_key``, a column of its rows) on a connection of
its own for as long as it is open: an owner is alive while PostgreSQL shows that lock granted
(``pg_locks``), on whichever host it runs.  PostgreSQL releases it when the process ends or
closes the store (its connection closes) and, for a host that vanished without closing its
connections, when the server's TCP keepalives give the connection up: the keeper connection
asks for keepalives after 30 s idle, every 10 s, 3 tries (``tcp_keepalives_*``, and
``tcp_user_timeout`` 60 s for unanswered writes), so within about a minute on TCP.  A store's
own jobs are alive to itself.  Should the keeper connection break while the process lives (the
database restarted), its running jobs read as failed on other hosts until its next report
(each page) takes the lock again; the job then goes on and ends as it does.

Times are epoch seconds of each host's clock, as in the SQLite file; jobs are ordered by them,
so servers on several hosts need their clocks kept (NTP).
"""

from __future__ import annotations

import os
import secrets
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

import psycopg
from psycopg_pool import PoolTimeout

from index.pg.pool import SchemaProblem, open_upgraded_pool
from index.pgurl import redacted
from rag.errors import IndexStoreError
from rag.ingest.jobs import RUNNING, JobRules, as_seen, changed, encode
from rag.records import UploadJob

# the server gives a vanished host's keeper connection up after this: idle seconds before the
# first keepalive, seconds between them, unanswered ones; ms an unacknowledged write may wait
KEEPALIVES = {"tcp_keepalives_idle": 30, "tcp_keepalives_interval": 10,
              "tcp_keepalives_count": 3, "tcp_user_timeout": 60_000}

# each job read carries whether its owner is alive: it is finished (no matter), or this store's,
# or its owner's lock is granted -- pg_locks is read only for running jobs of other owners
_SELECT = """
    SELECT record, CASE WHEN status <> ALL(%(running)s) OR owner_key = %(me)s THEN true
        ELSE EXISTS (SELECT 1 FROM pg_locks
                     WHERE locktype = 'advisory' AND objsubid = 1 AND granted
                       AND database = (SELECT oid FROM pg_database
                                       WHERE datname = current_database())
                       AND ((classid::bigint << 32) | objid::bigint) = owner_key) END
    FROM rag_upload_jobs"""


class PgJobStore(JobRules):
    """Background uploads by job id in the PostgreSQL database at ``url`` (``postgresql://…``,
    at the newest schema revision: ``rag db upgrade``), over a psycopg 3 pool of at most
    ``max_connections`` (autocommit; a change is one transaction), plus, once this store has
    taken a job, one connection holding its owner lock (the module's docstring says the rule).
    Safe to share between threads, and between processes and hosts on one database.

    Raises IndexStoreError, naming the database without its password, when the database cannot
    be reached or is not upgraded, and from any call whose statement fails."""

    def __init__(self, url: str, max_connections: int = 4, connect_timeout: float = 10.0
                 ) -> None:
        self.url = url
        self.where = redacted(url)
        self.connect_timeout = connect_timeout
        self.owner = f"{socket.gethostname()}:{os.getpid()}"
        self.owner_key = secrets.randbits(62) + 1  # positive: one bigint advisory lock
        self._keeper: psycopg.Connection[Any] | None = None
        self._keeper_lock = threading.Lock()
        self._closed = False
        failed = f"cannot open the upload status in the database {self.where} (RAG_DATABASE_URL)"
        try:
            self.pool = open_upgraded_pool(url, "rag-upload-jobs", max_connections, connect_timeout,
                                           self.where)
        except SchemaProblem as exc:
            raise IndexStoreError(str(exc)) from exc
        except (psycopg.Error, PoolTimeout) as exc:
            raise IndexStoreError(f"{failed}: {_first_line(exc)}") from exc

    # --- plumbing ------------------------------------------------------------------------

    @contextmanager
    def _tx(self) -> Iterator[psycopg.Connection[Any]]:
        """One transaction on a connection of the pool; rolled back when the block raises.
        A database error (a closed store's too) becomes IndexStoreError."""
        try:
            with self.pool.connection() as conn, conn.transaction():
                yield conn
        except (psycopg.Error, PoolTimeout) as exc:
            raise IndexStoreError(f"upload status in the database {self.where}: "
                                  f"{_first_line(exc)}") from exc

    def _keep(self) -> None:
        """Hold this store's owner lock: on a keeper connection opened (with its keepalives)
        and locked the first time, checked by one round trip later and made again when it
        broke.  IndexStoreError when that fails or the store is closed."""
        with self._keeper_lock:
            if self._closed:
                raise IndexStoreError(f"upload status in the database {self.where}: the store "
                                      f"is closed")
            keeper = self._keeper
            try:
                if keeper is not None and not keeper.closed:
                    try:
                        keeper.execute("SELECT 1")
                        return
                    except psycopg.OperationalError:  # broken: its lock went with it
                        keeper.close()
                options = " ".join(f"-c {name}={value}" for name, value in KEEPALIVES.items())
                keeper = psycopg.connect(self.url, autocommit=True, options=options,
                                         connect_timeout=max(1, int(self.connect_timeout)))
                got = keeper.execute("SELECT pg_try_advisory_lock(%s)",
                                     (self.owner_key,)).fetchone()
                if not (got and got[0]):  # another store drew the same 62 random bits
                    keeper.close()
                    raise IndexStoreError(f"upload status in the database {self.where}: the "
                                          f"owner lock {self.owner_key} is held by another "
                                          f"process")
                self._keeper = keeper
            except psycopg.Error as exc:
                raise IndexStoreError(f"upload status in the database {self.where}: "
                                      f"{_first_line(exc)}") from exc

    def _rows(self, where: str, **args: Any) -> list[UploadJob]:
        with self._tx() as conn:
            rows = conn.execute(f"{_SELECT} {where}", {"me": self.owner_key,
                                                      "running": list(RUNNING), **args}
                                ).fetchall()
        return [as_seen(record, alive) for record, alive in rows]

    # --- public API: JobStore's ----------------------------------------------------------

    def add(self, job: UploadJob) -> None:
        """Record a new job (its status as submitted) under its ``job`` id, owned by this
        store (which from now on holds its owner lock)."""
        self._keep()
        with self._tx() as conn:
            conn.execute("INSERT INTO rag_upload_jobs (job, doc_id, owner, owner_key, status, "
                         "record, created) VALUES (%s, %s, %s, %s, %s, %s, %s)",
                         (job.job, job.id, self.owner, self.owner_key, job.status, encode(job),
                          job.created))

    def update(self, job_id: str, **changes: Any) -> UploadJob | None:
        """The job with ``changes`` made, or None when it is cancelled (or gone): then
        nothing is changed.  The row is locked while it is read and written.  A store that
        took jobs checks its owner lock first (it is the workers' report at every page)."""
        if self._keeper is not None:
            self._keep()
        with self._tx() as conn:
            row = conn.execute("SELECT record FROM rag_upload_jobs WHERE job = %s FOR UPDATE",
                               (job_id,)).fetchone()
            job = None if row is None else changed(row[0], changes)
            if job is not None:
                conn.execute("UPDATE rag_upload_jobs SET status = %s, record = %s "
                             "WHERE job = %s", (job.status, encode(job), job_id))
        return job

    def get(self, job_id: str) -> UploadJob | None:
        """The job ``job_id`` as last written by any process of any host (None: no such
        job)."""
        found = self._rows("WHERE job = %(job)s", job=job_id)
        return found[0] if found else None

    def of_document(self, doc_id: str) -> list[UploadJob]:
        """The background uploads of ``doc_id``, newest first."""
        return self._rows("WHERE doc_id = %(doc)s ORDER BY created DESC, seq DESC", doc=doc_id)

    def prune(self, keep: int) -> None:
        """Forget finished jobs but the newest ``keep``."""
        with self._tx() as conn:
            conn.execute("DELETE FROM rag_upload_jobs WHERE status <> ALL(%(running)s) AND job "
                         "NOT IN (SELECT job FROM rag_upload_jobs WHERE status <> ALL(%(running)s)"
                         " ORDER BY created DESC, seq DESC LIMIT %(keep)s)",
                         {"running": list(RUNNING), "keep": keep})

    def close(self) -> None:
        """Close the pool and the keeper connection (this store's jobs still running then
        read as failed elsewhere); the store cannot be used after."""
        with self._keeper_lock:
            self._closed = True
            keeper, self._keeper = self._keeper, None
        if keeper is not None:
            with suppress(psycopg.Error):  # released now, not when the server sees it closed
                keeper.execute("SELECT pg_advisory_unlock_all()")
            keeper.close()
        self.pool.close()


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]
