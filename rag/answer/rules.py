"""Hard rules: what may never be the answer, and how well a value's kind fits the question.

A figure of another year or period (:func:`time_ok`), of another trade indicator
(:func:`trade_ok`: exports vs total import-export), from a sentence that does not name the
asked indicators (:func:`names_indicators`), or of another kind than asked
(:func:`kind_fits`: a percentage for "bao nhiêu tỷ đồng") is never the answer.
"""

from __future__ import annotations

import re

from rag.answer.candidates import Candidate, capitalised_runs
from rag.answer.intent import Intent, index_head_fits, money_indicator_at, trade_indicator_at
from rag.answer.places import gate_written
from rag.answer.sentences import ParsedSentence, clause_bounds, positions, with_bigrams
from rag.answer.weights import AnswerWeights, fit
from rag.records import Hit
from rag.search.query import Query, expand_abbreviations
from rag.vi.lexicon import DOCUMENT_CODES, DOCUMENT_KINDS, HOW_MUCH_RE, INDICATORS, WHEN_RE
from rag.vi.numbers import designation
from rag.vi.periods import TimeScope, time_match
from rag.vi.text import fold

_NUMBER_WORDS = frozenset("mot hai ba bon tu nam sau bay tam chin muoi tram nghin ngan trieu ty "
                          "chuc nua".split())
_CENTURY_RE = re.compile(r"\d|thế kỷ|thập kỷ")
# A count written as a word, read with its diacritics ("sáu", not "sau"); "năm" (five) is left
# out: it is written as "năm" (year) is ("Mỗi năm thư viện mở cửa ..."), and a digit says more.
_COUNT_RE = re.compile(r"\d|(?<!\w)(?:một|hai|ba|bốn|tư|sáu|bảy|tám|chín|mười|mươi|lăm|trăm|"
                       r"nghìn|ngàn|triệu|tỷ|tỉ|chục|nửa|vài)(?!\w)")


def time_ok(query: Query, sent: ParsedSentence, hit: Hit, *, undated_ok: bool = False) -> bool:
    """The sentence's own years/periods, else its passage's, agree with the question's; a
    sentence and passage silent about the period pass (see :func:`rag.vi.periods.time_match`).
    With ``undated_ok``, a sentence of text that states no time at all -- no year in the
    sentence nor its passage, and no document date -- passes the asked years too (its
    periods still count): such text is of no other year, and the question's year describes
    what it asks about ("Ai dẫn đầu số lần húc của Panthers năm 2015?" of an article that
    never writes the season).  Statement and count answers only: a figure's period is the
    figure answerer's to match (rag.answer.figures)."""
    scope = query.scope
    if undated_ok and not sent.years and not hit.chunk.years and not hit.chunk.date:
        scope = TimeScope(periods=scope.periods)
    return time_match(scope, sent.years or hit.chunk.years,
                      sent.periods or hit.chunk.periods, unstated_period_ok=True) is not False


def kind_fits(intent: Intent, cand: Candidate, sentence: str, weights: AnswerWeights) -> float:
    """How well a candidate's kind fits what is asked, 0..1: 0 excludes it.  A change
    question's figure must follow "tăng"/"giảm" (the asked direction, if any); an asked unit
    must be the figure's; otherwise the kind-fit tables of ``weights`` apply."""
    k = intent.kind
    unit_words = cand.unit.replace("/", " ").split()
    window = sentence[max(0, cand.start - weights.direction_chars):cand.start]
    before = re.findall(r"\w+", fold(window))[-weights.direction_words:]
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
        soft = 1.0 if intent.soft_unit in unit_words else weights.soft_unit_miss
    if k == "amount" and intent.wants_percent:
        return soft * fit(weights.percent_fits, cand.kind)
    if k == "amount":
        return soft * fit(weights.amount_fits, cand.kind)
    if k == "percent":
        return 1.0 if cand.kind == "percent" else 0.0
    if k == "change":
        if not any(w in ("tang", "giam", "bang") for w in before):
            return 0.0
        return fit(weights.change_fits, cand.kind)
    if k == "date":
        return 1.0 if cand.kind == "date" else 0.0
    if k == "decision":
        return 1.0 if cand.kind == "decision" else 0.0
    if k == "person":
        return 1.0 if cand.kind == "name" else 0.0
    if k == "rank":
        return 1.0 if cand.kind == "ratio" else 0.0
    return 0.0  # entity questions are answered by spans (rag.answer.candidates.entity_spans)


def trade_ok(intent: Intent, trades: list[tuple[int, int, str]], cands: list[Candidate],
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


def names_indicators(intent: Intent, folded_sentence: str) -> bool:
    """The folded sentence names every indicator the question names (``INDICATORS``)."""
    wanted = dict(INDICATORS)
    return all(any(re.search(r"(?<!\w)" + re.escape(p) + r"(?!\w)", folded_sentence)
                   for p in wanted[code]) for code in intent.indicators)


def names_money_asked(intent: Intent, folded_sentence: str) -> bool:
    """The folded sentence names one of the money indicators the question names by its head
    (Intent.money), or none at all: "Giá trị sản xuất hàng thủ công mỹ nghệ xuất khẩu ..."
    states no "doanh thu" (rag.answer.figures.money_fits, the same rule for a figure)."""
    found = {code for _, _, code in money_indicator_at(folded_sentence)}
    return not found or bool(found & set(intent.money))


def names_index_asked(intent: Intent, sentence: str) -> bool:
    """The ``sentence`` names the index or money head the question asks (Intent.indicators,
    Intent.money), or neither kind: "Giá trị sản xuất công nghiệp ... tăng 8,2%" states no
    "chỉ số sản xuất công nghiệp" (rag.answer.intent.index_head_fits; the same rule for a
    figure: rag.answer.figures.index_fits)."""
    fits = index_head_fits(intent.indicators, intent.money,
                           fold(expand_abbreviations(sentence)).lower())
    return fits is not False


def sentence_trade_fits(trade: str, sentence: str, title: str) -> bool:
    """A sentence answers a question asking one trade (``trade``: Intent.trade, "export")
    only when it names that trade, or names none and the nearest trade its document's
    ``title`` names is it (or the title names none): a customs report gives the border gates'
    total trade alone ("cửa khẩu quốc tế Hữu Nghị đạt 4.105 triệu USD, chiếm 47% tổng kim
    ngạch" under "Kim ngạch xuất nhập khẩu 11 tháng ...") -- no exports of the gate (bt17d
    c14 answered it at 0.51).  When neither names a trade, "kim ngạch" alone in the sentence,
    or in the title over a sentence naming a gate, is the total trade, no export nor import
    ("Cửa khẩu quốc tế Hữu Nghị ... với kim ngạch quý I đạt 2.071,4 triệu USD", break-test
    bt25 kind 2).  The figure's rule reads the same fields (rag.answer.figures.trade_fits,
    trade_named)."""
    folded = [fold(expand_abbreviations(text)).lower() for text in (sentence, title)]
    for text in folded:
        found = {code for _, _, code in trade_indicator_at(text)}
        if found:
            return trade in found or (trade == "local_export" and "export" in found)
    said = [any(code == "trade_value" for _, _, code in money_indicator_at(text))
            for text in folded]
    return trade == "import_export" or not (said[0] or (said[1] and gate_written(sentence)))


def only_question_words(intent: Intent, cand: Candidate) -> bool:
    """A name made of the question's own words ("Lạng Sơn") is not what it asks for."""
    if cand.kind not in ("name", "entity"):
        return False
    words = re.findall(r"[a-z]+", fold(cand.text))
    return all(w in intent.terms for w in words)


def clause_names(sentence: str, cand: Candidate, head: set[str]) -> bool:
    """The clause holding the figure has at least one of the head's words before it."""
    lo, _ = clause_bounds(sentence, cand.start, cand.end)
    words = with_bigrams(positions(sentence[lo + 1:cand.start]))
    return bool(head & words)


def states_asked_figure(intent: Intent, ps: ParsedSentence) -> bool:
    """A sentence that can answer a figure question: it names the asked trade and other
    indicators, states a figure, and counts in the asked unit when one is asked."""
    if intent.trade and intent.trade not in {code for _, _, code in ps.trades}:
        return False
    if intent.indicators and not names_indicators(intent, ps.folded):
        return False
    if intent.money and not names_money_asked(intent, ps.folded):
        return False
    figures = [c for c in ps.cands if c.kind in ("amount", "count", "percent", "ratio")]
    if not figures:
        return False
    if intent.unit and intent.unit not in {t for _, t in ps.toks}:
        return False
    return not (intent.kind == "percent" and not any(c.kind == "percent" for c in figures))


def asked_kind(intent: Intent, query: Query) -> str | None:
    """What the question word asks for: a "figure", a "date", a "name", or None."""
    folded = fold(query.expanded)
    if intent.kind != "generic" and HOW_MUCH_RE.search(folded):
        return "figure"
    if intent.kind == "date" or WHEN_RE.search(folded):
        return "date"
    return "name" if intent.kind == "person" else None


# a number as written, and a year
_NUMBER_RE = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)*")
_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def states_count(text: str) -> bool:
    """Whether ``text`` (with its diacritics) states a number: a digit or a number word other
    than "năm", which is as often the year (tests/test_count_sentences.py).  A model's or
    version's number ("3.0 Tesla", "phiên bản 4.0", "5G": rag.vi.numbers.designation) states
    none, and beside one a year alone states none either: "Năm 2035, bệnh viện đưa vào sử
    dụng máy chụp cộng hưởng từ 3.0 Tesla" says how many machines nowhere (break-test s51,
    kind 3; tests/test_designation_numbers.py)."""
    low = text.lower()
    named = [m.span() for m in _NUMBER_RE.finditer(text) if designation(text, *m.span())]
    if named:
        for s, e in reversed(named):
            low = low[:s] + " " * (e - s) + low[e:]
        low = _YEAR_RE.sub(" ", low)
    return bool(_COUNT_RE.search(low))


def holds(asked: str | None, ps: ParsedSentence) -> bool:
    """The sentence holds the kind of thing the question word asks for (see
    :func:`asked_kind`): a number or number word, a digit or a century, a capitalised word."""
    if asked == "figure":
        return any(t[0].isdigit() or t in _NUMBER_WORDS for _, t in ps.toks)
    if asked == "date":
        return bool(_CENTURY_RE.search(ps.text))
    if asked == "name":
        return bool(capitalised_runs(ps.text, min_words=1))
    return True


_DOCUMENT_RE = re.compile(r"\b(" + DOCUMENT_KINDS + r")\b")
_DATE_RE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)(?![\d/])")


def document_fit(question: str, sentence: str, cand: Candidate,
                 weights: AnswerWeights = AnswerWeights()) -> float:
    """How well a document number ``cand`` ("1718/QĐ-UBND") of ``sentence`` is the one a
    question (folded) asks for: 1.0, halved when the kind of document asked first ("báo
    cáo", "tờ trình", "QĐ") carries another code than the number's, and halved when the
    question names a date that the words right after the number
    (``weights.document_date_chars``: "ngày 26/9/2025") do not -- a number and its date name
    one document (both factors ``weights.document_mismatch``)."""
    fit_ = 1.0
    m = _DOCUMENT_RE.search(question)
    code = DOCUMENT_CODES.get(m.group(1), "") if m else ""
    parts = fold(cand.text).lower().split("/")
    own = next((p.split("-")[0] for p in parts[1:] if p[:1].isalpha()), "")
    if code and own != code:
        fit_ *= weights.document_mismatch
    asked = {tuple(int(x) for x in d.groups()) for d in _DATE_RE.finditer(question)}
    after = {tuple(int(x) for x in d.groups())
             for d in _DATE_RE.finditer(sentence[cand.end:cand.end + weights.document_date_chars])}
    if asked and not asked & after:
        fit_ *= weights.document_mismatch
    return fit_
