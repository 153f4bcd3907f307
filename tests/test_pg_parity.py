"""Same answers from the PostgreSQL backend as from the files (issue 20: "seed gold and
dev-reports metrics equal within 0.01"; `python bench/eval_dev.py --backend postgres` gives the
whole dev-reports table). Here: the seed index published to a real PostgreSQL, every seed gold
question asked of both -- the same answer, confidence and citations."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import SeedIndex

from index.pg import PgStore
from rag.service import RagService
from rag.settings import Settings

GOLD = Path(__file__).parent / "data" / "gold_seeds.jsonl"


def test_the_seed_gold_is_answered_alike_from_postgres(seed: SeedIndex, database_url: str,
                                                       tmp_path: Path) -> None:
    store = PgStore(database_url)
    try:
        with store.write_lock(5):
            store.save(seed.service.load())
    finally:
        store.close()
    pg = RagService(Settings(index_dir=tmp_path / "cache", database_url=database_url,
                             sessions_db=tmp_path / "s.db", index_poll_seconds=0),
                    embedder=seed.service.embedder)
    try:
        assert pg.index.generation == "gen-000001"
        assert type(pg.index.vectors).__name__ == "PgVectors"
        questions = [json.loads(line)["question"] for line in GOLD.read_text().splitlines()
                     if line.strip()]
        assert len(questions) > 100
        for q in questions:
            a, b = seed.service.ask(q), pg.ask(q)
            assert (b.answer, b.found, b.confidence) == (a.answer, a.found, a.confidence), q
            assert [(c.doc_id, c.start, c.end) for c in b.citations] == \
                [(c.doc_id, c.start, c.end) for c in a.citations], q
    finally:
        pg.close()
