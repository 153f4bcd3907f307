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
from functools import lru_cache
from pathlib import Path

from rag.vi.text import fold

log = logging.getLogger(__name__)

WORD_LIST = "corpus/data/Viet74K.txt"  # inside the underthesea package


def word_list_path() -> Path | None:
    """Where underthesea's word list is installed; None when underthesea is not."""
    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / WORD_LIST
    return path if path.is_file() else None


@lru_cache(maxsize=1)
def word_pairs() -> frozenset[str]:
    """The dictionary's words of two syllables, folded and joined by "_" ("san_xuat"), read
    once; empty (with a warning) when the word list is not installed -- pairs are then
    known from the corpus alone."""
    path = word_list_path()
    if path is None:
        log.warning("underthesea's word list is not installed (pip install underthesea): "
                    "question words are paired from the corpus alone")
        return frozenset()
    out = set()
    for line in fold(path.read_text(encoding="utf-8")).splitlines():  # folded at once: fast
        syllables = line.split()
        if len(syllables) == 2 and all(s.isalpha() for s in syllables):
            out.add("_".join(syllables))
    return frozenset(out)


def is_word(a: str, b: str) -> bool:
    """Whether the folded syllables ``a`` ``b`` make a word of the dictionary ("san",
    "xuat": yes; "luong", "khai": no)."""
    return f"{a}_{b}" in word_pairs()


def words_in(syllables: list[str]) -> set[str]:
    """The dictionary words of two syllables ("xuat_khau") among the adjacent pairs of the
    folded ``syllables``."""
    pairs = word_pairs()
    return {p for p in (f"{a}_{b}" for a, b in zip(syllables, syllables[1:], strict=False))
            if p in pairs}
