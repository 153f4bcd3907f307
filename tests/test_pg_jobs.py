"""The status of background uploads on a real SQLite file (rag.ingest.jobs.JobStore) and in a
real PostgreSQL (rag.ingest.pg_jobs.PgJobStore, tests/pg.py): the store's behaviour tests run
on both; then what only the database gives -- owners judged alive by the advisory lock they
hold, whichever host they run on -- and two services on one database with their own
RAG_INDEX_DIR (two "hosts"): a job taken by one answers on the other, and a DELETE on the
other stops the first one's upload."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
import pytest
from conftest import FakeEmbedder
from fastapi.testclient import TestClient

from api.http.app import create_app
from index.pg import downgrade, head, upgrade
from rag.errors import IndexStoreError
from rag.ingest.jobs import DELETED, LOST, RUNNING, JobStore, UploadJobs
from rag.ingest.pg_jobs import PgJobStore
from rag.records import UploadJob
from rag.service import RagService
from rag.service.config import job_store
from rag.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Backend:
    """Job stores on one shared storage: ``open()`` opens another store on it (another
    process's), ``code`` the Python expression that opens one in a subprocess."""

    name: str
    open: Callable[[], Any]
    code: str


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    if request.param == "sqlite":
        path = tmp_path / "index" / "uploads.sqlite"
        yield Backend("sqlite", lambda: JobStore(path),
                      f"__import__('rag.ingest.jobs').ingest.jobs.JobStore("
                      f"__import__('pathlib').Path({str(path)!r}))")
    else:
        url = request.getfixturevalue("database_url")
        yield Backend("postgres", lambda: PgJobStore(url),
                      f"__import__('rag.ingest.pg_jobs').ingest.pg_jobs.PgJobStore({url!r})")


def job(doc_id: str, created: float, job_id: str, status: str = "queued") -> UploadJob:
    return UploadJob(doc_id, status, pages=3, created=created, updated=created,  # type: ignore[arg-type]
                     job=job_id)


@pytest.fixture
def stores(backend: Backend) -> Iterator[tuple[Any, Any]]:
    """Two stores on one storage: two server processes (or hosts, for the database)."""
    a, b = backend.open(), backend.open()
    yield a, b
    a.close()
    b.close()


# --- the behaviour both stores keep ---------------------------------------------------------


def test_a_job_is_seen_by_another_store_newest_first(stores: tuple[Any, Any]) -> None:
    a, b = stores
    assert b.get("0" * 16) is None and b.of_document("bc") == []
    a.add(job("bc", 100.0, "j1"))
    a.add(job("bc", 200.0, "j2"))
    a.add(job("bc", 200.0, "j3"))  # the same second: the later added first
    a.add(job("other", 300.0, "j4"))
    assert b.get("j1") == job("bc", 100.0, "j1")
    assert [j.job for j in b.of_document("bc")] == ["j3", "j2", "j1"]
    assert [j.job for j in b.of_document("other")] == ["j4"]


def test_an_update_is_seen_elsewhere_and_a_cancelled_job_never_changes(
        stores: tuple[Any, Any]) -> None:
    a, b = stores
    a.add(job("bc", 100.0, "j1"))
    changed = a.update("j1", status="reading", pages_read=1)
    assert changed is not None and (changed.status, changed.pages_read) == ("reading", 1)
    assert changed.updated > 100.0
    assert b.get("j1") == changed
    assert a.update("nope", status="reading") is None
    assert b.cancel("bc") == ["j1"]  # another process cancels it ...
    seen = a.get("j1")
    assert seen is not None and (seen.status, seen.error) == ("cancelled", DELETED)
    assert a.update("j1", status="reading", pages_read=2) is None  # ... and the worker stops
    assert a.update("j1", status="done") is None
    assert b.get("j1") == seen


def test_cancel_takes_only_jobs_still_queued_or_running(stores: tuple[Any, Any]) -> None:
    a, b = stores
    for n, status in enumerate(["queued", "reading", "indexing", "done", "failed"]):
        a.add(job("bc", 100.0 + n, f"j{n}", status))
    assert sorted(b.cancel("bc", "replaced")) == ["j0", "j1", "j2"]
    assert {j.job: (j.status, j.error) for j in a.of_document("bc")} == {
        "j0": ("cancelled", "replaced"), "j1": ("cancelled", "replaced"),
        "j2": ("cancelled", "replaced"), "j3": ("done", None), "j4": ("failed", None)}
    assert b.cancel("bc") == [] and b.cancel("none") == []


def test_prune_keeps_the_newest_finished_jobs_and_every_running_one(
        stores: tuple[Any, Any]) -> None:
    a, b = stores
    for n in range(5):
        a.add(job("bc", 100.0 + n, f"d{n}", "done"))
    a.add(job("bc", 50.0, "r0", "reading"))  # older than them all, still running
    b.prune(2)
    assert [j.job for j in a.of_document("bc")] == ["d4", "d3", "r0"]
    b.prune(0)
    assert [j.job for j in a.of_document("bc")] == ["r0"]


def _owner_process(backend: Backend, doc_id: str, job_id: str, stay: bool
                   ) -> subprocess.Popen[str]:
    """A process that takes a job and then waits for a line (``stay``), or dies at once
    without closing anything (``os._exit``: a process killed)."""
    code = (f"import os, sys\nfrom rag.records import UploadJob\n"
            f"store = {backend.code}\n"
            f"store.add(UploadJob({doc_id!r}, 'reading', pages=3, created=1.0, updated=1.0, "
            f"job={job_id!r}))\n"
            f"print('added', flush=True)\n"
            f"sys.stdin.readline() if {stay} else None\n"
            f"os._exit(0)\n")
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert proc.stdout is not None and proc.stdout.readline().strip() == "added"
    return proc


def test_a_job_reads_failed_once_its_process_stopped_and_running_while_it_lives(
        backend: Backend) -> None:
    living = _owner_process(backend, "bc", "alive1", stay=True)
    dead = _owner_process(backend, "bc", "dead01", stay=False)
    dead.wait(30)
    store = backend.open()
    try:
        seen = store.get("alive1")
        assert seen is not None and seen.status == "reading" and seen.error is None
        lost = until(lambda: (j := store.get("dead01")) and j.status == "failed" and j)
        assert lost.error == LOST  # (the server ends a dead client's session in a moment)
        assert living.stdin is not None
        living.stdin.write("\n")
        living.stdin.close()
        living.wait(30)
        lost = until(lambda: (j := store.get("alive1")) and j.status == "failed" and j)
        assert lost.error == LOST
        assert store.cancel("bc") == []  # failed: nothing left to cancel
    finally:
        store.close()
        for proc in (living, dead):
            if proc.poll() is None:
                proc.kill()


def test_the_queue_runs_a_job_to_done_and_prunes(backend: Backend) -> None:
    jobs = UploadJobs(backend.open(), keep=1)
    other = backend.open()
    try:
        first = jobs.submit("bc", 2, lambda report, wanted: _done(report, wanted))
        second = jobs.submit("bc", 2, lambda report, wanted: _done(report, wanted))
        deadline = time.monotonic() + 30
        while (j := other.get(second.job)) is None or j.status in RUNNING:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        assert j.status == "done" and j.pages_read == 2
        assert other.get(first.job) is None  # pruned: one finished job kept
    finally:
        jobs.close(wait=True)
        other.close()


def _done(report: Callable[[str, int, int], None], wanted: Callable[[], bool]) -> Any:
    from rag.records import Upload

    report("reading", 1, 2)
    report("indexing", 2, 2)
    assert wanted()
    return Upload(id="bc", status="added", chunks=1)


# --- the database: owners across hosts --------------------------------------------------------


def test_an_owner_on_another_host_is_alive_while_it_holds_its_lock(database_url: str) -> None:
    """The owner's host:pid is not looked at: a job written as by a process of another host
    (or of a pid of this host that is gone) reads running while its store's lock is held."""
    a, b = PgJobStore(database_url), PgJobStore(database_url)
    try:
        a.add(job("bc", 1.0, "j1", "reading"))
        for owner in ("elsewhere:1", f"{socket.gethostname()}:999999999"):
            with psycopg.connect(database_url, autocommit=True) as conn:
                conn.execute("UPDATE rag_upload_jobs SET owner = %s", (owner,))
            assert b.get("j1").status == "reading"  # type: ignore[union-attr]
    finally:
        a.close()
    lost = b.get("j1")
    assert lost is not None and (lost.status, lost.error) == ("failed", LOST)
    b.close()


def test_a_broken_owner_connection_takes_its_lock_again_at_the_next_report(
        database_url: str) -> None:
    a, b = PgJobStore(database_url), PgJobStore(database_url)
    try:
        a.add(job("bc", 1.0, "j1", "reading"))
        assert a._keeper is not None
        with psycopg.connect(database_url, autocommit=True) as conn:  # the database restarted
            conn.execute("SELECT pg_terminate_backend(%s)", (a._keeper.info.backend_pid,))
        assert b.get("j1").status == "failed"  # type: ignore[union-attr]
        assert a.get("j1").status == "reading"  # type: ignore[union-attr]  # its own
        assert a.update("j1", pages_read=2) is not None  # the worker's next page
        assert b.get("j1").status == "reading"  # type: ignore[union-attr]
    finally:
        a.close()
        b.close()
    with pytest.raises(IndexStoreError, match="closed"):
        a.update("j1", pages_read=3)


def test_a_database_not_upgraded_or_unreachable_is_an_index_store_error(pg_server) -> None:
    import pg

    url = pg.new_database(migrate=False)
    try:
        upgrade(url, "0002")  # the sessions' tables, not the jobs'
        with pytest.raises(IndexStoreError, match="rag db upgrade") as err:
            PgJobStore(url)
        assert "revision 0002, not " + head() in str(err.value)
    finally:
        pg.drop_database(url)
    with pytest.raises(IndexStoreError, match="RAG_DATABASE_URL") as err:
        PgJobStore("postgresql://nobody:secret@127.0.0.1:1/none", connect_timeout=1)
    assert "secret" not in str(err.value)


def test_downgrade_to_0002_drops_the_jobs_table_and_upgrade_makes_it_again(
        database_url: str) -> None:
    store = PgJobStore(database_url)
    store.add(job("bc", 1.0, "j1", "done"))
    store.close()
    assert downgrade(database_url, "0002") == (head(), "0002")
    with psycopg.connect(database_url) as conn:
        assert conn.execute("SELECT to_regclass('rag_upload_jobs')").fetchone() == (None,)
    assert upgrade(database_url) == ("0002", head())
    with PgJobStore(database_url) as store:
        assert store.get("j1") is None


def test_the_service_picks_the_store_by_the_settings(tmp_path: Path, database_url: str) -> None:
    with job_store(Settings(index_dir=tmp_path / "i", database_url=database_url)) as pg_store:
        assert isinstance(pg_store, PgJobStore)
        pg_store.add(job("bc", 1.0, "j1"))
    assert not (tmp_path / "i" / "uploads.sqlite").exists()
    with job_store(Settings(index_dir=tmp_path / "i")) as f:
        assert isinstance(f, JobStore)
        f.add(job("bc", 1.0, "j1"))
    assert (tmp_path / "i" / "uploads.sqlite").is_file()


# --- two services on one database: two hosts --------------------------------------------------


def host(tmp_path: Path, url: str, emb: FakeEmbedder, name: str) -> RagService:
    return RagService(Settings(index_dir=tmp_path / f"host-{name}", database_url=url,
                               sessions_db=tmp_path / f"s-{name}.db", index_poll_seconds=0,
                               rate_limit_per_minute=0), embedder=emb)


@dataclass
class Slow:
    """A background upload on host A that reads its pages one by one, each when let."""

    service: RagService
    pages: int = 3

    def __post_init__(self) -> None:
        self.page = threading.Semaphore(0)
        self.stopped_at: int | None = None
        self.doc = self.service.read_document(
            filename="bc-9-thang.txt",
            data="Kim ngạch xuất khẩu 9 tháng năm 2024 đạt 769 triệu USD.".encode())

    def work(self, report: Callable[[str, int, int], None], wanted: Callable[[], bool]) -> Any:
        report("reading", 0, self.pages)
        for done in range(1, self.pages + 1):
            assert self.page.acquire(timeout=30)
            try:
                report("reading", done, self.pages)
            except BaseException:
                self.stopped_at = done
                raise
        report("indexing", self.pages, self.pages)
        return self.service.add_document(self.doc, wanted)


def until(check: Callable[[], Any], timeout: float = 30) -> Any:
    deadline = time.monotonic() + timeout
    while not (value := check()):
        assert time.monotonic() < deadline
        time.sleep(0.05)
    return value


def test_a_job_taken_on_one_host_answers_on_the_other(tmp_path: Path, database_url: str,
                                                      fake_embedder: FakeEmbedder) -> None:
    a = host(tmp_path, database_url, fake_embedder, "a")
    b = host(tmp_path, database_url, fake_embedder, "b")
    try:
        slow = Slow(a)
        taken = a.jobs.submit(slow.doc.id, slow.pages, slow.work)
        slow.page.release()
        with TestClient(create_app(b.settings, service=b)) as client:
            r = until(lambda: (r := client.get(f"/documents/{slow.doc.id}")).json().get(
                "pages_read") == 1 and r)
            assert r.status_code == 202 and r.json()["status"] == "reading"
            r = client.get(f"/documents/{slow.doc.id}/uploads/{taken.job}")
            assert r.status_code == 200 and r.json()["job"] == taken.job
            for _ in range(slow.pages - 1):
                slow.page.release()
            done = until(lambda: (j := b.upload_job(slow.doc.id, taken.job)) is not None
                         and j.status not in RUNNING and j)
            assert done.status == "done" and done.upload.status == "added"
            r = client.get(f"/documents/{slow.doc.id}")
            assert r.status_code == 200 and "769 triệu USD" in r.json()["text"]
        assert not (tmp_path / "host-a" / "uploads.sqlite").exists()
        assert not (tmp_path / "host-b" / "uploads.sqlite").exists()
    finally:
        a.close()
        b.close()


def test_a_delete_on_one_host_stops_the_upload_the_other_is_reading(
        tmp_path: Path, database_url: str, fake_embedder: FakeEmbedder) -> None:
    a = host(tmp_path, database_url, fake_embedder, "a")
    b = host(tmp_path, database_url, fake_embedder, "b")
    try:
        a.upsert([a.read_document(filename="khac.txt", data="Năm 2023 có 27 chợ.".encode())])
        slow = Slow(a)
        taken = a.jobs.submit(slow.doc.id, slow.pages, slow.work)
        slow.page.release()
        until(lambda: (j := b.upload_job(slow.doc.id, taken.job)) and j.pages_read == 1)
        b.delete_document(slow.doc.id)  # not indexed yet: its upload cancelled, no 404
        slow.page.release()  # A reads its next page, and stops there
        until(lambda: slow.stopped_at is not None)
        assert slow.stopped_at == 2
        for service in (a, b):
            j = service.upload_job(slow.doc.id, taken.job)
            assert j is not None and (j.status, j.error, j.pages_read) == ("cancelled",
                                                                          DELETED, 1)
        assert set(b.live.store.load().docs) == {"khac"}
    finally:
        a.close()
        b.close()


def test_a_delete_on_one_host_drops_the_upload_the_other_has_read(
        tmp_path: Path, database_url: str, fake_embedder: FakeEmbedder) -> None:
    """Cancelled past its last page, the upload is dropped where it is written: A's
    ``wanted()`` reads the shared row under the corpus's write lock."""
    a = host(tmp_path, database_url, fake_embedder, "a")
    b = host(tmp_path, database_url, fake_embedder, "b")
    try:
        a.upsert([a.read_document(filename="khac.txt", data="Năm 2023 có 27 chợ.".encode())])
        slow = Slow(a, pages=1)
        ready, cancelled = threading.Event(), threading.Event()

        def read_then_wait(report: Callable[[str, int, int], None],
                           wanted: Callable[[], bool]) -> Any:
            report("indexing", 1, 1)  # read: no page report left to stop it
            ready.set()
            assert cancelled.wait(30)
            return slow.service.add_document(slow.doc, wanted)

        taken = a.jobs.submit(slow.doc.id, 1, read_then_wait)
        assert ready.wait(30)
        b.delete_document(slow.doc.id)
        cancelled.set()
        a.jobs.close(wait=True)  # the job has ended
        j = b.upload_job(slow.doc.id, taken.job)
        assert j is not None and (j.status, j.error) == ("cancelled", DELETED)
        assert set(b.live.store.load().docs) == {"khac"}
    finally:
        a.close()
        b.close()
