"""The HTTP API through the ASGI app: real onnx-e5 embedder, real seed index, real SQLite."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest
from conftest import D001, SEED_IDS, SeedIndex
from fastapi.testclient import TestClient

from api.http.app import create_app
from api.http.routes import web as app_module
from api.http.security import RateLimiter, bearer_token, is_write
from rag.records import SearchResult
from rag.service import RagService
from rag.settings import Settings

Q_EXPORT = "kim ngạch xuất khẩu 2018?"
KEY = "s3cret-key-for-tests"
ClientFactory = Callable[..., TestClient]


def build_client(stack: ExitStack, seed: SeedIndex, tmp_path: Path, index_dir: Path | None = None,
                 service_cls: type[RagService] = RagService, raise_server_exceptions: bool = True,
                 peer: tuple[str, int] = ("testclient", 50000),
                 **overrides: Any) -> TestClient:
    """An app on ``index_dir`` (default: the shared seed index) sharing the loaded embedder;
    ``peer`` is the address requests come from."""
    overrides.setdefault("rate_limit_per_minute", 0)
    n = len(list(tmp_path.glob("sessions-*.db")))
    settings = Settings(index_dir=index_dir or seed.index_dir,
                        sessions_db=tmp_path / f"sessions-{n}.db", **overrides)
    service = service_cls(settings, embedder=seed.service.embedder)
    client = TestClient(create_app(settings, service=service),
                        raise_server_exceptions=raise_server_exceptions, client=peer)
    return stack.enter_context(client)


@pytest.fixture
def make_client(seed: SeedIndex, tmp_path: Path) -> Iterator[ClientFactory]:
    with ExitStack() as stack:
        yield lambda **kw: build_client(stack, seed, tmp_path, **kw)


@pytest.fixture(scope="module")
def client(seed: SeedIndex, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """One read-only app on the seed index for the question tests."""
    with ExitStack() as stack:
        yield build_client(stack, seed, tmp_path_factory.mktemp("api"))


def sse_events(text: str) -> list[tuple[str, dict[str, Any]]]:
    events = []
    for block in text.strip().split("\n\n"):
        fields = dict(line.split(": ", 1) for line in block.split("\n"))
        events.append((fields["event"], json.loads(fields["data"])))
    return events


# --- /ask ----------------------------------------------------------------------------------


def test_ask_answers_with_citations(client: TestClient, seed: SeedIndex) -> None:
    r = client.post("/ask", json={"question": Q_EXPORT})
    assert r.status_code == 200, r.text
    d = r.json()
    assert d["answer"] == "769 triệu USD" and d["found"] is True
    assert d["question"] == d["resolved_question"] == Q_EXPORT
    assert d["citations"] and d["citations"][0]["doc_id"] == D001
    assert "769 triệu USD" in d["citations"][0]["quote"]
    assert set(d) == set(seed.service.ask(Q_EXPORT).to_dict())  # exactly Answer.to_dict()


def test_ask_streams_server_sent_events(client: TestClient) -> None:
    plain = client.post("/ask", json={"question": Q_EXPORT}).json()
    r = client.post("/ask", json={"question": Q_EXPORT, "stream": True})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
    events = sse_events(r.text)
    assert [e for e, _ in events] == ["retrieval", "answer", "citations", "done"]
    retrieval, answer, citations, done = (d for _, d in events)
    assert retrieval["resolved_question"] == Q_EXPORT
    assert retrieval["hits"] and retrieval["hits"][0]["doc_id"] == D001
    assert answer["answer"] == "769 triệu USD" and "citations" not in answer
    assert citations["citations"] == plain["citations"]
    assert done["latency_ms"] >= 0
    # The Accept header asks for the same stream.
    r = client.post("/ask", json={"question": Q_EXPORT},
                    headers={"Accept": "text/event-stream"})
    assert [e for e, _ in sse_events(r.text)] == ["retrieval", "answer", "citations", "done"]


def test_ask_filters_by_document_and_year(client: TestClient) -> None:
    others = [d for d in SEED_IDS if d != D001]
    r = client.post("/ask", json={"question": Q_EXPORT, "filters": {"doc_ids": others}})
    d = r.json()
    assert r.status_code == 200 and d["answer"] != "769 triệu USD"
    assert all(x["doc_id"] != D001 for x in d["citations"] + d["related"])
    d = client.post("/ask", json={"question": "kim ngạch xuất khẩu?",
                                  "filters": {"year": 2024}}).json()
    assert d["answer"] == "1.874,1 triệu USD"
    d = client.post("/ask", json={"question": "kim ngạch xuất khẩu?", "top_k": 3,
                                  "filters": {"year": 2018}}).json()
    assert d["answer"] == "769 triệu USD"
    assert {x["doc_id"] for x in d["related"]} == {D001}


def test_generative_mode_without_llm_falls_back(client: TestClient) -> None:
    d = client.post("/ask", json={"question": Q_EXPORT, "mode": "generative"}).json()
    assert d["answer"] == "769 triệu USD" and "RAG_LLM_BASE_URL" in d["note"]


# --- bad input ---------------------------------------------------------------------------


@pytest.mark.parametrize("body", [
    {"question": ""}, {"question": "   "}, {"question": 123}, {"question": ["a"]},
    {"question": "ok?", "top_k": 0}, {"question": "ok?", "top_k": 51},
    {"question": "ok?", "top_k": "many"}, {"question": "ok?", "mode": "poetic"},
    {"question": "ok?", "filters": {"year": "last"}}, {"question": "ok?", "unknown": 1}, {},
])
def test_ask_rejects_bad_input_with_422(client: TestClient, body: dict[str, Any]) -> None:
    r = client.post("/ask", json=body)
    assert r.status_code == 422, r.text
    assert r.json()["detail"]


@pytest.mark.parametrize("path,field", [("/ask", "question"), ("/chat", "message")])
def test_a_lone_surrogate_is_422_and_a_nul_is_left_out(client: TestClient, path: str,
                                                       field: str) -> None:
    # JSON may escape half a surrogate pair, which no encoding writes: the embedder's
    # tokenizer failed on it with a 500 (break-test of issue 20)
    body = '{"' + field + '": "kim ng\\u1ea1ch xu\\u1ea5t kh\\u1ea9u \\ud800 2018?"}'
    r = client.post(path, content=body, headers={"content-type": "application/json"})
    assert r.status_code == 422 and "surrogate" in r.json()["detail"], r.text
    r = client.post(path, json={field: "kim ngạch xuất khẩu\x00 2018?"})
    assert r.status_code == 200, r.text


def test_blank_question_message_and_length_limits(client: TestClient) -> None:
    r = client.post("/ask", json={"question": "  \n "})
    assert r.status_code == 422 and "question is empty" in r.text
    r = client.post("/ask", json={"question": "x" * 1001})
    assert r.status_code == 413 and "1000" in r.json()["detail"]
    assert client.post("/ask", json={"question": "x" * 999 + "?"}).status_code == 200
    assert client.post("/chat", json={"message": "y" * 1001}).status_code == 413
    assert client.get("/search", params={"q": "z" * 1001}).status_code == 413


def test_invalid_json_is_422(client: TestClient) -> None:
    for path in ("/ask", "/chat"):
        r = client.post(path, content=b"{not json", headers={"Content-Type": "application/json"})
        assert r.status_code == 422, r.text


# --- /chat ---------------------------------------------------------------------------------


def test_chat_follow_up_history_and_delete(client: TestClient) -> None:
    r = client.post("/chat", json={"message": Q_EXPORT})
    assert r.status_code == 200
    first = r.json()
    sid = first["session_id"]
    assert first["answer"] == "769 triệu USD" and first["citations"]
    second = client.post("/chat", json={"session_id": sid, "message": "còn nhập khẩu?"}).json()
    assert second["session_id"] == sid
    assert second["resolved_question"] == "kim ngạch nhập khẩu 2018?"
    assert second["answer"] == "464 triệu USD"

    h = client.get(f"/chat/{sid}")
    assert h.status_code == 200
    hist = h.json()
    assert hist["session_id"] == sid and hist["updated"] >= hist["created"]
    assert [t["question"] for t in hist["turns"]] == [Q_EXPORT, "còn nhập khẩu?"]
    assert hist["turns"][1]["resolved_question"] == "kim ngạch nhập khẩu 2018?"
    assert hist["turns"][1]["answer"]["answer"] == "464 triệu USD"

    assert client.delete(f"/chat/{sid}").status_code == 204
    assert client.get(f"/chat/{sid}").status_code == 404
    assert client.delete(f"/chat/{sid}").status_code == 404
    r = client.post("/chat", json={"session_id": sid, "message": "còn nhập khẩu?"})
    assert r.status_code == 404 and "session" in r.json()["detail"]


def test_chat_unknown_session_and_bad_input(client: TestClient) -> None:
    assert client.post("/chat", json={"session_id": "nope", "message": "hi?"}).status_code == 404
    assert client.get("/chat/nope").status_code == 404
    assert client.post("/chat", json={"message": " "}).status_code == 422
    assert client.post("/chat", json={"session_id": "", "message": "hi?"}).status_code == 422
    assert client.post("/chat", json={"message": Q_EXPORT, "mode": 3}).status_code == 422


# --- /search -------------------------------------------------------------------------------


def test_search_returns_hits(client: TestClient) -> None:
    r = client.get("/search", params={"q": Q_EXPORT, "top_k": 3})
    assert r.status_code == 200
    d = r.json()
    assert d["query"] == Q_EXPORT and len(d["hits"]) == 3
    assert d["hits"][0]["doc_id"] == D001 and d["hits"][0]["rank"] == 1
    assert set(d) == set(SearchResult("q").to_dict())
    d = client.get("/search", params=[("q", Q_EXPORT), ("doc_id", SEED_IDS[0]),
                                      ("doc_id", SEED_IDS[2])]).json()
    assert d["hits"] and {h["doc_id"] for h in d["hits"]} <= {SEED_IDS[0], SEED_IDS[2]}
    assert client.get("/search", params={"q": "  "}).status_code == 422
    assert client.get("/search").status_code == 422
    assert client.get("/search", params={"q": "a", "top_k": 0}).status_code == 422


# --- health, readiness, metrics, docs ------------------------------------------------------


def test_health_and_readiness(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    r = client.get("/readyz")
    assert r.status_code == 200
    index = client.app.state.service.index
    assert r.json() == {"status": "ready", "documents": 5, "chunks": len(index),
                        "generation": index.generation}


def test_without_an_index_questions_are_503(make_client: ClientFactory,
                                             tmp_path: Path) -> None:
    c = make_client(index_dir=tmp_path / "empty-index")
    assert c.get("/healthz").status_code == 200
    r = c.get("/readyz")
    assert r.status_code == 503 and "no index" in r.json()["detail"]
    assert str(tmp_path) not in r.text  # no server paths in answers
    for resp in (c.post("/ask", json={"question": Q_EXPORT}),
                 c.post("/chat", json={"message": Q_EXPORT}),
                 c.get("/search", params={"q": Q_EXPORT})):
        assert resp.status_code == 503 and "no index" in resp.json()["detail"]
    assert c.get("/documents").json() == {"documents": []}
    assert c.get("/documents/x").status_code == 404
    assert 'rag_index_ready 0' in c.get("/metrics").text


def test_metrics_count_requests_by_route_template(make_client: ClientFactory) -> None:
    c = make_client()
    c.post("/ask", json={"question": Q_EXPORT})
    c.post("/ask", json={"question": ""})
    c.get("/documents/nope-1")
    c.get("/documents/nope-2")
    c.get("/no/such/page")
    r = c.get("/metrics")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/plain; version=0.0.4")
    text = r.text
    assert 'rag_requests_total{method="POST",path="/ask",status="200"} 1' in text
    assert 'rag_requests_total{method="POST",path="/ask",status="422"} 1' in text
    assert 'rag_requests_total{method="GET",path="/documents/{doc_id}",status="404"} 2' in text
    assert 'path="<unmatched>",status="404"} 1' in text
    assert "nope-1" not in text and "/no/such/page" not in text
    assert "# TYPE rag_request_duration_seconds histogram" in text
    assert 'rag_request_duration_seconds_bucket{path="/ask",le="+Inf"} 2' in text
    assert 'rag_request_duration_seconds_count{path="/ask"} 2' in text
    assert "# TYPE rag_index_documents gauge" in text and "rag_index_documents 5" in text
    assert "rag_index_chunks " in text


def test_openapi_has_vietnamese_examples(client: TestClient) -> None:
    r = client.get("/openapi.json")
    assert r.status_code == 200
    spec = r.json()
    assert "Lạng Sơn" in spec["info"]["title"]
    text = json.dumps(spec, ensure_ascii=False)
    assert "kim ngạch xuất khẩu 2018?" in text and "còn nhập khẩu?" in text
    body = spec["paths"]["/documents"]["post"]["requestBody"]["content"]
    assert {"multipart/form-data", "application/json"} <= set(body)
    for path in ("/ask", "/chat", "/search", "/documents", "/documents/{doc_id}",
                 "/chat/{session_id}", "/healthz", "/readyz", "/metrics"):
        assert path in spec["paths"]
    assert client.get("/docs").status_code == 200


def test_web_page_and_static_files(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "<html" in r.text.lower()
    for name, ctype in (("app.js", "javascript"), ("style.css", "text/css")):
        if (app_module.STATIC_DIR / name).is_file():
            r = client.get(f"/static/{name}")
            assert r.status_code == 200 and ctype in r.headers["content-type"]
    assert client.get("/static/no-such-file.js").status_code == 404
    assert client.get("/static/../app.py").status_code == 404


def test_placeholder_page_without_static_files(make_client: ClientFactory, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app_module, "STATIC_DIR", tmp_path / "missing")
    c = make_client()
    r = c.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "/docs" in r.text
    assert c.get("/static/app.js").status_code == 404


# --- errors ----------------------------------------------------------------------------------


class _BrokenService(RagService):
    def search(self, *args: Any, **kwargs: Any) -> SearchResult:
        raise RuntimeError("boom at /secret/path")


def test_unexpected_errors_are_500_without_traceback(make_client: ClientFactory,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    c = make_client(service_cls=_BrokenService, raise_server_exceptions=False)
    with caplog.at_level(logging.ERROR, logger="api.http.app"):
        r = c.get("/search", params={"q": "a"})
    assert r.status_code == 500 and r.json() == {"detail": "internal error"}
    assert "secret" not in r.text and "Traceback" not in r.text
    assert "boom at /secret/path" in caplog.text  # logged for the operator
    assert 'path="/search",status="500"' in c.get("/metrics").text


# --- security ------------------------------------------------------------------------------


def test_api_key_guards_writes(make_client: ClientFactory, seed_copy: Path,
                               caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    c = make_client(index_dir=seed_copy, api_key=KEY)
    assert c.post("/ask", json={"question": Q_EXPORT}).status_code == 200  # reads stay open
    assert c.get("/documents").status_code == 200
    doc = {"id": "auth-doc", "text": "Năm 2025, tỉnh có 12 chợ biên giới."}
    r = c.post("/documents", json=doc)
    assert r.status_code == 401 and r.headers["www-authenticate"].startswith("Bearer")
    r = c.post("/documents", json=doc, headers={"Authorization": "Bearer not-the-key-xyz"})
    assert r.status_code == 401 and "invalid_token" in r.headers["www-authenticate"]
    assert c.post("/documents", json=doc, headers={"Authorization": KEY}).status_code == 401
    auth = {"Authorization": f"Bearer {KEY}"}
    assert c.post("/documents", json=doc, headers=auth).status_code == 201
    assert c.delete("/documents/auth-doc").status_code == 401
    assert c.get("/documents/auth-doc").status_code == 200
    assert c.delete("/documents/auth-doc", headers=auth).status_code == 204
    assert KEY not in caplog.text and "not-the-key-xyz" not in caplog.text


def test_private_mode_needs_the_key_everywhere_but_health(make_client: ClientFactory) -> None:
    c = make_client(api_key=KEY, public=False)
    for method, path in [("GET", "/"), ("GET", "/documents"), ("GET", "/metrics"),
                         ("GET", "/openapi.json"), ("GET", "/docs"), ("GET", "/static/app.js"),
                         ("GET", "/search?q=a"), ("GET", "/chat/x")]:
        r = c.request(method, path)
        assert r.status_code == 401, path
        assert r.headers["www-authenticate"].startswith("Bearer")
    assert c.post("/ask", json={"question": Q_EXPORT}).status_code == 401
    assert c.get("/healthz").status_code == 200 and c.get("/readyz").status_code == 200
    auth = {"Authorization": f"Bearer {KEY}"}
    r = c.post("/ask", json={"question": Q_EXPORT}, headers=auth)
    assert r.status_code == 200 and r.json()["answer"] == "769 triệu USD"
    assert c.get("/", headers=auth).status_code == 200
    assert c.get("/metrics", headers=auth).status_code == 200


def test_private_mode_without_a_key_is_refused(seed: SeedIndex, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="RAG_API_KEY"):
        create_app(Settings(index_dir=seed.index_dir, public=False))


def test_rate_limit_answers_429_with_retry_after(make_client: ClientFactory) -> None:
    c = make_client(rate_limit_per_minute=3)
    for _ in range(3):
        assert c.get("/search", params={"q": Q_EXPORT}).status_code == 200
    r = c.post("/ask", json={"question": Q_EXPORT})
    assert r.status_code == 429
    assert 1 <= int(r.headers["Retry-After"]) <= 60 and "too many requests" in r.json()["detail"]
    assert c.get("/healthz").status_code == 200 and c.get("/readyz").status_code == 200
    r = c.get("/metrics")
    assert r.status_code == 200 and 'path="/ask",status="429"} 1' in r.text


def test_rate_limit_uses_the_key_as_the_client(make_client: ClientFactory) -> None:
    c = make_client(rate_limit_per_minute=2, api_key=KEY)
    auth = {"Authorization": f"Bearer {KEY}"}
    assert [c.get("/documents").status_code for _ in range(3)] == [200, 200, 429]
    assert [c.get("/documents", headers=auth).status_code for _ in range(3)] == [200, 200, 429]
    # A wrong key does not buy a fresh bucket.
    assert c.get("/documents", headers={"Authorization": "Bearer x"}).status_code == 429


def test_rate_limit_counts_the_forwarded_client_only_behind_a_trusted_proxy(
        make_client: ClientFactory) -> None:
    # behind the proxy at 10.0.0.5, each user has a bucket of their own
    proxied = make_client(rate_limit_per_minute=2, forwarded_allow_ips="10.0.0.5",
                          peer=("10.0.0.5", 40000))
    alice, bob = {"X-Forwarded-For": "203.0.113.7"}, {"X-Forwarded-For": "198.51.100.9"}
    assert [proxied.get("/documents", headers=alice).status_code for _ in range(3)] \
        == [200, 200, 429]
    assert proxied.get("/documents", headers=bob).status_code == 200
    # the last hop a trusted proxy added is the client; what the client claimed before is not
    spoof = {"X-Forwarded-For": "198.51.100.9, 203.0.113.8"}
    assert [proxied.get("/documents", headers=spoof).status_code for _ in range(3)] \
        == [200, 200, 429]
    # a peer that is not a trusted proxy cannot choose its bucket by sending the header
    direct = make_client(rate_limit_per_minute=2, forwarded_allow_ips="10.0.0.5",
                         peer=("192.0.2.1", 40000))
    codes = [direct.get("/documents", headers={"X-Forwarded-For": f"203.0.113.{i}"}).status_code
             for i in range(3)]
    assert codes == [200, 200, 429]


def test_the_web_page_and_its_files_are_not_rate_limited(make_client: ClientFactory) -> None:
    c = make_client(rate_limit_per_minute=1)
    for _ in range(3):
        assert c.get("/").status_code == 200
        assert c.get("/static/app.js").status_code == 200
        assert c.get("/static/style.css").status_code == 200
    assert [c.get("/documents").status_code for _ in range(2)] == [200, 429]


def test_rate_limiter_window_moves() -> None:
    rl = RateLimiter(2, window=1)  # two a second, counted by `limits` in memory
    assert rl.hit("a") is None and rl.hit("a") is None
    wait = rl.hit("a")
    assert wait is not None and 0.0 < wait <= 1.0
    assert rl.hit("b") is None  # per client
    time.sleep(wait + 0.05)
    assert rl.hit("a") is None
    with pytest.raises(ValueError):
        RateLimiter(0)
    with pytest.raises(ValueError, match="storage"):
        RateLimiter(5, storage="nosuch://x")


def test_security_helpers() -> None:
    assert bearer_token("Bearer abc") == "abc" and bearer_token("bearer  abc ") == "abc"
    assert bearer_token("Basic abc") is None and bearer_token("Bearer ") is None
    assert bearer_token(None) is None
    assert is_write("POST", "/documents") and is_write("DELETE", "/documents/x")
    assert is_write("POST", "/documents/") and not is_write("GET", "/documents")
    assert not is_write("POST", "/ask") and not is_write("POST", "/documentsx")
