"""A question heading with an amount of money ("kinh phí ...", "tổng vốn ...") asks a figure in
đồng or USD, and a table's money row whose label is the amount's head alone ("Kinh phí hỗ trợ",
"Tổng vốn đăng ký") is of what the count row above it counts (break-test bt8-b16 failure 3:
"kinh phí hỗ trợ tiền thuê nhà" answered with the sibling row's "2.145 hộ").  Tables of our
own, in CSV, Markdown and XLSX, with other indicators, units and periods than the example."""

from __future__ import annotations

import pytest
from conftest import service_over_files
from helpers import xlsx_bytes

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract

DOCS = {
    "daotaonghe_2087.csv": (
        "Chỉ tiêu,Đơn vị tính,6 tháng đầu năm 2087,Năm 2087\n"
        "\"Số lao động được hỗ trợ đào tạo nghề\",người,1.320,2.875\n"
        "\"Kinh phí\",triệu đồng,\"1.946,8\",\"4.102,3\"\n"),
    "dautu_2088.md": (
        "# Thu hút đầu tư năm 2088\n\n"
        "| Chỉ tiêu | Đơn vị | Năm 2088 |\n|---|---|---|\n"
        "| Số dự án đầu tư mới được cấp phép | dự án | 27 |\n"
        "| Tổng vốn đăng ký | tỷ đồng | 5.614,2 |\n"),
    # a count row alone: a money question has no figure here, and a count is none
    "dienmattroi_2089.csv": (
        "Chỉ tiêu,Đơn vị,Năm 2089\n"
        "\"Số hộ được hỗ trợ lắp đặt điện mặt trời\",hộ,812\n"),
    "tiendien_2086.txt": (
        "Báo cáo kết quả hỗ trợ tiền điện quý III năm 2086\n15/10/2086\n\n"
        "Trong quý III năm 2086, số người lao động được hỗ trợ tiền điện là 4.260 người; "
        "kinh phí hỗ trợ 1.278,0 triệu đồng.\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    sheet = xlsx_bytes([
        ["Kết quả hỗ trợ chuyển đổi số năm 2090"],
        ["Chỉ tiêu", "Đơn vị", "Quý I/2090", "Quý II/2090"],
        ["Số hợp tác xã được hỗ trợ chuyển đổi số", "hợp tác xã", 38, 45],
        ["Kinh phí hỗ trợ", "triệu đồng", 612.4, 733.9]], sheet="Biểu 3")
    return service_over_files(tmp_path_factory.mktemp("money_rows"),
                              {**DOCS, "chuyendoiso_2090.xlsx": sheet})


def _ask(service: RagService, question: str) -> tuple[bool, str]:
    a = service.ask(question, AskOptions())
    return a.found, a.answer


@pytest.mark.parametrize(("question", "expected"), [
    # the count row's words named with the money row's head
    ("kinh phí đào tạo nghề cho lao động năm 2087", "4.102,3 triệu đồng"),
    ("kinh phí hỗ trợ đào tạo nghề 6 tháng đầu năm 2087", "1.946,8 triệu đồng"),
    ("tổng vốn đăng ký của các dự án đầu tư mới được cấp phép năm 2088", "5.614,2 tỷ đồng"),
    ("vốn đăng ký dự án đầu tư mới năm 2088", "5.614,2 tỷ đồng"),
    ("kinh phí hỗ trợ hợp tác xã chuyển đổi số quý I năm 2090", "612,4 triệu đồng"),
    ("kinh phí hỗ trợ chuyển đổi số quý II năm 2090", "733,9 triệu đồng"),
    # a sentence of the same shape
    ("kinh phí hỗ trợ tiền điện quý III năm 2086", "1.278,0 triệu đồng"),
])
def test_the_money_row_under_a_count_row(service: RagService, question: str,
                                         expected: str) -> None:
    found, answer = _ask(service, question)
    assert found and answer.startswith(expected), answer


@pytest.mark.parametrize(("question", "expected"), [
    ("số lao động được hỗ trợ đào tạo nghề năm 2087", "2.875 người"),
    ("số dự án đầu tư mới được cấp phép năm 2088", "27 dự án"),
    ("số hợp tác xã được hỗ trợ chuyển đổi số quý II năm 2090", "45 hợp tác xã"),
    ("số hộ được hỗ trợ lắp đặt điện mặt trời năm 2089", "812 hộ"),
])
def test_the_count_row_still_answers_a_count(service: RagService, question: str,
                                             expected: str) -> None:
    found, answer = _ask(service, question)
    assert found and answer.startswith(expected), answer


@pytest.mark.parametrize("question", [
    "kinh phí hỗ trợ lắp đặt điện mặt trời năm 2089",
    "tổng kinh phí hỗ trợ lắp đặt điện mặt trời năm 2089",
])
def test_money_asked_is_no_count(service: RagService, question: str) -> None:
    found, answer = _ask(service, question)
    assert not found or "812" not in answer, answer


def test_the_subject_is_what_the_count_row_above_counts() -> None:
    """A money row takes the subject of a count row right above it -- not of a row of another
    measure, nor across a row of another kind, nor as a part of a total."""
    def parents(lines: list[str]) -> dict[str, str]:
        text = "Bảng số liệu năm 2091\n\n" + "\n".join(lines) + "\n"
        return {f.value: f.parent for f in extract(text, "Bảng số liệu năm 2091")}

    got = parents(["Năm 2091 — Số hộ trồng chè: 1.204 hộ",
                   "Năm 2091 — Giá trị: 381,6 tỷ đồng",
                   "Năm 2091 — Kinh phí hỗ trợ giống: 96,5 triệu đồng"])
    assert got["381,6 tỷ đồng"] == "hộ trồng chè"
    assert got["96,5 triệu đồng"] == "hộ trồng chè"
    got = parents(["Năm 2091 — Sản lượng chè búp tươi: 9.420 tấn",
                   "Năm 2091 — Giá trị: 381,6 tỷ đồng"])
    assert got["381,6 tỷ đồng"] == ""
    got = parents(["Năm 2091 — Số hộ trồng chè: 1.204 hộ",
                   "Năm 2091 — Sản lượng chè búp tươi: 9.420 tấn",
                   "Năm 2091 — Giá trị: 381,6 tỷ đồng",
                   "Năm 2091 — Doanh thu bán lẻ hàng hóa và dịch vụ: 2.210,4 tỷ đồng"])
    assert got["381,6 tỷ đồng"] == "" and got["2.210,4 tỷ đồng"] == ""
