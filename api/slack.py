"""Slack adapter: mentions, direct messages and ``/ask`` become chat turns of the one service.

Bolt (``AsyncApp``) verifies each request (v0 HMAC-SHA256 signature, 5-minute window; 401
otherwise), answers the url_verification handshake and acknowledges events at once; the answer
is computed in a worker thread and posted afterwards as one threaded ``chat.postMessage``
(retried after a 429, honouring Retry-After, after a 500/503 or a dropped connection).
An ``event_id`` already seen -- by this process or another sharing the session store -- is
acknowledged and dropped, so a question is answered once; a retry (``X-Slack-Retry-Num``) of an
event never seen (its first delivery was lost: a restart, a proxy error) is answered.  A thread
is a chat session, so follow-ups in it ("còn nhập khẩu?") are read against the thread's earlier
questions.  Tokens are never logged.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
from fastapi import APIRouter, Request, Response
from slack_bolt.adapter.fastapi.async_handler import AsyncSlackRequestHandler
from slack_bolt.async_app import AsyncApp, AsyncBoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

from rag.errors import IndexStoreError, QuestionTooLong
from rag.records import OCR_NOTE, Answer, Citation
from rag.service import RagService, check_settings
from rag.settings import Settings

log = logging.getLogger(__name__)

Blocks = list[dict[str, Any]]
SECTION_MAX, TEXT_MAX, MAX_BLOCKS, MAX_CONTEXT_ELEMENTS = 3000, 3000, 50, 10
MAX_CITATIONS, MAX_RELATED, QUOTE_MAX, TITLE_MAX = 5, 5, 280, 150
USAGE = ("Hãy đặt câu hỏi, ví dụ: `/ask kim ngạch xuất khẩu năm 2018?` hoặc nhắc tên bot "
         "kèm câu hỏi.")
WORKING = "Đang tra cứu…"
SORRY = "Xin lỗi, hiện chưa trả lời được câu hỏi này. Vui lòng thử lại sau."
NO_INDEX = "Chưa có tài liệu nào được lập chỉ mục nên chưa thể trả lời."
# Human message subtypes worth answering; edits, joins, bot posts etc. are not questions.
HUMAN_SUBTYPES = frozenset({"file_share", "thread_broadcast"})
MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")
# How a summary opens when the reports hold only part of the asked period (rag.answer.compose).
PARTIAL_LEAD = re.compile(r"^(Báo cáo chỉ có số liệu[^:]*?\([^)]*\)):\s*")
# An answer the fitted scorer is not sure of (Answer.sure False) says so.
UNSURE = "Chưa chắc chắn: hãy đối chiếu với nguồn trích dẫn."
RETRIES = 2  # per kind of failure: rate limited, server error, connection error


class SlackConfigError(ValueError):
    """A Slack setting needed to start is missing."""


# --- rendering -----------------------------------------------------------------------------


def escape(text: str) -> str:
    """Slack's three control characters as entities (mrkdwn and plain ``text`` alike)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _esc(raw: str, limit: int, keep_end: bool = False) -> str:
    """``raw`` escaped and cut to ``limit`` characters, never inside an entity."""
    out = escape(raw)
    if len(out) <= limit:
        return out
    parts: list[str] = []
    size = 0
    for ch in reversed(raw) if keep_end else raw:
        piece = escape(ch)
        if size + len(piece) > limit - 1:
            break
        parts.append(piece)
        size += len(piece)
    return "…" + "".join(reversed(parts)).lstrip() if keep_end else "".join(parts).rstrip() + "…"


def _flat(text: str) -> str:
    return " ".join(text.split())


def _section(mrkdwn: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": mrkdwn[:SECTION_MAX]}}


def _context(*texts: str) -> dict[str, Any]:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": t[:SECTION_MAX]}
                                            for t in texts[:MAX_CONTEXT_ELEMENTS]]}


def _find_value(text: str, value: str) -> int:
    """Where ``value`` stands in ``text`` as a whole figure ("2" is not inside "2018"), or -1."""
    if not value:
        return -1
    m = re.search(r"(?<!\w)" + re.escape(value) + r"(?!\w)", text)
    return m.start() if m else -1


def _bold_figure(sentence: str, figure: str, limit: int = SECTION_MAX) -> str:
    """The sentence as mrkdwn with the figure in bold, within ``limit`` characters."""
    if not figure:
        return _esc(sentence, limit) or "…"
    bold = f"*{_esc(figure, min(500, limit - 2))}*"
    at = _find_value(sentence, figure)
    if at < 0:
        rest = limit - len(bold) - 1
        return bold + ("\n" + _esc(sentence, rest) if sentence and rest > 0 else "")
    before, after = sentence[:at], sentence[at + len(figure):]
    room = limit - len(bold)
    head = _esc(before, max(room // 2, room - len(escape(after))), keep_end=True)
    return head + bold + _esc(after, room - len(head))


def _summary(answer: Answer) -> str:
    """The summary as mrkdwn, a line a period ("• quý I/2018: …"), each line's figure in
    bold; a figure for only part of the asked period says so first, in italics."""
    lines = [_flat(line) for line in (answer.summary or "").splitlines() if line.strip()]
    values = [p.answer for p in answer.parts if p.found and p.answer] or [answer.answer.strip()]
    room = (SECTION_MAX - len(lines)) // max(1, len(lines))
    out = []
    for line in lines:
        head = ""
        if line.startswith("- "):  # "- quý I/2018: …": the period is kept whatever is cut
            period, sep, rest = line[2:].partition(": ")
            head, line = ("• " + _esc(period, 100) + sep, rest) if sep else ("• ", line[2:])
        lead = PARTIAL_LEAD.match(line) if answer.period_match == "partial" else None
        if lead and not answer.parts:
            head += f"_{_esc(lead[1], room // 3)}_\n"
            line = line[lead.end():]
        value = next((v for v in values if _find_value(line, v) >= 0), "")
        width = room - len(head)
        out.append(head + (_bold_figure(line, value, width) if value else _esc(line, width)))
    return "\n".join(out) or "…"


def _source(title: str, date: str | None, page: int | None = None, ocr: bool = False) -> str:
    """A source's title in bold, its date, its page ("trang 3") and, for a page read by OCR
    from a scan, the note that says to check the original."""
    return (f"*{_esc(_flat(title), TITLE_MAX)}*" + (f" ({escape(date)})" if date else "")
            + (f", trang {page}" if page else "") + (f" _({OCR_NOTE})_" if ocr else ""))


def _cited(answer: Answer) -> list[tuple[str, Citation]]:
    """The citations to show, each with the period it is for when several were asked."""
    if len(answer.parts) < 2:
        return [("", c) for c in answer.citations]
    return [(f"{_esc(p.period, 100)} — ", c) for p in answer.parts if p.found
            for c in p.citations]


def render_blocks(answer: Answer) -> tuple[str, Blocks]:
    """An answer as Block Kit: what the figure is and its period (the summary), else the
    sentence, with the figure in bold, then its sources; or the refusal with the closest
    documents; plus a plain ``text`` fallback for notifications."""
    blocks: Blocks = []
    if _flat(answer.resolved_question).casefold() != _flat(answer.question).casefold():
        blocks.append(_context(f"Hiểu là: “{_esc(_flat(answer.resolved_question), 500)}”"))
    if answer.found:
        figure = answer.answer.strip()
        sentence = _flat(answer.answer_sentence or "")
        if answer.summary:
            blocks.append(_section(_summary(answer)))
            text = answer.summary.strip()
        else:
            blocks.append(_section(_bold_figure(sentence, figure)))
            text = " — ".join(part for part in (figure, sentence) if part) or "…"
        for label, c in _cited(answer)[:MAX_CITATIONS]:
            blocks.append(_context(f"📄 {label}{_source(c.title, c.date, c.page, c.ocr)}: "
                                   f"“{_esc(_flat(c.quote), QUOTE_MAX)}”"))
        if answer.sure is False:  # the fitted scorer is not sure: say so first
            blocks.append(_context(f"⚠️ {UNSURE}"))
            text = f"({UNSURE}) {text}"
        if answer.citations:
            c = answer.citations[0]
            text += (f" (Nguồn: {_flat(c.title)}{', ' + c.date if c.date else ''}"
                     f"{f', trang {c.page}' if c.page else ''})")
        if answer.ocr:
            text += f" ({OCR_NOTE})"
    else:
        text = answer.answer.strip() or "Không tìm thấy câu trả lời."
        blocks.append(_section(_esc(text, SECTION_MAX)))
        titles: dict[str, str | None] = {}
        for hit in answer.related:
            if hit.title and len(titles) < MAX_RELATED:
                titles.setdefault(hit.title, hit.date)
        if titles:
            lines = "\n".join(f"• {_source(t, d)}" for t, d in titles.items())
            blocks.append(_section(f"Các tài liệu gần nhất:\n{lines}"))
    return _esc(text, TEXT_MAX), blocks[:MAX_BLOCKS]


def _plain(message: str) -> tuple[str, Blocks]:
    return escape(message), [_section(escape(message))]


# --- the bolt app --------------------------------------------------------------------------


def question_text(text: str, bot_user_id: str | None) -> str:
    """The question of a message: the bot's mention removed, Slack's entities decoded."""
    text = MENTION.sub(lambda m: "" if bot_user_id in (None, m.group(1)) else m.group(0), text)
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return _flat(text)


def _from_a_person(event: dict[str, Any], body: dict[str, Any], bot_user_id: str | None) -> bool:
    """Not a bot, not this app, not an edit/join/deletion."""
    if event.get("bot_id") or event.get("subtype") not in (None, *HUMAN_SUBTYPES):
        return False
    user = event.get("user")
    own = {a.get("user_id") for a in body.get("authorizations") or () if a.get("is_bot")}
    return bool(user) and user != bot_user_id and user not in own


def build_slack_app(settings: Settings, get_service: Callable[[], RagService],
                    socket_mode: bool = False) -> AsyncApp:
    """The bolt app: signature check (HTTP), redelivery drop, mentions, DMs and ``/ask``."""
    if not settings.slack_bot_token:
        raise SlackConfigError("SLACK_BOT_TOKEN is not set: the bot token (xoxb-…) is needed "
                               "to post answers")
    if not socket_mode and not settings.slack_signing_secret:
        raise SlackConfigError("SLACK_SIGNING_SECRET is not set: requests from Slack cannot "
                               "be verified without it")
    client = AsyncWebClient(token=settings.slack_bot_token,
                            base_url=settings.slack_api_base_url.rstrip("/") + "/",
                            retry_handlers=[AsyncRateLimitErrorRetryHandler(RETRIES),
                                            AsyncServerErrorRetryHandler(RETRIES),
                                            AsyncConnectionErrorRetryHandler(RETRIES)])
    app = AsyncApp(name="rag-slack", client=client, process_before_response=False,
                   signing_secret=settings.slack_signing_secret or "",
                   request_verification_enabled=not socket_mode)

    async def first(key: str) -> bool:
        return await asyncio.to_thread(get_service().first_delivery, key)

    async def delivered(*keys: str | None) -> None:
        for key in keys:
            if key:
                await asyncio.to_thread(get_service().delivered, key)

    async def reply_for(key: str, question: str) -> tuple[str, Blocks]:
        if not question:
            return _plain(USAGE)
        try:
            answer = await asyncio.to_thread(get_service().chat_by_key, key, question)
        except QuestionTooLong as exc:
            return _plain(f"Câu hỏi dài quá {exc.limit} ký tự.")
        except IndexStoreError:
            return _plain(NO_INDEX)
        except Exception:
            log.exception("slack: answering failed")
            return _plain(SORRY)
        return render_blocks(answer)

    @app.middleware
    async def drop_redeliveries(req: AsyncBoltRequest, body: dict[str, Any],
                                next_: Callable[[], Awaitable[None]]) -> BoltResponse | None:
        if body.get("type") == "event_callback":
            retry = req.headers.get("x-slack-retry-num", [None])[0]
            event_id = str(body.get("event_id") or "")
            if event_id and not await first(f"slack:event:{event_id}"):
                log.info("slack: dropped redelivery of %s (retry %s)", event_id, retry)
                return BoltResponse(status=200, body="")
            if event_id:
                req.context["delivery"] = f"slack:event:{event_id}"  # marked once answered
            if retry is not None:
                log.info("slack: retry %s of %s, never seen: answering it", retry, event_id)
        await next_()
        return None

    async def answer_in_thread(event: dict[str, Any], body: dict[str, Any],
                               context: Any) -> None:
        bot_user_id = context.bot_user_id
        channel, ts = event.get("channel"), event.get("ts")
        message_key = f"slack:message:{channel}:{ts}"
        if not channel or not ts or not await first(message_key):
            return  # a mention in a DM may arrive as both app_mention and message.im
        root = event.get("thread_ts") or ts
        team = body.get("team_id") or event.get("team") or ""
        text, blocks = await reply_for(f"slack:{team}:{channel}:{root}",
                                       question_text(event.get("text") or "", bot_user_id))
        try:
            await app.client.chat_postMessage(channel=channel, thread_ts=root, text=text,
                                              blocks=blocks, unfurl_links=False)
            await delivered(message_key, context.get("delivery"))
        except SlackApiError as exc:
            log.error("slack: chat.postMessage failed: %s", exc.response.get("error"))
        except (aiohttp.ClientError, OSError, TimeoutError) as exc:
            log.error("slack: chat.postMessage failed: %s", type(exc).__name__)

    @app.event("app_mention")
    async def on_mention(event: dict[str, Any], body: dict[str, Any], context: Any) -> None:
        if _from_a_person(event, body, context.bot_user_id):
            await answer_in_thread(event, body, context)

    @app.event("message")
    async def on_message(event: dict[str, Any], body: dict[str, Any], context: Any) -> None:
        if event.get("channel_type") == "im" and _from_a_person(event, body,
                                                                context.bot_user_id):
            await answer_in_thread(event, body, context)

    @app.command("/ask")
    async def on_ask(ack: Any, command: dict[str, Any], respond: Any) -> None:
        question = question_text(command.get("text") or "", None)
        if not question:
            await ack(text=USAGE)
            return
        await ack(text=WORKING)
        key = (f"slack:{command.get('team_id', '')}:{command.get('channel_id', '')}"
               f":ask:{command.get('user_id', '')}")
        text, blocks = await reply_for(key, question)
        asked = _context(f"<@{command.get('user_id', '')}> hỏi: {_esc(question, 500)}")
        await respond(text=text, blocks=[asked, *blocks][:MAX_BLOCKS],
                      response_type="in_channel", replace_original=False)

    return app


def slack_router(settings: Settings, get_service: Callable[[], RagService]) -> APIRouter:
    """``POST /slack/events`` (Events API, interactivity, commands) and ``POST
    /slack/commands`` (the same bolt app; for a slash command's own Request URL)."""
    handler = AsyncSlackRequestHandler(build_slack_app(settings, get_service))
    router = APIRouter(include_in_schema=False)

    async def handle(request: Request) -> Response:
        stamp = request.headers.get("x-slack-request-timestamp")
        if stamp is not None and not stamp.strip().isdigit():
            return Response("invalid request", status_code=401)  # bolt would fail with 500
        return await handler.handle(request)

    router.add_api_route("/slack/events", handle, methods=["POST"])
    router.add_api_route("/slack/commands", handle, methods=["POST"])
    return router


def socket_main(settings: Settings) -> None:
    """``rag slack --socket``: the bot over Socket Mode, for workspaces without a public URL."""
    if not settings.slack_app_token:
        raise SlackConfigError("SLACK_APP_TOKEN is not set: Socket Mode needs an app-level "
                               "token (xapp-…) with the connections:write scope")
    from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

    app = build_slack_app(settings, lambda: service, socket_mode=True)  # checks the bot token
    check_settings(settings)  # the embedder and the session store, where redeliveries are kept
    service = RagService(settings)
    try:
        status = service.status()
        log.info("index loaded: %d chunks", status.chunks if status else 0)
    except IndexStoreError as exc:
        log.warning("starting without an index: %s", exc)
    service.watch()  # follow the generations `rag serve` and `rag index` publish

    async def run() -> None:
        handler = AsyncSocketModeHandler(app, settings.slack_app_token)
        try:
            await handler.start_async()  # runs until cancelled (Ctrl-C)
        finally:
            await handler.close_async()

    try:
        asyncio.run(run())
    except KeyboardInterrupt:
        pass
    finally:
        service.close()
