"""The national average set beside a province's figure in brackets: "giải ngân được 5.498 tỷ
đồng, đạt 87,5% kế hoạch, cao hơn mức bình quân cả nước (82,3%), xếp thứ 12/63 tỉnh" (issue
17 break-tests bt17m, bt17n).  The bracketed 82,3% is the country's average of the figure
before it (the share of the plan disbursed), not a figure of an indicator "cao hơn mức bình
quân cả nước": read so, "Bình quân giải ngân cả nước 2078?" found no national figure and
answered the province's amount.  Here it takes that figure's indicator with the average's own
words after it ("giải ngân bình quân cả nước"), that figure's measure and period; a rank said
after it ("xếp thứ 12/63") is the province's rank of the figure before, named as it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from rag.vi.frames.frame import Frame
from rag.vi.text import fold

# a comparative with the country's average, as a whole indicator (folded, lower case): "cao
# hơn mức bình quân cả nước", "thấp hơn bình quân chung cả nước", "cao hơn so với mức trung
# bình của cả nước"; group 1 the average's own words
_NATIONAL = re.compile(r"(?:cao|thap|lon|nho|vuot|kem)\s+hon\s+(?:so\s+(?:voi\s+)?)?"
                       r"((?:muc\s+)?(?:binh quan|trung binh)(?:\s+chung)?\s+(?:cua\s+)?ca nuoc)")

# the province's own words closing an indicator: "của tỉnh", "của toàn tỉnh"
_PROVINCE_OWN = re.compile(r"\s+của\s+(?:toàn\s+)?tỉnh(?:\s+Lạng Sơn)?\s*$", re.IGNORECASE)


def national_average(sentence: str, base: int, frames: Sequence[Frame]) -> list[Frame]:
    """``frames`` (of ``sentence``, whose first character is at ``base`` in the document)
    with a value in brackets right after a comparative with the country's average
    (:data:`_NATIONAL`, read as the value's whole indicator) given the indicator of the
    frame before it in the same clause, in the same unit and no target, followed by the
    average's words ("giải ngân" + "bình quân cả nước"), that frame's measure, comparison
    and period; a rank right after it that took the comparative as its indicator takes that
    frame's indicator.  Other frames come back as they were."""
    out = list(frames)
    for i in range(1, len(out)):
        f, g = out[i], out[i - 1]
        m = _NATIONAL.fullmatch(" ".join(fold(f.indicator).lower().split()))
        if m is None or f.unit != g.unit or g.target or not g.indicator or \
                not sentence[:max(0, f.start - base)].rstrip().endswith("(") or \
                ";" in sentence[g.end - base:f.start - base]:
            continue
        words = " ".join(f.indicator.split()).split()
        average = words[len(words) - len(m.group(1).split()):]
        if fold(average[0]).lower() == "muc":
            average = average[1:]  # "mức bình quân cả nước": "bình quân cả nước"
        # the province's words of the figure before are not the country's: "Tỷ lệ giải ngân
        # của tỉnh" gives "Tỷ lệ giải ngân trung bình của cả nước"
        own = _PROVINCE_OWN.sub("", g.indicator).strip() or g.indicator
        out[i] = replace(f, indicator=f"{own} {' '.join(average)}", parent=g.parent,
                         measure=g.measure, comparison=g.comparison, period=g.period,
                         part=g.part)
        for k in range(i + 1, len(out)):
            r = out[k]
            if r.indicator != f.indicator or r.measure != "rank":
                break
            out[k] = replace(r, indicator=g.indicator, parent=g.parent, part=g.part)
    return out
