"""Misspelt words of a question corrected against the corpus's own vocabulary.

People type "kim nghạch", "suất khẩu" (s for x), "nhâp khẩu", or one word without its tone
marks.  The index stores how often each word and each adjacent word pair occurs in the corpus
(``index.lexical.WordForms``: ``counts``, ``pairs``); symspellpy finds the corpus words within
a small edit distance of a typed word (Damerau-Levenshtein over the composed letters, so a
wrong or missing tone mark is one edit), and a candidate replaces the typed word only when it
makes a word pair the corpus holds where the typed word made none -- "suất khẩu" is no pair of
the reports, "xuất khẩu" is.  A question typed without any diacritics is corrected over the
folded vocabulary and stays without them ("suat khau" -> "xuat khau").
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from functools import cached_property, partial
from typing import Any

from index.lexical import WordForms
from rag.vi.lexicon import (
    ABBREVIATIONS,
    ASK_WORDS,
    CHANGE_ADVERB_TERMS,
    QUESTION_PHRASES,
    QUESTION_WORDS,
)
from rag.vi.lunar import CAN_CHI
from rag.vi.restore import DiacriticRestorer, match_case
from rag.vi.telex import decode as telex_decode
from rag.vi.text import fold, has_diacritics, is_syllable, normalize_query
from rag.vi.words import is_syllable_word, is_two_syllable_word, is_word

_SPLIT_RE = re.compile(r"([^\W\d_]+)", re.UNICODE)
# Words that say when: "quý I/2018" read as "qua I/2018" lost its period (a corpus where
# "qua" is frequent and "quý" rare made the swap look like a correction).
_TIME_WORDS = ("quý", "tháng", "năm", "ngày", "tuần", "kỳ", "đầu", "cuối", "nửa", "giữa",
               "trước", "ngoái", "kia", "nay", "hiện",
               # counts of months said in words: "ba thang dau nam 2018" read as "và tháng
               # đầu năm" lost its three months ("khẩu và" is a corpus pair, "khẩu ba" none)
               "một", "hai", "ba", "bốn", "sáu", "bảy", "tám", "chín", "mười")
# Words never corrected: the question words, the time words, the adverbs a change is asked
# with ("tăng thêm", "có thêm", "giảm đi": rag.vi.lexicon.CHANGE_ADVERB_TERMS -- reports write
# the change "tăng 13 sản phẩm", so a corpus may lack "thêm": "tăng thêm từ tháng 6" was read
# as "tăng thu", a corpus pair two edits away, and the change asked became a level; issue 17
# bt17h) and abbreviations the query expands.
_KEEP = frozenset(w for phrase in (*QUESTION_PHRASES, *QUESTION_WORDS, *ASK_WORDS,
                                   *_TIME_WORDS)
                  for w in fold(phrase).split()) | frozenset(ABBREVIATIONS) | \
    CHANGE_ADVERB_TERMS
# One edit: a wrong, missing or extra tone or quality mark, one letter changed, added, left
# out or swapped ("nghạch", "suất", "nhâp", "ngiệp", "bám").  Two edits turned correct words
# into other words too often.
MAX_EDITS = 1
# Two edits ("suât" for "xuất": s for x and a missing tone; "nhaap" for "nhập") only for a
# word the corpus does not hold, of at least MIN_LEN_FAR letters, when exactly one corpus
# word that far makes a corpus pair with its neighbours (tests/test_far_typos.py).
FAR_EDITS = 2
MIN_LEN_FAR = 4
# A word the corpus itself holds is replaced only by a word this many times more frequent
# that makes at least MIN_PAIRS_FOR_KNOWN corpus pairs with its neighbours ("suất khẩu" ->
# "xuất khẩu"); a frequent word ("tháng", "trong") is never replaced.
KNOWN_RATIO = 10
MIN_PAIRS_FOR_KNOWN = 2
# A known confusion ("suất khẩu" for "xuất khẩu", "trợ biên giới" for "chợ biên giới": see
# :func:`confusions`) is read as the corpus's word when that makes corpus pairs with its
# neighbours at least this often, the typed word making none ("written often": one pair
# could be a chance neighbour, as "mỗi thành" of "mỗi thành phố").
MIN_PAIRS_FOR_CONFUSION = 2
# A misspelt acronym ("OCPO") is read only as a corpus acronym of at least this many letters:
# acronyms of three lie one edit apart too often ("FDA", "FDI", "CPI") to tell which was meant.
MIN_ACRONYM = 4


# A year typed with the letter O for a zero ("năm 2O24", "quý I/2o24", "tháng 3/2O2O"): a
# 4-character token of digits and O/o after "năm", or after "quý I/", "tháng 3/".
_YEAR_TYPO_RE = re.compile(r"((?<!\w)(?:năm|nam)\s+|(?<!\w)(?:quý|quy|q)\s*(?:iv|iii|ii|i|[1-4])"
                           r"\s*[/-]\s*|(?<!\w)(?:tháng|thang)\s+\d{1,2}\s*[/-]\s*)"
                           r"([12][\dOo]{3})(?!\w)", re.IGNORECASE)


def year_typos(question: str) -> str:
    """``question`` with a year typed with the letter O for a zero read as that year: "năm
    2O24" -> "năm 2024", "quý I/2o24", "tháng 3/2O2O"; only a token of four digits and O/o
    after "năm", "quý I/" or "tháng 3/" that makes a year 1900-2099 (a question's typo: in
    the reports such a token is left as written)."""
    def fix(m: re.Match[str]) -> str:
        year = m.group(2).replace("O", "0").replace("o", "0")
        if year == m.group(2) or not year.startswith(("19", "20")):
            return m.group(0)
        return m.group(1) + year

    return _YEAR_TYPO_RE.sub(fix, question)


# "vs" after "so" (compared), as chat and phone keyboards shorten "với": "so vs cùng kỳ",
# "so vs tháng trước" (break-test bt22a, session 50).  Only after "so" or "so sánh": elsewhere
# "vs" may be the English "versus" of a name or a heading.
_SO_VS_RE = re.compile(r"(?<!\w)(so(?:\s+s[aá]nh)?\s+)(vs)(?!\w)", re.IGNORECASE)


def so_vs(question: str) -> str:
    """``question`` with the "vs" of "so vs" ("so sánh vs") read as "với" ("voi" in a
    question typed without diacritics): "CPI tháng 9/2058 so vs tháng trước" -> "... so với
    tháng trước" (break-test bt22a, session 50)."""
    word = "voi" if not has_diacritics(question) else "với"
    return _SO_VS_RE.sub(lambda m: m.group(1) + match_case(m.group(2), word), question)


# The period words a typo may hide ("thág", "thnág", "qý", "nm"), with what must stand next
# to one for it to be read as that word: a number of months before "tháng" ("8 thág"), a
# month, quarter, year or day after it ("thág 8", "qý I", "nm 2028", "ngy 15/12").
_PERIOD_WORDS = {"thang": "tháng", "nam": "năm", "quy": "quý", "ngay": "ngày"}
_AFTER = {"thang": r"\d{1,2}(?!\d)", "nam": r"(?:19|20)\d\d(?!\d)",
          "quy": r"(?:iv|iii|ii|i|[1-4])(?![\w])", "ngay": r"\d{1,2}\s*/"}
_WORD_AT = re.compile(r"(?<![^\W\d_])[^\W\d_]+(?![^\W\d_])")


def period_typos(question: str, known: Callable[[str], bool] = lambda w: False) -> str:
    """``question`` with a period word typed one edit away ("thág", "thnág", "qý", "nm",
    "ngy" -- a letter left out, changed, added or swapped; a tone mark alone is no typo, the
    period reader folds it away) read as that word, where a number stands as the period's
    next to it: "8 thág năm 2028" -> "8 tháng năm 2028", "qý I/2029" -> "quý I/2029", "nm
    2028" -> "năm 2028"; in a question typed without diacritics, without them.  A word
    ``known`` (the corpus writes it: "than", "qua", "thanh") is left as typed -- "xuất khẩu
    than 8 tháng" is coal.  Edit distance: symspellpy's Damerau-OSA over the folded
    letters."""
    from symspellpy.editdistance import DistanceAlgorithm, EditDistance

    distance = EditDistance(DistanceAlgorithm.DAMERAU_OSA)
    plain = not has_diacritics(question)  # "8 thag nam 2028" -> "8 thang nam 2028"
    out, last = [], 0
    for m in _WORD_AT.finditer(question):
        typed = m.group(0)
        word = fold(typed).lower()
        if word in _PERIOD_WORDS or len(word) < 2 or known(typed.lower()) or known(word):
            continue
        after = question[m.end():].lstrip()
        before = question[:m.start()].rstrip()
        for period, written in _PERIOD_WORDS.items():
            if distance.compare(word, period, 1) != 1:
                continue
            follows = re.match(_AFTER[period], after, re.IGNORECASE) is not None
            counted = period == "thang" and re.search(r"(?<![\d.,/])\d{1,2}$", before)
            if follows or counted:
                out += [question[last:m.start()], match_case(typed, period if plain else written)]
                last = m.end()
                break
    return "".join(out) + question[last:]


class Speller:
    """Corrects a question's misspelt words against one index's vocabulary (see the module)."""

    def __init__(self, forms: WordForms):
        self.counts = forms.counts
        self.pairs = forms.pairs
        self.restorer = DiacriticRestorer(forms)

    @property
    def ready(self) -> bool:
        """Whether the index holds a vocabulary (one built before it existed does not)."""
        return bool(self.counts)

    @cached_property
    def _folded(self) -> tuple[Counter[str], Counter[str]]:
        words: Counter[str] = Counter()
        for w, n in self.counts.items():
            words[fold(w)] += n
        pairs: Counter[str] = Counter()
        for p, n in self.pairs.items():
            pairs[fold(p)] += n
        return words, pairs

    def _symspell(self, folded: bool, edits: int = MAX_EDITS) -> Any:
        attr = ("_sym_folded" if folded else "_sym_written") + str(edits)
        sym = self.__dict__.get(attr)
        if sym is None:
            from symspellpy import SymSpell

            sym = SymSpell(max_dictionary_edit_distance=edits, prefix_length=7)
            counts = self._folded[0] if folded else self.counts
            for word, n in counts.items():
                sym.create_dictionary_entry(word, n)
            self.__dict__[attr] = sym
        return sym

    def correct(self, question: str) -> str:
        """``question`` with misspelt words replaced (normalised, on one line), a year typed
        with O for 0 read as the year (:func:`year_typos`) and a period word one edit away
        read as that word (:func:`period_typos`), "so vs" read "so với" (:func:`so_vs`), and
        the words of a question typed partly without diacritics written as the corpus writes
        them (``DiacriticRestorer.restore_mixed``); the question itself when nothing needs
        correcting (words only when the index has a vocabulary)."""
        text = so_vs(year_typos(normalize_query(question)))
        if not self.ready:
            return text
        folded_words = self._folded[0]
        text = self._telex(text, folded_words)
        text = self._unglue(text)
        text = self.restorer.restore_mixed(text)
        text = period_typos(text, lambda w: w in self.counts or w in folded_words)
        folded = not has_diacritics(text)
        counts, pairs = (self._folded if folded else (self.counts, self.pairs))
        parts = _SPLIT_RE.split(text)
        idx = [i for i in range(1, len(parts), 2)]
        low = {i: (fold(parts[i]) if folded else parts[i].lower()) for i in idx}
        joined = {i: j for i, j in zip(idx, idx[1:], strict=False)
                  if parts[i + 1].strip(" \t") == ""}  # word i and the next one form a pair

        def pair_count(i: int, word: str) -> int:
            """How often ``word`` at i makes a corpus pair with its neighbours; a question
            word is no evidence (the reports never ask "bao nhiêu", but write "đảm bảo")."""
            before = next((a for a, b in joined.items() if b == i), None)
            n = 0
            if before is not None and fold(low[before]) not in _KEEP:
                n += pairs.get(f"{low[before]} {word}", 0)
            if i in joined and fold(low[joined[i]]) not in _KEEP:
                n += pairs.get(f"{word} {low[joined[i]]}", 0)
            return n

        # a lunar year's name ("giap thin", "Ất Tỵ": rag.vi.lunar.CAN_CHI) is a name, never a
        # typo: "tet giap thin tinh don ..." read as "giap toan tinh" lost the asked Tết
        # ("toàn tỉnh" a frequent corpus pair; issue 17, merge of tetyear and holperiod)
        year_name = {k for i, j in joined.items()
                     if re.fullmatch(CAN_CHI, f"{fold(low[i])} {fold(low[j])}", re.IGNORECASE)
                     for k in (i, j)}
        changed = False
        for i, j in joined.items():  # "bao nhiu", "khi nao" mistyped: the question's own words
            if fold(low[j]) in _KEEP:
                continue  # a question word itself: "la ai" is no typo of "la gi"
            phrase = _question_phrase(low[i], low[j], folded)
            if phrase is not None and is_syllable_word(low[j], folded) and \
                    fold(low[j]) != fold(phrase) and \
                    (not is_two_syllable_word(low[i], phrase, folded)
                     or _in_dictionary_word(low, joined, j, folded)):
                continue  # a word, not a mistyped question word: "là sai lầm", "ai làm"
            if phrase is not None and phrase != low[j]:
                low[j] = phrase
                parts[j] = match_case(parts[j], phrase)
                changed = True
        for n, i in enumerate(idx):
            word = low[i]
            name = n > 0 and parts[i][:1].isupper()  # "Cao Bằng", an acronym: not a typo
            if fold(word) in _KEEP or i in year_name or name or \
                    parts[i].isupper() and len(parts[i]) > 1 or pair_count(i, word) > 0:
                continue
            own = counts.get(word, 0)
            real = is_syllable_word(word, folded)
            best: tuple[int, int, int, str] | None = None
            for s in self._symspell(folded).lookup(word, _verbosity(),
                                                   max_edit_distance=MAX_EDITS):
                if s.term == word or (own and s.count < KNOWN_RATIO * own):
                    continue
                if real and not _makes_dictionary_word(low, joined, i, s.term, folded):
                    continue  # "nhỏ nhất" is no typo of "như nhất" (issue 16 item 10)
                context = pair_count(i, s.term)
                if context <= 0 or (own and context < MIN_PAIRS_FOR_KNOWN):
                    continue
                key = (context, -s.distance, s.count, s.term)
                if best is None or key > best:
                    best = key
            if best is None:
                best = self._confused(low, joined, i, folded, partial(pair_count, i))
            if best is None and not own and len(fold(word)) >= MIN_LEN_FAR and \
                    not _in_dictionary_word(low, joined, i, folded):
                # a word that makes a dictionary word with a neighbour ("tỷ trọng") is a
                # real word the corpus lacks, not a two-edit typo of a corpus word ("tổng")
                best = self._far(folded, word, partial(pair_count, i))
                if best is not None and real and \
                        not _makes_dictionary_word(low, joined, i, best[3], folded):
                    best = None
            if best is None:
                continue
            low[i] = best[3]
            parts[i] = match_case(parts[i], best[3])
            changed = True
        return self._acronym_typos("".join(parts) if changed else text)

    def _confused(self, low: dict[int, str], joined: dict[int, int], i: int, folded: bool,
                  context: Callable[[str], int]) -> tuple[int, int, int, str] | None:
        """The corpus word that question word ``i`` is a known confusion of
        (:func:`confusions`: "suất" of "xuất", "trợ" of "chợ"), as ``(pairs, -distance,
        count, word)``, when it makes corpus pairs with the word's neighbours at least
        MIN_PAIRS_FOR_CONFUSION times (``context`` counts them; the caller has seen the typed
        word make none) and the typed word makes no word of two syllables with a neighbour
        (:func:`rag.vi.words.is_two_syllable_word`: "năng suất", "công suất", "hỗ trợ" stay,
        even in a corpus that lacks them); None when no such word or two do equally.  The
        typed word may itself be a frequent corpus word ("suất" of "năng suất"): the pair is
        the evidence, not the word (issue 16 item 10, bt16c: "kim ngạch suất khẩu" refused
        over a report writing "kim ngạch xuất khẩu", "suất" not being ten times rarer)."""
        if _makes_any_word(low, joined, i, folded):
            return None
        counts = self._folded[0] if folded else self.counts
        found = sorted(((context(c), -2, counts[c], c) for c in confusions(low[i], folded)
                        if c in counts), reverse=True)
        if not found or found[0][0] < MIN_PAIRS_FOR_CONFUSION or \
                len(found) > 1 and found[1][0] == found[0][0]:
            return None
        return found[0]

    def _telex(self, text: str, folded_words: Counter[str]) -> str:
        """``text`` with each word left with Telex keys in it ("xuaats", "khaaur", "ngajch")
        read as the word the keys spell (:func:`rag.vi.telex.decode`) when the corpus writes
        that word and holds the typed one neither as written nor folded; an upper-case
        word (an acronym: "USD") is left alone."""
        def fix(m: re.Match[str]) -> str:
            typed = m.group(0)
            low = typed.lower()
            if (typed.isupper() and len(typed) > 1) or low in self.counts or \
                    low in folded_words or fold(low) in _KEEP:
                return typed
            decoded = telex_decode(typed)
            if decoded is None or decoded not in self.counts:
                return typed
            return match_case(typed, decoded)

        return _WORD_AT.sub(fix, text)

    def _unglue(self, text: str) -> str:
        """``text`` with each word that is two syllables typed without the space between
        them ("tổngmức", "Sốliệu") split in two, where exactly one split makes two corpus
        words, each one syllable (``rag.vi.text.is_syllable``), that the corpus writes as a
        pair ("tổng mức"); a word the corpus holds is left as typed."""
        def fix(m: re.Match[str]) -> str:
            typed = m.group(0)
            low = typed.lower()
            if len(low) < 4 or low in self.counts or is_syllable(low) or typed.isupper():
                return typed
            splits = [(low[:k], low[k:]) for k in range(1, len(low))
                      if low[:k] in self.counts and low[k:] in self.counts
                      and is_syllable(low[:k]) and is_syllable(low[k:])
                      and self.pairs.get(f"{low[:k]} {low[k:]}", 0) > 0]
            if len(splits) != 1:
                return typed
            k = len(splits[0][0])
            return f"{typed[:k]} {typed[k:]}"

        return _WORD_AT.sub(fix, text)

    def _acronym_typos(self, text: str) -> str:
        """``text`` with an acronym typed wrong ("OCPO", "ÔCP" for "OCOP": an upper-case word
        of at least three letters the corpus does not hold) read as the one corpus word
        within MAX_EDITS edits of its folded letters -- or FAR_EDITS for a typed word of
        MIN_LEN_FAR letters or more -- that is no Vietnamese syllable (an acronym, not a
        word), has at least MIN_ACRONYM letters and makes a corpus pair with the word before
        or after it ("phẩm ocop"); left as typed when no word or two fit.  The word loop of
        :meth:`correct` leaves upper-case words alone, so a misspelt acronym found nothing
        (issue 17, bt17s/bt17r).  A three-letter acronym is never a target: too many lie
        one edit apart ("FDA", "FDI"); an acronym the corpus writes ("CPI") is never
        rewritten."""
        folded_words = self._folded[0]
        words = list(_WORD_AT.finditer(text))
        out, last = [], 0
        for k, m in enumerate(words):
            typed = m.group(0)
            word = fold(typed).lower()
            if not typed.isupper() or len(word) < 3 or word in folded_words or \
                    typed.lower() in self.counts:
                continue
            before = fold(words[k - 1].group(0)).lower() if k else None
            after = fold(words[k + 1].group(0)).lower() if k + 1 < len(words) else None
            found: list[str] = []
            for edits in (MAX_EDITS, FAR_EDITS):
                if edits == FAR_EDITS and len(word) < MIN_LEN_FAR:
                    break
                found = sorted({
                    s.term for s in self._symspell(True, FAR_EDITS).lookup(
                        word, _verbosity(), max_edit_distance=edits)
                    if len(s.term) >= MIN_ACRONYM and not is_syllable(s.term)
                    and (before is not None and self._folded[1].get(f"{before} {s.term}", 0) > 0
                         or after is not None and self._folded[1].get(f"{s.term} {after}", 0) > 0)})
                if found:
                    break
            if len(found) != 1:
                continue
            out += [text[last:m.start()], found[0].upper()]
            last = m.end()
        return "".join(out) + text[last:]

    def _far(self, folded: bool, word: str,
             context: Callable[[str], int]) -> tuple[int, int, int, str] | None:
        """The one corpus word FAR_EDITS edits from ``word`` that makes a corpus pair with
        its neighbours (``context`` counts them), as ``(pairs, -distance, count, word)``;
        None when no word or more than one does (two edits reach many words: only an
        unambiguous one is taken)."""
        found = []
        for s in self._symspell(folded, FAR_EDITS).lookup(word, _verbosity(),
                                                          max_edit_distance=FAR_EDITS):
            if s.distance != FAR_EDITS or s.term == word:
                continue
            n = context(s.term)
            if n > 0:
                found.append((n, -s.distance, s.count, s.term))
        return found[0] if len(found) == 1 else None



# The spellings Vietnamese writers confuse because their dialect says them alike: the
# initials s/x, ch/tr, d/gi/r (merged in the North), n/l (merged in parts of the North) and
# the tones hỏi/ngã (merged in the Centre and South) -- the classic "lỗi chính tả" of
# Vietnamese school grammars, and what people type in the issue 16 break tests ("suất khẩu",
# "trợ biên giới", "nhập khẫu").
_INITIALS = (("s", "x"), ("ch", "tr"), ("d", "gi", "r"), ("n", "l"))
_HOI, _NGA = "\u0309", "\u0303"


def confusions(word: str, folded: bool = False) -> list[str]:
    """The spellings ``word`` (lower case) is confused with (:data:`_INITIALS`; hỏi/ngã
    swapped, unless ``folded``: a question typed without diacritics): "suất" -> "xuất",
    "trợ" -> "chợ", "dá" -> "giá", "rá"; "khẫu" -> "khẩu".  "nh", "ng" are not "n"."""
    out = []
    for group in _INITIALS:
        for initial in group:
            rest = word[len(initial):]
            if not word.startswith(initial) or not rest or initial == "n" and rest[0] in "hg":
                continue
            out += [other + rest for other in group if other != initial]
            break
    if not folded:
        nfd = unicodedata.normalize("NFD", word)
        if _HOI in nfd or _NGA in nfd:
            swapped = nfd.replace(_HOI, "\0").replace(_NGA, _HOI).replace("\0", _NGA)
            out.append(unicodedata.normalize("NFC", swapped))
    return [w for w in out if w != word]


def _makes_any_word(low: dict[int, str], joined: dict[int, int], i: int, folded: bool) -> bool:
    """Whether question word ``i`` (``low``, ``joined``: as :func:`_in_dictionary_word` takes
    them) makes a word of two syllables (:func:`rag.vi.words.is_two_syllable_word`) with the
    word before or after it."""
    before = next((a for a, b in joined.items() if b == i), None)
    return (before is not None and is_two_syllable_word(low[before], low[i], folded=folded)) \
        or (i in joined and is_two_syllable_word(low[i], low[joined[i]], folded=folded))


def _in_dictionary_word(low: dict[int, str], joined: dict[int, int], i: int,
                        folded: bool) -> bool:
    """Whether question word ``i`` (``low``: the words by position, lower case, folded when
    ``folded``; ``joined``: word -> the next word it stands beside) makes a two-syllable
    word of the dictionary (:func:`rag.vi.words.is_word`, Viet74K) with the word before or
    after it, as written ("tỷ trọng"), or folded when the question has no diacritics."""
    before = next((a for a, b in joined.items() if b == i), None)
    pairs = ([(low[before], low[i])] if before is not None else []) + \
        ([(low[i], low[joined[i]])] if i in joined else [])
    for a, b in pairs:
        if folded and is_word(fold(a), fold(b)):
            return True
        if not folded and is_word(fold(a), fold(b), written=f"{a} {b}"):
            return True
    return False


def _makes_dictionary_word(low: dict[int, str], joined: dict[int, int], i: int,
                           replacement: str, folded: bool) -> bool:
    """Whether ``replacement`` at question word ``i`` (``low``, ``joined``: as
    :func:`_in_dictionary_word` takes them) makes a word of two syllables
    (:func:`rag.vi.words.is_two_syllable_word`: Viet74K's, or the domain's "tổng mức") with
    the word before or after it, where the typed word makes none with either: "suất khẩu"
    -> "xuất khẩu", "tông mức" -> "tổng mức" do; "nhỏ nhất" -> "như nhất" does not, nor
    does any replacement of a word already part of one: "Pháp quay lại" is no "Pháp quan
    lại" (XQuAD-vi dev), at the cost of "nhập khâu máy" ("khâu máy" is a word), left as
    typed.  A question word beside
    it (:data:`_KEEP`) is no evidence: "hơn mà" -> "hơn là", "nào mà" -> "nào là" (XQuAD-vi
    dev) would be words.  The test a typed word that is itself a word
    (:func:`rag.vi.words.is_syllable_word`) must pass to be replaced: a corpus pair alone
    ("xuất khẩu như") is no evidence, since a small corpus lacks most real words (issue 16
    item 10)."""
    before = next((a for a, b in joined.items() if b == i), None)
    neighbours = ([(low[before], True)] if before is not None else []) + \
        ([(low[joined[i]], False)] if i in joined else [])

    def pair(word: str, neighbour: str, left: bool) -> bool:
        return is_two_syllable_word(*((neighbour, word) if left else (word, neighbour)),
                                    folded=folded)

    if any(pair(low[i], n, left) for n, left in neighbours):
        return False
    return any(pair(replacement, n, left) for n, left in neighbours if fold(n) not in _KEEP)


# Two-word question phrases ("bao nhiêu", "khi nào"): the second word of one mistyped after
# its first ("bao nhiu", "bao nhiêù") is read as that word; the reports never write them, so
# the corpus's vocabulary cannot correct them
_PHRASE_SECOND: dict[str, list[str]] = {}
for _phrase in QUESTION_PHRASES.values():
    _words = _phrase.split()
    if len(_words) == 2:
        _PHRASE_SECOND.setdefault(fold(_words[0]), []).append(_words[1])


def _question_phrase(first: str, second: str, folded: bool) -> str | None:
    """The second word of the question phrase that ``first`` opens and ``second`` is at most
    one edit from (as written, or folded when ``folded``), else None."""
    from symspellpy.editdistance import DistanceAlgorithm, EditDistance

    dist = EditDistance(DistanceAlgorithm.DAMERAU_OSA)
    for target in _PHRASE_SECOND.get(fold(first), ()):
        want = fold(target) if folded else target
        if second == want or dist.compare(second, want, MAX_EDITS) >= 0:
            return want
    return None


def _verbosity() -> Any:
    from symspellpy import Verbosity

    return Verbosity.ALL
