"""Questions that ask for two figures joined by "và": "sản lượng than và xi măng 9 tháng
2025", "xuất khẩu và nhập khẩu mở tờ khai 6 tháng 2022", "có bao nhiêu xe xuất khẩu và bao
nhiêu xe nhập khẩu", "CPI tháng 12/2022 so với tháng trước và so với cùng kỳ".

The two things asked (the conjuncts) stand on each side of "và", and what they share -- the
head before them ("sản lượng"), the basis and period after them ("mở tờ khai 6 tháng
2022") -- is said once.  The conjunct after "và" is its first word or word pair (a pair the
corpus writes together: "xi măng", "nhập khẩu"); the one before, the same number of terms
ending at "và" -- or, when the second conjunct starts with a word said earlier ("bao nhiêu
xe ... và bao nhiêu xe ...", "thu từ hoạt động XNK và thu nội địa"), everything from that
word, the one after running as long but never into the period both share; one opening
with a head word of its own ("tổng kim ngạch tất cả loại hình" after "kim ngạch mở tờ
khai") runs to that period, each side keeping its own qualifier.  Earlier items listed
with commas that start with the same word ("so với tháng trước, so với tháng 12/2025 và
so với cùng kỳ") are parts too (issue 17, dev2 e100/e104/e107).  Each question is the whole question
with the other conjunct left out.  Periods joined by "và" ("2018 và 2019", "tháng 6 và
tháng 12") are several periods of one figure (rag.vi.calendar), not two figures, and are
left alone.

A question may also pair each thing with its own period (:func:`split_paired`): "tổng mức
bán lẻ cả năm 2026 và doanh nghiệp thành lập mới quý I 2027", "X <A>, Y <B> và Z <C>" --
one question each, in the order asked, the question's tail ("là bao nhiêu?") shared."""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from itertools import count

import numpy as np

from rag.answer.answerer import term_lengths
from rag.answer.weights import AnswerWeights
from rag.records import Answer, AnswerPart
from rag.vi.asked import asked_spans
from rag.vi.grades import holds_class
from rag.vi.lexicon import (
    HOME_DISTRICTS,
    HOW_MUCH,
    HOW_MUCH_RE,
    NOT_A_THING_WORDS,
    PLACES,
    official_name_spans,
)
from rag.vi.mentions import find_mentions
from rag.vi.text import fold

_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
# The question words a conjunct starts with ("bao nhiêu xe xuất khẩu"), left out of its label.
_ASKING = re.compile(r"^(?:co\s+)?(?:" + "|".join(HOW_MUCH) + r")\s+")


@dataclass(frozen=True)
class Conjuncts:
    """A question asking for several figures: ``questions`` one question each (for two
    things joined by "và", the whole question without the other conjunct), ``labels`` what
    each asks as typed ("than", "xi măng"; "tổng mức bán lẻ cả năm 2026")."""

    questions: tuple[str, ...]
    labels: tuple[str, ...]


def split_conjuncts(question: str, cohesion: Callable[[str, str], float], *,
                    phrases: Callable[[str], int] | None = None) -> Conjuncts | None:
    """The figures ``question`` asks for (two, or each item of a list), or None when it
    asks for one (no "và", several "và", a side that is a period, or only quantity,
    question or verb words -- "đạt và vượt" -- or nothing on one side, or one name the
    reports write with its "và": :func:`_one_name`).  ``cohesion(a, b)`` (folded words) is
    above 0 when the corpus writes the two words together (``Answerer.cohesion``);
    ``phrases(p)`` how often the corpus writes the folded, lower-cased words ``p``
    (:func:`phrase_counter`; None: no name is checked)."""
    words = [(m.start(), m.end(), fold(m.group(0)).lower()) for m in _WORD_RE.finditer(question)]
    joins = [i for i, (_, _, w) in enumerate(words) if w == "va"]
    if len(joins) != 1 or joins[0] == 0 or joins[0] == len(words) - 1:
        return None
    j = joins[0]
    before, after = words[:j], words[j + 1:]
    periods = asked_spans(question) if len(fold(question)) == len(question) else []

    def dated(w: tuple[int, int, str]) -> bool:
        return any(s <= w[0] < e for s, e in periods)

    again, whole = _again(before, after)
    if again:  # "bao nhiêu xe xuất khẩu và bao nhiêu xe nhập khẩu": the same words again
        items = [before[again[-1]:]]
        # the earlier items of a list: "so với tháng trước, so với tháng 12/2025 và ..."
        while (k := before.index(items[0][0])) > 0 and \
                "," in question[before[k - 1][1]:items[0][0][0]]:
            earlier = [i for i in again if i < k]
            if not earlier:
                break
            items.insert(0, before[earlier[-1]:k])
        # the second runs as long as the first (or, opening with its own head, "tổng kim
        # ngạch tất cả loại hình", to the period), never into the period both share
        b = after if whole else after[:_term_end(after, len(items[-1]), cohesion)]
        cut = next((i for i, w in enumerate(b) if dated(w)), len(b))
        items.append(b[:cut])
        if not items[-1]:
            return None
    else:
        left = term_lengths([w for _, _, w in before], _classes_kept(cohesion))
        right = term_lengths([w for _, _, w in after], _classes_kept(cohesion))
        took = left[-1]
        if before[-1][2] in _AFTER_VERB and len(left) > 1:
            took += left[-2]  # "thành lập mới": the adverb with the verb it follows
        items = _whole_names(question, words, [before[-took:], after[:right[0]]])
    for side in items:
        text = question[side[0][0]:side[-1][1]]
        if all(w[2].isdigit() or w[2] in NOT_A_THING_WORDS for w in side) or any(
                not x.comparison for x in find_mentions(text, 2000)) or any(
                s < side[-1][1] and side[0][0] < e for s, e in periods):
            return None  # a side that is (part of) a period: "quý II và cả năm 2023"
    if phrases is not None and len(items) == 2 and \
            _one_name(items, words[words.index(items[-1][-1]) + 1:], dated, phrases):
        return None
    head, tail = question[:items[0][0][0]], question[items[-1][-1][1]:]
    spans = [(side[0][0], side[-1][1]) for side in items]
    return Conjuncts(tuple(" ".join((head + question[s:e] + tail).split()) for s, e in spans),
                     tuple(_label(question[s:e]) for s, e in spans))


def _whole_names(question: str, words: list[tuple[int, int, str]],
                 items: list[list[tuple[int, int, str]]]) -> list[list[tuple[int, int, str]]]:
    """The two conjuncts ``items`` (runs of ``words``, the question's folded words with their
    offsets) each grown to the whole of a name it cuts into: the one before "và" leftwards,
    the one after it rightwards.  A name is a run of two or more capitalised words ("Chi Ma",
    "Tân Thanh", "Hữu Nghị", "Cốc Nam") or a province, a district or a country of
    rag.vi.lexicon (PLACES, HOME_DISTRICTS) typed in lower case ("chi lăng"): Vietnamese
    place names are of several syllables that no corpus pairs as a term, and "cửa khẩu Tân
    Thanh và Chi Ma" asked "Chi" -- the gate Chi Ma's 188 triệu USD labelled "Chi" beside
    "no figure for Tân Thanh" (break-test bt17o of session 44).  Words of the question's
    periods are never capitalised name words here ("quý I" follows lower-case "quý")."""
    names = _name_spans(question)
    index = {w: i for i, w in enumerate(words)}
    out = []
    for k, side in enumerate(items):
        lo, hi = index[side[0]], index[side[-1]]
        for s, e in names:
            if s < words[hi][1] and words[lo][0] < e:  # the side cuts into the name
                while k == 0 and lo > 0 and words[lo - 1][0] >= s and words[lo - 1][2] != "va":
                    lo -= 1
                while k == 1 and hi + 1 < len(words) and words[hi + 1][1] <= e:
                    hi += 1
        out.append(words[lo:hi + 1])
    return out


def _name_spans(question: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of the names :func:`_whole_names` keeps whole in
    ``question``: runs of two or more capitalised words, and lexicon places (folded)."""
    typed = _WORD_RE.findall(question)
    # a question typed in capitals or title case ("KIM NGẠCH ... VÀ ...") shows no name by them
    cased = 2 * sum(w[0].isupper() for w in typed) <= len(typed)
    spans = [(m.start(), m.end()) for m in _CAPITALISED_RUN.finditer(question)
             if cased and not any(fold(w).lower() == "va" for w in m.group(0).split())]
    folded = fold(question).lower()
    if len(folded) == len(question):
        for place in _LOWER_PLACES:
            spans += [(m.start(), m.end()) for m in
                      re.finditer(r"(?<!\w)" + re.escape(place) + r"(?!\w)", folded)]
    return spans


# two or more capitalised words in a row, "và" never among them
_CAPITALISED_RUN = re.compile(r"(?<!\w)[^\W\d_a-zđ]\w*(?:[ \t]+[^\W\d_a-zđ]\w*)+")
_LOWER_PLACES = tuple(sorted({fold(p).lower() for p in (*PLACES, *HOME_DISTRICTS)
                              if " " in p}, key=len, reverse=True))


def _one_name(items: list[list[tuple[int, int, str]]], rest: list[tuple[int, int, str]],
              dated: Callable[[tuple[int, int, str]], bool],
              phrases: Callable[[str], int]) -> bool:
    """Whether the two conjuncts ``items`` (folded words) are one name holding "và": the
    reports write "A và B" -- with the question's next word after B (``rest``) when it
    names a thing (no period, number, glue or question word: "điện" of "ngành sản xuất và
    phân phối điện") -- and never write B (with that word) but after "A và".  An industry
    of the national classification (VSIC: "sản xuất và phân phối điện", "cung cấp nước và
    xử lý rác thải", "dịch vụ lưu trú và ăn uống") is one figure, and its second half is no
    thing the reports give a figure for: asked "sản xuất" and "phân phối" apart, the first
    took the electricity output (987 triệu kWh) and the second the industry's IIP (break-test
    bt17i of session 43).  "xuất khẩu và nhập khẩu" stays two: the reports write "nhập
    khẩu" alone too."""
    follow = rest[:1]
    if follow and (dated(follow[0]) or follow[0][2].isdigit() or follow[0][2] in
                   NOT_A_THING_WORDS or follow[0][2] in _GLUE_WORDS or
                   _ASKING.match(follow[0][2] + " ")):
        follow = []
    second = " ".join(w for _, _, w in items[1] + follow)
    joined = phrases(" ".join(w for _, _, w in items[0]) + " va " + second)
    return joined > 0 and phrases(second) <= joined


def phrase_counter(texts: Iterable[str]) -> Callable[[str], int]:
    """How often ``texts`` (the corpus's documents) write a phrase: a function of the
    phrase's folded, lower-cased words separated by spaces ("san xuat va phan phoi dien")
    to its occurrences, whole words only, across line breaks and spacing but never across
    punctuation (a phrase of no word, or with a word the corpus never writes, occurs 0
    times).  For :func:`split_conjuncts`.

    Read like a positional index (bm25s-style postings): the corpus becomes one int32
    array of word ids, -1 at each punctuation break, and the positions of every word id
    sorted once; a phrase is checked only at the positions of its rarest word, so a count
    costs well under a millisecond whatever the corpus size, where the regular-expression scan
    of a folded copy of the corpus it replaced took about a second per phrase on 30 M
    characters (about 20,000 chunks; ``python bench/phrase_count.py``).
    Each distinct written token is folded once.  Memory: about 12 bytes per corpus word."""
    written: defaultdict[str, int] = defaultdict(count().__next__)  # token as written -> id
    ids = array("i")
    for text in texts:
        ids.extend(map(written.__getitem__, _TOKEN_RE.findall(unicodedata.normalize("NFC", text))))
        ids.append(written["."])  # no phrase runs from one document into the next
    # each distinct token folded once; the forms folding alike share an id, punctuation is -1
    vocabulary: dict[str, int] = {}
    folded = np.fromiter((vocabulary.setdefault(fold(w), len(vocabulary))
                          if _WORD_RE.fullmatch(w) else -1 for w in written),
                         dtype=np.int32, count=len(written))
    words = folded[np.frombuffer(ids, dtype=np.int32)] if ids else np.zeros(0, dtype=np.int32)
    order = np.argsort(words, kind="stable").astype(np.int32)
    # positions of word id v: order[bounds[v]:bounds[v + 1]] (the -1 breaks sort first)
    bounds = np.searchsorted(words[order], np.arange(len(vocabulary) + 1))

    def occurrences(phrase: str) -> int:
        asked = [vocabulary.get(w) for w in phrase.split()]
        if not asked or any(v is None for v in asked):
            return 0
        wanted = [int(v) for v in asked if v is not None]
        anchor = min(range(len(wanted)),
                     key=lambda j: bounds[wanted[j] + 1] - bounds[wanted[j]])
        starts = order[bounds[wanted[anchor]]:bounds[wanted[anchor] + 1]] - anchor
        starts = starts[(starts >= 0) & (starts + len(wanted) <= len(words))]
        held = np.ones(len(starts), dtype=bool)
        for j, v in enumerate(wanted):
            held &= words[starts + j] == v
        return int(held.sum())

    return occurrences


# what no phrase runs across: sentence and clause punctuation (a comma, a semicolon, ...);
# a line break does (a PDF's wrapped line)
_PUNCTUATION = re.compile(r"[.,;:!?()\[\]\"“”…]+")
# a folded text's words and runs of that punctuation, in order (phrase_counter)
_TOKEN_RE = re.compile(r"[^\W_]+|" + _PUNCTUATION.pattern)


def _term_end(words: list[tuple[int, int, str]], n: int,
              cohesion: Callable[[str, str], float]) -> int:
    """``n``, or ``n + 1`` when the ``n``-th of ``words`` (folded) and the next make one
    term (:func:`rag.answer.answerer.term_lengths`): a conjunct run as long as the one before
    it never ends inside a word pair -- "thu XNK và thu nội địa" asks "thu nội địa", never
    "thu nội" with "địa" left to the tail both share, which named the word missing from the
    other part ("không có số liệu riêng địa"; held-out h094, issue 17)."""
    at = 0
    for length in term_lengths([w for _, _, w in words], cohesion):
        if at < n < at + length:
            return at + length
        at += length
    return n


def _classes_kept(cohesion: Callable[[str, str], float]) -> Callable[[str, str], float]:
    """``cohesion`` with a class's number and word held together first (rag.vi.grades
    holds_class): "sản phẩm OCOP 4 sao và 3 sao" joins "4 sao" and "3 sao" -- read by the
    corpus's pairs, "OCOP 4" held and the parts asked were "sao" and "OCOP 4 3 sao" (issue 17,
    break-test s39 bt17b)."""
    def kept(a: str, b: str) -> float:
        held = holds_class(a, b)
        return cohesion(a, b) if held is None else float("inf") if held else 0.0
    return kept


def _again(before: list[tuple[int, int, str]], after: list[tuple[int, int, str]]
           ) -> tuple[list[int], bool]:
    """Where the conjunct after "và" starts again a word said before it: the indices in
    ``before`` of its first word ("bao nhiêu xe ... và bao nhiêu xe ..."; "thu từ hoạt
    động XNK và thu nội địa") or, when it opens with a head word of its own ("tổng", "số":
    "kim ngạch mở tờ khai và tổng kim ngạch tất cả loại hình"), of the word after that
    head -- and whether it opened so (its words then run to the period).  ([], False) when
    neither word was said before."""
    first = [i for i, w in enumerate(before) if w[2] == after[0][2]]
    if first:
        return first, False
    own = _OWN_HEAD.match(" ".join(w for _, _, w in after) + " ")
    skip = len(own.group(0).split()) if own else 0
    if not own or skip >= len(after):
        return [], False
    return [i for i, w in enumerate(before) if w[2] == after[skip][2]], True


# Adverbs written after the verb they qualify, naming nothing alone: "doanh nghiệp thành lập
# mới" (GSO's "Tình hình đăng ký doanh nghiệp": thành lập mới, quay trở lại hoạt động, giải
# thể), "cấp mới", "trồng mới", "đầu tư thêm" -- a conjunct before "và" ending in one
# ("thành lập mới và giải thể") is the verb with it, never "mới" alone.
_AFTER_VERB = frozenset({"moi", "them", "lai"})
# Words that name no thing asked in a part of a paired question ("và trong quý I 2027"),
# beside NOT_A_THING_WORDS.
_GLUE_WORDS = frozenset("trong cua vao luc thi sao con cung ca cac so bao nhieu the of in "
                        "for and".split())
# a part that opens with its own head word names its whole thing: "số tờ khai" after "số
# doanh nghiệp tham gia XNK" is no "doanh nghiệp tham gia số tờ khai" (issue 17 break-test,
# kind 3; tests/test_paired_periods.py::test_a_part_with_its_own_head_keeps_it)
_OWN_HEAD = re.compile(r"(?:so|tong|tong so|gia tri|luong|ty le|chi so|muc)\s")
# a separator between the parts: "và" or a comma
_SEPARATOR = re.compile(r",|\bva\b|\band\b")


def split_paired(question: str, cohesion: Callable[[str, str], float]) -> Conjuncts | None:
    """The parts of a question that pairs each thing asked with its own period: "X <A> và
    Y <B>", "X <A>, Y <B> và Z <C>" -- a part after each period followed by "và" or a comma
    --, one question per part in the order asked, the words after the last period (the
    tail: "là bao nhiêu?") added to each.  A part naming one term where the first names
    more ("kim ngạch xuất khẩu năm 2024 và nhập khẩu năm 2025") takes the first part's head
    ("kim ngạch"), but a part that opens with its own head word ("số", "tổng", "giá trị",
    "lượng", "tỷ lệ", "chỉ số", "mức": "số tờ khai") keeps its own words.  None when a
    part after the first names a period only ("X <A> và <B>": several periods of one
    figure), has no period, or the question has a single part.
    ``cohesion`` as for :func:`split_conjuncts`."""
    folded = fold(question).lower()
    if len(folded) != len(question):
        return None
    spans = _merged(asked_spans(question))
    if len(spans) < 2:
        return None
    cuts: list[tuple[int, int]] = []  # (start, end) of each separator taken
    for m in _SEPARATOR.finditer(folded):
        before = [e for _, e in spans if e <= m.start()]
        if before and not folded[before[-1]:m.start()].strip() and \
                any(s >= m.end() for s, _ in spans):
            cuts.append((m.start(), m.end()))
    if not cuts:
        return None
    bounds = [0, *[x for c in cuts for x in c], len(question)]
    segments = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]
    last_end = spans[-1][1]
    tail = question[last_end:].strip()
    words: list[list[tuple[int, int, str]]] = []
    for a, b in segments:
        own = [(m.start() + a, m.end() + a, fold(m.group(0)).lower())
               for m in _WORD_RE.finditer(question[a:b])]
        own = [w for w in own if w[1] <= last_end or (a, b) != segments[-1]]
        content = [w for w in own if not any(s <= w[0] < e for s, e in spans)
                   and not w[2].isdigit() and w[2] not in NOT_A_THING_WORDS
                   and w[2] not in _GLUE_WORDS]
        if not any(a <= s < b for s, _ in spans) or (not content and (a, b) != segments[0]):
            return None
        words.append(content)
    if not words[0]:
        return None
    first = [w for _, _, w in words[0]]
    first_terms = term_lengths(first, cohesion)
    questions, labels = [], []
    for (a, b), content in zip(segments, words, strict=True):
        end = min(b, last_end) if (a, b) == segments[-1] else b
        part = question[a:end].strip(" ,;")
        label = part
        terms = term_lengths([w for _, _, w in content], cohesion)
        typed = question[content[0][0]:content[-1][1]] if content else ""
        if (a, b) != segments[0] and len(terms) == 1 and len(first_terms) > 1 and \
                not typed.isupper() and not _OWN_HEAD.match(fold(part).lower()):
            head = words[0][:sum(first_terms[:-1])]
            part = f"{question[head[0][0]:head[-1][1]]} {part}"
        year = _year_for(part, question, a)
        if year is not None:
            part = f"{part} năm {year}"
        questions.append(" ".join(f"{part} {tail}".split()))
        labels.append(label)
    return Conjuncts(tuple(questions), tuple(labels))


# The head words an indicator's name opens with in GSO and provincial reports -- a count
# ("số", "số lượng", "lượt"), a total ("tổng"), an amount ("giá trị", "kim ngạch", "doanh
# thu", "vốn", "sản lượng", "lượng"), a rate or index ("tỷ lệ", "chỉ số", "mức") --: a part
# after "và" that opens with one names an indicator of its own ("số dự án cấp mới và tổng
# vốn đăng ký", "doanh thu du lịch và lượt khách quốc tế"), never a second item of the
# first's head ("hàng dệt may và da giày", "xuất khẩu và nhập khẩu": split_conjuncts).  As
# typed, with diacritics: "so với" is no "số" (break-test bt17 of session 39, kind 1).
_INDICATOR_HEAD = re.compile(r"(?:số lượng|số|tổng|giá trị|kim ngạch|doanh thu|vốn|"
                             r"sản lượng|lượng|lượt|tỷ lệ|tỉ lệ|chỉ số|mức)\s", re.IGNORECASE)


def split_indicators(question: str) -> Conjuncts | None:
    """The two indicators of "A và B" where B names an indicator of its own (it opens with
    an indicator head, ``_INDICATOR_HEAD``, typed in lower case: "Sở Tài chính" is a name):
    "Số dự án cấp mới 9 tháng 2026 và tổng vốn đăng ký?" -> "Số dự án cấp mới 9 tháng
    2026?", "tổng vốn đăng ký 9 tháng 2026?" -- each part the periods of the other when it
    names none (the period said once for both).  None with no "và", more than one, a comma
    (a list: split_conjuncts), both parts naming periods (split_paired), an A naming no
    thing but a period, or a "và" inside an official indicator name
    (rag.vi.lexicon.official_name_spans; the seed question "tong muc ban le hang hoa va doanh
    thu dich vu tang bao nhieu phan tram" was split in two: tests/test_speed.py)."""
    folded = fold(question).lower()
    if len(folded) != len(question) or "," in question or ";" in question:
        return None
    joins = list(re.finditer(r"\bva\b", folded))
    if len(joins) != 1:
        return None
    j = joins[0]
    if any(start < j.start() and end > j.end() for start, end in official_name_spans(folded)):
        return None  # one official name joined by "và": "tổng mức bán lẻ hàng hóa và doanh thu"
    b_start = j.end() + (len(question[j.end():]) - len(question[j.end():].lstrip()))
    second = question[b_start:]
    if not _INDICATOR_HEAD.match(second) or not second[:1].islower():
        return None
    periods = _merged(asked_spans(question))
    first_words = [m for m in _WORD_RE.finditer(folded, 0, j.start())
                   if not any(s <= m.start() < e for s, e in periods)
                   and not m.group(0).isdigit() and m.group(0) not in NOT_A_THING_WORDS
                   and m.group(0) not in _GLUE_WORDS]
    if not first_words:
        return None
    a_dates = [question[s:e] for s, e in periods if e <= j.start()]
    b_dates = [question[s:e] for s, e in periods if s >= j.end()]
    if a_dates and b_dates:
        return None  # each its own period: split_paired's
    first = question[:j.start()].strip(" ?.")
    second = second.rstrip(" ?.")
    mark = "?" if question.rstrip().endswith("?") else ""
    a = " ".join([first, *([] if a_dates else b_dates)]) + mark
    b = " ".join([second, *([] if b_dates else a_dates)]) + mark
    def undated(text: str, dates: list[str]) -> str:
        for d in dates:
            text = text.replace(d, " ")
        return _label(" ".join(text.split()))

    return Conjuncts((" ".join(a.split()), " ".join(b.split())),
                     (undated(first, a_dates), undated(second, b_dates)))


_YEAR = re.compile(r"(?<![\d/.,])(?:19|20)\d\d(?![\d/.,]\d)")


# The words of a figure's predicate asked with its own question word -- the result verbs of
# NOT_A_THING_WORDS ("đạt", "tăng", "giảm", "là", "có") and those of a share or a rank as GSO
# reports write them ("chiếm ... %", "bằng ... % so với cùng kỳ", "đứng thứ", "xếp thứ/hạng")
# -- which a clause after "và" or a comma opens with when it asks another measure of the same
# subject: "khách du lịch năm 2023 đạt bao nhiêu và tăng bao nhiêu %", "GRDP 2024 tăng bao
# nhiêu, đứng thứ mấy cả nước" (break-test of session 39: one part answered at 0.92).
_PREDICATE_WORDS = NOT_A_THING_WORDS | frozenset("chiem bang dung xep thu hang uoc khoang "
                                                 "duoc".split())
# a separator between two asking clauses
_CLAUSE_SEPARATOR = re.compile(r"[,;]|\bva\b|\band\b")


def _clause_end(folded: str, after: int) -> int:
    """Where the clause going on at ``after`` of ``folded`` ends: the next clause separator
    (:data:`_CLAUSE_SEPARATOR`), or the question's end."""
    found = _CLAUSE_SEPARATOR.search(folded, after)
    return found.start() if found is not None else len(folded)


def split_clauses(question: str) -> Conjuncts | None:
    """The clauses of a question asking several measures of one subject, each with its own
    question word: "<subject> đạt bao nhiêu và tăng bao nhiêu %" -> "<subject> đạt bao
    nhiêu", "<subject> tăng bao nhiêu %" -- one question per clause, in the order asked, the
    subject (with the periods the first clause names) said again before each later clause.
    A later clause must open with predicate words only (``_PREDICATE_WORDS``: it names no
    subject of its own), as must the first clause's words before its question word; None
    otherwise, or with one question word ("bao nhiêu xe xuất khẩu và bao nhiêu xe nhập
    khẩu" is :func:`split_conjuncts`'s)."""
    folded = fold(question).lower()
    if len(folded) != len(question):
        return None
    asks = list(HOW_MUCH_RE.finditer(folded))
    if len(asks) < 2:
        return None
    words = [(m.start(), m.end(), m.group(0)) for m in _WORD_RE.finditer(folded)]
    periods = _merged(asked_spans(question))

    def dated(at: int) -> bool:
        return any(s <= at < e for s, e in periods)

    def predicate(start: int, ask: int) -> int | None:
        """Where the predicate before the question word at ``ask`` starts (the clause
        opening at ``start``): the run of predicate words ending at it; None for none."""
        run = [w for w in words if start <= w[0] < ask]
        at = None
        for w in reversed(run):
            if w[2] not in _PREDICATE_WORDS or dated(w[0]):
                break
            at = w[0]
        return at

    bounds = [0]
    for a, b in zip(asks, asks[1:], strict=False):
        seps = list(_CLAUSE_SEPARATOR.finditer(folded, a.end(), b.start()))
        if not seps:
            return None
        bounds.append(seps[-1].end())
    first_verb = predicate(0, asks[0].start())
    if first_verb is None:
        return None
    subject_words = [w for w in words if w[0] < first_verb and not dated(w[0])
                     and not w[2].isdigit() and w[2] not in NOT_A_THING_WORDS]
    if not subject_words:
        return None
    subject = question[:first_verb].strip()
    first_end = _clause_end(folded, asks[0].end())
    # the periods the first clause names after its predicate ("đạt bao nhiêu năm 2023")
    later = " ".join(question[s:e] for s, e in periods if first_verb <= s < first_end)
    questions, labels = [], []
    for i, start in enumerate(bounds):
        end = len(question) if i + 1 == len(bounds) else _clause_end(folded, asks[i].end())
        clause = question[start:end].strip(" ,;?.")
        if i == 0:
            questions.append(" ".join(clause.split()))
            labels.append(question[first_verb:end].strip(" ,;?."))
            continue
        verb = predicate(start, asks[i].start())
        if verb is None:
            return None
        own = [(s, e) for s, e in periods if start <= s < end]
        if folded[start:verb].strip():
            # a clause naming its own subject ("xuất khẩu đạt bao nhiêu và nhập khẩu đạt bao
            # nhiêu"): asked as it is, with the first clause's periods when it names none
            dates = " ".join(question[s:e] for s, e in periods if s < first_end)
            said = clause + ("" if own or not dates else f" {dates}")
            questions.append(" ".join(said.split()))
            labels.append(question[start:verb].strip())
            labels[0] = subject  # each clause its own subject: the first is labelled so too
            continue
        said = f"{subject} {clause}" + ("" if own or not later else f" {later}")
        questions.append(" ".join(said.split()))
        labels.append(clause)
    return Conjuncts(tuple(questions), tuple(labels))


def _year_for(part: str, question: str, at: int) -> int | None:
    """The year a part whose periods are written without one ("GRDP quý I" of "GRDP quý I
    và IIP tháng 3 năm 2025") takes from the rest of the question: the nearest year written
    before it, else after it; None when the part writes its own year, a relative time
    ("năm nay"), or the question writes no year."""
    named = {(x.start, x.end) for x in find_mentions(part, 2000) if not x.comparison}
    if find_mentions(part, None) or set(asked_spans(part)) - named or not named:
        return None
    before = [int(m.group(0)) for m in _YEAR.finditer(fold(question[:at]))]
    after = [int(m.group(0)) for m in _YEAR.finditer(fold(question[at + len(part):]))]
    return before[-1] if before else (after[0] if after else None)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans made one."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


def _label(conjunct: str) -> str:
    """A conjunct as its part's label: without the question words it starts with ("bao
    nhiêu xe xuất khẩu" -> "xe xuất khẩu")."""
    m = _ASKING.match(fold(conjunct).lower())
    return conjunct[m.end():].strip() if m else conjunct


def conjoined(question: str, resolved: str, labels: tuple[str, ...],
              answers: tuple[Answer, ...],
              partial: float = AnswerWeights.frame_partial) -> Answer | None:
    """One answer from the answers to the questions of :func:`split_conjuncts`,
    :func:`split_paired` or :func:`split_clauses`: a part for each thing asked
    (``AnswerPart.period`` holds the thing, "than"), its figure cited, those not found named
    in ``missing``; confidence the least of those found (``sure`` false when one is not sure)
    -- and, a part missing, that times ``partial`` (``AnswerWeights.frame_partial``: as sure
    as a figure for part of the asked period) and never sure: the answer is partial, never
    one part given as the whole at high confidence.  A part answered with an earlier part's
    figure from the same passage (its answer holding that figure: "đứng thứ mấy" answered
    with the sentence of the growth rate) has no figure of its own and is missing.  None
    when the split tells nothing the whole question would not: none is found, or every one
    gives the same figure from the same passage ("đạt và vượt" read as two things)."""
    if len(answers) > 1 and all(a.found for a in answers) and all(
            a.answer == answers[0].answer and a.citations[:1] == answers[0].citations[:1]
            for a in answers):
        return None
    kept: list[Answer] = []
    for label, a in zip(labels, answers, strict=True):
        if a.found and any(b.found and b.citations[:1] == a.citations[:1] and b.answer
                           and b.answer in a.answer for b in kept):
            a = replace(a, found=False, answer="", summary=f"Không có số liệu {label}.",
                        citations=(), figure=None)
        kept.append(a)
    answers = tuple(kept)
    pairs = list(zip(labels, answers, strict=True))
    found = [(label, a) for label, a in pairs if a.found]
    if not found:
        return None
    missing = tuple(label for label, a in pairs if not a.found)
    lines = [f"- {label}: {a.summary or a.answer}" for label, a in found]
    if missing:
        lines.append("Các báo cáo không có số liệu " + ", ".join(missing) + ".")
    least = min(found, key=lambda la: la[1].confidence)[1]
    sures = [a.sure for _, a in found]
    sure = False if False in sures else (None if None in sures else True)
    confidence = least.confidence * partial if missing else least.confidence
    if missing:
        sure = False
    exact = all(a.period_match == "exact" for _, a in found) and not missing
    return Answer(
        question=question, resolved_question=resolved,
        answer="; ".join(f"{label}: {a.answer}" for label, a in found), found=True,
        confidence=confidence, sure=sure, summary="\n".join(lines),
        answer_sentence=found[0][1].answer_sentence,
        citations=tuple(dict.fromkeys(c for _, a in found for c in a.citations)),
        related=tuple(dict.fromkeys(p for a in answers for p in a.related)),
        period_match="exact" if exact else "partial",
        parts=tuple(AnswerPart(period=label, answer=a.answer if a.found else "",
                               found=a.found, summary=a.summary or a.answer, figure=a.figure,
                               period_match=a.period_match or "none", citations=a.citations,
                               confidence=round(a.confidence, 4) if a.found else None)
                    for label, a in pairs),
        missing=missing, ocr=any(a.ocr for a in answers))
