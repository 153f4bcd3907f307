"""The documents and chunks of an index generation on disk, laid out to load fast.

Format 3 (written):
- ``texts.txt``: every document's text, one after another, UTF-8;
- ``documents.jsonl``: one line a document, its metadata and ``length`` (characters of
  ``texts.txt`` it owns), in the same order;
- ``chunks.json``: the chunks as columns (id, doc_id, start, end, years, periods). A chunk's
  text is its document's ``text[start:end]`` and its title and date are its document's, so
  they are not stored; a chunk that differs (none the chunker makes) keeps them in ``own``.
Format 2 (still read): ``documents.jsonl`` with the texts and ``chunks.jsonl``, whole records.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any, overload

from index.records import Chunk, Document
from index.store import read_jsonl, write_jsonl

_COLUMNS = ("id", "doc_id", "start", "end", "years", "periods")


def save_records(gen: Path, docs: dict[str, Document], chunks: Sequence[Chunk]) -> None:
    """Write a generation's documents and chunks into ``gen``: the texts concatenated
    (texts.txt), one JSON line per document (documents.jsonl) and the chunks as columns
    pointing into those texts.  OSError when the disk refuses."""
    with (gen / "texts.txt").open("w", encoding="utf-8", newline="") as fh:
        for doc in docs.values():
            fh.write(doc.text)
    write_jsonl(gen / "documents.jsonl", (doc_record(d) for d in docs.values()))
    (gen / "chunks.json").write_text(json.dumps(chunk_columns(docs, chunks),
                                                ensure_ascii=False), encoding="utf-8")


def chunk_columns(docs: dict[str, Document], chunks: Sequence[Chunk]) -> dict[str, Any]:
    """The chunks as the columns of ``chunks.json`` (id, doc_id, start, end, years, periods,
    and ``own``: row -> the text, title or date of the few chunks that differ from their
    document's), one entry a chunk in order.  KeyError for a chunk of a document not in
    ``docs``."""
    columns: dict[str, Any] = {name: [] for name in _COLUMNS}
    own: dict[str, dict[str, Any]] = {}
    for row, c in enumerate(chunks):
        for name in _COLUMNS:
            value = getattr(c, name)
            columns[name].append(list(value) if isinstance(value, tuple) else value)
        doc = docs[c.doc_id]
        differs = {k: mine for k, mine, docs_own in (("text", c.text, doc.text[c.start:c.end]),
                                                     ("title", c.title, doc.title),
                                                     ("date", c.date, doc.date))
                   if mine != docs_own}
        if differs:
            own[str(row)] = differs
    return {**columns, "own": own}


def chunk_table(docs: dict[str, Document], cols: dict[str, Any]) -> ChunkTable:
    """The chunks :func:`chunk_columns` gave ``cols`` for, over ``docs`` (ValueError,
    KeyError for columns that do not fit them)."""
    return ChunkTable(docs, cols["id"], cols["doc_id"], cols["start"], cols["end"],
                      cols["years"], cols["periods"],
                      {int(row): mine for row, mine in cols.get("own", {}).items()})


def load_records(gen: Path, fmt: int) -> tuple[dict[str, Document], Sequence[Chunk]]:
    """Documents by id and chunks in order; a malformed store raises ValueError or KeyError."""
    with _gc_paused():  # only new objects, none cyclic: the collector would find no garbage
        return _load_records(gen, fmt)


@contextmanager
def _gc_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load_records(gen: Path, fmt: int) -> tuple[dict[str, Document], Sequence[Chunk]]:
    if fmt == 2:
        docs = {d["id"]: Document.from_dict(d) for d in read_jsonl(gen / "documents.jsonl")}
        return docs, [_chunk_from(c, docs[c["doc_id"]])
                      for c in read_jsonl(gen / "chunks.jsonl")]
    with (gen / "texts.txt").open(encoding="utf-8", newline="") as fh:
        texts = fh.read()
    docs, pos = {}, 0
    for rec in read_jsonl(gen / "documents.jsonl"):
        length = rec.pop("length")
        docs[rec["id"]] = Document.from_dict({**rec, "text": texts[pos:pos + length]})
        pos += length
    if pos != len(texts):
        raise ValueError(f"documents.jsonl accounts for {pos} characters of texts.txt, "
                         f"not {len(texts)}")
    cols = json.loads((gen / "chunks.json").read_text(encoding="utf-8"))
    return docs, chunk_table(docs, cols)


class ChunkTable(Sequence[Chunk]):
    """The chunks of a loaded generation, each made on first access from its document and
    the columns of ``chunks.json``: a server starts without making 100,000 records first.

    It compares equal to any sequence of the same chunks. ``ids`` and ``doc_ids`` are the
    columns themselves, for the index's lookups."""

    def __init__(self, docs: dict[str, Document], ids: list[str], doc_ids: list[str],
                 starts: list[int], ends: list[int], years: list[list[int]],
                 periods: list[list[str]], own: dict[int, dict[str, Any]] | None = None):
        n = len(ids)
        if any(len(col) != n for col in (doc_ids, starts, ends, years, periods)):
            raise ValueError("chunks.json: its columns differ in length")
        unknown = set(doc_ids) - docs.keys()
        if unknown:
            raise KeyError(f"chunks.json names documents not in documents.jsonl: "
                           f"{sorted(unknown)[:3]}")
        if own and not all(0 <= row < n for row in own):
            raise ValueError("chunks.json: an own row is out of range")
        self.docs, self.ids, self.doc_ids = docs, ids, doc_ids
        self._starts, self._ends, self._years, self._periods = starts, ends, years, periods
        self._own = own or {}
        self._made: list[Chunk | None] = [None] * n

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, i: int) -> Chunk: ...
    @overload
    def __getitem__(self, i: slice) -> list[Chunk]: ...

    def __getitem__(self, i: int | slice) -> Chunk | list[Chunk]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        chunk = self._made[i]
        if chunk is None:
            row = i + len(self) if i < 0 else i
            doc = self.docs[self.doc_ids[row]]
            start, end = self._starts[row], self._ends[row]
            chunk = Chunk(self.ids[row], doc.id, doc.title, doc.date, doc.text[start:end],
                          start, end, tuple(self._years[row]), tuple(self._periods[row]))
            if row in self._own:  # the few chunks that differ from their document
                chunk = replace(chunk, **self._own[row])
            self._made[row] = chunk  # two threads may make it at once: equal either way
        return chunk

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other,
                                                                        strict=True))

    __hash__ = None  # type: ignore[assignment]


def doc_record(doc: Document) -> dict[str, Any]:
    """``doc.to_dict()`` without its text, with ``length``: the characters of it."""
    rec = doc.to_dict()
    del rec["text"]
    rec["length"] = len(doc.text)
    return rec


def _chunk_from(rec: dict[str, Any], doc: Document) -> Chunk:
    start, end = rec["start"], rec["end"]
    return Chunk(id=rec["id"], doc_id=rec["doc_id"], title=rec.get("title", doc.title),
                 date=rec.get("date", doc.date),
                 text=rec["text"] if "text" in rec else doc.text[start:end],
                 start=start, end=end, years=tuple(rec.get("years", ())),
                 periods=tuple(rec.get("periods", ())))
