"""Extractive answers: pick, from the top passages, the figure or name that answers the question.

Every candidate value (amount, percentage, count, date, decision number, name) in the
passages' sentences is scored by how closely the question's words surround it, weighted by
how rare they are in the corpus.  Hard rules keep the product honest: a figure of another
year or period, of another trade indicator (exports vs total import-export), or of another
kind than asked (a percentage for "bao nhiêu tỷ đồng") is never the answer.  When no
candidate survives, the answer is a plain refusal with the closest passages as related.

Modules: intent (what is asked), candidates (values in a sentence), sentences (splitting,
clauses, brackets), rules (hard rules), scoring (figure scores, confidence), statements
(sentence answers), chooser (which sentence answers, fitted), answerer (:class:`Answerer`),
weights (:class:`AnswerWeights`); generative (the optional LLM answer).
"""

from rag.answer.answerer import Answerer
from rag.answer.weights import AnswerWeights

__all__ = ["AnswerWeights", "Answerer"]
