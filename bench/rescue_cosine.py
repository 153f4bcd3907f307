"""Would the default embedder's question–sentence cosine rescue statement answers the statement
check refuses? (issue 18, session 52: measured, not shipped; README "Sentence answers on
general text").

    python bench/rescue_cosine.py [--work /tmp/rag-rescue] [--xquad ../shared/bench/xquad-vi]

Two constructions over XQuAD-vi dev, each question asked twice, with the statement check on
(as shipped) and off (the sentence the chooser would give); for the answers the check refuses,
the cosine of the question ("query: ") and that sentence ("passage: ") by the index's
embedder:

- ``article``: 2 indexes, articles dealt by parity; each index answers its own questions and
  is asked the other's, whose article it lacks (as bench/xquad_refusal.py);
- ``paragraph``: 5 indexes, index f lacking paragraph f of every article, asked the questions
  of paragraph f: the rest of the article is there (a nearer kind of unanswerable, as
  UIT-ViQuAD 2.0's).

Prints, per construction and cosine threshold, how many refused answers would be given and how
many of those hold a gold answer (answerable questions) or were unanswerable.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from eval_table import rag  # noqa: E402  (`python -m api.cli ARGS`, exit on failure)

from rag.records import AskOptions  # noqa: E402
from rag.service import RagService  # noqa: E402
from rag.settings import Settings  # noqa: E402

THRESHOLDS = (0.85, 0.86, 0.87, 0.88, 0.89, 0.90)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The records of a JSON Lines file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def refused_rows(index_dir: Path, questions: list[dict[str, Any]], answerable: bool
                 ) -> list[dict[str, Any]]:
    """For each of ``questions`` the shipped service refuses and the check-off service answers:
    the cosine of question and sentence, and whether the sentence holds a gold answer."""
    on = RagService(Settings(index_dir=index_dir, sessions_db=index_dir / "on.db"))
    off = RagService(Settings(index_dir=index_dir, sessions_db=index_dir / "off.db",
                              statement_check="off"))
    rows = []
    for q in questions:
        if on.ask(q["question"], AskOptions()).found:
            continue
        b = off.ask(q["question"], AskOptions())
        if not b.found or not b.answer_sentence:
            continue
        vq = off.embedder.embed_queries([q["question"]])[0]
        vs = off.embedder.embed_passages([b.answer_sentence])[0]
        rows.append({"question": q["question"], "answerable": answerable,
                     "cosine": float(vq @ vs),
                     "holds": answerable and any(a in b.answer_sentence for a in q["answers"])})
    return rows


def build(passages: list[dict[str, Any]], keep: Any, index_dir: Path) -> None:
    """Index the ``passages`` ``keep(passage)`` accepts into ``index_dir`` (once)."""
    if index_dir.exists():
        return
    index_dir.mkdir(parents=True)
    src = index_dir / "passages.jsonl"
    src.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in passages
                           if keep(p)), encoding="utf-8")
    rag("index", str(src), "--index-dir", str(index_dir))


def table(name: str, rows: list[dict[str, Any]]) -> None:
    """Print, per threshold, the refused answers a rescue at it would give."""
    print(f"\n{name}: {len(rows)} refused answers with a sentence "
          f"({sum(r['answerable'] for r in rows)} of answerable questions)")
    print("| cosine >= | given | answerable, holds gold | answerable, not | unanswerable |")
    print("|---|---|---|---|---|")
    for t in THRESHOLDS:
        got = [r for r in rows if r["cosine"] >= t]
        print(f"| {t:.2f} | {len(got)} | {sum(r['holds'] for r in got)} | "
              f"{sum(r['answerable'] and not r['holds'] for r in got)} | "
              f"{sum(not r['answerable'] for r in got)} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--work", type=Path, default=Path("/tmp/rag-rescue"))
    ap.add_argument("--xquad", type=Path, default=ROOT.parent / "shared/bench/xquad-vi")
    args = ap.parse_args()
    passages = read_jsonl(args.xquad / "passages.jsonl")
    questions = read_jsonl(args.xquad / "questions.dev.jsonl")
    article = lambda doc_id: int(doc_id.split("-")[2])  # noqa: E731
    paragraph = lambda doc_id: int(doc_id.split("-")[3])  # noqa: E731
    rows: list[dict[str, Any]] = []
    for f in (0, 1):
        index_dir = args.work / f"article{f}"
        build(passages, lambda p, f=f: article(p["id"]) % 2 == f, index_dir)
        own = [q for q in questions if article(q["doc_ids"][0]) % 2 == f]
        other = [q for q in questions if article(q["doc_ids"][0]) % 2 != f]
        rows += refused_rows(index_dir, own, True) + refused_rows(index_dir, other, False)
    table("article (own article answerable, the other parity's unanswerable)", rows)
    rows = []
    for f in range(5):
        index_dir = args.work / f"paragraph{f}"
        build(passages, lambda p, f=f: paragraph(p["id"]) != f, index_dir)
        rows += refused_rows(index_dir, [q for q in questions
                                         if paragraph(q["doc_ids"][0]) == f], False)
    table("paragraph (own paragraph removed, rest of the article kept: unanswerable)", rows)


if __name__ == "__main__":
    main()
