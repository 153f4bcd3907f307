"""A clause opened by a later time of the day a sentence already dated: "sáng 06/10/2053 còn
tồn khoảng 1.150 xe hàng chờ xuất khẩu; đến chiều cùng ngày giảm còn 870 xe" -- the time words
("đến chiều cùng ngày", "buổi tối", "đến 17 giờ cùng ngày") say when, never what is counted,
and the clause, its subject left out, goes on counting what the clause before counted
(session 45 brief hiennay3, issue 17 break-test: the afternoon's 870 was read as a count of
"chiều cùng", lost to an older count worded like the question; tests/test_latest_count.py)."""

from __future__ import annotations

import re

from rag.vi.text import fold

# folded: an opener ("đến", "tới", "vào", "sau đó"), then a part of the day or an hour said
# of the same day ("chiều cùng ngày", "17 giờ cùng ngày", "16h30 hôm đó"), or a part of the
# day named by "buổi" ("buổi chiều": "buổi" rules out "sáng kiến", "chiều dài", "tối đa")
_LATER_SAME_DAY = re.compile(
    r"\W*(?:(?:den|toi|vao|sau do|va|nhung|con)\s+)*"
    r"(?:(?:(?:buoi\s+)?(?:sang|trua|chieu|toi|dem)|\d{1,2}\s*(?:gio|h)(?:\s*\d{1,2}(?:\s*phut)?)?)"
    r"\s+(?:cung ngay|cung hom|hom do|hom ay|ngay hom do)"
    r"|buoi\s+(?:sang|trua|chieu|toi|dem)(?:\s+(?:cung ngay|cung hom|hom do|hom ay))?)"
    r"(?!\w)")


def same_day_time_words(clause: str) -> int:
    """The length of the time words of the same day opening ``clause`` (the words before a
    value, as :func:`rag.vi.frames.indicators.last_clause` cuts them; diacritics or folded):
    "đến chiều cùng ngày giảm còn" -> 19 ("đến chiều cùng ngày"), "Đến 17 giờ cùng ngày, số
    xe tồn" -> 19, "buổi tối còn" -> 8; 0 when it opens with none ("số xe tồn", "chiều dài
    tuyến", "sáng kiến") or folding changes its length."""
    folded = fold(clause)
    if len(folded) != len(clause):
        return 0
    m = _LATER_SAME_DAY.match(folded)
    return m.end() if m else 0
