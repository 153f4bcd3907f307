"""The share of the year's plan a part-year figure reached, asked with the reports' other
verbs and forms (break-test s39 I, kind 2): "Thu ngân sách 9 tháng hoàn thành bao nhiêu % dự
toán năm?" and "... thực hiện được bao nhiêu % kế hoạch?" were refused (the verb read as a word
of the indicator, rag.answer.intent._PLAN_VERB_ASKED_RE), and "bằng bao nhiêu % so với dự toán
năm" was read as an index of this period over a base one, answered with a whole sentence
(rag.answer.question._INDEX_RE).  The share answering is the part-year's own ("Thu ngân sách 6
tháng ước đạt 3.150 tỷ đồng, bằng 52,3% dự toán năm"); the whole year asked is not answered
exactly by it."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService

BUDGET = ("BÁO CÁO TÌNH HÌNH KINH TẾ - XÃ HỘI TỈNH ĐÔNG KHÊ 9 THÁNG NĂM 2079\n\n"
          "Thu ngân sách nhà nước trên địa bàn 9 tháng ước đạt 4.720 tỷ đồng, bằng 78,4% dự "
          "toán năm, tăng 6,2% so với cùng kỳ.\n")
INDUSTRY = ("BÁO CÁO NGÀNH CÔNG THƯƠNG THÁNG 6 NĂM 2079\n\n"
            "Lũy kế 6 tháng, giá trị sản xuất công nghiệp ước đạt 9.380 tỷ đồng, đạt 46,2% kế "
            "hoạch năm, tăng 7,7% so với cùng kỳ.\n")
RETAIL = ("BÁO CÁO THƯƠNG MẠI QUÝ I NĂM 2079\n\n"
          "Quý I/2079, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng ước đạt 6.115 "
          "tỷ đồng, bằng 23,9% kế hoạch năm. Ước cả năm 2079, tổng mức bán lẻ hàng hóa và "
          "doanh thu dịch vụ tiêu dùng đạt 25.900 tỷ đồng, bằng 101,2% kế hoạch.\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("plan_share_part_year"), {
        "ktxh_9t_2079.txt": BUDGET, "ct_6t_2079.txt": INDUSTRY, "tm_q1_2079.txt": RETAIL})


def _ask(service: RagService, question: str, today: date):  # type: ignore[no-untyped-def]
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=today))


@pytest.mark.parametrize("question, today, figure", [
    ("Thu ngân sách 9 tháng hoàn thành bao nhiêu % dự toán năm?", date(2079, 10, 8), "78,4%"),
    ("Thu ngân sách 9 tháng năm 2079 bằng bao nhiêu phần trăm so với dự toán năm?",
     date(2079, 10, 8), "78,4%"),
    ("Giá trị sản xuất công nghiệp 6 tháng thực hiện được bao nhiêu % kế hoạch năm?",
     date(2079, 7, 6), "46,2%"),
    ("Giá trị sản xuất công nghiệp 6 tháng bằng bao nhiêu % so với kế hoạch?",
     date(2079, 7, 6), "46,2%"),
    ("Tổng mức bán lẻ quý I/2079 hoàn thành bao nhiêu phần trăm kế hoạch năm?",
     date(2079, 4, 6), "23,9%"),
])
def test_the_part_years_share_of_the_plan(service: RagService, question: str, today: date,
                                          figure: str) -> None:
    answer = _ask(service, question, today)
    assert answer.found and answer.answer == figure, answer.answer
    assert answer.period_match == "exact", answer.period_match


def test_the_whole_year_asked_takes_the_years_share(service: RagService) -> None:
    answer = _ask(service, "Tổng mức bán lẻ cả năm 2079 hoàn thành bao nhiêu % kế hoạch?",
                  date(2079, 4, 6))
    assert answer.found and answer.answer == "101,2%", answer.answer


def test_the_whole_year_is_not_answered_exactly_by_the_part(service: RagService) -> None:
    # only the 9 months' share is reported: not the year's, at most offered as partial
    answer = _ask(service, "Thu ngân sách cả năm 2079 hoàn thành bao nhiêu % dự toán?",
                  date(2079, 10, 8))
    assert not answer.found or answer.period_match != "exact", answer


def test_an_index_asked_stays_an_index(service: RagService) -> None:
    # "bằng bao nhiêu % so với cùng kỳ": this period over last year's, not a plan's share
    answer = _ask(service, "Thu ngân sách 9 tháng bằng bao nhiêu % so với cùng kỳ?",
                  date(2079, 10, 8))
    assert answer.answer != "78,4%", answer.answer
