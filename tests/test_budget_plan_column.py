"""A plan (estimate, target) figure asked by its own words: "Dự toán tổng thu NSNN năm 2029?"
answers the "Dự toán 2029" column, the "Kế hoạch 2032"/"KH năm 2033" column or the sentence
"dự toán giao ... tỷ đồng", marked as a target; a question without a plan word keeps the
actual and a share-of-plan question keeps the percentage (issue 17, break-test bt17h: the
cell "9.697" of a table that writes no unit was refused as "money with its currency left
out").  Tables of our own in DOCX, XLSX and HTML, other indicators, years and headers."""

from __future__ import annotations

import docx
import pytest
from conftest import service_over_files
from helpers import docx_bytes, docx_fill, html_rows, xlsx_bytes

from rag.records import AskOptions
from rag.service import RagService


def _docx() -> bytes:
    d = docx.Document()
    d.add_paragraph("Kết quả thu ngân sách nhà nước tỉnh Lạng Sơn năm 2031")
    d.add_paragraph("Tổng thu ngân sách nhà nước trên địa bàn tỉnh năm 2031 đạt 12.305 tỷ đồng, "
                    "bằng 121,4% dự toán, tăng 7,2% so với năm 2030. Thu nội địa đạt 5.902 "
                    "tỷ đồng, bằng 109,8% dự toán.")
    rows = [["Chỉ tiêu", "Dự toán 2031", "Thực hiện 2031", "So dự toán (%)"],
            ["Tổng thu NSNN trên địa bàn", "10.136", "12.305", "121,4"],
            ["Thu nội địa", "5.375", "5.902", "109,8"],
            ["Thu từ hoạt động XNK", "4.761", "6.403", "134,5"]]
    docx_fill(d.add_table(rows=len(rows), cols=len(rows[0])), rows)
    return docx_bytes(d)


DOCS: dict[str, str | bytes] = {
    "ngansach_2031.docx": _docx(),
    "dautu_2032.xlsx": xlsx_bytes([
        ["Tình hình thực hiện vốn đầu tư phát triển năm 2032"],
        ["Chỉ tiêu", "Kế hoạch 2032", "Thực hiện 2032", "% so KH"],
        ["Tổng vốn đầu tư phát triển toàn xã hội", 21450, 22630, 105.5],
        ["Vốn ngân sách nhà nước", 6120, 5874, 96.0]]),
    "thuongmai_2033.html": (
        "<html><body><article><h1>Kết quả ngành thương mại năm 2033</h1>"
        "<p>Doanh thu bán lẻ hàng hóa năm 2033 đạt 48.920 tỷ đồng, tăng 10,2% so với năm "
        "2032.</p><table>" + html_rows([
            ["Chỉ tiêu", "KH năm 2033", "TH năm 2033"],
            ["Doanh thu bán lẻ hàng hóa", "46.500", "48.920"],
            ["Kim ngạch xuất khẩu", "1.850", "1.912"]]) +
        "</table></article></body></html>"),
    "thunoidia_2034.txt": (
        "Thu ngân sách tỉnh Lạng Sơn năm 2034\n\n"
        "Năm 2034, dự toán thu nội địa Trung ương giao 3.210 tỷ đồng. Kết quả, thu nội địa "
        "năm 2034 đạt 3.544 tỷ đồng, bằng 110,4% dự toán.\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("budget_plan"), DOCS)


@pytest.mark.parametrize(("question", "expected"), [
    ("Dự toán tổng thu NSNN năm 2031?", "10.136"),
    ("Dự toán tổng thu ngân sách nhà nước năm 2031 là bao nhiêu?", "10.136"),
    ("Dự toán thu từ hoạt động XNK năm 2031?", "4.761"),
    ("Kế hoạch tổng vốn đầu tư phát triển toàn xã hội năm 2032 là bao nhiêu?", "21.450"),
    ("Kế hoạch vốn ngân sách nhà nước năm 2032?", "6.120"),
    ("Kế hoạch doanh thu bán lẻ hàng hóa năm 2033?", "46.500"),
    ("Dự toán thu nội địa năm 2034 là bao nhiêu?", "3.210"),
])
def test_plan_figure_asked(service: RagService, question: str, expected: str) -> None:
    a = service.ask(question, AskOptions())
    assert a.found, (question, a.answer)
    assert a.figure is not None and a.figure.target, (question, a.answer, a.figure)
    assert expected in a.answer, (question, a.answer)


@pytest.mark.parametrize(("question", "expected"), [
    ("Tổng thu NSNN năm 2031?", "12.305"),
    ("Thu nội địa 2031 bằng bao nhiêu % dự toán?", "109,8"),
    ("Doanh thu bán lẻ hàng hóa năm 2033?", "48.920"),
    ("Thu nội địa năm 2034 đạt bao nhiêu?", "3.544"),
])
def test_actual_kept_without_plan_word(service: RagService, question: str,
                                       expected: str) -> None:
    a = service.ask(question, AskOptions())
    assert a.found and expected in a.answer, (question, a.answer)
    assert a.figure is None or not a.figure.target, (question, a.answer)
