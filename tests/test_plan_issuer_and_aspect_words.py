"""Whose plan a target amount is, and tense words in the statement check (session 47, s170).

- A budget report names two plans of one indicator by who set them ("dự toán Trung ương giao
  7.110 tỷ đồng; HĐND tỉnh giao 7.350 tỷ đồng", "bằng 71,2% dự toán HĐND tỉnh giao (3.385 tỷ
  đồng)"): the issuer written before the amount is the target's own, so a question naming it
  takes that amount, and the other issuer's amount is not it.
- "đã", "từng", "đang" typed as tense or aspect are no words a passage must write
  (rag.answer.statements.aspect_free); "Tùng" typed as a name stays.
"""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.answer.figures import plan_issuer_said
from rag.answer.statements import aspect_free
from rag.records import AskOptions
from rag.service import RagService

DOCS = {"du-toan-2041.txt": (
    "Báo cáo tình hình thu chi ngân sách năm 2041\n(10/01/2041)\n\n"
    "Dự toán thu ngân sách nhà nước trên địa bàn năm 2041 Trung ương giao 7.110 tỷ đồng; "
    "HĐND tỉnh giao 7.350 tỷ đồng.\n")}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("issuer"), DOCS)


@pytest.mark.parametrize(("question", "value"), [
    ("dự toán thu ngân sách nhà nước HĐND tỉnh giao năm 2041?", "7.350"),
    ("dự toán thu ngân sách nhà nước năm 2041 trung ương giao bao nhiêu?", "7.110"),
    ("du toan thu ngan sach HDND tinh giao nam 2041", "7.350"),
])
def test_the_issuer_asked_picks_its_plan(service: RagService, question: str,
                                         value: str) -> None:
    answer = service.ask(question, AskOptions(retrieval_mode="lexical",
                                              today=date(2041, 2, 1)))
    assert answer.found and value in answer.answer, (answer.answer, answer.summary)


def test_the_nearest_issuer_before_the_value_is_its_own() -> None:
    asked = {"trung", "uong", "giao", "hoi", "dong", "nhan", "dan", "tinh"}
    before = "Dự toán thu năm 2041 Trung ương giao 7.110 tỷ đồng; HĐND tỉnh giao "
    assert plan_issuer_said(asked, before) == {"hoi", "dong", "nhan", "dan", "tinh", "giao"}
    assert plan_issuer_said(asked, "Dự toán thu năm 2041 Trung ương giao ") == \
        {"trung", "uong", "giao"}
    assert plan_issuer_said(asked, "Thu ngân sách đạt 2.410 tỷ đồng") == frozenset()


def test_tense_words_as_typed_are_left_out() -> None:
    terms = ["ha", "chau", "da", "tung", "doi", "da_tung", "tung_co"]
    assert aspect_free(terms, "Hà Châu đã từng có bao nhiêu đội?") == ["ha", "chau", "doi"]
    # a name typed "Tùng" is no tense word
    assert aspect_free(["anh", "tung", "anh_tung"], "Anh Tùng có mấy con?") == \
        ["anh", "tung", "anh_tung"]
