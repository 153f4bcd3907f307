"""/documents: upload (multipart or JSON), list, read and delete the indexed documents.

Uploads and deletions wait for the index writer in threads of their own, at most
``RAG_WRITE_THREADS``, so waiting writes never take the threads questions and /readyz need."""

from __future__ import annotations

from typing import Annotated

from anyio import to_thread
from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from api.http.deps import ServiceDep
from api.http.errors import ERRORS, ERRORS_404
from api.http.schemas import ErrorOut
from api.http.security import bearer_scheme
from api.http.uploads import UPLOAD_BODY, read_document
from rag.records import Document, DocumentList, DocumentView, Upload

TAG = "tài liệu / documents"
router = APIRouter(tags=[TAG])
WRITE_AUTH = [Depends(bearer_scheme)]


@router.post("/documents", status_code=201, response_model=Upload, dependencies=WRITE_AUTH,
             openapi_extra=UPLOAD_BODY,
             summary="Thêm hoặc cập nhật tài liệu / add or replace a document",
             responses={**ERRORS, 400: {"model": ErrorOut, "description": "Malformed upload"},
                        415: {"model": ErrorOut, "description": "Unsupported file type"},
                        507: {"model": ErrorOut, "description": "The disk is full"}})
async def add_document(doc: Annotated[Document, Depends(read_document)], request: Request,
                       service: ServiceDep) -> Upload:
    """Multipart `file` (.txt .md .html .pdf .docx, optional `id`) or JSON
    `{"id"?, "title"?, "text", "date"?}`. 413: larger than RAG_MAX_UPLOAD_BYTES;
    415: unsupported file type; 422: empty, binary, unreadable or no text left
    (the index is then unchanged); 400: malformed multipart; 503 (read-only) or 507 (disk
    full): the index cannot be written, and the one in use is unchanged; 503 with
    Retry-After: another process held the index too long."""
    return await to_thread.run_sync(service.add_document, doc,
                                    limiter=request.app.state.writes)


@router.get("/documents", response_model=DocumentList, responses=ERRORS,
            summary="Danh sách tài liệu / list documents")
def list_documents(service: ServiceDep) -> DocumentList:
    return service.list_documents()


@router.get("/documents/{doc_id}", response_model=DocumentView, responses=ERRORS_404,
            summary="Một tài liệu / one document")
def get_document(doc_id: str, service: ServiceDep) -> DocumentView:
    return service.get_document(doc_id)


@router.delete("/documents/{doc_id}", status_code=204, dependencies=WRITE_AUTH,
               responses=ERRORS_404, summary="Xoá tài liệu / delete a document")
async def delete_document(doc_id: str, request: Request, service: ServiceDep) -> Response:
    # decided on the index on disk, under the write lock: a document another process added
    # is found, one removed meanwhile is not (404)
    await to_thread.run_sync(service.delete_document, doc_id,
                             limiter=request.app.state.writes)
    return Response(status_code=204)
