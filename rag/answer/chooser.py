"""Which sentence answers a statement question (ai, gì, đâu, khi nào, vì sao …): a fitted
logistic regression over cheap evidence of each sentence of the passages read.

The hand-set statement score (:func:`rag.answer.statements.sentence_scores`) picked the right
sentence of XQuAD-vi dev for about 0.72 of the questions while its gold passage came first for
0.95.  :func:`sentence_rows` measures, for every sentence that score would consider, the
evidence in :data:`FAMILIES` — how much of the question it holds (IDF-weighted words, the
product's word segmentation, word pairs), whether it holds what the question word asks for
(a name for "ai", a year for "khi nào", a number for "bao nhiêu", a place for "ở đâu", a
reason for "vì sao"), its neighbours and position, and its passage's rank and retrieval
scores — each also as a gap to the best sentence of the question, so that one logistic
regression ranks a question's sentences.  :class:`SentenceChooser` is that model, fitted by
``bench/fit_sentences.py`` (scikit-learn at fitting only) on XQuAD-vi dev with folds grouped
by article, and the dev-reports and seed statement questions; serving needs the standard
library alone.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from rag.answer.candidates import capitalised_runs
from rag.answer.intent import Intent
from rag.answer.rules import asked_kind, holds
from rag.answer.scorer import read_model_file, write_model_file
from rag.answer.sentences import (
    ParsedSentence,
    both_forms,
    parse_chunk,
    positions,
    with_bigrams,
)
from rag.answer.statements import (
    coverage,
    question_terms,
    sentence_scores,
    sentence_weights,
    statement_pairs,
)
from rag.answer.weights import AnswerWeights
from rag.errors import ScorerFileError
from rag.records import Hit
from rag.search.query import Query
from rag.vi.text import fold

FORMAT = 1  # the model file's layout; another is refused
DEFAULT_PATH = Path(__file__).with_name("sentence_chooser.json")

# The evidence, by family (bench/fit_sentences.py leaves each family out in turn).
FAMILIES: dict[str, tuple[str, ...]] = {
    "lexical": (
        "hand_score",      # the hand-set statement score (statements.sentence_scores)
        "hand_gap",        # that score minus the best of the question's sentences
        "share",           # IDF share of the question's terms (as the answerer segments them)
        "share_gap",       # minus the best sentence's share
        "pair_share",      # IDF share of the question's adjacent word pairs held
        "syllable_share",  # share of the question's distinct syllables held (no weights)
        "rarest_held",     # the question's rarest word is in the sentence (0/1)
        "rare_half",       # share of the question's rarer half of words held
        "run_share",       # the longest run of the question's words (function words too)
                           # the sentence writes as the question does, over their number
        "trigram_share",   # share of the question's word triples held, in order
        "length",          # log of the sentence's words
    ),
    "kind": (
        "holds_asked",     # holds what rules.asked_kind asks (a figure, a date, a name)
        "who_name",        # "ai" and a capitalised word past the first
        "when_date",       # "khi nào", "năm nào" … and a year, a date or a century
        "count_number",    # "bao nhiêu", "mấy" and a number
        "where_place",     # "ở đâu", "nơi nào" … and "ở / tại / từ" before a capital
        "why_reason",      # "vì sao", "tại sao" … and "vì / do / bởi / nhờ / nên"
        "answer_new",      # share of the sentence's words the question lacks
    ),
    "position": (
        "context",         # the better neighbour's share
        "prev_share",      # the sentence before's share
        "next_share",      # the sentence after's share
        "position",        # index of the sentence in its passage over its sentences
        "first",           # the passage's first sentence (0/1)
    ),
    "passage": (
        "rank",            # the passage's rank among those read (0 = first)
        "fused",           # its fused retrieval score over the first passage's
        "lexical",         # its BM25 score over the first passage's
        "passage_share",   # IDF share of the question's terms its title and text hold
    ),
}
FEATURES: tuple[str, ...] = tuple(f for names in FAMILIES.values() for f in names)

# What the question word asks for (on the question lowercased, with and without diacritics).
_WHO_RE = re.compile(r"(?<!\w)(?:ai|người nào|nhân vật nào|who)(?!\w)")
_WHEN_RE = re.compile(r"(?<!\w)(?:khi nào|năm nào|bao giờ|lúc nào|thời gian nào|"
                      r"thời điểm nào|ngày nào|tháng nào|thế kỷ nào|thập kỷ nào|when)(?!\w)")
_COUNT_RE = re.compile(r"(?<!\w)(?:bao nhiêu|mấy|bao lâu|bao xa|how many|how much)(?!\w)")
_WHERE_RE = re.compile(r"(?<!\w)(?:ở đâu|đâu|nơi nào|chỗ nào|nước nào|thành phố nào|"
                       r"where)(?!\w)")
_WHY_RE = re.compile(r"(?<!\w)(?:vì sao|tại sao|lý do|nguyên nhân|vì lý do gì|why)(?!\w)")
# the same typed without diacritics, where the restorer may not write them back ("tai sao CPI
# thang 8 giam": the corpus holds no "tại sao"); read on the folded question
_WHY_FOLDED_RE = re.compile(r"\b(?:vi sao|tai sao|nguyen nhan|vi ly do gi)\b")
# What a sentence holds
_YEAR_RE = re.compile(r"(?<!\d)(?:1\d{3}|20\d\d)(?!\d)|thế kỷ|thập kỷ|thập niên|"
                      r"\d{1,2}/\d{1,2}|tháng \d")
_NUMBER_RE = re.compile(r"\d|(?<!\w)(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|trăm|nghìn|"
                        r"ngàn|triệu|tỷ|tỉ|chục|nửa)(?!\w)")
_PLACE_RE = re.compile(r"(?<!\w)(?:ở|tại|từ|đến|trong|gần|phía)\s+(?:[a-zà-ỹ]+\s+)?[A-ZÀ-ỸĐ]"
                       # an administrative unit named, as reports write places: "(huyện Văn
                       # Lãng)", "xã Tân Thanh" (break-test bt19b)
                       r"|(?<!\w)(?:huyện|xã|phường|thị trấn|thị xã|thành phố|tỉnh|thôn"
                       r"|quận)\s+[A-ZÀ-ỸĐ]")
_REASON_RE = re.compile(r"(?<!\w)(?:vì|do|bởi|nhờ|nên|để|nhằm|because)(?!\w)")


# A sentence stating a cause (read on its lower case, diacritics kept): "nguyên nhân", "lý do",
# "bởi (vì)", "vì" (not "vì vậy"/"vì thế", which open an effect), "nhờ", "khiến", "sở dĩ", and
# "do" -- "because of" ("tăng 2,61% do dịch tả lợn châu Phi", "chủ yếu do", "Do ...") unless
# the body after it sets or makes something ("dự toán do HĐND tỉnh giao", "do UBND tỉnh ban
# hành": an agent), nor "tự do"; a connector of effect inside the sentence, its cause before it
# ("..., và do đó thấy rằng ...", XQuAD-vi dev), not one opening it ("Vì vậy, tỉnh ...": the
# cause is elsewhere).  Reports state a figure and then its cause, in the same sentence
# ("giảm 9,3% (chủ yếu do hàng nông sản, trái cây giảm giá)", tests/data/dev2 e02; e14) or in
# one after it ("Nguyên nhân tăng trưởng cao là do ...", break-test bt18a;
# tests/test_cause_sentence.py).
_AGENT_AFTER_DO = (r"(?:ubnd|hđnd|ủy ban|uỷ ban|bộ|sở|trung ương|thủ tướng|chính phủ|tổng cục"
                   r"|cục|chi cục|công ty|ban|hội đồng|tỉnh|huyện|thành phố|nhà nước|quốc hội"
                   r"|đó|vậy)")
_CAUSE_RE = re.compile(
    r"(?<!\w)(?:nguyên nhân|lý do|lí do|bởi|vì(?!\s+(?:vậy|thế)(?!\w))|nhờ|khiến|sở dĩ)(?!\w)"
    r"|(?<!\w)(?<!tự )do(?!\w)(?!\s+" + _AGENT_AFTER_DO + r"(?!\w))"
    r"|(?<=\w)[,;]?\s+(?:và\s+)?(?:do đó|do vậy|vì vậy|vì thế|cho nên|bởi vậy)(?!\w)")


def states_cause(text: str) -> bool:
    """Whether the sentence ``text`` states a cause (:data:`_CAUSE_RE`, read on its lower
    case)."""
    return bool(_CAUSE_RE.search(text.lower()))


# The direction a "vì sao" question asks ("... tăng?", "... cao?") and one a sentence states:
# the cause of a fall is no cause of the rise asked ("Vì sao lượng khách du lịch ... tăng?"
# is not answered by "Lượng khách quốc tế ... giảm 7,1%, chủ yếu do ...",
# tests/test_cause_sentence.py).  "cao"/"thấp" only closing the question ("Cao Lộc", "cao
# su" are names).
_UP_RE = re.compile(r"(?<!\w)tăng(?!\w)")
_DOWN_RE = re.compile(r"(?<!\w)(?:giảm|sụt giảm|suy giảm)(?!\w)")
_UP_END_RE = re.compile(r"(?<!\w)(?:cao|mạnh)\W*$")
_DOWN_END_RE = re.compile(r"(?<!\w)(?:thấp|chậm)\W*$")


def _direction(question: str) -> int:
    """+1 when the ``question`` (lower case, diacritics kept) asks why something rose, -1 why
    it fell, 0 for neither or both."""
    up = bool(_UP_RE.search(question) or _UP_END_RE.search(question))
    down = bool(_DOWN_RE.search(question) or _DOWN_END_RE.search(question))
    return int(up) - int(down)


def _opposite(direction: int, text: str) -> bool:
    """Whether the sentence ``text`` states only the direction opposite to ``direction``."""
    low = text.lower()
    up, down = bool(_UP_RE.search(low)), bool(_DOWN_RE.search(low))
    return (direction > 0 and down and not up) or (direction < 0 and up and not down)


def cause_sentence(query: Query, intent: Intent, found: tuple[float, Hit, ParsedSentence],
                   hits: Sequence[Hit], idf: Callable[[str], float], weights: AnswerWeights
                   ) -> tuple[float, Hit, ParsedSentence] | None:
    """The sentence stating the cause a "vì sao" question asks, given ``found`` (score, hit,
    sentence), the sentence chosen as about what is asked: ``found`` itself when it states a
    cause (:func:`states_cause`), else a sentence of the same document among ``hits`` (the
    passages read) that states one -- the sentence right after ``found``, or one holding some
    of the question's words (IDF-weighted words and pairs,
    :func:`rag.answer.statements.sentence_weights`), and not only the direction opposite
    to the one asked (:func:`_opposite`): the one holding most, then one of the
    same passage, the nearest, after before before -- with ``found``'s score (the answer's
    confidence reads the sentence about the question).  None when none does."""
    score, hit, ps = found
    if states_cause(ps.text):
        return found
    terms = sentence_weights(query, intent, idf, weights)
    paired = statement_pairs(query)
    direction = _direction(query.expanded.lower())
    best: tuple[tuple[float, bool, int, bool], Hit, ParsedSentence] | None = None
    for other in hits:
        if other.chunk.doc_id != hit.chunk.doc_id:
            continue
        same = other.chunk.id == hit.chunk.id
        sents = parse_chunk(other.chunk.id, other.chunk.title, other.chunk.text,
                            weights).sentences
        at = next((i for i, s in enumerate(sents) if s.start == ps.start), None) \
            if same else None
        for i, s in enumerate(sents):
            if i == at or not states_cause(s.text) or _opposite(direction, s.text):
                continue
            held = coverage(terms, s, paired)
            after = at is not None and i > at
            if held <= 0 and not (at is not None and i == at + 1):
                continue
            key = (held, same, -abs(i - at) if at is not None else -len(sents), after)
            if best is None or key > best[0]:
                best = (key, other, s)
    return None if best is None else (score, best[1], best[2])


@dataclass(frozen=True)
class SentenceRow:
    """One sentence that may answer: its passage ``hit``, the sentence ``ps``, the hand-set
    score the answerer used before (kept as the answer's score and confidence), and its
    evidence (one float per name in :data:`FEATURES`)."""

    hit: Hit
    ps: ParsedSentence
    score: float
    features: tuple[float, ...]


def asks(question: str) -> dict[str, bool]:
    """Which of who / when / count / where / why the ``question`` asks, read on its
    lowercase form (the expanded query: diacritics a user left out are restored there)."""
    low = question.lower()
    return {"who": bool(_WHO_RE.search(low)), "when": bool(_WHEN_RE.search(low)),
            "count": bool(_COUNT_RE.search(low)), "where": bool(_WHERE_RE.search(low)),
            "why": bool(_WHY_RE.search(low) or _WHY_FOLDED_RE.search(fold(low)))}


def _share(terms: dict[str, float], total: float, present: AbstractSet[str]) -> float:
    return sum(w for t, w in terms.items() if t in present) / total if total > 0 else 0.0


def _named(text: str) -> bool:
    """A capitalised word past the sentence's first word."""
    first = re.match(r"\W*\w+", text)
    skip = first.end() if first else 0
    return any(s >= skip for s, _ in capitalised_runs(text, min_words=1))


def longest_run(question: Sequence[str], toks: Sequence[str]) -> int:
    """The most consecutive words of the ``question`` (its folded words, function words
    too) that ``toks`` (a sentence's folded words) also holds consecutively, in order."""
    best = 0
    prev = [0] * (len(toks) + 1)
    for a in question:
        cur = [0] * (len(toks) + 1)
        for j, b in enumerate(toks):
            if a == b:
                cur[j + 1] = prev[j] + 1
                best = max(best, cur[j + 1])
        prev = cur
    return best


def sentence_rows(query: Query, intent: Intent, hits: list[Hit], idf: Callable[[str], float],
                  weights: AnswerWeights, segmented: Sequence[str], *,
                  undated_ok: bool = False, texts: Callable[[str], str] | None = None
                  ) -> list[SentenceRow]:
    """The sentences of ``hits`` (best first) that :func:`sentence_scores` considers, each
    with its evidence (:data:`FEATURES`).  ``segmented``: the question's terms as the
    answerer segments them (``Answerer.segment``: "doanh_thu" one term); ``idf`` weighs
    terms.  Empty when no sentence may answer.  ``undated_ok``, ``texts``: as
    :func:`rag.answer.statements.sentence_scores`."""
    scored = sentence_scores(query, intent, hits, idf, weights, undated_ok=undated_ok,
                             texts=texts)
    if not scored:
        return []
    terms = {t: max(0.0, idf(t)) for t in dict.fromkeys(segmented)}
    total = sum(terms.values())
    words, pairs = question_terms(intent)
    pair_w = {p: max(0.0, idf(p)) for p in pairs}
    pair_total = sum(pair_w.values())
    syllables = set(words)
    rarest = max(words, key=lambda w: idf(w), default=None)
    by_rarity = sorted(words, key=lambda w: -idf(w))
    rare = set(by_rarity[:max(1, (len(by_rarity) + 1) // 2)])
    q_toks = [t for _, t in positions(query.expanded)]
    q_trigrams = set(zip(q_toks, q_toks[1:], q_toks[2:], strict=False))
    asked = asked_kind(intent, query)
    wants = asks(query.expanded)
    top_fused = max(hits[0].score, 1e-9) if hits else 1.0
    top_lexical = max(hits[0].lexical, 1e-9) if hits else 1.0
    rank_of = {h.chunk.id: i for i, h in enumerate(hits)}
    # a sentence holding either form of a pair the question asks holds both (both_forms)
    paired = statement_pairs(query)
    shares: dict[str, list[float]] = {}
    passage_shares: dict[str, float] = {}
    raw = []
    for score, _, hit, ps in scored:
        cid = hit.chunk.id
        if cid not in shares:
            sents = parse_chunk(cid, hit.chunk.title, hit.chunk.text, weights).sentences
            shares[cid] = [_share(terms, total, both_forms(with_bigrams(s.toks), paired))
                           for s in sents]
            passage_shares[cid] = _share(terms, total, both_forms(with_bigrams(
                positions(f"{hit.chunk.title} {hit.chunk.text}")), paired))
        sents = parse_chunk(cid, hit.chunk.title, hit.chunk.text, weights).sentences
        i = next(k for k, s in enumerate(sents) if s.start == ps.start)
        own = shares[cid]
        present = both_forms(with_bigrams(ps.toks), paired)
        toks = [t for _, t in ps.toks]
        prev = own[i - 1] if i > 0 else 0.0
        nxt = own[i + 1] if i + 1 < len(own) else 0.0
        text = ps.text
        row = {
            "hand_score": score, "share": own[i],
            "pair_share": _share(pair_w, pair_total, present),
            "syllable_share": len(syllables & present) / len(syllables) if syllables else 0.0,
            "rarest_held": float(rarest is not None and rarest in present),
            "rare_half": len(rare & present) / len(rare) if rare else 0.0,
            "run_share": longest_run(q_toks, toks) / len(q_toks) if q_toks else 0.0,
            "trigram_share": len(q_trigrams & set(zip(toks, toks[1:], toks[2:], strict=False)))
            / len(q_trigrams) if q_trigrams else 0.0,
            "length": math.log1p(len(toks)),
            "holds_asked": float(holds(asked, ps)),
            "who_name": float(wants["who"] and _named(text)),
            "when_date": float(wants["when"] and bool(_YEAR_RE.search(text))),
            "count_number": float(wants["count"] and bool(_NUMBER_RE.search(text.lower()))),
            "where_place": float(wants["where"] and bool(_PLACE_RE.search(text))),
            "why_reason": float(wants["why"] and bool(_REASON_RE.search(text.lower()))),
            "answer_new": sum(t not in syllables for t in toks) / len(toks) if toks else 0.0,
            "context": max(prev, nxt), "prev_share": prev, "next_share": nxt,
            "position": i / len(own), "first": float(i == 0),
            "rank": float(rank_of.get(cid, len(hits))),
            "fused": hit.score / top_fused, "lexical": hit.lexical / top_lexical,
            "passage_share": passage_shares[cid],
        }
        raw.append((hit, ps, score, row))
    best_hand = max(r[3]["hand_score"] for r in raw)
    best_share = max(r[3]["share"] for r in raw)
    out = []
    for hit, ps, score, row in raw:
        row["hand_gap"] = row["hand_score"] - best_hand
        row["share_gap"] = row["share"] - best_share
        out.append(SentenceRow(hit, ps, score, tuple(float(row[f]) for f in FEATURES)))
    return out


@lru_cache(maxsize=16)
def columns(features: tuple[str, ...]) -> tuple[int, ...]:
    """Where each of ``features`` (names of :data:`FEATURES`) is in a row's evidence."""
    return tuple(FEATURES.index(f) for f in features)


@dataclass(frozen=True)
class SentenceChooser:
    """A fitted logistic regression: how likely a sentence of :func:`sentence_rows` is the one
    that answers, from its ``features`` (standardised by ``mean``/``scale``, weighed by
    ``coef``, one float per name; ``features`` must be :data:`FEATURES` or a subset of it
    in its order).  ``trained``: a record of the fit (data, folds, validation figures)."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    trained: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        n = len(self.features)
        if not (len(self.mean) == len(self.scale) == len(self.coef) == n):
            raise ScorerFileError("sentence chooser: mean, scale and coef need one value per "
                                  "feature")
        unknown = [f for f in self.features if f not in FEATURES]
        if unknown:
            raise ScorerFileError(f"sentence chooser: features this library does not "
                                  f"compute: {', '.join(unknown)}; rebuild it with "
                                  f"bench/fit_sentences.py")
        if any(s == 0 for s in self.scale):
            raise ScorerFileError("sentence chooser: a scale of 0")

    def logit(self, features: Sequence[float]) -> float:
        """The model's log-odds that a sentence answers, from its evidence (len(FEATURES)
        floats, :data:`FEATURES` order); ValueError when the length differs."""
        if len(features) != len(FEATURES):
            raise ValueError(f"expected {len(FEATURES)} features, got {len(features)}")
        cols = columns(self.features)
        return self.intercept + sum((features[k] - m) / s * c for k, m, s, c
                                    in zip(cols, self.mean, self.scale, self.coef,
                                           strict=True))

    def choose(self, rows: Sequence[SentenceRow]) -> SentenceRow | None:
        """The row with the highest :meth:`logit` (the first of equals), None for none."""
        best: SentenceRow | None = None
        best_z = -math.inf
        for row in rows:
            z = self.logit(row.features)
            if z > best_z:
                best, best_z = row, z
        return best

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data, read back by :meth:`from_dict`."""
        return {"format": FORMAT, **asdict(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SentenceChooser:
        """The chooser of ``data``; ScorerFileError when its format or features are not this
        library's."""
        if data.get("format") != FORMAT:
            raise ScorerFileError(f"sentence chooser: format {data.get('format')!r}, "
                                  f"expected {FORMAT}")
        try:
            return cls(features=tuple(data["features"]), mean=tuple(map(float, data["mean"])),
                       scale=tuple(map(float, data["scale"])),
                       coef=tuple(map(float, data["coef"])),
                       intercept=float(data["intercept"]), trained=dict(data.get("trained", {})))
        except (KeyError, TypeError, ValueError) as exc:
            raise ScorerFileError(f"sentence chooser: missing or bad field {exc}") from exc

    def save(self, path: Path) -> None:
        """Write the model file (JSON, UTF-8) to ``path``."""
        write_model_file(path, self.to_dict())

    @classmethod
    def load(cls, path: Path = DEFAULT_PATH) -> SentenceChooser:
        """The chooser saved at ``path`` (the one shipped with the library by default);
        ScorerFileError when it cannot be read or is not usable."""
        return cls.from_dict(read_model_file(path, "sentence chooser"))

