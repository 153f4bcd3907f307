"""How sure a refusal of a figure question is, from the best candidate it passes over (issue 18).

A refusal is wrong exactly when a candidate it passed over was the answer (or the answer was
never read as a candidate).  The evidence is the calibrated confidence
(:meth:`rag.answer.answerer.Answerer.judge`) of the best candidate passed over -- 0.0 when
there is none.  :class:`RefusalCalibration` turns it into the observed share of right
refusals: an isotonic map (non-increasing) fitted by ``bench/fit_refusal_confidence.py`` on
the refused questions of break-test corpora with expectations and of the dev sets, kept in
``refusal_confidence.json`` beside this module.  numpy only at serve time.

A refusal of a statement question (ai, gì, đâu, khi nào, vì sao ...) passes over the sentence
the chooser picked first; its evidence is the statement check's probability that this sentence
answers (:meth:`rag.answer.answerer.Answerer.answered_probability`, 0.0 when none was picked).
The same kind of map, collected by ``bench/fit_refusal_confidence.py asked`` and fitted by its
``fit --statement`` on the statement refusals of XQuAD-vi dev over bench/xquad_refusal.py's
fold indexes (asked with their article: wrong refusals; without it: right ones; 464 refusals,
48 articles; the dev-reports' are not in it yet), is kept in
``statement_refusal_confidence.json``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from rag.answer.scorer import read_model_file, write_model_file
from rag.errors import ScorerFileError

REFUSAL_CALIBRATION_PATH = Path(__file__).with_name("refusal_confidence.json")
STATEMENT_REFUSAL_CALIBRATION_PATH = Path(__file__).with_name(
    "statement_refusal_confidence.json")
REFUSAL_CALIBRATION_FORMAT = 1


@dataclass(frozen=True)
class RefusalCalibration:
    """Breakpoints of the map from ``passed`` (the best passed-over candidate's calibrated
    confidence, 0..1) to the share of refusals found right: ``passed`` increasing,
    ``right`` (0..1) the share at each, ``np.interp`` between them (held flat outside).
    ``trained``: a record of the fit (data, counts, validation)."""

    passed: tuple[float, ...]
    right: tuple[float, ...]
    trained: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        if not self.passed or len(self.passed) != len(self.right):
            raise ScorerFileError("refusal calibration: passed/right breakpoints differ")
        if any(b < a for a, b in zip(self.passed, self.passed[1:], strict=False)):
            raise ScorerFileError("refusal calibration: passed must increase")

    def confidence(self, passed: float) -> float:
        """The share of refusals found right (0..1, 4 decimals) when the best candidate a
        refusal passes over is ``passed`` sure (0.0: no candidate)."""
        return round(float(np.interp(passed, self.passed, self.right)), 4)

    @classmethod
    def identity(cls) -> RefusalCalibration:
        """The uncalibrated rule, 1 - ``passed``: what the fit is measured on."""
        return cls(passed=(0.0, 1.0), right=(1.0, 0.0), trained={"identity": True})

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data, read back by :meth:`load`."""
        return {"format": REFUSAL_CALIBRATION_FORMAT, "passed": list(self.passed),
                "right": list(self.right), "trained": self.trained}

    def save(self, path: Path = REFUSAL_CALIBRATION_PATH) -> None:
        """Write the map (JSON, UTF-8) to ``path``."""
        write_model_file(path, self.to_dict())

    @classmethod
    def load(cls, path: Path = REFUSAL_CALIBRATION_PATH) -> RefusalCalibration:
        """The map kept at ``path``; ScorerFileError when it cannot be read or is not this
        format."""
        data = read_model_file(path, "refusal calibration")
        if data.get("format") != REFUSAL_CALIBRATION_FORMAT:
            raise ScorerFileError(f"refusal calibration: format {data.get('format')!r}, "
                                  f"expected {REFUSAL_CALIBRATION_FORMAT}")
        try:
            return cls(passed=tuple(float(x) for x in data["passed"]),
                       right=tuple(float(y) for y in data["right"]),
                       trained=dict(data.get("trained", {})))
        except (KeyError, TypeError, ValueError) as exc:
            raise ScorerFileError(f"refusal calibration: missing or bad field {exc}") from exc


@lru_cache(maxsize=1)
def refusal_calibration() -> RefusalCalibration:
    """The map kept beside this module, read once."""
    return RefusalCalibration.load()


@lru_cache(maxsize=1)
def statement_refusal_calibration() -> RefusalCalibration:
    """The statement refusals' map kept beside this module (``passed``: the statement check's
    probability of the sentence passed over), read once."""
    return RefusalCalibration.load(STATEMENT_REFUSAL_CALIBRATION_PATH)
