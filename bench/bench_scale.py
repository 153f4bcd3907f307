"""Scale benchmark on generated reports: build, search/ask latency, HNSW recall, accuracy, RSS.

    python bench/bench_scale.py --levels 1000,10000,100000 [--questions 200]
        [--work /tmp/rag-scale] [--cache ~/.cache/rag-bench/embeddings.sqlite]

For each level (about that many chunks) it generates a corpus with bench/gen_corpus.py, builds
the index with the default embedder (passage vectors cached on disk by text hash, so a rerun
embeds nothing new), saves it with the exact (flat) and the approximate (HNSW) FAISS index, and
prints one row per level and index kind: build time and throughput, size on disk, search and
ask latency p50/p95 on generated questions (query cache off), recall@10 of HNSW against exact,
answer accuracy on the generated questions, cold start of `rag serve` to /readyz and its RSS
after answering.  Embedding throughput (passages/s, tokens/s) is printed beside the CPU's
bound: the tokens/s the model's matrix products would reach at this machine's measured
float32 matmul speed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_http import free_port, rss_mb, wait_ready  # noqa: E402
from gen_corpus import write as write_corpus  # noqa: E402

from index import Index, IndexConfig  # noqa: E402
from rag.embed import Embedder, get_embedder  # noqa: E402
from rag.evaluate import answer_key, percentile  # noqa: E402
from rag.ingest import load_documents  # noqa: E402
from rag.service import RagService  # noqa: E402
from rag.settings import Settings  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
# multilingual-e5-small: 12 layers, hidden 384, feed-forward 1536
E5_SMALL_FLOP_PER_TOKEN = 2 * 12 * (4 * 384 * 384 + 2 * 384 * 1536)


class DiskCache:
    """Passage vectors by SHA-1 of their text, in SQLite; queries pass through uncached."""

    def __init__(self, inner: Embedder, path: Path):
        self.inner = inner
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(path)
        self.db.execute("CREATE TABLE IF NOT EXISTS vec (model TEXT, key TEXT, v BLOB, "
                        "PRIMARY KEY (model, key))")
        self.model_key = f"{inner.backend}/{inner.model}"
        self.backend, self.model = inner.backend, inner.model
        self.embedded = 0
        self.embed_seconds = 0.0
        self.tokens = 0

    @property
    def dim(self) -> int:
        return self.inner.dim

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self.inner.embed_queries(texts)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        keys = [hashlib.sha1(t.encode()).hexdigest() for t in texts]
        out = np.zeros((len(texts), self.dim), np.float32)
        missing = []
        for i, k in enumerate(keys):
            row = self.db.execute("SELECT v FROM vec WHERE model=? AND key=?",
                                  (self.model_key, k)).fetchone()
            if row:
                out[i] = np.frombuffer(row[0], np.float32)
            else:
                missing.append(i)
        if missing:
            t0 = time.perf_counter()
            vecs = self.inner.embed_passages([texts[i] for i in missing])
            self.embed_seconds += time.perf_counter() - t0
            self.embedded += len(missing)
            count = getattr(self.inner, "token_count", None)
            if count:
                self.tokens += sum(count(texts[i]) for i in missing)
            for i, v in zip(missing, vecs, strict=True):
                out[i] = v
                self.db.execute("INSERT OR REPLACE INTO vec VALUES (?, ?, ?)",
                                (self.model_key, keys[i], v.astype(np.float32).tobytes()))
            self.db.commit()
        return out


def matmul_gflops(seconds: float = 2.0) -> float:
    """This machine's float32 matrix-product speed (all cores)."""
    a = np.random.default_rng(0).standard_normal((1024, 1024), dtype=np.float32)
    a @ a
    n, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        a @ a
        n += 1
    return 2 * 1024 ** 3 * n / (time.perf_counter() - t0) / 1e9


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def serve_cold_start(index_dir: Path, questions: list[str]) -> tuple[float, float]:
    """Seconds from starting `rag serve` to /readyz 200, and its RSS (MB) after answering."""
    port = free_port()
    env = {**os.environ, "RAG_INDEX_DIR": str(index_dir), "RAG_RATE_LIMIT_PER_MINUTE": "0",
           "RAG_PUBLIC": "true", "RAG_QUERY_CACHE": "0"}
    proc = subprocess.Popen([sys.executable, "-m", "rag.cli", "serve", "--host", "127.0.0.1",
                             "--port", str(port)], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}"
        cold = wait_ready(url, timeout=300)
        for q in questions:
            req = urllib.request.Request(url + "/ask", json.dumps({"question": q}).encode(),
                                         {"Content-Type": "application/json"})
            urllib.request.urlopen(req, timeout=60).read()
        return cold, rss_mb(proc.pid)[0]
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def run_level(level: int, args: argparse.Namespace, embedder: DiskCache) -> list[dict]:
    corpus = args.work / f"gen{level}"
    if not (corpus / "facts.jsonl").exists() or not (corpus / "docs").is_dir():
        write_corpus(corpus, level, args.seed)
    facts = [json.loads(line) for line in (corpus / "facts.jsonl").open(encoding="utf-8")]
    picked = random.Random(1).sample(facts, min(args.questions, len(facts)))
    docs = load_documents([corpus / "docs"])

    flat_cfg = IndexConfig(vector_kind="flat")
    before_embedded, before_seconds, before_tokens = (embedder.embedded, embedder.embed_seconds,
                                                       embedder.tokens)
    t0 = time.perf_counter()
    flat, report = Index.empty(flat_cfg, embedder.dim).updated(docs, embedder, config=flat_cfg)
    build_s = time.perf_counter() - t0
    rows = []
    for kind in ("flat", "hnsw"):
        t1 = time.perf_counter()
        cfg = replace(flat_cfg, vector_kind=kind)
        index = flat if kind == "flat" else Index.from_parts(cfg, flat.dim, flat.docs,
                                                             flat.chunks, flat.embeddings)
        extra = time.perf_counter() - t1
        index_dir = args.work / f"index-{level}-{kind}"
        generation = index.save(index_dir)
        settings = Settings(index_dir=index_dir, query_cache=0, vector_index=kind)
        service = RagService(settings, embedder=embedder.inner)
        retriever = service.retriever()
        search_ms, ask_ms, correct = [], [], 0
        for f in picked:
            t = time.perf_counter()
            retriever.search(f["question"], 5)
            search_ms.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            answer = service.ask(f["question"])
            ask_ms.append((time.perf_counter() - t) * 1000)
            correct += answer.found and answer_key(f["answer"]) in answer_key(answer.answer) \
                and any(c.doc_id == f["doc_id"] for c in answer.citations)
        rows.append({"level": level, "kind": kind, "chunks": len(index),
                     "documents": len(index.docs), "build_s": build_s + extra,
                     "embedded": report.embedded, "size_mb": dir_size(generation) / 2**20,
                     "search_p50": percentile(search_ms, 0.5),
                     "search_p95": percentile(search_ms, 0.95),
                     "ask_p50": percentile(ask_ms, 0.5), "ask_p95": percentile(ask_ms, 0.95),
                     "accuracy": correct / len(picked), "index_dir": str(index_dir)})
    # recall@10 of HNSW against exact, on the questions' vectors
    hnsw = Index.load(args.work / f"index-{level}-hnsw")
    qv = embedder.inner.embed_queries([f["question"] for f in picked])
    hits = 0
    for v in qv:
        exact = set(int(i) for i in flat.vectors.search(v, 10)[0])
        approx = set(int(i) for i in hnsw.vectors.search(v, 10)[0])
        hits += len(exact & approx)
    recall = hits / (10 * len(qv))
    for r in rows:
        r["recall@10"] = recall if r["kind"] == "hnsw" else 1.0
    if not args.no_serve:
        for r in rows:
            r["cold_start_s"], r["rss_mb"] = serve_cold_start(Path(r["index_dir"]),
                                                              [f["question"] for f in picked[:20]])
    emb_n = embedder.embedded - before_embedded
    emb_s = embedder.embed_seconds - before_seconds
    rows[0]["embed"] = {"passages": emb_n, "seconds": emb_s,
                        "tokens": embedder.tokens - before_tokens}
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--levels", default="1000,10000,100000")
    ap.add_argument("--questions", type=int, default=200)
    ap.add_argument("--work", type=Path, default=Path("/tmp/rag-scale"))
    ap.add_argument("--cache", type=Path,
                    default=Path.home() / ".cache/rag-bench/embeddings.sqlite")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--no-serve", action="store_true", help="skip cold start and RSS")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    embedder = DiskCache(get_embedder(), args.cache)
    gflops = matmul_gflops()
    bound = gflops * 1e9 / E5_SMALL_FLOP_PER_TOKEN
    all_rows = []
    print(f"CPU: {os.cpu_count()} cores, float32 matmul {gflops:.1f} GFLOP/s -> "
          f"embedder bound ≈ {bound:,.0f} tokens/s")
    print("| chunks | index | build s | chunks/s | disk MB | search p50/p95 ms | "
          "ask p50/p95 ms | recall@10 | accuracy | cold start s | RSS MB |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for level in (int(x) for x in args.levels.split(",")):
        rows = run_level(level, args, embedder)
        all_rows.extend(rows)
        for r in rows:
            print(f"| {r['chunks']:,} | {r['kind']} | {r['build_s']:.1f} | "
                  f"{r['chunks'] / r['build_s']:.1f} | {r['size_mb']:.1f} | "
                  f"{r['search_p50']:.1f} / {r['search_p95']:.1f} | "
                  f"{r['ask_p50']:.1f} / {r['ask_p95']:.1f} | {r['recall@10']:.3f} | "
                  f"{r['accuracy']:.3f} | {r.get('cold_start_s', float('nan')):.2f} | "
                  f"{r.get('rss_mb', float('nan')):.0f} |", flush=True)
        e = rows[0]["embed"]
        if e["passages"]:
            print(f"  embedded {e['passages']} passages in {e['seconds']:.1f} s: "
                  f"{e['passages'] / e['seconds']:.2f} passages/s, "
                  f"{e['tokens'] / e['seconds']:.0f} tokens/s "
                  f"({e['tokens'] / e['seconds'] / bound:.1%} of the bound)", flush=True)
        else:
            print("  every passage vector came from the cache", flush=True)
    if args.json:
        print(json.dumps(all_rows, indent=1, default=str))


if __name__ == "__main__":
    main()
