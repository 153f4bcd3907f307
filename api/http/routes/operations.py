"""/healthz, /readyz and /metrics: for the orchestrator and the monitoring, not for people."""

from __future__ import annotations

import logging

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from api.http.deps import ServiceDep
from api.http.errors import NO_DATABASE, index_problem
from api.http.metrics import CONTENT_TYPE
from api.http.schemas import ErrorOut, HealthOut, ReadyOut
from rag.errors import IndexStoreError

TAG = "vận hành / operations"
router = APIRouter(tags=[TAG])
log = logging.getLogger(__name__)
# how long /readyz waits for the database's SELECT 1 (a connection of the pool included):
# under an orchestrator's usual one-second probe timeout, so the reason is seen
READY_DATABASE_TIMEOUT = 0.8


@router.get("/healthz", response_model=HealthOut)
async def healthz() -> dict[str, str]:
    """The process is up / tiến trình đang chạy."""
    return {"status": "ok"}


@router.get("/readyz", response_model=ReadyOut,
            responses={503: {"model": ErrorOut,
                             "description": "No index loaded, or the database is down"}})
async def readyz(service: ServiceDep) -> Response:
    """Ready to answer: the index is loaded and, with RAG_DATABASE_URL, the database answers
    / sẵn sàng trả lời."""
    if service.settings.database_url:
        try:
            await run_in_threadpool(service.check_store, READY_DATABASE_TIMEOUT)
        except IndexStoreError as exc:
            log.error("not ready: %s", exc)
            return JSONResponse({"status": "not ready", "detail": NO_DATABASE},
                                status_code=503)
    status = service.status(load=False)  # no server thread needed once the index is loaded
    try:
        if status is None:
            status = await run_in_threadpool(service.status)
    except IndexStoreError as exc:
        return JSONResponse({"status": "not ready", "detail": index_problem(exc)},
                            status_code=503)
    assert status is not None
    return JSONResponse({"status": "ready", "documents": status.documents,
                         "chunks": status.chunks, "generation": status.generation})


@router.get("/metrics", response_class=Response,
            responses={200: {"content": {CONTENT_TYPE: {}}}})
def metrics_text(request: Request, service: ServiceDep) -> Response:
    """Prometheus text format 0.0.4."""
    try:
        status = service.status()
    except IndexStoreError:
        status = None
    docs, chunks = (status.documents, status.chunks) if status else (0, 0)
    text = request.app.state.metrics.render({
        "rag_index_documents": ("Documents in the live index.", docs),
        "rag_index_chunks": ("Chunks in the live index.", chunks),
        "rag_index_ready": ("1 when an index is loaded.", 1 if status else 0),
    })
    return Response(text, media_type=CONTENT_TYPE)
