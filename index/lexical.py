"""BM25 over diacritics-folded Vietnamese tokens, and the corpus map that restores diacritics.

bm25s's own tokenizer drops one-letter syllables ("ở", "ý"), so tokens come from
:func:`rag.vi.text.tokenize` and only bm25s's ``BM25`` scorer is used.
"""

from __future__ import annotations

import json
import logging
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import bm25s
import numpy as np

logging.getLogger("bm25s").setLevel(logging.WARNING)


class LexicalIndex:
    """BM25 (bm25s) over tokens the caller gives (one-letter syllables kept: bm25s's own
    tokenizer drops them); ``scheme`` names how the tokens were made, ``size`` counts the
    passages."""

    def __init__(self, bm25: bm25s.BM25, scheme: str, size: int):
        self.bm25 = bm25
        self.scheme = scheme
        self.size = size

    @classmethod
    def build(cls, passages: Iterable[Sequence[str]], scheme: str = "syllable+bigram",
              k1: float = 1.2, b: float = 0.75) -> LexicalIndex:
        """BM25 over the token lists of ``passages``, read once; ``scheme`` names how they were
        tokenized (recorded, so that queries are tokenized the same way).

        The scores are bm25s's (Lucene variant, ``bm25s.BM25(k1, b).index`` gives the same
        matrix), but built in two passes over each passage's distinct tokens and their counts,
        placed straight into the token-major (CSC) matrix bm25s searches: about 16 bytes per
        (passage, token) pair at the peak, where bm25s's own build holds every passage's full
        token list and sorts 64-bit keys (some 50 bytes a pair; over 1 GB at 100k passages).
        """
        vocab: dict[str, int] = {}
        ids, counts = array("i"), array("f")  # each passage's distinct tokens, and their tf
        offsets, lengths = array("q", [0]), array("i")
        for tokens in passages:
            toks = np.fromiter((vocab.setdefault(tok, len(vocab))
                                for tok in tokens or [""]), np.int32)
            distinct, tf = np.unique(toks, return_counts=True)
            ids.frombytes(distinct.tobytes())
            counts.frombytes(tf.astype(np.float32).tobytes())
            offsets.append(len(ids))
            lengths.append(len(toks))
        bm25 = bm25s.BM25(k1=k1, b=b)  # method "lucene", float32 scores, int32 indices
        if lengths:
            bm25.scores = _bm25_matrix(np.frombuffer(ids, np.int32),
                                       np.frombuffer(counts, np.float32),
                                       np.frombuffer(offsets, np.int64),
                                       np.frombuffer(lengths, np.int32), len(vocab), k1, b)
            del ids, counts
            vocab.setdefault("", len(vocab))  # as bm25s.index adds it, after the matrix
            bm25.vocab_dict = vocab
            bm25.unique_token_ids_set = set(vocab.values())
            bm25.nonoccurrence_array = None  # Lucene's BM25 has no non-occurrence score
        return cls(bm25, scheme, len(lengths))

    def scores(self, tokens: Sequence[str]) -> np.ndarray:
        """BM25 score of every passage for a query's ``tokens`` (tokenized by ``scheme``);
        zeros when no token is known."""
        if not self.size:
            return np.zeros(0, np.float32)
        ids = self.bm25.get_tokens_ids(list(tokens))
        if not ids:
            return np.zeros(self.size, np.float32)
        return np.asarray(self.bm25.get_scores_from_ids(ids), dtype=np.float32)

    def df(self, token: str) -> int:
        """How many passages contain ``token`` (a folded syllable or canonical number)."""
        tid = (self.bm25.vocab_dict or {}).get(token) if self.size else None
        if tid is None:
            return 0
        indptr = self.bm25.scores["indptr"]
        if tid + 1 >= len(indptr):  # bm25s's empty token, added after the matrix
            return 0
        return int(indptr[tid + 1] - indptr[tid])

    def save(self, path: Path) -> None:
        """Write the BM25 matrices and the scheme into the folder ``path`` (OSError when the
        disk refuses)."""
        if self.size:
            self.bm25.save(str(path), show_progress=False)
        else:
            path.mkdir(parents=True, exist_ok=True)
        (path / "scheme.json").write_text(json.dumps({"scheme": self.scheme, "size": self.size}))

    @classmethod
    def load(cls, path: Path) -> LexicalIndex:
        """The index :meth:`save` wrote in ``path`` (OSError, ValueError for missing or broken
        files)."""
        meta = json.loads((path / "scheme.json").read_text())
        bm25 = bm25s.BM25.load(str(path), load_corpus=False) if meta["size"] else bm25s.BM25()
        return cls(bm25, meta["scheme"], meta["size"])


def _bm25_matrix(ids: np.ndarray, tf: np.ndarray, offsets: np.ndarray, lengths: np.ndarray,
                 n_vocab: int, k1: float, b: float) -> dict[str, object]:
    """bm25s's score matrix (``data``, ``indices``, ``indptr``, ``num_docs``) from each
    passage's distinct token ids and counts (passage i: ``ids[offsets[i]:offsets[i+1]]``).

    The arithmetic is bm25s's: Lucene idf ``log(1 + (N - df + 0.5) / (df + 0.5))`` and term
    part ``tf / (k1 * (1 - b + b * len / avg_len) + tf)``, in float64, stored as float32."""
    n_docs = len(lengths)
    df = np.bincount(ids, minlength=n_vocab)
    idf = np.zeros(n_vocab, np.float32)
    seen = df > 0
    idf[seen] = np.log(1 + (n_docs - df[seen] + 0.5) / (df[seen] + 0.5))
    avg_len = lengths.mean()
    indptr = np.zeros(n_vocab + 1, np.int64)
    np.cumsum(df, out=indptr[1:])
    heads = indptr[:-1].copy()  # the next free slot of each token's column
    data = np.empty(len(ids), np.float32)
    indices = np.empty(len(ids), np.int32)
    for doc in range(n_docs):  # in passage order, so each column's rows come sorted
        lo, hi = offsets[doc], offsets[doc + 1]
        toks, tfs = ids[lo:hi], tf[lo:hi]
        tfc = tfs / (k1 * ((1 - b) + b * int(lengths[doc]) / avg_len) + tfs)
        slots = heads[toks]  # a passage's tokens are distinct: no slot is taken twice
        data[slots] = idf[toks] * tfc
        indices[slots] = doc
        heads[toks] += 1
    return {"data": data, "indices": indices, "indptr": indptr, "num_docs": n_docs}


@dataclass(frozen=True)
class WordForms:
    """The corpus's vocabulary, as the library above built it (``rag.vi.restore``): the most
    frequent written form of each diacritics-folded word (``unigrams``) and of each folded
    word pair whose form differs from its words' own (``bigrams``), e.g.
    ``{"kim ngach": "kim ngạch"}``, used to put diacritics back on a question typed without
    them; and how often each lower-cased written word (``counts``) and adjacent word pair
    (``pairs``, "kim ngạch") occurs, used to correct a question's misspelt words.  Stored with
    the index (``restore.json``); an index written before the counts existed has none."""

    unigrams: dict[str, str] = field(default_factory=dict)
    bigrams: dict[str, str] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    pairs: dict[str, int] = field(default_factory=dict)

    def save(self, path: Path) -> None:
        """Write the word forms and counts to the JSON file ``path`` (restore.json)."""
        path.write_text(json.dumps({"unigrams": self.unigrams, "bigrams": self.bigrams,
                                    "counts": self.counts, "pairs": self.pairs},
                                   ensure_ascii=False))

    @classmethod
    def load(cls, path: Path) -> WordForms:
        """Word forms from the JSON file :meth:`save` wrote; a file from before the counts
        existed gives empty counts."""
        data = json.loads(path.read_text())
        return cls(data["unigrams"], data["bigrams"], data.get("counts", {}),
                   data.get("pairs", {}))
