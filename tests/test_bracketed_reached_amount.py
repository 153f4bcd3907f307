"""An amount alone in brackets right after a share of the plan whose clause states no result
of its own ("tỷ lệ giải ngân mới đạt 52,6% kế hoạch (3.305 tỷ đồng)") is the amount the share
reached, of the share's period -- not the plan's own amount of the plan's year
(rag.vi.frames.sentence.reached_in_brackets; issue 17 break-test bt17m).  With the result
stated before the share ("đạt 9.120 tỷ đồng, bằng 27,4% kế hoạch năm 2041 (33.300 tỷ
đồng)"), or a bracket naming the plan, the bracketed amount stays the plan's
(tests/test_bracketed_plan_and_listed_units.py)."""

from __future__ import annotations

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import Frame, extract


def frame_of(text: str, value: str) -> Frame:
    return next(f for f in extract(text, "Báo cáo", "2072-01-15") if f.value == value)


@pytest.mark.parametrize(("text", "value", "word", "period"), [
    ("Tổng kế hoạch vốn đầu tư công năm 2071 là 6.284 tỷ đồng. Đến hết ngày 30/9/2071, tỷ lệ "
     "giải ngân mới đạt 52,6% kế hoạch (3.305 tỷ đồng).", "3.305 tỷ đồng", "giải ngân",
     "30/9/2071"),
    ("Thu ngân sách nhà nước 9 tháng năm 2071 ước đạt 71,2% dự toán (2.410 tỷ đồng).",
     "2.410 tỷ đồng", "Thu ngân sách", "9 tháng"),
    ("Kim ngạch xuất khẩu 6 tháng đầu năm 2064 đạt 48,5% kế hoạch năm ( 612 triệu USD ), tăng "
     "nhẹ.", "612 triệu USD", "xuất khẩu", "6 tháng"),
])
def test_a_bracketed_amount_after_a_share_alone_is_the_amount_reached(
        text: str, value: str, word: str, period: str) -> None:
    f = frame_of(text, value)
    assert (f.measure, f.target) == ("level", False), (f.measure, f.target, f.indicator)
    assert word in f.indicator and not f.indicator.startswith("tỷ lệ"), f.indicator
    assert f.period is not None and period in f.period.label, f.period


@pytest.mark.parametrize(("text", "value"), [
    # the result stated before the share: the bracket is the plan's amount
    ("Thu ngân sách nhà nước 9 tháng năm 2071 ước đạt 2.410 tỷ đồng, bằng 71,2% dự toán HĐND "
     "tỉnh giao (3.385 tỷ đồng).", "3.385 tỷ đồng"),
    # the bracket names the plan
    ("Giải ngân vốn đầu tư công 6 tháng đầu năm 2071 đạt 41,3% kế hoạch vốn (kế hoạch năm "
     "2071 là 2.150 tỷ đồng).", "2.150 tỷ đồng"),
])
def test_near_misses_stay_the_plan(text: str, value: str) -> None:
    f = frame_of(text, value)
    assert (f.measure, f.target) == ("level", True), (f.measure, f.target, f.indicator)


DOCS = [
    {"id": "dtc", "title": "Giải ngân vốn đầu tư công năm 2071", "date": "2072-01-15",
     "text": "Tổng kế hoạch vốn đầu tư công năm 2071 của tỉnh là 6.284 tỷ đồng. Đến hết ngày "
             "31/12/2071, toàn tỉnh giải ngân được 5.498 tỷ đồng, đạt 87,5% kế hoạch.\n\n"
             "Đến hết ngày 30/9/2071, tỷ lệ giải ngân mới đạt 52,6% kế hoạch (3.305 tỷ đồng)."},
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("reached"), DOCS)


def test_asked(service: RagService) -> None:
    reply = service.ask("Giải ngân vốn đầu tư công đến 30/9/2071 được bao nhiêu tỷ đồng?",
                        AskOptions(retrieval_mode="lexical"))
    assert reply.found and "3.305" in reply.answer, (reply.answer, reply.answer_sentence)
