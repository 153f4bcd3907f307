"""Uploads read and indexed in the background (scans of more than a page or two: OCR takes
seconds a page), one at a time, their status kept by document id for GET /documents/{id}.

The status lives in this process's memory: another server process does not see it, and a
job still queued or running when the process stops is lost (the upload must be sent again;
the index is as it was).  A finished job is kept until ``keep`` newer ones have finished.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import Any

from rag.errors import IndexStoreError, IngestError
from rag.records import Upload, UploadJob

log = logging.getLogger(__name__)

Work = Callable[[Callable[[str, int, int], None]], Upload]
"""A job's work: given ``report(status, pages_read, pages)``, read and index the upload and
return what became of it; raising fails the job."""

RUNNING = ("queued", "reading", "indexing")


class UploadJobs:
    """A queue of background uploads with one worker thread, and the last job of each
    document id."""

    def __init__(self, keep: int = 200):
        self.keep = keep
        self._jobs: dict[str, tuple[int, UploadJob]] = {}  # doc id -> (ticket, job)
        self._lock = threading.Lock()
        self._tickets = 0
        self._pool: ThreadPoolExecutor | None = None

    def submit(self, doc_id: str, pages: int, work: Work) -> UploadJob:
        """Queue ``work`` for ``doc_id`` (``pages`` to read); returns the queued job.  A newer
        upload of the same id is the one whose status is shown."""
        now = time.time()
        job = UploadJob(doc_id, "queued", pages=pages, created=now, updated=now)
        with self._lock:
            self._tickets += 1
            ticket = self._tickets
            self._jobs[doc_id] = (ticket, job)
            if self._pool is None:
                self._pool = ThreadPoolExecutor(1, thread_name_prefix="upload")
            pool = self._pool
        pool.submit(self._run, doc_id, ticket, work)
        log.info("upload %s queued (%d pages to read)", doc_id, pages)
        return job

    def get(self, doc_id: str) -> UploadJob | None:
        """The last upload of ``doc_id`` this process took in the background, if any."""
        with self._lock:
            held = self._jobs.get(doc_id)
        return held[1] if held else None

    def _update(self, doc_id: str, ticket: int, **changes: Any) -> None:
        with self._lock:
            held = self._jobs.get(doc_id)
            if held is not None and held[0] == ticket:  # not replaced by a newer upload
                self._jobs[doc_id] = (ticket, replace(held[1], updated=time.time(), **changes))

    def _run(self, doc_id: str, ticket: int, work: Work) -> None:
        def report(status: str, done: int, total: int) -> None:
            self._update(doc_id, ticket, status=status, pages_read=done, pages=total)

        try:
            upload = work(report)
        except IngestError as exc:
            log.warning("upload %s failed: %s", doc_id, exc)
            self._update(doc_id, ticket, status="failed", error=_one_line(exc))
        except IndexStoreError as exc:  # its message may name server paths: not for clients
            log.error("upload %s not indexed: %s", doc_id, exc)
            self._update(doc_id, ticket, status="failed",
                         error="the index could not be written, so nothing was changed; see "
                               "the server log / không ghi được chỉ mục")
        except Exception as exc:  # the job must end in a status, whatever happened
            log.error("upload %s failed", doc_id, exc_info=exc)
            self._update(doc_id, ticket, status="failed",
                         error="internal error; see the server log")
        else:
            self._update(doc_id, ticket, status="done", upload=upload)
            log.info("upload %s %s in the background", doc_id, upload.status)
        self._prune()

    def _prune(self) -> None:
        with self._lock:
            done = sorted((t, d) for d, (t, j) in self._jobs.items() if j.status not in RUNNING)
            for _, doc_id in done[:max(0, len(done) - self.keep)]:
                del self._jobs[doc_id]

    def close(self, wait: bool = False) -> None:
        """Stop taking jobs; queued ones are dropped, the running one finishes if ``wait``."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=wait, cancel_futures=True)


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
