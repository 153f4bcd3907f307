"""A number inside a product's name in a price report -- the gold's fineness after its brand
or form ("Vàng SJC 9999", "vàng nhẫn 99,99", "vàng miếng SJC 999,9"), a bar's diameter
("Thép phi 10", "Thép CB300 phi 16") -- is part of the name, never the row's or the
sentence's value (break-test bt17h: the row "Vàng SJC 9999 | triệu đồng/lượng | 118,5 -
121,0" answered "9999" at confidence 1.0).  The price tables of our own in XLSX, CSV and
DOCX, and prose; near-misses: codes already read as names ("Xăng RON 95-III", "Dầu DO
0,05S", "Xi măng PCB40") still answer their price, and a table whose rows are months
("Tháng 10 | 15.600") keeps its values."""

from __future__ import annotations

import pytest
from conftest import service_over_files
from helpers import titled_table_file

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.numbers import find_values

ROWS = [
    ["Mặt hàng", "Đơn vị tính", "Giá tháng 10/2028", "So với tháng 9/2028"],
    ["Gạo tẻ thường", "đồng/kg", "14.500 - 16.000", "tăng 500 đồng/kg"],
    ["Xăng RON 95-III", "đồng/lít", "22.340", "giảm 410 đồng/lít"],
    ["Dầu DO 0,05S", "đồng/lít", "20.180", "giảm 280 đồng/lít"],
    ["Xi măng PCB40", "đồng/tấn", "1.450.000", "không đổi"],
    ["Thép phi 10", "đồng/kg", "15.200", "tăng 300 đồng/kg"],
    ["Vàng SJC 9999", "triệu đồng/lượng", "118,5 - 121,0", "tăng 1,2 triệu đồng/lượng"],
    ["Vàng nhẫn 99,99", "triệu đồng/lượng", "115,2 - 117,8", "tăng 0,9 triệu đồng/lượng"],
]
TITLE = "BÁO CÁO GIÁ THỊ TRƯỜNG THÁNG 10 NĂM 2028 - SỞ CÔNG THƯƠNG LẠNG SƠN"

PROSE = ("Báo cáo tình hình giá cả thị trường tháng 3 năm 2029\n31/3/2029\n\n"
         "Tháng 3/2029, giá vàng miếng SJC 999,9 ở mức 120,4 triệu đồng/lượng, tăng 1,5 triệu "
         "đồng/lượng so với tháng trước; giá thép CB300 phi 16 ở mức 15.800 đồng/kg. "
         "Giá xăng RON 95 ở mức 23.010 đồng/lít.\n")
# a near-miss: rows named by months, each with its own value
MONTHS = ("Giá thép xây dựng năm 2030\n"
          "Tháng,Đơn vị tính,Giá bình quân\n"
          "Tháng 9/2030,đồng/kg,15.400\n"
          "Tháng 10/2030,đồng/kg,15.600\n")


@pytest.fixture(scope="module", params=["xlsx", "csv", "docx"])
def service(request: pytest.FixtureRequest,
            tmp_path_factory: pytest.TempPathFactory) -> RagService:
    name, data = titled_table_file(request.param, ROWS, TITLE)
    return service_over_files(tmp_path_factory.mktemp(f"price_{request.param}"),
                              {name: data, "gia_thang3_2029.txt": PROSE,
                               "thep_2030.csv": MONTHS})


def _ask(service: RagService, question: str) -> tuple[bool, str]:
    a = service.ask(question, AskOptions())
    return a.found, a.answer


@pytest.mark.parametrize(("question", "expected"), [
    ("Giá vàng SJC tháng 10/2028?", "118,5 - 121,0 triệu đồng"),
    ("Giá vàng SJC 9999 tháng 10 năm 2028 là bao nhiêu?", "118,5 - 121,0 triệu đồng"),
    ("giá vàng nhẫn tháng 10/2028", "115,2 - 117,8 triệu đồng"),
    # prose
    ("Giá vàng miếng SJC tháng 3/2029?", "120,4 triệu đồng"),
    ("giá thép CB300 tháng 3 năm 2029", "15.800 đồng/kg"),
])
def test_the_number_of_the_name_is_no_price(service: RagService, question: str,
                                            expected: str) -> None:
    found, answer = _ask(service, question)
    assert found and answer.startswith(expected), answer


@pytest.mark.parametrize(("question", "expected"), [
    ("Giá xăng RON 95 tháng 10/2028?", "22.340 đồng/lít"),
    ("Giá dầu DO tháng 10/2028?", "20.180 đồng/lít"),
    ("Giá xi măng PCB40 tháng 10/2028?", "1.450.000 đồng/tấn"),
    ("Giá xăng RON 95 tháng 3/2029?", "23.010 đồng/lít"),
    ("Giá thép bình quân tháng 10/2030?", "15.600 đồng/kg"),
])
def test_codes_and_month_rows_keep_their_values(service: RagService, question: str,
                                                expected: str) -> None:
    found, answer = _ask(service, question)
    assert found and answer.startswith(expected), answer


@pytest.mark.parametrize(("text", "values"), [
    ("Giá vàng SJC 9999 ở mức 120 triệu đồng/lượng.", ["120 triệu đồng"]),
    ("Vàng miếng PNJ 999,9 tăng 1,2 triệu đồng/lượng.", ["1,2 triệu đồng"]),
    ("Thép CB300 phi 16 giá 15.000 đồng/kg.", ["15.000 đồng/kg"]),
    # near-misses: a count of gold, a share after "vàng", a count before the word
    ("Xuất khẩu vàng trang sức 99 tấn.", ["99 tấn"]),
    ("Tỷ lệ tờ khai phân luồng vàng 24,9%.", ["24,9%"]),
    ("Tháng 10 giá vàng đạt 118,5 triệu đồng/lượng.", ["118,5 triệu đồng"]),
])
def test_values_of_a_price_sentence(text: str, values: list[str]) -> None:
    assert [v.text for v in find_values(text)] == values
