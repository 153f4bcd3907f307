"""A sentence opening with the same period a year earlier: "6 tháng đầu năm 2070, kim ngạch
xuất nhập khẩu qua địa bàn đạt 4.312,8 triệu USD. Cùng kỳ năm 2069 chỉ đạt 3.904,6 triệu
USD." (break-test bt22b, session 50) -- "cùng kỳ" is the period in force (the figure
before's), a year earlier or in the year written after it, not that year whole nor the period
in force itself; a sentence naming no indicator restates the figure before's
(rag.vi.frames.sentence; tests/test_same_period_opening.py)."""

from __future__ import annotations

import re

# folded, at a sentence's start: a connective ("trong khi đó", "còn"), then "(trong) cùng kỳ",
# perhaps "năm trước", "năm ngoái" or "năm 2069" (group 1: the year written); "cùng kỳ vọng",
# "cùng kỳ hạn" are other words
_OPENING = re.compile(r"\s*(?:(?:trong\s+khi(?:\s+do)?|con|nhung)\s*,?\s*)?(?:trong\s+)?"
                      r"cung\s+ky(?!\s+(?:vong|han)\b)(?:\s+nam\s+(?:truoc|ngoai|((?:19|20)\d\d)))?"
                      r"(?![\w/])")
# what may stand between the opening and the value of a sentence naming no indicator
# (folded): a verb of a level, an approximation ("Cùng kỳ năm 2069 chỉ đạt", "Cùng kỳ năm
# trước là", "Cùng kỳ: ")
_BARE_REST = re.compile(r"\s*,?\s*:?\s*(?:(?:chi\s+|cung\s+)?(?:dat(?:\s+duoc)?|la|o\s+muc|co)\s*)?"
                        r"(?:(?:khoang|gan|hon|tren|xap xi)\s+)?:?\s*")


def same_period_opening(folded: str) -> re.Match[str] | None:
    """The opening "cùng kỳ (năm trước|năm 2069)" of the ``folded`` sentence, or None when it
    opens otherwise ("So với cùng kỳ, ..." is a comparison, not a period)."""
    return _OPENING.match(folded)


def restates_before(opening: re.Match[str], pre_f: str) -> bool:
    """Whether ``pre_f`` (the folded words before a sentence's first value) are ``opening``
    and at most a verb of a level: "Cùng kỳ năm 2069 chỉ đạt 3.904,6 triệu USD" names no
    indicator and restates the figure before, a year earlier."""
    return _BARE_REST.fullmatch(pre_f, opening.end()) is not None
