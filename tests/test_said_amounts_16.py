"""Issue 16, break-test b16 items 2 and 12, as kinds: amounts said in scale words, a scale word
in each part ("1 tỷ 8 trăm triệu đồng", "2 tỷ 3 trăm 50 triệu", "3 triệu 5 trăm nghìn"); a
per-unit quantity inside the indicator ("Giá 1 kg thịt lợn hơi là 52.000 đồng") and a grade
code in its name ("giá xăng RON95"); counts written in words ("hai mươi ba xã", "mười hai siêu
thị", "một trăm linh năm hộ") with the idioms that are no figures ("một số", "mười năm qua").
Reports written for these tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract
from rag.vi.numbers import find_values, per_unit_quantities
from rag.vi.spelled import read_number


@pytest.mark.parametrize(("text", "low", "unit", "shown"), [
    ("Kinh phí là 1 tỷ 8 trăm triệu đồng.", 1800.0, "triệu đồng", "1 tỷ 8 trăm triệu đồng"),
    ("Vốn 2 tỷ 3 trăm 50 triệu đồng.", 2350.0, "triệu đồng", "2 tỷ 3 trăm 50 triệu đồng"),
    ("Chi 3 triệu 5 trăm nghìn đồng mỗi hội chợ", 3500.0, "nghìn đồng",
     "3 triệu 5 trăm nghìn đồng"),
    ("Giá 11 triệu 250 nghìn đồng/tấn.", 11250.0, "nghìn đồng/tấn",
     "11 triệu 250 nghìn đồng/tấn"),
    ("Hỗ trợ 8 trăm triệu đồng.", 800.0, "triệu đồng", "8 trăm triệu đồng"),
    ("Vốn 1.200 tỷ 5 trăm triệu đồng.", 1200500.0, "triệu đồng", "1.200 tỷ 5 trăm triệu đồng"),
])
def test_an_amount_with_a_scale_word_in_each_part_is_one_value(
        text: str, low: float, unit: str, shown: str) -> None:
    [v] = find_values(text)
    assert (v.low, v.unit, v.shown) == (low, unit, shown)


@pytest.mark.parametrize("text", [
    "Thu 2 tỷ, 3 trăm triệu đồng là phí.",      # a list
    "Tăng 2 tỷ 1.350 triệu đồng so với kỳ trước",  # a later part of 1.000 or more
    "đạt 1,5 tỷ 200 triệu đồng",                 # a decimal first part
])
def test_amounts_that_are_two_stay_two(text: str) -> None:
    assert len(find_values(text)) == 2


@pytest.mark.parametrize(("words", "value"), [
    ("hai mươi ba", 23), ("mười hai", 12), ("một trăm linh năm", 105), ("mười lăm", 15),
    ("hai mươi mốt", 21), ("ba mươi tư", 34), ("chín trăm chín mươi chín", 999),
    ("một nghìn hai trăm", 1200), ("hai nghìn không trăm linh năm", 2005),
    ("bốn mươi nhăm", 45), ("một trăm lẻ tám", 108),
])
def test_numbers_in_words(words: str, value: int) -> None:
    t = words.split()
    assert read_number(t) == (value, len(t), 1)


@pytest.mark.parametrize("words", ["một triệu tư", "nghìn hai", "mốt", "lăm"])
def test_short_forms_and_lone_tails_are_not_read(words: str) -> None:
    read = read_number(words.split())
    assert read is None or read[1] < len(words.split())


@pytest.mark.parametrize(("text", "low", "unit", "shown"), [
    ("toàn huyện có hai mươi ba xã đạt chuẩn nông thôn mới", 23.0, "xã", "hai mươi ba xã"),
    ("Trên địa bàn có mười hai siêu thị và 3 chợ", 12.0, "siêu thị", "mười hai siêu thị"),
    ("đã hỗ trợ một trăm linh năm hộ nghèo", 105.0, "hộ", "một trăm linh năm hộ"),
    ("Hai mươi mốt doanh nghiệp được cấp phép", 21.0, "doanh nghiệp",
     "Hai mươi mốt doanh nghiệp"),
])
def test_a_count_in_words_is_a_value_shown_as_written(text: str, low: float, unit: str,
                                                      shown: str) -> None:
    [v] = [v for v in find_values(text) if v.low == low]
    assert (v.unit, v.shown) == (unit, shown)


@pytest.mark.parametrize("text", [
    "một số doanh nghiệp gặp khó khăn", "là một trong những tỉnh dẫn đầu",
    "trong mười năm qua, tỉnh phát triển", "sau hai mươi năm xây dựng",
    "ngày hai mươi ba tháng Chạp", "tháng mười hai năm ngoái", "hai xã biên giới",
    "mười lăm lần", "Điều mười hai của luật",
])
def test_idioms_and_dates_in_words_are_no_figures(text: str) -> None:
    assert find_values(text) == []


@pytest.mark.parametrize(("text", "dropped"), [
    ("Giá bán lẻ bình quân 1 tấn phân urê tháng 10/2027 là 11 triệu 250 nghìn đồng.", "1 tấn"),
    ("Giá 1 kg thịt lợn hơi là 52.000 đồng.", "1 kg"),
    ("Giá 1 lít xăng RON95 tháng 10/2027 là 23.450 đồng.", "1 lít"),
    ("Chi phí xử lý 1 m3 nước thải năm 2027 ở mức 4.500 đồng.", "1 m3"),
])
def test_a_per_unit_quantity_is_no_figure(text: str, dropped: str) -> None:
    values = find_values(text)
    assert [values[k].shown for k in per_unit_quantities(text, values)] == [dropped]
    assert all(dropped not in f.value for f in extract(text, "Báo cáo"))


@pytest.mark.parametrize("text", [
    "Xuất khẩu 1.200 tấn hàng, đạt 5 triệu USD.",  # no one unit; a comma between
    "Sản lượng đạt 1 tấn, trị giá 5 triệu đồng.",  # the figure itself, after "đạt"
    "Nhập 1 tấn và chi 5 triệu đồng.",
])
def test_a_quantity_that_is_the_figure_stays(text: str) -> None:
    assert per_unit_quantities(text, find_values(text)) == set()


FILES = {
    "bc_gia_t10_2027.txt": "Báo cáo tình hình giá cả thị trường tháng 10 năm 2027\n\n"
    "Giá bán lẻ bình quân 1 tấn phân urê tháng 10/2027 là 11 triệu 250 nghìn đồng.\n"
    "Giá 1 kg thịt lợn hơi tháng 10/2027 là 52.000 đồng.\n"
    "Giá xăng RON95 tháng 10/2027 là 23.450 đồng/lít.\n"
    "Giá bán lẻ 1 m3 nước sạch sinh hoạt tháng 10/2027 ở mức 9.800 đồng.\n",
    "bc_kq_2027.txt": "Báo cáo kết quả thực hiện năm 2027\n\n"
    "Kinh phí khuyến công năm 2027 là 1 tỷ 8 trăm triệu đồng.\n"
    "Vốn hỗ trợ chợ nông thôn năm 2027 là 2 tỷ 3 trăm 50 triệu đồng.\n"
    "Kinh phí xúc tiến thương mại năm 2027 là 3 triệu 5 trăm nghìn đồng.\n"
    "Toàn huyện Văn Quan năm 2027 có hai mươi ba xã đạt chuẩn nông thôn mới.\n"
    "Năm 2027 trên địa bàn tỉnh có mười hai siêu thị đang hoạt động.\n"
    "Năm 2027 đã hỗ trợ một trăm linh năm hộ nghèo vay vốn sản xuất.\n",
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(Path(tmp_path_factory.mktemp("said16")), FILES)


@pytest.mark.parametrize(("question", "expected"), [
    ("giá bán lẻ bình quân 1 tấn phân urê tháng 10/2027", "11 triệu 250 nghìn đồng"),
    ("giá 1 kg thịt lợn hơi tháng 10/2027", "52.000 đồng"),
    ("giá xăng RON95 tháng 10/2027", "23.450 đồng/lít"),
    ("giá bán lẻ 1 m3 nước sạch sinh hoạt tháng 10/2027", "9.800 đồng"),
    ("kinh phí khuyến công năm 2027", "1 tỷ 8 trăm triệu đồng"),
    ("vốn hỗ trợ chợ nông thôn năm 2027", "2 tỷ 3 trăm 50 triệu đồng"),
    ("kinh phí xúc tiến thương mại năm 2027", "3 triệu 5 trăm nghìn đồng"),
    ("số xã đạt chuẩn nông thôn mới huyện Văn Quan năm 2027", "hai mươi ba xã"),
    ("số siêu thị năm 2027", "mười hai siêu thị"),
    ("số hộ nghèo được hỗ trợ vay vốn năm 2027", "một trăm linh năm hộ"),
])
def test_answers(service: RagService, question: str, expected: str) -> None:
    reply = service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2028, 2, 1)))
    assert reply.found and reply.answer.startswith(expected) and reply.confidence >= 0.9, (
        reply.answer, reply.confidence, reply.summary)
