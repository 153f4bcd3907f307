"""A difference stated against a time point, and a change asked of an indicator whose reports
state only its level (issue 17, break-test bt10-b17 failures 4 and 6):

- "cao hơn / thấp hơn <đầu năm, cuối năm trước, đầu tháng, ...> khoảng|gần N" is a change of
  the indicator before it against that point, the word of approximation between them
  notwithstanding -- not a level of an indicator "cao hơn đầu";
- a change asked ("... tăng bao nhiêu %?", "... cao hơn cùng kỳ bao nhiêu tỷ USD?") of an
  indicator with a level and no change stated is refused naming the level, never answered
  by the raw sentence holding another indicator's rate.

Wordings, indicators, periods and numbers differ from the break-test's examples."""

from __future__ import annotations

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract

TEXT = (
    "Giá cà phê nhân xô cuối tháng 9/2040 ở mức 98.000 - 102.000 đồng/kg, cao hơn đầu năm "
    "khoảng 14.000 đồng/kg.\n\n"
    "Giá phân urê tháng 9/2040 ở mức 11.200 đồng/kg, thấp hơn cuối năm trước gần 800 "
    "đồng/kg.\n\n"
    "Tổng kim ngạch xuất nhập khẩu qua cửa khẩu 8 tháng năm 2040 đạt 5,26 tỷ USD, tăng 9,3% "
    "so với cùng kỳ; trong đó xuất khẩu đạt 2,87 tỷ USD, tăng 11,2%; nhập khẩu đạt 2,39 tỷ "
    "USD.\n")
DOCS = [{"id": "bc-8-2040", "title": "Báo cáo kinh tế - xã hội tháng 8 năm 2040",
         "date": "2040-09-05", "text": TEXT}]


@pytest.mark.parametrize(("text", "value", "direction", "comparison"), [
    ("Giá phân urê tháng 9/2040 ở mức 11.200 đồng/kg, thấp hơn cuối năm trước khoảng 800 "
     "đồng/kg.", "khoảng 800 đồng/kg", -1, "cuối năm trước"),
    ("Dư nợ tín dụng đến 30/9/2040 đạt 52.300 tỷ đồng, cao hơn đầu tháng gần 410 tỷ đồng.",
     "gần 410 tỷ đồng", 1, "đầu tháng"),
    ("Giá thép xây dựng hiện ở mức 14.800 - 15.200 đồng/kg, cao hơn đầu năm khoảng 1.100 "
     "đồng/kg.", "khoảng 1.100 đồng/kg", 1, "đầu năm"),
])
def test_a_difference_against_a_time_point_is_a_change(
        text: str, value: str, direction: int, comparison: str) -> None:
    f = {f.value: f for f in extract(text, "bc", "2040-10-05")}[value]
    assert (f.measure, f.direction, f.comparison) == ("change", direction, comparison), f
    assert "hơn" not in f.indicator, f


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("level_only"), DOCS)


def ask(service: RagService, question: str):  # noqa: ANN201
    return service.ask(question, AskOptions(retrieval_mode="lexical"))


@pytest.mark.parametrize(("question", "expected"), [
    ("giá cà phê nhân xô cao hơn đầu năm bao nhiêu?", "khoảng 14.000 đồng/kg"),
    ("giá cà phê nhân xô tăng bao nhiêu so với đầu năm?", "khoảng 14.000 đồng/kg"),
    ("giá phân urê tháng 9/2040 giảm bao nhiêu so với cuối năm trước?", "gần 800 đồng/kg"),
    ("giá phân urê tháng 9/2040", "11.200 đồng/kg"),
    ("nhập khẩu 8 tháng năm 2040 đạt bao nhiêu?", "2,39 tỷ USD"),
    ("xuất khẩu 8 tháng năm 2040 tăng bao nhiêu %?", "11,2%"),
])
def test_the_stated_figure_answers(service: RagService, question: str, expected: str) -> None:
    answer = ask(service, question)
    assert answer.found and answer.answer == expected, (answer.answer, answer.summary)


@pytest.mark.parametrize("question", [
    "nhập khẩu 8 tháng năm 2040 tăng bao nhiêu %?",
    "nhập khẩu 8 tháng năm 2040 tăng bao nhiêu phần trăm so với cùng kỳ?",
    "nhập khẩu 8 tháng năm 2040 cao hơn cùng kỳ bao nhiêu tỷ USD?",
])
def test_a_change_of_a_level_only_indicator_is_refused_naming_the_level(
        service: RagService, question: str) -> None:
    answer = ask(service, question)
    assert not answer.found, (answer.answer, answer.summary)
    assert "2,39 tỷ USD" in answer.answer and "9,3%" not in answer.answer, answer.answer
