"""The figure table of the whole corpus: every frame (rag.vi.frames) of every document, with
what it is and the clause it stands in, filtered by indicator words, year, document and
measure, so that a reader sees every export figure of every report at a glance."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence

from rag.answer.compose import figure_record
from rag.answer.sentences import quoted_clause
from rag.records import Chunk, Citation, Document, FigureRow, FigureTable
from rag.search.query import expand_abbreviations
from rag.vi.frames import Frame
from rag.vi.frames.corrections import WITHDRAWN
from rag.vi.text import fold

MAX_ROWS = 1000  # rows a page may hold
_LETTER_RE = re.compile(r"[^\W\d_]")


def figure_table(docs: Mapping[str, Document], frames_of: Callable[[str], list[Frame]],
                 chunks_of: Callable[[str], Sequence[Chunk]], *, indicator: str | None = None,
                 year: int | None = None, doc_ids: Iterable[str] | None = None,
                 measure: str | None = None, offset: int = 0, limit: int = 100) -> FigureTable:
    """The figures of ``docs`` (id -> document; ``frames_of(doc_id)`` its frames,
    ``chunks_of(doc_id)`` its passages, for the citation's chunk id) that match every filter:
    ``indicator``: words that must all be among the figure's own words, its total's, its
    heading's and what follows it (folded, abbreviations such as KNXK expanded); ``year``:
    a period that includes some day of that year; ``doc_ids``; ``measure`` (level, change,
    plan_share, share, rank, index).  Only measured values with an indicator are listed:
    numbers that cite a place (a row, page, article or footnote: ``rag.vi.numbers``) are no
    frames, and a bare number naming nothing it measures is left out.  Rows in period order
    (those with no period last), then by document and place; ``offset``/``limit`` (at most
    :data:`MAX_ROWS`) page them.

    Raises ValueError for a negative offset or a limit outside 1..MAX_ROWS."""
    if offset < 0 or not 1 <= limit <= MAX_ROWS:
        raise ValueError(f"offset must be >= 0 and limit 1..{MAX_ROWS}")
    words = _words(expand_abbreviations(indicator)) if indicator else []
    wanted = set(doc_ids) if doc_ids is not None else None
    matched: list[tuple[Frame, Document]] = []
    for doc_id in sorted(docs):
        if wanted is not None and doc_id not in wanted:
            continue
        doc = docs[doc_id]
        for frame in frames_of(doc_id):
            if not _LETTER_RE.search(f"{frame.indicator} {frame.parent} {frame.unit}"):
                continue  # a bare number naming nothing it measures ("126 doanh nghiệp" does)
            if frame.correction == WITHDRAWN:
                continue  # a value a correction withdrew (rag.vi.frames.corrections)
            if measure and frame.measure != measure:
                continue
            if year is not None and (frame.period is None or not
                                     frame.period.start.year <= year <= frame.period.end.year):
                continue
            if words:
                said = set(_words(" ".join((frame.indicator, frame.parent, frame.context,
                                            frame.detail, frame.unit))))
                if not all(w in said for w in words):
                    continue
            matched.append((frame, doc))
    matched.sort(key=lambda fd: (fd[0].period is None,
                                 fd[0].period.start if fd[0].period else None,
                                 fd[0].period.end if fd[0].period else None,
                                 fd[1].id, fd[0].start))
    rows = tuple(_row(frame, doc, chunks_of(doc.id))
                 for frame, doc in matched[offset:offset + limit])
    filters = {k: v for k, v in (("indicator", indicator), ("year", year),
                                 ("doc_ids", sorted(wanted) if wanted is not None else None),
                                 ("measure", measure), ("limit", limit)) if v is not None}
    return FigureTable(rows=rows, total=len(matched), offset=offset, filters=filters)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text).lower())


def _row(frame: Frame, doc: Document, chunks: Sequence[Chunk]) -> FigureRow:
    q0, q1 = frame.quote
    sentence = doc.text[q0:q1]
    s, e = quoted_clause(sentence, frame.start - q0, frame.end - q0)
    chunk = next((c for c in chunks if c.start <= frame.start < c.end), None)
    citation = Citation(doc_id=doc.id, chunk_id=chunk.id if chunk else "", title=doc.title,
                        date=doc.date, quote=sentence[s:e], start=q0 + s, end=q0 + e)
    return FigureRow(doc_id=doc.id, title=doc.title, date=doc.date,
                     figure=figure_record(frame), citation=citation)
