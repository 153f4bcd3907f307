"""A long-form table ("Năm | Chỉ tiêu | Giá trị | ĐVT", one figure a row, as statistics offices
export them) that ends in a note row ("Ghi chú: năm 2012 là ước tính,,,", "Nguồn: …") is still
read as long form, and the note stays a line of its own (break-test bt16h of issue 16, item 6:
each row was split into "Năm 2012 — Chỉ tiêu: …" and "Năm 2012 — Giá trị: …", and "lượt người
tham gia hội chợ năm 2012?" was refused; rag.ingest.tables.note_row)."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import empty_service
from helpers import xlsx_bytes

from rag.ingest.uploads import read_upload
from rag.records import AskOptions

_ROWS = [["Năm", "Chỉ tiêu", "Giá trị", "ĐVT"],
         ["2051", "Bể chứa xăng dầu", "44", "bể"],
         ["2052", "Bể chứa xăng dầu", "47", "bể"],
         ["2052", "Lượt người tham gia hội chợ", "31.700", "lượt người"]]


def _files() -> dict[str, bytes]:
    comma = "\n".join([*(",".join(r) for r in _ROWS), "Ghi chú: năm 2052 là ước tính,,,"])
    semi = "\n".join([*(";".join(r) for r in _ROWS), "Nguồn: Cục Thống kê tỉnh;;;"])
    return {"a.csv": comma.encode(), "b.csv": semi.encode(),
            "c.xlsx": xlsx_bytes([*_ROWS, ["Ghi chú: số liệu năm 2052 là ước tính", "", "", ""]])}


@pytest.mark.parametrize("name", ["a.csv", "b.csv", "c.xlsx"])
def test_rows_read_whole_and_the_note_kept(name: str) -> None:
    lines = read_upload(name, _files()[name]).text.split("\n")
    assert any(line.startswith("Năm 2052 — Lượt người tham gia hội chợ: 31.700 lượt người")
               for line in lines), lines
    assert not any("Chỉ tiêu:" in line or "Giá trị:" in line for line in lines), lines
    assert any(line.startswith(("Ghi chú", "Nguồn")) for line in lines), lines


@pytest.mark.parametrize("name", ["a.csv", "b.csv", "c.xlsx"])
def test_asked(tmp_path_factory: pytest.TempPathFactory, name: str) -> None:
    svc = empty_service(tmp_path_factory.mktemp("longnote"))
    svc.add_document(read_upload(name, _files()[name]))
    a = svc.ask("lượt người tham gia hội chợ năm 2052?", AskOptions(today=date(2053, 1, 1)))
    assert a.found and a.answer.startswith("31.700"), (a.answer, a.confidence)


def test_near_miss_a_row_with_a_name_is_no_note() -> None:
    from rag.ingest.tables import note_row

    assert note_row(["Ghi chú: năm 2052 là ước tính", "", "", ""])
    assert not note_row(["Ghi chú", "Bể chứa", "44", "bể"])
    assert not note_row(["2052", "", "", ""])
