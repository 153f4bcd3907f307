"""Issue 16, break-test bt16c item 6: a long-form statistical table -- one row per (period,
indicator), "Năm | Chỉ tiêu | Giá trị | ĐVT" -- read its period column as a value column:
"Năm — Số lao động …: 2.018 người" was stored and answered, and the years asked refused.

A period column under a header "Năm", "Kỳ", "Quý", "Thời gian" heads its row's figure
wherever it stands (first included), its year cells written as bare numbers (an XLSX NUMBER
2026 reads "2.026") or as text.  Variants: XLSX and CSV, columns in other orders, a quarter
column.  Near-misses: a wide table with years as column headers, a table whose rows are
years and whose columns are indicators, a "Số TT" column of row numbers."""

from __future__ import annotations

import pytest
from conftest import service_over_files
from helpers import csv_bytes, xlsx_bytes

from rag.ingest.readers import read_bytes
from rag.ingest.tables import table_lines
from rag.records import AskOptions
from rag.service import RagService

DOCS: dict[str, str | bytes] = {
    "du_lich_dai.xlsx": xlsx_bytes([
        ["Năm", "Chỉ tiêu", "Giá trị", "ĐVT"],
        [2046, "Số cơ sở lưu trú du lịch", 418, "cơ sở"],
        [2047, "Số cơ sở lưu trú du lịch", 455, "cơ sở"],
        [2046, "Doanh thu từ hoạt động du lịch", 2314.5, "tỷ đồng"],
        [2047, "Doanh thu từ hoạt động du lịch", 2688, "tỷ đồng"]]),
    "dien_dai.csv": csv_bytes([
        ["Chỉ tiêu", "Năm", "ĐVT", "Giá trị"],
        ["Điện năng tiêu thụ của khu công nghiệp", "2051", "triệu kWh", "734"],
        ["Điện năng tiêu thụ của khu công nghiệp", "2052", "triệu kWh", "812"],
        ["Số trạm biến áp", "2051", "trạm", "1.265"],
        ["Số trạm biến áp", "2052", "trạm", "1.318"]]),
    "ban_le_quy.csv": csv_bytes([
        ["Quý", "Chỉ tiêu", "Giá trị", "ĐVT"],
        ["Quý I/2053", "Doanh thu bán lẻ xăng dầu", "1.042", "tỷ đồng"],
        ["Quý II/2053", "Doanh thu bán lẻ xăng dầu", "1.187", "tỷ đồng"]]),
    "cho_dai.xlsx": xlsx_bytes([
        ["Thời gian", "Đơn vị tính", "Chỉ tiêu", "Số liệu"],
        [2056, "chợ", "Số chợ đầu mối nông sản", 6],
        [2057, "chợ", "Số chợ đầu mối nông sản", 8]]),
    # near-miss: a wide table with the years as column headers
    "kho_rong.xlsx": xlsx_bytes([
        ["Chỉ tiêu", "ĐVT", 2058, 2059],
        ["Số kho ngoại quan", "kho", 14, 17]]),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("long_form"), DOCS)


@pytest.mark.parametrize(("question", "value"), [
    ("số cơ sở lưu trú du lịch năm 2047?", "455 cơ sở"),
    ("số cơ sở lưu trú du lịch năm 2046", "418 cơ sở"),
    ("doanh thu từ hoạt động du lịch năm 2046?", "2.314,5 tỷ đồng"),
    ("điện năng tiêu thụ của khu công nghiệp năm 2052?", "812 triệu kWh"),
    ("số trạm biến áp năm 2051", "1.265 trạm"),
    ("doanh thu bán lẻ xăng dầu quý II/2053?", "1.187 tỷ đồng"),
    ("số chợ đầu mối nông sản năm 2057?", "8 chợ"),
    ("số kho ngoại quan năm 2059?", "17 kho"),
])
def test_a_long_form_row_answers_its_period(service: RagService, question: str,
                                            value: str) -> None:
    a = service.ask(question, AskOptions())
    assert a.found and a.answer == value, (question, a.answer, a.summary)


def test_a_year_is_never_the_answer(service: RagService) -> None:
    a = service.ask("số cơ sở lưu trú du lịch?", AskOptions())
    assert a.answer not in ("2.046 cơ sở", "2.047 cơ sở", "2046 cơ sở"), a.answer


def _lines(name: str) -> list[str]:
    text = read_bytes(name, DOCS[name])[0].text  # type: ignore[arg-type]
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_the_stored_lines_name_the_period_and_the_row() -> None:
    lines = _lines("du_lich_dai.xlsx")
    assert "Năm 2047 — Số cơ sở lưu trú du lịch: 455 cơ sở (trang tính «Biểu 1», dòng 3)" \
        in lines, lines
    assert not any(line.startswith("Năm —") or "2.046" in line for line in lines), lines
    lines = _lines("ban_le_quy.csv")
    assert any(line.startswith("Quý II/2053 — Doanh thu bán lẻ xăng dầu: 1.187 tỷ đồng")
               for line in lines), lines
    assert any(line.startswith("Năm 2057 — Số chợ đầu mối nông sản: 8 chợ")
               for line in _lines("cho_dai.xlsx")), _lines("cho_dai.xlsx")


def test_row_numbers_and_period_rows_are_no_period_column() -> None:
    numbered = table_lines([["Số TT", "Chỉ tiêu", "Giá trị", "ĐVT"],
                            ["1", "Số siêu thị", "7", "siêu thị"],
                            ["2", "Số cửa hàng tiện lợi", "31", "cửa hàng"]])
    assert "Giá trị — Số siêu thị: 7 siêu thị" in numbered, numbered
    # rows that are years, columns that are indicators, a note column beside them
    by_year = table_lines([["Năm", "Xuất khẩu (triệu USD)", "Nhập khẩu (triệu USD)", "Ghi chú"],
                           ["2061", "512", "388", "sơ bộ"], ["2062", "604", "421", "ước"]])
    assert "Năm 2062 — Xuất khẩu: 604 triệu USD" in by_year, by_year
