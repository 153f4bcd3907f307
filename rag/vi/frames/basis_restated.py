"""A value restated on another price basis in a sentence of its own: "Giá trị sản xuất công
nghiệp (theo giá so sánh 2010) quý I năm 2093 ước đạt 2.847 tỷ đồng, .... Theo giá hiện hành
ước đạt 4.312 tỷ đồng." (break-test bt20a, session 49: asked "theo giá hiện hành", refused).

Statistics offices state a production value at constant prices and then, in the next sentence
with no subject, at current prices (GSO's "giá so sánh" / "giá hiện hành" pair; the same for
GRDP, retail sales, investment).  The second sentence's words before its value are only the
basis, so its frame's indicator is that basis alone ("giá hiện hành"), which no question's
indicator holds.  It is the indicator of the money figure just before it with the basis
swapped -- the same thing on the other basis, of that figure's period when it names none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from rag.vi.frames.frame import Frame
from rag.vi.numbers import is_money
from rag.vi.text import fold

# a price basis as a frame's indicator or inside one (folded, lower case): "theo giá hiện
# hành", "(giá so sánh 2010)", "tính theo giá thực tế", "giá cố định năm 2010"
_BASIS = re.compile(r"\(?\s*(?:(?:tinh\s+)?theo\s+)?gia\s+(?:so sanh|hien hanh|thuc te|co dinh)"
                    r"(?:\s+(?:nam\s+)?\d{4})?\s*\)?")
_PRICE_BASES = frozenset({"current_prices", "constant_prices"})


def basis_restated(frames: list[Frame], before: Sequence[Frame]) -> list[Frame]:
    """``frames`` (a sentence's) with each money level whose indicator is a price basis alone
    (:data:`_BASIS`: "giá hiện hành") given the indicator of the latest money level of
    ``before`` (the document's frames so far) on another price basis, its basis words
    swapped for this one's -- and that level's period when this frame's own sentence names
    none (``period_from`` not "own").  Unchanged otherwise (no such frame, or nothing before
    on another basis)."""
    if not any(_bare_basis(f) for f in frames):
        return frames
    prior = next((f for f in reversed(before) if f.measure == "level" and is_money(f.unit)
                  and set(f.basis) & _PRICE_BASES and f.indicator), None)
    if prior is None:
        return frames
    out = []
    for f in frames:
        if _bare_basis(f) and set(f.basis) & _PRICE_BASES != set(prior.basis) & _PRICE_BASES:
            words = f.indicator.strip()
            swapped = _swap(prior.indicator, words)
            f = replace(f, indicator=swapped, basis=tuple(dict.fromkeys(
                [b for b in prior.basis if b not in _PRICE_BASES] + list(f.basis))))
            if f.period_from != "own" and prior.period is not None:
                f = replace(f, period=prior.period, period_from="sentence")
        out.append(f)
    return out


def _bare_basis(f: Frame) -> bool:
    """Whether ``f`` is a money level whose indicator is a price basis alone."""
    return f.measure == "level" and is_money(f.unit) and bool(f.indicator) and \
        _BASIS.fullmatch(fold(f.indicator).lower().strip()) is not None


def _swap(indicator: str, basis: str) -> str:
    """``indicator`` with its price basis words replaced by ``basis`` ("theo giá hiện hành"),
    or ``basis`` added after it when it writes none."""
    folded = fold(indicator).lower()
    said = basis if fold(basis).lower().startswith("theo") else f"theo {basis}"
    m = _BASIS.search(folded)
    if m is None:
        return f"{indicator} {said}"
    return " ".join(f"{indicator[:m.start()]} {said} {indicator[m.end():]}".split())
