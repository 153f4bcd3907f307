"""Typed records that flow between the stages: Document -> Chunk -> Hit -> Answer.

Document and Chunk are the index's own records (``index.records``), re-exported here: the
front ends and the library read every record from this module."""

from index.records import Chunk, Document, Page, checksum
from rag.records.answers import (
    ANSWER_MODES,
    RETRIEVAL_MODES,
    Answer,
    AnswerPart,
    AskOptions,
    ChatAnswer,
    ChatHistory,
    Hit,
    Passage,
    Passages,
    SearchResult,
    Turn,
)
from rag.records.citations import OCR_NOTE, Citation
from rag.records.documents import (
    UPLOAD_TYPES,
    DocumentList,
    DocumentSummary,
    DocumentView,
    IndexStatus,
    UpdateReport,
    Upload,
    UploadJob,
)
from rag.records.figures import Figure, FigurePeriod, FigureRow, FigureTable

__all__ = ["ANSWER_MODES", "OCR_NOTE", "RETRIEVAL_MODES", "UPLOAD_TYPES", "Answer",
           "AnswerPart", "AskOptions", "ChatAnswer", "ChatHistory", "Chunk", "Citation",
           "Document", "DocumentList", "DocumentSummary", "DocumentView", "Figure",
           "FigurePeriod", "FigureRow", "FigureTable", "Hit", "IndexStatus", "Page", "Passage",
           "Passages", "SearchResult", "Turn", "Upload", "UploadJob", "UpdateReport", "checksum"]
