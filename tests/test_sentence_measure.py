"""The sentence given when no figure frame answers a "bao nhiêu" question states the measure
asked: a question asking a change ("tăng bao nhiêu %", "tăng trưởng") or a share of the plan
("bao nhiêu % kế hoạch") is refused, not answered with a sentence stating only the level or
the change of another indicator (issue 17 break-test: "doanh thu ... ước đạt 1.200 tỷ đồng,
trong khi lượng khách tham quan tăng 12%" for "doanh thu du lịch tăng bao nhiêu %")."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.answer.sentence_measure import states_measure
from rag.records import AskOptions
from rag.service import RagService

DOCS = {
    "du-lich-2029.txt": (
        "Hoạt động du lịch năm 2029\n(20/12/2029)\n\n"
        "Năm 2029, doanh thu từ hoạt động du lịch trên địa bàn ước đạt 1.200 tỷ đồng, trong "
        "khi lượng khách tham quan tăng 12%.\n"),
    "thuong-mai-2029.txt": (
        "Hoạt động thương mại năm 2029\n(22/12/2029)\n\n"
        "Năm 2029, tổng mức bán lẻ hàng hóa của tỉnh ước đạt 32.500 tỷ đồng, tăng 9,4% so "
        "với năm 2028.\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("measure"), DOCS)


def ask(service: RagService, question: str):  # noqa: ANN201
    return service.ask(question, AskOptions(retrieval_mode="lexical"))


@pytest.mark.parametrize("question", [
    "doanh thu du lịch năm 2029 tăng bao nhiêu %?",
    "doanh thu du lich nam 2029 tang bao nhieu phan tram",
    "doanh thu du lịch năm 2029 đạt bao nhiêu % kế hoạch?",
])
def test_a_sentence_not_stating_the_asked_measure_is_refused(service: RagService,
                                                             question: str) -> None:
    answer = ask(service, question)
    assert not answer.found, answer.answer


@pytest.mark.parametrize(("question", "expected"), [
    ("doanh thu du lịch năm 2029 bao nhiêu", "1.200 tỷ đồng"),
    ("lượng khách tham quan năm 2029 tăng bao nhiêu %", "12%"),
    ("tổng mức bán lẻ năm 2029 tăng bao nhiêu %", "9,4%"),
])
def test_the_stated_measure_still_answers(service: RagService, question: str,
                                          expected: str) -> None:
    answer = ask(service, question)
    assert answer.found and answer.answer == expected, answer.answer


TERMS = {"doanh_thu": 1.0, "du_lich": 1.0, "tang": 2.0, "2029": 1.0}


@pytest.mark.parametrize(("sentence", "measure", "states"), [
    ("Năm 2029, doanh thu du lịch ước đạt 1.200 tỷ đồng, tăng 12%.", "change", True),
    ("Doanh thu du lịch năm 2029 ước đạt 1.200 tỷ đồng, trong khi lượng khách tham quan "
     "tăng 12%.", "change", False),
    ("Doanh thu du lịch năm 2029 ước đạt 1.200 tỷ đồng.", "change", False),
    ("Doanh thu du lịch năm 2029 bằng 104,5% so với cùng kỳ.", "change", True),
    ("Doanh thu du lịch năm 2029 ước đạt 1.200 tỷ đồng, bằng 104% kế hoạch năm.",
     "plan_share", True),
    ("Doanh thu du lịch năm 2029 ước đạt 1.200 tỷ đồng, tăng 4%.", "plan_share", False),
    ("Doanh thu du lịch năm 2029 ước đạt 1.200 tỷ đồng.", "level", True),
])
def test_states_measure(sentence: str, measure: str, states: bool) -> None:
    assert states_measure(sentence, measure, TERMS) is states
