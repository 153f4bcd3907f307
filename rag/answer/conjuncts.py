"""Questions that ask for two figures joined by "và": "sản lượng than và xi măng 9 tháng
2025", "xuất khẩu và nhập khẩu mở tờ khai 6 tháng 2022", "có bao nhiêu xe xuất khẩu và bao
nhiêu xe nhập khẩu", "CPI tháng 12/2022 so với tháng trước và so với cùng kỳ".

The two things asked (the conjuncts) stand on each side of "và", and what they share -- the
head before them ("sản lượng"), the basis and period after them ("mở tờ khai 6 tháng
2022") -- is said once.  The conjunct after "và" is its first word or word pair (a pair the
corpus writes together: "xi măng", "nhập khẩu"); the one before, the same number of terms
ending at "và" -- or, when the second conjunct starts with a word said earlier ("bao nhiêu
xe ... và bao nhiêu xe ..."), everything from that word.  Each question is the whole question
with the other conjunct left out.  Periods joined by "và" ("2018 và 2019", "tháng 6 và
tháng 12") are several periods of one figure (rag.vi.calendar), not two figures, and are
left alone."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from rag.answer.answerer import term_lengths
from rag.records import Answer, AnswerPart
from rag.vi.lexicon import HOW_MUCH, NOT_A_THING_WORDS
from rag.vi.mentions import find_mentions
from rag.vi.text import fold

_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
# The question words a conjunct starts with ("bao nhiêu xe xuất khẩu"), left out of its label.
_ASKING = re.compile(r"^(?:co\s+)?(?:" + "|".join(HOW_MUCH) + r")\s+")


@dataclass(frozen=True)
class Conjuncts:
    """A question asking for two figures: ``questions`` the two questions (each the whole
    question without the other conjunct), ``labels`` the two conjuncts as typed ("than",
    "xi măng")."""

    questions: tuple[str, str]
    labels: tuple[str, str]


def split_conjuncts(question: str, cohesion: Callable[[str, str], float]) -> Conjuncts | None:
    """The two figures ``question`` asks for, or None when it asks for one (no "và", several
    "và", a side that is a period, or only quantity, question or verb words -- "đạt và
    vượt" -- or nothing on one side).  ``cohesion(a, b)`` (folded words) is above 0 when the
    corpus writes the two words together (``Answerer.cohesion``)."""
    words = [(m.start(), m.end(), fold(m.group(0)).lower()) for m in _WORD_RE.finditer(question)]
    joins = [i for i, (_, _, w) in enumerate(words) if w == "va"]
    if len(joins) != 1 or joins[0] == 0 or joins[0] == len(words) - 1:
        return None
    j = joins[0]
    before, after = words[:j], words[j + 1:]
    again = [i for i, w in enumerate(before) if w[2] == after[0][2]]
    if again:  # "bao nhiêu xe xuất khẩu và bao nhiêu xe nhập khẩu": the same words again
        a = before[again[-1]:]
        b = after[:len(a)]
    else:
        left = term_lengths([w for _, _, w in before], cohesion)
        right = term_lengths([w for _, _, w in after], cohesion)
        a, b = before[-left[-1]:], after[:right[0]]
    for side in (a, b):
        text = question[side[0][0]:side[-1][1]]
        if all(w[2].isdigit() or w[2] in NOT_A_THING_WORDS for w in side) or any(
                not x.comparison for x in find_mentions(text, 2000)):
            return None
    a0, a1, b0, b1 = a[0][0], a[-1][1], b[0][0], b[-1][1]
    one = " ".join((question[:a1] + question[b1:]).split())
    two = " ".join((question[:a0] + question[b0:]).split())
    return Conjuncts((one, two), (_label(question[a0:a1]), _label(question[b0:b1])))


def _label(conjunct: str) -> str:
    """A conjunct as its part's label: without the question words it starts with ("bao
    nhiêu xe xuất khẩu" -> "xe xuất khẩu")."""
    m = _ASKING.match(fold(conjunct).lower())
    return conjunct[m.end():].strip() if m else conjunct


def conjoined(question: str, resolved: str, labels: tuple[str, str],
              answers: tuple[Answer, Answer]) -> Answer | None:
    """One answer from the answers to the two questions of :func:`split_conjuncts`: a part
    for each thing asked (``AnswerPart.period`` holds the thing, "than"), its figure cited,
    the one not found named in ``missing``; confidence the least of those found.  None when
    the split tells nothing the whole question would not: neither is found, or both give the
    same figure from the same passage ("đạt và vượt" read as two things)."""
    first, second = answers
    if not (first.found or second.found):
        return None
    if first.found and second.found and first.answer == second.answer and \
            first.citations[:1] == second.citations[:1]:
        return None
    pairs = list(zip(labels, answers, strict=True))
    found = [(label, a) for label, a in pairs if a.found]
    missing = tuple(label for label, a in pairs if not a.found)
    lines = [f"- {label}: {a.summary or a.answer}" for label, a in found]
    if missing:
        lines.append("Các báo cáo không có số liệu " + ", ".join(missing) + ".")
    least = min(found, key=lambda la: la[1].confidence)[1]
    exact = all(a.period_match == "exact" for _, a in found) and not missing
    return Answer(
        question=question, resolved_question=resolved,
        answer="; ".join(f"{label}: {a.answer}" for label, a in found), found=True,
        confidence=least.confidence, sure=least.sure, summary="\n".join(lines),
        answer_sentence=found[0][1].answer_sentence,
        citations=tuple(dict.fromkeys(c for _, a in found for c in a.citations)),
        related=tuple(dict.fromkeys(p for a in answers for p in a.related)),
        period_match="exact" if exact else "partial",
        parts=tuple(AnswerPart(period=label, answer=a.answer if a.found else "",
                               found=a.found, summary=a.summary or a.answer, figure=a.figure,
                               period_match=a.period_match or "none", citations=a.citations)
                    for label, a in pairs),
        missing=missing, ocr=any(a.ocr for a in answers))
