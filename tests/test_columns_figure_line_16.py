"""Two short blocks of a PDF page set side by side on the same baselines, each a sentence
wrapped over a few lines whose last line is the figure alone ("7,15%.", "12.845,3 tỷ
đồng."), are read column by column whatever the font size, the columns' x and the number of
lines (issue 16 item 6, break-test bt24-b16 failure 1: a 10 pt bulletin's 4-line blocks at
x=40 / x=310 were read across, line by line, and the left block's figure was answered for
the right one's indicator at confidence 1.0)."""

import os
import re

import pytest

from rag.ingest.pdf import pdf_text

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
fpdf = pytest.importorskip("fpdf")
pytestmark = pytest.mark.skipif(not os.path.exists(FONT), reason="DejaVu font missing")

LEFT_X = 42

# (words of the sentence before its figure, the figure line)
AMOUNT = ("Giá trị sản xuất công nghiệp chế biến trên địa bàn trong sáu tháng đầu năm 2083 "
          "ước đạt", "12.845,3 tỷ đồng.")
PERCENT = ("Chỉ số sản xuất toàn ngành công nghiệp sáu tháng đầu năm 2083 so với cùng kỳ "
           "năm trước tăng", "7,15%.")
SHORT_AMOUNT = ("Kim ngạch nhập khẩu quý I năm 2083 đạt", "318,6 triệu USD.")
SHORT_PERCENT = ("Số doanh nghiệp giải thể quý I năm 2083 giảm", "2,4%.")


def _wrap(words: str, lines: int) -> list[str]:
    """``words`` cut into ``lines`` runs of about the same length (a wrapped sentence)."""
    parts = words.split()
    total = sum(len(w) + 1 for w in parts)
    out, cur = [], []
    for w in parts:
        cur.append(w)
        if len(out) < lines - 1 and sum(len(x) + 1 for x in cur) >= total / lines:
            out.append(" ".join(cur))
            cur = []
    out.append(" ".join(cur))
    assert len(out) == lines and all(out)
    return out


def _block(sentence: tuple[str, str], rows: int) -> list[str]:
    return [*_wrap(sentence[0], rows - 1), sentence[1]]


def _pdf(size: float, gap: float, left: list[str], right: list[str], leading: float) -> bytes:
    doc = fpdf.FPDF(unit="pt", format=(595, 842))
    doc.add_font("DV", "", FONT)
    doc.add_page()
    doc.set_font("DV", size=size)
    doc.text(LEFT_X, 50, "BẢN TIN KINH TẾ - XÃ HỘI TỈNH LAM THỦY THÁNG 6 NĂM 2083")
    for i, (a, b) in enumerate(zip(left, right, strict=True)):
        assert doc.get_string_width(a) < gap - 2 * size  # the gutter stays free
        doc.text(LEFT_X, 80 + leading * i, a)
        doc.text(LEFT_X + gap, 80 + leading * i, b)
    return bytes(doc.output())


def _flat(text: str) -> str:
    return " ".join(text.split())


def _sentence(sentence: tuple[str, str]) -> str:
    return f"{sentence[0]} {sentence[1]}"


@pytest.mark.parametrize(("size", "gap", "leading"),
                         [(9, 265, 12), (10, 270, 13), (11, 300, 14), (10, 285, 15),
                          (9.5, 250, 12)])
@pytest.mark.parametrize("rows", [4, 5])
def test_long_blocks_ending_in_a_figure_line(size, gap, leading, rows):
    for left, right in ((AMOUNT, PERCENT), (PERCENT, AMOUNT)):
        data = _pdf(size, gap, _block(left, rows), _block(right, rows), leading)
        text = _flat(pdf_text("ban_tin.pdf", data))
        assert _sentence(left) in text
        assert _sentence(right) in text
        assert text.index(left[1]) < text.index(right[0][:20])


@pytest.mark.parametrize(("size", "gap"), [(9, 250), (10, 270), (11, 290)])
@pytest.mark.parametrize("rows", [2, 3])
def test_short_blocks_ending_in_a_figure_line(size, gap, rows):
    for left, right in ((SHORT_AMOUNT, SHORT_PERCENT), (SHORT_PERCENT, SHORT_AMOUNT)):
        data = _pdf(size, gap, _block(left, rows), _block(right, rows), 1.3 * size)
        text = _flat(pdf_text("ban_tin.pdf", data))
        assert _sentence(left) in text
        assert _sentence(right) in text


def test_figures_without_a_stop_beside_labels_are_read_across():
    """A list's labels beside their figures (no final stop: no sentence) stays a table's
    rows: each label keeps its figure."""
    doc = fpdf.FPDF(unit="pt", format=(595, 842))
    doc.add_font("DV", "", FONT)
    doc.add_page()
    doc.set_font("DV", size=10)
    doc.text(LEFT_X, 50, "Sản lượng một số sản phẩm chủ yếu tháng 6 năm 2083 của toàn tỉnh")
    for i, (label, figure) in enumerate([("Xi măng các loại của các nhà máy", "41.208"),
                                         ("gạch nung và không nung các loại", "2.715,4"),
                                         ("thép thanh, thép cuộn các loại", "9.305")]):
        doc.text(LEFT_X, 80 + 13 * i, label)
        doc.text(330, 80 + 13 * i, figure)
    text = _flat(pdf_text("san_pham.pdf", bytes(doc.output())))
    assert re.search(r"Xi măng các loại của các nhà máy:? 41\.208", text)
    assert re.search(r"thép thanh, thép cuộn các loại:? 9\.305", text)
