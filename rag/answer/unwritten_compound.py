"""A word of two syllables the question names that a frame's text holds only as two other
words folding alike: "Nhập khẩu hoa quả" over "kim ngạch xuất nhập khẩu hàng hóa qua các cửa
khẩu ..., nhập khẩu 1.768 triệu USD" -- folded, "hàng hóa qua" holds "hoa" and "qua", so the
import total seemed to name the fruit (rag.answer.figures.unnamed_subclass reads folded
syllables) and answered "Nhập khẩu hoa quả 6 tháng 2094?" at 0.91 (session 49 break-test
bt20a; tests/test_list_parts.py)."""

from __future__ import annotations

from rag.vi.text import fold
from rag.vi.words import words_in


def unwritten_compound(runs: tuple[tuple[str, ...], ...], own: frozenset[str],
                       compounds: frozenset[str], near: str) -> tuple[str, ...]:
    """The folded syllables of the question's two-syllable dictionary words (``compounds``,
    folded "hoa_qua": rag.vi.words.words_in of the question as typed) that stand in a run of
    its content words (``runs``) after a word the frame's own words (``own``, folded terms)
    hold whole, are not written as that word in ``near`` -- the frame's own words, total,
    clause, heading, sentence and title as written (accents kept) -- and are not both among
    its own words or the syllables of another such word ``near`` writes ("khách du" of
    "lượt khách du lịch" beside a written "du lịch").  Such a word names a subclass the
    frame is the whole of, as rag.answer.figures.unnamed_subclass reads it.  Empty when
    ``near`` is written without diacritics (no word of it can be told apart by accents) or
    the question names none."""
    if not compounds or fold(near) == near.lower():
        return ()
    written = words_in(near)
    # the syllables of the question's words that ``near`` writes: "khách du" overlaps "du
    # lịch" (dictionary words both), and the "du" written in "du lịch" is said
    said = {w for c in compounds & written for w in c.split("_")} | own
    missing: list[str] = []
    for run in runs:
        held = False  # a word of the run before is the frame's own
        i = 0
        while i < len(run):
            pair = f"{run[i]}_{run[i + 1]}" if i + 1 < len(run) else ""
            if pair in compounds:
                mine = run[i] in own and run[i + 1] in own
                if held and pair not in written and not {run[i], run[i + 1]} <= said:
                    missing.extend(run[i:i + 2])
                held = held or mine
                i += 2
            else:
                held = held or run[i] in own
                i += 1
    return tuple(missing)
