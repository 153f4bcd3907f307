"""A table row or column header cut to syllable initials ("DT DL", "Chi ĐTPT", "TL che phủ
rừng", "SL lúa") answers the question that writes the words in full ("doanh thu du lịch năm
2088"), in the column of the year asked: the question's run of words whose initials spell the
row's token is read as the token there (rag.vi.acronyms.AcronymTable.spelled_runs,
spelled_in) -- the row's other words asked too, its line spelling the token no other way
(break-test: "DT DL" answered from the other year's column at 0.83-0.86, "Chi ĐTPT" and "TL
che phủ rừng" refused).  A "|" text table, an XLSX sheet and a CSV header; near misses: "tổng
thu" is no "Số TT thương mại" row, "doanh thu" alone no "DT DL" one.  And a sentence writing
a defined token's phrase holds the token the question is read with (XQuAD-vi "KTVD")."""

from __future__ import annotations

import pytest
from conftest import service_over_files
from helpers import csv_bytes, xlsx_bytes

from rag.answer.sentences import pair_terms, parse_chunk
from rag.answer.statements import coverage
from rag.answer.weights import AnswerWeights
from rag.records import AskOptions
from rag.service import RagService
from rag.vi.acronyms import AcronymTable, spelled_in

DOCS: dict[str, str | bytes] = {
    # prose beside the table whose two words spell a token too ("đến tỉnh", "triệu lượt")
    "kinhte_2088.txt": (
        "UBND TỈNH BẮC LÂM\n\nBáo cáo tình hình kinh tế - xã hội năm 2088\n\n"
        "Năm 2088, kinh tế của tỉnh tiếp tục phục hồi. Lượng khách du lịch đến tỉnh đạt 3,2 "
        "triệu lượt; hạ tầng giao thông được đầu tư đồng bộ.\n\n"
        "| TT | Chỉ tiêu | ĐVT | TH 2087 | Ước TH 2088 | So sánh (%) |\n"
        "|---|---|---|---|---|---|\n"
        "| 1 | DT DL | tỷ đồng | 1.240,5 | 1.385,2 | 111,7 |\n"
        "| 2 | Chi ĐTPT | tỷ đồng | 2.604,1 | 2.918,7 | 112,1 |\n"
        "| 3 | TL che phủ rừng | % | 62,4 | 63,1 | 101,1 |\n"
        "| 4 | SL lúa | tấn | 201.450 | 205.310 | 101,9 |\n"
        "| 5 | Số TT thương mại | trung tâm | 6 | 7 | 116,7 |\n"
        "| 6 | Số lượt giao dịch tại TT hành chính công | lượt | 41.200 | 45.870 | 111,3 |\n"),
    "dulich_huyen_2089.csv": csv_bytes([
        ["Huyện", "Lượt khách (nghìn lượt)", "DT DL (tỷ đồng)"],
        ["Huyện Kim Sơn", "412", "187,6"], ["Huyện Yên Mô", "265", "96,3"]]),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    sheet = xlsx_bytes([
        ["Một số chỉ tiêu thương mại, năng lượng tỉnh Bắc Lâm"],
        ["Chỉ tiêu", "Đơn vị", "Năm 2085", "Năm 2086"],
        ["DT BL hàng hóa", "tỷ đồng", 8412.5, 9120.3],
        ["TL hộ dân sử dụng điện", "%", 98.2, 99.1],
        ["SL điện thương phẩm", "triệu kWh", 1204.6, 1311.8]], sheet="Biểu 2")
    return service_over_files(tmp_path_factory.mktemp("row_initials"),
                              {**DOCS, "thuongmai_2086.xlsx": sheet})


@pytest.mark.parametrize(("question", "expected"), [
    ("Doanh thu du lịch năm 2088?", "1.385,2"),
    ("Doanh thu du lịch năm 2087 là bao nhiêu?", "1.240,5"),
    ("Chi đầu tư phát triển năm 2088?", "2.918,7"),
    ("Tỷ lệ che phủ rừng năm 2087?", "62,4"),
    ("Sản lượng lúa năm 2088 đạt bao nhiêu tấn?", "205.310"),
    # a column header cut so, the row a place
    ("doanh thu du lịch huyện Yên Mô năm 2089", "96,3"),
    # an XLSX sheet, other rows and years
    ("doanh thu bán lẻ hàng hóa năm 2086", "9.120,3"),
    ("tỷ lệ hộ dân sử dụng điện năm 2085", "98,2"),
    ("sản lượng điện thương phẩm năm 2086", "1.311,8"),
])
def test_a_row_cut_to_initials_answers_the_words(service: RagService, question: str,
                                                 expected: str) -> None:
    a = service.ask(question, AskOptions())
    assert a.found and a.answer.startswith(expected), (question, a.answer)


@pytest.mark.parametrize("question", [
    "Tổng thu năm 2088?",  # "TT" of "Số TT thương mại" / "TT hành chính công" is no "tổng thu"
    "Tổng thu năm 2087 là bao nhiêu?",
])
def test_initials_of_other_words_are_no_answer(service: RagService, question: str) -> None:
    a = service.ask(question, AskOptions())
    assert not a.found, a.answer


def test_a_row_is_read_only_when_its_other_words_are_asked() -> None:
    table = AcronymTable.from_texts(["Ước TH 2088 — DT DL: 1.385,2 tỷ đồng",
                                     "Ước TH 2088 — Số TT thương mại: 7 trung tâm"])
    runs = table.spelled_runs("Doanh thu du lịch năm 2088?")
    assert runs == (("dt", "doanh thu"), ("dl", "du lịch"))
    line = "Ước TH 2088 — DT DL: 1.385,2 tỷ đồng"
    assert spelled_in(("DT DL", "Ước TH 2088"), line, runs, "doanh thu du lich nam 2088") == runs
    # "doanh thu" alone: the row's "DL" is not asked
    alone = table.spelled_runs("doanh thu năm 2088")
    assert spelled_in(("DT DL", "Ước TH 2088"), line, alone, "doanh thu nam 2088") == ()
    # "tổng thu": the row's "thương mại" not asked, its unit spelling "TT" otherwise
    line = "Ước TH 2088 — Số TT thương mại: 7 trung tâm"
    runs = table.spelled_runs("tổng thu thương mại năm 2088")
    assert spelled_in(("Số TT thương mại", "Ước TH 2088"), line,
                      (("tt", "tổng thu"),), "tong thu thuong mai nam 2088") == ()
    assert runs == ()  # "tổng thu" and "thu thương" both spell "tt": ambiguous


def test_two_letters_pair_only_as_defined() -> None:
    # any two words of a small corpus spell a two-letter token: "đến tỉnh" is no "DT"
    table = AcronymTable.from_texts(["Khách du lịch đến tỉnh đạt 3,2 triệu lượt.",
                                     "Ước TH 2088 — DT DL: 1.385,2 tỷ đồng"])
    assert "dt" not in table.pairs and "dt" not in table.open
    table = AcronymTable.from_texts(["Doanh thu (DT) du lịch tăng.", "DT DL: 5 tỷ đồng"])
    assert table.pairs["dt"] == "doanh thu"


def test_a_sentence_holding_a_pairs_phrase_holds_its_token() -> None:
    # AcronymTable.read adds the defined token to a question writing the phrase: a sentence
    # writing only the phrase holds it too, or the defining sentence outweighs the answering
    # one on the token's rarity alone (XQuAD-vi 5726da89, "(KTVD)")
    text = ("Một Cán bộ khuyến nông (CBKN) ở Bắc Lâm được coi là người hướng dẫn kỹ thuật. "
            "Một cán bộ khuyến nông phải đăng ký hành nghề với Trung tâm Khuyến nông.")
    first, second = parse_chunk("cbkn", "", text, AnswerWeights()).sentences
    terms = {"cbkn": 6.0, "can_bo": 1.0, "khuyen_nong": 1.0, "dang_ky": 1.0, "phai": 0.5}
    paired = pair_terms((("cbkn", "cán bộ khuyến nông"),))
    assert coverage(terms, second, paired) > coverage(terms, first, paired)
    assert coverage(terms, second) < coverage(terms, first)  # the token alone
