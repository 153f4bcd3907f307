"""Which two adjacent syllables make one Vietnamese word, from a dictionary rather than from
the corpus alone.

Vietnamese writes a word of two syllables with a space inside ("sản xuất", "xuất khẩu"), so
a question's words are found by pairing its syllables.  How often the corpus writes two
syllables together says it in a large corpus, not in a small one: in a handful of uploaded
files every pair of a repeated phrase recurs as often as its words ("sản lượng khai thác"
gives "lượng khai" as often as "sản lượng"), and a pair written once does not recur at all,
so "sản xuất" was three syllables, its "xuất" matched by the "xuất" of "xuất khẩu".  The
dictionary is underthesea's Viet74K word list (74 000 entries, shipped in its wheel as
``underthesea/corpus/data/Viet74K.txt``): its two-syllable entries, folded, are the
pairs that are words.  The file is read directly; underthesea itself is never imported (its
import takes seconds and loads models this does not need).
"""

from __future__ import annotations

import importlib.util
import logging
import re
from functools import lru_cache
from pathlib import Path

from rag.vi.text import fold, normalize

log = logging.getLogger(__name__)

WORD_LIST = "corpus/data/Viet74K.txt"  # inside the underthesea package
_SYLLABLE_RE = re.compile(r"[^\W\d_]+|\d[\d.,]*", re.UNICODE)  # a word or a number


def word_list_path() -> Path | None:
    """Where underthesea's word list is installed; None when underthesea is not."""
    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / WORD_LIST
    return path if path.is_file() else None


@lru_cache(maxsize=1)
def _dictionary() -> tuple[frozenset[str], frozenset[str]]:
    """(the dictionary's words of two syllables as written -- lower case, NFC, one tone-mark
    placement, joined by "_": "điền_sản" --, and the same folded: "dien_san"), read once."""
    path = word_list_path()
    if path is None:
        log.warning("underthesea's word list is not installed (pip install underthesea): "
                    "question words are paired from the corpus alone")
        return frozenset(), frozenset()
    written = set()
    for line in normalize(path.read_text(encoding="utf-8")).lower().splitlines():
        syllables = line.split()
        if len(syllables) == 2 and all(s.isalpha() for s in syllables):
            written.add("_".join(syllables))
    return frozenset(written), frozenset(fold(w) for w in written)


@lru_cache(maxsize=1)
def _syllable_words() -> frozenset[str]:
    """The dictionary's words of one syllable as written (lower case, NFC): "chợ", "chờ"."""
    path = word_list_path()
    if path is None:
        return frozenset()
    return frozenset(line.strip() for line in
                     normalize(path.read_text(encoding="utf-8")).lower().splitlines()
                     if line.strip().isalpha())


@lru_cache(maxsize=1)
def _folded_syllable_words() -> frozenset[str]:
    """:func:`_syllable_words` folded: "nho" (of "nhỏ", "nho"), "nhu" (of "như", "nhu")."""
    return frozenset(fold(w) for w in _syllable_words())


def is_syllable_word(word: str, folded: bool = False) -> bool:
    """Whether ``word`` is a word of one syllable of the dictionary (Viet74K's one-syllable
    entries): as written, lower case ("nhỏ", "như", "suất", "khâu": yes; a mistyped "nhâp",
    "nghạch": no), or with ``folded`` (a question typed without diacritics) the fold of one
    ("nho", "suat").  Only the one-syllable entries count: the syllables of its longer
    entries hold its own misprints ("ngườ", "seễ").  False without the word list."""
    low = normalize(word).lower()
    return (fold(low) in _folded_syllable_words()) if folded else low in _syllable_words()


def other_word(asked: str, found: str) -> bool:
    """Whether the written syllables ``asked`` (a question's) and ``found`` (a report's), which
    fold alike, are two different words: written otherwise (a tone mark: "chợ" / "chờ",
    "tấn" / "tần", "hộ" / "hồ") and both words of the dictionary (Viet74K's one-syllable
    entries).  A question typed without diacritics ("cho") or a syllable the dictionary lacks
    (a mistyped "nghiêp") is no evidence, so they are then the same: False."""
    a, b = normalize(asked).lower(), normalize(found).lower()
    if a == b or fold(a) != fold(b) or fold(a) == a:
        return False
    words = _syllable_words()
    return a in words and b in words


def written_as_other(said: str, meant: str) -> bool:
    """Whether the syllable ``said`` (as a question with diacritics writes it) is another word
    than ``meant`` that folds alike: written otherwise and itself a word of the dictionary
    (Viet74K's one-syllable entries) -- "đồng" is no "đông", "Nhật" no "nhất", "thu" (typed
    plain among words with diacritics: revenue) no "thứ".  Unlike :func:`other_word`, a plain
    syllable counts: the caller knows the question carries diacritics elsewhere (issue 16
    item 10: question words read wrongly once folded)."""
    a, b = normalize(said).lower(), normalize(meant).lower()
    return a != b and fold(a) == fold(b) and a in _syllable_words()


def written_in(folded: str, typed: str) -> str:
    """How the question ``typed`` writes the folded word ``folded`` ("cho" in "có bao nhiêu
    chợ" -> "chợ"), or "" when it does not (or writes it without diacritics)."""
    for w in re.findall(r"[^\W\d_]+", normalize(typed)):
        if fold(w).lower() == folded:
            return w.lower()
    return ""


def word_pairs() -> frozenset[str]:
    """The dictionary's words of two syllables, folded and joined by "_" ("san_xuat"); empty
    (with a warning) when the word list is not installed -- pairs are then known from the
    corpus alone."""
    return _dictionary()[1]


def is_word(a: str, b: str, written: str | None = None) -> bool:
    """Whether the folded syllables ``a`` ``b`` make a word of the dictionary ("san",
    "xuat": yes; "luong", "khai": no).  ``written``: the pair as the text writes it ("điện
    sản"), when known -- then it must be the dictionary's word as written, since folding
    makes other words alike ("điện sản" folds as "điền sản", a word, does)."""
    if written is not None:
        return "_".join(normalize(written).lower().split()) in _dictionary()[0]
    return f"{a}_{b}" in _dictionary()[1]


@lru_cache(maxsize=1)
def _folded_domain_pairs() -> frozenset[str]:
    """:func:`_domain_pairs` folded ("tong_muc")."""
    return frozenset(fold(p) for p in _domain_pairs())


def is_two_syllable_word(a: str, b: str, folded: bool = False) -> bool:
    """Whether the syllables ``a`` ``b`` (lower case) make a word of two: a word of the
    dictionary (:func:`is_word`, as written; with ``folded``, the syllables are compared
    folded) or two adjacent syllables of the domain's own phrases (:func:`_domain_pairs`:
    "tổng mức" of "tổng mức bán lẻ", which Viet74K lacks)."""
    a, b = normalize(a).lower(), normalize(b).lower()
    if folded:
        return is_word(fold(a), fold(b)) or f"{fold(a)}_{fold(b)}" in _folded_domain_pairs()
    return is_word(fold(a), fold(b), written=f"{a} {b}") or f"{a}_{b}" in _domain_pairs()


@lru_cache(maxsize=1)
def _written_by_fold() -> dict[str, frozenset[str]]:
    """The dictionary's words of two syllables as written, by their fold ("sau_rieng" ->
    {"sầu_riêng"}), built once."""
    out: dict[str, set[str]] = {}
    for w in _dictionary()[0]:
        out.setdefault(fold(w), set()).add(w)
    return {k: frozenset(v) for k, v in out.items()}


def written_forms(a: str, b: str) -> frozenset[str]:
    """The dictionary's words of two syllables (as written, joined by "_") that fold as the
    folded syllables ``a`` ``b``: ("dien", "tu") -> {"điện_tử", "điện_từ", "diễn_từ"}; empty
    when none does or the word list is not installed."""
    return _written_by_fold().get(f"{a}_{b}", frozenset())


def words_in(text: str) -> set[str]:
    """The dictionary words of two syllables among the adjacent words of ``text`` as written
    (its "điện sản xuất" holds "sản xuất", not "điền sản"), folded ("san_xuat").  A new set
    each call; the words of the last 8,192 texts are remembered (:func:`_words_in`)."""
    return set(_words_in(text))


@lru_cache(maxsize=8192)
def _words_in(text: str) -> frozenset[str]:
    """:func:`words_in`, remembered: a pure function of ``text`` and the installed word
    list (read once, :func:`_dictionary`), asked again of a frame's sentence for every
    question weighing it (rag.answer.unwritten_compound)."""
    written = _dictionary()[0]
    syllables = [w.lower() for w in _SYLLABLE_RE.findall(normalize(text))]
    return frozenset(fold(p) for p in (f"{a}_{b}" for a, b in zip(syllables, syllables[1:],
                                                                   strict=False))
                     if p in written)


_LETTERS_RE = re.compile(r"[^\W\d_]{4,}", re.UNICODE)


@lru_cache(maxsize=1)
def _transliterations() -> frozenset[str]:
    """The dictionary's words of two syllables it also writes with a hyphen, joined by "_"
    as :func:`_dictionary` joins them: "ca_bin" ("ca-bin"), "a_xít" ("a-xít"), "la_tinh" --
    foreign words spelled out in syllables, which a text writes glued as their own language
    does ("cabin", "axít", "Latinh"): such a word is never two Vietnamese words."""
    path = word_list_path()
    if path is None:
        return frozenset()
    out: set[str] = set()
    for line in normalize(path.read_text(encoding="utf-8")).lower().splitlines():
        parts = line.strip().split("-")
        if len(parts) == 2 and all(p.isalpha() for p in parts):
            out.add("_".join(parts))
    return frozenset(out)


@lru_cache(maxsize=1)
def _glued_words() -> frozenset[str]:
    """The words of two syllables :func:`unglue` splits a glued token into, as written,
    joined by "_": the dictionary's and the domain's (:func:`_domain_pairs`), less the
    dictionary's transliterations (:func:`_transliterations`)."""
    return (_dictionary()[0] | _domain_pairs()) - _transliterations()


@lru_cache(maxsize=1)
def _names() -> frozenset[str]:
    """The dictionary's words of two syllables it writes only with capitals ("Sa Pa", "Ba
    Na"), lower case, joined by "_": names, which an English text writes glued without
    diacritics ("Sapa") -- so an ASCII token is never split into one."""
    path = word_list_path()
    if path is None:
        return frozenset()
    lower: set[str] = set()
    upper: set[str] = set()
    for line in normalize(path.read_text(encoding="utf-8")).splitlines():
        syllables = line.split()
        if len(syllables) == 2 and all(s.isalpha() for s in syllables):
            (upper if line[:1].isupper() else lower).add("_".join(syllables).lower())
    return frozenset(upper - lower)


def _one_capital(word: str) -> bool:
    """Whether ``word`` has no capital letter past its first ("Doanhthu", "giátrị": yes;
    "VietinBank", "TikTok": no -- a brand's or a name's own way of writing)."""
    return not any(c.isupper() for c in word[1:])


@lru_cache(maxsize=1)
def _domain_pairs() -> frozenset[str]:
    """Two adjacent syllables of the domain's own phrases (``rag.vi.lexicon``: what its
    abbreviations and English terms stand for), as written, joined by "_": "tổng_mức" of
    "tổng mức bán lẻ" -- words of the reports the dictionary lacks."""
    from rag.vi.lexicon import ABBREVIATIONS, ENGLISH

    out: set[str] = set()
    for phrase in (*ABBREVIATIONS.values(), *ENGLISH.values()):
        syllables = normalize(phrase).lower().split()
        out.update(f"{a}_{b}" for a, b in zip(syllables, syllables[1:], strict=False)
                   if a.isalpha() and b.isalpha())
    return frozenset(out)


def unglue(text: str) -> str:
    """``text`` with each word that is two syllables written without the space between them
    ("tổngmức", "kimngạch", "Doanhthu", as PDF extraction and careless typing leave them)
    split in two: a word of four letters or more, not upper case, with no capital past its
    first letter ("VietinBank" is a name's own spelling), not itself one syllable
    (``rag.vi.text.is_syllable``) nor a word of one the dictionary (Viet74K) holds ("cabin",
    "kilô"), for which exactly one split gives two syllables the dictionary holds as words
    of one syllable, as written, that make a word of two (:func:`_glued_words`): the
    dictionary's, or a pair of the domain's phrases, never a transliteration ("ca-bin",
    "La-tinh").  A word whose two syllables are both written with Vietnamese
    diacritics, which no such pair splits, is split all the same when exactly one split
    gives two such syllables: "Lượngkhách", "Sốlượt", "Tổngvốn" (a head noun glued to the
    next word, a pair the dictionary lacks; issue 16, break-test bt4-b16 item 5) -- unless
    a transliteration ("axít"); a loanword glued as its own language writes it keeps a
    syllable in plain letters ("Kitô", "tenxơ") and stays whole.
    Words written without diacritics are split by the same rule ("Doanhthu":
    "doanh thu" is such a word; "Kontum", "Facebook", "Hanoi" are no two dictionary words,
    and "Sapa" is a name's, :func:`_names`, which a text without diacritics writes glued;
    and the "giá trị" of "Giátrị" is the one split of the two, "giát rị", that is a word).
    Nothing else changes (offsets shift by one per split).
    Without the word list, ``text`` itself.  The questions' counterpart, which asks the
    corpus's own pairs, is ``rag.vi.spell.Speller._unglue``."""
    from rag.vi.text import is_syllable

    one = _syllable_words()
    if not one:
        return text
    two, names = _glued_words(), _names()

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        low = word.lower()
        if word.isupper() or is_syllable(word) or not _one_capital(word) or low in one:
            return word
        syllabic = [k for k in range(1, len(low)) if low[:k] in one and low[k:] in one
                    and is_syllable(low[:k]) and is_syllable(low[k:])]
        splits = [k for k in syllabic if f"{low[:k]}_{low[k:]}" in two
                  and not (low.isascii() and f"{low[:k]}_{low[k:]}" in names)]
        if not splits and len(syllabic) == 1 and not low[:syllabic[0]].isascii() and \
                not low[syllabic[0]:].isascii() and \
                f"{low[:syllabic[0]]}_{low[syllabic[0]:]}" not in _transliterations():
            # written with Vietnamese diacritics: two words of one syllable, glued, though the
            # dictionary holds no word of the two ("Lượngkhách", "Sốlượt", "Tổngvốn")
            splits = syllabic
        if len(splits) != 1:
            return word
        return f"{word[:splits[0]]} {word[splits[0]:]}"

    return _LETTERS_RE.sub(fix, text)
