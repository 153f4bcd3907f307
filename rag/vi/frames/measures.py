"""What a figure measures, read from the words around it: the measure (level, change, share,
plan share, rank, index) and its direction, whether it is a target, and its basis."""

from __future__ import annotations

import re

from rag.vi.lexicon import (
    ABBREVIATIONS,
    BASIS_GROUPS,
    BASIS_RES,
    CHANGE_DEGREES,
    INITIALISMS,
    PLAN_AFTER_RE,
    TARGET_RE,
)
from rag.vi.numbers import HEAD_RANK, Value, is_money
from rag.vi.text import fold, has_diacritics

TARGET = re.compile(TARGET_RE)
_PLAN_AFTER = re.compile(PLAN_AFTER_RE)
# "đạt/vượt/chưa đạt kế hoạch", "so với kế hoạch": a result measured against a plan, not a
# target; nor is "Sở Kế hoạch và Đầu tư"
_AGAINST_PLAN = re.compile(r"\b(?:sở|bộ|phòng|ban)\s+(?:tài chính\s*-?\s*)?kế hoạch"
                           r"(?:\s+và\s+đầu tư)?"
                           r"|(?<!\w)(?:chưa đạt|không đạt|đạt và vượt|đạt|vượt|"
                           r"hoàn thành(?: và vượt| vượt mức)?|so với|"
                           r"bằng|thấp hơn|cao hơn)\s+(?:nhiều\s+)?(?:so với\s+)?"
                           # "hoàn thành các chỉ tiêu 9 tháng", "đạt và vượt 12/15 chỉ tiêu":
                           # the plans met, counted or all (s48 bt19a d04: a heading so
                           # worded made every result of its report a target)
                           r"(?:(?:các|những|toàn bộ|tất cả(?: các)?|cơ bản các|\d+(?:/\d+)?)\s+)?"
                           r"(?:kế hoạch|chỉ tiêu|dự toán|mục tiêu|kịch bản)")
# "chi tiêu" (spending: "chi tiêu bình quân của khách", "chi tiêu dùng") folds as "chỉ tiêu"
# (an indicator, a plan): as typed, with its marks, it names no plan (s48 bt19b d03 Q48)
_SPENDING = re.compile(r"(?<!\w)chi tiêu(?!\w)")
_AGAINST_PLAN_FOLDED = re.compile(fold(_AGAINST_PLAN.pattern))
# "10 xã phấn đấu đạt chuẩn": a target written after what it counts
TARGET_AFTER = re.compile(r"^(?:\w+\s+){0,2}(?:phan dau|du kien)\b")
# how much or how a change went, between its verb and its value: "tăng nhẹ 0,08%", "tăng
# bình quân 7,58%/năm", "giảm mạnh 20%" -- or how it ranks among the items listed: "nhóm giáo
# dục tăng cao nhất 4,86%", "nhóm thuốc và dịch vụ y tế tăng cao nhất với 1,18%" (dev2 e01),
# "giảm sâu nhất 17,6%", "tăng thấp nhất 0,02%": still the item's change, the superlative
# neither its name nor a level (issue 17 bt17-b17 failure 3)
_DEGREE = (r"(?:\s+(?:" + "|".join(fold(w) for w in CHANGE_DEGREES) + r")"
           r"(?:\s+nhat(?:\s+(?:voi|la|o muc))?)?)?")
# a change; "tăng lên", "giảm xuống", "giảm còn" lead to the new level, not to the change;
# "(có) thêm N xã (so với …)", "phấn đấu có thêm 50 sản phẩm OCOP" are the number added, not
# the count (issue 17 bt22-b17 failure 9; the OCOP and new-rural targets of earlier corpora)
# A bound between the verb and the value keeps the change: "cần tăng tối thiểu 9,1%" (bt23-b17
# failure 7), "phấn đấu có thêm ít nhất 20 sản phẩm" (the OCOP targets of the dev reports).
_BOUND = r"(?:\s+(?:toi thieu|it nhat|toi da))?"
# A change ranked by a superlative with its value in brackets: "nhóm giao thông tăng cao nhất
# (1,42%)" (bt23-b17 failure 9), as "tăng cao nhất 4,86%" without them; a superlative with no
# change verb ("tỷ lệ lấp đầy cao nhất (92,5%)") stays a level.
_RANKED_BRACKET = (r"(?:\s+(?:" + "|".join(fold(w) for w in CHANGE_DEGREES) + r")\s+nhat\s*\()")
_CHANGE_END = re.compile(r"\b(?:(?:tang|giam)" + _DEGREE + _BOUND + r"|tang truong|"
                         r"(?:tang|giam)" + _RANKED_BRACKET + r"|tang them" + _BOUND +
                         r"|giam di|co them" + _BOUND + r"|"
                         r"tang khoang|giam khoang|tang gan|giam gan|tang hon|giam hon|"
                         r"tang tren|vuot|gap|tang gap|up|down|rose|fell|grew)\s*$")
DOWN_END = re.compile(r"\b(?:giam" + _DEGREE + _BOUND + r"|giam" + _RANKED_BRACKET +
                      r"|giam di|giam con|giam khoang|giam gan|giam hon|down|fell)\s*$")
# the number added by any verb: "thu hút thêm 6 doanh nghiệp", "công nhận thêm 12 sản phẩm",
# "đón thêm 3.000 lượt khách", "bổ sung thêm ít nhất 5 tỷ đồng" -- a change, never the level
# the thing stands at, which the same page states apart ("Cụm công nghiệp ... thu hút thêm 6
# doanh nghiệp" over "Tính đến 30/6, ... đã thu hút 22 doanh nghiệp"; break-test bt19b Q185,
# Q197).  "có thêm", "tăng thêm" were the only verbs :data:`_CHANGE_END` knew.  Counts
# only: an amount of money spent or paid "thêm" in a period is that period's own flow ("Trong
# quý IV/2028 ..., toàn tỉnh giải ngân thêm 1.760 tỷ đồng", tests/test_report_relative_periods.py)
# -- except after "tăng"/"có", as before.
_ADDED_END = re.compile(r"\bthem" + _BOUND + r"\s*$")
_MARKED_ADDED_WORD = re.compile(r"(\w+)(?:\s+(?:tối thiểu|ít nhất|tối đa))?\s*$")


def _added_word_folded_from_other(pre_raw: str) -> bool:
    """Whether the word before a value that folds to "them" is written otherwise than
    "thêm" ("thềm", "thèm") in text with diacritics."""
    if not has_diacritics(pre_raw):
        return False
    m = _MARKED_ADDED_WORD.search(pre_raw.lower())
    return m is not None and m.group(1) != "thêm"


# "GRDP cần tăng tối thiểu 9,1%", "phải giảm 2%": what a result requires, a target of no
# stated kind (bt23-b17 failure 7).  Read as typed, not folded: folded, a commune's name
# "xã Khau Nà Phai đạt 883 tấn" or "Cần Thơ tăng" reads as "phải đạt"/"cần tăng" (the CI run
# of tests/test_multiprocess.py, whose generated names end in "Phai", found it) -- so the cue
# is lower case unless it opens the clause, and marked unless the text has no diacritics
_REQUIRED_MARKED = re.compile(r"(?:^|[^\w\s])\s*(?:Cần phải|Cần|Phải)\s+(?:tăng|giảm|đạt)(?!\w)"
                              r"|(?<!\w)(?:cần phải|cần|phải)\s+(?:tăng|giảm|đạt)(?!\w)")
_REQUIRED_FOLDED = re.compile(r"(?:^|[^\w\s])\s*(?:Can phai|Can|Phai)\s+(?:tang|giam|dat)\b"
                              r"|\b(?:can phai|can|phai)\s+(?:tang|giam|dat)\b")


def states_requirement(text: str) -> bool:
    """Whether ``text`` (a clause or question, as typed) says what a result requires:
    "cần tăng", "phải đạt", "cần phải giảm" -- or "can tang" in text typed without
    diacritics.  A capitalised "Phai"/"Cần" inside a clause is a name's syllable, not the cue."""
    pattern = _REQUIRED_MARKED if has_diacritics(text) else _REQUIRED_FOLDED
    return bool(pattern.search(text))


# "thấp hơn 1,3 điểm phần trăm so với ...", "cao hơn 12% so với năm trước": a difference
# from what it is compared with (break-test b17 K6) -- when said in points or against a
# base; "thấp hơn 4%" alone may be a bound ("below 4%")
COMPARATIVE_END = re.compile(r"\b(cao|thap|nhanh|cham) hon\s*$")


def _comparative(v: Value, pre_f: str, tail_f: str) -> int:
    """+1 / -1 when ``v`` is a difference said with a comparative (:data:`COMPARATIVE_END`),
    0 otherwise."""
    m = COMPARATIVE_END.search(pre_f)
    if not m or not (re.match(r"^\s*,?\s*so\b", tail_f) or "diem phan tram" in fold(v.unit)):
        return 0
    return -1 if m.group(1) in ("thap", "cham") else 1


_SHARE_END = re.compile(r"\b(?:chiem|chiem khoang|chiem gan|chiem hon)\s*$")
_RANK_END = re.compile(r"(?:thứ|xếp thứ|đứng thứ|xếp hạng|hạng|xep thu|dung thu|xep hang)\s*$")
_EQUAL_END = re.compile(r"\bbang\s*$")
_GROWTH_WORDS = re.compile(r"\b(?:tang truong|toc do tang|growth)\b")
# a growth named by its growth words alone, no indicator of its own (folded, lower case): "tăng
# trưởng", "tốc độ tăng trưởng", "mức tăng trưởng", "tốc độ tăng" -- the report sentence's
# ", tăng trưởng 7,42% so với cùng kỳ" after "GRDP ... ước đạt 19.870 tỷ đồng" (break-test
# bt17h; "tốc độ tăng trưởng đạt 8,1%", "tăng trưởng đạt 6,5%" likewise)
_GROWTH_ONLY = re.compile(r"(?:(?:toc do|muc|ty le) )?tang truong(?: (?:uoc )?(?:dat|la))?"
                          r"|toc do tang(?: (?:uoc )?(?:dat|la))?|growth(?: rate)?")


def growth_named_only(indicator: str) -> bool:
    """Whether ``indicator`` (as read before a value, any case and diacritics) is no more
    than the words of a growth ("tăng trưởng", "tốc độ tăng trưởng", "mức tăng trưởng",
    "tốc độ tăng"): a change that names no indicator of its own, so of the level stated
    before it in its clause, as a bare "tăng 7,42%" is (break-test bt17h: "GRDP ... ước đạt
    19.870 tỷ đồng, tăng trưởng 7,42% so với cùng kỳ")."""
    return bool(_GROWTH_ONLY.fullmatch(" ".join(fold(indicator).lower().split())))

INDEX_BASE = re.compile(r"=\s*100\b")
# An index's name (folded): "Chỉ số giá tiêu dùng", "Chỉ số sản xuất công nghiệp (IIP)", but
# not the scores called "chỉ số" (satisfaction, PCI, PAR INDEX).
INDEX_LABEL = re.compile(r"chi so\b(?! (?:hai long|canh tranh|cai cach|par|pci))")


def bases_of(folded: str) -> tuple[str, ...]:
    """The basis tags (rag.vi.lexicon.BASIS_PATTERNS: all types, customs, local goods, ...)
    that ``folded`` (folded, lower-case text) names, in the patterns' order -- by its words
    or by an office abbreviation of them (rag.vi.lexicon.ABBREVIATIONS, :data:`_ABBREVIATION_
    BASES`): a column "Vốn ĐTNN (triệu USD)" is foreign investment as "Vốn đầu tư nước
    ngoài" is, which a question's abbreviation is written out to (break-test bt25-b16
    failure 2: its figures refused both ways, their header's basis unread)."""
    said = {tag for pat, bases in _ABBREVIATION_BASES if pat.search(folded) for tag in bases}
    return tuple(tag for tag, pat in BASIS_RES if tag in said or pat.search(folded))


# each office abbreviation whose words name a basis, as a whole word (folded), with those
# bases: "dtnn" -> {"international"} ("đầu tư nước ngoài")
_ABBREVIATION_BASES: tuple[tuple[re.Pattern[str], frozenset[str]], ...] = tuple(
    (re.compile(rf"\b{re.escape(key)}\b"),
     frozenset(tag for tag, pat in BASIS_RES if pat.search(fold(words).lower())))
    for key, words in ABBREVIATIONS.items()
    if any(pat.search(fold(words).lower()) for _, pat in BASIS_RES))


# each initialism of rag.vi.lexicon.INITIALISMS as a whole word (folded), with the bases its
# words name: "FDI" is "đầu tư trực tiếp nước ngoài", on the foreign basis
_INITIALISM_BASES: tuple[tuple[re.Pattern[str], frozenset[str]], ...] = tuple(
    (re.compile(rf"\b{re.escape(key)}\b"), frozenset(bases_of(fold(words).lower())))
    for key, words in INITIALISMS.items() if bases_of(fold(words).lower()))


def initialism_bases(folded: str) -> frozenset[str]:
    """The basis tags (rag.vi.lexicon.BASIS_PATTERNS) that the initialisms ``folded`` (folded,
    lower-cased text) writes name by their words (rag.vi.lexicon.INITIALISMS): "số dự án fdi"
    -> {"international"}, as "dự án có vốn đầu tư trực tiếp nước ngoài (FDI)" is a foreign part
    (issue 17 break-test bt17-b17 failure 1); empty when it writes none."""
    return frozenset(b for pat, bases in _INITIALISM_BASES if pat.search(folded) for b in bases)


# goods said to pass a customs office ("qua Chi cục Hải quan cửa khẩu Hữu Nghị", "qua Cục Hải
# quan tỉnh", "tại Hải quan"): the office counts the goods declared at it, so a question naming
# it asks that basis (folded)
_CUSTOMS_ROUTE_RE = re.compile(r"\b(?:qua|tai) (?:chi cuc |cuc )?hai quan\b")


def customs_route_bases(folded: str) -> frozenset[str]:
    """{"declared"} when ``folded`` (folded, lower-cased question) says goods pass a customs
    office ("qua Chi cục Hải quan ...", "qua Cục Hải quan", "tại Hải quan"), else empty: the
    office's own report states its trade as "hàng hóa làm thủ tục qua Chi cục" (the declared
    basis), which such a question asks, no narrower part of it.  From break-test bt26 kind 2
    (session 53): "Trị giá hàng xuất khẩu qua Chi cục Hải quan cửa khẩu Hữu Nghị 9 tháng năm
    2042?" took the declared 9 months for a part and answered the month alone at 0.75
    (tests/test_customs_route_basis.py)."""
    return frozenset({"declared"}) if _CUSTOMS_ROUTE_RE.search(folded) else frozenset()


def inherit_bases(own: tuple[str, ...], inherited: tuple[str, ...]) -> tuple[str, ...]:
    """The bases of a figure whose own words name ``own`` and whose total (or the figure it
    takes its indicator from) is on ``inherited``: both, but an inherited basis of a group
    (rag.vi.lexicon.BASIS_GROUPS) in which ``own`` names another -- "hàng địa phương" listed
    under a total of "tất cả các loại hình" is local goods only."""
    named = [g for g in BASIS_GROUPS if g & set(own)]
    kept = tuple(b for b in inherited if not any(b in g and b not in own for g in named))
    return tuple(dict.fromkeys(kept + own))


# "chỉ tiêu" as "indicators", not a plan: "Một số chỉ tiêu kinh tế - xã hội chủ yếu" heads the
# tables of statistics yearbooks and of UBND reports alike (folded).
_INDICATOR_LIST = re.compile(r"\bchi tieu (?=(?:kinh te|chu yeu|xa hoi|thong ke|co ban|"
                             r"tong hop)\b)"
                             # "Một số chỉ tiêu lao động", "một số chỉ tiêu về môi trường":
                             # some indicators, whatever their field (bt8-b16; the dev
                             # reports' captions "Một số chỉ tiêu chủ yếu quý I/2024")
                             r"|(?<=\bmot so )chi tieu\b")


# a plan word counted, a count noun (folded): "phê duyệt 14 kế hoạch ứng phó sự cố hóa chất",
# "05 bản kế hoạch", and "Số kế hoạch ... được phê duyệt năm 2021 là 14" with the count
# "số" opening its clause -- not "số kế hoạch năm 2021", "số kế hoạch giao", "số kế hoạch là
# ...", the plan's figure (as rag.answer.question._COUNT_HEAD reads a question; session 42)
_COUNTED_PLAN = re.compile(r"(?<![\d.,/])\d+\s+(?:ban\s+)?(?:ke hoach|chi tieu|muc tieu)\b|"
                           r"(?:^\s*|[,;:(]\s*)(?:tong\s+)?so(?:\s+luong)?\s+"
                           r"(?:ke hoach|chi tieu|muc tieu)\b"
                           r"(?!\s*(?:$|[,;:]|nam\b|thang\b|quy\b|ky\b|(?:duoc |tinh )?giao\b|"
                           r"la\b|\d))")


# "mục tiêu" naming a programme (folded): "(vốn các) chương trình mục tiêu quốc gia", "chương
# trình mục tiêu giảm nghèo", "CTMTQG" -- a kind of programme (the state's national target
# programmes), never a target its figure is: "vốn các chương trình mục tiêu quốc gia giải
# ngân 318 tỷ đồng" is a disbursement done (break-test bt17p: read as a plan)
PROGRAMME_NAME = re.compile(r"\b(?:chuong trinh|ct)\s+muc tieu\b|\bctmt(?:qg)?\b")


def unplanned(text: str) -> str:
    """``text`` folded, with what measures a result against a plan blanked ("đạt 105%
    kế hoạch", "Sở Kế hoạch và Đầu tư"), "chỉ tiêu" naming indicators ("một số chỉ tiêu
    kinh tế chủ yếu") and plan words counted ("14 kế hoạch ứng phó sự cố", "Số kế hoạch
    ... được phê duyệt": :data:`_COUNTED_PLAN`), programmes named ("chương trình mục
    tiêu quốc gia": :data:`PROGRAMME_NAME`) and spending as typed ("chi tiêu bình quân":
    :data:`_SPENDING`): what is left names a target if it names a
    plan.  Compared with diacritics, so "đặt mục tiêu" (sets a target) is not "đạt mục tiêu";
    text typed without any is compared folded."""
    lower = text.lower()
    if fold(lower) == lower:
        measured = _AGAINST_PLAN_FOLDED.sub(" ", lower)
    else:
        measured = fold(_SPENDING.sub(" ", _AGAINST_PLAN.sub(" ", lower)))
    return _COUNTED_PLAN.sub(" ", _INDICATOR_LIST.sub(" ", PROGRAMME_NAME.sub(" ", measured)))


# "bằng 107,4% so cùng kỳ", "bằng 98% so với CK": a percent "bằng" (equal to) followed by a
# comparison is this period over the base, an index (= 100 at the base).  Reports write "so"
# without "với" as often as with it ("tăng 5,6% so cùng kỳ": 20 times in the dev reports);
# compared with diacritics, so "bằng 98% số hộ" (of the households) is no comparison --
# folded only in text typed without any (issue 17, session 31 fh); "so" with or without "với"
_COMPARED_AFTER = re.compile(r"^\s*,?\s*so\s")


def equals_compared(v: Value, compared: str) -> bool:
    """Whether a percent ``v`` that a comparison written before it leads to (``compared``,
    folded: "so voi ky goc nam 2064 cpi thang 10 bang") is an index of its period against
    that base: "bằng" the verb, the value one an index takes (50-300%) -- "so với kỳ gốc năm
    2064 CPI tháng 10 bằng 112,46%" (the GSO's CPI reports), as "bằng 112,46% so với kỳ gốc"
    is (:func:`measure_of`; break-test s43 bt17m; tests/test_base_year_index.py)."""
    return v.percent and 50 < v.low < 300 and bool(_EQUAL_END.search(compared))


def _compared_after(tail: str) -> bool:
    """Whether ``tail`` (the sentence's text right after a value, as written) opens with a
    comparison: "so với ...", or "so ..." without "với"."""
    return bool(_COMPARED_AFTER.match(tail.lower()))


# "cả năm kim ngạch ước vượt 1.150 triệu USD", "dự kiến vượt 16.000 tỷ đồng": an estimate or
# forecast said to pass an amount is a level above it ("hơn N"), no excess over another
# figure (bt15-b17 failure 8); folded, the words right before the value
_ESTIMATE_OVER = re.compile(r"\b(?:uoc|uoc tinh|du uoc|du kien|du bao)(?:\s+dat)?\s+vuot"
                            r"(?:\s+muc)?\s*$")


def over_amount(v: Value, pre_f: str, tail: str) -> bool:
    """Whether value ``v`` is an estimated or forecast level said to pass an amount ("ước
    vượt 1.150 triệu USD", "dự kiến vượt 2.000 tỷ đồng"): ``pre_f`` the folded words before
    it, ``tail`` the sentence right after it as written.  A percentage ("ước vượt 5% kế
    hoạch" is an excess over the plan), a value with no unit and one compared after it
    ("vượt 200 tỷ đồng so với cùng kỳ") are not."""
    return not v.percent and bool(v.unit) and bool(_ESTIMATE_OVER.search(pre_f.lower())) \
        and not _compared_after(tail) and not _PLAN_AFTER.match(fold(tail).lower())


# "khu vực công nghiệp và xây dựng tăng 9,87%, đóng góp 4,12 điểm phần trăm", "Khu vực dịch vụ
# ... đóng góp 3,61 điểm phần trăm vào mức tăng chung" (dev report dv02, break-tests bt-b17 of
# session 31 and bt23-b17 failure 2): the points a part adds to the whole's growth, its
# "contribution" -- neither a level nor the part's own change (folded)
_CONTRIBUTED_END = re.compile(r"\bdong gop(?:\s+(?:khoang|gan|hon|tren))?\s*$")


def contributed(v: Value, pre_f: str) -> bool:
    """Whether value ``v`` is a contribution to a whole's growth: percentage points
    ("điểm phần trăm") right after "đóng góp" (``pre_f``: the folded words before it)."""
    return "diem phan tram" in fold(v.unit).lower() and \
        bool(_CONTRIBUTED_END.search(pre_f.lower()))


# Words that fold to the change verbs "tăng"/"giảm" but are other words: "tầng" (floor, layer:
# "kết cấu hạ tầng", "nhà nhiều tầng"), "tặng" (give: "quà tặng"), "tàng" ("bảo tàng"),
# "táng", "tạng", "giám" ("giám sát", "giám định").  A table row's label ending in one
# ("Năm 2011 — Phí sử dụng kết cấu hạ tầng: 214,9 tỷ đồng") was read as a rise of 214,9 tỷ
# đồng, so "phí sử dụng kết cấu hạ tầng năm 2011?" was refused as "chỉ nêu mức thay đổi"
# (issue 16, break-test bt16g item 4).  Only text written with diacritics can tell them apart.
_MARKED_CHANGE_WORD = re.compile(r"(\w+)\W*$")


def _change_word_folded_from_other(pre_raw: str) -> bool:
    """Whether the words before a value end in a word written with diacritics that folds to
    "tang"/"giam" but is not "tăng"/"giảm" ("hạ tầng", "quà tặng", "giám sát" cut short)."""
    if not has_diacritics(pre_raw):
        return False
    m = _MARKED_CHANGE_WORD.search(pre_raw.lower())
    if m is None:
        return False
    word = m.group(1)
    return fold(word) in ("tang", "giam") and word not in ("tăng", "giảm")


# a span's average growth said before its rate (folded, lower case), with what may stand
# between: "tốc độ tăng bình quân giai đoạn 2023 - 2027 đạt", "tăng trưởng bình quân mỗi năm
# đạt", "giảm bình quân" -- no figure nor clause break in between
_SPAN_AVERAGE_BEFORE = re.compile(r"\b(tang|giam)(?: truong)? binh quan\b[^,;:.%]{0,60}$")


def span_average_change(v: Value, pre_f: str) -> int:
    """+1 (-1) when the percent ``v`` is a span's average growth (fall) its words before,
    ``pre_f`` (folded, lower case, its clause), say -- "Tốc độ tăng bình quân giai đoạn 2023
    - 2027 đạt 17,6%/năm": a change, however the verb before the rate reads ("đạt", "là");
    0 otherwise.  The span's average is told from its years' changes by its basis
    ("span_average", rag.vi.lexicon.BASIS_PATTERNS; issue 17 break-test bt17h)."""
    if not v.percent:
        return 0
    m = _SPAN_AVERAGE_BEFORE.search(pre_f)
    if m is None:
        return 0
    return -1 if m.group(1) == "giam" else 1


def measure_of(v: Value, pre_raw: str, pre_f: str, tail_f: str, indicator: str, sentence: str
               ) -> tuple[str, int]:
    """(measure, direction) of a value from the words around it: "level", "change",
    "share", "plan_share", "rank", "index" or "contribution" (:func:`contributed`), and
    +1/-1 for a rise/fall (0 for anything but a change)."""
    ind = fold(indicator)
    if contributed(v, pre_f):
        return "contribution", 0
    if _RANK_END.search(pre_raw.lower()) or HEAD_RANK.fullmatch(v.text.lower()):
        return "rank", 0  # "xếp thứ 4/14"; a bare "12/13 sản phẩm" is a count of a total
    if v.percent and _PLAN_AFTER.match(tail_f):
        return "plan_share", 0
    if _SHARE_END.search(pre_f) or (v.percent and re.search(r"\bty trong\b", ind)):
        return "share", 0
    if sign := _comparative(v, pre_f, tail_f):
        return "change", sign
    if sign := span_average_change(v, pre_f):
        return "change", sign
    if over_amount(v, pre_f, sentence[v.end:v.end + len(tail_f)]):
        return "level", 0
    if _CHANGE_END.search(pre_f) and not _change_word_folded_from_other(pre_raw):
        down = bool(DOWN_END.search(pre_f)) or v.low < 0
        return "change", -1 if down else 1
    if _ADDED_END.search(pre_f) and not _added_word_folded_from_other(pre_raw) \
            and not is_money(v.unit):
        return "change", 1
    if v.low < 0 and (v.percent or not v.unit):
        return "change", -1
    if v.percent and v.text.startswith("+"):
        return "change", 1  # "Giao thông (+0,61%)", "2012: +17,9%": a signed rate
    if v.percent and _GROWTH_WORDS.search(ind):
        return "change", 1
    if not v.percent and not v.unit and 50 < v.low < 300 and INDEX_BASE.search(sentence):
        return "index", 0
    if v.percent and _EQUAL_END.search(pre_f) and \
            _compared_after(sentence[v.end:v.end + len(tail_f)]):
        return "index", 0
    if v.percent and 50 < v.low < 300 and INDEX_LABEL.match(ind):
        # "Chỉ số IIP tháng 7 ước đạt 106,3% so với cùng kỳ": the base period = 100, as a
        # table row "Chỉ số sản xuất công nghiệp: 108,71%" reads (rag.vi.frames.tables)
        return "index", 0
    return "level", 0


# Whose target a figure is, by the last of these words before it (folded; issue 17 bt17-b17
# failure 7: "đạt 91,6% chỉ tiêu được giao (4,5 tỷ USD)" and "Chi cục phấn đấu kim ngạch cả
# năm 2073 đạt 5 tỷ USD" are two targets of one indicator and year). "assigned": set for the
# unit by a level above it ("chỉ tiêu được giao", "kế hoạch tỉnh giao", "dự toán" a council
# gives, "pháp lệnh", "Nghị quyết đề ra"); "own": the unit's own aim ("phấn đấu", "quyết
# tâm", "mục tiêu của đơn vị", "hướng tới"); "forecast": what it expects ("dự kiến", "dự
# báo"); "kế hoạch", "mục tiêu", "chỉ tiêu" alone say no kind -- they end the search unmarked.
_AIM_WORDS = re.compile(
    r"\b(?P<assigned>duoc giao|(?:(?:tinh|huyen|thanh pho|thi xa|trung uong|chinh phu|hdnd|ubnd|"
    r"cap tren) )?giao (?:chi tieu|ke hoach|du toan)|(?:chi tieu|ke hoach|du toan) giao|"
    r"(?:tinh|huyen|thanh pho|thi xa|trung uong|chinh phu|hdnd|ubnd|cap tren) giao|du toan|"
    r"phap lenh|nghi quyet)\b"
    r"|\b(?P<own>phan dau|quyet tam|huong toi|huong den|"
    r"muc tieu cua (?:don vi|nganh|chi cuc|cuc|so|cong ty|doanh nghiep))\b"
    r"|\b(?P<forecast>du kien|du bao)\b"
    r"|\b(?P<plain>ke hoach|muc tieu|chi tieu|kh)\b")
# what stays of "vượt chỉ tiêu được giao", "hoàn thành kế hoạch năm 2073 tỉnh giao" once
# unplanned-style blanking marks the measured-against words with "§": the plan's own tail
_AGAINST_TAIL = re.compile(r"§(?:\s+(?:nam|quy|thang))?(?:\s+\d{4})?(?:\s+(?:duoc|do))?"
                           r"(?:\s+(?:hdnd|ubnd|tinh|huyen|thanh pho|trung uong|chinh phu|"
                           r"cap tren))*(?:\s+(?:giao|de ra))?")


def target_aim(text: str) -> str:
    """Which kind of target ``text`` -- the words before a target's value, or a question --
    names by its last target word (:data:`_AIM_WORDS`): "assigned" (a plan a level above set:
    "chỉ tiêu được giao", "dự toán"), "own" (the unit's aim: "phấn đấu", "quyết tâm"),
    "forecast" ("dự kiến", "dự báo"), or "" when the last says no kind ("kế hoạch", "mục
    tiêu" alone) or none is there.  What measures a result against a plan ("vượt chỉ tiêu được
    giao", "đạt kế hoạch tỉnh giao") is no target word (as :func:`unplanned`); diacritics
    count where written ("đặt mục tiêu" is not "đạt mục tiêu"), text typed without them is
    read folded."""
    lower = text.lower()
    if fold(lower) == lower:
        marked = _AGAINST_PLAN_FOLDED.sub("§", lower)
    else:
        marked = fold(_AGAINST_PLAN.sub("§", lower))
    cleaned = _INDICATOR_LIST.sub(" ", _AGAINST_TAIL.sub(" ", marked))
    last = max(_AIM_WORDS.finditer(cleaned), key=lambda m: m.start(), default=None)
    if last is None or last.lastgroup == "plain":
        return ""
    return str(last.lastgroup)
