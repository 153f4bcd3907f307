"""English "how many <product> were produced / made / manufactured / harvested" (and "did the
province produce") asks the product's output, not a count of the product as a unit: the
amount is "Sản lượng <product>" for the period asked (rag.search.query._MADE_AFTER_RE), and an
English question's glossary terms keep their diacritics when its words are read into runs
("giày dép da": leather, no "đã"; rag.answer.intent.read_intent).  Glossary words a statistics
office's report writes -- knitted/knitwear ("dệt kim"), price ("giá"), live pigs ("lợn hơi"),
since / from the start of the year ("so với / từ đầu năm") -- are read (break-test bt10-b17
failures 1 and 2)."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.search.query import english_terms, unread_english
from rag.service import RagService

DOCS = [
    {"id": "tk-6-2047", "title": "Tình hình kinh tế - xã hội tháng 6 và 6 tháng năm 2047",
     "date": "2047-06-29",
     "text": "Một số sản phẩm chủ yếu tháng 6: giày dép da đạt 2,44 triệu đôi; quần áo dệt kim "
             "1,9 triệu chiếc; phân bón 18,2 nghìn tấn.\n"
             "Lũy kế 6 tháng, giày dép da đạt 13,6 triệu đôi, tăng 3,9%; quần áo dệt kim 10,3 "
             "triệu chiếc, tăng 5,2%; phân bón 97,5 nghìn tấn, tăng 2,1%.\n"
             "Vụ Đông Xuân 2047, sản lượng lúa thu hoạch đạt 84.300 tấn."},
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("english_how_many_made"), DOCS)


def _ask(service: RagService, question: str):
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2047, 7, 20)))


@pytest.mark.parametrize(("question", "expected"), [
    ("How many leather shoes were made in the first half of 2047?", "13,6"),
    ("How many pairs of leather footwear were manufactured in the first 6 months of 2047?",
     "13,6"),
    ("How many leather shoes were produced in June 2047?", "2,44"),
    ("How many knitted clothes were produced in the first 6 months of 2047?", "10,3"),
    ("How many knitwear items were made in June 2047?", "1,9"),
    ("How many tons of fertilizer were produced in the first six months of 2047?", "97,5"),
])
def test_how_many_of_a_product_made_is_its_output(service: RagService, question: str,
                                                  expected: str) -> None:
    reply = _ask(service, question)
    assert reply.found and reply.answer.startswith(expected), reply.answer


@pytest.mark.parametrize(("question", "term"), [
    ("How many leather shoes were made in 2047?", "sản lượng"),
    ("How many bricks did the province produce in 2047?", "sản lượng"),
    ("How many bricks were exported in 2047?", "xuất khẩu"),
])
def test_a_product_made_or_traded_is_not_a_count(question: str, term: str) -> None:
    terms = english_terms(question)
    assert term in terms and not any(t.startswith("bao nhiêu") for t in terms), terms


@pytest.mark.parametrize("question", [
    "How many new enterprises were registered in 2047?",  # registered: counted, not made
    "How many hectares of rice were harvested in 2047?",  # an area, not output
])
def test_counts_and_areas_stay(question: str) -> None:
    assert "sản lượng" not in english_terms(question), english_terms(question)


@pytest.mark.parametrize(("question", "terms"), [
    ("What was the price of live hogs since the beginning of the year?",
     {"giá", "lợn hơi", "so với đầu năm"}),
    ("How much knitwear was produced from the start of the year?",
     {"quần áo dệt kim", "từ đầu năm"}),
    ("How much higher are prices than at the start of the year?", {"giá", "đầu năm"}),
])
def test_glossary_words_are_read(question: str, terms: set[str]) -> None:
    assert terms <= set(english_terms(question)), english_terms(question)
    assert unread_english(question) == [], unread_english(question)
