"""A per-day (per-month, per-week) average said as a bare "bình quân" after a count in the
same clause: "Qua cửa khẩu quốc tế Hữu Nghị, lượng người xuất nhập cảnh trong 5 ngày đạt
27.400 lượt, bình quân 5.480 lượt/ngày" (break-test s43 bt17n).  The 5.480 is the average of
what the count before it counts, not of anything asked "bình quân mỗi ngày ... bao nhiêu
khách": read alone its indicator was just "bình quân" and it answered a question about the
province's visitors (exp. "Bình quân mỗi ngày đón 19.360 lượt khách", said in a sentence of
its own, whose subject rag.vi.frames.sentence already takes from the sentence before).  Here
such an average takes the count's indicator with "bình quân" after it ("lượng người xuất nhập
cảnh bình quân"), so a question must name what is counted to get it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from rag.vi.frames.frame import Frame
from rag.vi.text import fold

# an average's words alone (folded, lower case): "bình quân", "trung bình", with "mỗi ngày",
# "một ngày", "hằng ngày", "/ngày" and the like after
_AVERAGE_ONLY = re.compile(r"(?:binh quan|trung binh)(?: (?:moi|mot|1|hang) "
                           r"(?:ngay|tuan|thang|gio))?")
# per-unit units of an average: "lượt/ngày", "xe/ngày", "tấn/tháng"
_PER_UNIT = re.compile(r"/\s*(?:ngay|tuan|thang|gio)\s*$")
# what may stand between the count and its average (folded): a comma, "và", "tức là"
_JOINER = re.compile(r"\s*[,;]?\s*(?:(?:va|tuc|tuc la)\s+)?")


def clause_average_subject(sentence: str, base: int, frames: Sequence[Frame]) -> list[Frame]:
    """``frames`` (of ``sentence``, whose first character is at ``base`` in the document)
    with each average named by its average words only ("bình quân 5.480 lượt/ngày") that
    comes right after a named count of the same clause (only a comma or "và" between) given
    that count's indicator followed by its own words ("lượng người xuất nhập cảnh bình
    quân"), and the count's parent.  Other frames come back as they were."""
    out = list(frames)
    folded = fold(sentence).lower()
    for i in range(1, len(out)):
        f, g = out[i], out[i - 1]
        if f.kind != "count" or f.parent or g.kind != "count" or not g.indicator or \
                not _PER_UNIT.search(fold(f.unit).lower()):
            continue
        words = " ".join(fold(f.indicator).lower().split())
        if not _AVERAGE_ONLY.fullmatch(words):
            continue
        between = " ".join(folded[g.end - base:f.start - base].split())
        if not between.endswith(words) or not _JOINER.fullmatch(between[:-len(words)]):
            continue
        out[i] = replace(f, indicator=f"{g.indicator} {f.indicator}", parent=g.parent,
                         part=g.part)
    return out
