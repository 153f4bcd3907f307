"""Hybrid retrieval: FAISS (dense) and BM25 (lexical) candidates, fused, then time-aware.

A question that names a year or period favours passages about it and pushes down passages
that are explicitly about another one; every hit says whether its time matches.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from index import Index
from rag.embed import Embedder
from rag.records import Chunk, Hit, SearchResult
from rag.search.query import Query, analyze
from rag.vi.periods import TimeScope
from rag.vi.restore import DiacriticRestorer
from rag.vi.text import tokenize

MODES = ("hybrid", "dense", "lexical")


@dataclass(frozen=True)
class RetrievalConfig:
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
    year: int | None = None
    doc_ids: frozenset[str] | None = None

    def allows(self, chunk: Chunk) -> bool:
        if self.doc_ids is not None and chunk.doc_id not in self.doc_ids:
            return False
        return self.year is None or self.year in chunk.years


def time_scores(scope: TimeScope, chunk: Chunk,
                cfg: RetrievalConfig) -> tuple[float, bool | None]:
    """(score adjustment, whether the chunk's time matches; None when none is asked)."""
    if not scope:
        return 0.0, None
    score, match = 0.0, True
    if scope.years:
        if scope.years & set(chunk.years):
            score += cfg.year_weight
        else:
            match = False
            if chunk.years:
                score -= cfg.year_weight
    if scope.periods:
        if scope.periods & set(chunk.periods):
            score += cfg.period_weight
        else:
            match = False
            if chunk.periods:
                score -= cfg.period_weight / 2
    return score, match


def _minmax(x: np.ndarray) -> np.ndarray:
    if not len(x):
        return x
    lo, hi = float(x.min()), float(x.max())
    return (x - lo) / (hi - lo) if hi > lo else np.ones_like(x)


class Retriever:
    """Searches one index with one embedder; stateless between calls."""

    def __init__(self, index: Index, embedder: Embedder, config: RetrievalConfig | None = None):
        self.index = index
        self.embedder = embedder
        self.config = config or RetrievalConfig()

    def analyze(self, question: str) -> Query:
        return analyze(question, DiacriticRestorer(self.index.word_forms))

    def search(self, question: str, top_k: int = 5, filters: Filters | None = None,
               mode: str | None = None, query: Query | None = None) -> SearchResult:
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
            lex_all = index.lexical.scores(tokenize(query.expanded, index.lexical.scheme))
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
        dense = index.embeddings[rows] @ qvec if qvec is not None else np.zeros(len(rows))
        lexical = lex_all[rows] if lex_all is not None else np.zeros(len(rows))
        if cfg.mode == "dense":
            fused = _minmax(dense)
        elif cfg.mode == "lexical":
            fused = lexical / lexical.max() if lexical.max() > 0 else lexical
        else:
            lex_norm = lexical / lexical.max() if lexical.max() > 0 else lexical
            fused = cfg.alpha * _minmax(dense) + (1 - cfg.alpha) * lex_norm

        scored = []
        for j, row in enumerate(rows):
            chunk = index.chunks[row]
            adjust, match = time_scores(query.scope, chunk, cfg)
            scored.append((float(fused[j]) + adjust, j, match))
        scored.sort(key=lambda t: -t[0])
        hits = [
            Hit(chunk=index.chunks[rows[j]], rank=r + 1, score=s, dense=float(dense[j]),
                lexical=float(lexical[j]), time_match=match)
            for r, (s, j, match) in enumerate(scored[:top_k])
        ]
        return SearchResult(question, hits, query.expanded)
