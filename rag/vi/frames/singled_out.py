"""A paragraph that singles a narrower period out of the whole the report stated before it
("Riêng tháng 6/2053, kim ngạch đạt 1.248 triệu USD", after "tính đến 30/6/2053, tổng kim
ngạch xuất nhập khẩu qua địa bàn đạt 6.925 triệu USD"): the figure is of that whole's
indicator in the narrower period -- its bare head ("kim ngạch") says no more than the whole's
shortened name.  Its paragraph has no whole of its own (rag.vi.frames.context.Context.whole is
reset at each line), so the figure kept only the head, and a question naming the whole ("Kim
ngạch XNK tháng 6/2053?") refused it when the whole's sentence fell in another passage
(break-test bt17k, tin_hai_quan_2053.html; tests/test_singled_out_period.py)."""

from __future__ import annotations

import re
from dataclasses import replace

from rag.vi.frames.frame import Frame
from rag.vi.numbers import is_money
from rag.vi.text import fold

# a sentence opening on "Riêng" then a period (folded): "Riêng tháng 6/2053, ...", "Riêng quý
# II/2054, ...", "Riêng năm 2055 ..."
_SINGLED_PERIOD = re.compile(r"\s*rieng\s+(?:trong\s+)?(?:thang|quy|nam|tuan|ngay|nua)\b")


def _words(s: str) -> set[str]:
    return set(fold(s).lower().replace(",", " ").split())


def wholes_of_singled_periods(text: str, frames: list[Frame]) -> list[Frame]:
    """``frames`` (a document's, in order, ``text`` the document's) with each level whose
    sentence opens on "Riêng <period>" and that names no whole (no ``parent``, not listed
    under a total: ``whole`` -1) given as ``parent`` the indicator of the last level before
    it, outside that sentence, of the same kind of unit (money or not) whose indicator holds
    every word of its own; frames otherwise unchanged.  The period stays the figure's own."""
    out = list(frames)
    for i, f in enumerate(out):
        if not (f.part and not f.parent and f.whole == -1 and f.indicator
                and f.measure == "level" and f.period is not None and f.period_from == "own"
                and _SINGLED_PERIOD.match(fold(text[f.quote[0]:f.start]).lower())):
            continue
        own = _words(f.indicator)
        whole = next((g for g in reversed(out[:i])
                      if g.measure == "level" and not g.part and g.quote[1] <= f.quote[0]
                      and g.indicator and is_money(g.unit) == is_money(f.unit)
                      and own < _words(g.indicator)), None)
        if whole is not None:
            out[i] = replace(f, parent=whole.indicator)
    return out
