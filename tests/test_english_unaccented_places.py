"""English questions: a place's name typed without diacritics is read as the corpus writes it,
and the glossary reads trade fairs, booths, power losses and tourism's total revenue (issue 17,
break-tests bt16-b17 failure 6 and bt18-b17 failure 8; other places and words here)."""

from rag.search.query import analyze, english_names, english_terms, unread_english
from rag.vi.restore import DiacriticRestorer

_CORPUS = [
    "Sở Công Thương tỉnh Đông Lâm báo cáo tình hình 6 tháng đầu năm 2061.",
    "Tổng mức bán lẻ của Đông Lâm quý II/2061 đạt 8.420 tỷ đồng.",
    "Công ty Điện lực Tây Nguyên: tổn thất điện năng 6 tháng là 4,12%.",
    "Hội chợ Thương mại Lào - Việt năm 2061 có 350 gian hàng.",
    # the words of "Sơn Mỹ" met apart only: no name
    "Tuyến đường Sơn La được nâng cấp; sản phẩm mỹ nghệ tăng 3%.",
    "Hàng hóa xuất khẩu tăng; hòa bình và ổn định.",
]


def _restorer() -> DiacriticRestorer:
    return DiacriticRestorer(DiacriticRestorer.forms(_CORPUS))


def test_possessive_name_restored_and_read():
    q = "What was Dong Lam's retail sales value in Q2 2061?"
    names = english_names(q, _restorer())
    assert [(typed, written) for typed, written, _ in names] == [("Dong Lam", "Đông Lâm")]
    query = analyze(q, _restorer())
    assert query.english
    assert query.names == ("Dong Lam",)
    assert "Đông Lâm" in query.expanded
    assert unread_english(query.text, query.names) == []
    # without the names read, both words were unknown English
    assert "lam" in unread_english(q)


def test_name_before_english_words_of_a_company():
    q = "What was the electricity loss rate of Tay Nguyen Power Company in H1 2061?"
    names = english_names(q, _restorer())
    assert [(t, w) for t, w, _ in names] == [("Tay Nguyen", "Tây Nguyên")]
    query = analyze(q, _restorer())
    assert unread_english(query.text, query.names) == []
    assert "tổn thất điện năng" in query.expanded


def test_hyphened_name_the_corpus_spaces():
    q = "How many stalls were there at the 2061 Lao-Viet trade fair?"
    names = english_names(q, _restorer())
    assert [(t, w) for t, w, _ in names] == [("Lao-Viet", "Lào-Việt")]
    terms = english_terms(q)
    assert "gian hàng" in " ".join(terms) and "hội chợ" in terms


def test_no_name_the_corpus_does_not_write_together():
    restorer = _restorer()
    # words the corpus holds only apart ("Sơn La", "mỹ nghệ"), or not at all
    assert english_names("What was Son My's export value in 2061?", restorer) == []
    assert english_names("What was Quang Vinh's export value in 2061?", restorer) == []
    query = analyze("What was Quang Vinh's export value in 2061?", restorer)
    assert query.names == ()
    assert "vinh" in unread_english(query.text, query.names)


def test_english_sentence_words_are_no_name():
    # "Hoa" is a corpus word ("hòa bình"), but "What Hoa" is no name of two syllables
    assert english_names("What Was The Export Value In 2061?", _restorer()) == []


def test_growth_and_share_written_before_what_they_are_of():
    assert english_terms("What was the import growth in 2061?")[:2] == ["tăng trưởng", "nhập khẩu"]
    assert english_terms("What was the export share of FDI firms in 2061?")[0] == "tỷ trọng"


def test_total_tourism_revenue_and_power_losses():
    assert english_terms("What was the total revenue from tourism in May 2061?") == [
        "tổng thu từ khách du lịch"]
    assert "tổn thất điện năng" in english_terms("How high were power losses in 2061?")
    assert "hội chợ" in english_terms("How many firms joined the fair in 2061?")
