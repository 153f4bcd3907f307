"""The period a change against the month or quarter before is of: a month, a quarter.

"Chỉ số giá tiêu dùng tháng 4/2067 giảm 0,05% so với tháng trước; ...; bình quân 4 tháng tăng
2,58% ... Trong 11 nhóm hàng, nhóm giao thông giảm 1,32% so với tháng trước": the group's
change names no period of its own and its paragraph's last one is "4 tháng" -- but a change
against the month before is a month's, the last month of that span (break-test bt22a, session
50: "chỉ số giá nhóm giao thông tháng 4/2067" refused, the report said to hold it only for "4
tháng năm 2067").  A period read in the figure's own words or sentence is kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from rag.vi.calendar import month_end, month_period, quarter_period
from rag.vi.frames.frame import Frame

# what a change is compared with (Frame.comparison) -> the length of the period it is of
_BEFORE = {"tháng trước": "month", "quý trước": "quarter"}


def of_base_length(frames: Sequence[Frame]) -> list[Frame]:
    """``frames`` with each change against "tháng trước" ("quý trước") whose period came from
    its paragraph, heading or document and spans more than that, ending at a month's
    (quarter's) end, given the month (quarter) that period ends with; others as they were."""
    out = []
    for f in frames:
        kind = _BEFORE.get(f.comparison or "")
        p = f.period
        if kind is None or p is None or f.measure != "change" or \
                f.period_from in ("own", "sentence") or p.kind == kind or \
                p.end != month_end(p.end.year, p.end.month):
            out.append(f)
            continue
        if kind == "month" and p.days > 31:
            out.append(replace(f, period=month_period(p.end.year, p.end.month)))
        elif kind == "quarter" and p.days > 92 and p.end.month % 3 == 0:
            out.append(replace(f, period=quarter_period(p.end.year, p.end.month // 3)))
        else:
            out.append(f)
    return out
