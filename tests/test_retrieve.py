"""rag.search.query + rag.search.retrieve on the real seed index (onnx-e5 + FAISS + BM25)."""

from __future__ import annotations

import pytest
from conftest import D000, D001, D002, D004

from rag.records import Chunk
from rag.search.query import analyze, expand_abbreviations, is_english
from rag.search.retrieve import RetrievalConfig, time_scores
from rag.vi.periods import TimeScope
from rag.vi.restore import DiacriticRestorer


@pytest.fixture(scope="module")
def service(seed):
    return seed.service


def _top(service, question, **kw):
    result = service.search(question, **kw)
    assert result.hits, question
    return result.hits[0]


def test_export_2018(service):
    top = _top(service, "kim ngạch xuất khẩu 2018?")
    assert top.chunk.doc_id == D001
    assert "769 triệu USD" in top.chunk.text
    assert top.rank == 1
    assert top.time_match is True


def test_same_question_without_diacritics(service):
    with_marks = _top(service, "kim ngạch xuất khẩu 2018?")
    result = service.search("kim ngach xuat khau 2018")
    assert result.resolved_query == "kim ngạch xuất khẩu 2018"
    assert result.hits[0].chunk.id == with_marks.chunk.id


def test_abbreviation_and_quarter(service):
    with_marks = _top(service, "kim ngạch xuất khẩu 2018?")
    result = service.search("KNXK quý I/2018")
    assert result.resolved_query == "kim ngạch xuất khẩu quý I/2018"
    assert result.hits[0].chunk.id == with_marks.chunk.id
    assert all(h.chunk.doc_id == D001 for h in result.hits)


def test_retail_6_months_2023(service):
    top = _top(service, "tổng mức bán lẻ 6 tháng 2023")
    assert top.chunk.doc_id == D004
    assert "14.659,9 tỷ đồng" in top.chunk.text
    assert top.time_match is True


def test_industrial_index_9_months_2024(service):
    top = _top(service, "chỉ số sản xuất công nghiệp 9 tháng 2024")
    assert top.chunk.doc_id == D002
    assert "0,05%" in top.chunk.text


def test_question_about_a_year_not_covered(service):
    result = service.search("kim ngạch xuất khẩu 2019")
    assert result.hits  # passages are still returned...
    assert all(h.time_match is False for h in result.hits)  # ...none claims to match 2019
    assert not any(h.time_match for h in result.hits)


def test_question_without_time_has_no_time_match(service):
    result = service.search("kim ngạch xuất khẩu")
    assert result.hits
    assert all(h.time_match is None for h in result.hits)


@pytest.mark.parametrize("mode", ["dense", "lexical", "hybrid"])
def test_every_mode_returns_hits(service, mode):
    result = service.search("kim ngạch xuất khẩu 2018?", top_k=5, mode=mode)
    assert len(result.hits) == 5
    assert [h.rank for h in result.hits] == [1, 2, 3, 4, 5]
    scores = [h.score for h in result.hits]
    assert scores == sorted(scores, reverse=True)
    assert len({h.chunk.id for h in result.hits}) == 5
    assert result.hits[0].chunk.doc_id == D001
    if mode == "lexical":
        assert all(h.dense == 0.0 for h in result.hits)
        assert result.hits[0].lexical > 0
    if mode == "dense":
        assert all(h.lexical == 0.0 for h in result.hits)
        assert all(0.0 < h.dense <= 1.0 for h in result.hits)


def test_unknown_mode_is_refused():
    with pytest.raises(ValueError, match="unknown retrieval mode"):
        RetrievalConfig(mode="magic")


def test_top_k(service):
    assert len(service.search("xuất khẩu", top_k=1).hits) == 1
    assert len(service.search("xuất khẩu", top_k=12).hits) == 12
    # asking for more than the corpus holds returns every chunk once
    hits = service.search("xuất khẩu", top_k=100).hits
    assert len(hits) == len({h.chunk.id for h in hits}) == 37


def test_empty_question_is_refused(service):
    with pytest.raises(ValueError, match="empty"):
        service.search("   ")


def test_filter_doc_ids(service):
    allowed = frozenset({D004})
    result = service.search("kim ngạch xuất khẩu 2018", doc_ids=allowed)
    assert result.hits
    assert {h.chunk.doc_id for h in result.hits} == {D004}
    two = frozenset({D000, D002})
    result = service.search("kim ngạch xuất khẩu", top_k=10, doc_ids=two)
    assert {h.chunk.doc_id for h in result.hits} <= two
    assert len(result.hits) == 10


def test_filter_year(service):
    result = service.search("kim ngạch xuất khẩu", top_k=10, year=2023)
    assert result.hits
    assert all(2023 in h.chunk.years for h in result.hits)
    assert D004 in {h.chunk.doc_id for h in result.hits}
    assert D001 not in {h.chunk.doc_id for h in result.hits}
    assert service.search("kim ngạch xuất khẩu", year=2019).hits == []


def test_filters_in_every_mode(service):
    for mode in ("dense", "lexical", "hybrid"):
        result = service.search("tổng mức bán lẻ", mode=mode, year=2018)
        assert result.hits, mode
        assert {h.chunk.doc_id for h in result.hits} == {D001}, mode


def test_diacritic_restorer(service):
    restorer = DiacriticRestorer(service.index.word_forms)
    assert restorer.restore("kim ngach xuat khau") == "kim ngạch xuất khẩu"
    assert restorer.restore("Kim ngach XUAT khau 2018?") == "Kim ngạch XUẤT khẩu 2018?"
    assert restorer.restore("tong muc ban le") == "tổng mức bán lẻ"
    assert restorer.restore("zzz qqq") == "zzz qqq"  # unknown words stay as typed


def test_analyze_question(service):
    q = analyze("kim ngach xuat khau 6T/2023", DiacriticRestorer(service.index.word_forms))
    assert q.restored is True
    assert q.expanded == "kim ngạch xuất khẩu 6 tháng/2023"
    assert q.scope.years == {2023} and q.scope.periods == {"M6"}
    typed = analyze("Kim ngạch xuất khẩu quý I", DiacriticRestorer(service.index.word_forms))
    assert typed.restored is False and typed.expanded == "Kim ngạch xuất khẩu quý I"


def test_expand_abbreviations_and_english():
    assert expand_abbreviations("KNXK và TMBL") == "kim ngạch xuất khẩu và tổng mức bán lẻ"
    assert is_english("What was the total export value in 2018?")
    assert not is_english("kim ngạch xuất khẩu là bao nhiêu")
    q = analyze("What was the export turnover in the first quarter of 2018?")
    assert q.english
    assert "xuất khẩu" in q.expanded and "kim ngạch" in q.expanded
    assert q.scope.years == {2018} and "M3" in q.scope.periods


def test_english_question_finds_the_vietnamese_passage(service):
    hits = service.search("What was the export turnover of Lang Son in the first quarter of "
                          "2018?", top_k=3).hits
    assert hits[0].chunk.doc_id == D001
    assert any("769 triệu USD" in h.chunk.text for h in hits)


def test_time_scores():
    cfg = RetrievalConfig()
    chunk = Chunk("d:0:x", "d", "t", None, "x", 0, 1, years=(2018,), periods=("M3",))
    assert time_scores(TimeScope(), chunk, cfg) == (0.0, None)
    assert time_scores(TimeScope(frozenset({2018}), frozenset({"M3"})), chunk, cfg) == (
        pytest.approx(cfg.year_weight + cfg.period_weight), True)
    score, match = time_scores(TimeScope(frozenset({2019})), chunk, cfg)
    assert match is False and score == pytest.approx(-cfg.year_weight)
    score, match = time_scores(TimeScope(frozenset({2018}), frozenset({"M9"})), chunk, cfg)
    assert match is False
    assert score == pytest.approx(cfg.year_weight - cfg.period_weight / 2)
    no_time = Chunk("d:0:y", "d", "t", None, "y", 0, 1)
    assert time_scores(TimeScope(frozenset({2019})), no_time, cfg) == (0.0, False)


def test_hit_serialisation(service):
    d = service.search("kim ngạch xuất khẩu 2018?", top_k=2).to_dict()
    assert d["query"] == "kim ngạch xuất khẩu 2018?"
    h = d["hits"][0]
    assert h["rank"] == 1 and h["doc_id"] == D001
    assert h["date"] == "2018-05-22"
    text = service.index.docs[D001].text
    assert text[h["start"]:h["end"]] == h["text"]
    assert h["chunk_id"].startswith(f"{D001}:{h['start']}:")
    assert isinstance(h["score"], float)
