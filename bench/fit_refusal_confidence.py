"""Fit rag/answer/refusal_confidence.json: how sure a refusal of a figure question is, from the
best candidate it passed over (issue 18; rag.answer.refusal_calibration).

    python bench/fit_refusal_confidence.py collect OUT.jsonl CORPUS_DIR...   # break-test corpora
    python bench/fit_refusal_confidence.py eval OUT.jsonl EVAL.json ...      # `rag eval --json`
    python bench/fit_refusal_confidence.py fit OUT.jsonl... [--write]
    python bench/fit_refusal_confidence.py asked OUT.jsonl INDEX_DIR GOLD.jsonl [--articles Q]
    python bench/fit_refusal_confidence.py fit OUT.jsonl... --statement [--write]

``collect`` asks the questions of break-test corpora (a dir with docs/ and run.py whose ``Q``
lists (question, expected substrings or None / "REFUSE" for a question to refuse[, today]))
with the uncalibrated rule (1 - passed), indexing docs/ into CORPUS_DIR/../<name>.idx when
asked; ``eval`` reads the per-question records of `rag eval --json` reports run with the
uncalibrated rule.  Both write one JSON line per question: group (corpus or report), found,
confidence, right.  ``fit`` takes the refused questions (passed = 1 - confidence), fits a
non-increasing isotonic map passed -> right (scikit-learn, at fit time only), prints the
reliability of refusals (bins -> share right) before (the rule) and after (the map), each
group's refusals scored by a map fitted without that group, and with ``--write`` saves the map
fitted on all.

``asked`` is the statement refusals' collection (rag.answer.refusal_calibration's second map):
it asks a gold file's questions of an index in process (hybrid) and writes one line per
question the statement path refused, its confidence 1 - the statement check's probability of
the sentence passed over, right when the question is unanswerable (empty answers).  Its group
is the question's XQuAD-vi article (``--articles``: the questions file holding every
question's ``doc_ids``, e.g. questions.dev.jsonl when the gold is one of
``bench/xquad_refusal.py``'s folds), else its first doc id, else the gold file.  ``fit
--statement`` fits and writes statement_refusal_confidence.json instead.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import json
import re
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BINS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0001)


def corpus_questions(run_py: Path) -> list[tuple[str, list[str] | None, str | None]]:
    """(question, expected substrings or None for a refusal, today) of a break-test run.py:
    its literal assignments (Q, T, TODAY, R = "REFUSE") read without running it; questions
    expecting a "partial" answer are left out."""
    src = run_py.read_text(encoding="utf-8")
    g: dict[str, Any] = {"__file__": str(run_py)}
    for node in ast.parse(src).body:
        if isinstance(node, ast.Assign):
            # paths, subprocess calls etc. are not needed: what fails is left out
            with contextlib.suppress(Exception):
                exec(compile(ast.Module([node], []), "run", "exec"), g)  # noqa: S102
    if "Q" not in g:
        return []
    m = re.search(r'"--today",\s*"(\d{4}-\d\d-\d\d)"', src)
    t = g.get("T") if isinstance(g.get("T"), str) else (m.group(1) if m else None)
    today = g.get("TODAY", {})
    out = []
    for i, item in enumerate(g["Q"]):
        q, exp = item[0], item[1]
        if exp == "partial":
            continue
        exp = None if exp in (None, "REFUSE", False) else [exp] if isinstance(exp, str) else exp
        day = item[2] if len(item) > 2 and isinstance(item[2], str) and \
            re.fullmatch(r"\d{4}-\d\d-\d\d", item[2]) else today.get(i, t)
        out.append((q, exp, day))
    return out


def collect(out: Path, dirs: list[Path]) -> None:
    """Ask every corpus's questions with the uncalibrated refusal rule; one line each."""
    import rag.answer.answerer as answerer
    from rag.answer.refusal_calibration import RefusalCalibration
    from rag.records import AskOptions
    from rag.service import RagService
    from rag.settings import Settings

    answerer.refusal_calibration = RefusalCalibration.identity  # type: ignore[assignment]
    with out.open("w", encoding="utf-8") as f:
        for d in dirs:
            questions = corpus_questions(d / "run.py")
            if not questions:
                continue
            index = d.parent / f"{d.name}.idx"
            svc = RagService(Settings(index_dir=index))
            if not index.exists():
                svc.index_paths([d / "docs"])
            for q, exp, day in questions:
                a = svc.ask(q, AskOptions(today=date.fromisoformat(day) if day else None))
                right = (not a.found or a.period_match == "partial") if exp is None else \
                    bool(a.found) and any(e in a.answer for e in exp)
                f.write(json.dumps({"group": str(d), "found": a.found,
                                    "confidence": a.confidence, "right": right}) + "\n")


def from_eval(out: Path, reports: list[Path]) -> None:
    """The questions of `rag eval --json` reports; one line each."""
    with out.open("w", encoding="utf-8") as f:
        for p in reports:
            for q in json.loads(p.read_text(encoding="utf-8"))["questions"]:
                right = bool(q.get("correct")) if q.get("answerable", True) else \
                    not q.get("found")
                f.write(json.dumps({"group": f"{p}:{q.get('id', '')[:3]}",
                                    "found": q.get("found"), "confidence": q.get("confidence"),
                                    "right": right}) + "\n")


def asked(out: Path, index: Path, gold: Path, articles: Path | None) -> None:
    """Ask ``gold``'s questions of ``index``; one line per statement refusal (appended)."""
    import rag.answer.answerer as answerer
    from rag.eval.gold import load_gold
    from rag.records import AskOptions
    from rag.service import RagService
    from rag.settings import Settings

    seen: list[float] = []

    class Recording:
        """The uncalibrated statement map (1 - passed), noting each value it is asked."""

        def confidence(self, passed: float) -> float:
            seen.append(passed)
            return round(1.0 - passed, 4)

    answerer.statement_refusal_calibration = Recording  # type: ignore[assignment]
    docs: dict[str, str] = {}
    if articles is not None:
        for line in articles.open(encoding="utf-8"):
            q = json.loads(line)
            docs[q["id"]] = "-".join(q["doc_ids"][0].split("-")[:3])
    svc = RagService(Settings(index_dir=index))
    with out.open("a", encoding="utf-8") as f:
        for g in load_gold(gold):
            seen.clear()
            a = svc.ask(g.question, AskOptions(retrieval_mode="hybrid", today=g.today))
            if a.found or not seen:
                continue
            group = docs.get(g.id) or (g.doc_ids[0] if g.doc_ids else str(gold))
            f.write(json.dumps({"group": group, "found": False, "confidence": a.confidence,
                                "right": not g.answerable, "id": g.id}) + "\n")


def isotonic(passed: list[float], right: list[bool]) -> tuple[list[float], list[float]]:
    """Breakpoints of the non-increasing isotonic map passed -> share right."""
    from sklearn.isotonic import IsotonicRegression

    iso = IsotonicRegression(increasing=False, y_min=0.0, y_max=1.0, out_of_bounds="clip")
    iso.fit(passed, [float(r) for r in right])
    return [float(x) for x in iso.X_thresholds_], [round(float(y), 6) for y in iso.y_thresholds_]


def reliability(rows: list[tuple[float, bool]]) -> str:
    """Bins of confidence -> right/count, and wrong refusals at >= 0.9."""
    cells: dict[tuple[float, float], list[int]] = defaultdict(lambda: [0, 0])
    for c, r in rows:
        for lo, hi in zip(BINS, BINS[1:], strict=False):
            if lo <= c < hi:
                cells[(lo, hi)][0] += int(r)
                cells[(lo, hi)][1] += 1
    wrong9 = sum(1 for c, r in rows if c >= 0.9 and not r)
    bins = " ".join(f"[{lo:.2f},{min(hi, 1.0):.2f}) {r}/{n}"
                    for (lo, hi), (r, n) in sorted(cells.items()))
    return f"{bins} | wrong refusals >= 0.9: {wrong9} of {len(rows)}"


def fit(files: list[Path], write: bool, statement: bool = False) -> None:
    """Fit, validate by group, and (``write``) save the map."""
    import numpy as np

    from rag.answer.refusal_calibration import (
        REFUSAL_CALIBRATION_PATH,
        STATEMENT_REFUSAL_CALIBRATION_PATH,
        RefusalCalibration,
    )

    rows = [json.loads(line) for p in files for line in p.open(encoding="utf-8")]
    refused = [(r["group"].split(":")[0], 1.0 - float(r["confidence"] or 0.0), bool(r["right"]))
               for r in rows if not r["found"] and r["confidence"] is not None]
    groups = sorted({g for g, _, _ in refused})
    before = [(1.0 - p, r) for _, p, r in refused]
    after = []
    for g in groups:
        train = [(p, r) for h, p, r in refused if h != g]
        xs, ys = isotonic([p for p, _ in train], [r for _, r in train])
        after += [(float(np.interp(p, xs, ys)), r) for h, p, r in refused if h == g]
    print(f"refused {len(refused)} in {len(groups)} groups")
    print("before (1 - passed):", reliability(before))
    print("after (map fitted without the group):", reliability(after))
    if write:
        xs, ys = isotonic([p for _, p, _ in refused], [r for _, _, r in refused])
        RefusalCalibration(passed=tuple(xs), right=tuple(ys), trained={
            "refused": len(refused), "right": sum(r for _, _, r in refused),
            "groups": len(groups), "files": [str(p) for p in files],
            "before": reliability(before), "after_by_group": reliability(after)}).save(
                STATEMENT_REFUSAL_CALIBRATION_PATH if statement else REFUSAL_CALIBRATION_PATH)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("collect")
    c.add_argument("out", type=Path)
    c.add_argument("dirs", type=Path, nargs="+")
    e = sub.add_parser("eval")
    e.add_argument("out", type=Path)
    e.add_argument("reports", type=Path, nargs="+")
    f = sub.add_parser("fit")
    f.add_argument("files", type=Path, nargs="+")
    f.add_argument("--write", action="store_true")
    f.add_argument("--statement", action="store_true")
    s = sub.add_parser("asked")
    s.add_argument("out", type=Path)
    s.add_argument("index", type=Path)
    s.add_argument("gold", type=Path)
    s.add_argument("--articles", type=Path)
    a = ap.parse_args()
    if a.cmd == "collect":
        collect(a.out, a.dirs)
    elif a.cmd == "eval":
        from_eval(a.out, a.reports)
    elif a.cmd == "asked":
        asked(a.out, a.index, a.gold, a.articles)
    else:
        fit(a.files, a.write, a.statement)


if __name__ == "__main__":
    main()
