"""Document numbers a question names ("báo cáo 214/BC-SCT ngày nào", "theo Quyết định
1352/QĐ-UBND ..."): the question is answered from the documents that write the number, and
refused when none does (issue 16, round 11: another report answered).  A question asking when
a report named by its title words was issued ("báo cáo cây ăn quả ký ngày nào") is answered
with that document's date (:func:`titled_issued_answer`)."""

from __future__ import annotations

import re
from functools import lru_cache

from index import Index
from rag.ingest.readers import signed_date
from rag.records import Answer, Citation, Passage
from rag.search.copies import originals
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


# what is left of a question asking when a numbered document was issued once its number and
# the words naming it are taken out; folded.  The kind is a day asked of issuing or signing
# ("ban hành", "ký"/"kí", "phát hành"), in any of three orders: the verb then the question
# ("báo cáo số 77/BC-SNN ban hành ngày nào", "... được ban hành khi nào", "... ký ngày nào",
# "... ngày bao nhiêu"); the noun of the day then the verb ("ngày ban hành của báo cáo số N",
# "thời gian ban hành báo cáo N", "ngày ký văn bản N là ngày nào", "N có ngày ban hành là khi
# nào"); the question then the verb ("khi nào báo cáo N được ban hành")
_WHEN = (r"(?:ngay\s+(?:nao|bao nhieu|may|thang nam nao)|khi nao|luc nao|bao gio|"
         r"thoi gian nao|thoi diem nao|ngay thang nao)")
# -- and a web page's "đăng", "đăng tải" (posted: "bài giải ngân vốn đầu tư công đăng ngày
# nào", "ngày đăng bài ...": break-test bt26-b16 failure 2), never the "đang" that folds alike
# (:func:`titled_issue_question` reads the question as typed)
_VERB = r"(?:ban hanh|ky|ki|phat hanh|cong bo|dang tai|dang(?! ky\b))"
_ISSUED = re.compile(
    r"^(?:(?:xin\s+)?cho\s+(?:toi\s+|em\s+|minh\s+)?biet\s+)?(?:"
    rf"(?:(?:duoc\s+)?(?:{_VERB}|lap|ra)\s+)?(?:vao\s+)?{_WHEN}"
    rf"|(?:co\s+)?(?:ngay|thoi gian|thoi diem|ngay thang)\s+(?:duoc\s+)?{_VERB}"
    rf"(?:\s+cua)?(?:\s+(?:la|vao|la vao))?(?:\s+{_WHEN})?"
    rf"|{_WHEN}\s+(?:thi\s+)?(?:duoc\s+)?{_VERB}"
    r")\s*\??$")
# the day as written in an official document's date line ("ngày 3 tháng 4 năm 2032",
# "ngày 18/11/2027"; ``rag.ingest.readers.signed_date`` reads the same lines); folded
_DAY = re.compile(r"\bngay\s+\d{1,2}\s*(?:thang\s+|[/.-])\s*\d{1,2}\s*(?:nam\s+|[/.-])\s*"
                  r"(?:19|20)\d{2}\b")
DATE_LINES_AFTER = 2  # non-empty lines after the number's where its date line may stand


def asks_issue_date(rest: str) -> bool:
    """Whether ``rest`` -- a question without the document numbers it names
    (:func:`without_numbers`) -- asks only when that document was issued or signed, in any
    order of its words: "ban hành ngày nào", "ngày bao nhiêu", "được ban hành khi nào",
    "ngày ban hành", "thời gian ký là khi nào", "khi nào được ban hành" (:data:`_ISSUED`)."""
    return _ISSUED.match(fold(" ".join(rest.split()))) is not None


def _lines(text: str) -> list[tuple[int, str]]:
    out, at = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((at, line))
        at += len(line) + 1
    return out


def issue_date(index: Index, doc_id: str, number: str) -> tuple[str, int, int, int, int] | None:
    """When document ``doc_id`` of ``index``, numbered ``number``, was issued, from its own
    date line: the line writing the number if it is one ("Số 58/BC-UBND ngày 14 tháng 1 năm
    2028"), else one of the :data:`DATE_LINES_AFTER` lines after it (a DOCX header's cells,
    "Số: 77/BC-SNN" then "Lạng Sơn, ngày 3 tháng 4 năm 2032"); a line is a date line as
    ``rag.ingest.readers.signed_date`` reads it, which dates the document at index time.
    Returns (the ISO day, the quote's start and end in the text -- the number's line to the
    date line --, the day's as written start and end); None when the number is only cited
    in passing ("căn cứ Báo cáo số 77/BC-SNN ...") or has no date line."""
    doc = index.docs[doc_id]
    lines = _lines(doc.text)
    for k, (at, line) in enumerate(lines):
        if not _number_re(number).search(fold(line)):
            continue
        for at2, line2 in lines[k:k + 1 + DATE_LINES_AFTER]:
            day = signed_date(line2)
            folded = fold(line2)
            m = _DAY.search(folded) if len(folded) == len(line2) else None
            if day is not None and m is not None:
                return day, at, at2 + len(line2.rstrip()), at2 + m.start(), at2 + m.end()
    return None


def issued_answer(index: Index, question: str, resolved: str, numbers: list[str],
                  owners: frozenset[str], related: tuple[Passage, ...]) -> Answer | None:
    """The answer to "when was report N issued" (:func:`asks_issue_date`): the day as the
    document's own date line writes it ("ngày 3 tháng 4 năm 2032"), citing the lines from
    its number to that date (:func:`issue_date`), for each of ``numbers`` some original
    document among ``owners`` dates (a copy's own date line is its original's:
    ``rag.search.copies.originals``); None when no document dates any of them (the question
    then goes on as any other)."""
    first = originals(index)
    found: list[tuple[str, str, Citation]] = []
    for number in numbers:
        for doc_id in sorted(owners, key=list(index.docs).index):
            if doc_id in first:
                continue
            dated = issue_date(index, doc_id, number)
            if dated is None:
                continue
            day, start, end, d0, d1 = dated
            doc = index.docs[doc_id]
            chunk = next((index.chunks[r] for r in index.rows_of_doc.get(doc_id, ())
                          if index.chunks[r].start <= start < index.chunks[r].end), None)
            if chunk is None:
                continue
            found.append((number, doc.text[d0:d1], Citation(
                doc_id=doc_id, chunk_id=chunk.id, title=chunk.title, date=chunk.date,
                quote=doc.text[start:end], start=start, end=end)))
            break
    if not found:
        return None
    answer = "; ".join(day for _, day, _ in found) if len(found) == 1 else \
        "; ".join(f"{n}: {day}" for n, day, _ in found)
    summary = " ".join(f"Văn bản số {n} ban hành {day}." for n, day, _ in found)
    return Answer(question=question, resolved_question=resolved, answer=answer, found=True,
                  confidence=0.95, answer_sentence=found[0][2].quote,
                  citations=tuple(c for _, _, c in found), related=related, summary=summary)


# the verb of issuing or signing that a question naming a report by its title words must write
# ("ban hành", "ký", "phát hành", "công bố"): "ngày nào" alone asks a figure's day; folded
_VERB_RE = re.compile(rf"\b{_VERB}\b")
# the verbs a title itself may not write (a run holding one is no title): those of issuing
# and signing -- not "đăng", which titles write as "đang" and "đăng ký" ("tình hình đăng ký
# doanh nghiệp", whose "ký" signs nothing), and a shorter run leaving it to the rest is
# tried first anyway
_TITLE_VERB_RE = re.compile(r"\b(?:ban hanh|(?<!dang )ky|(?<!dang )ki|phat hanh|cong bo)\b")
# what may stand before the title words: the kind of document and the words tying it to the
# day asked ("ngày ban hành của báo cáo ...", "báo cáo về ..."); folded
# -- a web page's kind too ("bài", "bài viết", "tin"), which names no document kind to match
_TITLE_LEAD = re.compile(r"^(?:(?:cua|ve)\s+)*(?:(?:bai viet|bai bao|tin bai|bai|tin)\s+)?"
                         r"(?:(" + DOCUMENT_KINDS + r")\s+)?(?:(?:ve|so)\s+)?")
TITLE_MATCH_SHARE = 0.75  # share of the asked title's words a document's title must write
TITLE_WORDS_MIN = 2  # asked title words, at least, a document's title must write
# how sure a day read from a document's stored date (metadata, byline) is, no signing line
# of its own writing it: a page's date is its publication's, seldom its content's issue
STORED_DATE_SURE = 0.85


def titled_issue_question(question: str) -> tuple[str | None, str] | None:
    """The document a question asks the issue day of by its title words: (the kind it names,
    folded -- "bao cao", "quyet dinh" -- or None, the title words folded), for "báo cáo cây
    ăn quả ban hành ngày nào", "ngày ban hành báo cáo tình hình phát triển cây ăn quả", "khi
    nào kế hoạch phát triển du lịch được ký" -- the rest of the question, once the title words
    are taken out, asks when it was issued (:func:`asks_issue_date`) with a verb of issuing
    (:data:`_VERB_RE`).  The shortest run of words that leaves such a rest is the title.
    None for any other question (a figure's day: "mưa lớn nhất vào ngày nào")."""
    typed = " ".join(question.split()).rstrip("?.! ").lower().split(" ")
    words = fold(" ".join(question.split())).rstrip("?.! ").split(" ")
    if len(words) != len(typed):
        return None
    best: tuple[str | None, str] | None = None
    size = len(words) + 1
    for i in range(len(words)):
        for j in range(i + 1, len(words) + 1):
            if j - i >= size:
                break
            rest = " ".join(words[:i] + words[j:])
            if not rest or not _VERB_RE.search(rest) or not asks_issue_date(rest) or \
                    "đang" in typed[:i] + typed[j:]:
                continue  # "đang" (now) is no "đăng" (posted)
            span = " ".join(words[i:j])
            lead = _TITLE_LEAD.match(span)
            title = span[lead.end():].strip() if lead else span
            if len(title.split()) < TITLE_WORDS_MIN or _TITLE_VERB_RE.search(title):
                continue
            best, size = ((lead.group(1) if lead else None), title), j - i
    return best


def _title_score(asked: list[str], kind: str | None, title: str) -> tuple[float, int]:
    """(the share of ``asked`` words ``title`` writes, 1 if it writes the asked ``kind``);
    folded."""
    have = fold(" ".join(title.split()))
    words = have.split(" ")
    hit = sum(1 for w in asked if w in words)
    return hit / len(asked), int(bool(kind) and re.search(rf"\b{kind}\b", have) is not None)


def dated_line(text: str, day: str) -> tuple[int, int, int, int] | None:
    """The line of ``text`` that dates its document on ``day`` (ISO), as
    ``rag.ingest.readers.signed_date`` reads date lines ("Tây Hà, ngày 05 tháng 3 năm
    2024"): (its start and end, the day's as written start and end); None when no line
    does (a date taken from a web page's metadata)."""
    for at, line in _lines(text):
        folded = fold(line)
        if len(folded) != len(line) or signed_date(line) != day:
            continue
        m = _DAY.search(folded)
        if m is not None:
            return at, at + len(line.rstrip()), at + m.start(), at + m.end()
    return None


# a day as a web page's byline or a line of the text writes it: "Thứ Hai, 13/01/2020 09:40",
# "13-01-2020", "ngày 13 tháng 01 năm 2020", Joomla's "Thứ Năm, 12 Tháng 7 2040" (as
# rag.ingest.web reads a byline; groups: day, month, year); folded, lower case
_WRITTEN_DAY = re.compile(r"(?<!\d)(\d{1,2})(?:\s*[/.-]\s*|\s+thang\s+)(\d{1,2})"
                          r"(?:\s*[/.-]\s*|,?\s+(?:nam\s+)?)((?:19|20)\d{2})(?!\d)")


def written_day(text: str, day: str) -> tuple[int, int, int, int] | None:
    """The first line of ``text`` that writes ``day`` (ISO) in any of the forms of
    :data:`_WRITTEN_DAY` -- a web page's byline, dated by its metadata or that line
    (rag.ingest.web) -- as (its start and end, the day's as written start and end); None when
    no line does."""
    want = tuple(int(x) for x in day.split("-"))
    for at, line in _lines(text):
        folded = fold(line)
        if len(folded) != len(line):
            continue
        for m in _WRITTEN_DAY.finditer(folded.lower()):
            if (int(m.group(3)), int(m.group(2)), int(m.group(1))) == want:
                return at, at + len(line.rstrip()), at + m.start(), at + m.end()
    return None


def stored_date_quote(text: str, title: str, day: str) -> tuple[int, int, str]:
    """Where a document dated ``day`` (ISO) by no date line of its own is cited for that day:
    the line of ``text`` that writes it (:func:`written_day`: a web page's byline), else its
    ``title`` where ``text`` writes it, else its first line -- (start, end, the day as
    written, or "ngày DD/MM/YYYY" when no line writes it)."""
    line = written_day(text, day)
    if line is not None:
        start, end, d0, d1 = line
        return start, end, f"ngày {text[d0:d1].strip()}"
    y, m, d = day.split("-")
    shown = f"ngày {d}/{m}/{y}"
    at = text.find(title) if title else -1
    if at >= 0:
        return at, at + len(title), shown
    first = next(iter(_lines(text)), (0, ""))
    return first[0], first[0] + len(first[1].rstrip()), shown


def titled_issued_answer(index: Index, question: str, resolved: str,
                         related: tuple[Passage, ...],
                         doc_ids: frozenset[str] | None = None) -> Answer | None:
    """The answer to "when was the report titled ... issued" (:func:`titled_issue_question`):
    the date of the original document (not a copy: ``rag.search.copies.originals``) whose
    title writes at least :data:`TITLE_MATCH_SHARE` and :data:`TITLE_WORDS_MIN` of the asked
    title words, best share first, then those whose title writes the kind asked; the day as its date
    line writes it, cited to that line (:func:`dated_line`; the document's date is read at
    index time, from its header or its closing signing line: break-test round 36 of issue
    16, a DOCX dated in its footer only).  Documents tied for the best match are each named
    with their day.  A named kind ("kế hoạch") other than "báo cáo"/"văn bản" must be in the
    title.  A best document dated by no line of its own -- a web page's metadata or byline
    (rag.ingest.web) --: its stored date, cited to the line writing it or to its title, said
    to be the day it was published, no surer than :data:`STORED_DATE_SURE`
    (:func:`stored_date_quote`; break-test bt26-b16 failure 2).  A best document with no
    date: a refusal naming it.  None when the question is not of this kind or no title
    matches (the question then goes on as any other)."""
    asked = titled_issue_question(resolved)
    if asked is None:
        return None
    kind, title_words = asked
    words = [w for w in title_words.split(" ") if w not in ("cua", "ve")]
    first = originals(index)
    scored: list[tuple[tuple[float, float], str]] = []
    for doc_id, doc in index.docs.items():
        if doc_id in first or (doc_ids is not None and doc_id not in doc_ids):
            continue
        title = fold(" ".join(doc.title.split()))
        if kind and kind not in ("bao cao", "bc", "van ban", "cong van") and \
                not re.search(rf"\b{kind}\b", title):
            continue
        score = _title_score(words, kind, doc.title)
        if score[0] >= TITLE_MATCH_SHARE and score[0] * len(words) >= TITLE_WORDS_MIN:
            scored.append((score, doc_id))
    if not scored:
        return None
    top = max(s for s, _ in scored)
    best = [d for s, d in scored if s == top]
    found: list[tuple[str, str, Citation]] = []
    stored = False  # a day of the stored date, no date line: the page's publication day
    for doc_id in best:
        doc = index.docs[doc_id]
        if not doc.date:
            continue
        line = dated_line(doc.text, doc.date)
        if line is not None:
            start, end, d0, d1 = line
            said = doc.text[d0:d1]
        else:
            # dated by its metadata or byline (a web page: rag.ingest.web), no signing line:
            # that stored date, cited to the line writing it or to the title, said to be
            # the day it was published (break-test bt26-b16 failure 2: the title answered)
            start, end, said = stored_date_quote(doc.text, doc.title, doc.date)
            stored = True
        chunk = next((index.chunks[r] for r in index.rows_of_doc.get(doc_id, ())
                      if index.chunks[r].start <= start < index.chunks[r].end), None)
        if chunk is None:
            continue
        found.append((doc.title, said, Citation(
            doc_id=doc_id, chunk_id=chunk.id, title=chunk.title, date=chunk.date,
            quote=doc.text[start:end], start=start, end=end)))
    if not found:
        named = "; ".join(index.docs[d].title for d in best)
        text = (f"Văn bản \"{named}\" không ghi ngày ban hành trong nội dung đã lưu, nên không "
                f"trả lời được câu hỏi \"{question.strip()}\".")
        return Answer(question=question, resolved_question=resolved, answer=text, found=False,
                      confidence=0.9, related=related)
    answer = found[0][1] if len(found) == 1 else \
        "; ".join(f"{t}: {day}" for t, day, _ in found)
    summary = " ".join(f"{t} ban hành {day}." for t, day, _ in found)
    sure = 0.9 if len(found) == 1 and top[0] == 1.0 else 0.8 if len(found) == 1 else 0.6
    if stored:
        answer += " (ngày đăng, theo ngày của văn bản đã lưu)"
        summary = " ".join(f"{t}: đăng {day} (ngày của văn bản đã lưu; văn bản không có dòng "
                           f"ghi ngày ban hành)." for t, day, _ in found)
        sure = min(sure, STORED_DATE_SURE)
    return Answer(question=question, resolved_question=resolved, answer=answer, found=True,
                  confidence=sure, answer_sentence=found[0][2].quote,
                  citations=tuple(c for _, _, c in found), related=related, summary=summary)
