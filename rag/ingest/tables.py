"""Tables as lines a person could quote: one line per figure, naming its column and row.

Every reader that meets a table (HTML, DOCX, PDF, XLSX, CSV) hands its rows of cell texts
here, so a figure reads the same whatever file it came from::

    6 tháng 2023 — Kim ngạch xuất khẩu: 1.321 triệu USD

The column's header comes first, then the row's label, then the value with its unit (from a
"Đơn vị tính" column, or from the header's "(triệu USD)").  The label -- the indicator a
question names -- stands next to the value in every line of its row, as in a sentence; with
the header between them, a short header ("Kế hoạch 2022") brought the indicator nearer the
value than a long one ("Ước thực hiện 2022") and the answerer took the plan for the actual
(on the dev reports, answers 0.514 with the label first, 0.547 with the header first).  A
line holds one figure, so the year or period of its column is the only one in it; a caption
that names the year ("Bảng 2. … năm 2023") is added in brackets to lines whose header does
not.  Tables without figures (a
letterhead laid out in a table) become one line per cell.  Cells are never glued together and
no separator is left next to a value.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence

from rag.vi.calendar import HOLIDAY, Period
from rag.vi.lexicon import (
    ABBREVIATIONS,
    COUNT_NOUNS,
    PLACE_KINDS,
    UNIT_MAGNITUDES,
    UNIT_OCCURRENCES,
    counted_phrase_at,
    is_total_label,
)
from rag.vi.mentions import find_mentions, own_holiday
from rag.vi.numbers import find_values, is_money, is_unit, unit_after
from rag.vi.text import fold, has_diacritics, nfc
from rag.vi.words import is_word

# A cell holding only a figure: "1.321", "−6,3", "12,5%", "1 036", "(2,4)", "(−3,2)".
_NUMBER_RE = re.compile(r"[-−–+]?\(?[-−–+]?\d+(?:[.,\u00a0\u202f ]\d+)*\)?\s*%?")
# A figure in brackets alone in a cell: "(3,2)", "(1.250)", "(−3,2)", "(2,4)%".  Vietnamese
# tables write a negative figure so, as the accounting regime asks of financial statements
# ("ghi bằng số âm dưới hình thức ghi trong ngoặc đơn": Quyết định 15/2006/QĐ-BTC, Thông tư
# 200/2014/TT-BTC) and reports' analysis tables do for falls ("(802.945.624) (22,81)"
# beside "842.639.196 31,47"); a sign written inside the brackets is the figure's own.
_BRACKETED_RE = re.compile(r"\(\s*([-−–+]?)\s*(\d+(?:[.,\u00a0\u202f ]\d+)*)\s*\)\s*(%?)")
# A column's number written under its header in a form: "(1)", "(2)", "(3)=(2)/(1)", bare
# "1", "2", "5=3/1"; a formula alone naming how a column comes from others: "(3)/(1)",
# "(4)-(2)", "(3)/(1)x100%"; a letter "A", "B" over the label columns.
_COLUMN_NUMBER_RE = re.compile(r"\((\d{1,2})\)(?:\s*=.*)?")
_BARE_COLUMN_NUMBER_RE = re.compile(r"(\d{1,2})(?:\s*=\s*\d{1,2}\s*[-+*/:x]\s*\d{1,2}.*)?")
_COLUMN_FORMULA_RE = re.compile(r"\(?\d{1,2}\)?(?:\s*[-+*/:x×]\s*\(?\d{1,2}\)?)+"
                                r"(?:\s*[x×*]\s*100\s*%?)?\s*%?")
_COLUMN_LETTER_RE = re.compile(r"[A-E]")
_YEAR_RE = re.compile(r"(?<![\d/])(?:19|20)\d\d(?!\d)")
# The time phrase of a caption: "6 tháng đầu năm 2022", "quý I/2025", "năm 2016".
_TIME_RE = re.compile(r"(?:(?:\d+\s+tháng(?:\s+đầu)?\s+|quý\s+[IV]+\s*/?\s*|tháng\s+\d+\s*/?\s*)"
                      r"(?:năm\s+)?|(?:năm\s+)?(?<![\d/]))(?:19|20)\d\d(?!\d)", re.IGNORECASE)
_EMPTY_VALUES = {"", "-", "–", "—", "x", "..", "...", "…"}
# Headers of a unit column: "Đơn vị tính", "ĐVT", "Đơn vị (tính)", "Unit"; a column headed
# only "Đơn vị" is one when its cells are units, else it names units of another kind
# (a district, a mine, an office: the rows' labels).
_UNIT_HEADERS = {"don vi tinh", "don vi (tinh)", "dvt", "unit"}
_SKIP_HEADERS = {"stt", "tt", "so tt", "so thu tu", "thu tu", "no", "no.", "#"}
# a row's number before its label: "1.", "2)", "1.2.", "II.", "a)"
_LABEL_NUMBER_RE = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*[.)]|[IVXLC]{1,5}[.)]|[a-zđ]\))\s+")
_HEADER_UNIT_RE = re.compile(r"\s*\(([^()]*)\)\s*$")
# Brackets that are no unit: a list ("GRDP, giá hiện hành") or a price basis ("giá so sánh").
_NOT_UNIT_RE = re.compile(r",|\bgia\b|\btheo\b|\buoc\b")  # "(ước)": an estimate
# ... nor an indicator's abbreviation: "Vốn đầu tư trực tiếp nước ngoài (FDI)", "Tổng sản phẩm
# (GRDP)", "(KNXK)" -- capitals, not a unit of the lexicon ("(USD)", "(MW)" are units).
_ACRONYM_RE = re.compile(r"[A-ZĐ]{2,8}")
# A row or caption naming the table's unit: "Đơn vị tính: triệu USD", "(ĐVT: tỷ đồng)".
_UNIT_ROW_RE = re.compile(r"^\(?\s*(?:đơn vị tính|đơn vị|đvt)\s*[:.]?\s*([^()]+?)\s*\)?\s*$",
                          re.IGNORECASE)
_UNIT_NOTE_RE = re.compile(r"(?:\(\s*|\b)(?:đơn vị tính|đơn vị|đvt)\s*[:.]\s*([^():]+?)\s*"
                           r"(?:\)|$)", re.IGNORECASE)
# A column of ratios: "So cùng kỳ (%)", "So sánh (%)", "Tăng/giảm %"; or headed by the sign
# first, as plan tables abbreviate them: "% KH", "% CK", "% so với cùng kỳ" (bt18-b17 failure 3)
_PERCENT_HEADER_RE = re.compile(r"^\s*%|(?:\(\s*%\s*\)|%)\s*$")
_PERCENT_LABEL_RE = re.compile(r"\s*\(\s*%\s*\)\s*$")
_PERCENT_GROUP_RE = re.compile(r"\(\s*%\s*\)")
# A column of an actual's share of its plan (folded), a percentage whatever its unit column
# says and wherever its "%" stands: "% KH", "% so KH" under a merged "Năm 2014" ("Năm 2014 %
# KH"), "So sánh TH/KH", "TH/KH", "So KH" -- the plan tables of GSO's yearbooks and of the
# provinces' departments head it so without "(%)" (break-test bt16g of issue 16, item 5: "Năm
# 2014 % KH — Điện thương phẩm: 98,3" kept no "%")
_PLAN_RATIO_HEAD_RE = re.compile(r"(?:^|\s)%\s*(?:so (?:voi )?)?(?:kh|ke hoach|du toan)\b|"
                                 r"\b(?:u?th|thuc hien)\s*/\s*(?:kh|ke hoach|du toan)\b|"
                                 r"\bso (?:voi )?(?:kh|ke hoach|du toan)\b")
# Columns of planned or target figures: listed after the actual ones, so that a question that
# does not ask for the plan meets the actual figure first ("Kế hoạch 2022", "KH năm 2022",
# "Dự toán 2020", "Mục tiêu"); "So KH (%)" is a ratio of the actual, not a plan.
_PLAN_RE = re.compile(r"^(?:ke hoach|kh|du toan|muc tieu|chi tieu giao|target|plan)\b")
# Rows of totals: listed first, so that a question naming no part meets the whole first.
_BULLET_RE = re.compile(r"^[-–—•+*]\s*")
# The numbering of a table's rows, outermost first, as Vietnamese reports number them
# (Nghị định 30/2020/NĐ-CP, Phụ lục I: "I." parts, "1." items, "1.1" sub-items, "a)" points,
# then "-" and "+" indents): (pattern, rank); a dotted number ranks one deeper per dot.
_NUMBERING = ((re.compile(r"([IVXLC]+)[.)]?(?=\s|$)"), 0),
              (re.compile(r"(\d+(?:\.\d+)*)\.?\)?(?=\s|$)"), 1),
              (re.compile(r"([a-zđ])[.)](?=\s|$)"), 8),
              (re.compile(r"([-–•*])(?=\s|$)"), 9),
              (re.compile(r"(\+)(?=\s|$)"), 10))
# A row that lists parts of the row above it: "Trong đó: khách quốc tế", "Gồm: ...".
_PARTS_RE = re.compile(r"^(?:trong đó|bao gồm|gồm)\s*[:,-]?\s*", re.IGNORECASE)
# A paragraph that names the table after it: "Bảng 2. Kim ngạch ...", "Biểu 1", "Table 3".
CAPTION_RE = re.compile(r"^(?:bảng|biểu|table)\b", re.IGNORECASE)
_CAPTION_LABEL_RE = re.compile(r"^(?:bảng|biểu|table)\s*[\dIVX]*\s*[.:–-]?\s*", re.IGNORECASE)


def is_number(cell: str) -> bool:
    """Whether a cell holds only a figure (a year alone counts too; a figure in brackets,
    "(−3,2)", "(3,2)", too: :func:`signed`)."""
    return bool(cell) and _NUMBER_RE.fullmatch(cell.strip()) is not None


def signed(cell: str) -> str:
    """A cell's figure with the sign it writes: a figure alone in brackets is negative
    ("(3,2)" -> "−3,2", "(1.250)" -> "−1.250", "(2,4)%" -> "−2,4%"; the accounting way of
    writing a fall), and a sign written inside them is kept ("(−3,2)" -> "−3,2", "(+1,5)" ->
    "+1,5"); any other cell comes back as it is."""
    m = _BRACKETED_RE.fullmatch(cell.strip())
    if m is None:
        return cell
    return f"{m.group(1) or '−'}{m.group(2)}{m.group(3)}"


def column_numbers(cells: Sequence[str]) -> bool:
    """Whether a table row numbers its columns, as forms do under their header: "A | B |
    (1) | (2) | (3)=(2)/(1)", "| | (1) | (2) | (3) | (3)/(1) | (3)/(2)", "A | B | 1 | 2 | 3"
    -- numbers counting up by one (at least two in brackets; bare ones need a letter or a
    formula beside them, or three from 1: else "1 | 2" may be figures), and beside them only
    letters "A"-"E", formulas of column numbers ("(3)/(1)") or empty cells.  Such a row is
    neither a header nor figures: its "(2)" is no accounting negative (Thông tư 200/2014/TT-BTC
    writes a negative in brackets; its own forms number columns "(1)", "(2)" the same way, so
    the row's shape tells them apart -- break-test bt24a: "Kế hoạch năm 2037: −2 triệu USD")."""
    cells = [c.strip() for c in cells]
    letters = [c for c in cells if _COLUMN_LETTER_RE.fullmatch(c)]
    formulas = [c for c in cells if _COLUMN_FORMULA_RE.fullmatch(c)
                and not _COLUMN_NUMBER_RE.fullmatch(c)]
    for pattern, least in ((_COLUMN_NUMBER_RE, 2), (_BARE_COLUMN_NUMBER_RE, 2)):
        numbers = [int(m.group(1)) for c in cells for m in [pattern.fullmatch(c)] if m]
        others = [c for c in cells if c and not pattern.fullmatch(c)]
        if pattern is _BARE_COLUMN_NUMBER_RE and not (letters or formulas) and \
                (len(numbers) < 3 or numbers[:1] != [1]):
            continue
        if len(numbers) >= least and \
                numbers == list(range(numbers[0], numbers[0] + len(numbers))) and \
                all(c in letters or c in formulas for c in others):
            return True
    return False


# A cell holding only a range of figures: "450–500", "3 - 4", "1.200-1.500" (one value, as
# rag.vi.numbers reads "450–500 xe/ngày").
_RANGE_RE = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d{3})*(?:,\d+)?\s*[-–—]\s*"
                       r"\d+(?:[.,\u00a0\u202f ]\d{3})*(?:,\d+)?")


def is_range(cell: str) -> bool:
    """Whether a cell holds only a range of two figures ("450–500", "3 - 4"); a date
    ("12-2024") or a year span ("2021-2025") is no range."""
    cell = cell.strip()
    if _RANGE_RE.fullmatch(cell) is None:
        return False
    low, high = (p.strip() for p in re.split(r"\s*[-–—]\s*", cell, maxsplit=1))
    return not (is_year(low) or is_year(high)) and _MONTH_HEADER_RE.match(cell) is None


def _number(cell: str) -> float | None:
    vals = find_values(signed(cell)) if is_number(cell) else []
    return vals[0].low if len(vals) == 1 else None


def sums_up(total: Sequence[str], parts: Sequence[Sequence[str]], columns: Sequence[int]) -> bool:
    """Whether the row ``total`` is the sum of the rows ``parts`` (cell texts) in the
    ``columns`` where all of them hold a number -- at least one such column, each within
    half a unit of its last written digit per part (rounded figures) -- and there are at
    least two parts."""
    checked = 0
    for j in columns:
        whole = _number(total[j]) if j < len(total) else None
        values = [_number(r[j]) if j < len(r) else None for r in parts]
        if whole is None or any(v is None for v in values):
            continue
        decimals = max((len(c.split(",")[1]) if "," in c else 0)
                       for c in [total[j], *(r[j] for r in parts)])
        slack = 0.5 * 10 ** -decimals * len(values) + 1e-9
        if abs(whole - sum(v for v in values if v is not None)) > slack:
            return False
        checked += 1
    return checked > 0 and len(parts) >= 2


def total_column_unit(header: Sequence[str], row: Sequence[str], j: int,
                      columns: Sequence[int]) -> str:
    """The unit of a row's cell under a bare total column (``header[j]`` "Tổng", "Tổng
    cộng", "Cộng", no unit of its own) that sums the row's other filled value ``columns``:
    their headers' one shared unit ("Xuất khẩu (triệu USD) | Nhập khẩu (triệu USD) | Tổng"
    -> "triệu USD"), "" when the header is another, the other columns are fewer than two,
    name no unit or more than one (a percentage among them) or the cell is not their sum
    (:func:`sums_up`, rounding allowed).  Written bare, "Tổng — Lối mở Co Sâu: 672" answered
    no "tổng kim ngạch qua lối mở Co Sâu" (a money question), and the gates' all-gate total
    stood in for it (session 49 break-test bt20a items 132-133;
    tests/test_table_rows_asked.py)."""
    if not _TOTAL_ONLY_RE.fullmatch(fold(_header_unit(header[j])[0]).strip()):
        return ""
    parts = [k for k in columns if k != j and k < len(header)]
    units = {_header_unit(header[k])[1] for k in parts}
    if len(parts) < 2 or len(units) != 1 or "" in units or "%" in next(iter(units)):
        return ""
    if not sums_up([row[j]], [[row[k]] for k in parts], [0]):
        return ""
    return next(iter(units))


def has_data(rows: Sequence[Sequence[str | None]]) -> bool:
    """Whether a table holds more than its header: a figure in any cell, or a second row
    with any text ("a,b" alone is a header without data)."""
    grid = _clean(rows)
    return len(grid) > 1 or any(is_figure(c) for r in grid for c in r)


def is_figure(cell: str) -> bool:
    """Whether a cell holds a figure, bare or with its unit ("845 triệu USD"), or a range of
    two (:func:`is_range`: "450–500", "3 - 4 giờ"); a year alone, a period ("6 tháng 2017"),
    a part of a year a header writes under its year ("6 tháng", "9 tháng đầu năm": a period
    once the year is added, :func:`_sub_period`) and a numbered label ("2. Thu nội địa") are
    not figures."""
    cell = cell.strip()
    if is_number(cell):
        return not is_year(cell)
    if is_range(cell):
        return True
    r = _RANGE_RE.match(cell)
    if r and is_range(r.group(0)) and cell[r.end():r.end() + 1] == " " and \
            not any(ch.isdigit() for ch in cell[r.end():]) and len(cell[r.end():].split()) <= 4:
        return True  # "450–500 xe"
    m = _NUMBER_RE.match(cell)
    if not m or is_year(m.group(0)):
        return False
    rest = cell[len(m.group(0).rstrip()):]
    return rest[:1] == " " and not any(ch.isdigit() for ch in rest) and \
        len(rest.split()) <= 4 and _sub_period(cell, "2000") is None


def unit_column(headers: Sequence[str], body: Sequence[Sequence[str]]) -> int | None:
    """The unit column of a table: the first headed "Đơn vị tính", "ĐVT", "Unit", else the
    first headed "Đơn vị" whose cells (totals aside) are mostly units (:func:`is_unit`), else
    None.  ``headers``: the header cells; ``body``: the rows under them."""
    folded = [fold(h).strip(" .:") for h in headers]
    named = next((j for j, h in enumerate(folded) if h in _UNIT_HEADERS), None)
    if named is not None:
        return named
    for j, h in enumerate(folded):
        if h != "don vi":
            continue
        cells = [r[j] for r in body if j < len(r) and r[j].strip()
                 and not is_total_label(fold(r[j]).strip())]
        if cells and 2 * sum(map(is_unit, cells)) >= len(cells):
            return j
    return None


def bare_unit_column(body: Sequence[Sequence[str]], label_col: int, skip: set[int],
                     header: Sequence[str] = ()) -> int | None:
    """The unit column of a table no header names as one: the first column after
    ``label_col`` (not in ``skip``; with a ``header``, one whose header cell is blank) whose
    filled cells (in at least half of the rows holding a figure) are short unit-shaped words
    (:func:`_unit_shaped`: 1-3 words, no digit but a unit's power, "m3", "km2") and units of
    the lexicon read whole (:func:`_known_unit`: "GWh", "tỷ đồng", "chiếc", "%") -- all of
    them, or at least half when the column stands before the figures of every such row,
    where a unit column stands, or, with a ``header``, any such words but a period or a
    figure's standing (:func:`_not_unit_word`) in a column after every row's figures: a
    header that names every column but one leaves its unit column blank ("Chỉ tiêu | Kỳ | Giá trị
    | (blank)" over "phòng", "%"; "Chỉ tiêu | Năm 2023 | Năm 2024 | (blank)" over "website",
    "nghìn đơn": break-test bt16c, item 6, HTML and PDF); None when there is none.  Every
    cell of it is its row's unit, known to the lexicon or not ("trạm", "website", "sàn"):
    statistics tables set "Chỉ tiêu | Đơn vị tính | figures" and keep that layout when a
    note or a caption stands in the header's place, or the unit column's header is left
    blank (break-tests of issue 16, item 5: under a merged "Ghi chú: số liệu sơ bộ năm
    2022", "Điện thương phẩm | GWh | 1.733" read "Điện thương phẩm: GWh; 1.733"; one cell
    "trạm" beside "km" lost both units; "Chỉ tiêu | (blank) | Năm 2020 | Năm 2021" stored
    "Doanh thu bán hàng trực tuyến: tỷ đồng" apart from its figures).  Under a ``header``
    whose cell is blank there, a cell naming what its row's label counts ("bản đồ" beside
    "Số bản đồ số hóa": :func:`counted_noun`) is a unit as a lexicon's is ("Kỳ | Chỉ tiêu |
    (blank) | Giá trị" stored "Năm 2013 — Số bản đồ số hóa: bản đồ" apart from its figure:
    break-test bt16d, item 6, CSV), and so it is without a header: a sheet laid out "Tên |
    64 | cửa hàng" under a merged title, "Bồn chứa dự trữ | 11 | bồn" below, stored "…: 11;
    bồn" and answered "11" ("bồn" is no unit of the lexicon; break-test bt16f, item 6)."""
    width = max((len(r) for r in body), default=0)
    for j in range(label_col + 1, width):
        if j in skip or (header and j < len(header) and header[j].strip()):
            continue
        rows = [r for r in body if any(is_figure(c) for k, c in enumerate(r)
                                       if k not in (j, label_col))]
        cells = [r[j] for r in rows if j < len(r) and r[j]]
        if not rows or 2 * len(cells) < len(rows) or not all(map(_unit_shaped, cells)):
            continue
        known = sum(_known_unit(r[j]) or label_col < len(r) and
                    counted_noun(r[j], r[label_col]) for r in rows if j < len(r) and r[j])
        if known == len(cells) or (2 * known >= len(cells) and  # between names and figures
                                   all(any(is_figure(c) for c in r[j + 1:]) for r in rows)):
            return j
        if header and all(any(is_figure(c) for c in r[:j]) and
                          not any(is_figure(c) for c in r[j + 1:]) for r in rows) and \
                not any(_not_unit_word(c) for c in cells):
            return j  # after the figures, blank in a header that names every other column
    return None


# an indicator counting things: "Số bản đồ số hóa", "Tổng số hộ kinh doanh", "Số lượng trạm
# BTS" -- its unit is the noun after "Số" (GSO's indicator tables: "Số doanh nghiệp … |
# Doanh nghiệp", "Số trang trại | Trang trại"; the dev reports' "Số chợ hạng I | chợ"); or
# named by the things it counts alone: "Giấy phép bán lẻ rượu | giấy phép", "Quầy thuốc
# tại xã | quầy thuốc", "Cửa hàng xăng dầu | cửa hàng" (the dev reports' "Chợ hạng III | chợ")
_COUNT_LABEL_RE = re.compile(r"^(?:(?:tong )?so (?:luong )?)?")


def counted_noun(cell: str, label: str) -> bool:
    """Whether ``cell`` is the noun a row's ``label`` counts, so the figure's unit: "bản đồ"
    of "Số bản đồ số hóa", "trạm" of "Số lượng trạm BTS", "giấy phép" of "Giấy phép bán
    lẻ rượu" (:data:`_COUNT_LABEL_RE`) -- the label's words after "Số", if any, begin with
    the cell's (and, without "Số", more follow: a cell that is the whole label repeats it)."""
    words = fold(cell).strip(" .:").split()
    name = fold(_LABEL_NUMBER_RE.sub("", _BULLET_RE.sub("", label.strip())))
    m = _COUNT_LABEL_RE.match(name)
    if not words or m is None:
        return False
    rest = name[m.end():].split()
    return rest[:len(words)] == words and (m.end() > 0 or len(rest) > len(words))


def label_count_noun(label: str) -> str:
    """The noun a row label or column header counts when it is written "Số <noun> ..."
    ("Số lượng", "Tổng số" too) and the noun is one of the lexicon's counted things
    (rag.vi.lexicon UNIT_HEAD_PHRASES, COUNT_NOUNS): "dự án" of "Số dự án cấp mới", "doanh
    nghiệp" of "Tổng số doanh nghiệp"; a count noun that is a word's first syllable with the
    whole word ("tờ khai" of "Số tờ khai", "viên chức", as rag.vi.numbers.unit_after reads
    "140,8 nghìn tờ khai"); times something happened with what they count ("lượt", "lượt
    xe" of "Số lượt xe qua cửa khẩu", "chuyến": rag.vi.lexicon.UNIT_OCCURRENCES); as written.
    "" for any other label ("Số vốn đăng ký", "Vốn nhà nước")."""
    words = label.split()
    folded = fold(label).lower().split()
    if not folded or folded[0] not in ("so", "tong"):
        return ""
    if has_diacritics(label) and nfc(words[0]).lower() not in ("số", "tổng"):
        # "Sơ bộ 2044" (a column of preliminary figures) folds to "so bo": no "Số bộ" counted
        # (tests/test_real_inputs_16l.py, tests/test_table_rows_asked.py)
        return ""
    at = 2 if folded[:2] == ["tong", "so"] else 1 if folded[0] == "so" else 0
    if not at:
        return ""
    at += 1 if folded[at:at + 1] == ["luong"] else 0
    if n := counted_phrase_at(folded, at):
        return " ".join(words[at:at + n])
    if at >= len(words):
        return ""
    if folded[at] in UNIT_OCCURRENCES:
        return unit_after(" " + " ".join(words[at:]))[0]
    if words[at].lower() not in COUNT_NOUNS:
        return ""
    if at + 1 < len(words) and is_word("", "", f"{words[at]} {words[at + 1]}"):
        return f"{words[at]} {words[at + 1]}"
    return words[at]


# a cell of a blank-headed column that says how a figure stands, not what it counts: an
# estimate or a plan ("Ước tính", "Số liệu sơ bộ", "Kế hoạch"), a direction ("Tăng", "Giảm"),
# a note ("Chưa đối soát") -- the words rag.vi.frames.tables (_STANDING_HEAD) and
# rag.vi.frames.sentence (_ESTIMATE) read as a figure's standing; matched with the diacritics
# ("tăng", never the unit "tầng")
_STANDING_CELL_RE = re.compile(r"\b(?:ước|sơ bộ|số liệu|chính thức|dự kiến|kế hoạch|thực hiện|"
                               r"tăng|giảm|vượt|đạt|hoàn thành|lũy kế|luỹ kế|ghi chú|chưa|không)\b")


def _not_unit_word(cell: str) -> bool:
    """Whether a short cell of a blank-headed column is not a unit: a period ("Năm 2023",
    "Quý II", "6 tháng"), a total or a figure's standing (:data:`_STANDING_CELL_RE`)."""
    return _STANDING_CELL_RE.search(unicodedata.normalize("NFC", cell.lower())) is not None \
        or is_total_label(fold(cell).strip(" .:()")) or row_period(cell, None) is not None


# a word of a unit raised to a power: "m2", "km2", "m3", "dm3" (the only digits a unit cell holds)
_POWER_UNIT_RE = re.compile(r"[^\W\d_]{1,3}[23]")


def _unit_shaped(cell: str) -> bool:
    """Whether a cell could be a unit: one to three words, no figure, no digit but a unit's
    power ("nghìn m3"), no sentence punctuation -- not a name with a number ("Tổ 5"), not a
    note ("số liệu ước tính, chưa đối soát")."""
    words = cell.split()
    return 1 <= len(words) <= 3 and not is_figure(cell) and not re.search(r"[,;:.]$|[,;:]", cell) \
        and all(not any(ch.isdigit() for ch in w) or _POWER_UNIT_RE.fullmatch(w.split("/")[0])
                or _known_unit(w) for w in words)


def _known_unit(cell: str) -> bool:
    """Whether a cell is a unit of the lexicon alone (no label: "Than" is none)."""
    cell = " ".join(cell.split())
    return cell == "%" or cell.lower() in COUNT_NOUNS or \
        unit_after(" " + cell)[1] == len(cell) + 1


def is_year(cell: str) -> bool:
    """Whether a cell is a year alone ("2055"; 1900-2099, ``_YEAR_RE``): not a figure but a
    period, in a header row of years ("Chỉ tiêu | 2055 | 2056") as in a CSV, or, written so
    by rag.ingest.sheets, an XLSX row of year NUMBER cells."""
    return _YEAR_RE.fullmatch(cell.strip()) is not None


def _clean(rows: Sequence[Sequence[str | None]], width: int | None = None) -> list[list[str]]:
    """The rows holding any text, cells without their runs of white space, padded (or cut)
    to ``width`` cells (default: the widest row without its empty cells at the end)."""
    out = []
    for row in rows:
        cells = [" ".join((c or "").split()) for c in row]
        while cells and not cells[-1]:
            cells.pop()
        if any(cells):
            out.append(cells)
    width = max((len(r) for r in out), default=0) if width is None else width
    return [r[:width] + [""] * (width - len(r)) for r in out]


def _row_numbers(cells: list[str]) -> bool:
    """Whether a column counts its rows: 1, 2, 3, … (or I, II, III, …; "(1)", "(2)", "1)"
    as forms write them, no negatives), blanks aside."""
    seen = [c.strip().removeprefix("(").rstrip(".)") for c in cells if c.strip()]
    if len(seen) < 2:
        return False
    romans = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
    return seen == [str(n) for n in range(1, len(seen) + 1)] or seen == romans[:len(seen)]


def _distinct(cells: list[str]) -> list[str]:
    return list(dict.fromkeys(c for c in cells if c))


def _header_unit(header: str) -> tuple[str, str]:
    """("Năm 2023", "tỷ đồng") from "Năm 2023 (tỷ đồng)", ("Đá xây dựng", "nghìn m3") from
    "Đá xây dựng (nghìn m3)"; a "%" or an explanation ("năm trước = 100") stays in the
    header."""
    m = _HEADER_UNIT_RE.search(header)
    if not m:
        return header, ""
    unit = m.group(1).strip()
    if not unit or "%" in unit or (any(ch.isdigit() for ch in unit) and not is_unit(unit)) \
            or len(unit.split()) > 4 or _NOT_UNIT_RE.search(fold(unit)) or \
            not _lexicon_unit(unit) or \
            (_ACRONYM_RE.fullmatch(unit) and unit_after(" " + unit)[1] != len(unit) + 1):
        return header, ""
    return header[:m.start()].rstrip(), unit


def _lexicon_unit(words: str) -> bool:
    """Whether a bracket of two or more words reads as a unit of the lexicon: a unit after a
    number (``rag.vi.numbers.unit_after``: "tỷ đồng", "lượt xe", "nghìn m3", "1000 USD"; before
    a "/": "tỷ đồng/năm"), a count noun first ("tờ khai"), or a unit marker ("ĐVT: tấn"); one word
    is left to the other tests.  A note in brackets -- "(không kẻ khung)", "(ước tính)",
    "(số liệu sơ bộ)" -- is none (break-test round 31 of issue 16: a caption's "(không kẻ
    khung)" was written after each row's figure as its unit)."""
    text = re.sub(r"^1[.,]?0{3,}\s+(?=\D)", "", " ".join(words.split()))  # "1000 USD"
    if len(text.split()) < 2 or _UNIT_ROW_RE.match(text) or \
            text.split()[0].lower() in COUNT_NOUNS:
        return True
    head = text.split("/")[0].rstrip()
    if head and unit_after(" " + head)[1] == len(head) + 1:
        return True
    # a scale word and the noun it counts, though the lexicon holds no such unit: "(nghìn
    # thuê bao)", "(triệu cây giống)" -- a scale word in brackets counts what follows it, as
    # after a number in running text (unit_after with ``nouns``; break-test bt22-b16 minor
    # 3b: a ruled PDF table's rows lost their caption's "nghìn thuê bao")
    first_two = head.split()[:2]
    return fold(first_two[0]).lower() in UNIT_MAGNITUDES and \
        not is_word("", "", " ".join(first_two).lower()) and \
        unit_after(" " + head, nouns=True)[1] == len(head) + 1  # not "(tỷ lệ)", "(tỷ trọng)"


def _with_unit(value: str, unit: str) -> str:
    value = signed(value)
    if not unit or not (is_number(value) or is_range(value)) or value.rstrip().endswith("%"):
        return value  # a percentage carries its unit: "5,2%" is never "5,2% triệu USD"
    if unit == "%":
        return value + unit
    if len(unit) > 1 and unit[0].isupper() and unit[1].islower():
        unit = unit[0].lower() + unit[1:]  # "Tỷ đồng" -> "tỷ đồng"; "USD", "kWh" stay
    return f"{value} {unit}"


# A price named as written (with its tone mark: "gia" folded is also "gia cầm", "tham gia"):
# "Giá tháng 9/2036", "Giá bán lẻ", "Đơn giá", "Giá bình quân" -- not "giá trị" (value), nor
# a price basis ("giá so sánh", "giá hiện hành"), nor "đánh giá", "định giá".
_PRICE_HEAD_RE = re.compile(r"(?<![\w])(?<!đánh )(?<!định )giá(?!\w)"
                            r"(?!\s+(?:trị|so sánh|hiện hành))", re.IGNORECASE)
# A price paid abroad: its currency is no đồng by default ("Giá xuất khẩu bình quân").
_TRADE_PRICE_RE = re.compile(r"\b(?:xuat khau|nhap khau|xk|nk)\b")


def _price_title(title: str) -> bool:
    """Whether a caption or title row names a price table, the price its head ("Giá một số
    mặt hàng …", "Bảng giá …", "Bảng 2. Giá bán lẻ …") and no quantity beside it ("Giá cả và
    sản lượng tiêu thụ …": its period columns may hold either)."""
    head = _CAPTION_LABEL_RE.sub("", title.strip())
    return bool(re.match(r"(?:đơn\s+)?giá(?!\w)", head, re.IGNORECASE)) and \
        bool(_PRICE_HEAD_RE.search(head)) and \
        not re.search(r"\b(?:san|khoi|so) luong\b", fold(head).lower())


def price_per_unit(header: str, header_unit: str, per: str, titles: Sequence[str],
                   table_currency: str) -> str:
    """The unit of a price cell whose row's "Đơn vị tính" cell gives the quantity it is paid
    for: "đồng/kg" for "Giá tháng 9/2036 (đồng)" (``header`` "Giá tháng 9/2036",
    ``header_unit`` "đồng") over a row whose unit cell ``per`` is "kg" -- the unit column of a
    price table (market price reports: "Mặt hàng | Đơn vị tính | Giá tháng 8 | Giá tháng 9",
    rows "Thịt lợn hơi | kg | 58.000 - 61.000") names what the price is per, not the value's
    unit ("14.000 - 16.000 kg" read a price as a weight: xlsxcols helper, session 43).  The
    currency is the header's own, else the table's (``table_currency``: its caption's or
    title row's "(nghìn đồng)"), else "đồng" -- a price the header or the title names, as
    the provinces' market reports price in đồng -- but for a price paid abroad ("Giá xuất
    khẩu"), written "/kg" without a currency rather than with an invented one.  "" when the
    column is no price (its header, or its period under a title naming a price, says so:
    "Sản lượng | ĐVT: tấn" keeps "tấn"), when ``per`` already is a price or a ratio ("đồng/kg",
    "USD/tấn", "%", "nghìn đồng"), or when the header's own unit is no currency ("(tấn)")."""
    per = per.strip()
    if not per or "/" in per or "%" in per or is_money(per) or \
            (header_unit and ("/" in header_unit or not is_money(header_unit))):
        return ""
    title = " ".join(titles)
    priced = bool(_PRICE_HEAD_RE.search(header)) or \
        (_period_only(header.strip()) and any(_price_title(t) for t in titles))
    if not priced:
        return ""
    currency = header_unit or (table_currency if is_money(table_currency)
                               and "/" not in table_currency else "")
    if not currency and not _TRADE_PRICE_RE.search(fold(f"{header} {title}").lower()):
        currency = "đồng"
    return f"{currency}/{per}"


# A column header naming a month as a spreadsheet or a form writes it: "01/2024", "1-2024",
# "T1/2024", "Th 01/2024" -- read "tháng 1/2024", as the reports write a month ("Tháng
# 3/2022" already is).
_MONTH_HEADER_RE = re.compile(r"^(?:t|th\.?)?\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d\d)$",
                              re.IGNORECASE)


def _month_header(header: str) -> str:
    m = _MONTH_HEADER_RE.match(header.strip())
    if m is None or not 1 <= int(m.group(1)) <= 12:
        return header
    return f"tháng {int(m.group(1))}/{m.group(2)}"


# A header cell naming only a year ("Năm 2020", "2020"), and a month abbreviated as a form
# writes it under one ("T4", "Th.4").
_YEAR_CELL_RE = re.compile(r"(?:năm\s+)?((?:19|20)\d\d)", re.IGNORECASE)
_MONTH_ABBR_RE = re.compile(r"(?:t|th)\.?\s*(\d{1,2})", re.IGNORECASE)


def _sub_period(cell: str, year: str) -> str | None:
    """``cell`` -- a part of a year ("Quý III", "Tháng 4", "T4", "6 tháng đầu năm", "Cả năm",
    "9 tháng", "Ước cả năm": what is measured, without digits, may come first) -- written as
    that part of ``year`` ("Quý III năm 2020", "6 tháng đầu năm 2024", "Ước cả năm 2023"),
    or None when ``cell`` names no part of a year (rag.vi.mentions, the period reader of
    running text, reads the two together as one period of ``year`` that starts inside
    ``cell``, not as the year alone)."""
    if _YEAR_RE.search(cell):
        return None
    m = _MONTH_ABBR_RE.fullmatch(cell)
    if m and 1 <= int(m.group(1)) <= 12:
        cell = f"Tháng {int(m.group(1))}"
    text = f"{cell} {year}" if fold(cell).endswith(" nam") else f"{cell} năm {year}"
    found = [x for x in find_mentions(text, None) if not x.comparison]
    if len(found) == 1 and found[0].end == len(text) and found[0].start < len(cell) and \
            not any(ch.isdigit() for ch in text[:found[0].start]) and \
            found[0].period is not None and str(found[0].period.year) == year:
        return text  # what is measured may come first: "Ước cả năm", "Giá trị 6 tháng"
    return None


# A row label naming a year: "2028", "Năm 2028", or a year cell of a sheet written as a number
# ("2.028": rag.ingest.sheets groups a number's thousands, as reports write figures).
_YEAR_LABEL_RE = re.compile(r"(?:năm\s+)?((?:19|20)\d\d|[12]\.\d{3})", re.IGNORECASE)
_TITLE_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


# a date alone, its year written out ("31/12/2051"): a row of a table of counts by date
_BARE_DATE_RE = re.compile(r"\d{1,2}\s*([/.-])\s*\d{1,2}\s*\1\s*\d{4}")


def row_period(cell: str, year: str | None) -> str | None:
    """The period a table's row label names when the table's rows are periods: "Năm 2028" from
    "2028", "Năm 2028" or "2.028" (a year cell of a sheet written as a number); "Tháng 2 năm
    2027" from "Tháng 2" with ``year`` "2027" (the one year the table's caption or title
    names, else None: the label is kept as written, "Tháng 2"); "Quý I/2027" and a bare date
    "31/12/2051" (a count's point in time: session 43 brief tablecols2) as written; None
    when ``cell`` names no period (an indicator: "Xuất khẩu", "Tổng số")."""
    cell = cell.strip()
    m = _YEAR_LABEL_RE.fullmatch(cell)
    if m:
        number = int(m.group(1).replace(".", ""))
        return f"Năm {number}" if 1900 <= number <= 2100 else None
    if _BARE_DATE_RE.fullmatch(cell):
        return cell  # "31/12/2051": the point a count stands at (rag.vi.frames.tables)
    if _YEAR_RE.search(cell) or "/" in cell:
        return cell if _period_only(cell) else None
    sub = _sub_period(cell, year or "2000")
    if sub is None:
        return None
    return sub if year else cell


def period_rows(labels: Sequence[str], heads: Sequence[str], titles: Sequence[str]
                ) -> list[str] | None:
    """The periods of a table whose rows are periods and whose columns are indicators --
    "Năm | Xuất khẩu (triệu USD) | Nhập khẩu" over rows 2028…2031, "Tháng | Xuất khẩu" over
    "Tháng 1", "Tháng 2" under a caption "quý I/2027", "Quý | Khách quốc tế" over "Quý I",
    "Quý II" under "năm 2032" -- each row label as :func:`row_period` writes it (a part of a
    year with the one year ``titles`` name); None unless there are two rows or more, every
    label (``labels``) names a period and no column header (``heads``) names one (break-test
    round 12 of issue 16: XLSX, DOCX, CSV).  A total row ("Tổng", "Cộng", "Tổng cộng") among
    two period rows or more keeps its label: it totals the rows' periods (its period their
    span, rag.vi.frames.lead_ins.total_spans) -- read as the one row naming no period, it
    turned the table on its side and no row had a period (session 42 brief yeartitle).  A
    header naming a period only as the base its column compares with ("So với tháng 12 năm
    trước", "So với cùng kỳ năm 2028") names no period of its own: its column is a measure
    (session 42 brief monthrows: "Tháng | So với tháng trước | So với tháng 12 năm trước"
    over rows "Tháng 1/2029" …)."""
    if len(labels) < 2 or not heads or any(not x.comparison for h in heads
                                           for x in find_mentions(h, 2000)):
        return None
    years = set(_TITLE_YEAR_RE.findall(" ".join(titles)))
    year = next(iter(years)) if len(years) == 1 else None
    periods: list[str | None] = []
    totals = 0
    for c in labels:
        if is_total_label(fold(c).lower().strip(" .:()")):
            periods.append(c.strip())
            totals += 1
            continue
        period = row_period(c, year)
        if period is None:
            period = same_period(c, periods[-1] if periods and periods[-1] else None)
        periods.append(period)
    if len(labels) - totals < 2:
        return None
    return [p for p in periods if p] if all(periods) else None


# A column header naming only the base its figures compare with ("So với tháng trước", "Tăng,
# giảm so với cùng kỳ (%)", "So cùng kỳ", "So sánh với tháng 12 năm trước"): no indicator
_BASE_ONLY_HEAD_RE = re.compile(r"(?:(?:tang|giam)[\s,/-]*(?:giam\s*)?)?so\s+(?:sanh\s+)?"
                                r"(?:voi|cung ky|ck)\b")


def base_only_head(head: str) -> bool:
    """Whether a column ``head`` names only the base its figures compare with, not what they
    measure: "So với tháng trước", "So với tháng 12 năm trước (%)", "Tăng, giảm so với cùng
    kỳ", "So cùng kỳ" -- not "Kim ngạch so với cùng kỳ", "Xuất khẩu".  A table whose rows are
    periods and whose columns are such bases measures what its caption or title names
    (:func:`table_lines`: "CPI so với tháng trước"; session 42 brief monthrows)."""
    return _BASE_ONLY_HEAD_RE.match(fold(head).strip(" .:").lower()) is not None


# A row of the same period a year earlier: "Cùng kỳ 2022", "Cùng kỳ năm 2023", "Cùng kỳ năm
# trước", "Cùng kỳ" (GSO's monthly reports lay "Tháng 4/2023 | 4 tháng 2023 | Cùng kỳ 2022"
# out so: "cùng kỳ" is the same part of another year)
_SAME_PERIOD_RE = re.compile(r"cùng kỳ(?:\s+năm)?(?:\s+((?:19|20)\d\d)|\s+(?:trước|ngoái))?",
                             re.IGNORECASE)
# ... and one naming the part of a year it is: "Cùng kỳ 6 tháng 2041", "Cùng kỳ quý I/2041"
# (group 1: the period, :func:`_period_only`)
_SAME_NAMED_RE = re.compile(r"cùng kỳ\s+(.+)", re.IGNORECASE)


def same_period(cell: str, before: str | None) -> str | None:
    """A row label "Cùng kỳ <year>" read after the row of period ``before`` (as
    :func:`row_period` writes it): the same part of that year, kept after the writer's words
    ("Cùng kỳ 2022 (4 tháng 2022)" after "4 tháng 2023", "Cùng kỳ năm 2023 (6 tháng đầu năm
    2023)" after "6 tháng đầu năm 2024"; the year before ``before``'s when none is named);
    None when ``cell`` is no such label or ``before`` names no one year (break-test bt16f of
    issue 16, item 5: "Cùng kỳ 2022" under "4 tháng 2023" was read as the year 2022, a
    comparison, and "… cùng kỳ 2022 (4 tháng 2022)?" was refused).  A label naming the part
    of the year itself, "Cùng kỳ 6 tháng 2041", is that part whatever ``before`` is (None
    too): "Cùng kỳ 6 tháng 2041 (6 tháng 2041)" (break-test bt26, session 53: the column beside
    "Lũy kế 6 tháng 2042" was read as a comparison and dated the report's 6 months; tests/
    test_same_period_named.py)."""
    own = _SAME_NAMED_RE.fullmatch(" ".join(cell.split()))
    if own is not None and _period_only(own.group(1)) and \
            _SAME_PERIOD_RE.fullmatch(" ".join(cell.split())) is None:
        return f"{cell.strip()} ({own.group(1)[0].lower()}{own.group(1)[1:]})"
    m = _SAME_PERIOD_RE.fullmatch(" ".join(cell.split()))
    if before is None:
        return None
    years = _TITLE_YEAR_RE.findall(before)
    if m is None or len(set(years)) != 1:
        return None
    year = m.group(1) or str(int(years[0]) - 1)
    if year == years[0]:
        return None
    period = _TITLE_YEAR_RE.sub(year, before)
    if not _period_only(period):
        return None
    return f"{cell.strip()} ({period[0].lower()}{period[1:]})"


# the actual's words before a column's period: "Thực hiện 9 tháng 2022", "Ước TH 6 tháng
# 2023", "TH năm 2024" -- the period the "Cùng kỳ 2021" column beside it is the same part of
_ACTUAL_WORDS_RE = re.compile(r"^\s*(?:ước\s+)?(?:thực hiện|th|ưth|ước tính|ước)\s+(?=\S)",
                              re.IGNORECASE)


def same_period_compared(a: str, b: str) -> str | None:
    """The two neighbouring column headers ``a``, ``b`` of a ratio or change column when one
    names a period alone ("Quý III/2034", "9 tháng năm 2023") and the other the same period a
    year earlier ("Cùng kỳ 2033", "Cùng kỳ năm trước": :data:`_SAME_PERIOD_RE`), in either
    order, read as what that column compares: "Quý III/2034 so với Cùng kỳ 2033"; None for
    any other pair.  The reports' quarterly and monthly tables head the ratio so, "Quý
    III/2034 | Cùng kỳ 2033 | So sánh (%)" (break-test bt16i of issue 16, item 6: the ratio
    113,1% was read as a level of quý III/2033 and "... quý III năm 2034 so với cùng kỳ" was
    refused); a sheet writing "So với cùng kỳ (%)" said it in words of its own."""
    for period, same in ((a, b), (b, a)):
        if _period_only(period) and _SAME_PERIOD_RE.fullmatch(" ".join(same.split())):
            return f"{period} so với {' '.join(same.split())}"
    return None


def same_period_columns(header: Sequence[str]) -> list[str]:
    """The column headers with each "Cùng kỳ <year>" / "Cùng kỳ năm trước" read as the same
    part of that year as the nearest column before it that names a period (:func:`row_period`,
    :func:`same_period`): "Tháng 5/2022 | 5 tháng 2022 | Cùng kỳ 2021" -> "Cùng kỳ 2021 (5
    tháng 2021)", "9 tháng 2023 | Cùng kỳ năm trước" -> "Cùng kỳ năm trước (9 tháng 2022)",
    "Thực hiện 9 tháng 2022 | Cùng kỳ 2021" -> "Cùng kỳ 2021 (9 tháng 2021)" (an actual's
    words before the period, :data:`_ACTUAL_WORDS_RE`; the nearest after it when none is
    before: "Cùng kỳ năm trước | Ước 6 tháng 2075"; session 42 brief cungky) --
    GSO's monthly reports and the provincial departments' tables compare the accumulated
    period with the same one a year earlier, laid out as columns as often as rows (break-test
    bt16g of issue 16, item 6: "Cùng kỳ 2021" was left bare and "… cùng kỳ năm 2021?" got the
    Tháng 5/2022 cell; "Cùng kỳ năm trước" under a title "…9 THÁNG NĂM 2023" was dated 2023).
    A header naming no such period before it is kept as written; one naming its own part of
    a year ("Cùng kỳ 6 tháng 2041") is that part (:func:`same_period`)."""
    out = list(header)
    for j, h in enumerate(out):
        before = next((p for k in [*range(j - 1, -1, -1), *range(j + 1, len(out))]
                       if (p := row_period(_ACTUAL_WORDS_RE.sub("", out[k]), None))), None)
        if h and (resolved := same_period(h, before)) is not None:
            out[j] = resolved
    return out


# An index table's column of its base year ("Kỳ gốc 2069", "Năm gốc (2019)", "So với kỳ gốc
# 2064"): the GSO's and the statistics offices' monthly CPI tables lay the month's index out
# against each base as a column -- "Kỳ gốc 2069 | Cùng kỳ năm trước | Tháng 12/2072 | Tháng
# 8/2073" under "CHỈ SỐ GIÁ TIÊU DÙNG THÁNG 9/2073" -- and only such tables name a base year
_BASE_YEAR_HEAD_RE = re.compile(r"(?:so\s+(?:voi\s+)?)?(?:ky|nam)\s+goc\b")
# ... and the other bases such a table writes bare beside it: "Cùng kỳ năm trước", "Tháng
# trước", "Tháng 12 năm trước" (a dated base, "Tháng 12/2072", is read by _period_only)
_BARE_BASE_HEAD_RE = re.compile(r"(?:cung ky|cung thang|thang|quy|nam)(?:\s+nam)?"
                                r"(?:\s+(?:truoc|ngoai|\d{1,2}\s+nam\s+truoc))?")


def index_base_columns(header: Sequence[str]) -> list[str]:
    """The column headers of an index table whose columns are the bases its figures compare
    with, each written "So với <base>": "Kỳ gốc 2069 | Cùng kỳ năm trước | Tháng 12/2072 |
    Tháng 8/2073" -> "So với kỳ gốc 2069 | So với cùng kỳ năm trước | So với tháng 12/2072 |
    So với tháng 8/2073".  Such a table is known by a base-year column
    (:data:`_BASE_YEAR_HEAD_RE`); its other columns that name a period alone, or a base
    alone (:data:`_BARE_BASE_HEAD_RE`), are bases too -- the figures are all the report's
    month (its title's, or its date's), not the months the headers name (break-test bt17v
    cpi_t9_2073: "Tháng 8/2073" was read as a second period, "Cùng kỳ năm trước" as
    December 2071, and "CPI tháng 9/2073 so với cùng kỳ năm trước?" took the base-year
    column).  Headers already naming a comparison ("So với tháng trước") are kept, and a
    table with no base-year column -- "Tháng 8/2073 | Tháng 9/2073", periods of its own --
    is returned unchanged."""
    folded = [fold(h).strip(" .:").lower() for h in header]
    if not any(_BASE_YEAR_HEAD_RE.match(f) for f in folded):
        return list(header)
    out = list(header)
    for j, (h, f) in enumerate(zip(header, folded, strict=True)):
        bare = re.sub(r"\s*\(\s*%\s*\)\s*$", "", h.strip())
        if _BASE_ONLY_HEAD_RE.match(f) or not bare:
            continue
        if _BASE_YEAR_HEAD_RE.match(f) or _period_only(bare) or \
                _BARE_BASE_HEAD_RE.fullmatch(fold(bare).lower()):
            out[j] = f"So với {h.strip()[:1].lower()}{h.strip()[1:]}"
    return out


# a value column's header that names no measure of its own, only "the figure": "Chỉ tiêu | Kỳ
# | Giá trị (triệu USD)" -- beside a column of periods it adds nothing to the row's name
_VALUE_HEADERS = {"gia tri", "so lieu", "ket qua", "tri so", "value"}


# A column's header saying its cells are periods: "Năm", "Kỳ", "Thời gian", "Quý", "Tháng",
# "Period" -- the time dimension of a long-form table (GSO's open-data tables and the
# statistics offices' CSV exports lay one figure a row: "Năm | Chỉ tiêu | Giá trị | ĐVT")
_PERIOD_HEADERS = {"nam", "ky", "thoi gian", "thoi ky", "ky bao cao", "nam bao cao", "quy", "thang",
                   "period", "year", "time"}
# ... and headers of a column of notes, which names no row: "Ghi chú", "Nguồn số liệu"
_NOTE_HEADERS = {"ghi chu", "chu thich", "luu y", "nguon", "nguon so lieu", "note", "notes",
                 "source"}


# a note written in a table's first cell under its rows ("Ghi chú: năm 2012 là ước tính,,,",
# "Nguồn: Cục Thống kê"), the way statistics offices end a sheet or CSV export
_NOTE_ROW_RE = re.compile(r"\s*(?:ghi chu|chu thich|luu y|nguon(?: so lieu)?|note|source)\s*:")


def note_row(row: Sequence[str]) -> bool:
    """Whether ``row`` (a table's cells) is a note under the rows, not a row of figures: one
    filled cell, opening with a note word and a colon (:data:`_NOTE_ROW_RE`).  A long-form
    CSV ending "Ghi chú: năm 2012 là ước tính,,," was no long form -- its period column held a
    cell that names no period (break-test bt16h of issue 16, item 6); the note stays a line
    of its own (:func:`table_lines`)."""
    filled = [c for c in row if c and c.strip()]
    return len(filled) == 1 and bool(_NOTE_ROW_RE.match(fold(filled[0]).lower()))


def period_head_column(header: Sequence[str], body: Sequence[Sequence[str]],
                       skip: set[int]) -> int | None:
    """The column of a long-form table headed as periods (``_PERIOD_HEADERS``) wherever it
    stands, first included ("Năm | Chỉ tiêu | Giá trị | ĐVT" over "2018 | Số lao động … |
    11240 | người"), when every filled cell of it names a period (:func:`row_period`: a year
    alone, "2.018" as a sheet writes the number 2018, "Quý I/2023") in two rows or more and
    another column (not in ``skip``, no note) holds the rows' names; None otherwise -- a
    table whose rows are periods and whose columns are indicators ("Năm | Xuất khẩu |
    Nhập khẩu") has no such column (:func:`period_rows`).  A bare year under such a header is
    never a value: read as one it stored "Năm — Số lao động …: 2.018 người" and answered it
    (break-test bt16c of issue 16, item 6).  Under any other header that names no period of
    its own and no row names or notes ("Giai đoạn", "Thời điểm", a blank one), a column
    whose every filled cell is a period (a year with its word: "Năm 2010", "Quý I/2023")
    is one as well -- the header is the writer's word, the cells say what the column
    holds (break-test bt16e of issue 16, item 5: "Giai đoạn" over "Năm 2010" and "Năm
    2011", each merged down over its indicators, was read as a group of row names and
    every row dated 2010).  ``body``: the rows with a cell merged down given to each row
    it spans (:func:`spanned_down`), so one period over all rows counts each."""
    folded = [fold(h).strip(" .:") for h in header]
    body = [r for r in body if not note_row(r)]
    for j, h in enumerate(folded):
        if j in skip:
            continue
        cells = [r[j] for r in body if j < len(r) and r[j]]
        if h not in _PERIOD_HEADERS and (
                h in _LABEL_HEADERS | _NOTE_HEADERS | _UNIT_HEADERS or find_mentions(h, 2000)
                or not all(_YEAR_RE.search(c) for c in cells)):
            continue
        if len(cells) < 2 or not all(row_period(c, None) for c in cells):
            continue
        names = [k for k in range(len(header)) if k != j and k not in skip
                 and folded[k] not in _NOTE_HEADERS
                 and not all(is_figure(r[k]) or not r[k] for r in body if k < len(r))]
        if names:
            return j
    return None


def period_column(body: Sequence[Sequence[str]], label_col: int, skip: set[int],
                  header: Sequence[str], titles: Sequence[str],
                  at: int | None = None) -> tuple[int, list[str]] | None:
    """A column of periods between a headed table's row names and its figures ("Chỉ tiêu |
    Kỳ | Giá trị" over "Kim ngạch xuất khẩu nông sản | Quý I/2022 | 133", the name merged
    down over "Quý II/2022 | 158"), with each body row's period as :func:`row_period`
    writes it (a part of a year with the one year ``titles`` name; "" for a row without
    figures); None unless two rows or more hold figures, each with a period in that column
    and a figure after it, and the column's header names no period of its own.  Statistics
    offices lay a quarter's or a month's figures out so when the indicators are few
    (break-test of issue 16, item 5: the quarter was read as a part of the indicator,
    "Kim ngạch xuất khẩu nông sản › Quý II/2022", and "quý II/2022" was refused).  With
    ``at`` (:func:`period_head_column`), that column wherever it stands, its rows those with
    a figure in any other column, a row whose cell is blank under a period that period's --
    as a sheet exported without repeating its labels or an HTML ``rowspan`` leaves it (the
    DOCX and XLSX merged cells are given to each row: :func:`spanned_down`; break-test
    bt16d of issue 16, item 5: "Kỳ báo cáo" first, merged down, was read as a value)."""
    years = set(_TITLE_YEAR_RE.findall(" ".join(titles)))
    year = next(iter(years)) if len(years) == 1 else None
    width = max((len(r) for r in body), default=0)
    if at is not None:
        rows = [n for n, r in enumerate(body)
                if any(is_figure(c) for k, c in enumerate(r) if k not in skip | {at, label_col})]
        periods: list[str | None] = []
        for n in rows:  # a cell left blank under a period is that period's
            periods.append(row_period(body[n][at], year) if body[n][at] else
                           periods[-1] if periods else None)
        if len(rows) < 2 or not all(periods):
            return None
        out = [""] * len(body)
        for n, period in zip(rows, periods, strict=True):
            out[n] = period or ""
        return at, out
    for j in range(label_col + 1, width):
        if j in skip or (j < len(header) and find_mentions(header[j], 2000)):
            continue
        rows = [n for n, r in enumerate(body) if any(is_figure(c) for c in r[j + 1:])]
        if len(rows) < 2:
            return None
        periods = [row_period(body[n][j], year) if body[n][j] else None for n in rows]
        if all(periods):
            out = [""] * len(body)
            for n, period in zip(rows, periods, strict=True):
                out[n] = period or ""
            return j, out
        return None  # only the column right after the names (and units) may be one
    return None


def spanned_down(body: Sequence[Sequence[str]], full: Sequence[Sequence[str]],
                 label_col: int) -> list[list[str]]:
    """The rows of a table's ``body`` (a merged cell in its first grid cell only) with each
    cell continuing a cell merged down its column (``full``: the same rows with a merged
    cell's text in every grid cell it spans; the cell above holds the same text, the cell to
    the left does not) given that text, unless it is a figure (read once) or in the label
    column ``label_col`` (a merged label may be a group over the rows' own labels:
    :func:`group_column`).  A unit, period or indicator cell merged down over rows belongs
    to each of them, as a reader of the printed table reads it (break-test bt16d of issue 16,
    item 5: a "tỷ đồng" merged over two rows left the second's figure without its unit; a
    "Tháng 10/2022" merged over its indicators was read as a value)."""
    out = [list(r) for r in body]
    for k in range(1, len(out)):
        for j, cell in enumerate(out[k]):
            text = full[k][j] if j < len(full[k]) else ""
            if cell or not text or j == label_col or is_figure(text) or \
                    j >= len(full[k - 1]) or full[k - 1][j] != text or \
                    (j > 0 and full[k][j - 1] == text):
                continue
            out[k][j] = text
    return out


def join_header(upper: str, lower: str) -> str:
    """The header of a column under two header cells: "Quý III năm 2020" from "Năm 2020"
    over "Quý III" (and from "Quý III" over "2020"), one period -- as "Năm 2020 Quý III" it
    read as the whole year, and a quarter's figure answered the year; any other two cells
    are joined in order ("Năm 2022 Kế hoạch"), and one alone, or the same text twice, is
    itself."""
    if not upper or upper == lower:
        return lower or upper
    if not lower:
        return upper
    name, unit = _header_unit(upper)
    if unit and not _header_unit(lower)[1]:  # "Giá trị (tỷ đồng)" over "6 tháng"
        return f"{join_header(name, lower)} ({unit})"
    for year_cell, part in ((upper, lower), (lower, upper)):
        m = _YEAR_CELL_RE.fullmatch(year_cell.strip())
        composed = _sub_period(part.strip(), m.group(1)) if m else None
        if composed:
            return composed
    return f"{upper} {lower}"


# A ratio column's header that says only that it compares: "So sánh (%)", "So sánh", "Tỷ lệ
# (%)", "%" -- what with what its neighbours say (:func:`compared_headers`); or that says only
# that it is a completion rate, whose plan unsaid: "Tỷ lệ thực hiện (%)", "Tỷ lệ hoàn thành
# (%)", "Đạt (%)" -- GSO's and the provinces' plan tables head the share of the plan so
# beside "Kế hoạch | Thực hiện" (break-test bt16g of issue 16, item 4: "Tỷ lệ thực hiện (%)"
# read as a level, "đạt bao nhiêu % kế hoạch?" refused)
_BARE_COMPARE_RE = re.compile(r"^(?:(?:so sanh|ty le|ti le)"
                              r"(?: (?:thuc hien|hoan thanh|dat|giai ngan))?|dat|muc dat)?"
                              r"\s*(?:\(\s*%\s*\)|%)?$")
# the same period a year before, as a column's whole header (folded): "Cùng kỳ 2021", "Cùng
# kỳ năm trước", "CK năm 2021", "Cùng kỳ"
_SAME_PERIOD_HEAD_RE = re.compile(r"(?:cung ky|ck)(?:\s+(?:nam\s+)?(?:truoc|ngoai|(?:19|20)\d\d))?")
# an actual's column beside a plan's: "Thực hiện", "TH", "Ước TH", "Ước thực hiện năm 2000"
# ... and a capital plan's disbursed part, its actual beside "Kế hoạch vốn": "Kế hoạch vốn |
# Giải ngân | Tỷ lệ (%)", "Tỷ lệ giải ngân (%)" (break-test bt17v: the disbursement rate, a
# share of the plan, was read as a level and "đạt bao nhiêu % kế hoạch?" refused)
_ACTUAL_HEAD_RE = re.compile(r"^(?:uoc )?(?:thuc hien|th|uth|uoc tinh|uoc|giai ngan)\b")


def compared_headers(rows: Sequence[Sequence[str]]) -> list[str]:
    """The lowest header row ``rows[-1]`` of a table (``rows`` its header rows, each cell
    given to every column it spans) with a bare ratio cell ("So sánh (%)", "Tỷ lệ (%)":
    :data:`_BARE_COMPARE_RE`) saying what it compares, as its two neighbours before it
    under the same upper cells say: after a plan's and an actual's columns ("Kế hoạch |
    Thực hiện | So sánh (%)") the actual's share of the plan, "So sánh TH/KH (%)"; after two
    periods' ("Năm 2042 | Năm 2043 | So sánh (%)") the later's ratio to the earlier, "Năm
    2043 so với Năm 2042 (%)".  Vietnamese plan tables head the ratio so (GSO's and the
    provinces' "Thực hiện kế hoạch" tables: "So sánh (%)" under a year spanning "Kế hoạch",
    "Thực hiện"; break-test bt16e of issue 16, item 5: the plan share 95,5% was read as a
    level and "đạt bao nhiêu % kế hoạch?" refused); any other cell is kept.  See
    :func:`compared_header_rows` for the ratio cell merged down beside a year's group."""
    return compared_header_rows(rows)[-1] if rows else []


def compared_header_rows(rows: Sequence[Sequence[str]]) -> list[list[str]]:
    """All header ``rows`` of a table, the lowest read by :func:`compared_headers`; a bare
    ratio cell may also stand outside its neighbours' group, merged down over the header
    rows (or blank above) beside a year spanning "Kế hoạch | Thực hiện" -- the other layout
    of the same plan tables (``<th colspan=2>Năm 2015</th>`` then ``<th rowspan=2>So sánh
    (%)</th>``; break-test bt16f of issue 16, item 4: it stayed a bare "So sánh (%)" and "đạt
    bao nhiêu % kế hoạch?" was refused).  Its upper cells then become its neighbours' when
    these name periods only (the share of a year's plan is that year's: "Năm 2015 So sánh
    TH/KH (%)"), blank otherwise, so that the bare text is not joined to the new one."""
    if not rows:
        return []
    out = [list(r) for r in rows]
    low = list(rows[-1])
    uppers = [tuple(r[j] if j < len(r) else "" for r in rows[:-1]) for j in range(len(low))]
    for j in range(2, len(low)):
        cell = fold(low[j]).strip(" .:")
        if not cell or not _BARE_COMPARE_RE.match(cell):
            continue
        a, b = low[j - 2], low[j - 1]
        spanned = uppers[j] != uppers[j - 1] and all(u in ("", low[j]) for u in uppers[j])
        if uppers[j - 2] != uppers[j - 1] or not a or not b or \
                (uppers[j - 1] != uppers[j] and not spanned):
            continue
        fa, fb = fold(a).strip(" .:"), fold(b).strip(" .:")
        if (_PLAN_RE.match(fa) and _ACTUAL_HEAD_RE.match(fb)) or \
                (_ACTUAL_HEAD_RE.match(fa) and _PLAN_RE.match(fb)):
            out[-1][j] = f"{_PERCENT_LABEL_RE.sub('', low[j]).strip() or 'So sánh'} TH/KH (%)"
        elif _period_only(a) and _period_only(b) and a != b:
            out[-1][j] = f"{b} so với {a} (%)"
        elif _SAME_PERIOD_HEAD_RE.fullmatch(fb) and (_period_only(a) or _ACTUAL_HEAD_RE.match(fa)):
            # "Thực hiện 9 tháng 2022 | Cùng kỳ 2021 | So sánh (%)": the period's ratio to the
            # same period a year before, "... so với Cùng kỳ 2021 (%)" -- never a level
            out[-1][j] = f"{a} so với {b} (%)"
        elif _SAME_PERIOD_HEAD_RE.fullmatch(fa) and (_period_only(b) or _ACTUAL_HEAD_RE.match(fb)):
            out[-1][j] = f"{b} so với {a} (%)"
        elif (against := same_period_compared(a, b)) is not None:
            out[-1][j] = f"{against} (%)"
        else:
            continue
        if spanned:
            periods = all(not u or _period_only(u) for u in uppers[j - 1])
            for k, upper in enumerate(uppers[j - 1]):
                if j < len(out[k]):
                    out[k][j] = upper if periods else ""
    for j in range(2, len(low)):
        cell = fold(low[j]).strip(" .:")
        if not _BARE_CHANGE_RE.fullmatch(cell) or uppers[j - 2] != uppers[j] or \
                uppers[j - 1] != uppers[j]:
            continue
        first, second = (_only_period(_header_unit(low[k])[0]) for k in (j - 2, j - 1))
        if first is None or second is None or low[j - 2] == low[j - 1]:
            continue
        earlier, later = (j - 2, j - 1) if (first.end, 0) <= (second.end, 1) else (j - 1, j - 2)
        name = _PERCENT_LABEL_RE.sub("", low[j]).strip()
        percent = " (%)" if "%" in low[j] else ""
        out[-1][j] = f"{name} {_header_unit(low[later])[0]} so với " \
                     f"{_header_unit(low[earlier])[0]}{percent}"
    return out


# A change column's header that says only that it is one: "Tăng, giảm (%)", "Tăng/giảm",
# "Tăng (+), giảm (-) (%)", "+/- (%)", "So sánh tăng, giảm (%)" -- the change of the later
# of the two periods before it on the earlier, as "So sánh (%)" is their ratio
# (:func:`compared_headers`)
_BARE_CHANGE_RE = re.compile(r"(?:so sanh\s+)?"
                             r"(?:tang\s*(?:\(\s*\+\s*\))?\s*[,/;-]?\s*giam\s*(?:\(\s*-\s*\))?|"
                             r"\+\s*/\s*-)\s*(?:\(\s*%\s*\)|%)?")


def _only_period(cell: str) -> Period | None:
    """The one period a header cell names and nothing else ("Năm 2023", "6 tháng 2023"), or
    None."""
    found = [x for x in find_mentions(cell, None) if not x.comparison]
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(cell):
        return found[0].period
    return None


# A header cell of a period compared with another, or of a ratio: "2094 so với 2093 (%)",
# "So cùng kỳ (%)", "6 tháng 2094/6 tháng 2093 (%)".
_COMPARE_HEAD_RE = re.compile(r"\b(?:so voi|so cung ky|so ck|so sanh|tang|giam)\b|"
                              r"\b\d{4}\s*/\s*\d{4}\b|\(\s*%\s*\)\s*$")


def _period_head(cell: str) -> bool:
    """Whether a header cell names a period or a comparison of periods, nothing else:
    "Năm 2093", "6 tháng 2094", "Quý II/2094", "Cả năm 2094", "2094 so với 2093 (%)", "So
    cùng kỳ (%)"."""
    name = cell.strip()
    return bool(name) and (bool(find_mentions(name, 2000)) or
                           bool(_COMPARE_HEAD_RE.search(fold(name))))


def column_indicator(cell: str) -> tuple[str, str] | None:
    """The indicator a header cell names, with its unit ("Sản lượng lúa", "tấn" of "Sản
    lượng lúa (tấn)"): words starting with what it measures, or a name with a unit in
    brackets, and no period, comparison, plan or estimate -- None for any other cell
    ("Năm 2093", "Kế hoạch", "Thực hiện", "Nhà nước")."""
    name, unit = _header_unit(cell.strip())
    folded = fold(name).strip(" .:")
    if not folded or _period_head(name) or _PLAN_RE.match(folded) or \
            _MEASURE_HEADER_RE.search(folded) and not _MEASURE_START_RE.match(folded) or \
            folded in _LABEL_HEADERS | _UNIT_HEADERS:
        return None
    start = _MEASURE_START_RE.match(folded)
    if start and not folded[start.end():].strip(" .:,"):
        return None  # what is measured, not of what: "Giá trị", "Số lượng", "Diện tích"
    if start or unit:
        return name, unit
    return None


def split_header(cells: Sequence[str]) -> tuple[str, str, str] | None:
    """A column under two or more header cells (top to bottom) of which one names an
    indicator (:func:`column_indicator`) and the others a period or a comparison of periods
    (:func:`_period_head`), in either order -- "Năm 2094" over "Sản lượng lúa (tấn)", or
    "Sản lượng lúa (tấn)" over "2094 so với 2093 (%)": (the period's header, as
    :func:`join_header` joins the period cells; the indicator; its unit); None for any other
    column.  Statistics offices lay out tables of places by indicator and year so (break-test
    bt13-b16 failure 4: a merged two-row header read as one label)."""
    texts = list(dict.fromkeys(c.strip() for c in cells if c and c.strip()))
    if len(texts) < 2:
        return None
    found = [(k, x) for k, c in enumerate(texts) if (x := column_indicator(c)) is not None]
    if len(found) != 1:
        return None
    at, (indicator, unit) = found[0]
    rest = [c for k, c in enumerate(texts) if k != at]
    if not all(_period_head(c) for c in rest):
        return None
    period = ""
    for c in rest:
        period = join_header(period, c)
    return period, indicator, unit


def carry_header(rows: Sequence[Sequence[str | None]]) -> list[list[str]]:
    """The rows of a table whose merged header cells were written in their first cell only
    (a CSV exported from a sheet: "Chỉ tiêu,Năm 2013,," over ",Quý I,Quý II,Quý III"), with
    such a cell's text carried right into the empty cells after it that have a header cell
    under them -- so "Năm 2013" heads "Quý II" and "Quý III" as it heads "Quý I".  Only
    header rows (before the first row holding a figure) of two or more texts carry, and not
    the last of them (nothing under it); a title row (one text) and the body are kept."""
    out = [[c or "" for c in r] for r in rows]
    first = next((k for k, r in enumerate(out) if any(is_figure(c.strip()) for c in r)),
                 len(out))
    for k in range(first - 1):
        row, below = out[k], out[k + 1]
        if len(_distinct([c.strip() for c in row])) < 2:
            continue
        for j in range(1, len(row)):
            if not row[j].strip() and row[j - 1].strip() and j < len(below) and \
                    below[j].strip() and below[j - 1].strip():
                row[j] = row[j - 1]
    return out


# The header of a table's label column: "Chỉ tiêu", "Nội dung", "STT".
_LABEL_HEADERS = {"chi tieu", "noi dung", "danh muc", "ten chi tieu", *_SKIP_HEADERS}
# ... of which those saying each row is an indicator of its own, not a part of one measure.
_INDICATOR_HEADERS = {"chi tieu", "ten chi tieu", "cac chi tieu"}


# What a table's top-left cell says about its rows: an indicator's words start with what it
# measures ("Kim ngạch xuất khẩu (triệu USD)", "Số lượt xe xuất cảnh", "Sản lượng điện");
# a kind of place ("Huyện", "Cửa khẩu") is written before each row's name, as a report
# writes "huyện Cao Lộc", "cửa khẩu Hữu Nghị".
_MEASURE_START_RE = re.compile(r"^(?:kim ngach|so|so luong|so luot|gia tri|san luong|"
                               r"doanh thu|doanh so|tong|ty le|ty trong|chi so|luong|thu|chi|"
                               r"von|dien tich|nang suat|muc|toc do|luu luong|cong suat)\b")
_KIND_PREFIX_RE = re.compile(r"^(?:ten|danh sach)\s+")


def corner_names(cells: Sequence[str]) -> tuple[str, str, str]:
    """What the header cells over a table's row labels (its top-left cells, top to bottom)
    say about every row: (indicator, its unit, kind of the labels).  An indicator -- a cell
    whose words start with what it measures ("Kim ngạch xuất khẩu (triệu USD)": "Kim ngạch
    xuất khẩu", "triệu USD") or that gives a unit in brackets -- names every row's figure; a
    kind of place ("Huyện", "Tên cửa khẩu": "huyện", "cửa khẩu") is written before each
    label; a label column's own header ("Chỉ tiêu", "STT", "Nội dung") or any other kind
    ("Mặt hàng", "Năm") names nothing ("").  Statistics offices' tables put the indicator in
    that corner over the row labels (break-test round 8 of issue 16: CSV, XLSX, HTML, DOCX)."""
    indicator = unit = kind = ""
    for cell in dict.fromkeys(c.strip() for c in cells if c and c.strip()):
        name, own_unit = _header_unit(cell)
        folded = fold(name).strip(" .:")
        if not name or folded in _LABEL_HEADERS | _UNIT_HEADERS or table_unit(cell) and \
                not own_unit or any(ch.isdigit() for ch in name) or _period_only(name):
            continue
        if not indicator and (_MEASURE_START_RE.match(folded) or own_unit):
            indicator, unit = name, own_unit
            continue
        bare = _KIND_PREFIX_RE.sub("", folded)
        if not kind and bare in PLACE_KINDS:
            words = name.split()[len(folded.split()) - len(bare.split()):]
            kind = " ".join(words).lower()
    return indicator, unit, kind


# A corner naming the kind of goods or partner each row is, with what qualifies them all:
# "Mặt hàng xuất khẩu", "Nhóm hàng nhập khẩu chủ yếu", "Thị trường xuất khẩu" (folded).
_GOODS_CORNER_RE = re.compile(r"^(?:ten |cac )?(?:mat hang|nhom hang|nganh hang|hang hoa|"
                              r"san pham|thi truong|doi tac)\s+\S")


def corner_caption(cells: Sequence[str]) -> str:
    """The header cell over a table's row labels (its top-left cells, top to bottom) that
    says what every row is and what qualifies them all -- a kind of goods or partner with
    more words after it: "Mặt hàng xuất khẩu" over "Sầu riêng", "Thanh long" makes each row
    an export (its unit in brackets left out); "" when no such cell ("Mặt hàng", "Chỉ tiêu",
    a measure such as "Kim ngạch xuất khẩu (triệu USD)": :func:`corner_names` reads those).
    A table with no caption nor title row is captioned by it: read bare, its rows'
    "Lượng 2060 — Thanh long" lost the "xuất khẩu" every question about them says, and
    "Lượng thanh long xuất khẩu năm 2060?" was refused (break-test bt17u, a workbook's
    second sheet; tests/test_xlsx_period_columns.py)."""
    for cell in dict.fromkeys(c.strip() for c in cells if c and c.strip()):
        name = _header_unit(cell)[0].strip(" .:")
        if name and _GOODS_CORNER_RE.match(fold(name).lower()) and \
                not any(ch.isdigit() for ch in name):
            return name
    return ""


def names_own_kind(label: str) -> bool:
    """Whether a row's ``label`` already starts with a kind of place (``PLACE_KINDS``) before
    a name of its own -- "Lối mở Khuổi Ma", "Cửa khẩu chính Pò Hẻn", "Thành phố Lạng Sơn",
    "Đường chuyên dụng mốc 1119": a table by border gate mixes gates, crossings and roads
    under one "Cửa khẩu" corner, and a row naming its own kind keeps it (break-test bt20-b17
    failure 6: "cửa khẩu Lối mở Khuổi Ma" left the row's own words unanswered).  A label whose
    first words are a kind's words but no name follows ("Xã hội", "Quản lý") names none."""
    words = label.split()
    folded = fold(label).lower().split()
    for kind in sorted(PLACE_KINDS, key=len, reverse=True):
        n = len(kind.split())
        if folded[:n] == kind.split() and any(w[:1].isupper() or w[:1].isdigit()
                                              for w in words[n:]):
            return True
    return False


def _period_only(cell: str) -> bool:
    found = [x for x in find_mentions(cell, None) if not x.comparison]
    return len(found) == 1 and found[0].start == 0 and found[0].end == len(cell)


def header_only(rows: Sequence[Sequence[str | None]]) -> bool:
    """Whether a table is a statistical table's header alone ("Chỉ tiêu | Năm 2023 | Ghi
    chú" and nothing under it): one row of two or more texts, none a figure, that names a
    label column ("Chỉ tiêu", "STT", "Nội dung"), a unit column ("Đơn vị tính") or a period
    alone ("Năm 2023") -- as a letterhead laid out in a table ("UBND TỈNH" | "CỘNG HÒA
    ...") does not.  A table of text rows under such a header ("Nội dung | Kết quả" over
    the tasks done) is no header alone: its rows are kept."""
    grid = _clean(rows)
    if len(grid) != 1 or any(is_figure(c) for c in grid[0]) or len(_distinct(grid[0])) < 2:
        return False
    return any(fold(c).strip(" .:") in _LABEL_HEADERS | _UNIT_HEADERS or _period_only(c)
               for c in _distinct(grid[0]))


def table_unit(title: str) -> str:
    """The unit a table's caption or title row gives all its figures: "triệu USD" from
    "Bảng 1. Kim ngạch xuất khẩu (triệu USD)", "(triệu USD)", "Đơn vị tính: triệu USD",
    "ĐVT: tỷ đồng"; "" when it gives none (a "(%)" stays the caption's: shares, not a unit)."""
    m = _UNIT_ROW_RE.match(title.strip()) or _UNIT_NOTE_RE.search(title)
    if m:
        unit = m.group(1).strip(" .;:")
        # "m³", "km²" are units: their superscripts are digits to isdigit, not decimals
        if unit and not any(ch.isdecimal() for ch in unit) and len(unit.split()) <= 4:
            return unit
        # "Đơn vị tính là tỷ đồng. Số liệu … như sau:": a sentence, read as a lead-in's
    return lead_unit(title) or _header_unit(title)[1] or _listed_unit(title)


# a caption's closing bracket listing its period and its unit: "(9 tháng năm 2079, triệu USD)"
_LISTED_BRACKET_RE = re.compile(r"\(([^()]*[,;][^()]*)\)\s*$")


def _listed_unit(title: str) -> str:
    """The unit ending a caption's closing bracket after a comma or semicolon -- "triệu USD"
    from "Kim ngạch theo cửa khẩu (9 tháng năm 2079, triệu USD)", "tỷ đồng" from "(6 tháng
    2082; tỷ đồng)" -- read by :func:`_header_unit` as a bracket of its own; "" when that
    last item is no unit ("(GRDP, giá hiện hành)").  A customs bulletin's gate table under
    such a caption had no unit at all (break-test s46 bt17w)."""
    m = _LISTED_BRACKET_RE.search(title)
    if m is None:
        return ""
    last = re.split(r"[,;]", m.group(1))[-1].strip()
    return _header_unit(f"x ({last})")[1] if last else ""


def percent_title(titles: Sequence[str]) -> str:
    """"%" when a table's caption or title row ends in "(%)" -- "CHỈ SỐ GIÁ TIÊU DÙNG ... CÁC
    THÁNG NĂM 2029 (%)", "Bảng 3. Cơ cấu kinh tế (%)" -- else "": the unit of every bare figure
    of the table, as "(triệu USD)" is (:func:`table_unit`, which leaves a "(%)" to the caption's
    words).  Only the table's last resort: a unit column, a row's or a column's own unit and a
    unit row come first.  Read bare, "CPI tháng 2/2029 so với tháng trước" answered "0,53"
    (break-test bt17g, t11; bt17i)."""
    return "%" if any(_PERCENT_LABEL_RE.search(t) for t in titles) else ""


# A heading that names the table after it without "Bảng": a short line, capitalised, not a
# sentence nor a lead-in ("Kim ngạch xuất nhập khẩu qua các cửa khẩu", not "... như sau:").
_HEADING_MAX_WORDS = 16
_HEADING_END_RE = re.compile(r"[.:;,…!?]$")


def is_heading(text: str) -> bool:
    """Whether a paragraph reads as a heading: at most 16 words, its first letter a capital,
    not ending as a sentence or a lead-in does ("." ":" ";" "," "…")."""
    text = text.strip()
    letter = next((ch for ch in text if ch.isalpha()), "")
    return bool(text) and len(text.split()) <= _HEADING_MAX_WORDS and letter.isupper() and \
        not _HEADING_END_RE.search(text)


def table_caption(before: Sequence[str]) -> str | None:
    """The caption of a table from the paragraphs just before it (last one last): a
    "Bảng 2. …" paragraph, with the unit line under it when there is one ("Bảng 1. Kim ngạch
    (Đơn vị tính: triệu USD)"), or a unit line alone, or a heading (:func:`is_heading`:
    "Kim ngạch xuất nhập khẩu qua các cửa khẩu"); None when none comes right before."""
    last = before[-1].strip() if before else ""
    if CAPTION_RE.match(last):
        return last
    if _UNIT_ROW_RE.match(last):
        prev = before[-2].strip() if len(before) > 1 else ""
        return f"{prev} ({last})" if CAPTION_RE.match(prev) or is_heading(prev) else last
    return last if is_heading(last) or lead_unit(last) or dated_lead_in(last) or \
        unit_titled(last) else None


_TITLE_MAX_WORDS = 32


def unit_titled(text: str) -> bool:
    """Whether a paragraph right before a table is its title closed by the unit of its
    figures in brackets -- "Kim ngạch xuất khẩu một số mặt hàng chủ yếu của doanh nghiệp địa
    phương (triệu USD)", "... các tháng năm 2029 (%)" -- though longer than a heading
    (:func:`is_heading`'s 16 words): its first letter a capital, at most 32 words, no colon,
    and a unit bracket at its end (:func:`_header_unit`, or "(%)").  The same title as a
    sheet's title row gives its unit (break-test bt17i: the .docx of a 17-word title lost
    "triệu USD" its .xlsx kept)."""
    text = text.strip()
    letter = next((ch for ch in text if ch.isalpha()), "")
    if not letter.isupper() or ":" in text or len(text.split()) > _TITLE_MAX_WORDS:
        return False
    return bool(_PERCENT_LABEL_RE.search(text) or _header_unit(text)[1])


# a sentence leading into what follows it: its closing colon, or words pointing below
_LEAD_IN_RE = re.compile(r":\s*$|\b(?:như\s+sau|dưới\s+đây|sau\s+đây|bảng\s+sau|bảng\s+dưới|"
                         r"như\s+bảng|theo\s+bảng|tại\s+bảng|ở\s+bảng)\b", re.IGNORECASE)


def dated_lead_in(text: str) -> bool:
    """Whether a paragraph right before a table is a sentence leading into it that names a
    period: "Giá trị hàng hóa xuất khẩu năm 2055 của một số mặt hàng chủ lực như sau:", "Số
    khách lưu trú quý III/2060 được tổng hợp ở bảng dưới đây." -- it is the table's caption,
    so its period dates every row that names none, whether or not it also names a unit
    (bt5-b16 item 1: a lead sentence whose unit wording was not read lost its year too).  A
    sentence that neither leads in (a colon at its end, "như sau", "dưới đây", "bảng sau")
    nor names a period is no caption."""
    text = text.strip()
    return bool(text) and _LEAD_IN_RE.search(text) is not None and (
        _TIME_RE.search(text) is not None or own_holiday(text, None) is not None)


# a lead-in giving its table's unit in brackets before its colon: "Số thu ngân sách năm 2033
# tại các cửa khẩu như sau (tỷ đồng):"
_LEAD_UNIT_RE = re.compile(r"\(([^()]*)\)\s*:\s*$")
# ... or in words anywhere in it: a unit phrase is a unit the lexicon reads after a number,
# or a count noun alone ("con", "chiếc", "cái"), written after a marker and ending the clause.
# The markers: "(được) tính/thể hiện/biểu thị/quy đổi bằng/theo/ra (đơn vị (tính|đo))",
# "đơn vị (tính|đo) (bằng|theo)", "ĐVT (tính)", "đv", each then ":" or "là" or neither --
# "… được tổng hợp dưới đây, đơn vị tính triệu đồng:", "…, ĐVT tấn:", "… như sau (đơn vị:
# tỷ đồng):", "…, đơn vị: ha.", "…ở bảng sau, số liệu tính bằng tỷ đồng.", "…theo bảng sau
# (tính theo triệu đồng).", "Đơn vị tính là tỷ đồng. Số liệu … như sau:" (break-tests
# bt2-b16 item 4, bt4-b16 item 2), "…; ĐVT tính: ha.", "…, với số liệu được thể hiện bằng
# nghìn USD:", "…, đơn vị là con:" (bt5-b16 item 1: each new wording lost the unit).
_LEAD_MARK_RE = re.compile(
    r"(?:^|[\s,;(])(?:(?:được\s+)?(?:tính|thể\s+hiện|biểu\s+thị|quy\s+đổi)\s+(?:bằng|theo|ra)"
    r"(?:\s+đơn\s+vị(?:\s+(?:tính|đo))?)?|đơn\s+vị(?:\s+(?:tính|đo))?(?:\s+(?:bằng|theo))?"
    r"|đvt(?:\s+tính)?|đv)(?:\s*[:.])?(?:\s+là)?(?:\s*:)?(?=\s)", re.IGNORECASE)
# what may follow a unit phrase: the clause's end, a bracket, the sentence's end
_LEAD_UNIT_END_RE = re.compile(r"\s*(?:[).,;:]|$)")
# a count noun alone as a unit ("đơn vị là con:", "ĐVT: chiếc)"): one word, as written
_LEAD_COUNT_RE = re.compile(r"\s+([^\W\d_]+)")


def lead_unit(text: str) -> str:
    """The unit a sentence leading into a table gives in brackets before its closing colon
    ("tỷ đồng" from "… tại các cửa khẩu như sau (tỷ đồng):"), when the brackets hold a unit
    alone (``rag.vi.numbers.is_unit``; "(so với cùng kỳ):" gives none); "" otherwise
    (break-test round 12 of issue 16: an HTML table under such a sentence lost its unit), or
    names it in words anywhere in the sentence, after "tính bằng", "tính theo", "đơn vị
    (tính) (là|:)" or "ĐVT", the unit ending its clause: "…, đơn vị tính triệu đồng:",
    "…, ĐVT: tấn", "… (đơn vị: tỷ đồng):", "…, số liệu tính bằng tỷ đồng.", "Đơn vị tính
    là tỷ đồng. Số liệu … như sau:" (break-tests bt2-b16 item 4, bt4-b16 item 2); a word
    after the marker that is no unit ("các đơn vị như sau:", "tính theo giá hiện hành")
    gives none."""
    m = _LEAD_UNIT_RE.search(text.strip())
    unit = m.group(1).strip() if m else ""
    # "(ĐVT: chiếc):", "(đv: tấn):" hold a marker, read below: the unit is what follows it
    if unit and unit != "%" and is_unit(unit) and not _LEAD_MARK_RE.match(" " + unit):
        return unit
    # in words: a unit the lexicon reads after a number, then the clause's end -- "đơn vị" is
    # also a plain word ("các đơn vị như sau:", "đơn vị hành chính:") and "tính theo" is
    # also "tính theo giá hiện hành", which a cell-shaped test (is_unit: any two words)
    # would take for units
    text = text.strip()
    for m in _LEAD_MARK_RE.finditer(text):
        rest = text[m.end():]
        unit, length = unit_after(rest)
        if unit and _LEAD_UNIT_END_RE.match(rest, length):
            return unit
        # a count noun is a unit after a scale word only ("45 nghìn chiếc"; unit_after),
        # but here the marker says it is one: "đơn vị là con:" -- and only as the clause's
        # last word ("tính bằng con số tuyệt đối" names none)
        count = _LEAD_COUNT_RE.match(rest)
        if count and count.group(1).lower() in COUNT_NOUNS and \
                _LEAD_UNIT_END_RE.match(rest, count.end()):
            return count.group(1).lower()
    return ""


def caption_text(caption: str) -> str:
    """A caption without its "Bảng 2." label."""
    return _CAPTION_LABEL_RE.sub("", caption).strip() or caption


def unit_line(text: str) -> str:
    """The unit a paragraph standing beside a table gives all its figures when it says
    nothing else: "tỷ đồng" from "Đơn vị tính: tỷ đồng", "(ĐVT: triệu USD)", a figure's
    caption "Đơn vị: triệu USD"; "" for any other paragraph.  Readers pass it to
    :func:`table_lines` as ``unit`` when it comes right after the table."""
    return table_unit(text) if _UNIT_ROW_RE.match(text.strip()) else ""


# A note under a table, as offices place it below the table rather than above: its unit, then
# what the figures measure, in brackets or after a stop -- "Đơn vị: triệu USD (kim ngạch xuất
# khẩu 6 tháng đầu năm 2025 theo mặt hàng).", "ĐVT: tấn. Sản lượng khai thác năm 2024 theo
# huyện", "(Đơn vị tính: ha; diện tích gieo trồng vụ Đông Xuân 2025)".
_NOTE_UNIT_RE = re.compile(r"^\(?\s*(?:đơn vị tính|đơn vị|đvt)\s*[:.]?\s*([^().;,]+?)\s*"
                           r"(?:\(([^()]+)\)|[.;,–-]\s+([^()]+?))\s*[.;]?\s*\)?\s*\.?$",
                           re.IGNORECASE)
# ... and a line naming the figures' source, which may stand between the table and that note:
# "Nguồn: Cục Thống kê tỉnh", "(Nguồn: Sở Công Thương)".
_SOURCE_LINE_RE = re.compile(r"^\(?\s*(?:nguồn(?:\s+số\s+liệu)?|source)\s*:", re.IGNORECASE)


def unit_note(text: str) -> tuple[str, str]:
    """What a paragraph right after a table says of its figures: ``(unit, caption)``.  A unit
    line (:func:`unit_line`: "Đơn vị tính: tỷ đồng") gives ``("tỷ đồng", "")``; a unit line
    that also says what the figures measure ("Đơn vị: triệu USD (kim ngạch xuất khẩu 6
    tháng đầu năm 2025 theo mặt hàng).") gives the caption a reader would have found above
    the table, with the unit in brackets: ``("triệu USD", "Kim ngạch xuất khẩu 6 tháng đầu
    năm 2025 theo mặt hàng (triệu USD)")`` -- offices often put the table's caption under it
    (break-test bt23-b16 failure 2: a header-less table so captioned gave no figures, and a
    part was answered with the whole's figure).  A source line ("Nguồn: Cục Thống kê")
    gives the unit it names ("(Nguồn: Cục Hải quan; đơn vị: triệu USD)") or ``("", "")``;
    ``("", "")`` for any other paragraph.  See :func:`is_source_line`."""
    text = " ".join(text.split())
    m = _NOTE_UNIT_RE.match(text)
    if m:
        unit = unit_line(f"Đơn vị: {m.group(1)}")
        measure = (m.group(2) or m.group(3) or "").strip(" .;:,")
        if unit and sum(ch.isalpha() for ch in measure) >= 8 and not unit_line(measure):
            return unit, f"{measure[:1].upper()}{measure[1:]} ({unit})"
    unit = unit_line(text)
    if unit:
        return unit, ""
    if is_source_line(text):
        note = _UNIT_NOTE_RE.search(text)
        return (table_unit(note.group(0)) if note else ""), ""
    return "", ""


def is_source_line(text: str) -> bool:
    """Whether a paragraph only names where a table's figures come from ("Nguồn: Cục Thống
    kê tỉnh", "(Nguồn: Sở Công Thương)"): a reader looking for the unit note under a table
    looks past it to the next paragraph."""
    return bool(_SOURCE_LINE_RE.match(text.strip()))


# A note's lead word, folded: "Ghi chú: số liệu sơ bộ năm 2022", "Lưu ý: …", "Chú thích: …",
# "Nguồn: …" -- what a merged row atop a table says of its figures (their status, source),
# never their indicator; the lead words rag.vi.frames.corrections and rag.ingest.word read
# a note by ("Ghi chú: " is how a DOCX footnote is written into the text).
_NOTE_LEAD = r"(?:ghi chu|luu y|chu thich|chu y|nguon(?: so lieu)?)\s*:"


# What a caption says besides its indicator: a breakdown ("theo loại hình", "phân theo
# ngành", "chia theo cửa khẩu"), and the words that name a table of several indicators.
_BREAKDOWN_RE = re.compile(r"\s+(?:phân\s+|chia\s+)?theo\s+.*$|\s+(?:của|tại|trên)\s+(?:các|từng)"
                           r"\s+.*$", re.IGNORECASE)
_NO_INDICATOR_RE = re.compile(r"^(?:(?:mot so|cac)\s+)?(?:chi tieu|tinh hinh|ket qua|so lieu|"
                              r"bieu|bang|hoat dong)\b|" + _NOTE_LEAD)
# A total row's label alone: "Tổng", "Tổng cộng", "Cộng", "Tổng số", "Total".
_TOTAL_ONLY_RE = re.compile(r"(?:tong|tong so|tong cong|cong|total)\s*:?")
# ... and one naming what it totals: "Tổng sản lượng khai thác", "Tổng số doanh nghiệp".
_TOTAL_NAMED_RE = re.compile(r"(?:tong|tong so|tong cong|total)\s*:?\s+(?!so\b|cong\b)[a-z]")
# Column headers that say what a figure measures, not which indicator it is.
_MEASURE_HEADER_RE = re.compile(r"\b(?:so sanh|so voi|so cung ky|so ck|so ky|tang|giam|ty le|"
                                r"ke hoach|kh|du toan|thuc hien|th|uoc|luy ke|cong don|"
                                r"uoc thuc hien|toc do|chi so|gia tri|so lieu)\b|%")


# What a lead-in sentence says after its indicator that is no part of it (the time phrases
# already taken out): the base its comparison columns are of -- "Số thu năm 2007 so với năm
# 2006 như sau.", "Kim ngạch … 6 tháng năm 2024 so với cùng kỳ như sau:" (a "Tăng, giảm (%)"
# column's base; the level columns stay levels) -- and the words pointing at the table below,
# "(cụ thể) như sau", "được tổng hợp ở bảng dưới đây" (:data:`_LEAD_IN_RE`).  Break-test
# bt16f of issue 16, item 4: "Số thu so với như sau" noted after every level made each read
# as a change, and "thuế xuất khẩu năm 2007?" was refused.
_COMPARED_TAIL_RE = re.compile(r"\s+so\s+(?:với|cùng\s+kỳ|kế\s+hoạch)(?:\W.*)?$", re.IGNORECASE)
# the document's kind opening a title: "Báo cáo giải ngân …", "BÁO CÁO KẾT QUẢ …"
_REPORT_WORD_RE = re.compile(r"^\s*báo\s+cáo\s+(?=\w)", re.IGNORECASE)
_LEAD_TAIL_RE = re.compile(
    r"\s+(?:(?:cụ\s+thể|chi\s+tiết)\s+)?(?:(?:được\s+)?(?:tổng\s+hợp|thể\s+hiện|trình\s+bày|"
    r"thống\s+kê|liệt\s+kê|nêu|ghi)\s+)?(?:(?:ở|tại|trong|theo|qua)\s+)?(?:như\s+sau|dưới\s+đây|"
    r"sau\s+đây|bảng\s+(?:sau|dưới)|như\s+bảng|theo\s+bảng|tại\s+bảng|ở\s+bảng)(?:\W.*)?$",
    re.IGNORECASE)


def table_indicator(title: str) -> str:
    """The indicator a table's caption or title row names for all its rows: "Kim ngạch XNK"
    from "Bảng 1. Kim ngạch XNK quý I/2025 theo loại hình (triệu USD)" -- without its label,
    unit, time phrase and breakdown; "" when it names none ("Một số chỉ tiêu chủ yếu năm
    2023", "Tình hình …").  A caption in capitals comes back in lower case, its acronyms
    ("XNK", "GRDP": no vowel, or all capitals of up to four letters) kept."""
    text = _header_unit(_UNIT_NOTE_RE.sub("", caption_text(title)))[0]
    for m in reversed(find_mentions(text, 2000)):  # "quý I/2025", "6 tháng đầu năm 2024"
        text = text[:m.start] + " " + text[m.end:]
    text = _LEAD_TAIL_RE.sub("", _COMPARED_TAIL_RE.sub("", " ".join(text.split())))
    text = _BREAKDOWN_RE.sub("", text)
    # "BÁO CÁO GIẢI NGÂN VỐN ĐẦU TƯ CÔNG NĂM 2085 (đến 31/12/2085)": the brackets its periods
    # left empty, and the document's kind before what it reports on, name nothing of it
    # (break-test bt17o: "Tổng báo cáo giải ngân vốn đầu tư công ( )")
    text = _REPORT_WORD_RE.sub("", re.sub(r"\([^\w()]*\)", " ", text))
    text = re.sub(r"\s+(?:năm|trong|của|tại)$", "", " ".join(text.split()).strip(" .,:;-–—("))
    if not text or _NO_INDICATOR_RE.match(fold(text)) or any(ch.isdigit() for ch in text):
        return ""
    if text.isupper():
        text = " ".join(w if w.isascii() and (not re.search(r"[AEIOUY]", w) or
                                              w.lower() in ABBREVIATIONS) else w.lower()
                        for w in text.split())
    return text


# A title's lead naming the kind of account it gives, not what it counts: "Kết quả giải ngân
# vốn đầu tư công năm 2072", "Tình hình thu ngân sách nhà nước …" -- the indicator follows it.
_ACCOUNT_LEAD_RE = re.compile(r"^\s*(?:kết\s+quả|tình\s+hình)\s+(?=\w)", re.IGNORECASE)
# ... unless what follows is an activity or a list of indicators, not one (folded): "Tình hình
# thực hiện các chỉ tiêu", "Kết quả hoạt động", "Kết quả sản xuất kinh doanh".
_ACCOUNT_TOPIC_RE = re.compile(r"(?:thuc hien|hoat dong|cong tac|trien khai|san xuat kinh doanh|"
                               r"kinh doanh|mot so|cac|nhung)\b")


def total_indicator(title: str) -> str:
    """The indicator a table's title names for its one total row ("Tổng số", "Tổng cộng",
    "Cộng"): :func:`table_indicator`'s, or -- a title that opens with the kind of account it
    gives, "Kết quả"/"Tình hình" -- the indicator after it ("giải ngân vốn đầu tư công" from
    "KẾT QUẢ GIẢI NGÂN VỐN ĐẦU TƯ CÔNG NĂM 2072 (đến hết ngày 31/10/2072)"; "thu ngân sách
    nhà nước" from "Tình hình thu ngân sách nhà nước năm 2071"); "" when none is left or it
    names an activity or a list ("Tình hình thực hiện các chỉ tiêu …").  Only a total row
    takes it: the other rows name their own parts (break-test bt17v: a disbursement sheet's
    "Tổng số" row was listed under "Tổng số" alone and its figures were refused)."""
    own = table_indicator(title)
    if own:
        return own
    text = caption_text(title)
    rest = _ACCOUNT_LEAD_RE.sub("", text)
    if rest == text:
        return ""
    indicator = table_indicator(rest)
    return "" if _ACCOUNT_TOPIC_RE.match(fold(indicator)) else indicator


def restates_indicator(header: str, indicator: str) -> bool:
    """Whether a value column's ``header`` (its unit and period taken out) only repeats words
    of the table's ``indicator`` -- "Giải ngân (tỷ đồng)" under "giải ngân vốn đầu tư công" --
    so it names that indicator's figure, not an indicator of its own ("Xuất khẩu" under "kim
    ngạch xuất nhập khẩu" is one: not a run of the indicator's words)."""
    name = _header_unit(header)[0]
    for m in reversed(find_mentions(name, 2000)):
        name = name[:m.start] + " " + name[m.end:]
    words = fold(name).split()
    return bool(words) and f" {' '.join(words)} " in f" {' '.join(fold(indicator).split())} "


# The rows a caption says its table lists, after its measure: "Giá trị sản xuất | một số
# ngành", "Kim ngạch xuất khẩu | các mặt hàng chủ yếu", "Sản lượng | của những sản phẩm …".
_LISTED_ROWS_RE = re.compile(r"\s+(?:của\s+)?(?:một\s+số|các|những)\s+.*$", re.IGNORECASE)


def breakdown_head(header: str, indicator: str) -> str:
    """What a value column's ``header`` (its unit and period taken out) names of the table's
    ``indicator`` by the indicator's own words: "total" for its whole ("Tổng", "Tổng cộng",
    "Tổng kim ngạch" under "Kim ngạch xuất nhập khẩu qua các cửa khẩu"), "part" for a part
    of it ("Xuất khẩu", "Nhập khẩu"), "" for a header with a word of its own ("Số tờ khai",
    "Trị giá thuế": an indicator of its own).  Break-test s51, kind 1: in a table by gate
    split so, the lone "Tổng số" row's total column is the caption's indicator's total."""
    name = _header_unit(header)[0]
    for m in reversed(find_mentions(name, 2000)):
        name = name[:m.start] + " " + name[m.end:]
    words = fold(name).lower().split()
    total = words[:1] in (["tong"], ["cong"])
    rest = words[1 + (words[1:2] in (["so"], ["cong"])):] if total else words
    if not (total or rest) or not set(rest) <= set(fold(indicator).lower().split()):
        return ""
    return "total" if total else "part"


def caption_measure(indicator: str) -> str:
    """What a table's figures measure, from the indicator its caption names
    (:func:`table_indicator`) without the rows it says it lists: "Giá trị sản xuất" from
    "Giá trị sản xuất một số ngành"; "" when nothing is left.  :func:`table_lines` puts it
    in the notes after a figure whose row has no parent and whose line does not name it
    ("Chế biến gỗ: 143,7 tỷ đồng (Giá trị sản xuất; tháng 6/2024)"), from the caption
    paragraph only, not title rows, when the table has no total row, a unit column nor rows
    that are indicators themselves.  Break-test round 31 of issue 16: "Bảng 1. Giá trị sản
    xuất một số ngành tháng 6/2024 (tỷ đồng)" over rows "Chế biến gỗ | 143,7" gave lines
    naming no measure, and "giá trị sản xuất ngành chế biến gỗ" was refused."""
    return _PERCENT_LABEL_RE.sub("", _LISTED_ROWS_RE.sub("", indicator)).strip(" ,.:;-–—")


def _names_measure(label: str, measure: str) -> bool:
    """Whether a row's ``label`` is an indicator of the caption's ``measure``'s kind, not a
    part it is measured over: "Kim ngạch nhập khẩu" under "Kim ngạch nhập khẩu qua cửa
    khẩu" (the label within the measure, or both starting with the same two words)."""
    own, of = fold(label).split(), fold(measure).split()
    return bool(own) and (" ".join(own) in " ".join(of) or own[:2] == of[:2])


def _total_label(indicator: str) -> str:
    """A total row's label naming what it totals: "Tổng kim ngạch XNK"."""
    if fold(indicator).startswith("tong"):
        return indicator[0].upper() + indicator[1:]
    first = indicator.split()[0]
    low = first if first.isupper() and len(first) > 1 else first[0].lower() + first[1:]
    return " ".join(["Tổng", low, *indicator.split()[1:]])


# the base a lead-in compares its period with, right after that period: "… năm 2007 so với
# năm 2006 như sau", "… 6 tháng năm 2024 so với cùng kỳ (năm trước) như sau:"
_COMPARED_BASE_RE = re.compile(r"\s*,?\s+so\s+với\s+(?:cùng\s+kỳ(?:\s+năm\s+(?:trước|\d{4}))?)?",
                               re.IGNORECASE)


def _time_phrase(title: str) -> str | None:
    """A title's time phrase, with the base it compares it with when one follows ("năm 2007
    so với năm 2006" from "Số thu năm 2007 so với năm 2006 như sau."): a table's change
    column ("Tăng, giảm (%)") then names its base, as the lead-in says (break-test bt16f of
    issue 16, item 4).  A week the title names ("TUẦN 23 NĂM 2050 (từ 05/06/2050 đến
    11/06/2050)") is that phrase, its days with it, not the year inside it (break-test
    bt17r: a week bulletin's prices dated "năm 2050").  A holiday the title names as its own
    is the phrase as written, not the year inside it ("dịp Tết Nguyên đán Canh Tý 2020",
    "dịp nghỉ lễ 30/4 – 1/5/2025": rag.vi.mentions.own_holiday), so the rows are of the
    holiday's days, not the year's; the year of a holiday named as a base is none of the
    title's."""
    # a year inside a holiday named as a base ("tăng so với Tết Quý Mão 2023") is no
    # period of the table's own
    bases = [(x.start, x.end) for x in find_mentions(title, None, report=True)
             if x.comparison and x.period.kind == HOLIDAY]
    m = next((t for t in _TIME_RE.finditer(title)
              if not any(s <= t.start() < e for s, e in bases)), None)
    holiday = own_holiday(title, None)
    week = next((x for x in find_mentions(title, None) if x.period.kind == "week"
                 and not x.comparison), None)
    if week is not None and (m is None or week.start <= m.start()) and \
            (holiday is None or week.start < holiday.start):
        # a bulletin's week, with the days it writes beside it ("TUẦN 23 NĂM 2050 (từ
        # 05/06/2050 đến 11/06/2050)"): the sheet's period, not the year inside it
        start, end, report = week.start, week.end, False
    elif holiday is not None and (m is None or holiday.start <= m.start()):
        start, end, report = holiday.start, holiday.end, True
    elif m:
        start, end, report = m.start(), m.end(), False
    else:
        return None
    base = _COMPARED_BASE_RE.match(title, end)
    if base is None:
        return title[start:end]
    if fold(base.group(0)).split()[-1] != "voi":  # "so với cùng kỳ (năm trước)"
        return title[start:base.end()].strip()
    after = [x for x in find_mentions(title, 2000, report=report)
             if x.start == base.end() and x.comparison]
    return title[start:after[0].end].strip() if after else title[start:end]


def _context(titles: list[str]) -> str:
    """What a table's titles add to a line that names no year: their time phrase ("6 tháng
    đầu năm 2022", with its compared base: "năm 2007 so với năm 2006") and what the figures
    measure ("so với tháng trước (%)")."""
    times = [x for t in titles for x in [_time_phrase(t)] if x]
    if not times:
        return ""
    measures = [caption_text(t) for t in titles
                if not _TIME_RE.search(t) and "so voi" in fold(t)]
    return "; ".join(dict.fromkeys([times[0], *measures]))


def running_phrase(titles: Sequence[str]) -> str:
    """The day a titled year's figures run to, when the first title that names a period
    narrows its year so: "đến hết ngày 31/10/2072" from "KẾT QUẢ GIẢI NGÂN VỐN ĐẦU TƯ CÔNG
    NĂM 2072 (đến hết ngày 31/10/2072)" -- a running total from the year's start, the
    period of the table's actual figures (its plan column stays the year's); "" when the
    title names no such day (break-test bt17v: the sheet's "Giải ngân" figures were dated
    the whole year 2072)."""
    for title in titles:
        found = find_mentions(title, None)
        if not found:
            continue
        year, rest = found[0], found[1:]
        after = next((x for x in rest if x.period.kind == "to_date" and not x.comparison
                      and x.period.start == year.period.start), None)
        if year.period.kind == "year" and after is not None and \
                after.period.end < year.period.end and \
                not title[year.end:after.start].strip(" ,(–-"):
            return title[after.start:after.end]
        return ""
    return ""


def _numbering(cell: str, stt: bool = False) -> tuple[float | None, str]:
    """(rank of the numbering ``cell`` starts with, None if it has none; the rest of it):
    (1, "Thu nội địa") from "2. Thu nội địa", (2, "") from "3.1", (9, "Xuất khẩu") from
    "- Xuất khẩu"; ``stt``: the cell is an "STT" cell, a number alone."""
    text = cell.strip()
    for pattern, rank in _NUMBERING:
        m = pattern.match(text)
        if m is None:
            continue
        rest = text[m.end():].strip()
        if rank == 1 and "." not in m.group(1) and int(m.group(1)) > 99:
            break  # "2019" heading a row of a year is its label, not a number
        if rank != 9 and not rest and not stt:
            break  # a label that is only "II" or "3" is a label
        if rank == 1 and not stt and m.group(0) == m.group(1) and row_period(text, None):
            # a number that counts the months of a period is the period's own ("4 tháng
            # 2023", "6 tháng đầu năm 2024", "9 tháng"): an item's number is written "4." or
            # "4)" (Nghị định 30/2020/NĐ-CP, Phụ lục I), a bare one before "tháng" is how
            # reports name months to date (break-test bt16f of issue 16, item 5: "4 tháng
            # 2023" under "Tháng 4/2023" was read as its item 4, "Tháng 4/2023 › tháng 2023")
            break
        dots = m.group(1).count(".") if rank == 1 else 0
        return float(rank + dots), rest
    return None, text


# a label opening with a bare number and a word ("3 sao", "110 kV", "4 chỗ"): no dot or bracket
_BARE_NUMBERED = re.compile(r"(\d{1,3})\s+(\S.*)$")


def class_series(labels: Sequence[str]) -> frozenset[int]:
    """The positions of ``labels`` (a table's label cells) that name one class of a series by
    its number: a bare number and the same words after it in two labels or more, with
    different numbers -- "3 sao", "4 sao", "5 sao" (OCOP ratings), "35 kV", "110 kV" -- so the
    number is the class, not the row's numbering ("1 Xuất khẩu", "2 Nhập khẩu" number rows of
    different things; break-test bt20c, session 49: an OCOP sheet's "3 sao" row read as item
    3 of "sao", every rating answered by another's row)."""
    seen: dict[str, dict[str, int]] = {}
    for k, raw in enumerate(labels):
        m = _BARE_NUMBERED.match(raw.strip())
        if m is not None:
            seen.setdefault(" ".join(m.group(2).lower().split()), {})[m.group(1)] = k
    return frozenset(k for numbers in seen.values() if len(numbers) >= 2
                     for k in numbers.values())


def _is_name(label: str) -> bool:
    """Whether a row's ``label`` is a proper name -- a place, a gate, a market: "Tân Thanh",
    "Cửa khẩu Hữu Nghị", "Ga Đồng Đăng", "Hoa Kỳ" (its words capitalised after a kind of
    place, ``PLACE_KINDS``) -- not an indicator or a flow ("Xuất khẩu", "Tổng kim ngạch")."""
    words = label.split()
    if not words or (len(words) > 1 and label.isupper()):
        return False  # "XUẤT KHẨU": a section in capitals
    folded = fold(label).lower().split()
    for kind in sorted(PLACE_KINDS, key=len, reverse=True):
        n = len(kind.split())
        if folded[:n] == kind.split() and len(words) > n:
            words = words[n:]
            break
    return all(w[:1].isupper() or w[:1].isdigit() for w in words)


def _list_head(out: Sequence[tuple[str, str]], levels: Sequence[tuple[float, str]]) -> str:
    """The row a list of named parts ("Trong đó: Cửa khẩu Hữu Nghị", "Tân Thanh", ...) is
    of, when the row right above it is not a name (:func:`_is_name`): that row alone at its
    level (a total over its parts); after a run of siblings ("Tổng kim ngạch", "Xuất khẩu",
    "Nhập khẩu") the group's -- their parent, else the run's first row when it is the total
    ("Tổng kim ngạch", "Tổng số"), else none ("") -- as gates are no parts of the imports
    written last (break-test s51, kind 2).  ``out``/``levels``: :func:`row_parents`' so far."""
    level, (label, parent) = levels[-1][0], out[-1]
    run = 1
    while run < len(out) and levels[-1 - run][0] == level and out[-1 - run][1] == parent:
        run += 1
    if run == 1:
        return label
    if parent:
        return parent
    first = fold(out[-run][0]).lower().strip(" .:")
    return out[-run][0] if first.startswith("tong") or is_total_label(first) else ""


def row_parents(labels: Sequence[str], numbers: Sequence[str] = ()) -> list[tuple[str, str]]:
    """Each row's (label, parent label) of a table's rows in order: ``labels`` the label
    cells as written (indentation kept), ``numbers`` the "STT" cells if the table has them.
    A row's parent is the nearest row above it of a higher level.  A numbered row's level is
    the rank of its numbering (STT's, else its label's: "I." above "1." above "1.1" above
    "a)" above "-" above "+"); a row listing parts ("Trong đó: khách quốc tế") is one level
    under the row above; any other row is at the level of the last such plain row indented
    no more than it (one deeper when indented more than the row above), so a plain row
    after a list of parts goes back to the level of the rows before the list.  A list of
    named parts -- places, gates: "Trong đó:" over "Cửa khẩu Hữu Nghị", "Tân Thanh" -- under a
    row that names none is of the group's total, not of the row just above it, and runs on
    over the plain named rows after it (:func:`_list_head`).  A bare "Trong đó:" row parents
    the rows under it with the row it is of.  Labels come back without their numbering and
    "Trong đó:"; a row with no parent has "" (a table without numbering, parts or
    indentation: every row).  A class of a series named by its number ("3 sao", "4 sao":
    :func:`class_series`) keeps it."""
    out: list[tuple[str, str]] = []
    levels: list[tuple[float, str]] = []  # (level, label) of the rows so far
    plain: list[tuple[float, int]] = []  # (level, indent) of the plain rows so far
    last_indent = 0
    named: tuple[float, str, int] | None = None  # a list of named parts: (level, head, indent)
    series = class_series(labels)  # "3 sao", "4 sao": the number is the class's own
    for k, raw in enumerate(labels):
        indent = len(raw) - len(raw.lstrip(" \u00a0\t"))
        rank, label = (None, raw.strip()) if k in series else _numbering(raw)
        stt_rank = _numbering(numbers[k], stt=True)[0] if k < len(numbers) and \
            numbers[k].strip() else None
        parts = _PARTS_RE.match(label)
        label = _PARTS_RE.sub("", label).strip() if parts else label
        level = stt_rank if stt_rank is not None else rank
        if named is not None and (parts or level is not None or indent != named[2]
                                  or not _is_name(label)):
            named = None
        if named is not None:  # a plain name after a list of named parts: one more of them
            levels.append((named[0], label))
            last_indent = indent
            out.append((" ".join(label.split()), " ".join(named[1].split())))
            continue
        if parts and levels:
            first = label or (_numbering(labels[k + 1])[1] if k + 1 < len(labels) else "")
            if _is_name(first) and not _is_name(out[-1][0]):
                head = _list_head(out, levels)
                named = (levels[-1][0] + 0.5, head, indent if label else
                         len(labels[k + 1]) - len(labels[k + 1].lstrip(" \u00a0\t")))
                levels.append((named[0], label or head))
                last_indent = indent
                out.append((" ".join(label.split()), " ".join(head.split())))
                continue
        if level is None:
            if not levels:
                level = -1.0
            elif parts or indent > last_indent:
                level = levels[-1][0] + 0.5
            else:
                level = next((lv for lv, ind in reversed(plain) if ind <= indent),
                             levels[-1][0])
            if not parts:
                plain.append((level, indent))
        parent = next((lab for lv, lab in reversed(levels) if lv < level), "")
        # a bare "Trong đó:" row stands for the row it is of: the rows under it are its parts
        levels.append((level, label if label or not parts else parent))
        last_indent = indent
        out.append((" ".join(label.split()), " ".join(parent.split())))
    return out


def group_column(body: Sequence[Sequence[str]], label_col: int, skip: set[int],
                 header: Sequence[str] = ()) -> int | None:
    """The second label column of a table's ``body`` (rows of cell texts, a merged cell in
    its first row only), right after ``label_col``: the rows' own labels ("Xuất khẩu",
    "Nhập khẩu") beside their group's merged cell ("Chính ngạch", "Tiểu ngạch") -- a column
    with text and no figure, not mostly units read whole as the unit after a number
    (``rag.vi.numbers.unit_after``: "tỷ đồng", "xe"), with some group cell left empty beside a label
    of its own (the rows a merged group spans), and figures in columns after it; None when
    there is none.  Columns in ``skip`` (row numbers, units) are never labels.  Statistics
    offices' tables of trade by basis and direction lay their rows out so (break-test round
    9 of issue 16: DOCX vMerge, HTML rowspan, XLSX merged cells), or write the group's label
    again on each of its rows (a CSV or sheet without merged cells); a column ``header``
    (one text a column) heads "Chỉ tiêu" is the rows' indicators whatever the rows."""
    j = label_col + 1
    width = max((len(r) for r in body), default=0)
    if j >= width - 1 or j in skip:
        return None
    cells = [r[j] for r in body if j < len(r) and r[j]]
    if not cells or any(is_figure(c) or is_number(c) for c in cells) or \
            2 * sum(c == "%" or unit_after(" " + c)[0] == c for c in cells) >= len(cells):
        return None  # a unit column not headed as one: "tỷ đồng", "xe", "%"
    # a label left blank under a merged one, or written again on the next row ("Hữu Nghị |
    # Xuất khẩu", "Hữu Nghị | Nhập khẩu"): the label alone names no one row, the column
    # after it completes it (break-test bt24a: a sheet of gates, two rows each)
    spans = any(not r[label_col] and r[j] for r in body if j < len(r)) or \
        any(a[label_col] and a[label_col] == b[label_col] and a[j] and b[j] and a[j] != b[j]
            for a, b in zip(body, body[1:], strict=False) if j < min(len(a), len(b))) or \
        (j < len(header) and fold(_header_unit(header[j])[0]).strip(" .:") in _INDICATOR_HEADERS)
    figures = any(is_figure(r[k]) for r in body for k in range(j + 1, len(r)))
    return j if spans and figures else None


def table_title(rows: Sequence[Sequence[str | None]]) -> str | None:
    """The first title row of a table with figures (one text across the table, above its
    header: "MỘT SỐ CHỈ TIÊU CHỦ YẾU NĂM 2023"), or None when the table starts with its
    header or its figures -- a figure line is never a title."""
    grid = _clean(rows)
    if not grid or not any(is_figure(c) for r in grid for c in r):
        return None
    first = _distinct(grid[0])
    if len(first) == 1 and not is_figure(first[0]) and not is_number(first[0]):
        return first[0]
    return None


def table_lines(rows: Sequence[Sequence[str | None]], caption: str | None = None,
                source: Callable[[int], str] | None = None, unit: str = "",
                merged: Sequence[Sequence[bool]] | None = None) -> list[str]:
    """The lines of a table given as rows of cell texts (merged cells given once, the rest empty;
    or, with ``merged``, their text in every grid cell they span and, for each row, whether each
    cell continues a merged cell: then a merged cell of the title and header rows labels every
    column it spans -- "Năm 2022" over "Nhà nước" | "Tư nhân" -- and one of the body is read
    once, as one figure). ``caption``: the paragraph naming the table, if the reader found one;
    ``source(i)``: where row ``i`` of ``rows`` is, written after each of its figures ("trang
    tính «Quý 2025», dòng 7"); ``unit``: the unit a paragraph right after the table gives
    (:func:`unit_line`: a figure's caption "Đơn vị: triệu USD", an "Đơn vị tính:" line below
    it), when its caption, title rows and a unit row at its foot give none; then the label
    column's header's ("Chỉ tiêu (ĐVT: nghìn tấn)"). A total row labelled only "Tổng", "Tổng
    cộng", "Cộng" takes the indicator its caption or title row names (:func:`table_indicator`:
    "Tổng kim ngạch XNK") when the table has a header and its columns are periods or measures,
    not indicators of their own (a table without one may count other things in its columns:
    "Tổng số", "4 sao")."""
    # a row numbering the columns ("A | B | (1) | (2)") says nothing: neither header nor figures
    rows = [[None] * len(r) if column_numbers([c or "" for c in r]) else r for r in rows]
    spread = rows
    if merged is not None:  # the body reads a merged cell once: its first grid cell
        rows = [[("" if k < len(m) and m[k] else c) for k, c in enumerate(row)]
                for row, m in zip(rows, [*merged, *[()] * len(rows)], strict=False)]
    numbered = [(i, row) for i, row in enumerate(rows) if any((c or "").strip() for c in row)]
    grid = _clean(rows)
    full = _clean([spread[i] for i, _ in numbered], len(grid[0]) if grid else 0)
    where = {id_: i for id_, (i, _) in enumerate(numbered)}  # grid row -> given row
    if not grid:
        return []
    if not any(is_figure(c) for r in grid for c in r):
        if header_only(grid):
            return []  # a table's header with no rows under it says nothing on its own
        # no figures: a letterhead or a list laid out in a table; each cell its own line
        return [c for r in grid for c in _distinct(r)]
    lines: list[str] = []
    titles: list[str] = [caption] if caption else []
    i = 0
    while i < len(grid) and len(_distinct(grid[i])) == 1:  # title rows across the table
        lines.append(_distinct(grid[i])[0])
        titles.append(lines[-1])
        i += 1
    unit_of_table = next((u for t in titles for u in [table_unit(t)] if u), "")
    if not unit_of_table:  # a unit row at the table's foot ("Đơn vị tính: tỷ đồng"), or after
        last = max((k for k in range(i, len(grid)) if any(is_figure(c) for c in grid[k])),
                   default=len(grid))
        unit_of_table = next((table_unit(_distinct(grid[k])[0]) for k in range(last + 1, len(grid))
                              if len(_distinct(grid[k])) == 1
                              and _UNIT_ROW_RE.match(_distinct(grid[k])[0])), "") or unit \
            or percent_title(titles)
    header: list[str] = []
    header_rows: list[list[str]] = []
    while i < len(grid) - 1 and len(_distinct(grid[i])) > 1 and \
            not any(is_figure(c) for c in grid[i]):
        header_rows.append(full[i])
        i += 1
    # "So sánh (%)" after "Kế hoạch | Thực hiện": "So sánh TH/KH (%)"
    header_rows = compared_header_rows(header_rows)
    for cells in header_rows:
        header = [join_header(h, c)
                  for h, c in zip(header or [""] * len(cells), cells, strict=True)]
    body = grid[i:]
    noted = [next(c for c in r if c and c.strip()).strip() for r in body if note_row(r)]
    # a column under a period and an indicator, in either order ("Năm 2094" over "Sản lượng
    # lúa (tấn)"): headed by its period alone, its indicator the rows' total (as a corner
    # indicator's: "Sản lượng lúa › Huyện Tam Nông") and its unit the cells'
    split = [split_header([r[j] for r in header_rows if j < len(r)])
             if len(header_rows) > 1 else None for j in range(len(header))]
    col_indicator = {j: x[1:] for j, x in enumerate(split) if x is not None}
    if len(col_indicator) < 2:
        col_indicator = {}
    header = [x[0] if (x := split[j]) is not None and j in col_indicator else h
              for j, h in enumerate(header)]
    monthly = [_month_header(h) for h in header]
    based = index_base_columns(monthly)  # "Kỳ gốc 2069 | Tháng 8/2073": bases, no periods
    bases = {_header_unit(h)[0] for h, was in zip(based, monthly, strict=True) if h != was}
    header = same_period_columns(based)
    folded = [fold(h).strip(" .:") for h in header]
    skip = {j for j, h in enumerate(folded) if h in _SKIP_HEADERS}
    if body and (not folded or not folded[0]) and _row_numbers([r[0] for r in body]):
        skip.add(0)  # a first column of row numbers without a header
    unit_col = unit_column(header, body)
    period_head = period_head_column(
        header, spanned_down(body, full[i:], -1),
        skip | ({unit_col} if unit_col is not None else set())) if header else None
    label_col = next((j for j in range(len(grid[0])) if j not in skip and j != unit_col
                      and j != period_head and fold(header[j] if j < len(header) else "")
                      .strip(" .:") not in (_NOTE_HEADERS if period_head is not None else ())
                      and not all(is_figure(r[j]) or not r[j] for r in body)), 0)
    # a cell merged down a column of units or periods is every spanned row's ("tỷ đồng" over
    # two rows, "Tháng 10/2022" over its indicators): the columns are found and read on
    # the body with such cells given to each row (:func:`spanned_down`)
    seen = spanned_down(grid[i:], full[i:], label_col)
    if unit_col is None:  # "Điện thương phẩm | GWh | 1.733" with no header, or a blank one
        unit_col = bare_unit_column(seen, label_col, skip, header)
    taken = skip | ({unit_col} if unit_col is not None else set())
    period_at = period_column(seen, label_col, taken, header, titles, period_head) \
        if header else None
    period_col = period_at[0] if period_at is not None else None
    for col in (unit_col, period_col):
        for row, shown in zip(body, seen, strict=True):
            if col is not None and col < len(row):
                row[col] = shown[col]
    inner_col = group_column(grid[len(grid) - len(body):], label_col,
                             taken | ({period_col} if period_col is not None else set()), header)
    carried: set[int] = set()  # body rows whose label is a merged cell's above them
    if merged is not None and inner_col is None:
        # a row label merged down over rows labels each of them (with a second label
        # column it is a group over them instead: "Chính ngạch › Nhập khẩu", below)
        for k in range(len(grid) - len(body), len(grid)):
            if not grid[k][label_col] and full[k][label_col] and \
                    not is_figure(full[k][label_col]):
                grid[k][label_col] = full[k][label_col]
                carried.add(k)
    if period_col is not None and merged is None:  # a name left blank below its own: the same
        for k in range(len(grid) - len(body) + 1, len(grid)):
            if not grid[k][label_col] and grid[k][period_col] and grid[k - 1][label_col]:
                grid[k][label_col] = grid[k - 1][label_col]
                carried.add(k)
    if inner_col is not None:  # each row under its group's cell: "Chính ngạch" over two rows
        group = ""
        for k in range(len(grid) - len(body), len(grid)):
            if len(_distinct(grid[k])) == 1:
                group = ""  # a section row ("I. Xuất khẩu") starts other groups
            elif grid[k][label_col] or not grid[k][inner_col]:
                group = grid[k][label_col]
            else:
                grid[k][label_col] = group
    corner_indicator, corner_unit, kind = corner_names(
        [r[label_col] for r in header_rows if label_col < len(r)])
    # "Mặt hàng xuất khẩu" over the rows captions them, when no caption says it already
    said = corner_caption([r[label_col] for r in header_rows if label_col < len(r)])
    if said and not set(fold(said).lower().split()) <= set(fold(" ".join(titles)).lower().split()):
        lines.append(said)
        titles.append(said)
    if not unit_of_table and header and label_col < len(header):
        unit_of_table = table_unit(header[label_col])  # "Chỉ tiêu (ĐVT: nghìn tấn)"
    unit_of_table = unit_of_table or corner_unit
    context = _context(titles)
    running = running_phrase(titles)
    order = sorted(range(len(header) or len(grid[0])),
                   key=lambda j: bool(header) and _PLAN_RE.match(folded[j]) is not None)
    first_body = len(grid) - len(body)
    rows_at = sorted(range(first_body, len(grid)),
                     key=lambda k: not is_total_label(fold(grid[k][label_col]).strip()))
    stt_col = next(iter(sorted(skip)), None)
    raw_rows = [list(rows[where[k]]) for k in range(first_body, len(grid))]
    for k in carried:
        if label_col < len(raw_rows[k - first_body]):
            raw_rows[k - first_body][label_col] = grid[k][label_col]
    body_labels = [
        (str(r[label_col] or "") if label_col < len(r) else "")
        if len(_distinct(grid[first_body + n])) > 1 else _distinct(grid[first_body + n])[0]
        for n, r in enumerate(raw_rows)]
    if inner_col is not None:  # a group's label carried down to the rows it spans
        body_labels = [lab if lab.strip() else grid[first_body + n][label_col]
                       for n, lab in enumerate(body_labels)]
    body_numbers = [str(r[stt_col] or "") if stt_col is not None and stt_col < len(r) else ""
                    for r in raw_rows]
    parents = row_parents(body_labels, body_numbers)
    # the caption's indicator for a total row, when no column header names one of its own
    value_heads = [h for j, h in enumerate(header) if j not in skip and j not in
                   (unit_col, label_col, inner_col, period_col) and h.strip()]
    # a table whose rows are periods: each line is headed by its row's period, its column
    # header the indicator ("Năm 2028 — Xuất khẩu: 1.610,5 triệu USD")
    data_rows = [k for k in range(first_body, len(grid)) if len(_distinct(grid[k])) > 1]
    times = period_rows([grid[k][label_col] for k in data_rows], value_heads, titles) \
        if inner_col is None and period_col is None else None
    row_times = dict(zip(data_rows, times, strict=True)) if times is not None else None
    # the titles' indicator for a total row: "Kết quả giải ngân vốn đầu tư công …" names it too
    titled = next((x for t in titles for x in [total_indicator(t)] if x), "")
    own_heads = not value_heads or any(not _MEASURE_HEADER_RE.search(fold(h)) and
                                       not find_mentions(h, 2000) for h in value_heads)
    indicator = "" if own_heads else titled
    # a table's one total row at the top level, labelled by its caption: the other top-level
    # rows are its parts ("Tổng giá trị hàng nông sản xuất khẩu › Hạt điều"), so that a
    # question naming a part finds the total's words beside the part's own
    # -- a total row with no value (its cells formulas a script saved without their values,
    # or left blank) totals nothing: no other row is its part (break-test round 28 of
    # issue 16: an empty "Tổng" row made "Tổng kim ngạch … › Cao su" of a part)
    def valued(n: int) -> bool:
        return any(c.strip() for j, c in enumerate(grid[first_body + n])
                   if j not in skip and j not in (unit_col, label_col, inner_col, period_col))

    totals = [n for n, (own, parent) in enumerate(parents) if not parent and
              _TOTAL_ONLY_RE.fullmatch(fold(own).strip()) and valued(n)]
    if own_heads and value_heads and len(totals) == 1 and row_times is None and \
            all(_MEASURE_HEADER_RE.search(fold(h)) or find_mentions(h, 2000) or
                restates_indicator(h, titled) for h in value_heads):
        # a column only repeating the title's words ("Giải ngân (tỷ đồng)" under "Kết quả
        # giải ngân vốn đầu tư công") names no indicator of its own: the total row is the title's
        indicator = titled
    whole = _total_label(indicator) if indicator and len(totals) == 1 else ""
    # ... or, in columns splitting the title's indicator into its parts and its total by its
    # own words ("Xuất khẩu | Nhập khẩu | Tổng" under "Kim ngạch xuất nhập khẩu qua các cửa
    # khẩu"), the total row's cell of the total column is the title's total; its cells of the
    # parts stay the row's ("Xuất khẩu — Tổng số": the exports' total, no trade total)
    splits = {j: breakdown_head(h, titled) for j, h in enumerate(header)} \
        if titled and not indicator and len(totals) == 1 and row_times is None else {}
    split_total = _total_label(titled) if splits and "total" in splits.values() and all(
        splits.get(j) or _MEASURE_HEADER_RE.search(fold(h)) or find_mentions(h, 2000)
        for j, h in enumerate(header) if h in value_heads) else ""
    # ... or, with no total row, the caption's measure noted after each figure
    # (:func:`caption_measure`)
    # -- not over rows a "Chỉ tiêu" header says are indicators themselves ("Chỉ tiêu" over
    # "Số siêu thị", "Số chợ": the caption then names their topic, "Hạ tầng thương mại")
    indicator_rows = bool(header) and label_col < len(header) and \
        fold(_header_unit(header[label_col])[0]).strip(" .:") in _INDICATOR_HEADERS
    measure = caption_measure(table_indicator(caption)) if caption and not totals and \
        not own_heads and not indicator_rows and row_times is None else ""
    # ... or labelled by its own words ("Tổng sản lượng khai thác khoáng sản"), its parts
    # the other top-level rows ("… › Than") when it is their sum: "Tổng mức bán lẻ", "Tổng
    # sản phẩm (GRDP)" are indicators of their own that start with "Tổng"
    named = [n for n, (own, parent) in enumerate(parents) if not parent and
             _TOTAL_NAMED_RE.match(fold(own).strip())]
    if not whole and not totals and len(named) == 1:
        top = [grid[first_body + n] for n, (_, parent) in enumerate(parents)
               if not parent and n != named[0]]
        if sums_up(grid[first_body + named[0]], top,
                   [j for j in range(len(grid[0])) if j not in skip and j != label_col]):
            whole = _header_unit(_LABEL_NUMBER_RE.sub("", parents[named[0]][0]))[0]
        else:
            named = []
    for k in rows_at:
        row = grid[k]
        if len(_distinct(row)) == 1 and not is_figure(_distinct(row)[0]):
            if _TOTAL_ONLY_RE.fullmatch(fold(_distinct(row)[0]).strip()):
                continue  # a "Tổng" row without values heads no section
            lines.append(_distinct(row)[0])  # a section row ("I. Xuất khẩu")
            if _UNIT_ROW_RE.match(lines[-1]):
                unit_of_table = table_unit(lines[-1])  # "Đơn vị tính: tỷ đồng" below
            continue
        own, parent = parents[k - first_body]
        if row_times is not None:
            own, parent = grid[k][label_col], ""
        if indicator and not parent and _TOTAL_ONLY_RE.fullmatch(fold(own).strip()):
            own = _total_label(indicator)  # "Tổng" -> "Tổng kim ngạch XNK"
        elif whole and not parent and k - first_body not in named:
            parent = whole
        elif corner_indicator and not parent:
            if _TOTAL_ONLY_RE.fullmatch(fold(own).strip()):
                own = _total_label(corner_indicator)
            else:  # "Kim ngạch xuất khẩu (triệu USD)" over the gates: "… › Hữu Nghị"
                parent = corner_indicator
        if kind and not _TOTAL_ONLY_RE.fullmatch(fold(own).strip()) and \
                not fold(own).startswith(fold(kind)) and not names_own_kind(own):
            own = f"{kind} {own}"  # "Huyện" over "Cao Lộc": "huyện Cao Lộc"
        elif kind and not parent and _TOTAL_ONLY_RE.fullmatch(fold(own).strip()):
            # a total row over places of one kind, its title naming no indicator ("Tên cụm
            # công nghiệp" over the parks, "Tổng cộng" last): the total of those places,
            # "Tổng cộng các cụm công nghiệp" -- its bare "Tổng cộng" shared no word of a
            # question asking the parks' total, which one park's row answered (break-test
            # bt19b Q64-Q66); "Tổng cộng" whatever the row wrote, as "Tổng số các huyện" would
            # read as a count of "các huyện" (rag.vi.lexicon.label_count_noun)
            own = f"Tổng cộng các {kind}"
        label, label_unit = _header_unit(_LABEL_NUMBER_RE.sub("", _BULLET_RE.sub("", own)))
        if not label_unit and _PERCENT_LABEL_RE.search(label):
            # a row "Tốc độ tăng (%)": its cells are percentages ("6,2%"), the "(%)" no word
            label, label_unit = _PERCENT_LABEL_RE.sub("", label), "%"
        counted = label_count_noun(label)
        if counted and not label_unit and unit_col is None and is_money(unit_of_table):
            # "Số dự án cấp mới" under "Vốn đầu tư ... (tỷ đồng)": a count of its own noun,
            # not of the caption's money ("44 dự án", not "44 tỷ đồng"; break-test s46 bt17w);
            # a caption's "(nghìn lượt)" over "Số lượt khách" keeps its magnitude
            label_unit = counted
        if parent:  # "Kim ngạch XNK mở tờ khai › Xuất khẩu": the total a part belongs to
            label = f"{_header_unit(parent)[0]} › {label}"
        if inner_col is not None and row[inner_col]:  # "Chính ngạch › Nhập khẩu"
            # the row's own label gives its unit as a one-column label does: "Xuất khẩu" over
            # "Kim ngạch (triệu USD)" | "So cùng kỳ (%)" (break-test round 12 of issue 16)
            inner, inner_unit = _header_unit(row[inner_col])
            if not inner_unit and _PERCENT_LABEL_RE.search(inner):
                inner, inner_unit = _PERCENT_LABEL_RE.sub("", inner), "%"
            label_unit = inner_unit or label_unit
            label = f"{label} › {inner}" if label else inner
        unit = (row[unit_col] if unit_col is not None else "") or label_unit or unit_of_table
        values = []
        filled = [j for j in order if j not in skip and
                  j not in (unit_col, label_col, inner_col, period_col) and
                  row[j] not in _EMPTY_VALUES]
        for j in order:
            value = row[j]
            if j in skip or j in (unit_col, label_col, inner_col, period_col) or \
                    value in _EMPTY_VALUES:
                continue
            name, header_unit = _header_unit(header[j]) if header else ("", "")
            if header and not header_unit and not unit:
                header_unit = total_column_unit(header, row, j, filled)
            # a header's own unit wins over the unit column; "(%)" means a ratio: "%" -- also
            # a group's "So sánh (%)" over its sub-headers "TH/KH", "Cùng kỳ" (issue 17 K8)
            column, column_unit = col_indicator.get(j, ("", ""))
            # a price over a "Đơn vị tính" cell: paid per that unit ("đồng/kg", not "kg")
            per_unit = price_per_unit(name, header_unit, row[unit_col], titles, unit_of_table) \
                if unit_col is not None and not column_unit and row[unit_col] else ""
            if header and not (header_unit or column_unit or per_unit) and \
                    unit == unit_of_table and is_money(unit):
                # a column counting things ("Số tờ khai", "Số lượt xe") beside money columns
                # counts its own noun, as a row "Số dự án" does above: not "1.612 nghìn USD"
                # under "Đơn vị tính: nghìn USD" (break-test bt26, session 53;
                # tests/test_count_columns.py)
                header_unit = label_count_noun(name)
            values.append((name, _with_unit(value, "%" if _PERCENT_HEADER_RE.search(name)
                                            or _PERCENT_GROUP_RE.search(name)
                                            or _PLAN_RATIO_HEAD_RE.search(fold(name).lower())
                                            else "" if "%" in name else
                                            per_unit or header_unit or column_unit or unit),
                           column, j))
        ref = source(where[k]) if source is not None else ""
        if not header:
            line = f"{label}: " + "; ".join(v for _, v, _, _ in values) if label else \
                "; ".join(v for _, v, _, _ in values)
            lines.append(f"{line} ({ref})" if ref else line)
            continue
        for name, value, column, j in values:
            if row_times is not None:  # the row's period first, the column's indicator after
                name, label = row_times[k], name
                if indicator and base_only_head(label) and caption_measure(indicator):
                    # a column naming only its base: the caption's indicator with that base
                    # ("Chỉ số giá tiêu dùng so với tháng trước")
                    measured = caption_measure(indicator)
                    label = f"{measured[:1].upper()}{measured[1:]} {label[:1].lower()}{label[1:]}"
            elif period_at is not None and period_at[1][k - first_body]:
                # the row's period cell heads its figures, a measure its column names after it
                # ("Quý II/2022 — Kim ngạch xuất khẩu nông sản: 158 triệu USD")
                period = period_at[1][k - first_body]
                name = period if fold(name).strip(" .:") in _VALUE_HEADERS | {""} \
                    else f"{period}, {name}"
            # the column first, so that the row's label -- the indicator the question names --
            # stands next to the value whatever the column's header ("Kế hoạch 2022",
            # "Ước thực hiện 2022"), as in a sentence ("kim ngạch ... đạt 2.710,5")
            cell_label = label
            if split_total and splits.get(j) == "total" and not parent and \
                    k - first_body in totals:
                cell_label = split_total  # "Tổng — Tổng kim ngạch xuất nhập khẩu ...": the whole
            if column:  # the column's indicator over the row's place or part; a total row its own
                cell_label = column if not label or is_total_label(
                    fold(label).strip()) else f"{column} › {label}"
            head = " — ".join(p for p in (name, cell_label) if p)
            line = f"{head}: {value}" if head else value
            # a titled year run to a day ("năm 2072 (đến hết ngày 31/10/2072)"): the actual
            # figures are of the days to it, the plan's of the year; a base's year is no period
            # of the figure: "So với kỳ gốc 2069" notes the title's
            dated = running if running and not _PLAN_RE.match(fold(name).strip()) else context
            notes = [dated] if dated and not _YEAR_RE.search(
                line[len(name):] if name in bases else line) else []
            if measure and not parent and not label_unit and unit_col is None and \
                    not _MEASURE_START_RE.match(fold(label)) and \
                    not _names_measure(label, measure) and fold(measure) not in fold(line):
                notes.insert(0, measure)  # the caption's measure: "(Giá trị sản xuất; …)"
            notes += [ref] if ref else []
            if notes:
                line += f" ({'; '.join(notes)})"
            lines.append(line)
    if period_head is not None:  # a note under a long-form table's rows, kept as written
        lines += noted
    return lines


def noted_lines(rows: Sequence[Sequence[str | None]], caption: str | None, unit: str,
                named: str = "", merged: Sequence[Sequence[bool]] | None = None) -> list[str]:
    """The lines of a table (:func:`table_lines`) whose unit ``unit`` a note under it gives,
    with the caption it names (``named``, from :func:`unit_note`) as the table's first line
    when the reader found none above it, or only a paragraph it took for one (a heading, a
    lead-in: not a "Bảng 2. …" caption): the note is the table's own, the figures' indicator
    and period then read as they would under a caption."""
    if named and not (caption and CAPTION_RE.match(caption)):
        lines = table_lines(rows, named, unit=unit, merged=merged)
        return [named, *lines] if lines else lines
    return table_lines(rows, caption, unit=unit, merged=merged)


class Blocks:
    """A text's blocks as a reader meets them, paragraphs and tables written as lines in
    order, so that a unit line right after a table -- "Đơn vị tính: tỷ đồng" below it, a
    figure's caption "Đơn vị: triệu USD" -- still gives the table its unit
    (:func:`unit_line`); the line stays a block of its own.  ``blocks`` is the text so far."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self._last: tuple[int, Sequence[Sequence[str | None]], str | None,
                          Sequence[Sequence[bool]] | None] | None = None

    def paragraph(self, text: str) -> None:
        """Add a paragraph: a unit note gives the table just before it its unit, and its
        caption when it had none (:func:`unit_note`; a source line between them is passed
        over)."""
        if self._last is not None:
            at, rows, caption, merged = self._last
            unit, named = unit_note(text)
            if unit:
                self.blocks[at] = "\n".join(noted_lines(rows, caption, unit, named, merged))
            if unit or not is_source_line(text):
                self._last = None
        self.blocks.append(text)

    def table(self, rows: Sequence[Sequence[str | None]], caption: str | None = None,
              merged: Sequence[Sequence[bool]] | None = None) -> None:
        """Add a table as its lines (:func:`table_lines`, ``merged`` as there); nothing for a
        table without any."""
        lines = table_lines(rows, caption, merged=merged)
        self._last = (len(self.blocks), rows, caption, merged) if lines else None
        if lines:
            self.blocks.append("\n".join(lines))
