"""Vietnamese text normalisation: NFC, one tone-mark placement, diacritic folding, tokens.

Stored document text and questions both pass through :func:`normalize`, so offsets taken on
stored text stay valid and "hoà"/"hòa", "thuỷ"/"thủy" compare equal.  :func:`fold` removes all
diacritics ("Kim ngạch" -> "kim ngach") for matching questions typed without them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import regex

# Combining tone marks (grave, acute, hook above, tilde, dot below).
_TONES = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}
# Vowel-quality marks that stay on their letter (circumflex, breve, horn).
_QUALITY = {"\u0302", "\u0306", "\u031b"}
_VOWELS = set("aeiouy")

_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)
# Characters that print nothing but split a word for every tokenizer and matcher: every
# Unicode Default_Ignorable_Code_Point (DerivedCoreProperties.txt), as the `regex` module
# knows it for the Unicode version it ships -- the soft hyphen (U+00AD), zero-width space,
# non-joiner and joiner (U+200B-U+200D), the word joiner and invisible operators
# (U+2060-U+2064), a byte-order mark anywhere (U+FEFF), the bidirectional marks copy-paste
# brings along (U+200E/U+200F, U+202A-U+202E, U+2066-U+2069, U+061C), the Mongolian vowel
# separator and variation selectors (U+180B-U+180F), the combining grapheme joiner (U+034F),
# variation selectors (U+FE00-U+FE0F, U+E0100-U+E01EF: an emoji's U+FE0F), Hangul fillers
# (U+115F, U+1160, U+3164, U+FFA0) and tags (U+E0000-U+E0FFF).  Word processors and web
# editors leave them inside words ("ng\u00adạch", "b\u034fán") and numbers; a list of our
# own missed U+034F and U+FE0F (break-test round 14 of issue 16).  Vietnamese combining
# tone and quality marks (U+0300-U+0323 in NFD text) are not default-ignorable.
# NUL (U+0000) too: it prints nothing either, and PostgreSQL's text cannot hold it (a report
# or chat message with one was refused by the database backend, kept by the files: break-test
# of issue 20)
_INVISIBLE_RE = regex.compile(r"[\p{Default_Ignorable_Code_Point}\x00]+")
_SPACES_RE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANKS_RE = re.compile(r"\n{3,}")
# The dashes a number's sign or a range's joint is written with.  After :func:`normalize` a
# text writes them with three characters only: "-" (hyphen-minus), "–" (en dash) and "−"
# (U+2212, the minus sign, kept as written); "—" and the other long dashes stay (a separator,
# never a sign).  Every other Unicode dash punctuation (\p{Pd}) that is a hyphen -- by its
# compatibility form ("－" U+FF0D, "﹣" U+FE63 are "-"; "︲" is "–") or by its Unicode name
# (U+2010 HYPHEN, U+2011 NON-BREAKING HYPHEN, U+2012 FIGURE DASH, the Armenian, Mongolian,
# double and oblique hyphens) -- becomes "-", so "đạt \u20114,1%", "giảm \uff0d2,5%" read as
# "-4,1%", "-2,5%" (a minus) and "450\u2011500 xe" as a range, as "-" is read everywhere
# (``rag.vi.numbers``).  Word processors set U+2011 for a minus they keep with its number
# (break-test round 15 of issue 16: U+2010, U+2011, U+FE63, U+FF0D before a percentage lost
# their sign).  One character for one: offsets do not move.
SIGN_DASHES = "-\u2013\u2212"
# A minus sign outside the dash class is written "-" too: a symbol (Sm, Sk, So) that is a minus
# sign by its compatibility form ("⁻" U+207B, "₋" U+208B are "−") or whose Unicode name is a
# minus sign in some style ("... MINUS SIGN": "˗" U+02D7 MODIFIER LETTER MINUS SIGN, which PDF
# and Word copies produce, "➖" U+2796 HEAVY MINUS SIGN, "⁒" U+2052 COMMERCIAL MINUS SIGN).
# Break-test bt5-b16 item 2: "đạt ➖3,3%", "đạt ˗0,9%" lost their sign at confidence 1.0.  Of
# the 20-odd characters whose name says MINUS (Unicode 14 as Python ships it), the operators
# that are not a sign are kept: "±" PLUS-MINUS, "∓", "∖" SET MINUS, "∸" DOT MINUS, "≂", "⊖"
# CIRCLED / "⊟" SQUARED MINUS, "⨩"-"⨬" MINUS SIGN WITH dots, "⨺", "⩁", "⩬", arrows, and the
# combining U+0320 (a mark on its letter).  Characters named HYPHEN outside \p{Pd} are a soft
# or tag hyphen (invisible, removed first), "‧" HYPHENATION POINT and "⁃" HYPHEN BULLET (a
# list mark, never a sign): kept.  U+2212 itself is kept as written, and so is a superscript
# or subscript minus before a superscript or subscript digit (an exponent: "10⁻³").
_OTHER_DASH_RE = regex.compile(r"[\p{Pd}--[\-\u2013]]", regex.V1)


@lru_cache(maxsize=256)
def is_minus_sign(char: str) -> bool:
    """Whether the symbol ``char`` is a minus sign other than U+2212 (see ``_SIGN_OR_DASH_RE``):
    its NFKC form is "-" or "−", or its Unicode name ends in "MINUS SIGN" with nothing but a
    style before it (no "WITH", no second operator: "PLUS-MINUS SIGN" is not one)."""
    if char == "\u2212" or unicodedata.combining(char):
        return False
    if unicodedata.normalize("NFKC", char) in ("-", "\u2212"):
        return True
    words = unicodedata.name(char, "").split()
    return words[-2:] == ["MINUS", "SIGN"] and not any(
        w in ("WITH", "OR") or "-" in w for w in words[:-2])


@lru_cache(maxsize=64)
def _dash_for(char: str) -> str:
    """The character a dash ``char`` (of \\p{Pd}) is written as in normalised text: "-" or
    "–" when it is a hyphen or en dash by its NFKC form or its Unicode name, else itself;
    a symbol that is a minus sign (:func:`is_minus_sign`) is written "-", others kept."""
    if not regex.match(r"\p{Pd}", char):
        return "-" if is_minus_sign(char) else char
    compat = unicodedata.normalize("NFKC", char)
    if compat in ("-", "\u2013"):
        return compat
    name = unicodedata.name(char, "")
    return "-" if "HYPHEN" in name or name == "FIGURE DASH" else char


_SIGN_OR_DASH_RE = regex.compile(r"(?![\u207b\u208b][\u00b9\u00b2\u00b3\u2070-\u209c])"
                                 r"[[\p{Pd}\p{Sm}\p{Sk}\p{So}]--[\-\u2013\u2212]]", regex.V1)


def unify_dashes(text: str) -> str:
    """``text`` with each hyphen-like dash and each minus sign but U+2212 written "-" and each
    en-dash-like one "–" (:func:`_dash_for`; see ``SIGN_DASHES``, ``_SIGN_OR_DASH_RE``); same
    length, every other character kept."""
    return _SIGN_OR_DASH_RE.sub(lambda m: _dash_for(m.group(0)), text)


def nfc(text: str) -> str:
    """``text`` in Unicode NFC (composed) form."""
    return unicodedata.normalize("NFC", text)


def _split_letters(syllable: str) -> tuple[list[str], list[str], str | None]:
    """Decompose a syllable into base letters, their quality marks, and its tone mark."""
    letters: list[str] = []
    marks: list[str] = []
    tone = None
    for ch in unicodedata.normalize("NFD", syllable):
        if ch in _TONES:
            tone = ch
        elif unicodedata.combining(ch):
            if letters:
                marks[-1] += ch
        else:
            letters.append(ch)
            marks.append("")
    return letters, marks, tone


def _tone_position(letters: list[str], marks: list[str]) -> int | None:
    """Index of the letter that carries the tone (traditional placement: hòa, thủy, quả)."""
    low = [c.lower() for c in letters]
    n = len(low)
    i = 0
    while i < n and low[i] not in _VOWELS:
        i += 1
    # "qu" and "gi" + vowel: the u / i belongs to the initial consonant.
    if i < n and i > 0 and ((low[i - 1] == "q" and low[i] == "u") or
                            (low[i - 1] == "g" and low[i] == "i" and i + 1 < n
                             and low[i + 1] in _VOWELS)):
        i += 1
    start = i
    while i < n and low[i] in _VOWELS:
        i += 1
    end = i
    if start >= end:
        return None
    cluster = range(start, end)
    marked = [k for k in cluster if any(m in _QUALITY for m in marks[k])]
    if marked:
        # "ươ": the tone goes on ơ; otherwise on the (last) vowel with a quality mark.
        return marked[-1]
    if end - start == 1:
        return start
    has_final = end < n
    if has_final:
        return end - 1
    if end - start >= 3:
        return start + 1
    return start


@lru_cache(maxsize=65536)  # a corpus repeats a few thousand syllables
def _place_tone(syllable: str) -> str:
    letters, marks, tone = _split_letters(syllable)
    if tone is None:
        return syllable
    pos = _tone_position(letters, marks)
    if pos is None:
        return syllable
    out = []
    for k, (ch, mk) in enumerate(zip(letters, marks, strict=True)):
        out.append(ch + mk + (tone if k == pos else ""))
    return unicodedata.normalize("NFC", "".join(out))


# One Vietnamese syllable: an optional initial consonant, one cluster of one to three vowels,
# an optional final consonant ("nghiêng", "quyết", "hòa").  Two syllables typed without the
# space between them ("tổngmức", "Sốliệu") are not one: their tone was placed on the first
# cluster with the second one's letters read as its final, which changed the word
# ("tốngmưc", "Sộliêu"), so such a token is left as typed.
_SYLLABLE_RE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?"
                          r"[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?")


@lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    """Whether ``word`` (letters only) is shaped like one Vietnamese syllable: initial
    consonant, one to three vowels, final consonant, diacritics aside.  Spelling rules of
    Vietnamese orthography (the initials and finals it allows); "tổngmức" is two.  Pure:
    the last 65,536 words asked are remembered (functools.lru_cache)."""
    letters = "".join(c for c in unicodedata.normalize("NFD", word.lower())
                      if not unicodedata.combining(c))
    return _SYLLABLE_RE.fullmatch(letters) is not None


def _fix_word(m: re.Match[str]) -> str:
    word = m.group(0)
    if word.isascii() or len(word) > 7 or not is_syllable(word):
        return word
    return _place_tone(word)


def strip_invisible(text: str) -> str:
    """``text`` without its default-ignorable code points and NULs (``_INVISIBLE_RE``: they
    print nothing); every other character, combining marks included, is kept in order."""
    return _INVISIBLE_RE.sub("", text)


def normalize(text: str) -> str:
    """NFC, invisible characters removed, dashes unified (:func:`unify_dashes`), one
    tone-mark placement, unified spaces; line structure is kept.  Documents are stored as
    this text, so quote offsets refer to it.  A pure function of ``text``: one of at most
    :data:`_NORMALIZED_MAX_CHARS` characters (a question, a frame's sentence or heading:
    normalized again for every frame an answer weighs) is remembered, the last
    :data:`_NORMALIZED_CACHED` of them (functools.lru_cache: thread-safe, bounded)."""
    if len(text) <= _NORMALIZED_MAX_CHARS:
        return _normalize_cached(text)
    return _normalize(text)


# the texts :func:`normalize` remembers: at most this many, of at most this many characters
# each (text and result: about 65 MB at worst; the dev set's answers normalize 2,015
# distinct texts, 0.2 MB, all but 14 of their 36,427 calls on texts below 2,000 characters)
_NORMALIZED_CACHED = 8192
_NORMALIZED_MAX_CHARS = 2000


@lru_cache(maxsize=_NORMALIZED_CACHED)
def _normalize_cached(text: str) -> str:
    return _normalize(text)


def _normalize(text: str) -> str:
    text = nfc(strip_invisible(text)).replace("\r\n", "\n").replace("\r", "\n")
    text = unify_dashes(text)
    text = _WORD_RE.sub(_fix_word, text)
    text = _SPACES_RE.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANKS_RE.sub("\n\n", text).strip()


# a month or quarter with its year after a dot, "tháng 8.2024", "quý II.2024": the press's
# notation for "tháng 8/2024" (never a decimal after "tháng"/"quý": no month has a fraction)
_DOTTED_PERIOD_RE = re.compile(r"(?<!\w)((?:tháng|thang|quý|quy)\s+(?:\d{1,2}|IV|III|II|I))\."
                               r"((?:19|20)\d\d)(?!\d)", re.IGNORECASE)


def normalize_query(text: str) -> str:
    """Questions: :func:`normalize` on one line, a dotted month or quarter written with "/"
    ("tháng 8.2024" -> "tháng 8/2024", "quý II.2024" -> "quý II/2024")."""
    return _DOTTED_PERIOD_RE.sub(r"\1/\2", " ".join(normalize(text).split()))


# a syllable that folds to "so" written with a diacritic, NFC or decomposed: "số" (a number
# or a count: "chuyển đổi số", "chữ ký số", "số hóa"), "sở" ("cơ sở", "Sở Công Thương"),
# "sổ", "sơ" ... -- never the "so" of "so với", "so cùng kỳ"
_SO_WORD = re.compile(r"(?<!\w)[sS](?:[òóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ]|"
                      r"[oOôÔơƠ][\u0300-\u036f]+)(?!\w)")


def mark_number_word(text: str) -> str:
    """``text`` with each syllable "số", "sở", "sổ" ... written with its diacritics as "s#"
    (its first letter kept, the rest one "#" per character, so offsets hold): folded, each is
    the "so" of a comparison ("so năm 2026", "so kế hoạch"); "kinh phí hỗ trợ chuyển đổi số
    năm 2027" was read as compared with 2027 and refused (break-test round 13 of issue 16,
    item 3), "doanh thu bình quân mỗi cơ sở năm 2053" likewise (item 7).  For reading
    comparisons only: "so" typed without diacritics stays."""
    text = _SO_WORD.sub(_masked, text)
    return _COMPARE_LOOKALIKE.sub(_masked_lookalike, text)


def _masked(m: re.Match[str]) -> str:
    """A matched syllable as its first letter and one "#" per further character."""
    return m.group(0)[0] + "#" * (len(m.group(0)) - 1)


# a syllable that folds to "bang" or "hon", the comparison words "bằng" and "hơn" ("bằng
# năm 2026", "hơn năm 2026"), written otherwise: "bảng", "băng", "hôn" ("số cặp kết hôn năm
# 2070"), "hòn"; and "bằng" as the second syllable of a noun ("mặt bằng", "đồng bằng", "cân
# bằng", "công bằng", "văn bằng", "san bằng"): "tiền bồi thường giải phóng mặt bằng năm 2070"
# was read as compared with 2070 and answered by 2069's column at 1.0 (break-test bt10-b16
# failure 2; tests/test_lookalike_comparison_words.py)
_COMPARE_LOOKALIKE = re.compile(r"(?<![\w\u0300-\u036f])[bBhH][\w\u0300-\u036f]{1,7}"
                                r"(?![\w\u0300-\u036f])")
_BANG_NOUN_BEFORE = re.compile(r"(?<!\w)(?:mặt|đồng|cân|công|văn|san)\s+$", re.IGNORECASE)


def _masked_lookalike(m: re.Match[str]) -> str:
    word = unicodedata.normalize("NFC", m.group(0)).lower()
    folded = _fold(word)
    if folded not in ("bang", "hon"):
        return m.group(0)
    if word in ("bằng", "hơn", "bang", "hon") and not (
            word == "bằng" and _BANG_NOUN_BEFORE.search(
                unicodedata.normalize("NFC", m.string[max(0, m.start() - 12):m.start()]))):
        return m.group(0)
    return _masked(m)


# a syllable that folds to "tang" or "giam", the change verbs "tăng" and "giảm", written
# otherwise: "tầng" (a storey: "chợ có bao nhiêu tầng?"), "tặng", "tàng", "táng", "giam" ("trại
# giam"), "giám" ("giám đốc") -- break-test bt22c, session 50: "Chợ Đông Kinh có bao nhiêu
# tầng?" was read as asking a rise ("... tăng?") and refused
_CHANGE_LOOKALIKE = re.compile(r"(?<![\w\u0300-\u036f])[tTgG][\w\u0300-\u036f]{2,7}"
                               r"(?![\w\u0300-\u036f])")


def mark_change_lookalike(text: str) -> str:
    """``text`` with each syllable that folds to "tang" or "giam" but is written with other
    diacritics than the change verbs "tăng" and "giảm" masked as :func:`mark_number_word`
    masks ("tầng" -> "t###"), so that folded it is no rise or fall asked (break-test bt22c,
    session 50: "có bao nhiêu tầng?").  Only for text typed with its diacritics: "tang"
    typed bare stays."""
    return _CHANGE_LOOKALIKE.sub(_masked_change, text)


def _masked_change(m: re.Match[str]) -> str:
    word = unicodedata.normalize("NFC", m.group(0)).lower()
    if word in ("tăng", "giảm", "tang", "giam") or _fold(word) not in ("tang", "giam"):
        return m.group(0)
    return _masked(m)


def fold(text: str) -> str:
    """Lower-case and strip every diacritic: "Kim ngạch Đồng Đăng" -> "kim ngach dong dang"."""
    if text.isascii():
        return text.lower()
    if len(text) <= 16:
        return _fold_word(text)
    if len(text) <= 200:  # a question, a figure's indicator or unit: folded many times over
        return _fold_phrase(text)
    return _fold(text)


def _fold(text: str) -> str:
    """:func:`fold` computed: ``text`` mapped a character at a time by :data:`_FOLD_TABLE`,
    then lower-cased whole (as ``.lower()`` reads a final sigma in its context)."""
    return text.translate(_FOLD_TABLE).lower()


class _FoldTable(dict[int, str]):
    """Code point -> the character folded, its case kept (``"Ấ"`` -> ``"A"``, ``"đ"`` ->
    ``"d"``, a combining mark -> ``""``), filled as characters are first met, for
    ``str.translate``.  A character's entry is the definition of the fold ("đ" as "d", the
    text decomposed, NFD, its combining marks dropped) without the lower-casing: NFD
    decomposes one character at a time and canonical reordering moves only combining marks,
    which are all dropped, so folding character by character and lower-casing the whole
    equals folding the whole (held by tests/test_fold_table.py over Vietnamese and random
    Unicode).  Bounded: past :data:`_FOLD_TABLE_MAX` entries a new character is folded and
    not kept; a race between threads writes the same value twice."""

    def __missing__(self, code: int) -> str:
        c = chr(code)
        c = "d" if c == "đ" else "D" if c == "Đ" else c
        folded = "".join(x for x in unicodedata.normalize("NFD", c)
                         if not unicodedata.combining(x))
        if len(self) < _FOLD_TABLE_MAX:
            self[code] = folded
        return folded


_FOLD_TABLE_MAX = 65536  # characters kept (a corpus in Vietnamese meets a few hundred)


_FOLD_TABLE = _FoldTable()


@lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    return _fold(word)


@lru_cache(maxsize=16384)
def _fold_phrase(text: str) -> str:
    return _fold(text)


def has_diacritics(text: str) -> bool:
    """Whether ``text`` has a Vietnamese diacritic (or đ): folding changes it beyond case."""
    return fold(text) != text.lower()


# --- numbers -----------------------------------------------------------------------------

_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")


def parse_number(raw: str) -> str:
    """Canonical form of a number written the Vietnamese way.

    "1.233" -> "1233", "29,6" -> "29.6", "46.362,2" -> "46362.2", "1.650" -> "1650".
    A dot followed by exactly three digits is a thousands separator; a comma is the decimal
    mark.  English-style decimals ("29.6") stay as they are.
    """
    if "," in raw and "." in raw:
        # the last separator is the decimal mark: "46.362,2" and, written the English way,
        # "1,234.5"
        mark = "," if raw.rfind(",") > raw.rfind(".") else "."
        intpart, _, dec = raw.rpartition(mark)
        intpart = intpart.replace(".", "").replace(",", "")
        return _strip_zeros(f"{intpart}.{dec}")
    if "." in raw:
        groups = raw.split(".")
        if all(len(g) == 3 for g in groups[1:]):
            return _strip_zeros(raw.replace(".", ""))
        return _strip_zeros(raw) if len(groups) == 2 else raw.replace(".", "")
    if "," in raw:
        groups = raw.split(",")
        if len(groups) == 2:
            return _strip_zeros(raw.replace(",", "."))
        return raw.replace(",", "")
    return _strip_zeros(raw)


def _strip_zeros(num: str) -> str:
    if "." in num:
        num = num.rstrip("0").rstrip(".")
    stripped = num.lstrip("0")
    if not stripped or stripped.startswith("."):
        stripped = "0" + stripped
    return stripped


def number_values(text: str) -> list[str]:
    """Every number in ``text`` in canonical form (see :func:`parse_number`)."""
    return [parse_number(m.group(0)) for m in _NUMBER_RE.finditer(text)]


# --- tokens ------------------------------------------------------------------------------

_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+", re.UNICODE)


def _runs(text: str) -> list[list[str]]:
    """Folded syllables and canonical numbers, grouped in runs not broken by punctuation."""
    runs: list[list[str]] = [[]]
    last_end = 0
    for m in _TOKEN_RE.finditer(text):
        if text[last_end:m.start()].strip():
            runs.append([])
        tok = m.group(0)
        runs[-1].append(parse_number(tok) if tok[0].isdigit() else fold(tok))
        last_end = m.end()
    return [r for r in runs if r]


def syllables(text: str) -> list[str]:
    """Folded syllables and canonical numbers: the unit of the lexical index."""
    return [tok for run in _runs(text) for tok in run]


def tokenize(text: str, scheme: str = "syllable+bigram") -> list[str]:
    """Lexical tokens: folded syllables, and/or bigrams of adjacent syllables ("kim_ngach")."""
    if scheme not in TOKEN_SCHEMES:
        raise ValueError(f"unknown token scheme {scheme!r}: use one of {', '.join(TOKEN_SCHEMES)}")
    runs = _runs(text)
    sylls = [tok for run in runs for tok in run]
    if scheme == "syllable":
        return sylls
    bigrams = [f"{a}_{b}" for run in runs for a, b in zip(run, run[1:], strict=False)]
    if scheme == "bigram":
        return bigrams or sylls
    return sylls + bigrams


TOKEN_SCHEMES = ("syllable", "syllable+bigram", "bigram")
