"""Sentences of a passage and what the answerer reads in them: word positions, values,
trade indicators, years and periods; and the clause and bracket rules inside a sentence."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache

from rag.answer.candidates import Candidate, candidates
from rag.answer.intent import trade_indicator_at
from rag.answer.weights import AnswerWeights
from rag.vi.frames.context import speaker_label
from rag.vi.periods import find_periods, find_years
from rag.vi.sentences import sentences
from rag.vi.text import fold, parse_number

# A word or a number (with its thousands and decimal separators).
TOKEN_RE = re.compile(r"[^\W_]+(?:[.,]\d+)*", re.UNICODE)


def positions(text: str) -> list[tuple[int, str]]:
    """(offset, token) of each word and number of ``text``: words folded, numbers in the
    canonical form of :func:`rag.vi.text.parse_number`.  A code of digits then letters
    ("4G", "5G", "10A": rag.vi.numbers.code_word) is a word, folded as the question's
    words are ("5g": rag.answer.intent.content_runs) -- kept as written, "trạm phát sóng
    5G" never met a question's "trạm 5G"."""
    out = []
    for m in TOKEN_RE.finditer(text):
        tok = m.group(0)
        number = tok[0].isdigit() and not any(ch.isalpha() for ch in tok)
        out.append((m.start(), parse_number(tok) if number else fold(tok)))
    return out


def with_bigrams(toks: list[tuple[int, str]]) -> set[str]:
    """The tokens and each pair of adjacent tokens, joined by "_" ("doanh_thu")."""
    terms = {t for _, t in toks}
    terms.update(f"{a}_{b}" for (_, a), (_, b) in zip(toks, toks[1:], strict=False))
    return terms


@lru_cache(maxsize=256)
def pair_terms(pairs: tuple[tuple[str, str], ...]
               ) -> tuple[tuple[str, frozenset[str]], ...]:
    """(folded token, its phrase's terms) of a question's abbreviation pairs (``pairs``:
    ``Query.acronyms``, (folded token, phrase))."""
    return tuple((key, frozenset(with_bigrams(positions(phrase)))) for key, phrase in pairs)


def both_forms(terms: AbstractSet[str], paired: tuple[tuple[str, frozenset[str]], ...]
               ) -> frozenset[str]:
    """``terms`` (a text's, rag.answer.figures.text_terms) with the other form of each pair of
    ``paired`` (:func:`pair_terms`) whose one form they hold: the token's terms gain the
    phrase's, the phrase's the token -- for the pairs the question asks, so a figure written
    either way meets the question's two forms (rag.vi.acronyms: "GTSXCN" defined once as
    "giá trị sản xuất công nghiệp", then written alone; a sentence too: "Một kỹ thuật viên
    dược ... phải đăng ký" holds the "KTVD" that AcronymTable.read adds to the question,
    else the article's defining sentence outweighed it, XQuAD-vi 5726da89)."""
    out = terms if isinstance(terms, frozenset) else frozenset(terms)
    for key, words in paired:
        if key in terms and not words <= out:
            out = out | words
        elif words <= terms and key not in out:
            out = out | {key}
    return out


@dataclass(frozen=True)
class ParsedSentence:
    """One sentence of a passage, read once."""

    start: int  # offset in the chunk text
    text: str
    toks: list[tuple[int, str]]  # positions(text)
    folded: str
    trades: list[tuple[int, int, str]]  # trade indicator mentions
    cands: list[Candidate]
    years: frozenset[int]  # the sentence's own years and periods
    periods: frozenset[str]


@dataclass(frozen=True)
class ParsedChunk:
    """A passage's sentences, and the words of its title and text."""

    sentences: list[ParsedSentence]
    terms: set[str]  # folded words and word pairs of title and text
    title_terms: frozenset[str]  # those of the title alone


@lru_cache(maxsize=8192)
def parse_chunk(chunk_id: str, title: str, text: str, weights: AnswerWeights) -> ParsedChunk:
    """Sentence analysis of a passage; passages never change, so it is cached by id (and by
    the weights that read values)."""
    out = []
    for start, sent in sentences(text):
        if speaker_label(sent)[1]:
            # "Phóng viên ... hỏi: Tiến độ giải ngân ... ra sao?": a question asks, it never
            # answers -- not even the question it is most like (break-test b17 round 15,
            # failure 6; rag.vi.frames.context.speaker_label)
            continue
        folded = fold(sent)
        about, _ = find_years(sent)
        out.append(ParsedSentence(start, sent, positions(sent), folded,
                                  trade_indicator_at(folded), candidates(sent, weights),
                                  frozenset(about), frozenset(find_periods(sent))))
    return ParsedChunk(out, with_bigrams(positions(f"{title} {text}")),
                       frozenset(with_bigrams(positions(title))))


# --- clauses and brackets -------------------------------------------------------------------
# Two clause rules, on purpose:
# - clause_bounds, for scoring: the narrow clause a value's question words count as near in,
#   split at ";" and at "trong đó" (what follows "trong đó" details parts of the figure before
#   it: "đạt 28.442 triệu USD, trong đó: xuất khẩu 382 triệu USD").  Open bounds (lo, hi).
# - quoted_clause, for citations: the wide clause, split at ";" only, trimmed, with its ";",
#   so a quoted part keeps the total it belongs to.  Half-open bounds [start, end).
# One rule for both changes output on the seed gold set: quoting the narrow clause changes
# 46 of 129 citations; scoring with the wide one changes 6 confidences and 1 answer.

_CLAUSE_BREAK_RE = re.compile(r";|,?\s*\btrong đó\b", re.IGNORECASE)


def clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    """(lo, hi) around the value at ``[start, end)``: the clause is ``sentence[lo + 1:hi]``,
    split at ";" and "trong đó"; lo is -1 at the sentence start, hi ``len(sentence)`` at its
    end.  Used to score question words (rag.answer.scoring) and find a value's subject."""
    lo, hi = -1, len(sentence)
    for m in _CLAUSE_BREAK_RE.finditer(sentence):
        if m.end() <= start:
            lo = m.end() - 1
        elif m.start() >= end:
            hi = m.start()
            break
    return lo, hi


def quoted_clause(sentence: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) of the ";"-delimited clause holding ``[start, end)``, with its closing
    ";", without surrounding spaces: the quote of a figure's citation."""
    s = sentence.rfind(";", 0, start) + 1
    e = sentence.find(";", end)
    e = len(sentence) if e < 0 else e + 1
    while s < e and sentence[s].isspace():
        s += 1
    while e > s and sentence[e - 1].isspace():
        e -= 1
    return s, e


def bracket_map(sentence: str) -> list[int]:
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
    return bracket_map(sentence[:pos + 1])[pos] if pos < len(sentence) else -1


# the end of a person's apposition: the clause's or sentence's end ("." "; " or a line)
_APPOSITION_END_RE = re.compile(r"[,.;:\n]")


def apposition_span(sentence: str, cand: Candidate, cands: list[Candidate]
                    ) -> tuple[int, int] | None:
    """(start, end) in ``sentence`` of the apposition a person's name ``cand`` (kind "name")
    has after its comma -- "ông Hoàng Văn Lương, Phó Giám đốc Sở phụ trách lĩnh vực thương
    mại, và bà ..." -- up to the next ",", ";", ":" or the sentence's end; None when the name
    is no name, no comma follows it, or the words after the comma run into another name of
    ``cands`` (a role written before that name).  What it holds says
    which of several people named in one sentence the words are of (break-test s49: "ai phụ
    trách thương mại" answered by the deputy of industry named after the one asked, at 1.0)."""
    if cand.kind != "name" or not sentence[cand.end:].lstrip(" ").startswith(","):
        return None
    start = sentence.index(",", cand.end) + 1
    stop = _APPOSITION_END_RE.search(sentence, start)
    end = stop.start() if stop else len(sentence)
    if any(c.kind == "name" and start <= c.start < end for c in cands):
        # "Giám đốc Điều hành Microsoft Satya Nadella, người sáng lập Tập đoàn Oracle ...
        # Larry Ellison, ...": the words after the comma run into the next name -- they are
        # that name's role, written before it, no apposition of this one (XQuAD-vi dev)
        return None
    return (start, end) if end > start else None


def subject_text(sentence: str, cand: Candidate, cands: list[Candidate]) -> str:
    """The words a value owns: those since the previous value or clause break.  A value in
    brackets ("... 3.177 tỷ đồng (đạt 73,8%, tăng 16,3%)") also owns its figure's subject."""
    lo, _ = clause_bounds(sentence, cand.start, cand.end)
    opened = _bracket(sentence, cand.start)
    prev = [c for c in cands if lo < c.end <= cand.start and c.kind not in ("name", "entity")]
    start = max([lo + 1, opened + 1] + [c.end for c in prev])
    text = sentence[start:cand.start]
    if opened >= 0:
        outer = [c for c in cands if c.end <= opened and lo < c.start]
        if outer:
            text = subject_text(sentence, outer[-1], cands) + " ; " + text
    return text
