"""Load benchmark of `rag serve` on loopback with wrk: /ask at 1 and 16 concurrent clients.

    python bench/bench_http.py [--seconds 20] [--index-dir DIR]

Starts `rag serve` on a free loopback port (rate limit off), indexes the seeds into a temporary
index unless --index-dir is given, runs wrk (Debian package `wrk`) with bench/ask.lua, and
prints requests/s, p50/p95 latency, error counts and the server's RSS.  Traffic stays on
127.0.0.1 and every run is bounded in time.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serving import served  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def run_wrk(url: str, clients: int, seconds: int, gold: Path) -> dict[str, float]:
    threads = min(clients, 2)
    out = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{clients}", f"-d{seconds}s", "--timeout", "10s",
         "-s", str(ROOT / "bench/ask.lua"), url, "--", str(gold)],
        capture_output=True, text=True, timeout=seconds + 60, check=True).stdout
    line = next(ln for ln in out.splitlines() if ln.startswith("RESULT "))
    return {k: float(v) for k, v in (kv.split("=") for kv in line.split()[1:])}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seconds", type=int, default=20)
    ap.add_argument("--index-dir", type=Path, default=None)
    ap.add_argument("--gold", type=Path, default=ROOT / "tests/data/gold_seeds.jsonl")
    ap.add_argument("--no-cache", action="store_true",
                    help="RAG_QUERY_CACHE=0: every question is embedded, as a first-seen one is")
    args = ap.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install -y wrk")
    tmp = tempfile.mkdtemp(prefix="rag-bench-")
    env = {"RAG_SESSIONS_DB": f"{tmp}/sessions.db"}
    if args.no_cache:
        env["RAG_QUERY_CACHE"] = "0"
    print(f"query cache: {'off' if args.no_cache else 'on (the gold questions repeat)'}")
    index_dir = args.index_dir or Path(tmp) / "index"
    if args.index_dir is None:
        subprocess.run([sys.executable, "-m", "api.cli", "index", "--index-dir",
                        str(index_dir), str(ROOT / "seeds")], check=True,
                       capture_output=True)
    try:
        with served(index_dir, env=env) as server:
            print(f"rag serve cold start (process start to /readyz 200): "
                  f"{server.cold_start_s:.2f} s")
            print(f"server RSS after start: {server.rss_mb()[0]:.0f} MB")
            run_wrk(server.url, 1, 3, args.gold)  # warm-up
            print(f"{'clients':>7} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
                  f"{'requests':>9} {'errors':>7}")
            for clients in (1, 16):
                r = run_wrk(server.url, clients, args.seconds, args.gold)
                errors = sum(v for k, v in r.items() if k.startswith("errors_"))
                print(f"{clients:>7} {r['rps']:>8.1f} {r['p50_ms']:>8.1f} {r['p95_ms']:>8.1f} "
                      f"{r['p99_ms']:>8.1f} {int(r['requests']):>9} {int(errors):>7}")
            now, peak = server.rss_mb()
            print(f"server RSS after load: {now:.0f} MB (peak {peak:.0f} MB)")
    except RuntimeError as exc:
        raise SystemExit(f"bench_http: {exc}") from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
