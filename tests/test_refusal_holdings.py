"""A refusal for a period the reports do not hold names the periods of the asked year they do
hold the indicator for ("có số liệu tháng 9/2031, 9 tháng năm 2031, năm 2031, không có số liệu
7 tháng năm 2031"), and other years only as well as those, never as if the asked year held
nothing.  Reports written for these tests (issue 17 break-test, kind 14)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService

DOCS = [
    {"id": "ctk-9", "title": "Tình hình kinh tế - xã hội tháng 9 năm 2031", "date": "2031-09-28",
     "text": "Doanh thu vận tải hàng hóa tháng 9/2031 ước đạt 412 tỷ đồng. Cộng dồn 9 tháng "
             "năm 2031, doanh thu vận tải hàng hóa ước đạt 3.560 tỷ đồng."},
    {"id": "tong-ket", "title": "Tổng kết năm 2031", "date": "2032-01-12",
     "text": "Năm 2031, doanh thu vận tải hàng hóa đạt 4.820 tỷ đồng. Năm 2030, doanh thu "
             "vận tải hàng hóa đạt 4.390 tỷ đồng."},
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("holdings"), DOCS)


@pytest.mark.parametrize(("question", "held", "asked"), [
    ("doanh thu vận tải hàng hóa 7 tháng năm 2031",
     ["tháng 9/2031", "9 tháng năm 2031", "năm 2031"], "7 tháng năm 2031"),
    ("doanh thu vận tải hàng hóa quý II/2031",
     ["tháng 9/2031", "9 tháng năm 2031", "năm 2031"], "quý II/2031"),
])
def test_the_asked_years_other_periods_are_named(service: RagService, question: str,
                                                 held: list[str], asked: str) -> None:
    reply = service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2032, 3, 1)))
    assert not reply.found, reply.answer
    m = re.search(r"có số liệu này cho (.+?), không có số liệu (.+?)\.", reply.answer)
    assert m is not None, reply.answer
    assert m.group(1).split(", ") == held and m.group(2) == asked, reply.answer
    # 2030 is held too, said as well as the asked year's periods, not instead of them
    assert "cũng có số liệu này cho năm 2030" in reply.answer, reply.answer
    assert "không phải năm được hỏi" not in reply.answer, reply.answer


def test_a_year_held_in_nothing_names_the_other_years(service: RagService) -> None:
    reply = service.ask("doanh thu vận tải hàng hóa năm 2029",
                        AskOptions(retrieval_mode="lexical", today=date(2032, 3, 1)))
    assert not reply.found
    assert "không có số liệu năm 2029" not in reply.answer, reply.answer
