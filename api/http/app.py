"""The HTTP API: a thin shell over one RagService, built by ``create_app(settings)``.

The service is created and its index loaded once in the lifespan; routes get it through
``Depends``.  CPU-bound routes are plain ``def`` so FastAPI runs them in its threadpool, and none
holds the index across an ``await``: an upload swaps the index atomically, so a question sees
the old index or the new one.
"""

from __future__ import annotations

import errno
import hashlib
import json
import logging
import re
import time
from collections.abc import AsyncGenerator, AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any

from anyio import CapacityLimiter, to_thread
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.responses import StreamingResponse
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from api.http.metrics import CONTENT_TYPE, Metrics, MetricsMiddleware
from api.http.schemas import (
    DOC_ID_PATTERN,
    AnswerOut,
    AskRequest,
    ChatAnswerOut,
    ChatRequest,
    DocumentIn,
    DocumentList,
    DocumentOut,
    ErrorOut,
    HealthOut,
    ReadyOut,
    SearchOut,
    SessionOut,
    UploadOut,
)
from api.http.security import RateLimiter, SecurityMiddleware, bearer_scheme
from index import IndexBusyError, IndexStoreError, IndexWriteError, NoIndexError
from rag.ingest.readers import UPLOAD_TYPES, IngestError, make_document, read_upload
from rag.records import Answer, Document, SearchResult
from rag.search.retrieve import Filters
from rag.service import RagService
from rag.settings import Settings

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().parent / "static"
# Room for the multipart framing and the other form fields around an uploaded file.
BODY_SLACK = 64 * 1024

PLACEHOLDER_PAGE = """<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Hỏi đáp Sở Công Thương Lạng Sơn</title></head>
<body><h1>Hỏi đáp Sở Công Thương Lạng Sơn</h1>
<p>Trang web chưa được cài đặt. Xem tài liệu API tại <a href="docs">/docs</a>.</p>
<p>The web page is not installed; see the API documentation at <a href="docs">/docs</a>.</p>
</body></html>
"""

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
    {"name": "hỏi đáp / questions", "description": "Hỏi và trò chuyện / ask and chat."},
    {"name": "tài liệu / documents", "description": "Kho tài liệu / the indexed documents."},
    {"name": "vận hành / operations", "description": "Health checks and metrics."},
]
Q, DOCS, OPS = (t["name"] for t in TAGS)

NO_INDEX = ("no index yet: upload a document (POST /documents) or run `rag index` / "
            "chưa có chỉ mục: hãy tải tài liệu lên")
BUSY = ("the index is being written by another process; nothing was changed, try again / "
        "chỉ mục đang được ghi, vui lòng thử lại sau")
BAD_INDEX = "the index cannot be loaded; see the server log / không đọc được chỉ mục"
NOT_WRITTEN = ("the index cannot be written (disk full or read-only), so the change was not "
               "saved; answers still come from the current index / không ghi được chỉ mục, "
               "thay đổi chưa được lưu")


def _is_missing(exc: IndexStoreError) -> bool:
    return isinstance(exc, NoIndexError)


def _index_problem(exc: IndexStoreError) -> str:
    """A reason for a client, without the server's paths."""
    if _is_missing(exc):
        return NO_INDEX
    log.error("index unavailable: %s", exc)
    return BAD_INDEX


# --- dependencies ------------------------------------------------------------------------


async def get_service(request: Request) -> RagService:
    service: RagService = request.app.state.service
    return service


async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


ServiceDep = Annotated[RagService, Depends(get_service)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


def ready_service(service: ServiceDep) -> RagService:
    """The service, once its index is loaded; else 503 (via the IndexStoreError handler)."""
    _ = service.index  # loads it if an upload or `rag index` has created it since
    return service


ReadyDep = Annotated[RagService, Depends(ready_service)]


def _check_length(text: str, settings: Settings, what: str = "question") -> None:
    limit = settings.max_question_chars
    if len(text) > limit:
        raise HTTPException(413, f"the {what} is longer than {limit} characters / "
                                 f"câu hỏi dài quá {limit} ký tự")


# --- uploads -------------------------------------------------------------------------------


def _too_large(limit: int) -> HTTPException:
    return HTTPException(413, f"the upload is larger than {limit} bytes / tệp quá lớn")


async def _body(request: Request, cap: int, limit: int) -> AsyncGenerator[bytes, None]:
    """The request body, stopping with 413 as soon as it passes ``cap`` bytes."""
    total = 0
    async for chunk in request.stream():
        total += len(chunk)
        if total > cap:
            raise _too_large(limit)
        yield chunk


async def read_document(request: Request, settings: SettingsDep) -> Document:
    """The uploaded document: a multipart ``file`` (+ optional ``id``) or a JSON object."""
    limit = settings.max_upload_bytes
    cap = limit + BODY_SLACK
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap:
        raise _too_large(limit)
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "multipart/form-data":
        return await _read_multipart(request, cap, limit)
    if ctype == "application/json":
        return await _read_json(request, cap, limit)
    raise HTTPException(415, "send multipart/form-data with a `file` field, or application/json "
                             "{\"text\": ...} / gửi tệp (multipart) hoặc JSON")


async def _read_multipart(request: Request, cap: int, limit: int) -> Document:
    parser = MultiPartParser(request.headers, _body(request, cap, limit), max_files=1,
                             max_fields=8)
    try:
        form = await parser.parse()
    except MultiPartException as exc:
        raise HTTPException(400, f"malformed multipart upload: {exc.message}") from exc
    try:
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise HTTPException(422, "the multipart upload needs a `file` field / thiếu tệp")
        doc_id = form.get("id")
        if isinstance(doc_id, str) and doc_id.strip():
            if not _valid_id(doc_id.strip()):
                raise HTTPException(422, "`id` may hold only letters, digits, '_', '-' and '.' "
                                         "(not first; at most 100)")
            doc_id = doc_id.strip()
        else:
            doc_id = None
        filename = upload.filename or ""
        if Path(filename).suffix.lower() not in UPLOAD_TYPES:
            raise HTTPException(415, f"unsupported file type {Path(filename).suffix or '(none)'}"
                                     f"; use one of {', '.join(UPLOAD_TYPES)}")
        data = await upload.read(limit + 1)
        if len(data) > limit:
            raise _too_large(limit)
    finally:
        await form.close()
    try:
        return await run_in_threadpool(read_upload, filename, data, doc_id)
    except IngestError as exc:
        raise HTTPException(422, str(exc)) from exc


def _valid_id(doc_id: str) -> bool:
    return re.fullmatch(DOC_ID_PATTERN, doc_id) is not None


async def _read_json(request: Request, cap: int, limit: int) -> Document:
    body = b"".join([chunk async for chunk in _body(request, cap, limit)])
    try:
        doc_in = DocumentIn.model_validate_json(body)
    except ValidationError as exc:
        raise RequestValidationError(
            [{**e, "loc": ("body", *e["loc"])} for e in exc.errors(include_url=False)]) from exc
    if len(doc_in.text.encode("utf-8")) > limit:
        raise _too_large(limit)
    doc_id = doc_in.id or "doc-" + hashlib.sha256(doc_in.text.encode("utf-8")).hexdigest()[:12]
    try:
        return await run_in_threadpool(
            lambda: make_document(doc_id, doc_in.text, title=doc_in.title, date=doc_in.date,
                                  source="upload"))
    except IngestError as exc:
        raise HTTPException(422, str(exc)) from exc


UPLOAD_BODY: dict[str, Any] = {"requestBody": {"required": True, "content": {
    "multipart/form-data": {"schema": {
        "type": "object", "required": ["file"],
        "properties": {
            "file": {"type": "string", "format": "binary",
                     "description": "Tệp " + " ".join(UPLOAD_TYPES)},
            "id": {"type": "string", "pattern": DOC_ID_PATTERN,
                   "description": "Mã tài liệu; mặc định là tên tệp / default: the file name"},
        }}},
    "application/json": {"schema": DocumentIn.model_json_schema()},
}}}


# --- answers -------------------------------------------------------------------------------


def _sse(event: str, data: dict[str, Any]) -> str:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


def _answer_events(answer: Answer, result: SearchResult, n_hits: int,
                   t0: float) -> Iterator[str]:
    """retrieval -> answer -> citations -> done, from an answer computed beforehand."""
    yield _sse("retrieval", {"resolved_question": answer.resolved_question,
                             "hits": [h.to_dict() for h in result.hits[:n_hits]]})
    fields = answer.to_dict()
    citations = fields.pop("citations")
    yield _sse("answer", fields)
    yield _sse("citations", {"citations": citations})
    yield _sse("done", {"latency_ms": round((time.perf_counter() - t0) * 1000, 2)})


def _source(source: str | None) -> str | None:
    """"upload", or the name of the file a document came from (not the server's path)."""
    return source if source in (None, "upload") else Path(source).name


def _wants_sse(request: Request) -> bool:
    return "text/event-stream" in request.headers.get("accept", "").lower()


def _static_index() -> Response:
    page = STATIC_DIR / "index.html"
    if page.is_file():
        return FileResponse(page, media_type="text/html; charset=utf-8")
    return HTMLResponse(PLACEHOLDER_PAGE)


class _Static(StaticFiles):
    """Static files that answer 404, not 500, while the directory does not exist yet."""

    async def check_config(self) -> None:
        if self.directory is not None and not Path(self.directory).is_dir():
            raise HTTPException(404, "Not Found")
        await super().check_config()


# --- the app -------------------------------------------------------------------------------


ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorOut, "description": text} for code, text in {
        401: "API key missing or wrong", 413: "Question or upload too long",
        422: "Invalid input", 429: "Too many requests (see Retry-After)",
        503: "No index loaded yet, or another process is writing the index (see Retry-After)"
    }.items()}
# A JSON body that is not even text (not UTF-8) is refused by FastAPI with 400.
BAD_BODY: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "Body is not UTF-8 JSON"}}
# Routes that name a chat session or a document answer 404 when it does not exist.
ERRORS_404: dict[int | str, dict[str, Any]] = {
    **ERRORS, 404: {"model": ErrorOut, "description": "No such session or document"}}


def create_app(settings: Settings | None = None, service: RagService | None = None) -> FastAPI:
    """The FastAPI app; ``service`` lets tests share one embedder between apps."""
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
            index = await run_in_threadpool(getattr, svc, "index")
            log.info("index loaded: %d documents, %d chunks", len(index.docs), len(index))
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
    metrics = Metrics()
    limiter = (RateLimiter(cfg.rate_limit_per_minute, storage=cfg.rate_limit_storage)
               if cfg.rate_limit_per_minute > 0 else None)
    app.add_middleware(SecurityMiddleware, api_key=api_key, public=cfg.public,
                       limiter=limiter)
    app.add_middleware(MetricsMiddleware, metrics=metrics, routes=app.router.routes)
    # outermost: the client's address from X-Forwarded-For, only behind a trusted proxy
    app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=[
        h.strip() for h in cfg.forwarded_allow_ips.split(",") if h.strip()])
    _add_error_handlers(app)
    write_auth = [Depends(bearer_scheme)]
    # uploads and deletions wait for the index writer in threads of their own, at most this
    # many, so waiting writes never take the threads questions and /readyz need
    writes = CapacityLimiter(cfg.write_threads)

    # --- questions ---------------------------------------------------------------------

    @app.post("/ask", tags=[Q], response_model=AnswerOut, summary="Hỏi một câu / ask a question",
              responses={**ERRORS, **BAD_BODY, 200: {"content": {"text/event-stream": {
                  "description": "retrieval, answer, citations, done"}}}})
    def ask(body: AskRequest, request: Request, service: ReadyDep,
            settings: SettingsDep) -> Response:
        """Câu trả lời kèm trích dẫn. Answer with citations; `"stream": true` or
        `Accept: text/event-stream` sends Server-Sent Events `retrieval`, `answer`,
        `citations`, `done`."""
        _check_length(body.question, settings)
        t0 = time.perf_counter()
        filters = None
        if body.filters is not None and (body.filters.year is not None
                                         or body.filters.doc_ids is not None):
            doc_ids = body.filters.doc_ids
            filters = Filters(year=body.filters.year,
                              doc_ids=frozenset(doc_ids) if doc_ids is not None else None)
        n_hits = body.top_k or settings.top_k
        answer, result = service.ask_with_hits(body.question, top_k=body.top_k,
                                               filters=filters, mode=body.mode,
                                               search_top_k=n_hits)
        if body.stream or _wants_sse(request):
            return StreamingResponse(_answer_events(answer, result, n_hits, t0),
                                     media_type="text/event-stream",
                                     headers={"Cache-Control": "no-cache",
                                              "X-Accel-Buffering": "no"})
        return JSONResponse(answer.to_dict())

    @app.post("/chat", tags=[Q], response_model=ChatAnswerOut,
              responses={**ERRORS_404, **BAD_BODY},
              summary="Trò chuyện / chat")
    def chat(body: ChatRequest, service: ReadyDep, settings: SettingsDep) -> Response:
        """Một lượt trò chuyện; câu hỏi tiếp theo ("còn nhập khẩu?") được hiểu theo câu trước.
        One chat turn; omit `session_id` to start a session. Unknown or expired session: 404."""
        _check_length(body.message, settings, "message")
        try:
            session_id, answer = service.chat(body.message, body.session_id, mode=body.mode)
        except KeyError as exc:
            if body.session_id is None or exc.args[:1] != (body.session_id,):
                raise
            raise HTTPException(404, "unknown or expired chat session / phiên không tồn tại "
                                     "hoặc đã hết hạn") from exc
        return JSONResponse({**answer.to_dict(), "session_id": session_id})

    @app.get("/chat/{session_id}", tags=[Q], response_model=SessionOut, responses=ERRORS_404,
             summary="Lịch sử trò chuyện / chat history")
    def chat_history(session_id: str, service: ServiceDep) -> dict[str, Any]:
        session = service.history(session_id)
        if session is None:
            raise HTTPException(404, "unknown or expired chat session")
        return {"session_id": session.id, "created": session.created,
                "updated": session.updated,
                "turns": [{"question": t.question, "resolved_question": t.resolved_question,
                           "answer": t.answer, "created": t.created} for t in session.turns]}

    @app.delete("/chat/{session_id}", tags=[Q], status_code=204, responses=ERRORS_404,
                summary="Xoá phiên / delete a chat session")
    def chat_delete(session_id: str, service: ServiceDep) -> Response:
        if not service.sessions.delete(session_id):
            raise HTTPException(404, "unknown or expired chat session")
        return Response(status_code=204)

    @app.get("/search", tags=[Q], response_model=SearchOut, responses=ERRORS,
             summary="Tìm đoạn văn / search passages")
    def search(service: ReadyDep, settings: SettingsDep,
               q: Annotated[str, Query(min_length=1, description="Câu hỏi / the query",
                                       examples=["kim ngạch xuất khẩu 2018"])],
               top_k: Annotated[int | None, Query(ge=1, le=50)] = None,
               year: Annotated[int | None, Query(ge=1900, le=2100)] = None,
               doc_id: Annotated[list[str] | None, Query(
                   description="Chỉ trong tài liệu này (lặp lại được) / only these documents")
               ] = None) -> Response:
        """Các đoạn văn gần nhất với câu hỏi / the passages closest to the query."""
        if not q.strip():
            raise HTTPException(422, "the query is empty / câu hỏi trống")
        _check_length(q, settings)
        filters = (Filters(year=year, doc_ids=frozenset(doc_id) if doc_id is not None else None)
                   if year is not None or doc_id is not None else None)
        return JSONResponse(service.search(q, top_k=top_k, filters=filters).to_dict())

    # --- documents -----------------------------------------------------------------------

    @app.post("/documents", tags=[DOCS], status_code=201, response_model=UploadOut,
              dependencies=write_auth, openapi_extra=UPLOAD_BODY,
              summary="Thêm hoặc cập nhật tài liệu / add or replace a document",
              responses={**ERRORS, 400: {"model": ErrorOut, "description": "Malformed upload"},
                         415: {"model": ErrorOut, "description": "Unsupported file type"},
                         507: {"model": ErrorOut, "description": "The disk is full"}})
    async def add_document(doc: Annotated[Document, Depends(read_document)],
                           service: ServiceDep) -> dict[str, Any]:
        """Multipart `file` (.txt .md .html .pdf .docx, optional `id`) or JSON
        `{"id"?, "title"?, "text", "date"?}`. 413: larger than RAG_MAX_UPLOAD_BYTES;
        415: unsupported file type; 422: empty, binary, unreadable or no text left
        (the index is then unchanged); 400: malformed multipart; 503 (read-only) or 507 (disk
        full): the index cannot be written, and the one in use is unchanged."""
        report = await to_thread.run_sync(service.upsert, [doc], limiter=writes)
        status = ("added" if doc.id in report.added
                  else "changed" if doc.id in report.changed else "unchanged")
        log.info("document %s %s", doc.id, status)
        return {"id": doc.id, "chunks": service.chunks_of(doc.id), "status": status}

    @app.get("/documents", tags=[DOCS], response_model=DocumentList, responses=ERRORS,
             summary="Danh sách tài liệu / list documents")
    def list_documents(service: ServiceDep) -> dict[str, Any]:
        try:
            docs = service.documents()
        except IndexStoreError as exc:
            if not _is_missing(exc):
                raise
            docs = []
        return {"documents": [{"id": d.id, "title": d.title, "date": d.date,
                               "chunks": service.chunks_of(d.id), "source": _source(d.source)}
                              for d in docs]}

    def _document_or_404(service: RagService, doc_id: str) -> Document:
        try:
            doc = service.document(doc_id)
        except IndexStoreError as exc:
            if not _is_missing(exc):
                raise
            doc = None
        if doc is None:
            raise HTTPException(404, f"no document {doc_id!r} / không có tài liệu này")
        return doc

    @app.get("/documents/{doc_id}", tags=[DOCS], response_model=DocumentOut,
             responses=ERRORS_404,
             summary="Một tài liệu / one document")
    def get_document(doc_id: str, service: ServiceDep) -> dict[str, Any]:
        doc = _document_or_404(service, doc_id)
        return {"id": doc.id, "title": doc.title, "date": doc.date, "url": doc.url,
                "text": doc.text, "chunks": service.chunks_of(doc.id)}

    @app.delete("/documents/{doc_id}", tags=[DOCS], status_code=204, dependencies=write_auth,
                responses=ERRORS_404, summary="Xoá tài liệu / delete a document")
    async def delete_document(doc_id: str, service: ServiceDep) -> Response:
        def delete() -> None:
            # decided on the index on disk, under the write lock: a document another process
            # added is found, one removed meanwhile is not
            if doc_id not in service.remove([doc_id]).removed:
                raise HTTPException(404, f"no document {doc_id!r} / không có tài liệu này")

        await to_thread.run_sync(delete, limiter=writes)
        log.info("document %s removed", doc_id)
        return Response(status_code=204)

    # --- operations ----------------------------------------------------------------------

    @app.get("/healthz", tags=[OPS], response_model=HealthOut)
    async def healthz() -> dict[str, str]:
        """The process is up / tiến trình đang chạy."""
        return {"status": "ok"}

    @app.get("/readyz", tags=[OPS], response_model=ReadyOut,
             responses={503: {"model": ErrorOut, "description": "No index loaded"}})
    async def readyz(service: ServiceDep) -> Response:
        """Ready to answer: the index is loaded / sẵn sàng trả lời."""
        index = service.loaded  # no server thread needed once the index is in memory
        try:
            if index is None:
                index = await run_in_threadpool(lambda: service.index)
        except IndexStoreError as exc:
            return JSONResponse({"status": "not ready", "detail": _index_problem(exc)},
                                status_code=503)
        return JSONResponse({"status": "ready", "documents": len(index.docs),
                             "chunks": len(index), "generation": index.generation})

    @app.get("/metrics", tags=[OPS], response_class=Response,
             responses={200: {"content": {CONTENT_TYPE: {}}}})
    def metrics_text(service: ServiceDep) -> Response:
        """Prometheus text format 0.0.4."""
        try:
            index = service.index
            docs, chunks, ready = len(index.docs), len(index), 1
        except IndexStoreError:
            docs = chunks = ready = 0
        text = metrics.render({
            "rag_index_documents": ("Documents in the live index.", docs),
            "rag_index_chunks": ("Chunks in the live index.", chunks),
            "rag_index_ready": ("1 when an index is loaded.", ready),
        })
        return Response(text, media_type=CONTENT_TYPE)

    # --- the web page --------------------------------------------------------------------

    @app.get("/", include_in_schema=False)
    def home() -> Response:
        return _static_index()

    app.mount("/static", _Static(directory=STATIC_DIR, check_dir=False), name="static")

    # --- chat platforms (only when configured) -----------------------------------------

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
    worker process builds (uvicorn's ``factory=True``)."""
    return create_app(Settings())


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(IndexStoreError)
    async def index_unavailable(request: Request, exc: IndexStoreError) -> JSONResponse:
        if isinstance(exc, IndexBusyError):  # another process is writing; nothing was written
            log.warning("index busy: %s", exc)
            return JSONResponse({"detail": BUSY}, status_code=503,
                                headers={"Retry-After": str(exc.retry_after)})
        if isinstance(exc, IndexWriteError):  # the live index is untouched
            log.error("index not written: %s", exc)
            return JSONResponse({"detail": NOT_WRITTEN},
                                status_code=507 if exc.errno == errno.ENOSPC else 503)
        return JSONResponse({"detail": _index_problem(exc)}, status_code=503)

    @app.exception_handler(ValueError)
    async def bad_value(request: Request, exc: ValueError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=422)

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> JSONResponse:
        log.error("unhandled error in %s %s", request.method, request.url.path,
                  exc_info=(type(exc), exc, exc.__traceback__))
        return JSONResponse({"detail": "internal error"}, status_code=500)
