"""Document numbers a question names ("báo cáo 214/BC-SCT ngày nào", "theo Quyết định
1352/QĐ-UBND ..."): the question is answered from the documents that write the number, and
refused when none does (issue 16, round 11: another report answered)."""

from __future__ import annotations

import re
from functools import lru_cache

from index import Index
from rag.records import Answer, Passage
from rag.search.query import DOCUMENT_NUMBER_RE
from rag.vi.lexicon import DOCUMENT_KINDS
from rag.vi.text import fold


def asked_numbers(question: str) -> list[str]:
    """The document numbers ``question`` writes ("214/BC-SCT", "12/2024/KH-UBND";
    ``rag.search.query.DOCUMENT_NUMBER_RE``), in order, each once."""
    return list(dict.fromkeys(m.group(0) for m in DOCUMENT_NUMBER_RE.finditer(question)))


@lru_cache(maxsize=256)
def _number_re(number: str) -> re.Pattern[str]:
    """``number`` folded, matched whole, with spaces allowed around its "/" and "-" (a PDF's
    "214 / BC-SCT")."""
    parts = re.split(r"\s*([/-])\s*", fold(number))
    body = "".join(r"\s*" + re.escape(p) + r"\s*" if p in "/-" else re.escape(p)
                   for p in parts)
    return re.compile(rf"(?<![\w/]){body}(?![\w-])")


def numbered_documents(index: Index, numbers: list[str]) -> frozenset[str]:
    """The ids of the documents of ``index`` whose text or title writes one of ``numbers``
    (folded, in any case: "214/bc-sct"); empty when none does."""
    found = set()
    for doc_id, doc in index.docs.items():
        text = fold(f"{doc.title}\n{doc.text}")
        if any(_number_re(n).search(text) for n in numbers):
            found.add(doc_id)
    return frozenset(found)


def no_such_number(question: str, resolved: str, numbers: list[str],
                   related: tuple[Passage, ...]) -> Answer:
    """The refusal for a question naming document numbers (``numbers``) no indexed
    document writes: no other report answers for it."""
    named = ", ".join(numbers)
    text = (f"Không tìm thấy văn bản số {named} trong các báo cáo hiện có, nên không trả lời "
            f"câu hỏi \"{question.strip()}\" bằng văn bản khác.")
    return Answer(question=question, resolved_question=resolved, answer=text, found=False,
                  confidence=1.0, related=related)


# the words naming a document number: a verb that cites it ("nêu", "được nêu", "ghi", "đề
# cập", "công bố"), a preposition ("theo", "trong", "tại"), the kind, "số"; folded
_NAMING = re.compile(r"(?:\b(?:duoc\s+)?(?:neu|ghi|de cap|cong bo|trinh bay|dua ra)\s+"
                     r"(?=(?:theo|trong|tai|o)\s))?"
                     r"(?:\b(?:theo|trong|cua|tai|o)\s+)?(?:\b(?:" + DOCUMENT_KINDS + r")\s+)?"
                     r"(?:\bso\s*:?\s*)?$")


def without_numbers(question: str, numbers: list[str]) -> str:
    """``question`` without the document numbers it names and the words that name them
    ("theo báo cáo số 61/BC-SCT", "trong QĐ 1352/QĐ-UBND"): what it asks of those documents
    ("kim ngạch xuất khẩu 6 tháng năm 2022 theo báo cáo 61/BC-SCT" -> "kim ngạch xuất khẩu
    6 tháng năm 2022"), for the answerer, which would read the number's words as the
    indicator's."""
    folded = fold(question)
    if len(folded) != len(question):
        return question
    cut: list[tuple[int, int]] = []
    for n in numbers:
        for m in _number_re(n).finditer(folded):
            lead = _NAMING.search(folded[:m.start()].rstrip() + " " if m.start() else "")
            start = m.start() if lead is None or not lead.group(0).strip() else \
                len(folded[:m.start()].rstrip() + " ") - len(lead.group(0))
            cut.append((max(0, start), m.end()))
    for start, end in sorted(cut, reverse=True):
        question = question[:start] + " " + question[end:]
    return re.sub(r"\s+([?.!,;])", r"\1", " ".join(question.split())).lstrip(",;: ")
