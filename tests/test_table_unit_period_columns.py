"""Issue 16, break-test item 5 (second round): three table columns between the row names and
the figures that no header names as what they are.

1. A header-less unit column with a unit the lexicon does not know ("trạm", "sàn", "website")
   beside known ones: every cell is its row's unit, and a merged note row above stays a note.
2. A unit column whose header cell is blank ("Chỉ tiêu | | Năm 2033 | Năm 2034").
3. A period column ("Chỉ tiêu | Kỳ | Giá trị (triệu USD)") with the indicator merged down over
   its rows ("Quý I/2035", "Quý II/2035"): each row's figure is of its row's period.

DOCX first (merged cells as python-docx makes them), then HTML, XLSX or CSV variants (one
table reader: rag.ingest.tables).  Near-misses: a column of place names or of free-text notes
is no unit column; a table headed by years keeps working; a quarter no row gives is refused."""

from __future__ import annotations

import docx
import pytest
from conftest import service_over_files
from helpers import csv_bytes, docx_bytes, html_rows, xlsx_bytes

from rag.ingest.readers import read_bytes
from rag.ingest.tables import bare_unit_column, table_lines
from rag.records import AskOptions
from rag.service import RagService


def _docx(title: str, rows: list[list[str | None]],
          merges: tuple[tuple[int, int, int, int], ...] = ()) -> bytes:
    """A report: its title, a sentence, then a table of ``rows`` (None: an empty cell) whose
    cells ``merges`` ((row, col, row, col) corners) are merged."""
    d = docx.Document()
    d.add_paragraph(title)
    d.add_paragraph("Tình hình sản xuất kinh doanh trên địa bàn tỉnh cơ bản ổn định.")
    width = max(len(r) for r in rows)
    table = d.add_table(rows=len(rows), cols=width)
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            if text is not None:
                table.cell(i, j).text = text
    for a, b, c, e in merges:
        table.cell(a, b).merge(table.cell(c, e))
    d.add_paragraph("Các doanh nghiệp tiếp tục duy trì sản xuất ổn định.")
    return docx_bytes(d)


DOCS: dict[str, str | bytes] = {
    # 1. a header-less unit column, one unit unknown to the lexicon, under a merged note row
    "dien_2031.docx": _docx("Báo cáo nhanh ngành điện tỉnh Bắc Lâm",
                            [["Ghi chú: số liệu sơ bộ năm 2031", None, None],
                             ["Sản lượng điện gió", "GWh", "377"],
                             ["Số trạm sạc xe điện", "trạm", "42"]], ((0, 0, 0, 2),)),
    "luoi_2032.docx": _docx("Báo cáo nhanh lưới điện",
                            [["Lưu ý: số liệu ước tính năm 2032", None, None],
                             ["Chiều dài đường dây hạ thế", "km", "2.615"],
                             ["Số website bán hàng của doanh nghiệp", "website", "57"]],
                            ((0, 0, 0, 2),)),
    "cho_2036.html": (
        "<html><head><title>Hạ tầng thương mại</title></head><body><h1>Hạ tầng thương mại</h1>"
        "<p>Mạng lưới chợ tiếp tục được đầu tư.</p><table>"
        "<tr><td colspan=3>Ghi chú: số liệu sơ bộ năm 2036</td></tr>" +
        html_rows([["Số chợ nông thôn", "chợ", "96"], ["Số kho lạnh", "kho", "11"]]) +
        "</table></body></html>"),
    # 2. a unit column with a blank header cell, two year columns
    "tmdt_2034.docx": _docx("Báo cáo phát triển thương mại điện tử 2033-2034",
                            [["Chỉ tiêu", "", "Năm 2033", "Năm 2034"],
                             ["Số sàn giao dịch điện tử", "sàn", "12", "17"],
                             ["Doanh thu bán lẻ trực tuyến", "tỷ đồng", "481", "602"]]),
    "logistics_2038.xlsx": xlsx_bytes([["Chỉ tiêu", None, "Năm 2037", "Năm 2038"],
                                       ["Số trung tâm logistics", "trung tâm", 3, 5],
                                       ["Khối lượng hàng qua kho bãi", "nghìn tấn", 812, 946]]),
    # 3. a period column with the indicator merged down it
    "rau_qua_2035.docx": _docx("Kết quả xuất khẩu 9 tháng đầu năm 2035",
                               [["Chỉ tiêu", "Kỳ", "Giá trị (triệu USD)"],
                                ["Kim ngạch xuất khẩu rau quả", "Quý I/2035", "74"],
                                [None, "Quý II/2035", "81"],
                                ["Kim ngạch xuất khẩu hàng dệt may", "Quý I/2035", "19"],
                                [None, "Quý II/2035", "23"]], ((1, 0, 2, 0), (3, 0, 4, 0))),
    "tieu_thu_2039.csv": csv_bytes([["Chỉ tiêu", "Thời gian", "Giá trị (tỷ đồng)"],
                                    ["Doanh thu bán lẻ hàng hóa", "Tháng 1/2039", "1.420"],
                                    ["", "Tháng 2/2039", "1.685"],
                                    ["Doanh thu dịch vụ ăn uống", "Tháng 1/2039", "310"],
                                    ["", "Tháng 2/2039", "356"]]),
    "khach_2042.html": (
        "<html><head><title>Du lịch 6 tháng năm 2042</title></head><body>"
        "<h1>Kết quả du lịch 6 tháng đầu năm 2042</h1><p>Lượng khách tăng khá.</p><table>"
        "<tr><th>Chỉ tiêu</th><th>Kỳ</th><th>Số liệu (nghìn lượt)</th></tr>"
        "<tr><td rowspan=2>Khách du lịch quốc tế</td><td>Quý I</td><td>48,2</td></tr>"
        "<tr><td>Quý II</td><td>57,6</td></tr>"
        "<tr><td rowspan=2>Khách du lịch nội địa</td><td>Quý I</td><td>612</td></tr>"
        "<tr><td>Quý II</td><td>705</td></tr></table></body></html>"),
    # near-miss: a table headed by years, its unit column named
    "xnk_2040.docx": _docx("Báo cáo xuất nhập khẩu",
                           [["Chỉ tiêu", "ĐVT", "Năm 2039", "Năm 2040"],
                            ["Xuất khẩu", "triệu USD", "512,4", "604,9"],
                            ["Nhập khẩu", "triệu USD", "388,1", "421,7"]]),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("unit_period_columns"), DOCS)


@pytest.mark.parametrize(("question", "value", "row"), [
    ("sản lượng điện gió năm 2031?", "377 GWh", "Sản lượng điện gió"),
    ("số trạm sạc xe điện năm 2031", "42 trạm", "Số trạm sạc xe điện"),
    ("chiều dài đường dây hạ thế năm 2032", "2.615 km", "Chiều dài đường dây hạ thế"),
    ("số website bán hàng của doanh nghiệp năm 2032", "57 website", "Số website bán hàng"),
    ("số kho lạnh năm 2036", "11 kho", "Số kho lạnh"),
    ("doanh thu bán lẻ trực tuyến năm 2034?", "602 tỷ đồng", "Doanh thu bán lẻ trực tuyến"),
    ("doanh thu bán lẻ trực tuyến năm 2033", "481 tỷ đồng", "Doanh thu bán lẻ trực tuyến"),
    ("khối lượng hàng qua kho bãi năm 2038", "946 nghìn tấn", "Khối lượng hàng qua kho bãi"),
    ("kim ngạch xuất khẩu rau quả quý II/2035?", "81 triệu USD", "Kim ngạch xuất khẩu rau quả"),
    ("kim ngạch xuất khẩu hàng dệt may quý I năm 2035", "19 triệu USD", "hàng dệt may"),
    ("khách du lịch quốc tế quý II năm 2042", "57,6 nghìn lượt", "Khách du lịch quốc tế"),
    ("doanh thu dịch vụ ăn uống tháng 2/2039", "356 tỷ đồng", "Doanh thu dịch vụ ăn uống"),
    ("kim ngạch xuất khẩu năm 2040", "604,9 triệu USD", "Xuất khẩu"),
])
def test_a_row_answers_with_its_unit_and_period(service: RagService, question: str, value: str,
                                                row: str) -> None:
    a = service.ask(question, AskOptions())
    assert a.found and a.answer == value, (question, a.answer, a.summary)
    assert row in a.summary and "Ghi chú" not in a.summary and "Lưu ý" not in a.summary, \
        a.summary


def _lines(name: str) -> list[str]:
    text = read_bytes(name, DOCS[name])[0].text  # type: ignore[arg-type]
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_the_stored_lines_read_unit_and_period() -> None:
    assert "Số trạm sạc xe điện: 42 trạm" in _lines("dien_2031.docx")
    assert "Ghi chú: số liệu sơ bộ năm 2031" in _lines("dien_2031.docx")
    lines = _lines("tmdt_2034.docx")
    assert "Năm 2033 — Doanh thu bán lẻ trực tuyến: 481 tỷ đồng" in lines, lines
    assert not any(line.endswith(": tỷ đồng") for line in lines), lines
    lines = _lines("rau_qua_2035.docx")
    assert any(line.startswith("Quý II/2035 — Kim ngạch xuất khẩu rau quả: 81 triệu USD")
               for line in lines), lines
    assert not any("›" in line for line in lines), lines


def test_a_quarter_no_row_gives_is_refused(service: RagService) -> None:
    a = service.ask("kim ngạch xuất khẩu rau quả quý III/2035", AskOptions())
    assert not a.found or a.answer not in ("74 triệu USD", "81 triệu USD"), a.answer


def test_a_column_of_places_or_notes_is_no_unit_column() -> None:
    places = [["Số cửa hàng xăng dầu", "Huyện Cao Lộc", "14"],
              ["Số cửa hàng xăng dầu", "Huyện Văn Quan", "9"]]
    assert bare_unit_column(places, 0, set()) is None
    notes = [["Số chợ", "ước tính", "86"], ["Số siêu thị", "chưa đối soát", "7"]]
    assert bare_unit_column(notes, 0, set()) is None
    headed = table_lines([["Chỉ tiêu", "Ghi chú", "Năm 2041"], ["Số chợ", "xây mới", "86"],
                          ["Số siêu thị", "tấn", "7"]])
    assert "Năm 2041 — Số chợ: 86" in headed, headed
    # after the figures, every cell must be a unit of the lexicon or the noun its row's label
    # counts ("kho" of "Số kho lạnh": tests/test_table_units_changes.py); a note is neither
    assert bare_unit_column([["Số chợ", "86", "chợ"], ["Số siêu thị", "7", "xây mới"]],
                            0, set()) is None
    assert bare_unit_column([["Số chợ", "86", "chợ"], ["Số kho lạnh", "7", "kho"]],
                            0, set()) == 2
    assert bare_unit_column([["Số chợ", "86", "chợ"], ["Số siêu thị", "7", "siêu thị"]],
                            0, set()) == 2
