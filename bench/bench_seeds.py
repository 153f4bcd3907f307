"""Benchmark on the seed corpus: index build time, warm search and ask latency, peak RSS.

    python bench/bench_seeds.py [--rounds 5] [--gold tests/data/gold_seeds.jsonl]

A script that prints figures, not a timed test: the machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
import time
from pathlib import Path

from rag.eval import load_gold, percentile
from rag.service import RagService
from rag.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rounds", type=int, default=5, help="passes over the gold questions")
    ap.add_argument("--gold", type=Path, default=ROOT / "tests/data/gold_seeds.jsonl")
    ap.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    args = ap.parse_args()

    questions = [g.question for g in load_gold(args.gold)]
    with tempfile.TemporaryDirectory() as tmp:
        # no query cache: every search and ask embeds as a first-seen question would
        settings = Settings(index_dir=Path(tmp) / "index", seeds_dir=args.seeds, query_cache=0)
        service = RagService(settings)
        t0 = time.perf_counter()
        report = service.index_paths([args.seeds])
        build_s = time.perf_counter() - t0

        t0 = time.perf_counter()
        fresh = RagService(settings)
        fresh.index  # noqa: B018
        load_ms = (time.perf_counter() - t0) * 1000

        for q in questions[:10]:  # warm-up
            fresh.search(q)
        search_ms: list[float] = []
        for _ in range(args.rounds):
            for q in questions:
                t0 = time.perf_counter()
                fresh.search(q)
                search_ms.append((time.perf_counter() - t0) * 1000)
        ask_ms: list[float] = []
        for _ in range(args.rounds):
            for q in questions:
                t0 = time.perf_counter()
                fresh.ask(q)
                ask_ms.append((time.perf_counter() - t0) * 1000)
        embed_ms: list[float] = []
        for q in questions:
            t0 = time.perf_counter()
            fresh.embedder.embed_queries([q])
            embed_ms.append((time.perf_counter() - t0) * 1000)

    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corpus: {len(service.index.docs)} documents, {report.chunks} chunks "
          f"(embedder {service.embedder.backend}/{service.embedder.model})")
    print(f"index build (seeds, cold):   {build_s:8.2f} s   "
          f"({report.chunks / build_s:.1f} chunks/s)")
    print(f"index load:                  {load_ms:8.1f} ms")
    print(f"search latency, warm ({len(search_ms)} queries):")
    print(f"  p50 {statistics.median(search_ms):7.2f} ms   p95 {percentile(search_ms, .95):7.2f} ms"
          f"   max {max(search_ms):7.2f} ms")
    print(f"  of which query embedding p50 {statistics.median(embed_ms):.2f} ms")
    print(f"ask (extractive) latency, warm ({len(ask_ms)} questions):")
    print(f"  p50 {statistics.median(ask_ms):7.2f} ms   p95 {percentile(ask_ms, .95):7.2f} ms"
          f"   max {max(ask_ms):7.2f} ms")
    print(f"ask p50 / search p50: {statistics.median(ask_ms) / statistics.median(search_ms):.2f}")
    print(f"peak RSS: {rss_mb:.0f} MB")


if __name__ == "__main__":
    main()
