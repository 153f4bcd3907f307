"""Which row of a table a question names by a short form of its label, and which rows lead
with a total's label: read by ``rag.answer.answerer.table_parts`` before it lists a table's
rows as parts of a total no row states (issue 17, break-tests bt17s and bt17r)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from rag.vi.text import fold, has_diacritics, nfc

# a label that opens with the table's whole, then names what it is the whole of (folded):
# "Toàn ngành công nghiệp", "Toàn tỉnh Lạng Sơn", "Cả tỉnh", "Tổng số doanh nghiệp" --
# rag.vi.lexicon.is_total_label reads the bare label only ("Toàn ngành"); the bare "Cộng" and
# "Chung" are left out, as "công nghiệp" and "chung cư" fold to their first syllable
_TOTAL_LED = re.compile(r"(?:toan (?:nganh|tinh|thanh pho|huyen|quoc)|ca (?:tinh|nuoc)|"
                        r"tong (?:so|cong))\b")


def total_led(folded: str) -> bool:
    """Whether a table row's label ``folded`` (folded, lower case, stripped) opens with a
    total's label (:data:`_TOTAL_LED`): the row is the table's whole, never one of its parts
    ("Toàn ngành công nghiệp | 108,6" over "Khai khoáng", "Chế biến, chế tạo", ...)."""
    return _TOTAL_LED.match(folded) is not None


def _words(folded: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", folded)


def short_named(labels: Iterable[str], column: Iterable[str], heading: Iterable[str],
                spoken: str) -> str | None:
    """The one label of ``labels`` (a table's row labels, folded, lower case) the question
    (``spoken``: its folded lower-case words, as typed and as expanded) names by a short
    form, or None.  A label is named when the question says two of its distinctive words
    running together as in the label, not both in the table's ``heading`` ("Đền Bắc Lệ"
    names "Khu di tích Đền Bắc Lệ", "Mẫu Sơn" names "Đỉnh Mẫu Sơn"; "sản xuất" of "Chỉ số
    sản xuất công nghiệp" names no row "Sản xuất và phân phối điện"), or says its first
    word, distinctive and not in the ``heading`` either ("xăng" names "Xăng RON 95-V").  A
    word is distinctive when no other label holds it, it is no number and the column's
    header (``column``, folded words) does not say it -- so "khách" of "Lượt khách" names
    no row "Khách quốc tế", nor "Sơn" of "Lạng Sơn" the row "Đỉnh Mẫu Sơn".  None when two
    labels or more are named so ("xuất nhập khẩu" over rows "Xuất khẩu" and "Nhập
    khẩu")."""
    labels = list(dict.fromkeys(labels))
    common, title = set(column), set(heading)
    said = _words(spoken)
    pairs = set(zip(said, said[1:], strict=False))
    named = []
    for label in labels:
        others = {w for other in labels if other != label for w in _words(other)}
        own = _words(label)
        distinct = [not w.isdigit() and w not in others and w not in common for w in own]
        runs = any(distinct[i] and distinct[i + 1] and (own[i], own[i + 1]) in pairs
                   and not {own[i], own[i + 1]} <= title for i in range(len(own) - 1))
        first = bool(own) and distinct[0] and own[0] not in title and own[0] in said
        if runs or first:
            named.append(label)
    return named[0] if len(named) == 1 else None


def toned_said(label: str, terms: Iterable[str], question: str) -> frozenset[str]:
    """Which of ``terms`` (question terms, folded, pairs joined by "_") the table row label
    ``label`` (as written, with its tones) holds with the very tones the question
    ``question`` (as typed) says them.  Folding makes one word of two: "đạt" of "Thu nội
    địa 9 tháng đạt bao nhiêu % dự toán?" and "đất" of the "Trong đó" row "Thu tiền sử
    dụng đất" under it both fold to "dat", and the child row looked like a row the question
    names more of than its own, "Thu nội địa", so that row's 74,7% was dropped for the
    child's 58,6% (issue 17, break-test bt17u item 1; tests/test_row_child_total.py).  A
    question typed without diacritics says every term with the label's tones (all of
    ``terms`` but numbers are kept), as folding is then all it can be read by."""
    terms = [t for t in terms if not t[:1].isdigit()]
    if not has_diacritics(question):
        return frozenset(terms)
    words = re.findall(r"\w+", nfc(label).lower())
    folded = [fold(w) for w in words]
    said = " " + " ".join(re.findall(r"\w+", nfc(question).lower())) + " "
    held = set()
    for t in terms:
        parts = t.split("_")
        n = len(parts)
        if any(folded[i:i + n] == parts and f" {' '.join(words[i:i + n])} " in said
               for i in range(len(words) - n + 1)):
            held.add(t)
    return frozenset(held)


# the joint of a total's label listing its parts: "Tổng mức bán lẻ hàng hóa và doanh thu
# dịch vụ tiêu dùng" (folded)
_JOINTS = {"va"}


def _run_in(run: list[str], words: list[str]) -> bool:
    n = len(run)
    return any(words[i:i + n] == run for i in range(len(words) - n + 1))


def joins_parts_unasked(total: str, folded_q: str) -> bool:
    """Whether the total row's label ``total`` joins its parts' names with "và" and the
    question (``folded_q``) says neither "tổng" nor a joint of the label with a word beside
    it -- the cheap half of :func:`total_of_said_part`, read before the table's other rows
    are gathered for it."""
    said = _words(folded_q)
    if "tong" in said:
        return False
    label = _words(fold(total).lower())
    if not set(label) & _JOINTS:
        return False
    joints = {(x, y) for x, y in zip(label, label[1:], strict=False) if {x, y} & _JOINTS}
    return not joints & set(zip(said, said[1:], strict=False))


def total_of_said_part(total: str, parts: Iterable[str], folded_q: str) -> bool:
    """Whether the question (``folded_q``: folded, lower case) names one of a table's part
    rows (``parts``: the labels, as written, of the table's other rows -- the parts under
    it, or rows beside it the ingest set no total over) and not the total row labelled
    ``total``: the total's label joins its parts' names ("Tổng mức bán lẻ
    hàng hóa và doanh thu dịch vụ tiêu dùng"), one part's label ("Bán lẻ hàng hóa",
    two words or more) is made of the total's words -- "Vận tải hành khách" of "Tổng doanh
    thu vận tải hàng hóa và hành khách" too -- and the question says it whole, and the
    question says no joint of the label with a word beside it ("bán lẻ hàng hóa và doanh thu
    ...", the total whole) and no "tổng" ("Tổng mức bán lẻ ...") -- "doanh thu vận tải hàng
    hóa" names the row "Vận tải hàng hóa" under "Doanh thu vận tải hàng hóa và hành khách".
    "Doanh thu bán lẻ hàng hóa năm 2093 và 2095?" then asks the row "Bán lẻ hàng hóa", though
    the total's label holds every word of it too, and the total's 25.140 stood in for it at
    1.0 (session 49 break-test bt20a item 81; tests/test_table_rows_asked.py)."""
    if not joins_parts_unasked(total, folded_q):
        return False
    said = _words(folded_q)
    label = _words(fold(total).lower())
    for part in parts:
        own = _words(fold(part).lower())
        if len(own) >= 2 and _run_in(own, said) and set(own) <= set(label) - _JOINTS:
            return True
    return False
