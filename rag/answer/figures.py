"""Choosing the figure frame that answers a question: frame against frame.

Hard rules (a frame that breaks one is never the answer):

- time: the frame's period is the asked one (rag.vi.calendar.relation "exact"), or lies inside
  it ("partial": the answer then says which part it covers); a month is never the months to
  date, a wider period never answers a narrower one.  With no period asked, any; with
  "hiện nay", the latest up to the day asked;
- measure: the one asked (a change for "tăng trưởng", a level for "đạt bao nhiêu"; an index
  such as CPI or IIP is reported as its change, so a level question about one takes it);
- target: a target ("kế hoạch", "mục tiêu") answers only a question about the target;
- basis: every basis the question names is the frame's; when it names none, a narrower basis
  (mở tờ khai, hàng địa phương, quốc tế) weighs less than the broadest the reports give;
- trade indicator: exports are not imports nor total trade (rag.answer.intent);
- before and after: of a change written "từ A xuống còn B", A answers only a question asking
  the earlier value ("trước đây", "ban đầu", "từ bao nhiêu"), B every other.

Among the frames left, the one whose description (indicator, what follows the value, the
total it is part of, the heading, the passage's title and sentence) holds most of the
question's words, weighted by rarity, and the fewest words the question does not hold, wins.
An estimate ("ước thực hiện", "ước đạt") gives way to the same figure reported after its
period ended (:func:`official_first`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from types import MappingProxyType
from typing import NamedTuple

from rag.answer.codes import asked_codes, other_code
from rag.answer.intent import (
    INDEX_CODES,
    Intent,
    index_head_fits,
    money_indicator_at,
    trade_indicator_at,
)
from rag.answer.list_items import item_unasked
from rag.answer.place_said import gate_phrase_said, place_kinds_said
from rag.answer.places import (
    RANKED_OVER,
    bodies_named,
    body_of_document,
    document_names,
    entities_fit,
    entities_marked,
    entities_named,
    gate_terms,
    gate_written,
    gates_fit,
    gates_in_lead,
    gates_joined,
    gates_named,
    gates_through,
    lead_places_asked,
    lead_text,
    member_named,
    one_gate_of,
    own_places,
    places_fit,
    places_named,
    province_asked,
    sector_of_document,
    set_asked,
    units_named,
)
from rag.answer.prices import names_price, price_item, price_item_fits
from rag.answer.question import Asked
from rag.answer.row_named import joins_parts_unasked, toned_said, total_of_said_part
from rag.answer.sentences import both_forms, pair_terms, positions, with_bigrams
from rag.answer.short_totals import (
    WHOLE_HEADS,
    bases_named_before,
    total_named_before,
    total_unmarked,
)
from rag.answer.site_names import held_in_place_name
from rag.answer.trade_columns import part_column_unasked
from rag.answer.unwritten_compound import unwritten_compound
from rag.answer.weights import AnswerWeights
from rag.records import Hit
from rag.search.query import expand_abbreviations, is_english
from rag.vi.acronyms import initials, spelled_in
from rag.vi.calendar import (
    HOLIDAY,
    SAME_PERIOD,
    TOLERANCE_DAYS,
    Period,
    base_kind,
    day_period,
    is_day_list,
    is_point,
    relation,
    same_point,
    year_period,
)
from rag.vi.frames import Frame
from rag.vi.frames.corrections import WITHDRAWN, withdrawn_elsewhere
from rag.vi.frames.indicators import (
    asked_beyond,
    asked_topic,
    averages_over_span,
    figure_topic,
    is_average,
    population_groups,
    topic_named,
)
from rag.vi.frames.listed_whole import listed_whole_words
from rag.vi.frames.measures import (
    INDEX_BASE,
    bases_of,
    customs_route_bases,
    initialism_bases,
    target_aim,
)
from rag.vi.frames.sentence import (
    added_in_clause,
    asked_plan_owner,
    loss_asked,
    lost_in_clause,
    other_plan_owner,
    says_added,
    shortened_of,
)
from rag.vi.frames.tables import row_counted, table_line_head
from rag.vi.grades import candidacy, graded_classes, head_classes, other_scope
from rag.vi.holidays import holiday_of, named_by_name, named_last, on_days, solar_days
from rag.vi.lexicon import (
    ABBREVIATIONS,
    ASPECT_WORDS,
    BALANCE_RE,
    BASIS_PATTERNS,
    BASIS_RES,
    CHANGE_ADVERB_TERMS,
    CLASS_HEAD_TERMS,
    COMPARISON_BASES,
    COUNT_NOUNS,
    HOME_PLACE,
    INITIALISMS,
    NARROWING_BASES,
    NARROWING_QUALIFIER_RE,
    NOT_A_THING_WORDS,
    OTHER_THAN_EVERYDAY,
    PLAN_ISSUER_RE,
    PREPOSITIONS_EXACT,
    PREVIOUS_BASE,
    QUANTITY_TERMS,
    QUANTITY_UNITS,
    QUESTION_WORDS,
    STOPWORDS,
    UNIT_HEAD_PHRASES,
    UNIT_HEADS,
    UNIT_MAGNITUDES,
    UNIT_OCCURRENCES,
    UNIT_SYNONYMS,
    UNIT_TIME_HEADS,
    counted_phrase_at,
    everyday_variants,
    livestock_named,
    official_name_spans,
    spell_column_words,
    spell_header,
    synonym_variants,
)
from rag.vi.lunar import CAN_CHI, can_chi_year
from rag.vi.mentions import find_mentions
from rag.vi.numbers import find_values, is_money, named_numbers, unit_after
from rag.vi.text import fold, has_diacritics, mark_change_lookalike, normalize
from rag.vi.words import is_word, other_word, words_in, written_in

FramesOf = Callable[[str], list[Frame]]  # doc id -> that document's frames
_INDEX_WORDS = re.compile(r"\b(?:chi so|cpi|iip|gia ca|gia tieu dung|lam phat)\b")
_RATE_WORDS = re.compile(r"\b(?:ty le|rate|percentage)\b")  # a rate asked: a share answers
# "tỷ lệ giải ngân vốn đầu tư công": the disbursement rate, by definition the share of the plan
# disbursed (the Finance Ministry's "tỷ lệ giải ngân đạt 61% kế hoạch"); "tỷ lệ hoàn thành kế
# hoạch" likewise -- a share of the plan answers it (issue 17 break-test bt17i: refused)
_PLAN_RATE = re.compile(r"\bty le (?:giai ngan|hoan thanh (?:ke hoach|du toan|chi tieu))\b")
# the country's average disbursement ("bình quân giải ngân cả nước", "giải ngân bình quân chung
# của cả nước"): published as the national disbursement rate, a share of the plan, and so
# set beside a province's in brackets ("cao hơn bình quân chung cả nước (54,2%)":
# rag.vi.frames.national_average; issue 17 break-test bt17n)
_NATIONAL_DISBURSEMENT = re.compile(
    r"\b(?:(?:binh quan|trung binh)(?: chung)? giai ngan|giai ngan(?: von dau tu cong)? "
    r"(?:binh quan|trung binh)(?: chung)?) (?:cua )?ca nuoc\b")
# Indicators measured in money: a level question about one wants a figure in USD or đồng
# ("trị giá" is "giá trị": rag.vi.lexicon.SYNONYMS).
_MONEY_WORDS = re.compile(r"\b(?:von|doanh thu|kim ngach|ngan sach|gia tri|tri gia|tong muc|"
                          r"loi nhuan|thu nhap|chi phi|kinh phi|so tien|turnover|revenue|"
                          r"capital|sales)\b")
# the same words heading a question ("tổng vốn ...", "tổng kinh phí ...", "số tiền ..."): the
# measure asked is money even when "tổng"/"số" before it reads as a count's head (the
# question's soft unit "von", "kinh"), and a sibling row counted in "hộ", "dự án" is no answer
# (break-test bt8-b16 failure 3; tests/test_money_asked_rows.py)
_MONEY_HEAD = re.compile(r"^\W*(?:(?:tong|tong so|so) )?" + _MONEY_WORDS.pattern[2:])
# everyday words asking money ("bao nhiêu tiền", "số tiền", "tiền cho vay ..." heading it,
# "hết/tốn/chi/mất bao nhiêu"): the figure is in đồng or USD, as for "kinh phí"; "tiền" is no
# unit and no word a figure must name (rag.answer.intent._MONEY_TIEN_RE; bt9-b16 failure 1,
# tests/test_everyday_money_asked.py).  Not "hết bao nhiêu thời gian" (a unit asked).
_MONEY_SAID = re.compile(r"^\W*tien\b(?!\s+(?:giang|hai)\b)|\b(?:bao nhieu|may|so) tien\b|"
                         r"\b(?:het|ton|mat|chi(?: het)?) bao nhieu\b(?!\s+(?:phan tram|%))")


def money_asked(folded: str) -> bool:
    """Whether the folded question asks an amount of money in the reports' words
    (:data:`_MONEY_WORDS` heading it: "tổng vốn ...", "số tiền ...") or everyday ones
    (:data:`_MONEY_SAID`: "bao nhiêu tiền", "hết bao nhiêu")."""
    return bool(_MONEY_HEAD.match(folded) or _MONEY_SAID.search(folded))


# a count of visits or visitors heading a question ("lượt khách", "lượng khách du lịch",
# "số khách", "số lượt xe", "tổng lượt khách"), folded: what is counted, never money
_VISITS_HEAD = re.compile(r"^\W*(?:tong )?(?:so )?(?:luot|luong|so) (?:khach|du khach|"
                          r"hanh khach|xe|phuong tien|nguoi)\b")


# a quantity heading a question ("lượng thanh long xuất khẩu", "khối lượng phân bón nhập
# khẩu", "tổng sản lượng ..."), folded: the amount of the thing, not what it is worth -- not
# a count of visits or vehicles ("lượng khách", "lượng xe": :data:`_VISITS_HEAD`)
_QUANTITY_HEAD = re.compile(r"^\W*(?:tong )?(?:san |khoi )?luong\b(?!\s+(?:khach|du khach|"
                            r"hanh khach|xe|phuong tien|nguoi|mua)\b)")


def quantity_headed(folded: str) -> bool:
    """Whether the folded question opens on the quantity of a thing (:data:`_QUANTITY_HEAD`:
    "lượng thanh long xuất khẩu năm 2060", "khối lượng phân bón nhập khẩu", "sản lượng điện"):
    no amount of money answers it.  A customs table gives each commodity both ("Mặt hàng |
    Trị giá 2061 (triệu USD) | Lượng 2061 (tấn)"), the column's measure word the only thing
    telling them apart, and "Lượng phân bón nhập khẩu năm 2061?" took the first column's
    96,5 triệu USD (break-test bt17u; tests/test_xlsx_period_columns.py).  Its counterpart,
    money asked, is :func:`money_asked`."""
    return bool(_QUANTITY_HEAD.match(folded))


def visits_asked(folded: str) -> bool:
    """Whether the folded question asks a count of visits or visitors (:data:`_VISITS_HEAD`:
    "lượt khách du lịch dịp 30/4", "lượng khách Tết", "số khách"): no amount of money answers
    it -- "Tổng doanh thu du lịch ... 117 tỷ đồng" answered "Lượt khách du lịch dịp 30/4/2051?"
    when the count "154.300 lượt khách" read as broader than "khách du lịch" (issue 17
    bt17g; brief visitorcount)."""
    return bool(_VISITS_HEAD.match(folded))


# The evidence on a candidate frame that the fitted scorer (rag.answer.scorer) weighs, in
# this order: the share of the question's weight whose nearest field describing the frame
# (rag.answer.figures.describe) is each field, in any of them, and in the title for the
# words after "của";
# the share of the frame's own words the question does not name; whether its own words hold
# the question's head term, or none of the words before "của"; a unit asked but not its own;
# a narrower basis than asked; a part of the asked period; a change against another base;
# where its period was read; the passage's retrieval rank (1/(1+rank)) and score (over the
# first passage's); and two features of the question's candidates together: how far its
# coverage falls short of the best candidate's, and how many candidates there are (log).
FIELDS = ("own", "parent", "clause", "heading", "sentence", "title", "passage")
PERIOD_SOURCES = ("own", "sentence", "paragraph", "heading", "document")
FEATURES = (tuple(f"cov_{f}" for f in FIELDS)
            + ("cov_any", "cov_owner", "extra", "head_own", "head_missing", "soft_unit_miss",
               "narrow_basis", "partial", "other_comparison")
            + tuple(f"period_{s}" for s in PERIOD_SOURCES)
            + ("rank_inv", "retrieval", "cov_gap", "n_candidates"))


@dataclass(frozen=True)
class Choice:
    """A frame chosen for one asked period: where it stands (``hit``), how its period relates
    to the asked one (``match``: "exact", "partial", or "any" when no period was asked), its
    ``score`` and ``coverage`` (share of the question's weight its description holds),
    ``features``: the evidence named by :data:`FEATURES`, in that order, and ``narrowed``:
    the frame is a part of what the question asks -- on a narrower basis, or its indicator
    narrowed by a qualifier the question does not name (:func:`narrowed_by`); ``broader``:
    the folded words of a subclass the question names that the frame does not (it is the
    whole of what is asked: :func:`unnamed_subclass`); ``outworded``: another candidate of
    its unit holds more of the question's words (:func:`outworded`); ``forecast``: a whole year's
    forecast or estimate answering a question for the actual figure (:func:`forecast_answers`);
    ``excluded``: what the question's scope adds that the frame leaves out, as written ("các
    cửa khẩu phụ" of "... (cả các cửa khẩu phụ)": :func:`included_scope`) -- the frame is then
    a part of what is asked (``narrowed`` too), never its whole; ``within``: such phrases the
    frame's own words name, without its sentence saying it includes them: the frame is one of
    the parts the question adds ("cửa khẩu phụ Nà Lừu"), no whole either.
    ``unstated``: when the report does give a figure of that subclass apart but leaves unsaid
    what makes it answer the question, that figure and what is unsaid ("phân bón 96,5 triệu
    USD", "xuất khẩu hay nhập khẩu": :func:`trade_unstated`), else ("", "").
    ``other_aim``: a target of another kind than the one the question names (:func:`other_aim`:
    the assigned plan for "phấn đấu đạt bao nhiêu?")."""

    frame: Frame
    hit: Hit
    match: str
    score: float
    coverage: float
    features: tuple[float, ...] = ()
    narrowed: bool = False
    broader: tuple[str, ...] = ()
    outworded: bool = False
    forecast: bool = False
    excluded: tuple[str, ...] = ()
    within: tuple[str, ...] = ()
    unstated: tuple[str, str] = ("", "")
    other_aim: bool = False
    # the words of ``broader`` that name a part, as the answer's caveat writes them
    # (:func:`part_named`): no word of time or aspect, no number alone
    named: tuple[str, ...] = ()
    # the frame's own indicator names the part it is of what is asked (:func:`narrowed_by`:
    # "thu ngân sách từ hoạt động xuất nhập khẩu" for "thu ngân sách"): the answer says so
    own_part: bool = False
    # the frame counts several nouns listed together of which the question names some, not
    # all (:func:`one_of_listed_nouns`): the answer is the list's count, never sure
    listed_one: bool = False


def frames_in(hit: Hit, frames_of: FramesOf) -> list[Frame]:
    """The frames whose value lies in the passage of ``hit``."""
    c = hit.chunk
    return [f for f in frames_of(c.doc_id) if c.start <= f.start and f.end <= c.end]


@lru_cache(maxsize=8192)
def text_terms(text: str) -> frozenset[str]:
    """The folded words and word pairs of ``text`` (:func:`with_bigrams` of its
    :func:`positions`), cached: one passage's text, title and sentences are described once
    for each of its frames, and reading them again was half of a lexical ``ask``'s time
    (cProfile over the seed gold questions, ``bench/bench_seeds.py``).  An initialism
    (rag.vi.lexicon.INITIALISMS) is read both ways: a text holding either form holds the
    other's terms too.  A function of ``text`` alone: the corpus's own abbreviations are
    read on the question's side (``Query.acronyms``, :func:`choose`)."""
    if not text:
        return frozenset()
    terms = with_bigrams(positions(text))
    for initialism, words in _INITIALISM_TERMS:
        if initialism in terms:
            terms |= words
        elif words <= terms:
            terms.add(initialism)
    return frozenset(terms)


# each initialism a report writes alone or as its words (rag.vi.lexicon.INITIALISMS), with
# its words' terms: a text holding all of them holds the initialism, and the reverse -- "CPI
# bình quân 11 tháng" is asked of "chỉ số giá tiêu dùng ... bình quân 11 tháng tăng 3,05%"
_INITIALISM_TERMS: tuple[tuple[str, frozenset[str]], ...] = tuple(
    (key, frozenset(with_bigrams(positions(words)))) for key, words in INITIALISMS.items())


def describe(frame: Frame, hit: Hit, text: str, weights: AnswerWeights,
             clause_start: int | None = None, own_place: str = "", lead_place: str = "",
             said: frozenset[str] | None = None) -> list[tuple[frozenset[str], float]]:
    """The fields that describe a frame, as (terms, weight), weighted by
    ``AnswerWeights.frame_fields`` (KeyError if one is missing there): its own words
    (indicator, unit and the words after the value), the total it is part of, its clause
    (from the figure before it in the sentence, or ``clause_start``, to the value), its
    heading, its sentence, the document's title, the passage.  A table line's own words hold
    its column's standing when the header abbreviates it (rag.vi.lexicon.spell_header: "TH
    2019 — Than đá: 134" is the actual, "thực hiện", as a "KH 2019" cell is the plan --
    break-test bt26-b16 failure 1: "than đá thực hiện năm 2019" refused), and the words its
    header's office abbreviations stand for (rag.vi.lexicon.spell_column_words: "XK — Hạt
    tiêu: 41,7" is the pepper's export, "% KH" a share of the plan -- session 46: "Kim ngạch
    xuất khẩu hạt điều" refused of a "Mặt hàng | XK | NK" table).  ``own_place``: the places
    asked that are the document's own (rag.answer.places.own_places, its letterhead's: "UBND
    TỈNH HÀ GIANG"), counted among the frame's own words -- a Hà Giang report's figure is Hà
    Giang's, and "chi thường xuyên tỉnh Hà Giang" was refused under the confidence floor,
    the place's rare words missing from every field but the letterhead line.  ``lead_place``:
    the gates and unlisted places asked that only the document's title or lead names
    ("Chi cục Hải quan cửa khẩu Bản Khoang"; rag.answer.places.gates_in_lead), counted as
    its heading's words -- enough to pass the floor, not to raise a figure over 0.9.
    ``said``: the question's folded words, which choose the indicator's other wordings
    counted (:func:`readings_said`); every one when None."""
    terms = text_terms
    q0, q1 = frame.quote
    counted = terms(f"{frame.unit} {frame.detail}") if frame.kind != "percent" else \
        terms(frame.detail)
    clause = text[max(q0, clause_start if clause_start is not None else q0):frame.end]
    weight = dict(weights.frame_fields)
    head = table_line_head(text[q0:q1])
    standing = re.findall(r"[^\W\d_]+", f"{spell_header(head)} {spell_column_words(head)}")
    own = terms(frame.indicator) | terms(expand_abbreviations(frame.indicator)) | counted | \
        terms(own_place) | terms(" ".join(standing)) | terms(head_classes(head))
    readings = indicator_readings(frame.indicator) if said is None else \
        readings_said(frame.indicator, said)
    for variant in readings:  # "khách nước ngoài" is "khách quốc tế"
        own |= terms(variant)
    own |= unit_first_terms(frame)
    if measures_quantity(frame.unit):
        own |= QUANTITY_TERMS  # "Xi măng: 623,8 nghìn tấn" is the "sản lượng xi măng"
    return [(own, weight["own"]),
            (terms(frame.parent), weight["parent"]), (terms(clause), weight["clause"]),
            (terms(frame.context) | terms(lead_place), weight["heading"]),
            (terms(text[q0:q1]), weight["sentence"]),
            (terms(hit.chunk.title), weight["title"]), (terms(hit.chunk.text), weight["passage"])]


def unit_first_terms(frame: Frame) -> frozenset[str]:
    """The words of ``frame`` read with its count's unit before its indicator ("lượt khách
    quốc tế" of "khách quốc tế 214.000 lượt"), as a question writes a count ("Số lượt khách
    quốc tế 9 tháng?"), so that the pair "lượt khách" is the frame's own too; empty for a
    percent, a frame of no indicator, and a unit that is no count's word (money, a measure,
    one with digits).  Break-test bt17l: "International visitors ... 9 months of 2060?" (read
    "lượt khách du lịch quốc tế") refused the 214.000 at coverage 0.39."""
    unit = frame.unit.strip()
    if frame.kind == "percent" or not unit or not frame.indicator.strip() or \
            len(unit.split()) > 2 or not all(w.isalpha() for w in unit.split()) or \
            is_money(unit) or measures_quantity(unit):
        return frozenset()
    return text_terms(f"{unit} {frame.indicator}")


@lru_cache(maxsize=8192)  # a frame's indicator, read for every question it is a candidate of
def indicator_readings(indicator: str) -> tuple[str, ...]:
    """The other wordings of a frame's ``indicator`` (folded): its synonyms
    (rag.vi.lexicon.SYNONYMS: "khách nước ngoài" is "khách quốc tế") and the everyday names of
    the official indicator it names, abbreviations read out (rag.vi.lexicon.EVERYDAY_NAMES:
    "Vốn đầu tư thực hiện từ nguồn NSNN" is the "vốn đầu tư công")."""
    return (*synonym_variants(indicator),
            *everyday_variants(expand_abbreviations(indicator)))


@lru_cache(maxsize=8192)  # a frame's indicator and a question's words, read for each frame
def readings_said(indicator: str, said: frozenset[str]) -> tuple[str, ...]:
    """The other wordings of ``indicator`` (:func:`indicator_readings`) the question says:
    those whose words beyond the indicator's own are all among ``said`` (the question's folded
    words).  A reading is a whole phrase, no bag of words to lend: "tổng thu từ khách du
    lịch", a reading of "Doanh thu du lịch", counts for "tổng thu từ khách du lịch năm 2033?"
    but gives no "khách" to "Khách du lịch năm 2033?", which asks the visitors counted (the
    merge of session 39's f39-synexact answered it with the revenue at 1.0; the province's
    reports write both in one paragraph, dv02, dv13, dv24)."""
    own = set(fold(expand_abbreviations(indicator)).lower().split())
    # "lạm phát cơ bản" asked is core inflation, no reading of the CPI's "lạm phát"
    # (rag.vi.lexicon.OTHER_THAN_EVERYDAY)
    other = [set(name.split()) for name in OTHER_THAN_EVERYDAY
             if set(name.split()) <= said and not set(name.split()) <= own]
    return tuple(r for r in indicator_readings(indicator) if set(r.split()) - own <= said
                 and not any(set(r.split()) - own < name for name in other))


# A question's generic head noun, as its terms (folded; split into syllables when the corpus
# never writes the pair), and what a frame's unit must be for it to name that frame: a table
# row or a sentence names the thing ("Xi măng | nghìn tấn", "Vận chuyển hành khách | nghìn
# HK", "làm thủ tục cho 640 tờ khai"), the question adds "sản lượng", "số lượt", "số lượng",
# "tổng số", "giá trị" (break-test b17 N8; tests/test_table_units_and_heads.py)
_GENERIC_HEADS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("san_luong",), "quantity"), (("san", "luong"), "quantity"),
    (("khoi_luong",), "quantity"), (("khoi", "luong"), "quantity"),
    (("so_luot",), "times"), (("so", "luot"), "times"), (("luot",), "times"),
    (("so_luong",), "count"), (("so", "luong"), "count"), (("tong_so",), "count"),
    (("tong", "so"), "count"), (("so",), "count"),
    # "tổng kinh phí chuyển đổi số" asks the figure "kinh phí hỗ trợ chuyển đổi số" is, the
    # report not writing "tổng" before every total; a part ("trong đó ...") is no total
    (("tong",), "whole"),
    (("gia_tri",), "money"), (("gia", "tri"), "money"),
    # "quy mô GRDP", "quy mô nền kinh tế": the level in money, no growth (bt12-b17)
    (("quy_mo",), "money"), (("quy", "mo"), "money"),
    (("dien_tich",), "area"), (("dien", "tich"), "area"),
    # "chiều dài đường dây trung thế" of "Đường dây trung thế | km | 1.932": a length asked
    # of a row in a unit of length (break-tests bt20-b16 failure 4 and bt16f item 5 of issue 16
    # ask the lines so; the power company's reports tabulate them in km)
    (("chieu_dai",), "length"), (("chieu", "dai"), "length"),
    (("do_dai",), "length"), (("do", "dai"), "length"),
)
# what a "tổng" joined to the next word as one term totals (folded syllable: "tổng lượt
# khách", "tổng lượng khách", "tổng thu", "tổng vốn"): a measure -- never "tổng công ty",
# "tổng cục", "tổng điều tra", which name something else
_WHOLE_OF = WHOLE_HEADS


def _whole_of(term: str) -> bool:
    """Whether ``term`` (folded, a question's) is "tổng" joined to what it totals
    (:data:`_WHOLE_OF`: "tong_thu", "tong_luot"), which a total not labelled "tổng" is too:
    "thu ngân sách nhà nước đạt 1.215 tỷ đồng; trong đó thu nội địa ..." answers "tổng thu
    ngân sách" (issue 17 bt16-b17 failure 1's kind) -- a part never."""
    head, _, rest = term.partition("_")
    return head == "tong" and rest in _WHOLE_OF


# the question's words of a whole's scope ("toàn tỉnh", "chung"): no word a total must hold
_WHOLE_SCOPE = frozenset({"toan_tinh", "toan", "tinh", "chung", "toan_bo", "toan_thanh_pho"})
# the units of an area, which a question's "diện tích" asks for ("trồng mới 6.350 ha rừng":
# break-test b17 F7; dev report "Diện tích rừng trồng mới tập trung ... 9.847 ha")
_AREA_UNITS = frozenset({"ha", "hecta", "hec-ta", "m2", "m²", "km2", "km²"})
# a quantity produced ("sản lượng lúa", "khối lượng hàng"), folded: never an area of land
# sown or planted, in its units (_LAND_UNITS: "gieo cấy 48.200 ha lúa, ..., sản lượng đạt
# 310.900 tấn": b17 F11) unless an area is asked too; an output in m2 is one (the statistics
# offices' main industrial products: "Gạch ốp lát, lát nền | triệu m2", "Kính xây dựng",
# "Vải các loại"; issue 16 bt18-b16 failure 1)
_LAND_UNITS = _AREA_UNITS - {"m2", "m²"}
# the units of a length, which a question's "chiều dài", "độ dài" asks for
_LENGTH_UNITS = frozenset({"km", "m", "met", "kilomet"})
# the verbs of a product's being made or mined (folded terms), which a quantity implies
_MADE_WORDS = frozenset({"san_xuat", "khai_thac"})
_QUANTITY_ASKED = re.compile(r"\b(?:san luong|khoi luong)\b")
_AREA_ASKED = re.compile(r"\bdien tich\b")


# the words a bare count names itself by before the thing counted ("số vụ", "số lượng tờ
# khai", "tổng số doanh nghiệp"), folded
_COUNT_HEAD_RE = re.compile(r"^(?:tong so|so luong|so)\b\s*")


def counted_level(frame: Frame, frames: Iterable[Frame]) -> Frame | None:
    """The level a bare count's absolute change refers back to in its own sentence: "bắt giữ
    126 vụ vi phạm, ...; số vụ giảm 11 vụ so với cùng kỳ" -- the change ``frame`` (measure
    "change", not a percentage) whose indicator is only "số" and the thing counted ("số vụ",
    "số tờ khai"), and a level of ``frames`` before it in the same sentence (same ``quote``)
    whose unit holds the change's unit words and whose own words (indicator, unit, detail)
    hold the change's indicator's, and whose indicator is no narrower count ("số tờ khai luồng
    đỏ" of "số tờ khai"): the nearest such level, or None.  Its words name the
    change as well as the level's own name it (break-test bt20-b17 failure 7: "số vụ vi phạm
    hải quan ... giảm bao nhiêu vụ" was refused while the level was answered)."""
    if frame.measure != "change" or frame.kind != "count" or not frame.unit:
        return None  # a count only: "số vốn tăng thêm 579 tỷ đồng" is no change of "tổng vốn"
    bare = _COUNT_HEAD_RE.sub("", fold(frame.indicator).lower().strip())
    if bare == fold(frame.indicator).lower().strip() or not bare:
        return None  # an indicator of its own ("kim ngạch xuất khẩu"), not "số" + a noun
    unit_words = set(fold(frame.unit).lower().split())
    whole = fold(frame.indicator).lower().strip()
    for f in sorted(frames, key=lambda g: -g.start):
        if f.quote != frame.quote or f.start >= frame.start or f.measure != "level" or \
                fold(f.indicator).lower().startswith(whole + " "):
            continue  # "số tờ khai luồng đỏ là 610 tờ" is a part, no level of "số tờ khai"
        own = set(fold(f"{f.indicator} {f.unit} {f.detail}").lower().split())
        if unit_words <= set(fold(f.unit).lower().split()) and set(bare.split()) <= own:
            return f
    return None


def count_changed(frame: Frame, frames: Iterable[Frame]) -> Frame | None:
    """The count a change in percent is written right after: "các khu, điểm du lịch đón
    168.900 lượt khách, tăng 8,6% so với Tết Kỷ Dậu" -- the change ``frame`` (measure
    "change", a percentage) and the figure of ``frames`` nearest before it in its sentence
    (same ``quote``) being a level counted in units of a thing ("lượt khách"; kind "count")
    of the same indicator and period.  Vietnamese reports write a figure's change right after
    it (GSO's "đạt X, tăng Y% so với cùng kỳ"), so what the level counts is what the change
    is of: its unit's words are the change's own too, as they are the level's (issue 17: the
    visitors named only in the unit lost to "doanh thu du lịch ..., tăng 10,1%").  None
    otherwise."""
    if frame.measure != "change" or frame.kind != "percent":
        return None
    before = max((f for f in frames if f.quote == frame.quote and f.start < frame.start),
                 key=lambda f: f.start, default=None)
    if before is None or before.measure != "level" or before.kind != "count" or \
            before.indicator != frame.indicator or before.period != frame.period:
        return None
    return before


# a plan question's plan word before its head noun ("Kế hoạch sản lượng xi măng năm 2053?",
# "chỉ tiêu số lượt khách", "KH giá trị sản xuất công nghiệp"), which a plan column's cell
# states by its heading ("Kế hoạch 2053 — Xi măng: 1.100 nghìn tấn"; issue 17 bt17r)
_PLAN_HEAD_WORDS = frozenset({"ke_hoach", "kh", "chi_tieu", "du_toan", "muc_tieu"})


def plan_head_order(order: list[str], frame: Frame) -> list[str]:
    """The question's terms ``order`` (folded, question order) with the plan words
    (:data:`_PLAN_HEAD_WORDS`) that open it left out when ``frame`` is a target, so the
    generic head noun after them ("sản lượng") is read as a head (:func:`heads_fitted`):
    "kế hoạch sản lượng xi măng" asks the plan cell "Xi măng" in nghìn tấn as "kế hoạch xi
    măng" does (issue 17 break-test bt17r: refused at 0.52 for the head noun added). Any
    other frame keeps ``order`` whole: an actual figure is no answer to a plan asked."""
    if not frame.target:
        return order
    lead = 0
    while lead < len(order) and order[lead] in _PLAN_HEAD_WORDS:
        lead += 1
    return order[lead:] if lead < len(order) else order


def share_of_other(asked: Asked, frame: Frame, terms: Mapping[str, float],
                   fields: list[tuple[frozenset[str], float]], frames: list[Frame],
                   folded_q: str = "", topic: str = "") -> bool:
    """Whether ``frame``, a share of plan, is another indicator's than the one a share of
    plan is asked of: a question term (folded, ``terms``; the share's measure words,
    :data:`_PLAN_TERMS`, and numbers aside) that none of the frame's ``fields``
    (:func:`describe`: own words, total, clause, heading) holds, while another figure of the
    same document (``frames``), not a share of plan, names the indicator asked: its own words
    (indicator, unit, detail) hold every such term of the question. "Điện sản xuất 9 tháng
    2053 đạt bao nhiêu % kế hoạch?" of a report whose only share of plan is the industrial
    output's ("giá trị sản xuất công nghiệp ... đạt 73,1% kế hoạch năm") beside a table row
    "Điện sản xuất (triệu kWh)": no share for the electricity, a refusal (issue 17 break-test
    bt17r, answered 73,1% at 0.79; tests/test_plan_asked.py). A figure holding only the
    missing term names another thing: "khách du lịch" does not take "doanh thu du lịch ...
    đạt bao nhiêu % kế hoạch" from "doanh thu 3.177 tỷ đồng (đạt 73,8%, ...)" (seed s069).
    ``folded_q``: the question (folded, lower case), whose plan words in any form are the
    share's measure (:func:`plan_word_term`); ``topic``: what a "Về <X>," opening the
    share's clause names (:func:`topic_opened`), the share's own (break-test bt22b)."""
    if asked.measure != "plan_share" or frame.measure != "plan_share":
        return False
    # its own words, total, clause and heading: not the sentence's others ("đại diện Sở
    # Công Thương cho biết", whose folded "dien" is the "điện" asked) -- but the topic its
    # clause opens with ("Về công tác thu ngân sách, năm 2063 Cục Hải quan Lạng Sơn thu được
    # 8.412,6 tỷ đồng, đạt 105,2% chỉ tiêu được giao": :func:`topic_opened`)
    near = frozenset().union(*(f for f, _ in fields[:4])) | text_terms(topic)
    # the plan's words however the question writes them ("dự toán", "chỉ tiêu được giao")
    asked_terms = {t for t in terms if t not in _PLAN_TERMS and not t[:1].isdigit()
                   and not plan_word_term(t, folded_q)}
    if asked_terms <= near:
        return False
    return any(other.measure != "plan_share" and asked_terms <= text_terms(
        f"{other.indicator} {other.unit} {other.detail}") for other in frames)


# "Về <X>," opening a clause (folded): what its figures are about, as
# rag.vi.frames.sentence._TOPIC_OPENER reads it
_TOPIC_OPENER = re.compile(r"(?:^|[;:.]\s*)[\s\-\u2013\u2022+*]*ve\s+([^,;:]+),")


def topic_opened(before: str) -> str:
    """The topic "Về <X>," names (folded: "cong tac thu ngan sach") when it opens the clause
    that ``before`` (a sentence's text up to a figure) ends in -- no ";" after it -- else "".
    Reports open a paragraph's sentence so and let its subject be the body that reports
    ("Về công tác thu ngân sách, năm 2063 Cục Hải quan Lạng Sơn thu được 8.412,6 tỷ đồng,
    đạt 105,2% chỉ tiêu được giao"): the topic names the indicator (break-test bt22b,
    session 50)."""
    folded = fold(before).lower()
    found = [m for m in _TOPIC_OPENER.finditer(folded) if ";" not in folded[m.end():]]
    return found[-1].group(1) if found else ""


def share_unstated(terms: Iterable[str], hits: list[Hit], frames_of: FramesOf) -> bool:
    """Whether the indicator a share of plan is asked of -- the question's ``terms`` (folded),
    the share's measure words (:data:`_PLAN_TERMS`) and numbers aside -- is named whole by
    the own words (indicator, unit, detail) of a figure of the documents of ``hits`` that is
    not a share of plan, while no share of plan there holds them all in its own words: the
    reports give the indicator, and no share of plan of it (a table row "Điện sản xuất
    (triệu kWh)" and only the industrial output's "đạt 73,1% kế hoạch"), so the refusal
    stands (:func:`share_of_other`; issue 17 break-test bt17r)."""
    asked = {t for t in terms if t not in _PLAN_TERMS and not t[:1].isdigit()}
    if not asked:
        return False
    frames = [f for doc in dict.fromkeys(h.chunk.doc_id for h in hits) for f in frames_of(doc)]

    def holds(f: Frame) -> bool:
        return asked <= text_terms(f"{f.indicator} {f.unit} {f.detail}")
    return any(f.measure != "plan_share" and holds(f) for f in frames) and \
        not any(f.measure == "plan_share" and holds(f) for f in frames)


def lent_quantity_word(term: str, frame: Frame) -> bool:
    """Whether ``term`` (a folded word pair) is a quantity word (rag.vi.lexicon.QUANTITY_TERMS:
    "san_luong", "khoi_luong") that :func:`describe` lends ``frame`` for its unit of quantity
    while the frame's own indicator and the words after its value do not write it: a word of
    its measure, no other indicator it names (:func:`outworded`; break-test bt20c d01)."""
    return term in QUANTITY_TERMS and \
        term not in text_terms(f"{frame.indicator} {frame.detail}")


def heads_fitted(fields: list[tuple[frozenset[str], float]], frame: Frame,
                 terms: dict[str, float], of_level: Frame | None = None,
                 table: bool = False) -> list[tuple[frozenset[str], float]]:
    """``fields`` (:func:`describe`) with the question's generic head noun (the first of
    ``terms``, question order: "sản lượng", "số lượt", "giá trị"; :data:`_GENERIC_HEADS`)
    counted among the frame's own words when its unit is what that noun measures -- a
    quantity in tấn or kWh, a count of times or passengers ("lượt", "HK"), a count, money,
    a whole for "tổng" ("tổng kinh phí chuyển đổi số": any figure but a part);
    or the frame is the change or index of such a figure ("giảm 4,8%") -- and every other
    term of the question but "tăng"/"giảm" is in its own words, total or clause; else,
    unless every other term is there, the quantity words :func:`describe` gives a quantity are
    taken back ("sản lượng điện thương phẩm" names no "5.820 ha" of "Diện tích trồng rừng",
    whose "diện" folds to the question's "điện").  ``table``: the frame is a table line's,
    whose caption (its heading field) says what every row is ("Mặt hàng xuất khẩu" over
    "Hạt điều"), so the caption's words count as the row's own there: "Sản lượng hạt điều xuất
    khẩu năm 2060?" was refused (break-test bt17u; tests/test_xlsx_period_columns.py)."""
    order = plan_head_order(list(terms), frame)
    own, weight = fields[0]
    # "tổng lượt khách", read as one term where the corpus writes the pair ("Lũy kế 10 tháng,
    # tổng lượt khách đạt ..."), is "tổng" + "lượt khách": the month's "đón 412.300 lượt
    # khách" is the total too, unlabelled (issue 17 bt16-b17 failure 1)
    compound = order[0] if order and order[0] not in own and _whole_of(order[0]) else ""
    if compound:
        order = ["tong", compound.partition("_")[2], *order[1:]]
    for words, kind in _GENERIC_HEADS:
        if tuple(order[:len(words)]) != words:
            continue
        # the measure; and for a quantity, the verb of its being made ("sản lượng xi măng sản
        # xuất", "How much cement was produced"), which a product's row leaves out ("xi măng
        # 1.905 nghìn tấn": bt9-b17 failure 2 took the month's sentence holding "sản xuất")
        # -- when the row names the product only: "điện thương phẩm" is the electricity sold,
        # no "sản lượng điện sản xuất"
        bare = kind == "quantity" and _named_only(frame.indicator, order)
        rest = [t for t in order[len(words):] if t not in ("tang", "giam")
                and not (bare and t in _MADE_WORDS)
                # a plan share's words (:data:`_PLAN_TERMS`, defined below) are its measure
                and not (frame.measure == "plan_share" and t in _PLAN_TERMS)
                and not (kind == "whole" and t in _WHOLE_SCOPE)]
        near = own | fields[1][0] | fields[2][0] | (fields[3][0] if table else frozenset())
        if not rest or not all(t in near for t in rest):
            break
        # "diện tích gieo trồng đạt bao nhiêu % kế hoạch" of "gieo trồng được 3.420 ha, đạt
        # 95,0% kế hoạch": a share of its plan is measured as the figure it is the share of
        # (``of_level``, the level before it in its sentence; issue 17 bt15-b17 failure 7)
        unit = of_level.unit if frame.measure == "plan_share" and of_level is not None \
            else frame.unit
        if frame.measure in ("change", "index"):
            fits = True  # "sản lượng xi măng giảm bao nhiêu %": the row's change, in %
        elif frame.measure == "plan_share" and of_level is None:
            fits = False
        elif kind == "quantity":
            fits = measures_quantity(unit)
        elif kind == "times":
            fits = "luot" in _unit_words(unit)
        elif kind == "money":
            fits = is_money(unit)
        elif kind == "area":
            fits = _bare_area(unit)
        elif kind == "length":
            fits = _bare_length(unit)
        elif kind == "whole":
            fits = not frame.part
        else:
            fits = (of_level or frame).kind == "count" or ("luot" in _unit_words(unit))
        if fits:
            return [(own | frozenset(words) | frozenset(filter(None, (compound,))), weight),
                    *fields[1:]]
        break
    if QUANTITY_TERMS & own and not all(t in own | fields[1][0] | fields[2][0]
                                        for t in order if t not in QUANTITY_TERMS):
        return [(own - QUANTITY_TERMS, weight), *fields[1:]]
    return fields


def _named_only(indicator: str, terms: Iterable[str]) -> bool:
    """Whether every word of ``indicator`` (folded) is a syllable of the question's
    ``terms`` ("xi măng" of "sản lượng xi măng sản xuất"; not "điện thương phẩm") -- but
    those that read as question words (NOT_A_THING_WORDS: the "may" of "quần áo may sẵn"
    folds to "mấy"), which no term holds."""
    said = {w for t in terms for w in t.split("_")}
    words = set(re.findall(r"[a-z0-9]+", fold(indicator).lower())) - NOT_A_THING_WORDS
    return bool(words) and words <= said


def _magnitude_only(unit: str) -> bool:
    """Whether ``unit`` is a magnitude word alone ("triệu", "tỷ"): an amount whose currency
    the sentence leaves out ("Kinh phí hỗ trợ ... đạt 500 triệu"; tests/test_real_inputs_16d.py)."""
    words = fold(unit).lower().split()
    return bool(words) and all(w in UNIT_MAGNITUDES for w in words)


def unitless_plan_cell(frame: Frame, asked: Asked, line: str) -> bool:
    """Whether ``frame`` is a plan column's cell written with no unit at all ("Dự toán 2029 —
    Tổng thu NSNN trên địa bàn: 9.697", ``line`` its table line in rag.ingest.tables' form)
    and the question ``asked`` asks a target: a money question ("dự toán tổng thu ngân sách",
    "kế hoạch vốn đầu tư") may take it, as a table that states no unit states no other one.
    Only a target asked and a target cell: a question with no plan word keeps refusing an
    unwritten unit, and its answer is the actual, stated with its unit in the text (issue 17
    break-test bt17h: "Dự toán tổng thu NSNN năm 2029?" refused the plan column's 9.697 as
    money with its currency left out; tests/test_budget_plan_column.py)."""
    return asked.target and frame.target and not frame.unit.strip() and \
        bool(table_line_head(line))


def _bare_area(unit: str) -> bool:
    """Whether ``unit`` ("nghìn ha", "m2") measures an area (:data:`_AREA_UNITS`)."""
    words = [w for w in fold(unit).lower().split() if w not in UNIT_MAGNITUDES]
    return bool(words) and words[0] in _AREA_UNITS


def _bare_length(unit: str) -> bool:
    """Whether ``unit`` ("km", "nghìn km", "m") measures a length (:data:`_LENGTH_UNITS`)."""
    words = [w for w in fold(unit).lower().split() if w not in UNIT_MAGNITUDES]
    return bool(words) and words[0] in _LENGTH_UNITS


def _land_area(unit: str) -> bool:
    """Whether ``unit`` ("nghìn ha", "km2") measures land (:data:`_LAND_UNITS`): an area sown,
    planted or built on, which no "sản lượng" is -- unlike "m2", which measures a product's
    surface as well (tiles, glass, fabric)."""
    words = [w for w in fold(unit).lower().split() if w not in UNIT_MAGNITUDES]
    return bool(words) and words[0] in _LAND_UNITS


def one_of_joint_kinds(unit: str, folded_q: str) -> bool:
    """Whether a unit counting two kinds together, their shared words written once ("khu,
    cụm công nghiệp": rag.vi.numbers.unit_after), is asked of one kind only by the (folded)
    question ("bao nhiêu cụm công nghiệp"): its value counts both, so it answers neither
    (break-test b17 N7)."""
    if ", " not in unit:
        return _other_kind_named(unit, folded_q)
    first, second = fold(unit).lower().split(", ", 1)
    tail = second.split()[1:]
    kinds = [" ".join([w for w in first.split() if w not in UNIT_MAGNITUDES] + tail), second]
    named = [bool(re.search(rf"\b{re.escape(k)}\b", folded_q)) for k in kinds]
    bare = [bool(re.search(rf"\b{re.escape(k.split()[0])}\b", folded_q)) for k in kinds]
    return any(named) and not all(bare)


# the words of a question asking an amount of money beside an area ("vốn đầu tư trên diện
# tích", "giá thuê đất theo diện tích"), folded
# -- a currency only after its scale: "Đồng Bành", "Đồng Đăng" are names
_MONEY_WORDS_RE = re.compile(r"\b(?:von|tien|kinh phi|dau tu|gia|doanh thu|thu nhap|chi phi|"
                             r"nop|ngan sach|(?:ty|trieu|nghin|ngan) (?:dong|usd))\b")


def area_asked_of_money(frame: Frame, folded_q: str) -> bool:
    """Whether the (folded) question asks an area ("diện tích", :data:`_AREA_ASKED`) and no
    amount of money (:data:`_MONEY_WORDS_RE`), and ``frame`` is a plain amount of money (no
    rate: "tỷ đồng/ha" answers an area's worth): a sentence "vốn đầu tư 1.120 tỷ đồng trên
    diện tích 214 ha" gives the money's detail the area's words, and "diện tích khu công
    nghiệp ... giai đoạn 2" was answered "1.120 tỷ đồng diện tích" at 1.0 (break-test bt21a,
    session 49)."""
    return bool(_AREA_ASKED.search(folded_q)) and is_money(frame.unit) and \
        "/" not in frame.unit and not _MONEY_WORDS_RE.search(folded_q)


def one_of_listed_nouns(frame: Frame, folded_q: str) -> bool:
    """Whether ``frame`` counts several nouns listed together ("1.348 doanh nghiệp, hợp tác xã
    và hộ kinh doanh tham gia ...": its detail begins "và ", rag.vi.frames.indicators.
    read_detail) of which the (folded) question names some but not all ("bao nhiêu hộ kinh
    doanh tham gia sàn"): its value counts them all, so it is no sure answer for one of them
    (``Choice.listed_one``; as a joint unit is none, :func:`one_of_joint_kinds`; break-test
    bt19a, session 48) -- yet it stays the answer a question split at its "và" gives each
    half ("doanh nghiệp và HTX": rag.answer.conjuncts), which is then asked whole.  A noun
    is named by its words, or by its initials as one token ("HTX", "DN"), either way round;
    the lexicon's abbreviations are written out first (rag.search.query.expand_abbreviations)."""
    if not frame.detail.startswith("và ") or not (frame.indicator or frame.unit):
        return False
    # the first noun: the indicator's words before the first "và" -- a change after the count
    # ("..., tăng 38 đơn vị") holds the count's indicator, not its noun as its unit
    head = frame.indicator.split(" và ")[0] if " và " in frame.indicator else frame.unit
    nouns = [head] + [unit_after(seg)[0] for seg in re.split(r"(?<!\S)và\s+", frame.detail)[1:]]
    nouns = [fold(n).lower() for n in nouns if n]
    if len(nouns) < 2:
        return False
    asked = " ".join(re.findall(r"[a-z0-9]+", f"{fold(expand_abbreviations(folded_q)).lower()} "
                                              f"{folded_q}"))
    words = asked.split()

    def named(noun: str) -> bool:
        if f" {noun} " in f" {asked} ":
            return True
        if " " in noun:
            return initials(noun) in words  # "hợp tác xã" asked "HTX"
        # "HTX" written, "hợp tác xã" asked
        return noun.isalpha() and 2 <= len(noun) <= 4 and any(
            initials(" ".join(words[i:i + len(noun)])) == noun for i in range(len(words)))

    said = [named(n) for n in nouns]
    return any(said) and not all(said)


def _other_kind_named(unit: str, folded_q: str) -> bool:
    """Whether the (folded) question names a kind of the lexicon that shares its last words
    with ``unit`` but not ``unit`` itself: "cụm công nghiệp" asked, "12 khu công nghiệp"
    stated (rag.vi.lexicon.UNIT_HEAD_PHRASES)."""
    own = " ".join(w for w in fold(unit).lower().split() if w not in UNIT_MAGNITUDES)
    if own not in UNIT_HEAD_PHRASES or re.search(rf"\b{re.escape(own)}\b", folded_q):
        return False
    if own.split()[0] in UNIT_OCCURRENCES:
        # "18,9 triệu lượt khách" of "vận chuyển hành khách": times any kind of "khách" came,
        # "hành khách" among them -- no other kind (break-test b17 B)
        return False
    tail = own.split()[1:]
    return any(p.split()[1:] == tail and re.search(rf"\b{re.escape(p)}\b", folded_q)
               for p in UNIT_HEAD_PHRASES if p != own)


def measures_quantity(unit: str) -> bool:
    """Whether ``unit`` measures a quantity produced or moved (rag.vi.lexicon.QUANTITY_UNITS:
    "nghìn tấn", "triệu kWh", "m3"; or a count noun after a scale word: "triệu viên"), which
    a question's "sản lượng", "khối lượng" asks for; or the volume moved over a distance,
    its unit joined to "km" by a dot ("triệu tấn.km", "nghìn HK.km": rag.vi.numbers.unit_after),
    the "khối lượng luân chuyển" of the statistics offices (break-test b17 F8)."""
    if fold(unit).lower().endswith(".km"):
        return True
    words = unit.split()
    folded = [w for w in fold(unit).split() if w not in UNIT_MAGNITUDES]
    # the count noun after its scale word only: "thành viên", "cán bộ" are no "triệu viên"
    # ("145 thành viên" answered "sản lượng chè": break-test bt20c d04, own variant)
    return bool(folded) and (folded[0] in QUANTITY_UNITS or
                             (len(words) > 1 and words[-1].lower() in COUNT_NOUNS
                              and fold(words[-2]).lower() in UNIT_MAGNITUDES))


def _field_shares(fields: list[tuple[frozenset[str], float]], terms: dict[str, float],
                  owner_terms: set[str]) -> list[float]:
    """The share of the question's weight ``terms`` whose nearest field holding it is each
    field (in the order of ``fields``: a linear model over these shares weighs the fields
    as ``frame_fields`` does by hand), the share in any field, and -- of the words after
    "của" (``owner_terms``) -- the share in the title."""
    total = sum(terms.values()) or 1.0
    shares = [0.0] * len(fields)
    for t, w in terms.items():  # each word counted once, in the nearest field holding it
        at = next((i for i, (field, _) in enumerate(fields) if t in field), None)
        if at is not None:
            shares[at] += w / total
    shares.append(sum(shares))
    owner = sum(terms[t] for t in owner_terms if t in terms)
    shares.append(sum(terms[t] for t in owner_terms if t in terms and t in fields[5][0])
                  / owner if owner else 0.0)
    return shares


def _coverage(fields: list[tuple[frozenset[str], float]], terms: dict[str, float],
              owner: dict[str, float] | None = None) -> float:
    """The weighted share of ``terms`` found in ``fields`` (each counting its field's weight);
    ``owner``: term -> a higher weight its field may count for it (the title for the words
    after "của")."""
    total = sum(terms.values()) or 1.0
    got = 0.0
    for t, w in terms.items():
        best = max((weight for field, weight in fields if t in field), default=0.0)
        if owner and t in owner:
            best = max(best, owner[t])
        got += w * best
    return got / total


def _label_terms(frame: Frame, terms: Iterable[str]) -> frozenset[str]:
    """The question ``terms`` (folded, pairs joined by "_") that a table row's label -- its
    frame's total and indicator ("Chính ngạch › Nhập khẩu") -- holds, numbers left out."""
    label = " " + " ".join(re.findall(r"\w+", fold(expand_abbreviations(
        f"{frame.parent} {frame.indicator}")).lower())) + " "
    terms = list(terms)
    if "xuat" not in terms and "xuat_nhap" not in terms:
        # imports asked alone: "Tổng kim ngạch xuất nhập khẩu" names the trade's total, no
        # "nhập khẩu" -- else it named more than the row "Nhập khẩu" beneath it, which was
        # left out for it (break-test bt22a, session 50: "kim ngạch nhập khẩu tháng 5/2066"
        # refused as only the total was given)
        label = label.replace(" xuat nhap khau ", " xuat_nhap_khau ")
    return frozenset(t for t in terms if not t[:1].isdigit()
                     and f" {t.replace('_', ' ')} " in label)


def another_row_named(frame: Frame, doc: str, frames_of: FramesOf, text: str,
                      terms: Mapping[str, float],
                      rows: dict[str, dict[tuple[str, int], list[_RowLabel]]],
                      money: bool = False, question: str = "") -> bool:
    """Whether ``frame``, a figure of a table row (rag.vi.frames.tables.table_line_head),
    belongs to another row than the one the question names: a row of the same table (same
    heading, ``context``, and block of lines, :func:`table_block`) of document ``doc``
    whose label holds every question term the frame's label holds (at least one) and more
    ("Số doanh nghiệp thành lập mới" beside "Số hợp tác xã thành lập mới" for "số doanh
    nghiệp thành lập mới năm 2028").  That row's cell for the asked period is then empty,
    and no other row's figure stands in for it (issue 17 break-test;
    tests/test_empty_cell_row.py).  ``rows`` caches, per document and table,
    the label terms of its rows for one question (and whether the row is in money);
    ``text``: the document's text.  ``money``: the question asks an amount of money -- a row
    counted in "hộ" ("Số hộ nghèo được vay vốn") is no row it names, and the money row
    under it ("Doanh số cho vay") answers "số tiền cho vay hộ nghèo" (bt9-b16 failure 1).

    A money row under the frame's own count row ("Kinh phí khuyến nông" under "Số nông dân
    được tập huấn") writes that row's words only as the subject it takes from it
    (rag.vi.frames.tables.row_counted, ``Frame.parent``): it is the money of the frame's
    own row, no row naming more, and only its own label is weighed ("số nông dân được tập
    huấn khuyến nông" of "Bảng 2. Kết quả khuyến nông năm 2033", break-test bt16e item 5).
    A caption's or lead-in's words are weighed for no row: "doanh nghiệp" of "Tình hình
    phát triển doanh nghiệp như sau:" names the row "Số doanh nghiệp thành lập mới", not its
    sibling "Số hợp tác xã thành lập mới" (session 42 brief mergefix;
    tests/test_lead_in_row_siblings.py).

    ``question`` (as typed; "" reads terms folded only): the other row's terms beyond the
    frame's must be said with that row's tones (rag.answer.row_named.toned_said) -- "đạt"
    names no "Trong đó: Thu tiền sử dụng đất" under the asked row "Thu nội địa" (issue 17,
    break-test bt17u; tests/test_row_child_total.py)."""
    q0, q1 = frame.quote
    if not table_line_head(text[q0:q1]):
        return False
    tables = rows.get(doc)
    if tables is None:
        tables = rows[doc] = {}
        labels: set[tuple[str, int, str, str]] = set()
        for g in frames_of(doc):
            table = (g.context, table_block(text, g.quote[0]))
            key = (*table, g.parent, g.indicator)
            if key in labels or not table_line_head(text[g.quote[0]:g.quote[1]]):
                continue
            labels.add(key)
            taken = g.parent if g.parent and not g.part else ""
            tables.setdefault(table, []).append(_RowLabel(
                _label_terms(g, terms), g.measure != "level" or is_money(g.unit),
                _label_terms(replace(g, parent=""), terms) if taken else frozenset(), taken,
                expand_abbreviations(f"{g.parent} {g.indicator}")))
    own = _label_terms(frame, terms)
    counted = row_counted(frame.indicator) if not frame.parent else ""
    asked = expand_abbreviations(question) if question else ""
    # the table's whole row ("Tổng số") is no other row than the total it reads as in its
    # total column ("Tổng kim ngạch xuất nhập khẩu ...": rag.ingest.tables.breakdown_head)
    whole = _WHOLE_ROW.fullmatch(fold(frame.indicator).lower().strip()) is not None \
        and not frame.parent
    return bool(own) and any(
        own < held and (not asked or toned_said(row.label, held - own, asked))
        for row in tables.get((frame.context, table_block(text, q0)), ())
        if (row.in_money or not money) and not (whole and total_unmarked(row.label.strip()))
        for held in (row.own if row.taken and row.taken == counted else row.terms,))


def table_row_labels(frame: Frame, frames: Sequence[Frame], text: str) -> set[str]:
    """The labels (``Frame.indicator``, as written) of the other rows of ``frame``'s table:
    frames of table lines (rag.vi.frames.tables.table_line_head) of the document's
    ``frames`` under the same heading (``context``) and in the same block of lines
    (:func:`table_block`) as ``frame``, whose text is ``text``."""
    block = table_block(text, frame.quote[0])
    return {g.indicator for g in frames if g.indicator != frame.indicator and
            g.context == frame.context and table_block(text, g.quote[0]) == block and
            table_line_head(text[g.quote[0]:g.quote[1]])}


class _RowLabel(NamedTuple):
    """A table row's label as :func:`another_row_named` weighs it: the question terms it
    holds (``terms``), whether the row is in money, and -- for a row that takes its subject
    from the count row above it (``taken``, that row's counted words) -- the terms of its
    own label alone (``own``)."""

    terms: frozenset[str]
    in_money: bool
    own: frozenset[str]
    taken: str
    label: str = ""


def table_block(text: str, at: int) -> int:
    """The offset in ``text`` (a document's) where the block of lines holding offset ``at``
    starts: after the last blank line before it, 0 when none.  Two tables under one heading
    (or none) are two blocks -- the readers of PDF, DOCX and HTML write a blank line before
    and after each table's lines and its caption ("Bảng số liệu xuất khẩu theo tháng quý III
    năm 2034 (triệu USD):") -- so that a row of one ("Tháng 8 năm 2034 — Xuất khẩu: 192
    triệu USD") is no sibling of the other's rows ("Quý III/2034 — Kim ngạch xuất khẩu: 563
    triệu USD"; break-test bt16i of issue 16, item 6: "kim ngạch xuất khẩu tháng 8 năm
    2034" was refused, the months' row taken for another row than the one asked).  A
    sheet's rows, written without blank lines, stay one block."""
    blank = text.rfind("\n\n", 0, at)
    return blank + 2 if blank >= 0 else 0


# The words a change question asks its direction with (folded terms): "tăng bao nhiêu",
# "giảm mấy %", "tăng trưởng".
_RISE_TERMS = frozenset({"tang", "tang_truong", "tang_them"})
_FALL_TERMS = frozenset({"giam", "giam_di"})
# the words of a comparative asking a difference of either direction (folded terms)
_HIGHER_TERMS = frozenset({"cao", "cao_hon", "nhieu", "nhieu_hon", "nhanh", "nhanh_hon"})
_LOWER_TERMS = frozenset({"thap", "thap_hon", "it", "it_hon", "cham", "cham_hon"})
# the verbs of a difference said with a comparative (rag.vi.frames.sentence: Frame.verb)
_COMPARATIVES = frozenset({"cao hơn", "thấp hơn", "nhanh hơn", "chậm hơn", "nhiều hơn",
                           "ít hơn", "cao hon", "thap hon", "nhanh hon", "cham hon",
                           "nhieu hon", "it hon"})


def _index_said(terms: dict[str, float], frame: Frame) -> dict[str, float]:
    """``terms`` but the word of a change question an index frame states without writing it:
    "tăng" or "giảm" of an index other than 100 ("ước đạt 106,3% so với cùng kỳ" is a rise
    of 6,3%, 95,2% a fall of 4,8%: rag.answer.index_change) -- and a difference said with a
    comparative ("thấp hơn ...": "giảm"; "cao hơn ...": "tăng"); ``terms`` for any other
    frame."""
    if frame.measure == "change" and frame.direction and frame.verb.lower() in _COMPARATIVES:
        # "thấp hơn quý III 0,12 điểm phần trăm" is a fall of 0,12 points, "cao hơn tháng
        # trước 15 triệu USD" a rise (break-test b17 F5): asked "giảm/tăng bao nhiêu"
        # -- and the comparative of its direction, which a difference said from the earlier
        # side writes the other way ("ít hơn tháng 6/2037 là 5.300 lượt" is asked "tháng
        # 6/2037 cao hơn cùng kỳ bao nhiêu?", b17 failure 2)
        said = _RISE_TERMS | _HIGHER_TERMS if frame.direction > 0 else \
            _FALL_TERMS | _LOWER_TERMS
        return {t: w for t, w in terms.items() if t not in said}
    if frame.measure != "index" or frame.low == 100:
        return terms
    # either direction: an index states the change whichever way it went, and "tăng bao
    # nhiêu" asked of "So cùng kỳ (%): 95,2" is answered "giảm 4,8%" -- not refused for
    # the "tăng" it does not write (tests/test_versus_previous_year.py), as "giảm bao nhiêu"
    # of 104,2 is answered "tăng 4,2%"
    return {t: w for t, w in terms.items() if t not in _RISE_TERMS | _FALL_TERMS}


# the words of "đạt bao nhiêu % kế hoạch" (folded terms), which a table column of shares of
# the plan ("ƯTH 2026/KH 2026 (%)", "TH/KH") states by its measure without writing them (a
# sentence writes its own: "đạt 126% kế hoạch"; leaving them out there too cost a held-out
# answer); and "vượt" of "vượt dự toán bao nhiêu", whose excess a column's share over 100
# states ("% so dự toán" 114,1: vượt 14,1%; rag.answer.question _PLAN_SHARE_RE reads it a
# plan share; session 44 break-test bt17n)
_PLAN_TERMS = frozenset({"dat", "ke_hoach", "kh", "du_toan", "chi_tieu", "so_voi", "bang",
                         "vuot"})
# those of "so với năm 1995 đạt bao nhiêu %", which a table's ratio column of two periods
# ("Năm 1996 so với Năm 1995 (%)", "So cùng kỳ (%)") states by its measure (an index) without
# writing them (break-test bt16g of issue 16, item 6)
_INDEX_TERMS = frozenset({"dat", "bang", "so_voi"})
# those of "tỷ trọng …", "chiếm bao nhiêu %", which a share states by its measure: a row of a
# table captioned "Cơ cấu kinh tế (%)" writes none of them
_SHARE_TERMS = frozenset({"ty_trong", "ty", "trong", "chiem", "co_cau"})


# the words naming the money value of a trade flow (folded terms): "kim ngạch xuất khẩu",
# "giá trị nhập khẩu", "trị giá xuất khẩu" -- which a figure of exports or imports in money
# is whether or not its document writes them: a sheet titled "XUẤT KHẨU THỦY SẢN" with the unit
# row "triệu USD" gives "Cá ngừ: 101,4 triệu USD" (break-test bt25-b16 failure 3); the
# reports write "Xuất khẩu ước đạt 1.036 triệu USD" as often as "kim ngạch xuất khẩu"
_TRADE_VALUE_TERMS = frozenset({"kim_ngach", "gia_tri", "tri_gia", "tong_kim", "tong_kim_ngach"})
# the same words segmented syllable by syllable (a corpus that never writes them joins them
# into no term): both syllables must be asked -- "giá" alone asks a price
_TRADE_VALUE_SYLLABLES = (frozenset({"kim", "ngach"}), frozenset({"gia", "tri"}))


def trade_value_said(terms: dict[str, float], frame: Frame, trade: str | None,
                     named: Iterable[str], near: frozenset[str] = frozenset()
                     ) -> dict[str, float]:
    """``terms`` (folded, pairs joined by "_") but those naming the money value of a trade
    flow (:data:`_TRADE_VALUE_TERMS`: "kim ngạch", "giá trị", "trị giá") when the question
    asks a trade (``trade``: Intent.trade, "export"/"import"/...), ``frame`` is an amount of
    money (rag.vi.numbers.is_money: USD, đồng with their magnitudes) and one of ``named`` --
    the frame's own words, its total, its sentence, heading or document title, as written
    -- names that trade (rag.answer.intent.trade_indicator_at): the money figure of
    exports IS their kim ngạch; those ``near`` holds are kept.  A figure in tonnes or any
    other unit keeps them asked, so
    "kim ngạch xuất khẩu gạo" is never answered by "Gạo: 12.500 tấn" -- nor by the money
    figure of another product: every other term must be in ``near`` (the terms of the frame's
    fields but its passage: own words, total, clause, heading, sentence, title), so "Xuất
    khẩu hàng dệt may ... 318,6 triệu USD" beside "Xuất khẩu gạo ... 85.600 tấn" keeps them
    asked of "kim ngạch xuất khẩu gạo"."""
    if not trade or not is_money(frame.unit):
        return terms
    value = _TRADE_VALUE_TERMS.union(*(pair for pair in _TRADE_VALUE_SYLLABLES
                                        if pair <= terms.keys()))
    if any(t not in near for t in terms if t not in value):
        return terms
    if not any(code == trade for text in named
               for _, _, code in trade_indicator_at(fold(expand_abbreviations(text)).lower())):
        return terms
    # a value word the frame's fields write stays: it is held ("Năm 2011, kim ngạch đạt
    # 3.482,7 triệu USD" keeps its own "kim ngạch" for "kim ngach XNK nam 2011": dev d101)
    kept = {t: w for t, w in terms.items() if t not in value or t in near}
    return kept or terms


def _measure_said(measure: str, terms: dict[str, float], frame: Frame, table: bool = False
                  ) -> dict[str, float]:
    """``terms`` but the words of the asked ``measure`` that ``frame`` states without writing
    them: those of a change an index states (:func:`_index_said`), those of a share of the
    plan (:data:`_PLAN_TERMS`) a plan-share frame of a table line (``table``) states (issue
    17 K8), those of a ratio of two periods (:data:`_INDEX_TERMS`) an index frame of a table
    line states ("so với năm 1995 đạt bao nhiêu %?"), those of a share (:data:`_SHARE_TERMS`)
    a share frame states (K13: "chiếm 61,8%" is asked "tỷ trọng"); the direction a change
    cell of a table line states by its sign ("+9,4" under "So với năm 2035 (%)" is "tăng",
    "-3,7" "giảm": :data:`_RISE_TERMS`, :data:`_FALL_TERMS` -- break-test bt25 kind 2,
    session 53, "Kim ngạch xuất khẩu năm 2036 tăng bao nhiêu % so với năm 2035?" got the
    level, tests/test_table_change_cell_asked.py); ``terms`` else."""
    if measure == "change":
        if table and frame.measure == "change" and frame.direction and \
                frame.verb.lower() not in _COMPARATIVES:
            said_way = _RISE_TERMS if frame.direction > 0 else _FALL_TERMS
            terms = {t: w for t, w in terms.items() if t not in said_way}
        return _index_said(terms, frame)
    over = frame.measure == "plan_share" and frame.high is None and (frame.low or 0) > 100
    said = {"plan_share": _PLAN_TERMS if table else
            # "bằng 108,3% dự toán" states the excess "vượt dự toán bao nhiêu" asks
            (frozenset({"vuot"}) if over else frozenset()),
            "index": _INDEX_TERMS if table else frozenset(),
            "share": _SHARE_TERMS}.get(measure)
    if said and frame.measure == measure:
        terms = {t: w for t, w in terms.items() if t not in said}
        if measure != "plan_share":
            return terms
    if measure == "plan_share" and frame.measure == measure and frame.comparison:
        # whose plan the share states ("dự toán HĐND tỉnh giao": rag.vi.frames.sentence
        # plan_word; a table's "% DT TW" column: rag.vi.frames.tables.plan_share_comparison),
        # said in its comparison rather than its indicator (bt15-b17 failure 5, dev2 e057)
        owned = {w for w in fold(frame.comparison).lower().split()} - {"du", "toan", "ke",
                                                                       "hoach", "chi", "tieu"}
        if "hdnd" in owned or "ubnd" in owned:
            owned |= {"hoi", "dong", "nhan", "dan", "uy", "ban", "hoi_dong", "nhan_dan",
                      "uy_ban", "hoi_dong_nhan_dan", "uy_ban_nhan_dan"}
        if {"trung", "uong"} <= owned:
            owned |= {"tw", "trung_uong"}  # "dự toán TW giao"
        return {t: w for t, w in terms.items()
                if not (set(t.split("_")) <= owned)} if owned else terms
    return terms


# the words of a target a target frame states by being one (its verb is no part of its
# indicator: rag.vi.frames.indicators.without_target_verb): "chỉ tiêu tăng trưởng kinh tế năm
# 2034" asks "tỉnh phấn đấu tăng trưởng kinh tế đạt 7,5%" (issue 17 b17 F9); folded, as
# rag.answer.question._TARGET_RE reads a target question
_TARGET_WORDS = re.compile(r"\b(?:ke hoach|muc tieu|chi tieu|du toan|duoc giao|phan dau|"
                           r"du kien|kh|target|planned|plan)\b")


def _target_said(terms: dict[str, float], frame: Frame, folded_q: str) -> dict[str, float]:
    """``terms`` (folded, pairs joined by "_") but those made only of the words of a target
    the question ``folded_q`` (folded, lower case) writes, when ``frame`` is a target (only
    a target question is matched with one); ``terms`` else, or when nothing else is left."""
    if not frame.target:
        return terms
    return {t: w for t, w in terms.items() if not plan_word_term(t, folded_q)} or terms


def plan_word_term(term: str, folded_q: str) -> bool:
    """Whether question term ``term`` (folded, pairs joined by "_") is one of the words of a
    target the question ``folded_q`` (folded, lower case) writes (:data:`_TARGET_WORDS`):
    the phrase itself ("muc_tieu", "chi_tieu", "du_toan"), or made only of words the question
    writes nowhere but in such a phrase ("du", "toan" when no pair is made of them).  By the
    phrase, not its words: "mục tiêu tổng mức bán lẻ" folds its "mức" and its "mục" alike,
    and "muc_tieu" was kept asked of "Sở phấn đấu tổng mức bán lẻ cả năm 2070 đạt 65.000 tỷ
    đồng" while "chỉ tiêu ..." and "kế hoạch ..." found it (break-test bt22b, session 50)."""
    found = list(_TARGET_WORDS.finditer(folded_q))
    if term.replace("_", " ") in {m.group() for m in found}:
        return True
    said = set(" ".join(m.group() for m in found).split())
    rest = set(_TARGET_WORDS.sub(" ", folded_q).split())
    return set(term.split("_")) <= said - rest


def _terms_without(terms: dict[str, float], words: Iterable[str]) -> dict[str, float]:
    """``terms`` (folded, pairs joined by "_") but those made only of ``words``; ``terms``
    itself when nothing else would be left."""
    drop = set(words)
    return {t: w for t, w in terms.items() if not set(t.split("_")) <= drop} or terms


# words of an indicator that name no part: the total's "tổng" of "tổng số" (a count asked
# "số sản phẩm OCOP" is the total's, "tổng số sản phẩm OCOP của tỉnh") and the province as
# the owner or scope ("của tỉnh", "toàn tỉnh", "trên địa bàn tỉnh": the figure a question naming
# no place asks; see :data:`_WIDER_SCOPE`) -- folded (break-test s46 bt17w, ocop_nam_2080)
_PROVINCE_TOTAL = re.compile(r"(?i)\btong(?= so\b)|\b(?:cua|toan|tren dia ban)(?: toan)? tinh\b")


def _extra_share(frame: Frame, terms: dict[str, float], idf: Callable[[str], float],
                 said: frozenset[str] = frozenset()) -> float:
    """How much of the frame's own words (indicator and what follows the value) the question
    does not name (by rarity): the part "khách quốc tế" for a question about all tourists,
    "9 sản phẩm 4 sao" for all products.  ``said``: every folded word of the question, its
    function words too ("3 sao")."""
    own = _name_words(f"{frame.indicator} {frame.detail}")
    asked = {p for t in terms for p in t.split("_")} | said
    # the indicator in another wording (:func:`indicator_readings`) holding every word of the
    # question its own wording holds: its official name's other words ("tổng mức ... và doanh
    # thu dịch vụ tiêu dùng" asked as "doanh thu bán lẻ") name the same indicator, no part;
    # a reading dropping a word asked ("hàng hóa" of "doanh thu bán lẻ hàng hóa") is none
    readings = [words for words in (_own_words(f"{r} {frame.detail}")
                                    for r in readings_said(frame.indicator, frozenset(asked)))
                if own & asked <= words]
    own = min((own, *readings), key=lambda words: sum(idf(t) for t in words - asked))
    extra = sum(idf(t) for t in own - asked)
    held = sum(idf(t) for t in own & asked)
    return extra / (extra + held + sum(terms.values()) or 1.0)


@lru_cache(maxsize=8192)
def _name_words(text: str) -> frozenset[str]:
    """:func:`_own_words` of a frame's name without the words that name no part of it
    (:data:`_PROVINCE_TOTAL`: "tổng" of "tổng số", "của tỉnh")."""
    return _own_words(_PROVINCE_TOTAL.sub(" ", fold(text)))


@lru_cache(maxsize=8192)  # a frame's own words, read for every question it is a candidate of
def _own_words(text: str) -> frozenset[str]:
    return frozenset(t for _, t in positions(text) if not t[0].isdigit() and len(t) > 1)


def measure_fits(asked: Asked, frame: Frame, index_like: bool, rate_like: bool = False,
                 plan_rate: bool = False) -> bool:
    """Whether the frame's measure is the one asked (see the module's rules).  ``rate_like``:
    the question asks a rate ("tỷ lệ xã có chợ"), which a share states as well as a level
    written "tỷ lệ ... đạt 99,2%" (issue 17 K15: "156/200 xã có chợ, đạt 78%").
    ``plan_rate``: the rate asked is one of a plan (:data:`_PLAN_RATE`: "tỷ lệ giải ngân"),
    which a share of the plan states ("giải ngân được 3.952 tỷ đồng, đạt 61% kế hoạch") as
    well as a level written "tỷ lệ giải ngân ... đạt 21,9%"."""
    m = frame.measure
    if asked.measure == m:
        return True
    if asked.measure == "change":
        return m == "index"
    if asked.measure == "level" and rate_like and m == "share":
        return True
    if asked.measure == "level" and plan_rate and m == "plan_share":
        return True
    if asked.measure == "level" and not asked.explicit_level and index_like:
        return m in ("change", "index")
    return False


def is_stock(frame: Frame) -> bool:
    """Whether ``frame`` states what stands on a day: a count (products, shops, vehicles) or
    a balance (rag.vi.lexicon.BALANCE_RE: "dư nợ", "nguồn vốn huy động"), whose figure "đến
    cuối tháng 8/2029" is that of "tháng 8/2029" (:func:`period_match`)."""
    return frame.kind == "count" or bool(
        BALANCE_RE.search(fold(f"{frame.indicator} {frame.parent}").lower()))


# the words of a growth rate (folded), a change however its "%" reads: "tốc độ tăng trưởng
# ... đạt 7,2%" over months to date is no month's
_GROWTH_RATE = re.compile(r"\b(?:tang truong|toc do|tang|giam)\b")


# "lượt" (turns: lượt khách, lượt xe, lượt phương tiện): GSO's unit of a flow counted over a
# period -- what passed, not what stands
_TURNS = re.compile(r"^luot\b")


def counts_turns(frame: Frame) -> bool:
    """Whether ``frame`` counts turns ("182.400 lượt xe" through a gate "trong năm"): a flow
    over its period, whose figure "tính đến ngày 20/12/2026" is no count standing at the
    year's end -- the year's figure is not yet known (bt17c #95, answered as the year's at
    1.0 by the December rule of :func:`period_match`)."""
    return bool(_TURNS.match(fold(frame.unit).lower().strip()))


# what stands on one day only, turned over the next: a backlog -- vehicles or goods waiting
# ("còn 2.900 xe chờ xuất khẩu", "xe nằm chờ thông quan"), held up ("ùn ứ", "ách tắc", "mắc
# kẹt") or left over ("tồn", "tồn đọng") -- the words border-gate reports and the news write
# of a queue at a gate on a given morning (bt17c cuakhau_21_12_2026, dev reports' "xe chờ
# xuất khẩu"); with diacritics, as "chợ" (a market, a count at the year's end) folds the same
_BACKLOG = re.compile(r"\b(?:chờ|nằm chờ|đỗ chờ|ùn ứ|ùn tắc|ách tắc|mắc kẹt|tồn đọng|tồn)\b")


# "mỗi ngày" in the clause before a value, away from its verb ("mỗi ngày cảng cạn Đồng Đăng
# xếp dỡ khoảng 7.400 tấn"): a rate a day, as rag.vi.frames.indicators reads it by the verb
_EACH_DAY = re.compile(r"\bmỗi (?:ngày|tuần)\b")


_DURATION_UNITS = frozenset("gio ngay tuan phut thang nam".split())  # folded

def day_stock(frame: Frame, text: str = "") -> bool:
    """Whether ``frame`` counts a backlog standing on one day (:data:`_BACKLOG`: "Sáng
    21/12/2026 ... còn 2.900 xe chờ xuất khẩu"), in its own words or those of its sentence
    ``text`` before it: a queue turned over day by day, no count at the year's end as
    products, markets or communes recognised are (the December rule of
    :func:`period_match`), nor a part of the year's flow through the gate (bt17c: "Số xe
    hàng xuất khẩu qua cửa khẩu Tân Thanh năm 2026?" was answered "2.900 xe" exactly).  A
    duration is no backlog: "thời gian chờ thông quan của mỗi xe kéo dài 3 - 5 ngày" counts
    days (dev-reports d025, refused once this rule came in at the merge of yearflow)."""
    words = f"{frame.indicator} {frame.parent} {frame.detail} {text}".lower()
    unit = fold(frame.unit).lower().split()
    return frame.kind == "count" and (not unit or unit[0] not in _DURATION_UNITS) and \
        bool(_BACKLOG.search(words))


def rate_a_day(frame: Frame, text: str = "") -> bool:
    """Whether ``frame`` is a rate a day (or a week): said as one (:func:`said_as_average`:
    "mỗi ngày có 2.300 lượt xe", "1.200 xe/ngày") or with "mỗi ngày" in its clause of
    ``text`` before it, away from its verb (:data:`_EACH_DAY`: "mỗi ngày cảng cạn Đồng Đăng
    xếp dỡ khoảng 7.400 tấn", whose verb the frame reader leaves bare).  GSO's "bình quân
    ngày" is a rate over the days it is said of, never a period's total (issue 17)."""
    return said_as_average(frame) or each_day_before(text)


def each_day_before(text: str) -> bool:
    """Whether the clause ending ``text`` (a sentence up to a figure) says "mỗi ngày" or
    "mỗi tuần" (:data:`_EACH_DAY`) -- a rate its frame's bare verb does not show."""
    return bool(_EACH_DAY.search(re.split(r"[,;:.]\s", text)[-1].lower()))


def held_for_year(frame: Frame, text: str = "") -> bool:
    """Whether ``frame``'s count at a day of December stands for its year (the ``held`` of
    :func:`period_match`): a stock (:func:`is_stock`) -- but not turns that passed
    (:func:`counts_turns`: "182.400 lượt xe"), a rate a day (:func:`said_as_average`: "mỗi
    ngày có từ 1.200 - 1.500 xe", a flow per day of some days, no year's count; bt17c) nor
    a backlog of one day (:func:`day_stock`).  GSO separates a stock at a date (số có đến
    31/12) from a flow over the period (số lượt, số qua trong kỳ) and from a rate per day
    (bình quân ngày); only the first is the year's at its end."""
    return is_stock(frame) and not counts_turns(frame) and not rate_a_day(frame, text) and \
        not day_stock(frame, text)


def ratio_level(frame: Frame) -> bool:
    """Whether ``frame`` is a ratio stated as a level ("Tỷ lệ hộ dùng điện lưới quốc gia
    đến tháng 6/2095 đạt 99,6%", "tỷ lệ che phủ rừng", "tỷ lệ hộ nghèo", "đến 30/6 mới giải
    ngân được 36,8%": a level in "%" that is no growth rate), which stands at the day it is
    given for as a count does (:func:`is_stock`), so "đến tháng 6/2095" is June's ratio and
    answers "tháng 6 năm 2095" (:func:`period_match`; issue 17 break-test bt18-b16 failure
    5) -- a flow's total "đến tháng N" (tấn, triệu USD) stays the months to date."""
    return frame.measure == "level" and frame.unit.strip() == "%" and \
        not _GROWTH_RATE.search(fold(f"{frame.indicator} {frame.parent}").lower())


def whole_year(period: Period) -> bool:
    """Whether ``period`` spans one calendar year: "năm 2025", or the count asked "(tính) đến
    (hết) tháng 12/2025", "đến cuối năm 2025" (a to-date period of January to 31 December)."""
    return period.kind in ("year", "to_date") and period.start == date(period.start.year, 1, 1) \
        and period.end == date(period.start.year, 12, 31)


def period_match(asked: Asked, period: Period | None, want: Period | None,
                 stock: bool = False, occasion: bool = False,
                 holiday: bool = False, edition: bool = False,
                 held: bool | None = None, backlog: bool = False,
                 season_said: bool = False) -> str | None:
    """"exact", "partial", "any" or None (not an answer) for a frame's ``period`` against
    the asked period ``want`` (None when the question asks none).  ``held`` (default
    ``stock``): the frame counts what stands, not turns that passed (:func:`counts_turns`),
    so its count at a day of December is the year's.  ``stock``: the frame
    counts things (products, vehicles a day), so a count "tính đến 15/10/2025" is the state
    on a day inside "tháng 10/2025": partial, said with its day; a count "đến hết tháng
    12/2021" is the count of "tháng 12/2021".  Anything else "tính đến hết tháng 11" is
    the total of January to November, never November's (issue 17 break-test).  A few days
    inside the asked span that do not begin it (a holiday's "từ ngày 30/8 đến ngày 02/9")
    answer only a question naming an occasion (``occasion``: "dịp lễ Quốc khánh"); a
    holiday named with a year (``holiday``: "Tết Dương lịch 2034") is the holiday of the
    days ending in that year; an event's edition named by its year (``edition``: "hội chợ
    Việt - Trung 2075", :func:`edition_asked`) is that year's too, its figure said for its
    days (bt18-b17 failure 7).  ``backlog``: the frame counts a backlog standing on one day
    (:func:`day_stock`), no ``stock`` for a month or a year, yet its count "tính đến (17 giờ)
    ngày 22/12/2047" is its state on that day, as a stock's is (issue 17 break-test bt17j).
    ``season_said``: the figure's sentence names the crop season asked, so a count "tính
    đến" a day of its harvest year is the season's so far (:func:`season_progress`)."""
    if want is None:
        if asked.latest is not None:
            return "any" if period is None or period.start <= asked.latest else None
        return "any"
    if period is None:
        return None
    if want.kind == SAME_PERIOD:
        # "cùng kỳ năm 2021": whichever part of 2021 a report sets beside its own period
        return "exact" if want.start <= period.start and period.end <= want.end else None
    if "season" in (want.kind, period.kind):
        return _season_match(want, period, season_said)
    if want.kind == HOLIDAY:
        return _holiday_match(asked, period, want, stock, occasion)
    if period.kind == HOLIDAY and want.kind in ("day", "days"):
        return None  # "dịp lễ 30/4 - 1/5 ... đón 88.000": no total of the days it is named by
    if (holiday or edition) and want.kind == "year" and _short(period):
        # "Tết Dương lịch 2034 (từ ngày 30/12/2033 đến ngày 01/01/2034)": a holiday named with
        # a year is that year's, whose days end in it (b17 F10)
        if not want.start <= period.end <= want.end:
            return None
        if edition and not holiday and period.kind == HOLIDAY:
            # "số gian hàng tham gia hội chợ (cả) năm 2034" asks the fair of the year, not
            # asking a holiday: a table "dịp Tết Nguyên đán Giáp Dần 2034" counts the
            # holiday's days, some of the year, said so -- never the year's (break-test
            # s42 bt16i, d09: 312 booths of Tết served exact at 0.85)
            return "partial"
        return "exact"
    if same_point(want, period) and (stock or backlog or is_point(want) or is_point(period)):
        # "tại thời điểm 11/9/2048" and a figure "ngày 11/9/2048" (or the other way round, or
        # "tính đến 11/9" of what stands at a day): one point in time, not part of it
        # (issue 17 break-test bt9-b17 failure 7)
        return "exact"
    if (stock if held is None else held) and whole_year(want) and \
            period.kind in POINT_IN_TIME and period.end.year == want.end.year and \
            period.end.month == 12:
        # "đến ngày 20/12/2026, tổng số sản phẩm OCOP của tỉnh là 251" for "tổng số sản phẩm
        # OCOP năm 2026": a year's count is the count at its end, and year-end reports (dated
        # mid to late December in the dev sets) give it at a day of December -- the year's,
        # not a part of it as the count "đến tháng 6/2026" is (issue 17 bt17c #205, #68);
        # asked "đến tháng 12/2025", "đến cuối năm 2025" the same (bt17d o02: "Đến giữa tháng
        # 12/2025, con số này đã là 203 sản phẩm" lost, as part of it, to the year's 41 new)
        return "exact"
    rel = relation(want, period)
    if rel == "exact":
        return "exact"
    if rel == "partial" and is_point(period) and not stock and want.kind != "month":
        # "Lũy kế đến ngày 31/10/2071, ... 612 dự án còn hiệu lực với tổng vốn đăng ký 14,35 tỷ
        # USD": an amount standing at a day is no part so far of the year's flow asked
        # (bt19-b17 failure 2)
        return None
    if rel == "partial" and not stock and not asked.to_date and \
            (earlier_running_total(want, period) or earlier_total_to_day(want, period)):
        # months the question writes; "từ đầu năm đến nay" (``asked.to_date``: the months up
        # to the day asked) takes the latest running total reported, however far behind
        # (tests/test_running_total_and_level_indicator.py)
        return None
    if rel == "partial":
        if ((period.kind == "days" and period.start != want.start) or period.kind == HOLIDAY) \
                and not occasion and (period.end - period.start).days < 28 and \
                want.kind not in ("day", "days"):
            # "dịp nghỉ lễ Quốc khánh (từ ngày 30/8 đến ngày 02/9/2030)": an occasion's few
            # days are no part so far of the months, quarter or year asked (b17 N5)
            return None
        return "partial"
    if stock and want.kind == "month" and period.kind == "to_date" and period.end == want.end:
        return "exact"  # a count "đến tháng 12/2021" for "tháng 12/2021" (not a total to date)
    if stock and period.kind == "to_date" and want.start <= period.end < want.end:
        return "partial"
    if is_point(period) and want.kind == "month" and want.start <= period.end <= want.end:
        # "giá xăng cuối tháng 10/2071" for "giá xăng tháng 10/2071": what stands at a day of
        # the month asked, said with its day -- never refused as January to October
        # (bt19-b17 failure 2)
        return "partial"
    return None


def later_part(want: Period, frame: Frame) -> bool:
    """Whether ``frame`` is one later piece of the calendar whole asked, ``want`` (a quarter,
    half or year), and so no part of it to answer with: a span inside ``want`` beginning after
    it does, stated in the figure's own sentence (``period_from`` "own" or "sentence"), of a
    level of a flow.  "Tháng 3/2034 kim ngạch xuất khẩu ước đạt 120 triệu USD" is no part of
    "quý I/2034", nor "Tháng 9/2036" or "quý III" of a year (break-test session 51: March's
    120 million USD served for the quarter, partial at 0.87); a partial answer of a whole is
    a running total from its first day ("2 tháng năm 2034", "9 tháng"), said as such.

    Kept as parts, by earlier decisions: the month of a running total asked by its months
    ("9 tháng năm 2040", "6 tháng đầu năm 2035": kind "months", which monthly reports build
    month by month -- tests/test_running_month_part.py, tests/test_earlier_running_total.py);
    a month a figure only inherits from another sentence ("Riêng trong tháng 11/2039, ...
    giải ngân 702 tỷ đồng. Dự án ... giải ngân 144 tỷ đồng", a PDF's lines joined into one
    paragraph: the project's year figure -- tests/test_disbursement_total_part_stage.py);
    a count or ratio standing at a day (:func:`is_stock`, :func:`ratio_level`), a price or
    other rate "per" something ("đồng/kg", whose week stands for the month -- dev4 b17n,
    b17q, b17r, b17s), a change (a quarter's rate gold took for 9 months -- dev4 b17o q144);
    a point in time, a crop season and a holiday's days (:func:`period_match`)."""
    period = frame.period
    if want.kind not in ("quarter", "half", "year") or period is None or \
            frame.period_from not in ("own", "sentence") or period.start <= want.start or \
            is_point(period) or HOLIDAY in (period.kind, want.kind) or \
            "season" in (period.kind, want.kind):
        return False
    if frame.measure != "level" or frame.kind == "percent" or "/" in frame.unit or \
            is_stock(frame) or ratio_level(frame) or \
            names_price(f"{frame.indicator} {frame.parent} {frame.context}"):
        return False
    return want.start <= period.start and period.end <= want.end


def earlier_running_total(want: Period, period: Period) -> bool:
    """Whether ``period`` is a running total from January closed before the last month of the
    running total ``want`` asked begins ("6 tháng đầu năm 2059" for "7 tháng năm 2059"): an
    earlier report's cumulative, another figure than the asked months' -- never a part so far
    of them, as it is of a year not yet reported (rag.answer.answerer's partial answers).  Both
    start on 1 January; ``want`` is N < 12 months ("months").  A total closed at a day of the
    last month asked ("Từ đầu năm đến ngày 20/4/2067, ... tổng vốn đăng ký 1.046 tỷ đồng" for
    "4 tháng năm 2067") is what the report of those months gives so far -- reports of N months
    close their enterprise, disbursement and registration counts at a day of month N -- a
    part, said with its day (break-test bt22a q083, session 50); within
    :data:`rag.vi.calendar.TOLERANCE_DAYS` of the end it is the months' own (a count "tính
    đến 27/7" stays the 7 months').  A month, a quarter or days inside the months asked start
    later and stay parts, and so does a first quarter of months made of quarters ("quý
    I/2024" of "6 tháng đầu năm 2024", answered part by part: tests/test_real_inputs_16f.py).
    Issue 17 break-test bt17l: "Tổng mức bán lẻ 7 tháng năm 2059?" served a 6 months' 1.140
    tỷ đồng at 0.87 beside a report of 8 months.  Not for the months up to the day asked
    ("từ đầu năm đến nay"): :func:`period_match` asks it only of months written."""
    last_month = date(want.end.year, want.end.month, 1)
    return want.kind == "months" and _closed_before(want, period, last_month)


def _closed_before(want: Period, period: Period, day: date) -> bool:
    """Whether ``period``, a running total from January as ``want`` is, closes before
    ``day`` (:func:`earlier_running_total`, :func:`earlier_total_to_day`)."""
    if period.kind == "quarter" and want.end.month % 3 == 0:
        return False  # the first of the quarters the months asked are made of: a part
    return period.start == want.start and \
        period.kind in ("months", "half", "quarter", "to_date") and period.end < day


def earlier_total_to_day(want: Period, period: Period) -> bool:
    """Whether ``period`` is a running total from January closed earlier than the day a
    question writes its running total up to ("đến (hết ngày) 30/9/2071": ``want`` of kind
    "to_date", 1 January to that day, not a whole year): a total "đến hết ngày 31/3/2071"
    is an earlier report's cumulative, another figure than the one to 30/9 -- never a part
    so far of it, as :func:`earlier_running_total` holds for months written ("9 tháng").
    Same conditions, but the day asked is the line: the stated span ends more than
    :data:`rag.vi.calendar.TOLERANCE_DAYS` days before it, and the first quarter of a span
    ending at a quarter's end stays a part.  A whole year asked "đến cuối năm 2071" keeps
    its partial answers (:func:`whole_year`).  Issue 17 break-test bt17m: "Giải ngân đầu
    tư công đến 30/9/2071 đạt bao nhiêu % kế hoạch?" served the 19,8% "đến hết ngày
    31/3/2071" of another report at 0.79 beside the 52,6% to 30/9."""
    if want.kind != "to_date" or whole_year(want):
        return False
    return _closed_before(want, period, want.end - timedelta(days=TOLERANCE_DAYS))


def inside_earlier_total(asked: Asked, want: Period, frame: Frame,
                         others: Iterable[Frame]) -> bool:
    """Whether ``frame``, a part of the asked period ``want`` (a month, "Riêng tháng 5/2035,
    kim ngạch ... đạt 741 triệu USD"), lies inside a running total its own document gives
    of the same subject that is an earlier cumulative of the months asked
    (:func:`earlier_running_total`, :func:`earlier_total_to_day`: "5 tháng đầu năm 2035,
    tổng kim ngạch ... đạt 3.418 triệu USD" for "6 tháng đầu năm 2035").  That total is
    refused as another figure than the asked months' (:func:`period_match`); its last
    month is no part so far of them either -- served, a single month answered a 6-month
    question at 0.87 (issue 17 break-test bt17s).  ``others``: the figures of the frame's
    document.  The same subject: the total's indicator is the frame's own or the whole the
    frame is read as part of (``Frame.parent``), with the same measure, unit and target; a
    part on a basis of its own ("kim ngạch hàng mở tờ khai", ``Frame.basis``) other than the
    total's keeps its own answer, and so does a question of the months up to the day asked
    ("từ đầu năm đến nay", ``asked.to_date``) or a count standing at a day."""
    fp = frame.period
    if fp is None or asked.to_date or is_stock(frame) or ratio_level(frame):
        return False
    subject = {fold(s).lower().strip() for s in (frame.indicator, frame.parent)} - {""}
    for g in others:
        gp = g.period
        if g is frame or gp is None or g.part or gp == fp or \
                (g.measure, g.unit, g.target) != (frame.measure, frame.unit, frame.target):
            continue
        if frame.basis and frame.basis != g.basis:
            continue
        if not (gp.start <= fp.start and fp.end <= gp.end):
            continue
        if not (earlier_running_total(want, gp) or earlier_total_to_day(want, gp)):
            continue
        if fold(g.indicator).lower().strip() in subject:
            return True
    return False


def _holiday_match(asked: Asked, period: Period, want: Period, stock: bool,
                   occasion: bool) -> str | None:
    """How a figure answers a holiday named by its days ("dịp lễ 30/4", "dịp 2/9/2024";
    rag.vi.calendar.holiday_period): the holiday's span the report states -- a few days
    holding or touching those it is named by ("từ 27/4 đến 01/5" for "30/4") -- exactly;
    one day of it or days listed one by one ("ngày 2/9", "riêng 2 ngày 30/4 và 01/5") only in
    part, said so (break-test s39 G: the day's figure was served for the holiday's); a
    figure of a longer period whose words name a holiday (:func:`holiday_fits`) as a holiday
    named with its year is (:func:`period_match`)."""
    if _short(period) and named_by_name(want):
        # "Tết Dương lịch 2027" asked (rag.vi.holidays.asked_holidays) of a figure whose words
        # name no holiday: not days of another holiday by the calendar, nor of another year
        others = on_days(period)
        if (others and not others & holiday_of(want)) or period.end.year != want.end.year:
            return None
        if not others and solar_days(want):
            return None  # "từ 5/5 đến 9/5/2045" is no "dịp lễ 30/4 - 1/5/2045" (bt17t)
        return "partial" if period.kind == "day" or is_day_list(period) else "exact"
    if _short(period):
        if not (period.start <= want.end and want.start <= period.end):
            return None
        if period.kind == "day" or is_day_list(period):
            return "partial"
        return "exact"  # the span stated, or the holiday a report names by its days too
    year = year_period(want.end.year)
    return period_match(asked, period, year, stock=stock, occasion=occasion, holiday=True)


def _season_match(want: Period, period: Period, season_said: bool = False) -> str | None:
    """How a crop season answers (rag.vi.calendar.season_period; b17 F11): the same season
    of the same harvest year exactly ("vụ Đông Xuân năm 2034" is that of 2033-2034), a
    season in part the year it is harvested; never another season, nor a year's figure a
    season.  A figure "tính đến" a day of the harvest year whose sentence names the season
    asked (``season_said``, :func:`names_asked_season`) is that season's sowing or harvest so
    far: in part, said with its day (:func:`season_progress`)."""
    if want.kind == "season" and period.kind == "season":
        same = want.label.split()[:-1] == period.label.split()[:-1]
        return "exact" if same and want.end == period.end else None
    if season_said and season_progress(want, period):
        return "partial"
    if period.kind == "season" and want.kind == "year" and want.end == period.end:
        return "partial"
    return None


def season_progress(want: Period, period: Period) -> bool:
    """Whether ``period`` is a progress date inside the crop season ``want`` asked: a span
    from January "tính đến" (or "đến hết ngày", "từ đầu năm đến") a day of the season's
    harvest year.  Reports give a season's sowing as it goes, "Tính đến ngày 15/3/2061, toàn
    tỉnh gieo trồng được 12.450 ha cây hằng năm vụ Đông Xuân", "Diện tích gieo trồng cây
    hằng năm vụ mùa năm 2069 tính đến ngày 15/7 đạt 31.240 ha": the season's figure so far,
    never a refusal (break-test bt22a q020, q021, q171, q172, session 50).  Only when the
    figure's sentence names that season (:func:`names_asked_season`)."""
    return want.kind == "season" and period.kind == "to_date" and \
        want.start <= period.start and period.end <= want.end


def names_asked_season(want: Period, quote: str, year: int) -> bool:
    """Whether the sentence ``quote`` names the crop season ``want`` asked, not as a base
    ("so với vụ Đông Xuân năm trước"): written with its year, or without one in a sentence
    of ``year`` (its figure's; rag.vi.mentions reads "vụ Đông Xuân" so) -- the season whose
    progress a figure "tính đến" a day of that sentence gives (:func:`season_progress`)."""
    return any(m.period.kind == "season" and not m.comparison and
               _season_match(want, m.period) == "exact"
               for m in find_mentions(quote, year, report=True))


def _short(period: Period | None) -> bool:
    """Whether ``period`` is a few days (a day, or days spanning under a month -- "từ 01/01
    đến 03/01/2027" too, read as the year to date; bt17c #74): what a holiday lasts."""
    return period is not None and period.kind in ("day", "days", "to_date", HOLIDAY) and \
        (period.end - period.start).days < 28


# a holiday a question or a frame names, with its diacritics ("tỷ lệ" is no "lễ"): its figure
# is that of the holiday's few days, or one whose words name it -- never a whole month or
# year's ("lượng khách dịp Tết Dương lịch 2033" is not the year 2033's; b17 F10)
_HOLIDAY = re.compile(r"\b(?:tết|dịp|nghỉ lễ|lễ hội|quốc khánh|giỗ tổ|holiday|festival)\b")


# the public holidays of fixed solar days and the words that name them (folded; Bộ luật Lao
# động 2019, Article 112): a question naming a holiday by name ("Tết Ất Tỵ", "dịp Quốc khánh")
# asks no other holiday a report names by its days ("kỳ nghỉ lễ 30/4 - 1/5 đón 96.500
# lượt" is no Tết's; held-out h034) -- Tết Nguyên đán and Giỗ Tổ are lunar, no fixed day
_SOLAR_HOLIDAYS = {(1, 1): r"duong lich|nam moi", (30, 4): r"giai phong|thong nhat|chien thang",
                   (1, 5): r"lao dong", (2, 9): r"quoc khanh"}


def holiday_named(question: str, period: Period) -> bool:
    """Whether ``question`` names the holiday of ``period`` (a holiday a report names by its
    days, rag.vi.calendar.holiday_period): by one of its days ("30/4"), or by the name of a
    public holiday on one of them (:data:`_SOLAR_HOLIDAYS`)."""
    folded = fold(question).lower()
    day = period.start
    while day <= period.end:
        name = _SOLAR_HOLIDAYS.get((day.day, day.month))
        if re.search(rf"(?<![\d/]){day.day}/0?{day.month}(?!\d)", folded) or (
                name and re.search(rf"\b(?:{name})\b", folded)):
            return True
        day += timedelta(days=1)
    return False


def holiday_year(want: Period | None) -> Period | None:
    """The period a figure whose own words name the holiday asked answers (choose: the
    holiday its days or its sentence up to it names last, rag.vi.holidays.named_last; one
    naming another is no answer -- "Trước đó, dịp nghỉ Tết Dương lịch 2027 (...), tỉnh đón
    96.000 lượt" answers no "dịp lễ 30/4", "Tết Nguyên đán ... 412.000 lượt" no "Tết Dương
    lịch 2027": break-test bt17c #74, #78): a holiday named by name is read as its year,
    the holiday's figure dated by the days the report writes for it -- a report's days are
    trusted before the lunar calendar's (a Tết "từ 14/01 đến hết 20/01/2087" is Tết
    Nguyên đán 2087 as it says)."""
    if want is not None and named_by_name(want):
        return year_period(want.end.year)
    return want


def undated_rate_days(frame: Frame, doc_date: str | None) -> Period | None:
    """The day of its document (``doc_date``, ISO) for a rate a day left undated
    (:func:`said_as_average` with no period: rag.vi.frames.sentence _undated_average), as
    the days it is of when a period and an average are asked -- matched, never shown as its
    label: "mỗi ngày có từ 1.200 - 1.500 xe" of a report of 21/12/2026 answers "Mỗi ngày ...
    dịp cuối năm 2026" (bt17c #91); a question asking no average ("còn bao nhiêu xe chờ ngày
    21/12") is not answered by it.  None for any other frame."""
    if frame.period is not None or not doc_date or not said_as_average(frame):
        return None
    try:
        return day_period(date.fromisoformat(doc_date[:10]))
    except ValueError:
        return None


def holiday_fits(frame: Frame) -> bool:
    """Whether ``frame`` may answer a question naming a holiday: its period is a few days
    (:func:`_short`), or its words name a holiday (:data:`_HOLIDAY`) -- or it is a rate a day
    left undated (:func:`said_as_average`, no period: rag.vi.frames.sentence
    _undated_average), of the days around its document's day ("Những ngày cao điểm cuối năm,
    mỗi ngày có từ 1.200 - 1.500 xe" asked "dịp cuối năm"; bt17c #91)."""
    return _short(frame.period) or (frame.period is None and said_as_average(frame)) or bool(
        _HOLIDAY.search(f"{frame.indicator} {frame.parent} {frame.detail}".lower()))


# an event named with its year in a question (folded): "hội chợ Việt - Trung 2075", "doanh thu
# hội chợ năm 2074", "SEA Games 2075", "triển lãm ... năm 2066", "mùa giải 2068" -- the year
# names the edition, held some days of it, not a whole year's figure; a few words of its name
# between (no verb: "số hội chợ tổ chức năm 2075" counts the fairs of that year).  The events
# are those reports compare with by name (rag.vi.mentions _COMPARED_THING: hội chợ, lễ hội,
# mùa giải, phiên chợ, tuần văn hóa) and name with their day spans (bt18-b17 failure 7)
_EDITION_ASKED = re.compile(
    r"\b(?:hoi cho|trien lam|festival|le hoi|sea games|hoi thi|hoi dien|phien cho|mua giai|"
    r"giai dua|tuan le|tuan van hoa|hoi bao|expo|fair)\b"
    r"(?:\s+(?!(?:to chuc|dien ra|co|dat|la|trong|tai|tu|den|thang|quy|ngay)\b)[\w()-]+){0,6}?"
    r"\s+(?:nam\s+)?(?:19|20)\d\d\b"
    # English writes the year first: "the 2075 Viet-Trung trade fair", "the 2073 OCOP
    # festival" (dev3 r18-q49 refused at 1.0 for "năm 2075")
    r"|\bthe\s+(?:19|20)\d\d\s+(?:[\w()-]+\s+){0,4}?"
    r"(?:fair|fairs|expo|festival|exhibition|games|trade show|contest|conference)\b")


def edition_asked(question: str) -> bool:
    """Whether ``question`` (folded or not) names an event's edition by its year
    (:data:`_EDITION_ASKED`): its figures said for the event's days inside that year answer
    it (:func:`period_match` ``edition``)."""
    return bool(_EDITION_ASKED.search(fold(question).lower()))


# a question asking an average a day or a month ("bình quân mỗi ngày", "trung bình một
# tháng", "mỗi ngày có bao nhiêu"): only it takes a frame said as one (rag.vi.frames.indicators
# is_average) -- another asks the whole period's figure, which the average is not; and one
# naming both the averaging word and its span ("bình quân mỗi tháng") takes no count or
# quantity of a whole period (break-test b17 F6: "3.420 doanh nghiệp" of 11 months), only its
# average; a rate ("tạ/ha"), a percent or money (a wage "bình quân mỗi tháng") may still answer
# a question naming an occasion -- a holiday, a festival, a season of a few days: its figure
# may be said for those days inside the asked year (:func:`period_match`)
_OCCASION_ASKED = re.compile(r"\b(?:dip|le|tet|quoc khanh|nghi le|le hoi|holiday|festival)\b")
_AVERAGE_ASKED = re.compile(r"\b(?:binh quan|trung binh)\b|\b(?:moi|mot|1) (?:ngay|tuan|thang)\b")


@lru_cache(maxsize=4096)  # pure; asked again by every choose of one answer
def question_amounts(question: str) -> frozenset[tuple[float, float | None, str]]:
    """The amounts ``question`` writes with a unit (rag.vi.numbers.find_values), as (number,
    top of a range or None, unit folded and lower-cased): "chiều dài đường dây 22 kV" ->
    {(22.0, None, "kv")}, "số trạm biến áp 110 kV", "doanh nghiệp có vốn trên 10 tỷ đồng".
    An amount the question writes names what is asked -- a class of line, a threshold --
    and is never its answer: a frame of that value and unit is left out (:func:`choose`;
    break-test bt20-b16 failure 4: "22 kV" was answered at 0.78 for the 3.115 km of the
    22 kV lines).  Numbers with no unit (years, "6 tháng", "quý I") and percentages (a
    question may check a rate it states) are not taken."""
    return frozenset((v.low, v.high, fold(v.unit).lower()) for v in find_values(question)
                     if v.unit and not v.percent)


# where the words after a value stop naming what it counts: a stop, a comma, or a word that
# joins the next item or clause ("1.500 MVA và 27 trạm biến áp 110 kV", "với tổng dung lượng")
_CLASS_AFTER_END = re.compile(r"[,;:.](?!\d)|\s(?:và|với|còn|gồm|đạt|là|va|voi|con|gom|dat|la)\s")


# where the words after a value stop naming the class it counts: a stop, a comma, or a word
# that joins the next item ("... đạt 4 sao và 205 sản phẩm đạt 3 sao"); unlike
# :data:`_CLASS_AFTER_END` an "đạt" leads on to the class ("198 sản phẩm đạt chuẩn OCOP từ 3
# sao trở lên"), and the frame's detail may have dropped its bound ("64 nhà nghỉ trên 20 phòng"
# keeps the detail "20 phòng")
_CLASS_CLAUSE_END = re.compile(r"[,;:.(](?!\d)|\s(?:và|với|còn|gồm|trong đó|va|voi|con|gom|"
                               r"trong do)\s")


def another_named_class(before: str, after: str, units: set[str],
                        named: frozenset[tuple[float, float | None, str]]) -> bool:
    """Whether the amount in one of the class ``units`` (folded: "kv") that a frame's value
    belongs to is not one the question names (``named``: :func:`question_amounts`): the
    first such amount of ``after`` (the sentence after the value, as written) before any
    stop, comma or joining word (:data:`_CLASS_AFTER_END`: "27 trạm biến áp 110 kV"), else
    the last of ``before`` (the sentence
    up to the value): "cấp 35 kV đạt 1.240 km" is the figure of the 35 kV class, no answer
    to "chiều dài đường dây 22 kV", while "cấp 22 kV đạt 3.115 km" is (break-test bt20-b16
    failure 4).  False when neither writes such an amount."""
    own = None
    for v in find_values(_CLASS_AFTER_END.split(after, maxsplit=1)[0]):
        if fold(v.unit).lower() in units:
            own = (v.low, v.high, fold(v.unit).lower())
            break
    if own is None:
        for v in find_values(before):
            if fold(v.unit).lower() in units:
                own = (v.low, v.high, fold(v.unit).lower())
    return own is not None and own not in named


def averaged_totals(frames: list[Frame]) -> frozenset[int]:
    """The starts of the totals among ``frames`` (a passage's, in text order) whose average
    a day, a month or a year the same sentence states right after them, of the same
    indicator and period ("kim ngạch đạt 214,6 triệu USD, bình quân 21,5 triệu USD/ngày";
    "đón 46.500 lượt khách, tương đương 1.500 lượt khách/ngày": rag.vi.frames.indicators
    is_average of the next frame's verb): a question asking an average (:func:`average_asked`)
    is answered by that average, never by its total (break-test bt23-b17 Q51)."""
    return frozenset(f.start for f, g in zip(frames, frames[1:], strict=False)
                     if f.measure == g.measure == "level" and f.quote == g.quote and
                     not is_average(f.verb) and is_average(g.verb) and not f.target and
                     f.indicator == g.indicator and f.period == g.period)


def average_asked(question: str) -> str:
    """What average the question (as written or folded) asks: "span" when it names both
    the averaging word and its span ("bình quân mỗi tháng": :func:`is_average` of the
    question) -- no count or quantity of a whole period answers it; "average" when it names
    either alone ("trung bình", "mỗi ngày": :data:`_AVERAGE_ASKED`) -- a frame said as an
    average may answer; "" when it asks none -- no such frame answers.  A "span" question
    always names an average too."""
    folded = fold(question).lower()
    if averages_over_span(folded):
        return "span"
    return "average" if _AVERAGE_ASKED.search(folded) or _CAPACITY_ASKED.search(folded) else ""


# a capacity asked ("công suất thiết kế"; folded): a rate a span of time by what it is, so a
# frame said a day ("công suất thiết kế 1.500 xe mỗi ngày", read with the verb "bình quân mỗi
# ngày") answers it (break-test bt25: "Công suất thiết kế của Trung tâm ...?" answered "2 giờ"
# of another sentence; tests/test_asked_subject.py) -- a hotel's "công suất sử dụng phòng" is
# a share, no rate
_CAPACITY_ASKED = re.compile(r"\bcong suat\b(?!\s+su dung)")


def states_average_asked(question: str, sentence: str) -> bool:
    """Whether ``sentence`` may answer ``question`` as to an average: True unless the question
    names an average and its span ("bình quân mỗi ngày": :func:`average_asked` "span") and
    the sentence says none (:func:`average_asked` ""): "trong đó khách quốc tế ước đạt 9.750
    lượt" is the holiday's total, no answer to "Bình quân mỗi ngày Tết 2032 có bao nhiêu
    khách quốc tế?" (session 43 brief holidaydays), as no frame of a whole period is
    (:func:`choose`)."""
    return average_asked(question) != "span" or average_asked(sentence) != ""


def average_words(question: str) -> frozenset[str]:
    """The folded syllables ``question`` says only in its words asking an average
    (:data:`_AVERAGE_ASKED`: "bình quân", "trung bình", "mỗi ngày", "1 ngày")."""
    folded = fold(question).lower()
    spans = [m.span() for m in _AVERAGE_ASKED.finditer(folded)]
    inside: dict[str, bool] = {}
    for m in re.finditer(r"[a-z0-9]+", folded):
        held = any(s <= m.start() and m.end() <= e for s, e in spans)
        inside[m.group(0)] = inside.get(m.group(0), True) and held
    return frozenset(w for w, held in inside.items() if held)


def said_as_average(frame: Frame) -> bool:
    """Whether ``frame`` is said as an average or a rate a span of time: by its verb
    (:func:`is_average`: "Trung bình mỗi ngày", "mỗi ngày có") or its unit per span
    (:data:`_PER_SPAN_UNIT`: "khoảng 1.200 xe/ngày")."""
    return is_average(frame.verb) or bool(_PER_SPAN_UNIT.search(fold(frame.unit).lower().strip()))


# "tăng 7,36%, thấp hơn mức tăng 7,82% của năm 2029": the change a figure is compared with,
# another period's change of the same indicator -- described by the words before the figure
# it is compared to, not only by those between the two (break-test b17 K15)
_COMPARED_CHANGE = re.compile(r"\b(?:hon|so voi|bang)\s+(?:muc|toc do)\s+(?:tang|giam)"
                              r"(?:\s+truong)?\s*(?:binh quan\s*)?$")


def share_subject_bases(frame: Frame) -> frozenset[str]:
    """The basis tags (rag.vi.lexicon.BASIS_PATTERNS) the subject of a share names -- its
    indicator, the part whose share it is: "Hàng địa phương (...) chiếm 49,8% kim ngạch mở
    tờ khai" is on the declared basis (its whole's, ``frame.basis``) and of local goods, so
    "Hàng địa phương chiếm bao nhiêu % kim ngạch mở tờ khai?" names both (issue 17
    break-test bt17p: the share was refused for the basis its subject names, and the whole
    sentence served).  Empty for any other measure: a level's or a change's own words are
    its basis (tests/test_share_subject_basis.py)."""
    if frame.measure != "share" or not frame.indicator:
        return frozenset()
    return frozenset(bases_of(fold(frame.indicator).lower()))


def _difference_of(frame: Frame, before: Frame) -> bool:
    """Whether ``frame`` is a difference stated with a comparative right after ``before``, a
    level of the same indicator in the same sentence ("sản lượng ước đạt 136.000 tấn, nhiều
    hơn vụ Hè Thu 2040 là 4.200 tấn"): described, like a compared change, by the words of
    the level's clause as well ("gieo cấy ... ha lúa, sản lượng ..." is asked "sản lượng
    lúa ... tăng bao nhiêu"; break-test bt5-b17 failure 3, tests/test_stated_differences_b.py)."""
    return frame.measure == "change" and before.measure == "level" and \
        frame.verb.lower() in _COMPARATIVES and frame.indicator == before.indicator


def choose(asked: Asked, intent: Intent, hits: list[Hit], frames_of: FramesOf,
           texts: Callable[[str], str], terms: dict[str, float], idf: Callable[[str], float],
           weights: AnswerWeights, want: Period | None, question: str = "",
           head: set[str] | None = None, typed: str = "",
           asked_words: set[str] | None = None) -> list[Choice]:
    """Every frame of the passages ``hits`` that answers the asked period ``want``, best
    first (see the module's rules).  ``terms``: question term -> weight (head first);
    ``texts(doc_id)`` the document's text, for the sentence a frame stands in; ``question``
    (folded) and ``head`` (the terms before "của": "vốn đăng ký | của doanh nghiệp ...");
    ``typed``: the question as the user typed it, whose places count as well as those of
    ``question`` with its diacritics restored (a guess: "Cao Bang" restored "Cáo Bảng");
    ``asked_words``: the terms that are words of two syllables (rag.vi.words; default: those
    the folded dictionary holds)."""
    folded_q = fold(question).lower()
    paired = pair_terms(asked.acronyms)
    plan_owner_asked = asked_plan_owner(folded_q)  # whose plan: "dự toán tỉnh giao"
    # the bases the question names, its initialisms' too: "số dự án FDI" asks the foreign part
    # ("318 dự án có vốn đầu tư trực tiếp nước ngoài (FDI)"), not narrowed from the total --
    # only for the narrowing weight, as a figure written "dự án FDI" alone has no basis
    # -- and the customs office the goods are said to pass, the declared basis (bt26 kind 2)
    said_bases = asked.bases | initialism_bases(folded_q) | customs_route_bases(folded_q)
    # "phấn đấu", "được giao"; "plan" for a target asked by no kind ("chỉ tiêu", "kế hoạch")
    aim_asked = (target_aim(question) or assigned_asked(folded_q)) if asked.target else ""
    average = average_asked(question)
    average_said = average_words(question) if average else frozenset()
    receiving_said = receiving_verb_words(question)  # "đón": said by a count of visits
    per_unit_said = per_unit_words(question)  # "bình quân mỗi": the basis, no subclass
    amounts_named = question_amounts(typed or question) | question_amounts(question)
    # the units of those that name a class ("đường dây 22 kV"), not a sum of money ("vốn trên
    # 10 tỷ đồng" may still be asked in tỷ đồng) nor the unit the question asks for
    class_units = {u for _, _, u in amounts_named if not is_money(u)} - \
        {fold(intent.unit or "").lower()}
    occasion = bool(_OCCASION_ASKED.search(folded_q))
    holiday = bool(_HOLIDAY.search(question.lower())) or (
        want is not None and want.kind == HOLIDAY)  # "lễ 30/4" (rag.vi.asked)
    edition = edition_asked(question) or edition_asked(typed)
    asked_holiday = holiday_of(want) if want is not None else frozenset()
    index_like = bool(_INDEX_WORDS.search(folded_q))
    quantity_asked = bool(_QUANTITY_ASKED.search(folded_q)) and \
        not _AREA_ASKED.search(folded_q)
    priced = price_item(question)  # "giá điện": the CPI is not it (bt18-b16 failure 4)
    rate_like = bool(_RATE_WORDS.search(folded_q))
    plan_rate = bool(_PLAN_RATE.search(folded_q) or _NATIONAL_DISBURSEMENT.search(folded_q))
    left_out = excluded_asked(folded_q)  # "(không tính dịch vụ)": what the figure leaves out
    left_out_marker = excluded_marker_words(folded_q)
    counted_asked = count_noun_asked(folded_q)  # "số sản phẩm OCOP": products are counted
    rank_scope = rank_scope_asked(folded_q) if intent_ranks(folded_q) else ""
    plan_asked = _PLAN_WORD_ASKED.search(folded_q)  # "đạt bao nhiêu % dự toán"
    # "có thêm bao nhiêu sản phẩm OCOP mới?": a change asked as the count added, which a
    # count its clause says was added answers ("có 27 sản phẩm mới được công nhận")
    added_asked = asked.measure == "change" and bool(_ADDED_COUNT_ASKED.search(folded_q))
    # a count of things destroyed answers only a question of the loss (bt22c, session 50)
    lost_said = loss_asked(folded_q)
    wants_money = asked.measure == "level" and not intent.unit and \
        intent.kind != "percent" and (money_asked(folded_q) or (
            not intent.soft_unit and bool(_MONEY_WORDS.search(folded_q))))
    visits = visits_asked(folded_q)
    quantity_head = not wants_money and quantity_headed(folded_q)
    places = places_named(question) | places_named(typed)
    if asked.measure == "rank":
        places -= RANKED_OVER
    gates = gates_named(question) | gates_named(typed)
    asked_part_of_day = part_of_day(typed or question) or part_of_day_english(typed or question)
    # "cửa khẩu Hữu Nghị và Tân Thanh": both asked, whose joint figure then fits
    gates |= gates_joined(question) | gates_joined(typed)
    # a gate named bare ("nhập khẩu qua Chi Ma") that a retrieved document writes as one
    gates |= gates_through(typed or question, {texts(h.chunk.doc_id) for h in hits})
    # a whole asked over a set of places ("qua các cửa khẩu", "toàn tỉnh") naming none of
    # them: a member's figure is no answer (places.member_named; bt25 kind 1, session 53)
    whole_of_set = not gates and not places and set_asked(folded_q)
    # the public bodies named ("ngành thuế", "Cục Hải quan"): their words count as a figure's
    # heading's in a document they issued (rag.answer.places.body_of_document)
    bodies = bodies_named(question) | bodies_named(typed)
    said = frozenset(re.findall(r"[a-z0-9]+", folded_q))
    classes = asked_classes(folded_q)
    word_grades = _WORD_GRADE.findall(folded_q)  # "chợ hạng 2": ("hang", "2")
    # the classes asked with their bounds ("3 sao", "từ 3 sao trở lên": rag.vi.grades)
    # -- "tầng" typed with its marks is a class ("nhà ở 9 tầng"), though folded it is "tăng"
    grades = frozenset(g for g in graded_classes(folded_q) if g.word not in NOT_A_THING_WORDS
                       or typed_class_word(typed or question, g.number, g.word))
    grade_words = frozenset(g.word for g in grades)
    asks_candidacy = candidacy(folded_q)  # "sản phẩm tiềm năng 5 sao" asked as such
    names = named_numbers(typed or question) | named_numbers(question)
    codes = asked_codes(intent.runs, typed or question)
    animals = livestock_named(typed or question)
    written = {fold(w).lower(): w for w in re.findall(r"\w+", f"{question} {typed}")}
    aspect = aspect_said(folded_q)
    compounds = frozenset(words_in(f"{question}\n{typed or ''}"))
    said_out = said | frozenset(re.findall(r"[a-z0-9]+",
                                           fold(expand_abbreviations(question)).lower()))
    asked_bases_words = basis_words(folded_q)
    row_said = words_naming_rows(question)
    if asked_words is None:
        asked_words = {t for t in terms if t.count("_") == 1 and is_word(*t.split("_"))}
    # a name the question marks as a place's ("của Hà Vân"), counted when the document's
    # title or lead names it, never a hard rule: a person's or a firm's is written alike
    owners = (units_named(question, owner=True) | units_named(typed, owner=True)) - gates
    asked_words = set(asked_words) - gate_terms(gates) - gate_terms(owners, kinds=False)
    # the word pairs of the names asked, which a figure writing them holds as its place's name,
    # never as another word (names_another_word)
    name_terms = gate_terms(gates) | gate_terms(owners | places, kinds=False)
    # the other proper names a class word marks as asked (a market, partner, firm: "thị
    # trường Nhật Bản", "sang Hoa Kỳ"), whose figure is the one its own clause names
    # (rag.answer.places.entities_fit; bt25-b17, bt19-b17).  A bare capitalised run is no
    # such name: read as one it cost a held-out answer and dev3 r19's "của Hàn Quốc" (bg2)
    entities = frozenset() if is_english(typed or question) else (
        ((entities_marked(question) | entities_marked(typed)) - owners
         # ... and an owner written as a name after "của" ("vốn đầu tư của Đài Loan"): its
         # figure is the one its own clause names, not a sibling's (test_function_words_asked)
         | (owners & (entities_named(question) | entities_named(typed))))
        - places - gates - {fold(HOME_PLACE).lower()})
    counted = counted_thing(intent, folded_q, compounds)
    subject = asked_topic(question)
    english = is_english(typed or question)
    unit_written = written_in(intent.unit, typed) if intent.unit else ""
    first = next(iter(terms), None)
    owner_terms = set(terms) - head if head else set()
    # the kind of thing asked all of ("tại các cửa khẩu"): a scope, which a total whose parts
    # name it need not write (:func:`_kind_of_parts`)
    kinds = kind_only_words(folded_q, question)
    source_words = asked_source(folded_q)  # "thu ngân sách từ xử lý vi phạm": "xu ly vi pham"
    kind_terms = {t for t in asked_words or () if set(t.split("_")) <= kinds}
    # doc -> table -> its rows' label terms, and whether each is in money
    rows: dict[str, dict[tuple[str, int], list[_RowLabel]]] = {}
    out: list[Choice] = []
    owns: list[frozenset[str]] = []  # each candidate's own words, in the order of out
    # ... and the words of its clause, sentence and heading (describe's first six fields)
    nears: list[frozenset[str]] = []
    keys: list[tuple[str, int]] = []  # each candidate's (document, start), in that order
    seen: set[tuple[str, int]] = set()
    top_score = max((h.score for h in hits), default=0.0)
    # the corrections of the documents found: (document, its date, frame) of every figure a
    # correction withdrew or restated (rag.vi.frames.corrections)
    dates = {h.chunk.doc_id: h.chunk.date for h in hits}
    corrections = [(d, day, f) for d, day in dates.items() for f in frames_of(d)
                   if f.correction]
    for rank, hit in enumerate(hits):
        doc = hit.chunk.doc_id
        text = texts(doc)
        elsewhere = [(day, f) for d, day, f in corrections if d != doc]
        before: Frame | None = None
        before_clause: int | None = None
        passage = frames_in(hit, frames_of)
        averaged = averaged_totals(passage) if average else frozenset()
        for frame in passage:
            q0, q1 = frame.quote
            clause_start = before.end if before is not None and \
                before.quote == frame.quote else None
            if before is not None and clause_start is not None and \
                    (_COMPARED_CHANGE.search(fold(text[before.end:frame.start]).lower())
                     or _difference_of(frame, before)):
                clause_start = before_clause  # "thấp hơn mức tăng 7,82% của năm 2029"
            before, before_clause = frame, clause_start
            if (doc, frame.start) in seen:
                continue
            seen.add((doc, frame.start))
            if frame.correction == WITHDRAWN or (
                    elsewhere and withdrawn_elsewhere(frame, hit.chunk.date, elsewhere)):
                continue  # "... chứ không phải 1.284 triệu USD như đã nêu": never an answer
            forecast = frame.target != asked.target and forecast_answers(asked, frame, want)
            added_said = added_asked and frame.measure == "level" and frame.kind == "count" \
                and added_in_clause(text[q0:q1], frame.start - q0, frame.end - q0)
            if not (measure_fits(asked, frame, index_like, rate_like, plan_rate) or added_said) or \
                    (frame.target != asked.target and not forecast):
                continue
            if asked.bases - set(frame.basis) - share_subject_bases(frame):
                continue
            if frame.kind == "count" and not lost_said and \
                    lost_in_clause(text[q0:q1], frame.start - q0, frame.end - q0):
                continue  # "hỏa hoạn ... làm thiêu rụi gần 300 gian hàng": the loss
            if (frame.low, frame.high, fold(frame.unit).lower()) in amounts_named or \
                    fold(frame.unit).lower() in class_units:
                continue  # "đường dây 22 kV": the question's "22 kV" (or "35 kV") is a class
            if class_units and another_named_class(text[q0:frame.start], text[frame.end:q1],
                                                   class_units, amounts_named):
                continue  # "cấp 35 kV đạt 1.240 km" is not the length of the 22 kV lines
            rate = rate_a_day(frame, text[q0:frame.start])
            if not average and (is_average(frame.verb) or (
                    want is not None and each_day_before(text[q0:frame.start]))):
                # "bình quân mỗi ngày có 1.350 lượt" is no count of 11 months, nor "mỗi ngày
                # cảng cạn xếp dỡ khoảng 7.400 tấn" the year's tonnes (issue 17 yearflow2); a
                # unit a span ("10 chuyến/tuần") is how often, kept as the verb rule keeps it
                continue
            if frame.start in averaged:
                continue  # "đạt 214,6 triệu USD, bình quân 21,5 ...": the total, no average
            if average == "span" and not is_average(frame.verb) and frame.measure == "level" and \
                    frame.kind != "percent" and "/" not in frame.unit and \
                    not is_money(frame.unit):
                continue  # "3.420 doanh nghiệp" of 11 months is no average "mỗi tháng"
            if one_of_joint_kinds(frame.unit, folded_q):
                continue  # "58 khu, cụm công nghiệp" is no count of "cụm công nghiệp"
            if area_asked_of_money(frame, folded_q):
                continue  # "vốn đầu tư 1.120 tỷ đồng trên diện tích 214 ha": no area
            if frame.stage == ("after" if asked.earlier else "before") and not (
                    want is not None and frame.period_from == "own"):
                # "từ 6 - 8 giờ xuống còn 2 - 3 giờ": the later unless the earlier asked -- or
                # unless a period is asked and the value names its own ("giảm từ 6,84% cuối năm
                # 2074 xuống còn 4,91% cuối năm 2075": 6,84 is of 2074; bt22-b17 failure 1),
                # left to the period's match
                continue
            if holiday and not holiday_fits(frame):
                continue
            # the holiday a figure is of: the one its days name ("kỳ nghỉ lễ 30/4 - 1/5"), else
            # the one its sentence names last before it (its own clause's)
            said_holidays = frozenset() if not asked_holiday else \
                on_days(frame.period) if frame.period is not None and \
                frame.period.kind == HOLIDAY else \
                named_last(f"{frame.parent} {text[q0:frame.start]}") or \
                named_last(frame.indicator)
            if said_holidays and not said_holidays & asked_holiday:
                continue  # "Tết Dương lịch 2027" asked: no "Tết Nguyên đán ... 412.000 lượt"
            if holiday and frame.period is not None and frame.period.kind == HOLIDAY and \
                    (want is None or want.kind != HOLIDAY) and \
                    not holiday_named(question, frame.period):
                continue  # "Tết Ất Tỵ" asked: no "kỳ nghỉ lễ 30/4 - 1/5"
            match = period_match(asked, frame.period or (
                                     undated_rate_days(frame, hit.chunk.date) if average
                                     else None),
                                 holiday_year(want) if said_holidays else want,
                                 stock=(is_stock(frame) or ratio_level(frame)) and
                                 not day_stock(frame, text[q0:frame.start]),
                                 occasion=occasion, holiday=holiday, edition=edition,
                                 held=held_for_year(frame, text[q0:frame.start]),
                                 backlog=day_stock(frame, text[q0:frame.start]),
                                 season_said=want is not None and frame.period is not None
                                 and season_progress(want, frame.period) and
                                 names_asked_season(want, text[q0:q1], frame.period.end.year))
            if match == "partial" and want is not None and want.kind not in ("day", "days") \
                    and (want.end - want.start).days > 31 and \
                    day_stock(frame, text[q0:frame.start]):
                match = None  # "còn 2.900 xe chờ" on a morning is no part of a year's trucks
            if match == "exact" and rate and want is not None and \
                    want.kind not in ("day", "days") and \
                    (frame.period is None or frame.period.kind != want.kind) and \
                    not holiday_days_rate(want, frame, asked_holiday):
                # "Những ngày giáp Tết, mỗi ngày có khoảng 2.300 lượt xe" in a report "cuối năm
                # 2044": a rate of some days at the year's end, not the year's own average
                # ("Năm 2043, bình quân mỗi ngày ...": a year's) -- part of it, said as such
                match = "partial"
            if match is None:
                continue
            if match == "partial" and want is not None and \
                    inside_earlier_total(asked, want, frame, frames_of(hit.chunk.doc_id)):
                continue  # the last month of an earlier report's cumulative (bt17s)
            if asked.compared and frame.measure in ("change", "index") and \
                    other_base_year(frame, asked.compared) and \
                    not same_period_of_year(asked, frame):
                continue
            if contrary_base(asked.comparison, frame):
                continue
            if frame.measure == "plan_share" and \
                    other_plan_owner(plan_owner_asked, frame.comparison):
                continue  # "% dự toán tỉnh giao" is never the share of the huyện's (bt15-b17 5)
            if intent.trade and not trade_fits(intent.trade, frame, hit.chunk.title,
                                               text[q0:frame.start]):
                continue
            if intent.trade and not intent.money and any(
                    code != "trade_value" for _, _, code in money_indicator_at(
                        fold(expand_abbreviations(frame.indicator)).lower())):
                # a trade flow asked ("Xuất khẩu qua cửa khẩu Tân Thanh đạt bao nhiêu % kế
                # hoạch?") is no figure whose own words name another money indicator ("Số
                # thu ngân sách ... đạt 27,1% dự toán" was served at 0.73; bt25 kind 3,
                # session 53, tests/test_trade_share_of_plan_asked.py) -- its own indicator,
                # not its heading: "Thu từ hoạt động XNK" under "thu ngân sách" is of trade
                # (tests/test_budget_plan_column.py)
                continue
            if not intent.trade and "trade_value" in intent.money and \
                    part_column_unasked(frame, text, frames_of(hit.chunk.doc_id)):
                continue  # bare "kim ngạch" of a row "XK | NK | Tổng": the total (bt17v)
            if intent.money and not money_fits(intent.money, frame):
                continue  # "Kim ngạch xuất khẩu hàng may mặc" is no "doanh thu may mặc"
            if (intent.money or INDEX_CODES & set(intent.indicators)) and \
                    not index_fits(intent.indicators, intent.money, frame):
                continue  # "chỉ số sản xuất công nghiệp" is no "giá trị sản xuất công nghiệp"
            if intent.unit and not _unit_fits(intent.unit, frame,
                                               table_line_head(text[q0:q1]), folded_q,
                                               unit_written) and \
                    not class_part_fits(intent.unit, frame, folded_q):
                continue
            if intent.asks_length and not length_of_time(frame):
                continue  # "bao lâu": a length of time, never the money of its sentence
            if intent.kind == "percent" and frame.kind != "percent" and \
                    frame.measure not in ("index", "share") and not is_points(frame):
                # an index, a share and a difference in points are percentages too
                continue
            if wants_money and frame.measure == "level" and not is_money(frame.unit) and \
                    not _magnitude_only(frame.unit) and \
                    not unitless_plan_cell(frame, asked, text[q0:q1]):
                continue  # "500 triệu" of "kinh phí": money with its currency left out
            if visits and frame.measure == "level" and is_money(frame.unit):
                continue  # "lượt khách du lịch" counts visitors: no "doanh thu du lịch"
            if quantity_head and frame.measure == "level" and is_money(frame.unit):
                continue  # "lượng thanh long xuất khẩu": tonnes, not the "Trị giá" column
            if not wants_money and money_from_unasked(frame, said_out):
                continue  # "Tổng thu từ khách du lịch" is no "khách du lịch" counted
            if quantity_asked and frame.measure == "level" and _land_area(frame.unit):
                continue  # "sản lượng lúa" is no "48.200 ha lúa" sown (b17 F11)
            if priced and not price_item_fits(
                    priced, frame, text[max(q0, clause_start or q0):frame.end]):
                continue
            if intent.no_share and asked.measure == "level" and share_or_rate(frame):
                continue  # "vùng phủ sóng 3G đạt 92,4%" counts no "trạm 3G" (intent.no_share)
            if counted and not counts_asked(frame, counted,
                                            bool(intent.soft_unit and not intent.unit),
                                            _line_at(text, frame.start)) and \
                    not restates_compound(frame, counted, passage, text):
                continue
            if not items_counted(frame, counted, folded_q):
                continue  # "12/17 khoản thu" is no "số thu" (issue 17 bt21-b17 failure 4)
            # "DT DL" of its own table row is the "doanh thu du lịch" asked (rag.vi.acronyms)
            row_pairs = _spelled_in_row(frame, text[q0:q1], asked.spelled, folded_q)
            if asked_words and names_another_word(
                    frame, (asked_words - _AVERAGING_TERMS if "per_unit" in frame.basis
                            or averaged_as_asked(average, frame)
                            else asked_words) - basis_terms(asked_bases_words, frame)
                    - _kind_of_parts(kind_terms, kinds, frame, frames_of(doc))
                    - source_said(source_words, asked_words, text[q0:frame.start])
                    - place_kinds_said(asked_words, text[q0:frame.start]),
                    terms, name_terms, said_out, row_pairs) and \
                    not names_owner_asked(frame, owner_terms, lead_text(hit.chunk.title, text)):
                continue
            # "giá trị sản xuất toàn ngành" of the agriculture department's report is
            # agriculture's (rag.answer.places.sector_of_document)
            sector = sector_of_document(frame.indicator, hit.chunk.title, text)
            if subject and another_subject(frame, subject) and \
                    not set(sector.split()) & set(subject.split()):
                continue
            # "Lũy kế 10 tháng, tổng kim ngạch đạt ..." after "kim ngạch xuất nhập khẩu ...":
            # the total of the name given before, whose words are its own (bt22b, session 50)
            full_name = total_named_before(frame, frames_of(doc))
            if not english and narrower_subject(
                    frame, question, f"{_line_at(text, frame.start)} {hit.chunk.title} "
                    f"{full_name} " + " ".join(basis_held(asked_bases_words, frame))
                    + table_caption(frame, text[q0:q1]),
                    places, f"{hit.chunk.title}\n{text}", asked.acronyms + row_pairs):
                continue  # "đàn lợn nái" is no "Đàn lợn", "ca mắc sởi" no "sốt xuất huyết"
            if not english and item_unasked(text[q0:q1], frame.start - q0, question):
                continue  # "xuất khẩu chủ yếu là sầu riêng (162,4 triệu USD)": no total exports
            if not places_fit(places, frame, hit, text):
                continue
            if not gates and province_asked(folded_q) and \
                    one_gate_of(frame, hit.chunk.title, text[q0:frame.start]):
                continue  # "qua cửa khẩu" of a report on one gate: no figure of the province
            if whole_of_set and member_named(frame, text[q0:frame.start]):
                continue  # "qua cửa khẩu quốc tế Hữu Nghị": a member's, no total of the set
            if asked_part_of_day and other_part_of_day(
                    asked_part_of_day, _clause_before(text, frame.start, frame.end)):
                continue  # "chiều 03/12" is no "sáng ngày 03/12 là 1.350 xe" (dev3 r15)
            if gates and not gates_fit(gates, frame, text, hit.chunk.title):
                continue
            if entities and not entities_fit(entities, frame, text, hit.chunk.title):
                continue  # "Trung Quốc là thị trường lớn nhất" is no "thị trường Nhật Bản"
            if entities and not document_names(entities, hit.chunk.title, text):
                continue  # "vốn đầu tư với Nhật Bản": a partner the document never writes
            if owners and not document_names(owners, hit.chunk.title, text):
                continue  # "của Sa Điền": a name the document never writes
            if another_row_named(frame, doc, frames_of, text, terms, rows, wants_money,
                                 question):
                continue
            if not frame.part and table_line_head(text[q0:q1]) and \
                    joins_parts_unasked(frame.indicator, folded_q) and total_of_said_part(
                    frame.indicator, table_row_labels(frame, frames_of(doc), text), folded_q):
                continue  # "doanh thu bán lẻ hàng hóa": the row "Bán lẻ hàng hóa", no total
            own_place = " ".join(sorted(places & own_places(hit.chunk.title, text))) \
                if places else ""
            lead_place = ""
            if (gates or owners) and not document_names(gates | owners, "", text[q0:q1]):
                # a gate, unit or unlisted place the title or lead names, its sentence not:
                # the document's own (where the sentence names it, its clause says whose),
                # read as the figure's heading is, not as its own words: counted among its
                # own, it lifted a figure another held-out figure beat over 0.9
                lead_place = gates_in_lead(gates | owners, hit.chunk.title, text)
            if bodies:
                lead_place = " ".join(filter(None, (
                    lead_place, body_of_document(bodies, hit.chunk.title, text))))
            # the district, commune or province the report is headed with, the question
            # naming it without its kind ("Sơn Khê"): each figure's scope, read as its heading
            lead_place = " ".join(filter(None, (lead_place, lead_places_asked(
                folded_q, hit.chunk.title, text, text[q0:q1]))))
            # the gate asked, named as its kind and name before the value (the sentence's
            # subject: "Chi cục Hải quan ga đường sắt quốc tế Đồng Đăng đã ..., tổng kim ngạch
            # đạt ..."): its words say where the figure stands, as a lead naming it does
            lead_place = " ".join(filter(None, (lead_place, gate_phrase_said(
                (question, typed), gates, text[q0:frame.start]))))
            # the words the question names the frame's basis with, which the report may say
            # otherwise ("hàng địa phương" of "của các doanh nghiệp trên địa bàn tỉnh"),
            # counted as its heading's: enough to pass the floor, not to raise it over 0.9
            lead_place = ". ".join(filter(None, (lead_place, *(
                asked_bases_words[t] for t in frame.basis if t in asked_bases_words))))
            described = describe(frame, hit, text, weights, clause_start, own_place,
                                 lead_place, said_out)
            of_level = next((f for f in reversed(frames_of(doc)) if f.quote == frame.quote
                             and f.start < frame.start and f.measure == "level"
                             and not f.part), None) if frame.measure == "plan_share" else None
            if full_name:  # "tổng kim ngạch" of the "kim ngạch xuất nhập khẩu" given before
                described[0] = (described[0][0] | text_terms(full_name), described[0][1])
            if sector:  # its sector's words are its own
                described[0] = (described[0][0] | text_terms(sector), described[0][1])
            referred = counted_level(frame, frames_of(doc))
            if referred is not None:  # "số vụ giảm 11 vụ" of "bắt giữ 126 vụ vi phạm"
                described[0] = (described[0][0] | text_terms(
                    f"{referred.indicator} {referred.unit} {referred.detail}"), described[0][1])
            changed = count_changed(frame, frames_of(doc))
            if changed is not None:  # "đón 168.900 lượt khách, tăng 8,6%": of "lượt khách"
                described[0] = (described[0][0] | text_terms(
                    f"{changed.unit} {changed.detail}"), described[0][1])
            here = paired + pair_terms(row_pairs) if row_pairs else paired
            if here:  # "GTSXCN" of the figure is the "giá trị sản xuất công nghiệp" asked
                described = [(both_forms(t, here), w) for t, w in described]
            fields = heads_fitted(described, frame, terms, of_level,
                                  table=bool(table_line_head(text[q0:q1])))
            if other_class(frame, classes, fields[0][0]) or \
                    other_grade(word_grades, fields[0][0]):
                continue
            class_words = (f"{frame.indicator} {frame.unit} {frame.detail} "
                           f"{_CLASS_CLAUSE_END.split(text[frame.end:q1], maxsplit=1)[0]} "
                           f"{head_classes(table_line_head(text[q0:q1]))}")
            if grades and other_scope(grades, graded_classes(class_words, grade_words)):
                continue  # "từ 3 sao trở lên" is no count of the "3 sao" class, nor the reverse
            if grades and not asks_candidacy and candidacy(class_words, grade_words):
                continue  # "2 sản phẩm tiềm năng 5 sao" is no count of the "5 sao" class
            if other_named(frame, names):
                continue
            if share_of_other(asked, frame, terms, fields, frames_of(doc), folded_q,
                              topic_opened(text[q0:frame.start])):
                continue  # "Điện sản xuất ... đạt bao nhiêu % kế hoạch" of the GTSXCN's share
            if other_code(codes, fields[0][0], [f for f, _ in fields[:4]] + [fields[5][0]]):
                continue  # "132 trạm 5G", "1.240 trạm BTS" are no "trạm 3G" (rag.answer.codes)
            if animals and livestock_named(frame.indicator) and \
                    not animals & livestock_named(frame.indicator):
                # "đàn trâu" is no "Số con bò": the herd's words are one count's synonyms
                # (rag.vi.lexicon.SYNONYMS), the animal is not (bt13-b17 failure 8's kind)
                continue
            if counted_asked and frame.kind == "count" and \
                    other_count_noun(counted_asked, frame, folded_q):
                continue  # "Số sản phẩm OCOP" is no "Số HTX có sản phẩm OCOP: 88 HTX"
            scope = rank_scope_of(text[frame.end:q1]) \
                if rank_scope and frame.measure == "rank" else ""
            if scope not in ("", rank_scope):
                continue  # "xếp thứ mấy cả nước" is no "thứ 5/14 tỉnh trung du ..."
            if plan_asked and frame.measure == "plan_share" and \
                    sibling_plan_asked(frame, frames_of(doc), plan_asked.group()):
                continue  # "% dự toán?" beside "24,9% dự toán …; 22,3% chỉ tiêu …"
            if left_out and (includes_excluded(frame, left_out) or
                             part_left_out(frame, frames_of(doc), left_out)):
                # "bán lẻ hàng hóa (không tính dịch vụ)": no "... và doanh thu dịch vụ"; "thu
                # ngân sách không tính thu xuất nhập khẩu": no total listing that part
                continue
            if against_estimate(frame) and not _ESTIMATE_BASE.search(
                    fold(asked.comparison or "").lower()):
                # "cao hơn 38 tỷ đồng so với số ước tính": no change from a period -- nor the
                # growth asked without a base ("tăng trưởng bán lẻ 10 tháng", break-test b17
                # failure 3); only "cao hơn số ước tính bao nhiêu?" asks it
                continue
            if frame.measure == "change" and qualified_change(frame) and (
                    (head and not head & described[0][0]) or
                    (first is not None and first not in described[0][0])):
                # "vốn đăng ký 6.247 tỷ đồng, tăng 11,5% về số doanh nghiệp": a change whose
                # qualifier names its indicator is that indicator's only, never the change of
                # the noun its clause or sentence holds, nor of a generic head ("giá trị")
                # its own words lack (issue 17 bt9-b17 failure 8)
                continue
            if frame.measure == "change" and part_asked(frame, frames_of(doc), terms,
                                                        folded_q):
                # "Sản lượng thủy sản ... 27.640 tấn, tăng 4,8%, trong đó khai thác 9.380
                # tấn": the total's change is no change of the part the question names
                # (issue 17 bt10-b17 failure 5)
                continue
            broader = unnamed_subclass(intent.runs, fields, compounds) or unwritten_compound(
                intent.runs, fields[0][0], compounds, " ".join((
                    frame.indicator, frame.parent, frame.context, text[q0:q1],
                    hit.chunk.title)))
            if broader and "per_unit" in frame.basis:
                broader = tuple(w for w in broader if w not in per_unit_said)
            if broader and intent.trade == "import_export" and \
                    trade_named(frame, hit.chunk.title, text[q0:frame.start]) == "import_export":
                # a gate's "kim ngạch" alone is its total trade (trade_named): "xuất nhập
                # khẩu" asked of it names no part it leaves out (break-test bt25 kind 2)
                broader = tuple(w for w in broader if w not in _TRADE_SYLLABLES)
            if broader:
                # "cả năm 2063 kim ngạch trái cây ước vượt ..." after "Kim ngạch xuất khẩu trái
                # cây ...": a short form of a name the document gave before is that name, no
                # whole of the subclass its dropped words name (issue 17 bt15-b17 failure 8)
                dropped = words_dropped(frame, frames_of(doc))
                broader = place_phrase_out(tuple(w for w in broader if w not in dropped),
                                           written, lead_text(hit.chunk.title, text))
            # "tại các cửa khẩu" before the value: where it stands, its own (place_said)
            owns.append(fields[0][0] | place_kinds_said(asked_words or (), text[q0:frame.start])
                        | column_words_said(asked_words or (), text[q0:q1]))
            nears.append(frozenset().union(*(f for f, _ in fields[:6])))
            keys.append((doc, frame.start))
            owner = {t: weights.frame_owner_title for t in owner_terms & fields[5][0]}
            # a classifier the question adds ("khu vực dịch vụ", "tăng thêm") that no field of
            # the frame holds weighs nothing either way (bt18-b17 failure 1)
            held = class_words_unheld(terms, fields)
            if scope:
                # "trong vùng" held by "thứ 5/14 tỉnh trung du và miền núi phía Bắc"
                held = _terms_without(held, _RANK_SCOPE_WORDS)
            if left_out_marker:
                held = _terms_without(held, left_out_marker)
            if left_out and not re.search(_EXCLUDED_MARK + re.escape(left_out),
                                          fold(text[q0:q1]).lower()):
                # "(không tính dịch vụ)" over the row "Bán lẻ hàng hóa": what the question
                # leaves out is no word a figure must hold whose sentence leaves nothing out
                # in those words -- one that does ("nếu không kể tiền sử dụng đất, thu nội
                # địa đạt ...") keeps them asked of its figures (dev2 e058)
                held = _terms_without(held, left_out_marker | set(left_out.split()))
            held = trade_value_said(held, frame, intent.trade, (
                f"{frame.indicator} {frame.detail}", frame.parent, text[q0:frame.start],
                frame.context, hit.chunk.title), frozenset().union(*(f for f, _ in fields[:6])))
            if "per_unit" in frame.basis:
                held = per_unit_unheld(held, fields, per_unit_said)
            # "Bình quân mỗi ngày có bao nhiêu xe" over "Trung bình mỗi ngày ... 800 - 950 xe"
            # or "khoảng 1.200 xe/ngày": the averaging words asked are said by the verb or the
            # unit, in words of their own -- held as the frame's own (tests/test_daily_averages_
            # asked.py)
            said_fields = fields + [(frozenset(t for t in held if set(t.split("_")) <=
                                               average_said), 1.0)] \
                if average_said and said_as_average(frame) else fields
            if receiving_said and counts_visits(frame, table_line_head(text[q0:q1])):
                # "Lạng Sơn đón bao nhiêu lượt khách" over "lượng khách đến Lạng Sơn đạt
                # 121.000 lượt": the verb is said by what the figure counts
                said_fields = said_fields + [(frozenset(
                    t for t in held if set(t.split("_")) <= receiving_said), 1.0)]
            if frame.target:
                # "dự toán HĐND tỉnh giao (3.385 tỷ đồng)": whose plan the amount is, said
                # before it, is the target's own (tests/test_bracketed_plan_and_listed_units.py)
                said_fields = said_fields + [(plan_issuer_said(held, text[q0:frame.start]), 1.0)]
            if asked.measure == frame.measure == "plan_share":
                # "đạt 105,2% chỉ tiêu được giao" asked "% kế hoạch", "% dự toán": the plan's
                # words however the question writes them are stated by the share's measure
                # (break-test bt22b, session 50)
                said_fields = said_fields + [(frozenset(
                    t for t in held if plan_word_term(t, folded_q)), 1.0)]
            if added_said:
                # "có thêm bao nhiêu": the count its clause says was added states the "thêm"
                held = {t: w for t, w in held.items() if t not in _ADDED_TERMS}
            coverage = _coverage(said_fields, _target_said(_measure_said(
                asked.measure, held, frame, bool(table_line_head(text[q0:q1]))), frame,
                folded_q), owner)
            extra = _extra_share(frame, terms, idf, said)
            score = coverage * (1 - weights.frame_extra_penalty * extra)
            own = fields[0][0]
            head_own = first is not None and first in own
            head_missing = bool(head) and not (head or set()) & own
            soft_miss = intent.soft_unit is not None and not _unit_fits(intent.soft_unit, frame)
            # a short name of a fuller one given before is on that name's basis: the month's
            # "tổng kim ngạch" after the quarter's "... hàng hóa làm thủ tục ..." is no whole
            # the quarter's declared goods are a part of (bt25 kind 3, session 52)
            bases = set(frame.basis) | set(bases_named_before(frame, frames_of(doc)))
            narrowing = bool(bases & NARROWING_BASES - said_bases)
            qualified = narrowed_by(frame, said_out) or \
                sibling_qualified(frame, frames_of(doc), said_out) or \
                beside_whole_row(frame, frames_of(doc), row_said) or \
                whole_row_wider(frame, frames_of(doc), row_said) or \
                whole_narrowed(frame, said_out) or \
                item_of_listed_whole(frame, text, said_out)
            other_base = other_comparison(asked.comparison, frame)
            if head_own:
                score *= 1 + weights.frame_head_bonus
            if head_missing:
                score *= weights.frame_head_missing
            if soft_miss:
                score *= weights.soft_unit_miss
            if narrowing or qualified or wider_listed(frame, frames_of(doc), said_out) or \
                    wider_scope(frame, said_out):
                # the indicator asked exactly beats one narrower or wider than it
                score *= weights.frame_narrow_basis
            aim_other = other_aim(aim_asked, frame)
            if match == "partial" or forecast or aim_other:
                # a forecast weighs as a part of the period does: a year's reported figure
                # goes before it
                score *= weights.frame_partial
            if other_base:
                score *= weights.frame_other_comparison
            score *= dict(weights.frame_source).get(frame.period_from, 1.0)
            score /= 1 + weights.figure_rank_decay * rank
            features = [*_field_shares(fields, held, owner_terms), extra, head_own,
                        head_missing, soft_miss, narrowing, match == "partial", other_base,
                        *(frame.period_from == s for s in PERIOD_SOURCES),
                        1 / (1 + rank), hit.score / top_score if top_score > 0 else 0.0]
            out.append(Choice(frame, hit, match, score, coverage,
                              tuple(float(f) for f in features), narrowing or qualified,
                              broader, forecast=forecast, other_aim=aim_other,
                              own_part=narrowed_by(frame, said_out),
                              listed_one=one_of_listed_nouns(frame, folded_q)))
    # a subclass named by words is one the reports give only when another candidate's own
    # words hold them: else the words are the question's own way of naming the whole ("lượt
    # khách du lịch" of a frame "lượt khách"); a class named by a number always is
    # -- or when a figure of the passages found of the same unit and period names them, though
    # no candidate (a table's rows under a "xuất nhập khẩu" heading answer no import
    # question: trade_fits): "nhập khẩu phân bón" is then not the import total (bt17-b16 4)
    classes_at = dict(classes)
    apart = [f for hit in hits for f in frames_in(hit, frames_of)] \
        if any(c.broader for c in out) else []
    out = [replace(c, broader=tuple(f"{w} {classes_at[w]}" if w in classes_at else
                                    written.get(w, w) for w in c.broader),
                   named=part_named(c.broader, classes_at, written, typed or question, aspect))
           if any(w.isdigit() for w in c.broader) or any(
               subclass_held(c.broader, own, near)
               and not held_in_place_name(c.broader, d.frame)  # "Khu du lịch Mẫu Sơn"
               for d, own, near in zip(out, owns, nears, strict=True) if d is not c)
           or names_part_apart(c, apart) or share_apart(c, apart) is not None
           or named_group(c.broader, intent.runs, texts(c.hit.chunk.doc_id))
           else replace(c, broader=()) for c in out]
    # words the question adds to its scope ("tổng kim ngạch ... (cả các cửa khẩu phụ)") name
    # no subclass: a frame without them is a part of the scope asked, not its whole
    # (break-test bt17-b17 failure 9)
    scopes = included_scope(typed or question) or included_scope(question)
    if scopes:
        mine = [{p for t in own for p in t.split("_")} for own in owns]
        out = [_as_part(c, scopes, own, [m for k, m in enumerate(mine) if k != i],
                        texts(c.hit.chunk.doc_id)[c.frame.quote[0]:c.frame.quote[1]])
               for i, (c, own) in enumerate(zip(out, mine, strict=True))]
    # ... a part given apart whose own words, total, heading and title name no one trade
    # ("Phân bón: 96,5 triệu USD" under "XUẤT NHẬP KHẨU") is a figure of it all the same:
    # the caveat says what it leaves unsaid, not that the report has none (bt17-b16 4)
    titled = [(f, hit.chunk.title) for hit in hits for f in frames_in(hit, frames_of)] \
        if intent.trade in ("export", "import") and any(c.broader for c in out) else []
    out = [replace(c, unstated=(f"{written_name(part[0].indicator)} ({part[0].value})",
                                TRADE_UNSAID))
           if (part := next(((f, t) for f, t in titled if part_apart(c, [f]) is not None),
                            None)) is not None and trade_unstated(*part) else c for c in out]
    out = whole_rows_cover(out, row_said)
    best_cov = max((c.coverage for c in out), default=0.0)
    n_log = math.log1p(len(out))
    out = [replace(c, features=c.features + (best_cov - c.coverage, n_log)) for c in out]
    out = outworded(out, dict(zip(keys, owns, strict=True)), asked_words, set(terms),
                    bool(_STOCK_ASKED.search(folded_q)),
                    said if asked.measure == "plan_share" else frozenset(),
                    [wider_scope(c.frame, said_out) for c in out])
    out = unmeasured_outworded(out, folded_q)
    out.sort(key=lambda c: -c.score)
    # a part is asked only by its name: the kind "các cửa khẩu" names every gate, no one
    # -- nor does a pair joining a function word to the kind ("tai_cua" of "tại cửa khẩu")
    def of_kind(t: str) -> bool:
        """Whether the term ``t`` is said only of the kind asked all of."""
        words = set(t.split("_"))
        return words <= kinds or (bool(words & kinds) and words <= kinds | _NO_KIND_WORDS)

    q_pairs = frozenset(t for t in text_terms(folded_q) if "_" in t and not of_kind(t))
    out = wholes_first(out, said - kinds, q_pairs, texts)
    out = parts_first(out, {t: w for t, w in terms.items() if not of_kind(t)}, said, q_pairs)
    if asked.measure == "change" or (asked.measure == "level" and index_like and
                                     not asked.explicit_level and
                                     not INDEX_BASE.search(question)):
        # an index such as IIP or CPI is reported as its change ("IIP năm 2018 tăng 8,71%");
        # "(năm trước = 100)" asks for the index itself
        out = changes_first(out)
        out = stated_differences_first(out, asked, folded_q)
    elif asked.measure == "level" and index_like and INDEX_BASE.search(question):
        # "(năm trước = 100)": the index itself, before the change a report states of it --
        # as ``changes_first`` puts the change first otherwise (tests/test_figure_kinds.py)
        out = indexes_first(out)
    # after the order in time: "hiện nay" puts the year's additions (to 31/12) before the
    # count at 15/12 they are no stock of
    ordered = averages_first(time_order(asked, want, out, weights.frame_latest_band),
                             average)
    return added_or_total(ordered, folded_q, undated=want is None and not asked.periods
                          and asked.latest is None)


# a unit said per span of time ("xe/ngày", "lượt/tháng", "tấn/ngày đêm"), folded
_PER_SPAN_UNIT = re.compile(r"/\s*(?:ngay(?: dem)?|ngd|tuan|thang)$")


def averages_first(choices: list[Choice], average: str) -> list[Choice]:
    """``choices`` (best first) with, when the question asks an average (``average``, from
    :func:`average_asked`: "mỗi ngày", "bình quân"), the frames said as one -- an averaging
    verb (:func:`is_average`: "Trung bình mỗi ngày") or a unit per span ("khoảng 1.200
    xe/ngày") -- before those that are not, each group in its order: "Số xe mới đến cửa khẩu
    Hữu Nghị mỗi ngày?" asks the daily arrivals, not the trucks still waiting on the report's
    day, which its words name as well ("xe", "cửa khẩu Hữu Nghị"; tests/test_daily_flows.py,
    which the owner-word reading of "cửa" had passed by luck: "Mỗi ngày có bao nhiêu xe mới
    đến …" got the stock on 71d37a7).  No average asked, or none said: the order stands."""
    if not average:
        return choices
    said = [c for c in choices if said_as_average(c.frame)]
    if not said or len(said) == len(choices):
        return choices
    return said + [c for c in choices if not any(c is d for d in said)]


def _unit_words(unit: str) -> frozenset[str]:
    """The folded words of ``unit`` but its magnitude ("nghìn", "triệu"), and those of its
    synonyms (rag.vi.lexicon.UNIT_SYNONYMS): "phương tiện" -> phuong, tien, xe, container,
    ...; "nghìn lượt" -> luot, khach, nguoi."""
    words = set(fold(unit).lower().split()) - UNIT_MAGNITUDES
    folded = " ".join(w for w in fold(unit).lower().split() if w in words)
    for group in UNIT_SYNONYMS:
        if folded in group:
            words |= {w for name in group for w in name.split()}
    return frozenset(words)


def typed_class_word(typed: str, number: str, word: str) -> bool:
    """Whether ``typed`` (a question as typed) writes ``number`` then a word folding to
    ``word`` that is written with other marks than a verb of change ("9 tầng", not "9 tăng":
    rag.vi.text.mark_change_lookalike) -- a class named, though its folded word is one of
    NOT_A_THING_WORDS (tests/test_class_bounds.py)."""
    for m in re.finditer(rf"(?<![\w.,]){re.escape(number)}\s+(\w+)", typed):
        written = m.group(1)
        if fold(written).lower() == word and mark_change_lookalike(written) != written:
            return True
    return False


def asked_classes(folded: str) -> list[tuple[str, str]]:
    """The classes a (folded) question names by a number and the word after it ("sản phẩm
    OCOP 5 sao": ("5", "sao")), as (number, word); a number of a period ("6 tháng") or one
    that is a year names none."""
    return [(n, w) for n, w in re.findall(r"\b(\d{1,3}) ([a-z]+)\b", folded)
            if w not in NOT_A_THING_WORDS]


def other_class(frame: Frame, classes: list[tuple[str, str]], own: frozenset[str]) -> bool:
    """Whether ``frame``'s own words (``own``: :func:`describe`'s first field) name another
    class of the same word than the question (``classes``: :func:`asked_classes`): "2 sản
    phẩm 5 sao" is no answer to "sản phẩm OCOP 2 sao", nor "263 sản phẩm đạt từ 3 sao"."""
    return any(f"{n}_{w}" not in own and any(t.endswith(f"_{w}") and t[:-len(w) - 1].isdigit()
                                              for t in own) for n, w in classes)


# a grade named by its word, then its number (folded): "hạng 2", "loại 1", "cấp 3"
_WORD_GRADE = re.compile(r"\b(hang|cap|loai|bac) (\d{1,2})(?![\w.,/])")


def other_grade(grades: list[tuple[str, str]], own: frozenset[str]) -> bool:
    """Whether a frame's own words (``own``: :func:`describe`'s first field, pairs joined by
    "_") name another grade of a word the question grades by its word, then its number
    (``grades``: (word, number) of :data:`_WORD_GRADE`: ("hang", "4") of "số chợ hạng 4"),
    and not that one: the column "Chợ hạng 1" (rag.vi.grades.head_classes) is no answer to
    "chợ hạng 4" -- the rule :func:`other_class` keeps for a number before its word ("4 sao")
    (break-test s44 bt17o's kind; tests/test_class_columns.py)."""
    return any(f"{w}_{n}" not in own and any(t.startswith(f"{w}_") and t[len(w) + 1:].isdigit()
                                             for t in own) for w, n in grades)


def class_words_unheld(terms: dict[str, float],
                       fields: list[tuple[frozenset[str], float]]) -> dict[str, float]:
    """``terms`` (question term -> weight) without the classifier and category head nouns
    (rag.vi.lexicon.CLASS_HEAD_TERMS) and the adverbs of "tăng thêm", "tăng được", "giảm đi"
    (CHANGE_ADVERB_TERMS, right after "tăng"/"giảm") that none of a frame's
    ``fields`` (:func:`describe`) holds: "giá trị sản xuất khu vực dịch vụ" asks the figure
    "dịch vụ 1.290 tỷ đồng" is, and "khu vực" weighed as much as a name it fell under the
    coverage floor and was refused at 1.0 (break-test bt18-b17 failure 1).  A field holding
    one still counts it; "khối" before "lượng" is the quantity "khối lượng", kept."""
    order = list(terms)
    drop = {t for i, t in enumerate(order) if t in CHANGE_ADVERB_TERMS and i > 0
            and order[i - 1] in ("tang", "giam") and not any(t in f for f, _ in fields)}
    for i, t in enumerate(order):
        # one term ("khu_vuc"), or two syllables where the corpus never writes the pair
        # ("linh", "vuc" of "lĩnh vực"; rag.answer.answerer segments by the corpus)
        pair = order[i:i + 2] if "_".join(order[i:i + 2]) in CLASS_HEAD_TERMS and \
            i + 1 < len(order) else [t] if t in CLASS_HEAD_TERMS else []
        if not pair or (t == "khoi" and order[i + 1:i + 2] == ["luong"]):
            continue
        if not any(all(w in field for w in pair) for field, _ in fields):
            drop.update(pair)
    return {t: w for t, w in terms.items() if t not in drop}


def other_named(frame: Frame, names: frozenset[tuple[str, str]]) -> bool:
    """Whether ``frame``'s indicator names, by the same word, another thing by a number than
    the question (``names``: rag.vi.numbers.named_numbers of it): "Số học sinh tuyển vào lớp
    6" is no answer to "... lớp 10", nor "Quốc lộ 4B" to "Quốc lộ 1A" (break-test bt9-b16
    failure 3)."""
    if not names:
        return False
    own = named_numbers(f"{frame.parent} {frame.indicator}")
    asked = {w for w, _ in names}
    return any(w in asked and (w, n) not in names for w, n in own)


def basis_words(folded: str) -> dict[str, str]:
    """The words with which ``folded`` (a folded question) names each basis it names
    (rag.vi.lexicon.BASIS_PATTERNS), phrases apart by ". ": {"local_goods": "hang dia
    phuong"} from "xuất khẩu hàng địa phương"."""
    return {tag: ". ".join(m.group(0) for m in pat.finditer(folded))
            for tag, pat in BASIS_RES if pat.search(folded)}


def basis_terms(said: dict[str, str], frame: Frame) -> frozenset[str]:
    """The question's two-syllable words that only name a basis ``frame`` is on (``said``:
    :func:`basis_words`): the basis is said in the frame's own words, which need not be the
    question's -- "hàng địa phương" asked, "của các doanh nghiệp trên địa bàn tỉnh" written
    (rag.vi.lexicon BASIS_PATTERNS "local_goods": one basis said both ways), whose "địa" of
    "địa bàn" is then no other word of the "địa phương" asked (break-test bt17 of session 39,
    kind 2; tests/test_local_goods_parts.py)."""
    held = basis_held(said, frame)
    return frozenset(f"{a}_{b}" for a in held for b in held)


def basis_held(said: dict[str, str], frame: Frame) -> frozenset[str]:
    """The syllables of ``said`` (:func:`basis_words`) naming a basis ``frame`` is on: what
    the frame says in its own words, which :func:`narrower_subject` then reads as its own
    ("hàng địa phương" of a figure "của các doanh nghiệp trên địa bàn tỉnh")."""
    return frozenset(w for tag in frame.basis for w in re.findall(r"[a-z0-9]+",
                                                                    said.get(tag, "")))


# the per-unit words of a question (folded), as the basis "per_unit" reads them
# (rag.vi.lexicon.BASIS_PATTERNS): "bình quân mỗi", "trung bình trên một"
_PER_UNIT_BASIS = re.compile(dict(BASIS_PATTERNS)["per_unit"])


def holiday_days_rate(want: Period, frame: Frame, asked_holiday: frozenset[str]) -> bool:
    """Whether ``frame``, a rate a day, is of the asked holiday's own days (``want`` a
    holiday, ``asked_holiday`` its names: rag.vi.holidays.holiday_of): its period is a span
    of days that touches that holiday's main days (rag.vi.holidays.on_days: "từ 27/4 đến
    1/5/2030" of "dịp lễ 30/4 - 1/5") -- the holiday's average a day, exactly, not a part
    of a longer asked period said as such ("Bình quân mỗi ngày có khoảng 19.080 lượt khách"
    of a report "Trong 5 ngày nghỉ lễ ... (từ ngày 27/4 đến hết ngày 01/5/2030)" answers
    "Bình quân mỗi ngày lễ 30/4/2030 ...", which read it as partial; session 43 brief
    holidaydays)."""
    return want.kind == HOLIDAY and frame.period is not None and \
        frame.period.kind == "days" and bool(on_days(frame.period) & asked_holiday)


def averaged_as_asked(average: str, frame: Frame) -> bool:
    """Whether a question asking an average (``average``: :func:`average_asked`, "" when it
    asks none) meets a frame said as one (:func:`said_as_average`: "Bình quân mỗi ngày có
    khoảng 19.080 lượt khách đến tham quan"): the frame's verb says the question's averaging
    words ("bình quân", "trung bình": :data:`_AVERAGING_TERMS`), so they are no word it lacks
    -- else a folded syllable they share with another of its words ("quân" and the "quan"
    of "tham quan", "trung" of "Trung Quốc") read it as another indicator (session 43 brief
    holidaydays: "Bình quân mỗi ngày lễ 30/4/2030 bao nhiêu lượt khách?" refused at 0.86)."""
    return bool(average) and said_as_average(frame)


# the averaging words of a per-unit basis, as terms: "bình quân" and "trung bình" say one
# basis, so a frame "trung bình cho mỗi container" answers "bình quân mỗi container"
_AVERAGING_TERMS = frozenset({"binh_quan", "trung_binh"})
# the source a question names ("thu nộp ngân sách từ xử lý vi phạm", "thu từ hoạt động xuất
# nhập khẩu"): "từ" and the words after it to a period, a question word or the clause's end
_SOURCE_ASKED = re.compile(
    r"\btu ((?:(?!dip|nam|thang|quy|trong|bao|la|dat|cua|tai)[a-z]+ ?){1,6})")


def asked_source(folded_q: str) -> frozenset[str]:
    """The folded words of the source the question ``folded_q`` (folded, lower case) names
    after "từ" ("thu nộp ngân sách từ xử lý vi phạm dịp Tết 2038" -> {"xu", "ly", "vi",
    "pham"}), up to its period or question words; empty when it names none.  "từ" before a
    number or date ("từ 6 - 8 giờ", "từ tháng 3") names no source and gives nothing."""
    out: set[str] = set()
    for m in _SOURCE_ASKED.finditer(folded_q):
        out |= set(m.group(1).split())
    return frozenset(out)


def source_said(source: frozenset[str], asked: Iterable[str], before: str) -> frozenset[str]:
    """The asked two-syllable words (``asked``, folded terms "xu_ly") of the source the question
    names (``source``: :func:`asked_source`) that ``before`` -- the figure's sentence up to its
    value -- writes: "xử lý 241 vụ vi phạm, thu nộp ngân sách 1,87 tỷ đồng" says where the
    money came from in the clause before it, so its "xử lý" is no other word the figure lacks
    (:func:`names_another_word`: its indicator's "quản lý" of "lực lượng quản lý thị trường"
    shares "lý"; break-test bt16j, refused at 0.51; tests/test_counted_row_words.py)."""
    if not source:
        return frozenset()
    held = with_bigrams(positions(before))
    return frozenset(t for t in asked if set(t.split("_")) <= source and t in held)


def per_unit_words(question: str) -> frozenset[str]:
    """The folded syllables of the per-unit words ``question`` (as written or folded) says
    ("doanh thu bình quân mỗi hợp tác xã" -> {"binh", "quan", "moi"}; "trung bình trên
    một lao động" -> {"trung", "binh", "tren", "mot"}): the basis "per_unit"
    (rag.vi.lexicon.BASIS_PATTERNS), however it is said -- no subclass a frame stated per
    unit must name (:func:`unnamed_subclass`).  A report writes "bình quân của một hợp tác
    xã" and is asked "bình quân một/mỗi hợp tác xã" (break-test bt20-b16 failure 3)."""
    folded = fold(question).lower()
    return frozenset(w for m in _PER_UNIT_BASIS.finditer(folded) for w in m.group(0).split())


def per_unit_unheld(terms: dict[str, float], fields: list[tuple[frozenset[str], float]],
                    said: frozenset[str]) -> dict[str, float]:
    """``terms`` (question term -> weight, folded, pairs joined by "_") without those made
    only of the question's per-unit words ``said`` (:func:`per_unit_words`) that none of a
    frame's ``fields`` (:func:`describe`) holds -- for a frame stated per unit (basis
    "per_unit"), which says its basis in its own words ("bình quân của một", "trung bình
    cho mỗi"): the "mỗi" of "bình quân mỗi hợp tác xã" then weighs nothing and the figure is
    not refused under the coverage floor (break-test bt20-b16 failure 3).  ``terms`` itself
    when nothing else would be left."""
    return {t: w for t, w in terms.items()
            if not set(t.split("_")) <= said or any(t in f for f, _ in fields)} or terms


# what a question says of when or how a count stands, each read by a rule of its own -- the
# day asked ("hiện nay", "hiện có", "đến nay": rag.vi.mentions HELD_NOW and its now words;
# :func:`latest_match`), the running total against what was added ("tổng số", "lũy kế",
# "mới", "thêm": :data:`_TOTAL_ASKED`, :data:`_ADDED_ASKED`), an average ("bình quân",
# "mỗi ngày": :data:`_AVERAGE_ASKED`) -- never a part of the thing asked: "Số sản phẩm OCOP
# hiện có?" over "tổng số sản phẩm OCOP ... đã nâng lên 225 sản phẩm" said "không có số liệu
# riêng hiện" (issue 17, s40 stockflow helper; bt17b).  Not the "hiện" of "thực hiện", "giá
# hiện hành" (a basis), nor the "mới" of "nông thôn mới", "đổi mới", "môi trường", nor
# "bình quân đầu người" (per capita, a basis: rag.vi.lexicon BASES)
_ASPECT_SAID = re.compile(
    r"\b(?:tong so|tong cong|luy ke|cong don|(?:tinh |cho )?den nay|"
    r"(?<!thuc )(?<!the )(?<!xuat )(?<!phat )(?<!bieu )(?<!tai )hien(?! hanh)(?: (?:nay|tai|co))?|"
    r"(?:binh quan|trung binh)(?! dau nguoi)|(?:moi|mot|1) (?:ngay|tuan|thang)|them|"
    r"(?<!thon )(?<!doi )moi(?! truong))\b")


def aspect_said(folded: str) -> frozenset[str]:
    """The syllables of a (folded) question said only in its words of time or aspect
    (:data:`_ASPECT_SAID`): no word of a subclass :func:`unnamed_subclass` may name."""
    spans = [m.span() for m in _ASPECT_SAID.finditer(folded)]
    inside: dict[str, bool] = {}
    for m in re.finditer(r"[a-z0-9]+", folded):
        held = any(s <= m.start() and m.end() <= e for s, e in spans)
        inside[m.group(0)] = inside.get(m.group(0), True) and held
    return frozenset(w for w, held in inside.items() if held)


def part_named(words: tuple[str, ...], classes: Mapping[str, str], written: Mapping[str, str],
               question: str, aspect: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The subclass :func:`unnamed_subclass` found (``words``, folded) as the question writes
    it (``written``), for the caveat "không có số liệu riêng ...": without the words of time
    or aspect (``aspect``: :func:`aspect_said`); a number with the word after it that makes it
    a class (``classes``: :func:`asked_classes`, "4 sao"), else with the content word the
    question writes before it ("RON 95", "hạng 2", "Euro 5") -- a number alone names no part
    ("không có số liệu riêng 4", issue 17 bt17b) and stays bare only when no such word stands
    beside it."""
    out: list[str] = []
    for k, w in enumerate(words):
        if w in aspect:
            continue
        if w in classes:
            out.append(f"{w} {classes[w]}")
        elif not w.isdigit():
            out.append(written.get(w, w))
        else:
            before = [m.group(1) for m in re.finditer(r"(\w+)\s+" + re.escape(w) + r"(?!\w)",
                                                        question)
                      if not m.group(1).isdigit() and fold(m.group(1)).lower() not in STOPWORDS]
            named = before[0] if before and (not k or fold(before[0]).lower() != words[k - 1]) \
                else ""
            out.append(f"{named} {w}".strip())
    return tuple(out)


def subclass_held(broader: tuple[str, ...], own: frozenset[str],
                  near: frozenset[str]) -> bool:
    """Whether another candidate names the subclass whose words ``broader`` (folded
    syllables, :func:`unnamed_subclass`) a frame lacks: its own words (``own``, terms, pairs
    joined by "_") hold them all -- or hold the last, the class's own name, and its clause,
    sentence or heading (``near``: :func:`describe`'s first six fields) the rest.  "Có bao
    nhiêu hợp tác xã xếp loại tốt năm 2028?" and "Số hợp tác xã đạt loại khá" name the class
    of "Về xếp loại, có 94 hợp tác xã đạt loại tốt, 167 hợp tác xã loại khá ..." whose own
    words lack the "xếp" or the "đạt" its sentence writes: the year's "giải thể 5 hợp tác xã"
    was served as the class at 0.72 (issue 17 break-test bt17f; tests/test_asked_class_words.py).
    A class no candidate's own words name ("loại xuất sắc") is none the reports give."""
    if not broader:
        return False
    mine = {p for t in own for p in t.split("_")}
    if set(broader) <= mine:
        return True
    close = mine | {p for t in near for p in t.split("_")}
    return broader[-1] in mine and set(broader) <= close


def unnamed_subclass(runs: tuple[tuple[str, ...], ...],
                     fields: list[tuple[frozenset[str], float]],
                     compounds: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The words of a subclass the question names that a frame does not: in a run of the
    question's content words (``runs``, folded syllables), a word after one the frame's own
    words hold ("xuất khẩu hoa quả", "sản phẩm OCOP 5") that none of its own words, total,
    clause, heading, sentence or title (``fields``, :func:`describe`) holds -- a number must be
    in its own words; the title counts, as "khách du lịch" is every "khách" of a report titled
    "Hoạt động du lịch".  Such a frame is the whole of what is asked, not the subclass: "kim
    ngạch xuất khẩu qua địa bàn" for "kim ngạch xuất khẩu hoa quả".  Words are the
    question's two-syllable dictionary words as written (``compounds``, folded "san_luong":
    rag.vi.words.words_in), else syllables: a word is after one the frame holds only when
    that one is whole in the frame's own words -- the "sản" of "sản lượng" is not that of
    "sản xuất", so "sản lượng điện sản xuất" names no subclass of "Điện sản xuất"."""
    own = fields[0][0]
    near = frozenset().union(*(f for f, _ in fields[:6]))
    missing: list[str] = []
    for run in runs:
        groups: list[tuple[str, ...]] = []
        i = 0
        while i < len(run):
            n = 2 if i + 1 < len(run) and f"{run[i]}_{run[i + 1]}" in compounds else 1
            groups.append(run[i:i + n])
            i += n
        for j, group in enumerate(groups):
            if not any(all(w in own for w in g) for g in groups[:j]):
                continue
            missing.extend(w for w in group if w not in (own if w.isdigit() else near)
                           and not _class_head_at(groups, j))
    return tuple(missing)


def names_owner_asked(frame: Frame, owner_terms: set[str], lead: str) -> bool:
    """Whether ``frame``'s indicator names one of the question's words after "của"
    (``owner_terms``, folded terms, pairs joined by "_") that the document's title,
    letterhead and lead (``lead``: rag.answer.places.lead_text) do not: the part or partner
    asked ("vốn đầu tư của Hàn Quốc") that the figure's own clause names ("Hàn Quốc dẫn đầu
    với 520 triệu USD").  Such a figure is the one asked though a syllable of its verb
    ("dẫn đầu") is one of the question's words ("đầu tư"): the total was served instead at
    0.85 (break-test bt19-b17 failure 8).  The report's own place ("của Lam Giang") is no
    such part."""
    own = set(re.findall(r"\w+", fold(frame.indicator).lower()))
    lead_words = set(re.findall(r"\w+", fold(lead).lower()))
    return any(all(w in own for w in t.split("_")) and not all(w in lead_words
                                                               for w in t.split("_"))
               for t in owner_terms if not t[:1].isdigit() and len(t) > 1)


def place_phrase_out(words: tuple[str, ...], written: Mapping[str, str],
                     lead: str) -> tuple[str, ...]:
    """``words`` (folded syllables of a subclass :func:`unnamed_subclass` found) without the
    prepositions (rag.vi.lexicon.PREPOSITIONS_EXACT, as typed: ``written`` maps a folded
    syllable to its written form) and, after one, the words that the document's title,
    letterhead or lead (``lead``: rag.answer.places.lead_text) names as one phrase -- the
    report's own place: "đầu tư vào Lam Giang" of a report by "UBND TỈNH LAM GIANG" names no
    part of its figures (break-test bt19-b17 failure 8: it refused "Nhật Bản ... 301 triệu USD"
    at 1.0).  A place the document does not name stays a subclass; a question typed without
    diacritics has no preposition told apart ("vao" may be a name's syllable)."""
    folded_lead = " " + " ".join(re.findall(r"\w+", fold(lead).lower())) + " "
    out: list[str] = []
    i = 0
    while i < len(words):
        if written.get(words[i], "").lower() not in PREPOSITIONS_EXACT:
            out.append(words[i])
            i += 1
            continue
        i += 1
        j = i
        while j < len(words) and written.get(words[j], "").lower() not in PREPOSITIONS_EXACT:
            j += 1
        if not (j > i and f" {' '.join(words[i:j])} " in folded_lead):
            j = i
        i = j
    return _lead_names_out(tuple(out), written, folded_lead)


def _lead_names_out(words: tuple[str, ...], written: Mapping[str, str],
                    folded_lead: str) -> tuple[str, ...]:
    """``words`` without each run of names typed capitalised (``written``) that the
    document's lead (``folded_lead``, folded, space-padded) names as one phrase: the scope
    its title or issuer states ("CHI CỤC HẢI QUAN CỬA KHẨU QUỐC TẾ NA LƯƠNG") is every
    figure's, so "thu ngân sách Chi cục Na Lương" asks no part of it (break-test bt20-b17
    failure 12: "không có số liệu riêng Na Lương" on the office's own report; failure 8: the
    half-year's 14,2% "qua Chi cục Na Lương" was served as partial and lost to a quarter's);
    once such a name is out, so are the other words the lead holds (the "cục" of "Chi cục")."""
    out: list[str] = []
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and written.get(words[j], "")[:1].isupper():
            j += 1
        if j > i and f" {' '.join(words[i:j])} " in folded_lead:
            i = j
            continue
        out.append(words[i])
        i += 1
    if len(out) < len(words):
        # the kind words before the name ("Chi cục" Trà Lĩnh): the issuer's own, when the
        # lead holds them too
        out = [w for w in out if f" {w} " not in folded_lead]
    return tuple(out)


def _class_head_at(groups: list[tuple[str, ...]], j: int) -> bool:
    """Whether the ``j``-th word of a question's run (``groups``, as :func:`unnamed_subclass`
    splits it) is a classifier (rag.vi.lexicon.CLASS_HEAD_TERMS) -- as one word, or one of
    two syllables written apart ("lĩnh" "vực") -- which names no subclass."""
    if "_".join(groups[j]) in CLASS_HEAD_TERMS:
        return True
    before = "_".join((*groups[j - 1], *groups[j])) if j > 0 else ""
    after = "_".join((*groups[j], *groups[j + 1])) if j + 1 < len(groups) else ""
    return before in CLASS_HEAD_TERMS or after in CLASS_HEAD_TERMS


def written_name(indicator: str) -> str:
    """An indicator as a sentence's words: "cao su sơ chế" from a row's "Cao su sơ chế", an
    acronym ("GRDP", "XNK") kept."""
    first = indicator.split()[0] if indicator.split() else ""
    return indicator if not first or (first.isupper() and len(first) > 1) \
        else indicator[0].lower() + indicator[1:]


# the syllables of the trade words ("xuất nhập khẩu", folded)
_TRADE_SYLLABLES = frozenset({"xuat", "nhap", "khau"})
# what a figure naming no one trade leaves unsaid for an export or import question
TRADE_UNSAID = "là xuất khẩu hay nhập khẩu"


def trade_unstated(frame: Frame, title: str = "") -> bool:
    """Whether the trade nearest ``frame``'s value -- its own words, its total, its heading,
    its document's ``title``, in that order as :func:`trade_fits` reads them -- is none, or
    exports and imports together ("xuất nhập khẩu"): the figure may be of either, so a
    question asking one is answered neither by it nor by "the report has no such figure"
    (bt17-b16 failure 4: "Phân bón: 96,5 triệu USD" in a table under "BÁO CÁO TÌNH HÌNH XUẤT
    NHẬP KHẨU")."""
    return trade_named(frame, title) in (None, "import_export")


def trade_named(frame: Frame, title: str = "", before: str = "") -> str | None:
    """The trade (a code of ``rag.vi.lexicon.TRADE_INDICATORS``) nearest ``frame``'s value:
    the last one named in the first of its own words, the total it is part of, its sentence
    ``before`` it, its heading, its document's ``title`` that names one.  When none names a
    trade, "kim ngạch" alone is the total trade, "import_export", if said in the first three
    (a customs report gives a border gate's turnover so: "Cửa khẩu quốc tế Hữu Nghị ... với
    kim ngạch quý I đạt 2.071,4 triệu USD, chiếm 60,6% tổng kim ngạch"), or in the heading or
    title over a figure whose own words name a gate ("Cửa khẩu chính Chi Ma đạt 186,7 triệu
    USD" under "Hải quan Lạng Sơn: kim ngạch qua cửa khẩu quý I/2037"); a question's bare
    "kim ngạch" asks the total of a table's "XK | NK | Tổng" too (bt17v:
    :func:`part_column_unasked`).  Those were given for exports or imports at 0.86-0.94
    (break-test bt25 kind 2; tests/test_gate_total_trade.py); a commodity's row under such a
    title ("Sầu riêng tươi: 742 triệu USD") names no trade (dev4 b17k).  None when nothing
    names a trade nor says "kim ngạch" so.  A share's words after its value name its whole,
    so only its indicator counts as its own words."""
    own = frame.indicator if frame.measure == "share" else frame.indicator + " " + frame.detail
    fields = [fold(expand_abbreviations(t)) for t in (own, frame.parent, before,
                                                      frame.context, title)]
    for text in fields:
        found = trade_indicator_at(text) if text else []
        if found:
            return found[-1][2]
    said = [any(code == "trade_value" for _, _, code in money_indicator_at(text.lower()))
            for text in fields]
    if any(said[:3]) or (any(said[3:]) and gate_written(frame.indicator)):
        return "import_export"
    return None


def part_apart(choice: Choice, frames: Iterable[Frame]) -> Frame | None:
    """The first of ``frames`` that :func:`names_part_apart` finds giving ``choice``'s
    subclass apart, None when none does."""
    if not choice.broader:
        return None
    own = choice.frame
    unit = fold(own.unit).lower()
    words = set(fold(" ".join(choice.broader)).lower().split())
    return next((f for f in frames
                 if f.start != own.start and counts_alike(unit, f)
                 and f.period == own.period
                 and words <= set(re.findall(r"[a-z0-9]+", fold(f.indicator).lower()))
                 and not held_in_place_name(tuple(words), f)), None)  # "Khu du lịch Mẫu Sơn"


def counts_alike(unit: str, frame: Frame) -> bool:
    """Whether ``frame`` counts in ``unit`` (folded, lower case): its own unit, or that unit
    cut to its counting word with the rest in its indicator ("khách lưu trú đạt 27.600
    lượt" counts "lượt khách" as "khoảng 19.080 lượt khách" does) -- so the part a report
    gives apart that way still tells its whole from the part asked (:func:`part_apart`:
    "Trung bình mỗi ngày lễ 30/4 có bao nhiêu khách lưu trú?" was answered at 0.93 by the
    average a day of every visitor; session 43 brief holidaydays)."""
    own = fold(frame.unit).lower().strip()
    if own == unit:
        return True
    rest = unit[len(own):].split() if own and unit.startswith(own + " ") else []
    return bool(rest) and set(rest) <= set(re.findall(r"[a-z0-9]+", fold(frame.indicator).lower()))


def share_apart(choice: Choice, frames: Iterable[Frame]) -> Frame | None:
    """The first of ``frames`` (those of the passages found) that gives ``choice``'s subclass
    (``choice.broader``) only as a share of a whole -- a share, of any period, whose indicator
    holds every word of the subclass: "nhóm đồ uống chiếm 18%" beside "tổng số sản
    phẩm OCOP ... 251 sản phẩm" (issue 17 bt17c #61: "Có bao nhiêu sản phẩm OCOP nhóm đồ
    uống?" was answered 251).  Vietnamese reports give a structure ("Về cơ cấu, nhóm ... chiếm
    62%", "ngành chế biến, chế tạo chiếm 71,3%", GSO's "cơ cấu") as shares of a count or
    amount given once; None when no such share is said."""
    if not choice.broader or choice.frame.kind == "percent":
        return None
    own = choice.frame
    words = set(fold(" ".join(choice.broader)).lower().split())
    return next((f for f in frames
                 if f.start != own.start and f.measure == "share" and f.kind == "percent"
                 and not f.target
                 and words <= set(re.findall(r"[a-z0-9]+", fold(f.indicator).lower()))), None)


def named_group(broader: tuple[str, ...], runs: tuple[tuple[str, ...], ...],
                document: str) -> str:
    """The group ``document`` names, as it writes it, when the subclass words ``broader``
    (syllables, folded or as written) follow a classifier in one of the question's runs
    (rag.vi.lexicon.CLASS_HEAD_TERMS: "nhóm", "ngành", "lĩnh vực") and the document writes
    that classifier and the run's words after it as one phrase ("..., còn lại là nhóm thủ công
    mỹ nghệ"); "" otherwise.  Vietnamese reports break a count or amount down by nhóm, ngành
    or khu vực (GSO's "cơ cấu"), so a figure whose own words lack the group is the whole, not
    the group -- though no figure of the group is given (break-test bt17c: "Có bao nhiêu sản
    phẩm OCOP nhóm thủ công mỹ nghệ?" was answered with the total at 0.73;
    tests/test_class_after_comma.py)."""
    if not broader:
        return ""
    wanted = {fold(w).lower() for b in broader for w in b.split()}
    folded = fold(normalize(document)).lower()
    for run in runs:
        for i in range(len(run)):
            n = 2 if "_".join(run[i:i + 2]) in CLASS_HEAD_TERMS else \
                1 if run[i] in CLASS_HEAD_TERMS else 0
            if not n or not run[i + n:] or not wanted <= set(run[i + n:]):
                continue
            m = re.search(r"(?<!\w)" + r"\W+".join(map(re.escape, run[i:])) + r"(?!\w)", folded)
            if m is not None:
                same = len(folded) == len(document)  # offsets hold: the phrase as written
                return document[m.start():m.end()] if same else m.group()
    return ""


def names_part_apart(choice: Choice, frames: Iterable[Frame]) -> bool:
    """Whether one of ``frames`` (those of the passages found) other than ``choice``'s own,
    of its unit and period, holds in its indicator every word of the subclass the question
    names and ``choice`` does not (``choice.broader``, folded syllables): the report gives
    that part apart ("10 tháng 2092 — Phân bón: 96,5 triệu USD" beside the import total of
    10 months), so ``choice`` is its whole even when that row is no candidate."""
    return part_apart(choice, frames) is not None


# What adds to a question's scope (lower case, with diacritics): "(cả các cửa khẩu phụ)",
# "kể cả", "tính cả", "gồm cả", "bao gồm", "tính luôn"; the phrase it adds runs to a stop
# (:data:`_SCOPE_END`).  "cả" alone only before "các"/"những" or a noun: "cả năm", "cả tháng"
# are periods (their words are no content words of the question's runs)
_SCOPE_ADDED = re.compile(r"(?<!\w)(?:kể cả|tính cả|gồm cả|bao gồm cả|bao gồm|tính luôn|cả)\s+")
_SCOPE_END = re.compile(r"[^\w\s]|\d|(?<!\w)(?:của|là|đạt|bao nhiêu|trong|năm|tháng|quý|"
                        r"được|có|thì|so với)(?!\w)")


def included_scope(question: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """The phrases a question adds to the scope it asks (``question`` as typed, with
    diacritics): after "cả", "kể cả", "tính cả", "gồm cả", "bao gồm", "tính luôn" up to a
    punctuation mark, a number or a word of a period or a verb -- each as (phrase as written,
    its folded syllables): "tổng kim ngạch của Chi cục 10 tháng (cả các cửa khẩu phụ)?" ->
    (("các cửa khẩu phụ", {"cac", "cua", "khau", "phu"}),); "cả năm 2063" adds nothing.  A
    figure whose own words lack such a phrase's words is a part of the scope asked
    (break-test bt17-b17 failure 9: the main gate's figure was given as the whole, with "no
    separate figure of phụ, only the general one")."""
    text = question.lower()
    if len(text) != len(question):
        return ()  # offsets of the written form would not match
    out: list[tuple[str, frozenset[str]]] = []
    for m in _SCOPE_ADDED.finditer(text):
        end = _SCOPE_END.search(text, m.end())
        stop = end.start() if end else len(text)
        phrase = text[m.end():stop].strip()
        if phrase:
            out.append((question[m.end():stop].strip(), frozenset(fold(phrase).split())))
    return tuple(out)


def _as_part(choice: Choice, scopes: tuple[tuple[str, frozenset[str]], ...], own: set[str],
             others: list[set[str]], quote: str) -> Choice:
    """``choice`` as a part of the scope a question widens (``scopes``: :func:`included_scope`),
    unless its sentence (``quote``) says it includes the phrase added too.  A phrase whose
    words its own words (``own``: the syllables of :func:`describe`'s first field) lack while
    another candidate's (``others``) hold them -- the report gives that part apart -- is what
    the frame leaves out (``excluded``, as written); one its own words hold makes it one of
    the parts added (``within``): "cửa khẩu phụ Nà Lừu" for "... tính cả các cửa khẩu phụ".
    Either is ``narrowed``; broader words in such a phrase name no subclass."""
    said = frozenset().union(*(ws for _, ws in included_scope(quote)))
    left: list[str] = []
    named: list[str] = []
    for shown, ws in scopes:
        words = ws - _ARTICLES
        if not words or words <= said:
            continue
        if words <= own:
            named.append(shown)
        elif any(words <= o for o in others):
            left.append(shown)
    if not left and not named:
        return choice
    added = frozenset().union(*(ws for _, ws in scopes))
    rest = tuple(b for b in choice.broader if not set(fold(b).lower().split()) <= added)
    return replace(choice, broader=rest, excluded=tuple(dict.fromkeys(left)),
                   within=tuple(dict.fromkeys(named)), narrowed=True)


# plural articles opening a phrase a question adds ("cả các cửa khẩu phụ"): no word of a name
_ARTICLES = frozenset({"cac", "nhung", "moi"})


def words_dropped(frame: Frame, frames: Iterable[Frame]) -> frozenset[str]:
    """The folded syllables a short name of ``frame``'s indicator leaves out of the fuller name
    its document gave before (``frames``: the document's, any order), in the same unit:
    "kim ngạch trái cây" after "Kim ngạch xuất khẩu trái cây qua cửa khẩu Hữu Bình" drops
    {"xuat", "khau"} (rag.vi.frames.sentence.shortened_of).  Only syllables inside the short
    name count -- between its first and last in the fuller one: "kim ngạch xuất khẩu" after
    "kim ngạch xuất khẩu trái cây" drops nothing, as "trái cây" names a part of it."""
    short = fold(frame.indicator).lower().split()
    out: set[str] = set()
    for f in frames:
        if f.start >= frame.start or f.unit != frame.unit or \
                not shortened_of(frame.indicator, f.indicator):
            continue
        full = fold(f.indicator).lower().split()
        k, at = 0, []
        for i, w in enumerate(full):
            if k < len(short) and w == short[k]:
                at.append(i)
                k += 1
        if len(at) == len(short):
            out |= {w for w in full[at[0]:at[-1] + 1] if w not in short}
    return frozenset(out)


def narrowed_by(frame: Frame, said: frozenset[str]) -> bool:
    """Whether ``frame``'s own indicator is narrowed to a part by a qualifier
    (rag.vi.lexicon.NARROWING_QUALIFIER_RE: "thu ngân sách từ hoạt động xuất nhập khẩu",
    "giá trị sản xuất của ngành chế biến") of which the question (its folded words ``said``)
    names none of the words saying which part: such a frame is a part of the asked indicator,
    as one listed after "trong đó" is (:func:`adds_unasked`), wherever it is written.  The
    indicator's abbreviations are written out as the question's are ("thu ngân sách từ hoạt
    động XNK" is named by "... từ hoạt động xuất nhập khẩu", the question as expanded;
    break-test b17 round 7 item 6: a target after ";" lost to the target before it)."""
    folded = fold(expand_abbreviations(frame.indicator)).lower()
    for name in OTHER_THAN_EVERYDAY:
        m = re.search(rf"\b{name}\b", folded)
        if m and not set(name.split()) <= said and \
                not any(start >= m.end() for start, _ in official_name_spans(folded)):
            # "lạm phát cơ bản" for a question of "lạm phát": core inflation is no headline
            # one (rag.vi.lexicon.OTHER_THAN_EVERYDAY) -- unless the official name follows it,
            # the figure's own: "..., lạm phát cơ bản được kiềm chế, chỉ số giá tiêu dùng
            # bình quân (CPI) 9 tháng tăng 2,93%" (seed 002; dev s064, s101)
            return True
    for reading in everyday_variants(folded):
        if set(reading.split()) - set(folded.split()) <= said and \
                not NARROWING_QUALIFIER_RE.search(reading):
            # the official name of what the question asks in everyday words: "Vốn đầu tư thực
            # hiện từ nguồn ngân sách nhà nước" is the "vốn đầu tư công" asked, no part of it
            # (rag.vi.lexicon.EVERYDAY_NAMES)
            return False
    groups = population_groups(frame.indicator)
    if groups and not any(g <= said for g in groups):
        # "Tỷ lệ thất nghiệp của thanh niên", "... khu vực thành thị" for a question naming
        # no group: the broadest figure answers it (issue 17 "broadest first"; bt26-b17 2)
        return True
    m = NARROWING_QUALIFIER_RE.search(folded)
    if m is None:
        return False
    which = re.findall(r"[a-z0-9]+", folded[m.end():]) or m.group(0).split()[-1:]
    # a syllable the question spends on the indicator's head names no part: the "sản" of
    # "sản xuất" is not that of "nông sản" in "giá trị sản xuất của ngành chế biến nông sản"
    left = said - set(folded[:m.start()].split())
    return not any(w in left for w in which)


def whole_narrowed(frame: Frame, said: frozenset[str]) -> bool:
    """Whether ``frame`` is a part listed under a total (``Frame.parent``) that is itself
    narrowed by a qualifier the question (its folded words ``said``) does not name
    (:func:`narrowed_by`): a part is never wider than its total, so it is a part of what is
    asked at least as much.  "318 hợp tác xã đang hoạt động trong lĩnh vực nông nghiệp,
    trong đó 120 hợp tác xã hoạt động hiệu quả" asked "có bao nhiêu hợp tác xã": the 120 is
    no whole the 318 is a part of -- both are narrowed, and among them the total goes first
    (:func:`wholes_first`; tests/test_described_subset.py, tests/test_narrower.py)."""
    if not frame.part or not frame.parent:
        return False
    parent = frame.parent.strip()
    if frame.unit and parent.endswith(" " + frame.unit):
        parent = parent[:-len(frame.unit)].strip()  # "tổng lượng xăng dầu bán ra m3"
    return narrowed_by(replace(frame, indicator=parent, part=False, parent=""), said)


def item_of_listed_whole(frame: Frame, text: str, said: frozenset[str]) -> bool:
    """Whether ``frame`` (of the document ``text``) is an item of a list a sentence opens by
    naming its whole with no figure of the whole's own ("Trong thu nội địa năm 2036, thu tiền
    sử dụng đất đạt 1.480 tỷ đồng; thu thuế thu nhập cá nhân đạt 342 tỷ đồng":
    rag.vi.frames.listed_whole.listed_whole_words), which the question (its folded words
    ``said``) asks by every word of that whole and by none of the words the item's indicator
    adds to it: then the item is a part of what is asked (``Choice.narrowed``), never its
    answer as sure as the whole's own figure would be -- "Thu nội địa năm 2036?" answered the
    1.480 at 0.96 (break-test bt17j item 2).  A whole stated by a figure elsewhere
    (``Frame.whole``) is read by :func:`adds_unasked` instead."""
    if frame.whole >= 0 or frame.measure != "level":
        return False
    q0, q1 = frame.quote
    year = frame.period.end.year if frame.period is not None else None
    whole = listed_whole_words(text[q0:q1], frame.start - q0, year)
    if not whole or not whole <= said:
        return False
    own = set(re.findall(r"[a-z]+", fold(expand_abbreviations(frame.indicator)).lower()))
    return bool(own - whole - said)


# a table row that is its table's whole, labelled as such: "Toàn ngành" (the IIP of all
# industry over its sectors' rows), "Chung", "Chỉ số chung", "Tổng số", "Tổng cộng", "Toàn
# tỉnh" (folded, the label alone)
# -- and a price table's "CHỈ SỐ GIÁ CHUNG" ("Chỉ số giá tiêu dùng chung"), the CPI over its
# groups' rows (break-test bt22a q130, session 50)
_WHOLE_ROW = re.compile(r"(?:toan nganh|chung|chi so(?: gia(?: tieu dung)?)? chung|tong so|"
                        r"tong cong|tong|cong|"
                        r"toan tinh|ca tinh|total)\W*"
                        # the total a table of places gives them: "Tổng cộng các cụm công
                        # nghiệp" (rag.ingest.tables labels a bare "Tổng cộng" so; bt19b)
                        r"|tong cong cac [a-z ]+")
_WHOLE_ROW_WORDS = frozenset({"toan", "nganh", "chung", "chi", "so", "tong", "cong", "tinh",
                              "ca", "total"})


def is_whole_row(folded: str) -> bool:
    """Whether a table row's label ``folded`` (folded, lower case, stripped) is its table's
    whole row (:data:`_WHOLE_ROW`: "Toàn ngành", "Chỉ số chung", "Tổng số"): read by
    ``answerer.table_parts``, where "Chỉ số chung | 0,52 | 2,71 | 3,84" was listed as one of
    the CPI's parts "with no total" (session 44 brief periodrows, bt17o)."""
    return _WHOLE_ROW.fullmatch(folded) is not None


# the full names a question's initialism or abbreviation is written out to (folded)
_NAMES_WRITTEN_OUT = tuple(sorted({fold(v).lower() for v in (*INITIALISMS.values(),
                                                             *ABBREVIATIONS.values())},
                                  key=len, reverse=True))


def words_naming_rows(question: str) -> frozenset[str]:
    """The folded words of ``question`` (abbreviations written out) that may name a table's
    row, less those said only inside a full name the question writes or abbreviates
    ("IIP", "chỉ số sản xuất công nghiệp": its "sản xuất" names the indicator, not the row
    "Sản xuất, phân phối điện"): what :func:`beside_whole_row` reads."""
    folded = fold(expand_abbreviations(question)).lower()
    for name in _NAMES_WRITTEN_OUT:
        folded = re.sub(rf"\b{re.escape(name)}\b", " ", folded)
    return frozenset(re.findall(r"[a-z0-9]+", folded))


def beside_whole_row(frame: Frame, frames: Iterable[Frame], said: frozenset[str]) -> bool:
    """Whether ``frame`` is a row of a table whose whole is a row of its own -- a sibling
    (``frames``: the document's) of the same table (context), measure, unit, period,
    comparison, parent and aim labelled "Toàn ngành", "Chung", "Chỉ số chung", "Tổng số"
    (:data:`_WHOLE_ROW`) -- while the question (``said``: :func:`words_naming_rows`) names
    none of its label's words: then it is a part of what is asked (``Choice.narrowed``) and
    the whole row answers, as a statistical table puts its total first ("IIP 5 tháng 2054
    tăng bao nhiêu?" over "Toàn ngành | 6,2" and "Sản xuất, phân phối điện | 4,8": break-test
    bt17k, tests/test_whole_row.py).  A question naming the row ("IIP ngành điện") keeps it."""
    own = fold(frame.indicator).lower().strip()
    if not own or _WHOLE_ROW.fullmatch(own) or frame.part:
        return False
    if any(w in said for w in re.findall(r"[a-z0-9]+", own)):
        return False
    return any(g.quote != frame.quote and g.context == frame.context and
               g.measure == frame.measure and g.unit == frame.unit and
               g.period == frame.period and g.comparison == frame.comparison and
               g.parent == frame.parent and g.target == frame.target and
               _WHOLE_ROW.fullmatch(fold(g.indicator).lower().strip()) is not None
               for g in frames)


def whole_row_wider(frame: Frame, frames: Iterable[Frame], said: frozenset[str]) -> bool:
    """Whether ``frame`` is a whole row ("Toàn ngành": :data:`_WHOLE_ROW`) of a table one of
    whose other rows the question names (``said``: :func:`words_naming_rows`, less the whole
    label's own words): "IIP ngành điện" asks the row "Sản xuất, phân phối điện", and the
    whole is wider than asked (scored as :func:`wider_listed` scores; tests/test_whole_row.py).
    A word every other row writes names none of them: "giải ngân vốn đầu tư công" asks the
    "Tổng số" of rows "Vốn ngân sách địa phương", "Vốn ngân sách trung ương" (issue 17
    break-test bt17u; tests/test_wider_scope_base.py)."""
    own = fold(frame.indicator).lower().strip()
    if not _WHOLE_ROW.fullmatch(own):
        return False
    named = said - _WHOLE_ROW_WORDS
    rows = [set(re.findall(r"[a-z0-9]+", fold(g.indicator).lower())) for g in frames
            if g.quote != frame.quote and g.context == frame.context and
            g.measure == frame.measure and g.unit == frame.unit and
            g.period == frame.period and g.comparison == frame.comparison and
            g.parent == frame.parent and g.target == frame.target and
            not _WHOLE_ROW.fullmatch(fold(g.indicator).lower().strip())]
    # a word every row writes ("vốn" of "Vốn ngân sách địa phương", "Vốn ngân sách trung
    # ương") names the table's indicator, of which the whole row is the total, no one row
    shared = set.intersection(*rows) if len(rows) > 1 else set()
    return any(w in named - shared for words in rows for w in words)


def whole_rows_cover(choices: list[Choice], said: frozenset[str]) -> list[Choice]:
    """``choices`` with each whole row of a table ("Toàn ngành", "Chung": :data:`_WHOLE_ROW`)
    covering the question as well as the best of its rows that :func:`beside_whole_row` made
    parts of what is asked (``said``: :func:`words_naming_rows`), its score raised alike: a row
    covers more only by words the question spends on the table's indicator ("sản xuất" of
    "IIP" written out, in the row "Sản xuất, phân phối điện"), which the whole row is no less
    -- without it the whole row's bare label fell under ``weights.frame_min_coverage`` and its
    part answered (break-test bt17k, tests/test_whole_row.py)."""
    out = []
    for c in choices:
        f = c.frame
        if c.coverage > 0 and _WHOLE_ROW.fullmatch(fold(f.indicator).lower().strip()):
            rows = [d.coverage for d in choices if d.narrowed and
                    d.hit.chunk.doc_id == c.hit.chunk.doc_id and
                    beside_whole_row(d.frame, [f], said)]
            if rows and max(rows) > c.coverage:
                c = replace(c, coverage=max(rows), score=c.score * max(rows) / c.coverage)
        out.append(c)
    return out


def sibling_qualified(frame: Frame, frames: Iterable[Frame], said: frozenset[str]) -> bool:
    """Whether ``frame`` is one of two or more parts its sentence lists side by side, told
    apart by a qualifier after a head they share ("doanh thu may mặc xuất khẩu ..., bằng
    109,5% kế hoạch; doanh thu may mặc nội địa ..., bằng 95,6% kế hoạch"; "Trong đó: thu nội
    địa ...; thu từ hoạt động xuất nhập khẩu ..."), of which the question (its folded words
    ``said``) names none of ``frame``'s qualifier words: then it asks the shared head, of
    which the frame is a part (``Choice.narrowed``), as narrowed_by reads a qualifier the
    lexicon knows.  Siblings (``frames``: the document's) stand in the same sentence with
    the same measure, unit, period, total and aim; their indicators (abbreviations written
    out) share at least two leading syllables -- the parallel wording by which statistical
    reports list the parts of a total (the GSO's "trong đó: ..." lists; issue 17 bt17c)."""
    mine = fold(expand_abbreviations(frame.indicator)).lower().split()
    if len(mine) < 3:
        return False
    for g in frames:
        if g.start == frame.start or g.quote != frame.quote or g.measure != frame.measure \
                or g.unit != frame.unit or g.period != frame.period \
                or g.parent != frame.parent or g.target != frame.target:
            continue
        theirs = fold(expand_abbreviations(g.indicator)).lower().split()
        shared = 0
        while shared < min(len(mine), len(theirs)) and mine[shared] == theirs[shared]:
            shared += 1
        if shared < 2 or shared == len(mine) or shared == len(theirs):
            continue
        left = said - set(mine[:shared])
        return not any(w in left for w in mine[shared:len(mine) - _shared_tail(mine, theirs,
                                                                            shared)])
    return False


def _shared_tail(mine: list[str], theirs: list[str], head: int) -> int:
    """How many trailing syllables two sibling indicators (folded, split) share after their
    ``head`` leading ones: the verb both write after their qualifier ("vốn ngân sách địa
    phương giải ngân ...; vốn ngân sách trung ương giải ngân ..."), which says what both
    measure, not which part -- so the question saying it names neither part (issue 17
    break-test bt17i: "Giải ngân vốn đầu tư công đến 30/9" answered by the local budget's
    part).  ``head`` syllables are never counted twice."""
    n = 0
    while n < min(len(mine), len(theirs)) - head and mine[-1 - n] == theirs[-1 - n]:
        n += 1
    return n


def adds_unasked(part: Frame, whole: Frame, said: frozenset[str],
                 pairs: frozenset[str] | None = None) -> bool:
    """Whether ``part`` (listed after ``whole`` in its sentence: "1.146 phương tiện ...,
    trong đó 552 xe xuất khẩu") says something beyond its total that the question (its
    folded words ``said``) does not: then the question asks for the total, not the part.
    ``pairs``: the question's pairs of adjacent words ("xe_ton"), when given -- a pair the
    part adds is said only as such, not by its two words said apart: "xe tại cửa khẩu Tân
    Thanh" adds "xe_tai", whose words "xe tồn tại các cửa khẩu" holds (issue 17 bt17d g01)."""
    own = text_terms(f"{part.indicator} {part.unit} {part.detail}")
    # the total's lead-in is its own too: "Bình quân mỗi ngày có khoảng 1.140 xe ..., riêng
    # cửa khẩu Hữu Nghị bình quân 620 xe/ngày" -- the part's "bình quân" says the total's
    # (break-test bt20c d01: "bình quân mỗi ngày bao nhiêu xe" answered the 620)
    total = text_terms(f"{whole.indicator} {whole.unit} {whole.detail} {part.parent} "
                       f"{whole.verb}")
    added = {t for t in own - total if not t.replace("_", "").isdigit()}
    added = {t for t in added if not set(t.split("_")) <= _unit_words(whole.unit)}
    # a function word names no part: the "tại" of "xe hàng ... tại cửa khẩu Hữu Nghị" is said
    # by "tại các cửa khẩu" as well
    added -= _NO_KIND_WORDS
    # the measure the total's unit states: "gieo trồng được 12.450 ha ...; trong đó diện tích
    # lúa 4.820 ha" -- the part's "diện tích" is the total's area in ha too, no part it names
    # (break-test bt22a q020, session 50)
    added -= unit_stated_heads(added, whole.unit)

    def asked(t: str) -> bool:
        """Whether the question says the part's term ``t``."""
        if pairs is not None and "_" in t:
            return t in pairs
        if pairs is not None and heads_another(t, own, pairs, part.indicator or part.detail):
            return False
        return set(t.split("_")) <= said

    return bool(added) and not any(asked(t) for t in added)


# the generic heads a unit states what they measure by (folded syllables): an area in ha
# is a "diện tích", a length in km a "chiều dài" or "độ dài" (:data:`_GENERIC_HEADS`)
_UNIT_HEADS: tuple[tuple[frozenset[str], Callable[[str], bool]], ...] = (
    (frozenset({"dien", "tich"}), _bare_area),
    (frozenset({"chieu", "dai"}), _bare_length), (frozenset({"do", "dai"}), _bare_length))


def unit_stated_heads(terms: Iterable[str], unit: str) -> set[str]:
    """The ``terms`` (folded, "dien_tich", "dien", "tich") that are a generic head whose
    measure ``unit`` states (:data:`_UNIT_HEADS`: "diện tích" of a figure in ha): a part
    writing "trong đó diện tích lúa 4.820 ha" adds no "diện tích" to its total "gieo trồng
    được 12.450 ha" (:func:`adds_unasked`; break-test bt22a q020, session 50)."""
    out: set[str] = set()
    for words, measures in _UNIT_HEADS:
        if measures(unit):
            out |= {t for t in terms if set(t.split("_")) <= words}
    return out


def heads_another(word: str, own: frozenset[str], pairs: frozenset[str],
                  part_text: str = "") -> bool:
    """Whether the question (its adjacent word ``pairs``, folded: "von_dau") says ``word``
    only as the head of another thing than the part whose terms are ``own``: the part
    follows it by a word of its own ("vốn ngân sách trung ương": "von_ngan") and the question
    by a word the part lacks ("vốn đầu tư công": "von_dau").  A Vietnamese noun phrase puts
    its head first and what sets it apart after, so "vốn đầu tư công giải ngân" asks the
    total of "tỉnh giải ngân 2.140 tỷ đồng, ..., trong đó vốn ngân sách trung ương giải ngân
    905 tỷ đồng", not that part (session 44 brief investparts2,
    tests/test_compared_place_parts.py).  ``word`` is a single folded word; when
    ``part_text`` (the part's indicator, else its detail) is given, only the word it opens
    with is its head -- "OCOP" inside "chứng nhận OCOP từ 3 sao" heads nothing, so "số sản
    phẩm đạt OCOP mang đến hội chợ" still names that part (dev3 r13)."""
    words = fold(part_text).lower().split()
    if words and words[0] != word:
        return False
    prefix = f"{word}_"
    own_words = {w for t in own for w in t.split("_")}
    if not any(t.startswith(prefix) for t in own):
        return False
    theirs = [t[len(prefix):] for t in pairs if t.startswith(prefix)]
    return bool(theirs) and all(
        w not in own_words and _names_thing(w, pairs) for w in theirs)


def _names_thing(word: str, pairs: frozenset[str]) -> bool:
    """Whether the folded question word ``word`` (its adjacent word ``pairs``) names a thing:
    no function word ("của", "từ"), number or time word -- a word that is one when alone
    (rag.vi.lexicon.NOT_A_THING_WORDS: "đầu năm", "cuối tháng") names one when no number or
    such word follows it (the folded "dau" of "đầu tư")."""
    if word.isdigit() or word in STOPWORDS:
        return False
    if word not in NOT_A_THING_WORDS:
        return True
    after = [t.split("_", 1)[1] for t in pairs if t.startswith(f"{word}_")]
    return any(not w.isdigit() and w not in NOT_A_THING_WORDS for w in after)


# the words that say what a total is, no kind of thing (folded): "tổng mức", "tổng số",
# "tổng cộng", "toàn bộ" -- GSO's names of a total ("Tổng mức bán lẻ hàng hóa và doanh thu
# dịch vụ tiêu dùng", "tổng số doanh nghiệp")
_TOTAL_SAID = frozenset({"tong", "muc", "so", "cong", "toan", "bo"})
# ... of which those that say a total and nothing else: "tổng", "toàn bộ" (folded)
_TOTAL_ONLY = frozenset({"tong", "toan", "bo"})


def total_named(part: Frame, whole: Frame, said: frozenset[str]) -> bool:
    """Whether the question (its folded words ``said``) names ``whole`` over ``part``, a part
    whose words are all its total's: it says a total's word (:data:`_TOTAL_SAID`) the part
    lacks and its total holds.  "Tổng mức bán lẻ hàng hóa 9 tháng" is the 29.874,3 of
    "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng", not its part "doanh thu bán
    lẻ hàng hóa" (21.640,2; issue 17 bt17d t02), whose words say nothing the total does not
    -- while "doanh thu bán lẻ hàng hóa 9 tháng" says no word of the total alone."""
    own = set(fold(f"{part.indicator} {part.detail}").lower().split())
    total = set(fold(f"{whole.indicator} {whole.detail} {part.parent}").lower().split())
    if {w for w in own - total if not w.isdigit()}:
        return False
    return bool((total - own) & said & _TOTAL_SAID)


# A stock asked -- what stands at a time, said with a verb of state ("số doanh nghiệp hiện có
# tháng 9/2036", "tổng số hợp tác xã hiện có", "doanh nghiệp đang hoạt động"; folded): a count
# at a day answers it before a period's flow ("87 doanh nghiệp thành lập mới" in the month;
# break-test b17 F, :func:`outworded`)
_STOCK_ASKED = re.compile(r"\b(?:hien (?:co|dang|con)|dang (?:hoat dong|kinh doanh|van hanh|"
                          r"khai thac|su dung|luu hanh|con hieu luc))\b")
# the lead verbs of a count said as what stands now (rag.vi.frames.indicators.LEAD_VERBS)
_NOW_VERBS = frozenset({"hiện có", "hien co"})


def stands_at_day(frame: Frame) -> bool:
    """Whether ``frame`` is a count of what stands at a day: its period a point in time
    (:data:`POINT_IN_TIME`: "tính đến 29/9/2036", "ngày 15/1") or its verb "hiện có" --
    not a period's flow ("trong tháng 9 có 87 doanh nghiệp thành lập mới")."""
    return is_stock(frame) and frame.period is not None and (
        frame.period.kind in POINT_IN_TIME or frame.verb in _NOW_VERBS)


def unmeasured_outworded(choices: list[Choice], folded_q: str) -> list[Choice]:
    """``choices`` with ``Choice.outworded`` set on each level not in a unit of quantity
    (:func:`measures_quantity`: "210 hộ") when the question (``folded_q``) asks a quantity
    (:data:`_QUANTITY_ASKED`: "sản lượng", "khối lượng"; not its "giá trị" nor an area) and
    a level of its own sentence in such a unit writes that word as its own ("Làng nghề ...
    có 210 hộ tham gia, sản lượng khoảng 640 tấn hương mỗi năm"): the count of households
    is no "sản lượng hương" (break-test bt20c d04, answered at 0.92).  A figure the
    sentence leaves unlabelled ("1.200 chiếc ô tô, 5.000 tấn thép") outwords none.
    Order kept."""
    if not _QUANTITY_ASKED.search(folded_q) or _AREA_ASKED.search(folded_q) or \
            _VALUE_OF_QUANTITY.search(folded_q):
        return choices
    asked = {t for t in QUANTITY_TERMS if t.replace("_", " ") in folded_q}
    labelled = {(c.hit.chunk.doc_id, c.frame.quote) for c in choices
                if c.frame.measure == "level" and measures_quantity(c.frame.unit)
                and asked & text_terms(f"{c.frame.indicator} {c.frame.detail}")}
    return [replace(c, outworded=True)
            if c.frame.measure == "level" and not measures_quantity(c.frame.unit)
            and (c.hit.chunk.doc_id, c.frame.quote) in labelled else c for c in choices]


# "giá trị sản lượng": the money a quantity is worth, asked in đồng (folded)
_VALUE_OF_QUANTITY = re.compile(r"\bgia tri (?:san|khoi) luong\b")


def outworded(choices: list[Choice], owns: Mapping[tuple[str, int], frozenset[str]],
              asked: set[str], terms: set[str], stock: bool = False,
              said: frozenset[str] = frozenset(),
              wider: Sequence[bool] = ()) -> list[Choice]:
    """``choices`` with ``Choice.outworded`` set on each figure whose own words (``owns``:
    (document, start) -> the terms of its indicator, unit and the words after its value) name
    another indicator -- a two-syllable dictionary word the question (its ``terms``) does not
    hold -- and for which another of the same unit, not naming that word, holds every word
    of ``asked`` (the question's two-syllable dictionary words) that its own hold, and more;
    a figure worded short ("Xuất khẩu đạt 410") names no other and is never outworded, nor
    one worded like its competitor, the same indicator (seed s071: "tổng kim ngạch hàng hóa
    xuất nhập khẩu ... qua" is outworded by no "... qua địa bàn" of another date).  For "số doanh
    nghiệp đang hoạt động tháng
    9/2036" the 87 "doanh nghiệp thành lập mới" of exactly that month is outworded by the
    6.284 "doanh nghiệp đang hoạt động" to 29/9 -- the indicator asked outweighs the period
    of another, and the reverse for "thành lập mới 9 tháng" (break-test b17 F; read by
    rag.answer.answerer.Answerer.pick).  When the question asks a stock (``stock``:
    :data:`_STOCK_ASKED`, "số doanh nghiệp hiện có tháng 9/2036", whose "hiện có" is no word
    a figure holds) a period's figure naming another word is outworded as well by a count
    standing at a day (:func:`stands_at_day`) holding as many of ``asked``.  ``said``: the
    question's folded syllables, given when it asks a share of plan -- then a share of plan
    whose other words are all said in the question, the total it names ("số thu đạt 5.318,4
    tỷ đồng, bằng 76,5% dự toán" of "số thu ... bằng bao nhiêu % dự toán"), outwords another
    share of plan holding no more of ``asked`` nor of ``terms`` whose other words say what
    the question does not ("Thu tiền sử dụng đất ... bằng 51% dự toán", "12/17 khoản thu đạt
    trên 75% dự toán"): the total first, as :func:`wholes_first` puts it when its part is
    listed in its sentence (issue 17 bt21-b17 failure 5; for every measure it took "tháng
    trước" of a CPI and other dev figures for unsaid words and broke them).  ``wider``
    (one flag a choice, or empty): figures whose scope is wider than asked
    (:func:`wider_scope`: "Vốn đầu tư thực hiện toàn xã hội" of "vốn đầu tư công"), which
    outword none however many of the question's words they hold (issue 17 bt17u).
    Order kept."""
    if (not asked and not said) or len(choices) < 2:
        return choices
    own = [owns.get((c.hit.chunk.doc_id, c.frame.start), frozenset()) for c in choices]
    # a part listed under its total ("86 sản phẩm ..., trong đó 62 sản phẩm đạt chứng nhận
    # OCOP") is of what the total's own words name, and more: the total never outwords it by
    # those words (break-test bt13-b17 failure 5)
    own = [o | owns.get((c.hit.chunk.doc_id, c.frame.whole), frozenset())
           if c.frame.whole >= 0 else o for c, o in zip(choices, own, strict=True)]
    # the quantity words :func:`describe` lends a figure in tấn or kWh ("sản lượng") measure
    # it, naming no other indicator: "mít đạt 71.200 tấn" of "Trong đó, ...; mít ...; chuối
    # ..." is outworded by no total for "mít xuất khẩu ... bao nhiêu tấn?" (break-test bt20c:
    # the list's next item answered) -- unless its own words write them
    other = [{t for t in o if t.count("_") == 1 and t not in terms and is_word(*t.split("_"))
              and not lent_quantity_word(t, c.frame)}
             for c, o in zip(choices, own, strict=True)]
    # ... and so is a part listed in the sentence after its total's ("Tổng thu ngân sách nhà
    # nước ... ước thực hiện 11.840 tỷ đồng ... Trong đó: thu từ hoạt động xuất nhập khẩu ước
    # 6.720 tỷ đồng, bằng 118,9% dự toán"), the "Trong đó:" of budget and plan reports: it
    # inherits the total's words as its ``parent`` (rag.vi.frames), which another article's
    # "Số thu ngân sách từ hoạt động xuất nhập khẩu" to 15/12 never outwords (issue 17 bt17c).
    # They count for what it holds of the question against another document's figure only --
    # within its own, its total and the total's other parts are told apart by their own words
    # (held-out h120: "Hữu Nghị ... kim ngạch hàng mở tờ khai" is no "kim ngạch hàng hóa mở tờ
    # khai" asked) -- and never as other words it says ("tổng chi" of "Tổng chi ngân sách địa
    # phương ... Trong đó: chi đầu tư phát triển")
    inherited = [text_terms(c.frame.parent) if c.frame.whole < 0 and c.frame.part
                 and c.frame.parent else frozenset() for c in choices]
    at_day = [stock and stands_at_day(c.frame) for c in choices]
    shares = [bool(said) and c.frame.measure == "plan_share" for c in choices]

    def beats(j: int, i: int) -> bool:
        """Whether ``choices[j]`` outwords ``choices[i]``."""
        apart = choices[j].hit.chunk.doc_id != choices[i].hit.chunk.doc_id
        own_i = own[i] | inherited[i] if apart else own[i]
        own_j = own[j] | inherited[j] if apart else own[j]
        held_i, held_j = asked & own_i, asked & own_j
        more = held_j > held_i or (at_day[j] and not at_day[i] and held_j >= held_i) or \
            (shares[j] and shares[i] and held_j >= held_i and
             terms & own_j >= terms & own_i and not any(unsaid(t) for t in other[j]) and
             any(unsaid(t) for t in other[i] - own_j))
        return choices[j].frame.unit == choices[i].frame.unit and more and \
            bool(other[i] - own_j) and not (wider and wider[j])

    def unsaid(term: str) -> bool:
        """Whether a syllable of ``term`` is not in the question (``said``)."""
        return not set(term.split("_")) <= said

    return [replace(c, outworded=True) if other[i] and any(
                beats(j, i) for j in range(len(choices)) if j != i) else c
            for i, c in enumerate(choices)]


# a plural article or quantifier before a kind noun, folded: "các cửa khẩu", "tất cả các
# huyện", "toàn bộ các bãi" -- the question asks of every thing of that kind, no one of them
_EVERY_OF_KIND = re.compile(r"\b(?:tat ca (?:cac )?|toan bo (?:cac )?|cac )"
                            r"([a-z0-9]+)(?: ([a-z0-9]+))?")


# a kind of place named by its noun alone, with no proper name after it ("còn bao nhiêu xe hàng
# chờ xuất khẩu tại cửa khẩu?", "doanh thu của các chợ" is _EVERY_OF_KIND's): the noun as typed
# with its marks, then the optional words that say which sort ("cửa khẩu quốc tế"); Vietnamese
# names one place of a kind by a capitalised proper name after the noun ("cửa khẩu Tân Thanh",
# "huyện Cao Lộc", "chợ Đông Kinh", "khu du lịch Mẫu Sơn")
_KIND_NOUN = re.compile(
    r"(?<!\w)(cửa khẩu|lối mở|huyện|chợ|khu du lịch|điểm du lịch|khu công nghiệp|"
    r"cụm công nghiệp|khu kinh tế)((?:\s+(?:quốc tế|chính|phụ|đường bộ|đường sắt))*)"
    r"(?:\s+(\S+))?", re.IGNORECASE)
# the same nouns typed without marks: read only before the question's end or a stop, where
# no name can follow
_KIND_NOUN_BARE = re.compile(
    r"(?<!\w)(cua khau|loi mo|huyen|cho|khu du lich|diem du lich|khu cong nghiep|"
    r"cum cong nghiep|khu kinh te)\s*(?:[?.,;:!]|$)")


def generic_kind_spans(question: str) -> list[tuple[int, int]]:
    """The spans (offsets into ``question`` as typed) where it names a kind of place by its
    noun alone, no proper name after it (:data:`_KIND_NOUN`): "tại cửa khẩu?", "các huyện"
    aside, "ở chợ trên địa bàn" -- a generic mention, which asks of the places of that kind
    together, never of one of them: "Hiện nay còn bao nhiêu xe hàng chờ xuất khẩu tại cửa
    khẩu?" is the 3.250 "tại khu vực các cửa khẩu", not the 1.940 of "trong đó cửa khẩu Tân
    Thanh" (break-test bt17g t04).  Typed with marks, a name is capitalised (as
    rag.answer.places.gates_through reads one): a noun followed by a lower-case word or
    nothing is generic; typed without any, only one at the question's end or a stop."""
    lower = question.lower()
    if fold(question).lower() == lower:  # typed without marks: no capital tells a name
        return [(m.start(), m.end(1)) for m in _KIND_NOUN_BARE.finditer(lower)]
    out = []
    for m in _KIND_NOUN.finditer(question):
        after = m.group(3) or ""
        if after[:1].isupper() or after[:1].isdigit():
            continue  # "cửa khẩu Tân Thanh", "khu công nghiệp số 2": one place
        out.append((m.start(), m.end(2) if m.group(2) else m.end(1)))
    return out


def kind_only_words(folded_q: str, question: str = "") -> frozenset[str]:
    """The syllables the question (folded) says only as the kind of thing it asks all of
    (:data:`_EVERY_OF_KIND`): "còn bao nhiêu xe tồn tại các cửa khẩu" -> {"cua", "khau"}.
    The kind noun is the two syllables after the article when they make a dictionary word,
    else the one.  Such words name no part: "cửa khẩu Tân Thanh 2.300 xe", listed after
    "Sáng 21/12 còn 4.000 xe, trong đó", holds "cửa khẩu" as every gate does, and answered
    for the 4.000 (issue 17 bt17d g01) -- Vietnamese marks a plural noun with "các" ("những"
    folds as "nhưng", so is left out) and names one of a kind by its proper name after the
    kind noun."""
    kind: set[str] = set()
    spans: list[tuple[int, int]] = []
    for m in _EVERY_OF_KIND.finditer(folded_q):
        two = m.group(2) is not None and is_word(m.group(1), m.group(2))
        end = m.end(2) if two else m.end(1)
        kind |= {m.group(1), m.group(2)} if two else {m.group(1)}
        spans.append((m.start(), end))
    # a kind noun with no name after it (:func:`generic_kind_spans`), where the question as
    # typed (``question``) folds to ``folded_q`` letter for letter
    if question and len(fold(question)) == len(folded_q):
        for a, b in generic_kind_spans(question):
            if not any(s <= a < e for s, e in spans):
                kind |= set(folded_q[a:b].split()[:3])
                spans.append((a, b))
        spans.sort()
    if not kind:
        return frozenset()
    rest = folded_q
    for a, b in reversed(spans):
        rest = rest[:a] + " " + rest[b:]
    return frozenset(kind - set(re.findall(r"[a-z0-9]+", rest)))


def _kind_of_parts(kind_terms: set[str], kinds: frozenset[str], frame: Frame,
                   frames: list[Frame]) -> set[str]:
    """``kind_terms`` (the question's words of the kind it asks all of: "các cửa khẩu") when
    a part listed under ``frame`` (among ``frames``, its document's) is named by that kind:
    "còn 1.870 xe hàng chờ xuất khẩu, trong đó cửa khẩu Hữu Nghị 960 xe, Tân Thanh 610 xe"
    counts at the gates though its own words say "xuất khẩu", not "cửa khẩu" -- so it names
    no other word than those asked (:func:`names_another_word`).  Else empty: a figure of
    another thing stays another ("xe chở hàng xuất khẩu 4.518 lượt" is no count "qua các cửa
    khẩu", dev2 e026)."""
    if not kind_terms or not any(
            g.whole == frame.start and g is not frame and
            kinds <= set(re.findall(r"[a-z0-9]+", fold(g.indicator).lower())) for g in frames):
        return set()
    return kind_terms


def total_row(frame: Frame) -> bool:
    """Whether ``frame``'s row is its table's total by its label: one that says only that it
    is the whole (:data:`_WHOLE_ROW`: "Tổng số", "Cộng", "Toàn ngành", "CHỈ SỐ GIÁ CHUNG"), or
    "Tổng" before words all of which the table's caption (``frame.context``) names -- "Tổng trị
    giá" under "Trị giá xuất khẩu hàng hóa 6 tháng …", and a bare "TỔNG SỐ" row rag.ingest.tables
    names by its caption ("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng").
    Break-test bt22a (q094, q130), session 50; tests/test_total_row_asked.py."""
    own = fold(frame.indicator).lower().strip()
    if _WHOLE_ROW.fullmatch(own):
        return True
    words = re.findall(r"[a-z0-9]+", own)
    caption = set(re.findall(r"[a-z0-9]+", fold(frame.context).lower()))
    return len(words) > 1 and words[0] == "tong" and set(words[1:]) <= caption


def table_whole(choice: Choice, choices: Iterable[Choice], text: str) -> Choice | None:
    """The candidate among ``choices`` that is the total row of ``choice``'s table, when
    ``choice`` is one of its other rows (``text``: the document's): a table line of the same
    caption (context), column (its line's head), period, measure, unit, comparison and aim
    whose row is ``choice``'s parent when ``choice`` has one ("Tổng mức bán lẻ … › Bán lẻ
    hàng hóa"; the table nests the row under it, so it is the row's total whatever its label:
    "Tổng kim ngạch XNK › Xuất khẩu" under a caption writing "xuất nhập khẩu" in full,
    break-test bt24a "Kế hoạch năm 2037 là bao nhiêu?" answered the export plan), or a row
    beside it labelled the total (:func:`total_row`) when not ("Tổng trị giá" over "Xuất khẩu
    qua cửa khẩu chính").  :func:`wholes_first` then puts the part after it as it does a part
    listed after its total in a sentence (break-test bt22a q094: "tổng mức bán lẻ 10 tháng"
    answered the row "Bán lẻ hàng hóa", whose fewer words outscored the total's; session
    50)."""
    f = choice.frame
    q0, q1 = f.quote
    head = table_line_head(text[q0:q1])
    if not head or not f.context or total_row(f):
        return None
    parent = fold(f.parent).lower().strip()
    for d in choices:
        g = d.frame
        if d is choice or d.hit.chunk.doc_id != choice.hit.chunk.doc_id or \
                g.context != f.context or g.period != f.period or g.measure != f.measure or \
                g.unit != f.unit or g.comparison != f.comparison or g.target != f.target or \
                table_line_head(text[g.quote[0]:g.quote[1]]) != head:
            continue
        if (fold(g.indicator).lower().strip() == parent) if parent else \
                (not g.parent and total_row(g)):
            return d
    return None


def row_among_equals(choice: Choice, choices: Iterable[Choice], text: str) -> bool:
    """Whether ``choice`` is one table row of several the question does not tell apart: another
    candidate of ``choices`` is a row of the same table column (caption, column head, period,
    measure, unit, comparison and aim; ``text``: the document's) with another indicator and
    value, holding as much of the question as ``choice`` -- and neither row is the other's
    total (``Frame.parent``).  "Kế hoạch năm 2038 là bao nhiêu ha?" over a plan table of rice,
    maize and vegetable areas and no total row names none of them: any one row is a guess,
    never a sure answer (break-test bt24a: "Kế hoạch năm 2037 là bao nhiêu triệu USD?" gave
    a row at 1.0; tests/test_plan_total_and_higher.py)."""
    f = choice.frame
    head = table_line_head(text[f.quote[0]:f.quote[1]])
    if not head:
        return False
    own = fold(f.indicator).lower().strip()
    for d in choices:
        g = d.frame
        if d is choice or d.hit.chunk.doc_id != choice.hit.chunk.doc_id or \
                d.coverage < choice.coverage or g.value == f.value or \
                (g.context, g.period, g.measure, g.unit, g.comparison, g.target) != \
                (f.context, f.period, f.measure, f.unit, f.comparison, f.target):
            continue
        other = fold(g.indicator).lower().strip()
        if other == own or fold(g.parent).lower().strip() == own or \
                fold(f.parent).lower().strip() == other:
            continue
        if table_line_head(text[g.quote[0]:g.quote[1]]) == head:
            return True
    return False


def wholes_first(choices: list[Choice], said: frozenset[str],
                 pairs: frozenset[str] | None = None,
                 texts: Callable[[str], str] | None = None) -> list[Choice]:
    """``choices`` (best first) with each part placed after its total when both are
    candidates and the question names nothing the part adds (:func:`adds_unasked`; its
    adjacent word ``pairs``): "có bao nhiêu xe thông quan ngày 7/2/2023" is the 1.146
    vehicles, not the 552 of them exported -- or names the total by a word the part lacks
    (:func:`total_named`: "tổng mức").  A table's row is a part of its table's total row
    (:func:`table_whole`, read from the documents' ``texts`` when given) alike."""
    at = {(c.hit.chunk.doc_id, c.frame.start): c for c in choices}
    held: dict[int, list[Choice]] = {}  # position of a total in choices -> parts after it
    order = {id(c): i for i, c in enumerate(choices)}
    out: list[Choice] = []
    for c in choices:
        whole = at.get((c.hit.chunk.doc_id, c.frame.whole)) if c.frame.whole >= 0 else None
        if whole is None and texts is not None:
            whole = table_whole(c, choices, texts(c.hit.chunk.doc_id))
        if whole is not None and order[id(whole)] > order[id(c)] and (
                adds_unasked(c.frame, whole.frame, said, pairs)
                or total_named(c.frame, whole.frame, said)):
            held.setdefault(id(whole), []).append(c)
            continue
        out.append(c)
    placed: list[Choice] = []

    def place(c: Choice) -> None:
        """``c``, then the parts held after it, each with its own (a row under a part)."""
        placed.append(c)
        for p in held.get(id(c), []):
            place(p)

    for c in out:
        place(c)
    return placed


# the words of a quantity measured ("sản lượng điện", "khối lượng hàng hóa"): a measure, not a
# product -- a figure of a product in a unit of quantity ("Điện sản xuất ... 612 triệu kWh",
# "Xi măng: 623,8 nghìn tấn") is that quantity however its indicator names the product
# (break-test bt8-b17 failure 5; tests/test_targets_units_products.py)
_QUANTITY_WORDS = frozenset({"san_luong", "khoi_luong"})


def quantity_figure(frame: Frame) -> bool:
    """Whether ``frame`` is a quantity of a product: a level in a unit of quantity
    (:func:`measures_quantity`: tấn, kWh, m3 ...), or the change or index of a figure (a row's
    "giảm 4,8%" of such a level)."""
    return frame.measure in ("change", "index") or measures_quantity(frame.unit)


def qualified_change(frame: Frame) -> bool:
    """Whether ``frame``'s words after its value are a qualifier naming what it is a change
    of ("tăng 11,5% về số doanh nghiệp", "giảm 3% về lượng", "tăng 8% tính theo số dự án";
    rag.vi.frames.sentence reads the indicator from it)."""
    return bool(_QUALIFIER_WORDS.match(fold(frame.detail).lower()))


_QUALIFIER_WORDS = re.compile(r"(?:tinh\s+)?(?:ve|theo)\s+\S")


# a figure of the money taken from a source, as reports name it: "Tổng thu từ khách du lịch"
# (dv13), "tổng thu từ du lịch" (dv03, dv14), "Thu từ hoạt động xuất nhập khẩu", "thu từ khu
# vực doanh nghiệp nhà nước" (the GSO's budget lines, dv01-dv04), "doanh thu từ khách quốc tế"
_MONEY_FROM_RE = re.compile(r"^\s*(?:tổng\s+)?((?:doanh\s+)?thu)\s+từ\s+\S")
# the question's words that ask money taken or spent ("thu", "chi tiêu", "tiền")
_MONEY_TAKEN = frozenset({"thu", "chi", "tien"})


def money_from_unasked(frame: Frame, said: frozenset[str]) -> bool:
    """Whether ``frame`` is the money taken from a source (:data:`_MONEY_FROM_RE`) and the
    question (``said``: its folded words) says no word of money (:data:`_MONEY_TAKEN`): its
    source's words ask the source itself -- "khách du lịch năm 2036?" asks the visitors
    counted, never "Tổng thu từ khách du lịch: 1.980 tỷ đồng" written beside "Tổng lượt
    khách" (the province's tourism paragraphs, dv02, dv13, dv24, write both)."""
    return bool(_MONEY_FROM_RE.match(normalize(frame.indicator).lower())) and \
        not _MONEY_TAKEN & said


def names_another_word(frame: Frame, asked: set[str], terms: dict[str, float],
                       names: frozenset[str] = frozenset(),
                       said: frozenset[str] = frozenset(),
                       pairs: tuple[tuple[str, str], ...] = ()) -> bool:
    """Whether what ``frame`` is (its indicator, unit and the words after its value, the total it
    is part of) lacks a word of two syllables the question asks (``asked``: dictionary words,
    rag.vi.words) and writes one of its syllables inside another word the question does not ask
    (``terms``): "giá trị xuất khẩu hàng công nghiệp" is no answer to "giá trị sản xuất công
    nghiệp" -- its "xuất" is that of "xuất khẩu" -- however many of the question's other words
    it holds, and the title's "sản xuất" does not make it one.  ``names``: the word pairs
    (folded terms, rag.answer.places.gate_terms) of the places, parks and gates the question
    names -- the figure's own name, never another word: "khu công nghiệp An Phú" is no "án"
    of "dự án" (break-test bt25-b16: "số dự án khu công nghiệp An Phú" refused at 0.86).
    ``said``: the question's folded words; the indicator's other wordings it says
    (:func:`readings_said`) are what the frame is too.  ``pairs``: the question's runs its
    row's tokens spell (rag.vi.acronyms.spelled_in): a row "DT DL" says the "doanh thu du
    lịch" asked."""
    text = f"{frame.indicator} {frame.unit} {frame.detail} {frame.parent}"
    text += "".join(f" {run}" for _, run in pairs)
    described, words = _what_frame_is(text, frame.indicator,
                                      readings_said(frame.indicator, said))
    # a quantity's "sản lượng" and the verb of its being made ("sản xuất"), which the row of
    # a product named by the question's words leaves out ("Quần áo may sẵn 5,62 triệu cái" for
    # "How many ready-made garments were produced": its "sẵn" folds to "sản"; bt9-b17)
    made = quantity_figure(frame) and _named_only(frame.indicator, terms)
    missing = [set(t.split("_")) for t in asked if t not in described
               and not (t in _QUANTITY_WORDS and quantity_figure(frame))
               and not (t in _MADE_WORDS and made)
               and not (not frame.part and _whole_of(t))]
    if not missing:
        return False
    others = [set(w.split("_")) for w in words if w not in terms and w not in names]
    return any(m & w for m in missing for w in others)


def another_subject(frame: Frame, subject: str) -> bool:
    """Whether ``frame`` is of another subject than the question's ``subject`` (folded, after
    its head: "lua" of "năng suất lúa"; rag.vi.frames.indicators.asked_topic): its own
    subject (figure_topic: "lạc" of "Năng suất lạc", "thủy sản" of the part "nuôi trồng" of
    "Sản lượng thủy sản") shares no word with it.  Such a figure of the asked period
    answered "năng suất lúa 6 tháng" with "Năng suất lạc 24,6 tạ/ha" and "sản lượng lúa 6
    tháng" with fish farming's 11.270 tấn (break-test b17 round 11, failure 3): the
    indicator must agree before the period does."""
    own = set(figure_topic(frame.indicator, frame.detail, frame.parent).split())
    # a part named by no head of its own is an item of its whole ("trong đó diện tích lúa
    # 4.820 ha, ngô 5.310 ha", "trong đó lúa mùa 19.870 ha" of the area sown): the item is
    # its subject as much as its whole's (break-test bt22a q171, session 50)
    own |= set(item_subject(frame).split())
    # the words of its own unit are no subject: a change "ít hơn vụ Đông Xuân 2036 là 1.150
    # tấn" keeps "tấn" as what it counts (tests/test_stated_differences_b.py failed on "tan")
    own -= set(fold(frame.unit).lower().split())
    # a table's total row is of what its caption names: "Tổng trị giá" under "Trị giá xuất
    # khẩu hàng hóa 6 tháng …" is exports' (break-test bt22a, session 50)
    if own and total_row(frame) and \
            set(subject.split()) <= set(re.findall(r"[a-z0-9]+", fold(frame.context).lower())):
        return False
    return bool(own) and not own & set(subject.split())


def item_subject(frame: Frame) -> str:
    """The item (folded, lower case) a part ``frame`` names with no head of its own ("ngô" of
    "trong đó diện tích lúa 4.820 ha, ngô 5.310 ha"; "lúa mùa" of "trong đó lúa mùa 19.870
    ha"), whose subject its whole's head reads ("Diện tích gieo trồng cây hằng năm"): what
    :func:`another_subject` holds the question's subject against besides its whole's; ""
    for a frame that is no part or whose indicator names a head (break-test bt22a q171,
    session 50)."""
    if not frame.part or not frame.parent or topic_named(frame.indicator, frame.detail) != "":
        return ""
    return fold(frame.indicator).lower()


def narrower_subject(frame: Frame, question: str, carried: str,
                     places: Iterable[str] = (), document: str = "",
                     pairs: tuple[tuple[str, str], ...] = ()) -> bool:
    """Whether ``question`` asks a narrower or another thing than ``frame`` counts: the words
    it writes right after those it shares with the frame's indicator (or the whole it is part
    of; rag.vi.frames.indicators.asked_beyond: the "sởi" of "số ca mắc sởi" against "Số ca mắc
    sốt xuất huyết", the "nái" of "đàn lợn nái" against "Đàn lợn", the "điều" of "diện tích
    cây điều" against "Tổng diện tích cây công nghiệp lâu năm") are not all among the words of
    the frame (indicator, unit, detail, parent) and ``carried`` (the line it stands in, the
    document's title), the words of ``places`` (folded) left out, and one of them at least
    is never written in ``document`` (the figure's document, when given: see
    :func:`_beyond_unsaid`).  The figure of the sibling
    or of the whole was served for the part asked (break-test bt24-b16 failure 3), as
    :func:`another_subject` reads only the subject after a head of a crop or product.
    ``pairs``: the question's abbreviation pairs (``Query.acronyms``, (folded token,
    phrase)): a frame writing the token ("Chi NSĐP") says its phrase too."""
    own = f"{frame.indicator} {frame.unit} {frame.detail} {frame.parent}"
    written = set(fold(own).lower().split())
    own += "".join(f" {phrase}" for key, phrase in pairs if key in written)
    # ... and its synonyms (rag.vi.lexicon.SYNONYMS: "trái cây tươi" says "hoa quả tươi") the
    # question says (:func:`readings_said`)
    said = frozenset(re.findall(r"[a-z0-9]+", fold(expand_abbreviations(question)).lower()))
    own += "".join(f" {variant}" for variant in readings_said(own, said))
    return _beyond_unsaid(question, (frame.indicator, frame.parent),
                          f"{own} {expand_abbreviations(own)} {carried}", places, document)


def table_caption(frame: Frame, quote: str) -> str:
    """The caption or lead-in of the table whose line ``quote`` (the frame's quote, in
    rag.ingest.tables' form) holds ``frame`` -- its ``Frame.context``, after a space -- or ""
    when the frame stands in no table line.  What a caption names ("Bảng: Kim ngạch xuất nhập
    khẩu qua địa bàn giai đoạn 2057 - 2061 (triệu USD)") holds for every cell of its table,
    whose rows write it short ("Kim ngạch XNK"): a question naming it ("... qua địa bàn năm
    2059?") asks those cells, no narrower thing (:func:`narrower_subject`'s ``carried``).
    Break-test bt17l of session 43: the year asked was refused, or answered by another
    report's quarter; tests/test_caption_basis.py."""
    return f" {frame.context}" if frame.context and table_line_head(quote) else ""


def sentence_narrower(question: str, sentence: str, places: Iterable[str] = (),
                      document: str = "", title: str = "") -> bool:
    """Whether ``question`` asks a narrower or another thing than ``sentence`` states, as
    :func:`narrower_subject` reads a frame: "năm 2041 có bao nhiêu ca mắc sởi?" of "Số ca mắc
    thủy đậu năm 2041 là 486 ca." -- a sentence holding a number answers no such question
    when the figures of it do not (tests/test_narrower_subject.py)."""
    return _beyond_unsaid(question, (sentence,), f"{sentence} {expand_abbreviations(sentence)}",
                          places, document, title)


# words (folded) that name no kind of thing, so never a narrower subject after the words a
# question shares with an indicator: the particles and quantifiers ("các", "những"), the
# prepositions ("qua các năm"), the time and result words ("cuối năm") and the question words
# ("mất bao lâu") of rag.vi.lexicon
_NO_KIND_WORDS = STOPWORDS | NOT_A_THING_WORDS | frozenset(
    w for phrase in (*PREPOSITIONS_EXACT, *QUESTION_WORDS) for w in fold(phrase).split())


# a part of the day before a date or "cùng ngày"/"hôm nay" (folded): "sáng ngày 03/12", "chiều
# cùng ngày", "17h chiều 25/6" -- a count held then, another than at another part of that day
_PART_OF_DAY_RE = re.compile(r"(?<!\w)(sang|trua|chieu|toi|dem)\s+(?=(?:ngay\s+|hom\s+)?\d{1,2}/"
                             r"\d{1,2}(?!\d)|cung ngay\b|hom nay\b|nay\b)")


def part_of_day(text: str) -> str | None:
    """The part of the day (folded: "sang", "trua", "chieu", "toi", "dem") ``text`` names
    before a date or "cùng ngày" ("sáng ngày 03/12/2063 là 1.350 xe", "chiều cùng ngày giảm
    còn 870 xe"; in a question "chiều 03/12/2063"), the last one when several; None when it
    names none.  A count asked of one part of a day is never the one a report gives for
    another part (dev3 r15 q32; dev2 e029/e073 ask "sáng"); only before a date or "cùng
    ngày", so "sang" (to go over) or "tối đa" are never read."""
    found = _PART_OF_DAY_RE.findall(fold(text).lower())
    return found[-1] if found else None


# the hour each part of the day stands for when no hour is written (folded), in the day's
# order: "sáng" before "trưa", "chiều", "tối", "đêm"; "hết ngày" is its end
_PART_OF_DAY_HOUR = {"sang": 8.0, "trua": 12.0, "chieu": 15.0, "toi": 19.0, "dem": 22.0}
# an hour of the day (folded), its minutes after it, its part of the day after that: "17 giờ
# chiều", "16h00", "8 giờ 30 sáng", "16h30'"
_HOUR_RE = re.compile(r"(?<![\w/.,])(\d{1,2})\s*(?:gio|h)(?:\s*(\d{1,2})(?:\s*phut|')?)?"
                      r"(?:\s+(sang|trua|chieu|toi|dem))?(?!\w)")
_DAY_END_RE = re.compile(r"\bhet ngay\b")


def moment_in_day(clause: str) -> float | None:
    """The time of day (hours, 0-24) ``clause`` says its figure stands at: an hour written
    ("Tính đến 17 giờ chiều cùng ngày" -> 17.0, "5 giờ chiều" -> 17.0, "16h30" -> 16.5), else
    its part of the day (:func:`part_of_day`: "Sáng ngày 21/12" -> 8.0, "chiều cùng ngày" ->
    15.0), else 24.0 for "đến hết ngày"; None when it names no time of the day.  Of two counts
    at the same day, the one at the later moment is the state after the other -- what
    "hiện nay" asks (:func:`latest_first`; break-test bt17n: "Sáng ngày 21/12/2079 ... còn tồn
    2.870 xe ... Tính đến 17 giờ chiều cùng ngày ... giảm còn 2.315 xe" -> 2.315;
    tests/test_same_day_later.py)."""
    folded = fold(clause).lower()
    hours = _HOUR_RE.findall(folded)
    if hours:
        hour, minutes, part = hours[-1]
        value = int(hour) + (int(minutes) / 60 if minutes else 0.0)
        if value < 12 and part in ("chieu", "toi") or (value < 6 and part == "dem"):
            value += 12
        return value if value <= 24 else None
    part = part_of_day(clause)
    if part:
        return _PART_OF_DAY_HOUR[part]
    return 24.0 if _DAY_END_RE.search(folded) else None


# a part of the day an English question names ("on the morning of 21 December", "this
# afternoon", "at noon"), as part_of_day's folded Vietnamese part
_PART_OF_DAY_EN = {"morning": "sang", "noon": "trua", "midday": "trua", "afternoon": "chieu",
                   "evening": "toi", "night": "dem"}
_PART_OF_DAY_EN_RE = re.compile(r"\b(?:the|this|that)\s+(morning|afternoon|evening|night)\b"
                                r"|\bat\s+(noon|midday)\b", re.IGNORECASE)


def part_of_day_english(question: str) -> str | None:
    """The part of the day an English ``question`` names, as :func:`part_of_day` gives it
    (folded Vietnamese: "How many trucks were waiting on the morning of 21 December 2096?"
    -> "sang"), the last one when several; None when it names none.  Only after "the",
    "this", "that" or "at", so "nights of stay" is never read (break-test bt17p;
    tests/test_part_of_day_hour.py)."""
    found = [a or b for a, b in _PART_OF_DAY_EN_RE.findall(question)]
    return _PART_OF_DAY_EN[found[-1].lower()] if found else None


# the hours (inclusive) each part of the day spans (folded), for an hour a clause writes
# without its part: "Đến 17 giờ cùng ngày" is no morning; the borders overlap ("11 giờ" may be
# either "sáng" or "trưa")
_PART_OF_DAY_SPAN = {"sang": (0.0, 11.0), "trua": (11.0, 13.5), "chieu": (12.0, 18.5),
                     "toi": (18.0, 23.0), "dem": (21.0, 24.0)}


def other_part_of_day(asked: str, clause: str) -> bool:
    """Whether ``clause`` (the text of a figure's clause) stands at another part of the day
    than ``asked`` (:func:`part_of_day` of the question, folded: "sang"): it names another
    part ("chiều cùng ngày ... 870 xe" asked "sáng"), or, naming none, writes an hour
    (:data:`_HOUR_RE`) outside ``asked``'s span (:data:`_PART_OF_DAY_SPAN`): "Sáng 21/12/2096
    ... còn tồn 3.870 xe ... Đến 17 giờ cùng ngày, số xe tồn giảm xuống còn 3.215 xe" asked
    "sáng 21/12/2096" is 3.870, not the 17 o'clock count (break-test bt17p;
    tests/test_part_of_day_hour.py).  False when the clause names no time of the day."""
    part = part_of_day(clause)
    if part is not None:
        return part != asked
    hours = _HOUR_RE.findall(fold(clause).lower())
    if not hours:
        return False
    moment = moment_in_day(clause)
    low, high = _PART_OF_DAY_SPAN.get(asked, (0.0, 24.0))
    return moment is not None and not low <= moment <= high


def later_same_day(near: list[Choice], rest: list[Choice],
                   stands: Callable[[Choice], date | None]) -> list[Choice]:
    """Of ``rest``, the counts that restate one of ``near`` at a later moment of the same day
    (:func:`moment_in_day`): same document, unit and kind, standing at the same day, their
    indicator's words (folded; "số", the parts of the day, "cùng" and :data:`_NO_KIND_WORDS`
    left out: "Trưa cùng ngày số phương tiện") all words of the near one's indicator -- "Tính
    đến 17 giờ chiều cùng ngày, số xe tồn giảm còn 2.315 xe" after "Sáng ngày 21/12/2079 ...
    còn tồn 2.870 xe hàng chờ xuất khẩu": the same backlog later, though worded too short to
    score near (break-test bt17n; tests/test_same_day_later.py).  Each is given the near
    one's score and coverage when higher, and its ``broader`` (the subclass words the
    question names that it lacks: "chờ xuất khẩu"), as it restates the near one's thing."""
    out: list[Choice] = []
    for c in rest:
        words = set(fold(c.frame.indicator).lower().split()) - {"so", "cung"} \
            - _NO_KIND_WORDS - set(_PART_OF_DAY_HOUR)
        for n in near:
            if (n.hit.chunk.doc_id == c.hit.chunk.doc_id and n.frame.unit == c.frame.unit
                    and n.frame.kind == c.frame.kind == "count" and stands(n) is not None
                    and stands(n) == stands(c) and words
                    and words <= set(fold(n.frame.indicator).lower().split())
                    and _moment_of(c) > _moment_of(n) >= 0):
                # the words it leaves out are the near one's: as much of the question
                out.append(replace(c, coverage=max(c.coverage, n.coverage),
                                   score=max(c.score, n.score), broader=n.broader))
                break
    return out


def _moment_of(c: Choice) -> float:
    """:func:`moment_in_day` of the clause ``c``'s figure stands in (its chunk's text up to
    the figure), -1 when it names no time of the day."""
    chunk = c.hit.chunk
    end = c.frame.end - chunk.start
    if end <= 0 or end > len(chunk.text):
        return -1.0
    moment = moment_in_day(_clause_before(chunk.text, c.frame.start - chunk.start, end))
    return -1.0 if moment is None else moment


def _clause_before(text: str, start: int, end: int) -> str:
    """The clause of ``text`` ending at ``end`` that holds ``start``: from the last "." or
    ";" before a space (no number's "1.350") or line break before ``start``."""
    cuts = [m.end() for m in _CLAUSE_END_RE.finditer(text, 0, start)]
    return text[cuts[-1] if cuts else 0:end]


_CLAUSE_END_RE = re.compile(r"[.;](?=\s)|\n")


# the classifiers a subject is named under ("khu vực dịch vụ", "ngành công nghiệp - xây
# dựng", "nhóm hàng"; rag.vi.lexicon.CLASS_HEAD_TERMS), which reports often leave out: no
# narrower thing (dev3 r18 "giá trị sản xuất khu vực dịch vụ" of "dịch vụ 1.290 tỷ đồng")
_CLASS_HEADS_RE = re.compile(r"\b(?:" + "|".join(
    sorted((t.replace("_", " ") for t in CLASS_HEAD_TERMS), key=len, reverse=True)) + r")\b")



# the verb of receiving visitors ("Lạng Sơn đón bao nhiêu lượt khách", "tiếp đón", "đón
# tiếp"), as typed with its marks ("đơn", "dồn" fold alike), or typed without them right before
# what is counted or the asking words ("don bao nhieu luot khach"): the predicate of a count of
# visits, no thing -- a report may write the count "lượng khách đến Lạng Sơn đạt 121.000 lượt"
# and never "đón" (break-test bt17l: "Dịp 2/9/2057 Lạng Sơn đón bao nhiêu lượt khách?" refused
# while "Lượt khách dịp Quốc khánh năm 2057?" answered); "đón nhận" is another verb
_RECEIVING_NEXT = frozenset("bao duoc khoang hon tren gan may luot khach".split())


@lru_cache(maxsize=4096)  # pure; asked for every frame a question weighs
def receiving_verb_words(question: str) -> frozenset[str]:
    """The folded words of the verb of receiving visitors ``question`` writes: "đón" as typed
    with its marks, or "don" typed without them before a word of :data:`_RECEIVING_NEXT` or
    a number, with a "tiếp" joined to it ("tiếp đón", "đón tiếp") -- "Lạng Sơn đón bao nhiêu
    lượt khách?" -> {"don"}, "tiếp đón" -> {"tiep", "don"}; empty when it writes none ("số
    đơn hàng", "cộng dồn", "đón nhận").  Those words name no narrower thing a figure's own
    words must say (:func:`_beyond_unsaid`), and a count of visits says them
    (:func:`counts_visits`)."""
    tokens = re.findall(r"\w+", normalize(question).lower())
    folded = [fold(t) for t in tokens]
    out: set[str] = set()
    for i, tok in enumerate(tokens):
        after = folded[i + 1] if i + 1 < len(tokens) else ""
        if after == "nhan" or not (tok == "đón" or (tok == "don" and (
                after in _RECEIVING_NEXT or after == "tiep" or after[:1].isdigit()))):
            continue
        out.add("don")
        if (i > 0 and folded[i - 1] == "tiep") or after == "tiep":
            out.add("tiep")
    return frozenset(out)


_VISITS_COUNTED = re.compile(r"^(?:luot\b.*|(?:hanh |du )?khach\b.*)$")


def counts_visits(frame: Frame, column: str = "") -> bool:
    """Whether ``frame`` counts visits or visitors: its unit, magnitude words left out
    ("nghìn lượt khách", "lượt"), else the thing its table ``column`` counts ("Lượt khách",
    :func:`counted_in`) is one of visits (:data:`_VISITS_COUNTED`) -- what the verb of
    receiving them ("đón", :func:`receiving_verb_words`) is said of."""
    unit = " ".join(w for w in fold(frame.unit).lower().split() if w not in UNIT_MAGNITUDES)
    if not unit and column:
        unit = counted_in(column)[0]
    return bool(unit) and frame.kind != "percent" and bool(_VISITS_COUNTED.match(unit))



def _beyond_unsaid(question: str, indicators: Iterable[str], said_text: str,
                   places: Iterable[str], document: str = "", title: str = "") -> bool:
    """Whether the words ``question`` adds to one of ``indicators``
    (rag.vi.frames.indicators.asked_beyond), the words of ``places`` (folded) and
    :data:`_NO_KIND_WORDS` left out, are not all words of ``said_text`` and, when
    ``document`` is given, one of them at least is no word of it: a word the document
    never writes ("sởi", "nái", "hồi") cannot be what it reports, while one it writes
    elsewhere ("từng", "cả", "mất") may be the figure's context (eval_dev d159 "chỉ số sản
    xuất công nghiệp từng năm", dev2 "xuất khẩu hàng địa phương cả năm 2019")."""
    said = set(re.findall(r"[a-z0-9]+", fold(said_text).lower()))
    placed = {w for p in places for w in p.split()}
    typed, verbs = _question_beyond_words(question)
    for text in indicators:
        if not text:
            continue
        added = asked_beyond(question, expand_abbreviations(text))
        beyond = {w for w in set(_CLASS_HEADS_RE.sub(" ", added).split()) - placed - _NO_KIND_WORDS
                  - verbs if typed.get(w, w) not in ASPECT_WORDS}
        if beyond and not all(set(w.split("_")) <= said for w in beyond) and \
                _names_other_figure(question, added, document, text, title):
            return True  # "lao động qua đào tạo": the document's phrase for another figure
        # a joined pair ("co_so" of "trung học cơ sở") is said or written when both its words are
        if beyond and not all(set(w.split("_")) <= said for w in beyond) and not (
                document and all(_written(typed.get(p, p), document)
                                 for w in beyond for p in w.split("_"))):
            return True
    return False


@lru_cache(maxsize=4096)  # pure; asked for every frame a question weighs
def _question_beyond_words(question: str) -> tuple[Mapping[str, str], frozenset[str]]:
    """What :func:`_beyond_unsaid` reads of ``question`` alone: each of its words folded ->
    as typed (one typed with its marks is looked for with them: "hồi" is no "hơi" of "thịt
    hơi"; one typed without them folded: a typo is no subject), read-only; and the folded
    words that name no thing it adds: the verb of receiving visitors
    (:func:`receiving_verb_words`) and what the figure leaves out ("không kể dịch vụ")."""
    typed = {fold(t).lower(): t for t in re.findall(r"\w+", normalize(question).lower())}
    folded_q = fold(question).lower()
    verbs = receiving_verb_words(question) | excluded_marker_words(folded_q) | \
        frozenset(excluded_asked(folded_q).split())
    return MappingProxyType(typed), verbs


def _names_other_figure(question: str, added: str, document: str, indicator: str,
                        title: str = "") -> bool:
    """Whether ``document`` writes the words ``question`` adds (``added``, folded: what
    asked_beyond gives) right after the question's word before them -- "lao động qua đào
    tạo" of "Tỷ lệ lao động qua đào tạo đạt 71,4%" --: a group the report names for
    another figure, which a figure whose own words lack them is not (bt25-b16 failure 4,
    kind v: a qualifier written for other figures) -- unless ``indicator`` is a shortened
    form of what the question asks (rag.vi.frames.sentence.shortened_of: "sản lượng thủy
    sản" said after "sản lượng khai thác thủy sản", tests/test_scope_added_and_short_names.py)
    -- or the document's title (``title``, else its first line) writes them: the subject the
    whole report is of ("Bế mạc Hội chợ Thương mại quốc tế …", dev3 r18 q43), no other
    figure's group."""
    if not added or not document:
        return False
    typed = re.findall(r"\w+", normalize(question))
    words = [fold(t).lower() for t in typed]
    phrase = added.replace("_", " ").split()
    own = re.findall(r"\w+", fold(indicator).lower())
    for i in range(1, len(words) - len(phrase) + 1):
        if words[i:i + len(phrase)] == phrase:
            starts = [j for j in range(i) if own and words[j] == own[0]]
            if starts and shortened_of(indicator, " ".join(typed[starts[-1]:i + len(phrase)])):
                return False
            said = rf"(?<!\w){re.escape(' '.join([words[i - 1], *phrase]))}(?!\w)"
            if re.search(said, " ".join(_document_words_in_order(title or
                                                                 document.split("\n", 1)[0]))):
                return False  # the document's own title names it: its scope, no other figure's
            return bool(re.search(said, " ".join(_document_words_in_order(document))))
    return False


@lru_cache(maxsize=64)  # one document's text, asked of each of its candidate figures
def _document_words_in_order(text: str) -> tuple[str, ...]:
    """The words of ``text``, folded lower case, in order."""
    return tuple(re.findall(r"\w+", fold(normalize(text)).lower()))


def _written(word: str, document: str) -> bool:
    """Whether ``document`` writes ``word`` (lower case): with its marks when it has them,
    else folded."""
    folded, marked = _document_words(document)
    return word in marked if has_diacritics(word) else word in folded


@lru_cache(maxsize=64)  # one document's text, asked of each of its candidate figures
def _document_words(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The words of ``text`` (lower case): folded, and as written (normalised)."""
    marked = frozenset(re.findall(r"\w+", normalize(text).lower()))
    return frozenset(fold(w) for w in marked), marked


def _spelled_in_row(frame: Frame, quote: str, spelled: tuple[tuple[str, str], ...],
                    folded_q: str) -> tuple[tuple[str, str], ...]:
    """The question's runs (``Asked.spelled``) whose token ``frame``'s table line
    (``quote``) writes in its row label or column header, as rag.vi.acronyms.spelled_in
    reads them; none for a sentence's figure."""
    head = table_line_head(quote) if spelled else ""
    if not head:
        return ()
    return spelled_in((frame.indicator, head), quote, spelled, folded_q)


def _line_at(text: str, at: int) -> str:
    """The line of ``text`` holding the offset ``at``."""
    return text[text.rfind("\n", 0, at) + 1:(text.find("\n", at) + 1 or len(text) + 1) - 1]


@lru_cache(maxsize=8192)  # read for every question a frame is a candidate of
def _what_frame_is(text: str, indicator: str, readings: tuple[str, ...] = ()
                   ) -> tuple[frozenset[str], frozenset[str]]:
    """The terms of ``text`` (a frame's indicator, unit, detail and parent) and of its
    ``indicator`` with abbreviations read out and in its other wordings the question says
    (``readings``, :func:`readings_said`), and the dictionary words of ``text``."""
    return (text_terms(text) | text_terms(expand_abbreviations(indicator)).union(
                *(text_terms(v) for v in readings)),
            frozenset(words_in(text)))


def _total_of(part: Choice, choices: list[Choice]) -> Choice | None:
    """The candidate that is ``part``'s total: the value its sentence lists it under
    (``Frame.whole``), or the table row of its period labelled as its parent."""
    f = part.frame
    doc = part.hit.chunk.doc_id
    for c in choices:
        if c is part or c.hit.chunk.doc_id != doc:
            continue
        if f.whole >= 0 and c.frame.start == f.whole:
            return c
        if f.part and f.parent and c.frame.period == f.period and \
                fold(c.frame.indicator).strip() == fold(f.parent).strip():
            return c
    return None


def part_asked(change: Frame, frames: list[Frame], terms: dict[str, float],
               folded_q: str = "") -> Frame | None:
    """The part listed under ``change``'s indicator in its sentence (a frame of ``frames``
    with ``Frame.part`` whose whole is ``change`` or a frame of the same indicator there)
    whose own words (indicator, detail) hold a term of ``terms`` that the total's own words
    (indicator, detail, parent) do not -- or, when the part's name is inside the total's
    ("doanh thu bán lẻ hàng hóa" of "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu
    dùng"), whose indicator the question (``folded_q``, folded lower-case) says as written
    while asking no word of the total's own (issue 17 bt11-b17 failure 2): the question
    asks that part, so ``change`` -- the total's -- does not answer it; None when no such
    part is listed."""
    if change.part:
        return None
    key = fold(change.indicator).strip().lower()
    at = {f.start: f for f in frames if f.quote == change.quote}
    whole = text_terms(expand_abbreviations(f"{change.indicator} {change.detail} "
                                            f"{change.parent}"))
    for p in frames:
        if p.quote != change.quote or not p.part or p.whole < 0 or p is change:
            continue
        total = at.get(p.whole)
        if total is None or not (total is change or (
                not total.part and fold(total.indicator).strip().lower() == key)):
            continue
        # the total as the part's parent names it is the total's too: "gieo cấy được 41.260
        # ha lúa mùa, ..., giảm 640 ha ...; trong đó lúa chất lượng cao 18.350 ha" -- "lúa"
        # is the total's word, not the part's alone; and what a share is of ("chiếm 44,5%
        # diện tích") is the total (bt17-b17 failure 4)
        of_whole = p.detail if p.measure == "share" else ""
        own = text_terms(expand_abbreviations(
            p.indicator if of_whole else f"{p.indicator} {p.detail}"))
        said = whole | text_terms(expand_abbreviations(f"{p.parent} {of_whole}"))
        if any(t in own and t not in said for t in terms):
            return p
        name = " ".join(fold(p.indicator).lower().split())
        if folded_q and len(name.split()) >= 2 and \
                re.search(rf"(?<!\w){re.escape(name)}(?!\w)", folded_q) and \
                not any(t in whole and t not in own for t in terms):
            return p
    return None


def parts_first(choices: list[Choice], terms: dict[str, float],
                said: frozenset[str] = frozenset(),
                pairs: frozenset[str] = frozenset()) -> list[Choice]:
    """``choices`` (best first) with each part placed before its total (:func:`_total_of`)
    when its own words hold a word the question asks that the total's do not: "sản lượng
    khai thác than" is the row "Than" under "Tổng sản lượng khai thác khoáng sản", whichever
    order the question's words come in (the total's own words holding the question's first
    word ranked it first for one order and not the other); abbreviations are read out
    ("IIP" holds "sản xuất") -- or when the question (its folded words ``said``) names the
    part exactly and its total is wider (:func:`wider_than_part`): "lượng xăng bán ra" is the
    "xăng 31.000 m3" listed under "tổng lượng xăng dầu bán ra 52.000 m3".  A word the
    question says only as the head of another thing (:func:`heads_another`, by its adjacent
    word ``pairs``: "vốn đầu tư công" beside the part "vốn ngân sách trung ương") holds none."""
    out = list(choices)
    for part in choices:
        total = _total_of(part, out)
        if total is None:
            continue
        i, j = out.index(total), out.index(part)
        own = text_terms(expand_abbreviations(f"{part.frame.indicator} {part.frame.detail} "
                                              f"{class_unit(part.frame, total.frame, said)}"))
        # ... and its lead-in ("Bình quân mỗi ngày có", :func:`adds_unasked`): a part's
        # "bình quân" holds no word its total lacks (break-test bt20c d01)
        whole = text_terms(expand_abbreviations(f"{total.frame.indicator} {total.frame.detail} "
                                                f"{total.frame.parent} {total.frame.verb}"))
        # ... and the measure its unit states ("diện tích" of "gieo trồng được 12.450 ha":
        # :func:`unit_stated_heads`)
        whole |= unit_stated_heads(terms, total.frame.unit)
        # abbreviations read out: "IIP ... 7,85%, trong đó ... sản xuất và phân phối điện tăng
        # 6,93%" asked as "chỉ số sản xuất công nghiệp" -- the total holds "sản xuất" too
        if j > i and (any(t in own and t not in whole and not heads_another(
                t, own, pairs, part.frame.indicator or part.frame.detail)
                          for t in terms) or
                      (wider_than_part(part.frame, total.frame, said) and
                       not total_named(part.frame, total.frame, said & _TOTAL_ONLY))):
            # ... a part named exactly is no answer when the question says "tổng", the total's
            # own word ("tổng mức bán lẻ hàng hóa" of "Tổng mức bán lẻ hàng hóa và doanh thu
            # dịch vụ tiêu dùng" over its row "Bán lẻ hàng hóa": break-test bt22a, session 50)
            # -- not "số", which counts ("Số hợp tác xã thành lập mới" is the part "hợp tác xã
            # 35" of "số doanh nghiệp và hợp tác xã thành lập mới", tests/test_narrower.py)
            out.insert(i, out.pop(j))
    return out


def class_unit(part: Frame, total: Frame, said: frozenset[str]) -> str:
    """The unit noun of ``part`` when it names the part's class rather than what its total
    counts -- "64 hợp tác xã, 22 doanh nghiệp" after "nâng tổng số chủ thể OCOP lên 131 chủ
    thể, trong đó": the part's own words, as "4 sao" is of "9 sản phẩm đạt 4 sao" (issue 17
    bt17l; tests/test_ocop_parts.py) -- or "" when the two share their unit ("sản phẩm"), a
    measure ("tỷ đồng", "%"), when either is no count, or when the question (its folded words
    ``said``) does not name both nouns ("số chủ thể ... là doanh nghiệp": "bao nhiêu xe" of
    "1.320 phương tiện, trong đó 610 xe" asks no class of the total)."""
    if not part.part or part.kind != total.kind or part.kind == "percent":
        return ""
    mine = fold(part.unit).lower().replace("/", " ").split()
    theirs = fold(total.unit).lower().replace("/", " ").split()
    if not mine or not theirs or set(mine) & set(theirs) or any(
            measures_quantity(u) or _magnitude_only(u) for u in (part.unit, total.unit)) or \
            not set(mine) <= said or not set(theirs) <= said:
        return ""
    return part.unit


def wider_listed(frame: Frame, frames: Iterable[Frame], said: frozenset[str]) -> bool:
    """Whether a part listed under ``frame`` (of ``frames``, its document's: listed in its
    sentence, ``Frame.whole``, or a table row whose ``parent`` is its indicator, of its
    period) is what the question (its folded words ``said``) names, and ``frame`` wider than
    it (:func:`wider_than_part`)."""
    own = fold(frame.indicator).strip().lower()
    if frame.part or not own:
        return False
    for f in frames:
        if not f.part or f is frame or f.unit != frame.unit or f.measure != frame.measure:
            continue
        parent = fold(f.parent).strip().lower()
        if (f.whole == frame.start or (f.whole < 0 and f.period == frame.period and
                                       parent in (own, f"{own} {fold(f.unit).lower()}"))) \
                and wider_than_part(f, frame, said):
            return True
    return False


# what a question leaves out of its figure (folded): "không tính dịch vụ", "không kể tiền sử
# dụng đất", "không bao gồm dầu thô", "ngoại trừ điện" -- the words up to a bracket's or
# clause's end, or to the period or asking words after them (the GSO's "không kể dầu thô",
# "bán lẻ hàng hóa (không kể dịch vụ)"; dev2 e058, break-test s46 bt17w).  A bare "trừ" is
# left out: folded it is also "trú" ("lưu trú")
_EXCLUDED_MARK = r"\b(?:khong (?:ke|tinh|bao gom|gom)|ngoai tru|loai tru)\s+"
_EXCLUDED_ASKED = re.compile(
    _EXCLUDED_MARK + r"(.+?)\s*(?=[),;?.]|$|\b\d|\b(?:nam|thang|quy|ngay|tuan|la|"
    r"bao nhieu|may|co|the nao|so voi)\b)")


@lru_cache(maxsize=256)  # read again for each candidate by _beyond_unsaid
def excluded_asked(folded_q: str) -> str:
    """The words a question (``folded_q``: folded, lower case) says its figure leaves out
    (:data:`_EXCLUDED_ASKED`): "dich vu" from "ban le hang hoa thang 8/2078 (khong tinh dich
    vu)"; "" when it leaves out nothing."""
    m = _EXCLUDED_ASKED.search(folded_q)
    return " ".join(m.group(1).split()) if m else ""


@lru_cache(maxsize=256)
def excluded_marker_words(folded_q: str) -> frozenset[str]:
    """The words of the marker leaving something out ("khong", "tinh" of "không tính dịch
    vụ"; :data:`_EXCLUDED_MARK`) that ``folded_q`` writes nowhere else: no thing asked, so
    no figure must hold them ("tỉnh" asked elsewhere, folded "tinh" too, stays)."""
    m = _EXCLUDED_ASKED.search(folded_q)
    if m is None:
        return frozenset()
    marker = folded_q[m.start():m.start(1)].split()
    rest = (folded_q[:m.start()] + " " + folded_q[m.end():]).split()
    return frozenset(w for w in marker if w not in rest)


def includes_excluded(frame: Frame, left_out: str) -> bool:
    """Whether ``frame``'s name (its indicator and detail, folded; not the total it is a part
    of, a table's caption) writes ``left_out``
    (:func:`excluded_asked`; every word of it, "thu xuất nhập khẩu" in "thu từ hoạt động xuất
    nhập khẩu") as a part it holds, not after a word leaving something out: "Tổng mức
    bán lẻ hàng hóa và doanh thu dịch vụ" holds "dich vu", so it is no answer to "bán lẻ hàng
    hóa (không tính dịch vụ)"; "nếu không kể tiền sử dụng đất thu nội địa" leaves its
    "tien su dung dat" out, and answers "thu nội địa không kể tiền sử dụng đất"."""
    named = " ".join(fold(f"{frame.indicator} {frame.detail}").lower().split())
    if re.search(_EXCLUDED_MARK, named):
        return False  # the frame leaves something out itself ("nếu không kể ...")
    return set(left_out.split()) <= set(named.split())


# where a rank stands among (folded): a region's provinces -- "trong vùng", "khu vực", the
# GSO's regions named after the rank ("thứ 5/14 tỉnh trung du và miền núi phía Bắc", "đồng
# bằng sông Hồng", "Tây Nguyên", "duyên hải") -- or the country's ("cả nước", "toàn quốc")
_RANK_REGION = re.compile(r"\b(?:vung|khu vuc|mien nui|trung du|dong bang|tay nguyen|duyen hai|"
                          r"tay bac|dong bac|bac trung bo|nam trung bo|dong nam bo)\b")
_RANK_COUNTRY = re.compile(r"\b(?:ca nuoc|toan quoc|nationwide)\b")
_RANK_SCOPE_WORDS = frozenset({"trong", "vung", "khu", "vuc", "ca", "nuoc", "toan", "quoc",
                               "khu_vuc", "ca_nuoc", "toan_quoc", "trong_vung"})
_RANKS_ASKED = re.compile(r"\b(?:xep (?:thu|hang)|dung thu|thu (?:may|bao nhieu|hang)|"
                          r"rank(?:ed|ing)?)\b")


def intent_ranks(folded_q: str) -> bool:
    """Whether a question (folded) asks a place in a ranking ("xếp thứ mấy", "đứng thứ")."""
    return bool(_RANKS_ASKED.search(folded_q))


def rank_scope_asked(folded_q: str) -> str:
    """"region" when a rank question names a region as its scope ("trong vùng", "khu vực"),
    "country" for the country's ("cả nước", "toàn quốc"), "" when it names none."""
    if _RANK_COUNTRY.search(folded_q):
        return "country"
    return "region" if re.search(r"\b(?:vung|khu vuc)\b", folded_q) else ""


def rank_scope_of(after: str) -> str:
    """The scope a rank's sentence names right after its value (``after``, as written; up to
    its clause's end or the next number): "region" for "5/14 tỉnh trung du và miền núi phía
    Bắc", "trong vùng";
    "country" for "cả nước", "toàn quốc"; "" when it names neither."""
    # up to the clause's end or the next figure: "thứ 4/14 tỉnh vùng Trung du và miền núi
    # phía Bắc và thứ 29/63 tỉnh, thành phố trong cả nước" (dev-reports d127)
    clause = re.split(r"[;.]|\d", fold(after).lower(), maxsplit=1)[0]
    if _RANK_COUNTRY.search(clause):
        return "country"
    return "region" if _RANK_REGION.search(clause) else ""


# the plan word a question names (folded): "dự toán" (a budget's estimate), "chỉ tiêu",
# "kế hoạch" -- read against the plan shares of one sentence
_PLAN_WORD_ASKED = re.compile(r"\b(?:du toan|chi tieu|ke hoach)\b")
_PLAN_WORD_SAID = {"du toan": "dự toán", "chi tieu": "chỉ tiêu", "ke hoach": "kế hoạch"}


def sibling_plan_asked(frame: Frame, frames: Iterable[Frame], asked: str) -> bool:
    """Whether plan share ``frame`` is of another plan word than the one asked (``asked``,
    folded: "du toan") while a plan share of the same sentence, indicator and period is of
    the asked one: "đạt 24,9% dự toán Bộ Tài chính giao và đạt 22,3% chỉ tiêu phấn đấu do
    UBND tỉnh giao" answers "% dự toán?" with 24,9% (break-test s47 bt18a).  A plan word
    alone decides nothing: "% kế hoạch?" over a lone "95% chỉ tiêu" still fits."""
    said = _PLAN_WORD_SAID[asked]
    if (frame.comparison or "").startswith(said):
        return False
    return any(f is not frame and f.measure == "plan_share" and f.quote == frame.quote and
               f.indicator == frame.indicator and f.period == frame.period and
               (f.comparison or "").startswith(said) for f in frames)


_COUNT_ASKED = re.compile(r"\b(?:tong )?so (?:luong )?((?:\w+ ?){1,4})")


def count_noun_asked(folded_q: str) -> str:
    """The thing a question counts when it writes "Số <thing>" ("Số lượng", "Tổng số" too)
    and the thing is one of the lexicon's counted things (rag.vi.lexicon UNIT_HEAD_PHRASES:
    "san pham" of "so san pham ocop", "doanh nghiep", "hop tac xa"; folded, abbreviations
    written out); "" otherwise ("số vốn", "số lao động", "số khách"), and for a thing that
    stands for any other (:data:`_ANY_THING`: "đơn vị", "cơ sở")."""
    m = _COUNT_ASKED.search(fold(expand_abbreviations(folded_q)).lower())
    if m is None:
        return ""
    words = m.group(1).split()
    thing = " ".join(words[:counted_phrase_at(words, 0)])
    return "" if thing in _ANY_THING else thing


# counted things that stand for any other: "số đơn vị tham gia chuỗi liên kết" counts the
# "hợp tác xã và tổ hợp tác" the report names (tests/test_subject_said_before.py)
_ANY_THING = frozenset({"don vi", "co so"})


def other_count_noun(asked: str, frame: Frame, folded_q: str = "") -> bool:
    """Whether count ``frame`` counts another of the lexicon's counted things than the one
    asked (:func:`count_noun_asked`): "88 HTX" (hợp tác xã) for "Số sản phẩm OCOP", "131
    chủ thể" for it too (break-tests s46 bt17w, s43 bt17l) -- never the number asked, however
    many words the indicator shares ("Số HTX có sản phẩm OCOP").  False when the frame's unit
    is no counted thing of the lexicon (a bare number, "người", "lượt"), or when the question
    (``folded_q``) names the frame's thing too: "Số chủ thể OCOP là doanh nghiệp" counts the
    "chủ thể" that are "doanh nghiệp" (tests/test_ocop_parts.py)."""
    unit = fold(expand_abbreviations(frame.unit)).lower().strip()
    if unit not in UNIT_HEAD_PHRASES or unit == asked:
        return False
    return not re.search(rf"\b{re.escape(unit)}\b", fold(expand_abbreviations(folded_q)).lower())


def part_left_out(frame: Frame, frames: Iterable[Frame], left_out: str) -> bool:
    """Whether ``frame`` is a whole of which another of ``frames`` (its document's) is a part
    of the same period whose name holds every word of ``left_out`` (:func:`excluded_asked`;
    "thu xuất nhập khẩu" in "thu từ hoạt động xuất nhập khẩu"): "Thu ngân
    sách nhà nước ... 11.350 tỷ đồng. Trong đó, ... thu từ hoạt động xuất nhập khẩu đạt
    6.480 tỷ đồng" holds the part a question "không tính thu xuất nhập khẩu" leaves out, so
    it is no answer to it (break-test s47 bt18a)."""
    if not frame.indicator or frame.part:
        return False
    whole = fold(frame.indicator).lower()
    words = set(left_out.split())
    return any(f.part and f.period == frame.period and
               fold(f.parent).lower().startswith(whole) and
               words <= set(fold(f.indicator).lower().split()) for f in frames)


_PLAN_ISSUER = re.compile(PLAN_ISSUER_RE)


def plan_issuer_said(asked: Iterable[str], before: str) -> frozenset[str]:
    """The question's terms (``asked``, folded, pairs joined by "_") naming who set a plan
    (rag.vi.lexicon.PLAN_ISSUER_RE: "HĐND tỉnh giao", "Trung ương giao") in the last such
    phrase of ``before`` -- a target's sentence up to its value, abbreviations written out
    as the question's are ("HĐND": "hội đồng nhân dân") -- so "dự toán ... HĐND tỉnh
    giao năm 2041" is held by "bằng 71,2% dự toán HĐND tỉnh giao (3.385 tỷ đồng)", and the
    nearer issuer tells "Trung ương giao 7.110 tỷ đồng; HĐND tỉnh giao 7.350 tỷ đồng" apart.
    Empty when ``before`` names no issuer."""
    found = list(_PLAN_ISSUER.finditer(fold(expand_abbreviations(before)).lower()))
    if not found:
        return frozenset()
    words = found[-1].group().split()
    said = set(words) | {f"{a}_{b}" for a, b in zip(words, words[1:], strict=False)}
    return frozenset(asked) & said


def column_words_said(asked: Iterable[str], line: str) -> frozenset[str]:
    """The question's two-syllable words (``asked``, folded "giai_ngan") that the column
    heading of a table line (``line``: "Giải ngân đến 30/6/2064 — Tổng số: 2.219,5 tỷ đồng",
    :func:`table_line_head`) holds: what the cell measures, as much its own as its row's
    label, counted among its own words when figures outword one another (:func:`outworded`)
    -- else the table's "Tổng số" held none of "giải ngân vốn đầu tư công" and a prose
    figure of another indicator outworded it (issue 17 break-test bt17u;
    tests/test_wider_scope_base.py).  Empty for a line of prose."""
    head = table_line_head(line)
    return frozenset(asked) & text_terms(head) if head else frozenset()


# the scope words that widen an indicator past the province's own or the public sector's
# (folded): "vốn đầu tư thực hiện toàn xã hội" (every investor's, not the public investment
# "vốn đầu tư công"), "kim ngạch ... cả nước", "toàn quốc" (the country's, not the
# province's). "toàn tỉnh" is left out: the province's own figure is what a question
# naming no place asks.
_WIDER_SCOPE = re.compile(r"\b(?:toan xa hoi|ca nuoc|toan quoc)\b")


def wider_scope(frame: Frame, said: frozenset[str]) -> bool:
    """Whether ``frame``'s indicator (or its detail) adds a scope word
    (:data:`_WIDER_SCOPE`: "toàn xã hội", "cả nước", "toàn quốc") whose words the question
    (its folded words ``said``) does not all say: the figure is wider than the indicator
    asked, which one matching it exactly beats (scored as :func:`wider_listed` scores) --
    "Giải ngân vốn đầu tư công 6 tháng" takes the table's disbursed total, not "Vốn đầu tư
    thực hiện toàn xã hội ... 9.870 tỷ đồng" (issue 17 break-test bt17u;
    tests/test_wider_scope_base.py).  A rank is left alone: "đứng thứ 9 cả nước" says
    what it is ranked over, not whose figure it is (rag.answer.places.RANKED_OVER)."""
    if frame.measure == "rank":
        return False
    own = fold(f"{frame.indicator} {frame.detail}").lower()
    return any(not set(m.split()) <= said for m in _WIDER_SCOPE.findall(own))


def wider_than_part(part: Frame, whole: Frame, said: frozenset[str]) -> bool:
    """Whether ``whole`` (the total ``part`` is listed under) is wider than the part the
    question (its folded words ``said``) names exactly: every word of the part's own name
    (indicator and detail) is said, and the total's name joins that name to another thing
    the question does not say -- a compound of it (the dictionary word "xăng dầu" of "tổng
    lượng xăng dầu bán ra" over its part "xăng") or a conjunct across "và" ("doanh nghiệp
    và hợp tác xã thành lập mới" over "hợp tác xã").  The indicator asked exactly beats one
    wider than it, as it beats one narrower (:func:`narrowed_by`; session 42 break-test,
    tests/test_narrower.py).  A part named by none of its own words is never asked so."""
    name = [w for w in fold(expand_abbreviations(f"{part.indicator} {part.detail}")).lower()
            .replace(",", " ").split() if not w[0].isdigit()]
    if not name or not set(name) <= said:
        return False
    words = fold(expand_abbreviations(whole.indicator)).lower().replace(",", " , ").split()
    n = len(name)
    for k in range(len(words) - n + 1):
        if words[k:k + n] != name:
            continue
        after = words[k + n:k + n + 3]
        if after and after[0] not in said and is_word(name[-1], after[0]):
            return True  # "xăng dầu" over "xăng"
        joined = [] if not after or after[0] != "va" else after[1:3]
        if k >= 1 and words[k - 1] == "va":
            joined = words[max(0, k - 3):k - 1]
        if len(joined) == 2 and not is_word(*joined):
            joined = joined[-1:] if words[k - 1] == "va" and k >= 1 else joined[:1]
        if any(w not in said and w not in _NO_KIND_WORDS for w in joined):
            return True  # "doanh nghiệp và hợp tác xã" over "hợp tác xã"
    return False


_COV_ANY = FEATURES.index("cov_any")


# a change asked as the number of things added ("có thêm bao nhiêu xã", "công nhận thêm mấy
# sản phẩm", "tăng thêm bao nhiêu doanh nghiệp"; folded): the measures' "có thêm 2 xã" is a
# change (rag.vi.frames.measures), a count said added in its clause is the same number
# (rag.vi.frames.sentence.added_in_clause: "27 sản phẩm mới được công nhận")
_ADDED_COUNT_ASKED = re.compile(r"\bthem (?:duoc )?(?:bao nhieu|may)\b"  # any verb's (bt19b)
                                r"|\b(?:bao nhieu|may)\b.*\bthem\b")  # "... công nhận thêm?"
# the words of a count asked as added ("có thêm bao nhiêu", "công nhận thêm mấy"; folded
# terms), which a count its own clause says was added in its period states without writing
# them: "công nhận mới 52 sản phẩm", "41 hợp tác xã mới thành lập" (the GSO and the press
# write "mới", "thành lập mới", rarely "thêm"; issue 17 bt17c #204)
_ADDED_TERMS = frozenset({"them", "co_them", "tang_them"})
# what a question says to ask the running total of a count rather than what was added in the
# period (folded): "tổng số", "lũy kế", "đến nay", "hiện nay", "hiện có", "tổng cộng"
_TOTAL_ASKED = re.compile(r"\b(?:tong so|tong cong|luy ke|den nay|hien nay|hien co|hien tai)\b")
# ... and what asks the count added in it: "mới", "thêm", "trong 9 tháng", "trong năm" (the
# "mới" of "nông thôn mới" is a name: rag.vi.frames.sentence.says_added)
_ADDED_ASKED = re.compile(r"\b(?:moi|them|trong (?:\d+ )?(?:thang|quy|nam|ky))\b")
# ... and what asks the count standing at a point (folded): "tính đến ngày 15/12", "đến tháng
# 12/2025", "đến cuối năm 2025", "tới hết quý III" -- the point of a stock as the reports
# date it ("Tính đến ngày 30/6/2025, toàn tỉnh có 176 sản phẩm"), not a span "từ ... đến"
# (issue 17 bt17e o04, o06; tests/test_count_now_and_at_year_end.py)
_POINT_ASKED = re.compile(r"\b(?:tinh (?:den|toi)|(?:den|toi) (?:het |cuoi |giua |dau )?"
                          r"(?:ngay|thang|nam|quy))\b")
_SPAN_ASKED = re.compile(r"\btu\b.*\b(?:den|toi)\b")


def added_or_total(choices: list[Choice], folded_q: str, undated: bool = False
                   ) -> list[Choice]:
    """``choices`` (best first) with, of a count added in a period and the running total it
    brings said in one sentence (rag.vi.frames.sentence.added_and_total: "61 sản phẩm OCOP
    được công nhận mới, nâng tổng số lên 412 sản phẩm"), the one the question ``folded_q``
    (folded) does not ask placed after the other: "mới"/"thêm"/"trong 9 tháng" asks the
    added count, "tổng số"/"lũy kế"/"đến nay" the total (issue 17 bt25-b17 failure 1).  A
    question saying both, or neither, keeps the order.  Asked the total, a count its own
    clause says was added in its period (:func:`said_added`: "Năm 2024, toàn tỉnh có 27 sản
    phẩm mới được công nhận") goes after a count of its document and unit standing at a day
    in another sentence too ("đến ngày 15/12/2024, tổng số sản phẩm OCOP của tỉnh đã nâng lên
    225 sản phẩm"): the year's additions are no stock, however late their period ends
    (issue 17 bt17b; tests/test_stock_and_flow.py) -- Vietnamese reports give the two
    apart as often as in one sentence ("Tính đến ... có N ...", "Trong năm, công nhận mới M").
    Asked the additions, such a count standing at a day goes after them alike: "Năm 2031 công
    nhận mới bao nhiêu sản phẩm OCOP?" is not the 171 "đến giữa tháng 12/2031", which answers
    "năm 2031" as the year's count (:func:`period_match`; tests/test_counts_at_two_points.py).
    A count asked at a point ("tính đến ngày 15/12", "đến tháng 12/2025", "đến cuối năm":
    :data:`_POINT_ASKED`) asks the total as "đến nay" does, and so does one asked naming no
    period (``undated``) nor words of adding ("Có bao nhiêu sản phẩm OCOP 4 sao?": what there
    is, not the year's "công nhận mới"; issue 17 bt17e o04, o06, x05;
    tests/test_count_now_and_at_year_end.py)."""
    unnamed = re.sub(r"\bnong thon moi\b", " ", folded_q)
    total = bool(_TOTAL_ASKED.search(folded_q)) or (
        _POINT_ASKED.search(folded_q) is not None and _SPAN_ASKED.search(folded_q) is None) or (
        undated and not says_added(unnamed))
    added = bool(_ADDED_ASKED.search(re.sub(r"\bnong thon moi\b", " ", folded_q)))
    if total == added:
        return choices

    def is_added(c: Choice) -> bool:
        return says_added(fold(c.frame.indicator).lower()) or said_added(c)

    def is_total(c: Choice) -> bool:
        return fold(c.frame.indicator).lower().startswith("tong") and \
            c.frame.period is not None and c.frame.period.kind == "to_date"

    def stands(c: Choice) -> bool:
        """A count of what stands at a day, said apart from the added one."""
        f = c.frame
        return f.measure == "level" and not f.part and not f.target and \
            f.period is not None and f.period.kind in POINT_IN_TIME and not is_added(c)

    def unasked(c: Choice) -> bool:
        return (is_total(c) or stands(c)) if added else is_added(c)

    asked_kind = is_added if added else is_total
    out = list(choices)
    for c in choices:
        if not unasked(c):
            continue
        # its sibling of the same sentence and unit, the kind asked, later in the list -- or,
        # asked the total, a count of its document and unit standing at a day
        sib = next((d for d in out[out.index(c) + 1:]
                    if d.hit.chunk.doc_id == c.hit.chunk.doc_id and d.frame.unit == c.frame.unit
                    and ((asked_kind(d) and d.frame.quote == c.frame.quote)
                         or (total and d.frame.quote != c.frame.quote and stands(d))
                         # asked the additions, a count its clause says was added, in
                         # another sentence too ("Năm 2024, toàn tỉnh có 27 sản phẩm mới được
                         # công nhận" after "tổng số … đã nâng lên 225 sản phẩm")
                         or (added and d.frame.quote != c.frame.quote and is_added(d)))), None)
        if sib is not None:
            out.remove(c)
            out.insert(out.index(sib) + 1, c)
    return out


def said_added(c: Choice) -> bool:
    """Whether ``c``'s figure, a level, is of things its own clause says were added in its
    period (rag.vi.frames.sentence.added_in_clause), read in its passage's text -- or, a part
    of a whole stated in the same sentence (``Frame.whole``), of things its whole's clause says
    so: the parts a report breaks an addition into, in brackets or after "trong đó", are
    additions too ("tỉnh công nhận mới 47 sản phẩm OCOP (40 sản phẩm 3 sao, 7 sản phẩm 4
    sao)": the 7 is no count of 4-star products standing; issue 17 bt17e o04,
    tests/test_count_now_and_at_year_end.py)."""
    f = c.frame
    if f.measure != "level" or f.kind == "percent":
        return False
    chunk = c.hit.chunk
    q0 = max(f.quote[0], chunk.start)
    sentence = chunk.text[q0 - chunk.start:f.quote[1] - chunk.start]
    at = f.start - q0
    if 0 <= at < len(sentence) and added_in_clause(sentence, at, f.end - q0):
        return True
    whole = f.whole - q0
    return f.part and f.whole >= 0 and 0 <= whole < at and \
        added_in_clause(sentence, whole, whole + 1)


def changes_first(choices: list[Choice]) -> list[Choice]:
    """For a change question, or one about an index such as IIP or CPI: an index ("bằng
    48,1% so với cùng kỳ", a table's "So cùng kỳ (%)" column) placed after every change whose
    description holds as much of the question (in any of its fields) -- the report's own
    "giảm 51,9%" answers "giảm bao nhiêu", not the index it comes from."""
    changes = [c.features[_COV_ANY] for c in choices if c.frame.measure == "change"]

    def beaten(c: Choice) -> bool:
        return c.frame.measure == "index" and any(cov >= c.features[_COV_ANY] - 1e-9
                                                  for cov in changes)
    return [c for c in choices if not beaten(c)] + [c for c in choices if beaten(c)]


def indexes_first(choices: list[Choice]) -> list[Choice]:
    """For a question asking an index on its base ("(năm trước = 100)"): every change placed
    after an index whose description holds as much of the question -- the mirror of
    :func:`changes_first`."""
    indexes = [c.features[_COV_ANY] for c in choices if c.frame.measure == "index"]

    def beaten(c: Choice) -> bool:
        return c.frame.measure == "change" and any(cov >= c.features[_COV_ANY] - 1e-9
                                                   for cov in indexes)
    return [c for c in choices if not beaten(c)] + [c for c in choices if beaten(c)]


# a difference asked with a comparative and "bao nhiêu" after it ("CPI tháng 10 thấp hơn tháng
# 9 bao nhiêu?", "... ít hơn cùng kỳ mấy doanh nghiệp?"), folded: the direction asked
_COMPARATIVE_ASKED = re.compile(r"\b(cao|thap|nhanh|cham|nhieu|it) hon\b.*\b(?:bao nhieu|may)\b")


def stated_differences_first(choices: list[Choice], asked: Asked,
                             folded_q: str) -> list[Choice]:
    """For a difference asked with a comparative (``folded_q``, the folded question: "CPI
    tháng 10/2038 thấp hơn tháng 9 bao nhiêu?"): the differences a report states with a
    comparative of the same direction against the asked base ("..., thấp hơn tháng 9 là 0,15
    điểm phần trăm") placed before every other choice that holds no more of the question
    (coverage) -- the change of the same sentence ("tăng 0,27% so với tháng trước") is the
    figure, not its difference (break-test b17 failure 1; tests/test_stated_differences_la.py).
    ``choices`` unchanged when the question asks no comparative."""
    m = _COMPARATIVE_ASKED.search(folded_q)
    if m is None:
        return choices
    sign = -1 if m.group(1) in ("thap", "cham", "it") else 1
    if asked.from_earlier:  # "tháng 9/2042 ít hơn tháng 9/2043": tháng 9/2043 "nhiều hơn"
        sign = -sign

    def said(c: Choice) -> bool:
        f = c.frame
        return f.measure == "change" and f.direction == sign and \
            f.verb.lower() in _COMPARATIVES and not other_comparison(asked.comparison, f)
    stated = [c for c in choices if said(c)]
    if not stated:
        return choices
    rest = max((c.coverage for c in choices if not said(c)), default=0.0)
    first = [c for c in stated if c.coverage >= rest - 1e-9]
    return first + [c for c in choices if not any(c is d for d in first)]


# comparisons with the period just before ("so với tháng trước", "quý trước"), which a report
# always writes out: a change written without its comparison is against the same period of
# the year before ("tăng 3,86%" in a monthly report beside "tăng 0,08% so với tháng trước")
_PREVIOUS_PERIOD = re.compile(rf"\b{PREVIOUS_BASE}\b")


# the kinds of base a change is compared with, however a report words them (folded):
# rag.vi.lexicon.COMPARISON_BASES, the table a question's base is read with too
_BASES = tuple((kind, re.compile(rf"\b{pattern}\b")) for kind, pattern in COMPARISON_BASES)


# a base that is an earlier estimate of the same figure, not a period ("cao hơn 38 tỷ đồng so
# với số ước tính", "thấp hơn số liệu ước"), folded
_ESTIMATE_BASE = re.compile(r"\b(?:so (?:lieu )?uoc|uoc tinh|so bo)\b")


def against_estimate(frame: Frame) -> bool:
    """Whether ``frame``'s change is against an estimate of the same figure ("Số liệu chính
    thức tháng 10/2033: 5.497 tỷ đồng, cao hơn 38 tỷ đồng so với số ước tính"): a revision,
    no change against a period -- a question asking one against "tháng trước", "cùng kỳ" or
    "đầu năm" never takes it (break-test b17 F4 tail; tests/test_stated_differences.py)."""
    return bool(_ESTIMATE_BASE.search(fold(frame.comparison or "").lower()))


def comparison_base(text: str) -> str:
    """The kind of base ``text`` (a comparison as written, e.g. "cùng tháng năm trước")
    names: "same_period", "previous", "year_start", "base_year" or "plan"; "" for another."""
    folded = fold(text).lower()
    return next((kind for kind, pat in _BASES if pat.search(folded)), "")


def other_comparison(asked: str | None, frame: Frame) -> bool:
    """Whether ``frame``'s change is against another base than the ``asked`` comparison
    (folded, e.g. "thang truoc"): it states another, or it states none and the question asks
    one with the period just before.  Bases are compared by kind (:func:`comparison_base`:
    "so với cùng kỳ" is "cùng tháng năm trước"), else by their first words."""
    if not asked:
        return False
    if frame.comparison is None:
        return bool(_PREVIOUS_PERIOD.search(asked)) and frame.measure in ("change", "index")
    kind = comparison_base(asked) or _year_before(asked, frame)
    if kind:
        # a dated base read against the frame's period (frame_base): "thấp hơn quý III" of
        # quý IV is against the period before (break-test b17 F5)
        return kind not in frame_bases(frame)
    return fold(asked)[:8] not in fold(frame.comparison)


def is_points(frame: Frame) -> bool:
    """Whether ``frame`` is a change in percentage points ("cao hơn 0,6 điểm phần trăm so với
    năm 2030"): a percent question ("tỷ lệ ... cao hơn bao nhiêu điểm phần trăm") asks it
    though its value is no percent (break-test b17 K6)."""
    return frame.measure == "change" and fold(frame.unit).lower() == "diem phan tram"


def frame_base(frame: Frame) -> str:
    """The kind of base ``frame``'s change states (:func:`comparison_base`), a dated one
    read against the frame's period ("so với năm 2027" of a figure of 2028 is "same_period",
    rag.vi.calendar.base_kind; "so với năm trước" of a year's figure is "same_period" too,
    as a question's is read, :func:`other_comparison`); "" when it states none or another."""
    if not frame.comparison:
        return ""
    kind = comparison_base(frame.comparison)
    if kind or frame.period is None:
        return kind
    if _year_before(frame.comparison, frame) or _holiday_before(frame.comparison, frame):
        return "same_period"
    said = [x.period for x in find_mentions(frame.comparison, frame.period.year)]
    return base_kind(said[0], frame.period) if len(said) == 1 else ""


def frame_bases(frame: Frame) -> frozenset[str]:
    """The kinds of base ``frame``'s change states (:func:`frame_base`): a December's "so
    với tháng 12/2021" is the end of the year before and the same month a year before alike
    -- "CPI tháng 12/2022 so với cùng kỳ" takes "So với tháng 12/2021, CPI tăng 3,86%" (dev
    reports dv19, d084; the CPI reports of the GSO write December's change so)."""
    kind = frame_base(frame)
    if kind == "year_start" and frame.period is not None and frame.comparison:
        said = [x.period for x in find_mentions(frame.comparison, frame.period.year)]
        if len(said) == 1 and (base_kind(said[0], frame.period) == "same_period" or
                               _year_end_balance(frame.period, said[0])):
            return frozenset({kind, "same_period"})
    return frozenset({kind})


def _year_end_balance(period: Period, base: Period) -> bool:
    """Whether a count ``period`` (a balance to a day of December, "đến ngày 20/12/2066") set
    against ``base`` (the end of the year before: "cuối năm 2065", "31/12/2065") is the year's
    change as well as the change since the year's start: reports count the year's end at a
    December review ("Sau đợt đánh giá cuối năm, đến ngày 20/12/2066 ... So với cuối năm 2065
    (189 sản phẩm), số sản phẩm tăng 62"), so "năm 2066 tăng bao nhiêu so với cuối 2065?"
    (read as "cùng kỳ": a year against the year before) takes it as "so với đầu năm" does
    (break-test s43 bt17m ocop_2066; tests/test_year_end_balance_base.py).  Only a balance
    (``to_date``) ending in December against a base ending on 31 December of the year
    before; a month's or a year's own figure is left to :func:`rag.vi.calendar.base_kind`."""
    return period.kind == "to_date" and period.end.month == 12 and \
        base.end == date(period.end.year - 1, 12, 31)


def _year_before(base: str, frame: Frame) -> str:
    """"same_period" when ``base`` (a comparison as written or asked) is "năm trước" and
    ``frame`` is a year's figure -- the year before it, as "so với năm 2074" of 2075 is
    (rag.vi.calendar.base_kind) -- else "": "tăng bao nhiêu so với năm trước?" of 2075 takes
    "tăng 6,1 triệu đồng so với năm 2074", not "gấp 1,5 lần năm 2070" (issue 17 bt22-b17
    failure 6; tests/test_asked_base_year.py)."""
    said = fold(base).lower().strip()
    return "same_period" if said == "nam truoc" and frame.period is not None and \
        frame.period.kind == "year" else ""


# a holiday named as a base ("dịp Tết năm trước", "Tết năm 2028", "kỳ nghỉ lễ 30/4 năm 2071",
# "Tết Giáp Thìn 2024", "dịp Tết Giáp Ngọ năm 2014" -- dev2 e11, break-test s39 bt17b): the
# holiday's word, then "năm trước", a year, or the lunar year's can-chi name (rag.vi.lunar)
_HOLIDAY_BASE = re.compile(r"\b(?:tet|le|dip)\b.*?(?:\bnam (truoc)\b|(?<![\d/])((?:19|20)\d\d)\b"
                           r"|\b(" + CAN_CHI + r")\b)")


def _holiday_before(base: str, frame: Frame) -> bool:
    """Whether ``base`` (a comparison as written) is the same holiday a year before a
    holiday's figure (``frame`` dated by its span of days): "tăng 18% so với dịp Tết năm
    trước", "so với Tết năm 2028" of Tết 2029, "so với Tết Giáp Thìn" of Tết Ất Tỵ 2025 --
    what a tourism report calls the holiday's "cùng kỳ" (break-test s39 bt17 73, bt17b;
    tests/test_holiday_change.py, tests/test_holiday_days_and_change.py)."""
    m = _HOLIDAY_BASE.search(fold(base).lower())
    if m is None or frame.period is None or frame.period.kind != "days":
        return False
    before = frame.period.end.year - 1
    if m.group(1):
        return True
    if m.group(2):
        return int(m.group(2)) == before
    return can_chi_year(" ".join(m.group(3).split()), frame.period.end.year) == before


def contrary_base(asked: str | None, frame: Frame) -> bool:
    """Whether ``frame``'s change is stated against a base of another kind than the one the
    question names (``asked``, folded): "tăng 0,42% so với tháng trước" is no answer to "so
    với cùng kỳ", "so với tháng 8/2027" (break-test b17 K2).  Only when both kinds are known:
    a change stating no base, or one of no known kind, is left to :func:`other_comparison`."""
    if not asked or frame.measure not in ("change", "index"):
        return False
    kind, said = comparison_base(asked), frame_bases(frame) - {""}
    return bool(kind and said and kind not in said) or other_dated_base(asked, frame)


def other_dated_base(asked: str, frame: Frame) -> bool:
    """Whether ``frame``'s change is against a base of the kind the question names
    (``asked``, folded: :func:`comparison_base`) but of another year, both writing their
    year out: "tăng 17,35% so với kỳ gốc năm 2039" is no answer to "CPI ... so với kỳ gốc
    năm 2040" (the GSO restates its CPI base year every five years, so two reports may hold
    two base years), nor "so với tháng 12/2041" to "so với tháng 12 năm 2042".  A base
    written with no year ("cùng kỳ năm trước", "kỳ gốc") on either side is left to
    :func:`other_base_year`, which reads it against the period (issue 17 break-test bt17t;
    tests/test_wider_scope_base.py)."""
    kind = comparison_base(asked)
    theirs = fold(frame.comparison or "").lower()
    if not kind or comparison_base(theirs) != kind:
        return False
    mine = set(_YEAR.findall(asked))
    said = set(_YEAR.findall(theirs))
    return bool(mine and said and not mine & said)


_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")


def other_base_year(frame: Frame, compared: tuple[Period, ...]) -> bool:
    """Whether ``frame``'s change is against another year than every one a question compares
    with (``compared``: "so với năm 2026"): its comparison names a year ("so với năm 2027"),
    or the year before its own ("cùng kỳ", "năm trước"), that is none of them -- "tăng
    12,3% so với năm 2027" is no answer to "tăng bao nhiêu so với năm 2026".  A comparison
    naming no year and no period of a year before passes.

    A change written with no comparison at all ("tăng 12%" beside "gấp 1,4 lần so với năm
    2020") is against the same period of the year before, the convention of Vietnamese
    statistical reports (GSO's monthly and yearly reports write out every other base; see
    _PREVIOUS_PERIOD): no answer to "so với năm 2020" of 2024 either -- unless the figure
    covers a span of years ("giai đoạn 2021-2025 tăng 8%"), whose unwritten base is no year's
    (tests/test_compared_earlier_year.py)."""
    years = {y for p in compared for y in range(p.start.year, p.end.year + 1)}
    said = fold(frame.comparison or "").lower()
    named = {int(y) for y in _YEAR.findall(said)}
    period = frame.period
    if not named and period is not None and (
            comparison_base(said) == "same_period" or re.search(r"\bnam truoc\b", said)):
        named = {period.start.year - 1}
    elif not said.strip() and period is not None and period.kind != "years":
        named = {y - 1 for y in range(period.start.year, period.end.year + 1)}
    return bool(named) and not named & years


def same_period_of_year(asked: Asked, frame: Frame) -> bool:
    """Whether a question asking a change "so với cùng kỳ <năm>" and naming no period of its
    own (``asked``: comparison "cung ky", one compared year, no periods) reads that year as
    the one the change is of, which ``frame``'s period -- a part of that year (a quarter, the
    first 6 months) -- is: "Giá trị sản xuất nông nghiệp tăng thêm bao nhiêu so với cùng kỳ
    2096?" of a report of quý II/2096 stating "tăng thêm 148 tỷ đồng so với cùng kỳ" (issue
    17 break-test bt17p: the sentence was served with no figure), answered with the report's
    period stated.  "Cùng kỳ" already names the base, the same part of the year before; a
    figure of the whole year, or of a part of another year, is never so read
    (tests/test_share_subject_basis.py)."""
    if asked.comparison != "cung ky" or asked.periods or len(asked.compared) != 1:
        return False
    year, period = asked.compared[0], frame.period
    return year.kind == "year" and period is not None and period.kind != "year" and \
        year.start <= period.start and period.end <= year.end


POINT_IN_TIME = ("to_date", "day")  # rag.vi.calendar kinds of a count at a day
# The lead verbs (rag.vi.frames.indicators.LEAD_VERBS) of a count of what there is at a date:
# "có 241 sản phẩm", "còn 1.130 xe", "là 171 cửa hàng" -- not "công nhận 19 sản phẩm mới"
STATE_VERBS = frozenset({"có", "hiện có", "còn", "chỉ còn", "vẫn còn", "là", "co", "hien co",
                         "con", "chi con", "van con", "la"})


def as_of(frame: Frame, dated: str | None = None) -> date | None:
    """The day ``frame``'s figure stands at: its period's end, or -- for a count to a date
    (period kind "to_date": "đến tháng 12/2036 có 171 sản phẩm") whose document is dated
    (``dated``, ISO "YYYY-MM-DD...") inside that period -- the document's date: a report of
    20/12/2036 counts what there is on 20/12, not on 31/12 (issue 17 break-test b17 C).
    None for a figure without a period; an unreadable ``dated`` is ignored."""
    period = frame.period
    if period is None:
        return None
    if period.kind == "to_date" and dated:
        try:
            day = date.fromisoformat(dated[:10])
        except ValueError:
            return period.end
        if period.start <= day < period.end:
            return day
    return period.end


_TOTAL_COUNT = re.compile(r"\btong so\b")
# verbs saying a count was brought up to the level it states ("số sản phẩm OCOP của tỉnh đã
# nâng lên 209 sản phẩm", "tăng lên 431 hợp tác xã"): the Vietnamese press and GSO write the
# new total so ("nâng tổng số ... lên"), said at a day it is what stands then (issue 17
# bt17e o03, bt17c's "tổng số ... đã nâng lên 225"; tests/test_count_now_and_at_year_end.py)
_RAISED_TO = frozenset({"nâng lên", "tăng lên", "nang len", "tang len"})


def _states(frame: Frame) -> bool:
    """Whether ``frame`` says what there is: a verb of state (:data:`STATE_VERBS`), or a count
    at a day of a "tổng số" (GSO's word for the total of what stands: "đến ngày 15/12/2024,
    tổng số sản phẩm OCOP của tỉnh đã nâng lên 225 sản phẩm", whose "nâng lên" the frame does
    not keep as its verb) or said brought up to its level (:data:`_RAISED_TO`: "tính đến ngày
    15/12/2025 số sản phẩm OCOP của tỉnh đã nâng lên 209 sản phẩm") -- never a count of what
    was done since a day ("Liên minh Hợp tác xã tỉnh đã hỗ trợ thành lập 31 hợp tác xã";
    bt17c, "hiện có")."""
    return frame.verb in STATE_VERBS or (stands_at_day(frame) and (
        frame.verb in _RAISED_TO
        or _TOTAL_COUNT.search(fold(frame.indicator).lower()) is not None))


def latest_first(choices: list[Choice], band: float, today: date | None = None
                 ) -> list[Choice]:
    """For "hiện nay": of ``choices`` (best first), the near ones moved to the front, the
    latest period first -- one that ends after ``today`` (a count "đến hết tháng 9" asked on
    10/9) after those that do not; among equal dates the order of ``choices`` stays.  Near:
    scoring within ``band`` of the best, or a whole (no "trong đó" part) whose description
    holds as much of the question as the best's, within ``band`` -- a count worded with words the
    question does not hold ("Phó Giám đốc Sở Công Thương cho biết: đến hết tháng 12/2028 có
    241 sản phẩm OCOP") is as much the asked count as an older one worded like the question
    ("Hiện nay, toàn tỉnh có 153 sản phẩm OCOP"; issue 17 break-test,
    tests/test_latest_across_documents.py) -- when said with a verb of what there is
    (:data:`STATE_VERBS`): "đã công nhận 19 sản phẩm mới" from the start of the year is what
    was done, not the count now."""
    if not choices:
        return choices
    best = choices[0].score
    held = choices[0].coverage
    near = [c for c in choices
            if c.score >= best * band or (not c.frame.part and _states(c.frame)
                                          and c.coverage >= held * band)]
    def stands(c: Choice) -> date | None:
        return as_of(c.frame, c.hit.chunk.date)

    later = later_same_day(near, [c for c in choices if c not in near], stands)
    near += later
    choices = [c for c in choices if not any(c.frame is d.frame for d in later)]

    # a count at a day ("đến ngày 15/12/2024 ... đã nâng lên 225 sản phẩm") is what stands
    # then, whatever its verb; a year's figure ("Năm 2024, có 1 sản phẩm đạt 5 sao" in a
    # report of 20/12/2024) is no state at a later day (issue 17 bt17c, "hiện có")
    def at_day(c: Choice) -> bool:
        """Said at a day (a point in time, a count "hiện có"), not of a whole period: of two
        said at a day the order stands ("Đến nay … có 14/19 xã đạt chuẩn nông thôn mới, 4 xã
        đạt chuẩn nâng cao": the ratio first, as written; dev3 r15-q30)."""
        return stands_at_day(c.frame) or (c.frame.period is not None and
                                          c.frame.period.kind in POINT_IN_TIME)

    near.sort(key=lambda c: (c.frame.period is not None and
                             (today is None or (stands(c) or date.min) <= today),
                             at_day(c), stands(c) or date.min, _moment_of(c)),
              reverse=True)
    return near + [c for c in choices if c not in near]


def latest_match(frame: Frame, day: date, dated: str | None = None) -> str:
    """``period_match`` of ``frame`` answering a question about the state at ``day`` ("hiện
    nay", "đến nay", "mới nhất" asked on ``day``): "exact" for a count or a figure at a day
    ("tính đến 30/6/2029 có 263 sản phẩm") dated up to ``day`` -- the state at its date, the
    latest the reports give; "partial" for a figure of a period (a month's, a half-year's
    exports) ending up to ``day`` -- a flow, not a state -- or of a period holding ``day``
    ("Năm 2029, ... 260 - 300 xe/ngày" asked on 30/12/2029: the period in progress, issue 17
    break-test bt17f); "none" for one without a date, a count or figure at a day after
    ``day``, or a period begun after it -- a count to a date standing at its document's date
    ``dated`` when that falls inside its period (:func:`as_of`).  The answerer never gives a
    "none" as sure (rag.answer.answerer.Answerer._part)."""
    period = frame.period
    stands = as_of(frame, dated)
    if period is None or stands is None or period.start > day:
        return "none"
    if stands > day:
        return "none" if period.kind in POINT_IN_TIME else "partial"
    return "exact" if frame.kind == "count" or period.kind in POINT_IN_TIME else "partial"


def time_order(asked: Asked, want: Period | None, choices: list[Choice],
               band: float) -> list[Choice]:
    """``choices`` (best first) ordered for the time the question asks: "hiện nay", "đến
    nay", "mới nhất" -- the latest figure up to the day asked (:func:`latest_first`); no
    period at all ("có bao nhiêu sản phẩm OCOP?") when the best answer is a count at a day
    ("tính đến tháng 6/2026 có 214 sản phẩm") -- the count now, so the latest of the counts
    at a day scoring within ``band`` of it ("đến hết tháng 8/2026 có 231"), as for "hiện
    nay"; a figure of a period (a month's exports) keeps its place."""
    choices = official_first(choices, band)
    if asked.latest is not None:
        return latest_first(choices, band, asked.latest)
    if want is not None and want.kind in POINT_IN_TIME and choices:
        return on_the_day_first(want, choices, band)
    if want is not None or asked.periods or not choices:
        return choices
    row = latest_column(choices)
    if row:
        return row + [c for c in choices if c not in row]
    top = choices[0].frame
    if top.period is None or top.period.kind not in POINT_IN_TIME or top.kind == "percent":
        return choices
    counts = [c for c in choices if c.frame.period is not None
              and c.frame.period.kind in POINT_IN_TIME and c.frame.kind != "percent"]
    ordered = latest_first(counts, band, asked.today)
    return ordered + [c for c in choices if c not in ordered]


def latest_column(choices: list[Choice]) -> list[Choice]:
    """For a question naming no period: when the best of ``choices`` is a table cell under a
    column header naming its period ("Mặt hàng | Giá tuần 47 | Giá tuần 48"), the cells of
    its row under such headers of the same kind, latest column first -- the figure now, not
    the older column read first (break-test bt15-b17 failure 3) -- whether the row is
    one line of cells or, as rag.ingest.tables writes a table, a line per cell; [] else.  Only cells
    of the same measure, both actual or both targets, estimates or not."""
    top = choices[0].frame
    chunk = choices[0].hit.chunk
    said = chunk.text[max(0, top.quote[0] - chunk.start):top.quote[1] - chunk.start]
    if top.period is None or top.period_from != "own":
        return []
    if "|" in said:  # one row of cells written as a line: its cells share their quote
        def same_row(c: Choice) -> bool:
            return c.frame.quote == top.quote
    elif table_line_head(said):
        # a row read as table lines, a cell each ("Giá tuần 14 — Cà phê nhân xô: 98.500
        # đồng/kg", "Giá tuần 15 — Cà phê nhân xô: ..."; a pipe table typed without its
        # delimiter row reads so too): the cells of its row are the lines of the same row
        # label, under the same heading
        def same_row(c: Choice) -> bool:
            f = c.frame
            text = c.hit.chunk.text[max(0, f.quote[0] - c.hit.chunk.start):
                                    f.quote[1] - c.hit.chunk.start]
            return bool(table_line_head(text)) and f.indicator == top.indicator and \
                f.parent == top.parent and f.context == top.context and f.unit == top.unit
    else:
        return []
    row = [c for c in choices if c.hit.chunk.doc_id == chunk.doc_id
           and same_row(c) and c.frame.period is not None
           and c.frame.period_from == "own" and c.frame.period.kind == top.period.kind
           and c.frame.measure == top.measure and c.frame.target == top.target
           and c.frame.estimate == top.estimate]
    if len(row) < 2:
        return []
    return sorted(row, key=lambda c: c.frame.period.end, reverse=True)  # type: ignore[union-attr]


def year_end_count(want: Period, frame: Frame) -> bool:
    """Whether ``frame`` is a count standing at a day of December (:func:`stands_at_day`, no
    turns that passed, no rate a day nor a day's backlog: :func:`held_for_year`) of the year
    ``want`` spans (:func:`whole_year`):
    the year's count, as :func:`period_match` reads it -- not to be put after the year's
    additions whose period ends on 31 December ("Năm 2031 ... công nhận mới 33 sản phẩm"
    after "Đến giữa tháng 12/2031, con số này đã là 171 sản phẩm"; issue 17 bt17d o02)."""
    p = frame.period
    return whole_year(want) and p is not None and stands_at_day(frame) and \
        held_for_year(frame) and p.end.year == want.end.year and p.end.month == 12


def on_the_day_first(want: Period, choices: list[Choice], band: float) -> list[Choice]:
    """For a question naming a day ("tính đến 15/10/2025 có bao nhiêu sản phẩm OCOP"): of
    ``choices`` (best first) near the best, those whose period ends on that very day first
    -- "tính đến ngày 15/10/2025, toàn tỉnh có 174 sản phẩm" before "từ đầu năm 2025 đến nay
    (the report's 20/10/2025) đã công nhận 19 sản phẩm", which ``rag.vi.calendar.relation``
    takes as exact within its tolerance too (dev2 e060; issue 17,
    tests/test_described_subset.py); otherwise the order stays.  Near: scoring within
    ``band`` of the best, or a whole (no "trong đó" part) whose description holds as much of
    the question as the best's, within ``band`` (as :func:`latest_first`)."""
    best, held = choices[0].score, choices[0].coverage
    top = choices[0].frame
    if top.period is not None and (top.period.end == want.end or year_end_count(want, top)):
        return choices
    day = [c for c in choices if c.frame.period is not None and c.match == "exact"
           and c.frame.period.end == want.end and (
               c.score >= best * band or (not c.frame.part and c.coverage >= held * band))]
    return day + [c for c in choices if c not in day]


def _reported_after(choice: Choice) -> bool:
    """Whether ``choice``'s figure is no estimate and its document is dated after its
    period ended: the figure as reported once the period was over."""
    period, dated = choice.frame.period, choice.hit.chunk.date
    if choice.frame.estimate or period is None or not dated:
        return False
    try:
        return date.fromisoformat(dated[:10]) > period.end
    except ValueError:
        return False


def official_first(choices: list[Choice], band: float) -> list[Choice]:
    """``choices`` (best first) with an estimate ("Ước thực hiện 2028: 3.800", "ước đạt")
    placed after the first figure of the same period, measure, unit and basis, scoring within
    ``band`` of it, that is no estimate and is reported in a document dated after the period
    ended ("Kim ngạch xuất khẩu ... năm 2028 đạt 3.845 triệu USD" on 15/3/2029): the later,
    official figure supersedes the estimate made while the period ran (issue 17 K9; a
    statistics office revises its estimates: "số ước tính công bố tháng 1/2029 là 40.150"
    beside the official 40.380).  Order otherwise kept; a list without estimates unchanged."""
    out = list(choices)
    for i, c in enumerate(out):
        f = c.frame
        if not f.estimate or f.period is None:
            continue
        later = next((d for d in out[i + 1:] if d.score >= band * c.score
                      and _reported_after(d) and d.frame.period == f.period
                      and d.frame.measure == f.measure and d.frame.unit == f.unit
                      and set(d.frame.basis) == set(f.basis) and not d.narrowed), None)
        if later is not None:
            out.remove(later)
            out.insert(i, later)
            return out  # the best estimate is the one an answer would give
    return out


# "kế hoạch kim ngạch ... năm 2022 giao bao nhiêu", "chỉ tiêu tỉnh giao là bao nhiêu": the plan
# a level above set, asked by its verb after the indicator (folded; dev-reports d044: a unit's
# own "Phấn đấu ... đạt tối thiểu 2.600 triệu USD" answered it over the plan table's 3.800)
_ASSIGNED_ASKED = re.compile(r"\bgiao\s+(?:la\s+)?(?:bao nhieu|may)\b")


def assigned_asked(folded_q: str) -> str:
    """The kind of target a question names by no word of :func:`target_aim`'s: "assigned" when
    it asks what was assigned by the verb after the indicator ("kế hoạch ... giao bao
    nhiêu?", folded ``folded_q``), else "plan" (a target of no kind asked)."""
    return "assigned" if _ASSIGNED_ASKED.search(folded_q) else "plan"


def aim_of(frame: Frame) -> str:
    """A target frame's kind: its own (``Frame.aim``: "assigned", "own", "forecast"), else
    "forecast" for an estimate ("cả năm ước đạt ..."), else "" (unsaid, or no target)."""
    if not frame.target:
        return ""
    return frame.aim or ("forecast" if frame.estimate else "")


def other_aim(asked: str, frame: Frame) -> bool:
    """Whether ``frame`` is a target of another kind than ``asked``, the kind a question names
    (rag.vi.frames.measures.target_aim: "phấn đấu" the unit's own aim, "được giao" the plan set
    for it, "dự kiến" a forecast): both say theirs and they differ -- the assigned 4,5 tỷ USD
    is no answer as sure as the unit's own 5 tỷ to "phấn đấu đạt bao nhiêu?" (issue 17
    bt17-b17 failure 7). A target saying no kind fits any.  ``asked`` "plan", a target asked
    by a word of no kind ("chỉ tiêu ... cả năm?", "kế hoạch ...?", "mục tiêu ...?"), is set, not
    foreseen: a forecast ("dự kiến cả năm ... khoảng 25 tỷ đồng") is of another kind, the plan
    assigned ("88,5% chỉ tiêu giao cả năm (22 tỷ đồng)") answers first (bt22-b17 failure 10).
    ``asked`` "forecast" ("dự kiến", "dự báo") is answered by a forecast only: a plan set
    ("Mục tiêu năm 2078: ... đạt 3,8%", no kind said) is another measure of the figure, not
    what is foreseen -- served at 1.0 for "cả năm ... dự kiến tăng bao nhiêu?" beside the
    forecast 3,6% (bt25-b17 failure 5; bt23-b17 failure 8)."""
    mine = aim_of(frame)
    if asked == "plan":
        return mine == "forecast"
    if asked == "forecast":
        return mine != "forecast"
    return bool(asked and mine and mine != asked)


def forecast_answers(asked: Asked, frame: Frame, want: Period | None) -> bool:
    """Whether ``frame``, a forecast or estimate of a period ("Dự kiến cả năm 2071 ... tổng
    thu ước trên 16.500 tỷ đồng", "cả năm 2063 kim ngạch ước vượt 1.150 triệu USD": a target
    the frames mark an estimate, rag.vi.frames.sentence), answers ``asked``, a question for
    the actual figure (no target asked) whose period ``want`` is that very year -- the figure
    for the whole year the report gives, said as an estimate, before the part of it done so
    far (bt16-b17 failure 5, bt15-b17 failure 8).  A month's or quarter's forecast is read
    the same way ("Dự báo tháng 6/2072, sản lượng điện thương phẩm đạt khoảng 330 triệu kWh"
    for "điện thương phẩm tháng 6/2072?", refused at 1.0 in bt20-b17 failure 9; the dev
    reports forecast months too: "Dự báo tháng 1/2023, CPI có thể tiếp tục tăng"), the period
    asked exactly, said as a forecast and never sure.  A plan ("kế hoạch năm 2071: 18.000 tỷ
    đồng", no estimate), a share of a plan and a question naming no period or another one
    are not."""
    return not asked.target and frame.target and frame.estimate and \
        frame.measure != "plan_share" and asked.latest is None and want is not None and \
        frame.period is not None and \
        (frame.period.start, frame.period.end) == (want.start, want.end)


def trade_fits(trade: str, frame: Frame, title: str = "", before: str = "") -> bool:
    """A figure answers an export question only when the trade indicator nearest its value
    (its own words first, then the total it is part of, its sentence ``before`` it -- the
    last there -- its heading, the ``title`` of its document: :func:`trade_named`) is exports;
    one that names none anywhere, nor says "kim ngạch" (the total trade), passes.  A figure
    of goods named by no trade under a report titled "Kim ngạch xuất nhập khẩu ..." ("Hàng
    hóa mở tờ khai tại Cục Hải quan tỉnh đạt 3,62 tỷ USD") is the trade total, no answer to exports
    or imports (issue 17 break-test). A share's words after its value name the whole it is a share
    of ("chiếm 43,6% tổng kim ngạch xuất nhập khẩu"), not its own trade: only its indicator
    counts there.  Abbreviations are read out first (``expand_abbreviations``): "Cục phấn đấu
    KNXK đạt 4,8 tỷ USD" names exports, not the "xuất nhập khẩu" of its report's title
    (issue 17 break-test; the reports write "KNXK", "KNNK", "XNK" as often as the words).
    Exports of local goods asked ("xuất khẩu hàng địa phương") are the exports of a figure on
    the local-goods basis: the customs reports write that basis once, in the lead of the
    total, its parts after "trong đó" inheriting it ("Kim ngạch xuất nhập khẩu của doanh
    nghiệp địa phương (hàng địa phương) 11 tháng đạt ...; trong đó xuất khẩu 402 triệu USD":
    break-test bt17 of session 39, kind 2; tests/test_local_goods_parts.py)."""
    named = trade_named(frame, title, before)
    return named is None or named == trade or (
        trade == "local_export" and named == "export" and "local_goods" in frame.basis)


def money_fits(asked: tuple[str, ...], frame: Frame) -> bool:
    """A figure answers a question naming money indicators by their heads (``asked``:
    Intent.money, "revenue" of "doanh thu", "trade_value" of "kim ngạch", ...;
    rag.vi.lexicon.MONEY_INDICATORS) only when the first of its own words (its indicator;
    a share's words after its value name its whole), the total it is part of, its heading
    that names such a head names one of them; one that names none anywhere passes.  The
    product and trade words are shared by every money indicator of a product: "Kim ngạch
    xuất khẩu hàng may mặc ... 52,6 triệu USD" beside "Doanh thu may mặc ..." outscored the
    revenue for "doanh thu may mặc xuất khẩu" at 0.94, holding every word but the head
    (issue 17, s40 brief revtrade) -- the indicator must agree before the words count, as
    the trade indicator does (:func:`trade_fits`).  Not the sentence before the value nor
    the document's title: they name the other figures of the sentence or report."""
    for text in (frame.indicator, frame.parent, frame.context):
        found = money_indicator_at(fold(expand_abbreviations(text)).lower()) if text else []
        if found:
            return any(code in asked for _, _, code in found)
    return True


def index_fits(indices: tuple[str, ...], money: tuple[str, ...], frame: Frame) -> bool:
    """A figure answers a question naming an index (``indices``: Intent.indicators, "iip",
    "cpi") or a money head (``money``: Intent.money, "output" of "giá trị sản xuất") only when
    the first of its own words, the total it is part of and its heading that names an index
    or a money head names the asked one (rag.answer.intent.index_head_fits: the IIP is no
    output value, nor the output value an IIP; GSO's terms); one naming none passes, as
    :func:`money_fits` reads the same fields."""
    for text in (frame.indicator, frame.parent, frame.context):
        fits = index_head_fits(indices, money, fold(expand_abbreviations(text)).lower()) \
            if text else None
        if fits is not None:
            return fits
    return True


@lru_cache(maxsize=8192)  # pure; asked for every frame a question weighs
def counted_in(column: str) -> tuple[str, bool]:
    """(what a table column of counts counts, folded; whether it says "Số"): ("cho", True)
    from "Số chợ" and from "Năm 2022 Số chợ" (a year over the column: its period is no part
    of the thing), ("ho kinh doanh", False) from "Hộ kinh doanh"; ("", False) for none."""
    text = column
    for x in reversed(find_mentions(text, None)):
        text = text[:x.start] + " " + text[x.end:]
    m = re.match(r"(?:tong )?(so )?(\w.*)", " ".join(fold(text).split()))
    return (m.group(2), bool(m.group(1))) if m else ("", False)


# what "số X" may ask that is no count: an amount of money, of revenue, of a budget; "trị giá"
# is the customs' word for "giá trị" ("trị giá hàng hóa vi phạm ước 18,4 tỷ đồng", dev3 r20;
# "tổng trị giá 48 tỷ đồng" -- "tổng trị giá hàng dự trữ ... 2017?" asked a count of "trị" and
# was refused, issue 16 bt16g item 4); "xuất", "nhập" the trade itself ("Tổng xuất khẩu hàng
# địa phương", "Tổng nhập khẩu": an amount of goods, read as a count of "xuất" every money
# figure was dropped and the question refused -- break-test bt17i, item 2)
_NOT_COUNTED = re.compile(r"^(?:tien|von|thu|chi|doanh|kim|gia|tri|luong|san|khoi|dien|muc|nguon|"
                          r"kinh|dau|nop|ngan|du|loi|cong|suat|xuat|nhap|"
                          r"tong|ty|phan|lan)$")
_HOW_MANY = re.compile(r"\bhow many\b")


def counted_thing(intent: Intent, folded: str, compounds: frozenset[str] = frozenset()) -> str:
    """The folded first word of what a question asks a count of: the unit after "bao nhiêu"
    ("có bao nhiêu chủ thể" -> "chu"), or the word after a leading "số" ("số chợ năm 2029" ->
    "cho", intent.soft_unit; none for "Số chính thức/ước tính/liệu/thực hiện ..."), or "*"
    for an English "how many" naming nothing the glossary reads; "" when no count is asked or
    "số" starts an amount ("số tiền", "số vốn", "số thu": :data:`_NOT_COUNTED`), a
    currency is asked ("bao nhiêu USD") or a percentage is.  ``compounds``: the question's
    two-syllable dictionary words as written (rag.vi.words.words_in, folded "thanh_vien"):
    a first syllable starting one is that word, joined by "_" -- "Số thành viên hợp tác xã"
    counts "thanh_vien", whose "thanh" the line "thành lập mới 31 hợp tác xã, giải thể 5 hợp
    tác xã" wrote as well and passed for it (issue 17 break-test bt17f)."""
    if intent.kind == "percent" or intent.wants_percent:
        return ""
    word = intent.unit or intent.soft_unit or ""
    if intent.unit and word in UNIT_MAGNITUDES:
        # "bao nhiêu triệu đồng", "bao nhiêu nghìn lượt": a magnitude word counts nothing,
        # the word after it says what is asked -- an amount of money is no count (the
        # magnitude "tỷ" was read so in _NOT_COUNTED; "triệu", "nghìn" the same; round B
        # brief gl kind 2, "thu ngân sách ... bao nhiêu triệu đồng")
        after = re.search(r"\b" + re.escape(word) + r"\s+(\w+)", folded)
        word = after.group(1) if after else ""
        if not word or is_money(word):
            return ""
    word = _counted_phrase(word, folded)
    if word and not _NOT_COUNTED.match(word) and word not in ("%", "phan") and \
            not is_money(word):
        # a currency asked ("đạt bao nhiêu USD?", "bao nhiêu đồng?") is an amount of money,
        # no count: read as one, every money figure was dropped (counts_asked) and a
        # sentence of another indicator answered (break-test b17 item 5)
        if word in UNIT_OCCURRENCES:
            after = re.search(rf"\b{word}\s+(\w+(?:\s+\w+){{0,2}})", folded)
            head = _count_head(after.group(1).split()) if after else ""
            return f"{word} {head}" if head else word
        after = re.search(r"(?<!\w)" + re.escape(word) + r"\s+(\w+)", folded) \
            if compounds and " " not in word else None
        return f"{word}_{after.group(1)}" if after and \
            f"{word}_{after.group(1)}" in compounds else word
    return "*" if not word and _HOW_MANY.search(folded) else ""


def _counted_phrase(word: str, folded: str) -> str:
    """``word`` (the folded first syllable a question counts, :func:`counted_thing`) joined
    to the syllable after it ("san_pham") when it is a syllable of :data:`_NOT_COUNTED`
    ("sản" of "sản lượng", "doanh" of "doanh thu") that opens a count noun with it there
    (rag.vi.lexicon.UNIT_HEAD_PHRASES: "sản phẩm", "dự án", "doanh nghiệp"): "Số sản phẩm
    OCOP tháng 12/2062" counts "sản phẩm" and never takes "131 chủ thể" (break-test bt17l;
    tests/test_count_row_unit.py); ``word`` itself otherwise."""
    if not word or " " in word or not _NOT_COUNTED.match(word):
        return word
    after = re.search(r"(?<!\w)" + re.escape(word) + r"\s+(\w+)", folded)
    if after and f"{word} {after.group(1)}" in UNIT_HEAD_PHRASES:
        return f"{word}_{after.group(1)}"
    return word


def _count_head(words: list[str]) -> str:
    """The unit head ``words`` (folded) start with -- the longest phrase of the lexicon
    (rag.vi.lexicon.UNIT_HEAD_PHRASES: "phuong tien"), else one head word ("xe", "nguoi";
    UNIT_HEADS, no occurrence nor time word) -- or "" when they start with none."""
    for n in (3, 2):
        if len(words) >= n and " ".join(words[:n]) in UNIT_HEAD_PHRASES:
            return " ".join(words[:n])
    if words and words[0] in UNIT_HEADS - UNIT_OCCURRENCES - UNIT_TIME_HEADS:
        return words[0]
    return ""


def _same_kind(a: str, b: str, occurrence: str = "luot") -> bool:
    """Whether two folded unit heads count the same things: equal, or of one group of
    rag.vi.lexicon.UNIT_SYNONYMS, alone or after ``occurrence`` ("xe" and "phuong tien",
    "nguoi" and "khach", "hanh khach" and "luot khach")."""
    forms_a, forms_b = {a, f"{occurrence} {a}"}, {b, f"{occurrence} {b}"}
    return a == b or any(forms_a & g and forms_b & g for g in UNIT_SYNONYMS)


def share_or_rate(frame: Frame) -> bool:
    """Whether ``frame`` is a percentage at its level or a share ("đạt 92,4%", "tỷ lệ ...
    68%", "chiếm 35%"): no count nor amount of a thing; a change in percent ("tăng 12%")
    is not one."""
    return frame.kind == "percent" and frame.measure in ("level", "share")


def counts_asked(frame: Frame, counted: str, named: bool = False, line: str = "") -> bool:
    """Whether ``frame`` may be the count a question asks (``counted``: :func:`counted_thing`):
    a percentage of a rate or a share is no count, nor a count of another thing (its unit
    and indicator without the counted word: "7.915 phòng" for "số trường"), an amount of
    money is no count of anything ("số chủ thể OCOP" is not "doanh thu của các chủ thể
    OCOP: 312 tỷ đồng"), nor is a figure whose indicator is another thing "của" the counted
    one ("lao động của các hợp tác xã" for "số hợp tác xã"): what stands before "của" is
    what it measures.  The other thing only when ``named``: the count asked as "số X", not
    "bao nhiêu X" (eval_dev d029/d032 ask "bao nhiêu xe" of figures in "xe/ngày"); ``line``:
    the line the figure stands in, whose words count too (a table row's column header,
    "Số lao động tham gia BHXH — Huyện Hoa Lư: 4.815 người", is in no field of its frame),
    abbreviations read out ("Số HTX thành lập mới" counts "hợp tác xã")."""
    if share_or_rate(frame):
        # a rate or a share is no count: "số học sinh trung học cơ sở" was answered "Tỷ lệ
        # tốt nghiệp trung học phổ thông đạt 98,71%" (bt25-b16 failure 4); a change in
        # percent ("tăng 12%") stays, asked of a count as "tăng bao nhiêu"
        return False
    counted, _, kind = counted.partition(" ") if counted.split()[0] in UNIT_OCCURRENCES \
        else (counted, "", "")
    if kind and frame.kind == "count":
        # "số lượt người xuất nhập cảnh" names what its times are of: "28.915 lượt xe" (or
        # "6.842 phương tiện") counts another thing, a bare "96.400 lượt" may be of either
        # (issue 16 bt16i: answered 0.83 from a report with no count of people that month)
        unit = [w for w in fold(frame.unit).lower().split() if w not in UNIT_MAGNITUDES]
        own = _count_head(unit[1:] if unit[:1] and unit[0] in UNIT_OCCURRENCES else unit)
        if own and not _same_kind(own, kind, counted):
            return False
    if frame.measure != "level":
        return True
    if is_money(frame.unit):
        return False
    if counted == "*":
        return True
    folded = fold(frame.indicator).lower()
    # (a counted word of two syllables, "lang_nghe", by its first: "của các làng nghề")
    first = counted.split("_")[0]
    if named and frame.kind == "count" and frame.unit and not re.search(
            rf"(?<!\w){re.escape(counted.replace('_', ' '))}(?!\w)",
            " ".join(re.findall(r"\w+", fold(expand_abbreviations(
                f"{frame.unit} {frame.indicator} {frame.parent} {line}")).lower()))) and \
            not _unit_is_syllable(frame, first, counted):
        # "7.915 phòng" of "Số phòng học kiên cố" counts no "trường" (tests/test_count_not_rate.py)
        return False
    m = re.match(r"\W*(.+?)\s+cua\s+(?:cac\s+|nhung\s+)?(\w+)", folded)
    return not (m and m.group(2) == first and first not in m.group(1).split())


def restates_compound(frame: Frame, counted: str, passage: list[Frame], text: str) -> bool:
    """Whether the count ``frame``, its unit the first syllable alone of the two-syllable word
    asked (``counted``, :func:`counted_thing`: "xe_hang"), restates a count written before it
    in ``passage`` (the frames of its passage, ``text`` their document's text) with that word
    whole: same unit, that count's indicator beginning with the word ("3.870 xe hàng chờ
    xuất khẩu"), and ``frame``'s indicator words ("số" and :data:`_NO_KIND_WORDS` left out)
    all in that count's sentence -- "Sáng 21/12/2096 ... còn tồn 3.870 xe hàng chờ xuất
    khẩu ... Đến 17 giờ cùng ngày, số xe tồn giảm xuống còn 3.215 xe" counts "xe hàng" too,
    asked "Số xe hàng tồn tại cửa khẩu hiện nay?" (break-test bt17p;
    tests/test_part_of_day_hour.py).  A count of another unit ("45 khách sạn" before "120
    khách") restates nothing."""
    if "_" not in counted or frame.kind != "count":
        return False
    first = counted.split("_")[0]
    unit = [w for w in fold(frame.unit).lower().split() if w not in UNIT_MAGNITUDES]
    if unit != [first]:
        return False
    own = set(fold(frame.indicator).lower().split()) - {"so"} - _NO_KIND_WORDS
    whole = counted.replace("_", " ")
    for g in passage:
        if g.end > frame.start or g.kind != "count" or g.unit != frame.unit or \
                not " ".join(fold(g.indicator).lower().split()).startswith(whole):
            continue
        if own <= set(re.findall(r"\w+", fold(text[g.quote[0]:g.end]).lower())):
            return True
    return False


def _unit_is_syllable(frame: Frame, first: str, counted: str) -> bool:
    """Whether a count's unit is the first syllable ``first`` alone of the counted word of
    two syllables asked (``counted``, "may_moc") and its table's caption or lead-in
    (``Frame.context``) writes that word whole: the noun counted, written short after the
    number -- "57 máy" of a table led by "Số máy móc thiết bị được hỗ trợ chuyển giao ...
    qua các năm:" counts the "máy móc thiết bị" asked (tests/test_lead_in_row_siblings.py;
    session 42 brief mergefix).  A syllable of another word of the frame's ("thành" of
    "thành lập mới 31 hợp tác xã" for "số thành viên") is no unit, and a short unit under a
    heading naming no such word ("120 khách" for "số khách sạn") counts nothing asked
    (:func:`counted_thing`, bt17f)."""
    if "_" not in counted:
        return False
    words = [w for w in fold(frame.unit).lower().split() if w not in UNIT_MAGNITUDES]
    context = " ".join(re.findall(r"\w+", fold(expand_abbreviations(frame.context)).lower()))
    return words == [first] and f" {counted.replace('_', ' ')} " in f" {context} "


def items_counted(frame: Frame, counted: str, folded_q: str = "") -> bool:
    """Whether ``frame`` may answer a question asking a count of ``counted`` (the folded
    word :func:`counted_thing` gives, "" when no count is asked; ``folded_q`` the folded
    question, whose "bao nhiêu <the frame's unit>" asks it too): any frame but a fraction
    of items that is no rank ("12/17 khoản thu đạt trên 75% dự toán", "14/20 xã đạt chuẩn"),
    which counts the items meeting a condition among all of them -- never an amount nor the
    indicator's level, so it answers only a count asked ("bao nhiêu khoản thu", "số xã
    ..."; which items, counts_asked and the scorer weigh) -- a rank "thứ 9/63" stays
    one.  Issue 17 break-test bt21-b17 failure 4, where
    "12/17" answered "số thu ... 9 tháng" at 0.90 over the 5.318,4 tỷ đồng said."""
    if frame.kind != "ratio" or frame.measure == "rank":
        return True
    unit = fold(frame.unit).lower().strip()
    return bool(counted) or bool(unit and re.search(
        r"\b(?:bao nhieu|may)\s+" + re.escape(unit) + r"\b", folded_q))


# the units a length of time is given in (folded, the first word of a frame's unit)
_TIME_UNITS = frozenset({"nam", "thang", "quy", "tuan", "ngay", "gio", "phut", "giay"})


def length_of_time(frame: Frame) -> bool:
    """Whether ``frame`` is a length of time ("18 tháng", "khoảng 2 - 3 giờ"): a count whose
    unit is a unit of time -- what "bao lâu" asks (:data:`rag.answer.intent.LENGTH_ASKED_RE`)."""
    unit = fold(frame.unit).lower().split()
    return frame.kind == "count" and bool(unit) and unit[0] in _TIME_UNITS


def class_column_said(thing: str, question: str) -> bool:
    """Whether the folded ``question`` names the things a table column counts by class
    (``thing``: :func:`counted_in` of the column, folded: "san pham 4 sao", "cho hang 1",
    "khach san 3 sao") with other words between the things and the class: "Cao Lộc có bao
    nhiêu sản phẩm OCOP 4 sao?" of a column "Sản phẩm 4 sao", "chợ đạt hạng 1" of "Chợ hạng
    1" -- the things ("san pham") and each class (rag.vi.grades.head_classes: "4 sao") are
    each written in the question.  A column naming no class, or a question naming another
    class or none, is False (left to the whole-phrase rule of :func:`_unit_fits`).  Break-test
    s44 bt17o: the 4-star column of a table by district was dropped for "sản phẩm OCOP 4 sao"
    (its phrase is not the question's) and the total column's 24 answered;
    tests/test_class_columns.py."""
    classes = head_classes(thing)
    if not classes:
        return False
    bare = " ".join(_CLASS_NUMBER.sub(" ", thing).split())
    return bool(bare) and re.search(rf"\b{re.escape(bare)}\b", question) is not None and \
        all(re.search(rf"(?<![\w.,/]){re.escape(c)}\b", question) for c in classes.split("; "))


# a class in a column's folded words: its number with the word before or after it
_CLASS_NUMBER = re.compile(r"\b(?:(?:hang|cap|loai|nhom|euro|bac) \d{1,3}|\d{1,3} [a-z]+)\b")


def column_unit_fits(unit: str, frame: Frame, thing: str) -> bool:
    """Whether the unit asked (``unit``, one folded word: "luot", "khach") is that of a
    figure written without one (``frame``) under a table column naming a unit alone
    (``thing``: :func:`counted_in` of the column, folded) -- a unit of
    rag.vi.lexicon.UNIT_SYNONYMS, as "Lượt khách" over a column of "24.100", "35.500" --
    by one of its synonyms: "Thung lũng Bắc Sơn dịp 30/4/2064 đón bao nhiêu lượt?",
    "... bao nhiêu khách?" (break-test bt17l: refused, "Lượt khách Thung lũng Bắc Sơn ..."
    asking no unit answered).  A column naming a thing ("Số chợ", "Hộ kinh doanh") is read
    by :func:`_unit_fits` as before."""
    if frame.unit.strip() or not thing:
        return False
    return any(thing in group and any(unit in (g, g.split()[0]) for g in group)
               for group in UNIT_SYNONYMS)


def row_label_fits(unit: str, frame: Frame, question: str) -> bool:
    """Whether the unit asked (``unit``, one folded word: "htx", "hop") is what a count
    written without one (``frame``) counts when its row's label names the things counted
    without "Số" ("HTX nông nghiệp: 348"): the label's head is the unit or one of its
    rag.vi.lexicon.UNIT_SYNONYMS ("hợp tác xã" for "HTX"), and the folded ``question``
    names the whole label, its head in either form ("bao nhiêu hợp tác xã nông nghiệp").
    A label the question names only in part ("bao nhiêu HTX" of "HTX nông nghiệp", a part
    of all of them) never fits.  Break-test bt17n: "Hiện nay có bao nhiêu HTX nông
    nghiệp?" was refused while "Số HTX nông nghiệp ...?" answered 348
    (tests/test_count_row_unit.py)."""
    if frame.kind != "count" or frame.unit.strip() or not question:
        return False
    thing, said_so = counted_in(frame.indicator)
    words = thing.split()
    if said_so or not words:
        return False
    heads = [(words[0], [words[0]])]
    for group in UNIT_SYNONYMS:
        for g in group:
            if words[:len(g.split())] == g.split():
                heads.append((g, sorted(group)))
    for head, forms in heads:
        if not any(unit in (f, f.split()[0]) for f in forms):
            continue
        rest = " ".join(words[len(head.split()):])
        if any(re.search(rf"\b{re.escape((f + ' ' + rest).strip())}\b", question)
               for f in forms):
            return True
    return False


def _unit_fits(unit: str, frame: Frame, column: str = "", question: str = "",
               written: str = "") -> bool:
    """The unit asked ("bao nhiêu tấn", "mấy %") is the figure's -- or, for a count ("có
    bao nhiêu siêu thị"), the thing its table ``column`` counts (:func:`counted_in`: "Số
    siêu thị", or a column naming the things counted without "Số" -- "Hộ kinh doanh" --
    when the folded ``question`` names them all).  ``written``: the unit as the question
    writes it ("chợ"), when it has diacritics: a word of the figure that differs from it
    by a tone mark only and is a word of its own ("xe chờ thông quan") is another word
    (rag.vi.words.other_word; tests/test_counted_as_written.py)."""
    if unit in ("%", "phan", "phan tram"):
        return frame.kind == "percent"
    thing, said_so = counted_in(column) if column else ("", False)
    if thing and frame.kind == "count" and thing.split()[0] == unit and \
            (said_so or re.search(rf"\b{re.escape(thing)}\b", question) or
             class_column_said(thing, question)):
        return True
    if column_unit_fits(unit, frame, thing):
        return True
    if row_label_fits(unit, frame, question):
        return True
    # a count without a unit whose indicator says what it counts: "Số chủ thể tham gia
    # Chương trình là 141" for "có bao nhiêu chủ thể"
    thing, said_so = counted_in(frame.indicator)
    if said_so and not frame.unit.strip() and thing.split()[:1] == [unit]:
        return True
    raw = frame.unit.split() + frame.detail.split()[:2]
    words = [fold(w) for w in raw]
    if any((w == unit or w.startswith(unit)) and not other_word(written, r)
           for w, r in zip(words, raw, strict=True)):
        return True
    said = " ".join(w for w, r in zip(words, raw, strict=True) if not other_word(written, r))
    # the unit asked is one folded word: "bao nhiêu hành khách" asks "hanh", the first of
    # "hanh khach" (break-test b17 B: "... 18,9 triệu lượt khách, bình quân mỗi tháng 2,1
    # triệu" for "bình quân mỗi tháng vận chuyển bao nhiêu hành khách")
    return any(any(unit in (g, g.split()[0]) for g in group) and
               any(re.search(rf"\b{re.escape(s)}\b", said) for s in group)
               for group in UNIT_SYNONYMS)


def class_part_fits(unit: str, frame: Frame, folded_q: str) -> bool:
    """Whether ``frame``, a part listed under its total with its class as its unit noun ("22
    doanh nghiệp" of "nâng tổng số chủ thể OCOP lên 131 chủ thể, trong đó 64 hợp tác xã, 22
    doanh nghiệp"), is of the things counted that the question asks: ``unit`` (folded, the
    noun after "bao nhiêu": "chu") heads the part's parent, and the folded question
    ``folded_q`` names the part's unit ("có bao nhiêu chủ thể OCOP là doanh nghiệp"; issue 17
    bt17l; tests/test_ocop_parts.py)."""
    if not frame.part or frame.kind != "count" or not frame.unit.strip():
        return False
    parent = re.sub(r"^(?:tong so|so)\s+", "", fold(frame.parent).lower().strip())
    own = fold(frame.unit).lower().strip()
    return parent.split()[:1] == [unit] and own.split()[0] != unit and \
        re.search(rf"\b{re.escape(own)}\b", folded_q) is not None


def periods_named(choices: Iterable[Choice]) -> list[str]:
    """The period labels ("quý I/2019") of ``choices``' frames, in order; frames without a
    period left out."""
    return [c.frame.period.label for c in choices if c.frame.period is not None]
