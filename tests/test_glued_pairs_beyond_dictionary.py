"""Two syllables written glued whose pair the dictionary lacks ("Lượngkhách", "Sốlượt",
"Tổngvốn": a head noun glued to the next word) are split when both are written with
Vietnamese diacritics, in a document of any length (issue 16, break-test bt4-b16 item 5: the
pairs were never split -- a short document still answered by its other words, a long
one-paragraph report did not).  Loanwords glued as their own language writes them keep a
syllable in plain letters and stay whole.  Invented figures, other glued words than the
break-test's."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import empty_service

from rag.ingest.uploads import read_upload
from rag.vi.words import unglue


@pytest.mark.parametrize("glued, split", [
    ("Lượtkhách quốc tế", "Lượt khách quốc tế"),
    ("Sốxã đạt chuẩn", "Số xã đạt chuẩn"),
    ("Mứctăng bình quân", "Mức tăng bình quân"),
    ("Tổngnguồn vốn", "Tổng nguồn vốn"),
    ("sốhộ được hỗ trợ", "số hộ được hỗ trợ"),
])
def test_a_glued_pair_the_dictionary_lacks_is_split(glued: str, split: str) -> None:
    assert unglue(glued) == split


@pytest.mark.parametrize("word", ["Kitô", "tenxơ", "axít", "Latinh", "cabin", "HàNội",
                                  "Pokémon", "café"])
def test_loanwords_names_and_transliterations_stay_whole(word: str) -> None:
    assert unglue(word) == word


def _long_report() -> str:
    """One paragraph of some 60 sentences, the glued words near its end."""
    parts = ["Báo cáo tình hình kinh tế - xã hội năm 2059\n\n"]
    for i in range(60):
        parts.append(f"Sản lượng mặt hàng số {i + 1} của tỉnh năm 2059 đạt {1000 + 37 * i}"
                     f" tấn, tăng {1 + i % 9},{i % 10}% so với năm trước. ")
    parts.append("Lượtkhách quốc tế đến tỉnh năm 2059 đạt 284.600 lượt. ")
    parts.append("Tổngnguồn vốn tín dụng chính sách năm 2059 đạt 3.915,2 tỷ đồng. ")
    parts.append("Sốhộ thoát nghèo năm 2059 là 2.147 hộ.\n")
    return "".join(parts)


@pytest.mark.parametrize("asked, number", [
    ("lượt khách quốc tế đến tỉnh năm 2059", "284.600"),
    ("tổng nguồn vốn tín dụng chính sách năm 2059", "3.915,2"),
    ("số hộ thoát nghèo năm 2059", "2.147"),
])
def test_a_long_one_paragraph_report_answers_its_glued_words(asked: str, number: str,
                                                              tmp_path: Path) -> None:
    text = _long_report()
    doc = read_upload("bc_ktxh_2059.txt", text.encode())
    assert "Lượt khách quốc tế" in doc.text and "Tổng nguồn vốn" in doc.text
    assert "Số hộ thoát nghèo" in doc.text
    service = empty_service(tmp_path)
    service.add_document(doc)
    got = service.ask(asked)
    assert got.found and got.answer.startswith(number), (got.answer, got.confidence)
