"""Split documents into passages at sentence boundaries, keeping exact character offsets."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from rag.records import Chunk, Document
from rag.vi.periods import scope_of

if TYPE_CHECKING:  # imported when splitting, so a server that only answers never loads it
    from langchain_text_splitters import RecursiveCharacterTextSplitter

# Paragraphs, lines, then sentence ends, then clause breaks; words only as a last resort.
_SEPARATORS = ["\n\n", "\n", r"(?<=[.!?…])\s+", r"(?<=[;:])\s+", r"(?<=,)\s+", " ", ""]


_PARAGRAPH_RE = re.compile(r"[^\n]*\S[^\n]*")

CHUNKER_KIND = "paragraph-sentence"


@dataclass(frozen=True)
class Chunker:
    """Paragraph- and sentence-aware splitter; its settings go into the index manifest.

    Text is cut at paragraphs, then sentences, into pieces of up to ``chunk_size`` characters
    overlapping by up to ``chunk_overlap``; but a paragraph of up to ``paragraph_max``
    characters is never cut: a passage about one thing stays one passage.
    """

    chunk_size: int = 800
    chunk_overlap: int = 150
    min_chunk: int = 120  # a shorter last piece (a signature, a caption) joins the one before
    paragraph_max: int | None = None  # default: twice chunk_size

    def __post_init__(self) -> None:
        if self.chunk_size < 50:
            raise ValueError("chunk_size must be at least 50 characters")
        if not 0 <= self.chunk_overlap < self.chunk_size:
            raise ValueError("chunk_overlap must be >= 0 and smaller than chunk_size")
        if self.paragraph_max is not None and self.paragraph_max < self.chunk_size:
            raise ValueError("paragraph_max must be at least chunk_size")

    @property
    def max_paragraph(self) -> int:
        """The longest paragraph (characters) kept whole: ``paragraph_max``, else twice
        ``chunk_size``."""
        return self.paragraph_max if self.paragraph_max is not None else 2 * self.chunk_size

    @property
    def settings(self) -> dict[str, Any]:
        """The chunker's constructor arguments and kind (CHUNKER_KIND), as the index manifest
        records them."""
        return {"kind": CHUNKER_KIND, **asdict(self), "paragraph_max": self.max_paragraph}

    def _splitter(self) -> RecursiveCharacterTextSplitter:
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        return RecursiveCharacterTextSplitter(
            chunk_size=self.chunk_size,
            chunk_overlap=self.chunk_overlap,
            separators=_SEPARATORS,
            is_separator_regex=True,
            keep_separator="end",
            strip_whitespace=True,
        )

    def split(self, docs: list[Document]) -> list[Chunk]:
        """The chunks of ``docs``, in document order: paragraphs up to ``max_paragraph``
        characters whole, longer ones split at sentence boundaries; each chunk keeps its
        offsets, years and periods."""
        splitter = self._splitter()
        chunks: list[Chunk] = []
        for doc in docs:
            chunks.extend(self._split_one(splitter, doc))
        return chunks

    def spans(self, text: str, splitter: RecursiveCharacterTextSplitter | None = None
              ) -> list[tuple[int, int]]:
        """(start, end) of each chunk of ``text``: the sentence splitter's pieces, except that
        a paragraph longer than ``chunk_size`` but within ``paragraph_max`` is one chunk."""
        splitter = splitter or self._splitter()
        out: list[tuple[int, int]] = []
        whole: dict[int, int] = {}  # start -> length of the paragraphs kept whole
        region = 0  # start of the text not yet chunked
        for m in _PARAGRAPH_RE.finditer(text):
            lead = len(m.group(0)) - len(m.group(0).lstrip())
            start, end = m.start() + lead, m.start() + len(m.group(0).rstrip())
            if self.chunk_size < end - start <= self.max_paragraph:
                out.extend(self._piece_spans(splitter, text, region, start))
                out.append((start, end))
                whole[start] = end - start
                region = end
        out.extend(self._piece_spans(splitter, text, region, len(text)))
        return self._merge_small(out, whole)

    def _merge_small(self, spans: list[tuple[int, int]], whole: dict[int, int]
                     ) -> list[tuple[int, int]]:
        """A piece shorter than ``min_chunk`` left beside a whole paragraph joins its shorter
        neighbour, if that stays within chunk_size + min_chunk, or grows a whole paragraph
        (``whole`` maps its start to its length) by less than min_chunk."""
        out = list(spans)
        i = 0
        while i < len(out):
            s, e = out[i]
            if e - s >= self.min_chunk:
                i += 1
                continue
            options = []
            for j in (i - 1, i + 1):
                if 0 <= j < len(out):
                    ns, ne = out[j]
                    joined = (min(s, ns), max(e, ne))
                    limit = self.chunk_size + self.min_chunk
                    if ns in whole:
                        limit = max(limit, whole[ns] + self.min_chunk)
                    if joined[1] - joined[0] <= limit:
                        options.append((ne - ns, j, joined))
            if not options:
                i += 1
                continue
            _, j, joined = min(options)
            lo = min(i, j)
            base = whole.get(out[lo][0]) or whole.get(out[lo + 1][0])
            if base:
                whole[joined[0]] = base
            out[lo:lo + 2] = [joined]
            i = lo
        return out

    def _piece_spans(self, splitter: RecursiveCharacterTextSplitter, text: str,
                     lo: int, hi: int) -> list[tuple[int, int]]:
        """Spans of the splitter's pieces of text[lo:hi]; a short last piece (a signature, a
        caption) joins the one before."""
        part = text[lo:hi]
        spans: list[tuple[int, int]] = []
        prev_start, prev_end = -1, 0
        for piece in splitter.split_text(part):
            # a piece starts after the previous one, and overlaps it by at most chunk_overlap
            # (not earlier: in a run of one character it would fit anywhere, and drift)
            floor = max(prev_start + 1, prev_end - self.chunk_overlap)
            start = part.find(piece, floor)
            if start < 0:
                start = part.find(piece, prev_start + 1)
            if start < 0:
                raise RuntimeError("chunk text not found in document")
            end = start + len(piece)
            prev_start, prev_end = start, end
            last = spans[-1] if spans else None
            if last and end <= last[1]:
                continue  # wholly inside the previous piece: adds nothing
            if last and end - start < self.min_chunk and end > last[1] \
                    and end - last[0] <= self.chunk_size + self.min_chunk:
                spans[-1] = (last[0], end)
            else:
                spans.append((start, end))
        return [(lo + s, lo + e) for s, e in spans]

    def _split_one(self, splitter: RecursiveCharacterTextSplitter, doc: Document) -> list[Chunk]:
        out: list[Chunk] = []
        for start, end in self.spans(doc.text, splitter):
            piece = doc.text[start:end]
            scope = scope_of(piece)
            years = tuple(sorted(scope.years)) or doc.years
            periods = tuple(sorted(scope.periods)) or doc.periods
            out.append(Chunk(id=Chunk.make_id(doc.id, start, end, piece), doc_id=doc.id,
                             title=doc.title, date=doc.date, text=piece, start=start, end=end,
                             years=years, periods=periods))
        return out
