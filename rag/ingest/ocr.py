"""Scans read with Tesseract: PDF pages without a text layer and .png/.jpg/.tif uploads, their
page images cleaned (``rag.ingest.page_images``), read by Tesseract (``rag.ingest.tesseract``)
and its words written as text, tables as lines (``rag.ingest.ocr_layout``).  Each page keeps
Tesseract's mean word confidence (0-100).

Limits are per document: at most ``max_pages`` pages to read and ``time_limit`` seconds for
all of them, checked within a page too (between bands of its cleaning, and as Tesseract's
own timeout); over either, the file is refused with a message naming the setting.  Pages
read are kept by content in a :class:`PageCache` beside the index (the SHA-256 of the
page's rendered pixels, for the Tesseract version, languages and resolution that read them),
so an unchanged scan is not read again by a later `rag index`, nor twice by one (which reads
each file twice: once to embed ahead, once under the write lock), and a PDF with one page
edited has that page read again, not the others.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from index.blobcache import BlobCache
from rag.errors import IngestError, OcrUnavailable
from rag.ingest.ocr_layout import layout, words_of
from rag.ingest.page_images import cleaned
from rag.ingest.tesseract import (
    CHECK_SECONDS,
    OcrTimeout,
    check_tesseract,
    page_orientation,
    page_words,
)

log = logging.getLogger(__name__)

IMAGE_TYPES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
# What turns a page image into text here (cleaning and layout): a change of it that changes
# the text read makes pages cached before it be read again.
READER = "ocr-8"
CACHE_FILE = "ocr.sqlite"
REBUILT = "pages read by OCR, read again when asked for"

OnPage = Callable[[int, int], None]
"""Told (0, pages to read) once the pages are checked and before the first is read, then
(pages read, pages to read) after each page; what it raises stops the reading."""


# A page read with a confidence under the minimum on which fewer than this share of the
# "words" are words -- three letters or more, or a figure of two digits or more -- is no text
# (noise, a picture): its words are not kept.  Measured on pages read by the reader: grey
# noise (a break-test's, and one put in a PDF) and a page of ink blots gave 0.00-0.15;
# report pages and tables blurred until read at confidence 25-47 gave 0.38-0.75.  A page
# of which Tesseract reads no word at all (grey noise since the cleaning) is no text either.
WORDLIKE = 0.25
_FIGURE = re.compile(r"[(+\-−]?\d[\d.,]*\d%?\)?[.,;:]?")
NOT_TEXT = "no text read by OCR (noise or a picture, not words)"


@dataclass(frozen=True)
class OcrPage:
    """One page read by Tesseract: its ``number`` (1-based), its ``text`` (tables as lines),
    the mean word ``confidence`` (0-100, weighted by word length; 0 when no word was read),
    how many ``words`` and ``seconds`` it took; ``unread``: why its words were not kept (a
    page that is no text, see WORDLIKE; ``text`` is then empty)."""

    number: int
    text: str
    confidence: float
    words: int
    seconds: float
    unread: str | None = None


class PageCache:
    """Pages read by OCR, kept in ``ocr.sqlite`` in ``directory`` (the index's), opened on
    first use (a damaged file is moved aside and made anew; a directory that cannot hold
    it: pages are read every time; both logged as warnings naming the file).  Counts
    the pages it was asked for that Tesseract had to read (``read``) and those it held
    (``reused``)."""

    def __init__(self, directory: Path):
        self.directory = Path(directory)
        self.read = 0
        self.reused = 0
        self._stores: dict[str, BlobCache | None] = {}
        self._lock = threading.Lock()

    def _store(self, space: str) -> BlobCache | None:
        with self._lock:
            if space not in self._stores:
                try:  # a damaged file is moved aside and made anew (logged)
                    self._stores[space] = BlobCache(self.directory / CACHE_FILE, space,
                                                    "pages", rebuild=REBUILT)
                except Exception as exc:  # read-only directory, disk full
                    log.warning("no OCR cache %s (%s): scans are read every time",
                                self.directory / CACHE_FILE, exc)
                    self._stores[space] = None
            return self._stores[space]

    def get(self, space: str, key: str) -> OcrPage | None:
        """The page read under ``key`` (its pixels' hash, :func:`page_key`) in ``space``
        (reader, Tesseract version, languages, dpi), or None."""
        store = self._store(space)
        found = store.get_many([key]).get(key) if store is not None else None
        with self._lock:
            if found is None:
                self.read += 1
            else:
                self.reused += 1
        return OcrPage(**json.loads(found)) if found is not None else None

    def put(self, space: str, key: str, page: OcrPage) -> None:
        """Keep ``page`` under ``key`` in ``space`` for later runs."""
        store = self._store(space)
        if store is not None:
            store.put([key], [json.dumps(asdict(page), ensure_ascii=False).encode()])

    def close(self) -> None:
        """Close every store opened."""
        with self._lock:
            stores, self._stores = self._stores, {}
        for store in stores.values():
            if store is not None:
                store.close()


@dataclass(frozen=True)
class OcrConfig:
    """How scans are read: the Tesseract ``command`` and its ``languages`` ("vie"), the
    resolution pages are rendered at (``dpi``), the mean word confidence (0-100) under which
    a page is reported as unreliable (``min_confidence``), and per document at most
    ``max_pages`` pages to read and ``time_limit`` seconds to read them; ``cache`` keeps the
    pages read (None: read every time).  The service makes it from the settings
    (``RAG_OCR_*``); the defaults are the settings' defaults."""

    command: str = "tesseract"
    languages: str = "vie"
    dpi: int = 200
    min_confidence: float = 70.0
    max_pages: int = 50
    time_limit: float = 600.0
    cache: PageCache | None = field(default=None, compare=False, repr=False)


def is_wordlike(word: str) -> bool:
    """Whether a word Tesseract read looks like one: three letters or more ("tăng"), or a
    figure of two digits or more ("412,6", "(2,4)"); "1", "HH", "=1=" do not (see
    WORDLIKE)."""
    return sum(ch.isalpha() for ch in word) >= 3 or _FIGURE.fullmatch(word) is not None


def read_image(image: Any, config: OcrConfig, number: int = 1,
               deadline: float | None = None) -> OcrPage:
    """Read one page image (a PIL image) with Tesseract, stopped at ``deadline``
    (``time.monotonic()``; None: none) with OcrTimeout, in its cleaning as in Tesseract:
    inverted when light on dark, stood upright by Tesseract's orientation detection
    (``rag.ingest.page_images.cleaned``).  A page that reads as no text (see WORDLIKE)
    comes back empty, ``unread`` saying so.  Raises OcrUnavailable when Tesseract is
    missing, IngestError when it fails."""
    t0 = time.perf_counter()

    def check() -> None:
        if deadline is not None and time.monotonic() >= deadline:
            raise OcrTimeout(f"the time limit was reached on page {number}")

    def orient(upright: Any) -> tuple[int, float]:
        return page_orientation(upright, config.command, number, deadline)

    page = cleaned(image, check, orient)
    if page.turned or page.inverted:
        log.info("page %d: %s before reading", number, ", ".join(
            ([f"turned {page.turned}° clockwise"] if page.turned else []) +
            (["inverted (light on dark)"] if page.inverted else [])))
    words = words_of(page_words(page.image, config.command, config.languages, number,
                                deadline))
    weight = sum(len(w.text) for w in words)
    confidence = round(sum(w.conf * len(w.text) for w in words) / weight if weight else 0.0, 1)
    seconds = round(time.perf_counter() - t0, 3)
    wordlike = sum(is_wordlike(w.text) for w in words)
    if not words or (confidence < config.min_confidence and wordlike < WORDLIKE * len(words)):
        log.warning("page %d: %s (confidence %.0f, %d of %d words look like words): not "
                    "indexed", number, NOT_TEXT, confidence, wordlike, len(words))
        return OcrPage(number, "", confidence, len(words), seconds, NOT_TEXT)
    return OcrPage(number, layout(words, page.grids), confidence, len(words), seconds)


def check_scans(name: str, pages: int, config: OcrConfig,
                deadline: float | None = None) -> str:
    """Whether ``pages`` scanned pages of the file ``name`` can be read with ``config``:
    IngestError over ``max_pages``, OcrUnavailable (naming the apt command) without
    Tesseract or its language data, or when Tesseract does not answer by ``deadline``
    (``time.monotonic()``; None: within CHECK_SECONDS).  Returns Tesseract's version."""
    if pages > config.max_pages:
        raise IngestError(f"{name}: {pages} scanned pages to read, more than the "
                          f"{config.max_pages} allowed (RAG_OCR_MAX_PAGES); split the file or "
                          f"raise the limit")
    wait = CHECK_SECONDS if deadline is None else \
        max(0.0, min(CHECK_SECONDS, deadline - time.monotonic()))
    try:
        return check_tesseract(config.command, config.languages, wait)
    except OcrUnavailable as exc:
        raise OcrUnavailable(f"{name}: {pages} page(s) are scanned images without text; "
                             f"{exc}") from exc


def page_key(image: Any) -> str:
    """What a page is kept by in the cache: the SHA-256 of its rendered pixels (mode, size
    and bytes), so that a page reads the same whatever file it is in and wherever: a PDF
    with one page edited has its other pages' keys unchanged."""
    digest = hashlib.sha256(f"{image.mode} {image.width}x{image.height}\n".encode())
    digest.update(image.tobytes())
    return digest.hexdigest()


def read_pages(name: str, numbers: Sequence[int], render: Callable[[int], Any],
               config: OcrConfig, on_page: OnPage | None = None) -> list[OcrPage]:
    """Pages ``numbers`` of the file ``name``, each rendered by ``render(number)`` to a PIL
    image and read by Tesseract -- or taken from ``config.cache`` by its pixels
    (:func:`page_key`) -- within ``config``'s page and time limits; ``on_page`` told as in
    :data:`OnPage`.  Raises OcrUnavailable (Tesseract missing) and IngestError (over a
    limit, Tesseract failed, a page that cannot be rendered), each naming the file."""
    if not numbers:
        return []
    deadline = time.monotonic() + config.time_limit  # the check of Tesseract counts too
    version = check_scans(name, len(numbers), config, deadline)
    if on_page is not None:
        on_page(0, len(numbers))
    space = f"{READER} {version} {config.languages} {config.dpi}dpi"
    out: list[OcrPage] = []
    for done, number in enumerate(numbers, 1):
        try:
            if time.monotonic() >= deadline:
                raise OcrTimeout(f"the time limit was reached before page {number}")
            image = render(number)
            key = page_key(image) if config.cache is not None else ""
            page = config.cache.get(space, key) if config.cache is not None else None
            if page is not None:
                page = replace(page, number=number)  # the same page, maybe elsewhere
            else:
                page = read_image(image, config, number, deadline)
                if config.cache is not None:
                    config.cache.put(space, key, page)
                log.info("%s: page %d read by OCR in %.1f s (confidence %.0f)", name, number,
                         page.seconds, page.confidence)
        except OcrUnavailable as exc:
            raise OcrUnavailable(f"{name}: {exc}") from exc
        except OcrTimeout as exc:
            raise IngestError(_too_slow(name, config, number, len(numbers))) from exc
        except IngestError as exc:
            raise IngestError(f"{name}: {exc}") from exc
        out.append(page)
        if on_page is not None:
            on_page(done, len(numbers))
    return out


def _too_slow(name: str, config: OcrConfig, number: int, total: int) -> str:
    return (f"{name}: OCR took longer than {config.time_limit:g} s (RAG_OCR_TIME_LIMIT) and "
            f"stopped at page {number} ({total} scanned pages); raise the limit or split the "
            f"file")
