"""The documents of the index, as the service shows them: uploads read now or in the
background, their ids (the one rule of ``rag.ingest.ids``), duplicates, deletions, the list
and one document whole, and the pages (and OCR) of what an answer cites."""

from __future__ import annotations

import logging
from abc import abstractmethod
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Literal

from index import Index, NoIndexError
from rag.errors import IngestError, UnknownDocument
from rag.ingest.build import Embedded
from rag.ingest.ids import document_id, normal_id
from rag.ingest.jobs import SUPERSEDED, UploadJobs
from rag.ingest.live import LiveIndex
from rag.ingest.ocr import OcrConfig
from rag.ingest.readers import make_document
from rag.ingest.sheets import uncomputed_note
from rag.ingest.uploads import check_type, read_upload
from rag.records import (
    Answer,
    Citation,
    Document,
    DocumentList,
    DocumentSummary,
    DocumentView,
    UpdateReport,
    Upload,
    UploadJob,
)
from rag.search.copies import first_of, originals, twins_by_body
from rag.settings import Settings

log = logging.getLogger("rag.service")


class _Later(Exception):
    """An upload with more pages to read by OCR than RAG_OCR_SYNC_PAGES: read it later."""

    def __init__(self, pages: int):
        super().__init__(pages)
        self.pages = pages


class Documents:
    """The document half of ``RagService`` (a mixin): what it needs of the service is the
    settings, the upload queue, the index and its writes."""

    settings: Settings
    jobs: UploadJobs
    live: LiveIndex  # the index's writer (``RagService.live``)

    @property
    @abstractmethod
    def index(self) -> Index:
        """The index this process answers from (``RagService.index``)."""

    @property
    @abstractmethod
    def ocr(self) -> OcrConfig:
        """How scans are read (``RagService.ocr``)."""

    @abstractmethod
    def upsert(self, docs: list[Document], progress: Embedded | None = None) -> UpdateReport:
        """Add or replace ``docs`` (``RagService.upsert``)."""

    @abstractmethod
    def remove(self, doc_ids: list[str]) -> UpdateReport:
        """Drop ``doc_ids`` (``RagService.remove``)."""

    def _ocr_pages(self, doc: Document) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """A document's pages read by OCR, and those of them under RAG_OCR_MIN_CONFIDENCE."""
        read = [p for p in doc.pages if p.ocr is not None]
        low = self.settings.ocr_min_confidence
        return (tuple(p.number for p in read),
                tuple(p.number for p in read if p.ocr is not None and p.ocr < low))

    def read_document(self, *, filename: str | None = None, data: bytes | None = None,
                      text: str | None = None, title: str | None = None,
                      date: str | None = None, doc_id: str | None = None) -> Document:
        """An uploaded document, from a file (``filename`` and its bytes) or from ``text``;
        read, normalised and checked, not yet indexed.  Its id is ``doc_id`` when given, else
        the file's name's, else a hash of the text: the one rule of ``rag.ingest.ids``, which
        `rag index` follows too.  ``date`` is ``YYYY-MM-DD``, a real day.  Scans are read by
        OCR here, however many pages (see :meth:`take_file`).  Raises UnsupportedFileType,
        IngestError (an id or date that breaks the rule, an unreadable file),
        OcrUnavailable."""
        if filename is not None:
            return read_upload(filename, data or b"", doc_id, self.ocr)
        if text is None or not text.strip():
            raise IngestError("the text is empty / nội dung trống")
        return make_document(document_id(doc_id, None, text), text, title=title,
                             date=date, source="upload", pasted=True)

    def take_file(self, filename: str, data: bytes, doc_id: str | None = None,
                  content_type: str | None = None) -> Document | UploadJob:
        """An uploaded file: read now into a Document (to :meth:`add_document`), or -- when
        OCR has more than ``RAG_OCR_SYNC_PAGES`` scanned pages to read -- accepted as an
        UploadJob, read and indexed in the background, its status at :meth:`upload_job`.
        What can be checked at once is, before the file is accepted: its type, that it can be
        opened, the page limit and that Tesseract is installed (UnsupportedFileType,
        IngestError, OcrUnavailable).  A name whose suffix is no type ("tin.aspx") is read
        as its bytes show or ``content_type`` (the part's Content-Type) declares."""
        check_type(filename, data, content_type)
        the_id = document_id(doc_id, filename)
        config = self.ocr
        sync = self.settings.ocr_sync_pages

        def now_or_later(done: int, total: int) -> None:
            if done == 0 and total > sync:  # checked, and nothing read yet
                raise _Later(total)

        try:
            doc = read_upload(filename, data, the_id, config, on_page=now_or_later,
                              content_type=content_type)
        except _Later as later:
            pages = later.pages
        else:  # the last upload wins: an earlier one still reading in the background is not
            self.jobs.cancel(the_id, SUPERSEDED)  # to replace this one when it ends
            return doc

        def work(report: Callable[[str, int, int], None], wanted: Callable[[], bool]) -> Upload:
            report("reading", 0, pages)
            doc = read_upload(filename, data, the_id, config,
                              on_page=lambda done, total: report("reading", done, total),
                              content_type=content_type)
            report("indexing", pages, pages)
            return self.add_document(doc, wanted)

        self.jobs.cancel(the_id, SUPERSEDED)
        return self.jobs.submit(the_id, pages, work)

    def upload_job(self, doc_id: str, job: str | None = None) -> UploadJob | None:
        """The background upload ``job`` of ``doc_id``, or without ``job`` the one of it
        still queued or running, else its last (None: none), whichever process took it."""
        doc_id = normal_id(doc_id)
        if job is None:
            return self.jobs.latest(doc_id)
        found = self.jobs.get(job)
        return found if found is not None and found.id == doc_id else None

    def add_document(self, doc: Document, wanted: Callable[[], bool] | None = None) -> Upload:
        """Index ``doc`` (a new one, or a new version of one); returns once it is searchable.
        When another document of the index has the same text (a report downloaded twice,
        "bc (1).txt") it is still indexed -- search shows the passages once -- and the
        upload names it in ``duplicate_of``.  ``wanted()`` False, asked under the index's
        write lock, drops it (UploadCancelled): a background upload deleted meanwhile."""
        report = self.live.upsert([doc], wanted=wanted)
        status: Literal["added", "changed", "unchanged"] = (
            "added" if doc.id in report.added else
            "changed" if doc.id in report.changed else "unchanged")
        twin = self.duplicate_of(doc)
        log.info("document %s %s%s", doc.id, status, f" (same text as {twin})" if twin else "")
        ocr, low = self._ocr_pages(doc)
        if low:
            log.warning("document %s: pages %s read by OCR with low confidence", doc.id,
                        ", ".join(map(str, low)))
        if doc.unread:
            log.warning("document %s: pages %s not read (%s)", doc.id,
                        ", ".join(map(str, doc.unread)), doc.unread_reason)
        if doc.uncomputed:
            log.warning("document %s: %s", doc.id, uncomputed_note(doc.uncomputed))
        return Upload(doc.id, self.chunks_of(doc.id), status, twin, ocr, low, doc.unread,
                      doc.unread_reason, doc.uncomputed)

    def duplicate_of(self, doc: Document) -> str | None:
        """The id of the indexed document ``doc`` is a copy of: the first of those with its
        text in any format or under any title (``rag.search.copies.twins_by_body``;
        ``rag.search.copies.first_of``: one not named as a copy, else the one indexed earlier,
        ``doc`` where the index holds it or, not yet indexed, last); None when there is no
        other, or when ``doc`` is that first one itself (an original uploaded again, or
        uploaded after a copy, is no copy of its copy).  For ``doc`` as the index holds it (an
        upload just added) its group is read from ``rag.search.copies.originals``, folded once per
        index generation and shared with retrieval, so an upload folds no document again;
        another ``doc`` is compared with every document."""
        try:
            index = self.index
            docs = index.docs
        except NoIndexError:
            return None
        held = docs.get(doc.id)
        if held is not None and (held.text, held.title) == (doc.text, doc.title):
            first = originals(index)
            head = first.get(doc.id, doc.id)
            group = {head} | {c for c, o in first.items() if o == head}
            if len(group) < 2:
                return None
            twins = [d for d in docs.values() if d.id in group]
        else:
            pool = [doc if d.id == doc.id else d for d in docs.values()]
            if doc.id not in docs:
                pool.append(doc)
            twins = next((g for g in twins_by_body(pool) if any(d is doc for d in g)), [])
            if not any(d.id != doc.id for d in twins):
                return None
        chosen = first_of(twins)
        return chosen.id if chosen.id != doc.id else None

    def duplicates(self, ids: Iterable[str]) -> dict[str, str]:
        """For the documents ``ids`` added or changed by one run, those whose text another
        document of the index has: id -> the original of them (``rag.search.copies.first_of``,
        the one rule of every door; the same text in any format or under any title:
        ``rag.search.copies.twins_by_body``); and a copy indexed before whose original
        comes with this run ("Copy of bc.txt" indexed, then "bc.txt"): copy -> that one."""
        ids = set(ids)
        if not ids:
            return {}
        out: dict[str, str] = {}
        for twins in twins_by_body(self.index.docs.values()):
            if not ids.intersection(d.id for d in twins):
                continue
            first = first_of(twins)
            out.update({d.id: first.id for d in twins
                        if d is not first and (d.id in ids or first.id in ids)})
        return dict(sorted(out.items()))

    def delete_document(self, doc_id: str) -> None:
        """Remove a document from the index on disk (found there even if another process
        added it), and cancel its background uploads not yet indexed, whichever process took
        them (cancelled before the index is written, so none of them brings it back);
        UnknownDocument when there is neither."""
        doc_id = normal_id(doc_id)
        cancelled = self.jobs.cancel(doc_id)
        if doc_id not in self.remove([doc_id]).removed and not cancelled:
            raise UnknownDocument(doc_id)
        log.info("document %s removed", doc_id)

    def documents(self) -> list[Document]:
        """Every document of the index (NoIndexError when there is no index yet)."""
        return list(self.index.docs.values())

    def document(self, doc_id: str) -> Document | None:
        """The document ``doc_id`` (composed or decomposed alike), None when there is none."""
        return self.index.docs.get(normal_id(doc_id))

    def chunks_of(self, doc_id: str) -> int:
        """How many passages (chunks) of document ``doc_id`` the index holds (0 for an unknown
        id)."""
        return len(self.index.rows_of_doc.get(doc_id, []))

    def list_documents(self) -> DocumentList:
        """Every document of the index (none when there is no index yet)."""
        try:
            docs = self.documents()
        except NoIndexError:
            docs = []
        return DocumentList(tuple(
            DocumentSummary(d.id, d.title, d.date, self.chunks_of(d.id), _source(d.source))
            for d in docs))

    def get_document(self, doc_id: str) -> DocumentView:
        """One document whole; UnknownDocument when there is none."""
        try:
            doc = self.document(doc_id)
        except NoIndexError:
            doc = None
        if doc is None:
            raise UnknownDocument(doc_id)
        ocr, low = self._ocr_pages(doc)
        return DocumentView(doc.id, doc.title, doc.date, doc.url, doc.text,
                            self.chunks_of(doc.id), len(doc.pages), ocr, low,
                            self.jobs.latest(doc.id), doc.unread, doc.unread_reason)


def with_pages(answer: Answer, docs: dict[str, Document]) -> Answer:
    """``answer`` with each citation's page (of a paged file) and whether that page was read
    by OCR; ``answer.ocr`` when any was."""

    def paged(c: Citation) -> Citation:
        doc = docs.get(c.doc_id)
        page = doc.page_at(c.start) if doc is not None else None
        return c if page is None else replace(c, page=page.number, ocr=page.ocr is not None)

    if not any(docs[d].pages for d in _cited(answer) if d in docs):
        return answer
    parts = tuple(replace(p, citations=tuple(map(paged, p.citations))) for p in answer.parts)
    citations = tuple(map(paged, answer.citations))
    ocr = any(c.ocr for c in citations) or any(c.ocr for p in parts for c in p.citations)
    return replace(answer, citations=citations, parts=parts, ocr=ocr)


def _cited(answer: Answer) -> set[str]:
    return {c.doc_id for c in answer.citations} | {c.doc_id for p in answer.parts
                                                   for c in p.citations}


def _source(source: str | None) -> str | None:
    """"upload", or the name of the file a document came from (not the server's path)."""
    return source if source in (None, "upload") else Path(source).name
