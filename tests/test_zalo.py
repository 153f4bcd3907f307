"""The Zalo adapters end to end: the app under uvicorn on loopback with the real seed index, and
Zalo's APIs (OA messages, OAuth, Bot Platform) played by a recording HTTP server on loopback."""

from __future__ import annotations

import json
import logging
import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest
import uvicorn
from conftest import SeedIndex
from fastapi import FastAPI
from helpers import QuietHandler, http_server, wait_for, zalo_oa_mac, zalo_oa_signature

from api.http.app import create_app
from api.zalo import (
    TEXT_LIMIT,
    ZaloTokens,
    ZaloTokenStore,
    format_reply,
    split_text,
    verify_oa_event,
    zalo_router,
)
from rag.records import Answer, AnswerPart, Citation
from rag.service import RagService
from rag.settings import Settings

APP_ID, OA_SECRET, APP_SECRET = "app1", "oasecret", "appsecret"
BOT_TOKEN, BOT_SECRET = "bot123", "botsecret"
CS_PATH, TOKEN_PATH, BOT_PATH = "/v3.0/oa/message/cs", "/v4/oa/access_token", \
    f"/bot{BOT_TOKEN}/sendMessage"
TITLE_2018 = "Ngành Công thương Lạng Sơn"


# --- Zalo, played by a recording server ------------------------------------------------------


@dataclass
class Call:
    path: str
    headers: dict[str, str]
    body: bytes
    status: int = 0

    def json(self) -> Any:
        return json.loads(self.body)

    def form(self) -> dict[str, str]:
        return {k: v[0] for k, v in parse_qs(self.body.decode()).items()}


@dataclass
class FakeZalo:
    """Records every call; OA sends succeed only with a token in ``valid_tokens``."""

    base: str = ""
    calls: list[Call] = field(default_factory=list)
    valid_tokens: set[str] = field(default_factory=lambda: {"tok-old"})
    failures: list[tuple[str, int]] = field(default_factory=list)  # (path, status), used once
    delays: list[float] = field(default_factory=list)  # seconds, for the next bot calls
    lock: threading.Lock = field(default_factory=threading.Lock)

    def respond(self, call: Call) -> tuple[int, dict[str, Any]]:
        with self.lock:
            for i, (path, status) in enumerate(self.failures):
                if path == call.path:
                    del self.failures[i]
                    return status, {"error": -1, "message": "try again"}
        if call.path == CS_PATH:
            if call.headers.get("access_token") not in self.valid_tokens:
                return 200, {"error": -216, "message": "Access token is invalid"}
            return 200, {"error": 0, "message": "Success", "data": {"message_id": "m1"}}
        if call.path == TOKEN_PATH:
            self.valid_tokens = {"tok-new"}
            return 200, {"access_token": "tok-new", "refresh_token": "ref-2",
                         "expires_in": "90000"}
        if call.path == BOT_PATH:
            with self.lock:
                delay = self.delays.pop(0) if self.delays else 0.0
            time.sleep(delay)
            return 200, {"ok": True, "result": {"message_id": "b1"}}
        return 404, {"error": -1, "message": "unknown path"}

    def of(self, path: str) -> list[Call]:
        with self.lock:
            return [c for c in self.calls if c.path == path]

    def wait(self, path: str, n: int, timeout: float = 10.0) -> list[Call]:
        """The first ``n`` calls to ``path``, waiting for them up to ``timeout`` seconds."""
        return wait_for(lambda: self.of(path), n, timeout, f"calls to {path}")

    def settle(self, seconds: float = 0.6) -> None:
        """Time for a reply that should not happen to show up anyway."""
        time.sleep(seconds)


@pytest.fixture
def fake() -> Iterator[FakeZalo]:
    state = FakeZalo()

    class Handler(QuietHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("content-length") or 0))
            call = Call(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
            status, answer = state.respond(call)
            call.status = status
            with state.lock:
                state.calls.append(call)
            self.send_json(status, answer)

    with http_server(Handler) as base:
        state.base = base
        yield state


# --- the app under uvicorn ---------------------------------------------------------------


@dataclass
class App:
    base: str
    app: FastAPI
    settings: Settings

    def oa(self, event: dict[str, Any], signature: str | None = None,
           prefix: str = "mac=") -> httpx.Response:
        raw = json.dumps(event, ensure_ascii=False).encode()
        if signature is None:
            signature = prefix + sign(raw, event["timestamp"])
        return httpx.post(f"{self.base}/zalo/webhook", content=raw, timeout=5,
                          headers={"content-type": "application/json",
                                   "X-ZEvent-Signature": signature})

    def bot(self, update: dict[str, Any], secret: str = BOT_SECRET) -> httpx.Response:
        return httpx.post(f"{self.base}/zalo-bot/webhook", json=update, timeout=5,
                          headers={"X-Bot-Api-Secret-Token": secret})

    @property
    def service(self) -> RagService:
        service: RagService = self.app.state.service
        return service


def sign(raw: bytes, timestamp: str) -> str:
    return zalo_oa_mac(raw, timestamp, APP_ID, OA_SECRET)


def user_text(text: str, msg_id: str, user: str = "u-1", event: str = "user_send_text",
              ) -> dict[str, Any]:
    return {"app_id": APP_ID, "user_id_by_app": "ub-1", "event_name": event,
            "timestamp": str(int(time.time() * 1000)), "sender": {"id": user},
            "recipient": {"id": "oa-1"}, "message": {"text": text, "msg_id": msg_id}}


def bot_update(text: str | None, message_id: str, chat: str = "c-1",
               event: str = "message.text.received") -> dict[str, Any]:
    message: dict[str, Any] = {"from": {"id": chat, "display_name": "An"},
                               "chat": {"id": chat, "chat_type": "PRIVATE"},
                               "message_id": message_id, "date": 1750316131602}
    if text is not None:
        message["text"] = text
    return {"message": message, "event_name": event}


@pytest.fixture
def zalo(seed: SeedIndex, fake: FakeZalo, tmp_path: Path) -> Iterator[App]:
    settings = Settings(
        index_dir=seed.index_dir, sessions_db=tmp_path / "s.db", zalo_app_id=APP_ID,
        zalo_oa_secret_key=OA_SECRET, zalo_app_secret=APP_SECRET, zalo_access_token="tok-old",
        zalo_refresh_token="ref-1", zalo_token_file=tmp_path / "zalo.json",
        zalo_api_base_url=fake.base, zalo_oauth_base_url=fake.base, zalo_bot_token=BOT_TOKEN,
        zalo_bot_secret_token=BOT_SECRET, zalo_bot_api_base_url=fake.base)
    # create_app mounts the Zalo routes itself when they are configured
    app = create_app(settings, service=RagService(settings, embedder=seed.service.embedder))
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{sock.getsockname()[1]}"
    try:
        deadline = time.monotonic() + 30
        while not server.started:
            assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.02)
        yield App(base, app, settings)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


# --- Zalo Official Account ------------------------------------------------------------------


def test_oa_question_gets_one_cited_reply_and_redelivery_none(zalo: App,
                                                               fake: FakeZalo) -> None:
    event = user_text("kim ngạch xuất khẩu 2018?", "msg-1")
    assert zalo.oa(event).status_code == 200
    [call] = fake.wait(CS_PATH, 1)
    assert call.headers["access_token"] == "tok-old"
    body = call.json()
    assert body["recipient"] == {"message_id": "msg-1"}
    text = body["message"]["text"]
    # the first line says what the figure is, for which period, with the figure
    head = text.split("\n")[0]
    assert "3 tháng đầu năm 2018" in head and "769 triệu USD" in head
    assert f"Nguồn: {TITLE_2018}" in text
    # the period the figure is for, and the clause it is quoted from
    assert "3 tháng đầu năm 2018" in text and "chưa có số liệu cả năm 2018" in text
    assert "“Trong đó, kim ngạch xuất khẩu: 769 triệu USD" in text
    assert text.index("769 triệu USD") < text.index("Nguồn:")
    assert len(text) <= TEXT_LIMIT

    assert zalo.oa(event).status_code == 200  # Zalo redelivers the same event
    fake.settle()
    assert len(fake.of(CS_PATH)) == 1
    assert fake.of(TOKEN_PATH) == []


def test_an_answered_delivery_is_never_answered_again(zalo: App, fake: FakeZalo,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A reply that went out marks its delivery done (OA and Bot alike), so a redelivery long
    after the claim would have gone stale -- what happens to a claimant that died -- is still
    not answered a second time."""
    event = user_text("kim ngạch xuất khẩu 2018?", "msg-1")
    update = bot_update("kim ngạch xuất khẩu 2018?", "b-1")
    assert zalo.oa(event).status_code == 200 and zalo.bot(update).status_code == 200
    fake.wait(CS_PATH, 1)
    fake.wait(BOT_PATH, 1)

    def done() -> list[str]:
        with sqlite3.connect(zalo.settings.sessions_db) as conn:
            return [k for (k,) in conn.execute("SELECT key FROM claims WHERE done = 1")]

    assert sorted(wait_for(done, 2, 10, "deliveries marked done")) == [
        "zalo-bot:c-1:b-1", "zalo:oa:msg-1"]
    later = time.time() + 10 * zalo.settings.delivery_claim_seconds
    monkeypatch.setattr(zalo.service.sessions, "_clock", lambda: later)
    assert zalo.oa(event).status_code == 200 and zalo.bot(update).status_code == 200
    fake.settle()
    assert len(fake.of(CS_PATH)) == 1 and len(fake.of(BOT_PATH)) == 1


def test_oa_follow_up_continues_the_users_session(zalo: App, fake: FakeZalo) -> None:
    zalo.oa(user_text("kim ngạch xuất khẩu 2018?", "msg-1"))
    fake.wait(CS_PATH, 1)
    zalo.oa(user_text("còn nhập khẩu?", "msg-2"))
    second = fake.wait(CS_PATH, 2)[1].json()
    assert second["recipient"] == {"message_id": "msg-2"}
    # a follow-up is read against the last question, and the reply says how
    assert second["message"]["text"].startswith("Hiểu là: ")
    line = second["message"]["text"].split("\n")[1]
    assert "464 triệu USD" in line and "3 tháng đầu năm 2018" in line


def test_oa_signature_with_or_without_prefix_is_accepted(zalo: App, fake: FakeZalo) -> None:
    assert zalo.oa(user_text("kim ngạch xuất khẩu 2018?", "a"), prefix="mac=").status_code == 200
    assert zalo.oa(user_text("kim ngạch xuất khẩu 2018?", "b", user="u-2"),
                   prefix="").status_code == 200
    calls = fake.wait(CS_PATH, 2)
    assert {c.json()["recipient"]["message_id"] for c in calls} == {"a", "b"}


def test_oa_bad_signatures_are_refused_and_echoes_ignored(zalo: App, fake: FakeZalo) -> None:
    event = user_text("kim ngạch xuất khẩu 2018?", "msg-1")
    assert zalo.oa(event, signature="mac=" + "0" * 64).status_code == 401
    raw = json.dumps(event).encode()
    forged = sign(raw, event["timestamp"])  # signed, then the text is changed
    tampered = json.dumps({**event, "message": {"text": "khác", "msg_id": "msg-1"}}).encode()
    r = httpx.post(f"{zalo.base}/zalo/webhook", content=tampered,
                   headers={"X-ZEvent-Signature": f"mac={forged}"})
    assert r.status_code == 401
    r = httpx.post(f"{zalo.base}/zalo/webhook", content=b"{not json",
                   headers={"X-ZEvent-Signature": "mac=" + sign(b"{not json", "")})
    assert r.status_code == 401
    echo = user_text("769 triệu USD", "msg-9", event="oa_send_text")
    assert zalo.oa(echo).status_code == 200
    fake.settle()
    assert fake.calls == []


def test_oa_expired_token_is_refreshed_once_and_persisted(zalo: App, fake: FakeZalo,
                                                          tmp_path: Path) -> None:
    fake.valid_tokens = {"tok-new"}  # the env token has expired
    zalo.oa(user_text("kim ngạch xuất khẩu 2018?", "msg-1"))
    sends = fake.wait(CS_PATH, 2)
    assert [c.headers["access_token"] for c in sends] == ["tok-old", "tok-new"]
    assert [c.status for c in sends] == [200, 200] and sends[0].json() == sends[1].json()
    [refresh] = fake.of(TOKEN_PATH)
    assert refresh.form() == {"refresh_token": "ref-1", "app_id": APP_ID,
                              "grant_type": "refresh_token"}
    assert refresh.headers["secret_key"] == APP_SECRET
    saved = json.loads((tmp_path / "zalo.json").read_text())
    assert saved["access_token"] == "tok-new" and saved["refresh_token"] == "ref-2"
    assert saved["expires_at"] > time.time() + 80_000
    # A restart prefers the file's tokens over the (spent) env ones.
    again = ZaloTokenStore(tmp_path / "zalo.json", "tok-old", "ref-1").tokens
    assert (again.access_token, again.refresh_token) == ("tok-new", "ref-2")
    # The next reply uses the new token straight away.
    zalo.oa(user_text("còn nhập khẩu?", "msg-2"))
    third = fake.wait(CS_PATH, 3)[2]
    assert third.headers["access_token"] == "tok-new" and len(fake.of(TOKEN_PATH)) == 1


def test_concurrent_refreshes_spend_the_refresh_token_once(tmp_path: Path) -> None:
    store = ZaloTokenStore(tmp_path / "t.json", "tok-old", "ref-1")
    spent: list[str] = []

    def fetch(refresh_token: str) -> ZaloTokens:
        spent.append(refresh_token)
        time.sleep(0.2)
        return ZaloTokens("tok-new", "ref-2", time.time() + 3600)

    got: list[str | None] = []
    threads = [threading.Thread(target=lambda: got.append(
        store.refresh("tok-old", fetch).access_token)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert spent == ["ref-1"] and got == ["tok-new"] * 4
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_oa_long_answer_is_split_in_order(zalo: App, fake: FakeZalo,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    sentences = [f"Câu số {i} nói về kim ngạch xuất khẩu của tỉnh Lạng Sơn trong năm, "
                 f"với nhiều số liệu chi tiết về các mặt hàng chủ lực." for i in range(60)]
    long = Answer(question="q", resolved_question="q", answer="769 triệu USD", found=True,
                  confidence=1.0, answer_sentence=" ".join(sentences),
                  citations=(Citation("d", "c", TITLE_2018, "2018-05-22", "x", 0, 1),))
    monkeypatch.setattr(zalo.service, "chat_by_key", lambda key, message, options=None: long)
    zalo.oa(user_text("dài?", "msg-long"))
    fake.wait(CS_PATH, 2)
    fake.settle(0.3)
    texts = [c.json()["message"]["text"] for c in fake.of(CS_PATH)]
    assert len(texts) == 4 and all(len(t) <= TEXT_LIMIT for t in texts)
    assert texts[0].startswith("769 triệu USD") and texts[-1].endswith(f"{TITLE_2018} "
                                                                       "(22/05/2018)")
    assert " ".join(texts).replace("\n", " ").count("Câu số") == 60
    assert [s for s in sentences if not any(s in t for t in texts)] == []  # none cut in two


def test_oa_server_error_is_retried_once_without_duplicates(zalo: App,
                                                            fake: FakeZalo) -> None:
    fake.failures.append((CS_PATH, 503))
    zalo.oa(user_text("kim ngạch xuất khẩu 2018?", "msg-1"))
    calls = fake.wait(CS_PATH, 2)
    fake.settle()
    assert [c.status for c in fake.of(CS_PATH)] == [503, 200]
    assert calls[0].json() == calls[1].json()


def test_no_secret_reaches_the_logs(zalo: App, fake: FakeZalo,
                                    caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)  # httpx logs each request's URL, the bot token in it
    fake.valid_tokens = {"tok-new"}
    zalo.oa(user_text("kim ngạch xuất khẩu 2018?", "msg-1"))
    zalo.bot(bot_update("kim ngạch xuất khẩu 2018?", "b-1"))
    fake.wait(CS_PATH, 2)
    fake.wait(BOT_PATH, 1)
    deadline = time.monotonic() + 10  # the client logs once it has the response
    while "/bot<token>/sendMessage" not in caplog.text and time.monotonic() < deadline:
        time.sleep(0.05)
    fake.settle(0.3)
    assert "HTTP Request: POST" in caplog.text and "/bot<token>/sendMessage" in caplog.text
    for secret in (BOT_TOKEN, BOT_SECRET, OA_SECRET, APP_SECRET, "tok-old", "tok-new",
                   "ref-1", "ref-2"):
        assert secret not in caplog.text


# --- Zalo Bot Platform ----------------------------------------------------------------------


def test_bot_wrapped_and_bare_updates_are_answered(zalo: App, fake: FakeZalo) -> None:
    wrapped = {"ok": True, "result": bot_update("kim ngạch xuất khẩu 2018?", "b-1")}
    assert zalo.bot(wrapped).status_code == 200
    [call] = fake.wait(BOT_PATH, 1)
    body = call.json()
    assert body["chat_id"] == "c-1" and "769 triệu USD" in body["text"]
    assert f"Nguồn: {TITLE_2018}" in body["text"]
    assert zalo.bot(wrapped).status_code == 200  # redelivered: no second answer
    assert zalo.bot(bot_update("còn nhập khẩu?", "b-2")).status_code == 200  # bare
    calls = fake.wait(BOT_PATH, 2)
    fake.settle()
    line = calls[1].json()["text"].split("\n")[1]
    assert len(fake.of(BOT_PATH)) == 2 and "464 triệu USD" in line and "năm 2018" in line


def test_oa_console_check_of_a_new_webhook_url_gets_200_and_nothing_else(
        zalo: App, fake: FakeZalo) -> None:
    """The developer console checks a newly set webhook URL with an unsigned request and keeps
    the URL only on 200 (README, Zalo OA "Webhook"); such a request is never answered."""
    event = user_text("kim ngạch xuất khẩu 2018?", "msg-check")
    unsigned = httpx.post(f"{zalo.base}/zalo/webhook", json=event, timeout=5)
    assert unsigned.status_code == 200
    assert zalo.oa(event, signature="").status_code == 200  # an empty header: the same
    assert httpx.post(f"{zalo.base}/zalo/webhook", content=b"", timeout=5).status_code == 200
    assert httpx.get(f"{zalo.base}/zalo/webhook", timeout=5).status_code == 200
    fake.settle()
    assert fake.calls == []  # nothing was answered
    # the same event, signed, is answered once (the check did not mark it delivered)
    assert zalo.oa(event).status_code == 200
    assert len(fake.wait(CS_PATH, 1)) == 1


def test_bot_refuses_a_wrong_secret_and_ignores_non_text(zalo: App, fake: FakeZalo) -> None:
    update = bot_update("kim ngạch xuất khẩu 2018?", "b-1")
    assert zalo.bot(update, secret="nope").status_code == 401
    r = httpx.post(f"{zalo.base}/zalo-bot/webhook", json=update)
    assert r.status_code == 401
    image = bot_update(None, "b-2", event="message.image.received")
    image["message"]["photo_url"] = "https://example.invalid/p.jpg"
    assert zalo.bot({"ok": True, "result": image}).status_code == 200
    fake.settle()
    assert fake.calls == []


def test_bot_acknowledges_first_and_answers_a_chat_in_order(zalo: App,
                                                             fake: FakeZalo) -> None:
    fake.delays = [3.0]  # a slow Zalo must not hold the webhook's answer, nor reorder replies
    t0 = time.perf_counter()
    assert zalo.bot(bot_update("kim ngạch xuất khẩu 2018?", "b-1")).status_code == 200
    assert zalo.bot(bot_update("còn nhập khẩu?", "b-2")).status_code == 200
    assert time.perf_counter() - t0 < 2.0  # well under the reply's 3 s, even on a busy machine
    first, second = (c.json()["text"] for c in fake.wait(BOT_PATH, 2))
    assert "769 triệu USD" in first.split("\n")[0] and "năm 2018" in first.split("\n")[0]
    assert second.startswith("Hiểu là: ") and "464 triệu USD" in second.split("\n")[1]


# --- without the service ----------------------------------------------------------------


def test_unconfigured_webhooks_are_not_registered(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    settings = Settings(index_dir=tmp_path, zalo_app_id=None, zalo_oa_secret_key=None,
                        zalo_bot_token=None, zalo_bot_secret_token=None)
    app = FastAPI()
    app.include_router(zalo_router(settings, lambda: None))
    with TestClient(app) as client:
        assert client.post("/zalo/webhook", content=b"{}").status_code == 404
        assert client.post("/zalo-bot/webhook", json={}).status_code == 404


def test_split_text_and_format_reply() -> None:
    assert split_text("") == [] and split_text("ngắn") == ["ngắn"]
    parts = split_text("a" * 4500)
    assert [len(p) for p in parts] == [2000, 2000, 500]
    lines = split_text("\n".join(["x" * 900] * 5))
    assert [len(p) for p in lines] == [1801, 1801, 900]
    refusal = Answer(question="q", resolved_question="q", answer="Không tìm thấy.", found=False,
                     confidence=0.0)
    assert format_reply(refusal) == "Không tìm thấy."
    cited = replace(refusal, answer="769 triệu USD", found=True, answer_sentence="Câu.",
                    citations=(Citation("d", "c", "T", "2018-05-22", "q", 0, 1),
                               Citation("d", "c2", "T", "2018-05-22", "q", 2, 3)))
    assert format_reply(cited) == "769 triệu USD\nCâu.\n\nNguồn: T (22/05/2018)"
    corrected = replace(cited, question="kim nghạch xuất khẩu 2018",
                        resolved_question="kim ngạch xuất khẩu 2018")
    assert format_reply(corrected).startswith("Hiểu là: kim ngạch xuất khẩu 2018\n769 triệu USD")


def test_format_reply_says_the_period_with_the_figure() -> None:
    c1 = Citation("d", "c", "T", "2018-05-22", "xuất  khẩu: 769 triệu USD;", 0, 1)
    c2 = Citation("e", "c2", "U", None, "xuất khẩu 1.874,1 triệu USD", 2, 3)
    one = Answer(question="q", resolved_question="q", answer="769 triệu USD", found=True,
                 confidence=1.0, answer_sentence="Câu.", citations=(c1,),
                 summary="3 tháng đầu năm 2018, kim ngạch xuất khẩu đạt 769 triệu USD.",
                 period_match="exact")
    # the first line says what the figure is and its period, not the bare value
    assert format_reply(one) == ("3 tháng đầu năm 2018, kim ngạch xuất khẩu đạt 769 triệu USD.\n"
                                 "\nNguồn: T (22/05/2018)\n“xuất khẩu: 769 triệu USD;”")
    unsaid = replace(one, summary="3 tháng đầu năm 2018, kim ngạch xuất khẩu ước đạt 769 triệu.")
    assert format_reply(unsaid).splitlines()[:2] == [
        "3 tháng đầu năm 2018, kim ngạch xuất khẩu ước đạt 769 triệu.", "769 triệu USD"]
    parts = (AnswerPart("quý I/2018", "769 triệu USD", True, "…", None, "exact", (c1,)),
             AnswerPart("9 tháng năm 2024", "1.874,1 triệu USD", True, "…", None, "exact",
                        (c2,)),
             AnswerPart("năm 2030", "", False, "Không có số liệu năm 2030."))
    several = replace(one, answer="quý I/2018: 769 triệu USD; 9 tháng năm 2024: 1.874,1 triệu USD",
                      summary="- quý I/2018: 3 tháng đầu năm 2018, … 769 triệu USD.\n"
                              "- 9 tháng năm 2024: Tính đến 29/9/2024, … 1.874,1 triệu USD.\n"
                              "Các báo cáo không có số liệu năm 2030.",
                      parts=parts, missing=("năm 2030",), citations=(c1, c2))
    assert format_reply(several).splitlines() == [
        "- quý I/2018: 3 tháng đầu năm 2018, … 769 triệu USD.",
        "- 9 tháng năm 2024: Tính đến 29/9/2024, … 1.874,1 triệu USD.",
        "Các báo cáo không có số liệu năm 2030.",
        "",
        "Nguồn (quý I/2018): T (22/05/2018)", "“xuất khẩu: 769 triệu USD;”",
        "Nguồn (9 tháng năm 2024): U", "“xuất khẩu 1.874,1 triệu USD”"]


def test_verify_oa_event() -> None:
    raw = b'{"timestamp": "123", "event_name": "user_send_text"}'
    mac = sign(raw, "123")
    assert verify_oa_event(raw, mac, APP_ID, OA_SECRET) is not None
    assert verify_oa_event(raw, "mac=" + mac.upper(), APP_ID, OA_SECRET) is not None
    assert verify_oa_event(raw, "mac=" + mac, "other-app", OA_SECRET) is None
    assert verify_oa_event(raw, None, APP_ID, OA_SECRET) is None
    assert verify_oa_event(raw, "mac=é", APP_ID, OA_SECRET) is None


def test_platform_webhooks_need_no_bearer_key_and_are_not_rate_limited(tmp_path: Path) -> None:
    """Zalo cannot send our API key: with RAG_PUBLIC=false its webhooks still reach their own
    signature checks (401 for a bad signature, not for a missing key), and a burst from one
    address is not refused with 429."""
    from fastapi.testclient import TestClient

    settings = Settings(index_dir=tmp_path / "none", sessions_db=tmp_path / "s.db",
                        api_key="k" * 20, public=False, rate_limit_per_minute=2,
                        zalo_app_id=APP_ID, zalo_oa_secret_key=OA_SECRET,
                        zalo_bot_token=BOT_TOKEN, zalo_bot_secret_token=BOT_SECRET)
    app = create_app(settings)
    with TestClient(app) as client:
        assert client.post("/ask", json={"question": "x"}).status_code == 401  # key needed
        for _ in range(5):
            r = client.post("/zalo-bot/webhook", json={},
                            headers={"X-Bot-Api-Secret-Token": "wrong"})
            assert r.status_code == 401 and "secret" in r.text.lower()
        echo = {"event_name": "oa_send_text", "app_id": APP_ID, "timestamp": "1"}
        body = json.dumps(echo).encode()
        r = client.post("/zalo/webhook", content=body,
                        headers=zalo_oa_signature(body, "1", APP_ID, OA_SECRET))
        assert r.status_code == 200
