"""The README's evaluation table: the three retrieval modes on the seed gold set and on the
XQuAD-vi dev questions, as Markdown rows.

    python bench/eval_table.py [--xquad ../shared/bench/xquad-vi] [--work /tmp/rag-eval]

Each row is what `rag eval GOLD --index-dir D --mode M --json` prints for that set and mode;
the indexes are built with `rag index` into --work (reused when already there).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COLUMNS = [("hit@1", "hit@1"), ("hit@5", "hit@5"), ("mrr@10", "MRR@10"),
           ("doc_hit@1", "doc hit@1"), ("sentence_accuracy", "sentence acc."),
           ("answer_accuracy", "answer acc."), ("exact_match", "EM"), ("f1", "token F1")]


def rag(*args: str) -> str:
    proc = subprocess.run([sys.executable, "-m", "api.cli", *args], cwd=ROOT, text=True,
                          capture_output=True, check=False)
    if proc.returncode != 0:
        sys.exit(f"rag {' '.join(args)} failed:\n{proc.stderr}")
    return proc.stdout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--xquad", type=Path, default=ROOT.parent / "shared/bench/xquad-vi")
    ap.add_argument("--work", type=Path, default=Path("/tmp/rag-eval"))
    args = ap.parse_args()
    sets = [("seed gold", ROOT / "tests/data/gold_seeds.jsonl", [ROOT / "seeds"],
             args.work / "seeds"),
            ("XQuAD-vi dev", args.xquad / "questions.dev.jsonl",
             [args.xquad / "passages.jsonl"], args.work / "xquad")]
    print("| data | mode | " + " | ".join(label for _, label in COLUMNS) + " |")
    print("|---|---|" + "---|" * len(COLUMNS))
    for name, gold, corpus, index_dir in sets:
        rag("index", *map(str, corpus), "--index-dir", str(index_dir))
        for mode in ("hybrid", "lexical", "dense"):
            metrics = json.loads(rag("eval", str(gold), "--index-dir", str(index_dir),
                                     "--mode", mode, "--json"))["metrics"]
            cells = [f"{metrics[key]:.3f}" for key, _ in COLUMNS]
            print(f"| {name} ({int(metrics['questions'])} q.) | {mode} | "
                  + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
