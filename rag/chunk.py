"""Split documents into passages at sentence boundaries, keeping exact character offsets."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from langchain_text_splitters import RecursiveCharacterTextSplitter

from rag.periods import scope_of
from rag.records import Chunk, Document

# Paragraphs, lines, then sentence ends, then clause breaks; words only as a last resort.
_SEPARATORS = ["\n\n", "\n", r"(?<=[.!?…])\s+", r"(?<=[;:])\s+", r"(?<=,)\s+", " ", ""]


@dataclass(frozen=True)
class Chunker:
    """Sentence-aware splitter; its settings go into the index manifest."""

    chunk_size: int = 800
    chunk_overlap: int = 150
    min_chunk: int = 120  # a shorter last piece (a signature, a caption) joins the one before

    def __post_init__(self) -> None:
        if self.chunk_size < 50:
            raise ValueError("chunk_size must be at least 50 characters")
        if not 0 <= self.chunk_overlap < self.chunk_size:
            raise ValueError("chunk_overlap must be >= 0 and smaller than chunk_size")

    @property
    def settings(self) -> dict[str, Any]:
        return {"kind": "recursive-sentence", **asdict(self)}

    def _splitter(self) -> RecursiveCharacterTextSplitter:
        return RecursiveCharacterTextSplitter(
            chunk_size=self.chunk_size,
            chunk_overlap=self.chunk_overlap,
            separators=_SEPARATORS,
            is_separator_regex=True,
            keep_separator="end",
            strip_whitespace=True,
        )

    def split(self, docs: list[Document]) -> list[Chunk]:
        splitter = self._splitter()
        chunks: list[Chunk] = []
        for doc in docs:
            chunks.extend(self._split_one(splitter, doc))
        return chunks

    def _split_one(self, splitter: RecursiveCharacterTextSplitter, doc: Document) -> list[Chunk]:
        spans: list[tuple[int, int]] = []
        prev_start, prev_end = -1, 0
        for piece in splitter.split_text(doc.text):
            # a piece starts after the previous one, and overlaps it by at most chunk_overlap
            floor = max(prev_start + 1, prev_end - self.chunk_overlap - 1)
            start = doc.text.find(piece, floor)
            if start < 0:
                start = doc.text.find(piece, prev_start + 1)
            if start < 0:
                raise RuntimeError(f"{doc.id}: chunk text not found in document")
            end = start + len(piece)
            prev_start, prev_end = start, end
            last = spans[-1] if spans else None
            if last and end - start < self.min_chunk and end > last[1] \
                    and end - last[0] <= self.chunk_size + self.min_chunk:
                spans[-1] = (last[0], end)
            else:
                spans.append((start, end))
        out: list[Chunk] = []
        for start, end in spans:
            piece = doc.text[start:end]
            scope = scope_of(piece)
            years = tuple(sorted(scope.years)) or doc.years
            periods = tuple(sorted(scope.periods)) or doc.periods
            out.append(Chunk(id=Chunk.make_id(doc.id, start, end, piece), doc_id=doc.id,
                             title=doc.title, date=doc.date, text=piece, start=start, end=end,
                             years=years, periods=periods))
        return out
