"""A sentence wrapped over two lines under a heading that names the document's kind: the
lines of the sentence are one paragraph, the heading alone is the title, and the body keeps
the sentence with its subject -- in a scan read by OCR as in a text PDF (issue 16,
break-test bt21-b16 failure 2: "BÁO CÁO nhanh ..." + "Sản lượng tôm ... năm 2022" became
the title, the body began "đạt 1.436 tấn", and the figure lost its subject)."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from rag.ingest.ocr import OcrConfig
from rag.ingest.ocr_layout import Word, layout
from rag.ingest.readers import read_bytes
from rag.vi.letterhead import kind_heading

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from scan_pages import font_path, scanned_pdf  # noqa: E402

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

HEAD = "BÁO CÁO tình hình sản xuất lâm nghiệp quý II năm 2081"
SUBJECT = "Diện tích rừng trồng mới tập trung của tỉnh quý II năm 2081"
REST = "ước đạt 2.764 ha, tăng 3,8% so với cùng kỳ năm trước."
OTHER = "Sản lượng gỗ khai thác quý II năm 2081 đạt 61.300 m3."


def _row(y: int, text: str, par: int) -> list[Word]:
    out, x = [], 100
    for w in text.split():
        out.append(Word(w, x, y, x + 12 * len(w), y + 30, 95.0, (par, 1), (par, 1, y)))
        x += 12 * len(w) + 14
    return out


def test_ocr_rows_of_one_sentence_are_joined_across_tesseract_paragraphs() -> None:
    """The wrapped sentence's second row is in another Tesseract paragraph and its first row
    is short of the page's widest (the heading): the rows are joined all the same; the
    heading does not take the capitalised row under it."""
    words = _row(100, HEAD, 1) + _row(150, SUBJECT, 1) + _row(200, REST, 2) + \
        _row(280, OTHER, 3)
    assert layout(words).split("\n\n") == [HEAD, f"{SUBJECT} {REST}", OTHER]


def test_a_heading_wrapped_in_lower_case_stays_whole() -> None:
    words = _row(100, "BÁO CÁO kết quả thu ngân sách nhà nước trên địa bàn", 1) + \
        _row(140, "tỉnh Kim Sơn 6 tháng đầu năm 2081", 1) + _row(220, OTHER, 2)
    assert layout(words).split("\n\n")[0] == \
        "BÁO CÁO kết quả thu ngân sách nhà nước trên địa bàn tỉnh Kim Sơn 6 tháng đầu năm 2081"


def test_kind_heading() -> None:
    assert kind_heading(HEAD)
    assert kind_heading("KẾ HOẠCH phát triển thương mại điện tử giai đoạn 2081-2085")
    assert not kind_heading("Báo cáo cho thấy sản lượng tăng 4%.")
    assert not kind_heading("BÁO CÁO")  # the kind alone: its subject is the next line
    assert not kind_heading(SUBJECT)


def _text_pdf(lines: list[str]) -> bytes:
    fpdf = pytest.importorskip("fpdf")
    doc = fpdf.FPDF(unit="pt", format=(595, 842))
    doc.add_font("DV", "", FONT)
    doc.add_page()
    doc.set_font("DV", size=12)
    for i, line in enumerate(lines):
        doc.text(50, 60 + 18 * i, line)
    return bytes(doc.output())


@pytest.mark.skipif(not os.path.exists(FONT), reason="DejaVu font missing")
def test_text_pdf_title_is_the_heading_and_the_body_keeps_the_sentence() -> None:
    doc = read_bytes("lam_nghiep_q2.pdf", _text_pdf([HEAD, SUBJECT, REST, OTHER]))[0]
    assert doc.title == HEAD
    assert f"{SUBJECT} {REST}" in " ".join(doc.text.split())


def _scan(lines: list[str]) -> bytes:
    from PIL import Image, ImageDraw, ImageFont
    page = Image.new("L", (1654, 700), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(font_path()), 34)
    for i, line in enumerate(lines):
        draw.text((80, 80 + 70 * i), line, font=font, fill=0)
    return scanned_pdf([page], 200)


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract missing")
def test_scan_title_is_the_heading_and_the_body_keeps_the_sentence() -> None:
    head = "BÁO CÁO nhanh tình hình chăn nuôi tháng 9 năm 2081"
    subject = "Sản lượng thịt lợn hơi xuất chuồng tháng 9 năm 2081"
    rest = "ước đạt 4.127 tấn, giảm 2,3% so với cùng kỳ."
    doc = read_bytes("chan_nuoi_9.pdf", _scan([head, subject, rest]), ocr=OcrConfig())[0]
    assert doc.title == head
    assert "Sản lượng thịt lợn hơi xuất chuồng tháng 9 năm 2081 ước đạt 4.127 tấn" \
        in " ".join(doc.text.split())
