"""Extractive answers: pick, from the top passages, the figure or name that answers the question.

Every candidate value (amount, percentage, count, date, decision number, name) in the
passages' sentences is scored by how closely the question's words surround it, weighted by
how rare they are in the corpus.  Hard rules keep the product honest: a figure of another
year or period, of another trade indicator (exports vs total import-export), or of another
kind than asked (a percentage for "bao nhiêu tỷ đồng") is never the answer.  When no
candidate survives, the answer is a plain refusal with the closest passages as related.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from rag.records import Answer, Citation, Hit
from rag.search.query import Query, vietnamese_terms
from rag.vi.lexicon import (
    ASKED_UNIT_RE,
    GENERIC_QUESTION_RE,
    HOW_MUCH_RE,
    INDICATORS,
    QUESTION_KINDS,
    QUESTION_WORD_RE,
    STOPWORDS,
    STOPWORDS_EXACT,
    TRADE_INDICATORS,
    UNIT_STOP,
    WHEN_RE,
)
from rag.vi.periods import (
    PERIOD_NAMES,
    PERIOD_PATTERNS,
    YEAR_RE,
    find_periods,
    find_years,
    time_match,
)
from rag.vi.text import fold, has_diacritics, parse_number

# --- question intent ----------------------------------------------------------------------

# Kinds whose answer may be a whole sentence when no typed value fits; figure questions
# (amount, percent, change) are never answered by a sentence without their figure.
SENTENCE_KINDS = frozenset({"generic", "person", "entity", "date", "rank", "decision"})
_SOFT_UNIT_RE = re.compile(r"^(?:so|so luong|tong so)\s+([a-z]+)")
# "<indicator> của <owner> ...": the indicator asked for comes before "của"
_HEAD_OF_RE = re.compile(r"\W*(?:\w+\s+){1,6}?cua\b")
_KIND_WORDS = {"phan", "tram", "percent", "percentage", "rate", "ty", "le"}
_NOT_UNITS = {"so", "voi", "phan", "tram", "trong", "ke", "hoach", "la", "dat", "nam", "thang",
              "quy", "tinh", "den", "cua", "tai", "o", "khi", "nguoi"}


@dataclass(frozen=True)
class Intent:
    kind: str  # amount, percent, change, date, decision, person, rank, entity
    unit: str | None  # folded unit word asked for ("tan", "doanh"), if any
    trade: str | None  # trade indicator asked about, if any
    terms: tuple[str, ...]  # folded content words of the question
    soft_unit: str | None = None  # "số dự án ..." prefers figures counted in "dự án"
    direction: str | None = None  # "tang" or "giam" for change questions
    indicators: tuple[str, ...] = ()  # other named indicators (bán lẻ, CPI, ...)
    runs: tuple[tuple[str, ...], ...] = ()  # content words that stand next to each other
    wants_percent: bool = False  # "chỉ số ...", "tỷ trọng ..." are percentages
    head: tuple[str, ...] = ()  # "số lao động | của Công ty X": the indicator before "của"


def trade_indicator_at(folded: str) -> list[tuple[int, int, str]]:
    """(start, end, code) of trade indicator mentions in folded text, most specific first."""
    found: list[tuple[int, int, str]] = []
    for code, phrases in TRADE_INDICATORS:
        for phrase in phrases:
            for m in re.finditer(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", folded):
                if not any(s < m.end() and m.start() < e for s, e, _ in found):
                    found.append((m.start(), m.end(), code))
    return sorted(found)


def read_intent(query: Query) -> Intent:
    folded = fold(query.expanded)
    kind = "amount"
    for name, pat in QUESTION_KINDS:
        if pat.search(folded):
            kind = name
            break
    if kind == "amount" and GENERIC_QUESTION_RE.search(query.expanded.lower()) \
            and not HOW_MUCH_RE.search(folded):
        kind = "generic"
    unit = None
    m = ASKED_UNIT_RE.search(folded)
    if m and kind in ("amount", "change", "entity") and m.group(1) not in _NOT_UNITS:
        unit = m.group(1)
        kind = "change" if kind == "change" else "amount"
    trades = trade_indicator_at(folded)
    head_of = _HEAD_OF_RE.match(folded)
    if head_of:  # "... của Công ty Xuất nhập khẩu X": the owner's name is not the indicator
        trades = [t for t in trades if t[1] <= head_of.end()]
    # an English question is matched on the Vietnamese terms its words map to
    content = fold(vietnamese_terms(query.text)) if query.english else folded
    if query.english:
        trades = trades or trade_indicator_at(content)
    trade = trades[0][2] if trades else None
    # stopwords are told apart by their diacritics only as the user typed them, not as the
    # restorer guessed them
    typed = not query.english and not query.restored and has_diacritics(query.text)
    runs = [r for r in _content_runs(query.expanded if typed else None, content) if r]
    head = tuple(runs[0]) if head_of and len(runs) > 1 else ()
    terms = tuple(dict.fromkeys(t for run in runs for t in run))
    indicators = tuple(code for code, phrases in INDICATORS
                       if any(re.search(r"(?<!\w)" + re.escape(p) + r"(?!\w)", content)
                              for p in phrases))
    wants_percent = bool(re.search(r"\b(?:chi so|ty trong|ty le|cpi)\b", content))
    soft = _SOFT_UNIT_RE.match(folded)
    soft_unit = soft.group(1) if soft and not unit and soft.group(1) not in _NOT_UNITS else None
    direction = None
    if kind in ("change", "percent"):
        d = re.search(r"\b(tang|giam)\b", folded)
        direction = d.group(1) if d else None
    return Intent(kind, unit, trade, terms, soft_unit, direction, indicators,
                  tuple(tuple(r) for r in runs), wants_percent, head)


def _content_runs(typed: str | None, folded: str) -> list[list[str]]:
    """The question's content words (folded), in runs of adjacent words.  Question words,
    stopwords and the words of its dates and periods break runs; with the question as the
    user typed it (``typed``), they are recognised with their diacritics ("đen" is not "đến",
    "Nam" is not "năm")."""
    exact = typed.lower() if typed is not None else ""
    if len(exact) != len(folded):
        exact = ""  # no typed form, or one whose offsets do not match the folded question
    runs: list[list[str]] = [[]]
    for m in re.finditer(r"[a-z]+|\d+(?:[.,]\d+)*|[^\w\s]", _blank_time(folded)):
        t = m.group(0)
        if exact:
            word = exact[m.start():m.end()]
            stop = word in STOPWORDS_EXACT or word in _TIME_WORDS_EXACT
        else:
            stop = t in STOPWORDS or t in _TIME_WORDS
        if stop or t in _KIND_WORDS or not t[0].isalnum():
            runs.append([])
        else:
            runs[-1].append(t)
    return runs


_TIME_WORDS_EXACT = {"tháng", "năm", "quý", "nửa", "i", "ii", "iii", "iv", "t", "h1", "h2", "q1",
                     "q2", "q3", "q4", "quarter", "half", "first", "months", "month", "year",
                     "nine", "six", "three"}
_TIME_WORDS = {"thang", "nam", "quy", "dau", "cuoi", "nua", "ba", "sau", "chin", "i", "ii",
               "iii", "iv", "t", "h1", "h2", "q1", "q2", "q3", "q4", "quarter", "half", "first",
               "months", "month", "year", "nine", "six", "three"}


def _blank_time(folded: str) -> str:
    """The question without its dates, years and periods (those are checked separately),
    blanked with as many spaces, so that offsets still match the question."""
    def blank(m: re.Match[str]) -> str:
        return " " * len(m.group(0))
    folded = re.sub(r"(?<![\d/])\d{1,2}/\d{1,2}(?:/\d{4})?(?![\d/])", blank, folded)
    for _, pat in PERIOD_PATTERNS:
        folded = pat.sub(blank, folded)
    return YEAR_RE.sub(blank, folded)


# --- candidate values -----------------------------------------------------------------------

_NUM = r"\d+(?:[.,]\d+)*"
_VALUE_RE = re.compile(
    r"(?P<decision>\d+(?:/\d{4})?/(?:QĐ|NQ|CT|KH|TB|BC)-[\wĐđ]+)"
    r"|(?P<date>(?<![\d/])\d{1,2}/\d{1,2}(?:/(?:19|20)\d\d)?(?![\d/]))"
    r"|(?P<ratio>(?<![\d/])\d+/\d+(?![\d/]))"
    r"|(?P<num>" + _NUM + r"(?:\s*[-–]\s*" + _NUM + r")?)(?P<pct>\s?%)?"
)
_MAGNITUDE = {"nghin", "ngan", "trieu", "ty", "ti"}
_WORD_SPAN_RE = re.compile(r"[^\W\d_]+", re.UNICODE)
_ROLE_RE = re.compile(r"(?:ông|bà|giám đốc|thủ tướng|chủ tịch|bí thư|trưởng|phó)\b",
                      re.IGNORECASE)
_ORG_WORDS = {"so", "ban", "bo", "cuc", "cong", "hoi", "uy", "ubnd", "tinh", "khu", "cum",
              "chinh", "thu", "pho", "nha", "trung", "hiep", "doanh", "tong", "quyet"}


def capitalised_runs(text: str, min_words: int = 2) -> list[tuple[int, int]]:
    """Spans of consecutive capitalised words ("Hồ Đức Phớc", "Bản Nhùng")."""
    runs: list[tuple[int, int]] = []
    cur: list[tuple[int, int]] = []
    for m in _WORD_SPAN_RE.finditer(text):
        word = m.group(0)
        joined = bool(cur) and text[cur[-1][1]:m.start()] == " "
        if word[0].isupper() and (not cur or joined):
            cur.append((m.start(), m.end()))
            continue
        if len(cur) >= min_words:
            runs.append((cur[0][0], cur[-1][1]))
        cur = [(m.start(), m.end())] if word[0].isupper() else []
    if len(cur) >= min_words:
        runs.append((cur[0][0], cur[-1][1]))
    return runs
# A sentence ends at . ! ? … (and closing quotes) before a capital, a digit or an opening
# quote; not after an initial ("James O. McKinsey", "Y. pestis") or a common abbreviation.
_SENT_END_RE = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s|$)")
_ABBREVIATIONS = frozenset("st mr mrs ms dr prof jr sr vs etc no tp ts ths pgs gs tt tx kts bs ks "
                           "cn inc ltd co".split())


@dataclass(frozen=True)
class Candidate:
    kind: str  # amount, count, percent, date, decision, ratio, name, entity
    text: str  # as written in the source
    start: int  # offsets in the sentence
    end: int
    unit: str  # folded unit words after the number


def _unit_words(after: str) -> tuple[str, int]:
    """Unit phrase right after a number: magnitude words and up to 4 words, to punctuation."""
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
        if core != raw or len(words) >= 4 + any(fold(w) in _MAGNITUDE for w in words):
            break
    return " ".join(words), pos


def candidates(sentence: str) -> list[Candidate]:
    out: list[Candidate] = []
    for m in _VALUE_RE.finditer(sentence):
        s, e = m.start(), m.end()
        before = fold(sentence[max(0, s - 12):s]).split()
        prev = before[-1] if before else ""
        if m.group("decision"):
            out.append(Candidate("decision", m.group(0), s, e, ""))
        elif m.group("date"):
            day, month = (int(x) for x in m.group("date").split("/")[:2])
            if prev == "thu" or not (1 <= day <= 31 and 1 <= month <= 12):
                unit, n = _unit_words(sentence[e:])
                out.append(Candidate("ratio", (m.group(0) + " " + unit).strip(), s,
                                     e + n if unit else e, fold(unit)))
            else:
                out.append(Candidate("date", m.group(0), s, e, ""))
        elif m.group("ratio"):
            unit, n = _unit_words(sentence[e:])
            out.append(Candidate("ratio", (m.group(0) + " " + unit).strip(), s,
                                 e + n if unit else e, fold(unit)))
        elif m.group("pct"):
            out.append(Candidate("percent", m.group(0), s, e, "%"))
        else:
            num = m.group("num")
            after = fold(sentence[e:e + 12]).split()
            nxt = after[0] if after else ""
            if re.fullmatch(r"(?:19|20)\d\d", num) or prev in ("thang", "quy", "nam", "ngay") \
                    or nxt in ("thang", "quy") or prev.endswith("/"):
                continue  # a year, a period or a date part, not a figure
            unit, n = _unit_words(sentence[e:])
            kind = "amount" if any(w in _MAGNITUDE or w in ("usd", "dong", "%")
                                   for w in fold(unit).split()) else "count"
            out.append(Candidate(kind, (num + " " + unit).strip(), s, e + n if unit else e,
                                 fold(unit)))
    for s, e in capitalised_runs(sentence):
        words = sentence[s:e].split()
        if fold(words[0]) in _ORG_WORDS or len(words) > 4:
            continue
        if _ROLE_RE.search(sentence[max(0, s - 25):s]) or \
                _ROLE_RE.match(sentence[e:e + 20].lstrip(", ")):
            out.append(Candidate("name", sentence[s:e], s, e, ""))
    return out


def _kind_fits(intent: Intent, cand: Candidate, sentence: str) -> float:
    """How well a candidate's kind fits what is asked: 0 excludes it."""
    k = intent.kind
    unit_words = cand.unit.replace("/", " ").split()
    before = re.findall(r"\w+", fold(sentence[max(0, cand.start - 14):cand.start]))[-2:]
    if intent.direction and k in ("change", "percent") and intent.direction not in before:
        return 0.0  # asked how much it rose: the figure must follow "tăng"
    if intent.unit:
        if intent.unit == "%":
            return 1.0 if cand.kind == "percent" else 0.0
        if intent.unit not in unit_words:
            return 0.0
        if k != "change":
            return 1.0
    soft = 1.0
    if intent.soft_unit:
        soft = 1.0 if intent.soft_unit in unit_words else 0.5
    if k == "amount" and intent.wants_percent:
        return soft * {"percent": 1.0, "amount": 0.5, "count": 0.3, "ratio": 0.3}.get(
            cand.kind, 0.0)
    if k == "amount":
        return soft * {"amount": 1.0, "count": 0.7, "ratio": 0.6, "percent": 0.3}.get(
            cand.kind, 0.0)
    if k == "percent":
        return 1.0 if cand.kind == "percent" else 0.0
    if k == "change":
        if not any(w in ("tang", "giam", "bang") for w in before):
            return 0.0
        return {"percent": 1.0, "amount": 0.9, "count": 0.9}.get(cand.kind, 0.0)
    if k == "date":
        return 1.0 if cand.kind == "date" else 0.0
    if k == "decision":
        return 1.0 if cand.kind == "decision" else 0.0
    if k == "person":
        return 1.0 if cand.kind == "name" else 0.0
    if k == "rank":
        return 1.0 if cand.kind == "ratio" else 0.0
    return 0.0  # entity questions are answered by spans, below


# How much a question word inside the value's own unit phrase counts ("sản phẩm OCOP"), and
# how much less the last question word weighs than the first (the head of the noun phrase).
UNIT_CREDIT = 0.9
HEAD_DECAY = 0.2
OWN_BONUS = 0.5  # extra weight of question words in the value's own subject
TITLE_CREDIT = 0.5  # least closeness of a question word the passage's title holds
# Sentence answers: the least share of the question's weight a sentence must hold (a figure
# question's sentence more: its figure is the answer), how much word pairs weigh beside
# words, how much the neighbouring sentences count, the weight bonus of words within
# ANCHOR_SPAN words of the question word, how much a sentence without the asked kind of
# thing keeps, and how much each lower-ranked passage loses.
STATEMENT_SENTENCE_MIN = 0.1
FIGURE_SENTENCE_MIN = 0.3
PAIR_WEIGHT = 0.5
SENTENCE_CONTEXT = 0.15
ANCHOR_SPAN = 3
ANCHOR_BONUS = 1.0
SENTENCE_KIND_PENALTY = 0.6
SENTENCE_RANK_DECAY = 0.2

# --- scoring ------------------------------------------------------------------------------

_TOKEN_RE = re.compile(r"[^\W_]+(?:[.,]\d+)*", re.UNICODE)


@dataclass(frozen=True)
class Scored:
    score: float
    coverage: float
    hit: Hit
    sentence: str
    sent_start: int  # offset of the sentence in the chunk text
    cand: Candidate


def sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) of each sentence of ``text``; lines always end one."""
    out: list[tuple[int, str]] = []
    for line_m in re.finditer(r"[^\n]+", text):
        line, base, start = line_m.group(0), line_m.start(), 0
        for m in _SENT_END_RE.finditer(line):
            if not _ends_sentence(line, m):
                continue
            if line[start:m.end()].strip():
                out.append((base + start, line[start:m.end()]))
            start = m.end()
        if line[start:].strip():
            out.append((base + start, line[start:]))
    return out


def _ends_sentence(line: str, m: re.Match[str]) -> bool:
    rest = line[m.end():].lstrip()
    if rest and not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"“‘'([-–"):
        return False
    if m.group(0) == ".":
        word = re.search(r"(\w+)$", line[:m.start()])
        if word and ((len(word.group(1)) == 1 and word.group(1).isalpha())
                     or word.group(1).lower() in _ABBREVIATIONS):
            return False
    return True


def _positions(text: str) -> list[tuple[int, str]]:
    out = []
    for m in _TOKEN_RE.finditer(text):
        tok = m.group(0)
        out.append((m.start(), parse_number(tok) if tok[0].isdigit() else fold(tok)))
    return out


@dataclass(frozen=True)
class ParsedSentence:
    start: int  # offset in the chunk text
    text: str
    toks: list[tuple[int, str]]
    folded: str
    trades: list[tuple[int, int, str]]
    cands: list[Candidate]
    years: frozenset[int]  # the sentence's own years and periods
    periods: frozenset[str]


@dataclass(frozen=True)
class ParsedChunk:
    sentences: list[ParsedSentence]
    terms: set[str]  # folded words and word pairs of title and text
    title_terms: frozenset[str]  # those of the title alone


@lru_cache(maxsize=8192)
def _parse_chunk(chunk_id: str, title: str, text: str) -> ParsedChunk:
    """Sentence analysis of a passage; passages never change, so it is cached by id."""
    out = []
    for start, sent in sentences(text):
        folded = fold(sent)
        about, _ = find_years(sent)
        out.append(ParsedSentence(start, sent, _positions(sent), folded,
                                  trade_indicator_at(folded), candidates(sent),
                                  frozenset(about), frozenset(find_periods(sent))))
    return ParsedChunk(out, _with_bigrams(_positions(f"{title} {text}")),
                       frozenset(_with_bigrams(_positions(title))))


def _time_ok(query: Query, sent: ParsedSentence, hit: Hit) -> bool:
    """The sentence's own years/periods, else its passage's, agree with the question's."""
    return time_match(query.scope, sent.years or hit.chunk.years,
                      sent.periods or hit.chunk.periods, unstated_period_ok=True) is not False


class Answerer:
    """Extractive answerer over retrieved passages; ``idf`` weighs question words."""

    def __init__(self, df: Callable[[str], int], n_passages: int, min_score: float = 0.15,
                 min_coverage: float = 0.6):
        self.df = df
        self.n = max(1, n_passages)
        self.min_score = min_score
        self.min_coverage = min_coverage

    def idf(self, term: str) -> float:
        return math.log((self.n + 1) / (self.df(term) + 0.5))

    def segment(self, runs: tuple[tuple[str, ...], ...]) -> list[str]:
        """Question words as the corpus writes them together: "doanh thu" is one term, so
        it does not match the "thu" of "thu hút"; a pair must be adjacent in the question
        and recur in the corpus."""
        out: list[str] = []
        for run in runs:
            i = 0
            while i < len(run):
                pair = f"{run[i]}_{run[i + 1]}" if i + 1 < len(run) else ""
                if pair and self.df(pair) >= 2:
                    out.append(pair)
                    i += 2
                else:
                    out.append(run[i])
                    i += 1
        return list(dict.fromkeys(out))

    def answer(self, query: Query, hits: list[Hit], resolved_question: str) -> Answer:
        intent = read_intent(query)
        best = self._best(query, intent, hits)
        related = tuple(h.to_dict() for h in hits)
        weak = best is None or best.score < self.min_score or best.coverage < self.min_coverage
        if intent.kind in SENTENCE_KINDS:
            # a statement answers these: the sentence holding most of the question, and the
            # asked value inside it when there is one
            sentence = self._best_sentence(query, intent, hits)
            if sentence is not None:
                _, s_hit, s_ps = sentence
                same = not weak and best is not None and best.hit.chunk.id == s_hit.chunk.id \
                    and best.sent_start == s_ps.start
                if not same:
                    return self._sentence_answer(query, sentence, resolved_question, related)
        if weak and intent.kind not in SENTENCE_KINDS:
            # a figure question: a sentence may answer it only if it passes the same rules a
            # figure must (asked period, indicator, unit) and states some figure
            sentence = self._best_sentence(query, intent, hits, need_figure=True)
            if sentence is not None:
                return self._sentence_answer(query, sentence, resolved_question, related)
        if weak or best is None:
            return Answer(question=query.text, resolved_question=resolved_question,
                          answer=refusal(query, hits), found=False,
                          confidence=round(1 - _confidence(best), 4) if best else 1.0,
                          related=related)
        c = best.cand
        chunk = best.hit.chunk
        clause_s, clause_e = _clause(best.sentence, c.start, c.end)
        quote_start = chunk.start + best.sent_start + clause_s
        citation = Citation(doc_id=chunk.doc_id, chunk_id=chunk.id, title=chunk.title,
                            date=chunk.date, quote=best.sentence[clause_s:clause_e],
                            start=quote_start, end=quote_start + clause_e - clause_s)
        return Answer(question=query.text, resolved_question=resolved_question,
                      answer=c.text, found=True, confidence=round(_confidence(best), 4),
                      answer_sentence=best.sentence.strip(), citations=(citation,),
                      related=related)

    def _best_sentence(self, query: Query, intent: Intent, hits: list[Hit],
                       need_figure: bool = False) -> tuple[float, Hit, ParsedSentence] | None:
        """The sentence of the top passages that best answers a question answered by a
        statement (see :meth:`_sentence_scores`); for a figure question, only a sentence that
        states a figure of the asked kind, and holds more of the question."""
        best: tuple[float, Hit, ParsedSentence] | None = None
        for score, coverage, hit, ps in self._sentence_scores(query, intent, hits):
            if need_figure and (coverage < FIGURE_SENTENCE_MIN
                                or not _states_asked_figure(intent, ps)):
                continue
            if best is None or score > best[0]:
                best = (score, hit, ps)
        return best

    def _sentence_scores(self, query: Query, intent: Intent, hits: list[Hit]
                         ) -> list[tuple[float, float, Hit, ParsedSentence]]:
        """(score, coverage, hit, sentence) for the sentences of the top passages that may
        answer: a sentence scores by the question's rare words and word pairs it holds (those
        next to the question word most), by those its neighbours hold, by holding what the
        question word asks for (a figure for "bao nhiêu", a date for "khi nào", a name for
        "ai"), and by its passage's rank."""
        weights = self._sentence_weights(query, intent)
        total = sum(weights.values()) or 1.0
        asked = _asked_kind(intent, query)
        out = []
        for rank, hit in enumerate(hits):
            sents = _parse_chunk(hit.chunk.id, hit.chunk.title, hit.chunk.text).sentences
            covs = [_coverage(weights, ps) / total for ps in sents]
            for i, ps in enumerate(sents):
                if covs[i] < STATEMENT_SENTENCE_MIN or not _time_ok(query, ps, hit):
                    continue
                context = max([covs[j] for j in (i - 1, i + 1) if 0 <= j < len(sents)],
                              default=0.0)
                score = covs[i] + SENTENCE_CONTEXT * context
                if not _holds(asked, ps):
                    score *= SENTENCE_KIND_PENALTY
                score *= 1 - SENTENCE_RANK_DECAY * min(rank, 4)
                out.append((score, covs[i], hit, ps))
        return out

    def _sentence_weights(self, query: Query, intent: Intent) -> dict[str, float]:
        """IDF weights of the question's words and word pairs; words next to the question
        word ("đổ lỗi cho [điều gì]") weigh more: Vietnamese asks in place, so the answer
        sentence has them around the answer."""
        words = list(dict.fromkeys(t for run in intent.runs for t in run))
        pairs = list(dict.fromkeys(f"{a}_{b}" for run in intent.runs
                                   for a, b in zip(run, run[1:], strict=False)))
        weights = {t: max(0.0, self.idf(t)) for t in words}
        weights.update({t: PAIR_WEIGHT * max(0.0, self.idf(t)) for t in pairs})
        near = _question_word_distance(query.expanded)
        for term in weights:
            d = min(near.get(part, ANCHOR_SPAN + 1) for part in term.split("_"))
            if d <= ANCHOR_SPAN:
                weights[term] *= 1 + ANCHOR_BONUS / d
        return weights

    def _sentence_answer(self, query: Query, found: tuple[float, Hit, ParsedSentence],
                         resolved_question: str, related: tuple[dict, ...]) -> Answer:
        score, hit, ps = found
        chunk = hit.chunk
        text = ps.text.strip()
        lead = len(ps.text) - len(ps.text.lstrip())
        start = chunk.start + ps.start + lead
        citation = Citation(doc_id=chunk.doc_id, chunk_id=chunk.id, title=chunk.title,
                            date=chunk.date, quote=text, start=start, end=start + len(text))
        return Answer(question=query.text, resolved_question=resolved_question, answer=text,
                      found=True, confidence=round(min(1.0, 0.8 * score), 4),
                      answer_sentence=text, citations=(citation,), related=related)

    def _best(self, query: Query, intent: Intent, hits: list[Hit]) -> Scored | None:
        terms = self.segment(intent.runs)
        n = len(terms)
        # Vietnamese noun phrases put the head first: earlier question words weigh more
        weights = {t: self.idf(t) * (1.0 - HEAD_DECAY * i / max(1, n - 1))
                   for i, t in enumerate(terms)}
        total = sum(weights.values()) or 1.0
        # "Số lao động của Công ty X ...": the head before "của" names what is asked
        head = set(self.segment((intent.head,))) if intent.head else set()
        best: Scored | None = None
        for rank, hit in enumerate(hits):
            parsed = _parse_chunk(hit.chunk.id, hit.chunk.title, hit.chunk.text)
            chunk_terms = parsed.terms
            for ps in parsed.sentences:
                sent_start, sent, toks, folded_sent = ps.start, ps.text, ps.toks, ps.folded
                if not _time_ok(query, ps, hit):
                    continue
                trades = ps.trades
                if intent.indicators and not _names_indicators(intent, folded_sent):
                    continue
                cands = _entity_spans(intent, sent) if intent.kind == "entity" else ps.cands
                for cand in cands:
                    fit = _kind_fits(intent, cand, sent) if cand.kind != "entity" else 1.0
                    if fit <= 0 or not _trade_ok(intent, trades, cands, cand) \
                            or _only_question_words(intent, cand):
                        continue
                    near, coverage = _closeness(weights, toks, sent, cand, cands, chunk_terms,
                                                parsed.title_terms)
                    own = _with_bigrams(_positions(_subject_text(sent, cand, cands)))
                    near += OWN_BONUS * sum(w for t, w in weights.items() if t in own)
                    score = (near / total) * fit * (1 - 0.03 * rank)
                    if head and not _clause_names(sent, cand, head):
                        score *= HEAD_MISSING
                    if best is None or score > best.score:
                        best = Scored(score, coverage / total, hit, sent, sent_start, cand)
        return best


HEAD_MISSING = 0.3  # what a figure keeps when its clause does not name the asked head


def _clause_names(sentence: str, cand: Candidate, head: set[str]) -> bool:
    """The clause holding the figure has at least one of the head's words before it."""
    lo, _ = _clause_bounds(sentence, cand.start, cand.end)
    words = _with_bigrams(_positions(sentence[lo + 1:cand.start]))
    return bool(head & words)


def _states_asked_figure(intent: Intent, ps: ParsedSentence) -> bool:
    """A sentence that can answer a figure question: it names the asked trade and other
    indicators, states a figure, and counts in the asked unit when one is asked."""
    if intent.trade and intent.trade not in {code for _, _, code in ps.trades}:
        return False
    if intent.indicators and not _names_indicators(intent, ps.folded):
        return False
    figures = [c for c in ps.cands if c.kind in ("amount", "count", "percent", "ratio")]
    if not figures:
        return False
    if intent.unit and intent.unit not in {t for _, t in ps.toks}:
        return False
    return not (intent.kind == "percent" and not any(c.kind == "percent" for c in figures))


def _names_indicators(intent: Intent, folded_sentence: str) -> bool:
    wanted = dict(INDICATORS)
    return all(any(re.search(r"(?<!\w)" + re.escape(p) + r"(?!\w)", folded_sentence)
                   for p in wanted[code]) for code in intent.indicators)


def _confidence(best: Scored) -> float:
    """How sure the answer is: how much of the question surrounds the value, and where."""
    return max(0.0, min(1.0, 0.5 * best.coverage + 0.5 * min(1.0, best.score / 0.5)))


def _only_question_words(intent: Intent, cand: Candidate) -> bool:
    """A name made of the question's own words ("Lạng Sơn") is not what it asks for."""
    if cand.kind not in ("name", "entity"):
        return False
    words = re.findall(r"[a-z]+", fold(cand.text))
    return all(w in intent.terms for w in words)


def _trade_ok(intent: Intent, trades: list[tuple[int, int, str]], cands: list[Candidate],
              cand: Candidate) -> bool:
    """A figure answers a trade question only if its trade indicator is the one asked: the
    nearest one before it in the sentence, else the next one after it with no other figure
    in between."""
    if intent.trade is None:
        return True
    before = [t for t in trades if t[1] <= cand.start]
    if before:
        return before[-1][2] == intent.trade
    after = next((t for t in trades if t[0] >= cand.end), None)
    if after is None or any(cand.end <= c.start < after[0] for c in cands):
        return False
    return after[2] == intent.trade


def _closeness(weights: dict[str, float], toks: list[tuple[int, str]], sentence: str,
               cand: Candidate, cands: list[Candidate],
               chunk_terms: set[str], title_terms: frozenset[str]) -> tuple[float, float]:
    """(proximity-weighted match of question words around the value, their coverage).

    Distance counts words; a word in another ';'-clause counts as far away, so does a word
    with another figure of the same kind in between (it belongs to that one), and words of
    the value's own unit phrase ("sản phẩm OCOP") count as near.  A word of the passage's
    title counts at least as fairly near (TITLE_CREDIT): reports name their subject in the
    title and once in the text, then write "đơn vị", "tỉnh", "doanh nghiệp" — and a word the
    sentence holds never counts less than one it lacks.
    """
    rivals = [c.start for c in cands if c.kind == cand.kind and c.start != cand.start]
    inside = [i for i, (pos, _) in enumerate(toks) if cand.start <= pos < cand.end]
    at = inside[0] if inside else min(range(len(toks)),
                                      key=lambda i: abs(toks[i][0] - cand.start), default=0)
    clause_s, clause_e = _clause_bounds(sentence, cand.start, cand.end)
    brackets = _bracket_map(sentence)
    bracket = brackets[cand.start] if cand.start < len(brackets) else -1
    near = coverage = 0.0
    pairs = [f"{a}_{b}" for (_, a), (_, b) in zip(toks, toks[1:], strict=False)] + [""]
    for term, w in weights.items():
        best = 0.0
        for i, (pos, t) in enumerate(toks):
            if t != term and pairs[i] != term:
                continue
            if i in inside:
                closeness = UNIT_CREDIT if i != at else 0.0
            else:
                d = abs(i - at)
                closeness = 1 / (1 + d / 6) if pos < cand.start else 0.85 / (1 + d / 6)
                if not clause_s < pos < clause_e:
                    closeness *= 0.4
                lo, hi = sorted((pos, cand.start))
                if any(lo < r < hi for r in rivals):
                    closeness *= 0.5
                if brackets[pos] != bracket:
                    closeness *= 0.6
            best = max(best, closeness)
        if term in title_terms:
            best = max(best, TITLE_CREDIT)
        near += w * best
        if best > 0 or term in chunk_terms:
            coverage += w
    return near, coverage


_CLAUSE_BREAK_RE = re.compile(r";|,?\s*\btrong đó\b", re.IGNORECASE)


def _clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the clause around [start, end): split at ';' and "trong đó"."""
    lo, hi = -1, len(sentence)
    for m in _CLAUSE_BREAK_RE.finditer(sentence):
        if m.end() <= start:
            lo = m.end() - 1
        elif m.start() >= end:
            hi = m.start()
            break
    return lo, hi


def _bracket_map(sentence: str) -> list[int]:
    """For each character, the start of the innermost bracket holding it (-1 outside)."""
    out: list[int] = []
    opened: list[int] = []
    for i, ch in enumerate(sentence):
        out.append(opened[-1] if opened else -1)
        if ch == "(":
            opened.append(i)
        elif ch == ")" and opened:
            opened.pop()
    return out


def _bracket(sentence: str, pos: int) -> int:
    """Start of the innermost bracket holding ``pos`` (-1 outside brackets)."""
    return _bracket_map(sentence[:pos + 1])[pos] if pos < len(sentence) else -1


def _subject_text(sentence: str, cand: Candidate, cands: list[Candidate]) -> str:
    """The words a value owns: those since the previous value or clause break.  A value in
    brackets ("... 3.177 tỷ đồng (đạt 73,8%, tăng 16,3%)") also owns its figure's subject."""
    lo, _ = _clause_bounds(sentence, cand.start, cand.end)
    opened = _bracket(sentence, cand.start)
    prev = [c for c in cands if lo < c.end <= cand.start and c.kind not in ("name", "entity")]
    start = max([lo + 1, opened + 1] + [c.end for c in prev])
    text = sentence[start:cand.start]
    if opened >= 0:
        outer = [c for c in cands if c.end <= opened and lo < c.start]
        if outer:
            text = _subject_text(sentence, outer[-1], cands) + " ; " + text
    return text


def _with_bigrams(toks: list[tuple[int, str]]) -> set[str]:
    terms = {t for _, t in toks}
    terms.update(f"{a}_{b}" for (_, a), (_, b) in zip(toks, toks[1:], strict=False))
    return terms


def _clause(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The ';'-delimited clause of the sentence holding [start, end)."""
    s = sentence.rfind(";", 0, start) + 1
    e = sentence.find(";", end)
    e = len(sentence) if e < 0 else e + 1
    while s < e and sentence[s].isspace():
        s += 1
    while e > s and sentence[e - 1].isspace():
        e -= 1
    return s, e


def _entity_spans(intent: Intent, sentence: str) -> list[Candidate]:
    """For "which X" questions: the names that follow X in the sentence ("cụm công nghiệp
    Tân Văn và cụm công nghiệp Minh Sơn"), joined when they are listed together."""
    heads = {t for t in intent.terms if not t.isdigit()}
    spans: list[tuple[int, int]] = []
    words = [(m.start(), m.end(), fold(m.group(0))) for m in _WORD_SPAN_RE.finditer(sentence)]
    for s, e in capitalised_runs(sentence, min_words=1):
        run = [w for w in words if s <= w[0] < e]
        if all(w[2] in heads for w in run) or sentence[s:e].isupper() and len(run) == 1:
            continue  # the head noun itself ("Khu"), or an acronym alone
        k = words.index(run[0])
        start, taken = s, 0
        while k > 0 and taken < 4 and words[k - 1][2] in heads:
            k -= 1
            taken += 1
            start = words[k][0]
        if taken:
            spans.append((start, e))
    if not spans:
        return []
    merged = [spans[0]]
    for s, e in spans[1:]:
        gap = sentence[merged[-1][1]:s]
        if re.fullmatch(r"\s*(?:,|và|,\s*và)\s*", gap):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return [Candidate("entity", sentence[s:e], s, e, "") for s, e in merged]


_NUMBER_WORDS = frozenset("mot hai ba bon tu nam sau bay tam chin muoi tram nghin ngan trieu ty "
                          "chuc nua".split())


def _question_word_distance(question: str) -> dict[str, int]:
    """For each folded word of the question, how many words it stands from the nearest
    question word (ai, gì, nào, bao nhiêu, ...)."""
    low = question.lower()
    spans = [(m.start(), m.end()) for m in QUESTION_WORD_RE.finditer(low)]
    toks = [(m.start(), fold(m.group(0))) for m in _TOKEN_RE.finditer(low)]
    inside = [any(s <= pos < e for s, e in spans) for pos, _ in toks]
    out: dict[str, int] = {}
    if not any(inside):
        return out
    for i, (_, tok) in enumerate(toks):
        if inside[i]:
            continue
        left = next((i - j for j in range(i - 1, -1, -1) if inside[j]), None)
        right = next((j - i for j in range(i + 1, len(toks)) if inside[j]), None)
        d = min(x for x in (left, right) if x is not None)
        out[tok] = min(out.get(tok, d), d)
    return out


def _coverage(weights: dict[str, float], ps: ParsedSentence) -> float:
    """Weight of the question terms the sentence holds."""
    present = _with_bigrams(ps.toks)
    return sum(w for term, w in weights.items() if term in present)


def _asked_kind(intent: Intent, query: Query) -> str | None:
    """What the question word asks for: a "figure", a "date", a "name", or None."""
    folded = fold(query.expanded)
    if intent.kind != "generic" and HOW_MUCH_RE.search(folded):
        return "figure"
    if intent.kind == "date" or WHEN_RE.search(folded):
        return "date"
    return "name" if intent.kind == "person" else None


def _holds(asked: str | None, ps: ParsedSentence) -> bool:
    """The sentence holds the kind of thing the question word asks for."""
    if asked == "figure":
        return any(t[0].isdigit() or t in _NUMBER_WORDS for _, t in ps.toks)
    if asked == "date":
        return bool(re.search(r"\d|thế kỷ|thập kỷ", ps.text))
    if asked == "name":
        return bool(capitalised_runs(ps.text, min_words=1))
    return True


def refusal(query: Query, hits: list[Hit]) -> str:
    scope = query.scope
    when = ""
    if scope.periods:
        when += " " + ", ".join(PERIOD_NAMES.get(p, p) for p in sorted(scope.periods))
    if scope.years:
        when += " năm " + ", ".join(str(y) for y in sorted(scope.years))
    text = (f"Không tìm thấy thông tin trả lời câu hỏi \"{query.text.strip()}\""
            f"{' cho' + when if when else ''} trong các báo cáo hiện có.")
    other_years = sorted({y for h in hits for y in h.chunk.years} - set(scope.years))
    if scope.years and other_years:
        text += (" Các đoạn liên quan nói về năm " + ", ".join(map(str, other_years[:4]))
                 + ", không phải năm được hỏi.")
    return text


