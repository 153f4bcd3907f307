"""The fitted figure scorer: its file, its fitting (real scikit-learn), `rag train` on the seed
index, and what its confidence does to answers."""

from __future__ import annotations

import json
import subprocess
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
