"""AnswerWeights: every weight and threshold of the extractive answerer, in one frozen object
that serialises and that the answerer threads down to its rules and scores."""

from __future__ import annotations

import dataclasses
import json

import pytest

from rag.answer import Answerer, AnswerWeights
from rag.answer.candidates import candidates
from rag.answer.sentences import positions, with_bigrams
from rag.records import Chunk, Hit
from rag.search.query import analyze


def test_weights_serialise_to_json_and_back() -> None:
    w = AnswerWeights()
    data = json.loads(json.dumps(w.to_dict()))
    assert data["min_score"] == 0.15 and data["min_coverage"] == 0.6
    assert data["head_missing"] == 0.3 and data["anchor_span"] == 3
    assert data["amount_fits"] == {"amount": 1.0, "count": 0.7, "ratio": 0.6, "percent": 0.3}
    assert AnswerWeights.from_dict(data) == w
    assert AnswerWeights.from_dict({"min_score": 0.5}) == AnswerWeights(min_score=0.5)
    with pytest.raises(TypeError, match="no_such_weight"):
        AnswerWeights.from_dict({"no_such_weight": 1.0})
    with pytest.raises(dataclasses.FrozenInstanceError):
        w.min_score = 0.0  # type: ignore[misc]


def _hit(text: str) -> Hit:
    chunk = Chunk(Chunk.make_id("d", 0, len(text), text), "d", "Báo cáo quý I năm 2018", None,
                  text, 0, len(text), years=(2018,), periods=("M3",))
    return Hit(chunk, 0, 1.0)


def test_the_answerer_uses_the_weights_it_is_given() -> None:
    hits = [_hit("Kim ngạch xuất khẩu quý I năm 2018 đạt 769 triệu USD, tăng 33,4%. "
                 "Tổng kim ngạch xuất nhập khẩu đạt 1.233 triệu USD.")]
    docs = [with_bigrams(positions(f"{h.chunk.title} {h.chunk.text}")) for h in hits]

    def df(term: str) -> int:
        return sum(term in d for d in docs)

    question = "Kim ngạch xuất khẩu quý I năm 2018 là bao nhiêu?"
    default = Answerer(df, len(docs))
    assert default.weights == AnswerWeights()
    a = default.answer(analyze(question), hits, question)
    assert a.found and a.answer == "769 triệu USD"
    strict = Answerer(df, len(docs), AnswerWeights(min_score=2.0, figure_sentence_min=2.0))
    assert strict.weights.min_score == 2.0
    assert not strict.answer(analyze(question), hits, question).found


def test_reading_weights_reach_the_candidates() -> None:
    sentence = "Giám đốc Sở là ông Nguyễn Văn An."
    names = [c.text for c in candidates(sentence) if c.kind == "name"]
    assert names == ["Nguyễn Văn An"]
    assert not [c for c in candidates(sentence, AnswerWeights(max_name_words=2))
                if c.kind == "name"]
    assert not [c for c in candidates(sentence, AnswerWeights(role_before_chars=3))
                if c.kind == "name"]
