"""Reading scans, the parts a review found wanting (issue 21): the time limit within one page,
pages read kept beside the index so an unchanged scan is not read again, a partly scanned PDF
on a machine without Tesseract, an official document's title under its letterhead, and a
wrong language setting.  With the real Tesseract, on pages drawn by bench/scan_pages.py."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from helpers import make_docx

from api.http.app import create_app
from rag.errors import IngestError, OcrUnavailable
from rag.ingest.ocr import OcrConfig, PageCache, read_pages
from rag.ingest.pdf import pdf_pages
from rag.ingest.uploads import read_upload
from rag.service import RagService
from rag.settings import Settings, env_name

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import scan_pages  # noqa: E402
from scan_pages import MORE, REPORT, draw_page, png, scanned_pdf  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
APT = "apt-get install -y tesseract-ocr tesseract-ocr-vie"
LETTERHEAD = ["UBND TỈNH LẠNG SƠN", "SỞ CÔNG THƯƠNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
              "Độc lập - Tự do - Hạnh phúc", "Số: 125/BC-SCT",
              "Lạng Sơn, ngày 10 tháng 10 năm 2023", "BÁO CÁO",
              "Tình hình xuất nhập khẩu 9 tháng năm 2023"]
TITLE = "Báo cáo tình hình xuất nhập khẩu 9 tháng năm 2023"


def _typed_and_scanned_pdf(typed: str, scan: bytes) -> bytes:
    """A PDF of a typed page (a text layer, fpdf2 with DejaVu Sans) and a scanned one."""
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF(format="A4")
    pdf.add_font("DejaVu", fname=str(scan_pages.font_path()))
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()
    pdf.multi_cell(0, 6, typed)
    pdf.add_page()
    pdf.image(io.BytesIO(scan), x=0, y=0, w=210)
    return bytes(pdf.output())


def test_the_time_limit_holds_within_one_huge_page() -> None:
    """A poster-size scanned page (40 million pixels once rendered) stops at the time limit,
    not after cleaning the whole page (about ten seconds here) and handing Tesseract what
    is left."""
    page = draw_page(REPORT[0] + MORE[1], 100)
    poster = scanned_pdf([page.resize((page.width * 4, page.height * 4))], 100)
    t0 = time.monotonic()
    with pytest.raises(IngestError, match=r"poster\.pdf: OCR took longer than 1 s "
                                          r"\(RAG_OCR_TIME_LIMIT\) and stopped at page 1"):
        pdf_pages("poster.pdf", poster, OcrConfig(time_limit=1.0))
    assert time.monotonic() - t0 < 4.0


def test_rag_index_twice_reads_an_unchanged_scan_once(tmp_path: Path) -> None:
    """Two `rag index` runs, two processes: the second takes the pages from the OCR cache
    beside the index (`ocr_read` 0), so an unchanged scan costs no Tesseract time; a third,
    after one page of the PDF was replaced, reads that page alone (pages are kept by their
    pixels, not by the file's hash: all of them were read again)."""
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "cho.pdf").write_bytes(scanned_pdf([draw_page(MORE[1], 110),
                                                  draw_page(REPORT[1], 110)], 110))
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAG_")}
    env.update(HF_HUB_OFFLINE="1", PYTHONPATH=str(ROOT), RAG_SESSIONS_DB=str(tmp_path / "s.db"))
    args = [sys.executable, "-m", "api.cli", "index", str(folder), "--index-dir",
            str(tmp_path / "index"), "--json"]
    runs = []
    for edit in range(3):
        if edit == 2:  # the file's page 2 replaced, page 1 kept: page 2 alone is read
            (folder / "cho.pdf").write_bytes(scanned_pdf([draw_page(MORE[1], 110),
                                                          draw_page(REPORT[0], 110)], 110))
        run = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300,
                             cwd=ROOT)
        assert run.returncode == 0, run.stderr
        runs.append(json.loads(run.stdout))
    assert runs[0]["added"] == ["cho"] and runs[0]["ocr_pages"] == {"cho": [1, 2]}
    assert runs[0]["ocr_read"] == 2  # each page once, though the file is read twice
    assert runs[1]["unchanged"] == 1 and runs[1]["ocr_read"] == 0
    assert runs[2]["changed"] == ["cho"] and runs[2]["ocr_read"] == 1
    assert (tmp_path / "index" / "ocr.sqlite").is_file()


def test_without_tesseract_a_partly_scanned_pdf_keeps_its_typed_pages(tmp_path: Path) -> None:
    """No Tesseract: the typed page of a partly scanned PDF is indexed and answers; the
    scanned page is named, with the reason and the apt command, in the upload's answer, the
    document and `rag index`'s report.  A PDF of scans alone is still refused (503)."""
    missing = str(tmp_path / "no-such-tesseract")
    pdf = _typed_and_scanned_pdf(
        "BÁO CÁO TÌNH HÌNH THƯƠNG MẠI NĂM 2031\n\nTổng mức bán lẻ hàng hóa năm 2031 ước đạt "
        "31.872,5 tỷ đồng, tăng 9,8% so với năm trước.", png(draw_page(MORE[1], 100), 100))
    settings = Settings(index_dir=tmp_path / "index", sessions_db=tmp_path / "s.db",
                        rate_limit_per_minute=0, ocr_command=missing)
    service = RagService(settings)
    with TestClient(create_app(settings, service=service)) as client:
        r = client.post("/documents", files={"file": ("bc-2031.pdf", pdf, "application/pdf")})
        assert r.status_code == 201, r.text
        body = r.json()
        assert (body["ocr_pages"], body["unread_pages"]) == ([], [2])
        assert "Tesseract OCR is not installed" in body["unread_reason"]
        assert APT in body["unread_reason"]
        view = client.get("/documents/bc-2031").json()
        assert (view["pages"], view["unread_pages"]) == (2, [2])
        assert "31.872,5" in view["text"]
        answer = client.post("/ask", json={"question": "tổng mức bán lẻ hàng hóa năm 2031?"})
        assert answer.json()["answer"] == "31.872,5 tỷ đồng"
        scans = scanned_pdf([draw_page(MORE[1], 100)], 100)
        r = client.post("/documents", files={"file": ("scan.pdf", scans, "application/pdf")})
        assert r.status_code == 503 and APT in r.json()["detail"]
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "bc-2031.pdf").write_bytes(pdf)
    report = RagService(settings.model_copy(update={"index_dir": tmp_path / "index2"}),
                        embedder=service.embedder).index_paths([folder])
    assert report.added == ["bc-2031"] and not report.skipped
    assert report.unread["bc-2031"].startswith("trang 2 not read: Tesseract OCR is not "
                                               "installed")
    assert APT in report.unread["bc-2031"]


def test_a_scanned_report_is_titled_by_its_subject_not_its_letterhead() -> None:
    """The letterhead of an official report (issuing body, national motto, number, place and
    day) is not its title: "BÁO CÁO" and the subject line under it are, for a scan as for a
    typed PDF and a .docx (one rule, rag.vi.letterhead)."""
    body = "Tổng kim ngạch xuất nhập khẩu 9 tháng năm 2023 đạt 3.701,2 triệu USD."
    scan = png(draw_page([*LETTERHEAD, body], 200), 200)
    doc = read_upload("bc-125.png", scan)
    assert doc.title == TITLE, doc.text[:300]
    assert "SỞ CÔNG THƯƠNG" in doc.text and "3.701,2" in doc.text
    typed = _typed_and_scanned_pdf("\n".join([*LETTERHEAD, "", body]),
                                   png(draw_page(MORE[1], 100), 100))
    assert read_upload("bc-125.pdf", typed).title == TITLE
    assert read_upload("bc-125.docx", make_docx(*LETTERHEAD, body)).title == TITLE


@pytest.mark.parametrize(("languages", "says", "not_said"), [
    ("vi", "'vi' is not a Tesseract language code", "tesseract-ocr-vi "),
    ("vietnamese", "such as 'vie' (Vietnamese)", "tesseract-ocr-vietnamese"),
    ("vie+chi_sim", "apt-get install -y tesseract-ocr-chi-sim", "chi_sim;"),
])
def test_a_wrong_language_setting_names_the_debian_package_or_the_installed_ones(
        languages: str, says: str, not_said: str) -> None:
    with pytest.raises(OcrUnavailable) as caught:
        read_pages("scan.png", [1], lambda n: None, OcrConfig(languages=languages))
    message = str(caught.value)
    assert says in message and not_said not in message
    assert "installed here: " in message and "vie" in message.split("installed here: ")[1]


def test_a_damaged_ocr_cache_is_named_moved_aside_and_made_anew(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A damaged ocr.sqlite (it was silently left unused): a warning names it, it is moved
    aside, and the new one keeps the pages read as the old one did."""
    (tmp_path / "ocr.sqlite").write_bytes(b"not a database " * 400)
    scan = scanned_pdf([draw_page(MORE[1], 100)], 100)
    for run in range(2):
        cache = PageCache(tmp_path)
        with caplog.at_level("WARNING"):
            pdf_pages("cho.pdf", scan, OcrConfig(cache=cache))
        cache.close()
        assert (cache.read, cache.reused) == ((1, 0) if run == 0 else (0, 1))
    damaged = [r.getMessage() for r in caplog.records if "is damaged" in r.getMessage()]
    assert len(damaged) == 1 and "ocr.sqlite" in damaged[0] and "moved aside" in damaged[0]
    assert [p.name.split(".corrupt-")[0] for p in tmp_path.glob("ocr.sqlite.corrupt-*")] == \
        ["ocr.sqlite"]


def test_a_damaged_upload_status_file_is_made_anew_and_the_index_kept(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A damaged uploads.sqlite made every request answer 503 "index cannot be loaded": the
    statuses are transient, so the file is moved aside and made anew (logged), the index's
    documents are there and a background upload goes through."""
    settings = Settings(index_dir=tmp_path / "index", sessions_db=tmp_path / "s.db",
                        rate_limit_per_minute=0, ocr_sync_pages=0)
    service = RagService(settings)
    with TestClient(create_app(settings, service=service)) as client:
        assert client.post("/documents", json={"id": "typed", "text": "Năm 2023 có 27 chợ "
                                               "biên giới."}).status_code == 201
        r = client.post("/documents", files={"file": ("cho.png", png(draw_page(MORE[1], 100),
                                                                     100), "image/png")})
        assert r.status_code == 202, r.text
        _until_indexed(client, "cho")
    service.close()  # the server stopped; then its upload status file was damaged
    (tmp_path / "index" / "uploads.sqlite").write_bytes(b"\x00garbage" * 1000)
    service = RagService(settings, embedder=service.embedder)  # started again
    with caplog.at_level("WARNING"), \
            TestClient(create_app(settings, service=service)) as client:
        assert client.get("/documents/typed").status_code == 200
        assert client.get("/documents/cho").status_code == 200
        r = client.post("/documents", files={"file": ("quyet-dinh.png",
                                                      png(draw_page(MORE[1], 100), 100),
                                                      "image/png")})
        assert r.status_code == 202, r.text
        _until_indexed(client, "quyet-dinh")
    assert any("uploads.sqlite is damaged" in r.getMessage() for r in caplog.records)
    assert list((tmp_path / "index").glob("uploads.sqlite.corrupt-*"))


def _until_indexed(client: TestClient, doc_id: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while (r := client.get(f"/documents/{doc_id}")).status_code == 202:
        assert time.monotonic() < deadline, r.json()
        time.sleep(0.2)
    assert r.status_code == 200, r.text


def test_a_tesseract_that_hangs_is_given_up_within_the_time_limit(tmp_path: Path) -> None:
    """A Tesseract command that never answers `--list-langs` held the file for 30 s and
    more, whatever RAG_OCR_TIME_LIMIT said: the check is within the limit, and what the
    command started is stopped with it."""
    hang = tmp_path / "tesseract"
    nap = f"sleep 987.{os.getpid()}"  # this run's own, whatever else runs here
    hang.write_text(f"#!/bin/sh\n{nap}\n")
    hang.chmod(0o755)
    t0 = time.monotonic()
    with pytest.raises(OcrUnavailable, match=r"did not answer .*--list-langs.* within 1\.5 s"):
        read_pages("scan.png", [1], lambda n: None,
                   OcrConfig(command=str(hang), time_limit=1.5))
    assert time.monotonic() - t0 < 4.0
    left = [p for p in Path("/proc").glob("[0-9]*/cmdline")
            if _read(p).replace(b"\0", b" ").strip() == nap.encode()]
    assert left == []


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:  # a process that ended meanwhile
        return b""


def test_a_language_tesseract_has_no_data_for_names_no_package() -> None:
    """RAG_OCR_LANGUAGES=xyz named a Debian package that does not exist
    (tesseract-ocr-xyz): a code Debian has no data for gets the languages installed."""
    with pytest.raises(OcrUnavailable) as caught:
        read_pages("scan.png", [1], lambda n: None, OcrConfig(languages="vie+xyz"))
    message = str(caught.value)
    assert "'xyz' is no language Tesseract has data for (RAG_OCR_LANGUAGES=vie+xyz)" in message
    assert "tesseract-ocr-xyz" not in message
    assert "installed here: " in message and "vie" in message.split("installed here: ")[1]


def test_a_wrong_setting_is_named_by_its_environment_variable(tmp_path: Path) -> None:
    """`RAG_OCR_MAX_PAGES=abc` was reported as "invalid setting ocr_max_pages": a user sets
    the variable, so the line names it, with the value given."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAG_")}
    env.update(PYTHONPATH=str(ROOT), RAG_OCR_MAX_PAGES="abc", RAG_OCR_DPI="5",
               HF_HUB_OFFLINE="1")
    run = subprocess.run([sys.executable, "-m", "api.cli", "ask", "x", "--index-dir",
                          str(tmp_path / "index")], env=env, capture_output=True, text=True,
                         timeout=120, cwd=ROOT)
    assert run.returncode == 1
    line = run.stderr.strip().splitlines()[-1]
    assert line.startswith("error: invalid setting ")
    assert "RAG_OCR_MAX_PAGES='abc': Input should be a valid integer" in line
    assert "RAG_OCR_DPI='5': Input should be greater than or equal to 72" in line
    assert "ocr_max_pages" not in line
    assert env_name("slack_bot_token") == "SLACK_BOT_TOKEN"
