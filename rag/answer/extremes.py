"""Superlatives: which end of a ranking a question asks for ("huyện nào có nhiều sản phẩm
OCOP nhất?" -> the most), and which end a clause of a document states ("Huyện Khau Vai dẫn
đầu toàn tỉnh với 62 sản phẩm" -> the most; "huyện Nà Sầm có ít nhất với 11" -> the fewest).

Issue 17 break-test bt21-b17 failure 8: "huyện nào có nhiều sản phẩm OCOP nhất?" was answered
with the district the report names as having the fewest, and "ít nhất" with the same one.
The words are the reports' own ("cao nhất là ...", "thấp nhất là ...", "dẫn đầu", "đứng
đầu", "đứng cuối"); all text here is folded (rag.vi.text.fold: no diacritics, lower case).
"""

from __future__ import annotations

import re

from rag.vi.lexicon import MONEY_INDICATORS
from rag.vi.numbers import is_money
from rag.vi.text import fold
from rag.vi.words import written_as_other

MOST = "max"
FEWEST = "min"

# degree words that "nhất" makes superlative, by the end they name; "nhất" may stand right
# after them ("nhiều nhất") or after the thing counted ("ít doanh nghiệp thành lập mới nhất")
_DEGREE_ENDS = {
    "nhieu": MOST, "cao": MOST, "lon": MOST, "manh": MOST, "nhanh": MOST,
    "it": FEWEST, "thap": FEWEST, "nho": FEWEST, "cham": FEWEST,
    # "kém nhất": the worst, the lowest of a ranking ("xã có tỷ lệ ... kém nhất")
    "kem": FEWEST,
}
# degree words of a crowd, counted only right before "nhất" or with the crowd's noun between
# ("đông khách nhất", "vắng khách nhất", "đông dân nhất", "đông người nhất": the tourism and
# population reports' words for the most and fewest visitors or people; bt17c #75 "điểm du
# lịch nào đông khách nhất?"); any other word between is no crowd: folded, "chiếm đóng của
# Nhật Bản" reads "dong cua nhat" (an XQuAD question), "tỷ đồng, nhất là" (especially)
_NEAR_DEGREE_ENDS = {"dong": MOST, "vang": FEWEST}
_NEAR_DEGREE_RE = re.compile(r"(?<!\d )(?<!ty )(?<!trieu )(?<!nghin )(?<!ngan )"
                             r"\b(dong|vang)(?: (?:khach|dan|nguoi))? nhat\b(?! ban\b)")
# words before the degree that make it no degree: "nâng cao" (raise), "cao su" is after
_NOT_DEGREE_BEFORE = frozenset({"nang"})
# phrases that name an end without "nhất"
_END_PHRASES = ((re.compile(r"\b(?:dan dau|dung dau|xep dau|dung (?:o )?vi tri dau|"
                            r"(?:dung|xep) thu nhat|(?:dung|xep) (?:hang )?thu 1)\b"), MOST),
                (re.compile(r"\b(?:dung cuoi|xep cuoi|cuoi bang|bet bang)\b"),
                 FEWEST))
# words that make "nhất" part of another word: "thống nhất", "duy nhất", "hợp nhất", "thứ
# nhất", "hạng nhất", "giải nhất", "chuyên nhất", "tốt nhất" (no count), and the "nhất" of
# time, not of a ranking: "gần nhất", "sớm nhất" ("mới nhất" is left in: "ít doanh nghiệp
# thành lập mới nhất" asks the fewest new ones; "đồng nhất" is left out: folded it is "đông
# nhất", the most numerous)
_NHAT_COMPOUNDS = frozenset({"thong", "duy", "hop", "thu", "hang", "giai", "chuyen", "tot",
                             "gan", "som"})
_NHAT_RE = re.compile(r"\bnhat\b")
# the words above as a question with diacritics writes them: one written otherwise is another
# word folded alike -- "đồng nhất" (uniform) no "đông nhất", "sang Nhật Bản" no "nhất", "giá
# lợn" no "lớn" (issue 16 item 10; rag.vi.words.written_as_other)
_WRITTEN = {"nhat": "nhất", "dong": "đông", "vang": "vắng", "nhieu": "nhiều", "cao": "cao",
            "lon": "lớn", "manh": "mạnh", "nhanh": "nhanh", "it": "ít", "thap": "thấp",
            "nho": "nhỏ", "cham": "chậm", "kem": "kém"}
# "đồng nhất" typed without diacritics, told from "đông nhất" by its company: the adjective
# of one kind throughout (Viet74K "đồng nhất"; its usual collocations "tính/sự đồng nhất",
# "không/chưa đồng nhất", "chất lượng đồng nhất", "đồng nhất với", "đồng nhất hóa") -- a
# crowd's "đông nhất" takes none of them ("điểm nào đông nhất", "ngày đông khách nhất")
_UNIFORM_RE = re.compile(r"\b(?:tinh|su|khong|chua|muc do|chat luong|dam bao|can|phai)"
                         r" dong nhat\b|\bdong nhat (?:voi|hoa|ve)\b")
_WORD_RE = re.compile(r"\w+")
# at most this many words between a degree word and its "nhất" ("ít doanh nghiệp thành lập
# mới nhất": five)
_DEGREE_REACH = 7
# "ít nhất 6 sản phẩm": at least, a bound, when a number follows
_BOUND_AFTER_RE = re.compile(r"^\s*(?:la\s+)?\d")


def _degree_end(words: list[str], at: int) -> tuple[int, str] | None:
    """(index, end): the degree word nearest before the "nhất" at ``words[at]``, within
    ``_DEGREE_REACH`` words, and the end it names; None when there is none or "nhất" ends
    another word."""
    if at > 0 and words[at - 1] in _NHAT_COMPOUNDS:
        return None
    for k in range(at - 1, max(-1, at - 1 - _DEGREE_REACH), -1):
        end = _DEGREE_ENDS.get(words[k])
        if end is not None and not (k > 0 and words[k - 1] in _NOT_DEGREE_BEFORE):
            return k, end
    return None


def _other_word(written: str | None, at: int, word: str) -> bool:
    """Whether ``written`` (the text as typed with diacritics, aligned with the folded text)
    writes the degree word or "nhất" ``word`` at ``at`` as another word (:data:`_WRITTEN`)."""
    return written is not None and word in _WRITTEN and \
        written_as_other(written[at:at + len(word)], _WRITTEN[word])


def _ends_stated(folded: str, bounds: bool, written: str | None = None
                 ) -> list[tuple[int, int, str]]:
    """(at, start, end) of each end of a ranking ``folded`` names: ``at`` where its "nhất"
    or phrase stands, ``start`` where its statement begins (its degree word), in order.
    ``written``: the same text with its diacritics (as long as ``folded``), whose words
    written otherwise are no degree ("đồng nhất", "Nhật Bản"); without it a "dong nhat" in
    the company of :data:`_UNIFORM_RE` is "đồng nhất"."""
    found: list[tuple[int, int, str]] = []
    words = [(m.start(), m.group(0)) for m in _WORD_RE.finditer(folded)]
    plain = [w for _, w in words]
    for m in _NHAT_RE.finditer(folded):
        at = next(i for i, (pos, _) in enumerate(words) if pos == m.start())
        degree = _degree_end(plain, at)
        if degree is None or (not bounds and _BOUND_AFTER_RE.match(folded[m.end():])) or \
                _other_word(written, m.start(), "nhat") or \
                _other_word(written, words[degree[0]][0], plain[degree[0]]):
            continue
        found.append((m.start(), words[degree[0]][0], degree[1]))
    taken = {at for at, _, _ in found}
    uniform = {m.end() - len("nhat") for m in _UNIFORM_RE.finditer(folded)} \
        if written is None else set()
    for m in _NEAR_DEGREE_RE.finditer(folded):
        at = m.end() - len("nhat")
        if at in taken or at in uniform or _other_word(written, at, "nhat") or \
                _other_word(written, m.start(1), m.group(1)):
            continue
        if not (not bounds and _BOUND_AFTER_RE.match(folded[m.end():])):
            found.append((at, m.start(1), _NEAR_DEGREE_ENDS[m.group(1)]))
    for pattern, end in _END_PHRASES:
        found += [(m.start(), m.start(), end) for m in pattern.finditer(folded)]
    return sorted(found)


def extremes_named(folded: str, *, bounds: bool = False) -> list[str]:
    """The ends of a ranking (:data:`MOST`, :data:`FEWEST`) that the folded text ``folded``
    names, in the order they are written: "<degree> ... nhất" and "dẫn đầu", "đứng cuối" ...
    With ``bounds`` False, "ít nhất <number>" ("at least 6") is a bound, not an end."""
    return [end for _, _, end in _ends_stated(folded, bounds)]


def end_statement_start(folded: str) -> int | None:
    """Where in ``folded`` the first statement of a ranking's end begins: its degree word
    ("ít" of "chùa X ít khách nhất trong các điểm"), or its phrase ("dẫn đầu"); None when it
    states none -- what of a name is the name, and what its rank."""
    found = _ends_stated(folded, False)
    return min(start for _, start, _ in found) if found else None


# a time named as the end ("..., là ngày đông khách nhất", "là tháng có chỉ số cao nhất"):
# the end of a ranking of days or months, which no other kind of item answers (bt17c #75:
# "điểm du lịch nào đông khách nhất?" was answered with the busiest day's sentence)
TIME_KINDS = frozenset({"ngay", "thang", "quy", "nam", "dip", "tuan", "buoi", "thoi"})
_TIME_END_RE = re.compile(r"\bla (?:ngay|thang|quy|nam|dip|tuan|buoi|thoi diem)\b"
                          r"(?P<gap>(?: [a-z0-9]+){0,5}) $")


def time_ends_only(folded: str) -> bool:
    """Whether ``folded`` states an end of a ranking and each it states is a time's ("là
    ngày đông khách nhất"), so no item of another kind is that end."""
    found = _ends_stated(folded, False)
    return bool(found) and all(_TIME_END_RE.search(folded[:start]) for _, start, _ in found)


def asked_extreme(folded_question: str, written: str | None = None) -> str | None:
    """Which end a "which X" question asks for: :data:`MOST` ("nhiều ... nhất", "cao nhất",
    "lớn nhất", "dẫn đầu", "đứng đầu"), :data:`FEWEST` ("ít ... nhất", "thấp nhất", "nhỏ
    nhất", "đứng cuối"); None when it names none, or both.  ``written``: the question as
    typed with diacritics, when as long as ``folded_question`` -- its words read as written
    ("chất lượng đồng nhất", "sang Nhật Bản" ask no end)."""
    ends = {end for _, _, end in _ends_stated(folded_question, True, written)}
    return ends.pop() if len(ends) == 1 else None


# the folded words a question asks an end with: its degree words, "nhất", "dẫn/đứng đầu",
# "đứng cuối", "cuối bảng" -- matched by a segment stating that end (rag.answer.scoring)
# -- the phrases' syllables as word pairs ("dan_dau"), never alone: "đầu" of "đầu tư",
# "bằng" of "bằng 98%" are no words of an end (review of the session's change)
EXTREME_WORDS = frozenset(_DEGREE_ENDS) | frozenset(_NEAR_DEGREE_ENDS) | {
    "nhat", "dan_dau", "dung_dau", "xep_dau", "dung_cuoi", "xep_cuoi", "cuoi_bang", "bet_bang"}


def without_end_phrases(folded: str) -> str:
    """``folded`` (folded, lower case) with the phrases that name an end without "nhất"
    ("dẫn đầu", "đứng cuối", :data:`_END_PHRASES`) blanked: what else it says."""
    for pattern, _ in _END_PHRASES:
        folded = pattern.sub(" ", folded)
    return folded

# what parts the clause of a name in a sentence: the sentence's punctuation
_SEGMENT_BREAK_RE = re.compile(r"[;,.:()]")


def segment_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    """(lo, hi): the stretch of ``sentence`` around ``[start, end)`` between the nearest
    ";", ",", ".", ":" or bracket outside it (the whole sentence when there is none)."""
    lo = max((m.end() for m in _SEGMENT_BREAK_RE.finditer(sentence, 0, start)), default=0)
    nxt = _SEGMENT_BREAK_RE.search(sentence, end)
    return lo, nxt.start() if nxt else len(sentence)


def stated_extreme(folded_sentence: str, start: int, end: int) -> str | None:
    """The end of a ranking the segment (:func:`segment_bounds`) of ``folded_sentence``
    around ``[start, end)`` gives the name there: "cao nhất là cửa khẩu Tà Lùng" ->
    :data:`MOST`; None when it states none or both.  Offsets are the sentence's (folding
    keeps lengths)."""
    lo, hi = segment_bounds(folded_sentence, start, end)
    ends = set(extremes_named(folded_sentence[lo:start] + " " + folded_sentence[end:hi]))
    return ends.pop() if len(ends) == 1 else None


# "<...> nhất là hạt điều với 96,3 triệu USD", "dẫn đầu là ...": the item named after "là",
# to "với", "đạt", "chiếm", "có", a number or the segment's end
_NAMED_AFTER_RE = re.compile(r"\bla\s+(?P<item>(?:(?!voi\b|dat\b|chiem\b|co\b|\d)\w+\s*)+)")


def end_items(sentence: str, end: str, kind: str) -> list[tuple[int, int]]:
    """(start, end) of the items ``sentence`` names after "là" in a segment stating the end
    ``end`` of a ranking ("mặt hàng có kim ngạch lớn nhất là hạt điều với ..." -> "hạt
    điều"): names written in lower case, which no capitalised run finds.  The segment must
    name the kind of item asked, ``kind`` (folded: "mat hang"), before or as the item."""
    kind_re = re.compile(r"\b" + re.escape(kind) + r"\b")
    folded = fold(sentence)
    spans: list[tuple[int, int]] = []
    lo = 0
    for brk in [*_SEGMENT_BREAK_RE.finditer(folded), None]:
        hi = brk.start() if brk else len(folded)
        segment = folded[lo:hi]
        for m in _NAMED_AFTER_RE.finditer(segment):
            if set(extremes_named(segment[:m.start()])) == {end} and \
                    kind_re.search(segment[:m.end()]):
                s, e = lo + m.start("item"), lo + m.start("item") + len(m.group("item").rstrip())
                spans.append((s, e))
                break
        lo = brk.end() if brk else hi
    return spans


# a list that gives only some items of its kind, as its lead says (folded): "một số mặt hàng",
# "các mặt hàng như ..." -- or only its main ones: "chủ yếu", "chủ lực", "chính" (the dev
# reports' customs items: "một số mặt hàng xuất khẩu chủ yếu", "trong đó một số mặt hàng
# chính"; GSO's "mặt hàng xuất khẩu chủ yếu"), whose largest is the largest of all but whose
# smallest is not -- not "tài chính", "chính sách", "chính thức"; "như sau" ("as follows":
# "Kim ngạch theo từng cửa khẩu như sau: ...") leads the whole list, no selection (break-test
# bt22b, session 50: the smallest gate of such a list was said to be among some only)
_SOME_RE = re.compile(r"\b(?:mot so|nhu(?! sau))\b")
_MAIN_RE = re.compile(r"\b(?:chu yeu|chu luc|(?<!tai )chinh(?! sach| thuc| quyen| phu))\b")
# said after an end found among the items of such a list
AMONG_LISTED = " — trong số các mục báo cáo liệt kê (báo cáo chỉ nêu một số, không phải tất cả)"


def selection_listed(folded_lead: str, end: str) -> bool:
    """Whether the end ``end`` of a list led by the words ``folded_lead`` (folded) is only
    the end of the items it names: the lead says it gives some of them (:data:`_SOME_RE`),
    or its main ones (:data:`_MAIN_RE`) and the fewest is asked."""
    return _SOME_RE.search(folded_lead) is not None or (
        end != MOST and _MAIN_RE.search(folded_lead) is not None)


# the heads of the money indicators (rag.vi.lexicon.MONEY_INDICATORS, folded: "kim ngạch",
# "doanh thu", "giá trị sản xuất", "vốn đầu tư", "thu/chi ngân sách"): GSO reports each as an
# amount in đồng or USD -- its share ("tỷ trọng", "chiếm ...%") or its change is another figure
_MONEY_HEAD_RE = re.compile(r"(?<!\w)(?:" + "|".join(
    re.escape(p) for _, phrases in MONEY_INDICATORS for p in phrases) + r")(?!\w)")
_SHARE_ASKED_RE = re.compile(r"\b(?:ty trong|ty le|phan tram|chiem)\b|%")


def money_end_asked(folded_question: str) -> bool:
    """Whether a which-question (folded, lower case) ranks items by an amount of money: it
    names a money indicator's head (:data:`_MONEY_HEAD_RE`, "cửa khẩu nào có kim ngạch lớn
    nhất?") and no share or rate of it (:data:`_SHARE_ASKED_RE`)."""
    return _MONEY_HEAD_RE.search(folded_question) is not None and \
        _SHARE_ASKED_RE.search(folded_question) is None


def unit_fits_end(folded_question: str, unit: str, change: bool) -> bool:
    """Whether a figure in ``unit`` may be the end a which-question asks: a level of a money
    indicator asked (:func:`money_end_asked`) is an amount of money (rag.vi.numbers.is_money),
    never a count of another thing the same item is stated the end of (bt17e x01/x02: "cửa
    khẩu nào có kim ngạch lớn nhất?" was answered "Hữu Nghị thông quan 812 xe, cao nhất từ
    đầu năm" over the trade list "Hữu Nghị đạt 3.870 triệu USD; ..."); a change (``change``)
    is a rate in any unit, and a question naming no money indicator ("nhiều xe nhất") any
    unit."""
    return change or not money_end_asked(folded_question) or is_money(unit)
