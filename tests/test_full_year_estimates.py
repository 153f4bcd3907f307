"""A whole year's estimate or forecast ("Dự kiến cả năm ... ước đạt", "ước tính năm N đạt",
"cả năm ước vượt N") is the figure for that whole year: a question for the year gets it, said
as an estimate and never as sure as a reported figure, before the part of the year reported
so far; "ước vượt N <unit>" is a level above N, no change; a plan is still no answer to the
actual, and with no estimate the part of the year answers, flagged (issue 17, bt16-b17
failure 5, bt15-b17 failure 8)."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.vi.frames import extract


def _frame(text: str, value: str, doc_date: str = "2058-10-08"):
    return next(f for f in extract(text, "", doc_date) if value in f.value)


@pytest.mark.parametrize(("text", "value", "shown"), [
    ("Cả năm 2058, kim ngạch nhập khẩu qua địa bàn ước vượt 640 triệu USD.", "640",
     "hơn 640"),
    ("Dự báo năm 2058 tổng mức bán lẻ hàng hóa dự kiến vượt 42.000 tỷ đồng.", "42.000",
     "hơn 42.000"),
    ("Cả năm 2058 sản lượng than nguyên khai ước tính vượt mức 3,2 triệu tấn.", "3,2",
     "hơn 3,2"),
])
def test_an_estimate_said_to_pass_an_amount_is_a_level_above_it(text: str, value: str,
                                                                shown: str) -> None:
    frame = _frame(text, value)
    assert frame.measure == "level"
    assert frame.value.startswith(shown)
    assert frame.estimate
    assert frame.period is not None and frame.period.kind == "year"


@pytest.mark.parametrize(("text", "value", "measure"), [
    ("Năm 2058 doanh thu bán lẻ ước vượt 7% kế hoạch.", "7%", "plan_share"),
    ("Xuất khẩu năm 2058 vượt 300 triệu USD so với năm 2057.", "300", "change"),
])
def test_an_excess_over_a_plan_or_a_year_stays_one(text: str, value: str,
                                                   measure: str) -> None:
    assert _frame(text, value).measure == measure


def test_a_forecast_is_an_estimate_and_a_plan_is_not() -> None:
    text = ("Dự kiến cả năm 2058 sản lượng điện thương phẩm đạt khoảng 4.820 triệu kWh. "
            "Kế hoạch năm 2058 giao sản lượng điện thương phẩm 4.900 triệu kWh.")
    forecast, plan = _frame(text, "4.820"), _frame(text, "4.900")
    assert forecast.target and forecast.estimate
    assert plan.target and not plan.estimate


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("full_year_estimates")
    return service_over(root, [
        {"id": "dien-9t-2058", "title": "Báo cáo tình hình cung ứng điện 9 tháng năm 2058",
         "date": "2058-10-08",
         "text": "Sản lượng điện thương phẩm 9 tháng năm 2058 đạt 3.610 triệu kWh, tăng 9,4% "
                 "so với cùng kỳ, bằng 74,5% kế hoạch năm.\n\n"
                 "Dự kiến cả năm 2058, sản lượng điện thương phẩm toàn tỉnh khoảng 4.820 triệu "
                 "kWh."},
        {"id": "than-q3-2059", "title": "Thông cáo báo chí ngành than quý III/2059",
         "date": "2059-10-06",
         "text": "Sản lượng than nguyên khai 9 tháng năm 2059 đạt 2,41 triệu tấn.\n\n"
                 "Trả lời phóng viên, Giám đốc công ty cho biết: \"Cả năm 2059 sản lượng than "
                 "nguyên khai ước vượt 3,3 triệu tấn\"."},
        {"id": "ban-le-9t-2057", "title": "Báo cáo thương mại 9 tháng năm 2057",
         "date": "2057-10-05",
         "text": "Tổng mức bán lẻ hàng hóa 9 tháng năm 2057 đạt 28.940 tỷ đồng, tăng 11,2% "
                 "so với cùng kỳ.\n\nKế hoạch năm 2057 tổng mức bán lẻ hàng hóa là 39.000 "
                 "tỷ đồng."},
    ])


@pytest.mark.parametrize(("question", "today", "value", "forecast"), [
    ("sản lượng điện thương phẩm cả năm 2058 là bao nhiêu?", "2058-11-01", "4.820", True),
    ("sản lượng điện thương phẩm năm 2058 ước đạt bao nhiêu?", "2058-11-01", "4.820", True),
    ("sản lượng than nguyên khai cả năm 2059?", "2059-10-20", "hơn 3,3", False),
])
def test_a_whole_year_asked_gets_its_estimate_said_as_one(service, question: str, today: str,
                                                          value: str, forecast: bool) -> None:
    answer = service.ask(question, AskOptions(today=date.fromisoformat(today)))
    assert answer.found, answer.answer
    assert value in answer.answer
    assert "ước tính" in (answer.summary or "")
    assert answer.period_match == "exact"
    if forecast:  # a forecast for the actual asked: never sure
        assert "dự kiến" in (answer.summary or "")
        assert answer.confidence < 0.9


def test_the_part_of_the_year_asked_is_still_its_own(service) -> None:
    answer = service.ask("sản lượng điện thương phẩm 9 tháng năm 2058?",
                         AskOptions(today=date(2058, 11, 1)))
    assert "3.610" in answer.answer


def test_with_only_a_plan_the_part_of_the_year_answers_flagged(service) -> None:
    answer = service.ask("tổng mức bán lẻ hàng hóa cả năm 2057?",
                         AskOptions(today=date(2057, 10, 20)))
    assert "39.000" not in answer.answer
    assert "28.940" in answer.answer
    assert answer.period_match == "partial"
