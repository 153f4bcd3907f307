"""Every copy of a text named as a copy (break-test bt5-b16, item 5): "x - Copy.txt"
uploaded, then "x (1).txt" -- no file of the text bears the plain name.  The original is the
one indexed earlier (``rag.search.copies.first_of``), and an upload's ``duplicate_of``,
``rag index``'s ``duplicates``, search and citations all name that one, in either order, for
any two marks and for three copies.  Invented figures and names (not the break-test's)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import http_client

_TEXT = ("SỞ CÔNG THƯƠNG TỈNH LẠNG SƠN\n"
         "BÁO CÁO Tình hình sản xuất công nghiệp tháng 8 năm 2047\n\n"
         "Tháng 8/2047, sản lượng xi măng của tỉnh đạt 64.318 tấn; "
         "sản lượng điện thương phẩm đạt 91,7 triệu kWh.\n")
_Q = "sản lượng xi măng tháng 8/2047"

# pairs of names that both mark a copy, in both orders (the first one comes first)
_PAIRS = [("sx_ct_t8_2047 - Copy.txt", "sx_ct_t8_2047 (1).txt"),
          ("sx_ct_t8_2047 (1).txt", "sx_ct_t8_2047 - Copy.txt"),
          ("Bản sao của sx_ct_t8_2047.txt", "sx_ct_t8_2047 (2).txt"),
          ("sx_ct_t8_2047 (2).txt", "Copy of sx_ct_t8_2047.txt")]


@pytest.fixture
def service(tmp_path):
    from conftest import empty_service
    return empty_service(tmp_path)


@pytest.fixture
def http(service):
    with http_client(service) as client:
        yield client


def _upload(http, name: str) -> dict:
    r = http.post("/documents", files={"file": (name, _TEXT.encode(), "text/plain")})
    assert r.status_code == 201, r.text
    return r.json()


def _cited(http) -> tuple[str, list[str]]:
    a = http.post("/ask", json={"question": _Q + "?"}).json()
    assert "64.318" in a["answer"], a
    hits = http.get("/search", params={"q": _Q, "k": 5}).json()
    docs = [h.get("doc_id") or h["chunk"]["doc_id"] for h in hits["hits"]] \
        if isinstance(hits, dict) else [h["doc_id"] for h in hits]
    return a["citations"][0]["doc_id"], docs


@pytest.mark.parametrize("names", _PAIRS + [(
    "sx_ct_t8_2047 - Copy.txt", "sx_ct_t8_2047 (1).txt", "Bản sao sx_ct_t8_2047.txt"), (
    "sx_ct_t8_2047 (3).txt", "Copy of sx_ct_t8_2047.txt", "sx_ct_t8_2047 - Copy (2).txt")])
def test_http_uploads_the_first_copy_is_the_original(http, names: tuple[str, ...]) -> None:
    first = _upload(http, names[0])
    assert first["duplicate_of"] is None
    for later in names[1:]:
        reply = _upload(http, later)
        assert reply["id"] != first["id"]
        assert reply["duplicate_of"] == first["id"], (later, reply)
    cited, found = _cited(http)
    assert cited == first["id"]
    assert found and set(found) == {first["id"]}  # each original once, no copy
    # the original uploaded again is still no copy of its copies
    assert _upload(http, names[0])["duplicate_of"] is None


@pytest.mark.parametrize("names", _PAIRS)
def test_rag_index_two_runs_agree_with_uploads(service, tmp_path: Path,
                                              names: tuple[str, str]) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / names[0]).write_text(_TEXT, "utf-8")
    first_id = service.index_paths([docs]).added[0]
    (docs / names[1]).write_text(_TEXT, "utf-8")
    second = service.index_paths([docs])
    [copy_id] = second.added
    assert second.duplicates == {copy_id: first_id}
    assert service.duplicate_of(service.document(copy_id)) == first_id
    assert service.duplicate_of(service.document(first_id)) is None
    assert service.ask(_Q + "?").citations[0].doc_id == first_id
    assert service.search(_Q, top_k=3).hits[0].chunk.doc_id == first_id


def test_rag_index_one_run_every_door_names_the_same(service, tmp_path: Path) -> None:
    """Both copies in one run: whichever the run indexed first, duplicates, duplicate_of,
    search and citations name it."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in _PAIRS[0]:
        (docs / name).write_text(_TEXT, "utf-8")
    run = service.index_paths([docs])
    [(copy_id, original)] = run.duplicates.items()
    assert service.duplicate_of(service.document(copy_id)) == original
    assert service.duplicate_of(service.document(original)) is None
    assert service.ask(_Q + "?").citations[0].doc_id == original
    assert service.search(_Q, top_k=3).hits[0].chunk.doc_id == original


@pytest.mark.parametrize("names", [("Copy of gio_t4_2049.txt", "Bản sao gio_t4_2049.txt"),
                                   ("gio_t4_2049 (2).txt", "gio_t4_2049.txt")])
def test_a_one_sentence_text_has_copies_too(http, names: tuple[str, str]) -> None:
    # a one-sentence report is all title: its sentence is both title and text (bt6-b16 item 7)
    text = "Số giờ nắng tháng 4 năm 2049 đạt 203,5 giờ.\n".encode()
    first, second = (http.post("/documents", files={"file": (n, text, "text/plain")}).json()
                     for n in names)
    original = first["id"] if "(2)" not in names[0] else second["id"]
    copy = second["id"] if original == first["id"] else first["id"]
    assert second["duplicate_of"] == (original if copy == second["id"] else None), second
    hits = http.get("/search", params={"q": "số giờ nắng tháng 4 năm 2049", "k": 5}).json()
    docs = {h.get("doc_id") or h["chunk"]["doc_id"] for h in hits["hits"]}
    assert docs == {original}, hits
