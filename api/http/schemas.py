"""Request models of the HTTP API (pydantic), with Vietnamese examples for /docs, and the few
response models that are the app's own (health, readiness, errors).  Every other response is a
record of ``rag.records``, returned as its ``to_dict()`` builds it."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from rag.service import DOC_ID_PATTERN, MAX_DOC_IDS, YEARS

Mode = Literal["extractive", "generative"]


def _not_blank(value: str, what: str) -> str:
    """The request's own check, so that the schema says a blank text is refused (422); the
    service checks the same (rag.service.RagService.check_question)."""
    value = value.strip()
    if not value:
        english, _, vietnamese = what.partition(" / ")
        raise ValueError(f"the {english} is empty / {vietnamese} trống")
    return value


# --- requests ------------------------------------------------------------------------------


class FiltersIn(BaseModel):
    """Restrict retrieval to a year and/or some documents (Lọc theo năm, theo tài liệu)."""

    model_config = ConfigDict(extra="forbid")

    year: int | None = Field(default=None, ge=YEARS[0], le=YEARS[1],
                             description="Chỉ những đoạn nói về năm này / only passages about "
                                         "this year.", examples=[2018])
    doc_ids: list[str] | None = Field(default=None, max_length=MAX_DOC_IDS,
                                      description="Chỉ trong các tài liệu này / only these "
                                                  "documents.",
                                      examples=[["001_4abd8e79b56c82e3"]])


class AskRequest(BaseModel):
    """A question about the reports (Câu hỏi về các báo cáo của Sở Công Thương Lạng Sơn)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"question": "kim ngạch xuất khẩu 2018?"},
        {"question": "kim ngạch nhập khẩu năm 2018 là bao nhiêu?", "top_k": 5,
         "filters": {"year": 2018}, "mode": "extractive", "stream": False},
    ]})

    question: str = Field(description="Câu hỏi tiếng Việt / the question, in Vietnamese.",
                          examples=["kim ngạch xuất khẩu 2018?"])
    top_k: int | None = Field(default=None, ge=1, le=50,
                              description="Số đoạn văn đọc để trả lời / passages read for the "
                                          "answer.")
    filters: FiltersIn | None = None
    mode: Mode | None = Field(default=None, description="extractive (trích dẫn nguyên văn) or "
                                                        "generative (LLM, when configured).")
    stream: bool = Field(default=False, description="Trả về Server-Sent Events / answer as "
                                                    "Server-Sent Events.")
    today: date | None = Field(default=None, description="Ngày đặt câu hỏi, cho \"năm ngoái\", "
                               "\"quý trước\" / the day the question is asked, for relative "
                               "time (default: RAG_TODAY, else the server's clock).",
                               examples=["2026-02-01"])

    @field_validator("question")
    @classmethod
    def _question(cls, v: str) -> str:
        return _not_blank(v, "question / câu hỏi")


class ChatRequest(BaseModel):
    """One chat turn; follow-ups ("còn nhập khẩu?") are read against the previous question."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"message": "kim ngạch xuất khẩu 2018?"},
        {"session_id": "Qk3x9v0cX2m4b7tYc1oQ1w", "message": "còn nhập khẩu?"},
    ]})

    session_id: str | None = Field(default=None, min_length=1, max_length=200,
                                   description="Phiên trò chuyện; bỏ trống để bắt đầu phiên mới "
                                               "/ omit to start a new session.")
    message: str = Field(description="Tin nhắn / the message.", examples=["còn nhập khẩu?"])
    today: date | None = Field(default=None, description="Ngày đặt câu hỏi / the day asked, "
                               "for relative time (default: RAG_TODAY, else the clock).")
    mode: Mode | None = None

    @field_validator("message")
    @classmethod
    def _message(cls, v: str) -> str:
        return _not_blank(v, "message / tin nhắn")


class DocumentIn(BaseModel):
    """A document sent as JSON (Tài liệu gửi dưới dạng JSON)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "id": "bao-cao-quy-1-2025",
        "title": "Báo cáo tình hình xuất nhập khẩu quý I năm 2025",
        "text": "Quý I năm 2025, kim ngạch xuất nhập khẩu qua địa bàn tỉnh Lạng Sơn đạt "
                "1.250 triệu USD.",
        "date": "2025-04-02",
    }]})

    id: str | None = Field(default=None, max_length=1000, examples=["bao-cao-quy-1-2025"],
                           description="Mã tài liệu (" + DOC_ID_PATTERN + "; checked by the "
                           "service, which says what breaks the rule); bỏ trống thì lấy từ mã "
                           "băm của nội dung / omitted: derived from a hash of the text.")
    title: str | None = Field(default=None, max_length=500)
    text: str = Field(description="Nội dung / the text.")
    date: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$",
                             description="ISO yyyy-mm-dd", examples=["2018-05-22"])

    @field_validator("text")
    @classmethod
    def _text(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("the text is empty / nội dung trống")
        return v


# --- responses ------------------------------------------------------------------------------
# Answers, passages, documents and chat histories are the library's records (rag.records),
# used as response models as they are; only what is the HTTP app's own is declared here.


class HealthOut(BaseModel):
    """GET /health: the process is up."""

    status: str


class ReadyOut(BaseModel):
    """GET /ready: the index is loaded, with its documents, passages and generation."""

    status: str
    documents: int
    chunks: int
    generation: str | None = Field(default=None, description="The index generation this "
                                   "process answers from (gen-<n>)")


class ErrorOut(BaseModel):
    """An error: ``detail`` says what was wrong (a string, or FastAPI's list of field errors)."""

    detail: Any
