"""Corrections a document makes to its own or an earlier document's figures.

A press conference or a news item corrects a figure said before: "Xin đính chính: ... số liệu
kim ngạch xuất khẩu 9 tháng năm 2069 là 1.248 triệu USD chứ không phải 1.284 triệu USD như đã
nêu; tốc độ tăng là 13,9%" (break-test bt18-c17 failure 1, where the withdrawn 1.284 and
14,2% were served at 0.96-1.0).  A correction withdraws the value it names after "chứ không
phải" / "không phải (là)", and every earlier statement in the document of the same indicator,
period, measure and unit (that value, or another one the correction restates: the "14,2%"
the clause "tốc độ tăng là 13,9%" replaces).  A withdrawn frame is kept, marked
``withdrawn``, so that the answerer drops the same figure in another document too
(rag.answer.figures).  "tốc độ tăng (trưởng) là N%" inside a correction is the change of the
indicator the correction names, not a level of "tốc độ".  A correction that quotes the figure
as written before and then gives the right one ("Bản tin ... ghi giá gạo tẻ thường cuối tháng
9 là 15.900 đồng/kg; số đúng là 15.200 đồng/kg", "nay sửa lại là", "xin sửa là") withdraws the
quoted value, and the right one takes its indicator, period and unit (break-test bt19-b17
failure 1, where 15.900 was served at 1.0 and 15.200 read as of the indicator "số đúng").
"""

from __future__ import annotations

import re
from dataclasses import replace

from rag.vi.frames.frame import Frame
from rag.vi.mentions import find_mentions
from rag.vi.text import fold

# the words that make a sentence a correction (folded): "xin đính chính", "đính chính lại",
# "chứ không phải", "không phải 1.284 ... như đã nêu/công bố/báo cáo", "điều chỉnh lại là",
# "sửa lại là/thành" (not "sửa lại 12 km đường": a repair)
CORRECTION_SAID = re.compile(
    r"\bdinh chinh\b|\bchu khong phai\b|\b(?:dieu chinh|sua) lai (?:la|thanh|con)\b|"
    r"\b(?:so|so lieu|con so) dung (?:phai )?la\b|\bxin sua (?:lai )?(?:la|thanh)\b|"
    r"\bkhong phai (?:la )?[\d.,]+[^.;]{0,40}?\bnhu (?:da )?(?:neu|cong bo|bao cao|dua tin|"
    r"thong tin)\b"
    # "nay điều chỉnh thành 6,15%" (bt23-b17's note), "đã được điều chỉnh từ 8,13 triệu đồng
    # (công bố tại ...) thành 8,05 triệu đồng" (bt26-b17 failure 4): a figure revised
    r"|\b(?:dieu chinh|sua|hieu chinh) thanh (?:khoang |muc )?\d"
    r"|\b(?:dieu chinh|sua|hieu chinh)(?: lai)? tu (?:khoang |muc )?\d(?:[^.;]|\.(?=\d)){0,120}?"
    r"\b(?:thanh|len|xuong(?: con)?) (?:khoang |muc )?\d")
# a correction's "từ X ... thành Y" (folded): the words before X, its subject before them,
# and the words between X and Y (:func:`published_subject`, :func:`_quoted_to_corrected`)
_ADJUSTED_FROM = re.compile(r"\s+(?:da\s+)?(?:duoc\s+)?(?:dieu chinh|sua|hieu chinh)(?: lai)?\s+tu"
                            r"(?:\s+(?:khoang|muc))?\s*$")
_ADJUSTED_TO = re.compile(r"\b(?:dieu chinh|sua|hieu chinh)(?: lai)? tu\b(?:[^.;]|\.(?=\d))*?"
                          r"\b(?:thanh|len|xuong(?: con)?)(?:\s+(?:khoang|muc))?\s*$")
# the words right before a value the correction withdraws: "chứ không phải (là) 1.284"
_WITHDRAWN_BEFORE = re.compile(r"\bkhong phai(?: la)?\s*$")
# a detail that is the correction's "chứ không phải" before the value it withdraws
_NOT_DETAIL = re.compile(r"^\W*(?:chu |ma )?khong phai\b")
# a rate of change restated in a correction: "tốc độ tăng là 13,9%", "tăng trưởng đạt 9%",
# "mức giảm là 2,1%" -- the sign from the verb
_RATE_BEFORE = re.compile(r"\b(?:(?:toc do|muc) )?(tang|giam)(?: truong)?\s*(?:la|dat|chi|con|"
                          r"chi con|thanh)?\s*$")
# the words right before the value a correction states in place of the one it quotes as
# written before (folded): "số (liệu) đúng là 15.200", "nay sửa lại là 1.152", "xin sửa là
# 421", "điều chỉnh lại thành" (break-test bt19-b17 failure 1)
_CORRECTED_BEFORE = re.compile(r"(?:\b(?:so|so lieu|con so) dung (?:phai )?la|\b(?:dieu chinh|sua)"
                               r"(?: lai)? (?:la|thanh))\s*$")
# a source quoted before the figure it wrote ("Bản tin thị trường tháng 9/2071 ghi", "thông
# cáo công bố"): no words of the figure's indicator (folded, offsets as written)
_QUOTED_SOURCE = re.compile(r"^(?:.*?\b(?:ghi|neu|cong bo|dua tin|bao cao)\s+(?=\S))+")
_FILLER_WORDS = ("số liệu", "con số")
_FILLER = re.compile(r"^(?:" + "|".join(fold(w) for w in _FILLER_WORDS) + r")\s+")  # folded
_FILLER_WRITTEN = re.compile(r"^(?:" + "|".join(_FILLER_WORDS) + r")\s+", re.IGNORECASE)


def _words(indicator: str) -> str:
    """The folded indicator without the words a correction puts before it ("số liệu")."""
    return _FILLER.sub("", fold(indicator).lower().strip())


def same_indicator(a: str, b: str) -> bool:
    """Whether indicators ``a`` and ``b`` (as written) name the same figure for a correction:
    one's folded words, "số liệu" left out, hold the other's ("Kim ngạch xuất khẩu" and "số
    liệu kim ngạch xuất khẩu"); an empty indicator names nothing."""
    x, y = _words(a), _words(b)
    return bool(x and y) and (f" {x} " in f" {y} " or f" {y} " in f" {x} ")


def _scopes(text: str, frames: list[Frame]) -> list[tuple[int, int]]:
    """The spans of ``text`` that correct figures: each sentence (frame quote) saying a
    correction (:data:`CORRECTION_SAID`), with the clauses after its ";" to the sentence's
    end ("...như đã nêu; tốc độ tăng là 13,9%.")."""
    spans: list[tuple[int, int]] = []
    for q0, q1 in sorted({f.quote for f in frames}):
        if spans and q0 >= spans[-1][0] and q1 <= spans[-1][1]:
            continue
        if spans and text[spans[-1][1] - 1:spans[-1][1]] == ";" and \
                not text[spans[-1][1]:q0].strip():
            spans[-1] = (spans[-1][0], q1)  # a clause after the correction's ";"
            continue
        if CORRECTION_SAID.search(fold(text[q0:q1]).lower()):
            spans.append((q0, q1))
    return spans


WITHDRAWN = "withdrawn"  # Frame.correction of a figure a correction withdrew
RESTATED = "restated"  # Frame.correction of a figure a correction states


def apply_corrections(text: str, frames: list[Frame]) -> list[Frame]:
    """``frames`` (a document's, in order, offsets into ``text``) with what its corrections
    do marked in ``Frame.correction``: :data:`WITHDRAWN` the value named after "chứ không
    phải" and every earlier frame of the same indicator, period, measure, unit and target
    that holds it or another value of what the correction restates; :data:`RESTATED` the
    correction's own figures; a rate it restates read as a change (see the module).  Frames
    of a document without a correction come back unchanged."""
    scopes = _scopes(text, frames)
    if not scopes:
        return frames
    out = list(frames)
    for s0, s1 in scopes:
        inside = [i for i, f in enumerate(out) if s0 <= f.start and f.end <= s1]
        lead: Frame | None = None  # the figure the correction names first: its indicator's
        for i in inside:
            f = out[i]
            before = fold(text[f.quote[0]:f.start]).lower()
            if _WITHDRAWN_BEFORE.search(before):
                out[i] = replace(f, correction=WITHDRAWN)
                continue
            out[i] = f = replace(
                f, correction=RESTATED,
                indicator=_FILLER_WRITTEN.sub("", f.indicator, count=1),
                # "1.248 triệu USD chứ không phải": what it is not is no word of it
                detail="" if _NOT_DETAIL.match(fold(f.detail).lower()) else f.detail)
            rate = _RATE_BEFORE.search(before)
            if lead is not None and f.kind == "percent" and f.measure == "level" and \
                    rate is not None:
                out[i] = replace(f, measure="change", indicator=lead.indicator,
                                 direction=1 if rate.group(1) == "tang" else -1,
                                 period=f.period or lead.period,
                                 period_from=f.period_from if f.period else lead.period_from)
            elif lead is None and f.measure == "level":
                lead = f
        _quoted_to_corrected(text, out, inside)
        stated = [out[i] for i in inside]
        for j, g in enumerate(out):
            if g.end > s0 or g.correction == WITHDRAWN:
                continue
            if any(withdraws(f, g) for f in stated):
                out[j] = replace(g, correction=WITHDRAWN)
    return out


def _quoted_to_corrected(text: str, out: list[Frame], inside: list[int]) -> None:
    """Mark in ``out`` (in place) what a correction's corrected-value wording does to the
    frames ``inside`` it: each value after "số (liệu) đúng là", "(nay/xin) sửa (lại) là",
    "điều chỉnh lại thành" (:data:`_CORRECTED_BEFORE`) replaces the value the correction
    quoted before it as written ("... ghi giá gạo tẻ thường cuối tháng 9 là 15.900 đồng/kg;
    số đúng là 15.200 đồng/kg"): that one is :data:`WITHDRAWN`, and the corrected value takes
    its indicator (the quoted source "Bản tin ... ghi" left out), period and, when it writes
    none, unit."""
    for k, i in enumerate(inside):
        f = out[i]
        if f.correction == WITHDRAWN or not (_CORRECTED_BEFORE.search(
                fold(text[max(f.quote[0], f.start - 60):f.start]).lower())
                or _ADJUSTED_TO.search(fold(text[f.quote[0]:f.start]).lower())):
            continue
        quoted = [j for j in inside[:k] if out[j].correction != WITHDRAWN
                  and (out[j].kind == "percent") == (f.kind == "percent")
                  and (not f.unit or out[j].unit == f.unit)]
        if not quoted:
            continue
        n = out[quoted[-1]]
        indicator = n.indicator
        source = _QUOTED_SOURCE.match(fold(indicator).lower())
        if source is not None and len(fold(indicator)) == len(indicator):
            indicator = indicator[source.end():]
        indicator = published_subject(text[n.quote[0]:n.start], n.period.year
                                      if n.period is not None else None) or indicator
        out[quoted[-1]] = replace(n, correction=WITHDRAWN, indicator=indicator)
        f = replace(f, correction=RESTATED, indicator=indicator, period=n.period,
                    period_from=n.period_from, measure=n.measure, direction=n.direction,
                    detail="")
        if not f.unit and n.unit:  # "số liệu đúng là 421": the unit of the value it replaces
            f = replace(f, unit=n.unit, kind=n.kind, value=f"{f.value} {n.unit}")
        out[i] = f


# a note's label before what it corrects (folded): "Ghi chú:", "Lưu ý:", "(Xin) đính chính:"
_NOTE_LABEL = re.compile(r"^\W*(?:ghi chu|luu y|(?:xin )?dinh chinh(?: lai)?)\s*:\s*")
# "<subject> đã công bố/nêu/đăng (tại/trong <source>) là" before the value a correction
# quotes as published (folded): the subject names the figure, not the source after it
# ("Số liệu vốn đầu tư tháng 9/2073 đã công bố tại báo cáo tháng trước là 704,1 tỷ đồng, nay
# điều chỉnh lại là 741,0 tỷ đồng", issue 17 bt21-b17 failure 7)
_PUBLISHED_AS = re.compile(r"\s+(?:da|duoc)\s+(?:duoc\s+)?(?:cong bo|neu|dang|dua tin|bao cao|"
                           r"thong tin)\b[^.;:]*?\bla\s*$")


def corrects_in_note(line: str) -> bool:
    """Whether ``line`` (as written) is a note correcting a figure: it opens with a note's
    label ("Ghi chú:", "Lưu ý:", "Đính chính:") and says a correction
    (:data:`CORRECTION_SAID`) -- figures already reported, never a heading's plan."""
    folded = fold(line).lower()
    return bool(_NOTE_LABEL.match(folded) and CORRECTION_SAID.search(folded))


def published_subject(before: str, year: int | None) -> str:
    """The indicator a correction names before the value it quotes as published: ``before``
    (the sentence's words up to that value, as written) read as "[Ghi chú:] [Số liệu]
    <indicator> [<period>] đã công bố [tại <source>] là" or "... (đã được) điều chỉnh từ"
    (:data:`_ADJUSTED_FROM`) -- the note's label, the filler
    "số liệu"/"con số" and the periods (read with ``year`` for those without one) left
    out.  "" when ``before`` is not so worded (the source written first, "Báo cáo tháng 4
    nêu sản lượng ... là", keeps the sentence's indicator)."""
    folded = fold(before).lower()
    said = _PUBLISHED_AS.search(folded) or _ADJUSTED_FROM.search(folded)
    if said is None or len(folded) != len(before):
        return ""
    label = _NOTE_LABEL.match(folded)
    start = label.end() if label is not None else 0
    subject = before[start:said.start()]
    for x in reversed(find_mentions(subject, year)):
        subject = subject[:x.start] + " " * (x.end - x.start) + subject[x.end:]
    subject = _FILLER_WRITTEN.sub("", " ".join(subject.split()), count=1).strip(" ,-")
    return subject if subject and not _QUOTED_SOURCE.match(fold(subject).lower()) else ""


def withdraws(f: Frame, g: Frame) -> bool:
    """Whether correction frame ``f`` (:data:`WITHDRAWN` or :data:`RESTATED`) withdraws
    ``g``, said before it: the same measure, unit, period, target and indicator
    (:func:`same_indicator`), and the value ``f`` withdraws, or another than the one it
    restates."""
    if not f.correction or f.measure != g.measure or f.unit != g.unit or \
            not same_period(f, g) or f.target != g.target:
        return False
    same_value = f.low == g.low and f.high == g.high
    if f.correction == WITHDRAWN:
        return same_value and (not g.indicator or same_indicator(f.indicator, g.indicator))
    return not same_value and same_indicator(f.indicator, g.indicator)


def same_period(f: Frame, g: Frame) -> bool:
    """Whether ``f`` and ``g`` are of the same period (kind, first and last day; its label
    may be written otherwise: "9 tháng", "9 tháng năm 2069"), or both of none."""
    p, q = f.period, g.period
    if p is None or q is None:
        return p is q
    return (p.kind, p.start, p.end) == (q.kind, q.start, q.end)


def withdrawn_elsewhere(frame: Frame, dated: str | None,
                        corrections: list[tuple[str | None, Frame]]) -> bool:
    """Whether ``frame`` (of a document dated ``dated``, ISO or None) is withdrawn by one of
    ``corrections``: (document date, frame marked by :func:`apply_corrections`) of other
    documents -- a later bulletin's "... là 1.248 triệu USD chứ không phải 1.284 triệu USD như
    báo cáo trước" withdraws the earlier report's 1.284 (:func:`withdraws`).  A correction in a
    document dated before ``frame``'s withdraws nothing of it (the figure was stated again
    after it)."""
    return any(withdraws(f, frame) for day, f in corrections
               if not (day and dated and day[:10] < dated[:10]))
