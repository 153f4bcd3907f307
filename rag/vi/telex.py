"""Telex leftovers in a typed word: "xuaats" -> "xuất", "khaaur" -> "khẩu", "ngajch" -> "ngạch".

Telex is the input method most Vietnamese keyboards use: a vowel typed twice takes a
circumflex ("aa" -> "â", "ee" -> "ê", "oo" -> "ô"), "dd" is "đ", "w" puts a breve or horn on
the vowel before it ("aw" -> "ă", "ow" -> "ơ", "uw" -> "ư", "uow" -> "ươ"), and one of
s, f, r, x, j typed after a vowel is the tone (sắc, huyền, hỏi, ngã, nặng).  When the input
method is off or lags, the keys stay in the text as letters.  Only the decoding lives here;
whether a decoded word replaces the typed one is for the caller to decide (``rag.vi.spell``
takes it only when the corpus writes the decoded word and not the typed one).
"""

from __future__ import annotations

import unicodedata

from rag.vi.text import normalize_query

_TONE_KEYS = {"s": "\u0301", "f": "\u0300", "r": "\u0309", "x": "\u0303", "j": "\u0323"}
_CIRCUMFLEX = {"a": "â", "e": "ê", "o": "ô"}
_HORN = {"a": "ă", "o": "ơ", "u": "ư"}
_VOWELS = set("aeiouyâêôăơư")


def decode(word: str) -> str | None:
    """The Vietnamese syllable the Telex keys in ``word`` spell, lower-case ("xuaats" ->
    "xuất", "Khaaur" -> "khẩu", "ngajch" -> "ngạch", "dduowngf" -> "đường"), or None when
    ``word`` holds no Telex key, is not plain ASCII letters, or the keys do not make one
    syllable (two tone keys, "w" after no a/o/u)."""
    low = word.lower()
    if not low.isascii() or not low.isalpha() or len(low) < 2:
        return None
    out: list[str] = []
    tone: str | None = None
    keyed = False
    for ch in low:
        seen_vowel = any(c in _VOWELS for c in out)
        if seen_vowel and ch in _TONE_KEYS:
            if tone is not None:
                return None
            tone, keyed = _TONE_KEYS[ch], True
        elif ch == "w":
            at = next((k for k in range(len(out) - 1, -1, -1) if out[k] in _HORN), None)
            if at is None:
                return None
            if out[at] == "o" and at > 0 and out[at - 1] == "u":
                out[at - 1] = "ư"
            out[at], keyed = _HORN[out[at]], True
        elif ch in _CIRCUMFLEX and out and out[-1] == ch:
            out[-1], keyed = _CIRCUMFLEX[ch], True
        elif ch == "d" and out == ["d"]:
            out[-1], keyed = "đ", True
        else:
            out.append(ch)
    if not keyed:
        return None
    first = next((k for k, c in enumerate(out) if c in _VOWELS), None)
    if first is None:
        return None
    if tone is not None:
        out[first] += tone
    # normalize_query places the tone on the syllable's right vowel ("xuất", not "xúât")
    return normalize_query(unicodedata.normalize("NFC", "".join(out)))
