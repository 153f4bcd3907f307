"""Background uploads across server processes (issue 21, review): each upload keeps its own job
and status, every process of the index sees it (it is kept beside the index), and deleting a
document cancels its upload still queued, whichever process took it.  Process A is a real
`rag serve`; process B is the app in the test, on the same index directory -- or, with
RAG_DATABASE_URL, each on its own directory and one PostgreSQL database (two hosts); scans are drawn
by bench/scan_pages.py and read by the real Tesseract (at 100 dpi, to be quick)."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from helpers import ServerProcess

from api.http.app import create_app
from rag.service import RagService
from rag.settings import Settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from scan_pages import MORE, REPORT, draw_page, scanned_pdf  # noqa: E402

DPI = 100
RUNNING = {"queued", "reading", "indexing"}


def _scan(pages: list, dpi: int = DPI) -> bytes:
    return scanned_pdf([draw_page(blocks, dpi) for blocks in pages], dpi)


@dataclass
class Two:
    a: ServerProcess  # took the uploads
    b: TestClient  # another process's app on the same index
    settings: Settings

    def post(self, name: str, data: bytes) -> dict:
        r = httpx.post(f"{self.a.base}/documents", files={"file": (name, data,
                                                                    "application/pdf")},
                       timeout=60)
        assert r.status_code == 202, r.text
        return dict(r.json())

    def until_done(self, doc_id: str, job: str, timeout: float = 180) -> dict:
        """Poll B for the upload ``job`` until it is no longer queued or running."""
        deadline = time.monotonic() + timeout
        while True:
            r = self.b.get(f"/documents/{doc_id}/uploads/{job}")
            assert r.status_code == 200, r.text
            if r.json()["status"] not in RUNNING:
                return dict(r.json())
            assert time.monotonic() < deadline, f"{r.json()} after {timeout} s\n{self.a.tail()}"
            time.sleep(0.2)


@pytest.fixture(params=["files", "postgres"])
def two(request: pytest.FixtureRequest, tmp_path: Path, cli_env: dict[str, str]
        ) -> Iterator[Two]:
    """A and B on one index directory, or -- "postgres" -- each on its own RAG_INDEX_DIR and
    one database (two hosts: the upload status is shared through the database alone)."""
    url = request.getfixturevalue("database_url") if request.param == "postgres" else None
    settings = Settings(index_dir=tmp_path / "index", sessions_db=tmp_path / "s.db",
                        rate_limit_per_minute=0, ocr_dpi=DPI, database_url=url)
    service = RagService(settings)
    with TestClient(create_app(settings, service=service)) as b:
        assert b.post("/documents", json={"id": "typed", "text": "Năm 2023 có 27 chợ biên "
                                                                 "giới."}).status_code == 201
        env = {**cli_env, "RAG_SESSIONS_DB": str(tmp_path / "s.db"),
               "RAG_RATE_LIMIT_PER_MINUTE": "0", "RAG_OCR_DPI": str(DPI)}
        a_dir = settings.index_dir
        if url is not None:
            env["RAG_DATABASE_URL"] = url
            a_dir = tmp_path / "host-a"
        a = ServerProcess(a_dir, env, tmp_path / "a.log")
        a.start()
        try:
            yield Two(a, b, settings)
        finally:
            a.stop()
    service.close()  # its pools too, before the database goes


def test_each_upload_keeps_its_own_status_and_another_process_sees_it(two: Two) -> None:
    """Two uploads of one document, the first of blank pages (it fails: no text), the second
    the real report, both taken by A: B shows each one's own status -- the first's end is
    not hidden by the second -- and the document's while they run.  The last upload wins: the
    first, if still reading when the second is taken, is cancelled saying why; if it got to
    its end first, it failed (no text)."""
    blank = two.post("bc-9-thang.pdf", _scan([[], [], []]))
    real = two.post("bc-9-thang.pdf", _scan(REPORT))
    assert blank["job"] and real["job"] and blank["job"] != real["job"]
    assert (blank["id"], real["id"], real["status"]) == ("bc-9-thang", "bc-9-thang", "queued")
    seen = two.b.get("/documents/bc-9-thang")
    assert seen.status_code == 202 and seen.json()["status"] in RUNNING
    first = two.until_done("bc-9-thang", blank["job"])
    expected = {"failed": "no text found", "cancelled": "later upload"}
    assert first["status"] in expected and expected[first["status"]] in first["error"]
    second = two.until_done("bc-9-thang", real["job"])
    assert second["status"] == "done" and second["upload"]["ocr_pages"] == [1, 2, 3]
    assert two.b.get(f"/documents/bc-9-thang/uploads/{blank['job']}").json()["status"] == \
        first["status"]  # still its own, after the second finished
    assert two.b.get("/documents/other/uploads/" + real["job"]).status_code == 404


def test_deleting_a_document_cancels_its_upload_queued_in_another_process(two: Two) -> None:
    """An upload queued in A behind another is cancelled by a DELETE sent to B (204, though
    the document is not indexed yet); it never comes into the index."""
    first = two.post("bc-9-thang.pdf", _scan(REPORT))
    queued = two.post("cua-khau.pdf", _scan([*MORE, REPORT[1]]))
    assert two.b.get(f"/documents/cua-khau/uploads/{queued['job']}").json()["status"] == \
        "queued"
    r = two.b.delete("/documents/cua-khau")
    assert r.status_code == 204, r.text
    assert two.until_done("bc-9-thang", first["job"])["status"] == "done"
    time.sleep(2)  # A's worker then takes the cancelled job up, and must drop it
    assert two.until_done("cua-khau", queued["job"])["status"] == "cancelled"
    fresh = RagService(two.settings)  # the index on disk, or in the database
    docs = {d.id for d in fresh.documents()}
    fresh.close()
    assert "bc-9-thang" in docs and "cua-khau" not in docs
    assert two.b.get("/documents/cua-khau").status_code == 404
    assert httpx.get(f"{two.a.base}/documents/cua-khau", timeout=30).status_code == 404
