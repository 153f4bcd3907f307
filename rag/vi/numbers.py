"""Figures as Vietnamese reports write them: "3.274,6 tỷ đồng", "−5,2%", "1 250 tỷ đồng",
"150 - 170 xe/ngày", "khoảng 115.000 lượt", "4/14", "108,71".

Conventions (Vietnamese, the statistics offices' and the press's): "." or a (no-break, narrow
no-break) space groups thousands, "," marks decimals ("4.102,6"); a raw spreadsheet value may
use "." as the decimal mark ("5068.5"), and a dot followed by other than exactly three digits
is read that way.  A minus sign (U+2212, or a hyphen or en dash right before the digits that
does not join a range) is part of the value; so is the word "âm" ("negative") right before
the number ("tăng trưởng âm 2,1%": a fall).  Two numbers joined by "-", "–", "—", "÷" or "~"
are one value, a range; so are two joined by "đến"/"tới" with a unit or "%" after the second
("từ 2 đến 3 ngày").
Years (1990-2039 standing alone), dates, decision numbers ("2456/QĐ-UBND"), times of day
("18 giờ ngày") and period lengths ("8 tháng", "quý 2") are not figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag.vi import spelled
from rag.vi.lexicon import (
    COUNT_NOUNS,
    STOPWORDS_EXACT,
    UNIT_HEAD_PHRASES,
    UNIT_HEADS,
    UNIT_HEADS_EXACT,
    UNIT_MAGNITUDES,
    UNIT_OCCURRENCES,
    UNIT_PER,
    UNIT_STOP,
    UNIT_TIME_HEADS,
)
from rag.vi.text import fold
from rag.vi.words import is_word

_GROUP_SEP = " \u00a0\u202f."
# a number: thousands grouped by ".", or by a plain, no-break or narrow no-break space, with a
# decimal part after ","; or plain digits with one "." or "," decimal mark
# A number a PDF or OCR text layer drew glyph by glyph, with stray spaces before its
# separator ("41 .208 ha", "58 . 914 tấn", "giảm 2 ,3 %"): read as the number without them
# ("41.208", "58.914", "2,3").  Only where that reading is unambiguous: a space before the
# separator (typed punctuation has none: "5, 6 và 7", "năm 2093, 2094", a sentence's "." are
# never joined), then exactly three digits after a "." (a group), or digits then "%" or a unit
# after a "," or "." (a decimal mark; the unit is checked by :func:`find_values`).  Kept in the
# reader rather than in the text layer's normalisation: the stored text (what quotes and their
# spans point into) stays as drawn, and the same spacing comes through OCR, .txt and HTML.
SPACED_GROUP = r"\d{1,3}(?:[ ]\.[ ]?\d{3}(?![\d]))+(?:,\d+(?![.,]\d)|[ ],[ ]?\d+)?"
SPACED_DECIMAL = r"\d{1,3}[ ][.,][ ]?\d+(?=[ ]?%|[ ][^\W\d_])"
# The same drawn with the space AFTER the separator ("đạt 12. 430 ha", "7, 140 doanh nghiệp",
# "1. 250,5 tỷ đồng"; break-tests bt15-b16 "6, 215 ha" and bt16-b16 failure 2 answered the
# first piece): one number when 1-3 digits stand before the mark and exactly three after the
# space, running into "%", a unit or the number's continuation (more groups, a decimal part).
# A typed sentence end or list has the same shape, so :func:`find_values` reads the pieces
# apart again when no "%" or unit follows ("6, 215 và 300 ha"), when the first piece is a
# period, an ordinal or a cited part ("tháng 12. 430 hộ", "Điều 5, 120 ..."), or a list's
# number at a line's start ("1. 250 hộ"); a year ("năm 2012. 430 hộ") has four digits
SPACED_AFTER = (r"\d{1,3}(?:\.[ ]\d{3}(?!\d)(?:[ ]?\.[ ]?\d{3}(?!\d))*(?:,\d+(?![.,]\d))?"
                r"|,[ ]\d{3}(?![\d.,]\d))(?=[ ]?%|[ ]?[^\W\d_])")
# English order, "1,234.5" / "12,345,678.05": commas group thousands and one point marks the
# decimals -- how English-format spreadsheets and their CSV export write it; both marks, or
# two comma groups or more, make it unambiguous (read in prose as the readers of tables do)
ENGLISH_NUMBER = r"\d{1,3}(?:,\d{3})+\.\d+(?![.,]\d)|\d{1,3}(?:,\d{3}){2,}(?![.,]?\d)"
NUMBER = (r"\d{1,3}(?:\.\d{3})+(?:,\d+)?"
          r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?(?![\d.,]\d)"
          r"|\d+(?:[.,]\d+)?")
_PLAIN_NUMBER = NUMBER
# One space of any width between a digit and a group of exactly three digits: a thousands
# separator wherever it sits ("318\u202f460 lượt", "9\u00a0874 tỷ đồng", "4 612 350",
# "1\u2009250 ha", "7\u2007500 tấn") -- the plain, no-break, narrow no-break, figure, thin and
# other fixed-width spaces that :func:`rag.vi.text.normalize` unifies into " ".  Break-test
# bt25-b16 failure 1: a plain-text table reader took two lines' no-break spaces that lined up
# for a column gap and stored "318: 460", answered "318" at confidence 1.0.
GROUP_SPACE_RE = re.compile(r"(?<=\d)[ \u00a0\u2000-\u200a\u202f\u205f\u3000](?=\d{3}(?!\d))")


def mark_group_spaces(text: str, mark: str = " ") -> str:
    """``text`` with each space that separates a number's thousands (``GROUP_SPACE_RE``:
    one space of any width between a digit and exactly three digits) written ``mark``, one
    character for one so offsets and columns do not move.  With the default a plain space,
    as :func:`rag.vi.text.normalize` writes it; a layout reader that parts columns at
    whitespace marks it with a non-space character so no gap falls inside a number."""
    return GROUP_SPACE_RE.sub(mark, text)


NUMBER = (SPACED_GROUP + "|" + SPACED_DECIMAL + "|" + SPACED_AFTER + "|" + ENGLISH_NUMBER + "|"
          + NUMBER)
_MINUS = "\u2212"
# a rate per period written after a percentage: "tăng bình quân 7,58%/năm"
_PER_PERIOD = re.compile(r"/(?:năm|nam|tháng|thang)$")
# a dash set apart between a verb of change or level and its number: "tăng – 0,5%", "đạt -
# 1,2%": the number's minus, typed with the spaces of a word
_SPACED_MINUS = re.compile(r"(?:tăng|giảm|đạt|bằng|là|tang|giam|dat|bang|la)\s+([-–])\s+$",
                           re.IGNORECASE)
# the word "âm" ("negative") right before a number is its minus: "tăng trưởng âm 2,1%", "tăng
# âm 0,8%", "mức tăng âm 1,5%" are falls (the statistics offices' and the press's wording)
_WORD_MINUS = re.compile(r"(?<!\w)(âm)\s+$", re.IGNORECASE)
# the joint of a range that is not a plain dash: "đến", "tới", "÷", "~"
_RANGE_SEP_RE = re.compile(r"\s*[÷~]\s*|\s+(?:đến|tới|den|toi)\s+")
_WORD_JOINT = {"đến", "tới", "den", "toi"}
# what joins a range's two ends, each written with its unit: "7,2% đến 7,5%", "450 xe/ngày -
# 500 xe/ngày", "5%-7%" (a dash glued to the top is read as its minus sign first)
_JOINT = r"\s+(?:đến|tới|den|toi)\s+|\s*[-–—]\s*|\s*[÷~]\s*"
_JOINT_RE = re.compile(_JOINT)
# superscript digits written right after a number are its footnote mark, as word processors
# set one ("45.678¹ tỷ đồng", with a "¹ Số liệu của ..." note below): not part of the number
SUPERSCRIPT_DIGITS = "\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079"
# A unit typed glued to its number, as offices and news sites type prices and sizes:
# "52.500đ/kg", "1.215ha", "3.500tỷ đồng", "45.000VND/kg", "120tấn", "25km", "2,5tr USD".
# Only a currency, a measure or a scale word is read so (ending the word there: "đ/kg",
# "ha", "m2"; a scale word abbreviated before a currency, "tr.USD", "trđ"): a letter of a
# code glued to a number ("4G", "10A", "CX5", "H5N1", "QL1A") is none of these and keeps
# the number out, as before.
GLUED_UNIT = (r"(?i:(?:đồng|vnđ|vnd|usd|đ|ha|tấn|kg|km2|km|m2|m3|m²|m³|tỷ|tỉ|triệu|nghìn"
              r"|ngàn)(?![^\W_])|(?:tr|tỷ|tỉ|ng)\.?\s?(?:usd|đồng|đ)(?![^\W_]))")
_VALUE_TEMPLATE = (
    r"(?<![\w.,/\u2212-])"
    r"(?P<sign>[\u2212+]\s?|[-–](?=\d))?"
    r"(?P<low>" + NUMBER + r")"
    r"(?:(?P<dash>\s*[-–—÷~]\s*JOINT)(?P<high>" + NUMBER + r"))?"
    r"(?P<pct>\s?%(?:/(?:năm|nam|tháng|thang)\b)?|\s+phần trăm\b)?"
    r"(?:(?=[\u00b9\u00b2\u00b3\u2070\u2074-\u2079])|(?![\w/])|(?=" + GLUED_UNIT + r"))")
# a range joined by a dash, "÷" or "~"; or by "đến"/"tới" ("từ 2 đến 3 ngày", "khoảng 800 đến
# 1.000 người") when a unit or "%" follows its top -- else two numbers ("từ 1 đến 3/2023")
_VALUE_RE = re.compile(_VALUE_TEMPLATE.replace("JOINT", r"|\s+(?:đến|tới|den|toi)\s+"),
                       re.UNICODE)
_DASH_VALUE_RE = re.compile(_VALUE_TEMPLATE.replace("JOINT", ""), re.UNICODE)
# one number, never a range (the range's groups never match)
_SINGLE_VALUE_RE = re.compile(_VALUE_TEMPLATE.replace(
    r"(?:(?P<dash>\s*[-–—÷~]\s*JOINT)(?P<high>" + NUMBER + r"))?",
    r"(?:(?P<dash>(?!))(?P<high>(?!)))?"), re.UNICODE)
# a dash with a space before it and the digits glued after: the sign the next value is typed
# with, when what stands before is a period ("năm 2086 -0,7%", "tháng 5 -3,1%")
_SIGN_NOT_JOINT = re.compile(r"\s+[-–]")
# the same without the spaced forms: a spaced decimal with neither "%" nor a unit after
_PLAIN_VALUE_RE = re.compile(_VALUE_TEMPLATE.replace(NUMBER, _PLAIN_NUMBER).replace(
    "JOINT", r"|\s+(?:đến|tới|den|toi)\s+"), re.UNICODE)
_SPACED_DECIMAL_RE = re.compile(SPACED_DECIMAL)
_SPACED_GROUP_RE = re.compile(SPACED_GROUP)
_SPACED_AFTER_RE = re.compile(SPACED_AFTER)
# the stray spaces of a spaced number, around its mark: "58 . 914" -> "58.914", "12. 430" ->
# "12.430"
_SPACED_MARK = re.compile(r"(?<=\d)(?: ([.,]) ?|([.,]) )(?=\d)")
_DECISION_RE = re.compile(r"\d+(?:/\d{4})?/[A-ZĐ][\wĐđ]*-[\wĐđ&]+")
_DATE_RE = re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}(?:/(?:19|20)\d\d)?(?![\d/])")
# the first day of days of one month written with a dash ("ngày 14 - 16/9/2073", "(24–30/9)"):
# a date part, as the date after it is (rag.vi.mentions "days_dash"; issue 17 bt23-b17)
_DAY_SPAN_RE = re.compile(r"(?<![\d/.,])(\d{1,2})\s*[-–—]\s*(?=(\d{1,2})/\d{1,2}"
                          r"(?:/(?:19|20)\d\d)?(?![\d/]))")
_RATIO_RE = re.compile(r"(?<![\d/,.])(\d{1,3})/(\d{1,3})(?![\d/])")
_YEAR = re.compile(r"(?:19|20)\d\d")
# a list or heading number at the start of a line: "1. ", "2) ", "1.2. "
_ENUMERATOR = re.compile(r"(?:(?<=\n)|(?<=^)|(?<=\n )|(?<=^ ))\d{1,2}(?:\.\d{1,2})*[.)]\s")
_APPROX_WORDS = ("khoảng", "gần", "hơn", "trên", "xấp xỉ", "dưới", "tới", "lên tới",
                 "lên đến", "chừng", "ngót")
_MAGNITUDE = {"nghin", "ngan", "trieu", "ty", "ti"}
# words before a number that make it a period, a date part or an ordinal, not a figure;
# compared with their diacritics ("thu" is revenue, "thứ" an ordinal; "hè thu" a season), the
# folded forms only in text typed without any diacritics
_TIME_BEFORE = {"tháng", "quý", "năm", "ngày", "tuần", "đợt", "lần", "khóa", "khoá", "số",
                "giờ", "phút", "mục", "bước", "điểm", "kỳ", "thứ", "điều", "khoản", "phụ lục",
                "bảng", "biểu", "hình", "chương", "phần", "lúc",
                # a day of Tết, "mùng 4 Tết", "mồng 2": a date, never a value (bt17 s39)
                "mùng", "mồng",
                # where something is cited: a page, a row or line, a part of a document
                "trang", "dòng", "tiết", "tập", "quyển", "câu", "mẫu", "tiểu mục",
                # a table's column ("Đơn vị tính như cột 2", "cột 4 = cột 2 + cột 3", bt8-b16)
                "cột"}
# a number inside the name of a spreadsheet's sheet, as rag.ingest.sheets cites a row
# ("(trang tính «Biểu 05», dòng 5)", "«Số liệu 2»"): the sheet's name, never a figure (bt8-b16)
_SHEET_NAME_BEFORE = re.compile(r"trang tính\s*«[^»\n]*$", re.IGNORECASE)
# two words before a number that name a document it cites ("Nghị định 15", "Thông tư 38",
# "Quyết định 12"); one of them alone is no reference ("vốn đầu tư 5 tỷ đồng")
_CITED_BEFORE = {"phụ lục", "nghị định", "quyết định", "thông tư", "chỉ thị", "nghị quyết",
                 "công văn", "văn bản", "kết luận", "tờ trình", "thông báo", "tiểu mục",
                 "sơ đồ", "biểu đồ", "biểu mẫu", "chương trình"}
# words before a telephone number ("ĐT: (0205) 3 870 123", "Fax 0205.3870", "Hotline:")
_PHONE_BEFORE = re.compile(r"\b(?:đt|dt|tel|fax|hotline|điện thoại|dien thoai|sđt|sdt)\b"
                           r"\.?\s*:?[\d\s().+-]*$", re.IGNORECASE)
# A word before a number that names a thing by it: a school grade ("lớp 10", "khối 12"), a
# road ("Quốc lộ 1A", "QL 4B", "tỉnh lộ 226", "ĐT 226"), a border marker ("mốc 1119") or an
# emission standard ("Euro 4") or a bar's diameter ("thép phi 10", "Thép CB300 phi 16": a
# price report's product, break-test bt17h): the number is part of the name, neither a figure
# nor cut from the indicator, and a question naming it names that thing only ("lớp 10" is
# not "lớp 6"; break-test bt9-b16 failure 3).  ``_NAME_WEAK_BEFORE`` words name by a number
# only when no unit follows it ("tuyến 3", "phường 3", "Km 15"; "đường 12 km" is a length,
# "tổ 5 người" a count).  Compared with diacritics ("tuyển 5 người" recruits five); folded
# only in text typed without any.  A number before the word makes it a unit counted ("mở 15
# lớp 450 học viên": 450 learners).
_NAME_BEFORE = ("lớp", "khối", "quốc lộ", "tỉnh lộ", "ql", "đt", "mốc", "euro", "phi")
_NAME_WEAK_BEFORE = ("đường", "tuyến", "km", "phường", "tổ", "thôn", "xóm")
_NAME_NUMBER = re.compile(r"\d{1,4}[a-zA-Z]?")
# The stage of a project or programme named by a small number ("Dự án đường cao tốc Đồng Đăng
# - Trà Lĩnh giai đoạn 2", "Khu công nghiệp Đồng Bành giai đoạn 1", "Chương trình ... giai
# đoạn 3"): investment and disbursement news name a project's phases so (issue 17 break-test
# bt17i).  Only one or two digits and no unit after: "giai đoạn 2021-2025" is a span of years,
# "giai đoạn 16-25/6" of days (rag.vi.calendar, rag.vi.mentions), read before this.
_STAGE_BEFORE = ("giai đoạn", "gđ")
_STAGE_NUMBER = re.compile(r"\d{1,2}")
# A place or facility named by "số" and a number ("cửa khẩu số 1", "đường số 2", "chợ số 3",
# "tổ máy số 1", "khu công nghiệp số 2"): Vietnamese names such things "<kind> số <N>" (the
# streets of new urban areas, markets, wharves, a plant's generating units), and the number
# is the name -- a question naming "cửa khẩu số 2" names that gate, never "cửa khẩu số 1"
# (issue 16 item 10).  The kinds: the places rag.vi.lexicon.PLACE_KINDS lists beside the
# gates, and the facilities a report of trade and industry counts by number; compared with
# diacritics, folded only in text typed without any.  "số" alone before a number is no
# figure already (:data:`_TIME_BEFORE`); a document's "Quyết định số 12" is a decision's.
_NUMBERED_KINDS = ("cửa khẩu", "lối mở", "điểm thông quan", "chợ", "đường", "phố", "tuyến",
                   "cầu", "cảng", "bến", "bãi", "kho", "trạm", "khu", "cụm", "lô", "tổ",
                   "thôn", "tổ máy", "nhà máy", "xưởng", "mỏ", "khu công nghiệp",
                   "cụm công nghiệp")


def names_number(before: str, number: str, unit_follows: bool = False) -> bool:
    """Whether ``number`` (as written: "10", "1A") is part of a name given the text right
    before it (``before``: "Số học sinh tuyển vào lớp", "Quốc lộ"): it follows a naming word
    (:data:`_NAME_BEFORE`; :data:`_NAME_WEAK_BEFORE` only when no unit follows it,
    ``unit_follows``) with nothing but spaces between, is a whole number of at most four
    digits (an optional letter: "1A"), and the word counts no number before it ("15 lớp")."""
    if not _NAME_NUMBER.fullmatch(number) or not before[-1:].isspace():
        return False
    words = before.lower().split()
    if not words:
        return False
    plain = all(fold(w) == w for w in words[-3:])
    if numbered_kind(words, plain):
        return True  # "cửa khẩu số 1", "chợ số 3"
    if stage_word(words, plain) and _STAGE_NUMBER.fullmatch(number) and not unit_follows:
        return True  # "giai đoạn 2": a project's phase
    for names, weak in ((_NAME_BEFORE, False), (_NAME_WEAK_BEFORE, True)):
        if weak and unit_follows:
            continue
        for name in names:
            n = name.count(" ") + 1
            tail = words[-n:]
            if len(tail) < n:
                continue
            said = " ".join(tail)
            if said == name or (plain and said == fold(name)):
                lead = words[-n - 1] if len(words) > n else ""
                # a count before the word ("15 lớp") makes it a unit; a code ("CB300 phi 16") not
                return not (any(ch.isdigit() for ch in lead) and
                            not any(ch.isalpha() for ch in lead))
    return False


def stage_word(words: list[str], plain: bool) -> str:
    """The word of :data:`_STAGE_BEFORE` (folded) that ``words`` (lower case, split) end
    with, "" when none: "... cao tốc Đồng Đăng - Trà Lĩnh giai đoạn" -> "giai doan"."""
    for name in _STAGE_BEFORE:
        n = name.count(" ") + 1
        said = " ".join(words[-n:])
        if len(words) >= n and (said == name or (plain and said == fold(name))):
            return fold(name)
    return ""


def numbered_kind(words: list[str], plain: bool) -> str:
    """The kind of place (:data:`_NUMBERED_KINDS`, folded, with its "so") that the words
    ``words`` (lower case, split) end by naming with "số": "... qua cửa khẩu số" -> "cua
    khau so"; "" when they do not.  ``plain``: the text is typed without diacritics, whose
    words are compared folded."""
    if len(words) < 2 or words[-1] != ("so" if plain else "số"):
        return ""
    for kind in sorted(_NUMBERED_KINDS, key=len, reverse=True):
        n = kind.count(" ") + 1
        said = " ".join(words[-1 - n:-1])
        if len(words) > n and (said == kind or (plain and said == fold(kind))):
            return f"{fold(kind)} so"
    return ""


def named_numbers(text: str) -> frozenset[tuple[str, str]]:
    """The things ``text`` names by a number (:func:`names_number`), as (the naming word
    folded and lower-cased, the number lower-cased): "Quốc lộ 1A" -> ("quoc lo", "1a"),
    "lớp 10" -> ("lop", "10").  A question's and a frame's indicator are compared by them."""
    out = set()
    for m in re.finditer(r"(?<![\w.,])\d{1,4}[a-zA-Z]?(?![\w.,]\d|\w)", text):
        before = text[max(0, m.start() - 30):m.start()]
        if names_number(before, m.group()):
            words = before.lower().split()
            kind = numbered_kind(words, all(fold(w) == w for w in words[-3:]))
            if kind:
                out.add((kind, m.group().lower()))
                continue
            stage = stage_word(words, all(fold(w) == w for w in words[-3:]))
            if stage:
                if not re.match(r"\s*[-–/]\s*\d", text[m.end():m.end() + 4]):
                    out.add((stage, m.group().lower()))  # not "giai đoạn 24-30/9"
                continue
            for name in (*_NAME_BEFORE, *_NAME_WEAK_BEFORE):
                n = name.count(" ") + 1
                if fold(" ".join(words[-n:])) == fold(name):
                    out.add((fold(name), m.group().lower()))
                    break
    return frozenset(out)


# what joins a list of cited numbers: "khoản 1, 2 Điều 3", "Điều 3, 4 và 5", "trang 5-7"
_CITED_LIST_RE = re.compile(r"\s*(?:,|;|và|hoặc|va|hoac|-|–|đến|den)\s*$")
# a footnote or reference mark: a bare number alone in brackets ("USD(1)", "[2]", "(3).")
_MARK_RE = re.compile(r"[(\[]\s*\d{1,3}\s*[)\]]")
# a row number at a line's start, before the row's label ("1 Kim ngạch xuất khẩu ...")
_ROW_NUMBER_RE = re.compile(r"(?:(?<=\n)|(?<=^))\s?\d{1,3}\s+(?=[A-ZĐÀ-Ỹ])")
def _row_number(text: str, s: int) -> bool:
    """Whether the number at ``s`` is a row number before a capitalised label (
    :data:`_ROW_NUMBER_RE`).  The class "À-Ỹ" holds lower-case letters too ("đ", "ầ"): a
    count opening a table's value cell, "12 đầu máy", "12 đơn vị", is no row number
    (break-test bt16c, a unit cell the lexicon does not know)."""
    m = _ROW_NUMBER_RE.match(text, s)
    return m is not None and text[m.end():m.end() + 1].isupper()


def plain_word_before(text: str, start: int) -> bool:
    """Whether the word right before ``start`` in ``text`` is written as its folded form
    (no diacritics), so it may be a time word typed without them ("nam 2020", "thang 5") --
    never when capitalised alone ("Nam", "Ky"): a place's name, "cửa khẩu Cốc Nam 311 xe",
    "tỉnh Hà Nam 1.250 doanh nghiệp", "Quảng Nam", is no "năm 311" (issue 17, dev2 kinds;
    the reports write the year word "năm", "Năm" or, without diacritics, "nam"/"NAM")."""
    words = text[max(0, start - 14):start].split()
    word = words[-1].strip("(,:«“\"'") if words else ""
    return fold(word) == word and not (word[:1].isupper() and not word.isupper())


_TIME_BEFORE_FOLDED = {"thang", "quy", "nam", "ngay", "tuan", "dot", "lan", "gio", "ky",
                       "bang", "bieu", "dieu"}
# the words of _TIME_BEFORE that name a time, so a number after them is a period or a date
# part whatever follows it ("tháng 3 tỷ lệ ...", "năm 2 triệu ..." read as in a table row),
# folded; the others number an item, a part or a round ("phần", "mục", "đợt", "lần", "số")
_CALENDAR_WORDS = frozenset({"thang", "quy", "nam", "ngay", "tuan", "gio", "phut", "ky", "luc"})
# a magnitude word and a unit after a number: "triệu USD", "tỷ đồng", "nghìn tấn" (not a bare
# "tỷ", which may begin "tỷ lệ", "tỷ trọng")
_SCALED_UNIT = re.compile(r"\s*(?:nghin|ngan|trieu|ty|ti)\s+(?!le\b|trong\b)[^\W\d_]",
                          re.IGNORECASE)


def scaled_amount(after: str) -> bool:
    """Whether the text right after a number (``after``: " triệu USD; ...") begins with a
    magnitude word and a unit ("triệu USD", "tỷ đồng", "nghìn lượt"), so the number is an
    amount of money or of things -- "tỷ lệ" and "tỷ trọng" (a ratio, a share) are no unit."""
    unit = unit_after(after)[0]
    return bool(unit) and len(unit.split()) > 1 and \
        _SCALED_UNIT.match(fold(after[:30])) is not None


# a span of months/quarters (or a whole year) right before a value: "9 tháng", "6 tháng:",
# "cả năm", "2 quý" -- not a day's month ("ngày 9 tháng 12") (folded, lower case)
_SPAN_BEFORE = re.compile(r"(?:(?:^|[;,(:]\s*|\s)(?<!ngay )(?<!mung )\d{1,2}\s+(?:thang|quy)"
                          r"(?:\s+dau\s+nam)?"
                          r"|\bca\s+(?:nam|quy)|\bcung\s+ky(?:\s+nam\s+(?:truoc|ngoai))?)\s*:?\s*$")
# "sao": a rating ("4 sao"), not a count; "tet": a day of Tết ("4 Tết", "ngày mùng 4 Tết")
_TIME_AFTER = {"thang", "quy", "nam", "tuan", "sao", "tet"}
# A length of time whose unit is a period word: "thời gian đào tạo sơ cấp 3–6 tháng", "Thời
# gian thi công ... là 18 tháng", "thời hạn 36 tháng", "kéo dài 2 năm", "trong vòng 3 tuần",
# "từ 1 - 2 năm" -- a value with that unit, unlike "9 tháng", "6 tháng đầu năm", "tháng 6",
# "6 tháng 2024", "năm 2023", which name a period (issue 16 item 3; break-test bt22-b16
# failure 1).  Evidence: in tests/data/dev3, ../shared/dev-reports, tests/data/dev2 and the
# break-test corpora (264 files), 875 numbers stand before a period word; all but two name a
# period ("Trong 9 tháng", "6 tháng đầu năm", "9 tháng năm 2022", "Thời gian mất điện ...
# 10 tháng là 268 phút"), and those two have a cue before them in their clause and no figure
# after ("hết thời hạn 36 tháng được đánh giá lại", "thời gian đào tạo sơ cấp 3–6 tháng").
# Folded, lower case: the cue in the clause before the number ...
_DURATION_CUE = re.compile(r"\b(?:thoi gian(?! (?:qua|toi|gan day|vua qua|sap toi))|thoi han"
                           r"|ky han|thoi luong|keo dai|trong vong|trong khoang thoi gian)\b"
                           r"[^.;:,\n]{0,80}$")
# ... or, right before the number, a verb of finishing or building a work with the word that
# opens its length ("hoàn thành trong 18 tháng", "thi công trong vòng 24 tháng", "phấn đấu
# hoàn thành sau 6 tháng"), or "mất"/"tốn" of time taken ("mất khoảng 3 tháng"): the length
# the work takes, said of a planned work without "thời gian" (break-test s39 brief D; in the
# corpora above no such verb stands before "trong"/"sau" and a period word, so none of their
# periods is read as a length -- "thực hiện 9 tháng", "xây dựng 8 tháng đạt" have no "trong")
_LENGTH_OF_WORK_CUE = re.compile(r"\b(?:(?:hoan thanh|hoan tat|thi cong|xay dung|lap dat|"
                                 r"ket thuc|dua vao su dung)(?:\s+(?:xong|du kien|se|chi))?"
                                 r"\s+(?:trong(?:\s+vong)?|sau|mat)|mat|ton)"
                                 r"(?:\s+(?:khoang|chung|gan|hon|tu))?\s+$")
# ... and the unit word it takes (folded -> as written)
_DURATION_UNITS = {"thang": "tháng", "nam": "năm", "quy": "quý", "tuan": "tuần"}
# a figure after "N tháng" in its clause, or a verb that leads to one: "N tháng" is the period
# that figure is of ("Thời gian mất điện bình quân (SAIDI) 10 tháng là 268 phút",
# tests/data/dev2 and dev3 electricity bulletins), not a length (folded)
_VALUE_AFTER_PERIOD = re.compile(r"[^.;,\n]*\d|\s*(?:la|dat|o muc|bang|tang|giam|con)\b")
# words after the unit that make "N tháng" a period after all: "6 tháng đầu năm", "3 năm
# qua", "9 tháng năm 2022", "6 tháng 2024", "3 tháng trước", "tháng Chạp" (folded)
_PERIOD_AFTER_UNIT = re.compile(r"\s*(?:dau|cuoi|giua|nam\b|qua\b|truoc|toi\b|nay\b|lien"
                                r"|gan day|\d|/|chap|gieng)")
# A number that qualifies the noun a count before it counts is part of that thing's
# description, no figure (break-test bt16-b17 failure 4: "43 khách sạn từ 3 đến 5 sao" served
# "3"): the low end of a rating range ("từ 3 đến 5 sao", "2, 3 và 4 sao"; folded, after the
# number) ...
_RATING_RANGE_AFTER = re.compile(r"\s*(?:(?:den|toi|va|hoac|-|–|,)\s*[1-5]\s*)+sao\b")
# ... and, right after a counted noun ("1.250 trẻ em dưới 6 tuổi", "64 khách sạn trên 50
# phòng", "120 học viên từ 15 tuổi trở lên"), a threshold: "trên"/"dưới" N, or "từ" N with
# "trở lên"/"trở xuống" or an age; the lead word folded, before the number
_THRESHOLD_LEAD = re.compile(r"(?:^|\s)(tren|duoi|tu)\s+$")
_THRESHOLD_TAIL = re.compile(r"[^,.;:()]{0,24}?\btro (?:len|xuong)\b|\s*(?:(?:den|toi|-|–)\s*"
                             r"[\d.,]+\s*)?tuoi\b")
# a class or grade after a noun ("công trình cấp 4", "cơ sở hạng 1", "đất loại 2"): one digit
# and no noun after it ("cấp 3 giấy phép" issues three); compared with diacritics
_CLASS_BEFORE = re.compile(r"(?:^|\s)(?:cấp|hạng|loại)\s+$", re.IGNORECASE)
# A product's or grade's code is part of its name, no figure (issue 17 bt23-b17 failure 3: "giá
# xăng RON 95-III là 24.870 đồng/lít" served "95", "dầu diesel 0,05S" a figure 0; the same
# codes in bt15-b17 "xăng E5 RON92", bt14-b17 "xăng RON95", bt19-b17's table "Xăng RON
# 95-III"; codes glued to their letters, "PCB40", "CB300", "D10", are never read): a number of
# at most three digits right after an upper-case code word (never a Roman numeral, "quý II")
# with no unit or percent after it ...
_CODE_BEFORE = re.compile(r"(?<![\w])(?![IVX]+\s+$)[A-Z][A-Z0-9]{1,5}\s+$")
# ... -- the words of a price's side after the code ("xăng RON 95 bán lẻ là 27.430 đồng/lít",
# "E5 RON 92 bán ra", "mua vào", "giá", "niêm yết": a price report names the product, then the
# side its price is) are verbs or the price itself, never a noun the number counts, so they
# leave the number the code's (break-test bt17o of session 44: "95 bán lẻ" answered the
# price of "RON 95"); folded ...
_TRADE_SIDE_AFTER = re.compile(r"\s+(?:ban\s+(?:le|buon|ra)|mua\s+vao|gia|niem\s+yet)\b")
# ... or a number followed by its grade, a dash and upper-case letters ("95-III", "92-II",
# "dầu hỏa 2-K"; with or without a code word before it) ...
_GRADE_AFTER = re.compile(r"-[A-Z]+(?![\w])")
# ... or a number run straight into letters after its decimals ("0,05S", "0,001S")
_GLUED_CODE_AFTER = re.compile(r"[.,]\d+[^\W\d_]")
# A number joined by a hyphen to the lower-case word after it is one word with it, a size or
# kind ("container 40-feet", "20-foot"), no figure: a hyphen inside a word is part of the word
# (bt16e item 5; a range's dash has a digit after it, a grade's "95-III" upper case letters,
# :data:`_GRADE_AFTER`); read after a unit by :func:`unit_after` as part of the unit
_HYPHEN_WORD_AFTER = re.compile(r"-[^\W\d_A-ZĐ]+(?![\w-])")
_HYPHEN_SIZE_AFTER = re.compile(r" \d+-[^\W\d_A-ZĐ]+(?![\w-])")
# A code written as one word, letters and digits mixed, that names a grade, model, strain or
# route (the same KIND as above; bt23-b17 "0,05S", "95-III", bt15-b17 "RON92", bt14/bt19 "E5";
# "H5N1", "COVID-19", "PM2.5", "CO2", "4G", "QL1A", "ĐT.226" as named in issue 17's brief ad):
# letters first (upper case, never "Q3", "T10": a quarter, a month written short) ...
_CODE_LETTERS_FIRST = re.compile(r"(?![QT]\d{1,2}$)[A-ZĐ][A-Za-zĐđ]{0,4}[.\-]?\d+(?:[.,]\d+)?"
                                 r"[A-Za-z0-9]*(?:-[A-Z0-9]+)*")
# ... or digits first and upper-case letters after them ("0,05S", "0,001S-V", "4G", "180CST")
# or after a dash ("95-III", "2-K")
_CODE_DIGITS_FIRST = re.compile(r"\d+(?:[.,]\d+)?[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*|\d{1,3}-[A-Z]+")
# A number a code word names, of any length: a commodity's customs code ("thép cán (mã HS
# 7214)", "rau quả tươi (mã HS 0810)", "mã số 8517"), no level of the product it is written
# beside (issue 17 break-test bt25-b17 failure 2: each HS code framed as a unit-less level
# and served for the product's figure and for the total); longer than the three digits of
# :data:`_CODE_BEFORE` ("RON 92") and kept with its leading zero; compared with diacritics
_NAMING_CODE_BEFORE = re.compile(r"(?:(?<![\w])mã(?:\s+số)?(?:\s+HS)?|(?<![\w])HS)\s*:?\s*$",
                                 re.IGNORECASE)
_NAMED_CODE = re.compile(r"\d{2,10}")
# The fineness of gold written after it ("vàng 99,99", "vàng 9999", "vàng 999,9", "vàng 24"
# with "24K" already a code word): part of the product's name, no price -- the price follows
# ("Giá vàng 99,99 bình quân tháng 10 ở mức 8.960 nghìn đồng/chỉ", bt25-b17 failure 3: "99,99"
# served with the unit "bình quân"); never a share after "vàng" ("luồng vàng 24,9%": the
# yellow customs lane, dev corpora), which carries its percent
_GOLD_BEFORE = re.compile(r"(?<![\w])vàng\s+$", re.IGNORECASE)
_FINENESS = re.compile(r"9{2,4}(?:[.,]9{1,2})?|(?:1[048]|2[24])")
# ... and after the gold's brand, form or kind written between ("Vàng SJC 9999", "vàng miếng
# SJC 99,99", "vàng nhẫn 9999", "vàng PNJ 999,9": break-test bt17h, the price row "Vàng SJC
# 9999 | triệu đồng/lượng | 118,5 - 121,0" served "9999"): up to three words of letters only,
# and only the nines of a fineness (never "vàng ... 24", which may count)
_GOLD_NAMED_BEFORE = re.compile(r"(?<![\w])vàng(?:\s+[^\W\d_]+){1,3}\s+$", re.IGNORECASE)
_NINES = re.compile(r"9{2,4}(?:[.,]9{1,2})?")


def gold_fineness(before: str, number: str) -> bool:
    """Whether ``number`` (as written: "9999", "99,99") is the fineness of the gold named in
    the text right before it (``before``: "Giá vàng ", "Vàng SJC ", "vàng miếng SJC "): part of
    the product's name, never its price (:data:`_FINENESS`, :data:`_GOLD_NAMED_BEFORE`)."""
    if _FINENESS.fullmatch(number) and _GOLD_BEFORE.search(before[-8:]):
        return True
    return bool(_NINES.fullmatch(number) and _GOLD_NAMED_BEFORE.search(before[-40:]))


# "15 ngày đầu tháng 7", "10 ngày cuối của tháng 12": the days of a month a figure is of
# (rag.vi.mentions reads the span; bt8-b17 failure 6), no count of days
_DAYS_OF_MONTH_AFTER = re.compile(r"\s+ngay\s+(?:dau|cuoi)(?:\s+tien)?\s+(?:cua\s+)?thang\b")
# the hour of a moment a count is held at, said before its day (folded, lower-case): "Tính
# đến 8 giờ sáng 16/12/2022, ... còn 1.254 xe" (dev2 e029), "lúc 7 giờ 30 phút chiều ngày
# 23/2" -- a time of day, no value in hours ("17 giờ ngày 25/6" is caught as before)
_CLOCK_BEFORE_DAY = re.compile(r"\s*gio(?:\s+\d{1,2}(?:\s+phut)?)?\s+(?:(?:sang|chieu|toi|trua|"
                               r"dem)\s+)?(?:ngay\s+|hom\s+)?\d{1,2}/\d{1,2}\b")
# "cùng kỳ", "cùng thời điểm" right before a number (folded; "cùng kỳ năm trước" is read as a
# year before it gets here): the base of a difference stated after it ("cao hơn cùng kỳ 3.216
# tỷ đồng", "ít hơn cùng thời điểm 40 hộ"), not the ordinal of "kỳ 2" nor "điểm 5" (issue 17
# break-tests bt11-b17 failure 1, bt12-b17 failure 2; tests/test_stated_differences_vb.py)
_SAME_PERIOD_BEFORE = re.compile(r"(?<!\w)cung (?:ky|thoi diem)\s*$")
# (never after a percentage: "thấp hơn mức 3,6% năm trước" is a rate of that year; issue 17
# break-test b17 A, tests/test_stated_differences.py)

# the span of an average right before a number, as written: "mỗi tháng 85", "bình quân một
# ngày 1.390 tấn" -- the number is the average, not a day or month of the calendar ("tháng
# 85"; break-test b17 B: "9 tháng có 764 doanh nghiệp thành lập mới, bình quân mỗi tháng
# 85"); "một", and "moi" typed without diacritics ("mới" folds to it too), count only after
# the averaging word ("một tháng 9" may be a month)
_PER_SPAN_BEFORE = re.compile(r"(?:\bmỗi|\b(?:bình quân|trung bình|binh quan|trung binh)"
                              r"\s+(?:mỗi|moi|một|mot))\s+(?:ngày|tuần|tháng|quý|năm|ngay|tuan|"
                              r"thang|quy|nam)\s*$")


@dataclass(frozen=True)
class Value:
    """One figure of a text.

    ``start``/``end``: its span, sign and unit included; ``text`` that span as written;
    ``low`` the (signed) number and ``high`` the top of a range (None otherwise); ``percent``
    whether it is in %; ``unit`` the unit phrase as written ("tỷ đồng", "xe/ngày", "%", "");
    ``kind``: "percent", "amount" (with a magnitude or a currency), "count", "ratio" (a rank
    such as "4/14")."""

    start: int
    end: int
    text: str
    low: float
    high: float | None
    percent: bool
    unit: str
    kind: str
    written_unit: int | None = None  # characters the unit takes in ``text`` when they are
    # not ``unit`` itself: an abbreviation ("tr.USD" for "triệu USD"), a footnote mark
    # before it ("1.234,5(*) tỷ đồng"), the bracket of an accounting negative ("(215,4) tỷ
    # đồng")

    @property
    def shown(self) -> str:
        """The value as an answer shows it: as written, except a range written with words or
        a sign other than a dash ("2 đến 3 ngày", "120÷150 xe/ngày"), shown with an en dash
        ("2–3 ngày", "120–150 xe/ngày"), its unit once when written after both ends
        ("7,2% đến 7,5%" -> "7,2–7,5%"), and without a footnote mark before its unit
        ("1.234,5(*) tỷ đồng" -> "1.234,5 tỷ đồng")."""
        text = self._once(self.text)
        if self.unit and not self.percent:
            width = self.written_unit if self.written_unit is not None else len(self.unit)
            written = text[len(text) - width:]
            if written[:1].isalpha() or written.strip().split("/")[0].lower() == "đ":
                # a unit glued to the number, or the đồng written "đ": shown spaced and in
                # full, "52.500đ/kg" -> "52.500 đồng/kg", "1.215ha" -> "1.215 ha"
                text = f"{self.number} {self.unit}"
        if self.unit and not self.percent and self.written_unit is not None:
            # a footnote mark between the number and its unit is left out: "1.234,5 tỷ đồng"
            text = _MARK_BETWEEN.sub("", text, count=1) if _MARK_BETWEEN.search(
                text, len(text) - self.written_unit) else text
        if self.percent and text.startswith("(") and self.low < 0:  # "(3,2)%" -> "−3,2%",
            text = _MINUS + text[1:].replace(")", "", 1).replace(" %", "%")  # as tables show
        if " " in text:  # "41 .208 ha" as a PDF's text layer drew it: shown "41.208 ha"
            text = _SPACED_MARK.sub(r"\1\2", text)
        m = _RANGE_SEP_RE.search(_SPACED_MARK.sub(r"\1\2", self.number)) \
            if self.high is not None else None
        if m is None:
            return text
        return text[:m.start()] + "–" + text[m.end():]

    @property
    def number(self) -> str:
        """The number part as written (no unit): "3.274,6", "−5,2", "150 - 170"."""
        text = self._once(self.text)
        if self.unit and not self.percent:
            width = self.written_unit if self.written_unit is not None else len(self.unit)
            return _MARK_AFTER.sub("", text[: len(text) - width].rstrip())
        return _PER_PERIOD.sub("", text).rstrip("%").rstrip()

    def _once(self, text: str) -> str:
        """``text`` (this value's) with the unit written after a range's bottom left out, so
        it is written once, after the top: "7,2% đến 7,5%" -> "7,2 đến 7,5%", "450 xe/ngày
        đến 500 xe/ngày" -> "450 đến 500 xe/ngày" (:func:`_repeated_unit_ranges`)."""
        if self.high is None or not self.unit:
            return text
        width = 1 if self.percent else (
            self.written_unit if self.written_unit is not None else len(self.unit))
        unit = text[len(text) - width:].strip()
        if not unit:
            return text
        m = re.search(r"(?<=\d)\s?" + re.escape(unit) + r"(?=" + _JOINT + r")", text)
        return text[:m.start()] + text[m.end():] if m else text


def to_float(raw: str) -> float:
    """The number ``raw`` written the Vietnamese way (or a raw spreadsheet value):
    "1.233" -> 1233, "29,6" -> 29.6, "46.362,2" -> 46362.2, "1 036" -> 1036, "5068.5" ->
    5068.5.  ValueError for something that is not a number."""
    raw = raw.strip().replace("\u00a0", " ").replace("\u202f", " ")
    if " " in raw:
        raw = raw.replace(" ", "")
    if "," in raw and "." in raw:
        mark = "," if raw.rfind(",") > raw.rfind(".") else "."
        intpart, _, dec = raw.rpartition(mark)
        return float(intpart.replace(".", "").replace(",", "") + "." + dec)
    if "." in raw:
        groups = raw.split(".")
        if all(len(g) == 3 for g in groups[1:]):
            return float(raw.replace(".", ""))
        return float(raw) if len(groups) == 2 else float(raw.replace(".", ""))
    if "," in raw:
        groups = raw.split(",")
        return float(raw.replace(",", ".")) if len(groups) == 2 else float(raw.replace(",", ""))
    return float(raw)


_CURRENCIES = frozenset({"usd", "đồng", "vnd", "vnđ", "euro", "tệ"})


def is_money(unit: str) -> bool:
    """Whether ``unit`` ("tỷ đồng", "triệu USD", "nhân dân tệ", "nghìn đồng/kg") is an
    amount of money: a currency before any "/", compared as written ("lao động", "hoạt
    động", "kinh tế" are none), folded only in a unit typed without diacritics ("ty dong").
    "đồng" is the currency first in the unit or after a scale word ("đồng/kg", "tỷ đồng");
    after another syllable it ends a word of its own -- "23 hợp đồng", "5 hội đồng" count
    contracts and councils (break-test s42: "số hợp đồng ký kết năm 2010?" was refused, its
    "23 hợp đồng" read as money)."""
    head = unit.split("/")[0].lower()
    words = head.split()
    if fold(head) == head:
        words = [{"dong": "đồng", "te": "tệ"}.get(w, w) for w in words]
    return any(w in _CURRENCIES and (w != "đồng" or i == 0 or fold(words[i - 1]) in _SCALES
                                     or words[i - 1] == VAN)
               for i, w in enumerate(words))


_SCALES = {"nghin": 1e3, "ngan": 1e3, "trieu": 1e6, "ty": 1e9, "ti": 1e9}
# "vạn" (ten thousand: "1,2 vạn lượt" = 12.000 lượt), a scale word the press still writes for
# visitors and vehicles; matched as written only ("văn", "vẫn", "vận" fold to "van" too).  A
# value in vạn is read as the plain count, its unit without the word.
VAN = "vạn"
VAN_SCALE = 1e4
# A unit abbreviated as tables and reports write it, read as the full unit: "tr.USD", "Tr.
# USD", "tr.đ", "tr. đồng", "tỷ đ", "ng.đ" ("nghìn đồng").  After a number only.
# "tr" without its dot too, spaced or glued: "2,5 tr USD", "2,5tr USD", "15trđ"
_ABBREVIATED = re.compile(r"\s?(?P<scale>tr\.?\s?|ng\.\s?|tỷ\s|tỷ\.\s?|tỉ\s|tỉ\.\s?)"
                          r"(?P<money>usd|đồng|đ)(?!\w|\.\w)", re.IGNORECASE)
_ABBREVIATED_SCALE = {"tr": "triệu", "ng": "nghìn", "tỷ": "tỷ", "tỉ": "tỷ"}
# "đ", the đồng as prices are written ("52.500đ/kg", "12.500 đ/kg", "45.000đ"): read as
# "đồng"; not before ")" or a letter ("điểm đ)" of a list, a word)
_DONG = re.compile(r"\s?đ(?=[^\w)]|$)", re.IGNORECASE)
# the dollar spelled out, "triệu đô la Mỹ", "đô-la", "đôla": read as "USD" (how the reports and
# the questions name it); "Mỹ" after it belongs to the unit, not to the next words
_DOLLAR = re.compile(r"\s?(?:đô[\s-]?la)(?:\s+Mỹ)?(?![\w-])", re.IGNORECASE)
# "tỉ" is the older spelling of "tỷ" (both in the dictionaries): units are read as "tỷ"
_TI = re.compile(r"(?<!\w)tỉ(?!\w)", re.IGNORECASE)
# A footnote mark between a number and its unit: "1.234,5(*) tỷ đồng", "1.234,5 (1) tỷ đồng"
# or a superscript one "45.678¹ tỷ đồng"
# or asterisks glued to the number "21.450,7* tỷ đồng" (with a "* Số liệu sơ bộ" note below;
# set apart by a space an asterisk may be a product or a list's bullet: not a mark)
_MARK_BETWEEN = re.compile(r"\s?(?:[(\[]\s*(?:\*{1,3}|\d{1,2})\s*[)\]]|[" + SUPERSCRIPT_DIGITS
                           + r"]{1,2})|\*{1,3}")
_MARK_AFTER = re.compile(r"(?:\s?(?:[(\[]\s*(?:\*{1,3}|\d{1,2})\s*[)\]]|[" + SUPERSCRIPT_DIGITS
                         + r"]{1,2})|\*{1,3})$")
# a value restated in brackets right after another: "(1.627.300 lượt)", "(khoảng 1.987 triệu USD)"
_RESTATED = re.compile(r"\s*\(\s*(?:khoảng|gần|hơn|trên|xấp xỉ|chừng|ngót|tương đương)?\s*$")


def scaled(v: Value) -> tuple[float, str, float]:
    """``v``'s number in plain units with its unit's head and the place of its last written
    digit in plain units: "1,6 triệu lượt khách" -> (1600000.0, "luot", 100000.0),
    "1.627.300 lượt" -> (1627300.0, "luot", 1.0).  The head is the first folded word after
    the scale words ("" for a bare number).  Raises ValueError for a percentage or a range."""
    if v.percent or v.high is not None:
        raise ValueError(f"not one amount: {v.text!r}")
    words = fold(v.unit).lower().split()
    factor = 1.0
    while words and words[0] in _SCALES:
        factor *= _SCALES[words.pop(0)]
    digits = re.sub(r"[^\d,.]", "", v.number)
    decimals = len(digits.split(",", 1)[1]) if "," in digits else 0
    try:  # a value read in vạn holds its scale already
        written = to_float(digits)
    except ValueError:
        written = 0.0
    held = abs(v.low) / written if written else 1.0
    return v.low * factor, (words[0] if words else ""), held * factor / 10 ** decimals


def restatements(text: str, values: list[Value]) -> dict[int, int]:
    """Values restated in brackets right after an earlier one, as the press writes an
    approximation then its exact figure ("hơn 1,6 triệu lượt khách (1.627.300 lượt)", "gần 2 tỷ
    USD (1.987,4 triệu USD)"): index of the bracketed value -> index of the value it
    restates.  ``values`` are ``find_values(text)``.  Both are amounts with the same head
    word, the bracket holds nothing else, and the two agree to the first one's written
    precision (half its last digit's place; a whole place after an approximation word);
    anything else in brackets (a part, another period, another unit) is its own figure."""
    out: dict[int, int] = {}
    for n in range(1, len(values)):
        v, w = values[n - 1], values[n]
        if not _RESTATED.fullmatch(text[v.end:w.start]) or \
                not re.match(r"\s*\)", text[w.end:]):
            continue
        try:
            if agree_to_precision(v, w, bool(approx_before(text[:v.start]))):
                out[n] = n - 1
        except ValueError:
            continue
    return out


def agree_to_precision(rough: Value, exact: Value, loose: bool) -> bool:
    """Whether ``exact`` states the amount ``rough`` does, to ``rough``'s written precision:
    the same head word (:func:`scaled`) and a difference within half the place of its last
    digit, a whole place when ``loose`` (an approximation word before it: "hơn 1,6 triệu" ~
    "1.627.300").  The press's restatements of one figure (:func:`restatements`,
    :func:`rounds_before`, a headline and its body: rag.answer.headline.restates).  Raises
    ValueError as :func:`scaled` does for a value it cannot scale."""
    a, head_a, place = scaled(rough)
    b, head_b, _ = scaled(exact)
    return head_a == head_b and abs(a - b) <= (place if loose else place / 2)


def rounds_before(text: str, v: Value, w: Value) -> bool:
    """Whether ``w`` restates ``v`` (both ``find_values(text)``), rounded, in brackets right
    after it, as the press writes an exact figure then its approximation in a larger unit:
    "4.812,6 triệu USD (hơn 4,8 tỷ USD)" (the converse of restatements).  Both are amounts with
    the same head word, the bracket holds nothing else, and they agree to the bracketed one's
    written precision (half its last digit's place; a whole place after an approximation
    word).  The bracketed value stays a figure of its own: only the parts of ``v`` listed after
    it (rag.vi.frames.sentence.summed_parts) look past it (issue 17, dev2 e095)."""
    if not _RESTATED.fullmatch(text[v.end:w.start]) or not re.match(r"\s*\)", text[w.end:]):
        return False
    try:
        return agree_to_precision(w, v, bool(approx_before(text[:w.start])))
    except ValueError:
        return False


# what joins an indicator to its value: "là", "đạt", "ở mức", "có giá", "bằng" (folded)
_LINK_TO_VALUE = re.compile(r"(?<!\w)(?:la|dat|o muc|co gia|bang|vao khoang)\s*$")
# a clause break: what follows is no longer the noun phrase the quantity belongs to
_PER_UNIT_BREAK = re.compile(r"[,;:()]|(?<!\w)(?:va|con|trong do|tang|giam)(?!\w)")


def per_unit_quantities(text: str, values: list[Value]) -> set[int]:
    """Indices of ``values`` (``find_values(text)``) that name the quantity an indicator is
    priced or measured for, not a figure: "Giá bán lẻ bình quân 1 tấn phân urê tháng 10/2027
    là 11 triệu 250 nghìn đồng", "Giá 1 kg thịt lợn hơi là 52.000 đồng", "chi phí xử lý 1 m3
    nước thải là 4.500 đồng" -- one (written "1") of a unit that is no money, inside the noun
    phrase, followed by a linking word ("là", "đạt", "ở mức", ...) and then a money value,
    with no clause break between.  "Xuất khẩu 1.200 tấn hàng, đạt 5 triệu USD" keeps both
    (not one unit, and a comma between)."""
    out: set[int] = set()
    for n in range(len(values) - 1):
        v, w = values[n], values[n + 1]
        if v.percent or v.high is not None or v.low != 1 or v.number != "1" or not v.unit \
                or is_money(v.unit) or v.kind == "amount" or not is_money(w.unit) or w.percent:
            continue
        between = fold(text[v.end:w.start]).lower()
        before = fold(text[:v.start]).lower().rstrip()
        if _LINK_TO_VALUE.search(before) or _LINK_TO_VALUE.search(before.rstrip(" .")):
            continue  # "sản lượng đạt 1 tấn": the figure itself
        link = _LINK_TO_VALUE.search(between.rstrip())
        if link is None or _PER_UNIT_BREAK.search(between[:link.start()]):
            continue
        out.add(n)
    return out


def _stop_inside(group: list[re.Match[str]]) -> bool:
    """Whether a word after the first of ``group`` (words as written, at least one with its
    diacritics) ends a unit phrase (rag.vi.lexicon UNIT_STOP): "hộ so [với cùng kỳ]" is the
    unit "hộ" then "so", though it folds to "ho so" as "hồ sơ" does; in text typed without
    any diacritics ("120 ho so") the folded phrase is all there is to go by (issue 17,
    tests/test_stated_differences_vb.py)."""
    written = [w.group(0).lower() for w in group]
    return any(fold(w) != w for w in written) and any(w in UNIT_STOP for w in written[1:])


def unit_after(text: str, nouns: bool = False) -> tuple[str, int]:
    """The unit written right after a number, and its length in characters (leading space
    included): magnitude words then one head of the lexicon ("triệu USD", "nghìn lượt",
    "phương tiện", "xe/ngày", "tỷ đồng"), then "per" units ("nghìn đồng/kg", "3
    chuyến/ngày", "đồng/người/tháng"); ("", 0) when the next word is no unit (rag.vi.lexicon
    UNIT_MAGNITUDES, UNIT_HEADS, UNIT_HEAD_PHRASES, UNIT_PER).  ``nouns``: ``text`` follows a
    number of running text, so a noun the lexicon does not hold is its unit too ("41.380 tờ
    khai", "520 giấy phép", "312 con", :func:`_noun_after`); off for a table cell or the end
    of an indicator, where a word alone is a label, not a unit."""
    short = _ABBREVIATED.match(text)
    if short:  # "tr.USD" -> "triệu USD", "tỷ đ" -> "tỷ đồng"
        scale = _ABBREVIATED_SCALE[short.group("scale").strip(" .").lower()]
        money = "USD" if short.group("money").lower() == "usd" else "đồng"
        per = _per_tail(text, short.end())  # "tỷ đồng/ngày" keeps what it is per
        return f"{scale} {money}{text[short.end():per]}", per
    # a superscript digit other than "²"/"³" (of "m²", "m³") ends a word: a footnote mark
    # "°C"/"°F" is one word: a temperature's unit ("tăng 0,3 đến 0,6 °C": one range)
    # a hyphen between letters is inside a word: "ki-ốt", "ô-tô", "công-te-nơ" (loanwords
    # written syllable by syllable, as Vietnamese spelling joins them; bt16e item 5)
    words = list(re.finditer(r"°\s?[CF](?![\w])|[^\W\d_\u00b9\u2070\u2074-\u2079]+[23](?![\w])"
                             r"|[^\W\d_\u00b9\u2070\u2074-\u2079]+(?:-[^\W\d_]+)*(?![\w-])"
                             r"|[^\W\d_\u00b9\u2070\u2074-\u2079]+|[%/³²]|\d", text[:60]))
    i, end, pos = 0, 0, 0
    while i < len(words) and (fold(words[i].group(0)) in UNIT_MAGNITUDES
                              or words[i].group(0).lower() == VAN) \
            and _adjacent(text, pos, words[i]):
        end = pos = words[i].end()
        i += 1
    dollar = _DOLLAR.match(text, pos)
    if dollar and (pos or dollar.start() == 0):  # "18,4 triệu đô la Mỹ" -> "triệu USD"
        per = _per_tail(text, dollar.end())
        return _TI.sub("tỷ", f"{text[:pos].strip()} USD{text[dollar.end():per]}".strip()), per
    dong = _DONG.match(text, pos)
    if dong and (pos or dong.start() == 0) and not text[pos:dong.start()].strip():
        # "52.500đ/kg" -> "đồng/kg", "3 tỷđ" -> "tỷ đồng"; "per" units may follow
        end = dong.end()
        end = _per_tail(text, end)
        unit = f"{text[:pos].strip()} đồng{text[dong.end():end]}".strip()
        return _TI.sub("tỷ", unit), end
    head = 0
    if i and i < len(words) and words[i].group(0).lower() in COUNT_NOUNS and \
            _adjacent(text, pos, words[i]) and not (
                i + 1 < len(words) and fold(words[i + 1].group(0)) in _NOT_COUNTED_AFTER):
        head = 1  # "180 triệu viên": what a scale word counts stays with it
        if i + 1 < len(words) and words[i + 1].start() == words[i].end() + 1 and \
                is_word("", "", f"{words[i].group(0)} {words[i + 1].group(0)}"):
            head = 2  # "140,8 nghìn tờ khai": the count noun is the first syllable of a word
    for n in (3, 2, 1) if not head else ():  # the longest head phrase
        group = words[i:i + n]
        if len(group) == n and all(_adjacent(text, pos if k == 0 else group[k - 1].end(), w)
                                   for k, w in enumerate(group)):
            phrase = " ".join(fold(w.group(0)) for w in group)
            if n > 1 and _stop_inside(group):
                continue  # "610 hộ so với cùng kỳ": "hộ" then "so", not "hồ sơ"
            if (n > 1 and phrase in UNIT_HEAD_PHRASES) or (n == 1 and phrase in UNIT_HEADS) \
                    or (n == 1 and group[0].group(0).lower() in UNIT_HEADS_EXACT) \
                    or (n == 1 and phrase.split("-")[0] in UNIT_HEADS):  # "tấn-km" whole
                head = n
                break
    if head == 1 and fold(words[i].group(0)) in UNIT_OCCURRENCES:
        head += _head_length(text, words, i + 1)  # "lượt xe", "chuyến xe container"
    if not head and nouns:
        head = _noun_after(text, words, i, pos)
    if head:
        end = words[i + head - 1].end()
        i += head
        if head == 1 and (shared := _shared_tail(text, end, fold(words[i - 1].group(0)))):
            # "58 khu, cụm công nghiệp": two kinds counted together, the words they share
            # written once -- the unit is both ("khu, cụm công nghiệp"; b17 N7)
            end += shared
            i = next((k for k, w in enumerate(words) if w.start() >= end), len(words))
    if end and i < len(words) and fold(words[i].group(0)).lower() == "km" and \
            text[end:words[i].start()] == ".":
        # a unit times distance, joined by a dot: "triệu tấn.km", "nghìn HK.km", "triệu
        # lượt người.km" (freight and passenger traffic in statistical tables; b17 N9)
        end = words[i].end()
        i += 1
    if end and (sized := _HYPHEN_SIZE_AFTER.match(text, end)):
        end = sized.end()  # "container 40-feet": a size joined by a hyphen names the kind
    if end:  # "per" units, one or more: "xe/ngày", "nghìn đồng/kg", "đồng/người/tháng"
        end = _per_tail(text, end)
    if not end:
        return "", 0
    return _TI.sub("tỷ", text[:end].strip()), end


_SHARED_TAIL_RE = re.compile(r", ([^\W\d_]+(?: [^\W\d_]+){1,2})(?![\w])")


def _shared_tail(text: str, end: int, first: str) -> int:
    """How many characters after ``end`` (right after the one-word head ``first``, folded)
    name a second kind of the lexicon that shares its last words with the first: ", cụm
    công nghiệp" after "khu" ("khu công nghiệp" and "cụm công nghiệp" both heads of
    UNIT_HEAD_PHRASES); 0 when none does."""
    m = _SHARED_TAIL_RE.match(text, end)
    if not m:
        return 0
    words = fold(m.group(1)).lower().split()
    for n in (3, 2):
        second = " ".join(words[:n])
        if len(words) >= n and words[0] != first.lower() and second in UNIT_HEAD_PHRASES and \
                " ".join([first.lower(), *words[1:n]]) in UNIT_HEAD_PHRASES:
            return len(", ") + len(" ".join(m.group(1).split()[:n]))
    return 0


_PER_TAIL_RE = re.compile(r"/([^\W\d_\u00b9\u2070\u2074-\u2079]+[23]?)(?![\w])")
# "ngày đêm" (a day and night, the water-supply day: "m3/ngày đêm", "m3/ngày.đêm") is one
# "per" unit of two words
_NIGHT_RE = re.compile(r"[ .](?:đêm|dem)(?![\w])", re.IGNORECASE)


def _per_tail(text: str, end: int) -> int:
    """Where the "per" units written right after a unit ending at ``end`` end ("/ngày",
    "/người/tháng" after "tỷ đồng", "triệu USD"; each one of rag.vi.lexicon UNIT_PER, no
    space around the slash; "/ngày đêm" one); ``end`` when none follows.  Every unit
    :func:`unit_after` reads goes on through it (issue 17 bt26-b17 failure 7: "bình quân
    225,3 tỷ đồng/ngày" lost its "/ngày"; issue 16 item 6: "nghìn m3/ngđ", "đồng/kWh")."""
    while (m := _PER_TAIL_RE.match(text, end)) and _per_unit(m.group(1)):
        end = m.end()
        if fold(m.group(1)).lower() == "ngay" and (night := _NIGHT_RE.match(text, end)):
            end = night.end()
    return end


def _per_unit(word: str) -> bool:
    """Whether ``word``, written after "/" behind a unit, is what the figure is per
    (rag.vi.lexicon UNIT_PER: a period, a measure, a trip, a person: "ngày", "kg", "tấn",
    "lít", "chuyến", "lượt", "người")."""
    return fold(word).lower() in UNIT_PER


def _noun_after(text: str, words: list[re.Match[str]], i: int, pos: int) -> int:
    """How many of ``words`` from ``i`` on (right after position ``pos``, the number or its
    scale word) are the noun a count counts when the lexicon holds none: the dictionary word
    of two syllables written there ("tờ khai", "giấy phép", "phóng viên", "lễ hội";
    rag.vi.words.is_word as written), else one syllable and the word after it that is one
    ("giấy chứng nhận", "con trâu bò"), else the one syllable ("312 con", "5.600 phòng").  In
    Vietnamese a numeral stands before the noun (or classifier) it counts, so the word right
    after a number is that noun -- unless it is a function word or a word that ends a unit
    phrase (rag.vi.lexicon STOPWORDS_EXACT, UNIT_STOP: "20 đạt chuẩn", "3 và", "5 so với"), a
    period or time word ("tháng", "quý", "Tết", "mùng"; _NOT_COUNTED), a scale word, or a
    capitalised word (a name or the next row: "mốc 1119 Hữu Nghị", "| 7,18 GRDP").  0 when
    it is none of these."""
    if i >= len(words) or not _adjacent(text, pos, words[i]):
        return 0
    first = words[i].group(0)
    low = first.lower()
    if low == "đầu" and _classifier_dau(text, words, i):
        return 2
    # a count noun that is also a function word ("bao" of "bao nhiêu", "bao gồm") counts when
    # no such word's second syllable follows it: "Tạm giữ 18.640 bao thuốc lá" (bt22-b17
    # failure 7), "5.300 bao xi măng"
    counted = low in COUNT_NOUNS and not (
        i + 1 < len(words) and fold(words[i + 1].group(0)) in _NOT_COUNTED_AFTER)
    if not first[0].isalpha() or not first[0].islower() or len(first) < 2 or \
            (low in STOPWORDS_EXACT and not counted) or low in UNIT_STOP or low in _NOT_COUNTED or \
            fold(low) in UNIT_MAGNITUDES or (fold(low) == low and fold(low) in _NOT_COUNTED):
        return 0
    def pair(k: int) -> bool:  # words k and k + 1 make a dictionary word, as written
        a, b = (words[k], words[k + 1]) if k + 1 < len(words) else (None, None)
        return a is not None and b is not None and b.start() == a.end() + 1 and \
            b.group(0).isalpha() and b.group(0).islower() and \
            is_word("", "", f"{a.group(0).lower()} {b.group(0)}")

    n = 2 if pair(i) else 0
    second = words[i + 1].group(0).lower() if i + 1 < len(words) else ""
    if not n and second and second not in _NOT_COUNTED and second not in UNIT_STOP and \
            words[i + 1].start() == words[i].end() + 1 and pair(i + 1):
        n = 3  # a noun and the word it heads: "giấy chứng nhận", "con trâu bò"
    return 0 if _value_follows(text, words[i + (n or 1) - 1].end()) else (n or 1)


def _value_follows(text: str, end: int) -> bool:
    """Whether a number follows the guessed noun ending at ``end`` in ``text`` with one space
    between ("... giai đoạn 2 giải ngân 812 tỷ đồng", "3 thu hút 5 dự án"): the words are the
    verb that leads to that value, not a noun the number before counts -- Vietnamese puts the
    counted noun right after its numeral and never a second number after the noun (issue 17
    break-test bt17i: "2 giải ngân" read as a count of "giải ngân").  A verb is no unit."""
    # -- a whole number, not a code or an electrical rating naming the noun ("64 trạm 5G",
    # "19 trạm biến áp 110 kV": tests/test_letter_digit_codes.py,
    # tests/test_per_unit_and_class_amounts.py)
    return re.match(r" \d[\d.,]*(?![\d.,]|[^\W\d_])(?!\s*(?:kv|kw|mw|mva|kva|mwp)\b)",
                    text[end:end + 24].lower()) is not None


# what "đầu" heads when it means "the beginning of" or makes another word, not a classifier
_DAU_NOT_CLASSIFIER = frozenset("tư tiên ra vào bảng hàng năm tháng quý tuần kỳ vụ mùa".split())


def _classifier_dau(text: str, words: list[re.Match[str]], i: int) -> bool:
    """Whether "đầu" right after a number is the classifier of what it counts -- "1.087 đầu
    xe khách", "12 đầu máy", "150 đầu sách", "2.400 đầu con" (vehicles, engines, book titles,
    livestock heads, as transport and statistical reports count them; break-test bt16c) --
    and not "the beginning of" ("tháng đầu năm", a period word after it) or a word it makes
    ("đầu tư", "đầu tiên", "đầu ra"): the next word is a lower-case noun adjacent to it."""
    if i + 1 >= len(words):
        return False
    nxt = words[i + 1]
    word = nxt.group(0)
    return nxt.start() == words[i].end() + 1 and text[words[i].end()] == " " and \
        word.isalpha() and word.islower() and word not in _DAU_NOT_CLASSIFIER and \
        word not in _NOT_COUNTED and word not in UNIT_STOP and word not in STOPWORDS_EXACT


# Words after a number that are no noun it counts: periods and times ("3 tháng", "mùng 7
# Tết", "2 lần/năm" keeps "lần" as a head), ordinals and list words, and the verbs and
# adjectives reports write after a count whose noun they leave out ("trong số 35 xã, 20 đạt
# chuẩn" is UNIT_STOP; "3 bị", "12 hoàn thành" are STOPWORDS_EXACT or listed here).
_NOT_COUNTED = frozenset("""
tháng năm quý tuần tết mùng giờ phút giây sáng chiều tối trưa đêm hôm nay mai qua trước sau
đầu cuối giữa thứ lần nữa trở hơn trên dưới gần khoảng ngoài quanh
vẫn cũng đều chỉ không chưa rồi luôn lại nhanh chậm lên xuống ra vào sang
""".split())


def _head_length(text: str, words: list[re.Match[str]], i: int) -> int:
    """How many of ``words`` from ``i`` on, right after the word before, make one head of
    the lexicon that counts things, not time (UNIT_HEAD_PHRASES, UNIT_HEADS but
    UNIT_TIME_HEADS): 0 when none does."""
    for n in (3, 2, 1):
        group = words[i:i + n]
        if len(group) != n or i == 0 or not all(
                _adjacent(text, words[i - 1 + k].end(), w) for k, w in enumerate(group)):
            continue
        phrase = " ".join(fold(w.group(0)) for w in group)
        if (n > 1 and phrase in UNIT_HEAD_PHRASES) or \
                (n == 1 and phrase in UNIT_HEADS - UNIT_TIME_HEADS - UNIT_OCCURRENCES):
            return n
    return 0


def is_unit(cell: str) -> bool:
    """Whether a table cell names a unit of measure ("nghìn tấn", "Triệu USD", "%", "lượt
    xe", "Chiếc", "1000 USD") rather than a name ("Mỏ Na Dương", "Huyện Cao Lộc", "Hữu
    Nghị"): read whole as the unit after a number (:func:`unit_after`), or one or two words
    with no digit and no capital after the first letter."""
    cell = " ".join(cell.split())
    scaled = re.match(r"1[.,]?0{3,}\s+(?=\D)", cell)  # "1000 USD", "1.000 tấn"
    if scaled:
        cell = cell[scaled.end():]
    if cell == "%" or (cell and unit_after(" " + cell)[1] == len(cell) + 1):
        return True
    if not cell or any(ch.isdigit() for ch in cell):
        return False
    words = cell.split()
    return len(words) <= 2 and not any(ch.isupper() for w in words[1:] for ch in w)


# "bao gồm", "bao nhiêu": "bao" as a word of its own, not a count noun
_NOT_COUNTED_AFTER = frozenset({"gom", "nhieu", "gio", "lau"})


def _adjacent(text: str, pos: int, m: re.Match[str]) -> bool:
    """Whether match ``m`` follows position ``pos`` of ``text`` with only spaces between."""
    return not text[pos:m.start()].strip() and m.start() - pos <= 2


def _product_code(text: str, m: re.Match[str]) -> bool:
    """Whether the number of match ``m`` (of _VALUE_RE on ``text``) is part of a product's
    code: see :data:`_CODE_BEFORE`, :data:`_GRADE_AFTER`, :data:`_GLUED_CODE_AFTER`."""
    s, e = m.start(), m.end()
    if m.group("high") is not None or m.group("pct") or m.group("sign"):
        return False
    if _GLUED_CODE_AFTER.match(text, e) or _HYPHEN_WORD_AFTER.match(text, e):
        return True
    if gold_fineness(text[max(0, s - 40):s], m.group("low")) \
            or (_NAMED_CODE.fullmatch(m.group("low")) and
                _NAMING_CODE_BEFORE.search(text[max(0, s - 14):s])):
        # "vàng 99,99 bình quân ...": the gold's fineness; "(mã HS 7214)": a customs code --
        # unless a unit follows ("vàng 99 tấn"), a date's day word aside ("vàng 999,9 ngày 12/5")
        unit, n = unit_after(text[e:])
        return not unit or (fold(unit.lower()) in ("ngay", "thang", "nam") and
                            bool(re.match(r"\s*\d", text[e + n:])))
    if not m.group("low").isdigit() or len(m.group("low")) > 3:
        return False
    if _GRADE_AFTER.match(text, e):
        return True  # "dầu hỏa 2-K", "RON 95-III"
    if not _CODE_BEFORE.search(text[max(0, s - 8):s]):
        return False
    if _TRADE_SIDE_AFTER.match(fold(text[e:e + 12]).lower()):
        return True  # "RON 95 bán lẻ là 27.430 đồng/lít": the price's side, no counted noun
    unit, n = unit_after(text[e:], nouns=True)
    return not unit or (fold(unit.lower()) in ("ngay", "thang", "nam") and
                        bool(re.match(r"\s*\d", text[e + n:])))


# Words naming a version, a generation or a technology by the number after them: "phiên bản
# 4.0", "thế hệ 5", "công nghệ 4.0", "(cách mạng) công nghiệp 4.0", "Web 3.0" -- a name, no
# quantity a "bao nhiêu" question asks (break-test s51, kind 3: "cách mạng công nghiệp 4.0"
# read as a figure).  "công nghiệp", "công nghệ" name one only by a dotted number ("giá trị
# sản xuất công nghiệp 3.450 tỷ đồng" is an amount: a Vietnamese figure groups its thousands
# by three digits, so "4.0" is none).  Compared folded.
_VERSION_BEFORE = re.compile(r"(?:\b(?:phien ban|the he|version|web)|\b(cong nghe|cong nghiep))"
                             r"\s+$")
_VERSION_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2})?")
# A dotted number of one or two digits after its dot ("3.0", "1.5"): no Vietnamese figure
# (decimals take a comma, thousands groups of three digits); before a capitalised name of a
# unit or a make ("3.0 Tesla", "1.5 Tesla"), the model's designation.
_DOTTED_SHORT = re.compile(r"\d{1,2}\.\d{1,2}")
_CAPITALISED_AFTER = re.compile(r"\s?[A-ZĐ][a-zà-ỹđ]+\b")
# digits fused with the capital letters after them, a model's or a network's name: "5G",
# "4G", "3D", "1.5T" (rag.vi.numbers reads such a word whole, :data:`_CODE_DIGITS_FIRST`)
_FUSED_CAPITALS = re.compile(r"[A-Z][A-Z0-9]*(?![\w])")


def designation(text: str, start: int, end: int) -> bool:
    """Whether the number at ``text[start:end]`` names a model, a version or a generation
    rather than counting or measuring anything: a number fused with capital letters ("5G",
    "4G", "3D"), a dotted short number before a capitalised name ("máy chụp cộng hưởng từ
    3.0 Tesla"), or a version number after a word naming one ("phiên bản 4.0", "thế hệ 5",
    "cách mạng công nghiệp 4.0": :data:`_VERSION_BEFORE`) with no unit after it.  Neither
    find_values nor the answerer's candidates serve it for "bao nhiêu" (break-test s51,
    kind 3: "3.0 Tesla" answered "có bao nhiêu máy chụp cộng hưởng từ" at 0.73)."""
    number = text[start:end]
    fused = _FUSED_CAPITALS.match(text, end)
    if fused is not None and _CODE_DIGITS_FIRST.fullmatch(number + fused.group(0)):
        return not unit_after(" " + fused.group(0))[0]  # "50MW" is a capacity
    if _DOTTED_SHORT.fullmatch(number) and _CAPITALISED_AFTER.match(text, end) \
            and not unit_after(text[end:])[0]:
        return True
    said = _VERSION_BEFORE.search(fold(text[max(0, start - 30):start]).lower())
    return said is not None and bool(_VERSION_NUMBER.fullmatch(number)) and \
        (said.group(1) is None or bool(_DOTTED_SHORT.fullmatch(number))) and \
        not unit_after(text[end:], nouns=True)[0]


def code_word(before: str, word: str) -> bool:
    """Whether ``word`` (one word as written: "95-III", "0,05S", "H5N1", "92") is a code that
    names a grade, model, strain or route, part of the name before it and no figure, given the
    text right before it (``before``: "giá xăng RON ", "dầu diesel "): letters and digits in
    one word (:data:`_CODE_LETTERS_FIRST`, :data:`_CODE_DIGITS_FIRST`), a number of at most
    three digits after an upper-case code word ("RON 92", :data:`_CODE_BEFORE`) or a number a
    naming word names (:func:`names_number`: "Euro 5", "Quốc lộ 1A"), a customs code of any
    length after "mã HS"/"mã số" (:data:`_NAMING_CODE_BEFORE`: "7214") or a gold's fineness
    (:data:`_FINENESS`: "vàng 99,99").  Issue 17 bt23-b17 failure 3, bt25-b17 failures
    2-3; :func:`rag.vi.frames.indicators.clean_indicator` keeps such a word closing a
    name ("giá xăng RON 95-III", not "giá xăng RON")."""
    if _CODE_LETTERS_FIRST.fullmatch(word) or _CODE_DIGITS_FIRST.fullmatch(word):
        return True
    if _NAMED_CODE.fullmatch(word) and _NAMING_CODE_BEFORE.search(before[-14:]):
        return True  # "mã HS 7214"
    if gold_fineness(before, word):
        return True  # "vàng 99,99", "vàng SJC 9999"
    if not word.isdigit() or len(word) > 3:
        return False
    return bool(_CODE_BEFORE.search(before[-8:])) or names_number(before, word)


def find_values(text: str) -> list[Value]:
    """Every figure of ``text``, in order (see the module's conventions)."""
    out: list[Value] = []
    taken = [(m.start(), m.end()) for m in _DECISION_RE.finditer(text)]
    taken += [(m.start(), m.end()) for m in _DATE_RE.finditer(text)
              if _is_date(m.group(0), text[:m.start()])]
    taken += [(m.start(), m.end()) for m in _DAY_SPAN_RE.finditer(text)
              if 0 < int(m.group(1)) < int(m.group(2)) and
              any(s == m.end() for s, _ in taken)]
    for m in _RATIO_RE.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        if _cites(text[max(0, m.start() - 30):m.start()]):
            taken.append((m.start(), m.end()))
            continue  # "trang 3/12": a page of a document
        a, b = int(m.group(1)), int(m.group(2))
        if 0 < a <= b:
            unit, n = unit_after(text[m.end():])
            end = m.end() + n if unit else m.end()
            out.append(Value(m.start(), end, text[m.start():end], float(a), None, False, unit,
                             "ratio"))
            taken.append((m.start(), m.end()))
    pos = 0
    cited_end = -1  # where the last number a document part was cited by ends
    while (found := _VALUE_RE.search(text, pos)) is not None:
        m = found
        if m.group("high") is not None and m.group("dash").strip() in _WORD_JOINT and \
                not m.group("pct") and not unit_after(text[m.end():])[0] and \
                not _duration_unit(text, m):  # "từ 5 đến 7 năm": one length
            m = _DASH_VALUE_RE.match(text, m.start()) or m  # "từ 2 đến 3": two numbers
        if any(_read_as(_SPACED_DECIMAL_RE, text, m, g)
               and not _read_as(_SPACED_GROUP_RE, text, m, g) for g in ("low", "high")) \
                and not m.group("pct") and not unit_after(text[m.end():])[0]:
            m = _PLAIN_VALUE_RE.match(text, m.start()) or m  # "3 .2 Diện tích": no decimal
        if _typed_apart(text, m):
            m = _PLAIN_VALUE_RE.match(text, m.start()) or m  # "tháng 6, 215 doanh nghiệp"
        if m.group("high") is not None and _SIGN_NOT_JOINT.fullmatch(m.group("dash")) \
                and _period_then_signed(text, m):
            m = _SINGLE_VALUE_RE.match(text, m.start()) or m  # "năm 2086 -0,7%": a sign
        pos = m.end()
        s, e = m.start(), m.end()
        duration = ""
        if any(ts < e and s < te for ts, te in taken):
            continue
        low_raw, high_raw = m.group("low"), m.group("high")
        before_raw = text[max(0, s - 14):s].lower().split()
        prev_raw = before_raw[-1].strip("(,:«“\"'") if before_raw else ""
        prev = fold(prev_raw)
        after = [w.strip(",.;:()") for w in fold(text[e:e + 14]).split()]
        nxt = after[0] if after else ""
        if high_raw is None and _YEAR.fullmatch(low_raw):
            continue  # a year
        if high_raw is not None and _YEAR.fullmatch(low_raw) and _YEAR.fullmatch(high_raw):
            continue  # a span of years: a period, not a value
        if _SHEET_NAME_BEFORE.search(text, max(0, s - 80), s):
            continue  # "trang tính «Biểu 05»": the sheet's name
        if text[max(0, s - 3):s].rstrip().endswith("="):
            continue  # the base of an index ("năm trước = 100")
        plain = plain_word_before(text, s)
        if high_raw is None and not m.group("pct") and (
                _RATING_RANGE_AFTER.match(fold(text[e:e + 30].lower())) or
                _qualifies_count(text, s, e, out) or _bound_in_name(text, s, e) or (
                    len(low_raw) == 1 and _CLASS_BEFORE.search(text[max(0, s - 8):s]) and
                    not unit_after(text[e:], nouns=True)[0])):
            continue  # "43 khách sạn từ 3 đến 5 sao": part of what is counted
        if _product_code(text, m):
            glued = _GLUED_CODE_AFTER.match(text, e)
            pos = max(pos, glued.end() if glued else e)
            continue  # "xăng RON 95-III", "dầu diesel 0,05S": the product's name
        if _PER_SPAN_BEFORE.search(text[max(0, s - 40):s].lower()):
            pass  # "bình quân mỗi tháng 85 doanh nghiệp": an average a month, no month 85
        elif _SAME_PERIOD_BEFORE.search(fold(text[max(0, s - 30):s].lower())):
            pass  # "cao hơn cùng kỳ 3.216 tỷ đồng": the difference, no "kỳ 3.216"
        elif _SPAN_BEFORE.search(fold(text[max(0, s - 30):s].lower())) and unit_after(text[e:])[0] \
                and not _YEAR.fullmatch(low_raw):
            # "...; lũy kế 9 tháng 3.480 ha", "(6 tháng: 2.100 tỷ đồng)", ", cả năm 12.400
            # tấn": the time word ends a span of months said before the value, no month number
            # (issue 17 bt13-b17 failure 2)
            pass
        elif (prev_raw in _TIME_BEFORE or (plain and prev in _TIME_BEFORE_FOLDED)) and \
                prev not in _CALENDAR_WORDS and scaled_amount(text[e:]):
            # "góp vốn, mua cổ phần 223 triệu USD", "thành phần 12 tỷ đồng": a number with a
            # magnitude and a unit after it is an amount, never the part or item numbered by
            # the word before ("phần 3", "mục 2" name no millions; break-test bt19-b17 4)
            pass
        elif (duration := _duration_unit(text, m)):
            pass  # "thời gian đào tạo 3–6 tháng": a length of time, a value in months
        elif prev_raw in _TIME_BEFORE or (plain and prev in _TIME_BEFORE_FOLDED) \
                or prev.endswith("/") or (nxt in _TIME_AFTER and not m.group("pct")) \
                or (nxt == "gio" and "ngay" in after[1:3]) \
                or _CLOCK_BEFORE_DAY.match(fold(text[e:e + 40]).lower()) \
                or _DAYS_OF_MONTH_AFTER.match(fold(text[e:e + 32].lower())):
            if m.group("high") is not None and m.group("dash").strip() in _WORD_JOINT:
                pos = m.end("low")  # "ngày 1 đến 15 ngày": the top may be a value
            elif _cites(text[max(0, s - 30):s]):
                cited_end = e  # "khoản 1, 2": a list of cited numbers may follow
            continue  # a period, a date part, an ordinal or a time of day
        if re.match(r"\s*/\s*\d", text[e:e + 3]) or re.match(r":\d\d", text[e:e + 3]) \
                or re.search(r"\d:$", text[max(0, s - 2):s]):
            continue  # a date part, or a time of day ("15:42")
        if _ENUMERATOR.match(text, s):
            continue  # "1. Sản xuất công nghiệp", "2) ..."
        if _PHONE_BEFORE.search(text, max(0, s - 30), s):
            continue  # "ĐT: (0205) 3 870 123", "Hotline 1900 1234": a number to call
        if high_raw is None and not m.group("pct") and not m.group("sign") and names_number(
                text[max(0, s - 30):s], low_raw + (text[e] if e < len(text) and
                                                   text[e].isalpha() and not
                                                   text[e + 1:e + 2].isalpha() else ""),
                bool(unit_after(text[e:])[0])):
            continue  # "lớp 10", "Quốc lộ 1A", "mốc 1119": part of a name
        if high_raw is None and not m.group("pct") and not m.group("sign") and \
                designation(text, s, e):
            continue  # "phiên bản 4.0", "3.0 Tesla": a model's or version's name
        bare = high_raw is None and not m.group("pct") and not m.group("sign") and \
            low_raw.isdigit() and len(low_raw) <= 3 and not unit_after(text[e:])[0]
        if bare and (_cites(text[max(0, s - 30):s]) or (
                cited_end >= 0 and _CITED_LIST_RE.fullmatch(text[cited_end:s]))):
            cited_end = e
            continue  # "Điều 3", "khoản 1, 2", "trang 12", "dòng 7": where, not how much
        negative = _accounting_negative(text, s, e, m)
        if negative is not None:
            try:
                number = to_float(low_raw)
            except ValueError:
                continue
            unit, n = negative
            pct = unit == "%"
            out.append(Value(s - 1, e + 1 + n, text[s - 1:e + 1 + n], -number, None, pct,
                             unit, "percent" if pct else _kind(unit), n))
            pos = e + 1 + n
            continue
        if bare and (_is_mark(text, s, e) or _row_number(text, s)):
            continue  # a footnote mark "USD(1)", "[2]"; a row number "1 Kim ngạch ..."
        try:
            low = to_float(low_raw)
            high = to_float(high_raw) if high_raw is not None else None
        except ValueError:
            continue
        if m.group("sign") and m.group("sign").strip() != "+":
            low = -low
        elif (spaced := _SPACED_MINUS.search(text, max(0, s - 16), s)) is not None:
            low, s = -low, spaced.start(1)  # "tăng – 0,5%": a dash set apart as the minus
        elif (word := _WORD_MINUS.search(text, max(0, s - 8), s)) is not None:
            low, s = -low, word.start(1)  # "tăng trưởng âm 2,1%": a fall of 2,1%
        percent = bool(m.group("pct"))
        written: int | None = None
        if percent:
            unit, n = "%", 0
        elif duration:
            unit, n = duration, len(text[e:]) - len(text[e:].lstrip()) + len(duration)
        else:
            unit, n = unit_after(text[e:], nouns=True)
            mark = _MARK_BETWEEN.match(text, e)
            if not unit and mark is not None:
                unit, n = unit_after(text[mark.end():], nouns=True)
                n += mark.end() - e if unit else 0  # "1.234,5(*) tỷ đồng"
            if unit and (n != len(text[e:e + n].rstrip()) or
                         text[e:e + n].strip() != unit):
                written = n
        if unit.split()[:1] == [VAN] and len(unit.split()) > 1 and high is None:
            low, unit, written = low * VAN_SCALE, unit.split(None, 1)[1], n
        end = e + n if unit and not percent else e
        kind = "percent" if percent else _kind(unit)
        out.append(Value(s, end, text[s:end], low, high, percent, unit, kind, written))
    out.sort(key=lambda v: v.start)
    return ordinal_ranks(text, _spelled_counts(text, _repeated_unit_ranges(
        text, _mixed_amounts(text, out))))


def _duration_unit(text: str, m: re.Match[str]) -> str:
    """The unit ("tháng", "năm", "quý", "tuần") when the number value match ``m`` of ``text``
    reads is a length of time: a period word follows it, none of the words that make it a
    period after that (_PERIOD_AFTER_UNIT: "6 tháng đầu năm", "9 tháng năm 2022") nor a
    figure in its clause (_VALUE_AFTER_PERIOD: "... 10 tháng là 268 phút"), and a word
    naming a length (_DURATION_CUE: "thời gian", "thời hạn", "kéo dài", "trong vòng")
    stands earlier in its clause, or a verb of finishing a work right before it
    (_LENGTH_OF_WORK_CUE: "hoàn thành trong 18 tháng").  "" otherwise: "Trong 9 tháng",
    "tháng 6", "năm 2023" stay periods."""
    s, e = m.start(), m.end()
    before = text[max(0, s - 14):s].lower().split()
    prev_raw = before[-1].strip("(,:«“\"'") if before else ""
    nxt = next(iter(fold(text[e:e + 14]).lower().split()), "").strip(",.;:()")
    if nxt not in _DURATION_UNITS or m.group("pct") or prev_raw in _TIME_BEFORE or \
            _YEAR.fullmatch(m.group("low")):
        return ""
    word = re.match(r"\s*(\S+)", text[e:])
    if word is None or fold(word.group(1)).lower().strip(",.;:()") != nxt:
        return ""
    rest = fold(text[e + word.end():e + word.end() + 60]).lower()
    if _PERIOD_AFTER_UNIT.match(rest) or _VALUE_AFTER_PERIOD.match(rest):
        return ""
    before_f = fold(text[max(0, s - 120):s]).lower()
    if not _DURATION_CUE.search(before_f) and not _LENGTH_OF_WORK_CUE.search(before_f):
        return ""
    return _DURATION_UNITS[nxt]


# a rank said by its place alone, after the verb that ranks (as written, lower case: the
# diacritics tell "thứ hai" from "thu hai"): "đứng thứ 2", "xếp thứ ba", "xếp hạng thứ 5",
# "đứng ở vị trí thứ 3" -- no "/N" of the set after it (that is a ratio, _RATIO_RE)
_ORDINAL_RANK_RE = re.compile(
    r"(?<!\w)(?:đứng|xếp)(?: hạng)?(?: ở)?(?: vị trí| hàng)? thứ\s+"
    r"(\d{1,2}|nhất|nhì|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)(?![\w/])(?!\s*/\s*\d)(?![.,]\d)")
_ORDINAL_WORDS = {"nhất": 1, "nhì": 2, "hai": 2, "ba": 3, "tư": 4, "năm": 5, "sáu": 6,
                  "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
# the first place said without an ordinal: "đứng đầu toàn tỉnh", "dẫn đầu cả nước", "xếp đầu
# khu vực" -- alone in its clause or with the set it is ranked in after it ("toàn tỉnh"),
# never "người đứng đầu cơ quan" (a head of an office) nor "dẫn đầu đoàn công tác" (to lead a
# delegation); nor before "về ...", whose phrase would take the clause's subject from the
# figures after it ("Bản Thái dẫn đầu về kim ngạch, chiếm khoảng 87%", dev3 r17; as "đứng thứ
# hai về ..." does, rag.vi.frames.sentence.rank_tail).  Read as "thứ nhất" (head_rank_said),
# the rank a question "xếp thứ mấy?" asks in whichever verb (rankverb, session 43)
_HEAD_RANK_RE = re.compile(
    r"(?<!\w)(?<!người )(?:đứng|dẫn|xếp)(?: ở vị trí)? đầu(?!\w)"
    r"(?=\s*(?:[;,.\n)]|$|cả nước|toàn (?:quốc|tỉnh|vùng|khu vực)|khu vực|vùng|trong|"
    r"các (?:tỉnh|huyện|địa phương|cửa khẩu|khu|điểm)|so với|trên (?:cả|toàn|địa bàn)))")
# one of a group at the head, no place of its own: "là một trong những tỉnh dẫn đầu", "nằm
# trong nhóm các tỉnh đứng đầu" (before _HEAD_RANK_RE's match, lower case)
_ONE_OF_HEAD_RE = re.compile(r"(?:một trong|nhóm|top)(?:\s+[^\W\d_]+){0,4}\s*$")
# the text of a first place read by _HEAD_RANK_RE: the verb with "đầu", so that it is no word
# of the indicator ("Chỉ số PAPI của tỉnh dẫn đầu cả nước": "Chỉ số PAPI của tỉnh")
HEAD_RANK = re.compile(r"(?:đứng|dẫn|xếp)(?: ở vị trí)? đầu")
# where the clause of a rank ends: a figure after it before this is the rank's item's own
# ("đứng thứ hai với 612,8 triệu USD"; not "xếp thứ ba toàn quốc, tăng 5 bậc")
_RANK_CLAUSE_END = re.compile(r"[;\n]|[.,](?!\d)|$")


def ordinal_ranks(text: str, values: list[Value]) -> list[Value]:
    """``values`` with the ranks written as a place alone added, in order: "Khu du lịch Mẫu
    Sơn ... đứng thứ 2 sau quần thể di tích Đền Bắc Lệ" (2), "xếp thứ ba cả nước" (3), kind
    "ratio" as a rank "4/14" is and shown as written ("2", "ba").  The ordinal after "thứ" is
    no figure anywhere else (_TIME_BEFORE); after a verb that ranks it is the rank a question
    "đứng thứ mấy?" asks (issue 17 break-test bt17h).  Left out when a figure follows in its
    clause ("... đứng thứ hai với 612,8 triệu USD"): there it orders a list whose items are
    the figures (rag.vi.frames.rankings), and would take the item's words from them.  The
    first place said "đứng đầu"/"dẫn đầu" (_HEAD_RANK_RE) is one as well, 1, its text the
    verb with "đầu" (:data:`HEAD_RANK`; said "thứ nhất": :func:`head_rank_said`)."""
    lowered = text.lower()
    if "thứ" not in lowered and "đầu" not in lowered:
        return values
    added = []
    found = [*_ORDINAL_RANK_RE.finditer(lowered), *_HEAD_RANK_RE.finditer(lowered)]
    for m in sorted(found, key=lambda m: m.start()):
        s, e = m.span(1) if m.re is _ORDINAL_RANK_RE else m.span()
        if m.re is _HEAD_RANK_RE and _ONE_OF_HEAD_RE.search(lowered[max(0, s - 40):s]):
            continue  # "một trong những tỉnh dẫn đầu": one of a group
        if any(v.start < e and s < v.end for v in values):
            continue
        end = _RANK_CLAUSE_END.search(lowered, e)
        stop = end.start() if end is not None else len(text)
        if any(e <= v.start < stop for v in values):
            continue
        word = m.group(1) if m.re is _ORDINAL_RANK_RE else "nhất"  # "đứng đầu": the first
        rank = int(word) if word.isdigit() else _ORDINAL_WORDS[word]
        added.append(Value(s, e, text[s:e], float(rank), None, False, "", "ratio"))
    if not added:
        return values
    return sorted(values + added, key=lambda v: v.start)


def head_rank_said(place: str) -> str:
    """A rank's place as an answer says it: the first place written "đứng đầu"/"dẫn đầu"
    (:data:`HEAD_RANK`, read by :func:`ordinal_ranks`) is "nhất" ("thứ nhất"); any other
    place (``"2"``, ``"ba"``, ``"4/14"``) as written."""
    return "nhất" if HEAD_RANK.fullmatch(place.strip().lower()) else place


def within_value(text: str, at: int) -> bool:
    """Whether position ``at`` of ``text`` (a separator's: the "." of "đạt 12. 430 ha") lies
    inside one figure :func:`find_values` reads there, so a sentence does not end at it
    (rag.vi.sentences); the text around it is read, up to 60 characters each side."""
    lo = max(0, at - 60)
    return any(v.start < at - lo < v.end - 1 for v in find_values(text[lo:at + 60]))


def _read_as(pattern: re.Pattern[str], text: str, m: re.Match[str], group: str) -> bool:
    """Whether group ``group`` of value match ``m`` is spaced ("3 .2", "12. 430") and is
    exactly what ``pattern`` (one of the spaced forms) reads at its start in ``text``; the
    forms' lookaheads see what follows the number, so they are matched in ``text``."""
    raw = m.group(group)
    if not raw or " " not in raw:
        return False
    found = pattern.match(text, m.start(group))
    return found is not None and found.end() == m.end(group)


def _typed_apart(text: str, m: re.Match[str]) -> bool:
    """Whether value match ``m`` joined a number drawn with a space after its separator
    (:data:`SPACED_AFTER`: "12. 430 ha") where the two pieces are typed apart: no "%" or unit
    follows ("6, 215 và 300 ha"), the first piece is a period, an ordinal or a cited part
    ("tháng 6, 215 doanh nghiệp", "quý 3. 120 ...", "Điều 5. 120 ..."), or it is a list's
    number at a line's start ("1. 250 hộ")."""
    if not any(_read_as(_SPACED_AFTER_RE, text, m, g) for g in ("low", "high")):
        return False
    if not m.group("pct") and not unit_after(text[m.end():], nouns=True)[0]:
        return True
    s = m.start("low")
    words = text[max(0, s - 14):s].lower().split()
    prev_raw = words[-1].strip("(,:«“\"'") if words else ""
    plain = plain_word_before(text, s)
    return (prev_raw in _TIME_BEFORE or (plain and fold(prev_raw) in _TIME_BEFORE_FOLDED)
            or prev_raw.endswith("/") or _cites(text[max(0, s - 30):s])
            or _ENUMERATOR.match(text, s) is not None)


def _qualifies_count(text: str, s: int, e: int, out: list[Value]) -> bool:
    """Whether the number at ``s``:``e`` is a threshold of the noun a count found just
    before it counts ("1.250 trẻ em dưới 6 tuổi", "64 khách sạn trên 50 phòng", "120 học
    viên từ 15 tuổi trở lên"): at most one word between that count's end and the lead word."""
    prev = max((v for v in out if v.end <= s), key=lambda v: v.end, default=None)
    if prev is None or prev.kind != "count" or not prev.unit:
        return False
    lead = _THRESHOLD_LEAD.search(fold(text[max(prev.end, s - 6):s].lower()))
    if lead is None:
        return False
    gap = fold(text[prev.end:s - len(lead.group())].lower())
    if re.search(r"[\d,.;:()]", gap) or len(gap.split()) > 1:
        return False
    if lead.group(1) == "tu":
        return bool(_THRESHOLD_TAIL.match(fold(text[e:e + 40].lower())))
    return True


# A bound written inside an indicator's name is part of that name, no figure (issue 17
# bt26-b17 failure 1: "Lực lượng lao động từ 15 tuổi trở lên quý II/2079 ước đạt 752,4 nghìn
# người" served "15 tuổi" with the sentence's period; the same wording in the labour reports
# of /tmp/s3*/bt*-b17, "khách sạn từ 3 sao trở lên" in the tourism news of bt25/bt26 and the
# OCOP reports of tests/data/dev2): "từ" N ... "trở lên"/"trở xuống", or "từ"/"trên"/"dưới" N
# "tuổi" ("trẻ em dưới 6 tuổi", "người trên 60 tuổi", "từ 15 đến 24 tuổi"); folded.  Not
# after a word that links a name to its value or states a change ("tuổi thọ bình quân đạt
# trên 74 tuổi", "nâng từ 60 tuổi lên 62 tuổi"): there the number is the figure.
_AGE_TAIL = re.compile(r"\s*(?:(?:den|toi|-|–)\s*[\d.,]+\s*)?tuoi\b(?!\s*(?:len|xuong)\s*\d)")
_BOUND_LINK = re.compile(r"(?<!\w)(?:la|dat|o muc|bang|khoang|con|tang|giam|nang|len|xuong"
                         r"|tang them|giam xuong)\s*$")


def _bound_in_name(text: str, s: int, e: int) -> bool:
    """Whether the number at ``s``:``e`` is a bound inside the name of what a figure is of
    ("Lực lượng lao động từ 15 tuổi trở lên", "tỷ lệ trẻ em dưới 5 tuổi", "khách sạn từ 3
    sao trở lên"): a lead word "từ"/"trên"/"dưới" right before it, "trở lên"/"trở xuống"
    (after "từ") or "tuổi" after it, and no linking or change word before the lead
    (:data:`_AGE_TAIL`, :data:`_BOUND_LINK`).  :func:`_qualifies_count` reads the same
    bounds after a count; this one needs no count before."""
    before = fold(text[max(0, s - 40):s].lower())
    lead = _THRESHOLD_LEAD.search(before)
    upper = re.search(r"(?:^|\s)(tu)\s+[\d.,]+\s*(?:den|toi|-|–)\s*$", before)
    if upper and _AGE_TAIL.match(fold(text[e:e + 40].lower())):
        lead = upper  # "từ 15 đến 24 tuổi": the top of the bound, the same name
    if lead is None or _BOUND_LINK.search(before[:lead.start()].rstrip(" ,")):
        return False
    after = fold(text[e:e + 40].lower())
    if lead.group(1) == "tu" and re.match(r"[^,.;:()]{0,24}?\btro (?:len|xuong)\b", after):
        return True
    return _AGE_TAIL.match(after) is not None


def _period_then_signed(text: str, m: re.Match[str]) -> bool:
    """Whether the dash-joined match ``m`` ("2086 -0,7%", typed with a space before the dash
    and none after) is a period's number followed by a signed value rather than a range: its
    bottom is a year ("năm 2086 -0,7%") and its top no year, or its bottom follows a word of
    time ("tháng 5 -3,1%", "quý 2 -2%") and its top is a decimal or a percentage (after a
    year, also a whole number with its unit: "năm 2086 -215 triệu USD").  A range has numbers
    of one kind at both ends: "2085 -2086", "niên vụ 2085 -86", "tháng 5 -6" stay spans, and
    so does every dash typed with the spaces alike ("3 - 4 giờ", "450–500 xe")."""
    low, high = m.group("low"), m.group("high")
    signed = bool(m.group("pct")) or ("," in high and not _SPACED_DECIMAL_RE.fullmatch(high))
    if _YEAR.fullmatch(low):  # "niên vụ 2085 -86", "2085 -2086": the years of a span
        return not _YEAR.fullmatch(high) and (signed or bool(unit_after(text[m.end():])[0]))
    before = text[max(0, m.start() - 14):m.start()].lower().split()
    prev = before[-1].strip("(,:«“\"'") if before else ""
    if prev not in ("tháng", "quý", "năm", "thang", "quy", "nam"):
        return False
    return signed


def _repeated_unit_ranges(text: str, values: list[Value]) -> list[Value]:
    """``values`` (in order) with a range whose two ends are each written with the same unit
    joined into one value, as the plain range "7,2 đến 7,5%" is: "từ 7,2% đến 7,5%", "từ 450
    xe/ngày đến 500 xe/ngày", "12% - 15%", "2 tỷ đồng ÷ 3 tỷ đồng".  Only when nothing but the
    joint (:data:`_JOINT`) stands between them and the top is above the bottom: "từ 120 tỷ
    đồng năm 2020 lên 150 tỷ đồng" and "tăng từ 5% lên 7%" are a change between two values,
    not a range.  The joined value spans both as written; ``shown``/``number`` give the unit
    once."""
    out: list[Value] = []
    for v in values:
        prev = out[-1] if out else None
        if prev is None or prev.high is not None or v.high is not None or \
                prev.percent != v.percent or not prev.unit or prev.unit != v.unit:
            out.append(v)
            continue
        top = v.low
        if prev.end == v.start and text[v.start:v.start + 1] in "-–—" and top < 0:
            top = -top  # "5%-7%": the dash read as the top's minus joins the range
        elif not _JOINT_RE.fullmatch(text[prev.end:v.start]):
            out.append(v)
            continue
        if prev.low < top:
            out[-1] = Value(prev.start, v.end, text[prev.start:v.end], prev.low, top,
                            v.percent, v.unit, v.kind, v.written_unit)
            continue
        out.append(v)
    return out


def _mixed_amounts(text: str, values: list[Value]) -> list[Value]:
    """``values`` (in order) with an amount said in scale words joined into one value, as
    Vietnamese says money in words (the grammar of :mod:`rag.vi.spelled`): "2 tỷ 350 triệu
    đồng" -> 2.350 triệu đồng, "1 tỷ 8 trăm triệu đồng" -> 1.800 triệu đồng, "2 tỷ 3 trăm 50
    triệu" -> 2.350 triệu, "3 triệu 5 trăm nghìn đồng" -> 3.500 nghìn đồng.  Its first part
    starts one of ``values``, the parts are joined by single spaces, it holds two scale words
    or more ("trăm" counting), ends with one and every part after the first is below 1.000
    ("2 tỷ 1.350 triệu" stays two); the joined value is in its last scale word, with the
    unit written after it, and spans the parts as written."""
    starts = {v.start: v for v in values}
    out: list[Value] = []
    skip_to = -1
    for v in values:
        if v.start < skip_to:
            continue
        joined = _joined_amount(text, v) if not v.percent and v.high is None and v.low > 0 \
            and v.start in starts else None
        if joined is not None:
            out.append(joined)
            skip_to = joined.end
            continue
        out.append(v)
    return out


def _joined_amount(text: str, v: Value) -> Value | None:
    """The amount in scale words starting at value ``v`` (see :func:`_mixed_amounts`)."""
    if v.start and (text[v.start - 1].isdigit() or text[v.start - 1] in ",."):
        return None
    words = spelled.tokens(text[v.start:v.start + 80])
    if not words or words[0].start() != 0 or not words[0].group(0)[:1].isdigit():
        return None
    t = [spelled.token_text(w) for w in words]
    read = spelled.read_number(t)
    if read is None:
        return None
    total, j, scale = read
    said = t[:j]
    if scale == 1 or sum(w in spelled.SCALES or w == spelled.HUNDRED for w in said) < 2 or \
            any(text[v.start + a.end():v.start + b.start()] != " "
                for a, b in zip(words[:j - 1], words[1:j], strict=True)):
        return None
    last = v.start + words[j - 1].start()  # the last scale word
    unit, n = unit_after(text[last:], nouns=True)
    if not unit:
        return None
    end = last + n
    return Value(v.start, end, text[v.start:end], total / scale, None, False, unit,
                 _kind(unit), end - last)


# a run of number words ("hai mươi ba", "một trăm linh năm"), for :func:`_spelled_counts`
_SPELLED_RUN = re.compile(r"(?<!\w)(?:(?:" + "|".join(sorted(spelled.WORDS, key=len, reverse=True))
                          + r")(?:\s(?=\w)|(?!\w)))+", re.IGNORECASE)


def _spelled_counts(text: str, values: list[Value]) -> list[Value]:
    """``values`` with the counts written in words added, in order: "hai mươi ba xã" (23
    xã), "mười hai siêu thị" (12), "một trăm linh năm hộ" (105), read by
    :func:`rag.vi.spelled.read_number` and shown as written.  A count in words takes two
    number words or more and a unit right after it (a noun of running text); one word alone
    ("một số", "một trong", "ba bên") is an idiom more often than a figure, as is a count of
    years, months or times ("mười năm qua", "hai mươi năm") or one after a word that makes
    it a date, an ordinal or a citation ("ngày hai mươi ba", "thứ hai mươi", "Điều mười
    hai"), and none is read inside a figure already found."""
    found: list[Value] = []
    for run in _SPELLED_RUN.finditer(text):
        words = spelled.tokens(run.group(0))
        t = [spelled.token_text(w) for w in words]
        i = 0
        while i < len(t) - 1:
            read = spelled.read_number(t, i)
            if read is None or read[1] - i < 2:
                i += 1
                continue
            total, j, scale = read
            s, e = run.start() + words[i].start(), run.start() + words[j - 1].end()
            before = text[max(0, s - 20):s].lower().split()
            unit, n = unit_after(text[run.start() + words[j - 1].start():] if scale > 1
                                 else text[e:], nouns=True)
            if scale > 1:  # "hai mươi ba triệu đồng": in its last scale word, as in digits
                e, n = run.start() + words[j - 1].start(), n
            head = fold(unit).lower().split()[:1]
            if not unit or (head and head[0] in _TIME_AFTER | _TIME_BEFORE_FOLDED) or (
                    before and (before[-1] in _TIME_BEFORE or
                                " ".join(before[-2:]) in _CITED_BEFORE)) or \
                    any(v.start < e + n and s < v.end for v in values):
                i = j
                continue
            end = e + n
            found.append(Value(s, end, text[s:end], total / scale, None, False, unit,
                               _kind(unit), n if scale > 1 else None))
            i = j
    return sorted(values + found, key=lambda v: v.start) if found else values


def _kind(unit: str) -> str:
    """A value's kind by its unit: "amount" when a scale word leads ("công ty" is no "tỷ") or
    it is money, else "count"."""
    return "amount" if fold(unit).split()[:1] in ([w] for w in _MAGNITUDE) \
        or is_money(unit) else "count"


# An accounting negative: a number alone in brackets with its unit after them, "(215,4) tỷ
# đồng", as financial statements (Thông tư 200/2014/TT-BTC) and statistical tables write a
# fall or a loss; the readers of tables read a "(1.250)" cell the same way.  Not right after
# another number: there a bracketed number is a footnote mark ("1.234,5 (1) tỷ đồng").
_OPEN_BEFORE = re.compile(r"(?:^|[^\d\s])\s*\($")


def _accounting_negative(text: str, s: int, e: int, m: re.Match[str]) -> tuple[str, int] | None:
    """The unit and its width after the closing bracket when the number at ``s:e`` (match
    ``m``) is an accounting negative, "(215,4) tỷ đồng"; None otherwise."""
    if m.group("sign") or m.group("high") is not None or m.group("pct") or \
            text[e:e + 1] != ")" or not _OPEN_BEFORE.search(text, max(0, s - 12), s) or \
            text[s - 1:s] != "(":
        return None
    pct = _PCT_AFTER.match(text, e + 1)
    if pct:  # "(3,2)%", "(0,8) %": a fall in per cent, the sign after the bracket
        return "%", pct.end() - e - 1
    dong = _DONG_AFTER.match(text, e + 1)
    if dong:  # "(12.500)đ", "(4.200) đ/kg": the đồng abbreviated to its letter
        return "đồng" + (dong.group(1) or ""), dong.end() - e - 1
    unit, n = unit_after(text[e + 1:])
    return (unit, n) if unit else None


_PCT_AFTER = re.compile(r"\s?%(?!\w)")
_DONG_AFTER = re.compile(r"\s?đ((?:/[^\W\d_]+)*)(?!\w|\.\w)")


_CITING = frozenset({"mục", "điều", "khoản", "điểm", "phụ lục", "bảng", "biểu", "hình", "cột",
                     "chương", "phần", "trang", "dòng", "tiết", "tập", "quyển", "câu", "mẫu",
                     "tiểu mục"}) | _CITED_BEFORE


def _cites(before: str) -> bool:
    """Whether the words just before a number name a part of a document it cites ("Điều",
    "khoản", "trang", "dòng", "Phụ lục", "Nghị định"), so the number says where, not how
    much."""
    words = [w.strip("(,:;") for w in before.lower().split()]
    return bool(words) and (words[-1] in _CITING or " ".join(words[-2:]) in _CITING)


def _is_mark(text: str, s: int, e: int) -> bool:
    """Whether the number at ``s:e`` is a footnote or reference mark: alone in brackets
    ("USD(1)", "[2]", "(3) Số liệu ước tính"), not a table's value after ":" or "="."""
    left = text[:s].rstrip(" ")
    right = text[e:].lstrip(" ")
    if not (left.endswith(("(", "[")) and right.startswith((")", "]"))):
        return False
    return not left[:-1].rstrip().endswith((":", "="))


# "cao hơn", "thấp hơn" (...) before a value: a comparative stating a difference ("cao hơn 0,8
# điểm phần trăm so với năm 2029"); its "hơn" is no approximation (break-test b17 K6)
_COMPARATIVE_HON = re.compile(r"(?<!\w)(?:cao|thấp|nhanh|chậm|cao|thap|cham)\s+(?:hơn|hon)$")


# a bound written as a comparison denied, just before a value: "không dưới 15.000 triệu đồng"
# (at least), "không quá 4,5%" (at most), "không ít hơn", "không thấp hơn", "không vượt quá"
# -- the bound with its negation, never the comparison alone ("dưới 15.000" turned a floor
# into a ceiling at 1.0: break-test bt19b Q85).  Typed with or without diacritics.
NEGATED_BOUNDS = ("không dưới", "không ít hơn", "không thấp hơn", "không kém", "không quá",
                  "không vượt quá", "không hơn", "không trên", "không cao hơn", "không nhiều hơn",
                  "không vượt")
_NEGATED_BOUND = re.compile(r"(?<!\w)(?:không|khong)\s+(?:" + "|".join(sorted(
    {form for bound in NEGATED_BOUNDS for form in (bound[len("không "):],
                                                    fold(bound[len("không "):]))},
    key=len, reverse=True)) + r")$")


def approx_before(text: str) -> str | None:
    """The approximation word written just before a value ("khoảng", "gần", "hơn", "trên",
    ...), given the text before it; None when there is none.  A bound written as a denied
    comparison is returned whole, "không dưới", "không quá" (:data:`_NEGATED_BOUND`): its
    comparison word alone would read the bound upside down."""
    tail = text.rstrip().lower()
    bound = _NEGATED_BOUND.search(tail)
    if bound:
        return " ".join(bound.group(0).split())
    if _COMPARATIVE_HON.search(tail):
        return None  # "thấp hơn 1,3 điểm phần trăm": a difference, not "more than"
    for word in sorted(_APPROX_WORDS, key=len, reverse=True):
        if tail.endswith(word) and (len(tail) == len(word) or not tail[-len(word) - 1].isalpha()):
            return word
    return None


def _is_date(raw: str, before: str) -> bool:
    """"17/12/2021", "27/8" read as a date (day/month) -- not "4/14" after "thứ" or "xếp"."""
    day, month = (int(x) for x in raw.split("/")[:2])
    prev = fold(before[-12:]).split()
    if prev and prev[-1] in ("thu", "xep", "hang", "dung"):
        return False
    if raw.count("/") == 2:
        return 1 <= day <= 31 and 1 <= month <= 12
    if 1 <= day <= 31 and 1 <= month <= 12 and _EVENT_BEFORE.search(fold(before[-40:])):
        return True  # "Quốc khánh 2/9", "dịp lễ 30/4 - 1/5": the day an event is named by
    return 1 <= day <= 31 and 1 <= month <= 12 and bool(prev) and prev[-1] in (
        "ngay", "den", "het", "tu", "luc", "sang", "chieu", "toi", "trua", "dem", "tinh")


# The public holidays a day names ("Quốc khánh 2/9", "Tết Dương lịch 1/1", "Giải phóng miền
# Nam 30/4", "Quốc tế Lao động 1/5", "Giỗ Tổ Hùng Vương 10/3"), an occasion ("dịp lễ 2/9",
# "dịp 30/4"), and the second day of a pair ("30/4 - 1/5"), folded: the day is part of the
# name, no figure (dev reports: "nghỉ lễ Quốc khánh 2/9/2023"; break-test b17 N5)
_EVENT_BEFORE = re.compile(r"(?i)(?:\b(?:quoc khanh|duong lich|mien nam|lao dong|hung vuong|"
                           r"le|dip)|\b\d{1,2}/\d{1,2}\s*[-–]|\b\d{1,2}/\d{1,2} va)\s*$")
