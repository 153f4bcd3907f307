"""Fit the sentence chooser (rag/answer/sentence_chooser.json): which sentence answers a
statement question (ai, gì, đâu, khi nào, vì sao …).

    pip install -e ".[train]"     # scikit-learn, for fitting only
    python bench/fit_sentences.py [--work /tmp/rag-sentences] [--reuse] [--cosine] [--gbm]
        [--out rag/answer/sentence_chooser.json] [--reader READER.json]

Data: every question asked through the service as `rag ask` asks it (hand-set statement
score, statement check off), the sentences the answerer then considered recorded with their
evidence (``rag.answer.chooser.sentence_rows``) and labelled by the evaluation's own judge
(``rag.eval.metrics.has_gold_answer``: the sentence holds a gold answer): XQuAD-vi dev over an
index of all its passages, and the seed gold and dev-reports questions over seeds + dev
reports.  Only questions answered on the statement path have rows.

Validation: 5 folds grouped by XQuAD article (``xquad-vi-NN-PP``: article NN) or by a dev or
seed question's gold document, so no article is on both sides; a question is right when the
sentence its fold's model ranks first holds a gold answer.  Printed: that out-of-fold sentence
accuracy per fold and overall beside the hand-set score's on the same sentences, the same
with each family of evidence (``rag.answer.chooser.FAMILIES``) left out, with ``--cosine``
the default embedder's question–sentence cosine added (computed here, not by the product),
with ``--gbm`` gradient boosting in place of the logistic regression.  Writes the logistic
regression fitted on all rows.

``--reader FILE`` (issue 18 spike) adds a cross-encoder's score of each (question, sentence)
row and its gap to the question's best, written by ``bench/train_reader.py score`` from this
run's WORK/rows.json: out of fold, each XQuAD question scored by the reader model not trained
on its article's fold (article % 2); the seeds' and dev reports' questions, which no reader
saw, by both models' mean.  The chooser's folds stay 5 by article, so a test question's reader
score never comes from a model that saw its article (the fitted weights do come from training
questions scored by a model that saw the test fold's other-parity articles: second order);
the rows are printed again with 2 folds by the reader's own split (XQuAD article % 2, the rest
by their gold document's crc32 % 2), where that holds for every question of a test fold too.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from eval_table import rag  # noqa: E402  (`python -m api.cli ARGS`, exit on failure)

from rag.answer.chooser import DEFAULT_PATH, FAMILIES, FEATURES, SentenceChooser  # noqa: E402
from rag.eval import load_gold  # noqa: E402
from rag.eval.gold import GoldQuestion  # noqa: E402
from rag.eval.metrics import has_gold_answer  # noqa: E402
from rag.records import AskOptions  # noqa: E402
from rag.service import RagService  # noqa: E402
from rag.settings import Settings  # noqa: E402

XQUAD = ROOT.parent / "shared/bench/xquad-vi"
DEV = ROOT.parent / "shared/dev-reports"
C_GRID = (0.01, 0.1, 1.0, 10.0)
# The families the shipped model reads: leaving "position" out did not lower the out-of-fold
# accuracy (0.819 without, 0.817 with, bench/fit_sentences.py, 2026-11-30), so it earns no place.
SHIPPED = ("lexical", "kind", "passage")


class Recorder:
    """A sentence chooser that picks as the hand-set score does (the first of the highest
    scores) and keeps the rows it was shown, the last call last."""

    def __init__(self) -> None:
        self.seen: list[list[Any]] = []

    def choose(self, rows: list[Any]) -> Any:
        """Keep ``rows``; the first row of the highest hand-set score."""
        self.seen.append(list(rows))
        best = None
        for row in rows:
            if best is None or row.score > best.score:
                best = row
        return best


def record(index_dir: Path, golds: list[tuple[GoldQuestion, str]], source: str,
           cosine: bool) -> list[dict[str, Any]]:
    """One record per question (gold, group) over ``index_dir``: its statement rows
    (features, label, sentence text) when answered on the statement path, and whether the
    answer given (hand-set choice, no statement check) holds a gold answer."""
    service = RagService(Settings(index_dir=index_dir, statement_check="off",
                                  sentence_chooser="hand", query_cache=0))
    recorder = Recorder()
    service.sentence_chooser = recorder  # type: ignore[assignment]
    vectors: dict[str, np.ndarray] = {}
    out = []
    for g, group in golds:
        recorder.seen.clear()
        answer, result = service.ask_with_hits(g.question, AskOptions(today=g.today))
        read = {h.chunk.id for h in result.hits}
        rows = recorder.seen[-1] if recorder.seen else []
        if rows and not {r.hit.chunk.id for r in rows} <= read:
            rows = []  # the last pick was not of the final pass (the statement path not taken)
        item: dict[str, Any] = {
            "id": g.id, "group": group, "source": source, "answerable": g.answerable,
            "product_right": bool(g.answerable and answer.found and answer.answer_sentence
                                  and has_gold_answer(answer.answer_sentence, g)),
            "features": [list(r.features) for r in rows],
            "labels": [int(g.answerable and has_gold_answer(r.ps.text, g)) for r in rows],
            "question": g.question, "sentences": [r.ps.text.strip() for r in rows],
        }
        if cosine and rows:
            q = service.embedder.embed_queries([answer.resolved_question or g.question])[0]
            todo = [r.ps.text.strip() for r in rows if r.ps.text.strip() not in vectors]
            todo = list(dict.fromkeys(todo))
            if todo:
                for text, v in zip(todo, service.embedder.embed_passages(todo), strict=True):
                    vectors[text] = v
            item["cosine"] = [float(vectors[r.ps.text.strip()] @ q) for r in rows]
        out.append(item)
    print(f"{source}: {sum(bool(i['features']) for i in out)} statement questions of "
          f"{len(out)}", flush=True)
    return out


def xquad_golds() -> list[tuple[GoldQuestion, str]]:
    """XQuAD-vi dev questions, grouped by article."""
    out = []
    for line in (XQUAD / "questions.dev.jsonl").read_text(encoding="utf-8").splitlines():
        q = json.loads(line)
        g = GoldQuestion(q["id"], q["question"], tuple(q["answers"]), tuple(q["doc_ids"]))
        out.append((g, f"xquad-{int(q['doc_ids'][0].split('-')[2])}"))
    return out


def dev_golds() -> list[tuple[GoldQuestion, str]]:
    """The seed gold and dev-reports questions, grouped by their gold document."""
    out = []
    for path in [ROOT / "tests/data/gold_seeds.jsonl", *sorted(DEV.glob("questions*.jsonl"))]:
        for g in load_gold(path):
            out.append((g, g.doc_ids[0] if g.doc_ids else f"none-{g.id}"))
    return out


def matrix(items: list[dict[str, Any]], columns: list[int], cosine: bool,
           reader: bool = False) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(X, y, question index) over every row of ``items``: the feature ``columns`` (indexes
    into FEATURES), then the cosine and its gap to the question's best when ``cosine``, then
    the reader's score and its gap when ``reader``."""
    xs, ys, qs = [], [], []
    for k, item in enumerate(items):
        feats = np.array(item["features"], dtype=np.float64)
        cols = [feats[:, columns]]
        if cosine:
            cos = np.array(item["cosine"])[:, None]
            cols += [cos, cos - cos.max()]
        if reader:
            rd = np.array(item["reader"])[:, None]
            cols += [rd, rd - rd.max()]
        xs.append(np.hstack(cols))
        ys += item["labels"]
        qs += [k] * len(item["labels"])
    return np.vstack(xs), np.array(ys), np.array(qs)


def picks_right(scores: np.ndarray, y: np.ndarray, q: np.ndarray, n: int) -> np.ndarray:
    """Per question 0..n-1: whether its highest-scored row (the first of equals) is right."""
    out = np.zeros(n, bool)
    best = np.full(n, -np.inf)
    for s, label, k in zip(scores, y, q, strict=True):
        if s > best[k]:
            best[k], out[k] = s, bool(label)
    return out


class Listwise:
    """A linear score fitted with a softmax over each question's sentences (conditional
    logit: the right sentence against its question's others), L2-penalised by 1 / ``c``, on
    standardised features; ``predict_proba`` gives each row's score in column 1 (for ranking
    within a question only).  ``fit`` needs the rows' question index ``q``."""

    def __init__(self, c: float):
        self.c = c

    def fit(self, X: np.ndarray, y: np.ndarray, q: np.ndarray) -> Listwise:
        from scipy.optimize import minimize

        self.mean_, self.scale_ = X.mean(axis=0), X.std(axis=0)
        self.scale_[self.scale_ == 0] = 1.0
        Z = (X - self.mean_) / self.scale_
        _, qi = np.unique(q, return_inverse=True)
        n_q = qi.max() + 1
        pos = np.bincount(qi, weights=y, minlength=n_q)

        def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
            s = Z @ w
            m = np.full(n_q, -np.inf)
            np.maximum.at(m, qi, s)
            e = np.exp(s - m[qi])
            den = np.bincount(qi, weights=e, minlength=n_q)
            p = e / den[qi]
            # -log of the softmax mass on the right sentences of each question
            num = np.bincount(qi, weights=e * y, minlength=n_q)
            keep = pos > 0
            value = -np.sum(np.log(num[keep] / den[keep])) + 0.5 / self.c * w @ w
            right = (e * y) / num[qi].clip(1e-300)
            grad = -Z.T @ ((right - p) * keep[qi]) + w / self.c
            return float(value), grad

        self.coef_ = minimize(loss, np.zeros(Z.shape[1]), jac=True, method="L-BFGS-B").x
        return self

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        s = ((X - self.mean_) / self.scale_) @ self.coef_
        return np.column_stack([-s, s])


def make_model(kind: str, c: float) -> Any:
    """The model: a standardised logistic regression (scikit-learn), gradient boosting
    (scikit-learn) or :class:`Listwise`."""
    from sklearn.ensemble import GradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    if kind == "listwise":
        return Listwise(c)
    if kind == "gbm":
        return GradientBoostingClassifier(n_estimators=150, max_depth=3, learning_rate=0.05,
                                          subsample=0.8, random_state=0)
    return make_pipeline(StandardScaler(), LogisticRegression(C=c, max_iter=2000))


def parity(group: str) -> int:
    """The reader's fold of a question group: XQuAD article % 2, else crc32 of the group % 2."""
    import zlib

    if group.startswith("xquad-"):
        return int(group.split("-")[1]) % 2
    return zlib.crc32(group.encode("utf-8")) % 2


def out_of_fold(items: list[dict[str, Any]], columns: list[int], cosine: bool, kind: str,
                c: float, folds: int = 5, reader: bool = False, by_parity: bool = False
                ) -> tuple[np.ndarray, list[np.ndarray]]:
    """Per question, whether the out-of-fold pick is right; and the folds' question masks.
    ``by_parity``: 2 folds by :func:`parity` in place of ``folds`` group folds."""
    from sklearn.model_selection import GroupKFold

    X, y, q = matrix(items, columns, cosine, reader)
    groups = np.array([items[k]["group"] for k in q])
    right = np.zeros(len(items), bool)
    masks = []
    if by_parity:
        side = np.array([parity(str(g)) for g in groups])
        splits = [(np.flatnonzero(side != f), np.flatnonzero(side == f)) for f in (0, 1)]
    else:
        splits = list(GroupKFold(n_splits=folds).split(X, y, groups))
    for train, test in splits:
        model = make_model(kind, c)
        model = model.fit(X[train], y[train], q[train]) if kind == "listwise" else \
            model.fit(X[train], y[train])
        scores = model.predict_proba(X[test])[:, 1]
        test_q = np.unique(q[test])
        got = picks_right(scores, y[test], np.searchsorted(test_q, q[test]), len(test_q))
        right[test_q] = got
        mask = np.zeros(len(items), bool)
        mask[test_q] = True
        masks.append(mask)
    return right, masks


def stage_two(items: list[dict[str, Any]], logits: np.ndarray, q: np.ndarray, top: int
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[int]]:
    """The rows the reranker reads: each question's ``top`` rows by the first stage's
    ``logits``, as (X, y, question index, their row numbers); X is the logit, the cosine and
    the cosine's gap to the best of those rows."""
    xs, ys, qs, where = [], [], [], []
    start = 0
    for k, item in enumerate(items):
        n = len(item["labels"])
        assert (q[start:start + n] == k).all()
        order = np.argsort(-logits[start:start + n], kind="stable")[:top]
        cos = np.array(item["cosine"])[order]
        for r, c in zip(order, cos, strict=True):
            xs.append([logits[start + r], c, c - cos.max()])
            ys.append(item["labels"][r])
            qs.append(k)
            where.append(start + r)
        start += n
    return np.array(xs), np.array(ys), np.array(qs), where


def two_stage_oof(items: list[dict[str, Any]], c: float, top: int, folds: int = 5
                  ) -> np.ndarray:
    """Per question, whether the out-of-fold pick of the two stages is right: the logistic
    regression over every family, then among its ``top`` sentences a listwise reranker over
    its logit and the embedder's cosine (:func:`stage_two`)."""
    from sklearn.model_selection import GroupKFold

    every = list(range(len(FEATURES)))
    X, y, q = matrix(items, every, False)
    groups = np.array([items[k]["group"] for k in q])
    right = np.zeros(len(items), bool)
    for train, _ in GroupKFold(n_splits=folds).split(X, y, groups):
        first = make_model("lr", c).fit(X[train], y[train])
        logits = first.decision_function(X)
        X2, y2, q2, _ = stage_two(items, logits, q, top)
        train_q = np.zeros(len(items), bool)
        train_q[np.unique(q[train])] = True
        fit = train_q[q2]
        second = Listwise(1.0).fit(X2[fit], y2[fit], q2[fit])
        scores = second.predict_proba(X2[~fit])[:, 1]
        test_q = np.unique(q2[~fit])
        right[test_q] = picks_right(scores, y2[~fit], np.searchsorted(test_q, q2[~fit]),
                                    len(test_q))
    return right


def hand_right(items: list[dict[str, Any]]) -> np.ndarray:
    """Per question: whether the hand-set score's pick (first of the highest) is right."""
    k = FEATURES.index("hand_score")
    return np.array([bool(item["labels"][int(np.argmax(np.array(item["features"])[:, k]))])
                     for item in items])


def main() -> None:
    """Record, validate by group folds (with ablations), fit on all, save."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--work", type=Path, default=Path("/tmp/rag-sentences"))
    ap.add_argument("--out", type=Path, default=DEFAULT_PATH)
    ap.add_argument("--reuse", action="store_true",
                    help="fit on the rows recorded by the last run (WORK/rows.json)")
    ap.add_argument("--cosine", action="store_true",
                    help="also record the embedder's question-sentence cosine (ablation only)")
    ap.add_argument("--gbm", action="store_true", help="also validate gradient boosting")
    ap.add_argument("--reader", type=Path,
                    help="out-of-fold cross-encoder scores (bench/train_reader.py score): "
                         "print the reader rows and stop")
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    cache = args.work / "rows.json"
    if args.reuse and cache.exists():
        everything = json.loads(cache.read_text(encoding="utf-8"))
    else:
        rag("index", str(XQUAD / "passages.jsonl"), "--index-dir", str(args.work / "xquad"))
        everything = record(args.work / "xquad", xquad_golds(), "xquad", args.cosine)
        rag("index", str(ROOT / "seeds"), str(DEV / "docs"), "--index-dir",
            str(args.work / "dev"))
        everything += record(args.work / "dev", dev_golds(), "dev+seeds", args.cosine)
        cache.write_text(json.dumps(everything), encoding="utf-8")
    have_cosine = all("cosine" in i for i in everything if i["features"])
    # rows of questions whose sentences hold no gold answer teach nothing about the choice
    items = [i for i in everything if i["features"] and any(i["labels"])]
    if args.reader:
        reader_rows(items, json.loads(args.reader.read_text(encoding="utf-8")), have_cosine)
        return
    xq = np.array([i["source"] == "xquad" for i in items])
    n_xquad = sum(i["source"] == "xquad" for i in everything)
    off_path = sum(i["product_right"] for i in everything
                   if i["source"] == "xquad" and not i["features"])
    print(f"questions: {len(everything)}; on the statement path with a right sentence among "
          f"those read: {len(items)} ({int(xq.sum())} XQuAD); XQuAD questions answered off "
          f"that path and right: {off_path} of "
          f"{sum(i['source'] == 'xquad' and not i['features'] for i in everything)}")
    every = list(range(len(FEATURES)))
    # the regularisation: the grid value with the best out-of-fold accuracy, all features
    best_c = max(C_GRID, key=lambda c: out_of_fold(items, every, False, "lr", c)[0].mean())
    right, masks = out_of_fold(items, every, False, "lr", best_c)
    hand = hand_right(items)

    def line(name: str, got: np.ndarray) -> str:
        per_fold = " / ".join(f"{got[m].mean():.3f}" for m in masks)
        return (f"| {name} | {got.mean():.3f} | {got[xq].mean():.3f} | {got[~xq].mean():.3f} "
                f"| {per_fold} |")

    print(f"\nout of fold (5 folds by article / document), C = {best_c}; accuracy over the "
          f"questions with a right sentence among those read")
    print("| chooser | all | XQuAD | dev+seeds | folds |")
    print("|---|---|---|---|---|")
    print(line("hand-set score (before)", hand))
    print(line("fitted, every family", right))
    for family, names in FAMILIES.items():
        cols = [k for k, f in enumerate(FEATURES) if f not in names]
        print(line(f"without {family}", out_of_fold(items, cols, False, "lr", best_c)[0]))
    for family, names in FAMILIES.items():
        cols = [k for k, f in enumerate(FEATURES) if f in names]
        print(line(f"{family} alone", out_of_fold(items, cols, False, "lr", best_c)[0]))
    if have_cosine:
        print(line("every family + cosine", out_of_fold(items, every, True, "lr", best_c)[0]))
        print(line("cosine alone", picks_right_cos(items)))
    best_cl = max(C_GRID, key=lambda c: out_of_fold(items, every, False, "listwise",
                                                      c)[0].mean())
    print(line(f"listwise (C = {best_cl}), every family",
               out_of_fold(items, every, False, "listwise", best_cl)[0]))
    if have_cosine:
        print(line("listwise + cosine", out_of_fold(items, every, True, "listwise",
                                                    best_cl)[0]))
    if have_cosine:
        for top in (2, 3, 4, 5):
            print(line(f"two stages: fitted, then cosine among its top {top}",
                       two_stage_oof(items, best_c, top)))
    if args.gbm:
        print(line("gradient boosting, every family",
                   out_of_fold(items, every, False, "gbm", best_c)[0]))
        if have_cosine:
            print(line("gradient boosting + cosine",
                       out_of_fold(items, every, True, "gbm", best_c)[0]))
    # the whole XQuAD-vi dev set: questions off the statement path keep their answer
    on_path = int(right[xq].sum())
    print(f"\nXQuAD-vi dev, every question (off-path answers as given, no statement check): "
          f"hand {(int(hand[xq].sum()) + off_path) / n_xquad:.3f}, "
          f"fitted out of fold {(on_path + off_path) / n_xquad:.3f}")
    shipped = [k for k, f in enumerate(FEATURES)
               if any(f in FAMILIES[name] for name in SHIPPED)]
    ship_c = max(C_GRID, key=lambda c: out_of_fold(items, shipped, False, "lr", c)[0].mean())
    ship_right = out_of_fold(items, shipped, False, "lr", ship_c)[0]
    print(line(f"shipped: {', '.join(SHIPPED)} (C = {ship_c})", ship_right))
    print(f"XQuAD-vi dev, every question, shipped: "
          f"{(int(ship_right[xq].sum()) + off_path) / n_xquad:.3f}")
    X, y, _ = matrix(items, shipped, False)
    model = make_model("lr", ship_c).fit(X, y)
    scaler, lr = model[0], model[-1]
    chooser = SentenceChooser(
        features=tuple(FEATURES[k] for k in shipped), mean=tuple(map(float, scaler.mean_)),
        scale=tuple(float(s) if s > 0 else 1.0 for s in scaler.scale_),
        coef=tuple(float(c) for c in lr.coef_[0]), intercept=float(lr.intercept_[0]),
        trained={"data": "XQuAD-vi dev + seed gold + dev reports (statement path)",
                 "folds": "5, grouped by article / gold document", "C": ship_c,
                 "families": list(SHIPPED), "questions": len(items), "rows": int(len(y)),
                 "validation": {"out_of_fold": round(float(ship_right.mean()), 4),
                                "xquad": round(float(ship_right[xq].mean()), 4),
                                "dev+seeds": round(float(ship_right[~xq].mean()), 4),
                                "hand_set": round(float(hand.mean()), 4),
                                "folds": [round(float(ship_right[m].mean()), 4)
                                          for m in masks]}})
    chooser.save(args.out)
    print(f"wrote {args.out}")


def reader_rows(items: list[dict[str, Any]], scores: dict[str, list[float]],
                have_cosine: bool) -> None:
    """The ``--reader`` table: the shipped families, with the reader's score, with the reader
    and the cosine, the listwise variants and the reader alone, over 5 folds by article and
    over 2 by the reader's split (:func:`parity`)."""
    for item in items:
        item["reader"] = scores[f"{item['source']}/{item['id']}"]
        assert len(item["reader"]) == len(item["labels"])
    xq = np.array([i["source"] == "xquad" for i in items])
    shipped = [k for k, f in enumerate(FEATURES)
               if any(f in FAMILIES[name] for name in SHIPPED)]
    every = list(range(len(FEATURES)))
    alone = np.array([bool(i["labels"][int(np.argmax(i["reader"]))]) for i in items])
    print(f"{len(items)} questions ({int(xq.sum())} XQuAD)")
    for by_parity in (False, True):
        print(f"\n{'2 folds by article % 2 (reader split)' if by_parity else '5 folds by article'}")
        print("| chooser | all | XQuAD | dev+seeds |")
        print("|---|---|---|---|")

        def row(name: str, got: np.ndarray) -> None:
            print(f"| {name} | {got.mean():.3f} | {got[xq].mean():.3f} | {got[~xq].mean():.3f} |",
                  flush=True)

        row("hand-set score", hand_right(items))
        row("reader alone", alone)
        if have_cosine:
            row("cosine alone", picks_right_cos(items))
        variants = [("lr", "shipped (lr)", shipped), ("listwise", "listwise, every family", every),
                    ("listwise", "listwise, shipped families", shipped)]
        for kind, name, cols in variants:
            c = max(C_GRID, key=lambda c: out_of_fold(items, cols, False, kind, c,
                                                      by_parity=by_parity)[0].mean())
            row(f"{name} (C = {c})", out_of_fold(items, cols, False, kind, c,
                                                 by_parity=by_parity)[0])
            row(f"{name} + reader", out_of_fold(items, cols, False, kind, c, reader=True,
                                                by_parity=by_parity)[0])
            if have_cosine:
                row(f"{name} + cosine", out_of_fold(items, cols, True, kind, c,
                                                    by_parity=by_parity)[0])
                row(f"{name} + reader + cosine", out_of_fold(items, cols, True, kind, c,
                                                             reader=True,
                                                             by_parity=by_parity)[0])


def picks_right_cos(items: list[dict[str, Any]]) -> np.ndarray:
    """Per question: whether the sentence of the highest cosine is right (no fitting)."""
    return np.array([bool(i["labels"][int(np.argmax(i["cosine"]))]) for i in items])


if __name__ == "__main__":
    main()
