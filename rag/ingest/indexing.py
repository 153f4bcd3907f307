"""A `rag index` run: the files under some paths read into the live index of a process
(``rag.ingest.live``), their passages embedded ahead into the vector cache beside the index
without holding its lock, then the index built and published under the lock."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path

import numpy as np

from index import Index
from index.vectorcache import VectorCache
from rag.errors import IngestError
from rag.ingest.build import IndexProgress, IndexReport, Progress, embed_ahead, vector_cache
from rag.ingest.folders import iter_documents, iter_files
from rag.ingest.live import LiveIndex
from rag.ingest.ocr import OcrConfig, PageCache
from rag.records import Document


def index_files(live: LiveIndex, paths: Iterable[Path], rebuild: bool = False,
                progress: Progress | None = None, reconfigure: bool = False,
                strict: bool = False, ocr: OcrConfig | None = None) -> IndexReport:
    """Index the files under ``paths`` into ``live`` (`rag index`); files removed from an
    indexed folder drop out.

    First, without the write lock, every passage that neither the index on disk nor the
    vector cache beside it holds is embedded into that cache, a batch (one transaction)
    at a time: an interrupted run resumes where it stopped, and other processes' writes
    (uploads) are not held up while it embeds.  Then, under the lock, documents stream
    from the files into the new index, their vectors read from the cache (an unchanged
    document is dropped as soon as it is compared).  A file that cannot be read is left
    out and named in ``report.skipped`` with the reason (a version indexed before stays),
    counted among ``report.files``, the files of a supported type under the paths (those
    of another type are named in ``report.other_files``, as a strict run's error names
    them); with ``strict`` it stops the run before anything is saved, as does a missing
    path or a run in which no file could be read.  ``reconfigure``: build with the settings'
    chunking and vector index even if the index on disk was built otherwise.  Scans are
    read with ``ocr`` (``rag.ingest.ocr``), the pages read kept beside the index: each
    page is read once, though files are read twice, and not again by a later run."""
    paths = [Path(p) for p in paths]
    pages = PageCache(live.index_dir)  # this run's, to count the pages read
    ocr = replace(ocr or OcrConfig(), cache=pages)
    others: dict[str, str] = {}  # files of another type, left out
    # the files the run reads and counts; a missing path or an empty folder fails here
    files = sum(1 for _ in iter_files(paths, others))
    base = (Index.empty(live.config(), live.embedder.dim) if rebuild
            else live.published(live.config()))
    config = live.config_for(base, rebuild or reconfigure)
    cache = vector_cache(live.index_dir, live.embedder,
                         live.embedder.dim if base.dim == 0 else base.dim)
    skipped: dict[str, str] = {}
    try:
        ahead, computed = IndexReport(), set[str]()
        known: _Served | None = None
        if cache is not None:
            base.check_embedder(live.embedder.backend, live.embedder.model)
            ahead, computed = embed_ahead(iter_documents(paths, None if strict else {}, ocr),
                                          base, live.embedder, config, cache, progress)
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

        with live.writing():
            building(0)
            current = live.on_disk(rebuild)
            replaced = live.live_documents() if rebuild else {}
            # read by update() after the stream, when `seen` is complete
            remove = (d.id for d in list(current.docs.values())
                      if d.id not in seen and d.source not in unread
                      and _under(d.source, paths))
            report = live.commit(current, stream(), remove, building, known, cache,
                                  config=live.config_for(current, rebuild or reconfigure))
    finally:
        pages.close()
        if cache is not None:
            cache.close()
    # update() counts the vectors it took from the cache as embedded: this run computed
    # those of `computed`, an earlier (interrupted) run the others
    done = IndexReport(**vars(report))
    if rebuild:
        built = live.loaded
        _as_replacement(done, replaced, built.docs if built is not None else {})
    served = known.served if known is not None else set()
    done.embedded = report.embedded - len(served) + len(served & computed)
    done.cached = len(served - computed)
    done.passages_to_embed = ahead.passages_to_embed
    done.embed_seconds = ahead.embed_seconds
    done.passages_per_second = ahead.passages_per_second
    done.timings = {**ahead.timings, "build": report.seconds}
    done.seconds = round(report.seconds + ahead.timings.get("ahead", 0.0), 3)
    done.skipped = dict(sorted(skipped.items()))
    done.files = files
    done.other_files = dict(sorted(others.items()))
    done.ocr_read = pages.read
    return done


def _as_replacement(report: IndexReport, before: Mapping[str, Document],
                    after: Mapping[str, Document]) -> None:
    """A rebuild's report counted against the generation it replaced (``before``), not the
    empty index it started from: documents new, changed, unchanged, and those it dropped
    (uploads and other folders' documents included)."""
    built = [*report.added, *report.changed]
    report.added = [d for d in built if d not in before]
    report.changed = [d for d in built if d in before and d in after
                      and before[d].checksum != after[d].checksum]
    report.unchanged = len(after) - len(report.added) - len(report.changed)
    report.removed = sorted(d for d in before if d not in after)


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
