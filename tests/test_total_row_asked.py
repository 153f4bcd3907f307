"""A table's total row answers the whole its caption names: "tổng mức bán lẻ 10 tháng 2059 so
với cùng kỳ" over "Biểu 2: Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng …" with rows
"TỔNG SỐ | … | 109,7" and "Bán lẻ hàng hóa | … | 109,1" was answered 109,1 at 1.0 -- the part
row sharing the question's "bán lẻ" won by its fewer words (break-test bt22a q094, session 50).
A CPI table's first row "CHỈ SỐ GIÁ CHUNG" is the CPI's total: "CPI tháng 8/2064 so với tháng
12/2063" was answered "Báo cáo không có số liệu tổng; các phần: …", listing the gold and US
dollar indices the table gives after the CPI's groups as parts of it (bt22a q130, q131).
Variants: other labels ("Tổng cộng", "Cộng", "Toàn ngành", "Tổng trị giá"), other indicators
(IIP, exports, public investment), levels and indices, three readers.  Near misses: a question
naming a row keeps that row."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import titled_tables_service

from rag.answer.figures import is_whole_row
from rag.records import AskOptions
from rag.service import RagService

RETAIL = (
    [["Chỉ tiêu", "Ước tính tháng 10 (tỷ đồng)", "Tháng 10 so với cùng kỳ (%)",
      "10 tháng so với cùng kỳ (%)"],
     ["TỔNG SỐ", "2.410,8", "111,4", "109,7"],
     ["Bán lẻ hàng hóa", "1.851,0", "110,8", "109,1"],
     ["Dịch vụ lưu trú, ăn uống", "290,2", "114,6", "112,3"],
     ["Du lịch lữ hành", "10,1", "120,5", "118,2"],
     ["Dịch vụ khác", "259,5", "110,9", "108,7"]],
    "Biểu 2: Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tháng 10 năm 2059")
CPI = (
    [["Chỉ tiêu", "So với kỳ gốc 2060", "So với tháng 8/2063", "So với tháng 12/2063",
      "So với tháng 7/2064", "Bình quân 8 tháng so với cùng kỳ"],
     ["CHỈ SỐ GIÁ CHUNG", "112,45", "103,18", "101,92", "100,34", "102,87"],
     ["Hàng ăn và dịch vụ ăn uống", "115,20", "104,61", "102,35", "100,58", "103,94"],
     ["Giáo dục", "120,33", "106,02", "105,88", "100,00", "105,71"],
     ["Giao thông", "104,10", "97,85", "98,12", "98,66", "99,02"],
     ["Chỉ số giá vàng", "131,50", "112,40", "108,15", "101,25", "110,33"],
     ["Chỉ số giá đô la Mỹ", "103,60", "101,10", "100,55", "99,82", "100,94"]],
    "Biểu 4: Chỉ số giá tiêu dùng tháng 8 năm 2064 (Đơn vị tính: %)")
EXPORTS = (
    [["Chỉ tiêu", "Tháng 6/2061", "6 tháng năm 2061", "6 tháng so với cùng kỳ (%)"],
     ["Tổng trị giá", "512,4", "2.840,6", "112,5"],
     ["Xuất khẩu qua cửa khẩu chính", "401,2", "2.215,3", "110,2"],
     ["Xuất khẩu qua cửa khẩu phụ, lối mở", "111,2", "625,3", "121,4"]],
    "Biểu 3: Trị giá xuất khẩu hàng hóa 6 tháng năm 2061 (Đơn vị tính: triệu USD)")
IIP = (
    [["Ngành", "Tháng 9/2057 so với cùng kỳ (%)", "9 tháng 2057 so với cùng kỳ (%)"],
     ["Toàn ngành", "108,4", "107,1"],
     ["Khai khoáng", "96,2", "98,5"],
     ["Công nghiệp chế biến, chế tạo", "110,3", "108,8"],
     ["Sản xuất và phân phối điện", "105,1", "104,6"]],
    "Biểu 1: Chỉ số sản xuất công nghiệp tháng 9 năm 2057")
INVESTMENT = (
    [["Chỉ tiêu", "Quý III/2062", "9 tháng năm 2062", "9 tháng so với cùng kỳ (%)"],
     ["Cộng", "812,6", "2.105,4", "108,6"],
     ["Vốn ngân sách nhà nước cấp tỉnh", "520,3", "1.350,2", "111,2"],
     ["Vốn ngân sách nhà nước cấp huyện", "292,3", "755,2", "104,1"]],
    "Biểu 5: Vốn đầu tư thực hiện từ nguồn ngân sách nhà nước quý III năm 2062 "
    "(Đơn vị tính: tỷ đồng)")
SERVICES = (
    [["Chỉ tiêu", "Tháng 5/2058", "5 tháng năm 2058", "5 tháng so với cùng kỳ (%)"],
     ["Tổng cộng", "1.204,7", "5.830,2", "110,4"],
     ["Doanh thu bán lẻ hàng hóa", "930,5", "4.512,6", "109,8"],
     ["Doanh thu dịch vụ lưu trú, ăn uống", "160,1", "780,3", "113,2"],
     ["Doanh thu dịch vụ khác", "114,1", "537,3", "108,0"]],
    "Bảng 2. Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tháng 5 năm 2058 "
    "(Đơn vị tính: tỷ đồng)")

TODAY = dt.date(2065, 1, 1)


@pytest.fixture(scope="module", params=["docx", "xlsx", "html"])
def service(request: pytest.FixtureRequest,
            tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return titled_tables_service(tmp_path_factory.mktemp(f"totalrow_{request.param}"),
                                 request.param,
                                 [RETAIL, CPI, EXPORTS, IIP, INVESTMENT, SERVICES], {})


def ask(service: RagService, question: str) -> tuple[str, float, str]:
    a = service.ask(question, AskOptions(retrieval_mode="lexical", today=TODAY))
    return (a.answer or "") if a.found else "", a.confidence, a.summary or ""


@pytest.mark.parametrize(("question", "expected"), [
    # bt22a q094 and its month
    ("tổng mức bán lẻ 10 tháng 2059 so với cùng kỳ", "109,7"),
    ("tổng mức bán lẻ tháng 10/2059 so với cùng kỳ", "111,4"),
    ("Tổng mức bán lẻ hàng hóa 10 tháng năm 2059 tăng bao nhiêu so với cùng kỳ?", "tăng 9,7"),
    ("tổng mức bán lẻ hàng hóa tháng 10/2059 đạt bao nhiêu", "2.410,8"),
    ("tổng mức bán lẻ hàng hóa 5 tháng 2058 so với cùng kỳ", "110,4"),
    ("tổng mức bán lẻ 5 tháng năm 2058", "5.830,2"),
    # bt22a q130, q131: "CHỈ SỐ GIÁ CHUNG" is the CPI
    ("CPI tháng 8/2064 so với tháng 12/2063", "101,92"),
    ("CPI bình quân 8 tháng 2064", "102,87"),
    ("chỉ số giá tiêu dùng tháng 8/2064 so với cùng kỳ năm trước", "103,18"),
    ("tổng trị giá xuất khẩu 6 tháng năm 2061", "2.840,6"),
    ("chỉ số sản xuất công nghiệp 9 tháng 2057 so với cùng kỳ", "107,1"),
    ("tổng vốn đầu tư thực hiện từ nguồn ngân sách nhà nước 9 tháng 2062", "2.105,4"),
])
def test_total_row_answers_the_whole(service: RagService, question: str, expected: str) -> None:
    answer, confidence, summary = ask(service, question)
    assert answer.startswith(expected), (answer, confidence)
    assert "không có số liệu tổng" not in answer and "không nêu tổng" not in summary, summary


@pytest.mark.parametrize(("question", "expected"), [
    ("doanh thu bán lẻ hàng hóa 10 tháng 2059 so với cùng kỳ", "109,1"),
    ("doanh thu du lịch lữ hành tháng 10/2059 so với cùng kỳ", "120,5"),
    ("doanh thu bán lẻ hàng hóa 5 tháng năm 2058", "4.512,6"),
    ("chỉ số giá vàng tháng 8/2064 so với tháng 12/2063", "108,15"),
    ("CPI nhóm giáo dục tháng 8/2064 so với tháng 12/2063", "105,88"),
    ("trị giá xuất khẩu qua cửa khẩu chính 6 tháng năm 2061", "2.215,3"),
    ("chỉ số sản xuất ngành khai khoáng 9 tháng 2057 so với cùng kỳ", "98,5"),
    ("vốn ngân sách nhà nước cấp huyện 9 tháng 2062", "755,2"),
])
def test_a_row_named_keeps_its_row(service: RagService, question: str, expected: str) -> None:
    answer, confidence, _ = ask(service, question)
    assert answer.startswith(expected), (answer, confidence)


@pytest.mark.parametrize(("label", "whole"), [
    ("chi so gia chung", True), ("chi so gia tieu dung chung", True), ("chi so chung", True),
    ("tong so", True), ("chi so gia vang", False), ("chi so gia do la my", False),
    ("hang an va dich vu an uong", False),
])
def test_whole_row_labels(label: str, whole: bool) -> None:
    assert is_whole_row(label) is whole

