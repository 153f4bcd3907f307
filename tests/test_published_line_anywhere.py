"""A page's published/updated line ("Đăng ngày 06/10/2074", "Ngày đăng: ...", "Cập nhật lúc
...") is the page's stamp wherever it stands: a CMS prints it under a lead that already reads
as a sentence, and read as a heading it gave its day to the figures after it, so a part
"Trong đó, thu từ hoạt động xuất nhập khẩu đạt 2.046,1 tỷ đồng" was stored as of 6/10/2074
and its 9 months' question refused (break-test bt11-b16 failure 2).  Other wordings, figures
and years than the example; a dated line that is no stamp still heads the figures below it."""

from __future__ import annotations

from datetime import date

import pytest

from rag.vi.frames import extract

_LEAD = "Xuất khẩu 6 tháng năm 2069 tăng 8,1% so với cùng kỳ"


@pytest.mark.parametrize("stamp", [
    "Đăng ngày 03/07/2069", "Ngày đăng: 03/07/2069", "Cập nhật lúc 08:30 ngày 03/07/2069",
    "Thời gian đăng: 03/07/2069", "Posted on 03/07/2069"])
def test_a_published_line_after_the_lead_dates_nothing(stamp: str) -> None:
    text = (f"{_LEAD}\n\n{stamp}\n\n"
            "Kim ngạch xuất khẩu 6 tháng năm 2069 đạt 612,4 triệu USD, tăng 8,1%.\n\n"
            "Trong đó, xuất khẩu nông sản đạt 143,9 triệu USD.\n")
    frames = extract(text, title=_LEAD)
    part = next(f for f in frames if f.value.startswith("143,9"))
    assert part.period is not None, part
    assert (part.period.start, part.period.end) == (date(2069, 1, 1), date(2069, 6, 30))


def test_a_dated_line_that_is_no_stamp_still_heads_its_figures() -> None:
    text = (f"{_LEAD}\n\nNgày 02/07/2069\n\n"
            "Lượng xe hàng tồn tại cửa khẩu là 412 xe.\n")
    frames = extract(text, title=_LEAD)
    stock = next(f for f in frames if f.value.startswith("412"))
    assert stock.period is not None, stock
    assert (stock.period.start, stock.period.end) == (date(2069, 7, 2), date(2069, 7, 2))
