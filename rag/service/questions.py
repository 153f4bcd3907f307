"""A question as the service reads it, once, before anything is retrieved: invisible
characters removed, misspelt words corrected against the index's own vocabulary
(``rag.vi.spell``), the query analysed, and the asked years no report covers.  ``ask`` and
``figure_candidates`` (what ``rag train`` fits on) both read a question this one way."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from index import Index
from rag.errors import QuestionError
from rag.records import SearchResult
from rag.search.query import Query, is_english
from rag.search.retrieve import Filters, Retriever
from rag.service.years import YearCoverage, asked_years
from rag.vi.asked import question_periods
from rag.vi.periods import BARE_YEARS, scope_of
from rag.vi.spell import Speller
from rag.vi.text import normalize_query, strip_invisible

MAX_PERIODS_READ = 4  # a question about several periods reads this many times the passages


MAX_PASSAGES = 100  # passages a request may read or ask for (top_k, passages, hits)
YEARS = (1900, 2100)  # the years a request may filter on
MAX_DOC_IDS = 1000  # documents a request may filter on


def check_request(top_k: int | None = None, year: int | None = None,
                  doc_ids: Iterable[str] | None = None) -> None:
    """QuestionError unless ``top_k`` (passages read or returned) is 1..MAX_PASSAGES,
    ``year`` within YEARS and ``doc_ids`` at most MAX_DOC_IDS: the one check every front end
    goes through (the HTTP schema's bounds are these)."""
    if top_k is not None and not 1 <= top_k <= MAX_PASSAGES:
        raise QuestionError(f"top_k must be 1 to {MAX_PASSAGES}, not {top_k}")
    if year is not None and not YEARS[0] <= year <= YEARS[1]:
        raise QuestionError(f"year must be {YEARS[0]} to {YEARS[1]}, not {year}")
    if doc_ids is not None and len(list(doc_ids)) > MAX_DOC_IDS:
        raise QuestionError(f"at most {MAX_DOC_IDS} documents may be given")


def check_mode(mode: str | None, known: tuple[str, ...], what: str) -> None:
    """QuestionError unless ``mode`` is None or one of ``known`` (``what``: "answer",
    "retrieval", for the message)."""
    if mode is not None and mode not in known:
        raise QuestionError(f"unknown {what} mode {mode!r}: use {' or '.join(known)}")


class Corrector:
    """Misspelt words corrected against an index's vocabulary; the speller is built once per
    index generation (its word forms)."""

    def __init__(self) -> None:
        self._cache: tuple[object, Speller] | None = None

    def speller(self, index: Index) -> Speller:
        """The speller of ``index``'s word forms (``index.word_forms``)."""
        cached = self._cache
        if cached is None or cached[0] is not index.word_forms:
            cached = (index.word_forms, Speller(index.word_forms))
            self._cache = cached
        return cached[1]

    def correct(self, index: Index, question: str) -> str:
        """``question`` with its misspelt words corrected against the index's vocabulary
        (``rag.vi.spell``); itself when nothing was corrected (or it is in English)."""
        if is_english(question):
            return question
        corrected = self.speller(index).correct(question)
        return corrected if corrected != normalize_query(question) else question


@dataclass(frozen=True)
class ReadQuestion:
    """A question read against one snapshot of the index (kept for the whole question, even
    if an upload swaps the index meanwhile)."""

    index: Index
    resolved: str  # as corrected; the answer's ``resolved_question``
    retriever: Retriever
    query: Query
    refused_years: tuple[int, ...]  # every asked year, when no passage writes any of them
    today: date | None = None  # the day asked: what "năm ngoái", "quý trước" mean
    # asked years no passage writes, beside covered ones, that the period reader does not
    # take as periods ("năm 2018 và năm 2108": 2108): answered without, and named as lacking
    uncovered: tuple[int, ...] = ()

    def search(self, top_k: int, filters: Filters | None = None,
               mode: str | None = None) -> SearchResult:
        """The ``top_k`` passages for the question (``mode``: None the configured one),
        retrieved with its relative periods written out (:func:`dated`)."""
        query = dated(self.query, self.today) if self.today is not None else self.query
        return self.retriever.search(self.resolved, top_k, filters, mode=mode, query=query)

    def text_of(self, doc_id: str) -> str:
        """The stored text of document ``doc_id``; KeyError when the index has none."""
        return self.index.docs[doc_id].text


def dated(query: Query, today: date) -> Query:
    """``query`` as retrieval reads it on ``today``: the periods it asks that it does not
    write with their year -- "năm ngoái", "quý trước", a "quý I" of this year -- added in
    brackets as the periods they are ("kim ngạch XNK năm ngoái (năm 2019)"), so that BM25
    meets the reports' own words and the year scores the report of that year
    (rag.search.retrieve).  The answerer reads the question as asked (its periods are
    resolved the same way, ``rag.vi.calendar.question_periods``)."""
    asked = question_periods(query.expanded, today).periods
    written = set(query.scope.years)
    extra = [p.label for p in asked if p.year not in written and p.kind != "years"]
    if not extra:
        return query
    expanded = f"{query.expanded} ({'; '.join(dict.fromkeys(extra))})"
    return replace(query, expanded=expanded, scope=scope_of(expanded))


def read_question(text: str, index: Index, retriever: Retriever, corrector: Corrector,
                  years: YearCoverage, today: date | None = None) -> ReadQuestion:
    """``text`` (a checked question, or the question as resolved against a chat) read with
    ``retriever`` over ``index``.  Its asked years (``asked_years``, comparison years left
    out) are refused when the index has documents and none of them is covered: never
    another year's figure."""
    # a misspelt word corrected, an abbreviation the corpus does not write spelled out as the
    # corpus spells it: the question as read, shown with the answer ("Hiểu là: ...")
    resolved = retriever.spell_out(corrector.correct(index, strip_invisible(text).strip()))
    query = retriever.analyze(resolved)
    asked = asked_years(query.expanded, query.scope.years) - set(query.scope.comparison_years)
    missing = sorted(asked - years.covered(index))
    refused = missing if missing and index.docs and len(missing) == len(asked) else []
    # a missing year the period reader took only from its cue ("năm 2108": rag.vi.periods
    # BARE_YEARS) is named as lacking beside the covered one, as one it does not take is
    uncovered = () if refused or not index.docs else \
        tuple(y for y in missing if y not in query.scope.years or y not in BARE_YEARS)
    return ReadQuestion(index, resolved, retriever, query, tuple(refused), today, uncovered)
