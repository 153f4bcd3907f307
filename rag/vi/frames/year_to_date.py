"""A year's running total named by its year under a cut-off said first: "Tính đến ngày
20/12/2039, tổng kim ngạch xuất nhập khẩu năm 2039 qua địa bàn đạt 9.870 triệu USD" (issue 17,
break-test s44 bt17s): the figure is the year to 20/12, not the year."""

from __future__ import annotations

from rag.vi.calendar import Period
from rag.vi.mentions import Mention


def year_to_date(mentions: list[Mention]) -> Period | None:
    """The period of a value whose clause, before it, says a cut-off then the year it runs in.

    ``mentions``: the value's own period mentions before it in its clause, in order.  When the
    last is a year Y ("năm 2039", "cả năm 2039") and the one right before it a count from 1/1/Y
    to a day of Y ("Tính đến (hết) ngày 20/12/2039", "Đến hết ngày ...", "Lũy kế đến ...", "Từ
    đầu năm đến ngày ...", "tính đến hết tháng 11/2039"; kind ``to_date``), the year only names
    the year the running total belongs to: that count is returned.  Else None (the last
    mention stands).  "Năm 2039, tổng kim ngạch ... đạt 10.400" (no cut-off) or a cut-off in
    another year keeps the year.  The rule is the reports' (the cut-off opens the sentence, the
    indicator carries its year: "tổng kim ngạch xuất nhập khẩu năm 2039", "thu ngân sách năm
    2039", "lượt khách năm 2039"); said in the other order ("... năm 2039 tính đến ngày
    20/12/2039 đạt") the cut-off is already last."""
    if len(mentions) < 2:
        return None
    year, cut = mentions[-1].period, mentions[-2].period
    if year.kind != "year" or cut.kind != "to_date":
        return None
    if cut.start != year.start or not year.start <= cut.end < year.end:
        return None
    return cut
