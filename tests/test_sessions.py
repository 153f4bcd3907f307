"""Chat sessions on a real SQLite file and, the same behaviour tests, in a real PostgreSQL
(``rag.chat.pg_sessions``, tests/pg.py): each test of a store runs on both backends."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from helpers import run_in_threads

from rag.chat.sessions import Session, SessionStore, Turn

TTL = 3600
PG_TABLES = {"sessions": "rag_sessions", "turns": "rag_session_turns",
             "keys": "rag_session_keys", "claims": "rag_delivery_claims"}


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: float = 1_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def db(tmp_path):
    return tmp_path / "state" / "sessions.db"


@dataclass(frozen=True)
class Backend:
    """Stores on one shared storage: ``open(ttl_seconds, max_turns, clock)`` opens another
    store on it, ``count(table)`` the rows of a table named as in the SQLite file."""

    name: str
    open: Callable[..., Any]
    count: Callable[[str], int]


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request, db) -> Backend:
    if request.param == "sqlite":
        def count_file(table: str) -> int:
            with sqlite3.connect(db) as conn:
                return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

        return Backend("sqlite", lambda ttl_seconds, max_turns, clock=time.time: SessionStore(
            db, ttl_seconds, max_turns, clock), count_file)
    import psycopg

    from rag.chat.pg_sessions import PgSessionStore

    url = request.getfixturevalue("database_url")

    def count_rows(table: str) -> int:
        with psycopg.connect(url) as conn:
            return int(conn.execute(f"SELECT COUNT(*) FROM {PG_TABLES[table]}"
                                    ).fetchone()[0])

    return Backend("postgres", lambda ttl_seconds, max_turns, clock=time.time: PgSessionStore(
        url, ttl_seconds, max_turns, clock), count_rows)


@pytest.fixture
def store(backend, clock):
    with backend.open(ttl_seconds=TTL, max_turns=5, clock=clock) as s:
        yield s


@pytest.fixture
def count(backend):
    return backend.count


def answer(n: int) -> dict:
    return {"answer": f"{n} triệu USD", "found": True, "citations": [{"doc_id": "d1"}]}


def test_create_makes_the_file_in_wal_mode(db, clock):
    with SessionStore(db, ttl_seconds=TTL, max_turns=5, clock=clock) as store:
        sid = store.create({"channel": "web"})
    assert db.is_file()
    assert len(sid) >= 16
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("SELECT id FROM sessions").fetchall() == [(sid,)]


def test_get_returns_the_session(store, clock):
    sid = store.create({"channel": "web"})
    session = store.get(sid)
    assert isinstance(session, Session)
    assert session.id == sid
    assert session.meta == {"channel": "web"}
    assert session.created == session.updated == clock.now
    assert session.turns == ()
    assert session.last_resolved is None


def test_ids_are_unique(store):
    assert len({store.create() for _ in range(50)}) == 50


def test_add_turn_and_history_order(store, clock):
    sid = store.create()
    for n in range(3):
        clock.now += 10
        turn = store.add_turn(sid, f"câu {n}", f"câu hỏi {n}", answer(n))
        assert turn == Turn(f"câu {n}", f"câu hỏi {n}", answer(n), clock.now)
    session = store.get(sid)
    assert [t.question for t in session.turns] == ["câu 0", "câu 1", "câu 2"]
    assert session.turns[1].answer == answer(1)  # Vietnamese text round-trips through JSON
    assert session.last_resolved == "câu hỏi 2"
    assert session.updated == clock.now > session.created


def test_max_turns_keeps_the_most_recent(store):
    sid = store.create()
    for n in range(12):
        store.add_turn(sid, f"q{n}", f"r{n}", answer(n))
    turns = store.get(sid).turns
    assert [t.question for t in turns] == [f"q{n}" for n in range(7, 12)]


def test_delete(store):
    sid = store.create()
    store.add_turn(sid, "q", "r", answer(1))
    assert store.delete(sid) is True
    assert store.get(sid) is None
    assert store.delete(sid) is False


def test_expiry_with_injected_clock(store, clock):
    sid = store.create()
    clock.now += TTL - 1
    store.add_turn(sid, "q", "r", answer(1))  # refreshes the session
    clock.now += TTL - 1
    assert store.get(sid) is not None
    clock.now += 2
    assert store.get(sid) is None
    with pytest.raises(KeyError):
        store.add_turn(sid, "q2", "r2", answer(2))


def test_expired_session_is_deleted_on_access(store, clock, count):
    sid = store.create()
    store.add_turn(sid, "q", "r", answer(1))
    clock.now += TTL + 1
    assert store.get(sid) is None
    assert count("sessions") == 0
    assert count("turns") == 0


def test_purge_expired(store, clock, count):
    old = [store.create() for _ in range(3)]
    store.add_turn(old[0], "q", "r", answer(1))
    store.session_for_key("zalo:old-user")
    clock.now += TTL / 2
    fresh = store.create()
    clock.now += TTL / 2 + 1
    assert store.purge_expired() == 4
    assert store.purge_expired() == 0
    assert store.get(fresh) is not None
    assert count("turns") == 0
    assert count("keys") == 0


def test_get_or_create(store):
    new = store.get_or_create(None, {"channel": "api"})
    assert new.meta == {"channel": "api"} and new.turns == ()
    store.add_turn(new.id, "q", "r", answer(1))
    again = store.get_or_create(new.id)
    assert again.id == new.id and len(again.turns) == 1
    with pytest.raises(KeyError):
        store.get_or_create("no-such-session")


def test_get_or_create_expired_id_is_key_error(store, clock):
    sid = store.create()
    clock.now += TTL + 1
    with pytest.raises(KeyError):
        store.get_or_create(sid)


def test_session_for_key_reuses_then_renews_after_expiry(store, clock):
    key = "slack:T1:C1:1712345678.000100"
    sid = store.session_for_key(key)
    assert store.session_for_key(key) == sid
    assert store.session_for_key("zalo:42") != sid
    assert store.get(sid).meta == {"key": key}
    store.add_turn(sid, "q", "r", answer(1))
    clock.now += TTL + 1
    renewed = store.session_for_key(key)
    assert renewed != sid
    assert store.get(renewed).turns == ()
    assert store.session_for_key(key) == renewed


def test_deleted_session_gets_a_new_one_for_its_key(store):
    sid = store.session_for_key("zalo:7")
    store.delete(sid)
    assert store.session_for_key("zalo:7") not in (sid, None)


def test_persistence_across_instances(backend, clock):
    with backend.open(ttl_seconds=TTL, max_turns=5, clock=clock) as first:
        sid = first.create({"channel": "web"})
        first.add_turn(sid, "kim ngạch xuất khẩu 2018?", "kim ngạch xuất khẩu 2018?", answer(1))
        keyed = first.session_for_key("zalo:1")
    with backend.open(ttl_seconds=TTL, max_turns=5, clock=clock) as second:
        session = second.get(sid)
        assert session is not None
        assert session.meta == {"channel": "web"}
        assert session.turns[0].answer == answer(1)
        assert second.session_for_key("zalo:1") == keyed


def test_concurrent_add_turn_loses_nothing(backend, clock):
    with backend.open(ttl_seconds=TTL, max_turns=1000, clock=clock) as store:
        sid = store.create()

        def worker(w: int) -> None:
            for n in range(25):
                store.add_turn(sid, f"w{w}-{n}", f"w{w}-{n}", answer(n))

        assert run_in_threads(worker, 8) == []
        questions = [t.question for t in store.get(sid).turns]
        assert len(questions) == 200
        assert set(questions) == {f"w{w}-{n}" for w in range(8) for n in range(25)}
        for w in range(8):  # each thread's turns stay in the order it added them
            mine = [q for q in questions if q.startswith(f"w{w}-")]
            assert mine == [f"w{w}-{n}" for n in range(25)]


def test_concurrent_add_turn_from_separate_connections(backend, clock):
    with backend.open(ttl_seconds=TTL, max_turns=1000, clock=clock) as first:
        sid = first.create()

    def worker(w: int) -> None:
        with backend.open(ttl_seconds=TTL, max_turns=1000, clock=clock) as own:
            for n in range(10):
                own.add_turn(sid, f"w{w}-{n}", "r", answer(n))

    assert run_in_threads(worker, 8) == []
    with backend.open(ttl_seconds=TTL, max_turns=1000, clock=clock) as store:
        assert len(store.get(sid).turns) == 80


def test_unknown_id_is_key_error(store):
    with pytest.raises(KeyError):
        store.add_turn("unknown", "q", "r", answer(1))
    assert store.get("unknown") is None


@pytest.mark.parametrize("bad", ["", "   "])
def test_empty_id_is_value_error(store, bad):
    for call in (store.get, store.delete, store.session_for_key):
        with pytest.raises(ValueError):
            call(bad)
    with pytest.raises(ValueError):
        store.add_turn(bad, "q", "r", answer(1))
    with pytest.raises(ValueError):
        store.get_or_create(bad)


def test_bad_settings_are_value_errors(backend):
    with pytest.raises(ValueError):
        backend.open(ttl_seconds=0, max_turns=5)
    with pytest.raises(ValueError):
        backend.open(ttl_seconds=60, max_turns=0)


def test_failed_write_rolls_back(store, count):
    with pytest.raises(TypeError):
        store.session_for_key("zalo:9", meta={"not json": object()})
    assert count("sessions") == 0
    assert count("keys") == 0
    sid = store.session_for_key("zalo:9")  # the store is still usable
    assert store.get(sid) is not None


# --- a store that cannot be opened: SessionStoreError, 503, one `error:` line ---------------


def _bad_dbs(tmp_path):
    """A path under a regular file, and a file that is not SQLite."""
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    (tmp_path / "junk.db").write_text("not a database, " * 100, encoding="utf-8")
    return [tmp_path / "a-file" / "s.db", tmp_path / "junk.db"]


def test_a_store_that_cannot_be_opened_is_a_session_store_error(tmp_path):
    from rag.errors import SessionStoreError

    for bad in _bad_dbs(tmp_path):
        with pytest.raises(SessionStoreError, match="RAG_SESSIONS_DB") as err:
            SessionStore(bad, ttl_seconds=TTL, max_turns=5)
        assert str(bad) in str(err.value)


def test_http_chat_on_a_bad_store_is_503_and_questions_still_answered(tmp_path):
    from conftest import FakeEmbedder
    from fastapi.testclient import TestClient

    from api.http.app import create_app
    from rag.service import RagService
    from rag.settings import Settings

    for i, bad in enumerate(_bad_dbs(tmp_path)):
        settings = Settings(index_dir=tmp_path / f"index-{i}", sessions_db=bad,
                            rate_limit_per_minute=0)
        service = RagService(settings, embedder=FakeEmbedder())
        service.upsert([])  # an index, empty
        with TestClient(create_app(settings, service=service)) as client:
            r = client.post("/chat", json={"message": "kim ngạch xuất khẩu 2018?"})
            assert r.status_code == 503, r.text
            assert "chat sessions are unavailable" in r.json()["detail"]
            assert str(bad) not in r.text  # the path is for the server's log
            assert client.get("/chat/abc").status_code == 503
            assert client.post("/ask", json={"question": "xuất khẩu 2018?"}).status_code == 200


@pytest.mark.parametrize("command", ["serve", "chat"])
def test_cli_on_a_bad_store_is_one_error_line(tmp_path, cli_env, request, command):
    """`rag serve` checks the store before starting; `rag chat` (on an index) when it opens
    it."""
    import subprocess

    from conftest import rag_executable

    index_dir = request.getfixturevalue("seed").index_dir if command == "chat" else tmp_path
    for bad in _bad_dbs(tmp_path):
        env = {**cli_env, "RAG_SESSIONS_DB": str(bad), "RAG_INDEX_DIR": str(index_dir)}
        proc = subprocess.run([rag_executable(), command], capture_output=True, text=True,
                              env=env, input="xuất khẩu 2018?\n", timeout=120)
        assert proc.returncode == 1, (proc.stdout, proc.stderr)
        lines = proc.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: cannot open the chat session "
                                                       "store"), proc.stderr
        assert str(bad) in lines[0] and "Traceback" not in proc.stderr
        assert proc.stdout == ""  # before the first prompt
