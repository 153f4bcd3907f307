"""Months asked ("6 tháng đầu năm 2037") over reports giving a first quarter and a longer
running total short of the months (five months): the quarter is no part so far of the
months beside the five months, and the five months are no answer to six
(tests/test_earlier_running_total.py) -- refused, the refusal naming the nearest figures
(break-test bt25 kind 4, session 53: the quarter was answered as partial at 0.87;
rag.answer.answerer.Answerer.later_running_totals, running_note).  Near misses: the quarter
alone stays a part of the half (quarters answer a half part by part,
tests/test_real_inputs_16f.py); the five months, the quarter and the year asked keep their
answers."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService

CUSTOMS = (
    "Hải quan Lạng Sơn: kim ngạch qua cửa khẩu quý I/2037 tăng mạnh\nCập nhật: 08/04/2037\n\n"
    "Trong quý I năm 2037, tổng kim ngạch xuất nhập khẩu hàng hóa qua các cửa khẩu trên địa "
    "bàn tỉnh đạt 3.418,6 triệu USD, tăng 14,8% so với cùng kỳ năm 2036. Trong đó, kim ngạch "
    "xuất khẩu đạt 1.502,3 triệu USD, tăng 19,6%; kim ngạch nhập khẩu đạt 1.916,3 triệu USD, "
    "tăng 11,3% so với cùng kỳ.\n")
MONTHLY = (
    "Tình hình kinh tế - xã hội tháng 5 năm 2037\n29/5/2037\n\n"
    "Tổng kim ngạch xuất nhập khẩu hàng hóa qua địa bàn tỉnh tháng 5 năm 2037 ước đạt 1.284,7 "
    "triệu USD, giảm 2,3% so với tháng trước. Trong đó, kim ngạch xuất khẩu ước đạt 562,9 "
    "triệu USD; kim ngạch nhập khẩu ước đạt 721,8 triệu USD.\n"
    "Tính chung 5 tháng đầu năm 2037, tổng kim ngạch xuất nhập khẩu ước đạt 6.017,5 triệu USD, "
    "tăng 16,2% so với cùng kỳ năm trước. Trong đó, xuất khẩu đạt 2.645,8 triệu USD, tăng "
    "21,4%; nhập khẩu đạt 3.371,7 triệu USD, tăng 12,5%.\n")
# one report giving both, for another indicator and year
RETAIL = (
    "Sở Công Thương tỉnh Lạng Sơn\nBáo cáo tình hình thương mại tháng 5 năm 2039\n"
    "Ngày 28/5/2039\n\n"
    "Quý I/2039, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng trên địa bàn tỉnh "
    "đạt 9.860 tỷ đồng. Tính chung 5 tháng năm 2039, tổng mức bán lẻ hàng hóa và doanh thu "
    "dịch vụ tiêu dùng ước đạt 16.742 tỷ đồng, tăng 10,8% so với cùng kỳ.\n")
# a quarter alone: still a part so far of the half
QUARTER = (
    "Tình hình thu ngân sách quý I năm 2041\nNgày 02/4/2041\n\n"
    "Quý I/2041, tổng thu ngân sách nhà nước trên địa bàn tỉnh đạt 2.315 tỷ đồng.\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("stale_running"),
                              {"hq-q1-2037.txt": CUSTOMS, "ktxh-t5-2037.txt": MONTHLY,
                               "ct-t5-2039.txt": RETAIL, "ns-q1-2041.txt": QUARTER})


def ask(service: RagService, question: str):  # noqa: ANN201
    return service.ask(question, AskOptions(retrieval_mode="lexical"))


@pytest.mark.parametrize(("question", "nearest"), [
    ("Tổng kim ngạch xuất nhập khẩu 6 tháng đầu năm 2037?", ("6.017,5", "3.418,6")),
    ("Kim ngạch xuất khẩu 6 tháng đầu năm 2037 đạt bao nhiêu?", ("2.645,8", "1.502,3")),
    ("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng 6 tháng đầu năm 2039?",
     # one report giving both was refused before, naming the periods
     ("5 tháng năm 2039", "quý I/2039")),
])
def test_the_stale_quarter_is_refused(service: RagService, question: str,
                                      nearest: tuple[str, str]) -> None:
    answer = ask(service, question)
    assert not answer.found, (answer.answer, answer.summary, answer.confidence)
    assert all(v in answer.answer for v in nearest), answer.answer


@pytest.mark.parametrize(("question", "expected", "match"), [
    ("Thu ngân sách nhà nước 6 tháng đầu năm 2041?", "2.315 tỷ đồng", "partial"),
    ("Tổng kim ngạch xuất nhập khẩu 5 tháng đầu năm 2037?", "6.017,5 triệu USD", "exact"),
    ("Tổng kim ngạch xuất nhập khẩu quý I/2037?", "3.418,6 triệu USD", "exact"),
    ("Kim ngạch xuất khẩu năm 2037?", "2.645,8 triệu USD", "partial"),
])
def test_near_misses_keep_their_answers(service: RagService, question: str, expected: str,
                                        match: str) -> None:
    answer = ask(service, question)
    assert answer.found and answer.answer == expected, (answer.answer, answer.summary)
    assert answer.period_match == match
