"""The Slack adapter over real HTTP: signed requests into the app, Slack's Web API played by a
recording server on loopback, the real seed index and a real SQLite sessions file."""

from __future__ import annotations

import itertools
import json
import logging
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from conftest import SeedIndex
from fastapi.testclient import TestClient
from helpers import slack_signature

from api.http.app import create_app
from api.slack import (
    MAX_BLOCKS,
    SECTION_MAX,
    SlackConfigError,
    question_text,
    render_blocks,
    socket_main,
)
from rag.records import Answer, AnswerPart, Citation, Figure, FigurePeriod, Passage
from rag.service import RagService
from rag.settings import Settings

SECRET = "test-signing-secret-9f2"
TOKEN = "xoxb-test"
AUTH_TEST = {"ok": True, "user_id": "UBOT", "bot_id": "BBOT", "team_id": "T1",
             "url": "https://t1.slack.com/", "team": "T1", "user": "rag"}
TITLE_2018 = "Ngành Công thương Lạng Sơn"


# --- Slack's Web API on loopback ----------------------------------------------------------


@dataclass
class Call:
    path: str
    body: dict[str, Any]
    authorization: str | None


@dataclass
class Recorder:
    port: int = 0
    calls: list[Call] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def posts(self, channel: str | None = None) -> list[Call]:
        with self.lock:
            return [c for c in self.calls if c.path.endswith("/chat.postMessage")
                    and (channel is None or c.body.get("channel") == channel)]

    def to(self, path: str) -> list[Call]:
        with self.lock:
            return [c for c in self.calls if c.path == path]

    def wait(self, found: Callable[[], list[Call]], n: int = 1, timeout: float = 10.0
             ) -> list[Call]:
        """Replies are posted after the ack: poll until ``n`` have arrived."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            got = found()
            if len(got) >= n:
                return got
            time.sleep(0.02)
        raise AssertionError(f"expected {n} call(s) within {timeout} s; got {self.calls}")


def _handler(recorder: Recorder) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server's name)
            raw = self.rfile.read(int(self.headers.get("content-length") or 0)).decode()
            ctype = self.headers.get("content-type", "")
            body = json.loads(raw) if "json" in ctype and raw else dict(parse_qsl(raw))
            url = urlsplit(self.path)
            body.update(parse_qsl(url.query))
            with recorder.lock:
                recorder.calls.append(Call(url.path, body, self.headers.get("authorization")))
            if url.path.endswith("/auth.test"):
                reply: dict[str, Any] = AUTH_TEST
            elif url.path.endswith("/chat.postMessage"):
                reply = {"ok": True, "channel": body.get("channel"), "ts": f"{time.time():.6f}",
                         "message": {"text": body.get("text")}}
            else:  # a response_url
                self._send(b"ok", "text/plain")
                return
            self._send(json.dumps(reply).encode(), "application/json")

        def _send(self, data: bytes, ctype: str) -> None:
            self.send_response(200)
            self.send_header("content-type", ctype)
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


@pytest.fixture(scope="module")
def slack_api() -> Iterator[Recorder]:
    recorder = Recorder()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(recorder))
    recorder.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield recorder
    server.shutdown()
    server.server_close()


@pytest.fixture
def client(seed: SeedIndex, tmp_path: Path, slack_api: Recorder) -> Iterator[TestClient]:
    with slack_api.lock:
        slack_api.calls.clear()
    settings = Settings(index_dir=seed.index_dir, sessions_db=tmp_path / "s.db",
                        slack_bot_token=TOKEN, slack_signing_secret=SECRET,
                        slack_api_base_url=f"http://127.0.0.1:{slack_api.port}/api/")
    # create_app mounts the Slack routes itself when the bot token and signing secret are set
    app = create_app(settings, service=RagService(settings, embedder=seed.service.embedder))
    with TestClient(app) as c:
        yield c


# --- signed requests -------------------------------------------------------------------------

_ids = itertools.count(1)


def signed(body: bytes, timestamp: int | None = None, secret: str = SECRET) -> dict[str, str]:
    return slack_signature(body, secret, timestamp)


def envelope(event: dict[str, Any], event_id: str | None = None) -> bytes:
    return json.dumps({
        "token": "legacy", "team_id": "T1", "api_app_id": "A1", "type": "event_callback",
        "event_id": event_id or f"Ev{next(_ids):06d}", "event_time": int(time.time()),
        "authorizations": [{"team_id": "T1", "user_id": "UBOT", "is_bot": True}],
        "event": event}, ensure_ascii=False).encode()


def new_ts() -> str:
    return f"{time.time():.6f}{next(_ids):03d}"[:17]


def mention(text: str, channel: str = "C1", thread_ts: str | None = None,
            **extra: Any) -> dict[str, Any]:
    event = {"type": "app_mention", "user": "U1", "text": text, "ts": new_ts(),
             "channel": channel, "team": "T1", **extra}
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


def dm(text: str, channel: str = "D1", **extra: Any) -> dict[str, Any]:
    return {"type": "message", "channel_type": "im", "user": "U1", "text": text,
            "ts": new_ts(), "channel": channel, "team": "T1", **extra}


def post_event(client: TestClient, body: bytes, **headers: str) -> Any:
    response = client.post("/slack/events", content=body, headers={
        "content-type": "application/json", **signed(body), **headers})
    return response


def settle(client: TestClient, slack_api: Recorder) -> None:
    """A DM sent last and answered: anything wrongly scheduled before it had its chance."""
    assert post_event(client, envelope(dm("kim ngạch nhập khẩu 2018?", channel="DSETTLE"))
                      ).status_code == 200
    slack_api.wait(lambda: slack_api.posts("DSETTLE"))
    time.sleep(0.2)


def reply_text(call: Call) -> str:
    return call.body["text"] + json.dumps(call.body.get("blocks"), ensure_ascii=False)


# --- the Events API ----------------------------------------------------------------------


def test_url_verification_returns_the_challenge(client: TestClient) -> None:
    body = json.dumps({"token": "legacy", "challenge": "ch-42", "type": "url_verification"})
    response = post_event(client, body.encode())
    assert response.status_code == 200 and response.json() == {"challenge": "ch-42"}


def test_a_mention_gets_one_threaded_reply_and_retries_get_none(
        client: TestClient, slack_api: Recorder) -> None:
    event = mention("<@UBOT> kim ngạch xuất khẩu 2018?")
    body = envelope(event, event_id="EvMENTION1")
    t0 = time.perf_counter()
    assert post_event(client, body).status_code == 200
    assert time.perf_counter() - t0 < 3.0
    (reply,) = slack_api.wait(lambda: slack_api.posts("C1"))
    assert reply.authorization == f"Bearer {TOKEN}"
    assert reply.body["thread_ts"] == event["ts"]
    text = reply_text(reply)
    assert "*769 triệu USD*" in text and TITLE_2018 in text and "2018-05-22" in text
    # the period the figure is for, and that it is only part of the year asked about
    assert "3 tháng đầu năm 2018" in text and "chưa có số liệu cả năm 2018" in text
    assert "UBOT" not in text
    assert len(slack_api.to("/api/auth.test")) == 1

    # Slack redelivers (same event_id, X-Slack-Retry-Num) and a plain duplicate: 200, no reply
    assert post_event(client, body, **{"X-Slack-Retry-Num": "1",
                                       "X-Slack-Retry-Reason": "http_timeout"}
                      ).status_code == 200
    assert post_event(client, body).status_code == 200
    # a seen event_id on its own is enough to drop a delivery
    again = envelope({**event, "ts": new_ts()}, event_id="EvMENTION1")
    assert post_event(client, again).status_code == 200
    # a retry of an event never seen (its first delivery was lost) is answered, once
    retried = envelope(mention("<@UBOT> kim ngạch xuất khẩu 2018?", channel="CRETRY"))
    assert post_event(client, retried, **{"X-Slack-Retry-Num": "2"}).status_code == 200
    assert post_event(client, retried, **{"X-Slack-Retry-Num": "3"}).status_code == 200
    slack_api.wait(lambda: slack_api.posts("CRETRY"))
    settle(client, slack_api)
    assert len(slack_api.posts("C1")) == 1 and len(slack_api.posts("CRETRY")) == 1


def test_tokens_and_secret_stay_out_of_the_logs(client: TestClient, slack_api: Recorder,
                                                caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    body = envelope(mention("<@UBOT> kim ngạch xuất khẩu 2018?", channel="CLOG"))
    assert post_event(client, body).status_code == 200
    slack_api.wait(lambda: slack_api.posts("CLOG"))
    bad = client.post("/slack/events", content=body, headers={
        "content-type": "application/json", **signed(body, secret="wrong")})
    assert bad.status_code == 401
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "chat.postMessage" in logged  # the web client did log its calls
    assert TOKEN not in logged and SECRET not in logged


def test_bad_or_stale_signatures_are_401_and_unanswered(client: TestClient,
                                                        slack_api: Recorder) -> None:
    body = envelope(mention("<@UBOT> kim ngạch xuất khẩu 2018?", channel="CBAD"))
    headers = {"content-type": "application/json"}
    bad = client.post("/slack/events", content=body,
                      headers={**headers, **signed(body, secret="not-the-secret")})
    stale = client.post("/slack/events", content=body,
                        headers={**headers, **signed(body, timestamp=int(time.time()) - 301)})
    unsigned = client.post("/slack/events", content=body, headers=headers)
    garbled = client.post("/slack/events", content=body, headers={
        **headers, **signed(body), "X-Slack-Request-Timestamp": "soon"})
    assert [r.status_code for r in (bad, stale, unsigned, garbled)] == [401] * 4
    tampered = client.post("/slack/events", content=body.replace(b"2018", b"2019"),
                           headers={**headers, **signed(body)})
    assert tampered.status_code == 401
    settle(client, slack_api)
    assert slack_api.posts("CBAD") == []


def test_a_direct_message_is_answered_in_its_thread(client: TestClient,
                                                    slack_api: Recorder) -> None:
    event = dm("kim ngạch nhập khẩu 2018?", channel="D7")
    assert post_event(client, envelope(event)).status_code == 200
    (reply,) = slack_api.wait(lambda: slack_api.posts("D7"))
    assert reply.body["thread_ts"] == event["ts"] and "*464 triệu USD*" in reply_text(reply)


def test_bot_own_and_edited_messages_are_ignored(client: TestClient,
                                                 slack_api: Recorder) -> None:
    q = "kim ngạch xuất khẩu 2018?"
    for event in (dm(q, channel="DBOT", user="UBOT"),  # the bot itself
                  dm(q, channel="DBOT", bot_id="BOTHER", subtype="bot_message"),
                  dm(q, channel="DBOT", bot_id="BBOT"),
                  dm(q, channel="DBOT", subtype="message_changed"),
                  dm(q, channel="DBOT", user="UOWN"),
                  mention(f"<@UBOT> {q}", channel="CBOT", bot_id="BOTHER"),
                  {**dm(q, channel="CBOT"), "channel_type": "channel"}):
        body = json.loads(envelope(event))
        if event.get("user") == "UOWN":  # a bot user id known only from the authorizations
            body["authorizations"][0]["user_id"] = "UOWN"
        assert post_event(client, json.dumps(body).encode()).status_code == 200
    settle(client, slack_api)
    assert slack_api.posts("DBOT") == [] and slack_api.posts("CBOT") == []


def test_a_follow_up_in_the_thread_continues_the_chat(client: TestClient,
                                                      slack_api: Recorder) -> None:
    first = mention("<@UBOT> kim ngạch xuất khẩu 2018?", channel="C2")
    assert post_event(client, envelope(first)).status_code == 200
    slack_api.wait(lambda: slack_api.posts("C2"))
    follow = mention("<@UBOT> còn nhập khẩu?", channel="C2", thread_ts=first["ts"])
    assert post_event(client, envelope(follow)).status_code == 200
    replies = slack_api.wait(lambda: slack_api.posts("C2"), n=2)
    assert replies[1].body["thread_ts"] == first["ts"]
    text = reply_text(replies[1])
    assert "*464 triệu USD*" in text and "Hiểu là: “kim ngạch nhập khẩu 2018?”" in text

    # another thread in the same channel is a new conversation
    other = mention("<@UBOT> còn nhập khẩu?", channel="C2")
    assert post_event(client, envelope(other)).status_code == 200
    replies = slack_api.wait(lambda: slack_api.posts("C2"), n=3)
    assert replies[2].body["thread_ts"] == other["ts"]
    assert "464 triệu USD" not in reply_text(replies[2])


def test_an_empty_mention_gets_the_usage(client: TestClient, slack_api: Recorder) -> None:
    assert post_event(client, envelope(mention("<@UBOT>", channel="C3"))).status_code == 200
    (reply,) = slack_api.wait(lambda: slack_api.posts("C3"))
    assert "/ask" in reply.body["text"]


# --- the slash command -------------------------------------------------------------------


def command(client: TestClient, slack_api: Recorder, text: str, path: str,
            hook: str) -> Any:
    body = urlencode({
        "token": "legacy", "team_id": "T1", "team_domain": "t1", "channel_id": "C5",
        "channel_name": "general", "user_id": "U1", "user_name": "an", "command": "/ask",
        "text": text, "api_app_id": "A1", "trigger_id": "1.2.3",
        "response_url": f"http://127.0.0.1:{slack_api.port}/respond/{hook}"}).encode()
    return client.post(path, content=body, headers={
        "content-type": "application/x-www-form-urlencoded", **signed(body)})


@pytest.mark.parametrize("path", ["/slack/commands", "/slack/events"])
def test_slash_command_acks_then_answers_in_channel(client: TestClient, slack_api: Recorder,
                                                    path: str) -> None:
    t0 = time.perf_counter()
    response = command(client, slack_api, "kim ngạch xuất khẩu 2018?", path, "h1")
    assert response.status_code == 200 and time.perf_counter() - t0 < 3.0
    assert "Đang tra cứu" in response.text
    (answer,) = slack_api.wait(lambda: slack_api.to("/respond/h1"))
    assert answer.body["response_type"] == "in_channel"
    text = answer.body["text"] + json.dumps(answer.body["blocks"], ensure_ascii=False)
    assert "*769 triệu USD*" in text and TITLE_2018 in text and "<@U1>" in text
    assert len(answer.body["blocks"]) <= MAX_BLOCKS

    follow = command(client, slack_api, "còn nhập khẩu?", path, "h2")
    assert follow.status_code == 200
    (answer,) = slack_api.wait(lambda: slack_api.to("/respond/h2"))
    assert "464 triệu USD" in answer.body["text"]


def test_slash_command_without_a_question_gets_the_usage(client: TestClient,
                                                         slack_api: Recorder) -> None:
    response = command(client, slack_api, "   ", "/slack/commands", "h3")
    assert response.status_code == 200 and "/ask" in response.text
    time.sleep(0.3)
    assert slack_api.to("/respond/h3") == []


# --- rendering ----------------------------------------------------------------------------


def _answer(**fields: Any) -> Answer:
    base: dict[str, Any] = {"question": "q", "resolved_question": "q", "answer": "769 triệu USD",
                            "found": True, "confidence": 1.0,
                            "answer_sentence": "Kim ngạch xuất khẩu: 769 triệu USD, tăng 33,4%."}
    return Answer(**{**base, **fields})


def _sections(blocks: list[dict[str, Any]]) -> list[str]:
    return [b["text"]["text"] for b in blocks if b["type"] == "section"]


def _check_limits(text: str, blocks: list[dict[str, Any]]) -> None:
    assert text and len(text) <= 3000 and len(blocks) <= MAX_BLOCKS
    for b in blocks:
        if b["type"] == "section":
            assert 0 < len(b["text"]["text"]) <= SECTION_MAX
        else:
            assert 1 <= len(b["elements"]) <= 10
            assert all(len(e["text"]) <= SECTION_MAX for e in b["elements"])


def test_render_bolds_the_figure_and_cites() -> None:
    cite = Citation("d1", "d1:0:x", "Ngành <Công thương> & bạn", "2018-05-22",
                    "Kim ngạch xuất khẩu: 769 triệu USD " + "rất dài " * 100, 0, 40)
    text, blocks = render_blocks(_answer(citations=(cite,) * 12, resolved_question="q đầy đủ"))
    _check_limits(text, blocks)
    assert blocks[0] == {"type": "context", "elements": [
        {"type": "mrkdwn", "text": "Hiểu là: “q đầy đủ”"}]}
    assert _sections(blocks) == ["Kim ngạch xuất khẩu: *769 triệu USD*, tăng 33,4%."]
    contexts = [b["elements"][0]["text"] for b in blocks[2:]]
    assert len(contexts) == 5  # the first few sources, not all twelve
    assert contexts[0].startswith("📄 *Ngành &lt;Công thương&gt; &amp; bạn* (2018-05-22): “")
    assert contexts[0].endswith("…”") and len(contexts[0]) < 400
    assert text.startswith("769 triệu USD — Kim ngạch") and "(Nguồn: Ngành &lt;Công" in text


def test_render_escapes_and_truncates_long_sentences() -> None:
    sentence = "<script>alert(1)</script> & " + "x" * 10_000 + " đạt 769 triệu USD. " + "y" * 9000
    text, blocks = render_blocks(_answer(answer_sentence=sentence))
    _check_limits(text, blocks)
    (section,) = _sections(blocks)
    assert "*769 triệu USD*" in section and section.startswith("…")
    assert "<script>" not in text + section

    text, blocks = render_blocks(_answer(answer_sentence="<script> & 769 triệu USD"))
    assert _sections(blocks) == ["&lt;script&gt; &amp; *769 triệu USD*"]
    assert text.startswith("769 triệu USD — &lt;script&gt; &amp;")

    # escaping grows the text fivefold; a cut never splits an entity
    text, blocks = render_blocks(_answer(answer_sentence="<" * 5000 + "769 triệu USD" + "&" * 5000))
    _check_limits(text, blocks)
    (section,) = _sections(blocks)
    assert "*769 triệu USD*" in section
    assert section.removeprefix("…").split("*")[0].replace("&lt;", "") == ""
    assert section.split("*")[2].removesuffix("…").replace("&amp;", "") == ""


def _figure(value: str, number: float, label: str, year: int) -> Figure:
    return Figure(value=value, number=number, high=None, unit="triệu USD", measure="level",
                  indicator="kim ngạch xuất khẩu", basis=(),
                  period=FigurePeriod(label, year, "months", f"{year}-01-01", f"{year}-03-31"))


def test_render_says_the_figures_period_from_the_summary() -> None:
    cite = Citation("d1", "d1:0:x", "Ngành Công thương", "2018-05-22",
                    "Trong đó, kim ngạch xuất khẩu: 769 triệu USD, đạt 29,6% kế hoạch;", 0, 60)
    summary = ("3 tháng đầu năm 2018, kim ngạch xuất khẩu đạt 769 triệu USD (tăng 33,4% so "
               "với cùng kỳ).")
    exact = _answer(summary=summary, citations=(cite,), period_match="exact",
                    figure=_figure("769 triệu USD", 769, "3 tháng đầu năm 2018", 2018))
    text, blocks = render_blocks(exact)
    _check_limits(text, blocks)
    assert _sections(blocks) == ["3 tháng đầu năm 2018, kim ngạch xuất khẩu đạt *769 triệu USD* "
                                 "(tăng 33,4% so với cùng kỳ)."]
    assert text.startswith("3 tháng đầu năm 2018, kim ngạch") and "(Nguồn: Ngành" in text
    contexts = [b["elements"][0]["text"] for b in blocks if b["type"] == "context"]
    assert contexts == ["📄 *Ngành Công thương* (2018-05-22): “Trong đó, kim ngạch xuất khẩu: "
                        "769 triệu USD, đạt 29,6% kế hoạch;”"]

    # only part of the asked year: said first, on a line of its own, in italics
    lead = "Báo cáo chỉ có số liệu 3 tháng đầu năm 2018 (chưa có số liệu cả năm 2018)"
    text, blocks = render_blocks(replace(exact, summary=f"{lead}: {summary}",
                                         period_match="partial"))
    assert _sections(blocks) == [f"_{lead}_\n3 tháng đầu năm 2018, kim ngạch xuất khẩu đạt "
                                 "*769 triệu USD* (tăng 33,4% so với cùng kỳ)."]
    assert text.startswith(lead)


def test_render_several_periods_a_line_and_a_source_each() -> None:
    c1 = Citation("d1", "d1:0:x", "Báo cáo 2018", "2018-05-22", "xuất khẩu: 769 triệu USD", 0, 9)
    c2 = Citation("d2", "d2:0:y", "Báo cáo 2024", None, "trong đó xuất khẩu 1.874,1 triệu USD",
                  5, 40)
    parts = (AnswerPart("quý I/2018", "769 triệu USD", True, "3 tháng đầu năm 2018, …",
                        _figure("769 triệu USD", 769, "3 tháng đầu năm 2018", 2018), "exact",
                        (c1,)),
             AnswerPart("9 tháng năm 2024", "1.874,1 triệu USD", True, "Tính đến 29/9/2024, …",
                        _figure("1.874,1 triệu USD", 1874.1, "tính đến 29/9/2024", 2024),
                        "exact", (c2,)),
             AnswerPart("năm 2030", "", False, "Không có số liệu năm 2030."))
    summary = ("- quý I/2018: 3 tháng đầu năm 2018, kim ngạch xuất khẩu đạt 769 triệu USD.\n"
               "- 9 tháng năm 2024: Tính đến 29/9/2024, xuất khẩu đạt 1.874,1 triệu USD.\n"
               "Các báo cáo không có số liệu năm 2030.")
    answer = _answer(answer="quý I/2018: 769 triệu USD; 9 tháng năm 2024: 1.874,1 triệu USD",
                     summary=summary, parts=parts, missing=("năm 2030",), citations=(c1, c2),
                     period_match="partial")
    text, blocks = render_blocks(answer)
    _check_limits(text, blocks)
    assert _sections(blocks)[0].splitlines() == [
        "• quý I/2018: 3 tháng đầu năm 2018, kim ngạch xuất khẩu đạt *769 triệu USD*.",
        "• 9 tháng năm 2024: Tính đến 29/9/2024, xuất khẩu đạt *1.874,1 triệu USD*.",
        "Các báo cáo không có số liệu năm 2030."]
    contexts = [b["elements"][0]["text"] for b in blocks if b["type"] == "context"]
    assert contexts == ["📄 quý I/2018 — *Báo cáo 2018* (2018-05-22): “xuất khẩu: 769 triệu USD”",
                        "📄 9 tháng năm 2024 — *Báo cáo 2024*: “trong đó xuất khẩu 1.874,1 "
                        "triệu USD”"]

    # many long periods still fit one section, each line keeping its bold figure
    many = tuple(replace(parts[0], period=f"năm {2000 + i}") for i in range(20))
    long = "\n".join(f"- năm {2000 + i}: " + "chữ " * 200 + "đạt 769 triệu USD." for i in range(20))
    text, blocks = render_blocks(replace(answer, parts=many, summary=long))
    _check_limits(text, blocks)
    lines = _sections(blocks)[0].splitlines()
    assert [line.split(":")[0] for line in lines] == [f"• năm {2000 + i}" for i in range(20)]
    assert all("*769 triệu USD*" in line for line in lines)


def test_render_refusal_lists_related_documents() -> None:
    related = tuple(Passage(rank=i, doc_id=f"d{i}", chunk_id=f"d{i}:0", title=t, date=d,
                            text="…", start=0, end=1, score=0.5, time_match=None)
                    for i, (t, d) in enumerate(
                        [("Báo cáo <A>", "2024-01-02"), ("Báo cáo <A>", "2024-01-02"),
                         ("Báo cáo B", None)] + [(f"T{i}", None) for i in range(20)]))
    text, blocks = render_blocks(_answer(found=False, answer="Không tìm thấy <gì>.",
                                         answer_sentence=None, related=related))
    _check_limits(text, blocks)
    refusal, titles = _sections(blocks)
    assert refusal == "Không tìm thấy &lt;gì&gt;." and text == refusal
    assert titles.splitlines() == ["Các tài liệu gần nhất:", "• *Báo cáo &lt;A&gt;* (2024-01-02)",
                                   "• *Báo cáo B*", "• *T0*", "• *T1*", "• *T2*"]


def test_question_text_strips_the_bot_mention() -> None:
    assert question_text("<@UBOT> kim ngạch &lt;2018&gt; &amp; <@U2>?", "UBOT") == \
        "kim ngạch <2018> & <@U2>?"
    assert question_text("<@UBOT|rag>   ", None) == ""


# --- Socket Mode ----------------------------------------------------------------------------


def test_socket_mode_needs_the_app_token(tmp_path: Path) -> None:
    settings = Settings(index_dir=tmp_path / "none", sessions_db=tmp_path / "s.db",
                        slack_bot_token=TOKEN, slack_app_token=None)
    with pytest.raises(SlackConfigError, match="SLACK_APP_TOKEN"):
        socket_main(settings)
    with pytest.raises(SlackConfigError, match="SLACK_BOT_TOKEN"):
        socket_main(Settings(index_dir=tmp_path / "none", slack_app_token="xapp-1",
                             slack_bot_token=None))


def test_socket_mode_checks_the_session_store_before_connecting(tmp_path: Path) -> None:
    """Redeliveries are recognised in RAG_SESSIONS_DB: a store that cannot be opened stops
    `rag slack --socket` before it connects, instead of failing at every event."""
    from rag.errors import SessionStoreError

    (tmp_path / "junk.db").write_text("not a database, " * 100, encoding="utf-8")
    settings = Settings(index_dir=tmp_path / "none", sessions_db=tmp_path / "junk.db",
                        slack_bot_token=TOKEN, slack_app_token="xapp-1")
    with pytest.raises(SessionStoreError, match="RAG_SESSIONS_DB"):
        socket_main(settings)
