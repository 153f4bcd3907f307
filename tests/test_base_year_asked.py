"""A year in a question's comparison clause is the base, not a second asked period
(break-test b17 K3): "... 7 tháng 2031 so với cùng kỳ năm 2030", "bằng bao nhiêu % thực hiện
năm 2030" ask one period, and the answer says no "không có số liệu năm 2030"."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.asked import question_periods
from rag.vi.mentions import find_mentions

DOCS = [
    {"id": "ct-t7", "title": "Báo cáo ngành Công Thương 7 tháng năm 2031", "date": "2031-07-30",
     "text": "Giá trị sản xuất ngành chế biến gỗ 7 tháng năm 2031 ước đạt 842 tỷ đồng, tăng "
             "11,6% so với cùng kỳ năm 2030.\n"
             "Tổng doanh thu dịch vụ logistics năm 2031 ước đạt 1.915 tỷ đồng, bằng 113,4% "
             "thực hiện năm 2030."},
]


@pytest.mark.parametrize(("question", "asked", "compared"), [
    ("giá trị sản xuất chế biến gỗ 7 tháng 2031 so với cùng kỳ năm 2030", ["7 tháng năm 2031"],
     ["năm 2030"]),
    ("doanh thu logistics năm 2031 bằng bao nhiêu % thực hiện năm 2030", ["năm 2031"],
     ["năm 2030"]),
    ("doanh thu logistics năm 2031 bằng bao nhiêu phần trăm so với thực hiện năm 2030",
     ["năm 2031"], ["năm 2030"]),
    ("doanh thu logistics năm 2030 và năm 2031", ["năm 2030", "năm 2031"], []),
])
def test_the_base_year_is_not_asked(question: str, asked: list[str], compared: list[str]) -> None:
    got = question_periods(question, date(2031, 9, 1))
    assert [p.label for p in got.periods] == asked
    assert [p.label for p in got.compared] == compared


def test_a_year_after_percent_of_the_done_is_a_base_in_reports() -> None:
    text = "Doanh thu năm 2031 ước đạt 1.915 tỷ đồng, bằng 113,4% thực hiện năm 2030."
    assert [(m.period.label, m.comparison) for m in find_mentions(text, None)] == [
        ("năm 2031", False), ("năm 2030", True)]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("base_year"), DOCS)


@pytest.mark.parametrize(("question", "expected"), [
    ("Giá trị sản xuất ngành chế biến gỗ 7 tháng năm 2031 tăng bao nhiêu % so với cùng kỳ năm "
     "2030?", "11,6%"),
    ("Doanh thu dịch vụ logistics năm 2031 bằng bao nhiêu % thực hiện năm 2030?", "113,4%"),
])
def test_one_period_answered_whole(service: RagService, question: str, expected: str) -> None:
    reply = service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2031, 9, 1)))
    assert reply.found and expected in reply.answer, reply.answer
    assert "không có số liệu" not in (reply.summary or "") + reply.answer
    assert reply.period_match != "partial"
