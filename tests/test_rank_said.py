"""How a place and a per-unit price are said in the short answer: "xếp thứ 9/14" is "thứ 9/14"
(a place, not a bare fraction: break-test dev4 gold "thứ 9/14" answered "9/14" at 1.0), and a
unit with a per-unit tail the readers do not know as one unit ("132,5 triệu đồng/lượng",
"450.000 đồng/đêm") is written as the report writes it, not "triệu đồng /lượng"
(rag.answer.compose.answer_text)."""

from __future__ import annotations

import pytest

from rag.answer.compose import answer_text
from rag.vi.frames import extract


def said(sentence: str, measure: str | None = None) -> list[str]:
    return [answer_text(f) for f in extract(sentence) if measure is None or f.measure == measure]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Tăng trưởng GRDP quý I/2071 ước đạt 7,14%, xếp thứ 9/14 tỉnh vùng Trung du và miền núi "
     "phía Bắc.", "thứ 9/14"),
    ("Chỉ số PCI năm 2029 của tỉnh xếp thứ 28/63 cả nước.", "thứ 28/63"),
    ("Cửa khẩu Hữu Nghị xếp thứ 1/6 cửa khẩu về kim ngạch quý I/2036.", "thứ 1/6"),
])
def test_a_place_among_so_many_is_said_as_a_place(sentence: str, expected: str) -> None:
    ranks = said(sentence, "rank")
    assert ranks and ranks[0].startswith(expected), ranks


def test_near_miss_a_place_alone_and_a_fraction_are_unchanged() -> None:
    assert said("Khu di tích Mẫu Sơn đứng thứ 2 về lượt khách.", "rank") == ["thứ 2"]
    assert not any(s.startswith("thứ") for s in said("Toàn tỉnh có 12/13 xã đạt chuẩn."))


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Giá vàng SJC ngày 30/3/2088 bán ra 132,5 triệu đồng/lượng.", "132,5 triệu đồng/lượng"),
    ("Giá phòng khách sạn dịp Tết 2087 từ 450.000 - 1.200.000 đồng/đêm.",
     "450.000 - 1.200.000 đồng/đêm"),
    ("Giá vé tham quan năm 2088 là 40.000 đồng/lượt.", "40.000 đồng/lượt"),
])
def test_a_per_unit_price_is_written_as_the_report_writes_it(sentence: str,
                                                             expected: str) -> None:
    assert expected in said(sentence), said(sentence)


def test_near_miss_a_known_per_unit_and_a_counted_detail_keep_their_form() -> None:
    assert "65.000 đồng/kg" in said("Giá thịt lợn hơi tháng 5/2088 là 65.000 đồng/kg.")
    assert "23 sản phẩm 4 sao" in said("Năm 2088 toàn tỉnh có 23 sản phẩm 4 sao.")
