"""The whole a list of figures is opened with: "Trong thu nội địa, thu tiền sử dụng đất đạt
1.214 tỷ đồng; thu thuế thu nhập cá nhân đạt 298 tỷ đồng" -- every item of the list is of that
whole, on its basis, not only the first item whose clause the words happen to precede."""

from __future__ import annotations

import re
from dataclasses import replace

from rag.vi.frames.frame import Frame
from rag.vi.frames.measures import bases_of, inherit_bases
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
