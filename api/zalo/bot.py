"""The Zalo Bot Platform adapter: the webhook checked by its secret token
(``X-Bot-Api-Secret-Token``) and the ``sendMessage`` client."""

from __future__ import annotations

import hmac
import json
import logging
from collections.abc import Awaitable, Callable

import httpx
from fastapi import APIRouter, BackgroundTasks, Request
from fastapi.responses import Response

from api.zalo.common import (
    RETRY_BACKOFF,
    TIMEOUT,
    ZaloAPIError,
    deliver,
    obj,
    ok,
    post_json,
    read_body,
    redact_in_httpx_logs,
    refuse,
    split_text,
)
from rag.settings import Settings

log = logging.getLogger(__name__)


class ZaloBotClient:
    """``sendMessage`` of the Zalo Bot Platform (``{base}/bot<TOKEN>/sendMessage``)."""

    def __init__(self, base_url: str, token: str, timeout: float = TIMEOUT,
                 retry_backoff: float = RETRY_BACKOFF) -> None:
        self._send_url = f"{base_url.rstrip('/')}/bot{token}/sendMessage"
        self._token = token
        self.retry_backoff = retry_backoff
        self._http = httpx.Client(timeout=timeout)
        redact_in_httpx_logs(token)

    def send_text(self, chat_id: str, text: str) -> int:
        """Send ``text`` (split when long) to ``chat_id``; the number of messages sent."""
        parts = split_text(text)
        for part in parts:
            try:
                data = post_json(self._http, self._send_url, "sendMessage",
                                  self.retry_backoff, json={"chat_id": chat_id, "text": part})
                if data.get("ok") is not True:
                    raise ZaloAPIError(f"sendMessage refused: {data.get('error_code')} "
                                       f"{data.get('description', '')}".rstrip())
            except ZaloAPIError as exc:  # the reply may quote the URL, which holds the token
                raise ZaloAPIError(str(exc).replace(self._token, "<token>")) from None
        return len(parts)


def add_bot_webhook(router: APIRouter, s: Settings, token: str, secret: str,
                     answer: Callable[[str, str], str],
                     first: Callable[[str], Awaitable[bool]],
                     done: Callable[[str], None]) -> None:
    """Add POST /zalo-bot/webhook to ``router``: updates checked against the secret token, each
    text message answered (``answer(key, text)``) in the background, once per delivery
    (``first``/``done``), through the Zalo Bot API with ``token``."""
    client = ZaloBotClient(s.zalo_bot_api_base_url, token)

    def reply(chat_id: str, text: str, message_id: str | None) -> None:
        key = f"zalo-bot:{chat_id}"
        deliver("bot", key, lambda: client.send_text(chat_id, answer(key, text)),
                (lambda: done(f"zalo-bot:{chat_id}:{message_id}")) if message_id else None)

    @router.post("/zalo-bot/webhook", include_in_schema=False)
    async def zalo_bot_webhook(request: Request, background: BackgroundTasks) -> Response:
        presented = request.headers.get("x-bot-api-secret-token", "")
        if not hmac.compare_digest(presented.encode(), secret.encode()):
            log.warning("zalo: bot update refused: missing or wrong X-Bot-Api-Secret-Token")
            return refuse(401, "invalid secret token")
        raw = await read_body(request)
        if raw is None:
            return refuse(413, "update too large")
        try:
            update = json.loads(raw)
        except ValueError:
            return refuse(400, "the update is not JSON")
        if not isinstance(update, dict):
            return refuse(400, "the update is not a JSON object")
        inner = obj(update, "result") or update  # {"ok": true, "result": {...}} or bare
        message = obj(inner, "message")
        event = inner.get("event_name", update.get("event_name"))
        text, message_id = message.get("text"), message.get("message_id")
        chat_id = obj(message, "chat").get("id")
        if (event not in (None, "message.text.received") or not chat_id
                or not (isinstance(text, str) and text.strip())):
            return ok()  # images, stickers, follows, ...
        if message_id and not await first(f"zalo-bot:{chat_id}:{message_id}"):
            log.info("zalo: bot update redelivered; already answered")
            return ok()
        background.add_task(reply, str(chat_id), text.strip(),
                            str(message_id) if message_id else None)
        return ok()
