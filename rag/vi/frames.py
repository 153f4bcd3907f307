"""Figure frames: what each figure of a report is -- its value, unit, measure, indicator,
basis, period -- read once from every sentence and table row of a document.

A frame is read from the words around its value and, for what the sentence leaves out, from
its context: the figure before it in the same clause (", tăng 33,4% so với cùng kỳ" is a
change of the same indicator), the total it is a part of ("trong đó xuất khẩu 769 triệu USD"),
the sentence, the paragraph, the heading, the document's lead period ("Ba tháng đầu năm
2018, ...") and its date.  ``Frame.period_from`` says which.

Measures: ``level`` (đạt 769 triệu USD), ``change`` (tăng 33,4%; giảm 0,74%; a growth rate:
"tốc độ tăng trưởng ... đạt 6,8%"), ``plan_share`` (đạt 29,6% kế hoạch; bằng 66,8% dự toán),
``share`` (chiếm 77,3%), ``rank`` (xếp thứ 4/14), ``index`` (108,71 with "năm trước = 100";
"bằng 99,1% so với cùng kỳ").  A figure written after "kế hoạch", "mục tiêu", "chỉ tiêu", "dự
toán", "phấn đấu" is a ``target``, never an actual; "ước", "ước đạt" mark an ``estimate``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rag.vi.calendar import Mention, Period, find_mentions
from rag.vi.lexicon import BASIS_PATTERNS, ELIDED_SYLLABLES, PLAN_AFTER_RE, TARGET_RE
from rag.vi.numbers import Value, approx_before, find_values
from rag.vi.sentences import sentences
from rag.vi.text import fold

_BASIS = [(tag, re.compile(p)) for tag, p in BASIS_PATTERNS]
_TARGET = re.compile(TARGET_RE)
_PLAN_AFTER = re.compile(PLAN_AFTER_RE)
# "10 xã phấn đấu đạt chuẩn": a target written after what it counts
# what may stand between a compared period and its own figure: "(", ", khi ... có"
_AFTER_COMPARED = re.compile(r"\s*(?:\(\s*|,\s*khi\s+(?:[^\W\d]+\s+){0,4}?(?:co|dat|la)\s+)")
# "đạt/vượt/chưa đạt kế hoạch", "so với kế hoạch": a result measured against a plan, not a
# target; nor is "Sở Kế hoạch và Đầu tư"
_AGAINST_PLAN = re.compile(r"\b(?:sở|bộ|phòng|ban)\s+(?:tài chính\s*-?\s*)?kế hoạch"
                           r"(?:\s+và\s+đầu tư)?"
                           r"|(?<!\w)(?:chưa đạt|không đạt|đạt và vượt|đạt|vượt|hoàn thành|so với|"
                           r"bằng|thấp hơn|cao hơn)\s+(?:nhiều\s+)?(?:so với\s+)?"
                           r"(?:kế hoạch|chỉ tiêu|dự toán|mục tiêu|kịch bản)")
_AGAINST_PLAN_FOLDED = re.compile(fold(_AGAINST_PLAN.pattern))
_TARGET_AFTER = re.compile(r"^(?:\w+\s+){0,2}(?:phan dau|du kien)\b")
_PART_RE = re.compile(r"(?:^|[;:,.]\s*|\s)(?:trong do|rieng|gom|bao gom|cu the)\b")
_CLAUSE_BREAK = re.compile(r";|\btrong do\b|\brieng\b")
# a change; "tăng lên", "giảm xuống", "giảm còn" lead to the new level, not to the change
_CHANGE_END = re.compile(r"\b(?:tang|giam|tang truong|tang them|giam di|"
                         r"tang khoang|giam khoang|tang gan|giam gan|tang hon|giam hon|"
                         r"tang tren|vuot|gap|tang gap|up|down|rose|fell|grew)\s*$")
_DOWN_END = re.compile(r"\b(?:giam|giam di|giam con|giam khoang|giam gan|giam hon|down|fell)"
                       r"\s*$")
_SHARE_END = re.compile(r"\b(?:chiem|chiem khoang|chiem gan|chiem hon)\s*$")
_RANK_END = re.compile(r"(?:thứ|xếp thứ|đứng thứ|xếp hạng|hạng|xep thu|dung thu|xep hang)\s*$")
_EQUAL_END = re.compile(r"\bbang\s*$")
_GROWTH_WORDS = re.compile(r"\b(?:tang truong|toc do tang|growth)\b")
_INDEX_BASE = re.compile(r"=\s*100\b")
_ESTIMATE = re.compile(r"\b(?:uoc|du uoc|uoc tinh|uoc dat|so bo)\b")
_COMPARISON_BEFORE = re.compile(r"\bso voi\s+([^,;.()]{1,40}?)\s*,?\s*(?:tang|giam|dat|bang|la|"
                                r"uoc tang|uoc giam)\s*$")
_PLAN_TAIL = re.compile(r"^\s*(?:so voi\s+)?(?:ke hoach|kh|du toan|chi tieu|muc tieu)"
                        r"(?:\s+(?:nam|quy|thang))?(?:\s+(?:duoc giao|de ra|tinh giao))?")
# what a change is compared with, written after it; "so" and "bằng" compared with their
# diacritics ("số vốn" is no comparison), folded only in text typed without any
_COMPARISON = re.compile(r"^\s*,?\s*(?:so với|so|bằng)\s+([^,;.()]{0,40}?)(?=\s*(?:[,;.()]|\bvà\b|"
                         r"\bđạt\b|\btăng\b(?! trưởng)|\bgiảm\b|$))")
_COMPARISON_PLAIN = re.compile(r"^\s*,?\s*(?:so voi|so|bang)\s+([^,;.()]{0,40}?)(?=\s*(?:[,;.()]|"
                               r"\bva\b|\bdat\b|\btang\b(?! truong)|\bgiam\b|$))")
# Words and phrases trimmed off the edges of an indicator phrase, compared lower-case with
# their diacritics ("chỉ" = only is trimmed, "chỉ số" = index is not): verbs that lead to the
# value, particles, discourse markers, places that every figure of a provincial report shares.
_EDGE_PHRASES = sorted((
    "và", "còn", "với", "của", "tại", "ở", "trong", "trong đó", "riêng", "gồm", "bao gồm",
    "cụ thể", "theo", "thì", "đối với", "là", "đạt", "ước", "ước tính", "ước đạt", "dự ước",
    "đạt được",
    "được", "khoảng", "gần", "hơn", "trên", "chỉ còn", "chỉ đạt", "chỉ tăng", "chỉ giảm",
    "vào", "vì", "như sau", "tăng",
    "giảm", "bằng", "chiếm", "lần lượt", "mức", "tổng cộng", "toàn tỉnh", "trên địa bàn",
    "trên địa bàn tỉnh", "địa bàn tỉnh", "sau khi", "thứ", "xếp thứ", "đứng thứ", "xếp hạng",
    "tuy nhiên", "nhưng", "song", "bên cạnh đó", "ngoài ra", "đồng thời", "vẫn", "cũng", "đã",
    "sẽ", "đang", "tiếp tục", "mới", "lên", "xuống", "có", "có thêm", "còn tồn", "tồn", "còn lại",
    "đón", "thu hút", "tính chung", "cộng chung", "cộng dồn", "lũy kế", "luỹ kế",
    "bình quân mỗi", "mỗi",
    "đạt mức", "ở mức", "lên tới", "lên đến", "tới", "đến", "từ", "so với", "so", "cùng kỳ",
    "năm", "tháng", "quý", "ngày", "tính đến", "tính đến hết", "đến hết", "đến nay", "hiện nay",
    "hiện có", "chủ yếu", "nhìn chung", "kết quả", "cụ thể như sau", "như", "sơ bộ", "dự kiến",
    "thêm", "tăng lên", "giảm xuống", "giảm còn", "còn", "lên mức", "khi", "vượt", "gấp", "cả",
    "phấn đấu", "ước thực hiện", "thực hiện", "hết", "nay", "được công nhận", "công nhận",
), key=len, reverse=True)
# edge words that begin a noun with the next word ("tăng trưởng", "giảm nghèo")
_COMPOUND_AFTER = {"tăng": ("trưởng", "cường"), "giảm": ("nghèo",)}
_EDGE_WORDS_FOLDED = frozenset(  # for text typed without diacritics: unambiguous words only
    "va con voi cua tai trong rieng gom theo thi la dat uoc duoc khoang gan hon tren tang giam "
    "bang chiem muc toan tinh dia ban xep dung vao tuy nhien nhung song van cung da se dang "
    "tiep tuc moi len co ton don tinh chung cong don luy ke moi toi den tu so cung ky nam "
    "thang quy ngay het nay hien chu yeu".split())
_FUNCTION_ONLY = frozenset("va cua tai o trong do la dat duoc voi cac nhung mot cho".split())
FRAMES_VERSION = 14  # raised whenever what a frame holds changes: stored frames are re-read
HEADING_MAX = 140  # characters: a line this short with no sentence end is a heading
LEAD_PARAGRAPHS = 2  # paragraphs read for a document's lead period


@dataclass(frozen=True)
class Frame:
    """One figure of a document.

    Offsets are into the document's text: ``start``/``end`` the value as written
    (``value``, unit included), ``quote`` the sentence (or table row) it stands in.  ``low``
    is the signed number (the bottom of a range; ``high`` its top).  ``indicator``: the noun
    phrase the value belongs to; ``parent``: the total it is a part of, or the subject it
    inherited; ``context``: its heading.  ``basis``: tags of rag.vi.lexicon.BASIS_PATTERNS.
    ``period`` and ``period_from`` ("own", "sentence", "paragraph", "heading", "document"),
    ``comparison``: what a change is compared with ("cùng kỳ", "tháng trước", "kế hoạch")."""

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
                                ("dir", self.direction, 0), ("dt", self.detail, "")):
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
                   d.get("ap"), bool(d.get("pt")), int(d.get("dir", 0)), str(d.get("dt", "")))


@dataclass
class _Context:
    """What the document has said so far: the period and year in force, the heading."""

    lead: Period | None = None
    year: int | None = None
    heading: str = ""
    heading_period: Period | None = None
    heading_target: bool = False
    paragraph_period: Period | None = None
    subject: str = ""
    whole: Frame | None = None  # the last total stated, for a "riêng ..." that follows
    now: date | None = None  # the report's date: what "hiện nay" means in it
    table: list[tuple[str, Period | None]] = field(default_factory=list)


def extract(text: str, title: str = "", doc_date: str | None = None) -> list[Frame]:
    """Every figure frame of a document (``text`` as stored; ``title``; ``doc_date`` ISO),
    in order of their values."""
    ctx = _Context()
    year = int(doc_date[:4]) if doc_date and doc_date[:4].isdigit() else None
    try:
        ctx.now = date.fromisoformat(doc_date) if doc_date else None
    except ValueError:
        ctx.now = None
    ctx.year = year
    # "... năm 2012 và kế hoạch năm 2013": the plan's year is not what the figures are of
    title_periods = [m.period for m in find_mentions(title, year) if not m.comparison
                     and not _TARGET.search(fold(title[max(0, m.start - 24):m.start]))]
    if len({(p.start, p.end) for p in title_periods}) == 1:
        ctx.lead = title_periods[0]
    if title_periods:
        ctx.year = title_periods[-1].year
    frames: list[Frame] = []
    paragraphs = list(re.finditer(r"[^\n]+", text))
    if ctx.lead is None:
        for m in paragraphs[:LEAD_PARAGRAPHS + 1]:
            own = [x for x in find_mentions(m.group(0), ctx.year) if not x.comparison]
            if own and not _is_heading(m.group(0)):
                ctx.lead = own[0].period
                break
    for m in paragraphs:
        line = m.group(0)
        if "|" in line and line.count("|") >= 1:
            frames.extend(_table_row(line, m.start(), ctx))
            continue
        ctx.table = []
        if _is_heading(line):
            _enter_heading(line, ctx)
            continue
        ctx.paragraph_period = None
        ctx.subject = ""
        ctx.whole = None
        for offset, sentence in sentences(line):
            frames.extend(_sentence(sentence, m.start() + offset, ctx))
    return frames


def _is_heading(line: str) -> bool:
    s = line.strip()
    return bool(s) and len(s) <= HEADING_MAX and not re.search(r"[.!?:;]\s*$", s) \
        and not find_values(s)


def _enter_heading(line: str, ctx: _Context) -> None:
    ctx.heading = re.sub(r"^\s*(?:[IVX]+|\d+|[a-zđ])[.)]\s*", "", line.strip())
    own = [x for x in find_mentions(line, ctx.year) if not x.comparison]
    ctx.heading_period = own[0].period if own else None
    if own:
        ctx.year = own[-1].period.year
    folded = fold(line)
    ctx.heading_target = bool(_TARGET.search(_unplanned(line))) and not re.search(
        r"\b(?:thuc hien|ket qua|tinh hinh)\b", folded)
    ctx.paragraph_period = None
    ctx.subject = ""
    ctx.whole = None


def _bases(folded: str) -> tuple[str, ...]:
    return tuple(tag for tag, pat in _BASIS if pat.search(folded))


def _clean_indicator(raw: str, keep_digits: bool = False) -> str:
    """The noun phrase of a segment: time expressions, numbers, verbs and fillers at its edges
    removed ("Tính đến ngày 27/8/2024, tổng kim ngạch ... đạt" -> "tổng kim ngạch ...")."""
    words = [w for w in re.split(r"\s+", re.sub(r"[,:;()\"“”–—]", " ", raw)) if w]
    plain = all(fold(w) == w.lower() for w in words)
    lower = [w.lower() for w in words]

    def edge_len(seq: list[str], at_start: bool) -> int:
        if not seq:
            return 0
        if not keep_digits and any(ch.isdigit() for ch in (seq[0] if at_start else seq[-1])):
            return 1
        for phrase in _EDGE_PHRASES:
            n = phrase.count(" ") + 1
            part = seq[:n] if at_start else seq[-n:]
            if len(part) == n and " ".join(part) == phrase:
                if at_start and len(seq) > n and seq[n] in _COMPOUND_AFTER.get(phrase, ()):
                    return 0  # "tăng trưởng kinh tế": a noun, not the verb "tăng"
                return n
        if plain and fold(seq[0] if at_start else seq[-1]) in _EDGE_WORDS_FOLDED:
            return 1
        return 0

    i, j = 0, len(words)
    while i < j and (n := edge_len(lower[i:j], True)):
        i += n
    while j > i and (n := edge_len(lower[i:j], False)):
        j -= n
    phrase = " ".join(words[i:j]).strip(" -–—,.")
    if not phrase or all(fold(w) in _FUNCTION_ONLY for w in lower[i:j]):
        return ""
    return phrase


def _strip_mentions(text: str, mentions: list[Mention], base: int) -> str:
    out = list(text)
    for x in mentions:
        for k in range(max(0, x.start - base), min(len(text), x.end - base)):
            out[k] = " "
    return "".join(out)


def _sentence(sentence: str, base: int, ctx: _Context) -> list[Frame]:
    values = find_values(sentence)
    mentions = find_mentions(sentence, ctx.year, ctx.now)
    said = next((x.period.year for x in mentions if not x.comparison
                 and re.search(r"(?:19|20)\d\d", sentence[x.start:x.end])), None)
    if said is not None and said != ctx.year:  # "quý II/2026 ...; cộng chung 6 tháng": 2026
        mentions = find_mentions(sentence, said, ctx.now)
    brackets = _brackets(sentence)
    # a period said inside brackets ("(năm 2016 đạt 3.946,7 triệu USD)") is the bracket's own:
    # the values outside and the sentences after do not take it
    own = [x for x in mentions if not x.comparison]
    inside = {id(x): _bracket_of(x.start, brackets) for x in own}
    if not values:
        if own:  # a sentence that states a period sets it for the paragraph
            ctx.paragraph_period = own[-1].period
            ctx.year = own[-1].period.year
        return []
    folded = fold(sentence)
    frames: list[Frame] = []
    seg_start = 0
    prev: Frame | None = None
    total: Frame | None = None  # the whole a "trong đó" list gives parts of
    listing = False  # inside such a list, ";" does not end it
    sentence_period: Period | None = None
    for n, v in enumerate(values):
        pre_raw = sentence[seg_start:v.start]
        pre_f = folded[seg_start:v.start]
        nxt = values[n + 1].start if n + 1 < len(values) else len(sentence)
        tail_f = folded[v.end:nxt]
        broke = ";" in pre_f
        part_here = bool(_PART_RE.search(pre_f))
        if part_here:
            total = next((f for f in reversed(frames) if f.measure == "level"), None) \
                or ctx.whole
            listing = True
        elif broke and not listing:
            total = None
        # the period: own in the segment, else what the sentence, paragraph, heading, lead say
        here = _bracket_of(v.start, brackets)
        seg_mentions = [x for x in own if seg_start <= x.start < v.start
                        and inside[id(x)] in (None, here)]
        after_mentions = [x for x in own if v.end <= x.start < nxt
                          and inside[id(x)] in (None, here)
                          and not re.search(r"[,;]", folded[v.end:x.start])]
        # "cao hơn năm 2018 (6,84%)", "so với cuối năm 2023, khi toàn tỉnh có 138 sản phẩm":
        # a value in brackets or a "khi" clause right after a compared period is that
        # period's figure of the indicator before
        bracketed = next((x for x in mentions if x.comparison and seg_start <= x.start
                          and _AFTER_COMPARED.fullmatch(folded[x.end:v.start])), None)
        if bracketed is not None:
            period, source = bracketed.period, "own"
        elif seg_mentions:
            period, source = seg_mentions[-1].period, "own"
            if inside[id(seg_mentions[-1])] is None:
                sentence_period = period
        elif after_mentions:
            period, source = after_mentions[0].period, "own"
        elif sentence_period is not None:
            period, source = sentence_period, "sentence"
        elif later := [x for x in own if x.start >= v.end and inside[id(x)] is None
                       and x.period.kind != "day"
                       and not re.search(r"[:;]|\bdo\b|\bvi\b", folded[v.end:x.start])]:
            # "Tỷ trọng A đạt 23,71% và B đạt 50,31% trong GRDP năm 2024": said once, at the end
            # (not across ":" or ";", nor a cause "do ..." that dates an event)
            period, source = later[0].period, "sentence"
        elif ctx.paragraph_period is not None:
            period, source = ctx.paragraph_period, "paragraph"
        elif ctx.heading_period is not None:
            period, source = ctx.heading_period, "heading"
        elif ctx.lead is not None:
            period, source = ctx.lead, "document"
        else:
            period, source = None, ""
        # a comparison written before the value: "so với cùng kỳ năm trước tăng 3,41%"
        comparison = None
        cb = _COMPARISON_BEFORE.search(pre_f)
        text_pre = _strip_mentions(pre_raw, mentions, seg_start)
        if cb:
            comparison = pre_raw[cb.start(1):cb.end(1)].strip() or None
            text_pre = text_pre[:cb.start()] + " " * (cb.end(1) - cb.start()) + \
                text_pre[cb.end(1):]
        indicator = _clean_indicator(_last_clause(text_pre))
        measure, direction = _measure(v, pre_raw, pre_f, tail_f, indicator, sentence)
        if measure == "level" and v.percent and prev is not None and prev.kind == "percent" \
                and prev.measure in ("share", "plan_share") and not broke:
            measure = prev.measure  # "chiếm 23,7% và dịch vụ 50,3%": the same measure
        parent, part, basis = "", part_here, _bases(fold(text_pre))
        inherited = None
        if bracketed is not None and prev is not None:
            indicator, measure = "", prev.measure
        if not indicator and prev is not None and not part_here and \
                (not broke or cb or seg_mentions):
            indicator, parent, part = prev.indicator, prev.parent, prev.part
            basis = basis or prev.basis
            inherited = prev
            if measure == "level" and v.percent and prev.kind != "percent" \
                    and prev.measure == "level" and re.search(r"\bdat\s*$", pre_f):
                # "doanh thu 3.177 tỷ đồng (đạt 73,8%, ...)": the share of the plan
                measure, comparison = "plan_share", "kế hoạch"
        elif listing and total is not None:
            part = True
        if part and total is not None and (total is not prev or not parent):
            parent = total.indicator or total.parent
            basis = tuple(dict.fromkeys(total.basis + basis))
        if not indicator and not parent:
            parent = ctx.subject
        target = bool(_TARGET.search(_unplanned(_last_clause(text_pre)))) \
            or ctx.heading_target or bool(
            _TARGET_AFTER.match(fold(sentence[v.end:nxt]).strip()))
        if measure == "plan_share":
            target, comparison = False, "kế hoạch"
        tail_raw = sentence[v.end:nxt].lower()
        cm = (_COMPARISON_PLAIN if fold(tail_raw) == tail_raw else _COMPARISON).match(tail_raw)
        if cm and comparison is None:
            comparison = sentence[v.end + cm.start(1):v.end + cm.end(1)].strip() or None
        skip = cm.end() if cm else 0
        if measure == "plan_share":
            pm = _PLAN_TAIL.match(tail_f)
            skip = max(skip, pm.end() if pm else 0)
        detail, detail_len = _detail(sentence[v.end + skip:nxt])
        if not detail and inherited is not None:
            detail = _counted(inherited)
        if part and total is not None and not parent.endswith(_counted(total)):
            parent = " ".join(x for x in (parent, _counted(total)) if x)
        frame = Frame(
            start=base + v.start, end=base + v.end, quote=(base, base + len(sentence)),
            value=_with_words(sentence, v, pre_f), low=v.low, high=v.high, unit=v.unit,
            kind=v.kind, measure=measure, indicator=indicator, parent=parent,
            context=ctx.heading, basis=basis, period=period, period_from=source,
            comparison=comparison, estimate=bool(_ESTIMATE.search(pre_f[-24:])),
            target=target, approx=approx_before(sentence[:v.start]), part=part,
            direction=direction, detail=detail)
        frames.append(frame)
        if frame.indicator and not frame.part:
            ctx.subject = frame.indicator
            if frame.measure == "level":
                ctx.whole = frame
        prev = frame
        seg_start = v.end + skip + detail_len
    outside = [x for x in own if inside[id(x)] is None]
    if outside:
        ctx.paragraph_period = outside[-1].period
        ctx.year = outside[-1].period.year
    return frames


# "chỉ tiêu" as "indicators", not a plan: "Một số chỉ tiêu kinh tế - xã hội chủ yếu" heads the
# tables of statistics yearbooks and of UBND reports alike (folded).
_INDICATOR_LIST = re.compile(r"\bchi tieu (?=(?:kinh te|chu yeu|xa hoi|thong ke|co ban|"
                             r"tong hop)\b)")


def _unplanned(text: str) -> str:
    """``text`` folded, with what measures a result against a plan blanked ("đạt 105%
    kế hoạch", "Sở Kế hoạch và Đầu tư") and "chỉ tiêu" naming indicators ("một số chỉ tiêu
    kinh tế chủ yếu"): what is left names a target if it names a plan.
    Compared with diacritics, so "đặt mục tiêu" (sets a target) is not "đạt mục tiêu";
    text typed without any is compared folded."""
    lower = text.lower()
    if fold(lower) == lower:
        return _INDICATOR_LIST.sub(" ", _AGAINST_PLAN_FOLDED.sub(" ", lower))
    return _INDICATOR_LIST.sub(" ", fold(_AGAINST_PLAN.sub(" ", lower)))


def _brackets(text: str) -> list[tuple[int, int]]:
    """The (start, end) spans of the round brackets of ``text``, outermost, unclosed ones
    running to the end."""
    spans: list[tuple[int, int]] = []
    depth, start = 0, 0
    for i, ch in enumerate(text):
        if ch == "(":
            if depth == 0:
                start = i
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0:
                spans.append((start, i + 1))
    if depth:
        spans.append((start, len(text)))
    return spans


def _bracket_of(pos: int, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    return next((sp for sp in spans if sp[0] <= pos < sp[1]), None)


_DETAIL_END = re.compile(r"[,;.()\[\]:]|\s(?:đạt|tăng|giảm|chiếm|bằng|so với|trong đó|và|với|"
                         r"của|là|dat|tang|giam|chiem|bang|so voi|trong do|va)\s", re.IGNORECASE)
DETAIL_WORDS = 8  # words kept of what follows a value
# "12 sản phẩm đạt 4 sao": an OCOP rating qualifies what is counted, it ends nothing
_RATING = re.compile(r"\s*[1-5]\s*sao\b", re.IGNORECASE)
# a comma after one syllable, then a lower-case compound: the syllable shares its second half
# how an introductory clause begins (folded, lower case): where, when, by whose account
_INTRO = re.compile(r"\s*(?:theo|trong|tinh den|tinh chung|tinh rieng|xet|ve|rieng|den|sau|"
                    r"truoc|tu|nam|thang|quy|ngay|ngoai ra|ben canh do|nhin chung|cu the|"
                    r"nhu vay|voi|do|nho|mac du|tuy|tai|o|luy ke|cong don|so voi|con|"
                    r"dong thoi|hien nay|den nay|trao doi|phat bieu|chia se|thong tin|"
                    r"bao cao|ket qua|chieu|sang|toi)\b")


def _elided(text: str, comma: int) -> bool:
    """Whether the comma at ``comma`` joins one phrase ("xuất, nhập khẩu"): both words around
    it are syllables written once for two compounds (rag.vi.lexicon.ELIDED_SYLLABLES)."""
    before = re.search(r"([^\W\d_]+)\s*$", text[:comma])
    after = re.match(r"\s*([^\W\d_]+)", text[comma + 1:])
    return bool(before and after and before.group(1) in ELIDED_SYLLABLES
                and after.group(1) in ELIDED_SYLLABLES)


def _last_clause(text: str) -> str:
    """The clause of ``text`` (the words before a value) that names the value: what follows
    a ":" or an opening quote, and what follows the commas of introductory clauses
    ("Theo Sở Công Thương, tổng kim ngạch" -> "tổng kim ngạch"; "Trong 3 tháng đầu năm 2018,
    Công ty X có ..."); a comma inside a list ("dịch vụ lưu trú, ăn uống") or an elided
    "xuất, nhập khẩu" does not cut."""
    start = 0
    for m in re.finditer(r"[:;“\"]", text):
        if _clean_indicator(text[m.end():]):
            start = m.end()
    cut, attributed = start, False
    for i in (i for i, ch in enumerate(text) if ch == "," and i >= start):
        if _elided(text, i):
            continue
        clause = text[cut:i]
        if _clean_indicator(clause) and not _INTRO.match(fold(clause).lower()) and not (
                attributed and clause.strip()[:1].isupper()):
            break  # the named thing has begun: later commas list its parts
        # "Theo Sở Văn hóa, Thể thao và Du lịch, ...": a name goes on after "theo"
        attributed = attributed or bool(re.match(r"\s*theo\b", fold(clause).lower()))
        cut = i + 1
    return text[cut:]


def _counted(frame: Frame) -> str:
    """What a value counts: its unit and the words after it ("sản phẩm OCOP", "triệu lượt
    khách du lịch"); a percentage counts what its own detail says."""
    return " ".join(x for x in (frame.unit if frame.kind != "percent" else "", frame.detail)
                    if x)


def _detail(after: str) -> tuple[str, int]:
    """The words right after a value (its counted noun and what qualifies it): "4.126
    phương tiện [chở hàng chờ xuất khẩu]", "871 doanh nghiệp [đăng ký thành lập mới]"; and
    how many characters of ``after`` they take."""
    padded = " " + after + " "
    m = next((x for x in _DETAIL_END.finditer(padded)
              if not (x.group().strip().lower() in ("đạt", "dat")
                      and _RATING.match(padded, x.end()))), None)
    end = max(0, m.start() - 1) if m else len(after)
    if m and m.group() == "," and end < len(after) and after[end] == "," and \
            _elided(after, end) and (e := re.match(r",\s*", after[end:])):
        # "8 cuộc thanh, kiểm tra chuyên ngành": one syllable and a comma share the next
        # word's ("thanh tra, kiểm tra"; "xuất, nhập khẩu"): the phrase goes on
        rest = end + e.end()
        m2 = _DETAIL_END.search(" " + after[rest:] + " ")
        end = rest + (max(0, m2.start() - 1) if m2 else len(after) - rest)
    words = after[:end].split()
    if len(words) > DETAIL_WORDS:
        words = words[:DETAIL_WORDS]
        end = after.find(words[-1]) + len(words[-1])
    return _clean_indicator(" ".join(words), keep_digits=True), end


def _with_words(sentence: str, v: Value, pre_f: str) -> str:
    """The value as a reader quotes it: with "giảm" when the report writes the fall in words
    ("giảm 0,74%"), and with an approximation word ("khoảng 115.000 lượt")."""
    text = v.shown
    approx = approx_before(sentence[:v.start])
    if approx:
        text = f"{approx} {text}"
    if _DOWN_END.search(pre_f) and v.low >= 0:
        text = f"giảm {text}"
    return text


def _measure(v: Value, pre_raw: str, pre_f: str, tail_f: str, indicator: str, sentence: str
             ) -> tuple[str, int]:
    """(measure, direction) of a value from the words around it."""
    ind = fold(indicator)
    if _RANK_END.search(pre_raw.lower()):
        return "rank", 0  # "xếp thứ 4/14"; a bare "12/13 sản phẩm" is a count of a total
    if v.percent and _PLAN_AFTER.match(tail_f):
        return "plan_share", 0
    if _SHARE_END.search(pre_f) or (v.percent and re.search(r"\bty trong\b", ind)):
        return "share", 0
    if _CHANGE_END.search(pre_f):
        down = bool(_DOWN_END.search(pre_f)) or v.low < 0
        return "change", -1 if down else 1
    if v.low < 0 and (v.percent or not v.unit):
        return "change", -1
    if v.percent and _GROWTH_WORDS.search(ind):
        return "change", 1
    if not v.percent and not v.unit and 50 < v.low < 300 and _INDEX_BASE.search(sentence):
        return "index", 0
    if v.percent and _EQUAL_END.search(pre_f) and re.match(r"^\s*so voi", tail_f):
        return "index", 0
    return "level", 0


# --- tables --------------------------------------------------------------------------------


def _table_row(line: str, base: int, ctx: _Context) -> list[Frame]:
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
        elif _INDEX_BASE.search(head) or _INDEX_BASE.search(indicator):
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
            context=ctx.heading, basis=_bases(fold(indicator + " " + head)), period=period,
            period_from="own" if header[k][1] is not None else "heading", target=target,
            direction=direction))
    return frames
