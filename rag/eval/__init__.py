"""Gold Q&A sets, evaluation metrics as pure functions, and the report of one run.

Retrieval is scored at two levels: a *passage* is relevant when it belongs to a gold document
and contains a gold answer; at *document* level any passage of a gold document counts (each
gold document once).  Answers are scored by containment (answer accuracy), SQuAD-style exact
match and token F1, the answer sentence, the citations, and refusals of unanswerable
questions.  :class:`EvalReport` prints, serialises and compares itself with another run.
"""

from __future__ import annotations

import json
import math
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rag.ingest.jsonl import json_objects
from rag.records import Answer, Chunk, Citation, Hit, SearchResult
from rag.vi.text import fold, normalize, parse_number

KS = (1, 3, 5, 10)  # the k of hit@k and recall@k
CURVE_K = 10  # hit@k curves run k = 1..CURVE_K


class GoldError(ValueError):
    """A gold file or line that is not of the documented form; the message names it."""


class ReportError(ValueError):
    """A saved report that cannot be read back; the message names the file."""


@dataclass(frozen=True)
class GoldQuestion:
    id: str
    question: str
    answers: tuple[str, ...]
    doc_ids: tuple[str, ...]

    @property
    def answerable(self) -> bool:
        return bool(self.answers)


def load_gold(path: Path) -> list[GoldQuestion]:
    """Lines ``{"id", "question", "answers": [str], "doc_ids": [str]}``; empty answers mark an
    unanswerable question."""
    if not path.is_file():
        raise GoldError(f"{path}: no such file")
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise GoldError(f"{path}: not UTF-8 text") from exc
    out: list[GoldQuestion] = []
    seen: set[str] = set()
    for where, rec in json_objects(path, raw, GoldError):
        qid, question = rec.get("id"), rec.get("question")
        answers, doc_ids = rec.get("answers", []), rec.get("doc_ids", [])
        if not isinstance(qid, str | int) or not str(qid).strip():
            raise GoldError(f"{where}: missing \"id\"")
        if not isinstance(question, str) or not question.strip():
            raise GoldError(f"{where}: missing or empty \"question\"")
        if not isinstance(answers, list) or not all(isinstance(a, str) for a in answers):
            raise GoldError(f"{where}: \"answers\" must be a list of strings")
        if not isinstance(doc_ids, list) or not all(isinstance(d, str) for d in doc_ids):
            raise GoldError(f"{where}: \"doc_ids\" must be a list of strings")
        if answers and not doc_ids:
            raise GoldError(f"{where}: an answerable question needs \"doc_ids\"")
        if str(qid) in seen:
            raise GoldError(f"{where}: duplicate id {qid!r}")
        seen.add(str(qid))
        out.append(GoldQuestion(str(qid), question, tuple(a for a in answers if a.strip()),
                                tuple(doc_ids)))
    if not out:
        raise GoldError(f"{path}: no questions")
    return out


# --- answer normalisation ----------------------------------------------------------------------


def match_key(text: str) -> str:
    """What answer matching compares: NFC, one tone placement, case folded, spaces collapsed."""
    return " ".join(normalize(text).casefold().split())


_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")
_GLUED_UNIT_RE = re.compile(r"(\d)([^\W\d_])")  # "769triệu", "500.000đ"
# Spelling variants of units, compared in one form ("tỉ" == "tỷ", "VNĐ" == "đồng").
_UNIT_VARIANTS = {"tỉ": "tỷ", "vnđ": "đồng", "vnd": "đồng", "đ": "đồng", "us$": "usd",
                  "đô la mỹ": "usd", "đô-la mỹ": "usd"}
_UNIT_RE = re.compile(r"(?<![\w$])(" + "|".join(
    re.escape(u) for u in sorted(_UNIT_VARIANTS, key=len, reverse=True)) + r")(?![\w$])")
_TOKEN_RE = re.compile(r"\d+(?:\.\d+)?|[^\W\d_]+|%")


def answer_key(text: str, fold_diacritics: bool = False) -> str:
    """Answer matching: :func:`match_key` plus Vietnamese numbers in canonical form
    ("1.233" == "1233", "29,6 %" == "29.6%"), units spelt one way ("769triệu USD" ==
    "769 triệu usd", "tỉ" == "tỷ") and, with ``fold_diacritics``, no diacritics at all."""
    key = _GLUED_UNIT_RE.sub(r"\1 \2", match_key(text))
    key = _NUMBER_RE.sub(lambda m: parse_number(m.group(0)), key)
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
    key = answer_key(text, fold_diacritics)
    return any(contains_answer(key, answer_key(a, fold_diacritics)) for a in gold.answers)


def answer_correct(answer: Answer, gold: GoldQuestion, fold_diacritics: bool = False) -> bool:
    """Found, a gold answer string in the answer, and a citation from a gold document."""
    if not (gold.answerable and answer.found):
        return False
    return has_gold_answer(answer.answer, gold, fold_diacritics) and \
        any(c.doc_id in gold.doc_ids for c in answer.citations)


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


# --- retrieval ---------------------------------------------------------------------------------


def is_relevant(hit: Hit, gold: GoldQuestion) -> bool:
    """A passage of a gold document that contains a gold answer."""
    return passage_relevant(hit.chunk, gold)


def passage_relevant(chunk: Chunk, gold: GoldQuestion) -> bool:
    if chunk.doc_id not in gold.doc_ids:
        return False
    text = match_key(chunk.text)
    return any(match_key(a) in text for a in gold.answers)


def first_relevant_rank(hits: Sequence[Hit], gold: GoldQuestion) -> int | None:
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


# --- the report --------------------------------------------------------------------------------

GROUPS = ("retrieval", "answers", "refusals", "latency")
_ANSWER_METRICS = ("answer_accuracy", "exact_match", "f1", "sentence_accuracy",
                   "citation_precision")
_REFUSAL_METRICS = ("refusal_accuracy", "refusal_precision", "refusal_recall")
_COUNTS = ("questions", "answerable", "unanswerable")


def metric_group(name: str) -> str:
    """Which table group a metric key belongs to."""
    if name in _COUNTS:
        return "counts"
    if name.startswith(("latency", "answer_latency")):
        return "latency"
    if name in _REFUSAL_METRICS:
        return "refusals"
    if name in _ANSWER_METRICS:
        return "answers"
    return "retrieval"


def fmt_metric(name: str, value: Any) -> str:
    """A metric value as the tables show it: counts whole, milliseconds to 0.1, rates to 4
    decimals, a metric that does not apply as a dash."""
    if value is None:
        return "—"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if name in _COUNTS:
        return f"{value:.0f}"
    if name.endswith("_ms"):
        return f"{value:.1f}"
    return f"{value:.4f}"


def _retrieval_names(metrics: dict[str, Any]) -> list[str]:
    """Passage-level retrieval metric names, in table order."""
    order = [f"hit@{k}" for k in KS] + [f"recall@{k}" for k in KS] + ["mrr@10", "ndcg@10"]
    names = [n for n in order if n in metrics or f"doc_{n}" in metrics]
    return names + sorted(n for n in metrics if metric_group(n) == "retrieval"
                          and n not in names and not n.startswith("doc_"))


@dataclass
class EvalReport:
    """Metrics of one run, the settings it ran with, and one row per question."""

    metrics: dict[str, Any]
    questions: list[dict[str, Any]]
    config: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"metrics": self.metrics, "config": self.config, "questions": self.questions}

    @classmethod
    def from_dict(cls, data: Any) -> EvalReport:
        if not isinstance(data, dict) or not isinstance(data.get("metrics"), dict) or \
                not isinstance(data.get("questions"), list):
            raise ReportError("not an evaluation report (needs \"metrics\" and \"questions\")")
        return cls(dict(data["metrics"]), list(data["questions"]), dict(data.get("config") or {}))

    @classmethod
    def load(cls, path: Path) -> EvalReport:
        """A report saved by ``rag eval --json``."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise ReportError(f"{path}: no such file") from exc
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ReportError(f"{path}: not a JSON report") from exc
        try:
            return cls.from_dict(data)
        except ReportError as exc:
            raise ReportError(f"{path}: {exc}") from exc

    @property
    def name(self) -> str | None:
        return self.config.get("name")

    def groups(self) -> dict[str, list[tuple[str, Any, Any]]]:
        """Table rows by group: (label, value, document-level value or None)."""
        m = self.metrics
        out: dict[str, list[tuple[str, Any, Any]]] = {g: [] for g in GROUPS}
        for n in _retrieval_names(m):
            out["retrieval"].append((n, m.get(n), m.get(f"doc_{n}")))
        for n, v in m.items():
            g = metric_group(n)
            if g not in ("retrieval", "counts"):
                out[g].append((n, v, None))
        return {g: rows for g, rows in out.items() if rows}

    def table(self) -> str:
        m = self.metrics
        counts = ", ".join(f"{fmt_metric(c, m[c])} {c}" for c in _COUNTS if c in m)
        lines = [f"{self.name}: {counts}" if self.name else counts]
        for group, rows in self.groups().items():
            head = f"{'passage':>10}{'document':>10}" if group == "retrieval" else ""
            lines.append(f"{group:<26}{head}")
            for label, value, doc in rows:
                doc_col = f"{fmt_metric(label, doc):>10}" if group == "retrieval" else ""
                lines.append(f"  {label:<24}{fmt_metric(label, value):>10}{doc_col}")
        return "\n".join(lines)

    def compare(self, other: EvalReport) -> Comparison:
        """This run (A) against ``other`` (B): every metric and the questions that flipped."""
        names = list(self.metrics) + [n for n in other.metrics if n not in self.metrics]
        rows = []
        for n in names:
            a, b = self.metrics.get(n), other.metrics.get(n)
            diff = round(b - a, 6) if isinstance(a, int | float) and \
                isinstance(b, int | float) else None
            rows.append((n, a, b, diff))
        mine = {str(q.get("id")): q for q in self.questions}
        theirs = {str(q.get("id")): q for q in other.questions}
        common = [i for i in mine if i in theirs]
        flips = {kind: flipped(mine, theirs, common, judge) for kind, judge in _JUDGES.items()}
        return Comparison(self.name or "A", other.name or "B", rows, flips,
                          only_a=[i for i in mine if i not in theirs],
                          only_b=[i for i in theirs if i not in mine])


RetrievalReport = EvalReport  # the earlier name


def _answer_ok(row: dict[str, Any]) -> bool | None:
    return row.get("correct")


def _retrieved_first(row: dict[str, Any]) -> bool | None:
    return row.get("rank") == 1 if row.get("answerable") else None


_JUDGES: dict[str, Callable[[dict[str, Any]], bool | None]] = {
    "answer": _answer_ok,  # a right answer, or a right refusal of an unanswerable question
    "retrieval@1": _retrieved_first,  # a relevant passage first
}


def flipped(a: dict[str, dict[str, Any]], b: dict[str, dict[str, Any]], ids: Sequence[str],
            judge: Callable[[dict[str, Any]], bool | None]) -> tuple[list[str], list[str]]:
    """(right in A and wrong in B, wrong in A and right in B), by question id."""
    worse: list[str] = []
    better: list[str] = []
    for i in ids:
        ra, rb = judge(a[i]), judge(b[i])
        if ra is None or rb is None or ra == rb:
            continue
        (worse if ra else better).append(i)
    return worse, better


@dataclass
class Comparison:
    a: str
    b: str
    rows: list[tuple[str, Any, Any, Any]]  # metric, A, B, B - A
    flips: dict[str, tuple[list[str], list[str]]]
    only_a: list[str] = field(default_factory=list)
    only_b: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b,
                "metrics": {n: {"a": a, "b": b, "diff": d} for n, a, b, d in self.rows},
                "flips": {k: {"right_in_a_wrong_in_b": w, "wrong_in_a_right_in_b": r}
                          for k, (w, r) in self.flips.items()},
                "only_in_a": self.only_a, "only_in_b": self.only_b}

    def table(self) -> str:
        lines = [f"A = {self.a}", f"B = {self.b}", "",
                 f"{'metric':<26}{'A':>10}{'B':>10}{'B - A':>10}"]
        for n, a, b, d in self.rows:
            diff = "—" if d is None else f"{d:+.1f}" if n.endswith("_ms") else \
                f"{d:+.0f}" if n in _COUNTS else f"{d:+.4f}"
            lines.append(f"{n:<26}{fmt_metric(n, a):>10}{fmt_metric(n, b):>10}{diff:>10}")
        for kind, (worse, better) in self.flips.items():
            lines.append("")
            for label, ids in (("right in A, wrong in B", worse),
                               ("wrong in A, right in B", better)):
                lines.append(f"{kind}: {label} ({len(ids)})" + (": " + ", ".join(ids)
                                                                 if ids else ""))
        if self.only_a or self.only_b:
            lines.append("")
            lines.append(f"questions only in A: {len(self.only_a)}, only in B: "
                         f"{len(self.only_b)}")
        return "\n".join(lines)


# --- running an evaluation ---------------------------------------------------------------------


def evaluate_retrieval(gold: Sequence[GoldQuestion], search: Callable[[str], SearchResult],
                       strip: bool = False) -> EvalReport:
    """Retrieval metrics over the answerable questions; latency over all of them."""
    return evaluate(gold, lambda q: (None, search(q)), strip)


def _retrieval_row(hits: Sequence[Hit], g: GoldQuestion,
                   passages_of: Callable[[str], Sequence[Chunk]] | None) -> dict[str, Any]:
    """Per-question retrieval values at passage and document level."""
    rel = [is_relevant(h, g) for h in hits]
    doc_rel = document_relevance([h.chunk.doc_id for h in hits], g.doc_ids)
    n_rel = sum(rel)
    if passages_of is not None:
        n_rel = max(n_rel, sum(passage_relevant(c, g) for d in g.doc_ids
                               for c in passages_of(d)))
    rank, doc_rank = first_rank(rel), first_rank(doc_rel)
    values: dict[str, Any] = {}
    for prefix, r, flags, n in (("", rank, rel, n_rel), ("doc_", doc_rank, doc_rel,
                                                           len(g.doc_ids))):
        for k in KS:
            values[f"{prefix}hit@{k}"] = hit_at([r], k)
        for k in KS:
            values[f"{prefix}recall@{k}"] = recall_at(flags, n, k)
        values[f"{prefix}mrr@10"] = mrr_at([r], 10)
        values[f"{prefix}ndcg@10"] = ndcg_at(flags, n, 10)
    return {"rank": rank, "doc_rank": doc_rank, "relevant_passages": n_rel,
            "relevance": rel, "doc_relevance": doc_rel, "values": values}


def evaluate(gold: Sequence[GoldQuestion],
             run: Callable[[str], tuple[Answer | None, SearchResult]],
             strip: bool = False, *, fold_diacritics: bool = False,
             passages_of: Callable[[str], Sequence[Chunk]] | None = None,
             config: dict[str, Any] | None = None) -> EvalReport:
    """Run every question and score it.  Retrieval metrics are over the answerable
    questions; answer metrics (when ``run`` answers) over the answerable ones, refusal
    metrics over all.  ``passages_of(doc_id)`` gives a document's indexed passages, so that
    passage recall and nDCG count relevant passages that were not retrieved."""
    rows: list[dict[str, Any]] = []
    latencies: list[float] = []
    answer_latencies: list[float] = []
    cited: list[list[bool]] = []
    refused: list[bool] = []
    for g in gold:
        question = strip_diacritics(g.question) if strip else g.question
        t0 = time.perf_counter()
        answer, result = run(question)
        ms = (time.perf_counter() - t0) * 1000
        latencies.append(ms)
        row: dict[str, Any] = {"id": g.id, "question": question, "answerable": g.answerable,
                               "gold_answers": list(g.answers), "gold_doc_ids": list(g.doc_ids)}
        values: dict[str, Any] = {}
        hits = [h.to_dict() for h in result.hits]
        if g.answerable:
            r = _retrieval_row(result.hits, g, passages_of)
            for h, rel, doc_rel in zip(hits, r["relevance"], r["doc_relevance"], strict=True):
                h["relevant"], h["gold_doc"] = rel, h["doc_id"] in g.doc_ids
                h["first_of_gold_doc"] = doc_rel
            row.update(rank=r["rank"], doc_rank=r["doc_rank"],
                       relevant_passages=r["relevant_passages"])
            values.update(r["values"])
        else:
            row.update(rank=None, doc_rank=None)
        row["hits"] = hits
        row["latency_ms"] = round(ms, 2)
        if answer is not None:
            answer_latencies.append(answer.latency_ms)
            row.update(answer=answer.answer, found=answer.found,
                       confidence=round(answer.confidence, 4),
                       answer_sentence=answer.answer_sentence,
                       citations=[c.to_dict() for c in answer.citations],
                       answer_latency_ms=round(answer.latency_ms, 2))
            refused.append(not answer.found)
            values["refused"] = float(not answer.found)
            if g.answerable:
                row["correct"] = answer_correct(answer, g, fold_diacritics)
                prediction = answer.answer if answer.found else ""
                good = cited_with_answer(answer.citations, g, fold_diacritics)
                if good:
                    cited.append(good)
                values.update(
                    answer_correct=float(row["correct"]),
                    exact_match=exact_match(prediction, g.answers, fold_diacritics),
                    f1=token_f1(prediction, g.answers, fold_diacritics),
                    sentence_correct=float(sentence_correct(answer, g, fold_diacritics)),
                    citation_precision=sum(good) / len(good) if good else None)
            else:
                row["correct"] = not answer.found
                values["refusal_correct"] = float(row["correct"])
        row["metrics"] = values
        rows.append(row)
    metrics = aggregate(rows)
    if refused:
        metrics["citation_precision"] = citation_precision(cited)
        precision, recall = refusal_precision_recall(refused, [g.answerable for g in gold])
        metrics["refusal_precision"], metrics["refusal_recall"] = precision, recall
    metrics["latency_p50_ms"] = round(statistics.median(latencies), 2) if latencies else 0.0
    metrics["latency_p95_ms"] = round(percentile(latencies, 0.95), 2)
    if answer_latencies:
        metrics["answer_latency_p50_ms"] = round(statistics.median(answer_latencies), 2)
        metrics["answer_latency_p95_ms"] = round(percentile(answer_latencies, 0.95), 2)
    return EvalReport(ordered(metrics), rows, dict(config or {}))


def ordered(metrics: dict[str, Any]) -> dict[str, Any]:
    """Metrics in table order: counts, retrieval (passage, then document), answers, refusals,
    latency."""
    rank = {g: i for i, g in enumerate(("counts", *GROUPS))}

    def key(item: tuple[int, str]) -> tuple[int, bool, int]:
        i, name = item
        return rank[metric_group(name)], name.startswith("doc_"), i

    return {name: metrics[name] for _, name in sorted(enumerate(metrics), key=key)}


def aggregate(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Run-level metrics from the per-question rows (counts, retrieval, answers)."""
    answerable = [q for q in rows if q["answerable"]]
    unanswerable = [q for q in rows if not q["answerable"]]
    ranks = [q["rank"] for q in answerable]
    doc_ranks = [q.get("doc_rank") for q in answerable]
    m: dict[str, Any] = {"questions": float(len(rows)), "answerable": float(len(answerable)),
                         "unanswerable": float(len(unanswerable))}
    for prefix, rk in (("", ranks), ("doc_", doc_ranks)):
        for k in KS:
            m[f"{prefix}hit@{k}"] = hit_at(rk, k)
        for k in KS:
            m[f"{prefix}recall@{k}"] = _mean_of(answerable, f"{prefix}recall@{k}")
        m[f"{prefix}mrr@10"] = mrr_at(rk, 10)
        m[f"{prefix}ndcg@10"] = _mean_of(answerable, f"{prefix}ndcg@10")
    if any("correct" in q for q in rows):
        m["answer_accuracy"] = _mean_of(answerable, "answer_correct")
        m["exact_match"] = _mean_of(answerable, "exact_match")
        m["f1"] = _mean_of(answerable, "f1")
        m["sentence_accuracy"] = _mean_of(answerable, "sentence_correct")
        refusals = mean([q["metrics"].get("refusal_correct") for q in unanswerable])
        m["refusal_accuracy"] = 1.0 if refusals is None else refusals
    return m


def _mean_of(rows: Sequence[dict[str, Any]], key: str) -> float:
    value = mean([q.get("metrics", {}).get(key) for q in rows])
    return 0.0 if value is None else value
