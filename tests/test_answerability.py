"""The statement check: a statement answer about nothing the index holds is refused."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from rag.answer.answerability import DEFAULT_PATH, FEATURES, StatementCheck, statement_features
from rag.errors import ScorerFileError
from rag.records import AskOptions
from rag.service import RagService
from rag.settings import Settings


def idf_of(df: dict[str, int], n: int = 100):
    return lambda term: math.log((n + 1) / (df.get(term, 0) + 0.5))


def test_features_see_a_missing_rare_word() -> None:
    idf = idf_of({"ai": 60, "la": 90, "giam_doc": 10, "giam": 12, "doc": 12, "so": 40,
                  "nguyen": 5})
    words = ["giam", "doc", "so", "giam_doc", "panthers"]  # folded, as questions are read
    top = math.log(101 / 0.5)
    lacking = statement_features(words, idf, top, "Giám đốc Sở là ông Nguyễn Văn A.",
                                 "Sở Công Thương\nGiám đốc Sở là ông Nguyễn Văn A.", 0.5, 0)
    assert len(lacking) == len(FEATURES)
    named = dict(zip(FEATURES, lacking, strict=True))
    # "panthers" is in no passage: the rarest word, and it is missing
    assert named["missing_rarity"] == pytest.approx(1.0, abs=0.01)
    assert named["passage_share"] < 1.0
    full = dict(zip(FEATURES, statement_features(
        words[:4], idf, top, "Giám đốc Sở là ông A.", "Giám đốc Sở là ông A.", 0.5, 2),
        strict=True))
    assert full["passage_share"] == pytest.approx(1.0)
    assert full["missing_share"] == 0.0 and full["rank"] == 2.0


def test_shipped_check_loads_and_saves_the_same(tmp_path: Path) -> None:
    check = StatementCheck.load()
    check.save(tmp_path / "c.json")
    assert StatementCheck.load(tmp_path / "c.json") == check
    assert 0.0 < check.refuse_below < 1.0
    assert check.trained["validation"]["xquad"]["refusal_precision"] >= 0.9


def test_a_check_of_other_features_is_refused(tmp_path: Path) -> None:
    data = json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))
    data["features"] = data["features"][:-1]
    (tmp_path / "bad.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ScorerFileError, match="other features"):
        StatementCheck.load(tmp_path / "bad.json")
    with pytest.raises(ScorerFileError, match="cannot read"):
        StatementCheck.load(tmp_path / "none.json")
    with pytest.raises(ScorerFileError):
        RagService(Settings(index_dir=tmp_path / "i", statement_check=str(tmp_path / "bad.json")))


# Questions about things no seed article mentions, and the statement questions they do answer.
OFF_TOPIC = ["Bảo tàng nào trưng bày nhạc cụ cổ ở Lạng Sơn?",
             "Vì sao cửa khẩu Móng Cái tạm dừng thông quan?",
             "Ai là chủ tịch hội đồng quản trị của Vinamilk?",
             "Ai là tổng thống Hoa Kỳ?"]
ON_TOPIC = {"Ai là giám đốc Sở Công Thương Lạng Sơn?": "Nguyễn Đình Đại"}


def test_statement_about_nothing_indexed_is_refused(seed, tmp_path: Path) -> None:
    on = seed.service
    off = RagService(Settings(index_dir=seed.index_dir, statement_check="off"))
    for question in OFF_TOPIC:
        assert off.ask(question, AskOptions()).found, question  # without the check: answered
        answer = on.ask(question, AskOptions())
        assert not answer.found, (question, answer.answer)
        assert answer.related, question  # the passages nearest the question stay shown
    for question, name in ON_TOPIC.items():
        assert name in on.ask(question, AskOptions()).answer, question
