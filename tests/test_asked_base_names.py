"""A base a question names in other words than the report: one table, one kind.

The GSO's monthly CPI sentence states a month's change against three or four bases ("tăng
0,42% so với tháng trước, tăng 2,15% so với tháng 12/2027 và tăng 3,08% so với cùng tháng
năm trước"); a question may name the same period a year before "cùng tháng năm trước",
"cùng quý năm trước", "cùng thời kỳ" or "cùng kỳ" -- each the same base
(rag.vi.lexicon.COMPARISON_BASES), read alike on both sides.  A question naming a base must
get that base's figure or a refusal, never another base's (break-test bt17g t01: "CPI tháng
9 năm 2028 so với cùng tháng năm trước?" took the 0,42% "so với tháng trước" at 0.97).
Written here with other indicators, values, periods and file shapes."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files
from helpers import make_docx

from rag.answer.question import read_question
from rag.records import Answer, AskOptions
from rag.search.query import analyze
from rag.service import RagService

CPI = ("Tình hình kinh tế - xã hội tháng 5 năm 2031\n\n"
       "Chỉ số giá tiêu dùng (CPI) tháng 5/2031 tăng 0,37% so với tháng trước, tăng 1,94% so "
       "với tháng 12/2030 và tăng 2,76% so với cùng tháng năm trước.\n\n"
       "Chỉ số sản xuất công nghiệp (IIP) tháng 5/2031 tăng 2,6% so với tháng trước và tăng "
       "9,7% so với cùng thời kỳ năm trước.\n\n"
       "Chỉ số giá vàng tháng 5/2031 giảm 1,3% so với tháng trước.\n")
QUARTER = ("Báo cáo giá cả thị trường quý II năm 2031",
           "Chỉ số giá đô la Mỹ quý II/2031 tăng 0,8% so với quý trước và tăng 4,1% so với cùng "
           "quý năm trước.")


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("basenames"), {
        "ktxh-thang5-2031.txt": CPI, "gia-quy2-2031.docx": make_docx(*QUARTER)})


def ask(service: RagService, question: str) -> Answer:
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2031, 6, 20)))


@pytest.mark.parametrize(("question", "value"), [
    # the report's "cùng tháng năm trước", asked so and as "cùng kỳ"
    ("CPI tháng 5 năm 2031 so với cùng tháng năm trước?", "2,76%"),
    ("CPI tháng 5/2031 tăng bao nhiêu so với cùng kỳ năm trước?", "2,76%"),
    # the report's "cùng thời kỳ", asked as "cùng tháng năm trước"
    ("Chỉ số sản xuất công nghiệp tháng 5/2031 so với cùng tháng năm trước?", "9,7%"),
    # a quarter's "cùng quý năm trước" (a .docx), asked so and as "cùng kỳ"
    ("Chỉ số giá đô la Mỹ quý II/2031 so với cùng quý năm trước?", "4,1%"),
    ("Chỉ số giá đô la Mỹ quý II/2031 tăng bao nhiêu % so với cùng kỳ?", "4,1%"),
    # the end of the year before, named by its month
    ("CPI tháng 5/2031 tăng bao nhiêu so với tháng 12 năm trước?", "1,94%"),
])
def test_the_named_bases_figure(service: RagService, question: str, value: str) -> None:
    reply = ask(service, question)
    assert reply.found and reply.answer.startswith(value), reply.answer


@pytest.mark.parametrize(("question", "value"), [
    ("CPI tháng 5/2031 so với tháng trước?", "0,37%"),
    ("Chỉ số giá đô la Mỹ quý II/2031 so với quý trước?", "0,8%"),
])
def test_near_miss_the_period_before_keeps_its_figure(service: RagService, question: str,
                                                      value: str) -> None:
    reply = ask(service, question)
    assert reply.found and reply.answer.startswith(value), reply.answer


def test_another_bases_figure_is_never_given(service: RagService) -> None:
    # gold's change is stated against the month before only
    reply = ask(service, "Chỉ số giá vàng tháng 5/2031 so với cùng tháng năm trước?")
    assert not (reply.found and "1,3" in reply.answer and reply.confidence >= 0.5), reply.answer


@pytest.mark.parametrize("words", ["cùng kỳ", "cùng kỳ năm trước", "cùng tháng năm trước",
                                   "cùng quý năm trước", "cùng thời kỳ năm trước", "CK"])
def test_every_name_of_the_same_period_is_one_base(words: str) -> None:
    asked = read_question(analyze(f"CPI tháng 5/2031 tăng bao nhiêu so với {words}?"),
                          date(2031, 6, 20))
    assert asked.comparison == "cung ky"
