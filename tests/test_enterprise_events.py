"""Counts of enterprises by what happened to them in one sentence: "Số doanh nghiệp thành lập mới
quý III/2091 là 176 doanh nghiệp ...; 64 doanh nghiệp giải thể; 38 doanh nghiệp quay trở lại
hoạt động" -- a count whose own words name another event than the figure before's is that
event's count ("Số doanh nghiệp giải thể"), not labelled "Số doanh nghiệp thành lập"
(rag.vi.frames.sentence.other_event; break-test s47 bt18a, two answers at 1.0 so labelled)."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract
from rag.vi.frames.sentence import other_event

REPORT = ("Tình hình kinh tế - xã hội quý III năm 2091\n(28/9/2091)\n\n"
          "Số doanh nghiệp thành lập mới quý III/2091 là 176 doanh nghiệp với tổng vốn đăng ký "
          "2.130 tỷ đồng; 64 doanh nghiệp giải thể; 38 doanh nghiệp quay trở lại hoạt động.\n")


def test_each_count_names_its_event() -> None:
    frames = {f.value: f for f in extract(REPORT, "KTXH", "2091-09-28")}
    assert "giải thể" in frames["64 doanh nghiệp"].indicator
    assert "quay trở lại hoạt động" in frames["38 doanh nghiệp"].indicator
    assert "thành lập" in frames["176 doanh nghiệp"].indicator


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("dn"), {"ktxh-q3-2091.txt": REPORT})


@pytest.mark.parametrize(("question", "value"), [
    ("Số doanh nghiệp giải thể quý III/2091?", "64"),
    ("so doanh nghiep quay tro lai hoat dong quy 3 2091", "38"),
    ("Số doanh nghiệp thành lập mới quý III/2091?", "176"),
])
def test_the_event_asked(service: RagService, question: str, value: str) -> None:
    answer = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert answer.found and answer.answer.startswith(value), (answer.answer, answer.summary)
    assert "thành lập" not in (answer.summary or "") or value == "176", answer.summary


def test_other_event() -> None:
    assert other_event("Số doanh nghiệp thành lập", "giải thể") == "Số doanh nghiệp giải thể"
    assert other_event("Số doanh nghiệp thành lập", "thành lập") == ""
    assert other_event("Số sản phẩm OCOP", "4 sao") == ""
