"""A length of time said inside a clause, between what is counted and its value:
"Qua cửa khẩu quốc tế Hữu Nghị, lượng người xuất nhập cảnh trong 5 ngày đạt 27.400 lượt"
(break-test s43 bt17n).  "trong 5 ngày" is when the 27.400 is, not a value of "lượng người
xuất nhập cảnh": the words before the length name the value after it, and the length is
left nameless -- as a length opening a sentence is ("Trong 5 ngày nghỉ lễ ..., tỉnh đón
96.800 lượt khách", rag.vi.frames.sentence's span_of_time), so a question asking how many
days a holiday lasted still reads it (rag.answer.holiday_span).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from rag.vi.calendar import Period
from rag.vi.frames.frame import Frame
from rag.vi.text import fold

# units of a length of time (folded, lower case)
_LENGTH_UNITS = frozenset("ngay tuan thang gio phut".split())
# what says a length is a figure's time, right before it (folded): "trong", "trong vòng",
# "trong suốt", "sau", "qua"
_LENGTH_LEAD = re.compile(r"\b(?:trong(?: vong| suot)?|sau|qua)\s*$")
# what may stand between the length and the value it dates (folded): a verb of reaching or
# receiving, an approximation -- no clause break
_TO_VALUE = re.compile(r"\s*(?:(?:nghi(?: le| tet)?|le|tet|lien tiep|qua)\s+)?"
                       r"(?:da\s+)?(?:dat|co|don|tiep nhan|la|len toi|len den|khoang|gan|hon|"
                       r"tren|xap xi|uoc|uoc dat|\s)*$")


def lengths_in_clause(sentence: str, base: int, frames: Sequence[Frame]) -> list[Frame]:
    """``frames`` (of ``sentence``, whose first character is at ``base`` in the document)
    with each length of time said mid-clause ("... lượng người xuất nhập cảnh trong 5 ngày
    đạt 27.400 lượt": a count in days, weeks, months or hours after "trong", "sau" or "qua"
    and followed, with only a verb between, by a value in another unit) giving its name to
    that value and keeping none itself.  Frames that are no such length come back as they
    were."""
    out = list(frames)
    folded = fold(sentence).lower()
    for i, f in enumerate(out[:-1]):
        g = out[i + 1]
        if f.kind != "count" or f.high is not None or not f.indicator or g.indicator and \
                g.indicator != f.indicator:
            continue
        unit = fold(f.unit).lower().split()
        if len(unit) != 1 or unit[0] not in _LENGTH_UNITS or fold(g.unit).lower() == unit[0]:
            continue
        if not _LENGTH_LEAD.search(folded[:f.start - base]) or \
                not _TO_VALUE.match(folded[f.end - base:g.start - base]):
            continue
        parent = f.parent if g.parent == f.indicator else g.parent
        out[i + 1] = replace(g, indicator=f.indicator, parent=parent, part=f.part,
                             basis=g.basis or f.basis)
        out[i] = replace(f, indicator="", parent="", part=False)
    return out


# a length of time said before a value in its sentence, with what says it is the value's time
# (folded): "Thu ngân sách trong 5 ngày đạt ...", "Sau 5 ngày thông quan ...", "qua 2 tuần"
_LENGTH_SAID = re.compile(r"\b(?:trong(?: vong| suot)?|sau|qua)\s+(\d{1,3})\s+(ngay|tuan|thang)\b")


def length_of(period: Period, unit: str) -> int | None:
    """How many ``unit`` ("ngay", "tuan", "thang": folded) ``period`` spans, when it spans a
    whole number of them -- whole calendar months for "thang" -- else None."""
    if unit == "ngay":
        return period.days
    if unit == "tuan":
        return period.days // 7 if period.days % 7 == 0 else None
    after = period.end.toordinal() + 1
    if period.start.day != 1 or type(period.end).fromordinal(after).day != 1:
        return None
    return (period.end.year - period.start.year) * 12 + period.end.month - period.start.month + 1


def lengths_dated(sentence: str, base: int, frames: Sequence[Frame],
                  stated: Sequence[Period]) -> list[Frame]:
    """``frames`` (of ``sentence``, at ``base`` in the document) with each figure whose own
    sentence gives it no period but says its length before it ("Thu ngân sách trong 5 ngày đạt
    128,6 tỷ đồng") dated by the last of the periods ``stated`` before it (oldest first) that
    lasts exactly that long ("Sau 5 ngày thông quan trở lại sau Tết (từ ngày 11/02 đến ngày
    15/02/2062), ...": "từ 11/2 đến 15/2/2062") -- not by the document's year, which answered
    "thu ngân sách năm 2062" with five days' revenue at 1.0 (break-test bt22b, session 50).
    A figure dated in its own words or its sentence, or a length no stated period matches,
    is left as it was."""
    folded = fold(sentence).lower()
    out = list(frames)
    for i, f in enumerate(out):
        if f.period_from in ("own", "sentence"):
            continue
        said = list(_LENGTH_SAID.finditer(folded, 0, max(0, f.start - base)))
        if not said:
            continue
        n, unit = int(said[-1].group(1)), said[-1].group(2)
        period = next((p for p in reversed(stated) if length_of(p, unit) == n), None)
        if period is not None:
            out[i] = replace(f, period=period, period_from="sentence")
    return out
