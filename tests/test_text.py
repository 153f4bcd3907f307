"""rag.vi.text: normalisation, tone placement, folding, numbers, tokens."""

from __future__ import annotations

import unicodedata

import pytest

from rag.vi.text import (
    TOKEN_SCHEMES,
    fold,
    has_diacritics,
    normalize,
    normalize_query,
    number_values,
    parse_number,
    syllables,
    tokenize,
)


def test_normalize_composes_nfd_input_to_nfc():
    nfd = unicodedata.normalize("NFD", "Lạng Sơn")
    assert nfd != "Lạng Sơn"
    out = normalize(nfd)
    assert out == "Lạng Sơn"
    assert unicodedata.is_normalized("NFC", out)


@pytest.mark.parametrize(("typed", "expected"), [
    ("hoà", "hòa"),  # new-style placement -> the traditional one
    ("hòa", "hòa"),
    ("thuỷ", "thủy"),
    ("thủy", "thủy"),
    ("qủa", "quả"),  # a tone on the u of "qu" moves to the vowel
    ("quả", "quả"),
    ("khoẻ", "khỏe"),
    ("khỏe", "khỏe"),
    ("uỷ ban", "ủy ban"),
    ("kết qủa tích cực", "kết quả tích cực"),
    ("người", "người"),  # ươ: tone on ơ
    ("giữa", "giữa"),  # gi + vowel: i belongs to the initial
    ("quý", "quý"),
    ("hoàn thành", "hoàn thành"),  # final consonant: tone on the last vowel
    ("Nguyễn", "Nguyễn"),
])
def test_one_tone_placement(typed, expected):
    assert normalize(typed) == expected


def test_old_and_new_placement_compare_equal():
    assert normalize("hoà") == normalize("hòa")
    assert normalize("thuỷ điện") == normalize("thủy điện")
    assert normalize("khoẻ mạnh") == normalize("khỏe mạnh")


@pytest.mark.parametrize(("typed", "expected"), [
    ("HOÀ", "HÒA"),
    ("Thuỷ", "Thủy"),
    ("QỦA", "QUẢ"),
    ("Khoẻ", "Khỏe"),
])
def test_tone_placement_keeps_uppercase(typed, expected):
    assert normalize(typed) == expected


def test_normalize_spaces_and_blank_lines():
    assert normalize("a  \t b\r\nc\n\n\n\nd \u00a0") == "a b\nc\n\nd"
    assert normalize_query("  kim   ngạch\n xuất  khẩu ") == "kim ngạch xuất khẩu"


def test_fold():
    assert fold("Đồng Đăng") == "dong dang"
    assert fold("Kim ngạch XUẤT KHẨU") == "kim ngach xuat khau"
    assert fold("đ") == "d"
    assert has_diacritics("Lạng Sơn") is True
    assert has_diacritics("Lang Son") is False


@pytest.mark.parametrize(("raw", "expected"), [
    ("1.233", "1233"),  # thousands dot
    ("29,6", "29.6"),  # decimal comma
    ("46.362,2", "46362.2"),
    ("1.650", "1650"),
    ("21.450,7", "21450.7"),
    ("0,05", "0.05"),
    ("1.000.000", "1000000"),
    ("29.6", "29.6"),  # English decimal stays
    ("2018", "2018"),
    ("007", "7"),
])
def test_parse_number(raw, expected):
    assert parse_number(raw) == expected


def test_number_values_in_text():
    assert number_values("đạt 1.233 triệu USD, tăng 32,1%") == ["1233", "32.1"]


def test_tokenize_keeps_one_letter_syllables():
    toks = tokenize("Ở đây, ý kiến tốt.", "syllable")
    assert toks == ["o", "day", "y", "kien", "tot"]


def test_tokenize_bigrams_do_not_cross_punctuation():
    toks = tokenize("kim ngạch. xuất khẩu 769 triệu", "bigram")
    assert toks == ["kim_ngach", "xuat_khau", "khau_769", "769_trieu"]
    assert "ngach_xuat" not in toks
    both = tokenize("Ở đây, ý kiến", "syllable+bigram")
    assert both == ["o", "day", "y", "kien", "o_day", "y_kien"]
    assert "day_y" not in both


def test_tokenize_numbers_are_canonical():
    assert tokenize("1.233 triệu", "syllable") == ["1233", "trieu"]
    assert syllables("29,6%") == ["29.6"]


def test_bigram_scheme_falls_back_to_syllables_for_one_word():
    assert tokenize("khẩu", "bigram") == ["khau"]


def test_default_scheme_is_syllable_plus_bigram():
    assert tokenize("kim ngạch") == ["kim", "ngach", "kim_ngach"]
    assert set(TOKEN_SCHEMES) == {"syllable", "syllable+bigram", "bigram"}


def test_unknown_token_scheme_raises():
    with pytest.raises(ValueError, match="unknown token scheme 'word'"):
        tokenize("kim ngạch", "word")
