"""The word "số" inside an indicator ("chuyển đổi số", "kinh tế số", "chữ ký số", "chính quyền
số", "số hóa") is no "so" of a comparison: folded, "chuyển đổi số năm 2027" read "so [với] năm
2027", the question asked a change against 2027 and every variant was refused, though the
report held the figure (break-test round 13 of issue 16, item 3).  Comparisons stay read
where "so" is written as such ("so với năm 2026", "so cùng kỳ")."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.answer.question import read_question
from rag.records import AskOptions
from rag.search.query import analyze
from rag.service import RagService
from rag.vi.asked import question_periods, time_spans
from rag.vi.calendar import year_period
from rag.vi.text import mark_number_word

TODAY = date(2026, 1, 1)


@pytest.mark.parametrize("question", [
    "kinh phí hỗ trợ chuyển đổi số năm 2027",
    "doanh thu kinh tế số năm 2027",
    "số chứng thư chữ ký số năm 2027",
    "kinh phí xây dựng chính quyền số năm 2027 là bao nhiêu",
    "chỉ số phát triển xã hội số năm 2027",
    "kinh phí chuyển đổi số kế hoạch năm 2027",
])
def test_so_in_an_indicator_is_no_comparison(question: str) -> None:
    asked = read_question(analyze(question), TODAY)
    assert asked.measure == "level" and asked.comparison is None, asked
    assert asked.periods == (year_period(2027),)
    assert question_periods(question, TODAY).compared == ()


@pytest.mark.parametrize(("question", "without"), [
    ("kinh phí chuyển đổi số năm 2027 so với năm 2026", "kinh phí năm 2027 so với năm 2026"),
    ("doanh thu kinh tế số năm 2027 so cùng kỳ", "doanh thu kinh tế năm 2027 so cùng kỳ"),
    ("kinh phí chuyển đổi số năm 2027 đạt bao nhiêu % so với kế hoạch",
     "kinh phí năm 2027 đạt bao nhiêu % so với kế hoạch"),
])
def test_a_comparison_is_still_read(question: str, without: str) -> None:
    # the comparison is read as in the same question without the indicator's "số"
    asked, plain = (read_question(analyze(q), TODAY) for q in (question, without))
    assert (asked.measure, asked.comparison, asked.periods, asked.compared) == \
        (plain.measure, plain.comparison, plain.periods, plain.compared)


def test_the_mark_keeps_offsets() -> None:
    text = "Kinh phí chuyển đổi số năm 2027 so với năm 2026"
    assert len(mark_number_word(text)) == len(text)
    assert mark_number_word(text).count("so") == 1
    assert time_spans(text)  # the comparison phrase is still found


DOCS = {
    "chuyen-doi-so-2027.txt": (
        "Báo cáo kết quả chuyển đổi số năm 2027\n(20/12/2027)\n\n"
        "Kinh phí hỗ trợ chuyển đổi số năm 2027 là 3.120 triệu đồng.\n"
        "Doanh thu kinh tế số năm 2027 đạt 1.450 tỷ đồng.\n"
        "Kinh phí xây dựng chính quyền số năm 2027 là 2.340 triệu đồng.\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("so"), DOCS)


@pytest.mark.parametrize(("question", "expected"), [
    ("kinh phí hỗ trợ chuyển đổi số năm 2027", "3.120 triệu đồng"),
    ("Kinh phí hỗ trợ chuyển đổi số năm 2027 là bao nhiêu?", "3.120 triệu đồng"),
    ("doanh thu kinh tế số năm 2027", "1.450 tỷ đồng"),
    ("kinh phí xây dựng chính quyền số năm 2027", "2.340 triệu đồng"),
])
def test_an_indicator_with_so_is_answered(service: RagService, question: str,
                                          expected: str) -> None:
    answer = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert answer.found and expected in answer.answer, answer.answer
