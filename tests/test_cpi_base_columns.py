"""Session 46 brief cpicols: a price-index table with one column per comparison base, as the
statistics offices publish the month's CPI -- "Nhóm hàng | Kỳ gốc 2069 | Cùng kỳ năm trước |
Tháng 12/2072 | Tháng 8/2073" under "CHỈ SỐ GIÁ TIÊU DÙNG THÁNG 9/2073".  Each column's
header is the figure's base, not its period: "Tháng 8/2073" was read as a second period,
"Cùng kỳ năm trước" as December 2071, and "CPI tháng 9/2073 so với cùng kỳ năm trước?" took
the base-year column (break-test bt17v, cpi_t9_2073.docx).  The columns are now read as
"So với <base>" (rag.ingest.tables.index_base_columns), the figures the title's month.

Variants: DOCX (the break-test's layout), XLSX (the GSO's layout: the bases as dated months,
"Năm gốc 2079 | Tháng 10/2083 | Tháng 12/2083 | Tháng 9/2084"), PDF (every header "So với
…"; asked "chỉ số giá tiêu dùng": the PDF's title line is not in its text, so "CPI" does not
reach its "Chỉ số chung" row -- another kind).  Near-miss: an index table whose columns are
months of its own keeps them."""

from __future__ import annotations

import docx
import pytest
from conftest import service_over_files
from helpers import docx_bytes, docx_fill, titled_table_file, xlsx_bytes

from rag.ingest.tables import index_base_columns
from rag.records import AskOptions
from rag.service import RagService


def _cpi_docx() -> bytes:
    d = docx.Document()
    d.add_heading("CHỈ SỐ GIÁ TIÊU DÙNG THÁNG 5/2081", 1)
    d.add_paragraph("Lạng Sơn, ngày 29/5/2081")
    rows = [["Nhóm hàng", "Kỳ gốc 2076", "Cùng kỳ năm trước", "Tháng 12/2080", "Tháng 4/2081"],
            ["Chỉ số chung", "109,51", "104,12", "101,86", "100,27"],
            ["Nhà ở, điện nước", "111,40", "105,33", "102,90", "99,48"],
            ["Bưu chính viễn thông", "96,15", "98,70", "99,35", "99,88"]]
    docx_fill(d.add_table(rows=len(rows), cols=len(rows[0])), rows)
    return docx_bytes(d)


DOCS: dict[str, str | bytes] = {
    "cpi_t5.docx": _cpi_docx(),
    "cpi_t10.xlsx": xlsx_bytes([
        ["CHỈ SỐ GIÁ TIÊU DÙNG THÁNG 10 NĂM 2084 (%)", None, None, None, None],
        ["Nhóm hàng", "Năm gốc 2079", "Tháng 10/2083", "Tháng 12/2083", "Tháng 9/2084"],
        ["Chỉ số giá tiêu dùng", 113.62, 103.48, 102.75, 100.58],
        ["Thuốc và dịch vụ y tế", 104.21, 101.17, 100.94, 100.12],
        ["Văn hóa, giải trí và du lịch", 107.93, 102.36, 101.05, 99.71]]),
    "cpi_t3.pdf": titled_table_file("pdf", [
        ["Nhóm hàng", "So với kỳ gốc 2086", "So với cùng kỳ năm trước",
         "So với tháng 12 năm trước", "So với tháng trước"],
        ["Chỉ số chung", "118,26", "105,47", "101,93", "100,64"],
        ["May mặc, mũ nón, giày dép", "110,08", "102,71", "100,88", "100,19"]],
        "CHỈ SỐ GIÁ TIÊU DÙNG THÁNG 3/2087")[1],
    # near-miss: the months are the figures' own periods (indexes on the month before)
    "cpi_thang.docx": titled_table_file("docx", [
        ["Nhóm hàng", "Tháng 6/2089", "Tháng 7/2089"],
        ["Đồ uống và thuốc lá", "100,42", "101,37"],
        ["Thiết bị và đồ dùng gia đình", "99,81", "100,26"]],
        "Chỉ số giá tiêu dùng so với tháng trước các tháng năm 2089")[1],
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("cpi_base_columns"), DOCS)


ASKED = [
    ("CPI tháng 5/2081 so với cùng kỳ năm trước?", "104,12"),
    ("CPI tháng 5/2081 so với tháng 12/2080?", "101,86"),
    ("CPI thang 5/2081 so voi thang truoc", "100,27"),
    ("Chỉ số giá nhóm nhà ở, điện nước tháng 5/2081 so với tháng 4/2081?", "99,48"),
    ("Chỉ số giá nhóm nhà ở, điện nước tháng 5/2081 so với kỳ gốc 2076?", "111,40"),
    ("Chỉ số giá nhóm bưu chính viễn thông tháng 5/2081 so với cùng kỳ?", "98,70"),
    ("Chỉ số giá tiêu dùng tháng 10/2084 so với cùng kỳ năm trước?", "103,48"),
    ("Chỉ số giá tiêu dùng tháng 10/2084 so với tháng 12 năm trước?", "102,75"),
    ("Chỉ số giá nhóm thuốc và dịch vụ y tế tháng 10/2084 so với tháng trước?", "100,12"),
    ("Chỉ số giá nhóm văn hóa, giải trí và du lịch tháng 10/2084 so với năm gốc 2079?",
     "107,93"),
    ("chỉ số giá tiêu dùng tháng 3/2087 so với cùng kỳ năm trước?", "105,47"),
    ("Chỉ số giá tiêu dùng tháng 3 năm 2087 so với tháng 12/2086?", "101,93"),
    ("Chỉ số giá nhóm may mặc, mũ nón, giày dép tháng 3/2087 so với tháng trước?", "100,19"),
    # near-miss: the columns are months of their own
    ("Chỉ số giá nhóm đồ uống và thuốc lá tháng 7/2089?", "101,37"),
    ("Chỉ số giá nhóm thiết bị và đồ dùng gia đình tháng 6/2089?", "99,81"),
]


@pytest.mark.parametrize(("question", "value"), ASKED)
def test_each_column_is_a_base(service: RagService, question: str, value: str) -> None:
    """The index of the asked base's column -- as the index, or the change it makes ("tăng
    4,12%" with "bằng 104,12 so với cùng kỳ năm trước" in the summary)."""
    a = service.ask(question, AskOptions())
    assert a.found and value in f"{a.answer} {a.summary}", (question, a.answer, a.summary)


def test_no_base_asked_states_the_base(service: RagService) -> None:
    """A question naming no base gets the column written first, as a sentence's first base
    is taken ("So với kỳ gốc 2089, CPI tháng 8/2093 bằng 114,62%. ... tăng 3,11% so với cùng
    kỳ năm trước"), and the answer says which base it is."""
    a = service.ask("CPI tháng 5/2081 là bao nhiêu?", AskOptions())
    assert a.found and "109,51" in (a.answer or ""), (a.answer, a.summary)
    assert "so với kỳ gốc 2076" in (a.summary or ""), (a.answer, a.summary)


def test_header_rewrite_only_with_a_base_year_column() -> None:
    assert index_base_columns(["Nhóm hàng", "Kỳ gốc 2069", "Cùng kỳ năm trước", "Tháng 8/2073"]) \
        == ["Nhóm hàng", "So với kỳ gốc 2069", "So với cùng kỳ năm trước", "So với tháng 8/2073"]
    kept = ["Chỉ tiêu", "9 tháng 2091", "Cùng kỳ năm trước", "So với cùng kỳ (%)"]
    assert index_base_columns(kept) == kept
    assert index_base_columns(["Nhóm hàng", "Tháng 8/2073", "Tháng 9/2073"]) == \
        ["Nhóm hàng", "Tháng 8/2073", "Tháng 9/2073"]
