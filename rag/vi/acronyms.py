"""Office abbreviations a corpus writes ("NSĐP", "KNNK", "GTSXCN") paired with the phrase whose
syllables' initials spell them ("ngân sách địa phương"), derived from the documents, not listed.

Offices abbreviate freely and questions use either form (break-test bt24-b16 failure 2: a
table header "Chi NSĐP (tỷ đồng)" asked "chi ngân sách địa phương năm 2022" was refused, while
"Thu NSNN" held only because rag.vi.lexicon.ABBREVIATIONS lists "nsnn").  The hand lists of
rag.vi.lexicon stay first: a token they hold is never paired here.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from rag.vi.lexicon import ABBREVIATIONS, INITIALISMS, PREPOSITIONS_EXACT, STOPWORDS_EXACT
from rag.vi.text import fold, is_syllable

# an all-capitals token of 2-6 letters ("Đ" one letter), not inside a document's number or
# code ("35/BC-SCT": a "/" or "-" beside it)
TOKEN_RE = re.compile(r"(?<![\w/-])[A-ZĐ]{2,6}(?![\w/-])")
# "ngân sách địa phương (NSĐP)", "(viết tắt là NSĐP)", "(viết tắt: NSĐP)": the phrase before
# the bracket is the words, its last syllables spelling the token
_DEFINED_RE = re.compile(r"([^\W\d_]+(?:[ \t]+[^\W\d_]+){1,5})[ \t]*\((?:viết tắt(?: là|:)?[ \t]*)?"
                         r"([A-ZĐ]{2,6})\)")
# a run of words within one clause: no digit, no punctuation between them
_RUN_RE = re.compile(r"[^\W\d_]+(?:[ \t]+[^\W\d_]+)*")
_ROMAN_RE = re.compile(r"[IVXLC]+")
# a token written as a unit, after a number or a scale word ("12 USD", "triệu USD"): no
# abbreviation of words
_UNIT_RE = re.compile(r"(?:\d|\b(?:triệu|nghìn|ngàn|tỷ|tỉ|ngàn tỷ))[ \t]*([A-ZĐ]{2,6})(?![\w/-])",
                      re.IGNORECASE)


def initials(phrase: str) -> str:
    """The folded lower-case initials of ``phrase``'s syllables: "ngân sách địa phương" ->
    "nsdp" ("đ" folds to "d", as the token "NSĐP" folds to "nsdp")."""
    return "".join(fold(w[0]).lower() for w in phrase.split())


def _standard() -> dict[str, str]:
    """The office abbreviations of rag.vi.lexicon.ABBREVIATIONS whose phrase is spelled by
    their letters ("dtnn" -> "đầu tư nước ngoài", "kcn" -> "khu công nghiệp"; not "tr" ->
    "triệu", nor "cpi", an initialism rag.answer.figures.text_terms reads both ways), and
    written in lower case: a common noun, not a name ("Lạng Sơn", "Ủy ban nhân dân")."""
    return {k: v for k, v in ABBREVIATIONS.items()
            if k not in INITIALISMS and len(k) >= 2 and k.isalpha() and v == v.lower()
            and initials(v) == k}


def is_token(word: str) -> bool:
    """Whether ``word`` reads as an office abbreviation: all capitals, 2-6 letters, not a
    Vietnamese syllable ("NAM" of a caps heading), nor a Roman numeral ("IV"), nor a token the
    hand lists of rag.vi.lexicon already read (``ABBREVIATIONS``, ``INITIALISMS``)."""
    key = fold(word).lower()
    return (bool(TOKEN_RE.fullmatch(word)) and not _ROMAN_RE.fullmatch(word)
            and not is_syllable(word.lower()) and key not in ABBREVIATIONS
            and key not in INITIALISMS)


# folded token -> its standard phrase (:func:`_standard`): a token of these the corpus writes
# is paired with the phrase it defines it by, else with this one -- offices write "Vốn ĐTNN
# (triệu USD)" and never spell it out (break-test bt25-b16 failure 2)
STANDARD: dict[str, str] = _standard()


def _phrase(words: list[str]) -> str:
    return " ".join(fold(w).lower() for w in words)


@dataclass(frozen=True)
class AcronymTable:
    """The corpus's abbreviations and what they stand for.  ``pairs``: folded token ("nsdp")
    -> the phrase as written ("ngân sách địa phương"); ``tokens``: folded token -> as written
    ("NSĐP"); ``open``: tokens of three letters or more the corpus writes but never spells
    out, by their folded initials -- a question's words spelling one of them are read as it
    (:meth:`read`; a two-letter one only against a figure's own row, :func:`spelled_in`:
    "tổng thu" written "TT" met a "Số TT thương mại" row);
    ``texts``: the passages, for a question's token the corpus does not write
    (:meth:`spelled`); ``standard``: the paired tokens of :data:`STANDARD` -- matched both
    ways by the answerer (:meth:`concerning`) but not written into a question by
    :meth:`read`, which rag.search.query.expand_abbreviations already spells them out for."""

    pairs: dict[str, str] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)
    open: frozenset[str] = frozenset()
    texts: tuple[str, ...] = ()
    standard: frozenset[str] = frozenset()
    _spelled: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)
    _candidates: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False,
                                                    repr=False)
    _folded: list[str] = field(default_factory=list, compare=False, repr=False)

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> AcronymTable:
        """The table of ``texts`` (a corpus's passages).  A token (:func:`is_token`) is paired
        with the phrase a text defines it by ("giá trị sản xuất công nghiệp (GTSXCN)",
        "(viết tắt là NSĐP)"); else with the one phrase of the texts -- words of one clause,
        no digit -- whose initials spell it, if of three letters or more (any two words of
        a small corpus spell a two-letter one: "DT" paired with "đến tỉnh", "TL" with
        "triệu lượt" on a one-report index; a question's words spelling it are read against
        the figure's own row instead, :func:`spelled_in`); two or more such phrases: not
        paired (ambiguous); none: ``open``.  A standard office abbreviation (:data:`STANDARD`:
        "ĐTNN", "NSNN", "BHXH") the texts write is paired with the phrase they define it by,
        else with its standard phrase, spelled out in the texts or not -- but for one of two
        letters ("KN", "XK", "DN", "KH": several phrases each), paired only as defined: as
        "kim ngạch", "KN XNK hàng hóa mở tờ khai" answered every import question (seed gold
        s125 on the dev-reports index)."""
        texts = list(texts)
        tokens: dict[str, str] = {}
        units = {fold(m.group(1)).lower() for text in texts for m in _UNIT_RE.finditer(text)}
        defined: dict[str, set[str]] = defaultdict(set)
        for text in texts:
            for m in TOKEN_RE.finditer(text):
                if is_token(m.group(0)) and fold(m.group(0)).lower() not in units:
                    tokens.setdefault(fold(m.group(0)).lower(), m.group(0))
            for m in _DEFINED_RE.finditer(text):
                token = m.group(2)
                words = m.group(1).split()[-len(token):]
                if (is_token(token) or fold(token).lower() in STANDARD) and \
                        len(words) == len(token) and \
                        initials(" ".join(words)) == fold(token).lower():
                    defined[fold(token).lower()].add(" ".join(words).lower())
        for text in texts:  # the standard ones it writes: paired unless it defines them
            for m in TOKEN_RE.finditer(text):
                key = fold(m.group(0)).lower()
                if key in STANDARD and key not in units:
                    tokens.setdefault(key, m.group(0))
        lengths = {len(k) for k in tokens if k not in STANDARD}
        found = _phrases(texts, {k for k in tokens if k not in STANDARD}, lengths)
        pairs: dict[str, str] = {}
        for key in tokens:
            if key in STANDARD:
                if len(defined.get(key, ())) == 1:
                    pairs[key] = next(iter(defined[key]))
                elif len(key) > 2:
                    pairs[key] = STANDARD[key]
                continue
            if len(defined.get(key, ())) == 1:
                pairs[key] = next(iter(defined[key]))
            elif not defined.get(key) and len(found.get(key, {})) == 1 and len(key) > 2:
                pairs[key] = next(iter(found[key].values()))
        tokens = {k: v for k, v in tokens.items() if k in pairs or k not in STANDARD}
        open_ = frozenset(k for k in tokens if k not in pairs and not found.get(k)
                          and not defined.get(k) and len(k) > 2)
        return cls(pairs, tokens, open_, tuple(texts),
                   frozenset(k for k in pairs if k in STANDARD))

    def spelled(self, token: str, before: str = "", after: str = "") -> str | None:
        """The one phrase of the corpus whose initials spell ``token`` (a question's, the
        corpus not writing it: "VLXD" -> "vật liệu xây dựng"); when several do, the one the
        corpus writes beside the question's own words next to the token (``before``,
        ``after``: the question's text either side, :func:`context_words`): "DT bán lẻ" is
        "doanh thu" where the corpus writes "doanh thu bán lẻ" and no "diện tích bán lẻ"
        (break-test bt16d item 10: a corpus also writing "diện tích", "đến tỉnh" and "điện tử"
        left "DT" unread and the question refused).  None when none spells it, or the words
        beside it do not tell the phrases apart."""
        key = fold(token).lower()
        if key not in self._spelled:
            found = _phrases(self.texts, {key}, {len(key)}).get(key, {})
            self._spelled[key] = next(iter(found.values())) if len(found) == 1 else None
            self._candidates[key] = tuple(found.values())
        said = self._spelled[key]
        if said is not None or len(self._candidates[key]) < 2:
            return said
        left, right = context_words(before, after)
        if not left and not right:
            return None
        scores = {phrase: self._beside(phrase, left, right)
                  for phrase in self._candidates[key]}
        best = max(scores.values())
        chosen = [p for p, n in scores.items() if n == best]
        return chosen[0] if best > 0 and len(chosen) == 1 else None

    def _beside(self, phrase: str, left: list[str], right: list[str]) -> int:
        """How many of the question's words beside the token the corpus writes next to
        ``phrase``: the longest run of ``right`` after it plus the longest of ``left``
        before it."""
        if not self._folded:
            self._folded.append(fold("\n".join(self.texts)).lower())
        corpus = self._folded[0]

        def written(words: list[str]) -> bool:
            gap = r"[ \t]+"
            return re.search(r"(?<!\w)" + gap.join(re.escape(fold(w).lower()) for w in words)
                             + r"(?!\w)", corpus) is not None

        words = phrase.split()
        n_right = max((j for j in range(1, len(right) + 1) if written(words + right[:j])),
                      default=0)
        n_left = max((i for i in range(1, len(left) + 1) if written(left[-i:] + words)),
                     default=0)
        return n_right + n_left

    def spell_out(self, question: str) -> str:
        """``question`` with each abbreviation the corpus does not write replaced by the
        phrase the corpus spells it with (:meth:`spelled`): "DT bán lẻ xăng dầu 6T/2021?" ->
        "doanh thu bán lẻ xăng dầu 6T/2021?" -- the question as read, which the answer
        shows ("Hiểu là: ...") as it does a corrected typo.  Unchanged otherwise."""
        out = question
        for m in list(TOKEN_RE.finditer(out))[::-1]:
            key = fold(m.group(0)).lower()
            said = self.spelled(m.group(0), out[:m.start()], out[m.end():]) \
                if is_token(m.group(0)) and key not in self.tokens else None
            if said:
                out = out[:m.start()] + said + out[m.end():]
        return out

    def read(self, question: str) -> str:
        """``question`` with each paired token followed by its phrase ("chi NSĐP" -> "chi NSĐP
        ngân sách địa phương") and each paired phrase by its token, so that retrieval meets
        the passages that write either form; a run of words spelling an ``open`` token, the
        only such run of the question, written as the token ("chi ngân sách địa phương" ->
        "chi NSĐP", the corpus writing only that).  Other text unchanged.  A ``standard``
        pair is left as the question writes it: the question is already spelled out
        (rag.search.query.expand_abbreviations), and adding "XNK" to every "kim ngạch xuất
        nhập khẩu" question, or "ĐTNN" to every "đầu tư nước ngoài" one, tipped retrieval to
        the passages writing the token (eval_dev d146, d156; seed gold s016, s125)."""
        out = question
        for key, phrase in self.pairs.items():
            if key in self.standard:
                continue
            token = self.tokens[key]
            tok, spelled = _pair_patterns(token, phrase)
            if tok.search(out) and not spelled.search(out):
                out = tok.sub(r"\g<0> " + phrase.replace("\\", r"\\"), out)
            elif spelled.search(out) and not tok.search(out):
                out = spelled.sub(r"\g<0> " + token, out)
        out = self.spell_out(out)
        if self.open:
            for key in self.open:
                runs = [(m.start() + s, m.start() + e) for m in _RUN_RE.finditer(out)
                        for s, e in _spans(m.group(0), key)]
                if len(runs) == 1:
                    s, e = runs[0]
                    out = out[:s] + self.tokens[key] + out[e:]
        return out

    def spelled_runs(self, question: str) -> tuple[tuple[str, str], ...]:
        """(folded token, run) of each token the corpus writes that one run of ``question``'s
        words spells (:func:`question_runs`: "doanh thu" -> "dt", "đầu tư phát triển" ->
        "dtpt"), the token not a standard one (rag.vi.lexicon reads those) nor paired with
        another phrase (a definition wins); a token two runs spell is left out (ambiguous).
        Vietnamese official abbreviations are syllable initials in order (XNK, NSNN, GRDP,
        ĐTPT), and office tables cut row names so ("DT DL", "TL che phủ rừng", "SL lúa"):
        what the answerer reads a figure's own row by (:func:`spelled_in`), carried as
        ``rag.search.query.Query.spelled``."""
        runs = question_runs(question, {len(k) for k in self.tokens})
        out = []
        for key in self.tokens:
            found = runs.get(key, {})
            if key in STANDARD or len(found) != 1:
                continue
            folded, run = next(iter(found.items()))
            if key in self.pairs and _phrase(self.pairs[key].split()) != folded:
                continue
            out.append((key, run))
        at = question.lower()
        return tuple(sorted(out, key=lambda pair: at.find(pair[1])))

    def concerning(self, question: str) -> tuple[tuple[str, str], ...]:
        """(folded token, phrase) of each pair ``question`` writes either form of ("chi
        NSĐP" -> (("nsdp", "ngân sách địa phương"),)), in the table's order: what the
        answerer's word matching needs of this table for this question (carried by
        ``rag.search.query.Query.acronyms``); empty when it writes none."""
        out = []
        for key, phrase in self.pairs.items():
            tok, spelled = _pair_patterns(self.tokens[key], phrase)
            if tok.search(question) or spelled.search(question):
                out.append((key, phrase))
        return tuple(out)


@lru_cache(maxsize=4096)  # the same pairs are asked of every question
def _pair_patterns(token: str, phrase: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The patterns of an abbreviation ``token`` as a word of its own ("NSĐP", not inside
    "35/BC-NSĐP") and of its ``phrase`` over any spaces, both ignoring case."""
    words = r"[ \t]+".join(re.escape(w) for w in phrase.split())
    return (re.compile(r"(?<![\w/-])" + re.escape(token) + r"(?![\w/-])", re.IGNORECASE),
            re.compile(r"(?<!\w)" + words + r"(?!\w)", re.IGNORECASE))


def _phrases(texts: Iterable[str], keys: set[str], lengths: set[int]
             ) -> dict[str, dict[str, str]]:
    """For each of ``keys`` (folded initials), the phrases of ``texts`` -- ``lengths`` words
    of one clause, no digit, no token among them -- whose initials they are: folded phrase
    -> as written, lower case."""
    found: dict[str, dict[str, str]] = defaultdict(dict)
    for text in texts:
        for run in _RUN_RE.finditer(text):
            words = run.group(0).split()
            # each word's initial once, a gram's key a slice (one letter a word, as fold keeps)
            heads = initials(run.group(0))
            if len(heads) != len(words):
                heads = "".join(initials(w)[:1] or " " for w in words)
            capitals = [bool(TOKEN_RE.fullmatch(w)) for w in words]
            for n in lengths:
                for i in range(len(words) - n + 1):
                    key = heads[i:i + n]
                    if key in keys and not any(capitals[i:i + n]):
                        gram = words[i:i + n]
                        found[key].setdefault(_phrase(gram), " ".join(gram).lower())
    return found


def _spans(run: str, key: str) -> list[tuple[int, int]]:
    """The spans in ``run`` of consecutive words whose initials are ``key``."""
    words = list(re.finditer(r"\S+", run))
    n = len(key)
    return [(words[i].start(), words[i + n - 1].end()) for i in range(len(words) - n + 1)
            if initials(" ".join(w.group(0) for w in words[i:i + n])) == key
            and not any(TOKEN_RE.fullmatch(w.group(0)) for w in words[i:i + n])]


# words that stand in no abbreviated name: the function words (rag.vi.lexicon's stopwords and
# prepositions, "bao nhiêu") and the time words a question dates its figure by ("năm 2024")
_NO_NAME_WORDS = STOPWORDS_EXACT | PREPOSITIONS_EXACT | frozenset(
    "năm tháng quý ngày tuần bao nhiêu mấy".split())


# the most words either side of a question's abbreviation read as its context
_CONTEXT_WORDS = 3


def context_words(before: str, after: str) -> tuple[list[str], list[str]]:
    """The words of a question next to an abbreviation, of its name: up to
    :data:`_CONTEXT_WORDS` either side within the clause (no digit or punctuation between),
    up to a function or time word (:data:`_NO_NAME_WORDS`: "DT năm 2021" says nothing of which
    "DT"), nor another abbreviation; ``before`` and ``after`` the question's text either
    side."""
    def names(words: list[str]) -> list[str]:
        out: list[str] = []
        for word in words[:_CONTEXT_WORDS]:
            if word.lower() in _NO_NAME_WORDS or TOKEN_RE.fullmatch(word):
                break
            out.append(word)
        return out

    right = re.match(r"[ \t]*(" + _RUN_RE.pattern + ")", after)
    left = re.search(r"(" + _RUN_RE.pattern + r")[ \t]*$", before)
    return (names(left.group(1).split()[::-1])[::-1] if left else [],
            names(right.group(1).split()) if right else [])


def question_runs(question: str, lengths: Iterable[int]) -> dict[str, dict[str, str]]:
    """The runs of ``lengths`` consecutive words of ``question`` -- within one clause (no
    digit or punctuation between), none a function or time word (:data:`_NO_NAME_WORDS`) nor
    an abbreviation -- by their folded initials: initials -> folded run -> run as written,
    lower case."""
    found: dict[str, dict[str, str]] = defaultdict(dict)
    for clause in _RUN_RE.finditer(question):
        words: list[str] = []
        for word in [*clause.group(0).split(), ""]:
            if word and word.lower() not in _NO_NAME_WORDS and not TOKEN_RE.fullmatch(word):
                words.append(word)
                continue
            for n in lengths:
                for i in range(len(words) - n + 1):
                    gram = words[i:i + n]
                    found[initials(" ".join(gram))].setdefault(_phrase(gram),
                                                                " ".join(gram).lower())
            words = []
    return found


# a unit or note in brackets after a header's name ("DT DL (tỷ đồng)")
_BRACKETED_RE = re.compile(r"\([^)]*\)")


def spelled_in(parts: Iterable[str], line: str, runs: Iterable[tuple[str, str]],
               asked: str) -> tuple[tuple[str, str], ...]:
    """The pairs of ``runs`` (a question's, :meth:`AcronymTable.spelled_runs`) whose token a
    table line's row label or column header (``parts``) writes, that part's other words all
    asked (``asked``: the question, folded; a listed abbreviation by its phrase, a function
    or time word free) and no other words of ``line`` (the whole table line, its unit too)
    spelling the token: "DT DL" of "Ước TH 2024 — DT DL: 1.385,2 tỷ đồng" is the "doanh thu
    du lịch" asked; "Số TT thương mại: 7 trung tâm" no "tổng thu" -- its other words not
    asked, and its unit spelling "TT" otherwise.  Only the line's own tokens: a token read
    anywhere in a passage paired any two words asked with it."""
    runs = tuple(runs)
    said = set(asked.split())
    out: list[tuple[str, str]] = []
    for part in parts:
        part = _BRACKETED_RE.sub(" ", part)
        written = {fold(m.group(0)).lower() for m in TOKEN_RE.finditer(part)}
        found = [(k, r) for k, r in runs if k in written and (k, r) not in out]
        if not found:
            continue
        keys = {k for k, _ in found}
        rest: list[str] = []
        for word in re.findall(r"[^\W\d_]+", part):
            key = fold(word).lower()
            if key in keys:
                continue
            if TOKEN_RE.fullmatch(word) and key in ABBREVIATIONS:
                rest += fold(ABBREVIATIONS[key]).lower().split()
            elif word.lower() not in _NO_NAME_WORDS:
                rest.append(key)
        if any(w not in said for w in rest):
            continue
        out += [(k, r) for k, r in found
                if not any(_phrase(line[s:e].split()) != _phrase(r.split())
                           for m in _RUN_RE.finditer(line)
                           for s, e in ((m.start() + a, m.start() + b)
                                        for a, b in _spans(m.group(0), k)))]
    return tuple(out)
