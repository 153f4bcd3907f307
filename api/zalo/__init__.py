"""Zalo adapters: the Official Account (OA) webhook and the Zalo Bot Platform webhook.

Both verify the request, acknowledge it at once (Zalo redelivers an event it does not see
answered with 200 within about 2 s), then answer in the background: ``chat_by_key`` in a worker
thread, the reply cut into messages of at most 2,000 characters and sent through a thin httpx
client.  A Zalo user (OA) or chat (bot) keeps one chat session, so follow-ups work.

Zalo OA access tokens live about a day and every refresh token is single-use: a refresh is
serialised (a thread lock plus a file lock) and its result written atomically to
``ZALO_TOKEN_FILE``, which wins over the env tokens on the next start.  Secrets (tokens, keys,
the bot token inside the sendMessage URL) never reach the logs.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import logging
import os
import re
import tempfile
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from fastapi import APIRouter, BackgroundTasks, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from rag.records import Answer
from rag.service import RagService
from rag.settings import Settings

log = logging.getLogger(__name__)

TEXT_LIMIT = 2000  # characters in one Zalo text message (OA and bot)
TIMEOUT = 10.0  # seconds for one call to a Zalo API
RETRY_BACKOFF = 0.5  # seconds before the one retry of a 429/5xx answer
MAX_EVENT_BYTES = 64 * 1024
EXPIRED_TOKEN_ERRORS = frozenset({-216, -124})  # "Access token is invalid" / expired
SORRY = "Xin lỗi, hệ thống đang gặp sự cố. Bạn vui lòng thử lại sau."
TOO_LONG = "Câu hỏi dài quá {limit} ký tự, bạn vui lòng hỏi ngắn hơn."
_BOUNDARIES = (re.compile(r"\n"), re.compile(r"(?<=[.!?…;])\s+"), re.compile(r"\s"))
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


# --- the reply ---------------------------------------------------------------------------


def format_reply(answer: Answer) -> str:
    """The answer (the figure, then its sentence) or the refusal, then one short line per
    source: ``Nguồn: <title> (<dd/mm/yyyy>)``."""
    head = answer.answer.strip()
    lines = [head]
    sentence = (answer.answer_sentence or "").strip()
    if answer.found and sentence and sentence != head:
        lines.append(sentence)
    sources: list[str] = []
    for c in answer.citations if answer.found else ():
        match = _ISO_DATE.fullmatch(c.date or "")
        date = f"{match[3]}/{match[2]}/{match[1]}" if match else c.date
        line = f"Nguồn: {c.title}" + (f" ({date})" if date else "")
        if line not in sources:
            sources.append(line)
    return "\n".join(lines + ([""] + sources if sources else []))


def split_text(text: str, limit: int = TEXT_LIMIT) -> list[str]:
    """``text`` as messages of at most ``limit`` characters, in order, cut at the last line
    break, else sentence end, else space, that leaves the piece at least half full."""
    text = text.strip()
    parts: list[str] = []
    while len(text) > limit:
        window = text[:limit + 1]
        cut = None
        for boundary in _BOUNDARIES:  # line break, else sentence end, else space
            ends = [m for m in boundary.finditer(window) if m.start() >= limit // 2]
            if ends:
                cut = (ends[-1].start(), ends[-1].end())
                break
        start, end = cut or (limit, limit)
        parts.append(text[:start].rstrip())
        text = text[end:].lstrip()
    return parts + [text] if text else parts


_CHAT_LOCKS = tuple(threading.Lock() for _ in range(64))


def _chat_lock(key: str) -> threading.Lock:
    """One of a fixed set of locks, always the same for a chat: its messages are answered one
    after another, so a quick follow-up reads the previous turn and replies do not interleave."""
    return _CHAT_LOCKS[hash(key) % len(_CHAT_LOCKS)]


# --- HTTP --------------------------------------------------------------------------------


class ZaloAPIError(RuntimeError):
    """Zalo refused a call or could not be reached; the message never holds a secret."""


def _describe(r: httpx.Response) -> str:
    try:
        data = r.json()
    except ValueError:
        return ""
    if not isinstance(data, dict):
        return ""
    keys = ("error", "error_code", "error_name", "message", "description", "error_description")
    return " ".join(str(data[k]) for k in keys if data.get(k) not in (None, ""))


def _post_json(http: httpx.Client, url: str, what: str, backoff: float,
               **kwargs: Any) -> dict[str, Any]:
    """POST and return the JSON object, retrying once on 429/5xx or a refused connection
    (nothing was delivered then).  A timeout is not retried: Zalo may have acted already."""
    for attempt in (1, 2):
        try:
            r = http.post(url, **kwargs)
        except httpx.ConnectError:
            if attempt == 2:
                raise ZaloAPIError(f"{what}: cannot connect") from None
            time.sleep(backoff)
            continue
        except httpx.HTTPError as exc:
            raise ZaloAPIError(f"{what}: {exc.__class__.__name__}") from None
        if (r.status_code == 429 or r.status_code >= 500) and attempt == 1:
            retry_after = r.headers.get("retry-after", "")
            time.sleep(min(float(retry_after), 5.0) if retry_after.isdigit() else backoff)
            continue
        if r.status_code != 200:
            raise ZaloAPIError(f"{what}: HTTP {r.status_code} {_describe(r)}".rstrip())
        try:
            data = r.json()
        except ValueError:
            data = None
        if not isinstance(data, dict):
            raise ZaloAPIError(f"{what}: the answer is not a JSON object")
        return data
    raise AssertionError("unreachable")


class _Redact(logging.Filter):
    """Hides a secret in httpx's request log lines (the bot token is part of the URL)."""

    def __init__(self, secret: str) -> None:
        super().__init__()
        self.secret = secret

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self.secret in message:
            record.msg, record.args = message.replace(self.secret, "<token>"), None
        return True


def _redact_in_httpx_logs(secret: str) -> None:
    logger = logging.getLogger("httpx")
    if not any(isinstance(f, _Redact) and f.secret == secret for f in logger.filters):
        logger.addFilter(_Redact(secret))


# --- Zalo OA: tokens and client -------------------------------------------------------------


@dataclass(frozen=True)
class ZaloTokens:
    access_token: str | None = field(repr=False)
    refresh_token: str | None = field(repr=False)
    expires_at: float | None = None  # unix time; None when unknown (tokens from the env)


class ZaloTokenStore:
    """The OA's current tokens.  The token file, when it exists, wins over the env values;
    each refresh is written to it atomically (temp file, fsync, rename)."""

    def __init__(self, path: Path | None, access_token: str | None = None,
                 refresh_token: str | None = None) -> None:
        self.path = Path(path) if path else None
        self._lock = threading.Lock()
        saved = self._load()
        if saved is not None:
            log.info("zalo: using the OA tokens saved in %s, not the env ones", self.path)
        self._tokens = saved or ZaloTokens(access_token or None, refresh_token or None)

    @property
    def tokens(self) -> ZaloTokens:
        return self._tokens

    def _load(self) -> ZaloTokens | None:
        if self.path is None or not self.path.is_file():
            return None
        try:
            d = json.loads(self.path.read_text(encoding="utf-8"))
            expires = d.get("expires_at")
            tokens = ZaloTokens(d.get("access_token") or None, d.get("refresh_token") or None,
                                float(expires) if expires else None)
        except (OSError, ValueError, TypeError, AttributeError) as exc:
            log.warning("zalo: ignoring the unreadable token file %s (%s)", self.path,
                        exc.__class__.__name__)
            return None
        return tokens if tokens.access_token or tokens.refresh_token else None

    def save(self, tokens: ZaloTokens) -> None:
        self._tokens = tokens
        if self.path is None:
            log.warning("zalo: ZALO_TOKEN_FILE is not set, so the new single-use refresh token "
                        "lives only in memory; after a restart the OA needs a new OAuth grant")
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:  # mkstemp: mode 0600
                json.dump({"access_token": tokens.access_token,
                           "refresh_token": tokens.refresh_token,
                           "expires_at": tokens.expires_at}, f)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        with contextlib.suppress(OSError):  # make the rename itself durable
            dir_fd = os.open(self.path.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)

    @contextlib.contextmanager
    def _file_lock(self) -> Iterator[None]:
        """Serialises refreshes across processes (several workers share the token file)."""
        try:
            import fcntl
        except ImportError:  # Windows: threads are still serialised by the thread lock
            fcntl = None  # type: ignore[assignment]
        if self.path is None or fcntl is None:
            yield
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path.with_name(self.path.name + ".lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def refresh(self, stale: str | None, fetch: Callable[[str], ZaloTokens]) -> ZaloTokens:
        """Tokens to use instead of the ``stale`` access token.  The single-use refresh token is
        spent at most once: a caller that waited for the lock finds the tokens renewed."""
        with self._lock, self._file_lock():
            current = self._load() or self._tokens  # another process may have refreshed
            if current.access_token and current.access_token != stale:
                self._tokens = current
                return current
            if not current.refresh_token:
                raise ZaloAPIError("token refresh: no refresh token (ZALO_REFRESH_TOKEN)")
            tokens = fetch(current.refresh_token)
            try:
                self.save(tokens)
            except OSError as exc:
                log.error("zalo: cannot write the token file %s (%s); the new refresh token "
                          "lives only in memory", self.path, exc.__class__.__name__)
            return tokens


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
                data = (_post_json(self._http, self.send_url, "send message", self.retry_backoff,
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
        data = _post_json(self._http, self.token_url, "token refresh", self.retry_backoff,
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


# --- Zalo Bot Platform client -------------------------------------------------------------


class ZaloBotClient:
    """``sendMessage`` of the Zalo Bot Platform (``{base}/bot<TOKEN>/sendMessage``)."""

    def __init__(self, base_url: str, token: str, timeout: float = TIMEOUT,
                 retry_backoff: float = RETRY_BACKOFF) -> None:
        self._send_url = f"{base_url.rstrip('/')}/bot{token}/sendMessage"
        self._token = token
        self.retry_backoff = retry_backoff
        self._http = httpx.Client(timeout=timeout)
        _redact_in_httpx_logs(token)

    def send_text(self, chat_id: str, text: str) -> int:
        """Send ``text`` (split when long) to ``chat_id``; the number of messages sent."""
        parts = split_text(text)
        for part in parts:
            try:
                data = _post_json(self._http, self._send_url, "sendMessage",
                                  self.retry_backoff, json={"chat_id": chat_id, "text": part})
                if data.get("ok") is not True:
                    raise ZaloAPIError(f"sendMessage refused: {data.get('error_code')} "
                                       f"{data.get('description', '')}".rstrip())
            except ZaloAPIError as exc:  # the reply may quote the URL, which holds the token
                raise ZaloAPIError(str(exc).replace(self._token, "<token>")) from None
        return len(parts)


# --- the routes ------------------------------------------------------------------------------


async def _read_body(request: Request) -> bytes | None:
    """The raw body, or None when it is larger than any Zalo event."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_EVENT_BYTES:
        return None
    raw = await request.body()
    return raw if len(raw) <= MAX_EVENT_BYTES else None


def _obj(d: dict[str, Any], key: str) -> dict[str, Any]:
    value = d.get(key)
    return value if isinstance(value, dict) else {}


def _ok() -> JSONResponse:
    return JSONResponse({"ok": True})


def _refuse(status: int, detail: str) -> JSONResponse:
    return JSONResponse({"detail": detail}, status_code=status)


def zalo_router(settings: Settings, get_service: Callable[[], RagService]) -> APIRouter:
    """``POST /zalo/webhook`` when ZALO_APP_ID and ZALO_OA_SECRET_KEY are set, and
    ``POST /zalo-bot/webhook`` when ZALO_BOT_TOKEN and ZALO_BOT_SECRET_TOKEN are set; a
    webhook that is not configured is not registered (404)."""
    router = APIRouter()
    limit = settings.max_question_chars

    def answer(key: str, text: str) -> str:
        if len(text) > limit:
            return TOO_LONG.format(limit=limit)
        try:
            return format_reply(get_service().chat_by_key(key, text))
        except Exception:
            log.exception("zalo: the service failed to answer a message")
            return SORRY

    async def first(key: str) -> bool:
        """Whether this delivery is new, in every process sharing the session store."""
        return await run_in_threadpool(get_service().first_delivery, key)

    if settings.zalo_app_id and settings.zalo_oa_secret_key:
        _add_oa_webhook(router, settings, settings.zalo_app_id, settings.zalo_oa_secret_key,
                        answer, first)
    if settings.zalo_bot_token and settings.zalo_bot_secret_token:
        _add_bot_webhook(router, settings, settings.zalo_bot_token,
                         settings.zalo_bot_secret_token, answer, first)
    return router


def _add_oa_webhook(router: APIRouter, s: Settings, app_id: str, oa_secret_key: str,
                    answer: Callable[[str, str], str],
                    first: Callable[[str], Awaitable[bool]]) -> None:
    store = ZaloTokenStore(s.zalo_token_file, s.zalo_access_token, s.zalo_refresh_token)
    if not (store.tokens.access_token or store.tokens.refresh_token):
        log.warning("zalo: no OA access or refresh token (ZALO_ACCESS_TOKEN, "
                    "ZALO_REFRESH_TOKEN, ZALO_TOKEN_FILE): questions cannot be answered")
    client = ZaloOAClient(s.zalo_api_base_url, s.zalo_oauth_base_url, app_id,
                          s.zalo_app_secret, store)

    def reply(user_id: str, text: str, msg_id: str | None) -> None:
        key = f"zalo:{user_id}"
        _deliver("OA", key, lambda: client.send_text(answer(key, text), message_id=msg_id,
                                                     user_id=user_id))

    @router.post("/zalo/webhook", include_in_schema=False)
    async def zalo_webhook(request: Request, background: BackgroundTasks) -> Response:
        raw = await _read_body(request)
        if raw is None:
            return _refuse(413, "event too large")
        event = verify_oa_event(raw, request.headers.get("x-zevent-signature"), app_id,
                                oa_secret_key)
        if event is None:
            log.warning("zalo: OA event refused: missing or wrong X-ZEvent-Signature")
            return _refuse(401, "invalid signature")
        if event.get("event_name") != "user_send_text":  # oa_send_* echoes, follows, ...
            return _ok()
        message, sender = _obj(event, "message"), _obj(event, "sender")
        text, user_id, msg_id = message.get("text"), sender.get("id"), message.get("msg_id")
        if not (isinstance(text, str) and text.strip() and user_id):
            return _ok()
        if msg_id and not await first(f"zalo:oa:{msg_id}"):
            log.info("zalo: OA event redelivered; already answered")
            return _ok()
        background.add_task(reply, str(user_id), text.strip(), str(msg_id) if msg_id else None)
        return _ok()


def _deliver(what: str, key: str, send: Callable[[], int]) -> None:
    """Answer and send one conversation's message under its lock; a failure is logged."""
    try:
        with _chat_lock(key):
            n = send()
    except ZaloAPIError as exc:
        log.error("zalo: %s reply not delivered: %s", what, exc)
    else:
        log.info("zalo: %s reply sent in %d message(s)", what, n)


def _add_bot_webhook(router: APIRouter, s: Settings, token: str, secret: str,
                     answer: Callable[[str, str], str],
                     first: Callable[[str], Awaitable[bool]]) -> None:
    client = ZaloBotClient(s.zalo_bot_api_base_url, token)

    def reply(chat_id: str, text: str) -> None:
        key = f"zalo-bot:{chat_id}"
        _deliver("bot", key, lambda: client.send_text(chat_id, answer(key, text)))

    @router.post("/zalo-bot/webhook", include_in_schema=False)
    async def zalo_bot_webhook(request: Request, background: BackgroundTasks) -> Response:
        presented = request.headers.get("x-bot-api-secret-token", "")
        if not hmac.compare_digest(presented.encode(), secret.encode()):
            log.warning("zalo: bot update refused: missing or wrong X-Bot-Api-Secret-Token")
            return _refuse(401, "invalid secret token")
        raw = await _read_body(request)
        if raw is None:
            return _refuse(413, "update too large")
        try:
            update = json.loads(raw)
        except ValueError:
            return _refuse(400, "the update is not JSON")
        if not isinstance(update, dict):
            return _refuse(400, "the update is not a JSON object")
        inner = _obj(update, "result") or update  # {"ok": true, "result": {...}} or bare
        message = _obj(inner, "message")
        event = inner.get("event_name", update.get("event_name"))
        text, message_id = message.get("text"), message.get("message_id")
        chat_id = _obj(message, "chat").get("id")
        if (event not in (None, "message.text.received") or not chat_id
                or not (isinstance(text, str) and text.strip())):
            return _ok()  # images, stickers, follows, ...
        if message_id and not await first(f"zalo-bot:{chat_id}:{message_id}"):
            log.info("zalo: bot update redelivered; already answered")
            return _ok()
        background.add_task(reply, str(chat_id), text.strip())
        return _ok()
