"""Reading an uploaded document off the wire: a multipart ``file`` (and optional ``id``) or a
JSON object, stopped with 413 as soon as it passes ``RAG_MAX_UPLOAD_BYTES`` (a transport
concern); what the document is -- its id, its type, its text -- the service decides."""

from __future__ import annotations

import codecs
import re
from collections.abc import AsyncGenerator
from email.message import Message
from email.utils import collapse_rfc2231_value
from typing import Any
from urllib.parse import unquote_to_bytes

from fastapi import HTTPException, Request
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser

from api.http.deps import ServiceDep, SettingsDep
from api.http.schemas import DocumentIn
from rag.records import UPLOAD_TYPES, Document, UploadJob
from rag.service import DOC_ID_PATTERN

# Room for the multipart framing and the other form fields around an uploaded file.
BODY_SLACK = 64 * 1024


def too_large(limit: int) -> HTTPException:
    """The 413 error for an upload over ``limit`` bytes."""
    return HTTPException(413, f"the upload is larger than {limit} bytes / tệp quá lớn")


async def _body(request: Request, cap: int, limit: int) -> AsyncGenerator[bytes, None]:
    """The request body, stopping with 413 as soon as it passes ``cap`` bytes."""
    total = 0
    async for chunk in request.stream():
        total += len(chunk)
        if total > cap:
            raise too_large(limit)
        yield chunk


async def read_document(request: Request, settings: SettingsDep,
                        service: ServiceDep) -> Document | UploadJob:
    """The uploaded document: a multipart ``file`` (+ optional ``id``) or a JSON object; or,
    for a scan with more pages to read than ``RAG_OCR_SYNC_PAGES``, the background job that
    will read and index it (``RagService.take_file``)."""
    limit = settings.max_upload_bytes
    cap = limit + BODY_SLACK
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap:
        raise too_large(limit)
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "multipart/form-data":
        return await _read_multipart(request, service, cap, limit)
    if ctype == "application/json":
        return await _read_json(request, service, cap, limit)
    raise HTTPException(415, "send multipart/form-data with a `file` field, or application/json "
                             "{\"text\": ...} / gửi tệp (multipart) hoặc JSON")


class _Parser(MultiPartParser):
    """Starlette's multipart parser, also taking a part's file name given the RFC 2231 way
    (``filename*=utf-8''B%C3%A1o%20c%C3%A1o.txt``, as requests and httpie send a non-ASCII
    name), which it would otherwise read as a plain field."""

    def on_headers_finished(self) -> None:
        disposition = self._current_part.content_disposition
        if disposition and b"filename*" in disposition.lower():
            self._current_part.content_disposition = _plain_disposition(disposition)
        super().on_headers_finished()


def _plain_disposition(raw: bytes) -> bytes:
    """A Content-Disposition with ``filename*`` (RFC 2231 / 5987, decoded by the standard
    library's email package) rewritten as a plain quoted UTF-8 ``filename``.  When it also
    has a plain ``filename`` -- the ASCII fallback clients send beside it ("Bao cao.txt") --
    ``filename*`` wins (RFC 6266, 4.3): the name keeps its diacritics; a ``filename*`` that
    cannot be read (:func:`check_encoded_name`) leaves the fallback as the name, and without
    one is refused."""
    text = raw.decode("latin-1")
    try:
        check_encoded_name(text)
    except MultiPartException:
        if not any(m.group(1).lower() == "filename" for m in _PARAM_RE.finditer(text)):
            raise  # no ASCII fallback to read instead (RFC 6266, 4.3)
        text = _PARAM_RE.sub(lambda m: "" if _ENCODED_PART_RE.fullmatch(m.group(1))
                             else m.group(0), text)
    msg = Message()
    msg["content-disposition"] = text
    name = msg.get_param("name", header="content-disposition")
    params = msg.get_params(header="content-disposition") or []
    names = [v for k, v in params if k.lower() == "filename"]
    plain = next((v for v in names if isinstance(v, str)), None)
    encoded = [v for v in names if isinstance(v, tuple)]
    filename = collapse_rfc2231_value(encoded[0]) if encoded else plain
    if not isinstance(name, str) or not isinstance(filename, str):
        return raw

    def quoted(value: str) -> str:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'

    return f"form-data; name={quoted(name)}; filename={quoted(filename)}".encode()


# One parameter of a header: its name, and its value as written (a token or a quoted string).
_PARAM_RE = re.compile(r""";\s*([^\s=;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)""")
_ENCODED_PART_RE = re.compile(r"filename\*(?:(\d+)(\*)?)?", re.IGNORECASE)
_EXT_VALUE_RE = re.compile(r"([^']*)'[^']*'(.*)")
_BROKEN_PCT_RE = re.compile(r"%(?![0-9A-Fa-f]{2})")


def _bad_name(why: str) -> MultiPartException:
    return MultiPartException(f"the file name filename* {why} / tên tệp (filename*) sai dạng")


def check_encoded_name(disposition: str) -> None:
    """MultiPartException (a 400 naming the problem) when a Content-Disposition's
    ``filename*`` parameters cannot be read as RFC 2231 / 5987 write them: a single
    ``filename*`` must be a ``charset'language'value`` (RFC 5987's ext-value, bare or --
    as clients also send it -- quoted: ``filename*="utf-8''x.txt"``) naming a character set (not
    ``''x.txt``) that is known (not "utf-9"), its value percent-encoded ("%ZZ") text in that
    character set ("%C3" alone is cut short); continuations (``filename*0*=``,
    ``filename*1=``) are numbered from 0 without a gap (RFC 2231, 3: ``filename*1`` alone
    is no name), the first extended one carrying the character set the same way, and never
    beside a single ``filename*``."""
    single: list[str] = []
    parts: dict[int, tuple[bool, str]] = {}
    for m in _PARAM_RE.finditer(disposition):
        key = _ENCODED_PART_RE.fullmatch(m.group(1))
        if key is None:
            continue
        value = m.group(2).strip()
        if key.group(1) is None:
            single.append(value)
        elif int(key.group(1)) in parts or (key.group(1) != "0" and key.group(1)[0] == "0"):
            raise _bad_name(f"repeats or misnumbers its part {key.group(1)} (RFC 2231)")
        else:
            parts[int(key.group(1))] = (key.group(2) is not None, value)
    if not single and not parts:
        return
    if single and parts or len(single) > 1:
        raise _bad_name("is given more than once (RFC 2231)")
    if parts:
        if sorted(parts) != list(range(len(parts))):
            raise _bad_name(f"continues from part {min(parts) if 0 not in parts else 0} "
                            "without its parts numbered 0, 1, ... (RFC 2231)")
        extended, first = parts[0]
        if not extended:
            return  # plain (quoted) continuations: no charset to check
        charset, encoded = _ext_value(first)
        encoded += "".join(v for ext, v in (parts[i] for i in range(1, len(parts))) if ext)
    else:
        charset, encoded = _ext_value(single[0])
    if _BROKEN_PCT_RE.search(encoded):
        raise MultiPartException("the file name filename* is not percent-encoded (RFC 5987: "
                                 "a % followed by two hex digits) / tên tệp mã hóa sai")
    try:
        unquote_to_bytes(encoded).decode(charset)
    except UnicodeDecodeError as exc:
        raise MultiPartException(f"the file name filename* is not {charset} text once "
                                 f"decoded ({exc.reason}) / tên tệp mã hóa sai") from exc


def _ext_value(value: str) -> tuple[str, str]:
    """The character set and the percent-encoded value of an RFC 5987 ext-value; raises
    MultiPartException when it has no ``charset'language'`` or no character
    set, or names one Python does not know."""
    if len(value) > 1 and value[0] == value[-1] == '"':
        # RFC 5987 writes it bare, but clients quote it (filename*="UTF-8''B%C3%A1o.xlsx"),
        # and the standard library's email package reads it so: the quotes are not the name
        value = value[1:-1]
    ext = _EXT_VALUE_RE.fullmatch(value)
    if ext is None:
        raise MultiPartException("the file name filename* is not written as charset''name "
                                 "(RFC 5987) / tên tệp (filename*) sai dạng")
    charset = ext.group(1)
    if not charset:
        raise _bad_name("names no character set; write it as utf-8''name (RFC 5987)")
    if not _known_charset(charset):
        raise MultiPartException(f"the file name filename* names an unknown character set "
                                 f"{charset!r}; send it as UTF-8 / bảng mã của tên tệp "
                                 "không hợp lệ")
    return charset, ext.group(2)


def _known_charset(charset: str | None) -> bool:
    try:
        codecs.lookup(charset or "us-ascii")
    except LookupError:  # then the ASCII fallback is the name, if there is one
        return False
    return True


async def _read_multipart(request: Request, service: ServiceDep, cap: int,
                          limit: int) -> Document | UploadJob:
    parser = _Parser(request.headers, _body(request, cap, limit), max_files=1, max_fields=8)
    try:
        form = await parser.parse()
    except MultiPartException as exc:
        raise HTTPException(400, f"malformed multipart upload: {exc.message}") from exc
    try:
        upload = form.get("file")
        if upload is None:
            raise HTTPException(422, "the multipart upload needs a `file` field / thiếu tệp")
        if not isinstance(upload, UploadFile) or not (upload.filename or "").strip():
            # no filename, or an empty one (filename=""): the same clear answer, not 415
            raise HTTPException(422, "the `file` part carries no file name (Content-Disposition "
                                     "filename) / tệp không có tên")
        doc_id = form.get("id")
        filename = upload.filename or ""
        content_type = upload.content_type
        data = await upload.read(limit + 1)
        if len(data) > limit:
            raise too_large(limit)
    finally:
        await form.close()
    return await run_in_threadpool(
        lambda: service.take_file(filename, data, doc_id if isinstance(doc_id, str) else None,
                                  content_type))


async def _read_json(request: Request, service: ServiceDep, cap: int, limit: int) -> Document:
    body = b"".join([chunk async for chunk in _body(request, cap, limit)])
    try:
        doc_in = DocumentIn.model_validate_json(body)
    except ValidationError as exc:
        raise RequestValidationError(
            [{**e, "loc": ("body", *e["loc"])} for e in exc.errors(include_url=False)]) from exc
    if len(doc_in.text.encode("utf-8")) > limit:
        raise too_large(limit)
    return await run_in_threadpool(
        lambda: service.read_document(text=doc_in.text, title=doc_in.title, date=doc_in.date,
                                      doc_id=doc_in.id))


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
