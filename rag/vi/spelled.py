"""Numbers said with scale words: in words ("hai mươi ba xã", "một trăm linh năm hộ") and in
digits joined by scale words ("1 tỷ 8 trăm triệu đồng", "2 tỷ 3 trăm 50 triệu", "11 triệu 250
nghìn đồng").

The grammar is the one of Vietnamese numerals as dictionaries and school grammars give it
(and as converters such as the ``vietnam-number`` package read them):

- a unit: không 0, một 1, hai 2, ba 3, bốn 4, năm 5, sáu 6, bảy/bẩy 7, tám 8, chín 9;
- tens: "mười" (10) then a unit -- 15 is "mười lăm"/"mười nhăm", never "mười năm"; a unit 2-9
  then "mươi" then a unit -- 1 is "mốt" (or "một"), 4 may be "tư", 5 is "lăm"/"nhăm";
- hundreds: a unit then "trăm", then tens, or "linh"/"lẻ" and a unit ("một trăm linh năm" 105);
- groups below 1.000 each followed by a scale word, "nghìn"/"ngàn" 1e3, "triệu" 1e6,
  "tỷ"/"tỉ" 1e9, in falling order; a last group without one ("hai nghìn không trăm linh năm").

Digits stand in for a group's words ("3 trăm 50 triệu" is 350 triệu).  Not read: the
colloquial short forms "một triệu tư" (1,4 triệu), "nghìn hai" (1.200), which a reader cannot
tell from two figures, and "năm" after "mười"/"mươi" ("mười năm qua" is ten years)."""

from __future__ import annotations

import re

UNITS = {"không": 0, "một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7,
         "bẩy": 7, "tám": 8, "chín": 9}
# the units after "mười"/"mươi": 1 is "mốt" after "mươi", 4 may be "tư", 5 is "lăm"/"nhăm"
_AFTER_TENS = {"một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "lăm": 5, "nhăm": 5,
               "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9}
SCALES = {"nghìn": 1000, "ngàn": 1000, "triệu": 10 ** 6, "tỷ": 10 ** 9, "tỉ": 10 ** 9}
HUNDRED = "trăm"
_ZERO_TENS = ("linh", "lẻ")
WORDS = set(UNITS) | set(_AFTER_TENS) | set(SCALES) | {HUNDRED, "mười", "mươi", *_ZERO_TENS}


def _tens(t: list[str], i: int) -> tuple[int, int] | None:
    """The tens at ``t[i]`` ("mười lăm", "hai mươi mốt", "ba mươi") and the index after."""
    if i < len(t) and t[i] == "mười":
        j = i + 1
    elif i + 1 < len(t) and UNITS.get(t[i], 0) >= 2 and t[i + 1] == "mươi":
        j = i + 2
    else:
        return None
    tens = 10 if t[i] == "mười" else UNITS[t[i]] * 10
    if j < len(t) and t[j] in _AFTER_TENS and not (tens == 10 and t[j] == "mốt"):
        return tens + _AFTER_TENS[t[j]], j + 1
    return tens, j


def _group(t: list[str], i: int, first: bool) -> tuple[int, int, bool] | None:
    """A group below 1.000 at ``t[i]``, words or digits: its value, the index after it and
    whether it holds a hundred ("trăm"); None when none starts there.  A digit group is one
    number ("250"), or one digit and "trăm" with a number below 100 after ("3 trăm 50"); only
    the ``first`` group may be 1.000 or more ("1.200 tỷ 500 triệu")."""
    if i >= len(t):
        return None
    if t[i].isdigit():
        n = int(t[i])
        if i + 1 < len(t) and t[i + 1] == HUNDRED and n < 10:
            if i + 2 < len(t) and t[i + 2].isdigit() and int(t[i + 2]) < 100:
                return n * 100 + int(t[i + 2]), i + 3, True
            return n * 100, i + 2, True
        return (n, i + 1, False) if first or n < 1000 else None
    if t[i] in UNITS and i + 1 < len(t) and t[i + 1] == HUNDRED and (t[i] != "không" or not first):
        value, j = UNITS[t[i]] * 100, i + 2
        if j + 1 < len(t) and t[j] in _ZERO_TENS and UNITS.get(t[j + 1], 0) > 0:
            return value + UNITS[t[j + 1]], j + 2, True
        tens = _tens(t, j)
        return (value + tens[0], tens[1], True) if tens else (value, j, True)
    tens = _tens(t, i)
    if tens:
        return tens[0], tens[1], False
    if UNITS.get(t[i], 0) > 0:
        return UNITS[t[i]], i + 1, False
    return None


def read_number(t: list[str], i: int = 0) -> tuple[int, int, int] | None:
    """The number said from token ``t[i]`` on (tokens lower-case words, or digit strings with
    no separators): (value, index after its last token, the last scale word's value -- 1 when
    it ends without one); None when no number starts there or it is one of the colloquial
    short forms the module leaves out.  ``read_number("hai mươi ba xã".split())`` ->
    (23, 3, 1); ``read_number("1 tỷ 8 trăm triệu đồng".split())`` -> (1800000000, 5, 10**6)."""
    total, last, j, scale = 0, 10 ** 13, i, 1
    while True:
        group = _group(t, j, first=j == i)
        if group is None:
            break
        value, k, hundreds = group
        if k < len(t) and t[k] in SCALES and SCALES[t[k]] < last:
            total += value * SCALES[t[k]]
            last = scale = SCALES[t[k]]
            j = k + 1
            continue
        if j > i and not hundreds:
            return None  # "một triệu tư", "nghìn hai": a short form, or two figures
        total, j, scale = total + value, k, 1
        break
    return (total, j, scale) if j > i else None


_TOKEN = re.compile(r"\d+(?:\.\d{3})*|[^\W\d_]+")


def tokens(text: str) -> list[re.Match[str]]:
    """The words and numbers of ``text`` ("1.200" one token), as matches for their spans."""
    return list(_TOKEN.finditer(text))


def token_text(m: re.Match[str]) -> str:
    """A token as :func:`read_number` reads it: lower case, a number without its dots."""
    return m.group(0).replace(".", "").lower()
