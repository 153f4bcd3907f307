"""Issue 17, break-test bt23-b17 failure 6 (the kind, not the example): a value in brackets, or
after "là", that follows a result compared with its plan ("thấp hơn mục tiêu tăng trưởng cả năm
(8,0%)", "cao hơn kế hoạch (X)", "chưa đạt mục tiêu năm (X)", ", so với mục tiêu đề ra là X")
is that plan's value: a target of the result's indicator, of the plan's period (the year unless
the plan names a quarter or month), a change when the result is a change in the same unit.  It
is never the year's actual: a question for the whole year over a part-year result gets the
part, said as partial.  Also an English "How fast did ... grow" asks a change.

Wordings, indicators, periods and numbers differ from the break-test's."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract

REPORT = (
    "BÁO CÁO\n"
    "Tình hình kinh tế - xã hội 9 tháng năm 2064 của tỉnh Đông Hà\n\n"
    "Tính chung 9 tháng năm 2064, chỉ số sản xuất công nghiệp (IIP) tăng 9,2% so với cùng kỳ, "
    "cao hơn kế hoạch (8,5%).\n"
    "Kim ngạch xuất khẩu 9 tháng năm 2064 ước đạt 1.245 triệu USD, tăng 11,6% so với cùng kỳ, "
    "thấp hơn mục tiêu tăng trưởng cả năm (13%).\n"
    "Tổng mức bán lẻ hàng hóa 9 tháng năm 2064 tăng 12,4%, so với mục tiêu đề ra là 11%.\n")
GROWTH = (
    "Tốc độ tăng trưởng kinh tế (GRDP) năm 2063 của tỉnh Đông Hà đạt 7,1%, chưa đạt mục tiêu "
    "năm (7,5%).\n")
DOCS = [{"id": "dh-9t-2064", "title": "Báo cáo kinh tế - xã hội 9 tháng năm 2064 tỉnh Đông Hà",
         "date": "2064-10-05", "text": REPORT}]


def frames_of(text: str, when: str = "2064-10-05"):  # noqa: ANN201
    return {f.value: f for f in extract(text, "Báo cáo", when)}


@pytest.mark.parametrize(("text", "value", "indicator", "period"), [
    (REPORT, "8,5%", "chỉ số sản xuất công nghiệp", "năm 2064"),
    (REPORT, "13%", "Kim ngạch xuất khẩu", "năm 2064"),
    (REPORT, "11%", "Tổng mức bán lẻ hàng hóa", "năm 2064"),
    (GROWTH, "7,5%", "Tốc độ tăng trưởng kinh tế", "năm 2063"),
], ids=["cao-hon-ke-hoach", "thap-hon-muc-tieu-ca-nam", "so-voi-muc-tieu-la",
        "chua-dat-muc-tieu-nam"])
def test_the_plan_after_a_growth_compared_with_it(text: str, value: str, indicator: str,
                                                  period: str) -> None:
    f = frames_of(text)[value]
    assert f.target and f.measure == "change", f
    assert f.indicator.startswith(indicator), f
    assert f.period is not None and f.period.label == period, f


@pytest.mark.parametrize(("value", "period"), [
    ("9,2%", "9 tháng năm 2064"), ("11,6%", "9 tháng năm 2064"), ("12,4%", "9 tháng năm 2064")])
def test_the_result_keeps_its_own_period(value: str, period: str) -> None:
    f = frames_of(REPORT)[value]
    assert not f.target and f.measure == "change", f
    assert f.period is not None and f.period.label == period, f


def test_a_plan_of_an_amount_against_an_amount_stays_a_level() -> None:
    f = frames_of("Chi thường xuyên 9 tháng năm 2064 là 2.130 tỷ đồng, thấp hơn dự toán "
                  "(2.400 tỷ đồng).")["2.400 tỷ đồng"]
    assert (f.measure, f.target) == ("level", True), f
    assert f.indicator.startswith("Chi thường xuyên"), f
    assert f.period is not None and f.period.label == "năm 2064", f


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("bracketed_targets_17"), DOCS)


def ask(service: RagService, question: str):  # noqa: ANN201
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2064, 10, 20)))


@pytest.mark.parametrize(("question", "expected"), [
    ("kế hoạch tăng chỉ số sản xuất công nghiệp năm 2064 của Đông Hà?", "8,5"),
    ("mục tiêu tăng trưởng kim ngạch xuất khẩu cả năm 2064?", "13"),
])
def test_the_plan_is_asked_as_a_target(service: RagService, question: str,
                                       expected: str) -> None:
    a = ask(service, question)
    assert a.found and a.answer.startswith(expected), a.answer


@pytest.mark.parametrize(("question", "part"), [
    ("chỉ số sản xuất công nghiệp cả năm 2064 của Đông Hà tăng bao nhiêu?", "9,2"),
    ("kim ngạch xuất khẩu năm 2064 tăng bao nhiêu phần trăm?", "11,6"),
])
def test_the_years_actual_is_never_the_plan(service: RagService, question: str,
                                            part: str) -> None:
    a = ask(service, question)
    plans = ("8,5", "13%")
    assert not any(p in a.answer for p in plans), a.answer
    assert not a.found or (part in a.answer and a.period_match == "partial"), a


def test_how_fast_did_it_grow_asks_a_change(service: RagService) -> None:
    a = ask(service, "How fast did Dong Ha's industrial production index grow in the first "
                     "nine months of 2064?")
    assert a.found and a.answer.startswith("9,2"), a.answer
