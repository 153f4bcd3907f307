"""FAISS vector indexes: exact by default, HNSW and IVF selectable; all round-trip on disk."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from index.vectors import VectorIndex


def _unit(n: int, d: int, seed: int = 0, clusters: int = 0) -> np.ndarray:
    """Unit vectors; with ``clusters``, grouped around centres as text embeddings are."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, d)).astype(np.float32)
    if clusters:
        centres = np.random.default_rng(99).standard_normal((clusters, d)).astype(np.float32)
        x = centres[rng.integers(0, clusters, n)] * 3 + x
    return x / np.linalg.norm(x, axis=1, keepdims=True)


@pytest.mark.parametrize("kind", ["flat", "hnsw", "ivf"])
def test_approximate_indexes_find_what_exact_search_finds(kind: str, tmp_path: Path) -> None:
    data = _unit(2000, 64, clusters=40)
    queries = _unit(50, 64, seed=1, clusters=40)
    exact = VectorIndex.build(data, "flat")
    approx = VectorIndex.build(data, kind)
    assert approx.kind == kind and len(approx) == 2000 and approx.dim == 64
    recall = []
    for q in queries:
        want = set(exact.search(q, 10)[0].tolist())
        got = set(approx.search(q, 10)[0].tolist())
        recall.append(len(want & got) / 10)
    assert np.mean(recall) >= 0.9
    approx.save(tmp_path / "v.faiss")
    loaded = VectorIndex.load(tmp_path / "v.faiss", approx.kind, approx.params)
    ids, scores = loaded.search(queries[0], 5)
    assert ids.tolist() == approx.search(queries[0], 5)[0].tolist()
    assert np.all(np.diff(scores) <= 1e-6)  # best first


def test_ivf_on_a_tiny_corpus_falls_back_to_exact() -> None:
    index = VectorIndex.build(_unit(20, 8), "ivf")
    assert index.kind == "flat" and len(index) == 20


def test_empty_and_unknown() -> None:
    empty = VectorIndex.build(np.zeros((0, 8), np.float32), "flat", dim=8)
    assert len(empty) == 0 and empty.search(_unit(1, 8)[0], 5)[0].size == 0
    with pytest.raises(ValueError):
        VectorIndex.build(_unit(5, 8), "lsh")


def test_seed_index_with_hnsw_answers_like_exact(tmp_path: Path) -> None:
    from conftest import SEED_FILES

    from rag.service import RagService
    from rag.settings import Settings

    service = RagService(Settings(index_dir=tmp_path / "idx", vector_index="hnsw"))
    service.index_paths(list(SEED_FILES[1:2]))
    assert service.index.vectors.kind == "hnsw"
    assert service.ask("kim ngạch xuất khẩu 2018?").answer == "769 triệu USD"
