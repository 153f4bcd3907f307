"""Issue 17, break-test b17 round 9 (items 2 and 6), with other indices, products and numbers:

- a rank asked in any of the reports' rank words -- "xếp hạng thứ mấy", "đứng thứ mấy", "xếp
  thứ bao nhiêu", "ở vị trí thứ mấy", with or without "cả nước" / "toàn quốc" -- reads the
  rank (before: "xếp hạng thứ mấy cả nước" read an amount in the unit "cả" and was refused);
- an English question about a product a statistics office counts (steel, fertilizer, pigs,
  poultry, tap water) finds its Vietnamese indicator; one holding a word no glossary reads is
  refused no surer than UNREAD_REFUSAL_CONFIDENCE, naming the word (before: 1.0)."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.answer.answerer import UNREAD_REFUSAL_CONFIDENCE
from rag.search.query import unread_english
from rag.service import RagService

_RANKS = (
    "BÁO CÁO KẾT QUẢ CẢI CÁCH HÀNH CHÍNH NĂM 2071\n\n"
    "Năm 2070, chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI) của tỉnh Bắc Vân "
    "xếp thứ 27/63 tỉnh, thành phố.\n"
    "Chỉ số hài lòng về sự phục vụ hành chính (SIPAS) năm 2070 đạt 82,4%, đứng thứ 9/63 cả "
    "nước.\n"
    "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) năm 2070 của Bắc Vân xếp hạng 33/63.\n"
    "Tốc độ tăng trưởng GRDP năm 2070 đạt 7,9%, xếp thứ 12/63 toàn quốc.\n")
_OFFICE = (
    "BÁO CÁO TÌNH HÌNH KINH TẾ - XÃ HỘI THÁNG 5 NĂM 2071\n\n"
    "Chỉ số sản xuất công nghiệp tháng 5/2071 tăng 8,2% so với cùng kỳ; sản xuất nông nghiệp "
    "ổn định.\n"
    "Sản lượng thép cán tháng 5/2071 ước đạt 64,2 nghìn tấn, giảm 3,1 nghìn tấn so với tháng 4.\n"
    "Sản lượng phân bón tháng 5/2071 đạt 18,9 nghìn tấn, tăng 6,4% so với cùng kỳ năm 2070.\n"
    "Tổng đàn lợn cuối tháng 5/2071 ước đạt 287.400 con; đàn gia cầm 5,3 triệu con.\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("ld"), {
        "cchc-2071.txt": _RANKS, "ktxh-t5-2071.txt": _OFFICE})


@pytest.mark.parametrize(("question", "expected"), [
    ("chỉ số PAPI năm 2070 xếp hạng thứ mấy cả nước?", "27/63"),
    ("PAPI 2070 đứng thứ mấy toàn quốc?", "27/63"),
    ("chỉ số PAPI năm 2070 ở vị trí thứ mấy?", "27/63"),
    ("SIPAS năm 2070 xếp hạng thứ mấy cả nước?", "9/63"),
    ("chỉ số SIPAS 2070 xếp thứ bao nhiêu toàn quốc?", "9/63"),
    ("chỉ số PCI năm 2070 đứng thứ mấy cả nước?", "33/63"),
    ("PCI năm 2070 xếp hạng thứ bao nhiêu trong cả nước?", "33/63"),
    ("tăng trưởng GRDP năm 2070 đứng thứ mấy cả nước?", "12/63"),
    ("GRDP 2070 ở vị trí thứ bao nhiêu?", "12/63"),
])
def test_rank_wordings_read_the_rank(service: RagService, question: str,
                                     expected: str) -> None:
    answer = service.ask(question)
    assert answer.found and expected in answer.answer, answer


@pytest.mark.parametrize(("question", "expected"), [
    ("How much steel was produced in May 2071?", "64,2"),
    ("How much did steel output fall in May 2071 compared with April?", "3,1"),
    ("What was fertilizer output in May 2071?", "18,9"),
    ("How many pigs were there at the end of May 2071?", "287.400"),
])
def test_english_product_words_find_the_indicator(service: RagService, question: str,
                                                  expected: str) -> None:
    answer = service.ask(question)
    assert answer.found and expected in answer.answer, answer


def test_refusal_of_unread_english_words_is_not_sure(service: RagService) -> None:
    answer = service.ask("How much did nickel output fall in May 2071?")
    assert not answer.found
    assert answer.confidence <= UNREAD_REFUSAL_CONFIDENCE
    assert '"nickel"' in answer.answer


def test_unread_english_words() -> None:
    assert unread_english("How much did nickel output fall in May 2071?") == ["nickel"]
    assert unread_english("How much did water sales fall in June 2071 year on year?") == []
    assert unread_english("What was GRDP growth in Q2 2071?") == []
