"""OCR benchmark: seconds per page and character accuracy at several rendering resolutions.

    python bench/bench_ocr.py [--dpi 150,200,300] [--scan-dpi 300] [--rounds 1]

Draws the report pages of ``bench/scan_pages.py`` (Vietnamese text and a ruled table in DejaVu
Sans) as a scanner at ``--scan-dpi`` would, clean and as poor scans (blurred, speckled),
puts them in a PDF of page images, and reads each page the way ``rag index`` does: pypdfium2
renders it at each ``--dpi``, Tesseract reads it (``rag.ingest.ocr``: orientation detection,
then the words); then the seconds orientation detection takes alone, clean pages at 200 dpi.
Character accuracy is 1 - the normalised Levenshtein distance (rapidfuzz) between the text
read and the text the reader should make of the drawn page (tables as table lines), both
normalised as stored documents are.  A script that prints figures, not a timed test: the
machine is shared.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from rapidfuzz.distance import Levenshtein

sys.path.insert(0, str(Path(__file__).resolve().parent))
import scan_pages  # noqa: E402

from rag.ingest.ocr import OcrConfig, read_image  # noqa: E402
from rag.ingest.page_images import cleaned, pdf_renderer  # noqa: E402
from rag.ingest.tesseract import page_orientation  # noqa: E402
from rag.vi.text import normalize  # noqa: E402

# how the drawn pages are spoilt: a Gaussian blur (points) and a share of pixels speckled
QUALITIES = {"clean": {}, "poor": {"blur": 0.5, "noise": 0.005},
             "bad": {"blur": 0.5, "noise": 0.02}}


def accuracy(read: str, truth: str) -> float:
    """1 - normalised edit distance between the two texts, spaces unified."""
    a, b = " ".join(normalize(read).split()), " ".join(normalize(truth).split())
    return 1.0 - Levenshtein.normalized_distance(a, b)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--dpi", default="150,200,300", help="rendering resolutions to compare")
    ap.add_argument("--scan-dpi", type=int, default=300, help="resolution of the drawn scans")
    ap.add_argument("--rounds", type=int, default=1, help="passes over the pages")
    ap.add_argument("--quality", default="clean,poor,bad",
                    help="clean, poor (blurred, 0.5%% specks), bad (blurred, 2%% specks)")
    args = ap.parse_args()
    dpis = [int(x) for x in args.dpi.split(",")]
    pages = scan_pages.REPORT + scan_pages.MORE
    truths = [scan_pages.expected(blocks) for blocks in pages]
    # the title is the document's, not the page's: drawn on page 1, and expected there too
    truths[0] = scan_pages.TITLE + "\n\n" + truths[0]
    print(f"{len(pages)} pages drawn at {args.scan_dpi} dpi (DejaVu Sans 11 pt, two ruled tables), "
          f"{args.rounds} round(s); tesseract {_version()}")
    print(f"{'scan':>6} {'dpi':>5} {'s/page':>8} {'accuracy':>9} {'min acc.':>9} "
          f"{'confidence':>11}")
    for quality in args.quality.split(","):
        images = [scan_pages.draw_page(b, args.scan_dpi, title=scan_pages.TITLE if i == 0
                                       else None, seed=i, **QUALITIES[quality])
                  for i, b in enumerate(pages)]
        data = scan_pages.scanned_pdf(images, args.scan_dpi)
        for dpi in dpis:
            config = OcrConfig(dpi=dpi)
            render = pdf_renderer("bench.pdf", data, dpi)
            seconds, accs, confs = [], [], []
            for _ in range(args.rounds):
                for n, truth in enumerate(truths, 1):
                    image = render(n)
                    t0 = time.perf_counter()
                    page = read_image(image, config, n)
                    seconds.append(time.perf_counter() - t0)
                    accs.append(accuracy(page.text, truth))
                    confs.append(page.confidence)
            print(f"{quality:>6} {dpi:>5} {statistics.mean(seconds):>8.2f} "
                  f"{statistics.mean(accs):>9.4f} {min(accs):>9.4f} "
                  f"{statistics.mean(confs):>11.1f}", flush=True)
    # the share of a page's seconds that orientation detection takes (included above)
    dpi = 200 if 200 in dpis else dpis[0]
    images = [scan_pages.draw_page(b, args.scan_dpi, title=scan_pages.TITLE if i == 0
                                   else None) for i, b in enumerate(pages)]
    render = pdf_renderer("bench.pdf", scan_pages.scanned_pdf(images, args.scan_dpi), dpi)
    osd = []
    for n in range(1, len(pages) + 1):
        upright = cleaned(render(n)).image
        t0 = time.perf_counter()
        page_orientation(upright, "tesseract", n)
        osd.append(time.perf_counter() - t0)
    print(f"orientation detection (Tesseract OSD, included above), clean pages at {dpi} dpi: "
          f"{statistics.mean(osd):.2f} s/page ({min(osd):.2f}-{max(osd):.2f})")


def _version() -> str:
    import pytesseract

    return str(pytesseract.get_tesseract_version())


if __name__ == "__main__":
    main()
