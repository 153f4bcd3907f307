"""Which X rose most / is lowest, from prose: the item a clause of a report states as the end
of a ranking asked ("nhóm hàng nào có chỉ số giá tăng cao nhất?" of "..., nhóm nhà ở, điện
nước, chất đốt và vật liệu xây dựng tăng cao nhất với 1,24%"), answered with its figure.

Issue 17 (break-tests bt25-b17 Q16/Q36, bt23-b17 Q21/Q34): such questions came back as the
whole sentence with no figure, and a sentence naming both ends ("nhóm lương thực ... cao nhất
với 1.986,3 tỷ đồng; nhóm vật phẩm văn hóa, giáo dục thấp nhất với 96,4 tỷ đồng") could be
led by the other end.  rag.answer.table_extremes answers tables and breakdowns of a total;
this module answers the single clauses "X tăng cao nhất với N%", "trong đó nhóm X tăng mạnh
nhất (N%)", "thấp nhất là Y với N", "Y dẫn đầu về ... với N", and -- when no clause of a list
states the end -- compares the figures of the list's items.  The end asked is never
inverted: "giảm mạnh nhất" asks the largest fall (a falling figure stated "mạnh nhất").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rag.answer.extremes import (
    AMONG_LISTED,
    EXTREME_WORDS,
    MOST,
    TIME_KINDS,
    end_statement_start,
    extremes_named,
    selection_listed,
    time_ends_only,
    unit_fits_end,
    without_end_phrases,
)
from rag.answer.table_extremes import RESIDUAL_LABEL, asked_kind
from rag.records import Hit
from rag.vi.calendar import Period
from rag.vi.frames import Frame
from rag.vi.frames.rankings import opens_breakdown
from rag.vi.lexicon import PLACE_KINDS
from rag.vi.text import fold
from rag.vi.words import is_two_syllable_word

_WORD_RE = re.compile(r"[a-z0-9]+")
# what ends the clause a figure stands in, before it and after it (brackets do not: "nhóm
# giao thông tăng cao nhất (1,42%)", "lớn nhất là linh kiện điện tử (mã HS 8542) với ...")
_CLAUSE_BREAK_RE = re.compile(r"[;,.:\n]")
# question words that name no indicator, nor the direction asked ("tăng", "giảm")
_NOT_ASKED_WORDS = frozenset({"co", "la", "nao", "dat", "o", "tai", "cua", "tren", "dia", "ban",
                              "tinh", "toan", "so", "voi", "trong", "nam", "thang", "quy",
                              "tang", "giam", "truong", "muc", "ve", "the", "hien", "nay"})
# verbs and links an item's name is written with in a frame's indicator ("cửa khẩu quốc tế
# Phú Mẫn đạt", "Trung Quốc là thị trường"): cut from the name shown
# -- and the verb of the item a ranking puts first ("Huyện Cao Lộc dẫn đầu với 41 sản phẩm",
# "Trung Quốc đứng đầu với ..."; bt17b), its place said by the answer's own words
_NAME_TAIL_RE = re.compile(r"\s+(?:đạt|có|tăng|giảm|chiếm|ước đạt|ước|với|là|dẫn đầu|đứng đầu)$",
                           re.IGNORECASE)
# what opens a list after its lead ("Các điểm đông khách nhất gồm ...", "bao gồm: ...")
_LIST_LEAD_RE = re.compile(r"\s+(?:bao )?gồm:?\s+", re.IGNORECASE)
# the items of a list compared when no clause states the end: at least this many
_LIST_MIN = 3


@dataclass(frozen=True)
class ProseEnd:
    """The item answering a "which X ... nhất" question from prose: ``doc`` its document,
    ``frame`` its figure, ``name`` the item as written ("Thị trường EU"), ``held`` the share
    (0..1) of the question's indicator words its paragraph holds, ``stated`` True when a
    clause states the end, False when it was found by comparing the list's figures."""

    doc: str
    frame: Frame
    name: str
    held: float
    stated: bool
    whole: bool = True  # its period ends when the asked one does (False: part of it)
    # compared within a list its lead says gives only some items ("một số mặt hàng chính:
    # ..."): the end of those listed, said so (rag.answer.extremes.selection_listed)
    among: bool = False


def asked_direction(folded_question: str) -> int:
    """+1 when a folded question asks a rise ("tăng", "tăng trưởng"), -1 a fall ("giảm"), 0
    neither or both (a level: "đạt kim ngạch thấp nhất")."""
    words = set(_WORD_RE.findall(folded_question))
    rise, fall = "tang" in words, "giam" in words
    return 0 if rise == fall else (1 if rise else -1)


# an apposition after a comma that states the end of the clause before it, and nothing else:
# "huyện Văn Lãng có 12 sản phẩm, ít nhất toàn tỉnh", "..., cao nhất trong 11 huyện, thành
# phố", "..., đứng đầu cả nước", "..., là huyện có ít sản phẩm nhất" (folded) -- the reports'
# way of ranking an item in passing (bt17b: "ít nhất toàn tỉnh" was cut off its clause by
# the comma, and "huyện nào có ít sản phẩm OCOP nhất?" refused at 1.0); its first words are
# the end's own (a degree word, "dẫn/đứng/xếp đầu/cuối") or "là", and it holds no figure but
# the number of a scope ("trong 11 huyện")
_END_APPOSITION_RE = re.compile(
    r"\s*(?:(?:va |cung )?la |(?:dan|dung|xep|cuoi|bet) |(?:nhieu|cao|lon|manh|nhanh|it|thap|"
    r"nho|cham|kem)(?: \w+){0,5} nhat\b)")
_SCOPE_NUMBER_RE = re.compile(r"\b(?:trong|cua|tren) (?:so |tong so )?\d+ \w+")
_APPOSITION_MAX_WORDS = 9


def _end_apposition(text: str, at: int, stop: int) -> int:
    """The end of the apposition stating a ranking's end (:data:`_END_APPOSITION_RE`) that
    follows the comma at ``text[at]``, before ``stop``; ``at`` when there is none."""
    if text[at] != ",":
        return at
    nxt = _CLAUSE_BREAK_RE.search(text, at + 1, stop)
    end = nxt.start() if nxt else stop
    folded = fold(text[at + 1:end]).lower()
    if len(folded.split()) > _APPOSITION_MAX_WORDS or \
            not _END_APPOSITION_RE.match(folded) or not extremes_named(folded) or \
            re.search(r"\d", _SCOPE_NUMBER_RE.sub(" ", folded)):
        return at
    return end


def clause_around(text: str, frame: Frame) -> tuple[str, str]:
    """(lead, tail): the words of ``frame``'s clause in ``text`` before its value and after
    it, within its sentence (``frame.quote``), cut at ";", ",", ".", ":" or a line end
    (a bracket is no cut: "tăng cao nhất (1,42%)"); an apposition after a comma stating the
    clause's end ("có 12 sản phẩm, ít nhất toàn tỉnh": :data:`_END_APPOSITION_RE`) is of
    the tail."""
    q0, q1 = frame.quote
    lo = max((m.end() for m in _CLAUSE_BREAK_RE.finditer(text, q0, frame.start)), default=q0)
    nxt = _CLAUSE_BREAK_RE.search(text, frame.end, q1)
    hi = _end_apposition(text, nxt.start(), q1) if nxt else q1
    return text[lo:frame.start], text[frame.end:hi]


# "<what the list counts> tại <place>": the indicator rag.vi.frames.sentence gives each item
# of a list of places ("Kim ngạch theo từng cửa khẩu tại cửa khẩu Cốc Nam"), folded; the
# place (group 1) opens with a kind of place ("cửa khẩu", "ga", "huyện", "chợ")
_AT_PLACE_RE = re.compile(
    r".*?\s(?:tai|o)\s+((?:" + "|".join(re.escape(k) for k in (*PLACE_KINDS, "ga", "cho"))
    + r")\s.+)$")


def at_place(indicator: str, kind: tuple[str, ...]) -> str:
    """The place an ``indicator`` "<what> tại <place>" is of, as written ("cửa khẩu Cốc Nam"
    of "Kim ngạch theo từng cửa khẩu tại cửa khẩu Cốc Nam"), when the kind asked (``kind``,
    folded words: rag.answer.table_extremes.asked_kind) is a kind of place or the place
    opens with it; else ``indicator``.  The item of a which-place question is the place,
    never the list's lead-in: "cửa khẩu nào có kim ngạch nhỏ nhất" was answered "ga đường
    sắt quốc tế Đồng Đăng tại cửa khẩu Cốc Nam" (break-test bt22b, session 50)."""
    m = _AT_PLACE_RE.match(fold(indicator).lower())
    joined = " ".join(kind)
    if m is None or not (joined in PLACE_KINDS or m.group(1).startswith(joined + " ")):
        return indicator
    return indicator[m.start(1):].strip()


def item_name(frame: Frame, kind: tuple[str, ...], asked: frozenset[str] = frozenset()) -> str:
    """The item ``frame`` is of, as its indicator writes it, without the verb or link that
    leads to the value ("Trung Quốc" of "Trung Quốc là thị trường"; "linh kiện điện tử" of
    "Mặt hàng nhập khẩu lớn nhất là linh kiện điện tử"), nor the words of the question's
    indicator written after it (``asked``, folded: "Hàn Quốc" of "Hàn Quốc vốn đăng ký cấp")."""
    name = at_place(frame.indicator.strip(), kind)
    listed = _LIST_LEAD_RE.split(name, maxsplit=1)
    if len(listed) == 2 and extremes_named(fold(listed[0]).lower()):
        # "Các điểm đông khách nhất gồm chùa Tam Thanh": the list's lead states the end
        name = listed[1]
    if " là " in name:
        left, right = name.split(" là ", 1)
        joined = " ".join(kind)
        holds = re.compile(r"\b" + re.escape(joined) + r"\b")
        right_kind = bool(holds.search(fold(right).lower())) and not right.strip()[:1].isupper()
        name = left if right_kind or extremes_named(fold(right).lower()) else right
        if extremes_named(fold(left).lower()) and not right_kind:
            name = right
    ranked = end_statement_start(fold(name).lower())
    if ranked and re.search(r"[^\W\d]", name[:ranked]):
        # "chùa Bản Vẽ ít khách nhất trong các điểm": the name, not its rank (folding keeps
        # offsets)
        name = name[:ranked].rstrip(" ,")
    prev = None
    while prev != name:
        prev, name = name, _NAME_TAIL_RE.sub("", name).strip()
        # the indicator asked, written after the item ("Hàn Quốc vốn đăng ký cấp"): no name
        # -- a term at a time: a last syllable that makes one word with the one before it
        # goes only with it ("trọng điểm", key point: never "các điểm trọng" for a question
        # asking "điểm"; "vốn đăng ký" goes whole when both are asked; issue 17 bt17c #76)
        words = name.split()
        while len(words) > 1 and fold(words[-1]).lower() in asked:
            if len(words) > 2 and is_two_syllable_word(words[-2], words[-1]):
                if fold(words[-2]).lower() not in asked:
                    break
                words.pop()
            words.pop()
        name = " ".join(words)
    return name


def clause_name(text: str, frame: Frame) -> str:
    """The item ``frame`` is of as its clause writes it before the value, without the verb
    or link leading to it (:data:`_NAME_TAIL_RE`): "Trung Quốc" of "...: Trung Quốc đạt
    210,4 triệu USD" -- for an item whose frame names none (a country or a province alone
    reads as where a figure stands, rag.vi.frames.indicators.is_place); "" when the clause
    has no word before the value."""
    lead, _ = clause_around(text, frame)
    prev, name = None, lead.strip(" -–—")
    while prev != name:
        prev, name = name, _NAME_TAIL_RE.sub("", name).strip(" -–—")
    return name if re.search(r"[^\W\d]", name) else ""


def name_as_written(name: str, sentence: str) -> str:
    """``name`` as ``sentence`` writes it, with the commas a frame's indicator drops ("nhóm
    nhà ở, điện nước, chất đốt và vật liệu xây dựng"); ``name`` when the sentence has no
    such run."""
    words = name.split()
    if not words:
        return name
    m = re.search(r"[\s,]+".join(re.escape(w) for w in words), sentence, re.IGNORECASE)
    return m.group(0) if m else name


def _fits_period(frame: Frame, periods: Sequence[Period]) -> bool:
    """Whether ``frame``'s period answers one of the asked ``periods`` (none asked: any):
    the same period, one ending when it does (a month's figure read with the months to
    date of its sentence ends with that month), or a part of it (:func:`_covers` tells)."""
    if not periods:
        return True
    p = frame.period
    return p is not None and any(p.end == a.end or a.start <= p.start <= p.end <= a.end
                                 for a in periods)


def _covers(frame: Frame, periods: Sequence[Period]) -> bool:
    """Whether ``frame``'s period ends when an asked one does (or none is asked): False for
    a figure of part of the asked period ("tính đến 20/6" of a year asked)."""
    return not periods or (frame.period is not None
                           and any(frame.period.end == a.end for a in periods))


def _fits_measure(frame: Frame, direction: int, change: bool) -> bool:
    """Whether ``frame`` is the kind of figure asked: a change going the asked way
    (``direction``; 0 either) when ``change``, otherwise no change (a level, a share)."""
    if frame.target or frame.low is None or frame.correction == "withdrawn":
        return False
    if not change:
        return frame.measure != "change"
    return frame.measure == "change" and (direction == 0 or frame.direction == direction)


def _indicator_words(folded_question: str, kind: tuple[str, ...]) -> set[str]:
    """The folded words of a which-question that name its indicator: neither the kind
    asked, the end, the direction, nor a number or a question word."""
    words = _WORD_RE.findall(without_end_phrases(folded_question))
    return {w for w in words if w not in EXTREME_WORDS and w not in _NOT_ASKED_WORDS
            and w not in kind and not w.isdigit()}


def _paragraph(text: str, frame: Frame) -> str:
    """The folded text of ``frame``'s paragraph up to the end of its sentence, with its
    heading (``frame.context``): where a list says what its items are and of what."""
    q0, q1 = frame.quote
    start = text.rfind("\n", 0, max(q0 - 1, 0)) + 1
    return fold(f"{frame.context} {text[start:q1]}").lower()


def _heads_top_list(lead: str, end: str) -> bool:
    """Whether the clause lead ``lead`` opens a list of the top (or bottom) items with the
    end ``end`` stated before "gồm" ("Các điểm đông khách nhất gồm chùa Tam Thanh"): the
    statement is the whole list's, not its first item's."""
    parts = _LIST_LEAD_RE.split(lead, maxsplit=1)
    return len(parts) == 2 and set(extremes_named(fold(parts[0]).lower())) == {end}


def _at_end_of(frame: Frame, frames: Sequence[Frame], end: str, change: bool) -> bool:
    """Whether ``frame`` alone holds the end ``end`` of the values of ``frames``."""
    values = [abs(g.low) if change else g.low for g in frames if g.low is not None]
    own = abs(frame.low) if change and frame.low is not None else frame.low
    if own is None or not values:
        return False
    at_end = max(values) if end == MOST else min(values)
    return own == at_end and values.count(own) == 1


# a preposition after a total's noun, opening where or whose it is (folded): "lượng trái cây
# xuất khẩu [qua các cửa khẩu]", "doanh thu [của các doanh nghiệp]"
_WHERE_AFTER = re.compile(r"\s(?:qua|tai|o|tren|cua|tu|den|trong|thuoc)\s")


def _names_kind(names: Sequence[str], kind: tuple[str, ...], sentence: str) -> bool:
    """Whether items ``names`` of a list in the folded ``sentence`` are of the asked
    ``kind``: the sentence names the kind ("Xét theo cửa khẩu, ...", "Thị trường ... chủ
    yếu:") or half the names or more start with it -- as
    rag.answer.table_extremes does for a breakdown's items."""
    joined = " ".join(kind)
    if re.search(r"\b" + re.escape(joined) + r"\b", sentence):
        return True
    return 2 * sum(fold(n).lower().startswith(joined + " ") for n in names) >= len(names)


def prose_end(folded_question: str, end: str, periods: Sequence[Period], hits: list[Hit],
              frames_of: Callable[[str], list[Frame]],
              texts: Callable[[str], str]) -> ProseEnd | None:
    """The item of the documents of ``hits`` (best first) at the end ``end``
    (rag.answer.extremes.MOST or FEWEST) a which-question asks, from prose, or None.

    ``folded_question``: the question folded, lower case; ``periods``: the periods it asks
    (none: any).  A figure answers when (a) it is the kind asked: a change going the asked
    way when the question says "tăng"/"giảm" (:func:`asked_direction`), else no change;
    (b) its clause (:func:`clause_around`) states exactly the asked end and no other figure
    stands between that statement and it; (c) its paragraph names the kind of item asked
    (rag.answer.table_extremes.asked_kind) or holds half the question's indicator words or
    more.  When no clause states the end, a list of :data:`_LIST_MIN` items or more in one
    sentence -- figures of one measure, unit and period, each of its own item, no clause of
    it stating an end (a ranking names its top items, not all) -- is compared.
    Of the answers, one whose period ends when the asked one does, then the one whose
    paragraph holds most indicator words, then the latest period, then the earliest hit."""
    kind = asked_kind(folded_question)
    if not kind:
        return None
    direction = asked_direction(folded_question)
    change = direction != 0
    indicator = _indicator_words(folded_question, kind)
    kind_re = re.compile(r"\b" + re.escape(" ".join(kind)) + r"\b")
    found: list[tuple[tuple[bool, bool, float, str, int], ProseEnd]] = []
    listed: list[tuple[tuple[bool, bool, float, str, int], ProseEnd]] = []
    docs = list(dict.fromkeys(h.chunk.doc_id for h in hits))
    for rank, doc in enumerate(docs):
        text = texts(doc)
        frames = frames_of(doc)
        by_quote: dict[tuple[int, int], list[Frame]] = {}
        for f in frames:
            by_quote.setdefault(f.quote, []).append(f)
        # the stretches after a figure that state its end ("..., thấp nhất trong 11 huyện"):
        # a number there is the ranking's scope, no item of it
        tails = [(g.end, g.end + len(clause_around(text, g)[1])) for g in frames]
        for f in frames:
            if not _fits_measure(f, direction, change) or not _fits_period(f, periods) or \
                    not unit_fits_end(folded_question, f.unit, change):
                continue
            if any(a < f.start < b for a, b in tails):
                continue
            around = _paragraph(text, f)
            held = len(indicator & set(_WORD_RE.findall(around))) / len(indicator) \
                if indicator else 1.0
            if not kind_re.search(around) and (len(indicator) < 2 or 2 * held < 1):
                continue
            name = name_as_written(item_name(f, kind, frozenset(indicator))
                                   or clause_name(text, f), text[f.quote[0]:f.quote[1]])
            if not name or not re.search(r"\w", name):
                continue
            named_kind = next((k for k in PLACE_KINDS
                               if fold(name).lower().startswith(k + " ")), None)
            if named_kind not in (None, " ".join(kind)) and not kind_re.search(around):
                # "cửa khẩu Pò Mã ... đứng đầu" is no answer to "nông sản nào ..." in a
                # paragraph naming no produce (as rag.answer.table_extremes._rows_of_kind)
                continue
            period_end = f.period.end.isoformat() if f.period else ""
            # an item of the kind asked first: "thị trường nào ..." is answered by a list of
            # markets before a gate stated "đứng đầu" in a paragraph naming no market
            key = (bool(kind_re.search(around)), _covers(f, periods), held, period_end, -rank)
            lead, tail = clause_around(text, f)
            lead_at = f.start - len(lead)
            between = any(lead_at <= g.start < f.start for g in by_quote[f.quote])
            clause = fold(lead + " " + tail).lower()
            stated = set(extremes_named(clause))
            if stated and time_ends_only(clause) and kind[0] not in TIME_KINDS:
                continue  # "..., là ngày đông khách nhất": a day's end, no item of the kind
            siblings = [g for g in by_quote[f.quote]
                        if _fits_measure(g, direction, change) and g.unit == f.unit
                        and g.measure == f.measure and g.period == f.period
                        and g.comparison == f.comparison]
            if stated == {end} and not between:
                if _heads_top_list(lead, end) and not _at_end_of(
                        f, [g for g in siblings if set(extremes_named(fold(" ".join(
                            clause_around(text, g))).lower())) <= {end}], end, change):
                    continue  # "Các điểm đông khách nhất gồm A (n), B (n)": the list's end
                found.append((key, ProseEnd(doc, f, name, held, True, _covers(f, periods))))
                continue
            if stated:
                continue  # states the other end, or both
            # a total listed with its parts ("tổng ... 6.215; trong đó xuất khẩu 2.480, nhập
            # khẩu 3.735"; "còn 4.350 xe, trong đó cửa khẩu A còn 2.900 xe"): the parts are
            # the items, the total none of them (rag.vi.frames.rankings: part, parent)
            parents = {g.parent for g in siblings if g.part and g.parent}
            siblings = [g for g in siblings
                        if not any(p == g.indicator or p.startswith(g.indicator + " ")
                                   for p in parents)]
            if f not in siblings:
                continue
            # "Các điểm đông khách nhất gồm A (n), B (n), C (n)": the list's lead states
            # the end asked, and its items (not those stated another end) are compared
            top_list = any(_heads_top_list(clause_around(text, g)[0], end) for g in siblings)
            if top_list:
                siblings = [g for g in siblings if set(extremes_named(fold(" ".join(
                    clause_around(text, g))).lower())) <= {end}]
            names = [item_name(g, kind, frozenset(indicator)) or clause_name(text, g)
                     for g in siblings]
            # "các loại quả khác", "còn lại": the rest lumped together is no item of the list
            # (break-test bt20c: "ít nhất" answered "các loại quả khác")
            kept = [k for k, n in enumerate(names) if not RESIDUAL_LABEL.search(fold(n).lower())]
            if f not in [siblings[k] for k in kept]:
                continue
            siblings, names = [siblings[k] for k in kept], [names[k] for k in kept]
            if len(siblings) < (2 if top_list else _LIST_MIN) or len(set(names)) != len(names):
                continue
            # the parts of a total ("Trong đó, sầu riêng đạt ...; thanh long ...") are of the
            # kind their total names ("lượng trái cây xuất khẩu"), said in the sentence before
            # -- before a preposition: "qua các cửa khẩu" says where, no kind of the parts
            wholes = " ".join(dict.fromkeys(_WHERE_AFTER.split(fold(g.parent).lower())[0]
                                            for g in siblings if g.part and g.parent))
            if not _names_kind(names, kind, fold(f"{text[f.quote[0]:f.quote[1]]} {wholes}")
                               .lower()):
                continue  # "xuất khẩu", "nhập khẩu" are no gates (bt17c #34/#35)
            if not top_list and not opens_breakdown(text[f.quote[0]:f.quote[1]]) and \
                    any(extremes_named(fold(" ".join(clause_around(text, g))).lower())
                        for g in by_quote[f.quote]):
                # a ranking stating an end ("Trung Quốc là thị trường lớn nhất ...; tiếp đến
                # ...; Nhật Bản đứng thứ ba"): its top items, never all -- no other end; a
                # breakdown ("Xét theo cửa khẩu, A dẫn đầu với ...; B đạt ...; C đạt ...")
                # gives each item of its dimension, its last end among them
                continue
            values = sorted(abs(g.low) if change else g.low for g in siblings)
            own = abs(f.low) if change else f.low
            at_end = values[-1] if end == MOST else values[0]
            if own == at_end and values.count(own) == 1:
                first = min(g.start for g in siblings)
                among = selection_listed(fold(text[f.quote[0]:first]).lower(), end)
                listed.append((key, ProseEnd(doc, f, name, held, top_list,
                                             _covers(f, periods), among)))
    # a clause stating the end before a list compared, of the kind asked before either
    pool = [((k[0], True, *k[1:]), e) for k, e in found] + \
        [((k[0], False, *k[1:]), e) for k, e in listed]
    if not pool:
        return None
    pool.sort(key=lambda c: c[0], reverse=True)
    if len(pool) > 1 and pool[0][0] == pool[1][0] and pool[0][1].name != pool[1][1].name:
        return None  # two items of the same standing: no one end to name
    return pool[0][1]


def end_answer_text(found: ProseEnd) -> str:
    """The answer shown: "<item>: <figure> (<period>)" -- a change with its direction
    ("Thị trường EU: tăng 32,7% (9 tháng năm 2078)")."""
    f = found.frame
    value = f.value
    if f.measure == "change" and not value[:1].isalpha():
        value = ("tăng " if f.direction > 0 else "giảm " if f.direction < 0 else "") + value
    period = f" ({f.period.label})" if f.period is not None else ""
    return f"{found.name}: {value}{period}" + (AMONG_LISTED if found.among else "")
