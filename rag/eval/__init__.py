"""Evaluation: gold Q&A sets (``gold``), metrics as pure functions (``metrics``), running a set
through the answering path (``runner``), the report of a run (``results``) and its HTML page
(``report``).  The names below are re-exported for callers that take them from here."""

from __future__ import annotations

from rag.errors import GoldError, ReportError
from rag.eval.gold import (
    KINDS,
    GoldQuestion,
    load_gold,
)
from rag.eval.metrics import (
    CONFIDENCE_BINS,
    CURVE_K,
    KS,
    SURE,
    ReliabilityBin,
    answer_correct,
    answer_groups,
    answer_key,
    answer_text,
    answer_tokens,
    citation_precision,
    cited_from_gold,
    cited_with_answer,
    contains_answer,
    document_relevance,
    exact_match,
    first_rank,
    first_relevant_rank,
    has_gold_answer,
    hit_at,
    hit_curve,
    is_relevant,
    judge,
    match_key,
    mean,
    mrr_at,
    multi_correct,
    ndcg_at,
    partial_period_correct,
    passage_relevant,
    percentile,
    recall_at,
    refusal_precision_recall,
    reliability,
    sentence_correct,
    strip_diacritics,
    token_f1,
    wrong_at,
)
from rag.eval.results import (
    GROUPS,
    Comparison,
    EvalReport,
    RetrievalReport,
    answered,
    flipped,
    fmt_metric,
    is_count,
    metric_group,
)
from rag.eval.runner import (
    aggregate,
    evaluate,
    evaluate_retrieval,
    kind_accuracy,
    ordered,
)

__all__ = ["CONFIDENCE_BINS", "CURVE_K", "Comparison", "EvalReport", "GROUPS", "GoldError",
           "GoldQuestion", "KINDS", "KS", "ReliabilityBin", "ReportError", "RetrievalReport",
           "SURE", "aggregate", "answer_correct", "answer_groups", "answer_key",
           "answer_text", "answer_tokens", "answered", "citation_precision",
           "cited_from_gold", "cited_with_answer", "contains_answer", "document_relevance",
           "evaluate", "evaluate_retrieval", "exact_match", "first_rank",
           "first_relevant_rank", "flipped", "fmt_metric", "has_gold_answer", "hit_at",
           "hit_curve", "is_count", "is_relevant", "judge", "kind_accuracy", "load_gold",
           "match_key", "mean", "metric_group", "mrr_at", "multi_correct", "ndcg_at",
           "ordered", "partial_period_correct", "passage_relevant", "percentile",
           "recall_at", "refusal_precision_recall", "reliability", "sentence_correct",
           "strip_diacritics", "token_f1", "wrong_at"]
