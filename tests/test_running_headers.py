"""PDF pages as offices print them (issue 16): a running header or footer -- the report's
name, the department's, "Trang 2/5" -- on every page is no part of the text, not the title,
and not spliced into a sentence a page break cut; a number line without its comma ("Số
61/BC-SCT ngày 03/7/2023") still dates the document.  Every document is built here."""

from __future__ import annotations

import pytest
from helpers import fpdf_page

from rag.ingest.pdf import running_keys
from rag.ingest.readers import signed_date
from rag.ingest.uploads import read_upload

FILLER = "Công tác quản lý nhà nước được tăng cường, các chương trình xúc tiến thương mại."


def _paged_pdf(header: str, footer: str, pages: list[list[str]]) -> bytes:
    """A report whose every page has ``header`` at its top and ``footer`` (``{n}``, ``{of}``:
    the page's number and the count) at its bottom, and its lines between (7 mm apart)."""
    pdf = fpdf_page()
    pdf.set_auto_page_break(False)
    for n, lines in enumerate(pages, 1):
        if n > 1:
            pdf.add_page()
        pdf.set_font("dv", size=9)
        pdf.set_xy(10, 8)
        pdf.cell(0, 5, header)
        pdf.set_font("dv", size=11)
        pdf.set_xy(10, 20)
        for line in lines:
            pdf.set_x(10)
            pdf.cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("dv", size=9)
        pdf.set_xy(10, 285)
        pdf.cell(0, 5, footer.format(n=n, of=len(pages)))
    return bytes(pdf.output())


@pytest.mark.parametrize("header,footer", [
    ("Sở Công Thương Lạng Sơn - Báo cáo năm 2013", "Trang {n}/{of}"),
    ("BÁO CÁO TÌNH HÌNH XUẤT NHẬP KHẨU NĂM 2013", "Phòng Quản lý Thương mại"),
    ("Báo cáo số 15/BC-SCT", "- {n} -"),
])
def test_running_lines_leave_the_text_and_the_sentence_is_joined(header: str,
                                                                 footer: str) -> None:
    first = ["BÁO CÁO Tổng kết công tác năm 2013", "Số 15/BC-SCT, ngày 10/01/2014", ""] + \
        [FILLER] * 30 + \
        ["Năm 2013, kim ngạch xuất khẩu hàng hóa qua các cửa khẩu trên địa bàn tỉnh đạt"]
    second = ["1.111 triệu USD, tăng 4,5% so với năm 2012.", FILLER]
    third = ["Số lượng doanh nghiệp xuất nhập khẩu năm 2013 là 634 doanh nghiệp."]
    doc = read_upload("bc_2013.pdf", _paged_pdf(header, footer, [first, second, third]))
    assert doc.title == "BÁO CÁO Tổng kết công tác năm 2013"
    assert doc.date == "2014-01-10"
    assert header not in doc.text and footer.format(n=2, of=3) not in doc.text
    assert "trên địa bàn tỉnh đạt 1.111 triệu USD, tăng 4,5% so với năm 2012." in doc.text
    assert "634 doanh nghiệp" in doc.text


def test_a_line_on_one_page_only_stays() -> None:
    pages = [["BÁO CÁO năm 2013", FILLER], [FILLER], [FILLER]]
    pdf = fpdf_page()
    pdf.set_auto_page_break(False)
    for n, lines in enumerate(pages, 1):
        if n > 1:
            pdf.add_page()
        pdf.set_xy(10, 8)
        pdf.cell(0, 5, "Ghi chú riêng cho phần mở đầu" if n == 1 else "")
        pdf.set_xy(10, 20)
        for line in lines:
            pdf.set_x(10)
            pdf.cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    doc = read_upload("bc.pdf", bytes(pdf.output()))
    assert "Ghi chú riêng cho phần mở đầu" in doc.title + doc.text


def test_running_keys_need_most_pages_and_two() -> None:
    assert running_keys([["a"], ["a"], ["b"]]) == {"a"}
    assert running_keys([["a"], ["b"], ["c"]]) == set()
    assert running_keys([["a"]]) == set()  # one page: nothing runs
    assert running_keys([[], ["a"], ["a"], ["a"], ["b"]]) == {"a"}  # no header on page 1


@pytest.mark.parametrize("line,day", [
    ("Số 61/BC-SCT ngày 03/7/2023", "2023-07-03"),
    ("Số: 61/BC-SCT ngày 03 tháng 7 năm 2023", "2023-07-03"),
    ("Số 231/BC-SCT, ngày 08/10/2020", "2020-10-08"),
    ("Số 5 doanh nghiệp ngày 03/7/2023", None),  # no document number
    ("Lạng Sơn ngày 05 tháng 6 năm 2025", None),
])
def test_number_line_dates_with_or_without_its_comma(line: str, day: str | None) -> None:
    assert signed_date(line) == day


def test_pdf_dated_by_a_number_line_without_comma() -> None:
    pages = [["SỞ CÔNG THƯƠNG LẠNG SƠN", "Số 61/BC-SCT ngày 03/7/2023", "",
              "BÁO CÁO Kết quả xuất nhập khẩu 6 tháng đầu năm 2023",
              "Kim ngạch xuất khẩu 6 tháng đầu năm 2023 đạt 1.321,8 triệu USD."]]
    doc = read_upload("bc_6t.pdf", _paged_pdf("", "", pages))
    assert doc.date == "2023-07-03"
