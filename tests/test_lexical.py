"""LexicalIndex builds bm25s's own BM25 matrix, with less memory: the same scores, token by token,
as ``bm25s.BM25.index`` on the same token ids, and the same after a save and a load."""

from __future__ import annotations

from pathlib import Path

import bm25s
import numpy as np
import pytest
from conftest import SEEDS_DIR

from index.index import IndexConfig
from index.lexical import LexicalIndex
from rag.ingest.build import chunker_for, lexical_input
from rag.ingest.folders import load_documents
from rag.vi.text import TOKEN_SCHEMES, tokenize

EDGE_CASES = ["", "xuất khẩu xuất khẩu xuất khẩu", "!!!", "2018 2018", "ở ý à"]


def _passages() -> list[str]:
    chunks = chunker_for(IndexConfig()).split(load_documents([SEEDS_DIR]))
    return [lexical_input(c) for c in chunks] + EDGE_CASES


def _bm25s_reference(texts: list[str], scheme: str) -> bm25s.BM25:
    vocab: dict[str, int] = {}
    corpus = [[vocab.setdefault(t, len(vocab)) for t in tokenize(text, scheme) or [""]]
              for text in texts]
    bm25 = bm25s.BM25(k1=1.2, b=0.75)
    bm25.index((corpus, vocab), show_progress=False)
    return bm25


@pytest.mark.parametrize("scheme", TOKEN_SCHEMES)
@pytest.mark.parametrize("empty", [True, False], ids=["with-empty-passages", "without"])
def test_the_matrix_is_bm25s_own(scheme: str, empty: bool) -> None:
    # without an empty passage, "" enters the vocabulary after the matrix (as bm25s adds it)
    texts = _passages() if empty else _passages()[:-len(EDGE_CASES)]
    ours = LexicalIndex.build([tokenize(t, scheme) for t in texts], scheme).bm25
    ref = _bm25s_reference(texts, scheme)
    assert ours.vocab_dict == ref.vocab_dict
    assert ours.scores["num_docs"] == ref.scores["num_docs"] == len(texts)
    np.testing.assert_array_equal(ours.scores["indptr"], ref.scores["indptr"])
    np.testing.assert_array_equal(ours.scores["indices"], ref.scores["indices"])
    assert ours.scores["data"].dtype == ref.scores["data"].dtype == np.float32
    np.testing.assert_array_equal(ours.scores["data"], ref.scores["data"])
    assert ours.unique_token_ids_set == ref.unique_token_ids_set
    assert ours.nonoccurrence_array is None and ref.nonoccurrence_array is None


def test_scores_df_and_a_save_load_round_trip(tmp_path: Path) -> None:
    texts = _passages()
    index = LexicalIndex.build([tokenize(t) for t in texts])
    ref = _bm25s_reference(texts, "syllable+bigram")
    questions = ["kim ngạch xuất khẩu 2018", "kim ngach xuat khau", "cửa khẩu Hữu Nghị",
                 "không có từ nào như vậy", ""]
    for q in questions:
        ids = ref.get_tokens_ids(tokenize(q))
        want = (np.asarray(ref.get_scores_from_ids(ids), np.float32) if ids
                else np.zeros(len(texts), np.float32))
        np.testing.assert_allclose(index.scores(tokenize(q)), want, rtol=1e-5, atol=1e-6)
    # df: passages holding a token, as counted from the texts themselves
    for token in ("xuat", "khau", "xuat_khau", "2018"):
        assert index.df(token) == sum(token in set(tokenize(t)) for t in texts)
    assert index.df("") == 2  # "" and "!!!" hold no token: they are indexed under ""
    assert index.df("khong-co") == 0
    index.save(tmp_path / "lexical")
    loaded = LexicalIndex.load(tmp_path / "lexical")
    for q in questions:
        np.testing.assert_array_equal(loaded.scores(tokenize(q)), index.scores(tokenize(q)))


def test_an_empty_corpus_scores_nothing() -> None:
    index = LexicalIndex.build([])
    assert index.size == 0 and index.scores(tokenize("xuất khẩu")).shape == (0,)
    assert index.df("xuat") == 0
