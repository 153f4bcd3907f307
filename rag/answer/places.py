"""Places a question asks about -- other provinces, the province's border gates -- and whether
a figure answers for them: its sentence, heading, indicator or total must name them.  The
reports are one province's (rag.vi.lexicon.HOME_PLACE); a figure of another province (a
sidebar "Cao Bằng: GRDP năm 2022 tăng 4,21%") answers only a question naming it, and one of
the province's whole trade never answers for one gate."""

from __future__ import annotations

import re
from functools import lru_cache

from rag.records import Hit
from rag.search.query import english_units
from rag.vi.frames import Frame
from rag.vi.letterhead import issuer_lines
from rag.vi.lexicon import HOME_PLACE, PLACES
from rag.vi.text import fold

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
    if asked - places_named(near + " \n " + hit.chunk.title) - (
            own_places(hit.chunk.title, text) if asked else frozenset()):
        return False
    # whose figure it is is said before it ("Cao Bằng: ..."); a place after it is compared
    before = " ".join((text[q0:frame.start], frame.context, frame.indicator))
    others = (places_named(before) - _ABROAD) - asked
    if others:  # unless it is the document's own province, said as one ("tỉnh Quảng Trị")
        others -= _phrase_places(before) & _own_province(hit.chunk.title, text)
    return not others


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


def gates_named(question: str) -> frozenset[str]:
    """The border gates (folded names) ``question`` asks about: the capitalised name after
    "cửa khẩu" ("kim ngạch qua cửa khẩu Hữu Nghị năm 2017" -> "huu nghi"), or before
    "border gate", "district" in English ("through Ban Khe border gate" -> "ban khe",
    :func:`rag.search.query.english_units`); the reports' own province is no gate ("các cửa khẩu Lạng Sơn")."""
    names = {fold(m.group(1) or m.group(2)).lower() for m in _GATE_RE.finditer(question)}
    names |= {fold(name).lower() for name, _, _ in english_units(question)}
    return frozenset(names - {fold(HOME_PLACE)})




def gates_fit(gates: frozenset[str], frame: Frame, text: str, title: str = "") -> bool:
    """A figure answers for the border gates (and districts, industrial parks, markets:
    :func:`gates_named`) asked only if its sentence, heading, indicator or total names each
    of them, or the document's title or lead does (:func:`lead_text`: a customs office's news
    headed "Chi cục Hải quan cửa khẩu Lũng Pô: ..." is that gate's throughout -- its
    figures were refused, break-test bt11-b17 failure 4): the province's trade is not one
    gate's ("Xét theo cửa khẩu, cửa khẩu quốc tế Hữu Nghị ... 2.107,3 triệu USD")."""
    q0, q1 = frame.quote
    near = fold(" ".join((text[q0:q1], frame.context, frame.indicator, frame.parent,
                          lead_text(title, text)))).lower()
    return all(re.search(rf"(?<!\w){re.escape(g)}(?!\w)", near) for g in gates)


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
