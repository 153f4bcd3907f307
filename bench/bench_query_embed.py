"""One question at a time through ``onnx-e5``: float32 against its int8 copy (the
``RAG_ONNX_QUERY_MODEL`` setting, issue 19), and how close their vectors are.

    python bench/bench_query_embed.py [--rounds 2] [--questions 130]

Questions: the seed gold set and the dev reports' (``../shared/dev-reports``).  Prints the
cosine between each question's float32 and int8 vectors (min, 5th percentile, mean), that an
int8 vector does not depend on its batch (one question a call against all in one call), and
per engine -- float32, int8, int8 on one thread -- the p50, p95 and mean milliseconds of one
question a call.  The machine is shared: print the load beside the figures (``uptime``).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

import numpy as np

from rag.embed.onnx_e5 import OnnxE5Embedder

ROOT = Path(__file__).resolve().parent.parent
INT8 = "multilingual-e5-small-int8"


def questions() -> list[str]:
    """The seed gold questions, then the dev reports' (when ``../shared`` is there)."""
    files = [ROOT / "tests/data/gold_seeds.jsonl",
             ROOT.parent / "shared/dev-reports/questions.jsonl"]
    return [json.loads(line)["question"] for f in files if f.exists()
            for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--questions", type=int, default=130, help="questions timed a round")
    args = ap.parse_args()
    qs = questions()
    fp32, int8 = OnnxE5Embedder(), OnnxE5Embedder(model=INT8)
    a, b = fp32.embed_queries(qs), int8.embed_queries(qs)
    cos = (a * b).sum(1)
    print(f"{len(qs)} questions: cosine float32/int8 min {cos.min():.4f} "
          f"p5 {np.percentile(cos, 5):.4f} mean {cos.mean():.4f}")
    single = np.vstack([int8.embed_queries([q]) for q in qs[:50]])
    print(f"int8 one a call against one call: cosine min {(single * b[:50]).sum(1).min():.6f}")
    engines = {"float32": fp32, "int8": int8,
               "int8 1 thread": OnnxE5Embedder(model=INT8, threads=1)}
    times: dict[str, list[float]] = {name: [] for name in engines}
    for _ in range(args.rounds):
        for name, engine in engines.items():
            for q in qs[:args.questions]:
                t0 = time.perf_counter()
                engine.embed_queries([q])
                times[name].append((time.perf_counter() - t0) * 1000)
    for name, ms in times.items():
        print(f"{name}: p50 {statistics.median(ms):.2f} ms  p95 {np.percentile(ms, 95):.2f} ms  "
              f"mean {statistics.mean(ms):.2f} ms")


if __name__ == "__main__":
    main()
