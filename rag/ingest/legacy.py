"""Text typed in a legacy Vietnamese font encoding (TCVN3 / ABC ``.VnTime``, VNI-Windows),
found and converted to Unicode before anything else reads it -- or refused.

Office files of the 1990s and 2000s were typed in fonts that draw Vietnamese letters at the
code points of Latin-1 symbols, so their extracted text reads "N¨m 2015, kim ng¹ch xuÊt khÈu
®¹t 1.234 triÖu USD".  The conversion tables are viparse's (``viparse.normalize``: TCVN3 and
VNI charmaps checked against real government documents).  Which table applies is decided
here, by what the conversion produces: a legacy text's words become well-formed Vietnamese
syllables, a Unicode text's words already are.  A text that looks legacy but that no table
turns into Vietnamese is refused (``LegacyEncodingError``), never indexed as it is.

This runs on the raw extracted text, before :func:`rag.vi.text.normalize`: TCVN3 writes "ư"
as U+00AD, which normalisation removes as a soft hyphen.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

from rag.errors import IngestError

# Which legacy tables are tried.  VISCII and VPS are left out: their letters sit in control
# code points that no office extractor produces, and VPS shares VISCII's surface characters.
ENCODINGS = ("tcvn3", "vni")
# A conversion is taken when at least this share of the changed text's words become
# Vietnamese syllables, this much more than before, over at least MIN_WORDS words.
MIN_VALID = 0.8
MIN_GAIN = 0.3
MIN_WORDS = 3

# Vietnamese letters in Latin-1, and symbols common in Unicode Vietnamese text: neither is
# evidence of a legacy font by itself.
_VIET_LATIN1 = set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
_COMMON = set("«»°±×÷²³·§¼½¾\u00a0")
_TONES = "\u0300\u0301\u0303\u0309\u0323"
_SYLLABLE_RE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnpqrstvx])?"
    r"[aăâeêioôơuưy]{1,3}(?:ng|nh|ch|[cmnpt])?")
_EDGE = r"[\s\d!-/:-@\[-`{-~«»“”‘’…–—]+"
_EDGE_RE = re.compile(f"^{_EDGE}|{_EDGE}$")
_LETTERS_RE = re.compile(r"[^\W\d_]{2,}")


class LegacyEncodingError(IngestError):
    """A text typed in a legacy Vietnamese font encoding that could not be converted."""


def is_syllable(word: str) -> bool:
    """Whether ``word`` is spelt like one Vietnamese syllable (onset, vowels, final; at most
    one tone mark)."""
    low = unicodedata.normalize("NFD", word.lower())
    if sum(low.count(t) for t in _TONES) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in low if c not in _TONES))
    return _SYLLABLE_RE.fullmatch(bare) is not None


# What separates words: white space and ASCII punctuation, which no legacy table uses for a
# letter (a CSV's "ChØ tiªu,§¬n vÞ tÝnh" is two words on each side of its comma).
_WORD_GAP_RE = re.compile(r"[\s!-/:-@\[-`{-~]+")


def _words(text: str) -> list[str]:
    """Words holding a letter and a non-ASCII character, split at white space and ASCII
    punctuation, without the digits and other punctuation at their edges."""
    out = []
    for raw in _WORD_GAP_RE.split(text):
        word = _EDGE_RE.sub("", raw)
        if word and not word.isascii() and any(c.isalpha() for c in word):
            out.append(word)
    return out


def _foreign(text: str) -> bool:
    """Whether ``text`` reads as a European language rather than Vietnamese: Vietnamese
    has no f, j, w, z and no word of more than 7 letters (viparse's test, from its corpus:
    at most 1.6% and 0% in real Vietnamese documents, 4-38% in Spanish, French, German)."""
    words = _LETTERS_RE.findall(text)
    if not words:
        return False
    alien = sum(1 for w in words if set(w) & set("fjwzFJWZ")) / len(words)
    long = sum(1 for w in words if len(w) > 7) / len(words)
    return alien > 0.05 or long > 0.04


def _valid_share(words: list[str]) -> float:
    return sum(is_syllable(w) for w in words) / len(words) if words else 1.0


@lru_cache(maxsize=1)
def _charmaps() -> dict[str, Any]:
    from viparse.normalize.encodings import CHARMAPS

    return {name: CHARMAPS[name] for name in ENCODINGS}


@lru_cache(maxsize=1)
def _markers() -> frozenset[str]:
    """Characters of the legacy tables that Unicode Vietnamese text does not use."""
    chars = {c for cm in _charmaps().values() for src, _ in cm.pairs for c in src}
    return frozenset(c for c in chars
                     if not c.isascii() and c not in _VIET_LATIN1 and c not in _COMMON)


def _suspect(text: str) -> bool:
    """Cheap first look: a character of Latin-1's upper half that is no Vietnamese letter."""
    return any("\u00a1" <= c <= "\u00ff" and c not in _VIET_LATIN1 for c in text) or \
        "\u2212" in text


def convert(text: str, encoding: str) -> str:
    """``text`` converted from the legacy ``encoding`` ("tcvn3" or "vni") to Unicode NFC;
    words typed in capitals come out in capitals (:func:`upper_font_case`)."""
    from viparse.normalize.tables import convert as viparse_convert

    return upper_font_case(viparse_convert(text, _charmaps()[encoding]))


_LETTER_WORD_RE = re.compile(r"[^\W\d_]+")


def _case_kind(word: str) -> str:
    """A converted word's case: "lower" (a lowercase ASCII letter: "Tổng", "đạt", "kWh"),
    "upper" (no lowercase letter: "NĂM", "USD"), "mixed" (a capital after its first letter
    beside a lowercase Vietnamese one and no lowercase ASCII: "BáO", "NộI", "áO") or
    "open" (lowercase Vietnamese letters and at most a capital first one: "Hà", "ở")."""
    if any("a" <= c <= "z" for c in word):
        return "lower"
    if not any(c.islower() for c in word):
        return "upper"
    return "mixed" if any(c.isupper() for c in word[1:]) else "open"


def _upper(word: str) -> str:
    return "".join(u if len(u := c.upper()) == 1 else c for c in word)


def upper_font_case(text: str) -> str:
    """Converted legacy ``text`` with its words typed in capitals in capitals, every line
    on its own; same length as ``text``.

    TCVN3 has code points for only seven capitals ("Ă Â Đ Ê Ô Ơ Ư"), none for the toned
    ones ("Á", "Ạ", "Ệ"): the uppercase fonts (.VnTimeH, .VnArialH) draw capitals at the
    lowercase letters' code points, and a capital typed in the ordinary font falls back to
    them, so "B¸O C¸O" converts to "BáO CáO".  A word holding a capital after its first
    letter beside a lowercase Vietnamese letter and no lowercase ASCII one ("BáO", "NộI",
    "áO") is such a word: no Vietnamese word is written so.  A word of lowercase Vietnamese
    letters with at most a capital first one ("Hà", "ở") is one too when it stands among
    such words and capitals: the stretch of its line without a lowercase ASCII letter it
    stands in holds a mixed-case word, and the word after it is in that stretch too, or
    it ends the line ("B¸O C¸O ë Hµ NéI" -> "BÁO CÁO Ở HÀ NỘI", "B¶ng 2: Sè LIÖU" ->
    "Bảng 2: SỐ LIỆU"; "TH¸NG 6 Hµ Néi" -> "THÁNG 6 Hà Nội", whose "Hà" begins a word
    in ordinary case; "CPI Hà", "Sở Công Thương" stay).  A word
    with a lowercase ASCII letter ("Tổng", "kWh") is as typed, whatever is around it -- so
    a heading in capitals inside a line of ordinary text, or inside the markup of an HTML
    page read whole, is found by its own words."""
    if not any(c.islower() and not c.isascii() for c in text):
        return text
    out = []
    for line in text.split("\n"):
        words = list(_LETTER_WORD_RE.finditer(line))
        kinds = [_case_kind(m.group(0)) for m in words]
        chars = list(line)
        start = 0
        while start < len(words):
            if kinds[start] == "lower":
                start += 1
                continue
            end = start
            while end < len(words) and kinds[end] != "lower":
                end += 1
            if "mixed" in kinds[start:end]:  # a stretch of words without lowercase ASCII
                for i in range(start, end):
                    followed = i < end - 1 or end == len(words)
                    if kinds[i] == "mixed" or (kinds[i] == "open" and followed):
                        m = words[i]
                        chars[m.start():m.end()] = _upper(m.group(0))
            start = end
        out.append("".join(chars))
    return "\n".join(out)


def detect(text: str) -> str | None:
    """The legacy encoding ``text`` was typed in ("tcvn3", "vni"), or None for Unicode text.

    Raises LegacyEncodingError when the text holds many words spelt with legacy-font
    characters and no table makes Vietnamese of them."""
    if not _suspect(text):
        return None
    markers = _markers()
    words = _words(text)
    # legacy fonts put every letter in Latin-1: a word with a Vietnamese letter beyond it
    # ("ạ", "ư", "đ") is Unicode, whatever else it holds (a soft hyphen, "ng\u00adạch")
    unicode_words = [w for w in words if any(c > "\u00ff" and c.isalpha() for c in w)]
    marked = [w for w in words if any(c in markers for c in w) and w not in unicode_words]
    if len(marked) < MIN_WORDS:
        return None  # a document mixing Unicode and legacy lines is still converted, by line
    before = _valid_share(marked)
    best, best_share = None, 0.0
    for name in ENCODINGS:
        share = _valid_share(_words(convert(" ".join(marked), name)))
        if share > best_share:
            best, best_share = name, share
    if best is not None and best_share >= MIN_VALID and best_share - before >= MIN_GAIN:
        return best
    if before < 0.5 and len(marked) >= max(MIN_WORDS, 0.2 * len(words)) \
            and not _foreign(text):
        raise LegacyEncodingError(
            "the text looks typed in a legacy Vietnamese font encoding (TCVN3/.VnTime or VNI) "
            "that could not be converted reliably; convert it to Unicode (e.g. Unikey's "
            "converter) and add it again / văn bản dùng bảng mã cũ (TCVN3, VNI)")
    return None


def is_legacy(line: str, encoding: str) -> bool:
    """Whether one line (a paragraph, a DOCX run) of a text typed partly in the legacy
    ``encoding`` is itself legacy: it has no Vietnamese letter beyond Latin-1 ("ạ", "ư",
    "Ở": Unicode), and its words read better converted ("N¨m" -> "Năm"), or as well with a
    legacy-only character among them.  "Báo cáo" (Unicode, no such character) stays."""
    if _unicode_word(line):
        return False
    words = _words(line)
    if not words:
        return False
    before = _valid_share(words)
    after = _valid_share(_words(convert(line, encoding)))
    markers = _markers()
    return after > before or (after >= before and any(c in markers for w in words for c in w))


def convert_lines(text: str, encoding: str) -> str:
    """``text`` with only its legacy lines (:func:`is_legacy`) converted from ``encoding``:
    a document mixing Unicode and TCVN3/VNI paragraphs keeps its Unicode ones as written."""
    return "\n".join(convert(line, encoding) if is_legacy(line, encoding) else
                     _convert_words(line, encoding) for line in text.split("\n"))


_TOKEN_RE = re.compile(r"\S+\s*")


def _unicode_word(word: str) -> bool:
    return any(c > "\u00ff" and c.isalpha() for c in word)


def _convert_words(line: str, encoding: str) -> str:
    """A Unicode line holding some legacy words (a DOCX paragraph whose runs mix a Unicode
    font and .VnTime): each stretch of words between Unicode words ("ạ", "ư", "Ở") is
    converted when it is legacy by :func:`is_legacy`; the Unicode words stay as written."""
    out: list[str] = []
    stretch: list[str] = []

    def flush() -> None:
        part = "".join(stretch)
        out.append(convert(part, encoding) if stretch and is_legacy(part, encoding) else part)
        stretch.clear()

    for m in _TOKEN_RE.finditer(line):
        if _unicode_word(m.group(0)):
            flush()
            out.append(m.group(0))
        else:
            stretch.append(m.group(0))
    flush()
    lead = line[:len(line) - len(line.lstrip())]
    return lead + "".join(out)


SOFT_HYPHEN = "\u00ad"


def is_unicode_vietnamese(text: str) -> bool:
    """Whether ``text`` holds at least MIN_WORDS words with a Vietnamese letter beyond
    Latin-1 ("ạ", "ư", "đ"), which no legacy font writes."""
    return sum(1 for w in _words(text) if _unicode_word(w)) >= MIN_WORDS


def soft_hyphens(text: str, unicode_doc: bool | None = None) -> str:
    """``text`` without the soft hyphens (U+00AD) of its Unicode lines.  TCVN3 writes "ư" at
    that code point, so a soft hyphen a CMS or word processor left inside a Unicode word
    ("Lã\u00adnh đạo") was taken for one and the word converted ("Loứnh").  A line's U+00AD is
    a soft hyphen when the line holds no other legacy-font character and the text is Unicode
    Vietnamese: at least MIN_WORDS words with a letter beyond Latin-1 ("ạ", "ư", "đ"), in
    the text or, with ``unicode_doc`` given, in the document it belongs to (a title), or one
    in the line itself."""
    if SOFT_HYPHEN not in text:
        return text
    others = _markers() - {SOFT_HYPHEN}
    if unicode_doc is None:
        unicode_doc = is_unicode_vietnamese(text)
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if SOFT_HYPHEN in line and not any(c in others for c in line) and \
                (unicode_doc or _unicode_word(line)):
            lines[i] = line.replace(SOFT_HYPHEN, "")
    return "\n".join(lines)


def to_unicode(text: str, unicode_doc: bool | None = None) -> tuple[str, str | None]:
    """``text`` in Unicode and the legacy encoding it was converted from (None: it already
    was Unicode), its lines converted by :func:`lines_converter` (a text with no Unicode
    word converted whole), after the soft hyphens of its Unicode lines are taken out
    (:func:`soft_hyphens`; ``unicode_doc``: the text is part of a Unicode document).  Raises
    LegacyEncodingError (see :func:`detect`)."""
    text = soft_hyphens(text, unicode_doc)
    encoding = detect(text)
    return (lines_converter(text, encoding)(text), encoding) if encoding else (text, None)


def lines_converter(text: str, encoding: str) -> Callable[[str], str]:
    """What turns each line of a piece of the document ``text`` -- detected as typed in the
    legacy ``encoding`` -- into Unicode: every line when the document has no word with a
    Vietnamese letter beyond Latin-1 ("ạ", "ư": Unicode) -- a VNI line whose characters all
    look like Latin-1 Vietnamese letters ("Naêm 2010 coù 64 caây") reads as Vietnamese
    either way and was left as it was, then mangled by the tone normaliser ("còu"); when
    the document's legacy words outnumber its Unicode ones twice, a line without a Unicode
    word that reads as well converted; otherwise only its legacy lines and words
    (:func:`convert_lines`)."""
    words = _words(text)
    n_unicode = sum(1 for w in words if _unicode_word(w))
    markers = _markers()
    # mostly legacy: a short piece whose words read as Vietnamese both ways ("XuÊt khÈu"
    # holds no legacy-only character) is taken as the document's encoding
    mostly = sum(1 for w in words if any(c in markers for c in w)) > 2 * n_unicode

    def line_to_unicode(line: str) -> str:
        if n_unicode == 0 or (mostly and not _unicode_word(line)
                              and _valid_share(_words(convert(line, encoding)))
                              >= _valid_share(_words(line))):
            return convert(line, encoding)
        return convert_lines(line, encoding)

    def piece_to_unicode(piece: str) -> str:
        return "\n".join(line_to_unicode(line) for line in piece.split("\n"))

    return piece_to_unicode


def encoding_of(pieces: Iterable[str]) -> str | None:
    """The legacy encoding ("tcvn3", "vni") one document's ``pieces`` were typed in, as
    :func:`converter` reads it, or None for Unicode.  Raises LegacyEncodingError as
    :func:`detect` does."""
    return detect(soft_hyphens("\n".join(p for p in pieces if p)))


def converter(pieces: Iterable[str]) -> Callable[[str], str]:
    """What turns each piece of one document -- a paragraph, a table cell, a sheet's name --
    into Unicode, for a reader to apply before it writes tables as lines (so that a table's
    header, unit column and caption are read in Unicode, and the reader's own words, "—",
    "dòng", "trang tính", are never taken for legacy text).  The document's encoding is
    :func:`detect`'s over all its ``pieces`` (a table of a few words is converted with the
    text around it), and its lines converted by :func:`lines_converter`.  Unicode pieces
    come back unchanged.  Raises LegacyEncodingError as :func:`detect` does."""
    pieces = [p for p in pieces if p]
    text = soft_hyphens("\n".join(pieces))
    encoding = detect(text)
    if encoding is None:
        return _unchanged
    unicode_doc = is_unicode_vietnamese(text)
    lines = lines_converter(text, encoding)

    def to_unicode_piece(piece: str) -> str:
        return lines(soft_hyphens(piece, unicode_doc))

    return to_unicode_piece


def _unchanged(piece: str) -> str:
    return piece


# A syllable spelt with "ơ" before "c", "ng" or "u" and no "ư" in front of it: Vietnamese
# writes "ước", "ương", "ươu" and never "ơc", "ơng", "ơu" -- what is left of them when a
# TCVN3 text's "ư" (U+00AD) is lost: dropped ("trớc", "lợng", "thơng") or read as a space
# ("tr ớc", "l ợng").  Names are spelt so now and then ("Hồ Đức Phớc"), so a document is
# broken only when MIN_WORDS different such words outnumber its well-spelt "ươ" ones.
_LOST_U_RE = re.compile(r"(?<![ưƯ])[ơƠ](?:c|ng|u)$", re.IGNORECASE)


def lost_u(text: str) -> list[str]:
    """The words of a Unicode ``text`` that lost their "ư" ("trớc", "lợng", "thơng", and "ớc"
    of "tr ớc"), in order, once each -- when there are at least MIN_WORDS of them and more
    of their uses than of well-spelt "ươ" words ("trước", "lượng"); else []."""
    lost: dict[str, int] = {}
    kept = 0
    for m in _LETTER_WORD_RE.finditer(text):
        low = unicodedata.normalize("NFD", m.group(0).lower())
        bare = unicodedata.normalize("NFC", "".join(c for c in low if c not in _TONES))
        if _LOST_U_RE.search(bare):
            lost[m.group(0)] = lost.get(m.group(0), 0) + 1
        elif "ươ" in bare:
            kept += 1
    return list(lost) if len(lost) >= MIN_WORDS and sum(lost.values()) > kept else []


def check_lost_u(text: str) -> None:
    """Raise LegacyEncodingError, naming a few of the words, when ``text`` lost its "ư"
    (:func:`lost_u`): a legacy TCVN3 text read by a tool that dropped the font's "ư" is
    never indexed silently."""
    words = lost_u(text)
    if words:
        raise LegacyEncodingError(
            f"the text has lost its letter \"ư\" ({', '.join(words[:3])}: a legacy TCVN3 "
            "font read without it); convert the file to Unicode (e.g. Unikey's converter) "
            "and add it again / văn bản mất chữ \"ư\" (bảng mã cũ TCVN3)")


# 8-bit code pages a Vietnamese office saved text in: Windows-1258 (Excel's CSV on a
# Vietnamese Windows), or a TCVN3/VNI font's bytes read as Windows-1252 or Latin-1.
EIGHT_BIT = ("cp1252", "latin-1", "cp1258")
_LETTER_RUN_RE = re.compile(r"[^\W\d_]+")


def legacy_8bit(data: bytes) -> str | None:
    """The Unicode text of bytes that are not UTF-8: decoded with each code page of
    :data:`EIGHT_BIT`, legacy font text converted (:func:`to_unicode`), and the reading
    whose words are most often Vietnamese syllables kept (the first on a tie: a font's bytes
    before Windows-1258) -- when at least MIN_VALID of them are and at least MIN_WORDS words
    have a Vietnamese letter beyond Latin-1; None otherwise."""
    best, best_share = None, 0.0
    for codec in EIGHT_BIT:
        try:
            text = unicodedata.normalize("NFC", data.decode(codec))
            text, legacy = to_unicode(text)
        except (UnicodeDecodeError, LegacyEncodingError):
            continue
        if codec == "cp1258" and legacy:
            continue  # Windows-1258 is Unicode Vietnamese once decoded, not a font's bytes
        words = [w for w in _LETTER_RUN_RE.findall(text) if not w.isascii()]
        viet = [w for w in words if _unicode_word(w)]
        if len(viet) < min(MIN_WORDS, len(words)) or not viet:
            continue
        share = _valid_share(words)
        if share > best_share:
            best, best_share = text, share
    return best if best_share >= MIN_VALID else None
