"""A unit column after the figures whose header cell is blank -- "Chỉ tiêu | Kỳ | Giá trị |
(blank)", "Chỉ tiêu | Năm 2023 | Năm 2024 | (blank)" -- joins its cells to the row's figures in
HTML (with the indicator spanning its period rows, or not) and in PDF tables alike, the unit
known to the lexicon or not ("bến", "tuyến", "quầy").  Break-test bt16c, item 6:
the blank column was stored as a value of its own ("Năm 2022 — …: phòng"), so "1.302" was
answered without "phòng" and "312" without "nghìn đơn" (a thousandfold too small).  A headed
"Ghi chú" column, a blank-headed column of estimates' notes and one of numbers are no unit
column."""

from __future__ import annotations

from pathlib import Path

from conftest import FakeEmbedder
from helpers import fpdf_page

from rag.ingest.pdf import pdf_text
from rag.ingest.tables import table_lines
from rag.ingest.uploads import read_upload
from rag.service import RagService
from rag.settings import Settings

_ROWSPAN = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Bến xe</title></head>
<body><article><h1>Hoạt động các bến xe khách</h1>
<table><tr><th>Chỉ tiêu</th><th>Kỳ</th><th>Giá trị</th><th></th></tr>
<tr><td rowspan="2">Số bến xe khách đang hoạt động</td><td>Năm 2019</td><td>12</td><td>bến</td></tr>
<tr><td>Năm 2020</td><td>14</td><td>bến</td></tr>
<tr><td rowspan="2">Số tuyến vận tải cố định</td><td>Năm 2019</td><td>64</td><td>tuyến</td></tr>
<tr><td>Năm 2020</td><td>71</td><td>tuyến</td></tr>
<tr><td rowspan="2">Tỷ lệ xe đúng giờ</td><td>Năm 2019</td><td>91,4</td><td>%</td></tr>
<tr><td>Năm 2020</td><td>93,2</td><td>%</td></tr></table></article></body></html>"""

_PLAIN = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Hội chợ</title></head>
<body><article><h1>Kết quả tổ chức hội chợ</h1>
<table><tr><th>Chỉ tiêu</th><th>Năm 2021</th><th>Năm 2022</th><th></th></tr>
<tr><td>Số quầy tham gia hội chợ</td><td>356</td><td>418</td><td>quầy</td></tr>
<tr><td>Số hội viên hiệp hội doanh nghiệp</td><td>27,5</td><td>31,8</td><td>nghìn hội viên</td></tr>
</table></article></body></html>"""

_PDF_ROWS = [["Chỉ tiêu", "Năm 2025", "Năm 2026", ""],
             ["Số tài khoản ví điện tử đăng ký", "186", "243", "nghìn tài khoản"],
             ["Số thiết bị chấp nhận thẻ POS", "1.450", "2.130", "thiết bị"]]


def _service(tmp_path: Path, name: str, doc: bytes) -> RagService:
    service = RagService(Settings(index_dir=tmp_path / "i", sessions_db=tmp_path / "s.db"),
                         embedder=FakeEmbedder())
    service.add_document(read_upload(name, doc))
    return service


def _ruled_pdf(title: str, rows: list[list[str]]) -> bytes:
    """A ruled PDF table as fpdf2 sets one (break-test bt16c's u6n_tmdt.pdf)."""
    pdf = fpdf_page()
    pdf.set_font("dv", size=10)
    pdf.multi_cell(0, 6, title)
    pdf.ln(2)
    with pdf.table() as table:
        for cells in rows:
            row = table.row()
            for cell in cells:
                row.cell(cell)
    return bytes(pdf.output())


def test_html_rowspan_indicator_over_period_rows(tmp_path: Path) -> None:
    text = read_upload("ben-xe.html", _ROWSPAN.encode()).text
    assert "Năm 2020 — Số bến xe khách đang hoạt động: 14 bến" in text, text
    assert ": bến" not in text and ": %" not in text, text
    service = _service(tmp_path, "ben-xe.html", _ROWSPAN.encode())
    for question, expected in (("số bến xe khách đang hoạt động năm 2020?", "14 bến"),
                               ("số tuyến vận tải cố định năm 2019?", "64 tuyến"),
                               ("tỷ lệ xe đúng giờ năm 2019?", "91,4%")):
        assert service.ask(question).answer == expected, question


def test_html_plain_year_columns(tmp_path: Path) -> None:
    service = _service(tmp_path, "hoi-cho.html", _PLAIN.encode())
    for question, expected in (("số quầy tham gia hội chợ năm 2022?", "418 quầy"),
                               ("số hội viên hiệp hội doanh nghiệp năm 2021?",
                                "27,5 nghìn hội viên")):
        assert service.ask(question).answer == expected, question


def test_ruled_pdf_last_column_of_units(tmp_path: Path) -> None:
    doc = _ruled_pdf("Tình hình thanh toán không dùng tiền mặt", _PDF_ROWS)
    text = pdf_text("thanh-toan.pdf", doc)
    assert "Năm 2025 — Số tài khoản ví điện tử đăng ký: 186 nghìn tài khoản" in text, text
    service = _service(tmp_path, "thanh-toan.pdf", doc)
    for question, expected in (
            ("số tài khoản ví điện tử đăng ký năm 2026?", "243 nghìn tài khoản"),
            ("số thiết bị chấp nhận thẻ POS năm 2025?", "1.450 thiết bị")):
        assert service.ask(question).answer == expected, question


def test_notes_and_numbers_are_no_unit_column() -> None:
    noted = "\n".join(table_lines([
        ["Chỉ tiêu", "Năm 2021", "Năm 2022", "Ghi chú"],
        ["Số gian hàng tham gia hội chợ", "356", "418", "gian hàng"],
        ["Số lượt khách tham quan", "27,5", "31,8", "nghìn lượt"]]))
    assert "418 gian hàng" not in noted, noted  # a headed column is what its header says
    estimated = "\n".join(table_lines([
        ["Chỉ tiêu", "Năm 2021", "Năm 2022", ""],
        ["Số gian hàng tham gia hội chợ", "356", "418", "ước tính"],
        ["Số lượt khách tham quan", "27,5", "31,8", "số liệu sơ bộ"]]))
    assert "418 ước tính" not in estimated and "31,8 số liệu" not in estimated, estimated
    numbers = "\n".join(table_lines([
        ["Chỉ tiêu", "Năm 2021", "Năm 2022", ""],
        ["Số gian hàng tham gia hội chợ", "356", "418", "117,4"],
        ["Số lượt khách tham quan", "27,5", "31,8", "115,6"]]))
    assert "117,4" in numbers and "418 117" not in numbers, numbers
    grouped = "\n".join(table_lines([  # a second label column before the figures
        ["Chỉ tiêu", "", "Năm 2021", "Năm 2022"],
        ["Xuất khẩu", "Chính ngạch", "356", "418"],
        ["", "Tiểu ngạch", "27,5", "31,8"]]))
    assert "418 Chính ngạch" not in grouped and "356 Chính" not in grouped, grouped
