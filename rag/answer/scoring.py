"""Figure scores: how closely the question's words surround a value, weighted by how rare
they are in the corpus, and how sure the answer is."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from rag.answer.asked_subject import place_name
from rag.answer.candidates import (
    YEAR_ASKED_RE,
    Candidate,
    candidates,
    entity_spans,
    replaced_holder,
    role_said_fits,
    year_spans,
)
from rag.answer.extremes import EXTREME_WORDS, stated_extreme
from rag.answer.intent import Intent
from rag.answer.relations import successor_named
from rag.answer.rules import (
    clause_names,
    document_fit,
    kind_fits,
    names_indicators,
    only_question_words,
    time_ok,
    trade_ok,
)
from rag.answer.sentences import (
    apposition_span,
    bracket_map,
    clause_bounds,
    issuing_body,
    parse_chunk,
    positions,
    signed_as,
    signer_fits,
    subject_text,
    with_bigrams,
)
from rag.answer.weights import AnswerWeights
from rag.records import Hit
from rag.search.query import Query
from rag.vi.text import fold

_FIRST_ASKED_RE = re.compile(r"\bdau tien\b")


@dataclass(frozen=True)
class Scored:
    """The best value found: its score and coverage (shares of the question's weight), where
    it is, and the candidate itself."""

    score: float
    coverage: float
    hit: Hit
    sentence: str
    sent_start: int  # offset of the sentence in the chunk text
    cand: Candidate
    # an entity its sentence states as the end of a ranking the question asks ("dẫn đầu ...")
    stated_end: bool = False


def term_weights(terms: list[str], idf: Callable[[str], float],
                 weights: AnswerWeights) -> dict[str, float]:
    """IDF weight of each question term; Vietnamese noun phrases put the head first, so
    earlier terms weigh more (the last ``weights.head_decay`` less than the first)."""
    n = len(terms)
    return {t: idf(t) * (1.0 - weights.head_decay * i / max(1, n - 1))
            for i, t in enumerate(terms)}


def best_figure(query: Query, intent: Intent, hits: list[Hit], terms: dict[str, float],
                head: set[str], weights: AnswerWeights,
                texts: Callable[[str], str] | None = None) -> Scored | None:
    """The candidate value of the passages ``hits`` (best first) that the hard rules allow
    and the question's ``terms`` (term -> weight) surround most closely; None when none is
    allowed.  ``head``: the terms before "của" that the figure's clause should name.
    ``texts`` (doc id -> the document's text): a signature block's name holds its role of
    the body whose letterhead heads it (rag.answer.sentences.signer_fits)."""
    total = sum(terms.values()) or 1.0
    best: Scored | None = None
    folded_q = fold(query.expanded).lower()
    # the first holder of a role asked ("tổng giám đốc đầu tiên"; break-test bt24b)
    first_asked = bool(_FIRST_ASKED_RE.search(folded_q))
    year_asked = intent.kind == "entity" and intent.extreme is None \
        and bool(YEAR_ASKED_RE.search(folded_q))
    for rank, hit in enumerate(hits):
        parsed = parse_chunk(hit.chunk.id, hit.chunk.title, hit.chunk.text, weights)
        for ps in parsed.sentences:
            sent = ps.text
            if not time_ok(query, ps, hit) and intent.kind != "decision":
                continue  # a document's number: its year is its subject's, not its own
            if intent.indicators and not names_indicators(intent, ps.folded):
                continue
            cands = (year_spans(sent) if year_asked else
                     entity_spans(intent, sent, weights) if intent.kind == "entity"
                     else ps.cands)
            for cand in cands:
                fit = kind_fits(intent, cand, sent, weights) if cand.kind != "entity" else 1.0
                if fit <= 0 or not trade_ok(intent, ps.trades, cands, cand) \
                        or only_question_words(intent, cand):
                    continue
                if cand.kind == "name" and intent.kind == "person" and place_name(
                        sent, cand.start, cand.text):
                    continue  # "UBND huyện Chi Lăng": a place (asked_subject.place_name)
                if cand.kind == "name" and not role_said_fits(query.expanded, sent, cand,
                                                               weights):
                    continue  # "Phó Giám đốc Sở ..." is no "Giám đốc" asked
                doc = texts(hit.chunk.doc_id) if texts is not None else hit.chunk.text
                if cand.kind == "name" and not signer_fits(query.expanded, sent, doc, weights):
                    continue  # a report's signer is no head of another body it cites
                # a signature block is read as its name with its role of the issuing body
                # ("Hoàng Văn Thịnh, CỤC TRƯỞNG CỤC THỐNG KÊ ...": sentences.signed_as)
                r_sent, r_cand, r_cands, r_toks = sent, cand, cands, ps.toks
                signed = signed_as(sent, issuing_body(doc)) if cand.kind == "name" else sent
                if signed != sent:
                    r_cands = candidates(signed, weights)
                    r_sent, r_toks = signed, positions(signed)
                    r_cand = next((c for c in r_cands if c.kind == "name"), cand)
                if cand.kind == "name" and replaced_holder(query.expanded, sent, cand):
                    continue  # "..., thay ông X nghỉ hưu": X no longer holds the role asked
                if cand.kind == "name" and first_asked and successor_named(sent, cand):
                    continue  # "..., được bà Y kế nhiệm": Y is no first holder asked
                # "huyện nào có nhiều ... nhất?" of "Huyện X dẫn đầu ...": the words asking the
                # end are matched by the segment stating it, wherever they stand
                ends = cand.kind == "entity" and intent.extreme is not None and \
                    stated_extreme(fold(sent), cand.start, cand.end) == intent.extreme
                # ... and only of the indicator asked: every other word of the question held by
                # the sentence or the title ("X dẫn đầu về số cơ sở lưu trú" states no end of
                # "nhiều khách lưu trú nhất": brief wd2 doubt 2)
                said = held_terms(ps.toks) | parsed.title_terms
                ends = ends and all(t in said for t in terms if t not in EXTREME_WORDS)
                asked_end = {t: w for t, w in terms.items() if t in EXTREME_WORDS} if ends \
                    else {}
                near, coverage = closeness({t: w for t, w in terms.items() if t not in asked_end},
                                           r_toks, r_sent, r_cand, r_cands,
                                           parsed.terms if signed == sent
                                           else parsed.terms | with_bigrams(r_toks),
                                           parsed.title_terms, weights)
                near += sum(asked_end.values())
                coverage += sum(asked_end.values())
                apposition = apposition_span(r_sent, r_cand, r_cands)
                own = with_bigrams(positions(r_sent[apposition[0]:apposition[1]] if apposition
                                             else subject_text(r_sent, r_cand, r_cands)))
                near += weights.own_bonus * sum(w for t, w in terms.items() if t in own)
                if cand.kind == "decision" and intent.kind == "decision":
                    fit *= document_fit(folded_q, sent, cand, weights)
                score = (near / total) * fit * (1 - weights.figure_rank_decay * rank)
                if head and not clause_names(sent, cand, head):
                    score *= weights.head_missing
                if best is None or score > best.score:
                    best = Scored(score, coverage / total, hit, sent, ps.start, cand, ends)
    return best


def held_terms(toks: list[tuple[int, str]]) -> set[str]:
    """The terms a sentence's tokens ``toks`` (rag.answer.sentences.positions) hold: each
    token and each pair of neighbours joined by "_" (the form of the question's terms)."""
    words = [t for _, t in toks]
    return set(words) | {f"{a}_{b}" for a, b in zip(words, words[1:], strict=False)}


def closeness(terms: dict[str, float], toks: list[tuple[int, str]], sentence: str,
              cand: Candidate, cands: list[Candidate], chunk_terms: set[str],
              title_terms: frozenset[str], weights: AnswerWeights) -> tuple[float, float]:
    """(proximity-weighted match of question words around the value, their coverage), both
    in units of the terms' weights.

    Distance counts words; a word in another clause counts as far away, so does a word with
    another figure of the same kind in between (it belongs to that one), or in other
    brackets; words of the value's own unit phrase ("sản phẩm OCOP") count as near.  A word
    of the passage's title counts at least as fairly near (``title_credit``): reports name
    their subject in the title and once in the text, then write "đơn vị", "tỉnh", "doanh
    nghiệp" — and a word the sentence holds never counts less than one it lacks.
    """
    w = weights
    rivals = [c.start for c in cands if c.kind == cand.kind and c.start != cand.start]
    # words in another person's apposition are that person's (", Phó Giám đốc phụ trách ...")
    others = [span for c in cands if c.kind == "name" and c.start != cand.start
              and (span := apposition_span(sentence, c, cands)) is not None] \
        if cand.kind == "name" else []
    inside = [i for i, (pos, _) in enumerate(toks) if cand.start <= pos < cand.end]
    at = inside[0] if inside else min(range(len(toks)),
                                      key=lambda i: abs(toks[i][0] - cand.start), default=0)
    clause_s, clause_e = clause_bounds(sentence, cand.start, cand.end)
    brackets = bracket_map(sentence)
    bracket = brackets[cand.start] if cand.start < len(brackets) else -1
    near = coverage = 0.0
    pairs = [f"{a}_{b}" for (_, a), (_, b) in zip(toks, toks[1:], strict=False)] + [""]
    for term, weight in terms.items():
        best = 0.0
        for i, (pos, t) in enumerate(toks):
            if t != term and pairs[i] != term:
                continue
            if i in inside:
                close = w.unit_credit if i != at else 0.0
            else:
                d = abs(i - at)
                close = (1 / (1 + d / w.distance_scale) if pos < cand.start
                         else w.after_value / (1 + d / w.distance_scale))
                if not clause_s < pos < clause_e:
                    close *= w.other_clause
                lo, hi = sorted((pos, cand.start))
                if any(lo < r < hi for r in rivals):
                    close *= w.rival_between
                if brackets[pos] != bracket:
                    close *= w.other_bracket
                if any(a <= pos < b for a, b in others):
                    close *= w.rival_between
            best = max(best, close)
        if term in title_terms:
            best = max(best, w.title_credit)
        near += weight * best
        if best > 0 or term in chunk_terms:
            coverage += weight
    return near, coverage


def confidence(best: Scored, weights: AnswerWeights) -> float:
    """How sure a figure answer is, 0..1: how much of the question surrounds the value
    (coverage), and how closely (score, full at ``confidence_full_score``)."""
    share = weights.confidence_coverage_share
    return max(0.0, min(1.0, share * best.coverage
                        + (1 - share) * min(1.0, best.score / weights.confidence_full_score)))
