"""Generative answers against a real OpenAI-compatible server on loopback that records requests."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from rag.answer.generative import (
    REFUSAL,
    LLMClient,
    LLMConfig,
    LLMError,
    build_messages,
    check_grounding,
    generate_answer,
)
from rag.records import Answer, Chunk, Citation, Hit
from rag.service import llm_config
from rag.settings import Settings

# --- a small scripted chat server ------------------------------------------------------


@dataclass
class Script:
    """What the server answers next: a reply text, or a status / raw body, after a delay."""

    content: str | None = "OK [1]"
    status: int = 200
    body: bytes | None = None  # raw body instead of a chat completion
    delay: float = 0.0
    requests: list[dict[str, Any]] = field(default_factory=list)


class LLMServer:
    def __init__(self) -> None:
        self.script = Script()
        script_ref = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                s = script_ref.script
                raw = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                s.requests.append({"path": self.path, "headers": dict(self.headers),
                                   "json": json.loads(raw)})
                if s.delay:
                    time.sleep(s.delay)
                if s.body is not None:
                    body = s.body
                else:
                    body = json.dumps({"id": "x", "object": "chat.completion", "choices": [
                        {"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": s.content}}]}).encode()
                try:
                    self.send_response(s.status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:  # the client gave up (timeout test)
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.base_url = f"http://127.0.0.1:{self.port}/v1/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="module")
def server() -> Iterator[LLMServer]:
    srv = LLMServer()
    yield srv
    srv.close()


@pytest.fixture
def script(server: LLMServer) -> Script:
    server.script = Script()
    return server.script


def client_for(server: LLMServer, **kw: Any) -> LLMClient:
    return LLMClient(LLMConfig(base_url=server.base_url, model="test-model", **kw))


# --- records -----------------------------------------------------------------------------

Q = "Kim ngạch xuất khẩu quý I/2018 là bao nhiêu?"


def make_hit(n: int, text: str, title: str = "Báo cáo", date: str | None = "2018-04-10") -> Hit:
    chunk = Chunk(id=Chunk.make_id(f"doc{n}", 0, len(text), text), doc_id=f"doc{n}",
                  title=title, date=date, text=text, start=0, end=len(text))
    return Hit(chunk=chunk, rank=n, score=1.0 / n)


HITS = [
    make_hit(1, "Quý I/2018, kim ngạch xuất khẩu qua các cửa khẩu đạt 769 triệu USD.",
             title="Tình hình xuất nhập khẩu quý I"),
    make_hit(2, "Tổng mức bán lẻ hàng hóa tăng 12,5% so với cùng kỳ.", title="Thương mại",
             date=None),
]

EXTRACTIVE = Answer(
    question=Q, resolved_question=Q, answer="769 triệu USD", found=True, confidence=0.8,
    answer_sentence=HITS[0].chunk.text,
    citations=(Citation(doc_id="doc1", chunk_id=HITS[0].chunk.id, title="t", date=None,
                        quote="769 triệu USD", start=40, end=53),),
    related=(HITS[1].to_dict(),), latency_ms=12.0,
)


def assert_fallback(ans: Answer, *mentions: str) -> None:
    assert ans.mode == "extractive"
    assert ans.answer == EXTRACTIVE.answer and ans.citations == EXTRACTIVE.citations
    assert ans.note and ans.note.startswith("generative answer not used: ")
    for m in mentions:
        assert m in ans.note


# --- end to end --------------------------------------------------------------------------


def test_good_answer_is_generative(server: LLMServer, script: Script) -> None:
    script.content = "Kim ngạch xuất khẩu quý I/2018 đạt 769 triệu USD [1]."
    ans = generate_answer(Q, Q, HITS, EXTRACTIVE, client_for(server, api_key="sk-secret"))
    assert ans.mode == "generative" and ans.found and ans.note is None
    assert ans.answer == script.content
    c = HITS[0].chunk
    assert ans.citations == (Citation(doc_id=c.doc_id, chunk_id=c.id, title=c.title,
                                      date=c.date, quote=c.text, start=c.start, end=c.end),)
    assert ans.answer_sentence == EXTRACTIVE.answer_sentence
    assert ans.confidence == EXTRACTIVE.confidence and ans.related == EXTRACTIVE.related

    (req,) = script.requests
    assert req["path"] == "/v1/chat/completions"
    assert req["headers"]["Authorization"] == "Bearer sk-secret"
    body = req["json"]
    assert body["model"] == "test-model" and body["temperature"] == 0
    assert body["max_tokens"] == 400
    system, user = body["messages"]
    assert system["role"] == "system" and REFUSAL in system["content"]
    assert user["role"] == "user"
    assert "[1] Tình hình xuất nhập khẩu quý I (2018-04-10)\n" in user["content"]
    assert "[2] Thương mại\n" in user["content"]
    assert "769 triệu USD" in user["content"] and Q in user["content"]


def test_no_authorization_header_without_key(server: LLMServer, script: Script) -> None:
    script.content = "Đạt 769 triệu USD [1]."
    ans = generate_answer(Q, Q, HITS, EXTRACTIVE, client_for(server))
    assert ans.mode == "generative"
    assert "Authorization" not in script.requests[0]["headers"]


def test_hallucinated_number_falls_back(server: LLMServer, script: Script) -> None:
    script.content = "Kim ngạch xuất khẩu quý I/2018 đạt 850 triệu USD [1]."
    assert_fallback(generate_answer(Q, Q, HITS, EXTRACTIVE, client_for(server)), "850")


def test_citation_of_missing_source_falls_back(server: LLMServer, script: Script) -> None:
    script.content = "Kim ngạch xuất khẩu đạt 769 triệu USD [3]."
    assert_fallback(generate_answer(Q, Q, HITS, EXTRACTIVE, client_for(server)), "[3]")


def test_no_citation_falls_back(server: LLMServer, script: Script) -> None:
    script.content = "Kim ngạch xuất khẩu đạt 769 triệu USD."
    assert_fallback(generate_answer(Q, Q, HITS, EXTRACTIVE, client_for(server)), "cited")


def test_server_error_falls_back(server: LLMServer, script: Script) -> None:
    script.status, script.body = 500, b'{"error": "boom"}'
    assert_fallback(generate_answer(Q, Q, HITS, EXTRACTIVE, client_for(server)), "500")


def test_timeout_falls_back_quickly(server: LLMServer, script: Script) -> None:
    script.delay = 2.0
    t0 = time.monotonic()
    ans = generate_answer(Q, Q, HITS, EXTRACTIVE, client_for(server, timeout=0.5))
    assert time.monotonic() - t0 < 1.5
    assert_fallback(ans, "timeout")


def test_connection_refused_falls_back() -> None:
    with socket.socket() as s:  # a port that was free a moment ago and has no listener
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    client = LLMClient(LLMConfig(base_url=f"http://127.0.0.1:{port}/v1", model="m", timeout=2))
    with pytest.raises(LLMError, match="connection"):
        client.complete([{"role": "user", "content": "x"}])
    assert_fallback(generate_answer(Q, Q, HITS, EXTRACTIVE, client), "connection")


@pytest.mark.parametrize("body", [b"<html>not json</html>", b'{"choices": []}',
                                  b'{"choices": [{"message": {}}]}'])
def test_malformed_body_falls_back(server: LLMServer, script: Script, body: bytes) -> None:
    script.body = body
    assert_fallback(generate_answer(Q, Q, HITS, EXTRACTIVE, client_for(server)), "malformed")


def test_refusal(server: LLMServer, script: Script) -> None:
    script.content = REFUSAL + "."
    not_found = Answer(question=Q, resolved_question=Q, answer=REFUSAL, found=False,
                       confidence=0.1)
    assert generate_answer(Q, Q, HITS, not_found, client_for(server)) == not_found
    assert_fallback(generate_answer(Q, Q, HITS, EXTRACTIVE, client_for(server)))


def test_api_key_not_logged(server: LLMServer, script: Script,
                            caplog: pytest.LogCaptureFixture) -> None:
    script.status, script.body = 500, b"{}"
    with caplog.at_level("DEBUG"):
        generate_answer(Q, Q, HITS, EXTRACTIVE, client_for(server, api_key="sk-very-secret"))
    assert caplog.records and "sk-very-secret" not in caplog.text


# --- units ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "source"), [
    ("Đạt 1.233 triệu USD [1].", "Kim ngạch đạt 1.233 triệu USD."),
    ("Đạt 1.233 triệu USD [1].", "Kim ngạch đạt 1233 triệu USD."),
    ("Tăng 29,6% [1].", "Tăng 29,6% so với cùng kỳ."),
    ("Năm 2018 đạt 5 dự án [1, 2].", "Năm 2018 có 5 dự án."),
])
def test_grounding_ok(text: str, source: str) -> None:
    assert check_grounding(text, [make_hit(1, source), make_hit(2, "không số")]) is None


@pytest.mark.parametrize(("text", "mention"), [
    ("Tăng 29,7% [1].", "29,7"),
    ("Năm 2019 tăng 29,6% [1].", "2019"),  # years count as numbers
    ("Tăng 29,6%.", "cited"),
    ("Tăng 29,6% [0].", "[0]"),
    ("Tăng 29,6% [2].", "29,6"),  # the number is only in an uncited source
])
def test_grounding_rejects(text: str, mention: str) -> None:
    hits = [make_hit(1, "Tăng 29,6% so với cùng kỳ.", date=None),
            make_hit(2, "Không có số liệu.", date=None)]
    reason = check_grounding(text, hits)
    assert reason is not None and mention in reason


def test_build_messages_numbers_sources() -> None:
    system, user = build_messages("Câu hỏi?", HITS)
    assert "[n]" in system["content"] or "[1]" in system["content"]
    assert user["content"].index("[1] ") < user["content"].index("[2] ")
    assert user["content"].rstrip().endswith("Câu hỏi?")


def test_config_from_settings() -> None:
    assert llm_config(Settings(llm_base_url=None, llm_model=None)) is None
    assert llm_config(Settings(llm_base_url="http://x/v1", llm_model=None)) is None
    cfg = llm_config(Settings(llm_base_url="http://x/v1", llm_model="qwen",
                                           llm_api_key="k", llm_timeout=3, llm_max_tokens=64))
    assert cfg == LLMConfig("http://x/v1", "qwen", "k", 3.0, 64)
    assert "k'" not in repr(cfg)
