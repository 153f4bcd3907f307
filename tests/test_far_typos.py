"""Telex leftovers ("xuaats khaaur", "kim ngajch") and typos two edits away ("suât khẩu",
"nhaap khau") in a question's indicator are read as the corpus word (issue 16, round 11):
they were refused ("Không tìm thấy ...")."""

import pytest

from rag.vi.restore import DiacriticRestorer
from rag.vi.spell import Speller
from rag.vi.telex import decode

CORPUS = [
    "Năm 2018, kim ngạch xuất khẩu qua địa bàn tỉnh đạt 2.947 triệu USD; kim ngạch nhập khẩu "
    "đạt 2.013 triệu USD. Tổng mức bán lẻ hàng hóa đạt 17.650 tỷ đồng.",
    "Quý III năm 2021, kim ngạch nhập khẩu đạt 456,7 triệu USD, tăng 8,2% so với cùng kỳ. "
    "Hoạt động xuất khẩu qua cửa khẩu phụ tăng; sản xuất công nghiệp ổn định.",
    "9 tháng đầu năm 2018, kim ngạch xuất khẩu đạt 1.856 triệu USD. Giá trị sản xuất tăng.",
]


@pytest.fixture(scope="module")
def speller() -> Speller:
    return Speller(DiacriticRestorer.forms(CORPUS))


@pytest.mark.parametrize("typed, spelt", [
    ("xuaats", "xuất"), ("khaaur", "khẩu"), ("ngajch", "ngạch"), ("thangs", "tháng"),
    ("dduowngf", "đường"), ("Khaaur", "khẩu"), ("muwcs", "mức"), ("hoaf", "hòa")])
def test_telex_keys_decode_to_the_syllable(typed, spelt):
    assert decode(typed) == spelt


@pytest.mark.parametrize("word", ["kim", "nam", "xuất", "2018", "ww"])
def test_no_telex_key_no_decoding(word):
    assert decode(word) is None


@pytest.mark.parametrize("typed, meant", [
    ("kim ngạch xuaats khaaur năm 2018", "kim ngạch xuất khẩu năm 2018"),
    ("kim ngajch xuất khẩu năm 2018", "kim ngạch xuất khẩu năm 2018"),
    ("kim ngạch suât khẩu năm 2018", "kim ngạch xuất khẩu năm 2018"),
    ("kim ngạch nhaap khẩu năm 2018", "kim ngạch nhập khẩu năm 2018"),
])
def test_telex_and_two_edit_typos_are_corrected(speller, typed, meant):
    assert speller.correct(typed) == meant


@pytest.mark.parametrize("question", [
    "kim ngạch xuất khẩu USD năm 2018",      # an acronym is no Telex
    "kim ngạch xuất khẩu của Quảng Ninh năm 2018",  # a name is no typo
    "sản lượng than năm 2018",              # "than" is no Telex "thà"; not in corpus as decoded
])
def test_words_that_are_no_typos_stay(speller, question):
    assert speller.correct(question) == question
