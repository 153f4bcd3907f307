"""Whether a statement answer's sentence says the event the question asks, not another
event of the same thing or its opposite.

General text states several events of one thing in one sentence or one article ("Đến năm
1925, chính quyền ... cho xây dựng ga xe lửa Bình Lâm"); a question of another event of it
("Ga xe lửa Bình Lâm bị phá hủy năm nào?") shares every word with that sentence but the
event's verb, and the statement check (rag.answer.answerability), which weighs how much of
the question a sentence holds, lets the build year through.  Likewise a sentence stating
the opposite of what is asked ("lỗ khoảng 25 tỷ đồng" asked "lãi bao nhiêu?", "chủ tịch đầu
tiên" asked "chủ tịch cuối cùng") holds all of the question but its one word that matters
(break-test bt24b, session 51).  Both rules read the question as typed, lower case, with
its diacritics (folded "lãi" is "lại").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rag.answer.sentences import positions, with_bigrams
from rag.vi.holidays import named_in
from rag.vi.text import fold, normalize

# The adverse passive marker and the verb after it: "bị phá hủy", "bị đưa ra khỏi".  Not
# "được": a verb's complement as often as a passive ("đến được trận Super Bowl"), and the
# year of what "được ban hành", "được thông qua" is written with the name ("Đạo luật ... năm
# 1996") in sentences that never say the verb (XQuAD-vi dev: 5 right answers refused)
_PASSIVE_RE = re.compile(r"(?<!\w)bị\s+(\w+)(?:\s+(\w+))?")
# Words after "bị" that are no verb of an event: a question word, a quantifier or article,
# "không" of a negation, a preposition
_NO_EVENT = frozenset({"bao", "mấy", "gì", "ai", "nào", "đâu", "những", "các", "một", "nhiều",
                       "không", "là", "khi", "bởi", "vào", "trong", "năm", "ở", "tại",
                       "từ", "cho", "với", "lần", "khoảng", "hơn", "đến"})

# Opposite words a question and a sentence may each say one of (lower case, diacritics
# kept).  A superlative may have its noun inside ("nhiều bàn thắng nhất").  "thắng" of
# "bàn thắng" (a goal) and "thua" of "thua lỗ" (a loss) are no win or defeat; "lãi" of
# "lãi suất", "lãi vay" no profit.
_SUPERLATIVE = r"(?:\s+\w+){{0,3}}?\s+nhất(?!\w)"
# "cuối cùng" / "đầu tiên" before a verb or a comma is "finally" / "first of all", no rank:
# "Obama cuối cùng đã đến thăm Kenya khi nào?" (XQuAD-vi dev)
_NO_ADVERB = r"(?!\s*(?:,|đã|cũng|thì|đều|sẽ|đang|lại)(?!\w))"
OPPOSITES: tuple[tuple[str, str], ...] = (
    (r"(?<!\w)lãi(?!\w)(?!\s+(?:suất|vay))", r"(?<!\w)(?:lỗ|thua lỗ)(?!\w)"),
    (r"(?<!\w)(?:đầu tiên|lần đầu)(?!\w)" + _NO_ADVERB, r"(?<!\w)cuối cùng(?!\w)" + _NO_ADVERB),
    (r"(?<!bàn )(?<!\w)(?:thắng|chiến thắng|đánh bại)(?!\w)",
     r"(?<!\w)(?:thua|để thua|bại trận)(?!\w)(?!\s+lỗ)"),
    (r"(?<!\w)nhiều" + _SUPERLATIVE.format(), r"(?<!\w)ít" + _SUPERLATIVE.format()),
    (r"(?<!\w)lớn" + _SUPERLATIVE.format(), r"(?<!\w)nhỏ" + _SUPERLATIVE.format()),
    (r"(?<!\w)cao" + _SUPERLATIVE.format(), r"(?<!\w)thấp" + _SUPERLATIVE.format()),
    (r"(?<!\w)(?:tăng|gia tăng)(?!\w)", r"(?<!\w)(?:giảm|sụt giảm|suy giảm)(?!\w)"),
)
# the pair of rising and falling, which the figure path reads as a change's sign
RISE_FALL = OPPOSITES[-1]
# other ways a sentence says one side, though a question saying them asks no rank: "...,
# kết thúc với The Horns of Nimon (1979)" says the last one (XQuAD-vi dev, "Tập phim ...
# cuối cùng mà Dudley Simpson viết nhạc là gì?"; "Khi nào ... kết thúc?" asks no last one)
_SAID_ALSO = {OPPOSITES[1][1]: r"|(?<!\w)(?:kết thúc|sau cùng|cuối)(?!\w)",
              OPPOSITES[1][0]: r"|(?<!\w)(?:bắt đầu|khởi đầu)(?!\w)"}


def opposite_said(question: str, sentence: str, *, rise_fall: bool = True) -> bool:
    """Whether ``sentence`` says only the opposite of a word the ``question`` says and not
    its opposite (:data:`OPPOSITES`): the question holds one side of a pair and not the
    other, the sentence the other and not it.  ``rise_fall`` False leaves "tăng"/"giảm"
    out: a figure question answered by a change reads "giảm" asked of a rise as a negative
    change (the figure path's rule, tests/test_versus_previous_year.py and others)."""
    q = normalize(question).lower()
    s = normalize(sentence).lower()
    for a, b in OPPOSITES:
        if not rise_fall and (a, b) == RISE_FALL:
            continue
        for asked, other in ((a, b), (b, a)):
            if re.search(asked, q) and not re.search(other, q) \
                    and re.search(other, s) and not re.search(asked + _SAID_ALSO.get(asked, ""),
                                                              s):
                return True
    return False


def event_unsaid(question: str, sentence: str, is_word: Callable[[str, str], bool]) -> bool:
    """Whether the event a "when" or "how many" ``question`` asks after the adverse passive
    marker ("bị phá hủy năm nào", "bị giải thể khi nào") is not said in ``sentence``: its
    verb -- the word after "bị", with the next one when the two are one word
    (``is_word(a, b)`` on folded words: "phá hủy", "đưa ra") -- is missing.  A year of the
    sentence is then the year of another event of the same thing ("được xây dựng năm
    1925").  False when the question has no such marker."""
    said = with_bigrams(positions(sentence))
    for m in _PASSIVE_RE.finditer(normalize(question).lower()):
        first, second = m.group(1), m.group(2)
        if first in _NO_EVENT or first.isdigit():
            continue
        a = fold(first)
        verb = f"{a}_{fold(second)}" if second and second not in _NO_EVENT and \
            is_word(a, fold(second)) else a
        if verb not in said:
            return True
    return False


# What "bao nhiêu"/"mấy" counts, one to three words, then a capitalised name right after it
# ("bao nhiêu lượt khách Thái Lan"): a name after a preposition ("xe qua cửa khẩu Lạng Sơn")
# is where, not which of the counted things; an abbreviation in capitals ("hồ sơ TTHC",
# "% KH") is the indicator's own, written out in the reports
_COUNTED_RE = re.compile(r"(?<!\w)(?:bao nhiêu|mấy)((?:\s+[^\W\d]+)+)")
_PLACE_WORDS = frozenset({"qua", "ở", "tại", "của", "trong", "vào", "từ", "sang", "đến",
                          "với", "cho", "và", "tới", "theo", "khi", "mà", "sau", "trước",
                          "nếu", "để", "vì", "do", "bởi"})


def counted_name_unsaid(question: str, sentence: str) -> bool:
    """Whether a capitalised name qualifying what a "bao nhiêu" ``question`` counts, written
    right after the counted words ("bao nhiêu lượt khách Thái Lan"), is not written in
    ``sentence``: then the sentence's count is of the whole, not of the part asked
    ("45.000 lượt khách").  Names after a preposition, and abbreviations in capitals, are
    left to the place and indicator rules; a holiday (rag.vi.holidays.named_in: "lượt khách
    Tết 2032") to the period rules."""
    m = _COUNTED_RE.search(normalize(question))
    if m is None:
        return False
    words = m.group(1).split()
    at = next((i for i, w in enumerate(words[:4]) if w[0].isupper()), None)
    if not at or any(w in _PLACE_WORDS for w in words[:at]):
        return False  # no counted words first, or the name is where ("qua cửa khẩu X")
    names = []
    for w in words[at:]:
        if not w[0].isupper():
            break
        if not w.isupper():
            names.append(w)
    if named_in(" ".join(names)):
        # "bao nhiêu lượt khách Tết 2032": a holiday is when, not which of the visitors;
        # its sentence may write it in the lead alone (dev4 b17h, b17k, b17l, b17m, b17p, b17s)
        return False
    said = with_bigrams(positions(sentence))
    return any(fold(w) not in said for w in names)


def asked_said(question: str, sentence: str, is_word: Callable[[str, str], bool]) -> bool:
    """Whether ``sentence`` says one of the marked things the ``question`` asks as the
    question says it, after the same word: the side of an opposite pair it asks
    (:data:`OPPOSITES`: "phụ lưu nhỏ nhất"), or the event verb it asks after "bị"
    ("bị phá hủy").  Another sentence may stand for one that said otherwise only then:
    "Nhà máy nhỏ nhất ..." is no "thị trường xuất khẩu nhỏ nhất" asked."""
    q = normalize(question).lower()
    s = normalize(sentence).lower()
    for a, b in OPPOSITES:
        for asked, other in ((a, b), (b, a)):
            m = re.search(asked, q)
            if m is None or re.search(other, q):
                continue
            before = re.findall(r"\w+", q[:m.start()])
            lead = re.escape(before[-1]) + r"\s+" if before else ""
            if re.search(lead + asked, s):
                return True
    for m in _PASSIVE_RE.finditer(q):
        if m.group(1) not in _NO_EVENT and not event_unsaid(m.group(0), sentence, is_word) \
                and re.search(r"(?<!\w)bị\s+" + re.escape(m.group(1)), s):
            return True
    return False
