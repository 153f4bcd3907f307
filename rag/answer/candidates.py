"""Candidate values in a sentence: amounts, counts, percentages, dates, decision numbers,
ratios and names, each with the unit phrase written after it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag.answer.extremes import end_items, stated_extreme
from rag.answer.intent import Intent
from rag.answer.weights import AnswerWeights
from rag.vi.lexicon import ABBREVIATIONS, FAMILY_NAMES, UNIT_STOP
from rag.vi.numbers import designation
from rag.vi.text import fold

_NUM = r"\d+(?:[.,]\d+)*"
_VALUE_RE = re.compile(
    r"(?P<decision>\d+(?:/\d{4})?/[A-ZĐ][A-Za-zĐđ]{0,4}(?:-[A-ZĐ][\wĐđ]*)+)"
    r"|(?P<date>(?<![\d/])\d{1,2}/\d{1,2}(?:/(?:19|20)\d\d)?(?![\d/]))"
    r"|(?P<ratio>(?<![\d/])\d+/\d+(?![\d/]))"
    r"|(?P<num>" + _NUM + r"(?:\s*[-–]\s*" + _NUM + r")?)(?P<pct>\s?%)?"
)
_MAGNITUDE = {"nghin", "ngan", "trieu", "ty", "ti"}
# Characters read on each side of a number to find the word next to it ("tháng 6", "6 tháng").
_NEIGHBOUR_CHARS = 12
WORD_SPAN_RE = re.compile(r"[^\W\d_]+", re.UNICODE)
# A word of a role or a title, whole ("công nghiệp" holds no "ông": break-test bt20a, a place
# after "Cụm công nghiệp" taken for a person's name)
# -- and the titles of teachers, doctors and scholars, and "em" of a pupil ("Theo thầy Dương
# Quốc Khánh, Hiệu trưởng nhà trường", "tiến sĩ Phùng Thanh Sơn", "Em Lý Thu Trang"; break-test
# bt22c: "Hiệu trưởng ... là ai?" found no name) -- and the "Chánh" of an office ("Chánh
# Thanh tra tỉnh Hoàng Văn Nam": break-test bt26 b070)
_ROLE_RE = re.compile(r"(?<!\w)(?:ông|bà|giám đốc|thủ tướng|chủ tịch|bí thư|"
                      r"chánh (?:văn phòng|thanh tra|án)|"
                      r"(?:hiệu |viện |cục |vụ |bộ |thứ |chi cục )?trưởng|phó|thầy|cô giáo|"
                      r"tiến sĩ|thạc sĩ|bác sĩ|giáo sư|kỹ sư|nhà nghiên cứu|em)\b",
                      re.IGNORECASE)
# the titles written before a person's name ("Ông", "Bà" opening a sentence; folded)
_HONORIFICS = frozenset({"ong", "ba", "anh", "chi", "dong chi", "em", "thay",
                         "ts", "pgs", "gs", "ths", "bs", "pgs.ts", "gs.ts"})
_ORG_WORDS = {"so", "ban", "bo", "cuc", "cong", "hoi", "uy", "ubnd", "tinh", "khu", "cum",
              "chinh", "thu", "pho", "nha", "trung", "hiep", "doanh", "tong", "quyet"}
# an office's title opening a capitalised run (as written, lower case: "trưởng" is no family
# name "Trương"): "Chánh Văn phòng", "Chánh Thanh tra", "Trưởng Ban Dân tộc", "Giám Đốc" -- an
# office, no name, unless a person's name ends the run (break-test bt26 b070: "Bà Lương Thị Mai,
# Chánh Văn phòng UBND tỉnh chủ trì ..." answered "Chánh Văn" at 0.94;
# tests/test_name_not_role_title.py)
_TITLE_HEAD_RE = re.compile(r"(?:chánh|trưởng|phó|giám đốc|chủ tịch|bí thư|tổng giám đốc|"
                            r"(?:hiệu|viện|cục|vụ|bộ|thứ|chi cục) trưởng)(?!\w)")
_LIST_GAP_RE = re.compile(r"\s*(?:,|và|,\s*và)\s*")


@dataclass(frozen=True)
class Candidate:
    """A value found in a sentence: ``text`` as written (with its unit phrase) at
    ``[start, end)`` of the sentence."""

    kind: str  # amount, count, percent, date, decision, ratio, name, entity
    text: str  # as written in the source
    start: int  # offsets in the sentence
    end: int
    unit: str  # folded unit words after the number


def capitalised_runs(text: str, min_words: int = 2) -> list[tuple[int, int]]:
    """(start, end) spans of at least ``min_words`` consecutive capitalised words ("Hồ Đức
    Phớc", "Bản Nhùng")."""
    runs: list[tuple[int, int]] = []
    cur: list[tuple[int, int]] = []
    for m in WORD_SPAN_RE.finditer(text):
        word = m.group(0)
        # an initial with its dot joins a name ("Rajendra K. Pachauri", "James O. McKinsey":
        # XQuAD-vi dev), a capital letter alone then ". " then a capitalised word
        gap = text[cur[-1][1]:m.start()] if cur else ""
        joined = bool(cur) and (gap == " " or (
            gap == ". " and cur[-1][1] - cur[-1][0] == 1 and len(cur) > 1))
        if word[0].isupper() and (not cur or joined):
            cur.append((m.start(), m.end()))
            continue
        if len(cur) >= min_words:
            runs.append((cur[0][0], cur[-1][1]))
        cur = [(m.start(), m.end())] if word[0].isupper() else []
    if len(cur) >= min_words:
        runs.append((cur[0][0], cur[-1][1]))
    return runs


def _unit_words(after: str, max_words: int) -> tuple[str, int]:
    """Unit phrase right after a number: up to ``max_words`` words (one more with a magnitude
    word), to punctuation or a UNIT_STOP word; and its length in characters."""
    words: list[str] = []
    pos = 0
    for m in re.finditer(r"\S+", after):
        raw = m.group(0)
        core = raw.rstrip(".,;:)")
        if m.start() > pos + 1 or not core or raw[0] in "([“\"" or core.lower() in UNIT_STOP:
            break
        if not words and core[0].isdigit():
            break
        words.append(core)
        pos = m.start() + len(core)
        if core != raw or len(words) >= max_words + any(fold(w) in _MAGNITUDE for w in words):
            break
    return " ".join(words), pos


def candidates(sentence: str, weights: AnswerWeights = AnswerWeights()) -> list[Candidate]:
    """Every value of ``sentence``, in order: decision numbers, dates, ratios ("12/13 sản
    phẩm", "thứ 3/63"), percentages, amounts (with a magnitude or currency), counts; then
    names: runs of two to ``weights.max_name_words`` capitalised words next to a role word.
    Years, periods and date parts are not values."""
    out: list[Candidate] = []
    max_unit = weights.max_unit_words
    for m in _VALUE_RE.finditer(sentence):
        s, e = m.start(), m.end()
        before = fold(sentence[max(0, s - _NEIGHBOUR_CHARS):s]).split()
        prev = before[-1] if before else ""
        if m.group("decision"):
            out.append(Candidate("decision", m.group(0), s, e, ""))
        elif m.group("date"):
            day, month = (int(x) for x in m.group("date").split("/")[:2])
            if prev == "thu" or not (1 <= day <= 31 and 1 <= month <= 12):
                unit, n = _unit_words(sentence[e:], max_unit)
                out.append(Candidate("ratio", (m.group(0) + " " + unit).strip(), s,
                                     e + n if unit else e, fold(unit)))
            else:
                # "từ ngày 8/1": a date is shown with its "ngày" as written, as a value with its
                # unit, so "ngày nào?" is answered "ngày 8/1"
                day_word = re.search(r"\bngày\s+$", sentence[max(0, s - 8):s], re.IGNORECASE)
                s0 = s - len(day_word.group(0)) if day_word else s
                out.append(Candidate("date", sentence[s0:e], s0, e, ""))
        elif m.group("ratio"):
            unit, n = _unit_words(sentence[e:], max_unit)
            out.append(Candidate("ratio", (m.group(0) + " " + unit).strip(), s,
                                 e + n if unit else e, fold(unit)))
        elif m.group("pct"):
            out.append(Candidate("percent", m.group(0), s, e, "%"))
        else:
            num = m.group("num")
            after = fold(sentence[e:e + _NEIGHBOUR_CHARS]).split()
            nxt = after[0] if after else ""
            if re.fullmatch(r"(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?", num) \
                    or prev in ("thang", "quy", "nam", "ngay") \
                    or nxt in ("thang", "quy") or prev.endswith("/"):
                continue  # a year, a period or a date part, not a figure
            if not m.group("pct") and designation(sentence, s, e):
                continue  # "5G", "phiên bản 4.0", "3.0 Tesla": a name, not a figure
            unit, n = _unit_words(sentence[e:], max_unit)
            kind = "amount" if any(w in _MAGNITUDE or w in ("usd", "dong", "%")
                                   for w in fold(unit).split()) else "count"
            out.append(Candidate(kind, (num + " " + unit).strip(), s, e + n if unit else e,
                                 fold(unit)))
    for s, e in capitalised_runs(sentence):
        words = sentence[s:e].split()
        if len(words) > 2 and fold(words[0]).lower() in _HONORIFICS:
            # "Ông Vi Văn Dũng, Chủ tịch ..." opening a sentence: the title is no part of
            # the name (the answer is "Vi Văn Dũng", as after a lower-case "ông")
            s = sentence.index(words[1], s + len(words[0]))
            words = words[1:]
        name_start: int | None = s
        if fold(words[0]) in _ORG_WORDS or len(words) > weights.max_name_words or \
                _TITLE_HEAD_RE.match(sentence[s:e].lower()):
            name_start = trailing_person(sentence, s, e, weights.max_name_words)
        if name_start is None:
            continue
        # the role after the name, or after its "là"/"làm" ("Hoesung Lee là chủ tịch của
        # IPCC", "bổ nhiệm Robert Kintner làm chủ tịch": XQuAD-vi dev)
        if _ROLE_RE.search(sentence[max(0, s - weights.role_before_chars):s]) or \
                _ROLE_RE.match(_ROLE_VERB_RE.sub("", sentence[e:e + weights.role_after_chars]
                                                 .lstrip(", "), count=1)):
            out.append(Candidate("name", sentence[name_start:e], name_start, e, ""))
    return out


def trailing_person(sentence: str, start: int, end: int, max_words: int) -> int | None:
    """Where a person's name starts at the end of the capitalised run ``sentence[start:end]``
    that begins with an office or is too long for a name ("Sở Hoàng Minh Khuê", "Lạng Sơn Vi
    Văn Đức" after "Giám đốc", "Chủ tịch UBND tỉnh"): the longest tail of three to
    ``max_words`` words that starts with a family name (rag.vi.lexicon.FAMILY_NAMES) and
    leaves at least one word before it; None when there is none.  Three words at least, so
    a province ("Sở Công Thương Cao Bằng") is no name (break-test bt20a)."""
    words = [(m.start(), m.group(0)) for m in WORD_SPAN_RE.finditer(sentence, start, end)]
    for k in range(min(max_words, len(words) - 1), 2, -1):
        if words[-k][1].lower() in FAMILY_NAMES:
            return words[-k][0]
    return None


# a deputy asked (folded): "phó đoàn", "phó ban", "phó trưởng đoàn" -> the role's word
_DEPUTY_ASKED_RE = re.compile(r"\bpho\s+(?:truong\s+)?(\w+)")
# "là", "làm" between a name and its role (as written, lower case)
_ROLE_VERBS = ("là", "làm", "được bầu làm", "giữ chức")
_ROLE_VERB_RE = re.compile(r"^(?:" + "|".join(_ROLE_VERBS) + r")\s+")
# ... and folded, for the role read off folded text (:func:`_said_role`)
_ROLE_VERB_FOLDED_RE = re.compile(r"^(?:" + "|".join(fold(v) for v in _ROLE_VERBS) + r")\s+")


# A role a name holds, with its rank (folded, lower case): "phó giám đốc", "nguyên chủ tịch",
# "quyền cục trưởng" -- the deputy, the former or the acting holder is not the one "Ai là Giám
# đốc Sở ...?" asks, nor a director "Ai là Phó Giám đốc ...?" (break-tests bt19a, bt19b: "Ai là
# Giám đốc Sở Tài chính / Sở Du lịch Cao Bằng?" answered at up to 0.99 by a "Phó Giám đốc Sở
# ..." named in the reports; tests/test_role_rank.py).  The longer nouns first ("tổng giám
# đốc" is no "giám đốc").
_RANKED_ROLE_RE = re.compile(
    r"\b(?:(pho|nguyen|quyen)\s+)?(tong giam doc|giam doc|chu tich|bi thu|chanh van phong"
    r"|truong ban|truong phong|cuc truong|chi cuc truong|bo truong|thu truong|tong cuc truong"
    r"|vu truong|chanh an|vien truong|hieu truong)\b")


def asks_role(question: str) -> bool:
    """Whether ``question`` names a ranked role (:data:`_RANKED_ROLE_RE`: "Giám đốc", "Phó Chủ
    tịch", "Cục trưởng")."""
    return _RANKED_ROLE_RE.search(fold(question).lower()) is not None


def role_named_beside(question: str, sentence: str, cand: Candidate,
                      weights: AnswerWeights) -> bool:
    """Whether the sentence writes beside the name ``cand`` (as :func:`role_said_fits` reads
    it) a role the ``question`` asks, at the rank asked and of no other body: "thầy Dương
    Quốc Khánh, Hiệu trưởng nhà trường" for "Hiệu trưởng ... là ai?".  False when the
    question asks no role or the sentence writes none beside the name."""
    folded_q = fold(question).lower()
    return any(_role_asked(folded_q, *said) for said in _roles_said(sentence, cand, weights))


# The role a clause equates with the name after it, folded: "Trưởng ban tổ chức năm 2024 là
# ông Vì Văn Thắng, phó chủ tịch huyện" -- the role the subject names, then "là"/"làm" (and a
# title) right before the name, no comma between; the appositive after the name is a second
# role the person holds (break-test bt24b: "Ai là trưởng ban tổ chức ... năm 2024?" refused
# at 1.0 because ", phó chủ tịch huyện" was read as the only role).
_EQUATED_ROLE_RE = re.compile(
    _RANKED_ROLE_RE.pattern + r"[^,;:.()]*?\s(?:la|lam|duoc bau lam|giu chuc)\s+"
    r"(?:(?:" + "|".join(re.escape(h) for h in sorted(_HONORIFICS, key=len, reverse=True))
    + r"|tien si|bac si|giao su)\s+)?$")


def _roles_said(sentence: str, cand: Candidate, weights: AnswerWeights
                ) -> list[tuple[re.Match[str], list[tuple[str, bool]]]]:
    """The ranked roles the sentence gives the name ``cand``, each with the words of its body
    (:func:`_body_words`): the one beside it (:func:`_said_role`) and the one its clause
    equates with it ("<role> ... là ông <name>", :data:`_EQUATED_ROLE_RE`; its body the
    clause's words after the role), those written."""
    clause = re.split(r"[.;:!?]", sentence[:cand.start])[-1]
    said = _said_role(sentence, cand, weights)
    out = [said] if said is not None else []
    equated = _EQUATED_ROLE_RE.search(fold(clause).lower())
    if equated is not None:  # fold keeps a composed text's length: offsets hold
        out.append((equated, _body_words(clause[equated.end(2):])))
    return out


def _role_asked(folded_q: str, said: re.Match[str], body: list[tuple[str, bool]]) -> bool:
    """Whether the ranked role ``said`` (:data:`_RANKED_ROLE_RE`, of a sentence) with the
    ``body`` written after it (:func:`_body_words`) is one the question (``folded_q``,
    folded, lower case) asks: the same role at the same rank, of a body no other than the
    one asked after it (:func:`_other_body`)."""
    rank = (said.group(1) or "", said.group(2))
    return any((m.group(1) or "", m.group(2)) == rank
               and not _other_body(_asked_body(folded_q, m.end()), body)
               for m in _RANKED_ROLE_RE.finditer(folded_q))


def _said_role(sentence: str, cand: Candidate, weights: AnswerWeights
               ) -> tuple[re.Match[str], list[tuple[str, bool]]] | None:
    """The ranked role (:data:`_RANKED_ROLE_RE`, matched in folded text) written right after
    the name ``cand`` or, failing that, ending right before it, with the words of its body
    (:func:`_body_words`: after the role, up to punctuation, or up to the name before it);
    or None."""
    start = cand.end
    raw = sentence[start:start + 3 * weights.role_after_chars]
    after = fold(raw).lower()
    stripped = after.lstrip(" ,(-\u2013")
    read = _ROLE_VERB_FOLDED_RE.sub("", stripped)
    said = _RANKED_ROLE_RE.match(read)
    if said is not None:
        # fold keeps a composed text's length: the body is read as written from there
        at = start + len(after) - len(read) + said.end()
        body = sentence[at:] if len(after) == len(raw) else ""
        return said, _body_words(body)
    # the role ends at most three words before the name, or its body's capitalised words
    # stand between ("Phó Cục trưởng Cục Hải quan tỉnh Hứa Minh Tuấn": break-test bt25, "Ai
    # là Cục trưởng ...?" answered by the deputy at 1.0; tests/test_asked_subject.py)
    lo = max(0, cand.start - 4 * weights.role_before_chars)
    before = fold(sentence[lo:cand.start])
    ends = [m for m in _RANKED_ROLE_RE.finditer(before.lower())
            if (not before[m.end():].strip(" ,").split()[3:]
                and m.start() >= cand.start - lo - 2 * weights.role_before_chars)
            or _body_between(sentence[lo + m.end():cand.start])]
    if not ends:
        return None
    body = sentence[lo + ends[-1].end():cand.start] \
        if len(before) == cand.start - lo else ""
    return ends[-1], _body_words(body)


# the lower-case words a body's name holds between its capitalised ones ("Sở Kế hoạch và Đầu
# tư tỉnh", "Cục Hải quan tỉnh Lạng Sơn")
_BODY_SMALL = frozenset({"và", "tỉnh", "huyện", "thành", "phố", "thị", "xã", "phường", "quận",
                         "hoạch", "tư", "nghiệp", "thương", "mại", "phát", "triển", "nông",
                         "thôn", "quan", "tế"})


def _body_between(text: str) -> bool:
    """Whether ``text``, written between a role and a name, is only its body's name: two to
    nine words, the first capitalised, the others capitalised or :data:`_BODY_SMALL`, no
    punctuation ("Cục Hải quan tỉnh", "Sở Kế hoạch và Đầu tư")."""
    words = text.split()
    return 2 <= len(words) <= 9 and not re.search(r"[,;:.()\[\]\"“”]", text) \
        and words[0][:1].isupper() \
        and all(w[:1].isupper() or w in _BODY_SMALL for w in words[1:])


# The body a role is of: the words after it ("Giám đốc Sở Tài chính", "Chủ tịch của IPCC"), up
# to punctuation; "của" before them is no part of it.  A question's body ends at its asking
# words, a period or a number ("Giám đốc Sở Công Thương năm 2083 là ai?"; folded) -- not at
# a folded word a body's name holds as often ("từ" is "Đầu tư", "quý" "Quy hoạch")
_BODY_END_RE = re.compile(r"[,;:.()\[\]\n?!\"“”]")
_BODY_LEAD = frozenset({"cua"})
_ASKED_BODY_END = frozenset("la ai nam thang ngay hien nay luc khi vao trong duoc da dang se "
                            "gi nao ten".split())


def _body_words(text: str) -> list[tuple[str, bool]]:
    """(folded word, whether written capitalised) of the body ``text`` begins with, up to
    punctuation: each abbreviation of rag.vi.lexicon.ABBREVIATIONS read out as a question's
    is ("UBND" -> "ủy ban nhân dân"), capitalised as the abbreviation is written."""
    m = _BODY_END_RE.search(text)
    out: list[tuple[str, bool]] = []
    for w in WORD_SPAN_RE.findall(text[:m.start()] if m else text):
        folded = fold(w)
        spelled = ABBREVIATIONS.get(folded)
        out += [(fold(x), w[0].isupper()) for x in spelled.split()] if spelled \
            else [(folded, w[0].isupper())]
    while out and out[0][0] in _BODY_LEAD:
        out = out[1:]
    return out


def _asked_body(folded_q: str, at: int) -> list[str]:
    """The folded words of the body a question asks the role ending at ``at`` of: those after
    it (:func:`_body_words`) up to an asking word, a period word or a number."""
    out: list[str] = []
    for word, _ in _body_words(re.split(r"\d", folded_q[at:], maxsplit=1)[0]):
        if word in _ASKED_BODY_END or _RANKED_ROLE_RE.fullmatch(word):
            break
        out.append(word)
    return out


def _initials(words: list[str]) -> str:
    """The initials of folded ``words`` ("tai chinh" -> "tc")."""
    return "".join(w[0] for w in words)


def _other_body(asked: list[str], said: list[tuple[str, bool]]) -> bool:
    """Whether the body ``said`` after a role (:func:`_body_words`) names another body than the
    one ``asked`` (:func:`_asked_body`): both begin alike ("Sở", "Chi cục", "UBND huyện") and
    then each names its own -- the first word where they part is, on neither side, a word of
    the other's rest, nor the initials of its words ("Sở TC" is "Sở Tài chính"), and the
    sentence writes it capitalised, a name ("Sở Công Thương" is no "Sở Tài chính"; "Giám đốc
    Sở cho biết", "Hiệu trưởng nhà trường" name none; session 51, tests/test_role_body.py).
    The place after a body's name may be written or not ("Sở Tài chính Lạng Sơn")."""
    # "và" joins a body's words ("Kế hoạch và Đầu tư") and no abbreviation writes it ("KH&ĐT")
    asked = [w for w in asked if w != "va"]
    said = [(w, cap) for w, cap in said if w != "va"]
    words = [w for w, _ in said]
    k = 0
    while k < min(len(asked), len(words)) and asked[k] == words[k]:
        k += 1
    rest_a, rest_s = asked[k:], words[k:]
    if k == 0 or not rest_a or not rest_s or not said[k][1]:
        return False
    if rest_a[0] in rest_s or rest_s[0] in rest_a:
        return False
    spelled = {"".join(side[:j]) for side in (rest_a, rest_s) for j in (1, 2)}
    return not any(_initials(side[:j]) in spelled for side in (rest_a, rest_s)
                   for j in range(2, len(side) + 1))


def role_said_fits(question: str, sentence: str, cand: Candidate,
                   weights: AnswerWeights) -> bool:
    """Whether the name ``cand`` of ``sentence`` holds the role the ``question`` asks, as far
    as the sentence says: the role written right after the name (", Phó Giám đốc Sở ...")
    or right before it (``weights.role_before_chars`` / ``role_after_chars`` widened to a
    clause) must be one the question asks with the same rank (:data:`_RANKED_ROLE_RE`: "phó",
    "nguyên", "quyền" or none), of no other body than the one asked after it
    (:func:`_other_body`: "Giám đốc Sở Tài chính" is no "Giám đốc Sở Công Thương").  True when
    the question asks no role or the sentence writes none beside the name."""
    folded_q = fold(question).lower()
    if not _RANKED_ROLE_RE.search(folded_q):
        # a deputy asked by a role the table above does not list ("phó đoàn khai quật", "phó
        # ban"): a name whose role beside it is a head's ("Trưởng đoàn khai quật là tiến sĩ
        # X", "X làm trưởng ban") is not the deputy (break-test bt22c, changed questions
        # answered at 0.94-1.0)
        deputy = _DEPUTY_ASKED_RE.search(folded_q)
        if deputy is None:
            return True
        near = fold(sentence[max(0, cand.start - 2 * weights.role_before_chars):
                             cand.end + 3 * weights.role_after_chars]).lower()
        return not (re.search(rf"\btruong\s+{deputy.group(1)}\b", near)
                    and not re.search(r"\bpho\b", near))
    said = _roles_said(sentence, cand, weights)
    return not said or any(_role_asked(folded_q, *r) for r in said)


# The holder a name replaced: "X được bầu làm Chủ tịch ..., thay ông Y nghỉ hưu", "kế nhiệm
# bà Y" (folded, lower case, right before the name); and the question words asking that former
# holder ("ai được thay", "người tiền nhiệm", "trước đó").
_REPLACED_BEFORE_RE = re.compile(r"\b(?:thay|thay the|thay cho|ke nhiem)\s+"
                                 r"(?:(?:ong|ba|anh|chi)\s+)?$")
_FORMER_ASKED_RE = re.compile(r"\b(?:thay|tien nhiem|truoc do|truoc day|nghi huu|cu|nguyen)\b")


def replaced_holder(question: str, sentence: str, cand: Candidate) -> bool:
    """Whether the name ``cand`` is written as the one replaced ("..., thay ông Chu Văn Tiệp
    nghỉ hưu", "kế nhiệm bà ...") while the ``question`` asks who holds a role
    (:data:`_RANKED_ROLE_RE`) and not the former holder ("thay", "tiền nhiệm", "nguyên" ...):
    that name is no answer.  Break-test bt20b: "Ai trở thành Chủ tịch HĐQT ... năm 2065?"
    answered by the man who retired."""
    folded_q = fold(question).lower()
    if not _RANKED_ROLE_RE.search(folded_q) or _FORMER_ASKED_RE.search(folded_q):
        return False
    before = fold(sentence[max(0, cand.start - 20):cand.start]).lower()
    return bool(_REPLACED_BEFORE_RE.search(before))


# A year asked ("năm nào", "vào năm nào"; folded): answered by a year the sentence writes,
# never by a name the question's words stand before (break-test bt20b: "... nhận Giải thưởng
# Hồ Chí Minh năm nào?" answered "Giải thưởng Tạ Quang Bửu").
YEAR_ASKED_RE = re.compile(r"\bnam nao\b")
_YEAR_SPAN_RE = re.compile(r"(?:\b[Nn]ăm\s+)?(?<![\d/–-])(?:1\d|20)\d\d"
                           r"(?!\d|/|,\d|\.\d|\s*[-–]\s*\d)")


def year_spans(sentence: str) -> list[Candidate]:
    """The years ``sentence`` writes ("năm 2067", "2067"), each as an entity with its "năm"
    when written, in order: the values of a "năm nào?" question.  A span of years
    ("1998-2002") is no year (XQuAD-vi: "... vào năm nào?" answered by a range's start)."""
    return [Candidate("entity", m.group(0), m.start(), m.end(), "")
            for m in _YEAR_SPAN_RE.finditer(sentence)]


def entity_spans(intent: Intent, sentence: str, weights: AnswerWeights) -> list[Candidate]:
    """For "which X" questions: the names that follow X in the sentence ("cụm công nghiệp
    Tân Văn và cụm công nghiệp Minh Sơn"), joined when they are listed together.  When the
    question asks an end of a ranking (``intent.extreme``: "nhiều ... nhất", "thấp nhất"),
    only the names whose segment states that end (rag.answer.extremes.stated_extreme), else
    those that state no end: never the other end's."""
    heads = {t for t in intent.terms if not t.isdigit()}
    spans: list[tuple[int, int]] = []
    words = [(m.start(), m.end(), fold(m.group(0))) for m in WORD_SPAN_RE.finditer(sentence)]
    for s, e in capitalised_runs(sentence, min_words=1):
        run = [w for w in words if s <= w[0] < e]
        if all(w[2] in heads for w in run) or sentence[s:e].isupper() and len(run) == 1:
            continue  # the head noun itself ("Khu"), or an acronym alone
        k = words.index(run[0])
        # "Huyện Khau Vai dẫn đầu ...": the head noun capitalised at the sentence's start is
        # in the run itself (break-test bt21-b17 failure 8)
        taken = next((i for i, w in enumerate(run) if w[2] not in heads), len(run))
        start = s
        # back over the head words before the name, not across punctuation ("... sản phẩm
        # OCOP; huyện Nà Sầm" is "huyện Nà Sầm")
        # nor over a linking word ("công bố trên tạp chí Nature": the head is "tạp chí";
        # break-test bt20b)
        # -- nor, from a capitalised head word stepped onto, to a lower-case word that no
        # capitalised one precedes: the name written in sentence case begins there ("khai
        # trương Trung tâm Tim mạch" asked "trung tâm nào" is no "khai trương ..."; "Công ty
        # Vắc xin Hạ Long" is one name)
        stepped = agent = False
        while k > 0 and taken < weights.entity_head_words and words[k - 1][2] in heads \
                and not sentence[words[k - 1][1]:words[k][0]].strip() \
                and sentence[words[k - 1][0]:words[k - 1][1]].lower() not in UNIT_STOP \
                and not (stepped and sentence[words[k][0]].isupper()
                         and not sentence[words[k - 1][0]].isupper()
                         and not (k > 1 and sentence[words[k - 2][0]].isupper())):
            if words[k - 1][2] in _AGENT_LINKS:
                # "do Nhật Bản tài trợ" asked "do nước nào tài trợ?": the name after "do" is
                # the agent asked, "do" no part of it
                agent = True
                break
            k -= 1
            taken += 1
            start = words[k][0]
            stepped = True
        if spans and s < spans[-1][1]:
            continue  # read into the span before (the second part of a name)
        if taken or agent:
            end = sentence_case_end(sentence, e) if start < s and sentence[start].isupper() \
                else compound_end(sentence, s, e)
            spans.append((start, numbered_end(sentence, end)))
        elif spans and len(run) > 1 and _LIST_GAP_RE.fullmatch(sentence[spans[-1][1]:s]) \
                and fold(sentence[s:e].split()[0]) not in _ORG_WORDS \
                and not _ROLE_RE.match(sentence[s:e]):
            # "tại huyện Bình Gia, Bắc Sơn và Văn Quan": the names listed after the head
            # noun's one share it (break-test bt20a: "kiểm tra ở huyện nào?" answered by
            # the first of two)
            spans.append((s, numbered_end(sentence, compound_end(sentence, s, e))))
    if not spans:
        # "mặt hàng có kim ngạch lớn nhất là hạt điều": an item in lower case, named as the
        # end of the ranking asked
        return [Candidate("entity", sentence[s:e], s, e, "")
                for s, e in end_items(sentence, intent.extreme, _asked_kind(intent))] \
            if intent.extreme and intent.runs else []
    merged = [spans[0]]
    for s, e in spans[1:]:
        gap = sentence[merged[-1][1]:s]
        if _LIST_GAP_RE.fullmatch(gap):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    if intent.extreme is not None:
        # "huyện nào có nhiều ... nhất?": the names the sentence states as that end of the
        # ranking ("dẫn đầu", "cao nhất là ..."), never those it states as the other end
        folded = fold(sentence)
        ends = [stated_extreme(folded, s, e) for s, e in merged]
        merged = ([span for span, end in zip(merged, ends, strict=True) if end == intent.extreme]
                  if intent.extreme in ends else
                  (end_items(sentence, intent.extreme, _asked_kind(intent)) if intent.runs
                   else [])
                  or [span for span, end in zip(merged, ends, strict=True) if end is None])
    return [Candidate("entity", sentence[s:e], s, e, "") for s, e in merged]


# the words linking a deed to who did it (folded): "do tập đoàn X quản lý", "bởi Công ty Y" --
# no head word of the name after them, however the question writes them ("thuộc" is not one:
# "khu vực thuộc địa Virginia")
_AGENT_LINKS = frozenset({"do", "boi"})
# words that end no name (folded): prepositions, conjunctions, adverbs and aspect words -- "Đại
# học Durham vào năm 1832" (XQuAD-vi dev)
_FUNCTION_WORDS = frozenset(
    "vao ra len xuong khi ma thi nen cung deu se dang van roi bi qua cho o de nay do sau truoc "
    "nhu hay hoac thuoc tu luc nam tai cua va voi la duoc da co ve tren theo den trong ngoai "
    "giua bang boi vi neu con lai chi moi nhat rat".split())
_COMPOUND_TAIL_RE = re.compile(r" ([^\W\d_]+) ")


def compound_end(sentence: str, start: int, end: int) -> int:
    """The end of the name whose capitalised run is ``sentence[start:end]``: a run of one word
    followed by one lower-case word and a run of two or more capitalised words is one name
    written with only its compounds' first syllables capitalised ("Đại học Nông nghiệp Quảng
    Tây", "Học viện Kỹ thuật Quân Khu Hai"), so the end is that second run's; else ``end``.
    The lower-case word is no linking word (rag.vi.lexicon.UNIT_STOP: "của", "và", "tại" ...).
    Break-test bt20b: "... với trường đại học nào của Trung Quốc?" answered "Đại học Nông"."""
    if len(sentence[start:end].split()) != 1:
        return end
    m = _COMPOUND_TAIL_RE.match(sentence, end)
    if m is None or not m.group(1).islower() or m.group(1) in UNIT_STOP:
        return end
    nxt = next((r for r in capitalised_runs(sentence[m.end():], min_words=2) if r[0] == 0), None)
    return m.end() + nxt[1] if nxt else end


def sentence_case_end(sentence: str, end: int) -> int:
    """The end of a name whose head is written capitalised and whose run of capitalised words
    ends at ``end``, going on in sentence case -- each compound's first syllable capitalised,
    its second not (Vietnamese orthography for the names of bodies: "Công ty Cổ phần Du lịch
    Đông Bắc", "Trung tâm Tim mạch"): over each lower-case word followed by a capitalised
    run, and over one last lower-case word after a one-word run when a linking word
    (rag.vi.lexicon.UNIT_STOP), punctuation or the sentence's end follows it.  Break-test
    bt22c: "công ty nào đầu tư?" answered "treo do Công ty Cổ", "trung tâm nào" "khai trương
    Trung tâm Tim", at 1.0.  Only for a name whose head is capitalised: "Pháp thua Đức" is
    no name."""
    while True:
        m = _COMPOUND_TAIL_RE.match(sentence, end)
        if m is None or not m.group(1).islower() or m.group(1) in UNIT_STOP:
            break
        nxt = next((r for r in capitalised_runs(sentence[m.end():], min_words=1)
                    if r[0] == 0), None)
        if nxt is None:
            break
        end = m.end() + nxt[1]
    last = sentence[:end].split()[-1:] if end else []
    tail = re.match(r" ([^\W\d_]+)(?=$|[^\w\s]| (\w+))", sentence[end:])
    if last and len(last) == 1 and tail is not None and tail.group(1).islower() \
            and tail.group(1) not in UNIT_STOP and fold(tail.group(1)) not in _FUNCTION_WORDS \
            and (len(sentence[:end].split()) < 2 or not
                                                  sentence[:end].split()[-2][:1].isupper()) \
            and (tail.group(2) is None or tail.group(2).lower() in UNIT_STOP):
        end += tail.end(1)
    return end


_NUMBERED_RE = re.compile(r" (?:(?:típ|type|số|loại) )?\d{1,2}(?=[,.;:)]|$| (\S+))")


def numbered_end(sentence: str, end: int) -> int:
    """The end of a name at ``end`` with its number ("Trung tâm logistics Tân Thanh 2",
    "Dengue típ 2", "Nhà máy thủy điện Bắc Khê 2"): one or two digits, after "típ", "số",
    "loại" or none, ending the clause or followed by a linking word (rag.vi.lexicon.UNIT_STOP:
    "được", "chiếm" ...); a number followed by a noun counts it ("Cao Lộc 5 dự án") and is left
    out.  Break-test bt20b: "Chủng virus nào chiếm ưu thế?" answered "chủng virus Dengue"."""
    m = _NUMBERED_RE.match(sentence, end)
    if m is None or (m.group(1) is not None and m.group(1).lower() not in UNIT_STOP):
        return end
    return m.end()


def _asked_kind(intent: Intent) -> str:
    """The kind of item a "which X" question asks, folded: the first two words of its first
    run ("mặt hàng xuất khẩu nào" -> "mat hang"; "huyện nào" -> "huyen")."""
    return " ".join(intent.runs[0][:2])
