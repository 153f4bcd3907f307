"""Two kinds of table from break-test bt16i of issue 16, item 6 (a PDF report on the border
gates, quý III năm 2034), the same in every reader (PDF, DOCX, HTML, XLSX):

1. A table by month under its own caption ("Bảng số liệu xuất khẩu theo tháng quý III năm
   2034 (triệu USD):", "Tháng | Xuất khẩu") after a table naming the indicator in full
   ("Kim ngạch xuất khẩu"): the months' rows were taken for rows of the first table, under
   the same (no) heading, and "kim ngạch xuất khẩu tháng 8 năm 2034" was refused as if the
   month's cell of the "Kim ngạch xuất khẩu" row were empty.  Each table is its own block
   of lines (rag.answer.figures.table_block).
2. A bare ratio column "So sánh (%)" beside "Quý III/2034 | Cùng kỳ 2033" was filed as a
   level of quý III/2033, and "... quý III năm 2034 so với cùng kỳ" was refused; it is the
   ratio of the period to the same period a year earlier
   (rag.ingest.tables.same_period_compared).

Near-misses: a row whose cell is empty is still not filled from a sibling row of its own
table; a share column "Tỷ lệ (%)" beside one period, and "So sánh (%)" after "Kế hoạch |
Thực hiện", keep their readings."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import service_over_files
from helpers import docx_bytes, docx_fill, fpdf_page, fpdf_table, html_rows

from rag.ingest.tables import table_lines
from rag.records import AskOptions
from rag.service import RagService

Table = tuple[str, list[list[str]]]  # (the line above it, its rows)


def report(kind: str, title: str, tables: list[Table]) -> tuple[str, bytes]:
    """(file name, bytes) of a report of ``kind`` ("pdf", "docx", "html"; "xlsx": each table
    on a sheet of its own) with a ``title`` and ``tables``, each under its line."""
    if kind == "xlsx":
        import io

        import openpyxl

        wb = openpyxl.Workbook()
        for k, (above, rows) in enumerate(tables):
            ws = wb.active if k == 0 else wb.create_sheet()
            ws.title = f"Biểu {k + 1}"
            for row in [[title if k == 0 else above], *([[above]] if k == 0 else []), *rows]:
                ws.append(row)
        out = io.BytesIO()
        wb.save(out)
        return "bao-cao.xlsx", out.getvalue()
    if kind == "html":
        body = "".join(f"<p>{above}</p><table>{html_rows(rows)}</table>" for above, rows in tables)
        return "bao-cao.html", (f"<html><body><article><h1>{title}</h1>{body}</article>"
                                "</body></html>").encode()
    if kind == "docx":
        import docx

        d = docx.Document()
        d.add_paragraph(title)
        for above, rows in tables:
            d.add_paragraph(above)
            docx_fill(d.add_table(rows=len(rows), cols=len(rows[0])), rows)
        return "bao-cao.docx", docx_bytes(d)
    pdf = fpdf_page()
    pdf.multi_cell(0, 8, title)
    for above, rows in tables:
        pdf.ln(2)
        pdf.multi_cell(0, 8, above)
        fpdf_table(pdf, rows)
    return "bao-cao.pdf", bytes(pdf.output())


def ask(tmp_path: Path, kind: str, title: str, tables: list[Table], question: str):  # noqa: ANN201
    name, data = report(kind, title, tables)
    service: RagService = service_over_files(tmp_path, {name: data})
    return service.ask(question, AskOptions(retrieval_mode="lexical"))


_GATES: Table = ("Quý III năm 2034, hoạt động qua các cửa khẩu thông suốt. Số liệu như sau:",
                 [["Chỉ tiêu", "Quý III/2034", "Cùng kỳ 2033", "So sánh (%)"],
                  ["Kim ngạch xuất khẩu (triệu USD)", "563", "498", "113,1"],
                  ["Kim ngạch nhập khẩu (triệu USD)", "289", "307", "94,1"],
                  ["Số tờ khai (tờ khai)", "24.118", "22.760", "106,0"]])
_MONTHS: Table = ("Bảng số liệu xuất khẩu theo tháng quý III năm 2034 (triệu USD):",
                  [["Tháng", "Xuất khẩu"], ["Tháng 7", "176"], ["Tháng 8", "192"],
                   ["Tháng 9", "195"]])
_YEAR: Table = ("Kết quả xuất nhập khẩu năm 2041 như sau:",
                [["Chỉ tiêu", "Đơn vị", "Năm 2041"],
                 ["Kim ngạch nhập khẩu", "triệu USD", "1.402"],
                 ["Kim ngạch xuất khẩu", "triệu USD", "2.310"]])
_IMPORT_MONTHS: Table = ("Nhập khẩu theo tháng 6 tháng đầu năm 2041 (triệu USD):",
                         [["Tháng", "Nhập khẩu", "Xuất khẩu"], ["Tháng 4", "117,5", "201,3"],
                          ["Tháng 5", "121,8", "188,0"], ["Tháng 6", "109,2", "176,4"]])


@pytest.mark.parametrize("kind", ["pdf", "docx", "html", "xlsx"])
@pytest.mark.parametrize(("title", "tables", "question", "expected"), [
    ("Báo cáo hoạt động cửa khẩu quý III năm 2034", [_GATES, _MONTHS],
     "kim ngạch xuất khẩu tháng 8 năm 2034", "192 triệu USD"),
    ("Báo cáo hoạt động cửa khẩu quý III năm 2034", [_GATES, _MONTHS],
     "kim ngạch xuất khẩu tháng 7/2034", "176 triệu USD"),
    ("Báo cáo tình hình xuất nhập khẩu năm 2041", [_YEAR, _IMPORT_MONTHS],
     "kim ngạch nhập khẩu tháng 5 năm 2041", "121,8 triệu USD"),
    ("Báo cáo tình hình xuất nhập khẩu năm 2041", [_YEAR, _IMPORT_MONTHS],
     "kim ngạch xuất khẩu tháng 6/2041", "176,4 triệu USD"),
])
def test_a_months_table_after_a_table_naming_the_indicator_in_full(
        tmp_path: Path, kind: str, title: str, tables: list[Table], question: str,
        expected: str) -> None:
    answer = ask(tmp_path, kind, title, tables, question)
    assert answer.answer == expected, answer.answer


@pytest.mark.parametrize("kind", ["pdf", "docx", "html", "xlsx"])
@pytest.mark.parametrize(("question", "expected"), [
    ("kim ngạch xuất khẩu quý III năm 2034 so với cùng kỳ", "13,1%"),
    ("kim ngạch nhập khẩu quý III năm 2034 tăng bao nhiêu so với cùng kỳ", "giảm 5,9%"),
    ("số tờ khai quý III năm 2034 bằng bao nhiêu % so với cùng kỳ", "106,0%"),
])
def test_a_bare_ratio_column_beside_a_period_and_its_same_period(
        tmp_path: Path, kind: str, question: str, expected: str) -> None:
    answer = ask(tmp_path, kind, "Báo cáo hoạt động cửa khẩu quý III năm 2034", [_GATES],
                 question)
    assert answer.found and expected in answer.answer, answer.answer
    assert answer.figure is not None and answer.figure.period is not None
    assert answer.figure.period.label == "quý III/2034", answer.figure


def test_the_same_period_first_and_other_periods() -> None:
    from rag.ingest.tables import same_period_compared

    got = table_lines([["Chỉ tiêu", "Cùng kỳ năm trước", "9 tháng năm 2040", "So sánh (%)"],
                       ["Tổng mức bán lẻ hàng hóa (tỷ đồng)", "14.210", "15.877", "111,7"]],
                      "Biểu 2. Thương mại 9 tháng năm 2040")
    assert "9 tháng năm 2040 so với Cùng kỳ năm trước (%) — Tổng mức bán lẻ hàng hóa: " \
           "111,7%" in got, got
    assert same_period_compared("Tháng 5/2039", "Cùng kỳ 2038") == \
        "Tháng 5/2039 so với Cùng kỳ 2038"
    assert same_period_compared("Kế hoạch", "Cùng kỳ 2038") is None
    assert same_period_compared("Năm 2038", "Năm 2039") is None


def test_near_miss_share_and_plan_columns_keep_their_reading() -> None:
    share = table_lines([["Mặt hàng", "Quý III/2034", "Tỷ lệ (%)"], ["Than đá", "120", "21,3"]],
                        "Bảng 4. Cơ cấu hàng nhập khẩu quý III năm 2034 (triệu USD)")
    assert not any("so với" in line for line in share), share
    plan = table_lines([["Chỉ tiêu", "Kế hoạch năm 2034", "Thực hiện năm 2034", "So sánh (%)"],
                        ["Kim ngạch xuất khẩu (triệu USD)", "2.400", "2.310", "96,3"]],
                       "Bảng 1. Kết quả thực hiện kế hoạch năm 2034")
    assert any("TH/KH" in line and "96,3%" in line for line in plan), plan


@pytest.mark.parametrize("kind", ["pdf", "docx", "html"])
def test_near_miss_an_empty_cell_is_not_filled_from_its_own_table(tmp_path: Path,
                                                                  kind: str) -> None:
    firms: Table = ("Tình hình phát triển doanh nghiệp như sau:",
                    [["Chỉ tiêu", "Năm 2027", "Năm 2028"],
                     ["Số doanh nghiệp thành lập mới", "310", ""],
                     ["Số hợp tác xã thành lập mới", "45", "52"]])
    answer = ask(tmp_path, kind, "Báo cáo tình hình kinh tế năm 2028",
                 [firms, _MONTHS], "số doanh nghiệp thành lập mới năm 2028")
    assert not answer.found, answer.answer
