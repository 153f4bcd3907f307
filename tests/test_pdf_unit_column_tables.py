"""PDF statistical tables whose unit column (ĐVT) holds a unit with a "/" or a digit --
"nghìn m3/ngđ", "m3/ngày đêm", "tấn/ha", "đồng/kWh", "kg/người/năm", "m2" -- keep each row's
cells and each figure's whole unit.  Issue 16, item 6 (break-test): in a table set without
rules, a long unit printed close to the figure after it was read as one cell ("nghìn m3/ngđ
45,2"), the row no longer lined up and the table fell apart, so "Công suất cấp nước năm
2024?" was refused; and where the row was read, the answer cut the unit at its "/" ("48,6
nghìn m3", "1.920 đồng")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import FakeEmbedder
from helpers import fpdf_page
from test_pdf_unruled_tables import _page

from rag.ingest.pdf import pdf_text
from rag.ingest.uploads import read_upload
from rag.service import RagService
from rag.settings import Settings

_HEAD = ("Chỉ tiêu", "ĐVT", "Năm 2023", "Năm 2024", "So sánh (%)")
_WATER = [_HEAD,
          ("Công suất cấp nước sạch", "nghìn m3/ngđ", "45,2", "48,6", "107,5"),
          ("Sản lượng nước thương phẩm", "m3/ngày đêm", "31.250", "33.800", "108,2"),
          ("Giá bán điện bình quân", "đồng/kWh", "1.920", "2.006", "104,5"),
          ("Lượng rác thải bình quân", "kg/người/năm", "210", "198", "94,3"),
          ("Diện tích nhà ở bình quân", "m2", "24,1", "25,3", "105,0"),
          ("Tỷ lệ hộ dùng nước sạch", "%", "92,5", "94,1", "101,7")]
# the unit column set close to the first year's figures: the longer units run to within a
# word space or two of them (a word processor's narrow ĐVT column)
_CLOSE = [20, 90, 130, 160, 190]
_ROOMY = [20, 85, 140, 165, 190]
_FARM = [("Chỉ tiêu", "Đơn vị tính", "Năm 2023", "Năm 2024"),
         ("Năng suất lúa cả năm", "tạ/ha", "52,4", "53,1"),
         ("Sản lượng sữa tươi", "nghìn tấn/năm", "3,82", "4,05"),
         ("Mật độ dân số", "người/km2", "90", "91")]


def _service(tmp_path: Path, name: str, doc: bytes) -> RagService:
    service = RagService(Settings(index_dir=tmp_path / "i", sessions_db=tmp_path / "s.db"),
                         embedder=FakeEmbedder())
    service.add_document(read_upload(name, doc))
    return service


@pytest.mark.parametrize("columns", [_CLOSE, _ROOMY])
def test_each_row_keeps_its_cells_and_its_unit(columns: list[float]) -> None:
    text = pdf_text("nuoc.pdf", _page("Bảng 1. Một số chỉ tiêu ngành nước năm 2024", columns,
                                      _WATER))
    for line in ("Năm 2024 — Công suất cấp nước sạch: 48,6 nghìn m3/ngđ",
                 "Năm 2023 — Công suất cấp nước sạch: 45,2 nghìn m3/ngđ",
                 "Năm 2023 — Sản lượng nước thương phẩm: 31.250 m3/ngày đêm",
                 "Năm 2024 — Giá bán điện bình quân: 2.006 đồng/kWh",
                 "Năm 2023 — Lượng rác thải bình quân: 210 kg/người/năm",
                 "Năm 2024 — Diện tích nhà ở bình quân: 25,3 m2",
                 "Năm 2024 — Tỷ lệ hộ dùng nước sạch: 94,1%"):
        assert line in text, text


def test_each_year_is_answered_with_its_unit(tmp_path: Path) -> None:
    service = _service(tmp_path, "nuoc-2024.pdf",
                       _page("Bảng 1. Một số chỉ tiêu ngành nước năm 2024", _CLOSE, _WATER))
    for question, expected in (("Công suất cấp nước năm 2024?", "48,6 nghìn m3/ngđ"),
                               ("Công suất cấp nước sạch năm 2023", "45,2 nghìn m3/ngđ"),
                               ("Sản lượng nước thương phẩm năm 2024", "33.800 m3/ngày đêm"),
                               ("Giá bán điện bình quân năm 2023", "1.920 đồng/kWh"),
                               ("Lượng rác thải bình quân năm 2024", "198 kg/người/năm"),
                               ("Diện tích nhà ở bình quân năm 2023", "24,1 m2"),
                               ("Tỷ lệ hộ dùng nước sạch năm 2024", "94,1%")):
        assert service.ask(question).answer == expected, question


def test_other_units_in_a_four_column_table(tmp_path: Path) -> None:
    service = _service(tmp_path, "nong-nghiep-2024.pdf",
                       _page("Bảng 2. Một số chỉ tiêu nông nghiệp, dân số", [20, 95, 150, 185],
                             _FARM))
    for question, expected in (("Năng suất lúa cả năm 2024", "53,1 tạ/ha"),
                               ("Sản lượng sữa tươi năm 2023", "3,82 nghìn tấn/năm"),
                               ("Mật độ dân số năm 2024", "91 người/km2")):
        assert service.ask(question).answer == expected, question


def _ruled() -> bytes:
    """The same units in a table with its rules drawn (cells set 2 mm inside their grid)."""
    pdf: Any = fpdf_page()
    pdf.text(15, 20, "Bảng 3. Chỉ tiêu cấp nước, điện năm 2024")
    edges = [15.0, 85.0, 120.0, 145.0, 170.0, 195.0]
    y = 32.0
    for row in _WATER:
        for j, cell in enumerate(row):
            pdf.text(edges[j] + 2, y, cell)
        y += 7
    for k in range(len(_WATER) + 1):
        pdf.line(edges[0], 27 + 7 * k, edges[-1], 27 + 7 * k)
    for x in edges:
        pdf.line(x, 27, x, 27 + 7 * len(_WATER))
    return bytes(pdf.output())


def test_a_ruled_table_with_the_same_units(tmp_path: Path) -> None:
    service = _service(tmp_path, "cap-nuoc-2024.pdf", _ruled())
    for question, expected in (("Công suất cấp nước năm 2024?", "48,6 nghìn m3/ngđ"),
                               ("Sản lượng nước thương phẩm năm 2023", "31.250 m3/ngày đêm"),
                               ("Giá bán điện bình quân năm 2024", "2.006 đồng/kWh")):
        assert service.ask(question).answer == expected, question


def test_near_misses_stay_as_they_are(tmp_path: Path) -> None:
    """A label with a figure ends whole, a "%" row keeps its share, a unit ending in a digit
    is not cut from its "m", and a year the table lacks is still refused."""
    rows = [*_WATER[:2], ("Xi măng PCB40", "tấn", "1.204", "1.318", "109,5"), *_WATER[5:]]
    doc = _page("Bảng 4. Một số chỉ tiêu năm 2024", _CLOSE, rows)
    text = pdf_text("x.pdf", doc)
    assert "Năm 2024 — Xi măng PCB40: 1.318 tấn" in text, text
    assert "Năm 2023 — Diện tích nhà ở bình quân: 24,1 m2" in text, text
    assert "Năm 2023 — Tỷ lệ hộ dùng nước sạch: 92,5%" in text, text
    service = _service(tmp_path, "chi-tieu-2024.pdf", doc)
    assert service.ask("Tỷ lệ hộ dùng nước sạch năm 2023").answer == "92,5%"
    refused = service.ask("Công suất cấp nước năm 2022?")
    assert "Không tìm thấy" in refused.answer, refused.answer
