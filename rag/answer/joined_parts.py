"""Questions joining two periods of different kinds, or two bases, with "và": "lượng khách
du lịch 4 tháng đầu năm 2028 và dịp 30/4/2028", "doanh thu du lịch Tết Nguyên đán 2027 và
dịp 30/4/2028", "kim ngạch xuất nhập khẩu 11 tháng 2027 theo tất cả các loại hình và của
hàng địa phương" (issue 17, break-test bt17g).

Read as one question, the words of one part reach the other: the holiday words ("dịp",
"Tết") hold the months to date to a holiday's days, the other holiday's name keeps its
figure out, and the split into things asked (rag.answer.conjuncts.split_conjuncts) cuts a
basis in half ("loại hình" / "của").  Each part is asked as its own question -- the shared
head and tail with that part alone -- and the answers are joined by
rag.answer.conjuncts.conjoined, each labelled with its period or its basis as written.

Periods of one kind joined by "và" ("năm 2023 và 2026", "Tết 2027 và Tết 2028") share
their words and stay one question of several periods (rag.answer.answerer), as before."""

from __future__ import annotations

import re
from datetime import date

from rag.answer.conjuncts import Conjuncts
from rag.vi.asked import question_periods
from rag.vi.calendar import HOLIDAY, Period
from rag.vi.lexicon import BASIS_GROUPS, BASIS_RES
from rag.vi.text import fold

_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
# words that open a holiday's name before the part the calendar reads ("dịp lễ 30/4": "lễ
# 30/4" reads the same days): left with the holiday, not with the shared head (folded)
_HOLIDAY_LEAD = re.compile(r"(?:\s+(?:trong|vao|dip|ky|dot|nghi|le))+$")
# the words before a basis that belong to it ("theo tất cả các loại hình", "của hàng địa
# phương", "đối với hàng hóa mở tờ khai"; folded)
_BASIS_LEAD = re.compile(r"(?:(?:tinh |tinh rieng )?theo|cua|doi voi|voi|rieng)\s+$")
# the part of a basis match that names the basis when its pattern runs from the indicator
# ("kim ngạch ... của doanh nghiệp trong tỉnh"): from its "của" on
_DATE_GOES_ON = re.compile(r"\s*(?:[/.–-]\s*)?\d")
# a place the goods are declared at, written after their basis: "mở tờ khai tại Cục Hải quan"
_AT_PLACE = re.compile(r"\s+tai\s+[^,;?]*?(?=\s*,?\s*(?:va|and)\s)")
_OWNER = re.compile(r"\bcua (?:cac )?doanh nghiep\b")


def _key(p: Period) -> tuple[str, object, object]:
    return p.kind, p.start, p.end


def _read(text: str, today: date) -> list[Period]:
    return list(question_periods(text, today).periods)


def _holiday_name(p: Period) -> str:
    """A holiday's name without its days and year ("Tết Nguyên đán", "dịp"): two holidays
    of one name are periods of one kind."""
    return re.sub(r"[\d/\s–-]+", " ", fold(p.label).lower()).strip()


def split_periods(question: str, today: date) -> Conjuncts | None:
    """The two questions of ``question`` when it joins, with its one "và", two periods of
    different kinds one of which is a holiday ("4 tháng đầu năm 2028 và dịp 30/4/2028",
    "Tết Nguyên đán 2027 và dịp 30/4/2028"): each the shared head ("Lượng khách du lịch"),
    one period and the shared tail ("?", "là bao nhiêu?"), labelled with its period
    (rag.vi.calendar.Period.label), in the order asked.  None for anything else: no or
    several "và", periods of one kind ("năm 2023 và 2026", "Tết 2027 và Tết 2028"), or sides
    that do not each read one of the question's periods ``today``."""
    folded = fold(question).lower()
    if len(folded) != len(question):
        return None
    joins = [m for m in _WORD_RE.finditer(folded) if m.group(0) == "va"]
    if len(joins) != 1:
        return None
    whole = _read(question, today)
    if len(whole) != 2 or not any(p.kind == HOLIDAY for p in whole):
        return None
    if all(p.kind == HOLIDAY for p in whole) and \
            _holiday_name(whole[0]) == _holiday_name(whole[1]):
        return None
    if whole[0].kind == whole[1].kind and whole[0].kind != HOLIDAY:
        return None
    left, right = question[:joins[0].start()].rstrip(" ,"), question[joins[0].end():].lstrip()
    lp, rp = _read(left, today), _read(right, today)
    if len(lp) != 1 or len(rp) != 1 or {_key(lp[0]), _key(rp[0])} != {_key(p) for p in whole}:
        return None
    # the head: the longest start of the left side that reads no period, the rest reading
    # the left side's period; holiday words at its end go with the period
    starts = [m.start() for m in _WORD_RE.finditer(left)]
    head_end = next((s for s in reversed(starts) if s > 0 and not _read(left[:s], today)
                     and [_key(p) for p in _read(left[s:], today)] == [_key(lp[0])]), None)
    if head_end is None:
        return None
    head = left[:head_end].rstrip()
    lead = _HOLIDAY_LEAD.search(fold(head).lower())
    if lead is not None:
        head = head[:lead.start()].rstrip()
    if not head:
        return None
    # the tail: what follows the shortest start of the right side that reads its period,
    # itself reading none ("9 tháng" alone reads a year too: "năm 2028" is no tail)
    ends = [m.end() for m in _WORD_RE.finditer(right)]
    tail_at = next((e for e in ends if not _DATE_GOES_ON.match(right, e) and
                    [_key(p) for p in _read(right[:e], today)] == [_key(rp[0])] and
                    not _read(right[e:], today)), None)
    if tail_at is None:
        return None
    tail = right[tail_at:]
    first, second = left + tail, f"{head} {right}"
    labels = []
    for sub in (first, second):
        read = _read(sub, today)
        if len(read) != 1:
            return None
        labels.append(read[0].label)
    return Conjuncts(questions=(first, second), labels=tuple(labels))


def split_bases(question: str) -> Conjuncts | None:
    """The two questions of ``question`` when it joins, with "và", two bases of one group
    (rag.vi.lexicon.BASIS_GROUPS: "theo tất cả các loại hình và của hàng địa phương"): each
    the question without the other basis and the join, labelled with its basis as typed
    ("tất cả các loại hình", "hàng địa phương"), in the order asked.  None for anything
    else: fewer or more bases, bases of different groups, or anything but "và" and the
    words that open a basis ("theo", "của") between them -- an indicator written with "và"
    ("xuất nhập khẩu", "Sở Công Thương và ...") names no two bases."""
    folded = fold(question).lower()
    if len(folded) != len(question):
        return None
    found: list[tuple[int, int, str]] = []
    for tag, pat in BASIS_RES:
        for m in pat.finditer(folded):
            start = m.start()
            owner = _OWNER.search(folded, m.start(), m.end())
            if owner is not None and owner.start() > start:
                start = owner.start()
            found.append((start, m.end(), tag))
    found.sort()
    if len(found) != 2:
        return None
    (s1, e1, t1), (s2, e2, t2) = found
    if t1 == t2 or e1 > s2 or not any({t1, t2} <= group for group in BASIS_GROUPS):
        return None
    at = _AT_PLACE.match(folded, e1, s2)
    if at is not None:  # "mở tờ khai tại Cục Hải quan và ...": the place goes with its basis
        e1 = at.end()
    between = folded[e1:s2]
    join = re.fullmatch(r"\s*,?\s*(?:va|and)\s+(.*)", between)
    if join is None or (join.group(1) and not _BASIS_LEAD.fullmatch(join.group(1))):
        return None
    lead = _BASIS_LEAD.search(folded[:s1])
    opened = lead.start() if lead is not None else s1
    first = question[:e1] + question[e2:]
    second = question[:opened] + question[e1 + join.start(1):]
    return Conjuncts(questions=(first, second),
                     labels=(question[s1:e1], question[s2:e2]))
