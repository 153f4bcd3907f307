"""BM25 over diacritics-folded Vietnamese tokens, and the corpus map that restores diacritics.

bm25s's own tokenizer drops one-letter syllables ("ở", "ý"), so tokens come from
:func:`rag.vi.text.tokenize` and only bm25s's ``BM25`` scorer is used.
"""

from __future__ import annotations

import json
import logging
import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

import bm25s
import numpy as np

from rag.vi.text import fold, tokenize

_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)
logging.getLogger("bm25s").setLevel(logging.WARNING)


class LexicalIndex:
    def __init__(self, bm25: bm25s.BM25, scheme: str, size: int):
        self.bm25 = bm25
        self.scheme = scheme
        self.size = size

    @classmethod
    def build(cls, texts: Iterable[str], scheme: str = "syllable+bigram",
              k1: float = 1.2, b: float = 0.75) -> LexicalIndex:
        """BM25 over ``texts``, read once.

        The scores are bm25s's (Lucene variant, ``bm25s.BM25(k1, b).index`` gives the same
        matrix), but built in two passes over each passage's distinct tokens and their counts,
        placed straight into the token-major (CSC) matrix bm25s searches: about 16 bytes per
        (passage, token) pair at the peak, where bm25s's own build holds every passage's full
        token list and sorts 64-bit keys (some 50 bytes a pair; over 1 GB at 100k passages).
        """
        vocab: dict[str, int] = {}
        ids, counts = array("i"), array("f")  # each passage's distinct tokens, and their tf
        offsets, lengths = array("q", [0]), array("i")
        for text in texts:
            toks = np.fromiter((vocab.setdefault(tok, len(vocab))
                                for tok in tokenize(text, scheme) or [""]), np.int32)
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

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every passage for ``query`` (zeros when no token is known)."""
        if not self.size:
            return np.zeros(0, np.float32)
        ids = self.bm25.get_tokens_ids(tokenize(query, self.scheme))
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
        if self.size:
            self.bm25.save(str(path), show_progress=False)
        else:
            path.mkdir(parents=True, exist_ok=True)
        (path / "scheme.json").write_text(json.dumps({"scheme": self.scheme, "size": self.size}))

    @classmethod
    def load(cls, path: Path) -> LexicalIndex:
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


class DiacriticRestorer:
    """Restores diacritics of a question typed without them, from the corpus's own words.

    For each folded syllable pair ("kim ngach") the most frequent written form in the corpus
    ("kim ngạch") is kept; single syllables fall back to their most frequent form.
    """

    def __init__(self, unigrams: dict[str, str], bigrams: dict[str, str]):
        self.unigrams = unigrams
        self.bigrams = bigrams

    @classmethod
    def build(cls, texts: Iterable[str]) -> DiacriticRestorer:
        uni: dict[str, Counter[str]] = defaultdict(Counter)
        bi: dict[str, Counter[str]] = defaultdict(Counter)
        for text in texts:
            words = [w.lower() for w in _WORD_RE.findall(text)]
            for w in words:
                uni[fold(w)][w] += 1
            for a, b in zip(words, words[1:], strict=False):
                bi[f"{fold(a)} {fold(b)}"][f"{a} {b}"] += 1
        unigrams = {k: c.most_common(1)[0][0] for k, c in uni.items()}
        bigrams = {}
        for key, forms in bi.items():
            best = forms.most_common(1)[0][0]
            a, b = key.split(" ")
            if best != f"{unigrams[a]} {unigrams[b]}":  # keep only pairs that add something
                bigrams[key] = best
        return cls(unigrams, bigrams)

    def restore(self, question: str) -> str:
        """Diacritics put back on words the corpus knows; other words stay as typed."""
        tokens = re.split(r"([^\W\d_]+)", question)
        word_idx = [i for i, t in enumerate(tokens) if i % 2 == 1]
        restored = {i: tokens[i] for i in word_idx}
        done: set[int] = set()
        typed = {i for i in word_idx if fold(tokens[i]) != tokens[i].lower()}
        for a, b in zip(word_idx, word_idx[1:], strict=False):
            if tokens[a + 1].strip() or a in typed or b in typed:
                continue  # punctuation between, or a word already written with diacritics
            key = f"{fold(tokens[a])} {fold(tokens[b])}"
            if key in self.bigrams:
                wa, wb = self.bigrams[key].split(" ")
                if a not in done:
                    restored[a] = _match_case(tokens[a], wa)
                restored[b] = _match_case(tokens[b], wb)
                done.update((a, b))
        for i in word_idx:
            if i not in done and i not in typed and fold(tokens[i]) in self.unigrams:
                restored[i] = _match_case(tokens[i], self.unigrams[fold(tokens[i])])
        return "".join(restored.get(i, t) for i, t in enumerate(tokens))

    def save(self, path: Path) -> None:
        path.write_text(json.dumps({"unigrams": self.unigrams, "bigrams": self.bigrams},
                                   ensure_ascii=False))

    @classmethod
    def load(cls, path: Path) -> DiacriticRestorer:
        data = json.loads(path.read_text())
        return cls(data["unigrams"], data["bigrams"])


def _match_case(typed: str, word: str) -> str:
    if typed.isupper() and len(typed) > 1:
        return word.upper()
    if typed[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
