"""The dev3 set (tests/data/dev3: break-test rounds, one folder each) as one Markdown table:
per round and in total, answer accuracy, all accuracy, wrong answers at confidence >= 0.9,
answerable questions refused, and right / questions per kind.

    python bench/eval_dev3.py [--work /tmp/rag-eval-dev3] [--mode hybrid|lexical|dense]
                              [ROUND ...]

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

DEV3 = ROOT / "tests/data/dev3"


def round_dirs(names: list[str]) -> list[Path]:
    """The chosen round folders of dev3 (all with docs/ and questions.jsonl when none named)."""
    if names:
        return [DEV3 / n for n in names]
    return sorted(p for p in DEV3.iterdir()
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


def table(reports: dict[str, dict[str, Any]], code: str) -> list[str]:
    """Markdown lines: a row per round, then the total."""
    all_rows = [q for r in reports.values() for q in r["questions"]]
    kinds = [k for k, _ in KIND_ROWS if any(q.get("kind") == k for q in all_rows)]
    head = ["round", "questions", "answer accuracy", "all", "wrong@0.9", "refused wrongly",
            *kinds]
    lines = [f"dev3 at {code}", "", "| " + " | ".join(head) + " |",
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
    ap.add_argument("rounds", nargs="*", help="round folders of dev3 (default: all)")
    ap.add_argument("--work", type=Path, default=Path("/tmp/rag-eval-dev3"))
    ap.add_argument("--mode", choices=("hybrid", "lexical", "dense"), default=None,
                    help="retrieval mode (default: RAG_RETRIEVAL_MODE, hybrid)")
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    reports: dict[str, dict[str, Any]] = {}
    for rd in round_dirs(args.rounds):
        if not (rd / "questions.jsonl").is_file():
            sys.exit(f"{rd}: no questions.jsonl")
        index_dir = args.work / rd.name
        rag("index", rd / "docs", "--index-dir", index_dir)
        reports[rd.name] = evaluate(rd / "questions.jsonl", index_dir,
                                    args.work / f"{rd.name}.json", args.mode)
        print(f"{rd.name}: {len(reports[rd.name]['questions'])} questions", file=sys.stderr)
    print("\n".join(table(reports, commit())))


if __name__ == "__main__":
    main()
