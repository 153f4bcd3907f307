"""The report's charts as inline SVG strings (no JavaScript, no external files): a line chart
of hit@k curves, a histogram of latencies, a reliability diagram; every label HTML-escaped."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from html import escape

from rag.eval.metrics import ReliabilityBin

PASSAGE_COLOR = "#2563eb"
BIN_COLOR = "#bfdbfe"


def line_chart(series: Mapping[str, tuple[Sequence[float], str]], *, width: int = 540,
               height: int = 300, x_label: str = "k", y_label: str = "") -> str:
    """Lines over x = 1..n with y in [0, 1] (the axis starts at the tenth below the lowest
    value, so curves near 1 stay readable; lines after the first dashed), gridlines, points
    titled with their values, and a legend."""
    left, right, top, bottom = 52, 16, 14, 70
    n = max((len(v) for v, _ in series.values()), default=1)
    lowest = min((min(v) for v, _ in series.values() if v), default=0.0)
    y_lo = max(0.0, math.floor((lowest - 0.05) * 10) / 10)
    pw, ph = width - left - right, height - top - bottom

    def x(i: int) -> float:
        return left + (pw * (i - 1) / (n - 1) if n > 1 else pw / 2)

    def y(v: float) -> float:
        return top + ph * (1 - (v - y_lo) / (1 - y_lo))

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(y_label)}">']
    for j in range(6):
        t = y_lo + (1 - y_lo) * j / 5
        out.append(f'<line class="grid" x1="{left}" x2="{left + pw}" y1="{y(t):.1f}" '
                   f'y2="{y(t):.1f}"/>')
        out.append(f'<text x="{left - 8}" y="{y(t) + 4:.1f}" text-anchor="end">{t:.2f}</text>')
    out.append(f'<line class="axis" x1="{left}" x2="{left + pw}" y1="{top + ph}" '
               f'y2="{top + ph}"/>')
    for i in range(1, n + 1):
        out.append(f'<text x="{x(i):.1f}" y="{top + ph + 16}" text-anchor="middle">{i}</text>')
    out.append(f'<text x="{left + pw / 2:.1f}" y="{top + ph + 34}" '
               f'text-anchor="middle">{escape(x_label)}</text>')
    out.append(f'<text transform="translate(14 {top + ph / 2:.1f}) rotate(-90)" '
               f'text-anchor="middle">{escape(y_label)}</text>')
    for s, (name, (values, color)) in enumerate(series.items()):
        points = [(x(i), y(v)) for i, v in enumerate(values, 1)]
        d = " ".join(f"{'M' if j == 0 else 'L'}{px:.1f},{py:.1f}"
                     for j, (px, py) in enumerate(points))
        dash = ' stroke-dasharray="7 4"' if s else ""  # lines that coincide stay visible
        out.append(f'<path d="{d}" fill="none" stroke="{color}" stroke-width="2.5"{dash} '
                   f'class="series" data-series="{escape(name)}"/>')
        for i, ((px, py), v) in enumerate(zip(points, values, strict=True), 1):
            out.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3.5" fill="{color}">'
                       f'<title>{escape(name)} {escape(x_label)}={i}: {v:.3f}</title></circle>')
    lx = left
    for name, (_values, color) in series.items():
        ly = height - 6
        out.append(f'<rect x="{lx}" y="{ly - 9}" width="14" height="4" fill="{color}"/>')
        out.append(f'<text x="{lx + 20}" y="{ly - 4}">{escape(name)}</text>')
        lx += 24 + 8 * len(name) + 20
    out.append("</svg>")
    return "".join(out)


def histogram(values: Sequence[float], *, marks: dict[str, float] | None = None,
              width: int = 540, height: int = 300, x_label: str = "ms",
              color: str = PASSAGE_COLOR) -> str:
    """Bars of how many values fall in each of about sqrt(n) equal bins, with labelled
    vertical marks (e.g. p50, p95)."""
    left, right, top, bottom = 52, 16, 34, 62
    pw, ph = width - left - right, height - top - bottom
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" role="img" aria-label="histogram">']
    if not values:
        out.append(f'<text x="{width / 2}" y="{height / 2}" text-anchor="middle">'
                   f'no values</text></svg>')
        return "".join(out)
    lo, hi, step = _bins(min(values), max(values), len(values))
    bins = round((hi - lo) / step)
    counts = [0] * bins
    for v in values:
        counts[min(int((v - lo) / step), bins - 1)] += 1
    top_count = max(counts)
    y_max = max(1, math.ceil(top_count * 1.1))

    def x(v: float) -> float:
        return left + pw * (v - lo) / (hi - lo)

    def y(c: float) -> float:
        return top + ph * (1 - c / y_max)

    for t in _ticks(y_max):
        out.append(f'<line class="grid" x1="{left}" x2="{left + pw}" y1="{y(t):.1f}" '
                   f'y2="{y(t):.1f}"/>')
        out.append(f'<text x="{left - 8}" y="{y(t) + 4:.1f}" text-anchor="end">{t}</text>')
    bar_w = pw / bins
    for i, c in enumerate(counts):
        a, b = lo + i * step, lo + (i + 1) * step
        out.append(f'<rect class="bar" x="{left + i * bar_w + 1:.1f}" y="{y(c):.1f}" '
                   f'width="{max(bar_w - 2, 1):.1f}" height="{top + ph - y(c):.1f}" '
                   f'fill="{color}"><title>{a:.1f}–{b:.1f} {escape(x_label)}: {c}</title>'
                   f'</rect>')
    out.append(f'<line class="axis" x1="{left}" x2="{left + pw}" y1="{top + ph}" '
               f'y2="{top + ph}"/>')
    for i in range(0, bins + 1, max(1, math.ceil(bins / 8))):
        v = lo + i * step
        out.append(f'<text x="{x(v):.1f}" y="{top + ph + 16}" text-anchor="middle">'
                   f'{v:g}</text>')
    out.append(f'<text x="{left + pw / 2:.1f}" y="{top + ph + 34}" '
               f'text-anchor="middle">{escape(x_label)}</text>')
    out.append(f'<text transform="translate(14 {top + ph / 2:.1f}) rotate(-90)" '
               f'text-anchor="middle">questions</text>')
    for j, (label, v) in enumerate((marks or {}).items()):
        px = x(min(max(v, lo), hi))
        out.append(f'<line x1="{px:.1f}" x2="{px:.1f}" y1="{top - 14}" y2="{top + ph}" '
                   f'stroke="#111827" stroke-dasharray="4 3"/>')
        out.append(f'<text x="{px + 4:.1f}" y="{top - 4 + 14 * j}">{escape(label)} {v:.0f} '
                   f'{escape(x_label.split()[0])}</text>')
    out.append("</svg>")
    return "".join(out)


def reliability_chart(bins: Sequence[ReliabilityBin], *, size: int = 320) -> str:
    """Confidence against observed accuracy: per bin a bar as high as its accuracy across its
    confidence range, a point at its mean confidence (larger for more answers), the points
    joined, and the diagonal where confidence and accuracy agree."""
    left, right, top, bottom = 52, 16, 14, 52
    pw, ph = size - left - right, size - top - bottom

    def x(v: float) -> float:
        return left + pw * min(max(v, 0.0), 1.0)

    def y(v: float) -> float:
        return top + ph * (1 - min(max(v, 0.0), 1.0))

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
           f'viewBox="0 0 {size} {size}" role="img" aria-label="reliability">']
    for j in range(6):
        t = j / 5
        out.append(f'<line class="grid" x1="{left}" x2="{left + pw}" y1="{y(t):.1f}" '
                   f'y2="{y(t):.1f}"/>')
        out.append(f'<text x="{left - 8}" y="{y(t) + 4:.1f}" text-anchor="end">{t:.1f}</text>')
        out.append(f'<text x="{x(t):.1f}" y="{top + ph + 16}" text-anchor="middle">'
                   f'{t:.1f}</text>')
    out.append(f'<line class="axis" x1="{left}" x2="{left + pw}" y1="{top + ph}" '
               f'y2="{top + ph}"/>')
    out.append(f'<line class="diagonal" x1="{x(0):.1f}" y1="{y(0):.1f}" x2="{x(1):.1f}" '
               f'y2="{y(1):.1f}" stroke="#9ca3af" stroke-dasharray="5 4"/>')
    out.append(f'<text x="{left + pw / 2:.1f}" y="{top + ph + 34}" '
               f'text-anchor="middle">confidence</text>')
    out.append(f'<text transform="translate(14 {top + ph / 2:.1f}) rotate(-90)" '
               f'text-anchor="middle">observed accuracy</text>')
    filled = [b for b in bins if b.count and b.accuracy is not None]
    most = max((b.count for b in filled), default=1)
    points = []
    for b in filled:
        acc = b.accuracy or 0.0
        conf = b.mean_confidence if b.mean_confidence is not None else (b.lo + b.hi) / 2
        title = (f"{b.lo:.2f}–{b.hi:.2f}: {b.count} answered, {b.right} right "
                 f"(accuracy {acc:.3f}), mean confidence {conf:.3f}")
        out.append(f'<rect class="bin" x="{x(b.lo) + 1:.1f}" y="{y(acc):.1f}" '
                   f'width="{max(x(b.hi) - x(b.lo) - 2, 1):.1f}" '
                   f'height="{top + ph - y(acc):.1f}" fill="{BIN_COLOR}">'
                   f'<title>{escape(title)}</title></rect>')
        points.append((x(conf), y(acc), 3 + 4 * math.sqrt(b.count / most), title))
    if points:
        d = " ".join(f"{'M' if j == 0 else 'L'}{px:.1f},{py:.1f}"
                     for j, (px, py, _r, _t) in enumerate(points))
        out.append(f'<path class="series" d="{d}" fill="none" stroke="{PASSAGE_COLOR}" '
                   f'stroke-width="2"/>')
        for px, py, r, title in points:
            out.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="{r:.1f}" '
                       f'fill="{PASSAGE_COLOR}"><title>{escape(title)}</title></circle>')
    else:
        out.append(f'<text x="{left + pw / 2:.1f}" y="{top + ph / 2:.1f}" '
                   f'text-anchor="middle">no answered questions</text>')
    out.append("</svg>")
    return "".join(out)


def _bins(lo: float, hi: float, n: int) -> tuple[float, float, float]:
    """(start, end, width) of bins of a round width (1, 2 or 5 x 10^k) covering [lo, hi]:
    the count nearest sqrt(n), and at least 5 (at most 30 wanted)."""
    if hi - lo < 1e-6:  # one value, or all equal
        lo, hi = lo - 0.5, hi + 0.5
    want = max(5, min(30, math.ceil(math.sqrt(n))))
    exp = math.floor(math.log10((hi - lo) / want))
    best: tuple[float, float, float, float] | None = None
    for step in (m * 10.0 ** e for e in (exp - 1, exp, exp + 1) for m in (1, 2, 5)):
        start = math.floor(lo / step) * step
        count = math.floor((hi - start) / step) + 1  # hi on an edge opens one more bin
        score = abs(count - want) + (1000 if count < 5 else 0)
        if best is None or score < best[0]:
            best = (score, start, start + count * step, step)
    assert best is not None
    return best[1], best[2], best[3]


def _ticks(y_max: int) -> list[int]:
    step = max(1, math.ceil(y_max / 5))
    return list(range(0, y_max + 1, step))
