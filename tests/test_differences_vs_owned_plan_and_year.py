"""Differences stated against an owned plan or another year's figure of the same indicator
(issue 17 bt16-b17 failure 3).

1. After a change, "... và thấp/cao hơn <plan word> <owner/verb> N" ("kế hoạch đề ra",
   "mục tiêu Nghị quyết", "chỉ tiêu được giao") is the clause indicator's change against
   that plan, not a level of an indicator named by the verb phrase.
2. "cao/thấp hơn <the indicator's name> năm Y là N" after a level is the change of that
   indicator against year Y, of the year after Y -- not a level named "cao hơn <name>"."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService

REPORT = ("BÁO CÁO KẾT QUẢ SẢN XUẤT KINH DOANH THÁNG 8 NĂM 2064 - CÔNG TY CẤP NƯỚC HÒA BÌNH\n\n"
          "Tỷ lệ thất thoát nước sạch lũy kế 8 tháng là 17,25%, giảm 1,12 điểm phần trăm so "
          "với cùng kỳ và cao hơn kế hoạch đề ra 0,35 điểm phần trăm.\n"
          "Tỷ lệ hộ dân được cấp nước sạch 8 tháng năm 2064 đạt 91,6%, tăng 2,4 điểm phần "
          "trăm so với cùng kỳ, nhưng thấp hơn mục tiêu Nghị quyết 3,4 điểm phần trăm.\n"
          "Lưu lượng nước tiêu thụ cao nhất trong ngày đạt 48.200 m3 vào ngày 3/6/2064, "
          "thấp hơn lưu lượng năm 2063 là 1.150 m3.\n"
          "Sản lượng nước mặt khai thác tháng 8/2064 đạt 2,35 triệu m3, cao hơn nước ngầm năm "
          "2063 là 0,4 triệu m3.\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("owned_plan"), {
        "cap_nuoc_8_2064.txt": REPORT})


def _ask(service: RagService, question: str):
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2064, 9, 20)))


@pytest.mark.parametrize(("question", "expected"), [
    ("tỷ lệ thất thoát nước sạch cao hơn kế hoạch bao nhiêu điểm phần trăm?", "0,35"),
    ("tỷ lệ thất thoát nước sạch 8 tháng cao hơn kế hoạch đề ra bao nhiêu?", "0,35"),
    ("tỷ lệ hộ dân được cấp nước sạch thấp hơn mục tiêu bao nhiêu điểm phần trăm?", "3,4"),
    ("lưu lượng nước tiêu thụ cao nhất năm 2064 thấp hơn năm 2063 bao nhiêu m3?", "1.150"),
])
def test_a_stated_difference_is_the_indicators_change(service: RagService, question: str,
                                                      expected: str) -> None:
    reply = _ask(service, question)
    assert reply.found, reply.answer
    assert expected in reply.answer, reply.answer


@pytest.mark.parametrize(("question", "expected"), [
    ("tỷ lệ thất thoát nước sạch lũy kế 8 tháng năm 2064?", "17,25"),
    ("tỷ lệ thất thoát nước sạch giảm bao nhiêu so với cùng kỳ?", "1,12"),
    ("tỷ lệ hộ dân được cấp nước sạch 8 tháng năm 2064?", "91,6"),
])
def test_the_level_and_the_first_change_stay(service: RagService, question: str,
                                             expected: str) -> None:
    reply = _ask(service, question)
    assert reply.found and expected in reply.answer, reply.answer


def test_a_difference_from_another_indicators_year_is_not_this_ones_change(
        service: RagService) -> None:
    # "cao hơn nước ngầm năm 2063": another indicator named before the year -- no change of
    # "sản lượng nước mặt" against 2063
    reply = _ask(service, "sản lượng nước mặt khai thác tăng bao nhiêu so với năm 2063?")
    assert not (reply.found and "0,4" in reply.answer and reply.confidence >= 0.9), reply.answer
