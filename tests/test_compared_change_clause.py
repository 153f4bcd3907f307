"""A change stated inside the comparison clause of another ("GRDP năm 2032 tăng 6,95%, thấp
hơn mức tăng 7,40% của năm 2031") is the same indicator's change for its own period, and is
described by the words before the figure it is compared to (break-test b17 K15: "tăng trưởng
kinh tế năm 2029" was refused though "thấp hơn mức tăng 7,82% của năm 2029" states it)."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService

DOCS = [
    {"id": "grdp-2032", "title": "Kinh tế - xã hội năm 2032", "date": "2032-12-22",
     "text": "Tăng trưởng kinh tế: Tổng sản phẩm trên địa bàn (GRDP) năm 2032 ước tăng 6,95% "
             "so với năm 2031, thấp hơn mức tăng 7,40% của năm 2031.\n"
             "Về xuất khẩu: kim ngạch xuất khẩu năm 2032 đạt 1.240 triệu USD, tăng 9,3%, cao "
             "hơn tốc độ tăng 5,1% của năm 2031."},
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("compared_change"), DOCS)


@pytest.mark.parametrize(("question", "expected"), [
    ("tăng trưởng kinh tế năm 2031 là bao nhiêu?", "7,40%"),
    ("tốc độ tăng trưởng kinh tế năm 2031", "7,40%"),
    ("tăng trưởng kinh tế năm 2032", "6,95%"),
    ("xuất khẩu năm 2031 tăng bao nhiêu?", "5,1%"),
])
def test_the_compared_change_answers_its_own_period(service: RagService, question: str,
                                                    expected: str) -> None:
    reply = service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2033, 3, 1)))
    assert reply.found and expected in reply.answer, reply.answer
