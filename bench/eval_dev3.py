"""The dev3 set (tests/data/dev3: break-test rounds, one folder each; ``--set dev4`` for
tests/data/dev4, built the same way) as one Markdown table:
per round and in total, answer accuracy, all accuracy, wrong answers at confidence >= 0.9,
answerable questions refused, and right / questions per kind.

    python bench/eval_dev3.py [--set dev3|dev4] [--work /tmp/rag-eval-dev3]
                              [--mode hybrid|lexical|dense] [ROUND ...]

Indexes each round's docs/ alone with `rag index` into --work/<round> (reused when already
built: only new or changed documents are embedded), since each round's questions were written
against its own documents only, then runs `rag eval <round>/questions.jsonl --index-dir ...
--json` and keeps the report in --work/<round>.json (for `rag eval --compare`).  Each question
is asked on its gold line's ``today``.  Totals are sums over the rounds' questions.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from eval_dev import KIND_ROWS, ROOT, cell, commit, evaluate, rag, right_of

SETS = ("dev3", "dev4")


def round_dirs(names: list[str], base: Path) -> list[Path]:
    """The chosen round folders of the set at ``base`` (tests/data/dev3 or dev4): all with
    docs/ and questions.jsonl when none named."""
    if names:
        return [base / n for n in names]
    return sorted(p for p in base.iterdir()
                  if (p / "docs").is_dir() and (p / "questions.jsonl").is_file())


def row(name: str, rows: list[dict[str, Any]], wrong_sure: int, kinds: list[str]) -> str:
    """One table line: answer accuracy (answerable questions), all questions, wrong at 0.9,
    answerable questions refused, then right/questions for each of ``kinds``."""
    answerable = [q for q in rows if q["answerable"]]
    right = sum(bool(q.get("correct")) for q in answerable)
    every = sum(bool(q.get("correct")) for q in rows)
    refused = sum(1 for q in answerable if not q.get("found"))
    per_kind = [right_of([q for q in rows if q.get("kind") == k]) for k in kinds]
    return " | ".join([
        f"| {name}", str(len(rows)),
        f"{cell(right / len(answerable) if answerable else None)} ({right}/{len(answerable)})",
        f"{cell(every / len(rows) if rows else None)}", str(wrong_sure), str(refused),
        *per_kind]) + " |"


def table(reports: dict[str, dict[str, Any]], code: str, name: str = "dev3") -> list[str]:
    """Markdown lines: a title naming the set ``name`` and the commit, a row per round, then
    the total."""
    all_rows = [q for r in reports.values() for q in r["questions"]]
    kinds = [k for k, _ in KIND_ROWS if any(q.get("kind") == k for q in all_rows)]
    head = ["round", "questions", "answer accuracy", "all", "wrong@0.9", "refused wrongly",
            *kinds]
    lines = [f"{name} at {code}", "", "| " + " | ".join(head) + " |",
             "|" + "---|" * len(head)]
    total_sure = 0
    for name, report in reports.items():
        sure = int(report["metrics"].get("wrong_at_0.9", 0))
        total_sure += sure
        lines.append(row(name, report["questions"], sure, kinds))
    lines.append(row("**total**", all_rows, total_sure, kinds))
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("rounds", nargs="*", help="round folders of the set (default: all)")
    ap.add_argument("--set", dest="set_name", choices=SETS, default="dev3",
                    help="which break-test set of tests/data (default: dev3)")
    ap.add_argument("--work", type=Path, default=None,
                    help="index and report folder (default: /tmp/rag-eval-SET)")
    ap.add_argument("--mode", choices=("hybrid", "lexical", "dense"), default=None,
                    help="retrieval mode (default: RAG_RETRIEVAL_MODE, hybrid)")
    args = ap.parse_args()
    if args.work is None:
        args.work = Path(f"/tmp/rag-eval-{args.set_name}")
    args.work.mkdir(parents=True, exist_ok=True)
    reports: dict[str, dict[str, Any]] = {}
    for rd in round_dirs(args.rounds, ROOT / "tests/data" / args.set_name):
        if not (rd / "questions.jsonl").is_file():
            sys.exit(f"{rd}: no questions.jsonl")
        index_dir = args.work / rd.name
        rag("index", rd / "docs", "--index-dir", index_dir)
        reports[rd.name] = evaluate(rd / "questions.jsonl", index_dir,
                                    args.work / f"{rd.name}.json", args.mode)
        print(f"{rd.name}: {len(reports[rd.name]['questions'])} questions", file=sys.stderr)
    print("\n".join(table(reports, commit(), args.set_name)))


if __name__ == "__main__":
    main()
