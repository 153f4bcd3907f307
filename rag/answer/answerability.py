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
from rag.vi.text import fold

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


_WORD = re.compile(r"[^\W_]+")
_ROMAN = re.compile(r"[IVXLC]+")


def _title_word(word: str) -> bool:
    """A word written as a name's syllable: a capital then small letters ("Kuechly", "Đức");
    not a code or numeral ("NFL", "XXXIII", "I")."""
    return word[:1].isupper() and word[1:].islower() and word.isalpha() \
        and not _ROMAN.fullmatch(word)


# words no name is made of, whose capital past a question's first word means the question
# is typed in title case
_SMALL_WORDS = frozenset("là bao nhiêu của gì nào đâu có được và trong cho với không đã bị "
                         "mấy những các ở tại".split())


# Calendar words written with capitals, which the period reader reads and no name holds: "Tết",
# a year's name ("Canh Thân", "Ất Tỵ") and a month written in words ("tháng Mười Hai")
_CAN = "Giáp|Ất|Bính|Đinh|Mậu|Kỷ|Canh|Tân|Nhâm|Quý"
_CHI = "Tý|Tí|Sửu|Dần|Mão|Mẹo|Thìn|Tỵ|Tị|Ngọ|Mùi|Thân|Dậu|Tuất|Hợi"
_MONTH_WORDS = "Một|Hai|Ba|Tư|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười|Giêng|Chạp"
_CALENDAR_RE = re.compile(
    rf"\bTết(?:\s+Nguyên\s+[Đđ]án)?(?:\s+(?:{_CAN})\s+(?:{_CHI}))?(?!\w)"
    rf"|\b(?:{_CAN})\s+(?:{_CHI})(?!\w)"
    rf"|(?<=[Tt]háng\s)(?:{_MONTH_WORDS})(?:\s+(?:{_MONTH_WORDS}))?(?!\w)")


def name_runs(typed: str) -> list[str]:
    """The names a question as typed writes: runs of two or more capitalised words separated
    by single spaces (:func:`_title_word`), the question's first word left out (capitalised
    as any first word is), folded ("Luke Kuechly đã có ..." -> ["luke kuechly"]); none in
    a question typed in title case, one capitalising a small word past its first
    (:data:`_SMALL_WORDS`: "Là", "Bao", "Của"); calendar words ("Tết Canh Thân", "tháng
    Mười Hai", :data:`_CALENDAR_RE`) are none.  A run
    broken by punctuation or a small word is two runs ("Los Angeles-Long Beach")."""
    if any(_title_word(w) and w.lower() in _SMALL_WORDS for w in _WORD.findall(typed)[1:]):
        return []  # a question typed in title case ("... Năm 2034 Là Bao Nhiêu") names nothing
    typed = _CALENDAR_RE.sub(lambda m: "," + "x" * (len(m.group(0)) - 1), typed)
    runs: list[list[str]] = []
    prev_end = -1
    for i, m in enumerate(_WORD.finditer(typed)):
        word = m.group(0)
        if i == 0 or not _title_word(word):
            prev_end = -1
            continue
        if runs and prev_end >= 0 and typed[prev_end:m.start()] == " ":
            runs[-1].append(word)
        else:
            runs.append([word])
        prev_end = m.end()
    return [fold(" ".join(r)) for r in runs if len(r) >= 2]


def _same_word(asked: str, written: str) -> bool:
    """Whether a name's word ``asked`` is the text's word ``written``: equal, or, for words of
    five letters or more, one a prefix of the other a letter longer ("Clipper" /
    "Clippers").  A Vietnamese syllable a letter longer is another name ("Hoa", "Hoài")."""
    if asked == written:
        return True
    short, long_ = sorted((asked, written), key=len)
    return len(short) >= 5 and len(long_) - len(short) == 1 and long_.startswith(short)


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _numbers(text: str) -> set[str]:
    """The numbers ``text`` writes, their separators dropped ("1.000" -> "1000")."""
    return {re.sub(r"[.,]", "", m.group(0)) for m in _NUMBER.finditer(text)}


# numbers a text may write otherwise: centuries ("thế kỷ 15" for "thế kỷ XV"), decades
# ("thập niên 80" for "những năm 1980"), and spans reckoned from a date ("100 năm trước")
_RECKONED_BEFORE = re.compile(r"(?:thế kỷ|thế kỉ|thập niên|thập kỷ|thập kỉ)(?: thứ)?\s*$",
                              re.IGNORECASE)
_RECKONED_AFTER = re.compile(r"\s*(?:năm|tháng|ngày|tuần|thế kỷ|thập kỷ)\s+(?:trước|sau|"
                             r"nữa|tới)\b", re.IGNORECASE)


def numbers_held(typed: str, text: str) -> bool:
    """Whether ``text`` (a passage's title and text) writes every number of two digits or
    more that the question ``typed`` writes, separators aside: a statement question about
    "năm 1967" or "Xa lộ 106" is not answered by a passage that says 1960 or 99 (the
    UIT-ViQuAD 2.0 kind of unanswerable question that changes a number; measured by
    ``bench/changed_questions.py``).  Centuries, decades and spans reckoned from a date
    (:data:`_RECKONED_BEFORE`, :data:`_RECKONED_AFTER`) are not looked for: texts write
    them otherwise; nor is a year when the text writes none (it may be about that year
    without saying so, as rag.answer.rules.time_ok's ``undated_ok`` allows)."""
    asked = {re.sub(r"[.,]", "", m.group(0)) for m in _NUMBER.finditer(typed)
             if len(m.group(0)) >= 2 and not _RECKONED_BEFORE.search(typed[:m.start()])
             and not _RECKONED_AFTER.match(typed[m.end():])}
    written = _numbers(text)
    if not any(_YEAR.fullmatch(n) for n in written):
        asked = {n for n in asked if not _YEAR.fullmatch(n)}  # a text stating no year at all
    return asked <= written


_YEAR = re.compile(r"1[0-9]{3}|20[0-9]{2}")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def word_variants(word: str, df: Callable[[str], int]) -> list[str]:
    """``word`` (folded) and the words a letter longer or shorter at its end that the corpus
    holds (``df(w) > 0``), the forms :func:`_same_word` takes for it."""
    out = [word]
    if len(word) >= 6 and df(word[:-1]):
        out.append(word[:-1])
    if len(word) >= 5:
        out += [word + c for c in _LETTERS if df(word + c)]
    return out


def in_pieces(words: list[str], held: Callable[[list[str]], bool]) -> bool:
    """Whether the name ``words`` splits into consecutive pieces of two words or more each
    ``held`` -- the whole name one piece, or, past three words, names written side by side
    ("Sở Công Thương" "Lạng Sơn", which a text may write "Sở Công Thương tỉnh Lạng
    Sơn").  A three-word personal name is one piece: "Nguyễn Minh" and a lone "Hoa" are no
    name held."""
    ok = [True] + [False] * len(words)  # ok[i]: words[:i] splits into held pieces
    for end in range(2, len(words) + 1):
        ok[end] = any(ok[start] and held(words[start:end]) for start in range(end - 1))
    return ok[-1]


def names_held(typed: str, text: str) -> bool:
    """Whether ``text`` (a passage's title and text) writes every name of the question
    ``typed`` (:func:`name_runs`) word for word (:func:`_same_word`), case and diacritics
    aside, whole or in pieces (:func:`in_pieces`).  A question naming someone or something
    the passage never names is not answered by it, however much else it shares: the
    UIT-ViQuAD 2.0 kind of unanswerable question that swaps the entity (measured by
    ``bench/changed_questions.py``)."""
    runs = [r.split() for r in name_runs(typed)]
    if not runs:
        return True
    words = [fold(w) for w in _WORD.findall(text)]

    def held(piece: list[str]) -> bool:
        n = len(piece)
        return any(all(_same_word(a, w) for a, w in zip(piece, words[i:i + n], strict=True))
                   for i in range(len(words) - n + 1))

    return all(in_pieces(run, held) for run in runs)


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
