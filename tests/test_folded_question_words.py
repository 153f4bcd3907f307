"""Question words read wrongly once diacritics are folded or case is lowered (issue 16 item 10,
issue 17).

Four kinds, each read by its diacritics when the question has them and by its company when it
has none: "đồng nhất" (uniform) and "sang Nhật Bản" fold onto "đông nhất"/"nhất", no end of a
ranking asked (rag.answer.extremes); "doanh thu hàng hóa", "sử dụng thủ công" fold onto the
rank words "thứ hạng", "đứng thứ" (rag.answer.question.rank_words_misread); a code typed in
lower case ("xăng ron 97") is a code as "RON 97" is (rag.answer.codes); "số N" after a place
noun ("cửa khẩu số 2", "chợ số 3", "đường số 5") names the place, never another of its kind
(rag.vi.numbers.named_numbers).  Near-misses: "nào đông/lớn nhất" still asks the most, "đứng
thứ mấy" still a rank, "RON 95" still a code, "có bao nhiêu cửa khẩu" still a count."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.answer.codes import asked_codes
from rag.answer.intent import read_intent
from rag.answer.question import read_question
from rag.records import AskOptions
from rag.search.query import analyze
from rag.service import RagService
from rag.vi.numbers import named_numbers

TODAY = date(2082, 2, 1)

EXPORTS = ("BÁO CÁO TÌNH HÌNH XUẤT KHẨU TỈNH BẮC VÂN NĂM 2081\n\n"
           "Năm 2081, giá trị xuất khẩu hàng thủ công mỹ nghệ đạt 45,6 triệu USD, tăng 8,2% so "
           "với năm trước; hàng nông sản đạt 310,2 triệu USD, là mặt hàng có kim ngạch lớn "
           "nhất.\n")
PETROL = ("BÁO CÁO TIÊU THỤ XĂNG DẦU TỈNH BẮC VÂN NĂM 2081\n\n"
          "Năm 2081, sản lượng xăng RON 95 đạt 120.500 m3; xăng E5 RON 92 đạt 84.000 m3; dầu "
          "diesel đạt 210.000 m3.\n")
GATES = ("TIN HẢI QUAN CỬA KHẨU BẮC VÂN NĂM 2081\n\n"
         "Năm 2081, toàn tỉnh có 12 cửa khẩu. Kim ngạch qua cửa khẩu số 1 Bản Mới đạt 230,4 "
         "triệu USD, qua cửa khẩu số 2 Pò Nhùng đạt 512,7 triệu USD. Lượng xe qua đường số 2 "
         "đạt 1.250 lượt xe, qua đường số 5 đạt 3.400 lượt xe.\n")
MARKETS = ("BÁO CÁO THƯƠNG MẠI THÀNH PHỐ BẮC VÂN NĂM 2081\n\n"
           "Năm 2081, chợ số 3 có 420 hộ kinh doanh, chợ số 7 có 185 hộ kinh doanh; toàn thành "
           "phố có 14 chợ.\n")
OCOP = ("BÁO CÁO OCOP TỈNH BẮC VÂN NĂM 2081\n\n"
        "Năm 2081, các sản phẩm chè của huyện Tân Uyên có chất lượng đồng nhất, được công "
        "nhận 15 sản phẩm OCOP. Huyện Mường Khoa có nhiều sản phẩm OCOP nhất với 22 sản "
        "phẩm.\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("folded_words"), {
        "xuat_khau_2081.txt": EXPORTS, "xang_2081.txt": PETROL, "cua_khau_2081.txt": GATES,
        "cho_2081.txt": MARKETS, "ocop_2081.txt": OCOP})


def _ask(service: RagService, question: str):  # type: ignore[no-untyped-def]
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=TODAY))


# --- kind 1: "đồng nhất", "Nhật" folded onto the words of a superlative ---------------------

@pytest.mark.parametrize("question", [
    "Huyện nào có sản phẩm chè chất lượng đồng nhất?",
    "Huyen nao co san pham che chat luong dong nhat?",  # by its company: "chất lượng"
    "Sản phẩm nào đạt tiêu chuẩn đồng nhất về mẫu mã?",
    "san pham nao khong dong nhat ve chat luong?",
    "Mặt hàng nào xuất khẩu nhiều sang Nhật Bản năm 2081?",
])
def test_no_end_asked_by_a_word_folded_alike(question: str) -> None:
    assert read_intent(analyze(question)).extreme is None


@pytest.mark.parametrize("question", [
    "Mặt hàng nào đông nhất?", "Mặt hàng nào lớn nhất?", "diem du lich nao dong nhat?",
    "Điểm du lịch nào đông khách nhất?", "Huyện nào có nhiều sản phẩm OCOP nhất?",
])
def test_the_most_still_asked(question: str) -> None:
    assert read_intent(analyze(question)).extreme == "max"


@pytest.mark.parametrize("question", [
    "Huyện nào có sản phẩm chè chất lượng đồng nhất?",
    "Huyen nao co san pham che chat luong dong nhat?",
])
def test_uniform_is_not_answered_with_the_most(service: RagService, question: str) -> None:
    assert "Mường Khoa" not in _ask(service, question).answer


def test_the_most_still_answered(service: RagService) -> None:
    assert "Mường Khoa" in _ask(service, "Huyện nào có nhiều sản phẩm OCOP nhất?").answer


# --- kind 2: "doanh thu hàng hóa", "sử dụng thủ công" folded onto rank words ----------------

@pytest.mark.parametrize("question", [
    "Doanh thu hàng hóa bán lẻ năm 2081 là bao nhiêu?",
    "Doanh thu hang hoa ban le nam 2081 la bao nhieu?",
    "Thu hàng năm của hộ kinh doanh là bao nhiêu?",
    "So co so su dung thu cong la bao nhieu?",
    "Giá trị xuất khẩu hàng thủ công mỹ nghệ năm 2081 là bao nhiêu?",
])
def test_no_rank_asked_by_words_folded_alike(question: str) -> None:
    query = analyze(question)
    assert read_intent(query).kind != "rank"
    assert read_question(query, TODAY).measure != "rank"


@pytest.mark.parametrize("question", [
    "Chỉ số PCI đứng thứ mấy?", "chi so pci dung thu may?", "Lang Son dung thu may ve PCI?",
    "Lạng Sơn xếp hạng thứ mấy cả nước?", "Kim ngạch hàng thủ công mỹ nghệ đứng thứ mấy?",
])
def test_a_rank_still_asked(question: str) -> None:
    assert read_intent(analyze(question)).kind == "rank"


def test_revenue_of_goods_answered(service: RagService) -> None:
    answer = _ask(service, "Giá trị xuất khẩu hàng thủ công mỹ nghệ năm 2081 là bao nhiêu?")
    assert "45,6" in answer.answer


# --- kind 3: a code typed in lower or mixed case ---------------------------------------------

@pytest.mark.parametrize("question, code", [
    ("Sản lượng xăng ron 97 năm 2081 là bao nhiêu?", "97"),
    ("san luong xang ron 97 nam 2081 la bao nhieu?", "97"),
    ("Sản lượng xăng Ron 97 năm 2081?", "97"),
    ("Sản lượng xăng RON 95 năm 2081 là bao nhiêu?", "95"),  # near-miss: upper case still
])
def test_a_code_read_in_any_case(question: str, code: str) -> None:
    intent = read_intent(analyze(question))
    assert asked_codes(intent.runs, question) == {(("ron", False), code)}


@pytest.mark.parametrize("question", [
    "Sản lượng xăng ron 97 năm 2081 là bao nhiêu?",
    "san luong xang ron 97 nam 2081 la bao nhieu?",
    "Sản lượng xăng Ron 97 năm 2081?",
])
def test_another_code_gets_no_figure(service: RagService, question: str) -> None:
    answer = _ask(service, question)
    assert "120.500" not in answer.answer and "84.000" not in answer.answer


@pytest.mark.parametrize("question", [
    "Sản lượng xăng ron 95 năm 2081 là bao nhiêu?",
    "Sản lượng xăng RON 95 năm 2081 là bao nhiêu?",
])
def test_the_code_asked_answered(service: RagService, question: str) -> None:
    assert "120.500" in _ask(service, question).answer


def test_periods_and_counts_are_no_codes() -> None:
    for question in ("Kim ngạch quý 3 năm 2081 là bao nhiêu?",
                     "doanh thu thang 9 nam 2081 tang bao nhieu?",
                     "Có bao nhiêu cửa khẩu năm 2081?"):
        assert asked_codes(read_intent(analyze(question)).runs, question) == frozenset()


# --- kind 4: "số N" after a place noun names the place ---------------------------------------

@pytest.mark.parametrize("text, named", [
    ("Kim ngạch qua cửa khẩu số 2 năm 2081", {("cua khau so", "2")}),
    ("kim ngach qua cua khau so 2", {("cua khau so", "2")}),
    ("chợ số 3 có 420 hộ", {("cho so", "3")}),
    ("tổ máy số 1 của nhà máy", {("to may so", "1")}),
    ("Quyết định số 12 của UBND tỉnh", set()),
])
def test_places_named_by_number(text: str, named: set[tuple[str, str]]) -> None:
    assert named_numbers(text) == named


@pytest.mark.parametrize("question, right, wrong", [
    ("Kim ngạch qua cửa khẩu số 2 năm 2081 là bao nhiêu?", "512,7", "230,4"),
    ("Kim ngach qua cua khau so 2 nam 2081 la bao nhieu?", "512,7", "230,4"),
    ("Lượng xe qua đường số 5 năm 2081 là bao nhiêu?", "3.400", "1.250"),
    ("Số lượt xe qua đường số 2 năm 2081?", "1.250", "3.400"),
    ("Chợ số 7 có bao nhiêu hộ kinh doanh năm 2081?", "185", "420"),
])
def test_the_numbered_place_asked(service: RagService, question: str, right: str,
                                  wrong: str) -> None:
    answer = _ask(service, question).answer
    assert right in answer and wrong not in answer


@pytest.mark.parametrize("question", [
    "Kim ngạch qua cửa khẩu số 4 năm 2081 là bao nhiêu?",
    "Chợ số 9 có bao nhiêu hộ kinh doanh năm 2081?",
])
def test_another_numbered_place_gets_no_figure(service: RagService, question: str) -> None:
    answer = _ask(service, question)
    assert not (answer.found and answer.confidence >= 0.7)


@pytest.mark.parametrize("question, figure", [
    ("Năm 2081 toàn tỉnh có bao nhiêu cửa khẩu?", "12"),
    ("Năm 2081 thành phố có bao nhiêu chợ?", "14"),
])
def test_the_count_still_answered(service: RagService, question: str, figure: str) -> None:
    assert _ask(service, question).answer.startswith(figure)
