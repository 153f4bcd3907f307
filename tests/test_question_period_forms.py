"""Two ways questions write a period (rag.vi.mentions): "T8/2028", "T12/2027" (T, the month,
its year) is that month, not "8 tháng" (January to August); "6 tháng cuối năm 2028", "nửa cuối
năm 2028" are July-December, not the year ("cuối năm 2028" read as the year's end) nor the
first six months.  A report holding only the year's or the first months' figure does not
answer the second half as if exact."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.asked import question_periods
from rag.vi.calendar import half_period, month_period

DOCS = {
    "ban-le-8-thang-2028.txt": (
        "Hoạt động thương mại 8 tháng năm 2028\n(30/8/2028)\n\n"
        "Tháng 8/2028, tổng mức bán lẻ hàng hóa của tỉnh ước đạt 2.150 tỷ đồng. Tính chung "
        "8 tháng năm 2028, tổng mức bán lẻ hàng hóa ước đạt 17.400 tỷ đồng.\n"),
    "xuat-khau-2028.txt": (
        "Hoạt động xuất khẩu năm 2028\n(25/12/2028)\n\n"
        "Năm 2028, kim ngạch xuất khẩu của tỉnh ước đạt 980 triệu USD. 6 tháng đầu năm "
        "2028, kim ngạch xuất khẩu đạt 430 triệu USD.\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("forms"), DOCS)


def ask(service: RagService, question: str):  # noqa: ANN201
    return service.ask(question, AskOptions(retrieval_mode="lexical"))


@pytest.mark.parametrize(("question", "period"), [
    ("tổng mức bán lẻ T8/2028", month_period(2028, 8)),
    ("tổng mức bán lẻ T12/2027 là bao nhiêu", month_period(2027, 12)),
    ("doanh thu 6 tháng cuối năm 2028", half_period(2028, True)),
    ("doanh thu nửa cuối năm 2028", half_period(2028, True)),
    ("doanh thu sáu tháng cuối năm 2028", half_period(2028, True)),
])
def test_the_period_read(question: str, period) -> None:  # noqa: ANN001
    asked = question_periods(question, date(2029, 1, 15))
    assert [(p.start, p.end) for p in asked.periods] == [(period.start, period.end)]


def test_t_month_year_is_the_month(service: RagService) -> None:
    answer = ask(service, "tổng mức bán lẻ T8/2028 là bao nhiêu")
    assert answer.found and answer.answer == "2.150 tỷ đồng", answer.answer


@pytest.mark.parametrize("question", [
    "kim ngạch xuất khẩu 6 tháng cuối năm 2028 là bao nhiêu",
    "kim ngạch xuất khẩu nửa cuối năm 2028 là bao nhiêu",
])
def test_second_half_is_not_the_year_nor_the_first_half(service: RagService,
                                                        question: str) -> None:
    answer = ask(service, question)
    assert not answer.found or ("980" not in answer.answer and "430" not in answer.answer), \
        answer.answer


@pytest.mark.parametrize(("question", "expected"), [
    ("tổng mức bán lẻ tháng 8/2028 là bao nhiêu", "2.150 tỷ đồng"),
    ("tổng mức bán lẻ 8 tháng năm 2028 là bao nhiêu", "17.400 tỷ đồng"),
    ("tổng mức bán lẻ 8T/2028 là bao nhiêu", "17.400 tỷ đồng"),
    ("kim ngạch xuất khẩu 6 tháng đầu năm 2028 là bao nhiêu", "430 triệu USD"),
    ("kim ngạch xuất khẩu năm 2028 là bao nhiêu", "980 triệu USD"),
])
def test_the_other_periods_still_answer(service: RagService, question: str,
                                        expected: str) -> None:
    answer = ask(service, question)
    assert answer.found and answer.answer == expected, answer.answer
