"""The fourteenth break-test of issue 16, what it found: an XLSX header row of years typed as
NUMBER cells is a header of periods (as a CSV's "2055" is), every default-ignorable character
is removed from documents and questions (not a list of our own), and small ingestion gaps
(a CSV's bare integer grouped as Vietnamese writes it, an old Word ".doc" told to be saved
as .docx).  Every document is built here."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pytest
from helpers import xlsx_bytes

from rag.ingest.sheets import csv_text, xlsx_text
from rag.ingest.uploads import read_upload
from rag.ingest.web import page_text
from rag.vi.text import normalize, normalize_query

# --- 1. XLSX header rows of years as number cells ------------------------------------------

_WOOD = [["Sản lượng gỗ khai thác (m³)", 41200, 43950]]
_HEADERS = {
    "plain": [["Chỉ tiêu", 2055, 2056], *_WOOD],
    "blank corner": [[None, 2055, 2056], *_WOOD],
    "title row": [["SẢN LƯỢNG GỖ"], ["Chỉ tiêu", 2055, 2056], *_WOOD],
    "title and unit rows": [["SẢN LƯỢNG GỖ"], ["Đơn vị tính: m³"], ["Chỉ tiêu", 2055, 2056],
                            ["Sản lượng gỗ khai thác", 41200, 43950]],
}


@pytest.mark.parametrize("name", list(_HEADERS))
def test_an_xlsx_header_of_year_numbers_heads_the_columns(name: str) -> None:
    """"Chỉ tiêu | 2055 | 2056" as number cells was stored "Chỉ tiêu: 2.055; 2.056": the
    header read as a data row and every figure without its year."""
    text = xlsx_text("go.xlsx", xlsx_bytes(_HEADERS[name]))[0]
    assert "2056 — Sản lượng gỗ khai thác: 43.950 m³" in text, text
    assert "2.055" not in text and "2.056" not in text


def test_year_numbers_beside_a_text_header_and_on_two_sheets() -> None:
    """"Chỉ tiêu | 2042 | 2043 | Sơ bộ 2044" (two number cells, one text) on each of two
    sheets, under a title and a unit row."""
    import openpyxl

    wb = openpyxl.Workbook()
    for k, (sheet, label) in enumerate([("Nông nghiệp", "Trồng trọt"), ("Thủy sản", "Nuôi trồng")]):
        ws = wb.active if k == 0 else wb.create_sheet()
        ws.title = sheet
        for row in [["GIÁ TRỊ SẢN XUẤT"], ["Đơn vị tính: tỷ đồng"],
                    ["Chỉ tiêu", 2042, 2043, "Sơ bộ 2044"], [label, 1200.5, 1310, 1402]]:
            ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    text = xlsx_text("nlts_2042_2044.xlsx", out.getvalue())[0]
    for label in ("Trồng trọt", "Nuôi trồng"):
        assert f"2043 — {label}: 1.310 tỷ đồng" in text, text
        assert f"Sơ bộ 2044 — {label}: 1.402 tỷ đồng" in text
    assert "2.042" not in text


def test_year_numbers_as_row_labels_or_figures_stay_as_they_were() -> None:
    """Rows that are years ("Năm | Xuất khẩu" over 2028, 2029) and a figure row that only
    looks like years below a header keep their reading."""
    rows = [["Năm", "Xuất khẩu (triệu USD)"], [2028, 845], [2029, 900]]
    text = xlsx_text("xk.xlsx", xlsx_bytes(rows))[0]
    assert "Năm 2029 — Xuất khẩu: 900 triệu USD" in text, text
    rows = [["Chỉ tiêu", "Năm 2030", "Năm 2031"], ["Số hộ", 1250, 1400],
            ["Số lao động", 2030, 2031]]
    text = xlsx_text("ld.xlsx", xlsx_bytes(rows))[0]
    assert "Năm 2031 — Số lao động: 2.031" in text, text


def test_an_xlsx_year_header_is_asked_by_its_year(tmp_path: Path) -> None:
    from conftest import empty_service

    service = empty_service(tmp_path)
    service.add_document(read_upload("go_2055_2056.xlsx", xlsx_bytes(_HEADERS["title row"])))
    got = service.ask("sản lượng gỗ khai thác năm 2056")
    assert got.found and got.answer.startswith("43.950"), got.answer


# --- 2. every default-ignorable character, in documents and questions -------------------

@pytest.mark.parametrize("mark", ["\u034f", "\ufe0f", "\ufe00", "\U000e0101", "\u180b",
                                  "\u115f", "\u3164", "\uffa0", "\u2065", "\u00ad", "\u200b"])
def test_every_default_ignorable_character_is_removed(mark: str) -> None:
    assert normalize(f"Tổng mức b{mark}án lẻ x{mark}ếp hạng") == "Tổng mức bán lẻ xếp hạng"
    assert normalize_query(f"chỉ số giá tiêu d{mark}ùng") == "chỉ số giá tiêu dùng"


def test_decomposed_tone_marks_are_kept() -> None:
    """NFD text keeps its combining tone and quality marks (U+0300-U+0323): they are not
    default-ignorable."""
    text = "Sản lượng điện thương phẩm đạt 812,5 triệu kWh, tăng 4,2%"
    assert normalize(unicodedata.normalize("NFD", text)) == text


def test_a_joiner_inside_a_word_is_asked_and_quoted(tmp_path: Path) -> None:
    """U+034F in a document and in a question (refused before); U+FE0F in a document taught
    the typo corrector a non-word ("ếp hạng")."""
    from conftest import service_over_files

    service = service_over_files(tmp_path, {
        "bl_2037.txt": "Báo cáo thương mại tháng 5 năm 2037\n\nTổng mức b\u034fán lẻ hàng hóa "
                       "tháng 5/2037 đạt 2.918,4 tỷ đồng. Chỉ số giá tiêu dùng tháng 5/2037 "
                       "tăng 0,42% so với tháng trước.",
        "vh_2063.txt": "Báo cáo văn hóa năm 2063\n\nSố di tích được x\ufe0fếp hạng năm 2063 là "
                       "37 di tích.\nSố thư viện c\ufe0fấp xã năm 2063 là 96 thư viện."})
    got = service.ask("tổng mức bán lẻ hàng hóa tháng 5/2037")
    assert got.found and got.answer.startswith("2.918,4"), got.answer
    assert "\u034f" not in got.citations[0].quote
    got = service.ask("chỉ số giá tiêu d\u034fùng tháng 5/2037")
    assert got.found and "0,42" in got.answer, got.answer
    got = service.ask("số thư viện cấp xã năm 2063")
    assert got.found and got.answer.startswith("96"), got.answer
    assert "\ufe0f" not in (got.summary or "")
    # the corrector learnt "ếp" from "x\ufe0fếp" and rewrote a well-spelt question with it
    got = service.ask("số di tích được xếp hạng năm 2063")
    assert "ếp hạng" not in got.resolved_question.replace("xếp hạng", "")


# --- 3. small ingestion gaps ---------------------------------------------------------------

def test_a_csv_bare_integer_is_grouped_as_vietnamese_writes_it() -> None:
    """"19105" was answered "19105 tấn"; an XLSX number cell was already "19.105".  Years,
    codes with a leading zero and numbers of three digits are kept."""
    raw = ("Chỉ tiêu,Đơn vị,2064,2065\nSản lượng muối,tấn,18240,19105\n"
           "Chênh lệch tồn kho,tấn,-12500,+1200\nMã sản phẩm,,01234,512\n")
    text = csv_text("muoi_2064_2065.csv", raw)[0]
    assert "2065 — Sản lượng muối: 19.105 tấn" in text, text
    assert "−12.500 tấn" in text or "-12.500 tấn" in text
    assert "+1.200 tấn" in text and "01234" in text and "2065 — Mã sản phẩm: 512" in text
    xlsx = xlsx_text("muoi.xlsx", xlsx_bytes([["Chỉ tiêu", "Đơn vị", "Năm 2065"],
                                              ["Sản lượng muối", "tấn", 19105]]))[0]
    assert "Sản lượng muối: 19.105 tấn" in xlsx


def test_a_joomla_pages_created_date_is_its_date() -> None:
    """Joomla writes the day in ``<p class="createdate">Thứ Năm, 12 Tháng 7 2040 09:15</p>``
    (3.x: ``<dd class="create">``); the page had no date."""
    for marked in ['<p class="createdate">Thứ Năm, 12 Tháng 7 2040 09:15</p>',
                   '<dl><dd class="create">Ngày tạo: ngày 12 tháng 7 năm 2040</dd></dl>']:
        page = ("<html><head><title>Tin tức</title></head><body><div class='item-page'>"
                "<h2>Kết quả sản xuất vụ đông xuân năm 2040</h2>" + marked +
                "<p>Vụ đông xuân năm 2040, toàn tỉnh gieo cấy 42.350 ha lúa, sản lượng lúa "
                "đạt 286,4 nghìn tấn.</p></div></body></html>")
        assert page_text(page).date == "2040-07-12", marked


@pytest.mark.parametrize("name, new", [("bao_cao_cu_2005.doc", ".docx"), ("so_lieu.xls", ".xlsx")])
def test_an_old_office_file_is_told_to_be_saved_in_the_new_format(
        tmp_path: Path, name: str, new: str) -> None:
    from conftest import empty_service

    from rag.errors import UnsupportedFileType

    with pytest.raises(UnsupportedFileType, match=f"save it as {new}"):
        read_upload(name, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / name).write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    (docs / "bc.txt").write_text("Báo cáo năm 2030\n\nSản lượng điện năm 2030 đạt 812,5 triệu kWh.",
                                 encoding="utf-8")
    report = empty_service(tmp_path / "s").index_paths([docs])
    assert f"save it as {new}" in report.other_files[str(docs / name)]
