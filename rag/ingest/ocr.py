"""Scans read with Tesseract: PDF pages without a text layer (rendered by pypdfium2) and
.png/.jpg/.tif uploads (read by Pillow), through pytesseract and Tesseract's Vietnamese data
(Debian's ``tesseract-ocr`` and ``tesseract-ocr-vie``).

Tesseract's layout analysis (``image_to_data``, page segmentation mode 3) gives words with
their boxes, lines and paragraphs.  Lines at one height are one row, also when Tesseract put
a table's columns in separate blocks; a row is cut into cells where the gap between two
words is wider than ``CELL_GAP`` word heights, and consecutive rows of two or more cells
whose cells stand in the same columns are a table, read by ``rag.ingest.tables`` like any
reader's ("Quý III/2023 — Kim ngạch xuất khẩu: 532,1 triệu USD").  The other rows are text,
a paragraph's lines joined as ``rag.ingest.pdf`` joins a page's wrapped lines.  Each page
keeps Tesseract's mean word confidence (0-100).  Before Tesseract sees a page, specks are
removed (Pillow's median filter) and table rulings whitened (:func:`cleaned`).

Limits are per document: at most ``max_pages`` pages to read and ``time_limit`` seconds for
all of them; over either, the file is refused with a message naming the setting.  Results
are kept in memory by the file's SHA-256 (and the command, languages and resolution that
read them), so ``rag index``, which reads a file twice (once to
embed ahead, once under the write lock), runs Tesseract once.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
import shutil
import statistics
import subprocess
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from rag.errors import IngestError, OcrUnavailable
from rag.ingest.tables import CAPTION_RE, table_lines

log = logging.getLogger(__name__)

INSTALL = "apt-get install -y tesseract-ocr tesseract-ocr-vie"
IMAGE_TYPES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
# A gap between two words wider than this many word heights separates two table cells.
CELL_GAP = 1.2
# A line reaching this share of the text's right edge was wrapped by the page (as in pdf.py).
FULL_LINE = 0.8
# A dark run at least this share of the page's width long is a ruling line, not a letter.
RULE_LENGTH = 0.04
# A rendered page holds at most this many pixels (a poster-size page is rendered smaller).
MAX_PIXELS = 40_000_000
# Table rulings Tesseract reads as "words": bars, underscores, brackets, or two dashes and
# more (one dash stays: "2023 - 2025", a list's "- Xuất khẩu").
_RULING = re.compile(r"^(?:[|_\[\]{}~¦‖]+|[—–-]{2,})$")

OnPage = Callable[[int, int], None]
"""Told (0, pages to read) once the pages are checked and before the first is read, then
(pages read, pages to read) after each page; what it raises stops the reading."""


@dataclass(frozen=True)
class OcrConfig:
    """How scans are read: the Tesseract ``command`` and its ``languages`` ("vie"), the
    resolution pages are rendered at (``dpi``), the mean word confidence (0-100) under which
    a page is reported as unreliable (``min_confidence``), and per document at most
    ``max_pages`` pages to read and ``time_limit`` seconds to read them.  The service makes
    it from the settings (``RAG_OCR_*``); the defaults are the settings' defaults."""

    command: str = "tesseract"
    languages: str = "vie"
    dpi: int = 200
    min_confidence: float = 70.0
    max_pages: int = 50
    time_limit: float = 600.0


class OcrTimeout(IngestError):
    """Tesseract did not finish a page in the time it was given."""


@dataclass(frozen=True)
class OcrPage:
    """One page read by Tesseract: its ``number`` (1-based), its ``text`` (tables as lines),
    the mean word ``confidence`` (0-100, weighted by word length; 0 when no word was read),
    how many ``words`` and ``seconds`` it took."""

    number: int
    text: str
    confidence: float
    words: int
    seconds: float


# --- Tesseract itself ------------------------------------------------------------------------

# pytesseract takes its command from a module global; one Tesseract at a time per process
# (it uses both cores of this machine by itself), under this lock.
_RUN = threading.Lock()


@contextmanager
def _tesseract(command: str) -> Iterator[Any]:
    import pytesseract

    with _RUN:
        before = pytesseract.pytesseract.tesseract_cmd
        pytesseract.pytesseract.tesseract_cmd = command
        try:
            yield pytesseract
        finally:
            pytesseract.pytesseract.tesseract_cmd = before


_LANGS: dict[str, frozenset[str]] = {}


def check_tesseract(config: OcrConfig) -> None:
    """Raise OcrUnavailable, naming the apt command, when ``config.command`` cannot be run or
    lacks one of ``config.languages``' data files."""
    path = shutil.which(config.command)
    if path is None:
        raise OcrUnavailable(f"Tesseract OCR is not installed (no {config.command!r} command); "
                             f"install it: {INSTALL}")
    if path not in _LANGS:
        try:
            out = subprocess.run([path, "--list-langs"], capture_output=True, text=True,
                                 timeout=30, check=False)
        except (OSError, subprocess.SubprocessError) as exc:
            raise OcrUnavailable(f"Tesseract OCR ({path}) does not run ({exc}); reinstall it: "
                                 f"{INSTALL}") from exc
        lines = (out.stdout + out.stderr).splitlines()
        _LANGS[path] = frozenset(x.strip() for x in lines if x.strip() and " " not in x.strip())
    missing = [lang for lang in config.languages.split("+") if lang not in _LANGS[path]]
    if missing:
        packages = " ".join(f"tesseract-ocr-{lang}" for lang in missing)
        raise OcrUnavailable(f"Tesseract OCR has no {'+'.join(missing)} language data; "
                             f"install it: apt-get install -y {packages}")


def read_image(image: Any, config: OcrConfig, number: int = 1,
               timeout: float = 0) -> OcrPage:
    """Read one page image (a PIL image) with Tesseract.  ``timeout`` in seconds (0: none).
    Raises OcrUnavailable when Tesseract is missing, IngestError when it fails or times
    out."""
    import pytesseract

    t0 = time.perf_counter()
    image = cleaned(image)
    try:
        with _tesseract(config.command) as tess:
            data = tess.image_to_data(image, lang=config.languages, config="--psm 3",
                                      output_type=tess.Output.DICT, timeout=timeout)
    except pytesseract.TesseractNotFoundError as exc:
        raise OcrUnavailable(f"Tesseract OCR is not installed; install it: {INSTALL}") from exc
    except pytesseract.TesseractError as exc:
        raise IngestError(f"Tesseract could not read page {number}: {exc.message}") from exc
    except RuntimeError as exc:  # pytesseract's "Tesseract process timeout"
        raise OcrTimeout(f"Tesseract timed out on page {number}") from exc
    words = _words(data)
    text = layout(words)
    weight = sum(len(w.text) for w in words)
    confidence = sum(w.conf * len(w.text) for w in words) / weight if weight else 0.0
    return OcrPage(number, text, round(confidence, 1), len(words),
                   round(time.perf_counter() - t0, 3))


def cleaned(image: Any) -> Any:
    """A page image as Tesseract reads it best: grayscale, specks removed (a 3×3 median: on
    the bench's three report pages blurred and 2% speckled, read at 200 dpi, character
    accuracy went from 0.46-0.92 a page to 1.0), turned straight (:func:`deskewed`), then its
    ruling lines whitened (:func:`without_rules`)."""
    from PIL import ImageFilter

    return without_rules(deskewed(image.convert("L").filter(ImageFilter.MedianFilter(3))))


MAX_SKEW = 3.0  # degrees a scan is searched for tilt either way
SKEW_STEP = 0.25  # degrees between the angles tried


def deskewed(image: Any) -> Any:
    """A grayscale page image turned straight: the angle within ±MAX_SKEW degrees whose
    rows of dark pixels are most uneven (text lines and rulings lie along the rows: the
    variance of the row sums peaks) on a copy 600 pixels wide, applied to the page.  A
    table scanned 2° askew lost every figure of its rows (Tesseract keeps the row labels);
    straightened, it reads as the upright scan does."""
    import numpy as np
    from PIL import Image

    scale = 600 / max(1, image.width)
    small = image.resize((600, max(1, round(image.height * scale)))) if scale < 1 else image

    def unevenness(angle: float) -> float:
        turned = small.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=255)
        rows = (np.asarray(turned) < 160).sum(axis=1)
        return float(rows.var())

    angles = np.arange(-MAX_SKEW, MAX_SKEW + SKEW_STEP / 2, SKEW_STEP)
    best = max(angles, key=lambda a: (unevenness(float(a)), -abs(float(a))))
    if abs(best) < SKEW_STEP / 2:
        return image
    return image.rotate(float(best), resample=Image.Resampling.BICUBIC, fillcolor=255)


def without_rules(image: Any) -> Any:
    """A grayscale page image with its ruling lines whitened: dark runs, across or down, at
    least ``RULE_LENGTH`` of the page's width long, and their blurred edges (a pixel either
    side for each 800 pixels of width).  In a
    ruled table rendered at 300 dpi Tesseract takes the grid for a picture and skips the text
    in it (the header row went missing); without the rules it reads the cells as text."""
    import numpy as np
    from PIL import Image

    pixels = np.asarray(image.convert("L"))
    dark = pixels < 160
    length = max(24, round(image.width * RULE_LENGTH))
    rules = _runs(dark, length)
    rules |= _runs(np.ascontiguousarray(dark.T), length).T
    if not rules.any():
        return image
    grown = rules.copy()  # the blurred, anti-aliased edges either side of a rule
    for k in range(1, max(1, round(image.width / 800)) + 1):  # 2 px at 200 dpi, 3 at 300
        grown[k:] |= rules[:-k]
        grown[:-k] |= rules[k:]
        grown[:, k:] |= rules[:, :-k]
        grown[:, :-k] |= rules[:, k:]
    out = pixels.copy()
    out[grown] = 255
    return Image.fromarray(out)


def _runs(dark: Any, length: int) -> Any:
    """The pixels of ``dark`` (a boolean array) lying on a run of at least ``length`` dark
    pixels along a row: windows of ``length`` that are all dark, spread over their pixels
    (two running sums)."""
    import numpy as np

    rows, n = dark.shape
    if n < length:
        return np.zeros_like(dark)
    sums = np.zeros((rows, n + 1), np.int32)
    np.cumsum(dark, axis=1, dtype=np.int32, out=sums[:, 1:])
    full = (sums[:, length:] - sums[:, :-length]) == length  # window starting at each pixel
    spread = np.zeros((rows, n + length), np.int32)  # full windows, shifted by length - 1
    np.cumsum(full, axis=1, dtype=np.int32, out=spread[:, length:length + full.shape[1]])
    spread[:, length + full.shape[1]:] = spread[:, length + full.shape[1] - 1:
                                                 length + full.shape[1]]
    return (spread[:, length:length + n] - spread[:, :n]) > 0


# --- reading pages ---------------------------------------------------------------------------


_Key = tuple[str, int, str, str, int]  # file digest, page, command, languages, dpi


class _Cache:
    """Pages read, by :data:`_Key`: a small LRU of texts."""

    def __init__(self, size: int = 1024):
        self.size = size
        self.items: OrderedDict[_Key, OcrPage] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: _Key) -> OcrPage | None:
        with self.lock:
            page = self.items.get(key)
            if page is not None:
                self.items.move_to_end(key)
            return page

    def put(self, key: _Key, page: OcrPage) -> None:
        with self.lock:
            self.items[key] = page
            while len(self.items) > self.size:
                self.items.popitem(last=False)


_CACHE = _Cache()


def check_scans(name: str, pages: int, config: OcrConfig) -> None:
    """Whether ``pages`` scanned pages of the file ``name`` can be read with ``config``:
    IngestError over ``max_pages``, OcrUnavailable (naming the apt command) without
    Tesseract or its language data."""
    if pages > config.max_pages:
        raise IngestError(f"{name}: {pages} scanned pages to read, more than the "
                          f"{config.max_pages} allowed (RAG_OCR_MAX_PAGES); split the file or "
                          f"raise the limit")
    try:
        check_tesseract(config)
    except OcrUnavailable as exc:
        raise OcrUnavailable(f"{name}: {pages} page(s) are scanned images without text; "
                             f"{exc}") from exc


def read_pages(name: str, data: bytes, numbers: Sequence[int],
               render: Callable[[int], Any], config: OcrConfig,
               on_page: OnPage | None = None) -> list[OcrPage]:
    """Pages ``numbers`` of the file ``name`` (its bytes ``data``), each rendered by
    ``render(number)`` to a PIL image and read by Tesseract, within ``config``'s page and time
    limits; ``on_page`` told as in :data:`OnPage`.  Raises OcrUnavailable (Tesseract missing)
    and IngestError (over a limit, or Tesseract failed), each naming the file."""
    if not numbers:
        return []
    check_scans(name, len(numbers), config)
    if on_page is not None:
        on_page(0, len(numbers))
    digest = hashlib.sha256(data).hexdigest()
    deadline = time.monotonic() + config.time_limit
    out: list[OcrPage] = []
    for done, number in enumerate(numbers, 1):
        key = (digest, number, config.command, config.languages, config.dpi)
        page = _CACHE.get(key)
        if page is None:
            left = deadline - time.monotonic()
            if left <= 0:
                raise IngestError(_too_slow(name, config, number, len(numbers)))
            try:
                page = read_image(render(number), config, number, timeout=left)
            except OcrUnavailable as exc:
                raise OcrUnavailable(f"{name}: {exc}") from exc
            except OcrTimeout as exc:
                raise IngestError(_too_slow(name, config, number, len(numbers))) from exc
            except IngestError as exc:
                raise IngestError(f"{name}: {exc}") from exc
            _CACHE.put(key, page)
            log.info("%s: page %d read by OCR in %.1f s (confidence %.0f)", name, number,
                     page.seconds, page.confidence)
        out.append(page)
        if on_page is not None:
            on_page(done, len(numbers))
    return out


def _too_slow(name: str, config: OcrConfig, number: int, total: int) -> str:
    return (f"{name}: OCR took longer than {config.time_limit:g} s (RAG_OCR_TIME_LIMIT) and "
            f"stopped at page {number} ({total} scanned pages); raise the limit or split the "
            f"file")


def pdf_renderer(name: str, data: bytes, dpi: int) -> Callable[[int], Any]:
    """A function rendering page ``number`` (1-based) of a PDF to a grayscale PIL image at
    ``dpi`` (less for a page too large: at most ``MAX_PIXELS``), by pypdfium2."""
    import pypdfium2 as pdfium

    def render(number: int) -> Any:
        try:
            pdf = pdfium.PdfDocument(data)
            try:
                page = pdf[number - 1]
                width, height = page.get_size()  # points
                scale = dpi / 72
                if width * height * scale * scale > MAX_PIXELS:
                    scale = (MAX_PIXELS / (width * height)) ** 0.5
                return page.render(scale=scale, grayscale=True).to_pil()
            finally:
                pdf.close()
        except pdfium.PdfiumError as exc:
            raise IngestError(f"{name}: page {number} cannot be rendered ({exc})") from exc

    return render


def _upright_gray(frame: Any) -> Any:
    """A page image as Tesseract should see it: turned as its EXIF orientation tag says (a
    phone photo stored on its side), transparency laid on white (text drawn in the alpha
    channel of a PNG), in grayscale."""
    from PIL import Image, ImageOps

    frame = ImageOps.exif_transpose(frame) or frame
    if frame.mode in ("RGBA", "LA", "PA") or (frame.mode == "P" and
                                              "transparency" in frame.info):
        rgba = frame.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        frame = Image.alpha_composite(white, rgba)
    return frame.convert("L")


def image_pages(name: str, data: bytes) -> list[Any]:
    """The pages of an image file (one, or a multi-page TIFF's frames) as grayscale PIL
    images.  IngestError for a file Pillow cannot read or one too large to decode."""
    from PIL import Image, ImageSequence, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as im:
            frames = []
            for frame in ImageSequence.Iterator(im):
                if frame.width * frame.height > MAX_PIXELS:
                    raise IngestError(f"{name}: image of {frame.width}×{frame.height} pixels "
                                      f"is larger than {MAX_PIXELS:,} pixels")
                frames.append(_upright_gray(frame))
            return frames
    except IngestError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError) as exc:
        raise IngestError(f"{name}: not a readable image ({exc})") from exc
    except (OSError, ValueError, SyntaxError) as exc:
        raise IngestError(f"{name}: not a readable image ({exc})") from exc


# --- layout: words to paragraphs and tables --------------------------------------------------


@dataclass(frozen=True)
class Word:
    """A word Tesseract read: its text, box (pixels) and confidence, and the paragraph
    (block, paragraph) and line it put it in."""

    text: str
    left: int
    top: int
    right: int
    bottom: int
    conf: float
    par: tuple[int, int]
    line: tuple[int, int, int]


def _words(data: dict[str, list[Any]]) -> list[Word]:
    out = []
    for i, text in enumerate(data["text"]):
        text = (text or "").strip()
        conf = float(data["conf"][i])
        if data["level"][i] != 5 or not text or conf < 0 or _RULING.match(text):
            continue
        left, top = int(data["left"][i]), int(data["top"][i])
        block, par, line = data["block_num"][i], data["par_num"][i], data["line_num"][i]
        out.append(Word(text, left, top, left + int(data["width"][i]),
                        top + int(data["height"][i]), conf, (block, par), (block, par, line)))
    return out


@dataclass
class _Row:
    """Words at one height, left to right, and the paragraph its first line came from."""

    words: list[Word]
    par: tuple[int, int]

    @property
    def top(self) -> int:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> int:
        return max(w.bottom for w in self.words)

    @property
    def right(self) -> int:
        return max(w.right for w in self.words)


def _rows(words: list[Word]) -> list[_Row]:
    """Tesseract's lines, those at one height (sharing half their height, side by side)
    merged into one row, top to bottom."""
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for w in words:
        lines.setdefault(w.line, []).append(w)
    rows: list[_Row] = []
    for ws in sorted(lines.values(), key=lambda ws: min(w.top for w in ws)):
        top, bottom = min(w.top for w in ws), max(w.bottom for w in ws)
        left, right = min(w.left for w in ws), max(w.right for w in ws)
        for row in reversed(rows[-3:]):
            overlap = min(bottom, row.bottom) - max(top, row.top)
            apart = all(w.right <= left or w.left >= right for w in row.words)
            if apart and overlap >= 0.5 * min(bottom - top, row.bottom - row.top):
                row.words.extend(ws)
                break
        else:
            rows.append(_Row(list(ws), ws[0].par))
    for row in rows:
        row.words.sort(key=lambda w: w.left)
    return rows


def _cells(row: _Row, gap: float) -> list[list[Word]]:
    cells = [[row.words[0]]]
    for prev, w in zip(row.words, row.words[1:], strict=False):
        if w.left - prev.right > gap:
            cells.append([w])
        else:
            cells[-1].append(w)
    return cells


def _columns(rows: list[list[list[Word]]]) -> list[tuple[int, int]] | None:
    """The columns of rows of cells (the union of the cells' spans, overlapping ones merged),
    or None when two cells of one row fall in one column in more than a quarter of the rows
    (justified text, not a table; in fewer, a speck read as a word, the cells are joined)."""
    spans = sorted((c[0].left, c[-1].right) for cells in rows for c in cells)
    columns: list[list[int]] = []
    for left, right in spans:
        if columns and left <= columns[-1][1]:
            columns[-1][1] = max(columns[-1][1], right)
        else:
            columns.append([left, right])
    if len(columns) < 2:
        return None
    shared = sum(len({_column_of(c, columns) for c in cells}) < len(cells) for cells in rows)
    if 4 * shared > len(rows):
        return None
    return [(a, b) for a, b in columns]


def _column_of(cell: list[Word], columns: Sequence[Sequence[int]]) -> int:
    left = cell[0].left
    return next(i for i, (a, b) in enumerate(columns) if a <= left <= b)


def _text(words: list[Word]) -> str:
    return " ".join(w.text for w in words)


def layout(words: list[Word]) -> str:
    """A page's words as text: paragraphs apart by a blank line, tables as lines
    (``rag.ingest.tables.table_lines``), top to bottom."""
    if not words:
        return ""
    height = statistics.median(w.bottom - w.top for w in words)
    rows = _rows(words)
    cut = [_cells(r, CELL_GAP * height) for r in rows]
    right = max(r.right for r in rows)
    blocks: list[str] = []
    paragraph: list[str] = []
    last: _Row | None = None
    i = 0
    while i < len(rows):
        j = i
        while j < len(rows) and len(cut[j]) >= 2:
            j += 1
        columns = _columns(cut[i:j]) if j - i >= 2 else None
        if columns is not None:  # rows i..j-1 are a table
            joined = " ".join(paragraph)
            caption = joined if CAPTION_RE.match(joined) else None
            if paragraph:
                blocks.append(joined)
                paragraph = []
            grid = []
            for cells in cut[i:j]:
                line = [""] * len(columns)
                for c in cells:
                    k = _column_of(c, columns)
                    line[k] = f"{line[k]} {_text(c)}".strip()
                grid.append(line)
            lines = table_lines(grid, caption)
            if lines:
                blocks.append("\n".join(lines))
            last, i = None, j
            continue
        row = rows[i]
        text = _text(row.words)
        if last is not None and row.par == last.par and last.right >= FULL_LINE * right:
            paragraph.append(text)  # a line the page wrapped
        else:
            if paragraph:
                blocks.append(" ".join(paragraph))
            paragraph = [text]
        last = row
        i += 1
    if paragraph:
        blocks.append(" ".join(paragraph))
    return "\n\n".join(blocks)
