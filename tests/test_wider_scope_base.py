"""A figure of a wider scope than asked, or against another base than asked, is no answer.

- A figure whose indicator adds a scope word the question does not say ("Vốn đầu tư thực
  hiện toàn xã hội", "... cả nước") loses to one of the indicator asked: "Giải ngân vốn đầu
  tư công 9 tháng" is the table's disbursed "Tổng số", whose other rows all write "Vốn ..."
  (rag.answer.figures.wider_scope, column_words_said, whole_row_wider).
- A change against a base year the question names is no answer when the report's is of
  another year ("so với kỳ gốc năm 2070" of a report saying "kỳ gốc năm 2069"): refused
  (rag.answer.figures.other_dated_base), the refusal naming the base the report has
  (rag.answer.answerer.base_note).
Issue 17, break-tests bt17u (dautu_cong_2064) and bt17t (ctk_thang7_2043); other reports,
numbers and file shapes here, near-misses kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import service_over_files
from helpers import docx_bytes, docx_fill, fpdf_page, html_rows, report_file

OTHERS = {
    "bao-cao-2071.txt": "BÁO CÁO KINH TẾ - XÃ HỘI NĂM 2071\n\nTổng mức bán lẻ hàng hóa năm "
                        "2071 của tỉnh Lam Sơn đạt 21.400 tỷ đồng, tăng 8,1% so với năm 2070."
                        "\n\nKim ngạch xuất khẩu năm 2071 đạt 1.106 triệu USD.\n",
}

PROSE = ["Báo cáo giải ngân vốn đầu tư công 9 tháng năm 2071",
         "Lam Sơn, ngày 05/10/2071. Tổng kế hoạch vốn đầu tư công năm 2071 được giao là "
         "7.210,4 tỷ đồng.",
         "Riêng tháng 9/2071, giải ngân đạt 455,1 tỷ đồng. Tỷ lệ giải ngân của tỉnh đứng thứ "
         "21/63 tỉnh, thành phố.",
         "Vốn đầu tư thực hiện toàn xã hội 9 tháng năm 2071 ước đạt 14.380 tỷ đồng, tăng 9,2% "
         "so với cùng kỳ."]
TABLE = [["Nguồn vốn", "Kế hoạch 2071 (tỷ đồng)", "Giải ngân đến 30/9/2071 (tỷ đồng)",
          "Tỷ lệ giải ngân (%)"],
         ["Tổng số", "7.210,4", "4.102,6", "56,9"],
         ["Vốn ngân sách địa phương", "4.015,2", "2.560,8", "63,8"],
         ["Vốn ngân sách trung ương", "3.195,2", "1.541,8", "48,3"]]


def _report(kind: str) -> tuple[str, bytes]:
    """The investment report PROSE then TABLE as ``kind`` ("docx", "html", "pdf")."""
    if kind == "docx":
        import docx

        d = docx.Document()
        for p in PROSE:
            d.add_paragraph(p)
        docx_fill(d.add_table(rows=len(TABLE), cols=len(TABLE[0])), TABLE)
        return "dautu.docx", docx_bytes(d)
    if kind == "html":
        body = "".join(f"<p>{p}</p>" for p in PROSE[1:])
        return "dautu.html", (f"<html><body><article><h1>{PROSE[0]}</h1>{body}<table>"
                              f"{html_rows(TABLE)}</table></article></body></html>").encode()
    pdf = fpdf_page()
    for p in PROSE:
        pdf.multi_cell(0, 8, p, new_x="LMARGIN", new_y="NEXT")
    with pdf.table(first_row_as_headings=False) as table:
        for r in TABLE:
            row = table.row()
            for c in r:
                row.cell(c)
    return "dautu.pdf", bytes(pdf.output())


def _said(answer: object) -> str:
    return str(getattr(answer, "answer", "") or "")


@pytest.mark.parametrize("kind", ["docx", "html", pytest.param("pdf", marks=pytest.mark.xfail(
    strict=True, reason="the PDF table's 'Tổng số' covers the question under "
    "weights.frame_min_coverage (0.48: the report's title is not read as the table's "
    "heading), another kind left open"))])
def test_public_investment_not_the_economy_wide_figure(tmp_path: Path, kind: str) -> None:
    name, data = _report(kind)
    service = service_over_files(tmp_path, {**OTHERS, name: data})
    for question in ("Giải ngân vốn đầu tư công 9 tháng năm 2071?",
                     "giai ngan von dau tu cong 9 thang nam 2071"):
        answer = service.ask(question)
        assert answer.found and _said(answer).startswith("4.102,6"), (question, _said(answer))
    # near-misses: the scope said gets the wider figure; a row named gets its row
    answer = service.ask("Vốn đầu tư thực hiện toàn xã hội 9 tháng năm 2071?")
    assert answer.found and _said(answer).startswith("14.380"), _said(answer)
    answer = service.ask("Giải ngân vốn ngân sách địa phương 9 tháng năm 2071?")
    assert answer.found and _said(answer).startswith("2.560,8"), _said(answer)


@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_province_not_the_country(tmp_path: Path, kind: str) -> None:
    name, data = report_file(kind, [
        "Tình hình xuất nhập khẩu 6 tháng năm 2072",
        "Theo Tổng cục Hải quan, kim ngạch xuất khẩu cả nước 6 tháng năm 2072 đạt 190,5 tỷ "
        "USD, tăng 11,2% so với cùng kỳ.",
        "Trên địa bàn tỉnh, kim ngạch xuất khẩu 6 tháng năm 2072 đạt 612,3 triệu USD, tăng "
        "7,4% so với cùng kỳ."])
    service = service_over_files(tmp_path, {**OTHERS, name: data})
    answer = service.ask("Kim ngạch xuất khẩu 6 tháng năm 2072 đạt bao nhiêu?")
    assert answer.found and _said(answer).startswith("612,3"), _said(answer)
    answer = service.ask("Kim ngạch xuất khẩu cả nước 6 tháng năm 2072?")
    assert answer.found and _said(answer).startswith("190,5"), _said(answer)


CPI = ["Báo cáo tình hình kinh tế - xã hội tháng 9 năm 2071",
       "Chỉ số giá tiêu dùng (CPI) tháng 9/2071 tăng 0,31% so với tháng trước; tăng 2,44% so "
       "với tháng 12 năm trước; tăng 3,12% so với cùng kỳ năm trước và tăng 15,86% so với kỳ "
       "gốc năm 2069."]


@pytest.mark.parametrize("kind", ["txt", "html", "docx"])
def test_another_base_year_is_refused(tmp_path: Path, kind: str) -> None:
    name, data = report_file(kind, CPI)
    service = service_over_files(tmp_path, {**OTHERS, name: data})
    for question in ("CPI tháng 9/2071 so với kỳ gốc năm 2070?",
                     "CPI thang 9/2071 so voi ky goc 2070"):
        answer = service.ask(question)
        said = _said(answer)
        # refused, naming the base the report states the change against
        assert not answer.found and "so với kỳ gốc năm 2069: 15,86%" in said, (question, said)
    answer = service.ask("Chỉ số giá tiêu dùng tháng 9/2071 tăng bao nhiêu so với năm gốc 2066?")
    assert not answer.found and "15,86" not in _said(answer).split("chỉ nêu")[0], _said(answer)
    # near-misses: the base year the report states, and its other bases, are answered
    answer = service.ask("CPI tháng 9/2071 so với kỳ gốc năm 2069?")
    assert answer.found and "15,86" in _said(answer), _said(answer)
    answer = service.ask("CPI tháng 9/2071 so với tháng 12 năm trước?")
    assert answer.found and "2,44" in _said(answer), _said(answer)
