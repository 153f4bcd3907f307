"""Statement answers: the sentence that answers an ai / gì / đâu / khi nào / vì sao question,
or a figure question no single figure answered.

A sentence scores by the question's rare words and word pairs it holds (those next to the
question word most: Vietnamese asks in place, "đổ lỗi cho [điều gì]", so the answering
sentence has them around the answer), by those its neighbours hold, by holding what the
question word asks for, and by its passage's rank.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rag.answer.asked_subject import stage_unmet
from rag.answer.intent import Intent
from rag.answer.places import RANKED_OVER, document_names, own_places, places_named, units_named
from rag.answer.rules import asked_kind, holds, states_asked_figure, time_ok
from rag.answer.sentences import (
    TOKEN_RE,
    ParsedSentence,
    both_forms,
    pair_terms,
    parse_chunk,
    with_bigrams,
)
from rag.answer.weights import AnswerWeights
from rag.records import Answer, Citation, Hit, Passage
from rag.search.query import Query, lexicon_pairs
from rag.vi.lexicon import ASPECT_WORDS, QUESTION_WORD_RE
from rag.vi.text import fold, normalize

# (score, hit, sentence) of a sentence answer
Found = tuple[float, Hit, ParsedSentence]


def question_word_distance(question: str) -> dict[str, int]:
    """For each folded word of the question, how many words it stands from the nearest
    question word (ai, gì, nào, bao nhiêu, ...: ``rag.vi.lexicon.QUESTION_WORDS``); empty
    when the question has none."""
    low = question.lower()
    spans = [(m.start(), m.end()) for m in QUESTION_WORD_RE.finditer(low)]
    toks = [(m.start(), fold(m.group(0))) for m in TOKEN_RE.finditer(low)]
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


def question_terms(intent: Intent) -> tuple[list[str], list[str]]:
    """The question's folded words and its adjacent word pairs ("doanh_thu"), each once, in
    order, from ``intent.runs``."""
    words = list(dict.fromkeys(t for run in intent.runs for t in run))
    pairs = list(dict.fromkeys(f"{a}_{b}" for run in intent.runs
                               for a, b in zip(run, run[1:], strict=False)))
    return words, pairs


def aspect_free(terms: list[str], typed: str) -> list[str]:
    """``terms`` (folded words and "_"-joined pairs, :func:`question_terms`) without those
    holding a word that ``typed`` (the question as typed) writes only as a word of tense or
    aspect (rag.vi.lexicon.ASPECT_WORDS: "đã", "từng", "đang"): "Hà Châu đã từng có bao
    nhiêu đội?" asks nothing the passage must write as "từng" -- the statement check saw it
    missing from "đã có ba đội tham gia" (tests/test_part_of_day_and_classifiers.py).  A
    folded word typed once as another word ("Tùng", a name) stays."""
    typed_as: dict[str, set[str]] = {}
    for tok in re.findall(r"\w+", normalize(typed).lower()):
        typed_as.setdefault(fold(tok), set()).add(tok)
    aspect = {w for w, forms in typed_as.items() if forms <= ASPECT_WORDS}
    return [t for t in terms if not set(t.split("_")) & aspect]


def sentence_weights(query: Query, intent: Intent, idf: Callable[[str], float],
                     weights: AnswerWeights) -> dict[str, float]:
    """IDF weights (clipped at 0) of the question's words and word pairs (pairs times
    ``pair_weight``); terms within ``anchor_span`` words of the question word weigh
    ``1 + anchor_bonus / distance`` times more."""
    words, pairs = question_terms(intent)
    out = {t: max(0.0, idf(t)) for t in words}
    out.update({t: weights.pair_weight * max(0.0, idf(t)) for t in pairs})
    near = question_word_distance(query.expanded)
    span = weights.anchor_span
    for term in out:
        d = min(near.get(part, span + 1) for part in term.split("_"))
        if d <= span:
            out[term] *= 1 + weights.anchor_bonus / d
    return out


def statement_pairs(query: Query) -> tuple[tuple[str, frozenset[str]], ...]:
    """The abbreviation pairs a statement answer's words are matched with
    (rag.answer.sentences.pair_terms): the corpus's (``query.acronyms``) and the domain
    abbreviations the question writes either form of (rag.search.query.lexicon_pairs: a
    sentence writing "UBND" holds the "ủy ban nhân dân" the question's reading wrote out)."""
    known = {key for key, _ in query.acronyms}
    return pair_terms(query.acronyms + tuple(
        pair for pair in lexicon_pairs(query.text) if pair[0] not in known))


def coverage(terms: dict[str, float], ps: ParsedSentence,
             paired: tuple[tuple[str, frozenset[str]], ...] = ()) -> float:
    """Weight of the question terms the sentence holds, either form of an abbreviation
    pair of the question (``paired``: rag.answer.sentences.pair_terms) holding both."""
    present = both_forms(with_bigrams(ps.toks), paired)
    return sum(w for term, w in terms.items() if term in present)


def sentence_scores(query: Query, intent: Intent, hits: list[Hit], idf: Callable[[str], float],
                    weights: AnswerWeights, *, undated_ok: bool = False,
                    texts: Callable[[str], str] | None = None,
                    ) -> list[tuple[float, float, Hit, ParsedSentence]]:
    """(score, coverage, hit, sentence) for the sentences of the passages ``hits`` (best
    first) that may answer: of the asked time and the places asked (other than the reports'
    own province), holding at least ``statement_sentence_min`` of the question's weight.
    Coverage is that share; the score adds ``sentence_context`` times
    the better neighbour's, and is cut for a sentence without what the question word asks
    for and for lower-ranked passages.  ``undated_ok``: an asked year does not rule out text
    that states no time at all (:func:`rag.answer.rules.time_ok`).  ``texts`` (doc id ->
    the document's text), when given, lets a place asked be the document's own, named in its
    letterhead (rag.answer.places.own_places), as a figure's may (places_fit); a name the
    question marks as a place's ("của Sa Điền": rag.answer.places.units_named) must be one the
    document writes (rag.answer.places.document_names).  A stage asked ("giai đoạn 2") is
    not answered by a sentence of another stage (rag.answer.asked_subject.stage_unmet)."""
    terms = sentence_weights(query, intent, idf, weights)
    total = sum(terms.values()) or 1.0
    paired = statement_pairs(query)
    asked = asked_kind(intent, query)
    places = places_named(query.expanded) | places_named(query.text)
    if intent.kind == "rank":
        places -= RANKED_OVER
    owners = units_named(query.expanded, owner=True) | units_named(query.text, owner=True)
    out = []
    for rank, hit in enumerate(hits):
        sents = parse_chunk(hit.chunk.id, hit.chunk.title, hit.chunk.text, weights).sentences
        covs = [coverage(terms, ps, paired) / total for ps in sents]
        for i, ps in enumerate(sents):
            if covs[i] < weights.statement_sentence_min or not time_ok(
                    query, ps, hit, undated_ok=undated_ok):
                continue
            if places and places - places_named(f"{ps.text} \n {hit.chunk.title}") - (
                    own_places(hit.chunk.title, texts(hit.chunk.doc_id) if texts is not None
                               else hit.chunk.text)):
                continue  # "What was Ha Noi's CPI ...": a sentence of another province's
            if owners and not document_names(owners, hit.chunk.title, texts(hit.chunk.doc_id)
                                             if texts is not None else hit.chunk.text):
                continue  # "của Sa Điền": a document that never names it
            if stage_unmet(query.text, ps.text, f"{hit.chunk.title}\n{hit.chunk.text}"):
                continue  # "giai đoạn 1" for "giai đoạn 2" asked (asked_subject.stage_unmet)
            context = max([covs[j] for j in (i - 1, i + 1) if 0 <= j < len(sents)],
                          default=0.0)
            score = covs[i] + weights.sentence_context * context
            if not holds(asked, ps):
                score *= weights.sentence_kind_penalty
            score *= 1 - weights.sentence_rank_decay * min(rank, weights.sentence_rank_cap)
            out.append((score, covs[i], hit, ps))
    return out


def best_sentence(query: Query, intent: Intent, hits: list[Hit], idf: Callable[[str], float],
                  weights: AnswerWeights, need_figure: bool = False, *,
                  undated_ok: bool = False, texts: Callable[[str], str] | None = None
                  ) -> Found | None:
    """The best-scoring sentence (see :func:`sentence_scores`), or None.  With
    ``need_figure`` (a figure question), only a sentence that passes the rules a figure must
    (:func:`rag.answer.rules.states_asked_figure`) and holds ``figure_sentence_min`` of the
    question.  ``undated_ok``, ``texts``: as :func:`sentence_scores`."""
    best: Found | None = None
    for score, cov, hit, ps in sentence_scores(query, intent, hits, idf, weights,
                                               undated_ok=undated_ok, texts=texts):
        if need_figure and (cov < weights.figure_sentence_min
                            or not states_asked_figure(intent, ps)):
            continue
        if best is None or score > best[0]:
            best = (score, hit, ps)
    return best


def sentence_answer(query: Query, found: Found, resolved_question: str,
                    related: tuple[Passage, ...], weights: AnswerWeights) -> Answer:
    """The sentence itself as the answer, cited whole; confidence ``sentence_confidence``
    times its score, at most 1."""
    score, hit, ps = found
    chunk = hit.chunk
    text = ps.text.strip()
    lead = len(ps.text) - len(ps.text.lstrip())
    start = chunk.start + ps.start + lead
    citation = Citation(doc_id=chunk.doc_id, chunk_id=chunk.id, title=chunk.title,
                        date=chunk.date, quote=text, start=start, end=start + len(text))
    return Answer(question=query.text, resolved_question=resolved_question, answer=text,
                  found=True, confidence=round(min(1.0, weights.sentence_confidence * score), 4),
                  answer_sentence=text, citations=(citation,), related=related)
