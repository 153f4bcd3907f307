"""Numbers OCR drew with a space AFTER their separator (issue 16, break-tests bt15-b16
"6, 215 ha" and bt16-b16 failure 2 "đạt 12. 430 ha": the answer was the first piece, "12").
Invented figures, years 2079-2081.

1. 1-3 digits, "." or ",", a space, then exactly three digits running into "%", a unit or
   the number's continuation ("27. 815 tấn", "3. 462,8 triệu USD", "2. 104. 600 triệu đồng")
   is one number, shown without the space, while its span and quote stay as written.
2. The same shape typed apart stays apart: no unit after ("8, 310 và 412 ha"), a period or
   cited part before ("trong tháng 9, 145 doanh nghiệp", "Điều 7. 150 hộ"), a list's number at
   a line's start ("2. 310 hộ"), a year ("năm 2079. 640 tấn"), four digits after the space.
3. A sentence does not end at such a dot, so the figure's frame holds the whole value.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import empty_service

from rag.ingest.uploads import read_upload
from rag.vi.numbers import find_values
from rag.vi.sentences import sentences


def _read(text: str) -> list[tuple[float, str]]:
    return [(v.low, v.unit) for v in find_values(text)]


@pytest.mark.parametrize("text, low, unit, shown", [
    ("sản lượng chè búp tươi đạt 27. 815 tấn, tăng 2,4%", 27815.0, "tấn", "27.815 tấn"),
    ("kim ngạch xuất khẩu ước đạt 3. 462,8 triệu USD", 3462.8, "triệu USD",
     "3.462,8 triệu USD"),
    ("vốn đăng ký mới 2. 104. 600 triệu đồng", 2104600.0, "triệu đồng", "2.104.600 triệu đồng"),
    ("lượng khách lưu trú đạt 318. 450 lượt khách.", 318450.0, "lượt khách",
     "318.450 lượt khách"),
    ("diện tích gieo trồng 4. 906ha", 4906.0, "ha", "4.906 ha"),
    ("năng suất bình quân đạt 5, 375 tấn/ha", 5.375, "tấn/ha", "5,375 tấn/ha"),
])
def test_a_number_with_a_space_after_its_mark_is_one_number(text: str, low: float, unit: str,
                                                            shown: str) -> None:
    values = find_values(text)
    assert values and (values[0].low, values[0].unit) == (low, unit), _read(text)
    assert values[0].shown == shown
    assert values[0].text == text[values[0].start:values[0].end]  # the span as written
    assert values[0].text.replace(" ", "") == shown.replace(" ", "")


@pytest.mark.parametrize("text, read", [
    ("diện tích các lô 8, 310 và 412 ha", [(8.0, ""), (310.0, ""), (412.0, "ha")]),
    ("trong tháng 9, 145 doanh nghiệp thành lập mới", [(145.0, "doanh nghiệp")]),
    ("theo Điều 7. 150 hộ được hỗ trợ", [(150.0, "hộ")]),
    ("Kết quả:\n2. 310 hộ được hỗ trợ vốn", [(310.0, "hộ")]),
    ("sản lượng cả năm 2079. 640 tấn cá được tiêu thụ", [(640.0, "tấn")]),
    ("đạt 12. 4305 tấn", [(12.0, ""), (4305.0, "tấn")]),
    ("đạt 14. Đến nay 300 hộ", [(14.0, ""), (300.0, "hộ")]),
])
def test_the_same_shape_typed_apart_stays_apart(text: str, read: list) -> None:
    assert _read(text) == read


def test_a_sentence_does_not_end_inside_the_number() -> None:
    text = "Sản lượng cà phê nhân năm 2080 đạt 14. 285 tấn. Giá bán bình quân 41. 200 đồng/kg."
    assert [s.strip() for _, s in sentences(text)] == [
        "Sản lượng cà phê nhân năm 2080 đạt 14. 285 tấn.",
        "Giá bán bình quân 41. 200 đồng/kg."]
    apart = "Số hộ nghèo giảm trong tháng 11. 325 hộ đã thoát nghèo."
    assert len(sentences(apart)) == 2  # "tháng 11." ends a sentence


_DOC = ("BÁO CÁO NHANH TÌNH HÌNH KINH TẾ QUÝ III NĂM 2081\n"
        "Diện tích cây cao su quý III năm 2081 đạt 15. 640 ha. Sản lượng mủ đạt 9 ,8 nghìn tấn.\n"
        "Số doanh nghiệp thành lập mới quý III năm 2081 là 1. 285 doanh nghiệp, tăng 6,2%.\n"
        "Doanh thu bán lẻ hàng hóa quý III năm 2081 ước đạt 7. 318,4 tỷ đồng.\n")


@pytest.mark.parametrize("asked, starts, written", [
    ("diện tích cây cao su quý III năm 2081", "15.640 ha", "15. 640 ha"),
    ("số doanh nghiệp thành lập mới quý III năm 2081", "1.285 doanh nghiệp",
     "1. 285 doanh nghiệp"),
    ("doanh thu bán lẻ hàng hóa quý III năm 2081", "7.318,4 tỷ đồng", "7. 318,4 tỷ đồng"),
])
def test_the_answer_is_the_whole_number_and_its_quote_is_as_written(
        asked: str, starts: str, written: str, tmp_path: Path) -> None:
    service = empty_service(tmp_path)
    service.add_document(read_upload("nhanh_quy3_2081.txt", _DOC.encode()))
    got = service.ask(asked)
    assert got.found and got.answer.startswith(starts), (got.answer, got.confidence)
    assert got.citations and written in got.citations[0].quote, got.citations
