"""A span's average growth said on its own: "Tốc độ tăng bình quân giai đoạn 2023 - 2027 đạt
17,6%/năm." after the years of "Kim ngạch xuất nhập khẩu qua địa bàn giai đoạn 2023 - 2027"
(issue 17 break-test bt17h).

Its sentence names no indicator but the growth's words ("Tốc độ", "tăng trưởng bình quân"):
the growth is of what the report stated just before it, as a bare "tăng 7,42%" after "GRDP
... đạt 19.870 tỷ đồng" is (rag.vi.frames.measures.growth_named_only, within a sentence).
Here the average (basis "span_average", rag.vi.lexicon.BASIS_PATTERNS) takes as its parent
the indicator of the latest level stated before it -- or, for a table's rows that name none,
their lead-in ("Kim ngạch xuất nhập khẩu qua địa bàn giai đoạn 2023 - 2027 (triệu USD)") --
so a question naming that indicator finds it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from rag.vi.frames.frame import Frame
from rag.vi.text import fold

# the growth's words alone (folded, lower case): "tốc độ", "tốc độ tăng (trưởng) bình quân
# (hằng năm|mỗi năm)", "tăng trưởng bình quân", "mức tăng bình quân"
_GROWTH_WORDS_ONLY = re.compile(r"(?:(?:toc do|muc|ty le)\s*)?(?:(?:tang|giam)(?: truong)?|phat "
                                r"trien)?(?: binh quan)?(?: (?:hang|hang nam|moi nam))?")
# a lead-in's unit in brackets, no part of its name: "(triệu USD)"
_BRACKETED_END = re.compile(r"\s*\([^()]*\)\s*$")


def span_average_subject(frames: list[Frame], before: Sequence[Frame]) -> list[Frame]:
    """``frames`` (a sentence's) with each span average (a change on basis "span_average")
    that names no indicator of its own and no parent given the latest level of ``before``
    (the document's frames so far) as its parent: its indicator, else its heading or
    lead-in (``context``, its bracketed unit dropped).  Unchanged when no such average is in
    ``frames`` or no level before names anything."""
    if not any("span_average" in f.basis for f in frames):
        return frames
    subject = ""
    for f in reversed(before):
        if f.measure == "level" and not f.target and f.kind != "percent":
            subject = f.indicator or _BRACKETED_END.sub("", f.context)
            break
    if not subject:
        return frames
    out = []
    for f in frames:
        if "span_average" in f.basis and f.measure == "change" and not f.parent and \
                _GROWTH_WORDS_ONLY.fullmatch(" ".join(fold(f.indicator).lower().split())):
            f = replace(f, parent=subject)
        out.append(f)
    return out
