"""One document-id rule (and one date rule) for every door: `rag index` files and .jsonl lines,
POST /documents files, JSON bodies and `id` fields (``rag.ingest.ids``)."""

from __future__ import annotations

import json
import shutil
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import D001, SEEDS_DIR, FakeEmbedder
from fastapi.testclient import TestClient
from test_cli import assert_one_line_error, rag

from api.http.app import create_app
from rag.errors import IngestError
from rag.ingest.folders import load_documents
from rag.ingest.ids import check_date, check_id, document_id, file_id
from rag.ingest.readers import read_file
from rag.service import DOC_ID_PATTERN, RagService
from rag.settings import Settings

REPORT = "Báo cáo tháng 7\n\nTháng 7/2014, kim ngạch xuất khẩu đạt 50 triệu USD."
NAME = "Báo cáo tháng 7 (2014).txt"
ID = "Báo_cáo_tháng_7_2014"


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# --- the rule ------------------------------------------------------------------------------


@pytest.mark.parametrize("good", ["bc", "bao-cao_2018.v2", "Báo_cáo", "-x", "7", "a" * 100])
def test_ids_that_follow_the_rule_are_kept(good: str) -> None:
    assert check_id(good) == good
    assert check_id(f"  {good} ") == good
    assert document_id(good, "other.txt", "text") == good


@pytest.mark.parametrize(("bad", "says"), [
    ("", "is empty"),
    ("   ", "is empty"),
    ("a" * 101, "longer than 100 characters (101)"),
    ("../etc/passwd", "path separator"),
    ("a\\b", "path separator"),
    ("báo cáo", "holds ' '"),
    ("a#1", "holds '#'"),
    (".hidden", "starts with '.'"),
])
def test_ids_that_break_the_rule_are_refused_saying_why(bad: str, says: str) -> None:
    with pytest.raises(IngestError, match="document id") as err:
        check_id(bad)
    assert says in str(err.value)


def test_a_decomposed_id_is_its_composed_form() -> None:
    assert nfd("Báo_cáo") != "Báo_cáo"
    assert check_id(nfd("Báo_cáo")) == "Báo_cáo"
    assert file_id(nfd(NAME)) == file_id(NAME) == ID


@pytest.mark.parametrize(("name", "doc_id"), [
    (NAME, ID),
    ("bc (1).txt", "bc_1"),
    ("folder/sub/x y.md", "x_y"),
    ("C:\\Users\\x\\báo cáo.docx", "báo_cáo"),
    ("../../etc/passwd.txt", "passwd"),
    (".an toan.txt", "an_toan"),
    ("v1.2.txt", "v1.2"),
    ("x" * 150 + ".txt", "x" * 100),
])
def test_ids_from_file_names_are_normalised(name: str, doc_id: str) -> None:
    assert file_id(name) == doc_id
    assert check_id(doc_id) == doc_id  # a normalised name always follows the rule


@pytest.mark.parametrize("name", ["###.txt", "().md", "..txt", " _ .pdf"])
def test_a_file_name_with_nothing_left_is_an_error(name: str) -> None:
    with pytest.raises(IngestError, match="cannot make a document id from this file name"):
        file_id(name)


def test_the_pattern_clients_see_is_the_rule() -> None:
    import re

    for doc_id in ["bc", "Báo_cáo", "a" * 100, "-x"]:
        assert re.fullmatch(DOC_ID_PATTERN, doc_id)
    for doc_id in ["", "a" * 101, "a/b", "a b", ".x"]:
        assert not re.fullmatch(DOC_ID_PATTERN, doc_id)


@pytest.mark.parametrize(("value", "says"), [
    ("2025-02-30", "is not a real date"),
    ("2023-02-29", "is not a real date"),
    ("2018-13-01", "is not a real date"),
    ("22/05/2018", "is not a date written YYYY-MM-DD"),
    ("2018-5-2", "is not a date written YYYY-MM-DD"),
    ("", "is not a date written YYYY-MM-DD"),
])
def test_dates_must_be_real_days(value: str, says: str) -> None:
    with pytest.raises(IngestError, match=says):
        check_date(value)
    assert check_date("2024-02-29") == "2024-02-29"


# --- .jsonl: errors name the line ----------------------------------------------------------

GOOD = '{"id": "ok", "text": "Kim ngạch xuất khẩu đạt 769 triệu USD.", "date": "2018-05-22"}'


@pytest.mark.parametrize(("line", "says"), [
    ({"id": "a/b"}, 'line:3: "id" \'a/b\' holds a path separator'),
    ({"id": "x" * 101}, '"id" is longer than 100 characters'),
    ({"id": "báo cáo"}, "holds ' '"),
    ({"id": ".x"}, "starts with '.'"),
    ({"id": True}, 'missing "id"'),
    ({"date": "2025-02-30"}, '"date" \'2025-02-30\' is not a real date'),
    ({"date": "22/05/2018"}, "is not a date written YYYY-MM-DD"),
    ({"date": ""}, "is not a date written YYYY-MM-DD"),
])
def test_jsonl_ids_and_dates_are_checked_naming_the_line(tmp_path: Path, line: dict[str, object],
                                                         says: str) -> None:
    path = tmp_path / "bad.jsonl"
    rec = {"id": "b", "text": "Văn bản năm 2020.", **line}
    path.write_text(GOOD + "\n\n" + json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(IngestError) as err:
        load_documents([path])
    message = str(err.value)
    assert message.startswith(f"{path}:3: "), message
    assert says.replace("line:3: ", "") in message


def test_jsonl_ids_are_kept_composed(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps({"id": nfd("Báo_cáo"), "text": "Năm 2020 đạt 5 tấn."},
                               ensure_ascii=False) + "\n" + GOOD + "\n", encoding="utf-8")
    assert [d.id for d in read_file(path)] == ["Báo_cáo", "ok"]
    assert read_file(path)[1].date == "2018-05-22"


# --- every door gives the same id ----------------------------------------------------------


@pytest.fixture
def service(tmp_path: Path) -> Iterator[RagService]:
    svc = RagService(Settings(index_dir=tmp_path / "index", sessions_db=tmp_path / "s.db"),
                     embedder=FakeEmbedder())
    yield svc
    svc.close()


def test_rag_index_and_an_upload_give_a_file_the_same_id(service: RagService,
                                                         tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / NAME).write_text(REPORT, encoding="utf-8")
    report = service.index_paths([folder])
    assert report.added == [ID]
    # the same file uploaded, its name decomposed as macOS sends it: the same document
    doc = service.read_document(filename=nfd(NAME), data=REPORT.encode())
    assert doc.id == ID
    assert service.add_document(doc).status == "unchanged"
    assert service.get_document(nfd(ID)).id == ID  # looked up in either form


def test_rag_index_names_a_file_its_name_gives_no_id(service: RagService,
                                                     tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "ok.txt").write_text(REPORT, encoding="utf-8")
    (folder / "###.txt").write_text(REPORT, encoding="utf-8")
    report = service.index_paths([folder])
    assert report.added == ["ok"]
    assert "cannot make a document id" in report.skipped[str(folder / "###.txt")]
    with pytest.raises(IngestError, match="cannot make a document id") as err:
        service.index_paths([folder], strict=True)
    assert str(folder / "###.txt") in str(err.value)


def test_two_names_with_one_id_are_named(tmp_path: Path) -> None:
    (tmp_path / "bc 1.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "bc_1.txt").write_text(REPORT, encoding="utf-8")
    with pytest.raises(IngestError, match="document id 'bc_1' also comes from"):
        load_documents([tmp_path])


def test_an_unreadable_jsonl_file_keeps_its_documents(service: RagService,
                                                      tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "bc.txt").write_text(REPORT, encoding="utf-8")
    lines = folder / "reports.jsonl"
    lines.write_text("\n".join(json.dumps({"id": f"r{i}", "text": f"Năm 202{i} đạt {i} tấn."})
                               for i in range(3)) + "\n", encoding="utf-8")
    assert sorted(service.index_paths([folder]).added) == ["bc", "r0", "r1", "r2"]
    lines.write_text(lines.read_text(encoding="utf-8") + '{"id": "a/b", "text": "x"}\n',
                     encoding="utf-8")
    report = service.index_paths([folder])
    assert report.skipped == {str(lines): "line 4: \"id\" 'a/b' holds a path separator; use "
                                          "only letters, digits, '_', '-' and '.' (not '.' "
                                          "first)"}
    assert report.removed == []
    assert sorted(d.id for d in service.documents()) == ["bc", "r0", "r1", "r2"]


# --- over HTTP and the CLI -----------------------------------------------------------------


@pytest.fixture
def client(service: RagService) -> Iterator[TestClient]:
    with TestClient(create_app(service.settings, service=service)) as c:
        yield c


def test_http_uploads_follow_the_rule(client: TestClient) -> None:
    files = {"file": (nfd(NAME), REPORT.encode(), "text/plain")}
    r = client.post("/documents", files=files)
    assert r.status_code == 201 and r.json()["id"] == ID, r.text
    r = client.post("/documents", files=files, data={"id": nfd("Báo_cáo_7")})
    assert r.status_code == 201 and r.json()["id"] == "Báo_cáo_7", r.text
    r = client.post("/documents", files=files, data={"id": "a b"})
    assert r.status_code == 422 and "holds ' '" in r.text
    r = client.post("/documents", files={"file": ("###.txt", b"Some text.", "text/plain")})
    assert r.status_code == 422 and "cannot make a document id" in r.text
    for bad, says in (("a/b", "path separator"), (".x", "starts with '.'"),
                      ("ok id", "holds ' '")):  # a JSON body is checked as a file's id is
        r = client.post("/documents", json={"id": bad, "text": REPORT})
        assert r.status_code == 422 and says in r.text, r.text
    r = client.post("/documents", json={"id": "d1", "text": REPORT, "date": "2025-02-30"})
    assert r.status_code == 422 and "not a real date" in r.text
    r = client.post("/documents", json={"id": "d1", "text": REPORT, "date": "2014-07-31"})
    assert r.status_code == 201, r.text
    assert client.get(f"/documents/{nfd(ID)}").json()["id"] == ID
    assert client.delete(f"/documents/{nfd('Báo_cáo_7')}").status_code == 204
    assert sorted(d["id"] for d in client.get("/documents").json()["documents"]) == [ID, "d1"]


def test_rag_index_strict_names_the_file_in_one_line(cli_env: dict[str, str],
                                                     tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(SEEDS_DIR / f"{D001}.txt", folder)
    (folder / "###.txt").write_text(REPORT, encoding="utf-8")
    proc = rag(cli_env, "index", folder, "--index-dir", tmp_path / "index", "--strict")
    assert_one_line_error(proc, str(folder / "###.txt"), "cannot make a document id")
    assert not (tmp_path / "index" / "CURRENT").exists()
