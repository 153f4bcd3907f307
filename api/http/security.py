"""API key check and per-client rate limit, as one ASGI middleware in front of every route.

With ``RAG_API_KEY`` set, writes to /documents need ``Authorization: Bearer <key>``; with
``RAG_PUBLIC=false`` every endpoint but the health checks needs it.  The rate limit is a moving
window of ``RAG_RATE_LIMIT_PER_MINUTE`` requests per client (the key when a valid one is sent,
else the client's address -- taken from X-Forwarded-For only when the request comes from a
trusted proxy, ``RAG_FORWARDED_ALLOW_IPS``, by uvicorn's ProxyHeadersMiddleware in front),
counted by the ``limits`` library; health checks, /metrics and the web page with its static
files are exempt.  The key and the Authorization header are never logged.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import math
import time

from fastapi.security import HTTPBearer
from limits import RateLimitItemPerSecond
from limits.errors import ConfigurationError
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter
from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

log = logging.getLogger(__name__)

HEALTH_PATHS = frozenset({"/healthz", "/readyz"})
# the health checks, the metrics and the web page with its static files are not rate limited
RATE_EXEMPT_PATHS = HEALTH_PATHS | {"/metrics", "/"}
RATE_EXEMPT_PREFIXES = ("/static/",)
# Chat platforms cannot send our key and all come from a few addresses: their webhooks are
# verified by their own signatures instead, and are not rate limited per client.
PLATFORM_PREFIXES = ("/slack/", "/zalo/", "/zalo-bot/")


def is_platform(path: str) -> bool:
    """Whether ``path`` is a chat platform's webhook (PLATFORM_PREFIXES: verified by the
    platform's own signature, not the API key)."""
    return path.startswith(PLATFORM_PREFIXES)
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})

# Declares the scheme in the OpenAPI document (the "Authorize" button of /docs); the middleware
# below does the checking, so this never rejects anything itself.
bearer_scheme = HTTPBearer(auto_error=False, scheme_name="apiKey",
                           description="RAG_API_KEY: `Authorization: Bearer <key>`")


def bearer_token(authorization: str | None) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` header, else None."""
    if not authorization:
        return None
    scheme, _, token = authorization.strip().partition(" ")
    token = token.strip()
    return token if scheme.lower() == "bearer" and token else None


def key_matches(token: str | None, key: str | None) -> bool:
    """Constant-time comparison of a presented token with the configured key."""
    if not token or not key:
        return False
    return hmac.compare_digest(token.encode("utf-8"), key.encode("utf-8"))


def is_write(method: str, path: str) -> bool:
    """Requests that change the corpus: POST/DELETE (and PUT/PATCH) under /documents."""
    path = path.rstrip("/") or "/"
    return method in WRITE_METHODS and (path == "/documents" or path.startswith("/documents/"))


class RateLimiter:
    """At most ``per_minute`` accepted requests per client in any ``window`` seconds (a moving
    window), counted by the ``limits`` library in ``storage`` -- ``memory://`` (this process
    only) or a shared store such as ``redis://host:6379`` (every process and host).
    Thread-safe; raises ValueError for a limit under 1 or an unknown storage URI."""

    def __init__(self, per_minute: int, window: int = 60, storage: str = "memory://") -> None:
        if per_minute < 1:
            raise ValueError("per_minute must be at least 1 (0 means no limiter at all)")
        try:
            self._storage = storage_from_string(storage)
        except ConfigurationError as exc:
            raise ValueError(f"rate limit storage {storage!r}: {exc}") from exc
        self.per_minute = per_minute
        self.window = window
        self._item = RateLimitItemPerSecond(per_minute, window)
        self._limiter = MovingWindowRateLimiter(self._storage)

    def hit(self, client: str) -> float | None:
        """Count one request; None when it is allowed, else seconds until it would be."""
        if self._limiter.hit(self._item, client):
            return None
        reset = self._limiter.get_window_stats(self._item, client).reset_time
        return max(reset - time.time(), 0.0)


class SecurityMiddleware:
    """Rate limit, then API key, before the request reaches any route or static file."""

    def __init__(self, app: ASGIApp, api_key: str | None, public: bool,
                 limiter: RateLimiter | None) -> None:
        if not public and not api_key:
            raise ValueError("RAG_PUBLIC=false needs RAG_API_KEY: no request could be "
                             "authorised")
        self.app = app
        self.api_key = api_key or None
        self.public = public
        self.limiter = limiter
        # Requests made with the key share one bucket, named without revealing the key.
        self._key_client = ("key:" + hashlib.sha256(self.api_key.encode()).hexdigest()[:8]
                            if self.api_key else "")

    def needs_key(self, method: str, path: str) -> bool:
        """Whether a request needs the API key: a key is set, the path is neither a health check
        nor a platform webhook, and the API is not public or the request writes."""
        if self.api_key is None or path in HEALTH_PATHS or is_platform(path):
            return False
        return not self.public or is_write(method, path)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method, path = scope["method"], scope["path"]
        token = bearer_token(Headers(scope=scope).get("authorization"))
        authorised = key_matches(token, self.api_key)
        if self.limiter is not None and path not in RATE_EXEMPT_PATHS \
                and not path.startswith(RATE_EXEMPT_PREFIXES) and not is_platform(path):
            client = scope.get("client")
            who = self._key_client if authorised else (client[0] if client else "unknown")
            retry = self.limiter.hit(who)
            if retry is not None:
                seconds = max(1, math.ceil(retry))
                log.info("rate limit: %s %s refused, retry in %d s", method, path, seconds)
                response = JSONResponse(
                    {"detail": f"too many requests: at most {self.limiter.per_minute} per "
                               f"minute; retry in {seconds} s / quá nhiều yêu cầu, thử lại "
                               f"sau {seconds} giây"},
                    status_code=429, headers={"Retry-After": str(seconds)})
                await response(scope, receive, send)
                return
        if self.needs_key(method, path) and not authorised:
            log.info("unauthorised %s %s (%s)", method, path,
                     "wrong key" if token else "no key")
            challenge = 'Bearer realm="rag"' + (', error="invalid_token"' if token else "")
            response = JSONResponse(
                {"detail": "missing or invalid API key: send Authorization: Bearer <key> / "
                           "thiếu hoặc sai khóa API"},
                status_code=401, headers={"WWW-Authenticate": challenge})
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)
