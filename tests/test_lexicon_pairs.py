"""A domain abbreviation the question writes either form of is carried both ways on the
statement path, as the corpus's own pairs are (session 48; break-test bt19a: "Ai là Chủ tịch
UBND huyện Lộc Bình?"
read as "chủ tịch ủy ban nhân dân huyện Lộc Bình", so the sentence "Chủ tịch UBND huyện là
ông Lăng Văn Thịnh" held none of "ủy ban nhân dân" for the sentence chooser and the statement
check).  rag.search.query.lexicon_pairs; rag.answer.answerability.statement_features reads
a text holding one form as holding the other."""

from __future__ import annotations

import math

import pytest

from rag.answer.answerability import statement_features
from rag.answer.sentences import pair_terms
from rag.answer.statements import statement_pairs
from rag.search.query import analyze, lexicon_pairs


@pytest.mark.parametrize("question, key", [
    ("Ai là Chủ tịch UBND huyện Cao Lộc?", "ubnd"),
    ("Chủ tịch Ủy ban nhân dân huyện Cao Lộc là ai?", "ubnd"),
    ("chu tich hdnd tinh la ai", "hdnd"),
    ("KNXK năm 2081 đạt bao nhiêu?", "knxk"),
])
def test_either_form_is_paired(question: str, key: str) -> None:
    assert key in {k for k, _ in lexicon_pairs(question)}
    assert key in {k for k, _ in statement_pairs(analyze(question))}


def test_figures_keep_the_corpus_pairs_only() -> None:
    """One sentence's "HĐND" held by every frame of it would blur whose plan each amount is
    ("Trung ương giao 7.110 tỷ đồng; HĐND tỉnh giao 7.350 tỷ đồng",
    tests/test_plan_issuer_and_aspect_words.py): the frames' matching keeps Query.acronyms."""
    assert "hdnd" not in {k for k, _ in analyze("du toan HDND tinh giao nam 2041").acronyms}


@pytest.mark.parametrize("question", [
    "Doanh thu du lịch năm 2081?",
    "Số văn bản 12/KH-UBND ban hành ngày nào?",  # a document's code is no abbreviation asked
])
def test_no_pair_when_neither_form_is_written(question: str) -> None:
    assert "ubnd" not in {k for k, _ in lexicon_pairs(question)}


def test_the_check_reads_either_form() -> None:
    words = ["chu", "tich", "uy", "ban", "nhan", "dan", "huyen", "chu_tich", "uy_ban"]

    def idf(w: str) -> float:
        return 2.0

    sentence = "Chủ tịch UBND huyện là ông Lăng Văn Thịnh."
    alone = statement_features(words, idf, math.log(100), sentence, sentence, 0.5, 0)
    paired = statement_features(words, idf, math.log(100), sentence, sentence, 0.5, 0,
                                pair_terms((("ubnd", "Ủy ban nhân dân"),)))
    assert paired[1] > alone[1] and paired[2] > alone[2]  # sentence and passage shares
