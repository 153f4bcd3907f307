"""A column "Cùng kỳ <period>" that names its own period (break-test bt26, session 53): a DOCX
"Cửa khẩu | Thực hiện tháng 6/2042 | Lũy kế 6 tháng 2042 | Cùng kỳ 6 tháng 2041" read the
last column as a comparison and dated its cells the report's 6 months, and "Kim ngạch qua
cửa khẩu Hữu Nghị 6 tháng 2041?" was refused ("số liệu này cho năm 2042").  Such a header is
that period, "Cùng kỳ 9 tháng 2046 (9 tháng 2046)", in every reader
(``rag.ingest.tables.same_period``), as "Cùng kỳ 2041" after "5 tháng 2042" already was
(tests/test_report_period_sheets.py).  Invented gates and figures."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import empty_service
from helpers import titled_table_file

from rag.ingest.tables import same_period
from rag.ingest.uploads import read_upload

_ROWS = [["Cửa khẩu", "Tháng 9/2047", "Lũy kế 9 tháng 2047", "Cùng kỳ 9 tháng 2046",
          "So cùng kỳ (%)"],
         ["Tân Thanh", "85,2", "702,4", "655,1", "107,2"],
         ["Cốc Nam", "6,3", "51,8", "48,0", "107,9"]]
_TITLE = "Biểu 3: Kim ngạch xuất nhập khẩu qua các cửa khẩu (Đơn vị tính: triệu USD)"


@pytest.mark.parametrize("kind", ["xlsx", "csv", "html", "docx"])
def test_a_named_same_period_column_is_its_period(kind) -> None:
    text = read_upload(*titled_table_file(kind, _ROWS, _TITLE)).text
    assert "Cùng kỳ 9 tháng 2046 (9 tháng 2046) — cửa khẩu Tân Thanh: 655,1 triệu USD" in text, \
        text


@pytest.mark.parametrize("kind", ["xlsx", "docx"])
@pytest.mark.parametrize("question, answer", [
    ("Kim ngạch qua cửa khẩu Tân Thanh 9 tháng năm 2046?", "655,1 triệu USD"),
    ("Kim ngạch xuất nhập khẩu qua cửa khẩu Cốc Nam 9 tháng 2047?", "51,8 triệu USD"),
])
def test_a_named_same_period_column_is_answered(kind, question, answer, tmp_path: Path) -> None:
    service = empty_service(tmp_path)
    service.add_document(read_upload(*titled_table_file(kind, _ROWS, _TITLE)))
    got = service.ask(question)
    assert got.found and got.answer == answer, got.answer


def test_another_year_is_still_refused(tmp_path: Path) -> None:
    service = empty_service(tmp_path)
    service.add_document(read_upload(*titled_table_file("docx", _ROWS, _TITLE)))
    got = service.ask("Kim ngạch qua cửa khẩu Tân Thanh 9 tháng năm 2045?")
    assert not got.found, got.answer


@pytest.mark.parametrize("cell, before, read", [
    ("Cùng kỳ 6 tháng 2041", None, "Cùng kỳ 6 tháng 2041 (6 tháng 2041)"),
    ("Cùng kỳ quý I/2041", "Quý I/2042", "Cùng kỳ quý I/2041 (quý I/2041)"),
    ("Cùng kỳ 2041", "5 tháng 2042", "Cùng kỳ 2041 (5 tháng 2041)"),  # as before
    ("Cùng kỳ năm trước", None, None),  # no period named, none beside it
    ("Cùng kỳ tháng trước", "Tháng 5/2042", None),  # no such label
])
def test_same_period(cell, before, read) -> None:
    assert same_period(cell, before) == read
