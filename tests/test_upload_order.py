"""The last upload of a document wins: an earlier upload still reading in the background when
a later one of the same id is indexed is cancelled, so it cannot replace the later one when
it ends (break-test of issue 21: a corrected page sent while the first scan was read was
silently replaced by the old scan)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from conftest import FakeEmbedder

from rag.records import Document
from rag.service import RagService
from rag.settings import Settings


@pytest.mark.parametrize("backend", ["files", "postgres"])
def test_a_later_upload_cancels_an_earlier_one_still_reading(
        tmp_path: Path, backend: str, request: pytest.FixtureRequest):
    url = request.getfixturevalue("database_url") if backend == "postgres" else None
    service = RagService(Settings(index_dir=tmp_path / "index", sessions_db=tmp_path / "s.db",
                                  database_url=url), embedder=FakeEmbedder())
    release = threading.Event()
    old = service.read_document(filename="bao-cao.txt",
                                data="Bản cũ: kim ngạch xuất khẩu đạt 100 triệu USD.".encode())

    def slow(report, wanted):  # an OCR upload still reading its pages
        report("reading", 0, 3)
        release.wait(10)
        return service.add_document(old, wanted)

    job = service.jobs.submit("bao-cao", 3, slow)
    new = service.take_file("bao-cao.txt",
                            "Bản mới: kim ngạch xuất khẩu đạt 120 triệu USD.".encode())
    assert isinstance(new, Document)
    service.add_document(new)
    release.set()
    deadline = time.monotonic() + 10
    while service.upload_job("bao-cao", job.job).status not in ("done", "failed", "cancelled"):
        assert time.monotonic() < deadline
        time.sleep(0.05)
    assert service.upload_job("bao-cao", job.job).status == "cancelled"
    assert "Bản mới" in service.document("bao-cao").text
    service.close()
