"""Numbers as text layers and other writers print them (issue 16, break-test bt13-b16
failures 1-3).  Invented figures, years 2071-2078.

1. A PDF or OCR text layer that draws glyphs one by one leaves stray spaces before a
   number's separator ("41 .208 ha", "58 . 914 tấn", "giảm 2 ,3 %"): one number, not its first
   piece -- but only where that reading is unambiguous (never "5, 6 và 7", "năm 2093, 2094",
   a sentence's "." before a count).
2. An accounting negative with its unit after the bracket, "(3,2)%", "(0,8) %", "(12.500)đ",
   is the fall with its unit.
3. A number in English order, "1,234.5", is read in prose as the readers of tables read it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import empty_service
from helpers import fpdf_page

from rag.ingest.uploads import read_upload
from rag.vi.numbers import find_values


def _read(text: str) -> list[tuple[float, str]]:
    return [(v.low, v.unit) for v in find_values(text)]


@pytest.mark.parametrize("text, low, unit, shown", [
    ("Đàn lợn cuối kỳ đạt 312 .450 con , tăng 2,1 %.", 312450.0, "con", "312.450 con"),
    ("sản lượng cá nuôi ước đạt 17 . 306 tấn ,", 17306.0, "tấn", "17.306 tấn"),
    ("diện tích rừng trồng mới : 2 .118 ha", 2118.0, "ha", "2.118 ha"),
    ("vốn thực hiện 1 .204 .618 triệu đồng", 1204618.0, "triệu đồng", "1.204.618 triệu đồng"),
    ("tỷ lệ che phủ rừng đạt 42 ,75 %", 42.75, "%", "42,75 %"),
    ("giá trị sản xuất tăng 6 , 4 % so với", 6.4, "%", "6,4 %"),
    ("kim ngạch đạt 318 ,6 triệu USD", 318.6, "triệu USD", "318,6 triệu USD"),
    ("năng suất 61 .5 tạ/ha", 61.5, "tạ/ha", "61.5 tạ/ha"),
])
def test_a_number_drawn_with_stray_spaces_is_one_number(text: str, low: float, unit: str,
                                                        shown: str) -> None:
    values = find_values(text)
    assert values and values[0].low == low and values[0].unit == unit, _read(text)
    assert values[0].shown == shown
    assert values[0].text.replace(" ", "") == shown.replace(" ", "")  # the span as written


@pytest.mark.parametrize("text, read", [
    ("các xã 5, 6 và 7 tấn", [(5.0, ""), (6.0, ""), (7.0, "tấn")]),
    ("so sánh năm 2071, 2072 và 2073", []),
    ("trong tháng 3. 250 hộ thoát nghèo", [(250.0, "hộ")]),  # "3. 250 hộ" alone: one number
    ("Mục 4 .2 Diện tích cây lâu năm", []),
    ("đạt 12,5 tấn, 300 con", [(12.5, "tấn"), (300.0, "con")]),
])
def test_punctuation_typed_as_such_is_not_joined(text: str, read: list) -> None:
    assert _read(text) == read


@pytest.mark.parametrize("text, low, unit, kind", [
    ("Chỉ số giá thép tháng 8 so với tháng trước: (2,7)%.", -2.7, "%", "percent"),
    ("lợi nhuận trước thuế tăng (0,85) % so với kế hoạch", -0.85, "%", "percent"),
    ("chênh lệch giá bán lẻ (12.500)đ/kg", -12500.0, "đồng/kg", "amount"),
    ("chênh lệch thu chi (4.200) đ.", -4200.0, "đồng", "amount"),
    ("lỗ lũy kế (2.615,3) tỷ đồng", -2615.3, "tỷ đồng", "amount"),
])
def test_an_accounting_negative_keeps_its_unit(text: str, low: float, unit: str,
                                               kind: str) -> None:
    v = find_values(text)[0]
    assert (v.low, v.unit, v.kind) == (low, unit, kind), _read(text)


@pytest.mark.parametrize("text, low, unit", [
    ("Tổng thu ngân sách đạt 3,817.6 tỷ đồng.", 3817.6, "tỷ đồng"),
    ("vốn FDI đăng ký 12,045,300 USD", 12045300.0, "USD"),
    ("doanh thu 2,104,518.75 triệu đồng", 2104518.75, "triệu đồng"),
    ("đạt 7,25%", 7.25, "%"),
    ("đạt 1.234,5 tỷ đồng", 1234.5, "tỷ đồng"),
])
def test_english_order_reads_in_prose_as_in_tables(text: str, low: float, unit: str) -> None:
    v = find_values(text)[0]
    assert (v.low, v.unit) == (low, unit), _read(text)


_DOC = ("BÁO CÁO KINH TẾ - XÃ HỘI 9 THÁNG NĂM 2076\n"
        "Sản lượng tôm nuôi 9 tháng năm 2076 ước đạt 27 . 348 tấn , tăng 3 ,8 %.\n"
        "Đàn bò 9 tháng năm 2076 : 104 .920 con.\n"
        "Chỉ số giá nhóm nhà ở và vật liệu xây dựng tháng 9 năm 2076 so với tháng trước: (1,4)%.\n"
        "Chỉ số giá dịch vụ giáo dục tháng 9 năm 2076 tăng 0.6% so với tháng trước.\n"
        "Tổng vốn đầu tư công 9 tháng năm 2076 đạt 5,612.8 tỷ đồng.\n")


@pytest.mark.parametrize("asked, starts", [
    ("sản lượng tôm nuôi 9 tháng năm 2076", "27.348 tấn"),
    ("đàn bò 9 tháng năm 2076", "104.920"),
    ("chỉ số giá nhóm nhà ở và vật liệu xây dựng tháng 9 năm 2076", "−1,4%"),
    ("tổng vốn đầu tư công 9 tháng năm 2076", "5,612.8 tỷ đồng"),
])
def test_the_answers_are_whole(asked: str, starts: str, tmp_path: Path) -> None:
    service = empty_service(tmp_path)
    service.add_document(read_upload("kt_xh_9t_2076.txt", _DOC.encode()))
    got = service.ask(asked)
    assert got.found and got.answer.startswith(starts), (got.answer, got.confidence)


def test_the_fall_in_brackets_is_a_fall(tmp_path: Path) -> None:
    service = empty_service(tmp_path)
    service.add_document(read_upload("kt_xh_9t_2076.txt", _DOC.encode()))
    got = service.ask("chỉ số giá nhóm nhà ở và vật liệu xây dựng tháng 9 năm 2076 tăng hay giảm")
    assert got.found and "1,4" in got.answer and (
        "giảm" in got.answer or got.answer.startswith("−")), (got.answer, got.confidence)
    assert "0,6" not in got.answer and "0.6" not in got.answer  # not the next index's change


def test_a_pdf_drawn_word_by_word(tmp_path: Path) -> None:
    pdf = fpdf_page()
    for line in ("Sản  lượng  chè  búp  tươi  năm  2078  ước  đạt  9 . 415  tấn ,  giảm  1 ,9 %.",
                 "Diện  tích  chè  năm  2078 :  3 .207  ha"):
        x = 10.0
        for word in line.split("  "):
            pdf.text(x, pdf.y + 10, word)
            x += pdf.get_string_width(word) + 4
        pdf.ln(10)
    service = empty_service(tmp_path)
    service.add_document(read_upload("che_2078.pdf", bytes(pdf.output())))
    got = service.ask("sản lượng chè búp tươi năm 2078")
    assert got.found and got.answer.startswith("9.415 tấn"), (got.answer, got.confidence)
    got = service.ask("diện tích chè năm 2078")
    assert got.found and got.answer.startswith("3.207 ha"), (got.answer, got.confidence)
