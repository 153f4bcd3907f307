"""A sentence opening with the holiday's length, "Trong 4 ngày nghỉ lễ, bình quân mỗi ngày
xuất khẩu khoảng 420 - 480 xe hàng" (break-test s43 bt17l), after a sentence dated by a day
after the holiday ("... đến chiều 5/9/2057 giảm còn 640 xe."): the length restates the
holiday the report is about -- its figure is of the holiday's days, not of the day said
before (it was dated 5/9/2057 and "Mỗi ngày xuất khẩu bao nhiêu xe hàng dịp 2/9/2057?" was
refused).  The holiday is the one in force (``ctx.holiday``) or else the report's lead
period (``ctx.lead``, rag.vi.frames.document.holiday_lead), when its length is the count said.
"""

from __future__ import annotations

import re

from rag.vi.calendar import Period
from rag.vi.frames.context import Context
from rag.vi.text import fold

# "Trong (cả|suốt) N ngày (nghỉ) lễ|Tết|nghỉ", "Trong kỳ nghỉ N ngày" opening a sentence
# (folded, lower case)
_RESTATED = re.compile(r"\s*(?:trong|suot|qua)(?: (?:ca|suot|toan bo))? (?:(?P<n>\d{1,2}) ngay "
                       r"(?:nghi(?: le| tet)?|le|tet)|(?:ky|dot) nghi(?: le| tet)? (?P<m>\d{1,2}) "
                       r"ngay)\b")


def restated_holiday(sentence: str, ctx: Context) -> Period | None:
    """The holiday ``sentence`` dates its figures by when it opens with that holiday's length
    ("Trong 4 ngày nghỉ lễ, ...", "Trong kỳ nghỉ 7 ngày, ..."): the holiday in force
    (``ctx.holiday``), else the document's lead period (``ctx.lead``), of exactly that many
    days.  None when the sentence opens otherwise or no such holiday is known (a length that
    is no holiday's -- "Trong 3 ngày nghỉ lễ" of a 5-day break -- keeps the sentence's own
    reading)."""
    m = _RESTATED.match(fold(sentence).lower())
    if m is None:
        return None
    n = int(m.group("n") or m.group("m"))
    for held in (ctx.holiday, ctx.lead):
        if held is not None and held.days == n:
            return held
    return None
