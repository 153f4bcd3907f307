"""How far the answer cascade can trust BM25 alone: for each question the BM25-first answer
is compared with the hybrid one, and for each (confidence, ratio) the questions that
``rag.service.BM25Margin`` would settle without the embedder are counted, with those whose
answer would then differ from hybrid retrieval's.

    python bench/cascade_margin.py GOLD:INDEX_DIR [GOLD:INDEX_DIR ...]

e.g. ``tests/data/gold_seeds.jsonl:/tmp/rag-eval/seeds``,
``../shared/dev-reports/questions.jsonl:/tmp/dev-index`` (seeds + dev-reports/docs) and
``../shared/bench/xquad-vi/questions.dev.jsonl:/tmp/rag-eval/xquad`` (as bench/eval_table.py
builds them).  Only questions the cascade sends to the embedder today (not found by BM25, or
found with less than RAG_CASCADE_CONFIDENCE) are counted.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rag.service import BM25Margin, RagService  # noqa: E402
from rag.settings import Settings  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="+", metavar="GOLD:INDEX_DIR")
    args = ap.parse_args()
    rows = []
    for spec in args.sets:
        gold, index_dir = spec.split(":", 1)
        service = RagService(Settings(index_dir=Path(index_dir), query_cache=0))
        index = service.index
        retriever, answerer = service.retriever(index), service.answerer(index)
        sure = service.settings.cascade_confidence
        for line in Path(gold).read_text(encoding="utf-8").splitlines():
            q = json.loads(line)["question"]
            query = retriever.analyze(q)
            lexical = retriever.search(q, 5, mode="lexical", query=query)
            first = answerer.answer(query, lexical.hits[:5], q)
            if first.found and first.confidence >= sure:
                continue  # settled by BM25 today
            hybrid = answerer.answer(query, retriever.search(q, 5, query=query).hits[:5], q)
            same = (first.found, first.answer) == (hybrid.found, hybrid.answer)
            rows.append((Path(gold).stem, first, lexical.hits, same))
    print(f"{len(rows)} questions go to the embedder today")
    print("| confidence ≥ | BM25 1st / 5th ≥ | settled without the embedder | of which answered "
          "differently than hybrid |")
    print("|---|---|---|---|")
    for conf in (0.4, 0.5, 0.6):
        for ratio in (2.0, 2.25, 2.5, 3.0, 3.5):
            margin = BM25Margin(confidence=conf, ratio=ratio)
            settled = [(name, same) for name, first, hits, same in rows
                       if first.found and margin.decisive(hits, first.confidence)]
            per_set = Counter(name for name, _ in settled)
            print(f"| {conf} | {ratio} | {len(settled)} ({dict(per_set)}) | "
                  f"{sum(1 for _, same in settled if not same)} |")


if __name__ == "__main__":
    main()
