"""Two ways a figure of another period or indicator answered (break-test bt7-b17, items 4, 5).

1. "từ đầu năm <năm> (đến nay)" asked a month or more after a report that gives a month's
   figure and, after ";", the running total from the start of the year ("... tháng 8 ước đạt
   212 tỷ đồng; lũy kế từ đầu năm đạt 1.604 tỷ đồng"): the running total inherits its indicator
   (Frame.parent) and scored under the month's, so the month was served as the part so far.
   The running total of the same indicator answers, said as its months (partial).
2. A level asked with "đạt bao nhiêu" and a unit of an indicator whose reports state only its
   change: the unit words brought another indicator's level near ("doanh thu dịch vụ lưu trú
   ... đạt bao nhiêu tỷ đồng" answered with the retail total in tỷ đồng); a currency asked
   ("bao nhiêu USD") was read as a thing counted, so every money figure was dropped and a
   sentence of another indicator answered.  Both are refused, naming what the reports hold.
"""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService

DOCS = {
    "kt-xh-t8-2051.txt": (
        "Báo cáo tình hình kinh tế - xã hội tháng 8 và 8 tháng năm 2051 tỉnh Bắc Vân\n"
        "Ngày đăng: 28/08/2051\n\n"
        "1. Đầu tư\n"
        "Vốn đầu tư phát triển từ nguồn ngân sách cấp huyện tháng 8 ước đạt 212 tỷ đồng; "
        "lũy kế từ đầu năm đạt 1.604 tỷ đồng, bằng 64,2% kế hoạch năm.\n"
        "Vốn đầu tư từ nguồn ngân sách cấp huyện tháng 8 tăng 5,3% so với cùng kỳ năm trước.\n\n"
        "2. Thương mại, dịch vụ\n"
        "Doanh thu bán lẻ hàng tiêu dùng tháng 8 ước đạt 1.870 tỷ đồng; tính chung từ đầu năm "
        "ước đạt 14.215 tỷ đồng, tăng 9,1% so với cùng kỳ. Doanh thu dịch vụ lưu trú tháng 8 "
        "tăng 4,8% so với cùng kỳ năm trước.\n"
        "Sản lượng điện thương phẩm tháng 8 đạt 96 triệu kWh; tính chung từ đầu năm đạt 731 "
        "triệu kWh.\n\n"
        "3. Xuất nhập khẩu\n"
        "Tổng kim ngạch xuất nhập khẩu 8 tháng năm 2051 đạt 2,74 tỷ USD. Trong đó, xuất khẩu "
        "đạt 1,62 tỷ USD; nhập khẩu đạt 1,12 tỷ USD. Riêng tháng 8, kim ngạch xuất nhập khẩu "
        "đạt 355 triệu USD.\n"),
}

TODAY = date(2051, 9, 20)  # a month after the report: "đến nay" is 9 months, not reported


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("running_total"), DOCS)


def ask(service: RagService, question: str):  # noqa: ANN201 (an Answer)
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=TODAY))


@pytest.mark.parametrize(("question", "total", "month"), [
    ("vốn đầu tư phát triển nguồn ngân sách cấp huyện từ đầu năm 2051 đến nay?",
     "1.604 tỷ đồng", "212 tỷ"),
    ("vốn đầu tư phát triển từ ngân sách cấp huyện tính chung từ đầu năm 2051 đến nay đạt "
     "bao nhiêu?", "1.604 tỷ đồng", "212 tỷ"),
    ("vốn đầu tư phát triển nguồn ngân sách cấp huyện lũy kế năm 2051?",
     "1.604 tỷ đồng", "212 tỷ"),
    ("doanh thu bán lẻ hàng tiêu dùng từ đầu năm 2051 đến nay?", "14.215 tỷ đồng", "1.870"),
    ("sản lượng điện thương phẩm tính chung từ đầu năm 2051?", "731 triệu kWh", "96 triệu"),
])
def test_months_to_date_takes_the_running_total_not_the_month(
        service: RagService, question: str, total: str, month: str) -> None:
    answer = ask(service, question)
    assert answer.found and total in answer.answer, (answer.answer, answer.summary)
    assert month not in answer.answer
    assert answer.period_match == "partial" and "8 tháng" in (answer.summary or "")


@pytest.mark.parametrize(("question", "expected"), [
    # the month itself still answers with the month's figure
    ("vốn đầu tư phát triển nguồn ngân sách cấp huyện tháng 8/2051?", "212 tỷ đồng"),
    ("vốn đầu tư phát triển nguồn ngân sách cấp huyện tháng 8/2051 đạt bao nhiêu tỷ đồng?",
     "212 tỷ đồng"),
    ("doanh thu bán lẻ hàng tiêu dùng tháng 8/2051 đạt bao nhiêu tỷ đồng?", "1.870 tỷ đồng"),
    ("sản lượng điện thương phẩm tháng 8/2051 đạt bao nhiêu kWh?", "96 triệu kWh"),
    # a currency asked is an amount, not a thing counted
    ("kim ngạch xuất nhập khẩu tháng 8/2051 đạt bao nhiêu USD?", "355 triệu USD"),
    ("kim ngạch nhập khẩu 8 tháng năm 2051 là bao nhiêu USD?", "1,12 tỷ USD"),
    ("xuất khẩu 8 tháng năm 2051 được bao nhiêu USD?", "1,62 tỷ USD"),
])
def test_the_asked_indicators_level_still_answers(
        service: RagService, question: str, expected: str) -> None:
    answer = ask(service, question)
    assert answer.found and expected in answer.answer, (answer.answer, answer.summary)


@pytest.mark.parametrize(("question", "wrong"), [
    # only the change of "doanh thu dịch vụ lưu trú" is written: no other level in tỷ đồng
    ("doanh thu dịch vụ lưu trú tháng 8/2051 đạt bao nhiêu tỷ đồng?", "1.870"),
    ("doanh thu dịch vụ lưu trú tháng 8/2051 được bao nhiêu tỷ?", "1.870"),
    # no export figure of the month: the month's total trade is no answer
    ("kim ngạch xuất khẩu tháng 8/2051 đạt bao nhiêu USD?", "355"),
    ("kim ngạch nhập khẩu tháng 8/2051 đạt bao nhiêu USD?", "355"),
])
def test_a_level_of_another_indicator_is_refused(
        service: RagService, question: str, wrong: str) -> None:
    answer = ask(service, question)
    assert not answer.found, answer.answer
    # the refusal may name the total it holds instead, as what it is (trade_total_note)
    said = answer.answer.split("Báo cáo chỉ nêu tổng kim ngạch")[0]
    assert wrong not in said, answer.answer
    assert "của tổng kim ngạch" not in answer.answer, answer.answer


def test_the_refusal_names_the_change_stated(service: RagService) -> None:
    answer = ask(service, "doanh thu dịch vụ lưu trú tháng 8/2051 đạt bao nhiêu tỷ đồng?")
    assert not answer.found and "4,8%" in answer.answer, answer.answer
