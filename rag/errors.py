"""Every error the library raises to its callers, in one place, so that front ends map them to
their own terms (an HTTP status, one CLI line, a chat reply) without reaching into the layers
that raise them.

| error | what happened | HTTP |
|---|---|---|
| ``QuestionError`` (ValueError) | a blank question, an unknown mode | 422 |
| ``QuestionTooLong`` | a question over ``RAG_MAX_QUESTION_CHARS`` | 413 |
| ``UnknownSession`` (KeyError) | a chat session that does not exist or expired | 404 |
| ``UnknownDocument`` (KeyError) | no document with that id | 404 |
| ``UnsupportedFileType`` (IngestError) | an upload of a type no reader takes | 415 |
| ``IngestError`` (ValueError) | a file or record that cannot be read as a document | 422 |
| ``OcrUnavailable`` (IngestError) | a scan to read, Tesseract or its data not installed | 503 |
| ``NoIndexError`` / ``IndexStoreError`` | no index yet / an index that cannot be read | 503 |
| ``IndexBusyError`` | another process held the write lock too long | 503 + Retry-After |
| ``IndexWriteError`` | the index directory cannot be written (``errno``) | 503, 507 |
| ``IndexMismatchError`` | an index built with another embedder | 503 |
| ``EmbedderError`` | an embedder that cannot be found or loaded | 500 |
| ``SessionStoreError`` | the chat session store cannot be opened or written | 503 |
| ``GoldError`` / ``ReportError`` | a malformed gold set or saved evaluation report | (CLI) |
| ``ScorerFileError`` | a figure scorer file that cannot be used | (at start) |
"""

from __future__ import annotations

from index import (
    IndexBusyError,
    IndexMismatchError,
    IndexStoreError,
    IndexWriteError,
    NoIndexError,
)


class QuestionError(ValueError):
    """A question the service cannot take: blank, or with an unknown option."""


class QuestionTooLong(QuestionError):
    """A question (or chat message) longer than ``limit`` characters."""

    def __init__(self, limit: int, what: str = "question"):
        super().__init__(f"the {what} is longer than {limit} characters / câu hỏi dài quá "
                         f"{limit} ký tự")
        self.limit = limit


class UnknownSession(KeyError):
    """A chat session id that is unknown or expired (``args[0]`` is the id)."""

    def __str__(self) -> str:
        return f"unknown or expired chat session {self.args[0]!r}"


class UnknownDocument(KeyError):
    """No document has this id (``args[0]``)."""

    def __str__(self) -> str:
        return f"no document {self.args[0]!r} / không có tài liệu này"


class IngestError(ValueError):
    """A file or record that cannot be read as a document; the message names it."""


class UnsupportedFileType(IngestError):
    """An upload whose file type no reader takes."""


class OcrUnavailable(IngestError):
    """A file with pages to read by OCR (a scan), on a machine without Tesseract or without
    its Vietnamese data; the message names the file and the apt command that installs it."""


class UploadCancelled(Exception):
    """A background upload whose document was deleted before it was indexed (``args[0]``
    is the document's id): it stops, and nothing of it is written."""


class EmbedderError(RuntimeError):
    """An embedder that cannot be found or loaded; the message says what to install or set."""


class SessionStoreError(RuntimeError):
    """The chat session store (``RAG_SESSIONS_DB``) cannot be opened or written; the message
    says which file and why."""


class GoldError(ValueError):
    """A gold file or line that is not of the documented form; the message names it."""


class ReportError(ValueError):
    """A saved report that cannot be read back; the message names the file."""


class ScorerFileError(ValueError):
    """A figure scorer file (RAG_FIGURE_SCORER, ``rag train``) that cannot be used:
    unreadable, of another format, or fitted on other features; the message names it."""


__all__ = ["EmbedderError", "GoldError", "IndexBusyError", "IndexMismatchError",
           "IndexStoreError", "IndexWriteError", "IngestError", "NoIndexError", "OcrUnavailable",
           "QuestionError", "QuestionTooLong", "ReportError", "ScorerFileError",
           "SessionStoreError",
           "UnknownDocument", "UnknownSession", "UnsupportedFileType", "UploadCancelled"]
