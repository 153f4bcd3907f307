"""The report of one evaluation run: it prints, serialises, reloads and compares itself with
another run (the questions that flipped)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rag.errors import ReportError
from rag.eval.metrics import KS, ReliabilityBin, reliability

# --- the report --------------------------------------------------------------------------------

GROUPS = ("retrieval", "answers", "kinds", "refusals", "confidence", "latency")
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
    if name == "accuracy" or name.startswith(("accuracy_", "questions_")):
        return "kinds"
    if name.startswith("wrong_at_"):
        return "confidence"
    return "retrieval"


def is_count(name: str) -> bool:
    """A metric that counts questions (shown whole)."""
    return name in _COUNTS or name.startswith(("questions_", "wrong_at_"))


def answered(rows: Sequence[dict[str, Any]]) -> tuple[list[float], list[bool]]:
    """Confidence and verdict (right by the question's kind) of each answered question."""
    done = [q for q in rows if q.get("found") and isinstance(q.get("confidence"), int | float)]
    return [float(q["confidence"]) for q in done], [bool(q.get("correct")) for q in done]


def fmt_metric(name: str, value: Any) -> str:
    """A metric value as the tables show it: counts whole, milliseconds to 0.1, rates to 4
    decimals, a metric that does not apply as a dash."""
    if value is None:
        return "—"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if is_count(name):
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
        """The JSON of `rag eval --json`; ``reliability`` (derived from the questions) only
        for a run that answered."""
        out: dict[str, Any] = {"metrics": self.metrics, "config": self.config}
        if self.answers_run:
            out["reliability"] = [b.to_dict() for b in self.reliability()]
        out["questions"] = self.questions
        return out

    @property
    def answers_run(self) -> bool:
        """Whether the run asked for answers (not retrieval only)."""
        return any("found" in q for q in self.questions)

    def reliability(self) -> list[ReliabilityBin]:
        """The reliability table of the answered questions: per confidence bin, how many and
        how many right (by the question's kind)."""
        return reliability(*answered(self.questions))

    @classmethod
    def from_dict(cls, data: Any) -> EvalReport:
        """A report from its JSON form (what `rag eval --json` prints); ReportError when
        ``data`` has no "metrics" dict and "questions" list."""
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
        """The configuration's name (``--config-name``), None when it has none."""
        return self.config.get("name")

    def write_html(self, path: Path) -> Path:
        """The self-contained HTML page of this run (``rag.eval.report``), written to ``path``
        (UTF-8; the parent folder must exist)."""
        from rag.eval.report import write_html  # the page imports this module

        return write_html(self, path)

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
        """The run as aligned plain-text tables, as `rag eval` prints them: counts, then each
        metric group, the reliability table and latencies."""
        m = self.metrics
        counts = ", ".join(f"{fmt_metric(c, m[c])} {c}" for c in _COUNTS if c in m)
        lines = [f"{self.name}: {counts}" if self.name else counts]
        for group, rows in self.groups().items():
            head = f"{'passage':>10}{'document':>10}" if group == "retrieval" else ""
            lines.append(f"{group:<26}{head}")
            for label, value, doc in rows:
                doc_col = f"{fmt_metric(label, doc):>10}" if group == "retrieval" else ""
                lines.append(f"  {label:<24}{fmt_metric(label, value):>10}{doc_col}")
            if group == "confidence":
                lines.extend(self.reliability_lines())
        return "\n".join(lines)

    def reliability_lines(self) -> list[str]:
        """The reliability table as the text report prints it, indented under
        "confidence"."""
        lines = [f"  {'reliability':<24}{'answered':>10}{'right':>10}{'accuracy':>10}"
                 f"{'mean conf.':>12}"]
        for b in self.reliability():
            acc = "—" if b.accuracy is None else f"{b.accuracy:.4f}"
            conf = "—" if b.mean_confidence is None else f"{b.mean_confidence:.4f}"
            lines.append(f"    {f'{b.lo:.2f}–{b.hi:.2f}':<22}{b.count:>10}{b.right:>10}"
                         f"{acc:>10}{conf:>12}")
        return lines

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
    """Two runs compared (`rag eval --compare A.json B.json`): per metric A, B and B - A; per
    question kind the questions right in one run and wrong in the other; the questions only
    one run has."""

    a: str
    b: str
    rows: list[tuple[str, Any, Any, Any]]  # metric, A, B, B - A
    flips: dict[str, tuple[list[str], list[str]]]
    only_a: list[str] = field(default_factory=list)
    only_b: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON form: metrics with a, b, diff; flips by kind; questions only in a or b."""
        return {"a": self.a, "b": self.b,
                "metrics": {n: {"a": a, "b": b, "diff": d} for n, a, b, d in self.rows},
                "flips": {k: {"right_in_a_wrong_in_b": w, "wrong_in_a_right_in_b": r}
                          for k, (w, r) in self.flips.items()},
                "only_in_a": self.only_a, "only_in_b": self.only_b}

    def table(self) -> str:
        """The comparison as plain-text tables: metrics side by side with their difference, then
        the flipped questions."""
        lines = [f"A = {self.a}", f"B = {self.b}", "",
                 f"{'metric':<26}{'A':>10}{'B':>10}{'B - A':>10}"]
        for n, a, b, d in self.rows:
            diff = "—" if d is None else f"{d:+.1f}" if n.endswith("_ms") else \
                f"{d:+.0f}" if is_count(n) else f"{d:+.4f}"
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
