"""Resumable indexing: the vector cache beside the index, `rag index` killed mid-embedding and
run again, the write lock left free while `rag index` embeds."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from conftest import SEEDS_DIR, FakeEmbedder, rag_executable

from index import Index
from index.store import write_lock
from index.vectorcache import FILENAME, VectorCache
from rag.embed import embedder_id
from rag.ingest.build import IndexProgress, embed_ahead, index_config
from rag.ingest.folders import load_documents
from rag.service import RagService
from rag.settings import Settings


def _cache_rows(index_dir: Path) -> int:
    path = index_dir / FILENAME
    if not path.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5) as db:
            return int(db.execute("SELECT COUNT(*) FROM vectors").fetchone()[0])
    except sqlite3.OperationalError:  # the table is not made yet
        return 0


def test_vector_cache_keeps_vectors_by_model_and_key(tmp_path):
    cache = VectorCache(tmp_path / "v.sqlite", "m1", 4)
    vecs = np.eye(4, dtype=np.float32)[:2]
    cache.put(["a", "b"], vecs)
    assert cache.has_many(["a", "c", "b"]) == {"a", "b"}
    np.testing.assert_array_equal(cache["b"], vecs[1])
    assert "a" in cache and "c" not in cache and len(cache) == 2
    assert set(cache.get_many(["a", "c"])) == {"a"}
    other = VectorCache(tmp_path / "v.sqlite", "m2", 4)  # another embedder sees nothing
    assert "a" not in other and len(other) == 0
    with pytest.raises(ValueError):
        cache.put(["x"], np.zeros((1, 3), np.float32))
    cache.close()
    again = VectorCache(tmp_path / "v.sqlite", "m1", 4)  # kept on disk
    assert again.has_many(["a", "b"]) == {"a", "b"}
    again.close()
    other.close()


def test_embed_ahead_embeds_only_what_index_and_cache_lack(tmp_path):
    embedder = FakeEmbedder()
    docs = load_documents([SEEDS_DIR])
    config = index_config(embedder_backend=embedder.backend, embedder_model=embedder.model)
    empty = Index.empty(config, embedder.dim)
    seen: list[IndexProgress] = []
    with VectorCache(tmp_path / FILENAME, embedder_id(embedder), embedder.dim) as cache:
        report, keys = embed_ahead(docs[:2], empty, embedder, config, cache, seen.append,
                                   batch=4)
        assert report.embedded == report.passages_to_embed == len(keys) == len(cache) > 4
        assert report.cached == 0
        # progress: totals known before the first batch, then every batch, documents finish
        embedding = [p for p in seen if p.phase == "embedding"]
        assert embedding[0].embedded == 0 and embedding[0].passages == report.embedded
        assert embedding[-1].embedded == report.embedded
        assert embedding[-1].documents_done == embedding[-1].documents == 2
        assert all(p.seconds_left is not None for p in embedding[1:])
        assert embedding[-1].seconds_left == 0
        # all five: the first two come from the cache
        embedder.passages.clear()
        report, keys = embed_ahead(docs, empty, embedder, config, cache, batch=4)
        assert report.cached == len(cache) - report.embedded > 0
        assert len(embedder.passages) == report.embedded == len(keys)
        # a chunker change re-embeds only the passages whose text changed
        embedder.passages.clear()
        smaller = replace(config, chunk_size=600)
        report, _ = embed_ahead(docs, empty, embedder, smaller, cache, batch=4)
        assert 0 < report.embedded < report.embedded + report.cached


def test_index_uses_the_cache_and_reports_it(tmp_path):
    """A rebuild with another chunk size takes the unchanged passages' vectors from the cache;
    the report says how many were embedded and how many came from the cache."""
    embedder = FakeEmbedder()
    index_dir = tmp_path / "index"
    service = RagService(Settings(index_dir=index_dir), embedder=embedder)
    first = service.index_paths([SEEDS_DIR])
    assert first.embedded == first.chunks == 37 and first.to_dict()["cached"] == 0
    assert (index_dir / FILENAME).exists()
    embedder.passages.clear()
    smaller = RagService(Settings(index_dir=index_dir, chunk_size=600), embedder=embedder)
    report = smaller.index_paths([SEEDS_DIR], rebuild=True)
    data = report.to_dict()
    assert data["cached"] > 0 and report.embedded == len(set(embedder.passages)) > 0
    assert report.embedded + data["cached"] == len({c.text for c in smaller.index.chunks})


def test_killed_index_resumes_where_it_stopped(tmp_path, cli_env):
    """`rag index` SIGKILLed while it embeds publishes nothing and keeps every batch it
    finished; while it embeds, the index directory's write lock is free (uploads of running
    servers are not held up); the rerun embeds only the passages that were left."""
    index_dir = tmp_path / "index"
    cmd = [rag_executable(), "index", str(SEEDS_DIR), "--index-dir", str(index_dir), "--json"]
    proc = subprocess.Popen(cmd, env=cli_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 300
        while _cache_rows(index_dir) == 0:
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "no batch was embedded in time"
            time.sleep(0.05)
        t = time.monotonic()
        with write_lock(index_dir, timeout=5):  # taken at once: nobody writes yet
            assert time.monotonic() - t < 1
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    kept = _cache_rows(index_dir)
    assert 0 < kept < 37, kept
    assert not (index_dir / "CURRENT").exists()  # nothing was published

    rerun = subprocess.run(cmd, env=cli_env, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    report = json.loads(rerun.stdout)
    assert report["chunks"] == 37 and report["documents"] == 5
    assert report["cached"] == kept
    assert report["embedded"] == report["passages_to_embed"] == 37 - kept
    assert report["passages_per_second"] > 0
    assert _cache_rows(index_dir) == 37
    # and a third run has nothing to embed at all
    again = json.loads(subprocess.run(cmd, env=cli_env, capture_output=True, text=True,
                                      timeout=600).stdout)
    assert again["embedded"] == again["cached"] == 0 and again["reused"] == 37
