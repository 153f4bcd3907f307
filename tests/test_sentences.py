"""Sentence splitting and statement answers in rag.answer: initials and abbreviations do
not end sentences; stopwords are told apart by the diacritics the user typed; words next to
the question word weigh more."""

from __future__ import annotations

from rag.answer.intent import read_intent
from rag.answer.sentences import sentences
from rag.answer.statements import question_word_distance
from rag.search.query import analyze


def test_sentences_keep_initials_and_abbreviations():
    text = ("Ông James O. McKinsey lập công ty. Chủng Y. pestis gây bệnh. Tổng 1.233 tỷ đồng, "
            "tăng 5%. TP. Lạng Sơn có 2 cửa khẩu.\nDòng mới! Vâng? “Trích dẫn.” Hết")
    got = [s.strip() for _, s in sentences(text)]
    assert got == ["Ông James O. McKinsey lập công ty.", "Chủng Y. pestis gây bệnh.",
                   "Tổng 1.233 tỷ đồng, tăng 5%.", "TP. Lạng Sơn có 2 cửa khẩu.",
                   "Dòng mới!", "Vâng?", "“Trích dẫn.”", "Hết"]


def test_sentence_offsets_are_exact():
    text = "Câu một. Câu hai!\n\nCâu ba?"
    for start, sent in sentences(text):
        assert text[start:start + len(sent)] == sent


def test_lower_case_after_a_period_does_not_end_a_sentence():
    assert len(sentences("Giá trị đạt 3 tr. đồng trong quý.")) == 1


def test_stopwords_are_read_with_the_diacritics_typed():
    intent = read_intent(analyze("Cái chết đen ban đầu bị đổ lỗi cho điều gì?"))
    terms = set(intent.terms)
    assert {"den", "do", "dau"} <= terms  # đen, đổ, đầu are content words
    assert "cho" not in terms
    typed_bare = read_intent(analyze("cai chet den ban dau bi do loi cho dieu gi"))
    assert "den" not in typed_bare.terms  # without diacritics "den" may be "đến"


def test_words_next_to_the_question_word_are_near():
    near = question_word_distance("Polonia giành được cúp bao nhiêu lần?")
    assert near["cup"] == 1 and near["lan"] == 1
    assert near["polonia"] > near["cup"]
    assert question_word_distance("Kim ngạch xuất khẩu năm 2018.") == {}



def test_a_trade_word_in_the_owner_name_is_not_the_asked_indicator():
    intent = read_intent(analyze("Số lao động của Công ty Xuất nhập khẩu Minh Phát năm 2015?"))
    assert intent.trade is None
    assert read_intent(analyze("Kim ngạch xuất khẩu của Lạng Sơn năm 2018?")).trade == "export"
