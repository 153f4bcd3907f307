"""`rag db upgrade` and `rag db status` against a real PostgreSQL (tests/pg.py): upgrades
started together take turns, and a database a newer rag upgraded is said to be newer, not
behind."""

from __future__ import annotations

import threading
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner

from api.cli import main
from index import IndexStoreError
from index.pg import PgStore, current, head, upgrade
from index.pg.migrate import MIGRATION_LOCK_KEY
from rag.service import database_revision
from rag.settings import Settings


def test_upgrades_started_together_take_turns(pg_server) -> None:
    import pg

    url = pg.new_database(migrate=False)
    try:
        start = threading.Barrier(3)
        results: list[tuple[str | None, str | None]] = []
        errors: list[BaseException] = []

        def run() -> None:
            start.wait()
            try:
                results.append(upgrade(url))
            except BaseException as exc:  # UniqueViolation without the lock
                errors.append(exc)

        threads = [threading.Thread(target=run, daemon=True) for _ in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
        assert not errors, errors
        assert sorted(results, key=str) == sorted([(None, head()), (head(), head()),
                                                   (head(), head())], key=str)
        assert current(url) == head()
        with psycopg.connect(url, autocommit=True) as conn:  # the lock went with its upgrade
            held = conn.execute("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND "
                                "(classid::bigint << 32 | objid::bigint) = %s",
                                (MIGRATION_LOCK_KEY,)).fetchone()
        assert held == (0,)
    finally:
        pg.drop_database(url)


def stamp(url: str, revision: str) -> None:
    """What a newer rag's `rag db upgrade` leaves: a revision this one does not know."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("UPDATE rag_alembic_version SET version_num = %s", (revision,))


def test_a_database_a_newer_rag_upgraded_is_newer_not_behind(tmp_path: Path,
                                                             database_url: str) -> None:
    stamp(database_url, "9001")
    wanted = f"is at schema revision 9001, newer than this rag (which knows up to {head()})"
    with pytest.raises(IndexStoreError, match="newer than this rag") as err:
        PgStore(database_url)
    assert wanted in str(err.value) and "rag db upgrade" not in str(err.value)
    rev = database_revision(Settings(database_url=database_url))
    assert rev.newer and rev.after == "9001"

    env = {"RAG_DATABASE_URL": database_url, "RAG_INDEX_DIR": str(tmp_path / "cache")}
    status = CliRunner().invoke(main, ["db", "status"], env=env)
    assert status.exit_code == 1
    assert status.stdout.endswith(f"revision 9001 (this rag's newest {head()})\n")
    assert status.stderr == f"error: the database {wanted}: upgrade rag on this host\n"

    up = CliRunner().invoke(main, ["db", "upgrade"], env=env)
    assert up.exit_code == 1 and up.stdout == ""
    assert wanted in up.stderr and "behind" not in up.stderr and "Traceback" not in up.stderr
    assert current(database_url) == "9001"  # left as it was


def test_status_of_a_database_behind_says_to_upgrade(pg_server, tmp_path: Path) -> None:
    import pg

    url = pg.new_database(migrate=False)
    try:
        upgrade(url, "0001")
        env = {"RAG_DATABASE_URL": url, "RAG_INDEX_DIR": str(tmp_path / "cache")}
        status = CliRunner().invoke(main, ["db", "status"], env=env)
        assert status.exit_code == 1
        assert "the database is behind (revision 0001" in status.stderr
        assert "rag db upgrade" in status.stderr
        up = CliRunner().invoke(main, ["db", "upgrade"], env=env)
        assert up.exit_code == 0 and f"upgraded from revision 0001 to {head()}" in up.stdout
        assert CliRunner().invoke(main, ["db", "status"], env=env).exit_code == 0
    finally:
        pg.drop_database(url)


def test_a_url_of_several_hosts_is_upgraded_as_the_stores_read_it(pg_server) -> None:
    """libpq's forms SQLAlchemy's URL parser does not read (a host list, a socket directory
    %-escaped in it) reach Alembic as they reach psycopg: the first host refuses, the
    second answers."""
    import pg

    url = pg.new_database(migrate=False)
    try:
        name = url.split("?")[0].rsplit("/", 1)[-1]
        socket_dir = url.split("?host=")[1]
        hosts = f"postgresql://postgres@127.0.0.1:1,{socket_dir.replace('/', '%2F')}/{name}"
        assert upgrade(hosts) == (None, head())
        assert current(hosts) == head()
        PgStore(hosts).close()
    finally:
        pg.drop_database(url)


def test_a_role_that_cannot_create_the_extension_is_told_who_must(pg_server,
                                                                   tmp_path: Path) -> None:
    # the README's role owns its database but is no superuser: `rag db upgrade` failed with
    # PostgreSQL's "permission denied to create extension" alone (break-test of issue 20)
    import uuid

    import pg

    url = pg.new_database(migrate=False)
    role = "r_" + uuid.uuid4().hex[:12]
    name = url.split("?")[0].rsplit("/", 1)[-1]
    with psycopg.connect(pg_server.get_uri(), autocommit=True) as conn:
        conn.execute(f'CREATE ROLE "{role}" LOGIN')
        conn.execute(f'ALTER DATABASE "{name}" OWNER TO "{role}"')
    assert url.startswith("postgresql://postgres:@")
    as_role = url.replace("postgresql://postgres:@", f"postgresql://{role}:@", 1)
    try:
        env = {"RAG_DATABASE_URL": as_role, "RAG_INDEX_DIR": str(tmp_path / "cache")}
        up = CliRunner().invoke(main, ["db", "upgrade"], env=env)
        assert up.exit_code == 1
        assert "permission denied to create extension" in up.stderr
        assert "a superuser must run CREATE EXTENSION vector" in up.stderr
    finally:
        pg.drop_database(url)
        with psycopg.connect(pg_server.get_uri(), autocommit=True) as conn:
            conn.execute(f'DROP ROLE IF EXISTS "{role}"')
