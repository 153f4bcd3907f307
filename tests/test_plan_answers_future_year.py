"""A period no report gives a result for, but a plan set before it ended does (issue 17
break-test b17 K14: "tổng vốn đầu tư toàn xã hội năm 2031" of a plan table with "KH 2031 =
58.000"): the target answers, said to be the plan and no result, as sure as a partial answer
-- where the refusal said the reports held the indicator only for other years.  Only for a
period still to come on the day asked (a plan of a year begun or over is no result of it),
and a question asking the target itself is answered as before."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService

PLAN = (
    "Chỉ tiêu,Đơn vị tính,Thực hiện 2027,Kế hoạch 2028,Ước thực hiện 2028,Kế hoạch 2029\n"
    "Tổng vốn đầu tư phát triển toàn xã hội,tỷ đồng,21.400,23.000,23.350,25.500\n"
    "Số cơ sở lưu trú đạt chuẩn,cơ sở,84,90,93,100\n")
DOCS = {
    "bao-cao-ke-hoach-2029.csv": PLAN,
    "tong-ket-2026.txt": (
        "Báo cáo tổng kết năm 2026\nNgày 20/01/2027\n\n"
        "Năm 2026, sản lượng chè búp tươi đạt 41.200 tấn. Kế hoạch năm 2025 đề ra sản lượng "
        "chè búp tươi 39.000 tấn.\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("plan_future"), DOCS)


def ask(service: RagService, question: str, today: date = date(2028, 12, 1)):  # noqa: ANN201
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=today))


@pytest.mark.parametrize(("question", "expected"), [
    ("tổng vốn đầu tư phát triển toàn xã hội năm 2029", "25.500 tỷ đồng"),
    ("số cơ sở lưu trú đạt chuẩn năm 2029", "100 cơ sở"),
])
def test_the_plan_answers_a_year_without_results(service: RagService, question: str,
                                                 expected: str) -> None:
    answer = ask(service, question)
    assert answer.found and answer.answer == expected, (answer.answer, answer.summary)
    assert "chỉ có kế hoạch" in answer.summary and "kế hoạch" in answer.summary
    assert answer.period_match == "partial" and answer.figure is not None
    assert answer.figure.target


def test_a_result_still_answers_its_year(service: RagService) -> None:
    answer = ask(service, "tổng vốn đầu tư phát triển toàn xã hội năm 2028")
    assert answer.found and answer.answer == "23.350 tỷ đồng", answer.summary


def test_the_target_asked_is_answered_as_before(service: RagService) -> None:
    answer = ask(service, "kế hoạch tổng vốn đầu tư phát triển toàn xã hội năm 2029")
    assert answer.found and answer.answer == "25.500 tỷ đồng", answer.summary
    assert answer.period_match == "exact"


def test_a_plan_of_a_year_over_stands_in_for_nothing(service: RagService) -> None:
    answer = ask(service, "sản lượng chè búp tươi năm 2025", today=date(2028, 6, 1))
    assert not answer.found, (answer.answer, answer.summary)


def test_a_year_begun_on_the_day_asked_is_no_plans(service: RagService) -> None:
    answer = ask(service, "tổng vốn đầu tư phát triển toàn xã hội năm 2029",
                 today=date(2029, 3, 1))
    assert not answer.found, (answer.answer, answer.summary)


@pytest.mark.parametrize("question", [
    "tổng vốn đầu tư phát triển toàn xã hội năm 2029 đạt bao nhiêu?",
    "tổng vốn đầu tư phát triển toàn xã hội năm 2029 thực hiện bao nhiêu?",
])
def test_a_result_asked_is_no_plan(service: RagService, question: str) -> None:
    # "tăng trưởng GDP năm 2014 đạt bao nhiêu" (dev d240) asks what was achieved: refused,
    # the plan named, and not as if the reports lacked the year
    answer = ask(service, question)
    assert not answer.found, (answer.answer, answer.summary)
    assert "chỉ có kế hoạch năm 2029: 25.500 tỷ đồng" in answer.answer, answer.answer
    assert "không phải năm được hỏi" not in answer.answer


def test_a_change_asked_is_no_plan_of_a_level(service: RagService) -> None:
    answer = ask(service, "tổng vốn đầu tư phát triển toàn xã hội năm 2029 tăng bao nhiêu %?")
    assert not answer.found, (answer.answer, answer.summary)
