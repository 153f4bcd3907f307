"""What both Zalo adapters share: the reply text and how it is cut into messages, one lock a
conversation, the HTTP calls (one retry of a 429/5xx) with secrets kept out of the logs, and
the webhook answers."""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable
from typing import Any

import httpx
from fastapi import Request
from fastapi.responses import JSONResponse

from rag.records import OCR_NOTE, Answer

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


def _date(iso: str | None) -> str | None:
    match = _ISO_DATE.fullmatch(iso or "")
    return f"{match[3]}/{match[2]}/{match[1]}" if match else iso


def format_reply(answer: Answer) -> str:
    """"Hiểu là: …" when the question was read otherwise than typed (a typo corrected, a
    follow-up completed), then the answer or the refusal, then one short line per source:
    ``Nguồn: <title> (<dd/mm/yyyy>)``, with its page for a PDF or a scan (", trang 3") and,
    for a page read by OCR, ``(văn bản quét, OCR — nên đối chiếu bản gốc)``.  A figure is
    given by its summary first -- what it is and for which period, a line a period when
    several were asked; the bare figure after it only when the summary does not hold it --
    and each source names its
    period and quotes, on the next line, the clause the figure stands in (the summary is not
    the report's own words).  Without a summary: the figure, then the sentence it comes
    from."""
    head = answer.answer.strip()
    summary = (answer.summary or "").strip() if answer.found else ""
    several = len(answer.parts) >= 2
    if summary:
        # what the figure is, for which period, first; the bare figure only when the
        # summary does not hold it
        lines = [summary] if several or head in summary else [summary, head]
    else:
        lines = [head]
        sentence = (answer.answer_sentence or "").strip()
        if answer.found and sentence and sentence != head:
            lines.append(sentence)
    if answer.found and answer.sure is False:  # the fitted scorer is not sure of it
        lines.append("(Chưa chắc chắn: hãy đối chiếu với nguồn dưới đây.)")
    resolved = " ".join(answer.resolved_question.split())
    if resolved and resolved.casefold() != " ".join(answer.question.split()).casefold():
        lines.insert(0, f"Hiểu là: {resolved}")
    cited = ([(p.period, c) for p in answer.parts if p.found for c in p.citations] if several
             else [("", c) for c in answer.citations])
    sources: list[str] = []
    for period, c in cited if answer.found else ():
        date = _date(c.date)
        line = (f"Nguồn{f' ({period})' if period else ''}: {c.title}"
                + (f" ({date})" if date else "") + (f", trang {c.page}" if c.page else "")
                + (f" ({OCR_NOTE})" if c.ocr else ""))
        if summary and c.quote.strip():
            line += f"\n“{' '.join(c.quote.split())}”"
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


def chat_lock(key: str) -> threading.Lock:
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


def post_json(http: httpx.Client, url: str, what: str, backoff: float,
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


def redact_in_httpx_logs(secret: str) -> None:
    """Keep ``secret`` (a token in a URL) out of httpx's request logs: a filter replaces it."""
    logger = logging.getLogger("httpx")
    if not any(isinstance(f, _Redact) and f.secret == secret for f in logger.filters):
        logger.addFilter(_Redact(secret))


# --- the routes ------------------------------------------------------------------------------


async def read_body(request: Request) -> bytes | None:
    """The raw body, or None when it is larger than any Zalo event."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_EVENT_BYTES:
        return None
    raw = await request.body()
    return raw if len(raw) <= MAX_EVENT_BYTES else None


def obj(d: dict[str, Any], key: str) -> dict[str, Any]:
    """``d[key]`` when it is a dict, else an empty dict (for reading untrusted JSON)."""
    value = d.get(key)
    return value if isinstance(value, dict) else {}


def ok() -> JSONResponse:
    """The webhook's 200 reply: {"ok": true}."""
    return JSONResponse({"ok": True})


def refuse(status: int, detail: str) -> JSONResponse:
    """A JSON error reply with ``status`` and ``detail``."""
    return JSONResponse({"detail": detail}, status_code=status)


def deliver(what: str, key: str, send: Callable[[], int],
            sent: Callable[[], None] | None = None) -> None:
    """Answer and send one conversation's message under its lock, then ``sent()`` (the
    delivery is marked answered); a failure is logged and leaves it unmarked, so that the
    platform's redelivery is answered."""
    try:
        with chat_lock(key):
            n = send()
    except ZaloAPIError as exc:
        log.error("zalo: %s reply not delivered: %s", what, exc)
    else:
        log.info("zalo: %s reply sent in %d message(s)", what, n)
        if sent is not None:
            sent()
