"""The HTTP API: a thin shell over one RagService, built by ``create_app(settings)``.

The service is created and its index loaded once in the lifespan, which also starts the thread
that follows generations other processes publish; routes (one module per resource in
``api/http/routes``) get it through ``Depends``.  CPU-bound routes are plain ``def`` so FastAPI
runs them in its threadpool, and none holds the index across an ``await``: an upload swaps the
index atomically, so a question sees the old index or the new one.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from anyio import CapacityLimiter
from fastapi import FastAPI
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from api.http.errors import add_error_handlers
from api.http.metrics import Metrics, MetricsMiddleware
from api.http.routes import documents, figures, operations, questions, web
from api.http.security import RateLimiter, SecurityMiddleware
from rag.errors import IndexStoreError
from rag.service import RagService
from rag.settings import Settings, settings_error

log = logging.getLogger(__name__)

DESCRIPTION = """\
Trợ lý hỏi đáp tiếng Việt trên các báo cáo của Sở Công Thương tỉnh Lạng Sơn: mỗi câu trả lời
kèm trích dẫn nguyên văn từ tài liệu nguồn.

Vietnamese question answering over the reports of the Lạng Sơn Department of Industry and
Trade; every answer comes with verbatim citations.

* `POST /ask`: một câu hỏi / one question (JSON, or Server-Sent Events with `"stream": true`).
* `POST /chat`: trò chuyện nhiều lượt / multi-turn chat ("còn nhập khẩu?" follows up).
* `GET /search`: các đoạn văn liên quan / the closest passages.
* `/documents`: thêm, xem, xoá tài liệu / add, list, read and delete documents.

When `RAG_API_KEY` is set, writes to `/documents` need `Authorization: Bearer <key>`;
with `RAG_PUBLIC=false` every endpoint except `/healthz` and `/readyz` needs it.
"""

TAGS = [
    {"name": questions.TAG, "description": "Hỏi và trò chuyện / ask and chat."},
    {"name": documents.TAG, "description": "Kho tài liệu / the indexed documents."},
    {"name": operations.TAG, "description": "Health checks and metrics."},
]


def create_app(settings: Settings | None = None, service: RagService | None = None) -> FastAPI:
    """The FastAPI app; ``service`` lets tests share one embedder between apps.  Raises
    ValueError for settings that could authorise no request."""
    cfg: Settings = settings or (service.settings if service is not None else Settings())
    api_key = (cfg.api_key or "").strip() or None
    if not cfg.public and api_key is None:
        raise ValueError("RAG_PUBLIC=false needs RAG_API_KEY: otherwise no request could be "
                         "authorised")

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        svc = service if service is not None else await run_in_threadpool(RagService, cfg)
        app.state.service = svc
        try:
            status = await run_in_threadpool(svc.status)
            assert status is not None
            log.info("index loaded: %d documents, %d chunks", status.documents, status.chunks)
        except IndexStoreError as exc:
            log.warning("starting without an index: %s", exc)
        svc.watch()  # generations other processes publish are loaded within the poll time
        yield
        if service is None:  # a service the app made is the app's to close
            svc.close()

    app = FastAPI(
        title="Hỏi đáp Sở Công Thương Lạng Sơn / Lạng Sơn Industry & Trade Q&A",
        version="0.1.0", description=DESCRIPTION, openapi_tags=TAGS, lifespan=lifespan)
    app.state.settings = cfg
    app.state.metrics = Metrics()
    # uploads and deletions wait for the index writer in threads of their own, at most this
    # many, so waiting writes never take the threads questions and /readyz need
    app.state.writes = CapacityLimiter(cfg.write_threads)
    limiter = (RateLimiter(cfg.rate_limit_per_minute, storage=cfg.rate_limit_storage)
               if cfg.rate_limit_per_minute > 0 else None)
    app.add_middleware(SecurityMiddleware, api_key=api_key, public=cfg.public,
                       limiter=limiter)
    app.add_middleware(MetricsMiddleware, metrics=app.state.metrics, routes=app.router.routes)
    # outermost: the client's address from X-Forwarded-For, only behind a trusted proxy
    app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=[
        h.strip() for h in cfg.forwarded_allow_ips.split(",") if h.strip()])
    add_error_handlers(app)
    for module in (questions, figures, documents, operations, web):
        app.include_router(module.router)
    web.mount_static(app)

    # chat platforms, only when configured
    def current_service() -> RagService:
        return app.state.service  # type: ignore[no-any-return]

    if cfg.slack_bot_token and cfg.slack_signing_secret:
        from api.slack import slack_router

        app.include_router(slack_router(cfg, current_service))
    if (cfg.zalo_app_id and cfg.zalo_oa_secret_key) or \
            (cfg.zalo_bot_token and cfg.zalo_bot_secret_token):
        from api.zalo import zalo_router

        app.include_router(zalo_router(cfg, current_service))
    return app


def app_from_env() -> FastAPI:
    """The app with settings read from the environment: what each `rag serve --workers N`
    worker process builds (uvicorn's ``factory=True``).  SystemExit with one line naming
    the environment variable of a setting that cannot be read."""
    try:
        settings = Settings()
    except ValidationError as exc:
        raise SystemExit(f"error: invalid setting {settings_error(exc)}") from None
    return create_app(settings)
