"""Which X has the most / the fewest (issue 17, bt21-b17 failure 8).

"huyện nào có nhiều sản phẩm OCOP nhất?" of "Huyện Khau Vai dẫn đầu toàn tỉnh với 62 sản phẩm
OCOP; huyện Nà Sầm có ít nhất với 11 sản phẩm" was answered "sản phẩm OCOP; huyện Nà Sầm"
(the fewest), and "ít nhất" the same: the capitalised head at the sentence start hid the
first name, the head words were gathered back across ";", and the end of the ranking asked
was not read.  A superlative question picks the name the document states as that end ("dẫn
đầu", "đứng đầu", "cao nhất là", "ít ... nhất"), never the other end's."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.answer.candidates import entity_spans
from rag.answer.extremes import FEWEST, MOST, asked_extreme, end_items, stated_extreme
from rag.answer.intent import read_intent
from rag.answer.weights import AnswerWeights
from rag.records import AskOptions
from rag.search.query import analyze
from rag.service import RagService
from rag.vi.text import fold

BORDER = ("TÌNH HÌNH XUẤT NHẬP KHẨU QUA CÁC CỬA KHẨU TỈNH CAO BÌNH NAM NĂM 2064\n\n"
          "Năm 2064, tổng lượng phương tiện qua các cửa khẩu của tỉnh đạt 84.310 lượt xe. "
          "Đứng đầu là cửa khẩu Sóc Giang với 41.200 lượt xe, thấp nhất là cửa khẩu Bình Nghi "
          "với 1.150 lượt xe.\n")
FIRMS = ("BÁO CÁO PHÁT TRIỂN DOANH NGHIỆP THÀNH PHỐ HÀ TRUNG NĂM 2064\n\n"
         "Năm 2064, thành phố có 530 doanh nghiệp giải thể. Phường Đông Xá có ít doanh "
         "nghiệp giải thể nhất với 4 doanh nghiệp; phường Yên Thế dẫn đầu với 96 doanh "
         "nghiệp giải thể.\n")
GOODS = ("BÁO CÁO NHẬP KHẨU TỈNH CAO BÌNH NAM NĂM 2064\n\n"
         "Năm 2064, kim ngạch nhập khẩu của tỉnh đạt 412 triệu USD. Trong các mặt hàng nhập "
         "khẩu, mặt hàng có kim ngạch cao nhất là máy móc thiết bị với 133 triệu USD; mặt hàng "
         "có kim ngạch thấp nhất là phân bón với 3,4 triệu USD.\n")


@pytest.mark.parametrize("question, end", [
    ("xã nào có nhiều hộ nghèo nhất?", MOST),
    ("doanh nghiệp nào có doanh thu lớn nhất năm 2064?", MOST),
    ("cửa khẩu nào đứng đầu về lượng xe?", MOST),
    ("phường nào có ít doanh nghiệp giải thể nhất?", FEWEST),
    ("mặt hàng nào có giá trị nhỏ nhất?", FEWEST),
    ("huyện nào xếp cuối bảng về thu ngân sách?", FEWEST),
    ("xã nào đạt chuẩn nông thôn mới năm 2064?", None),
    ("văn bản nào thống nhất quy định này?", None),
])
def test_the_end_asked(question: str, end: str | None) -> None:
    assert asked_extreme(fold(question)) == end


def test_the_end_a_segment_states() -> None:
    sentence = fold("Xã Vĩnh Lợi dẫn đầu với 40 hộ; xã Bảo Yên có ít hộ mới nhất với 2 hộ.")
    assert stated_extreme(sentence, 0, 11) == MOST
    assert stated_extreme(sentence, 31, 42) == FEWEST
    # "ít nhất 5 sản phẩm": at least, no end of a ranking
    at_least = fold("Huyện phấn đấu có thêm 20 sản phẩm, trong đó ít nhất 5 sản phẩm 4 sao.")
    assert stated_extreme(at_least, 0, 5) is None


@pytest.mark.parametrize("question, name", [
    ("phường nào có nhiều doanh nghiệp giải thể nhất?", "phường Yên Thế"),
    ("phường nào dẫn đầu về số doanh nghiệp giải thể?", "phường Yên Thế"),
    ("phường nào có ít doanh nghiệp giải thể nhất?", "Phường Đông Xá"),
    ("phường nào có số doanh nghiệp giải thể thấp nhất?", "Phường Đông Xá"),
])
def test_entity_spans_keep_the_asked_end(question: str, name: str) -> None:
    sentence = FIRMS.split("\n\n")[1].split(". ", 1)[1].strip()
    spans = entity_spans(read_intent(analyze(question)), sentence, AnswerWeights())
    assert [c.text for c in spans] == [name]


def test_lower_case_items_named_after_the_end() -> None:
    sentence = GOODS.split("\n\n")[1].split(". ", 1)[1].strip()
    assert [sentence[s:e] for s, e in end_items(sentence, MOST, "mat hang")] == \
        ["máy móc thiết bị"]
    assert [sentence[s:e] for s, e in end_items(sentence, FEWEST, "mat hang")] == ["phân bón"]
    assert end_items(sentence, MOST, "cua khau") == []  # not the kind of item asked


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("superlatives"), {
        "cua_khau_2064.txt": BORDER, "doanh_nghiep_2064.txt": FIRMS,
        "nhap_khau_2064.txt": GOODS})


@pytest.mark.parametrize("question, expected, other", [
    ("phường nào có nhiều doanh nghiệp giải thể nhất năm 2064?", "Yên Thế", "Đông Xá"),
    ("phường nào có ít doanh nghiệp giải thể nhất năm 2064?", "Đông Xá", "Yên Thế"),
    ("cửa khẩu nào có nhiều lượt xe nhất?", "Sóc Giang", "Bình Nghi"),
    ("cửa khẩu nào có lượng xe thấp nhất?", "Bình Nghi", "Sóc Giang"),
    ("mặt hàng nhập khẩu nào có kim ngạch lớn nhất?", "máy móc thiết bị", "phân bón"),
    ("mặt hàng nhập khẩu nào có kim ngạch nhỏ nhất?", "phân bón", "máy móc"),
])
def test_the_asked_end_answers(service: RagService, question: str, expected: str,
                               other: str) -> None:
    answer = service.ask(question, AskOptions(retrieval_mode="lexical",
                                              today=date(2065, 3, 1)))
    assert answer.found, answer.answer
    assert expected in answer.answer and other not in answer.answer, answer.answer
