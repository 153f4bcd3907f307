"""A figure's unit as reports write it (issues 16 and 17, break-test: count nouns and units
"per" something), sentence -> expected (value, unit), on wordings of our own:

- a noun right after a number is what it counts, its unit, whether or not the lexicon lists
  it ("3.415 tờ khai", "214 giấy phép", "1.208 con gia súc"): Vietnamese writes a numeral
  before the noun or classifier it counts.  Not a noun: a function word, a period or time
  word, a direction ("tăng từ 40 lên 65 xe/ngày"), a verb after a count whose noun is left
  out ("có 20 đạt chuẩn");
- a unit "per" something is one unit, one value ("52 - 55 nghìn đồng/kg", "7,5 triệu
  đồng/người/tháng"): what follows "/" is a period or a unit head;
- money is a currency as written: "lao động", "hoạt động" are counts, not "đồng";
- the units the lexicon had keep their reading ("triệu USD", "%", "xe/ngày").
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.vi.frames import extract
from rag.vi.numbers import find_values, is_money


@pytest.mark.parametrize(("sentence", "value", "unit"), [
    # count nouns the lexicon does not list, after a number without a scale word
    ("Quý II/2030, cửa khẩu Chi Ma tiếp nhận 3.415 tờ khai hàng nhập khẩu.",
     "3.415 tờ khai", "tờ khai"),
    ("Năm 2030, Sở Công Thương đã cấp 214 giấy phép bán lẻ rượu.", "214 giấy phép",
     "giấy phép"),
    ("Đội Quản lý thị trường số 2 lập 96 biên bản vi phạm hành chính.", "96 biên bản",
     "biên bản"),
    ("Trạm kiểm dịch động vật đã kiểm tra 1.208 con gia súc.", "1.208 con gia súc",
     "con gia súc"),
    ("Nhân dịp Tết, tỉnh trao 2.350 suất học bổng cho học sinh nghèo.",
     "2.350 suất học bổng", "suất học bổng"),
    ("Huyện có 46 phòng khám tư nhân.", "46 phòng khám", "phòng khám"),
    ("Năm 2030 có 15 công ty được thành lập.", "15 công ty", "công ty"),
    # units "per" something: one value, one unit
    ("Giá lợn hơi tháng 3/2030 ở mức 52 - 55 nghìn đồng/kg.", "52 - 55 nghìn đồng/kg",
     "nghìn đồng/kg"),
    ("Giá cước vận chuyển là 1,2 triệu đồng/chuyến.", "1,2 triệu đồng/chuyến",
     "triệu đồng/chuyến"),
    ("Thu nhập bình quân đạt 7,5 triệu đồng/người/tháng.", "7,5 triệu đồng/người/tháng",
     "triệu đồng/người/tháng"),
    ("Giá xi măng PCB40 là 1.450.000 đồng/tấn.", "1.450.000 đồng/tấn", "đồng/tấn"),
    ("Phí vào bãi là 35.000 đồng/lượt.", "35.000 đồng/lượt", "đồng/lượt"),
    # the lexicon's units, read as before
    ("Tổng kim ngạch đạt 2.130 triệu USD.", "2.130 triệu USD", "triệu USD"),
    ("Bình quân 450 xe/ngày qua cửa khẩu.", "450 xe/ngày", "xe/ngày"),
    ("Thu ngân sách 1.250 tỷ đồng.", "1.250 tỷ đồng", "tỷ đồng"),
])
def test_the_unit_after_a_number(sentence: str, value: str, unit: str) -> None:
    found = [(v.text, v.unit) for v in find_values(sentence)]
    assert (value, unit) in found
    frames = [(f.value, f.unit) for f in extract(sentence, "t", "2030-12-31")]
    assert (value, unit) in frames


def test_a_range_per_unit_is_one_value_of_money() -> None:
    [v] = find_values("Giá lợn hơi ở mức 52 - 55 nghìn đồng/kg.")
    assert (v.low, v.high, v.kind) == (52.0, 55.0, "amount")
    [v] = find_values("Giá xăng là 21.500 đồng/lít.")
    assert (v.unit, v.kind) == ("đồng/lít", "amount")


@pytest.mark.parametrize(("sentence", "value", "unit"), [
    ("Lượng xe qua cửa khẩu tăng từ 40 lên 65 xe/ngày.", "40", ""),  # a direction
    ("Trong số 35 xã, có 20 đạt chuẩn nông thôn mới.", "20", ""),  # a verb, its noun left out
    ("Tháng 9 có 3 lần kiểm tra, 2 trong số đó đột xuất.", "2", ""),  # function words
])
def test_a_word_after_a_number_that_is_no_noun(sentence: str, value: str, unit: str) -> None:
    assert (value, unit) in [(v.text, v.unit) for v in find_values(sentence)]


@pytest.mark.parametrize(("unit", "money"), [
    ("lao động", False), ("hoạt động", False), ("kinh tế", False), ("công ty", False),
    ("tỷ đồng", True), ("nghìn đồng/kg", True), ("nhân dân tệ", True), ("ty dong", True),
])
def test_money_is_a_currency_as_written(unit: str, money: bool) -> None:
    assert is_money(unit) is money


def test_a_count_of_workers_is_no_amount_of_money() -> None:
    [v] = find_values("Năm 2030 giải quyết việc làm cho 1.250 lao động.")
    assert (v.unit, v.kind) == ("lao động", "count")
    [v] = find_values("Năm 2030 có 15 công ty được thành lập.")
    assert v.kind == "count"  # "công ty" is no scale word "tỷ"


DOCS = {
    "sct-2030.txt": (
        "Sở Công Thương tổng kết công tác năm 2030\n28/12/2030\n\n"
        "Năm 2030, Sở đã cấp 214 giấy phép bán lẻ rượu, tăng 9% so với năm 2029.\n\n"
        "Tháng 3/2030, giá lợn hơi trên địa bàn ở mức 52 - 55 nghìn đồng/kg.\n"),
}


def test_an_answer_says_what_it_counts_and_per_what(tmp_path: Path) -> None:
    svc = service_over_files(tmp_path, DOCS)
    a = svc.ask("Năm 2030 Sở cấp bao nhiêu giấy phép bán lẻ rượu?", AskOptions())
    assert a.found and a.figure is not None, a.answer
    assert a.figure.unit == "giấy phép"
    assert "214 giấy phép" in a.answer
    a = svc.ask("Giá lợn hơi tháng 3/2030 là bao nhiêu?", AskOptions())
    assert a.found and a.figure is not None, a.answer
    assert a.figure.unit == "nghìn đồng/kg"
    assert "52 - 55 nghìn đồng/kg" in a.answer


def test_a_change_after_its_level_leaves_the_per_out_and_says_its_unit_once() -> None:
    """'giá gạo 14.200 đồng/kg, giảm 300 đồng': the change is in the level's unit, its 'per'
    left out -- not 'another unit' (which cut it from the indicator), nor '300 đồng đồng/kg'."""
    from rag.answer.compose import answer_text

    text = "Tháng 5/2033, giá gạo tẻ thường 14.200 đồng/kg, giảm 300 đồng."
    frames = {f.value: f for f in extract(text, "t", "2033-05-31")}
    change = frames["giảm 300 đồng"]
    assert change.measure == "change" and "gạo" in change.indicator
    assert answer_text(change) == "giảm 300 đồng"


@pytest.mark.parametrize(("sentence", "value"), [
    ("Toàn tỉnh có 96 xã/phường đạt chuẩn.", "96 xã"),  # "or", not "per"
    ("Có 11 huyện/thành phố tham gia.", "11 huyện"),
])
def test_a_slash_between_two_kinds_is_no_per(sentence: str, value: str) -> None:
    assert value in [v.text for v in find_values(sentence)]
