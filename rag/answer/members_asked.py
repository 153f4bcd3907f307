"""The members of a kind asked ("Nhà máy ... dùng những nhiên liệu gì?") and the sentence
that lists them.

"những X gì" / "các X gì" asks which things of the kind X there are, not how much of X: the
sentence that writes X with its members listed after it ("khoảng 240.000 tấn nhiên liệu
sinh khối mỗi năm (vỏ cây keo, bã mía, rơm rạ)") answers it, before one that merely holds
more of the question's other words (break-test bt26 b079: the amount "khoảng 240.000 tấn
nhiên liệu sinh khối" answered at 0.92; tests/test_members_asked.py).
"""

from __future__ import annotations

import re

from rag.vi.text import fold

# "những X gì", "các X gì" closing the question (folded, lower case): X is one to four words,
# a classifier before it ("các loại gỗ gì") none of them
_MEMBERS_ASKED_RE = re.compile(r"\b(?:nhung|cac)\s+(?:(?:loai|kieu|dang|thu)\s+)?"
                               r"((?:\w+\s+){0,3}\w+)\s+gi\W*$")
# a list after the kind named: two items or more in brackets ("(vỏ cây keo, bã mía, rơm
# rạ)"), or after "gồm", "như", "là" or a colon ("gồm: than, dầu") -- within the kind's own
# clause (to a ";") and 80 characters of it; folded
_LISTED_AFTER_RE = re.compile(r"[^;]{0,80}?(?:\((?P<bracketed>[^()]*\w,\s*\w[^()]*)\)"
                              r"|(?:\bgom\b|\bnhu\b|\bla\b|:)\s*:?\s*"
                              r"(?P<led>\w[^,;()]*,\s*\w[^;()]*?)\s*(?:[;.]|$))")


def members_asked(question: str) -> str | None:
    """The kind whose members ``question`` asks, folded and lower case ("nhien lieu" of
    "... dùng những nhiên liệu gì?"), or None when it asks no "những/các X gì"."""
    m = _MEMBERS_ASKED_RE.search(fold(question).lower())
    return m.group(1) if m else None


def lists_members(sentence: str, kind: str) -> bool:
    """Whether ``sentence`` names ``kind`` (folded words, :func:`members_asked`) and lists
    two members or more after it, in brackets or after "gồm", "như", "là", ":" in the same
    clause (:data:`_LISTED_AFTER_RE`)."""
    return listed_members(sentence, kind) is not None


def listed_members(sentence: str, kind: str) -> str | None:
    """The members ``sentence`` lists after ``kind`` as written ("vỏ cây keo, bã mía, rơm
    rạ"), or None when it names no such list (:func:`lists_members`).  Offsets of the folded
    sentence are those of ``sentence`` (rag.vi.text.fold keeps the length)."""
    folded = fold(sentence).lower()
    if len(folded) != len(sentence):
        return None
    for m in re.finditer(r"(?<!\w)" + re.escape(kind) + r"(?!\w)", folded):
        listed = _LISTED_AFTER_RE.match(folded, m.end())
        if listed:
            group = "bracketed" if listed.group("bracketed") is not None else "led"
            return sentence[listed.start(group):listed.end(group)].strip()
    return None
