"""A question's word that is itself a Vietnamese word is not "corrected" into a corpus word
one edit away only because the corpus writes that word beside a neighbour (issue 16 item 10:
"kim ngạch xuất khẩu nhỏ nhất" reached the answerer as "... như nhất", the reports writing
"xuất khẩu như"); it is replaced only when the replacement makes a word of two syllables
with a neighbour that the typed word did not ("suất khẩu" -> "xuất khẩu")."""

import pytest

from rag.vi.restore import DiacriticRestorer
from rag.vi.spell import Speller
from rag.vi.words import is_syllable_word, is_two_syllable_word, word_list_path

pytestmark = pytest.mark.skipif(word_list_path() is None, reason="needs underthesea's word list")

# A small corpus that lacks "nhỏ", "lớn", "mới", "sai lầm" but writes a word one edit from
# each beside a question's neighbour: "nhập khẩu như", "sản lượng lợn", "mỗi thành".
CORPUS = [
    "Năm 2031, kim ngạch nhập khẩu như sau: máy móc đạt 85,2 triệu USD, phân bón đạt 12,4 "
    "triệu USD. Tổng mức bán lẻ hàng hóa đạt 21.340 tỷ đồng.",
    "Sản lượng lợn hơi xuất chuồng quý II năm 2031 đạt 4.120 tấn; sản lượng lợn tăng 3,1%. "
    "Bình quân mỗi thành phố có 3 chợ; kim ngạch xuất khẩu đạt 310 triệu USD.",
    "Quý II năm 2031, số doanh nghiệp thành lập đạt 145 doanh nghiệp; tổng mức bán lẻ tăng.",
]


@pytest.fixture(scope="module")
def speller() -> Speller:
    return Speller(DiacriticRestorer.forms(CORPUS))


@pytest.mark.parametrize("question", [
    "mặt hàng nào có kim ngạch nhập khẩu nhỏ nhất năm 2031?",   # not "nhập khẩu như nhất"
    "huyện nào có sản lượng lớn nhất quý II năm 2031?",          # not "sản lượng lợn nhất"
    "có bao nhiêu doanh nghiệp mới thành lập quý II năm 2031?",   # not "mỗi thành lập"
    "Cơ quan nào đã nói số liệu đó là sai lầm?",                  # not the question "là ai"
    "Tỉnh giao ai làm đầu mối xuất khẩu năm 2031?",              # not "ai là"
])
def test_real_words_stay(speller, question):
    assert speller.correct(question) == question


@pytest.mark.parametrize("typed, meant", [
    ("kim ngạch suất khẩu năm 2031 đạt bao nhiêu?", "kim ngạch xuất khẩu năm 2031 đạt bao nhiêu?"),
    ("tông mức bán lẻ hàng hóa năm 2031", "tổng mức bán lẻ hàng hóa năm 2031"),
    ("kim ngạch nhập khâu năm 2031", "kim ngạch nhập khẩu năm 2031"),
    ("kim ngạch nhâp khẩu năm 2031", "kim ngạch nhập khẩu năm 2031"),
    ("kim ngach suat khau nam 2031", "kim ngach xuat khau nam 2031"),
    ("có bao nhiu doanh nghiệp thành lập quý II năm 2031", "có bao nhiêu doanh nghiệp thành "
     "lập quý II năm 2031"),
])
def test_typos_that_are_words_are_still_fixed(speller, typed, meant):
    """"suất", "tông", "khâu" are words too, but "xuất khẩu", "tổng mức" (the domain's),
    "nhập khẩu" are words of two syllables the typed word did not make."""
    assert speller.correct(typed) == meant


def test_one_syllable_words():
    assert all(is_syllable_word(w) for w in ("nhỏ", "lớn", "mới", "khâu", "Suất"))
    assert not any(is_syllable_word(w) for w in ("nhâp", "nghạch", "ngiệp"))
    assert is_syllable_word("nho", folded=True) and not is_syllable_word("nghach", folded=True)


def test_two_syllable_words():
    assert is_two_syllable_word("xuất", "khẩu") and is_two_syllable_word("tổng", "mức")
    assert not is_two_syllable_word("khẩu", "như") and not is_two_syllable_word("suất", "khẩu")
    assert is_two_syllable_word("xuat", "khau", folded=True)
