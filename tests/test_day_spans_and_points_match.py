"""Day spans and points in time match by the days they cover (break-test bt9-b17 failures 6
and 7): a figure of "từ 1/9 đến 10/9" covers only part of "nửa đầu tháng 9" (1-15/9), so it is
partial, never exact (the 7-day tolerance is for a cumulative count closed a few days early);
and a point in time asked ("tại thời điểm D", "ngày D", "tính đến D") is the same period as a
figure of that day written any of these ways -- no partial note "chỉ có số liệu ngày D (chưa
có số liệu cả thời điểm D)" naming one day twice."""

from __future__ import annotations

import re
from datetime import date

import pytest
from conftest import service_over

from rag.answer.figures import period_match
from rag.records import AskOptions
from rag.service import RagService
from rag.vi.asked import Asked
from rag.vi.calendar import (
    day_period,
    days_period,
    month_period,
    months_period,
    relation,
    to_date_period,
)
from rag.vi.mentions import find_mentions


def _period(text: str, year: int = 2053):  # type: ignore[no-untyped-def]
    found = find_mentions(text, year)
    assert len(found) == 1, found
    return found[0].period


@pytest.mark.parametrize(("asked", "stated", "expected"), [
    (days_period(date(2053, 3, 1), date(2053, 3, 15)),
     days_period(date(2053, 3, 1), date(2053, 3, 12)), "partial"),
    (days_period(date(2053, 11, 16), date(2053, 11, 30)),
     days_period(date(2053, 11, 16), date(2053, 11, 25)), "partial"),
    (days_period(date(2053, 3, 1), date(2053, 3, 12)),
     days_period(date(2053, 3, 1), date(2053, 3, 12)), "exact"),
    (month_period(2053, 7), days_period(date(2053, 7, 1), date(2053, 7, 26)), "partial"),
    # the tolerance stays for a cumulative count closed early: "tính đến 27/8" is "8 tháng"
    (months_period(2053, 8), to_date_period(date(2053, 8, 27)), "exact"),
    (to_date_period(date(2053, 8, 31)), months_period(2053, 8), "exact"),
])
def test_a_span_of_named_days_is_exact_only_when_equal(asked, stated, expected) -> None:  # type: ignore[no-untyped-def]
    assert relation(asked, stated) == expected


def test_named_days_in_words_against_a_shorter_range() -> None:
    asked = _period("nửa đầu tháng 5/2053")
    stated = _period("từ ngày 1/5 đến hết ngày 9/5/2053")
    assert relation(asked, stated) == "partial"
    assert relation(_period("2 tuần đầu tháng 5/2053"), stated) == "partial"
    assert relation(_period("từ ngày 1/5 đến ngày 9/5/2053"), stated) == "exact"


@pytest.mark.parametrize(("asked", "stated"), [
    ("tại thời điểm 20/4/2053", "ngày 20/4/2053"),
    ("vào thời điểm ngày 20/4/2053", "sáng ngày 20/4/2053"),
    ("ngày 20/4/2053", "tại thời điểm 20/4/2053"),
    ("thời điểm 30/6/2053", "tính đến 30/6/2053"),
])
def test_a_point_in_time_is_the_day_s_figure(asked: str, stated: str) -> None:
    want, period = _period(asked), _period(stated)
    # whatever the figure (a flow or a stock), a point in time written so is that day
    assert period_match(Asked((want,)), period, want, stock=False) == "exact"


@pytest.mark.parametrize(("asked", "stated"), [
    ("tính đến 12/10/2053", "ngày 12/10/2053"),
    ("ngày 12/10/2053", "tính đến hết ngày 12/10/2053"),
])
def test_what_stands_at_a_day_counted_to_it_is_that_day_s(asked: str, stated: str) -> None:
    want, period = _period(asked), _period(stated)
    assert period_match(Asked((want,)), period, want, stock=True) == "exact"


def test_a_flow_of_a_day_is_no_total_to_that_day() -> None:
    want = to_date_period(date(2053, 6, 7))
    assert period_match(Asked((want,)), day_period(date(2053, 6, 7)), want) == "partial"


DOCS = [
    {"id": "dv-t3", "title": "Dịch vụ du lịch tháng 3 năm 2053", "date": "2053-03-14",
     "text": "Từ ngày 1/3 đến hết ngày 12/3/2053, doanh thu dịch vụ lưu trú đạt 64 tỷ đồng.\n"
             "Tháng 2/2053, doanh thu dịch vụ lưu trú đạt 131 tỷ đồng."},
    {"id": "ck-t5", "title": "Tình hình cửa khẩu tháng 5 năm 2053", "date": "2053-05-06",
     "text": "Tại thời điểm 10 giờ ngày 5/5/2053, tại cửa khẩu Bắc Phong còn tồn 97 xe hàng "
             "chờ thông quan.\n"
             "Ngày 7/6/2053, kim ngạch xuất khẩu qua cửa khẩu Bắc Phong đạt 9,4 triệu USD."},
    {"id": "nh-t4", "title": "Hoạt động ngân hàng tháng 4 năm 2053", "date": "2053-04-22",
     "text": "Tính đến ngày 20/4/2053, dư nợ tín dụng trên địa bàn tỉnh đạt 48.600 tỷ đồng."},
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("spans_points"), DOCS)


def _ask(service: RagService, question: str):  # type: ignore[no-untyped-def]
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2053, 6, 20)))


@pytest.mark.parametrize("question", [
    "doanh thu dịch vụ lưu trú nửa đầu tháng 3/2053?",
    "doanh thu dịch vụ lưu trú 15 ngày đầu tháng 3/2053 đạt bao nhiêu?",
])
def test_a_shorter_day_range_is_said_as_part(service: RagService, question: str) -> None:
    reply = _ask(service, question)
    assert reply.period_match != "exact"
    if reply.found:
        assert "64" in reply.answer and reply.period_match == "partial"
        assert "chưa có số liệu" in (reply.summary or "")


def test_the_same_day_range_is_exact(service: RagService) -> None:
    reply = _ask(service, "doanh thu dịch vụ lưu trú từ 1/3 đến 12/3/2053?")
    assert reply.found and "64" in reply.answer and reply.period_match == "exact"


@pytest.mark.parametrize(("question", "expected"), [
    ("số xe hàng tồn ở cửa khẩu Bắc Phong tại thời điểm 5/5/2053?", "97"),
    ("số xe hàng tồn ở cửa khẩu Bắc Phong tại thời điểm ngày 5/5/2053?", "97"),
    ("số xe hàng tồn ở cửa khẩu Bắc Phong ngày 5/5/2053?", "97"),
    ("dư nợ tín dụng trên địa bàn tỉnh tại thời điểm 20/4/2053?", "48.600"),
    ("dư nợ tín dụng trên địa bàn tỉnh ngày 20/4/2053?", "48.600"),
])
def test_a_point_in_time_asked_is_answered_exactly(service: RagService, question: str,
                                                   expected: str) -> None:
    reply = _ask(service, question)
    assert reply.found and expected in reply.answer, reply.answer
    assert reply.period_match == "exact", reply.summary


def _no_day_twice(note: str) -> None:
    head = note.split("):")[0]
    days = re.findall(r"\d{1,2}/\d{1,2}/\d{4}", head)
    assert len(days) == len(set(days)), note


def test_a_partial_note_never_names_one_day_twice(service: RagService) -> None:
    reply = _ask(service, "kim ngạch xuất khẩu qua cửa khẩu Bắc Phong tính đến 7/6/2053?")
    if reply.found and reply.period_match == "partial":
        _no_day_twice(reply.summary or "")
