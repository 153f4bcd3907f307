"""A table whose first column holds periods ("Thời gian", "Kỳ" or a blank header over "Tháng
4/2023", "4 tháng 2023", "Cùng kỳ 2022") and whose other columns are indicators: a row that
reads as a whole period is never a sub-row of the row above and keeps its number ("4 tháng
2023" is no item 4), and "Cùng kỳ <year>" after a period row is the same part of that year
(break-test bt16f of issue 16, item 5).  Real sub-rows ("- Trong đó: xuất khẩu", "+ Hàng nông
sản") stay nested.  Every document is built here, in DOCX and in PDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import empty_service
from helpers import titled_table_file

from rag.ingest.uploads import read_upload
from rag.vi.frames import extract

_CO = [["Thời gian", "Số C/O mẫu E", "Số C/O mẫu D", "ĐVT"],
       ["Tháng 4/2023", "612", "44", "bộ"], ["4 tháng 2023", "2.317", "171", "bộ"],
       ["Cùng kỳ 2022", "1.985", "150", "bộ"]]
_KY = [["Kỳ", "Số vụ vi phạm", "Số tiền phạt (triệu đồng)"],
       ["Quý I/2024", "96", "812"], ["6 tháng đầu năm 2024", "207", "1.745"],
       ["Cùng kỳ năm 2023", "188", "1.590"]]
_BLANK = [["", "Sản lượng điện thương phẩm (triệu kWh)", "Số khách hàng"],
          ["9 tháng 2022", "251,3", "96.400"], ["Cả năm 2022", "338,7", "97.120"]]
_MONTHS = [["Thời gian", "Kim ngạch xuất khẩu (triệu USD)"],
           ["Tháng 9", "120,5"], ["9 tháng", "1.043,2"], ["Cùng kỳ năm trước", "987,1"]]
_PARTS = [["Chỉ tiêu", "Năm 2023"], ["Kim ngạch xuất nhập khẩu (triệu USD)", "4.210"],
          ["- Trong đó: xuất khẩu", "1.620"], ["+ Hàng nông sản", "512"],
          ["Số doanh nghiệp", "88"]]
_TITLES = {id(_MONTHS): "Tình hình xuất khẩu năm 2023"}


def _file(kind: str, rows: list[list[str]]) -> tuple[str, bytes]:
    return titled_table_file(kind, rows, _TITLES.get(id(rows), "Báo cáo số liệu"))


@pytest.mark.parametrize("kind", ["docx", "pdf"])
@pytest.mark.parametrize("rows, lines", [
    (_CO, ["4 tháng 2023 — Số C/O mẫu E: 2.317 bộ",
           "Cùng kỳ 2022 (4 tháng 2022) — Số C/O mẫu D: 150 bộ"]),
    (_KY, ["6 tháng đầu năm 2024 — Số vụ vi phạm: 207",
           "Cùng kỳ năm 2023 (6 tháng đầu năm 2023) — Số tiền phạt: 1.590 triệu đồng"]),
    (_BLANK, ["9 tháng 2022 — Sản lượng điện thương phẩm: 251,3 triệu kWh",
              "Cả năm 2022 — Số khách hàng: 97.120"]),
    (_MONTHS, ["9 tháng năm 2023 — Kim ngạch xuất khẩu: 1.043,2 triệu USD",
               "Cùng kỳ năm trước (9 tháng năm 2022) — Kim ngạch xuất khẩu: 987,1 triệu USD"]),
])
def test_a_row_naming_a_period_heads_its_figures(kind: str, rows: list[list[str]],
                                                 lines: list[str]) -> None:
    text = read_upload(*_file(kind, rows)).text
    for line in lines:
        assert line in text, (line, text)
    assert "›" not in text


@pytest.mark.parametrize("rows, periods", [
    (_CO, {"2.317 bộ": "4 tháng năm 2023", "1.985 bộ": "4 tháng năm 2022",
           "612 bộ": "tháng 4/2023"}),
    (_KY, {"207": "6 tháng đầu năm 2024", "188": "6 tháng đầu năm 2023", "96": "quý I/2024"}),
])
def test_each_figure_is_filed_under_its_row_s_period(rows: list[list[str]],
                                                    periods: dict[str, str]) -> None:
    text = read_upload(*_file("docx", rows)).text
    got = {f.value: f.period.label for f in extract(text, "", None) if f.period is not None}
    for value, period in periods.items():
        assert got.get(value) == period, (value, got)


@pytest.mark.parametrize("kind", ["docx", "pdf"])
@pytest.mark.parametrize("rows, question, answer", [
    (_CO, "số C/O mẫu E 4 tháng năm 2023?", "2.317 bộ"),
    (_CO, "số C/O mẫu E 4 tháng đầu năm 2023?", "2.317 bộ"),
    (_CO, "số C/O mẫu D cùng kỳ 2022 (4 tháng 2022)?", "150 bộ"),
    # a bare count cell takes its noun from its "Số X" label (compose.label_noun, session 44)
    (_KY, "số vụ vi phạm 6 tháng đầu năm 2024?", "207 vụ vi phạm"),
    (_KY, "số tiền phạt 6 tháng đầu năm 2024?", "1.745 triệu đồng"),
    (_BLANK, "sản lượng điện thương phẩm 9 tháng năm 2022?", "251,3 triệu kWh"),
    (_MONTHS, "kim ngạch xuất khẩu 9 tháng năm 2022?", "987,1 triệu USD"),
])
def test_a_period_row_s_figure_is_answered_for_its_period(
        kind: str, rows: list[list[str]], question: str, answer: str, tmp_path: Path) -> None:
    service = empty_service(tmp_path)
    service.add_document(read_upload(*_file(kind, rows)))
    got = service.ask(question)
    assert got.found and got.period_match == "exact", got
    assert got.answer == answer


@pytest.mark.parametrize("rows, question", [
    (_CO, "số C/O mẫu E tháng 4/2022?"),  # "Cùng kỳ 2022" is 4 months, not the month
    (_KY, "số vụ vi phạm quý I/2023?"),
])
def test_a_period_no_row_names_is_still_refused(rows: list[list[str]], question: str,
                                                tmp_path: Path) -> None:
    service = empty_service(tmp_path)
    service.add_document(read_upload(*_file("docx", rows)))
    assert not service.ask(question).found


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_real_sub_rows_stay_nested(kind: str) -> None:
    text = read_upload(*_file(kind, _PARTS)).text
    assert "Năm 2023 — Kim ngạch xuất nhập khẩu › xuất khẩu: 1.620" in text, text
    assert "Năm 2023 — xuất khẩu › Hàng nông sản: 512" in text
    assert "Năm 2023 — Số doanh nghiệp: 88" in text


# --- a length asked of a row in a unit of length ---------------------------------------------

_LINES = [["Chỉ tiêu", "ĐVT", "Năm 2014", "Năm 2015"],
          ["Đường dây trung thế", "km", "1.840", "1.932"],
          ["Đường dây hạ thế", "nghìn km", "2,61", "2,75"],
          ["Trạm biến áp phân phối", "trạm", "612", "655"]]


@pytest.mark.parametrize("question, answer", [
    ("chiều dài đường dây trung thế năm 2015?", "1.932 km"),
    ("độ dài đường dây trung thế năm 2014 là bao nhiêu?", "1.840 km"),
    ("chiều dài đường dây hạ thế năm 2015?", "2,75 nghìn km"),
])
def test_a_length_asked_is_a_row_measured_in_a_unit_of_length(question: str, answer: str,
                                                              tmp_path: Path) -> None:
    service = empty_service(tmp_path)
    service.add_document(read_upload(*_file("docx", _LINES)))
    got = service.ask(question)
    assert got.found and got.answer == answer, got


def test_a_length_asked_of_a_count_is_refused(tmp_path: Path) -> None:
    service = empty_service(tmp_path)
    service.add_document(read_upload(*_file("docx", _LINES)))
    assert not service.ask("chiều dài trạm biến áp phân phối năm 2015?").found
