"""A period right after "giá so sánh" ("giá trị sản xuất công nghiệp theo giá so sánh 6 tháng
đầu năm 2029") is the figure's period, and its answer's ``period_match`` "exact"; only a year
there is a price base ("giá so sánh 2010", "giá so sánh năm 2010").  Issue 17's closing
break-test: such a question was read as asking no period and answered with "none"."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.asked import question_periods
from rag.vi.mentions import find_mentions

DOCS = [
    {"id": "sxcn", "title": "Công nghiệp 6 tháng đầu năm 2026", "date": "2026-07-05",
     "text": "6 tháng đầu năm 2026, giá trị sản xuất công nghiệp (giá so sánh 2010) ước đạt "
             "9.870 tỷ đồng; theo giá hiện hành đạt 14.230 tỷ đồng. Quý I/2026, giá trị sản "
             "xuất công nghiệp (giá so sánh 2010) đạt 4.610 tỷ đồng."},
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("price-base"), DOCS)


@pytest.mark.parametrize(("question", "label"), [
    ("giá trị sản xuất công nghiệp theo giá so sánh 6 tháng đầu năm 2026",
     "6 tháng đầu năm 2026"),
    ("giá trị sản xuất công nghiệp giá so sánh quý I/2026", "quý I/2026"),
    ("giá trị sản xuất công nghiệp giá so sánh tháng 5/2026", "tháng 5/2026"),
])
def test_a_period_after_giá_so_sánh_is_asked(question: str, label: str) -> None:
    assert [p.label for p in question_periods(question, date(2026, 8, 1)).periods] == [label]


@pytest.mark.parametrize("text", ["giá so sánh 2010", "theo giá so sánh năm 2010"])
def test_a_year_after_giá_so_sánh_is_a_price_base(text: str) -> None:
    assert find_mentions(f"Giá trị sản xuất ({text}) đạt 9.870 tỷ đồng", None) == []


@pytest.mark.parametrize(("question", "expected"), [
    ("giá trị sản xuất công nghiệp theo giá so sánh 6 tháng đầu năm 2026", "9.870 tỷ đồng"),
    ("giá trị sản xuất công nghiệp giá so sánh quý I/2026", "4.610 tỷ đồng"),
])
def test_answered_for_the_period_exactly(service: RagService, question: str,
                                         expected: str) -> None:
    reply = service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2026, 8, 1)))
    assert reply.found and reply.answer.startswith(expected), reply.answer
    assert reply.period_match == "exact", reply.period_match
