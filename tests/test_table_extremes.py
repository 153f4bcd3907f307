"""Which row of a table of parts holds the most / the fewest (issue 17, brief wd2).

After bt21-b17 failure 8 (prose: "dẫn đầu là ..."), a table of districts with a column of
the asked indicator was answered with its caption sentence ("Số hợp tác xã theo từng huyện
như sau:") at ~0.4.  A "which X ... nhất" question over a table whose rows are the kind asked
answers the row holding that end of the asked column, its value beside its name, cited by
its row; a total row is never the end, rows of another kind (districts for "xã nào") and
columns of another period do not answer.  Other tables, kinds and indicators than the
evidence's."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.answer.table_extremes import asked_kind
from rag.records import AskOptions
from rag.service import RagService
from rag.vi.text import fold

GATES = ("HOẠT ĐỘNG CÁC CỬA KHẨU TỈNH LẠNG BÌNH NĂM 2063\n\n"
         "Năm 2063, hàng hóa qua các cửa khẩu của tỉnh tiếp tục tăng. Kết quả theo từng cửa "
         "khẩu như sau:\n\n"
         "| Cửa khẩu | Kim ngạch xuất nhập khẩu (triệu USD) | Lượt phương tiện |\n"
         "| --- | --- | --- |\n"
         "| Cửa khẩu Hoành Sơn | 731,6 | 52.400 |\n"
         "| Cửa khẩu Bản Chắt | 95,2 | 61.050 |\n"
         "| Cửa khẩu Na Lạn | 12,8 | 3.120 |\n"
         "| Tổng cộng | 839,6 | 116.570 |\n")
GOODS = ("BÁO CÁO XUẤT KHẨU TỈNH ĐẮK NGUYÊN NĂM 2063\n\n"
         "Năm 2063, kim ngạch xuất khẩu toàn tỉnh đạt 1.020 triệu USD. Kim ngạch xuất khẩu "
         "một số mặt hàng chủ yếu như sau:\n\n"
         "| Mặt hàng | Kim ngạch (triệu USD) |\n"
         "| --- | --- |\n"
         "| Cà phê | 640,5 |\n"
         "| Hạt tiêu | 88,7 |\n"
         "| Cao su | 41,9 |\n")
COMMUNES = ("BÁO CÁO NÔNG THÔN MỚI HUYỆN SƠN HẠ NĂM 2063\n\n"
            "Năm 2063, số hộ nghèo theo từng xã như sau:\n\n"
            "| Xã | Số hộ nghèo | Thu nhập bình quân (triệu đồng/người) |\n"
            "| --- | --- | --- |\n"
            "| Xã Tịnh Bắc | 212 | 38,4 |\n"
            "| Xã Tịnh Đông | 57 | 52,1 |\n"
            "| Xã Tịnh Giang | 130 | 44,0 |\n")


@pytest.mark.parametrize("question, kind", [
    ("cửa khẩu nào có nhiều lượt xe nhất?", ("cua", "khau")),
    ("xã nào có thu nhập cao nhất?", ("xa",)),
    ("thị trấn nào dẫn đầu?", ("thi", "tran")),
    ("mặt hàng nào có kim ngạch lớn nhất?", ("mat", "hang")),
    ("kim ngạch năm 2063 là bao nhiêu?", ()),
])
def test_the_kind_asked(question: str, kind: tuple[str, ...]) -> None:
    assert asked_kind(fold(question).lower()) == kind


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("table_extremes"), {
        "cua_khau_2063.txt": GATES, "xuat_khau_2063.txt": GOODS, "ho_ngheo_2063.txt": COMMUNES})


def _ask(service: RagService, question: str):  # type: ignore[no-untyped-def]
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2064, 2, 1)))


@pytest.mark.parametrize("question, expected, value, others", [
    # the total row (839,6) is no gate
    ("cửa khẩu nào có kim ngạch xuất nhập khẩu cao nhất năm 2063?", "Hoành Sơn", "731,6",
     ("Tổng", "Bản Chắt", "Na Lạn")),
    ("cửa khẩu nào có kim ngạch xuất nhập khẩu thấp nhất năm 2063?", "Na Lạn", "12,8",
     ("Hoành Sơn", "Bản Chắt")),
    # another column of the same table: the vehicles, not the trade
    ("cửa khẩu nào có nhiều lượt phương tiện nhất?", "Bản Chắt", "61.050",
     ("Hoành Sơn", "Tổng")),
    ("mặt hàng nào có kim ngạch xuất khẩu lớn nhất năm 2063?", "Cà phê", "640,5",
     ("Cao su", "Hạt tiêu")),
    ("mặt hàng nào có kim ngạch xuất khẩu thấp nhất?", "Cao su", "41,9", ("Cà phê",)),
    ("xã nào có ít hộ nghèo nhất?", "Tịnh Đông", "57", ("Tịnh Bắc", "Tịnh Giang")),
    ("xã nào có thu nhập bình quân thấp nhất năm 2063?", "Tịnh Bắc", "38,4",
     ("Tịnh Đông", "Tịnh Giang")),
])
def test_the_row_at_the_asked_end(service: RagService, question: str, expected: str,
                                  value: str, others: tuple[str, ...]) -> None:
    answer = _ask(service, question)
    assert answer.found, answer.answer
    assert expected in answer.answer and value in answer.answer, answer.answer
    assert not any(o in answer.answer for o in others), answer.answer
    assert answer.confidence >= 0.9
    quote = answer.citations[0].quote
    assert expected in quote and value in quote, quote


@pytest.mark.parametrize("question", [
    "huyện nào có nhiều hộ nghèo nhất?",  # the rows are communes, not districts
    "xã nào có ít hộ nghèo nhất năm 2059?",  # the table is of 2063
])
def test_no_row_of_another_kind_or_period(service: RagService, question: str) -> None:
    answer = _ask(service, question)
    assert not (answer.found and "Xã Tịnh" in answer.answer and "hộ nghèo" in answer.answer
                and answer.confidence >= 0.9), answer.answer


# brief wd2 doubt 2: a sentence stating an end of another indicator than the one asked
LODGING = ("BÁO CÁO DU LỊCH TỈNH HÒA NAM NĂM 2062\n\n"
           "Năm 2062, tổng lượt khách du lịch đến tỉnh đạt 2,1 triệu lượt. Huyện Thạch Phong "
           "dẫn đầu về số cơ sở lưu trú với 310 cơ sở; huyện Vân Khê có ít cơ sở lưu trú nhất "
           "với 12 cơ sở.\n")


@pytest.fixture(scope="module")
def lodging(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("lodging"), {"du_lich.txt": LODGING})


def test_an_end_of_another_indicator_is_not_sure(lodging: RagService) -> None:
    answer = _ask(lodging, "huyện nào có nhiều khách lưu trú nhất?")  # guests, not lodgings
    assert not (answer.found and answer.answer == "Huyện Thạch Phong"
                and answer.confidence >= 0.9), (answer.answer, answer.confidence)
    same = _ask(lodging, "huyện nào có nhiều cơ sở lưu trú nhất?")
    assert same.found and "Thạch Phong" in same.answer and "Vân Khê" not in same.answer
