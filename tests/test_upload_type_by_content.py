"""Issue 16, break-test round 10: an upload is typed by its content and its declared
Content-Type when its name's suffix is no type read here (a WebForms page saved as ".aspx",
a ".php"/".jsp"/".cfm"/".shtml" page, a name without a suffix), and a part's ``filename*``
names the document whatever the order of ``filename`` and ``filename*`` and whether a client
quoted it.  Every document is built here, over the real HTTP app (TestClient)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
from helpers import make_docx, make_pdf, xlsx_bytes

from rag.ingest.folders import iter_documents
from rag.ingest.readers import sniff_type

_PAGE = ("<!DOCTYPE html>\n<html><head><title>Tin tức thương mại</title></head><body>"
         "<h1>Xuất khẩu qua cửa khẩu Tân Thanh tháng 8 năm 2058</h1>"
         "<p>Kim ngạch xuất khẩu qua cửa khẩu Tân Thanh tháng 8 năm 2058 đạt 87,6 triệu USD.</p>"
         "</body></html>").encode()


@pytest.fixture
def http(tmp_path: Path):
    from conftest import empty_service
    from fastapi.testclient import TestClient

    from api.http.app import create_app

    service = empty_service(tmp_path)
    with TestClient(create_app(service.settings.model_copy(
            update={"rate_limit_per_minute": 0}), service=service)) as client:
        yield client


def _post(client, parameters: str, data: bytes, content_type: str):
    boundary = "b0undarySA"
    body = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; {parameters}\r\n'
            f"Content-Type: {content_type}\r\n\r\n").encode() + data + \
        f"\r\n--{boundary}--\r\n".encode()
    return client.post("/documents", content=body,
                       headers={"content-type": f"multipart/form-data; boundary={boundary}"})


# --- the type from the content, for a suffix that is no type ------------------------------

@pytest.mark.parametrize("name, content_type", [
    ("thong-tin-xk-thang-8.php", "text/html"),
    ("thong-tin-xk-thang-8.jsp", "application/octet-stream"),  # the bytes tell
    ("thong-tin-xk-thang-8.shtml", "text/html; charset=utf-8"),
    ("thong-tin-xk-thang-8", "application/octet-stream")])
def test_a_web_page_named_by_its_server_is_read_as_html(http, name: str,
                                                        content_type: str) -> None:
    r = _post(http, f'filename="{name}"', _PAGE, content_type)
    assert r.status_code == 201, r.text
    assert r.json()["id"] == "thong-tin-xk-thang-8"
    got = http.post("/ask", json={"question": "kim ngạch xuất khẩu qua cửa khẩu Tân Thanh "
                                              "tháng 8 năm 2058"})
    assert got.status_code == 200, got.text
    assert "87,6" in got.text


def test_a_page_declared_html_without_a_doctype_is_read(http) -> None:
    page = "<div><p>Năm 2058 sản lượng điện thương phẩm đạt 1.250 triệu kWh.</p></div>"
    r = _post(http, 'filename="sanluong.cfm"', page.encode(), "text/html")
    assert r.status_code == 201, r.text
    assert r.json()["id"] == "sanluong"


@pytest.mark.parametrize("name, data", [
    ("bao-cao-dau-tu.asp", make_pdf("Von dau tu cong nam 2058 dat 412 ty dong.")),
    ("bao-cao-dau-tu.aspx", make_docx("Vốn đầu tư công năm 2058 đạt 412 tỷ đồng.")),
    ("bao-cao-dau-tu.download", xlsx_bytes([["Chỉ tiêu", "Năm 2058"],
                                            ["Vốn đầu tư công (tỷ đồng)", 412]]))],
    ids=["pdf", "docx", "xlsx"])
def test_a_pdf_docx_or_xlsx_under_another_suffix_is_read_by_its_bytes(http, name: str,
                                                                     data: bytes) -> None:
    r = _post(http, f'filename="{name}"', data, "application/octet-stream")
    assert r.status_code == 201, r.text
    assert r.json()["id"] == "bao-cao-dau-tu"


@pytest.mark.parametrize("name, data", [
    ("ghi-chu.php", "Năm 2058 xuất khẩu đạt 5 triệu USD.".encode()),
    ("ghi-chu.dat", b"\x00\x01\x02binary\x00"),
    ("ghi-chu.zip", b"PK\x03\x04not really a zip")])
def test_a_file_of_no_type_keeps_the_clear_refusal(http, name: str, data: bytes) -> None:
    r = _post(http, f'filename="{name}"', data, "application/octet-stream")
    assert r.status_code == 415, r.text
    assert f"unsupported file type {Path(name).suffix}" in r.json()["detail"]
    assert http.get("/documents").json()["documents"] == []


def test_a_folder_reads_a_saved_page_and_names_a_file_of_no_type(tmp_path: Path) -> None:
    (tmp_path / "tin-xuat-khau.aspx").write_bytes(_PAGE)
    (tmp_path / "ghi-chu.php").write_text("Chỉ là ghi chú, không phải trang web.",
                                          encoding="utf-8")
    others: dict[str, str] = {}
    docs = list(iter_documents([tmp_path], {}, others=others))
    assert [d.id for d in docs] == ["tin-xuat-khau"]
    assert "87,6" in docs[0].text
    assert others == {str(tmp_path / "ghi-chu.php"): "unsupported file type .php"}


def test_sniffing_the_bytes() -> None:
    assert sniff_type(b"\xef\xbb\xbf  <!doctype HTML><html></html>") == ".html"
    assert sniff_type(b"<?xml version='1.0'?>\n<!-- saved -->\n<html lang='vi'>") == ".html"
    assert sniff_type(make_pdf("x")) == ".pdf"
    assert sniff_type(make_docx("x")) == ".docx"
    assert sniff_type(xlsx_bytes([["x"]])) == ".xlsx"
    assert sniff_type(b"<p>a fragment</p>") is None
    assert sniff_type("Năm 2058".encode()) is None


# --- filename* names the document, whatever the order (RFC 6266, 4.3) -----------------------

_NAME = "Thống kê du lịch quý 3 năm 2058.txt"
_TEXT = "Thống kê du lịch\n\nQuý 3 năm 2058 đón 412.000 lượt khách.".encode()


@pytest.mark.parametrize("encoded", [
    f"filename*=utf-8''{quote(_NAME)}",
    f"filename*=\"UTF-8''{quote(_NAME)}\"",  # quoted, as some clients send it
    f"filename*=UTF-8'vi'{quote(_NAME)}"])
@pytest.mark.parametrize("fallback_first", [False, True])
def test_the_encoded_name_wins_over_the_fallback_in_either_order(
        http, encoded: str, fallback_first: bool) -> None:
    fallback = 'filename="thong-ke-du-lich.txt"'
    parameters = f"{fallback}; {encoded}" if fallback_first else f"{encoded}; {fallback}"
    r = _post(http, parameters, _TEXT, "text/plain")
    assert r.status_code == 201, r.text
    assert r.json()["id"] == "Thống_kê_du_lịch_quý_3_năm_2058"


def test_a_quoted_encoded_name_alone_is_read(http) -> None:
    r = _post(http, f"filename*=\"utf-8''{quote(_NAME)}\"", _TEXT, "text/plain")
    assert r.status_code == 201, r.text
    assert r.json()["id"] == "Thống_kê_du_lịch_quý_3_năm_2058"
