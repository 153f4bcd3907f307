"""A ruled PDF table whose header row is printed above its grid (rules under each row and
between the columns, none over the header) keeps that row as its header: each column's
period reaches its cells and the caption's unit stays theirs, as for DOCX, XLSX and CSV
tables.  Issue 16, item 6 (break test b16 round 27, failure 4): the header line was read as
a paragraph and taken for the caption, so both columns were stored under the first period
and the caption's "(đồng/kg)" was lost."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import FakeEmbedder
from helpers import fpdf_page

from rag.ingest.pdf import pdf_text
from rag.ingest.uploads import read_upload
from rag.service import RagService
from rag.settings import Settings

_COLUMNS = [15.0, 75.0, 125.0, 175.0]  # column edges, millimetres


def _page(caption: str, rows: list[tuple[str, ...]], top_rule: bool = False,
          lead: str = "") -> bytes:
    """One A4 page: ``lead``, a ``caption`` line, then ``rows`` (the first the header) each
    with a rule under it and rules between the columns from the header's top down; a rule
    over the header only with ``top_rule``."""
    pdf: Any = fpdf_page()
    pdf.set_font_size(10)
    y = 20.0
    if lead:
        pdf.text(15, y, lead)
        y += 8
    pdf.text(15, y, caption)
    y += 10
    top = y - 5
    for row in rows:
        for j, cell in enumerate(row):
            pdf.text(_COLUMNS[j] + 2, y, cell)
        pdf.line(_COLUMNS[0], y + 2, _COLUMNS[-1], y + 2)
        y += 7
    if top_rule:
        pdf.line(_COLUMNS[0], top, _COLUMNS[-1], top)
    for x in _COLUMNS:
        pdf.line(x, top, x, y - 5)
    return bytes(pdf.output())


_FUEL = _page("Biểu 7: Giá bán lẻ nhiên liệu quý I năm 2093 (đồng/lít)",
              [("Loại nhiên liệu", "Tháng 2/2093", "Tháng 3/2093"),
               ("Xăng RON 95", "24.310", "24.870"),
               ("Dầu diesel", "20.940", "21.150")])


def test_the_header_above_the_grid_dates_each_column() -> None:
    text = pdf_text("gia-nhien-lieu.pdf", _FUEL)
    assert "Tháng 3/2093 — Xăng RON 95: 24.870 đồng/lít" in text, text
    assert "Tháng 2/2093 — Dầu diesel: 20.940 đồng/lít" in text, text
    assert "Tháng 3/2093 — Dầu diesel: 21.150 đồng/lít" in text, text
    assert "Loại nhiên liệu Tháng 2/2093" not in text, text  # not a paragraph


def test_the_same_table_with_a_rule_over_its_header_reads_alike() -> None:
    ruled = _page("Biểu 7: Giá bán lẻ nhiên liệu quý I năm 2093 (đồng/lít)",
                  [("Loại nhiên liệu", "Tháng 2/2093", "Tháng 3/2093"),
                   ("Xăng RON 95", "24.310", "24.870"),
                   ("Dầu diesel", "20.940", "21.150")], top_rule=True)
    lines = [line for line in pdf_text("a.pdf", _FUEL).splitlines() if "—" in line]
    assert lines == [line for line in pdf_text("b.pdf", ruled).splitlines() if "—" in line]


def test_a_sentence_above_the_grid_stays_text() -> None:
    doc = _page("Giá một số vật tư nông nghiệp tăng nhẹ so với tháng trước, cụ thể như sau:",
                [("Phân urê", "11.200", "11.450"),
                 ("Phân kali", "9.800", "9.950")],
                lead="Bảng 2. Giá vật tư nông nghiệp tháng 6 năm 2094 (đồng/kg)")
    text = pdf_text("vat-tu.pdf", doc)
    assert "tăng nhẹ so với tháng trước, cụ thể như sau:" in text, text


def test_each_month_answers_with_its_unit(tmp_path: Path) -> None:
    service = RagService(Settings(index_dir=tmp_path / "i", sessions_db=tmp_path / "s.db"),
                         embedder=FakeEmbedder())
    doc = _page("Bảng 4: Giá bán buôn một số mặt hàng tháng 9 năm 2095 (nghìn đồng/kg)",
                [("Mặt hàng", "Tháng 8/2095", "Tháng 9/2095"),
                 ("Cà phê nhân", "118,5", "121,3"),
                 ("Hạt điều nhân", "152,0", "149,6")])
    service.add_document(read_upload("gia-ban-buon-9-2095.pdf", doc))
    answer = service.ask("giá cà phê nhân tháng 8 năm 2095")
    assert answer.answer == "118,5 nghìn đồng/kg", answer
    answer = service.ask("giá hạt điều nhân tháng 9/2095")
    assert answer.answer == "149,6 nghìn đồng/kg", answer
