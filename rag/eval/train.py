"""`rag train`: fitting the figure scorer (rag.answer.scorer) on gold questions.

For every figure question of the gold sets, the service lists the candidate frames the hard
rules allow for each asked period (``Answerer.figure_candidates``, hand-set ranking) with
their evidence (rag.answer.figures.FEATURES); a candidate is *right* when its answer text
holds a gold answer (rag.eval.metrics.has_gold_answer, as `rag eval` judges).  Then:

1. **Folds by document.** Questions are grouped by the document that answers them (the first
   of ``doc_ids``; an unanswerable question by its id), and the groups split into ``folds``
   (scikit-learn GroupKFold): no document's questions are on both sides of a fold.
2. **The ranker.** A pairwise logistic regression (scikit-learn; L2, C ``c``; no intercept)
   on the differences between a right and a wrong candidate of the same asked period,
   fitted on the other folds, scores each held-out candidate (sigmoid of w . x: candidates
   are only ever compared within their question, as the answerer compares them); the
   answerer's choice (an exact period before a part of it; of parts, the widest near the
   best) is read off those scores.  A pointwise logistic regression and gradient boosting
   did no better on these folds or on the held-out set (tests/data/heldout).
3. **Calibration.** An isotonic regression from the chosen candidate's score to whether
   it was right, on all held-out choices (unanswerable parts count as wrong answers):
   ``confidence`` is then the share of right answers observed at that probability.
4. **Thresholds**, on the held-out calibrated confidences: ``refuse_below`` maximises right
   answers minus wrong ones (a wrong figure costs as much as a right one gains; a refusal
   neither: so the product answers where it is more often right than wrong); ``sure_at`` is
   the least confidence from which answers were right at least ``target`` of the time.
5. **The ranker kept**: the fitted one and the hand-set frame weights (rag.answer.weights)
   are each tried with a confidence model fitted on their choices; the pair with the fewest
   wrong answers at confidence >= 0.9 on the folds, then the most asked periods handled
   well, is kept.  On the dev reports and the seed gold the hand-set weights choose the
   right candidate a little more often (0.747 against 0.726; they were set by hand on these
   very questions) but their confident answers are wrong more often (13 against 7 at >= 0.9
   on the folds): the shipped scorer keeps the fitted ranker.
6. The shipped model is refitted on all questions; its calibration and thresholds are those
   of the folds.  The report gives the folds' figures for both rankers.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from rag.answer.figures import FEATURES
from rag.answer.scorer import FigureScorer
from rag.eval.gold import GoldQuestion
from rag.eval.metrics import has_gold_answer

PARTIAL_BAND = 0.85  # AnswerWeights.frame_partial_band: of parts, the widest this near the best


@dataclass(frozen=True)
class Candidate:
    """One candidate frame of one asked period: its evidence (len(FEATURES) floats), whether
    its answer holds a gold answer, whether it is for part of the asked period, how many days
    its period spans (-1 when it has none), the hand-set ranking's score, and whether the
    hand-set answerer gives it (``Answerer.pick``: its coverage floor and its order of
    wholes and parts; None when not recorded, then the highest hand score is taken) and, for
    the candidate it gives, the confidence it gives it (``Answerer.judge`` without a scorer,
    0..1; None when not recorded)."""

    features: tuple[float, ...]
    right: bool
    partial: bool
    span_days: int
    hand_score: float
    hand_chosen: bool | None = None
    hand_confidence: float | None = None


@dataclass(frozen=True)
class TrainQuestion:
    """A gold question's candidates, a list per asked period, with its fold group."""

    id: str
    group: str
    kind: str | None
    answerable: bool
    parts: tuple[tuple[Candidate, ...], ...]


@dataclass
class TrainReport:
    """What `rag train` prints: data sizes, and on the held-out folds the ranking's top-1
    accuracy (fitted and hand-set), part accuracy with refusals at ``refuse_below``, wrong
    answers at confidence >= 0.9 and answers at >= 0.9 (``sure_09``: the coverage), and the
    reliability table (bin -> answered, right); the fold groups (``groups``) and the answers
    given (``answered``).  ``*_hand`` and ``reliability_hand``: the same of the hand-set
    answerer's own confidence where it was recorded (``Candidate.hand_confidence``; empty
    otherwise) -- the confidence before calibration, on the same answers."""

    questions: int = 0
    c: float = 0.0
    ranker: str = "fitted"
    parts: int = 0
    candidates: int = 0
    folds: int = 0
    top1: float = 0.0
    top1_fitted: float = 0.0
    top1_hand: float = 0.0
    best_possible: float = 0.0
    accuracy: float = 0.0
    wrong_at_09: int = 0
    refuse_below: float = 0.0
    sure_at: float = 1.0
    sure_share: float = 0.0
    groups: int = 0
    answered: int = 0
    sure_09: int = 0
    wrong_at_09_hand: int = 0
    sure_09_hand: int = 0
    reliability: list[dict[str, Any]] = field(default_factory=list)
    reliability_hand: list[dict[str, Any]] = field(default_factory=list)
    coefficients: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """JSON form: every figure of the report as it is."""
        return dict(vars(self))


def label(question: GoldQuestion, parts: Iterable[Sequence[tuple[Any, ...]]],
          group: str | None = None) -> TrainQuestion:
    """The question's candidates as training data; ``parts``: per asked period, each
    candidate as (answer text, features, partial, span in days, hand score, given by the
    hand-set answerer[, the hand-set confidence of the given one]); ``group``: its fold group
    (default: the first of its ``doc_ids``, else its id)."""
    out = tuple(tuple(Candidate(tuple(c[1]), has_gold_answer(c[0], question), c[2], c[3],
                                c[4], c[5], c[6] if len(c) > 6 and c[5] else None)
                      for c in part) for part in parts)
    return TrainQuestion(question.id, group or (question.doc_ids[0] if question.doc_ids
                                                else question.id),
                         question.kind, question.answerable, out)


def _choose(cands: Sequence[Candidate], scores: Sequence[float]) -> int | None:
    """The index of the candidate the answerer would give (rag.answer.answerer: an exact
    period first; of parts, the widest within PARTIAL_BAND of the best part)."""
    if not cands:
        return None
    exact = [i for i, c in enumerate(cands) if not c.partial]
    if exact:
        return max(exact, key=lambda i: scores[i])
    best = max(scores)
    near = [i for i in range(len(cands)) if scores[i] >= best * PARTIAL_BAND]
    return max(near, key=lambda i: (cands[i].span_days, scores[i]))


def _pairs(questions: Sequence[TrainQuestion]) -> tuple[np.ndarray, np.ndarray]:
    """Pairwise training data: for every asked period, each right candidate's features minus
    each wrong one's (label 1) and the reverse (label 0)."""
    rows: list[np.ndarray] = []
    for q in questions:
        for part in q.parts:
            right = [np.asarray(c.features) for c in part if c.right]
            wrong = [np.asarray(c.features) for c in part if not c.right]
            rows += [r - w for r in right for w in wrong]
    if not rows:
        raise ValueError("rag train: no asked period has both a right and a wrong candidate")
    d = np.array(rows, dtype=np.float64)
    return np.vstack([d, -d]), np.r_[np.ones(len(d), dtype=np.int64),
                                      np.zeros(len(d), dtype=np.int64)]


# one asked period as validated: (confidence features or None, right, some candidate right,
# fold group, hand-set confidence or None)
Held = tuple[tuple[float, ...] | None, bool, bool, str, float | None]


@dataclass(frozen=True)
class _Ranker:
    """A linear ranking w . (x / scale) and its probability sigmoid(w . (x / scale))."""

    scale: np.ndarray
    coef: np.ndarray

    def __call__(self, c: Candidate) -> float:
        z = float((np.asarray(c.features) / self.scale) @ self.coef)
        return 1.0 / (1.0 + math.exp(-z))


def _fit(questions: Sequence[TrainQuestion], c: float) -> _Ranker:
    """The pairwise ranker (a logistic regression on feature differences, no intercept, on
    features divided by their spread): candidates of one asked period are compared with
    each other, never with another question's, as the answerer compares them."""
    from sklearn.linear_model import LogisticRegression

    x, y = _pairs(questions)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=c, fit_intercept=False, max_iter=5000).fit(x / scale, y)
    return _Ranker(scale, model.coef_[0].copy())


def _choices(questions: Sequence[TrainQuestion], score: Callable[[Candidate], float],
             hand: bool = False) -> list[Held]:
    """For every asked period: the confidence model's features of the chosen candidate (its
    evidence, its ranking score and its margin over the next best; None when there is no
    candidate), whether it is right, whether some candidate is, the question's group and
    the hand-set confidence of the chosen candidate (None when not recorded).
    ``hand``: the candidate the hand-set answerer gave where it was recorded."""
    out: list[Held] = []
    for q in questions:
        for part in q.parts:
            scores = [score(c) for c in part]
            given = [j for j, c in enumerate(part) if c.hand_chosen]
            recorded = any(c.hand_chosen is not None for c in part)
            i = (given[0] if given else None) if hand and recorded else _choose(part, scores)
            possible = any(c.right for c in part)
            if i is None:
                out.append((None, False, possible, q.group, None))
                continue
            margin = scores[i] - max((s for j, s in enumerate(scores) if j != i), default=0.0)
            out.append((part[i].features + (scores[i], margin), part[i].right, possible,
                        q.group, part[i].hand_confidence))
    return out


def _accuracy(conf: np.ndarray, right: np.ndarray, possible: np.ndarray, t: float) -> float:
    """Share of parts handled well at refusal threshold ``t``: answered and right, or refused
    when no candidate was right."""
    answered = conf >= t
    good = (answered & right) | (~answered & ~possible)
    return float(good.mean()) if len(good) else 0.0


C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)  # regularisation tried when none is given
CONF_C = 0.3  # the confidence model's regularisation (few rows: ~one per asked period)


def train(questions: Sequence[TrainQuestion], folds: int = 5, c: float | None = None,
          target: float = 0.97, ranker: str | None = None) -> tuple[FigureScorer, TrainReport]:
    """The fitted scorer and its report (see the module's steps).  Each ranker (fitted with
    regularisation ``c``, or each of C_GRID when None; and the hand-set weights) is tried
    with a confidence model fitted on its choices, and the one with the fewest wrong answers
    at confidence >= 0.9 on the folds, then the most asked periods handled well, is kept
    (issue 18 asks for no wrong answer at 0.9); ``ranker`` "fitted" or "hand" tries that
    one only ("hand": the hand-set answerer's own choices, refusals included, with a
    confidence model of their own -- the default scorer).
    ValueError when there are fewer fold groups than ``folds``, no asked period with
    both a right and a wrong candidate to fit on, or ``ranker`` is another word."""
    if ranker not in (None, "fitted", "hand"):
        raise ValueError(f"rag train: ranker {ranker!r}, expected fitted or hand")
    kinds = ("fitted", "hand") if ranker is None else (ranker,)
    runs, failed = [], None
    for g in (C_GRID if c is None else (c,)):
        for kind in kinds:
            try:
                runs.append(_train(questions, folds, g, target, kind))
            except ValueError as exc:  # e.g. the hand-set choices all right on a small set
                if ranker is not None:
                    raise
                failed = exc
    if not runs:
        raise failed or ValueError("rag train: nothing to fit")
    return max(runs, key=lambda r: (-r[1].wrong_at_09, r[1].accuracy))


def _confidence_model(x: np.ndarray, y: np.ndarray) -> Any:
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    if len(set(y.tolist())) < 2:
        raise ValueError("rag train: the chosen answers need right and wrong ones to fit on")
    return make_pipeline(StandardScaler(), LogisticRegression(C=CONF_C, max_iter=5000)).fit(x, y)


def _train(questions: Sequence[TrainQuestion], folds: int, c: float,
           target: float, ranker_kind: str = "fitted") -> tuple[FigureScorer, TrainReport]:
    from sklearn.isotonic import IsotonicRegression
    from sklearn.model_selection import GroupKFold

    questions = [q for q in questions if q.parts]
    groups = [q.group for q in questions]
    if len(set(groups)) < folds:
        raise ValueError(f"rag train: {len(set(groups))} documents, fewer than {folds} folds")
    held: list[Held] = []
    hand: list[Held] = []
    for train_idx, val_idx in GroupKFold(n_splits=folds).split(questions, groups=groups):
        ranker = _fit([questions[i] for i in train_idx], c)
        val = [questions[i] for i in val_idx]
        held += _choices(val, ranker)
        hand += _choices(val, lambda cand: cand.hand_score, hand=True)
    fitted_top1 = float(np.mean([h[1] for h in held]))
    hand_top1 = float(np.mean([h[1] for h in hand]))
    if ranker_kind == "hand":
        held = hand
    right = np.array([h[1] for h in held])
    possible = np.array([h[2] for h in held])
    # stage B: the confidence model on the held-out choices, itself validated by document
    rows = [i for i, h in enumerate(held) if h[0] is not None]
    x = np.array([held[i][0] for i in rows], dtype=np.float64)
    y = right[rows].astype(np.int64)
    row_groups = [held[i][3] for i in rows]
    oof = np.zeros(len(rows))
    for tr, va in GroupKFold(n_splits=folds).split(x, groups=row_groups):
        oof[va] = _confidence_model(x[tr], y[tr]).predict_proba(x[va])[:, 1]
    iso = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip", increasing=True)
    iso.fit(oof, y.astype(float))
    conf = np.zeros(len(held))  # no candidate: refused
    # out of fold, the calibration too: each fold's confidences through a model and an
    # isotonic map fitted on the other folds alone (the map on their own out-of-fold scores)
    conf[rows] = _nested_confidence(x, y, row_groups, folds)
    thresholds = sorted(set(conf.tolist()) | {0.0})
    # answer when it is more often right than wrong: right answers minus wrong answers
    refuse = max(thresholds, key=lambda t: (int((right & (conf >= t)).sum())
                                            - int((~right & (conf >= t)).sum()), -t))
    refuse = max(refuse, 1e-6)  # an asked period with no candidate is never answered
    if ranker_kind == "hand":
        refuse = 1e-6  # the hand-set answerer's own refusals, none added
    # answers given: with the hand-set ranker every chosen candidate (its own refusals kept)
    answered = (np.array([h[0] is not None for h in held]) if ranker_kind == "hand"
                else conf >= refuse)
    sure = 1.0
    for t in thresholds:
        above = answered & (conf >= t)
        if above.any() and right[above].mean() >= target:
            sure = t
            break
    ranker = _fit(questions, c)
    final = _confidence_model(x, y)
    scaler, logreg = final.steps[0][1], final.steps[1][1]
    report = TrainReport(
        questions=len(questions), c=c, parts=len(held),
        candidates=sum(len(p) for q in questions for p in q.parts), folds=folds,
        ranker=ranker_kind, top1_fitted=round(fitted_top1, 4), top1_hand=round(hand_top1, 4),
        best_possible=round(float(possible.mean()), 4),
        accuracy=round(_accuracy(conf, right, possible, refuse), 4),
        top1=round(float(right.mean()), 4),
        wrong_at_09=int(((conf >= 0.9) & ~right & answered).sum()),
        refuse_below=round(float(refuse), 6), sure_at=round(float(sure), 6),
        sure_share=round(float((conf >= sure).mean()), 4),
        reliability=_reliability(conf[answered], right[answered]),
        groups=len(set(groups)), answered=int(answered.sum()),
        sure_09=int(((conf >= 0.9) & answered).sum()),
        **_hand_figures(held, answered),
        coefficients={n: round(float(v), 4) for n, v in zip(FEATURES, ranker.coef,
                                                           strict=True)})
    scorer = FigureScorer(
        features=FEATURES, mean=(0.0,) * len(FEATURES),
        scale=tuple(float(v) for v in ranker.scale),
        coef=tuple(float(v) for v in ranker.coef), intercept=0.0, ranker=ranker_kind,
        conf_mean=tuple(float(v) for v in scaler.mean_),
        conf_scale=tuple(float(v) if v > 0 else 1.0 for v in scaler.scale_),
        conf_coef=tuple(float(v) for v in logreg.coef_[0]),
        conf_intercept=float(logreg.intercept_[0]),
        calib_x=tuple(round(float(v), 6) for v in iso.X_thresholds_),
        calib_y=tuple(round(float(v), 6) for v in iso.y_thresholds_),
        refuse_below=report.refuse_below, sure_at=report.sure_at,
        trained={k: v for k, v in report.to_dict().items()
                 if k not in ("reliability", "reliability_hand")})
    return scorer, report


def _nested_confidence(x: np.ndarray, y: np.ndarray, groups: Sequence[str],
                       folds: int) -> np.ndarray:
    """Out-of-fold calibrated confidences of the rows ``x`` (labels ``y``): for each fold of
    ``groups`` (GroupKFold), the confidence model fitted on the other folds, and the isotonic
    map fitted on those folds' own out-of-fold scores (an inner GroupKFold), so that no
    row's confidence was fitted on its group.  A fold whose inner folds cannot be split
    (fewer groups than ``folds``) maps its scores through the model alone."""
    from sklearn.isotonic import IsotonicRegression
    from sklearn.model_selection import GroupKFold

    out = np.zeros(len(y))
    g = np.asarray(groups)
    for tr, va in GroupKFold(n_splits=folds).split(x, groups=g):
        p = _confidence_model(x[tr], y[tr]).predict_proba(x[va])[:, 1]
        inner = np.zeros(len(tr))
        try:
            for itr, iva in GroupKFold(n_splits=folds).split(x[tr], groups=g[tr]):
                inner[iva] = _confidence_model(x[tr][itr], y[tr][itr]).predict_proba(
                    x[tr][iva])[:, 1]
        except ValueError:
            out[va] = p
            continue
        iso = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip", increasing=True)
        out[va] = iso.fit(inner, y[tr].astype(float)).predict(p)
    return out


def _hand_figures(held: Sequence[Held], answered: np.ndarray) -> dict[str, Any]:
    """The hand-set confidence's own figures on the answers ``answered`` (a mask over
    ``held``) where it was recorded: wrong answers and answers at >= 0.9 and its reliability
    table; empty figures when none was recorded."""
    keep = [i for i, h in enumerate(held) if answered[i] and h[4] is not None]
    if not keep:
        return {}
    conf = np.array([held[i][4] for i in keep], dtype=np.float64)
    right = np.array([held[i][1] for i in keep])
    return {"wrong_at_09_hand": int(((conf >= 0.9) & ~right).sum()),
            "sure_09_hand": int((conf >= 0.9).sum()),
            "reliability_hand": _reliability(conf, right)}


def _reliability(conf: np.ndarray, right: np.ndarray, bins: int = 10) -> list[dict[str, Any]]:
    out = []
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inside = (conf >= lo) & ((conf < hi) if b < bins - 1 else (conf <= hi))
        n = int(inside.sum())
        if n:
            out.append({"bin": f"{lo:.1f}-{hi:.1f}", "answered": n,
                        "right": int(right[inside].sum()),
                        "accuracy": round(float(right[inside].mean()), 3)})
    return out


def span_days(start: Any, end: Any) -> int:
    """Days a period spans (its ``end - start``), -1 without one."""
    if start is None or end is None:
        return -1
    return int((end - start).days)


__all__ = ["Candidate", "TrainQuestion", "TrainReport", "label", "span_days", "train"]
