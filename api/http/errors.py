"""The library's errors (``rag.errors``) as HTTP answers, and the error responses each route
documents.  A client never sees a server path or a traceback."""

from __future__ import annotations

import errno
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from api.http.schemas import ErrorOut
from rag.errors import (
    IndexBusyError,
    IndexStoreError,
    IndexWriteError,
    IngestError,
    NoIndexError,
    OcrUnavailable,
    QuestionTooLong,
    SessionStoreError,
    UnknownDocument,
    UnknownSession,
    UnsupportedFileType,
)

log = logging.getLogger(__name__)

NO_INDEX = ("no index yet: upload a document (POST /documents) or run `rag index` / "
            "chưa có chỉ mục: hãy tải tài liệu lên")
BUSY = ("the index is being written by another process; nothing was changed, try again / "
        "chỉ mục đang được ghi, vui lòng thử lại sau")
BAD_INDEX = "the index cannot be loaded; see the server log / không đọc được chỉ mục"
NO_DATABASE = ("the database cannot be reached; see the server log / "
               "không kết nối được cơ sở dữ liệu")
NOT_WRITTEN = ("the index cannot be written (disk full or read-only), so the change was not "
               "saved; answers still come from the current index / không ghi được chỉ mục, "
               "thay đổi chưa được lưu")
NO_SESSION = "unknown or expired chat session / phiên không tồn tại hoặc đã hết hạn"

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


def index_problem(exc: IndexStoreError) -> str:
    """A reason for a client, without the server's paths."""
    if isinstance(exc, NoIndexError):
        return NO_INDEX
    log.error("index unavailable: %s", exc)
    return BAD_INDEX


def add_error_handlers(app: FastAPI) -> None:
    """Map every library error to its status; anything else is a logged 500."""

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
        return JSONResponse({"detail": index_problem(exc)}, status_code=503)

    @app.exception_handler(SessionStoreError)
    async def no_sessions(request: Request, exc: SessionStoreError) -> JSONResponse:
        log.error("%s", exc)
        return JSONResponse({"detail": "chat sessions are unavailable; see the server log / "
                                       "không mở được kho phiên trò chuyện"}, status_code=503)

    @app.exception_handler(QuestionTooLong)
    async def too_long(request: Request, exc: QuestionTooLong) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=413)

    @app.exception_handler(UnknownSession)
    async def no_session(request: Request, exc: UnknownSession) -> JSONResponse:
        return JSONResponse({"detail": NO_SESSION}, status_code=404)

    @app.exception_handler(UnknownDocument)
    async def no_document(request: Request, exc: UnknownDocument) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=404)

    @app.exception_handler(IngestError)
    async def unreadable(request: Request, exc: IngestError) -> JSONResponse:
        if isinstance(exc, OcrUnavailable):  # the server lacks Tesseract: not the file's fault
            log.error("%s", exc)
            return JSONResponse({"detail": str(exc)}, status_code=503)
        status = 415 if isinstance(exc, UnsupportedFileType) else 422
        return JSONResponse({"detail": str(exc)}, status_code=status)

    @app.exception_handler(ValueError)
    async def bad_value(request: Request, exc: ValueError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=422)

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> JSONResponse:
        log.error("unhandled error in %s %s", request.method, request.url.path,
                  exc_info=(type(exc), exc, exc.__traceback__))
        return JSONResponse({"detail": "internal error"}, status_code=500)
