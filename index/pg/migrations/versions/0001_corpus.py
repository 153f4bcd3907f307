"""The corpus: documents, chunk vectors (pgvector), generations and the live pointer.

Revision ID: 0001
Revises:
Create Date: 2026-12-04

A generation is a row of ``rag_generations`` (its manifest, the order of its documents, its
chunk columns and its BM25 arrays in ``rag_generation_files``); documents and their chunk
vectors are rows shared by every generation that holds them unchanged, so publishing one
upload writes that upload's rows, not the corpus.  ``rag_live`` names the generation served;
publishing is one transaction that inserts the new rows and moves the pointer.  The HNSW index
over the vectors is made by the store for the embedder's dimension on first publish
(``index.pg.store``), since a column of any dimension is allowed here.
"""

from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Make the corpus's tables (and the pgvector extension when missing)."""
    op.execute("CREATE EXTENSION IF NOT EXISTS vector")
    op.execute("""
        CREATE TABLE rag_documents (
            key       bigserial PRIMARY KEY,
            id        text NOT NULL,
            record    jsonb NOT NULL,      -- the document's metadata (Document.to_dict, no text)
            text      text NOT NULL,
            figures   text,                -- the JSON text of its figure frames, unread here
            signature text NOT NULL        -- sha256 of record, text, figures, chunks, vectors
        )""")
    op.execute("CREATE INDEX rag_documents_signature ON rag_documents (id, signature)")
    op.execute("""
        CREATE TABLE rag_chunks (
            doc_key   bigint NOT NULL REFERENCES rag_documents (key) ON DELETE CASCADE,
            seq       integer NOT NULL,    -- the chunk's place among its document's chunks
            embedding vector NOT NULL,
            PRIMARY KEY (doc_key, seq)
        )""")
    op.execute("""
        CREATE TABLE rag_generations (
            number    bigint PRIMARY KEY,
            token     uuid NOT NULL,       -- tells a generation from another of the same number
            created   timestamptz NOT NULL DEFAULT now(),
            manifest  jsonb NOT NULL,
            doc_keys  bigint[] NOT NULL    -- its documents, in order
        )""")
    op.execute("""
        CREATE TABLE rag_generation_files (
            generation bigint NOT NULL REFERENCES rag_generations (number) ON DELETE CASCADE,
            name       text NOT NULL,      -- chunks.json, restore.json, lexical/...
            data       bytea NOT NULL,
            PRIMARY KEY (generation, name)
        )""")
    op.execute("""
        CREATE TABLE rag_live (
            one        boolean PRIMARY KEY DEFAULT true CHECK (one),
            generation bigint NOT NULL REFERENCES rag_generations (number)
        )""")


def downgrade() -> None:
    """Drop the corpus's tables, their rows with them."""
    for table in ("rag_live", "rag_generation_files", "rag_generations", "rag_chunks",
                  "rag_documents"):
        op.execute(f"DROP TABLE IF EXISTS {table}")
