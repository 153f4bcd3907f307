"""How long a holiday lasted: "Tết 2032 kéo dài mấy ngày?", "Kỳ nghỉ lễ 30/4 năm 2030 được
nghỉ bao nhiêu ngày?", "Dịp Quốc khánh 2/9/2031 kéo dài bao lâu?" ask the span a report
states of the holiday ("Trong 9 ngày nghỉ Tết Nguyên đán (từ ngày 07/02 đến hết ngày
15/02/2032), ..."): that count of days, whose own period (its days) holds as many days as it
says, answers with its first and last day -- "9 ngày (07/02–15/02/2032)".  Such a frame has
no indicator but its days, so the question's "kéo dài" drew the scorer to nothing and it was
refused (session 43 brief holidaydays, break-test bt17h)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from rag.answer.figures import Choice
from rag.vi.calendar import HOLIDAY, Period
from rag.vi.lunar import CAN_CHI
from rag.vi.text import fold

# the length asked: "mấy ngày", "bao nhiêu ngày", "bao lâu"
_LENGTH_ASKED = re.compile(r"\b(?:may|bao nhieu) ngay\b|\bbao lau\b")
# what a question about a holiday's own length says besides the holiday's name, its year and
# the length asked: a word of another thing ("khách lưu trú bình quân mấy ngày dịp Tết") asks
# that thing's length, no holiday's
_ABOUT_HOLIDAY = frozenset(
    "ky dot dip nghi duoc keo dai tet le ngay nam nguyen dan am lich co truyen duong quoc "
    "khanh lao dong te chien thang giai phong mien nam thong nhat dat nuoc gio to hung vuong "
    "giang sinh noel thi tong cong la co trong vua qua nay tinh lang son bao lau may nhieu "
    "chinh thuc lien tiep".split())
_NUMBERS = re.compile(r"\d+(?:[/\-.]\d+)*")


def length_asked(question: str) -> bool:
    """Whether ``question`` (as typed or folded) asks how many days something lasted
    (:data:`_LENGTH_ASKED`) and names nothing but a holiday: its other words are a holiday's,
    its year's (a number or a can-chi name) and those of its length (:data:`_ABOUT_HOLIDAY`).
    That the holiday is the period asked is :func:`holiday_span`'s to check ("lễ 30/4/2030"
    is read as one by rag.vi.asked, not by rag.vi.holidays' names)."""
    folded = fold(question).lower()
    if not _LENGTH_ASKED.search(folded):
        return False
    rest = _NUMBERS.sub(" ", re.sub(CAN_CHI, " ", folded))
    return set(re.findall(r"[a-z]+", rest)) <= _ABOUT_HOLIDAY


def holiday_span(choices: Iterable[Choice], want: Period | None) -> Choice | None:
    """The first of ``choices`` (the frames the hard rules allow for the asked period
    ``want``, a holiday) that states the holiday's span: a level in days ("9 ngày") whose own
    period is a span of days holding as many days as it says (07/02 to 15/02: 9).  None when
    ``want`` is no holiday or no choice is such a span."""
    if want is None or want.kind != HOLIDAY:
        return None
    for c in choices:
        f, p = c.frame, c.frame.period
        if f.measure == "level" and fold(f.unit).lower().strip() == "ngay" and \
                p is not None and p.kind == "days" and f.high is None and \
                f.low == (p.end - p.start).days + 1:
            return c
    return None


def span_text(choice: Choice) -> str:
    """The span's answer: its count of days and its first and last day, "9 ngày
    (07/02–15/02/2032)"; the first day's year is written when it is another year's."""
    f, p = choice.frame, choice.frame.period
    assert p is not None
    first = f"{p.start:%d/%m}" if p.start.year == p.end.year else f"{p.start:%d/%m/%Y}"
    return f"{f.value} ({first}–{p.end:%d/%m/%Y})"
