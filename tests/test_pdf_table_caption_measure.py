"""A table's caption names what its rows measure, and a ruled PDF table stays under its
caption.  Issue 16, item 6 (break test b16 round 31, failure 2): on a page set in two
columns, a ruled table under its caption "… Giá trị sản xuất … (tỷ đồng)" was read after
the unruled table below it, at the page's end, without its caption's unit; and its row
lines named no measure ("Tháng 6/2024 — Chế biến gỗ: 143,7"), so a question naming the
measure was refused.  Other captions, measures, units and periods here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import FakeEmbedder
from helpers import fpdf_page

from rag.ingest.pdf import pdf_text
from rag.ingest.tables import caption_measure, table_indicator, table_lines
from rag.ingest.uploads import read_upload
from rag.service import RagService
from rag.settings import Settings

_LEFT = ["Doanh thu bán lẻ hàng hóa trên địa bàn trong", "quý III năm 2091 tăng khá so với",
         "cùng kỳ nhờ sức mua dịp cuối năm."]
_RIGHT = ["Hoạt động xuất khẩu qua các cửa khẩu của", "tỉnh tiếp tục ổn định, số tờ khai",
          "hải quan tăng đều qua các tháng."]
_GRID = [("Sản phẩm", "Quý III/2091", "So cùng kỳ (%)"), ("Xi măng", "312,4", "105,1"),
         ("Phân bón", "48,6", "98,2"), ("Gạch nung", "77,3", "101,9")]
_COLUMNS = [15.0, 80.0, 130.0, 185.0]  # column edges, millimetres


def _page() -> bytes:
    """Two columns of prose, a ruled table across both under its caption, then a table
    without rules under its own caption."""
    pdf: Any = fpdf_page()
    pdf.set_font_size(9)
    pdf.text(15, 15, "THÔNG TIN KINH TẾ QUÝ III NĂM 2091")
    for i, (left, right) in enumerate(zip(_LEFT, _RIGHT, strict=True)):
        pdf.text(15, 25 + 5 * i, left)
        pdf.text(110, 25 + 5 * i, right)
    pdf.text(15, 48, "Biểu 3: Sản lượng một số sản phẩm công nghiệp quý III/2091 (nghìn tấn)")
    y = 58.0
    for row in _GRID:
        for j, cell in enumerate(row):
            pdf.text(_COLUMNS[j] + 2, y, cell)
        y += 7
    for k in range(len(_GRID) + 1):
        pdf.line(_COLUMNS[0], 53 + 7 * k, _COLUMNS[-1], 53 + 7 * k)
    for x in _COLUMNS:
        pdf.line(x, 53, x, 53 + 7 * len(_GRID))
    pdf.text(15, 95, "Biểu 4: Số cửa hàng xăng dầu năm 2091")
    for i, (name, count) in enumerate([("Khu vực", "Số cửa hàng"), ("Thành thị", "64"),
                                       ("Nông thôn", "211")]):
        pdf.text(15, 103 + 6 * i, name)
        pdf.text(80, 103 + 6 * i, count)
    return bytes(pdf.output())


def test_the_ruled_table_stays_under_its_caption_with_its_unit_and_measure() -> None:
    text = pdf_text("thong-tin-quy-3.pdf", _page())
    line = "Quý III/2091 — Phân bón: 48,6 nghìn tấn (Sản lượng"
    assert line in text, text
    assert text.index("Biểu 3:") < text.index(line) < text.index("Biểu 4:"), text
    assert text.index("tăng khá so với") < text.index("Biểu 3:"), text
    assert text.index("hải quan tăng đều") < text.index("Biểu 3:"), text


def test_a_question_naming_the_caption_s_measure_is_answered(tmp_path: Path) -> None:
    service = RagService(Settings(index_dir=tmp_path / "i", sessions_db=tmp_path / "s.db"),
                         embedder=FakeEmbedder())
    service.add_document(read_upload("thong-tin-quy-3-2091.pdf", _page()))
    answer = service.ask("sản lượng gạch nung quý III/2091")
    assert answer.answer == "77,3 nghìn tấn", answer
    answer = service.ask("sản lượng xi măng quý III năm 2091")
    assert answer.answer == "312,4 nghìn tấn", answer


def test_a_caption_s_measure_reaches_rows_of_any_reader() -> None:
    caption = "Bảng 5. Kim ngạch nhập khẩu các mặt hàng chủ yếu năm 2090 (triệu USD)"
    got = table_lines([["Mặt hàng", "Năm 2089", "Năm 2090"], ["Sắt thép", "41,2", "45,9"],
                       ["Phân bón", "12,7", "11,3"]], caption)
    assert "Năm 2090 — Sắt thép: 45,9 triệu USD (Kim ngạch nhập khẩu)" in got, got
    assert caption_measure(table_indicator(caption)) == "Kim ngạch nhập khẩu"
    assert caption_measure("Giá trị sản xuất của một số ngành") == "Giá trị sản xuất"


def test_rows_that_are_indicators_take_no_caption_measure() -> None:
    got = table_lines([["Chỉ tiêu", "Năm 2090"], ["Kim ngạch nhập khẩu", "640"],
                       ["Kim ngạch xuất khẩu", "702"]],
                      "Bảng 2. Kim ngạch xuất nhập khẩu qua cửa khẩu năm 2090 (triệu USD)")
    assert got == ["Năm 2090 — Kim ngạch nhập khẩu: 640 triệu USD",
                   "Năm 2090 — Kim ngạch xuất khẩu: 702 triệu USD"], got
