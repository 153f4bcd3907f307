"""A change asked against one base (rag.answer.figures.comparison_base): "so với cùng kỳ" is
the same period a year before however the report words it ("cùng tháng năm trước", "cùng
quý năm 2020"), never the change on the month before."""

from __future__ import annotations

import pytest
from conftest import service_over

from rag.answer.figures import comparison_base
from rag.records import AskOptions
from rag.service import RagService

DOCS = [
    {"id": "iip", "title": "Sản xuất công nghiệp tháng 7 năm 2021", "date": "2021-07-29",
     "text": "Chỉ số sản xuất công nghiệp tháng 7/2021 ước tính tăng 2,35% so với tháng "
             "trước và tăng 8,41% so với cùng tháng năm trước."},
    {"id": "ban-le", "title": "Thương mại quý III năm 2020", "date": "2020-09-28",
     "text": "Tổng mức bán lẻ hàng hóa quý III/2020 giảm 1,2% so với quý trước, tăng 5,6% so "
             "với cùng quý năm 2019."},
]


@pytest.mark.parametrize(("text", "kind"), [
    ("cùng kỳ", "same_period"), ("cùng tháng năm trước", "same_period"),
    ("cùng quý năm 2019", "same_period"), ("tháng trước", "previous"),
    ("quý trước", "previous"), ("tháng 12 năm trước", "year_start"),
    ("kế hoạch", "plan"), ("năm 2015", ""),
])
def test_comparison_bases_by_kind(text: str, kind: str) -> None:
    assert comparison_base(text) == kind


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("comparisons"), DOCS)


@pytest.mark.parametrize(("question", "expected"), [
    ("chỉ số sản xuất công nghiệp tháng 7/2021 tăng bao nhiêu so với cùng kỳ", "8,41%"),
    ("chỉ số sản xuất công nghiệp tháng 7/2021 so với tháng trước", "2,35%"),
    ("tổng mức bán lẻ quý III/2020 so với cùng kỳ", "5,6%"),
])
def test_the_asked_base_is_answered(service: RagService, question: str, expected: str) -> None:
    reply = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert reply.found and expected in reply.answer, reply.answer
