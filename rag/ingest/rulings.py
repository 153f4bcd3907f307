"""The ruling lines of a page image: found (dark runs across or down, at least ``RULE_LENGTH``
of the page's width long), whitened before Tesseract reads the page, and those that cross
one another kept as the grids of ruled tables.

A grid is what a table's rules say of its cells, which Tesseract's words alone do not: a
report's statistics table in the usual office layout (an "STT" column a few letters wide, a
"ĐVT" column, headers of two lines, "Ước thực hiện / 8 tháng 2024") has cells closer
together than the gap between words that ends a cell, and words of one cell on two lines.
``rag.ingest.ocr_layout`` puts each word in the cell of the grid it stands in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

# A dark run at least this share of the page's width long is a ruling line, not a letter.
RULE_LENGTH = 0.04
# Rows (or columns) of a page image worked on at a time; the OCR time limit is checked
# between bands (see ``rag.ingest.page_images``).
BAND = 512
# Pixels darker than this (0-255) are ink.
INK = 160

Check = Callable[[], None]


def _never() -> None:
    pass


@dataclass(frozen=True)
class Segment:
    """One ruling line: across (``across`` True) from ``start`` to ``end`` at ``at`` (pixels
    of the page image: x for a line down, y for a line across), ``thickness`` pixels."""

    across: bool
    at: float
    start: int
    end: int
    thickness: int


@dataclass(frozen=True)
class Grid:
    """A ruled table: the y of its lines across, top to bottom (``rows``), the x of its
    column boundaries, left to right (``columns``: its lines down and its outer edges), and
    for each band between two lines across, the x of the boundaries that cross it
    (``cuts``: a cell merged over two columns has no line down between them)."""

    rows: tuple[float, ...]
    columns: tuple[float, ...]
    cuts: tuple[tuple[float, ...], ...]

    @property
    def top(self) -> float:
        """The y of its first line across (pixels)."""
        return self.rows[0]

    @property
    def bottom(self) -> float:
        """The y of its last line across (pixels)."""
        return self.rows[-1]

    @property
    def left(self) -> float:
        """The x of its left edge (pixels)."""
        return self.columns[0]

    @property
    def right(self) -> float:
        """The x of its right edge (pixels)."""
        return self.columns[-1]

    def band(self, y: float) -> int:
        """The band (0-based, between two lines across) holding height ``y`` (the first or
        the last one for a height above or below the grid)."""
        return next((i for i in range(len(self.rows) - 2) if y <= self.rows[i + 1]),
                    len(self.rows) - 2)

    def column(self, x: float, cuts: Sequence[float]) -> int:
        """The column (0-based) of the cell holding ``x`` between ``cuts`` (a band's
        boundaries): the first of those a merged cell spans."""
        start = max((c for c in cuts if c <= x), default=self.left)
        return min(range(len(self.columns) - 1), key=lambda i: abs(self.columns[i] - start))

    def cell(self, x: float, y: float) -> tuple[int, int] | None:
        """(band, column) of the cell holding the point (x, y), the column being the first
        of those a merged cell spans; None outside the grid."""
        if not (self.top <= y <= self.bottom and self.left <= x <= self.right):
            return None
        band = self.band(y)
        return band, self.column(x, self.cuts[band])


def rule_masks(image: Any, check: Check = _never) -> tuple[Any, Any]:
    """(across, down): boolean arrays of a grayscale page image's pixels lying on a dark run
    along a row (across) or down a column (down) at least ``RULE_LENGTH`` of its width
    long (and at least 24 pixels); ``check`` called between bands of rows."""
    import numpy as np

    dark = np.asarray(image.convert("L")) < INK
    length = max(24, round(image.width * RULE_LENGTH))
    across = np.zeros_like(dark)
    for top in range(0, dark.shape[0], BAND):
        check()
        across[top:top + BAND] = _runs(dark[top:top + BAND], length)
    down = np.zeros_like(dark)
    flipped = np.ascontiguousarray(dark.T)
    for left in range(0, flipped.shape[0], BAND):
        check()
        down[:, left:left + BAND] = _runs(flipped[left:left + BAND], length).T
    return across, down


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


def segments(mask: Any, across: bool) -> list[Segment]:
    """The ruling lines of a mask of rule pixels (``rule_masks``): along its rows
    (``across``; else down its columns), each group of neighbouring rows holding rule pixels
    is one line wherever one of them has one (specks and blur break a rule's runs in some of
    its rows, not in all), as thick as the group; a group thicker than a quarter of its
    length is a blot, no line."""
    import numpy as np

    grid = mask if across else mask.T
    rows = np.flatnonzero(grid.any(axis=1))
    out: list[Segment] = []
    if not len(rows):
        return out
    for group in np.split(rows, np.flatnonzero(np.diff(rows) > 1) + 1):
        first, last = int(group[0]), int(group[-1])
        line = np.concatenate(([0], grid[first:last + 1].any(axis=0).astype(np.int8), [0]))
        edges = np.flatnonzero(np.diff(line))
        thickness = last - first + 1
        for start, end in zip(map(int, edges[::2]), map(int, edges[1::2]), strict=True):
            if 4 * thickness <= end - start:
                out.append(Segment(across, (first + last) / 2, start, end - 1, thickness))
    return out


def grids(across: list[Segment], down: list[Segment], tolerance: int) -> list[Grid]:
    """The ruled tables of a page: groups of lines across and down that cross (within
    ``tolerance`` pixels), with at least two bands and two columns; lines alone (an
    underline, a frame around one paragraph) are none."""
    lines = across + down
    parent = list(range(len(lines)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(across):
        for j, v in enumerate(down, len(across)):
            if h.start - tolerance <= v.at <= h.end + tolerance and \
                    v.start - tolerance <= h.at <= v.end + tolerance:
                parent[find(i)] = find(j)
    groups: dict[int, list[Segment]] = {}
    for i, seg in enumerate(lines):
        groups.setdefault(find(i), []).append(seg)
    out = []
    for segs in groups.values():
        hs = [s for s in segs if s.across]
        vs = [s for s in segs if not s.across]
        if len(hs) < 2 or len(vs) < 1:
            continue
        ys = _distinct([s.at for s in hs], tolerance)
        left = min(s.start for s in hs)
        right = max(s.end for s in hs)
        xs = _distinct([left, *(s.at for s in vs), right], tolerance)
        if len(ys) < 3 or len(xs) < 3:
            continue
        cuts = []
        for a, b in zip(ys, ys[1:], strict=False):
            mid = (a + b) / 2
            crossing = [s.at for s in vs if s.start - tolerance <= mid <= s.end + tolerance]
            cuts.append(tuple(_distinct([left, *crossing], tolerance)))
        out.append(Grid(tuple(ys), tuple(xs), tuple(cuts)))
    return sorted(out, key=lambda g: g.top)


def _distinct(values: list[float], tolerance: int) -> list[float]:
    """``values`` sorted, those within ``tolerance`` of the one before merged (their
    mean)."""
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= tolerance:
            out[-1].append(v)
        else:
            out.append([v])
    return [float(sum(vs) / len(vs)) for vs in out]
