"""A later sentence naming the figure before by a short form of its name, and a plan named
right after a result (issue 17 break-test bt14-b17, failures 1 and 3).

1. "Quý III, tổng kim ngạch xuất nhập khẩu ... qua các cửa khẩu trên địa bàn đạt ..." then
   "Lũy kế 9 tháng, kim ngạch qua địa bàn đạt ...": the follow-up is of the same indicator, so
   its figure of exactly the asked period answers -- not the quarter's, offered as partial
   because its longer name held more of the question's words.  Carried at reading
   (rag.vi.frames.sentence.shortened_of): a part ("kim ngạch xuất khẩu") or another
   paragraph's sentence keeps its own name.
2. "11 tháng đạt ..., vượt 10,1% mục tiêu cả năm (mục tiêu 160 tỷ đồng)", "(mục tiêu cả năm
   ...)", "; kế hoạch cả năm là ...": the plan is of the year its words name (else of the
   result's year), not of the result's months, and of the result's indicator."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract
from rag.vi.frames.sentence import shortened_of

INVEST = ("Quý II/2059, tổng vốn đầu tư phát triển toàn xã hội trên địa bàn tỉnh đạt 4.120 tỷ "
          "đồng, tăng 8,1% so với quý II/2058.\nLũy kế 6 tháng, vốn đầu tư trên địa bàn đạt "
          "7.950 tỷ đồng, tăng 6,3% so với cùng kỳ.\n")
RETAIL = ("Tháng 5/2059, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng trên địa bàn "
          "tỉnh đạt 3.260 tỷ đồng, tăng 7,2% so với cùng kỳ.\nLũy kế 5 tháng, mức bán lẻ trên "
          "địa bàn đạt 15.840 tỷ đồng, tăng 8,8% so với cùng kỳ.\n")
PLANS = ("Doanh thu du lịch 10 tháng đạt 845 tỷ đồng, bằng 93,9% kế hoạch cả năm (kế hoạch 900 "
         "tỷ đồng).\n\nSố khách lưu trú 10 tháng đạt 412 nghìn lượt (mục tiêu cả năm 480 nghìn "
         "lượt).\n\nThu ngân sách 10 tháng đạt 1.520 tỷ đồng; kế hoạch cả năm là 1.800 tỷ "
         "đồng.\n\nKim ngạch xuất khẩu quý III đạt 96 triệu USD, bằng 27% kế hoạch năm (kế "
         "hoạch quý III là 90 triệu USD).\n")


def _frames(text: str, day: str = "2059-07-05"):  # type: ignore[no-untyped-def]
    return {f.value: f for f in extract(text, "Báo cáo", day)}


def full_name(text: str) -> str:
    return extract(text, "Báo cáo", "2059-07-05")[0].indicator


def test_short_forms_and_what_is_none():
    assert shortened_of("kim ngạch qua địa bàn", "tổng kim ngạch xuất nhập khẩu hàng hóa qua "
                        "các cửa khẩu trên địa bàn")
    assert shortened_of("vốn đầu tư trên địa bàn", "tổng vốn đầu tư phát triển toàn xã hội "
                        "trên địa bàn tỉnh")
    assert not shortened_of("kim ngạch xuất khẩu", "kim ngạch xuất nhập khẩu qua địa bàn")
    assert not shortened_of("kim ngạch nhập khẩu", "tổng kim ngạch xuất nhập khẩu qua địa bàn")
    assert not shortened_of("vốn đầu tư công", "tổng vốn đầu tư trên địa bàn")
    assert shortened_of("bán lẻ", "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng")
    assert not shortened_of("trên địa bàn", "tổng vốn đầu tư trên địa bàn")  # no head noun
    assert not shortened_of("vốn đầu tư", "vốn đầu tư")


def test_a_follow_up_sentence_takes_the_full_name():
    got = _frames(INVEST)
    full = got["4.120 tỷ đồng"].indicator
    assert got["7.950 tỷ đồng"].indicator == full
    assert got["6,3%"].indicator == full
    assert got["7.950 tỷ đồng"].period.label == "6 tháng đầu năm 2059"


def test_a_part_and_another_paragraph_keep_their_names():
    part = _frames("Tháng 8/2059, kim ngạch xuất nhập khẩu qua các cửa khẩu đạt 620 triệu USD."
                   "\n8 tháng, kim ngạch xuất khẩu đạt 2.100 triệu USD.\n", "2059-09-05")
    assert part["2.100 triệu USD"].indicator == "kim ngạch xuất khẩu"
    listed = _frames("Quý II/2059, tổng kim ngạch xuất nhập khẩu qua địa bàn đạt 1.410 triệu USD."
                     " Trong đó, kim ngạch nhập khẩu: 530 triệu USD, tăng 4,2%.\n", "2059-07-05")
    assert listed["530 triệu USD"].indicator == "kim ngạch nhập khẩu"
    apart = _frames(INVEST.replace("\nLũy kế", "\n\nLũy kế"))
    assert apart["7.950 tỷ đồng"].indicator != full_name(INVEST)


@pytest.mark.parametrize(("value", "indicator", "label"), [
    ("900 tỷ đồng", "Doanh thu du lịch", "năm 2058"),
    ("480 nghìn lượt", "Số khách lưu trú", "năm 2058"),
    ("1.800 tỷ đồng", "Thu ngân sách", "năm 2058"),
    ("90 triệu USD", "Kim ngạch xuất khẩu", "quý III/2058"),  # a plan of a quarter stays
])
def test_a_plan_after_a_result_is_of_the_year_it_names(value: str, indicator: str, label: str):
    got = _frames(PLANS, "2058-11-05")
    assert got[value].target and got[value].indicator == indicator
    assert got[value].period.label == label
    assert not got["412 nghìn lượt"].target
    assert got["412 nghìn lượt"].period.label == "10 tháng năm 2058"


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("follow_up"), [
        {"id": "dt", "title": "Báo cáo đầu tư 6 tháng năm 2059", "date": "2059-07-05",
         "text": INVEST},
        {"id": "bl", "title": "Báo cáo thương mại tháng 5 năm 2059", "date": "2059-06-03",
         "text": RETAIL},
        {"id": "kh", "title": "Báo cáo tháng 10 năm 2058", "date": "2058-11-05", "text": PLANS}])


def _ask(service: RagService, question: str):  # type: ignore[no-untyped-def]
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2059, 12, 1)))


@pytest.mark.parametrize(("question", "expected"), [
    ("vốn đầu tư phát triển toàn xã hội 6 tháng đầu năm 2059?", "7.950"),
    ("tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng 5 tháng năm 2059?", "15.840"),
    ("tổng mức bán lẻ hàng hóa và dịch vụ tiêu dùng 5 tháng 2059 tăng bao nhiêu %?", "8,8"),
    ("mục tiêu số khách lưu trú năm 2058?", "480"),
    ("kế hoạch doanh thu du lịch năm 2058 là bao nhiêu?", "900"),
    ("kế hoạch thu ngân sách cả năm 2058?", "1.800"),
    ("số khách lưu trú 10 tháng năm 2058?", "412"),
])
def test_the_exact_period_answers(service: RagService, question: str, expected: str) -> None:
    reply = _ask(service, question)
    assert reply.found and reply.period_match == "exact", reply
    assert expected in reply.answer
