"""A change asked of an indicator whose reports state only its level, while a sibling
indicator of the same sentence states its rate (issue 17, break-test bt12-b17 failure 3):
"doanh thu du lịch ... tăng bao nhiêu %?" of "đón N lượt khách, tăng X%; doanh thu từ du
lịch ước M tỷ đồng" is refused naming the level M -- never answered by the visitors' X%.
The sibling's own rate, and the level itself, still answer -- and "quy mô GRDP" asks the
level in money, not the growth (its "quy mô" a generic head, as "giá trị" is).

Wordings, indicators, periods and numbers differ from the break-test's example."""

from __future__ import annotations

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService

TEXT = (
    "Du lịch: 8 tháng năm 2044 đón 2,64 triệu lượt khách, tăng 15,3%; doanh thu từ du lịch "
    "đạt 3.970 tỷ đồng.\n\n"
    "Vận tải: 8 tháng năm 2044 vận chuyển 6,72 triệu tấn hàng hóa, tăng 9,8% so với cùng kỳ; "
    "doanh thu vận tải kho bãi ước 2.385 tỷ đồng.\n\n"
    "Xuất khẩu 8 tháng năm 2044 đạt 734 triệu USD, tăng 18,6%; kim ngạch nhập khẩu của doanh "
    "nghiệp FDI đạt 212 triệu USD.\n\n"
    "Tổng sản phẩm trên địa bàn (GRDP) 8 tháng năm 2044 ước đạt 31.640 tỷ đồng, tăng 6,8% so "
    "với cùng kỳ.\n")
DOCS = [{"id": "tk-8-2044", "title": "Báo cáo tình hình kinh tế - xã hội tháng 8 năm 2044",
         "date": "2044-08-29", "text": TEXT}]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("sibling_rate"), DOCS)


def ask(service: RagService, question: str):  # noqa: ANN201
    return service.ask(question, AskOptions(retrieval_mode="lexical"))


@pytest.mark.parametrize(("question", "level", "sibling"), [
    ("doanh thu du lịch 8 tháng 2044 tăng bao nhiêu phần trăm?", "3.970 tỷ đồng", "15,3%"),
    ("doanh thu từ du lịch 8 tháng năm 2044 tăng bao nhiêu % so với cùng kỳ?",
     "3.970 tỷ đồng", "15,3%"),
    ("doanh thu vận tải kho bãi 8 tháng 2044 tăng bao nhiêu %?", "2.385 tỷ đồng", "9,8%"),
    ("kim ngạch nhập khẩu của doanh nghiệp FDI 8 tháng 2044 tăng bao nhiêu?",
     "212 triệu USD", "18,6%"),
])
def test_a_sibling_rate_is_no_answer_the_level_is_named(
        service: RagService, question: str, level: str, sibling: str) -> None:
    answer = ask(service, question)
    assert not answer.found, (answer.answer, answer.summary)
    assert level in answer.answer and sibling not in answer.answer, answer.answer


@pytest.mark.parametrize(("question", "expected"), [
    ("lượt khách du lịch 8 tháng 2044 tăng bao nhiêu %?", "15,3%"),
    ("doanh thu du lịch 8 tháng 2044 đạt bao nhiêu?", "3.970 tỷ đồng"),
    ("xuất khẩu 8 tháng năm 2044 tăng bao nhiêu %?", "18,6%"),
    ("doanh thu vận tải kho bãi 8 tháng 2044 là bao nhiêu?", "2.385 tỷ đồng"),
    ("quy mô GRDP 8 tháng năm 2044 đạt bao nhiêu?", "31.640 tỷ đồng"),
    ("quy mô tổng sản phẩm trên địa bàn 8 tháng 2044 là bao nhiêu?", "31.640 tỷ đồng"),
    ("GRDP 8 tháng năm 2044 tăng bao nhiêu?", "6,8%"),
])
def test_the_stated_figure_answers(service: RagService, question: str, expected: str) -> None:
    answer = ask(service, question)
    assert answer.found and answer.answer == expected, (answer.answer, answer.summary)
