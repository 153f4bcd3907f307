"""A self-contained HTML page for one evaluation run: metrics, charts, failed questions.

Charts are inline SVG drawn here (no JavaScript, no external files); every piece of text from
the run (questions, passages, answers, settings) is HTML-escaped.  The charts are
``rag.eval.charts``.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import Path
from typing import Any

from rag.eval.charts import PASSAGE_COLOR, histogram, line_chart, reliability_chart
from rag.eval.metrics import CURVE_K, ReliabilityBin, hit_curve
from rag.eval.results import EvalReport, fmt_metric

DOCUMENT_COLOR = "#ea580c"
SNIPPET_CHARS = 240
TOP_HITS = 3
OPEN_FAILURES = 3  # failed questions shown unfolded; the rest fold open on a click

_CSS = """
:root { --fg: #1f2937; --muted: #6b7280; --line: #e5e7eb; --bg: #f9fafb; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
       color: var(--fg); margin: 0; background: #fff; }
main { max-width: 1120px; margin: 0 auto; padding: 24px 20px 48px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 10px; }
.sub { color: var(--muted); margin: 0; }
table { border-collapse: collapse; }
table.metrics { min-width: 420px; }
table.metrics th, table.metrics td { padding: 3px 12px; text-align: left;
       border-bottom: 1px solid var(--line); }
table.metrics td.num, table.metrics thead th + th { text-align: right;
       font-variant-numeric: tabular-nums; }
table.metrics tr.group th { text-align: left; background: var(--bg); text-transform: uppercase;
       font-size: 12px; letter-spacing: .05em; color: var(--muted); padding-top: 10px; }
table.config td { padding: 2px 12px 2px 0; vertical-align: top; }
table.config td:first-child { color: var(--muted); }
.columns { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; }
#charts figure + figure { margin-top: 16px; }
figure { margin: 0; border: 1px solid var(--line); border-radius: 8px; padding: 12px; }
figcaption { font-weight: 600; margin-bottom: 6px; }
svg text { font: 12px system-ui, sans-serif; fill: var(--fg); }
svg .grid { stroke: var(--line); }
svg .axis { stroke: #9ca3af; }
.failure { border: 1px solid var(--line); border-radius: 8px; margin: 10px 0; padding: 0; }
.failure > summary { cursor: pointer; padding: 8px 12px; background: var(--bg);
       border-radius: 8px; }
.failure .body { padding: 6px 12px 12px; }
.failure dl { display: grid; grid-template-columns: 130px 1fr; gap: 2px 12px; margin: 6px 0; }
.failure dt { color: var(--muted); }
.failure dd { margin: 0; }
.badge { display: inline-block; font-size: 12px; padding: 0 8px; border-radius: 10px;
       margin-right: 4px; color: #fff; }
.badge.wrong-answer { background: #dc2626; }
.badge.missed-retrieval { background: #7c3aed; }
.badge.wrong-refusal { background: #d97706; }
.qid { font-family: ui-monospace, monospace; color: var(--muted); margin-right: 6px; }
ol.hits { margin: 4px 0; padding-left: 22px; }
ol.hits li { margin: 4px 0; }
.snippet { color: #374151; font-size: 14px; }
.rel { color: #15803d; font-weight: 600; }
mark { background: #fef08a; }
.muted { color: var(--muted); }
"""


# --- failed questions --------------------------------------------------------------------------


def failure_kinds(row: dict[str, Any]) -> list[str]:
    """What went wrong with one question: "wrong answer" (answered, not right), "wrong
    refusal" (refused an answerable question, or answered an unanswerable one), "missed
    retrieval" (no relevant passage among those retrieved)."""
    kinds = []
    answered = "found" in row
    if row.get("answerable"):
        if answered and row["found"] and not row.get("correct"):
            kinds.append("wrong answer")
        if answered and not row["found"] and not row.get("correct"):
            # (refusing a period the reports cover only in part is right)
            kinds.append("wrong refusal")
        if row.get("rank") is None:
            kinds.append("missed retrieval")
    elif answered and row["found"]:
        kinds.append("wrong refusal")
    return kinds


def snippet(text: str, answers: Sequence[str], width: int = SNIPPET_CHARS) -> str:
    """Escaped HTML: a window of ``text`` around the first gold answer in it (marked), else
    its beginning."""
    flat = " ".join(text.split())
    low = flat.casefold()
    for a in answers:
        i = low.find(" ".join(a.split()).casefold()) if a.strip() else -1
        if i >= 0:
            j = i + len(" ".join(a.split()))
            start = max(0, i - (width - (j - i)) // 2)
            end = min(len(flat), max(j, start + width))
            return ("…" if start else "") + escape(flat[start:i]) + "<mark>" + \
                escape(flat[i:j]) + "</mark>" + escape(flat[j:end]) + \
                ("…" if end < len(flat) else "")
    return escape(flat[:width]) + ("…" if len(flat) > width else "")


def _failure(row: dict[str, Any], kinds: list[str], is_open: bool = False) -> str:
    badges = "".join(f'<span class="badge {k.replace(" ", "-")}">{escape(k)}</span>'
                     for k in kinds)
    gold = row.get("gold_answers") or []
    parts = [f'<details class="failure" data-id="{escape(str(row.get("id")))}"'
             f'{" open" if is_open else ""}>',
             f'<summary>{badges}<span class="qid">{escape(str(row.get("id")))}</span>'
             f'{escape(str(row.get("question", "")))}</summary><div class="body"><dl>']

    def item(term: str, value_html: str) -> None:
        parts.append(f"<dt>{escape(term)}</dt><dd>{value_html}</dd>")

    if row.get("kind"):
        item("kind", escape(str(row["kind"])) + (f' <span class="muted">asked on '
                                                 f'{escape(str(row["today"]))}</span>'
                                                 if row.get("today") else ""))
    item("gold answers", escape(" | ".join(gold)) if gold else
         '<span class="muted">none (unanswerable)</span>')
    if row.get("gold_doc_ids"):
        item("gold documents", escape(", ".join(row["gold_doc_ids"])))
    if "found" in row:
        state = "answered" if row["found"] else "refused"
        item(state, escape(str(row.get("answer", ""))) + (
            f' <span class="muted">(confidence {row["confidence"]:.2f})</span>'
            if isinstance(row.get("confidence"), int | float) else ""))
        if row.get("summary"):
            item("summary", escape(str(row["summary"])))
        if row.get("period_match"):
            item("period match", escape(str(row["period_match"])))
        if row.get("answer_sentence"):
            item("sentence", escape(row["answer_sentence"]))
        cites = row.get("citations") or []
        if cites:
            item("citations", "<br>".join(
                f'{escape(c.get("title") or "")} <span class="muted">'
                f'[{escape(str(c.get("doc_id")))} {c.get("start")}-{c.get("end")}]</span>'
                for c in cites))
    rank = row.get("rank")
    item("first relevant", escape(f"rank {rank}" if rank else "not retrieved")
         if row.get("answerable") else '<span class="muted">—</span>')
    parts.append("</dl>")
    hits = (row.get("hits") or [])[:TOP_HITS]
    if hits:
        parts.append(f"<div class=\"muted\">top {len(hits)} retrieved</div><ol class=\"hits\">")
        for h in hits:
            rel = ' <span class="rel">✓ relevant</span>' if h.get("relevant") else \
                ' <span class="muted">(gold document)</span>' if h.get("gold_doc") else ""
            parts.append(f'<li><strong>{escape(h.get("title") or "")}</strong> '
                         f'<span class="muted">{escape(str(h.get("doc_id")))}</span>{rel}'
                         f'<div class="snippet">{snippet(h.get("text") or "", gold)}</div>'
                         f"</li>")
        parts.append("</ol>")
    else:
        parts.append('<div class="muted">nothing retrieved</div>')
    parts.append("</div></details>")
    return "".join(parts)


# --- the page ----------------------------------------------------------------------------------


def _metrics_table(report: EvalReport) -> str:
    rows = ['<table class="metrics" id="metrics-table"><thead><tr><th>metric</th>'
            '<th>passage / value</th><th>document</th></tr></thead><tbody>']
    for group, items in report.groups().items():
        rows.append(f'<tr class="group"><th colspan="3">{escape(group)}</th></tr>')
        for label, value, doc in items:
            doc_cell = fmt_metric(label, doc) if group == "retrieval" else ""
            rows.append(f'<tr data-metric="{escape(label)}"><td>{escape(label)}</td>'
                        f'<td class="num">{escape(fmt_metric(label, value))}</td>'
                        f'<td class="num">{escape(doc_cell)}</td></tr>')
    rows.append("</tbody></table>")
    return "".join(rows)


def _reliability_table(bins: Sequence[ReliabilityBin]) -> str:
    rows = ['<table class="metrics" id="reliability-table"><thead><tr><th>confidence</th>'
            '<th>answered</th><th>right</th><th>accuracy</th><th>mean confidence</th></tr>'
            '</thead><tbody>']
    for b in bins:
        cells = [str(b.count), str(b.right),
                 "—" if b.accuracy is None else f"{b.accuracy:.4f}",
                 "—" if b.mean_confidence is None else f"{b.mean_confidence:.4f}"]
        rows.append(f'<tr data-bin="{b.lo:.2f}-{b.hi:.2f}"><td>{b.lo:.2f}–{b.hi:.2f}</td>'
                    + "".join(f'<td class="num">{c}</td>' for c in cells) + "</tr>")
    rows.append("</tbody></table>")
    return "".join(rows)


def _config_table(config: dict[str, Any]) -> str:
    if not config:
        return ""
    rows = "".join(f"<tr><td>{escape(str(k))}</td><td>{escape(_plain(v))}</td></tr>"
                   for k, v in config.items())
    return f'<details><summary>configuration</summary><table class="config">{rows}</table>' \
           f"</details>"


def _plain(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def render_html(report: EvalReport, title: str | None = None) -> str:
    """The whole page as one string."""
    m, rows, cfg = report.metrics, report.questions, report.config
    name = title or report.name or "evaluation"
    answerable = [q for q in rows if q.get("answerable")]
    curves = {
        "passage": (hit_curve([q.get("rank") for q in answerable], CURVE_K), PASSAGE_COLOR),
        "document": (hit_curve([q.get("doc_rank") for q in answerable], CURVE_K),
                     DOCUMENT_COLOR),
    }
    latencies = [float(q["latency_ms"]) for q in rows if isinstance(q.get("latency_ms"),
                                                                     int | float)]
    marks = {k: float(m[f"latency_{k}_ms"]) for k in ("p50", "p95") if f"latency_{k}_ms" in m}
    failures = [(q, kinds) for q in rows if (kinds := failure_kinds(q))]
    counts: dict[str, int] = {}
    for _q, kinds in failures:
        for k in kinds:
            counts[k] = counts.get(k, 0) + 1
    sub = [f"{len(rows)} questions ({len(answerable)} answerable)"]
    for key in ("gold", "mode", "embedder", "created"):
        if cfg.get(key):
            sub.append(f"{key}: {cfg[key]}")
    summary = ", ".join(f"{n} {k}" for k, n in sorted(counts.items())) or "none"
    body = [
        "<!doctype html>",
        '<html lang="vi"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(name)} — evaluation report</title>",
        f"<style>{_CSS}</style></head><body><main>",
        f"<h1>Evaluation report: {escape(name)}</h1>",
        f'<p class="sub">{escape(" · ".join(sub))}</p>',
        '<div class="columns"><section id="metrics"><h2>Metrics</h2>',
        _metrics_table(report), _config_table(cfg), "</section>",
        '<section id="charts"><h2>Charts</h2>',
        f'<figure id="hit-curve"><figcaption>hit@k, k = 1..{CURVE_K}</figcaption>',
        line_chart(curves, x_label="k (passages retrieved)", y_label="hit@k"), "</figure>",
        '<figure id="latency"><figcaption>Latency per question</figcaption>',
        histogram(latencies, marks=marks, x_label="ms per question"), "</figure>",
        _reliability(report),
        "</section></div>",
        f'<section id="failures"><h2>Failed questions ({len(failures)})</h2>',
        f'<p class="muted">{escape(summary)}</p>',
        *(_failure(q, kinds, i < OPEN_FAILURES) for i, (q, kinds) in enumerate(failures)),
        "</section></main></body></html>",
    ]
    return "\n".join(body)


def _reliability(report: EvalReport) -> str:
    """The reliability figure of a run that answered: the chart and its table."""
    if not report.answers_run:
        return ""
    bins = report.reliability()
    n = sum(b.count for b in bins)
    return (f'<figure id="reliability"><figcaption>Confidence against observed accuracy '
            f'({n} answered questions)</figcaption>{reliability_chart(bins)}'
            f'{_reliability_table(bins)}</figure>')


def write_html(report: EvalReport, path: Path) -> Path:
    """Write the page (UTF-8); the parent folder must exist."""
    path.write_text(render_html(report), encoding="utf-8")
    return path
