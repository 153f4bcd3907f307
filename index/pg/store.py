"""The corpus in PostgreSQL: generations published in one transaction, vectors in pgvector.

Tables (made by ``rag db upgrade``, ``index/pg/migrations``):

    rag_documents         a document's metadata, text and figure frames, and a signature
    rag_chunks            (doc_key, seq) -> embedding, a pgvector column with an HNSW index
    rag_generations       number, token, manifest, the keys of its documents in order
    rag_generation_files  the generation's chunk columns (chunks.json), BM25 arrays
                          (lexical/...) and word forms (restore.json), as the file backend
                          writes them
    rag_live              the generation served

A document unchanged from the live generation keeps its rows: publishing an upload inserts that
upload's document and vectors, a new generation row and its files, moves ``rag_live``, deletes
what no kept generation references and says ``NOTIFY rag_corpus`` -- one transaction, so a
reader (whose load is one REPEATABLE READ transaction) sees the old corpus or the new one.  The
live generation and the one before it are kept, as the file backend keeps them.

The lexical side: each server holds the generation's BM25 (bm25s) in memory, loaded from the
arrays the writer stored, not rebuilt by readers nor kept as SQL statistics -- so every server
scores exactly as the file backend does (the same matrices), and a reload is a read, not a
re-tokenisation of the corpus.  Vector search goes to pgvector (HNSW, inner product); the
embeddings are also loaded, as in the file backend, for the dense score of lexical candidates.

One writer at a time: a session advisory lock (:data:`LOCK_KEY`), released by PostgreSQL when
the holder's connection ends (a killed server included); an interrupted publish is rolled back.
"""

from __future__ import annotations

import hashlib
import json
import logging
import struct
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import numpy as np

from index.backends import moved_on
from index.docstore import chunk_columns, chunk_table, doc_record
from index.index import Index, config_from_manifest
from index.lexical import LexicalIndex, WordForms
from index.pgurl import redacted
from index.records import Document
from index.store import UNCHECKED_BASE, IndexBusyError, IndexStoreError, NoIndexError

log = logging.getLogger(__name__)

LOCK_KEY = 0x7261675F636F7270  # "rag_corp": the writers' advisory lock
CHANNEL = "rag_corpus"  # NOTIFY'd with the generation number on every publish
LOCK_POLL_SECONDS = 0.01
HNSW_M = 16  # pgvector's defaults (m 16, ef_construction 64)
HNSW_EF_CONSTRUCTION = 64
EF_SEARCH = 100  # candidates the HNSW search keeps (pgvector's default is 40); see bench_scale


def generation_name(number: int) -> str:
    """``gen-<n>``, as the file backend names its generations."""
    return f"gen-{number:06d}"


class PgStore:
    """The corpus in the PostgreSQL database at ``url`` (``postgresql://…``), through a psycopg
    3 connection pool of at most ``max_connections``.

    Raises IndexStoreError when the database cannot be reached or its schema is not the one
    this version of rag writes (the message says to run ``rag db upgrade``)."""

    kind = "postgres"

    def __init__(self, url: str, max_connections: int = 8, ef_search: int = EF_SEARCH,
                 connect_timeout: float = 10.0):
        import psycopg
        from psycopg_pool import PoolTimeout

        from index.pg.pool import SchemaProblem, open_upgraded_pool

        self.url = url
        self.where = redacted(url)
        self.ef_search = ef_search
        try:
            self.pool = open_upgraded_pool(url, "rag-corpus", max_connections, connect_timeout,
                                           self.where, configure=self._configure)
        except SchemaProblem as exc:
            raise IndexStoreError(str(exc)) from exc
        except (psycopg.Error, PoolTimeout) as exc:
            raise IndexStoreError(f"cannot connect to the database {self.where}: "
                                  f"{_first_line(exc)}") from exc

    def _configure(self, conn: Any) -> None:
        import psycopg
        from pgvector.psycopg import register_vector

        with suppress(psycopg.ProgrammingError):  # no pgvector yet: the schema check says
            register_vector(conn)                  # to upgrade
        conn.execute(f"SET hnsw.ef_search = {int(self.ef_search)}")

    def close(self) -> None:
        """Close the pool's connections."""
        self.pool.close()

    def ping(self, timeout: float) -> None:
        """One ``SELECT 1`` through the pool, a connection waited for at most ``timeout``
        seconds: IndexStoreError when the database does not answer (readiness)."""
        def ask() -> None:
            with self.pool.connection(timeout=timeout) as conn:
                conn.execute("SELECT 1")
        self._try(ask)

    # --- the live generation ---------------------------------------------------------------

    def _live(self) -> tuple[int, str] | None:
        with self.pool.connection() as conn:
            row = conn.execute("SELECT g.number, g.token::text FROM rag_live l "
                               "JOIN rag_generations g ON g.number = l.generation").fetchone()
        return (int(row[0]), str(row[1])) if row else None

    def live_name(self) -> str | None:
        """The name of the generation served (``gen-<n>``); None when nothing was published.
        One small query."""
        live = self._try(self._live)
        return generation_name(live[0]) if live else None

    def generations(self) -> list[str]:
        """The names of the generations kept, oldest first."""
        def read() -> list[str]:
            with self.pool.connection() as conn:
                rows = conn.execute("SELECT number FROM rag_generations ORDER BY number")
                return [generation_name(int(r[0])) for r in rows]
        return self._try(read)

    def holds(self, index: Index, name: str) -> bool:
        """Whether ``index`` is generation ``name`` of this database as it is now (a number
        reused by a database made anew is another generation: its token differs)."""
        if index.stored_as is None or index.stored_as[0] != name:
            return False
        def token() -> str | None:
            with self.pool.connection() as conn:
                row = conn.execute("SELECT token::text FROM rag_generations WHERE number = %s",
                                   (int(name[4:]),)).fetchone()
            return str(row[0]) if row else None
        return self._try(token) == index.stored_as[1]

    def built_with(self) -> tuple[str, str] | None:
        """The embedder (backend, model) the live generation was built with; None when
        nothing (or no document) was published."""
        def read() -> tuple[str, str] | None:
            with self.pool.connection() as conn:
                row = conn.execute("SELECT g.manifest FROM rag_live l JOIN rag_generations g "
                                   "ON g.number = l.generation").fetchone()
            if not row or not row[0]["counts"]["documents"]:
                return None
            return str(row[0]["embedder"]["backend"]), str(row[0]["embedder"]["model"])
        try:
            return self._try(read)
        except IndexStoreError:
            return None

    def _try(self, fn: Any) -> Any:
        """``fn()``, a read, its database errors as IndexStoreError; run again once on fresh
        connections when the pool's knew a type PostgreSQL no longer has (:func:`_type_gone`)."""
        import psycopg
        from psycopg_pool import PoolTimeout

        try:
            try:
                return fn()
            except psycopg.InternalError as exc:
                if not _type_gone(exc):
                    raise
                log.warning("%s: %s -- the vector extension was made anew (a restore?); "
                            "the pool's connections are replaced", self.where, _first_line(exc))
                self.pool.drain()
                return fn()
        except (psycopg.Error, PoolTimeout) as exc:
            raise IndexStoreError(f"the database {self.where}: {_first_line(exc)}") from exc

    # --- the writers' lock -----------------------------------------------------------------

    @contextmanager
    def write_lock(self, timeout: float | None = None) -> Iterator[None]:
        """One writer at a time across every process and host on this database: a session
        advisory lock, held on a connection of the pool for the write.  Waits at most
        ``timeout`` seconds (None: for ever), then IndexBusyError."""
        import psycopg

        try:
            with self.pool.connection() as conn:
                if timeout is None:
                    conn.execute("SELECT pg_advisory_lock(%s)", (LOCK_KEY,))
                else:
                    deadline = time.monotonic() + timeout
                    while not conn.execute("SELECT pg_try_advisory_lock(%s)",
                                           (LOCK_KEY,)).fetchone()[0]:  # type: ignore[index]
                        if time.monotonic() >= deadline:
                            raise IndexBusyError(
                                f"the index in {self.where} is being written by another "
                                f"process; gave up after {timeout:g} s "
                                f"(RAG_WRITE_LOCK_TIMEOUT): try again later")
                        time.sleep(LOCK_POLL_SECONDS)
                try:
                    yield
                finally:
                    try:
                        if not conn.closed:
                            conn.execute("SELECT pg_advisory_unlock(%s)", (LOCK_KEY,))
                    except psycopg.OperationalError as exc:
                        # the session ended, and its lock with it; a publish meanwhile was
                        # checked against the generation it started from (save's base)
                        log.warning("the writers' lock in %s went with its session: %s",
                                    self.where, _first_line(exc))
        except psycopg.Error as exc:
            raise IndexStoreError(f"the database {self.where}: {_first_line(exc)}") from exc

    def writing(self) -> bool:
        """Whether some process holds the writers' lock now (for tests and status)."""
        def read() -> bool:
            with self.pool.connection() as conn:
                row = conn.execute(
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted "
                    "AND objsubid = 1 AND (classid::bigint << 32 | objid::bigint) = %s",
                    (LOCK_KEY,)).fetchone()
            return bool(row and row[0])
        return bool(self._try(read))

    # --- publishing ------------------------------------------------------------------------

    def save(self, index: Index, producer: dict[str, str] | None = None,
             base: str | None = UNCHECKED_BASE) -> str:
        """Publish ``index`` as the next generation in one transaction and return its name;
        the caller holds :meth:`write_lock`.  Afterwards ``index`` searches its vectors in
        PostgreSQL (:class:`PgVectors`) and knows its generation (``stored_as``).  Raises
        IndexStoreError when the database refuses, IndexBusyError when the live generation
        is not ``base``, the one the write started from (``index.backends.CorpusStore``):
        the advisory lock goes with its session, which an administrator, an
        idle_session_timeout or the network may end while the writer builds.  Nothing is
        published then."""
        import psycopg

        try:
            return self._save(index, producer or {}, base)
        except psycopg.Error as exc:
            raise IndexStoreError(f"cannot publish the index to {self.where}: "
                                  f"{_first_line(exc)}") from exc

    def _save(self, index: Index, producer: dict[str, str], base: str | None) -> str:
        dim = index.dim
        embeddings = np.ascontiguousarray(index.embeddings, dtype=np.float32)
        signatures = {doc_id: _signature(doc, index.figures.get(doc_id),
                                         embeddings[index.rows_of_doc.get(doc_id, [])])
                      for doc_id, doc in index.docs.items()}
        files = _generation_files(index)
        with self.pool.connection() as conn, conn.transaction():
            live = conn.execute("SELECT l.generation, g.doc_keys FROM rag_live l JOIN "
                                "rag_generations g ON g.number = l.generation FOR UPDATE OF l"
                                ).fetchone()
            previous = int(live[0]) if live else None
            now = generation_name(previous) if previous is not None else None
            if base != UNCHECKED_BASE and base != now:  # rolled back with the transaction
                raise IndexBusyError(moved_on(self.where, base, now), retry_after=1)
            kept: dict[tuple[str, str], int] = {}
            if live:
                for key, doc_id, sig in conn.execute(
                        "SELECT key, id, signature FROM rag_documents WHERE key = ANY(%s)",
                        (list(live[1]),)):
                    kept[(doc_id, sig)] = int(key)
            doc_keys: list[int] = []
            new_chunks: list[tuple[int, int, np.ndarray]] = []
            inserted = 0
            for doc_id, doc in index.docs.items():
                key = kept.get((doc_id, signatures[doc_id]))
                if key is None:
                    row = conn.execute(
                        "INSERT INTO rag_documents (id, record, text, figures, signature) "
                        "VALUES (%s, %s, %s, %s, %s) RETURNING key",
                        (doc_id, json.dumps(doc_record(doc), ensure_ascii=False), doc.text,
                         index.figures.get(doc_id), signatures[doc_id])).fetchone()
                    key = int(row[0])  # type: ignore[index]
                    inserted += 1
                    for seq, r in enumerate(index.rows_of_doc.get(doc_id, [])):
                        new_chunks.append((key, seq, embeddings[r]))
                doc_keys.append(key)
            if new_chunks:
                with conn.cursor().copy("COPY rag_chunks (doc_key, seq, embedding) FROM STDIN "
                                        "WITH (FORMAT BINARY)") as copy:
                    copy.set_types(["int8", "int4", "vector"])
                    for row3 in new_chunks:
                        copy.write_row(row3)
                self._hnsw_index(conn, dim)
            number = int(conn.execute("SELECT coalesce(max(number), 0) + 1 FROM rag_generations"
                                      ).fetchone()[0])  # type: ignore[index]
            token = str(uuid.uuid4())
            manifest = index.manifest(
                {name: {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
                 for name, data in files.items()}, producer,
                vectors={"kind": "pgvector-hnsw", "requested": index.config.vector_kind,
                         "params": self.params})
            conn.execute("INSERT INTO rag_generations (number, token, manifest, doc_keys) "
                         "VALUES (%s, %s, %s, %s)",
                         (number, token, json.dumps(manifest, ensure_ascii=False), doc_keys))
            with conn.cursor() as cur:
                cur.executemany("INSERT INTO rag_generation_files (generation, name, data) "
                                "VALUES (%s, %s, %s)",
                                [(number, name, data) for name, data in files.items()])
            conn.execute("INSERT INTO rag_live (one, generation) VALUES (true, %s) "
                         "ON CONFLICT (one) DO UPDATE SET generation = excluded.generation",
                         (number,))
            keep = [number] + ([previous] if previous is not None else [])
            conn.execute("DELETE FROM rag_generations WHERE NOT (number = ANY(%s))", (keep,))
            conn.execute("DELETE FROM rag_documents d WHERE NOT EXISTS (SELECT 1 FROM "
                         "rag_generations g WHERE d.key = ANY(g.doc_keys))")
            conn.execute(f"NOTIFY {CHANNEL}, '{number}'")
        name = generation_name(number)
        log.info("published %s to %s: %d documents (%d new), %d chunks", name, self.where,
                 len(doc_keys), inserted, len(index))
        index.stored_as = (name, token)
        index.vectors = PgVectors(self, dim, _row_codes(index, doc_keys), len(index),
                                  self.params)  # type: ignore[assignment]
        return name

    @property
    def params(self) -> dict[str, int]:
        """The HNSW parameters the vectors are indexed and searched with."""
        return {"m": HNSW_M, "ef_construction": HNSW_EF_CONSTRUCTION,
                "ef_search": self.ef_search}

    @staticmethod
    def _hnsw_index(conn: Any, dim: int) -> None:
        """The HNSW index over the vectors of dimension ``dim`` (inner product), made the
        first time vectors of that dimension are published: a column of one dimension would
        tie the database to one embedder, so the index is partial, on the cast column."""
        name = f"rag_chunks_hnsw_{int(dim)}"
        if conn.execute("SELECT to_regclass(%s) IS NOT NULL", (name,)).fetchone()[0]:
            return
        conn.execute("SET LOCAL maintenance_work_mem = '1GB'")
        conn.execute(f"CREATE INDEX {name} ON rag_chunks USING hnsw "
                     f"((embedding::vector({int(dim)})) vector_ip_ops) "
                     f"WITH (m = {HNSW_M}, ef_construction = {HNSW_EF_CONSTRUCTION}) "
                     f"WHERE vector_dims(embedding) = {int(dim)}")

    # --- loading ---------------------------------------------------------------------------

    def load(self) -> Index:
        """The live generation, read in one REPEATABLE READ transaction (a publish meanwhile
        is not half seen).  NoIndexError when nothing was published; IndexStoreError when
        the database cannot be read or its rows disagree."""
        import psycopg

        try:
            return self._load()
        except psycopg.Error as exc:
            raise IndexStoreError(f"cannot read the index from {self.where}: "
                                  f"{_first_line(exc)}") from exc

    def _load(self) -> Index:
        with self.pool.connection() as conn, conn.transaction():
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            live = conn.execute(
                "SELECT g.number, g.token::text, g.manifest, g.doc_keys FROM rag_live l "
                "JOIN rag_generations g ON g.number = l.generation").fetchone()
            if live is None:
                raise NoIndexError(f"no index in {self.where}: build one with `rag index`")
            number, token, manifest, doc_keys = int(live[0]), str(live[1]), live[2], \
                [int(k) for k in live[3]]
            rows = {int(r[0]): r[1:] for r in conn.execute(
                "SELECT key, id, record, text, figures FROM rag_documents "
                "WHERE key = ANY(%s)", (doc_keys,))}
            files = {str(r[0]): bytes(r[1]) for r in conn.execute(
                "SELECT name, data FROM rag_generation_files WHERE generation = %s",
                (number,))}
            dim = int(manifest["embedder"]["dim"])
            codes, vectors = _read_vectors(conn, doc_keys, dim)
        name = generation_name(number)
        where = f"{self.where} {name}"
        if set(rows) != set(doc_keys):
            raise IndexStoreError(f"{where}: documents of the generation are missing")
        for fname, meta in manifest["files"].items():
            data = files.get(fname)
            if data is None or hashlib.sha256(data).hexdigest() != meta["sha256"]:
                raise IndexStoreError(f"{where}: file {fname} is missing or corrupt")
        docs: dict[str, Document] = {}
        figures: dict[str, str] = {}
        for key in doc_keys:
            doc_id, record, text, figs = rows[key]
            record = dict(record)
            record.pop("length", None)
            docs[doc_id] = Document.from_dict({**record, "text": text})
            if figs is not None:
                figures[doc_id] = figs
        try:
            chunks = chunk_table(docs, json.loads(files["chunks.json"]))
            with tempfile.TemporaryDirectory(prefix="rag-pg-") as tmp:
                for fname, data in files.items():
                    if fname.startswith("lexical/") or fname == "restore.json":
                        (Path(tmp) / fname).parent.mkdir(parents=True, exist_ok=True)
                        (Path(tmp) / fname).write_bytes(data)
                lexical = LexicalIndex.load(Path(tmp) / "lexical")
                word_forms = WordForms.load(Path(tmp) / "restore.json")
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise IndexStoreError(f"{where}: corrupt index data ({exc})") from exc
        config = config_from_manifest(manifest)
        index = Index(config, dim, docs, chunks, np.zeros((0, dim), np.float32),
                      _NoVectors(), lexical, word_forms, figures=figures)  # type: ignore[arg-type]
        row_codes = _row_codes(index, doc_keys)
        order = np.argsort(codes)
        at = np.searchsorted(codes[order], row_codes)
        if len(codes) != len(row_codes) or (len(codes) and not np.array_equal(
                codes[order][np.minimum(at, len(codes) - 1)], row_codes)):
            raise IndexStoreError(f"{where}: chunk store, vectors and lexical index disagree")
        index.embeddings = vectors[order[at]] if len(codes) else vectors
        if lexical.size != len(index) or manifest["counts"]["chunks"] != len(index):
            raise IndexStoreError(f"{where}: chunk store, vectors and lexical index disagree")
        index.vectors = PgVectors(self, dim, row_codes, len(index),
                                  self.params)  # type: ignore[assignment]
        index.stored_as = (name, token)
        return index

    def nearest(self, query: np.ndarray, dim: int, limit: int) -> list[tuple[int, int, float]]:
        """(doc_key, seq, inner product) of the ``limit`` chunk vectors nearest ``query`` by
        the HNSW index (every kept generation's; the caller keeps its own)."""
        def run() -> list[tuple[int, int, float]]:
            with self.pool.connection() as conn:
                sql = nearest_sql(dim)
                q = np.asarray(query, dtype=np.float32).reshape(-1)
                if limit > self.ef_search:  # the HNSW scan returns at most ef_search rows
                    with conn.transaction():
                        conn.execute(f"SET LOCAL hnsw.ef_search = {min(int(limit), 1000)}")
                        rows = conn.execute(sql, (q, q, limit)).fetchall()
                else:
                    rows = conn.execute(sql, (q, q, limit)).fetchall()
            return [(int(a), int(b), -float(c)) for a, b, c in rows]
        return self._try(run)  # type: ignore[no-any-return]


def nearest_sql(dim: int) -> str:
    """The query :meth:`PgStore.nearest` runs (parameters: the query vector twice, the
    limit): ordered by the inner product on the cast column, so the partial HNSW index of
    dimension ``dim`` serves it (``bench/bench_scale.py`` EXPLAINs it)."""
    return (f"SELECT doc_key, seq, (embedding::vector({int(dim)}) <#> %s) FROM rag_chunks "
            f"WHERE vector_dims(embedding) = {int(dim)} "
            f"ORDER BY embedding::vector({int(dim)}) <#> %s LIMIT %s")


class PgVectors:
    """The vector side of an index loaded from (or published to) PostgreSQL: nearest chunks
    by pgvector's HNSW index, mapped back to the generation's rows.  Rows of other kept
    generations are skipped, so a search asks for that many more."""

    kind = "pgvector-hnsw"
    holds_vectors = False

    def __init__(self, store: PgStore, dim: int, row_codes: np.ndarray, n: int,
                 params: dict[str, int]):
        self.store = store
        self._dim = dim
        self.params = params
        self._n = n
        self._row_of = {int(code): row for row, code in enumerate(row_codes)}

    @property
    def dim(self) -> int:
        """The vectors' length."""
        return self._dim

    def __len__(self) -> int:
        return self._n

    def stored_vectors(self) -> None:
        """None: the vectors are in the database (the index's ``embeddings`` hold a copy)."""
        return None

    def search(self, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """(rows, inner products) of the k nearest chunks of this generation, best first.
        IndexStoreError when the database cannot be asked."""
        k = min(k, self._n)
        if k <= 0:
            return np.zeros(0, np.int64), np.zeros(0, np.float32)
        limit = k + 16
        while True:
            found = self.store.nearest(query, self._dim, limit)
            rows, scores = [], []
            for key, seq, score in found:
                row = self._row_of.get(key << 24 | seq)
                if row is not None:
                    rows.append(row)
                    scores.append(score)
            if len(rows) >= k or len(found) < limit or limit >= 1000:
                return np.asarray(rows[:k], np.int64), np.asarray(scores[:k], np.float32)
            limit = min(limit * 4, 1000)

    def save(self, path: Path) -> None:
        """Not written to files: a database index is published by :meth:`PgStore.save`."""
        raise IndexStoreError("an index loaded from PostgreSQL is saved with PgStore.save")


class _NoVectors:
    """Stands for the vectors while a loaded index is put together (replaced before use)."""

    kind = "none"
    params: dict[str, int] = {}
    holds_vectors = False


def _row_codes(index: Index, doc_keys: list[int]) -> np.ndarray:
    """Each row's ``doc_key << 24 | seq`` (seq: its place among its document's chunks)."""
    key_of = dict(zip(index.docs, doc_keys, strict=True))
    codes = np.zeros(len(index), np.int64)
    for doc_id, rows in index.rows_of_doc.items():
        key = key_of[doc_id]
        for seq, r in enumerate(rows):
            codes[r] = key << 24 | seq
    return codes


def _read_vectors(conn: Any, doc_keys: list[int], dim: int) -> tuple[np.ndarray, np.ndarray]:
    """(codes, vectors) of the chunks of ``doc_keys``, read by one binary COPY and parsed
    whole with NumPy: every row has the same size (int8, int4, vector of ``dim`` float4)."""
    buf = bytearray()
    with conn.cursor().copy("COPY (SELECT doc_key, seq, embedding FROM rag_chunks WHERE "
                            "doc_key = ANY(%s)) TO STDOUT WITH (FORMAT BINARY)",
                            (doc_keys,)) as copy:
        for block in copy:
            buf += block
    header = 11 + 4 + 4 + struct.unpack(">I", bytes(buf[15:19]))[0]
    body = bytes(buf[header:len(buf) - 2])  # the trailer is int16 -1
    row = np.dtype([("n", ">i2"), ("l1", ">i4"), ("key", ">i8"), ("l2", ">i4"),
                    ("seq", ">i4"), ("l3", ">i4"), ("dim", ">i2"), ("unused", ">i2"),
                    ("vec", ">f4", (dim,))])
    if len(body) % row.itemsize:
        raise IndexStoreError("vectors of another dimension than the manifest's")
    table = np.frombuffer(body, dtype=row)
    if len(table) and not (np.all(table["dim"] == dim) and np.all(table["n"] == 3)):
        raise IndexStoreError("vectors of another dimension than the manifest's")
    codes = table["key"].astype(np.int64) << 24 | table["seq"].astype(np.int64)
    return codes, np.ascontiguousarray(table["vec"], dtype=np.float32)


def _generation_files(index: Index) -> dict[str, bytes]:
    """The files a generation keeps beside its rows: chunks.json, restore.json, lexical/."""
    with tempfile.TemporaryDirectory(prefix="rag-pg-") as tmp:
        root = Path(tmp)
        index.lexical.save(root / "lexical")
        index.word_forms.save(root / "restore.json")
        files = {p.relative_to(root).as_posix(): p.read_bytes()
                 for p in sorted(root.rglob("*")) if p.is_file()}
    files["chunks.json"] = json.dumps(chunk_columns(index.docs, index.chunks),
                                      ensure_ascii=False).encode("utf-8")
    return files


def _signature(doc: Document, figures: str | None, vectors: np.ndarray) -> str:
    """What a document's rows hold, hashed: its record, text, figure frames and vectors
    (the rows of an unchanged document are shared by the generations that hold it)."""
    h = hashlib.sha256()
    h.update(json.dumps(doc.to_dict(), ensure_ascii=False, sort_keys=True).encode("utf-8"))
    h.update(b"\x00" + (figures or "").encode("utf-8") + b"\x00")
    h.update(np.ascontiguousarray(vectors, dtype=np.float32).tobytes())
    return h.hexdigest()


def _type_gone(exc: Exception) -> bool:
    """Whether ``exc`` is PostgreSQL failing on a type OID it no longer has: after ``pg_restore
    --clean`` (or the extension dropped and made again) the ``vector`` type has a new OID, and
    a connection of the pool still binds the old one -- registered by pgvector when the
    connection was made, and in the statements psycopg prepared on it.  Fresh connections
    know the new one."""
    return getattr(exc, "sqlstate", None) == "XX000" and \
        "cache lookup failed for type" in str(exc)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]
