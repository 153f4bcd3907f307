"""Issue 16, break-test bt16d items 5-6: table cells merged down over rows, and a blank-headed
unit column of count nouns.

1. A period column ("Kỳ báo cáo", "Thời gian", "Năm") merged down over its indicators, first or
   in the middle: each row's figure is of that period -- it was read as a value ("Kỳ báo cáo —
   Số vụ vi phạm bị xử lý: Tháng 9/2022") and the periods asked refused.  A sheet exported
   without repeating its labels (blank cells) and an HTML ``rowspan`` read the same.
2. A unit cell ("ĐVT") merged down over two rows: the unit is every spanned row's ("142,3"
   was stored without "tỷ đồng").
3. A blank-headed unit column whose cells are the nouns the rows' indicators count ("Số bản
   đồ số hóa | bản đồ"), in CSV and XLSX: the unit joins the figure, never a value of its own.

Each through `rag index` (files in a folder) and through an upload (one reader).
Near-misses: a unit cell left blank (not merged) stays without a unit; a merged figure is read
once; a blank-headed column of sub-labels ("Xuất khẩu", "Nhập khẩu") is no unit column; a
period no row gives is refused."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from conftest import FakeEmbedder, service_over_files
from helpers import csv_bytes, docx_bytes, docx_merged_table, xlsx_bytes

from rag.ingest.readers import read_bytes
from rag.ingest.tables import table_lines
from rag.ingest.uploads import read_upload
from rag.records import AskOptions
from rag.service import RagService
from rag.settings import Settings


def _docx(title: str, rows: list[list[str]],
          merges: tuple[tuple[int, int, int, int], ...] = ()) -> bytes:
    """A report: its title, then a table of ``rows`` whose cells ``merges`` ((row, col, row,
    col) corners) are merged as python-docx merges them (vMerge)."""
    d = docx.Document()
    d.add_paragraph(title)
    docx_merged_table(d, rows, merges)
    d.add_paragraph("Các lực lượng chức năng tiếp tục phối hợp chặt chẽ.")
    return docx_bytes(d)


_ROWSPAN_HTML = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Kiểm tra</title></head>
<body><article><h1>Kết quả kiểm tra thị trường</h1>
<p>Lực lượng quản lý thị trường đã tăng cường kiểm tra trong năm.</p>
<table><tr><th>Thời gian</th><th>Chỉ tiêu</th><th>ĐVT</th><th>Giá trị</th></tr>
<tr><td rowspan="2">Quý I/2071</td><td>Số cuộc kiểm tra chuyên đề</td><td>cuộc</td><td>58</td></tr>
<tr><td>Số cuộc kiểm tra liên ngành</td><td>cuộc</td><td>17</td></tr>
<tr><td rowspan="2">Quý II/2071</td><td>Số cuộc kiểm tra chuyên đề</td><td>cuộc</td><td>63</td></tr>
<tr><td>Số cuộc kiểm tra liên ngành</td><td>cuộc</td><td>21</td></tr></table>
</article></body></html>"""

DOCS: dict[str, str | bytes] = {
    # 1. the period first, merged down over its indicators
    "qltt_thang.docx": _docx("Kết quả kiểm tra, xử lý vi phạm hành chính", [
        ["Kỳ báo cáo", "Chỉ tiêu", "Giá trị"],
        ["Tháng 3/2066", "Số vụ kiểm tra hàng giả (vụ)", "54"],
        ["", "Số tiền thu nộp ngân sách (triệu đồng)", "726"],
        ["Tháng 4/2066", "Số vụ kiểm tra hàng giả (vụ)", "47"],
        ["", "Số tiền thu nộp ngân sách (triệu đồng)", "598"]],
        merges=((1, 0, 2, 0), (3, 0, 4, 0))),
    # ... in the middle, beside a unit column
    "dien_quy.docx": _docx("Cung ứng điện trên địa bàn", [
        ["Chỉ tiêu", "Thời gian", "ĐVT", "Giá trị"],
        ["Điện thương phẩm cho công nghiệp", "Quý III/2067", "triệu kWh", "112,4"],
        ["Điện thương phẩm cho sinh hoạt", "", "triệu kWh", "96,7"],
        ["Điện thương phẩm cho công nghiệp", "Quý IV/2067", "triệu kWh", "118,9"],
        ["Điện thương phẩm cho sinh hoạt", "", "triệu kWh", "101,3"]],
        merges=((1, 1, 2, 1), (3, 1, 4, 1))),
    # 2. the unit merged down over two rows (the second row's unit), and a unit left blank
    "khoang_san.docx": _docx("Khai thác khoáng sản năm 2068", [
        ["Chỉ tiêu", "ĐVT", "Năm 2068"],
        ["Sản lượng than khai thác", "nghìn tấn", "412"],
        ["Sản lượng đá xây dựng khai thác", "", "1.038"],
        ["Chỉ số sản xuất ngành khai khoáng", "", "104,6"]],
        merges=((1, 1, 2, 1),)),
    # ... in a sheet, period and unit merged
    "logistics.xlsx": xlsx_bytes([
        ["Năm", "Chỉ tiêu", "ĐVT", "Giá trị"],
        ["Năm 2069", "Doanh thu kho ngoại quan", "tỷ đồng", 93.5],
        [None, "Doanh thu dịch vụ giao nhận hàng hóa", None, 167.2]],
        merges=("A2:A3", "C2:C3")),
    # 3. a blank unit header over count nouns, CSV and XLSX
    "ban_do.csv": csv_bytes([
        ["Kỳ", "Chỉ tiêu", "", "Giá trị"],
        ["Năm 2063", "Số trang trại chăn nuôi tập trung", "trang trại", "126"],
        ["Năm 2064", "Số trang trại chăn nuôi tập trung", "trang trại", "139"]]),
    "cua_hang.xlsx": xlsx_bytes([
        ["Năm", "Chỉ tiêu", None, "Số liệu"],
        [2065, "Số bến thủy nội địa", "bến", 57],
        [2065, "Số sạp hàng trong chợ đêm", "sạp", 12]]),
    # 1. a sheet exported without repeating its period (blank under it)
    "ho_kinh_doanh.csv": csv_bytes([
        ["Năm", "Chỉ tiêu", "ĐVT", "Giá trị"],
        ["2061", "Số hộ kinh doanh cá thể", "hộ", "4.120"],
        ["", "Số hợp tác xã thương mại dịch vụ", "hợp tác xã", "37"],
        ["2062", "Số hộ kinh doanh cá thể", "hộ", "4.385"],
        ["", "Số hợp tác xã thương mại dịch vụ", "hợp tác xã", "41"]]),
    "kiem_tra.html": _ROWSPAN_HTML,
}

ASKED = [
    ("số tiền thu nộp ngân sách tháng 3/2066?", "726 triệu đồng"),
    ("số vụ kiểm tra hàng giả tháng 4 năm 2066?", "47 vụ"),
    ("điện thương phẩm cho sinh hoạt quý IV/2067?", "101,3 triệu kWh"),
    ("điện thương phẩm cho sinh hoạt quý III năm 2067", "96,7 triệu kWh"),
    ("sản lượng đá xây dựng khai thác năm 2068?", "1.038 nghìn tấn"),
    ("doanh thu dịch vụ giao nhận hàng hóa năm 2069?", "167,2 tỷ đồng"),
    ("số trang trại chăn nuôi tập trung năm 2064?", "139 trang trại"),
    ("số bến thủy nội địa năm 2065?", "57 bến"),
    ("số sạp hàng trong chợ đêm năm 2065?", "12 sạp"),
    ("số hợp tác xã thương mại dịch vụ năm 2062?", "41 hợp tác xã"),
    ("số cuộc kiểm tra liên ngành quý II/2071?", "21 cuộc"),
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("merged_cells"), DOCS)


@pytest.mark.parametrize(("question", "value"), ASKED)
def test_indexed_row_answers_its_merged_period_and_unit(service: RagService, question: str,
                                                        value: str) -> None:
    a = service.ask(question, AskOptions())
    assert a.found and a.answer == value, (question, a.answer, a.summary)


@pytest.mark.parametrize(("name", "question", "value"), [
    ("qltt_thang.docx", *ASKED[0]), ("khoang_san.docx", *ASKED[4]),
    ("logistics.xlsx", *ASKED[5]), ("ban_do.csv", *ASKED[6])])
def test_uploaded_row_answers_the_same(tmp_path: Path, name: str, question: str,
                                       value: str) -> None:
    service = RagService(Settings(index_dir=tmp_path / "i", sessions_db=tmp_path / "s.db"),
                         embedder=FakeEmbedder())
    data = DOCS[name]
    service.add_document(read_upload(name, data if isinstance(data, bytes) else data.encode()))
    a = service.ask(question, AskOptions())
    assert a.found and a.answer == value, (question, a.answer, a.summary)


def _lines(name: str) -> list[str]:
    data = DOCS[name]
    text = read_bytes(name, data if isinstance(data, bytes) else data.encode())[0].text
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_stored_lines_carry_period_and_unit_no_period_value() -> None:
    lines = _lines("qltt_thang.docx")
    assert "Tháng 4/2066 — Số tiền thu nộp ngân sách: 598 triệu đồng" in lines, lines
    assert not any(line.startswith("Kỳ báo cáo") for line in lines), lines
    assert "Năm 2063 — Số trang trại chăn nuôi tập trung: 126 trang trại (dòng 2)" in \
        _lines("ban_do.csv")
    assert not any(line.endswith(": trang trại (dòng 2)") for line in _lines("ban_do.csv"))


def test_a_blank_unit_cell_not_merged_stays_without_unit() -> None:
    lines = _lines("khoang_san.docx")
    assert "Năm 2068 — Chỉ số sản xuất ngành khai khoáng: 104,6" in lines, lines


def test_a_merged_figure_is_read_once() -> None:
    rows = [["Chỉ tiêu", "Kỳ", "Giá trị"],
            ["Số dự án đầu tư mới", "Năm 2070", "9"],
            ["Số dự án điều chỉnh vốn", "", ""]]
    full = [[False] * 3, [False] * 3, [False, True, True]]
    spread = [rows[0], rows[1], ["Số dự án điều chỉnh vốn", "Năm 2070", "9"]]
    lines = table_lines(spread, merged=full)
    assert sum(line.endswith(": 9") for line in lines) == 1, lines


def test_blank_headed_sub_labels_are_no_unit() -> None:
    lines = table_lines([["Kỳ", "Chỉ tiêu", "", "Giá trị"],
                         ["Năm 2072", "Kim ngạch", "Xuất khẩu", "88"],
                         ["Năm 2072", "Kim ngạch", "Nhập khẩu", "103"]])
    assert not any(line.endswith(("88 Xuất khẩu", "88 xuất khẩu")) for line in lines), lines


def test_a_period_no_row_gives_is_refused(service: RagService) -> None:
    a = service.ask("số tiền thu nộp ngân sách tháng 5/2066?", AskOptions())
    assert not a.found or a.answer not in ("726 triệu đồng", "598 triệu đồng"), a.answer
