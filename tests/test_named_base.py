"""The comparison base a question names must be the figure's (break-test b17 K2): a change
"so với tháng trước" is no answer to "so với cùng kỳ", and a base named by its date ("so với
tháng 4/2031" of tháng 4/2032) is read as its kind (rag.vi.calendar.base_kind)."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.answer.figures import contrary_base
from rag.records import AskOptions
from rag.service import RagService
from rag.vi.calendar import base_kind, month_period, months_period, quarter_period, year_period
from rag.vi.frames import extract

DOCS = [
    {"id": "tk-t4", "title": "Tình hình kinh tế - xã hội tháng 4 năm 2032", "date": "2032-04-28",
     "text": "Chỉ số giá vàng tháng 4/2032 tăng 1,85% so với tháng trước.\n"
             "Sản lượng điện thương phẩm tháng 4/2032 ước đạt 61,7 triệu kWh, giảm 0,9% so "
             "với tháng trước và tăng 7,3% so với cùng kỳ năm trước.\n"
             "Doanh thu vận tải hàng hóa tháng 4/2032 ước đạt 212 tỷ đồng, tăng 4,4% so với "
             "tháng trước."},
]


@pytest.mark.parametrize(("base", "period", "kind"), [
    (month_period(2031, 4), month_period(2032, 4), "same_period"),
    (month_period(2032, 3), month_period(2032, 4), "previous"),
    (year_period(2031), year_period(2032), "same_period"),
    (quarter_period(2032, 1), quarter_period(2032, 2), "previous"),
    (year_period(2031), months_period(2032, 4), ""),
])
def test_a_dated_base_is_read_as_its_kind(base, period, kind) -> None:  # type: ignore[no-untyped-def]
    assert base_kind(base, period) == kind


def test_a_base_of_another_kind_is_contrary() -> None:
    frames = extract("Chỉ số giá vàng tháng 4/2032 tăng 1,85% so với tháng trước.")
    change = next(f for f in frames if f.measure == "change")
    assert contrary_base("cung ky", change)
    assert not contrary_base("thang truoc", change)
    assert not contrary_base(None, change)


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("named_base"), DOCS)


def _ask(service: RagService, question: str):  # type: ignore[no-untyped-def]
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2032, 6, 1)))


@pytest.mark.parametrize("question", [
    "Chỉ số giá vàng tháng 4/2032 so với cùng kỳ tăng bao nhiêu?",
    "Doanh thu vận tải hàng hóa tháng 4/2032 tăng bao nhiêu so với cùng kỳ năm trước?",
    "Chỉ số giá vàng tháng 4/2032 tăng bao nhiêu so với tháng 4/2031?",
])
def test_a_change_on_the_month_before_is_no_answer(service: RagService, question: str) -> None:
    reply = _ask(service, question)
    assert not reply.found or reply.confidence < 0.5, reply.answer
    assert "1,85%" not in reply.answer and "4,4%" not in reply.answer or not reply.found


@pytest.mark.parametrize(("question", "expected", "not_expected"), [
    ("Sản lượng điện thương phẩm tháng 4/2032 so với tháng 4/2031 tăng bao nhiêu?", "7,3%",
     "0,9%"),
    ("Sản lượng điện thương phẩm tháng 4/2032 so với cùng kỳ tăng bao nhiêu?", "7,3%", "0,9%"),
    ("Sản lượng điện thương phẩm tháng 4/2032 so với tháng 3/2032 giảm bao nhiêu?", "0,9%",
     "7,3%"),
])
def test_the_change_on_the_named_base_is_given(service: RagService, question: str,
                                               expected: str, not_expected: str) -> None:
    reply = _ask(service, question)
    assert reply.found and expected in reply.answer, reply.answer
    assert not_expected not in reply.answer
