"""Plain helpers shared by several test files: the app under uvicorn on loopback, small recording
HTTP servers that play platform APIs, and hand-built .pdf/.docx files."""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import io
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, TypeVar

import httpx
import uvicorn

from api.http.app import create_app
from rag.ingest.readers import make_document
from rag.service import RagService
from rag.settings import Settings

T = TypeVar("T")

# --- the app under uvicorn -------------------------------------------------------------------


@contextmanager
def serve(settings: Settings, service: RagService) -> Iterator[str]:
    """The app under uvicorn on a free loopback port, in a thread; yields its base URL once
    /healthz answers 200."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(settings, service=service),
                                           host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert thread.is_alive(), "uvicorn stopped while starting"
            assert time.monotonic() < deadline, "the app did not become healthy in 30 s"
            time.sleep(0.05)
        yield base
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@contextmanager
def http_client(service: RagService) -> Iterator[Any]:
    """A FastAPI TestClient over ``service`` (its settings, rate limit off): the HTTP doors of
    a test's own small index."""
    from fastapi.testclient import TestClient

    with TestClient(create_app(service.settings.model_copy(
            update={"rate_limit_per_minute": 0}), service=service)) as client:
        yield client


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class ServerProcess:
    """`python -m api.cli serve` on a free loopback port; restarted, killed, stopped."""

    def __init__(self, index_dir: Path, env: dict[str, str], log: Path,
                 args: tuple[str, ...] = ()) -> None:
        self.index_dir, self.env, self.log, self.args = index_dir, env, log, args
        self.proc: subprocess.Popen[bytes] | None = None
        self.base = ""

    def start(self) -> dict[str, Any]:
        """Start and wait until /readyz says ready; returns its body."""
        port = free_port()
        self.base = f"http://127.0.0.1:{port}"
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "api.cli", "serve", "--port", str(port),
                 "--index-dir", str(self.index_dir), *self.args],
                env=self.env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 60
        while True:
            assert self.proc.poll() is None, f"the server exited:\n{self.tail()}"
            assert time.monotonic() < deadline, f"not ready in 60 s:\n{self.tail()}"
            with contextlib.suppress(httpx.TransportError):
                r = httpx.get(f"{self.base}/readyz", timeout=2)
                if r.status_code == 200:
                    return dict(r.json())
            time.sleep(0.05)

    def kill(self) -> None:
        assert self.proc is not None
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=10)
        assert self.proc.returncode == -signal.SIGKILL

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def tail(self) -> str:
        return self.log.read_text(errors="replace")[-3000:]


# --- small HTTP servers on loopback ----------------------------------------------------------


class QuietHandler(BaseHTTPRequestHandler):
    """A request handler that logs nothing and answers in JSON with ``send_json``."""

    def send_json(self, status: int, answer: Any, headers: Mapping[str, str] | None = None,
                  ) -> None:
        data = json.dumps(answer).encode()
        self.send_response(status)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def http_server(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """``handler`` served on a free loopback port, in a thread; yields its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def run_in_threads(work: Callable[[int], None], n: int) -> list[BaseException]:
    """Run ``work(0)`` … ``work(n - 1)`` in n threads at once; the exceptions they raised."""
    errors: list[BaseException] = []

    def guarded(i: int) -> None:
        try:
            work(i)
        except BaseException as exc:  # reported to the caller
            errors.append(exc)

    threads = [threading.Thread(target=guarded, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors


def wait_for(get: Callable[[], list[T]], n: int, timeout: float, what: str) -> list[T]:
    """``get()`` once it holds at least ``n`` items (``what``: "calls to /x", for the failure
    message), polling for up to ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while len(found := get()) < n:
        assert time.monotonic() < deadline, f"{len(found)} of {n} {what} in {timeout} s: {found}"
        time.sleep(0.02)
    return found


@dataclass
class Recorded:
    path: str
    body: dict[str, Any]
    status: int
    at: float


@dataclass
class FakeAPI:
    """A loopback HTTP server that records each POST and answers it with ``reply(path,
    body)``, unless ``failures`` holds a (path suffix, status, headers) to answer first."""

    reply: Callable[[str, dict[str, Any]], dict[str, Any]]
    failures: list[tuple[str, int, dict[str, str]]] = field(default_factory=list)
    calls: list[Recorded] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    base: str = ""

    def to(self, suffix: str) -> list[Recorded]:
        with self.lock:
            return [c for c in self.calls if c.path.endswith(suffix)]

    def wait(self, suffix: str, n: int, timeout: float = 20.0) -> list[Recorded]:
        return wait_for(lambda: self.to(suffix), n, timeout, f"calls to ...{suffix}")


@contextmanager
def fake_api(reply: Callable[[str, dict[str, Any]], dict[str, Any]]) -> Iterator[FakeAPI]:
    api = FakeAPI(reply)

    class Handler(QuietHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server's name)
            raw = self.rfile.read(int(self.headers.get("content-length") or 0)).decode()
            try:
                body = json.loads(raw) if raw else {}
            except ValueError:
                body = dict(httpx.QueryParams(raw))
            status, headers, answer = 200, {}, None
            with api.lock:
                for i, (suffix, code, extra) in enumerate(api.failures):
                    if self.path.endswith(suffix):
                        del api.failures[i]
                        status, headers = code, extra
                        answer = {"ok": False, "error": "ratelimited" if code == 429
                                  else "service_unavailable"}
                        break
            if answer is None:
                answer = reply(self.path, body)
            with api.lock:
                api.calls.append(Recorded(self.path, body, status, time.monotonic()))
            self.send_json(status, answer, headers)

    with http_server(Handler) as base:
        api.base = base
        yield api


def slack_api_reply(path: str, body: dict[str, Any]) -> dict[str, Any]:
    """What Slack's Web API answers to auth.test and chat.postMessage."""
    if path.endswith("/auth.test"):
        return {"ok": True, "user_id": "UBOT", "bot_id": "BBOT", "team_id": "T1",
                "url": "https://t1.slack.com/", "team": "T1", "user": "rag"}
    return {"ok": True, "channel": body.get("channel"), "ts": f"{time.time():.6f}"}


# --- platform request signing ----------------------------------------------------------------


def slack_signature(body: bytes, secret: str, timestamp: int | None = None) -> dict[str, str]:
    """The headers Slack signs a request with: v0=HMAC-SHA256(secret, "v0:{ts}:{body}")."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{ts}:".encode() + body, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={digest}"}


def zalo_oa_mac(body: bytes, timestamp: str, app_id: str, oa_secret: str) -> str:
    """A Zalo OA webhook's mac: SHA-256 of app id + raw body + timestamp + OA secret key."""
    return hashlib.sha256(app_id.encode() + body + timestamp.encode()
                          + oa_secret.encode()).hexdigest()


def zalo_oa_signature(body: bytes, timestamp: str, app_id: str, oa_secret: str) -> dict[str, str]:
    """The headers of a signed Zalo OA webhook request with a JSON body."""
    return {"content-type": "application/json",
            "X-ZEvent-Signature": "mac=" + zalo_oa_mac(body, timestamp, app_id, oa_secret)}


# --- uploaded files --------------------------------------------------------------------------


HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def pdf_bytes(content: bytes, flate: bool = False, font: bytes = HELVETICA) -> bytes:
    """A one-page PDF (exact xref offsets) whose page content stream is ``content``, its
    font /F1 the dictionary ``font``."""
    stream = zlib.compress(content, 9) if flate else content
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d%s >>\nstream\n" % (len(stream), b" /Filter /FlateDecode" * flate)
        + stream + b"\nendstream",
        font,
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def make_pdf(text: str) -> bytes:
    """A minimal one-page PDF with ``text`` (ASCII) in a standard font."""
    return pdf_bytes(f"BT /F1 14 Tf 72 720 Td ({text}) Tj ET".encode())


def make_docx(*paragraphs: str) -> bytes:
    """A .docx holding ``paragraphs``, written by python-docx."""
    import docx

    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    return docx_bytes(d)


def docx_bytes(document: Any) -> bytes:
    """The bytes of a python-docx ``document`` as a .docx file."""
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def docx_fill(table: Any, rows: list[list[str]], first: int = 0) -> None:
    """Write ``rows`` (lists of cell texts) into a python-docx ``table`` from row ``first``."""
    for i, row in enumerate(rows, first):
        for j, c in enumerate(row):
            table.cell(i, j).text = c


def docx_merged_table(document: Any, rows: list[list[str]],
                      merges: tuple[tuple[int, int, int, int], ...] = ()) -> Any:
    """Add to a python-docx ``document`` a table of ``rows`` (blank cells left empty) whose
    cells ``merges`` ((row, col, row, col) corners) are merged as python-docx merges them
    (vMerge / gridSpan); returns the table."""
    table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            if text:
                table.cell(i, j).text = text
    for a, b, c, e in merges:
        table.cell(a, b).merge(table.cell(c, e))
    return table


def html_rows(rows: list[list[str]]) -> str:
    """``rows`` (lists of cell texts) as HTML table rows of ``<td>`` cells."""
    return "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)


DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def csv_bytes(rows: list[list[str]]) -> bytes:
    """The rows as a UTF-8 CSV file (comma, "\\n" line ends)."""
    import csv

    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode()


def xlsx_bytes(rows: list[list[object]], merges: tuple[str, ...] = (),
               sheet: str = "Biểu 1") -> bytes:
    """The rows as a one-sheet .xlsx workbook named ``sheet``, with ``merges`` ("B1:C1") merged."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    for ref in merges:
        ws.merge_cells(ref)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def fpdf_table(pdf: Any, rows: Sequence[Sequence[str]], headings: bool = True) -> None:
    """Write ``rows`` (cells as text) as one fpdf2 table at the page's cursor; ``headings``:
    the first row is set as the header (bold), as report tables are."""
    with pdf.table(first_row_as_headings=headings) as table:
        for cells in rows:
            row = table.row()
            for cell in cells:
                row.cell(cell)


def fpdf_page() -> Any:
    """An fpdf2 document with one page, DejaVu Sans ("dv", regular and bold) at 11 pt; skips the
    test when fpdf2 or the font is not installed."""
    import pytest

    fpdf = pytest.importorskip("fpdf")
    if not DEJAVU.exists():
        pytest.skip("DejaVu Sans is not installed")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.add_font("dv", "", str(DEJAVU))
    pdf.add_font("dv", "B", str(DEJAVU))  # tables set their header rows in bold
    pdf.set_font("dv", size=11)
    return pdf


def report_file(kind: str, paragraphs: list[str], article: bool = True) -> tuple[str, bytes]:
    """(file name, bytes) of a report whose ``paragraphs`` (the first the title) are written as
    ``kind``: "docx", "txt", else an HTML page with the title as <title> and <h1> (inside an
    <article> unless ``article`` is false) -- the same report in every reader's shape."""
    if kind == "docx":
        return "bao-cao.docx", make_docx(*paragraphs)
    if kind == "txt":
        return "bao-cao.txt", "\n\n".join(paragraphs).encode()
    body = "".join(f"<p>{p}</p>" for p in paragraphs[1:])
    page = f"<h1>{paragraphs[0]}</h1>{body}"
    if article:
        page = f"<article>{page}</article>"
    return "bao-cao.html", (f"<html><head><title>{paragraphs[0]}</title></head><body>"
                            f"{page}</body></html>").encode()


def titled_table_file(kind: str, rows: list[list[str]], title: str) -> tuple[str, bytes]:
    """(file name, bytes) of a table ``rows`` under a ``title`` line, as ``kind`` ("xlsx",
    "csv" with ";", "html", "docx", else a PDF) -- the same table in every reader's shape."""
    if kind == "xlsx":
        return "bieu.xlsx", xlsx_bytes([[title], *rows])
    if kind == "csv":
        return "bieu.csv", "\n".join([title, *(";".join(r) for r in rows)]).encode()
    if kind == "html":
        return "bieu.html", (f"<html><body><article><h1>{title}</h1><table>{html_rows(rows)}"
                             "</table></article></body></html>").encode()
    if kind == "docx":
        import docx

        d = docx.Document()
        d.add_paragraph(title)
        docx_fill(d.add_table(rows=len(rows), cols=len(rows[0])), rows)
        return "bieu.docx", docx_bytes(d)
    pdf = fpdf_page()
    pdf.multi_cell(0, 8, title)
    with pdf.table(first_row_as_headings=False) as table:
        for r in rows:
            row = table.row()
            for c in r:
                row.cell(c)
    return "bieu.pdf", bytes(pdf.output())


# --- two services on one PostgreSQL database (tests/test_pg_*.py) ----------------------------


def tea_report(doc_id: str, year: int, tonnes: str) -> Any:
    """A one-sentence uploaded report: Bắc Sơn's tea output of ``year`` in tonnes."""
    return make_document(doc_id, f"Năm {year}, sản lượng chè Bắc Sơn đạt {tonnes} tấn, tăng "
                                 f"7,4% so với năm {year - 1}.", title=f"Báo cáo {year}",
                         source="upload")


def pg_service(tmp_path: Path, url: str, embedder: Any, name: str = "a") -> RagService:
    """A service on the database ``url`` with a cache directory of its own (``name``), what
    one server process is; the live generation not polled (index_poll_seconds 0)."""
    return RagService(Settings(index_dir=tmp_path / f"cache-{name}", database_url=url,
                               sessions_db=tmp_path / "s.db", index_poll_seconds=0),
                      embedder=embedder)
