"""A herd asked "bao nhiêu đàn <con vật>" -- and in English "how many cattle/poultry", which the
glossary writes so -- is the herd counted by head ("đàn bò ... 27.450 con"), not "đàn" as the
unit asked (issue 17 break-test bt17-b17 failure 8: "How many pigs did Dong Linh have on
1 October 2073?" refused for "only a change" though the count is stated; rag.answer.intent)."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService

FARM = (
    "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG TỈNH THANH VÂN\nBáo cáo tình hình chăn nuôi quý II năm 2066\n"
    "Thanh Vân, ngày 10 tháng 7 năm 2066\n\n"
    "1. Chăn nuôi\nTại thời điểm 1/7/2066, đàn bò toàn tỉnh có 27.450 con, tăng 3,2% so với cùng "
    "thời điểm năm trước; đàn gia cầm 3,86 triệu con, giảm 1,4%; đàn dê 12.900 con. So với "
    "thời điểm 1/1/2066, đàn bò tăng 640 con.\n")
DOCS = {"so-nn-thanh-van-q2-2066.txt": FARM}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("herds"), DOCS)


@pytest.mark.parametrize(("question", "value"), [
    ("có bao nhiêu đàn bò tại thời điểm 1/7/2066?", "27.450 con"),
    ("tỉnh có bao nhiêu đàn dê ngày 1/7/2066?", "12.900 con"),
    ("How many cattle were there on 1 July 2066?", "27.450 con"),
    ("How many goats were there on 1 July 2066?", "12.900 con"),
    # the head count asked with its unit, as before
    ("đàn bò ngày 1/7/2066 có bao nhiêu con?", "27.450 con"),
])
def test_a_herd_is_counted_by_head(service: RagService, question: str, value: str) -> None:
    a = service.ask(question, AskOptions(today=date(2066, 8, 1)))
    assert a.found and value in a.answer, (a.answer, a.confidence)


def test_a_herd_stated_only_as_a_change_is_still_refused(service: RagService) -> None:
    a = service.ask("có bao nhiêu đàn bò ngày 1/1/2066?", AskOptions(today=date(2066, 8, 1)))
    assert not a.found or "27.450" not in a.answer, a.answer
