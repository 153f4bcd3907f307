"""Questions asking a figure at two parts of a day joined by "và": "Số xe tồn sáng 06/10/2053 và
chiều 06/10/2053?", "Số xe hàng tồn sáng và chiều 06/10/2053?" -- two moments, two figures
(a report's "sáng 06/10/2053 còn tồn khoảng 1.150 xe ...; đến chiều cùng ngày giảm còn 870
xe"), though both read the same day (rag.vi.asked gives one period, so one figure was
answered; session 45 brief hiennay3, tests/test_latest_count.py).  Each part is asked as its
own question -- the shared head, one part of the day with its date, the shared tail -- and
the answers joined by rag.answer.conjuncts.conjoined, labelled as typed."""

from __future__ import annotations

import re

from rag.answer.conjuncts import Conjuncts
from rag.vi.text import fold

_PART = r"(?:buoi\s+)?(?:sang|trua|chieu|toi|dem)"
_DATE = r"(?:ngay\s+)?\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?"
# folded: "<head> <part> <date> và <part> <date>|cùng ngày <tail>"
_EACH_DATED = re.compile(rf"(?P<head>.*?)(?<!\w)(?P<a>{_PART}\s+{_DATE})\s*,?\s+va\s+"
                         rf"(?P<b>{_PART}(?:\s+{_DATE}|\s+cung ngay)?)(?P<tail>(?!\s*/?\d).*)")
# folded: "<head> <part> và <part> <date> <tail>"
_SHARED_DATE = re.compile(rf"(?P<head>.*?)(?<!\w)(?P<a>{_PART})\s*,?\s+va\s+(?P<b>{_PART})"
                          rf"\s+(?P<date>{_DATE})(?P<tail>(?!\s*/?\d).*)")


def split_day_parts(question: str) -> Conjuncts | None:
    """The two questions of ``question`` when it joins, with its one "và", two parts of a day
    ("sáng", "trưa", "chiều", "tối", "đêm", "buổi ...") each with a date, or both before one
    date: "Số xe tồn sáng 06/10/2053 và chiều 06/10/2053?" -> ("Số xe tồn sáng 06/10/2053?",
    "Số xe tồn chiều 06/10/2053?"), labelled "sáng 06/10/2053", "chiều 06/10/2053"; "chiều
    cùng ngày" takes the first part's date.  None for anything else: no or several "và", the
    same part twice, no part of the day, or text whose folding changes its length."""
    folded = fold(question).lower()
    if len(folded) != len(question) or len(re.findall(r"(?<!\w)va(?!\w)", folded)) != 1:
        return None
    m = _EACH_DATED.fullmatch(folded)
    if m is not None:
        a, b = question[m.start("a"):m.end("a")], question[m.start("b"):m.end("b")]
        date_a = re.search(_DATE + "$", m.group("a"))
        assert date_a is not None
        day = question[m.start("a") + date_a.start():m.end("a")]
        if m.group("b").endswith("cung ngay"):
            b = f"{b[:-len('cung ngay')].rstrip()} {day}"
        elif not re.search(r"\d", m.group("b")):
            b = f"{b} {day}"
    else:
        m = _SHARED_DATE.fullmatch(folded)
        if m is None:
            return None
        day = question[m.start("date"):m.end("date")]
        a = f"{question[m.start('a'):m.end('a')]} {day}"
        b = f"{question[m.start('b'):m.end('b')]} {day}"
    parts = [re.search(_PART, fold(x).lower()) for x in (a, b)]
    if parts[0] is None or parts[1] is None or \
            parts[0].group(0).split()[-1] == parts[1].group(0).split()[-1]:
        return None
    head, tail = question[:m.start("head") + len(m.group("head"))], question[m.start("tail"):]
    return Conjuncts(questions=(f"{head}{a}{tail}", f"{head}{b}{tail}"), labels=(a, b))
