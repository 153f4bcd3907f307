"""The live index of one process: loaded once, followed as other processes publish, and
written only under the index directory's lock, from the generation on disk.

Several processes may share one index directory (server workers, `rag index`, the Slack
socket-mode bot).  Every write takes this process's writer lock, then the directory's
``flock`` (``index.store.write_lock``, with a timeout), and starts from the generation
``CURRENT`` names at that moment -- never from a copy in memory another process may have
outdated.  Uploads that wait for the writer are written together (group commit).  A process
sees what others publish through :meth:`LiveIndex.refresh`, which :meth:`LiveIndex.watch` calls
every few hundred milliseconds in a thread of its own.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import numpy as np

from index import Index, IndexConfig, IndexMismatchError, IndexStoreError, NoIndexError
from index.store import generation_number, generations, live_name, write_lock
from index.vectorcache import VectorCache
from rag import __version__
from rag.embed import Embedder
from rag.errors import IngestError
from rag.ingest.build import (
    Embedded,
    IndexProgress,
    IndexReport,
    Progress,
    embed_ahead,
    embed_new,
    update,
    vector_cache,
)
from rag.ingest.ocr import OcrConfig, PageCache
from rag.ingest.readers import iter_documents, iter_files
from rag.records import Document, UpdateReport

log = logging.getLogger(__name__)


class LiveIndex:
    """The index of ``index_dir`` as this process serves it.

    ``config()`` gives the config new generations are built with; ``lock_timeout`` is how long
    a write waits for another process's (then ``IndexBusyError``)."""

    def __init__(self, index_dir: Path, embedder: Embedder, config: Callable[[], IndexConfig],
                 lock_timeout: float | None):
        self.index_dir = index_dir
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
        index = Index.load(self.index_dir)
        index.check_embedder(self.embedder.backend, self.embedder.model)
        return index

    def _current(self, index: Index | None) -> bool:
        """Whether ``index`` is still a generation of this directory (not one of a directory
        that was replaced under this process)."""
        return index is not None and index.path is not None and \
            index.generation is not None and index.is_generation(self.index_dir,
                                                                 index.generation)

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
        name = live_name(self.index_dir)
        held = self._index
        if name is None or (held is not None and held.is_generation(self.index_dir, name)):
            return False
        rolled_back = held is not None and self._current(held) and \
            generation_number(name) < generation_number(held.generation)
        if rolled_back:
            # an older generation: either CURRENT was read just before this process's own
            # newer publish, or an operator rolled it back; with no writer busy, it is the
            # latter, and it is followed
            try:
                with write_lock(self.index_dir, 0):
                    if live_name(self.index_dir) != name:
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
                    name = live_name(self.index_dir)
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

    def _on_disk(self, rebuild: bool) -> Index:
        """The index a write starts from: the generation published on disk now (the one in
        memory when it is that one).  Called with the write lock held."""
        if rebuild:
            return Index.empty(self.config(), self.embedder.dim)
        name = live_name(self.index_dir)  # IndexStoreError for a corrupt pointer
        if name is None:
            found = generations(self.index_dir)
            if found:  # never taken for an empty index: the next write would drop them all
                raise IndexStoreError(
                    f"{self.index_dir} holds index generations ({', '.join(found[-3:])}) but "
                    f"no CURRENT pointer; restore it (`echo {found[-1]} > "
                    f"{self.index_dir / 'CURRENT'}`) or rebuild with `rag index --rebuild`")
            return Index.empty(self.config(), self.embedder.dim)
        with self._index_lock:  # a reader's first load and a writer's never race
            held = self._index
            if held is not None and held.is_generation(self.index_dir, name):
                return held
            try:
                current = self.load()
            except NoIndexError:
                return Index.empty(self.config(), self.embedder.dim)
            self._index = current
            return current

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """This process's writer lock, then the index directory's (across processes)."""
        with self._write_lock, write_lock(self.index_dir, self.lock_timeout):
            yield

    def _config_for(self, current: Index, reconfigure: bool) -> IndexConfig:
        """The config a write builds with: the settings' when the index is new or the writer
        asks to change it (`rag index --rebuild`, `--chunk-size`, ...); otherwise the index's
        own (with this library's figure reader), so that processes started with other chunk
        settings do not re-chunk each other's index at every upload."""
        if reconfigure or not current.docs:
            return self.config()
        return replace(current.config, figures_kind=self.config().figures_kind)

    def index_paths(self, paths: Iterable[Path], rebuild: bool = False,
                    progress: Progress | None = None,
                    reconfigure: bool = False, strict: bool = False,
                    ocr: OcrConfig | None = None) -> IndexReport:
        """Index the files under ``paths``; files removed from an indexed folder drop out.

        First, without the write lock, every passage that neither the index on disk nor the
        vector cache beside it holds is embedded into that cache, a batch (one transaction)
        at a time: an interrupted run resumes where it stopped, and other processes' writes
        (uploads) are not held up while it embeds.  Then, under the lock, documents stream
        from the files into the new index, their vectors read from the cache (an unchanged
        document is dropped as soon as it is compared).  A file that cannot be read is left
        out and named in ``report.skipped`` with the reason (a version indexed before stays);
        with ``strict`` it stops the run before anything is saved, as does a missing path or
        a run in which no file could be read.  ``reconfigure``: build with the settings'
        chunking and vector index even if the index on disk was built otherwise.  Scans are
        read with ``ocr`` (``rag.ingest.ocr``), the pages read kept beside the index: each
        page is read once, though files are read twice, and not again by a later run."""
        paths = [Path(p) for p in paths]
        pages = PageCache(self.index_dir)  # this run's, to count the pages read
        ocr = replace(ocr or OcrConfig(), cache=pages)
        for _ in iter_files(paths):  # a missing path or an empty folder fails here, unlocked
            pass
        base = (Index.empty(self.config(), self.embedder.dim) if rebuild
                else self._published(self.config()))
        config = self._config_for(base, rebuild or reconfigure)
        cache = vector_cache(self.index_dir, self.embedder,
                             self.embedder.dim if base.dim == 0 else base.dim)
        skipped: dict[str, str] = {}
        try:
            ahead, computed = IndexReport(), set[str]()
            known: _Served | None = None
            if cache is not None:
                base.check_embedder(self.embedder.backend, self.embedder.model)
                ahead, computed = embed_ahead(iter_documents(paths, None if strict else {}, ocr),
                                              base, self.embedder, config, cache, progress)
                known = _Served(cache)
            seen: set[str] = set()
            unread: set[str] = set()  # sources of the files skipped, once the stream is done

            def stream() -> Iterator[Document]:
                for doc in iter_documents(paths, None if strict else skipped, ocr):
                    seen.add(doc.id)
                    yield doc
                if not seen and skipped:  # nothing could be read: an error, nothing is saved
                    path, reason = next(iter(skipped.items()))
                    more = f" (and {len(skipped) - 1} more files)" if len(skipped) > 1 else ""
                    raise IngestError(f"{path}: {reason}{more}")
                # a file that could not be read this time keeps the documents indexed from
                # it before (all of them, for a .jsonl file)
                unread.update(str(Path(p).resolve()) for p in skipped)

            def building(n: int) -> None:  # what is left to embed under the lock
                if progress is not None:
                    progress(IndexProgress("building", 0, 0, ahead.passages_to_embed + n,
                                           ahead.embedded + n, ahead.cached,
                                           ahead.embed_seconds, None, None))

            with self._writing():
                building(0)
                current = self._on_disk(rebuild)
                # read by update() after the stream, when `seen` is complete
                remove = (d.id for d in list(current.docs.values())
                          if d.id not in seen and d.source not in unread
                          and _under(d.source, paths))
                report = self._commit(current, stream(), remove, building, known, cache,
                                      config=self._config_for(current, rebuild or reconfigure))
        finally:
            pages.close()
            if cache is not None:
                cache.close()
        # update() counts the vectors it took from the cache as embedded: this run computed
        # those of `computed`, an earlier (interrupted) run the others
        done = IndexReport(**vars(report))
        served = known.served if known is not None else set()
        done.embedded = report.embedded - len(served) + len(served & computed)
        done.cached = len(served - computed)
        done.passages_to_embed = ahead.passages_to_embed
        done.embed_seconds = ahead.embed_seconds
        done.passages_per_second = ahead.passages_per_second
        done.timings = {**ahead.timings, "build": report.seconds}
        done.seconds = round(report.seconds + ahead.timings.get("ahead", 0.0), 3)
        done.skipped = dict(sorted(skipped.items()))
        done.ocr_read = pages.read
        return done

    def _published(self, config: IndexConfig) -> Index:
        """The generation published now, read without the write lock (empty when none): what
        :func:`embed_ahead` compares documents with before the lock is taken.  A directory
        that cannot be read counts as empty here: the write, under the lock, says what is
        wrong with it (and what was embedded meanwhile stays in the vector cache)."""
        held = self._index
        try:
            name = live_name(self.index_dir)
        except (IndexStoreError, OSError):
            return Index.empty(config, self.embedder.dim)
        if name is None:
            return Index.empty(config, self.embedder.dim)
        if held is not None and held.is_generation(self.index_dir, name):
            return held
        try:
            return self.load()
        except IndexMismatchError:  # another embedder's index: refused before embedding
            raise
        except (IndexStoreError, OSError):  # NoIndexError too
            return Index.empty(config, self.embedder.dim)

    def upsert(self, docs: list[Document], progress: Embedded | None = None) -> UpdateReport:
        """Add or replace ``docs``; returns once they are saved and searchable.

        Uploads that arrive while another is being written wait together and are written in
        one new index (group commit): each rebuild costs about the same whatever it adds.
        Their passages are embedded before the write lock is taken, so that a large upload
        does not hold other processes' writes while it is embedded."""
        mine = _Upsert(list(docs))
        base = self._index or Index.empty(self.config(), self.embedder.dim)
        mine.vectors = embed_new(mine.docs, base, self.embedder, self._config_for(base, False))
        with self._waiting_lock:
            self._waiting.append(mine)
        with self._write_lock:
            if not mine.done:
                with self._waiting_lock:
                    group, self._waiting = self._waiting, []
                merged = {d.id: d for u in group for d in u.docs}  # a later upload wins
                known = {k: v for u in group for k, v in u.vectors.items()}
                try:
                    with write_lock(self.index_dir, self.lock_timeout):
                        report = self._commit(self._on_disk(False), list(merged.values()),
                                              [], progress, known)
                except BaseException as exc:
                    for u in group:
                        u.error, u.done = exc, True
                    raise
                for u in group:
                    u.report, u.done = report, True
        if mine.error is not None:
            raise mine.error
        assert mine.report is not None
        return mine.report

    def remove(self, doc_ids: list[str]) -> UpdateReport:
        """Drop ``doc_ids`` from the index on disk; ``report.removed`` lists those that were
        there (a document another process added is found too)."""
        with self._writing():
            current = self._on_disk(False)
            if not any(d in current.docs for d in doc_ids):
                return UpdateReport(unchanged=len(current.docs), chunks=len(current))
            return self._commit(current, [], doc_ids, None)

    def _commit(self, current: Index, docs: Iterable[Document], remove: Iterable[str],
                progress: Embedded | None,
                known: Mapping[str, np.ndarray] | None = None,
                store: VectorCache | None = None,
                config: IndexConfig | None = None) -> UpdateReport:
        """Build, publish and swap in the next generation; the caller holds the write lock.
        A write that changes nothing publishes nothing."""
        config = config or self._config_for(current, False)
        new, report = update(current, docs, self.embedder, remove=remove, config=config,
                             progress=progress, known=known, store=store)
        if report.added or report.changed or report.removed or current.config != new.config \
                or current.generation is None:
            new.save(self.index_dir, locked=True, producer={"rag": __version__})
        else:
            new = current
        self._swap(new)  # readers see the old index or the new one, never a mix
        return report


class _Served(Mapping[str, np.ndarray]):
    """The vector cache as ``update(known=...)`` reads it, noting which keys it served."""

    def __init__(self, cache: VectorCache):
        self.cache = cache
        self.served: set[str] = set()

    def __getitem__(self, key: str) -> np.ndarray:
        vector = self.cache[key]
        self.served.add(key)
        return vector

    def __contains__(self, key: object) -> bool:
        return key in self.cache

    def __iter__(self) -> Iterator[str]:
        return iter(self.cache)

    def __len__(self) -> int:
        return len(self.cache)


class _Upsert:
    """An upload waiting to be written, and what came of it."""

    def __init__(self, docs: list[Document]):
        self.docs = docs
        self.vectors: dict[str, np.ndarray] = {}  # embedded ahead of the write
        self.done = False
        self.report: UpdateReport | None = None
        self.error: BaseException | None = None


def _under(source: str | None, paths: list[Path]) -> bool:
    """Whether a document's source file lies under one of the indexed paths."""
    if not source or source == "upload":
        return False
    src = Path(source).resolve()
    for p in paths:
        p = p.resolve()
        if src == p or (p.is_dir() and p in src.parents):
            return True
    return False
