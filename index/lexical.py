"""BM25 over diacritics-folded Vietnamese tokens, and the corpus map that restores diacritics.

bm25s's own tokenizer drops one-letter syllables ("ở", "ý"), so tokens come from
:func:`rag.text.tokenize` and only bm25s's ``BM25`` scorer is used.
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

from rag.text import fold, tokenize

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
        """BM25 over ``texts``, read once; each passage is kept as 4-byte token ids (not a
        list of strings), so building holds about the index's own size."""
        vocab: dict[str, int] = {}
        corpus: list[array[int]] = []
        for text in texts:
            corpus.append(array("i", [vocab.setdefault(tok, len(vocab))
                                      for tok in tokenize(text, scheme) or [""]]))
        bm25 = bm25s.BM25(k1=k1, b=b)
        if corpus:
            bm25.index((corpus, vocab), show_progress=False)
        return cls(bm25, scheme, len(corpus))

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
