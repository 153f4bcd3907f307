"""The PostgreSQL backend (index.pg) against a real PostgreSQL with pgvector (tests/pg.py):
publish and load give back the index the file backend would, one transaction a publish."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from conftest import FakeEmbedder
from helpers import pg_service, tea_report

from index import IndexBusyError, IndexStoreError, NoIndexError
from index.pg import PgStore
from index.pg.store import LOCK_KEY


def test_a_published_generation_loads_back_whole(tmp_path: Path, database_url: str,
                                                  fake_embedder: FakeEmbedder) -> None:
    a = pg_service(tmp_path, database_url, fake_embedder)
    a.upsert([tea_report("c2020", 2020, "1.000"), tea_report("c2021", 2021, "1.200")])
    written = a.index
    store = PgStore(database_url)
    try:
        loaded = store.load()
        assert list(loaded.docs) == list(written.docs)
        assert [c.text for c in loaded.chunks] == [c.text for c in written.chunks]
        assert np.allclose(loaded.embeddings, written.embeddings)
        assert loaded.figures == written.figures
        assert loaded.generation == written.generation == "gen-000001"
        assert store.holds(loaded, "gen-000001")
        q = written.embeddings[1]
        rows, scores = loaded.vectors.search(q, 2)
        assert rows[0] == 1 and scores[0] == pytest.approx(float(q @ q), abs=1e-5)
    finally:
        store.close()
        a.close()


def test_an_upload_keeps_the_other_documents_rows(tmp_path: Path, database_url: str,
                                                   fake_embedder: FakeEmbedder) -> None:
    a = pg_service(tmp_path, database_url, fake_embedder)
    a.upsert([tea_report("c2020", 2020, "1.000")])
    import psycopg

    with psycopg.connect(database_url) as conn:
        key1 = conn.execute("SELECT key FROM rag_documents WHERE id = 'c2020'").fetchone()
    a.upsert([tea_report("c2021", 2021, "1.200")])
    a.upsert([tea_report("c2021", 2021, "1.300")])  # changed: new rows, the old ones dropped later
    a.upsert([tea_report("c2022", 2022, "1.400")])
    with psycopg.connect(database_url) as conn:
        assert conn.execute("SELECT key FROM rag_documents WHERE id = 'c2020'").fetchone() == key1
        gens = [r[0] for r in conn.execute("SELECT number FROM rag_generations ORDER BY 1")]
        assert gens == [3, 4]  # the live one and the one before
        ids = sorted(r[0] for r in conn.execute("SELECT id FROM rag_documents"))
        assert ids == ["c2020", "c2021", "c2022"]  # c2021's first version went with gen 2
    a.close()


def test_a_second_service_sees_the_first_ones_upload(tmp_path: Path, database_url: str,
                                                      fake_embedder: FakeEmbedder) -> None:
    a = pg_service(tmp_path, database_url, fake_embedder, "a")
    b = pg_service(tmp_path, database_url, fake_embedder, "b")
    a.upsert([tea_report("base", 2020, "1.000")])
    assert set(b.index.docs) == {"base"}
    a.upsert([tea_report("more", 2021, "1.200")])
    assert b.refresh()
    assert set(b.index.docs) == {"base", "more"}
    b.upsert([tea_report("third", 2022, "1.300")])  # b writes from the database
    assert set(PgStore(database_url).load().docs) == {"base", "more", "third"}
    assert b.remove(["base"]).removed == ["base"]
    assert a.refresh() and set(a.index.docs) == {"more", "third"}
    a.close()
    b.close()


def test_a_writer_waits_for_the_lock_then_gives_up(tmp_path: Path, database_url: str) -> None:
    one, two = PgStore(database_url), PgStore(database_url)
    try:
        with one.write_lock(1):
            assert two.writing()
            with pytest.raises(IndexBusyError), two.write_lock(0.2):
                pass
        with two.write_lock(0.2):
            pass
    finally:
        one.close()
        two.close()


def test_an_empty_database_holds_no_index_and_an_old_schema_is_refused(pg_server) -> None:
    import pg

    url = pg.new_database()
    try:
        store = PgStore(url)
        with pytest.raises(NoIndexError):
            store.load()
        assert store.live_name() is None and store.built_with() is None
        store.close()
    finally:
        pg.drop_database(url)
    url = pg.new_database(migrate=False)
    try:
        with pytest.raises(IndexStoreError, match="rag db upgrade"):
            PgStore(url)
    finally:
        pg.drop_database(url)


def test_an_unreachable_database_is_one_clear_error() -> None:
    with pytest.raises(IndexStoreError, match="cannot connect"):
        PgStore("postgresql://nobody:secret@127.0.0.1:1/none", connect_timeout=1)


class PausedStore(PgStore):
    """The real store, its publish held until ``go`` is set: a writer descheduled between
    reading the live generation and publishing it."""

    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.reached, self.go = threading.Event(), threading.Event()

    def save(self, *args: Any, **kwargs: Any) -> str:
        self.reached.set()
        assert self.go.wait(30)
        return super().save(*args, **kwargs)


def end_the_lock_holders_session(url: str) -> None:
    """What an administrator's pg_terminate_backend, idle_session_timeout or a cut network
    does to the session holding the writers' advisory lock: PostgreSQL releases the lock."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        ended = conn.execute("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = "
                             "'advisory' AND granted AND objsubid = 1 AND (classid::bigint << 32 | "
                             "objid::bigint) = %s", (LOCK_KEY,)).fetchall()
    assert ended == [(True,)]


def test_a_writer_that_lost_the_lock_drops_nothing_another_published(
        tmp_path: Path, database_url: str, fake_embedder: FakeEmbedder) -> None:
    """The lock goes with its session while its writer goes on building: another writer then
    takes it and publishes; the first one's publish, built on the generation before, is
    refused (nothing published, an error) instead of dropping the other's acknowledged
    upload."""
    a = pg_service(tmp_path, database_url, fake_embedder, "a")
    b = pg_service(tmp_path, database_url, fake_embedder, "b")
    a.upsert([tea_report("base", 2020, "1.000")])
    a.live.store.close()
    paused = a.live.store = PausedStore(database_url)
    errors: list[Exception] = []

    def write() -> None:
        try:
            a.upsert([tea_report("mw1", 2026, "4.321")])
        except IndexStoreError as exc:
            errors.append(exc)

    thread = threading.Thread(target=write)
    thread.start()
    assert paused.reached.wait(30)  # a built gen 2 from gen 1 under the lock
    end_the_lock_holders_session(database_url)
    b.upsert([tea_report("mw2", 2025, "4.020")])  # the lock is free: b publishes, acknowledged
    paused.go.set()
    thread.join(timeout=30)
    store = PgStore(database_url)
    try:
        assert set(store.load().docs) == {"base", "mw2"}
        assert len(errors) == 1 and "gen-000001" in str(errors[0]), errors
        assert store.live_name() == "gen-000002"
    finally:
        store.close()
        a.close()
        b.close()
