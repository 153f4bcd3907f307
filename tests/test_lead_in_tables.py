"""Session 42 brief yeartitle (break-test bt16i, d07 and d09): a long-form table of year rows
("Năm 2033 | 19 hợp đồng") with no caption of its own is named by the prose line that leads
it ("Số hợp đồng ký kết tại các hội nghị xúc tiến thương mại qua các năm:").

Kind 1: the table's subject was the heading in force -- the page's title (HTML) or the note
row of the table before it ("Ghi chú: doanh thu bán hàng là số ước tính ...", read as a
heading) -- so questions naming the lead-in's subject were refused.  A note never heads; a
lead-in ending in ":" names the rows right under it (rag.vi.frames.lead_ins).
Kind 2: the table's "Tổng"/"Cộng" row was read as of the document's year and answered "năm
2035"; it totals the rows' years, its period their span ("giai đoạn 2033–2035").

Variants: HTML under an unrelated title, DOCX after a table ending in a note row, PDF, a
table with a header row, rows "2041"/"2042" and "Cộng", "Tổng cộng".  Near-misses: a table
with its own caption keeps it; a wide table's "Tổng" row (years as columns) keeps its
column's year; prose after the table keeps the heading's subject."""

from __future__ import annotations

import pytest
from conftest import service_over_files
from helpers import docx_bytes, docx_fill, fpdf_page, fpdf_table, html_rows

from rag.records import AskOptions
from rag.service import RagService


def _docx() -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("Báo cáo tổng kết hoạt động khuyến công năm 2045")
    d.add_paragraph("Bảng 2: Kết quả khuyến công cả năm 2045")
    t = d.add_table(rows=4, cols=2)
    docx_fill(t, [["Nội dung", "Kết quả"], ["Số lớp tập huấn", "18 lớp"],
                  ["Kinh phí hỗ trợ", "4,2 tỷ đồng"],
                  ["Ghi chú: kinh phí hỗ trợ là số ước tính của ban quản lý", ""]])
    t.cell(3, 0).merge(t.cell(3, 1))
    d.add_paragraph("Số máy móc thiết bị được hỗ trợ chuyển giao cho cơ sở nông thôn qua các năm:")
    docx_fill(d.add_table(rows=4, cols=2), [
        ["Năm 2043", "41 máy"], ["Năm 2044", "57 máy"], ["Năm 2045", "64 máy"],
        ["Tổng", "162 máy"]])
    return docx_bytes(d)


def _pdf() -> bytes:
    pdf = fpdf_page()
    pdf.multi_cell(0, 8, "BÁO CÁO tình hình phát triển hạ tầng thương mại\n\n"
                         "Các chợ được đầu tư xây mới, cải tạo. Số chợ nông thôn được nâng "
                         "cấp qua các năm như sau:")
    fpdf_table(pdf, [["2041", "12 chợ"], ["2042", "15 chợ"], ["Cộng", "27 chợ"]], headings=False)
    return bytes(pdf.output())


DOCS: dict[str, str | bytes] = {
    # the title names another subject; the lead-in names the rows'
    "hop_tac.html": (
        "<html><head><title>Hợp tác đầu tư vào khu kinh tế giai đoạn 2036-2040</title></head>"
        "<body><article><h1>Hợp tác đầu tư vào khu kinh tế giai đoạn 2036-2040</h1>"
        "<p>Sau 5 năm, khu kinh tế đã thu hút nhiều dự án. Số hợp đồng xuất khẩu gạo được "
        "ký kết qua các năm như sau:</p><table>"
        + html_rows([["Năm 2037", "23 hợp đồng"], ["Năm 2038", "31 hợp đồng"],
                     ["Năm 2039", "27 hợp đồng"], ["Tổng cộng", "81 hợp đồng"]])
        + "</table><p>Tổng vốn đầu tư đăng ký vào khu kinh tế trong giai đoạn 2036-2040 đạt "
          "18.650 tỷ đồng.</p></article></body></html>").encode(),
    "khuyen_cong.docx": _docx(),
    "ha_tang.pdf": _pdf(),
    # a header row over the year rows
    "dien.html": (
        "<html><body><article><h1>Tình hình cung ứng điện</h1>"
        "<p>Số hộ dân vùng cao được kéo điện lưới mới trong các năm:</p><table>"
        + html_rows([["Năm", "Số hộ (hộ)", "Kinh phí (tỷ đồng)"], ["Năm 2051", "310", "12,4"],
                     ["Năm 2052", "420", "16,8"], ["Tổng", "730", "29,2"]])
        + "</table></article></body></html>").encode(),
    # near-miss: a table with its own caption under a lead-in naming another thing
    "cho.html": (
        "<html><body><article><h1>Tình hình thương mại năm 2061</h1>"
        "<p>Kết quả cụ thể như sau:</p>"
        "<h3>Bảng 1. Số siêu thị trên địa bàn tỉnh</h3><table>"
        + html_rows([["Năm 2060", "6 siêu thị"], ["Năm 2061", "8 siêu thị"]])
        + "</table></article></body></html>").encode(),
    # near-miss: a wide table, years as columns, its "Tổng" row of each column's year
    "rong.html": (
        "<html><body><article><h1>Xuất khẩu nông sản năm 2071</h1><table>"
        + html_rows([["Mặt hàng", "Năm 2070", "Năm 2071"],
                     ["Hạt điều", "120 tấn", "140 tấn"], ["Hồi khô", "80 tấn", "95 tấn"],
                     ["Tổng", "200 tấn", "235 tấn"]])
        + "</table></article></body></html>").encode(),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("lead_in_tables"), DOCS)


NAMED_BY_LEAD_IN = [
    ("số hợp đồng xuất khẩu gạo ký kết năm 2038", "31 hợp đồng"),
    ("năm 2039 ký được bao nhiêu hợp đồng xuất khẩu gạo", "27 hợp đồng"),
    ("số máy móc thiết bị hỗ trợ chuyển giao cho cơ sở nông thôn năm 2044", "57 máy"),
    ("năm 2045 chuyển giao bao nhiêu máy móc thiết bị cho cơ sở nông thôn", "64 máy"),
    ("số chợ nông thôn được nâng cấp năm 2042", "15 chợ"),
    ("số hộ dân vùng cao được kéo điện lưới năm 2051", "310 hộ"),
]

TOTALS = [
    ("số hợp đồng xuất khẩu gạo ký kết giai đoạn 2037-2039", "81 hợp đồng"),
    ("số máy móc thiết bị chuyển giao cho cơ sở nông thôn giai đoạn 2043-2045", "162 máy"),
    ("số chợ nông thôn được nâng cấp giai đoạn 2041-2042", "27 chợ"),
    ("số hộ dân vùng cao được kéo điện lưới giai đoạn 2051-2052", "730 hộ"),
]

KEPT = [
    ("số siêu thị năm 2061", "8 siêu thị"),  # its own caption names it
    ("khối lượng hạt điều xuất khẩu năm 2071", "140 tấn"),
    ("tổng xuất khẩu nông sản năm 2071", "235 tấn"),  # a wide table's total
    ("tổng vốn đầu tư đăng ký vào khu kinh tế giai đoạn 2036-2040", "18.650 tỷ đồng"),
    ("số lớp tập huấn khuyến công năm 2045", "18 lớp"),
]


@pytest.mark.parametrize(("question", "value"), NAMED_BY_LEAD_IN + TOTALS + KEPT)
def test_a_lead_in_names_its_table(service: RagService, question: str, value: str) -> None:
    a = service.ask(question, AskOptions())
    assert a.found and a.answer == value, (question, a.answer, a.summary)


@pytest.mark.parametrize("question", [
    "năm 2045 chuyển giao bao nhiêu máy móc thiết bị cho cơ sở nông thôn",
    "tổng số máy móc thiết bị chuyển giao cho cơ sở nông thôn năm 2045",
    "năm 2042 nâng cấp bao nhiêu chợ nông thôn",
    "số hộ dân vùng cao được kéo điện lưới năm 2052",
])
def test_a_total_row_is_no_year_of_its_rows(service: RagService, question: str) -> None:
    a = service.ask(question, AskOptions())
    assert a.answer not in ("162 máy", "27 chợ", "730 hộ"), (question, a.answer, a.summary)


def test_the_rows_over_the_years(service: RagService) -> None:
    a = service.ask("số hợp đồng xuất khẩu gạo được ký kết qua các năm", AskOptions())
    assert a.found and all(v in a.answer for v in ("23", "31", "27")), (a.answer, a.summary)
    assert "81" not in a.answer, a.answer
