"""/ask, /chat and /search: questions go to the service, answers come back as its records."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response
from starlette.responses import StreamingResponse

from api.http.deps import ReadyDep, ServiceDep, SettingsDep
from api.http.errors import BAD_BODY, ERRORS, ERRORS_404
from api.http.schemas import AskRequest, ChatRequest
from rag.records import Answer, AskOptions, ChatAnswer, ChatHistory, Passages, SearchResult

TAG = "hỏi đáp / questions"
router = APIRouter(tags=[TAG])


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


def _wants_sse(request: Request) -> bool:
    return "text/event-stream" in request.headers.get("accept", "").lower()


@router.post("/ask", response_model=Answer, summary="Hỏi một câu / ask a question",
             responses={**ERRORS, **BAD_BODY, 200: {"content": {"text/event-stream": {
                 "description": "retrieval, answer, citations, done"}}}})
def ask(body: AskRequest, request: Request, service: ReadyDep,
        settings: SettingsDep) -> Response:
    """Câu trả lời kèm trích dẫn. Answer with citations; `"stream": true` or
    `Accept: text/event-stream` sends Server-Sent Events `retrieval`, `answer`,
    `citations`, `done`."""
    t0 = time.perf_counter()
    n_hits = body.top_k or settings.top_k
    f = body.filters
    options = AskOptions(passages=body.top_k, hits=n_hits, answer_mode=body.mode,
                         year=f.year if f else None,
                         doc_ids=frozenset(f.doc_ids) if f and f.doc_ids is not None else None,
                         today=body.today)
    answer, result = service.ask_with_hits(body.question, options)
    if body.stream or _wants_sse(request):
        return StreamingResponse(_answer_events(answer, result, n_hits, t0),
                                 media_type="text/event-stream",
                                 headers={"Cache-Control": "no-cache",
                                          "X-Accel-Buffering": "no"})
    return JSONResponse(answer.to_dict())


@router.post("/chat", response_model=ChatAnswer, responses={**ERRORS_404, **BAD_BODY},
             summary="Trò chuyện / chat")
def chat(body: ChatRequest, service: ReadyDep) -> Response:
    """Một lượt trò chuyện; câu hỏi tiếp theo ("còn nhập khẩu?") được hiểu theo câu trước.
    One chat turn; omit `session_id` to start a session. Unknown or expired session: 404."""
    answer = service.chat(body.message, body.session_id,
                          AskOptions(answer_mode=body.mode, today=body.today))
    return JSONResponse(answer.to_dict())


@router.get("/chat/{session_id}", response_model=ChatHistory, responses=ERRORS_404,
            summary="Lịch sử trò chuyện / chat history")
def chat_history(session_id: str, service: ServiceDep) -> ChatHistory:
    """A chat session's turns (404 when it is unknown or expired)."""
    return service.history(session_id)


@router.delete("/chat/{session_id}", status_code=204, responses=ERRORS_404,
               summary="Xoá phiên / delete a chat session")
def chat_delete(session_id: str, service: ServiceDep) -> Response:
    """End a chat session (404 when there is none)."""
    service.end_session(session_id)
    return Response(status_code=204)


@router.get("/search", response_model=Passages, responses=ERRORS,
            summary="Tìm đoạn văn / search passages")
def search(service: ReadyDep,
           q: Annotated[str, Query(min_length=1, description="Câu hỏi / the query",
                                   examples=["kim ngạch xuất khẩu 2018"])],
           top_k: Annotated[int | None, Query(ge=1, le=50)] = None,
           year: Annotated[int | None, Query(ge=1900, le=2100)] = None,
           doc_id: Annotated[list[str] | None, Query(
               description="Chỉ trong tài liệu này (lặp lại được) / only these documents")
           ] = None) -> Response:
    """Các đoạn văn gần nhất với câu hỏi / the passages closest to the query."""
    return JSONResponse(service.search(q, top_k, year=year, doc_ids=doc_id).to_dict())
