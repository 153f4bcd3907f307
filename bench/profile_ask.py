"""Where `ask`'s time goes: reading the question, BM25, the query embedding, the dense search
and the answerer, per question (ms, mean and p50), then the answerer's own functions.

    python bench/profile_ask.py [--set dev|seeds] [--index-dir D] [--rounds 3] [--top 25]

The questions and files are bench/bench_langchain.py's (``dev``: the dev reports' questions
whose gold documents are .txt or .html, over those documents plus seeds/); the index is built
in --index-dir the first time (reused after: only changed documents are embedded).  The query
cache is off and every question is asked once before the timed rounds, so that per-index
work done once (frames parsed, the speller built) is not counted.  Phases are timed by
wrapping the functions that do them (``time.perf_counter``); the functions of the answerer are
then listed from one cProfile round (cumulative ms per question; cProfile's own overhead
inflates them, the shares are what to read).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_langchain import gold_and_files  # noqa: E402

from rag.answer.answerer import Answerer  # noqa: E402
from rag.records import AskOptions  # noqa: E402
from rag.service import RagService  # noqa: E402
from rag.settings import Settings  # noqa: E402

PHASES = ("read", "bm25", "embed", "dense", "answerer")


def timed(spent: dict[str, float], phase: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    """``fn`` adding its wall time (ms) to ``spent[phase]``."""
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[phase] += (time.perf_counter() - t) * 1000
    return wrapper


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default="dev", choices=("dev", "seeds"))
    ap.add_argument("--index-dir", type=Path, default=Path("/tmp/profile-ask-index"))
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--top", type=int, default=25, help="answerer functions listed")
    args = ap.parse_args()
    gold, files = gold_and_files(args.set)
    service = RagService(Settings(index_dir=args.index_dir, query_cache=0))
    service.index_paths(files)
    index = service.index
    spent: dict[str, float] = defaultdict(float)
    # wrap the objects this service answers with (instances and the Answerer class)
    import rag.service.service as service_module

    service_module.read_question = timed(spent, "read", service_module.read_question)
    index.lexical.scores = timed(spent, "bm25", index.lexical.scores)  # type: ignore[method-assign]
    service.embedder.embed_queries = timed(  # type: ignore[method-assign]
        spent, "embed", service.embedder.embed_queries)
    index.vectors.search = timed(spent, "dense", index.vectors.search)  # type: ignore
    Answerer.answer = timed(spent, "answerer", Answerer.answer)  # type: ignore[method-assign]
    options = AskOptions(hits=5)
    questions = [g["question"] for g in gold]
    for q in questions:  # warm: frames, speller, sessions
        service.ask_with_hits(q, options)
    rows: list[dict[str, float]] = []
    for _ in range(args.rounds):
        for q in questions:
            spent.clear()
            t = time.perf_counter()
            service.ask_with_hits(q, options)
            row = dict(spent)
            row["total"] = (time.perf_counter() - t) * 1000
            row["embedded"] = 1.0 if spent.get("embed") else 0.0
            rows.append(row)
    n = len(rows)
    embedded = sum(r["embedded"] for r in rows) / args.rounds
    print(f"{args.set}: {len(questions)} questions over {len(files)} files, {args.rounds} "
          f"rounds; {embedded:.0f} questions a round reach the embedder; load "
          f"{Path('/proc/loadavg').read_text().split()[0]}")
    print("| phase | mean ms / question | p50 ms | share of total |")
    print("|---|---|---|---|")
    total = sum(r["total"] for r in rows)
    accounted = [0.0] * n
    for phase in PHASES:
        values = [r.get(phase, 0.0) for r in rows]
        for i, v in enumerate(values):
            accounted[i] += v
        print(f"| {phase} | {sum(values) / n:.2f} | {statistics.median(values):.2f} | "
              f"{sum(values) / total:.0%} |")
    other = [r["total"] - a for r, a in zip(rows, accounted, strict=True)]
    print(f"| other (retrieval's fusion, pages, ...) | {sum(other) / n:.2f} | "
          f"{statistics.median(other):.2f} | {sum(other) / total:.0%} |")
    print(f"| **total** | {total / n:.2f} | {statistics.median(r['total'] for r in rows):.2f} "
          f"| 100% |")
    profile = cProfile.Profile()
    profile.enable()
    for q in questions:
        service.ask_with_hits(q, options)
    profile.disable()
    stats = pstats.Stats(profile)
    listed = [(cum, tot, calls, f"{Path(file).parent.name}/{Path(file).name}:{line} {name}")
              for (file, line, name), (_cc, calls, tot, cum, _callers)
              in stats.stats.items()  # type: ignore[attr-defined]
              if "/rag/" in file or "/index/" in file]
    listed.sort(reverse=True)
    print(f"\ncProfile, one round: cumulative / own ms per question ({len(questions)} "
          "questions)")
    for cum, tot, calls, where in listed[:args.top]:
        print(f"{cum * 1000 / len(questions):8.2f} {tot * 1000 / len(questions):8.2f} "
              f"{calls:8d}  {where}")


if __name__ == "__main__":
    main()
