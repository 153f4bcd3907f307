"""The fold computed a character at a time (rag.vi.text.fold: ``str.translate`` by a
lazily filled table, then ``.lower()``) equals its definition (``definition`` below: "đ" as
"d", the whole text decomposed, NFD, its combining marks dropped, lower-cased) on any text:
Vietnamese as typed, NFC or decomposed, with tone marks stacked in any order, and random
Unicode (session 53, brief speed53: `ask` made faster, no answer changed).  The caches added
there (normalize, words_in, is_syllable) are checked to return what they returned before
and a fresh set each call; only public names are imported (tests/test_private_names.py)."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from rag.vi.text import fold, is_syllable, normalize
from rag.vi.words import words_in

# past the cached lengths (rag.vi.text.fold keeps words and phrases up to 200 characters):
# a text padded with it is folded afresh each time
PAD = " " * 201


def definition(text: str) -> str:
    """The fold as rag.vi.text defined it before session 53."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()

VIETNAMESE = ("Kim ngạch xuất khẩu qua cửa khẩu Hữu Nghị đạt 1.234,5 triệu USD, tăng 12,3% "
              "so với cùng kỳ; ĐỒNG ĐĂNG, Lạng Sơn: Sở Công Thương báo cáo quý IV/2029 "
              "ỨNG DỤNG CHUYỂN ĐỔI SỐ · giá trị sản xuất công nghiệp ước đạt 98,1% kế hoạch")
# letters and marks of Vietnamese, both precomposed and combining (U+0300..U+0323), Greek
# sigma (lower-cased by context) and the dotted capital I (lower-cased to two characters)
_ALPHABET = sorted(set(VIETNAMESE + unicodedata.normalize("NFD", VIETNAMESE)
                       + "\u0300\u0301\u0303\u0309\u0323\u0306\u0302\u031b ΣσςİıẞßǅǄ\n\t"))

vietnamese_text = st.text(alphabet=st.sampled_from(_ALPHABET), max_size=400)


@settings(max_examples=600, deadline=None)
@given(vietnamese_text)
def test_fold_of_vietnamese_letters_and_marks_matches_the_definition(text: str) -> None:
    assert fold(text + PAD) == definition(text + PAD)
    assert fold(text) == definition(text)


@settings(max_examples=600, deadline=None)
@given(st.text(max_size=300))
def test_fold_of_any_unicode_matches_the_definition(text: str) -> None:
    assert fold(text + PAD) == definition(text + PAD)
    assert fold(text) == definition(text)


def test_fold_of_every_code_point_matches_the_definition() -> None:
    """Each character alone, after a letter and before a combining mark: no context of one
    character changes how another folds."""
    for code in range(0x20000):  # the Basic and Supplementary Multilingual Planes
        c = chr(code)
        for text in (c, f"A{c}\u0301", f"{c}Σ "):
            assert fold(text + PAD) == definition(text + PAD), hex(code)


def test_fold_of_a_report_sentence() -> None:
    assert fold(VIETNAMESE).startswith("kim ngach xuat khau qua cua khau huu nghi dat")
    assert "dong dang, lang son: so cong thuong" in fold(VIETNAMESE)
    long = VIETNAMESE * 5  # above 200 characters: folded uncached, by the table
    assert fold(long) == definition(long)


@settings(max_examples=300, deadline=None)
@given(vietnamese_text)
def test_remembered_normalize_and_words_match_the_uncached(text: str) -> None:
    assert normalize(text) == normalize(text) == normalize(text + "")
    words = words_in(text)
    assert words == words_in(text)
    words.add("caller_owns_it")  # a new set each call: the remembered one is untouched
    assert "caller_owns_it" not in words_in(text)
    for word in text.split():
        if word.isalpha():
            assert is_syllable(word) == is_syllable.__wrapped__(word)
