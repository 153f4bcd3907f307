"""Re-ask a break-test round: index its reports with the seeds, ask every question, judge.

    python bench/break_tests.py [bt26 bt27 ...] [--work W] [-v]

A round lives in bench/data/breaktests/ROUND: ``docs/`` (reports with invented figures, in the
shapes offices publish: txt, html with page chrome, docx and xlsx tables), ``questions.jsonl``
(one object a line: ``id``, ``question``, ``kind``, ``gold_answer`` -- a list of strings, or
null for a question the reports cannot answer --, ``doc``, and ``today`` where the question
is relative) and ``overrides.json`` (id -> [verdict, reason]: a verdict judged by hand).  The
rounds were written in session 53 by testers who did not write the answerer (bt26 at 9f24ad4,
bt27 at 6bfc2a1; README "Measured").  The index is built in ``W/ROUND`` (a temporary folder
by default) by this checkout's code, so a round is measured on any checkout by running this
script from it.

Judging, per question: a gold-null question is right when refused (found false), else
"unanswerable answered"; an answerable one refused is "refused wrongly"; answered, it is
right when the first gold string (any of them, but all for kind "multi") is in the answer
text, NFC, case-folded, spaces squeezed.  "Wrong at >= 0.9" counts wrong and unanswerable
answered at confidence >= 0.9.  Prints one line of counts per round; ``-v`` lists every
question not right.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import unicodedata
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rag.records import AskOptions  # noqa: E402
from rag.service import RagService  # noqa: E402
from rag.settings import Settings  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = Path(__file__).resolve().parent / "data" / "breaktests"


def norm(text: str | None) -> str:
    """``text`` NFC, case-folded, its runs of spaces one space."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text or "").casefold())


def verdict(row: dict[str, Any], result: dict[str, Any]) -> str:
    """right / wrong / refused_wrongly / unanswerable_answered of one asked question (the
    rules in the module's docstring)."""
    gold, found, text = row["gold_answer"], bool(result.get("found")), norm(result.get("answer"))
    if gold is None:
        return "right" if not found else "unanswerable_answered"
    if not found:
        return "refused_wrongly"
    if row["kind"] == "multi":
        return "right" if all(norm(g) in text for g in gold) else "wrong"
    return "right" if any(norm(g) in text for g in gold) else "wrong"


def run_round(name: str, work: Path, verbose: bool) -> Counter[str]:
    """Index round ``name``'s reports with seeds/ in ``work``, ask and judge its questions."""
    folder = ROUNDS / name
    rows = [json.loads(line) for line in (folder / "questions.jsonl").open(encoding="utf-8")]
    overrides = json.loads((folder / "overrides.json").read_text(encoding="utf-8"))
    service = RagService(Settings(index_dir=work / name, query_cache=0))
    service.index_paths([folder / "docs", ROOT / "seeds"])
    counts: Counter[str] = Counter()
    for row in rows:
        today = date.fromisoformat(row["today"]) if row.get("today") else None
        result = service.ask(row["question"], AskOptions(today=today)).to_dict()
        v = overrides[row["id"]][0] if row["id"] in overrides else verdict(row, result)
        counts[v] += 1
        confidence = result.get("confidence") or 0.0
        if v in ("wrong", "unanswerable_answered") and confidence >= 0.9:
            counts["wrong_at_0.9"] += 1
        if verbose and v != "right":
            print(f"  [{v}] {row['id']} ({row['kind']}) {confidence:.2f} {row['question']} -> "
                  f"{(result.get('answer') or '')[:120]!r}; gold {row['gold_answer']}")
    print(f"{name}: n={len(rows)} right={counts['right']} wrong={counts['wrong']} "
          f"wrong_at_0.9={counts['wrong_at_0.9']} refused_wrongly={counts['refused_wrongly']} "
          f"unanswerable_answered={counts['unanswerable_answered']}", flush=True)
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("rounds", nargs="*", help="round folders (default: all)")
    ap.add_argument("--work", type=Path, default=None, help="where the indexes are built")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    names = args.rounds or sorted(p.name for p in ROUNDS.iterdir() if p.is_dir())
    work = args.work or Path(tempfile.mkdtemp(prefix="break-tests-"))
    for name in names:
        run_round(name, work, args.verbose)


if __name__ == "__main__":
    main()
