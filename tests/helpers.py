"""Plain helpers shared by several test files: the app under uvicorn on loopback, small recording
HTTP servers that play platform APIs, and hand-built .pdf/.docx files."""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import socket
import threading
import time
import zlib
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, TypeVar

import httpx
import uvicorn

from api.app import create_app
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


def pdf_bytes(content: bytes, flate: bool = False) -> bytes:
    """A one-page PDF (exact xref offsets) whose page content stream is ``content``."""
    stream = zlib.compress(content, 9) if flate else content
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d%s >>\nstream\n" % (len(stream), b" /Filter /FlateDecode" * flate)
        + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
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
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()
