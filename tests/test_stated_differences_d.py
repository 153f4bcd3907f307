"""Stated differences, round D (issue 17, break-test bt7-b17 failure 1): a comparative, then
"so với <kỳ>", then "là:" / "là" / ":" before the value ("thấp hơn so với tháng 9 là: 1,7
triệu viên") states a difference from that period, not a level -- as "thấp hơn tháng 9 là"
and "giảm so với tháng 9 là:" already did.

Wordings, indicators, periods and numbers differ from the break-test's example."""

from __future__ import annotations

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract

TEXT = (
    "Sản lượng xi măng tháng 6 ước đạt 182 nghìn tấn, ít hơn so với tháng 5 là: 9,4 nghìn "
    "tấn. Doanh thu dịch vụ lưu trú tháng 6 đạt 96 tỷ đồng, cao hơn so với cùng kỳ là 11 tỷ "
    "đồng. Số lượt khách nội địa quý II đạt 265 nghìn lượt, nhiều hơn so với quý I: 18 nghìn "
    "lượt.\n\n"
    "Tháng 6/2038, lượng điện thương phẩm chỉ đạt 143 triệu kWh, thấp hơn so với tháng "
    "6/2039 là 12 triệu kWh.\n")
DOCS = [{"id": "bc-6-2039", "title": "Báo cáo kinh tế - xã hội tháng 6 năm 2039",
         "date": "2039-07-03", "text": TEXT}]


def frames_of(text: str):  # noqa: ANN201
    return {f.value: f for f in extract(text, "bc", "2039-07-03")}


@pytest.mark.parametrize(("value", "direction", "comparison", "period"), [
    ("9,4 nghìn tấn", -1, "tháng 5", "tháng 6/2039"),
    ("11 tỷ đồng", 1, "cùng kỳ", "tháng 6/2039"),
    ("18 nghìn lượt", 1, "quý I", "quý II/2039"),
])
def test_a_comparative_so_voi_and_la_state_a_difference(
        value: str, direction: int, comparison: str, period: str) -> None:
    f = frames_of(TEXT)[value]
    assert (f.measure, f.direction, f.comparison) == ("change", direction, comparison), f
    assert f.period is not None and f.period.label == period, f


def test_the_levels_before_stay_levels() -> None:
    frames = frames_of(TEXT)
    for value in ("182 nghìn tấn", "96 tỷ đồng", "265 nghìn lượt", "143 triệu kWh"):
        assert frames[value].measure == "level", frames[value]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("differences_d"), DOCS)


def ask(service: RagService, question: str):  # noqa: ANN201
    return service.ask(question, AskOptions(retrieval_mode="lexical"))


@pytest.mark.parametrize(("question", "expected"), [
    ("sản lượng xi măng tháng 6/2039 giảm bao nhiêu so với tháng 5?", "9,4 nghìn tấn"),
    ("sản lượng xi măng tháng 6/2039 thấp hơn tháng 5 bao nhiêu?", "9,4 nghìn tấn"),
    ("doanh thu dịch vụ lưu trú tháng 6/2039 tăng bao nhiêu so với cùng kỳ?", "11 tỷ đồng"),
    ("How much did cement output drop in June 2039 compared with May?", "9,4 nghìn tấn"),
    # said from the earlier side: the later period's change
    ("lượng điện thương phẩm tháng 6/2039 cao hơn tháng 6/2038 bao nhiêu?", "12 triệu kWh"),
    # the levels stay the levels
    ("sản lượng xi măng tháng 6/2039", "182 nghìn tấn"),
    ("doanh thu dịch vụ lưu trú tháng 6/2039", "96 tỷ đồng"),
])
def test_the_difference_after_comparative_so_voi_answers(service: RagService, question: str,
                                                         expected: str) -> None:
    answer = ask(service, question)
    assert answer.found and answer.answer == expected, (answer.answer, answer.summary)
