"""Parts of a whole named at a sentence's opening: "Trong tổng mức 9 tháng, doanh thu bán lẻ
hàng hóa đạt 21.640,2 tỷ đồng, chiếm 72,4%; doanh thu dịch vụ lưu trú, ăn uống đạt 4.218,9
tỷ đồng" after "Lũy kế 9 tháng năm 2025 ước đạt 29.874,3 tỷ đồng".

The GSO's monthly reports split a total stated in the sentence before this way ("Trong tổng
mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tháng 9, doanh thu bán lẻ hàng hóa ước
đạt ...", "Trong tổng vốn đầu tư thực hiện ..., vốn khu vực Nhà nước ...", "Trong tổng số
doanh nghiệp thành lập mới, ..."): the cross-sentence form of "..., trong đó ..." (read in
rag.vi.frames.sentence).  Read as a figure of its own, the part answered for its total:
"Tổng mức bán lẻ hàng hóa 9 tháng" gave the 21.640,2 of the retail part at 0.996 (issue 17
break-test bt17d t02).  Here each figure of such a sentence becomes a part of the total it
names (``part``, ``parent`` the total's name, ``whole`` where the total's value starts), as
one listed after "trong đó" is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from rag.vi.frames.frame import Frame
from rag.vi.mentions import find_mentions
from rag.vi.numbers import is_money
from rag.vi.text import fold

# a sentence's opening naming the total it splits, folded, with no figure of its own (one
# with a value, "Trong tổng số 226 sản phẩm, có ...", is read by rag.vi.frames.sentence):
# "Trong tổng mức 9 tháng,", "Trong tổng vốn đầu tư thực hiện,", "Trong tổng số đó,"
_WHOLE_OPENING = re.compile(r"^\W*trong (tong [^,;:]{1,80}?|so (?:do|nay)),(?!\d)")
# the words of such an opening that say "the total" and name none of what it counts
_TOTAL_WORDS = frozenset({"tong", "so", "muc", "do", "nay", "cua", "ca", "chung"})


def named_whole(sentence: str, frames: Sequence[Frame], before: Sequence[Frame],
                year: int | None = None) -> Frame | None:
    """The total whose parts ``sentence`` (its frames ``frames``) lists, when it opens by
    naming it (:data:`_WHOLE_OPENING`): the latest level among ``before`` (the frames of the
    sentences before it), of no target nor itself a part, of the period of the sentence's
    first figure and of the money or count its first level is in, at least that level's
    value, whose words (indicator, parent, detail) hold every word the opening names besides
    its period and :data:`_TOTAL_WORDS`.  None otherwise."""
    m = _WHOLE_OPENING.match(fold(sentence).lower())
    if m is None or not frames:
        return None
    opening = sentence[m.start(1):m.end(1)]  # folding keeps every offset
    for x in sorted(find_mentions(opening, year), key=lambda x: -x.start):
        opening = opening[:x.start] + " " + opening[x.end:]
    if re.search(r"\d", opening):
        return None  # a value of its own: "Trong tổng số 226 sản phẩm, có ..."
    named = set(re.findall(r"[a-z0-9]+", fold(opening).lower())) - _TOTAL_WORDS
    first = next((f for f in frames if f.measure == "level" and f.kind != "percent"), None)
    if first is None:
        return None
    for f in reversed(before):
        if f.measure != "level" or f.target or f.part or f.kind == "percent" or \
                f.period != first.period or is_money(f.unit) != is_money(first.unit) or \
                f.low < first.low:
            continue
        words = set(re.findall(r"[a-z0-9]+", fold(f"{f.indicator} {f.parent} {f.detail} "
                                                  f"{f.unit}").lower()))
        if named <= words:
            return f
    return None


def parts_of_named_whole(sentence: str, frames: list[Frame], before: Sequence[Frame],
                         year: int | None = None) -> list[Frame]:
    """``frames`` (those of ``sentence``) read as parts of the total its opening names
    (:func:`named_whole`): each not a target nor a part already gets ``part``, the total's
    name as ``parent`` and the total's start as ``whole``.  Unchanged when it names none."""
    whole = named_whole(sentence, frames, before, year)
    if whole is None:
        return frames
    name = whole.indicator or whole.parent
    return [f if f.target or f.part else replace(f, part=True, parent=name, whole=whole.start)
            for f in frames]
