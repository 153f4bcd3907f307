"""Page images as Tesseract reads them best: a PDF page rendered by pypdfium2, an image file's
pages opened by Pillow (turned upright, transparency laid on white), and each cleaned --
specks removed, turned straight, table rulings whitened -- before Tesseract sees it."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from rag.errors import IngestError

# A dark run at least this share of the page's width long is a ruling line, not a letter.
RULE_LENGTH = 0.04
# A rendered page holds at most this many pixels (a poster-size page is rendered smaller).
MAX_PIXELS = 40_000_000
# Rows (or columns) of a page image cleaned at a time; the OCR time limit is checked between
# bands, so a poster-size page stops within a band's work of it (a fraction of a second).
BAND = 512

Check = Callable[[], None]
"""Called between steps of the work on a page; what it raises stops the work (the OCR time
limit, ``rag.ingest.ocr``)."""


def _never() -> None:
    pass


def cleaned(image: Any, check: Check = _never) -> Any:
    """A page image as Tesseract reads it best: grayscale, specks removed (a 3×3 median: on
    the bench's three report pages blurred and 2% speckled, read at 200 dpi, character
    accuracy went from 0.46-0.92 a page to 1.0), turned straight (:func:`deskewed`), then its
    ruling lines whitened (:func:`without_rules`); ``check`` called between bands of rows."""
    image = _median(image.convert("L"), check)
    check()
    image = deskewed(image)
    return without_rules(image, check)


def _median(image: Any, check: Check) -> Any:
    """A 3×3 median filter, a band of rows at a time (each band with a row of the next
    either side, so the result is the whole page's)."""
    from PIL import Image, ImageFilter

    if image.height <= BAND:
        return image.filter(ImageFilter.MedianFilter(3))
    out = Image.new("L", image.size)
    for top in range(0, image.height, BAND):
        check()
        above, below = max(0, top - 1), min(image.height, top + BAND + 1)
        part = image.crop((0, above, image.width, below)).filter(ImageFilter.MedianFilter(3))
        rows = min(BAND, image.height - top)
        out.paste(part.crop((0, top - above, image.width, top - above + rows)), (0, top))
    return out


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


def without_rules(image: Any, check: Check = _never) -> Any:
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
    rules = np.zeros_like(dark)
    for top in range(0, dark.shape[0], BAND):  # runs along rows, a band of rows at a time
        check()
        rules[top:top + BAND] = _runs(dark[top:top + BAND], length)
    down = np.ascontiguousarray(dark.T)
    for left in range(0, down.shape[0], BAND):  # and down columns
        check()
        rules[:, left:left + BAND] |= _runs(down[left:left + BAND], length).T
    check()
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
    except UnidentifiedImageError as exc:
        raise IngestError(f"{name}: not a readable image (not a PNG, JPEG or TIFF file)") \
            from exc
    except Image.DecompressionBombError as exc:
        raise IngestError(f"{name}: not a readable image ({exc})") from exc
    except (OSError, ValueError, SyntaxError) as exc:
        raise IngestError(f"{name}: not a readable image ({exc})") from exc
