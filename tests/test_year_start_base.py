"""A base written as the end of the year before ("so với đầu năm", "so với tháng 12 năm
trước", "so với cuối năm 2031", "compared with December 2031") names the base of a price index
or a balance stated "so với tháng 12/2031" / "so với cuối năm 2031", not the month before
(break-test b17 K2); and a base with no year ("so với tháng 5", "thấp hơn quý I") is a base of
the asked period's year, never a second period asked (b17 K3): the change stated against it is
the answer."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.search.query import analyze
from rag.service import RagService
from rag.vi.asked import question_periods
from rag.vi.calendar import base_kind, month_period, quarter_period, to_date_period, year_period

DOCS = [
    {"id": "tk-t6", "title": "Tình hình kinh tế - xã hội tháng 6 năm 2032", "date": "2032-06-28",
     "text": "Chỉ số giá tiêu dùng (CPI) tháng 6/2032 tăng 0,21% so với tháng trước, tăng "
             "2,64% so với tháng 12/2031 và tăng 4,08% so với cùng kỳ năm trước.\n"
             "Đến cuối tháng 6/2032, tổng nguồn vốn huy động trên địa bàn đạt 54.100 tỷ đồng, "
             "tăng 5,2% so với cuối năm 2031; tổng dư nợ cho vay đạt 71.800 tỷ đồng, tăng 6,7% "
             "so với cuối năm 2031.\n"
             "Tháng 6/2032, kim ngạch xuất nhập khẩu qua các cửa khẩu đạt 455 triệu USD, tăng "
             "3,3% so với tháng 5/2032 và tăng 11,9% so với tháng 6/2031.\n"
             "Tỷ lệ thất nghiệp khu vực thành thị quý II/2032 là 2,18%, thấp hơn 0,27 điểm phần "
             "trăm so với quý I/2032."},
]


@pytest.mark.parametrize(("base", "period", "kind"), [
    (month_period(2031, 12), month_period(2032, 6), "year_start"),
    (to_date_period(date(2031, 12, 31)), to_date_period(date(2032, 6, 30)), "year_start"),
    (month_period(2031, 12), month_period(2032, 1), "previous"),  # both, the month before
    (year_period(2031), year_period(2032), "same_period"),
    (quarter_period(2031, 4), quarter_period(2032, 1), "previous"),
])
def test_the_end_of_the_year_before_is_its_own_kind(base, period, kind) -> None:  # type: ignore[no-untyped-def]
    assert base_kind(base, period) == kind


@pytest.mark.parametrize(("question", "compared"), [
    ("kim ngạch tháng 6/2032 so với tháng 5", "tháng 5/2032"),
    ("tỷ lệ thất nghiệp quý II/2032 thấp hơn quý I bao nhiêu điểm phần trăm?", "quý I/2032"),
    ("CPI tháng 6/2032 so với tháng 12 năm trước", "tháng 12/2031"),
])
def test_a_base_without_its_year_takes_the_asked_period_s(question: str, compared: str) -> None:
    asked = question_periods(analyze(question).expanded, date(2033, 3, 1))
    assert [p.label for p in asked.compared] == [compared]
    assert len(asked.periods) == 1


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("year_start"), DOCS)


@pytest.mark.parametrize(("question", "expected"), [
    ("CPI tháng 6/2032 tăng bao nhiêu so với đầu năm?", "2,64%"),
    ("CPI tháng 6/2032 so với tháng 12 năm trước", "2,64%"),
    ("How much did CPI rise in June 2032 compared with December 2031?", "2,64%"),
    ("dư nợ cho vay cuối tháng 6/2032 tăng bao nhiêu so với cuối năm 2031?", "6,7%"),
    ("nguồn vốn huy động cuối tháng 6/2032 tăng bao nhiêu % so với đầu năm?", "5,2%"),
    ("tỷ lệ thất nghiệp thành thị quý II/2032 thấp hơn quý I bao nhiêu điểm phần trăm?",
     "0,27 điểm phần trăm"),
    ("kim ngạch xuất nhập khẩu tháng 6/2032 so với tháng 5", "3,3%"),
])
def test_the_change_on_that_base_is_the_answer(service: RagService, question: str,
                                               expected: str) -> None:
    reply = service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2033, 3, 1)))
    assert reply.found and expected in reply.answer, reply.answer
    for other in ("0,21%", "4,08%", "11,9%", "không nêu mức thay đổi"):
        assert other not in reply.answer
