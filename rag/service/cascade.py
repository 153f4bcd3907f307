"""The BM25-first cascade: when BM25's answer may stand without the embedder."""

from __future__ import annotations

from dataclasses import dataclass

from rag.records import Hit


@dataclass(frozen=True)
class BM25Margin:
    """When BM25's ranking is decisive enough for its answer to stand without the embedder,
    below ``RAG_CASCADE_CONFIDENCE``: the answer is found with at least ``confidence`` and
    BM25's first passage scores at least ``ratio`` times its fifth.  Measured on ``ask``'s own
    answers (``bench/cascade_margin.py``): of the XQuAD-vi dev questions BM25 finds below
    RAG_CASCADE_CONFIDENCE (490), the first whose answer hybrid retrieval changes passes at a
    ratio of 2.0; 2.5 keeps a step of margin and settles 233 of them, all answered as hybrid
    answers them; checked on the seed gold set, the dev reports and dev2 (171 such questions,
    none answered differently down to a ratio of 1.5), it settles 81 of them."""

    confidence: float = 0.5
    ratio: float = 2.5
    passages: int = 5  # the fifth passage must exist and score above zero

    def decisive(self, hits: list[Hit], confidence: float) -> bool:
        """Whether BM25's ``hits`` (best first, ``Hit.lexical`` their BM25 scores) and an
        answer found with ``confidence`` (0-1) settle the question without the embedder."""
        if confidence < self.confidence or len(hits) < self.passages:
            return False
        fifth = hits[self.passages - 1].lexical
        return fifth > 0 and hits[0].lexical >= self.ratio * fifth


BM25_MARGIN = BM25Margin()
