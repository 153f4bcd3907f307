"""The figure frame: one figure of a document as a record, and its compact stored form."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rag.vi.calendar import Period

FRAMES_VERSION = 363  # raised whenever what a frame holds changes: stored frames are re-read


@dataclass(frozen=True)
class Frame:
    """One figure of a document.

    Offsets are into the document's text: ``start``/``end`` the value as written
    (``value``, unit included), ``quote`` the sentence (or table row) it stands in.  ``low``
    is the signed number (the bottom of a range; ``high`` its top).  ``indicator``: the noun
    phrase the value belongs to; ``parent``: the total it is a part of, or the subject it
    inherited; ``context``: its heading.  ``basis``: tags of rag.vi.lexicon.BASIS_PATTERNS.
    ``period`` and ``period_from`` ("own", "sentence", "paragraph", "heading", "document"),
    ``comparison``: what a change is compared with ("cùng kỳ", "tháng trước", "kế hoạch").
    ``whole``: for a part listed after its total in the same sentence ("1.146 phương tiện
    ..., trong đó 552 xe xuất khẩu") or in a sentence opening with its total's name ("Trong
    tổng mức 9 tháng, ...": rag.vi.frames.named_wholes), the offset of the total's value; -1
    otherwise."""

    start: int
    end: int
    quote: tuple[int, int]
    value: str
    low: float
    high: float | None
    unit: str
    kind: str
    measure: str
    indicator: str
    parent: str = ""
    context: str = ""
    basis: tuple[str, ...] = ()
    period: Period | None = None
    period_from: str = ""
    comparison: str | None = None
    estimate: bool = False
    target: bool = False
    approx: str | None = None
    part: bool = False
    direction: int = 0  # +1 a rise, -1 a fall, 0 not a change
    detail: str = ""  # what the sentence says after the value ("chở hàng chờ xuất khẩu")
    whole: int = -1  # a part's total stated in (or named by) its sentence: where its value starts
    verb: str = ""  # the verb that leads to the value as written ("còn", "có", "ước đạt"), or ""
    stage: str = ""  # "before"/"after": the two values of "từ 6 - 8 giờ xuống còn 2 - 3 giờ"
    # a target's kind (rag.vi.frames.measures.target_aim): "assigned" (chỉ tiêu được giao),
    # "own" (the unit's phấn đấu), "forecast" (dự kiến), "" unsaid or no target
    aim: str = ""
    # what a correction made of the figure (rag.vi.frames.corrections): "withdrawn" -- the
    # value "... là 1.248 triệu USD chứ không phải 1.284 triệu USD như đã nêu" withdraws, and
    # an earlier statement of it (never an answer); "restated" -- a value the correction
    # states (1.248); "" otherwise
    correction: str = ""

    def to_dict(self) -> dict[str, object]:
        """Compact JSON-ready form (what the index stores)."""
        d: dict[str, object] = {"s": self.start, "e": self.end, "q": list(self.quote),
                                "v": self.value, "lo": self.low, "u": self.unit,
                                "k": self.kind, "m": self.measure, "i": self.indicator}
        for key, val, empty in (("hi", self.high, None), ("pa", self.parent, ""),
                                ("cx", self.context, ""), ("b", list(self.basis), []),
                                ("pf", self.period_from, ""), ("cmp", self.comparison, None),
                                ("est", self.estimate, False), ("tg", self.target, False),
                                ("ap", self.approx, None), ("pt", self.part, False),
                                ("dir", self.direction, 0), ("dt", self.detail, ""),
                                ("wh", self.whole, -1), ("vb", self.verb, ""),
                                ("st", self.stage, ""), ("aim", self.aim, ""),
                                ("cor", self.correction, "")):
            if val != empty:
                d[key] = val
        if self.period is not None:
            d["p"] = self.period.to_dict()
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Frame:
        """A frame from :meth:`to_dict` output."""
        p = d.get("p")
        return cls(int(d["s"]), int(d["e"]), (int(d["q"][0]), int(d["q"][1])), str(d["v"]),
                   float(d["lo"]), float(d["hi"]) if d.get("hi") is not None else None,
                   str(d["u"]), str(d["k"]), str(d["m"]), str(d["i"]), str(d.get("pa", "")),
                   str(d.get("cx", "")), tuple(d.get("b", ())),
                   Period.from_dict(p) if isinstance(p, dict) else None,
                   str(d.get("pf", "")), d.get("cmp"), bool(d.get("est")), bool(d.get("tg")),
                   d.get("ap"), bool(d.get("pt")), int(d.get("dir", 0)), str(d.get("dt", "")),
                   int(d.get("wh", -1)), str(d.get("vb", "")), str(d.get("st", "")),
                   str(d.get("aim", "")), str(d.get("cor", "")))
