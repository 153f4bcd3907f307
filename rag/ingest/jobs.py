"""Uploads read and indexed in the background (scans of more than a page or two: OCR takes
seconds a page), one at a time per process, each with its own job id.

Their status lives in ``uploads.sqlite`` beside the index (``index.sqlite``: WAL, every write
one transaction), so every server process sharing the index sees it, and a deletion taken by
any of them cancels an upload still queued or being read: the job stops at its next page,
and one past its reading is dropped when it comes to be written (checked under the index's
write lock, so a deleted document never comes back).  A job still running in a process that
stopped is reported failed (the upload must be sent again; the index is as it was).  A
finished job is kept until ``keep`` newer ones of the index have finished.

With RAG_DATABASE_URL set, the same status lives in the database instead
(:class:`rag.ingest.pg_jobs.PgJobStore`, the rules shared through :class:`JobRules` and the
record functions here), so that servers on every host see it and cancel each other's uploads.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import socket
import sqlite3
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol

from index.sqlite import connect, immediate
from rag.errors import IndexStoreError, IngestError, UploadCancelled
from rag.records import Upload, UploadJob

log = logging.getLogger(__name__)

FILENAME = "uploads.sqlite"
REBUILT = "the status of background uploads (the index is not in it)"
RUNNING = ("queued", "reading", "indexing")

Report = Callable[[str, int, int], None]
"""``report(status, pages_read, pages)``; raises UploadCancelled once the job is cancelled."""
Work = Callable[[Report, Callable[[], bool]], Upload]
"""A job's work: given ``report`` and ``wanted()`` (False once the job is cancelled: to ask
under the index's write lock), read and index the upload and return what became of it;
raising fails the job."""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    job     TEXT PRIMARY KEY,
    doc_id  TEXT NOT NULL,
    owner   TEXT NOT NULL,
    status  TEXT NOT NULL,
    record  TEXT NOT NULL,
    created REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS jobs_doc ON jobs(doc_id, created);
"""
LOST = "the server process that took this upload stopped before indexing it; upload it again"


def _owner() -> str:
    """This process, as the owner of the jobs it runs (host:pid)."""
    return f"{socket.gethostname()}:{os.getpid()}"


def _alive(owner: str) -> bool:
    """Whether the process ``owner`` (host:pid) may still run its jobs (one on another host
    is taken to)."""
    host, _, pid = owner.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return True
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


DELETED = "the document was deleted before this upload was indexed"
SUPERSEDED = "a later upload of this document replaced it before it was indexed"


class JobBackend(Protocol):
    """Where the status of background uploads lives: :class:`JobStore` (an SQLite file beside
    the index, shared by the processes of one host) or :class:`rag.ingest.pg_jobs.PgJobStore`
    (the PostgreSQL database of RAG_DATABASE_URL, shared by every host).  Both raise
    IndexStoreError when their storage cannot be read or written."""

    def add(self, job: UploadJob) -> None:
        """Record a new job (its status as submitted), owned by this process."""

    def update(self, job_id: str, **changes: Any) -> UploadJob | None:
        """The job with ``changes`` made, or None when it is cancelled or gone."""

    def get(self, job_id: str) -> UploadJob | None:
        """The job ``job_id`` as last written by any process (None: no such job)."""

    def of_document(self, doc_id: str) -> list[UploadJob]:
        """The background uploads of ``doc_id``, newest first."""

    def cancel(self, doc_id: str, reason: str = DELETED) -> list[str]:
        """Cancel the queued or running uploads of ``doc_id``; their ids."""

    def prune(self, keep: int) -> None:
        """Forget finished jobs but the newest ``keep``."""

    def close(self) -> None:
        """Release the store's connections."""


def encode(job: UploadJob) -> str:
    """A job as its stored record (the JSON text of ``UploadJob.to_dict``)."""
    return json.dumps(job.to_dict(), ensure_ascii=False)


def as_seen(record: str, alive: bool) -> UploadJob:
    """The job of a stored ``record`` as reported: one still queued or running whose owner
    is not ``alive`` is failed (:data:`LOST`: the upload must be sent again)."""
    job = UploadJob.from_dict(json.loads(record))
    if job.status in RUNNING and not alive:
        job = replace(job, status="failed", error=LOST)
    return job


def changed(record: str, changes: dict[str, Any]) -> UploadJob | None:
    """The job of a stored ``record`` with ``changes`` made and ``updated`` now, or None when
    it is cancelled: a cancelled job is never changed again (what lets a cancel win over
    the worker's later reports)."""
    job = UploadJob.from_dict(json.loads(record))
    if job.status == "cancelled":
        return None
    return replace(job, updated=time.time(), **changes)


class JobRules:
    """What every job store does the same way over its own ``of_document`` and ``update``."""

    def of_document(self, doc_id: str) -> list[UploadJob]:
        """The uploads of ``doc_id``, newest first (each store's own)."""
        raise NotImplementedError

    def update(self, job_id: str, **changes: Any) -> UploadJob | None:
        """The job with ``changes`` made, or None when cancelled (each store's own)."""
        raise NotImplementedError

    def close(self) -> None:
        """Release the store's connections (each store's own)."""
        raise NotImplementedError

    def cancel(self, doc_id: str, reason: str = DELETED) -> list[str]:
        """Mark the uploads of ``doc_id`` still queued or running cancelled (``reason`` their
        error line); their ids.  Each is changed by :meth:`update` (a job already cancelled
        is left as it is); one that ended between the read and the update is marked cancelled
        too."""
        ids = [j.job for j in self.of_document(doc_id) if j.status in RUNNING]
        return [job_id for job_id in ids
                if self.update(job_id, status="cancelled", error=reason) is not None]

    def __enter__(self) -> JobRules:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class JobStore(JobRules):
    """Background uploads by job id in the SQLite file ``path``, opened on first write (a
    read finds nothing until then); a damaged file is moved aside and made anew, logged
    (``index.sqlite.connect``): the jobs are transient, the index is elsewhere.  A job's
    owner is its process, "host:pid": one of another host is taken to be alive (its pid
    means nothing here), one of this host is alive while its pid is."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._db: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    def _conn(self, create: bool) -> sqlite3.Connection | None:
        if self._db is None and (create or self.path.exists()):
            try:  # a damaged file is moved aside and made anew (jobs are transient)
                self._db = connect(self.path, _SCHEMA, rebuild=REBUILT)
            except (OSError, sqlite3.Error) as exc:
                raise IndexStoreError(f"cannot open the upload status file {self.path} "
                                      f"({exc}); the index is not in it: move it away and "
                                      f"the server starts a new one") from exc
        return self._db

    def _rows(self, sql: str, *args: Any) -> list[UploadJob]:
        with self._lock:
            db = self._conn(False)
            if db is None:
                return []
            try:
                rows = db.execute(sql, args).fetchall()
            except sqlite3.Error as exc:
                raise IndexStoreError(f"upload status file {self.path}: {exc}") from exc
        return [as_seen(record, owner == _owner() or _alive(owner)) for owner, record in rows]

    def _write(self, change: Callable[[sqlite3.Connection], Any]) -> Any:
        with self._lock:
            db = self._conn(True)
            assert db is not None
            try:
                with immediate(db):
                    return change(db)
            except sqlite3.Error as exc:
                raise IndexStoreError(f"upload status file {self.path}: {exc}") from exc

    def add(self, job: UploadJob) -> None:
        """Record a new job (its status as submitted) under its ``job`` id, owned by this
        process."""
        self._write(lambda db: db.execute(
            "INSERT INTO jobs (job, doc_id, owner, status, record, created) "
            "VALUES (?, ?, ?, ?, ?, ?)", (job.job, job.id, _owner(), job.status, encode(job),
                                          job.created)))

    def update(self, job_id: str, **changes: Any) -> UploadJob | None:
        """The job with ``changes`` made, or None when it is cancelled (or gone): then
        nothing is changed."""
        def change(db: sqlite3.Connection) -> UploadJob | None:
            row = db.execute("SELECT record FROM jobs WHERE job = ?", (job_id,)).fetchone()
            job = None if row is None else changed(row[0], changes)
            if job is not None:
                db.execute("UPDATE jobs SET status = ?, record = ? WHERE job = ?",
                           (job.status, encode(job), job_id))
            return job
        result: UploadJob | None = self._write(change)
        return result

    def get(self, job_id: str) -> UploadJob | None:
        """The job ``job_id`` as last written by any process (None: no such job)."""
        found = self._rows("SELECT owner, record FROM jobs WHERE job = ?", job_id)
        return found[0] if found else None

    def of_document(self, doc_id: str) -> list[UploadJob]:
        """The background uploads of ``doc_id``, newest first."""
        return self._rows("SELECT owner, record FROM jobs WHERE doc_id = ? "
                          "ORDER BY created DESC, rowid DESC", doc_id)

    def prune(self, keep: int) -> None:
        """Forget finished jobs but the newest ``keep``."""
        self._write(lambda db: db.execute(
            "DELETE FROM jobs WHERE status NOT IN (?, ?, ?) AND job NOT IN (SELECT job FROM "
            "jobs WHERE status NOT IN (?, ?, ?) ORDER BY created DESC LIMIT ?)",
            (*RUNNING, *RUNNING, keep)))

    def close(self) -> None:
        """Close the database connection (a later call opens it again)."""
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None


class UploadJobs:
    """A queue of background uploads with one worker thread, their status in ``store`` (a
    :class:`JobBackend`: :class:`JobStore` shared by the processes of one index directory,
    or :class:`rag.ingest.pg_jobs.PgJobStore` by every host on one database), which this
    queue closes with itself."""

    def __init__(self, store: JobBackend, keep: int = 200):
        self.keep = keep
        self.store = store
        self._lock = threading.Lock()
        self._pool: ThreadPoolExecutor | None = None
        self._queued: set[str] = set()  # jobs of this process not started yet

    def submit(self, doc_id: str, pages: int, work: Work) -> UploadJob:
        """Queue ``work`` for ``doc_id`` (``pages`` to read); returns the queued job."""
        now = time.time()
        job = UploadJob(doc_id, "queued", pages=pages, created=now, updated=now,
                        job=secrets.token_hex(8))
        self.store.add(job)
        with self._lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(1, thread_name_prefix="upload")
            pool = self._pool
            self._queued.add(job.job)
        pool.submit(self._run, job, work)
        log.info("upload %s queued as job %s (%d pages to read)", doc_id, job.job, pages)
        return job

    def get(self, job_id: str) -> UploadJob | None:
        """The background upload ``job_id``, whichever process took it."""
        return self.store.get(job_id)

    def latest(self, doc_id: str) -> UploadJob | None:
        """The newest upload of ``doc_id`` still queued or running, else its newest."""
        jobs = self.store.of_document(doc_id)
        return next((j for j in jobs if j.status in RUNNING), jobs[0] if jobs else None)

    def cancel(self, doc_id: str, reason: str | None = None) -> bool:
        """Cancel the uploads of ``doc_id`` not yet indexed (``reason``: why, by default its
        deletion); whether there was one."""
        cancelled = self.store.cancel(doc_id, reason or DELETED)
        for job_id in cancelled:
            log.info("upload %s (job %s) cancelled: %s", doc_id, job_id, reason or DELETED)
        return bool(cancelled)

    def _run(self, job: UploadJob, work: Work) -> None:
        with self._lock:
            self._queued.discard(job.job)

        def report(status: str, done: int, total: int) -> None:
            if self.store.update(job.job, status=status, pages_read=done, pages=total) is None:
                raise UploadCancelled(job.id)

        def wanted() -> bool:
            now = self.store.get(job.job)
            return now is not None and now.status != "cancelled"

        try:
            upload = work(report, wanted)
        except UploadCancelled:
            log.info("upload %s (job %s) stopped: cancelled", job.id, job.job)
        except IngestError as exc:
            log.warning("upload %s failed: %s", job.id, exc)
            self.store.update(job.job, status="failed", error=_one_line(exc))
        except IndexStoreError as exc:  # its message may name server paths: not for clients
            log.error("upload %s not indexed: %s", job.id, exc)
            self.store.update(job.job, status="failed",
                              error="the index could not be written, so nothing was changed; "
                                    "see the server log / không ghi được chỉ mục")
        except Exception as exc:  # the job must end in a status, whatever happened
            log.error("upload %s failed", job.id, exc_info=exc)
            self.store.update(job.job, status="failed", error="internal error; see the server log")
        else:
            self.store.update(job.job, status="done", upload=upload)
            log.info("upload %s %s in the background", job.id, upload.status)
        self.store.prune(self.keep)

    def close(self, wait: bool = False) -> None:
        """Stop taking jobs; queued ones are dropped, the running one finishes if ``wait``."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=wait, cancel_futures=True)
        with self._lock:
            dropped, self._queued = self._queued, set()
        for job_id in dropped:
            self.store.update(job_id, status="failed", error=LOST)
        self.store.close()


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
