"""RagService under concurrent callers: uploads that wait for the write lock are written
together, and every caller returns only once its documents are saved and searchable; the first
requests of a fresh server open the index and the session store once."""

from __future__ import annotations

import threading
import time

import pytest
from helpers import run_in_threads

from index import Index
from rag.ingest.readers import make_document
from rag.service import RagService
from rag.settings import Settings


def _doc(i: int):
    return make_document(f"up-{i}", f"Báo cáo số {i}: kim ngạch xuất khẩu đạt {100 + i} triệu "
                                    f"USD.", title=f"Báo cáo {i}")


def test_concurrent_uploads_are_grouped_and_none_is_lost(tmp_path, fake_embedder):
    service = RagService(Settings(index_dir=tmp_path / "index"), embedder=fake_embedder)
    service.upsert([_doc(0)])
    commits = []
    real_commit = service.live.commit

    def slow_commit(*args, **kwargs):
        commits.append(len(args[1]))
        started.set()
        gate.wait(5)  # the first write is in progress while the others arrive
        return real_commit(*args, **kwargs)

    gate, started = threading.Event(), threading.Event()
    service.live.commit = slow_commit  # type: ignore[method-assign]
    reports = {}
    threads = [threading.Thread(target=lambda i=i: reports.__setitem__(i, service.upsert(
        [_doc(i)]))) for i in range(1, 9)]
    for t in threads:
        t.start()
    assert started.wait(10)
    gate.set()
    for t in threads:
        t.join(30)
    assert sorted(reports) == list(range(1, 9))
    assert len(commits) < 8  # the waiting uploads were written together
    for i, report in reports.items():
        assert f"up-{i}" in report.added
    index = Index.load(tmp_path / "index")
    assert {f"up-{i}" for i in range(9)} <= set(index.docs)


def test_a_failed_group_write_fails_every_waiting_upload(tmp_path, fake_embedder):
    service = RagService(Settings(index_dir=tmp_path / "index"), embedder=fake_embedder)

    def broken(*args, **kwargs):
        raise OSError("disk on fire")

    service.live.commit = broken  # type: ignore[method-assign]
    with pytest.raises(OSError, match="disk on fire"):
        service.upsert([_doc(1)])
    assert service.live._waiting == []


def test_waiting_uploads_leave_threads_for_questions(tmp_path, fake_embedder):
    """More uploads waiting for the writer than the server has threads: /readyz and /ask
    still answer at once, and every upload is written when the writer is free."""
    import httpx
    from helpers import serve

    settings = Settings(index_dir=tmp_path / "index", rate_limit_per_minute=0, write_threads=4)
    service = RagService(settings, embedder=fake_embedder)
    service.upsert([_doc(0)])
    n = 48  # above the 40 threads of the server's default pool
    with serve(settings, service) as base:
        service.live._write_lock.acquire()  # the writer is busy
        try:
            statuses: dict[int, int] = {}

            def upload(i: int) -> None:
                r = httpx.post(f"{base}/documents", timeout=60,
                               json={"id": f"up-{i}", "text": _doc(i).text})
                statuses[i] = r.status_code

            threads = [threading.Thread(target=upload, args=(i,)) for i in range(1, n + 1)]
            for t in threads:
                t.start()
            waiting = 0
            for _ in range(200):  # until the write threads are all taken
                with service.live._waiting_lock:
                    waiting = len(service.live._waiting)
                if waiting >= settings.write_threads:
                    break
                time.sleep(0.05)
            assert waiting == settings.write_threads
            assert httpx.get(f"{base}/readyz", timeout=5).status_code == 200
            r = httpx.post(f"{base}/ask", json={"question": "kim ngạch xuất khẩu"}, timeout=5)
            assert r.status_code == 200
        finally:
            service.live._write_lock.release()
        for t in threads:
            t.join(60)
    assert statuses == {i: 201 for i in range(1, n + 1)}
    assert {f"up-{i}" for i in range(n + 1)} <= set(Index.load(tmp_path / "index").docs)


def test_concurrent_first_callers_open_the_index_and_sessions_once(tmp_path, fake_embedder):
    settings = Settings(index_dir=tmp_path / "index", sessions_db=tmp_path / "s.db")
    RagService(settings, embedder=fake_embedder).upsert([_doc(0)])
    service = RagService(settings, embedder=fake_embedder)
    loads = []
    real_load = service.live.load

    def slow_load():
        loads.append(1)
        time.sleep(0.2)  # every thread arrives while the first one is reading the disk
        return real_load()

    service.live.load = slow_load  # type: ignore[method-assign]
    seen: dict[int, tuple[object, object]] = {}
    errors = run_in_threads(lambda i: seen.__setitem__(i, (service.index, service.sessions)), 16)
    assert errors == []
    assert len(loads) == 1
    assert len({id(index) for index, _ in seen.values()}) == 1
    assert len({id(store) for _, store in seen.values()}) == 1
    service.close()


def test_an_upload_during_the_first_load_is_not_lost(tmp_path, fake_embedder):
    settings = Settings(index_dir=tmp_path / "index")
    RagService(settings, embedder=fake_embedder).upsert([_doc(0)])
    service = RagService(settings, embedder=fake_embedder)
    real_load, real_commit, calls = service.live.load, service.live.commit, []
    committed = threading.Event()

    def load():
        calls.append(1)
        index = real_load()
        if len(calls) == 1:  # the first reader is still loading when the upload comes, and
            committed.wait(2)  # (were the upload not to wait for it) until it is written
        return index

    def commit(*args, **kwargs):
        report = real_commit(*args, **kwargs)
        committed.set()
        return report

    service.live.load = load  # type: ignore[method-assign]
    service.live.commit = commit  # type: ignore[method-assign]
    reader = threading.Thread(target=lambda: service.index)
    reader.start()
    time.sleep(0.05)
    service.upsert([_doc(1)])  # acknowledged: it must stay in the served index
    reader.join()
    assert set(service.index.docs) == {"up-0", "up-1"}
    assert len(calls) == 1  # the upload built on the reader's load, not on one of its own
