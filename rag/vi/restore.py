"""Diacritics put back on a question typed without them, from the corpus's own word forms."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

from index.lexical import WordForms
from rag.vi.text import fold

_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)
# Two words with only spaces between them (overlapping: "a b c" gives "a b" and "b c").
_PAIR_RE = re.compile(r"(?<![^\W\d_])([^\W\d_]+)(?=[ \t]+([^\W\d_]+))", re.UNICODE)
MAX_PAIRS = 300_000  # word pairs stored with an index (the most frequent, when more)


class DiacriticRestorer:
    """Restores diacritics of a question typed without them, from the corpus's own words.

    For each folded syllable pair ("kim ngach") the most frequent written form in the corpus
    ("kim ngạch") is kept; single syllables fall back to their most frequent form.
    """

    def __init__(self, forms: WordForms):
        self.unigrams = forms.unigrams
        self.bigrams = forms.bigrams
        self.pairs = forms.pairs

    @staticmethod
    def forms(texts: Iterable[str]) -> WordForms:
        """The word forms and counts of a corpus, read once (what the index stores).  Pairs
        are of words with only white space between them; when there are more than MAX_PAIRS,
        the most frequent are kept."""
        uni: dict[str, Counter[str]] = defaultdict(Counter)
        bi: dict[str, Counter[str]] = defaultdict(Counter)
        pairs: Counter[str] = Counter()
        for text in texts:
            words = [w.lower() for w in _WORD_RE.findall(text)]
            for w in words:
                uni[fold(w)][w] += 1
            for a, b in zip(words, words[1:], strict=False):
                bi[f"{fold(a)} {fold(b)}"][f"{a} {b}"] += 1
            for m in _PAIR_RE.finditer(text):
                pairs[f"{m.group(1).lower()} {m.group(2).lower()}"] += 1
        unigrams = {k: c.most_common(1)[0][0] for k, c in uni.items()}
        bigrams = {}
        for key, forms in bi.items():
            best = forms.most_common(1)[0][0]
            a, b = key.split(" ")
            if best != f"{unigrams[a]} {unigrams[b]}":  # keep only pairs that add something
                bigrams[key] = best
        counts = {w: n for forms in uni.values() for w, n in forms.items()}
        kept = dict(pairs.most_common(MAX_PAIRS)) if len(pairs) > MAX_PAIRS else dict(pairs)
        return WordForms(unigrams, bigrams, counts, kept)

    def restore(self, question: str, keep: Iterable[tuple[int, int]] = ()) -> str:
        """Diacritics put back on words the corpus knows; other words stay as typed.

        ``keep``: (start, end) character spans of ``question`` whose words stay as written
        even when they carry no marks -- the asking phrases rag.search.query.analyze has
        already written ("bao nhiêu": its "bao" would otherwise take the corpus's most
        frequent form "báo", as in "báo cáo": break-tests bt17n/bt17p, session 44)."""
        tokens = re.split(r"([^\W\d_]+)", question)
        word_idx = [i for i, t in enumerate(tokens) if i % 2 == 1]
        restored = {i: tokens[i] for i in word_idx}
        done: set[int] = set()
        typed = {i for i in word_idx if fold(tokens[i]) != tokens[i].lower()}
        spans = list(keep)
        if spans:
            offsets = [0]
            for t in tokens:
                offsets.append(offsets[-1] + len(t))
            typed |= {i for i in word_idx
                      if any(s <= offsets[i] and offsets[i + 1] <= e for s, e in spans)}
        for a, b in zip(word_idx, word_idx[1:], strict=False):
            if tokens[a + 1].strip() or a in typed or b in typed:
                continue  # punctuation between, or a word already written with diacritics
            key = f"{fold(tokens[a])} {fold(tokens[b])}"
            if key in self.bigrams:
                wa, wb = self.bigrams[key].split(" ")
                if a not in done:
                    restored[a] = match_case(tokens[a], wa)
                restored[b] = match_case(tokens[b], wb)
                done.update((a, b))
        for i in word_idx:
            if i not in done and i not in typed and fold(tokens[i]) in self.unigrams:
                restored[i] = match_case(tokens[i], self.unigrams[fold(tokens[i])])
        return "".join(restored.get(i, t) for i, t in enumerate(tokens))


    def restore_name(self, words: list[str], joined: bool = False) -> list[str] | None:
        """The capitalised words of a name typed without diacritics (["Hoa", "Bac"]) as the
        corpus writes them (["Hòa", "Bắc"]), or None when it does not: each word must be one
        the corpus holds, and each pair of them one it writes -- a stored pair form
        (``bigrams``) or its words' own forms side by side (``pairs``) -- so that two words
        met apart are no name, but for words typed ``joined`` by a hyphen ("Viet-Trung": the
        reports space it, "Việt - Trung"); at least one restored word must carry a
        diacritic."""
        folded = [fold(w).lower() for w in words]
        if len(words) < 2 or any(f not in self.unigrams for f in folded):
            return None
        out = [self.unigrams[f] for f in folded]
        for i, (a, b) in enumerate(zip(folded, folded[1:], strict=False)):
            pair = self.bigrams.get(f"{a} {b}")
            if pair is not None:
                out[i], out[i + 1] = pair.split(" ")
            elif not joined and f"{out[i]} {out[i + 1]}" not in self.pairs:
                return None
        if all(fold(w) == w for w in out):
            return None
        return [match_case(t, w) for t, w in zip(words, out, strict=True)]


def match_case(typed: str, word: str) -> str:
    """``word`` in the case ``typed`` was written in: all capitals, a capital first, or as is."""
    if typed.isupper() and len(typed) > 1:
        return word.upper()
    if typed[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def pair_writer(forms: WordForms) -> Callable[[str, str], str | None] | None:
    """How the corpus writes a folded word pair ("dien", "san" -> "điện sản"): its own written
    form when it differs from its words' (``forms.bigrams``), else its words' most frequent
    forms, None when the corpus lacks either word; None for an index without its word
    forms."""
    if not forms.unigrams:
        return None

    def written(a: str, b: str) -> str | None:
        pair = forms.bigrams.get(f"{a} {b}")
        if pair is not None:
            return pair
        if a not in forms.unigrams or b not in forms.unigrams:
            return None
        return f"{forms.unigrams[a]} {forms.unigrams[b]}"
    return written

