"""English questions about the social and economic indicators a monthly report states beside
trade -- growth, unemployment, traffic accidents, credit -- find them (break-test b17 K15):
a short question with a single English marker word ("GRDP growth in 2032?") is English, and
the glossary (rag.vi.lexicon.ENGLISH) gives its indicator's Vietnamese words."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.search.query import is_english, vietnamese_terms
from rag.service import RagService

DOCS = [
    {"id": "ktxh-2032", "title": "Báo cáo tình hình kinh tế - xã hội năm 2032",
     "date": "2032-12-20",
     "text": "Tổng sản phẩm trên địa bàn (GRDP) năm 2032 ước tăng 6,95% so với năm 2031.\n"
             "Tỷ lệ thất nghiệp khu vực thành thị quý IV/2032 là 2,27%.\n"
             "Cả năm 2032 xảy ra 274 vụ tai nạn giao thông, làm chết 118 người, bị thương "
             "205 người.\n"
             "Đến cuối tháng 11/2032, tổng dư nợ cho vay trên địa bàn đạt 96.700 tỷ đồng; "
             "nợ xấu chiếm 1,14% tổng dư nợ."},
    # forestry and transport (break-test b17 G; a real report's "trồng rừng tập trung 11
    # tháng đạt 10.215 ha", dev-reports dv03)
    {"id": "ktxh-thang11-2032", "title": "Tình hình kinh tế - xã hội tháng 11 năm 2032",
     "date": "2032-11-28",
     "text": "Trồng rừng tập trung 11 tháng năm 2032 đạt 10.215 ha, bằng 94% kế hoạch.\n"
             "Khối lượng vận chuyển hàng hóa tháng 11/2032 ước đạt 1,54 triệu tấn, tăng 6,1% "
             "so với cùng kỳ.\n"
             "Vận chuyển hành khách tháng 11/2032 ước đạt 1,12 triệu lượt khách."},
]


@pytest.mark.parametrize("question", [
    "GRDP growth in 2032?",
    "urban unemployment rate in Q4 2032?",
    "How many traffic accidents were there in 2032?",
    "outstanding loans at the end of November 2032?",
    "How much forest was planted in 2032?",
    "freight transported in November 2032?",
])
def test_short_english_questions_are_english(question: str) -> None:
    assert is_english(question)
    assert vietnamese_terms(question)


@pytest.mark.parametrize("question", [
    "tang truong kinh te nam 2032",
    "ty le that nghiep thanh thi quy 4 2032",
    "chi so CPI the nao trong nam 2032",
    "so vu tai nan giao thong in 2032",
])
def test_vietnamese_without_diacritics_is_not(question: str) -> None:
    assert not is_english(question)


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("english_indicators"), DOCS)


@pytest.mark.parametrize(("question", "expected"), [
    ("How much did GRDP grow in 2032?", "6,95%"),
    ("What was the urban unemployment rate in Q4 2032?", "2,27%"),
    ("How many traffic accidents were there in 2032?", "274"),
    ("What was the bad debt ratio at the end of November 2032?", "1,14%"),
    ("How many hectares of forest were planted in the first 11 months of 2032?", "10.215"),
    ("How much freight was transported in November 2032?", "1,54"),
    ("How many passengers were transported in November 2032?", "1,12"),
])
def test_english_indicator_questions_are_answered(service: RagService, question: str,
                                                  expected: str) -> None:
    reply = service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2033, 3, 1)))
    assert reply.found and expected in reply.answer, reply.answer
