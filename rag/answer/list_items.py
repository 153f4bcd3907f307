"""The item of a list of main goods a figure is given for ("Mặt hàng xuất khẩu chủ yếu là sầu
riêng (kim ngạch 162,4 triệu USD), thanh long (48,9 triệu USD) ..."): the commodity's figure,
never the indicator's total when a question names no such item (issue 17 bt17j)."""

from __future__ import annotations

import re

from rag.vi.text import fold

# what leads a list of the main items of a flow (folded): "mặt hàng xuất khẩu chủ yếu là",
# "nhập khẩu chủ yếu là", "các mặt hàng chính gồm", "nhóm hàng chủ lực:", "mặt hàng như" --
# customs branches' and statistics offices' way of naming the goods behind a total
_LIST_LEAD = re.compile(
    r"\b(?:chu yeu|chu luc|chinh)\b\s*(?:la\b|gom\b(?:\s+co\b)?|nhu\b|:)"
    r"|\b(?:mat|nhom) hang\b[^,;()\d]*?(?:\b(?:la|gom|nhu)\b|:)")
_CLOSED_BRACKET = re.compile(r"\([^()]*\)")
# an item's clause ends at a comma (not a decimal one), "và" or a bracket before its value
_ITEM_BREAK = re.compile(r",(?!\d)|\bva\b|\(")
# the words of an item's clause that say how its figure is given, not what it is of, and the
# generic words of goods ("hàng", "loại"): "sầu riêng (kim ngạch 162,4 ...)", "sầu riêng đạt
# 162,4 ...", "hàng nông sản với 98 ..." -- the phrases first, so that the "tinh" of "tinh bột
# sắn" or the "hoa" of "hoa hồi" is kept
_NOT_ITEM_PHRASES = re.compile(
    r"\b(?:kim ngach|tri gia|gia tri|uoc tinh|san luong|tong so|mot so|hang hoa|(?:mat|nhom) "
    r"hang|chu yeu|chu luc|xuat khau|nhap khau)\b")
# what opens, right after a bracket, the parts of the item before it (folded): "(trong đó"
_PARTS_OPENED = re.compile(r"\s*(?:trong do|bao gom|gom|cu the)\b\s*:?")
_NOT_ITEM = frozenset("dat voi khoang uoc la gom co nhu cac hang loai chinh".split())


def listed_item(sentence: str, at: int) -> frozenset[str]:
    """The words (folded, lower case) of the item of a list of main goods whose figure starts
    at offset ``at`` of ``sentence`` ("sau", "rieng" of "Mặt hàng xuất khẩu chủ yếu là sầu
    riêng (kim ngạch 162,4 triệu USD)"; "thanh", "long" of its ", thanh long (48,9 triệu
    USD)"), or an empty set when the figure is of no such list: no list lead ("chủ yếu là",
    "chủ lực:", "các mặt hàng ... gồm") before it in its ";"-part of the sentence, or no words
    naming a thing between the lead (or the item before) and the value.  A bracket closed
    before the value is none of the item ("hoa quả tươi (thanh long, sầu riêng, mít) đạt
    1.204 triệu USD": "hoa", "qua", "tuoi")."""
    folded = fold(sentence[:at]).lower()
    part = folded[folded.rfind(";") + 1:]
    leads = list(_LIST_LEAD.finditer(part))
    if not leads:
        return frozenset()
    # a bracket closed before the value names the item's own parts ("hoa quả tươi (thanh
    # long, sầu riêng, mít) đạt 1.204 triệu USD": fresh fruit's, not "mít"'s) or the value of
    # the item before ("sầu riêng (162,4 triệu USD), thanh long ..."): never the item itself
    # (issue 17 break-test bt17m)
    listed = _CLOSED_BRACKET.sub(" ", part[leads[-1].end():])
    cuts = list(_ITEM_BREAK.finditer(listed))
    opened = _PARTS_OPENED.match(listed, cuts[-1].end()) \
        if cuts and cuts[-1].group() == "(" else None
    if opened is not None:
        # "nông sản đạt 684 triệu USD (trong đó sầu riêng 271": a bracket opening the parts
        # of the item before it names the part, not that item (session 49 bt20a)
        listed = listed[opened.end():]
        cuts = list(_ITEM_BREAK.finditer(listed))
    elif cuts and cuts[-1].group() == "(":
        # "sầu riêng (kim ngạch 162,4": the item is before the bracket its value opens
        listed = listed[:cuts[-1].start()]
        cuts = cuts[:-1]
    item = listed[cuts[-1].end():] if cuts else listed
    item = _NOT_ITEM_PHRASES.sub(" ", item)
    return frozenset(w for w in re.findall(r"[a-z]+", item) if w not in _NOT_ITEM)


def item_unasked(sentence: str, at: int, question: str) -> bool:
    """Whether the figure at offset ``at`` of ``sentence`` is of an item of a list of main
    goods (:func:`listed_item`) the question (as typed) names no word of: "xuất khẩu tháng
    9/2044 qua cửa khẩu Hữu Nghị" asks the total exports (436,8 triệu USD), never durian's
    162,4 triệu USD; "kim ngạch xuất khẩu sầu riêng" keeps it.  Any one word of the item
    said is enough ("linh kiện" for "linh kiện điện tử", "điều" for "hạt điều")."""
    item = listed_item(sentence, at)
    if not item:
        return False
    said = set(re.findall(r"[a-z]+", fold(question).lower()))
    return not item & said
