"""The item whose price a question asks ("giá điện", "giá bán lẻ xăng", "giá thóc"), and
whether a figure is that item's: a price or price index of a broader basket ("Chỉ số giá
tiêu dùng tháng 6 tăng 0,35%") or of another item ("giá xăng tăng 3%") is not, even when
its passage names the item elsewhere ("Doanh thu thương mại điện tử", "Tỷ lệ hộ dùng điện
lưới"; issue 16 bt18-b16 failure 4: "giá điện tháng 6 năm 2095 tăng bao nhiêu" answered
with the CPI's 0,35% at 0.79). A CPI group that names the item ("nhóm nhà ở, điện, nước
... tăng 1,2%") is its price change, as statistics offices report none finer."""

from __future__ import annotations

import re
import unicodedata

from rag.vi.frames import Frame
from rag.vi.text import fold

# "giá" as a word of its own, not "đánh giá" (assess), "trị giá" (worth), "định giá"; typed
# with its tone mark, as "gia" folded is also "gia" (family, join: "gia đình", "tham gia")
# -- nor the object of a measure taken on prices: "bình ổn giá", "kiểm soát giá", "quản lý
# giá", "niêm yết giá" ("số điểm bán hàng bình ổn giá dịp Tết", "số vụ vi phạm niêm yết giá
# trong tháng" count outlets and cases, no price; break-test bt16j, refused at 0.86;
# tests/test_counted_row_words.py)
_PRICE_WORD = re.compile(r"(?<![\w])(?<!đánh )(?<!trị )(?<!định )(?<!bình ổn )"
                         r"(?<!kiểm soát )(?<!quản lý )(?<!niêm yết )giá(?!\w)")
# what may stand between "giá" and its item: the kind of price ("giá bán lẻ xăng", "giá thu
# mua lúa", "giá xuất khẩu gạo", "giá bình quân"), and "nhóm" before a price index's group
# ("chỉ số giá nhóm giao thông": the group is the item; dev-reports d106)
_PRICE_KINDS = frozenset(
    "ban le buon binh quan trung mua thu xuat nhap khau niem yet nhom".split())
# words after "giá" that name no item: "giá trị" (value), "giá cả" (prices at large),
# "giá hiện hành"/"giá so sánh" (the price bases), "giá tiêu dùng"/"giá sản xuất" (the CPI
# and PPI themselves), and the question's period, change and question words
_NO_ITEM = frozenset("""
tri ca hien so tieu san thang nam quy tuan ngay dau cuoi tang giam la bao nhieu bang dat o
tai cua tren moi hom nay the nao ra sao the va hoac co
""".split())


def names_price(text: str) -> bool:
    """Whether ``text`` (a figure's indicator, total and heading) names a price: "giá" as a
    word of its own (:data:`_PRICE_WORD`), not "giá trị" (value).  A price stands for its
    time as a level standing at a day does: a week's is said for the month asked
    (rag.answer.figures.later_part; dev4 b17n q119, b17s q132)."""
    text = unicodedata.normalize("NFC", text).lower()
    return any(not text[m.end():].startswith(" trị") for m in _PRICE_WORD.finditer(text))


def price_item(question: str) -> str:
    """The word of the item whose price ``question`` asks, lower case with its diacritics
    ("giá điện tháng 6 tăng bao nhiêu" -> "điện"; "giá bán lẻ xăng" -> "xăng"), or "" when it
    names none ("giá trị sản
    xuất", "chỉ số giá tiêu dùng", "giá cả thị trường", "đánh giá", a question typed
    without tone marks)."""
    question = unicodedata.normalize("NFC", question).lower()
    m = _PRICE_WORD.search(question)
    if m is None:
        return ""
    for word in re.findall(r"\w+", question[m.end():]):
        folded = fold(word).lower()
        if folded in _PRICE_KINDS:
            continue
        return "" if folded in _NO_ITEM or word.isdigit() else word
    return ""


def _names(item: str, text: str) -> bool:
    """Whether ``text`` holds the word ``item`` (lower case, with its diacritics) as written,
    or folded where ``text`` writes the word without any ("dien" for "điện" in a report typed
    without diacritics) -- "điện" is not the "diện" of "diện tích", which folds onto it."""
    target = fold(item).lower()
    for word in re.findall(r"\w+", unicodedata.normalize("NFC", text).lower()):
        if word == item or (word == target and word == fold(word).lower()):
            return True
    return False


def price_item_fits(item: str, frame: Frame, clause: str) -> bool:
    """Whether ``frame`` is the price of ``item`` (:func:`price_item`): the item is among its
    own words (indicator, the total it is part of, heading, the words after its value) or in
    ``clause``, the text from the figure before it in its sentence to its value -- not only
    elsewhere in its sentence or passage."""
    return _names(item, " ".join((frame.indicator, frame.parent, frame.context, frame.detail,
                                  clause)))


def sentence_price_fits(question: str, sentence: str) -> bool:
    """Whether ``sentence``, read outside the frames (a figure of rag.answer.scoring or a
    sentence answer), may answer ``question`` for the item whose price it asks
    (:func:`price_item`): it names that item, or the question asks none -- as a frame must
    (:func:`price_item_fits`)."""
    item = price_item(question)
    return not item or _names(item, sentence)
