"""The BM25-first cascade: when BM25's answer may stand without the embedder."""

from __future__ import annotations

from dataclasses import dataclass

from rag.records import Hit


@dataclass(frozen=True)
class BM25Margin:
    """When BM25's ranking is decisive enough for its answer to stand without the embedder,
    below ``RAG_CASCADE_CONFIDENCE``: the answer is found with at least ``confidence`` and
    BM25's first passage scores at least ``ratio`` times its fifth.  Fitted on the seed gold
    set, the dev reports and XQuAD-vi dev (981 questions): of the 743 that went to the
    embedder, 220 pass and every one of them gets the same answer from hybrid retrieval; the
    first disagreements appear at a ratio of 2.25 (``bench/cascade_margin.py`` prints it)."""

    confidence: float = 0.5
    ratio: float = 3.0
    passages: int = 5  # the fifth passage must exist and score above zero

    def decisive(self, hits: list[Hit], confidence: float) -> bool:
        """Whether BM25's ``hits`` (best first, ``Hit.lexical`` their BM25 scores) and an
        answer found with ``confidence`` (0-1) settle the question without the embedder."""
        if confidence < self.confidence or len(hits) < self.passages:
            return False
        fifth = hits[self.passages - 1].lexical
        return fifth > 0 and hits[0].lexical >= self.ratio * fifth


BM25_MARGIN = BM25Margin()
