"""The same report in another format or under another title is a copy (issue 16, twelfth
break-test, item 13): a .md (its "# heading" the title, out of the text) and a .docx (its
heading kept in the text), a .txt re-saved as "x (1).docx", a JSON upload of a file's text
under a title of its own.  Invented figures."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from helpers import http_client

_MD = ("# Báo cáo thị trường tháng 9 năm 2031\n\n"
       "Tháng 9/2031, chỉ số giá tiêu dùng tăng 0,45% so với tháng trước.\n\n"
       "Số vụ vi phạm hàng giả bị xử lý trong tháng 9/2031 là **37 vụ**.\n")
_TXT = ("SỞ CÔNG THƯƠNG TỈNH LẠNG SƠN\n"
        "Số 172/BC-SCT ngày 5 tháng 8 năm 2031\n"
        "BÁO CÁO Tình hình thương mại tháng 7 năm 2031\n\n"
        "Tháng 7/2031, kim ngạch xuất khẩu đạt 120,4 triệu USD; tổng mức bán lẻ hàng hóa\n"
        "đạt 2.015,7 tỷ đồng.\n")


def _docx(paragraphs: list[str], heading: str | None = None) -> bytes:
    d = docx.Document()
    if heading:
        d.add_heading(heading, 1)
    for p in paragraphs:
        d.add_paragraph(p)
    bio = io.BytesIO()
    d.save(bio)
    return bio.getvalue()


@pytest.fixture
def service(tmp_path):
    from conftest import empty_service
    return empty_service(tmp_path)


@pytest.fixture
def http(service):
    with http_client(service) as client:
        yield client


def test_a_markdown_report_and_its_docx_are_copies(service, tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "bc_t9_2031.md").write_text(_MD, "utf-8")
    (folder / "Bản sao bc_t9_2031.docx").write_bytes(_docx(
        ["Tháng 9/2031, chỉ số giá tiêu dùng tăng 0,45% so với tháng trước.",
         "Số vụ vi phạm hàng giả bị xử lý trong tháng 9/2031 là 37 vụ."],
        heading="Báo cáo thị trường tháng 9 năm 2031"))
    report = service.index_paths([folder])
    assert report.duplicates == {"Bản_sao_bc_t9_2031": "bc_t9_2031"}


def test_a_text_file_saved_again_as_docx_is_its_copy(http) -> None:
    r = http.post("/documents", files={"file": ("bc_t7_2031.txt", _TXT.encode(), "text/plain")})
    assert r.status_code == 201, r.text
    lines = [line for line in _TXT.replace("hóa\nđạt", "hóa đạt").split("\n") if line]
    r = http.post("/documents", files={"file": ("bc_t7_2031 (1).docx", _docx(lines),
                                                "application/octet-stream")})
    assert r.status_code == 201, r.text
    assert r.json()["duplicate_of"] == "bc_t7_2031"


def test_a_json_text_under_another_title_is_the_files_copy(http) -> None:
    r = http.post("/documents", files={"file": ("bc_t7_2031.txt", _TXT.encode(), "text/plain")})
    assert r.status_code == 201, r.text
    r = http.post("/documents", json={"title": "Thương mại tháng 7/2031", "text": _TXT})
    assert r.status_code == 201, r.text
    assert r.json()["duplicate_of"] == "bc_t7_2031"


def test_same_format_copies_and_different_reports(http) -> None:
    r = http.post("/documents", files={"file": ("bc_t9_2031.md", _MD.encode(), "text/markdown")})
    assert r.status_code == 201, r.text
    r = http.post("/documents", files={"file": ("Copy of bc_t9_2031.md", _MD.encode(),
                                                "text/markdown")})
    assert r.json()["duplicate_of"] == "bc_t9_2031"
    other = _MD.replace("37 vụ", "38 vụ")
    r = http.post("/documents", files={"file": ("bc_t9_2031_sua.md", other.encode(),
                                                "text/markdown")})
    assert r.json()["duplicate_of"] is None
    # a report that is only its title line is nobody's copy
    r = http.post("/documents", json={"title": "Báo cáo thị trường tháng 9 năm 2031",
                                      "text": "Báo cáo thị trường tháng 9 năm 2031"})
    assert r.json()["duplicate_of"] is None


# issue 16, sixteenth break-test, item 10: the copy's passage was cited (conf 1.0) when the two
# formats chunk the text apart (the .html keeps its <h1> in the text, the .txt's first line is
# its title; a JSON upload's text has no heading at all)
_HTML = ("<html><head><title>Báo cáo sản xuất công nghiệp tháng 4 năm 2030</title></head><body>"
         "<h1>Báo cáo sản xuất công nghiệp tháng 4 năm 2030</h1>"
         "<p>Chỉ số sản xuất công nghiệp tháng 4/2030 tăng 5,7% so với cùng kỳ.</p>"
         "<p>Sản lượng xi măng tháng 4/2030 đạt 412,6 nghìn tấn.</p></body></html>")
_HTML_TEXT = ("Chỉ số sản xuất công nghiệp tháng 4/2030 tăng 5,7% so với cùng kỳ.\n\n"
              "Sản lượng xi măng tháng 4/2030 đạt 412,6 nghìn tấn.\n")


def _cited(answer) -> set[str]:
    return {c.doc_id for c in answer.citations} | {h.doc_id for h in answer.related}


def test_an_answer_cites_the_original_not_a_copy_in_another_format(service,
                                                                    tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "bc_cn_t4_2030.html").write_text(_HTML, "utf-8")
    (folder / "bc_cn_t4_2030 - Copy.txt").write_text(
        "Báo cáo sản xuất công nghiệp tháng 4 năm 2030\n\n" + _HTML_TEXT, "utf-8")
    report = service.index_paths([folder])
    assert report.duplicates == {"bc_cn_t4_2030_-_Copy": "bc_cn_t4_2030"}
    answer = service.ask("sản lượng xi măng tháng 4/2030")
    assert "412,6" in answer.answer and _cited(answer) == {"bc_cn_t4_2030"}


def test_an_http_answer_cites_the_file_not_a_later_json_copy(http) -> None:
    r = http.post("/documents", files={"file": ("bc_cn_t4_2030.html", _HTML.encode(),
                                                "text/html")})
    assert r.status_code == 201, r.text
    r = http.post("/documents", json={"title": "Công nghiệp tháng 4/2030", "text": _HTML_TEXT})
    assert r.status_code == 201 and r.json()["duplicate_of"] == "bc_cn_t4_2030", r.text
    r = http.post("/ask", json={"question": "sản lượng xi măng tháng 4/2030"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert "412,6" in body["answer"]
    assert {c["doc_id"] for c in body["citations"]} == {"bc_cn_t4_2030"}
    assert {h["doc_id"] for h in body["related"]} == {"bc_cn_t4_2030"}


def test_an_upload_reads_its_copies_from_the_cache_not_every_document(http, service,
                                                                       monkeypatch) -> None:
    import rag.service.documents as documents

    r = http.post("/documents", files={"file": ("bc_cn_t4_2030.html", _HTML.encode(),
                                                "text/html")})
    assert r.status_code == 201, r.text

    def every_document(*_args, **_kw):
        raise AssertionError("an upload folded every document again")

    monkeypatch.setattr(documents, "twins_by_body", every_document)
    r = http.post("/documents", json={"title": "Công nghiệp tháng 4/2030", "text": _HTML_TEXT})
    assert r.status_code == 201 and r.json()["duplicate_of"] == "bc_cn_t4_2030", r.text
    r = http.post("/documents", files={"file": ("bc_cn_t4_2030 (1).html", _HTML.encode(),
                                                "text/html")})
    assert r.json()["duplicate_of"] == "bc_cn_t4_2030"
    r = http.post("/documents", json={"title": "Khác", "text": "Năm 2030, có 12 chợ."})
    assert r.json()["duplicate_of"] is None
