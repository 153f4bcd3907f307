"""How an answer names the part it gives when the figure's own indicator says it is a part of
what was asked ("thu ngân sách từ hoạt động xuất nhập khẩu" for "Thu ngân sách năm 2069?":
rag.answer.figures.narrowed_by; break-test bt17m)."""
from __future__ import annotations

from rag.answer.figures import Choice
from rag.search.query import expand_abbreviations
from rag.vi.lexicon import NARROWING_QUALIFIER_RE
from rag.vi.text import fold


def own_part_said(choice: Choice) -> str:
    """The indicator of ``choice``'s frame as written, its first letter made small ("thu ngân
    sách từ hoạt động xuất nhập khẩu"), when the choice is a part of what is asked
    (``Choice.narrowed``) that its own indicator names (``Choice.own_part``, read by
    rag.answer.figures.narrowed_by) by the source it comes from ("từ hoạt động ...", "từ
    nguồn ..."); "" otherwise -- also when the indicator is empty.  The answer then says which
    part it gives, never the part's figure as the whole's.  Only "từ": "kim ngạch nhập khẩu
    của các doanh nghiệp" is the province's whole as often as a part of it
    (tests/test_real_inputs_16c.py), and keeps its plain answer."""
    if not (choice.narrowed and choice.own_part):
        return ""
    m = NARROWING_QUALIFIER_RE.search(fold(expand_abbreviations(choice.frame.indicator)).lower())
    if m is None or not m.group(0).startswith("tu "):
        return ""
    name = " ".join(choice.frame.indicator.split())
    return name[:1].lower() + name[1:] if name else ""
