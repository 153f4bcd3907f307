"""A change asked without its unit ("tăng bao nhiêu kỳ 15/8/2063?", "thay đổi bao nhiêu phiên
20/8/2063?") is a figure question whatever unit the question names or leaves out: a noun of a
time after "bao nhiêu" ("kỳ", "phiên", "đợt" followed by the time it names) and a "máy" of "nước
máy" are no unit asked, which sent such questions to a whole sentence (issue 17).  English
"What was X compared with Y?" asks a change, "What was the price / rate / index of X in P?" a
level, and "How fast did X grow?" is read whole (bt23-b17 Q26 at 0.5).

Indicators, periods, wordings and numbers differ from the break-test's."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.answer.intent import read_intent
from rag.records import AskOptions
from rag.search.query import analyze
from rag.service import RagService

REPORT = (
    "Bản tin giá cả thị trường và tình hình kinh tế tháng 8 năm 2063 tỉnh Đông Kinh\n\n"
    "Tại kỳ khảo sát ngày 15/8/2063, giá gạo tẻ thường là 14.200 đồng/kg, giảm 300 đồng/kg so "
    "với kỳ trước; gạo nếp là 21.500 đồng/kg.\n"
    "Tỷ giá trung tâm ngày 20/8/2063 là 25.140 đồng/USD, tăng 12 đồng so với phiên trước.\n"
    "Sản lượng nước máy thương phẩm tháng 7/2063 ước đạt 1,82 triệu m3, giảm 2,6% so với cùng "
    "kỳ năm trước.\n"
    "Chỉ số giá tiêu dùng (CPI) tháng 7/2063 tăng 0,35% so với tháng trước và tăng 2,84% so với "
    "cùng kỳ năm trước.\n"
    "Tính chung 7 tháng năm 2063, tổng sản phẩm trên địa bàn (GRDP) ước tăng 7,26% so với cùng "
    "kỳ.\n")
DOCS = [{"id": "dk-8-2063", "title": "Bản tin giá cả thị trường tháng 8 năm 2063 tỉnh Đông Kinh",
         "date": "2063-08-31", "text": REPORT}]


@pytest.mark.parametrize("question", [
    "giá gạo tẻ thường giảm bao nhiêu kỳ 15/8/2063?",
    "giá gạo tẻ thường tăng bao nhiêu kỳ này?",
    "tỷ giá trung tâm thay đổi bao nhiêu phiên 20/8/2063?",
    "sản lượng nước máy thương phẩm tháng 7/2063 giảm bao nhiêu?",
])
def test_no_unit_read_from_a_time_or_a_word_like_may(question: str) -> None:
    intent = read_intent(analyze(question))
    assert intent.kind == "change" and intent.unit is None, intent


@pytest.mark.parametrize(("question", "unit"), [
    ("giá xăng được điều chỉnh mấy kỳ trong tháng 8/2063?", "ky"),
    ("giá gạo giảm bao nhiêu đồng/kg kỳ 15/8/2063?", "dong"),
    ("có bao nhiêu máy kéo được bán tháng 7/2063?", "may"),
])
def test_real_units_stay(question: str, unit: str) -> None:
    assert read_intent(analyze(question)).unit == unit


@pytest.mark.parametrize(("question", "kind"), [
    ("What was Dong Kinh's consumer price index in July 2063 compared with the previous "
     "month?", "change"),
    ("What was the CPI change in July 2063 year on year?", "change"),
    ("What was the retail price of ordinary rice on 15 August 2063?", "amount"),
    ("What was the central exchange rate on 20 August 2063?", "amount"),
    ("What was the consumer price index in July 2063?", "amount"),
    ("What was the main reason for the rise in prices?", "generic"),
])
def test_english_what_was_asks_a_figure(question: str, kind: str) -> None:
    assert read_intent(analyze(question)).kind == kind


def test_english_compared_with_a_plan_is_no_change() -> None:
    kind = read_intent(analyze("What was GRDP in 2063 compared with the plan?")).kind
    assert kind != "change"


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("change_without_unit"), DOCS)


def ask(service: RagService, question: str):  # noqa: ANN201
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2063, 9, 5)))


@pytest.mark.parametrize(("question", "expected"), [
    ("giá gạo tẻ thường giảm bao nhiêu kỳ 15/8/2063?", "300"),
    ("giá gạo tẻ thường tăng bao nhiêu kỳ 15/8/2063?", "300"),
    ("tỷ giá trung tâm thay đổi bao nhiêu phiên 20/8/2063?", "12"),
    ("What was Dong Kinh's consumer price index in July 2063 compared with the previous "
     "month?", "0,35"),
    ("How fast did GRDP grow in the first seven months of 2063?", "7,26"),
])
def test_a_change_asked_is_answered_with_its_figure(service: RagService, question: str,
                                                   expected: str) -> None:
    a = ask(service, question)
    assert a.found, a.answer
    assert expected in a.answer and len(a.answer) < 40, a.answer
    assert a.confidence >= 0.7, (a.answer, a.confidence)
