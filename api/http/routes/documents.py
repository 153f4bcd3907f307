"""/documents: upload (multipart or JSON), list, read and delete the indexed documents.

Uploads and deletions wait for the index writer in threads of their own, at most
``RAG_WRITE_THREADS``, so waiting writes never take the threads questions and /readyz need."""

from __future__ import annotations

from typing import Annotated

from anyio import to_thread
from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response

from api.http.deps import ServiceDep
from api.http.errors import ERRORS, ERRORS_404
from api.http.schemas import ErrorOut
from api.http.security import bearer_scheme
from api.http.uploads import UPLOAD_BODY, read_document
from rag.errors import UnknownDocument
from rag.records import Document, DocumentList, DocumentView, Upload, UploadJob

TAG = "tài liệu / documents"
router = APIRouter(tags=[TAG])
WRITE_AUTH = [Depends(bearer_scheme)]


@router.post("/documents", status_code=201, response_model=Upload, dependencies=WRITE_AUTH,
             openapi_extra=UPLOAD_BODY,
             summary="Thêm hoặc cập nhật tài liệu / add or replace a document",
             responses={**ERRORS, 400: {"model": ErrorOut, "description": "Malformed upload"},
                        202: {"model": UploadJob, "description": "A scan accepted, to be read "
                              "by OCR and indexed in the background: poll GET /documents/{id}"},
                        415: {"model": ErrorOut, "description": "Unsupported file type"},
                        507: {"model": ErrorOut, "description": "The disk is full"}})
async def add_document(doc: Annotated[Document | UploadJob, Depends(read_document)],
                       request: Request, service: ServiceDep) -> Upload | JSONResponse:
    """Multipart `file` (.txt .md .html .pdf .docx .xlsx .csv, scans as .pdf .png .jpg .tif,
    optional `id`) or JSON `{"id"?, "title"?, "text", "date"?}`.  201: indexed (`ocr_pages`,
    `low_confidence`: pages read by OCR, and those read with low confidence).  202: a scan
    with more pages to read than RAG_OCR_SYNC_PAGES, accepted: it is read and indexed in the
    background, its status at GET /documents/{id} (Location), and this upload's own at
    GET /documents/{id}/uploads/{job} (`job` in the answer).  413: larger than
    RAG_MAX_UPLOAD_BYTES; 415: unsupported file type; 422: empty, binary, unreadable, no
    text left, or over an OCR limit (the index is then unchanged); 503: a scan and Tesseract
    is not installed; 400: malformed multipart; 503 (read-only) or 507 (disk full): the index
    cannot be written, and the one in use is unchanged; 503 with Retry-After: another
    process held the index too long."""
    if isinstance(doc, UploadJob):
        return JSONResponse(jsonable_encoder(doc), status_code=202,
                            headers={"Location": f"/documents/{doc.id}"})
    return await to_thread.run_sync(service.add_document, doc,
                                    limiter=request.app.state.writes)


@router.get("/documents", response_model=DocumentList, responses=ERRORS,
            summary="Danh sách tài liệu / list documents")
def list_documents(service: ServiceDep) -> DocumentList:
    """Every document of the index, with its passages count and source."""
    return service.list_documents()


@router.get("/documents/{doc_id}", response_model=DocumentView,
            responses={**ERRORS_404, 202: {"model": UploadJob, "description": "An upload of "
                                           "this id is being read or indexed: poll again"}},
            summary="Một tài liệu / one document")
def get_document(doc_id: str, service: ServiceDep) -> DocumentView | JSONResponse:
    """The document, whole (200; `upload`: its last background upload).  202: an upload of
    this id is still queued, being read by OCR (`pages_read` of `pages`) or indexed (the
    newest such; each upload's own status at /documents/{id}/uploads/{job}).  422:
    the background upload of a document not in the index failed (`detail` says why).
    404: no such document."""
    job = service.upload_job(doc_id)
    if job is not None and job.status in ("queued", "reading", "indexing"):
        return JSONResponse(jsonable_encoder(job), status_code=202)
    try:
        return service.get_document(doc_id)
    except UnknownDocument:
        if job is not None and job.status == "failed":
            return JSONResponse({"detail": job.error}, status_code=422)
        raise


@router.get("/documents/{doc_id}/uploads/{job}", response_model=UploadJob,
            responses=ERRORS_404,
            summary="Một lần tải lên chạy nền / one background upload")
def get_upload(doc_id: str, job: str, service: ServiceDep) -> UploadJob:
    """The background upload `job` of this document, whichever server process took it:
    queued, reading (`pages_read` of `pages`), indexing, done (`upload`), failed (`error`)
    or cancelled (the document was deleted first).  404: no such upload of this document."""
    found = service.upload_job(doc_id, job)
    if found is None:
        raise HTTPException(404, f"no upload {job!r} of document {doc_id!r} / không có lần "
                                 f"tải lên này")
    return found


@router.delete("/documents/{doc_id}", status_code=204, dependencies=WRITE_AUTH,
               responses=ERRORS_404, summary="Xoá tài liệu / delete a document")
async def delete_document(doc_id: str, request: Request, service: ServiceDep) -> Response:
    """Removes the document and cancels its background uploads not yet indexed (204);
    404 when there is neither."""
    # decided on the index on disk, under the write lock: a document another process added
    # is found, one removed meanwhile is not (404)
    """Remove a document from the index (404 when there is none)."""
    await to_thread.run_sync(service.delete_document, doc_id,
                             limiter=request.app.state.writes)
    return Response(status_code=204)
