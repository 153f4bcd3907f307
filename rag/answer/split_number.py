"""A bare number an OCR space may have cut from the rest of it ("6, 215 ha", "1 8.305 tấn").

Scanned and OCR'd reports split numbers with stray spaces.  Some shapes are joined when
frames are read ("27 . 640", "102 .870", and three digits then a unit after the space:
"12. 430 ha", "6, 215 ha"; rag.vi.numbers.SPACED_AFTER); others stay ambiguous -- "8, 45 tỷ
đồng" may be 8,45 tỷ đồng, "1 8.305 tấn" may be 18.305 tấn, "4, 512." has no unit -- and are
read as a unitless first piece ("8", "1") and a second figure with the unit.  Such a piece
is no sure answer to a question of a measured quantity (area, mass, energy, money, a
percentage): the answerer caps its confidence (``AnswerWeights.split_number_max``) and names
why in the answer's note (issue 16, break-test bt15-b16 failure 2;
tests/test_split_number_confidence.py).  Counts of things ("7, 14 doanh nghiệp") are left
alone: no unit of measure is cut from them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rag.vi.frames import Frame
from rag.vi.lexicon import QUANTITY_UNITS, UNIT_MAGNITUDES
from rag.vi.text import fold

# the units of a measured quantity (folded heads): mass, area, length, volume, energy
# (rag.vi.lexicon.QUANTITY_UNITS), money, and a percentage
MEASURE_HEADS = QUANTITY_UNITS | frozenset({"dong", "d", "usd", "vnd", "vnđ", "euro", "%"})

# the rest of a number after a piece of it, as OCR splits it: a separator with a space on
# either side of it and a group of digits ("6, 215", "6 ,215", "6 . 215", the decimals of
# "8, 45 tỷ đồng"), or -- after
# a piece of one or two digits -- a space inside the first group, the rest grouped ("1
# 8.305", "2 4.120,5"); then what is written after it (the unit, if any)
_SEPARATED = re.compile(r"(?:\s+[.,]\s*|[.,]\s+)(\d{1,3}(?:[.,]\d+)*)(?![\d])")
_FIRST_GROUP = re.compile(r"\s(\d{1,2}(?:\.\d{3})+(?:,\d+)?)(?![\d])")
_UNIT_AFTER = re.compile(r"\s*(%|[^\s,;.()]+(?:\s+[^\s,;.()]+){0,2})")


def measure_unit(unit: str) -> bool:
    """Whether ``unit`` (as written: "ha", "nghìn tấn", "tỷ đồng", "đồng/kg", "%") is one of
    a measured quantity (:data:`MEASURE_HEADS`, its magnitude words skipped and what it is
    per dropped); counts ("doanh nghiệp", "lượt", "người") are not."""
    words = [w for w in fold(unit).lower().replace("/", " / ").split()
             if w not in UNIT_MAGNITUDES]
    if "/" in words:
        words = words[:words.index("/")]
    return bool(words) and (words[0] in MEASURE_HEADS or words[0].startswith("%"))


def split_rest(frame: Frame, text: str) -> tuple[str, str] | None:
    """The rest of the number an OCR space may have cut ``frame``'s value from, and the
    unit written after that rest ("" when none), read from the document's ``text`` right
    after the value -- (", 215", "ha") for "6" of "6, 215 ha", (" 8.305", "tấn") for "1" of
    "1 8.305 tấn" -- or None when the value has a unit of its own, is more than a bare
    group of digits, or no such rest follows it."""
    if frame.unit or not re.fullmatch(r"\d{1,3}", frame.value.strip()):
        return None
    after = text[frame.end:frame.end + 48]
    m = _SEPARATED.match(after)
    if m is None:
        m = _FIRST_GROUP.match(after)
        if m is None or len(frame.value.strip()) + len(m.group(1).split(".")[0]) > 3:
            return None
    u = _UNIT_AFTER.match(after[m.end():])
    unit = u.group(1) if u else ""
    return after[:m.end()], unit


# the piece of a number before the rest a figure is (its end): one to three digits no digit,
# separator or period word stands before ("tháng 9, 120 tấn" is a month and a figure), then a
# separator with a space ("6, " of "6, 215 ha"); or one or two digits and a space ("1 " of
# "1 8.305 tấn")
_PIECE_SEPARATED = re.compile(r"(?<![\d.,])(\d{1,3})(?:\s+[.,]\s*|[.,]\s+)$")
_PIECE_FIRST_GROUP = re.compile(r"(?<![\d.,])(\d{1,2})\s$")
_PERIOD_BEFORE = re.compile(r"\b(?:thang|quy|nam|ngay|tuan|dot|khoan|muc|dieu|so)\s*$")


def split_head(frame: Frame, text: str) -> str | None:
    """The piece of a number an OCR space may have cut before ``frame``'s value, as
    written with the space ("6, " for "215 ha" of "6, 215 ha"; "1 " for "8.305 tấn" of "1
    8.305 tấn"), read from the document's ``text`` right before the value -- or None: the
    value is no bare number with the rest of one ("1.250 tỷ đồng" after "quý 3, " is whole),
    or what stands before it is no such piece."""
    value = frame.value.strip()
    before = text[max(0, frame.start - 24):frame.start]
    m = _PIECE_SEPARATED.search(before)
    if m is not None and re.match(r"\d{1,3}(?:,\d+)?(?![\d.])", value):
        head = m
    else:
        m = _PIECE_FIRST_GROUP.search(before)
        lead = re.match(r"(\d{1,2})(?:\.\d{3})+(?![\d])", value)
        if m is None or lead is None or len(m.group(1)) + len(lead.group(1)) > 3:
            return None
        head = m
    if _PERIOD_BEFORE.search(fold(before[:head.start()]).lower()):
        return None
    return before[head.start():]


def split_note(frame: Frame, text: str, others: Iterable[Frame] = ()) -> str | None:
    """The note of an answer ``frame`` that may be a piece an OCR space cut from a number
    of a measured quantity -- its rest, measured in a unit of its own, after a cut piece
    (:func:`split_head`), or a bare first piece (:func:`split_rest`) -- or None.  A bare
    piece is of one when the rest's unit is one of a measured quantity
    (:func:`measure_unit`), or -- when the rest has none of its own -- another figure of
    the same indicator (``others``: the question's candidates, the documents' figures) is
    measured in one (a rest that names a count, "7, 140 doanh nghiệp", is none).  The
    note names the value and the text it stands in ("Số liệu "6" có thể bị tách ...")."""
    head = split_head(frame, text) if frame.unit and measure_unit(frame.unit) else None
    if head is not None:
        # the figure may be the rest of a number whose first piece was cut off
        return (f'Số liệu "{frame.value}" có thể bị tách do lỗi nhận dạng chữ: văn bản viết '
                f'"{head}{frame.value}" (một số hay hai số?) -- chưa chắc chắn, nên đối chiếu '
                f'bản gốc.')
    rest = split_rest(frame, text)
    if rest is None:
        return None
    tail, unit = rest
    measured = measure_unit(unit)
    if not unit:
        indicator = fold(frame.indicator).lower().strip()
        measured = any(o is not frame and o.unit and measure_unit(o.unit)
                       and fold(o.indicator).lower().strip() == indicator for o in others)
    if not measured:
        return None
    written = (frame.value + tail + (" " + unit if unit else "")).strip()
    return (f'Số liệu "{frame.value}" có thể bị tách do lỗi nhận dạng chữ: văn bản viết '
            f'"{written}" (một số hay hai số?) -- chưa chắc chắn, nên đối chiếu bản gốc.')
