"""English questions about what the Department's reports count of a product -- electricity
produced against electricity sold, cement, coal, tap water, rice and maize output, a crop
season's yield -- find their indicator (break-test b17 Q37, Q41, D13-D15): "produced",
"generated", "output", "yield" have Vietnamese words (rag.vi.lexicon.ENGLISH), a measure goes
before its product as Vietnamese writes it, a crop season named in English is the season
period (rag.search.query.english_seasons), and a measure naming no known product finds
nothing rather than another product's figure."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.search.query import english_seasons
from rag.service import RagService

DOCS = [
    {"id": "ct-9-2041", "title": "Báo cáo tình hình sản xuất công nghiệp 9 tháng năm 2041",
     "date": "2041-09-28",
     "text": "Sản lượng điện sản xuất 9 tháng năm 2041 ước đạt 1.512 triệu kWh, tăng 4,2% so "
             "với cùng kỳ.\n"
             "Điện thương phẩm 9 tháng năm 2041 đạt 1.203 triệu kWh.\n"
             "Sản lượng xi măng 9 tháng năm 2041 ước đạt 1,38 triệu tấn.\n"
             "Sản lượng than sạch khai thác 9 tháng năm 2041 đạt 412.000 tấn.\n"
             "Sản lượng gạch nung 9 tháng năm 2041 đạt 96 triệu viên.\n"
             "Nước máy thương phẩm 9 tháng năm 2041 đạt 10,4 triệu m3."},
    {"id": "nn-2041", "title": "Tin nông nghiệp năm 2041", "date": "2041-12-15",
     "text": "Vụ Đông Xuân 2041, toàn tỉnh gieo cấy 17.300 ha lúa, sản lượng đạt 98.600 tấn.\n"
             "Vụ Mùa 2041, diện tích lúa đạt 33.800 ha, năng suất 50,6 tạ/ha, sản lượng lúa "
             "đạt 171.000 tấn.\n"
             "Sản lượng ngô cả năm 2041 đạt 152.400 tấn."},
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("english_products"), DOCS)


@pytest.mark.parametrize(("question", "expected"), [
    ("How much electricity was produced in the first 9 months of 2041?", "1.512"),
    ("electricity generation in the first nine months of 2041", "1.512"),
    ("How much electricity was generated in the first 9 months of 2041?", "1.512"),
    ("How much commercial electricity was sold in the first 9 months of 2041?", "1.203"),
    ("cement output in the first 9 months of 2041?", "1,38"),
    ("How much coal was mined in the first 9 months of 2041?", "412.000"),
    ("How much tap water was produced in the first 9 months of 2041?", "10,4"),
    ("What was the paddy output of the 2041 main crop?", "171.000"),
    ("rice production of the 2041 winter-spring crop?", "98.600"),
    ("rice yield of the main crop in 2041?", "50,6"),
    ("What was the maize output in 2041?", "152.400"),
    ("brick output in the first 9 months of 2041", "96"),
])
def test_english_product_questions_are_answered(service: RagService, question: str,
                                                expected: str) -> None:
    reply = service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2042, 1, 10)))
    assert reply.found and expected in reply.answer, reply.answer


@pytest.mark.parametrize("question", [
    "nickel output in the first 9 months of 2041",  # no glossary word for the product
    "How much was produced in the first 9 months of 2041?",
])
def test_a_measure_without_a_product_takes_no_figure(service: RagService,
                                                     question: str) -> None:
    reply = service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2042, 1, 10)))
    assert not reply.found, reply.answer


@pytest.mark.parametrize(("question", "expected"), [
    ("rice output of the 2043 main crop", "rice output of vụ Mùa 2043"),
    ("yield of the winter-spring rice crop 2042-2043?", "yield of vụ Đông Xuân 2042-2043?"),
    ("Summer-autumn crop of 2043 output", "vụ Hè Thu 2043 output"),
    ("output in 2043", "output in 2043"),
])
def test_english_seasons(question: str, expected: str) -> None:
    assert english_seasons(question) == expected
