"""The extractive answerer's weights and thresholds, as one frozen, serialisable object.

Like Haystack's ExtractiveReader (``top_k``, ``score_threshold``, ...), the answerer takes its
numbers as a documented constructor argument, ``Answerer(df, n, weights=AnswerWeights())``,
instead of reading module globals, so a run can record them and another run can vary them.
The defaults are the hand-set values the README's evaluation table was measured with.

Scores are shares of the question's IDF weight (0..1 before penalties); "closeness" is how
near a question word stands to a value (1 next to it).  Distances count words, windows count
characters of the sentence.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

# (value kind, how well it fits) for the kinds a question's kind accepts; a kind not listed
# does not fit at all.
KindFits = tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class AnswerWeights:
    """Every weight and threshold of :class:`rag.answer.Answerer`.

    Frozen and hashable (passage parses are cached by it).  ``to_dict()`` gives JSON-ready
    data (the kind-fit tables as objects); ``from_dict`` reads it back and raises
    ``TypeError`` naming any unknown field.
    """

    # --- when a figure answers ------------------------------------------------------------
    min_score: float = 0.15
    """Least score of the best figure for it to be the answer (else a sentence or refusal)."""
    min_coverage: float = 0.6
    """Least share of the question's weight the figure's passage must hold."""

    # --- reading values in a sentence -----------------------------------------------------
    max_unit_words: int = 4
    """Words of the unit phrase after a number (one more when it holds "triệu", "tỷ", ...)."""
    max_name_words: int = 4
    """A capitalised run longer than this is not read as a person's name."""
    role_before_chars: int = 25
    """How far before a name a role word ("ông", "giám đốc") may start for it to be a name."""
    role_after_chars: int = 20
    """How far after a name a role word may stand ("Nguyễn Văn A, Giám đốc ...")."""
    entity_head_words: int = 4
    """At most this many question words before a name make it an entity span ("cụm công
    nghiệp Tân Văn")."""

    # --- hard rules and kind fit ----------------------------------------------------------
    direction_chars: int = 14
    """Characters before a figure in which a change question's "tăng"/"giảm" is looked for."""
    direction_words: int = 2
    """... of which only the last this many words count."""
    soft_unit_miss: float = 0.5
    """Fit kept by a figure not counted in the "số <unit>" the question names."""
    document_mismatch: float = 0.5
    """Fit kept by a document number of another kind than asked ("BC" for "tờ trình"), or
    not followed by the date the question names (rag.answer.rules.document_fit)."""
    document_date_chars: int = 30
    """How far after a document number its date is looked for ("1718/QĐ-UBND ngày
    26/9/2025")."""
    percent_fits: KindFits = (("percent", 1.0), ("amount", 0.5), ("count", 0.3), ("ratio", 0.3))
    """Fit of each value kind for an amount question about a rate ("chỉ số", "tỷ trọng")."""
    amount_fits: KindFits = (("amount", 1.0), ("count", 0.7), ("ratio", 0.6), ("percent", 0.3))
    """Fit of each value kind for an amount question ("bao nhiêu", no unit asked)."""
    change_fits: KindFits = (("percent", 1.0), ("amount", 0.9), ("count", 0.9))
    """Fit of each value kind for a change question ("tăng bao nhiêu")."""

    # --- scoring a figure by the question words around it ---------------------------------
    head_decay: float = 0.2
    """How much less the last question word weighs than the first (Vietnamese puts the head
    of a noun phrase first)."""
    pair_min_df: int = 2
    """Least number of passages holding two adjacent question words for them to count as one
    term ("doanh thu")."""
    unit_credit: float = 0.9
    """Closeness of a question word inside the value's own unit phrase ("sản phẩm OCOP")."""
    distance_scale: float = 6.0
    """Words away at which a question word's closeness halves: 1 / (1 + d / scale)."""
    after_value: float = 0.85
    """Closeness kept by a question word after the value rather than before it."""
    other_clause: float = 0.4
    """Closeness kept by a word in another clause (past ";" or "trong đó")."""
    rival_between: float = 0.5
    """Closeness kept by a word with another value of the same kind in between."""
    other_bracket: float = 0.6
    """Closeness kept by a word inside other brackets than the value."""
    title_credit: float = 0.5
    """Least closeness of a question word the passage's title holds."""
    own_bonus: float = 0.5
    """Extra weight of question words in the value's own subject (since the previous value)."""
    head_missing: float = 0.3
    """Score kept by a figure whose clause does not name the asked head ("số lao động của
    ...")."""
    figure_rank_decay: float = 0.03
    """Score lost per rank of the passage a figure comes from."""

    # --- sentence answers -----------------------------------------------------------------
    statement_sentence_min: float = 0.1
    """Least share of the question's weight a sentence must hold to answer a statement
    question (ai, gì, đâu, khi nào, ...)."""
    figure_sentence_min: float = 0.3
    """Least share for a sentence to answer a figure question no figure answered."""
    pair_weight: float = 0.5
    """Weight of a pair of adjacent question words beside its words' (times its IDF)."""
    sentence_context: float = 0.15
    """Weight of the better neighbouring sentence's share."""
    anchor_span: int = 3
    """Question words within this many words of the question word weigh more."""
    anchor_bonus: float = 1.0
    """... by 1 + anchor_bonus / distance."""
    sentence_kind_penalty: float = 0.6
    """Score kept by a sentence without what the question word asks for (a figure for "bao
    nhiêu", a date for "khi nào", a name for "ai")."""
    sentence_rank_decay: float = 0.2
    """Score lost per rank of the sentence's passage ..."""
    sentence_rank_cap: int = 4
    """... counting ranks up to this one."""

    # --- confidence -----------------------------------------------------------------------
    confidence_coverage_share: float = 0.5
    """Share of a figure's confidence from its coverage; the rest from its score."""
    confidence_full_score: float = 0.5
    """Figure score that gives the score's share in full."""
    sentence_confidence: float = 0.8
    """A sentence answer's confidence per point of its score (capped at 1)."""
    count_sentence_max: float = 0.8
    """Most confidence a sentence answering a "bao nhiêu" question no figure frame answered
    has (``Answerer.count_sentence``): such answers were right 32 times in 41 on XQuAD-vi
    dev (0.78), so none is given as sure (>= 0.9)."""
    next_sentence_min_probability: float = 0.5
    """Least probability the statement check must give the chooser's next pick for it to
    answer when the first pick fails the check (``Answerer.statement_sentence``'s
    ``accept``): more likely than not an answer.  On XQuAD-vi dev (bench/xquad_refusal.py)
    the next pick answered 15 questions, none right, 12 of them under 0.5 (0.26-0.45); the
    next picks of tests/test_equated_role_next_sentence.py, which answer, have 0.55-0.74."""
    uncaused_max: float = 0.5
    """Most confidence a "vì sao" answer has when no sentence of its document states a cause
    (``Answerer.why_sentence``): the sentence shown is about what is asked but gives no
    reason -- an even guess at best (tests/test_cause_sentence.py)."""

    # --- figure frames (rag.answer.figures) --------------------------------------------------
    frame_min_coverage: float = 0.55
    """Least share of the question's weight a frame's description must hold to answer."""
    frame_extra_penalty: float = 0.6
    """Score lost, at most, for the words of a frame's own indicator the question does not
    name (a part "khách quốc tế" for a question about all tourists)."""
    frame_narrow_basis: float = 0.6
    """Score kept by a frame on a narrower basis than asked (mở tờ khai, hàng địa phương,
    quốc tế, when the question names none)."""
    index_change_max: float = 0.8
    """Most confidence of a change derived from an index whose sentence names no comparison
    base ("Chỉ số sản xuất công nghiệp tháng 7 ước đạt 106,3%": against the month before or
    the same month of last year?): never sure (rag.answer.index_change;
    tests/test_index_for_change.py)."""
    split_number_max: float = 0.8
    """Most confidence of a bare figure an OCR space may have cut from a number of a measured
    quantity ("6, 215 ha" read as "6"; rag.answer.split_number): never sure (issue 16,
    bt15-b16 failure 2; tests/test_split_number_confidence.py)."""
    frame_part_confidence: float = 0.85
    """Highest confidence of a figure that is a part of what is asked (a narrower basis, or a
    qualifier the question does not name: "thu ngân sách từ hoạt động xuất nhập khẩu" for
    "thu ngân sách"): it answers only when no whole does, and is never taken as sure."""
    frame_part_said_confidence: float = 0.5
    """Highest confidence of a part whose own indicator names it (``Choice.own_part``: "thu
    ngân sách từ hoạt động xuất nhập khẩu" for "thu ngân sách năm 2069?"): the answer says
    which part it is, and is no answer to the whole asked (break-test bt17m; tests/
    test_budget_parts.py)."""
    frame_partial: float = 0.8
    """Score kept by a frame covering only part of the asked period."""
    frame_partial_band: float = 0.85
    """When only parts of the asked period are reported: figures within this share of the
    best score, the one covering most of the period first."""
    level_outnamed: float = 0.6
    """A level asked and answered by a figure whose own words hold under this share of what
    the own words of the change stated for the same period hold: the level is another
    indicator's and the refusal names the change (rag.answer.answerer change_outnaming)."""
    frame_other_comparison: float = 0.5
    """Score kept by a change against another base than the one asked."""
    frame_source: tuple[tuple[str, float], ...] = (
        ("own", 1.0), ("sentence", 0.97), ("paragraph", 0.92), ("heading", 0.9),
        ("document", 0.85), ("", 0.8))
    """Score kept by a frame by where its period was read: its own words first."""
    frame_head_bonus: float = 0.3
    """Extra score of a frame whose own words hold the question's first (head) term."""
    frame_head_missing: float = 0.5
    """Score kept by a frame whose own words hold none of the terms before "của"."""
    frame_fields: tuple[tuple[str, float], ...] = (
        ("own", 1.0), ("parent", 0.8), ("clause", 0.7), ("heading", 0.6), ("sentence", 0.5),
        ("title", 0.4), ("passage", 0.3))
    """Weight of a question word found in each field describing a frame
    (rag.answer.figures.describe): the nearer the value, the more it says what it is."""
    frame_owner_title: float = 0.8
    """Weight of the document's title for the question's words after "của" (whose figure:
    a company, a district), which reports name once, in the title, and then call "đơn vị",
    "tỉnh"; the words before "của" (which figure) keep the title's usual 0.4."""
    frame_latest_band: float = 0.85
    """For "hiện nay": frames within this share of the best score, the latest first."""

    def to_dict(self) -> dict[str, Any]:
        """The weights as JSON-ready data: numbers, and kind-fit tables as objects."""
        return {k: dict(v) if isinstance(v, tuple) else v for k, v in asdict(self).items()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AnswerWeights:
        """Weights from :meth:`to_dict` output; missing fields keep their defaults."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise TypeError(f"unknown answer weights: {', '.join(unknown)}")
        values: dict[str, Any] = {k: tuple(v.items()) if isinstance(v, dict) else v
                                  for k, v in data.items()}
        return cls(**values)


def fit(table: KindFits, kind: str) -> float:
    """How well a value of ``kind`` fits, from one of the kind-fit tables (0 if not listed)."""
    return dict(table).get(kind, 0.0)
