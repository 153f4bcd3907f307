"""The reviewer's second round on issue 16: inputs that broke the first implementation
(CSV titles, years typed bare, mixed legacy text, bidi marks, ranges, table units, 8-bit
legacy files, strict runs and duplicate names).  Every document is built here, small."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
from conftest import FakeEmbedder

from rag.ingest.uploads import read_upload
from rag.service import RagService
from rag.settings import Settings


def _service(tmp_path: Path) -> RagService:
    return RagService(Settings(index_dir=tmp_path / "index", sessions_db=tmp_path / "s.db"),
                      embedder=FakeEmbedder())


# --- 1. a CSV's first figure row is a row, not the title -------------------------------------

def test_csv_first_figure_row_stays_in_text(tmp_path: Path) -> None:
    csv = ('"Chỉ tiêu","ĐVT","Tháng 3/2022","Tháng 4/2022"\n'
           '"Lượng xe hàng xuất khẩu","xe","12.340","13.005"\n'
           '"Doanh thu vận tải","tỷ đồng","88,4","91,7"\n')
    doc = read_upload("xe_hang_quy2_2022.csv", csv.encode())
    assert "Tháng 3/2022 — Lượng xe hàng xuất khẩu: 12.340 xe (dòng 2)" in doc.text
    assert "12.340" not in doc.title and doc.title == "xe hang quy2 2022"
    service = _service(tmp_path)
    service.add_document(doc)
    answer = service.ask("lượng xe hàng xuất khẩu tháng 3/2022?")
    assert answer.answer == "12.340 xe"


def test_csv_and_xlsx_title_row_is_the_title() -> None:
    csv = "BÁO CÁO NHANH THÁNG 5/2024;;\nChỉ tiêu;Tháng 5/2024;So cùng kỳ\nXuất khẩu;55;8\n"
    doc = read_upload("bc.csv", csv.encode())
    assert doc.title == "BÁO CÁO NHANH THÁNG 5/2024"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Chỉ tiêu", "Năm 2020", "Năm 2021"])
    ws.append(["Số chợ", 80, 81])
    buf = io.BytesIO()
    wb.save(buf)
    doc = read_upload("cho-2021.xlsx", buf.getvalue())
    assert "Năm 2020 — Số chợ: 80" in doc.text and doc.title == "cho-2021"
