"""The PostgreSQL backend of the corpus (``RAG_DATABASE_URL``): pgvector for the vectors,
Alembic for the schema, psycopg 3 and its pool for the connections.  Imported only when a
database URL is set, so the default (files) server never loads psycopg."""

from index.pg.migrate import current, downgrade, head, upgrade
from index.pg.store import PgStore, PgVectors

__all__ = ["PgStore", "PgVectors", "current", "downgrade", "head", "upgrade"]
