"""A balance stated at a month's end ("dư nợ cho vay đến cuối tháng 5/2031", "nguồn vốn huy
động đến 30/6/2031") is the figure of that month, as a count is; and an average a day or a
month ("Bình quân mỗi ngày có 2.140 lượt phương tiện") is said as one.  Reports written for
these tests (issue 17 break-test, round-1 items)."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService

DOCS = [
    {"id": "ngan-hang", "title": "Hoạt động ngân hàng tháng 5 năm 2031", "date": "2031-05-29",
     "text": "Tổng nguồn vốn huy động của các tổ chức tín dụng trên địa bàn đến cuối tháng "
             "5/2031 ước đạt 68.400 tỷ đồng. Dư nợ cho vay đến cuối tháng 5/2031 ước đạt "
             "57.900 tỷ đồng."},
    {"id": "ngan-hang-6", "title": "Hoạt động ngân hàng 6 tháng năm 2031", "date": "2031-07-02",
     "text": "Tính đến ngày 30/6/2031, dư nợ tín dụng trên địa bàn đạt 58.650 tỷ đồng. "
             "Kim ngạch xuất khẩu tính đến hết tháng 6/2031 đạt 1.920 triệu USD."},
    {"id": "cua-khau", "title": "Hoạt động cửa khẩu quý I năm 2031", "date": "2031-04-03",
     "text": "Quý I/2031, bình quân mỗi ngày có 2.140 lượt phương tiện xuất nhập cảnh qua "
             "cửa khẩu Hữu Nghị. Bình quân mỗi tháng có 320 doanh nghiệp tham gia xuất nhập "
             "khẩu qua cửa khẩu."},
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("balances"), DOCS)


def ask(service: RagService, question: str):  # noqa: ANN201
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2031, 9, 1)))


@pytest.mark.parametrize(("question", "expected", "said"), [
    ("dư nợ cho vay tháng 5/2031", "57.900 tỷ đồng", "tháng 5/2031"),
    ("nguồn vốn huy động tháng 5/2031", "68.400 tỷ đồng", "tháng 5/2031"),
    ("dư nợ tín dụng tháng 6/2031", "58.650 tỷ đồng", "30/6/2031"),
])
def test_a_balance_at_a_months_end_is_that_months(service: RagService, question: str,
                                                  expected: str, said: str) -> None:
    reply = ask(service, question)
    assert reply.found and reply.answer.startswith(expected), reply.answer
    assert reply.period_match == "exact" and said in (reply.summary or ""), reply.summary


def test_a_flow_to_date_is_not_the_months(service: RagService) -> None:
    # "tính đến hết tháng 6" of exports is January to June, not June's
    reply = ask(service, "kim ngạch xuất khẩu tháng 6/2031")
    assert not (reply.found and reply.period_match == "exact"), reply.answer


@pytest.mark.parametrize(("question", "expected", "said"), [
    ("bình quân mỗi ngày có bao nhiêu lượt phương tiện xuất nhập cảnh quý I/2031",
     "2.140 lượt phương tiện", "bình quân mỗi ngày có 2.140"),
    ("bình quân mỗi tháng có bao nhiêu doanh nghiệp tham gia xuất nhập khẩu quý I/2031",
     "320 doanh nghiệp", "bình quân mỗi tháng có 320"),
])
def test_an_average_is_said_as_one(service: RagService, question: str, expected: str,
                                   said: str) -> None:
    reply = ask(service, question)
    assert reply.found and reply.answer.startswith(expected), reply.answer
    assert said in (reply.summary or ""), reply.summary
