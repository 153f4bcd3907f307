"""A running total said under "tổng" and the head of a name its report gave before:
"Tháng 10/2061, kim ngạch xuất nhập khẩu qua địa bàn Lạng Sơn đạt 598,7 triệu USD ... Lũy kế
10 tháng năm 2061, tổng kim ngạch đạt 5.402,3 triệu USD" -- the "tổng kim ngạch" is the total
of the "kim ngạch xuất nhập khẩu" named just before, no other figure's.  The frames carry a
short name over within a paragraph (rag.vi.frames.sentence.shortened_of); a web page sets each
sentence in a paragraph of its own, and a "tổng" the fuller name lacks is no short form there,
so the question's fuller name read as another figure's group left the running total out and
the month's figure was served as all the report had (break-test bt22b, session 50)."""

from __future__ import annotations

from collections.abc import Iterable

from rag.vi.calendar import Period
from rag.vi.frames import Frame
from rag.vi.frames.measures import bases_of
from rag.vi.frames.sentence import shortened_of
from rag.vi.text import fold

# what "tổng" joined to the next syllable totals (folded: "tổng kim ngạch", "tổng doanh thu",
# "tổng lượt khách", "tổng khối lượng", "tổng vốn đầu tư"): a measure, never "tổng công ty",
# "tổng cục", "tổng điều tra" -- as rag.answer.figures reads a question's "tong_kim"
WHOLE_HEADS = frozenset({"luot", "luong", "thu", "chi", "von", "kim", "muc", "doanh", "gia",
                         "san", "khoi", "dien", "khach", "dan"})


def total_unmarked(indicator: str) -> str:
    """``indicator`` without the "tổng" that opens it when what follows is a measure
    (:data:`WHOLE_HEADS`): "tổng kim ngạch" -> "kim ngạch"; "" when it opens with no such
    "tổng" ("kim ngạch xuất khẩu", "Tổng cục Thống kê").  From break-test bt22b, session 50."""
    words = indicator.split()
    if len(words) < 2 or fold(words[0]).lower() != "tong" or \
            fold(words[1]).lower() not in WHOLE_HEADS:
        return ""
    return " ".join(words[1:])


def total_named_before(frame: Frame, frames: Iterable[Frame]) -> str:
    """The fuller name ``frame``'s "tổng" + head (:func:`total_unmarked`) totals: the one name
    of the level figures its document states before it in its unit that the rest is a short
    form of (rag.vi.frames.sentence.shortened_of: "kim ngạch" of "kim ngạch xuất nhập khẩu qua
    địa bàn Lạng Sơn"); "" when there is none, or more than one -- "tổng kim ngạch" after
    "kim ngạch xuất khẩu đạt 140,2 triệu USD; kim ngạch nhập khẩu đạt 96,4 triệu USD" is their
    sum, no total of exports.  A part listed under a whole ("trong đó ...") names no other
    figure it could sum.  From break-test bt22b, session 50: "Lũy kế 10 tháng năm 2061, tổng
    kim ngạch đạt 5.402,3 triệu USD" after the month's "kim ngạch xuất nhập khẩu"."""
    rest = total_unmarked(frame.indicator)
    if not rest or frame.measure != "level":
        return ""
    names: dict[str, str] = {}
    for f in frames:
        if f.start >= frame.start or f.unit != frame.unit or f.measure != "level" or \
                f.part or f.target or not shortened_of(rest, f.indicator):
            continue
        names.setdefault(" ".join(fold(f.indicator).lower().split()), f.indicator)
    return next(iter(names.values())) if len(names) == 1 else ""


def bases_named_before(frame: Frame, frames: Iterable[Frame]) -> tuple[str, ...]:
    """The bases (rag.vi.lexicon.BASIS_PATTERNS tags, rag.vi.frames.measures.bases_of) that
    the fuller name ``frame``'s indicator is a short form of names in its own words -- the one
    such name of the figures its document states before it in its unit (``frames``: the
    document's, any order; rag.vi.frames.sentence.shortened_of, or its "tổng" + head,
    :func:`total_unmarked`); () when ``frame`` names a basis of its own, or there is no such
    name or more than one.  A short name of a name given before is that name, its basis too:
    "Riêng tháng 3 năm 2037, tổng kim ngạch xuất nhập khẩu đạt 1.307,9 triệu USD" after "quý
    I ..., tổng kim ngạch xuất nhập khẩu hàng hóa làm thủ tục qua các cửa khẩu ... đạt 3.418,6
    triệu USD" is of the goods declared as well.  The frames carry that within a paragraph
    (tests/test_parts_inherit_basis.py); across paragraphs the month, read on no basis, was
    a whole beside the quarter's narrower basis and answered "quý I/2037" as its only part
    (break-test bt25 kind 3, session 52; tests/test_short_name_basis.py)."""
    if frame.basis or not frame.indicator:
        return ()
    rest = total_unmarked(frame.indicator)
    names: dict[str, tuple[str, ...]] = {}
    for f in frames:
        if f.start >= frame.start or f.unit != frame.unit or f.part or \
                f.target != frame.target:
            continue
        if shortened_of(frame.indicator, f.indicator) or \
                (rest and shortened_of(rest, f.indicator)):
            folded = " ".join(fold(f.indicator).lower().split())
            names.setdefault(folded, bases_of(folded))
    return next(iter(names.values())) if len(names) == 1 else ()


def asked_period_stated(frame: Frame, asked: Period, frames: Iterable[Frame]) -> Frame | None:
    """A level figure of ``frames`` (the document's) of the ``asked`` period, in ``frame``'s
    unit, that names ``frame``'s indicator -- as written, by a short form of it
    (rag.vi.frames.sentence.shortened_of: "kim ngạch"), or as its "tổng" ("tổng kim ngạch",
    :func:`total_unmarked`) --; None when there is none.  A figure of part of the asked period
    (``frame``: the month's) is then never said to be all the report has: "Báo cáo chỉ có số
    liệu tháng 10/2061 (chưa có số liệu cả 10 tháng năm 2061)" was false of a page stating
    "Lũy kế 10 tháng năm 2061, tổng kim ngạch đạt 5.402,3 triệu USD" (break-test bt22b,
    session 50)."""
    own = " ".join(fold(frame.indicator).lower().split())
    if not own:
        return None
    for f in frames:
        if f is frame or f.period is None or (f.period.start, f.period.end) != (
                asked.start, asked.end) or f.unit != frame.unit or f.measure != "level" or \
                f.target:
            continue
        name = " ".join(fold(f.indicator).lower().split())
        short = total_unmarked(f.indicator) or f.indicator
        if name == own or shortened_of(short, frame.indicator):
            return f
    return None
