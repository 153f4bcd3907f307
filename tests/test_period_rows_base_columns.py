"""Session 42 brief monthrows: a long-form table whose rows are periods ("Tháng 1/2029",
"Quý I/2031", "Tháng 2" under a caption naming the year) and whose columns name only the base
each figure compares with ("So với tháng trước", "So với tháng 12 năm trước", "So với cùng
tháng năm trước").  The header "So với tháng 12 năm trước" names a month -- as a base -- so
the table was read on its side: each row's month its indicator, the title's year its period,
and "CPI tháng 2/2029 so với tháng trước?" was refused (break-test bt17g, t11 .xlsx).  Each
cell now takes its row's period and the caption's indicator with its column's base ("Chỉ số
giá tiêu dùng so với tháng trước").

Variants, each with a column whose base names a period: XLSX (numbers as cells), CSV
("So với cùng kỳ năm 2030"), DOCX (months without a year under a caption naming it; "So với
tháng 12/2032"), HTML (quarters; "So với quý IV/2034").  Near-misses: a wide table with the
months as columns and the base in the row label; a period-rows table whose columns are
indicators keeps them."""

from __future__ import annotations

import pytest
from conftest import service_over_files
from helpers import csv_bytes, titled_table_file, xlsx_bytes

from rag.records import AskOptions
from rag.service import RagService

DOCS: dict[str, str | bytes] = {
    "cpi.xlsx": xlsx_bytes([
        ["CHỈ SỐ GIÁ TIÊU DÙNG TỈNH LẠNG SƠN CÁC THÁNG NĂM 2029 (%)", None, None, None],
        ["Tháng", "So với tháng trước", "So với tháng 12 năm trước",
         "So với cùng tháng năm trước"],
        ["Tháng 1/2029", 0.61, 0.61, 2.28],
        ["Tháng 2/2029", 0.53, 1.14, 2.55],
        ["Tháng 3/2029", -0.18, 0.96, 2.41],
        ["Tháng 4/2029", 0.07, 1.03, 2.19]]),
    "iip.csv": csv_bytes([
        ["Chỉ số sản xuất công nghiệp các quý năm 2031 (%)", "", ""],
        ["Quý", "So với quý trước", "So với cùng kỳ năm 2030"],
        ["Quý I/2031", "1,8", "7,4"],
        ["Quý II/2031", "2,6", "8,9"],
        ["Quý III/2031", "3,1", "9,6"]]),
    "xk.docx": titled_table_file("docx", [
        ["Tháng", "Tăng, giảm so với tháng trước (%)", "So với tháng 12/2032 (%)"],
        ["Tháng 1", "4,2", "12,5"],
        ["Tháng 2", "-6,3", "10,1"],
        ["Tháng 3", "8,8", "15,7"]], "Kim ngạch xuất khẩu qua địa bàn các tháng năm 2033")[1],
    "ban_le.html": titled_table_file("html", [
        ["Quý", "So với quý IV/2034 (%)", "So với cùng kỳ (%)"],
        ["Quý I/2035", "2,4", "11,2"],
        ["Quý II/2035", "3,9", "12,8"]], "Tổng mức bán lẻ hàng hóa các quý năm 2035")[1],
    # near-misses: months as columns, the base in the row's label; indicators as columns
    "rong.csv": csv_bytes([
        ["Chỉ tiêu", "Tháng 1/2037", "Tháng 2/2037", "Tháng 3/2037"],
        ["CPI so với tháng trước (%)", "0,44", "0,92", "-0,12"],
        ["CPI so với cùng kỳ năm trước (%)", "3,10", "3,75", "3,02"]]),
    "xnk.csv": csv_bytes([
        ["Năm", "Xuất khẩu (triệu USD)", "Nhập khẩu (triệu USD)"],
        ["Năm 2039", "1.610,5", "1.204,2"],
        ["Năm 2040", "1.822,0", "1.390,7"]]),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("period_rows_base"), DOCS)


ASKED = [
    ("CPI tháng 2/2029 so với tháng trước?", "0,53"),
    ("CPI tháng 4 năm 2029 so với tháng 12 năm trước?", "1,03"),
    ("chỉ số giá tiêu dùng tháng 3/2029 so với cùng tháng năm trước?", "2,41"),
    ("chỉ số sản xuất công nghiệp quý II/2031 so với quý trước?", "2,6"),
    ("chỉ số sản xuất công nghiệp quý III năm 2031 so với cùng kỳ năm 2030?", "9,6"),
    ("kim ngạch xuất khẩu tháng 2/2033 so với tháng trước?", "6,3"),
    ("kim ngạch xuất khẩu tháng 3 năm 2033 so với tháng 12/2032?", "15,7"),
    ("tổng mức bán lẻ hàng hóa quý II/2035 so với cùng kỳ?", "12,8"),
    ("tổng mức bán lẻ hàng hóa quý I/2035 so với quý IV/2034?", "2,4"),
    # near-misses keep their answers
    ("CPI tháng 2/2037 so với tháng trước?", "0,92"),
    ("CPI tháng 3/2037 so với cùng kỳ năm trước?", "3,02"),
    ("kim ngạch xuất khẩu năm 2040?", "1.822,0"),
]


@pytest.mark.parametrize(("question", "value"), ASKED)
def test_a_period_row_gives_each_base_column_its_period(service: RagService, question: str,
                                                        value: str) -> None:
    a = service.ask(question, AskOptions())
    assert a.found and value in (a.answer or ""), (question, a.answer, a.summary)


def test_every_month_of_the_year_is_listed(service: RagService) -> None:
    a = service.ask("CPI các tháng năm 2029 so với tháng trước?", AskOptions())
    text = " ".join([a.answer or "", a.summary or "",
                     *((p.answer or "") + " " + (p.summary or "") for p in a.parts or [])])
    months = ("0,61", "0,53", "0,18", "0,07")
    assert a.found and all(v in text for v in months), (a.answer, a.summary)


@pytest.mark.parametrize(("head", "base"), [
    ("So với tháng trước", True), ("So với tháng 12 năm trước (%)", True),
    ("Tăng, giảm so với cùng kỳ", True), ("So cùng kỳ", True), ("so sánh với quý trước", True),
    ("Xuất khẩu", False), ("Kim ngạch so với cùng kỳ", False), ("Số lượng", False),
])
def test_base_only_heads(head: str, base: bool) -> None:
    from rag.ingest.tables import base_only_head

    assert base_only_head(head) is base
