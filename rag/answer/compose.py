"""Answers that say what their figure is: the period, the indicator, its basis and what the
value measures, in Vietnamese ("Ba tháng đầu năm 2018, kim ngạch xuất khẩu đạt 769 triệu USD
(tăng 33,4% so với cùng kỳ)."); a partial period said as such; one line a period for a
question about several."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from rag.answer.figures import Choice, rate_a_day
from rag.answer.places import NATION, NATION_RE, clause_owner, gate_named, one_gate_of
from rag.answer.sentences import quoted_clause
from rag.records import Citation, Figure, FigurePeriod
from rag.vi.calendar import Period
from rag.vi.frames import Frame
from rag.vi.grades import graded_classes
from rag.vi.lexicon import BASIS_PATTERNS, UNIT_MAGNITUDES
from rag.vi.numbers import find_values, head_rank_said, unit_after
from rag.vi.text import SIGN_DASHES, fold
from rag.vi.words import is_two_syllable_word

BASIS_WORDS = {
    "all_types": "của tất cả các loại hình", "declared": "mở tờ khai tại Hải quan",
    "local_goods": "hàng địa phương", "international": "quốc tế", "domestic": "nội địa",
    "current_prices": "theo giá hiện hành", "constant_prices": "theo giá so sánh",
    "per_capita": "bình quân đầu người", "per_unit": "bình quân một đơn vị"}
COMPANION_MEASURES = ("change", "plan_share", "share", "index")
_BASIS_RES = {name: re.compile(pattern) for name, pattern in BASIS_PATTERNS}
# Words that cannot end a noun phrase: an indicator ending with one lost the words after it
# to the frame reader's trimming ("kim ngạch xuất khẩu qua" of "... qua địa bàn tỉnh đạt",
# as the dev reports write "của tất cả các loại hình qua địa bàn tỉnh đạt" 15 times).
_DANGLING = frozenset({"qua", "trên", "tại", "của", "ở", "trong", "với", "từ", "thuộc", "về",
                       "theo", "và"})
# where the words restored after a dangling word stop: a number, punctuation, a period word
_RESTORE_STOP = re.compile(r"[\d,;:.()\[\]–—-]|\b(?:năm|tháng|quý|ngày|tính|từ|đến|so|đạt|ước|"
                           r"vượt|là|có|còn|tăng|giảm|chiếm|bằng)\b", re.IGNORECASE)
RESTORE_WORDS = 4  # at most this many words restored



_PERIOD_HEAD = re.compile(r"(Năm|Quý|Tháng|Kỳ|Cùng kỳ|Giai đoạn)\b")


def base_said(comparison: str) -> str:
    """A change's base as said after "so với": a period a table header wrote with its capital
    ("Năm 2046", from "Tăng, giảm Năm 2047 so với Năm 2046 (%)") in lower case mid-sentence,
    as running text writes it ("so với năm 2046"); any other base as written."""
    return comparison[0].lower() + comparison[1:] if _PERIOD_HEAD.match(comparison) \
        else comparison

def signed_change(frame: Frame) -> tuple[float, float | None]:
    """(number, high) of ``frame`` as a signed figure: a fall written in words ("giảm 1,4%",
    a change whose ``direction`` is -1 and whose number is written without a minus) is
    negative, its range turned round ("giảm 2 - 3%" is -3 to -2), as "âm 1,4%" and "–1,4%"
    already are (tests/test_negative_words.py; issue 17: "measure change with its sign",
    tests/test_two_bases.py); any other figure as read."""
    if frame.measure != "change" or frame.direction >= 0 or frame.low < 0 or \
            (frame.high is not None and frame.high < 0):
        return frame.low, frame.high
    if frame.high is None:
        return -frame.low, None
    return -frame.high, -frame.low


def figure_record(frame: Frame, doc_text: str | None = None) -> Figure:
    """The :class:`~rag.records.Figure` of a frame; ``doc_text`` (its document's) says its
    indicator as the country's when its clause is (:func:`nation_head`)."""
    p = frame.period
    period = FigurePeriod(p.label, p.year if p.kind != "years" else None, p.kind,
                          p.start.isoformat(), p.end.isoformat()) if p is not None else None
    number, high = signed_change(frame)
    return Figure(value=frame.value, number=number, high=high, unit=frame.unit,
                  measure=frame.measure, indicator=nation_head(frame, subject(frame), doc_text),
                  basis=frame.basis,
                  period=period, estimate=frame.estimate, target=frame.target,
                  comparison=frame.comparison)


# the words that open a per-unit detail ("bình quân mỗi", folded)
_PER_UNIT_WORDS = re.compile(r"(?:binh quan|trung binh) (?:(?:cua|tren|cho|tinh tren) )?"
                             r"(?:mot|moi|1) ")
ANSWER_DETAIL_WORDS = 4  # words after a counted value kept in the short answer


def answer_text(frame: Frame) -> str:
    """The short answer: the value as written, with what it counts when the report says so
    right after it ("23 sản phẩm 4 sao", "1.498 hồ sơ đúng hạn"); a rank written as its place
    alone ("đứng thứ 2": rag.vi.numbers.ordinal_ranks) said as one, "thứ 2", not a bare
    count, and "đứng đầu" as "thứ nhất"."""
    if frame.measure == "rank" and "/" not in frame.value:
        return f"thứ {head_rank_said(frame.value)}"  # "đứng đầu": "thứ nhất"
    said = _value_said(frame)
    if frame.measure == "rank" and said[:1].isdigit():
        # a place among so many ("xếp thứ 9/14") said as a place, "thứ 9/14", not a bare
        # fraction (break-test dev4 b17m, b17o; tests/test_rank_said.py)
        return f"thứ {said}"
    return said


def _value_said(frame: Frame) -> str:
    """:func:`answer_text` of a frame other than a bare place: the value, with what it
    counts when said right after it."""
    words = frame.detail.split()
    # the unit said once: "2,86 triệu lượt khách" with the detail "lượt khách" is not "2,86
    # triệu lượt khách lượt khách" (the detail repeats the unit without its magnitude)
    for unit in (frame.unit, _bare_unit(frame.unit)):
        said = fold(unit).lower().split()
        if said and [fold(w).lower() for w in words[:len(said)]] == said:
            words = words[len(said):]
            break
    detail = " ".join(words)
    # "bình quân mỗi cơ sở" (rag.vi.frames.sentence.per_unit_as_written): the per-unit words
    # are the basis, said in full; only what they count is held to the limit
    per = _PER_UNIT_WORDS.match(fold(detail).lower())
    counted = len(words) - (len(per.group().split()) if per else 0)
    if frame.kind != "percent" and frame.unit and detail and \
            counted <= ANSWER_DETAIL_WORDS:
        # a per-unit detail ("/lượng", "/đêm": a unit rag.vi.numbers does not know as one)
        # is written against its unit, "132,5 triệu đồng/lượng", as the report writes it
        # (break-test dev4 b17o; tests/test_rank_said.py)
        return f"{frame.value}{detail}" if detail.startswith("/") else f"{frame.value} {detail}"
    noun = label_noun(frame)
    return f"{frame.value} {noun}" if noun else frame.value


# a count label "Số X" / "Tổng số X" / "Số lượng X" (folded) and the first words that make
# "số" an amount, not a count (rag.answer.figures._NOT_COUNTED's kind: "Số tiền", "Số thu")
_COUNT_LABEL = re.compile(r"(?:tong )?so (?:luong )?(?!lieu\b|tien\b|von\b|thu\b|chi\b|du\b|"
                          r"thue\b|nop\b)(?=\w)")


def label_noun(frame: Frame) -> str:
    """The noun a bare count cell takes from its label ("hợp tác xã" of "Số hợp tác xã: 369",
    "HTX" of "Số HTX", "thành viên HTX" of "Tổng số thành viên HTX (người)"), as written,
    when the figure has no unit of its own and the label counts at most
    :data:`ANSWER_DETAIL_WORDS` words of things (:data:`_COUNT_LABEL`); "" otherwise.  A
    bracketed note of the label is no part of it.  Break-test bt17l: "Số hợp tác xã đến
    30/6/2059?" answered "369" from a table cell, "369 hợp tác xã" from the prose before
    (tests/test_count_row_unit.py)."""
    if frame.kind != "count" or frame.measure != "level" or frame.unit.strip() or \
            frame.part:
        return ""
    label = frame.indicator.split("(")[0].strip()
    m = _COUNT_LABEL.match(fold(label).lower())
    if m is None:
        return ""
    noun = label[m.end():].strip(" ,:;-")
    return noun if 0 < len(noun.split()) <= ANSWER_DETAIL_WORDS else ""


# a place a table's row names: "Huyện Tam Nông", "Thành phố Hòa Lạc", "Cửa khẩu Hữu Nghị"
_PLACE_RE = re.compile(r"(?:tinh|huyen|thanh pho|thi xa|xa|phuong|thi tran|quan|cua khau|"
                       r"khu kinh te|khu cong nghiep|cum cong nghiep)\s+\w")


def subject(frame: Frame) -> str:
    """The indicator as a reader needs it: a short part with the total it belongs to
    ("kim ngạch hàng hóa mở tờ khai, trong đó xuất khẩu")."""
    own, parent = frame.indicator.strip(), without_unit(frame.parent.strip())
    if own and frame.part and _unit_alone(parent):
        # the total is its unit alone ("đón 402.000 lượt khách, trong đó khách quốc tế
        # 27.500 lượt"): the part is named by what follows "trong đó", never "lượt, trong
        # đó ..." (break-test bt17 minor: summaries "lượt, trong đó khách quốc tế")
        return _with_counted_noun(own, frame.parent.strip(), frame.unit)
    if own and parent and frame.part and _PLACE_RE.match(fold(own).lower()):
        # a table's indicator over its places ("Sản lượng lúa › Huyện Tam Nông"): the
        # place's figure of that indicator, "Sản lượng lúa của Huyện Tam Nông"
        return f"{parent} của {own}"
    if own and parent and frame.part and len(own.split()) <= 3 and \
            fold(own).lower() not in fold(parent).lower():
        return f"{parent}, trong đó {own}"
    return own or parent or frame.context or "số liệu"


def _unit_alone(phrase: str) -> bool:
    """Whether ``phrase`` (a total's words without its unit, :func:`without_unit`) is a
    unit's word and nothing more ("lượt" of "lượt khách", "tấn", "triệu USD"): what is
    left of a total named only by the unit it counts in, no name for the part's whole."""
    unit, n = unit_after(f" {phrase}")
    return bool(phrase) and bool(unit) and n == len(phrase) + 1


def _with_counted_noun(own: str, whole: str, unit: str) -> str:
    """A part's indicator ``own`` with the noun the total counts when the part leaves it
    unsaid: "trong đó quốc tế 12.400 lượt" of "310.000 lượt khách" is "khách quốc tế" --
    Vietnamese statistical writing drops the noun of a "trong đó" part once the total said
    it ("đón 402.000 lượt khách, trong đó quốc tế ..."; "có 3.450 doanh nghiệp, trong đó
    FDI ..."). The noun is the total's words past the part's unit ("lượt khách" less
    "lượt"); none when the total is the unit alone ("612 triệu USD, trong đó xuất khẩu":
    a money or mass unit is no noun to carry)."""
    words, said = whole.split(), unit.split()
    if said and [fold(w).lower() for w in words[:len(said)]] == [fold(w).lower() for w in said]:
        words = words[len(said):]
    else:
        words = []
    noun = " ".join(words)
    if not noun or fold(noun).lower() in fold(own).lower():
        return own
    return f"{noun} {own}"


def without_unit(phrase: str) -> str:
    """``phrase`` without the unit a total's counted words end with ("tổng kim ngạch ...
    triệu USD" -> "tổng kim ngạch ...").  A unit's word that is the second syllable of a
    word with the one before it (rag.vi.words.is_two_syllable_word: "động" of "hoạt động",
    "phương" of "địa phương") is that word's, no unit: "doanh nghiệp đang hoạt động" stays
    whole (session 39 partlabel branch: summaries "doanh nghiệp hoạt, trong đó FDI"); so
    is one after a determiner of number (:data:`_NOUN_BEFORE`: "qua các cửa khẩu" stays
    whole)."""
    words = phrase.split()
    unit, n = unit_after(f" {phrase}", nouns=True)
    if ", " in unit and n == len(phrase) + 1:
        return phrase  # the total is its counted words alone: "khu, cụm công nghiệp"
    cut = True
    while cut:
        cut = False
        for k in (3, 2, 1):
            if len(words) > k:
                tail = " " + " ".join(words[-k:])
                unit, n = unit_after(tail)
                if unit and n == len(tail) and \
                        not is_two_syllable_word(words[-k - 1], words[-k]) and \
                        words[-k - 1].lower() not in _NOUN_BEFORE and \
                        not _place_after_preposition(words[-k - 1], words[-k]) and \
                        fold(" ".join(words[:-k])).lower() not in COUNT_HEADS:
                    words, cut = words[:-k], True
                    break
    return " ".join(words)


# the determiners of number ("các", "những", "mọi", "mỗi", "từng"), after which a unit's word
# is a noun of the phrase -- a unit follows a number, never one of them, so "kim ngạch xuất
# nhập khẩu qua các cửa khẩu" keeps "cửa khẩu" (break-test bt17f: summaries "kim ngạch xuất
# nhập khẩu qua các, trong đó xuất khẩu").  Not a preposition: a total whose place words the
# frame reader took as its basis ends "... qua triệu USD", whose unit goes
# (tests/test_summary_span_boundaries.py)
_NOUN_BEFORE = frozenset("các những mọi mỗi từng".split())


def _place_after_preposition(before: str, first: str) -> bool:
    """Whether a unit's word ``first`` after ``before`` is the noun of a place, no unit: it
    follows a preposition (:data:`_DANGLING`: "qua", "tại", "của" ...) with no magnitude
    ("kim ngạch xuất nhập khẩu qua cửa khẩu" keeps "cửa khẩu"; break-test bt24a: summaries
    "tổng kim ngạch xuất nhập khẩu qua, trong đó xuất khẩu" of one gate's figure).  A unit a
    magnitude opens ("... qua triệu USD": the frame reader took the place words as the
    basis) is still a unit (tests/test_summary_span_boundaries.py)."""
    return before.lower() in _DANGLING and fold(first).lower() not in UNIT_MAGNITUDES


# the heads of a count's name, folded: "Số doanh nghiệp", "Tổng số lượt khách", "Số lượng xe"
# (GSO indicator names) -- the unit's word after one is what is counted, not a unit to drop
# (break-test bt17b: "số xe" of "số xe tồn ..., trong đó cửa khẩu Tân Thanh còn 2.300 xe"
# was said "số của cửa khẩu Tân Thanh")
COUNT_HEADS = frozenset({"so", "tong so", "so luong", "tong so luong", "luong"})


# the word "âm" ("negative") a value is written with ("tăng trưởng âm 2,6%"): its minus
_WORD_SIGN = re.compile(r"âm\s+(?=\d)", re.IGNORECASE)
# the verbs of a difference or a multiple a frame keeps (rag.vi.frames.sentence), folded
_RELATIVE_VERBS = frozenset({"gap", "cao hon", "thap hon", "nhanh hon", "cham hon"})


# how an answer names a target of each kind (Frame.aim)
_AIM_LABELS = {"assigned": "chỉ tiêu được giao", "own": "mục tiêu phấn đấu", "forecast": "dự kiến"}


def _verb(frame: Frame) -> str:
    value = answer_text(frame)
    if frame.target and frame.estimate and frame.measure != "plan_share":
        # a forecast ("Dự kiến cả năm ... ước trên 16.500 tỷ đồng"): said as the estimate it is
        return f"(ước tính, dự kiến): {value}"
    if frame.target:
        # the kind of target when its words say it (rag.vi.frames.measures.target_aim): the
        # plan assigned to the unit and its own aim are two figures (bt17-b17 failure 7)
        return f"({_AIM_LABELS.get(frame.aim, 'kế hoạch, mục tiêu, dự kiến')}): {value}"
    if frame.measure == "change" and fold(frame.verb).lower() in _RELATIVE_VERBS:
        # "gấp 1,4 lần cùng kỳ năm trước", "thấp hơn 1,3 điểm phần trăm so với ...": said as
        # written -- a multiple is no rise of 1,4 times (break-test b17 K6, K7)
        multiple = fold(frame.verb).lower() == "gap"
        base = f"{'' if multiple else 'so với '}{base_said(frame.comparison)}" \
            if frame.comparison else ""
        return " ".join(w for w in (frame.verb.lower(), value.lstrip("+−-"), base) if w)
    if frame.measure == "change":
        signed = bool(value) and value[0] in SIGN_DASHES
        if signed or _WORD_SIGN.match(value):
            # the value's own minus, a dash ("-4,1%", "–4,1%", "−4,1%") or the word "âm"
            # ("âm 2,6%"), said once as the fall: "giảm 4,1%", never "giảm âm 2,6%"
            text = "giảm " + _WORD_SIGN.sub("", value[1:] if signed else value, count=1).lstrip()
        elif value.startswith(("giảm", "tăng", "+")):
            text = value
        else:
            text = f"{'giảm' if frame.direction < 0 else 'tăng'} {value}"
        if frame.estimate and text.startswith(("tăng", "giảm")):
            text = f"ước {text}"  # "ước đạt từ 7,2% đến 7,5%": an estimate said as one
        return text + (f" so với {base_said(frame.comparison)}" if frame.comparison else "")
    if frame.measure == "plan_share":
        return _plan_verb(frame, value)
    if frame.measure == "share":  # as written: "156/200 xã có chợ, đạt 78%" -- else "chiếm"
        return f"{'đạt' if fold(frame.verb).strip().lower() == 'dat' else 'chiếm'} {value}"
    if frame.measure == "rank":  # "thứ 2" of answer_text said once: "xếp thứ 2"
        return f"xếp {value}" if value.startswith("thứ ") else f"xếp thứ {head_rank_said(value)}"
    if frame.measure == "contribution":  # rag.vi.frames.measures.contributed
        return f"đóng góp {value} vào mức tăng chung"
    if frame.measure == "index":
        return f"bằng {value}" + (f" so với {base_said(frame.comparison)}"
                                  if frame.comparison else "")
    return _level_verb(frame, value)


def _plan_verb(frame: Frame, value: str) -> str:
    """A result against its plan said as the report measures it, with the other reading after
    it: "vượt 1,1% kế hoạch, tức đạt 101,1% kế hoạch" for an excess ("vượt 1,1% kế hoạch",
    frame verb "vượt": rag.vi.frames.sentence), "đạt 103,9% kế hoạch, tức vượt 3,9% kế
    hoạch" for a share over 100 (a plan table's "ƯTH/KH" column), "đạt 81,5% kế hoạch"
    otherwise (issue 17 break-test b17 N3).  The decimals are those written."""
    size = percent_number(frame.value)
    # the plan as the report names it: "dự toán", "chỉ tiêu", else "kế hoạch"
    # and whose, when it says ("dự toán tỉnh giao", "kế hoạch điều chỉnh"): said once, last
    plan = frame.comparison if frame.comparison and frame.comparison.startswith(
        ("dự toán", "chỉ tiêu", "kế hoạch")) else "kế hoạch"
    short = next((w for w in ("dự toán", "chỉ tiêu", "kế hoạch") if plan.startswith(w)), plan)
    if fold(frame.verb).strip().lower() == "vuot":
        if size is None:
            return f"vượt {value} {plan}"
        return f"vượt {value} {short}, tức đạt {decimal_text(size + 100)}% {plan}"
    if size is not None and size > 100 and frame.high is None:
        return f"đạt {value} {short}, tức vượt {decimal_text(size - 100)}% {plan}"
    return f"đạt {value} {plan}"


# a change asked with no direction ("thay đổi thế nào", "biến động", "tăng hay giảm",
# "chênh lệch"), folded: the answer says which way
_NO_DIRECTION_ASKED = re.compile(r"\b(?:thay doi|bien dong|tang hay giam|giam hay tang|"
                                 r"tang giam|chenh lech|the nao|ra sao)\b")
# the excess over a plan asked ("vượt dự toán bao nhiêu", "vượt bao nhiêu % kế hoạch"), folded
_EXCESS_ASKED = re.compile(r"\bvuot (?:so voi )?(?:ke hoach|du toan|chi tieu|kh)\b.*"
                           r"\b(?:bao nhieu|may)\b|\bvuot (?:bao nhieu|may)\b")


# a change asked with one direction ("giảm bao nhiêu", "tăng mấy %", "tăng trưởng được bao
# nhiêu"), folded: group 1 is the direction's verb
_DIRECTION_ASKED = re.compile(r"(?<!\bgia )\b(tang|giam)(?: truong)?(?: (?:duoc|them|di|khoang))?"
                              r" (?:bao nhieu|may)\b")


def asked_direction(question: str) -> int:
    """The direction a change question asks, +1 for "tăng bao nhiêu", -1 for "giảm bao
    nhiêu" (:data:`_DIRECTION_ASKED`, on the folded ``question``), 0 when it asks none or
    both ("tăng hay giảm", "tăng bao nhiêu, giảm bao nhiêu").  "gia tăng" ("giá trị gia
    tăng") is a name, no direction asked."""
    verbs = {m.group(1) for m in _DIRECTION_ASKED.finditer(fold(question).lower())}
    if len(verbs) != 1:
        return 0
    return 1 if verbs == {"tang"} else -1


def answer_as_asked(answer: str, figure: Figure, question: str, excess: bool = False) -> str:
    """The short ``answer`` of ``figure`` worded as the ``question`` (as typed) asks it: a
    change asked with no direction ("Chỉ số giá vàng tháng 10/2068 thay đổi thế nào?") says
    its own, "tăng 3,05%", not a bare "3,05%"; the excess over a plan asked of a share over
    100 ("Thu ngân sách năm 2077 vượt dự toán bao nhiêu") leads with it, "vượt 14,1% (114,1%)"
    (testers' gold in break-test dev4 b17m, b17n: both wrong at 1.0 as bare values); and the
    share asked of an excess (``excess``: the frame's verb is "vượt", "vượt 2,1% kế hoạch
    năm") leads with the share, "102,1% (vượt 2,1%)" -- "đạt bao nhiêu % kế hoạch?" was
    answered "2,1%" at 0.97 though the summary said "tức đạt 102,1% kế hoạch" (break-test
    bt25 kind 1); a change asked in the other direction than the one stated ("giảm bao
    nhiêu" of a rise: :func:`asked_direction`) says the stated one and denies the asked one,
    "tăng 7,9% (không giảm)" (break-test bt26 b051; tests/test_answer_as_asked.py).
    ``answer`` unchanged otherwise."""
    folded = fold(question).lower()
    if figure.measure == "change" and figure.number and _NO_DIRECTION_ASKED.search(folded) \
            and not re.match(r"(?i)(?:tăng|giảm)\b", answer):
        return f"{'tăng' if figure.number > 0 else 'giảm'} {answer}"
    asked = asked_direction(question)
    if figure.measure == "change" and figure.number and asked and \
            (figure.number > 0) != (asked > 0):
        # a fall asked of a rise (or the reverse) is answered with the direction the report
        # states and the one asked denied: "tăng 7,9% (không giảm)", never a bare "7,9%"
        # that reads as the fall confirmed (break-test bt26 b051, at 0.83)
        said, denied = ("tăng", "giảm") if figure.number > 0 else ("giảm", "tăng")
        if not re.match(r"(?i)(?:tăng|giảm)\b", answer):
            answer = f"{said} {answer}"
        return f"{answer} (không {denied})"
    size = percent_number(figure.value) if figure.measure == "plan_share" else None
    if size is None or figure.high is not None:
        return answer
    if excess and not _EXCESS_ASKED.search(folded):
        return f"{decimal_text(size + 100)}% (vượt {answer})"
    if not excess and size > 100 and _EXCESS_ASKED.search(folded):
        return f"vượt {decimal_text(size - 100)}% ({answer})"
    return answer


def percent_number(value: str) -> Decimal | None:
    """The number of a single percentage as written ("103,9%" -> Decimal("103.9")), or None
    for anything else (a range, a level, a change with its verb): the plan shares said
    "tức vượt/đạt" here and the points between two rates (rag.answer.answerer)."""
    m = re.fullmatch(r"\s*(\d{1,3}(?:,\d+)?)\s*%\s*", value)
    return Decimal(m.group(1).replace(",", ".")) if m else None


def decimal_text(number: Decimal) -> str:
    """``number`` written as the reports write it, a decimal comma and no grouping ("3,9",
    "101,1"); used for figures this module and the answerer compute from stated ones."""
    return format(number, "f").replace(".", ",")


def _level_verb(frame: Frame, value: str) -> str:
    """A level said with the verb its sentence leads to it with ("còn 1.350 xe", "có 247 sản
    phẩm", "ước đạt 769 triệu USD"; "đạt" said "ước đạt" for an estimate), or -- when the
    sentence has none -- neutrally: "khách quốc tế: 61.500 lượt" (an estimate "ước tính")."""
    verb = frame.verb.strip().lower()
    if verb and frame.estimate and "ước" not in verb.lower() and fold(verb).lower() == "dat":
        verb = "ước đạt"
    if verb:
        return f"{verb} {value}"
    return f"ước tính {value}" if frame.estimate else f": {value}"


def counted_indicator(frame: Frame, text: str | None = None) -> bool:
    """Whether the frame's indicator is what its value counts, read after the number ("có 214
    sản phẩm OCOP", indicator "sản phẩm OCOP"; rag.vi.frames.sentence): its summary then says
    the value with those words, not the words twice.  ``text`` (the document's, when known):
    the indicator's first word past the unit must be written right after the value there -- an
    indicator that only begins with the unit's word ("Tuổi thọ trung bình ... là 73,9 tuổi",
    "Giờ làm việc bình quân ... là 42 giờ") is said before the value, not after it
    (break-test bt22-b16 minor 2)."""
    unit = " ".join(w for w in fold(frame.unit).lower().split() if w not in UNIT_MAGNITUDES)
    own = fold(frame.indicator).lower()
    if not (unit and frame.kind != "percent" and frame.measure == "level" and
            not frame.part and (own == unit or own.startswith(unit + " "))):
        return False
    rest = re.findall(r"\w+", own[len(unit):])
    if not text or not rest or not 0 <= frame.end <= len(text):
        return True
    after = re.findall(r"\w+", fold(text[frame.end:frame.end + 4 * len(own) + 20]).lower())
    unit_words = unit.split()
    if after[:len(unit_words)] == unit_words:
        after = after[len(unit_words):]
    # the counted noun goes on after the value ("còn 1.130 xe hàng chờ xuất khẩu", the
    # indicator adding the place said before it: tests/test_current_counts.py)
    return after[:1] == rest[:1]


def _restored(frame: Frame, head: str, text: str | None) -> str:
    """``head`` (the frame's subject) with the words its indicator lost after a word that
    cannot end it (:data:`_DANGLING`: "kim ngạch xuất khẩu qua"), as the sentence writes
    them up to the verb before the value ("qua địa bàn tỉnh"), at most
    :data:`RESTORE_WORDS`, never a number, a period or punctuation; ``head`` itself when
    it ends otherwise, or when the words cannot be found (``text``: the document's)."""
    whole = without_unit(frame.parent.strip())
    if frame.part and whole and head.startswith(f"{whole}, trong đó "):
        # a part said with its whole ("... các loại hình qua, trong đó xuất khẩu"): the
        # whole's words restored as its own clause writes them, before the part's (issue 17
        # bt17c #29, #43: "các loại hình qua địa bàn tỉnh đạt 6.215 triệu USD; trong đó ...")
        said = _restored_words(frame, whole, whole, text, "")
        return f"{said}{head[len(whole):]}"
    if not frame.indicator or not head.endswith(frame.indicator.strip()):
        return head
    return _restored_words(frame, head, frame.indicator.strip(), text, frame.verb)


def _restored_words(frame: Frame, head: str, phrase: str, text: str | None, verb: str) -> str:
    """``head``, ending on ``phrase`` as the frame's sentence writes it before the value, with
    the words lost after its dangling last word, up to ``verb`` or a stop
    (:data:`_RESTORE_STOP`), at most :data:`RESTORE_WORDS`; ``head`` itself otherwise."""
    words = head.split()
    if not text or not words or words[-1].lower() not in _DANGLING:
        return head
    before = text[frame.quote[0]:frame.start]
    at = before.lower().rfind(phrase.strip().lower())
    if at < 0:
        return head
    tail = before[at + len(phrase.strip()):]
    stop = _RESTORE_STOP.search(tail)
    tail = tail[:stop.start()] if stop else tail
    verb = verb.strip().lower()
    if verb and tail.lower().rstrip().endswith(verb):
        tail = tail.rstrip()[:-len(verb)]
    extra = tail.split()
    if not extra or len(extra) > RESTORE_WORDS:
        return head
    return f"{head} {' '.join(extra)}"


def _states_basis(name: str, words: str) -> bool:
    """Whether ``words`` (an indicator) state basis ``name`` in any of its spellings
    (rag.vi.lexicon.BASIS_PATTERNS: "nước ngoài" is international): a summary does not say
    it again in other words ("(FDI) đăng ký quốc tế")."""
    folded = fold(words).lower()
    if fold(BASIS_WORDS[name]).split()[-1] in folded:
        return True
    return name in _BASIS_RES and _BASIS_RES[name].search(folded) is not None


# a place named by its administrative kind and its capitalised name: "huyện Sìn Hồ", "thành
# phố Lạng Sơn", "xã Tân Thanh"
_ADMIN_PLACE = re.compile(r"(?<!\w)(tỉnh|huyện|quận|thị xã|thị trấn|thành phố|xã|phường)\s+"
                          r"((?:[^\W\d_]+)(?:\s+[^\W\d_]+){0,3})")
# a clause's start: a comma or semicolon not inside a number ("9.120,5")
_CLAUSE_MARK = re.compile(r"[;]|,(?!\d)")


def admin_places(text: str) -> list[tuple[str, str]]:
    """The places ``text`` names as (kind, name), the name its capitalised words after the
    kind ("huyện Sìn Hồ đạt 14.385 hộ" -> [("huyện", "Sìn Hồ")]); a kind followed by no
    capitalised word ("các xã") names none."""
    out = []
    for m in _ADMIN_PLACE.finditer(text):
        words = []
        for w in m.group(2).split():
            if not w[0].isupper():
                break
            words.append(w)
        if words:
            out.append((m.group(1), " ".join(words)))
    return out


def clause_place(frame: Frame, head: str, text: str | None) -> str:
    """``head`` (the frame's subject) with its place replaced by the one the frame's own
    clause names, when the indicator was carried over from a clause before it about
    another place of the same kind: "Năm 2041, số hộ sử dụng điện lưới của huyện Mường Tè
    đạt 9.120 hộ, huyện Sìn Hồ đạt 14.385 hộ" -- 14.385 is Sìn Hồ's, and its summary said
    "của huyện Mường Tè" (break-test round 13 of issue 16, minor).  ``text``: the
    document's; ``head`` itself when the clause names no single other place."""
    if not text:
        return head
    before = text[frame.quote[0]:frame.start]
    marks = [m.end() for m in _CLAUSE_MARK.finditer(before)]
    clause = before[marks[-1]:] if marks else before
    named, said = admin_places(clause), admin_places(head)
    if len(named) != 1 or len(said) != 1 or named[0][0] != said[0][0] or named == said:
        return head
    old, new = " ".join(said[0]), " ".join(named[0])
    return head.replace(old, new, 1)


# the province's scope words in a subject ("của tỉnh", "toàn tỉnh", "trên địa bàn tỉnh",
# "tỉnh", "của Lạng Sơn"), folded (the country's: rag.answer.places.NATION_RE)
_OWN_SCOPE_WORDS = re.compile(r"\s*(?<!\w)(?:(?:cua|toan|(?:tren )?dia ban)\s+)?"
                              r"(?:tinh|lang son)(?!\w)")


def nation_head(frame: Frame, head: str, text: str | None) -> str:
    """``head`` (the frame's subject) said as the country's when the frame's clause is the
    country's (rag.answer.places.clause_owner is NATION: "GRDP của tỉnh tăng 7,2% trong khi
    cả nước tăng 6,9%", "cao hơn mức tăng 6,4% của cả nước"): the province's scope words
    it carries over from the clause before ("của tỉnh") left out, the country's words as the
    sentence writes them ("cả nước", "toàn quốc") put after it -- "GRDP cả nước tăng 6,9%",
    never "GRDP của tỉnh tăng 6,9%" (break-test bt20c, d10).  ``text``: the document's;
    ``head`` itself when unknown, for a rank, or when ``head`` names the country already."""
    if not text or frame.measure == "rank" or \
            not frame.quote[0] <= frame.start <= frame.end <= frame.quote[1] <= len(text):
        return head
    q0, q1 = frame.quote
    before, after = text[q0:frame.start], text[frame.end:q1]
    if clause_owner(before, after) != NATION or NATION_RE.search(fold(head).lower()):
        return head
    said = fold(f"{before} {after}").lower()
    found = list(NATION_RE.finditer(said))
    if len(said) != len(before) + 1 + len(after) or not found:
        return head
    # the country's phrase nearest the value: the last before it, else the first after it
    near = [m for m in found if m.end() <= len(before)] or found
    m = near[-1] if near[-1].end() <= len(before) else near[0]
    written = f"{before} {after}"[m.start():m.end()].lower()
    folded = fold(head).lower()
    if len(folded) != len(head):
        return f"{head} {written}"
    kept, at = [], 0
    for s in _OWN_SCOPE_WORDS.finditer(folded):
        kept.append(head[at:s.start()])
        at = s.end()
    kept.append(head[at:])
    return f"{''.join(kept).strip()} {written}"


def summary(choice: Choice, companions: list[Frame], doc_text: str | None = None) -> str:
    """The figure said in full, with what the report states beside it in the same sentence
    (its change, its share of the plan); ``doc_text``, the document's, gives back words the
    indicator lost (:func:`_restored`) and the place of the figure's own clause
    (:func:`clause_place`).  The period is said first, once: not again when the subject,
    read from a heading, already begins with it."""
    frame = choice.frame
    own = nation_head(frame, clause_place(frame, _restored(frame, subject(frame), doc_text),
                                          doc_text), doc_text)
    # "qua cửa khẩu" of a report on one gate: the gate named (places.one_gate_of)
    own = gate_named(own, one_gate_of(frame, choice.hit.chunk.title,
                                      doc_text[frame.quote[0]:frame.start] if doc_text else ""))
    # a basis the subject says already in its own words ("đơn vị làm thủ tục cho 640 tờ
    # khai": declared, said "làm thủ tục"; "(FDI) đăng ký" is international) is not said
    # again in the lexicon's words
    basis = [BASIS_WORDS[b] for b in frame.basis if b in BASIS_WORDS
             and not _states_basis(b, own) and not _states_basis(b, frame.detail)]
    head = own + (" " + " ".join(basis) if basis else "")
    if frame.stage == "before" and not frame.target:
        # "rút ngắn từ 5 - 7 giờ xuống còn 1,5 - 2 giờ": the earlier level said as the change's
        # start, with the level it changed to -- never as the level of the sentence's time
        # ("Tính đến 31/3/2033, ... được rút ngắn: 5 - 7 giờ" read as today's: bt17f)
        text = f"{head}: từ {answer_text(frame)}{_changed_to(frame, doc_text)}"
    elif counted_indicator(frame, doc_text) and not frame.target:
        # "Tính đến 31/3/2027, có 247 sản phẩm OCOP còn hiệu lực": the value with what it
        # counts after it, led by the sentence's verb
        words = frame.indicator.split()[len(_bare_unit(frame.unit).split()):]
        # an indicator that is the unit alone ("sản phẩm" of "19 sản phẩm đạt 4 sao") says
        # nothing of its own: the value with what the report writes after it, as the short
        # answer says it ("19 sản phẩm 4 sao"; break-test bt17b)
        value = " ".join(counted_words(frame, words) + basis)
        text = f"{frame.verb.lower()} {value}" if frame.verb else value
    elif (not (frame.indicator.strip() or frame.parent.strip() or frame.context) and
          frame.detail or _names_its_unit(own, frame)) and frame.unit and \
            frame.kind != "percent" and frame.measure == "level" and not frame.target:
        # "Theo báo cáo nhanh của Ban Quản lý ..., riêng ngày 7/2/2023 đã có 1.146 phương tiện
        # làm thủ tục xuất nhập khẩu qua các cửa khẩu": nothing before the value names it, the
        # words after it do -- said after the value, never "số liệu có 1.146 phương tiện"
        value = " ".join(w for w in [frame.value, frame.detail, *basis] if w)
        text = f"{frame.verb.lower()} {value}" if frame.verb else value
    elif frame.part and not frame.indicator and fold(frame.detail).lower().startswith("cua "):
        # "136 cửa hàng ..., trong đó 21 cửa hàng của Công ty Xăng dầu Bắc Thái": a part
        # named only by its owner (rag.vi.frames.sentence) is said with it, never as the whole
        text = f"{head}, trong đó {frame.value} {frame.detail}"
    else:
        text = f"{head} {_growth_said(head, frame, _verb(frame))}".replace(" : ", ": ")
    text = kept_place(frame, text, doc_text)
    extras = [_verb(c) for c in companions]
    if extras:
        text += " (" + "; ".join(extras) + ")"
    if frame.period is not None and not fold(text).lower().startswith(
            fold(frame.period.label).lower()):
        text = f"{frame.period.label}, {text}"
    return _capital(text) + "."


# the words of a growth rate in a summary's subject (folded, lower case)
_GROWTH_HEAD = re.compile(r"\b(?:tang truong|toc do tang)\b")


def _growth_said(head: str, frame: Frame, verb: str) -> str:
    """``verb`` (a summary's words from :func:`_verb`) said after a subject ``head`` that names
    a growth ("GRDP của tỉnh tăng trưởng", "Tốc độ tăng trưởng kinh tế"): a rise is said
    "đạt 6,5%" ("ước đạt" for an estimate), as the reports write it, never "tăng trưởng tăng
    6,5%" (break-test bt17h); a fall, a difference or any other measure unchanged."""
    if frame.measure != "change" or frame.direction < 0 or \
            not _GROWTH_HEAD.search(fold(head).lower()):
        return verb
    for said, put in (("ước tăng ", "ước đạt "), ("tăng ", "đạt ")):
        if verb.startswith(said):
            return put + verb[len(said):]
    return verb


_CHANGED_TO_CHARS = 60  # the most of "xuống còn 1,5 - 2 giờ" said after a change's start


def _changed_to(frame: Frame, doc_text: str | None) -> str:
    """The words of ``frame``'s sentence from its value (the "từ" value of a change, ``stage``
    "before": rag.vi.frames.sentence.before_after) through the next value -- " xuống còn 1,5
    - 2 giờ", " lên 260 - 300 xe/ngày" -- with a leading space; "" when ``doc_text`` is
    unknown or the next value is not within the clause."""
    if doc_text is None or not frame.start <= frame.end <= frame.quote[1] <= len(doc_text):
        return ""
    rest = doc_text[frame.end:frame.quote[1]]
    found = find_values(rest)
    if not found:
        return ""
    said = rest[:found[0].end]
    if len(said) > _CHANGED_TO_CHARS or re.search(r"[;.:]\s", said + " "):
        return ""
    return " " + " ".join(said.split())


def change_ends(frame: Frame, doc_text: str | None, frames: Sequence[Frame] = ()) -> str:
    """Both levels of the change ``frame`` is one level of (``stage`` "before" or "after":
    rag.vi.frames.sentence.before_after), as its sentence writes them from the earlier value
    on: "từ 6 - 8 giờ xuống còn 2 - 3 giờ", "từ khoảng 180 xe/ngày lên 260 - 300 xe/ngày" --
    ranges whole, units kept.  A later level is paired with the last earlier level of its
    sentence among ``frames`` (its document's) whose words run to it ("giảm từ 6,84% cuối
    năm 2074 xuống còn 4,91% cuối năm 2075" asked with 2075 picks the later).  "" when
    ``frame`` is neither, or the other level is not found within the clause
    (:func:`_changed_to`).  For a question asking both ends
    (rag.answer.question.asks_both_ends; issue 17 bt17s)."""
    if frame.stage == "after":
        earlier = [f for f in frames if f.stage == "before" and f.quote == frame.quote and
                   f.end <= frame.start]
        if not earlier:
            return ""
        first = max(earlier, key=lambda f: f.end)
        later = _changed_to(first, doc_text)
        return f"từ {answer_text(first)}{later}" \
            if later and first.end + len(later) >= frame.start else ""
    if frame.stage != "before":
        return ""
    later = _changed_to(frame, doc_text)
    return f"từ {answer_text(frame)}{later}" if later else ""


def counted_words(frame: Frame, words: list[str]) -> list[str]:
    """The words a counted value is said with in its summary: the value, then ``words`` (the
    indicator past its unit: "OCOP tại huyện Văn Lãng"); the short answer (value and detail,
    :func:`answer_text`) alone when there are none.  When the detail names a class ("hạng 1",
    "OCOP 4 sao": rag.vi.grades) the indicator lost the class's number, so the short answer
    is said and then what the indicator adds past the detail's words: "1 chợ hạng 1 tại huyện
    Cao Lộc", never "1 chợ hạng tại huyện Cao Lộc" (issue 17 break-test, OCOP/market news)."""
    said = answer_text(frame)
    if not words:
        return [said]
    if said == frame.value or not graded_classes(frame.detail):
        return [frame.value, *words]
    detail = {fold(w).lower() for w in frame.detail.split()}
    k = 0
    while k < len(words) and fold(words[k]).lower() in detail:
        k += 1
    return [said, *words[k:]]


def kept_place(frame: Frame, text: str, doc_text: str | None) -> str:
    """``text`` (a summary without its period) with the place the figure's own clause names
    when the summary lost it: "Năm 2024, trên địa bàn tỉnh có 45 chợ, trong đó huyện Cao Lộc
    có 1 chợ hạng 1" is "có 1 chợ hạng 1 tại huyện Cao Lộc", never the province's "có 1 chợ
    hạng 1" (issue 17 break-test, OCOP/market news).  A clause naming no place, or more than
    one, leaves ``text`` as it is (``doc_text``: the document's)."""
    if not doc_text or not 0 <= frame.quote[0] <= frame.start <= len(doc_text):
        return text
    before = doc_text[frame.quote[0]:frame.start]
    marks = [m.end() for m in _CLAUSE_MARK.finditer(before)]
    named = admin_places(before[marks[-1]:] if marks else before)
    if len(named) != 1:
        return text
    place = " ".join(named[0])
    if fold(named[0][1]).lower() in fold(text).lower():
        return text
    return f"{text} tại {place}"


def _names_its_unit(own: str, frame: Frame) -> bool:
    """Whether the subject ``own`` is only the noun the value counts in ("sản phẩm" of "27
    sản phẩm", carried from the sentence before): it names nothing the value does not say --
    "Năm 2024, có 27 sản phẩm", never "sản phẩm có 27 sản phẩm" (issue 17 bt17b)."""
    unit = fold(_bare_unit(frame.unit)).lower()
    return bool(unit) and fold(own).lower() == unit


_SPANS = {"ngay": "ngày", "tuan": "tuần", "thang": "tháng", "quy": "quý", "nam": "năm"}


def partial_summary(choice: Choice, asked: Period, companions: list[Frame],
                    doc_text: str | None = None, stated: Frame | None = None) -> str:
    """For a figure that covers only part of the asked period: which part, said first.  A
    rate a day left undated, matched by its report's day (rag.answer.figures
    undated_rate_days), is said per day with the report's date, never as that day's count
    ("Những ngày cao điểm cuối năm, mỗi ngày có ..." was labelled "ngày 21/12/2026": bt17c #91).
    ``stated``: a figure of the asked period its document gives under the same indicator
    (rag.answer.short_totals.asked_period_stated), named instead of saying the report has
    none (break-test bt22b, session 50)."""
    period = choice.frame.period
    if period is None:
        day = (choice.hit.chunk.date or "")[:10].split("-")
        dated = f" (báo cáo ngày {int(day[2])}/{int(day[1])}/{day[0]})" \
            if len(day) == 3 and all(p.isdigit() for p in day) else ""
        span = re.search(r"(?:\bmoi\s+|\bmot\s+|/\s*)(ngay|tuan|thang|quy|nam)\b",
                         fold(f"{choice.frame.verb} {choice.frame.unit}").lower())
        each = f"mỗi {_SPANS[span.group(1)]}" if span else "bình quân"
        return f"Số liệu {each}{dated}: " + summary(choice, companions, doc_text)
    missing = f"cả {asked.label}"
    if asked.end == period.end and asked.kind == "to_date":
        # a day's figure for a total up to that day: the total said without the day again,
        # so the note never names one day twice ("ngày 11/9 (chưa có số liệu cả tính đến
        # 11/9)" reads as a contradiction; bt9-b17 failure 7)
        missing = "lũy kế từ đầu năm đến ngày đó"
    f = choice.frame
    each = "mỗi ngày " if doc_text is not None and not re.search(
        r"\bmoi\s+(?:ngay|tuan)\b", fold(f.verb).lower()) and \
        rate_a_day(f, doc_text[f.quote[0]:f.start]) else ""
    # "mỗi ngày cảng cạn xếp dỡ khoảng 7.400 tấn" said per day, its "mỗi ngày" away from the
    # verb the summary repeats (issue 17 yearflow2)
    if stated is not None:
        # "Lũy kế 10 tháng năm 2061, tổng kim ngạch đạt 5.402,3 triệu USD" in the report: the
        # month's figure is no "only" figure -- the report's own for the period asked is named
        return (f"Số liệu {each}{period.label} (báo cáo cũng nêu {asked.label}: "
                f"{stated.indicator} {stated.value}): " + summary(choice, companions, doc_text))
    return (f"Báo cáo chỉ có số liệu {each}{period.label} (chưa có số liệu {missing}): "
            + summary(choice, companions, doc_text))


def companions_of(choice: Choice, frames: list[Frame]) -> list[Frame]:
    """Frames of the same sentence, indicator and period that say more of it (its change
    on the year before, its share of the plan), in order."""
    f = choice.frame
    return [g for g in frames if g.quote == f.quote and g.start != f.start
            and g.indicator == f.indicator and g.parent == f.parent and g.period == f.period
            and g.measure in COMPANION_MEASURES and g.measure != f.measure
            and g.target == f.target][:2]


def citation(choice: Choice, text: str) -> Citation:
    """The clause the figure stands in, with its offsets in the document's text."""
    frame, chunk = choice.frame, choice.hit.chunk
    q0, q1 = frame.quote
    sentence = text[q0:q1]
    s, e = quoted_clause(sentence, frame.start - q0, frame.end - q0)
    return Citation(doc_id=chunk.doc_id, chunk_id=chunk.id, title=chunk.title,
                    date=chunk.date, quote=sentence[s:e], start=q0 + s, end=q0 + e)


def _bare_unit(unit: str) -> str:
    return " ".join(w for w in unit.split() if fold(w).lower() not in UNIT_MAGNITUDES)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
