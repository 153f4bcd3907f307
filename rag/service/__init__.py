"""The one door: every front end (the CLI, the HTTP app, the Slack and Zalo bots) calls this
service and reads the records it returns; nothing else of the library is theirs to import.

The service checks what comes in (question length and options, document ids, file types),
builds the filters, owns the embedder, the live index (``rag.ingest.live``), the chat
sessions, and the answer policy (the BM25-first cascade, the generative path).  Errors it
raises are the ones in ``rag.errors``.
"""

from index import IndexStoreError
from rag.ingest.ids import DOC_ID_PATTERN
from rag.service.cascade import BM25_MARGIN, BM25Margin
from rag.service.config import check_settings, figure_scorer, llm_config, ocr_config
from rag.service.database import DatabaseRevision, database_revision, upgrade_database
from rag.service.questions import MAX_DOC_IDS, MAX_PASSAGES, YEARS
from rag.service.service import RagService, load_eval_report
from rag.service.years import near_years

__all__ = ["BM25_MARGIN", "DOC_ID_PATTERN", "MAX_DOC_IDS", "MAX_PASSAGES", "YEARS", "BM25Margin",
           "DatabaseRevision", "IndexStoreError", "RagService", "database_revision",
           "upgrade_database",
           "check_settings", "figure_scorer", "llm_config", "load_eval_report", "near_years",
           "ocr_config"]
