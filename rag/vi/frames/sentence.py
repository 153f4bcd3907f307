"""Reading one sentence's figures into frames: each value's period (its own, the sentence's,
the paragraph's, the heading's, the document's), comparison, indicator, the total it is a
part of, measure, target and estimate."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from datetime import date, timedelta

from rag.vi.calendar import (
    Period,
    base_kind,
    half_period,
    is_day_list,
    month_period,
    months_period,
    quarter_period,
    to_date_period,
    year_period,
)
from rag.vi.frames.base_period import of_base_length
from rag.vi.frames.clause_average import clause_average_subject
from rag.vi.frames.context import Context, assigned, earlier_count_day
from rag.vi.frames.frame import Frame
from rag.vi.frames.indicators import (
    area_name,
    average_after,
    clean_indicator,
    completed_level,
    doer_of,
    granted_by,
    is_average,
    is_name,
    is_place,
    last_clause,
    lead_verb,
    listed_item,
    parallel_item,
    population_groups,
    read_detail,
    receives_visits,
    reporting_unit,
    said_forecast,
    topic_named,
    with_doer,
    with_topic,
)
from rag.vi.frames.labelled_list import labelled_list_parents
from rag.vi.frames.listed_whole import listed_whole_bases
from rag.vi.frames.measures import (
    DOWN_END,
    TARGET,
    TARGET_AFTER,
    bases_of,
    equals_compared,
    growth_named_only,
    inherit_bases,
    measure_of,
    over_amount,
    states_requirement,
    target_aim,
    unplanned,
)
from rag.vi.frames.national_average import national_average
from rag.vi.frames.period_length import lengths_dated, lengths_in_clause
from rag.vi.frames.same_day import same_day_time_words
from rag.vi.frames.same_period_opening import restates_before, same_period_opening
from rag.vi.frames.year_to_date import year_to_date
from rag.vi.grades import graded_classes
from rag.vi.lexicon import (
    HOME_PLACE,
    PLACE_KINDS,
    PLACES,
    PLAN_OWNER_BODY,
    PLAN_OWNER_LEVEL,
    TARGET_VERBS,
    UNIT_MAGNITUDES,
)
from rag.vi.mentions import HELD_NOW, Mention, find_mentions
from rag.vi.numbers import (
    Value,
    approx_before,
    find_values,
    is_money,
    per_unit_quantities,
    restatements,
    rounds_before,
)
from rag.vi.text import fold
from rag.vi.words import words_in

# what may stand between a compared period and its own figure: "(", ", khi ... có"
_AFTER_COMPARED = re.compile(r"\s*(?:\(\s*|,\s*khi\s+(?:[^\W\d]+\s+){0,4}?(?:co|dat|la)\s+)")
# The names of the public holidays whose words read as something else (folded), with the
# occasion's words before them ("dịp nghỉ lễ", "kỳ lễ"): "Ngày Giải phóng miền Nam, thống nhất
# đất nước" holds a comma that cuts an indicator in two, "Ngày Quốc tế Lao động" names the
# international basis; two joined by "và" are one occasion.  An occasion's name says when a
# figure is (its days are its period), never what is counted nor on what basis: "trong 5 ngày
# nghỉ lễ Ngày Giải phóng miền Nam, thống nhất đất nước và Ngày Quốc tế Lao động (...), tỉnh
# đón 186.500 lượt khách" counts visitors of every kind (bt20-b17 failure 2).  The names are
# the legal holidays' (rag.vi.numbers reads the same ones as naming a day: "lao động 1/5")
_HOLIDAY_NAME = (r"(?:ngay\s+)?(?:giai phong mien nam(?:\s*,?\s*thong nhat dat nuoc)?|"
                 r"quoc te lao dong)")
_HOLIDAY_NAMES = re.compile(rf"(?i)\b(?:(?:dip|ky)\s+)?(?:(?:nghi\s+)?le\s+)?{_HOLIDAY_NAME}"
                            rf"(?:\s*(?:,|\bva\b)\s*{_HOLIDAY_NAME})*\b")
# an indicator naming an occasion (folded): "dịp nghỉ lễ Quốc khánh", "dịp Tết Nguyên đán"
_OCCASION_NAMED = re.compile(r"\b(?:dip|nghi le|tet|le hoi)\b")
# a bracket with no figure in it opening the words between two values and closed by a comma,
# ";" or "và": the aside of the value before ("5 sao (quốc gia), 19 sản phẩm ...")
_ASIDE_BEFORE = re.compile(r"\s*\([^()\d]*\)(?=\s*(?:[,;]|và\s|va\s))")
# -- "riêng" as a word of its own, not the last syllable of "sầu riêng" (durian: "thanh long
# đạt 214 triệu USD, sầu riêng đạt 166 triệu USD" lists a sibling, no part of the dragon fruit;
# break-test bt17o; rag.vi.frames.indicators' _COMPOUND_BEFORE)
_PART_RE = re.compile(r"(?:^|[;:,.(]\s*|\s)(?:trong do|(?<!\bsau\s)rieng|gom|bao gom|cu the)\b")
# the "trong đó" (after a comma) that lists the parts of the figure before it
_PARTS_LISTED = re.compile(r"[;:,]\s*(?:trong do|gom|bao gom|cu the)\b")
# a clause that says what a count's things are doing or have had done to them (folded): "1
# sản phẩm [(trà hoa vàng) đang được đề nghị ...]", "6 dự án [chưa triển khai]", "212 hộ [đã
# được hỗ trợ]" -- a state that picks some of them out, after an aside in brackets
_DESCRIBED_SUBSET = re.compile(r"\s*(?:\([^()\d]*\)\s*)?(?:dang|da|chua|duoc|bi|se|van|khong)\s")
# what ends the clause of a value before a period written after it: "1.091 xe nhập khẩu –
# mức cao nhất kể từ đầu quý IV" (a remark set off by a dash is not the value's period)
_CLAUSE_BREAK = re.compile(r"[,;]|\s[–—]\s")
# an event of a project dated right after its verb, ending the words between a value and a
# period said later in its sentence (folded): "có tổng mức đầu tư 1.120 tỷ đồng, dự kiến hoàn
# thành [quý II năm 2059]", "công suất 1,2 triệu tấn/năm, đi vào hoạt động [tháng 6/2060]",
# "tổng vốn 450 tỷ đồng, khởi công [tháng 3/2058]" -- the period is when the event is, not
# what the value is of (break-test bt20c, session 49: the investment total stamped quý II/2059
# at 1.0); "hoàn thành 102% kế hoạch năm 2057" names no date after its verb
_EVENT_DATED = re.compile(
    r"\b(?:hoan thanh|khoi cong|khanh thanh|ban giao|di vao hoat dong|van hanh|"
    r"dua vao (?:su dung|hoat dong|van hanh|khai thac))"
    r"(?:\s+(?:vao|trong|truoc|tu|den|cuoi|dau|giua))?\s*$", re.IGNORECASE)
# a clause comparing with another period's figure (folded): "cao hơn mức tăng 6,42% của năm
# 2027", "thấp hơn năm trước", "so với ..."
_COMPARING = re.compile(r"\b(?:(?:cao|thap|nhanh|cham|lon|nho|it|nhieu) hon|so voi|vuot)\b")


# a year written in a sentence (folded), as the period reader takes one
_YEAR_WRITTEN = re.compile(r"(?<![\d.,/])(?:19|20)\d\d(?![\d.,])|/(?:19|20)\d\d\b")


def _clause_start(folded: str, at: int) -> int:
    """Where the clause holding offset ``at`` of ``folded`` starts (after its last "," ";" or
    dash before ``at``; not the decimal comma of "7,12%")."""
    breaks = list(re.finditer(r",(?!\d)|;|\s[–—]\s", folded[:at]))
    return breaks[-1].end() if breaks else 0
# a clause that begins with where (not what): "tại cửa khẩu Tân Thanh còn 1.350 xe", "ở
# các bãi xe có khoảng 860 xe" -- its words are a place, not the figure's indicator
_PLACE_FIRST = re.compile(r"\s*(tại|ở)\s")
_PLACE_FIRST_PLAIN = re.compile(r"\s*(tai|o)\s")  # text typed without diacritics
_PLACE_NAMES = frozenset(fold(p) for p in PLACES)
# the words that lead on to the next place of a list, before its name: "tiếp đến là huyện Lộc
# Bình 31 sản phẩm và thành phố Lạng Sơn 28 sản phẩm", "trong đó riêng cửa khẩu Tân Thanh
# 2.650 xe" (break-test bt17 wrong figures 1-2; the ranked district lists of the OCOP reports)
_PLACE_LIST_LEAD = re.compile(
    r"^(?:\s*(?:và|va|,|;|:|trong đó|trong do|riêng|rieng|tiếp (?:đến|theo)(?: là)?|"
    r"tiep (?:den|theo)(?: la)?|sau đó là|sau do la|đứng sau là|dung sau la|còn|con)(?!\w))*\s*",
    re.IGNORECASE)
# a market named as a place of trade ("chợ Đông Kinh", "trung tâm thương mại Vincom"): kinds
# of the province's retail reports besides rag.vi.lexicon.PLACE_KINDS, matched with their
# diacritics ("cho" folded is the preposition "for")
_TRADE_PLACE_KINDS = ("chợ", "trung tâm thương mại", "siêu thị", "ga")
# the words, lower-case with their diacritics, a gate's or a railway station's kind takes
# before its name: "ga đường sắt quốc tế Đồng Đăng", "cửa khẩu đường bộ Tân Thanh" -- the
# railway gate is a border gate a customs report lists beside the others ("...; ga đường sắt
# quốc tế Đồng Đăng 233,1 triệu USD; cửa khẩu Cốc Nam 120,8 triệu USD": read as no place, its
# words headed Cốc Nam's figure, break-test bt22b, session 50)
_GATE_QUALIFIERS = frozenset({"đường", "sắt", "bộ", "liên", "vận", "chính", "phụ", "song",
                              "phương"})
# the words a verbless item may hold between its place and its value ("... riêng cửa khẩu
# Tân Thanh khoảng 2.650 xe" as "... 2.650 xe")
_APPROX_END = re.compile(r"\s+(?:khoảng|gần|hơn|trên|xấp xỉ|khoang|gan|hon|tren)\s*$",
                         re.IGNORECASE)
# "Về chỉ số năng lực cạnh tranh cấp tỉnh (PCI) năm 2072, tỉnh xếp thứ 11/63": a clause
# opened by "Về <X>," -- what the clause's figures are about (group 1)
_TOPIC_OPENER = re.compile(r"(?:^|[;:.]\s*)[\s\-–•+*]*(?:về|Về|VỀ)\s+([^,;:]+),")
_TOPIC_OPENER_PLAIN = re.compile(r"(?:^|[;:.]\s*)[\s\-–•+*]*(?:ve|Ve|VE)\s+([^,;:]+),")


def _opened_topic(sentence: str, at: int, mentions: list[Mention]) -> str:
    """What the "Về <X>," opening the clause of the value at ``at`` names (cleaned, its
    periods left out: "chỉ số năng lực cạnh tranh cấp tỉnh PCI"), or "" when no such phrase
    opens it (nor past a ";")."""
    plain = fold(sentence) == sentence.lower()
    found = [m for m in (_TOPIC_OPENER_PLAIN if plain else _TOPIC_OPENER).finditer(sentence, 0, at)
             if ";" not in sentence[m.end():at]]
    if not found:
        return ""
    m = found[-1]
    return clean_indicator(_strip_mentions(m.group(1), mentions, m.start(1)))
# units of a duration ("8 giờ sáng 16/12", "kéo dài 15 ngày"): no thing counted
# a verb of making and "mới" ending the words before a value: "trồng mới", "xây mới", "cấp
# mới" (break-test b17 F7; dev report dv33 "xây mới 1 284 km đường dây trung áp", asked
# "km đường dây trung áp xây mới"; tests/test_made_new.py)
_MADE_NEW = re.compile(r"(?:^|\s)([^\W\d]+)\s+(mới|moi)\s*$")
_DURATIONS = frozenset("gio ngay tuan phut thang nam".split())
# a figure named by pointing back at the one stated before: "con số này", "con số đó"
# "chỉ tiêu này", "số liệu trên", "số này" (folded; break-test b17 round 15, failure 3)
# ("trong số đó" is a part's lead, no pointer: "số" alone is not read)
_ANAPHOR = re.compile(r"\b(?:con so (?:nay|do|tren)|(?:so lieu|chi tieu) (?:nay|tren))\b")
# ... and "số này", "số đó" when they are all the figure is named by ("Tính đến giữa tháng
# 12/2034, số này đã là 112 xã"; issue 17 bt17d) -- as written, with its marks ("sơ đồ" folds
# alike), or in a text typed without any
_BARE_ANAPHOR = re.compile(r"số (?:này|đó|trên)|so (?:nay|tren)")
# ... and a short name of the figure before closed by a pointer: "tổng mức này", "tổng kim
# ngạch này", "giá trị này", "kim ngạch trên" -- GSO monthly reports restate a running total so
# ("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tháng Chín ước đạt 3.512,6 tỷ đồng
# ... Cộng dồn chín tháng, tổng mức này ước đạt 30.418,9 tỷ đồng"; issue 17 bt17e x04); as
# written, or in a text typed without any marks (pointing_back)
_NAMED_ANAPHOR = re.compile(r"(\w+(?:\s+\w+)*?)\s+(?:này|đó|trên)")
_NAMED_ANAPHOR_PLAIN = re.compile(r"(\w+(?:\s+\w+)*?)\s+(?:nay|do|tren)")


def pointing_back(indicator: str, stated: str) -> bool:
    """Whether ``indicator`` names the figure stated before (of indicator ``stated``) by some
    of its words, in its order, closed by "này", "đó", "trên": "tổng mức này" of "Tổng mức
    bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng", "giá trị này" of "giá trị sản xuất công
    nghiệp", "tổng vốn này" of "Vốn đầu tư phát triển" ("tổng" marking the whole, as in
    "tổng mức", "tổng số", need not be the earlier name's) (_NAMED_ANAPHOR).  A name whose
    words are not all the earlier one's ("tỷ lệ này" after a sum in tỷ đồng) points at
    something else; compared folded."""
    lower = indicator.strip().lower()
    m = (_NAMED_ANAPHOR_PLAIN if fold(lower) == lower else _NAMED_ANAPHOR).fullmatch(lower)
    if m is None or not stated:
        return False
    named = fold(m.group(1)).split()
    if named[:1] == ["tong"] and len(named) > 1:
        named = named[1:]  # "tổng vốn này" of "Vốn đầu tư phát triển": the whole's "tổng"
    rest = iter(fold(stated).lower().split())
    return all(w in rest for w in named)


# a figure named only as the official or revised figure of a period: "Số liệu chính thức
# tháng 10/2030 đạt 4.236 tỷ đồng", "Số liệu điều chỉnh quý III ...", "Số chính thức ...":
# of the figure stated before in its unit, which the statistics office now restates (issue 17
# break-test b17 N2; folded, the period already taken out of the words)
_OFFICIAL = re.compile(r"(?:so lieu|so|con so)\s+(?:chinh thuc|dieu chinh|da dieu chinh|"
                       r"sau dieu chinh|cap nhat|chinh thuc sau dieu chinh)(?:\s+(?:cua|la))?")
# "vượt kế hoạch 8,5%", "vượt dự toán năm 12%": an excess over the plan written before its
# percentage, as "vượt 8,5% kế hoạch" writes it after (folded)
_OVER_PLAN_BEFORE = re.compile(r"\bvuot\s+(?:muc\s+)?(?:so voi\s+)?(?:ke hoach|kh|du toan|"
                               r"chi tieu)(?:\s+(?:nam|quy|thang))?(?:\s+(?:duoc giao|de ra))?"
                               r"\s*(?:la|khoang|gan|hon|tren)?\s*$")
# "vượt 1,1% kế hoạch": the value is the excess, no share of the plan (folded)
_OVER_END = re.compile(r"\bvuot\s*(?:muc\s*)?(?:khoang|gan|hon|tren)?\s*$")
# the words of "vượt kế hoạch năm được giao" that clean_indicator may leave as an indicator
_PLAN_WORDS = frozenset("vuot muc so voi ke hoach kh du toan chi tieu nam quy thang duoc giao de "
                        "ra".split())
# what says a figure is a result, not a target (folded)
_DONE = re.compile(r"\b(?:thuc hien|uoc dat|uoc thuc hien|ket qua|dat duoc)\b")
# a sentence opened by a forecast or plan ("Dự kiến cả năm 2029, ...", "Dự báo năm 2030,
# ...", "Phấn đấu đến năm 2030, ...", "Theo kế hoạch, ..."): its figures are forecasts or
# targets, not results, but those said done (_DONE) -- the comma ends the clause that
# last_clause reads, so TARGET never sees these words (issue 17 break-test, kind 2;
# tests/test_frames.py::test_a_sentence_opened_by_a_forecast_gives_targets)
_FORECAST_LEAD = re.compile(r"^\W*(?:theo\s+)?(?:du kien|du bao|phan dau|ke hoach|muc tieu|"
                            r"chi tieu|theo ke hoach)\b")
# A verb that sets an aim (folded: TARGET_VERBS, "dự kiến", "dự báo", "mục tiêu ... đạt"):
# it holds for each figure of the comma list it leads, "Về cả năm 2076, tỉnh phấn đấu
# tăng trưởng GRDP đạt 7,5%, thu ngân sách đạt 10.200 tỷ đồng" (listed_aim_item); nouns that
# name a plan after a result ("đạt 412 nghìn lượt, kế hoạch cả năm 480 nghìn lượt") do not
_LIST_AIM = re.compile(r"\b(?:" + "|".join(fold(v) for v in TARGET_VERBS)
                       + r"|du kien|du bao|muc tieu)\b")
# what says an item of such a list is done or measured against another figure, no aim
_LIST_DONE = re.compile(r"\b(?:thuc hien|uoc dat|uoc thuc hien|ket qua|dat duoc|so voi|so cung"
                        r"|cung ky|nam truoc|ky truoc|luy ke)\b|[;()]")


def listed_aim_item(gap: str, tail: str = "") -> bool:
    """Whether the value after ``gap`` (the sentence's text, as written, between it and the
    figure before, itself a target its clause's aim verb set: :data:`_LIST_AIM`) is a
    further item of the aim's list: a comma begins it, and nothing in it, nor in ``tail``
    (the folded text after the value, up to the next), says it done, in brackets, after a
    ";" or compared ("..., 9 tháng đã đạt 7,1%", "..., cao hơn 0,4 điểm so với năm 2075":
    :data:`_LIST_DONE`) -- such an item is left as it was read.  Break-test s48 bt19b (d09
    "phấn đấu tăng trưởng GRDP đạt 7,5%, thu ngân sách đạt 10.200 tỷ đồng"; d01 "phấn đấu
    tổ chức hội chợ với quy mô 450 gian hàng, thu hút 100.000 lượt khách")."""
    if "," not in gap or re.search(r"(?<!\w)(?:đã|đang)(?!\w)", gap.lower()):
        return False
    return not _LIST_DONE.search(fold(gap).lower()) and not _LIST_DONE.search(
        tail.lower().split(",")[0])


# a sentence that sets a target, its subject perhaps before ("Tỉnh phấn đấu đến hết năm 2053
# ...", "Mục tiêu đến năm 2060 ...", "Thành phố đặt mục tiêu ..."): its time is the target's
_AIM_LEAD = re.compile(r"^\W*(?:[^\W\d]+\s+){0,3}?(?:phan dau|muc tieu|chi tieu)\b")
_AIM_MET = re.compile(r"(?:đạt|vượt|hoàn thành)\s+(?:các\s+)?(?:mục tiêu|chỉ tiêu)", re.IGNORECASE)
_ESTIMATE = re.compile(r"\b(?:uoc|du uoc|uoc tinh|uoc dat|so bo)\b")
# the words that make a target a forecast, an estimate of what will be ("Dự kiến cả năm 2071
# toàn tỉnh đón khoảng 5,7 triệu lượt khách", "dự báo năm 2072 ..."), not a plan set (folded;
# bt16-b17 failure 5, bt15-b17 failure 8)
_FORECAST_WORD = re.compile(r"\b(?:du kien|du bao)\b")
# -- the verb a whole word ("so với tháng trước giảm 2,1%": "trước" is no "ước" + "giảm"), the
# base no conjunction that ends the clause before ("giảm 1,4% so với tháng 9 nhưng tăng
# 6,2%": "tháng 9" is the first value's base, not the second's; _CLAUSE_CONJUNCTION)
_CLAUSE_CONJUNCTION = r"(?:nhung|va|trong khi)"
_COMPARISON_BEFORE = re.compile(r"\bso voi\s+((?:(?!\b" + _CLAUSE_CONJUNCTION + r"\b)[^,;.()])"
                                r"{1,40}?)\s*,?\s*\b(?:tang|giam|dat|bang|"
                                r"la\s*:?|uoc tang|uoc giam)\s*$")
_PLAN_TAIL = re.compile(r"^\s*(?:so voi\s+)?(?:ke hoach|kh|du toan|chi tieu|muc tieu)"
                        r"(?:\s+(?:nam|quy|thang))?(?:\s+(?:duoc giao|de ra|tinh giao))?")
# what stands between a share of a plan and the plan's own figure (folded, periods blanked):
# "bằng 61,9% chỉ tiêu được giao là 4.600 tỷ đồng", "đạt 65,2% dự toán được giao: 4.785 tỷ
# đồng", "bằng 58% kế hoạch năm (kế hoạch năm 2047 là 2.150 tỷ đồng)"; also a clause of its own
# after ";" that names nothing but the plan ("bằng 61,8% kế hoạch năm; kế hoạch năm 2051 là 6.900
# tỷ đồng": bt10-b17 failure 3); group 1 a plan of a quarter or month (its period the share's)
_PLAN_HEAD = r"(?:ke hoach|kh|du toan|chi tieu|muc tieu)"
# who set a plan, named before "giao" (folded): "tỉnh giao", "HĐND tỉnh giao", "Bộ Tài chính
# giao", "được UBND huyện giao" -- up to four words of the body (bt20-b17 failure 4); "giao"
# as a word of its own, not the first syllable of "giao thông", "giao dịch"
_GIVEN_BY = r"(?:(?:duoc|do)\s+)?(?:[^\W\d_]+\s+){0,4}?giao(?!\w)"
# the whole a percentage right after its value is a share of (folded, lower case): "đạt
# 93,4% dân số", "bằng 88,2% tổng số hộ", "đạt 12,5% lực lượng lao động", "bằng 94,3% diện
# tích gieo cấy" (bt25-b16 failure 5; dev3 r17 so_nn_vu_mua_2073) -- no plan's share
_WHOLE_AFTER = re.compile(r"\s*(?:so voi\s+)?(?:tong\s+)?(?:so\s+)?(?:dan so|so dan|dan|ho|"
                          r"lao dong|luc luong lao dong|dien tich|nguoi|xa|doanh nghiep)\b")
# "mục tiêu tăng trưởng cả năm (8,0%)", "kế hoạch tốc độ tăng năm (7%)": a plan of a growth
# named by its growth words between the plan word and its period (bt23-b17 failure 6;
# dev-reports dv23 "thấp hơn mục tiêu đề ra (9 - 9,5%)" is the same shape without them)
_PLAN_GROWTH = r"(?:\s+(?:toc do\s+)?tang(?:\s+truong)?)?"
# "kế hoạch vốn năm 2084 (4.344 tỷ đồng)", "kế hoạch vốn đầu tư công", "dự toán pháp lệnh năm
# (1.800 tỷ đồng)": what the plan is of or which plan, named between the plan word and its
# period (break-test bt17o; dev3 r17 hai_quan_cua_khau_hoang_mo_2073)
_PLAN_OF = r"(?:\s+(?:von(?:\s+dau tu(?:\s+cong)?)?|phap lenh|thu ngan sach|giai ngan))?"
_PLAN_NAMED = re.compile(r"\s*(?:so voi\s+)?" + _PLAN_HEAD + _PLAN_OF + _PLAN_GROWTH +
                         r"(?:\s+(?:ca\s+)?nam|\s+(quy|thang))?"
                         r"(?:\s+(?:duoc giao|de ra|" + _GIVEN_BY + r"))?\s*"
                         r"(?:[(,]|;\s*(?=" + _PLAN_HEAD + r"))?\s*"
                         r"(?:" + _PLAN_HEAD + _PLAN_OF + r"(?:\s+(?:ca\s+)?nam|\s+(?:quy|thang))?"
                         r"(?:\s+(?:duoc giao|de ra|tinh giao|giao))?\s*)?"
                         r"(?:\s*(?:la|:|la\s*:))?\s*")
# a result measured against its plan right after its value, the plan's own figure in brackets
# next (folded): "đạt 94,6%, không đạt kế hoạch (96%)", "68.450 tấn, vượt kế hoạch (67.000
# tấn)", "chưa đạt chỉ tiêu (...)" -- what stands before _PLAN_NAMED (issue 17 bt22-b17
# failure 4; bt21-b17 found the "(3.300)" plans after a share); a comparative with the plan
# ("thấp hơn mục tiêu ... (8,0%)", "cao hơn kế hoạch (X)", ", so với mục tiêu đề ra là X") stands
# there too, perhaps after the result's own comparison ("tăng 6,81% so với cùng kỳ, thấp hơn
# ...") (bt23-b17 failure 6; dev-reports dv23 "đạt 8,61%, thấp hơn mục tiêu đề ra (9 - 9,5%)")
_PLAN_MET = re.compile(r"(?:\s*so voi\s+[^,;()]{1,40}?)?\s*,?\s*"
                       r"(?:(?:(?:khong|chua)\s+)?(?:dat|vuot|hoan thanh)(?:\s+muc)?|"
                       r"(?:thap|cao|nho|lon|it|nhieu)\s+hon(?:\s+so voi)?|so voi)\s+"
                       r"(?=(?:so voi\s+)?" + _PLAN_HEAD + r"\b)", re.IGNORECASE)
# a value said with "là" after its words (folded): ", so với mục tiêu đề ra là 11%"
_LA_END = re.compile(r"\bla\s*:?\s*$")
# a change verb, then what it is compared with, then "là"/":" and the value, folded: "tăng so
# với tháng 9 là 6 triệu kWh", "giảm so với cùng kỳ: 4.200 lượt" (the kind of break-test b17
# failure 1 written with the verb; tests/test_stated_differences_la.py), also "là:" ("giảm so với
# tháng 8 là: 6,8 triệu kWh"; bt6-b17 failure 1, tests/test_stated_differences_c.py)
_VERB_COMPARED_LINK = re.compile(r"\b(tang|giam)\s+so voi\s+[^,;.()]{1,40}?\s*(?:la\s*:?|:)\s*$")
# what a change is compared with, written after it; "so" and "bằng" compared with their
# diacritics ("số vốn" is no comparison), folded only in text typed without any
# ("so với mức tăng của quý I/2028": "tăng" after "mức" is no verb of the next clause)
# -- a cause after it ends it ("giảm 640 ha so với vụ mùa năm 2072 do chuyển đổi ...", "giảm
# 3,46% so với cùng kỳ do sản lượng than ...", "so với cùng kỳ vì rét đậm": dev reports dv32,
# dev2 e02; bt17-b17 failure 4, whose base was lost past the 40 characters) -- with its
# diacritics only: folded, "do" / "vi" are also "độ" / "vị"
_COMPARISON = re.compile(r"^\s*,?\s*(?:so với|so|bằng)\s+([^,;.()]{0,40}?)(?=\s*(?:[,;.()]|"
                         r"\b(?:và|nhưng|trong khi)\b|"
                         r"\bđạt\b|(?<!mức )\btăng\b(?! trưởng)|(?<!mức )\bgiảm\b|"
                         r"\b(?:chủ yếu |một phần |là )?(?:do|vì|nhờ|bởi)\b|$))")
# a comparison opening a sentence, a comma after it: "So với tháng 12/2013, CPI tăng 1,02%",
# "So với thời điểm 31/12/2024 (160 sản phẩm), số sản phẩm OCOP tăng 14 sản phẩm", "So với
# năm 2020, giá trị sản xuất công nghiệp tăng 25,3%" -- the base of the changes of its sentence
# that name none, through a ";" list ("So với cùng kỳ, ngành đồ uống giảm 3,2%; ngành giấy giảm
# 7,9%": tests/test_which_most_least_figure.py compares the list)
# (dev reports' CPI reports, break-test b17's OCOP report; folded; group 1 the base)
_COMPARISON_LEADING = re.compile(r"^\W*so voi\s+([^,;.()]{1,40}?)\s*(?:\([^()]*\)\s*)?,")
# a comparison ending right at the verb of the next value: "đạt 980 triệu kWh, so với năm
# 2020 tăng 210 triệu kWh" -- the next value's base (_COMPARISON_BEFORE), none of this one's
_NEXT_VALUES_VERB = re.compile(r"^\s*(?:uoc\s+)?(?:tang|giam|dat|bang|la)\s*:?\s*$")
_COMPARISON_PLAIN = re.compile(r"^\s*,?\s*(?:so voi|so|bang)\s+([^,;.()]{0,40}?)(?=\s*(?:[,;.()]|"
                               r"\b" + _CLAUSE_CONJUNCTION + r"\b|\bdat\b|"
                               r"(?<!muc )\btang\b(?! truong)|(?<!muc )\bgiam\b|$))")
# what "gấp 1,4 lần" is a multiple of, written right after it without "so với" ("gấp 1,4 lần
# cùng kỳ năm trước", "gấp 1,6 lần giai đoạn 2016 - 2020"; break-test b17 K7)
_MULTIPLE_OF = re.compile(r"^\s*(?:so với\s+|so voi\s+)?([^,;.()]{1,40}?)(?=\s*(?:[,;.()]|"
                          r"\bvà\b|\bva\b|$))")
# the verb of a difference or multiple, said with its value ("thấp hơn 1,3 điểm phần trăm",
# "gấp 1,4 lần"): what the answer restates, never "tăng 1,4 lần"
_RELATIVE_VERB = re.compile(r"(?<!\w)(?:(?:cao|thấp|nhanh|chậm|nhiều|ít) hơn|gấp|"
                            r"(?:cao|thap|nhanh|cham|nhieu|it) hon|gap)\s*$", re.IGNORECASE)


# "của" right after a value: whose it is ("21 cửa hàng của Công ty Xăng dầu Bắc Thái")
_OWNER = re.compile(r"\s*(?:của|cua)\s+", re.IGNORECASE)
# "CK", the reports' abbreviation of "cùng kỳ" in a comparison ("bằng 98% so CK", "giảm 3,1%
# so với CK") and in table headers ("So CK (%)", "ƯTH/CK": rag.vi.frames.tables), where it is
# never "cửa khẩu" (a border gate is no base of a change)
_SAME_PERIOD_ABBREVIATION = re.compile(r"(?<!\w)(?:CK|ck|Ck)(?!\w)")


def spelled_base(comparison: str | None) -> str | None:
    """``comparison`` (what a change is compared with, as written) with the abbreviation
    "CK" spelled "cùng kỳ", so a summary says "so với cùng kỳ" and a question's "so với cùng
    kỳ" finds it; None stays None."""
    if comparison is None:
        return None
    return _SAME_PERIOD_ABBREVIATION.sub("cùng kỳ", comparison)


_FRACTION = re.compile(r"(\d[\d.]*)\s*/\s*(\d[\d.]*)")


def ratio_percent(value: str, percent: float) -> bool:
    """Whether ``percent`` is the share a count of a total written as a fraction (``value``
    as written: "156/200 xã") makes, to within one point: "156/200 xã có chợ, đạt 78%" says
    78% of the communes, no share of a plan (issue 17 K15).  False for a value that is no
    such fraction (or a total of 0)."""
    m = _FRACTION.search(value)
    if m is None:
        return False
    part, total = (int(g.replace(".", "")) for g in m.groups())
    return total > 0 and abs(100 * part / total - percent) <= 1


# a word of approximation between a compared period and its difference (folded): "cao hơn đầu
# năm khoảng 9.000 đồng/kg", "thấp hơn cùng kỳ gần 40 tỷ đồng" (break-test bt10-b17 failure 4)
_ABOUT = r"(?<!\w)(?:khoang|gan|xap xi|hon|tren|chung)(?!\w)"
# a comparative right before the period it compares with ("thấp hơn quý III", "cao hơn cùng
# kỳ năm trước"), perhaps with "so với" between ("thấp hơn so với tháng 9 là: 1,7 triệu viên";
# bt7-b17 failure 1, tests/test_stated_differences_d.py), folded
_COMPARATIVE_BEFORE = re.compile(r"\b(cao|thap|nhanh|cham|nhieu|it) hon\s+"
                                 r"(?:so voi\s+|muc\s+(?:cua\s+)?)?$")
# what may stand between the compared period and its difference (folded): nothing, or "là" /
# ":" ("cao hơn tháng 4 là 38 triệu USD", "thấp hơn năm 2037 là 215 tỷ đồng"; break-test b17
# failure 1)
_LINK = re.compile(r"\s*(?:(?<!\w)la(?!\w)\s*:?|:)?\s*(?:" + _ABOUT + r"\s*)?")
# a base named by its kind, not its date, right before a value (folded; the reports' words
# of rag.answer.figures comparison_base): "cùng kỳ (năm trước)", "tháng trước", "đầu năm"
_BASE_BEFORE = re.compile(r"\b(cung (?:ky|thoi diem|thang|quy)(?: nam (?:truoc|\d{4}))?|"
                          r"(?:thang|quy|nam|ky) truoc|dau (?:nam|thang|quy|ky)|"
                          r"cuoi nam truoc)(?:\s+la\s*:?|\s*:)?\s*(?:" + _ABOUT + r"\s*)?$")


# "thấp hơn chỉ tiêu của tỉnh", "cao hơn kế hoạch năm", "vượt mục tiêu đề ra" (folded, the
# whole text before a value): a difference from the plan, its base in group 2
_AGAINST_PLAN = re.compile(r"[\s,]*(?:(?:va|con|nhung)\s+)?(thap|cao|nhieu|it|cham|nhanh)\s+hon"
                           r"\s+(?:so voi\s+)?(" + _PLAN_HEAD + r"\b[^;:()]*?)\s*(?:la|:)?\s*")
# what stands between a plan's own value and the difference from it said right after
# (folded): "thấp hơn mục tiêu 60% từ 5 đến 8 điểm phần trăm", "thấp hơn kế hoạch 1.200 tỷ
# đồng là 40 tỷ đồng", "vượt chỉ tiêu 95%: 2,1 điểm phần trăm" (issue 17 bt16-b17, Q35)
_DIFFERENCE_AFTER = re.compile(_LINK.pattern + r"(?:(?<!\w)tu(?!\w)\s*)?")
# a change verb alone before a value ("tăng", "giảm thêm", "tăng so với đầu tuần là")
_BARE_CHANGE = re.compile(r"[\s,]*(?:tang|giam)(?:\s+them)?\s*")


# a comparative and the words naming what is compared before the period (folded; group 2)
_COMPARATIVE_NAMED = re.compile(r"\b(cao|thap|nhanh|cham|nhieu|it) hon\s+(?:so voi\s+)?"
                                r"([^\W\d](?:[^;:,()\d]{0,60}?[^\W\d])?)\s+(?:cua\s+)?$")
# words naming a figure's own peak or record, not another indicator (folded)
_OWN_PEAK_WORDS = frozenset("muc con so ky luc dinh cao nhat dinh diem cuc dai".split())


def _names_own(named: str, own_words: set[str]) -> bool:
    """Whether the folded words ``named`` between a comparative and the period it compares
    with name no more than the figure before's own indicator (its words ``own_words``) or
    its peak ("mức", "kỷ lục", "đỉnh") -- at least one word of the indicator or a peak word."""
    words = named.split()
    return bool(words) and all(w in own_words or w in _OWN_PEAK_WORDS for w in words)


def _compared_first(folded: str, mentions: list[Mention], seg_start: int,
                    at: int, own_words: set[str] | None = None
                    ) -> tuple[int, int, tuple[int, int]] | None:
    """(direction, where the comparative starts, (start, end) of the compared period) -- offsets
    in the sentence (``folded``: it folded) -- when the value at
    ``at`` is a difference said with a comparative and the period it is compared with, in
    that order, right before it, perhaps linked by "là" or ":": "thấp hơn quý III 0,12 điểm
    phần trăm", "cao hơn cùng kỳ năm trước 38 tỷ đồng", "cao hơn tháng 4 là 38 triệu USD",
    "ít hơn quý II: 45 tỷ đồng" (break-test b17 F5 and failure 1;
    tests/test_stated_differences.py, tests/test_stated_differences_la.py); None
    otherwise.  The period named makes it a difference, whatever its unit -- unlike "thấp
    hơn 4%" alone, which may be a bound."""
    compared = [(x.start, x.end) for x in mentions if x.comparison and seg_start <= x.start
                and x.end <= at and _LINK.fullmatch(folded[x.end:at])]
    named = _BASE_BEFORE.search(folded, seg_start, at)
    if named is not None:  # "cao hơn tháng trước", "thấp hơn cùng kỳ năm trước"
        compared.append(named.span(1))
    if not compared:
        return None
    start, end = compared[-1]
    m = _COMPARATIVE_BEFORE.search(folded, seg_start, start)
    if m is None or m.end() != start:
        # "cao hơn Pmax năm 2070 là 62 MW", "thấp hơn mức kỷ lục của năm 2069 là 40 MW": the
        # comparative, the name of the same indicator (words of the figure before's, or
        # "mức", "kỷ lục", "đỉnh"), then the period -- the same difference (issue 17
        # bt16-b17 failure 3)
        m = _COMPARATIVE_NAMED.search(folded, seg_start, start) if own_words else None
        if m is None or not _names_own(m.group(2), own_words or set()):
            return None
    return (-1 if m.group(1) in ("thap", "cham", "it") else 1), m.start(), (start, end)


# "so với" ending a text (as written or folded): what may stand between a comparative and
# the period it compares with ("cao hơn so với cùng kỳ là 11 tỷ đồng")
_SO_VOI_END = re.compile(r"\s*\bso v(?:ới|oi)\s*$", re.IGNORECASE)


# each comparative and its opposite, with and without diacritics
_OPPOSITE = {"cao": "thấp", "thấp": "cao", "nhiều": "ít", "ít": "nhiều", "nhanh": "chậm",
             "chậm": "nhanh", "thap": "cao", "nhieu": "it", "it": "nhieu", "cham": "nhanh"}


def opposite_comparative(verb: str) -> str:
    """The comparative ``verb`` as written ("thấp hơn", "Nhiều hơn") with its adjective
    swapped for the opposite ("cao hơn", "Ít hơn"): what a difference said from the earlier
    side says once moved to the later period ("Tháng 6/2036 ... thấp hơn tháng 6/2037 là 14
    triệu kWh" -> June 2037 "cao hơn 14 triệu kWh"; break-test bt5-b17 failure 2,
    tests/test_stated_differences_b.py).  Any other verb ("gấp") comes back unchanged."""
    head, _, rest = verb.partition(" ")
    other = _OPPOSITE.get(head.lower())
    if other is None:
        return verb
    if head[:1].isupper():
        other = other[:1].upper() + other[1:]
    return f"{other} {rest}".strip()


# "của năm trước", "của cùng kỳ năm trước", "năm trước", "của cùng kỳ năm 2035" right after
# a compared rate (folded; group 1: the year named, None for the year before)
_OF_YEAR_BEFORE = re.compile(r"\s*(?:cua\s+)?(?:cung ky\s+)?nam (?:truoc\b|((?:19|20)\d\d)\b)")


def year_before(period: Period, year: int | None = None) -> Period | None:
    """``period`` a year earlier ("năm 2033" -> "năm 2032", "quý III/2033" -> "quý
    III/2032"), or in ``year`` when given and earlier than ``period``'s ("9 tháng năm 2036",
    2035 -> "9 tháng năm 2035"); None for one spanning two years, whose label does not
    write its year once, or a ``year`` not before its own."""
    y = period.end.year
    to = y - 1 if year is None else year
    if period.start.year != y or period.label.count(str(y)) != 1 or to >= y:
        return None
    try:
        end = period.end.replace(year=to)
    except ValueError:  # 29 February
        end = date(to, 2, 28)
    return Period(period.kind, period.start.replace(year=to), end,
                  period.label.replace(str(y), str(to)))


# a change's base named by a relative word, then "(" right before a value (folded, the text from
# the change's value on): "tăng 12% so với cùng kỳ (", "giảm 3% so với tháng trước (", "so với
# quý trước (", "so với cùng kỳ năm 2073 (" -- the value is the base's own level (group 1: the
# word naming the base, group 2: a year written after "cùng kỳ năm")
_RELATIVE_BASE_BRACKET = re.compile(
    r"[^;()]*\bso voi\s+(cung ky|nam truoc|nam ngoai|thang truoc|quy truoc)"
    r"(?:\s+nam\s+(?:truoc|ngoai|(\d{4})))?\s*\(\s*")


def relative_base(period: Period, word: str, year: int | None = None) -> Period | None:
    """The period a change's base written ``word`` names (folded: "cung ky", "nam truoc",
    "nam ngoai", "thang truoc", "quy truoc"), for a figure of ``period``: the same period a year
    earlier (in ``year`` when written, "cùng kỳ năm 2073"), the month before a month, the
    quarter before a quarter; None when the word does not fit the period's kind ("tháng
    trước" of a quarter) or the year before cannot be written (:func:`year_before`).  Rule
    from issue 17 bt18-b17 failure 6 ("so với hội chợ năm 2074 (43,4 tỷ đồng)"), widened to
    the relative bases reports write before a bracketed earlier value."""
    if word in ("cung ky", "nam truoc", "nam ngoai"):
        return year_before(period, year)
    if word == "thang truoc" and period.kind == "month":
        end = period.start - timedelta(days=1)
        return month_period(end.year, end.month)
    if word == "quy truoc" and period.kind == "quarter":
        end = period.start - timedelta(days=1)
        return quarter_period(end.year, (end.month + 2) // 3)
    return None


# "(lũy kế) từ đầu năm (đến nay) (lên|đạt)" right before a value (folded): what the months of
# the year to the sentence's period add up to (break-test b17 H: "nâng tổng diện tích quế
# trồng mới từ đầu năm lên 2.960 ha" in the report of tháng 11 is of 11 months)
_SINCE_YEAR_START = re.compile(r"(?:\b(?:luy ke|cong don|tinh chung)\s+)?\btu dau nam"
                               r"(?:\s+(?:den|toi)\s+nay)?(?:\s+(?:len|dat|la|den))?\s*$")
# a clause opening with "cộng dồn", "lũy kế", "tính chung" (with or without "từ đầu năm"), or
# "từ đầu năm (đến nay)" (folded; after ";" or "," or at the sentence's start): every value of
# it, to the next ";", is what the months of the year to the sentence's month add up to --
# "Trong tháng 7, toàn tỉnh có 68 doanh nghiệp thành lập mới ...; cộng dồn từ đầu năm có 521
# doanh nghiệp thành lập mới với tổng vốn đăng ký 6.240 tỷ đồng" (break-test b17 round 7 item
# 5). Not "lũy kế đến nay", a count standing at a date; a clause naming its own period
# ("cộng dồn 8 tháng", "tính chung quý I") keeps it (only a period from outside is changed).
_RUNNING_OPENER = re.compile(
    r"(?:^|[;,:])\s*(?:(?:cong don|luy ke|tinh chung)\b(?!\s+(?:den|toi)\b)"
    r"(?:\s+tu dau nam)?|tu dau nam\b)")
# a clause after "," ";" or "(" that only names the same period a year earlier before its value
# (folded): "; cùng kỳ năm trước 2.950 ha", ", cùng kỳ năm 2052 là 410", "(cùng kỳ: 318)"
# -- "năm trước" alone too ("(năm trước đạt 2.870 tỷ đồng)")
_SAME_PERIOD_CLAUSE = re.compile(r"[^;,(]*[;,(]\s*(?:con\s+|trong\s+khi\s+)?(?:cung\s+ky"
                                 r"(?:\s+nam\s+(?:truoc|ngoai|(\d{4})))?|nam\s+(?:truoc|ngoai)\b)"
                                 r"\s*(?:la|dat|:|chi dat|"
                                 r"chi la)?\s*:?\s*")
# "nâng tổng (số) ... lên", "đưa tổng ... lên" before a value (folded): the verb of a running
# total, no words of its indicator (groups: the verb with "tổng (số)", and "lên")
_RAISED_TO = re.compile(r"\b((?:nang|dua)\s+tong(?:\s+so)?)\b[^,;:]*?(\blen)\s*$")


# what joins a verb in series to the one before it: a "," (or "và") and nothing else but the
# clause's own words (folded)
_SERIAL_VERB = re.compile(r"^\s*(?:,|,?\s*va\s)\s*[^\W\d]")


# a value's clause after a count: the count's described deed, then "với" (folded)
_WITH_BEFORE = re.compile(r"^(?P<deed>.*?)\s+voi\s*$", re.DOTALL)


def done_with(between: str, count: Frame, value: Value) -> str:
    """The indicator of ``value`` when the words ``between`` the count ``count`` and it say
    what the counted did, then "với" ("[21 lượt dự án] điều chỉnh tăng vốn với [446 triệu
    USD]" -> "điều chỉnh tăng vốn"; "[14 doanh nghiệp] nộp thuế tài nguyên với [96 tỷ
    đồng]" -> "nộp thuế tài nguyên"); "" when no such words are there ("có 36 hợp tác xã với
    1.200 thành viên" keeps the count's own reading), when ``count`` is no count (a level
    of things, not a percent, a change or money) or when both are in one unit.  The words
    are read as written, cleaned by :func:`clean_indicator`; a clause break in them ends
    the rule (issue 17 break-test bt19-b17 failure 4)."""
    if count.measure != "level" or count.kind != "count" or is_money(count.unit) or \
            value.percent or not value.unit or _same_unit(count.unit, value.unit):
        return ""
    written = between
    if re.search(r"[,;:()]", written):
        return ""
    said = _WITH_BEFORE.match(fold(written).lower())
    if said is None or not said.group("deed").strip():
        return ""
    deed = clean_indicator(written[:said.end("deed")])
    return deed if is_name(deed) else ""


def _object_carried(indicator: str, prev: Frame | None, pre_f: str) -> str:
    """``indicator`` with the object of the clause before when the value's own clause (after
    "," or ";": ``pre_f`` folded) names only a verb of two syllables parallel to the one that
    clause began with -- sharing its second syllable ("Vận chuyển hàng hóa ... 1,92 triệu tấn;
    luân chuyển 246,5 triệu tấn.km" -> "luân chuyển hàng hóa"; "xuất khẩu hàng hóa ...; nhập
    khẩu ..." -> "nhập khẩu hàng hóa"; break-test b17 E); ``indicator`` itself otherwise."""
    words = indicator.split()
    if prev is None or len(words) != 2 or not re.search(r"[,;]", pre_f):
        return indicator
    before = prev.indicator.split()
    if len(before) < 3 or fold(" ".join(before[:2])).lower() == fold(indicator).lower():
        return indicator
    if fold(before[1]).lower() != fold(words[1]).lower():
        return indicator
    return " ".join([indicator, *before[2:]])


# "hoa hồi đạt 2.480 tấn, quế đạt 5.160 tấn", "Sản lượng ...: lúa 312.500 tấn, ngô 96.400
# tấn": an item of a list named by one syllable -- a crop, a product, a kind of livestock --
# stands alone between the list's separator and its value (a lead verb at most between); the
# one-syllable words that are no item there are adverbs, parts of a verb or a comparison, list
# marks and the places said by themselves (issue 17 xe; tests/test_list_items_own_values.py)
# -- also right after the "trong đó" opening the list ("Tổng diện tích gieo trồng vụ đông
# xuân 8.240 ha, trong đó lúa 5.610 ha": the part is "lúa", not nameless; bt18-b17 failure 4)
_ITEM_SEGMENT = re.compile(r"[,;:]\s*(?P<lead>(?:trong đó|trong do|bao gồm|gồm)\s*:?\s*)?"
                           r"(?P<item>[^\W\d_]{2,})\s*(?:(?:ước\s+)?(?:đạt|là)|ước|khoảng)?\s*$")
# a sentence opening with the words that list a total's parts, up to the item's comma
_OPENS_PARTS = re.compile(r"\s*(?:trong đó|trong do|bao gồm|bao gom|gồm|gom)\s*[,:]$",
                          re.IGNORECASE)
_NOT_ITEM = frozenset(
    "chi cao thap nua deu xay tinh huyen xa nay do lan binh con gan tren duoi hon rieng moi "
    "them len xuong vuot tong chung ca tung rong sau truoc".split())
# the same words as written: a word written with other marks is an item still ("cá 18.600
# tấn" is no "cả", "tôm" no "tổng"); a word written without marks is read folded
_NOT_ITEM_WRITTEN = frozenset(
    "chỉ cao thấp nửa đều xây tỉnh huyện xã này đó lần bình còn gần trên dưới hơn riêng mỗi "
    "thêm lên xuống vượt tổng chung cả từng rộng sau trước".split())


# a graded class (rag.vi.grades) named right before its value, its ":" or a lead verb at most
# between ("hạng 2: 12 chợ", "hạng 2 có 12 chợ")
_CLASS_BEFORE_VALUE = re.compile(r"\b((?:hạng|cấp|loại|nhóm|bậc)\s+\d{1,3})\s*(?::|có|đạt|là)?\s*$",
                                 re.IGNORECASE)


def _one_word_item(pre_raw: str, item: str, prev: Frame | None, v: Value,
                   tail_f: str = "", whole: Frame | None = None) -> bool:
    """Whether ``item`` (one syllable, the cleaned words before value ``v``; ``pre_raw``:
    the raw words since the last value) names an item of a list: it stands alone after a
    ",", ";" or ":" (a lead verb "đạt"/"là" at most before the value), is lower case and no
    word of :data:`_NOT_ITEM`, no percentage, and the figure before in the sentence is named
    by its own words -- the item before in the same list, in its own unit ("than 71.250
    tấn; điện 312 triệu kWh") or its change ("lợn đạt 231.400 con, tăng 2,7%; gà đạt 4,1
    triệu con") -- or, first in the sentence, it follows the ":" of a lead-in ("Sản lượng
    ...: lúa 312.500 tấn").  After "trong đó" the item is a part of ``whole``, the total its
    list gives parts of (else ``prev``), which a change may follow before the list: "tổng
    lượng xăng dầu bán ra đạt 52.000 m3, tăng 6% ..., trong đó xăng 31.000 m3"."""
    m = _ITEM_SEGMENT.search(pre_raw)
    if m is None or m.group("item") != item or not item.islower() or (
            fold(item) in _NOT_ITEM and (fold(item) == item or
                                         unicodedata.normalize("NFC", item) in _NOT_ITEM_WRITTEN)):
        return False
    listed = whole if m.group("lead") and whole is not None else prev
    if m.group("lead") and (listed is None or not _same_unit(listed.unit, v.unit)
                            or re.match(r"\s*[^\W\d_]", tail_f)):
        # after "trong đó" a part of its total counts in the total's unit and ends its
        # clause ("8.240 ha, trong đó lúa 5.610 ha;"); a word before another unit, or before
        # a value words describe ("1.240 lao động, trong đó đưa 186 người đi làm việc ở nước
        # ngoài"), is the clause's verb
        return False
    if prev is None:
        # "... đạt 412.600 tấn. Trong đó, mít đạt 71.200 tấn; ...": a sentence opening with
        # "Trong đó," lists parts of the total the sentence before stated, in its unit
        # (break-test bt20c, session 49: one-syllable items lost their names)
        if whole is not None and _OPENS_PARTS.match(pre_raw[:m.start() + 1]) and \
                _same_unit(whole.unit, v.unit) and not v.percent:
            return True
        return pre_raw[:m.start() + 1].rstrip().endswith(":") and not v.percent
    return bool(prev.indicator) and not v.percent


HEAD_REACH = 3  # where a head noun may open an indicator: after "tổng", "tổng mức", "giá trị"


def shortened_of(short: str, full: str) -> bool:
    """Whether the indicator ``short`` is a shortened form of ``full``: at least two syllables,
    fewer than ``full``'s, all of them ``full``'s in its order, opened by two syllables adjacent
    in ``full``'s first :data:`HEAD_REACH` + 1 (its head noun, perhaps after "tổng", "tổng
    mức"; "kim ngạch qua địa bàn" of "tổng kim ngạch xuất nhập khẩu hàng hóa qua các cửa khẩu
    trên địa bàn"), and no two-syllable word ``full`` lacks -- "kim ngạch xuất khẩu" ("xuất
    khẩu") is a part of "kim ngạch xuất nhập khẩu", no short form of it -- nor one cutting a
    word of ``full`` ("kim ngạch nhập khẩu": "xuất nhập").  Compared folded."""
    s, f = fold(short).lower().split(), fold(full).lower().split()
    if len(s) < 2 or len(s) >= len(f) or s[:2] not in (f[k:k + 2] for k in range(HEAD_REACH)):
        return False
    at: set[int] = set()
    for i, w in enumerate(f):
        if len(at) < len(s) and w == s[len(at)]:
            at.add(i)
    if len(at) < len(s):
        return False
    # nor a word of ``full`` cut: "kim ngạch nhập khẩu" keeps "nhập" of "xuất nhập khẩu" but
    # not "xuất nhập" -- a part listed under the total (seeds 001: "Trong đó, ... kim ngạch
    # nhập khẩu: 464 triệu USD").  Cut where it stands: the "khẩu" of "cửa khẩu" further on
    # is no cut of "xuất nhập khẩu" (break-test bt25 kind 3, session 52)
    own, theirs = words_in(short), words_in(full)
    return own <= theirs and not any(
        f"{a}_{b}" in theirs and (i in at) != (i + 1 in at)
        for i, (a, b) in enumerate(zip(f, f[1:], strict=False)))


def _group_dropped(short: str, full: str) -> bool:
    """Whether ``full`` is narrowed to a population group (rag.vi.frames.indicators
    .population_groups: "Tỷ lệ thất nghiệp khu vực nông thôn") that ``short`` does not name:
    "Tính chung 6 tháng, tỷ lệ thất nghiệp là 2,12%" after it is the whole rate, no short form
    of the rural one (issue 17 bt26-b17 failure 3)."""
    said = set(re.findall(r"[a-z0-9]+", fold(short).lower()))
    return any(not g <= said for g in population_groups(full))


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each (start, end) of ``spans`` made spaces (offsets kept)."""
    out = list(text)
    for a, b in spans:
        for k in range(max(0, a), min(len(out), b)):
            out[k] = " "
    return "".join(out)


def _strip_mentions(text: str, mentions: list[Mention], base: int) -> str:
    out = list(text)
    for x in mentions:
        for k in range(max(0, x.start - base), min(len(text), x.end - base)):
            out[k] = " "
    return "".join(out)

# a percentage right after "(thấp/cao) hơn (mức)": the rate it is compared with (F1 above)
# -- also "hơn mức tăng 8,7%", "hơn tốc độ tăng trưởng 6,95%" (break-test b17 A)
_COMPARED_RATE = re.compile(r"\bhon\s+(?:(?:muc|toc do)\s+(?:tang(?: truong)?\s+)?)?$")


# what opens a bracket that qualifies the indicator before it rather than dating its figure,
# folded: the norm, method or prices it is measured by ("(theo chuẩn nghèo giai đoạn 2071 -
# 2075)", "(theo Quyết định số 12/QĐ-UBND ngày 3/2/2074)", "(giá so sánh 2010)") or when it was
# published ("(công bố tháng 4/2075)", "(Phát hành ngày 05/11/2071)", "(số ước tính công bố
# trong báo cáo tháng trước ...)"): a period in it is the indicator's definition or the
# publication's day, not the figure's time -- read as that, "giảm từ 6,84% cuối năm 2074
# xuống còn 4,91% ..." gave 6,84 the period "giai đoạn 2071–2075" and "chỉ số cải cách hành
# chính năm 2074 (công bố tháng 4/2075) ... thứ 4/11" the rank of April 2075 (issue 17
# bt22-b17 failures 1 and 2)
_QUALIFYING_BRACKET = re.compile(
    r"^\(\s*(?:(?:tinh\s+)?theo\s+(?:chuan|tieu chi|bo tieu chi|quyet dinh|nghi dinh|thong tu|"
    r"nghi quyet|phuong phap|cach tinh|gia)|gia\s+(?:so sanh|co dinh|hien hanh|thuc te)|"
    r"(?:so lieu\s+|so\s+)?(?:(?:uoc tinh|da)\s+)?(?:ngay\s+)?"
    r"(?:cong bo|ban hanh|cap nhat|phat hanh|xuat ban))\b")


def qualifying_brackets(sentence: str) -> list[tuple[int, int]]:
    """The (start, end) spans of ``sentence``'s round brackets that qualify an indicator or
    say when a figure was published (:data:`_QUALIFYING_BRACKET`): the times written in them
    date no figure of the sentence, nor the sentences after it.  The norm's or the publication's
    own words are matched folded, so text typed without diacritics is read the same."""
    folded = fold(sentence)
    return [sp for sp in _brackets(sentence) if _QUALIFYING_BRACKET.match(folded[sp[0]:sp[1]])]


def compared_a_year_on(mentions: list[Mention], report_year: int | None) -> Period | None:
    """The period a sentence dated by nothing else is of when all it says of time is what it
    compares with: the same span a year on from the compared period, when that falls in
    ``report_year`` -- "Tạm giữ 18.640 bao thuốc lá (tăng gần 2,3 lần so với 9 tháng năm
    2074)" in a report on 2075 whose heading and title name no single period is of "9 tháng
    năm 2075" (issue 17 bt22-b17 failure 7), as "so với cùng kỳ năm trước" reads.  A year, a
    quarter, a half, a month or months from January; None for any other kind, for no or
    several compared periods, and for one not a year before ``report_year``."""
    compared = {x.period for x in mentions if x.comparison}
    if report_year is None or len(compared) != 1:
        return None
    p = compared.pop()
    if p.year != report_year - 1 or p.start.year != p.end.year:
        return None
    if p.kind == "year":
        return year_period(report_year)
    if p.kind == "months" and p.start.month == 1:
        return months_period(report_year, p.end.month)
    if p.kind == "month":
        return month_period(report_year, p.start.month)
    if p.kind == "quarter":
        return quarter_period(report_year, p.end.month // 3)
    if p.kind == "half":
        return half_period(report_year, p.start.month == 7)
    return None


def sentence_frames(sentence: str, base: int, ctx: Context) -> list[Frame]:
    """The frames of ``sentence``'s figures (``base``: its offset in the document), in order;
    ``ctx`` is read for what the sentence leaves out and updated with the periods, subject
    and total it states."""
    subject_before = ctx.subject
    found = find_values(sentence)
    # a value restated exactly in brackets is shown with it, not read as a figure of its own
    restated = restatements(sentence, found)
    restating = {id(found[a]): found[b] for b, a in restated.items()}
    # "Giá 1 kg thịt lợn hơi là 52.000 đồng": the kilogram the price is of is no figure
    per_unit = per_unit_quantities(sentence, found)
    values = [v for k, v in enumerate(found) if k not in restated and k not in per_unit]
    qualifying = qualifying_brackets(sentence)
    mentions = find_mentions(sentence, ctx.year, ctx.now, report=True, own=ctx.lead)
    said = next((x.period.year for x in mentions if not x.comparison
                 and _bracket_of(x.start, qualifying) is None
                 and re.search(r"(?:19|20)\d\d", sentence[x.start:x.end])
                 and not earlier_count_day(ctx, x.period)), None)
    if said is not None and said != ctx.year:  # "quý II/2026 ...; cộng chung 6 tháng": 2026
        mentions = find_mentions(sentence, said, ctx.now, report=True, own=ctx.lead)
    # "Riêng 2 ngày 30/4 và 01/5 đón 41.000 lượt": the count of days listed is part of their
    # name (rag.vi.mentions "day_list"), no figure
    values = [v for v in values if not any(
        is_day_list(x.period) and x.start <= v.start < x.end for x in mentions)]
    brackets = _brackets(sentence)
    # a period said inside brackets ("(năm 2016 đạt 3.946,7 triệu USD)") is the bracket's own:
    # the values outside and the sentences after do not take it
    own = [x for x in mentions if not x.comparison and _bracket_of(x.start, qualifying) is None]
    inside = {id(x): _bracket_of(x.start, brackets) for x in own}
    # "Riêng dịp Tết Dương lịch (từ 30/12/2027 đến 01/01/2028), tỉnh đón 62.000 lượt khách":
    # brackets holding a period and no value say when the clause they end is -- the period
    # of the values of that clause, not an aside of its own (nor the paragraph's period)
    # -- a count of the span's own days said with it is no value of the bracket's: "Dịp Quốc
    # khánh 2/9/2025 (4 ngày, từ 30/8 đến 2/9), lượng khách đạt 97.400 lượt" dates the
    # figures after it by the span (bt17d d09), as "(từ 30/8 đến 2/9)" alone does
    valued = {b for v in values if (b := _bracket_of(v.start, brackets)) is not None and not any(
        inside[id(x)] == b and span_length(v, x.period) for x in own)}
    scope = {k: (None if b not in valued else b) for k, b in inside.items()}
    tagged = _period_tags(sentence, values, own, brackets)
    # a count at a day of an earlier year dates its own figure, not the clauses after it
    carried = [x for x in own if not earlier_count_day(ctx, x.period)]
    if not values:
        if carried:  # a sentence that states a period sets it for the paragraph
            ctx.paragraph_period = carried[-1].period
            ctx.year = carried[-1].period.year
        return []
    folded = fold(sentence)
    leading = _COMPARISON_LEADING.match(folded)
    # "Tỷ lệ giải ngân của tỉnh hiện xếp thứ 12/63" in a text of no known date: the figure is
    # of the day the text was written, not of the period an earlier sentence of the paragraph
    # states ("đến ngày 30/6/2053 mới giải ngân ..."; issue 17 bt13-b17 failure 6)
    held_now = ctx.now is None and not own and bool(HELD_NOW.search(folded))
    summed = summed_parts(values, sentence)
    total_period = named_total_period(folded, values, ctx) if not own else None
    frames: list[Frame] = []
    # "Phương hướng năm 2022: phấn đấu chỉ số ... tăng 8%; tổng mức bán lẻ ... đạt 27.500 tỷ
    # đồng; ...", "Kế hoạch năm 2014: ...": a target named before the first value, leading a
    # list, holds for every value of it but those said done ("thực hiện", "ước đạt")
    lead = sentence[:values[0].start] if values else ""
    lead_target = bool(TARGET.search(unplanned(lead))) and _bracket_of(
        len(lead), brackets) is None and (lead.rstrip().endswith(":") or ";" in sentence)
    # "Chúng tôi dự báo cả năm ... đạt", "Sở Công Thương dự kiến ...": a forecast said by who
    # makes it, as one opening the sentence (said_forecast; bt18-c17 failure 4); "ước tính"
    # so said makes every figure of the sentence an estimate
    said_kind = said_forecast(last_clause(lead))[0]
    forecast = bool(_FORECAST_LEAD.match(unplanned(lead))) or said_kind == "forecast"
    seg_start = 0
    prev: Frame | None = None
    counted_at: set[int] = set()  # the figures named by what they count (their start)
    total: Frame | None = None  # the whole a "trong đó" list gives parts of
    listing = False  # inside such a list, ";" does not end it
    list_bracket: tuple[int, int] | None = None  # the brackets such a list opened in
    of_target = False  # the list gives the parts of a target ("mục tiêu đón 4,6 triệu lượt
    # khách, trong đó 120.000 lượt khách quốc tế"): the parts are targets too
    sentence_period: Period | None = None
    sentence_period_at = -1  # where in the sentence that period is said
    plan_end = -1  # where the last value read as a share of a plan ends (_PLAN_NAMED)
    running = False  # inside a clause opened by "cộng dồn (từ đầu năm)", "lũy kế", ...
    running_period: Period | None = None  # the period such a clause names itself
    # (direction, the plan's words) of a comparative against a plan whose own value was read
    # last: the value right after it is the difference from that plan
    plan_difference: tuple[int, str] | None = None
    doer = ""  # who the sentence says did what its first figure counts (doer_of)
    aim_listed = False  # the last figure a target its clause's aim verb set (listed_aim_item)
    holidays = list(_HOLIDAY_NAMES.finditer(folded))  # occasions' names (read in no clause)
    # "Cùng kỳ năm 2069 chỉ đạt 3.904,6 triệu USD." after a figure of 6 tháng đầu năm 2070: the
    # same period a year earlier (same_period_opening)
    same_opening = same_period_opening(folded)
    for n, v in enumerate(values):
        pre_raw = sentence[seg_start:v.start]
        pre_f = folded[seg_start:v.start]
        nxt = values[n + 1].start if n + 1 < len(values) else len(sentence)
        exact = restating.get(id(v))
        if exact is not None:
            nxt = exact.start
        tail_f = folded[v.end:nxt]
        broke = ";" in pre_f
        unit_added = ""
        if prev is not None and not broke and not v.percent and prev.measure == "level" \
                and prev.kind != "percent" and prev.unit and not _bare(v.unit) and \
                is_average(lead_verb(_strip_mentions(pre_raw, mentions, seg_start))):
            # "ước đạt 21,4 triệu lượt khách, bình quân mỗi tháng 2,38 triệu"; "có 764 doanh
            # nghiệp ..., bình quân mỗi tháng 85": an average said after the total, its unit
            # (or what it counts) left out, is in the total's (break-test b17 B)
            unit_added = _bare(prev.unit) if v.unit else prev.unit
            v = replace(v, unit=f"{v.unit} {unit_added}".strip())
        part_here = bool(_PART_RE.search(pre_f))
        here = _bracket_of(v.start, brackets)
        if part_here:
            # the whole listed: the last level stated, else the last change -- not a target
            # nor an aside in brackets ("đạt 6,08%/năm (mục tiêu 7 - 7,5%/năm); trong đó năm
            # 2021 tăng 5,02%")
            stated = [f for f in frames if not f.target and
                      _bracket_of(f.start - base, brackets) in (None, here)]
            # -- of the part's own unit when one such is stated: "mang đến 86 sản phẩm của 34
            # chủ thể, trong đó 62 sản phẩm đạt chứng nhận OCOP" lists parts of the 86, not
            # of the 34 said last (break-test bt13-b17 failure 5)
            # -- nor of a rate per unit of time said after it: "đón 94.600 lượt khách, bình
            # quân 23.650 lượt/ngày, ...; trong đó khách lưu trú 21.400 lượt" lists parts of
            # the 94.600 (break-test bt17o)
            total = next((f for f in reversed(stated) if f.measure == "level" and v.unit and
                          f.kind != "percent" and ("/" in f.unit) == ("/" in v.unit) and (
                              _same_unit(f.unit, v.unit) or _unit_head(f.unit, v.unit))), None) \
                or changed_level(stated) \
                or next((f for f in reversed(stated) if f.measure == "level"), None) \
                or next((f for f in reversed(stated) if f.measure == "change"), None) \
                or ctx.whole
            listing = True
            last = next((f for f in reversed(frames)
                         if _bracket_of(f.start - base, brackets) in (None, here)), None)
            of_target = last is not None and last.target
            if total is not None and total.kind != "percent" and not v.percent and \
                    is_money(v.unit) != is_money(total.unit):
                # "tổng thu ... 4.870 tỷ đồng. Riêng dịp Tết ..., tỉnh đón 62.000 lượt khách":
                # a count is no part of money (nor money of a count), whatever marks it one
                part_here, total, listing = False, None, False
            elif total is not None and v.percent and total is ctx.whole and \
                    total not in frames and _SHARE_OF_NAMED.match(tail_f):
                # "Số tờ khai ... đạt 61.740 tờ khai. Cửa khẩu Tân Thanh chủ yếu xuất khẩu hoa
                # quả tươi, trong đó thanh long chiếm 41,5% giá trị xuất khẩu qua cửa khẩu
                # này": a share naming its whole after it is of that whole, not of the whole
                # the sentence before stated (break-test s47 bt18b)
                total, listing = None, False
        elif broke and not listing:
            total = None
        if part_here:
            list_bracket = here
        elif listing and list_bracket is not None and here != list_bracket:
            # "nông sản đạt 684 triệu USD (trong đó sầu riêng 271 triệu USD); hàng điện tử
            # 312 triệu USD": a list opened in brackets ends with them (session 49 bt20a)
            total, listing, list_bracket = None, False, None
        if n in summed:  # "... đạt 1.793 triệu USD; xuất khẩu 382 ...; nhập khẩu 1.411 ..."
            total, listing = frames[summed[n]], True
            of_target = total.target
        elif listing and not part_here and total is not None and not v.percent and \
                is_money(v.unit) != is_money(total.unit):
            # "ước 826,5 nghìn lượt, trong đó khách quốc tế 78,9 nghìn lượt; doanh thu du
            # lịch ước 356,2 tỷ đồng": money is no part of a count (nor a count of money)
            total, listing = None, False
        # the period: own in the segment, else what the sentence, paragraph, heading, lead say
        seg_mentions = [x for x in own if seg_start <= x.start < v.start
                        and scope[id(x)] in (None, here)]
        after_mentions = [x for x in own if v.end <= x.start < nxt
                          and scope[id(x)] in (None, here)
                          and not _CLAUSE_BREAK.search(folded[v.end:x.start])]
        # "cao hơn năm 2018 (6,84%)", "so với cuối năm 2023, khi toàn tỉnh có 138 sản phẩm":
        # a value in brackets or a "khi" clause right after a compared period is that
        # period's figure of the indicator before
        # -- also past a change's value: "tăng 12% so với hội chợ năm 2074 (43,4 tỷ đồng)"
        # is the level of 2074, "tăng 9% so với cùng kỳ (812 tỷ đồng)" that of the same period
        # a year before, "so với tháng trước (N)" the month's before (bt18-b17 failure 6)
        prev_end = values[n - 1].end if n else 0
        # -- and right after the level itself: "đạt 4.312,8 triệu USD, cao hơn so với cùng kỳ
        # năm 2069 (3.904,6 triệu USD)" is of 6 tháng đầu năm 2069 (break-test bt22b)
        base_level = next((f for f in reversed(frames) if f.measure == "level"
                           and f.kind == v.kind and _same_unit(f.unit, v.unit)
                           and not f.target and f.period is not None), None) \
            if prev is not None and not broke and (prev.measure == "change" or (
                prev.measure == "level" and prev is frames[-1])) else None
        relative = _RELATIVE_BASE_BRACKET.fullmatch(folded[prev_end:v.start]) \
            if base_level is not None else None
        relative_period = relative_base(
            base_level.period, relative.group(1),
            int(relative.group(2)) if relative.group(2) else None) \
            if relative is not None and base_level is not None and \
            base_level.period is not None else None
        # -- but for the plan a share is of: "bằng 41,3% kế hoạch năm 2072 (3 triệu lượt)"
        # gives that plan's own value, a target (named_plan below; bt20-b17 failure 4)
        of_plan = prev is not None and prev.measure == "plan_share" and not broke and bool(
            _PLAN_NAMED.fullmatch(_blank(folded[prev_end:v.start], [
                (x.start - prev_end, x.end - prev_end) for x in mentions
                if prev_end <= x.start < v.start])))
        bracketed = next((x for x in mentions if x.comparison and prev_end <= x.start
                          and _AFTER_COMPARED.fullmatch(folded[x.end:v.start])), None) \
            if relative_period is None and not of_plan else None
        # a running clause ("...; cộng dồn 9 tháng là 603 doanh nghiệp; ...") dates its own
        # values only: its period ends at its ";" and the next clause goes back to the
        # sentence's (break-test b17 round 8 item 2)
        opened = next(reversed(list(_RUNNING_OPENER.finditer(pre_f))), None)
        in_running = (opened is not None and ";" not in pre_f[opened.end():]) or \
            (running and ";" not in pre_f)
        if not in_running:
            running_period = None
        if bracketed is not None:
            period, source = bracketed.period, "own"
        elif relative_period is not None:
            period, source = relative_period, "own"
        elif id(v) in tagged:
            # "tăng từ 95 cửa hàng (năm 2082) lên 128 cửa hàng (tháng 10/2083)": a period
            # alone in brackets right after a value is that value's own (_period_tags)
            period, source = tagged[id(v)].period, "own"
        elif seg_mentions and in_running and sentence_period is not None:
            period, source = seg_mentions[-1].period, "own"
            running_period = period
        elif seg_mentions:
            # "Tính đến ngày 20/12/2039, tổng kim ngạch ... năm 2039 đạt": the year to that day
            period, source = year_to_date(seg_mentions) or seg_mentions[-1].period, "own"
            if inside[id(seg_mentions[-1])] is None or \
                    all(span_length(f, period) for f in frames):
                # also a period in brackets before the sentence's first figure: "Riêng dịp
                # nghỉ lễ Quốc khánh 2/9 (từ ngày 30/8 đến ngày 02/9/2030), ... đón 96.500
                # lượt khách, doanh thu 182 tỷ đồng" dates both (break-test b17 N5) -- the
                # count of its days said before it is no figure before ("Theo Sở ..., trong 9
                # ngày nghỉ Tết (từ ngày 25/01 đến hết ngày 02/02/2025), ... đón 186.400 lượt
                # khách, tăng 17,2% so với Tết Giáp Thìn 2024": the change is the holiday's,
                # not the year's; break-test s39 bt17b)
                sentence_period, sentence_period_at = period, seg_mentions[-1].start
        elif here is not None and (opening := [
                x for x in own if inside[id(x)] == here and x.end <= v.start]):
            # "(đến cuối năm 2070 là 578 dự án, 13,07 tỷ USD)": a period said in brackets
            # before their values dates every value of them, not the first only
            # (break-test bt19-b17 failure 7)
            period, source = opening[-1].period, "own"
        elif after_mentions:
            period, source = after_mentions[0].period, "own"
            if not frames and (span_length(v, period) or holiday_days(
                    v, folded[v.end:after_mentions[0].end])) and \
                    not _CLAUSE_BREAK.search(folded[:v.start]):
                # "Riêng 10 ngày từ 16/6 đến 25/6/2077, kim ngạch đạt 214,6 triệu USD, bình
                # quân 21,5 triệu USD/ngày": the days a sentence opens with counting the span
                # it names date every figure after, not the first only (issue 17 bt23-b17
                # failure 4; "trong 5 ngày nghỉ lễ ... (từ ngày 27/4 đến hết ngày 1/5/2072)",
                # dev3 r20)
                sentence_period, sentence_period_at = period, after_mentions[0].start
        elif listing and total is not None and total.period is not None and \
                total.period_from == "own" and not v.percent and \
                total.start - base > sentence_period_at:
            # "412.000 tấn trong 10 tháng, trong đó sầu riêng 168.000 tấn, thanh long 97.000
            # tấn": parts naming no period of their own are of their total's, said after
            # its value (bt17-b17 failure 2), not of the paragraph's or the document's --
            # nor of the sentence's when the total named its own: "Tổng thu ... tháng 3/2043
            # ước đạt 905,3 tỷ đồng; lũy kế 3 tháng ước đạt 2.318,7 tỷ đồng, ...; trong đó
            # thu từ hoạt động xuất nhập khẩu đạt 1.126,4 tỷ đồng" (break-test bt17j item 1)
            # -- a period the sentence says after the total is newer than it: "... tháng 8/2035
            # ước đạt 530 tỷ đồng; số liệu chính thức tháng 7/2035 đạt 518 tỷ đồng, cao hơn 12
            # tỷ đồng so với số ước" dates the 12 at tháng 7 (tests/test_stated_differences_la)
            period, source = total.period, "sentence"
        elif running_period is not None:
            period, source = running_period, "sentence"
        elif sentence_period is not None:
            period, source = sentence_period, "sentence"
        elif later := [x for x in own if x.start >= v.end and inside[id(x)] is None
                       and x.period.kind != "day"
                       and not re.search(r"[:;]|\bdo\b|\bvi\b", folded[v.end:x.start])
                       and not _EVENT_DATED.search(folded[v.end:x.start])]:
            # "Tỷ trọng A đạt 23,71% và B đạt 50,31% trong GRDP năm 2024": said once, at the end
            # (not across ":" or ";", nor a cause "do ..." that dates an event)
            period, source = later[0].period, "sentence"
        elif total_period is not None:
            # "Trong 248 sản phẩm, có 2 sản phẩm đạt 5 sao ...": parts of a total named by its
            # value are of the period that total was stated for (named_total_period)
            period, source = total_period, "sentence"
        elif ctx.paragraph_period is not None and not held_now:
            period, source = ctx.paragraph_period, "paragraph"
        elif ctx.heading_period is not None:
            period, source = ctx.heading_period, "heading"
        elif ctx.lead is not None:
            period, source = ctx.lead, "document"
        elif not own and (compared := compared_a_year_on(mentions, ctx.report_year)):
            period, source = compared, "sentence"
        else:
            period, source = None, ""
        # a comparison written before the value: "so với cùng kỳ năm trước tăng 3,41%"
        comparison = None
        comparison_at: tuple[int, int] | None = None
        flipped: str | None = None  # the period a difference said from the earlier side is of
        cb = _COMPARISON_BEFORE.search(pre_f)
        text_pre = _strip_mentions(pre_raw, mentions, seg_start)
        text_pre = _blank(text_pre, [(max(h.start(), seg_start) - seg_start,
                                      min(h.end(), v.start) - seg_start) for h in holidays
                                     if h.end() > seg_start and h.start() < v.start])
        if same_opening is not None and seg_start < same_opening.end() <= v.start:
            # "Cùng kỳ năm trước, lượng khách du lịch đạt": when, no words of the indicator
            text_pre = _blank(text_pre, [(0, same_opening.end() - seg_start)])
        if cb:
            comparison = pre_raw[cb.start(1):cb.end(1)].strip() or None
            text_pre = text_pre[:cb.start()] + " " * (cb.end(1) - cb.start()) + \
                text_pre[cb.end(1):]
        compared_first = _compared_first(
            folded, mentions, seg_start, v.start,
            set(re.findall(r"\w+", fold(prev.indicator).lower())) if prev is not None and
            not broke and prev.indicator and _same_unit(prev.unit, v.unit) else None)
        if compared_first is not None:  # "thấp hơn quý III": no words of the indicator
            cut = compared_first[1] - seg_start
            text_pre = text_pre[:cut] + " " * (len(text_pre) - cut)
        since = _SINCE_YEAR_START.search(pre_f)
        if ";" in pre_f:
            running = False
        opener = next(reversed(list(_RUNNING_OPENER.finditer(pre_f))), None)  # the last
        if opener is not None and ";" not in pre_f[opener.end():]:
            running = True
        if running and since is None and period is not None and period.kind == "to_date" \
                and source == "own":
            # "...; từ đầu năm đến nay giải quyết 702 hồ sơ" in a sentence of "tháng 8": to
            # that month, not to the report's day (as for "từ đầu năm đến nay lên" below)
            month = next((x.period for x in own if x.period.kind == "month"), None)
            period, source = (month, "sentence") if month is not None else (period, source)
        if running and since is None and source != "own" and period is not None and \
                period.kind in ("month", "quarter") and period.start.year == period.end.year:
            # "...; cộng dồn từ đầu năm có 521 doanh nghiệp ... với tổng vốn đăng ký 6.240
            # tỷ đồng": both of the months to the sentence's month (opener words blanked)
            period = months_period(period.end.year, period.end.month)
            if opener is not None:
                text_pre = _blank(text_pre, [opener.span()])
        if since is not None:
            # "trồng mới 240 ha quế, nâng tổng diện tích quế trồng mới từ đầu năm lên 2.960
            # ha": the months of the year to the sentence's month, none of the words saying so
            # in the indicator (break-test b17 H)
            if period is not None and period.kind == "to_date":
                # "... từ đầu năm đến nay lên 410 mã" in a sentence of "tháng 11/2036": to
                # that month, not to the report's day
                period = next((x.period for x in own if x.period.kind == "month"), period)
            if period is not None and period.kind in ("month", "quarter") and \
                    period.start.year == period.end.year:
                period = months_period(period.end.year, period.end.month)
            text_pre = _blank(text_pre, [since.span()])
        raised = _RAISED_TO.search(pre_f)
        if raised is not None:  # "nâng tổng số ... lên", "đưa tổng ... lên": no indicator words
            text_pre = _blank(text_pre, [raised.span(1), raised.span(2)])
        # "đạt 93,7%, thấp hơn chỉ tiêu của tỉnh 1,3 điểm phần trăm": a difference from the
        # clause's target, said in the unit of the figure before, is that figure's change against
        # its plan -- no indicator named "thấp hơn chỉ tiêu"; "142,3 triệu đồng/lượng (bán ra),
        # tăng 1,8 triệu đồng/lượng so với đầu tuần": a word in brackets before a bare change
        # verb is an aside, the change the figure before's (issue 17 bt15-b17 failure 6)
        against_plan = _AGAINST_PLAN.fullmatch(fold(text_pre).lower()) \
            if prev is not None and not broke and not prev.target and compared_first is None \
            and (prev.measure == "level" or (prev.measure == "change" and _same_unit(
                prev.unit, v.unit))) else None
        over_first = _OVER_PLAN_BEFORE.search(pre_f.lower()) if against_plan is None and \
            prev is not None and not broke and not prev.target and compared_first is None \
            and prev.measure == "level" else None
        pending, plan_difference = plan_difference, None
        from_plan: tuple[int, str] | None = None  # (direction, the plan's words) of a difference
        if (against_plan is not None or over_first is not None) and _plan_value_first(
                v, values[n + 1] if n + 1 < len(values) else None, folded[v.end:nxt]):
            # "đạt khoảng 52 - 55%, thấp hơn mục tiêu 60% từ 5 đến 8 điểm phần trăm", "vượt
            # chỉ tiêu 95% là 2,1 điểm phần trăm": the value written right after the plan's
            # words is that plan's own -- a target of the figure before, no change -- and the
            # difference from it is the value after (issue 17 bt16-b17, Q35)
            if against_plan is not None:
                words = text_pre[against_plan.start(2):against_plan.end(2)].strip()
                direction = -1 if against_plan.group(1) in ("thap", "it", "cham") else 1
            else:
                words = re.sub(r"(?i)^\S+\s+|\s*(?:là|khoảng|gần|hơn|trên)?\s*$", "",
                               pre_raw[over_first.start():].strip()) if over_first else ""
                direction = 1
            plan_difference = (direction, words)
            text_pre = " " * len(text_pre)
            against_plan = over_first = None
        elif pending is not None and prev is not None and prev.target and not broke and \
                _DIFFERENCE_AFTER.fullmatch(fold(text_pre).lower()):
            from_plan = pending
            text_pre = " " * len(text_pre)
        if against_plan is not None:
            comparison = text_pre[against_plan.start(2):against_plan.end(2)].strip()
            text_pre = " " * len(text_pre)
        elif prev is not None and not broke and prev.measure == "level" and brackets and \
                _BARE_CHANGE.fullmatch(fold(re.sub(r"\([^()]*\)", " ", text_pre)).lower()):
            text_pre = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group(0)), text_pre)
        if n and (aside := _ASIDE_BEFORE.match(text_pre)) is not None:
            # "1 sản phẩm đạt 5 sao (quốc gia), 19 sản phẩm đạt 4 sao": a bracket right after
            # the figure before is that figure's aside -- its class, level or note -- never
            # what the next figure counts (break-test bt17b: "Năm 2024, quốc gia: 19 sản phẩm")
            text_pre = " " * aside.end() + text_pre[aside.end():]
        clause = last_clause(text_pre)
        # "...; đến chiều cùng ngày giảm còn 870 xe": when, not what is counted (same_day)
        day_words = same_day_time_words(clause)
        indicator = clean_indicator(" " * day_words + clause[day_words:] if day_words else clause)
        same_day_on = bool(day_words) and not indicator  # its subject left out: the one before
        kept_new = _MADE_NEW.search(clause) if since or raised else None
        if kept_new is not None and len(indicator.split()) > 1 and \
                indicator.endswith(kept_new.group(1)):
            indicator = f"{indicator} {kept_new.group(2)}"  # "diện tích quế trồng mới"
        # "toàn tỉnh trồng mới 6.350 ha rừng", "xây mới 1 284 km đường dây": the verb with its
        # "mới" (dropped by clean_indicator as an adverb) names what was done, with what it
        # counts after the value (below)
        made = _MADE_NEW.search(clause)
        made_words = f"{made.group(1)} {made.group(2)}" if made and made.group(1).islower() \
            and not is_name(indicator) else ""
        # "Hội đồng đánh giá cấp tỉnh đã công nhận mới 52 sản phẩm OCOP": the body that
        # granted what the count counts is no indicator; the count is named after its number,
        # in the passive ("sản phẩm OCOP được Hội đồng ... công nhận mới"; issue 17 bt17c)
        grantor, granted = granted_by(clause) if not v.percent and not is_money(v.unit) \
            else ("", "")
        if grantor:
            indicator, made_words = "", ""
        item = indicator
        if not is_name(indicator) and not _one_word_item(pre_raw, item, prev, v, tail_f,
                                                         total if part_here else None):
            indicator = ""
        if not indicator and n and prev is not None and not broke and \
                prev.start == base + values[n - 1].start:
            # "21 lượt dự án điều chỉnh tăng vốn với 446 triệu USD", "14 doanh nghiệp nộp
            # thuế tài nguyên với 96 tỷ đồng": an amount joined by "với" to a count that the
            # words after it describe is of those words -- what the counted did -- not of
            # the sentence's last figure in its unit (break-test bt19-b17 failure 4)
            indicator = done_with(sentence[values[n - 1].end:v.start], prev, v)
        # "... đón 412 nghìn lượt khách du lịch, trong đó khách quốc tế 26,5 nghìn lượt; 7
        # tháng đón 2,18 triệu lượt khách, trong đó ...": past the part's ";" a value without
        # a noun of its own, or one naming another period than its list's, is no part of
        # that list, nor is a level of its own period with parts of its own listed after it
        # (not the part's change in brackets, "(tăng 10,4% ...), trong đó"): it goes on with
        # the whole the part was of, never the part's noun or basis (issue 17 bt8-b17
        # failure 2; tests/test_total_after_part.py)
        # -- a part that splits its whole by kind (its own words, its whole's period), not
        # by time ("... 6,5%/năm; trong đó năm 2016 tăng 7,1%; năm 2017 tăng 6,9%")
        parts_follow = bool(_PARTS_LISTED.search(folded, v.end, nxt))
        by_kind = prev is not None and bool(prev.indicator or prev.detail) and (
            total is None or prev.period == total.period)
        # "174 sản phẩm ..., trong đó 34 sản phẩm đạt 4 sao và 140 sản phẩm đạt 3 sao; 1 sản
        # phẩm (trà hoa vàng) đang được đề nghị ... 5 sao": past the ";" a count of the
        # whole's unit, no words of its own before it nor a period, less than the whole and
        # described by the clause after it ("đang ...", "đã ...", "chưa ...") is one more
        # part of that whole, never the whole again (issue 17, dev2 e099;
        # tests/test_described_subset.py)
        subset = listing and total is not None and not indicator and not seg_mentions \
            and not v.percent and here is None and total.measure == "level" \
            and not total.part and total.kind != "percent" and _same_unit(total.unit, v.unit) \
            and v.low < total.low and bool(_DESCRIBED_SUBSET.match(tail_f))
        # -- nor is a figure past the ";" named by its own words in another unit than the
        # whole's ("..., trong đó lúa 5.610 ha; năng suất lúa đạt 63,2 tạ/ha": a yield, no
        # part of the area; issue 17 bt18-b17 failure 4)
        ends_list = not subset and prev is not None and prev.part and by_kind and \
            not part_here and listing and (
            (broke and (not indicator or parts_follow or (
                total is not None and seg_mentions and period != total.period) or (
                total is not None and not v.percent and bool(v.unit and total.unit)
                and not _same_unit(total.unit, v.unit) and not _unit_head(total.unit, v.unit))))
            or (not indicator and parts_follow and not v.percent and here is None
                and seg_mentions and period != prev.period))
        source_frame = prev
        if ends_list:
            source_frame = total if total is not None and not total.part else None
            total, listing = None, False
            if source_frame is not None and indicator and fold(source_frame.indicator).lower(
            ).startswith(fold(indicator).lower() + " "):
                # "giải ngân vốn đầu tư công 615 tỷ đồng, trong đó ...; lũy kế 5 tháng giải
                # ngân 2.870 tỷ đồng": the whole's verb said again without its object
                indicator = source_frame.indicator
        indicator = _object_carried(indicator, source_frame, pre_f)
        if doer and prev is not None and prev.measure == "level" and not broke and \
                not part_here and not listing and here is None and not v.percent and \
                _SERIAL_VERB.match(pre_f) and not lead_verb(
                    _strip_mentions(pre_raw, mentions, seg_start)):
            # "lực lượng quản lý thị trường đã kiểm tra 1.126 vụ, xử lý 684 vụ vi phạm, thu
            # nộp ngân sách 5,2 tỷ đồng": verbs in series after one doer each keep it, with
            # their own verb and object -- not a bare "xử lý" (bt18-c17 failure 5)
            indicator = with_doer(doer, indicator or (item if item.islower() else ""))
        # "tại cửa khẩu Tân Thanh còn 1.350 xe hàng chờ": a place the clause begins with is
        # where the count stands, not what it counts
        lower = clause.lower()
        place_word = (_PLACE_FIRST_PLAIN if fold(lower) == lower else _PLACE_FIRST).match(lower)
        place = f"{place_word.group(1)} {indicator}" if place_word and indicator else ""
        if is_place(indicator, _PLACE_NAMES):
            # "toàn huyện có 36 hợp tác xã", "toàn tỉnh Lạng Sơn có 191 sản phẩm": where the
            # count stands; said with it when named and not the reports' own province
            named = area_name(indicator)
            area = indicator[:1].lower() + indicator[1:] if named and not \
                indicator.startswith(named) else indicator  # "Toàn huyện Văn Lãng"
            place = f"tại {area}" if named and fold(named).lower() not in (
                fold(HOME_PLACE), fold(f"tỉnh {HOME_PLACE}")) else ""
            indicator = ""
        venue = ""
        if indicator and not place and ":" not in clause and receives_visits(
                lead_verb(_strip_mentions(pre_raw, mentions, seg_start)), v.unit, indicator):
            # (a section's label, "Du lịch: ... toàn tỉnh đón", is read below: _label_of_one_topic)
            # "các khu, điểm du lịch trên địa bàn tỉnh đón khoảng 412.000 lượt khách": the
            # subject of a verb receiving visits is where they come, and what is counted
            # ("lượt khách") the indicator -- read as the subject, the total lost to its part
            # "khách lưu trú 52.300 lượt" (issue 17 bt17g; brief visitorcount)
            venue, indicator = indicator, ""
        if place:
            indicator = ""
        # "đến nay con số này đã tăng lên 74 sản phẩm": the figure stated before, of another
        # time -- what it counts is the earlier figure's
        bare = fold(_bare(v.unit)).lower()
        asked_words = fold(ctx.asked).lower().replace(",", " ").split()
        if ctx.asked and bare and set(fold(indicator).lower().replace(",", " ").split()) <= \
                set(asked_words) and re.search(rf"(?<!\w){re.escape(bare)}(?!\w)",
                                               " ".join(asked_words)):
            # "Phóng viên hỏi: Số xã đạt chuẩn ... đến nay là bao nhiêu? -- ... trả lời: Đến
            # cuối năm 2052 toàn tỉnh có 38 xã ...": a count named by no more than what it
            # counts and words of the question ("Hỏi: Số chợ được cải tạo, nâng cấp ...?
            # Đáp: ... đã cải tạo, nâng cấp 64 chợ"), in the answer to a question naming
            # what it counts, is of the question's subject
            # (rag.vi.frames.context.asked_subject; break-test b17 round 15, failure 3)
            indicator = ctx.asked
        antecedent = ctx.stated if _ANAPHOR.search(fold(indicator).lower()) or \
            _BARE_ANAPHOR.fullmatch(indicator.strip().lower()) or (
                ctx.stated is not None and pointing_back(indicator, ctx.stated.indicator)) \
            else None
        if antecedent is None and indicator and ctx.stated is not None and \
                set(fold(indicator).lower().split()) <= _PLAN_WORDS and \
                re.search(rf"\b{_PLAN_HEAD}\b", fold(indicator).lower()) and \
                _same_unit(ctx.stated.unit, v.unit) and ctx.stated.indicator:
            # "... đến ngày 25/9/2053 con số này là 47 xã. Mục tiêu năm 2053 là 52 xã": a
            # target named by no more than "mục tiêu", "kế hoạch", "chỉ tiêu" is of the level
            # stated before it in its unit (break-test b17 round 15, failure 3); a plan's head
            # word is needed, as "dê" (a goat) folds to the "de" of "đề ra"
            antecedent = ctx.stated
        if antecedent is None and _OFFICIAL.fullmatch(fold(indicator).lower().strip()):
            # "Số liệu chính thức tháng 10/2030 đạt 4.236 tỷ đồng": of the last figure stated
            # in its unit -- a change as well as a level ("GRDP ước tăng 7,61%; số liệu chính
            # thức quý III/2033 tăng 6,94%", break-test b17 F3)
            antecedent = next((f for f in (ctx.recent, ctx.stated)
                               if f is not None and _same_unit(f.unit, v.unit)), None)
            if antecedent is None and ctx.heading_subject:
                # under "a) Tổng mức bán lẻ hàng hóa ...": "Số chính thức tháng 4/2014 đạt
                # 1.018,7 tỷ đồng" restates the sub-heading's indicator (dev2 e114)
                indicator = ctx.heading_subject
        if antecedent is None and ctx.said is not None and ctx.said.end <= base and \
                _same_unit(ctx.said.unit, v.unit) and shortened_of(indicator, ctx.said.indicator) \
                and not _group_dropped(indicator, ctx.said.indicator):
            # "Quý III, tổng kim ngạch xuất nhập khẩu ... qua các cửa khẩu trên địa bàn đạt
            # 1.842 triệu USD." then "Lũy kế 9 tháng, kim ngạch qua địa bàn đạt 5.217 triệu
            # USD": a later sentence of the paragraph naming the figure before by a short
            # form of its name is of the same indicator (issue 17 bt14-b17 failure 1)
            antecedent = ctx.said
        if antecedent is not None:
            indicator = antecedent.indicator
        over_plan = v.percent and bool(_OVER_PLAN_BEFORE.search(pre_f.lower()))
        if over_plan and set(fold(indicator).lower().split()) <= _PLAN_WORDS:
            indicator = ""  # "..., vượt kế hoạch 8,5%": of the figure before
        measure, direction = measure_of(v, pre_raw, pre_f, tail_f, indicator, sentence)
        linked = _VERB_COMPARED_LINK.search(pre_f) if cb and measure == "level" else None
        if linked is not None:  # "tăng so với tháng 9 là 6 triệu kWh": a change, not a level
            measure, direction = "change", (1 if linked.group(1) == "tang" else -1)
        elif cb is not None and measure == "level" and equals_compared(v, cb.group(0)):
            measure = "index"  # "so với kỳ gốc năm 2064 CPI tháng 10 bằng 112,46%"
        elif leading is not None and measure == "level" and v.start > leading.end() and \
                equals_compared(v, pre_f):
            # "So với kỳ gốc 2064, CPI tháng 7/2068 bằng 114,62%": the base set off by a comma
            # at the sentence's head, the index named by any name ("CPI", "IIP"; break-test
            # s46 bt17v) -- its base the leading one (below), never its period
            measure = "index"
        if compared_first is not None and measure == "level":
            # "2,31%, thấp hơn quý III 0,12 điểm phần trăm": the difference from the period
            # named between the comparative and its value, that period its base
            direction, comparison_at = compared_first[0], compared_first[2]
            measure = "change"
            base_at = next((x.period for x in mentions
                           if (x.start, x.end) == comparison_at), None)
            if base_at is not None and base_at.kind == "year" and source != "own" and \
                    period is not None and period.kind != "year" and \
                    period.start.year == period.end.year == base_at.end.year + 1:
                # "đạt 845 MW vào ngày 12/7/2071, cao hơn Pmax năm 2070 là 62 MW" in the report
                # of tháng 10/2071: the year's against the year before, not the report's month
                period, source = year_period(period.end.year), "sentence"
            if base_at is not None and period is not None and base_at.start > period.start \
                    and base_kind(period, base_at) in ("same_period", "previous"):
                # "Tháng 8/2037, ... đạt 1.105 tấn, thấp hơn tháng 8/2038 là 135 tấn": said
                # from the earlier side -- the change of the later period against this one,
                # its sign flipped (break-test b17 failure 2)
                flipped = period.label
                period, source, direction = base_at, "own", -direction
        if against_plan is not None:
            measure = "change"
            direction = -1 if against_plan.group(1) in ("thap", "it", "cham") else 1
        if over_plan and plan_difference is None:
            measure, direction = "plan_share", 0
        if plan_difference is not None:
            measure, direction, comparison = "level", 0, None
        if from_plan is not None:
            measure, (direction, comparison) = "change", from_plan
        if measure == "level" and v.percent and prev is not None and prev.kind == "ratio" \
                and ratio_percent(prev.value, v.low):
            # "156/200 xã có chợ, đạt 78%": the share the count is of its total (issue 17
            # K15) -- no share of a plan, nor a level that "bao nhiêu xã" could take
            measure = "share"
        if measure == "level" and v.percent and prev is not None and prev.kind == "percent" \
                and prev.measure in ("share", "plan_share") and not broke:
            measure = prev.measure  # "chiếm 23,7% và dịch vụ 50,3%": the same measure
        if measure == "level" and not v.percent and prev is not None and \
                prev.measure == "change" and prev.kind != "percent" and v.unit and \
                not _same_unit(prev.unit, v.unit) and _AND_ONLY.fullmatch(pre_f) and \
                any(f.measure == "level" and _same_unit(f.unit, v.unit) for f in frames):
            # "có 412 hợp tác xã với 9.860 thành viên, ... tăng 37 hợp tác xã và 1.215 thành
            # viên": a count of another unit joined to a change by "và" alone, in the unit of
            # a level the sentence stated, is a change too -- of that level (below)
            measure, direction, comparison = "change", prev.direction, prev.comparison
        if measure in ("level", "change") and v.percent and prev is not None \
                and prev.kind == "percent" and comparison is None \
                and prev.measure == "change" and not broke and _COMPARED_RATE.search(pre_f) \
                and period is not None and period == prev.period \
                and (of_year := _OF_YEAR_BEFORE.match(tail_f)) is not None \
                and (earlier := year_before(period, int(of_year.group(1)) if of_year.group(1)
                                             else None)) is not None:
            # "đạt 7,08%, thấp hơn mức 7,45% của năm trước", "thấp hơn mức tăng 7,48% của cùng
            # kỳ năm 2035": the rate of the year before (or named) the figure compared with it
            # (break-test b17 F1, A; tests/test_stated_differences.py)
            period, source = earlier, "own"
            measure, direction = prev.measure, prev.direction
        if measure == "level" and v.percent and prev is not None and prev.kind == "percent" \
                and prev.measure == "change" and not broke and _COMPARED_RATE.search(pre_f) \
                and period is not None and period != prev.period:
            # "tăng trưởng ... đạt 7,08%, thấp hơn mức 7,45% của năm trước": the rate compared
            # is the same change of another period (break-test b17 F1), no level; one left
            # with the sentence's period ("cao hơn mức 7,52% của cùng kỳ năm 2018", dev2 e14,
            # its base not read as its period) stays no answer for that period
            measure, direction = prev.measure, prev.direction
        if measure == "change" and v.percent and indicator and prev is not None and not broke \
                and prev.measure == "level" and prev.kind != "percent" and prev.indicator \
                and not prev.target and not part_here and bracketed is None \
                and growth_named_only(indicator):
            # "GRDP ... ước đạt 19.870 tỷ đồng, tăng trưởng 7,42% so với cùng kỳ", "..., tốc độ
            # tăng trưởng đạt 8,1%": a growth that names no indicator of its own after a level
            # of its clause is that level's change, as ", tăng 7,42%" is (break-test bt17h)
            indicator = ""
        parent, part, basis = "", part_here, bases_of(fold(text_pre))
        if antecedent is not None:
            parent, basis = antecedent.parent, basis or antecedent.basis
        inherited = None
        if (bracketed is not None or relative_period is not None) and prev is not None:
            indicator, measure = "", prev.measure
            if not _same_unit(prev.unit, v.unit) and (base_level is not None or (
                    prev.measure == "change" and prev.kind == "percent" and v.kind != "percent")):
                # the base's level, not a change: the indicator of the level it is compared to
                # (the change's own when no level of the unit came before it)
                measure = "level"
                if base_level is not None:
                    direction, source_frame = base_level.direction, base_level
            elif prev.measure == "change" and _bare(prev.unit) == "lần" and \
                    _bare(v.unit) != "lần":
                # a multiple's base ("gấp 1,5 lần năm 2070 (52,3 triệu đồng)", "tăng hơn 2
                # lần so với năm 2035 (N)") is the level of the period it is a multiple of,
                # whatever its unit: a multiple has no unit of its own to be a change in
                # (issue 17 bt22-b17 failure 6; tests/test_asked_base_year.py)
                measure, direction = "level", 0
                if base_level is not None:
                    source_frame = base_level
            elif prev.measure == "change" and prev.kind != "percent" and v.kind == prev.kind:
                # a difference's base in the difference's own unit ("tăng 58 sản phẩm so với
                # thời điểm 31/12/2072 (289 sản phẩm)") is the indicator's level there; a
                # rate's ("đạt 7,12%, cao hơn năm 2018 (6,84%)") stays the rate of the base
                # (issue 17 bt21-b17 failure 1)
                measure, direction = "level", 0
                if base_level is not None:
                    source_frame = base_level
        own_basis = basis
        # the figure a verbless "cùng kỳ" clause restates a year earlier: the one before, or,
        # past its change ("đạt 3.420 tỷ đồng, tăng 12% so với cùng kỳ (cùng kỳ đạt 3.054 tỷ
        # đồng)"), the last level of the value's kind and unit (issue 17 s36 fg)
        restated_of = prev if prev is not None and prev.kind == v.kind and \
            _same_unit(prev.unit, v.unit) else next(
                (f for f in reversed(frames) if f.measure == "level" and f.kind == v.kind
                 and _same_unit(f.unit, v.unit) and not f.target), None) \
            if prev is not None and prev.measure == "change" and not broke else None
        if restated_of is None and n == 0 and same_opening is not None and ctx.said is not None \
                and ctx.said.end <= base and ctx.said.kind == v.kind and \
                _same_unit(ctx.said.unit, v.unit) and restates_before(same_opening, pre_f):
            # "... đạt 4.312,8 triệu USD. Cùng kỳ năm 2069 chỉ đạt 3.904,6 triệu USD.": a
            # sentence naming no indicator restates the level said last, a year earlier
            # (break-test bt22b)
            restated_of = ctx.said
        same_before = (_SAME_PERIOD_CLAUSE.fullmatch(pre_f) or (
            same_opening if n == 0 and same_opening is not None and
            restates_before(same_opening, pre_f)
            else None)) if restated_of is not None and \
            bracketed is None and not part_here and not seg_mentions and \
            restated_of.period is not None and not restated_of.part else None
        earlier_same = year_before(restated_of.period, int(same_before.group(1))
                                   if same_before.group(1) else None) \
            if same_before is not None and restated_of is not None \
            and restated_of.period is not None else None
        if earlier_same is not None and restated_of is not None:
            # "sản lượng thủy sản đạt 12.400 tấn; cùng kỳ năm trước 11.870 tấn": a verbless
            # clause giving the same period a year before -- the figure before's indicator of
            # that period, no comparison nor an item of a list (issue 17 bt13-b17 failure 2)
            period, source, item, indicator = earlier_same, "own", "", ""
            source_frame, measure, direction = restated_of, restated_of.measure, \
                restated_of.direction
            comparison = None
            cb = cb or same_before
        if not indicator and measure == "change" and source_frame is not None and \
                source_frame is prev and not part_here and not broke and \
                (head_frame := _apposition_head(prev, frames, folded, base, v.start)) is not None:
            # "đạt 21.460 lượt xe, bình quân khoảng 715 xe/ngày, tăng 18,2% so với tháng 10",
            # "1.240 tỷ đồng, tương đương 52 triệu USD, tăng 9,1%": a change after an average
            # or an equivalent set off after the level is the head indicator's; the average
            # keeps its own level (bt15-b17 failure 4)
            source_frame = head_frame
        # "trong 5 ngày nghỉ lễ ..., tỉnh đón 186.500 lượt khách": a length of time said
        # before a value in another unit is when the value is, not what it counts (bt20-b17
        # failure 2) -- but for the occasion it is named by ("Riêng dịp nghỉ lễ Quốc khánh
        # 2/9/2023 (4 ngày), toàn tỉnh đón khoảng 115.000 lượt khách": dev d064)
        span_of_time = source_frame is not None and not v.percent and bool(v.unit) and \
            fold(_bare(source_frame.unit)).lower() in _DURATIONS and \
            not _same_unit(source_frame.unit, v.unit) and \
            not _OCCASION_NAMED.search(fold(source_frame.indicator).lower())
        if not indicator and source_frame is not None and not part_here and \
                not span_of_time and (not broke or cb or same_day_on or any(
                    ";" not in folded[x.start:v.start] for x in seg_mentions)):
            indicator, parent, part = source_frame.indicator, source_frame.parent, \
                source_frame.part
            basis = basis or source_frame.basis
            inherited = source_frame
            if measure == "level" and v.percent and source_frame.kind != "percent" \
                    and source_frame.measure == "level" and re.search(r"\bdat\s*$", pre_f):
                # "doanh thu 3.177 tỷ đồng (đạt 73,8%, ...)": the share of the plan -- but
                # "1.127.850 người, đạt 93,4% dân số" is the share of the whole it names
                # (break-test bt25-b16 failure 5; dev3 r17 "bằng 94,3% diện tích gieo cấy")
                measure, comparison = ("share", None) if _WHOLE_AFTER.match(tail_f.lower()) \
                    else ("plan_share", "kế hoạch")
        elif listing and total is not None:
            part = True
        # -- or whose unit that one's heads: "21 cụm công nghiệp ... 1.048 ha (cuối năm 2071
        # có 19 cụm, 952 ha)" -- each listed value takes the noun its own unit names, never
        # the area's (bt20-b17 failure 5)
        own_unit = next((f for f in reversed(frames) if f is not inherited and f.unit and
                         f.indicator and f.kind != "percent" and not f.target and not f.part
                         and (_same_unit(f.unit, v.unit) or _unit_head(f.unit, v.unit))),
                        None) \
            if v.unit and not v.percent and (
                (inherited is not None and inherited.kind != "percent" and not _same_unit(
                    inherited.unit, v.unit) and not _unit_head(inherited.unit, v.unit))
                or (inherited is None and not indicator and not part_here and not listing
                    and prev is not None and not _same_unit(prev.unit, v.unit))) else None
        if own_unit is not None:
            # "có 1.086 cơ sở lưu trú với 18.420 buồng; so với ... tăng 74 cơ sở": a figure
            # whose own unit is another than the figure before's is of the sentence's last
            # figure in that unit, not of the nearest noun (issue 17 bt16-b17)
            indicator, parent, part = own_unit.indicator, own_unit.parent, own_unit.part
            basis, inherited = own_basis or own_unit.basis, own_unit
        # "..., khu vực nông thôn là 1,63%" after "Tỷ lệ thất nghiệp khu vực thành thị là
        # 3,02%": a comma's item repeating the qualifier's opening words of the indicator
        # before is the next of its list, as after a ";" (bt26-b17 failure 3)
        parallel = prev is not None and not broke and "," in pre_f and \
            parallel_item(prev.indicator, item)
        shared = listed_item(prev.indicator, item) if prev is not None and (
            broke or parallel) and \
            not part_here and not listing and not prev.part and prev.measure == measure \
            and prev.kind == v.kind and _same_unit(prev.unit, v.unit) and item and \
            (not indicator or indicator == item) and bracketed is None else ""
        if shared and prev is not None:
            # "diện tích gieo trồng lúa đạt 48.250 ha; ngô 17.630 ha": the item after the ";"
            # takes the measure words of the one before in place of its item, neither its
            # bare name nor the item before's whole indicator (bt10-b16 failure 1)
            indicator, parent, part, basis = shared, prev.parent, False, own_basis or prev.basis
        # a list item read as the words after the value before ("157 tỷ đồng và chợ Kỳ Lừa"):
        # its own words are the sentence's between the two values
        at_place = listed_place(clause or (sentence[values[n - 1].end:v.start] if n else "")) \
            if bracketed is None and not v.percent else ""
        of_list = (total if part_here and total is not None else next(
            (f for f in (inherited, prev) if f is not None and f.measure == measure
             and f.kind == v.kind and _same_unit(f.unit, v.unit)), None)) if at_place else None
        colon = sentence.rfind(":", 0, v.start) if at_place else -1
        # "Doanh thu các chợ năm 2068: chợ Đông Kinh 412 tỷ đồng, ...": what a list after a
        # lead-in counts is the lead-in's noun
        lead_what = _without_place(clean_indicator(_strip_mentions(
            sentence[:colon], mentions, 0))) if colon > 0 else ""
        if at_place and (of_list is not None or lead_what):
            # "huyện Lộc Bình 31 sản phẩm và thành phố Lạng Sơn 28 sản phẩm", "..., trong đó
            # riêng cửa khẩu Tân Thanh 2.650 xe": what the list counts, at the place named right
            # before the value -- not the item before's place (bt17 wrong figures 1-2)
            what_of = (_without_place(of_list.indicator) if of_list is not None else "") \
                or lead_what or (_counted(of_list) if of_list is not None else "")
            indicator = f"{what_of} tại {at_place}"
        if part and total is not None and (total is not prev or not parent):
            parent = total.indicator or total.parent
            basis = inherit_bases(basis, total.basis)
        if not indicator and not parent:
            parent = ctx.subject
        # in a forecast-led sentence a value whose own clause names its period is done only
        # when that clause says so: "Dự báo quý IV/...: ... vụ Mùa ước đạt khoảng 150.000
        # tấn, đưa cả năm đạt khoảng 618.000 tấn" forecasts the year (bt25-b17 mislabel)
        done_from = prev_end if seg_mentions else 0
        target = bool(TARGET.search(unplanned(last_clause(text_pre)))) \
            or states_requirement(last_clause(text_pre)) \
            or ctx.heading_target or bool(
            TARGET_AFTER.match(fold(sentence[v.end:nxt]).strip())) \
            or assigned(ctx, period, measure) or (part and listing and of_target) \
            or (forecast and not _DONE.search(folded[done_from:v.start].lower())) \
            or (lead_target and here is None and not _DONE.search(
                folded[max(folded.rfind(";", 0, v.start), folded.rfind(":", 0, v.start)) + 1:
                       v.start].lower()))
        if plan_difference is not None:
            target = True  # the plan's own value (above)
        own_kind = said_forecast(last_clause(text_pre))[0]
        target = target or own_kind == "forecast"
        if not target and aim_listed and prev is not None and prev.target and not broke:
            target = listed_aim_item(sentence[values[n - 1].end:v.start], tail_f)
        aim_listed = target and (aim_listed or bool(_LIST_AIM.search(unplanned(last_clause(
            text_pre)))))
        forecast_of = target and bool(_FORECAST_WORD.search(unplanned(last_clause(text_pre))) or (
            (forecast or lead_target) and _FORECAST_WORD.search(unplanned(lead))))
        if measure == "plan_share":
            # the plan as written: "bằng 54,2% dự toán" is of a budget estimate, no plan
            # (issue 16 bt12-b16 minor); "% KH", "kế hoạch" and anything else: "kế hoạch"
            target, comparison = False, plan_word(folded[v.end:nxt])
        plan_from = plan_end if prev is not None and prev.measure == "plan_share" else -1
        if plan_from < 0 and n and prev is not None and prev.measure == "level" and \
                not prev.target and not prev.part and _same_unit(prev.unit, v.unit):
            # "11 tháng đạt 412 nghìn lượt (mục tiêu cả năm 480 nghìn lượt)", "...; kế
            # hoạch cả năm là 1.800 tỷ đồng": a plan named right after a result, in
            # brackets or a clause of its own, is that result's plan (issue 17 bt14-b17 3)
            brk = max(folded.rfind(c, 0, v.start) for c in "(;,")
            if brk >= values[n - 1].end and not folded[values[n - 1].end:brk].strip():
                plan_from = brk + 1
        met_share = False  # "2.140 lao động, vượt kế hoạch (107%)": the share of the plan
        plan_level = False  # the plan after a difference from it is a level, no change
        if plan_from < 0 and n and prev is not None and not prev.target and not prev.part \
                and not broke and ("(" in folded[values[n - 1].end:v.start] or (
                    prev.measure == "change" and _LA_END.search(folded[:v.start]))):
            # "ước đạt 68.450 tấn, vượt 1.450 tấn so với kế hoạch (67.000 tấn)", "đạt 94,6%,
            # không đạt kế hoạch (96%)": the bracketed figure after a result measured against
            # its plan is that plan's own, a target of the result's indicator -- a percent of
            # a result that is no percent is the share of the plan (bt22-b17 failure 4)
            # a growth's plan: "GRDP tăng 6,81%, thấp hơn mục tiêu tăng trưởng cả năm (8,0%)"
            met = _PLAN_MET.match(folded, values[n - 1].end) if prev.measure == "level" or (
                prev.measure == "change" and _same_unit(prev.unit, v.unit)) else None
            against = prev.measure == "change" and bool(prev.comparison) and bool(re.match(
                _PLAN_HEAD + r"\b", fold(prev.comparison or "").lower()))
            if against and not v.percent:
                # "vượt 2.100 tấn so với kế hoạch (39.200 tấn)": a difference from the plan,
                # the plan's own level after it
                plan_from, plan_level = values[n - 1].end, True
            elif met is not None and (not v.percent or prev.kind == "percent"):
                plan_from = met.end()
            elif met is not None and prev.kind != "percent" and prev.measure == "level":
                met_share = bool(_PLAN_NAMED.fullmatch(folded[met.end():v.start].lower()))
        named_plan = _PLAN_NAMED.fullmatch(_blank(folded[plan_from:v.start], [
            (x.start - plan_from, x.end - plan_from) for x in mentions
            if plan_from <= x.start < v.start])) \
            if plan_from >= 0 and (not v.percent or (prev is not None and prev.kind == "percent"
                                                     and prev.measure in ("level", "change"))) \
            and bracketed is None else None
        if named_plan is not None and prev is not None and plan_from == plan_end and \
                reached_in_brackets(folded, plan_from, v.start, v.end, [
                    f for f in frames if f.start - base >= folded.rfind(";", 0, v.start)
                    and f.measure == "level" and not f.target and _same_unit(f.unit, v.unit)]):
            # "tỷ lệ giải ngân mới đạt 52,6% kế hoạch (3.305 tỷ đồng)": the amount the share
            # reached, said only in brackets -- no plan (bt17m)
            named_plan = None
            indicator, parent, part, basis = reached_indicator(prev.indicator), prev.parent, \
                prev.part, prev.basis
            measure, direction, target, comparison = "level", 0, False, None
        if met_share and prev is not None:
            indicator, parent, part, basis = prev.indicator, prev.parent, prev.part, prev.basis
            measure, direction, target, comparison = "plan_share", 0, False, "kế hoạch"
        if named_plan is not None and prev is not None:
            # "đạt 2.846 tỷ đồng, bằng 61,9% chỉ tiêu được giao là 4.600 tỷ đồng", "bằng 58%
            # kế hoạch năm (kế hoạch năm 2047 là 2.150 tỷ đồng)": the plan the share is of,
            # a target of the same indicator, of the year of the plan unless the clause
            # names its own period (a plan of a quarter or month keeps the share's)
            indicator, parent, part, basis = prev.indicator, prev.parent, prev.part, prev.basis
            # a growth's plan in the growth's own unit is a change set as a target
            grows = prev.measure == "change" and _same_unit(prev.unit, v.unit) and not plan_level
            measure, direction = ("change", prev.direction) if grows else ("level", 0)
            target, comparison = True, None
            # the plan's own period as its words name it ("mục tiêu cả năm (mục tiêu 160 tỷ
            # đồng)", "kế hoạch quý III là ..."), not the result's clause (bt14-b17 failure 3)
            # -- "kế hoạch năm 2072 (3 triệu lượt)": a year read as compared is the plan's
            own_named = [x for x in mentions if plan_from <= x.start < v.start]
            if own_named:
                period, source = own_named[-1].period, "own"
            elif prev.period is not None and not named_plan.group(1):
                period, source = year_period(prev.period.end.year), "own"
        tail_raw = sentence[v.end:nxt].lower()
        cm = (_COMPARISON_PLAIN if fold(tail_raw) == tail_raw else _COMPARISON).match(tail_raw)
        if cm and not cm.group(1).strip():
            # "đạt 412,5 triệu kWh, bằng 107,4% so cùng kỳ": a "bằng" right before the next
            # value is that value's verb (an index), no comparison of this one
            cm = None
        if cm and n + 1 < len(values) and \
                _NEXT_VALUES_VERB.match(folded[v.end + cm.end():nxt]):
            cm = None  # "đạt 980 triệu kWh, so với năm 2020 tăng 210 triệu kWh"
        if cm and comparison is None:
            comparison = sentence[v.end + cm.start(1):v.end + cm.end(1)].strip() or None
        if comparison is None and leading is not None and measure in ("change", "index") \
                and v.start > leading.end():
            # "So với năm 2020, giá trị sản xuất công nghiệp tăng 25,3%": its clause's base
            comparison = sentence[leading.start(1):leading.end(1)].strip()
        relative = _RELATIVE_VERB.search(pre_raw) if measure == "change" else None
        if comparison_at is not None:
            # "thấp hơn so với tháng 9 là: ...": the comparative before "so với" (bt7-b17
            # failure 1); the period flipped to wins over that "so với" read as the comparison
            relative = _RELATIVE_VERB.search(_SO_VOI_END.sub("", sentence[:comparison_at[0]]))
            comparison = flipped or comparison or sentence[comparison_at[0]:comparison_at[1]]
        if relative and comparison is None and fold(relative.group(0)).strip() == "gap":
            multiple = _MULTIPLE_OF.match(sentence[v.end:nxt])
            comparison = multiple.group(1).strip() if multiple else None
        else:
            multiple = None
        skip = cm.end() if cm else multiple.end() if multiple else 0
        if measure == "plan_share":
            pm = _PLAN_TAIL.match(tail_f)
            skip = max(skip, pm.end() if pm else 0)
        # "412.000 tấn trong 10 tháng, trong đó ...", "84.000 lượt khách trong tháng 9": a
        # period said after the value is the figure's period (read above), no words of what
        # it counts -- its number left behind made a unit "tấn 10" (bt17-b17 failure 2)
        # -- those of its own clause only: one past a ";" is the next clause's, its digits
        # still ending the words an "đạt" leads to ("... đạt chuẩn từ 2 sao trở lên; đến
        # ngày 30/9/2025 có 131 cửa hàng")
        after = sentence[v.end + skip:nxt]
        stop = re.search(r"[,;()]", after)
        said_after = [x for x in own if x.start < v.end + skip + (stop.start() if stop
                                                                  else len(after))]
        detail, detail_len = read_detail(_strip_mentions(after, said_after, v.end + skip),
                                         counted=v.kind == "count" and bool(v.unit)
                                         and not skip)
        classed_after = bool(graded_classes(detail))
        owner = _OWNER.match(sentence, v.end + skip, nxt) if part and not detail else None
        if owner is not None:
            # "136 cửa hàng ..., trong đó 21 cửa hàng của Công ty Xăng dầu Bắc Thái": a part
            # named by its owner -- what tells it from its whole and the other parts
            rest, rest_len = read_detail(sentence[owner.end():nxt])
            if rest:
                detail = f"của {rest}"
                detail_len = owner.end() - v.end - skip + rest_len
        listed_at = _PARTS_LISTED.search(folded, v.end + skip, nxt) if nxt < len(sentence) \
            else None
        if listed_at is not None:
            # "58 sản phẩm được công nhận đạt chuẩn OCOP, trong đó 9 sản phẩm 4 sao": what
            # stands between a total and the "trong đó" listing its parts says what the total
            # counts; the parts' own words begin after it
            gap = _strip_mentions(sentence[v.end + skip:listed_at.start()], mentions,
                                  v.end + skip)
            detail = clean_indicator(" ".join(gap.split()), keep_digits=True) or detail
            detail_len = listed_at.start() - v.end - skip
        ranked = rank_tail(folded[v.end + skip:nxt].lower()) if measure == "rank" else None
        if ranked is not None:
            # "xếp thứ 9/63 tỉnh, thành phố về tổng lượt khách và thứ 14/63 về tổng thu": the
            # set a rank is in is its detail, the "về ..." after it what it is a rank of --
            # neither left for the rank coordinated after it (rank_tail)
            own_len, of_span = ranked
            at = v.end + skip
            ranked_in = sentence[at:at + (of_span[0] if of_span else own_len)]
            detail = read_detail(re.sub(r"[\s,]*(?:về|ve)\s*$", "", ranked_in,
                                        flags=re.IGNORECASE))[0]
            detail_len = own_len
            if of_span is not None and (rank_of := clean_indicator(
                    sentence[at + of_span[0]:at + of_span[1]])):
                indicator, parent, part, basis, inherited = rank_of, "", False, own_basis, None
        # "có 320 doanh nghiệp làm thủ tục hải quan": a basis named by the words the value
        # counts, after it, is the figure's as one named before it is
        # -- read from the words as written, before cleaning drops "bình quân mỗi" ("845,2
        # triệu đồng bình quân mỗi cơ sở": per unit, as "bình quân mỗi cơ sở đạt 845,2 ...")
        written = sentence[v.end + skip:v.end + skip + detail_len] if detail_len else ""
        said_of = _HOLIDAY_NAMES.sub(" ", fold(f"{written} {detail}").lower())
        basis = inherit_bases(bases_of(said_of), basis) \
            if detail else basis
        detail = per_unit_as_written(written, detail)
        if prev is not None and not broke and prev.kind != "percent" and \
                _same_unit(prev.unit, v.unit):
            detail = completed_level(detail, prev.detail)
        # "có 41 chuỗi liên kết sản xuất; đến tháng 8/2038 có 47 chuỗi": a unit that is the
        # head of the figure before's ("chuỗi" of "chuỗi liên kết") counts the same things
        headed = inherited is not None and inherited.kind != "percent" and \
            _unit_head(inherited.unit, v.unit)
        other_unit = not _same_unit(inherited.unit, v.unit) and not headed \
            if inherited is not None else False
        if inherited is not None and measure == "level" and not v.percent \
                and not re.search(r"\d", detail) and (
                (inherited.start in counted_at and (detail or other_unit)) or
                (detail and inherited.kind != "percent" and other_unit)):
            # "có 7 nhóm tăng giá, 2 nhóm giữ ổn định"; "đạt 1 036 tỷ đồng, xây mới 1 284 km
            # đường dây": a level that says what it counts, in another unit than the figure
            # before or after one named only by what it counted, is not of that figure
            indicator, parent, part, basis, inherited = "", "", part_here, own_basis, None
        if inherited is not None and measure == "level" and detail and \
                (swapped := other_event(indicator, detail)):
            # "Số doanh nghiệp thành lập mới ... là 214 doanh nghiệp ...; 87 doanh nghiệp giải
            # thể": a count whose own words name another event is that event's (s47 bt18a)
            indicator, detail = swapped, ""
        if not detail and inherited is not None:
            # "có 214 sản phẩm OCOP ...; đến hết tháng 8/2026 có 231 sản phẩm": what the
            # figure before counted, its unit left out when it is this value's too
            # -- and when the unit is one but for its magnitude, what it counted beyond the
            # unit only: "đàn gia cầm 5,12 triệu con, nhiều hơn cùng kỳ là 140 nghìn con" is
            # no "140 nghìn con triệu con" (break-test b17 round 8 defect)
            detail = inherited.detail if inherited.kind != "percent" and (
                inherited.detail or (v.unit and inherited.unit != v.unit)) \
                and _same_unit(inherited.unit, v.unit) else _counted(inherited)
            if v.unit and inherited.unit and inherited.kind != "percent" and \
                    not _same_unit(inherited.unit, v.unit):
                # "rút ngắn từ 2 - 3 giờ xuống còn 15 - 20 phút": a value with its own unit
                # takes what the figure before counted, not that figure's unit ("15 - 20
                # phút giờ"; b17 text defect)
                detail = inherited.detail
            if "/" in inherited.unit and "/" not in v.unit and \
                    _same_unit(inherited.unit, v.unit):
                detail = inherited.detail  # "đồng" of "đồng/kg": the unit is said already
            if headed:
                detail = " ".join(_bare(_counted(inherited)).split()[len(_bare(v.unit).split()):])
        if not detail and antecedent is not None and antecedent.unit == v.unit:
            detail = antecedent.detail
        if named_plan is not None and prev is not None and prev.kind == "percent" and \
                detail == prev.detail:
            # "bằng 37,8% kế hoạch vốn năm 2084 (4.344 tỷ đồng)": the share's words name the
            # plan and its year, nothing the plan's amount counts ("4.344 tỷ đồng vốn năm
            # 2084"; break-test bt17o)
            detail = ""
        if multiple:
            detail = ""  # "gấp 1,3 lần cùng kỳ": a multiple counts nothing of its own
        if measure == "plan_share" and inherited is not None and \
                inherited.measure == "plan_share" and detail == inherited.detail and \
                comparison != inherited.comparison:
            # "đạt 24,9% dự toán Bộ Tài chính giao và đạt 22,3% chỉ tiêu phấn đấu do UBND tỉnh
            # giao": whose plan the share before is of is no word of this one's (s47 bt18a)
            detail = ""
        class_before = _CLASS_BEFORE_VALUE.search(last_clause(pre_raw))
        if class_before is not None and not v.percent and not classed_after:
            # "hạng 1: 3 chợ, hạng 2: 12 chợ": a class named before its count's ":" is what
            # the count is of, as "3 chợ hạng 1" is (its number no word of the indicator)
            detail = " ".join(class_before.group(1).split())
        counted = _bare(v.unit)
        # what the value counts, up to a number or date after it ("lượt khách trong 6 tháng
        # đầu năm 2025": "lượt khách")
        what = clean_indicator(re.split(r"\s\S*\d", f" {detail}")[0])
        if what and detail.startswith("và "):  # "doanh nghiệp và hộ kinh doanh ...": both
            what = f"và {what}"  # counted (rag.vi.frames.indicators.read_detail)
        label = ""
        if indicator and what and _label_of_topics(clause, indicator, f"{counted} {what}"):
            indicator = ""  # the value's own noun names it (below), not its section's label
        elif indicator and not part and not v.percent and not is_money(v.unit) and \
                "/" not in v.unit and fold(counted).lower() not in _DURATIONS and \
                len(f"{counted} {what}".split()) >= 2 and _label_of_one_topic(clause, indicator):
            # "Du lịch: 6 tháng ..., toàn tỉnh đón 2,64 triệu lượt khách": the value's own
            # counted noun names it, with the label's words ("lượt khách du lịch"); the label
            # alone made a part ("khách lưu trú ... lượt") answer for the total (bt11-b17
            # failure 3)
            label, indicator = indicator, ""
        # "tổng thu từ du lịch đạt 4.870 tỷ đồng. Riêng dịp Tết ..., tỉnh đón 62.000 lượt
        # khách": a count is never of a subject stated in money (as in a "trong đó" list)
        foreign = parent == ctx.subject and ctx.whole is not None and \
            ctx.whole.indicator == ctx.subject and is_money(ctx.whole.unit)
        if not indicator and (not part or grantor) and not v.percent and (counted or what) \
                and "/" not in v.unit and not is_money(v.unit) \
                and fold(counted).lower() not in _DURATIONS and (
                what or place or not parent or foreign):
            # "toàn tỉnh có 214 sản phẩm OCOP", "tại cửa khẩu Tân Thanh còn 1.350 xe hàng chờ":
            # a sentence that names what it counts after the number, and nothing before it
            indicator = " ".join(x for x in (made_words if made_words and what else counted, what,
                                         f"được {grantor} {granted}" if grantor else "",
                                         place) if x)
            counted_at.add(base + v.start)
            if parent == ctx.subject:
                parent = ""
            if label and fold(label).lower() not in fold(indicator).lower():
                indicator = f"{indicator} {label.lower()}"
        elif label:
            indicator = label  # nothing of its own named it after all
        if venue and not indicator:
            indicator = venue  # nothing counted after the value after all
        elif venue and not parent:
            parent = venue  # where the visits were received, beside what they count
        if part and total is not None and _counted(total) not in parent and \
                not set(_bare(_counted(total)).split()) <= set(parent.split()):
            # not again when the whole's noun holds it but for magnitude words ("lượt khách
            # du lịch", not "lượt khách du lịch nghìn lượt khách du lịch")
            parent = " ".join(x for x in (parent, _counted(total)) if x)
        qualified = _qualified_by(detail, frames) if measure == "change" and v.percent \
            and not part_here else None
        if qualified is not None:
            # "..., vốn đăng ký 6.247 tỷ đồng, tăng 11,5% về số doanh nghiệp": the change is of
            # the indicator its "về"/"tính theo" names, not of the nearest noun (issue 17
            # bt9-b17 failure 8; tests/test_change_qualifier.py)
            qualifier, words = qualified
            if qualifier is not None:
                indicator, parent, part, basis = qualifier.indicator, qualifier.parent, \
                    qualifier.part, qualifier.basis
                if not parent and fold(indicator).lower() in _AMOUNT and frames and \
                        frames[0] is not qualifier and frames[0].indicator:
                    # "Xuất khẩu cà phê đạt 36 nghìn tấn, trị giá 98 triệu USD, ..., tăng 12,8%
                    # về giá trị": the value of what the sentence's first figure names
                    parent = frames[0].indicator
            else:
                indicator, parent, part = words, "", False
            inherited = qualifier
        # "Vụ Hè Thu 2043 gieo cấy 20.850 ha, sản lượng đạt 114.700 tấn" after "... gieo cấy
        # 21.300 ha lúa": a bare head is of the subject its paragraph named last (bt7-b17
        # failure 3); a figure naming one sets it for those after ("ngô" after "lúa" is ngô)
        if inherited is None and antecedent is None and (
                reporting_unit(indicator, _PLACE_NAMES) or (not indicator and measure == "rank"))\
                and (measure != "level" or v.percent or base + v.start not in counted_at) and \
                (about := _opened_topic(sentence, v.start, mentions)) and \
                not reporting_unit(about, _PLACE_NAMES):
            # "Về chỉ số năng lực cạnh tranh cấp tỉnh (PCI) năm 2072, tỉnh xếp thứ 11/63 tỉnh,
            # thành phố", "Về chỉ số hài lòng khách hàng năm 2070, Công ty đứng thứ 3/27":
            # the subject only says who reports; what is measured is the topic the clause
            # opens with (issue 17 bt17-b17 failure 5) -- not for a count that names what it
            # counts ("Về hạ tầng thương mại, toàn tỉnh có 156/200 xã có chợ")
            indicator, parent = about, ""
        topic = topic_named(indicator, "" if fold(detail).lower() in fold(v.unit).lower()
                            else detail)
        if topic is None and ctx.topic and inherited is None and antecedent is None:
            indicator = with_topic(indicator, ctx.topic)
        if same_opening is not None and (
                source in ("paragraph", "heading", "document")
                # "Cùng kỳ năm trước, giá trị sản xuất công nghiệp 5 tháng chỉ đạt 5.596 tỷ
                # đồng": a period named without its year is the one in force, a year earlier
                # too (break-test bt23, session 50: answered for 2061 at 1.0)
                or (same_before is None and not _YEAR_WRITTEN.search(folded, same_opening.end()))) \
                and \
                measure == "level" and not target and period is not None and (
                    earlier := year_before(period, int(same_opening.group(1))
                                           if same_opening.group(1) else None)) is not None:
            # "Cùng kỳ năm trước, kim ngạch xuất khẩu đạt 1.650 triệu USD": the period in force
            # a year earlier, as a period opening a sentence dates its levels (break-test bt22b)
            period, source = earlier, "own"
        # "ước vượt 1.150 triệu USD": more than 1.150 (rag.vi.frames.measures.over_amount)
        over = measure == "level" and over_amount(v, pre_f, sentence[v.end:nxt])
        frame = Frame(
            start=base + v.start,
            end=base + (sentence.index(")", exact.end) + 1 if exact is not None else v.end),
            quote=(base, base + len(sentence)),
            value=" ".join(x for x in (("hơn " if over else "") + _with_words(
                sentence, v, pre_f, measure), unit_added)
                           if x) + (f" ({exact.shown})" if exact else ""),
            low=v.low, high=v.high, unit=v.unit,
            kind=v.kind, measure=measure, indicator=indicator, parent=parent,
            context=ctx.heading, basis=basis, period=period, period_from=source,
            comparison=spelled_base(comparison),
            estimate=bool(_ESTIMATE.search(pre_f[-24:])) or (
                forecast_of and measure != "plan_share") or "estimate" in (own_kind, said_kind),
            target=target, approx=approx_before(sentence[:v.start]) or (
                "hơn" if over else None), part=part,
            direction=direction, detail=detail,
            aim=(target_aim(sentence[:v.start])
                 or (ctx.heading_aim if ctx.heading_target else ""))
            if target and measure != "plan_share" else "",
            whole=total.start if part and total is not None and total in frames else -1,
            verb=(opposite_comparative(relative.group(0).strip()) if flipped else
                  relative.group(0).strip()) if relative else "vượt" if measure == "plan_share"
            and (over_plan or _OVER_END.search(pre_f.lower())) else
            average_after(lead_verb(_strip_mentions(pre_raw, mentions, seg_start)),
                          tail_f if measure == "level" and not v.percent else "",
                          followed=n + 1 < len(values) and exact is None))
        frame = _average_of_head(frame, frames, folded, base) or frame
        frame = _undated_average(frame)
        frames.append(frame)
        if not doer and inherited is None and antecedent is None and not frame.part:
            doer = doer_of(frame.indicator)
        if topic is not None and not frame.part and here is None:
            ctx.topic = topic
        if frame.indicator and not frame.part and here is None:
            # what the text goes on about: not an aside in brackets ("đạt mục tiêu đề ra (7 -
            # 8%/năm). Cụ thể: năm 2016 tăng 10,14%; ..."); a target may be ("phấn đấu kim
            # ngạch xuất khẩu đạt 1.000 triệu USD. Hết tháng 6, đạt 520 triệu USD")
            ctx.subject = frame.indicator
            if not frame.target:
                ctx.recent = frame
            if frame.measure == "level":
                ctx.whole = frame
            elif (level := changed_level(frames)) is not None:
                ctx.whole = level  # "... 18.420 buồng; ... tăng 74 cơ sở. Trong đó có 43 ..."
        if frame.measure == "level" and not frame.part and not frame.target and here is None \
                and not (frame.period_from == "own" and span_length(frame, frame.period)):
            ctx.stated = ctx.said = frame
        prev = frame
        plan_end = v.end if measure == "plan_share" else -1
        seg_start = v.end + skip + detail_len
        if exact is not None:
            seg_start = max(seg_start, sentence.index(")", exact.end) + 1)
    outside = [x for x in carried if inside[id(x)] is None]
    if outside and any(x.start < values[0].start for x in outside):
        # "Năm 2028, GRDP tăng 7,05%, cao hơn mức tăng 6,42% của năm 2027.": the year of a
        # clause comparing with another period dates its own figure, not the sentences after
        outside = [x for x in outside if x.start < values[0].start or not _COMPARING.search(
            folded[_clause_start(folded, x.start):x.start])]
    if outside and (all(f.target for f in frames) or (
            _AIM_LEAD.match(fold(lead)) and not _AIM_MET.search(lead))):
        # "Tỉnh phấn đấu đến hết năm 2053 giải ngân trên 95% kế hoạch. Tỷ lệ giải ngân của
        # tỉnh hiện xếp thứ 12/63": the time a target is set for dates the target only, not
        # the sentences after it (issue 17 bt13-b17 failure 6; tests/test_compared_event_year.py)
        outside = []
    outside = [x for x in outside if not season_in_passing(sentence, x)]
    if outside and ctx.holiday is not None and _SINGLED_OUT.match(folded) and all(
            ctx.holiday.start <= x.period.start and x.period.end <= ctx.holiday.end
            and x.period.days < ctx.holiday.days for x in outside):
        # "Riêng ngày mùng 1 Tết (29/01/2025), ... đạt khoảng 31.000 lượt. Khu di tích đền
        # Mẫu Đồng Đăng đón ... 62.000 lượt trong cả kỳ nghỉ": a day of the holiday singled
        # out ("riêng") dates its own sentence; the sentences after are the holiday's again
        # (break-test s39 bt17b; "Riêng 2 ngày 30/4 và 01/5 ...", s39 G)
        outside = []
    outside = [x for x in outside if not singled_day(folded, x, outside, ctx)]
    if outside:
        ctx.paragraph_period = latest_stated(outside)
        ctx.year = ctx.paragraph_period.year
    frames = [as_of_point(f, sentence[:max(0, f.start - base)]) for f in frames]
    frames = added_and_total(sentence, base, frames)
    frames = before_after(sentence, base, frames, ctx.now)
    frames = listed_whole_bases(sentence, base, frames)
    frames = labelled_list_parents(sentence, base, frames)
    frames = lengths_in_clause(sentence, base, frames)
    frames = lengths_dated(sentence, base, frames, [f.period for f in ctx.levels if f.period] + [
        p for p in (ctx.holiday, ctx.paragraph_period) if p is not None])
    frames = of_base_length(frames)
    frames = clause_average_subject(sentence, base, frames)
    frames = national_average(sentence, base, frames)
    frames = [national_plan(f) for f in frames]
    ctx.levels.extend(f for f in frames if f.measure == "level" and not f.target
                      and f.period is not None and f.period_from in ("own", "sentence"))
    if part_of_whole_said(sentence, base, frames, ctx.subject):
        # "Khách quốc tế đạt 3.460 lượt, chiếm 3,6% tổng lượt khách.": a part, its share of
        # the whole said -- the text goes on about the whole, so "Bình quân mỗi ngày đón
        # 24.075 lượt khách" after it is no figure of "Khách quốc tế" (break-test s46 bt17w)
        ctx.subject = subject_before
    return frames


# a share's whole named after it: "chiếm 3,6% tổng lượt khách", "chiếm 41% tổng kim ngạch"
_TOTAL_AFTER = re.compile(r"\s*(?:cua\s+)?(?:tong|toan bo)\b")


def part_of_whole_said(sentence: str, base: int, frames: list[Frame], subject: str) -> bool:
    """Whether ``sentence`` (``base``: its offset) states its subject (``subject``, the
    indicator the context now goes on about) as a share of a whole it names with "tổng"
    right after the share ("chiếm 3,6% tổng lượt khách"): one of ``frames`` a share of that
    indicator so followed."""
    folded = fold(sentence).lower()
    return bool(subject) and any(
        f.measure == "share" and f.indicator == subject and
        _TOTAL_AFTER.match(folded[f.end - base:]) for f in frames)


# a sentence singling out a part of what the paragraph speaks of (folded): "Riêng ngày mùng 1
# Tết, ...", "Riêng 2 ngày 30/4 và 01/5 ..."
_SINGLED_OUT = re.compile(r"^\W*rieng\b")


# a day's clause singling it out of a longer period (folded): "riêng ngày 21/9 ...", "ngày 21/9
# đạt mức cao nhất ...", "cao điểm là ngày 2/9 ..." -- or naming the day a price was set on
# in a month's bulletin ("Giá xăng RON 95 sau kỳ điều chỉnh ngày 21/9/2052 là 24.860
# đồng/lít. Giá quả hồi khô tại Văn Quan từ 78.000 ...": the anise price is the month's;
# break-test bt17k)
_DAY_SINGLED = re.compile(r"\brieng\b|\b(?:cao|thap) nhat\b|\bky luc\b|\b(?:cao|dinh) diem\b"
                          r"|\bdieu chinh\b")


def singled_day(folded: str, day: Mention, stated: list[Mention], ctx: Context) -> bool:
    """Whether ``day`` (a mention of ``folded``, the sentence folded) is a single day the
    sentence singles out of a longer period in force -- another period the sentence states
    (``stated``), else the paragraph's, the heading's or the document's lead period -- so it
    dates only its own clause's figures: "bình quân mỗi ngày trong tháng 9 có khoảng 1.150 -
    1.280 lượt xe; riêng ngày 21/9/2044 đạt mức cao nhất với 1.496 lượt xe. Mặt hàng xuất
    khẩu chủ yếu là sầu riêng (kim ngạch 162,4 triệu USD) ...": the commodities are month 9's,
    not that day's (issue 17 bt17j).  Singled out: its clause says "riêng" or a peak ("cao
    nhất", "thấp nhất", "kỷ lục", "cao điểm", "đỉnh điểm").  A count "tính đến ngày ..." (kind
    "to_date") is no such day: it dates the sentences after it (latest_stated)."""
    if day.period.kind != "day":
        return False
    end = re.search(r",(?!\d)|;|\.(?!\d)|\s[–—]\s|$", folded[day.end:])
    clause = folded[_clause_start(folded, day.start):day.end + (end.start() if end else 0)]
    if not _DAY_SINGLED.search(clause):
        return False
    longer = [x.period for x in stated if x is not day] + [
        ctx.paragraph_period, ctx.heading_period, ctx.lead]
    return any(p is not None and p.kind != "day" and p.start <= day.period.start
               and day.period.end <= p.end for p in longer)


def latest_stated(stated: list[Mention]) -> Period:
    """The period a sentence's ``stated`` periods (in order, at least one) leave in force for
    the period-less sentences after it: the last one, but of counts at two days ("Nếu như đến
    hết tháng 6/2026 có 214 sản phẩm, thì đến ngày 10/12/2026 đã có 248 sản phẩm", or the
    later day said first: "tính đến 20/7 có 6.842 doanh nghiệp, tính đến 30/6 có 6.790") the
    later day -- a report follows a count up to the latest day it knows; the earlier one is
    the base it is set against (issue 17 bt17 failure "right value, wrong period";
    rag.vi.frames.context.earlier_count_day drops an earlier year's day already)."""
    if len(stated) > 1 and all(x.period.kind == "to_date" for x in stated):
        return max(stated, key=lambda x: x.period.end).period
    return stated[-1].period


# a sentence opening with the total its figures are parts of, named by its value, folded:
# "Trong 248 sản phẩm, ...", "Trong tổng số 1.250 doanh nghiệp đang hoạt động, có 320 ...",
# "Trong số 3.400 phương tiện ...", "Trong đó/Trong số đó, ..." (the total stated last)
_NAMED_TOTAL = re.compile(r"^\W*(?:rieng\s+)?trong\s+(?:(?:tong\s+)?so\s+)?$")
_THAT_TOTAL = re.compile(r"^\W*trong\s+(?:(?:tong\s+)?so\s+)?(?:do|nay|tren)\b")


def named_total_period(folded: str, values: list[Value], ctx: Context) -> Period | None:
    """The period of the total a sentence (``folded``; its ``values``) opens by naming, when
    it states none of its own: "Trong 248 sản phẩm, có 2 sản phẩm đạt 5 sao, 27 sản phẩm đạt
    4 sao" after "đến hết tháng 6/2026 có 214 sản phẩm, thì đến ngày 10/12/2026 đã có 248 sản
    phẩm" -- the 248 stated last with the same value and unit (``ctx.levels``), so its
    parts are counts at 10/12/2026, not at the document's first date; "Trong số đó, ..." --
    the level stated last (``ctx.stated``).  None when no such total was stated with a
    period.  Vietnamese statistical writing gives a breakdown as "trong (tổng số) N ..., có
    ..." or "trong số đó" right after the total (GSO releases' "Trong tổng số doanh nghiệp
    ..."; issue 17 bt17 "right value, wrong period")."""
    if values and _NAMED_TOTAL.match(folded[:values[0].start]):
        v = values[0]
        return next((f.period for f in reversed(ctx.levels) if f.low == v.low and f.high == v.high
                     and _same_unit(f.unit, v.unit) and _bare(v.unit)), None)
    if _THAT_TOTAL.match(folded) and ctx.stated is not None and \
            ctx.stated.period_from in ("own", "sentence"):
        return ctx.stated.period
    return None


# the running total a count added in a period brings, just before its value (folded): "nâng
# tổng số lên 412 sản phẩm", "đưa tổng số hợp tác xã trên địa bàn lên 352", "lũy kế có 74 xã",
# "lũy kế đến nay có", "nâng tổng số doanh nghiệp đang hoạt động lên" -- not "lũy kế từ đầu
# năm đạt" (a flow summed over the months, tests/test_running_total_and_level_indicator.py),
# nor "nâng tổng ... từ đầu năm lên" (added_and_total leaves it a flow)
_RUNNING_TOTAL = re.compile(r"(?:\b(?:nang|dua)\s+(?:tong so|tong)\b[^;:.()]{0,80}?\blen"
                            r"|\bluy ke\s+(?:(?:den nay|den thoi diem nay|toan tinh)\s+)?co"
                            r"|\btong cong\s+(?:da\s+)?co)\s*$")
# what says a count is of things added in its period, in the count's clause (folded):
# "61 sản phẩm OCOP được công nhận mới", "1.186 doanh nghiệp thành lập mới", "thành lập mới
# 14 hợp tác xã", "9 xã ... đạt chuẩn nông thôn mới nâng cao trong năm", "cấp mới 23 dự án"
# -- and the same verbs written after "mới" or before "thêm": "27 sản phẩm mới được công nhận",
# "doanh nghiệp mới thành lập", "công nhận thêm 12 sản phẩm", "cấp phép thêm 19 cửa hàng" (the
# everyday order of press releases beside the GSO's "thành lập mới"; issue 17 bt17b: "Năm
# 2024, toàn tỉnh có 27 sản phẩm mới được công nhận" after "đến ngày 15/12/2024, tổng số ...
# đã nâng lên 225 sản phẩm"); "58 chủ thể mới tham gia, nâng tổng số chủ thể OCOP lên 131"
# (issue 17 bt17l; tests/test_ocop_parts.py)
_ADDING_VERBS = (r"(?:cong nhan|thanh lap|cap phep|cap|phat trien|xay dung|dang ky|chung nhan|"
                 r"tham gia)")
_ADDED_IN_PERIOD = re.compile(r"\b(?:(?:cong nhan|thanh lap|cap phep|cap|trong|phat trien|xay dung|"
                              r"dang ky|chung nhan|ra doi)\s+moi|co them|tang them|"
                              rf"moi (?:duoc )?{_ADDING_VERBS}|(?:duoc )?{_ADDING_VERBS} them|"
                              r"trong (?:nam|ky|thang|quy))\b")
_NEW_RURAL = re.compile(r"\bnong thon moi\b")  # "mới" of a name: "đạt chuẩn nông thôn mới"


def says_added(folded: str) -> bool:
    """Whether ``folded`` (folded text: an indicator, a clause) says a count is of things
    added in a period (:data:`_ADDED_IN_PERIOD`: "công nhận mới", "thành lập mới", "cấp mới",
    "có thêm", "trong năm"), "nông thôn mới" being a name, not the word (issue 17 bt25-b17
    failure 1; :func:`added_and_total`)."""
    return bool(_ADDED_IN_PERIOD.search(_NEW_RURAL.sub(" ", folded)))


def added_in_clause(sentence: str, at: int, end: int) -> bool:
    """Whether the clause of ``sentence`` holding the value at ``at``..``end`` (offsets into
    it) says the value counts things added in its period (:func:`says_added`: "Năm 2024, toàn
    tỉnh có 27 sản phẩm mới được công nhận", "trong tháng có 87 doanh nghiệp thành lập mới")
    -- a flow, not what stands at the period's end, though the frame's indicator keeps none of
    those words ("mới", "được công nhận" are edge words of rag.vi.frames.indicators); never
    a running total that count brings ("..., nâng tổng số lên 412 sản phẩm":
    :data:`_RUNNING_TOTAL`)."""
    folded = fold(sentence).lower()
    start = _clause_start(folded, at)
    stop = _CLAUSE_END.search(folded, end)
    clause = folded[start:stop.start() if stop else len(folded)]
    return says_added(clause) and _RUNNING_TOTAL.search(folded[start:at]) is None


_CLAUSE_END = re.compile(r",(?!\d)|;|\.(?!\d)|\s[–—]\s|\(")  # where a value's clause ends

# what befell the things a count counts, destroyed or damaged (folded): "thiêu rụi", "cháy
# rụi", "bị cháy", "phá hủy", "phá dỡ", "hư hỏng", "hư hại", "sập", "tốc mái", "cuốn trôi",
# "ngập", "tiêu hủy", "thiệt hại" -- such a count is of the loss, never of what the place has
# (break-test bt22c, session 50: "Chợ Đông Kinh có bao nhiêu gian hàng?" answered by "hỏa hoạn
# ... làm thiêu rụi gần 300 gian hàng" over "Chợ có 4 tầng với hơn 1.200 gian hàng")
_LOSS = re.compile(r"\b(?:thieu (?:rui|chay|huy)|chay (?:rui|trui)|bi chay|pha (?:huy|do)|"
                   r"thao do|hu (?:hong|hai)|(?:do |bi )?sap(?: do)?|toc mai|cuon troi|"
                   r"(?:bi )?ngap|tieu huy|thiet hai|bi mat|mat trang|do nat)\b")
# ... and the events that cause it, which a question asking the loss names ("vụ hỏa hoạn
# thiêu rụi bao nhiêu gian hàng?", "trận lũ làm bao nhiêu nhà bị ngập?")
_LOSS_EVENT = re.compile(r"\b(?:hoa hoan|vu chay|dam chay|chay no|thien tai|lu quet|lu lut|"
                         r"tran lu|con bao|bao so|sat lo|dong dat|loc xoay|mua da|su co)\b")


def lost_in_clause(sentence: str, at: int, end: int) -> bool:
    """Whether the clause of ``sentence`` holding the value at ``at``..``end`` (offsets into
    it) says the things counted were destroyed or damaged (:data:`_LOSS`: "hỏa hoạn ... làm
    thiêu rụi gần 300 gian hàng", "120 ngôi nhà bị hư hỏng") -- a count of the loss, no count
    of what a place has: "Chợ Đông Kinh có bao nhiêu gian hàng?" is not answered by it
    (break-test bt22c, session 50; tests/test_loss_count.py)."""
    folded = fold(sentence).lower()
    start = _clause_start(folded, at)
    stop = _CLAUSE_END.search(folded, end)
    clause = folded[start:stop.start() if stop else len(folded)]
    return _LOSS.search(clause) is not None


def loss_asked(folded: str) -> bool:
    """Whether the folded question ``folded`` asks of a loss (:data:`_LOSS`) or names the
    event that caused one (:data:`_LOSS_EVENT`: "vụ hỏa hoạn", "trận lũ"): then a count
    :func:`lost_in_clause` answers it."""
    return _LOSS.search(folded) is not None or _LOSS_EVENT.search(folded) is not None


def added_and_total(sentence: str, base: int, frames: list[Frame]) -> list[Frame]:
    """``frames`` of ``sentence`` (values at ``base`` + offset) with a count added in a period
    and the running total it brings told apart: "Trong 9 tháng có 61 sản phẩm OCOP được công
    nhận mới, nâng tổng số lên 412 sản phẩm" -- 61 is of the 9 months, 412 a level at their
    end (issue 17 bt25-b17 failure 1; "lũy kế có 74 xã" after "9 xã ... trong năm"; dev3 and
    the dev reports write "nâng tổng số ... lên", "đưa tổng số ... lên", "lũy kế" the same
    way).  The total (after :data:`_RUNNING_TOTAL`, same unit as an earlier level of the
    sentence whose clause says :data:`_ADDED_IN_PERIOD`) is named "tổng số <what it counts>"
    and dated at the end of its period (a period from 1 January re-read as "tính đến"); the
    added count keeps its words of adding ("... mới", "... trong năm") in its indicator, and
    a count dated "Đến 30/9/2078 ... trong năm" is of the months to that day.  Other frames
    are returned as they are."""
    folded = fold(sentence)
    out = list(frames)
    for i, total in enumerate(frames):
        at = total.start - base
        said_total = None if total.measure != "level" or total.target or \
            total.kind == "percent" or at <= 0 else \
            _RUNNING_TOTAL.search(folded[max(0, at - 100):at])
        if said_total is None or "tu dau" in said_total.group(0):
            # "nâng tổng diện tích hồi trồng mới từ đầu năm lên 2.740 ha": the months' flow
            # summed, no count standing at a day (tests/test_averages_after_totals.py)
            continue
        j = next((k for k in range(i - 1, -1, -1) if frames[k].measure == "level"
                  and not frames[k].target and frames[k].kind != "percent"
                  and _same_unit(frames[k].unit, total.unit)), None)
        if j is None:
            continue
        added = frames[j]
        a_at = added.start - base
        clause = folded[_clause_start(folded, a_at):at]
        words = _NEW_RURAL.sub(lambda m: " " * len(m.group(0)), clause)
        cue = _ADDED_IN_PERIOD.search(words)
        if cue is None:
            continue
        # "nâng tổng diện tích ... lên 5.160 ha" a "tổng", "nâng tổng số lên", "lũy kế có" a count's
        plain = "tong" in said_total.group(0) and "tong so" not in said_total.group(0)
        what = total.indicator if fold(total.indicator).startswith("tong") else \
            ("tổng " if plain else "tổng số ") + (total.indicator or added.indicator)
        p = total.period
        if p is not None and p.kind in _FLOW_KINDS and p.start.year == p.end.year:
            p = to_date_period(p.end)
        out[i] = replace(total, indicator=what.strip(), period=p)
        said = cue.group(0)
        ind = added.indicator
        if said not in fold(ind) and (said.split()[-1] != "moi" or "moi" not in _NEW_RURAL.sub(
                " ", fold(ind)).split()):
            at0 = _clause_start(folded, a_at)
            typed = sentence[at0 + cue.start():at0 + cue.end()]
            # "thành lập mới 14 hợp tác xã" named by its verb alone: "thành lập mới hợp tác xã"
            verb = said.split(" ", 1)[-1] if said.startswith("moi ") else ""
            if verb and fold(ind).lower().endswith(" " + verb):
                # "chủ thể tham gia" of "58 chủ thể mới tham gia": "chủ thể mới tham gia"
                ind = f"{ind[:len(ind) - len(verb)].rstrip()} {typed}"
            else:
                ind = f"{typed} {_bare(added.unit)}" if fold(ind) in said else f"{ind} {typed}"
        q = added.period
        if q is not None and q.kind == "to_date" and said.startswith("trong nam") \
                and q.start == date(q.end.year, 1, 1):
            whole = months_period(q.end.year, q.end.month)
            q = whole if whole.end == q.end else Period(
                "months", q.start, q.end, f"từ 1/1 đến {q.end.day}/{q.end.month}/{q.end.year}")
        out[j] = replace(added, indicator=ind.strip(), period=q)
    return out


# periods a figure takes from around it that cover a stretch of time (a flow's periods)
_FLOW_KINDS = frozenset({"year", "months", "half", "quarter", "month", "days", "week"})
# the time a procedure takes (folded indicator): "thời gian giải quyết hồ sơ", "thời gian
# thông quan một xe hàng", "thời gian cấp giấy chứng nhận ...", "thời gian làm thủ tục cho một
# xe hàng", "thời gian chờ thông quan" (dev-reports dv05/dv07/dv20, issue 17 break-test
# corpora: customs, tax, land, investment offices) -- a standing service time, not a total
# of a period; not a time summed or averaged over one ("thời gian mất điện bình quân"
# SAIDI, "thời gian lưu trú" of visitors), which keeps the passage's period
_PROCESS_TIME = re.compile(r"\bthoi gian (?:giai quyet|thong quan|cap|lam thu tuc|xu ly|"
                           r"cho (?:thong quan|xu ly|giai quyet|cap|duyet|lam thu tuc))\b")


def as_of_point(frame: Frame, before: str = "") -> Frame:
    """``frame`` with a period it takes from around it read as a point in time when it is the
    time a procedure takes (:data:`_PROCESS_TIME`, a value in hours, days ...): "thời gian
    giải quyết rút ngắn ... xuống còn 3 - 4 ngày" said after "Trong 9 tháng, ..." stands at
    the end of those months, "tính đến 30/9/2073" -- it is no total of them (issue 17
    bt21-b17 mislabel Q39).  Only a period from 1 January is re-read (the same days, so a
    question matches it as before); a period said with the figure ("own") is kept, and one
    of its sentence only when another clause says it (a ";" in ``before``, the sentence's
    words before the value: "Năm 2030, thời gian cấp phép giảm ... xuống 12 ngày" keeps
    "năm 2030"), as is every other frame.  A rank is not re-read: what it ranks is mostly
    a flow of the passage's period ("tốc độ tăng trưởng GRDP ... xếp thứ", "Huyện xếp thứ
    2/9 về thu ngân sách" after "6 tháng"), so that period is its own."""
    p = frame.period
    if p is None or frame.period_from in ("", "own") or p.kind not in _FLOW_KINDS:
        return frame
    if frame.period_from == "sentence" and ";" not in before:
        return frame
    if p.start != date(p.start.year, 1, 1) or p.start.year != p.end.year:
        return frame
    if frame.kind == "percent" or not frame.unit or "/" in frame.unit or \
            fold(_bare(frame.unit)).lower() not in _DURATIONS or \
            not _PROCESS_TIME.search(fold(frame.indicator).lower()):
        return frame
    return replace(frame, period=to_date_period(p.end))


# what may open a sentence before a crop season that leads it (folded): a section's label
# ("Trồng trọt: "), "Trong", "Riêng", "Đối với" -- "Vụ đông xuân, toàn huyện gieo cấy ..."
_SEASON_OPENS = re.compile(r"^(?:[^\W\d_][^\d:;.!?]{1,48}:)?\W*(?:(?:trong|rieng|doi voi)\s+)?$")


def season_in_passing(sentence: str, mention: Mention) -> bool:
    """Whether ``mention`` (of ``sentence``) is a crop season written without its year inside
    the words of what is measured ("Tổng diện tích gieo trồng vụ đông xuân 8.240 ha, trong đó
    lúa 5.610 ha"): it dates its own sentence's figures only, not the sentences after it in
    the paragraph -- "Trồng rừng tập trung được 1.150 ha" next is of the report's period
    ("6 tháng đầu năm 2075"), no crop season (issue 17 bt18-b17 failure 4).  A season opening
    its sentence ("Vụ đông xuân, toàn huyện gieo cấy ...", after a section's label or
    "Trong", "Riêng"), or written with its year ("Vụ Mùa 2046, ...": b17 D16), dates the
    rest of its paragraph as before."""
    if mention.period.kind != "season" or re.search(r"\d", sentence[mention.start:mention.end]):
        return False
    return not _SEASON_OPENS.match(fold(sentence[:mention.start]).lower())


# "tăng 11,5% về số doanh nghiệp", "giảm 3% về lượng", "tăng 8% tính theo số dự án": the
# qualifier after a change naming what it is a change of
_QUALIFIER = re.compile(r"^(?:tinh\s+)?(?:ve|theo)\s+(.+)$")
_COUNT_HEADS = re.compile(r"^(?:tong\s+)?(?:so luong|so)\s+")
_QUANTITY = frozenset(("luong", "so luong", "khoi luong", "san luong"))
_AMOUNT = frozenset(("gia tri", "tri gia", "kim ngach", "so tien"))


def changed_level(frames: list[Frame]) -> Frame | None:
    """The level a list of parts that follows ``frames`` (a sentence's figures so far, in
    order) is of when the last of them is a change: the latest level of the change's indicator
    and unit -- "có 1.086 cơ sở lưu trú với 18.420 buồng; ... tăng 74 cơ sở. Trong đó có 43
    khách sạn" lists parts of the cơ sở lưu trú the text went on about, not of the buồng
    stated last (issue 17 bt16-b17); None when the last is no change or no such level."""
    if not frames or frames[-1].measure != "change" or frames[-1].kind == "percent":
        return None
    last = frames[-1]
    return next((f for f in reversed(frames[:-1]) if f.measure == "level" and not f.target
                 and not f.part and f.indicator == last.indicator
                 and _same_unit(f.unit, last.unit)), None)


_AND_ONLY = re.compile(r"\s*,?\s*va\s*")  # "và" alone joining two values

# "xếp thứ 9/63 tỉnh, thành phố về tổng lượt khách và thứ 14/63 về tổng thu": after a rank,
# the set it is ranked in (no verb, bracket nor clause end in it) and the "về ..." naming
# what it is a rank of, that phrase running to a comma, a clause end, a change verb or the
# "và thứ" of a rank coordinated with it (folded text)
_RANK_OF = re.compile(r"^(?P<set>[^;:.()]*?)(?:,\s*|\s+)ve\s+(?P<of>[^;:.(),]+?)"
                      r"(?=\s*[,;:.(]|\s+(?:va\s+)?(?:xep\s+)?(?:thu|hang)\s*$|"
                      r"\s+(?:tang|giam|dung|dat)\b|\s*$)")
_RANK_SET_VERB = re.compile(r"\b(?:tang|giam|chiem|xep|vuot|nang|keo)\b")  # not "đạt": "đất"
# "... thứ 4/14 tỉnh vùng Trung du và miền núi phía Bắc và thứ 29/63 ...": the set of a rank
# coordinated with the next one, up to the "và"/"," that opens that rank
_RANK_NEXT = re.compile(r"^(?P<set>[^;:.()]*?)(?:\s*,|\s+va)\s+(?:xep\s+)?(?:thu|hang)\s*$")


def rank_tail(tail_f: str) -> tuple[int, tuple[int, int] | None] | None:
    """What follows a rank's value up to the next value, ``tail_f`` (folded, lower case):
    (how many characters of it are the rank's own -- its set and its "về ..." --, the
    (start, end) offsets in ``tail_f`` of the phrase after "về" naming what it is a rank of,
    or None), or None when the tail holds neither.  Read so that a rank coordinated after it
    ("và thứ 14/63 về tổng thu") takes neither its set nor its subject as an indicator
    (issue 17 bt16-b17 "right value, wrong label"; dev report dv32: "xếp thứ 4/14 tỉnh vùng
    ... và thứ 29/63 tỉnh, thành phố trong cả nước")."""
    of = _RANK_OF.match(tail_f)
    if of is not None and not _RANK_SET_VERB.search(of.group("set")):
        return of.end("of"), of.span("of")
    nxt = _RANK_NEXT.match(tail_f)
    if nxt is not None and not _RANK_SET_VERB.search(nxt.group("set")):
        return nxt.end("set"), None
    return None


def _qualified_by(detail: str, frames: list[Frame]) -> tuple[Frame | None, str] | None:
    """What a change's trailing qualifier ``detail`` ("về số doanh nghiệp", "tính theo số dự
    án", "về lượng", "về giá trị") names: the latest level of ``frames`` (the sentence's
    figures before the change) whose words or unit hold its noun -- "lượng" the latest
    quantity, "giá trị"/"kim ngạch" the latest amount of money -- else ``None`` with the noun
    as written; ``None`` for a detail that is no such qualifier.  Evidence: issue 17 bt9-b17
    failure 8 and the export wordings of tests/test_change_qualifier.py."""
    m = _QUALIFIER.match(fold(detail).lower())
    if m is None:
        return None
    noun = m.group(1).strip()
    words = detail[len(detail) - len(m.group(1)):].strip()
    levels = [f for f in reversed(frames) if f.measure == "level" and f.kind != "percent"
              and not f.target]
    bare = _COUNT_HEADS.sub("", noun)
    for f in levels:
        held = set(fold(f"{f.indicator} {f.detail} {f.unit}").lower().split())
        if bare and set(bare.split()) <= held:
            return f, words
    if noun in _QUANTITY:
        return next((f for f in levels if not is_money(f.unit)), None), words
    if noun in _AMOUNT:
        return next((f for f in levels if is_money(f.unit)), None), words
    return None, words


# "(rút ngắn|giảm|tăng) từ A (xuống còn|xuống|còn|lên) B": A the value before, B the one after
# where a frame's period came from when its sentence names none but its paragraph's or its
# document's lead (a change from A to B is of neither: before_after)
_NOT_SAID = ("paragraph", "document")
# the words a value's own approximation or level puts between "từ"/"lên" and it (folded):
# "tăng từ khoảng 180 xe/ngày lên 260 - 300 xe/ngày", "từ mức 45% lên mức 62%", "xuống còn
# dưới 3 ngày" -- the value's frame starts at its number (bt17f: "từ khoảng" left both
# halves unmarked and the earlier level answered "năm 2029" at 1.0)
_LEVEL_WORDS = r"(?:\s*(?:muc|khoang|gan|hon|tren|duoi|xap xi|chung|ngot))?"
_FROM = re.compile(r"\btu" + _LEVEL_WORDS + r"\s*$")
_TO = re.compile(r"\s*(?:(?:giam |tang )?(?:xuong con|xuong|con|len (?:toi|den|muc)|len))"
                 + _LEVEL_WORDS + r"\s*$")


def before_after(sentence: str, base: int, frames: list[Frame],
                 now: date | None = None) -> list[Frame]:
    """``frames`` of ``sentence`` (at ``base``) with the two values of a change written
    "từ A xuống còn B" / "từ A lên B" / "giảm từ A còn B" marked ``stage`` "before" (A) and
    "after" (B); A written without its unit ("tăng từ 40 lên 65 xe/ngày") takes B's.  "từ A
    đến B" is a range, not a change (issue 17 break-test; tests/test_before_after.py).

    A change whose sentence names no period of its own (its period came from the paragraph
    or the document's lead) is not of that period: A is an earlier state of no said time
    (period None), B the state at the report's date ``now`` (tính đến that day) -- "Sáng
    17/12, còn 1.260 xe. ... rút ngắn từ 5 - 7 giờ xuống còn 1,5 - 2 giờ" is no figure of
    17/12.  A period of the sentence or its heading stays."""
    out = list(frames)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.quote != b.quote or a.measure != "level" or b.measure != "level":
            continue
        head = fold(sentence[:a.start - base]).lower()
        between = fold(sentence[a.end - base:b.start - base]).lower()
        said_at = _TO.search(between)
        if not _FROM.search(head) or said_at is None or said_at.end() != len(between) or (
                said_at.start() and not _dates_only(sentence[a.end - base:a.end - base
                                                             + said_at.start()], a)):
            continue
        if not a.unit and b.unit:
            a = replace(a, unit=b.unit, value=f"{a.value} {b.unit}")
        a, b = replace(a, stage="before"), replace(b, stage="after")
        if a.period_from == "own" and a.period == b.period:
            # "Năm 2027, ... tăng từ 6 lên 10 chuyến/tuần": the time said once is B's; A has
            # none of its own (an asked period then finds B, not A: rag.answer.figures)
            a = replace(a, period_from="sentence")
        if a.period_from in _NOT_SAID and b.period_from in _NOT_SAID:
            a = replace(a, period=None, period_from="")
            if now is not None:
                b = replace(b, period=to_date_period(now), period_from="document")
        out[i], out[i + 1] = a, b
        c = out[i + 2] if i + 2 < len(out) else None
        if c is not None and c.quote == b.quote and c.measure == "change" and \
                c.comparison is None and c.indicator == b.indicator and \
                a.period_from == b.period_from == "own" and a.period is not None and \
                b.period is not None and a.period.start < b.period.start and \
                not re.search(r"[;(]", sentence[b.end - base:c.start - base]):
            # "giảm từ 6,84% cuối năm 2074 xuống còn 4,91% cuối năm 2075, giảm 1,93 điểm phần
            # trăm": the change said right after is B's time against A's (bt22-b17 failure 1)
            out[i + 2] = replace(c, period=b.period, period_from="sentence",
                                 comparison=a.period.label)
    return out


def _dates_only(text: str, a: Frame) -> bool:
    """Whether ``text`` (what follows the value A of "từ A ... xuống B") is only A's own
    period as written ("cuối năm 2074"): "từ 6,84% cuối năm 2074 xuống còn 4,91%"."""
    if a.period is None or a.period_from != "own":
        return False
    found = find_mentions(text, a.period.year)
    return len(found) == 1 and found[0].period == a.period and \
        not text[:found[0].start].strip(" ,") and not text[found[0].end:].strip(" ,")


# a change said right before its amount ("tăng 410 đồng/lít", "giảm thêm 1.200 tấn"; folded)
_CHANGED_BEFORE = re.compile(r"\b(?:tang|giam)(?:\s+them)?\s*$")


def summed_parts(values: list[Value], text: str = "") -> dict[int, int]:
    """Parts known by their sum: value index -> the index of an earlier value that the run
    of amounts in the same unit right after it adds up to, to the rounding of the figures as
    written ("kim ngạch hàng hóa mở tờ khai đạt 1.793 triệu USD; kim ngạch xuất khẩu ước đạt
    382 triệu USD; kim ngạch nhập khẩu ước đạt 1.411 triệu USD": 382 + 1.411 = 1.793, the
    exports and imports of the goods declared, whatever the words say).  Percentages between
    them (their changes) are skipped; at least two parts, each smaller than the total.  An
    amount ``text`` (the values' sentence, as written) says is a change ("tăng 410 đồng/lít")
    is no part: "giá xăng ... là 24.870 đồng/lít, tăng 410 đồng/lít so với kỳ trước (24.460
    đồng/lít); xăng E5 ... là 23.650 đồng/lít" adds the change to the level before it, which
    makes the products listed after no parts of the first (issue 17 bt23-b17 failure 3).  The
    whole rounded again in brackets right after it ("4.812,6 triệu USD (hơn 4,8 tỷ USD);
    xuất khẩu ...; nhập khẩu ...": rag.vi.numbers.rounds_before) is skipped, as a change is,
    so the parts after it share the whole's basis (issue 17, dev2 e095)."""
    folded = fold(text).lower() if text else ""
    out: dict[int, int] = {}
    for k, whole in enumerate(values):
        if whole.percent or not whole.unit or whole.high is not None or whole.low <= 0:
            continue
        run: list[int] = []
        for j in range(k + 1, len(values)):
            v = values[j]
            if v.percent or (j == k + 1 and text and rounds_before(text, whole, v)):
                continue
            if v.unit != whole.unit or v.high is not None or not 0 < v.low < whole.low or (
                    folded and _CHANGED_BEFORE.search(folded[max(0, v.start - 16):v.start])):
                break
            run.append(j)
            total = sum(values[i].low for i in run)
            places = max(_decimals(values[i]) for i in [k, *run])
            if len(run) >= 2 and abs(total - whole.low) <= 0.5 * 10 ** -places * len(run):
                out.update({i: k for i in run if i not in out})
                break
            if total > whole.low:
                break
    return out


def span_length(value: Value | Frame, period: Period | None) -> bool:
    """Whether ``value`` (a figure read, or its frame) counts the days of ``period``, a span
    of more than one day: "Riêng 10 ngày từ 16/6 đến 25/6/2077" (10 days, 16 to 25 June),
    "trong 5 ngày nghỉ lễ ... (từ ngày 27/4 đến hết ngày 1/5/2072)" (dev3 r20) -- the span
    the figures after it are of, no figure of its own that a later sentence's short name
    could be of (issue 17 bt23-b17 failure 4)."""
    return period is not None and value.kind == "count" and value.high is None and \
        _bare(value.unit) == "ngày" and period.end > period.start and \
        value.low == (period.end - period.start).days + 1


# the days off a count of days is of, up to the period that names them (folded): " nghỉ Tết
# Nguyên đán Ất Tỵ", " nghỉ lễ Quốc khánh 2025", " Tết Nguyên đán 2025" -- "Trong 9 ngày nghỉ
# Tết Nguyên đán Ất Tỵ, toàn tỉnh đón ..." (holidays.named_in; held-out h034, issue 17 tetyear)
_DAYS_OFF = re.compile(r"\s*(?:nghi\s+)?(?:le\s+)?(?:tet|quoc khanh|gio to|giang sinh|"
                       r"nam moi)\b[^,;:()]*")


def holiday_days(value: Value | Frame, after: str) -> bool:
    """Whether ``value`` counts the days off of a holiday named right ``after`` it (folded,
    to the end of the period read there): "9 ngày nghỉ Tết Nguyên đán Ất Tỵ" -- the holiday
    the figures after it are of, as a span of days counted is (:func:`span_length`)."""
    return value.kind == "count" and value.high is None and _bare(value.unit) == "ngày" and \
        bool(_DAYS_OFF.fullmatch(after))


def _decimals(v: Value) -> int:
    """How many decimals a value is written with ("1.009,4" -> 1)."""
    number = v.number.replace(" ", "")
    return len(number.split(",")[1]) if "," in number else 0


def reached_in_brackets(folded: str, plan_from: int, start: int, end: int,
                        results: list[Frame]) -> bool:
    """Whether the value at ``start``-``end`` of the folded sentence ``folded``, right after
    the plan words of a share of a plan (``plan_from``: where that share ends), is the amount
    the share reached rather than the plan's own: alone in its brackets ("đạt 52,6% kế hoạch
    (3.305 tỷ đồng)", the bracket holding no plan word as "(kế hoạch năm 2047 là 2.150 tỷ
    đồng)" does) while its clause states no result of its unit before (``results``: the
    clause's levels in that unit, not targets).  With a result stated ("đạt 9.120 tỷ đồng,
    bằng 27,4% kế hoạch năm 2041 (33.300 tỷ đồng)") the bracket is the plan's amount
    (tests/test_bracketed_plan_and_listed_units.py); without, the plan is no figure the
    clause gives: 3.305 / 52,6% is the year's 6.284 tỷ đồng stated before it (issue 17
    break-test bt17m: the 3.305 reached to 30/9/2071 was stored as the year's plan)."""
    opened = folded.rfind("(", plan_from, start)
    if opened < 0 or folded[opened + 1:start].strip() or results:
        return False
    return folded[end:end + 3].lstrip().startswith(")")


def reached_indicator(indicator: str) -> str:
    """The name of an amount reached whose share of the plan is named as a rate: "tỷ lệ giải
    ngân" gives "giải ngân" (the amount disbursed, not a rate); anything else as it is."""
    words = indicator.split()
    if len(words) > 2 and fold(" ".join(words[:2])).lower() == "ty le":
        return " ".join(words[2:])
    return indicator


def _brackets(text: str) -> list[tuple[int, int]]:
    """The (start, end) spans of the round brackets of ``text``, outermost, unclosed ones
    running to the end."""
    spans: list[tuple[int, int]] = []
    depth, start = 0, 0
    for i, ch in enumerate(text):
        if ch == "(":
            if depth == 0:
                start = i
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0:
                spans.append((start, i + 1))
    if depth:
        spans.append((start, len(text)))
    return spans


def _period_tags(sentence: str, values: list[Value], own: list[Mention],
                 brackets: list[tuple[int, int]]) -> dict[int, Mention]:
    """The values of ``sentence`` a bracket holding one period mention and nothing else
    follows right after ("95 cửa hàng (năm 2082)", "128 cửa hàng (tháng 10/2083)"), keyed by
    ``id`` of the value, with that mention: the bracket dates that value, whatever period the
    words before it said ("tăng từ 95 cửa hàng (năm 2082) lên 128 cửa hàng (tháng 10/2083)":
    each side of "từ ... lên" has its own; break-test bt17o). ``values`` and ``own`` (period
    mentions said of no comparison) carry ``start``/``end`` offsets in ``sentence``;
    ``brackets`` are its bracket spans (:func:`_brackets`). A bracket with more in it ("(năm
    2082: 95 cửa hàng)", "(tăng 12% so với năm 2082)") or after other words tags nothing."""
    tags: dict[int, Mention] = {}
    for v in values:
        b = next((sp for sp in brackets if sp[0] >= v.end), None)
        if b is None or sentence[v.end:b[0]].strip() or b[1] > len(sentence) or \
                sentence[b[1] - 1] != ")":
            continue
        held = [x for x in own if b[0] < x.start and x.end <= b[1] - 1]
        if len(held) == 1 and not (sentence[b[0] + 1:held[0].start].strip()
                                   or sentence[held[0].end:b[1] - 1].strip()):
            tags[id(v)] = held[0]
    return tags


def _bracket_of(pos: int, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    return next((sp for sp in spans if sp[0] <= pos < sp[1]), None)


def _bare(unit: str) -> str:
    """A unit without its magnitude words ("triệu lượt khách" -> "lượt khách")."""
    return " ".join(w for w in unit.split() if fold(w).lower() not in UNIT_MAGNITUDES)


def _plan_value_first(v: Value, after: Value | None, between: str) -> bool:
    """Whether ``v``, written right after the words of a plan in a comparative ("thấp hơn
    mục tiêu 60%", "vượt chỉ tiêu 95%"), is that plan's own value rather than the difference
    from it: another value follows it with no more than "là", ":", "từ" or "khoảng" between
    (``between``: the folded text from ``v`` to ``after``), in ``v``'s unit or, after a
    percentage, in points ("từ 5 đến 8 điểm phần trăm", "là 40 tỷ đồng").  From issue 17
    bt16-b17 Q35 ("thấp hơn mục tiêu 60% từ 5 đến 8 điểm phần trăm") and the same sentence
    shape with "kế hoạch"/"chỉ tiêu" and money (tests/test_plan_value_in_comparison.py)."""
    if after is None or not _DIFFERENCE_AFTER.fullmatch(between.lower()):
        return False
    return _same_unit(v.unit, after.unit) or (
        v.percent and "diem phan tram" in fold(after.unit).lower())


def _same_unit(a: str, b: str) -> bool:
    """Whether units ``a`` and ``b`` are one, but their magnitude words and a "per" part
    that one of them leaves out: a change written after its level without the "per"
    ("giá gạo 14.200 đồng/kg, giảm 300 đồng") is in the level's unit."""
    a, b = _bare(a), _bare(b)
    return a == b or ("/" in a) != ("/" in b) and a.split("/")[0] == b.split("/")[0]


def _unit_head(whole: str, head: str) -> bool:
    """Whether unit ``head`` is the first words of unit ``whole`` and shorter ("chuỗi" of
    "chuỗi liên kết", "cửa hàng" of "cửa hàng xăng"): a later count naming its noun only by
    that head (issue 17 break-test b17 C, H7); magnitude words are no part of either."""
    w, h = _bare(whole).split(), _bare(head).split()
    return bool(h) and "/" not in _bare(whole) and len(h) < len(w) and w[:len(h)] == h


# "bình quân mỗi" / "trung bình một" written after a value and its unit, as words
# (rag.vi.lexicon BASIS_PATTERNS "per_unit", read on the same words: not "mỗi ngày", a rate
# over time)
_PER_UNIT_AFTER = re.compile(r"(?<!\w)(?:bình quân|trung bình|binh quan|trung binh)\s+"
                             r"(?:(?:của|trên|cho|tính trên|cua|tren|tinh tren)\s+)?"
                             r"(?:một|mỗi|mot|moi|1)\s+(?!(?:ngày|tháng|năm|giờ|tuần|quý|"
                             r"ngay|thang|nam|gio|tuan|quy)\b)\S", re.IGNORECASE)


def per_unit_as_written(written: str, detail: str) -> str:
    """What a value counts when the words after it say it is per unit ("845,2 tr. đồng
    bình quân mỗi cơ sở": ``written`` the words as the report writes them, ``detail`` their
    cleaned form "cơ sở"): the per-unit words kept, "bình quân mỗi cơ sở", so that the
    answer says the basis as written (not "845,2 tr. đồng cơ sở", the whole's figure to a
    reader); ``detail`` itself when ``written`` has no such words or the cleaned detail is
    not their tail (round B brief gl kind 1, the ga test document)."""
    m = _PER_UNIT_AFTER.search(written)
    if m is None or not detail:
        return detail
    said = " ".join(written[m.start():].split()).rstrip(" ,.;:")
    return said if fold(said).lower().endswith(fold(detail).lower()) else detail


def _place_at(words: list[str], i: int) -> int:
    """How many words from ``words[i]`` name a place: a kind of place (PLACE_KINDS, a market)
    and a capitalised name after it ("huyện Lộc Bình", "cửa khẩu quốc tế Hữu Nghị", "chợ Kỳ
    Lừa"); 0 when none starts there."""
    for kind in (*PLACE_KINDS, *_TRADE_PLACE_KINDS):
        n = kind.count(" ") + 1
        said = " ".join(words[i:i + n]).lower()
        if said != kind and (kind in _TRADE_PLACE_KINDS or fold(said) != kind):
            continue
        name = words[i + n:]
        while name and (fold(name[0]).lower() in ("quoc", "te")  # "cửa khẩu quốc tế"
                        or name[0] in _GATE_QUALIFIERS):  # "ga đường sắt quốc tế"
            name = name[1:]
        k = 0
        while k < len(name) and name[k][:1].isupper():
            k += 1
        if k:
            return len(words) - i - len(name) + k
    return 0


def listed_place(clause: str) -> str:
    """The place a verbless item of a list is of, when its words before the value are no more
    than that place after the list's leading words: "tiếp đến là huyện Lộc Bình" (31 sản
    phẩm), "và thành phố Lạng Sơn" (28 sản phẩm), "trong đó riêng cửa khẩu Tân Thanh" (2.650
    xe) -- each value of "PLACE_1 N_1, PLACE_2 N_2" is the place's right before it, never the
    item's before (break-test bt17 wrong figures 1-2); "" otherwise."""
    rest = _APPROX_END.sub("", _PLACE_LIST_LEAD.sub("", clause)).strip(" ,;:")
    words = rest.split()
    return rest if words and _place_at(words, 0) == len(words) else ""


def _without_place(indicator: str) -> str:
    """An indicator up to the place it is said of: "xe hàng chờ xuất khẩu tại khu vực cửa khẩu
    Tân Thanh và Hữu Nghị" -> "xe hàng chờ xuất khẩu", "doanh thu chợ Đông Kinh" -> "doanh
    thu", "Huyện Cao Lộc là địa phương ..." -> "" (what a list's next place counts)."""
    words = indicator.split()
    for i in range(len(words)):
        if fold(words[i]).lower() in ("tai", "o") and i + 1 < len(words) and (
                _place_at(words, i + 1) or fold(words[i + 1]).lower() == "khu"):
            return " ".join(words[:i])
        if _place_at(words, i):
            kept = words[:i]
            while kept and fold(kept[-1]).lower() in ("tai", "o", "qua", "cua"):
                kept.pop()  # "xe xuất khẩu qua cửa khẩu Hữu Nghị" -> "xe xuất khẩu"
            return " ".join(kept)
    return indicator


def _counted(frame: Frame) -> str:
    """What a value counts: its unit and the words after it ("sản phẩm OCOP", "triệu lượt
    khách du lịch"); a percentage counts what its own detail says."""
    return " ".join(x for x in (frame.unit if frame.kind != "percent" else "", frame.detail)
                    if x)


def _with_words(sentence: str, v: Value, pre_f: str, measure: str = "change") -> str:
    """The value as a reader quotes it: with "giảm" when the report writes the fall in words
    ("giảm 0,74%") -- not a level it falls to ("giảm còn 212 vụ" is 212, not a fall of 212)
    --, and with an approximation word ("khoảng 115.000 lượt")."""
    text = v.shown
    approx = approx_before(sentence[:v.start])
    if approx:
        text = f"{approx} {text}"
    if DOWN_END.search(pre_f) and v.low >= 0 and measure != "level":
        text = f"giảm {text}"
    return text


def _label_of_one_topic(clause: str, indicator: str) -> bool:
    """Whether ``indicator`` is only the words of a section's lead-in naming one topic ("Du
    lịch: 6 tháng đầu năm 2047, toàn tỉnh đón 2,64 triệu lượt khách") -- the clause after its
    ":" naming nothing.  The caller makes the value's own counted noun its indicator, with
    the label's words ("lượt khách du lịch")."""
    head, colon, rest = clause.partition(":")
    if not colon or clean_indicator(rest) or fold(clean_indicator(head)).lower() != \
            fold(indicator).lower():
        return False
    return len([t for t in _TOPIC_JOIN.split(head.strip()) if t]) == 1


# what joins the topics a section's lead-in names: "OCOP và nông thôn mới:", "Chăn nuôi, thủy
# sản:" (folded)
_TOPIC_JOIN = re.compile(r"\s*(?:,|\bva\b|\bvà\b)\s*")


def _label_of_topics(clause: str, indicator: str, counted: str) -> bool:
    """Whether ``indicator`` is only the words of a section's lead-in naming two or more
    topics ("OCOP và nông thôn mới: Tính đến ngày 30/6/2048, toàn tỉnh có 342 sản phẩm
    OCOP") -- the clause after its ":" naming nothing -- and the value's own counted noun
    (``counted``: its unit and detail, "sản phẩm OCOP") names one of them: the figure is
    of that topic, and the label's words, as its indicator, made it answer a question about
    the other ("số xã đạt chuẩn nông thôn mới", break-test b17 round 11, failure 4).  A
    label of one topic ("Du lịch: ...") stays the indicator of a figure that names nothing
    else."""
    head, colon, rest = clause.partition(":")
    if not colon or clean_indicator(rest) or fold(clean_indicator(head)).lower() != \
            fold(indicator).lower():
        return False
    topics = [set(fold(t).lower().split()) for t in _TOPIC_JOIN.split(head.strip()) if t]
    if len(topics) < 2:
        return False
    words = set(fold(counted).lower().split())
    return sum(bool(t & words) for t in topics) == 1


_PLAN_AFTER = re.compile(r"^\s*(?:so\s+(?:voi\s+)?)?(du toan|chi tieu)\b")


# whose plan it is, after the plan word (folded): "dự toán tỉnh giao", "kế hoạch năm được
# HĐND huyện giao", "chỉ tiêu Trung ương giao", "dự toán điều chỉnh" (bt15-b17 failure 5)
_OWNER_WORDS = {"tinh": "tỉnh", "huyen": "huyện", "thanh pho": "thành phố", "thi xa": "thị xã",
                "quan": "quận", "xa": "xã", "trung uong": "Trung ương", "chinh phu": "Chính phủ",
                "hdnd": "HĐND", "ubnd": "UBND", "hoi dong nhan dan": "HĐND",
                "uy ban nhan dan": "UBND", "tw": "Trung ương", "bo tai chinh": "Bộ Tài chính",
                "bo cong thuong": "Bộ Công Thương"}
# "TW" for "Trung ương" ("dự toán TW giao", "% DT TW": dev2 e057/e09)
# the levels (a ministry too: "dự toán Bộ Tài chính giao") and bodies that own a plan
_LEVEL, _BODY = PLAN_OWNER_LEVEL, PLAN_OWNER_BODY
# "chỉ tiêu phấn đấu do UBND tỉnh giao": the aim word between the plan word and its owner
_PLAN_OWNER = re.compile(r"(?:\s+phan dau)?(?:\s+nam(?:\s+\d{4})?)?(?:\s+(?:duoc|do))?\s+"
                         rf"((?:{_BODY}\s+)?{_LEVEL}|{_BODY})\s+giao\b"
                         r"|^(?:\s+nam(?:\s+\d{4})?)?\s+(dieu chinh)\b")
_PLAN_NAMED_OWNER = re.compile(r"\b(?:du toan|chi tieu|ke hoach)\b")


# what happens to an enterprise or a cooperative, as the statistics office counts them each
# period (folded): registered, dissolved, suspended, returned, closed
_EVENTS = re.compile(r"\b(?:thanh lap(?: moi)?|giai the|tam ngung(?: kinh doanh| hoat dong)?"
                     r"|ngung hoat dong|quay tro lai hoat dong|cham dut hoat dong)\b")


def other_event(indicator: str, detail: str) -> str:
    """``indicator`` with its event word ("thành lập") replaced by the other event ``detail``
    opens with ("giải thể"): "Số doanh nghiệp giải thể" from ("Số doanh nghiệp thành lập",
    "giải thể") -- a count inherited from the figure before whose own words name another
    event (:data:`_EVENTS`); "" when either names none or both the same."""
    mine = _EVENTS.search(fold(indicator).lower())
    theirs = _EVENTS.match(fold(detail).lower())
    if mine is None or theirs is None or mine.group() == theirs.group():
        return ""
    return f"{indicator[:mine.start()]}{detail}".strip()


# the country's scope, and a plan owner below it (folded)
_COUNTRY = re.compile(r"\b(?:ca nuoc|toan quoc)\b")
_LOCAL_OWNER = re.compile(r"\b(?:hdnd|ubnd|tinh|huyen|thanh pho|thi xa|xa)\b")


def national_plan(frame: Frame) -> Frame:
    """``frame`` with only its plan word kept as its comparison when it is a plan share of
    the country ("cả nước", "toàn quốc" in its indicator) carried over from a share of a
    local body's plan: "bằng 61,2% kế hoạch HĐND tỉnh giao, cao hơn mức bình quân cả nước
    (52,4%)" -- the country's average is no share of the province's plan (break-test s47
    bt18a).  Unchanged otherwise."""
    if frame.measure != "plan_share" or not frame.comparison or \
            not _COUNTRY.search(fold(frame.indicator).lower()) or \
            not _LOCAL_OWNER.search(fold(frame.comparison).lower()):
        return frame
    return replace(frame, comparison=" ".join(frame.comparison.split()[:2]), detail="")


# a share's whole named right after it (folded): "41,5% giá trị xuất khẩu", "30% tổng kim
# ngạch", "18% kim ngạch", "12% sản lượng"
_SHARE_OF_NAMED = re.compile(r"\s*(?:cua\s+)?(?:tong|gia tri|kim ngach|san luong|doanh thu)\b")


def plan_owner(after: str) -> str | None:
    """Whose plan the folded words right after a plan word name, folded with the body first
    ("tinh", "hdnd tinh", "trung uong", "dieu chinh" for a revised plan), or None."""
    m = _PLAN_OWNER.match(after.lower())
    if not m:
        return None
    return re.sub(r"\btw\b", "trung uong", " ".join((m.group(1) or m.group(2)).split()))


def asked_plan_owner(folded: str) -> str | None:
    """Whose plan a folded question names after its plan word ("bằng bao nhiêu % dự toán tỉnh
    giao" -> "tinh"), or None."""
    for m in _PLAN_NAMED_OWNER.finditer(folded.lower()):
        owner = plan_owner(folded[m.end():])
        if owner:
            return owner
    return None


def other_plan_owner(asked: str | None, comparison: str | None) -> bool:
    """Whether a plan share of ``comparison`` ("dự toán huyện giao") is of another plan than
    the one a question names (``asked``, :func:`asked_plan_owner`): both name whose, and the
    levels (tỉnh, huyện, Trung ương …) differ, or one is the revised plan and the other not.
    A share naming nobody's plan is left to fit any."""
    if not asked or not comparison:
        return False
    said = asked_plan_owner(fold(comparison).lower())
    if not said:
        return False
    if (said == "dieu chinh") != (asked == "dieu chinh"):
        return True
    def level(o: str) -> str:
        return re.sub(rf"^{_BODY}\s*", "", o)
    return bool(level(asked) and level(said) and level(asked) != level(said))


# the words of an apposition after a level (folded), all its indicator when it names none of
# its own: "bình quân (mỗi ngày) (khoảng)", "trung bình", "tương đương", "tương ứng"
_APPOSITION_ONLY = re.compile(r"(?:tinh\s+)?(?:binh quan|trung binh|tuong duong|tuong ung)"
                              r"(?:\s+(?:moi|mot)\s+(?:ngay|tuan|thang|quy|nam))?"
                              r"(?:\s+(?:khoang|gan|hon|tren|xap xi))?")


# a clause of nothing but averaging words before its value (folded): "; bình quân ",
# "; trung bình khoảng "
_BARE_AVERAGE_CLAUSE = re.compile(r"\s*(?:binh quan|trung binh)(?:\s+(?:khoang|gan|hon|tren))?\s*")


# the span a per-unit written after a value is an average of: "triệu USD/ngày", "xe/ngày",
# "triệu USD/năm" (folded; its last "/" part)
_PER_SPAN = re.compile(r"/\s*(ngay|tuan|thang|quy|nam)$")
_SPAN_WORDS = {"ngay": "ngày", "tuan": "tuần", "thang": "tháng", "quy": "quý", "nam": "năm"}


def _undated_average(frame: Frame) -> Frame:
    """``frame`` without a period when it is an average a day (its verb says so: "Trung
    bình mỗi ngày, các cửa khẩu chỉ thông quan được từ 1.100 - 1.300 xe"; or its unit:
    "khoảng 1.500 xe/ngày") dated only by its document's day: the average is of the days
    around that date, no figure of that one day -- the summary never labels it "Ngày
    21/12/2026", and a question about the state on that day ("còn 4.000 xe chờ") is not
    answered by it (break-test bt17, cua_khau: Q83, Q89).  A day the sentence or its
    paragraph names stays."""
    if frame.period_from != "document" or frame.period is None or frame.period.kind != "day":
        return frame
    per = _PER_SPAN.search(fold(frame.unit).lower())
    if not (is_average(frame.verb) or (per and per.group(1) == "ngay")):
        return frame
    return replace(frame, period=None, period_from="")


def _average_of_head(frame: Frame, frames: list[Frame], folded: str, base: int) -> Frame | None:
    """``frame`` as the average a day, week, month, quarter or year of the level right before
    it in its clause (the last of ``frames``; ``folded`` the sentence from offset ``base``),
    when it is named by averaging words alone ("bình quân", "trung bình", "tương đương":
    :data:`_APPOSITION_ONLY`) and its unit says the span ("/ngày": :data:`_PER_SPAN`) or
    those words do ("bình quân mỗi ngày"): the head's indicator, and "bình quân mỗi <span>"
    added to its verb, so that it answers a question asking the average and never one
    asking the total ("kim ngạch đạt 214,6 triệu USD, bình quân 21,5 triệu USD/ngày":
    bt23-b17 Q51; "đạt 21.460 lượt xe, bình quân khoảng 715 xe/ngày": dev3 r15; "đạt
    21.520,9 triệu USD, bình quân khoảng 4.304 triệu USD/năm": dev report dv25).  None when
    it is no such average (a conversion "tương đương 52 triệu USD" names no span), when the
    frame before is no level of the same period, or money and a count are mixed."""
    named = " ".join(fold(frame.indicator).lower().split())
    if frame.measure != "level" or frame.part or frame.target or frame.kind == "percent" or \
            not frames or not named or not _APPOSITION_ONLY.fullmatch(named):
        return None
    per = _PER_SPAN.search(fold(frame.unit).lower())
    said = re.search(r"\b(?:moi|mot)\s+(ngay|tuan|thang|quy|nam)\b", named)
    span = per.group(1) if per else said.group(1) if said else ""
    if not span:
        return None
    k = len(frames) - 1
    while k > 0 and frames[k].measure == "change" and frames[k].indicator and \
            frames[k].indicator == frames[k - 1].indicator:
        k -= 1  # "đạt 1.126,4 tỷ đồng, tăng 21,5%; bình quân ...": past the level's change
    head = frames[k]
    if head.measure != "level" or head.part or head.target or not head.indicator or \
            head.kind == "percent" or head.period != frame.period or \
            is_average(head.verb) or is_money(head.unit) != is_money(frame.unit) or \
            _APPOSITION_ONLY.fullmatch(" ".join(fold(head.indicator).lower().split())):
        return None
    between = folded[max(0, head.end - base):max(0, frame.start - base)]
    if re.search(r":|\btrong do\b", between) or (";" in between and not
                                                    _BARE_AVERAGE_CLAUSE.fullmatch(
                                                        between.rsplit(";", 1)[1].lower())):
        # past a ";" only the clause "; bình quân <value>" right after the total and its
        # change ("tăng 21,5%; bình quân 225,3 tỷ đồng/ngày": bt26-b17 failure 7)
        return None
    verb = frame.verb if is_average(frame.verb) else \
        " ".join(w for w in (frame.verb, f"bình quân mỗi {_SPAN_WORDS[span]}") if w)
    return replace(frame, indicator=head.indicator, parent=head.parent, verb=verb)


def _apposition_head(prev: Frame, frames: list[Frame], folded: str, base: int,
                     at: int) -> Frame | None:
    """The level an apposition ``prev`` (a level named by no more than "bình quân", "tương
    đương" …: :data:`_APPOSITION_ONLY`) is set off after, in the same clause of the sentence
    (``folded``, the value at ``at``), when it is the frame right before it; else None."""
    if prev.measure != "level" or prev.part or prev.target or not prev.indicator:
        return None
    k = next((i for i, f in enumerate(frames) if f is prev), None)
    if not k:
        return None
    head = frames[k - 1]
    if not _APPOSITION_ONLY.fullmatch(" ".join(fold(prev.indicator).lower().split())) and \
            not (is_average(prev.verb) and prev.indicator == head.indicator):
        return None  # "bình quân 21,5 triệu USD/ngày" is named after its head (_average_of_head)
    if head.measure != "level" or head.part or head.target or not head.indicator or \
            head.period != prev.period or \
            _APPOSITION_ONLY.fullmatch(" ".join(fold(head.indicator).lower().split())):
        return None
    between = folded[max(0, head.start - base):max(0, at)]
    return None if re.search(r"[;:]|\btrong do\b", between) else head


def plan_word(after: str) -> str:
    """The plan a share is of, from the folded text after its value: "dự toán" ("54,2% dự
    toán"), "chỉ tiêu" ("61% chỉ tiêu"), else "kế hoạch" -- with whose plan it is when the
    words after name it ("dự toán tỉnh giao", "kế hoạch điều chỉnh": :func:`plan_owner`)."""
    m = _PLAN_AFTER.match(after.lower())
    word = {"du toan": "dự toán", "chi tieu": "chỉ tiêu"}[m.group(1)] if m else "kế hoạch"
    if not m:
        k = re.match(r"^\s*(?:so\s+(?:voi\s+)?)?(?:ke hoach|kh)\b", after.lower())
        rest = after[k.end():] if k else None
    else:
        rest = after[m.end():]
    owner = plan_owner(rest) if rest is not None else None
    if not owner:
        return word
    if owner == "dieu chinh":
        return f"{word} điều chỉnh"
    shown = " ".join(_OWNER_WORDS.get(w, w) for w in _owner_parts(owner))
    return f"{word} {shown} giao"


def _owner_parts(owner: str) -> list[str]:
    """An owner key split into its known words ("hdnd tinh" -> ["hdnd", "tinh"])."""
    out, rest = [], owner
    for key in sorted(_OWNER_WORDS, key=len, reverse=True):
        if rest.startswith(key):
            out.append(key)
            rest = rest[len(key):].strip()
            break
    if rest:
        out.append(rest)
    return out
