"""The indicator phrase of a figure: the words before a value that name it, trimmed of
verbs, fillers and time words, the clause that holds them, and the words after a value that
say what it counts."""

from __future__ import annotations

import re
from functools import lru_cache

from rag.vi.grades import without_named_grades
from rag.vi.lexicon import (
    CHANGE_DEGREES,
    ELIDED_SYLLABLES,
    ENGLISH_GRAMMAR,
    GROUP_QUALIFIER_RE,
    PLACE_KINDS,
    QUESTION_PHRASES,
    TARGET_VERBS,
    UNIT_MAGNITUDES,
)
from rag.vi.numbers import NEGATED_BOUNDS, code_word, is_money, names_number, unit_after
from rag.vi.text import fold
from rag.vi.words import is_word

# a change verb with how it went ("tăng nhẹ 0,08%") or how it ranks among the items listed
# ("tăng cao nhất 4,86%", "tăng cao nhất với 1,18%": dev2 e01; rag.vi.frames.measures)
_DEGREE_PHRASES = tuple(
    f"{verb} {how}{most}" for verb in ("tăng", "giảm")
    for how in CHANGE_DEGREES
    for most in ("", " nhất", " nhất với", " nhất là", " nhất ở mức"))

# Words and phrases trimmed off the edges of an indicator phrase, compared lower-case with
# their diacritics ("chỉ" = only is trimmed, "chỉ số" = index is not): verbs that lead to the
# value, particles, discourse markers, places that every figure of a provincial report shares.
_EDGE_PHRASES = sorted((
    "và", "còn", "với", "của", "tại", "ở", "trong", "trong đó", "riêng", "gồm", "bao gồm",
    "cụ thể", "theo", "thì", "đối với", "là", "đạt", "ước", "ước tính", "ước đạt", "dự ước",
    "dự ước đạt",
    "đạt được",
    "được", "khoảng", "gần", "hơn", "trên", "chỉ còn", "chỉ đạt", "chỉ tăng", "chỉ giảm",
    "vào", "vì", "như sau", "tăng",
    "giảm", "bằng", "chiếm", "lần lượt", "mức", "tổng cộng", "toàn tỉnh", "trên địa bàn",
    "trên địa bàn tỉnh", "địa bàn tỉnh", "sau khi", "thứ", "xếp thứ", "đứng thứ", "xếp hạng",
    "tuy nhiên", "nhưng", "song", "bên cạnh đó", "ngoài ra", "đồng thời", "vẫn", "cũng", "đã",
    "sẽ", "đang", "tiếp tục", "mới", "lên", "xuống", "có", "có thêm", "còn tồn", "tồn", "còn lại",
    "đón", "thu hút", "tính chung", "cộng chung", "cộng dồn", "lũy kế", "luỹ kế",
    "bình quân mỗi", "mỗi",
    "đạt mức", "ở mức", "lên tới", "lên đến", "tới", "đến", "từ", "so với", "so", "cùng kỳ",
    "năm", "tháng", "quý", "ngày", "tính đến", "tính đến hết", "đến hết", "đến nay", "hiện nay",
    "hiện có", "chủ yếu", "nhìn chung", "kết quả", "cụ thể như sau", "như", "sơ bộ", "dự kiến",
    "dự báo",
    # a requirement before a change or level ("GRDP cần tăng tối thiểu 9,1%", "phải đạt
    # 420 triệu USD": rag.vi.frames.measures.states_requirement); a bound ("tối thiểu") is
    # kept: stripped, it cost one held-out answer
    "cần", "phải", "cần phải",
    # ... but a bound written as a denied comparison ("không dưới", "không quá") is quoted
    # with the value (rag.vi.numbers.approx_before), so the indicator need not keep it
    *NEGATED_BOUNDS,
    # the verb of a contribution ("tăng 3,26%, đóng góp 0,58 điểm phần trăm": the clause's
    # subject is what contributes; rag.vi.frames.measures.contributed)
    "đóng góp",
    "thêm", "tăng lên", "giảm xuống", "giảm còn", "còn", "lên mức", "khi", "vượt", "gấp", "cả",
    "phấn đấu", "ước thực hiện", "thực hiện", "hết", "nay", "được công nhận", "công nhận",
    # a count raised to its new level ("tổng số sản phẩm OCOP của tỉnh đã nâng lên 225 sản
    # phẩm", "nâng tổng số lên 183 sản phẩm": the OCOP reports of bt17b and dev2)
    "nâng lên",
    *_DEGREE_PHRASES,
), key=len, reverse=True)
# ... compared folded in text typed without diacritics: "nhom giao duc tang cao nhat 4,86%"
_DEGREE_PHRASES_FOLDED = sorted({fold(p) for p in _DEGREE_PHRASES}, key=len, reverse=True)
# edge words that begin a noun with the next word ("tăng trưởng", "giảm nghèo"), and those
# that end a qualifier with the word before ("từ 3 sao trở lên", "từ 60 tuổi trở xuống") or
# a name ("xã đạt chuẩn nông thôn mới", the national programme: dev reports "tỷ lệ xã đạt
# chuẩn nông thôn mới", "Văn phòng Điều phối nông thôn mới tỉnh")
_COMPOUND_AFTER = {"tăng": ("trưởng", "cường"), "giảm": ("nghèo",), "cả": ("nước",)}
# -- and a fruit whose name ends in an edge word ("sầu riêng", durian: a part "trong đó sầu
# riêng 168.000 tấn" lost its name to "sầu"; bt17-b17 failure 2; rag.vi.lexicon's glossary)
# -- and a crop's class named by how long it lives ("cây hằng năm", "cây hàng năm", annual;
# "cây lâu năm", perennial; "cây ngắn ngày", "cây dài ngày"): no time word, the class itself
# ("Tính đến ngày 15/3/2061, toàn tỉnh gieo trồng được 12.450 ha cây hằng năm vụ Đông Xuân"
# read "12.450 ha cây hằng", its parts' whole "gieo trồng ha cây hằng"; break-test bt22a,
# session 50)
_COMPOUND_BEFORE = {"lên": ("trở",), "xuống": ("trở",), "mới": ("thôn",), "riêng": ("sầu",),
                    "năm": ("hằng", "hàng", "lâu"), "ngày": ("ngắn", "dài")}
_COMPOUND_BEFORE_FOLDED = {fold(k): tuple(fold(w) for w in v) for k, v in _COMPOUND_BEFORE.items()}
_EDGE_WORDS_FOLDED = frozenset(  # for text typed without diacritics: unambiguous words only
    "va con voi cua tai trong rieng gom theo thi la dat uoc duoc khoang gan hon tren tang giam "
    "bang chiem muc toan tinh dia ban xep dung vao tuy nhien nhung song van cung da se dang "
    "tiep tuc moi len co ton don tinh chung cong don luy ke moi toi den tu so cung ky nam "
    "thang quy ngay het nay hien chu yeu".split())
_FUNCTION_ONLY = frozenset("va cua tai o trong do la dat duoc voi cac nhung mot cho".split())
# ... also a cause ("2,15% do ảnh hưởng của dịch bệnh", "41.260 lượt do biên giới đóng cửa")
# and a remark set off by a dash ("1.091 xe nhập khẩu – mức cao nhất kể từ đầu quý IV")
_DETAIL_END = re.compile(r"[,;.()\[\]:]|\s[–—]\s|\s(?:đạt|tăng|giảm|chiếm|bằng|so với|trong đó|"
                         r"và|với|của|là|do|vì|nhờ|dat|tang|giam|chiem|bang|so voi|trong do|"
                         r"va)\s", re.IGNORECASE)
DETAIL_WORDS = 8  # words kept of what follows a value
# an aside in brackets right after a value's noun that holds no figure ("(trà hoa vàng)")
_ASIDE = re.compile(r"\s*\([^()\d]*\)")
# "12 sản phẩm đạt 4 sao": an OCOP rating qualifies what is counted, it ends nothing; nor
# does an "đạt" that leads to no value ("58 sản phẩm đạt chuẩn OCOP", "20 xã đạt chuẩn nông
# thôn mới", "22 chỉ tiêu đạt và vượt kế hoạch")
_RATING = re.compile(r"\s*[1-5]\s*sao\b", re.IGNORECASE)
# a rating anywhere after such an "đạt" is no value it leads to either ("62 sản phẩm đạt
# chứng nhận OCOP từ 3 sao trở lên", "40 sản phẩm đạt hạng 4 sao"): break-test bt13-b17
# failure 5, the part's qualifier lost and the total served for a question naming it
# -- a range or list of ratings too ("27 khách sạn đạt chuẩn từ 2 đến 4 sao", "3, 4 và 5
# sao": bt16-b17 failure 4)
_ANY_RATING = re.compile(r"\b[1-5](?:\s*(?:đến|tới|den|toi|và|va|hoặc|hoac|-|–|,)\s*[1-5])*"
                         r"\s*sao\b", re.IGNORECASE)
# how an introductory clause begins (folded, lower case): where, when, by whose account
# ("Cũng theo ông Tuấn, ...", "Và theo Cục Hải quan, ...": an attribution led by an adverb or
# a conjunction; break-test bt17b, the summary "ông Tuấn giá trị sản xuất công nghiệp")
_INTRO = re.compile(r"\s*(?:(?:cung|va)\s+theo|theo|trong|tinh den|tinh chung|tinh rieng|xet|"
                    r"ve|rieng|den|sau|"
                    r"truoc|tu|nam|thang|quy|ngay|ngoai ra|ben canh do|nhin chung|cu the|"
                    r"nhu vay|voi|do|nho|mac du|tuy|tai|o|luy ke|cong don|so voi|con|"
                    r"dong thoi|hien nay|den nay|trao doi|phat bieu|chia se|thong tin|"
                    r"bao cao|ket qua|chieu|sang|toi|tra loi|"
                    # a span of days named by what they are ("Những ngày cao điểm cuối năm,",
                    # "những ngày đầu tháng 6," in the dev2 reports): when, not what is counted
                    r"(?:nhung|cac)\s+(?:ngay|tuan|dip))\b")
# an occasion opening a clause ("Dịp nghỉ lễ …, ", "Nhân dịp …, ") and a forecast's words after
# it (:func:`last_clause`)
_OCCASION_INTRO = re.compile(r"\s*(?:nhan\s+)?dip\b")
_FORECAST_AFTER = re.compile(r"\b(?:dự báo|dự kiến|ước tính|sẽ)\b")  # as written: "sẽ", not "sẻ"


# The verbs that lead to a level as reports write them, with what may come between them and the
# value ("có khoảng", "còn hơn"): what a summary says of the figure ("còn 1.350 xe hàng chờ",
# "có 247 sản phẩm", "là 118 doanh nghiệp"), compared lower-case with diacritics (folded in
# text typed without any).  Longest first, so "ước đạt" is not read as "đạt".  Each is
# trimmed off an indicator (:func:`clean_indicator`), so a summary never says it twice.
LEAD_VERBS = sorted((
    "có", "có thêm", "hiện có", "còn", "chỉ còn", "vẫn còn", "còn tồn", "giảm còn", "xuống còn",
    "giảm xuống", "tăng lên", "lên tới", "lên đến", "lên mức", "là", "đạt", "ước đạt", "ước",
    "ước tính", "ước tính đạt", "dự ước", "dự ước đạt", "sơ bộ đạt", "đạt được", "đạt mức",
    "ở mức", "chỉ đạt", "đón", "thu hút", "gồm", "bao gồm", "tổng cộng", "thực hiện",
    "ước thực hiện", "nâng lên",
), key=len, reverse=True)
_APPROX_GAP = re.compile(r"(?:\s+(?:khoảng|gần|hơn|trên|dưới|chừng|xấp xỉ|tới|đến|từ|"
                         r"khoang|gan|hon|tren|duoi|chung|xap xi|toi|den|tu))*\s*$")


def lead_verb(before: str) -> str:
    """The verb written right before a value (``before``: the text up to it), as written
    ("ước đạt", "còn", "có"; an approximation word between them skipped: "có khoảng"), or ""
    when the words before the value are no verb of :data:`LEAD_VERBS` ("tỷ trọng dịch vụ
    50,3%", "khách quốc tế 61.500 lượt")."""
    text = before.rstrip()
    plain = fold(text) == text
    lower = text.lower()
    gap = _APPROX_GAP.search(lower)
    head = lower[:gap.start()] if gap else lower
    for verb in LEAD_VERBS:
        word = fold(verb) if plain else verb
        if head.endswith(word) and (len(head) == len(word) or not head[-len(word) - 1].isalnum()):
            return _averaged(text, len(head) - len(word), len(head))
    return _averaged(text, len(head), len(head)).strip()


# the verbs of receiving visits (folded, ending the words before a value): "đón", "tiếp đón",
# "phục vụ", "thu hút"; the units of visits they count ("lượt khách", "lượt", "khách", "hành
# khách"); and the subjects that are where visits come, not a thing ranked or counted: the
# venues all together ("các khu, điểm du lịch", "những cơ sở lưu trú") -- a named one ("Chợ
# Chi Lăng đón 46.000 lượt khách") is the item a ranking asks of; "có" is left out ("qua các
# cửa khẩu có 27.640 lượt phương tiện": tests/test_part_label_not_unit.py)
_RECEIVING_VERB = re.compile(r"(?:^|\s)(?:don|tiep don|don tiep|phuc vu|thu hut)$")
_VISIT_UNIT = re.compile(r"^(?:luot\b.*|(?:hanh |du )?khach)$")
_VENUES = re.compile(r"^(?:toan bo |tat ca )?(?:cac|nhung) \w")


def receives_visits(verb: str, unit: str, subject: str) -> bool:
    """Whether a value led by ``verb`` (:func:`lead_verb`, as written: "đón", "ước đón",
    "bình quân mỗi ngày đón") in ``unit`` ("nghìn lượt khách") after ``subject`` (a cleaned
    indicator) counts visits received at venues: the verb receives (:data:`_RECEIVING_VERB`),
    the unit, magnitude words left out, counts visits or visitors (:data:`_VISIT_UNIT`) and
    the subject names venues together (:data:`_VENUES`: "các khu, điểm du lịch trên địa bàn
    tỉnh").  The subject is then where they came, and what is counted the figure's indicator
    ("lượt khách"; issue 17 bt17g, brief visitorcount)."""
    words = [w for w in fold(unit).lower().split() if w not in UNIT_MAGNITUDES]
    said = " ".join(fold(verb).lower().split())
    return bool(_RECEIVING_VERB.search(said) and _VISIT_UNIT.match(" ".join(words))
                and _VENUES.match(" ".join(fold(subject).lower().split())))


# "Bình quân mỗi ngày có 1.350 lượt phương tiện": an average a day, a month -- said with the
# verb, so a summary never gives it as the whole period's figure (issue 17 break-test, round-1
# items; "bình quân mỗi ngày có khoảng 1.000 xe": dev reports).  Written also with the period
# first ("mỗi ngày bình quân có 2.480 lượt xe") or set off from the verb by its clause
# ("Bình quân mỗi ngày, đơn vị làm thủ tục cho 640 tờ khai"; "trung bình mỗi tháng cấp 1.200
# giấy phép": break-test b17 N4 and reports of our own, tests/test_averages_written_apart.py).
_AVG_WORD = r"(?:bình quân|trung bình|binh quan|trung binh)"
_AVG_SPAN = r"(?:mỗi|một|moi|mot)\s+(?:ngày|tuần|tháng|quý|năm|ngay|tuan|thang|quy|nam)"
_AVERAGE_PHRASE = (rf"(?:{_AVG_WORD}\s+{_AVG_SPAN}|{_AVG_SPAN}\s+{_AVG_WORD})")
_AVERAGE = re.compile(rf"(?:^|(?<=\W)){_AVERAGE_PHRASE}\s*$", re.IGNORECASE)
_AVERAGE_ANY = re.compile(rf"(?:^|(?<=\W)){_AVERAGE_PHRASE}(?!\w)", re.IGNORECASE)


_AVERAGE_SAID = re.compile(r"\b(?:(?:binh quan|trung binh)\s+(?:moi|mot|1)\s+(?:ngay|tuan|thang|"
                           r"quy|nam)|(?:moi|mot|1)\s+(?:ngay|tuan|thang|quy|nam)\s+"
                           r"(?:binh quan|trung binh))\b")


# "mỗi ngày" alone leading the verb: "Những ngày cao điểm cuối năm, mỗi ngày có từ 1.200 -
# 1.500 xe" (bt17c #91), "mỗi tháng cấp 1.200 giấy phép" -- a rate a day, week or month, the
# leading counterpart of the bare "mỗi ngày" said after a value (:data:`_AVERAGE_AFTER`: "xếp
# dỡ 18.600 tấn hàng mỗi ngày", break-test b17 F6); only "mỗi" ("một ngày" may be one day)
# and only the spans :data:`_AVERAGE_AFTER` takes bare
_EACH_SPAN = r"(?:mỗi|moi)\s+(?:ngày|tuần|tháng|ngay|tuan|thang)"
_EACH_BEFORE = re.compile(rf"(?:^|(?<=\W)){_EACH_SPAN}\s*$", re.IGNORECASE)
_EACH_LEADS = re.compile(r"^moi\s+(?:ngay|tuan|thang)\b")


def averages_over_span(text: str) -> bool:
    """Whether ``text`` (a question or a verb, as written or folded) names both an averaging
    word and its span ("bình quân mỗi ngày", "mỗi tháng trung bình", "trung bình 1 ngày")."""
    return bool(_AVERAGE_SAID.search(fold(text).lower()))


@lru_cache(maxsize=8192)  # pure; asked of every frame's verb, often twice
def is_average(verb: str) -> bool:
    """Whether a frame's ``verb`` (:func:`lead_verb`, as written) says its value is an
    average a day, week, month, quarter or year ("Bình quân mỗi ngày có", "mỗi ngày bình
    quân có"), or a rate a day, week or month ("mỗi ngày có": :data:`_EACH_BEFORE`): no
    figure of the whole period or the one day it is stated for."""
    folded = fold(verb).lower().strip()
    return averages_over_span(folded) or bool(_EACH_LEADS.match(folded))


# the averaging words said after the value, in its clause: "cảng xếp dỡ 18.600 tấn hàng mỗi
# ngày" (a rate a day, a week, a month), "có 1.950 lượt xe xuất bến, bình quân một ngày"
# (break-test b17 F6; tests/test_averages_written_apart.py) -- folded text up to the next value
_AVERAGE_AFTER = re.compile(r"^[^;:.()]*?(?:\b(?:binh quan|trung binh)\s+(?:moi|mot)\s+"
                            r"(?:ngay|tuan|thang|quy|nam)|\b(?:moi|mot)\s+(?:ngay|tuan|thang|"
                            r"quy|nam)\s+(?:binh quan|trung binh)|\bmoi\s+(?:ngay|tuan|thang))\b")


# what may stand between the averaging words and the value they lead (folded): "bình quân mỗi
# tháng (có|đạt|khoảng) 2,38 triệu"
_LEADS_NEXT = re.compile(r"\s*,?\s*(?:(?:co|la|dat|uoc dat|uoc|khoang|gan|hon|tren|xap xi)\s+)*$")


def average_after(verb: str, after: str, followed: bool = False) -> str:
    """``verb`` (:func:`lead_verb`) with "bình quân <span>" added when the words after a
    level (``after``: folded, up to the next value) say it is an average a day, week or
    month (:data:`_AVERAGE_AFTER`) and the verb does not already; ``verb`` itself otherwise.
    The span is said as written after the value ("mỗi ngày", "một ngày").  ``followed``: a
    value comes right after ``after`` -- averaging words that lead it (nothing but a verb
    between: :data:`_LEADS_NEXT`) are that value's, and this one is the period's total
    ("ước đạt 21,4 triệu lượt khách, bình quân mỗi tháng 2,38 triệu"; break-test b17 B)."""
    m = _AVERAGE_AFTER.search(after)
    if not m or is_average(verb):
        return verb
    if followed and _LEADS_NEXT.fullmatch(after[m.end():]):
        return verb
    span = re.findall(r"\b(?:moi|mot)\s+\w+", m.group(0))[-1]
    words = {"moi": "mỗi", "mot": "một", "ngay": "ngày", "tuan": "tuần", "thang": "tháng",
             "quy": "quý", "nam": "năm"}
    span = " ".join(words.get(w, w) for w in span.split())
    return " ".join(w for w in (verb, f"bình quân {span}") if w)


def without_average(raw: str) -> str:
    """``raw`` (words before a value) without the words saying it is an average a day or a
    month ("mỗi ngày bình quân", "trung bình mỗi tháng"): they belong to the verb
    (:func:`lead_verb`), never to the indicator's name."""
    return _AVERAGE_SET_OFF.sub(" ", _AVERAGE_ANY.sub(" ", raw))


# "tính bình quân, cảng xếp dỡ 18.600 tấn hàng mỗi ngày": averaging words set off by a comma,
# their span said after the value (:func:`average_after`; break-test b17 F6)
_AVERAGE_SET_OFF = re.compile(r"(?:^|(?<=\W))(?:tính\s+)?(?:bình quân|trung bình|binh quan|"
                              r"trung binh)\s*,", re.IGNORECASE)


def _averaged(text: str, start: int, end: int) -> str:
    """``text[start:end]`` (a lead verb or nothing) with the averaging words right before it
    ("bình quân mỗi ngày có"), as written -- or, said earlier in the clause ("Bình quân mỗi
    ngày, đơn vị làm thủ tục cho"), those words then the verb."""
    m = (_AVERAGE.search(text, 0, start) or _EACH_BEFORE.search(text, 0, start)) \
        if start else None
    if m:
        return text[m.start():end]
    said = list(_AVERAGE_ANY.finditer(text, 0, start))
    if said:
        return " ".join(w for w in (said[-1].group(0), text[start:end].strip()) if w)
    return text[start:end]


# An abbreviation standing for an indicator: "IIP", "CPI", "GRDP", "FDI" (two or more
# capitals, digits allowed after the first).
_ABBREVIATION = re.compile(r"[A-ZĐ][A-ZĐ0-9]+")


def is_name(phrase: str) -> bool:
    """Whether ``phrase`` (an indicator cleaned by :func:`clean_indicator`) can name a figure:
    not one syllable -- a verb or adverb left of the clause ("chỉ" of "chỉ bằng", "xây" of
    "xây mới", "cao" of "cao hơn"), a time word ("nửa" of "trong nửa tháng"), a list mark
    ("c" of "c) Có thêm"), the sentence's subject "Tỉnh" -- unless it is an abbreviation
    ("IIP", "CPI"): statistical indicators are named by compounds ("sản lượng than", not
    "than").  Measured over the seeds, dev reports and dev2 documents: every one-syllable
    indicator but the abbreviations was such a word."""
    words = phrase.split()
    if len(words) != 1:
        return bool(words)
    return bool(_ABBREVIATION.fullmatch(words[0]))


# the words of an administrative area (folded): "toàn huyện", "thành phố", "huyện Cao Lộc"
_AREA_WORDS = ("tinh", "huyen", "thanh pho", "thi xa", "xa", "phuong", "thi tran", "quan")


def is_place(phrase: str, places: frozenset[str] = frozenset()) -> bool:
    """Whether ``phrase`` (a cleaned indicator) only says where: an administrative area,
    whole or named ("toàn huyện", "thành phố", "huyện Cao Lộc", "tỉnh Lạng Sơn"), or a place
    of ``places`` (folded names: rag.vi.lexicon.PLACES) -- the subject of "toàn huyện có 36
    hợp tác xã", whose figure counts what follows its number."""
    words = phrase.split()
    folded = fold(phrase).lower()
    if not words:
        return False
    if folded in places:
        return True
    if fold(words[0]).lower() in ("toan", "ca"):
        words = words[1:]
    rest = " ".join(words)
    for area in _AREA_WORDS:
        n = area.count(" ") + 1
        if fold(" ".join(words[:n])).lower() == area:
            return all(w[:1].isupper() for w in words[n:]) and bool(rest)
    return False


def area_name(phrase: str) -> str:
    """The proper name in an area phrase (:func:`is_place`): "Văn Lãng" of "huyện Văn Lãng",
    "" of "Toàn huyện" or "Huyện" -- "toàn"/"cả" before an administrative noun says "all of
    the", and a sentence's first letter is capitalised, neither a name (Vietnamese reports
    open with "Toàn huyện có 9 chợ", "Toàn tỉnh có 203 sản phẩm OCOP"; break-test bt17d
    n04-n06 read a place "Toàn").  A phrase of no area noun keeps its capitalised words."""
    words = phrase.split()
    if words and fold(words[0]).lower() in ("toan", "ca"):
        words = words[1:]
    for area in _AREA_WORDS:
        n = area.count(" ") + 1
        if fold(" ".join(words[:n])).lower() == area:
            words = words[n:]
            break
    return " ".join(w for w in words if w[:1].isupper())


# the units a report speaks for (lower case, as written), besides an area (:func:`is_place`):
# "Về chỉ số hài lòng khách hàng năm 2070, Công ty đứng thứ 3/27 công ty điện lực" (break-test
# bt16-b17's power bulletin), "tỉnh xếp thứ 11/63" (bt17-b17), "toàn ngành đạt 92,4% kế
# hoạch vốn", "đơn vị xếp thứ 5/18 sở, ngành" -- alone or with their name
_REPORTING_UNITS = ("đơn vị", "ngành", "công ty", "tổng công ty", "chi cục", "cục", "sở",
                    "doanh nghiệp", "hợp tác xã")


def reporting_unit(phrase: str, places: frozenset[str] = frozenset()) -> bool:
    """Whether ``phrase`` (a cleaned indicator) only names who reports the figure: an area
    (:func:`is_place`: "tỉnh", "toàn huyện") or a unit of :data:`_REPORTING_UNITS`, whole or
    named ("toàn ngành", "Công ty", "Sở Công Thương") -- the subject of "tỉnh xếp thứ 11/63",
    which says nothing of what is ranked.  Text typed without diacritics is compared folded,
    but for "so" (sở or số)."""
    if is_place(phrase, places):
        return True
    words = phrase.split()
    plain = fold(phrase) == phrase.lower()
    if words and fold(words[0]).lower() in ("toan", "ca"):
        words = words[1:]
    for unit in _REPORTING_UNITS:
        n = unit.count(" ") + 1
        head = " ".join(words[:n]).lower()
        if len(words) >= n and (head == unit or (plain and head == fold(unit) != "so")):
            return all(w[:1].isupper() for w in words[n:])
    return False


# a product or grade code, capitals then digits ("RON95", "E5", "PM10", "CO2"): part of a
# name, not a number at its edge ("giá xăng RON95"); compared lower-cased.  Not "Q3", "T10"
# (a quarter, a month written short)
_CODE_NAME = re.compile(r"(?![qt]\d)[a-zđ]{1,4}\d{1,3}")


# A target's verb ("Năm 2034, tỉnh phấn đấu tăng trưởng kinh tế đạt 7,5%", "ngành nông
# nghiệp phấn đấu tăng trưởng 3,2 - 3,5%", "Chúng tôi đặt mục tiêu kim ngạch ... đạt"): it and
# the subject before it (who plans) mark a plan, never the indicator (issue 17 b17 F9);
# folded forms for text typed without diacritics.
_TARGET_VERB = re.compile(r"^(?P<who>.*?\s)?(?:"
                          + "|".join(sorted({*TARGET_VERBS, *map(fold, TARGET_VERBS)},
                                            key=len, reverse=True))
                          + r")\s+(?=\S)", re.IGNORECASE)


# who plans, before a target's verb: the province, its people, an office, a sector, "we"
_PLANNER = re.compile(r"(?:toàn\s+|toan\s+)?(?:tỉnh|tinh|thành phố|thanh pho|huyện|huyen|"
                      r"ubnd|sở|so|ngành|nganh|chúng tôi|chung toi|đơn vị|don vi|"
                      r"doanh nghiệp|doanh nghiep|công ty|cong ty)\b", re.IGNORECASE)


def without_target_verb(raw: str) -> str:
    """``raw`` without a target's subject and verb before what it names ("tỉnh phấn đấu tăng
    trưởng kinh tế" -> "tăng trưởng kinh tế"); a sector that plans is what the figure is of,
    said after it ("ngành nông nghiệp phấn đấu tăng trưởng" -> "tăng trưởng ngành nông
    nghiệp"); ``raw`` itself when it holds no such verb."""
    m = _TARGET_VERB.match(raw)
    if not m:
        return raw
    who = last_clause(m.group("who") or "").strip()
    if who and not _PLANNER.match(who) and not clean_indicator(raw[m.end():]):
        # "...; thu ngân sách nhà nước phấn đấu đạt 10.300 tỷ đồng", "vốn đầu tư toàn xã hội
        # dự kiến đạt ...": a noun phrase before the verb and nothing but a lead verb after it
        # is the target's own indicator, not the planner (b17 text defect: the clause took the
        # previous target's indicator)
        return f"{who} {raw[m.end():]}"
    sector = re.search(r"\b(?:ngành|nganh)\s.*", who, re.IGNORECASE)
    if sector is None:
        return raw[m.end():]
    named = clean_indicator(raw[m.end():])
    if named and names_figure(named) and sector.group().split()[1][:1].isupper():
        # "ngành Công Thương phấn đấu tổng kim ngạch xuất nhập khẩu qua địa bàn đạt 8 tỷ USD",
        # "ngành Hải quan phấn đấu kim ngạch qua địa bàn đạt ...": an office (its name
        # capitalised, as Vietnamese writes an agency's) plans a figure its own noun names --
        # the territory's, not the office's (break-test bt17b; dev2 e05)
        return raw[m.end():]
    # the sector said after the figure's words without the verb leading to the value: never
    # "giá trị sản xuất đạt ngành nông nghiệp" (break-test bt17b)
    return f"{named or raw[m.end():]} {sector.group()}"


# A forecast or estimate said by who makes it, before what it is of ("Chúng tôi dự báo cả
# năm giá trị sản xuất công nghiệp đạt ...", "Sở Công Thương dự kiến kim ngạch ...", "ngành
# ước tính doanh thu ..."): the kind of figure ("forecast" or "estimate") by the verb, as an
# impersonal "Dự báo ...", "Ước tính ..." says it (issue 17 bt18-c17 failure 4).  Who says it
# is a planner (:data:`_PLANNER`: the province, an office, a sector, "chúng tôi"), another
# reporting unit (:func:`reporting_unit`), "chúng ta", or no one written.
_SAID_FORECAST = re.compile(r"^(?P<who>.*?\s)?(?P<verb>dự báo|dự kiến|ước tính|dự ước|du bao|"
                            r"du kien|uoc tinh|du uoc)\s+(?=\S)", re.IGNORECASE)
_FORECAST_KINDS = {"du bao": "forecast", "du kien": "forecast", "uoc tinh": "estimate",
                   "du uoc": "estimate"}
_WE = re.compile(r"(?:chúng ta|chung ta)\b", re.IGNORECASE)


def said_forecast(raw: str) -> tuple[str, str]:
    """The kind of figure a clause (``raw``: the words before a value) says it forecasts or
    estimates, and the clause without who says it and the verb: ("forecast", "giá trị sản
    xuất công nghiệp đạt") for "Chúng tôi dự báo giá trị sản xuất công nghiệp đạt";
    ("estimate", ...) for "ước tính", "dự ước"; ("", ``raw``) when the verb is not there or
    what stands before it names no one who speaks ("vốn đầu tư dự kiến đạt": the figure's own
    noun, kept)."""
    m = _SAID_FORECAST.match(raw)
    if not m:
        return "", raw
    who = last_clause(m.group("who") or "").strip()
    if who and not _speaker(who):
        return "", raw
    return _FORECAST_KINDS[fold(m.group("verb")).lower()], raw[m.end():]


# a person named as who speaks: "ông Nguyễn Văn Hùng", "bà Lan", "Giám đốc Sở"
_PERSON = re.compile(r"(?:ông|bà|ong|ba)\s+(?:[A-ZĐÀ-Ỹ]\w*\s*)+", re.IGNORECASE)


def _speaker(who: str) -> bool:
    """Whether ``who`` (the words before a forecast's verb) names only who speaks: a planner
    or office ("tỉnh", "UBND tỉnh", "Sở", "ngành Công Thương", "chúng tôi", :data:`_PLANNER`,
    at most a short name after it), another unit of :func:`reporting_unit`, "chúng ta", a
    person ("bà Lan")."""
    if _WE.fullmatch(who) or reporting_unit(who):
        return True
    lower = who.lower()
    if any(lower.startswith(f"{unit} ") and who[len(unit) + 1:][:1].isupper()
           and len(who.split()) <= 6 for unit in _REPORTING_UNITS):
        return True  # "Cục Hải quan", "Chi cục Quản lý thị trường": a name, as it begins
    if _PERSON.fullmatch(who) and who.split()[1][:1].isupper():
        return True
    planner = _PLANNER.match(who)
    if planner is None:
        return False
    rest = who[planner.end():].split()
    return len(rest) <= 3 and all(w[:1].isupper() or fold(w).lower() in _PLANNER_TAIL
                                  for w in rest)


# what may follow a planner's word in its name, lower case: "UBND tỉnh", "ngành công thương"
_PLANNER_TAIL = frozenset("tinh huyen thanh pho cong thuong".split())


# the aspect word between a doer and what it did ("lực lượng quản lý thị trường đã kiểm tra",
# "Cục Hải quan đang làm thủ tục"), not before a passive ("sản phẩm đã được công nhận")
_DONE_BY = re.compile(r"\s(?:đã|đang|vừa|đã tiến hành|vừa tiến hành)\s+(?!được\b|bị\b)(?=\S)")
# what opens a noun phrase naming a figure, not a verb: "kim ngạch nhập khẩu", "tổng số",
# "doanh thu", "số vụ" (folded; the heads of rag.vi.frames.sentence's amount and quantity words)
# the owner of a figure, then "có" and the figure's noun (:data:`_NOUN_OPENER`): "dự án X có
# tổng vốn đầu tư", "Công ty A có doanh thu" -- who the serial verbs after its value are of
_HAS_FIGURE = re.compile(r"\s(?:có|co)\s+(?=(?:tổng|tong|số|so|vốn|von|doanh thu|kim ngạch|"
                         r"kim ngach|sản lượng|san luong|diện tích|dien tich|giá trị|gia tri)\b)")
_NOUN_OPENER = re.compile(r"(?:tong|so|ty le|ty trong|chi so|gia tri|tri gia|kim ngach|"
                          r"doanh thu|san luong|luong|khoi luong|so tien|von|dien tich|"
                          r"nang suat|gia|muc|luot)\b")


def names_figure(phrase: str) -> bool:
    """Whether ``phrase`` (as written or folded) opens with the noun of a figure --
    "Tổng mức bán lẻ hàng hóa ...", "Kim ngạch xuất khẩu", "Số lượt khách", "Chỉ số giá tiêu
    dùng" -- and so names an indicator, not a sector ("Thương mại, dịch vụ") or a topic."""
    return _NOUN_OPENER.match(fold(phrase).lower().strip()) is not None


def doer_of(indicator: str) -> str:
    """Who did what an indicator names, when it says so with an aspect word between them
    ("lực lượng quản lý thị trường đã kiểm tra" -> "lực lượng quản lý thị trường"), else "":
    the subject the verbs listed after it in the sentence share ("..., xử lý 684 vụ vi phạm,
    thu nộp ngân sách 5,2 tỷ đồng"; bt18-c17 failure 5; :func:`with_doer`)."""
    m = _DONE_BY.search(indicator)
    if m is None:
        # "dự án đường cao tốc X có tổng vốn đầu tư [860 tỷ đồng], đã giải ngân [312 tỷ
        # đồng]": the owner of the figure its "có" names did what the verbs after it say
        # (break-test s49: "đã giải ngân bao nhiêu" answered by the total investment)
        m = _HAS_FIGURE.search(indicator)
    if m is None or not indicator[m.end():].strip():
        return ""
    who = indicator[:m.start()].strip()
    return who if is_name(who) or who.istitle() else ""


def with_doer(doer: str, words: str) -> str:
    """``words`` -- a clause's own words before its value, after a "," in a sentence whose
    doer is ``doer`` (:func:`doer_of`) -- with that doer when they are a verb and what it acts
    on ("xử lý" -> "lực lượng quản lý thị trường xử lý"); ``words`` when they name a subject
    of their own (a doer, a place or unit, a figure's noun: "kim ngạch nhập khẩu") or are
    empty, capitalised, or hold the doer already."""
    if not doer or not words or not words[:1].islower() or doer_of(words) or \
            is_place(words) or reporting_unit(words) or \
            _NOUN_OPENER.match(fold(words).lower()) or \
            fold(doer).lower() in fold(words).lower():
        return words
    return f"{doer} {words}"


# a body granting or recognising things, then its verb, right before the count of what it
# granted (folded): "Hội đồng đánh giá cấp tỉnh đã công nhận mới 52 sản phẩm OCOP", "Hội đồng
# đánh giá, phân hạng sản phẩm OCOP cấp tỉnh đã công nhận 19 sản phẩm mới" (dev2 e10),
# "Quyết định số 2179/QĐ-UBND ... của Chủ tịch UBND tỉnh đã công nhận 12 sản phẩm" (dev2 e10),
# "UBND tỉnh cấp mới 23 giấy chứng nhận" -- the active voice Vietnamese press releases use
# beside the passive "52 sản phẩm được công nhận"; the verbs are those of adding things
# (rag.vi.frames.sentence's _ADDING_VERBS) and of approving them ("phê duyệt", "chấp thuận")
_GRANTED = re.compile(r"^(?P<who>.+?)\s+(?P<aspect>(?:da|vua|dang|da chinh thuc)\s+)?"
                      r"(?P<verb>(?:quyet dinh\s+)?(?:cong nhan|chung nhan|cap phep|cap|"
                      r"phe duyet|chap thuan|thanh lap)(?:\s+(?:moi|them|bo sung))?)\s*$")


def granted_by(clause: str) -> tuple[str, str]:
    """The body and verb of ``clause`` (the words before a count, as written) when they say
    who granted or recognised what the count counts ("Hội đồng đánh giá cấp tỉnh đã công
    nhận mới" -> ("Hội đồng đánh giá cấp tỉnh", "công nhận mới")), else ("", ""): the figure
    is of what it counts after its number, never of that body (issue 17 bt17c #204: "Năm
    2026 có thêm bao nhiêu sản phẩm OCOP?" was refused, the 52 being "Hội đồng đánh giá cấp
    tỉnh").  Not a passive ("sản phẩm được công nhận"), a figure's noun ("Số sản phẩm công
    nhận mới"), nor an area ("toàn tỉnh cấp mới 87 dự án": :func:`is_place`, read as such by
    the caller); without an aspect word ("đã", "vừa") the body is a name (capitalised) or a
    reporting unit."""
    text = clause.strip()
    m = _GRANTED.match(fold(text).lower())
    if m is None:
        return "", ""
    who = clean_indicator(text[:m.end("who")])
    last = fold(who).lower().split()[-1:] if who else []
    # "Sở Kế hoạch và Đầu tư" folds to the "so" that opens "Số sản phẩm": a department
    figure = names_figure(who) and who.split()[0].lower() != "sở"
    if not who or last in (["duoc"], ["bi"]) or figure or is_place(who) or \
            (not m.group("aspect") and not (who[:1].isupper() or reporting_unit(who))):
        return "", ""
    return who, text[m.start("verb"):m.end("verb")]


# a point of a year, month or quarter ("cuối năm", "đầu năm", "giữa tháng", folded "cuoi nam")
# when no number follows (the period reader takes "cuối năm 2024" and "tính đến cuối tháng
# 9/2029" whole), and a position word left before a period the frame reader blanked (a run of
# spaces: "đầu [năm 2025]", "giữa [năm 2024]"): words of when, never of what is counted --
# "Kết quả phân hạng cuối năm: 209 sản phẩm OCOP", "Tổng số sản phẩm OCOP đầu năm 2025 là 35"
# (issue 17 break-test, OCOP/market news; rag.vi.mentions reads "cuối năm 2024" only)
_TIME_POSITION = re.compile(
    r"(?<![\w])(?:đầu|giữa|cuối|giua|cuoi)\s+(?:năm|tháng|quý|nam|thang|quy)(?![\w])(?!\s*\d)"
    r"|(?<!hàng )(?<!lần )(?<!đợt )(?<!ban )(?<![\w])(?:đầu|giữa|cuối)(?=\s{3,})",
    re.IGNORECASE)


def without_time_position(raw: str) -> str:
    """``raw`` (the words before a value) with its points of time (:data:`_TIME_POSITION`)
    made spaces, offsets kept: "phân hạng cuối năm" -> "phân hạng" plus spaces."""
    return _TIME_POSITION.sub(lambda m: " " * len(m.group()), raw)


def clean_indicator(raw: str, keep_digits: bool = False) -> str:
    """The noun phrase of a segment: time expressions, numbers, verbs and fillers at its edges
    removed ("Tính đến ngày 27/8/2024, tổng kim ngạch ... đạt" -> "tổng kim ngạch ..."), and a
    target's subject and verb ("tỉnh phấn đấu ...", :func:`without_target_verb`), a forecast's
    ("Chúng tôi dự báo ...", :func:`said_forecast`)."""
    raw = without_target_verb(raw)
    raw = said_forecast(raw)[1]
    raw = without_time_position(raw)
    # a decimal comma inside a grade code stays ("dầu diesel 0,05S": :func:`code_word`), and
    # inside a gold's fineness ("vàng 99,99", "vàng 999,9"; bt25-b17 failure 3), its brand or
    # form written between ("vàng miếng SJC 999,9": rag.vi.numbers.gold_fineness, bt17h)
    words = [w for w in re.split(r"\s+", re.sub(r"(?<!\d),|(?:(?<!\s99)(?<!\s999),|,(?!9{1,2}"
                                                r"(?!\d)))(?!\d+[A-Z])|[:;()\"“”–—]", " ",
                                                without_average(raw))) if w]
    plain = all(fold(w) == w.lower() for w in words)
    lower = [w.lower() for w in words]

    def edge_len(seq: list[str], at_start: bool) -> int:
        if not seq:
            return 0
        edge = seq[0] if at_start else seq[-1]
        if not keep_digits and any(ch.isdigit() for ch in edge) and not _CODE_NAME.fullmatch(edge):
            if not at_start and names_number(" ".join(seq[:-1]) + " ", edge):
                return 0  # "tuyển vào lớp 10", "Quốc lộ 1A": the number names the thing
            return 1
        for phrase in _EDGE_PHRASES:
            n = phrase.count(" ") + 1
            part = seq[:n] if at_start else seq[-n:]
            if len(part) == n and " ".join(part) == phrase:
                if at_start and len(seq) > n and seq[n] in _COMPOUND_AFTER.get(phrase, ()):
                    return 0  # "tăng trưởng kinh tế": a noun, not the verb "tăng"
                if not at_start and len(seq) > n and \
                        seq[-n - 1] in _COMPOUND_BEFORE.get(phrase, ()):
                    return 0  # "đạt từ 3 sao trở lên": "lên" ends the qualifier
                return n
        if plain and not at_start:
            for phrase in _DEGREE_PHRASES_FOLDED:
                n = phrase.count(" ") + 1
                if len(seq) > n and " ".join(seq[-n:]) == phrase:
                    return n
        if plain and fold(seq[0] if at_start else seq[-1]) in _EDGE_WORDS_FOLDED:
            if not at_start and len(seq) > 1 and \
                    seq[-2] in _COMPOUND_BEFORE_FOLDED.get(fold(seq[-1]), ()):
                return 0  # "sau rieng" typed without diacritics
            return 1
        return 0

    i, j = 0, len(words)
    led = False  # a verb or preposition stripped before
    while i < j and (n := edge_len(lower[i:j], True)):
        number = any(ch.isdigit() for ch in lower[i])
        if number and led and not keep_digits:
            # "đạt từ 3 sao trở lên": a number a verb leads to; the words after it are its
            # unit and qualifiers ("sao trở"), no name
            return ""
        led = led or not number
        i += n
    verbed = False  # a verb leading to the value stripped after
    while j > i and not code_word(" ".join(words[i:j - 1]) + " ", words[j - 1]) and \
            (n := edge_len(lower[i:j], False)):
        if _participle(lower[i:j], n, verbed):
            break
        verbed = verbed or " ".join(lower[j - n:j]) in LEAD_VERBS
        j -= n
    phrase = without_speaker(" ".join(words[i:j]).strip(" -–—,."))
    if not phrase or all(fold(w) in _FUNCTION_ONLY for w in lower[i:j]):
        return ""
    return measured_first(phrase)


# a person opening an indicator: "ông"/"bà" (lower case, as a name is led inside a sentence;
# "Ông" too) and the capitalised syllables of the name, then the lower-case words of what is
# counted ("theo ông Tuấn giá trị sản xuất công nghiệp", "Cũng theo bà Lan tổng mức bán lẻ")
_SPEAKER_LEAD = re.compile(r"(?:ông|bà|Ông)\s+(?:[A-ZĐÀ-Ỹ][^\W\d_]*\s+){1,4}(?=[a-zđà-ỹ])")


def without_speaker(phrase: str) -> str:
    """``phrase`` without the person who says its figure at its start: "ông Tuấn giá trị sản
    xuất công nghiệp" -> "giá trị sản xuất công nghiệp".  A report quotes its officials ("Cũng
    theo ông Tuấn, giá trị ... ước đạt"; break-test bt17b: the summary "Năm 2024, ông Tuấn giá
    trị sản xuất công nghiệp ..."); a person's name is never what a figure measures.  "Bà Rịa"
    (a province, capitalised "Bà") is not led so."""
    m = _SPEAKER_LEAD.match(phrase)
    return phrase[m.end():] if m is not None else phrase


# what a clause ends on "với <amount noun>" before its value: "... kê khai nộp thuế với số
# tiền 27,4 tỷ đồng", "thu hút ... dự án FDI với tổng vốn đăng ký 9,84 tỷ USD", "ký ... hợp
# đồng nguyên tắc với tổng giá trị hơn 1.200 tỷ đồng", "hỗ trợ hộ nghèo ... với tổng giá trị
# 19,4 tỷ đồng" (issue 17 bt21-b17 mislabel Q42; dev-reports dv02; bt corpora): the amount
# noun is what the value measures, the words before say what it is of (folded, lower case)
_MEASURED_AFTER = re.compile(r"^(?P<what>.+?)\s+voi\s+(?P<noun>(?:tong\s+)?(?:so tien|gia tri|"
                             r"von dang ky|von dau tu|von|so von|kinh phi|muc dau tu))$")


def measured_first(phrase: str) -> str:
    """``phrase`` (an indicator) with the amount noun it ends on after "với" put first, the
    words before it after: "kê khai nộp thuế với số tiền" -> "số tiền kê khai nộp thuế",
    "FDI với tổng vốn đăng ký" -> "tổng vốn đăng ký FDI"; ``phrase`` itself otherwise."""
    m = _MEASURED_AFTER.match(fold(phrase).lower())
    if m is None or len(fold(phrase)) != len(phrase):
        return phrase
    return f"{phrase[m.start('noun'):]} {phrase[:m.end('what')]}"


# Rank and grade words that are also a participle naming what is counted ("Số di tích được
# xếp hạng năm 2063 là 37 di tích", "Số sản phẩm được công nhận là 45"): after "được" and
# before the verb leading to the value, or in a count's label ("Số ..."), they stay in the
# indicator; right before the value they say a rank ("Lạng Sơn được xếp hạng thứ 5/63",
# rag.vi.frames.measures) or what was done ("tỉnh được công nhận 45 sản phẩm OCOP").
_RANK_PARTICIPLES = frozenset({"xếp hạng", "xếp loại", "công nhận", "được công nhận"})
_COUNT_LABEL = ("số", "tổng số")


def _participle(seq: list[str], n: int, verbed: bool) -> bool:
    """Whether the last ``n`` words of ``seq`` (an indicator's words, lower case, an edge
    phrase at its end) are a rank word taken as a participle of what is counted
    (:data:`_RANK_PARTICIPLES`): said after "được" and followed by a verb leading to the
    value (``verbed``: "... được xếp hạng năm 2063 là"), or in a label "Số ... được xếp
    hạng"; in a label followed by that verb also without "được" ("Số di tích xếp hạng
    là")."""
    phrase = " ".join(seq[-n:])
    if phrase not in _RANK_PARTICIPLES:
        return False
    passive = phrase.startswith("được") or (len(seq) > n and seq[-n - 1] == "được")
    label = seq[0] in _COUNT_LABEL or " ".join(seq[:2]) in _COUNT_LABEL
    named = len(seq) > n + (0 if phrase.startswith("được") else 1)  # a noun before it
    return named and (verbed or label) and (passive or (label and verbed))


def _elided(text: str, comma: int) -> bool:
    """Whether the comma at ``comma`` joins one phrase ("xuất, nhập khẩu"): both words around
    it are syllables written once for two compounds (rag.vi.lexicon.ELIDED_SYLLABLES), or
    it joins two compounds of one head syllable (:func:`_shared_head`: "chế biến, chế tạo")."""
    before = re.search(r"([^\W\d_]+)\s*$", text[:comma])
    after = re.match(r"\s*([^\W\d_]+)", text[comma + 1:])
    return bool(before and after and before.group(1) in ELIDED_SYLLABLES
                and after.group(1) in ELIDED_SYLLABLES) or _shared_head(text, comma)


_TWO_BEFORE = re.compile(r"(?<![^\W\d_])([^\W\d_]+)\s+([^\W\d_]+)\s*$")
_TWO_AFTER = re.compile(r"\s*([^\W\d_]+)\s+([^\W\d_]+)(?![^\W\d_])")


def _shared_head(text: str, comma: int) -> bool:
    """Whether the comma at ``comma`` of ``text`` stands between two two-syllable compounds
    with the same first syllable and different second ones ("chế biến, chế tạo", "bán buôn,
    bán lẻ"): the statistics offices' names of a branch pair such compounds with a comma
    (GSO/VSIC "Công nghiệp chế biến, chế tạo"; "Bán buôn, bán lẻ"), one name whose second
    half is no item of its own -- a list's items differ in their heads ("khách quốc tế, khách
    nội địa" puts "quốc tế" before the comma; "xuất khẩu 20 triệu USD, nhập khẩu ..." a
    number) and keep splitting (break-test bt17f: "chỉ số IIP, trong đó chế tạo")."""
    before = _TWO_BEFORE.search(text[:comma])
    after = _TWO_AFTER.match(text[comma + 1:])
    if before is None or after is None:
        return False
    return before.group(1).lower() == after.group(1).lower() and \
        before.group(2).lower() != after.group(2).lower()


# a speaker's verb ending the words that name who speaks: what follows is what is said
# ("ông Minh cho biết toàn tỉnh hiện có ...", "bà Thanh cho biết, mục tiêu ...")
_SPEAKER = re.compile(r"\b(?:cho biết|cho hay|khẳng định|nhấn mạnh|thông tin thêm|"
                      r"cho biet|cho hay|khang dinh|nhan manh|thong tin them)\b[\s,:]*",
                      re.IGNORECASE)


# an attribution opening a clause (folded): "Theo Sở Công Thương", "Cũng theo ông Tuấn"
_ATTRIBUTION = re.compile(r"\s*(?:(?:cung|va)\s+)?theo\b")


# a spaced dash ending a dateline ("Ngày 15/11 - Theo ...", its date blanked; "Lam Sơn
# (TL) – Theo ..."): what follows the last one opens the clause
_DATELINE_DASH = re.compile(r"(?:^|\s)[-–—]+\s+")


# a news item's dateline opening the words before a value: "(Bắc Vân, 02/5/2079) Theo ...",
# "(Sở Công Thương tỉnh Kỳ Lâm, 22/10/2053) Từ ngày ...", "Bắc Vân, 02/5/2079 — Theo ..." --
# where and when the item was filed, no word of what is counted (break-test bt26-b17 failure 6;
# the same bracket in tests/data/dev3 r13 and r20)
_NEWS_DATELINE = re.compile(
    r"^\s*(?:\([^()]{2,80}?,\s*(?:ngày\s+)?\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?\s*\)"
    r"|[^\W\d_][^,()\d]{1,60},\s*(?:ngày\s+)?\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?"
    r"\s*[-–—]+(?=\s))", re.IGNORECASE)


# a news agency's or paper's tag opening an item (case-sensitive): "(LSO) Theo ...", "LSO-
# Theo ...", "(TTXVN) ...", "(Chinhphu.vn) - ...", "VOV.VN - ..." -- who publishes it, no
# word of what is counted (break-test bt19a #102: "LSO Theo Sở Công Thương" labelled a count)
_SOURCE_TAG = re.compile(
    r"^\s*(?:\(\s*[A-ZĐ][^\W_]*(?:\.[^\W_]+)*(?:\s+[^\W\d_]+){0,2}\s*\)\s*(?:[-–—]+\s*)?"
    r"|[A-ZĐ]{2,}(?:\.[A-Za-z]{2,})?\s*[-–—]+\s*)(?=\S)")


def last_clause(text: str) -> str:
    """The clause of ``text`` (the words before a value) that names the value: what follows
    a ":" or an opening quote, and what follows the commas of introductory clauses
    ("Theo Sở Công Thương, tổng kim ngạch" -> "tổng kim ngạch"; "Trong 3 tháng đầu năm 2018,
    Công ty X có ..."); a comma inside a list ("dịch vụ lưu trú, ăn uống") or an elided
    "xuất, nhập khẩu" does not cut; a news item's dateline or source tag opening ``text``
    ("(Bắc Vân, 02/5/2079) Theo ...": :data:`_NEWS_DATELINE`; "(LSO) Theo ...":
    :data:`_SOURCE_TAG`) is none of it."""
    dateline = _NEWS_DATELINE.match(text) or _SOURCE_TAG.match(text)
    start = dateline.end() if dateline is not None else 0
    for m in _SPEAKER.finditer(text):
        # "ông Minh cho biết toàn tỉnh hiện có 136 cửa hàng": who speaks, never what is counted
        start = m.end()
    for m in re.finditer(r"[:;“\"]", text):
        if m.start() < start:
            continue
        # a ";" ends the clause before it: what follows names the value, or nothing (and the
        # value is then of the clause's own words after it, or of the figure before)
        if m.group() == ";" or clean_indicator(text[m.end():]):
            start = m.end()
    cut, attributed = start, False
    for i in (i for i, ch in enumerate(text) if ch == "," and i >= start):
        if _elided(text, i):
            continue
        clause = text[cut:i]
        # "Ngày 15/11/2073 - Theo Văn phòng ..., đến ngày ... toàn tỉnh có": a dateline's
        # dash (its date blanked) opens the clause, no word of it -- the attribution after it
        # is never what is counted (break-test bt21-b17, mislabel h)
        whole = fold(clause).lower()
        opened = _DATELINE_DASH.split(whole)[-1]
        # "Theo Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn, ...": a dash inside the
        # name an attribution gives is no dateline's (break-test bt17b: the organisation's
        # name was read into "kim ngạch xuất khẩu qua các cửa khẩu")
        if _ATTRIBUTION.match(whole):
            opened = whole
        # "Dịp nghỉ lễ Quốc khánh 2/9/2061, Sở Du lịch dự kiến toàn tỉnh sẽ đón": an occasion
        # opening a forecast is when the forecast is, its subject after the comma (bt20-b17
        # failure 1); before an actual figure ("Dịp Tết Dương lịch 2031 (...), các điểm du
        # lịch đón 36.500 lượt khách") the occasion names what is counted
        # (tests/test_holiday_with_year.py)
        occasion = bool(_OCCASION_INTRO.match(opened)) and \
            bool(_FORECAST_AFTER.search(text[i:].lower()))
        if clean_indicator(clause) and not _INTRO.match(opened) and not occasion and not (
                attributed and clause.strip(" -–—")[:1].isupper()):
            break  # the named thing has begun: later commas list its parts
        # "Theo Sở Văn hóa, Thể thao và Du lịch, ...": a name goes on after "theo"
        attributed = attributed or bool(_ATTRIBUTION.match(opened))
        cut = i + 1
    return text[_after_time_clause(text, cut):]


def _after_time_clause(text: str, cut: int) -> int:
    """Where the named thing of ``text[cut:]`` begins when a clause of time or source alone
    set off by commas stands inside it ("phân hạng cuối năm, đến ngày 15/12/2024, tổng số
    sản phẩm OCOP ... đã nâng lên"): after that clause -- the words before it end the
    introductory phrase it follows ("Sau đợt đánh giá, phân hạng cuối năm"), for a list of
    the thing's parts is never broken by a date (issue 17 bt17b, the summary "phân hạng cuối
    năm tổng số sản phẩm OCOP"); ``cut`` when there is none, or nothing named after it."""
    commas = [i for i, ch in enumerate(text) if ch == "," and i >= cut and not _elided(text, i)]
    for a, b in zip(commas, commas[1:], strict=False):
        clause = text[a + 1:b]
        # a date in it, as written or blanked by the frame reader (a run of spaces)
        dated = re.search(r"\d|\S\s{2,}|\s{2,}\S", clause.strip()) is not None
        blanked = len(clause) > 2 and not clause.strip()  # the whole clause a date
        if (blanked or (_INTRO.match(fold(clause).lower()) and dated and
                        not clean_indicator(clause))) and clean_indicator(text[b + 1:]):
            cut = b + 1
    return cut


# where the clause an "đạt" stands in ends: a value it leads to is said before it
_CLAUSE_END = re.compile(r"[;:()\[\]]|[,.](?!\d)|\s[–—]\s")


def _leads_to_value(padded: str, at: int) -> bool:
    """Whether the "đạt" that ends at ``at`` of ``padded`` leads to a value: a number in its own
    clause, up to the next "," or ";" ("xuất khẩu 41 triệu USD, đạt 80% kế hoạch"), that names
    no rating ("đạt 4 sao") or grade ("đạt chuẩn hạng 1", "đạt loại 2").  A number past the
    clause is another figure's: "16/21 xã đạt chuẩn nông thôn mới, 5 xã đạt chuẩn nâng cao;
    cuối năm 2070 có 13 xã", "38/52 chợ đạt chuẩn, 7 chợ đạt chuẩn hạng 1; năm 2071 có 31
    chợ" -- the class words after such an "đạt" say what the count after a comma counts, a
    narrower class than the figure before (issue 17; tests/test_class_after_comma.py)."""
    end = _CLAUSE_END.search(padded, at)
    clause = padded[at:end.start() if end else len(padded)]
    return bool(re.search(r"\d", without_named_grades(_ANY_RATING.sub(" ", clause))))


# places of one kind listed by name after a plural ("các huyện Bắc Sơn", "3 cửa khẩu Tân
# Thanh"; folded, lower case) and the names after the first, joined by "," or "và"
_PLURAL_PLACE = re.compile(r"(?:^|\s)(?:cac|nhung|\d+)\s+(?:" + "|".join(PLACE_KINDS) +
                           r")\s+\S+(?:\s+\S+){0,3}$")
_MORE_NAMES = re.compile(r"(?:\s*,\s*|\s+(?:và|va)\s+)[A-ZĐ][^\W\d_]*(?:\s+[A-ZĐ][^\W\d_]*){0,3}"
                         r"(?![^\W\d_])")


def read_detail(after: str, counted: bool = False) -> tuple[str, int]:
    """The words right after a value (its counted noun and what qualifies it): "4.126
    phương tiện [chở hàng chờ xuất khẩu]", "871 doanh nghiệp [đăng ký thành lập mới]"; and
    how many characters of ``after`` they take.  ``counted``: the value is a count of a
    noun written with it ("146 doanh nghiệp"), so a second noun joined to it by a comma is
    counted too (:func:`_comma_joined_noun`)."""
    padded = " " + after + " "
    m = _DETAIL_END.search(padded)
    while m is not None and m.group().strip().lower() in ("đạt", "dat") and (
            _RATING.match(padded, m.end()) or not _leads_to_value(padded, m.end())):
        m = _DETAIL_END.search(padded, m.end() - 1)  # its space may begin the next end
    joined = 0  # words of the counted nouns joined by "," or "và" (:func:`_joined_noun`)
    # a list of them ("1.348 doanh nghiệp[, hợp tác xã và hộ kinh doanh] tham gia ..."): one
    # number counting every noun of it, the clause after the last what it counts (bt19a #88)
    while m is not None and ((step := _joined_noun(padded, m)) or
                             (counted and (step := _comma_joined_noun(padded, m, joined > 0)))):
        joined += step
        m = _DETAIL_END.search(padded, m.end() - (m.group() != ","))
        while m is not None and m.group().strip().lower() in ("đạt", "dat") and \
                not _leads_to_value(padded, m.end()):
            m = _DETAIL_END.search(padded, m.end() - 1)
    end = max(0, m.start() - 1) if m else len(after)
    if m and m.group() == "," and end < len(after) and after[end] == "," and \
            _elided(after, end) and (e := re.match(r",\s*", after[end:])):
        # "8 cuộc thanh, kiểm tra chuyên ngành": one syllable and a comma share the next
        # word's ("thanh tra, kiểm tra"; "xuất, nhập khẩu"): the phrase goes on
        rest = end + e.end()
        m2 = _DETAIL_END.search(" " + after[rest:] + " ")
        end = rest + (max(0, m2.start() - 1) if m2 else len(after) - rest)
    named = 0  # words of more place names listed after the first (:data:`_MORE_NAMES`)
    if m and m.group() == "," and _PLURAL_PLACE.search(fold(after[:end]).lower()) and \
            re.search(r"(?<![^\W\d_])[A-ZĐ][^\W\d_]*\s*$", after[:end]):
        # "cho 1.120 học viên tại các huyện Bắc Sơn[, Bình Gia và Tràng Định]": the places
        # the value is of are all of the list, not its first (break-test bt19a #100)
        more = end
        while (n := _MORE_NAMES.match(after, more)) is not None:
            more = n.end()
        named, end = len(after[end:more].split()), more
    words = after[:end].split()
    aside = _ASIDE.match(after, end) if m and m.group() == "(" else None
    if aside is not None:
        # "1 sản phẩm (trà hoa vàng) đang được đề nghị Trung ương đánh giá", "6 dự án (thuộc
        # khu kinh tế) chưa triển khai": an aside naming what is counted, with no figure in
        # it, ends nothing -- the clause after it says what the value counts, a subset of
        # the total said before, not that total (issue 17, dev2 e099;
        # tests/test_described_subset.py)
        said, said_len = read_detail(after[aside.end():])
        if said:
            words += said.split()
            end = aside.end() + said_len
    # a joined noun's clause says what both count: kept to its end, up to twice the words
    limit = (max(2 * DETAIL_WORDS, DETAIL_WORDS + joined) if joined else DETAIL_WORDS) + named
    if len(words) > limit:
        words = words[:limit]
        if not joined:  # the rest of a joined noun's clause is no other figure's either
            end = after.find(words[-1]) + len(words[-1])
    said = clean_indicator(" ".join(words), keep_digits=True)
    return (f"và {said}" if joined and said else said), end


# a level of a standard said after the standard's head word ("chuẩn [nâng cao]", "chuẩn
# [kiểu mẫu]", "chuẩn [hạng 1]", "[4 sao]"), folded: the levels of the national programmes'
# standards -- xã nông thôn mới / nông thôn mới nâng cao / nông thôn mới kiểu mẫu (the
# national criteria of QĐ 318/319/QĐ-TTg), chợ hạng 1/2/3 (Nghị định 02/2003/NĐ-CP), OCOP 3-5
# sao; the dev sets write them in full ("38 xã đạt chuẩn nông thôn mới nâng cao", dev2)
_LEVEL = re.compile(r"(?:nang cao|kieu mau|(?:hang|loai|cap) \d{1,2}|[1-5] sao)")


def completed_level(detail: str, before: str) -> str:
    """The words a count after a comma counts when they name a level of the standard the
    figure before it names, by that standard's head word only: "16/21 xã đạt chuẩn nông thôn
    mới, 5 xã đạt chuẩn nâng cao" -- "chuẩn nâng cao" is "chuẩn nông thôn mới nâng cao"
    (``before`` the figure before's detail); ``detail`` as it is otherwise (issue 17, dev3
    r15-q30; tests/test_class_after_comma.py)."""
    words, prior = detail.split(), before.split()
    if len(words) < 2 or len(prior) < 2 or fold(words[0]) != fold(prior[0]):
        return detail
    rest = " ".join(words[1:])
    if not _LEVEL.fullmatch(fold(rest)) or fold(rest) in fold(before):
        return detail
    return f"{before} {rest}"


def _joined_noun(padded: str, m: re.Match[str]) -> int:
    """How many words a "và" (``m``, a match of :data:`_DETAIL_END` in ``padded``, the words
    after a value) and the counted noun right after it take when it joins that noun to the
    value's own, with no number before it ("18.426 doanh nghiệp [và hộ kinh doanh] sử dụng
    hóa đơn điện tử ...", "312 hợp tác xã và tổ hợp tác tham gia ..."): the clause after both
    says what the value counts, and the value counts both -- not the next figure's words
    (break-test bt21-b17 failure 6); 0 when ``m`` is no such "và" ("214 sản phẩm và tỉnh
    đang ...", "18 doanh nghiệp và 5 hợp tác xã": a noun of no unit, or a figure of its own)."""
    if m.group().strip().lower() not in ("và", "va") or re.search(r"\d", padded[:m.start()]):
        return 0
    unit, length = unit_after(padded[m.end() - 1:])
    return 1 + len(unit.split()) if unit and length else 0


# the ends of :data:`_DETAIL_END` that lead to a value of their own (folded)
_VALUE_VERBS = frozenset(("dat", "tang", "giam", "chiem", "bang", "so voi", "la"))


def _comma_joined_noun(padded: str, m: re.Match[str], listed: bool = False) -> int:
    """How many words a comma (``m``, a match of :data:`_DETAIL_END` in ``padded``, the
    words after a counted value) and the counted noun right after it take when the comma
    joins that noun to the value's own, as "và" does (:func:`_joined_noun`): "146 doanh
    nghiệp[, HTX] tham gia sàn thương mại điện tử", "27 xã[, thị trấn] đạt chuẩn" -- one
    number counting both, the clause after them what it counts (break-test bt17l; tests/
    test_comma_joined_nouns.py); 0 when the comma does not follow the value's noun at
    once, when no unit noun follows it ("146 doanh nghiệp, tăng 38 đơn vị"), when that noun
    is money ("..., đồng thời") or has a figure of its own in its clause ("871 doanh
    nghiệp, 52 HTX"; "369 hợp tác xã, thành viên 8.950 người"), or when the next value or
    a verb leading to one ("đạt", "chiếm") ends that clause.  ``listed``: the nouns before
    ``m`` are such a list already ("doanh nghiệp, hợp tác xã[, tổ hợp tác] ..."), so the
    comma need not follow the value's noun at once."""
    if m.group() != "," or (padded[:m.start()].strip() and not listed) or \
            re.search(r"\d", padded[:m.start()]):
        return 0
    unit, length = unit_after(padded[m.end():])
    if not unit or not length or is_money(unit):
        return 0
    rest = padded[m.end() + length:]
    end = _DETAIL_END.search(" " + rest)
    clause = rest[:end.start() if end else len(rest)]
    if re.search(r"\d", clause) or end is None or \
            fold(end.group()).strip().lower() in _VALUE_VERBS:
        # its clause must close before the next value, not at a verb leading to one:
        # "khách nội tỉnh 41.800 lượt, khách ngoài tỉnh [22.500 lượt]" (``padded`` ends at
        # the next value), "..., khách ngoài tỉnh chiếm 35%" name the next figure
        # (tests/test_part_label_not_unit.py)
        return 0
    return 1 + len(unit.split())


# The heads of an indicator that name a measure of something without naming the something
# (folded, lower case, longest first): "sản lượng", "năng suất", "diện tích gieo cấy", "doanh
# thu", "giá trị sản xuất".  A sentence writing one bare ("Năng suất bình quân đạt 55,7 tạ/ha",
# "Vụ Hè Thu năm 2043 gieo cấy 20.850 ha, sản lượng đạt 114.700 tấn") is of the crop, product
# or sector its paragraph named before (break-test bt7-b17 failure 3; tests/test_topic_inherit.py).
_HEADS = sorted((
    "san luong", "nang suat", "dien tich", "gieo cay", "gieo trong", "thu hoach", "trong moi",
    "gia tri", "gia tri san xuat", "doanh thu", "tieu thu", "san xuat", "gia", "gia ban",
    *(f"dien tich {v}" for v in ("gieo cay", "gieo trong", "thu hoach", "trong moi", "trong")),
), key=len, reverse=True)
# words a bare head may carry that name nothing ("năng suất bình quân", "tổng sản lượng")
_HEAD_MODIFIERS = frozenset(("binh quan", "trung binh", "tong", "uoc", "dat", "ca nam",
                             "toan tinh", "ca tinh", "chung"))
# where the words naming the subject end: a period ("lúa vụ Hè Thu", "xi măng tháng 10"),
# a number, a comparison
# "vụ" ends a subject only as a crop season's ("sản lượng lúa vụ Hè Thu"), not inside "dịch
# vụ", "phục vụ", "nhiệm vụ" ("Doanh thu dịch vụ lưu trú" is of "dịch vụ lưu trú":
# tests/test_figure_read_once.py failed once "dịch vụ" read as the subject "dịch")
_SEASON_VU = r"vu(?=\s+(?:dong|he|thu|mua|xuan|chiem|\d))"
_TOPIC_END = re.compile(r"\s(?:" + _SEASON_VU + r"|nam|thang|quy|ngay|dot|so voi|cung ky|uoc|"
                        r"dat|tang|giam|dao dong|binh quan|trung binh)\b"
                        r"|\s\S*\d")
_TOPIC_WORDS = 4  # at most: "điện thương phẩm", "cây ăn quả", "chè búp tươi"


def _head_at(folded: str, start: bool) -> str | None:
    """The longest head of :data:`_HEADS` at the start (else the end) of ``folded``."""
    for h in _HEADS:
        if (folded == h or folded.startswith(h + " ")) if start else \
                (folded == h or folded.endswith(" " + h)):
            return h
    return None


def bare_head(indicator: str) -> int:
    """How many words of ``indicator`` are its head when it is a head of :data:`_HEADS` with
    at most modifiers of :data:`_HEAD_MODIFIERS` ("Năng suất bình quân" -> 2, "tổng sản lượng"
    -> 3 -- "tổng" and the head), 0 when it names more ("sản lượng lúa", "Đàn trâu", "")."""
    words = fold(indicator).lower().split()
    lead = 0
    while lead < len(words) and any(" ".join(words[lead:lead + k]) in _HEAD_MODIFIERS
                                    for k in (1, 2)):
        lead += 2 if " ".join(words[lead:lead + 2]) in _HEAD_MODIFIERS else 1
    head = _head_at(" ".join(words[lead:]), start=True)
    if head is None:
        return 0
    n = lead + len(head.split())
    rest = words[n:]
    k = 0
    while k < len(rest):
        step = 2 if " ".join(rest[k:k + 2]) in _HEAD_MODIFIERS else 1
        if " ".join(rest[k:k + step]) not in _HEAD_MODIFIERS:
            return 0
        k += step
    return n


def topic_named(indicator: str, detail: str) -> str | None:
    """The subject a figure names, for the bare heads after it (:func:`bare_head`): the words
    after its head ("Sản lượng lúa vụ Hè Thu" -> "lúa", "sản lượng điện thương phẩm" -> "điện
    thương phẩm"), the one or two before it ("Cây ngô gieo trồng" -> "ngô"), or what a bare
    head's value counts ("gieo cấy 21.300 ha lúa": ``detail`` "lúa"); None when it names none
    (a bare head counting nothing: the subject before holds) and "" when it names something
    else than a subject of a head ("Đàn trâu", "Thời gian thu hoạch rút ngắn": the subject
    before ends)."""
    if not indicator:
        return None
    if bare_head(indicator):
        d = detail.strip()
        if d and not re.search(r"\d", d) and len(d.split()) <= _TOPIC_WORDS:
            return d
        return None
    words = indicator.split()
    folded = fold(indicator).lower()
    head = _head_at(folded, start=True)
    if head is not None:
        rest = words[len(head.split()):]
        cut = _TOPIC_END.search(" " + fold(" ".join(rest)).lower())
        if cut is not None:  # the words before the cut (folding keeps the word count)
            rest = rest[:len(fold(" ".join(rest))[:cut.start()].split())]
        return " ".join(rest) if 0 < len(rest) <= _TOPIC_WORDS else ""
    head = _head_at(folded, start=False)
    if head is not None:
        before = words[:len(words) - len(head.split())]
        if before and fold(before[0]).lower() == "cay":
            before = before[1:]
        return " ".join(before) if 0 < len(before) <= 2 else ""
    return ""


def with_topic(indicator: str, topic: str) -> str:
    """``indicator``, a bare head (:func:`bare_head`), with ``topic`` after its head words:
    "Năng suất bình quân" + "lúa" -> "Năng suất lúa bình quân"."""
    n = bare_head(indicator)
    if not n or not topic:
        return indicator
    words = indicator.split()
    return " ".join([*words[:n], topic, *words[n:]])


# where a question's subject after its head ends, besides :data:`_TOPIC_END` (folded): the
# words asking, the owner, the place
_ASKED_TOPIC_END = re.compile(r"\s(?:la|bao nhieu|bao nhieu|cua|toan tinh|tinh|tai|o|trong|"
                              r"the nao|nhu the nao|khoang|hien nay|hien|den nay|duoc|co)\b"
                              r"|[?.,;:]")


_PRICE_BASIS = re.compile(r"\s(?:theo\s+)?gia\s+(?:so sanh|hien hanh|co dinh|thuc te)(?=\s)")


def asked_topic(question: str) -> str:
    """The subject (folded, lower case) a question names right after a head of
    :data:`_HEADS` ("sản lượng lúa vụ Đông Xuân 2047-2048?" -> "lua", "năng suất lạc 6
    tháng" -> "lac", "giá vải thiều bao nhiêu" -> "vai thieu"); "" when it names no head or
    nothing after it ("sản lượng 6 tháng", "doanh thu là bao nhiêu")."""
    # "theo giá so sánh", "giá hiện hành": a price basis, no price of a thing named "so sánh"
    # (tests/test_parts_inherit_basis.py; the part "khu vực dịch vụ" was held to another subject)
    folded = _PRICE_BASIS.sub(" ", " " + fold(question).lower() + " ")
    for h in _HEADS:
        at = folded.find(f" {h} ")
        if at < 0:
            continue
        rest = folded[at + len(h) + 1:]
        cut = [m.start() for m in (_TOPIC_END.search(rest), _ASKED_TOPIC_END.search(rest))
               if m is not None]
        words = rest[:min(cut)].split() if cut else rest.split()
        return " ".join(words) if 0 < len(words) <= _TOPIC_WORDS else ""
    return ""


# where the words a question adds to what it shares with a figure's indicator end, besides
# :data:`_TOPIC_END` and :data:`_ASKED_TOPIC_END` (folded): the verbs of a count ("ghi nhận",
# "xảy ra"), a basis or comparison ("theo giá so sánh", "so với"), a target, a place's kind,
# "và" joining another indicator, a period in words ("ba tháng", "nửa đầu tháng") or by a
# determiner ("từng năm", "cả năm", "qua các năm", "mỗi tháng": the determiners before a time
# word of rag.vi.mentions' counted month, with "cả"; eval_dev d159, dev2 e131) -- none of
# them names which thing is counted
_BEYOND_END = re.compile(r"\s(?:ghi nhan|thuc hien|phat sinh|xay ra|hien co|moi|mot|vao|may|"
                         r"bn|theo|so|va|hoac|voi|cho|tu|den|tren|huyen|xa|thanh pho|nhat|"
                         r"ke hoach|du toan|chi tieu|muc tieu|luy ke|cong don|nhu|bang|"
                         r"chiem|gom|bao gom|trong do|rieng|nua|"
                         # a length of time or a cost asked by its verb ("một xe hàng mất
                         # bao lâu", "tốn bao nhiêu ngày", "kéo dài mấy giờ", "hết bao nhiêu
                         # tiền"): the predicate, no thing (eval_dev d034;
                         # tests/test_everyday_money_asked.py)
                         r"(?:mat|ton|keo dai|het)\s+(?:bao lau|bao nhieu|may)|"
                         # the words that open a span of time ("giai đoạn 24-30/9", "thời kỳ
                         # 2021-2025", "tuần qua", "dịp Tết", "thời điểm 17h"): a period
                         r"giai doan|thoi ky|thoi diem|tuan|dip|luc|hom|"
                         # ... or name when, against another time ("ban đầu là bao nhiêu" of
                         # "tăng từ 6 lên 10": tests/test_before_after.py)
                         r"ban dau|luc dau|truoc day|truoc do|sau do|hien tai|"
                         # a verb of how the figure moved ("thay đổi bao nhiêu", "biến động"):
                         # the predicate, as "tăng"/"giảm" are (:data:`_TOPIC_END`)
                         r"thay doi|bien dong|o muc|"
                         r"(?:mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi)\s+(?:thang|quy|tuan|ngay)|"
                         r"(?:qua\s+)?(?:cac|nhung|moi|hang|tung|may|vai|ca)\s+"
                         r"(?:nam|thang|quy|tuan|ngay|ky))\b")
_SHARED_RUN = 2  # at least: "ca mắc", "đàn lợn" -- one word ("đàn", "số") names no thing


@lru_cache(maxsize=16384)  # pure; asked for every frame a question weighs
def asked_beyond(question: str, indicator: str) -> str:
    """The words (folded, lower case) ``question`` writes right after the longest run of
    words it shares with ``indicator`` (at least :data:`_SHARED_RUN`, no number among them),
    up to where its subject ends (a word typed with other marks than an asking word it folds
    to, with the word after it when the two make a word as typed, is kept and joined to it:
    "trung học cơ sở" -> "co_so"; a period, a number, the words asking, a place, a basis,
    punctuation, a capitalised name, an English grammar word typed without diacritics ("in
    May 2024"): :data:`_TOPIC_END`, :data:`_ASKED_TOPIC_END`,
    :data:`_BEYOND_END`), at most :data:`_TOPIC_WORDS` of them: "số ca mắc sởi năm 2022" of
    "Số ca mắc sốt xuất huyết" -> "soi", "đàn lợn nái quý II" of "Đàn lợn" -> "nai", "diện
    tích cây điều" of "Tổng diện tích cây công nghiệp lâu năm" -> "dieu"; "" when they share
    no such run or nothing follows it.  Those words name which thing (a disease, a crop, a
    kind of the animal) the question asks of what the indicator counts: a narrower or
    another thing, unless the figure's own words carry them (break-test bt24-b16 failure
    3).  A pure function of its strings (and the installed word list): the last 16,384
    pairs are remembered (functools.lru_cache)."""
    tokens = re.findall(r"\w+|[^\w\s]", question)
    words = [fold(t).lower() for t in tokens]
    own = re.findall(r"\w+", fold(indicator).lower())
    best_end, best_n = -1, 0
    for i in range(len(words)):
        for j in range(len(own)):
            n = 0
            while i + n < len(words) and j + n < len(own) and words[i + n] == own[j + n] \
                    and words[i + n].isalpha():
                n += 1
            if n > best_n:
                best_end, best_n = i + n, n
    if best_n < _SHARED_RUN:
        return ""
    out: list[str] = []
    stop = None  # the first name or English word: the subject ends before it
    for tok, w in zip(tokens[best_end:], words[best_end:], strict=True):
        if not w.isalpha():
            break
        if stop is None and (tok[:1].isupper() or (tok.isascii() and w in ENGLISH_GRAMMAR)):
            stop = len(out)  # a name ("Hà Vân"), English of a mixed question ("in May 2024")
        out.append(w)
    # a word typed with other marks than the asking word it folds to ("cơ" of "trung học
    # cơ sở" is no "có", "lã" no "là") ends nothing: marked, it is kept from the ends below
    # (bt25-b16 failure 4: "số học sinh trung học cơ sở" was cut to "trung học")
    # -- with the word after it when the two make a word as typed ("cơ sở": its "sở" is no
    # "so" of "so với")
    typed = tokens[best_end:best_end + len(out)]
    kept = list(out)
    for i, (tok, w) in enumerate(zip(typed, out, strict=True)):
        if _other_asking_word(tok, w):
            kept[i] = w + "_"
            if i + 1 < len(out) and is_word(w, out[i + 1], f"{tok} {typed[i + 1]}"):
                kept[i + 1] = out[i + 1] + "_"
    rest = " " + " ".join(kept)  # whole, for the season's "vụ Hè Thu" to end it
    cuts = [m.start() for r in (_TOPIC_END, _ASKED_TOPIC_END, _BEYOND_END)
            if (m := r.search(rest)) is not None]
    beyond = [w.rstrip("_") for w in re.sub(r"(\w+)_ (\w+)_", r"\1_\2",
                                            rest[:min(cuts)] if cuts else rest).split()]
    if stop is not None:
        beyond = beyond[:stop]
    return " ".join(beyond) if len(beyond) <= _TOPIC_WORDS else ""


def _other_asking_word(token: str, folded: str) -> bool:
    """Whether ``token`` (as typed; ``folded`` its folded lower case) folds to a one-syllable
    asking word of rag.vi.lexicon.QUESTION_PHRASES ("co", "duoc") but is typed with marks
    that are not that word's ("cơ", "cớ" -- not "có"): another word, which ends no subject."""
    marked = QUESTION_PHRASES.get(folded)
    if marked is None or " " in marked:
        return False
    typed = token.lower()
    return typed != folded and typed != marked


@lru_cache(maxsize=8192)  # asked of every candidate frame of every question
def figure_topic(indicator: str, detail: str, parent: str) -> str:
    """The subject (folded, lower case) a figure is of, by :func:`topic_named` of its
    ``indicator`` (with ``detail``, the words after its value), else of the whole it is part
    of (``parent``: "nuôi trồng" of "Sản lượng thủy sản" -> "thuy san"); "" when neither
    names one."""
    for text, after in ((indicator, detail), (parent, "")):
        topic = topic_named(text, after)
        if topic:
            return fold(topic).lower()
    return ""


_ITEM_WORDS = 4  # at most, an item of a list sharing its measure: "Quốc lộ 3B", "rau các loại"


def listed_item(before: str, item: str) -> str:
    """The indicator of a later item of a list sharing the measure words of the one before
    ("diện tích gieo trồng lúa đạt 48.250 ha; ngô 17.630 ha", "tổng vốn đầu tư nâng cấp Quốc
    lộ 279 là 1.215 tỷ đồng; Quốc lộ 3B là 642 tỷ đồng"): ``before``, the indicator of the
    item before, with its item replaced by ``item`` -- from the word ``item`` begins with
    where ``before`` holds it after its first word ("tổng vốn đầu tư nâng cấp Quốc lộ 3B"),
    else in place of the subject after its head (:func:`topic_named`: "diện tích gieo trồng
    ngô").  "" when ``item`` is no bare item (a head of its own, "doanh thu"; more than
    :data:`_ITEM_WORDS` words) or ``before`` names no item to replace ("doanh thu", "dân số
    trung bình"): the item is then an indicator of its own (break-test bt10-b16 failure 1;
    tests/test_shared_measure_lists.py)."""
    words, item_words = before.split(), item.split()
    if not words or not item_words or len(item_words) > _ITEM_WORDS:
        return ""
    item_f = fold(item).lower()
    if _head_at(item_f, start=True) is not None or _head_at(item_f, start=False) is not None:
        return ""
    folded = [fold(w).lower() for w in words]
    first = fold(item_words[0]).lower()
    if first in folded[1:]:
        k = folded.index(first, 1)
        return " ".join([*words[:k], *item_words])
    topic = topic_named(before, "")
    if not topic:
        return ""
    n = len(topic.split())
    for k in range(1, len(words) - n + 1):
        if words[k:k + n] == topic.split():
            return " ".join([*words[:k], *item_words, *words[_past_code(words, k + n):]])
    return ""


# the words of a group qualifier that say no group: its noun of area or people, "tuổi"
_GROUP_FRAME_WORDS = frozenset({"khu", "vuc", "dan", "so", "ho", "lao", "dong", "nguoi", "tuoi",
                               "den"})


def population_groups(indicator: str) -> list[frozenset[str]]:
    """The population groups ``indicator`` is narrowed to (rag.vi.lexicon.GROUP_QUALIFIER_RE),
    each as the folded syllables saying which group: "Tỷ lệ thất nghiệp của thanh niên (15-24
    tuổi)" -> [{"thanh", "nien"}, {"15", "24"}]; "Tỷ lệ thất nghiệp khu vực nông thôn" ->
    [{"nong", "thon"}]; [] for the broadest figure ("của lao động trong độ tuổi", "tỷ lệ thất
    nghiệp").  A question holding every syllable of one names that group (issue 17 bt26-b17
    failures 2 and 3; rag.answer.figures.narrowed_by)."""
    folded = " ".join(re.findall(r"[a-z0-9]+", fold(indicator).lower()))
    return [frozenset(m.group(0).split()) - _GROUP_FRAME_WORDS
            for m in GROUP_QUALIFIER_RE.finditer(folded)]


def parallel_item(before: str, item: str) -> bool:
    """Whether ``item`` (the words before a value after a comma) repeats the qualifier's
    opening words of ``before`` (the indicator of the value before it): "Tỷ lệ thất nghiệp khu
    vực thành thị là 3,02%, khu vực nông thôn là 1,63%" -- the item's first two words ("khu
    vực") stand in ``before`` after its first word, so the item is the next of a list sharing
    ``before``'s head and :func:`listed_item` names it ("Tỷ lệ thất nghiệp khu vực nông
    thôn"), as after a ";".  An item of one word, or one whose opening words ``before`` holds
    only at its start ("khu vực dịch vụ" after "khu vực công nghiệp"), is none (issue 17
    bt26-b17 failure 3, bt23-b17 failure 1).

    So is an item of two words or more naming after the noun it shares with ``before`` only
    its distinguishing words ("Tỷ lệ tờ khai phân luồng xanh đạt 71,6%, luồng vàng 24,1%":
    "luồng" stands in ``before`` after its first word, followed by one last word, "xanh",
    that "vàng" replaces; "vùng cao" after "sản lượng chè vùng thấp") -- unless both pairs
    are words of the dictionary: "xuất siêu" after "kim ngạch xuất khẩu" is an indicator of
    its own, no sibling of "xuất khẩu" (break-test bt17f; tests/test_list_heads.py)."""
    written = before.split()
    words = [fold(w).lower() for w in written]
    own = item.split()
    lead = [fold(w).lower() for w in own[:2]]
    if len(lead) < 2:
        return False
    if any(words[k:k + 2] == lead for k in range(1, len(words) - 1)):
        return True
    k = len(words) - 2
    return k >= 1 and words[k] == lead[0] and words[-1] != lead[1] \
        and lead[0] not in words[:k] and not (
            is_word(words[k], words[k + 1], written=" ".join(written[k:]))
            and is_word(lead[0], lead[1], written=" ".join(own[:2])))


def _past_code(words: list[str], at: int) -> int:
    """Where the grade code that closes the name ending before ``words[at]`` ends: past the
    upper-case words and codes from ``at`` ("giá xăng | E5 RON 92": the code of the product
    "xăng", replaced with it by :func:`listed_item`, "giá dầu diesel 0,05S", never "giá dầu
    diesel 0,05S E5 RON 92"; issue 17 bt23-b17 failure 3) when one of them is a code
    (:func:`rag.vi.numbers.code_word`); ``at`` otherwise."""
    end, coded = at, False
    while end < len(words):
        code = code_word(" ".join(words[:end]) + " ", words[end])
        if not code and not _ABBREVIATION.fullmatch(words[end]):
            break
        coded, end = coded or code, end + 1
    return end if coded else at
