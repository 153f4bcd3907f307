"""The year of a clause comparing with another period does not date the sentences after it
(break-test b17 K5): after "Năm 2031, ... tăng 8,2% so với năm 2030, thấp hơn mức tăng 9,1% của
năm 2030." an undated sentence is of 2031, the report's and its paragraph's year."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract

TEXT = ("Năm 2031, giá trị tăng thêm ngành công nghiệp ước tăng 8,2% so với năm 2030, thấp hơn "
        "mức tăng 9,1% của năm 2030. Năng suất lao động xã hội ước đạt 148,6 triệu "
        "đồng/lao động.\nQuý II/2031, lượng khách qua cửa khẩu đạt 412.000 lượt, cao hơn quý "
        "II/2030. Tổng thu phí hạ tầng đạt 96 tỷ đồng.")
DOCS = [{"id": "tk-2031", "title": "Báo cáo kinh tế năm 2031", "date": "2031-12-18",
         "text": TEXT}]


def test_the_undated_sentence_keeps_the_sentence_year() -> None:
    frames = {f.value: f for f in extract(TEXT)}
    assert frames["9,1%"].period is not None and frames["9,1%"].period.label == "năm 2030"
    after = frames["148,6 triệu đồng"].period
    assert after is not None and after.label == "năm 2031"
    toll = frames["96 tỷ đồng"].period
    assert toll is not None and toll.label == "quý II/2031"


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("clause_period"), DOCS)


def test_asked_for_the_report_year(service: RagService) -> None:
    opts = AskOptions(retrieval_mode="lexical", today=date(2032, 2, 1))
    reply = service.ask("Năng suất lao động xã hội năm 2031 là bao nhiêu?", opts)
    assert reply.found and "148,6" in reply.answer, reply.answer
    other = service.ask("Năng suất lao động xã hội năm 2030 là bao nhiêu?", opts)
    assert not other.found or "148,6" not in other.answer
