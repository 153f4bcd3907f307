"""The records of figures: the period a figure covers, an answer's figure, and the rows
of the figure table (`rag figures`, GET /figures)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from rag.records.citations import Citation


@dataclass(frozen=True)
class FigurePeriod:
    """The period a figure covers: ``label`` as a Vietnamese reader writes it ("quý I/2019",
    "tính đến 27/8/2024"); ``kind`` year, month, months (January to a month), quarter, half,
    years, to_date, days, day; ``start``/``end`` ISO dates (inclusive); ``year`` its year (None
    for a span of years)."""

    label: str
    year: int | None
    kind: str
    start: str
    end: str


@dataclass(frozen=True)
class Figure:
    """What an answer's figure is: ``value`` as written ("769 triệu USD", "giảm 0,74%"),
    ``number`` (signed; the bottom of a range, ``high`` its top), ``unit``; ``measure``
    (level, change, plan_share, share, rank, index); ``indicator`` (its own words, else the
    total it is part of); ``basis`` (tags: all_types, declared, local_goods, international,
    domestic, current_prices, constant_prices, per_capita); ``period``; ``estimate`` ("ước");
    ``target`` (a plan, not an actual); ``comparison`` (what a change is compared with)."""

    value: str
    number: float
    high: float | None
    unit: str
    measure: str
    indicator: str
    basis: tuple[str, ...]
    period: FigurePeriod | None
    estimate: bool = False
    target: bool = False
    comparison: str | None = None


@dataclass(frozen=True)
class FigureRow:
    """One figure of the corpus in the figure table: the document it is in, what it is, and
    the clause it stands in (``citation``)."""

    doc_id: str
    title: str
    date: str | None
    figure: Figure
    citation: Citation

    def to_dict(self) -> dict[str, Any]:
        """JSON form: every field, the figure and citation nested."""
        return asdict(self)

    def flat(self) -> dict[str, Any]:
        """One CSV row: the figure's fields side by side, the period by its label and span."""
        f, p = self.figure, self.figure.period
        return {"doc_id": self.doc_id, "title": self.title, "date": self.date or "",
                "indicator": f.indicator, "value": f.value, "number": f.number,
                "high": "" if f.high is None else f.high, "unit": f.unit, "measure": f.measure,
                "basis": " ".join(f.basis), "period": p.label if p else "",
                "period_start": p.start if p else "", "period_end": p.end if p else "",
                "estimate": f.estimate, "target": f.target, "comparison": f.comparison or "",
                "quote": self.citation.quote, "start": self.citation.start,
                "end": self.citation.end}


@dataclass(frozen=True)
class FigureTable:
    """A page of the figure table: ``rows`` from ``offset`` of the ``total`` that match the
    filters (``indicator`` words, ``year``, ``doc_ids``, ``measure``)."""

    rows: tuple[FigureRow, ...]
    total: int
    offset: int = 0
    filters: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """JSON form: every field, the rows nested."""
        return asdict(self)

