"""Scanned pages as they come out of a scanner, not as drawn (issue 21): a sheet fed in
sideways or upside down, a negative scan (white on black), a page of noise.  Drawn by
bench/scan_pages.py, turned, inverted or replaced by noise, put in a PDF of page images,
uploaded and asked about with the real Tesseract: a turned page is stood upright by
Tesseract's orientation detection before it is read, a negative one inverted, and a page that
is no text gives no figures and is named among the pages not read."""

from __future__ import annotations

import io
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
from fastapi.testclient import TestClient
from PIL import Image, ImageDraw, ImageOps

from api.http.app import create_app
from rag.ingest.ocr import NOT_TEXT, is_wordlike
from rag.ingest.page_images import cleaned
from rag.service import RagService
from rag.settings import Settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from scan_pages import MORE, REPORT, TITLE, draw_page, png, scanned_pdf  # noqa: E402

NEGATIVE = ["Năm 2031, toàn tỉnh có 57 cửa hàng tiện lợi và 12 trung tâm thương mại đang "
            "hoạt động."]


def _noise() -> Image.Image:
    """A page of grey noise, as a scanner with its lid open gives."""
    rng = np.random.default_rng(0)
    return Image.fromarray(np.clip(rng.normal(140, 38, (2339, 1654)), 0, 255).astype(np.uint8))


def _blots() -> Image.Image:
    """A page of ink blots, a picture of no text: Tesseract reads "words" in it (67 at
    confidence 35, none of three letters)."""
    rnd = random.Random(0)
    page = Image.new("L", (1654, 2339), 255)
    draw = ImageDraw.Draw(page)
    for _ in range(1500):
        x, y = rnd.randrange(1654), rnd.randrange(2339)
        draw.ellipse([x, y, x + rnd.randrange(2, 14), y + rnd.randrange(2, 14)],
                     fill=rnd.randrange(0, 120))
    return page


@dataclass
class Read:
    client: TestClient
    upload: dict
    view: dict
    blots: dict


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Read]:
    """A fresh index (real onnx-e5 embedder) and a five-page scan uploaded to it: page 1 upright,
    page 2 (the table) turned 90°, page 3 upside down, page 4 turned 270°, page 5 noise;
    a negative scan as a PNG; a TIFF of a page of text and a page of ink blots."""
    base = tmp_path_factory.mktemp("ocr-pages")
    settings = Settings(index_dir=base / "index", sessions_db=base / "s.db",
                        rate_limit_per_minute=0, ocr_sync_pages=10)
    service = RagService(settings)
    pages = [draw_page(REPORT[0], 200, title=TITLE),
             draw_page(REPORT[2], 200).rotate(90, expand=True),
             draw_page(MORE[1], 200).rotate(180),
             draw_page(MORE[0], 200).rotate(270, expand=True),
             _noise()]
    with TestClient(create_app(settings, service=service)) as client:
        r = client.post("/documents", files={"file": ("quet-lon-xon.pdf",
                                                      scanned_pdf(pages, 200),
                                                      "application/pdf")})
        assert r.status_code == 201, r.text
        negative = ImageOps.invert(draw_page(NEGATIVE, 200))
        r2 = client.post("/documents", files={"file": ("am-ban.png", png(negative, 200),
                                                       "image/png")})
        assert r2.status_code == 201, r2.text
        tiff = io.BytesIO()
        draw_page(MORE[1], 200).save(tiff, format="TIFF", dpi=(200, 200), save_all=True,
                                     append_images=[_blots()])
        r3 = client.post("/documents", files={"file": ("anh-va-chu.tif", tiff.getvalue(),
                                                       "image/tiff")})
        assert r3.status_code == 201, r3.text
        yield Read(client, r.json(), client.get("/documents/quet-lon-xon").json(), r3.json())


def test_turned_pages_are_read_upright(read: Read) -> None:
    text = read.view["text"]
    assert "9 tháng năm 2023 — Kim ngạch nhập khẩu: 2.113,8 triệu USD" in text  # 90°
    assert "21.346,8 tỷ đồng" in text and "Quyết định số 1578/QĐ-UBND" in text  # 180°
    assert "Hữu Nghị" in text and "18.420" in text  # 270°
    for question, answer, page in [
            ("kim ngạch nhập khẩu 9 tháng năm 2023?", "2.113,8 triệu USD", 2),
            ("tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng 9 tháng năm 2023?",
             "21.346,8 tỷ đồng", 3)]:
        body = read.client.post("/ask", json={"question": question}).json()
        assert body["answer"] == answer, body
        assert (body["citations"][0]["doc_id"], body["citations"][0]["page"]) == \
            ("quet-lon-xon", page)


def test_pages_of_noise_and_blots_give_no_figures_and_are_named(read: Read) -> None:
    """A page of noise reads as no word at all, one of ink blots as "words" that are none:
    both give nothing to the index and are named among the low-confidence pages and among
    the pages not read, with the reason (also the noise page of a scan whose other pages
    read)."""
    assert read.upload["ocr_pages"] == [1, 2, 3, 4, 5] and 5 in read.upload["low_confidence"]
    assert read.upload["unread_pages"] == [5] and read.upload["unread_reason"] == NOT_TEXT
    # nothing of page 5 is in the text: the document ends with page 4's note
    assert read.view["text"].rstrip().endswith("báo cáo tháng 10 năm 2023.")
    assert (read.blots["ocr_pages"], read.blots["unread_pages"]) == ([1, 2], [2])
    assert read.blots["unread_reason"] == NOT_TEXT and 2 in read.blots["low_confidence"]
    text = read.client.get("/documents/anh-va-chu").json()["text"]
    assert text.rstrip().endswith("tăng 11,4% so với cùng kỳ năm trước.")


def test_a_negative_scan_is_inverted_before_it_is_read(read: Read) -> None:
    text = read.client.get("/documents/am-ban").json()["text"]
    assert "57 cửa hàng tiện lợi" in text and "12 trung tâm thương mại" in text
    body = read.client.post("/ask", json={"question": "có bao nhiêu cửa hàng tiện lợi năm "
                                                      "2031?"}).json()
    assert "57" in body["answer"] and body["citations"][0]["doc_id"] == "am-ban"


def test_cleaning_says_how_it_turned_and_inverted_a_page() -> None:
    """The cleaning stands a page upright only as far as Tesseract's orientation detection
    says, when it is sure enough (a page it cannot tell is left as it lies)."""
    page = draw_page(MORE[1], 150)
    calls = []

    def told(degrees: int, confidence: float):
        def orient(image: Image.Image) -> tuple[int, float]:
            calls.append(image.size)
            return degrees, confidence
        return orient

    sideways = page.rotate(90, expand=True)
    assert cleaned(sideways, orient=told(90, 11.7)).image.size == page.size
    assert cleaned(sideways, orient=told(90, 1.2)).image.size == sideways.size  # unsure
    negative = cleaned(ImageOps.invert(page), orient=told(0, 9.0))
    assert negative.inverted and not negative.turned
    assert negative.image.getpixel((5, 5)) == 255
    assert len(calls) == 3


@pytest.mark.parametrize(("word", "like"), [
    ("tăng", True), ("412,6", True), ("(2,4)", True), ("−3,5%", True), ("2024.", True),
    ("1", False), ("HH", False), ("=1=", False), ("111B.", False), ("..", False)])
def test_what_looks_like_a_word(word: str, like: bool) -> None:
    assert is_wordlike(word) is like



def test_an_image_over_the_pixel_cap_is_read_as_its_pdf_is() -> None:
    """A page scanned at 660 dpi (42 million pixels, over MAX_PIXELS) was refused as a PNG
    and read as a PDF: now the PNG is shrunk to RAG_OCR_DPI as its tag states, as the PDF's
    page is rendered, and both read alike."""
    from rag.ingest.page_images import MAX_PIXELS, image_pages
    from rag.ingest.uploads import read_upload

    page = draw_page(MORE[1], 200)
    big = page.resize((round(page.width * 3.3), round(page.height * 3.3)),
                      Image.Resampling.LANCZOS)
    assert big.width * big.height > MAX_PIXELS
    as_png = png(big, 660)
    [shrunk] = image_pages("big.png", as_png, 200)
    assert abs(shrunk.width - page.width) <= 2 and abs(shrunk.height - page.height) <= 2
    # no resolution stated: shrunk to the cap, never refused
    untagged = io.BytesIO()
    big.save(untagged, format="PNG")
    [capped] = image_pages("big.png", untagged.getvalue(), 200)
    assert capped.width * capped.height <= MAX_PIXELS
    png_doc = read_upload("big.png", as_png)
    pdf_doc = read_upload("big.pdf", scanned_pdf([big], 660))
    for doc in (png_doc, pdf_doc):
        assert "21.346,8 tỷ đồng" in doc.text and "Quyết định số 1578/QĐ-UBND" in doc.text
