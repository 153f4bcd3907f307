"""Background uploads: their status, shared by the servers of every host.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04

The table of the SQLite upload status file (``rag.ingest.jobs``, ``uploads.sqlite`` beside the
index) in the database, for ``rag.ingest.pg_jobs.PgJobStore``: the same columns and meanings,
so a job's status answers on any host and a deletion on one host cancels the upload another
is reading.  ``record`` is the JSON text of the job (``UploadJob.to_dict``) as the store wrote
it; ``created`` epoch seconds of the submitting host's clock; ``seq`` orders jobs created in
the same second, as SQLite's rowid does.  ``owner_key`` is the session advisory lock (one
bigint) that the owning process holds on a connection of its own while it lives: a job still
queued or running whose owner no longer holds it is reported failed (its process or host
stopped), whichever host asks.
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Make the table of background uploads' status."""
    op.execute("""
        CREATE TABLE rag_upload_jobs (
            job       text PRIMARY KEY,            -- UploadJob.job: 16 hex digits
            seq       bigint GENERATED ALWAYS AS IDENTITY,
            doc_id    text NOT NULL,
            owner     text NOT NULL,               -- "host:pid" of the process running it
            owner_key bigint NOT NULL,             -- its advisory lock, held while it lives
            status    text NOT NULL,               -- UploadJob.status, as in record
            record    text NOT NULL,               -- JSON: UploadJob.to_dict
            created   double precision NOT NULL
        )""")
    op.execute("CREATE INDEX rag_upload_jobs_doc ON rag_upload_jobs (doc_id, created)")


def downgrade() -> None:
    """Drop the uploads' status table, its rows with it."""
    op.execute("DROP TABLE IF EXISTS rag_upload_jobs")
