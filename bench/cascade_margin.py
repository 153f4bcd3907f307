"""How far the answer cascade can trust BM25 alone: for each question the BM25-first answer
is compared with the hybrid one, and for each (confidence, ratio) the questions that
``rag.service.BM25Margin`` would settle without the embedder are counted, with those whose
answer would then differ from hybrid retrieval's.

    python bench/cascade_margin.py GOLD:INDEX_DIR [GOLD:INDEX_DIR ...]

e.g. ``tests/data/gold_seeds.jsonl:/tmp/rag-eval/seeds``,
``../shared/dev-reports/questions.jsonl:/tmp/dev-index`` (seeds + dev-reports/docs) and
``../shared/bench/xquad-vi/questions.dev.jsonl:/tmp/rag-eval/xquad`` (as bench/eval_table.py
builds them).  Only questions BM25 answers with less than RAG_CASCADE_CONFIDENCE are counted
(those it does not answer go to the embedder whatever the margin).

The answers are ``RagService.ask``'s own, as `rag eval` asks them (a question's ``today``,
the figure frames, the passages read, a two-part question answered part by part): the
service's margin is replaced by one that records what it is shown -- BM25's passages and the
BM25-first answer -- and lets every question go on to hybrid retrieval, whose answer is the
next one the answerer gives.  "Differently" means another answer text, found flag or
citation; answers that differ only in confidence are counted apart.  (An earlier version of
this script answered with ``Answerer.answer`` from five BM25 passages and without the figure
frames, which is not how ``ask`` answers.)
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import rag.service.service as service_module  # noqa: E402
from rag.answer.answerer import Answerer  # noqa: E402
from rag.eval.gold import load_gold  # noqa: E402
from rag.records import Answer, AskOptions, Hit  # noqa: E402
from rag.service import BM25Margin, RagService  # noqa: E402
from rag.settings import Settings  # noqa: E402

CONFIDENCES = (0.3, 0.4, 0.5, 0.6)
RATIOS = (1.5, 1.75, 2.0, 2.25, 2.5, 3.0, 3.5)


@dataclass
class Shown:
    """One question (or part of one) the cascade weighed: BM25's passages and answer, and
    the hybrid answer given after."""

    set_name: str
    question: str
    hits: list[Hit]
    first: Answer
    hybrid: Answer | None = None


class Recorder:
    """Stands in for the service's BM25Margin: records every question it is asked about,
    never settles one."""

    def __init__(self) -> None:
        self.shown: list[Shown] = []
        self.answers: list[Answer] = []  # every answer the answerer gave, in order
        self.set_name = ""
        self.question = ""

    def decisive(self, hits: list[Hit], confidence: float) -> bool:
        """Record BM25's ``hits`` and the answer just given; False (go on to hybrid)."""
        self.shown.append(Shown(self.set_name, self.question, list(hits), self.answers[-1]))
        return False


def record(specs: list[str]) -> list[Shown]:
    """Every question of the ``GOLD:INDEX_DIR`` sets that reaches the margin, with its BM25
    and hybrid answers."""
    recorder = Recorder()
    answer = Answerer.answer

    def answer_and_keep(self: Answerer, *args: Any, **kwargs: Any) -> Answer:
        given = answer(self, *args, **kwargs)
        if recorder.shown and recorder.shown[-1].hybrid is None and \
                recorder.answers and recorder.answers[-1] is recorder.shown[-1].first:
            recorder.shown[-1].hybrid = given  # the answer right after the margin was asked
        recorder.answers.append(given)
        return given

    Answerer.answer = answer_and_keep  # type: ignore[method-assign]
    service_module.BM25_MARGIN = recorder  # type: ignore[assignment]
    for spec in specs:
        gold, index_dir = spec.split(":", 1)
        service = RagService(Settings(index_dir=Path(index_dir), query_cache=0))
        recorder.set_name = Path(gold).stem if Path(gold).stem != "questions" \
            else Path(gold).parent.name
        for g in load_gold(Path(gold)):
            recorder.question = g.question
            service.ask(g.question, AskOptions(today=g.today))
        service.close()
    Answerer.answer = answer  # type: ignore[method-assign]
    return recorder.shown


def same(a: Answer, b: Answer) -> bool:
    """Whether two answers say the same (text, found, citations)."""
    return (a.found, a.answer, a.citations) == (b.found, b.answer, b.citations)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="+", metavar="GOLD:INDEX_DIR")
    args = ap.parse_args()
    rows = [s for s in record(args.sets) if s.hybrid is not None]
    per_set = Counter(s.set_name for s in rows)
    print(f"{len(rows)} questions (or parts) found by BM25 below RAG_CASCADE_CONFIDENCE: "
          f"{dict(per_set)}; answered differently by hybrid: "
          f"{sum(not same(s.first, s.hybrid) for s in rows)}")  # type: ignore[arg-type]
    print("| confidence ≥ | BM25 1st / 5th ≥ | settled without the embedder | of which answered "
          "differently than hybrid | same answer, other confidence |")
    print("|---|---|---|---|---|")
    for conf in CONFIDENCES:
        for ratio in RATIOS:
            margin = BM25Margin(confidence=conf, ratio=ratio)
            settled = [s for s in rows if s.first.found and
                       margin.decisive(s.hits, s.first.confidence)]
            assert all(s.hybrid is not None for s in settled)
            differ = [s for s in settled if not same(s.first, s.hybrid)]  # type: ignore
            other_conf = [s for s in settled if same(s.first, s.hybrid)  # type: ignore
                          and s.first.confidence != s.hybrid.confidence]  # type: ignore
            print(f"| {conf} | {ratio} | {len(settled)} "
                  f"({dict(Counter(s.set_name for s in settled))}) | {len(differ)} "
                  f"({dict(Counter(s.set_name for s in differ))}) | {len(other_conf)} |",
                  flush=True)
    current = BM25Margin()
    for s in rows:
        if s.first.found and current.decisive(s.hits, s.first.confidence):
            continue
        if s.first.found and BM25Margin(ratio=RATIOS[0], confidence=CONFIDENCES[0]).decisive(
                s.hits, s.first.confidence) and not same(s.first, s.hybrid):  # type: ignore
            h = s.hits
            print(f"differs: [{s.set_name}] {s.question!r}: BM25 {s.first.answer!r} "
                  f"({s.first.confidence:.2f}, ratio {h[0].lexical / h[4].lexical:.2f}) / "
                  f"hybrid {s.hybrid.answer!r}")  # type: ignore[union-attr]


if __name__ == "__main__":
    main()
