"""RagService.upsert: uploads that wait for the write lock are written together, and every
caller returns only once its documents are saved and searchable."""

from __future__ import annotations

import threading

import pytest

from index import Index
from rag.ingest import make_document
from rag.service import RagService
from rag.settings import Settings


def _doc(i: int):
    return make_document(f"up-{i}", f"Báo cáo số {i}: kim ngạch xuất khẩu đạt {100 + i} triệu "
                                    f"USD, mã kiểm tra mãsố{chr(97 + i)}.", title=f"Báo cáo {i}")


def test_concurrent_uploads_are_grouped_and_none_is_lost(tmp_path, fake_embedder):
    service = RagService(Settings(index_dir=tmp_path / "index"), embedder=fake_embedder)
    service.upsert([_doc(0)])
    commits = []
    real_commit = service._commit

    def slow_commit(*args, **kwargs):
        commits.append(len(args[1]))
        started.set()
        gate.wait(5)  # the first write is in progress while the others arrive
        return real_commit(*args, **kwargs)

    gate, started = threading.Event(), threading.Event()
    service._commit = slow_commit  # type: ignore[method-assign]
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

    service._commit = broken  # type: ignore[method-assign]
    with pytest.raises(OSError, match="disk on fire"):
        service.upsert([_doc(1)])
    assert service._waiting == []
