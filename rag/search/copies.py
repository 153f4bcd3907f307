"""The same text twice: a report downloaded or uploaded again ("bc (1).txt", "Bản sao bc"),
and which of its copies is the original that search, answers and related passages show.

One rule for every door: the original is :func:`first_of` the documents of that text, the
upload's ``duplicate_of`` and ``rag index``'s ``duplicates`` name the same one, and
retrieval shows the original's passage wherever a copy's would rank (:func:`originals`)."""

from __future__ import annotations

import re
import threading
import weakref
from collections.abc import Collection, Sequence
from pathlib import Path

from index import Index
from rag.records import Document

# A file name a browser or a file manager gives a second copy: "bc (1).txt", "bc - Copy.txt",
# "bc_copy.docx", "bc - Bản sao.pdf"; before the name: "Copy of bc.txt", "Bản sao bc.txt"
# (and as document ids: "bc_1", "Bản_sao_bc").
_COPY_NAME_RE = re.compile(r"(?:\s*\(\d+\)|[\s_-]*(?:copy|bản[\s_]sao|ban[\s_]sao)"
                           r"(?:[\s_]*\(?\d+\)?)?)$|^(?:copy[\s_]of|bản[\s_]sao(?:[\s_]của)?|"
                           r"ban[\s_]sao(?:[\s_]cua)?)[\s_-]", re.IGNORECASE)


def is_copy_name(name: str) -> bool:
    """Whether a file name (without its suffix) or the id made of it is a copy's: "bc_thang_3
    (1)", "bc - Copy", "Bản sao bc", "Copy of bc"."""
    return _COPY_NAME_RE.search(name.strip()) is not None


def first_of(twins: Sequence[Document], new: Collection[str] = ()) -> Document:
    """The original among documents of the same text (in the index's order), the others
    being its copies: one indexed before (not among ``new``, the ids a run or an upload has
    just added) when there is one; of those, one whose file is not named as a copy ("bc
    (1).txt", "bc - Copy", "Bản sao bc": :func:`is_copy_name`) before one that is, then the
    first indexed -- among new ones only, the first by id ("bc" before "bc_2")."""
    old = [(k, d) for k, d in enumerate(twins) if d.id not in new]
    pool = old or list(enumerate(twins))

    def copy_named(d: Document) -> bool:
        return is_copy_name(Path(d.source).stem if d.source and d.source != "upload"
                            else d.id)

    return min(pool, key=lambda kd: (copy_named(kd[1]), kd[0] if old else 0, kd[1].id))[1]


_ORIGINALS: weakref.WeakKeyDictionary[Index, dict[str, str]] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def originals(index: Index) -> dict[str, str]:
    """For each document of ``index`` whose text another one has: its id -> the id of the
    original (:func:`first_of` the documents of that text, in the index's order); computed
    once per index generation."""
    with _LOCK:
        held = _ORIGINALS.get(index)
    if held is not None:
        return held
    by_text: dict[str, list[Document]] = {}
    for d in index.docs.values():
        by_text.setdefault(d.text, []).append(d)
    out: dict[str, str] = {}
    for twins in by_text.values():
        if len(twins) > 1:
            first = first_of(twins)
            out.update({d.id: first.id for d in twins if d is not first})
    with _LOCK:
        _ORIGINALS[index] = out
    return out
