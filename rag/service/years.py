"""Years no report covers: the years a question asks about, the years an index's passages
write or its figures are of (read once per index generation), and the refusal that names
the covered years nearest to a missing one ("năm 2108" -> "Có phải bạn muốn hỏi năm 2018?")."""

from __future__ import annotations

import re
from collections.abc import Iterable

from index import Index
from rag.ingest.figures import FigureReader
from rag.records import Answer, Passage
from rag.vi.frames import Frame
from rag.vi.mentions import bare_years, figure_years
from rag.vi.periods import YEAR_RE

# A year as people write one, also outside the range the period reader takes (a typo "2108"):
# four digits after "năm"/"year"/"in" or after a "/" of a month or quarter ("quý I/2108").
_ASKED_YEAR_RE = re.compile(r"(?:\b(?:năm|nam|year|in)\s+|/)(\d{4})(?![\d.,]\d)",
                            re.IGNORECASE)


def asked_years(question: str, years: Iterable[int]) -> set[int]:
    """The years a question asks about: those its time scope read (``years``), any
    four-digit year written after "năm" or a "/", however unlikely, and a year 1000-2999
    written alone ("xuất khẩu 2109?", ``rag.vi.mentions.bare_years``)."""
    return set(years) | {int(m.group(1)) for m in _ASKED_YEAR_RE.finditer(question)} | \
        set(bare_years(question))


def frame_years(frames: Iterable[Frame]) -> set[int]:
    """The years figure frames are of: each frame's own period's year (the year of its last
    day; a span of several years, "giai đoạn 2086-2090", is none).  A frame's period is the
    figure's own, never what a change compares with ("tăng 12% so với năm 2090" is of the
    sentence's year), so a year here is one a report gives a figure for -- also one it
    never writes: "đạt 3.420 tỷ đồng, tăng 12% so với cùng kỳ (cùng kỳ đạt 3.054 tỷ đồng)"
    under "năm 2091" holds a figure of 2090 (rag.vi.frames.sentence, issue 17 s36 fn)."""
    return {f.period.year for f in frames if f.period is not None and f.period.kind != "years"}


def near_years(year: int, covered: Iterable[int], n: int = 2) -> list[int]:
    """The ``n`` covered years closest to ``year``: fewest digits changed or swapped first
    ("2108" -> 2018), then the nearest in time."""
    return sorted(covered, key=lambda y: (_digit_edits(str(year), str(y)), abs(y - year)))[:n]


def _digit_edits(a: str, b: str) -> int:
    """Edits between two years written as digits: substitutions, one adjacent swap counts 1;
    a digit left out or typed twice ("216", "20196" for 2016, 2019) counts 1; any other
    difference in length counts 4 (too far to suggest)."""
    if abs(len(a) - len(b)) == 1:
        short, long_ = sorted((a, b), key=len)
        one = any(long_[:k] + long_[k + 1:] == short for k in range(len(long_)))
        return 1 if one else 4
    if len(a) != len(b):
        return 4
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    if len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] \
            and a[diff[1]] == b[diff[0]]:
        return 1
    return len(diff)


def no_such_year(question: str, resolved: str, missing: list[int], covered: frozenset[int],
                 related: tuple[Passage, ...]) -> Answer:
    """The refusal for a question about years no report covers (often a typo, "năm 2108"),
    with the near years the reports do cover (``covered``) and ``related`` passages."""
    asked = ", ".join(map(str, missing))
    near = near_years(missing[0], covered)
    text = (f"Không tìm thấy thông tin trả lời câu hỏi \"{question.strip()}\" cho năm {asked} "
            f"trong các báo cáo hiện có: không báo cáo nào có số liệu năm {asked}.")
    if near:
        text += " Có phải bạn muốn hỏi năm " + " hoặc ".join(map(str, near)) + "?"
    return Answer(question=question, resolved_question=resolved, answer=text, found=False,
                  confidence=1.0, related=related)


def no_such_year_written(question: str, resolved: str, written: list[str],
                         covered: frozenset[int], related: tuple[Passage, ...]) -> Answer:
    """The refusal for a question whose year is no year (``written``: "216", "20196";
    ``rag.vi.asked.malformed_years``): it says the year is not understood and suggests the
    covered years nearest to it (:func:`near_years`); never another year's figure."""
    named = ", ".join(f"\"{w}\"" for w in written)
    text = (f"Không hiểu năm {named} trong câu hỏi \"{question.strip()}\": năm cần có 4 chữ "
            "số.")
    near = [y for y in near_years(int(written[0]), covered)
            if _digit_edits(written[0], str(y)) <= 2]
    if near:
        text += " Có phải bạn muốn hỏi năm " + " hoặc ".join(map(str, near)) + "?"
    return Answer(question=question, resolved_question=resolved, answer=text, found=False,
                  confidence=1.0, related=related)


def no_such_date(question: str, resolved: str, dates: list[str],
                 related: tuple[Passage, ...]) -> Answer:
    """The refusal for a question naming dates no calendar has (``dates``, as written:
    "30/2", "tháng 13/2028", "quý V"; rag.vi.asked.impossible_dates), with ``related``
    passages: no figure is for such a day."""
    named = ", ".join(f"\"{d}\"" for d in dates)
    text = (f"Câu hỏi \"{question.strip()}\" có ngày, tháng hoặc quý không có thật: {named}. "
            "Không báo cáo nào có số liệu cho thời điểm này; xin kiểm tra lại ngày tháng.")
    return Answer(question=question, resolved_question=resolved, answer=text, found=False,
                  confidence=1.0, related=related)


class YearCoverage:
    """The years an index covers, read once per index generation (the cache is replaced
    when the index's lexical matrix is)."""

    def __init__(self) -> None:
        # (the index's lexical matrix, years covered, years of figures or None until a
        # refusal asks, years of figure frames)
        self._cache: tuple[object, frozenset[int], frozenset[int] | None,
                           frozenset[int]] | None = None

    def covered(self, index: Index) -> frozenset[int]:
        """Every year the index's passages write (a 4-digit number 1990-2039 among BM25's
        tokens, or a year 1000-2999 written alone or after "năm"), and every year its
        figures are of (:func:`frame_years`: a report saying only "cùng kỳ" or "năm
        trước" before a figure covers the year before its own)."""
        cached = self._cache
        if cached is None or cached[0] is not index.lexical:
            vocab = (index.lexical.bm25.vocab_dict or {}) if index.lexical.size else {}
            years = frozenset(int(t) for t in vocab if len(t) == 4 and t.isdigit()
                              and YEAR_RE.fullmatch(t))
            docs = list(index.docs.values())
            # a year outside 1990-2039 a text writes alone or after "năm"
            years |= {y for d in docs for y in asked_years(d.text, ())}
            figures = FigureReader(index, size=1)  # each document's frames read once here
            of_frames = frozenset(y for d in docs for y in frame_years(figures(d.id)))
            cached = (index.lexical, years | of_frames, None, of_frames)
            self._cache = cached
        return cached[1]

    def figure_years(self, index: Index) -> frozenset[int]:
        """The years the index's texts give figures for (not comparison years nor price
        bases: the only ones a refusal suggests; with those only a figure's period holds,
        :func:`frame_years`), or every year they write when none is read as a figure's
        period; read at the first refusal."""
        covered = self.covered(index)
        cached = self._cache
        assert cached is not None
        if cached[2] is None:
            figures = frozenset(y for d in index.docs.values() for y in figure_years(d.text))
            cached = (cached[0], cached[1], figures | cached[3], cached[3])
            self._cache = cached
        return cached[2] or covered
