"""Unanswerable questions made the UIT-ViQuAD 2.0 way from XQuAD-vi dev: each question changed
slightly so that its article no longer answers it, asked over an index of every XQuAD-vi
passage, beside the unchanged questions.

    python bench/changed_questions.py [--xquad ../shared/bench/xquad-vi]
        [--work /tmp/rag-changed] [--seed 7] [--out changed.jsonl]

Three changes, each made only where it applies (generated at run time; nothing of XQuAD-vi is
copied into the repository, see its README's licence):

- ``name``: the first run of two or more capitalised words past the question's first word
  (rag.answer.answerability.name_runs) that the article writes is swapped for a Vietnamese
  personal name that no XQuAD-vi passage writes ("... Luther đã kêu gọi điều gì?" ->
  "... Dương Thị Phúc đã kêu gọi điều gì?");
- ``number``: the first number of two digits or more that the article writes is moved by a
  few units to one it does not write ("năm 1954" -> "năm 1961");
- ``antonym``: the first superlative or direction word with an opposite in :data:`OPPOSITES`
  is swapped for it ("lớn nhất" -> "nhỏ nhất").

Prints, per change, how many changed questions are refused and how many are answered at
confidence >= 0.9, and, for the unchanged questions, sentence accuracy and refusals (as
`rag eval` counts them).  Refusals of changed questions are what issue 18's "refusals for
every kind of question" asks; the unchanged questions must keep their accuracy.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from eval_table import rag  # noqa: E402  (`python -m api.cli ARGS`, exit on failure)

from rag.answer.answerability import name_runs  # noqa: E402
from rag.records import AskOptions  # noqa: E402
from rag.service import RagService  # noqa: E402
from rag.settings import Settings  # noqa: E402
from rag.vi.text import fold  # noqa: E402

XQUAD = ROOT.parent / "shared/bench/xquad-vi"
SURNAMES = "Nguyễn Trần Lê Phạm Hoàng Vũ Đặng Bùi Đỗ Ngô Dương Lý".split()
MIDDLE = "Văn Thị Minh Đức Hữu Quang Thanh".split()
GIVEN = "An Bình Cường Dũng Hoa Lan Tuấn Hải Sơn Phúc Thắng Hương Khánh Long Vinh".split()
OPPOSITES = [("lớn nhất", "nhỏ nhất"), ("cao nhất", "thấp nhất"), ("đầu tiên", "cuối cùng"),
             ("nhiều nhất", "ít nhất"), ("tăng", "giảm"), ("sớm nhất", "muộn nhất"),
             ("dài nhất", "ngắn nhất"), ("lớn hơn", "nhỏ hơn")]
WORD = re.compile(r"[^\W_]+")


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The records of a JSON Lines file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def article(doc_id: str) -> str:
    """The article number of an XQuAD-vi passage id (``xquad-vi-07-03`` -> "07")."""
    return doc_id.split("-")[2]


def swap_name(question: str, text: str, names: list[str], rng: random.Random) -> str | None:
    """``question`` with its first name that ``text`` (folded) writes swapped for one of
    ``names``, or None when it writes none."""
    folded = " " + " ".join(WORD.findall(fold(text))) + " "
    for run in name_runs(question):
        if f" {run} " not in folded:
            continue
        n = len(run.split())
        words = list(WORD.finditer(question))
        for i in range(len(words) - n + 1):
            span = words[i:i + n]
            if fold(" ".join(w.group(0) for w in span)) == run:
                return question[:span[0].start()] + rng.choice(names) + question[span[-1].end():]
    return None


def change_number(question: str, text: str) -> str | None:
    """``question`` with its first number of two digits or more that ``text`` writes moved
    to the nearest of +7, +13, +3, +21, +5 that ``text`` does not write, or None."""
    written = set(re.findall(r"\d+", text))
    for m in re.finditer(r"\b\d{2,4}\b", question):
        if m.group(0) not in written:
            continue
        for step in (7, 13, 3, 21, 5):
            new = str(int(m.group(0)) + step)
            if new not in written:
                return question[:m.start()] + new + question[m.end():]
    return None


def opposite(question: str) -> str | None:
    """``question`` with its first word of :data:`OPPOSITES` swapped for its opposite."""
    for a, b in OPPOSITES:
        for x, y in ((a, b), (b, a)):
            if re.search(rf"\b{x}\b", question):
                return re.sub(rf"\b{x}\b", y, question, count=1)
    return None


def changed_questions(xquad: Path, seed: int) -> list[dict[str, Any]]:
    """The changed questions of XQuAD-vi dev: dicts with id, question, kind (name, number,
    antonym) and the question it was made from."""
    rng = random.Random(seed)
    passages = {r["id"]: r["text"] for r in read_jsonl(xquad / "passages.jsonl")}
    corpus = "\n".join(passages.values())
    by_article: dict[str, list[str]] = {}
    for doc_id, text in passages.items():
        by_article.setdefault(article(doc_id), []).append(text)
    names: set[str] = set()
    while len(names) < 300:
        name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        if name not in corpus:
            names.add(name)
    pool = sorted(names)
    out = []
    for q in read_jsonl(xquad / "questions.dev.jsonl"):
        text = "\n".join(by_article[article(q["doc_ids"][0])])
        for kind, new in (("name", swap_name(q["question"], text, pool, rng)),
                          ("number", change_number(q["question"], text)),
                          ("antonym", opposite(q["question"]))):
            if new is not None and new != q["question"]:
                out.append({"id": f"{q['id']}-{kind}", "question": new, "kind": kind,
                            "from": q["question"]})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--xquad", type=Path, default=XQUAD)
    parser.add_argument("--work", type=Path, default=Path("/tmp/rag-changed"))
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, help="write the changed questions (JSON Lines)")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    index = args.work / "index"
    rag("index", args.xquad / "passages.jsonl", "--index-dir", index)
    changed = changed_questions(args.xquad, args.seed)
    if args.out:
        args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in changed),
                            encoding="utf-8")
    service = RagService(Settings(index_dir=index, sessions_db=args.work / "sessions.db"))
    asked, refused, sure = Counter(), Counter(), Counter()
    for r in changed:
        a = service.ask(r["question"], AskOptions())
        asked[r["kind"]] += 1
        refused[r["kind"]] += not a.found
        sure[r["kind"]] += a.found and a.confidence >= 0.9
    report = json.loads(rag("eval", args.xquad / "questions.dev.jsonl", "--index-dir", index,
                            "--json"))
    rows = report["questions"]
    print("| change | questions | refused | share refused | answered at >= 0.9 |")
    print("|---|---|---|---|---|")
    for kind in ("name", "number", "antonym"):
        n = asked[kind]
        print(f"| {kind} | {n} | {refused[kind]} | {refused[kind] / max(1, n):.3f} | "
              f"{sure[kind]} |")
    total = sum(asked.values())
    print(f"| all | {total} | {sum(refused.values())} | "
          f"{sum(refused.values()) / max(1, total):.3f} | {sum(sure.values())} |")
    print(f"\nunchanged XQuAD-vi dev ({len(rows)} questions): sentence accuracy "
          f"{report['metrics']['sentence_accuracy']:.3f}, answer accuracy "
          f"{report['metrics']['answer_accuracy']:.3f}, refused "
          f"{sum(not r['found'] for r in rows)}")


if __name__ == "__main__":
    main()
