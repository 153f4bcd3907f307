"""Evaluation metrics as pure functions, each with hand-made test cases
(tests/test_eval_metrics.py).

Retrieval is scored at two levels: a *passage* is relevant when it belongs to a gold document
and contains a gold answer; at *document* level any passage of a gold document counts (each
gold document once).  Answers are scored by containment (answer accuracy; by the question's
kind when the gold set has kinds: :func:`judge`), SQuAD-style exact match and token F1, the
answer sentence, the citations, and refusals of unanswerable questions; confidence by a
reliability table and the wrong answers given with a confidence of at least 0.9."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rag.eval.gold import GoldQuestion
from rag.records import Answer, Chunk, Citation, Hit
from rag.vi.text import fold, normalize, parse_number

KS = (1, 3, 5, 10)  # the k of hit@k and recall@k
CURVE_K = 10  # hit@k curves run k = 1..CURVE_K



def match_key(text: str) -> str:
    """What answer matching compares: NFC, one tone placement, case folded, spaces collapsed."""
    return " ".join(normalize(text).casefold().split())


_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")
_GLUED_UNIT_RE = re.compile(r"(\d)([^\W\d_])")  # "769triệu", "500.000đ"
# the joint of a range between two numbers, written any way: "0,3 đến 0,6 °C" is the range an
# answer shows "0,3–0,6 °C" (rag.vi.numbers.Value.shown), "7,2 - 7,5%" and "7,2 tới 7,5%" too
_RANGE_JOINT_RE = re.compile(r"(?<=\d)(?:\s+(?:đến|tới)\s+|\s*[–—]\s*|\s+-\s+)(?=\d)")
# Spelling variants of units, compared in one form ("tỉ" == "tỷ", "VNĐ" == "đồng").
_UNIT_VARIANTS = {"tỉ": "tỷ", "vnđ": "đồng", "vnd": "đồng", "đ": "đồng", "us$": "usd",
                  "đô la mỹ": "usd", "đô-la mỹ": "usd"}
_UNIT_RE = re.compile(r"(?<![\w$])(" + "|".join(
    re.escape(u) for u in sorted(_UNIT_VARIANTS, key=len, reverse=True)) + r")(?![\w$])")
_TOKEN_RE = re.compile(r"\d+(?:\.\d+)?|[^\W\d_]+|%")


def answer_key(text: str, fold_diacritics: bool = False) -> str:
    """Answer matching: :func:`match_key` plus Vietnamese numbers in canonical form
    ("1.233" == "1233", "29,6 %" == "29.6%"), units spelt one way ("769triệu USD" ==
    "769 triệu usd", "tỉ" == "tỷ"), a range's joint written one way ("0,3 đến 0,6" ==
    "0,3–0,6") and, with ``fold_diacritics``, no diacritics at all."""
    key = _GLUED_UNIT_RE.sub(r"\1 \2", match_key(text))
    key = _NUMBER_RE.sub(lambda m: parse_number(m.group(0)), key)
    key = _RANGE_JOINT_RE.sub("–", key)
    key = _UNIT_RE.sub(lambda m: _UNIT_VARIANTS[m.group(1)], re.sub(r"\s+%", "%", key))
    return fold(key) if fold_diacritics else key


def contains_answer(text_key: str, answer: str) -> bool:
    """Whether ``answer`` (an :func:`answer_key`) occurs in ``text_key`` as whole words and
    whole numbers: "769" is in "đạt 769 triệu" but not in "1769" or "7.769"."""
    if not answer:
        return False
    start = 0
    while (i := text_key.find(answer, start)) >= 0:
        j = i + len(answer)
        if _edge_ok(text_key, i - 1, i - 2, answer[0]) and \
                _edge_ok(text_key, j, j + 1, answer[-1]):
            return True
        start = i + 1
    return False


def _edge_ok(text: str, near: int, far: int, edge: str) -> bool:
    """The character at ``near`` does not continue the word or number ending in ``edge``."""
    if not edge.isalnum() or not 0 <= near < len(text):
        return True
    ch = text[near]
    if ch.isalnum():
        return False
    # "7.769" / "29.6": a decimal mark between digits joins them into one number
    return not (edge.isdigit() and ch in ".," and 0 <= far < len(text) and text[far].isdigit())


def has_gold_answer(text: str, gold: GoldQuestion, fold_diacritics: bool = False) -> bool:
    """Whether ``text`` contains one of the gold answers, compared by ``answer_key`` (numbers
    canonical; diacritics ignored when ``fold_diacritics``)."""
    key = answer_key(text, fold_diacritics)
    return any(contains_answer(key, answer_key(a, fold_diacritics)) for a in gold.answers)


def answer_correct(answer: Answer, gold: GoldQuestion, fold_diacritics: bool = False) -> bool:
    """Found, a gold answer string in the answer, and a citation from a gold document."""
    if not (gold.answerable and answer.found):
        return False
    return has_gold_answer(answer.answer, gold, fold_diacritics) and \
        any(c.doc_id in gold.doc_ids for c in answer.citations)


def cited_from_gold(answer: Answer, gold: GoldQuestion) -> bool:
    """Some citation of the answer, or of one of its parts, is from a gold document."""
    cites = [*answer.citations, *(c for p in answer.parts for c in p.citations)]
    return any(c.doc_id in gold.doc_ids for c in cites)


def answer_text(answer: Answer) -> str:
    """Everything an answer says: the short answer, the summary and each part's answer (one
    a line)."""
    return "\n".join([answer.answer, answer.summary or "", *(p.answer for p in answer.parts)])


def answer_groups(answers: Sequence[str], fold_diacritics: bool = False) -> list[list[str]]:
    """The parts a ``multi`` question asks for, in order, each a list of alternative forms: a
    gold answer contained in the one before it (after :func:`answer_key`: "2.873,1" after
    "2.873,1 triệu USD", "10482.3" after "10.482,3") is another form of the same part."""
    groups: list[list[str]] = []
    for a in answers:
        if groups and contains_answer(answer_key(groups[-1][-1], fold_diacritics),
                                      answer_key(a, fold_diacritics)):
            groups[-1].append(a)
        else:
            groups.append([a])
    return groups


def multi_correct(answer: Answer, gold: GoldQuestion, fold_diacritics: bool = False) -> bool:
    """Found, every part (one of its forms) in the answer's text (:func:`answer_text`), and a
    citation from a gold document."""
    if not (gold.answerable and answer.found and cited_from_gold(answer, gold)):
        return False
    key = answer_key(answer_text(answer), fold_diacritics)
    return all(any(contains_answer(key, answer_key(a, fold_diacritics)) for a in group)
               for group in answer_groups(gold.answers, fold_diacritics))


def partial_period_correct(answer: Answer, gold: GoldQuestion,
                           fold_diacritics: bool = False) -> bool:
    """A full period asked of which the reports give only part: refused, or the partial
    figure said as such (``period_match`` "partial", a gold answer, a gold citation).  The
    partial figure presented as the whole period is wrong."""
    if not answer.found:
        return True
    return answer.period_match == "partial" and answer_correct(answer, gold, fold_diacritics)


def judge(answer: Answer, gold: GoldQuestion, fold_diacritics: bool = False) -> bool:
    """Whether an answer is right for its question's kind: ``multi`` by
    :func:`multi_correct`, ``partial_period`` by :func:`partial_period_correct`, an
    unanswerable question (kind ``unanswerable`` or no answers) when refused, any other (or no
    kind) by :func:`answer_correct`."""
    if gold.kind == "unanswerable" or not gold.answerable:
        return not answer.found
    if gold.kind == "multi":
        return multi_correct(answer, gold, fold_diacritics)
    if gold.kind == "partial_period":
        return partial_period_correct(answer, gold, fold_diacritics)
    return answer_correct(answer, gold, fold_diacritics)


def answer_tokens(text: str, fold_diacritics: bool = False) -> list[str]:
    """SQuAD-style normalisation on :func:`answer_key`: punctuation dropped, numbers and "%"
    kept as tokens ("Quyết định số 09/2025" -> quyết định số 9 2025)."""
    return _TOKEN_RE.findall(answer_key(text, fold_diacritics))


def exact_match(prediction: str, golds: Sequence[str], fold_diacritics: bool = False) -> float:
    """1.0 when the normalised prediction equals a normalised gold answer."""
    pred = answer_tokens(prediction, fold_diacritics)
    return float(bool(pred) and any(pred == answer_tokens(g, fold_diacritics) for g in golds))


def token_f1(prediction: str, golds: Sequence[str], fold_diacritics: bool = False) -> float:
    """SQuAD token F1 (harmonic mean of token precision and recall), best over the golds."""
    pred = answer_tokens(prediction, fold_diacritics)
    best = 0.0
    for g in golds:
        ref = answer_tokens(g, fold_diacritics)
        common = sum((Counter(pred) & Counter(ref)).values())
        if common:
            p, r = common / len(pred), common / len(ref)
            best = max(best, 2 * p * r / (p + r))
    return best


def sentence_correct(answer: Answer, gold: GoldQuestion, fold_diacritics: bool = False) -> bool:
    """Found, and the returned answer sentence contains a gold answer."""
    return bool(gold.answerable and answer.found and answer.answer_sentence and
                has_gold_answer(answer.answer_sentence, gold, fold_diacritics))


def cited_with_answer(citations: Sequence[Citation], gold: GoldQuestion,
                      fold_diacritics: bool = False) -> list[bool]:
    """Per citation: from a gold document, and its quote holds a gold answer."""
    return [c.doc_id in gold.doc_ids and has_gold_answer(c.quote, gold, fold_diacritics)
            for c in citations]


def citation_precision(cited: Sequence[Sequence[bool]]) -> float | None:
    """Good citations / all citations, pooled over questions; None without any citation."""
    total = sum(len(c) for c in cited)
    return sum(sum(c) for c in cited) / total if total else None


def refusal_precision_recall(refused: Sequence[bool],
                             answerable: Sequence[bool]) -> tuple[float | None, float | None]:
    """Refusals (``found`` False) judged against unanswerable questions: precision =
    refused-and-unanswerable / refused, recall = refused-and-unanswerable / unanswerable.
    A ratio with nothing to divide by is None."""
    both = sum(1 for r, a in zip(refused, answerable, strict=True) if r and not a)
    n_refused = sum(refused)
    n_unanswerable = sum(1 for a in answerable if not a)
    return (both / n_refused if n_refused else None,
            both / n_unanswerable if n_unanswerable else None)


def strip_diacritics(question: str) -> str:
    """The question as typed on a keyboard without Vietnamese input: no diacritics, same case."""
    out = []
    for ch in question:
        f = fold(ch)
        out.append(f.upper() if ch.isupper() else f)
    return "".join(out)


# --- confidence ---------------------------------------------------------------------------------

CONFIDENCE_BINS = (0.0, 0.5, 0.7, 0.9, 1.0)  # edges of the reliability table's bins
SURE = 0.9  # an answer at least this confident should be right: wrong_at_0.9 counts those not


@dataclass(frozen=True)
class ReliabilityBin:
    """Answered questions whose confidence is in [lo, hi) ([lo, 1] for the last bin): how
    many, how many were right, their mean confidence."""

    lo: float
    hi: float
    count: int
    right: int
    mean_confidence: float | None

    @property
    def accuracy(self) -> float | None:
        """Observed accuracy; None for an empty bin."""
        return self.right / self.count if self.count else None

    def to_dict(self) -> dict[str, Any]:
        """JSON form: the bin's bounds, counts, accuracy and mean confidence (4 decimals; None
        for an empty bin)."""
        acc, conf = self.accuracy, self.mean_confidence
        return {"lo": self.lo, "hi": self.hi, "count": self.count, "right": self.right,
                "accuracy": None if acc is None else round(acc, 4),
                "mean_confidence": None if conf is None else round(conf, 4)}


def reliability(confidences: Sequence[float], right: Sequence[bool],
                edges: Sequence[float] = CONFIDENCE_BINS) -> list[ReliabilityBin]:
    """The reliability table of answered questions (``confidences`` and whether each answer
    was ``right``): one bin per pair of neighbouring ``edges``; a confidence outside the edges
    counts in the nearest bin."""
    last = len(edges) - 2
    members: list[list[tuple[float, bool]]] = [[] for _ in range(last + 1)]
    for c, r in zip(confidences, right, strict=True):
        i = next((j for j in range(last) if c < edges[j + 1]), last)
        members[i].append((c, r))
    return [ReliabilityBin(edges[i], edges[i + 1], len(m), sum(r for _, r in m),
                           sum(c for c, _ in m) / len(m) if m else None)
            for i, m in enumerate(members)]


def wrong_at(confidences: Sequence[float], right: Sequence[bool], threshold: float = SURE) -> int:
    """How many answered questions are wrong with a confidence of at least ``threshold``."""
    return sum(1 for c, r in zip(confidences, right, strict=True) if c >= threshold and not r)


# --- retrieval ---------------------------------------------------------------------------------


def is_relevant(hit: Hit, gold: GoldQuestion) -> bool:
    """A passage of a gold document that contains a gold answer."""
    return passage_relevant(hit.chunk, gold)


def passage_relevant(chunk: Chunk, gold: GoldQuestion) -> bool:
    """Whether ``chunk`` is of a gold document and contains one of the gold answers (compared by
    ``match_key``)."""
    if chunk.doc_id not in gold.doc_ids:
        return False
    text = match_key(chunk.text)
    return any(match_key(a) in text for a in gold.answers)


def first_relevant_rank(hits: Sequence[Hit], gold: GoldQuestion) -> int | None:
    """The 1-based rank of the first relevant passage of ``hits`` (:func:`is_relevant`), None
    when none is."""
    return first_rank([is_relevant(h, gold) for h in hits])


def document_relevance(doc_ids: Sequence[str], gold_doc_ids: Sequence[str]) -> list[bool]:
    """Per retrieved passage: the first passage of a gold document (later passages of the
    same document add nothing at document level)."""
    seen: set[str] = set()
    out = []
    for d in doc_ids:
        out.append(d in gold_doc_ids and d not in seen)
        seen.add(d)
    return out


def first_rank(relevance: Sequence[bool]) -> int | None:
    """The 1-based position of the first true value of ``relevance``, None when there is none."""
    return next((i for i, r in enumerate(relevance, 1) if r), None)


def hit_at(ranks: Sequence[int | None], k: int) -> float:
    """Share of questions with a relevant item in the top k."""
    return sum(1 for r in ranks if r is not None and r <= k) / len(ranks) if ranks else 0.0


def mrr_at(ranks: Sequence[int | None], k: int = 10) -> float:
    """Mean of 1/rank of the first relevant item (0 beyond k)."""
    return sum(1 / r for r in ranks if r is not None and r <= k) / len(ranks) if ranks else 0.0


def recall_at(relevance: Sequence[bool], n_relevant: int, k: int) -> float:
    """Share of the ``n_relevant`` relevant items that are in the top k (0 when none exist)."""
    if n_relevant <= 0:
        return 0.0
    return min(sum(relevance[:k]), n_relevant) / n_relevant


def ndcg_at(relevance: Sequence[bool], n_relevant: int, k: int = 10) -> float:
    """nDCG@k with binary relevance: sum of 1/log2(rank+1) over relevant ranks, divided by
    the same sum for min(n_relevant, k) relevant items at the top."""
    ideal = sum(1 / math.log2(i + 1) for i in range(1, min(n_relevant, k) + 1))
    if not ideal:
        return 0.0
    dcg = sum(1 / math.log2(i + 1) for i, r in enumerate(relevance[:k], 1) if r)
    return min(dcg / ideal, 1.0)


def hit_curve(ranks: Sequence[int | None], max_k: int = CURVE_K) -> list[float]:
    """hit@k for k = 1..max_k."""
    return [hit_at(ranks, k) for k in range(1, max_k + 1)]


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q`` quantile (0-1) of ``values``, linearly interpolated between the nearest ranks;
    0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q
    lo, hi = int(pos), min(int(pos) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def mean(values: Sequence[float | None]) -> float | None:
    """Mean of the values that apply (not None); None when none do."""
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None


