"""A cut-off day or running part of the year stated in a report's lead ("tính đến hết ngày
15/12/2031", "từ đầu năm đến ngày 30/11", "11 tháng năm 2031", "lũy kế đến ...") is the period
of its later paragraphs' figures that state none, until another period is stated -- not the
title's bare year, which only names the year the cut-off falls in (issue 17 break-test bt17c:
a customs article's "nhập khẩu 2.590 triệu USD", "hàng địa phương ... 96,4 triệu USD" answered
exact for "năm 2026" and refused "tính đến 15/12/2026").  Near-misses: a lead stating the
whole year keeps the year; a paragraph stating its own period keeps it; a count at a day of
an earlier year in the lead does not cut the title's year.  Reports written for these tests."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract

CUSTOMS_TITLE = "Hải quan Cao Lộc: kim ngạch xuất nhập khẩu năm 2031 đạt hơn 3 tỷ USD"
CUSTOMS = (
    CUSTOMS_TITLE + "\nCập nhật 18/12/2031\n\n"
    "Theo Chi cục Hải quan cửa khẩu Cao Lộc, tính đến hết ngày 15/12/2031, tổng kim ngạch xuất "
    "nhập khẩu hàng hóa qua địa bàn đạt 3.140 triệu USD, tăng 12,4% so với cùng kỳ năm 2030.\n"
    "Riêng hàng nông sản, kim ngạch xuất khẩu đạt 412,6 triệu USD, tăng 9,1%. Số doanh nghiệp "
    "làm thủ tục xuất nhập khẩu là 865 doanh nghiệp.\n"
    "Theo cửa khẩu, cửa khẩu Bảo Lâm dẫn đầu với 1.530 triệu USD, chiếm 48,7% tổng kim ngạch.\n"
    "Riêng tháng 11/2031, kim ngạch xuất nhập khẩu đạt 286 triệu USD.\n")
BUDGET_TITLE = "Thu ngân sách nhà nước năm 2031 ước vượt dự toán"
BUDGET = (
    "Từ đầu năm đến ngày 30/11/2031, tổng thu ngân sách nhà nước trên địa bàn tỉnh đạt 7.420 "
    "tỷ đồng, bằng 106% dự toán.\n"
    "Thu nội địa đạt 3.180 tỷ đồng, bằng 98,2% dự toán. Thu tiền sử dụng đất đạt 640 tỷ đồng.\n"
    "Tổng chi ngân sách địa phương đạt 11.260 tỷ đồng.\n")
OCOP_TITLE = "Chương trình OCOP năm 2031: nâng cao chất lượng sản phẩm"
OCOP = (
    "Tính đến ngày 10/12/2031, toàn tỉnh có 263 sản phẩm OCOP còn hiệu lực.\n"
    "Số chủ thể tham gia chương trình là 171 chủ thể, trong đó có 64 hợp tác xã.\n")
INDUSTRY_TITLE = "Sản xuất công nghiệp năm 2031 duy trì đà tăng trưởng"
INDUSTRY = (
    "Trong 11 tháng năm 2031, chỉ số sản xuất công nghiệp toàn tỉnh tăng 8,4% so với cùng kỳ.\n"
    "Sản lượng xi măng đạt 1,94 triệu tấn; điện sản xuất đạt 1.120 triệu kWh.\n")
# near-misses: the lead states the whole year; the lead's count is at a day of 2030
TOURISM_TITLE = "Du lịch năm 2031 khởi sắc"
TOURISM = (
    "Năm 2031, toàn tỉnh đón 3,26 triệu lượt khách du lịch, tăng 11% so với năm 2030.\n"
    "Doanh thu du lịch đạt 4.180 tỷ đồng.\n")
FIRMS_TITLE = "Phát triển doanh nghiệp năm 2031"
FIRMS = (
    "Tính đến ngày 31/12/2030, toàn tỉnh có 4.870 doanh nghiệp đang hoạt động.\n"
    "Số doanh nghiệp thành lập mới đạt 512 doanh nghiệp.\n")


def _labels(text: str, title: str, day: str = "2031-12-18") -> dict[str, str]:
    return {f.value: f.period.label if f.period else "" for f in extract(text, title, day)}


@pytest.mark.parametrize(("text", "title", "value", "label"), [
    (CUSTOMS, CUSTOMS_TITLE, "412,6 triệu USD", "tính đến 15/12/2031"),
    (CUSTOMS, CUSTOMS_TITLE, "865 doanh nghiệp", "tính đến 15/12/2031"),
    (CUSTOMS, CUSTOMS_TITLE, "1.530 triệu USD", "tính đến 15/12/2031"),
    (BUDGET, BUDGET_TITLE, "3.180 tỷ đồng", "tính đến 30/11/2031"),
    (BUDGET, BUDGET_TITLE, "11.260 tỷ đồng", "tính đến 30/11/2031"),
    (OCOP, OCOP_TITLE, "171 chủ thể", "thời điểm 10/12/2031"),
    (INDUSTRY, INDUSTRY_TITLE, "1,94 triệu tấn", "11 tháng năm 2031"),
], ids=["customs-part", "customs-count", "customs-gate", "budget-part", "budget-spending",
        "ocop-count", "industry-11-months"])
def test_the_leads_cut_off_dates_the_later_paragraphs(text: str, title: str, value: str,
                                                      label: str) -> None:
    # failed before: "năm 2031", the title's year
    labels = _labels(text, title)
    assert labels[value] == label, labels


def test_a_paragraph_stating_its_own_period_keeps_it() -> None:
    assert _labels(CUSTOMS, CUSTOMS_TITLE)["286 triệu USD"] == "tháng 11/2031"


@pytest.mark.parametrize(("text", "title", "value"), [
    (TOURISM, TOURISM_TITLE, "4.180 tỷ đồng"),  # the lead states the whole year
    (FIRMS, FIRMS_TITLE, "512 doanh nghiệp"),  # the lead's count is at a day of 2030
], ids=["whole-year-lead", "earlier-year-count"])
def test_a_lead_of_no_running_part_of_the_year_keeps_the_year(text: str, title: str,
                                                              value: str) -> None:
    assert _labels(text, title)[value] == "năm 2031"


DOCS = [
    {"id": "customs", "title": CUSTOMS_TITLE, "date": "2031-12-18", "text": CUSTOMS},
    {"id": "budget", "title": BUDGET_TITLE, "date": "2031-12-05", "text": BUDGET},
    {"id": "tourism", "title": TOURISM_TITLE, "date": "2032-01-10", "text": TOURISM},
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("lead-cut-off"), DOCS)


def _ask(service: RagService, question: str):  # noqa: ANN202
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2032, 1, 20)))


@pytest.mark.parametrize("question", [
    "Kim ngạch xuất khẩu hàng nông sản năm 2031?",
    "Thu nội địa năm 2031 đạt bao nhiêu?",
], ids=["customs", "budget"])
def test_the_year_asked_is_not_answered_exact_by_a_cut_off_figure(
        service: RagService, question: str) -> None:
    reply = _ask(service, question)
    # failed before: exact for the year, with "Năm 2031"
    assert not (reply.found and reply.period_match == "exact"), \
        (reply.answer, reply.period_match, reply.confidence)


@pytest.mark.parametrize(("question", "value"), [
    ("Kim ngạch xuất khẩu hàng nông sản tính đến 15/12/2031?", "412,6"),
    ("Thu nội địa từ đầu năm đến ngày 30/11/2031?", "3.180"),
], ids=["customs", "budget"])
def test_the_cut_off_asked_is_answered(service: RagService, question: str, value: str) -> None:
    reply = _ask(service, question)
    # failed before: refused, "có số liệu này cho năm 2031"
    assert reply.found and value in reply.answer, (reply.answer, reply.summary)


def test_a_lead_of_the_whole_year_still_answers_the_year(service: RagService) -> None:
    reply = _ask(service, "Doanh thu du lịch năm 2031?")
    assert reply.found and "4.180" in reply.answer and reply.period_match == "exact", \
        (reply.answer, reply.period_match)
