"""bench/gen_corpus.py: generated reports state every recorded figure, subjects are distinct,
and the answerer finds the figures (the indicator named before "của", not another one of the
same owner)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from rag.ingest.folders import load_documents
from rag.records import AskOptions
from rag.service import RagService
from rag.settings import Settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import gen_corpus  # noqa: E402


def test_generated_facts_are_stated_in_their_documents(tmp_path):
    docs, facts = gen_corpus.write(tmp_path, chunks=60, seed=3)
    assert docs > 10 and facts == 4 * docs
    texts = {d["id"]: d for part in sorted((tmp_path / "docs").glob("part-*.jsonl"))
             for d in map(json.loads, part.open())}
    subjects = set()
    for f in map(json.loads, (tmp_path / "facts.jsonl").open()):
        doc = texts[f["doc_id"]]
        assert f["answer"] in doc["text"] and f["subject"] in doc["title"]
        assert 2010 <= f["year"] <= 2030 and f["period"] in gen_corpus.PERIODS
        subjects.add(f["subject"])
    assert len(subjects) == docs
    assert gen_corpus.number(1281.5, 1) == "1.281,5" and gen_corpus.number(560, 0) == "560"
    # the same seed gives the same corpus
    again = tmp_path / "again"
    gen_corpus.write(again, chunks=60, seed=3)
    assert (again / "docs/part-0000.jsonl").read_bytes() == \
        (tmp_path / "docs/part-0000.jsonl").read_bytes()


def test_generated_questions_are_answered(tmp_path, fake_embedder):
    gen_corpus.write(tmp_path / "gen", chunks=80, seed=5)
    service = RagService(Settings(index_dir=tmp_path / "index", query_cache=0),
                         embedder=fake_embedder)
    service.upsert(load_documents([tmp_path / "gen" / "docs"]))
    facts = [json.loads(line) for line in (tmp_path / "gen" / "facts.jsonl").open()]
    right = 0
    for f in facts:
        a = service.ask(f["question"], AskOptions(retrieval_mode="lexical"))
        right += a.found and f["answer"] in a.answer \
            and any(c.doc_id == f["doc_id"] for c in a.citations)
    assert right / len(facts) >= 0.7, f"{right}/{len(facts)}"
