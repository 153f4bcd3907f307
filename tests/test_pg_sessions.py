"""Chat sessions and delivery claims in PostgreSQL (rag.chat.pg_sessions) against a real
PostgreSQL (tests/pg.py): what several stores -- several processes or hosts, each with its own
pool -- see of one database, the service keeping a conversation across services, and a
database of the previous schema revision brought up to date with its corpus.  The behaviour
shared with the SQLite store is tested on both in tests/test_sessions.py."""

from __future__ import annotations

import subprocess
import threading
from collections import Counter
from pathlib import Path

import psycopg
import pytest
from conftest import FakeEmbedder, rag_executable
from helpers import pg_service, run_in_threads, tea_report

from index import IndexStoreError
from index.pg import PgStore, current, downgrade, head, upgrade
from rag.chat.pg_sessions import PgSessionStore
from rag.errors import SessionStoreError, UnknownSession
from rag.ingest.readers import make_document
from rag.service.config import session_store
from rag.settings import Settings

TTL = 3600
SESSION_TABLES = ("rag_sessions", "rag_session_turns", "rag_session_keys",
                  "rag_delivery_claims")
CORPUS_TABLES = ("rag_documents", "rag_chunks", "rag_generations", "rag_generation_files",
                 "rag_live")


def rows(url: str, table: str) -> int:
    with psycopg.connect(url) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def tables(url: str) -> set[str]:
    with psycopg.connect(url) as conn:
        return {r[0] for r in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}


# --- claims: exactly one winner across stores -----------------------------------------------


def test_one_claimant_wins_each_delivery_across_two_pools(database_url: str) -> None:
    """Eight threads, four on each of two stores (two pools, as two servers would be), claim
    the same 30 deliveries at once: each is won exactly once; after the stale time the ones
    never marked done are raced for again, and again won once each."""
    now = [1000.0]
    one = PgSessionStore(database_url, TTL, 10, clock=lambda: now[0])
    two = PgSessionStore(database_url, TTL, 10, clock=lambda: now[0])
    keys = [f"slack:event:Ev{n}" for n in range(30)]

    def race() -> Counter[str]:
        wins: Counter[str] = Counter()
        lock = threading.Lock()
        start = threading.Barrier(8)

        def worker(w: int) -> None:
            store = one if w % 2 else two
            start.wait()
            for key in keys:
                if store.claim(key, 600, 45):
                    with lock:
                        wins[key] += 1

        assert run_in_threads(worker, 8) == []
        return wins

    try:
        assert race() == Counter(keys)
        one.done(keys[0])  # answered: never raced for again
        assert race() == Counter()  # being answered
        now[0] += 46  # the others' claimants died before replying
        assert race() == Counter(keys[1:])
        assert rows(database_url, "rag_delivery_claims") == 30
    finally:
        one.close()
        two.close()


def test_claim_rules_across_two_stores(database_url: str) -> None:
    """The rules tests/test_multiprocess.py holds the SQLite file to."""
    now = [1000.0]
    a = PgSessionStore(database_url, TTL, 10, clock=lambda: now[0])
    b = PgSessionStore(database_url, TTL, 10, clock=lambda: now[0])
    try:
        assert a.claim("slack:event:Ev1", 600, 45) is True
        assert b.claim("slack:event:Ev1", 600, 45) is False  # being answered by a
        assert b.claim("slack:event:Ev2", 600, 45) is True
        a.done("slack:event:Ev1")
        now[0] += 100  # past the stale time, but answered: never again
        assert b.claim("slack:event:Ev1", 600, 45) is False
        assert a.claim("slack:event:Ev2", 600, 45) is True  # b died before replying
        assert b.claim("slack:event:Ev2", 600, 45) is False  # a holds it now
        now[0] += 601  # forgotten after the TTL
        assert rows(database_url, "rag_delivery_claims") == 2
        assert b.claim("slack:event:Ev1", 600, 45) is True
        assert rows(database_url, "rag_delivery_claims") == 1  # Ev2 forgotten on the way
    finally:
        a.close()
        b.close()


def test_one_session_for_a_key_given_at_once_to_two_stores(database_url: str) -> None:
    """The first message of one Slack thread reaching two servers at once: one session."""
    one = PgSessionStore(database_url, TTL, 10)
    two = PgSessionStore(database_url, TTL, 10)
    got: list[str] = []
    start = threading.Barrier(8)

    def worker(w: int) -> None:
        start.wait()
        got.append((one if w % 2 else two).session_for_key("slack:T1:C1:1712345678.000100"))

    try:
        assert run_in_threads(worker, 8) == []
        assert len(set(got)) == 1 and len(got) == 8
        assert rows(database_url, "rag_sessions") == 1
    finally:
        one.close()
        two.close()


# --- expiry -----------------------------------------------------------------------------------


def test_an_expired_session_is_gone_for_every_store(database_url: str) -> None:
    """A session another store made and last touched more than the TTL ago: get says None,
    follow-ups raise KeyError, and its rows (turns, key) are deleted."""
    now = [1000.0]
    a = PgSessionStore(database_url, TTL, 10, clock=lambda: now[0])
    b = PgSessionStore(database_url, TTL, 10, clock=lambda: now[0])
    try:
        sid = a.session_for_key("zalo:42")
        a.add_turn(sid, "sản lượng chè 2020?", "sản lượng chè 2020?", {"answer": "1.000 tấn"})
        now[0] += TTL - 1
        assert [t.question for t in b.get(sid).turns] == ["sản lượng chè 2020?"]
        now[0] += 2
        assert b.get(sid) is None
        assert all(rows(database_url, t) == 0 for t in SESSION_TABLES[:3])
        with pytest.raises(KeyError):
            a.add_turn(sid, "q", "r", {})
        with pytest.raises(KeyError):
            a.get_or_create(sid)
        assert a.session_for_key("zalo:42") != sid
    finally:
        a.close()
        b.close()


# --- opening: the database must be reachable and upgraded -------------------------------------


def test_a_database_not_upgraded_or_unreachable_is_a_session_store_error(pg_server) -> None:
    import pg

    url = pg.new_database(migrate=False)
    try:
        upgrade(url, "0001")  # the corpus's tables, not the sessions'
        with pytest.raises(SessionStoreError, match="rag db upgrade") as err:
            PgSessionStore(url, TTL, 10)
        assert "revision 0001, not " + head() in str(err.value)
    finally:
        pg.drop_database(url)
    with pytest.raises(SessionStoreError, match="RAG_DATABASE_URL") as err:
        PgSessionStore("postgresql://nobody:secret@127.0.0.1:1/none", TTL, 10,
                       connect_timeout=1)
    assert "secret" not in str(err.value)


def test_the_service_picks_the_store_by_the_settings(tmp_path: Path, database_url: str) -> None:
    with session_store(Settings(index_dir=tmp_path / "i", sessions_db=tmp_path / "s.db",
                                database_url=database_url)) as pg_store:
        assert isinstance(pg_store, PgSessionStore)
        pg_store.create()
    assert not (tmp_path / "s.db").exists()
    with session_store(Settings(index_dir=tmp_path / "i", sessions_db=tmp_path / "s.db")) as f:
        assert not isinstance(f, PgSessionStore)
    assert (tmp_path / "s.db").is_file()


# --- the service: a conversation goes on in another server ------------------------------------


def test_a_follow_up_goes_on_in_another_service(tmp_path: Path, database_url: str,
                                                fake_embedder: FakeEmbedder) -> None:
    a = pg_service(tmp_path, database_url, fake_embedder, "a")
    b = pg_service(tmp_path, database_url, fake_embedder, "b")
    try:
        a.upsert([tea_report("c2020", 2020, "1.000"), tea_report("c2021", 2021, "1.200")])
        first = a.chat("sản lượng chè Bắc Sơn năm 2020?")
        second = b.chat("năm 2021 thì sao?", first.session_id)
        assert second.session_id == first.session_id
        assert "chè" in second.resolved_question and "2021" in second.resolved_question
        assert "2020" not in second.resolved_question
        assert "1.200" in second.answer
        history = a.history(first.session_id)
        assert [t.question for t in history.turns] == ["sản lượng chè Bắc Sơn năm 2020?",
                                                       "năm 2021 thì sao?"]
        b.end_session(first.session_id)
        with pytest.raises(UnknownSession):
            a.history(first.session_id)
        assert a.first_delivery("zalo:msg:1") is True
        assert b.first_delivery("zalo:msg:1") is False
        assert not (tmp_path / "s.db").exists()  # RAG_SESSIONS_DB unused with a database
    finally:
        a.close()
        b.close()


def test_a_nul_in_a_report_or_a_message_is_left_out_as_on_files(
        tmp_path: Path, database_url: str, fake_embedder: FakeEmbedder) -> None:
    # PostgreSQL's text cannot hold U+0000: the database refused what the files kept, one
    # NUL blocking a whole `rag index` run (break-test of issue 20)
    a = pg_service(tmp_path, database_url, fake_embedder)
    try:
        a.upsert([make_document("nul", "Năm 2020, sản lượng chè\x00 Bắc Sơn đạt 1.000 tấn.",
                                title="Báo\x00 cáo", source="upload")])
        held = PgStore(database_url).load().docs["nul"]
        assert "\x00" not in held.text + (held.title or "") and "chè Bắc Sơn" in held.text
        turn = a.chat("sản lượng chè\x00 Bắc Sơn năm 2020?")
        assert [t.question for t in a.history(turn.session_id).turns] == [
            "sản lượng chè Bắc Sơn năm 2020?"]
    finally:
        a.close()


# --- schema revisions: 0001 -> head with a corpus, and back -----------------------------------


def copy_corpus(source: str, target: str) -> None:
    """The corpus rows of ``source`` into ``target``'s empty tables of revision 0001, as the
    previous release left them (binary COPY, then the documents' key sequence moved on)."""
    with psycopg.connect(source) as src, psycopg.connect(target) as dst:
        for table in CORPUS_TABLES:
            with src.cursor().copy(f"COPY {table} TO STDOUT (FORMAT BINARY)") as out, \
                    dst.cursor().copy(f"COPY {table} FROM STDIN (FORMAT BINARY)") as into:
                for block in out:
                    into.write(block)
        dst.execute("SELECT setval(pg_get_serial_sequence('rag_documents', 'key'), "
                    "(SELECT max(key) FROM rag_documents))")


def test_rag_db_upgrade_from_0001_keeps_the_corpus(tmp_path: Path, database_url: str,
                                                   fake_embedder: FakeEmbedder,
                                                   cli_env: dict[str, str]) -> None:
    import pg

    writer = pg_service(tmp_path, database_url, fake_embedder, "w")
    writer.upsert([tea_report("c2020", 2020, "1.000"), tea_report("c2021", 2021, "1.200")])
    writer.close()
    old = pg.new_database(migrate=False)
    try:
        assert upgrade(old, "0001") == (None, "0001")
        copy_corpus(database_url, old)
        assert not tables(old) & set(SESSION_TABLES)
        with pytest.raises(IndexStoreError, match="rag db upgrade"):
            pg_service(tmp_path, old, fake_embedder, "x")
        proc = subprocess.run([rag_executable(), "db", "upgrade"], capture_output=True,
                              text=True, env={**cli_env, "RAG_DATABASE_URL": old}, timeout=120)
        assert proc.returncode == 0, proc.stderr
        assert f"upgraded from revision 0001 to {head()}" in proc.stdout
        assert current(old) == head() and tables(old) >= set(SESSION_TABLES)
        assert rows(old, "rag_documents") == 2
        c = pg_service(tmp_path, old, fake_embedder, "c")
        try:
            assert list(c.index.docs) == ["c2020", "c2021"]
            assert c.index.generation == "gen-000001"
            first = c.chat("sản lượng chè Bắc Sơn năm 2021?")
            assert "1.200" in first.answer
            assert c.chat("năm 2020 thì sao?", first.session_id).answer.startswith("1.000")
            c.upsert([tea_report("c2022", 2022, "1.400")])  # the key sequence goes on
            assert PgStore(old).load().generation == "gen-000002"
        finally:
            c.close()
    finally:
        pg.drop_database(old)


def test_downgrade_to_0001_drops_the_sessions_and_keeps_the_corpus(
        tmp_path: Path, database_url: str, fake_embedder: FakeEmbedder) -> None:
    a = pg_service(tmp_path, database_url, fake_embedder)
    a.upsert([tea_report("c2020", 2020, "1.000")])
    a.chat("sản lượng chè Bắc Sơn năm 2020?")
    a.close()
    assert downgrade(database_url, "0001") == (head(), "0001")
    assert not tables(database_url) & set(SESSION_TABLES)
    assert rows(database_url, "rag_documents") == 1
    assert upgrade(database_url) == ("0001", head())
    b = pg_service(tmp_path, database_url, fake_embedder, "b")
    try:
        assert list(b.index.docs) == ["c2020"]
        assert rows(database_url, "rag_sessions") == 0
        assert b.chat("sản lượng chè Bắc Sơn năm 2020?").session_id
    finally:
        b.close()
