"""A plan asked in any of its words finds it however the report words it (break-test bt22b,
session 50):

1. a target asked "mục tiêu" of an indicator whose name holds "mức" ("tổng mức bán lẻ"):
   the two fold alike, and "muc_tieu" stayed asked of "Sở phấn đấu tổng mức bán lẻ cả năm
   2070 đạt 65.000 tỷ đồng" -- refused at 0.31 while "chỉ tiêu ..." and "kế hoạch ..." found
   it (README Known limits, s49);
2. a share of the plan asked "% chỉ tiêu", "phần trăm chỉ tiêu được giao" of "Về công tác thu
   ngân sách, năm 2063 Cục Hải quan Lạng Sơn thu được 8.412,6 tỷ đồng, đạt 105,2% chỉ tiêu
   được giao": the share's own words lack "thu ngân sách" (said by the clause's topic), and
   the next year's "được giao chỉ tiêu thu ngân sách 8.600 tỷ đồng" named the indicator, so
   the share was taken for another indicator's and refused at 0.86 -- "% dự toán" passed
   only because "dự toán" makes no word pair.

Reports of our own in other years, indicators and units; near misses: the actual asked
without a plan word keeps the actual, and a share of plan asked of an indicator the report
gives no share of is still refused."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.answer.figures import plan_word_term, topic_opened
from rag.records import AskOptions
from rag.service import RagService
from rag.vi.text import fold

DOCS = {
    "hq_tong_ket_2081.txt": (
        "Cục Hải quan tỉnh tổng kết công tác năm 2081\n\nNgày 08/01/2082\n\n"
        "Năm 2081, kim ngạch xuất khẩu hàng hóa qua địa bàn đạt 3.880 triệu USD, tăng 9,2% "
        "so với năm 2080.\n\n"
        "Về công tác thu ngân sách, năm 2081 Cục Hải quan tỉnh thu được 9.214,3 tỷ đồng, đạt "
        "102,4% chỉ tiêu được giao (9.000 tỷ đồng), tăng 6,1% so với năm 2080.\n\n"
        "Năm 2082, Cục Hải quan tỉnh được giao chỉ tiêu thu ngân sách 9.600 tỷ đồng.\n"),
    "thue_9thang_2083.txt": (
        "Cục Thuế tỉnh: kết quả thu 9 tháng năm 2083\n\nNgày 05/10/2083\n\n"
        "Về thu nội địa, 9 tháng năm 2083 Cục Thuế tỉnh thu được 3.412 tỷ đồng, bằng 78,6% "
        "kế hoạch năm, tăng 4,4% so với cùng kỳ.\n\n"
        "Năm 2084, Cục Thuế tỉnh được giao kế hoạch thu nội địa 4.800 tỷ đồng.\n"),
    "hop_bao_sct_2085.txt": (
        "Họp báo Sở Công Thương 6 tháng đầu năm 2085\n\nNgày 04/07/2085\n\n"
        "Tổng mức bán lẻ hàng hóa 6 tháng đầu năm 2085 đạt 34.200 tỷ đồng, tăng 8,8% so với "
        "cùng kỳ.\n\n"
        "Về kế hoạch 6 tháng cuối năm, Sở phấn đấu tổng mức bán lẻ cả năm 2085 đạt 71.500 tỷ "
        "đồng.\n"),
    "luu_chuyen_2087.txt": (
        "Kế hoạch phát triển thương mại năm 2087\n\nNgày 15/01/2087\n\n"
        "UBND tỉnh giao kế hoạch tổng mức lưu chuyển hàng hóa năm 2087 là 18.400 tỷ đồng.\n"),
    # "mục tiêu" written somewhere, as a corpus of reports does: a word pair then, which
    # folds to "muc_tieu" beside the "muc" of "tổng mức"
    "dinh_huong_2086.txt": (
        "Định hướng phát triển thương mại\n\nNgày 20/02/2086\n\n"
        "Mục tiêu phát triển thương mại của tỉnh là xây dựng hệ thống phân phối hiện đại, "
        "gắn với mục tiêu phát triển bền vững.\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("plan_words"), DOCS)


@pytest.mark.parametrize(("question", "expected"), [
    # 1. a target in any plan word, the indicator's "mức" beside "mục tiêu": as sure as the
    # others (at c23287e "mục tiêu ..." was 0.73 here, "chỉ tiêu ..." 1.0)
    ("mục tiêu tổng mức bán lẻ năm 2085", "71.500"),
    ("Mục tiêu tổng mức bán lẻ năm 2085 là bao nhiêu?", "71.500"),
    ("chỉ tiêu tổng mức bán lẻ năm 2085", "71.500"),
    ("kế hoạch tổng mức bán lẻ năm 2085", "71.500"),
    ("tổng mức bán lẻ năm 2085 phấn đấu đạt bao nhiêu", "71.500"),
    ("mục tiêu tổng mức lưu chuyển hàng hóa năm 2087", "18.400"),
    ("chỉ tiêu tổng mức lưu chuyển hàng hóa năm 2087", "18.400"),
])
def test_target_in_any_plan_word(service: RagService, question: str, expected: str) -> None:
    a = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert a.found and a.answer.startswith(expected) and a.confidence >= 0.9, \
        (a.answer, a.confidence)


@pytest.mark.parametrize(("question", "expected"), [
    ("chỉ tiêu thu ngân sách năm 2081 là bao nhiêu", "9.000"),
    # 2. a share of the plan in any plan word, the indicator said by the clause's topic
    ("thu ngân sách năm 2081 đạt bao nhiêu % chỉ tiêu", "102,4%"),
    ("thu ngân sách năm 2081 đạt bao nhiêu phần trăm chỉ tiêu được giao", "102,4%"),
    ("thu ngân sách năm 2081 đạt bao nhiêu % kế hoạch", "102,4%"),
    ("thu ngân sách năm 2081 đạt bao nhiêu % dự toán", "102,4%"),
    ("thu nội địa 9 tháng năm 2083 đạt bao nhiêu % kế hoạch", "78,6%"),
    ("thu nội địa 9 tháng năm 2083 đạt bao nhiêu % chỉ tiêu", "78,6%"),
    # near misses: the actual asked keeps the actual
    ("tổng mức bán lẻ 6 tháng đầu năm 2085", "34.200"),
    ("thu ngân sách năm 2081", "9.214,3"),
    ("thu nội địa 9 tháng năm 2083", "3.412"),
])
def test_plan_in_any_words(service: RagService, question: str, expected: str) -> None:
    a = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert a.found and a.answer.startswith(expected), (a.answer, a.confidence)


def test_share_of_another_indicator_refused(service: RagService) -> None:
    # the report gives the exports and no share of plan of them: no other indicator's share
    a = service.ask("kim ngạch xuất khẩu năm 2081 đạt bao nhiêu % kế hoạch",
                    AskOptions(retrieval_mode="lexical"))
    assert not (a.found and a.answer.startswith("102,4")), (a.answer, a.confidence)


@pytest.mark.parametrize(("term", "question", "said"), [
    ("muc_tieu", "mục tiêu tổng mức bán lẻ năm 2085", True),
    ("tong_muc", "mục tiêu tổng mức bán lẻ năm 2085", False),
    ("du", "thu ngân sách đạt bao nhiêu % dự toán", True),
    ("giao", "bao nhiêu phần trăm chỉ tiêu được giao", True),
    ("ngan_sach", "chỉ tiêu thu ngân sách", False),
])
def test_plan_word_term(term: str, question: str, said: bool) -> None:
    assert plan_word_term(term, fold(question).lower()) is said


@pytest.mark.parametrize(("before", "topic"), [
    ("Về công tác thu ngân sách, năm 2081 Cục Hải quan tỉnh thu được 9.214,3 tỷ đồng, đạt ",
     "cong tac thu ngan sach"),
    ("Kết quả: - Về xuất khẩu, kim ngạch đạt ", "xuat khau"),
    ("Về xuất khẩu, kim ngạch đạt 1.200 triệu USD; nhập khẩu đạt ", ""),
    ("Năm 2081, Cục Hải quan tỉnh thu được 9.214,3 tỷ đồng, đạt ", ""),
])
def test_topic_opened(before: str, topic: str) -> None:
    assert topic_opened(before) == topic
