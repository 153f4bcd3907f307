"""Where a table caption's words stop (break-test round 31 of issue 16, and the OCR annex it
broke): a caption names the measure of rows that are its parts, not of rows a "Chỉ tiêu"
header or their own words say are indicators; a caption's bracket is a unit only when the
lexicon reads it as one; a number-and-date line dates the document also after the issuer's
name on the same line."""

from __future__ import annotations

import io

import docx
import pytest

from rag.ingest.readers import signed_date
from rag.ingest.tables import table_lines, table_unit
from rag.ingest.uploads import read_upload


@pytest.mark.parametrize("caption,topic,rows", [
    ("Phụ lục. Mạng lưới bán lẻ quý III/2025", "mạng lưới",
     [["Chỉ tiêu", "Quý III/2025"], ["Cửa hàng tiện lợi", "61"], ["Chợ đầu mối", "3"]]),
    ("Bảng 4. Hạ tầng logistics năm 2026", "logistics",
     [["Tên chỉ tiêu", "Năm 2026"], ["Kho ngoại quan", "5"], ["Bến xe hàng", "2"]]),
])
def test_rows_under_chi_tieu_take_no_caption_note(caption: str, topic: str,
                                                  rows: list[list[str]]) -> None:
    lines = table_lines(rows, caption)
    assert topic not in " ".join(lines).lower(), lines
    assert any(f"— {rows[1][0]}: {rows[1][1]}" in line for line in lines), lines


def test_rows_that_name_a_measure_take_no_caption_note() -> None:
    """Under a label header that is no "Chỉ tiêu", a row starting as a measure does
    ("Kim ngạch …", "Số …") is its own indicator; a part ("Cao su") still gets the note."""
    lines = table_lines([["Nội dung", "Năm 2027"], ["Kim ngạch tạm nhập tái xuất", "310,4"],
                         ["Cao su", "96,2"]],
                        "Bảng 2. Giá trị hàng hóa qua cửa khẩu năm 2027 (triệu USD)")
    assert "Năm 2027 — Kim ngạch tạm nhập tái xuất: 310,4 triệu USD" in lines, lines
    assert "Năm 2027 — Cao su: 96,2 triệu USD (Giá trị hàng hóa qua cửa khẩu)" in lines, lines


@pytest.mark.parametrize("caption", [
    "Bảng 3. Số cửa hàng xăng dầu năm 2023 (số liệu sơ bộ)",
    "Bảng 5. Số hộ kinh doanh tháng 9/2025 (ước tính)",
    "Biểu 2. Số điểm bán hàng Việt năm 2026 (không gồm điểm tạm)",
])
def test_a_caption_note_in_brackets_is_no_unit(caption: str) -> None:
    assert table_unit(caption) == ""
    lines = table_lines([["Huyện", "Giá trị"], ["Huyện Bắc Hà", "42"], ["Huyện Đông Khê", "17"]],
                        caption)
    assert any(line.endswith("Huyện Bắc Hà: 42") or ": 42 (" in line for line in lines), lines
    assert not any(w in " ".join(lines) for w in ("42 số", "42 ước", "42 không")), lines


@pytest.mark.parametrize("caption,unit", [
    ("Bảng 1. Lượng khách qua cửa khẩu năm 2024 (nghìn lượt)", "nghìn lượt"),
    ("Bảng 6. Số tờ khai hải quan quý I/2025 (tờ khai)", "tờ khai"),
    ("Bảng 7. Kim ngạch theo thị trường (1000 USD)", "1000 USD"),
    ("Bảng 8. Giá bán lẻ bình quân (nghìn đồng/kg)", "nghìn đồng/kg"),
    ("Bảng 9. Sản lượng điện (triệu kWh)", "triệu kWh"),
])
def test_a_caption_unit_of_the_lexicon_stays(caption: str, unit: str) -> None:
    assert table_unit(caption) == unit


@pytest.mark.parametrize("line,day", [
    ("SỞ CÔNG THƯƠNG BẮC NGUYÊN — Số 112/BC-SCT, ngày 05/3/2026", "2026-03-05"),
    ("UBND HUYỆN ĐÔNG KHÊ | Số: 9/BC-UBND ngày 21 tháng 11 năm 2025", "2025-11-21"),
    ("Cục Thống kê - Số 31/TB-CTK, ngày 30/02/2025", None),  # no such day
    ("Báo cáo quý 3 — Số 31/BC-SCT, ngày 02/10/2025", None),  # a digit in what comes first
    ("SỞ CÔNG THƯƠNG — Số liệu ngày 02/10/2025", None),  # no document number
])
def test_a_number_line_after_the_issuer_dates(line: str, day: str | None) -> None:
    assert signed_date(line) == day


def test_a_docx_header_with_issuer_and_number_dates_the_document() -> None:
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = \
        "SỞ CÔNG THƯƠNG BẮC NGUYÊN — Số 88/BC-SCT, ngày 17/9/2025"
    d.add_paragraph("BÁO CÁO tình hình xuất khẩu 8 tháng năm 2025")
    d.add_paragraph("Kim ngạch xuất khẩu 8 tháng năm 2025 đạt 512,6 triệu USD.")
    out = io.BytesIO()
    d.save(out)
    doc = read_upload("bc_xk_8t.docx", out.getvalue())
    assert doc.date == "2025-09-17"
