"""The PostgreSQL database of RAG_DATABASE_URL: its schema brought up to date (`rag db upgrade`)
and its revision read (`rag db status`)."""

from __future__ import annotations

from dataclasses import dataclass

from index import IndexStoreError
from rag.settings import Settings


@dataclass(frozen=True)
class DatabaseRevision:
    """The schema revision of the database (``before`` an upgrade, ``after`` it; None: never
    upgraded), the newest this version of rag knows (``head``), and ``where`` it is (the URL
    without its password); ``newer``: the database is at a revision this rag does not know,
    made by a newer rag."""

    where: str
    before: str | None
    after: str | None
    head: str
    newer: bool = False

    def problem(self) -> str | None:
        """Why this rag cannot use the database as it is (behind: ``rag db upgrade``;
        newer: upgrade rag); None when it is at :attr:`head`."""
        from index.pg.migrate import newer_than_rag

        if self.newer and self.after is not None:
            return newer_than_rag(self.after)
        if self.after != self.head:
            return (f"the database is behind (revision {self.after or 'none'}, this rag's "
                    f"newest is {self.head}): run `rag db upgrade`")
        return None


def _url(settings: Settings) -> str:
    if not settings.database_url:
        raise IndexStoreError("no database: set RAG_DATABASE_URL=postgresql://user:password@"
                              "host:5432/db (without it the corpus is files in RAG_INDEX_DIR)")
    return settings.database_url


def upgrade_database(settings: Settings) -> DatabaseRevision:
    """Bring RAG_DATABASE_URL's schema to the newest revision (Alembic; the first time it
    makes the pgvector extension and the tables, so the user needs CREATE on the database,
    or the extension made beforehand by a superuser; concurrent upgrades take turns).
    IndexStoreError with the database's message when it cannot, or when a newer rag
    upgraded it further than this one knows."""
    from index.pg import head, upgrade
    from index.pg.migrate import NewerSchemaError, newer_than_rag
    from index.pgurl import redacted

    url = _url(settings)
    try:
        before, after = upgrade(url)
    except NewerSchemaError as exc:
        raise IndexStoreError(f"cannot upgrade: {newer_than_rag(exc.revision, redacted(url))}"
                              ) from exc
    except Exception as exc:  # sqlalchemy.exc.*, psycopg.*: said in one line
        said = str(exc).strip().splitlines()[0]
        if "permission denied to create extension" in said:  # the role is not a superuser
            said += ('; a superuser must run CREATE EXTENSION vector in this database once '
                     '(README "PostgreSQL: several hosts, one store")')
        raise IndexStoreError(f"cannot upgrade the database {redacted(url)}: {said}") from exc
    return DatabaseRevision(redacted(url), before, after, head())


def database_revision(settings: Settings) -> DatabaseRevision:
    """The revision RAG_DATABASE_URL is at, beside the newest (IndexStoreError when it cannot
    be read)."""
    from index.pg import current, head
    from index.pg.migrate import known
    from index.pgurl import redacted

    url = _url(settings)
    try:
        at = current(url)
    except Exception as exc:
        raise IndexStoreError(f"cannot read the database {redacted(url)}: "
                              f"{str(exc).strip().splitlines()[0]}") from exc
    return DatabaseRevision(redacted(url), at, at, head(), newer=at is not None and not known(at))
