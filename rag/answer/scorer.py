"""The fitted figure scorer: which candidate frame answers, and how sure that answer is.

A pairwise-fitted linear ranker over the evidence on each candidate frame
(:data:`rag.answer.figures.FEATURES`) orders the candidates of an asked period; a second
logistic regression over the chosen candidate's evidence, its score and its margin over the
next best, mapped through an isotonic calibration fitted on questions of documents neither
model was fitted on, is the answer's ``confidence``: the observed share of right answers
among answers given with that value.  Both are fitted by
``rag train`` (rag.eval.train, scikit-learn) on gold questions; here they are applied with
numpy alone, so serving does not import scikit-learn.

The model file is JSON (``FigureScorer.save`` / ``FigureScorer.load``): the feature names it
was fitted on (a file fitted on other features is refused), the standardisation (mean,
scale), coefficients and intercept, the calibration's breakpoints, the two thresholds chosen
on the validation folds (``refuse_below``: a best candidate under it is not an answer;
``sure_at``: answers at or above it were right in at least the target share), and what it was
fitted on and how it did (``trained``), for the record.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from rag.answer.figures import FEATURES
from rag.errors import ScorerFileError

FORMAT = 3  # the model file's layout; another is refused
DEFAULT_PATH = Path(__file__).with_name("figure_scorer.json")
# the hand-set ranking's confidence model (ranker "hand"): RAG_FIGURE_SCORER=hand, the default
HAND_PATH = Path(__file__).with_name("figure_confidence.json")


@dataclass(frozen=True)
class FigureScorer:
    """A fitted logistic regression over :data:`FEATURES` and its calibration.

    The ranker: ``ranker`` "fitted" orders candidates by ``mean``/``scale``/``coef``/
    ``intercept`` (one float per feature; a candidate's score is sigmoid(((x - mean) /
    scale) . coef + intercept)) and refuses answers under ``refuse_below``; "hand" keeps the
    hand-set frame weights' order, score, coverage floor and refusals -- the answer chosen is
    the hand-set one, only its confidence comes from this model (``rag train`` keeps
    whichever chose better on its validation folds, or the one ``--ranker`` names).  The confidence
    model: ``conf_*``, a logistic regression over the chosen candidate's features, its score
    and its margin over the next best candidate (len(FEATURES) + 2 values), whose output
    ``calib_x``/``calib_y`` (increasing breakpoints of an isotonic map, ``np.interp``
    between them) turn into the observed share of right answers.  ``refuse_below`` and
    ``sure_at`` are calibrated confidences (0..1).  ``trained``: a record of the fit (data,
    folds, validation figures).
    """

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    ranker: str
    conf_mean: tuple[float, ...]
    conf_scale: tuple[float, ...]
    conf_coef: tuple[float, ...]
    conf_intercept: float
    calib_x: tuple[float, ...]
    calib_y: tuple[float, ...]
    refuse_below: float
    sure_at: float
    trained: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        n = len(self.features)
        if self.ranker not in ("fitted", "hand"):
            raise ScorerFileError(f"scorer: ranker {self.ranker!r}, expected fitted or hand")
        if not (len(self.mean) == len(self.scale) == len(self.coef) == n):
            raise ScorerFileError("scorer: mean, scale and coef need one value per feature")
        if not (len(self.conf_mean) == len(self.conf_scale) == len(self.conf_coef) == n + 2):
            raise ScorerFileError("scorer: the confidence model needs len(features) + 2 "
                                  "values")
        if len(self.calib_x) != len(self.calib_y) or not self.calib_x:
            raise ScorerFileError("scorer: calibration breakpoints calib_x/calib_y differ")

    def probability(self, features: tuple[float, ...] | list[float]) -> float:
        """P(this candidate's value is the answer) for one candidate's ``features``
        (len(FEATURES) floats); ValueError when the length differs."""
        x = np.asarray(features, dtype=np.float64)
        if x.shape != (len(self.coef),):
            raise ValueError(f"expected {len(self.coef)} features, got {x.shape}")
        z = float(((x - np.asarray(self.mean)) / np.asarray(self.scale)) @ np.asarray(self.coef))
        return float(1.0 / (1.0 + np.exp(-(z + self.intercept))))

    def confidence(self, features: tuple[float, ...] | list[float], score: float,
                   margin: float) -> float:
        """The calibrated confidence (0..1) that the chosen candidate is the answer, from its
        ``features``, its ranking ``score`` (:meth:`probability`) and ``margin``: its score
        minus the next best candidate's of the same asked period (its own score when it is
        the only one)."""
        x = np.asarray([*features, score, margin], dtype=np.float64)
        if x.shape != (len(self.conf_coef),):
            raise ValueError(f"expected {len(self.conf_coef) - 2} features, got "
                             f"{len(x) - 2}")
        z = float(((x - np.asarray(self.conf_mean)) / np.asarray(self.conf_scale))
                  @ np.asarray(self.conf_coef)) + self.conf_intercept
        p = 1.0 / (1.0 + np.exp(-z))
        return round(float(np.interp(p, self.calib_x, self.calib_y)), 4)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data, read back by :meth:`from_dict`."""
        return {"format": FORMAT, **asdict(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FigureScorer:
        """The scorer of ``data``; ScorerFileError when its format or features are not this
        library's (a model fitted on other evidence is never applied to this one)."""
        if data.get("format") != FORMAT:
            raise ScorerFileError(f"scorer: format {data.get('format')!r}, expected {FORMAT}")
        if tuple(data.get("features", ())) != FEATURES:
            raise ScorerFileError("scorer: fitted on other features than this library's; "
                                  "rebuild it with `rag train`")
        try:
            return cls(features=tuple(data["features"]), mean=tuple(data["mean"]),
                       scale=tuple(data["scale"]), coef=tuple(data["coef"]),
                       intercept=float(data["intercept"]), ranker=str(data["ranker"]),
                       conf_mean=tuple(data["conf_mean"]), conf_scale=tuple(data["conf_scale"]),
                       conf_coef=tuple(data["conf_coef"]),
                       conf_intercept=float(data["conf_intercept"]),
                       calib_x=tuple(data["calib_x"]),
                       calib_y=tuple(data["calib_y"]),
                       refuse_below=float(data["refuse_below"]),
                       sure_at=float(data["sure_at"]), trained=dict(data.get("trained", {})))
        except (KeyError, TypeError) as exc:
            raise ScorerFileError(f"scorer: missing or bad field {exc}") from exc

    def save(self, path: Path) -> None:
        """Write the model file (JSON, UTF-8) to ``path``."""
        write_model_file(path, self.to_dict())

    @classmethod
    def load(cls, path: Path = DEFAULT_PATH) -> FigureScorer:
        """The scorer saved at ``path`` (the one shipped with the library by default);
        ScorerFileError when it cannot be read or is not usable."""
        return cls.from_dict(read_model_file(path, "scorer"))


def read_model_file(path: Path, what: str) -> dict[str, Any]:
    """The JSON object of a fitted model file (``what``: "scorer", "answerability", named in
    the errors); ScorerFileError when it cannot be read or holds no JSON object."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ScorerFileError(f"{what}: cannot read {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise ScorerFileError(f"{what}: {path} does not hold a JSON object")
    return data


def write_model_file(path: Path, data: dict[str, Any]) -> None:
    """Write a fitted model's ``data`` to ``path`` (JSON, UTF-8), read back by
    :func:`read_model_file`."""
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
