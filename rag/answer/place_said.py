"""A kind of place the question names ("tại cửa khẩu") that a figure's sentence says its figure
stands at before the value ("Về tình hình tại các cửa khẩu, sáng 06/10/2053 còn tồn khoảng
1.150 xe hàng chờ xuất khẩu"): where the figure is, held by it though its indicator leaves it
out -- never a word of two syllables the figure lacks while writing one of its syllables in
another word ("khẩu" of "xuất khẩu": rag.answer.figures.names_another_word refused the count,
and a "hiện nay" asked took an older one whose indicator held "cửa khẩu"; session 45 brief
hiennay3, tests/test_latest_count.py)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from rag.answer.places import GATE_RE, gates_written
from rag.vi.lexicon import PLACE_KINDS
from rag.vi.text import fold

# the kinds of place written in two syllables, as the question's terms write them ("cua_khau")
_TWO_SYLLABLE_KINDS = frozenset(k.replace(" ", "_") for k in PLACE_KINDS if k.count(" ") == 1)


def place_kinds_said(asked: Iterable[str], before: str) -> frozenset[str]:
    """The asked two-syllable words (``asked``: folded terms, "cua_khau") naming a kind of place
    (rag.vi.lexicon.PLACE_KINDS) that ``before`` -- the figure's sentence up to its value, as
    written or folded -- writes after "tại", "ở" or "qua" (with "các", "những", "khu vực",
    "địa bàn" between): "tại các cửa khẩu", "qua các cửa khẩu" say where the figure
    stands or passes; a kind the sentence does not write so is not returned."""
    kinds = [t for t in asked if t in _TWO_SYLLABLE_KINDS]
    if not kinds:
        return frozenset()
    folded = fold(before).lower()
    return frozenset(t for t in kinds if re.search(
        r"(?<!\w)(?:tai|o|qua)\s+(?:(?:cac|nhung|khu vuc|dia ban)\s+)*"
        + re.escape(t.replace("_", " ")) + r"(?!\w)", folded))


def gate_phrase_said(questions: Iterable[str], gates: frozenset[str], before: str) -> str:
    """The words of the gate phrases the question writes (``questions``: as typed and as
    restored; rag.answer.places.GATE_RE: "qua ga đường sắt Đồng Đăng", "cửa khẩu quốc tế Chi
    Ma") that a figure's sentence up to its value (``before``) writes too, when that sentence
    names the gate asked (``gates``: folded names) and no other by its kind
    (rag.answer.places.gates_written): "Chi cục Hải quan ga đường sắt quốc tế Đồng Đăng đã làm
    thủ tục cho 6.245 tờ khai, với tổng kim ngạch đạt 702,3 triệu USD" is the station's
    figure, whose words "ga", "đường sắt", "Đồng Đăng" say where it stands -- counted as its
    heading's (rag.answer.figures.describe ``lead_place``), as a lead naming the gate is.
    Read as the sentence's words only, a question naming the gate in one word fewer than
    the report ("ga đường sắt Đồng Đăng" of "ga đường sắt quốc tế Đồng Đăng") fell under the
    coverage floor while "ga Đồng Đăng" passed it (break-test bt22b, session 50); "" when
    the sentence names no gate asked or another beside it."""
    if not gates:
        return ""
    folded = fold(before).lower()
    named = {g for g in gates if re.search(rf"(?<!\w){re.escape(g)}(?!\w)", folded)}
    if not named:
        return ""
    written = gates_written(before)
    if any(not any(w == g or g.startswith(w + " ") or w.startswith(g + " ") for g in named)
           for w in written):
        return ""  # "cửa khẩu Hữu Nghị 1.610,2; ...; ga đường sắt Đồng Đăng 233,1": a list
    words = set(re.findall(r"\w+", folded))
    out: list[str] = []
    for question in questions:
        for m in GATE_RE.finditer(question):
            name = fold(m.group(1) or m.group(2)).lower()
            if name in named:
                out += [w for w in m.group(0).split() if fold(w).lower() in words]
    return " ".join(dict.fromkeys(out))
