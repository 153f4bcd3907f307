"""A change read from an index: "Chỉ số IIP tháng 7/2029 ước đạt 106,3% so với cùng kỳ" says
the base period is 100, so the index rose 6,3% -- what "IIP tháng 7/2029 tăng bao nhiêu %?"
asks.  An index frame (measure "index": rag.vi.frames.measures, rag.vi.frames.tables) answers
a change question with that change, derived and said to be so, cited by the index's own
clause; a question asking the index itself ("chỉ số IIP tháng 7/2029", "(năm trước = 100)")
keeps the index as written."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal, InvalidOperation

from rag.answer.compose import base_said
from rag.vi.frames import Frame

# the figure of an index as written: "106,3", "1.106,3" is none (an index is under 300)
_NUMBER = re.compile(r"\d+(?:,\d+)?")


def index_change(frame: Frame) -> Frame | None:
    """The change an index frame states, as a frame of measure "change" (value "tăng 6,3%" for
    an index of 106,3%, "giảm 40,2%" for 59,8%; ``low`` the size of the change, ``direction``
    its sign, the comparison and offsets of the index kept), or None when ``frame`` is no
    index (measure other than "index", or a value outside 50-300, which no index of a period
    against its base takes).  The decimals are those written: 106,30 gives 6,30."""
    if frame.measure != "index" or not 50 < frame.low < 300:
        return None
    m = _NUMBER.search(frame.value)
    if m is None:
        return None
    try:
        index = Decimal(m.group().replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the pattern holds digits only
        return None
    change = index - 100
    if change == 0:
        return None
    size = format(abs(change), "f").replace(".", ",")
    direction = 1 if change > 0 else -1
    value = f"{'tăng' if direction > 0 else 'giảm'} {size}%"
    return replace(frame, value=value, low=float(abs(change)), high=None, unit="%",
                   kind="percent", measure="change", direction=direction, approx=None)


def said_from_index(summary: str, frame: Frame, change: Frame) -> str:
    """The summary of an index (``frame``, said "bằng 106,3% so với cùng kỳ") with the change
    derived from it said after it: "…, tức tăng 6,3% so với cùng kỳ (tính từ chỉ số)."; when
    the report states no comparison base, that it does not."""
    if frame.comparison:
        return f"{summary.rstrip('.')}, tức {change.value} so với {base_said(frame.comparison)} " \
               "(tính từ chỉ số)."
    return f"{summary.rstrip('.')}, tức {change.value} (tính từ chỉ số; báo cáo không nêu " \
           "kỳ so sánh)."
