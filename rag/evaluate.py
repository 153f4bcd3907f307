"""Gold Q&A sets and retrieval metrics (hit@k, MRR@10) as pure functions."""

from __future__ import annotations

import re
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rag.jsonl import json_objects
from rag.records import Answer, Hit, SearchResult
from rag.text import fold, normalize, parse_number


class GoldError(ValueError):
    """A gold file or line that is not of the documented form; the message names it."""


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


def match_key(text: str) -> str:
    """What answer matching compares: NFC, one tone placement, case folded, spaces collapsed."""
    return " ".join(normalize(text).casefold().split())


_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")


def answer_key(text: str) -> str:
    """Answer matching: :func:`match_key` plus Vietnamese numbers in canonical form
    ("1.233" == "1233", "29,6 %" == "29.6%")."""
    key = _NUMBER_RE.sub(lambda m: parse_number(m.group(0)), match_key(text))
    return re.sub(r"\s+%", "%", key)


def answer_correct(answer: Answer, gold: GoldQuestion) -> bool:
    """Found, a gold answer string in the answer, and a citation from a gold document."""
    if not (gold.answerable and answer.found):
        return False
    got = answer_key(answer.answer)
    return any(answer_key(a) in got for a in gold.answers) and \
        any(c.doc_id in gold.doc_ids for c in answer.citations)


def strip_diacritics(question: str) -> str:
    """The question as typed on a keyboard without Vietnamese input: no diacritics, same case."""
    out = []
    for ch in question:
        f = fold(ch)
        out.append(f.upper() if ch.isupper() else f)
    return "".join(out)


def is_relevant(hit: Hit, gold: GoldQuestion) -> bool:
    """A passage of a gold document that contains a gold answer."""
    if hit.chunk.doc_id not in gold.doc_ids:
        return False
    text = match_key(hit.chunk.text)
    return any(match_key(a) in text for a in gold.answers)


def first_relevant_rank(hits: Sequence[Hit], gold: GoldQuestion) -> int | None:
    for i, hit in enumerate(hits, 1):
        if is_relevant(hit, gold):
            return i
    return None


def hit_at(ranks: Sequence[int | None], k: int) -> float:
    return sum(1 for r in ranks if r is not None and r <= k) / len(ranks) if ranks else 0.0


def mrr_at(ranks: Sequence[int | None], k: int = 10) -> float:
    return sum(1 / r for r in ranks if r is not None and r <= k) / len(ranks) if ranks else 0.0


def percentile(values: Sequence[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q
    lo, hi = int(pos), min(int(pos) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


@dataclass
class RetrievalReport:
    metrics: dict[str, float]
    questions: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return {"metrics": self.metrics, "questions": self.questions}

    def table(self) -> str:
        return "\n".join(f"{k:<16}{v:>10.4f}" if isinstance(v, float) else f"{k:<16}{v:>10}"
                         for k, v in self.metrics.items())


def evaluate_retrieval(gold: Sequence[GoldQuestion], search: Callable[[str], SearchResult],
                       strip: bool = False) -> RetrievalReport:
    """hit@1, hit@5 and MRR@10 over the answerable questions; latency over all of them."""
    return evaluate(gold, lambda q: (None, search(q)), strip)


def evaluate(gold: Sequence[GoldQuestion],
             run: Callable[[str], tuple[Answer | None, SearchResult]],
             strip: bool = False) -> RetrievalReport:
    """Retrieval metrics, and answer metrics when ``run`` answers: answer accuracy over the
    answerable questions, refusal accuracy over the unanswerable ones."""
    ranks: list[int | None] = []
    rows: list[dict[str, Any]] = []
    latencies: list[float] = []
    correct: list[bool] = []
    refused: list[bool] = []
    for g in gold:
        question = strip_diacritics(g.question) if strip else g.question
        t0 = time.perf_counter()
        answer, result = run(question)
        ms = (time.perf_counter() - t0) * 1000
        latencies.append(ms)
        rank = first_relevant_rank(result.hits, g) if g.answerable else None
        if g.answerable:
            ranks.append(rank)
        row: dict[str, Any] = {"id": g.id, "question": question, "answerable": g.answerable,
                               "rank": rank, "hits": [h.to_dict() for h in result.hits],
                               "latency_ms": round(ms, 2)}
        if answer is not None:
            row.update(answer=answer.answer, found=answer.found,
                       confidence=round(answer.confidence, 4),
                       citations=[c.to_dict() for c in answer.citations])
            if g.answerable:
                row["correct"] = answer_correct(answer, g)
                correct.append(row["correct"])
            else:
                row["correct"] = not answer.found
                refused.append(row["correct"])
        rows.append(row)
    metrics: dict[str, float] = {
        "questions": float(len(gold)),
        "answerable": float(len(ranks)),
        "hit@1": hit_at(ranks, 1),
        "hit@5": hit_at(ranks, 5),
        "mrr@10": mrr_at(ranks, 10),
        "latency_p50_ms": round(statistics.median(latencies), 2) if latencies else 0.0,
        "latency_p95_ms": round(percentile(latencies, 0.95), 2),
    }
    if correct or refused:
        metrics["answer_accuracy"] = sum(correct) / len(correct) if correct else 0.0
        metrics["refusal_accuracy"] = sum(refused) / len(refused) if refused else 1.0
    return RetrievalReport(metrics, rows)
