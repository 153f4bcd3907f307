"""Diacritics put back on a question typed without them, from the corpus's own word forms."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

from index.lexical import WordForms
from rag.vi.lexicon import QUESTION_PHRASES
from rag.vi.text import fold
from rag.vi.words import is_syllable_word, is_two_syllable_word

_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)
# Two words with only spaces between them (overlapping: "a b c" gives "a b" and "b c").
_PAIR_RE = re.compile(r"(?<![^\W\d_])([^\W\d_]+)(?=[ \t]+([^\W\d_]+))", re.UNICODE)
MAX_PAIRS = 300_000  # word pairs stored with an index (the most frequent, when more)
# A word typed without diacritics shows them left off when the corpus writes it with them at
# least this many times as often ("tang": "tăng"); the ratio of the speller's KNOWN_RATIO
# (rag.vi.spell), for the same question: is the word as typed the corpus's word?
BARE_RATIO = 10
# The asking phrases typed without diacritics ("la bao nhieu", "bao nhieu", "may"), longest
# first, each as a run of words.
_ASKING = sorted((tuple(k.split()) for k in QUESTION_PHRASES), key=len, reverse=True)


class DiacriticRestorer:
    """Restores diacritics of a question typed without them, from the corpus's own words.

    For each folded syllable pair ("kim ngach") the most frequent written form in the corpus
    ("kim ngạch") is kept; single syllables fall back to their most frequent form.
    """

    def __init__(self, forms: WordForms):
        self.unigrams = forms.unigrams
        self.bigrams = forms.bigrams
        self.pairs = forms.pairs
        self.counts = forms.counts

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


    def restore_mixed(self, question: str) -> str:
        """A question typed partly with diacritics and partly without ("IIP 9 tháng 2058 tang
        bao nhieu", "kim ngach XNK 9 tháng 2058 la bao nhieu": a phone keyboard, a phrase
        pasted) with each word read as one of the two pure forms reads it: a word typed with
        diacritics as typed; a word typed without them, in a run of such words that shows
        them left off (:meth:`bare_typed`: "nhieu", "ngach", "tang" -- words the corpus
        writes with marks at least BARE_RATIO times as often as without), as a question typed
        wholly without them has it written: its asking phrase first (QUESTION_PHRASES, its
        other words typed as the phrase writes them: "bao nhieu", "bao nhiêu" ->
        "bao nhiêu"), else the corpus's form of its pair with a neighbour of the run ("kim
        ngach" -> "kim ngạch"), or with a typed neighbour when that form writes the neighbour
        as typed, else the corpus's form of the word ("tang" -> "tăng").  A bare word stays
        as typed when the corpus writes it so beside a neighbour as typed, or the dictionary
        has them as a word ("so với", "con số", "cơ quan", "thanh long": a word needing no
        marks; rag.vi.words.is_two_syllable_word), when it is capitalised after the first
        word (a name: "cửa khẩu Cốc Nam") or an acronym ("XNK"), and in a run showing no
        marks left off ("bao" of "bao nhiêu", "so" of "so sánh").  The question itself when
        it has no word with diacritics (:meth:`restore` reads that one) or nothing to
        restore.  Break-test bt22a, session 50: such questions were read as typed with
        diacritics, their bare "bao nhieu", "tang" taken for content words, and refused."""
        tokens = re.split(r"([^\W\d_]+)", question)
        idx = list(range(1, len(tokens), 2))
        low = {i: tokens[i].lower() for i in idx}
        if all(fold(low[i]) == low[i] for i in idx):
            return question
        nxt = {a: b for a, b in zip(idx, idx[1:], strict=False)
               if tokens[a + 1] and not tokens[a + 1].strip(" \t")}
        prev = {b: a for a, b in nxt.items()}

        def bare(n: int, i: int) -> bool:
            t = tokens[i]
            return fold(low[i]) == low[i] and not (t.isupper() and len(t) > 1) and \
                not (n > 0 and t[:1].isupper()) and \
                not (i in prev and written_pair(low[prev[i]], low[i])) and \
                not (i in nxt and written_pair(low[i], low[nxt[i]]))

        def written_pair(a: str, b: str) -> bool:  # "so với", "cơ quan": no marks left off
            return f"{a} {b}" in self.pairs or is_two_syllable_word(a, b)

        todo: set[int] = set()
        run: list[int] = []
        for n, i in enumerate([*idx, -1]):  # the runs of bare words, -1 closing the last
            if i >= 0 and bare(n, i) and (not run or nxt.get(run[-1]) == i):
                run.append(i)
                continue
            # a lone bare word that is a word as typed ("nộp bao nhiêu cho ngân sách": "cho",
            # not "chợ") is no run of marks left off (tests/test_function_words_asked.py)
            if any(self.bare_typed(low[j]) for j in run) and not (
                    len(run) == 1 and is_syllable_word(low[run[0]])):
                todo.update(run)
            run = [i] if i >= 0 and bare(n, i) else []
        if not todo:
            return question
        out = dict(low)
        done: set[int] = set()
        for n in range(len(idx)):  # the asking phrases, at least one word of them bare
            for phrase in _ASKING:
                words = idx[n:n + len(phrase)]
                written = QUESTION_PHRASES[" ".join(phrase)].split()
                if len(words) == len(phrase) and any(j in todo for j in words) and \
                        not any(j in done for j in words) and \
                        all(nxt.get(a) == b for a, b in zip(words, words[1:], strict=False)) and \
                        all(low[j] == (f if j in todo else w)
                            for j, f, w in zip(words, phrase, written, strict=True)):
                    out.update(zip(words, written, strict=True))
                    done.update(words)
                    break
        for a, b in nxt.items():  # a pair's form: both open, or one settled as the form has it
            open_a, open_b = a in todo and a not in done, b in todo and b not in done
            form = self.bigrams.get(f"{fold(low[a])} {fold(low[b])}") \
                if open_a or open_b else None
            if form is None:
                continue
            wa, wb = form.split(" ")
            if open_a and open_b:
                out[a], out[b] = wa, wb
                done.update((a, b))
            elif open_a and wb == out[b]:
                out[a] = wa
                done.add(a)
            elif open_b and wa == out[a]:
                out[b] = wb
                done.add(b)
        for i in todo - done:
            out[i] = self.unigrams.get(fold(low[i]), low[i])
        return "".join(match_case(t, out[i]) if i in todo else t
                       for i, t in enumerate(tokens))

    def bare_typed(self, word: str) -> bool:
        """Whether ``word`` (lower case, without diacritics) shows its marks left off: the
        corpus writes its most frequent form with marks, at least BARE_RATIO times as often
        as it writes the word bare ("nhieu", "tang", "ngach"; not "kim", "so", "xe")."""
        form = self.unigrams.get(word)
        return form is not None and form != word and \
            self.counts.get(word, 0) * BARE_RATIO <= self.counts.get(form, 0)

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

