"""GET /figures: the figure table of the whole corpus (rag.answer.table), filtered."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse, Response

from api.http.deps import KnownQuery, ReadyDep
from api.http.errors import ERRORS
from rag.records import FigureTable

router = APIRouter(tags=["số liệu / figures"])
Measure = Literal["level", "change", "plan_share", "share", "rank", "index"]


@router.get("/figures", response_model=FigureTable, responses=ERRORS,
            summary="Bảng số liệu / the figure table", dependencies=[KnownQuery])
def figures(service: ReadyDep,
            indicator: Annotated[str | None, Query(
                max_length=200, description="Các từ của chỉ tiêu / words of the indicator",
                examples=["xuất khẩu"])] = None,
            year: Annotated[int | None, Query(ge=1900, le=2100)] = None,
            doc_id: Annotated[list[str] | None, Query(
                description="Chỉ trong tài liệu này (lặp lại được) / only these documents")
            ] = None,
            measure: Annotated[Measure | None, Query(
                description="level, change, plan_share, share, rank or index")] = None,
            offset: Annotated[int, Query(ge=0)] = 0,
            limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> Response:
    """Mọi số liệu trong các báo cáo: chỉ tiêu, kỳ, giá trị, trích dẫn. Every figure of
    every report (indicator, basis, period, value, unit, citation), in period order; filter
    by indicator words, year, document and measure; page with offset and limit.  A query
    parameter not among these ("doc" for "doc_id") is refused with 422 naming it."""
    table = service.figures(indicator=indicator or None, year=year, doc_ids=doc_id,
                            measure=measure, offset=offset, limit=limit)
    return JSONResponse(table.to_dict())
