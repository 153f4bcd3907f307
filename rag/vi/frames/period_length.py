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
