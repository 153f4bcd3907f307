"""The label a list of parts is opened with: "Nhóm hàng nhập khẩu: máy móc, thiết bị 653 triệu
USD; hoa quả 188 triệu USD" -- each item is a part of what the label names (the imports), so
the label is each item's ``parent``, as the total named before a "trong đó" list is.

Read without it, the item "hoa quả" held none of the words "nhập khẩu" and "Nhập khẩu hoa
quả 6 tháng 2094?" was answered by the import total stated before (1.768 triệu USD) at 0.91
(session 49 break-test bt20a; tests/test_list_parts.py)."""

from __future__ import annotations

import re
from dataclasses import replace

from rag.vi.frames.frame import Frame
from rag.vi.text import fold

# a sentence opened by a label and a colon (folded): a few words, no figure, date, bracket
# nor clause break of their own ("Nhóm hàng xuất khẩu chủ yếu:", "Kim ngạch nhập khẩu:")
_LABEL = re.compile(r"^\W*([a-z][a-z ]{2,60}?)\s*:(?!\d)")
# the words of a label that name no thing ("các", "chủ yếu", "một số"), folded
_FILLER = frozenset({"cac", "chu", "yeu", "mot", "so", "nhung", "gom", "nhu", "sau", "cu",
                     "the", "chinh", "nhom", "mat", "hang"})


def labelled_list_parents(sentence: str, base: int, frames: list[Frame]) -> list[Frame]:
    """``frames`` (read from ``sentence``, which starts at offset ``base`` of its document)
    with the label the sentence opens with (:data:`_LABEL`, as written) given as ``parent``
    to each item of the list after it: a level with words of its own, none of them a word of
    the label (but :data:`_FILLER`), and no parent yet.
    Only a list -- two such items or more; one figure after a label ("Xuất khẩu: 1.208
    triệu USD") is the label's own, and a sentence opened otherwise keeps its frames
    unchanged.  No ``part`` nor ``whole`` is
    set: the label states no figure the items add up to."""
    folded = fold(sentence).lower()
    m = _LABEL.match(folded)
    if m is None:
        return frames
    label_words = set(m.group(1).split()) - _FILLER
    after = base + m.end()

    def item(f: Frame) -> bool:
        own = set(re.findall(r"[a-z]+", fold(f.indicator).lower()))
        # an item names a thing of the label's kind by words of its own: one sharing a word
        # with the label ("hợp tác xã nông nghiệp" under a section heading "Làng nghề và hợp
        # tác xã:") is that heading's topic itself, no part of it (tests/test_section_season)
        return f.start >= after and f.measure == "level" and not f.parent and \
            bool(own) and not own & label_words

    if not label_words or sum(item(f) for f in frames) < 2:
        return frames
    label = sentence[m.start(1):m.end(1)].strip()  # folding keeps every offset
    return [replace(f, parent=label) if item(f) else f for f in frames]
