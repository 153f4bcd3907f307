"""A headline's figure restated exactly in its page's body.

The press titles an article with a figure rounded or shortened and states it exactly in the
body: "Kỳ nghỉ lễ 30/4 - 1/5 năm 2039: Lạng Sơn đón hơn 96 nghìn lượt khách" over "... đón hơn
96.400 lượt khách du lịch ...", "Quý I/2024: GRDP Lạng Sơn tăng 6,37%, xếp thứ 4 vùng ..." over
"... ước đạt 6,37%, xếp thứ 4/14 tỉnh vùng ...".  Both are candidates of a figure question, and
the headline's, naming the question's words in fewest others, ranked first -- answering the
rounded figure (break-test bt17i, dev-reports d127 after session 43's rankavg).  When the body
states the headline's figure (same document, measure, unit and match to the asked period,
their indicators sharing a word, the values agreeing to the headline's written precision) the
body's figure answers in the headline's place, its sentence cited (session 43 brief headline;
tests/test_headline_body.py).  A headline figure with no such body figure still answers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from rag.answer.figures import Choice
from rag.vi.frames import Frame
from rag.vi.numbers import agree_to_precision, find_values, scaled
from rag.vi.text import fold

# words an indicator shares with nearly every other of the province's reports, which tell
# nothing of whether two indicators are one
_COMMON = frozenset({"cua", "tinh", "lang", "son", "toan", "va", "tong", "so", "dia", "ban",
                     "tren", "trong", "do", "cac", "nhung"})
_APPROX = ("khoảng", "gần", "hơn", "trên", "xấp xỉ", "dưới", "ngót", "chừng", "gan", "hon",
           "khoang", "tren", "duoi")


def _squeezed(text: str) -> str:
    return " ".join(fold(text).split())


def is_headline(choice: Choice, texts: Callable[[str], str]) -> bool:
    """Whether ``choice``'s figure stands in its document's title: the sentence it is quoted
    from (``Frame.quote``, offsets into ``texts(doc_id)``) is, spaces and case aside, the
    title of the passage it was found in (``Hit.chunk.title``)."""
    title = choice.hit.chunk.title or ""
    if not title.strip():
        return False
    s, e = choice.frame.quote
    return _squeezed(texts(choice.hit.chunk.doc_id)[s:e]) == _squeezed(title)


def _indicator_words(f: Frame) -> set[str]:
    return {w for w in re.findall(r"\w+", fold(f.indicator)) if w not in _COMMON}


def _place(number: str) -> float:
    """The place of a written number's last digit: "6,37" -> 0.01, "4" -> 1.0."""
    digits = re.sub(r"[^\d,]", "", number)
    return 10.0 ** -len(digits.split(",", 1)[1]) if "," in digits else 1.0


def restates(head: Frame, body: Frame) -> bool:
    """Whether ``body`` states ``head``'s figure as exactly or more so: same measure (and
    unit's head word, or both percentages), indicators sharing a word (beyond the
    province's name and function words), and the values agreeing to ``head``'s written
    precision -- half its last digit's place, a whole place after an approximation word
    ("hơn 96 nghìn" ~ "96.400", "gần 1,5 triệu" ~ "1.482.300", as
    rag.vi.numbers.restatements reads a bracketed restatement); a rank the same place, the
    headline's count of ranked units unsaid or the same ("thứ 4" ~ "4/14")."""
    if head.measure != body.measure or head.direction * body.direction < 0:
        return False
    if not _indicator_words(head) & _indicator_words(body):
        return False
    if head.measure == "rank":
        out_of = head.value.split("/", 1)[1:] if "/" in head.value else []
        return head.low == body.low and (not out_of or "/" in body.value and
                                         body.value.split("/", 1)[1] == out_of[0])
    hv, bv = find_values(head.value), find_values(body.value)
    if len(hv) != 1 or len(bv) != 1 or hv[0].high is not None or bv[0].high is not None:
        return False
    h, b = hv[0], bv[0]
    loose = bool(head.approx) or fold(head.value).startswith(tuple(_APPROX))
    if h.percent or b.percent:
        if not (h.percent and b.percent):
            return False
        place = _place(h.number)
        return _place(b.number) <= place and abs(h.low - b.low) <= (place if loose else place / 2)
    try:
        return scaled(b)[2] <= scaled(h)[2] and agree_to_precision(h, b, loose)
    except ValueError:
        return False


def body_for_headline(choices: list[Choice], texts: Callable[[str], str]) -> list[Choice]:
    """``choices`` (an asked period's candidates, best first) with each headline figure
    (:func:`is_headline`) that a body figure of the same document restates (:func:`restates`,
    the body's candidate matching the asked period as well and no more a part or a
    subclass of what is asked) replaced, in its place and with its score, by that body
    figure -- the best such one; the body's own later entry dropped.  Other candidates keep
    their order; a headline figure no body figure restates stays."""
    out: list[Choice] = []
    used: set[int] = set()
    for c in choices:
        if id(c) in used:
            continue
        if is_headline(c, texts):
            twin = next((b for b in choices if id(b) not in used and b is not c
                         and b.hit.chunk.doc_id == c.hit.chunk.doc_id
                         and b.match == c.match and not is_headline(b, texts)
                         and b.narrowed <= c.narrowed and len(b.broader) <= len(c.broader)
                         and b.outworded <= c.outworded and restates(c.frame, b.frame)), None)
            if twin is not None:
                used.add(id(twin))
                out.append(replace(twin, score=max(twin.score, c.score)))
                continue
        out.append(c)
    return out
