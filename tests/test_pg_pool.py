"""The PostgreSQL pools when the server goes away and comes back, against a real PostgreSQL
(tests/pg.py): a restart, a ``pg_restore --clean`` under running servers, a
server down."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from conftest import FakeEmbedder
from fastapi.testclient import TestClient

from api.http.app import create_app
from index.pg import PgStore
from rag.chat.pg_sessions import PgSessionStore
from rag.ingest.pg_jobs import PgJobStore
from rag.ingest.readers import make_document
from rag.service import RagService
from rag.settings import Settings


@pytest.fixture(scope="module")
def own_server() -> Iterator[Any]:
    """A server of the module's own, stopped and restarted by its tests."""
    import pg

    srv = pg.OwnServer()
    try:
        yield srv
    finally:
        srv.close()


def doc(doc_id: str, year: int, tonnes: str):
    return make_document(doc_id, f"Năm {year}, sản lượng chè Bắc Sơn đạt {tonnes} tấn, tăng "
                                 f"7,4% so với năm {year - 1}.", title=f"Báo cáo {year}",
                         source="upload")


def settings(tmp_path: Path, url: str) -> Settings:
    return Settings(index_dir=tmp_path / "cache", database_url=url,
                    sessions_db=tmp_path / "s.db", index_poll_seconds=0,
                    rate_limit_per_minute=0)


def service(tmp_path: Path, url: str, emb: FakeEmbedder) -> RagService:
    return RagService(settings(tmp_path, url), embedder=emb)


def test_every_store_answers_right_after_the_server_restarts(own_server) -> None:
    url = own_server.new_database()
    corpus = PgStore(url)
    sessions = PgSessionStore(url, ttl_seconds=3600, max_turns=10)
    jobs = PgJobStore(url)
    try:
        session_id = sessions.create()
        assert corpus.live_name() is None and jobs.get("nope") is None
        own_server.restart()  # every pooled connection is now a dead one
        assert corpus.live_name() is None
        assert corpus.generations() == []
        assert sessions.get(session_id) is not None
        assert jobs.get("nope") is None
    finally:
        corpus.close()
        sessions.close()
        jobs.close()


def pg_bin(name: str) -> str:
    import pgserver

    return str(Path(pgserver.__file__).parent / "pginstall" / "bin" / name)


def test_a_running_server_answers_after_pg_restore_clean(tmp_path: Path, database_url: str,
                                                         fake_embedder: FakeEmbedder) -> None:
    """``pg_restore --clean`` drops and makes the vector extension again: the type gets a new
    OID that the open pool's connections (and their prepared statements) do not know."""
    import psycopg

    a = service(tmp_path, database_url, fake_embedder)
    try:
        a.upsert([doc("c2020", 2020, "1.000"), doc("c2021", 2021, "1.200")])
        index = a.index
        q = index.embeddings[1]
        before = [index.vectors.search(q, 2) for _ in range(8)]  # prepared after 5 runs
        with psycopg.connect(database_url) as conn:
            old = conn.execute("SELECT 'vector'::regtype::oid").fetchone()
        dump = tmp_path / "corpus.dump"
        subprocess.run([pg_bin("pg_dump"), "-Fc", "-f", str(dump), "-d", database_url],
                       check=True)
        subprocess.run([pg_bin("pg_restore"), "--clean", "--if-exists", "-d", database_url,
                        str(dump)], check=True)
        with psycopg.connect(database_url) as conn:
            assert conn.execute("SELECT 'vector'::regtype::oid").fetchone() != old
        rows, scores = index.vectors.search(q, 2)
        assert rows.tolist() == before[0][0].tolist()
        assert np.allclose(scores, before[0][1])
        assert a.search("sản lượng chè Bắc Sơn năm 2021")
        a.upsert([doc("c2022", 2022, "1.300")])  # and it publishes
        assert a.index.generation == "gen-000002" and len(a.index.docs) == 3
    finally:
        a.close()


def test_not_ready_while_the_database_is_down(own_server, tmp_path: Path,
                                              fake_embedder: FakeEmbedder) -> None:
    url = own_server.new_database()
    a = service(tmp_path, url, fake_embedder)
    try:
        a.upsert([doc("c2020", 2020, "1.000")])
        with TestClient(create_app(settings(tmp_path, url), service=a)) as client:
            assert client.get("/readyz").json()["status"] == "ready"
            own_server.stop()
            try:
                r = client.get("/readyz")
                assert r.status_code == 503 and r.json()["status"] == "not ready"
                assert "database cannot be reached" in r.json()["detail"]
                assert "postgres" not in r.text  # no URL nor server message to the client
                assert client.get("/healthz").status_code == 200  # liveness: the process is up
            finally:
                own_server.start()
            assert client.get("/readyz").json()["status"] == "ready"
            assert client.post("/ask", json={"question": "sản lượng chè năm 2020"}
                               ).status_code == 200
    finally:
        a.close()
