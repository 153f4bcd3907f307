"""A figure's unit as the document states it -- its row's unit cell, or the noun written right
after the number -- is said in the answer even when the unit lexicon does not hold it
(break-test bt16c, open in session 39: "Số đầu xe khách | đầu xe | 1.087" answered "1.087"
bare).  Shapes: an XLSX with a "Đơn vị tính" column, a CSV with "ĐVT" after the figures, a
DOCX table, a small count ("12 đầu máy", once read as a row number), and running text with
the classifier "đầu" ("1.087 đầu xe khách", "150 đầu sách").  Near misses: "6 tháng đầu năm"
stays a period, "vốn đầu tư" no count, a row number before a capitalised label no value."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FakeEmbedder, service_over
from helpers import csv_bytes, docx_bytes, docx_fill, xlsx_bytes

from rag.ingest.uploads import read_upload
from rag.records import AskOptions
from rag.service import RagService
from rag.settings import Settings
from rag.vi.numbers import find_values

_XLSX = [["Chỉ tiêu", "Đơn vị tính", "Năm 2023", "Năm 2024"],
         ["Số đầu xe khách", "đầu xe", "980", "1.087"],
         ["Số đầu máy kéo nông nghiệp", "đầu máy", "9", "12"],
         ["Số phương tiện vận tải hàng hóa", "chiếc", "3.412", "3.760"]]
_CSV = [["Chỉ tiêu", "Năm 2025", "ĐVT"],
        ["Số đầu sách thư viện tỉnh bổ sung", "2140", "đầu sách"],
        ["Số lò gạch thủ công", "23", "lò"]]


def _docx() -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("Kết quả hoạt động vận tải năm 2026")
    rows = [["Chỉ tiêu", "Đơn vị tính", "Năm 2026"],
            ["Số đầu xe buýt đang khai thác", "đầu xe", "64"],
            ["Số bến xe khách", "bến", "11"]]
    docx_fill(d.add_table(rows=len(rows), cols=3), rows)
    return docx_bytes(d)


def _service(tmp_path: Path, name: str, doc: bytes) -> RagService:
    service = RagService(Settings(index_dir=tmp_path / "i", sessions_db=tmp_path / "s.db"),
                         embedder=FakeEmbedder())
    service.add_document(read_upload(name, doc))
    return service


FILES = {"van-tai.xlsx": lambda: xlsx_bytes(_XLSX), "thu-vien.csv": lambda: csv_bytes(_CSV),
         "xe-buyt.docx": _docx}


@pytest.mark.parametrize(("name", "question", "expected"), [
    ("van-tai.xlsx", "Số đầu xe khách năm 2024?", "1.087 đầu xe"),
    ("van-tai.xlsx", "Số đầu máy kéo nông nghiệp năm 2024?", "12 đầu máy"),
    ("van-tai.xlsx", "Số phương tiện vận tải hàng hóa năm 2023?", "3.412 chiếc"),
    ("thu-vien.csv", "Số đầu sách thư viện tỉnh bổ sung năm 2025?", "2.140 đầu sách"),
    ("thu-vien.csv", "Số lò gạch thủ công năm 2025?", "23 lò"),
    ("xe-buyt.docx", "Số đầu xe buýt đang khai thác năm 2026?", "64 đầu xe"),
])
def test_a_tables_unit_cell_is_said(tmp_path: Path, name: str, question: str,
                                    expected: str) -> None:
    a = _service(tmp_path, name, FILES[name]()).ask(question)
    assert a.found and a.answer == expected, a.answer


DOCS = [
    {"id": "gtvt", "title": "Giao thông vận tải năm 2024", "date": "2025-01-10",
     "text": "Năm 2024, toàn tỉnh có 1.087 đầu xe khách. Kim ngạch xuất khẩu 6 tháng đầu năm "
             "2024 đạt 1.200 triệu USD. Vốn đầu tư phát triển năm 2024 đạt 5.400 tỷ đồng."},
    {"id": "van-hoa", "title": "Văn hóa năm 2024", "date": "2025-01-12",
     "text": "Năm 2024, thư viện tỉnh bổ sung 150 đầu sách mới."},
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("units"), DOCS)


@pytest.mark.parametrize(("question", "expected"), [
    ("Có bao nhiêu đầu xe khách năm 2024?", "1.087 đầu xe"),
    # near misses: a period with "đầu", an amount of "đầu tư"
    ("Kim ngạch xuất khẩu 6 tháng đầu năm 2024?", "1.200 triệu USD"),
    ("Vốn đầu tư phát triển năm 2024?", "5.400 tỷ đồng"),
])
def test_the_noun_after_the_number_is_said(service: RagService, question: str,
                                           expected: str) -> None:
    a = service.ask(question, AskOptions())
    assert a.found and expected in a.answer, a.answer


@pytest.mark.parametrize(("text", "values"), [
    ("Năm 2024, thư viện tỉnh bổ sung 150 đầu sách mới.", [("150 đầu sách", "đầu sách")]),
    ("12 đầu máy", [("12 đầu máy", "đầu máy")]),
    # near misses: a row number before a capitalised label; "tháng đầu năm" after a count
    ("1 Kim ngạch xuất khẩu 300 triệu USD", [("300 triệu USD", "triệu USD")]),
    ("Trong 6 tháng đầu năm, toàn tỉnh có 12 chợ.", [("12 chợ", "chợ")]),
])
def test_values_and_their_units(text: str, values: list[tuple[str, str]]) -> None:
    assert [(v.text, v.unit) for v in find_values(text)] == values
