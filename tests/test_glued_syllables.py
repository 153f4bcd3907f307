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


def test_a_question_s_glued_syllables_are_split_on_corpus_pairs():
    from rag.vi.restore import DiacriticRestorer
    from rag.vi.spell import Speller

    speller = Speller(DiacriticRestorer.forms([
        "Năm 2019, tổng mức bán lẻ hàng hóa đạt 12.345,6 tỷ đồng. Số liệu kim ngạch xuất khẩu "
        "năm 2019 đạt 2.100 triệu USD.", "Kim ngạch xuất khẩu năm 2018 tăng; tổng mức tăng."]))
    assert speller.correct("tổngmức bán lẻ năm 2019") == "tổng mức bán lẻ năm 2019"
    assert speller.correct("kim ngạch xuấtkhẩu năm 2019") == "kim ngạch xuất khẩu năm 2019"
    assert speller.correct("Sốliệu xuất khẩu năm 2019") == "Số liệu xuất khẩu năm 2019"
    # no corpus pair: left as typed (never re-toned)
    assert speller.correct("giátrị năm 2019") == "giátrị năm 2019"
