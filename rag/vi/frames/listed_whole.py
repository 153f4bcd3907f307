"""The whole a list of figures is opened with: "Trong thu nội địa, thu tiền sử dụng đất đạt
1.214 tỷ đồng; thu thuế thu nhập cá nhân đạt 298 tỷ đồng" -- every item of the list is of that
whole, on its basis, not only the first item whose clause the words happen to precede."""

from __future__ import annotations

import re
from dataclasses import replace

from rag.vi.frames.frame import Frame
from rag.vi.frames.measures import bases_of, inherit_bases
from rag.vi.mentions import find_mentions
from rag.vi.text import fold

# a sentence opened by "Trong <whole>," (folded; "Trong thu nội địa năm 2036, ..." with its
# period): the whole opens with no number ("Trong 248 sản phẩm, ..." is a total by its value)
# nor a period ("Trong năm 2029", "Trong tháng", "Trong dịp Tết", "Trong kỳ"), holds no figure,
# and is no "Trong đó", "Trong số đó" pointing back at a figure before
_WHOLE_OPENER = re.compile(
    r"^\W*trong\s+(?!(?:do|so do|nam|thang|quy|tuan|ngay|ky|dip|thoi gian|giai doan|nua|"
    r"dau|cuoi|luc|khi)\b)(?!\d)([^,;:.()]{3,80}?)\s*,(?!\d)")


def listed_whole_bases(sentence: str, base: int, frames: list[Frame]) -> list[Frame]:
    """``frames`` (read from ``sentence``, which starts at offset ``base`` of its document)
    with the bases the sentence's opening "Trong <whole>," names given to every frame after
    it (rag.vi.frames.measures.inherit_bases: an item naming the other basis of a group keeps
    its own).  Read before, the whole's words sat in the first item's clause only, so that item
    alone was on a narrower basis than its siblings and a question naming none of it got the
    sibling's figure (break-test bt17h: "Thu tiền sử dụng đất năm 2029?" answered 298 tỷ
    đồng, the "thu thuế thu nhập cá nhân" of "Trong thu nội địa, ...; ..."; tests/
    test_list_sibling_figures.py).  Frames are returned unchanged when no such opening names
    a basis."""
    opener = _WHOLE_OPENER.match(fold(sentence).lower())
    if opener is None:
        return frames
    whole = bases_of(opener.group(1))
    if not whole:
        return frames
    after = base + opener.end()
    return [replace(f, basis=inherit_bases(f.basis, whole)) if f.start >= after else f
            for f in frames]


# the words that say a whole is the total of something, naming no kind of thing (folded)
_TOTAL_WORDS = frozenset({"tong", "so", "muc", "cong", "toan", "bo", "cua", "ca", "chung"})


def listed_whole_words(sentence: str, at: int, year: int | None = None) -> frozenset[str]:
    """The folded words naming the whole a "Trong <whole>," opening of ``sentence`` lists
    (:data:`_WHOLE_OPENER`), when the value at offset ``at`` of the sentence stands after it:
    its periods (rag.vi.mentions, ``year`` the report's), numbers and words saying only "the
    total" (:data:`_TOTAL_WORDS`) left out -- "Trong thu nội địa năm 2036, thu tiền sử dụng
    đất đạt 1.480 tỷ đồng" gives {"thu", "noi", "dia"} for the 1.480.  Empty when the sentence
    opens otherwise or the value stands in the opening.  Such a whole states no figure of its
    own, so an item of its list asked by the whole's words is a part of what is asked
    (rag.answer.figures.item_of_listed_whole; break-test bt17j item 2)."""
    folded = fold(sentence).lower()
    opener = _WHOLE_OPENER.match(folded)
    if opener is None or at < opener.end():
        return frozenset()
    whole = folded[opener.start(1):opener.end(1)]
    for x in sorted(find_mentions(whole, year), key=lambda x: -x.start):
        whole = whole[:x.start] + " " + whole[x.end:]
    return frozenset(w for w in re.findall(r"[a-z]+", whole) if w not in _TOTAL_WORDS)
