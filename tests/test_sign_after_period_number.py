"""A hyphen-minus (or en dash, or U+2010/2011/2012 used as a minus) with a space before it and
the digits glued after, right after the number that ends a period, is the value's sign, not a
range's joint: "năm 2071 -1,3%", "tháng 9 -2,4%", "quý 3 -0,5%" (issue 16, break-test bt16-b16
failure 1: "quý II năm 2086 -0,7% so với quý trước" stored no figure at all).  A range has
numbers of one kind at both ends and stays one: "2073 -2074", "tháng 5 -6", "3 - 4 giờ",
"450–500 xe", "3 -4%".  Invented figures, wordings other than the break-test's."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import empty_service

from rag.ingest.uploads import read_upload
from rag.vi.numbers import find_values
from rag.vi.text import normalize


@pytest.mark.parametrize("text, low", [
    ("Chỉ số giá sản xuất năm 2071 -1,3% so với năm trước", -1.3),
    ("Chỉ số giá xuất khẩu tháng 9 -2,4% so với tháng trước", -2.4),
    ("Tổng mức bán lẻ quý 3 -0,5% so với quý 2", -0.5),
    ("Chỉ số giá nhập khẩu 9 tháng năm 2064 –3,85% so với cùng kỳ", -3.85),
    ("Lợi nhuận ngành năm 2064 \u20112,7% so với năm trước", -2.7),
    ("Chỉ số giá vận tải tháng 11 \u20101,6%", -1.6),
    ("Chỉ số giá vàng năm 2064 \u20124% so với tháng 12", -4.0),
    ("Cán cân thương mại năm 2071 -215 triệu USD", -215.0),
])
def test_the_dash_after_a_period_number_is_the_sign(text: str, low: float) -> None:
    values = find_values(normalize(text))
    assert [v.low for v in values if v.high is None] == [low], [v.text for v in values]
    assert all(v.high is None for v in values), [v.text for v in values]


@pytest.mark.parametrize("text, pair", [
    ("thời gian xử lý 3 - 4 giờ", (3.0, 4.0)),
    ("lưu lượng 450–500 xe mỗi ngày", (450.0, 500.0)),
    ("mức tăng dự kiến 3 -4%", (3.0, 4.0)),
    ("công suất đạt 620 -680 tấn/ngày", (620.0, 680.0)),
])
def test_a_range_stays_a_range(text: str, pair: tuple[float, float]) -> None:
    values = find_values(normalize(text))
    assert [(v.low, v.high) for v in values] == [pair], [v.text for v in values]


@pytest.mark.parametrize("text", [
    "giai đoạn 2073 -2074 có 12 dự án", "giai đoạn 2073 - 2074 có 12 dự án",
    "từ tháng 5 -6 có 12 dự án",
])
def test_a_span_of_periods_is_no_signed_value(text: str) -> None:
    values = find_values(normalize(text))
    assert [(v.low, v.high) for v in values] == [(12.0, None)], [v.text for v in values]


_DOC = ("Tình hình kinh tế - xã hội tỉnh Đông Khê năm 2071\n\n"
        "Chỉ số giá sản xuất nông nghiệp quý III năm 2071 -1,8% so với quý trước. "
        "Chỉ số giá cước vận tải tháng 10 năm 2071 -2,35% so với tháng trước. "
        "Thời gian thông quan trung bình 5 - 6 giờ.\n")


@pytest.mark.parametrize("asked, number", [
    ("chỉ số giá sản xuất nông nghiệp quý III năm 2071", "1,8%"),
    ("chỉ số giá cước vận tải tháng 10 năm 2071", "2,35%"),
])
def test_the_answer_is_the_signed_value(asked: str, number: str, tmp_path: Path) -> None:
    service = empty_service(tmp_path)
    service.add_document(read_upload("kt_xh_2071.txt", _DOC.encode()))
    got = service.ask(asked)
    assert got.found, got.answer
    assert got.answer in (f"-{number}", f"−{number}", f"âm {number}"), got.answer
    assert f"giảm {number}" in (got.summary or ""), got.summary


def test_a_crop_years_short_top_is_no_signed_value() -> None:
    values = find_values(normalize("niên vụ 2073 -74 có 12 dự án"))
    assert all(v.low != -74.0 for v in values), [v.text for v in values]
