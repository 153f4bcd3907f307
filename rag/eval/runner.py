"""Running a gold set through the answering path and the retriever, and scoring each question."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from index import Index, IndexConfig
from rag import __version__
from rag.errors import GoldError
from rag.eval.gold import KINDS, GoldQuestion, load_gold
from rag.eval.metrics import (
    KS,
    SURE,
    citation_precision,
    cited_with_answer,
    document_relevance,
    exact_match,
    first_rank,
    hit_at,
    is_relevant,
    judge,
    mean,
    mrr_at,
    ndcg_at,
    passage_relevant,
    percentile,
    recall_at,
    refusal_precision_recall,
    sentence_correct,
    strip_diacritics,
    token_f1,
    wrong_at,
)
from rag.eval.results import GROUPS, EvalReport, answered, metric_group
from rag.records import Answer, Chunk, Hit, SearchResult


def evaluate_retrieval(gold: Sequence[GoldQuestion], search: Callable[[str], SearchResult],
                       strip: bool = False) -> EvalReport:
    """Retrieval metrics over the answerable questions; latency over all of them."""
    return evaluate(gold, lambda g: (None, search(g.question)), strip)


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
             run: Callable[[GoldQuestion], tuple[Answer | None, SearchResult]],
             strip: bool = False, *, fold_diacritics: bool = False,
             passages_of: Callable[[str], Sequence[Chunk]] | None = None,
             config: dict[str, Any] | None = None) -> EvalReport:
    """Run every question and score it.  ``run`` gets the gold question as asked (its
    ``question`` without diacritics with ``strip``; its ``today`` for relative time) and
    returns the answer (None: retrieval only) and the retrieved passages.  Retrieval metrics
    are over the answerable questions; answer metrics (when ``run`` answers) over the
    answerable ones, judged by kind (:func:`rag.eval.metrics.judge`), refusal metrics over
    all.  ``passages_of(doc_id)`` gives a document's indexed passages, so that passage recall
    and nDCG count relevant passages that were not retrieved."""
    rows: list[dict[str, Any]] = []
    latencies: list[float] = []
    answer_latencies: list[float] = []
    cited: list[list[bool]] = []
    refused: list[bool] = []
    for g in gold:
        asked = replace(g, question=strip_diacritics(g.question)) if strip else g
        t0 = time.perf_counter()
        answer, result = run(asked)
        ms = (time.perf_counter() - t0) * 1000
        latencies.append(ms)
        row: dict[str, Any] = {"id": g.id, "question": asked.question,
                               "answerable": g.answerable, "kind": g.kind,
                               "gold_answers": list(g.answers), "gold_doc_ids": list(g.doc_ids)}
        if g.today is not None:
            row["today"] = g.today.isoformat()
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
                       summary=answer.summary, period_match=answer.period_match,
                       parts=[{"period": p.period, "answer": p.answer, "found": p.found,
                               "period_match": p.period_match} for p in answer.parts],
                       missing=list(answer.missing),
                       citations=[c.to_dict() for c in answer.citations],
                       answer_latency_ms=round(answer.latency_ms, 2))
            refused.append(not answer.found)
            values["refused"] = float(not answer.found)
            row["correct"] = judge(answer, g, fold_diacritics)
            if g.answerable:
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


def run_gold(gold: Path, index_of: Callable[[], Index],
             ask: Callable[[str, date | None], Answer], search: Callable[[str], SearchResult], *,
             max_question_chars: int, index_dir: Path, weights: dict[str, Any],
             today: date | None, run: dict[str, Any], about: dict[str, Any] | None = None,
             strip: bool = False, fold: bool = False) -> EvalReport:
    """`rag eval`: every question of the gold file ``gold`` asked (``ask(question, today)``:
    the whole answering path, on the question's own day when it has one, else None) and
    searched (``search(question)``), then scored (:func:`evaluate`).  ``strip`` asks them
    without diacritics, ``fold`` matches answers ignoring them.  The gold file is read and
    every question checked against ``max_question_chars`` (characters) before the index is
    loaded (``index_of()``) and before anything is timed.  The report's configuration
    (:func:`run_config`) records the index, ``run`` (the retrieval and answering settings),
    ``weights``, ``today`` and ``about``.  Raises GoldError for a malformed gold file or a
    question too long to ask; whatever ``index_of`` raises (NoIndexError, IndexStoreError)."""
    questions = load_gold(gold)
    for g in questions:  # fail before the run, naming the question
        if len(g.question) > max_question_chars:
            raise GoldError(f"{gold}: question {g.id} is longer than {max_question_chars} "
                            f"characters")
    index = index_of()  # load (and check) before timing questions

    def passages_of(doc_id: str) -> list[Chunk]:
        return [index.chunks[i] for i in index.rows_of_doc.get(doc_id, [])]

    config = run_config(
        index.config, gold=gold, questions=len(questions), index_dir=index_dir,
        documents=len(index.docs), chunks=len(index), weights=weights, today=today,
        about=about or {}, run={**run, "strip_diacritics": strip, "fold_diacritics": fold})

    def one(g: GoldQuestion) -> tuple[Answer, SearchResult]:
        # retrieval metrics measure the retriever; answer metrics the whole answering path
        return ask(g.question, g.today), search(g.question)

    return evaluate(questions, one, strip=strip, fold_diacritics=fold,
                    passages_of=passages_of, config=config)


def run_config(index: IndexConfig, *, gold: Path, questions: int, index_dir: Path,
               documents: int, chunks: int, weights: dict[str, Any], today: date | None,
               run: dict[str, Any], about: dict[str, Any]) -> dict[str, Any]:
    """What an evaluation run depended on, recorded in its report: the gold file, the index
    (its build configuration and size), the retrieval and answering settings ``run``, the
    answer weights, the day questions without their own are asked, the package version and
    the time; ``about`` (name, corpus, ...) added last."""
    return {
        "name": None, "gold": str(gold), "questions": questions, "index_dir": str(index_dir),
        "corpus": None, "fresh_index": False, "index_seconds": None, "documents": documents,
        "chunks": chunks, "embedder": index.embedder_backend, "model": index.embedder_model,
        "chunk_size": index.chunk_size, "chunk_overlap": index.chunk_overlap,
        "vector_index": index.vector_kind, "lexical_scheme": index.lexical_scheme,
        "embed_title": index.embed_title, **run,
        "today": today.isoformat() if today else None, "answer_weights": weights,
        "version": __version__, "created": datetime.now(UTC).isoformat(timespec="seconds"),
        **about,
    }


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
        m.update(kind_accuracy(rows))
        m[f"wrong_at_{SURE}"] = float(wrong_at(*answered(rows), SURE))
    return m


def kind_accuracy(rows: Sequence[dict[str, Any]]) -> dict[str, float]:
    """When the gold set has kinds: accuracy over every judged question (``accuracy``), and
    per kind ``accuracy_<kind>`` (answers judged by kind, refusals included) and
    ``questions_<kind>``, kinds in KINDS order."""
    judged = [q for q in rows if "correct" in q]
    present = {q.get("kind") for q in judged} - {None}
    if not present:
        return {}
    m = {"accuracy": sum(q["correct"] for q in judged) / len(judged)}
    for kind in [k for k in KINDS if k in present]:
        of_kind = [q for q in judged if q.get("kind") == kind]
        m[f"accuracy_{kind}"] = sum(q["correct"] for q in of_kind) / len(of_kind)
        m[f"questions_{kind}"] = float(len(of_kind))
    return m


def _mean_of(rows: Sequence[dict[str, Any]], key: str) -> float:
    value = mean([q.get("metrics", {}).get(key) for q in rows])
    return 0.0 if value is None else value
