"""Chat sessions, their turns, the chat platforms' conversation keys and delivery claims.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04

The tables of the SQLite session store (``rag.chat.sessions``, RAG_SESSIONS_DB) in the
database, for ``rag.chat.pg_sessions.PgSessionStore``: the same columns and meanings, so both
stores keep one set of rules.  Times are epoch seconds (double precision) of the store's clock,
as in the SQLite file; meta and answers are the JSON text the store wrote (kept as text, so a
turn's answer comes back with its keys in the order written).  A session's turns and keys go
with it (ON DELETE CASCADE).
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Make the tables of chat sessions, their turns, conversation keys and delivery claims."""
    op.execute("""
        CREATE TABLE rag_sessions (
            id      text PRIMARY KEY,
            created double precision NOT NULL,
            updated double precision NOT NULL,   -- expires ttl_seconds after this
            meta    text NOT NULL DEFAULT '{}'   -- JSON
        )""")
    op.execute("CREATE INDEX rag_sessions_updated ON rag_sessions (updated)")
    op.execute("""
        CREATE TABLE rag_session_turns (
            session_id        text NOT NULL REFERENCES rag_sessions (id) ON DELETE CASCADE,
            seq               integer NOT NULL,  -- 1, 2, ... in the session; the latest kept
            question          text NOT NULL,
            resolved_question text NOT NULL,
            answer_json       text NOT NULL,
            created           double precision NOT NULL,
            PRIMARY KEY (session_id, seq)
        )""")
    op.execute("""
        CREATE TABLE rag_session_keys (
            key        text PRIMARY KEY,          -- "slack:T1:C1:<thread_ts>", "zalo:<user>"
            session_id text NOT NULL REFERENCES rag_sessions (id) ON DELETE CASCADE
        )""")
    op.execute("CREATE INDEX rag_session_keys_session ON rag_session_keys (session_id)")
    op.execute("""
        CREATE TABLE rag_delivery_claims (
            key     text PRIMARY KEY,             -- a platform's event or message id
            claimed double precision NOT NULL,
            done    boolean NOT NULL DEFAULT false
        )""")
    op.execute("CREATE INDEX rag_delivery_claims_claimed ON rag_delivery_claims (claimed)")


def downgrade() -> None:
    """Drop the sessions' tables, their rows with them."""
    for table in ("rag_delivery_claims", "rag_session_keys", "rag_session_turns",
                  "rag_sessions"):
        op.execute(f"DROP TABLE IF EXISTS {table}")
