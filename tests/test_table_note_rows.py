"""Issue 16, break-test item 5: a table whose first row is one merged cell across it -- a note
("Ghi chú: số liệu sơ bộ năm 2066", "(Số liệu ước tính)"), a unit line ("Đơn vị tính: tỷ
đồng") or a caption ("Bảng 3: Sản lượng điện năm 2062") -- with no column-header row, its rows
"name | unit | value".  The merged row is read as a line before the rows (its period and unit
inherited as a caption's), never as a header nor as the figures' indicator; a unit cell joins
its value ("Điện thương phẩm: 1.733 GWh", not "Điện thương phẩm: GWh; 1.733").  DOCX first,
then the same shape in HTML, XLSX and CSV (one table reader: rag.ingest.tables).  Near-misses:
a merged group heading in the middle ("B. Thương mại") stays a sub-heading, a year no table
covers is refused, a header-less column of names is no unit column."""

from __future__ import annotations

import docx
import pytest
from conftest import service_over_files
from helpers import csv_bytes, docx_bytes, html_rows, xlsx_bytes

from rag.ingest.readers import read_bytes
from rag.ingest.tables import bare_unit_column, table_indicator, table_lines
from rag.records import AskOptions
from rag.service import RagService


def _docx(title: str, note: str, rows: list[list[str]]) -> bytes:
    """A report: its title, a sentence, then a table whose first row is ``note`` merged across
    it; a row of one cell is merged across too (a group heading)."""
    d = docx.Document()
    d.add_paragraph(title)
    d.add_paragraph("Tình hình sản xuất kinh doanh trên địa bàn tỉnh cơ bản ổn định.")
    width = max(len(r) for r in rows)
    table = d.add_table(rows=len(rows) + 1, cols=width)
    table.cell(0, 0).merge(table.cell(0, width - 1)).text = note
    for i, row in enumerate(rows, 1):
        if len(row) == 1:
            table.cell(i, 0).merge(table.cell(i, width - 1)).text = row[0]
            continue
        for j, text in enumerate(row):
            table.cell(i, j).text = text
    d.add_paragraph("Các doanh nghiệp tiếp tục duy trì sản xuất ổn định.")
    return docx_bytes(d)


DOCS: dict[str, str | bytes] = {
    "dien_2066.docx": _docx("Báo cáo tình hình ngành điện tỉnh Bắc Lâm",
                            "Ghi chú: số liệu sơ bộ năm 2066",
                            [["Điện thương phẩm", "GWh", "1.733"],
                             ["Điện sản xuất", "GWh", "2.105"]]),
    "ban_le_2061.docx": _docx("Báo cáo thương mại dịch vụ năm 2061", "Đơn vị tính: tỷ đồng",
                              [["Tổng mức bán lẻ hàng hóa", "18.420"],
                               ["Doanh thu dịch vụ lưu trú", "1.275"]]),
    "dien_nang_2062.docx": _docx("Báo cáo ngành công nghiệp", "Bảng 3: Sản lượng điện năm 2062",
                                 [["Điện năng tiêu thụ", "triệu kWh", "845,6"],
                                  ["Điện năng nhận từ lưới", "triệu kWh", "912,3"]]),
    "xi_mang_2063.docx": _docx("Báo cáo sản xuất công nghiệp năm 2063", "(Số liệu ước tính)",
                               [["Sản lượng xi măng", "nghìn tấn", "1.964"],
                                ["Sản lượng gạch xây", "triệu viên", "318"]]),
    # the note over a header row of two years, a total row and a unit column
    "xnk_2064.docx": _docx("Báo cáo xuất nhập khẩu tỉnh Bắc Lâm", "Ghi chú: số liệu sơ bộ",
                           [["Chỉ tiêu", "ĐVT", "Năm 2063", "Năm 2064"],
                            ["Tổng", "triệu USD", "900,5", "1.026,6"],
                            ["Xuất khẩu", "triệu USD", "512,4", "604,9"],
                            ["Nhập khẩu", "triệu USD", "388,1", "421,7"]]),
    # group headings merged across, in the middle
    "kinh_te_2065.docx": _docx("Báo cáo kinh tế năm 2065", "Ghi chú: số liệu năm 2065 là sơ bộ",
                               [["A. Công nghiệp"], ["Sản lượng than sạch", "nghìn tấn", "2.310"],
                                ["B. Thương mại"], ["Số chợ", "chợ", "86"]]),
    "than_2067.html": (
        "<html><head><title>Báo cáo ngành than</title></head><body><h1>Báo cáo ngành than</h1>"
        "<p>Ngành than duy trì sản xuất ổn định.</p><table>"
        "<tr><td colspan=3>Ghi chú: số liệu sơ bộ năm 2067</td></tr>" +
        html_rows([["Than sạch khai thác", "nghìn tấn", "3.418"],
                   ["Than tiêu thụ", "nghìn tấn", "3.102"]]) + "</table></body></html>"),
    "du_lich_2069.csv": csv_bytes([["Ghi chú: số liệu sơ bộ năm 2069", "", ""],
                                   ["Khách du lịch nội địa", "nghìn lượt", "1.284"],
                                   ["Khách du lịch quốc tế", "nghìn lượt", "96,5"]]),
    "nuoc_2071.xlsx": xlsx_bytes([["Ghi chú: số liệu sơ bộ năm 2071", None, None],
                                  ["Sản lượng nước máy", "triệu m3", "41,8"],
                                  ["Sản lượng điện", "triệu kWh", "955,2"]], merges=("A1:C1",)),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("note_rows"), DOCS)


@pytest.mark.parametrize(("question", "value", "row"), [
    ("điện thương phẩm năm 2066?", "1.733 GWh", "Điện thương phẩm"),
    ("Điện sản xuất năm 2066 là bao nhiêu", "2.105 GWh", "Điện sản xuất"),
    ("tổng mức bán lẻ hàng hóa năm 2061", "18.420 tỷ đồng", "Tổng mức bán lẻ hàng hóa"),
    ("điện năng tiêu thụ năm 2062", "845,6 triệu kWh", "Điện năng tiêu thụ"),
    ("sản lượng gạch xây năm 2063", "318 triệu viên", "Sản lượng gạch xây"),
    ("kim ngạch xuất khẩu năm 2064", "604,9 triệu USD", "Xuất khẩu"),
    ("sản lượng than sạch năm 2065", "2.310 nghìn tấn", "Sản lượng than sạch"),
    ("than sạch khai thác năm 2067", "3.418 nghìn tấn", "Than sạch khai thác"),
    ("khách du lịch quốc tế năm 2069", "96,5 nghìn lượt", "Khách du lịch quốc tế"),
    ("sản lượng nước máy năm 2071", "41,8 triệu m3", "Sản lượng nước máy"),
])
def test_a_row_under_a_merged_note_answers_with_its_unit(service: RagService, question: str,
                                                         value: str, row: str) -> None:
    a = service.ask(question, AskOptions())
    assert a.found and a.answer == value, (question, a.answer)
    # the row names the figure, never the note; the citation quotes the row
    assert row in a.summary and "Ghi chú" not in a.summary and "Số liệu" not in a.summary, \
        a.summary
    assert a.citations and row in a.citations[0].quote and value in a.citations[0].quote


def test_the_note_is_a_line_before_the_rows_not_a_header() -> None:
    text = read_bytes("dien_2066.docx", DOCS["dien_2066.docx"])[0].text  # type: ignore[arg-type]
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    at = lines.index("Ghi chú: số liệu sơ bộ năm 2066")
    assert lines[at + 1:at + 3] == ["Điện thương phẩm: 1.733 GWh", "Điện sản xuất: 2.105 GWh"]


def test_a_note_names_no_indicator_of_a_total_row() -> None:
    for note in ("Ghi chú: số liệu sơ bộ năm 2066", "Lưu ý: số liệu năm 2070 là ước tính",
                 "Nguồn: Cục Thống kê tỉnh"):
        assert table_indicator(note) == ""
    lines = table_lines([["Ghi chú: số liệu sơ bộ"] * 3, ["Chỉ tiêu", "Năm 2063", "Năm 2064"],
                         ["Tổng", "900,5", "1.026,6"], ["Xuất khẩu", "512,4", "604,9"],
                         ["Nhập khẩu", "388,1", "421,7"]])
    assert not any("Ghi chú" in line for line in lines[1:]), lines
    assert table_indicator("Bảng 3: Sản lượng điện năm 2062") == "Sản lượng điện"


def test_a_group_heading_in_the_middle_stays_a_sub_heading(service: RagService) -> None:
    text = read_bytes("kinh_te_2065.docx", DOCS["kinh_te_2065.docx"])[0].text  # type: ignore[arg-type]
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    at = lines.index("B. Thương mại")
    assert lines[at + 1] == "Số chợ: 86 chợ"
    a = service.ask("số chợ năm 2065", AskOptions())
    assert a.found and a.answer == "86 chợ", a.answer


def test_a_year_no_table_covers_is_refused(service: RagService) -> None:
    a = service.ask("điện thương phẩm năm 2075", AskOptions())
    assert not a.found, a.answer


def test_a_column_of_names_is_no_unit_column() -> None:
    body = [["Huyện Cao Lộc", "Xã Tân Liên", "120"], ["Huyện Văn Lãng", "Xã Tân Mỹ", "85"]]
    assert bare_unit_column(body, 0, set()) is None
    assert table_lines([["Ghi chú: số liệu sơ bộ năm 2066"] * 3, *body])[1] == \
        "Huyện Cao Lộc: Xã Tân Liên; 120"
    assert bare_unit_column([["Tốc độ tăng GRDP", "%", "6,2"]], 0, set()) == 1
