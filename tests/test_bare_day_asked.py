"""A whole date a question writes after "tại/ở/vào" ("… tại 31/3/2061?", "… ở 30/9/2061?")
is the day it asks about, as "ngày D" and "tại thời điểm D" are: the count stated for that
day answers it, a count for a later day does not answer it as sure (issue 17 break-test
bt22-b17 failure 8: "… tại 30/6/2075?" was read as asking no period, and the count at 30/9
came back at 0.96 with period_match "none")."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.asked import question_periods

TODAY = date(2061, 12, 1)


@pytest.mark.parametrize(("question", "day"), [
    ("số hợp tác xã đang hoạt động tại 31/3/2061?", date(2061, 3, 31)),
    ("tong dan trau cua huyen vao 1/10/2061 la bao nhieu?", date(2061, 10, 1)),
    ("số cửa hàng xăng dầu ở 15/07/2060?", date(2060, 7, 15)),
])
def test_a_date_written_alone_is_the_day_asked(question: str, day: date) -> None:
    asked = question_periods(question, TODAY)
    assert [(p.start, p.end) for p in asked.periods] == [(day, day)], asked
    assert asked.compared == ()


@pytest.mark.parametrize("question", [
    "Quyết định số 12/3/2061 quy định gì?",       # a document's number
    "số hợp tác xã tại 31/2/2061?",                # no such day: not read as one
])
def test_a_number_or_an_impossible_day_is_no_day(question: str) -> None:
    assert question_periods(question, TODAY).periods == ()


def test_the_day_asked_and_the_base_compared() -> None:
    asked = question_periods("số hợp tác xã tại 30/9/2061 tăng bao nhiêu so với ngày 31/3/2061?",
                             TODAY)
    assert [p.end for p in asked.periods] == [date(2061, 9, 30)]
    assert [p.end for p in asked.compared] == [date(2061, 3, 31)]


DOCS = [
    {"id": "ktht-q3", "title": "Báo cáo kinh tế tập thể 9 tháng năm 2061", "date": "2061-10-05",
     "text": "Tính đến 30/9/2061, toàn tỉnh có 412 hợp tác xã đang hoạt động, tăng 27 hợp tác "
             "xã so với ngày 31/3/2061 (385 hợp tác xã).\n"
             "Doanh thu bình quân của một hợp tác xã 9 tháng năm 2061 đạt 2,1 tỷ đồng."},
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("bare_day"), DOCS)


def _ask(service: RagService, question: str):  # type: ignore[no-untyped-def]
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=TODAY))


@pytest.mark.parametrize(("question", "expected", "not_this"), [
    ("số hợp tác xã đang hoạt động tại 31/3/2061?", "385", "412"),
    ("toàn tỉnh có bao nhiêu hợp tác xã đang hoạt động ở 30/9/2061?", "412", "385"),
])
def test_the_count_of_the_day_answers(service: RagService, question: str, expected: str,
                                      not_this: str) -> None:
    reply = _ask(service, question)
    assert reply.found and expected in reply.answer, reply.answer
    assert not_this not in reply.answer
    assert reply.period_match == "exact"


def test_a_later_count_is_not_sure_for_an_earlier_day(service: RagService) -> None:
    reply = _ask(service, "số hợp tác xã đang hoạt động tại 30/6/2061?")
    assert not reply.found or reply.period_match != "none"
    assert not (reply.found and reply.confidence >= 0.9), (reply.answer, reply.confidence)
