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
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from index.store import read_jsonl, write_jsonl
from rag.records import Chunk, Document

_COLUMNS = ("id", "doc_id", "start", "end", "years", "periods")


def save_records(gen: Path, docs: dict[str, Document], chunks: list[Chunk]) -> None:
    with (gen / "texts.txt").open("w", encoding="utf-8", newline="") as fh:
        for doc in docs.values():
            fh.write(doc.text)
    write_jsonl(gen / "documents.jsonl", (_doc_record(d) for d in docs.values()))
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
    (gen / "chunks.json").write_text(json.dumps({**columns, "own": own}, ensure_ascii=False),
                                     encoding="utf-8")


def load_records(gen: Path, fmt: int) -> tuple[dict[str, Document], list[Chunk]]:
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


def _load_records(gen: Path, fmt: int) -> tuple[dict[str, Document], list[Chunk]]:
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
    chunks = []
    for cid, doc_id, start, end, years, periods in zip(*(cols[name] for name in _COLUMNS),
                                                       strict=True):
        doc = docs[doc_id]
        chunks.append(Chunk(cid, doc_id, doc.title, doc.date, doc.text[start:end], start, end,
                            tuple(years), tuple(periods)))
    for row, mine in cols.get("own", {}).items():  # the few chunks that differ from their doc
        chunks[int(row)] = replace(chunks[int(row)], **mine)
    return docs, chunks


def _doc_record(doc: Document) -> dict[str, Any]:
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
