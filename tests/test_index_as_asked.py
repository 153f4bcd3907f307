"""An index asked with its comparison but no word of a change: "chỉ số IIP quý I/2046 so cùng
kỳ", "thu ngân sách 10 tháng 2045 so với cùng kỳ?", "... đạt bao nhiêu % so với cùng kỳ?",
"... year on year?" ask the index as the report writes it ("105,8%") -- break-test dev4 gave
the index as gold for 14 such questions, each answered with the derived change alone (6 at
confidence >= 0.9) -- while our own tests (tests/test_so_without_voi.py,
test_numbers_units_16.py, test_plan_table_ratio_columns.py, session 42's whole-year
tests/test_same_period_ratio_first.py) expect the change: the answer is the index with the
change it states beside it, "105,8% (tức tăng 5,8%)", the figure record the index.  A
question that names a change ("tăng bao nhiêu % so với cùng kỳ") keeps the change alone
(rag.answer.question.index_asked); one against a base year the index alone
(tests/test_base_year_index.py)."""

from __future__ import annotations

import pytest
from conftest import service_over_files
from helpers import titled_table_file, xlsx_bytes

from rag.records import AskOptions
from rag.service import RagService

PROSE = (
    "Tình hình kinh tế - xã hội quý I năm 2046\n(28/3/2046)\n\n"
    "Chỉ số sản xuất công nghiệp (IIP) quý I/2046 ước đạt 105,8% so với cùng kỳ. Chỉ số giá "
    "tiêu dùng (CPI) tháng 3/2046 bằng 99,4% so với tháng trước.\n")
TABLE = [
    ["Chỉ tiêu", "Cộng dồn 10 tháng 2045 (tỷ đồng)", "10 tháng 2045 so cùng kỳ (%)"],
    ["Thu ngân sách nhà nước trên địa bàn", "6.215", "97,5"],
    ["Vốn đầu tư thực hiện từ ngân sách địa phương", "2.744", "121,6"],
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    name, data = titled_table_file("xlsx", TABLE, "TÌNH HÌNH KINH TẾ - XÃ HỘI 10 THÁNG NĂM 2045")
    return service_over_files(tmp_path_factory.mktemp("index"), {
        "ktxh-quy1-2046.txt": PROSE, name: data,
        "ngan-sach-2077.xlsx": xlsx_bytes([
            ["BÁO CÁO THU NGÂN SÁCH NĂM 2077"],
            ["Chỉ tiêu", "Thực hiện 2077 (tỷ đồng)", "% so cùng kỳ"],
            ["Thu từ hoạt động xuất nhập khẩu", "7.321", "107,3"]])})


def ask(service: RagService, question: str):  # noqa: ANN201
    return service.ask(question, AskOptions(retrieval_mode="lexical"))


@pytest.mark.parametrize(("question", "expected"), [
    ("chỉ số IIP quý I/2046 so cùng kỳ", "105,8%"),
    ("chi so san xuat cong nghiep quy 1 2046 so voi cung ky", "105,8%"),
    ("Thu ngân sách nhà nước 10 tháng 2045 so với cùng kỳ?", "97,5%"),
    ("Vốn đầu tư thực hiện từ ngân sách địa phương 10 tháng 2045 so cùng kỳ", "121,6%"),
    ("CPI tháng 3/2046 so với tháng trước?", "99,4%"),
])
def test_an_index_asked_without_a_change_is_the_index(service: RagService, question: str,
                                                       expected: str) -> None:
    answer = ask(service, question)
    assert answer.found and answer.answer.startswith(expected + " (tức "), answer.answer
    assert answer.figure is not None and answer.figure.measure == "index"


@pytest.mark.parametrize(("question", "expected"), [
    ("chỉ số IIP quý I/2046 tăng bao nhiêu % so với cùng kỳ?", "tăng 5,8%"),
    ("Thu ngân sách nhà nước 10 tháng 2045 giảm bao nhiêu so với cùng kỳ?", "giảm 2,5%"),
    ("CPI tháng 3/2046 thay đổi thế nào so với tháng trước?", "giảm 0,6%"),
])
def test_near_miss_a_change_asked_is_the_change(service: RagService, question: str,
                                                expected: str) -> None:
    answer = ask(service, question)
    assert answer.found and answer.answer == expected, answer.answer
