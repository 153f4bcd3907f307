"""A figure question read into the same frame as the figures: the measure, target or actual,
basis and periods it asks about (relative ones resolved against the day it is asked).

- measure: "tăng trưởng", "tăng/giảm bao nhiêu", "tăng hay giảm" ask for a change; "bao
  nhiêu % kế hoạch", "so với dự toán" for a share of the plan; "xếp thứ mấy" for a rank;
  "tỷ trọng", "chiếm bao nhiêu" for a share; anything else for a level ("đạt bao nhiêu");
- target: "kế hoạch", "mục tiêu", "chỉ tiêu", "dự toán", "được giao", "dự kiến", "dự báo" ask
  for the target or forecast, not the actual (unless they are the base of a share: "bao
  nhiêu % kế hoạch");
- basis: the tags of rag.vi.lexicon.BASIS_PATTERNS the question names ("mở tờ khai",
  "tất cả các loại hình", "hàng địa phương", "quốc tế", "giá hiện hành", ...);
- comparison: what a change is asked against ("so với tháng trước", "so với cùng kỳ");
- periods: rag.vi.asked.question_periods.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from rag.search.query import Query, vietnamese_terms
from rag.vi.asked import question_periods
from rag.vi.calendar import (
    Period,
    base_kind,
    day_period,
    month_end,
    month_period,
    year_period,
    years_period,
)
from rag.vi.frames.measures import PROGRAMME_NAME, states_requirement
from rag.vi.lexicon import (
    BASIS_PATTERNS,
    CHANGE_ASKED,
    SAME_PERIOD_BASE,
    STOPWORDS,
    STOPWORDS_EXACT,
)
from rag.vi.text import fold, has_diacritics, mark_change_lookalike, mark_number_word
from rag.vi.words import is_word, other_word, written_as_other

# "gấp bao nhiêu lần", "thấp hơn ... bao nhiêu điểm phần trăm": a multiple or a difference,
# stated as changes are (rag.vi.frames.measures; break-test b17 K6, K7)
# "dự báo tăng giá trị sản xuất ... quý IV?", "dự kiến giảm ...": the change foreseen, the verb
# said before the indicator with no "bao nhiêu" (bt25-b17 failure 6)
_CHANGE_RE = re.compile(r"\b(?:tang truong|toc do tang|tang (?:bao nhieu|may|hay giam|them)|"
                        r"(?:du kien|du bao) (?:tang|giam)\b(?! (?:len|xuong)\b)|"
                        # "có thêm bao nhiêu xã đạt chuẩn": the number added, as the
                        # reports write it ("có thêm 2 xã", rag.vi.frames.measures)
                        # -- by any verb ("thu hút thêm bao nhiêu doanh nghiệp", bt19b Q185)
                        r"\bthem (?:duoc )?(?:bao nhieu|may)\b|"
                        # ... or "thêm" after the thing counted: "có bao nhiêu sản phẩm OCOP
                        # được công nhận thêm?" (dev4 b17f)
                        r"\b(?:bao nhieu|may)\b.*\bthem\b|"
                        r"gap (?:bao nhieu|may) lan|"
                        # "cao hơn bao nhiêu?", "thấp hơn mấy điểm so với năm trước?": the
                        # difference asked right after the comparative, whatever follows --
                        # never the level a sentence "đạt 99%, cao hơn mức bình quân ..."
                        # states beside it (break-test bt24a; tests/test_plan_total_and_higher.py)
                        r"(?:cao|thap|nhanh|cham|nhieu|it) hon (?:bao nhieu|may)\b|"
                        r"(?:cao|thap|nhanh|cham) hon\b.*\b"
                        r"(?:bao nhieu|may) (?:diem phan tram|diem %|% diem|pp\b|lan|%|phan tram)|"
                        # "cao hơn số ước tính bao nhiêu?", "thấp hơn năm trước bao nhiêu?":
                        # the difference from what is named between (break-test b17 F4);
                        # "#": a "số" there is marked (rag.vi.text.mark_number_word)
                        r"(?:cao|thap|nhanh|cham|nhieu|it) hon (?:[a-z0-9/#\-\u2013]+ ){1,5}"
                        # and the unit counted after it ("ít hơn cùng kỳ bao nhiêu con?",
                        # break-test bt5-b17 failure 4); a season's years joined by a dash
                        # ("nhiều hơn vụ Đông Xuân 2041-2042 bao nhiêu?", bt6-b17 failure 6)
                        # -- a unit may end in a digit ("bao nhiêu m3?", bt16-b17 failure 3)
                        r"(?:bao nhieu|may)(?:\s+[a-z][a-z0-9]*){0,3}\s*(?:\?|$)|"
                        r"giam (?:bao nhieu|may)|tang hay giam|"
                        # "tăng được bao nhiêu", "giảm đi mấy %": the change, its adverb
                        # no other measure (bt18-b17 failure 1's kind)
                        r"(?:tang|giam) (?:duoc|di) (?:bao nhieu|may)|bao nhieu phan tram so voi|"
                        r"grow|growth|increase|decrease|decline|change|rose|rise|rises|risen|grew|fell|"
                        # "How much did ... fall / drop" (bt6-b17 Q84)
                        r"fall|falls|fallen|drop|drops|dropped|"
                        # "How much higher is ... than at the start of the year?": the
                        # difference asked, as "cao hơn ... bao nhiêu" (bt10-b17 failure 2)
                        r"how (?:much|many) (?:higher|lower|more|less|greater|fewer)\b|"
                        r"(?:tang|giam)\s*(?:\?|$)|"
                        # "mục tiêu tăng giá trị sản xuất năm 2076?": the rise set as a
                        # target (a list "Tốc độ tăng ...: 8,5 - 9%"; bt22-b17 failure 3)
                        r"(?:muc tieu|chi tieu|ke hoach) tang\b(?! cuong))|" + CHANGE_ASKED)
_PLAN_SHARE_RE = re.compile(r"(?:bao nhieu|may)\s*(?:%|phan tram)\s*(?:so voi\s+)?"
                            r"(?:ke hoach|du toan|chi tieu|kh\b)|(?:%|phan tram)\s*(?:ke hoach|"
                            r"du toan)|so (?:voi )?(?:du toan|ke hoach)|"
                            r"\bty le\b.*\bso voi (?:du toan|ke hoach)|"
                            # "share of the (budget) estimate": a budget's plan, no
                            # "estimated" figure (session 44 bt17l)
                            r"of (?:the )?(?:plan|target|(?:budget )?estimate\b)|"
                            # "vượt kế hoạch bao nhiêu %?", "vượt bao nhiêu % kế hoạch?": the
                            # excess over the plan, read from a share of it (b17 N3)
                            r"\bvuot (?:so voi )?(?:ke hoach|du toan|chi tieu|kh)\b.*"
                            r"\b(?:bao nhieu|may)\b|\bvuot (?:bao nhieu|may)\s*(?:%|phan tram)|"
                            r"(?:exceed|surpass)\w* (?:the )?(?:plan|target)")
# "bằng bao nhiêu % so với cùng kỳ": this period over a base period (an index) -- not over a
# plan ("bằng bao nhiêu % so với dự toán năm", "... so với kế hoạch"): the reports write a
# plan's share "bằng 52,3% dự toán năm" and "bằng 52,3% so với dự toán" alike (GSO's "so với
# kế hoạch năm"), a share of the plan (_PLAN_SHARE_RE)
# ... or the base named first, then "đạt/bằng bao nhiêu %", no rise or fall said: "sản lượng
# năm 1996 so với năm 1995 đạt bao nhiêu %?" asks the ratio a table's "So sánh (%)" column of
# two periods holds (rag.ingest.tables.compared_headers: "Năm 1996 so với Năm 1995 (%)";
# break-test bt16g of issue 16, item 6), the GSO's "Năm 1996 so với năm 1995 (%)" as an index
_INDEX_RE = re.compile(r"\bbang (?:bao nhieu|may)\s*(?:%|phan tram)\s*so voi"
                       r"(?!\s+(?:ke hoach|du toan|chi tieu|muc tieu|kh)\b)|"
                       # "bằng bao nhiêu % cùng kỳ", no "so với": as the reports write
                       # "bằng 112,0% cùng kỳ" -- a "So cùng kỳ (%)" column's cell (session
                       # 49 bt20a item 32; tests/test_table_rows_asked.py)
                       r"\b(?:bang|dat) (?:bao nhieu|may)\s*(?:%|phan tram)\s*"
                       r"(?:cung ky|ck|cknt)\b|"
                       r"^(?!.*\b(?:tang|giam|toc do|vuot|ty trong|chiem)\b).*"
                       r"\bso (?:voi|cung ky|ck)\b"
                       r"(?!\s*(?:ke hoach|du toan|chi tieu|muc tieu|kh)\b)"
                       r"[^?]*\b(?:dat|bang) (?:bao nhieu|may)\s*(?:%|phan tram)"
                       r"(?!\s*(?:so voi\s+)?(?:ke hoach|du toan|chi tieu|muc tieu|kh)\b)")
# a rank asked; not "được xếp hạng" naming what is counted ("số di tích được xếp hạng năm
# 2063", rag.vi.frames.indicators._RANK_PARTICIPLES) unless the rank is asked after it
# ("được xếp hạng thứ mấy", "... bao nhiêu")
# -- and "thứ hạng" ("Thứ hạng chỉ số PAR INDEX năm 2034?", as QUESTION_KINDS reads it)
_RANK_RE = re.compile(r"\b(?:xep thu|thu hang|(?<!duoc )xep hang|"
                      r"xep hang (?=thu|may|bao nhieu|hang|vi tri)|"
                      r"thu may|dung thu|hang may|rank(?:ed|ing)?)\b")
# the rank words of _RANK_RE as written with their diacritics: folded, "hàng mây tre đan",
# "hàng may mặc", "doanh thu may mặc", "sử dụng thử" hold them too
_RANK_WRITTEN = {"xep": "xếp", "thu": "thứ", "hang": "hạng", "may": "mấy", "dung": "đứng"}
# "đóng góp bao nhiêu điểm phần trăm", "đóng góp bao nhiêu vào tăng trưởng": the points a part
# adds to the whole's growth (rag.vi.frames.measures.contributed; bt23-b17 failure 2) -- not an
# amount given ("đóng góp bao nhiêu vào ngân sách")
_CONTRIBUTION_RE = re.compile(r"\bdong gop\b.*\b(?:diem phan tram|(?:vao )?(?:muc )?tang "
                              r"(?:truong|chung))\b|\bdiem phan tram\b.*\bdong gop\b")
_SHARE_RE = re.compile(r"\b(?:ty trong|chiem (?:bao nhieu|may)|share of)\b")
# "dự kiến", "dự báo": a forecast, read as a target in the frames too (rag.vi.frames.sentence)
_TARGET_RE = re.compile(r"\b(?:ke hoach|muc tieu|chi tieu|du toan|duoc giao|giao chi tieu|"
                        r"phan dau|du kien|du bao|target|planned|plan|forecast)\b")
# a plan word counted, a count noun -- no target asked: "bao nhiêu kế hoạch phòng ngừa sự cố",
# "có mấy bản kế hoạch", "14 kế hoạch", and "số kế hoạch ứng phó sự cố hóa chất được phê
# duyệt" with "số" heading the question (not "chuyển đổi số kế hoạch năm 2027": a "số" of a
# word; the reports count plans "phê duyệt 14 kế hoạch ứng phó sự cố hóa chất", a level) --
# unless what follows makes "số kế hoạch" the plan's figure: a period, "giao", "là", nothing
# ("số kế hoạch năm 2021", "số kế hoạch được giao"); "đạt bao nhiêu kế hoạch" is no count
_COUNTED_PLAN = re.compile(
    r"(?:(?<!\bdat )(?<!\bbang )(?<!\bvuot )(?<!hoan thanh )\b(?:bao nhieu|may)|"
    # -- a number, not the year of "năm 2035 kế hoạch là bao nhiêu?" (break-test bt24a kind)
    r"(?<!\bnam )(?<![\d.,])\d+)\s+(?:(?:van )?ban\s+)?(?P<plan>ke hoach|chi tieu|muc tieu)\b")
_COUNT_HEAD = re.compile(r"^\W*(?:(?:hay )?cho (?:toi |em )?biet:?\s+)?(?:tong\s+)?(so)"
                         r"(?:\s+luong)?\s+(?:(?:van )?ban\s+)?(?P<plan>ke hoach|chi tieu|muc tieu)"
                         r"(?!\s*(?:\?|$|nam\b|thang\b|quy\b|ky\b|(?:duoc |tinh )?giao\b|la\b|"
                         r"(?:19|20)\d\d\b))")


def names_target(text: str, folded: str, typed: bool) -> bool:
    """Whether the question ``text`` (``folded``: fold(text).lower()) names a target or
    forecast (_TARGET_RE: "kế hoạch", "mục tiêu", "dự kiến" ...) by a word other than a plan
    word counted, a count noun (_COUNTED_PLAN, _COUNT_HEAD: "bao nhiêu kế hoạch phòng ngừa
    sự cố", "số kế hoạch ứng phó sự cố hóa chất được phê duyệt" count plans, as the reports
    do: "trình phê duyệt 14 kế hoạch ứng phó sự cố hóa chất" -- a level, no target; break-test
    of session 42, refused), nor "chi tiêu" (spending) as typed.  ``typed``: ``text`` as the
    user wrote it, with diacritics (a heading "so" is then "số" only as written so)."""
    counted = [m.span("plan") for m in _COUNTED_PLAN.finditer(folded)]
    # "vốn chương trình mục tiêu quốc gia": a programme's name, no target asked
    counted += [m.span() for m in PROGRAMME_NAME.finditer(folded)]
    head = counting_head(text, folded, typed)
    if head is not None:
        counted.append(head[1])
    if typed and len(text) == len(folded):
        # "mức chi tiêu bình quân của khách": spending as typed, no "chỉ tiêu" (a plan) --
        # as the frames read it (rag.vi.frames.measures._SPENDING; break-test s48 bt19b Q48)
        counted += [m.span() for m in re.finditer(r"\bchi tieu\b", folded)
                    if text[m.start():m.end()].lower() == "chi tiêu"]
    return any(not any(s <= m.start() and m.end() <= e for s, e in counted)
               for m in _TARGET_RE.finditer(folded))


def counting_head(text: str, folded: str, typed: bool
                  ) -> tuple[int, tuple[int, int]] | None:
    """Where the question ``text`` (``folded``: fold(text).lower()) opens with the count
    "số" of a plan word (_COUNT_HEAD: "số kế hoạch ứng phó sự cố được phê duyệt", "tổng số
    chỉ tiêu ..."): the offset of its "so" and the span of the plan word, in ``folded``; None
    when it does not, or ``typed`` (with diacritics) writes the "so" otherwise ("So kế
    hoạch, ...": compared with the plan)."""
    m = _COUNT_HEAD.match(folded)
    if m is None or (typed and len(text) == len(folded)
                     and text[m.start(1):m.end(1)].lower() != "số"):
        return None
    return m.start(1), m.span("plan")


# "thấp hơn chỉ tiêu bao nhiêu", "cao hơn kế hoạch tỉnh giao bao nhiêu": the actual's difference
# from its plan (rag.vi.frames.sentence._AGAINST_PLAN), no target asked (bt15-b17 failure 6)
_AGAINST_PLAN_RE = re.compile(r"\b(?:thap|cao|nhieu|it|cham|nhanh) hon (?:so voi )?"
                              r"(?:ke hoach|chi tieu|muc tieu|du toan)\b")
# not "tổng mức bán lẻ": the retail indicator's own name, no word of a level
_LEVEL_RE = re.compile(r"\b(?:quy mo|gia tri|tong (?:muc(?! ban le)|gia tri|so))\b")
# "so CK", "so với CK": the reports' abbreviation of "cùng kỳ" (rag.vi.frames.sentence
# spelled_base), asked as "cung ky"
# "so với đầu năm", "so với tháng 12 năm trước", "so với cuối năm 2029": the end of the year
# before (rag.answer.figures comparison_base "year_start"; break-test b17 K2, K3); "so với năm
# 2004": a year named as the base, as a table's "So với 2004 (%)" column has it; "so với kỳ
# gốc 2019", "so với năm gốc": the fixed base year of a price index (the GSO writes the CPI
# against four bases, the base year 2019 the last: rag.answer.figures._BASES "base_year")
# "so với cùng tháng năm trước", "cùng quý năm trước", "cùng thời kỳ", "cùng dịp": a same
# period's everyday names (rag.vi.lexicon.COMPARISON_BASES, the table a report's base is read
# with), each asked as "cung ky" (bt17g t01: "CPI tháng 9 năm 2028 so với cùng tháng năm
# trước" took the change "so với tháng trước")
_COMPARISON_RE = re.compile(rf"\bso (?:voi\s+)?({SAME_PERIOD_BASE}(?: nam truoc)?|"
                            r"thang truoc|quy truoc|"
                            r"(?:ky|nam) goc(?: (?:nam )?(?:19|20)\d\d\b)?|"
                            r"nam truoc|dau nam|cuoi nam(?: truoc| \d{4})?|"
                            r"thang \d{1,2}(?:/\d{4}| nam (?:truoc|\d{4}))?|ky truoc|ck\b|"
                            r"quy (?:iv|iii|ii|i|[1-4])\b(?:/\d{4}| nam (?:truoc|\d{4}))?|"
                            r"(?:nam )?(?:19|20)\d\d\b)")  # "so với 2093": the year
# what a difference is asked against, named between the comparative and "bao nhiêu"
# without "so với" ("thấp hơn năm trước bao nhiêu?", "cao hơn số ước tính bao nhiêu?")
_COMPARED_WITH_RE = re.compile(r"\b(?:cao|thap|nhanh|cham|nhieu|it) hon "
                               r"((?:[a-z0-9/]+ ){0,4}[a-z0-9/]+)"
                               r" (?:bao nhieu|may)(?: diem(?: phan tram)?)?\s*(?:\?|$)")
# "bao nhiêu sản phẩm": a count of things asked, whatever it is compared with
_COUNTED_RE = re.compile(r"\bbao nhieu (?!phan tram|lan\b)[a-z]")
# "lạm phát" (inflation) said of no base: the GSO's headline inflation, the consumer price
# index against the same period of the year before ("CPI bình quân quý I tăng 3,2% so với
# cùng kỳ"; GSO's press releases: "lạm phát tổng thể" reported as CPI bình quân so với cùng
# kỳ; dev3 cuc_thong_ke_thang9_2073, bt17c ctk_thang9_2026 write the month's CPI on three
# bases). Not core inflation ("lạm phát cơ bản"), an indicator of its own that reports name.
_INFLATION_RE = re.compile(r"\blam phat\b(?! co ban\b)")
_PREVIOUS_RE = re.compile(rf"\bso (?:voi\s+)?(?:nam truoc|{SAME_PERIOD_BASE}|ck)\b")
_BASIS = [(tag, re.compile(p)) for tag, p in BASIS_PATTERNS]
# the value before a change ("rút ngắn từ 6 - 8 giờ xuống còn 2 - 3 giờ": 6 - 8 giờ); without
# one of these, a question asks the value after it (rag.vi.frames.sentence.before_after)
_EARLIER_RE = re.compile(r"\b(?:truoc day|truoc kia|truoc khi|luc dau|ban dau|thoi gian dau|"
                         r"tu bao nhieu|tu muc bao nhieu|before|previously|initially)\b")
# both ends of a change asked ("rút ngắn từ bao nhiêu xuống (còn) bao nhiêu giờ", "tăng từ mức
# bao nhiêu lên bao nhiêu"): a "từ ... bao nhiêu" then, within a few words (a unit: "giờ",
# "xe/ngày"), "lên", "xuống" or "còn" and a second "bao nhiêu" -- the words reports write a
# change of two levels with (rag.vi.frames.sentence.before_after); "từ bao nhiêu đến bao
# nhiêu" is a range asked, not a change (issue 17 break-test bt17s, hop_bao_2037)
_BOTH_ENDS_RE = re.compile(r"\btu (?:muc |khoang )?bao nhieu\b(?: [^\s?,.;]+){0,3}? "
                           r"(?:len|xuong|con)\b(?: (?:con|muc|khoang))* bao nhieu\b")


def asks_both_ends(question: str) -> bool:
    """Whether ``question`` (as typed, any case, with or without diacritics) asks both levels
    of a change written "từ A xuống còn B" / "từ A lên B": "từ bao nhiêu xuống bao nhiêu
    giờ?", "tăng từ bao nhiêu lên bao nhiêu?" -- never one end alone ("rút ngắn còn bao
    nhiêu?", "trước đây bao nhiêu?") nor a range ("từ bao nhiêu đến bao nhiêu")."""
    return bool(_BOTH_ENDS_RE.search(" ".join(fold(question).lower().split())))


@dataclass(frozen=True)
class Asked:
    """A figure question as a frame: ``measure`` (level, change, plan_share, share, rank,
    index, contribution),
    ``target``, ``bases`` (basis tags named), ``comparison`` (folded, or None), ``periods``
    (in the order asked; empty when none is named), ``latest`` (the day asked, when the
    question asks for the latest figure: "hiện nay"), ``each_year``, ``today`` (the day
    asked, for every question), ``earlier`` (the value before a change written "từ A xuống
    còn B" is asked: "trước đây", "trước kia", "lúc đầu", "ban đầu", "từ bao nhiêu")."""

    measure: str
    target: bool
    bases: frozenset[str]
    comparison: str | None
    periods: tuple[Period, ...]
    latest: date | None = None
    each_year: bool = False
    explicit_level: bool = False  # "quy mô", "giá trị": a level even of an index
    today: date | None = None  # the day asked: no count later than it is "now"
    earlier: bool = False  # "trước đây", "ban đầu", "từ bao nhiêu": the value before a change
    compared: tuple[Period, ...] = ()  # "so với (cuối) năm 2027": what a change is against
    # a difference asked from the earlier period ("tháng 9/2042 ít hơn tháng 9/2043 bao
    # nhiêu?"): ``periods`` and ``compared`` are swapped, its comparative to be read opposite
    from_earlier: bool = False
    # "nuôi trồng thủy sản năm 2077 so với cùng kỳ": a year asked with no verb against the
    # year before, read as both years' levels -- or, when the earlier one is not reported,
    # as the change stated against it (rag.answer.answerer answer_figure)
    versus_previous: bool = False
    # the corpus's abbreviations the question writes either form of, (folded token, phrase)
    # (``rag.search.query.Query.acronyms``): a figure's words holding one form hold the other
    acronyms: tuple[tuple[str, str], ...] = ()
    # the runs of its words spelling a token the corpus writes, (folded token, run)
    # (``rag.search.query.Query.spelled``): a table row writing the token says the run
    spelled: tuple[tuple[str, str], ...] = ()
    # the months asked are this year's up to the day asked ("từ đầu năm đến nay";
    # rag.vi.asked.Asked.to_date), not months the question writes
    to_date: bool = False


@lru_cache(maxsize=4096)  # each answer of a question reads it up to four times
def read_question(query: Query, today: date) -> Asked:
    """The frame of an analysed question asked on ``today``."""
    text = query.expanded
    if query.english:
        text = f"{query.text} {vietnamese_terms(query.text)}"
    folded = fold(text).lower()
    # the comparisons read where "số" is no "so" ("chuyển đổi số năm 2027", "kinh tế số kế
    # hoạch", "mỗi cơ sở năm 2053"): rag.vi.text.mark_number_word; only as the user typed it
    # -- a question typed without diacritics, or restored, keeps its "so" (it may be either)
    typed = not query.english and not query.restored and has_diacritics(query.text)
    compares = fold(mark_change_lookalike(mark_number_word(text))).lower() if typed else folded
    head = counting_head(text, folded, typed)
    if head is not None:  # "so ke hoach ... duoc duyet": the count "số", no "so với kế hoạch"
        compares = compares[:head[0]] + "s#" + compares[head[0] + 2:]
    measure = "level"
    if _CONTRIBUTION_RE.search(folded):
        measure = "contribution"  # rag.vi.frames.measures.contributed
    elif asks_rank(text, folded, typed):
        measure = "rank"
    elif _INDEX_RE.search(compares):
        measure = "index"  # "bằng bao nhiêu % so với cùng kỳ": this year over the last
    elif _PLAN_SHARE_RE.search(compares):
        measure = "plan_share"
    elif _SHARE_RE.search(folded):
        measure = "share"
    elif _CHANGE_RE.search(compares):
        measure = "change"
    # what a result requires, a target in the frames too: "cần tăng bao nhiêu"
    # (rag.vi.frames.measures.states_requirement; not the "Phai" of a commune's name)
    target = measure != "plan_share" and (
        names_target(text, folded, typed) or states_requirement(text)) and not (
        measure == "change" and _AGAINST_PLAN_RE.search(folded))
    bases = frozenset(tag for tag, pat in _BASIS if pat.search(folded))
    cm = _COMPARISON_RE.search(compares)
    comparison = _said_base(cm.group(1)) if cm else None
    named = _COMPARED_WITH_RE.search(folded) if cm is None and measure == "change" else None
    if named is not None:  # "cao hơn số ước tính bao nhiêu?": "so uoc tinh"
        comparison = named.group(1)
    asked = question_periods(query.expanded, today)
    periods = asked.periods
    each_year = asked.each_year
    if "span_average" in bases:
        measure, periods, each_year = span_average_asked(measure, periods, each_year)
    versus_previous = False
    if measure == "level" and _PREVIOUS_RE.search(compares) and len(periods) == 1 \
            and periods[0].kind == "year":
        # "kim ngạch xuất khẩu 2023 so với năm trước": both years, a line each
        periods = (year_period(periods[0].year - 1), periods[0])
        versus_previous = True
    elif measure == "level" and comparison is not None and not _LEVEL_RE.search(folded) \
            and not _COUNTED_RE.search(folded):
        # "giá vàng tháng 3/2021 so với tháng trước", "gạch nung 9 tháng so cùng kỳ": how
        # the figure compares -- its change (or its index), not its level
        measure = "change"
    compared = asked.compared
    if cm is not None and len(compared) == 1 and compared[0].kind in _RANGE_KINDS:
        # "so với quý I đến quý II/2036", "so với tháng 1 đến tháng 3/2036": the base is the
        # whole range (rag.vi.asked question_mentions; ``compared``), not the first period
        # whose words _COMPARISON_RE stops at ("quy i", "thang 1") -- a stated change "so
        # với quý I/2036" was refused as against another base (session 53,
        # tests/test_compared_ranges.py)
        comparison = None
    if measure == "change" and not compared and asked.span is not None and len(periods) == 2:
        # "tăng thêm bao nhiêu từ tháng 6 đến 20/12/2031": the change over a range is its
        # end's against its start, as "đến 20/12/2031 tăng bao nhiêu so với tháng 6" asks --
        # the stated change, else the two levels (issue 17 bt17h: the end's level alone was
        # served as the change at 0.93)
        periods, compared = (asked.span[1],), (asked.span[0],)
    from_earlier = measure == "change" and len(periods) == 1 and len(compared) == 1 and \
        compared[0].start > periods[0].start and bool(_COMPARATIVE_DIFFERENCE.search(compares))
    if from_earlier:
        # "khách lưu trú tháng 9/2042 ít hơn tháng 9/2043 bao nhiêu?": the difference asked
        # from the earlier side is the later period's change against the earlier one, its
        # comparative the opposite (bt6-b17 failure 7; tests/test_stated_differences_c.py)
        periods, compared = compared, periods
    comparison = _named_base(comparison, periods, compared)
    if comparison is None and _INFLATION_RE.search(folded):
        comparison = "cung ky"  # "lạm phát quý I": the CPI against the same period before
    return Asked(measure, target, bases, comparison, periods, asked.latest, each_year,
                 bool(_LEVEL_RE.search(folded)), today, bool(_EARLIER_RE.search(folded)),
                 compared, from_earlier, versus_previous, query.acronyms,
                 query.spelled, asked.to_date)


# a base year asked ("so với kỳ gốc 2064", "so với năm gốc"; :data:`_COMPARISON_RE`), and the
# words that ask a change against it rather than the index ("tăng bao nhiêu", "giảm", "thay
# đổi", "biến động"; folded)
_BASE_YEAR_ASKED = re.compile(r"(?:ky|nam) goc\b")
_CHANGE_WORDS = re.compile(r"\b(?:tang|giam|thay doi|bien dong|chenh lech)\b")


def base_index_asked(asked: Asked, question: str) -> bool:
    """Whether a change question (``asked``, read from ``question`` as typed) names only a
    base year to set its period against, with no word of a change: "CPI tháng 10/2068 so với
    kỳ gốc 2064?" asks the index against that base as the report writes it ("bằng 112,46%"),
    not the rise derived from it ("tăng 12,46%", rag.answer.index_change) -- the GSO states a
    price index against its base year as a level of 100 ("so với kỳ gốc năm 2064 CPI bằng
    112,46%": break-test s43 bt17m; tests/test_base_year_index.py).  "tăng bao nhiêu so
    với kỳ gốc" keeps the change."""
    return asked.measure == "change" and bool(asked.comparison) and \
        bool(_BASE_YEAR_ASKED.match(asked.comparison or "")) and \
        not _CHANGE_WORDS.search(fold(question).lower())


# a change asked in so many words, Vietnamese or English: "tăng bao nhiêu", "giảm", "tăng
# trưởng", "thay đổi", "cao hơn" (folded); "so với cùng kỳ", "year on year" alone are none
_CHANGE_ASKED = re.compile(
    r"\b(?:tang|giam|thay doi|bien dong|chenh lech|cao hon|thap hon|nhieu hon|it hon"
    r"|increase[sd]?|decrease[sd]?|rise|rose|fall|fell|grow|grew|growth|change[sd]?"
    r"|higher|lower|up|down)\b")


def index_asked(asked: Asked, question: str) -> bool:
    """Whether a change question (``asked``, read from ``question`` as typed) names its
    comparison but no word of a change: "chỉ số IIP quý I/2046 so cùng kỳ", "Thu ngân sách 10
    tháng 2045 so với cùng kỳ?", "... đạt bao nhiêu % so với cùng kỳ?", "IIP March 2056 year
    on year?" ask the index as the report writes it ("105,84%", "97,5%"), not the change
    derived from it (rag.answer.index_change) -- testers' gold in break-test dev4 (b17j, b17n,
    b17q, b17r, b17s: 14 such questions, each wrong when derived); "tăng bao nhiêu % so với
    cùng kỳ" keeps the change.  A wider :func:`base_index_asked` (any comparison, not only
    a base year); tests/test_index_as_asked.py."""
    return asked.measure == "change" and not _CHANGE_ASKED.search(fold(question).lower())


# a range asked ("từ tháng 3 đến tháng 9/2033", "từ 30/6 đến 15/11/2032"; folded)
_RANGE_WORDS = re.compile(r"\btu\b.*\b(?:den|toi)\b")


def range_ends(asked: Asked, question: str) -> Asked | None:
    """``asked`` re-read as its range's end against its start, when it asks a change over
    one span of days or months written "từ A đến B" (``question``, as typed) with nothing it
    is compared with: "số hợp tác xã từ 30/6 đến 15/11/2032 tăng thêm bao nhiêu" is the count
    at 15/11/2032 against that at 30/6/2032, as "... tăng bao nhiêu so với 30/6" asks; the
    ends are months when the span is whole months ("từ tháng 3 đến tháng 9/2033"), else days.
    None otherwise.  Only a fallback: a flow's change over the span itself ("xuất khẩu từ
    tháng 1 đến tháng 9 tăng bao nhiêu %", its report's "9 tháng ... tăng 12%") answers first
    (rag.answer.answerer read_figure).  Issue 17 bt17h."""
    if asked.measure != "change" or asked.compared or len(asked.periods) != 1:
        return None
    p = asked.periods[0]
    if p.kind != "days" or p.start >= p.end or \
            not _RANGE_WORDS.search(fold(question).lower()):
        return None
    if p.start.day == 1 and p.end == month_end(p.end.year, p.end.month):
        first, last = month_period(p.start.year, p.start.month), \
            month_period(p.end.year, p.end.month)
    else:
        first, last = day_period(p.start), day_period(p.end)
    return replace(asked, periods=(last,), compared=(first,),
                   comparison=_named_base(asked.comparison, (last,), (first,)))


# what a count stands at, that a change asked "so với <it>" with no end of its own runs from
# ("so với tháng 6", "so với 30/6/2031", "so với cuối tháng 6"): a month or a day, never a
# year or a holiday (a year's change "so với năm 2030" is the reports' own, stated of a year)
_SINCE_KINDS = frozenset({"month", "day", "to_date"})


def since_compared(asked: Asked) -> Period | None:
    """The period a change is asked from when the question names no end: "Số sản phẩm OCOP
    tăng bao nhiêu so với tháng 6?" asked on 25/12/2031 is the latest count up to that day
    against the count of tháng 6/2031, as "hiện nay ... so với tháng 6" would ask (issue 17;
    the datedchange helper: the report's revenue "tăng 17,5% so với năm 2030" answered at
    0.8).  The one compared period (``asked.compared``) when ``asked`` is a change with no
    period of its own, no "hiện nay" already read, and that period is a month or a day
    (:data:`_SINCE_KINDS`) ended before the day asked; None otherwise -- the end is for the
    answerer to find among the reports (rag.answer.answerer, the latest level)."""
    if asked.measure != "change" or asked.periods or len(asked.compared) != 1 or \
            asked.latest is not None or asked.today is None:
        return None
    start = asked.compared[0]
    if start.kind not in _SINCE_KINDS or start.end >= asked.today:
        return None
    return start


def span_average_asked(measure: str, periods: tuple[Period, ...], each_year: bool
                       ) -> tuple[str, tuple[Period, ...], bool]:
    """(measure, periods, each_year) of a question asking a span's average growth ("tốc độ
    tăng bình quân ... giai đoạn 2023-2027", "tăng bình quân mỗi năm bao nhiêu", basis
    "span_average" of rag.vi.lexicon.BASIS_PATTERNS): a change, whatever "bao nhiêu" after
    "mỗi năm" made of it, over the span as one period -- the years that "mỗi năm"/"hằng năm"
    split it into (``each_year``) joined again, as the report states its average over the
    span, not a figure a year (issue 17 break-test bt17h)."""
    if measure in ("level", "index"):
        measure = "change"
    years = [p for p in periods if p.kind == "year"]
    if each_year and len(years) == len(periods) >= 2:
        first, last = min(p.year for p in years), max(p.year for p in years)
        if last - first + 1 == len(years):
            return measure, (years_period(first, last),), False
    return measure, periods, each_year


def asks_rank(text: str, folded: str, typed: bool) -> bool:
    """Whether the question ``text`` (``folded``: fold(text).lower()) asks a rank in its rank
    words (_RANK_RE: "xếp thứ mấy", "hạng mấy", "đứng thứ") -- not when the words that fold
    alike are other words: a syllable written otherwise and both words of the dictionary
    ("hàng" is no "hạng", "mây" no "mấy": rag.vi.words.other_word), or a "may" that makes a
    word of the dictionary with the syllable after it, a product's name ("hàng may mặc",
    "hàng mây tre đan", "doanh thu máy móc"), no "mấy" asking which.  ``typed``: the question
    as the user wrote it, with diacritics (else they are no evidence: a restored "mấy" is a
    guess).  Break-test bt16d item 7: "giá trị sản xuất hàng mây tre đan năm 2006?" read as
    a rank was refused."""
    aligned = typed and len(text) == len(folded)
    written = text.lower()
    for m in _RANK_RE.finditer(folded):
        words = folded[m.start():m.end()].split()
        said = written[m.start():m.end()].split() if aligned else words
        if aligned and any(other_word(s, _RANK_WRITTEN[w])
                           for w, s in zip(words, said, strict=False) if w in _RANK_WRITTEN):
            continue
        if rank_words_misread(text, folded, typed, m.start(), m.end()):
            continue
        after = re.match(r"\W*(\w+)", folded[m.end():]) if words[-1] == "may" else None
        if after is not None:
            nxt = after.group(1)
            said_next = written[m.end() + after.start(1):m.end() + after.end(1)] \
                if aligned else nxt
            stop = said_next in STOPWORDS_EXACT if aligned else nxt in STOPWORDS
            pair = f"{said[-1]} {said_next}" if aligned else None
            if not stop and is_word("may", nxt, pair) and not after.group(0)[:-len(nxt)].strip():
                continue
        return True
    return False


def rank_words_misread(text: str, folded: str, typed: bool, start: int, end: int) -> bool:
    """Whether the rank words at ``folded[start:end]`` (a match of a rank pattern: "thu
    hang", "dung thu may", "xep hang may") are other words that fold alike: as the question
    ``text`` writes them with its diacritics (``typed``, ``text`` as long as ``folded``), one
    written otherwise ("doanh thu hàng hóa" holds no "thứ hạng", "Thu hàng năm" none either:
    rag.vi.words.written_as_other); typed without diacritics, its first syllable making a
    word of the dictionary with the syllable before it ("doanh thu hang hoa", "su dung thu
    cong": "doanh thu", "sử dụng" -- Viet74K), which no rank phrase opens with.  Issue 16
    item 10: question words read wrongly once folded."""
    words = folded[start:end].split()
    if not words:
        return False
    if typed and len(text) == len(folded):
        said = text[start:end].lower().split()
        return any(written_as_other(s, _RANK_WRITTEN[w])
                   for w, s in zip(words, said, strict=False) if w in _RANK_WRITTEN)
    if words[-1] in ("may", "nhieu") or _ASKING_AFTER.match(folded, end):
        return False  # "dung thu may", "thu hang bao nhieu": the rank asked, whatever before
    before = re.search(r"(\w+)\W*$", folded[:start])
    return before is not None and not before.group(1).isdigit() and \
        is_word(before.group(1), words[0])


# the asking words after a rank phrase: "(thứ hạng) mấy", "bao nhiêu"
_ASKING_AFTER = re.compile(r"\s*(?:may|bao nhieu)\b")


# a difference asked with a comparative ("ít hơn tháng 9/2043 bao nhiêu"), folded
_COMPARATIVE_DIFFERENCE = re.compile(r"\b(?:cao|thap|nhanh|cham|nhieu|it) hon\b")


# a compared period said by its date, as a report says its kind (rag.answer.figures._BASES)
_SAME_PERIOD_RE = re.compile(SAME_PERIOD_BASE)
# the kinds of period a base written as a range is read as (rag.vi.asked._range_period)
_RANGE_KINDS = frozenset({"years", "months", "days"})
_BASE_WORDS = {"same_period": "cung ky", "previous": "ky truoc", "year_start": "dau nam"}


def _said_base(said: str) -> str:
    """The comparison a question's words ``said`` (folded, as _COMPARISON_RE reads them) name:
    "cung ky" for every name of the same period a year before ("ck", "cùng tháng năm trước",
    "cùng quý năm trước", "cùng thời kỳ": rag.vi.lexicon.SAME_PERIOD_BASE), ``said`` for any
    other -- one base, one word, however it is asked."""
    if said == "ck" or _SAME_PERIOD_RE.match(said):
        return "cung ky"
    return said


def _named_base(comparison: str | None, periods: tuple[Period, ...],
                compared: tuple[Period, ...]) -> str | None:
    """The comparison a question names, a dated base said as its kind: "so với tháng 8/2027"
    of "tháng 8/2028" is "cung ky", "so với năm 2027" of "năm 2028" too, "so với tháng
    7/2028" is "ky truoc", "so với tháng 12/2027" of "tháng 10/2028" and "so với cuối năm
    2027" of "cuối tháng 10/2028" are "dau nam" (break-test b17 K2: a figure against the
    month before is no answer to one against the same month a year before, nor to one against
    the end of the year before); ``comparison`` unchanged otherwise."""
    if len(periods) != 1 or len(compared) != 1:
        return comparison
    return _BASE_WORDS.get(base_kind(compared[0], periods[0]), comparison)
