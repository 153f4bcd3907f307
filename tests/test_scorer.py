"""The fitted figure scorer: its file, its fitting (real scikit-learn), `rag train` on the seed
index, and what its confidence does to answers."""

from __future__ import annotations

import json
import subprocess
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from conftest import GOLD, SeedIndex, rag_executable

from rag.answer.figures import FEATURES
from rag.answer.scorer import DEFAULT_PATH, FigureScorer
from rag.errors import ScorerFileError
from rag.eval.train import Candidate, TrainQuestion, train
from rag.records import AskOptions
from rag.service import RagService, figure_scorer
from rag.settings import Settings

N = len(FEATURES)


def _cand(right: bool, rng: np.random.Generator) -> Candidate:
    """A candidate whose first feature (cov_own) is higher when it is right, plus noise."""
    x = rng.random(N) * 0.3
    x[0] = (0.7 if right else 0.3) + rng.normal(0, 0.15)
    return Candidate(tuple(float(v) for v in x), right, False, 90, float(x[0]))


def _questions(n: int, seed: int = 0) -> list[TrainQuestion]:
    rng = np.random.default_rng(seed)
    out = []
    for i in range(n):
        answerable = i % 5 != 0
        cands = [_cand(False, rng) for _ in range(4)] + ([_cand(True, rng)] if answerable else [])
        out.append(TrainQuestion(f"q{i}", f"doc{i % 10}", "figure", answerable, (tuple(cands),)))
    return out


def test_training_ranks_by_the_evidence_and_calibrates() -> None:
    scorer, report = train(_questions(200), folds=5)
    assert scorer.features == FEATURES and report.c > 0
    assert scorer.ranker in ("hand", "fitted") and report.ranker == scorer.ranker
    # it finds the evidence: as good as ranking by the one informative feature itself
    assert scorer.coef[0] > 0 and report.best_possible == pytest.approx(0.8)
    assert report.top1_fitted >= report.top1_hand - 0.02
    # calibrated: the confidence is a share of right answers, higher for stronger evidence
    assert list(scorer.calib_x) == sorted(scorer.calib_x)
    weak, strong = (0.2,) + (0.1,) * (N - 1), (0.9,) + (0.1,) * (N - 1)
    assert 0.0 <= scorer.confidence(weak, scorer.probability(weak), 0.0) \
        <= scorer.confidence(strong, scorer.probability(strong), 0.5) <= 1.0
    assert report.reliability and sum(b["answered"] for b in report.reliability) <= 200
    # unanswerable questions (a fifth) are refused below the threshold it chose
    assert 0 < scorer.refuse_below <= 1 and report.accuracy > 0.6 and report.wrong_at_09 <= 5


def test_training_needs_documents_for_its_folds() -> None:
    with pytest.raises(ValueError, match="fewer than 5 folds"):
        train([q for q in _questions(50) if q.group in ("doc1", "doc2")], folds=5)


def test_scorer_file_round_trip_and_refusals(tmp_path: Path) -> None:
    scorer, _ = train(_questions(100), folds=5, c=1.0)
    path = tmp_path / "s.json"
    scorer.save(path)
    again = FigureScorer.load(path)
    x = tuple(0.5 for _ in FEATURES)
    assert again.probability(x) == pytest.approx(scorer.probability(x))
    data = json.loads(path.read_text(encoding="utf-8"))
    (tmp_path / "other.json").write_text(json.dumps({**data, "features": ["x"] * N}))
    with pytest.raises(ScorerFileError, match="other features"):
        FigureScorer.load(tmp_path / "other.json")
    (tmp_path / "ranker.json").write_text(json.dumps({**data, "ranker": "magic"}))
    with pytest.raises(ScorerFileError, match="ranker"):
        FigureScorer.load(tmp_path / "ranker.json")
    (tmp_path / "fmt.json").write_text(json.dumps({**data, "format": 99}))
    with pytest.raises(ScorerFileError, match="format"):
        FigureScorer.load(tmp_path / "fmt.json")
    with pytest.raises(ScorerFileError, match="cannot read"):
        FigureScorer.load(tmp_path / "missing.json")
    with pytest.raises(ValueError, match="features"):
        scorer.probability((0.0,))


def test_the_shipped_scorer_loads_and_the_setting_chooses() -> None:
    shipped = FigureScorer.load(DEFAULT_PATH)
    assert shipped.features == FEATURES and 0 < shipped.sure_at <= 1
    assert figure_scorer("hand") is None
    assert figure_scorer("fitted") == shipped
    with pytest.raises(ScorerFileError):
        figure_scorer("/nonexistent/scorer.json")


def test_answers_say_how_sure_they_are(seed: SeedIndex) -> None:
    svc = RagService(seed.service.settings.model_copy(update={"figure_scorer": "fitted"}),
                     embedder=seed.service.embedder)
    a = svc.ask("kim ngạch xuất khẩu 3 tháng đầu năm 2018?", AskOptions())
    assert a.found and a.answer == "769 triệu USD"
    assert a.sure is not None and a.to_dict()["sure"] == a.sure
    assert 0.0 < a.confidence <= 1.0
    assert a.sure == (a.confidence >= FigureScorer.load(DEFAULT_PATH).sure_at)
    hand = RagService(seed.service.settings.model_copy(update={"figure_scorer": "hand"}),
                      embedder=seed.service.embedder)
    assert hand.ask("kim ngạch xuất khẩu 3 tháng đầu năm 2018?").sure is None


def test_rag_train_on_the_seed_gold(seed: SeedIndex, cli_env: dict[str, str],
                                    tmp_path: Path) -> None:
    out = tmp_path / "scorer.json"
    proc = subprocess.run([rag_executable(), "train", str(GOLD), "--folds", "5", "-C", "0.3",
                           "--out", str(out), "--index-dir", str(seed.index_dir), "--json"],
                          capture_output=True, text=True, env=cli_env, timeout=600)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["folds"] == 5 and report["questions"] > 50
    assert 0 <= report["top1_fitted"] <= report["best_possible"] <= 1
    scorer = FigureScorer.load(out)
    assert scorer.trained["questions"] == report["questions"]
    bad = subprocess.run([rag_executable(), "train", str(tmp_path / "nope.jsonl"),
                          "--index-dir", str(seed.index_dir)],
                         capture_output=True, text=True, env=cli_env, timeout=120)
    assert bad.returncode != 0 and bad.stderr.startswith("error:")


def test_a_bad_scorer_setting_is_refused_before_serving(tmp_path: Path) -> None:
    from rag.service import check_settings
    with pytest.raises(ScorerFileError):
        check_settings(Settings(index_dir=tmp_path / "i", sessions_db=tmp_path / "s.db",
                                figure_scorer=str(tmp_path / "none.json")))


def test_the_hand_ranker_keeps_the_hand_set_answerers_own_choices() -> None:
    """`rag train --ranker hand` fits the confidence of the hand-set answerer's own choices
    (``Candidate.hand_chosen``: its coverage floor and order, not the highest hand score),
    adds no refusal of its own, and keeps the hand ranker."""
    rng = np.random.default_rng(3)
    questions = []
    for i in range(60):
        right = _cand(True, rng)
        wrong = replace(_cand(False, rng), hand_score=2.0)  # the highest hand score
        # the answerer gave the right one, or (1 in 4) refused, or (1 in 6) gave the wrong one
        gave_wrong = i % 6 == 1
        parts = ((replace(right, hand_chosen=i % 4 != 0 and not gave_wrong),
                  replace(wrong, hand_chosen=gave_wrong)),)
        questions.append(TrainQuestion(f"q{i}", f"doc{i % 10}", "figure", True, parts))
    scorer, report = train(questions, folds=5, c=0.3, ranker="hand")
    assert scorer.ranker == "hand" and report.ranker == "hand"
    assert scorer.refuse_below <= 1e-6
    given_right = sum(i % 4 != 0 and i % 6 != 1 for i in range(60))
    assert report.top1 == pytest.approx(given_right / 60, abs=1e-3)  # not the top hand score
    with pytest.raises(ValueError, match="ranker"):
        train(questions, folds=5, c=0.3, ranker="best")


def test_a_hand_ranker_scorer_changes_no_answer_only_how_sure(seed: SeedIndex) -> None:
    """RAG_FIGURE_SCORER=hand-calibrated answers every seed gold question as the hand-set
    weights do (the same answer, found or refused, and citation: the coverage floor and the
    refusals are the hand-set ones), with a ``sure`` where a frame answers."""
    from rag.eval import load_gold

    assert figure_scorer("hand-calibrated").ranker == "hand"
    hand = RagService(seed.service.settings.model_copy(update={"figure_scorer": "hand"}),
                      embedder=seed.service.embedder)
    calibrated = RagService(seed.service.settings.model_copy(
        update={"figure_scorer": "hand-calibrated"}), embedder=seed.service.embedder)
    surely = 0
    for g in load_gold(GOLD):
        opts = AskOptions(retrieval_mode="lexical")
        a, b = hand.ask(g.question, opts), calibrated.ask(g.question, opts)
        assert (a.found, a.answer, a.citations[:1]) == (b.found, b.answer, b.citations[:1]), \
            g.question
        if b.found and b.figure is not None:
            assert b.sure is not None and a.sure is None
            surely += 1
    assert surely > 30


def test_the_cli_says_when_an_answer_is_not_sure(seed: SeedIndex, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from api.cli import main

    never = json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))
    never.update(sure_at=1.5, refuse_below=0.0)  # no answer is sure
    path = tmp_path / "never-sure.json"
    path.write_text(json.dumps(never), encoding="utf-8")
    args = ["ask", "kim ngạch xuất khẩu 3 tháng đầu năm 2018?", "--index-dir",
            str(seed.index_dir)]
    unsure = CliRunner().invoke(main, args, env={"RAG_FIGURE_SCORER": str(path)})
    assert unsure.exit_code == 0, unsure.output
    assert "769 triệu USD" in unsure.output and "chưa chắc chắn" in unsure.output.lower()
    plain = CliRunner().invoke(main, args, env={"RAG_FIGURE_SCORER": "hand"})
    assert "chưa chắc chắn" not in plain.output.lower()
