"""Uploaded files (.txt .md .html .pdf .docx) become Documents, or fail with IngestError."""

from __future__ import annotations

import io
import zipfile

import pytest
from helpers import make_docx, make_pdf

from rag.errors import IngestError
from rag.ingest.ids import file_id
from rag.ingest.uploads import read_upload


def test_ids_from_file_names_cannot_traverse_paths() -> None:
    assert file_id("../../etc/passwd.txt") == "passwd"
    assert file_id("C:\\\\Users\\\\x\\\\báo cáo.docx") == "báo_cáo"
    assert "/" not in file_id("a/b/../c d.md") and file_id("a/b/../c d.md") == "c_d"


def test_text_markdown_html() -> None:
    d = read_upload("bc.txt", "Báo cáo quý I\n\nKim ngạch xuất khẩu đạt 769 triệu USD.".encode())
    assert (d.id, d.title, d.source) == ("bc", "Báo cáo quý I", "upload")
    assert "769 triệu USD" in d.text
    md = read_upload("r.md", "# Tiêu đề\n\n**Bán lẻ** đạt 4.800 tỷ đồng.".encode())
    assert md.title == "Tiêu đề" and "Bán lẻ đạt 4.800 tỷ đồng." in md.text
    html = read_upload("p.html", b"<html><head><title>T</title><script>evil()</script></head>"
                                 b"<body><h1>Trang</h1><p>Noi dung 1.233 trieu USD.</p></body>")
    assert html.title == "Trang" and "evil" not in html.text and "1.233" in html.text


def test_docx_and_pdf() -> None:
    d = read_upload("bc.docx", make_docx("Báo cáo 6 tháng 2023",
                                         "Tổng mức bán lẻ đạt 14.659,9 tỷ đồng."))
    assert d.title == "Báo cáo 6 tháng 2023" and "14.659,9 tỷ đồng" in d.text
    assert 2023 in d.years
    p = read_upload("bc.pdf", make_pdf("Kim ngach xuat khau 2018 dat 769 trieu USD."))
    assert "769 trieu USD" in p.text and p.id == "bc"


@pytest.mark.parametrize("name, data, message", [
    ("a.exe", b"MZ\x90\x00", "unsupported file type"),
    ("a.txt", b"", "empty"),
    ("a.txt", b"   \n ", "empty"),
    ("a.txt", b"\x00\x01\x02binary", "binary"),
    ("a.txt", b"\xff\xfe\xfa not utf8", "UTF-8"),
    ("a.pdf", b"%PDF-1.4 garbage", "PDF"),
    ("a.docx", b"not a zip", "DOCX"),
    ("a.html", b"<html><script>x()</script></html>", "no text"),
])
def test_bad_uploads_fail_with_a_clear_message(name: str, data: bytes, message: str) -> None:
    with pytest.raises(IngestError, match=message):
        read_upload(name, data)


def test_docx_zip_bomb_is_refused_before_parsing() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<x/>")
        zf.writestr("word/document.xml", b"0" * (60 * 1024 * 1024))  # 60 MB of zeros
    assert len(buf.getvalue()) < 1024 * 1024
    with pytest.raises(IngestError, match="expands to more than"):
        read_upload("bomb.docx", buf.getvalue())
