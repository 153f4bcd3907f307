"""How an answer names the part it gives when the figure's own indicator says it is a part of
what was asked ("thu ngân sách từ hoạt động xuất nhập khẩu" for "Thu ngân sách năm 2069?":
rag.answer.figures.narrowed_by; break-test bt17m)."""
from __future__ import annotations

from rag.answer.figures import Choice


def own_part_said(choice: Choice) -> str:
    """The indicator of ``choice``'s frame as written, its first letter made small ("thu ngân
    sách từ hoạt động xuất nhập khẩu"), when the choice is a part of what is asked
    (``Choice.narrowed``) that its own indicator names (``Choice.own_part``, read by
    rag.answer.figures.narrowed_by); "" otherwise -- also when the indicator is empty.  The
    answer then says which part it gives, never the part's figure as the whole's."""
    if not (choice.narrowed and choice.own_part):
        return ""
    name = " ".join(choice.frame.indicator.split())
    return name[:1].lower() + name[1:] if name else ""
