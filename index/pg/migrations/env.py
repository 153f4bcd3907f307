"""Alembic's environment for the PostgreSQL store: runs the revisions of ``versions/`` over the
connection :func:`index.pg.migrate.upgrade` hands it (never a URL of its own)."""

from __future__ import annotations

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=None,
                  version_table="rag_alembic_version", transactional_ddl=True)
with context.begin_transaction():
    context.run_migrations()
