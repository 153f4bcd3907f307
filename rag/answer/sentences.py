"""Sentences of a passage and what the answerer reads in them: word positions, values,
trade indicators, years and periods; and the clause and bracket rules inside a sentence."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache

from rag.answer.candidates import Candidate, candidates, role_said_fits
from rag.answer.intent import trade_indicator_at
from rag.answer.weights import AnswerWeights
from rag.vi.frames.context import speaker_label
from rag.vi.letterhead import BODIES, issuer_lines
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


# A signature block's lines (folded, lower case): the holder's role in capitals, with the
# marks of one signing for another ("KT." ký thay, "TM." thay mặt, "Q." quyền, "TL.", "TUQ.",
# "PHÓ") -- "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC", "CỤC TRƯỞNG", "TM. UBND TỈNH / KT. CHỦ TỊCH / PHÓ
# CHỦ TỊCH", as official documents close (Nghị định 30/2020/NĐ-CP, Phụ lục I: the signer's
# "quyền hạn, chức vụ" over the name) -- and the name under them.
_SIGN_MARK_RE = re.compile(r"^(?:kt|tm|tl|tuq|q)\.?$")
_SIGN_ROLE_RE = re.compile(r"\b(?:giam doc|truong|chu tich|bi thu|chanh van phong)\b")
_SIGNER_RE = re.compile(r"(?:[A-ZĐ\u00c0-\u1ef9][^\W\d_]*\s+){1,5}[A-ZĐ\u00c0-\u1ef9][^\W\d_]*")


def _sign_line(text: str) -> bool:
    """Whether ``text`` is a line of a signature block's role: in capitals ("CỤC TRƯỞNG",
    "PHÓ GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN"), or a signing mark alone ("KT.")."""
    line = text.strip()
    key = fold(line).lower()
    return bool(line) and "\n" not in line and len(line) <= 60 and (
        _SIGN_MARK_RE.match(key) is not None or
        (line.upper() == line and any(ch.isalpha() for ch in line)))


def signature_blocks(parts: list[tuple[int, str]], text: str) -> list[tuple[int, str]]:
    """``parts`` (offset, sentence of ``text``: rag.vi.sentences.sentences) with each signature
    block made one sentence: lines in capitals the last of which names a role ("CỤC TRƯỞNG";
    "KT. GIÁM ĐỐC" then "PHÓ GIÁM ĐỐC"), then a line holding only a person's name (two to six
    capitalised words: "Hoàng Văn Thịnh") -- the name under the role that signs a report.  Read
    as one sentence, the name has its role before it as "Cục trưởng Hoàng Văn Thịnh" does
    (rag.answer.candidates), so "Ai là Cục trưởng ...?" finds its holder (break-test bt24a:
    the letterhead was answered at 0.62)."""
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(parts):
        j = i
        while j < len(parts) and _sign_line(parts[j][1]):
            j += 1
        if j > i and j < len(parts) and _SIGN_ROLE_RE.search(fold(parts[j - 1][1]).lower()) \
                and _SIGNER_RE.fullmatch(parts[j][1].strip()) and \
                parts[j][1].strip().upper() != parts[j][1].strip():
            # from the role's first line (the marks before it with it) to the name's end
            first = max(i, j - 3)
            start = parts[first][0] + len(parts[first][1]) - len(parts[first][1].lstrip())
            end = parts[j][0] + len(parts[j][1].rstrip())
            out += parts[i:first]
            out.append((start, text[start:end]))
            i = j + 1
            continue
        out += parts[i:max(j, i + 1)]
        i = max(j, i + 1)
    return out


def is_signature(sentence: str) -> bool:
    """Whether ``sentence`` is a signature block (:func:`signature_blocks`): role lines in
    capitals over a line holding a name."""
    lines = [x.strip() for x in sentence.splitlines() if x.strip()]
    return len(lines) >= 2 and _SIGNER_RE.fullmatch(lines[-1]) is not None \
        and all(_sign_line(x) for x in lines[:-1])


def ends_signed(text: str) -> bool:
    """Whether the passage ``text`` ends with a signature block (:func:`signature_blocks`)."""
    last = signature_blocks(sentences(text)[-4:], text)[-1:]
    return bool(last) and is_signature(last[0][1])


def signed_as(sentence: str, issuer: str) -> str:
    """The signature block ``sentence`` (:func:`signature_blocks`) written as a name with its
    role and body ("Hoàng Văn Thịnh, CỤC TRƯỞNG CỤC THỐNG KÊ TỈNH LẠNG SƠN"): a block's role is
    of the body that issued the document (``issuer``, its letterhead's body line:
    rag.vi.letterhead.issuer_lines), so "Cục trưởng Cục Hải quan ..." is not its signer.
    ``sentence`` itself when it is no signature block or ``issuer`` is empty."""
    if not issuer or not is_signature(sentence):
        return sentence
    lines = [x.strip() for x in sentence.splitlines() if x.strip()]
    return f"{lines[-1]}, {lines[-2]} {issuer}"


@lru_cache(maxsize=256)
def issuing_body(text: str) -> str:
    """The body that issued the document ``text``: the last line of its letterhead naming one
    in capitals ("CỤC THỐNG KÊ TỈNH LẠNG SƠN"; "SỞ CÔNG THƯƠNG" under "UBND TỈNH ...":
    rag.vi.letterhead.issuer_lines), or "".  Cached: the answerer asks it of a document's
    text for every name it weighs, and documents never change."""
    bodies = [x for x in issuer_lines(text) if x.upper() == x and x.startswith(BODIES)]
    return bodies[-1] if bodies else ""


def signer_fits(question: str, sentence: str, text: str, weights: AnswerWeights) -> bool:
    """Whether the signature block ``sentence`` (:func:`signature_blocks`) signs with the role
    the ``question`` asks, of the body asked: the block's role is of the body whose letterhead
    heads ``text``, the document's text (:func:`signed_as`), so a report citing "Cục Hải quan
    tỉnh" is not signed by its Cục trưởng (rag.answer.candidates.role_said_fits).  True for
    any other sentence, and when the letterhead names no body."""
    signed = signed_as(sentence, issuing_body(text))
    if signed == sentence:
        return True
    name = next((c for c in candidates(signed, weights) if c.kind == "name"), None)
    return name is not None and role_said_fits(question, signed, name, weights)


@lru_cache(maxsize=8192)
def parse_chunk(chunk_id: str, title: str, text: str, weights: AnswerWeights) -> ParsedChunk:
    """Sentence analysis of a passage; passages never change, so it is cached by id (and by
    the weights that read values)."""
    out = []
    for start, sent in signature_blocks(sentences(text), text):
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
