"""Whether a statement answer answers at all: a fitted check that refuses the sentence an
ai / gì / đâu / nào / vì sao question would otherwise get when nothing retrieved is about it.

The statement answerer (:mod:`rag.answer.statements`) always finds *a* sentence holding some
of the question; when the question's article is not indexed, that sentence is about
something else.  What tells the two apart is how much of the question the sentence and its
passage hold, and above all whether the question's rarest words — its entity, "Jared Allen",
"Bảo tàng Victoria và Albert" — are there at all.  :func:`statement_features` measures that
(:data:`FEATURES`); :class:`StatementCheck` is a logistic regression over them, fitted by
``bench/fit_answerability.py`` (scikit-learn) on questions asked once of an index holding
their document and once of one without it (XQuAD-vi dev articles dealt into folds, the
dev-reports and seed questions), validated on questions of articles it was not fitted on.
Its ``refuse_below`` was chosen there, on the out-of-fold probabilities: the cut with the
highest refusal recall over every question asked whose refusal precision is still ≥ the
target (0.92: issue 18's 0.9 plus a margin) — see the file's ``trained``.
Serving applies it with the standard library alone.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from rag.answer.scorer import read_model_file, write_model_file
from rag.answer.sentences import both_forms, positions, with_bigrams
from rag.errors import ScorerFileError

FORMAT = 1  # the model file's layout; another is refused
DEFAULT_PATH = Path(__file__).with_name("answerability.json")

FEATURES: tuple[str, ...] = (
    "score",            # the statement answerer's own score of the sentence (statements.py)
    "sentence_share",   # share of the question's IDF weight the sentence holds
    "passage_share",    # share its passage (title and text) holds
    "missing_share",    # the largest share one question word absent from the passage had
    "missing_rarity",   # that word's IDF over the largest IDF possible (log(n + 1) / 0.5)
    "rare_held",        # share of the question's rarer half of words the passage holds
    "rank",             # the passage's rank among those read (0 = first)
)


# A name of five letters or more glued to its number ("Internet2"): the question's reading
# (rag.answer.intent.content_runs keeps only codes of at most four letters, "RON95", whole)
# asks it as "internet" and "2", while a passage's tokens (rag.answer.sentences.positions)
# keep it whole -- the check saw the question's own entity as missing
_GLUED_NAME = re.compile(r"([^\W\d_]{5,})(\d{1,3})")


def held_terms(text: str) -> set[str]:
    """The folded words and adjacent word pairs of ``text`` (rag.answer.sentences.positions,
    with_bigrams), a word of five letters or more glued to a number ("Internet2") read as
    the question's words read it (rag.answer.intent.content_runs): its two parts
    ("internet", "2", "internet_2", and "2_dau" with the next word), the whole kept too."""
    toks: list[tuple[int, str]] = []
    for at, tok in positions(text):
        m = _GLUED_NAME.fullmatch(tok)
        toks += [(at, m.group(1)), (at, m.group(2))] if m is not None else [(at, tok)]
    return with_bigrams(positions(text)) | with_bigrams(toks)


def statement_features(question_words: list[str], idf: Callable[[str], float],
                       max_idf: float, sentence: str, passage: str, score: float,
                       rank: int, paired: tuple[tuple[str, frozenset[str]], ...] = ()
                       ) -> tuple[float, ...]:
    """The evidence that the ``sentence`` (in ``passage``, the chunk's title and text, at
    ``rank`` among the passages read) answers a question of ``question_words`` (folded
    content words: the question word itself and function words left out by the caller), as
    :data:`FEATURES` in order.  ``idf(word)`` weighs words (and word pairs "a_b") by rarity;
    ``max_idf`` is the largest value it can give (a word in no passage).  A question without
    weighted words gives shares of 0.  ``paired`` (rag.answer.sentences.pair_terms of the
    question's abbreviation pairs): a text holding one form of a pair holds the other
    ("UBND" is "ủy ban nhân dân" asked; rag.answer.sentences.both_forms)."""
    words = list(dict.fromkeys(question_words))
    weights = {w: max(0.0, idf(w)) for w in words}
    total = sum(weights.values())
    in_sentence = both_forms(held_terms(sentence), paired)
    in_passage = both_forms(held_terms(passage), paired)
    if total <= 0:
        return (score, 0.0, 0.0, 0.0, 0.0, 0.0, float(rank))
    missing = [w for w in words if w not in in_passage]
    worst = max(missing, key=lambda w: weights[w], default=None)
    ranked = sorted(words, key=lambda w: -weights[w])
    rare = ranked[:max(1, (len(ranked) + 1) // 2)]
    return (
        score,
        sum(weights[w] for w in words if w in in_sentence) / total,
        sum(weights[w] for w in words if w in in_passage) / total,
        weights[worst] / total if worst is not None else 0.0,
        weights[worst] / max_idf if worst is not None and max_idf > 0 else 0.0,
        sum(w in in_passage for w in rare) / len(rare),
        float(rank),
    )


@dataclass(frozen=True)
class StatementCheck:
    """A fitted logistic regression: P(the question is answered by the passages read), from a
    statement answer's :func:`statement_features`.  ``mean``/``scale`` standardise the
    features, ``coef``/``intercept`` weigh them (one float per feature in ``features``);
    an answer whose probability is under ``refuse_below`` (0..1) is refused.  ``trained``: a
    record of the fit (data, folds, validation figures)."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    refuse_below: float
    trained: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        n = len(self.features)
        if not (len(self.mean) == len(self.scale) == len(self.coef) == n):
            raise ScorerFileError("answerability: mean, scale and coef need one value per "
                                  "feature")
        if not 0.0 <= self.refuse_below <= 1.0:
            raise ScorerFileError("answerability: refuse_below must be within 0..1")

    def probability(self, features: tuple[float, ...]) -> float:
        """P(answerable) for one answer's ``features`` (len(FEATURES) floats); ValueError
        when the length differs."""
        if len(features) != len(self.coef):
            raise ValueError(f"expected {len(self.coef)} features, got {len(features)}")
        z = self.intercept + sum((x - m) / s * c for x, m, s, c
                                 in zip(features, self.mean, self.scale, self.coef,
                                        strict=True))
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))

    def refuses(self, features: tuple[float, ...]) -> bool:
        """Whether an answer with these ``features`` is refused (probability under
        ``refuse_below``)."""
        return self.probability(features) < self.refuse_below

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data, read back by :meth:`from_dict`."""
        return {"format": FORMAT, **asdict(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StatementCheck:
        """The check of ``data``; ScorerFileError when its format or features are not this
        library's (a model fitted on other evidence is never applied)."""
        if data.get("format") != FORMAT:
            raise ScorerFileError(f"answerability: format {data.get('format')!r}, expected "
                                  f"{FORMAT}")
        if tuple(data.get("features", ())) != FEATURES:
            raise ScorerFileError("answerability: fitted on other features than this "
                                  "library's; rebuild it with bench/fit_answerability.py")
        try:
            return cls(features=tuple(data["features"]), mean=tuple(data["mean"]),
                       scale=tuple(data["scale"]), coef=tuple(data["coef"]),
                       intercept=float(data["intercept"]),
                       refuse_below=float(data["refuse_below"]),
                       trained=dict(data.get("trained", {})))
        except (KeyError, TypeError, ValueError) as exc:
            raise ScorerFileError(f"answerability: missing or bad field {exc}") from exc

    def save(self, path: Path) -> None:
        """Write the model file (JSON, UTF-8) to ``path``."""
        write_model_file(path, self.to_dict())

    @classmethod
    def load(cls, path: Path = DEFAULT_PATH) -> StatementCheck:
        """The check saved at ``path`` (the one shipped with the library by default);
        ScorerFileError when it cannot be read or is not usable."""
        return cls.from_dict(read_model_file(path, "answerability"))
