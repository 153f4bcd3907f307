"""A document's id and date: one rule for every door -- `rag index` (files and .jsonl lines),
POST /documents (a file, a JSON body, an ``id`` field) -- so that the same report gets the same
id whichever way it came in.

An id is 1 to 100 characters: letters of any script, digits, ``_``, ``-`` and ``.``, not
``.`` first, compared in NFC (a name typed or sent decomposed, as macOS does, is the same id as
its composed form).  An id someone *gives* (a JSON ``id``, a multipart ``id``, a .jsonl line's
``id``) must follow the rule, or IngestError says which part of it does not.  An id made from a
*file name* is normalised instead: the name's stem (no folders, either slash) in NFC, each run
of other characters (spaces, brackets, ``#``) made one ``_``, ``_`` and ``.`` trimmed from both
ends, cut to 100 characters -- "Báo cáo tháng 7 (2014).docx" is ``Báo_cáo_tháng_7_2014``; a
name with nothing left ("###.txt") is an IngestError.  A text without an id or a name gets
``doc-`` and 12 hex digits of its SHA-256.

A date is ``YYYY-MM-DD`` and a real day of the calendar (not 2025-02-30).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import date as Date
from pathlib import PurePosixPath

from rag.errors import IngestError

MAX_ID_CHARS = 100
# The rule as a regular expression, for schemas (OpenAPI) and clients; `check_id` says why.
DOC_ID_PATTERN = rf"^[\w-][\w.-]{{0,{MAX_ID_CHARS - 1}}}$"
_ID_RE = re.compile(DOC_ID_PATTERN)
_OTHER_RE = re.compile(r"[^\w.-]+")
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


def check_id(doc_id: str, what: str = "document id") -> str:
    """``doc_id`` stripped, in NFC, when it follows the rule; IngestError naming what breaks
    it (empty, longer than 100 characters, a path separator, another character, "." first)."""
    doc_id = normal_id(doc_id)
    if _ID_RE.fullmatch(doc_id):
        return doc_id
    if not doc_id:
        raise IngestError(f"{what} is empty")
    if len(doc_id) > MAX_ID_CHARS:
        raise IngestError(f"{what} is longer than {MAX_ID_CHARS} characters "
                          f"({len(doc_id)}): {doc_id[:40]!r}…")
    allowed = "letters, digits, '_', '-' and '.' (not '.' first)"
    if "/" in doc_id or "\\" in doc_id:
        raise IngestError(f"{what} {doc_id!r} holds a path separator; use only {allowed}")
    odd = next((c for c in doc_id if _OTHER_RE.fullmatch(c)), None)
    if odd is not None:
        raise IngestError(f"{what} {doc_id!r} holds {odd!r}; use only {allowed}")
    raise IngestError(f"{what} {doc_id!r} starts with '.'; use only {allowed}")


def normal_id(doc_id: str) -> str:
    """``doc_id`` as ids are kept (stripped, NFC), for looking a document up; not checked:
    an id that breaks the rule is simply one no document has."""
    return unicodedata.normalize("NFC", doc_id.strip())


def file_id(filename: str) -> str:
    """The id of the document a file holds, from its name (a path, with either slash, or a
    bare name): the stem normalised as the module says.  IngestError when nothing is left."""
    name = unicodedata.normalize("NFC", filename).replace("\\", "/").split("/")[-1]
    doc_id = _OTHER_RE.sub("_", PurePosixPath(name).stem).strip("._")[:MAX_ID_CHARS]
    if not doc_id:
        raise IngestError(f"{name or filename}: cannot make a document id from this file "
                          f"name; rename it with letters or digits")
    return doc_id


def text_id(text: str) -> str:
    """The id of a text uploaded without an id or a name: ``doc-`` + 12 hex digits of the
    SHA-256 of its UTF-8 bytes (the same text, the same id)."""
    return "doc-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def document_id(given: str | None = None, filename: str | None = None,
                text: str | None = None) -> str:
    """An upload's id: ``given`` when it is not blank (checked: IngestError when it breaks the
    rule), else ``filename``'s (``file_id``), else ``text``'s (``text_id``)."""
    if given is not None and given.strip():
        return check_id(given, "`id`")
    if filename:
        return file_id(filename)
    return text_id(text or "")


def check_date(value: str, what: str = "date") -> str:
    """``value`` stripped when it is a real day written ``YYYY-MM-DD``; IngestError otherwise
    (naming the value)."""
    value = value.strip()
    if _DATE_RE.fullmatch(value):
        try:
            Date.fromisoformat(value)
            return value
        except ValueError:
            raise IngestError(f"{what} {value!r} is not a real date") from None
    raise IngestError(f"{what} {value!r} is not a date written YYYY-MM-DD")


__all__ = ["DOC_ID_PATTERN", "MAX_ID_CHARS", "check_date", "check_id", "document_id",
           "file_id", "normal_id", "text_id"]
