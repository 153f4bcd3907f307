"""A minus written with a symbol outside the dash class -- "˗" U+02D7 MODIFIER LETTER MINUS
SIGN (PDF and Word copies), "➖" U+2796 HEAVY MINUS SIGN, "⁻"/"₋" super/subscript minus, "⁒"
COMMERCIAL MINUS SIGN -- is the value's sign, and between two numbers joins a range, as "-"
does (rag.vi.text.unify_dashes, is_minus_sign); operators that merely have MINUS in their name
are not signs.  Table cells typed as text with any minus and a decimal point are numbers in
their own row, shown the Vietnamese way (rag.ingest.sheets.signed_numbers).  Issue 16,
break-test bt5-b16 items 2 and 3; invented figures, wordings other than the break-test's."""

from __future__ import annotations

import io
import sys
import unicodedata
from pathlib import Path

import openpyxl
import pytest
from conftest import empty_service

from rag.ingest.sheets import csv_text, xlsx_text
from rag.ingest.uploads import read_upload
from rag.vi.numbers import find_values
from rag.vi.text import is_minus_sign, normalize, unify_dashes

_MINUSES = ["\u02d7", "\u2796", "\u207b", "\u208b", "\u2052"]
# named MINUS (or HYPHEN) but not a number's sign
_NOT_SIGNS = ["\u00b1", "\u2213", "\u2216", "\u2238", "\u2242", "\u2296", "\u229f", "\u2a29",
              "\u2a3a", "\u2a41", "\u2a6c", "\u2756", "\u293c", "\u2027", "\u2043"]


@pytest.mark.parametrize("minus", _MINUSES)
def test_a_minus_symbol_is_a_sign_before_a_number_and_a_joint_between_two(minus: str) -> None:
    text = f"sản lượng điện giảm {minus}4,7%; tải trọng 18{minus}22 tấn"
    assert len(unify_dashes(text)) == len(text)
    assert normalize(text) == "sản lượng điện giảm -4,7%; tải trọng 18-22 tấn"
    assert [v.low for v in find_values(normalize(f"doanh thu đạt {minus}12,05 tỷ đồng"))] \
        == [-12.05]
    assert [(v.low, v.high) for v in find_values(normalize(f"từ 1.150{minus}1.420 lượt"))] \
        == [(1150.0, 1420.0)]


@pytest.mark.parametrize("kept", _NOT_SIGNS)
def test_operators_named_minus_are_kept(kept: str) -> None:
    assert unify_dashes(f"A {kept}5") == f"A {kept}5"


def test_the_unicode_table_what_the_rule_catches() -> None:
    caught = {chr(cp) for cp in range(sys.maxunicode + 1)
              if unify_dashes(chr(cp)) == "-" and chr(cp) != "-"}
    assert set(_MINUSES) <= caught
    assert not caught & set(_NOT_SIGNS)
    for char in caught:  # every one a dash or a minus sign, none a letter or a digit
        cat = unicodedata.category(char)
        assert cat == "Pd" or is_minus_sign(char), (hex(ord(char)), cat)
    assert unify_dashes("10\u207b\u00b3 m") == "10\u207b\u00b3 m"  # an exponent is kept
    assert unify_dashes("\u2212") == "\u2212"


_DOC = ("Báo cáo tình hình kinh tế quý III năm 2071\n\n"
        "Chỉ số sản xuất ngành dệt may quý III năm 2071 đạt \u27962,8% so với cùng kỳ. "
        "Chỉ số giá tiêu dùng nhóm nhà ở quý III năm 2071 đạt \u02d71,6% so với cùng kỳ. "
        "Sản lượng gạch nung quý III năm 2071 đạt 64\u279671 triệu viên.\n")


@pytest.mark.parametrize("asked, number", [
    ("chỉ số sản xuất ngành dệt may quý III năm 2071", "2,8%"),
    ("chỉ số giá tiêu dùng nhóm nhà ở quý III năm 2071", "1,6%"),
])
def test_the_answer_keeps_the_sign(asked: str, number: str, tmp_path: Path) -> None:
    service = empty_service(tmp_path)
    service.add_document(read_upload("kt_q3_2071.txt", _DOC.encode()))
    got = service.ask(asked)
    assert got.found, got.answer
    assert got.answer == f"-{number}", got.answer
    assert f"giảm {number}" in (got.summary or ""), got.summary
    assert "\u2796" not in (got.summary or "") and "\u02d7" not in (got.summary or "")


def test_a_range_joined_by_a_heavy_minus(tmp_path: Path) -> None:
    service = empty_service(tmp_path)
    service.add_document(read_upload("kt_q3_2071.txt", _DOC.encode()))
    got = service.ask("sản lượng gạch nung quý III năm 2071")
    assert got.found and got.answer.startswith("64") and "71" in got.answer, got.answer


@pytest.mark.parametrize("cell, shown", [
    ("\uff0d0.42", "-0,42%"), ("\ufe63 1.35", "-1,35%"), ("\u20132.60", "-2,60%"),
    ("\u02d70.8", "-0,8%"), ("\u279612.5", "-12,5%"), ("\u22120.05", "\u22120,05%"),
])
def test_a_signed_text_cell_with_a_decimal_point_is_a_number(cell: str, shown: str) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Chỉ tiêu", "Đơn vị tính", "6 tháng 2093"])
    ws.append(["Tốc độ tăng dư nợ cho vay", "%", cell])
    ws.append(["Tốc độ tăng tiền gửi", "%", 4.2])
    ws.append(["Tỷ lệ nợ xấu", "%", "1.95"])
    buf = io.BytesIO()
    wb.save(buf)
    text, _ = xlsx_text("nh_6t_2093.xlsx", buf.getvalue())
    lines = text.splitlines()
    loan = [line for line in lines if "dư nợ cho vay" in line]
    assert len(loan) == 1 and f": {shown} " in loan[0], text
    assert any("tiền gửi: 4,2%" in line for line in lines), text
    assert any("nợ xấu: 1,95%" in line for line in lines), text
    assert not any(cell.strip() in line for line in lines), text  # never a header


def test_a_csv_cell_signed_by_a_dash_is_shown_with_a_decimal_comma(tmp_path: Path) -> None:
    raw = ("Nhóm hàng;Đơn vị tính;Tháng 9/2094\n"
           "Chỉ số giá nhóm lương thực;%;\u20134.20\n"
           "Chỉ số giá nhóm thực phẩm;%;\u02d70.35\n"
           "Chỉ số giá nhóm đồ uống;%;1.07\n")
    text, _ = csv_text("gia_t9_2094.csv", raw)
    assert "lương thực: -4,20%" in text and "thực phẩm: -0,35%" in text, text
    assert "đồ uống: 1,07%" in text, text
    service = empty_service(tmp_path)
    service.add_document(read_upload("gia_t9_2094.csv", raw.encode()))
    got = service.ask("chỉ số giá nhóm lương thực tháng 9 năm 2094")
    assert got.found and got.answer == "-4,20%", got.answer
