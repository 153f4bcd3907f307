"""Refusals on XQuAD-vi dev: each question asked once over an index that holds its article
("answerable") and once over one that does not ("unanswerable by construction").

    python bench/xquad_refusal.py [--xquad ../shared/bench/xquad-vi] [--work /tmp/rag-refusal]
        [--mode hybrid] [--folds 2]

XQuAD-vi's 240 paragraphs come from 48 Wikipedia articles (``xquad-vi-NN-PP``: article NN,
paragraph PP).  The articles are dealt into ``--folds`` folds by their number; fold f's index
(`rag index` of its paragraphs, into --work) answers fold f's questions as they are, and every
other fold's questions with their answers emptied — their article, not only their paragraph,
is absent, so nothing in the index answers them.  Each index's gold set goes through
`rag eval --json`, and the rows of every fold are pooled: refusal recall (unanswerable ones
refused), refusal precision (refusals that were of unanswerable ones), and, over the
answerable ones, answer and sentence accuracy (the returned sentence holds a gold span) and how
many were refused.  Issue 18's targets: refusal recall ≥ 0.8 at precision ≥ 0.9, answerable
accuracy kept (sentence accuracy 0.720 on the whole dev set, `bench/eval_table.py`).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from eval_table import rag  # noqa: E402  (`python -m api.cli ARGS`, exit on failure)


def article(doc_id: str) -> int:
    """The article number of an XQuAD-vi passage id (``xquad-vi-07-03`` → 7)."""
    return int(doc_id.split("-")[2])


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The records of a JSON Lines file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def pooled(rows: list[dict[str, Any]]) -> dict[str, float]:
    """Refusal recall and precision over all rows, and the answerable rows' accuracies.

    ``rows``: `rag eval --json` rows, each with ``answerable`` (bool), ``found`` (bool) and
    ``metrics`` (``answer_correct``, ``sentence_correct`` as 0/1 where defined)."""
    unanswerable = [r for r in rows if not r["answerable"]]
    answerable = [r for r in rows if r["answerable"]]
    refused = [r for r in rows if not r["found"]]
    right_refusals = sum(not r["answerable"] for r in refused)

    def mean(values: list[float]) -> float:
        return sum(values) / len(values) if values else float("nan")

    return {
        "questions": len(rows),
        "unanswerable": len(unanswerable),
        "refusal_recall": right_refusals / len(unanswerable) if unanswerable else float("nan"),
        "refusal_precision": right_refusals / len(refused) if refused else float("nan"),
        "answerable": len(answerable),
        "answerable_refused": sum(not r["found"] for r in answerable),
        "answer_accuracy": mean([r["metrics"].get("answer_correct", 0.0) for r in answerable]),
        "sentence_accuracy": mean([r["metrics"].get("sentence_correct", 0.0)
                                   for r in answerable]),
    }


def main() -> None:
    """Build one index a fold, evaluate, print the pooled figures (and write them as JSON)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--xquad", type=Path, default=ROOT.parent / "shared/bench/xquad-vi")
    ap.add_argument("--work", type=Path, default=Path("/tmp/rag-refusal"))
    ap.add_argument("--mode", default="hybrid", choices=["hybrid", "lexical", "dense"])
    ap.add_argument("--folds", type=int, default=2)
    args = ap.parse_args()
    if args.folds < 2:
        sys.exit("--folds must be at least 2 (one fold's questions are asked of another's index)")
    passages = read_jsonl(args.xquad / "passages.jsonl")
    questions = read_jsonl(args.xquad / "questions.dev.jsonl")
    args.work.mkdir(parents=True, exist_ok=True)
    rows: list[dict[str, Any]] = []
    for fold in range(args.folds):
        corpus = args.work / f"fold{fold}.jsonl"
        corpus.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in passages
                                  if article(p["id"]) % args.folds == fold), encoding="utf-8")
        gold = args.work / f"fold{fold}.gold.jsonl"
        with gold.open("w", encoding="utf-8") as out:
            for q in questions:
                here = article(q["doc_ids"][0]) % args.folds == fold
                line = {"id": q["id"], "question": q["question"],
                        "answers": q["answers"] if here else [],
                        "doc_ids": q["doc_ids"] if here else []}
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
        index_dir = args.work / f"index{fold}"
        rag("index", str(corpus), "--index-dir", str(index_dir))
        text = rag("eval", str(gold), "--index-dir", str(index_dir), "--mode", args.mode,
                   "--json")
        (args.work / f"report{fold}.json").write_text(text, encoding="utf-8")
        report = json.loads(text)
        rows.extend(report["questions"])
        print(f"fold {fold}: {json.dumps(pooled(report['questions']))}", flush=True)
    figures = pooled(rows)
    (args.work / "refusal.json").write_text(json.dumps(figures, indent=1), encoding="utf-8")
    print("| questions asked | unanswerable | refusal recall | refusal precision | "
          "answerable | answerable refused | answer acc. | sentence acc. |")
    print("|---|---|---|---|---|---|---|---|")
    print(f"| {figures['questions']} | {figures['unanswerable']} | "
          f"{figures['refusal_recall']:.3f} | {figures['refusal_precision']:.3f} | "
          f"{figures['answerable']} | {figures['answerable_refused']} | "
          f"{figures['answer_accuracy']:.3f} | {figures['sentence_accuracy']:.3f} |")


if __name__ == "__main__":
    main()
