"""A kind of place the question names ("tại cửa khẩu") that a figure's sentence says its figure
stands at before the value ("Về tình hình tại các cửa khẩu, sáng 06/10/2053 còn tồn khoảng
1.150 xe hàng chờ xuất khẩu"): where the figure is, held by it though its indicator leaves it
out -- never a word of two syllables the figure lacks while writing one of its syllables in
another word ("khẩu" of "xuất khẩu": rag.answer.figures.names_another_word refused the count,
and a "hiện nay" asked took an older one whose indicator held "cửa khẩu"; session 45 brief
hiennay3, tests/test_latest_count.py)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from rag.vi.lexicon import PLACE_KINDS
from rag.vi.text import fold

# the kinds of place written in two syllables, as the question's terms write them ("cua_khau")
_TWO_SYLLABLE_KINDS = frozenset(k.replace(" ", "_") for k in PLACE_KINDS if k.count(" ") == 1)


def place_kinds_said(asked: Iterable[str], before: str) -> frozenset[str]:
    """The asked two-syllable words (``asked``: folded terms, "cua_khau") naming a kind of place
    (rag.vi.lexicon.PLACE_KINDS) that ``before`` -- the figure's sentence up to its value, as
    written or folded -- writes after "tại", "ở" or "qua" (with "các", "những", "khu vực",
    "địa bàn" between): "tại các cửa khẩu", "qua các cửa khẩu" say where the figure
    stands or passes; a kind the sentence does not write so is not returned."""
    kinds = [t for t in asked if t in _TWO_SYLLABLE_KINDS]
    if not kinds:
        return frozenset()
    folded = fold(before).lower()
    return frozenset(t for t in kinds if re.search(
        r"(?<!\w)(?:tai|o|qua)\s+(?:(?:cac|nhung|khu vuc|dia ban)\s+)*"
        + re.escape(t.replace("_", " ")) + r"(?!\w)", folded))
