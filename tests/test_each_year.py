"""A question over every year ("qua các năm", "các năm", "từng năm", "hằng năm") that names
no period: one line for each year the reports give the asked indicator for, in time order,
never a single figure of one year or period (issue 17 break-test, kind 1)."""

from __future__ import annotations

import pytest
from conftest import service_over


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("each_year")
    return service_over(root, [
        {"id": "tk-2025", "title": "Báo cáo tổng kết ngành du lịch năm 2025",
         "date": "2025-12-22",
         "text": "Năm 2025, doanh thu du lịch toàn tỉnh đạt 4.150 tỷ đồng, tăng 9,2% so với "
                 "năm 2024.\n\nNăm 2025, số hợp tác xã nông nghiệp là 318 hợp tác xã."},
        {"id": "tk-2026", "title": "Báo cáo tổng kết ngành du lịch năm 2026",
         "date": "2026-12-21",
         "text": "Năm 2026, doanh thu du lịch toàn tỉnh đạt 4.730 tỷ đồng, tăng 14% so với "
                 "năm 2025.\n\nTừ ngày 1/12 đến hết ngày 10/12/2026, lượng khách đến các "
                 "điểm du lịch đạt 61.300 lượt."},
        {"id": "tk-2027", "title": "Báo cáo tổng kết ngành du lịch năm 2027",
         "date": "2027-12-20",
         "text": "Năm 2027, doanh thu du lịch toàn tỉnh đạt 5.020 tỷ đồng, tăng 6,1% so với "
                 "năm 2026."},
    ])


@pytest.mark.parametrize("question", [
    "doanh thu du lịch qua các năm",
    "doanh thu du lich tung nam la bao nhieu",
    "doanh thu du lịch hằng năm đạt bao nhiêu?",
    "doanh thu du lịch các năm",
])
def test_each_year_asked_gets_a_line_a_year(service, question: str) -> None:
    answer = service.ask(question)
    assert answer.found, answer.answer
    assert [(p.period, p.answer) for p in answer.parts] == [
        ("năm 2025", "4.150 tỷ đồng"), ("năm 2026", "4.730 tỷ đồng"),
        ("năm 2027", "5.020 tỷ đồng")]
    assert all(p.citations for p in answer.parts)


def test_each_year_of_an_indicator_given_once_is_that_year(service) -> None:
    answer = service.ask("số hợp tác xã nông nghiệp qua các năm")
    assert answer.found, answer.answer
    assert answer.answer == "318 hợp tác xã"
    assert "2025" in (answer.summary or "")
