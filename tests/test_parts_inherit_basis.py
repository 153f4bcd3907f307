"""Parts listed after a total, past a rounded restatement of it in brackets, share the total's
basis (issue 17, dev2 e095): "kim ngạch hàng hóa mở tờ khai ... đạt 4.812,6 triệu USD (hơn 4,8
tỷ USD), tăng 6,9%; xuất khẩu đạt 2.690,3 triệu USD ...; nhập khẩu đạt 2.122,3 triệu USD" --
the exports and imports of the goods declared, which add up to the total.  The bracketed
rounding ("hơn 4,8 tỷ USD") broke the run of parts, so each part asked with the basis got the
total.  Other bases (giá so sánh, giá hiện hành), indicators (GRDP by sector, investment by
source), periods and numbers than the example's; the bracketed figure stays answerable."""

from __future__ import annotations

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.numbers import find_values, rounds_before

TEXT = (
    "Năm 2047, kim ngạch hàng hóa mở tờ khai tại Cục Hải quan tỉnh đạt 1.236,4 triệu USD "
    "(gần 1,24 tỷ USD), tăng 3,8% so với năm trước; xuất khẩu đạt 702,5 triệu USD, tăng "
    "2,2%; nhập khẩu đạt 533,9 triệu USD, tăng 5,9%.\n\n"
    "Tổng sản phẩm trên địa bàn (GRDP) quý III/2047 theo giá so sánh ước đạt 9.842,7 tỷ đồng "
    "(khoảng 9,8 nghìn tỷ đồng), tăng 6,4%; khu vực nông, lâm nghiệp và thủy sản đạt 2.315,2 "
    "tỷ đồng; khu vực công nghiệp - xây dựng đạt 3.108,9 tỷ đồng; khu vực dịch vụ đạt 4.418,6 "
    "tỷ đồng.\n\n"
    "Vốn đầu tư phát triển toàn xã hội 9 tháng năm 2047 theo giá hiện hành ước đạt 15.476 tỷ "
    "đồng (hơn 15,4 nghìn tỷ đồng); vốn khu vực nhà nước 4.912 tỷ đồng; vốn ngoài nhà nước "
    "9.731 tỷ đồng; vốn đầu tư trực tiếp nước ngoài 833 tỷ đồng.\n")
DOCS = [{"id": "tk-2047", "title": "Tình hình kinh tế - xã hội năm 2047",
         "date": "2047-12-20", "text": TEXT}]


@pytest.mark.parametrize(("text", "restated"), [
    ("đạt 4.812,6 triệu USD (hơn 4,8 tỷ USD), tăng", True),
    ("đạt 9.842,7 tỷ đồng (khoảng 9,8 nghìn tỷ đồng);", True),
    ("đạt 1.236,4 triệu USD (gần 1,24 tỷ USD)", True),
    ("đạt 1.236,4 triệu USD (gần 1,3 tỷ USD)", True),
    ("đạt 1.236,4 triệu USD (1,1 tỷ USD)", False),  # no rounding of it
    ("đạt 1.236,4 triệu USD (hơn 1,2 triệu tấn)", False),  # another unit
    ("đạt 1.236,4 triệu USD (năm trước 1,2 tỷ USD)", False),  # more in the bracket
])
def test_a_rounded_restatement_is_told(text: str, restated: bool) -> None:
    values = find_values(text)
    assert len(values) == 2, values
    assert rounds_before(text, values[0], values[1]) is restated


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("parts_basis"), DOCS)


def ask(service: RagService, question: str):  # noqa: ANN201
    return service.ask(question, AskOptions(retrieval_mode="lexical"))


@pytest.mark.parametrize(("question", "expected"), [
    ("Xuất khẩu hàng hóa mở tờ khai năm 2047 đạt bao nhiêu?", "702,5 triệu USD"),
    ("kim ngạch nhập khẩu mở tờ khai tại Cục Hải quan năm 2047", "533,9 triệu USD"),
    ("Khu vực dịch vụ quý III/2047 theo giá so sánh đạt bao nhiêu?", "4.418,6 tỷ đồng"),
    ("GRDP khu vực công nghiệp - xây dựng quý 3 năm 2047 theo giá so sánh",
     "3.108,9 tỷ đồng"),
    ("Vốn ngoài nhà nước 9 tháng 2047 theo giá hiện hành là bao nhiêu?", "9.731 tỷ đồng"),
    ("vốn khu vực nhà nước theo giá hiện hành 9 tháng năm 2047", "4.912 tỷ đồng"),
])
def test_the_part_is_answered_with_its_totals_basis(service: RagService, question: str,
                                                    expected: str) -> None:
    answer = ask(service, question)
    assert answer.found and answer.answer == expected, (answer.answer, answer.summary)


@pytest.mark.parametrize(("question", "expected"), [
    ("Kim ngạch hàng hóa mở tờ khai năm 2047 đạt bao nhiêu?", ("1.236,4 triệu USD",
                                                             "gần 1,24 tỷ USD")),
    ("GRDP quý III/2047 theo giá so sánh", ("9.842,7 tỷ đồng", "khoảng 9,8 nghìn tỷ đồng")),
])
def test_the_total_is_still_its_own(service: RagService, question: str,
                                    expected: tuple[str, ...]) -> None:
    answer = ask(service, question)
    assert answer.found and answer.answer in expected, (answer.answer, answer.summary)
