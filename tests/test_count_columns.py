"""A column counting things in a table of money (break-test bt26, session 53): a sheet
"Tháng | Xuất khẩu | Nhập khẩu | Số tờ khai" under "Đơn vị tính: nghìn USD" wrote "1.612 nghìn
USD" for the declarations, and "Số tờ khai … tháng 4?" was refused.  A column headed by a
count ("Số tờ khai", "Số lượt xe", "Số doanh nghiệp") with no unit of its own counts its own
noun, in every reader (``rag.ingest.tables.table_lines``, ``label_count_noun``), as a row
"Số dự án" under a money caption already did.  Invented gates and figures."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import empty_service
from helpers import titled_table_file

from rag.ingest.tables import label_count_noun
from rag.ingest.uploads import read_upload

_ROWS = [["Tháng", "Xuất khẩu", "Nhập khẩu", "Số tờ khai", "Số lượt xe"],
         ["Tháng 1", "12.340", "8.210", "975", "4.120"],
         ["Tháng 2", "10.880", "7.650", "812", "3.905"],
         ["Tháng 3", "14.520", "9.930", "1.104", "4.760"]]
_TITLE = "KIM NGẠCH QUA CỬA KHẨU TÂN THANH QUÝ I NĂM 2048 (Đơn vị tính: nghìn USD)"

_TXT = """BÁO CÁO HOẠT ĐỘNG CỬA KHẨU CỐC NAM THÁNG 5 NĂM 2049

Kết quả hoạt động qua cửa khẩu Cốc Nam như sau.

Đơn vị tính: triệu USD

| Cửa khẩu | Xuất khẩu | Nhập khẩu | Số doanh nghiệp | Số tờ khai |
|---|---|---|---|---|
| Cốc Nam | 21,4 | 12,8 | 37 | 1.310 |
| Chi Ma | 18,9 | 10,2 | 29 | 1.046 |
"""


@pytest.mark.parametrize("kind", ["xlsx", "csv", "html", "docx"])
def test_a_count_column_takes_no_money_unit(kind) -> None:
    text = read_upload(*titled_table_file(kind, _ROWS, _TITLE)).text
    assert "Tháng 2 năm 2048 — Số tờ khai: 812 tờ khai" in text, text
    assert "Tháng 3 năm 2048 — Số lượt xe: 4.760 lượt xe" in text, text
    assert "Tháng 1 năm 2048 — Xuất khẩu: 12.340 nghìn USD" in text, text  # money stays money


@pytest.mark.parametrize("kind", ["xlsx", "csv", "docx"])
@pytest.mark.parametrize("question, answer", [
    ("Số tờ khai qua cửa khẩu Tân Thanh tháng 2/2048?", "812 tờ khai"),
    ("so luot xe qua Tan Thanh thang 3 nam 2048", "4.760 lượt xe"),
    ("Kim ngạch xuất khẩu qua Tân Thanh tháng 1/2048?", "12.340 nghìn USD"),
])
def test_a_count_column_is_answered(kind, question, answer, tmp_path: Path) -> None:
    service = empty_service(tmp_path)
    service.add_document(read_upload(*titled_table_file(kind, _ROWS, _TITLE)))
    got = service.ask(question)
    assert got.found and got.answer == answer, got.answer


def test_a_text_tables_count_column_takes_no_money_unit(tmp_path: Path) -> None:
    doc = read_upload("coc-nam-t5-2049.txt", _TXT.encode())
    assert "Số doanh nghiệp — cửa khẩu Chi Ma: 29 doanh nghiệp" in doc.text, doc.text
    assert "Số tờ khai — cửa khẩu Cốc Nam: 1.310 tờ khai" in doc.text, doc.text
    service = empty_service(tmp_path)
    service.add_document(doc)
    got = service.ask("Số doanh nghiệp qua cửa khẩu Chi Ma tháng 5/2049?")
    assert got.found and got.answer == "29 doanh nghiệp", got.answer


@pytest.mark.parametrize("label, noun", [
    ("Số tờ khai hải quan", "tờ khai"),  # a count noun that is a word's first syllable
    ("Số viên chức", "viên chức"),
    ("Số lượt xe qua cửa khẩu", "lượt xe"),  # times, with what they count
    ("Số lượt", "lượt"),
    ("Số dự án cấp mới", "dự án"),
    ("Số vốn đăng ký", ""),  # no count
    ("Số lượng", ""),
    ("Tổng số", ""),
])
def test_label_count_noun(label, noun) -> None:
    assert label_count_noun(label) == noun
