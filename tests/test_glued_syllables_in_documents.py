"""Two syllables written glued inside a DOCUMENT ("tổngmức bán lẻ", as PDF extraction and
careless typing leave them) are read as the two words a question writes (issue 16, twelfth
break-test, item 10): the stored text holds them split, and quotes and their offsets are of
that text.  Invented figures."""

from __future__ import annotations

from datetime import date

import pytest

from rag.ingest.uploads import read_upload
from rag.vi.words import unglue

_T7 = ("SỞ CÔNG THƯƠNG TỈNH LẠNG SƠN\nBÁO CÁO Tình hình thương mại tháng 7 năm 2031\n\n"
       "Tháng 7/2031, kim ngạch xuất khẩu đạt 120,4 triệu USD; tổngmức bán lẻ hàng hóa đạt "
       "2.015,7 tỷ đồng; sảnlượng điện thương phẩm đạt 64,2 triệu kWh.\n")
_T8 = ("SỞ CÔNG THƯƠNG TỈNH LẠNG SƠN\nBÁO CÁO Tình hình thương mại tháng 8 năm 2031\n\n"
       "Tháng 8/2031, kim ngạch xuất khẩu đạt 131,9 triệu USD; tổng mức bán lẻ hàng hóa đạt "
       "2.088,2 tỷ đồng; sản lượng điện thương phẩm đạt 66,0 triệu kWh.\n")


@pytest.mark.parametrize("glued, split", [
    ("tổngmức bán lẻ", "tổng mức bán lẻ"),      # a pair of the domain's phrases
    ("Kimngạch xuất khẩu", "Kim ngạch xuất khẩu"),  # a dictionary word, case kept
    ("thànhphố Lạng Sơn", "thành phố Lạng Sơn"),
    ("sảnlượng điện", "sản lượng điện"),
])
def test_two_glued_syllables_are_split(glued: str, split: str) -> None:
    assert unglue(glued) == split


@pytest.mark.parametrize("glued, split", [
    # issue 16, break-test bt2-b16 item 8: words beyond the first ones seen glued
    ("Doanhthu bán lẻ", "Doanh thu bán lẻ"),   # no diacritics: a dictionary word all the same
    ("kinhdoanh", "kinh doanh"),
    ("Xuấtkhẩu hàng hóa", "Xuất khẩu hàng hóa"),
    ("Nhậpkhẩu", "Nhập khẩu"),
    ("Giátrị sản xuất", "Giá trị sản xuất"),   # "giát rị" splits too, but is no word
    ("Vốnđầu tư", "Vốn đầu tư"),
])
def test_more_glued_words_are_split(glued: str, split: str) -> None:
    assert unglue(glued) == split


@pytest.mark.parametrize("word", [
    "Kontum", "Facebook", "Vietcombank", "VietinBank", "Sapa",  # names, "Sa Pa" the dictionary's
    "cabin", "axít", "Latinh",  # foreign words: the dictionary's "cabin", "a-xít", "la-tinh"
])
def test_foreign_words_and_names_stay_whole(word: str) -> None:
    assert unglue(word) == word


def test_a_glued_word_without_diacritics_is_split_in_the_stored_text() -> None:
    text = ("SỞ CÔNG THƯƠNG TỈNH LẠNG SƠN\nBÁO CÁO Tình hình thương mại tháng 10 năm 2027\n\n"
            "Doanhthu bán lẻ hàng hóa tháng 10 năm 2027 đạt 1.902,3 tỷ đồng.\n")
    doc = read_upload("bc_t10_2027.txt", text.encode())
    assert "Doanh thu bán lẻ hàng hóa tháng 10 năm 2027 đạt 1.902,3" in doc.text


@pytest.mark.parametrize("word", [
    "Kitô giáo", "tenxơ", "Hanoi", "USD", "Vinamilk", "nghiêng", "TỔNGMỨC",
    "Sốdoanh",  # "số doanh" is no word: two syllables, but nothing says they belong together
])
def test_other_words_stay_whole(word: str) -> None:
    assert unglue(word) == word


def test_the_stored_text_holds_the_split_words() -> None:
    doc = read_upload("bc_t7_2031.txt", _T7.encode())
    assert "tổng mức bán lẻ hàng hóa đạt 2.015,7" in doc.text
    assert "tổngmức" not in doc.text


@pytest.fixture
def service(tmp_path):
    from conftest import empty_service
    service = empty_service(tmp_path)
    for name, text in (("bc_t7_2031.txt", _T7), ("bc_t8_2031.txt", _T8)):
        service.add_document(read_upload(name, text.encode()))
    return service


@pytest.mark.parametrize("question, value", [
    ("tổng mức bán lẻ hàng hóa tháng 7 năm 2031", "2.015,7 tỷ đồng"),
    ("sản lượng điện thương phẩm tháng 7/2031", "64,2 triệu kWh"),
])
def test_a_question_finds_the_figure_of_the_glued_words(service, question: str,
                                                        value: str) -> None:
    from rag.records import AskOptions

    a = service.ask(question, AskOptions(today=date(2031, 10, 1)))
    assert a.found and value in a.answer, a.answer
    c = a.citations[0]
    assert c.doc_id == "bc_t7_2031"
    assert service.document("bc_t7_2031").text[c.start:c.end] == c.quote
