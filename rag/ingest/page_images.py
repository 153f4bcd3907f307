"""Page images as Tesseract reads them best: a PDF page rendered by pypdfium2, an image file's
pages opened by Pillow (turned upright by their EXIF tag, transparency laid on white, shrunk
to the resolution a PDF page is rendered at), and each cleaned -- inverted when light on
dark, specks removed, stood upright as Tesseract's orientation detection says, turned
straight, table rulings whitened and kept as grids -- before Tesseract sees it."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rag.errors import IngestError
from rag.ingest.rulings import BAND, Grid, grids, rule_masks, segments

# A page is read at most this many pixels large: a poster-size PDF page is rendered smaller,
# an image file larger is shrunk to it (image_scale).
MAX_PIXELS = 40_000_000

Check = Callable[[], None]
"""Called between steps of the work on a page; what it raises stops the work (the OCR time
limit, ``rag.ingest.ocr``)."""


def _never() -> None:
    pass


# Tesseract's orientation confidence a page must reach to be turned.  ocrmypdf's
# --rotate-pages-threshold defaults to 14 and calls 2 aggressive; on the bench's five pages
# drawn at 200 dpi and turned 90, 180 and 270 degrees, OSD was right every time with
# 6.1-13.0, and wrong only on a "bad" page (blurred, 2% specks) or one at half the
# resolution, with at most 3.1.
TURN_CONFIDENCE = 5.0
# A page whose median grey is darker than this (0-255) is printed light on dark (a negative
# scan, white on black): it is inverted before it is read (Tesseract read none of the words
# of such a page, confidence 0).
DARK_PAGE = 128

Orient = Callable[[Any], tuple[int, float]]
"""Tells how far a page image is turned: (degrees to turn it clockwise: 0, 90, 180, 270;
confidence), as ``rag.ingest.tesseract.page_orientation``."""


@dataclass(frozen=True)
class CleanPage:
    """A page image cleaned for Tesseract (grayscale PIL ``image``) and the ``grids`` of its
    ruled tables, in its pixels (``rag.ingest.rulings``); how far it was ``turned``
    (degrees clockwise) and whether it was ``inverted`` (light on dark)."""

    image: Any
    grids: tuple[Grid, ...] = ()
    turned: int = 0
    inverted: bool = False


def cleaned(image: Any, check: Check = _never, orient: Orient | None = None) -> CleanPage:
    """A page image as Tesseract reads it best: grayscale, dark on light (a page darker than
    ``DARK_PAGE`` inverted), specks removed (a 3×3 median: on the bench's three report pages
    blurred and 2% speckled, read at 200 dpi, character accuracy went from 0.46-0.92 a page
    to 1.0), stood upright when ``orient`` says it lies turned with at least
    ``TURN_CONFIDENCE``, turned straight (:func:`deskewed`), then its ruling lines whitened
    and kept as grids (:func:`without_rules`); ``check`` called between bands of rows.

    The rules are found on the cleaned page and on the page as it came, turned as the
    cleaned one is: the median erases a rule one pixel thin (a 0.75 pt rule rendered at
    150 dpi: a grid missing some of its lines across puts two rows in one), and specks break
    a rule's runs on the page as it came (a "bad" bench page, 2% of its pixels flipped,
    lost its grids found there alone and read 0.81 instead of 1.00)."""
    from PIL import Image, ImageOps

    image = image.convert("L")
    inverted = _median_grey(image) < DARK_PAGE
    if inverted:
        image = ImageOps.invert(image)
    clean = _median(image, check)
    check()
    turned = 0
    if orient is not None:
        degrees, confidence = orient(clean)
        if degrees and confidence >= TURN_CONFIDENCE:
            turned = degrees
            how = {90: Image.Transpose.ROTATE_270, 180: Image.Transpose.ROTATE_180,
                   270: Image.Transpose.ROTATE_90}[degrees]
            image, clean = image.transpose(how), clean.transpose(how)
    check()
    angle = skew(clean)
    if angle:
        image, clean = (im.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
                        for im in (image, clean))
    check()
    clean, found = without_rules(clean, check, image)
    return CleanPage(clean, tuple(found), turned, inverted)


def _median_grey(image: Any) -> int:
    """The median grey (0-255) of a grayscale image, from its histogram."""
    histogram = image.histogram()
    half, seen = image.width * image.height / 2, 0
    for grey, count in enumerate(histogram):
        seen += count
        if seen >= half:
            return grey
    return 255


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
    """A grayscale page image turned straight by :func:`skew` (the image itself when it is
    straight).  A table scanned 2° askew lost every figure of its rows (Tesseract keeps the
    row labels); straightened, it reads as the upright scan does."""
    from PIL import Image

    angle = skew(image)
    if not angle:
        return image
    return image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)


def skew(image: Any) -> float:
    """The angle (degrees, counter-clockwise) that turns a grayscale page image straight:
    the angle within ±MAX_SKEW degrees whose rows of dark pixels are most uneven (text lines
    and rulings lie along the rows: the variance of the row sums peaks) on a copy 600
    pixels wide; 0.0 for a straight page."""
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
    return 0.0 if abs(best) < SKEW_STEP / 2 else float(best)


def without_rules(image: Any, check: Check = _never,
                  found_on: Any = None) -> tuple[Any, list[Grid]]:
    """A grayscale page image with its ruling lines whitened (``rag.ingest.rulings``: dark
    runs, across or down, at least ``RULE_LENGTH`` of the page's width long, found on it
    and on ``found_on`` when given: the same page before its specks were removed), and their
    blurred edges (a pixel either side for each 800 pixels of width); with the grids of its
    ruled tables.  In a ruled table rendered at 300 dpi Tesseract takes the grid for a
    picture and skips the text in it (the header row went missing); without the rules it
    reads the cells as text, and the grid says which cell each word is in."""
    import numpy as np
    from PIL import Image

    across, down = rule_masks(image, check)
    if found_on is not None:  # and on the page before its specks were removed
        also = rule_masks(found_on, check)
        across, down = across | also[0], down | also[1]
    check()
    rules = across | down
    if not rules.any():
        return image, []
    tolerance = max(3, round(image.width / 400))
    found = grids(segments(across, True), segments(down, False), tolerance)
    grown = rules.copy()  # the blurred, anti-aliased edges either side of a rule
    for k in range(1, max(1, round(image.width / 800)) + 1):  # 2 px at 200 dpi, 3 at 300
        grown[k:] |= rules[:-k]
        grown[:-k] |= rules[k:]
        grown[:, k:] |= rules[:, :-k]
        grown[:, :-k] |= rules[:, k:]
    out = np.asarray(image.convert("L")).copy()
    out[grown] = 255
    return Image.fromarray(out), found


def pdf_renderer(name: str, data: bytes, dpi: int) -> Callable[[int], Any]:
    """A function rendering page ``number`` (1-based) of a PDF to a grayscale PIL image at
    ``dpi`` (less for a page too large: at most ``MAX_PIXELS``), by pypdfium2; IngestError
    for a page it cannot render (the caller names the file ``name``)."""
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
            raise IngestError(f"page {number} cannot be rendered ({exc})") from exc

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


def image_scale(width: int, height: int, image_dpi: float | None, dpi: int | None) -> float:
    """How much an image file's page is shrunk before it is read (1.0: not at all): to
    ``dpi`` (RAG_OCR_DPI) when its resolution tag says more (a 600 dpi scan is read as the
    same page in a PDF is rendered: at ``dpi``), and to at most ``MAX_PIXELS`` pixels (as a
    PDF page is rendered); never enlarged."""
    scale = 1.0
    if dpi and image_dpi and image_dpi > dpi:
        scale = dpi / image_dpi
    if width * height * scale * scale > MAX_PIXELS:
        scale = (MAX_PIXELS / (width * height)) ** 0.5
    return scale


def _image_dpi(im: Any) -> float | None:
    """The horizontal resolution an image file states (PNG pHYs, JPEG JFIF, TIFF), or None."""
    value = im.info.get("dpi")
    try:
        found = float(value[0]) if isinstance(value, tuple) else float(value or 0)
    except (TypeError, ValueError):
        return None
    return found if found >= 1 else None


def image_pages(name: str, data: bytes, dpi: int | None = None) -> list[Any]:
    """The pages of an image file (one, or a multi-page TIFF's frames) as grayscale PIL
    images, shrunk by :func:`image_scale` (to ``dpi`` as its tag states it, to at most
    ``MAX_PIXELS``; a JPEG decoded at the smaller size).  IngestError for a file Pillow
    cannot read, or one over Pillow's guard against decompression bombs
    (``PIL.Image.MAX_IMAGE_PIXELS`` × 2, 178,956,970 pixels)."""
    from PIL import Image, ImageSequence, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as im:
            frames = []
            for frame in ImageSequence.Iterator(im):
                width, height = frame.size
                scale = image_scale(width, height, _image_dpi(frame), dpi)
                if scale < 1 and frame.format == "JPEG":
                    frame.draft("L", (round(width * scale), round(height * scale)))
                page = _upright_gray(frame)
                rest = scale * width / frame.width  # what the JPEG draft left to do
                if rest < 1:
                    page = page.resize((max(1, round(page.width * rest)),
                                        max(1, round(page.height * rest))),
                                       Image.Resampling.LANCZOS, reducing_gap=3.0)
                frames.append(page)
            return frames
    except UnidentifiedImageError as exc:
        raise IngestError(f"{name}: not a readable image (not a PNG, JPEG or TIFF file)") \
            from exc
    except Image.DecompressionBombError as exc:
        raise IngestError(f"{name}: image too large to open ({exc}); scan it at a lower "
                          f"resolution") from exc
    except (OSError, ValueError, SyntaxError) as exc:
        raise IngestError(f"{name}: not a readable image ({exc})") from exc
