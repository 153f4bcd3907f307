"""Places a question asks about -- other provinces, the province's border gates -- and whether
a figure answers for them: its sentence, heading, indicator or total must name them.  The
reports are one province's (rag.vi.lexicon.HOME_PLACE); a figure of another province (a
sidebar "Cao Bằng: GRDP năm 2022 tăng 4,21%") answers only a question naming it, and one of
the province's whole trade never answers for one gate."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from rag.records import Hit
from rag.search.query import english_units
from rag.vi.frames import Frame
from rag.vi.letterhead import issuer_lines
from rag.vi.lexicon import HOME_DISTRICTS, HOME_PLACE, PLACES, STOPWORDS_EXACT
from rag.vi.text import fold, is_syllable
from rag.vi.words import is_word

# places a Lạng Sơn figure's sentence names without being about them (trade with China)
_ABROAD = frozenset({"trung quoc", "china", "viet nam", "vietnam"})


# The places longest first, their folded names and patterns: built once.
_PLACE_FORMS = [(place, fold(place), re.compile(rf"(?<!\w){re.escape(fold(place))}(?!\w)"))
                for place in sorted(PLACES, key=len, reverse=True)]


@lru_cache(maxsize=4096)
def places_named(text: str) -> frozenset[str]:
    """The places (rag.vi.lexicon.PLACES, folded) named in ``text``, longest first and not
    overlapping, the reports' own province left out; a name typed with diacritics must have
    its own ("Lạng Sơn là" names Lạng Sơn, not Sơn La), one typed without any matches
    folded, also inside text that has some ("What was Bac Giang's GRDP growth? (tăng
    trưởng)", an English question with its Vietnamese terms).  Cached by text: the same
    sentences and titles are asked about for every candidate (it took 38% of `ask`)."""
    lower = text.lower()
    folded = fold(lower)
    found: set[str] = set()
    taken: list[tuple[int, int]] = []
    for place, name, pattern in _PLACE_FORMS:
        if name not in folded:
            continue
        for m in pattern.finditer(folded):
            written = lower[m.start():m.end()]
            if written != place and fold(written) != written:
                continue  # typed with other diacritics: "Sơn là" is not Sơn La
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            found.add(fold(place))
    return frozenset(found - {fold(HOME_PLACE)})


@lru_cache(maxsize=256)
def own_places(title: str, text: str) -> frozenset[str]:
    """The places (folded, the reports' own province left out) a document names in its
    letterhead or issuing-body lines (rag.vi.letterhead.issuer_lines: "UBND TỈNH HÀ GIANG",
    "Ủy ban nhân dân tỉnh Hà Giang", "Hà Giang, ngày ..."), read from its ``title`` (a
    reader may take such a line for one) and the front of its ``text``: the place the whole
    document is about.  Cached by (title, text): asked once per candidate frame."""
    return frozenset().union(*map(places_named, issuer_lines(f"{title}\n{text}")))


# "cả nước", "toàn quốc": the whole a rank is over ("xếp thứ 18/63 tỉnh, thành phố", "đứng
# thứ 9/63 cả nước") in a rank question, not whose figure is asked -- read as a place, "PCI
# ... xếp hạng thứ mấy cả nước?" took only a sentence saying "cả nước", another index's
# (break-test b17 round 9 item 6)
RANKED_OVER = frozenset({"ca nuoc", "toan quoc"})


# a province named as whose figure it is ("Doanh thu du lịch tỉnh Quảng Trị", "IIP ... của
# tỉnh Hà Tĩnh", "trên địa bàn tỉnh Quảng Bình"), folded: "tỉnh", or "của", "tại", "trên địa
# bàn", before a province (rag.vi.lexicon.PLACES, not a country nor "cả nước"), "thành phố"
# before a city that is a province ("thành phố Lạng Sơn" is part of a province, as a district)
_CITIES = ("ha noi", "hai phong", "da nang", "can tho", "ho chi minh", "hue")
_PROVINCES = "|".join(re.escape(fold(place)) for place in sorted(PLACES, key=len, reverse=True)
                      if fold(place) not in _ABROAD | {"ca nuoc", "toan quoc"})
_PROVINCE_PHRASE = re.compile(
    rf"(?<!\w)(?:(?:(?:cua|tai|tren dia ban)\s+)?tinh\s+(?:{_PROVINCES})"
    rf"|(?:cua|tai|tren dia ban)\s+(?:{_PROVINCES})"
    rf"|(?:(?:cua|tai|tren dia ban)\s+)?(?:thanh pho|tp\.?)\s+(?:{'|'.join(_CITIES)}))(?!\w)")


def places_fit(asked: frozenset[str], frame: Frame, hit: Hit, text: str) -> bool:
    """A figure answers for the places the question names only if its sentence, heading,
    indicator or document title names them, or the document's letterhead does (its own
    place, :func:`own_places`: "chi thường xuyên tỉnh Hà Giang" of a report headed "UBND
    TỈNH HÀ GIANG" -- refused before, break-test round 13 of issue 16); and a figure whose
    heading or sentence before it names another province (a sidebar "Cao Bằng: GRDP năm
    2022 tăng 4,21%") answers only a question naming it ("thấp hơn ... cả nước" after it is
    a comparison)."""
    q0, q1 = frame.quote
    near = " ".join((text[q0:q1], frame.context, frame.indicator, frame.parent))
    if one_nation(asked) - one_nation(places_named(near + " \n " + hit.chunk.title)) - (
            own_places(hit.chunk.title, text) if asked else frozenset()):
        return False
    owner = clause_owner(text[q0:frame.start], text[frame.end:q1],
                         nation=frame.measure != "rank")
    if owner == NATION:  # the country's clause: a question naming the country only
        return bool(asked & RANKED_OVER)
    own_scope = owner == OWN_SCOPE
    if own_scope:  # the province's, in a sentence naming the country beside it
        if asked & RANKED_OVER:
            return False
        owner = ""
    if owner:  # its sentence says whose figure it is (clause_owner)
        return owner in asked if owner != _HOME else not asked - _ABROAD - RANKED_OVER
    # whose figure it is is said before it ("Cao Bằng: ..."); a place after it is compared
    before = " ".join((compared_out(text[q0:frame.start]), frame.context, frame.indicator))
    others = (places_named(before) - _ABROAD - (RANKED_OVER if own_scope else frozenset())) - asked
    if others:  # unless it is the document's own province, said as one ("tỉnh Quảng Trị")
        others -= _phrase_places(before) & _own_province(hit.chunk.title, text)
    return not others


def one_nation(places: frozenset[str]) -> frozenset[str]:
    """``places`` (folded) with the country's two names ("toàn quốc", "cả nước") as one,
    NATION: "GRDP toàn quốc" asks what "cả nước tăng 6,9%" says."""
    return frozenset(NATION if p in RANKED_OVER else p for p in places)


_HOME = fold(HOME_PLACE)
# the places and the reports' own province as _PLACE_FORMS has them, abroad and the whole
# country left out: whose figure a clause may say it is
_HOME_PATTERN = re.compile(rf"(?<!\w){re.escape(_HOME)}(?!\w)")
_OWNER_FORMS = [(place, name, pattern) for place, name, pattern in
                [*_PLACE_FORMS, (HOME_PLACE, _HOME, _HOME_PATTERN)]
                if name not in _ABROAD | RANKED_OVER]


# whose figure a clause of a sentence naming the country says it is: the country's (NATION,
# "cả nước", "toàn quốc") or the document's own province's (OWN_SCOPE, said by a scope word:
# "của tỉnh", "toàn tỉnh", "tỉnh", not "tỉnh Cao Bằng" nor "cấp tỉnh", "các tỉnh")
NATION = "ca nuoc"
OWN_SCOPE = "tinh"
NATION_RE = re.compile(r"(?<!\w)(?:ca nuoc|toan quoc)(?!\w)")
_OWN_SCOPE_RE = re.compile(r"(?<!\w)(?<!cap )(?<!cac )(?<!nhung )(?<!moi )(?<!\d )"
                           r"(?:tinh)(?!\w)(?! (?:uy|thanh|ban|le|lo)\b)")
# a clause's end: a comma or semicolon not inside a number ("9.120,5"), a colon
_CLAUSE_END = re.compile(r"[;:]|,(?!\d)")


@lru_cache(maxsize=4096)
def clause_owner(before: str, after: str = "", nation: bool = True) -> str:
    """Whose figure a value is, by its sentence up to it (``before``; its comparisons are
    blanked, :func:`compared_out`), folded: the place named last there, when the sentence
    (``before`` and the rest of it, ``after``) names the reports' own province
    (rag.vi.lexicon.HOME_PLACE: "IIP của Thái Nguyên tăng 5,7%, của Lạng Sơn tăng 9,3%") --
    "" when it does not, or ``before`` names no place.
    A report setting the province beside another place gives each its figure in its own
    clause: "Lạng Sơn đón 2,14 triệu lượt ..., tăng 13,5% ..., trong khi tỉnh Cao Bằng đón
    1,36 triệu lượt, tăng 8,2%", "xuất khẩu qua các cửa khẩu Lạng Sơn đạt 3,72 tỷ USD ...,
    còn qua các cửa khẩu Quảng Ninh đạt 2,86 tỷ USD": 8,2% and 2,86 are the other's, 13,5%
    and 3,72 the province's, whatever the heading names ("Lạng Sơn và Quảng Ninh").  Read as
    named anywhere near, a question naming one place took the other's figure, and one
    naming none was refused the province's (break-test bt19b, d08 and d13).  Names typed
    with other diacritics are none (as :func:`places_named`: "Sơn là" is no Sơn La).
    With ``nation`` (any figure but a rank, whose "cả nước" is what it is ranked over:
    :data:`RANKED_OVER`), a sentence naming the country sets the province's figure beside
    the country's: :func:`nation_owner` says which (NATION, OWN_SCOPE), the province named
    by a scope word ("của tỉnh") as well as by its name."""
    lower = before.lower()
    folded = fold(lower)
    if len(folded) != len(lower):
        return ""
    if nation and NATION_RE.search(f"{folded} {fold(after).lower()}"):
        owner = nation_owner(before, after)
        if owner:
            return owner
    before = compared_out(before)
    if _HOME not in folded + fold(after).lower():
        return ""
    named = _owners_named(before)
    home = any(n == _HOME for _, _, n in named) or _names_home(after)
    return max(named)[2] if named and home else ""


def _owners_named(text: str) -> list[tuple[int, int, str]]:
    """The places (:data:`_OWNER_FORMS`) ``text`` names as (start, length, folded name),
    typed with their own diacritics or none."""
    lower = text.lower()
    folded = fold(lower)
    named: list[tuple[int, int, str]] = []
    for place, name, pattern in _OWNER_FORMS:
        if name not in folded:
            continue
        for m in pattern.finditer(folded):
            written = lower[m.start():m.end()]
            if written == place or fold(written) == written:
                named.append((m.start(), m.end() - m.start(), name))
    return named


# the words before "cả nước" that make it its clause's subject or owner ("trong khi cả nước
# tăng", "của cả nước", "bình quân chung cả nước"), not a place things are sold or held
# across ("tiêu thụ trên toàn quốc với doanh thu ...", "hội chợ toàn quốc")
_NATION_SUBJECT = re.compile(r"(?:(?:^|[,;:(]|(?<!\w)(?:khi|con|thi|cua|chung|quan|va))"
                             r"\s*(?:tren\s+)?)$")


def nation_owner(before: str, after: str = "") -> str:
    """Whose figure a value is in a sentence naming the country ("cả nước", "toàn quốc")
    beside the province: NATION when its clause is the country's ("GRDP của tỉnh tăng 7,2%
    trong khi cả nước tăng 6,9%", "...; cả nước tăng 9,3%") or it is the value of a
    comparison with the country ("cao hơn mức tăng 6,4% của cả nước", "cao hơn bình quân
    chung cả nước (54,2%)"), OWN_SCOPE when the scope named last before it is the
    province's ("của tỉnh", "toàn tỉnh", "Lạng Sơn"), "" when neither or another place is
    named last (:func:`clause_owner` reads those).  ``before``: the sentence up to the
    value; ``after``: the rest of it.  A country's figure labelled the province's was served
    for "GRDP cả nước", and the province's for it (break-test bt20c, d10)."""
    lower = before.lower()
    folded = fold(lower)
    if len(folded) != len(lower):
        return ""
    # the value inside a comparison: whose it is, the comparison says, on either side of it
    compared = [m for m in _COMPARED.finditer(folded) if m.end() >= len(folded.rstrip())]
    if compared:
        rest = fold(after).lower()
        stop = re.search(r"[;.]|,(?!\d)", rest)  # the comparison's end
        start = compared[-1].start()
        part = before[start:] + " " + after[:stop.start() if stop else len(after)]
        said = _scopes_in(part)
        return max(said)[2] if said else ""
    blanked = compared_out(before)
    # the country counts only as its clause's own subject, in the value's clause (not "tiêu
    # thụ trên toàn quốc với doanh thu ...": the province's sales across it)
    said = [(start, length, name) for start, length, name in _scopes_in(blanked)
            if name != NATION or (_NATION_SUBJECT.search(fold(blanked[:start]).lower())
                                  and not _CLAUSE_END.search(blanked[start + length:]))]
    said += [n for n in _owners_named(blanked) if n[2] != _HOME]
    if not said:
        # the country named only as what the value is compared with ("GRDP tăng 7,6%, cao
        # hơn mức bình quân cả nước"): the figure is the report's own, not the country's
        whole = fold(compared_out(f"{before} {after}")).lower()
        if not NATION_RE.search(whole):
            return OWN_SCOPE
        # -- and so is one whose clause names no scope, the country being the subject of a
        # later clause of its own ("CPI tăng 3,15% so với cùng kỳ, trong khi cả nước tăng
        # 3,6%": break-test bt21a, session 49, the 3,15% served for "cả nước" at 0.91)
        later = fold(compared_out(after)).lower()
        return OWN_SCOPE if any(_NATION_SUBJECT.search(later[:m.start()])
                                for m in NATION_RE.finditer(later)) else ""
    name = max(said)[2]
    return name if name in (NATION, OWN_SCOPE) else ""


def _scopes_in(text: str) -> list[tuple[int, int, str]]:
    """The country (NATION) and the own province's scope words and name (OWN_SCOPE) of
    ``text``, as (start, length, name); a "tỉnh" before a capitalised name ("tỉnh Cao
    Bằng") is that province's, none of these."""
    lower = text.lower()
    folded = fold(lower)
    if len(folded) != len(lower):
        return []
    out = [(m.start(), m.end() - m.start(), NATION) for m in NATION_RE.finditer(folded)]
    for m in _OWN_SCOPE_RE.finditer(folded):
        if not re.match(r"\s+[A-ZĐ]", text[m.end():]):
            out.append((m.start(), m.end() - m.start(), OWN_SCOPE))
    out += [(s, n, OWN_SCOPE) for s, n, name in _owners_named(text) if name == _HOME]
    return out


def _names_home(text: str) -> bool:
    """Whether ``text`` names the reports' own province (rag.vi.lexicon.HOME_PLACE), typed
    with its own diacritics or none (as :func:`places_named` reads a place)."""
    lower = text.lower()
    folded = fold(lower)
    return len(folded) == len(lower) and any(
        lower[m.start():m.end()] in (HOME_PLACE.lower(), m.group())
        for m in _HOME_PATTERN.finditer(folded))


# a comparison in a sentence's earlier clause: "cao hơn bình quân chung cả nước (54,2%)",
# "thấp hơn mức tăng của cả nước", "so với cả nước" -- the words up to the clause's end
_COMPARED = re.compile(r"(?<!\w)(?:cao hon|thap hon|nhanh hon|cham hon|so voi)\s[^,;:.]*")


def compared_out(text: str) -> str:
    """``text`` with its comparisons blanked (:data:`_COMPARED`, each from its comparative
    to the end of its clause; same length, spaces in place): a place named there is the
    one the figure is set beside, not whose figure it is.  "Tính đến ngày 25/10/2078, toàn
    tỉnh giải ngân được 4.187 tỷ đồng, ..., cao hơn bình quân chung cả nước (54,2%); trong
    đó vốn ngân sách địa phương giải ngân 2.563 tỷ đồng": the part after "trong đó" is the
    province's own, not the country's (break-test s44, investparts)."""
    folded = fold(text).lower()
    if len(folded) != len(text):
        return text
    out = text
    for m in _COMPARED.finditer(folded):
        out = out[:m.start()] + " " * (m.end() - m.start()) + out[m.end():]
    return out


def _phrase_places(text: str) -> frozenset[str]:
    """The provinces ``text`` names in a place phrase (:data:`_PROVINCE_PHRASE`: "tỉnh Hà
    Tĩnh", "của Quảng Trị"), folded."""
    folded = fold(text).lower()
    return frozenset().union(*(places_named(text[m.start():m.end()])
                               for m in _PROVINCE_PHRASE.finditer(folded)))


@lru_cache(maxsize=256)
def _own_province(title: str, text: str) -> frozenset[str]:
    """The document's own province (folded): its letterhead's (:func:`own_places`), or the
    one province it names when it names only one -- "Doanh thu du lịch tỉnh Quảng Trị quý II
    ..." in a report naming no other is Quảng Trị's figure, and a question naming no place
    asks it (break-test bt7-b16 failure 1); one naming another province does not."""
    named = places_named(f"{title}\n{text}") - _ABROAD - {"ca nuoc", "toan quoc"}
    return own_places(title, text) | (named if len(named) == 1 else frozenset())


# a border gate or another named unit in a question: "qua cửa khẩu Hữu Nghị", "cua khau quoc te
# Tan Thanh", "huyện Bảo Lạc", "khu công nghiệp Đồng Văn", "KCN Quế Võ", "chợ Đông Kinh"; the
# name capitalised, as Vietnamese writes proper names ("các cửa khẩu đường bộ" names none)
_GATE_RE = re.compile(r"\b(?i:cửa khẩu|cua khau|ga|huyện|huyen|khu công nghiệp|khu cong nghiep|"
                      r"cụm công nghiệp|cum cong nghiep|chợ)(?:\s+(?i:quốc tế|quoc te|"
                      r"đường sắt|duong sat|liên vận|lien van))*"
                      r"\s+((?:[A-ZĐ][^\W\d_]*)(?:\s+[A-ZĐ][^\W\d_]*){0,2})"
                      r"|\bKCN\s+((?:[A-ZĐ][^\W\d_]*)(?:\s+[A-ZĐ][^\W\d_]*){0,2})")
GATE_RE = _GATE_RE  # read by rag.answer.place_said.gate_phrase_said


# a province or a customs office the place list (rag.vi.lexicon.PLACES) does not know, marked
# as a place by the question: "tỉnh Hà Vân", "Chi cục Hải quan (cửa khẩu) Bản Khoang"; and a
# name after "của"/"tại" ("của Hà Vân"), each word capitalised ("Hà Vân", not "GRDP"), not a
# body's ("của Sở Công Thương") -- a person's or a firm's as well, so only a soft mark: the
# documents of an invented province (break-test bt12-b17 failure 1: "mục tiêu tăng trưởng
# GRDP năm 2051 của Hà Vân?" refused at 1.0, its report headed "CỤC THỐNG KÊ TỈNH HÀ VÂN")
_NAME = r"((?:[A-ZĐ][a-zà-ỹđ]*)(?:\s+[A-ZĐ][a-zà-ỹđ]*){0,2})(?!\w)"
_UNIT_RE = re.compile(r"\b(?i:tỉnh|tinh|(?:chi cục|chi cuc)\s+(?:hải quan|hai quan)"
                      r"(?:\s+(?:cửa khẩu|cua khau))?)\s+" + _NAME)
_OWNER_RE = re.compile(r"\b(?i:của|cua|tại|tai)\s+" + _NAME)
# the first words (folded) of a body's name, which "của"/"tại" take as often as a place
_BODIES = frozenset({"so", "bo", "cuc", "chi", "ban", "uy", "ubnd", "hoi", "tong", "cong",
                     "ngan", "trung", "vien", "truong", "phong", "doanh", "nha", "hop", "quy",
                     "tap", "khu", "cum", "cho", "ga", "huyen", "tinh", "thanh", "xa", "nganh",
                     "chinh", "dang", "mat", "ong", "ba", "anh"})


def units_named(question: str, owner: bool = False) -> frozenset[str]:
    """The places (folded names) ``question`` marks as places that the place list does not
    know: "tỉnh Hà Vân", "Chi cục Hải quan Bản Khoang" (:data:`_UNIT_RE`); with ``owner``,
    the names after "của"/"tại" instead (:data:`_OWNER_RE`: "của Hà Vân" -> "ha van"), which
    may be a person's or a firm's.  Those the list knows are :func:`places_named`'s
    (places_fit); the reports' own province is none."""
    if owner:
        # a Vietnamese place's name: two or three syllables ("Hà Vân"), not a foreign name
        # ("của Luther", "của Super Bowl": XQuAD-vi's people and events) nor one word
        names = {fold(m.group(1)).lower() for m in _OWNER_RE.finditer(question)
                 if fold(m.group(1)).lower().split()[0] not in _BODIES
                 and len(m.group(1).split()) >= 2
                 and all(is_syllable(w) for w in m.group(1).split())}
    else:
        names = {fold(m.group(1)).lower() for m in _UNIT_RE.finditer(question)}
    return frozenset(n for n in names if n not in _KNOWN_PLACES)


# a commune, ward or town of a district in a question: "xã Tân Lập", "thị trấn Đồng Đăng",
# "phường Chi Lăng" -- with diacritics only ("xa", "phuong" are other words folded), the name
# capitalised (GSO's administrative units below the district: xã, phường, thị trấn)
_COMMUNE_RE = re.compile(r"(?<!\w)(?:xã|[Xx]ã|thị trấn|Thị trấn|phường|Phường)\s+"
                         r"((?:[A-ZĐ][^\W\d_]*)(?:\s+[A-ZĐ][^\W\d_]*){0,2})")


def units_asked(question: str) -> frozenset[str]:
    """The units below the province a question asks about (folded): its gates, districts,
    parks and markets (:func:`gates_named`) and its communes, wards and towns
    (:data:`_COMMUNE_RE`: "xã Tân Lập" -> "tan lap") -- what a sentence answering it must
    name, or its document's lead (:func:`sentence_places_fit`)."""
    communes = {fold(m.group(1)).lower() for m in _COMMUNE_RE.finditer(question)}
    return gates_named(question) | frozenset(communes - {fold(HOME_PLACE).lower()})


def gates_named(question: str) -> frozenset[str]:
    """The border gates (folded names) ``question`` asks about: the capitalised name after
    "cửa khẩu" ("kim ngạch qua cửa khẩu Hữu Nghị năm 2017" -> "huu nghi"), or before
    "border gate", "district" in English ("through Ban Khe border gate" -> "ban khe",
    :func:`rag.search.query.english_units`), and the provinces and customs offices the place
    list does not know that it names (:func:`units_named`: "tỉnh Hà Vân"); the reports' own
    province is no gate ("các cửa khẩu Lạng Sơn")."""
    names = {fold(m.group(1) or m.group(2)).lower() for m in _GATE_RE.finditer(question)}
    names |= {fold(name).lower() for name, _, _ in english_units(question)}
    names |= districts_named(question)
    return frozenset((names | units_named(question)) - {fold(HOME_PLACE).lower()})


# a gate, a station or a port a document names by its kind: "cửa khẩu Chi Ma", "cửa khẩu phụ
# Bình Nghi", "lối mở Bản Chắt", "ga Đồng Đăng", "cảng Cái Lân" -- the name capitalised, one to
# three syllables ("Kim ngạch nhập khẩu — cửa khẩu Chi Ma: 134 triệu USD", a table's rows read)
_GATE_WRITTEN = re.compile(
    r"(?<!\w)(?i:cửa khẩu|cua khau|lối mở|loi mo|cảng|ga)(?:\s+(?i:quốc tế|quoc te|chính|chinh|"
    r"phụ|phu|song phương|song phuong|đường bộ|duong bo|đường sắt|duong sat|liên vận|lien van))*"
    r"\s+([A-ZĐ][^\W\d_]*(?:\s+[A-ZĐ][^\W\d_]*){0,2})(?!\w)")
# the place list's names and the reports' own province, folded lower-case: no gate's name
_KNOWN_PLACES = frozenset({fold(p).lower() for p in PLACES} | {fold(HOME_PLACE).lower()})
# the words before a bare name that say it is where goods pass ("xuất khẩu qua Chi Ma", "tại
# Hữu Nghị"), folded
_THROUGH = r"(?:qua|tai)"


@lru_cache(maxsize=256)
def gate_written(text: str) -> str:
    """The first gate, station or port ``text`` names by its kind and name, as written ("Cửa
    khẩu quốc tế Hữu Nghị" of "Cửa khẩu quốc tế Hữu Nghị tiếp tục dẫn đầu với kim ngạch");
    "" when it names none (the province and the places the place list knows are no gates,
    as :func:`gates_written` reads them).  A refusal's note says whose total it gives
    (rag.answer.answerer.trade_total_note)."""
    return next((m.group(0) for m in _GATE_WRITTEN.finditer(text)
                 if m.group(1).split()[0].lower() not in STOPWORDS_EXACT
                 and fold(m.group(1)).lower() not in _KNOWN_PLACES), "")


def gates_written(text: str) -> frozenset[str]:
    """The gates, stations and ports ``text`` names by their kind (:data:`_GATE_WRITTEN`), as
    folded, lower-case names ("cửa khẩu Chi Ma" -> "chi ma"), with the first two syllables of
    a three-syllable capture too (a capitalised word after the name); the reports' own province
    and the places the place list knows are none.  Cached by text: asked per question over the
    documents retrieved."""
    out: set[str] = set()
    for m in _GATE_WRITTEN.finditer(text):
        if m.group(1).split()[0].lower() in STOPWORDS_EXACT:
            continue  # a row "Các điểm thông quan khác" under "Cửa khẩu" (dev2) names none
        words = fold(m.group(1)).lower().split()
        out.add(" ".join(words))
        if len(words) == 3:
            out.add(" ".join(words[:2]))
    return frozenset(out - _KNOWN_PLACES)


def gates_through(question: str, texts: Iterable[str]) -> frozenset[str]:
    """The gates ``question`` names bare after "qua"/"tại" ("nhập khẩu qua Chi Ma", "qua chi
    ma" typed without diacritics) that one of the documents ``texts`` (those retrieved) names
    as a gate, a station or a port (:func:`gates_written`: "cửa khẩu Chi Ma"), folded: asked as
    :func:`gates_named` reads "qua cửa khẩu Chi Ma" -- read as no gate, the province's
    1.187 triệu USD answered "xuất khẩu qua Chi Ma" (break-test bt16i, d05).  A name written
    capitalised must be whole: "qua Tân Lập" is no "cửa khẩu Tân"; in a question typed with
    diacritics, capitalised ("qua các cửa khẩu" names none, nor does "qua địa bàn tỉnh")."""
    folded = fold(question).lower()
    if not re.search(rf"(?<!\w){_THROUGH}\s", folded):
        return frozenset()
    written = frozenset().union(*map(gates_written, texts))
    typed_marked = fold(question) != question.lower()
    out = set()
    for g in sorted(written, key=len, reverse=True):
        for m in re.finditer(rf"(?<!\w){_THROUGH}\s+({re.escape(g)})(?!\w)", folded):
            if len(folded) == len(question):
                first = question[m.start(1):m.start(1) + 1]
                if typed_marked and not first.isupper():
                    continue  # typed with diacritics, a name is capitalised: "qua các"
                after = question[m.end(1):].split()[:1]
                if after and after[0][:1].isupper() and first.isupper():
                    continue  # a longer capitalised name: "qua Tân Lập" is no "Tân"
            out.add(g)
    return frozenset(out)


_DISTRICT_FORMS = [(name, re.compile(rf"(?<!\w){re.escape(fold(name))}(?!\w)"))
                   for name in HOME_DISTRICTS]


@lru_cache(maxsize=4096)
def districts_named(text: str) -> frozenset[str]:
    """The province's districts (rag.vi.lexicon.HOME_DISTRICTS, folded) ``text`` names, with
    "huyện" or bare ("hội chợ nông sản Cao Lộc" -> "cao loc"): as written with their marks,
    or typed without any (as :func:`places_named` reads a province); "cao lốc" is none."""
    lower = text.lower()
    folded = fold(lower)
    found = set()
    for name, pattern in _DISTRICT_FORMS:
        for m in pattern.finditer(folded):
            written = lower[m.start():m.end()] if len(folded) == len(lower) else name
            if written == name or fold(written) == written:
                found.add(fold(name))
                break
    return frozenset(found)


# one kind noun over several capitalised names joined by "và"/","/"-" ("cửa khẩu Hữu Nghị và
# Tân Thanh", "cửa khẩu Tân Thanh, Cốc Nam và Chi Ma"): names group(1), the rest group(2)
_GATE_LIST = re.compile(
    _GATE_RE.pattern.split("|\\bKCN")[0]
    + r"((?:\s*(?:,|và|va|-)\s*[A-ZĐ][^\W\d_]*(?:\s+[A-ZĐ][^\W\d_]*){0,2})+)")
_NAME_IN_LIST = re.compile(r"[A-ZĐ][^\W\d_]*(?:\s+[A-ZĐ][^\W\d_]*){0,2}")
# a figure given for each name of a list in turn, not for all of them together
_RESPECTIVELY = re.compile(r"\blan luot\b|\btuong ung\b")


def gates_joined(text: str) -> frozenset[str]:
    """The places (folded, lower-case) ``text`` names together under one kind noun
    ("tại các bãi xe khu vực cửa khẩu Hữu Nghị và Tân Thanh còn khoảng 860 xe" ->
    {"huu nghi", "tan thanh"}); empty when it names none so.  A figure said of such a
    list is the places' joint figure, none of one alone (dev2 e151: "riêng cửa khẩu Hữu
    Nghị" answered by the two gates' 860 xe)."""
    out: set[str] = set()
    for m in _GATE_LIST.finditer(text):
        out.add(fold(m.group(1)).lower())
        out |= {fold(n).lower() for n in _NAME_IN_LIST.findall(m.group(2))}
    # each under its own kind noun: "ga đường sắt quốc tế Đồng Đăng và cửa khẩu quốc tế Hữu
    # Nghị đạt tổng kim ngạch 4.100 triệu USD" is the two's joint figure, neither's alone
    # (break-test bt22b, session 50: served for "kim ngạch qua ga đường sắt Đồng Đăng")
    written = list(_GATE_WRITTEN.finditer(text))
    for a, b in zip(written, written[1:], strict=False):
        if _JOINED.fullmatch(text[a.end():b.start()]):
            out |= {fold(a.group(1)).lower(), fold(b.group(1)).lower()}
    return frozenset(out - {fold(HOME_PLACE).lower()})


# what joins two places said together: "và", "cùng", a comma
_JOINED = re.compile(r"\s*(?:,|và|cùng|va|cung)\s*")


# the words naming what kind of place a gate is ("cửa khẩu", "Chi cục Hải quan"), folded terms
_GATE_KINDS = frozenset({"cua_khau", "chi_cuc", "hai_quan", "loi_mo"})


# a public body named by the field it serves ("Cục Thuế", "ngành thuế", "Cục Hải quan",
# "Sở Công Thương", "ngành công thương", "Chi cục Thống kê"; lower-cased, with diacritics --
# folded, "sở" is "số" of "số thu"): the noun of the body, then the field's first syllable and
# the second when the two make a word ("hải quan", not "thuế Thượng" of "Cục Thuế Thượng Lam")
_BODY_FIELD = re.compile(
    r"(?<!\w)(?<!cơ )(tổng cục|chi cục|cục|sở|ngành)\s+(\w+)(?:\s+(\w+))?")
# the nouns of an agency ("Cục Thuế"), not of the field alone: a document's lead naming
# "ngành công nghiệp" was issued by no body of it
_AGENCY_NOUNS = frozenset({"tổng cục", "chi cục", "cục", "sở"})


def bodies_named(text: str) -> frozenset[tuple[str, str]]:
    """The public bodies ``text`` names by their field (:data:`_BODY_FIELD`), as (the body's
    name as written, lower-case; the field, folded): "số thu ngành thuế 9 tháng" ->
    {("ngành thuế", "thue")}, "Cục Hải quan tỉnh" -> {("cục hải quan", "hai quan")}; "cơ sở
    sản xuất" names none.  A "ngành" of the economy ("ngành khai khoáng") is read too: it
    only counts where a document's title or lead names an agency of that field
    (:func:`body_of_document`)."""
    return frozenset((written, field) for _, written, field in _bodies(text))


def _bodies(text: str) -> set[tuple[str, str, str]]:
    """:func:`bodies_named` with each body's noun ("cục", "ngành") first."""
    out = set()
    for m in _BODY_FIELD.finditer(text.lower()):
        first = fold(m.group(2))
        if not first.isalpha():
            continue
        second = m.group(3)
        pair = second is not None and \
            is_word(first, fold(second), f"{m.group(2)} {second}")
        field = f"{first} {fold(second)}" if pair else first
        written = f"{m.group(1)} {m.group(2)} {second}" if pair else f"{m.group(1)} {m.group(2)}"
        out.add((m.group(1), written, field))
    return out


def body_of_document(bodies: frozenset[tuple[str, str]], title: str, text: str) -> str:
    """The bodies of ``bodies`` (:func:`bodies_named`, a question's) that issued the document
    of ``title`` and ``text`` -- its title or lead (:func:`lead_text`: letterhead lines and
    first sentence) names an agency (:data:`_AGENCY_NOUNS`, no "ngành") of the same field
    ("Cục Thuế tỉnh ... họp báo" for "ngành thuế", "CỤC THỐNG KÊ TỈNH" for "Cục Thống kê")
    -- written as the question names them, joined ("ngành thuế"), "" when none did.
    Counted among a figure's heading words (rag.answer.figures.describe's ``lead_place``),
    as :func:`gates_in_lead`'s are: a press conference's figures are its issuer's, the
    speaker saying "toàn ngành thu được ..." (issue 17 bt21-b17 failure 5: "số thu ngành
    thuế 9 tháng" fell under the coverage floor, "ngành" only in the passage), and a
    statistics office's report is not the tax department's."""
    fields = {field for noun, _, field in _bodies(lead_text(title, text))
              if noun in _AGENCY_NOUNS}
    return " ".join(sorted(written for written, field in bodies if field in fields))


# an indicator that names the whole sector by the reporting body's word alone ("giá trị sản
# xuất toàn ngành", "tổng thu của ngành", "cả ngành"), folded: no field after "ngành"
_WHOLE_SECTOR = re.compile(r"(?:^|\s)(?:toan |ca |cua )?nganh$")


def sector_of_document(indicator: str, title: str, text: str) -> str:
    """The field of the body that issued the document of ``title`` and ``text`` (its title or
    lead, :func:`lead_text`, names an agency of :data:`_AGENCY_NOUNS`: "SỞ NÔNG NGHIỆP VÀ MÔI
    TRƯỜNG" -> "nong nghiep", "Cục Thuế tỉnh ..." -> "thue"; folded, joined) when
    ``indicator``, a figure's, names its sector by "toàn ngành", "của ngành" or "cả ngành"
    alone -- the speaker's own sector: "Dự báo quý IV: giá trị sản xuất toàn ngành tăng
    khoảng 4,0 - 4,3%" in the agriculture department's press summary is agriculture's
    (bt25-b17 failure 6; "Quý III/2073, toàn ngành thu được ..." of the tax department,
    bt21-b17 failure 5); "" when the indicator names a field ("toàn ngành công nghiệp") or
    no agency issued the document."""
    if not _WHOLE_SECTOR.search(fold(indicator).lower().strip()):
        return ""
    return " ".join(sorted({field for noun, _, field in _bodies(lead_text(title, text))
                            if noun in _AGENCY_NOUNS}))


def gate_terms(gates: frozenset[str], kinds: bool = True) -> frozenset[str]:
    """The word pairs (folded terms, "ban_khoang") of the asked gates' names: place names,
    which gates_fit checks, never words of the indicator a figure must hold -- "Bản Khoang"
    shares "bàn" with the "địa bàn" of "qua địa bàn" (rag.answer.figures.names_another_word
    refused the gate's imports, break-test bt12-b17 failure 1); with ``kinds``, the words of
    what kind of place a gate is too ("cua_khau", "hai_quan": :data:`_GATE_KINDS`)."""
    out: set[str] = set(_GATE_KINDS) if gates and kinds else set()
    for g in gates:
        w = g.split()
        out |= {f"{a}_{b}" for a, b in zip(w, w[1:], strict=False)}
    return frozenset(out)


@lru_cache(maxsize=256)
def _folded_document(title: str, text: str) -> str:
    """A document's ``title`` and ``text``, folded and lower-cased, its punctuation read as
    spaces: "Cộng hòa Dân chủ (Đông) Đức" names "dong duc" (XQuAD-vi "Ai là Thủ tướng cuối
    cùng của Đông Đức?" was refused at 1.0).  Cached: asked per frame."""
    return re.sub(r"[^\w\n]+", " ", fold(f"{title}\n{text}").lower())


def document_names(names: frozenset[str], title: str, text: str) -> bool:
    """Whether the document of ``title`` and ``text`` names each of ``names`` (folded) somewhere:
    a name a question marks as a place's ("của Sa Điền", :func:`units_named` ``owner``) that
    the document never names is not its figure's, whatever else they share."""
    folded = _folded_document(title, text)
    return all(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", folded) for n in names)


def gates_in_lead(gates: frozenset[str], title: str, text: str) -> str:
    """The asked ``gates`` (folded) the document's title or lead (:func:`lead_text`) names,
    joined: counted among a figure's own words, as its letterhead's province is
    (rag.answer.figures.describe ``own_place``)."""
    lead = fold(lead_text(title, text)).lower()
    return " ".join(sorted(g for g in gates if re.search(rf"(?<!\w){re.escape(g)}(?!\w)", lead)))




# a place named by its kind in a document's title, letterhead or lead, or in a figure's
# sentence: "ỦY BAN NHÂN DÂN HUYỆN SƠN KHÊ", "xã Tân Lập", "thị xã Đông Triều", "cửa khẩu Na
# Lương" -- the name capitalised (letterheads print it in capitals), two or three syllables;
# "xã hội" of "CỘNG HÒA XÃ HỘI CHỦ NGHĨA" and "kinh tế - xã hội" is none; "xã", "quận",
# "phường" only with their diacritics ("xa", "quan" are "xa", "cơ quan", "hải quan")
_KIND_PLACE_RE = re.compile(
    r"(?<!\w)(?i:huyện|huyen|thị xã|thi xa|thị trấn|thi tran|xã|thành phố|thanh pho|tỉnh|tinh|"
    r"quận|phường|cửa khẩu|cua khau)(?:[ \t]+(?i:quốc tế|quoc te|đường sắt|duong sat|liên vận|"
    r"lien van|chính|chinh|phụ|phu))*[ \t]+(?!(?i:hội|hoi)(?!\w))"
    r"([^\W\d_]+(?:[ \t]+[^\W\d_]+){1,2})")


@lru_cache(maxsize=4096)
def kind_places(text: str) -> frozenset[str]:
    """The places ``text`` names by their kind (:data:`_KIND_PLACE_RE`: "HUYỆN SƠN KHÊ",
    "xã Tân Lập"), as folded, lower-case names of two or three syllables ("son khe"), each
    with its first two syllables too ("son khe cong" of a letterhead OCR joined to the
    motto's line also gives "son khe").  Cached by text: asked of every candidate frame."""
    out: set[str] = set()
    for m in _KIND_PLACE_RE.finditer(text):
        written = m.group(1).split()
        n = next((i for i, w in enumerate(written) if not w[:1].isupper()), len(written))
        if n < 2:
            continue
        words = fold(" ".join(written[:n])).lower().split()
        out |= {" ".join(words), " ".join(words[:2])}
    return frozenset(out)


def lead_places_asked(folded_q: str, title: str, text: str, sentence: str) -> str:
    """The places the document's title, letterhead or lead (:func:`lead_text`) names by their
    kind (:func:`kind_places`: "ỦY BAN NHÂN DÂN HUYỆN SƠN KHÊ") that the question
    (``folded_q``: folded, lower case) names too, with or without the kind ("thu ngân sách Sơn
    Khê năm 2075", "son khe"), joined; "" when the figure's ``sentence`` names another place
    of a kind and not this one (a district report's "huyện Bình Lư đạt 120 tỷ đồng" is that
    district's).  The place a report is headed with is the scope of each of its figures, the
    lexicon knowing it or not (rag.answer.figures.describe's ``lead_place``): "thu ngân sách
    Sơn Khê năm 2075 tăng hay giảm" missed the coverage floor on the district's own "giảm
    2,4%", "Sơn Khê" in its letterhead only (issue 17, break-test bt22-b17)."""
    asked = {name for name in kind_places(lead_text(title, text))
             if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", folded_q)}
    if not asked:
        return ""
    named = kind_places(sentence)
    if named and not named & asked:
        return ""
    return " ".join(sorted(asked))


def gates_fit(gates: frozenset[str], frame: Frame, text: str, title: str = "") -> bool:
    """A figure answers for the border gates (and districts, industrial parks, markets:
    :func:`gates_named`) asked only if its sentence, heading, indicator or total names each
    of them, or the document's title or lead does (:func:`lead_text`: a customs office's news
    headed "Chi cục Hải quan cửa khẩu Lũng Pô: ..." is that gate's throughout -- its
    figures were refused, break-test bt11-b17 failure 4): the province's trade is not one
    gate's ("Xét theo cửa khẩu, cửa khẩu quốc tế Hữu Nghị ... 2.107,3 triệu USD").  Nor does
    one whose own words (indicator, total) name another unit of that kind and none asked:
    "Cụm công nghiệp Đồng Xá có tỷ lệ lấp đầy cao nhất (92,5%), thấp nhất là cụm Bản Chang
    (18,0%)" -- 92,5% is no figure of "cụm công nghiệp Bản Chang", whose name its sentence
    holds (break-test bt20-b17 failure 11, with and without diacritics)."""
    own = fold(f"{frame.parent} {frame.indicator}").lower()
    q0, q1 = frame.quote
    # an indicator cut inside the name its sentence writes whole ("xe sầu riêng xuất khẩu qua
    # cửa khẩu Hữu" of "... qua cửa khẩu Hữu Nghị, kim ngạch ...") names the gate asked, not
    # another: read as "Hữu", the figure of the gate asked was dropped (held-out h063)
    said = fold(text[q0:q1]).lower()
    others = frozenset(next((g for g in gates if g.split()[:len(o.split())] == o.split()
                             and re.search(rf"(?<!\w){re.escape(g)}(?!\w)", said)), o)
                       for o in gates_named(f"{frame.parent} {frame.indicator}")) \
        | listed_name(frame.indicator)
    # the value's own clause (from the last "," or ";" before it): an indicator carried from
    # the clause before ("số hộ sử dụng điện lưới của huyện Mường Tè đạt 9.120 hộ, huyện Sìn
    # Hồ đạt 14.385 hộ") names the first clause's unit, the second value's clause its own
    clause = fold(re.split(r"[,;]", text[q0:max(q0, min(frame.start, q1))])[-1]).lower()
    if others and not others & gates and \
            not any(re.search(rf"(?<!\w){re.escape(g)}(?!\w)", f"{own} {clause}")
                    for g in gates):
        return False
    # the value said of a list of places ("cửa khẩu Hữu Nghị và Tân Thanh còn khoảng 860 xe")
    # is not the figure of some of them alone ("riêng cửa khẩu Hữu Nghị")
    # -- but one the frame gives to one of them as its own ("..., trong đó riêng cửa khẩu Tân
    # Thanh 2.650 xe": rag.vi.frames.sentence.listed_place) is that place's (bt17 wrong 2)
    joint = gates_joined(re.split(r"[;]", text[q0:max(q0, min(frame.start, q1))])[-1])
    singled = gates <= gates_named(frame.indicator) and not gates_joined(frame.indicator)
    if gates < joint and not singled and not _RESPECTIVELY.search(fold(text[q0:q1]).lower()):
        return False
    # a lead naming several gates ("tại các cửa khẩu còn tồn 2.640 xe, trong đó cửa khẩu Tân
    # Thanh ..., cửa khẩu Chi Ma ...") names no one place all figures are of (names_several)
    lead = "\n".join(x for x in lead_text(title, text).splitlines() if not names_several(x))
    near = fold(" ".join((text[q0:q1], frame.context, frame.indicator, frame.parent,
                          lead, subject_before(text, q0, q1)))).lower()
    return all(re.search(rf"(?<!\w){re.escape(g)}(?!\w)", near) for g in gates)


# a name alone, two or three capitalised words ("Chi Ma", "Tân Thanh", "Bình Nghi")
_BARE_NAME = re.compile(r"[A-ZĐ][^\W\d_]*(?:\s+[A-ZĐ][^\W\d_]*){1,2}")


def listed_name(indicator: str) -> frozenset[str]:
    """The name (folded, lower-case) a figure's ``indicator`` is when it is a bare name of
    two or three capitalised words and nothing else -- the item of a list of places, each
    with its figure ("Hữu Nghị dẫn đầu với 1.126,4 triệu USD; tiếp đến là Tân Thanh 311,2
    triệu USD, Chi Ma 298,7 triệu USD": 298,7 is "Chi Ma"'s) -- else empty.  The list's
    sentence names every gate in it, so the figure of one fit a question asking another
    (held-out h089: "kim ngạch tại Hữu Nghị" answered Chi Ma's 298,7 triệu USD); a place
    the place list knows or the reports' own province is no such name ("Trung Quốc")."""
    written = " ".join(indicator.split())
    if not _BARE_NAME.fullmatch(written):
        return frozenset()
    name = fold(written).lower()
    return frozenset() if name in _KNOWN_PLACES else frozenset({name})


def subject_before(text: str, q0: int, q1: int) -> str:
    """The sentence before ``text[q0:q1]`` in its paragraph when that sentence names no
    gate, market, fair or unit of its own (:func:`gates_named`), else "": a sentence that
    leaves its subject unsaid, or says it by its bare kind ("Hội chợ thu hút ..., doanh thu
    bán hàng đạt 18,6 tỷ đồng" after "Hội chợ Thương mại - OCOP Thượng Lam lần thứ VI ... được
    tổ chức ..."; "Doanh thu năm 2073 đạt 850 tỷ đồng" after "Chợ Đông Kinh có 1.200 hộ
    kinh doanh"), is of the one the sentence before introduced -- a question naming it was
    refused at 1.0 (break-test bt21-b17 failure 2).  "" at a paragraph's start, and "" when
    the sentence before names several of one kind (:func:`names_several`: "tại các cửa khẩu
    còn tồn 2.640 xe, trong đó cửa khẩu Tân Thanh 1.720 xe, cửa khẩu Chi Ma 515 xe"): it
    introduced them all, and "Sáng 23/12, số xe tồn giảm còn 2.105 xe" after it is their
    total, no figure of one of them (issue 17 break-test bt17j)."""
    if gates_named(text[q0:q1]):
        return ""
    head = text[:q0].rstrip()
    if not head or re.search(r"\n\s*$", text[:q0]):
        return ""  # a paragraph begins here: nothing before is its subject
    ends = [m.end() for m in _SENTENCE_END.finditer(head) if m.end() < len(head)]
    before = head[ends[-1] if ends else 0:]
    return "" if names_several(before) else before


def names_several(text: str) -> bool:
    """Whether ``text`` names two or more units of one kind by their names after the kind's
    noun (:data:`_GATE_RE`: "cửa khẩu Tân Thanh ..., cửa khẩu Chi Ma", "chợ Đông Kinh và chợ
    Kỳ Lừa"): a list of parts, or of places compared, whose subject is none of them alone.
    A gate beside its district ("cửa khẩu Chi Ma (huyện Lộc Bình)") is one of each kind."""
    kinds: dict[str, set[str]] = {}
    for m in _GATE_RE.finditer(text):
        name = m.group(1) or m.group(2)
        kind = fold(m.group(0)[:m.group(0).rindex(name)]).lower().split()[0]
        kinds.setdefault(kind, set()).add(fold(name).lower())
    return any(len(names) > 1 for names in kinds.values())


_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n\s*\n")


@lru_cache(maxsize=256)
def lead_text(title: str, text: str) -> str:
    """A document's ``title`` and lead: its letterhead lines (rag.vi.letterhead.issuer_lines)
    and its first sentence -- the first line longer than 80 characters or ending a
    sentence, up to its first full stop -- where a news item or report names the place
    (gate, district, industrial park) all its figures are of ("Theo Chi cục Hải quan cửa
    khẩu X, 6 tháng đầu năm ..."). Cached by (title, text)."""
    lines = [x.strip() for x in text.splitlines() if x.strip()][:8]
    first = next((x for x in lines if len(x) > 80 or x.endswith((".", ";"))), "")
    m = _SENTENCE_END.search(first)
    return "\n".join([title, *issuer_lines(text), first[:m.start()] if m else first])


def sentence_places_fit(question: str, typed: str, sentence: str, title: str, text: str,
                        rank: bool = False) -> bool:
    """Whether a figure read from ``sentence`` (of a document of ``title`` and ``text``)
    outside the frames (rag.answer.scoring.best_figure) answers for the places the question
    (``question`` as expanded, ``typed`` as typed) names: each listed place named in the
    sentence, the title or the letterhead (:func:`own_places`), each gate, unit or unlisted
    province (:func:`gates_named`) in the sentence or the lead (:func:`lead_text`), each name
    marked as a place's ("của Sa Điền") somewhere in the document (:func:`document_names`) -- as a
    frame's must (:func:`places_fit`, :func:`gates_fit`).  ``rank``: a rank question, whose
    "cả nước" is what is ranked over (:data:`RANKED_OVER`).  "PCI năm 2051 của tỉnh Cao Bằng
    xếp thứ mấy?" took another province's "chỉ số PCI của tỉnh xếp thứ 41/63" this way once
    the frames refused it (tests/test_unlisted_places.py)."""
    places = places_named(question) | places_named(typed)
    if rank:
        places -= RANKED_OVER
    if places - places_named(f"{sentence} \n {title}") - own_places(title, text):
        return False
    owners = units_named(question, owner=True) | units_named(typed, owner=True)
    if owners and not document_names(owners, title, text):
        return False
    gates = units_asked(question) | units_asked(typed)
    near = fold(f"{sentence}\n{lead_text(title, text)}").lower()
    return all(re.search(rf"(?<!\w){re.escape(g)}(?!\w)", near) for g in gates)


# the words of a text, and the class words that mark the capitalised name after them as a
# market's, a partner's or a firm's (folded): "thị trường EU", "đối tác Hàn Quốc", "xuất khẩu
# sang Nhật Bản", "kim ngạch với Malaysia", "doanh nghiệp Hòa Phát"
_NAME_WORD = re.compile(r"[^\W\d_]+")
_NAME_CLASS = re.compile(r"(?<!\w)(?:thi truong|doi tac|khoi|nuoc|quoc gia|sang|voi|tu|"
                         r"doanh nghiep|cong ty|tap doan|nha dau tu)\s+$")
# the first words (folded) of a capitalised run that is no entity's name: periods and
# seasons' heads as a heading writes them ("Quý III", "Tháng 9"), the holiday ("Tết"), and
# the heads of a sentence or clause ("Trong đó", "Theo thị trường")
_NOT_NAMES = frozenset({"quy", "thang", "nam", "ngay", "tuan", "dot", "ky", "vu", "tet",
                        "trong", "theo", "tinh", "toan", "tong", "rieng", "con", "ve", "tai",
                        "so", "du", "uoc", "luy", "ke", "nhu", "bao", "the", "dinh", "chinh",
                        "hai", "co", "thue", "kho", "bac"})


def entities_named(text: str, after: int = 0) -> frozenset[str]:
    """The proper names (folded, lower-case) ``text`` writes: each run of capitalised words
    ("Nhật Bản", "Hàn Quốc", "Samsung", "Điện lực Hòa Lĩnh" -> "hoa linh"), a run of one word
    that opens a sentence or line left out (capitalised as the sentence's first word:
    "Thị trường EU"), and an all-capital word (an acronym: "GRDP", "HS") only after a class
    word (:data:`_NAME_CLASS`: "thị trường EU" -> "eu").  Runs headed by a body's word
    (:data:`_BODIES`: "Sở", "Cục"), a period's or a clause head (:data:`_NOT_NAMES`) are no
    names.  With ``after``, only the runs starting at or after that offset, the text before
    it read for where sentences start.  Read by :func:`entities_fit` (issue 17, break-test
    bt25-b17: "thị trường Nhật Bản" answered by "Trung Quốc là thị trường lớn nhất với
    1.389,2 triệu USD")."""
    words = list(_NAME_WORD.finditer(text))
    runs: list[list[re.Match[str]]] = []
    for m in words:
        w = m.group(0)
        acronym = len(w) > 1 and w.isupper()
        if acronym:
            if _NAME_CLASS.search(fold(text[max(0, m.start() - 24):m.start()]).lower()):
                runs.append([m])
            continue
        if not w[0].isupper():
            continue
        if runs and runs[-1][-1].end() < m.start() and \
                not text[runs[-1][-1].end():m.start()].strip() and \
                not runs[-1][-1].group(0).isupper():
            runs[-1].append(m)
        else:
            runs.append([m])
    out: set[str] = set()
    for run in runs:
        if run[0].start() < after:
            continue
        before = text[:run[0].start()].rstrip()
        if len(run) == 1 and not run[0].group(0).isupper() and \
                (not before or before[-1] in ".!?:\n\"“(-–"):
            continue  # a sentence's first word
        name = fold(" ".join(m.group(0) for m in run)).lower()
        first = name.split()[0]
        if first in (_BODIES - {"trung"}) | _NOT_NAMES or \
                name == "trung" or name.startswith(("trung tam", "trung uong")):
            continue  # "Sở Công Thương", "Quý III", "Trung tâm ..." ("Trung Quốc" is a name)
        out.add(name)
    return frozenset(out)


def entities_marked(text: str) -> frozenset[str]:
    """The names among :func:`entities_named` of ``text`` that a class word
    (:data:`_NAME_CLASS`) marks as a market's, partner's or firm's: "thị trường Nhật Bản",
    "kim ngạch với Malaysia" -> {"nhat ban"}, {"malaysia"}: the names a question asks of
    :func:`entities_fit` (rag.answer.figures.choose).  A bare capitalised run is not read as
    asked ("của Hàn Quốc", a question's opening name): read so, it cost a held-out answer
    (branch bg, round bg2)."""
    folded = fold(text).lower()
    return frozenset(n for n in entities_named(text)
                     if re.search(rf"(?:thi truong|doi tac|khoi|nuoc|quoc gia|sang|voi|"
                                  rf"doanh nghiep|cong ty|tap doan|nha dau tu)\s+"
                                  rf"{re.escape(n)}(?!\w)", folded))


def entities_fit(asked: frozenset[str], frame: Frame, text: str, title: str = "") -> bool:
    """Whether a figure may answer for the named entities ``asked`` (folded:
    :func:`entities_marked` of the question, places and gates left to :func:`places_fit` and
    :func:`gates_fit`): not when its own words -- indicator, heading and the value's clause
    (from the last "," or ";" before it) -- name another entity and none asked, the
    document's lead (:func:`lead_text`, its scope: the customs office, the province) and the
    reports' own province apart.  "Theo thị trường, Trung Quốc là thị trường lớn nhất với
    1.389,2 triệu USD; tiếp đến là Hàn Quốc với 1.106,4 triệu USD; Nhật Bản đứng thứ ba với
    802,5 triệu USD": 1.389,2 is no figure of "thị trường Nhật Bản" though it shares the
    class word (break-test bt25-b17, served at 0.93; bt19-b17's "Về đối tác, Hàn Quốc dẫn
    đầu với 520 triệu USD ..., Nhật Bản đứng thứ hai với 301 triệu USD" is the same list).
    As :func:`gates_fit` does for gates, generalised to any capitalised name."""
    if not asked:
        return True
    q0, q1 = frame.quote
    said = text[q0:max(q0, min(frame.start, q1))]
    clause = re.split(r"[,;]", said)[-1]
    own = f"{frame.parent} ; {frame.indicator} ; {clause}"
    folded_own = " ".join(re.findall(r"\w+", fold(own).lower()))
    if any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", folded_own) for n in asked):
        return True
    scope = " ".join(re.findall(r"\w+", fold(lead_text(title, text)).lower()))
    others = {n for n in entities_named(frame.parent) | entities_named(frame.indicator)
              | entities_named(said, len(said) - len(clause))
              if n != fold(HOME_PLACE).lower()
              and not re.search(rf"(?<!\w){re.escape(n)}(?!\w)", scope)
              and not any(n in a or a in n for a in asked)}
    return not others


# A gate written bare after "qua"/"tại"/"ở" (folded): "kim ngạch xuất nhập khẩu qua cửa khẩu đạt
# ..." -- one gate's figure in a report about that gate, the province's many gates being
# written "qua các cửa khẩu", "qua cửa khẩu trên địa bàn tỉnh" or by their names
_BARE_GATE = re.compile(r"(?<!\w)(?:qua|tai|o)\s+(?:khu vuc\s+)?(?:cua khau|ga|cang)(?!\w)"
                        r"(?!\s+(?:quoc te\s+|chinh\s+|phu\s+)*(?:[a-z]+\s+)?(?:tren|thuoc|cua)"
                        r"\s+(?:dia ban|tinh)\b)")
_GATE_NAME_AFTER = re.compile(r"\s*(?:quốc tế\s+|chính\s+|phụ\s+)*[A-ZĐ]")


def one_gate_of(frame: Frame, title: str, before: str) -> str:
    """The gate a figure is of, as its document's title writes it ("Hữu Nghị"), when the
    figure's words -- its indicator, the total it is part of, its sentence up to the value
    (``before``) -- say it passes one gate with no name ("tổng kim ngạch xuất nhập khẩu qua
    cửa khẩu", :data:`_BARE_GATE`) and the title names exactly one gate
    (:func:`gates_written`: "Chi cục Hải quan cửa khẩu Hữu Nghị: Kim ngạch quý I/2036 tăng
    mạnh"); "" otherwise.  That figure is the gate's, never the province's (break-test bt24a:
    "Kim ngạch xuất khẩu quý I/2036 của tỉnh?" answered at 0.95 with the gate's exports)."""
    if not any(_bare_gate_said(w) for w in (frame.indicator, frame.parent, before)):
        return ""
    gates = [m for m in _GATE_WRITTEN.finditer(title)
             if m.group(1).split()[0].lower() not in STOPWORDS_EXACT
             and fold(m.group(1)).lower() not in _KNOWN_PLACES]
    names = {fold(m.group(1)).lower() for m in gates}
    return gates[0].group(1) if len(names) == 1 else ""


def _bare_gate_said(words: str) -> bool:
    """Whether ``words`` (as written) say a gate with no name after it (:data:`_BARE_GATE`)."""
    folded = fold(words).lower()
    return any(len(folded) != len(words) or not _GATE_NAME_AFTER.match(words[m.end():])
               for m in _BARE_GATE.finditer(folded))


def province_asked(question: str) -> bool:
    """Whether ``question`` (folded, lower case) asks the reports' own province's figure: a
    scope word ("của tỉnh", "toàn tỉnh", "tỉnh" -- :data:`_OWN_SCOPE_RE`) or the province's
    name (rag.vi.lexicon.HOME_PLACE)."""
    return bool(_OWN_SCOPE_RE.search(question) or _HOME_PATTERN.search(question))


def gate_named(words: str, gate: str) -> str:
    """``words`` with the gate's name ``gate`` (:func:`one_gate_of`) in brackets after the first
    gate they write with no name: "tổng kim ngạch xuất nhập khẩu qua cửa khẩu (Hữu Nghị)" --
    a summary saying whose figure it is (break-test bt24a); ``words`` as they are otherwise."""
    folded = fold(words).lower()
    if not gate or len(folded) != len(words):
        return words
    for m in _BARE_GATE.finditer(folded):
        if not _GATE_NAME_AFTER.match(words[m.end():]):
            return f"{words[:m.end()]} ({gate}){words[m.end():]}"
    return words


# a question's words asking a whole over a set of places, folded: the province ("toàn tỉnh",
# "của tỉnh", "trên địa bàn"), or every place of a kind ("qua các cửa khẩu", "tất cả các
# huyện", "toàn bộ các chợ") -- what :func:`member_named` sets a member's figure apart from
_SET_ASKED = re.compile(
    r"(?<!\w)(?:(?:tat ca |toan bo )?cac (?:cua khau|loi mo|huyen|cho|khu cong nghiep|"
    r"cum cong nghiep|ga)|toan tinh|cua tinh|dia ban tinh|ca tinh|"
    r"tren dia ban(?! (?:huyen|xa|thi tran|thanh pho|cua khau|ga)\b))(?!\w)")


def set_asked(folded_q: str) -> bool:
    """Whether a question (folded, lower case) asks a whole over a set of places
    (:data:`_SET_ASKED`: "Tổng kim ngạch xuất nhập khẩu qua các cửa khẩu quý I/2037?",
    "... toàn tỉnh", "... trên địa bàn tỉnh") -- or the province by its scope word or name
    (:func:`province_asked`).  Read with :func:`member_named`
    (tests/test_set_total_not_member.py)."""
    return _whole_asked(folded_q) or province_asked(folded_q)


def _whole_asked(folded_q: str) -> bool:
    """Whether a :data:`_SET_ASKED` phrase of ``folded_q`` asks the set's whole: "toàn tỉnh",
    "trên địa bàn tỉnh", "của tỉnh" and trade "qua các cửa khẩu" (the reports' phrase for the
    province's trade over all its gates) do; "các khu công nghiệp", "các huyện", "các chợ" ...
    ask it only beside "tổng" -- alone they ask each member, and a table of their rows is
    listed ("vốn ĐTNN các khu công nghiệp năm 2098", tests/test_header_abbreviations.py)."""
    for m in _SET_ASKED.finditer(folded_q):
        phrase = m.group(0)
        if not phrase.startswith(("cac ", "tat ca ", "toan bo ")) or "cua khau" in phrase \
                or re.search(r"(?<!\w)tong(?!\w)", folded_q):
            return True
    return False


def set_words_asked(folded_q: str) -> bool:
    """Whether a question (folded, lower case) says the set's own words
    (:data:`_SET_ASKED`: "toàn tỉnh", "của tỉnh", "trên địa bàn", "qua các cửa khẩu") -- not
    a bare "tỉnh", which folds as "tính" of general text: what a sentence answer
    (rag.answer.answerer.Answerer.count_sentence) reads before :func:`member_said`."""
    return _whole_asked(folded_q)


def member_named(frame: Frame, sentence_before: str) -> str:
    """The one place of a set -- a gate, station, district, market, industrial park -- a
    figure's own words name by its kind and name ("Tổng kim ngạch xuất nhập khẩu qua cửa
    khẩu quốc tế Hữu Nghị đạt 2.071,4 triệu USD" -> "cửa khẩu quốc tế Hữu Nghị"), as
    written; "" when they name none, or several (a list's joint figure, "qua cửa khẩu Hữu
    Nghị và Tân Thanh"), or also say the whole ("qua các cửa khẩu", "toàn tỉnh": the set's
    own figure whatever member the clause names first).  Its own words: the indicator, the
    whole it is part of, and ``sentence_before`` -- its sentence up to the value, from the
    last ";" (a "Riêng cửa khẩu Hữu Nghị, kim ngạch ..." keeps its name).  Such a figure is
    the member's and no answer to a total asked over the set (:func:`set_asked`): break-test
    bt25 kind 1, session 53 -- "Tổng kim ngạch xuất nhập khẩu qua các cửa khẩu quý I/2037?"
    took the gate's 2.071,4 at 1.0 over the province's 3.418,6
    (tests/test_set_total_not_member.py)."""
    clause = sentence_before.split(";")[-1]
    return member_said(f"{frame.parent}. {frame.indicator}. {clause}",
                       f"{frame.indicator}. {_CLAUSE_END.split(clause)[-1]}")


def member_said(words: str, near: str = "") -> str:
    """The one place of a set ``words`` (as written) name by its kind and name
    (:data:`_GATE_WRITTEN`, :data:`_GATE_RE`: "cửa khẩu quốc tế Hữu Nghị", "huyện Cao
    Lộc"); "" when they name none or several, or when ``near`` (default ``words``: the words
    closest to the value) names the set itself (:data:`_SET_ASKED`).  The text form of
    :func:`member_named`, for a sentence answer (rag.answer.answerer.Answerer.count_sentence):
    "Năm 2036, tổng mức bán lẻ hàng hóa trên địa bàn huyện Cao Lộc đạt 4.215 tỷ đồng" is
    the district's, no sentence of the province's total."""
    if _SET_ASKED.search(fold(near or words).lower()) or names_several(words) or \
            gates_joined(words):
        return ""
    found: dict[str, str] = {}
    for m in _GATE_WRITTEN.finditer(words):
        name = fold(m.group(1)).lower()
        if m.group(1).split()[0].lower() not in STOPWORDS_EXACT and name not in _KNOWN_PLACES:
            found.setdefault(name, m.group(0))
    for m in _GATE_RE.finditer(words):
        name = fold(m.group(1) or m.group(2)).lower()
        if name not in _KNOWN_PLACES and \
                not any(name.startswith(n) or n.startswith(name) for n in found):
            found.setdefault(name, m.group(0))
    return next(iter(found.values())) if len(found) == 1 else ""
