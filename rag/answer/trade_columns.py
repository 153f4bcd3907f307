"""The trade column a bare "kim ngạch" asks of a table split into export / import / total.

A customs table per gate, per commodity or per month writes each row's trade in columns
("Xuất khẩu | Nhập khẩu | Tổng", "XK | NK | Tổng kim ngạch", "Kim ngạch xuất khẩu | Kim
ngạch nhập khẩu | Tổng kim ngạch xuất nhập khẩu").  "Kim ngạch" asked with neither "xuất" nor
"nhập" is the trade value as a whole -- the reports' "kim ngạch (xuất nhập khẩu) qua cửa
khẩu X đạt 980 triệu USD, trong đó xuất khẩu 512 ..." -- so the total column is its answer,
and a part column (exports, imports) none: it held every word asked ("kim ngạch" of the
caption, the row's gate) and, first in its row, won (break-test bt17v item 28: "Kim ngạch qua
cửa khẩu Tân Thanh 6 tháng 2069?" answered the export 512 at 0.85, the total 980 expected;
tests/test_trade_total_column.py).  A question naming a trade keeps to
rag.answer.figures.trade_fits, which picks the column naming it."""

from __future__ import annotations

from collections.abc import Iterable

from rag.answer.intent import trade_indicator_at
from rag.search.query import expand_abbreviations
from rag.vi.frames import Frame
from rag.vi.frames.tables import table_line_head
from rag.vi.text import fold

# the trade codes of rag.vi.lexicon.TRADE_INDICATORS that are parts of the trade total
_PARTS = frozenset({"export", "import", "local_export"})


def column_trade(head: str) -> str:
    """What trade a table column's header (``head``, as rag.vi.frames.tables.table_line_head
    gives it) names: "total" for the whole ("Tổng", "Tổng cộng", "Tổng kim ngạch", "Kim
    ngạch XNK", "Tổng (triệu USD)"), "part" for exports or imports ("Xuất khẩu (triệu USD)",
    "XK", "Kim ngạch nhập khẩu"), "" for any other column ("Tỷ trọng (%)", "So cùng kỳ")."""
    folded = fold(expand_abbreviations(head)).lower().strip()
    found = trade_indicator_at(folded)
    if found:
        return "part" if found[-1][2] in _PARTS else "total"
    return "total" if folded == "tong" or folded.startswith(("tong ", "tong(", "tong cong")) \
        else ""


def part_column_unasked(frame: Frame, text: str, siblings: Iterable[Frame]) -> bool:
    """Whether ``frame`` is a cell of a part column (exports, imports: :func:`column_trade`)
    of a table row that splits its trade -- another cell of the same row (same caption
    ``context``, block of lines, label and period; ``siblings``: the document's frames) is
    of the total column or of the other part -- and so no answer to the bare "kim ngạch"
    (the trade total) asked of that row.  With a total column the total answers; with none
    the row holds no total and a part is not served for it.  ``text``: the document's text.
    A row of one trade column alone ("Mặt hàng | Xuất khẩu (triệu USD)") is not split: its
    cells are the only trade it has, and stay answers."""
    q0, q1 = frame.quote
    head = table_line_head(text[q0:q1])
    if column_trade(head) != "part" or frame.measure != "level":
        return False
    block = text.rfind("\n\n", 0, q0)
    for g in siblings:
        if g is frame or g.quote == frame.quote or g.measure != "level" or \
                (g.context, g.parent, g.indicator, g.period, g.unit) != \
                (frame.context, frame.parent, frame.indicator, frame.period, frame.unit) or \
                text.rfind("\n\n", 0, g.quote[0]) != block:
            continue
        other = table_line_head(text[g.quote[0]:g.quote[1]])
        if other and other != head and column_trade(other):
            return True
    return False
