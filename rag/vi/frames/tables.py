"""Reading a table row ("|"-separated cells) into figure frames: the first row that names
periods is the header; a unit column gives the unit."""

from __future__ import annotations

import re

from rag.vi.frames.context import Context
from rag.vi.frames.frame import Frame
from rag.vi.frames.measures import INDEX_BASE, bases_of
from rag.vi.mentions import find_mentions
from rag.vi.numbers import find_values
from rag.vi.text import fold


def table_row_frames(line: str, base: int, ctx: Context) -> list[Frame]:
    """A table row, cells separated by "|": the first row that names periods is the header;
    each later row's first cell is its indicator and each cell under a period is a figure of
    that period.  A unit column ("Đơn vị", "ĐVT") gives the unit."""
    cells = [c.strip() for c in line.split("|")]
    offsets, pos = [], 0
    for c in line.split("|"):
        offsets.append(pos + (len(c) - len(c.lstrip())))
        pos += len(c) + 1
    if not ctx.table:
        header = []
        for c in cells:
            own = [x for x in find_mentions(c, ctx.year) if not x.comparison]
            header.append((c, own[0].period if own else None))
        if any(p is not None for _, p in header) or any(
                re.search(r"\b(?:don vi|dvt|chi tieu)\b", fold(c)) for c in cells):
            ctx.table = header
            return []
        ctx.table = header
        return []
    header = ctx.table
    unit_col = next((k for k, (c, _) in enumerate(header)
                     if re.search(r"\b(?:don vi|dvt|unit)\b", fold(c))), None)
    unit = cells[unit_col] if unit_col is not None and unit_col < len(cells) else ""
    indicator = cells[0] if cells else ""
    frames = []
    for k, cell in enumerate(cells[1:], 1):
        if k == unit_col or k >= len(header):
            continue
        head, period = header[k]
        vals = find_values(cell)
        if len(vals) != 1:
            continue
        v = vals[0]
        head_f = fold(head)
        measure, direction = "level", 0
        if re.search(r"\b(?:tang|giam|so voi|so cung ky|\+/-)\b", head_f):
            measure, direction = "change", (-1 if v.low < 0 else 1)
        elif re.search(r"%\s*(?:kh|ke hoach|du toan)|\bso voi (?:ke hoach|du toan)", head_f):
            measure = "plan_share"
        elif INDEX_BASE.search(head) or INDEX_BASE.search(indicator):
            measure = "index"
        elif v.low < 0:
            measure, direction = "change", -1
        target = bool(re.search(r"\b(?:ke hoach|kh|muc tieu|chi tieu|du toan)\b", head_f)) \
            and measure == "level" and not re.search(r"\bthuc hien\b", head_f)
        value_text = v.shown if v.unit or not unit else f"{v.shown} {unit}"
        if period is None:
            period = ctx.heading_period or ctx.lead
        frames.append(Frame(
            start=base + offsets[k] + v.start, end=base + offsets[k] + v.end,
            quote=(base, base + len(line)), value=value_text, low=v.low, high=v.high,
            unit=v.unit or unit, kind=v.kind, measure=measure, indicator=indicator,
            context=ctx.heading, basis=bases_of(fold(indicator + " " + head)), period=period,
            period_from="own" if header[k][1] is not None else "heading", target=target,
            direction=direction))
    return frames
