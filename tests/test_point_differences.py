"""A difference said with a comparative (break-test b17 K6): "thấp hơn 1,7 điểm phần trăm so
với ..." is a change in percentage points of the sentence's own period, its "hơn" no
approximation ("more than"); "... thấp hơn ... bao nhiêu điểm phần trăm?" asks it."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.answer.question import read_question
from rag.records import AskOptions
from rag.search.query import analyze
from rag.service import RagService
from rag.vi.frames import extract
from rag.vi.numbers import approx_before

TEXT = ("Chỉ số sản xuất ngành chế biến, chế tạo 6 tháng đầu năm 2031 tăng 6,3% so với cùng kỳ, "
        "thấp hơn 1,7 điểm phần trăm so với mức tăng của 6 tháng đầu năm 2030.\n"
        "Tỷ lệ đô thị hóa năm 2031 đạt 24,8%, cao hơn 0,6 điểm phần trăm so với năm 2030.\n"
        "Số hợp tác xã thương mại năm 2031 có hơn 120 đơn vị.")
DOCS = [{"id": "ct-2031", "title": "Báo cáo năm 2031", "date": "2031-12-20", "text": TEXT}]


def test_comparative_hon_is_no_approximation() -> None:
    assert approx_before("thấp hơn ") is None
    assert approx_before("cao hơn") is None
    assert approx_before("có hơn ") == "hơn"


def test_the_difference_is_a_change_of_its_own_period() -> None:
    frames = {f.value: f for f in extract(TEXT)}
    down = frames["1,7 điểm phần trăm"]
    assert (down.measure, down.direction, down.approx) == ("change", -1, None)
    assert down.period is not None and down.period.label == "6 tháng đầu năm 2031"
    assert down.comparison is not None and "2030" in down.comparison
    up = frames["0,6 điểm phần trăm"]
    assert (up.measure, up.direction) == ("change", 1)
    assert frames["hơn 120 đơn vị"].approx == "hơn"


def test_the_question_asks_a_change() -> None:
    asked = read_question(analyze("Tỷ lệ đô thị hóa năm 2031 cao hơn năm 2030 bao nhiêu điểm "
                                  "phần trăm?"), date(2032, 1, 10))
    assert asked.measure == "change"
    assert [p.label for p in asked.periods] == ["năm 2031"]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("points"), DOCS)


@pytest.mark.parametrize(("question", "expected", "said"), [
    ("Chỉ số sản xuất ngành chế biến, chế tạo 6 tháng đầu năm 2031 thấp hơn cùng kỳ năm 2030 "
     "bao nhiêu điểm phần trăm?", "1,7 điểm phần trăm", "thấp hơn 1,7 điểm phần trăm"),
    ("Tỷ lệ đô thị hóa năm 2031 cao hơn năm 2030 bao nhiêu điểm phần trăm?",
     "0,6 điểm phần trăm", "cao hơn 0,6 điểm phần trăm so với năm 2030"),
])
def test_the_difference_is_answered(service: RagService, question: str, expected: str,
                                    said: str) -> None:
    reply = service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2032, 1, 10)))
    assert reply.found and expected in reply.answer, reply.answer
    assert said in (reply.summary or ""), reply.summary
    assert "hơn " + expected not in reply.answer
