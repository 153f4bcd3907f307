"""A change asked against a year the question names ("tăng bao nhiêu so với cuối năm 2027",
"so với năm 2027"): a change the reports state is the answer; when they state only the two
levels, both are given, the compared period's and the asked one's, a line each.  Reports
written for these tests, in the shape of issue 17's closing break-test."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.asked import question_periods

DOCS = [
    {"id": "htx", "title": "Kinh tế tập thể năm 2028", "date": "2029-01-20",
     "text": "Giám đốc Liên minh Hợp tác xã cho biết: đến hết năm 2027, toàn tỉnh có 430 hợp "
             "tác xã; đến hết năm 2028 có 472 hợp tác xã."},
    {"id": "cho", "title": "Hạ tầng thương mại năm 2028", "date": "2029-01-10",
     "text": "Năm 2027, toàn tỉnh có 118 chợ. Năm 2028, toàn tỉnh có 124 chợ, tăng 6 chợ so với "
             "năm 2027."},
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("compared"), DOCS)


def test_a_compared_year_is_read_apart_from_the_asked_one() -> None:
    asked = question_periods("số hợp tác xã năm 2028 tăng bao nhiêu so với cuối năm 2027",
                             date(2029, 2, 1))
    assert [p.year for p in asked.periods] == [2028]
    assert [p.year for p in asked.compared] == [2027]
    assert question_periods("kim ngạch 2028 tăng bao nhiêu so với cùng kỳ",
                            date(2029, 2, 1)).compared == ()


@pytest.mark.parametrize("question", [
    "số hợp tác xã năm 2028 tăng bao nhiêu so với cuối năm 2027",
    "số hợp tác xã đến hết năm 2028 tăng bao nhiêu so với năm 2027",
])
def test_both_levels_when_no_change_is_stated(service: RagService, question: str) -> None:
    reply = service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2029, 2, 1)))
    assert reply.found and "430" in reply.answer and "472" in reply.answer, reply.answer
    assert reply.answer.index("430") < reply.answer.index("472")
    # the change itself is not written: said so, partial, and not given as sure
    assert reply.period_match == "partial" and reply.confidence < 0.9, reply.confidence
    assert reply.summary is not None and "không nêu mức thay đổi" in reply.summary


def test_a_stated_change_is_the_answer(service: RagService) -> None:
    reply = service.ask("số chợ năm 2028 tăng bao nhiêu so với năm 2027",
                        AskOptions(retrieval_mode="lexical", today=date(2029, 2, 1)))
    assert reply.found and reply.answer.startswith("6 chợ"), reply.answer
