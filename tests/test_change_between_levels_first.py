"""A change asked between two dates whose reports give only the level at each: the answer
leads with the change computed from them ("tăng 412 người (10.052 − 9.640)"), then the two
levels (rag.answer.answerer.amount_between) -- the summary alone said it before; and "cuối
2085", "đến hết 2085" without "năm" are the year's end as "cuối năm 2085" is
(rag.vi.mentions "to_date_year_end"; break-test s46 bt17w, hop_tac_xa_2081.xlsx)."""

from __future__ import annotations

import pytest
from conftest import service_over_files
from helpers import xlsx_bytes

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.mentions import find_mentions

SHEET = [["TÌNH HÌNH KINH TẾ TẬP THỂ NĂM 2086"],
         ["Chỉ tiêu", "Đến 31/12/2085", "Đến 30/9/2086"],
         ["Số hợp tác xã đang hoạt động", "402 HTX", "431 HTX"],
         ["Số thành viên hợp tác xã", "9.640 người", "10.052 người"]]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("htx"), {"htx-2086.xlsx": xlsx_bytes(SHEET)})


@pytest.mark.parametrize(("question", "change"), [
    ("Số thành viên HTX tăng bao nhiêu từ cuối 2085 đến 30/9/2086?", "tăng 412 người"),
    ("Số thành viên hợp tác xã tăng bao nhiêu từ cuối năm 2085 đến 30/9/2086?",
     "tăng 412 người"),
    ("Số hợp tác xã đến 30/9/2086 tăng bao nhiêu so với cuối năm 2085?", "tăng 29 HTX"),
])
def test_the_computed_change_leads(service: RagService, question: str, change: str) -> None:
    answer = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert answer.found and answer.answer.startswith(change), answer.answer
    assert answer.confidence < 0.9  # read from two levels: the report states no change


@pytest.mark.parametrize(("text", "label"), [
    ("từ cuối 2085 đến nay", "cuối năm 2085"), ("đến hết 2085", "cuối năm 2085"),
    ("cuối năm 2085", "cuối năm 2085")])
def test_a_years_end_without_nam(text: str, label: str) -> None:
    assert [m.period.label for m in find_mentions(text, 2086, None)][:1] == [label]


def test_an_amount_is_no_years_end() -> None:
    assert find_mentions("hết 2.085 tỷ đồng", 2086, None) == []
