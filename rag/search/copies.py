"""The same text twice: a report downloaded or uploaded again ("bc (1).txt", "Bản sao bc"),
and which of its copies is the original that search, answers and related passages show.

One rule for every door: the original is :func:`first_of` the documents of that text, the
upload's ``duplicate_of`` and ``rag index``'s ``duplicates`` name the same one, and
retrieval shows the original's passage wherever a copy's would rank (:func:`originals`).
"The same text" is the same body (:func:`body_keys`), whatever the format: a report saved as
.md (its "# heading" the title, out of the text) and as .docx (the heading kept in the
text), a .txt re-saved as .docx, a text pasted in a JSON upload under a title of its own."""

from __future__ import annotations

import re
import threading
import unicodedata
import weakref
from collections.abc import Iterable, Sequence
from pathlib import Path

from index import Index
from rag.records import Document

# A file name a browser or a file manager gives a second copy: "bc (1).txt", "bc - Copy.txt",
# "bc_copy.docx", "bc - Bản sao.pdf"; before the name: "Copy of bc.txt", "Bản sao bc.txt"
# (and as document ids: "bc_1", "Bản_sao_bc").
_COPY_NAME_RE = re.compile(r"(?:\s*\(\d+\)|[\s_-]*(?:copy|bản[\s_]sao|ban[\s_]sao)"
                           r"(?:[\s_]*\(?\d+\)?)?)$|^(?:copy[\s_]of|bản[\s_]sao(?:[\s_]của)?|"
                           r"ban[\s_]sao(?:[\s_]cua)?)[\s_-]", re.IGNORECASE)


# an id made of a copy's file name "bc (2).txt": "bc_2" (rag.ingest.ids), of original "bc"
_NUMBERED_ID_RE = re.compile(r"(.+)_\d{1,3}")


def is_copy_name(name: str) -> bool:
    """Whether a file name (without its suffix) or the id made of it is a copy's: "bc_thang_3
    (1)", "bc - Copy", "Bản sao bc", "Copy of bc"."""
    return _COPY_NAME_RE.search(name.strip()) is not None


def copy_base(name: str) -> str:
    """A file name (without its suffix) or the id made of it with its copy marks taken off,
    case folded: "bc - Copy", "bc_-_Copy", "Bản_sao_bc", "bc (2)" -> "bc"; a name without
    marks as it is; "bc_2" too (an id ending in a number is no copy's by itself:
    "cho_quy_1")."""
    return _COPY_NAME_RE.sub("", name.strip()).strip(" _-").casefold() or name.casefold()


def first_of(twins: Sequence[Document]) -> Document:
    """The original among documents of the same text (``twins`` in the index's order, the
    order their ids were first indexed), the others being its copies.  The one rule of
    every door -- an upload's ``duplicate_of``, ``rag index``'s ``duplicates``, search's and
    answers' collapsing of a copy's passage into its original's (:func:`originals`): a
    document whose file is not named as a copy ("bc (1).txt", "bc - Copy", "Bản sao bc",
    "Copy of bc": :func:`is_copy_name`) before one that is, whatever order they came in
    ("Copy of bc.txt" indexed before "bc.txt" is still bc's copy); of those, the one indexed
    earlier; then the first by id.  An upload keeps no file name, only the id made of it,
    where "bc (1).txt" is "bc_1": so an id that is a twin's name (its copy marks taken off,
    :func:`copy_base`) and "_" and a number is a copy's too -- "cho_quy_1_2" of
    "cho_quy_1", and "bc_1" of "bc_-_Copy" when every upload of the text was a copy's
    ("bc - Copy.txt", then "bc (1).txt": the one uploaded earlier is the original, as a
    ``rag index`` of the two files says; break-test bt5-b16, item 5)."""
    def name(d: Document) -> str:
        return Path(d.source).stem if d.source and d.source != "upload" else d.id

    bases = {copy_base(n) for d in twins for n in (d.id, name(d))}

    def copy_named(d: Document) -> bool:
        if is_copy_name(name(d)):
            return True
        m = _NUMBERED_ID_RE.fullmatch(d.id)
        return m is not None and m.group(1).casefold() in bases

    return min(enumerate(twins), key=lambda kd: (copy_named(kd[1]), kd[0], kd[1].id))[1]


# Markup a format keeps in the text and another does not: Markdown heading marks, list
# bullets, emphasis and code marks, block quotes.
_LINE_MARKUP_RE = re.compile(r"^(?:#{1,6}\s+|>\s*|[-*+•]\s+)+")
_INLINE_MARKUP_RE = re.compile(r"\*\*|__|`|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w)")


def _folded_line(line: str) -> str:
    """One line with its markup dropped, white space and case folded (NFC)."""
    line = _LINE_MARKUP_RE.sub("", unicodedata.normalize("NFC", line).strip())
    return " ".join(_INLINE_MARKUP_RE.sub("", line).split()).casefold()


def folded_lines(text: str) -> set[str]:
    """The lines of ``text`` as :func:`body_keys` compares them (markup dropped, white space
    and case folded), the empty ones left out: what a copy's passage and its original's
    share even when the two formats cut or head them differently."""
    return {line for line in map(_folded_line, text.split("\n")) if line}


def body_keys(docs: Iterable[Document]) -> dict[str, str]:
    """For each of ``docs``: id -> its body key, equal for two documents of the same text in
    any format or under any title: the text's lines with markup dropped (:func:`_folded_line`),
    without any line that is the title of one of ``docs`` (a heading one reader takes out as
    the title and another keeps, a title line pasted in a JSON text whose title is another),
    joined with white space folded (so hard-wrapped lines and paragraphs agree).  A text
    that is all title lines (a one-sentence report, whose sentence is also its title) is
    keyed by those lines, marked apart from any body: two such texts are twins when their
    lines are the same (break-test bt6-b16: "Copy of x.txt" and "Bản sao x.txt" of one
    sentence were searched as one and reported as none's copy).  "" for a document without
    text: it is no one's copy."""
    docs = list(docs)
    titles = {_folded_line(d.title) for d in docs if d.title}
    titles.discard("")
    out: dict[str, str] = {}
    for d in docs:
        lines = [line for line in map(_folded_line, d.text.split("\n")) if line]
        body = " ".join(line for line in lines if line not in titles)
        out[d.id] = body or ("\x00" + " ".join(lines) if lines else "")
    return out


def twins_by_body(docs: Iterable[Document]) -> list[list[Document]]:
    """``docs`` (in their order) grouped by :func:`body_keys`, the groups of two or more."""
    docs = list(docs)
    keys = body_keys(docs)
    groups: dict[str, list[Document]] = {}
    for d in docs:
        if keys[d.id]:
            groups.setdefault(keys[d.id], []).append(d)
    return [g for g in groups.values() if len(g) > 1]


_ORIGINALS: weakref.WeakKeyDictionary[Index, dict[str, str]] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def originals(index: Index) -> dict[str, str]:
    """For each document of ``index`` whose text another one has: its id -> the id of the
    original (:func:`first_of` the documents of that body, :func:`twins_by_body`, in the
    index's order); computed once per index generation."""
    with _LOCK:
        held = _ORIGINALS.get(index)
    if held is not None:
        return held
    out: dict[str, str] = {}
    for twins in twins_by_body(index.docs.values()):
        first = first_of(twins)
        out.update({d.id: first.id for d in twins if d is not first})
    with _LOCK:
        _ORIGINALS[index] = out
    return out
