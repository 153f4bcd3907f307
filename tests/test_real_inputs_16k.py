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
