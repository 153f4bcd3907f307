"""A refusal of a figure question is as sure as refusals passing over such a candidate were
found right (issue 18): the calibrated confidence of the best candidate it passed over, mapped
by the shipped fit (rag/answer/refusal_confidence.json, bench/fit_refusal_confidence.py) --
never 1.0 whatever it passed over.  Reports written for these tests (break-tests bt20/bt21-b17:
ten wrong refusals at 1.0 a round)."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.answer.refusal_calibration import RefusalCalibration, refusal_calibration
from rag.records import AskOptions
from rag.service import RagService

DOCS = [
    {"id": "ocop", "title": "Chương trình OCOP tỉnh Bắc Hà năm 2064", "date": "2064-11-20",
     "text": "Tính đến ngày 31/10/2064, toàn tỉnh có 212 sản phẩm OCOP, tăng 37 sản phẩm so với "
             "thời điểm 31/12/2063 (175 sản phẩm)."},
    {"id": "ctk", "title": "Tình hình kinh tế - xã hội tháng 10 năm 2064", "date": "2064-10-28",
     "text": "Kim ngạch xuất khẩu tháng 10/2064 ước đạt 142,6 triệu USD. Tổng mức bán lẻ hàng "
             "hóa tháng 10/2064 đạt 2.310 tỷ đồng."},
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("refusal-confidence"), DOCS)


def test_the_shipped_map_is_fitted_and_never_rises() -> None:
    cal = refusal_calibration()
    assert cal.trained.get("refused", 0) > 0  # fitted, not the uncalibrated rule
    assert all(b <= a for a, b in zip(cal.right, cal.right[1:], strict=False))
    # refusals that passed over no candidate at all were not all right either
    assert cal.confidence(0.0) < 1.0
    assert cal.confidence(0.9) <= cal.confidence(0.3) <= cal.confidence(0.0)


def test_the_uncalibrated_rule_is_one_minus_the_candidate() -> None:
    assert RefusalCalibration.identity().confidence(0.35) == pytest.approx(0.65)


@pytest.mark.parametrize("question", [
    "số sản phẩm OCOP được công nhận của Bắc Hà tại thời điểm 31/12/2063?",
    "kim ngạch nhập khẩu tháng 10/2064 của Bắc Hà?",
])
def test_a_refused_figure_question_is_never_sure(service: RagService, question: str) -> None:
    reply = service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2064, 12, 1)))
    assert not reply.found
    assert reply.confidence < 0.9
    assert reply.confidence <= refusal_calibration().confidence(0.0)
