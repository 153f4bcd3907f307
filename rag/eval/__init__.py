"""Evaluation: gold Q&A sets (``gold``), metrics as pure functions (``metrics``), running a set
through the answering path (``runner``), the report of a run (``results``) and its HTML page
(``report``).  The names below are re-exported for callers that take them from here."""

from __future__ import annotations

from rag.errors import GoldError, ReportError
from rag.eval.gold import (
    GoldQuestion,
    load_gold,
)
from rag.eval.metrics import (
    CURVE_K,
    KS,
    answer_correct,
    answer_key,
    answer_tokens,
    citation_precision,
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
    match_key,
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
)
from rag.eval.results import (
    GROUPS,
    Comparison,
    EvalReport,
    RetrievalReport,
    flipped,
    fmt_metric,
    metric_group,
)
from rag.eval.runner import (
    aggregate,
    evaluate,
    evaluate_retrieval,
    ordered,
)

__all__ = ["CURVE_K", "Comparison", "EvalReport", "GROUPS", "GoldError", "GoldQuestion", "KS",
           "ReportError", "RetrievalReport", "aggregate", "answer_correct",
           "answer_key", "answer_tokens", "citation_precision", "cited_with_answer",
           "contains_answer", "document_relevance", "evaluate", "evaluate_retrieval",
           "exact_match", "first_rank", "first_relevant_rank", "flipped", "fmt_metric",
           "has_gold_answer", "hit_at", "hit_curve", "is_relevant", "load_gold",
           "match_key", "mean", "metric_group", "mrr_at", "ndcg_at", "ordered",
           "passage_relevant", "percentile", "recall_at", "refusal_precision_recall",
           "sentence_correct", "strip_diacritics", "token_f1"]
