"""Storage of the corpus: vectors (FAISS), lexical index (BM25), chunk store, manifest."""

from index.index import Index, IndexConfig, IndexMismatchError, UpdateReport
from index.store import IndexStoreError

__all__ = ["Index", "IndexConfig", "IndexMismatchError", "IndexStoreError", "UpdateReport"]
