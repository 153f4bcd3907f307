"""A copy indexed BEFORE its original (issue 16, fourth break-test b16, item 3): "Copy of
x.txt" indexed, then "x.txt" with the same text.  Which one is the original is one rule
(``rag.search.copies.first_of``: a file not named as a copy, whatever the order; then the one
indexed earlier), so ``rag index``'s ``duplicates``, an upload's ``duplicate_of`` and the
document search and answers cite all name the same one.  Invented figures and names."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import http_client

_TEXT = ("SỞ CÔNG THƯƠNG TỈNH LẠNG SƠN\n"
         "BÁO CÁO Tình hình xuất nhập khẩu quý II năm 2033\n\n"
         "Quý II/2033, kim ngạch xuất nhập khẩu qua các cửa khẩu đạt 812,6 triệu USD; "
         "số phương tiện xuất cảnh là 41.230 lượt.\n")
_Q = "kim ngạch xuất nhập khẩu qua các cửa khẩu quý II/2033"


@pytest.fixture
def service(tmp_path):
    from conftest import empty_service
    return empty_service(tmp_path)


@pytest.fixture
def http(service):
    with http_client(service) as client:
        yield client


@pytest.mark.parametrize("copy_name", ["bc_xnk_q2_2033 - Copy.txt", "Bản sao bc_xnk_q2_2033.txt",
                                       "bc_xnk_q2_2033 (3).txt"])
def test_two_runs_copy_first_name_the_original_as_answers_cite_it(service, tmp_path: Path,
                                                                   copy_name: str) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / copy_name).write_text(_TEXT, "utf-8")
    first = service.index_paths([docs])
    assert first.duplicates == {}
    copy_id = first.added[0]
    (docs / "bc_xnk_q2_2033.txt").write_text(_TEXT, "utf-8")
    second = service.index_paths([docs])
    assert second.added == ["bc_xnk_q2_2033"]
    # the run that brings the original names the copy indexed before it
    assert second.duplicates == {copy_id: "bc_xnk_q2_2033"}
    assert service.duplicate_of(service.document(copy_id)) == "bc_xnk_q2_2033"
    assert service.duplicate_of(service.document("bc_xnk_q2_2033")) is None
    answer = service.ask(_Q + "?")
    assert "812,6" in answer.answer
    assert answer.citations[0].doc_id == "bc_xnk_q2_2033"
    assert service.search(_Q, top_k=3).hits[0].chunk.doc_id == "bc_xnk_q2_2033"


def test_http_upload_copy_first_names_the_cited_original(http) -> None:
    r = http.post("/documents", files={"file": ("Copy of bc_xnk_q2_2033.txt",
                                                _TEXT.encode(), "text/plain")})
    assert r.status_code == 201 and r.json()["duplicate_of"] is None, r.text
    copy_id = r.json()["id"]
    r = http.post("/documents", files={"file": ("bc_xnk_q2_2033.txt", _TEXT.encode(),
                                                "text/plain")})
    assert r.status_code == 201, r.text
    assert r.json()["duplicate_of"] is None  # the original is no copy of its copy
    # the copy uploaded once more: its reply names the original the answers cite
    r = http.post("/documents", files={"file": ("Copy of bc_xnk_q2_2033.txt",
                                                _TEXT.encode(), "text/plain")})
    assert r.json()["id"] == copy_id and r.json()["duplicate_of"] == "bc_xnk_q2_2033"
    a = http.post("/ask", json={"question": _Q + "?"}).json()
    assert a["citations"][0]["doc_id"] == r.json()["duplicate_of"]


def test_two_originals_the_one_indexed_earlier(service, tmp_path: Path) -> None:
    """No name marks a copy: the one indexed earlier is the original, in every door."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "xnk_quy_2.txt").write_text(_TEXT, "utf-8")
    service.index_paths([docs])
    (docs / "bao_cao_xnk.txt").write_text(_TEXT, "utf-8")
    assert service.index_paths([docs]).duplicates == {"bao_cao_xnk": "xnk_quy_2"}
    assert service.ask(_Q + "?").citations[0].doc_id == "xnk_quy_2"
