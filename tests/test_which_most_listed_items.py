"""Which item is at the end, from a list of items with their figures, answered with the item
and its figure -- never a sentence naming no item (break-test s39 I, kind 1).

"Thị trường nào nhập khẩu nhiều nhất?" of "Thị trường nhập khẩu chủ yếu: Trung Quốc đạt
210,4 triệu USD; Hàn Quốc ..." came back as the whole sentence (a country alone heads no
frame's indicator: its name is read from its clause, rag.answer.prose_extremes.clause_name),
and a gate stated "đứng đầu" in another report beat the list of markets asked (the kind asked
comes first).  A list that gives only some items ("trong đó một số mặt hàng chính: ...") is
answered as the end of those listed, said so; a list naming no figures ("gồm hạt điều, rau
quả, chè") names no end: refused, not answered with the total's sentence."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.answer.extremes import AMONG_LISTED, FEWEST, MOST, selection_listed
from rag.records import AskOptions
from rag.service import RagService

TODAY = date(2078, 3, 1)

MARKETS = ("BÁO CÁO NHẬP KHẨU TỈNH ĐÔNG KHÊ NĂM 2077\n\n"
           "Năm 2077, kim ngạch nhập khẩu qua địa bàn đạt 318 triệu USD. Thị trường nhập khẩu "
           "chủ yếu: Trung Quốc đạt 224,6 triệu USD; Hàn Quốc đạt 48,1 triệu USD; Nhật Bản đạt "
           "27,3 triệu USD; Thái Lan đạt 12,9 triệu USD.\n")
GATES = ("BÁO CÁO PHƯƠNG TIỆN QUA CỬA KHẨU TỈNH ĐÔNG KHÊ NĂM 2077\n\n"
         "Năm 2077, số lượt phương tiện xuất nhập khẩu qua các cửa khẩu đạt 96.400 lượt. Đứng "
         "đầu là cửa khẩu Pò Mã với 51.300 lượt, tiếp đến là cửa khẩu Bình Nghi với 27.800 "
         "lượt.\n")
GOODS = ("BÁO CÁO XUẤT KHẨU HUYỆN LỘC AN NĂM 2077\n\n"
         "Năm 2077, tổng kim ngạch xuất khẩu của huyện đạt 86,5 triệu USD. Các mặt hàng xuất "
         "khẩu gồm: quế 31,2 triệu USD, hồi 22,8 triệu USD, tinh dầu 9,4 triệu USD, ván bóc "
         "14,6 triệu USD.\n")
SOME = ("BÁO CÁO XUẤT KHẨU HUYỆN VĂN MINH NĂM 2076\n\n"
        "Năm 2076, kim ngạch xuất khẩu của các doanh nghiệp trong huyện đạt 140 triệu USD, trong "
        "đó một số mặt hàng chính: tinh bột sắn 52,7 triệu USD, chè 18,3 triệu USD, măng 7,5 "
        "triệu USD.\n")
NAMED = ("BÁO CÁO NÔNG SẢN XUẤT KHẨU HUYỆN BẢO LẠC NĂM 2075\n\n"
         "Năm 2075, giá trị nông sản xuất khẩu của huyện đạt 44 triệu USD. Các nông sản xuất "
         "khẩu gồm hạt dẻ, thạch đen, lạc và mật ong.\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("listed_items"), {
        "nk_2077.txt": MARKETS, "ck_2077.txt": GATES, "xk_loc_an_2077.txt": GOODS,
        "xk_van_minh_2076.txt": SOME, "nong_san_bao_lac_2075.txt": NAMED})


def _ask(service: RagService, question: str):  # type: ignore[no-untyped-def]
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=TODAY))


@pytest.mark.parametrize("question, name, figure, others", [
    # a country alone before its figure, after "Thị trường ... chủ yếu:" -- and a gate
    # "đứng đầu" in another report is no market
    ("Thị trường nào nhập khẩu nhiều nhất năm 2077?", "Trung Quốc", "224,6",
     ("Pò Mã", "Hàn Quốc")),
    ("Thị trường nào có kim ngạch nhập khẩu nhiều nhất?", "Trung Quốc", "224,6", ("Pò Mã",)),
    # "gồm: quế 31,2 triệu USD, ...": a list of all the items, the end named plainly
    ("Mặt hàng nào có kim ngạch xuất khẩu lớn nhất năm 2077?", "quế", "31,2",
     ("hồi", "ván bóc")),
    ("Mặt hàng nào xuất khẩu ít nhất năm 2077?", "tinh dầu", "9,4", ("quế", "hồi")),
    # "Đứng đầu là X với N": stated
    ("Cửa khẩu nào có lượng phương tiện nhiều nhất năm 2077?", "Pò Mã", "51.300",
     ("Bình Nghi",)),
])
def test_the_item_with_its_figure(service: RagService, question: str, name: str, figure: str,
                                  others: tuple[str, ...]) -> None:
    answer = _ask(service, question)
    assert answer.found, answer.answer
    assert name in answer.answer and figure in answer.answer, answer.answer
    assert not any(o in answer.answer for o in others), answer.answer
    assert AMONG_LISTED not in answer.answer, answer.answer
    assert answer.citations and figure in answer.citations[0].quote


@pytest.mark.parametrize("question, name, figure", [
    ("Mặt hàng nào có kim ngạch xuất khẩu nhỏ nhất năm 2076?", "măng", "7,5"),
    ("Mặt hàng nào có kim ngạch xuất khẩu lớn nhất năm 2076?", "tinh bột sắn", "52,7"),
])
def test_some_items_listed_is_the_end_of_those_listed(service: RagService, question: str,
                                                      name: str, figure: str) -> None:
    # "trong đó một số mặt hàng chính: ...": the report lists some items, not all
    answer = _ask(service, question)
    assert answer.found and name in answer.answer and figure in answer.answer, answer.answer
    assert AMONG_LISTED in answer.answer, answer.answer


def test_a_list_without_figures_is_refused(service: RagService) -> None:
    answer = _ask(service, "Nông sản nào có giá trị xuất khẩu lớn nhất năm 2075?")
    assert not answer.found, answer.answer


@pytest.mark.parametrize("lead, end, among", [
    ("trong do mot so mat hang chinh: ", MOST, True),
    ("cac mat hang nhu ", MOST, True),
    ("thi truong nhap khau chu yeu: ", MOST, False),   # the main ones hold the largest
    ("thi truong nhap khau chu yeu: ", FEWEST, True),  # ... not the smallest
    ("cac mat hang xuat khau gom: ", FEWEST, False),
    ("thu ngan sach tai chinh: ", FEWEST, False),      # "tài chính" is no "chính"
])
def test_selection_listed(lead: str, end: str, among: bool) -> None:
    assert selection_listed(lead, end) is among
