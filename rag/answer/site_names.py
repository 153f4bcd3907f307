"""Words of a question held by another candidate only inside a place's proper name.

"How many visitors during Tet 2063?" (read "lượt khách du lịch") over "toàn tỉnh đón khoảng
412.000 lượt khách" and, later, "Khu du lịch Mẫu Sơn đón 61.000 lượt khách" (break-test s43
bt17l): the "du lịch" the total lacks was taken as a subclass the reports give, because the
site's indicator holds it (rag.answer.figures.subclass_held) -- so the total was broader than
asked and the site (a part) answered at 0.84.  A kind noun before a capitalised name ("Khu du
lịch Mẫu Sơn", "điểm du lịch Động Tam Thanh", "khu công nghiệp Đồng Bành") names one place;
its words name no class of what is counted.
"""

from __future__ import annotations

import re

from rag.vi.frames.frame import Frame
from rag.vi.text import fold

# a kind noun naming one place by the capitalised name after it (as written)
_PLACE_NAME = re.compile(r"(?<!\w)(khu du lịch|điểm du lịch|khu di tích|quần thể di tích|"
                         r"khu công nghiệp|cụm công nghiệp|khu kinh tế)(?=\s+[A-ZĐÂĂÊÔƠƯ])",
                         re.IGNORECASE)


def held_in_place_name(words: tuple[str, ...], frame: Frame) -> bool:
    """Whether ``frame``'s indicator holds some of ``words`` (folded syllables a question
    adds to what another candidate counts) only as the kind noun of a place it names ("du
    lịch" of "Khu du lịch Mẫu Sơn"): those words then name no subclass.  False when the
    indicator names no such place or holds the words outside it too."""
    if not words or not _PLACE_NAME.search(frame.indicator):
        return False
    rest = fold(_PLACE_NAME.sub(" ", frame.indicator)).lower()
    return not set(words) <= set(re.findall(r"[a-z0-9]+", rest))
