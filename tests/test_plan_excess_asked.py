"""A share of the plan asked as its excess or in English: "Thu ngân sách năm 2077 vượt dự
toán bao nhiêu" (typed with or without diacritics) answers the table's "% so dự toán" cell
(114,1: vượt 14,1%), "What share of the estimate did 2061 state budget revenue reach?" the
"% dự toán" cell -- both were refused (session 44, break-tests bt17n and bt17l at ae2fcf5:
"vượt" a word no table line writes; "share" read "tỷ trọng", "estimate" unread).  Tables
of our own in XLSX and DOCX, other indicators, years and headers; near-misses: the plan's
own figure and an estimated level keep their answers."""

from __future__ import annotations

import docx
import pytest
from conftest import service_over_files
from helpers import docx_bytes, docx_fill, xlsx_bytes

from rag.records import AskOptions
from rag.service import RagService


def _docx() -> bytes:
    d = docx.Document()
    d.add_paragraph("Báo cáo thu, chi ngân sách tỉnh Lạng Sơn năm 2043")
    rows = [["Chỉ tiêu", "Dự toán 2043", "Thực hiện 2043", "So dự toán (%)"],
            ["Tổng thu NSNN trên địa bàn", "8.210", "9.487", "115,6"],
            ["Thu nội địa", "3.905", "4.302", "110,2"],
            ["Chi thường xuyên", "9.640", "9.955", "103,3"]]
    docx_fill(d.add_table(rows=len(rows), cols=len(rows[0])), rows)
    return docx_bytes(d)


DOCS: dict[str, str | bytes] = {
    "ngansach_2077.xlsx": xlsx_bytes([
        ["BÁO CÁO THỰC HIỆN THU, CHI NGÂN SÁCH ĐỊA PHƯƠNG NĂM 2077"],
        ["Đơn vị: tỷ đồng"],
        ["Chỉ tiêu", "Dự toán 2077", "Thực hiện 2077", "% so dự toán", "% so cùng kỳ"],
        ["Tổng thu NSNN trên địa bàn", 9850, 11236, 114.1, 108.7],
        ["Trong đó: Thu nội địa", 3420, 3915, 114.5, 111.2],
        ["Tổng chi ngân sách địa phương", 15870, 16904, 106.5, 104.9],
        ["Chi thường xuyên", 10960, 11472, 104.7, 106.1]]),
    "ngansach_2061.xlsx": xlsx_bytes([
        ["KẾT QUẢ THU, CHI NGÂN SÁCH TỈNH LẠNG SƠN NĂM 2061"],
        ["Chỉ tiêu", "Dự toán 2061 (tỷ đồng)", "Thực hiện 2061 (tỷ đồng)", "% dự toán",
         "So với 2060 (%)"],
        ["Tổng thu NSNN trên địa bàn", 10450, 11236, 107.5, 104.8],
        ["Trong đó: Thu nội địa", 4150, 4512, 108.7, 106.1],
        ["Tổng chi ngân sách địa phương", 16820, 15973, 95, 101.2]]),
    "ngansach_2043.docx": _docx(),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("plan_excess"), DOCS)


@pytest.mark.parametrize(("question", "expected"), [
    ("Thu ngan sach nam 2077 vuot du toan bao nhieu", "114,1"),
    ("Thu ngân sách năm 2077 vượt dự toán bao nhiêu", "114,1"),
    ("Thu ngân sách năm 2077 vượt dự toán bao nhiêu phần trăm?", "114,1"),
    ("Chi thường xuyên năm 2077 vượt dự toán bao nhiêu?", "104,7"),
    ("Thu ngân sách năm 2043 vượt dự toán bao nhiêu?", "115,6"),
    ("What share of the estimate did 2061 state budget revenue reach?", "107,5"),
    ("What share of the budget estimate did 2061 domestic revenue reach?", "108,7"),
    ("What percentage of the estimate did 2061 state budget revenue reach?", "107,5"),
])
def test_plan_share_asked(service: RagService, question: str, expected: str) -> None:
    a = service.ask(question, AskOptions())
    assert a.found and expected in a.answer, (question, a.answer)
    assert a.confidence >= 0.7, (question, a.answer, a.confidence)


@pytest.mark.parametrize(("question", "expected"), [
    ("Thu ngân sách năm 2077 đạt bao nhiêu % dự toán", "114,1"),
    ("Dự toán tổng thu NSNN năm 2061?", "10.450"),
    ("What was the estimated state budget revenue in 2061?", "11.236"),
])
def test_near_misses_kept(service: RagService, question: str, expected: str) -> None:
    a = service.ask(question, AskOptions())
    assert a.found and expected in a.answer, (question, a.answer)
