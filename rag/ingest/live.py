"""The live index of one process: loaded once, followed as other processes publish, and
written only under the index directory's lock, from the generation on disk.

Several processes may share one index directory (server workers, `rag index`, the Slack
socket-mode bot).  Every write takes this process's writer lock, then the directory's
``flock`` (``index.store.write_lock``, with a timeout), and starts from the generation
``CURRENT`` names at that moment -- never from a copy in memory another process may have
outdated.  Uploads that wait for the writer are written together (group commit).  A process
sees what others publish through :meth:`LiveIndex.refresh`, which :meth:`LiveIndex.watch` calls
every few hundred milliseconds in a thread of its own.  A `rag index` run over files is
``rag.ingest.indexing``, built on :meth:`LiveIndex.writing`, :meth:`LiveIndex.on_disk` and
:meth:`LiveIndex.commit`.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import numpy as np

from index import Index, IndexConfig, IndexMismatchError, IndexStoreError, NoIndexError
from index.backends import CorpusStore, FileStore
from index.store import UNCHECKED_BASE, generation_number
from index.vectorcache import VectorCache
from rag import __version__
from rag.embed import Embedder
from rag.errors import UploadCancelled
from rag.ingest.build import (
    Embedded,
    embed_new,
    update,
)
from rag.records import Document, UpdateReport

log = logging.getLogger(__name__)


class LiveIndex:
    """The index of ``store`` as this process serves it (the files of ``index_dir`` when no
    store is given; ``index_dir`` also holds this host's caches either way).

    ``config()`` gives the config new generations are built with; ``lock_timeout`` is how long
    a write waits for another process's (then ``IndexBusyError``)."""

    def __init__(self, index_dir: Path, embedder: Embedder, config: Callable[[], IndexConfig],
                 lock_timeout: float | None, store: CorpusStore | None = None):
        self.index_dir = index_dir
        self.store: CorpusStore = store if store is not None else FileStore(index_dir)
        self.embedder = embedder
        self.config = config
        self.lock_timeout = lock_timeout
        self._index: Index | None = None
        self._index_lock = threading.Lock()  # the index is loaded once and swapped under it
        self._write_lock = threading.Lock()  # one writer at a time in this process
        self._waiting: list[_Upsert] = []  # uploads waiting for the writer
        self._waiting_lock = threading.Lock()
        self._watcher: threading.Thread | None = None
        self._stop_watching = threading.Event()
        # what the write in progress started from: (the index on_disk gave, the generation
        # live then), so that its publish is checked against it (CorpusStore.save's base)
        self._read_from: tuple[Index, str | None] | None = None

    # --- reading -------------------------------------------------------------------------

    @property
    def index(self) -> Index:
        """The index in memory, loaded on first use; concurrent first callers wait for one
        load rather than each reading the disk.  Raises NoIndexError, IndexStoreError."""
        if self._index is None:
            with self._index_lock:
                if self._index is None:
                    self._index = self.load()
        return self._index

    @property
    def loaded(self) -> Index | None:
        """The index in memory, if one is; never reads the disk."""
        return self._index

    def load(self) -> Index:
        """The live generation read from disk, checked against this process's embedder."""
        index = self.store.load()
        index.check_embedder(self.embedder.backend, self.embedder.model)
        return index

    def _current(self, index: Index | None) -> bool:
        """Whether ``index`` is still a generation of this directory (not one of a directory
        that was replaced under this process)."""
        return index is not None and index.generation is not None and \
            self.store.holds(index, index.generation)

    def _swap(self, new: Index, force: bool = False) -> bool:
        """Make ``new`` the index in memory unless the one there is newer (``force``: an
        operator rolled CURRENT back); True if swapped.  Questions in flight keep the snapshot
        they took."""
        with self._index_lock:
            old = self._index
            if not force and old is not None and old.generation is not None and \
                    self._current(old) and \
                    generation_number(new.generation) <= generation_number(old.generation):
                return False
            self._index = new
            return True

    def refresh(self) -> bool:
        """Load the generation CURRENT names if it is not the one in memory (another process
        published it, or the directory was replaced); True when a new one was swapped in.
        Cheap when nothing changed: one read of the small CURRENT file and one stat.  Raises
        IndexStoreError for a pointer or generation that cannot be read."""
        name = self.store.live_name()
        held = self._index
        if name is None or (held is not None and self.store.holds(held, name)):
            return False
        rolled_back = held is not None and self._current(held) and \
            generation_number(name) < generation_number(held.generation)
        if rolled_back:
            # an older generation: either CURRENT was read just before this process's own
            # newer publish, or an operator rolled it back; with no writer busy, it is the
            # latter, and it is followed
            try:
                with self.store.write_lock(0):
                    if self.store.live_name() != name:
                        return False
                    new = self.load()
            except IndexStoreError:  # a writer is busy, or the directory is read-only
                return False
            swapped = self._swap(new, force=True)
            log.warning("index generation %s loaded: CURRENT was rolled back from %s",
                        new.generation, held.generation if held else None)
            return swapped
        new = self.load()
        swapped = self._swap(new)
        if swapped:
            log.info("index generation %s loaded (%d documents, %d chunks)", new.generation,
                     len(new.docs), len(new))
        return swapped

    def watch(self, interval: float) -> None:
        """Follow generations other processes publish: a daemon thread calls :meth:`refresh`
        every ``interval`` seconds, loading off the request path (0 or less: no thread).  A
        generation that fails to load is logged and tried again once CURRENT changes."""
        if interval <= 0 or self._watcher is not None:
            return
        self._stop_watching.clear()

        def run() -> None:
            failed: str | None = None  # a generation that did not load: tried once CURRENT moves
            reported: str | None = None  # the last problem logged, not logged again
            while not self._stop_watching.wait(interval):
                try:
                    name = self.store.live_name()
                    if name is None or name == failed:
                        continue
                    try:
                        self.refresh()
                    except Exception:
                        failed = name
                        raise
                    failed = reported = None
                except Exception as exc:  # never let the thread die
                    if str(exc) != reported:
                        log.error("index not followed: %s", exc,
                                  exc_info=not isinstance(exc, IndexStoreError))
                    reported = str(exc)

        self._watcher = threading.Thread(target=run, name="rag-index-watch", daemon=True)
        self._watcher.start()

    def stop(self) -> None:
        """Stop following other processes' generations."""
        self._stop_watching.set()
        if self._watcher is not None:
            self._watcher.join(timeout=5)
            self._watcher = None

    # --- writing -------------------------------------------------------------------------

    def on_disk(self, rebuild: bool) -> Index:
        """The index a write starts from: the generation published in the store now (the one
        in memory when it is that one).  Called with the write lock held; :meth:`commit` of
        the index returned publishes only if that generation is still the live one."""
        self._read_from = None
        if rebuild:
            empty = Index.empty(self.config(), self.embedder.dim)
            with contextlib.suppress(IndexStoreError):  # a corrupt pointer: a rebuild replaces it
                self._read_from = (empty, self.store.live_name())
            return empty
        current, name = self._on_disk()
        self._read_from = (current, name)
        return current

    def live_documents(self) -> dict[str, Document]:
        """The documents of the generation published now, whatever embedder built it (none
        when nothing was published or it cannot be read): what a rebuild replaces, for its
        report to count what it dropped.  Called with the write lock held."""
        try:
            name = self.store.live_name()
            if name is None:
                return {}
            held = self._index
            if held is not None and self.store.holds(held, name):
                return dict(held.docs)
            return dict(self.store.load().docs)
        except (IndexStoreError, OSError):
            return {}

    def _on_disk(self) -> tuple[Index, str | None]:
        """(the index a write starts from, the generation live when it was read)."""
        name = self.store.live_name()  # IndexStoreError for a corrupt pointer
        if name is None:
            found = self.store.generations()
            if found:  # never taken for an empty index: the next write would drop them all
                raise IndexStoreError(
                    f"{self.index_dir} holds index generations ({', '.join(found[-3:])}) but "
                    f"no CURRENT pointer; restore it (`echo {found[-1]} > "
                    f"{self.index_dir / 'CURRENT'}`) or rebuild with `rag index --rebuild`")
            return Index.empty(self.config(), self.embedder.dim), None
        with self._index_lock:  # a reader's first load and a writer's never race
            held = self._index
            if held is not None and self.store.holds(held, name):
                return held, name
            try:
                current = self.load()
            except NoIndexError:
                return Index.empty(self.config(), self.embedder.dim), None
            self._index = current
            return current, current.generation

    @contextmanager
    def writing(self) -> Iterator[None]:
        """This process's writer lock, then the index directory's (across processes)."""
        with self._write_lock, self.store.write_lock(self.lock_timeout):
            yield

    def config_for(self, current: Index, reconfigure: bool) -> IndexConfig:
        """The config a write builds with: the settings' when the index is new or the writer
        asks to change it (`rag index --rebuild`, `--chunk-size`, ...); otherwise the index's
        own (with this library's figure reader), so that processes started with other chunk
        settings do not re-chunk each other's index at every upload."""
        if reconfigure or not current.docs:
            return self.config()
        return replace(current.config, figures_kind=self.config().figures_kind)

    def published(self, config: IndexConfig) -> Index:
        """The generation published now, read without the write lock (empty when none): what
        :func:`embed_ahead` compares documents with before the lock is taken.  A directory
        that cannot be read counts as empty here: the write, under the lock, says what is
        wrong with it (and what was embedded meanwhile stays in the vector cache)."""
        held = self._index
        try:
            name = self.store.live_name()
        except (IndexStoreError, OSError):
            return Index.empty(config, self.embedder.dim)
        if name is None:
            return Index.empty(config, self.embedder.dim)
        if held is not None and self.store.holds(held, name):
            return held
        try:
            return self.load()
        except IndexMismatchError:  # another embedder's index: refused before embedding
            raise
        except (IndexStoreError, OSError):  # NoIndexError too
            return Index.empty(config, self.embedder.dim)

    def upsert(self, docs: list[Document], progress: Embedded | None = None,
               wanted: Callable[[], bool] | None = None) -> UpdateReport:
        """Add or replace ``docs``; returns once they are saved and searchable.

        Uploads that arrive while another is being written wait together and are written in
        one new index (group commit): each rebuild costs about the same whatever it adds.
        Their passages are embedded before the write lock is taken, so that a large upload
        does not hold other processes' writes while it is embedded.  ``wanted()`` is asked
        under the index directory's lock, where a deletion is decided too: False (the
        background upload was cancelled) drops ``docs`` with UploadCancelled."""
        mine = _Upsert(list(docs), wanted)
        base = self._index or Index.empty(self.config(), self.embedder.dim)
        mine.vectors = embed_new(mine.docs, base, self.embedder, self.config_for(base, False))
        with self._waiting_lock:
            self._waiting.append(mine)
        with self._write_lock:
            if not mine.done:
                with self._waiting_lock:
                    group, self._waiting = self._waiting, []
                try:
                    with self.store.write_lock(self.lock_timeout):
                        for u in group:
                            if u.wanted is not None and not u.wanted():
                                u.error, u.done = UploadCancelled(u.docs[0].id), True
                        kept = [u for u in group if not u.done]
                        merged = {d.id: d for u in kept for d in u.docs}  # a later one wins
                        known = {k: v for u in kept for k, v in u.vectors.items()}
                        report = self.commit(self.on_disk(False), list(merged.values()),
                                             [], progress, known) if kept else None
                except BaseException as exc:
                    for u in group:
                        if not u.done:
                            u.error, u.done = exc, True
                    raise
                for u in kept:
                    u.report, u.done = report, True
        if mine.error is not None:
            raise mine.error
        assert mine.report is not None
        return mine.report

    def remove(self, doc_ids: list[str]) -> UpdateReport:
        """Drop ``doc_ids`` from the index on disk; ``report.removed`` lists those that were
        there (a document another process added is found too)."""
        with self.writing():
            current = self.on_disk(False)
            if not any(d in current.docs for d in doc_ids):
                return UpdateReport(unchanged=len(current.docs), chunks=len(current))
            return self.commit(current, [], doc_ids, None)

    def commit(self, current: Index, docs: Iterable[Document], remove: Iterable[str],
                progress: Embedded | None,
                known: Mapping[str, np.ndarray] | None = None,
                store: VectorCache | None = None,
                config: IndexConfig | None = None) -> UpdateReport:
        """Build, publish and swap in the next generation; the caller holds the write lock.
        A write that changes nothing publishes nothing."""
        config = config or self.config_for(current, False)
        new, report = update(current, docs, self.embedder, remove=remove, config=config,
                             progress=progress, known=known, store=store)
        read_from, self._read_from = self._read_from, None
        base = read_from[1] if read_from is not None and read_from[0] is current \
            else UNCHECKED_BASE
        if report.added or report.changed or report.removed or current.config != new.config \
                or current.generation is None:
            self.store.save(new, producer={"rag": __version__}, base=base)
        else:
            new = current
        self._swap(new)  # readers see the old index or the new one, never a mix
        return report


class _Upsert:
    """An upload waiting to be written, and what came of it."""

    def __init__(self, docs: list[Document], wanted: Callable[[], bool] | None = None):
        self.docs = docs
        self.wanted = wanted
        self.vectors: dict[str, np.ndarray] = {}  # embedded ahead of the write
        self.done = False
        self.report: UpdateReport | None = None
        self.error: BaseException | None = None
