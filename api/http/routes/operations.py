"""/healthz, /readyz and /metrics: for the orchestrator and the monitoring, not for people."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from api.http.deps import ServiceDep
from api.http.errors import index_problem
from api.http.metrics import CONTENT_TYPE
from api.http.schemas import ErrorOut, HealthOut, ReadyOut
from rag.errors import IndexStoreError

TAG = "vận hành / operations"
router = APIRouter(tags=[TAG])


@router.get("/healthz", response_model=HealthOut)
async def healthz() -> dict[str, str]:
    """The process is up / tiến trình đang chạy."""
    return {"status": "ok"}


@router.get("/readyz", response_model=ReadyOut,
            responses={503: {"model": ErrorOut, "description": "No index loaded"}})
async def readyz(service: ServiceDep) -> Response:
    """Ready to answer: the index is loaded / sẵn sàng trả lời."""
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
