"""Question analysis: normalise, expand abbreviations and English terms, restore diacritics,
and read the year and reporting period asked about."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from rag.vi.acronyms import AcronymTable
from rag.vi.lexicon import (
    ABBREVIATIONS,
    ENGLISH,
    ENGLISH_BASE_TERMS,
    ENGLISH_GRAMMAR,
    ENGLISH_MARKERS,
    ENGLISH_SEASONS,
    ENGLISH_SENSES,
    QUESTION_PHRASES,
    UNIT_HEAD_PHRASES,
)
from rag.vi.periods import TimeScope, scope_of
from rag.vi.text import fold, has_diacritics, is_syllable, normalize_query

_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
_ENGLISH_RE = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(k) for k in sorted(ENGLISH, key=len, reverse=True))
    + r")(?![\w-])", re.IGNORECASE)


_QUESTION_RE = re.compile(
    r"(?<!\w)(" + "|".join(re.escape(k) for k in sorted(QUESTION_PHRASES, key=len, reverse=True))
    + r")(?!\w)", re.IGNORECASE)


# the nouns whose second word is written "máy" ("nhà máy", "tổ máy"), folded: no "mấy" asked
_MAY_NOUNS = frozenset(p for p in (*UNIT_HEAD_PHRASES, "to may") if p.endswith(" may"))


def _noun_may(text: str, m: re.Match[str]) -> bool:
    """Whether the asking phrase ``m`` of ``text`` (typed without diacritics) is the "may" of
    a noun :data:`_MAY_NOUNS` holds with the word before it ("nha may")."""
    if m.group(0).lower() != "may":
        return False
    before = re.search(r"(\w+)\s+$", text[:m.start()])
    return before is not None and f"{before.group(1).lower()} may" in _MAY_NOUNS


# English words a capitalised name of a unit may start after ("What", "Through", "In")
_NOT_NAME = frozenset(
    "what which how when where who whose the a an in at through via from for of to by and or "
    "was were is are did does total trade value exports imports".split())
# an English question's named unit, its name before its kind as English writes it: "Ban Khe
# border gate", "Thanh Linh International Border Gate", "Bảo Lạc district", "Que Vo
# industrial park", "Dong Kinh market" (break-test bt14-b17 failure 5: "trade value through
# Ban Khe border gate" took the province's total, "Bản Khê" was refused)
_UNIT_EN_RE = re.compile(
    r"((?:[A-ZĐ][^\W\d_]*)(?:\s+[A-ZĐ][^\W\d_]*){0,3})\s+"
    r"(?i:(?:(international|main|auxiliary|secondary|sub)\s+)?(border\s+(?:gate|crossing)s?)"
    r"|(district|industrial\s+(?:park|zone|cluster)|market)s?)\b")
_GATE_KINDS = frozenset({"international", "main", "auxiliary", "secondary", "sub"})
_BORDER_AFTER = re.compile(r"\s+(?i:border)\b")
_UNIT_VI = {"border": "cửa khẩu", "district": "huyện", "industrial": "khu công nghiệp",
            "market": "chợ"}


def english_units(question: str) -> list[tuple[str, str, tuple[int, int]]]:
    """The named units of an English ``question`` (:data:`_UNIT_EN_RE`): each as (name as
    typed, its Vietnamese phrase -- "cửa khẩu Ban Khe", "huyện Bảo Lạc" --, the span of the
    name); the English words a sentence starts with are no part of the name ("What Ban
    Khe ..." is "Ban Khe")."""
    out = []
    for m in _UNIT_EN_RE.finditer(question):
        words = m.group(1).split()
        start = m.start(1)
        while words and words[0].lower() in _NOT_NAME:
            start = question.index(words[0], start) + len(words[0])
            words = words[1:]
        while words and words[-1].lower() in _GATE_KINDS:  # "... International Border Gate"
            words = words[:-1]
        if not words:
            continue
        name = " ".join(words)
        start = question.index(words[0], start)
        kind = (m.group(3) or m.group(4)).split()[0].lower()
        out.append((name, f"{_UNIT_VI.get(kind, 'cửa khẩu')} {name}",
                    (start, start + len(name))))
    return out


class Restorer(Protocol):
    """What gives a question typed without diacritics its diacritics back
    (``rag.vi.restore.DiacriticRestorer``)."""

    def restore(self, question: str, keep: Iterable[tuple[int, int]] = ()) -> str:
        """``question`` with the diacritics the corpus's word pairs suggest; unchanged when none
        fits."""

    def restore_name(self, words: list[str], joined: bool = False) -> list[str] | None:
        """A name's capitalised words typed without diacritics as the corpus writes them
        together (["Hoa", "Bac"] -> ["Hòa", "Bắc"]); None when it does not."""


@dataclass(frozen=True)
class Query:
    """A question as typed, and the forms retrieval uses."""

    text: str  # as typed
    expanded: str  # normalised, diacritics restored, abbreviations and English terms expanded
    scope: TimeScope  # years and periods asked about
    english: bool = False
    restored: bool = False
    # an English question's names typed without diacritics, as typed ("Hoa Bac"), that are
    # read as the corpus writes them ("Hòa Bắc" in ``expanded``: :func:`english_names`)
    names: tuple[str, ...] = ()
    # the corpus's abbreviations the question writes either form of, as (folded token,
    # phrase): "chi NSĐP" -> (("nsdp", "ngân sách địa phương"),) -- for the answerer's word
    # matching (rag.answer.figures.choose); rag.vi.acronyms.AcronymTable.concerning
    acronyms: tuple[tuple[str, str], ...] = ()
    # the runs of the question's words whose initials spell a token the corpus writes, as
    # (folded token, run): "doanh thu du lịch" -> (("dt", "doanh thu"), ("dl", "du lịch"))
    # -- read against a figure's own table row (rag.vi.acronyms.AcronymTable.spelled_runs)
    spelled: tuple[tuple[str, str], ...] = ()


# the words of the English glossary's phrases ("growth", "unemployment", "accidents"), but an
# abbreviation a Vietnamese question writes too ("CPI", "GRDP")
# -- and not the words of a comparison base ("from the previous month", "year on year":
# rag.vi.lexicon._ENGLISH_BASES), short linking words a Vietnamese question typed without
# diacritics may hold ("on", "over", "than")
_ENGLISH_WORDS = frozenset(w for k, v in ENGLISH.items() if v not in ENGLISH_BASE_TERMS
                           for w in k.split()
                           if fold(w) not in ABBREVIATIONS and w not in ENGLISH_MARKERS)


# a capitalised word with a Vietnamese diacritic, a place's name typed as Vietnamese writes
# it inside an English question ("through Bản Khê border gate", break-test bt14-b17 D4)
_NAME_RE = re.compile(r"(?<!\w)[A-ZĐ\u00c0-\u1ef8][^\W\d_]*")


def is_english(question: str) -> bool:
    """Whether ``question`` is in English: no Vietnamese diacritics but in capitalised names
    ("Bản Khê border gate": :data:`_NAME_RE`) and at least two English
    words -- marker words (ENGLISH_MARKERS) or words of the glossary (ENGLISH) -- one of
    them a marker: "GRDP growth in 2030?", "urban unemployment rate in Q3 2030?" are
    English though they hold one marker only (break-test b17)."""
    if has_diacritics(_NAME_RE.sub(" ", question)):
        return False
    words = [w.lower() for w in _WORD_RE.findall(question)]
    markers = sum(w in ENGLISH_MARKERS for w in words)
    glossary = sum(w in _ENGLISH_WORDS for w in words)
    if markers >= 1 and markers + glossary >= 2:
        return True
    # no marker: English by its share of words -- "last year's retail sales", "retail sales
    # (TMBL) 2021" (dev2 e125, issue 17) -- its words, but numbers, letters alone and
    # upper-case abbreviations, all of the glossary or the grammar, one of the glossary
    # -- and but capitalised names typed without diacritics after the first word ("export
    # value via Huu Nghi gate 2056": break-test bt20c, session 49, read as Vietnamese and
    # "gate" spelt "đạt"), when two words at least are left
    found = [m for m in _WORD_RE.finditer(question)
             if len(m.group()) > 1 and not m.group().isdigit() and not m.group().isupper()]
    unnamed = [m for m in found if not (m.start() > 0 and m.group()[0].isupper())]
    words = [m.group().lower() for m in (unnamed if len(unnamed) >= 2 else found)]
    english = sum(w in _ENGLISH_WORDS or w in ENGLISH_GRAMMAR or w in _MONTH_WORDS
                  for w in words)
    if glossary >= 1 and len(words) == 1 and english == 1:
        # a headline-style question of one glossary word beside abbreviations, periods and
        # numbers: "GRDP growth Q1 2027?", "exports 9T 2031?" -- English when that word has no
        # Vietnamese syllable's shape (rag.vi.text.is_syllable: "growth", "exports"), as no
        # question typed without diacritics has ("tang GRDP Q1" stays Vietnamese)
        return not is_syllable(words[0])
    return glossary >= 1 and len(words) >= 2 and english == len(words)


# month names an English question dates by (is_english counts them English)
_MONTH_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split())


# A document's number ("35/BC-SCT", "1718/QĐ-UBND", "12/2024/KH-UBND"), in any case: its
# code's letters are the number's, written as the document writes them.
DOCUMENT_NUMBER_RE = re.compile(r"\d+(?:/\d{4})?/[^\W\d_]\w{0,5}(?:-\w+)+")


# Each domain abbreviation of ABBREVIATIONS as a word of its own and its phrase (folded,
# lower case): the pairs a question writes either form of (:func:`lexicon_pairs`)
_LEXICON_PAIRS = tuple(
    (key, phrase,
     re.compile(r"(?<![\w/-])" + re.escape(key) + r"(?![\w/-])"),
     re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in fold(phrase).lower().split())
                + r"(?!\w)"))
    for key, phrase in ABBREVIATIONS.items())


@lru_cache(maxsize=4096)  # read by each step of a statement answer
def lexicon_pairs(typed: str) -> tuple[tuple[str, str], ...]:
    """(folded abbreviation, phrase) of each domain abbreviation (rag.vi.lexicon.ABBREVIATIONS)
    whose either form the question ``typed`` writes -- "Chủ tịch UBND huyện" -> (("ubnd", "Ủy
    ban nhân dân"),) -- as the corpus's own pairs are carried (``Query.acronyms``): the
    question's reading writes the abbreviation out (:func:`expand_abbreviations`), so a
    sentence writing "UBND" held none of "ủy ban nhân dân" (break-test bt19a: "Ai là Chủ tịch
    UBND huyện Lộc Bình?" answered by the header "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN", not "Chủ
    tịch UBND huyện là ông Lăng Văn Thịnh"; tests/test_lexicon_pairs.py).  For the statement
    path only (rag.answer.statements.statement_pairs): a figure's frame keeps the corpus's
    pairs, as one sentence's "HĐND" held by every frame of it would blur whose plan each
    amount is ("Trung ương giao 7.110 tỷ đồng; HĐND tỉnh giao 7.350 tỷ đồng")."""
    folded = fold(typed).lower()
    return tuple((key, phrase) for key, phrase, tok, spelled in _LEXICON_PAIRS
                 if tok.search(folded) or spelled.search(folded))


@lru_cache(maxsize=8192)  # the answerer reads each candidate figure's indicator out twice
def expand_abbreviations(question: str) -> str:
    """``question`` with the domain abbreviations of ABBREVIATIONS written out ("KNXK" -> "kim
    ngạch xuất khẩu"), matched folded as whole words -- but for the code of a document's
    number (DOCUMENT_NUMBER_RE): "35/BC-SCT", "12/KH-UBND" stay as the document writes them
    (written out, "35/BC-Sở Công Thương" asked for words the report need not hold and lost
    its number)."""
    numbers = [m.span() for m in DOCUMENT_NUMBER_RE.finditer(question)]

    def repl(m: re.Match[str]) -> str:
        word = m.group(0)
        if any(s <= m.start() < e for s, e in numbers):
            return word
        return ABBREVIATIONS.get(fold(word), word)

    return _WORD_RE.sub(repl, question)


# an OCOP rating as English writes it: "4-star", "3 stars"
_STARS_RE = re.compile(r"\b([1-5])[- ]stars?\b", re.IGNORECASE)
# "how many (new) companies": what is counted, asked as "bao nhiêu doanh nghiệp" is -- a
# hyphened word whole ("how many market-management violations": not "market")
# -- past the words that say which of them ("new", "foreign", "international", "domestic",
# "overnight": "how many foreign overnight guests" counts guests, not "nước ngoài")
_HOW_MANY_RE = re.compile(r"\bhow many (?:(?:new|more|foreign|international|domestic|overnight)"
                          r" )*([a-z]+(?:-[a-z]+)*(?: [a-z]+(?:-[a-z]+)*)?)", re.IGNORECASE)
# "how many leather shoes were produced", "how many tons ... were harvested": what follows the
# counted words says they are a product made, got or traded -- the amount asked is the
# product's output ("Sản lượng ...", "giày dép da đạt 27,9 triệu đôi"), not a count of units
# (break-test bt10-b17 failure 1: "bao nhiêu giày dép" took a month's raw sentence or refused)
_MADE_AFTER_RE = re.compile(
    r"(?:[\w-]+\s+){1,4}?(?:(?:was|were|(?:has|have|had) been)\s+(?:[a-z]+ly\s+)?"
    r"(produced|made|manufactured|harvested|mined|extracted|generated|exported|imported)"
    r"|did\s+(?:[\w-]+\s+){0,3}?(produce|make|manufacture|harvest|mine|export|import))\b",
    re.IGNORECASE)
# of those verbs, the ones whose amount is the product's output ("sản lượng")
_OUTPUT_VERBS = frozenset({"produced", "made", "manufactured", "harvested", "mined", "extracted",
                           "generated", "produce", "make", "manufacture", "harvest", "mine"})


_SEASON_NAMES = "|".join(re.escape(k) for k in sorted(ENGLISH_SEASONS, key=len, reverse=True))
_SEASON_YEARS = r"(\d{4}(?:\s*[-–/]\s*\d{4})?)"
# "the 2038 main crop", "2037-2038 winter-spring rice crop"; "the main crop of 2038",
# "winter-spring crop 2037-2038"
_SEASON_EN_RE = re.compile(
    r"\b(?:the\s+)?" + _SEASON_YEARS + r"\s+(" + _SEASON_NAMES + r")(?:\s+(?:rice|paddy))?"
    r"\s+(?:crop|season)s?\b"
    r"|\b(?:the\s+)?(" + _SEASON_NAMES + r")(?:\s+(?:rice|paddy))?\s+(?:crop|season)s?"
    r"(?:\s+(?:of|in))?\s+" + _SEASON_YEARS + r"(?![\d/])", re.IGNORECASE)


def english_seasons(question: str) -> str:
    """``question`` (English) with its crop seasons written as the reports write them, the
    harvest year after the season ("the 2038 main crop" -> "vụ Mùa 2038", "winter-spring crop
    2037-2038" -> "vụ Đông Xuân 2037-2038"), so that the question asks the season period
    (rag.vi.calendar.season_period), not the bare year; other text unchanged."""
    def repl(m: re.Match[str]) -> str:
        years = m.group(1) or m.group(4)
        name = m.group(2) or m.group(3)
        return f"vụ {ENGLISH_SEASONS[name.lower()]} {years}"

    return _SEASON_EN_RE.sub(repl, question)


# what the glossary's measures of a product map to (rag.vi.lexicon.ENGLISH "output", "yield")
_MEASURE_TERMS = frozenset({"sản lượng", "năng suất"})
# glossary terms Vietnamese writes before what they are of: a measure, a growth, a share
_HEAD_TERMS = _MEASURE_TERMS | {"tăng trưởng", "tỷ trọng"}
# glossary terms naming how a product is made or measured, not which product
_GENERIC_TERMS = _MEASURE_TERMS | {"sản xuất", "khai thác", "thu hoạch", "gieo cấy", "vụ"}
# glossary terms of a product's being made or got ("produced", "mined", "harvested")
_MADE_TERMS = frozenset({"sản xuất", "khai thác", "thu hoạch"})
# the products the glossary also names as sold ("điện thương phẩm", "nước máy thương phẩm")
_SOLD_PRODUCTS = frozenset(v.removesuffix(" thương phẩm") for v in ENGLISH.values()
                           if v.endswith(" thương phẩm"))
# an area asked ("how many hectares were harvested"): no output
_AREA_EN_RE = re.compile(r"\b(?:hectares?|ha|area)\b", re.IGNORECASE)


# "the first half of July 2047": a half of a month (rag.vi.mentions reads the days), not the
# glossary's "first half" of the year
_OF_A_MONTH = re.compile(r"\s+of\s+(?:" + "|".join(
    ("january february march april may june july august september october november december "
     "jan feb mar apr jun jul aug sep sept oct nov dec").split()) + r")\b", re.IGNORECASE)


# one flow of trade a question names ("exports", "imports", "exported")
_FLOWS = frozenset({"xuất khẩu", "nhập khẩu"})


def english_sense(phrase: str, question: str) -> str:
    """The Vietnamese of the glossary ``phrase`` (lower case, a key of
    ``rag.vi.lexicon.ENGLISH``) as ``question`` uses it: the sense of
    ``rag.vi.lexicon.ENGLISH_SENSES`` whose nouns the question names (as whole words, any
    case), else the glossary's.  "What was the occupancy rate of Dong Xa industrial cluster?"
    -> "tỷ lệ lấp đầy"; "the hotel occupancy rate" -> "công suất sử dụng phòng"; "visitors"
    of "the trade fair" -> "lượt khách tham quan".  KeyError if ``phrase`` is not in
    the glossary."""
    words = set(re.findall(r"[a-z]+", question.lower()))
    for nouns, sense in ENGLISH_SENSES.get(phrase, ()):
        if words.intersection(nouns):
            return sense
    return ENGLISH[phrase]


# "rate" written after a glossary phrase, or "rate of" before it ("disbursement rate", "the
# rate of disbursement"): a share asked, as Vietnamese writes it ("tỷ lệ giải ngân") -- the
# glossary's own "X rate" phrases ("unemployment rate") are read whole first (break-test bt17k:
# "Public investment disbursement rate by 31 October 2055?" answered the amount disbursed)
_RATE_AFTER_RE = re.compile(r"\s+rates?\b", re.IGNORECASE)
_RATE_BEFORE_RE = re.compile(r"\brates?\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# a glossary term that already names a rate, a change or an index: no "tỷ lệ" before it
# ("growth rate" is "tăng trưởng", "inflation rate" "lạm phát")
_RATE_ALREADY_RE = re.compile(r"(?:tỷ lệ|tỷ trọng|tăng trưởng|lạm phát|lãi suất|tỷ giá|tốc độ|"
                              r"chỉ số|CPI|giá)\b")


def _rated(question: str, found: list[re.Match[str]]) -> set[int]:
    """The indexes in ``found`` (glossary phrases matched in ``question``, in order) of the
    things of an English "rate": the phrase right before "rate", else the one right after
    "rate of (the)" (:data:`_RATE_AFTER_RE`) -- one per "rate" ("the disbursement rate of
    public investment" rates the disbursement only)."""
    rated: set[int] = set()
    ends = {m.end() for m in found}
    for i, m in enumerate(found):
        r = _RATE_BEFORE_RE.search(question[:m.start()])
        if _RATE_AFTER_RE.match(question, m.end()) or (
                r and len(question[:r.start()].rstrip()) not in ends):
            rated.add(i)
    return rated


def english_terms(question: str) -> list[str]:
    """Vietnamese terms for the English domain phrases in ``question``."""
    counted = []
    made = False
    for m in _HOW_MANY_RE.finditer(question):
        words = m.group(1).lower()
        verb = _MADE_AFTER_RE.match(question, m.start(1))
        if verb and not _AREA_EN_RE.search(m.group(1)):
            # a product made or traded: its amount, not a count (see _MADE_AFTER_RE)
            made = made or (verb.group(1) or verb.group(2)).lower() in _OUTPUT_VERBS
            continue
        # "how many OCOP entities": the first word the glossary reads names what is counted
        # -- but "how many durian trucks" counts trucks of durian, written head first as
        # Vietnamese writes it ("bao nhiêu xe sầu riêng"), not durian
        pair = words.split()
        if words not in ENGLISH and len(pair) == 2 and all(w in ENGLISH for w in pair):
            counted.append(f"bao nhiêu {english_sense(pair[1], question)} "
                           f"{english_sense(pair[0], question)}")
            continue
        noun = words if words in ENGLISH else next(
            (w for w in pair if w in ENGLISH), pair[0])
        if noun in ENGLISH:
            counted.append(f"bao nhiêu {english_sense(noun, question)}")
    # "International" in "Soc Giang International Border Gate" is the gate's kind, part of
    # its name ("cửa khẩu quốc tế Sóc Giang"), no "quốc tế" asked of the figure
    kept = [m for m in _ENGLISH_RE.finditer(question)
            if not _OF_A_MONTH.match(question, m.end())
            and not (m.group(1).lower() in _GATE_KINDS and _BORDER_AFTER.match(question, m.end()))]
    terms = [english_sense(m.group(1).lower(), question) for m in kept]
    rated = _rated(question, kept)
    terms = [f"tỷ lệ {t}" if i in rated and not _RATE_ALREADY_RE.match(t) else t
             for i, t in enumerate(terms)]
    if any(t in _FLOWS for t in terms):
        # "trade value of exports": the flow named, not the import-export total
        terms = [t.removesuffix(" xuất nhập khẩu") if t.endswith("kim ngạch xuất nhập khẩu")
                 else t for t in terms]
    # a measure of a product goes before the product, as Vietnamese writes it: "rice yield",
    # "cement output" -> "năng suất lúa", "sản lượng xi măng" (the reports' word order); so
    # does a growth or share of a thing: "export growth" -> "tăng trưởng xuất khẩu" ("tăng
    # trưởng kinh tế", "tăng trưởng GRDP" in the dev reports; "xuất khẩu tăng trưởng" took
    # nothing, bt18-b17 failure 8)
    terms.sort(key=lambda t: t not in _HEAD_TERMS)
    if terms and not any(t in _MEASURE_TERMS for t in terms) and \
            (made or any(t in _MADE_TERMS for t in terms)) and \
            not all(t in _GENERIC_TERMS for t in terms) and not _AREA_EN_RE.search(question):
        # "How much steel was produced", "how much fertilizer was manufactured": the amount
        # of a product made is its output, as the reports write it ("Sản lượng thép cán") --
        # "sản xuất" alone took "Chỉ số sản xuất công nghiệp" instead
        # -- and the verb is no word of the indicator: "giày dép da đạt 13,6 triệu đôi" writes
        # no "sản xuất", which as a word of its own asked took nothing (bt10-b17 failure 1);
        # but for a product the reports also count as sold ("Sản lượng điện sản xuất" beside
        # "Điện thương phẩm") the verb tells the two apart and stays
        keep = any(t in _SOLD_PRODUCTS for t in terms)
        terms = ["sản lượng"] + [t for t in terms if keep or t not in _MADE_TERMS]
    if all(t in _GENERIC_TERMS for t in terms):
        # "brick output", "what was produced": a measure or a verb names no product the
        # glossary knows -- alone it would take any product's figure ("sản lượng điện")
        terms = []
    # a named gate, district, park or market, as the reports write it ("cửa khẩu Ban Khe"):
    # the row or sentence of that unit, not the province's total
    units = [phrase for _, phrase, _ in english_units(question)]
    return counted + terms + units + \
        [f"{m.group(1)} sao" for m in _STARS_RE.finditer(question)]


_MONTHS_EN = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split())


# capitalised words in a row: one typed with Vietnamese diacritics makes the run a name
# ("Bắc Giang", "Bản Khê"), none of whose words is English left unread
_NAME_RUN_RE = re.compile(r"(?<!\w)[A-ZĐ\u00c0-\u1ef8][^\W\d_]*"
                          r"(?:\s+[A-ZĐ\u00c0-\u1ef8][^\W\d_]*)*")


def unread_english(question: str, names: tuple[str, ...] = ()) -> list[str]:
    """The words of an English ``question`` that nothing reads, in order, once each: not in
    a glossary phrase it matches (``rag.vi.lexicon.ENGLISH``), no asking, linking or dating
    word (``ENGLISH_MARKERS``, ``ENGLISH_GRAMMAR``, month names), no number, abbreviation
    (``ABBREVIATIONS``) or upper-case name ("GRDP", "PCI").  "How much did zinc output fall
    in October 2044?" -> ["zinc"]: what is asked is a word the glossary cannot put in
    Vietnamese, so no refusal of it is sure (break-test b17 round 9 item 2).  ``names``: the
    names typed without diacritics the corpus writes (``Query.names``, :func:`english_names`),
    read as names ("Hoa Bac's")."""
    words = []
    for m in _unread_matches(question, names):
        words.append(m.group(0).lower())
    return list(dict.fromkeys(words))


def _unread_matches(question: str, names: tuple[str, ...] = ()) -> Iterator[re.Match[str]]:
    """The matches of the words of ``question`` :func:`unread_english` names."""
    covered = [m.span() for n in names
               for m in re.finditer(rf"(?<![\w-]){re.escape(n)}(?![\w-])", question)] + \
        [m.span() for m in _ENGLISH_RE.finditer(question)] + \
        [m.span() for m in _STARS_RE.finditer(question)] + \
        [m.span() for m in _SEASON_EN_RE.finditer(question)] + \
        [span for _, _, span in english_units(question)] + \
        [m.span() for m in _NAME_RUN_RE.finditer(question) if not m.group(0).isascii()]
    for m in _WORD_RE.finditer(question):
        w = m.group(0)
        low = w.lower()
        if any(s <= m.start() < e for s, e in covered) or w.isdigit() or len(w) < 3 \
                or (w.isupper() and len(w) > 1) or fold(w) in ABBREVIATIONS \
                or low in ENGLISH_MARKERS or low in ENGLISH_GRAMMAR or low in _MONTHS_EN \
                or low.rstrip("s") in ENGLISH_GRAMMAR or not w.isascii():
            continue
        yield m


# "trucks of guava": the glossary phrase a word after "of" names which of
_OF_BEFORE_RE = re.compile(r"\s+of\s+$")
# a word that says what a thing is or does, not which of it ("waiting", "collected", "newly")
_NO_QUALIFIER_RE = re.compile(r"(?:ing|ed|ly)$")


def unread_qualifiers(question: str) -> list[str]:
    """The words of an English ``question`` nothing reads (:func:`unread_english`) that stand
    right before a glossary phrase, in lower case, as a noun naming which of it is asked:
    "How many durian trucks were waiting" -> ["durian"] when the glossary reads "trucks" but
    not "durian"; so is one right after the phrase and "of" ("trucks of durian").  The figure
    the glossary's words find is then the total ("1.460 xe hàng"), not the part asked ("930 xe
    sầu riêng"): no answer (break-test bt12-b17 failure 4).  Names ("Ban Khoang border
    gate"), verbs and adverbs ("-ing", "-ed", "-ly") are none."""
    matches = list(_ENGLISH_RE.finditer(question))
    starts = {m.start() for m in matches}
    ends = {m.end() for m in matches}
    out = []
    for m in _unread_matches(question):
        w = m.group(0)
        if not w.islower() or _NO_QUALIFIER_RE.search(w):
            continue
        rest = question[m.end():]
        gap = len(rest) - len(rest.lstrip(" "))
        of = _OF_BEFORE_RE.search(question, 0, m.start())
        if gap and m.end() + gap in starts or of and of.start() in ends:
            out.append(w)
    return list(dict.fromkeys(out))


def _within(part: str, whole: str) -> bool:
    """Whether the phrase ``part`` is ``whole`` or whole words of it (folded)."""
    return re.search(r"(?<!\w)" + re.escape(fold(part)) + r"(?!\w)", fold(whole)) is not None


def _names_a_period(phrase: str) -> bool:
    """Whether the glossary or abbreviation ``phrase`` names a reporting period ("quý I" of
    "Q1", "6 tháng đầu năm" of "first half", "9 tháng" of "9T"): when the figure is, read from
    the question's expanded text (rag.vi.periods.scope_of), no word of what it is.  Among the
    terms it stood between a growth and its indicator ("tăng trưởng quý I GRDP" of "GRDP
    growth in Q1 2027?"), so "tăng trưởng" was read as a word of the indicator and the
    report's "GRDP quý I/2027 ... tăng 6,9%" was refused (break-test bt17c #107)."""
    return bool(scope_of(phrase).periods)


def vietnamese_terms(question: str) -> str:
    """The Vietnamese words an English question's domain terms and abbreviations stand for,
    space-joined.  An abbreviation naming the indicator an English phrase names too ("retail
    sales (TMBL)", "exports (KNXK)") is that indicator once: its phrase left out when a
    term holds it ("tổng mức bán lẻ" in "tổng mức bán lẻ hàng hóa"), else the term it holds
    written as the abbreviation's ("xuất khẩu" -> "kim ngạch xuất khẩu") -- the two side by
    side asked the words twice in one run, which no figure writes (issue 17, dev2 e125)."""
    terms = [t for t in english_terms(question) if not _names_a_period(t)]
    for w in _WORD_RE.findall(question):
        phrase = ABBREVIATIONS.get(fold(w))
        if phrase is None or _names_a_period(phrase) or any(_within(phrase, t) for t in terms):
            continue
        held = [i for i, t in enumerate(terms) if _within(t, phrase)]
        if held:
            terms[held[0]] = phrase
            terms = [t for i, t in enumerate(terms) if i not in held[1:]]
        else:
            terms.append(phrase)
    return " ".join(dict.fromkeys(terms))


def written_abbreviations(question: str) -> list[str]:
    """The upper-case words of an English ``question`` ("GRDP", "CPI", "TMBL") that stay as
    written among its Vietnamese terms: not those of ABBREVIATIONS the reports write out
    ("TMBL" is "tổng mức bán lẻ": :func:`vietnamese_terms` has its phrase, and "TMBL" itself,
    a word no report sentence holds, refused "retail sales (TMBL) in 2021" -- issue 17, dev2
    e125), but one whose phrase holds it ("CPI chỉ số giá tiêu dùng")."""
    out = []
    for w in re.findall(r"\b[A-Z]{2,}\b", question):
        phrase = ABBREVIATIONS.get(fold(w))
        if phrase is None or w in phrase.split():
            out.append(w)
    return out


# capitalised words typed without diacritics, in a row or joined by hyphens: "Hoa Bac" (of
# "Hoa Bac's"), "Bac Ha Power Company", "Viet-Trung"
_ASCII_NAME_RUN_RE = re.compile(r"(?<![\w-])[A-Z][a-z]+(?:(?:[ \t]+|-)[A-Z][a-z]+)+(?![\w-])")


def _is_english_word(word: str) -> bool:
    """Whether the capitalised ``word`` is English the question reads, not a name's: a
    sentence's first words ("What", "How": :data:`_NOT_NAME`), marker words, glossary words
    ("Power", "Company"), month names."""
    low = word.lower()
    return low in _NOT_NAME or low in ENGLISH_MARKERS or low in ENGLISH or low in _MONTHS_EN


def english_names(question: str, restorer: Restorer) -> list[tuple[str, str, tuple[int, int]]]:
    """The Vietnamese names an English ``question`` types without diacritics, each as (name as
    typed, as the corpus writes it, its span): a run of capitalised words
    (:data:`_ASCII_NAME_RUN_RE`), the English words at either end left out ("What", "Power
    Company": :func:`_is_english_word`), of two or more words each shaped as a Vietnamese
    syllable (rag.vi.text.is_syllable), that the corpus writes together with diacritics
    (``restorer.restore_name``): "What was Hoa Bac's export growth?" -> [("Hoa Bac", "Hòa
    Bắc", (9, 16))].  Such a name was read as unknown English, capping a right answer's
    confidence (break-tests bt16-b17 failure 6, bt18-b17 failure 8); a name the corpus does
    not write is none."""
    out = []
    for m in _ASCII_NAME_RUN_RE.finditer(question):
        words = [(w.group(0), m.start() + w.start()) for w in re.finditer(r"[A-Za-z]+", m.group(0))]
        while words and _is_english_word(words[0][0]):
            words = words[1:]
        while words and _is_english_word(words[-1][0]):
            words = words[:-1]
        if len(words) < 2 or not all(is_syllable(w) for w, _ in words):
            continue
        start, end = words[0][1], words[-1][1] + len(words[-1][0])
        typed = question[start:end]
        written = restorer.restore_name([w for w, _ in words], joined="-" in typed)
        if written is None:
            continue
        seps = re.findall(r"[^A-Za-z]+", typed)
        name = written[0] + "".join(sep + w for sep, w in zip(seps, written[1:], strict=True))
        out.append((typed, name, (start, end)))
    return out


def analyze(question: str, restorer: Restorer | None = None,
            acronyms: AcronymTable | None = None) -> Query:
    """Everything retrieval needs to know about a question; an English one's names typed
    without diacritics read as the corpus writes them (:func:`english_names`); the corpus's
    abbreviations (``acronyms``, rag.vi.acronyms) read both ways."""
    text = normalize_query(question)
    english = is_english(text)
    names: tuple[str, ...] = ()
    if english and restorer is not None:
        found = english_names(text, restorer)
        names = tuple(typed for typed, _, _ in found)
        for _, name, (s, e) in reversed(found):
            text = text[:s] + name + text[e:]
    restored = False
    base = text
    if restorer is not None and not english and not has_diacritics(text):
        # the asking phrases written first (each as long as typed), then kept as written
        # -- but the "may" of a noun the lexicon knows ("nha may": "nhà máy") is no "mấy"
        # (break-test bt26 b068: "cong suat ... nha may dien ..." read "nhà mấy điện", a count
        # of "điện" asked, and refused at 0.86; tests/test_factory_not_how_many.py)
        phrases = [m for m in _QUESTION_RE.finditer(text) if not _noun_may(text, m)]
        asked = [m.span() for m in phrases]
        written = text
        for m in reversed(phrases):
            written = written[:m.start()] + QUESTION_PHRASES[m.group(0).lower()] + \
                written[m.end():]
        base = restorer.restore(written, keep=asked)
        restored = base != text
    expanded = expand_abbreviations(base)
    pairs: tuple[tuple[str, str], ...] = ()
    spelled: tuple[tuple[str, str], ...] = ()
    if acronyms is not None and not english:
        spelled = acronyms.spelled_runs(base)  # as asked: read() may write a run as its token
        expanded = acronyms.read(expanded)
        pairs = acronyms.concerning(expanded)
    if english:
        expanded = f"{english_seasons(expanded)} ({' '.join(dict.fromkeys(english_terms(text)))})"
    return Query(text=question, expanded=expanded, scope=scope_of(expanded), english=english,
                 restored=restored, names=names, acronyms=pairs, spelled=spelled)
