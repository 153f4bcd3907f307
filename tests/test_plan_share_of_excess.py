"""The share of the plan asked ("đạt/bằng/hoàn thành bao nhiêu % kế hoạch") of an excess the
report writes ("vượt 2,1% kế hoạch năm", "vượt dự toán 6,3%") is 100 plus the excess, said
first: "102,1% (vượt 2,1%)" -- answered "2,1%" at 0.97 though the summary said "tức đạt
102,1% kế hoạch" (break-test bt25 kind 1).  Near misses: the excess asked ("vượt kế hoạch bao
nhiêu %") stays the excess (tests/test_over_plan.py); a share written as one ("bằng 96,4% kế
hoạch") stays as written."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService

TRADE = (
    "BÁO CÁO TÌNH HÌNH XUẤT NHẬP KHẨU NĂM 2036\nNgày 10/01/2037\n\n"
    "Tổng kim ngạch xuất nhập khẩu năm 2036 đạt 13.276,4 triệu USD, tăng 10,7% so với năm "
    "2035, vượt 2,1% kế hoạch năm. Thu ngân sách từ hoạt động xuất nhập khẩu năm 2036 đạt "
    "8.450 tỷ đồng, vượt dự toán 6,3%.\n\n"
    "Kim ngạch nhập khẩu năm 2036 đạt 7.120 triệu USD, bằng 96,4% kế hoạch năm.\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("plan_share_of_excess"),
                              {"xnk-2036.txt": TRADE.encode()})


def ask(service: RagService, question: str):  # noqa: ANN201
    return service.ask(question, AskOptions(retrieval_mode="lexical"))


@pytest.mark.parametrize(("question", "value"), [
    ("Tổng kim ngạch xuất nhập khẩu năm 2036 đạt bao nhiêu % kế hoạch?", "102,1% (vượt 2,1%)"),
    ("Tổng kim ngạch xuất nhập khẩu năm 2036 bằng bao nhiêu phần trăm kế hoạch năm?",
     "102,1% (vượt 2,1%)"),
    ("Tổng kim ngạch xuất nhập khẩu năm 2036 hoàn thành bao nhiêu % kế hoạch?",
     "102,1% (vượt 2,1%)"),
    ("Thu ngân sách từ hoạt động xuất nhập khẩu năm 2036 đạt bao nhiêu % dự toán?",
     "106,3% (vượt 6,3%)"),
])
def test_the_share_asked_of_an_excess_is_said_first(service: RagService, question: str,
                                                    value: str) -> None:
    answer = ask(service, question)
    assert answer.found and answer.answer == value, (answer.answer, answer.summary)


@pytest.mark.parametrize(("question", "value"), [
    ("Tổng kim ngạch xuất nhập khẩu năm 2036 vượt kế hoạch bao nhiêu %?", "2,1%"),
    ("Kim ngạch nhập khẩu năm 2036 đạt bao nhiêu % kế hoạch?", "96,4%"),
])
def test_the_excess_asked_and_a_share_written_stay(service: RagService, question: str,
                                                   value: str) -> None:
    answer = ask(service, question)
    assert answer.found and answer.answer == value, (answer.answer, answer.summary)
