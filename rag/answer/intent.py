"""What a question asks for: the kind of value, its unit, the indicator, and its content words.

The question words themselves live in :mod:`rag.vi.lexicon` (``QUESTION_KINDS``, ...).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from rag.answer.extremes import asked_extreme
from rag.answer.question import rank_words_misread
from rag.search.query import Query, vietnamese_terms, written_abbreviations
from rag.vi.asked import time_spans
from rag.vi.lexicon import (
    ASKED_UNIT_RE,
    CHANGE_ASKED_RE,
    DOCUMENT_KINDS,
    GENERIC_QUESTION_FOLDED_RE,
    GENERIC_QUESTION_RE,
    HOME_DISTRICTS,
    HOME_PLACE,
    HOW_MUCH_RE,
    INDICATORS,
    LIVESTOCK_RE,
    MONEY_INDICATORS,
    PLACES,
    PREPOSITIONS_EXACT,
    QUANTITY_UNITS,
    QUESTION_KINDS,
    STOPWORDS,
    STOPWORDS_EXACT,
    TRADE_INDICATORS,
)
from rag.vi.periods import PERIOD_PATTERNS, YEAR_RE
from rag.vi.text import fold, has_diacritics, parse_number
from rag.vi.words import is_two_syllable_word, written_forms

# Kinds whose answer may be a whole sentence when no typed value fits; figure questions
# (amount, percent, change) are never answered by a sentence without their figure.
SENTENCE_KINDS = frozenset({"generic", "person", "entity", "date", "rank", "decision"})
# "Số X" asks a count of X -- but a leading "Số chính thức", "Số ước (tính)", "Số liệu", "Số
# thực hiện" names the figure itself (official, estimated, actual) of what follows: no count,
# and no words of the indicator (tests/test_so_not_a_count.py)
_FIGURE_WORDS = r"(?:chinh thuc|uoc tinh|uoc|lieu|thuc hien)\b"
_FIGURE_LEAD_RE = re.compile(r"\W*so\s+" + _FIGURE_WORDS)
# A question phrase whose first word is no stopword of its own: "vì sao", "tại sao", "làm
# sao", "điều gì", "(ở|từ|do|nhờ) đâu" -- "vì", "làm", "điều", "do", "đâu" are words of the
# question's asking, which the sentence answering it does not write ("Nguyên nhân tăng trưởng
# cao là do ..." holds no "vì"), so neither the sentence chooser's coverage nor the statement
# check may count them as missing (bt18a: "Vì sao tăng trưởng kinh tế năm 2095 cao?" refused
# with its answer's sentence chosen; XQuAD-vi: 50 "điều gì" questions).  With diacritics
# typed, the phrase as written ("đâu" alone; "đầu" is another word); without, only the
# two-word forms, "dau" only closing the question ("o dau" may be "ở đầu năm").  "nằm ở đâu"
# whole: folded, "nằm" is "năm", which nearly every sentence of a report writes (bt19b: "CCN
# Tân Thanh nằm ở đâu?" answered by "... được thành lập năm 2061").
_QUESTION_PHRASE_TYPED_RE = re.compile(r"(?<!\w)(?:(?:vì|tại|làm) sao|điều gì"
                                       r"|(?:do |nhờ |nằm (?:ở |tại )?)?đâu)(?!\w)")
_QUESTION_PHRASE_FOLDED_RE = re.compile(r"\b(?:(?:vi|tai|lam) sao|dieu gi)\b"
                                        r"|\b(?:nam (?:o|tai) |(?:o|tu|do|nho) )dau(?=\W*$)")
# "(theo) số liệu chính thức", "con số chính thức" anywhere in a question (folded): the
# basis asked (the official figure, not the estimate: rag.vi.frames.sentence._OFFICIAL,
# rag.answer.figures.official_first), never words of the indicator -- "số liệu chính thức
# GRDP quý III" read "chính thức grdp" as one term no frame holds (issue 17 break-test b17 F3)
_OFFICIAL_ASKED_RE = re.compile(r"\b(?:theo\s+)?(?:so lieu|con so|so)\s+chinh thuc\b|"
                                r"\btheo\s+chinh thuc\b")
# the verb before "bao nhiêu % <plan>" (folded): "hoàn thành", "thực hiện (được)" -- how the
# reports say a share of the plan reached ("hoàn thành 78,4% dự toán năm", "thực hiện được
# 74,6% kế hoạch"; "đạt" is kept, the reports write it beside the figure): the measure asked
# (rag.answer.question: plan_share), no word of what is measured; "vốn đầu tư thực hiện"
# elsewhere in a question keeps its "thực hiện" (realised, not registered)
_PLAN_VERB_ASKED_RE = re.compile(r"\b(?:hoan thanh|thuc hien)(?: duoc)?(?= (?:bao nhieu|may)"
                                 r"\s*(?:%|phan tram)\s*(?:so voi )?(?:ke hoach|du toan|"
                                 r"chi tieu|muc tieu|kh)\b)")
# the verb leading to the figure asked (folded): "đạt bao nhiêu", "ước đạt (được) bao nhiêu",
# "đạt mức / khoảng bao nhiêu" -- the word a report writes before its figure in prose ("ước
# đạt 468,3 triệu USD"), never in a table's cell or label, so no word of the indicator: "Kim
# ngạch xuất khẩu quý II đạt bao nhiêu?" was refused against a table row "Kim ngạch xuất khẩu
# | 468,3" that answered the same question without it (tests/test_lead_verb_asked.py).  Read
# as typed when it can be ("đất bao nhiêu", land, folds onto "dat" too); "đạt bao nhiêu %
# kế hoạch" keeps its "đạt" (a share of the plan, as _PLAN_VERB_ASKED_RE says)
_LEAD_VERB_ASKED_RE = re.compile(
    r"\b(?:uoc (?:tinh )?)?dat(?: duoc)?(?: (?:muc|khoang))?(?= (?:bao nhieu|may)\b)"
    r"(?! (?:bao nhieu|may)\s*(?:%|phan tram)\s*(?:so voi |so )?(?:ke hoach|du toan|chi tieu|"
    r"muc tieu|kh)\b)")
_SOFT_UNIT_RE = re.compile(r"^(?:so|so luong|tong so|tong)\s+(?!" + _FIGURE_WORDS +
                           r")(luot|[a-z]+)")
# "<indicator> của <owner> ...": the indicator asked for comes before "của"
_HEAD_OF_RE = re.compile(r"\W*(?:\w+\s+){1,6}?cua\b")
# ... read with its diacritics when the user typed them: "cửa" (a gate, "các cửa khẩu") folds
# onto "của" too, and "Mỗi ngày các cửa khẩu thông quan bao nhiêu xe hàng?" has no owner --
# read as one, its first words ("mỗi ngày") became the head every figure must hold and the
# gates' total lost to its "trong đó" part (issue 17 bt17b; tests/test_stock_and_flow.py)
_HEAD_OF_TYPED_RE = re.compile(r"\W*(?:\w+\s+){1,6}?của(?!\w)")
# Indicators that are rates: an amount question about one wants a percentage.
_WANTS_PERCENT_RE = re.compile(r"\b(?:chi so|ty trong|ty le|cpi)\b")
_DIRECTION_RE = re.compile(r"\b(tang|giam)\b")
_KIND_WORDS = {"percent", "percentage", "rate"}
# a rank asked, and the words that ask it or name the whole ranked over (content_runs)
_RANK_ASKED_RE = re.compile(r"\b(?:thu|hang) (?:may|bao nhieu)\b|\bxep hang (?:may|bao nhieu)\b")
_RANK_WORDS_RE = re.compile(r"\b(?:xep|dung)(?: o)?(?: (?:vi tri|hang))?(?: thu)?\b|"
                            r"\b(?:vi tri |hang )?thu (?=may\b|bao nhieu\b)|"
                            r"\bhang (?=may\b|bao nhieu\b)|\b(?:ca nuoc|toan quoc)\b")
# two words that together ask for a percentage ("phần trăm", "tỷ lệ"): "lẻ" of "bán lẻ" stays
_KIND_PAIRS = {("phan", "tram"), ("ty", "le"), ("ti", "le")}
_NOT_UNITS = {"so", "voi", "phan", "tram", "trong", "ke", "hoach", "la", "dat", "nam", "thang",
              "quy", "tinh", "den", "cua", "tai", "o", "khi", "nguoi", "mot", "moi", "tien",
              # "giải ngân bao nhiêu vốn đầu tư công", "bao nhiêu kinh phí": capital and
              # funds are money, counted in "tỷ đồng" -- the noun names what, not the unit
              # (issue 17 break-test bt17i: read as the unit "vốn", a month's 604 tỷ đồng
              # lost to the year's plan sentence)
              "von", "kinh"}
# "tiền" asking an amount of money ("bao nhiêu tiền", "số tiền", "hết/tốn/chi bao nhiêu tiền",
# "tiền cho vay ..." heading the question): no unit (a figure is in "tỷ đồng", "triệu USD") and
# no content word a figure must name -- a report writes "kinh phí", "vốn", "doanh số"
# (rag.answer.figures.money_asked; bt9-b16 failure 1; "giá vải thiều bao nhiêu tiền 1 kg?"
# was refused at 1.0: bt9-b17 failure 5).  Not "tiền lương", "tiền gửi", "tiền thuê nhà" ...
# (a word of its own) nor the place "Tiền Giang", "Tiền Hải"
_MONEY_TIEN_RE = re.compile(r"(?:^\W*|\b(?:bao nhieu|may|so|het|ton|mat|chi|duoc)\s+)"
                            r"(tien)\b(?!\s+(?:"
                            r"luong|gui|thue|dien|nuoc|mat|thuong|lai|an|hoc|phat|cong|te|su|de|"
                            r"than|phuong|ve|tuyen|le|nhiem|giang|hai|si|vien|canh|dao)\b)")
# "hết/tốn/mất/chi (hết) bao nhiêu": the verb asks the amount spent, no word a figure names
_MONEY_VERB_RE = re.compile(r"\b(het|ton|mat|chi|chi het)\s+bao nhieu\b")
# the unit a figure is per, said in words (folded): "bao nhiêu một kg", "mỗi tấn", "1 kg là
# bao nhiêu", "một người" -- the "/kg" of "đồng/kg", "triệu đồng/người", which a report
# writes in the figure's unit, not among its indicator's words: no content the figure must
# name (break-test bt8-b17 failure 10; tests/test_targets_units_products.py). Not "mỗi ngày",
# "mỗi tháng": an average over a period asked ("trung bình mỗi ngày ... bao nhiêu container"),
# which the words tell from the period's total (tests/test_averages_written_apart.py)
_PER_UNIT_RE = re.compile(r"\b(?:mot|moi|1|tren)\s+(?:kg|kilogam|kilogram|tan|ta|yen|lit|m3|m2|"
                          r"ha|hecta|nguoi|ho|lao dong)\b")
# Words of dates and periods, which break runs of content words (with diacritics, and folded).
# "dịp" ("dịp lễ 30/4", "dịp Tết Nguyên đán", "dịp cuối năm" in the dev reports) says when,
# never which part: read as a word of the indicator it made a false "không có số liệu riêng
# dịp" caveat (break-test bt20-b17 failure 12)
_TIME_WORDS_EXACT = {"tháng", "năm", "quý", "nửa", "dịp", "i", "ii", "iii", "iv", "t", "h1",
                     "h2", "q1", "q2", "q3", "q4", "quarter", "half", "first", "months",
                     "month", "year", "nine", "six", "three"}
_TIME_WORDS = {"thang", "nam", "quy", "dau", "cuoi", "nua", "dip", "ba", "sau", "chin", "i", "ii",
               "iii", "iv", "t", "h1", "h2", "q1", "q2", "q3", "q4", "quarter", "half", "first",
               "months", "month", "year", "nine", "six", "three"}
_ROMAN = {"i", "ii", "iii", "iv"}  # the Roman numerals among the time words
# Words that say the measure asked ("tăng", "giảm"), not the indicator: the answer side reads
# them into the question's measure (rag.answer.question); the frames strip them off
# indicators (rag.vi.frames.indicators._EDGE_PHRASES), so they never join a term.
_MEASURE_WORDS = {"tang", "giam"}
# a crop season's base named by its kind after "so với" or a comparative ("so với vụ trước",
# "nhiều hơn cùng vụ năm trước"): the base of a change (rag.answer.figures._BASES), no words of
# the indicator (bt6-b17 failure 6; tests/test_stated_differences_c.py)
_SEASON_BASE_RE = re.compile(r"\b(?:(so(?: voi)? (?:cung vu(?: nam truoc)?|vu (?:nam )?truoc))|"
                             r"hon (cung vu(?: nam truoc)?|vu (?:nam )?truoc))\b")
# the report's own area said generically (folded, dates and periods blanked): "trên địa bàn
# (tỉnh)", "toàn tỉnh", "cả huyện", "của/trong/tại tỉnh" -- where every figure of a provincial
# or district report is, which its frames trim off their indicators
# (rag.vi.frames.indicators._EDGE_PHRASES), so no word a figure must hold nor a basis it is
# stated on: "số chợ trên địa bàn tỉnh ... cuối năm 2073?" was refused at 1.0 where "số chợ
# cuối năm 2073?" got "(cuối năm 2073 là 141 chợ)" (issue 17 break-test bt18-b17 failure 2).
# Not GRDP's own name "tổng sản phẩm trên địa bàn", nor trade "qua địa bàn" (all trade
# through the province, a basis).  The kind noun after the lead (group "kind") is the area's
# only when no name follows it (:func:`_own_area_spans`): "trên địa bàn huyện Tân Lĩnh",
# "của thành phố Lạng Sơn" keep "huyện Tân Lĩnh", "thành phố Lạng Sơn".
_OWN_AREA_RE = re.compile(r"(?<!san pham )\b(?P<lead>tren (?:toan )?dia ban|toan dia ban|toan|ca|"
                          r"cua|trong|tai)(?: (?P<kind>tinh|huyen|thanh pho|thi xa))?\b")
_DATE_RE = re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}(?:/\d{4})?(?![\d/])")
# the hour and part of day a count is held at, said before its date (folded): "sáng
# 23/2/2026", "chiều ngày 23/2", "lúc 17h ngày 25/6", "8 giờ sáng 16/12/2022" -- words of the
# moment asked (rag.vi.mentions reads the day), never of the indicator: "sang" left a content
# word the count's sentence lacks, and the figure was refused (dev2 e073, e029)
_MOMENT_BEFORE_DATE = re.compile(
    r"(?<![\w/])(?:luc\s+)?(?:\d{1,2}\s*(?:h|gio)(?:\s*\d{1,2}(?:\s*phut)?)?\s+"
    r"(?:(?:sang|chieu|toi|trua|dem)\s+)?|(?:sang|chieu|toi|trua|dem)\s+)"
    r"(?:(?:ngay|hom)\s+)?(?=\d{1,2}/\d{1,2}(?!\d))")
# the words leading a cut-off day a running total is asked to (folded): "tính đến (ngày)
# 15/12/2041", "đến hết ngày 15/12", "từ đầu năm đến ngày 15/12" -- the period asked, read
# whole by rag.vi.mentions ("to_date_day"), never words of the indicator: blanked as the
# date after them is, "tính" was left a content word (folded "tinh", as "tỉnh") no report's
# "Đến hết ngày 15/12/2041, tổng thu ... đạt 6.245 tỷ đồng" holds, and the figure answering
# "đến hết ngày 15/12/2041?" was refused asked "tính đến ngày 15/12/2041?" (issue 17, s45)
_CUT_OFF_BEFORE_DATE = re.compile(
    r"(?<![\w/])(?:(tinh)\s+)?(?:den|toi)\s+(?:het\s+)?(?:ngay\s+)?(?=\d{1,2}/\d{1,2}(?!\d))")
# days of one month written with a dash ("giai đoạn 16-25/6/2077", "ngày 14 - 16/9"): read
# whole as a period (rag.vi.mentions "days_dash") before the dates are blanked, which would
# leave "giai đoạn 16-" content words (issue 17 bt23-b17 failure 4)
# -- and days listed one by one ("hai ngày 30/4 và 1/5", rag.vi.mentions "day_list"), whose
# count word would be left a content word (break-test s39 G)
_DASHED_DAYS = re.compile(r"\d\s*[-\u2013\u2014]\s*\d{1,2}/\d|"
                          r"\d{1,2}/\d{1,2}(?:/\d{4})?\s*(?:,|\bva\b)\s*(?:ngay\s+)?\d{1,2}/\d")
# "bao nhiêu" / "mấy" with their diacritics (a question with them: "máy" of "nhà máy" is no
# "mấy")
_HOW_MUCH_TYPED_RE = re.compile(r"(?<!\w)(?:bao nhiêu|mấy)(?!\w)")
# "ai" (who) anywhere in a question with its diacritics, as the question word no earlier kind
# took ("Tesla đã hợp tác với ai vào năm 1886?", "... của ai?"): not "Ai Cập" (Egypt), nor
# "AI" typed in capitals; XQuAD-vi dev held 14 such questions read as amounts
_WHO_RE = re.compile(r"(?<!\w)(?:ai|Ai)(?!\w)(?! Cập)")


@dataclass(frozen=True)
class Intent:
    """What a question asks for; words are folded (no diacritics, lower case)."""

    kind: str  # amount, percent, change, date, decision, person, rank, entity, generic
    unit: str | None  # folded unit word asked for ("tan", "doanh"), if any
    trade: str | None  # trade indicator asked about (a TRADE_INDICATORS code), if any
    terms: tuple[str, ...]  # folded content words of the question
    soft_unit: str | None = None  # "số dự án ..." prefers figures counted in "dự án"
    direction: str | None = None  # "tang" or "giam" for change questions
    indicators: tuple[str, ...] = ()  # other named indicators (bán lẻ, CPI, ...)
    runs: tuple[tuple[str, ...], ...] = ()  # content words that stand next to each other
    wants_percent: bool = False  # "chỉ số ...", "tỷ trọng ..." are percentages
    head: tuple[str, ...] = ()  # "số lao động | của Công ty X": the indicator before "của"
    # "huyện nào có nhiều ... nhất?": the end of a ranking asked (rag.answer.extremes)
    extreme: str | None = None
    # "thi công trong bao lâu", "mất bao lâu": a length of time asked, in whatever unit of
    # time the report gives it (:data:`LENGTH_ASKED_RE`)
    asks_length: bool = False
    # "số lượng X ...", "lượng X ...", "X có bao nhiêu?": a count or an amount of a thing,
    # asked with no word of a share or rate, which no percentage answers (:func:`no_share`)
    no_share: bool = False
    # the money indicators the question names by their heads ("doanh thu", "kim ngạch", ...:
    # ``MONEY_INDICATORS`` codes), which a money figure of another one never answers
    money: tuple[str, ...] = ()


# "bao lâu" (how long), folded: the length of time something takes, answered by a figure in a
# unit of time ("18 tháng", "2 - 3 giờ"), never by one in money or goods the same sentence
# gives (break-test s39 brief D: "Bao lâu thì dự án ... hoàn thành?" served "2.150 tỷ đồng")
LENGTH_ASKED_RE = re.compile(r"(?i)\bbao lau\b")


def as_level(intent: Intent) -> Intent:
    """``intent`` asked as a level: "số hợp tác xã năm 2028 tăng bao nhiêu so với cuối năm
    2027" with no change stated is answered with the two levels (rag.answer.answerer), so the
    words of the change asked -- its direction ("tăng", "giảm") and the "so" of "so với" --
    are no words of the indicator."""
    drop = {intent.direction, "so"}
    return replace(intent, kind="amount", direction=None,
                   terms=tuple(t for t in intent.terms if t not in drop),
                   runs=tuple(r for r in (tuple(w for w in run if w not in drop)
                                          for run in intent.runs) if r))


# the words of a difference asked between two rates, none of the rates' indicator
_DIFFERENCE_WORDS = frozenset({"cao", "thap", "nhanh", "cham", "hon", "chenh", "lech", "thay",
                               "doi", "diem", "so", "pp"})


def as_rates(intent: Intent) -> Intent:
    """``intent`` asked as the rate of each period: "tăng trưởng kinh tế năm 2036 cao hơn
    năm 2035 bao nhiêu (điểm phần trăm)?" with no difference stated is answered with the two
    rates (rag.answer.answerer rate_difference_base), so the words of the difference --
    "cao hơn", "chênh lệch", "thay đổi", the unit "điểm (phần trăm)" -- are no words of the
    indicator nor its unit (break-test b17 D)."""
    return replace(intent, unit=None if intent.unit == "diem" else intent.unit,
                   terms=tuple(t for t in intent.terms if t not in _DIFFERENCE_WORDS),
                   runs=tuple(r for r in (tuple(w for w in run if w not in _DIFFERENCE_WORDS)
                                          for run in intent.runs) if r))


def trade_indicator_at(folded: str) -> list[tuple[int, int, str]]:
    """(start, end, code) of trade indicator mentions in folded text, in order; where two
    overlap, the more specific (earlier in ``TRADE_INDICATORS``) is kept."""
    return list(_indicators_at(folded, trade=True))


def money_indicator_at(folded: str) -> list[tuple[int, int, str]]:
    """(start, end, code) of the money indicator heads (``MONEY_INDICATORS``: "doanh thu",
    "kim ngạch", "giá trị sản xuất", ...) in folded, lower-case text, in order; where two
    overlap, the earlier in ``MONEY_INDICATORS`` is kept, as :func:`trade_indicator_at`."""
    return list(_indicators_at(folded, trade=False))


def _patterns(table: list[tuple[str, tuple[str, ...]]]) -> list[tuple[str, re.Pattern[str]]]:
    return [(code, re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)"))
            for code, phrases in table for phrase in phrases]


# each phrase's pattern built once, in its table's order
_TRADE_PATTERNS = _patterns(TRADE_INDICATORS)
_MONEY_PATTERNS = _patterns(MONEY_INDICATORS)


# the indices among the indicators a question can name (rag.vi.lexicon.INDICATORS whose
# phrases say "chỉ số ...": IIP, CPI), each phrase's pattern (folded, lower case)
INDEX_CODES = frozenset(code for code, phrases in INDICATORS
                        if any(p.startswith("chi so ") for p in phrases))
_INDEX_PATTERNS = tuple((code, re.compile(r"(?<!\w)" + re.escape(p) + r"(?!\w)"))
                        for code, phrases in INDICATORS if code in INDEX_CODES
                        for p in phrases)


def index_head_fits(indices: Iterable[str], money: Iterable[str], folded: str) -> bool | None:
    """Whether the words ``folded`` (folded, lower case, abbreviations read out) name the
    indicator a question asks by its head: an index (``indices``: codes of
    :data:`INDEX_CODES` the question names) or a money value (``money``: Intent.money).
    An index and the value of the same activity are two indicators in the GSO's terms --
    "Chỉ số sản xuất công nghiệp" (IIP, a volume index) is no "Giá trị sản xuất công
    nghiệp" (output at constant prices), though both are reported as a growth ("IIP tăng
    7,6%", "giá trị sản xuất ... tăng 8,2%"; bt17d i13 answered the IIP asked with the
    output's 8,2% at 0.92): an index asked fits words naming it, not those naming only
    another index or a money head; a money head asked fits words naming it or no index.
    None when the words name neither an index nor a money head (nothing to judge by)."""
    named = {code for code, pat in _INDEX_PATTERNS if pat.search(folded)}
    heads = {code for _, _, code in _indicators_at(folded, trade=False)}
    if not named and not heads:
        return None
    asked = set(indices) & INDEX_CODES
    if asked:
        return bool(named & asked)
    return not named or bool(heads & set(money))


@lru_cache(maxsize=8192)  # a frame's words are read for every question it is a candidate of
def _indicators_at(folded: str, trade: bool) -> tuple[tuple[int, int, str], ...]:
    found: list[tuple[int, int, str]] = []
    for code, pattern in _TRADE_PATTERNS if trade else _MONEY_PATTERNS:
        for m in pattern.finditer(folded):
            if not any(s < m.end() and m.start() < e for s, e, _ in found):
                found.append((m.start(), m.end(), code))
    return tuple(sorted(found))


@lru_cache(maxsize=4096)  # read by the service and by each answer of the question
def read_intent(query: Query) -> Intent:
    """The :class:`Intent` of an analysed question: its kind from the first matching question
    phrase (``rag.vi.lexicon.QUESTION_KINDS``, else "amount"), the unit after "bao nhiêu", the
    trade and other indicators it names, and its content words."""
    folded = fold(query.expanded)
    kind = "amount"
    typed_text = not query.english and not query.restored and has_diacritics(query.text)
    for name, pat in QUESTION_KINDS:
        m = pat.search(folded)
        if m and name == "rank" and rank_words_misread(query.expanded, folded, typed_text,
                                                        m.start(), m.end()):
            continue  # "doanh thu hàng hóa": no "thứ hạng" (rag.answer.question)
        if m:
            kind = name
            break
    as_typed = query.text.lower()
    # "mấy" folds onto "máy" ("nhà máy sản xuất nào"): with its diacritics, only "mấy" asks
    # -- and in an English question, whose glossary terms have theirs ("máy móc" is no "mấy"),
    # or a question the restorer wrote, whose asking phrases it wrote so ("nha may" left
    # "nhà máy": rag.search.query._noun_may; bt26 b068, tests/test_factory_not_how_many.py)
    how_much = bool(HOW_MUCH_RE.search(folded)) and (
        bool(_HOW_MUCH_TYPED_RE.search(query.expanded.lower()))
        if query.english or query.restored else
        not has_diacritics(as_typed) or bool(_HOW_MUCH_TYPED_RE.search(as_typed)))
    if kind == "amount" and not how_much and _WHO_RE.search(query.expanded):
        kind = "person"  # "với ai vào năm 1886", "của ai", "ai quyết định"
    generic = GENERIC_QUESTION_RE.search(query.expanded.lower()) or (
        not has_diacritics(as_typed) and GENERIC_QUESTION_FOLDED_RE.search(as_typed))
    # "how much" as typed (``how_much``): the "máy" of "nhà máy" folds onto "mấy", and "Nhà
    # máy ... dùng những nhiên liệu gì?", "... được xây dựng ở đâu?" were read as figures
    # asked (break-test bt26 b079, b072; tests/test_members_asked.py)
    if kind == "amount" and generic and not how_much:
        kind = "generic"
    unit = None
    classifier: tuple[int, int] | None = None  # "bản" of "mấy bản kế hoạch"
    m = asked_unit(query) if how_much else None
    if m and LIVESTOCK_RE.match(folded, m.start(1)):
        # "bao nhiêu đàn lợn" (and English "how many pigs", glossed so): the herd named, counted
        # by head ("tổng đàn lợn đạt 412.800 con"), not "đàn" as the unit asked -- which refused
        # it at 1.0 for "only a change" (break-test bt17-b17 failure 8)
        m = None
    if m and has_diacritics(as_typed) and not query.english and not query.restored and \
            _function_word_after_how_much(as_typed):
        # "đóng góp bao nhiêu cho ngân sách": a function word typed after "bao nhiêu" opens
        # a phrase, no unit -- "cho" is no "chợ" (break-test bt19-b17 failure 9)
        m = None
    if m and kind in ("amount", "change", "entity") and _a_unit(m, query.expanded):
        unit = m.group(1)
        kind = "change" if kind == "change" else "amount"
        copies = _COPIES_OF_KIND.match(folded, m.start(1)) if unit == "ban" else None
        if copies is not None:
            # "có mấy bản kế hoạch": the plans counted, as the reports count them by their
            # kind ("trình phê duyệt 14 kế hoạch") -- "bản" only its classifier
            unit = copies.group(1).split()[0]
            classifier = (m.start(1), m.end(1))
    trades = trade_indicator_at(folded)
    typed = not query.english and not query.restored and has_diacritics(query.text)
    head_of = _HEAD_OF_TYPED_RE.match(query.expanded.lower()) \
        if typed and len(query.expanded) == len(folded) else _HEAD_OF_RE.match(folded)
    if head_of:  # "... của Công ty Xuất nhập khẩu X": the owner's name is not the indicator
        trades = [t for t in trades if t[1] <= head_of.end()]
    # an English question is matched on the Vietnamese terms its words map to
    terms_typed = vietnamese_terms(query.text) + " " + " ".join(
        written_abbreviations(query.text)) if query.english else ""
    content = fold(terms_typed) if query.english else folded
    if query.english:
        trades = trades or trade_indicator_at(content)
    else:
        content = _PER_UNIT_RE.sub(lambda u: " " * len(u.group(0)), content)
        content = _MONEY_TIEN_RE.sub(lambda u: u.group(0)[:u.start(1) - u.start()] + "    ",
                                     content)
        content = _MONEY_VERB_RE.sub(lambda u: " " * len(u.group(1)) + u.group(0)[len(u.group(1)):],
                                     content)
        if classifier is not None:  # no word of the things counted
            content = content[:classifier[0]] + "   " + content[classifier[1]:]
    trade = trades[0][2] if trades else None
    moneys = money_indicator_at(content if query.english else folded)
    if head_of:  # "... của Công ty Doanh thu X": the owner's name is no indicator either
        moneys = [m for m in moneys if m[1] <= head_of.end()]
    # stopwords are told apart by their diacritics only as the user typed them (``typed``), not
    # as the restorer guessed them
    # an English question's Vietnamese terms are the glossary's, written with their
    # diacritics: "giày dép da" (leather) is no "đã" to break the run at (bt10-b17 failure 1)
    # typed without diacritics, the question as the restorer wrote it from the corpus's own
    # word pairs (or left it) tells a stop syllable closing a word ("sau rieng" -> "sầu
    # riêng": break-test bt17t) -- only that, the stops themselves are still read folded
    restored = unicodedata.normalize("NFC", query.expanded) \
        if not typed and not query.english else None
    runs = [r for r in content_runs(terms_typed if query.english else
                                     query.expanded if typed else None, content,
                                     written=restored) if r]
    head = tuple(runs[0]) if head_of and len(runs) > 1 else ()
    terms = tuple(dict.fromkeys(t for run in runs for t in run))
    indicators = tuple(code for code, phrases in INDICATORS
                       if any(re.search(r"(?<!\w)" + re.escape(p) + r"(?!\w)", content)
                              for p in phrases))
    wants_percent = bool(_WANTS_PERCENT_RE.search(content))
    soft = _SOFT_UNIT_RE.match(folded)
    soft_unit = soft.group(1) if soft and not unit and _a_unit(soft, query.expanded) else None
    direction = None
    if kind in ("change", "percent"):
        d = _DIRECTION_RE.search(folded)
        # "tăng hay giảm bao nhiêu", "thay đổi bao nhiêu": no direction asked
        direction = d.group(1) if d and not CHANGE_ASKED_RE.search(folded) else None
    return Intent(kind, unit, trade, terms, soft_unit, direction, indicators,
                  tuple(tuple(r) for r in runs), wants_percent, head,
                  asked_extreme(folded, query.expanded.lower() if typed and
                                len(query.expanded) == len(folded) else None)
                  if kind == "entity" else None,
                  bool(LENGTH_ASKED_RE.search(folded)) and not unit,
                  kind == "amount" and not wants_percent and not query.english
                  and no_share(folded),
                  tuple(dict.fromkeys(code for _, _, code in moneys)))


# a count or an amount asked by the question's lead or end (folded, times blanked, spaces
# squeezed): "số (lượng) X", "tổng số X", "lượng X", "lượt X" heading it -- GSO's names of
# counts and amounts ("Số doanh nghiệp", "Số lượng trạm", "Lượng khách du lịch", "Lượt
# khách", which the spelling check may make of "Lượng khách"), not "Số chính thức/ước
# tính/liệu/thực hiện" which name the figure itself (_FIGURE_WORDS) -- or "X có bao nhiêu?"
# ending it: "có bao nhiêu" asks how many of X there are
_COUNT_OR_AMOUNT_RE = re.compile(r"^\W*(?:(?:so luong|tong so|so|luong|luot)\s+(?!"
                                 + _FIGURE_WORDS + r")[a-z]|.*\w\s+co\s+bao nhieu\W*$)")
# the words that ask a share or a rate (folded): "tỷ lệ", "%", "phần trăm", "chiếm", "tỷ
# trọng", a hotel's "công suất (sử dụng phòng)", "hiệu suất", growth ("tăng trưởng", "tốc
# độ"), the indicators the reports give as percentages of a whole ("độ che phủ", "mật độ")
_SHARE_ASKED_RE = re.compile(r"%|\b(?:ty le|ti le|phan tram|chiem|ty trong|ti trong|cong suat|"
                             r"hieu suat|tang truong|toc do|che phu|mat do|chi so|cpi)\b")


def no_share(folded: str) -> bool:
    """Whether a question (``folded``) asks a count or an amount of a thing and no share or
    rate of it: "Số lượng trạm 3G là bao nhiêu?", "Trạm 3G có bao nhiêu?", "Lượng khách du
    lịch năm nay?" (:data:`_COUNT_OR_AMOUNT_RE`), with no word of :data:`_SHARE_ASKED_RE`.
    A percentage of the thing ("vùng phủ sóng 3G đạt 92,4%", "các khách sạn từ 3 sao trở
    lên đạt 82 - 85%") answers no such question (issue 17, break-tests bt16c and bt17b:
    both were given at 0.85); a change in percent ("tăng 17,2%") is no level asked either."""
    return bool(_COUNT_OR_AMOUNT_RE.match(" ".join(_blank_time(folded).split()))) and \
        not _SHARE_ASKED_RE.search(folded)


# a noun of a time after "bao nhiêu"/"mấy" followed by the time it names ("tăng bao nhiêu kỳ
# 3/6/2081", "giảm bao nhiêu đợt này", "bao nhiêu phiên trước"): when the change is asked, no
# unit -- read as the unit "kỳ" no frame is in, a change question answered the whole sentence
# (issue 17). "mấy kỳ trong tháng 10/2071" (how many price rounds) keeps its unit.
_TIME_NOUN_AFTER_RE = re.compile(r"(?:ky|dot|phien|tuan)\s+(?:\d|(?:nay|truoc|qua|toi|gan nhat|"
                                 r"dieu hanh|bao cao)\b)")


# a period named after "bao nhiêu"/"mấy" (folded): "tăng bình quân mỗi năm bao nhiêu giai đoạn
# 2023-2027", "tăng bao nhiêu năm 2050", "bao nhiêu quý I/2044", "giảm bao nhiêu ngày 5/3/2044"
# -- the time of the figure, no unit asked (read as the unit "giai", a span's average growth
# was refused: rankverb, session 43).  A count of periods keeps its unit: "mấy giai đoạn",
# "bao nhiêu ngày?" (a duration), "bao nhiêu ngày trước ...", "mấy năm liền".
_PERIOD_AFTER_HOW_MUCH_RE = re.compile(
    r"(?:giai doan|nam|thang|quy|ky)\s+(?:(?:19|20)\d\d\b|\d{1,2}\s*/|(?:i|ii|iii|iv)\b|"
    r"(?:nay|qua|truoc|toi)\b)|giai doan\s+(?:\d|hien nay|tiep theo)|"
    r"ngay\s+\d{1,2}\s*(?:/|thang\b)")


def period_after_how_much(folded: str, at: int) -> bool:
    """Whether the words of ``folded`` (a folded question) at ``at`` -- those after a "bao
    nhiêu"/"mấy" -- name the period a figure is asked for (:data:`_PERIOD_AFTER_HOW_MUCH_RE`:
    "giai đoạn 2023-2027", "năm 2050", "quý I/2044", "ngày 5/3/2044", "kỳ này") rather than
    the unit asked; a count of periods ("mấy giai đoạn?", "bao nhiêu ngày?") is none."""
    return _PERIOD_AFTER_HOW_MUCH_RE.match(folded, at) is not None


# "bản" + a kind of document (folded): the classifier of the documents counted ("mấy bản kế
# hoạch", "bao nhiêu bản báo cáo"), the unit asked their kind
_COPIES_OF_KIND = re.compile(r"ban\s+(" + DOCUMENT_KINDS + r")\b")


def asked_unit(query: Query) -> re.Match[str] | None:
    """The first "bao nhiêu"/"mấy" + word of ``query`` (folded ``query.expanded``;
    :data:`rag.vi.lexicon.ASKED_UNIT_RE`, the unit word in group 1) that asks a unit, or None.
    Skipped: a "may" the user typed "máy", "mây" ("nước máy thương phẩm ... giảm bao nhiêu"
    read "mấy thương" as the unit; bt*-b17 questions), and a noun of a time followed by the time
    it names ("kỳ 3/6/2081", "đợt này": :data:`_TIME_NOUN_AFTER_RE`), or a period named after
    it ("bao nhiêu giai đoạn 2023-2027": :func:`period_after_how_much`)."""
    folded = fold(query.expanded)
    written = unicodedata.normalize("NFC", query.expanded.lower())
    typed = (not query.english and not query.restored and has_diacritics(query.text)
             and len(written) == len(folded))
    for m in ASKED_UNIT_RE.finditer(folded):
        if typed and not _HOW_MUCH_TYPED_RE.match(written, m.start()):
            continue
        if _TIME_NOUN_AFTER_RE.match(folded, m.start(1)) or \
                period_after_how_much(folded, m.start(1)):
            continue
        return m
    return None


_TYPED_AFTER_HOW_MUCH_RE = re.compile(r"(?<!\w)(?:bao nhiêu|mấy)\s+(\w+)")


# Words of _NOT_UNITS that, typed with these diacritics, are a unit after all: "trạm" (a
# station: "bao nhiêu trạm 4G", "số trạm BTS") folds as the "trăm" of "phần trăm" -- read as
# no unit, "Có bao nhiêu trạm 3G?" was answered "vùng phủ sóng 3G đạt 92,4%".
_UNITS_AS_TYPED = {"tram": "trạm"}


# "năm", "tháng" after "bao nhiêu"/"mấy" with no period named after them (asked_unit skips
# "bao nhiêu năm 2050", "mấy tháng nay"): a length asked, in years or months -- "Ngành Công nghệ
# sinh học học trong mấy năm?" was answered "7 ngành" over "học trong thời gian 4 năm", "Nhóm
# nghiên cứu mất bao nhiêu năm?" refused (break-test bt22c, session 50).  Not a period's name
# that goes on ("năm học", "năm tài chính", "tháng đầu năm", "tháng cuối năm").
_LENGTH_WORDS = frozenset({"nam", "thang"})
# -- nor a run of years counted ("tăng điểm mấy năm liền", "mấy năm liên tiếp", "mấy năm qua":
# how many years it happened, tests/test_rank_verb_and_period_after_how_much.py)
_NOT_A_LENGTH_RE = re.compile(r"\s+(?:hoc|tai chinh|dau|cuoi|ke hoach|lien|qua|gan day|nay)\b")


def _a_unit(m: re.Match[str], typed: str) -> bool:
    """Whether the word in group 1 of ``m`` (a match in the folded question) may be the unit
    asked: not one of :data:`_NOT_UNITS`, unless ``typed`` (the question as typed, of the same
    length) writes it as the unit :data:`_UNITS_AS_TYPED` names."""
    word = m.group(1)
    if word not in _NOT_UNITS:
        return True
    if word in _LENGTH_WORDS and not _NOT_A_LENGTH_RE.match(m.string, m.end(1)):
        return True  # "học trong mấy năm?": a length in years (a period named is skipped before)
    written = unicodedata.normalize("NFC", typed).lower()
    return len(written) == len(m.string) and \
        written[m.start(1):m.end(1)] == _UNITS_AS_TYPED.get(word)


def _function_word_after_how_much(typed: str) -> bool:
    """Whether the word right after the first "bao nhiêu"/"mấy" of a question as typed
    (lower case, with its diacritics) is a function word -- a preposition
    (rag.vi.lexicon.PREPOSITIONS_EXACT: "cho", "vào", "tại") or a particle
    (STOPWORDS_EXACT) -- and so no unit asked."""
    m = _TYPED_AFTER_HOW_MUCH_RE.search(unicodedata.normalize("NFC", typed))
    return m is not None and (m.group(1) in PREPOSITIONS_EXACT or m.group(1) in STOPWORDS_EXACT)


# A code of a few digits then letters ("4G", "5G", "3G", "10A"; rag.vi.numbers
# _CODE_DIGITS_FIRST reads the reports' own so, and rag.answer.sentences.positions keeps it
# one word): one word of the question, its digits no number -- read as "5" and "g", "Có bao
# nhiêu trạm 5G?" met no "trạm phát sóng 5G" and was refused.  Not a number glued to its
# unit as offices and users type one (rag.vi.numbers.GLUED_UNIT, lexicon.QUANTITY_UNITS,
# folded; and "5h" an hour, "50k" fifty thousand, "30p" minutes, "2tr" two million).
_GLUED_UNITS = "|".join(sorted({
    *QUANTITY_UNITS, "dong", "vnd", "usd", "d", "ty", "ti", "trieu", "nghin", "ngan", "tr",
    "h", "k", "p", "cm", "mm", "l", "ml", "t", "km2", "ha"} - {"m³"}, key=len, reverse=True))
_DIGITS_FIRST_CODE = r"\d{1,3}(?!(?:" + _GLUED_UNITS + r")(?![\w.,]))[a-z]{1,3}(?![\w.,])"


# The stopwords that are content words of their own -- "riêng" (own, separate; as an adverb
# "riêng tháng 9": in particular) -- and close a compound noun after a syllable they make a
# dictionary word with (Viet74K: "sầu riêng" (durian), "nhà riêng", "tên riêng", "con
# riêng").  The other stopwords are function words (question words, particles,
# prepositions, "chờ"/"cho" among them); "số" closes words too ("doanh số", "chỉ số") but
# "tổng số", "chỉ số" are read as measures elsewhere, so it is left out.
_WORD_CLOSING_STOPS = frozenset({"riêng"})


def closes_word(before: str, word: str) -> bool:
    """Whether the stopword ``word`` (lower case, with its diacritics) closes a dictionary word
    of two syllables (rag.vi.words.is_two_syllable_word) whose first is ``before`` (the
    syllable just before it, written with its diacritics), so both are content: "sầu riêng",
    "nhà riêng".  Only the stops of :data:`_WORD_CLOSING_STOPS`; a ``before`` that is itself a
    stopword ("của riêng", "ở riêng") closes nothing.  Typed without diacritics, the pair is
    read as the restorer wrote it from the corpus (rag.search.query.analyze), never from the
    folded syllables alone: "bao nhieu", "hang cho" fold onto dictionary words too (break-test
    bt17t; the earlier fold-based rule, branch stopsyll, broke plain questions)."""
    return word in _WORD_CLOSING_STOPS and before.isalpha() and \
        before not in STOPWORDS_EXACT and is_two_syllable_word(before, word)


def closes_word_folded(before: str, word: str) -> bool:
    """Whether the folded stop syllable ``word`` closes a word with the folded ``before``
    however the pair is written: every dictionary word folding to it
    (rag.vi.words.written_forms) ends in a stop of :data:`_WORD_CLOSING_STOPS` after a
    syllable that is no stopword, and ``before`` folded is no stopword either ("sau rieng":
    only "sầu riêng"; "con rieng" may be "còn riêng").  For a question typed without
    diacritics whose pair the corpus does not write (the restorer left it unwritten): the part
    it names is then still read, and refused when no report holds it, rather than lost and
    the total answered."""
    forms = written_forms(before, word)
    return bool(forms) and before not in STOPWORDS and all(
        (two := f.split("_"))[1] in _WORD_CLOSING_STOPS and two[0] not in STOPWORDS_EXACT
        for f in forms)


# "qua" (through) as a preposition: before a word of a place, a gate, a route or an area
# (folded: "qua cửa khẩu", "qua các cửa khẩu", "qua địa bàn", "qua biên giới", "qua cảng",
# "qua lối mở", "qua ga", "qua đường bộ", "qua tỉnh", "qua khu kinh tế") -- the customs and
# trade reports' "kim ngạch xuất nhập khẩu qua ...", which the same reports also write "tại
# cửa khẩu ..." or as a table's row under "tại các cửa khẩu".  Folded, "qua" is also "quả"
# (fruit), "quá", "quà": read as content, the preposition cost a question its answer when
# the report wrote "tại" or nothing (break-test bt17v: "Kim ngạch qua cửa khẩu Tân Thanh"
# refused at 0.5 over a gate table).  "khu" only before "kinh tế"/"công nghiệp"/"vực" ("qua
# khu" may be "quá khứ").
_THROUGH_PLACE_RE = re.compile(
    r"(?:(?:cac|nhung)\s+)?(?:cua khau|dia ban|bien gioi|cang|loi mo|ga|duong bo|duong sat|"
    r"duong song|duong bien|duong hang khong|san bay|tuyen|tinh|huyen|thanh pho|thi tran|"
    r"khu (?:kinh te|cong nghiep|vuc)|cum cong nghiep|diem thong quan|chi cuc|hai quan|"
    r"quoc lo|trung quoc)(?!\w)")
# the places the lexicon knows (folded): other provinces, the province and its districts
_THROUGH_NAMES_RE = re.compile(r"(?:" + "|".join(
    re.escape(fold(p)) for p in sorted({*PLACES, HOME_PLACE, *HOME_DISTRICTS}, key=len,
                                       reverse=True)) + r")(?!\w)")
# the words a "quả" (fruit) follows as part of a noun: "hoa quả", "trái quả", "rau quả"
_FRUIT_HEADS = frozenset({"hoa", "trai", "rau"})


def _after_fruit_head(folded: str, at: int, cased: str) -> bool:
    """Whether the word just before ``at`` in ``folded`` is a noun "quả" names a fruit with
    (:data:`_FRUIT_HEADS`: "hoa quả", "trái quả", "rau quả"), not the "hóa" of "hàng hóa"
    ("hàng hóa qua cửa khẩu"); with ``cased`` (typed with diacritics, same offsets) as typed:
    "hoa", "trái", "rau"."""
    words = folded[:at].split()
    if not words or words[-1] not in _FRUIT_HEADS:
        return False
    if cased:
        return cased[:at].split()[-1].lower() in ("hoa", "trái", "rau")
    return not (words[-1] == "hoa" and len(words) > 1 and words[-2] == "hang")


def qua_is_through(folded: str, at: int, end: int, cased: str = "",
                   typed: bool = True) -> bool:
    """Whether the word "qua" at ``folded[at:end]`` (a folded question) is the preposition
    "qua" (through), a function word dropped as "tại" is: typed "qua" (``cased``: the
    question as typed or restored, same offsets, "" when none; a "quả" typed -- ``typed`` --
    is the fruit, content; the restorer's marks are its guess, not read), not after a noun
    it names a fruit with (:func:`_after_fruit_head`: "hoa quả", "rau quả"; "hàng hóa qua"
    is no "hoa quả"), and before a place, gate, route or area word
    (:data:`_THROUGH_PLACE_RE`), a place the lexicon knows (:data:`_THROUGH_NAMES_RE`:
    "qua Cao Lộc") or a capitalised name in ``cased`` ("qua Tân Thanh").  Without
    diacritics the same context decides: "qua cua khau" is through, "qua vai", "hoa qua"
    stay the fruit (the durian fix's care: tests/test_unaccented_part_words.py)."""
    if folded[at:end] != "qua" or _after_fruit_head(folded, at, cased if typed else ""):
        return False
    if typed and cased and cased[at:end].lower() != "qua":
        return False  # "quả", "quá", "quà": typed with their marks, content
    rest = end
    while rest < len(folded) and folded[rest] == " ":
        rest += 1
    if rest == end or rest >= len(folded):
        return False
    if _THROUGH_PLACE_RE.match(folded, rest) or _THROUGH_NAMES_RE.match(folded, rest):
        return True
    return bool(cased) and cased[rest].isupper()


def content_runs(typed: str | None, folded: str,
                 written: str | None = None) -> list[list[str]]:
    """The question's content words (folded), in runs of adjacent words.  Question words,
    stopwords, its dates and periods and the words of periods break runs; with the question as the
    user typed it (``typed``), they are recognised with their diacritics ("đen" is not "đến",
    "Nam" is not "năm").  ``written``: a question typed without diacritics as the restorer
    wrote it (same offsets as ``folded``), read only for a stop syllable closing a word
    (:func:`closes_word`: "sau rieng" written "sầu riêng" keeps both syllables)."""
    exact = typed.lower() if typed is not None else ""
    if len(exact) != len(folded):
        exact = ""  # no typed form, or one whose offsets do not match the folded question
    pair_text = exact or (written.lower() if written is not None else "")
    if len(pair_text) != len(folded):
        pair_text = ""
    if not exact and written is not None and not pair_text:
        pair_text = folded  # the restorer's text does not match: the folded pair alone
    # the question as typed or as restored, its case kept, for "qua" (qua_is_through)
    cased = typed if exact and typed is not None else \
        (written if written is not None and len(written) == len(folded) else "")
    dropped = -2  # the last token dropped as a stopword or a word of time
    added = -2  # the last token added to a run as a word
    runs: list[list[str]] = [[]]
    # a product or grade code ("RON95", "E5", "PM10") is one word, as the frames' own words
    # hold it (rag.answer.sentences.TOKEN_RE; rag.vi.frames.indicators keeps it in a name)
    blanked = _blank_time(folded, typed if exact else None)
    tokens = [m for m in re.finditer(r"(?![qt]\d)[a-z]{1,4}\d{1,3}(?![\w.,])|" + _DIGITS_FIRST_CODE
                                     + r"|[a-z]+|\d+(?:[.,]\d+)*|[^\w\s]", blanked)]
    kind_at = {k for k in range(len(tokens) - 1)
               if (tokens[k].group(0), tokens[k + 1].group(0)) in _KIND_PAIRS}
    # "tốc độ tăng GRDP": "tốc độ" before "tăng"/"giảm" asks for a change, as the measure
    # does -- no word a report writes beside its figure ("GRDP ... ước tính tăng 8,06%")
    kind_at |= {k for k in range(len(tokens) - 2)
                if [x.group(0) for x in tokens[k:k + 3]] in (["toc", "do", "tang"],
                                                             ["toc", "do", "giam"])}
    # "tăng trưởng bán lẻ", "tăng trưởng doanh thu vận tải": before another indicator's name
    # "tăng trưởng" asks its change, as "tốc độ tăng" does -- reports write "Doanh thu ...
    # tăng 7,3%", not "tăng trưởng doanh thu"; "tăng trưởng kinh tế" is an indicator's own
    # name (test_growth_asked_before_a_name.py)
    kind_at |= {k for k in range(len(tokens) - 2)
                if [x.group(0) for x in tokens[k:k + 2]] == ["tang", "truong"]
                and tokens[k + 2].group(0).isalpha()
                and not folded[tokens[k + 1].end():tokens[k + 2].start()].strip()
                and [x.group(0) for x in tokens[k + 2:k + 4]] != ["kinh", "te"]}
    kind_at |= {k + 1 for k in kind_at}
    # a rank asked ("xếp thứ mấy", "đứng thứ mấy cả nước", "xếp hạng bao nhiêu"): the words
    # asking it and the whole ranked over are no words of the indicator -- a report writes
    # "xếp thứ", "đứng thứ", "xếp hạng" and "tỉnh, thành phố" or "cả nước" as it likes, and
    # "tăng trưởng GRDP ... xếp thứ mấy cả nước?" lost to "đứng thứ 21/63 tỉnh, thành phố"
    # (break-test b17 round 8 item 8)
    if _RANK_ASKED_RE.search(folded):
        ranked = [m.span() for m in _RANK_WORDS_RE.finditer(folded)]
        kind_at |= {k for k, m in enumerate(tokens)
                    if any(s <= m.start() < e for s, e in ranked)}
    # "so với tháng trước thay đổi bao nhiêu", "tăng hay giảm", "so CK": the words asking a
    # change (rag.vi.lexicon.CHANGE_ASKED) or naming its base, which no report writes beside
    # its figure ("CK", "cùng kỳ" spelled out by the frames: rag.vi.frames.sentence)
    asked_change = [m.span() for m in CHANGE_ASKED_RE.finditer(folded)]
    asked_change += [m.span(1 if m.group(1) else 2) for m in _SEASON_BASE_RE.finditer(folded)]
    kind_at |= {k for k, m in enumerate(tokens)
                if any(s <= m.start() < e for s, e in asked_change)
                or (m.group(0) == "ck" and k and tokens[k - 1].group(0) in ("so", "voi"))}
    # "hoàn thành / thực hiện được bao nhiêu % kế hoạch": the verb asking a share of the plan,
    # which a report writes "đạt"/"bằng" or not at all -- no word of the indicator
    plan_verb = [m.span() for m in _PLAN_VERB_ASKED_RE.finditer(folded)]
    kind_at |= {k for k, m in enumerate(tokens) if any(s <= m.start() < e for s, e in plan_verb)}
    official = [m.span() for m in _OFFICIAL_ASKED_RE.finditer(folded)]
    kind_at |= {k for k, m in enumerate(tokens) if any(s <= m.start() < e for s, e in official)}
    kind_at |= _lead_verb_tokens(tokens, folded, exact)
    own_area = _own_area_spans(blanked)
    kind_at |= {k for k, m in enumerate(tokens) if any(s <= m.start() < e for s, e in own_area)}
    asking = [m.span() for m in (_QUESTION_PHRASE_TYPED_RE.finditer(exact) if exact
                                 else _QUESTION_PHRASE_FOLDED_RE.finditer(folded))]
    kind_at |= {k for k, m in enumerate(tokens) if any(s <= m.start() < e for s, e in asking)}
    lead = _FIGURE_LEAD_RE.match(folded)  # "Số liệu tổng mức bán lẻ": "liệu" is no content
    kind_at |= {k for k, m in enumerate(tokens) if lead and m.start() < lead.end()}
    for k, m in enumerate(tokens):
        t = m.group(0)
        if k and folded[tokens[k - 1].end():m.start()].strip():
            runs.append([])  # a date or period between two words: "điện thương phẩm | đạt"
        if exact:
            word = exact[m.start():m.end()]
            stop = word in STOPWORDS_EXACT or word in _TIME_WORDS_EXACT
        else:
            stop = t in STOPWORDS or t in _TIME_WORDS
        if stop and pair_text and k and \
                not folded[tokens[k - 1].end():m.start()].strip() and \
                (runs[-1] or dropped == k - 1) and \
                (closes_word(pair_text[tokens[k - 1].start():tokens[k - 1].end()],
                             pair_text[m.start():m.end()]) or
                 (not exact and tokens[k - 1].group(0).isalpha() and
                  closes_word_folded(tokens[k - 1].group(0), t))):
            # "sầu riêng": the stop syllable closes a word of the dictionary
            stop = False
            if not runs[-1]:  # "sau" (sầu) was dropped as a word of time: read it back,
                if added == k - 2 and len(runs) > 1 and \
                        not folded[tokens[k - 2].end():tokens[k - 1].start()].strip():
                    runs.pop()  # in the run it broke ("xuất khẩu sầu riêng")
                runs[-1].append(tokens[k - 1].group(0))
        if not stop and t == "qua" and qua_is_through(folded, m.start(), m.end(), cased,
                                                       bool(exact)):
            stop = True  # "qua cửa khẩu": the preposition, as "tại" (qua_is_through)
        if stop and t in _ROMAN and k and tokens[k - 1].group(0) not in _TIME_WORDS:
            # "chợ hạng III", "loại II", "giai đoạn I": a Roman numeral after no period word
            # is a grade or a phase, the word that tells "hạng III" from "hạng I" (quarters,
            # "quý III", are blanked with their periods) -- dropped, "hạng I" listed first
            # answered "hạng III" at 1.0 (issue 16 break-test bt20-b16 failure 1)
            stop = False
        glued = m.end() < len(blanked) and blanked[m.end()].isalpha()
        if t == "-" and k and k + 1 < len(tokens) and tokens[k - 1].end() == m.start() and \
                tokens[k + 1].start() == m.end():
            continue  # "0,001S-V", "RON 95-III": a dash inside a grade code joins its parts
        if stop or t in _KIND_WORDS or k in kind_at or not t[0].isalnum():
            if stop and t not in _KIND_WORDS and k not in kind_at:
                dropped = k
            runs.append([])
        elif t[0].isdigit() and glued:
            # "dầu diesel 0,05S": a code's number, as the frames' words hold it
            # (rag.answer.sentences.positions: "0.05"; issue 17 bt23-b17 failure 3)
            runs[-1].append(parse_number(t))
        elif t == "luong" and (not runs[-1] or runs[-1] == ["tong"]) and \
                (not exact or word == "lượng") and \
                k + 1 < len(tokens) and tokens[k + 1].group(0).isalpha():
            # "lượng khách du lịch" is "how many tourists": the quantity word opening a noun
            # phrase, which reports do not write ("đón 2,71 triệu lượt khách"); "sản lượng"
            # and "lương" (pay) stay.  After "tổng" it is the "số" of "tổng số": "tổng lượng
            # khách du lịch cả năm" asks the year's level, "tổng" read as "tổng số" is (dev2
            # e054, refused while "tổng số" and a bare "lượng" answered)
            runs.append([])
        elif t in _MEASURE_WORDS and not (k + 1 < len(tokens) and
                                          tokens[k + 1].group(0) in ("truong", "cuong")):
            # "GRDP tăng bao nhiêu": a word of its own, not "grdp_tang" ("tăng trưởng" stays)
            runs.extend(([t], []))
        else:
            runs[-1].append(t)
            added = k
    return runs


def _lead_verb_tokens(tokens: list[re.Match[str]], folded: str, exact: str) -> set[int]:
    """Indices into ``tokens`` (matches in the folded question ``folded``) of the verb that
    leads to the figure asked ("đạt", "ước đạt được", "đạt mức" before "bao nhiêu"/"mấy":
    _LEAD_VERB_ASKED_RE).  With the question as typed (``exact``, lower case, same offsets;
    "" when there is none), its "dat" must be written "đạt" -- "đất" (land) is a word of the
    indicator; without it only an "ước đạt" or "đạt được" is surely the verb."""
    out: set[int] = set()
    for v in _LEAD_VERB_ASKED_RE.finditer(folded):
        at = [k for k, m in enumerate(tokens) if v.start() <= m.start() < v.end()]
        dat = [k for k in at if tokens[k].group(0) == "dat"]
        if exact:
            if not all(exact[tokens[k].start():tokens[k].end()] == "đạt" for k in dat):
                continue
        elif len(at) < 2:
            continue
        out.update(at)
    return out


# words that may follow the area's kind noun and name no place ("toàn tỉnh hiện có", "toàn
# huyện đạt"): the noun is then the report's own area, as before a stopword or a period
_AFTER_AREA = frozenset({"hien", "dat", "uoc", "tang", "giam", "duoc", "thu", "don"})


def _own_area_spans(blanked: str) -> list[tuple[int, int]]:
    """The spans of ``blanked`` (a folded question, its periods blanked: :func:`_blank_time`)
    naming the report's own area generically (:data:`_OWN_AREA_RE`): "trên địa bàn" always;
    its kind noun, and "toàn"/"cả"/"của"/"trong"/"tại" before it, only when no name follows
    the noun ("số chợ trên địa bàn tỉnh cuối năm 2073", "toàn huyện có bao nhiêu hợp tác xã"),
    so "trên địa bàn huyện Tân Lĩnh" keeps "huyện Tân Lĩnh" for the place it names."""
    spans: list[tuple[int, int]] = []
    for m in _OWN_AREA_RE.finditer(blanked):
        lead_only = m.group("lead").endswith("dia ban")
        if m.group("kind"):
            after = re.match(r"\s*([a-z]+)", blanked[m.end():])
            if after is None or after.group(1) in STOPWORDS or after.group(1) in _AFTER_AREA:
                spans.append(m.span())
                continue
        if lead_only:
            spans.append(m.span("lead"))
    return spans


def _blank_cut_off(m: re.Match[str], typed: str | None) -> str:
    """``m`` of :data:`_CUT_OFF_BEFORE_DATE` blanked, but for a "tinh" the user typed "tỉnh"
    (``typed``: the question as typed, same offsets): "của tỉnh đến ngày 15/12" keeps the
    province."""
    start = m.start()
    if m.group(1) and typed is not None and \
            typed[m.start(1):m.end(1)].lower() not in ("tính", "tinh"):
        start = m.end(1)
    return m.group(0)[:start - m.start()] + " " * (m.end() - start)


# a length of days or weeks asked (folded): "5 ngày", "2 tuần"
_LENGTH_ASKED = re.compile(r"(?<![\w.,])\d{1,3}\s+(?:ngay|tuan)\b")


def _blank_time(folded: str, typed: str | None = None) -> str:
    """The question without its dates, years and periods (those are checked separately),
    blanked with as many spaces, so that offsets still match the question; ``typed``, the
    question as typed (same offsets), tells months written as words ("tháng Năm", "May")."""
    def blank(m: re.Match[str]) -> str:
        return " " * len(m.group(0))
    for start, end in time_spans(typed if typed is not None else folded):
        if _DASHED_DAYS.search(folded[start:end]):
            folded = folded[:start] + " " * (end - start) + folded[end:]
    folded = _MOMENT_BEFORE_DATE.sub(blank, folded)
    folded = _CUT_OFF_BEFORE_DATE.sub(lambda m: _blank_cut_off(m, typed), folded)
    folded = _DATE_RE.sub(blank, folded)
    # the periods the answer side reads (rag.vi.asked), whole: "6 tháng đầu năm 2022" (not
    # "6 tháng" alone, which left "đầu" a content word that no table header "6 tháng 2022"
    # holds), "10 tháng", "6T", "quý I", "năm ngoái", "so với tháng trước" -- read where
    # the dates left letters, as typed
    if typed is not None:
        typed = "".join(" " if f == " " else t for t, f in zip(typed, folded, strict=True))
    for start, end in time_spans(typed if typed is not None else folded):
        folded = folded[:start] + " " * (end - start) + folded[end:]
    for _, pat in PERIOD_PATTERNS:
        folded = pat.sub(blank, folded)
    # a length of days or weeks ("thu ngân sách 5 ngày sau Tết"): when, as the frames read it
    # (rag.vi.frames.period_length), no part named by "5" (break-test bt22b, session 50)
    folded = _LENGTH_ASKED.sub(blank, folded)
    return YEAR_RE.sub(blank, folded)
