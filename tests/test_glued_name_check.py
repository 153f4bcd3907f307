"""The statement check sees a name glued to its number ("Internet2") as held when a passage
writes it: the question's reading splits it ("internet", "2"), a passage's tokens keep it
whole (XQuAD-vi dev "Mạng internet2 đầu tiên được đặt tên là gì" was refused over its own
article, session 46)."""

from __future__ import annotations

import math

import pytest

from rag.answer.answerability import FEATURES, statement_features
from rag.answer.answerer import question_terms
from rag.answer.intent import read_intent
from rag.search.query import analyze


def features(question: str, sentence: str) -> dict[str, float]:
    words, pairs = question_terms(read_intent(analyze(question)))
    idf = lambda term: math.log(101 / 2.5)  # noqa: E731  (every term as rare)
    got = statement_features(words + pairs, idf, math.log(101 / 0.5), sentence,
                             f"Tiêu đề\n{sentence}", 0.5, 0)
    return dict(zip(FEATURES, got, strict=True))


@pytest.mark.parametrize(("question", "sentence"), [
    ("Mạng internet2 đầu tiên được đặt tên là gì",
     "Cộng đồng Internet2 đã xây dựng mạng Internet2 đầu tiên, được đặt tên là Abilene."),
    ("Vệ tinh Sentinel2 được phóng năm nào?",
     "Vệ tinh Sentinel2 được phóng vào năm 2015 từ Kourou."),
    ("Ai sản xuất điện thoại Galaxy10?",
     "Samsung sản xuất điện thoại Galaxy10 từ năm 2019."),
])
def test_a_glued_name_written_in_the_passage_is_held(question: str, sentence: str) -> None:
    named = features(question, sentence)
    assert named["missing_share"] == 0.0
    assert named["passage_share"] == pytest.approx(1.0)
    assert named["rare_held"] == 1.0


def test_the_name_without_its_number_is_not_held() -> None:
    # near-miss: "Internet" alone is no "Internet2" -- the number stays missing
    named = features("Mạng internet2 đầu tiên được đặt tên là gì",
                     "Mạng Internet đầu tiên được đặt tên là ARPANET.")
    assert named["missing_share"] > 0.0
    assert named["passage_share"] < 1.0


def test_a_short_code_stays_one_word() -> None:
    # "RON95" is read whole on both sides (rag.answer.intent.content_runs): unchanged
    named = features("Xăng RON95 là gì?", "Xăng RON95 là xăng không chì.")
    assert named["missing_share"] == 0.0 and named["passage_share"] == pytest.approx(1.0)
