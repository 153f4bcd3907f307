"""A count of what stands (products, cooperatives, shops) given at two days of one year: the
later one -- at a day of December in a year-end report -- is the year's count and the count
"hiện có" (now), not the one at 30/6, nor a part of the year's additions (issue 17, break-test
bt17c #205, #68 and "hiện có": rag.vi.asked reads "hiện có" as "hiện nay";
rag.answer.figures.period_match takes a December count as the year's; latest_first puts a
count at a day before a year's figure).  A flow to a day of December stays part of the year,
and "thực hiện có" asks no "now".  Reports written for these tests."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.asked import question_periods

DOCS = [
    {"id": "htx", "title": "Kinh tế tập thể tỉnh năm 2033 có nhiều chuyển biến",
     "date": "2033-12-24",
     "text": "Tính đến ngày 30/6/2033, toàn tỉnh có 402 hợp tác xã đang hoạt động. Đến ngày "
             "18/12/2033, tổng số hợp tác xã trên địa bàn tỉnh là 437 hợp tác xã, trong đó có "
             "12 hợp tác xã loại giỏi. Riêng năm 2033, toàn tỉnh thành lập mới 41 hợp tác xã, "
             "trong đó 9 hợp tác xã nông nghiệp."},
    {"id": "ocop", "title": "Chương trình OCOP năm 2035", "date": "2035-12-27",
     "text": "Hết quý II/2035, tỉnh có 166 sản phẩm OCOP được công nhận. Tính đến ngày "
             "22/12/2035, tổng số sản phẩm OCOP của tỉnh đã nâng lên 189 sản phẩm, trong đó 2 "
             "sản phẩm đạt 5 sao, 30 sản phẩm đạt 4 sao. Trong năm 2035, Hội đồng đánh giá "
             "cấp tỉnh công nhận mới 23 sản phẩm, trong đó 5 sản phẩm 4 sao."},
    {"id": "cuakhau", "title": "Cửa khẩu Bảo Lâm năm 2038", "date": "2038-12-22",
     "text": "Tính đến ngày 20/12/2038, lượng phương tiện xuất nhập cảnh qua cửa khẩu Bảo Lâm "
             "trong năm đạt 96.300 lượt xe; lượng khách du lịch qua cửa khẩu đạt 41.800 lượt "
             "khách."},
    {"id": "xk", "title": "Xuất nhập khẩu năm 2037", "date": "2037-12-20",
     "text": "Tính đến ngày 15/12/2037, kim ngạch xuất khẩu qua địa bàn tỉnh đạt 3.140 triệu "
             "USD."},
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("stock-year-end"), DOCS)


def _ask(service: RagService, question: str, today: date):
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=today))


@pytest.mark.parametrize(("question", "today", "expected"), [
    ("Tổng số hợp tác xã của tỉnh năm 2033?", date(2034, 2, 1), "437 hợp tác xã"),
    ("Số hợp tác xã năm 2033 là bao nhiêu?", date(2034, 2, 1), "437 hợp tác xã"),
    ("Tổng số sản phẩm OCOP của tỉnh năm 2035?", date(2036, 1, 10), "189 sản phẩm"),
    ("tong so san pham ocop nam 2035", date(2036, 1, 10), "189 sản phẩm"),
])
def test_the_year_is_its_december_count(service: RagService, question: str, today: date,
                                        expected: str) -> None:
    reply = _ask(service, question, today)
    assert reply.found and reply.answer.startswith(expected), (reply.answer, reply.summary)


@pytest.mark.parametrize(("question", "today", "expected"), [
    ("Toàn tỉnh hiện có bao nhiêu hợp tác xã?", date(2034, 1, 5), "437 hợp tác xã"),
    ("Số sản phẩm OCOP hiện có?", date(2036, 1, 10), "189 sản phẩm"),
    ("so san pham OCOP hien co", date(2036, 1, 10), "189 sản phẩm"),
])
def test_what_there_is_now_is_the_latest_count(service: RagService, question: str,
                                               today: date, expected: str) -> None:
    reply = _ask(service, question, today)
    assert reply.found and reply.answer.startswith(expected), (reply.answer, reply.summary)


def test_the_half_year_keeps_its_own_count(service: RagService) -> None:
    reply = _ask(service, "Số sản phẩm OCOP 6 tháng đầu năm 2035?", date(2036, 1, 10))
    assert reply.found and reply.answer.startswith("166 sản phẩm"), reply.answer


def test_a_flow_to_december_is_still_part_of_the_year(service: RagService) -> None:
    reply = _ask(service, "Kim ngạch xuất khẩu qua địa bàn tỉnh năm 2037?", date(2038, 1, 5))
    assert reply.period_match != "exact", (reply.answer, reply.period_match)


@pytest.mark.parametrize(("question", "now"), [
    ("Lạng Sơn hiện có bao nhiêu sản phẩm OCOP?", True),
    ("lang son hien co bao nhieu san pham ocop", True),
    ("Vốn đầu tư thực hiện có tăng so với năm 2033 không?", False),
    ("Phát hiện có bao nhiêu vụ buôn lậu năm 2033?", False),
])
def test_hien_co_is_now(question: str, now: bool) -> None:
    asked = question_periods(question, date(2034, 1, 5))
    assert (asked.latest is not None) is now


@pytest.mark.parametrize(("question", "value"), [
    ("Lượng phương tiện xuất nhập cảnh qua cửa khẩu Bảo Lâm năm 2038?", "96.300"),
    ("Lượng khách du lịch qua cửa khẩu Bảo Lâm năm 2038?", "41.800"),
])
def test_turns_to_a_december_day_are_no_year(service: RagService, question: str,
                                             value: str) -> None:
    """Turns that passed ("lượt xe", "lượt khách") to a day of December are part of the year,
    said with their day, never the year's figure (bt17c #95: 182.400 lượt xe "tính đến ngày
    20/12/2026" answered as the year's, exact at 1.0, once the December rule came in)."""
    reply = _ask(service, question, date(2039, 1, 10))
    assert not reply.found or (value in reply.answer and reply.period_match == "partial"), \
        (reply.answer, reply.period_match, reply.confidence)
