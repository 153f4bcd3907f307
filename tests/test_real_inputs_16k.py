"""The tenth break-test of issue 16, what it found: a figure in brackets in a table cell is a
figure in every reader, a legacy-font PDF whose "ư" the PDF library loses is never indexed
silently, a JSON upload holding its title line is a copy of the same file, and three small
ones (a count noun after "là N", a range's compound unit, an upload with an empty file
name).  Every document is built here."""

from __future__ import annotations

import pytest
from helpers import csv_bytes, docx_bytes, docx_fill, fpdf_page, html_rows, xlsx_bytes

from rag.ingest.tables import column_numbers, is_figure, signed, table_lines
from rag.ingest.uploads import read_upload

# --- 1. a figure in brackets in a table cell ----------------------------------------------

# first data row bracketed: it was read as part of the header ("Quý II 2014 (−1,6)"), the unit
# column as figures ("Đơn vị % — Chỉ số giá xây dựng: %"), the units lost
_FIRST = [["Chỉ tiêu", "Đơn vị", "Quý II 2014"],
          ["Chỉ số giá vật liệu", "%", "(−1,6)"],
          ["Chỉ số giá xây dựng", "%", "+0,7"],
          ["Sản lượng thép cán", "nghìn tấn", "86,4"]]
_FIRST_LINES = ["Quý II 2014 — Chỉ số giá vật liệu: −1,6%",
                "Quý II 2014 — Chỉ số giá xây dựng: +0,7%",
                "Quý II 2014 — Sản lượng thép cán: 86,4 nghìn tấn"]
# bracketed further down, accounting style without a sign: a fall
_LATER = [["Chỉ tiêu", "ĐVT", "Năm 2016", "Năm 2017"],
          ["Lợi nhuận trước thuế", "tỷ đồng", "41,2", "(12,5)"],
          ["Tốc độ tăng doanh thu", "%", "(4,1)", "(−0,3)"]]
_LATER_LINES = ["Năm 2016 — Lợi nhuận trước thuế: 41,2 tỷ đồng",
                "Năm 2017 — Lợi nhuận trước thuế: −12,5 tỷ đồng",
                "Năm 2016 — Tốc độ tăng doanh thu: −4,1%",
                "Năm 2017 — Tốc độ tăng doanh thu: −0,3%"]


def _file(kind: str, rows: list[list[str]]) -> tuple[str, bytes]:
    if kind == "csv":
        return "bieu.csv", csv_bytes(rows)
    if kind == "xlsx":
        return "bieu.xlsx", xlsx_bytes([list(r) for r in rows])
    if kind == "html":
        page = f"<html><body><h1>Số liệu</h1><table>{html_rows(rows)}</table></body></html>"
        return "bieu.html", page.encode()
    if kind == "docx":
        import docx

        d = docx.Document()
        d.add_paragraph("Báo cáo số liệu")
        docx_fill(d.add_table(rows=len(rows), cols=len(rows[0])), rows)
        return "bieu.docx", docx_bytes(d)
    if kind == "pdf":
        pdf = fpdf_page()
        pdf.multi_cell(0, 8, "Báo cáo số liệu")
        with pdf.table(first_row_as_headings=False) as table:
            for r in rows:
                row = table.row()
                for c in r:
                    row.cell(c)
        return "bieu.pdf", bytes(pdf.output())
    raise AssertionError(kind)


@pytest.mark.parametrize("kind", ["csv", "xlsx", "docx", "html", "pdf"])
@pytest.mark.parametrize("rows, lines", [(_FIRST, _FIRST_LINES), (_LATER, _LATER_LINES)])
def test_a_bracketed_figure_in_a_table_cell_is_a_figure(kind: str, rows: list[list[str]],
                                                        lines: list[str]) -> None:
    """A bracketed cell is a figure of its row, negative, with the row's unit: the row is
    never taken into the header, the unit column never read as figures."""
    doc = read_upload(*_file(kind, rows))
    for line in lines:
        assert line in doc.text, (line, doc.text)
    assert "Đơn vị" not in doc.text and "ĐVT —" not in doc.text
    assert "(" + rows[1][-1].strip("()") + ")" not in doc.text.replace("(dòng", "")


def test_bracketed_cells_keep_the_sign_they_write() -> None:
    assert [signed(c) for c in ["(3,2)", "(−3,2)", "(-0,8)", "(+1,5)", "(1.250)", "(2,4)%",
                                "4,1", "(tỷ đồng)"]] == \
        ["−3,2", "−3,2", "-0,8", "+1,5", "−1.250", "−2,4%", "4,1", "(tỷ đồng)"]
    assert all(is_figure(c) for c in ["(−3,2)", "(3,2)", "(-0,8)"])


def test_a_row_numbering_the_columns_is_neither_header_nor_figures() -> None:
    """Forms number their columns under the header ("A | B | (1) | (2)"): no figure "−1"."""
    assert column_numbers(["A", "B", "(1)", "(2)", "(3)=(2)/(1)"])
    assert not column_numbers(["Lợi nhuận", "tỷ đồng", "(12,5)", "(3,1)"])
    assert not column_numbers(["Chi phí", "(4)", "(7)"])
    lines = table_lines([["Chỉ tiêu", "ĐVT", "Năm 2016", "Năm 2017"], ["A", "B", "(1)", "(2)"],
                         ["Lợi nhuận", "tỷ đồng", "41,2", "(12,5)"]])
    assert lines == ["Năm 2016 — Lợi nhuận: 41,2 tỷ đồng", "Năm 2017 — Lợi nhuận: −12,5 tỷ đồng"]


# --- 2. a legacy-font PDF whose "ư" the PDF library reads as a space ----------------------

_TCVN3_LINES = ["Năm 2009, sản lượng điện thương phẩm đạt 287 triệu kWh, tăng 2,6% so với năm "
                "trước.", "Số hộ sử dụng nước sạch năm 2009 là 41.250 hộ."]
# a TrueType font without a ToUnicode map, under WinAnsiEncoding, named or by default (as
# Windows prints a .VnTime document): pdfminer reads its 0xAD as a space
_FONTS = [b"<< /Type /Font /Subtype /TrueType /BaseFont /VnTime /Encoding /WinAnsiEncoding "
          b"/FirstChar 32 /LastChar 255 /Widths [" + b"500 " * 224 + b"] >>",
          b"<< /Type /Font /Subtype /TrueType /BaseFont /.VnTimeH >>"]


def _tcvn3_pdf(font: bytes) -> bytes:
    from helpers import pdf_bytes
    from test_real_inputs_16d import legacy

    lines = [legacy(line, "tcvn3").encode("latin-1") for line in _TCVN3_LINES]
    shown = b" T*\n".join(b"(" + line.replace(b"(", b"\\(").replace(b")", b"\\)") + b") Tj"
                         for line in lines)
    return pdf_bytes(b"BT /F1 10 Tf 40 760 Td 14 TL\n" + shown + b" T*\nET", font=font)


@pytest.mark.parametrize("font", _FONTS, ids=["VnTime-WinAnsi", "VnTimeH-default"])
def test_a_tcvn3_pdf_keeps_its_u(font: bytes) -> None:
    """TCVN3 writes "ư" at 0xAD; the PDF's text is read with it, not "tr ớc", "l ợng"."""
    doc = read_upload("dien_2009.pdf", _tcvn3_pdf(font))
    for line in _TCVN3_LINES:
        assert line in doc.text, doc.text


@pytest.mark.parametrize("text", [
    "Năm 2009 sản l ợng điện th ơng phẩm tăng so với năm tr ớc; l ợng khách tăng.",
    "Năm 2009 sản lợng điện thơng phẩm tăng so với năm trớc; lợng khách tăng.",
    "Doanh thu thơng mại tăng, sản lợng lúa tăng, số ngời dùng tăng so với cùng kỳ năm trớc.",
])
def test_a_text_that_lost_its_u_is_refused_naming_it(text: str) -> None:
    """A TCVN3 text whose "ư" a tool dropped ("trớc", "lợng", "thơng") is named, never
    indexed as it is."""
    from rag.ingest.legacy import LegacyEncodingError

    with pytest.raises(LegacyEncodingError, match="lost its letter"):
        read_upload("bc.txt", text.encode())


@pytest.mark.parametrize("text", [
    "Phó Thủ tướng Hồ Đức Phớc thăm cửa khẩu; ông Phớc đề nghị tăng cường thương mại.",
    "Sản lượng điện thương phẩm năm 2009 tăng so với năm trước; lượng khách tăng.",
    "Ông Phớc, bà Thơng và ông Lợng dự hội nghị thương mại; lượng hàng qua cửa khẩu tăng, "
    "năm trước tăng, năm nay tăng, phương án mới, đường mới.",
])
def test_well_spelt_text_and_names_are_not_taken_for_a_lost_u(text: str) -> None:
    assert text in read_upload("bc.txt", text.encode()).text


# --- 3. a JSON upload still holding its title line is a copy of the file -------------------

_REPORT = ("BÁO CÁO TÌNH HÌNH SẢN XUẤT CÔNG NGHIỆP QUÝ III NĂM 2031\n"
           "Số 77/BC-SCT ngày 05/10/2031\n\n"
           "Chỉ số sản xuất công nghiệp quý III năm 2031 tăng 6,4% so với cùng kỳ.\n"
           "Sản lượng gạch nung quý III năm 2031 đạt 38,2 triệu viên.\n")


@pytest.fixture
def http(tmp_path):
    from conftest import empty_service
    from fastapi.testclient import TestClient

    from api.http.app import create_app

    service = empty_service(tmp_path)
    with TestClient(create_app(service.settings.model_copy(
            update={"rate_limit_per_minute": 0}), service=service)) as client:
        yield client


@pytest.mark.parametrize("title", ["BÁO CÁO TÌNH HÌNH SẢN XUẤT CÔNG NGHIỆP QUÝ III NĂM 2031",
                                   "Báo cáo tình hình sản xuất công nghiệp quý III năm 2031",
                                   None])
def test_a_json_upload_holding_its_title_line_is_a_copy_of_the_file(http, title) -> None:
    """The text of a file pasted whole, its title given too, is that file's copy: named in
    ``duplicate_of`` and shown once in search."""
    r = http.post("/documents", files={"file": ("bc_q3_2031.txt", _REPORT.encode(),
                                                "text/plain")})
    assert r.status_code == 201, r.text
    body = {"text": _REPORT, **({"title": title} if title else {})}
    r = http.post("/documents", json=body)
    assert r.status_code == 201, r.text
    assert r.json()["duplicate_of"] == "bc_q3_2031"
    hits = http.get("/search", params={"q": "sản lượng gạch nung quý III năm 2031"}).json()
    texts = [h["text"] for h in hits["hits"]]
    assert len(texts) == len(set(texts)) and \
        {h["doc_id"] for h in hits["hits"]} == {"bc_q3_2031"}


def test_a_json_upload_whose_text_is_its_title_alone_keeps_it() -> None:
    from rag.ingest.readers import make_document

    doc = make_document("x", "Năm 2031 xuất khẩu đạt 5 triệu USD", title="Năm 2031 xuất "
                        "khẩu đạt 5 triệu USD", pasted=True)
    assert doc.text == "Năm 2031 xuất khẩu đạt 5 triệu USD"


# --- 4c. an empty file name is a missing one ------------------------------------------------

@pytest.mark.parametrize("disposition", ['filename=""', 'filename="  "', ""])
def test_an_upload_with_an_empty_file_name_is_told_it_has_none(http, disposition) -> None:
    boundary = "b0undary16k"
    name = f'; {disposition}' if disposition else ""
    body = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"{name}\r\n'
            "Content-Type: text/plain\r\n\r\nNăm 2031 xuất khẩu đạt 5 triệu USD.\r\n"
            f"--{boundary}--\r\n").encode()
    r = http.post("/documents", content=body,
                  headers={"content-type": f"multipart/form-data; boundary={boundary}"})
    assert r.status_code == 422, r.text
    assert "tệp không có tên" in r.json()["detail"]
