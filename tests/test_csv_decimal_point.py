"""A CSV cell written with a decimal point that cannot group thousands ("4.35", "2.7%",
"1250.5": other than three digits after the point, or more than three before it) is read
with the Vietnamese decimal comma; "27.640", which may group thousands, stays a grouped
figure (issue 16, break-test bt4-b16 minor: "5.45" under a "%" unit was shown "5.45%").
Invented figures."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import empty_service

from rag.ingest.sheets import dotted_decimals
from rag.ingest.uploads import read_upload

_CSV = ("Chỉ tiêu,Đơn vị,Năm 2057,Năm 2058\n"
        "Sản lượng nước sạch,nghìn m3,27640,29015\n"
        "Tỷ lệ thất thoát nước sạch,%,4.35,3.9\n"
        "Giá bán nước bình quân,đồng/m3,1250.5,1312.25\n")


@pytest.mark.parametrize("cell, read", [
    ("4.35", "4,35"), ("3.9", "3,9"), ("2.7%", "2,7%"), ("-0.45", "-0,45"),
    ("1250.5", "1.250,5"), ("0.1234", "0,1234"),
    ("27.640", "27.640"), ("5.450", "5.450"), ("1.234.567", "1.234.567"), ("4,35", "4,35"),
    ("Quý I.2058", "Quý I.2058"), ("", ""),
])
def test_a_point_that_cannot_group_thousands_is_a_decimal_comma(cell: str, read: str) -> None:
    assert dotted_decimals([[cell]]) == [[read]]


def test_the_stored_table_reads_the_decimals() -> None:
    doc = read_upload("nuoc_sach_2058.csv", _CSV.encode())
    assert "4,35" in doc.text and "3,9" in doc.text and "1.312,25" in doc.text, doc.text
    assert "4.35" not in doc.text and "27.640" in doc.text, doc.text


@pytest.mark.parametrize("asked, number", [
    ("tỷ lệ thất thoát nước sạch năm 2057", "4,35%"),
    ("tỷ lệ thất thoát nước sạch năm 2058", "3,9%"),
    ("sản lượng nước sạch năm 2057", "27.640"),
])
def test_the_answer_shows_the_decimal_comma(asked: str, number: str, tmp_path: Path) -> None:
    service = empty_service(tmp_path)
    service.add_document(read_upload("nuoc_sach_2058.csv", _CSV.encode()))
    got = service.ask(asked)
    assert got.found and got.answer.startswith(number), (got.answer, got.confidence)
