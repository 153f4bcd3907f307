"""Several server processes on one index: `rag serve --workers 2` against 1, and how soon an
upload to one process is answered by another.

    python bench/bench_workers.py [--seconds 20] [--clients 8] [--uploads 40] [--cache]
                                  [--index-dir DIR] [--json]

1. Throughput: for 1 and 2 workers, `rag serve --workers N` on a copy of the index (default: the
   seeds, indexed afresh), then ``--clients`` closed-loop clients POST the seed gold questions to
   /ask for ``--seconds``; prints req/s, p50 and p95 of /ask.  The query cache is off unless
   ``--cache`` (with it, repeated questions skip the embedder).
2. Propagation: two `rag serve` processes A and B on one index directory.  ``--uploads`` times,
   a new one-sentence report is POSTed to A; from its 201, B is asked (POST /ask, restricted to
   that document) every 5 ms until it answers with the report's figure; prints p50/p95/max of
   that delay (B checks the index directory every RAG_INDEX_POLL_SECONDS, 0.25 s by default,
   then loads the new generation).

A benchmark, not a test: figures depend on how busy the machine is.  Traffic stays on
127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load_mixed import prepare_index  # noqa: E402
from serving import served  # noqa: E402

from rag.eval import percentile  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests/data/gold_seeds.jsonl"
PLACES = ("Bắc Sơn Bình Gia Cao Lộc Chi Lăng Đình Lập Hữu Lũng Lộc Bình Tràng Định Văn Lãng "
          "Văn Quan Đồng Đăng Na Sầm Mẫu Sơn Tân Thanh Hoàng Đồng Quảng Lạc").split()


def questions() -> list[str]:
    return [json.loads(line)["question"] for line in GOLD.read_text(encoding="utf-8").splitlines()
            if line.strip()]


async def ask_load(url: str, clients: int, seconds: float) -> dict[str, Any]:
    """Closed-loop /ask load; req/s and latency in ms."""
    qs = questions()
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds

    async def client(k: int) -> None:
        nonlocal errors
        async with httpx.AsyncClient(base_url=url, timeout=60) as http:
            i = k
            while time.perf_counter() < deadline:
                t0 = time.perf_counter()
                try:
                    r = await http.post("/ask", json={"question": qs[i % len(qs)]})
                    ok = r.status_code == 200
                except httpx.HTTPError:
                    ok = False
                if ok:
                    latencies.append((time.perf_counter() - t0) * 1000)
                else:
                    errors += 1
                i += clients

    t0 = time.perf_counter()
    await asyncio.gather(*(client(k) for k in range(clients)))
    elapsed = time.perf_counter() - t0
    return {"requests": len(latencies), "errors": errors,
            "req_per_s": round(len(latencies) / elapsed, 1),
            "p50_ms": round(percentile(latencies, 0.5), 1),
            "p95_ms": round(percentile(latencies, 0.95), 1)}


def propagation(index_dir: Path, uploads: int, env: dict[str, str]) -> dict[str, Any]:
    """Delay from an upload's 201 on one process to another process answering from it."""
    delays: list[float] = []
    with served(index_dir, env=env) as a, served(index_dir, env=env) as b, \
            httpx.Client(timeout=60) as http:
        for n in range(uploads):
            place = f"{PLACES[n % len(PLACES)]} {PLACES[(n // len(PLACES)) % len(PLACES)]}"
            figure = f"{n + 1}.{(n * 37) % 900 + 100}"
            doc_id = f"prop-{n}"
            r = http.post(f"{a.url}/documents", json={
                "id": doc_id, "title": f"Báo cáo chè {place}",
                "text": f"Năm 2026, sản lượng chè của {place} đạt {figure} tấn."})
            r.raise_for_status()
            t0 = time.perf_counter()
            while True:
                answer = http.post(f"{b.url}/ask", json={
                    "question": f"Sản lượng chè của {place} năm 2026?",
                    "filters": {"doc_ids": [doc_id]}}).json()
                if answer.get("found") and figure in answer.get("answer", ""):
                    break
                if time.perf_counter() - t0 > 30:
                    raise RuntimeError(f"{doc_id} not answered by the other process in 30 s")
                time.sleep(0.005)
            delays.append((time.perf_counter() - t0) * 1000)
    return {"uploads": uploads, "p50_ms": round(percentile(delays, 0.5), 1),
            "p95_ms": round(percentile(delays, 0.95), 1), "max_ms": round(max(delays), 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--uploads", type=int, default=40)
    ap.add_argument("--cache", action="store_true", help="keep the query cache on")
    ap.add_argument("--index-dir", type=Path, default=None)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    env = {} if args.cache else {"RAG_QUERY_CACHE": "0"}
    report: dict[str, Any] = {"clients": args.clients, "seconds": args.seconds,
                              "query_cache": args.cache, "workers": {}}
    with tempfile.TemporaryDirectory(prefix="rag-workers-") as tmp:
        base = prepare_index(Path(tmp), args.index_dir)
        for workers in (1, 2):
            copy = Path(tmp) / f"index-{workers}"
            shutil.copytree(base, copy)
            with served(copy, env={**env, "RAG_SESSIONS_DB": str(Path(tmp) / "s.db")},
                        args=["--workers", str(workers)]) as server:
                asyncio.run(ask_load(server.url, args.clients, 3))  # warm every worker
                report["workers"][workers] = asyncio.run(
                    ask_load(server.url, args.clients, args.seconds))
        copy = Path(tmp) / "index-prop"
        shutil.copytree(base, copy)
        report["propagation"] = propagation(
            copy, args.uploads, {**env, "RAG_SESSIONS_DB": str(Path(tmp) / "s2.db")})
    one, two = report["workers"][1], report["workers"][2]
    report["ratio_req_per_s"] = round(two["req_per_s"] / one["req_per_s"], 2)
    if args.json:
        print(json.dumps(report, indent=1))
        return
    print(f"/ask, {args.clients} clients, {args.seconds:g} s each, query cache "
          f"{'on' if args.cache else 'off'}")
    print("workers   requests   req/s   p50 ms   p95 ms   errors")
    for workers, row in report["workers"].items():
        print(f"{workers:>7} {row['requests']:>10} {row['req_per_s']:>7} {row['p50_ms']:>8} "
              f"{row['p95_ms']:>8} {row['errors']:>8}")
    print(f"2 workers / 1 worker, req/s: {report['ratio_req_per_s']}")
    p = report["propagation"]
    print(f"upload 201 on one process -> answered by another ({p['uploads']} uploads): "
          f"p50 {p['p50_ms']} ms, p95 {p['p95_ms']} ms, max {p['max_ms']} ms")


if __name__ == "__main__":
    main()
