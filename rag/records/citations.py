"""Where an answer or a figure comes from: a quote of a document, its offsets and page."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

# What every front end says beside a source read by OCR from a scan.
OCR_NOTE = "văn bản quét, OCR — nên đối chiếu bản gốc"


@dataclass(frozen=True)
class Citation:
    """Where an answer comes from: ``quote == document.text[start:end]``; ``page`` the page of
    a paged file (a PDF, a scan) it is on, as printed ("trang 3"; None: not paged); ``ocr``
    whether that page was read by OCR from a scan -- its text may hold misread characters, so
    readers are told to check the original."""

    doc_id: str
    chunk_id: str
    title: str
    date: str | None
    quote: str
    start: int
    end: int
    page: int | None = None
    ocr: bool = False

    def to_dict(self) -> dict[str, Any]:
        """JSON form: every field."""
        return asdict(self)
