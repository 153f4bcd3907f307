"""The evaluation half of ``RagService`` (a mixin): the candidates a figure question is
chosen from (what ``rag train`` fits on), fitting the figure scorer, and ``rag eval``."""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Iterable
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from index import Index
from rag.answer import Answerer, AnswerWeights
from rag.answer.answerer import FIGURE_KINDS
from rag.answer.compose import answer_text
from rag.answer.intent import read_intent
from rag.answer.scorer import DEFAULT_PATH, HAND_PATH
from rag.eval import EvalReport, load_gold
from rag.eval.runner import run_gold
from rag.eval.train import TrainQuestion, TrainReport, label, span_days
from rag.eval.train import train as fit_scorer
from rag.ingest.figures import FigureReader
from rag.records import RETRIEVAL_MODES, Answer, AskOptions, SearchResult
from rag.service.cascade import BM25_MARGIN
from rag.service.questions import MAX_PERIODS_READ, ReadQuestion, check_mode
from rag.settings import Settings
from rag.vi.restore import pair_writer


class Evaluation:
    """What evaluation needs of the service: its settings, weights, index, question reading,
    figure reader, answerer, ``ask`` and ``search``."""

    settings: Settings
    weights: AnswerWeights

    @property
    @abstractmethod
    def index(self) -> Index:
        """The index this process answers from (``RagService.index``)."""

    @abstractmethod
    def check_question(self, text: str | None, what: str = "question") -> str:
        """``RagService.check_question``."""

    @abstractmethod
    def _read(self, question: str, today: date | None = None) -> ReadQuestion:
        """``RagService._read``."""

    @abstractmethod
    def _figures(self, index: Index) -> FigureReader:
        """``RagService._figures``."""

    @abstractmethod
    def answerer(self, index: Index | None = None) -> Answerer:
        """``RagService.answerer``."""

    @abstractmethod
    def ask(self, question: str, options: AskOptions | None = None, *,
            resolved_question: str | None = None) -> Answer:
        """``RagService.ask``."""

    @abstractmethod
    def search(self, question: str, top_k: int | None = None, *, year: int | None = None,
               doc_ids: Iterable[str] | None = None, mode: str | None = None) -> SearchResult:
        """``RagService.search``."""

    def figure_candidates(self, question: str, today: date | None = None,
                          answerer: Answerer | None = None
                          ) -> list[list[tuple[str, tuple[float, ...], bool, int, float, bool,
                                               float]]] | None:
        """The candidate frames a figure question is chosen from, as ``rag train`` reads them:
        per asked period, each candidate as (answer text, features, for a part of the
        period, days its period spans or -1, the ranking's score, whether ``answerer`` gives
        it: ``Answerer.pick``, and the confidence ``answerer`` gives it: ``Answerer.judge``,
        0..1), from the passages the configured retrieval gives (no
        cascade).  None for a question that is not a figure question or asks a year no
        report covers (refused before any frame is read)."""
        today = today or self.settings.today or date.today()
        q = self._read(self.check_question(question), today)
        if q.refused_years:  # refused as ask refuses it
            return None
        intent = read_intent(q.query)
        if intent.kind not in FIGURE_KINDS:
            return None
        n_read = self.settings.answer_passages
        hits = q.search(n_read * MAX_PERIODS_READ).hits
        answerer = answerer or self.answerer(q.index)
        parts = answerer.figure_candidates(
            q.query, intent, hits, self._figures(q.index), q.text_of, today, n_read)
        picked = [answerer.pick(choices) for _, choices in parts]
        return [[(answer_text(c.frame), c.features, c.match == "partial",
                  span_days(c.frame.period.start, c.frame.period.end) if c.frame.period
                  else -1, c.score, c is pick, answerer.judge(c, choices)) for c in choices]
                for (_, choices), pick in zip(parts, picked, strict=True)]

    def train(self, golds: Iterable[Path], out: Path | None = None, *, folds: int = 5,
              c: float | None = None, ranker: str | None = None) -> TrainReport:
        """`rag train`: fit the figure scorer on the figure questions of the gold files
        ``golds`` asked on this index (rag.eval.train: folds by document, logistic
        regression, isotonic calibration, thresholds), save it to ``out`` (default: the file
        shipped with the library for the fitted ranker, ``rag.answer.scorer.HAND_PATH`` for
        ``ranker`` "hand") and return the folds' figures.  ``ranker``: "fitted", "hand" (the
        hand-set choice kept, only its confidence fitted) or None (both tried, the better
        kept).  The candidates are read with the hand-set ranking, so what the shipped
        scorer does not matter.  GoldError for a malformed gold file; ValueError when there
        is too little to fit on or ``ranker`` is another word."""
        return fit_and_save(self.train_rows(golds), out, folds=folds, c=c, ranker=ranker)

    def train_rows(self, golds: Iterable[Path], round_name: str | None = None
                   ) -> list[TrainQuestion]:
        """The figure questions of the gold files ``golds`` asked on this index, with their
        candidates as the hand-set ranking reads them (``rag.eval.train.label``).  Their fold
        group is the document that answers each (``label``'s default), or ``round_name`` for
        them all: a break-test round, written against its own documents, is never on both
        sides of a fold.  GoldError for a malformed gold file."""
        index = self.index
        hand = Answerer(index.lexical.df, len(index), self.weights,
                        written=pair_writer(index.word_forms))
        rows = []
        for g in (q for path in golds for q in load_gold(path)):
            parts = self.figure_candidates(g.question, g.today, hand)
            if parts is not None:
                rows.append(label(g, parts, round_name))
        return rows

    def evaluate(self, gold: Path, *, top_k: int = 10, mode: str | None = None,
                 strip: bool = False, fold: bool = False,
                 about: dict[str, Any] | None = None) -> EvalReport:
        """`rag eval`: every question of the gold file ``gold`` asked (the whole answering
        path) and searched (``top_k`` passages, ``mode``), scored; ``strip`` asks them without
        diacritics, ``fold`` matches answers ignoring them; a question with a ``today`` is
        asked on that day (``rag.eval.runner.run_gold``).  The report's configuration records
        everything the run depended on, ``about`` added to it.  GoldError for a malformed gold
        file, QuestionError for an unknown ``mode``."""
        check_mode(mode, RETRIEVAL_MODES, "retrieval")
        st = self.settings
        return run_gold(
            gold, lambda: self.index,
            lambda question, today: self.ask(question, AskOptions(retrieval_mode=mode,
                                                                  today=today)),
            lambda question: self.search(question, top_k=top_k, mode=mode),
            max_question_chars=st.max_question_chars, index_dir=st.index_dir,
            weights=self.weights.to_dict(), today=st.today, about=about, strip=strip,
            fold=fold, run={"mode": mode or st.retrieval_mode, "top_k": top_k,
                            "hybrid_alpha": st.hybrid_alpha, "candidates": st.candidates,
                            "answer_passages": st.answer_passages,
                            "cascade_confidence": st.cascade_confidence,
                            "cascade_margin": asdict(BM25_MARGIN),
                            "max_periods_read": MAX_PERIODS_READ,
                            "figure_scorer": st.figure_scorer,
                            "answer_mode": "extractive"})


def fit_and_save(rows: list[TrainQuestion], out: Path | None = None, *, folds: int = 5,
                 c: float | None = None, ranker: str | None = None) -> TrainReport:
    """Fit the figure scorer on ``rows`` (``Evaluation.train_rows`` of one or several
    indexes; rag.eval.train.train), save it to ``out`` (default: the file shipped with the
    library for the fitted ranker, ``rag.answer.scorer.HAND_PATH`` for ``ranker`` "hand")
    and return the folds' figures.  ValueError when there is too little to fit on or
    ``ranker`` is another word."""
    scorer, report = fit_scorer(rows, folds=folds, c=c, ranker=ranker)
    scorer.save(out or (HAND_PATH if ranker == "hand" else DEFAULT_PATH))
    return report
