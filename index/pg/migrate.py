"""Schema versions of the PostgreSQL store, run by Alembic (``rag db upgrade``).

The revisions live in ``index/pg/migrations/versions``; Alembic records the one applied in the
table ``rag_alembic_version``.  Alembic talks through SQLAlchemy over psycopg 3, on connections
psycopg opens from the store's own ``postgresql://`` URL."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from index.pgurl import check_url

MIGRATIONS = Path(__file__).parent / "migrations"
# the session advisory lock `rag db upgrade` and downgrade hold (not the writers' LOCK_KEY)
MIGRATION_LOCK_KEY = 0x7261675F6D696772  # "rag_migr"


class NewerSchemaError(ValueError):
    """The database is at a schema revision this rag does not know: a newer rag made it."""

    def __init__(self, revision: str):
        super().__init__(newer_than_rag(revision))
        self.revision = revision


def _engine(url: str) -> Any:
    """A SQLAlchemy engine (no pool) whose connections psycopg opens from ``url`` itself, as
    the stores do: libpq reads it (a host list, ``?host=/run/postgresql``, ``%`` escapes),
    not SQLAlchemy's URL parser, which reads fewer forms."""
    import psycopg
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    check_url(url)  # ValueError for a URL that is not PostgreSQL's
    return create_engine("postgresql+psycopg://", poolclass=NullPool,
                         creator=lambda: psycopg.connect(url))


def _config(connection: object) -> object:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def upgrade(url: str, revision: str = "head") -> tuple[str | None, str | None]:
    """Bring the database at ``url`` to ``revision`` (default: the newest); returns the
    revisions (before, after).  The database user needs CREATE on the database the first time
    (``CREATE EXTENSION vector`` and the tables).  Upgrades run one at a time
    (:data:`MIGRATION_LOCK_KEY`): a second one started meanwhile waits, then finds nothing
    to do.  NewerSchemaError when the database is at a revision this rag does not know;
    sqlalchemy/psycopg errors as they come (the CLI says them in one line)."""
    from alembic import command

    return _migrate(url, lambda cfg: command.upgrade(cfg, revision))  # type: ignore[arg-type]


def downgrade(url: str, revision: str) -> tuple[str | None, str | None]:
    """Take the database at ``url`` back to ``revision`` (``"0001"``; ``"base"``: nothing),
    running each newer revision's ``downgrade`` -- what that revision made is dropped with its
    rows; returns the revisions (before, after).  Locked and errors as :func:`upgrade`'s."""
    from alembic import command

    return _migrate(url, lambda cfg: command.downgrade(cfg, revision))  # type: ignore[arg-type]


def _migrate(url: str, run: Callable[[object], None]) -> tuple[str | None, str | None]:
    """``run`` (an Alembic command) on one connection to ``url`` holding the migrations'
    session advisory lock, in one transaction; (revision before, revision after)."""
    from sqlalchemy import text

    engine = _engine(url)
    try:
        with engine.connect() as conn:
            # session level, taken outside the migration's transaction and released after
            # it commits (or with the connection, should this process die)
            conn.execute(text("SELECT pg_advisory_lock(CAST(:key AS bigint))"),
                         {"key": MIGRATION_LOCK_KEY})
            conn.commit()
            try:
                with conn.begin():
                    before = _revision(conn)
                    if before is not None and not known(before):
                        raise NewerSchemaError(before)
                    run(_config(conn))
                    after = _revision(conn)
            finally:
                if not conn.invalidated:
                    conn.execute(text("SELECT pg_advisory_unlock(CAST(:key AS bigint))"),
                                 {"key": MIGRATION_LOCK_KEY})
                    conn.commit()
    finally:
        engine.dispose()
    return before, after


def current(url: str) -> str | None:
    """The revision the database at ``url`` is at; None when it was never upgraded."""
    engine = _engine(url)
    try:
        with engine.connect() as conn:
            return _revision(conn)
    finally:
        engine.dispose()


def head() -> str:
    """The newest revision this version of rag knows."""
    from alembic.script import ScriptDirectory

    return str(ScriptDirectory(str(MIGRATIONS)).get_current_head())


def known(revision: str) -> bool:
    """Whether ``revision`` is one of this rag's (one it does not know was made by a newer
    rag: the revisions only ever grow)."""
    from alembic.script import ScriptDirectory

    return any(s.revision == revision
               for s in ScriptDirectory(str(MIGRATIONS)).walk_revisions())


def newer_than_rag(at: str, where: str = "") -> str:
    """What to say of the database at ``where`` (the URL without its password), at revision
    ``at``, which this rag does not know: a newer rag upgraded it."""
    return (f"the database {where + ' ' if where else ''}is at schema revision {at}, newer "
            f"than this rag (which knows up to {head()}): upgrade rag on this host")


def schema_problem(conn: Any, where: str) -> str | None:
    """Why the database that the psycopg connection ``conn`` is open on cannot be used by this
    version of rag -- its schema revision (``rag_alembic_version``) is older than
    :func:`head` (run ``rag db upgrade``) or one it does not know (upgrade rag) -- said for
    ``where`` (the URL without its password); None when it is at head.  Raises psycopg
    errors as they come."""
    found = conn.execute("SELECT to_regclass('rag_alembic_version') IS NOT NULL").fetchone()
    version = conn.execute("SELECT version_num FROM rag_alembic_version").fetchone() \
        if found and found[0] else None
    wanted = head()
    if version is not None and version[0] == wanted:
        return None
    if version is not None and not known(version[0]):
        return newer_than_rag(version[0], where)
    at = version[0] if version else "none"
    return (f"the database {where} is at schema revision {at}, not {wanted}: run "
            f"`rag db upgrade` (RAG_DATABASE_URL set)")


def _revision(conn: object) -> str | None:
    from alembic.migration import MigrationContext

    ctx = MigrationContext.configure(conn, opts={"version_table": "rag_alembic_version"})  # type: ignore[arg-type]
    return ctx.get_current_revision()
