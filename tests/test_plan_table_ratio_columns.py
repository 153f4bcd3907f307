"""A plan table's ratio columns are figures in every format: a column headed as a ratio to the
plan ("% KH", "TH/KH (%)", "% so kế hoạch", "So KH (%)") holds each row's share of its plan
for the period of the actual column, and one headed "% CK", "% so với cùng kỳ" or "So cùng kỳ
(%)" its index against the same period a year before (108,3 = a rise of 8,3%; 93,4 = a fall
of 6,6%).  A pipe table typed in a .txt or .md file without Markdown's delimiter row is read
as the table it is, as every other format's (break-test bt18-b17 failure 3: the row "| Kim
ngạch xuất khẩu | Triệu USD | 1.630 | 1.285 | 78,8 | 112,6 |" kept an empty indicator and
"đạt bao nhiêu phần trăm kế hoạch?" was refused at confidence 1.0).  Every document is built
here with other indicators, units, periods, numbers and headers than the break-test's."""

from __future__ import annotations

from datetime import date

import docx
import pytest
from conftest import service_over_files
from helpers import csv_bytes, docx_bytes, fpdf_page, html_rows, xlsx_bytes

from rag.ingest.markdown import pipe_tables, text_with_tables
from rag.records import AskOptions
from rag.service import RagService

_TXT = ("SỞ CÔNG THƯƠNG TỈNH NAM HẢI\n\n"
        "Báo cáo kết quả thực hiện nhiệm vụ 6 tháng đầu năm 2081\n\n"
        "Sản xuất công nghiệp ổn định, thương mại tiếp tục phục hồi.\n\n"
        "Bảng 2: Một số chỉ tiêu chủ yếu 6 tháng đầu năm 2081\n"
        "| Chỉ tiêu | ĐVT | KH năm 2081 | TH 6 tháng | % KH | % CK |\n"
        "| Sản lượng điện thương phẩm | Triệu kWh | 3.200 | 1.504 | 47,0 | 108,3 |\n"
        "| Doanh thu dịch vụ lưu trú | Tỷ đồng | 880 | 402 | 45,7 | 93,4 |\n")

_MD = ("# Tình hình thực hiện kế hoạch 9 tháng năm 2083\n\n"
       "Chỉ tiêu | Đơn vị tính | Kế hoạch 2083 | Ước TH 9 tháng | TH/KH (%) | % so với cùng kỳ\n"
       "Số lượt khách du lịch | Nghìn lượt | 2.450 | 1.962 | 80,1 | 114,2\n"
       "Sản lượng thủy sản | Tấn | 61.000 | 43.875 | 71,9 | 97,8\n")

_CSV: list[list[str]] = [["KẾT QUẢ THỰC HIỆN CHỈ TIÊU QUÝ I NĂM 2086"],
        ["Chỉ tiêu", "Đơn vị", "Kế hoạch năm 2086", "Thực hiện quý I", "% so kế hoạch",
         "So cùng kỳ (%)"],
        ["Tổng mức lưu chuyển hàng hóa", "Tỷ đồng", "12.600", "2.947", "23,4", "106,1"],
        ["Sản lượng khai thác than", "Nghìn tấn", "1.150", "262", "22,8", "91,7"]]

_XLSX: list[list[object]] = [["CHỈ TIÊU CHỦ YẾU 10 THÁNG NĂM 2088"],
         ["Chỉ tiêu", "ĐVT", "KH 2088", "TH 10 tháng", "So KH (%)", "% CK"],
         ["Vốn đầu tư thực hiện", "Tỷ đồng", 9400, 7238, 77.0, 111.5],
         ["Số doanh nghiệp thành lập mới", "Doanh nghiệp", 520, 441, 84.8, 95.3]]

_HTML = ("<html><head><title>Báo cáo ngành công thương 6 tháng đầu năm 2089</title></head>"
         "<body><h1>Báo cáo ngành công thương 6 tháng đầu năm 2089</h1><table>"
         + html_rows([["Chỉ tiêu", "ĐVT", "KH năm 2089", "TH 6 tháng", "% KH", "% CK"],
                      ["Sản lượng xi măng", "Nghìn tấn", "2.800", "1.316", "47,0", "104,9"],
                      ["Sản lượng gạch ốp lát", "Triệu m2", "36", "15,7", "43,6", "88,2"]])
         + "</table></body></html>")


def _docx() -> bytes:
    d = docx.Document()
    d.add_paragraph("Báo cáo kết quả sản xuất kinh doanh năm 2087")
    rows = (("Chỉ tiêu", "Đơn vị tính", "Kế hoạch 2087", "Ước TH năm 2087", "% KH", "% CK"),
            ("Sản lượng chè búp khô", "Tấn", "5.400", "5.643", "104,5", "109,2"),
            ("Doanh thu bán hàng qua sàn thương mại điện tử", "Tỷ đồng", "310", "287",
             "92,6", "98,4"))
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    for i, r in enumerate(rows):
        for j, v in enumerate(r):
            t.cell(i, j).text = v
    return docx_bytes(d)


def _pdf() -> bytes:
    pdf = fpdf_page()
    pdf.multi_cell(0, 6, "Kết quả thực hiện chỉ tiêu năng lượng 9 tháng năm 2090")
    pdf.ln(4)
    with pdf.table(first_row_as_headings=False) as table:
        for r in (("Chỉ tiêu", "ĐVT", "KH 2090", "TH 9 tháng", "% KH", "% CK"),
                  ("Sản lượng điện mặt trời", "Triệu kWh", "640", "518", "80,9", "121,4"),
                  ("Sản lượng khí sinh học", "Nghìn m3", "930", "611", "65,7", "96,5")):
            row = table.row()
            for c in r:
                row.cell(c)
    return bytes(pdf.output())


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    root = tmp_path_factory.mktemp("plan_table_ratios")
    files: dict[str, str | bytes] = {
        "namhai_6thang_2081.txt": _TXT, "dulich_9thang_2083.md": _MD,
        "quy1_2086.csv": csv_bytes(_CSV), "chitieu_10thang_2088.xlsx": xlsx_bytes(_XLSX),
        "sxkd_2087.docx": _docx(), "congthuong_6thang_2089.html": _HTML,
        "nangluong_9thang_2090.pdf": _pdf()}
    return service_over_files(root, files)


def _ask(service: RagService, question: str) -> tuple[bool, str, float]:
    a = service.ask(question, AskOptions(today=date(2091, 3, 1)))
    return a.found, a.answer, a.confidence


@pytest.mark.parametrize(("question", "expected"), [
    ("sản lượng điện thương phẩm 6 tháng đầu năm 2081 đạt bao nhiêu phần trăm kế hoạch?",
     "47,0%"),
    ("doanh thu dịch vụ lưu trú 6 tháng 2081 bằng bao nhiêu % kế hoạch năm?", "45,7%"),
    ("số lượt khách du lịch 9 tháng năm 2083 đạt bao nhiêu % kế hoạch?", "80,1%"),
    ("tổng mức lưu chuyển hàng hóa quý I/2086 đạt bao nhiêu phần trăm kế hoạch?", "23,4%"),
    ("vốn đầu tư thực hiện 10 tháng năm 2088 đạt bao nhiêu % kế hoạch?", "77"),
    ("sản lượng chè búp khô năm 2087 đạt bao nhiêu phần trăm kế hoạch?", "104,5%"),
    ("sản lượng xi măng 6 tháng đầu năm 2089 đạt bao nhiêu % kế hoạch?", "47,0%"),
    ("sản lượng điện mặt trời 9 tháng 2090 đạt bao nhiêu phần trăm kế hoạch?", "80,9%"),
])
def test_a_plan_share_column_answers_plan_share_questions(service: RagService, question: str,
                                                          expected: str) -> None:
    found, answer, _ = _ask(service, question)
    assert found and expected in answer, answer


@pytest.mark.parametrize(("question", "expected"), [
    ("sản lượng điện thương phẩm 6 tháng đầu năm 2081 tăng bao nhiêu so với cùng kỳ?",
     "tăng 8,3%"),
    ("doanh thu dịch vụ lưu trú 6 tháng 2081 so với cùng kỳ năm trước giảm bao nhiêu?",
     "giảm 6,6%"),
    ("số lượt khách du lịch 9 tháng năm 2083 tăng bao nhiêu phần trăm so với cùng kỳ?",
     "tăng 14,2%"),
    ("sản lượng thủy sản 9 tháng 2083 so với cùng kỳ tăng hay giảm?", "giảm 2,2%"),
    ("sản lượng khai thác than quý I năm 2086 so với cùng kỳ?", "giảm 8,3%"),
    ("số doanh nghiệp thành lập mới 10 tháng 2088 so với cùng kỳ tăng hay giảm?", "giảm 4,7%"),
    ("doanh thu bán hàng qua sàn thương mại điện tử năm 2087 so với năm trước?", "giảm 1,6%"),
    ("sản lượng gạch ốp lát 6 tháng đầu năm 2089 so với cùng kỳ?", "giảm 11,8%"),
    ("sản lượng điện mặt trời 9 tháng 2090 tăng bao nhiêu so với cùng kỳ?", "tăng 21,4%"),
])
def test_a_same_period_column_is_read_as_an_index(service: RagService, question: str,
                                                  expected: str) -> None:
    found, answer, _ = _ask(service, question)
    assert found and expected in answer, answer


@pytest.mark.parametrize(("question", "expected", "not_expected"), [
    ("kế hoạch năm 2081 sản lượng điện thương phẩm là bao nhiêu?", "3.200", "1.504"),
    ("sản lượng điện thương phẩm 6 tháng đầu năm 2081?", "1.504", "3.200"),
    ("sản lượng thủy sản 9 tháng năm 2083 được bao nhiêu tấn?", "43.875", "61.000"),
])
def test_the_level_columns_still_answer(service: RagService, question: str, expected: str,
                                        not_expected: str) -> None:
    found, answer, _ = _ask(service, question)
    assert found and expected in answer and not_expected not in answer, answer


def test_a_pipe_table_without_delimiter_row_becomes_figure_lines() -> None:
    text = text_with_tables(_TXT)
    assert "% KH — Sản lượng điện thương phẩm: 47,0%" in text, text
    assert "% CK — Doanh thu dịch vụ lưu trú: 93,4%" in text, text
    assert "TH 6 tháng — Sản lượng điện thương phẩm: 1.504 triệu kWh" in text, text


@pytest.mark.parametrize("lines", [
    ["Cập nhật lúc 2:05 PM | 22/5/2081"],  # one line: no table
    ["Trang chủ | Tin tức | Liên hệ", "Giới thiệu | Văn bản | Hỏi đáp"],  # no figure
    ["| Quý I | 12,5 |", "| Quý II | 13,1 | 9,8 |"],  # cells that do not line up
])
def test_pipe_lines_that_are_no_table_stay_text(lines: list[str]) -> None:
    assert pipe_tables(lines) == lines


def test_a_txt_table_without_delimiter_row_cites_its_row(service: RagService) -> None:
    a = service.ask("doanh thu dịch vụ lưu trú 6 tháng đầu năm 2081 đạt bao nhiêu % kế hoạch?",
                    AskOptions(today=date(2091, 3, 1)))
    assert a.found and "45,7%" in a.answer, a.answer
    assert a.citations and a.citations[0].doc_id == "namhai_6thang_2081", a.citations
