"""A multiple ("gấp 2,3 lần cùng kỳ năm trước", "gấp 1,5 lần giai đoạn 2026 - 2030") is a
ratio against its base (break-test b17 K7): kept with that base and restated "gấp N lần
<base>", never "tăng N lần"; "gấp bao nhiêu lần" asks it."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.answer.question import read_question
from rag.records import AskOptions
from rag.search.query import analyze
from rag.service import RagService
from rag.vi.frames import extract

TEXT = ("Giá trị giải ngân vốn khuyến công 9 tháng năm 2031 đạt 18,4 tỷ đồng, gấp 2,3 lần cùng kỳ "
        "năm trước.\nTổng vốn đăng ký của các dự án FDI giai đoạn 2031 - 2035 đạt 960 triệu "
        "USD, gấp 1,5 lần giai đoạn 2026 - 2030.")
DOCS = [{"id": "kc-2031", "title": "Báo cáo công tác khuyến công", "date": "2031-10-05",
         "text": TEXT}]


def test_a_multiple_keeps_its_base() -> None:
    frames = {f.value: f for f in extract(TEXT)}
    ratio = frames["2,3 lần"]
    assert (ratio.measure, ratio.comparison, ratio.verb, ratio.detail) == (
        "change", "cùng kỳ năm trước", "gấp", "")
    assert frames["1,5 lần"].comparison == "giai đoạn 2026 - 2030"


def test_gap_bao_nhieu_lan_asks_the_multiple() -> None:
    asked = read_question(analyze("Vốn FDI giai đoạn 2031 - 2035 gấp bao nhiêu lần giai đoạn "
                                  "trước?"), date(2036, 1, 5))
    assert asked.measure == "change"
    assert [p.label for p in asked.periods] == ["giai đoạn 2031–2035"]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("multiples"), DOCS)


@pytest.mark.parametrize(("question", "expected", "said"), [
    ("Giá trị giải ngân vốn khuyến công 9 tháng năm 2031 gấp bao nhiêu lần cùng kỳ?", "2,3 lần",
     "gấp 2,3 lần cùng kỳ năm trước"),
    ("Tổng vốn đăng ký các dự án FDI giai đoạn 2031 - 2035 gấp bao nhiêu lần giai đoạn trước?",
     "1,5 lần", "gấp 1,5 lần giai đoạn 2026 - 2030"),
    ("Giá trị giải ngân vốn khuyến công 9 tháng năm 2031 là bao nhiêu?", "18,4 tỷ đồng",
     "gấp 2,3 lần cùng kỳ năm trước"),
])
def test_the_multiple_is_said_as_such(service: RagService, question: str, expected: str,
                                      said: str) -> None:
    reply = service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2036, 1, 5)))
    assert reply.found and expected in reply.answer, reply.answer
    assert said in (reply.summary or ""), reply.summary
    assert "tăng 2,3 lần" not in (reply.summary or "") and "tăng 1,5" not in (reply.summary or "")
