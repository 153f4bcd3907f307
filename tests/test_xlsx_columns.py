"""A statistical table's columns answer what they hold (break-test bt17i, bt17g; every
document is built here, in several readers' shapes):

1. a cell holding a RANGE ("55.000 - 57.000") is a table cell like any other, so its row's
   label is the indicator of every column -- the price columns' "Giá Thịt lợn hơi" no longer
   names another row than the change column's "Tăng/giảm so tháng trước (%)": "Giá thịt lợn
   hơi tháng 9/2036 giảm bao nhiêu % so với tháng trước?" was refused (exp -6,1%);
2. "Tổng xuất khẩu …", "Tổng nhập khẩu …" ask an amount, not a count of "xuất": every money
   figure was dropped and "Tổng xuất khẩu hàng địa phương năm 2035?" refused;
3. a "(%)" ending the table's title is the unit of its bare figures, as "(triệu USD)" is:
   "CPI tháng 2/2029 so với tháng trước?" answered "0,53" (exp 0,53%).

Near-misses: a "Đơn vị tính" column (kg, lít) stays the unit of the price, not "%"; a column's
own unit ("(triệu USD)") wins over a "(%)" title; "Tổng lượt khách" still asks a count."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import empty_service
from helpers import titled_table_file, xlsx_bytes

from rag.answer.figures import counted_thing
from rag.answer.intent import read_intent
from rag.ingest.uploads import read_upload
from rag.records import AskOptions
from rag.search.query import analyze
from rag.vi.text import fold

# the questions are asked after every period of the tables (a later period is a plan's)
_TODAY = date(2060, 1, 1)
_PRICES = [["Mặt hàng", "Đơn vị tính", "Giá tháng 8/2036 (đồng)", "Giá tháng 9/2036 (đồng)",
            "Tăng/giảm so tháng trước (%)"],
           ["Gạo tẻ thường", "kg", "16.000 - 18.000", "17.000 - 19.000", "5,9"],
           ["Thịt lợn hơi", "kg", "58.000 - 61.000", "55.000 - 57.000", "-6,1"],
           ["Xăng RON 95", "lít", "24.150", "23.480", "-2,8"],
           ["Hồi khô", "kg", "72.000 - 78.000", "85.000 - 90.000", "16,7"]]
_PRICES_TITLE = "Giá một số mặt hàng thiết yếu tại chợ Giếng Vuông, tháng 9/2036"
_PRICES2 = [["Mặt hàng", "ĐVT", "Giá cuối tháng 3/2041 (đồng)",
             "Tăng, giảm so với tháng trước (%)"],
            ["Bắp cải", "kg", "14.000 - 16.000", "-8,4"],
            ["Trứng gà", "quả", "3.200 - 3.500", "2,3"]]
_PRICES2_TITLE = "BẢNG GIÁ HÀNG HÓA TẠI CHỢ ĐÔNG KINH THÁNG 3/2041"
_EXPORTS = [["Mặt hàng", "Năm 2033", "Năm 2034", "Năm 2035"],
            ["Rau quả tươi", "142,6", "158,3", "171,9"],
            ["Hồi, quế", "18,1", "19,4", "22,6"],
            ["Tổng xuất khẩu hàng địa phương", "248,9", "276,4", "301,5"]]
_EXPORTS_TITLE = ("Kim ngạch xuất khẩu một số mặt hàng chủ yếu của doanh nghiệp địa phương "
                  "(triệu USD)")
_IMPORTS = [["Nhóm hàng", "6 tháng 2046", "Năm 2046"],
            ["Máy móc, thiết bị", "55,2", "118,4"],
            ["Tổng nhập khẩu qua địa bàn", "130,7", "262,9"]]
_IMPORTS_TITLE = "Kim ngạch nhập khẩu qua địa bàn tỉnh (ĐVT: triệu USD)"
_CPI = [["Tháng", "So với tháng trước", "So với tháng 12 năm trước", "So với cùng tháng năm trước"],
        ["Tháng 1/2029", "0,61", "0,61", "2,28"],
        ["Tháng 2/2029", "0,53", "1,14", "2,55"],
        ["Tháng 3/2029", "-0,18", "0,96", "2,41"]]
_CPI_TITLE = "CHỈ SỐ GIÁ TIÊU DÙNG TỈNH LẠNG SƠN CÁC THÁNG NĂM 2029 (%)"
_GROWTH = [["Chỉ tiêu", "Năm 2050", "Năm 2051"],
           ["Tốc độ tăng GRDP", "6,8", "7,1"],
           ["Kim ngạch xuất khẩu (triệu USD)", "812,5", "904,0"]]
_GROWTH_TITLE = "MỘT SỐ CHỈ TIÊU KINH TẾ CHỦ YẾU (%)"


def _answer(kind: str, rows: list[list[str]], title: str, question: str,
            tmp_path: Path) -> tuple[bool, str]:
    service = empty_service(tmp_path)
    service.add_document(read_upload(*titled_table_file(kind, rows, title)))
    got = service.ask(question, AskOptions(retrieval_mode="lexical", today=_TODAY))
    return got.found, got.answer


@pytest.mark.parametrize("kind", ["xlsx", "docx", "html"])
@pytest.mark.parametrize("rows, title, question, expected", [
    (_PRICES, _PRICES_TITLE, "Giá thịt lợn hơi tháng 9/2036 giảm bao nhiêu % so với tháng trước?",
     "6,1%"),
    (_PRICES, _PRICES_TITLE, "Giá hồi khô tháng 9/2036 tăng bao nhiêu %?", "16,7%"),
    (_PRICES2, _PRICES2_TITLE, "Giá bắp cải tháng 3/2041 giảm bao nhiêu phần trăm?", "8,4%"),
    # near-misses: the price itself, its unit the "Đơn vị tính" column's, never "%"
    (_PRICES, _PRICES_TITLE, "Giá thịt lợn hơi tháng 9/2036?", "55.000 - 57.000 đồng"),
    (_PRICES, _PRICES_TITLE, "Giá xăng RON 95 tháng 8/2036?", "24.150 đồng"),
    (_PRICES2, _PRICES2_TITLE, "Giá trứng gà cuối tháng 3/2041?", "3.200 - 3.500 đồng"),
])
def test_range_cells_are_table_cells(kind: str, rows: list[list[str]], title: str,
                                     question: str, expected: str, tmp_path: Path) -> None:
    found, answer = _answer(kind, rows, title, question, tmp_path)
    assert found and expected in answer, answer


@pytest.mark.parametrize("kind", ["xlsx", "docx", "html"])
@pytest.mark.parametrize("rows, title, question, expected", [
    (_EXPORTS, _EXPORTS_TITLE, "Tổng xuất khẩu hàng địa phương năm 2035?", "301,5 triệu USD"),
    (_EXPORTS, _EXPORTS_TITLE, "Tổng xuất khẩu hàng địa phương năm 2033 là bao nhiêu?",
     "248,9 triệu USD"),
    (_IMPORTS, _IMPORTS_TITLE, "Tổng nhập khẩu qua địa bàn năm 2046?", "262,9 triệu USD"),
])
def test_total_trade_is_an_amount(kind: str, rows: list[list[str]], title: str, question: str,
                                  expected: str, tmp_path: Path) -> None:
    found, answer = _answer(kind, rows, title, question, tmp_path)
    assert found and expected in answer, answer


def test_total_trade_over_the_years(tmp_path: Path) -> None:
    found, answer = _answer("xlsx", _EXPORTS, _EXPORTS_TITLE,
                            "Tổng xuất khẩu hàng địa phương qua các năm?", tmp_path)
    assert found and "248,9" in answer and "276,4" in answer and "301,5" in answer, answer


@pytest.mark.parametrize("question, counted", [
    ("Tổng xuất khẩu hàng địa phương năm 2035?", ""),
    ("Tổng nhập khẩu năm 2046?", ""),
    ("Tổng xuất nhập khẩu qua cửa khẩu năm 2046?", ""),
    ("Tổng lượt khách du lịch năm 2025?", "luot khach"),  # near-miss: still a count
])
def test_counted_thing_of_a_total(question: str, counted: str) -> None:
    q = analyze(question)
    assert counted_thing(read_intent(q), fold(q.expanded)) == counted


@pytest.mark.parametrize("kind", ["xlsx", "docx", "html"])
@pytest.mark.parametrize("question, expected", [
    ("CPI tháng 2/2029 so với tháng trước?", "0,53%"),
    ("Chỉ số giá tiêu dùng tháng 3/2029 so với cùng tháng năm trước?", "2,41%"),
])
def test_percent_title_is_the_unit(kind: str, question: str, expected: str,
                                   tmp_path: Path) -> None:
    found, answer = _answer(kind, _CPI, _CPI_TITLE, question, tmp_path)
    assert found and expected in answer, answer


def test_percent_title_numeric_cells(tmp_path: Path) -> None:
    """The xlsx of the break-test: number cells (0.53) under the "(%)" title."""
    rows: list[list[object]] = [[_CPI_TITLE], _CPI[0]]
    rows += [[r[0], *(float(c.replace(",", ".")) for c in r[1:])] for r in _CPI[1:]]
    doc = read_upload("cpi_2029.xlsx", xlsx_bytes(rows))
    assert "Tháng 2/2029" in doc.text and "0,53%" in doc.text, doc.text
    service = empty_service(tmp_path)
    service.add_document(doc)
    got = service.ask("CPI tháng 2/2029 so với tháng trước?",
                      AskOptions(retrieval_mode="lexical", today=_TODAY))
    assert got.found and "0,53%" in got.answer, got.answer


@pytest.mark.parametrize("kind", ["xlsx", "docx"])
def test_column_unit_wins_over_percent_title(kind: str) -> None:
    """Near-miss: a row's own "(triệu USD)" keeps its unit under a "(%)" title; a title in
    "(triệu USD)" gives its unit, never "%"."""
    text = read_upload(*titled_table_file(kind, _GROWTH, _GROWTH_TITLE)).text
    assert "6,8%" in text and "904,0 triệu USD" in text and "904,0%" not in text, text
    text = read_upload(*titled_table_file(kind, _EXPORTS, _EXPORTS_TITLE)).text
    assert "301,5 triệu USD" in text and "301,5%" not in text, text
