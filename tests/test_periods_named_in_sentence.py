"""Periods and places a sentence or a question names itself (issue 17, bt20-b17 failures 1,
8, 9, 10): another holiday a news item forecasts ("Dịp nghỉ lễ Quốc khánh 2/9/..., Sở dự báo
... sẽ đón ...") is that holiday's forecast, not a figure of the holiday the item reports;
a month's or quarter's forecast answers a question for that very period, said as a forecast
and never sure; "doanh thu du lịch" and "tổng thu từ (khách) du lịch" are one figure; the
report's own unit named in a question ("qua Chi cục Bản Vược") is no subclass its figures
leave out."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over, service_over_files

from rag.records import AskOptions
from rag.vi.asked import question_periods
from rag.vi.frames import extract


def test_another_holiday_forecast_in_the_sentence_is_its_own() -> None:
    text = ("Trong 4 ngày nghỉ Tết Dương lịch (từ ngày 30/12/2060 đến hết ngày 2/1/2061), "
            "toàn tỉnh đón 64.300 lượt khách.\n"
            "Dịp nghỉ lễ Quốc khánh 2/9/2061, Sở Du lịch dự kiến toàn tỉnh sẽ đón khoảng "
            "95.000 - 110.000 lượt khách.")
    frames = extract(text, "", "2061-01-03")
    actual = next(f for f in frames if "64.300" in f.value)
    forecast = next(f for f in frames if "95.000" in f.value)
    assert not actual.target
    assert forecast.target and forecast.estimate
    assert "Quốc khánh" not in forecast.indicator


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("periods_named_in_sentence")
    return service_over(root, [
        {"id": "qk-2061", "title": "Hòa Lâm đón hơn 64 nghìn lượt khách dịp nghỉ lễ Quốc khánh",
         "date": "2061-09-04",
         "text": "(Hòa Lâm Online, 04/9/2061) Theo báo cáo nhanh của Sở Du lịch, trong 4 ngày "
                 "nghỉ lễ Quốc khánh (từ ngày 31/8 đến hết ngày 3/9/2061), tỉnh Hòa Lâm đón "
                 "64.300 lượt khách, tăng 9,8% so với cùng dịp năm trước.\n"
                 "Tổng thu từ du lịch ước đạt 151,7 tỷ đồng.\n"
                 "Dịp nghỉ Tết Dương lịch 1/1/2062, Sở Du lịch dự báo tỉnh sẽ đón "
                 "khoảng 80.000 - 90.000 lượt khách."},
        {"id": "dien-t7-2058", "title": "Báo cáo cung ứng điện tháng 7 năm 2058",
         "date": "2058-08-04",
         "text": "Sản lượng điện thương phẩm tháng 7/2058 đạt 498,6 triệu kWh, tăng 6,2% so "
                 "với cùng kỳ.\n\nDự báo tháng 8/2058, sản lượng điện thương phẩm khoảng 520 "
                 "triệu kWh; điện nhận đầu nguồn dự kiến tháng 8/2058 đạt khoảng 548 triệu "
                 "kWh."},
        {"id": "dien-t8-2058", "title": "Báo cáo cung ứng điện tháng 8 năm 2058",
         "date": "2058-09-04",
         "text": "Sản lượng điện thương phẩm tháng 8/2058 đạt 534,2 triệu kWh, tăng 7,1% so "
                 "với cùng kỳ."},
    ])


def test_the_holiday_reported_gets_its_own_count(service) -> None:
    answer = service.ask("tỉnh Hòa Lâm đón bao nhiêu lượt khách dịp nghỉ lễ 31/8 - 3/9/2061?",
                         AskOptions(today=date(2061, 10, 1)))
    assert "64.300" in answer.answer


def test_the_other_holiday_gets_its_forecast(service) -> None:
    answer = service.ask("dự báo số lượt khách dịp Tết Dương lịch 1/1/2062?",
                         AskOptions(today=date(2061, 10, 1)))
    assert answer.found, answer.answer
    assert "80.000" in answer.answer


def test_a_month_forecast_answers_that_month_unsure(service) -> None:
    answer = service.ask("điện nhận đầu nguồn tháng 8/2058?",
                         AskOptions(today=date(2058, 12, 1)))
    assert answer.found, answer.answer
    assert "548" in answer.answer
    assert "dự kiến" in (answer.summary or answer.answer)
    assert answer.confidence < 0.9


def test_the_month_reported_beats_its_forecast(service) -> None:
    answer = service.ask("sản lượng điện thương phẩm tháng 8/2058?",
                         AskOptions(today=date(2058, 12, 1)))
    assert "534,2" in answer.answer


@pytest.fixture(scope="module")
def quarter(tmp_path_factory: pytest.TempPathFactory):
    return service_over(tmp_path_factory.mktemp("tourism_quarter"), [
        {"id": "ktxh-q1-2060", "title": "Tình hình kinh tế - xã hội quý I năm 2060",
         "date": "2060-04-02",
         "text": "Hoạt động du lịch quý I/2060: đón khoảng 812,4 nghìn lượt khách; doanh thu "
                 "du lịch ước đạt 347,9 tỷ đồng."},
    ])


@pytest.mark.parametrize(("question", "today", "value", "other"), [
    ("doanh thu du lịch dịp Quốc khánh năm ngoái?", "2062-03-01", "151,7", False),
    ("tổng thu từ khách du lịch quý I/2060?", "2060-06-01", "347,9", True),
])
def test_tourism_revenue_is_named_either_way(service, quarter, question: str, today: str,
                                             value: str, other: bool) -> None:
    asked = quarter if other else service
    answer = asked.ask(question, AskOptions(today=date.fromisoformat(today)))
    assert answer.found, answer.answer
    assert value in answer.answer


def test_last_year_asked_with_an_occasion_is_that_year() -> None:
    # the holiday of that year, named by its day (tests/test_holidays.py), not this year's
    asked = question_periods("doanh thu du lịch dịp 30/4 năm ngoái?", date(2066, 5, 5))
    assert [(p.kind, p.start, p.end) for p in asked.periods] == \
        [("holiday", date(2065, 4, 30), date(2065, 4, 30))]


_CUSTOMS = (
    "CỤC HẢI QUAN TỈNH HÒA LÂM\nCHI CỤC HẢI QUAN CỬA KHẨU BẢN VƯỢC\n\n"
    "BÁO CÁO CÔNG TÁC 9 THÁNG NĂM 2059\nBản Vược, ngày 06 tháng 10 năm 2059\n\n"
    "1. Kim ngạch xuất nhập khẩu\n"
    "Tổng kim ngạch xuất nhập khẩu hàng hóa qua các cửa khẩu thuộc Chi cục quản lý 9 tháng "
    "năm 2059 đạt 3.412,8 triệu USD, tăng 11,6% so với cùng kỳ năm 2058. Trong đó: xuất khẩu "
    "đạt 2.011,4 triệu USD, tăng 13,2%; nhập khẩu đạt 1.401,4 triệu USD, tăng 9,4%.\n"
    "Riêng quý III/2059, kim ngạch xuất nhập khẩu đạt 1.204,5 triệu USD, tăng 6,1% so với "
    "quý II/2059.\n")


@pytest.fixture(scope="module")
def customs(tmp_path_factory: pytest.TempPathFactory):
    return service_over_files(tmp_path_factory.mktemp("own_unit"),
                              {"hq_ban_vuoc_9t_2059.txt": _CUSTOMS})


@pytest.mark.parametrize(("question", "value"), [
    ("kim ngạch xuất nhập khẩu qua Chi cục Bản Vược 9 tháng năm 2059 tăng bao nhiêu %?",
     "11,6"),
    ("kim ngạch xuất nhập khẩu qua Chi cục Bản Vược 9 tháng năm 2059?", "3.412,8"),
])
def test_the_reports_own_unit_asked_is_no_subclass(customs, question: str, value: str) -> None:
    answer = customs.ask(question, AskOptions(today=date(2059, 12, 1)))
    assert value in answer.answer
    assert answer.period_match == "exact"
