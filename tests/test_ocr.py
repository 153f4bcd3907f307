"""Scanned reports read by OCR (issue 21), with the real Tesseract (Debian's tesseract-ocr and
tesseract-ocr-vie; .ci/run installs them): report pages drawn with a Unicode font (Vietnamese
diacritics, a ruled table) by bench/scan_pages.py, put in PDFs of page images, uploaded and
indexed through the same doors users use, and asked about.  Pages are few and small: OCR
takes seconds a page on this machine."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, fields
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from helpers import serve

from api.http.app import create_app
from api.slack import render_blocks
from api.zalo.common import format_reply
from rag.errors import IngestError, OcrUnavailable
from rag.ingest.ocr import OcrConfig, read_image, read_pages
from rag.ingest.ocr_layout import Word, layout
from rag.ingest.pages import PageText, join_pages, split_pages
from rag.ingest.readers import make_document
from rag.records import OCR_NOTE, Document, Page
from rag.service import RagService, ocr_config
from rag.settings import Settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import scan_pages  # noqa: E402
from scan_pages import MORE, REPORT, TITLE, Table, draw_page, png, scanned_pdf  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
APT = "apt-get install -y tesseract-ocr tesseract-ocr-vie"
Q_IMPORTS = "kim ngạch nhập khẩu 9 tháng năm 2023?"


def _report_pdf() -> bytes:
    """The three-page report, scanned at 200 dpi: text on pages 1-2, the table on page 3."""
    return scanned_pdf([draw_page(blocks, 200, title=TITLE if i == 0 else None)
                        for i, blocks in enumerate(REPORT)], 200)


def _wait(client: TestClient, doc_id: str, seen: list[dict], timeout: float = 240.0):
    """Poll GET /documents/{id} until it stops answering 202; the statuses seen go in
    ``seen``."""
    deadline = time.monotonic() + timeout
    while True:
        r = client.get(f"/documents/{doc_id}")
        if r.status_code != 202:
            return r
        seen.append(r.json())
        assert time.monotonic() < deadline, f"still {r.json()} after {timeout} s"
        time.sleep(0.3)


# --- pure parts: pages and layout ---------------------------------------------------------


def test_pages_survive_cleaning_and_give_each_page_its_offset() -> None:
    text = join_pages([PageText(1, "BÁO CÁO SỐ 12/BC-SCT\n\nMột câu của trang một."),
                       PageText(2, ""),  # a blank page keeps its place
                       PageText(3, "Kim ngạch xuất khẩu quý I/2023 đạt 532,1 triệu USD.", 91.5)])
    doc = make_document("bc", text, paged=True)
    assert doc.title == "BÁO CÁO SỐ 12/BC-SCT"
    assert "\ue000" not in doc.text
    assert [p.number for p in doc.pages] == [1, 2, 3]
    at = doc.text.index("Kim ngạch")
    assert doc.page_at(at) == Page(at, 3, 91.5)
    assert doc.page_at(0).number == 1 and doc.page_at(0).ocr is None
    # stored and loaded again, the pages are the same
    assert Document.from_dict(doc.to_dict()) == doc
    # text without marks is left as it is, with no pages
    assert split_pages("a\n\nb") == ("a\n\nb", ())


def _row(y: int, *cells: tuple[int, str], par: int = 1) -> list[Word]:
    """Words of one printed line: each cell (its left x, its words) set 20 px a word apart."""
    out = []
    for x, text in cells:
        for w in text.split():
            out.append(Word(w, x, y, x + 12 * len(w), y + 30, 95.0, (par, 1), (par, 1, y)))
            x += 12 * len(w) + 14
    return out


def test_layout_keeps_table_rows_and_joins_wrapped_lines() -> None:
    words = (_row(100, (100, "Kim ngạch xuất nhập khẩu trên địa bàn tỉnh quý III năm 2023")) +
             _row(140, (100, "đạt 1.245,6 triệu USD.")) +
             _row(220, (100, "Chỉ tiêu"), (560, "Quý III/2023"), (760, "Cùng kỳ 2022"), par=2) +
             _row(260, (100, "Kim ngạch xuất khẩu (triệu USD)"), (560, "532,1"),
                  (760, "470,3"), par=3) +
             _row(300, (100, "Số doanh nghiệp"), (560, "1.204"), (760, "1.118"), par=3))
    assert layout(words).split("\n") == [
        "Kim ngạch xuất nhập khẩu trên địa bàn tỉnh quý III năm 2023 đạt 1.245,6 triệu USD.",
        "",
        "Quý III/2023 — Kim ngạch xuất khẩu: 532,1 triệu USD",
        # "Cùng kỳ 2022" beside "Quý III/2023" is that quarter of 2022 (tables.same_period_columns)
        "Cùng kỳ 2022 (quý III/2022) — Kim ngạch xuất khẩu: 470,3 triệu USD",
        "Quý III/2023 — Số doanh nghiệp: 1.204",
        "Cùng kỳ 2022 (quý III/2022) — Số doanh nghiệp: 1.118"]


def test_ocr_settings_default_to_the_readers_defaults() -> None:
    assert ocr_config(Settings()) == OcrConfig()
    assert ocr_config(Settings(ocr_dpi=300, ocr_max_pages=3)) == OcrConfig(dpi=300, max_pages=3)


# --- a scanned report, uploaded and asked about --------------------------------------------


@dataclass
class Scanned:
    client: TestClient
    service: RagService
    settings: Settings
    posted: dict
    seen: list[dict]
    view: dict


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scanned]:
    """A fresh index (real onnx-e5 embedder) and the three-page scanned report uploaded to it: more
    pages than RAG_OCR_SYNC_PAGES (2), so read and indexed in the background."""
    base = tmp_path_factory.mktemp("ocr")
    settings = Settings(index_dir=base / "index", sessions_db=base / "s.db",
                        rate_limit_per_minute=0)
    service = RagService(settings)
    with ExitStack() as stack:
        client = stack.enter_context(TestClient(create_app(settings, service=service)))
        r = client.post("/documents", files={"file": ("bao-cao-9-thang.pdf", _report_pdf(),
                                                      "application/pdf")})
        assert r.status_code == 202, r.text
        assert r.headers["location"] == "/documents/bao-cao-9-thang"
        seen: list[dict] = []
        done = _wait(client, "bao-cao-9-thang", seen)
        assert done.status_code == 200, done.text
        yield Scanned(client, service, settings, r.json(), seen, done.json())


def test_a_scan_of_three_pages_is_accepted_and_indexed_in_the_background(
        scanned: Scanned) -> None:
    assert scanned.posted["status"] == "queued" and scanned.posted["pages"] == 3
    assert scanned.seen and {s["status"] for s in scanned.seen} <= {"queued", "reading",
                                                                    "indexing"}
    view = scanned.view
    assert view["title"] == TITLE
    assert (view["pages"], view["ocr_pages"], view["low_confidence"]) == (3, [1, 2, 3], [])
    assert view["upload"]["status"] == "done" and view["upload"]["upload"]["status"] == "added"
    assert view["upload"]["upload"]["ocr_pages"] == [1, 2, 3]
    # the table kept its rows: each figure on a line with its column and its row
    assert "9 tháng năm 2023 — Kim ngạch nhập khẩu: 2.113,8 triệu USD" in view["text"]
    assert "Cùng kỳ 2022 (9 tháng năm 2022) — Kim ngạch nhập khẩu: 1.718,9 triệu USD" \
        in view["text"]


def test_the_figure_comes_with_its_page_and_says_it_was_read_by_ocr(scanned: Scanned) -> None:
    r = scanned.client.post("/ask", json={"question": Q_IMPORTS})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["answer"] == "2.113,8 triệu USD"
    assert body["ocr"] is True
    c = body["citations"][0]
    assert (c["doc_id"], c["page"], c["ocr"]) == ("bao-cao-9-thang", 3, True)
    assert scanned.view["text"][c["start"]:c["end"]] == c["quote"]
    # a figure on page 1
    body = scanned.client.post("/ask", json={
        "question": "tổng kim ngạch xuất nhập khẩu 9 tháng năm 2023?"}).json()
    assert body["answer"] == "3.701,2 triệu USD"
    assert (body["citations"][0]["page"], body["citations"][0]["ocr"]) == (1, True)


def test_slack_and_zalo_name_the_page_and_say_to_check_the_scan(scanned: Scanned) -> None:
    answer = scanned.service.ask(Q_IMPORTS)
    reply = format_reply(answer)
    assert f", trang 3 ({OCR_NOTE})" in reply
    assert OCR_NOTE == "văn bản quét, OCR — nên đối chiếu bản gốc"
    text, blocks = render_blocks(answer)
    assert OCR_NOTE in text and "trang 3" in text
    context = " ".join(str(b) for b in blocks)
    assert "trang 3" in context and OCR_NOTE in context


def test_web_page_shows_the_page_and_the_ocr_note(scanned: Scanned) -> None:
    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        pytest.skip("apt-get install -y chromium")
    sync_api = pytest.importorskip("playwright.sync_api")
    with serve(scanned.settings, scanned.service) as base, sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(chromium),
                                    args=["--headless=new", "--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            page.set_default_timeout(20_000)
            page.goto(base + "/")
            page.locator("#question").fill(Q_IMPORTS)
            page.keyboard.press("Enter")
            page.wait_for_selector(".bubble.assistant:not(.pending) .citation .ocr-note")
            head = page.locator(".citation .source-head").first.inner_text()
            assert "trang 3" in head and OCR_NOTE in head
        finally:
            browser.close()


def test_a_partly_scanned_pdf_is_read_whole(scanned: Scanned) -> None:
    """A typed page (a real text layer, written by fpdf2 with DejaVu Sans) and a scanned
    annex: one scanned page is read at once (201), and each part answers with its page."""
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF(format="A4")
    pdf.add_font("DejaVu", fname=str(scan_pages.font_path()))
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()
    pdf.multi_cell(0, 6, "BÁO CÁO TÌNH HÌNH THƯƠNG MẠI 6 THÁNG ĐẦU NĂM 2024\n\n"
                         "Tổng mức bán lẻ hàng hóa 6 tháng đầu năm 2024 ước đạt 14.872,5 tỷ "
                         "đồng, tăng 9,8% so với cùng kỳ năm trước.")
    annex = draw_page([Table((("Chỉ tiêu", "6 tháng đầu năm 2024"),
                              ("Số chợ biên giới", "27"),
                              ("Số siêu thị", "14")),
                             caption="Phụ lục. Hạ tầng thương mại 6 tháng đầu năm 2024")], 200)
    buf = io.BytesIO()
    annex.save(buf, format="PNG")
    pdf.add_page()
    pdf.image(buf, x=0, y=0, w=210)
    r = scanned.client.post("/documents", files={"file": ("bc-6-thang-2024.pdf",
                                                          bytes(pdf.output()),
                                                          "application/pdf")})
    assert r.status_code == 201, r.text
    assert (r.json()["ocr_pages"], r.json()["low_confidence"]) == ([2], [])
    typed = scanned.service.ask("tổng mức bán lẻ hàng hóa 6 tháng đầu năm 2024?")
    assert typed.answer == "14.872,5 tỷ đồng"
    assert (typed.citations[0].page, typed.citations[0].ocr, typed.ocr) == (1, False, False)
    annexed = scanned.service.ask("số siêu thị 6 tháng đầu năm 2024?")
    assert annexed.found and "14" in annexed.answer
    assert (annexed.citations[0].page, annexed.citations[0].ocr, annexed.ocr) == (2, True, True)


def test_an_e_signed_scan_is_read_with_its_stamp(scanned: Scanned) -> None:
    """A signed scan as offices publish it: the page image under an e-signature stamp in the
    text layer ("Ký bởi: ... Thời gian ký: ..."): OCR reads the page, the stamp is kept."""
    fpdf = pytest.importorskip("fpdf")
    page = draw_page([Table((("Chỉ tiêu", "Năm 2031"), ("Số cửa hàng xăng dầu", "173")),
                            caption="Biểu 2. Mạng lưới xăng dầu năm 2031")], 200)
    buf = io.BytesIO()
    page.save(buf, format="PNG")
    pdf = fpdf.FPDF(format="A4")
    pdf.add_font("DejaVu", fname=str(scan_pages.font_path()))
    pdf.set_font("DejaVu", size=8)
    pdf.add_page()
    pdf.image(buf, x=0, y=0, w=210)
    pdf.set_xy(120, 270)
    pdf.multi_cell(80, 4, "Ký bởi: Sở Công Thương tỉnh Lạng Sơn\n"
                          "Thời gian ký: 15.03.2032 09:12:33 +07:00")
    r = scanned.client.post("/documents", files={"file": ("xang-dau-2031-ky-so.pdf",
                                                          bytes(pdf.output()),
                                                          "application/pdf")})
    assert r.status_code == 201, r.text
    assert r.json()["ocr_pages"] == [1]
    text = scanned.client.get("/documents/xang-dau-2031-ky-so").json()["text"]
    assert "173" in text and "Ký bởi" in text


def test_a_photo_on_its_side_and_a_transparent_png_are_read_upright() -> None:
    """A phone photo stored rotated with an EXIF orientation tag, and text drawn in a PNG's
    alpha channel, reach Tesseract upright and black on white."""
    from PIL import Image

    from rag.ingest.page_images import image_pages

    page = draw_page(MORE[1], 200).convert("L")
    sideways = page.rotate(90, expand=True)  # stored turned; the tag says to turn it back
    exif = Image.Exif()
    exif[0x0112] = 6
    buf = io.BytesIO()
    sideways.convert("RGB").save(buf, format="JPEG", exif=exif.tobytes())
    [upright] = image_pages("photo.jpg", buf.getvalue())
    assert upright.size == page.size
    alpha = Image.new("RGBA", page.size, (0, 0, 0, 0))
    alpha.putalpha(page.point(lambda v: 255 - v))  # black text only in the alpha channel
    buf = io.BytesIO()
    alpha.save(buf, format="PNG")
    [flat] = image_pages("alpha.png", buf.getvalue())
    assert flat.getpixel((0, 0)) == 255 and min(flat.getdata()) < 64


def test_a_tilted_table_scan_keeps_its_figures() -> None:
    """A table scanned 2° askew is straightened before Tesseract: its figures are read (it
    kept only the row labels)."""
    from rag.ingest.page_images import deskewed

    page = draw_page([Table((("Chỉ tiêu", "Năm 2022", "Năm 2023"),
                             ("Kim ngạch nhập khẩu", "987,6", "1.045,2"),
                             ("Số doanh nghiệp", "412", "455")),
                            caption="Biểu 1. Một số chỉ tiêu")], 300).convert("L")
    tilted = page.rotate(2, fillcolor=255, expand=False)  # unstraightened: labels only
    assert deskewed(page) is page  # a straight page is left as it is
    text = read_image(tilted, OcrConfig()).text
    assert "987,6" in text and "1.045,2" in text and "455" in text, text


def test_an_image_upload_is_read(scanned: Scanned) -> None:
    image = draw_page(MORE[1], 200)
    r = scanned.client.post("/documents", files={"file": ("quyet-dinh.png", png(image, 200),
                                                          "image/png")})
    assert r.status_code == 201, r.text
    assert r.json()["ocr_pages"] == [1]
    text = scanned.client.get("/documents/quyet-dinh").json()["text"]
    assert "Quyết định số 1578/QĐ-UBND" in text and "21.346,8 tỷ đồng" in text


def test_over_the_page_limit_is_refused_at_once_and_nothing_changes(scanned: Scanned,
                                                                    tmp_path: Path) -> None:
    settings = Settings(index_dir=tmp_path / "index", sessions_db=tmp_path / "s.db",
                        rate_limit_per_minute=0, ocr_max_pages=2)
    service = RagService(settings, embedder=scanned.service.embedder)
    with TestClient(create_app(settings, service=service)) as client:
        before = client.get("/documents").json()
        r = client.post("/documents", files={"file": ("dai.pdf", _report_pdf(),
                                                      "application/pdf")})
        assert r.status_code == 422
        assert "3 scanned pages" in r.json()["detail"]
        assert "RAG_OCR_MAX_PAGES" in r.json()["detail"]
        assert client.get("/documents").json() == before


def test_over_the_time_limit_fails_the_background_upload_and_nothing_changes(
        scanned: Scanned, tmp_path: Path) -> None:
    settings = Settings(index_dir=tmp_path / "index", sessions_db=tmp_path / "s.db",
                        rate_limit_per_minute=0, ocr_time_limit=0.2)
    service = RagService(settings, embedder=scanned.service.embedder)
    # a fresh index directory: no page of it is in an OCR cache yet
    slow = scanned_pdf([draw_page(blocks, 150) for blocks in (*MORE, REPORT[1])], 150)
    with TestClient(create_app(settings, service=service)) as client:
        before = client.get("/documents").json()
        r = client.post("/documents", files={"file": ("cham.pdf", slow, "application/pdf")})
        assert r.status_code == 202
        done = _wait(client, "cham", [])
        assert done.status_code == 422
        detail = done.json()["detail"]
        assert "RAG_OCR_TIME_LIMIT" in detail and "\n" not in detail
        assert client.get("/documents").json() == before


# --- without Tesseract -----------------------------------------------------------------------


def test_without_tesseract_a_scan_gets_one_line_naming_the_apt_command(scanned: Scanned,
                                                                       tmp_path: Path) -> None:
    missing = str(tmp_path / "no-such-tesseract")
    settings = Settings(index_dir=tmp_path / "index", sessions_db=tmp_path / "s.db",
                        rate_limit_per_minute=0, ocr_command=missing)
    service = RagService(settings, embedder=scanned.service.embedder)
    with TestClient(create_app(settings, service=service)) as client:
        before = client.get("/documents").json()
        r = client.post("/documents", files={"file": ("scan.png", png(draw_page(MORE[1], 100),
                                                                      100), "image/png")})
        assert r.status_code == 503
        detail = r.json()["detail"]
        assert APT in detail and "\n" not in detail and detail.startswith("scan.png: ")
        assert client.get("/documents").json() == before
        # a typed document needs no OCR and is still read
        assert client.post("/documents", json={"text": "Năm 2023 có 27 chợ biên giới.",
                                               "id": "typed"}).status_code == 201
    with pytest.raises(OcrUnavailable, match="apt-get install -y tesseract-ocr"):
        read_pages("x.pdf", [1], lambda n: None, OcrConfig(command=missing))


def test_rag_index_without_tesseract_names_the_file_and_the_apt_command(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "scan.pdf").write_bytes(scanned_pdf([draw_page(MORE[1], 100)], 100))
    (folder / "typed.txt").write_text("Năm 2023 có 27 chợ biên giới trên địa bàn tỉnh.\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAG_")}
    env.update(RAG_OCR_COMMAND=str(tmp_path / "no-such-tesseract"), HF_HUB_OFFLINE="1",
               PYTHONPATH=str(ROOT), RAG_SESSIONS_DB=str(tmp_path / "s.db"))
    args = [sys.executable, "-m", "api.cli", "index", str(folder), "--index-dir",
            str(tmp_path / "index")]
    run = subprocess.run([*args, "--strict"], env=env, capture_output=True, text=True,
                         timeout=300, cwd=ROOT)
    assert run.returncode == 1
    lines = run.stderr.strip().splitlines()
    assert lines[-1].startswith("error: ") and "scan.pdf" in lines[-1] and APT in lines[-1]
    assert not any("Traceback" in line for line in lines)
    run = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert "skipped 1 of 2 file(s)" in run.stdout and APT in run.stdout


# --- a page read with low confidence ---------------------------------------------------------


def test_a_page_read_with_low_confidence_is_reported_in_the_index_summary(
        tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    clean = draw_page(REPORT[0], 100, title=TITLE)
    blurred = draw_page(REPORT[1], 100, blur=1.4)  # a scan out of focus: conf. about 37
    (folder / "mo.pdf").write_bytes(scanned_pdf([clean, blurred], 100))
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAG_")}
    env.update(HF_HUB_OFFLINE="1", PYTHONPATH=str(ROOT), RAG_SESSIONS_DB=str(tmp_path / "s.db"))
    run = subprocess.run([sys.executable, "-m", "api.cli", "index", str(folder), "--index-dir",
                          str(tmp_path / "index")], env=env, capture_output=True, text=True,
                         timeout=300, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert "read by OCR (scanned pages): mo trang 1, 2" in run.stdout
    assert ("low OCR confidence (under 70; indexed, check them against the scan): mo trang 2"
            in run.stdout)
    # indexed all the same, not dropped
    service = RagService(Settings(index_dir=tmp_path / "index", sessions_db=tmp_path / "s.db"))
    view = service.get_document("mo")
    assert (view.ocr_pages, view.low_confidence) == ((1, 2), (2,))
    assert service.document("mo").pages[1].ocr < 70


def test_citation_and_answer_fields_default_to_no_page_and_no_ocr() -> None:
    from rag.records import Answer, Citation

    assert {f.name: f.default for f in fields(Citation) if f.name in ("page", "ocr")} == \
        {"page": None, "ocr": False}
    assert Answer("q", "q", "a", False, 0.0).to_dict()["ocr"] is False


def test_unreadable_images_get_a_clear_error() -> None:
    from rag.ingest.uploads import read_upload

    with pytest.raises(IngestError, match="bad.png: not a readable image"):
        read_upload("bad.png", b"\x89PNG\r\n\x1a\n not really")


def test_rag_index_reads_each_scanned_page_once(scanned: Scanned, tmp_path: Path,
                                                caplog: pytest.LogCaptureFixture) -> None:
    """`rag index` reads a file twice (to embed ahead, then under the write lock); Tesseract
    reads each page once."""
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "cho.pdf").write_bytes(scanned_pdf([draw_page(MORE[1], 120),
                                                  draw_page(REPORT[1], 120)], 120))
    service = RagService(Settings(index_dir=tmp_path / "index", sessions_db=tmp_path / "s.db"),
                         embedder=scanned.service.embedder)
    with caplog.at_level("INFO", logger="rag.ingest.ocr"):
        report = service.index_paths([folder])
    assert report.added == ["cho"] and report.ocr_pages == {"cho": [1, 2]}
    read = [r.getMessage() for r in caplog.records if "read by OCR" in r.getMessage()]
    assert len(read) == 2, read
