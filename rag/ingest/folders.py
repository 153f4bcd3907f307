"""The files of a run: every supported file under the paths given (folders walked, hidden
files left out), read one at a time into documents (``rag.ingest.readers``), duplicate ids
refused, and the files that cannot be read named together in one error."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from rag.errors import IngestError
from rag.ingest.ocr import OcrConfig
from rag.ingest.readers import MAX_FILE_BYTES, SUPPORTED, read_file, sniff_file, unsupported_type
from rag.records import Document

log = logging.getLogger(__name__)


LOCK_FILE_REASON = "an office program's lock file for an open document, not a document"


def is_lock_file(name: str) -> bool:
    """Whether a file's name is an office program's lock file, written beside a document
    while it is open and holding only who opened it: Microsoft Word's and Excel's owner
    file "~$" + the name ("~$bao_cao.docx", 162 bytes, with the document's first two
    letters cut when its name is long), LibreOffice's ".~lock.bao_cao.docx#".  Neither is
    a report, so a folder saved while a report is open indexes as the same folder closed."""
    return name.startswith("~$") or (name.startswith(".~lock.") and name.endswith("#"))


def _sniffed(path: Path) -> bool:
    """Whether a file whose suffix is no type read here (a page saved as "tin.aspx") shows
    one in its bytes (``rag.ingest.readers.sniff_type``): then it is read as that type."""
    try:
        return path.stat().st_size <= MAX_FILE_BYTES and sniff_file(path) is not None
    except OSError:
        return False


def iter_files(paths: Iterable[Path], others: dict[str, str] | None = None) -> Iterator[Path]:
    """Files of a supported type under the given paths (hidden ones and office lock files,
    :func:`is_lock_file`, left out): the files a run reads, counts and names when it cannot
    read them; a missing path, or a folder without one such file, is an error.  Other files
    in a folder -- lock files too, with :data:`LOCK_FILE_REASON` -- are named in ``others``
    (path -> reason) when it is given."""
    for path in paths:
        if not path.exists():
            raise IngestError(f"{path}: no such file or directory")
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and
                           not any(part.startswith(".") for part in p.relative_to(path).parts))
            files = [p for p in found if not is_lock_file(p.name) and
                     (p.suffix.lower() in SUPPORTED or _sniffed(p))]
            if not files:
                raise IngestError(f"{path}: no {', '.join(SUPPORTED)} files in this directory")
            if others is not None:  # LibreOffice's ".~lock.x#" is hidden, but named too
                locks = sorted(p for p in path.rglob(".~lock.*#") if p.is_file() and
                               not any(part.startswith(".")
                                       for part in p.relative_to(path).parts[:-1]))
                for p in locks:
                    others[str(p)] = LOCK_FILE_REASON
                for p in found:
                    if is_lock_file(p.name):
                        others[str(p)] = LOCK_FILE_REASON
                    elif p not in files:
                        others[str(p)] = unsupported_type(p.suffix.lower())
            yield from files
        elif is_lock_file(path.name):  # named on the command line: left out, with the reason
            if others is not None:
                others[str(path)] = LOCK_FILE_REASON
        else:
            yield path


def iter_documents(paths: Iterable[Path], skipped: dict[str, str] | None = None,
                   ocr: OcrConfig | None = None,
                   others: dict[str, str] | None = None) -> Iterator[Document]:
    """Every document under ``paths``, a file at a time; a duplicate id is an error.

    With ``skipped`` given, a file that cannot be read (or repeats an id) is left out and
    named there with the reason (path -> reason) instead of stopping the run.  Without it,
    the first such file ends the documents, the remaining files are still read (not yielded)
    and the error raised names every file that cannot be read (:func:`unreadable_error`).
    Files of another type are named in ``others`` (path -> reason), never in ``skipped``.
    Only the ids and sources seen so far are kept, so a caller that consumes the documents
    as they come holds one file's documents at a time."""
    sources: dict[str, str | None] = {}
    errors: list[IngestError] = []
    others = {} if others is None else others
    files = list(iter_files(paths, others))
    for path in files:
        try:
            docs = read_file(path, ocr)
            mine: dict[str, str | None] = {}
            for doc in docs:
                if doc.id in sources or doc.id in mine:
                    raise IngestError(f"{path}: document id {doc.id!r} also comes from "
                                      f"{sources.get(doc.id, mine.get(doc.id))}")
                mine[doc.id] = doc.source
        except IngestError as exc:
            if skipped is None:
                errors.append(exc)
                continue
            message = str(exc)
            reason = message.removeprefix(f"{path}: ")
            if reason.startswith(f"{path}:"):  # "x.jsonl:4: ..." -> "line 4: ..."
                reason = "line " + reason.removeprefix(f"{path}:")
            skipped[str(path)] = reason
            log.info("skipped %s", message)
            continue
        for doc in docs:
            sources[doc.id] = doc.source
            if not errors:
                yield doc
    if errors:
        raise unreadable_error(errors, len(files), others)


def check_files(paths: Iterable[Path], ocr: OcrConfig | None = None) -> None:
    """Read every file under ``paths`` once, keeping nothing: IngestError naming every file
    that cannot be read (or repeats an id), as a strict run raises it -- before that run
    writes anything (an index directory, a vector cache)."""
    for _ in iter_documents(paths, None, ocr):
        pass


def unreadable_error(errors: list[IngestError], files: int | None = None,
                     others: dict[str, str] | None = None, shown: int = 5) -> IngestError:
    """One error, on one line, for the files a run could not read, counted among the
    ``files`` of a supported type it found, as the run's summary counts them: the error
    itself for one file of one; else their count and the first ``shown`` of them, each
    with its reason ("3 of 7 files cannot be read: a.txt: binary file, not text; b.pdf:
    ..."); files of another type (``others``: path -> reason) named after them, left out
    as the summary leaves them out, not counted."""
    if len(errors) == 1 and files in (None, 1) and not others:
        return errors[0]
    listed = "; ".join(" ".join(str(e).split()) for e in errors[:shown])
    more = f"; and {len(errors) - shown} more" if len(errors) > shown else ""
    count = f"{len(errors)} of {files}" if files is not None else f"{len(errors)}"
    left = ""
    if others:
        names = ", ".join(list(others)[:shown]) + (f" and {len(others) - shown} more"
                                                  if len(others) > shown else "")
        left = (f" (left out, of another type: {names}; read are "
                f"{', '.join(SUPPORTED)})")
    return IngestError(f"{count} files cannot be read: {listed}{more}{left}")


def load_documents(paths: Iterable[Path]) -> list[Document]:
    """Every document under ``paths`` in a list; duplicate ids are an error."""
    return list(iter_documents(paths))
