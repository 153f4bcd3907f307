"""Which row of a table of parts holds the most (or the fewest) of the asked column:
"huyện nào có nhiều hợp tác xã nhất?" over a table whose rows are districts and one of whose
columns is "Số hợp tác xã" -> the row with the largest value, its value beside its name.

Issue 17 brief wd2 (after branch wd, bt21-b17 failure 8): such a table was answered with its
caption sentence ("Số hợp tác xã theo từng huyện như sau:") at ~0.4.  Tables come as lines
in rag.ingest.tables' form ("Số hợp tác xã — Huyện Yên Minh: 145 (năm 2066)"), each read as
one frame (rag.vi.frames.tables.table_line_frames).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rag.answer.extremes import (
    EXTREME_WORDS,
    MOST,
    selection_listed,
    unit_fits_end,
    without_end_phrases,
)
from rag.records import Hit
from rag.vi.calendar import Period
from rag.vi.frames import Frame
from rag.vi.frames.tables import table_line_head
from rag.vi.lexicon import PLACE_KINDS, is_total_label
from rag.vi.mentions import find_mentions
from rag.vi.text import fold

_FOLDED_WORD_RE = re.compile(r"[a-z0-9]+")
# the kind of item asked: the one or two words before "nào" ("cửa khẩu nào", "huyện nào")
_KIND_ASKED_RE = re.compile(r"(?:(\w+)\s+)?(\w+)\s+nao\b")
# question words that name no indicator ("có", "là", "nào", "đạt", "trên địa bàn")
_NOT_INDICATOR = frozenset({"co", "la", "nao", "dat", "o", "tai", "cua", "tren", "dia", "ban",
                            "tinh", "toan", "so", "voi", "trong", "nam", "thang", "quy"})


@dataclass(frozen=True)
class TableEnd:
    """The row answering a "which X ... nhất" question: ``doc`` the document, ``frame`` its
    cell of the asked column, ``label`` the row's name as written ("Huyện Mèo Vạc"),
    ``held`` the share (0..1) of the question's indicator words that the column's header,
    the table's heading and its caption hold."""

    doc: str
    frame: Frame
    label: str
    held: float
    head: str = ""  # what the value is of, when no table line says it (a breakdown's total)
    # the rows a caption or lead gives as only some of their kind ("một số mặt hàng chính:
    # ..."): the end of those listed (rag.answer.extremes.selection_listed)
    among: bool = False


def row_label(frame: Frame, text: str) -> str:
    """The row label of ``frame``'s table line in rag.ingest.tables' form ("Thủy điện" of
    "6 tháng cuối năm — Sản lượng điện › Thủy điện: 388,1 triệu kWh (...)": the part after
    the last "›"), "" when its line (in the document's ``text``) is no table line."""
    q0, q1 = frame.quote
    head = table_line_head(text[q0:q1])
    colon = text.rfind(":", q0, frame.start)
    if not head or colon < 0:
        return ""
    return text[q0 + len(head):colon].lstrip(" —").rsplit("›", 1)[-1].strip()


def asked_kind(folded_question: str) -> tuple[str, ...]:
    """The kind of item a "which X" question asks, folded words: ("cua", "khau") of "cửa
    khẩu nào ...", ("huyen",) of "huyện nào ..." (a place kind of one word keeps one);
    () when the question has no "nào"."""
    m = _KIND_ASKED_RE.search(folded_question)
    if m is None:
        return ()
    first, second = m.group(1), m.group(2)
    if first and f"{first} {second}" in PLACE_KINDS:
        return (first, second)
    if second in PLACE_KINDS or not first:
        return (second,)
    return (first, second)


def period_header(head: str) -> bool:
    """Whether a table column's ``head`` is a period alone ("Năm 2069", "6 tháng đầu năm
    2066", "Quý I/2065"): a column that names no indicator, its table measuring one thing
    its caption or heading names.  Break-test bt22b, session 50: "cửa khẩu nào có kim ngạch
    lớn nhất năm 2069" over "Kim ngạch theo cửa khẩu năm 2069 (triệu USD):" and a table
    "Cửa khẩu | Năm 2068 | Năm 2069 | Tăng/giảm (%)" was refused at 1.0 -- its columns'
    headers held none of the question's words."""
    head = head.strip()
    found = [m for m in find_mentions(head, None) if not m.comparison]
    return len(found) == 1 and found[0].start == 0 and found[0].end == len(head)


def _caption(text: str, first_line_start: int) -> str:
    """The sentence before a table's first line in ``text`` (its caption), folded."""
    before = text[:first_line_start].rstrip()
    cut = max(before.rfind("\n", 0, len(before) - 1), before.rfind(". ", 0, len(before) - 1))
    return fold(before[cut + 1:]).lower()


def _rows_of_kind(labels: Sequence[str], kind: tuple[str, ...], caption: str) -> bool:
    """Whether rows labelled ``labels`` are items of ``kind``: each label starts with the
    kind ("Huyện Mèo Vạc" for "huyện"), or -- none starting with a place kind -- the
    caption names the kind ("Kim ngạch một số mặt hàng xuất khẩu chủ yếu:")."""
    joined = " ".join(kind)
    folded = [fold(label).lower() for label in labels]
    if all(f.startswith(joined + " ") for f in folded):
        return True
    if any(f.startswith(k + " ") for f in folded for k in PLACE_KINDS):
        return False
    return re.search(r"\b" + re.escape(joined) + r"\b", caption) is not None


def _breakdown_quote(frames: Sequence[Frame], frame: Frame) -> bool:
    """Whether ``frame`` is one item of a breakdown (rag.vi.frames.rankings.ranked_items):
    two parts or more of the document's ``frames`` stand in its sentence, of its total."""
    return sum(f.quote == frame.quote and f.part and f.parent == frame.parent
               for f in frames) >= 2


def _items_of_kind(labels: Sequence[str], kind: tuple[str, ...], sentence: str) -> bool:
    """Whether the items ``labels`` of a breakdown sentence (``sentence``, folded) are of
    ``kind``: the sentence names the kind ("Xét theo cửa khẩu, ..."), or half the labels or
    more start with it ("cửa khẩu chính Bản Lìm", "cửa khẩu phụ Nà Pò", "lối mở Khuổi Tát")."""
    joined = " ".join(kind)
    if re.search(r"\b" + re.escape(joined) + r"\b", sentence):
        return True
    return 2 * sum(fold(x).lower().startswith(joined + " ") for x in labels) >= len(labels)


# a row or item that lumps the rest together (folded, lower case): "các loại quả khác", "Các
# huyện khác", "hàng hóa khác", "Còn lại"
RESIDUAL_LABEL = re.compile(r"(?:^|\s)(?:khac|con lai)$")


def table_end(folded_question: str, end: str, periods: Sequence[Period], hits: list[Hit],
              frames_of: Callable[[str], list[Frame]],
              texts: Callable[[str], str]) -> TableEnd | None:
    """The row of a table of parts in the documents of ``hits`` holding the end ``end``
    (rag.answer.extremes.MOST or FEWEST) of the column the question asks, or None.

    ``folded_question``: the question folded (lower case); ``periods``: the periods it asks
    (empty: any, the latest a column holds).  A column is a table's header with its period,
    unit and measure; it answers when (a) two rows or more hold a value once those labelled
    as a total are left out (rag.vi.lexicon.is_total_label, "Tổng ..."); (b) its rows are
    the kind asked (:func:`asked_kind`, :func:`_rows_of_kind`); (c) its header holds one of
    the question's indicator words and header, heading and caption together most of them.
    Of the columns answering, the one whose header holds the indicator's first word ("doanh
    thu hợp tác xã": "Doanh thu", not "Số hợp tác xã"), then most of its words; the same
    column for several periods, none asked: the latest.  A tie left between columns, or
    between the two rows at the end, gives None (no end to name)."""
    kind = asked_kind(folded_question)
    words = _FOLDED_WORD_RE.findall(without_end_phrases(folded_question))
    ordered = [w for w in words if w not in EXTREME_WORDS and w not in _NOT_INDICATOR
               and w not in kind and not w.isdigit()]
    indicator = set(ordered)
    if not kind or not indicator:
        return None
    # the indicator's head word comes first: "doanh thu hợp tác xã" is a revenue (column
    # "Doanh thu"), not a count of cooperatives (column "Số hợp tác xã")
    lead = ordered[0]
    columns: dict[tuple[str, str, str, str, str, str], list[tuple[Frame, str]]] = {}
    docs = list(dict.fromkeys(h.chunk.doc_id for h in hits))
    for doc in docs:
        text = texts(doc)
        doc_frames = frames_of(doc)
        for f in doc_frames:
            if f.target or f.low is None or \
                    not unit_fits_end(folded_question, f.unit, f.measure == "change"):
                continue
            label = row_label(f, text)
            head = table_line_head(text[f.quote[0]:f.quote[1]])
            if not label and f.part and f.parent and f.measure == "level":
                # an item of a breakdown in prose (rag.vi.frames.rankings): its name, and
                # the total it is a part of as its column (issue 17 bt23-b17 failure 5)
                label, head = f.indicator, f.parent
                if not _breakdown_quote(doc_frames, f):
                    continue
            if not label:
                continue
            period = f.period.label if f.period else ""
            columns.setdefault((doc, head, f.context, period, f.unit, f.measure),
                               []).append((f, label))
    ranked: list[tuple[tuple[bool, int, float], list[tuple[Frame, str]], str, str]] = []
    for (doc, head, context, _, _, _), rows in columns.items():
        if len({label for _, label in rows}) != len(rows) or len(rows) < 2:
            continue
        if periods and not any(f.period is not None and f.period.start == p.start
                               and f.period.end == p.end for f, _ in rows[:1] for p in periods):
            continue
        # a total row ("Tổng cộng", "Toàn tỉnh") is no part: never the end of the parts
        rows = [(f, x) for f, x in rows if not (is_total_label(fold(x).lower().strip(" :."))
                                                or re.match(r"tong\b", fold(x).lower()))]
        # nor is the rest lumped together ("Các huyện khác", "các loại quả khác", "Còn lại":
        # break-test bt20c, session 49, "ít nhất" answered "các loại quả khác")
        rows = [(f, x) for f, x in rows if not RESIDUAL_LABEL.search(fold(x).lower().strip(" :."))]
        if len(rows) < 2:
            continue
        labels = [label for _, label in rows]
        text = texts(doc)
        prose = not row_label(rows[0][0], text)
        caption = fold(text[rows[0][0].quote[0]:rows[0][0].quote[1]]).lower() if prose \
            else _caption(text, min(f.quote[0] for f, _ in rows))
        if not (_items_of_kind(labels, kind, caption) if prose
                else _rows_of_kind(labels, kind, caption)):
            continue
        # a column headed by its period alone ("Năm 2069" of "Cửa khẩu | Năm 2068 | Năm 2069")
        # measures what the table's heading or caption names ("Kim ngạch theo cửa khẩu năm
        # 2069 (triệu USD):"): those words are its header's
        said_head = f"{head} {context} {caption}" if period_header(head) else head
        in_head = indicator & set(_FOLDED_WORD_RE.findall(fold(said_head).lower()))
        around = indicator & set(_FOLDED_WORD_RE.findall(
            f"{fold(head)} {fold(context)} {caption}".lower()))
        if not in_head or 2 * len(around) < len(indicator) + 1:
            continue
        lead_words = fold(text[rows[0][0].quote[0]:min(f.start for f, _ in rows)]).lower() \
            if prose else caption
        ranked.append(((lead in in_head, len(in_head), len(around) / len(indicator)), rows, doc,
                       lead_words))
    if not ranked:
        return None
    ranked.sort(key=lambda r: r[0], reverse=True)
    if len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
        # the same column for several periods (none asked): the latest; else no one column
        tied = [r for r in ranked if r[0] == ranked[0][0]]
        ends = [r[1][0][0].period.end if r[1][0][0].period else None for r in tied]
        latest = max((e for e in ends if e is not None), default=None)
        tied = [r for r, e in zip(tied, ends, strict=True)
                if not periods and latest is not None and e == latest]
        if len(tied) != 1:
            return None
        ranked = tied
    (_, _, held), rows, doc, lead_words = ranked[0]
    by_value = sorted(rows, key=lambda r: r[0].low or 0.0, reverse=end == MOST)
    if by_value[0][0].low == by_value[1][0].low:
        return None
    frame, label = by_value[0]
    return TableEnd(doc, frame, label, held,
                    "" if row_label(frame, texts(doc)) else frame.parent,
                    selection_listed(lead_words, end))
