"""The PostgreSQL pools when the server goes away and comes back, against a real PostgreSQL
(tests/pg.py): a restart."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from index.pg import PgStore
from rag.chat.pg_sessions import PgSessionStore
from rag.ingest.pg_jobs import PgJobStore


@pytest.fixture(scope="module")
def own_server() -> Iterator[Any]:
    """A server of the module's own, stopped and restarted by its tests."""
    import pg

    srv = pg.OwnServer()
    try:
        yield srv
    finally:
        srv.close()


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
