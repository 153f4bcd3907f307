"""Two blocks of a PDF page set side by side, each a sentence wrapped over five or six VERY
short rows (a few words each, the first one short of a prose line) and ending in the figure
alone, are read column by column at 9 and 11 pt (issue 16, break-test round 36 b16 failure 7,
kind t′: 5-row blocks of short rows were read across, line by line, while 4-row blocks of
longer rows held; ``rag.ingest.pdf._column_side``).  A list's short labels beside figures
without a stop stays a table.  Invented bulletin and figures."""

import os
import re

import pytest

from rag.ingest.pdf import pdf_text

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
fpdf = pytest.importorskip("fpdf")
pytestmark = pytest.mark.skipif(not os.path.exists(FONT), reason="DejaVu font missing")

LEFT_X = 48

# each block: its rows, the last the figure that closes the sentence
ROWS = {
    5: (["Lượng nước sạch", "cấp cho khu", "dân cư Bình Lạc", "năm 2091 đạt", "7.418 nghìn m3."],
        ["Số hộ dùng", "điện lưới", "quốc gia tại", "xã vùng cao là", "12.906 hộ."]),
    6: (["Tổng chiều dài", "đường giao thông", "nông thôn", "được cứng hóa", "trong năm 2091",
         "là 1.284 km."],
        ["Tỷ lệ xã", "có chợ đạt", "chuẩn nông thôn", "mới năm 2091", "so với năm trước",
         "tăng 4,6%."]),
}


def _pdf(size: float, right_x: float, leading: float, left: list[str],
         right: list[str]) -> bytes:
    doc = fpdf.FPDF(unit="pt", format=(595, 842))
    doc.add_font("DV", "", FONT)
    doc.add_page()
    doc.set_font("DV", size=size)
    doc.text(LEFT_X, 50, "BẢN TIN HẠ TẦNG NÔNG THÔN HUYỆN BÌNH LẠC NĂM 2091")
    for i, (a, b) in enumerate(zip(left, right, strict=True)):
        doc.text(LEFT_X, 80 + leading * i, a)
        doc.text(right_x, 80 + leading * i, b)
    return bytes(doc.output())


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(("size", "right_x", "leading"),
                         [(9, 300, 12), (11, 315, 15), (9, 260, 11), (11, 280, 14)])
@pytest.mark.parametrize("rows", [5, 6])
def test_short_row_blocks_are_read_as_columns(size, right_x, leading, rows):
    left, right = ROWS[rows]
    for a, b in ((left, right), (right, left)):
        text = _flat(pdf_text("ban_tin.pdf", _pdf(size, right_x, leading, a, b)))
        assert " ".join(a) in text, text
        assert " ".join(b) in text, text
        assert text.index(a[-1]) < text.index(b[0])


def test_short_labels_beside_figures_without_a_stop_stay_a_table():
    doc = fpdf.FPDF(unit="pt", format=(595, 842))
    doc.add_font("DV", "", FONT)
    doc.add_page()
    doc.set_font("DV", size=10)
    doc.text(LEFT_X, 50, "Chiều dài đường giao thông theo cấp quản lý năm 2091 của huyện")
    for i, (label, figure) in enumerate([("Đường huyện", "412,5"), ("đường xã", "1.036"),
                                         ("đường thôn", "2.208"), ("đường nội đồng", "754")]):
        doc.text(LEFT_X, 80 + 13 * i, label)
        doc.text(320, 80 + 13 * i, figure)
    text = _flat(pdf_text("duong.pdf", bytes(doc.output())))
    assert re.search(r"Đường huyện:? 412,5", text), text
    assert re.search(r"đường nội đồng:? 754", text), text
