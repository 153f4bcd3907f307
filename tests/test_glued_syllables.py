"""Two syllables typed without a space ("tổngmức", "Sốliệu") are left as typed by the tone
normaliser, in documents and questions (issue 16, round 11): re-toning them as one syllable
moved the tone onto the wrong letters ("tốngmưc", "Sộliêu")."""

import pytest

from rag.vi.text import is_syllable, normalize, normalize_query


@pytest.mark.parametrize("glued", ["tổngmức", "Sốliệu", "kimngạch", "xuấtkhẩu", "nhậpkhẩu"])
def test_glued_syllables_keep_their_tones(glued):
    assert normalize(f"{glued} năm 2019") == f"{glued} năm 2019"
    assert normalize_query(f"{glued} bao nhiêu") == f"{glued} bao nhiêu"
    assert not is_syllable(glued)


@pytest.mark.parametrize("typed, placed", [("hoà", "hòa"), ("thuỷ", "thủy"), ("Thuỷ", "Thủy"),
                                            ("khoẻ", "khỏe"), ("quả", "quả"), ("giữa", "giữa")])
def test_one_syllable_is_still_retoned(typed, placed):
    assert normalize(typed) == placed
    assert is_syllable(typed)


@pytest.mark.parametrize("word", ["nghiêng", "khuyến", "trường", "Hữu", "Nghị", "quyết", "gì"])
def test_syllables_are_syllables(word):
    assert is_syllable(word)
