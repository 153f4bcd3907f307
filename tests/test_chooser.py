"""The sentence chooser: which sentence answers a statement question (ai, gì, khi nào …)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rag.answer import Answerer
from rag.answer.chooser import (
    DEFAULT_PATH,
    FEATURES,
    SentenceChooser,
    asks,
    sentence_rows,
)
from rag.answer.intent import read_intent
from rag.answer.sentences import positions, with_bigrams
from rag.answer.statements import sentence_scores
from rag.answer.weights import AnswerWeights
from rag.errors import ScorerFileError
from rag.records import Chunk, Hit
from rag.search.query import analyze
from rag.service import RagService
from rag.settings import Settings


def hit(rank: int, doc_id: str, title: str, text: str) -> Hit:
    chunk = Chunk(Chunk.make_id(doc_id, 0, len(text), text), doc_id, title, None, text, 0,
                  len(text))
    return Hit(chunk, rank, 1.0 / (rank + 1), lexical=10.0 / (rank + 1))


def answerer_over(hits: list[Hit], chooser: SentenceChooser | None) -> Answerer:
    docs = [with_bigrams(positions(f"{h.chunk.title} {h.chunk.text}")) for h in hits]
    return Answerer(lambda term: sum(term in d for d in docs), len(docs),
                    sentence_chooser=chooser)


@pytest.mark.parametrize(("question", "asked"), [
    ("Ai là người sáng lập công ty?", "who"),
    ("Công ty được thành lập vào năm nào?", "when"),
    ("Nhà máy có bao nhiêu công nhân?", "count"),
    ("Trụ sở của công ty ở đâu?", "where"),
    ("Vì sao doanh thu giảm?", "why"),
])
def test_what_the_question_word_asks(question: str, asked: str) -> None:
    got = asks(question)
    assert got[asked] and sum(got.values()) == 1


def test_rows_measure_each_sentence() -> None:
    text = ("Công ty Hoa Sen được thành lập năm 2001 tại Bình Dương. "
            "Người sáng lập công ty là ông Lê Phước Vũ. "
            "Công ty sản xuất tôn và ống nhựa.")
    hits = [hit(0, "a", "Công ty Hoa Sen", text)]
    answerer = answerer_over(hits, None)
    query = analyze("Công ty Hoa Sen được thành lập vào năm nào?")
    intent = read_intent(query)
    rows = sentence_rows(query, intent, hits, answerer.idf, AnswerWeights(),
                         answerer.segment(intent.runs))
    assert rows and all(len(r.features) == len(FEATURES) for r in rows)
    named = {r.ps.text.split()[-1]: dict(zip(FEATURES, r.features, strict=True))
             for r in rows}
    first = named["Dương."]
    assert first["when_date"] == 1.0 and first["first"] == 1.0 and first["rank"] == 0.0
    assert first["share_gap"] == 0.0 and first["share"] > 0
    assert all(v["who_name"] == 0.0 for v in named.values())  # "năm nào" asks no name


def test_shipped_chooser_loads_and_saves_the_same(tmp_path: Path) -> None:
    chooser = SentenceChooser.load()
    chooser.save(tmp_path / "c.json")
    assert SentenceChooser.load(tmp_path / "c.json") == chooser
    assert set(chooser.features) <= set(FEATURES)
    assert chooser.trained["validation"]["out_of_fold"] > chooser.trained["validation"][
        "hand_set"]


def test_a_chooser_file_that_cannot_be_used_is_refused(tmp_path: Path) -> None:
    data = json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))
    bad = dict(data, features=[*data["features"][:-1], "no_such_feature"])
    (tmp_path / "bad.json").write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(ScorerFileError, match="no_such_feature"):
        SentenceChooser.load(tmp_path / "bad.json")
    (tmp_path / "short.json").write_text(json.dumps(dict(data, coef=data["coef"][:-1])),
                                         encoding="utf-8")
    with pytest.raises(ScorerFileError, match="one value per feature"):
        SentenceChooser.load(tmp_path / "short.json")
    (tmp_path / "old.json").write_text(json.dumps(dict(data, format=0)), encoding="utf-8")
    with pytest.raises(ScorerFileError, match="format"):
        SentenceChooser.load(tmp_path / "old.json")
    with pytest.raises(ScorerFileError, match="cannot read"):
        SentenceChooser.load(tmp_path / "none.json")
    with pytest.raises(ScorerFileError):
        RagService(Settings(index_dir=tmp_path / "i", sentence_chooser=str(tmp_path / "bad.json")))
    with pytest.raises(ValueError, match="expected"):
        SentenceChooser.load().logit((0.0,))


def test_the_setting_names_the_chooser() -> None:
    from rag.service.config import sentence_chooser

    assert sentence_chooser("hand") is None
    assert sentence_chooser("fitted") == SentenceChooser.load()
    assert Settings(index_dir=Path("i")).sentence_chooser == "fitted"


def test_the_fitted_chooser_takes_the_sentence_that_answers() -> None:
    """The hand-set score took the sentence holding "xây dựng nhà máy giấy" and a name
    ("Kỳ Cùng", a river) over the one saying who built it; the fitted chooser takes the
    latter, and keeps the hand-set score of the sentence it takes (confidence, statement
    check)."""
    text = ("Nhà máy giấy được xây dựng năm 1990 bên sông Kỳ Cùng. "
            "Ông Nguyễn Văn An là người xây dựng nhà máy giấy. "
            "Nhà máy giấy sản xuất giấy in và giấy bao bì.")
    hits = [hit(0, "a", "Nhà máy giấy", text)]
    query = analyze("Ai là người xây dựng nhà máy giấy?")
    intent = read_intent(query)
    hand = answerer_over(hits, None).statement_sentence(query, intent, hits)
    assert hand is not None and "Kỳ Cùng" in hand[2].text  # before
    found = answerer_over(hits, SentenceChooser.load()).statement_sentence(query, intent, hits)
    assert found is not None
    score, _, ps = found
    assert "Nguyễn Văn An" in ps.text
    scores = {p.text: sc for sc, _, _, p in sentence_scores(
        query, intent, hits, answerer_over(hits, None).idf, AnswerWeights())}
    assert score == scores[ps.text]
    a = answerer_over(hits, SentenceChooser.load()).answer(query, hits, query.text)
    assert a.found and "Nguyễn Văn An" in (a.answer_sentence or "")
