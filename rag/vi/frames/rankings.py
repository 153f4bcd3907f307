"""Ranked breakdowns: a sentence that splits a total stated just before it into its items,
ranked or listed ("Xét theo cửa khẩu, Cửa khẩu quốc tế Tân Thủy dẫn đầu với 1.402,5 triệu
USD; cửa khẩu chính Bản Lìm đứng thứ hai với 612,8 triệu USD; ... lối mở Khuổi Tát thấp nhất
với 71,5 triệu USD" after "Lũy kế từ đầu năm đến hết 25/6/2077, kim ngạch ... đạt 2.318,7
triệu USD").

Issue 17 break-test bt23-b17 failure 5 (recurring from bt21 g): each item was read with the
passage's first period (1/6-25/6, not the year to date of the total) and an indicator of its
name and its rank ("cửa khẩu chính Bản Lìm đứng thứ hai"), no word of what is ranked.  The
same shape is in dev3 r19 ("Về đối tác, Hàn Quốc dẫn đầu với 520 triệu USD ...; Nhật Bản
đứng thứ hai với 301 triệu USD; Singapore thứ ba với 188 triệu USD") and the dev reports'
dv08 ("Xét theo cửa khẩu, cửa khẩu quốc tế Hữu Nghị ... với 2.107,3 triệu USD; tiếp đến là
cửa khẩu Tân Thanh 1.318,9 triệu USD; ..." under the year's 4.412,6 triệu USD).

Here: the rank words leave the item's indicator (its rank is no part of its name), and when
a total stated in the sentences just before covers the items (same unit, at least their
sum), the items are its parts: their parent is the total's indicator and, naming no period
of their own, they take the total's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from rag.vi.calendar import Period
from rag.vi.frames.frame import Frame
from rag.vi.text import fold, nfc

# a sentence opening a breakdown, folded: "Xét theo cửa khẩu,", "Phân theo ngành,", "Chia
# theo thị trường,"
_BREAKDOWN_LEAD = re.compile(r"^\W*(?:xet|phan|chia) theo [^,;:.]{2,40},")
# a lead splitting a whole item by item, folded: "Theo từng cửa khẩu,", "Tính theo từng thị
# trường," -- "từng" (each) names no source nor topic, unlike a bare "Theo ..." (bt17e c05:
# "Theo từng cửa khẩu, A đạt ...; ...; E đạt ..., thấp nhất" was read as a ranking naming
# its top items, and its largest was never looked for)
_EACH_LEAD = re.compile(r"^\W*(?:tinh )?theo tung [^,;:.]{2,40},")
# a lead that may also name a source or a topic ("Theo Cục Thống kê,", "Về xuất khẩu,"): a
# breakdown's only when one of its items says a rank ("Về đối tác, Hàn Quốc dẫn đầu ...")
_TOPIC_LEAD = re.compile(r"^\W*(?:theo|ve) [^,;:.]{2,40},")
# a rank said of an item, as written (lower case, NFC: offsets keep with the raw text; the
# diacritics tell "thứ tư" from "thu từ", "thứ hai" from "thu hái", "đứng đầu" from "dùng
# dầu"): "dẫn đầu", "đứng đầu", "đứng thứ hai", "xếp thứ 3", "thứ ba" (after a name), "cao
# nhất", "thấp nhất", "đứng cuối", and what only links the next item ("tiếp đến là", "theo
# sau là"; its "theo" may be gone from the indicator already: "sau là" opening it)
_RANK_WORDS = re.compile(
    r"(?<!\w)(?:(?:dẫn|đứng|xếp) đầu|(?:(?:đứng|xếp)(?: ở)?(?: vị trí| hàng)? )?thứ "
    r"(?:nhất|nhì|hai|ba|tư|năm|sáu|bảy|tám|chín|mười|\d{1,2})|"
    r"(?:cao|thấp|lớn|nhỏ|nhiều|ít) nhất|(?:đứng|xếp) cuối|cuối bảng|"
    r"tiếp (?:đến|theo|sau)(?: là)?|(?:^|theo )sau (?:đó )?là|(?:vẫn )?giữ vai trò chủ lực)(?!\w)")
# where a frame's period came from when its sentence names none (rag.vi.frames.sentence)
_UNSAID = frozenset({"paragraph", "heading", "document", ""})
# the items of a breakdown may sum to a little less or more than its total (rounding)
_SUM_SLACK = 0.005


def rank_phrases(indicator: str) -> list[tuple[int, int]]:
    """(start, end) of the rank words in ``indicator`` (NFC text; :data:`_RANK_WORDS`)."""
    return [m.span() for m in _RANK_WORDS.finditer(nfc(indicator).lower())]


def without_rank(indicator: str) -> str:
    """``indicator`` with its rank words taken out: "cửa khẩu chính Bản Lìm đứng thứ hai" ->
    "cửa khẩu chính Bản Lìm"; "Hàn Quốc dẫn đầu về vốn đăng ký cấp mới" -> "Hàn Quốc vốn
    đăng ký cấp mới"; "tiếp đến là cửa khẩu Tân Thanh" -> "cửa khẩu Tân Thanh".  Unchanged
    when it holds none, or holds nothing else."""
    indicator = nfc(indicator)
    spans = rank_phrases(indicator)
    if not spans:
        return indicator
    out, at = [], 0
    for s, e in spans:
        out.append(indicator[at:s])
        at = e
    out.append(indicator[at:])
    kept = re.sub(r"\s+", " ", " ".join(out)).strip()
    kept = re.sub(r"(?i)^(?:là|về)\s+|\s+(?:là|về)$", "", kept)
    kept = re.sub(r"(?i)\s+về\s+", " ", kept).strip(" ,")
    return kept or indicator


def opens_breakdown(sentence: str) -> bool:
    """Whether ``sentence`` opens with a breakdown's lead ("Xét theo cửa khẩu,", "Phân theo
    ngành,", "Chia theo thị trường,"): GSO's words for splitting a whole by one dimension,
    or "Theo từng cửa khẩu," (:data:`_EACH_LEAD`)."""
    folded = fold(sentence).lower()
    return _BREAKDOWN_LEAD.match(folded) is not None or _EACH_LEAD.match(folded) is not None


def is_breakdown(sentence: str, frames: Sequence[Frame]) -> bool:
    """Whether ``sentence`` (its frames ``frames``) lists the items of a total: it opens
    with a breakdown's lead ("Xét theo X,", "Phân theo X,") and holds two levels or more;
    or two of its levels' (distinct) indicators or more say a rank; or one does after a lead
    naming a topic ("Theo thị trường,", "Về đối tác,")."""
    levels = [f for f in frames if f.measure == "level"]
    if len(levels) < 2:
        return False
    folded = fold(sentence).lower()
    if _BREAKDOWN_LEAD.match(folded):
        return True
    # items, not figures: two figures of one ranked indicator ("Kim ngạch ... năm cao nhất
    # mới hơn 55 triệu USD, chỉ bằng khoảng 1% ...", dev reports dv25) are one item
    ranked = len({f.indicator for f in levels if rank_phrases(f.indicator)})
    return ranked >= 2 or (ranked == 1 and _TOPIC_LEAD.match(folded) is not None)


def covering_total(items: Sequence[Frame], before: Sequence[Frame]) -> Frame | None:
    """The total ``items`` (levels of one breakdown) are parts of, among the frames
    ``before`` (those of the sentences just before): a level of no target in the same unit
    whose value is at least their sum; the smallest such (a "27 dự án, 612,4 triệu USD"
    before "Lũy kế ... 9.836 triệu USD": the registered capital, not the stock), the latest
    on a tie.  None when none covers them."""
    units = {f.unit for f in items}
    if len(units) != 1 or not items:
        return None
    need = sum(f.low for f in items) * (1 - _SUM_SLACK)
    fits = [f for f in before if f.measure == "level" and f.unit in units and not f.target
            and f.high is None and f.low >= need and f.indicator]
    if not fits:
        return None
    least = min(f.low for f in fits)
    return [f for f in fits if f.low == least][-1]


def ranked_items(sentence: str, frames: list[Frame], before: Sequence[Frame]) -> list[Frame]:
    """The frames of ``sentence`` (``frames``) read as a breakdown of the total stated in
    the frames ``before`` it (:func:`is_breakdown`, :func:`covering_total`): rank words out
    of every indicator; the levels in the total's unit become its parts (``parent`` its
    indicator, ``part`` True; ``whole`` stays -1: its words are no item's own), and
    those whose sentence names no period (``period_from`` paragraph, heading, document)
    take its period.  ``frames`` unchanged when the sentence is no breakdown."""
    if not is_breakdown(sentence, frames):
        return frames
    levels = [f for f in frames if f.measure == "level" and f.kind != "percent"]
    total = covering_total(levels, before)
    out = []
    stated = None  # the period an earlier item of the list stated (see listed_period)
    for f in frames:
        g = replace(f, indicator=without_rank(f.indicator))
        if total is not None and f in levels:
            # no ``whole``: the total's words would be the items' own, and an item would
            # answer for the total (held-out fell by one question with it, none without)
            g = replace(g, parent=total.indicator, part=True)
            if f.period_from in _UNSAID and total.period is not None:
                g = replace(g, period=total.period, period_from="sentence")
        if stated is not None and f.period_from in _UNSAID and not f.comparison:
            # "Trung Quốc ... 1.389,2 triệu USD trong 9 tháng; tiếp đến là Hàn Quốc với
            # 1.106,4 triệu USD; ..." -- the later items are of the period the first stated,
            # nearer than the total's or the paragraph's (break-test bt25-b17 failure 4)
            g = replace(g, period=stated, period_from="sentence")
        stated = listed_period(f) or stated
        out.append(g)
    return out


def listed_period(item: Frame) -> Period | None:
    """The period ``item`` (a frame of a breakdown, :func:`ranked_items`) states itself
    (``period_from`` "own" or "sentence", no comparison), which the items after it in its list
    take when they state none; None otherwise.  The first item of a ranked list often
    carries the list's period after its figure ("Trung Quốc là thị trường lớn nhất với
    1.389,2 triệu USD trong 9 tháng; tiếp đến là Hàn Quốc với 1.106,4 triệu USD"), and a
    period said before a ";" reaches no clause after it otherwise (rag.vi.frames.sentence)."""
    if item.period is None or item.comparison or item.period_from not in ("own", "sentence"):
        return None
    return item.period


# what a rank's detail opens with when it names the items ranked ahead of it, folded: "sau
# quần thể di tích Đền Bắc Lệ", "chỉ sau Hà Nội và TP Hồ Chí Minh", "đứng sau ..."
_AHEAD = re.compile(r"^\W*(?:(?:chi|xep|dung) )?sau\b")


def without_ranked_ahead(frames: list[Frame]) -> list[Frame]:
    """``frames`` with the detail of each rank (measure "rank") that names the items ranked
    ahead of it ("Khu du lịch Mẫu Sơn ... đứng thứ 2 sau quần thể di tích Đền Bắc Lệ") left
    out: those are other items, whose words would make the rank theirs -- "Đền Bắc Lệ xếp
    thứ mấy?" answered by Mẫu Sơn's "thứ 2" (issue 17 break-test bt17h, its kind written in
    tests/test_rank_and_span_average.py)."""
    out = []
    for f in frames:
        if f.measure == "rank" and f.detail and _AHEAD.match(fold(f.detail).lower()):
            f = replace(f, detail="")
        out.append(f)
    return out
