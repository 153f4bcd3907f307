"""Stated differences, round C (issue 17, break-test bt6-b17 failures 1, 6, 7):

- a change verb, "so với <kỳ>" and "là:" before the value ("giảm so với tháng 4 là: 0,35
  triệu m3") state a difference, not a level;
- a difference asked from the earlier period ("quý I/2037 ít hơn quý I/2038 bao nhiêu?") is
  the later period's change against it, asked with the opposite comparative;
- a crop season's difference asked with the season's years joined by a dash ("ít hơn vụ Hè
  Thu 2036-2037 bao nhiêu?") or against "vụ trước" / "cùng vụ năm trước".

Wordings, indicators, periods and numbers differ from the break-test's examples."""

from __future__ import annotations

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract

TEXT = (
    "Lượng nước sạch tháng 5 ước đạt 4,12 triệu m3, giảm so với tháng 4 là: 0,35 "
    "triệu m3. Doanh thu vận tải hành khách tháng 5 đạt 215 tỷ đồng, tăng so với cùng kỳ là: 9 "
    "tỷ đồng. Tổng mức bán lẻ hàng hóa tháng 5 đạt 2.140 tỷ đồng, giảm so với tháng 4 là: 35 tỷ "
    "đồng.\n\n"
    "Quý I/2037, số lượt khách quốc tế đến tỉnh chỉ đạt 41.000 lượt, ít hơn quý I/2038 là "
    "5.200 lượt.\n\n"
    "Quý I/2037, giá trị xuất khẩu hàng nông sản đạt 118 triệu USD, cao hơn quý I/2038 là 6 "
    "triệu USD.\n\n"
    "Vụ Hè Thu 2037-2038, toàn tỉnh gieo trồng 12.300 ha ngô, sản lượng đạt 58.900 tấn, ít hơn "
    "vụ Hè Thu 2036-2037 là 2.350 tấn. Vụ Mùa 2037, sản lượng lạc đạt 9.140 tấn, nhiều hơn vụ "
    "Mùa 2036 là 380 tấn.\n")
DOCS = [{"id": "bc-5-2038", "title": "Báo cáo kinh tế - xã hội tháng 5 năm 2038",
         "date": "2038-06-04", "text": TEXT}]


def frames_of(text: str):  # noqa: ANN201
    return {f.value: f for f in extract(text, "bc", "2038-06-04")}


@pytest.mark.parametrize(("value", "direction", "comparison"), [
    ("0,35 triệu m3", -1, "tháng 4"),
    ("9 tỷ đồng", 1, "cùng kỳ"),
])
def test_a_verb_compared_period_and_la_colon_state_a_difference(
        value: str, direction: int, comparison: str) -> None:
    f = frames_of(TEXT)[value]
    assert (f.measure, f.direction, f.comparison) == ("change", direction, comparison), f
    assert f.period is not None and f.period.label == "tháng 5/2038", f


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("differences_c"), DOCS)


def ask(service: RagService, question: str):  # noqa: ANN201
    return service.ask(question, AskOptions(retrieval_mode="lexical"))


@pytest.mark.parametrize(("question", "expected"), [
    ("lượng nước sạch tháng 5/2038 giảm bao nhiêu so với tháng 4?", "0,35 triệu m3"),
    ("lượng nước sạch tháng 5/2038 ít hơn tháng 4 bao nhiêu?", "0,35 triệu m3"),
    ("lượng nước sạch tháng 5/2038 giảm bao nhiêu?", "0,35 triệu m3"),
    ("doanh thu vận tải hành khách tháng 5/2038 tăng bao nhiêu so với cùng kỳ?", "9 tỷ đồng"),
    ("How much did passenger transport revenue rise in May 2038 compared with the same "
     "period?", "9 tỷ đồng"),
    ("How much did retail sales of goods drop in May 2038 compared with April?", "35 tỷ đồng"),
    # the levels stay the levels
    ("lượng nước sạch tháng 5/2038", "4,12 triệu m3"),
    ("doanh thu vận tải hành khách tháng 5/2038", "215 tỷ đồng"),
])
def test_the_difference_after_la_colon_answers(service: RagService, question: str,
                                               expected: str) -> None:
    answer = ask(service, question)
    assert answer.found and answer.answer == expected, (answer.answer, answer.summary)


@pytest.mark.parametrize(("question", "expected"), [
    # asked from the earlier side, as the report writes it
    ("số lượt khách quốc tế quý I/2037 ít hơn quý I/2038 bao nhiêu?", "5.200 lượt"),
    ("giá trị xuất khẩu hàng nông sản quý I/2037 cao hơn quý I/2038 bao nhiêu?", "6 triệu USD"),
    # and from the later side
    ("số lượt khách quốc tế quý I/2038 nhiều hơn quý I/2037 bao nhiêu?", "5.200 lượt"),
    ("giá trị xuất khẩu hàng nông sản quý I/2038 thấp hơn quý I/2037 bao nhiêu?",
     "6 triệu USD"),
])
def test_a_difference_asked_from_either_side(service: RagService, question: str,
                                             expected: str) -> None:
    answer = ask(service, question)
    assert answer.found and answer.answer == expected, (answer.answer, answer.summary)


@pytest.mark.parametrize(("question", "expected"), [
    ("sản lượng ngô vụ Hè Thu 2037-2038 ít hơn vụ Hè Thu 2036-2037 bao nhiêu?", "2.350 tấn"),
    ("sản lượng ngô vụ Hè Thu 2037-2038 giảm bao nhiêu tấn so với vụ trước?", "2.350 tấn"),
    ("sản lượng ngô vụ Hè Thu 2037-2038 ít hơn vụ trước bao nhiêu?", "2.350 tấn"),
    ("sản lượng lạc vụ Mùa 2037 tăng bao nhiêu so với cùng vụ năm trước?", "380 tấn"),
    # the season named without "vụ"
    ("sản lượng ngô Hè Thu 2037-2038 giảm bao nhiêu tấn so với vụ trước?", "2.350 tấn"),
    # the levels stay the levels
    ("sản lượng ngô vụ Hè Thu 2037-2038", "58.900 tấn"),
    ("sản lượng lạc vụ Mùa 2037", "9.140 tấn"),
])
def test_a_season_difference_asked_by_its_years_or_by_vu_truoc(
        service: RagService, question: str, expected: str) -> None:
    answer = ask(service, question)
    assert answer.found and answer.answer == expected, (answer.answer, answer.summary)
