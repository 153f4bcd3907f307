"""Where an index build's time goes, embedding aside: each phase of ``update()`` timed alone on
one folder of reports, unprofiled.

    python bench/build_phases.py DOCS [--json]

DOCS is a folder of reports, e.g. the 10k level ``bench_scale.py`` generates
(``WORK/gen10000/docs``).  Phases, in the order indexing runs them: reading and normalising
the reports (``iter_documents`` → ``make_document``), chunking, the embedder's input text,
reading each document's figure frames (``figures_json``), BM25 over the chunks' tokens, and
the word forms the diacritic restorer learns.  Nothing is embedded and the FAISS add (too
small to see beside these at 10k) is left out, so the sum is the build's time less embedding
and FAISS.  A benchmark, not a test: the figures move with the machine's load.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from index.lexical import LexicalIndex
from rag.ingest.build import chunker_for, embed_input, index_config, lexical_input
from rag.ingest.figures import figures_json
from rag.ingest.folders import iter_documents
from rag.vi.restore import DiacriticRestorer
from rag.vi.text import tokenize


def timed(seconds: dict[str, float], name: str, work: Callable[[], Any]) -> Any:
    """``work()``, its wall-clock seconds kept under ``name``."""
    t0 = time.perf_counter()
    result = work()
    seconds[name] = round(time.perf_counter() - t0, 2)
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("docs", type=Path, help="a folder of reports")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    config = index_config(vector_kind="flat")
    s: dict[str, float] = {}
    docs = timed(s, "read and normalise", lambda: list(iter_documents([args.docs])))
    chunker = chunker_for(config)
    chunks = timed(s, "chunk", lambda: [c for d in docs for c in chunker.split([d])])
    timed(s, "embedder input", lambda: [embed_input(c, config.embed_title) for c in chunks])
    timed(s, "figure frames", lambda: [figures_json(d) for d in docs])
    timed(s, "BM25", lambda: LexicalIndex.build(
        (tokenize(lexical_input(c), config.lexical_scheme) for c in chunks),
        config.lexical_scheme))
    timed(s, "word forms", lambda: DiacriticRestorer.forms(
        d.title + "\n" + d.text for d in docs))
    total = sum(s.values())
    if args.json:
        print(json.dumps({"documents": len(docs), "chunks": len(chunks), "seconds": s,
                          "total": round(total, 2)}, ensure_ascii=False))
        return
    print(f"{len(docs)} documents, {len(chunks)} chunks")
    print("| phase | s | share |\n|---|---|---|")
    for name, sec in s.items():
        print(f"| {name} | {sec:.1f} | {sec / total:.0%} |")
    print(f"| total | {total:.1f} | |")


if __name__ == "__main__":
    main()
