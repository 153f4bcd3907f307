"""Where a corpus's generations are kept: files in an index directory (the embedded default)
or a PostgreSQL database (``index.pg``).  Both give the same calls, which the library's live
index (``rag.ingest.live``) writes and follows through."""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path
from typing import Protocol

from index.index import Index, built_with
from index.store import (
    UNCHECKED_BASE,
    IndexBusyError,
    generations,
    live_name,
    write_lock,
)


class CorpusStore(Protocol):
    """What the live index needs of a store.  Errors are IndexStoreError and its kinds
    (NoIndexError, IndexBusyError, IndexWriteError)."""

    kind: str  # "files" or "postgres"
    where: str  # for messages: the directory, or the database URL without its password

    def live_name(self) -> str | None:
        """The generation served (``gen-<n>``); None when nothing was published."""

    def generations(self) -> list[str]:
        """The generations kept, oldest first."""

    def load(self) -> Index:
        """The live generation (NoIndexError when there is none)."""

    def save(self, index: Index, producer: dict[str, str] | None = None,
             base: str | None = UNCHECKED_BASE) -> str:
        """Publish ``index`` as the next generation (the caller holds :meth:`write_lock`).
        ``base``: the generation live when the write read the store (None: none); when
        another is live at the publish, nothing is published and IndexBusyError says so
        (a writer whose lock was lost meanwhile must not drop what another published);
        ``UNCHECKED_BASE``: not checked."""

    def holds(self, index: Index, name: str) -> bool:
        """Whether ``index`` is generation ``name`` as the store holds it now."""

    def write_lock(self, timeout: float | None = None) -> AbstractContextManager[None]:
        """One writer at a time across processes (IndexBusyError after ``timeout`` s)."""

    def built_with(self) -> tuple[str, str] | None:
        """The embedder (backend, model) of the live generation, None when it has no
        document."""

    def ping(self, timeout: float) -> None:
        """Whether the store answers now, for readiness: IndexStoreError when it does not
        within ``timeout`` seconds."""

    def close(self) -> None:
        """Let go of what the store holds open."""


class FileStore:
    """Generations as folders of ``index_dir`` (``index.store``): the embedded default."""

    kind = "files"

    def __init__(self, index_dir: Path):
        self.index_dir = index_dir
        self.where = str(index_dir)

    def live_name(self) -> str | None:
        """The name CURRENT holds (``index.store.live_name``)."""
        return live_name(self.index_dir)

    def generations(self) -> list[str]:
        """The ``gen-<n>`` folders, oldest first."""
        return generations(self.index_dir)

    def load(self) -> Index:
        """``Index.load`` of the directory."""
        return Index.load(self.index_dir)

    def save(self, index: Index, producer: dict[str, str] | None = None,
             base: str | None = UNCHECKED_BASE) -> str:
        """``index.save`` into the directory, the caller holding the lock; the name saved.
        IndexBusyError when ``base`` (unless UNCHECKED_BASE) is not the generation CURRENT
        names (CorpusStore.save)."""
        if base != UNCHECKED_BASE:
            now = live_name(self.index_dir)
            if now != base:
                raise IndexBusyError(moved_on(self.where, base, now), retry_after=1)
        index.save(self.index_dir, locked=True, producer=producer)
        assert index.generation is not None
        return index.generation

    def holds(self, index: Index, name: str) -> bool:
        """``index.is_generation`` of the directory (its folder's inode, not only its name)."""
        return index.is_generation(self.index_dir, name)

    def write_lock(self, timeout: float | None = None) -> AbstractContextManager[None]:
        """The directory's ``flock`` (``index.store.write_lock``)."""
        return write_lock(self.index_dir, timeout)

    def built_with(self) -> tuple[str, str] | None:
        """``index.built_with`` of the directory."""
        return built_with(self.index_dir)

    def ping(self, timeout: float) -> None:
        """Nothing to ask: the files are read when the index is loaded."""

    def close(self) -> None:
        """Nothing is held open."""


def moved_on(where: str, base: str | None, now: str | None) -> str:
    """The refusal of a publish whose store moved on since the write read it."""
    return (f"the index in {where} is at {now or 'no generation'}, not {base or 'empty'} as "
            f"when this write began: another process published meanwhile (this writer's lock "
            f"was lost); nothing was written: try again")


def open_store(index_dir: Path, database_url: str | None = None,
               max_connections: int = 8) -> CorpusStore:
    """The store of a corpus: the PostgreSQL database at ``database_url`` when set (psycopg
    imported only then), else the files of ``index_dir``.  IndexStoreError when the database
    cannot be reached or is not upgraded."""
    if database_url:
        from index.pg import PgStore

        return PgStore(database_url, max_connections=max_connections)
    return FileStore(index_dir)
