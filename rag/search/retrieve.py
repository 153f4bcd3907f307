"""Hybrid retrieval: FAISS (dense) and BM25 (lexical) candidates, fused, then time-aware.

A question that names a year or period favours passages about it and pushes down passages
that are explicitly about another one; every hit says whether its time matches.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import PurePath

import numpy as np

from index import Index
from rag.embed import Embedder
from rag.records import Chunk, Hit, SearchResult
from rag.search.copies import folded_lines, is_copy_name, originals
from rag.search.query import Query, analyze, is_english
from rag.vi.acronyms import AcronymTable
from rag.vi.periods import TimeScope, time_match
from rag.vi.restore import DiacriticRestorer
from rag.vi.text import tokenize

MODES = ("hybrid", "dense", "lexical")


@dataclass(frozen=True)
class RetrievalConfig:
    """How passages are retrieved: ``mode`` (one of MODES), ``alpha`` the dense side's weight in
    min-max fusion, ``candidates`` taken from each side, and the time adjustment's
    ``year_weight`` and ``period_weight`` (added to a passage about the asked year / period,
    taken from one about another).  Raises ValueError for an unknown mode."""

    mode: str = "hybrid"
    alpha: float = 0.5  # weight of the dense score in hybrid mode
    candidates: int = 100  # candidates taken from each side before fusion
    year_weight: float = 0.35
    period_weight: float = 0.15

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"unknown retrieval mode {self.mode!r}; use one of {', '.join(MODES)}")


@dataclass(frozen=True)
class Filters:
    """Hard limits on what a search may return: passages of ``year``, of ``doc_ids``."""

    year: int | None = None
    doc_ids: frozenset[str] | None = None

    def allows(self, chunk: Chunk) -> bool:
        """Whether ``chunk`` is of one of ``doc_ids`` and speaks of ``year``."""
        if self.doc_ids is not None and chunk.doc_id not in self.doc_ids:
            return False
        scope = TimeScope(frozenset() if self.year is None else frozenset({self.year}))
        return time_match(scope, chunk.years, chunk.periods) is not False


def time_scores(scope: TimeScope, chunk: Chunk,
                cfg: RetrievalConfig) -> tuple[float, bool | None]:
    """(score adjustment, whether the chunk's time matches; None when none is asked).

    An asked year the chunk speaks of adds ``cfg.year_weight``, another year the chunk speaks
    of takes it away; an asked period adds ``cfg.period_weight``, another stated period takes
    half of it away.  A chunk silent about the asked year or period loses nothing, but does
    not match (see :func:`rag.vi.periods.time_match`).
    """
    return _time_scores(scope, tuple(chunk.years), tuple(chunk.periods), cfg.year_weight,
                        cfg.period_weight)


# a search scores a hundred-odd candidates, the cascade's second search the same ones again
@lru_cache(maxsize=65536)
def _time_scores(scope: TimeScope, years: tuple[int, ...], periods: tuple[str, ...],
                 year_weight: float, period_weight: float) -> tuple[float, bool | None]:
    match = time_match(scope, years, periods)
    if match is None:
        return 0.0, None
    score = 0.0
    year_match = time_match(TimeScope(years=scope.years), years, periods)
    if year_match:
        score += year_weight
    elif year_match is False and years:
        score -= year_weight
    period_match = time_match(TimeScope(periods=scope.periods), years, periods)
    if period_match:
        score += period_weight
    elif period_match is False and periods:
        score -= period_weight / 2
    return score, match


def _minmax(x: np.ndarray) -> np.ndarray:
    if not len(x):
        return x
    lo, hi = float(x.min()), float(x.max())
    return (x - lo) / (hi - lo) if hi > lo else np.ones_like(x)


class Retriever:
    """Searches one index with one embedder; stateless between calls.  ``acronyms``: the
    index's abbreviation table (rag.vi.acronyms), built once per index generation by whoever
    holds the generation (``rag.service.RagService.retriever``); when None it is built from
    ``index``'s passages on the first question this retriever reads."""

    def __init__(self, index: Index, embedder: Embedder, config: RetrievalConfig | None = None,
                 acronyms: AcronymTable | None = None):
        self.index = index
        self.embedder = embedder
        self.config = config or RetrievalConfig()
        self.acronyms = acronyms

    def analyze(self, question: str) -> Query:
        """``question`` read for retrieval (``rag.search.query.analyze``): abbreviations
        expanded, diacritics restored from the index's word forms, its time scope; the
        corpus's own abbreviations read both ways, the pairs it writes carried by the query
        (``Query.acronyms``) for the answerer's word matching."""
        if self.acronyms is None:
            self.acronyms = acronym_table(self.index)
        return analyze(question, DiacriticRestorer(self.index.word_forms), self.acronyms)

    def spell_out(self, question: str) -> str:
        """``question`` with the abbreviations the corpus does not write spelled out as the
        corpus's own phrase (rag.vi.acronyms.AcronymTable.spell_out: "DT bán lẻ" -> "doanh
        thu bán lẻ"); an English question unchanged."""
        if is_english(question):
            return question
        if self.acronyms is None:
            self.acronyms = acronym_table(self.index)
        return self.acronyms.spell_out(question)

    def search(self, question: str, top_k: int = 5, filters: Filters | None = None,
               mode: str | None = None, query: Query | None = None) -> SearchResult:
        """The ``top_k`` passages for ``question`` (or the already analysed ``query``), best
        first: FAISS and BM25 candidates fused by ``mode`` (None: the config's), adjusted for
        the asked time, only those ``filters`` allow, a text equal to one already returned
        left out."""
        cfg = self.config if mode is None else replace(self.config, mode=mode)
        query = query or self.analyze(question)
        index = self.index
        if not len(index) or top_k <= 0:
            return SearchResult(question, [], query.expanded)
        n_cand = max(cfg.candidates, top_k)

        qvec = None
        cand: set[int] = set()
        if cfg.mode != "lexical":
            qvec = self.embedder.embed_queries([query.expanded])[0]
            ids, _ = index.vectors.search(qvec, n_cand)
            cand.update(int(i) for i in ids)
        lex_all = None
        if cfg.mode != "dense":
            lex_all = index.lexical.scores(tokenize(lexical_text(query), index.lexical.scheme))
            k = min(n_cand, len(lex_all))
            top = np.argpartition(-lex_all, k - 1)[:k]
            cand.update(int(i) for i in top if lex_all[i] > 0)
        if filters is not None:
            cand = {i for i in cand if filters.allows(index.chunks[i])}
            if len(cand) < top_k:  # filters may exclude every candidate: widen to all allowed
                cand |= {i for i, c in enumerate(index.chunks) if filters.allows(c)}
        if not cand:
            return SearchResult(question, [], query.expanded)

        rows = np.fromiter(sorted(cand), dtype=np.int64)
        # not `@`: a product this small is quicker in one thread than in BLAS's pool, whose
        # threads then spin beside the embedder's
        dense = (np.einsum("ij,j->i", index.embeddings[rows], qvec) if qvec is not None
                 else np.zeros(len(rows)))
        lexical = lex_all[rows] if lex_all is not None else np.zeros(len(rows))
        if cfg.mode == "dense":
            fused = _minmax(dense)
        elif cfg.mode == "lexical":
            fused = lexical / lexical.max() if lexical.max() > 0 else lexical
        else:
            lex_norm = lexical / lexical.max() if lexical.max() > 0 else lexical
            fused = cfg.alpha * _minmax(dense) + (1 - cfg.alpha) * lex_norm

        scored = []
        by_time: dict[tuple[tuple[int, ...], tuple[str, ...]], tuple[float, bool | None]] = {}
        for j, row in enumerate(rows):
            chunk = index.chunks[row]
            key = (chunk.years, chunk.periods)  # few distinct ones: each scored once
            timed = by_time.get(key)
            if timed is None:
                timed = by_time[key] = time_scores(query.scope, chunk, cfg)
            scored.append((float(fused[j]) + timed[0], j, timed[1]))
        copies = _copy_ranks(index, [index.chunks[r] for r in rows])
        # the same passage twice: the original's ("bc.txt") before its copy's ("bc (1).txt")
        scored.sort(key=lambda t: (-t[0], copies.get(int(t[1]), 0)))
        hits: list[Hit] = []
        texts: set[str] = set()  # the same passage twice (a report uploaded again) counts once
        first = originals(index)
        for s, j, match in scored:
            chunk = index.chunks[rows[j]]
            if chunk.doc_id in first:  # a copy's passage: its original's, where it ranks
                chunk = _same_passage(index, first[chunk.doc_id], chunk)
            if chunk.text in texts:
                continue
            texts.add(chunk.text)
            hits.append(Hit(chunk=chunk, rank=len(hits) + 1, score=s, dense=float(dense[j]),
                            lexical=float(lexical[j]), time_match=match))
            if len(hits) == top_k:
                break
        return SearchResult(question, hits, query.expanded)


def _same_passage(index: Index, doc_id: str, chunk: Chunk) -> Chunk:
    """The passage of document ``doc_id`` (which holds the same text as ``chunk``'s document,
    ``rag.search.copies.originals``) that ``chunk`` repeats: the one at its place with its
    text; else -- the two formats chunked apart, an .html's heading kept in its text and a
    .txt's taken out as the title, a JSON upload's text without it -- the one sharing the
    most of its lines (``rag.search.copies.folded_lines``), the first of those; ``chunk``
    itself when none shares a line."""
    rows = index.rows_of_doc.get(doc_id, ())
    for row in rows:
        other = index.chunks[row]
        if other.start == chunk.start and other.text == chunk.text:
            return other
    lines = folded_lines(chunk.text)
    best, shared = chunk, 0
    for row in rows:
        other = index.chunks[row]
        n = len(lines & folded_lines(other.text))
        if n > shared:
            best, shared = other, n
    return best


def _copy_ranks(index: Index, chunks: list[Chunk]) -> dict[int, int]:
    """For candidates (by position) whose text another candidate repeats: 1 when their
    document is a copy -- its file is named as one, or its id is another's with a suffix
    ("bc_thang_3_2020_1" of "bc_thang_3_2020") -- else 0."""
    counts = Counter(c.text for c in chunks)
    twins = [j for j, c in enumerate(chunks) if counts[c.text] > 1]
    if not twins:
        return {}
    ids_of: dict[str, list[str]] = {}
    for j in twins:
        ids_of.setdefault(chunks[j].text, []).append(chunks[j].doc_id)
    ranks = {}
    for j in twins:
        chunk = chunks[j]
        doc = index.docs.get(chunk.doc_id)
        name = PurePath(doc.source).stem if doc is not None and doc.source else ""
        longer = any(o != chunk.doc_id and chunk.doc_id.startswith(o) for o in
                     ids_of[chunk.text])
        ranks[j] = int(bool(name and is_copy_name(name)) or longer)
    return ranks


def lexical_text(query: Query) -> str:
    """What BM25 is asked: ``query.expanded`` and the tokens its runs of words spell
    (``Query.spelled``, in the question's order, a run inside another's left out, a token
    ``expanded`` writes already -- rag.vi.acronyms.AcronymTable.read adds a paired one --
    not twice), so that "doanh thu du lịch" meets the table row the corpus wrote "DT DL" --
    the words alone do not, the row holding none of them; the answerer reads the row so too
    (rag.vi.acronyms.spelled_in)."""
    runs = [r for _, r in query.spelled]
    written = set(tokenize(query.expanded, "syllable")) if runs else set()
    keys = [k for k, r in query.spelled if k not in written
            and not any(r != o and f" {r} " in f" {o} " for o in runs)]
    return " ".join([query.expanded, *keys]) if keys else query.expanded


def acronym_table(index: Index) -> AcronymTable:
    """The abbreviation table of ``index``'s passages (``AcronymTable.from_texts`` over its
    chunks' texts): derived from the generation as loaded, nothing stored with it."""
    return AcronymTable.from_texts(c.text for c in index.chunks)
