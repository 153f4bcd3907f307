"""The build pipeline: documents -> chunks -> vectors -> a new index generation in memory.

What was ``Index.updated``: storage (``index/``) only keeps what this pipeline makes.  Only
chunks whose embedding input is new are embedded; the others reuse their vectors.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable, Mapping, Sequence

import numpy as np

from index.index import Index, IndexConfig, IndexMismatchError, vectors_over
from index.lexical import LexicalIndex
from index.vectors import VectorIndex
from rag.embed import Embedder
from rag.ingest.chunk import CHUNKER_KIND, Chunker
from rag.ingest.figures import FIGURES_KIND, figures_json
from rag.records import Chunk, Document, UpdateReport
from rag.vi.restore import DiacriticRestorer
from rag.vi.text import tokenize

EMBED_BATCH = 4  # small batches let questions reach the embedder between them
Progress = Callable[[int], None]  # chunks embedded so far (the total is not known ahead)


def chunker_for(config: IndexConfig) -> Chunker:
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
    return hashlib.sha1(embed_input(chunk, embed_title).encode()).hexdigest()


def embed_input(chunk: Chunk, embed_title: bool) -> str:
    return f"{chunk.title}\n{chunk.text}" if embed_title else chunk.text


def lexical_input(chunk: Chunk) -> str:
    return f"{chunk.title}\n{chunk.text}"


class _EmbedBatcher:
    """Embeds passage texts in batches of EMBED_BATCH as they are queued; vectors by key."""

    def __init__(self, embedder: Embedder, dim: int, progress: Progress | None,
                 known: Mapping[str, np.ndarray] | None = None):
        self.embedder, self.dim, self.progress = embedder, dim, progress
        self.known = known or {}  # vectors computed beforehand, by key
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
        vecs = self.embedder.embed_passages(list(self.pending.values()))
        if vecs.ndim != 2 or vecs.shape[1] != self.dim:
            raise IndexMismatchError(f"embedder returned {vecs.shape[-1]}-dim vectors, "
                                     f"the index holds {self.dim}-dim ones")
        if len(vecs) != len(self.pending):
            raise IndexMismatchError(f"embedder returned {len(vecs)} vectors for "
                                     f"{len(self.pending)} passages")
        for row, key in enumerate(self.pending):
            self.rows[key] = (len(self.batches), row)
        self.batches.append(np.asarray(vecs, np.float32))
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
           progress: Progress | None = None,
           known: Mapping[str, np.ndarray] | None = None) -> tuple[Index, UpdateReport]:
    """A new index: ``base`` with ``upserts`` added or replaced and ``remove`` ids dropped.

    ``upserts`` is consumed once, as it comes: each new or changed document is chunked
    and its new chunks embedded in batches right away, and an unchanged one is dropped, so
    memory holds the index being built and one batch, not the whole input. ``remove`` is
    read after ``upserts`` (it may be computed from what they held); an id in both stays.
    Only chunks whose embedding input is new are embedded; the rest reuse their vectors.
    ``progress(n)`` is called with the number of chunks embedded so far; ``known`` holds
    vectors computed beforehand (:func:`embed_new`), by embedding key.
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
    batcher = _EmbedBatcher(embedder, dim, progress, known)

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
