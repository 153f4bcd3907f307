"""The Zalo Official Account adapter: the signed webhook (``X-ZEvent-Signature``) and the
customer-service message client, refreshing the OA token once when Zalo refuses it."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
from fastapi import APIRouter, BackgroundTasks, Request
from fastapi.responses import Response

from api.zalo.common import (
    EXPIRED_TOKEN_ERRORS,
    RETRY_BACKOFF,
    TIMEOUT,
    ZaloAPIError,
    deliver,
    obj,
    ok,
    post_json,
    read_body,
    refuse,
    split_text,
)
from api.zalo.tokens import ZaloTokens, ZaloTokenStore
from rag.settings import Settings

log = logging.getLogger(__name__)


class ZaloOAClient:
    """Customer-service text messages of an OA (``POST /v3.0/oa/message/cs``), renewing the
    access token once per reply when Zalo reports it expired or invalid."""

    def __init__(self, api_base_url: str, oauth_base_url: str, app_id: str,
                 app_secret: str | None, tokens: ZaloTokenStore, timeout: float = TIMEOUT,
                 retry_backoff: float = RETRY_BACKOFF) -> None:
        self.send_url = api_base_url.rstrip("/") + "/v3.0/oa/message/cs"
        self.token_url = oauth_base_url.rstrip("/") + "/v4/oa/access_token"
        self.app_id = app_id
        self._app_secret = app_secret
        self.tokens = tokens
        self.retry_backoff = retry_backoff
        self._http = httpx.Client(timeout=timeout)

    def send_text(self, text: str, *, message_id: str | None = None,
                  user_id: str | None = None) -> int:
        """Send ``text`` (split when long) as a reply to ``message_id``, else to ``user_id``;
        returns the number of messages sent."""
        if not (message_id or user_id):
            raise ValueError("a Zalo OA message needs a message_id or a user_id")
        recipient = {"message_id": message_id} if message_id else {"user_id": user_id}
        parts = split_text(text)
        refreshed = False
        for part in parts:
            body = {"recipient": recipient, "message": {"text": part}}
            while True:
                token = self.tokens.tokens.access_token
                data = (post_json(self._http, self.send_url, "send message", self.retry_backoff,
                                   json=body, headers={"access_token": token})
                        if token else {"error": -216, "message": "no access token yet"})
                if _error_code(data) == 0:
                    break
                if _token_refused(data) and not refreshed:
                    refreshed = True
                    log.info("zalo: the OA access token was refused (error %s); refreshing it",
                             data.get("error"))
                    self.tokens.refresh(token, self._fetch_tokens)
                    continue
                raise ZaloAPIError(f"send message: Zalo error {data.get('error')} "
                                   f"{data.get('message', '')}".rstrip())
        return len(parts)

    def _fetch_tokens(self, refresh_token: str) -> ZaloTokens:
        if not self._app_secret:
            raise ZaloAPIError("token refresh needs ZALO_APP_SECRET")
        data = post_json(self._http, self.token_url, "token refresh", self.retry_backoff,
                          data={"refresh_token": refresh_token, "app_id": self.app_id,
                                "grant_type": "refresh_token"},
                          headers={"secret_key": self._app_secret})
        access, refresh = data.get("access_token"), data.get("refresh_token")
        if not (isinstance(access, str) and access and isinstance(refresh, str) and refresh):
            # Zalo reports OAuth failures with HTTP 200 and error/error_name/error_description.
            fields = ("error", "error_name", "error_reason", "error_description", "message")
            reason = " ".join(str(data[k]) for k in fields if data.get(k) not in (None, ""))
            raise ZaloAPIError(f"token refresh refused: {reason or 'no tokens in the answer'}")
        try:
            expires_in = float(data.get("expires_in") or 0)
        except (TypeError, ValueError):
            expires_in = 0.0
        log.info("zalo: OA access token refreshed")
        return ZaloTokens(access, refresh, time.time() + expires_in if expires_in else None)


def _error_code(data: dict[str, Any]) -> int | None:
    try:
        return int(data.get("error", 0))
    except (TypeError, ValueError):
        return None


def _token_refused(data: dict[str, Any]) -> bool:
    message = str(data.get("message", "")).lower()
    return (_error_code(data) in EXPIRED_TOKEN_ERRORS
            or "access token" in message or "access_token" in message)


def verify_oa_event(raw: bytes, signature: str | None, app_id: str,
                    oa_secret_key: str) -> dict[str, Any] | None:
    """The event when ``signature`` (``mac=`` + hex SHA-256 of app id + raw body + the body's
    ``timestamp`` + OA secret key; the prefix optional) matches, else None."""
    if not signature:
        return None
    try:
        event = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(event, dict) or event.get("timestamp") is None:
        return None
    mac = signature.strip()
    mac = mac[4:].strip() if mac[:4].lower() == "mac=" else mac
    signed = (app_id.encode() + raw + str(event["timestamp"]).encode()
              + oa_secret_key.encode())
    expected = hashlib.sha256(signed).hexdigest().encode()
    return event if hmac.compare_digest(mac.lower().encode(), expected) else None


def add_oa_webhook(router: APIRouter, s: Settings, app_id: str, oa_secret_key: str,
                    answer: Callable[[str, str], str],
                    first: Callable[[str], Awaitable[bool]],
                    done: Callable[[str], None]) -> None:
    """Add POST /zalo/webhook to ``router``: events checked against the OA secret key's
    signature, each user text answered (``answer(key, text)``) in the background, once per
    delivery (``first``/``done``), through the OA API with the stored tokens (refreshed when
    they expire)."""
    store = ZaloTokenStore(s.zalo_token_file, s.zalo_access_token, s.zalo_refresh_token)
    if not (store.tokens.access_token or store.tokens.refresh_token):
        log.warning("zalo: no OA access or refresh token (ZALO_ACCESS_TOKEN, "
                    "ZALO_REFRESH_TOKEN, ZALO_TOKEN_FILE): questions cannot be answered")
    client = ZaloOAClient(s.zalo_api_base_url, s.zalo_oauth_base_url, app_id,
                          s.zalo_app_secret, store)

    def reply(user_id: str, text: str, msg_id: str | None) -> None:
        key = f"zalo:{user_id}"
        deliver("OA", key, lambda: client.send_text(answer(key, text), message_id=msg_id,
                                                     user_id=user_id),
                (lambda: done(f"zalo:oa:{msg_id}")) if msg_id else None)

    @router.get("/zalo/webhook", include_in_schema=False)
    async def zalo_webhook_check() -> Response:
        """A reachability check of the webhook URL: 200, nothing done."""
        return ok()

    @router.post("/zalo/webhook", include_in_schema=False)
    async def zalo_webhook(request: Request, background: BackgroundTasks) -> Response:
        raw = await read_body(request)
        if raw is None:
            return refuse(413, "event too large")
        signature = request.headers.get("x-zevent-signature", "").strip()
        if not signature:
            # The console checks a newly set webhook URL with an unsigned request and keeps
            # the URL only if it gets 200 (README, "Webhook"): acknowledged, nothing done.
            # Events always come signed, so nothing unsigned is ever answered.
            log.info("zalo: unsigned request to the OA webhook acknowledged, not processed")
            return ok()
        event = verify_oa_event(raw, signature, app_id, oa_secret_key)
        if event is None:
            log.warning("zalo: OA event refused: wrong X-ZEvent-Signature")
            return refuse(401, "invalid signature")
        if event.get("event_name") != "user_send_text":  # oa_send_* echoes, follows, ...
            return ok()
        message, sender = obj(event, "message"), obj(event, "sender")
        text, user_id, msg_id = message.get("text"), sender.get("id"), message.get("msg_id")
        if not (isinstance(text, str) and text.strip() and user_id):
            return ok()
        if msg_id and not await first(f"zalo:oa:{msg_id}"):
            log.info("zalo: OA event redelivered; already answered")
            return ok()
        background.add_task(reply, str(user_id), text.strip(), str(msg_id) if msg_id else None)
        return ok()
