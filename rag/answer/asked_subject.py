"""What a statement question names that its answer's sentence must be about: the stage of a
project asked ("giai đoạn 2"), the name after a kind of thing ("Trung tâm logistics Tân
Thanh"), the person asked about ("Ông X là ai?") and the act asked of someone ("Ai cắt băng
khánh thành ...?").

Break-test bt25 (session 52, README "Known limits"; tests/test_asked_subject.py): "Giai đoạn
2 của dự án ... khi nào hoàn thành?" was answered by the sentence of stage 1's inauguration
(0.88); a project whose name the question changed ("Trung tâm logistics Tân Thanh" of a text
about Cao Lộc's, a gate "Tân Thanh" written by other reports) got Cao Lộc's figure (0.73-0.91);
"Ông X là ai?" got a sentence naming X with no role over the one writing X's role beside the
name; "Ai cắt băng khánh thành ...?" got the sentence naming the ceremony, not the one naming
who cut the ribbon.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rag.answer.answerability import _CAN, _CHI, name_runs
from rag.answer.candidates import asks_role
from rag.vi.text import fold

# A project's stage: "giai đoạn 2", "giai đoạn II", "giai đoạn hai" (folded, lower case); a
# span of years ("giai đoạn 2021-2025", "giai đoạn 2021 - 2025") is a period, no stage.
_STAGE_RE = re.compile(r"\bgiai doan\s+(\d{1,2}|[ivx]{1,4}|mot|hai|ba|bon|nam|sau)\b"
                       r"(?!\s*[-–]\s*\d|/\d)")
_STAGE_NUMBER = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6",
                 "vii": "7", "viii": "8", "ix": "9", "x": "10", "mot": "1", "hai": "2",
                 "ba": "3", "bon": "4", "nam": "5", "sau": "6"}


def stages(text: str) -> set[str]:
    """The stages ``text`` writes ("giai đoạn 2", "giai đoạn II", "giai đoạn hai"), as
    numbers ("2"); spans of years ("giai đoạn 2021-2025") are none."""
    out = set()
    for m in _STAGE_RE.finditer(fold(text).lower()):
        n = m.group(1)
        out.add(str(int(n)) if n.isdigit() else _STAGE_NUMBER[n])
    return out


def stage_unmet(question: str, sentence: str, passage: str) -> bool:
    """Whether ``sentence`` (of ``passage``: its title and text) is no answer of the stage
    ``question`` asks: it writes other stages and not the one asked ("khánh thành giai đoạn
    1" for "Giai đoạn 2 ... khi nào hoàn thành?"), or writes none while its passage never
    writes the one asked ("giai đoạn 3" of a text about stages 1 and 2; a whole project's
    investment of a text naming no stage is no stage 2's).  False when the question asks no
    stage or asks several."""
    asked = stages(question)
    if len(asked) != 1:
        return False
    said = stages(sentence)
    if said:
        return not said & asked
    return not stages(passage) & asked


# A kind of thing a name follows ("Trung tâm logistics Cao Lộc", "Nhà máy xi măng Đồng Bành",
# "cửa khẩu Tân Thanh"): the one to three lower-case words right before a run of capitalised
# words, as written.
_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)


@lru_cache(maxsize=256)
def _runs(text: str) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """(the lower-case words right before, the capitalised run) of each run of two or more
    capitalised words of ``text`` past its first word, words as written (cached: a
    document's text is read once for every question answered from it)."""
    words = [(m.group(0), m.start(), m.end()) for m in _WORD_RE.finditer(text)]
    out: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    i = 1
    while i < len(words):
        if not words[i][0][:1].isupper():
            i += 1
            continue
        j = i
        while j + 1 < len(words) and words[j + 1][0][:1].isupper() \
                and text[words[j][2]:words[j + 1][1]] == " ":
            j += 1
        k = i
        while k > 0 and i - k < 3 and words[k - 1][0].islower() \
                and text[words[k - 1][2]:words[k][1]] == " ":
            k -= 1
        if j > i:
            out.append((tuple(w for w, _, _ in words[k:i]),
                        tuple(w for w, _, _ in words[i:j + 1])))
        i = j + 1
    return tuple(out)


# a calendar name typed with or without diacritics (folded): "Tết ...", "Ất Mùi"
_CALENDAR_FOLDED_RE = re.compile(rf"^(?:tet\b|(?:{fold(_CAN)})\s+(?:{fold(_CHI)})$)")


def name_swapped(question: str, text: str) -> str | None:
    """The name of ``question`` that ``text`` (a document's) writes another name in place
    of: the question writes a kind of thing and its name ("Trung tâm logistics Tân Thanh"),
    the text writes that kind with another name ("Trung tâm logistics Cao Lộc") and never
    the name asked, with its diacritics as the question types them ("xã Tân Thành" is no
    "Tân Thanh"; a text or question written without them compares folded).  Names are those
    rag.answer.answerability.name_runs reads, no calendar words however typed ("dịp Tet At
    Mui" of a text writing "dịp Tết Nguyên đán").  None when no such name."""
    plain = fold(question) == question.lower()
    low = text.lower()
    folded = fold(low)
    named = name_runs(question)
    for head, run in _runs(question):
        name = " ".join(run).lower()
        if not head or not any(fold(name) in n for n in named) \
                or _CALENDAR_FOLDED_RE.match(fold(name)):
            continue  # no kind before it, or no name ("dịp Tết Ất Mùi": dev2)
        key = fold(name)
        spans = [m.span() for m in re.finditer(rf"(?<!\w){re.escape(key)}(?!\w)", folded)]
        if len(folded) != len(low) or any(
                plain or low[a:b] in (name, key) for a, b in spans):
            continue  # written as asked, or without diacritics ("Tan Thanh" of a plain text)
        kind = [w.lower() for w in head]
        for other_head, other in _runs(text):
            tail = [w.lower() for w in other_head][-len(kind):]
            if [fold(w) for w in tail] == [fold(w) for w in kind] and \
                    fold(" ".join(other)).lower() != fold(name):
                return " ".join(run)
    return None


def others_named(question: str, sentence: str) -> bool:
    """Whether ``sentence`` writes a run of two or more capitalised words (past its first
    word) holding a word ``question`` does not write, case and diacritics aside: someone or
    something named other than what the question names ("John Elway" asked "Tổng Giám đốc
    của Broncos là ai?")."""
    asked = {fold(w).lower() for w in _WORD_RE.findall(question)}
    return any(any(fold(w).lower() not in asked for w in run) for _, run in _runs(sentence))


# "Ông X là ai?" (folded): the person asked about, named before "là ai"
_WHO_IS_RE = re.compile(r"^\s*(?:(?:ong|ba|anh|chi|dong chi)\s+)?(.+?)\s+la ai\s*\??\s*$")
_HONORIFIC_RE = re.compile(r"^(?:ông|bà|anh|chị|đồng chí)\s+", re.IGNORECASE)


def person_asked(question: str) -> str | None:
    """The name "X là ai?" asks about (as typed, the honorific left out: "Ông Triệu Văn Lâm
    là ai?" -> "Triệu Văn Lâm"): two or more capitalised words, nothing else; None for other
    questions ("Ai là Giám đốc ...?", "Giám đốc Sở ... là ai?")."""
    m = _WHO_IS_RE.match(fold(question).lower())
    if m is None:
        return None
    name = _HONORIFIC_RE.sub("", question[:m.end(1)].strip()).strip()
    words = name.split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return None
    return name


# An apposition right after a name: ", <phrase>," / " - <phrase> -" / " (<phrase>)"; the
# phrase opens with no honorific, "và" or "cùng" (a list of people: "ông X, bà Y và ...")
_APPOSITION_RE = re.compile(r"^\s*(?:,|[-–]|\()\s*(?!(?:ông|bà|anh|chị|và|cùng)\b)"
                            r"([^,;:.()–-]{3,90}?)\s*(?:,|[-–]|\)|\.$)")


def role_beside(name: str, sentence: str) -> bool:
    """Whether ``sentence`` writes a phrase in apposition right after ``name`` ("ông Triệu
    Văn Lâm, Phó Giám đốc Sở Công Thương, ...", "Mã Thị Liên - Trưởng phòng ... -") or a
    capitalised role right before it ("Phó Cục trưởng Cục Hải quan tỉnh Hứa Minh Tuấn"): what
    "X là ai?" asks."""
    at = sentence.find(name)
    if at < 0:
        return False
    if _APPOSITION_RE.match(sentence[at + len(name):]):
        return True
    clause = re.split(r"[,;:.!?()]", sentence[:at])[-1].split()
    return asks_role(" ".join(clause[-8:]))


# Acts a "who" question asks of someone at an event (lower case, as written, longest first):
# "Ai cắt băng khánh thành ...?", "... do ai chủ trì?"
_ACTS = ("cắt băng", "phát biểu", "chủ trì", "ký kết", "ký", "trao tặng", "trao giải",
         "khai mạc", "bế mạc", "bấm nút", "phát lệnh", "chỉ đạo", "trình bày", "công bố",
         "đề nghị", "nhấn mạnh", "chúc mừng")
# ... "ký" neither in "đăng ký", "thư ký" nor "ký hiệu"
_ACT_RE = re.compile(r"(?<!\w)(?<!đăng )(?<!thư )(" + "|".join(re.escape(a) for a in _ACTS)
                     + r")(?!\w)(?! hiệu)")
_WHO_RE = re.compile(r"(?<!\w)ai(?!\w)")


def act_asked(question: str) -> str | None:
    """The act (:data:`_ACTS`) a "who" question asks who did ("Ai cắt băng khánh thành ...?"
    -> "cắt băng"), the first written; None when the question asks no "ai" or names no act."""
    low = question.lower()
    if not _WHO_RE.search(low):
        return None
    m = _ACT_RE.search(low)
    return m.group(1) if m else None


def act_said(act: str, sentence: str) -> bool:
    """Whether ``sentence`` writes the act ``act`` (:func:`act_asked`)."""
    return any(m.group(1).startswith(act) or act.startswith(m.group(1))
               for m in _ACT_RE.finditer(sentence.lower()))


# The words naming a place or body a name follows (lower case): "huyện Chi Lăng", "xã Tân
# Thành", "cửa khẩu Tân Thanh"
_PLACE_BEFORE_RE = re.compile(r"(?<!\w)(?:huyện|tỉnh|xã|phường|quận|thị trấn|thị xã|thành phố|"
                              r"thôn|bản|cửa khẩu|sông|núi|đèo|khu|cụm|ubnd|hđnd)\s+$")


def place_name(sentence: str, start: int, name: str) -> bool:
    """Whether the ``name`` starting at ``start`` of ``sentence`` follows a word naming a
    place or body ("Phó Chủ tịch UBND huyện Chi Lăng") and is of two words at most: a place,
    no person a "who" question asks (break-test bt25: "Ai phát biểu chúc mừng ...?" answered
    "Chi Lăng"; tests/test_asked_subject.py).  A person's name of three words may follow the
    body it heads ("Phó Chủ tịch UBND tỉnh Hoàng Văn Tùng": tests/test_role_rank.py)."""
    return len(name.split()) <= 2 and _PLACE_BEFORE_RE.search(
        sentence[max(0, start - 20):start].lower()) is not None
