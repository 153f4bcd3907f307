"""Uploads through the HTTP API, each on a private copy of the seed index."""

from __future__ import annotations

import io
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import docx
import pytest
from conftest import D001, SEED_IDS, SeedIndex
from fastapi.testclient import TestClient
from test_api import KEY, Q_EXPORT, build_client


@pytest.fixture
def client(seed: SeedIndex, seed_copy: Path, tmp_path: Path) -> Iterator[TestClient]:
    with ExitStack() as stack:
        yield build_client(stack, seed, tmp_path, index_dir=seed_copy)


def make_pdf(lines: list[str]) -> bytes:
    """A minimal valid one-page PDF showing ``lines`` in Helvetica (ASCII text only)."""
    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    content = ("BT /F1 12 Tf 72 720 Td 16 TL "
               + " ".join(f"({esc(line)}) Tj T*" for line in lines) + " ET")
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{off:010d} 00000 n \n".encode() for off in offsets)
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n"
            f"startxref\n{xref}\n%%EOF\n").encode()
    return bytes(out)


def make_docx(title: str, paragraphs: list[str]) -> bytes:
    document = docx.Document()
    document.add_heading(title, 1)
    for p in paragraphs:
        document.add_paragraph(p)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def upload(c: TestClient, name: str, data: bytes, doc_id: str | None = None,
           headers: dict[str, str] | None = None) -> Any:
    return c.post("/documents", files={"file": (name, data, "application/octet-stream")},
                  data={"id": doc_id} if doc_id else None, headers=headers)


def ask(c: TestClient, question: str) -> dict[str, Any]:
    r = c.post("/ask", json={"question": question})
    assert r.status_code == 200, r.text
    return dict(r.json())


# One fact per format; each question must be answered from its own upload.
UPLOADS = [
    ("hoi.txt", "Sản lượng hồi\n\nNăm 2025, sản lượng hoa hồi khô của tỉnh Lạng Sơn đạt "
                "12.345 tấn, tăng 8% so với năm 2024.\n".encode(),
     "hoi", "sản lượng hoa hồi năm 2025?", "12.345 tấn"),
    ("thach-den.md", "# Thạch đen Tràng Định\n\nNăm 2025, **diện tích** trồng cây thạch đen ở "
                     "huyện Tràng Định đạt 1.234 ha.\n".encode(),
     "thach-den", "diện tích trồng thạch đen năm 2025?", "1.234 ha"),
    ("na.html", "<html><head><title>Na</title><script>var x = 1;</script></head><body>"
                "<nav>Trang chủ | Tin tức</nav><h1>Na Chi Lăng</h1><p>Năm 2025, sản lượng na "
                "Chi Lăng đạt 23.456 tấn.</p></body></html>".encode(),
     "na", "sản lượng na Chi Lăng năm 2025?", "23.456 tấn"),
    ("Chi Ma (2025).docx", make_docx("Cửa khẩu Chi Ma", [
        "Năm 2025, kim ngạch qua cửa khẩu Chi Ma đạt 345,6 triệu USD."]),
     "Chi_Ma_2025", "kim ngạch qua cửa khẩu Chi Ma năm 2025?", "345,6 triệu USD"),
]


def test_uploads_of_every_format_are_answered(client: TestClient) -> None:
    for name, data, doc_id, question, expected in UPLOADS:
        r = upload(client, name, data)
        assert r.status_code == 201, (name, r.text)
        assert r.json() == {"id": doc_id, "chunks": 1, "status": "added", "duplicate_of": None,
                            "ocr_pages": [], "low_confidence": [], "unread_pages": [],
                            "unread_reason": None, "uncomputed": []}  # none is a scan
        a = ask(client, question)
        assert a["answer"] == expected, (name, a)
        assert a["citations"][0]["doc_id"] == doc_id
    html = client.get("/documents/na").json()
    assert "var x" not in html["text"] and "Trang chủ" not in html["text"]
    assert html["title"] == "Na Chi Lăng"
    # The seeds still answer as before.
    assert ask(client, Q_EXPORT)["answer"] == "769 triệu USD"


def test_pdf_upload_with_an_explicit_id(client: TestClient) -> None:
    pdf = make_pdf(["Bao cao cua khau Tan Thanh",
                    "Nam 2025, luong xe hang qua cua khau Tan Thanh dat 45.678 xe."])
    r = upload(client, "report.pdf", pdf, doc_id="tan-thanh-2025")
    assert r.status_code == 201 and r.json()["id"] == "tan-thanh-2025"
    d = client.get("/documents/tan-thanh-2025").json()
    assert d["title"] == "Bao cao cua khau Tan Thanh" and "45.678 xe" in d["text"]
    hits = client.get("/search", params={"q": "luong xe hang qua cua khau Tan Thanh"}).json()
    assert hits["hits"][0]["doc_id"] == "tan-thanh-2025"


def test_json_document_list_get_change_and_delete(client: TestClient) -> None:
    before = client.get("/documents").json()["documents"]
    assert [d["id"] for d in before] == list(SEED_IDS)
    assert all(d["chunks"] > 0 and d["source"].endswith(".txt") for d in before)
    assert "/" not in before[0]["source"]  # the file name, not the server's path
    text = "Năm 2025, tỉnh Lạng Sơn có 27 chợ biên giới và 5 trung tâm thương mại."
    r = client.post("/documents", json={"title": "Chợ biên giới", "text": text,
                                        "date": "2025-06-30"})
    assert r.status_code == 201
    doc_id = r.json()["id"]
    assert doc_id.startswith("doc-") and r.json()["status"] == "added"
    a = ask(client, "Lạng Sơn có bao nhiêu chợ biên giới năm 2025?")
    assert a["answer"] == "27 chợ biên giới" and a["citations"][0]["doc_id"] == doc_id

    listed = {d["id"]: d for d in client.get("/documents").json()["documents"]}
    assert listed[doc_id] == {"id": doc_id, "title": "Chợ biên giới", "date": "2025-06-30",
                              "chunks": 1, "source": "upload"}
    got = client.get(f"/documents/{doc_id}").json()
    assert got == {"id": doc_id, "title": "Chợ biên giới", "date": "2025-06-30", "url": None,
                   "text": text, "chunks": 1, "pages": 0, "ocr_pages": [], "low_confidence": [],
                   "upload": None, "unread_pages": [], "unread_reason": None}

    same = client.post("/documents", json={"title": "Chợ biên giới", "text": text,
                                           "date": "2025-06-30"})
    assert same.status_code == 201 and same.json()["status"] == "unchanged"
    changed = client.post("/documents", json={"id": doc_id, "title": "Chợ biên giới",
                                              "text": text.replace("27", "28")})
    assert changed.json()["status"] == "changed"
    assert client.get("/readyz").json()["documents"] == 6

    assert client.delete(f"/documents/{doc_id}").status_code == 204
    assert client.get(f"/documents/{doc_id}").status_code == 404
    assert client.delete(f"/documents/{doc_id}").status_code == 404
    assert [d["id"] for d in client.get("/documents").json()["documents"]] == list(SEED_IDS)
    a = ask(client, "Lạng Sơn có bao nhiêu chợ biên giới năm 2025?")
    assert all(c["doc_id"] != doc_id for c in a["citations"])
    assert client.get("/documents/no-such-doc").status_code == 404


def test_bad_uploads_leave_the_index_unchanged(seed: SeedIndex, seed_copy: Path,
                                               tmp_path: Path) -> None:
    with ExitStack() as stack:
        c = build_client(stack, seed, tmp_path, index_dir=seed_copy, max_upload_bytes=2048)
        before = c.get("/documents").json()
        ready = c.get("/readyz").json()
        cases = [
            (upload(c, "empty.txt", b""), 422),
            (upload(c, "blank.md", b"  \n\n "), 422),
            (upload(c, "junk.txt", b"\x00\x01\x02binary\xff" * 20), 422),
            (upload(c, "latin1.txt", "Lạng Sơn".encode("utf-16-le")), 422),  # no BOM
            (upload(c, "junk.pdf", b"%PDF-1.4 this is not really a pdf"), 422),
            (upload(c, "junk.docx", b"PK not a zip"), 422),
            (upload(c, "tool.exe", b"MZ\x90\x00"), 415),
            (upload(c, "noext", b"text"), 415),
            (upload(c, "big.txt", "Lạng Sơn. ".encode() * 300), 413),
            (upload(c, "huge.txt", b"x" * 200_000), 413),  # refused on Content-Length
            (c.post("/documents", content=(b'{"text": "' + b"x" * 8192 for _ in range(20)),
                    headers={"Content-Type": "application/json"}), 413),  # chunked, no length
            (upload(c, "bad-id.txt", b"Some text here.", doc_id="../etc/passwd"), 422),
            (c.post("/documents", files={"other": ("a.txt", b"text")}), 422),  # no `file`
            (c.post("/documents", data={"id": "x"}), 415),  # a form without a file
            (c.post("/documents", content=b"{bad json",
                    headers={"Content-Type": "application/json"}), 422),
            (c.post("/documents", json={"text": "   "}), 422),
            (c.post("/documents", json={"text": 42}), 422),
            (c.post("/documents", json={"id": "a/b", "text": "Văn bản."}), 422),
            (c.post("/documents", json={"id": "..", "text": "Văn bản."}), 422),
            (c.post("/documents", json={"text": "Văn bản.", "date": "hôm qua"}), 422),
            (c.post("/documents", json={"text": "x" * 3000}), 413),
            (c.post("/documents", content=b"plain text",
                    headers={"Content-Type": "text/plain"}), 415),
            (c.post("/documents", content=b"--zz\r\nbroken",  # no boundary parameter
                    headers={"Content-Type": "multipart/form-data"}), 400),
        ]
        for i, (r, status) in enumerate(cases):
            assert r.status_code == status, (i, r.status_code, r.text)
            assert isinstance(r.json()["detail"], str | list) and r.json()["detail"]
        assert "unsupported file type .exe" in cases[6][0].json()["detail"]
        assert "binary" in cases[2][0].json()["detail"]
        assert c.get("/documents").json() == before
        assert c.get("/readyz").json() == ready
        assert ask(c, Q_EXPORT)["answer"] == "769 triệu USD"


def test_writes_need_the_key_when_one_is_set(seed: SeedIndex, seed_copy: Path,
                                             tmp_path: Path) -> None:
    with ExitStack() as stack:
        c = build_client(stack, seed, tmp_path, index_dir=seed_copy, api_key=KEY)
        name, data, *_ = UPLOADS[0]
        r = upload(c, name, data)
        assert r.status_code == 401 and r.headers["WWW-Authenticate"].startswith("Bearer")
        r = upload(c, name, data, headers={"Authorization": f"Bearer {KEY}"})
        assert r.status_code == 201
        assert c.delete("/documents/hoi").status_code == 401
        assert c.delete("/documents/hoi",
                        headers={"Authorization": f"Bearer {KEY}"}).status_code == 204


def test_upload_creates_the_index_when_there_is_none(seed: SeedIndex, tmp_path: Path) -> None:
    with ExitStack() as stack:
        c = build_client(stack, seed, tmp_path, index_dir=tmp_path / "new-index")
        assert c.get("/readyz").status_code == 503
        assert c.post("/ask", json={"question": "sản lượng hoa hồi năm 2025?"}).status_code == 503
        name, data, doc_id, question, expected = UPLOADS[0]
        assert upload(c, name, data).status_code == 201
        assert c.get("/readyz").json() == {"status": "ready", "documents": 1, "chunks": 1,
                                           "generation": "gen-000001"}
        assert ask(c, question)["answer"] == expected
        assert c.delete(f"/documents/{doc_id}").status_code == 204
        r = c.post("/ask", json={"question": question})  # an empty index: a refusal, not 500
        assert r.status_code == 200 and r.json()["found"] is False


def test_questions_during_an_upload_see_a_whole_index(client: TestClient) -> None:
    body = "\n\n".join(
        f"Đoạn {i}: năm 2025, hợp tác xã số {i} ở Lạng Sơn trồng {i * 10} ha cây hồi và quế, "
        f"doanh thu đạt {i * 3} tỷ đồng, tạo việc làm cho {i * 7} lao động địa phương."
        for i in range(25))
    started = threading.Event()
    upload_done: list[float] = []

    def do_upload() -> int:
        started.set()
        r = client.post("/documents", json={"id": "big-upload", "text": body})
        upload_done.append(time.perf_counter())
        return int(r.status_code)

    def do_ask(_: int) -> tuple[int, str, list[str], float]:
        started.wait()
        t0 = time.perf_counter()
        r = client.post("/ask", json={"question": Q_EXPORT})
        d = r.json()
        return (r.status_code, d.get("answer", ""),
                [c["doc_id"] for c in d.get("citations", [])], t0)

    with ThreadPoolExecutor(max_workers=8) as pool:
        up = pool.submit(do_upload)
        answers = list(pool.map(do_ask, range(20)))
        assert up.result() == 201
    assert all(status == 200 for status, *_ in answers), answers
    assert all(answer == "769 triệu USD" and cites[:1] == [D001]
               for _, answer, cites, _ in answers), answers
    assert any(t0 < upload_done[0] for *_, t0 in answers)  # they did overlap the upload
    assert client.get("/documents/big-upload").json()["chunks"] > 1
    assert ask(client, Q_EXPORT)["answer"] == "769 triệu USD"


# --- issue 16: file names as clients send them, spreadsheets, the same report twice ----------

REPORT_2014 = "Báo cáo tháng 7\n\nTháng 7/2014 kim ngạch xuất khẩu đạt 51,2 triệu USD.".encode()


def _multipart(disposition: str, data: bytes) -> tuple[bytes, dict[str, str]]:
    boundary = "b0undary16"
    body = (f"--{boundary}\r\nContent-Disposition: {disposition}\r\n"
            f"Content-Type: text/plain\r\n\r\n").encode() + data + \
        f"\r\n--{boundary}--\r\n".encode()
    return body, {"content-type": f"multipart/form-data; boundary={boundary}"}


def test_rfc2231_and_nfd_file_names_are_one_document(client: TestClient) -> None:
    import unicodedata

    # requests and httpie name a non-ASCII file the RFC 2231 way
    body, headers = _multipart("form-data; name=\"file\"; "
                               "filename*=utf-8''B%C3%A1o%20c%C3%A1o%20th%C3%A1ng%207%202014.txt",
                               REPORT_2014)
    r = client.post("/documents", content=body, headers=headers)
    assert r.status_code == 201, r.text
    assert r.json()["id"] == "Báo_cáo_tháng_7_2014"
    # macOS sends the same name decomposed (NFD): the same document, unchanged
    nfd = unicodedata.normalize("NFD", "Báo cáo tháng 7 2014.txt")
    r = upload(client, nfd, REPORT_2014)
    assert r.status_code == 201 and r.json()["id"] == "Báo_cáo_tháng_7_2014"
    assert r.json()["status"] == "unchanged"
    # a `file` part without any file name is named as such, not "missing"
    body, headers = _multipart("form-data; name=\"file\"", REPORT_2014)
    r = client.post("/documents", content=body, headers=headers)
    assert r.status_code == 422 and "no file name" in r.json()["detail"]


def test_spreadsheet_upload_and_a_duplicate_named(client: TestClient) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Chỉ tiêu", "ĐVT", "6 tháng 2023"])
    ws.append(["Kim ngạch xuất khẩu hàng địa phương", "Triệu USD", 73.4])
    buf = io.BytesIO()
    wb.save(buf)
    r = upload(client, "dia-phuong.xlsx", buf.getvalue())
    assert r.status_code == 201, r.text
    answer = ask(client, "kim ngạch xuất khẩu hàng địa phương 6 tháng 2023?")
    assert answer["answer"] == "73,4 triệu USD"
    assert answer["citations"][0]["doc_id"] == "dia-phuong"
    r = upload(client, "csv-table.csv", "Chỉ tiêu;Năm 2023\nSố chợ;82\n".encode())
    assert r.status_code == 201, r.text
    # the same report downloaded twice
    first = upload(client, "bc.txt", REPORT_2014)
    second = upload(client, "bc (1).txt", REPORT_2014)
    assert first.json()["duplicate_of"] is None
    assert second.status_code == 201 and second.json()["duplicate_of"] == "bc"
    hits = client.get("/search", params={"q": "kim ngạch xuất khẩu tháng 7/2014"}).json()["hits"]
    texts = [h["text"] for h in hits]
    assert len(texts) == len(set(texts))
