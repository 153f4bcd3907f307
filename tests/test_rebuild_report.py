"""`rag index --rebuild` counted against the corpus it replaces: what it drops (uploads,
other folders' documents) is reported removed, on files and in PostgreSQL; and a files index
left behind when RAG_DATABASE_URL is set is named once, not ignored in silence."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from conftest import FakeEmbedder

from index.pgurl import redacted
from rag.ingest.readers import make_document
from rag.service import RagService
from rag.settings import Settings

TEXT = "Năm {year}, sản lượng chè Bắc Sơn đạt {tonnes} tấn, tăng 7,4% so với năm trước."


def service(root: Path, url: str | None = None) -> RagService:
    return RagService(Settings(index_dir=root / "index", database_url=url,
                               sessions_db=root / "s.db", index_poll_seconds=0),
                      embedder=FakeEmbedder())


def write(folder: Path, name: str, year: int, tonnes: str) -> None:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(f"Báo cáo {year}\n\n" + TEXT.format(year=year, tonnes=tonnes),
                               encoding="utf-8")


@pytest.fixture(params=["files", "postgres"])
def backend(request: pytest.FixtureRequest) -> str | None:
    """No database (files), or a new one."""
    return request.getfixturevalue("database_url") if request.param == "postgres" else None


def test_a_rebuild_reports_the_documents_it_dropped(tmp_path: Path, backend: str | None) -> None:
    docs = tmp_path / "docs"
    write(docs, "a.txt", 2020, "1.000")
    write(docs, "b.txt", 2021, "1.100")
    svc = service(tmp_path, backend)
    first = svc.index_paths([docs])
    assert len(first.added) == 2
    a_id, b_id = sorted(first.added)
    svc.upsert([make_document("upload1", TEXT.format(year=2022, tonnes="1.200"),
                              title="Báo cáo 2022", source="upload")])
    write(tmp_path / "other", "o.txt", 2019, "900")
    other = svc.index_paths([tmp_path / "other"]).added
    write(docs, "b.txt", 2021, "1.150")  # changed
    write(docs, "c.txt", 2023, "1.300")  # new

    report = svc.index_paths([docs], rebuild=True)
    assert report.removed == sorted(["upload1", *other])
    assert report.changed == [b_id]
    assert len(report.added) == 1 and report.added[0] not in (a_id, b_id)
    assert report.unchanged == 1
    assert set(svc.index.docs) == {a_id, b_id, *report.added}
    assert svc.where == (redacted(backend) if backend else str(tmp_path / "index"))
    svc.close()

    again = service(tmp_path, backend)  # a rebuild of an unchanged corpus changes nothing
    same = again.index_paths([docs], rebuild=True)
    assert (same.added, same.changed, same.removed, same.unchanged) == ([], [], [], 3)
    again.close()


def test_a_files_index_beside_an_empty_database_is_named(tmp_path: Path, database_url: str,
                                                          caplog: pytest.LogCaptureFixture
                                                          ) -> None:
    docs = tmp_path / "docs"
    write(docs, "a.txt", 2020, "1.000")
    files = service(tmp_path)
    files.index_paths([docs])
    files.close()
    with caplog.at_level(logging.WARNING, logger="rag.service"):
        db = service(tmp_path, database_url)
    warned = [r.getMessage() for r in caplog.records if "is not used" in r.getMessage()]
    assert len(warned) == 1, caplog.records
    assert str(tmp_path / "index") in warned[0] and "`rag index`" in warned[0]
    assert redacted(database_url) in warned[0]
    db.index_paths([docs])  # moved: the database holds documents now, nothing to say
    db.close()
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="rag.service"):
        service(tmp_path, database_url).close()
    assert not [r for r in caplog.records if "is not used" in r.getMessage()]
