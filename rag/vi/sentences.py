"""Sentences of a text: where they start and end, without breaking at initials ("James O.
McKinsey") or abbreviations ("TP.")."""

from __future__ import annotations

import re

from rag.vi.numbers import within_value

# A sentence ends at . ! ? … (and closing quotes) before a capital, a digit or an opening
# quote; not after an initial ("James O. McKinsey", "Y. pestis") or a common abbreviation.
_SENT_END_RE = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s|$)")
# "tr." and "ng." abbreviate "triệu"/"trang" and "nghìn" ("56,2 tr. USD", "ng. đồng").
_ABBREVIATIONS = frozenset("st mr mrs ms dr prof jr sr vs etc no tp ts ths pgs gs tt tx kts bs ks "
                           "cn inc ltd co tr ng".split())


def sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) of each sentence of ``text``; lines always end one."""
    out: list[tuple[int, str]] = []
    for line_m in re.finditer(r"[^\n]+", text):
        line, base, start = line_m.group(0), line_m.start(), 0
        for m in _SENT_END_RE.finditer(line):
            if not _ends_sentence(line, m):
                continue
            if line[start:m.end()].strip():
                out.append((base + start, line[start:m.end()]))
            start = m.end()
        if line[start:].strip():
            out.append((base + start, line[start:]))
    return out


def _ends_sentence(line: str, m: re.Match[str]) -> bool:
    rest = line[m.end():].lstrip()
    if rest and not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"“‘'([-–"):
        return False
    if m.group(0) == "." and re.search(r"(?<![\w.,])\d{1,3} $", line[:m.start()]) and \
            re.match(r" ?\d{3}(?!\d)", line[m.end():]):
        return False  # "58 . 914 tấn": a thousands dot a text layer drew apart (rag.vi.numbers)
    if m.group(0) == "." and re.search(r"(?<![\w.,])\d{1,3}$", line[:m.start()]) and \
            re.match(r" \d{3}(?!\d)", line[m.end():]) and within_value(line, m.start()):
        return False  # "đạt 12. 430 ha": the space after the dot, as OCR draws it apart
    if m.group(0) == ".":
        word = re.search(r"(\w+)$", line[:m.start()])
        if word and ((len(word.group(1)) == 1 and word.group(1).isalpha())
                     or word.group(1).lower() in _ABBREVIATIONS):
            return False
    return True
