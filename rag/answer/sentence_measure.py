"""Whether a sentence answering a figure question in place of a figure frame states the
measure the question asks.

When no frame answers a "bao nhiêu" question, the answerer may give the sentence that holds
a number (rag.answer.answerer.Answerer.count_sentence) -- right for general text ("Lady Gaga
đã giành được bao nhiêu giải Grammy?"), wrong when the question asks a change ("doanh thu
du lịch năm 2029 tăng bao nhiêu %?", "tăng trưởng ..."), a share of the plan ("đạt bao
nhiêu % kế hoạch?") or a share of a whole ("tỷ trọng ...", "chiếm bao nhiêu %": issue 17
K13) and the sentence states only the level, or states the change of another indicator
("doanh thu ... ước đạt 1.200 tỷ đồng, trong khi lượng khách tham quan tăng 12%":
issue 17 break-test).  Such a sentence answers only when a figure it holds is of the asked
measure and belongs to the asked indicator: the frame reader's indicator and total of that
figure (rag.vi.frames) hold the question's own words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from rag.answer.figures import contrary_base
from rag.vi.frames import extract
from rag.vi.text import fold

# the measures of a frame that state what a question's measure asks (an index states its
# change: rag.answer.index_change); a measure not named here needs no check
STATING: dict[str, tuple[str, ...]] = {"change": ("change", "index"),
                                       "plan_share": ("plan_share",),
                                       "share": ("share",)}
# the question's words that ask the measure, not the indicator (folded terms)
MEASURE_TERMS = frozenset({"tang", "giam", "tang_truong", "toc_do", "toc", "truong",
                           "ke_hoach", "du_toan", "chi_tieu", "ke", "hoach", "dat", "bang",
                           "so_voi", "cung_ky", "phan_tram", "phan", "tram", "them",
                           "ty_trong", "chiem", "co_cau"})
MIN_SHARE = 0.5  # of the question's indicator words (by weight) the figure's must hold


def states_measure(sentence: str, measure: str, terms: Mapping[str, float],
                   comparison: str | None = None) -> bool:
    """Whether ``sentence`` states the ``measure`` a question asks (a ``rag.answer.question``
    measure: "change", "plan_share", "share"; any other is True) for the question's indicator: a
    figure of the sentence of that measure (:data:`STATING`) whose indicator and total
    (its frame's ``indicator`` and ``parent``, and a share's whole written after it, folded)
    hold at least :data:`MIN_SHARE` of
    the weight of ``terms`` (question term -> weight, folded, pairs joined by "_"), the
    measure's own words (:data:`MEASURE_TERMS`) and numbers left out.  False when no figure
    of the sentence is of that measure, or when each is against another base than the
    ``comparison`` the question names (folded, rag.answer.question: "tăng 2,1% so với tháng
    trước" states no change "so với cùng kỳ"; rag.answer.figures.contrary_base)."""
    kinds = STATING.get(measure)
    if kinds is None:
        return True
    wanted = {t: w for t, w in terms.items()
              if t not in MEASURE_TERMS and not t[:1].isdigit() and w > 0}
    total = sum(wanted.values())
    for frame in extract(sentence):
        if frame.measure not in kinds or contrary_base(comparison, frame):
            continue
        if total <= 0:
            return True
        # a share's whole is written after its value ("chiếm 43,6% tổng kim ngạch XNK")
        whole = frame.detail if frame.measure == "share" else ""
        held = " " + " ".join(re.findall(r"\w+", fold(f"{frame.indicator} {frame.parent} "
                                                      f"{whole}").lower())) + " "
        share = sum(w for t, w in wanted.items() if f" {t.replace('_', ' ')} " in held)
        if share / total >= MIN_SHARE:
            return True
    return False
