"""`ask`'s time in two checkouts of this code, side by side on the same questions and index:
the ratio of their mean times, robust to the load of a shared machine because rounds
interleave (each checkout answers every question once a round, in a process of its own).

    python bench/ask_ab.py BEFORE_TREE AFTER_TREE --index-dir D [--set dev] [--rounds 5]

e.g. ``git worktree add /tmp/before REV`` for BEFORE_TREE.  The questions and files are
bench/bench_langchain.py's; the index in --index-dir is built first if missing (by
AFTER_TREE's code) and each checkout answers from a copy of its own; the query cache is off.
Each round also checks that both checkouts gave the same answers (text, confidence, found,
citations): a difference is printed and ends the run with exit status 1.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_langchain import gold_and_files  # noqa: E402


def worker(set_name: str, index_dir: str) -> None:
    """Answer every question once per line read on stdin; print the times and answers."""
    from rag.records import AskOptions
    from rag.service import RagService
    from rag.settings import Settings

    gold, _files = gold_and_files(set_name)
    service = RagService(Settings(index_dir=Path(index_dir), query_cache=0))
    options = AskOptions(hits=5)
    questions = [g["question"] for g in gold]
    for q in questions:  # warm: frames, speller
        service.ask_with_hits(q, options)
    print(json.dumps({"ready": True}), flush=True)
    for _line in sys.stdin:
        ms, answers = [], []
        for q in questions:
            t = time.perf_counter()
            answer, _result = service.ask_with_hits(q, options)
            ms.append((time.perf_counter() - t) * 1000)
            d = asdict(answer)
            answers.append([d["answer"], d["found"], d["confidence"], d["citations"]])
        print(json.dumps({"ms": ms, "answers": answers}, default=str), flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("trees", nargs=2, type=Path, metavar="TREE")
    ap.add_argument("--index-dir", type=Path, required=True)
    ap.add_argument("--set", default="dev", choices=("dev", "seeds"))
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--worker", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(*args.worker)
        return
    trees = [t.resolve() for t in args.trees]
    if not (args.index_dir / "manifest.json").exists() and not args.index_dir.is_dir():
        _gold, files = gold_and_files(args.set)
        subprocess.run([sys.executable, "-m", "api.cli", "index", *map(str, files),
                        "--index-dir", str(args.index_dir)], check=True, cwd=trees[1],
                       env={**os.environ, "PYTHONPATH": str(trees[1])},
                       stdout=subprocess.DEVNULL)
    print(f"load before: {Path('/proc/loadavg').read_text().strip()}", flush=True)
    tmp = Path(tempfile.mkdtemp(prefix="ask-ab-"))
    procs = []
    for i, tree in enumerate(trees):
        copy = tmp / f"index-{i}"
        shutil.copytree(args.index_dir, copy)
        env = {k: v for k, v in os.environ.items() if not k.startswith("RAG_")}
        env["PYTHONPATH"] = str(tree)
        procs.append(subprocess.Popen([sys.executable, __file__, "x", "x", "--index-dir",
                                       str(copy), "--worker", args.set, str(copy)],
                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                      env=env, cwd=tree))
    try:
        for p in procs:
            json.loads(p.stdout.readline())  # type: ignore[union-attr]
        rounds: list[list[dict[str, Any]]] = [[], []]
        for r in range(args.rounds):
            order = procs if r % 2 == 0 else procs[::-1]
            for p in order:
                p.stdin.write("round\n")  # type: ignore[union-attr]
                p.stdin.flush()  # type: ignore[union-attr]
                rounds[procs.index(p)].append(json.loads(p.stdout.readline()))  # type: ignore
            a, b = rounds[0][-1]["answers"], rounds[1][-1]["answers"]
            differ = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
            means = [statistics.fmean(rounds[k][-1]["ms"]) for k in (0, 1)]
            print(f"round {r + 1}: mean ms {means[0]:.2f} / {means[1]:.2f} "
                  f"(after/before {means[1] / means[0]:.3f}); answers that differ: "
                  f"{len(differ)}", flush=True)
            if differ:
                for i in differ[:5]:
                    print(f"  question {i}: {a[i]}\n           -> {b[i]}")
                sys.exit(1)
    finally:
        for p in procs:
            p.stdin.close()  # type: ignore[union-attr]
            p.wait()
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"load after: {Path('/proc/loadavg').read_text().strip()}")
    for k, tree in enumerate(trees):
        ms = [x for rd in rounds[k] for x in rd["ms"]]
        print(f"{tree}: mean {statistics.fmean(ms):.2f} ms, p50 {statistics.median(ms):.2f} "
              f"ms, {1000 * len(ms) / sum(ms):.1f} q/s over {len(ms)} questions")
    pooled = [statistics.fmean(x for rd in rounds[k] for x in rd["ms"]) for k in (0, 1)]
    per_round = [statistics.fmean(b["ms"]) / statistics.fmean(a["ms"])
                 for a, b in zip(rounds[0], rounds[1], strict=True)]
    print(f"after / before, mean time: {pooled[1] / pooled[0]:.3f} pooled, per round "
          f"{min(per_round):.3f}–{max(per_round):.3f}")


if __name__ == "__main__":
    main()
