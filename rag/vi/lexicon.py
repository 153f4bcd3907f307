"""Domain vocabulary: abbreviations users type and English terms, mapped to the reports' words."""

from __future__ import annotations

import re

from rag.vi.text import fold

# The Latin initialisms a report writes either alone or as their words, the one for the
# other (issue 17 break-test bt15-b17 failure 1: "CPI bình quân 11 tháng" refused at 1.0 of
# a bulletin that writes only "chỉ số giá tiêu dùng ... bình quân 11 tháng tăng 3,05%").
# A passage's words are read as either (rag.answer.figures.text_terms): the question keeps
# what it typed -- "GRDP", "FDI", "ODA" are not read out in ABBREVIATIONS (see there) -- and
# a figure whose text writes the other form still holds it.
INITIALISMS: dict[str, str] = {
    "cpi": "chỉ số giá tiêu dùng",
    "iip": "chỉ số sản xuất công nghiệp",
    "grdp": "tổng sản phẩm trên địa bàn",
    "fdi": "đầu tư trực tiếp nước ngoài",
    "oda": "hỗ trợ phát triển chính thức",
}

# Folded abbreviation -> the words the reports use.  Matched as whole words, any case.
ABBREVIATIONS: dict[str, str] = {
    "knxnk": "kim ngạch xuất nhập khẩu",
    "knxk": "kim ngạch xuất khẩu",
    "knnk": "kim ngạch nhập khẩu",
    "kn": "kim ngạch",
    "nsnn": "ngân sách nhà nước",
    "ktxh": "kinh tế - xã hội",
    "ubnd": "Ủy ban nhân dân",
    "hdnd": "Hội đồng nhân dân",
    "hđnd": "Hội đồng nhân dân",
    "xnk": "xuất nhập khẩu",
    "xk": "xuất khẩu",
    "nk": "nhập khẩu",
    "sxcn": "sản xuất công nghiệp",
    "cssxcn": "chỉ số sản xuất công nghiệp",
    "iip": "chỉ số sản xuất công nghiệp",
    "tmbl": "tổng mức bán lẻ",
    "tmdv": "thương mại dịch vụ",
    "dn": "doanh nghiệp",
    "dnnvv": "doanh nghiệp nhỏ và vừa",
    "htx": "hợp tác xã",
    "ccn": "cụm công nghiệp",
    "kcn": "khu công nghiệp",
    "cchc": "cải cách hành chính",
    "tthc": "thủ tục hành chính",
    "tmdt": "thương mại điện tử",
    "qltt": "quản lý thị trường",
    "xttm": "xúc tiến thương mại",
    "cpi": "CPI chỉ số giá tiêu dùng",
    # the initialisms of other departments' reports a question or a table writes for the
    # words a sentence writes (break-test bt9-b16 failure 5: "tỷ lệ tốt nghiệp THPT");
    # a Latin acronym keeps itself, as "cpi" does, for the reports that write it alone.
    # Not "GRDP": the dev reports write it alone or beside its words ("Tổng sản phẩm trên
    # địa bàn tỉnh (GRDP)"), and written out it lost "GRDP 2070 ở vị trí thứ bao nhiêu?"
    # its rank (tests/test_rank_wordings_english_products.py) and "tỷ trọng công nghiệp -
    # xây dựng trong GRDP" its figure (dev d126, seed s005).  Nor "FDI", "ODA", for the same
    # reason: reports write "dự án FDI", "vốn ODA" alone, and read out ("FDI đầu tư nước
    # ngoài") a question's extra words cost it that figure ("Tổng vốn đăng ký các dự án FDI
    # giai đoạn 2031 - 2035 gấp bao nhiêu lần", tests/test_multiples.py)
    # a province's "GDP" is its GRDP, as its reports write it ("Tốc độ tăng trưởng kinh tế
    # (GRDP) quý I/2071 ước đạt 7,14%"): a question's "GDP" (English or Vietnamese, as people
    # say it) asks that figure -- read as "GRDP", never as words no report writes (break-test
    # bt17m: "GDP growth of Lang Son in Q1 2071?" refused; tests/test_budget_parts.py)
    "gdp": "GRDP",
    "dtnn": "đầu tư nước ngoài",
    "thpt": "trung học phổ thông",
    "thcs": "trung học cơ sở",
    "ntm": "nông thôn mới",
    "bhxh": "bảo hiểm xã hội",
    "bhyt": "bảo hiểm y tế",
    "bhtn": "bảo hiểm thất nghiệp",
    "vsattp": "vệ sinh an toàn thực phẩm",
    "xdcb": "xây dựng cơ bản",
    "sxkd": "sản xuất kinh doanh",
    "gtsx": "giá trị sản xuất",
    "cntt": "công nghệ thông tin",
    "kkt": "khu kinh tế",
    "sct": "Sở Công Thương",
    "ls": "Lạng Sơn",
    "3t": "3 tháng",
    "6t": "6 tháng",
    "9t": "9 tháng",
    "q1": "quý I",
    "q2": "quý II",
    "q3": "quý III",
    "q4": "quý IV",
    "h1": "6 tháng đầu năm",
    "h2": "6 tháng cuối năm",
    "kh": "kế hoạch",
    "tr": "triệu",
    "ty": "tỷ",
}

# The standing of a plan/actual table's column, abbreviated before its period (folded token
# -> words): "KH 2019 | TH 2019 | So cùng kỳ (%)" (break-test bt26-b16 khai_khoang_2019.pdf),
# "TH 2020, KH 2021, TH 2021" (tests/data/dev2/build_docs.py), "ƯTH 2028/TH 2027 (%)",
# "ƯTH 2028/KH 2028 (%)" (bt-b17 of session 30, bieu_kehoach_2028.csv), "ƯTH 2030/TH 2029"
# (session 31, bieu_thuysan_2030.csv).  Read only in a column header, before a period or
# beside a "/" (:func:`spell_header`): "TH" alone is as often "tiểu học", "trường học".
HEADER_ABBREVIATIONS: dict[str, str] = {
    "th": "thực hiện",
    "uth": "ước thực hiện",
    "kh": "kế hoạch",
}
# such a token in a header: before a year, a span of months ("6T", "6 tháng"), "năm", "quý",
# "cả năm", or on either side of a "/" ("TH/KH", "ƯTH 2028/TH 2027")
_HEADER_TOKEN_RE = re.compile(
    r"(?<![\w/])(TH|ƯTH|UTH|KH)(?=\s*/|\s+(?:(?:19|20)\d\d\b|\d{1,2}\s*T\b|\d{1,2}\s+tháng"
    r"|năm\b|quý\b|cả năm\b))|(?<=/)\s*(TH|ƯTH|UTH|KH)(?!\w)", re.IGNORECASE)


def spell_header(head: str) -> str:
    """The plan/actual abbreviations of a table column's header ``head`` spelled out
    (:data:`HEADER_ABBREVIATIONS`): "TH 2019" -> "thực hiện 2019", "ƯTH 2028/KH 2028 (%)" ->
    "ước thực hiện 2028/kế hoạch 2028 (%)"; "" when ``head`` writes none (a token not
    before a period nor beside a "/" is left: "Trường TH" is a primary school)."""
    found = False

    def repl(m: re.Match[str]) -> str:
        nonlocal found
        found = True
        token = m.group(1) or m.group(2)
        lead = m.group(0)[:len(m.group(0)) - len(m.group(0).lstrip())]
        return lead + HEADER_ABBREVIATIONS[fold(token.strip()).lower()]

    out = _HEADER_TOKEN_RE.sub(repl, head)
    return out if found else ""


# A table column's header abbreviating what its cells measure, as the offices' tables write
# it (folded token -> words), read by :func:`spell_column_words`.  Evidence: "XNK" heads and
# labels the Department's tables (dev reports dv16 "Kim ngạch XNK", dv27 chi-tieu-theo-quy,
# dv31 and dv32 "KN XNK mở tờ khai", dev2 e06, e08); "KN" beside it (dv31, dv32); "XK" a
# break-test workbook's sheet "Mat hang XK" (bt17u) and the commodity tables "Mặt hàng | XK |
# NK | Tổng kim ngạch" of customs and trade reports (session 46, totalcol); "SL"/"GT" the
# "sản lượng"/"giá trị" column pair of those tables.  Read anywhere in a header, written in
# capitals and standing alone: "TK" (Tân Khánh), "NK-01" (a code), "Xk" are left.
COLUMN_MEASURES: dict[str, str] = {
    "XNK": "xuất nhập khẩu",
    "XK": "xuất khẩu",
    "NK": "nhập khẩu",
    "KN": "kim ngạch",
    "SL": "sản lượng",
    "GT": "giá trị",
}
# A column's base of comparison abbreviated after "%", "so" or beside a "/": "% KH", "So KH
# năm (%)" (dv16, dv29), "Tỷ lệ so KH (%)" (dev4 b17k), "% CK", "So CK (%)", "ƯTH/CK"
# (rag.vi.frames.sentence: reports write "so CK"), "% DT TW", "% DT HĐND" (dev2 e09, a budget
# table: "DT" the "dự toán" compared with there, as "DT TW giao" beside it -- alone, "DT" is
# as often "doanh thu", and is left), "TH 2021 so TH 2020 (%)" (dev2 e06; "TH" alone is as often
# "tiểu học", see :data:`HEADER_ABBREVIATIONS`).  "CKNT" before "CK", the longer token first.
COLUMN_BASES: dict[str, str] = {
    "CKNT": "cùng kỳ năm trước",
    "CK": "cùng kỳ",
    "KH": "kế hoạch",
    "DT": "dự toán",
    "TH": "thực hiện",
}
_MEASURE_TOKEN_RE = re.compile(
    r"(?<![\w/.-])(" + "|".join(sorted(COLUMN_MEASURES, key=len, reverse=True)) + r")(?![\w/.-])")
_BASE_TOKEN_RE = re.compile(
    r"(?:(?<=%)|(?<![\w])(?<=[Ss]o )|(?<=[Ss]o với )|(?<=/))\s*("
    + "|".join(COLUMN_BASES) + r")(?!\w)"
    # "DT TW giao", "DT HĐND giao": the plan a budget's giver set
    r"|(?<![\w/])(DT)(?=\s+(?:TW|HĐND|tỉnh|trung ương)\b[^/]*\bgiao\b)")


def spell_column_words(head: str) -> str:
    """The words that the office abbreviations of a table column's header ``head`` stand for,
    space-joined: the measures of :data:`COLUMN_MEASURES` anywhere ("XK" -> "xuất khẩu",
    "Tổng KN XNK" -> "kim ngạch xuất nhập khẩu") and the bases of :data:`COLUMN_BASES` after
    "%", "so" or a "/" ("% KH" -> "kế hoạch", "So CK (%)" -> "cùng kỳ"); "" when ``head``
    writes none.  The header itself is not rewritten: a line shows "XK — Hạt tiêu: 41,7",
    and its words count as the column's (rag.answer.figures.describe).  Capitals only and
    whole tokens: "TK", "Xk", "NK-02", "Số CK" (a count of gates) give nothing."""
    words = [COLUMN_MEASURES[m.group(1)] for m in _MEASURE_TOKEN_RE.finditer(head)]
    words += [COLUMN_BASES[m.group(1) or m.group(2)] for m in _BASE_TOKEN_RE.finditer(head)]
    return " ".join(words)


# Vietnamese words for the same thing (folded), as reports and questions write them either
# way: tourism counts "khách quốc tế" (dev reports dv13, dv24, dv32; "khách nội địa" beside
# them) and a report or a user writes "khách nước ngoài" (break-test bt9-b17 failure 1:
# "khách quốc tế lưu trú" refused at 1.0 over "trong đó khách nước ngoài 52,3 nghìn lượt");
# "thu nội địa" of budget reports is the revenue "trong nước".  A frame's indicator is read
# with each of them (rag.answer.figures.describe); abbreviations ("DN", "HTX", "XNK") are
# ABBREVIATIONS', read both ways already.
# Farm animals counted by head in the Department's and statistics offices' reports (folded).
LIVESTOCK: tuple[str, ...] = ("trau", "bo", "lon", "heo", "de", "ngua", "cuu", "gia suc",
                              "gia cam", "ga", "vit", "ngan", "ngong")
SYNONYMS: tuple[frozenset[str], ...] = (
    frozenset({"quoc te", "nuoc ngoai"}),
    frozenset({"noi dia", "trong nuoc"}),
    # fruit, as customs news writes it both ways ("hoa quả tươi", "trái cây tươi": dv07 holds
    # both; dv02, dv08, dv25 "hoa quả"; dv01, dv06 "trái cây")
    frozenset({"hoa qua", "trai cay"}),
    # a livestock count, as reports and questions name it: "đàn trâu", "tổng đàn lợn" (bt
    # reports of round 9-15: "Tổng đàn trâu hiện có 84...", "đàn vịt 640 nghìn con", "Đàn bò
    # toàn tỉnh có 27...") and a table's "Số con bò | nghìn con" (bt13-b17 failure 8: "đàn bò
    # ... đạt bao nhiêu % kế hoạch?" refused at 1.0) -- one group for each animal
    *(frozenset({f"dan {a}", f"tong dan {a}", f"so con {a}"}) for a in LIVESTOCK),
    # the visitors counted, as reports and questions write it either way: "đón 3.184.750 lượt
    # khách" (dev reports), "lượng khách tăng khá: ước 826,5 nghìn lượt" (dev reports), "Tổng
    # lượng khách du lịch" (seeds/002), dev question d066 "lượng khách du lịch giảm bao nhiêu"
    # (bt16-b17 failure 2: "lượt khách 6 tháng đầu năm" refused at 1.0 over "lượng khách")
    frozenset({"luot khach", "luong khach"}),
    # what tourists spend, as the province's reports name it in the same place (after the
    # visitors counted): "doanh thu du lịch ước 356,2 tỷ đồng" (dev dv02, dv04, dv24), "tổng
    # thu từ du lịch ước ..." (dv03, dv14), "Tổng thu từ khách du lịch ước đạt ..." (dv13);
    # bt20-b17 failure 10: "doanh thu du lịch dịp 30/4 năm ngoái?" refused at 1.0 over "Tổng
    # thu từ khách du lịch ước đạt 412,6 tỷ đồng"
    # ... and "tổng doanh thu từ du lịch đạt 3.842,5 tỷ đồng" (dev e05), the everyday "thu từ
    # du lịch" of a user's question (session 39 break-test Q17's kind)
    # ... and "từ hoạt động du lịch": "Tổng doanh thu từ hoạt động du lịch ước đạt 41,3 tỷ
    # đồng" (dev2 e11), "Tổng thu từ hoạt động du lịch dịp Tết ước đạt 468,3 tỷ đồng" (issue
    # 17 break-test bt17p: "Doanh thu du lịch Tết 2091 tăng trưởng bao nhiêu?" got the whole
    # sentence, no figure; tests/test_share_subject_basis.py)
    frozenset({"doanh thu du lich", "tong thu tu du lich", "tong thu tu khach du lich",
               "tong thu du lich", "tong doanh thu tu du lich", "thu tu du lich",
               "tong thu tu hoat dong du lich", "tong doanh thu tu hoat dong du lich",
               "doanh thu tu hoat dong du lich", "thu tu hoat dong du lich"}),
    # the worth of a thing in money: "giá trị hợp đồng" (investment reports, a table column
    # "Giá trị (tỷ đồng)") is the customs' and the press's "trị giá" ("hợp đồng trị giá 50 tỷ
    # đồng", "trị giá hàng hóa vi phạm"), asked either way (break-test s42: "trị giá hợp đồng
    # năm 2011?" of a column "Giá trị"); "giá" alone is a price, no worth
    frozenset({"gia tri", "tri gia"}),
)
# a livestock count named (folded): the animal is group 1 ("tổng đàn lợn", "số con bò")
LIVESTOCK_RE = re.compile(r"\b(?:tong dan|dan|so con|so luong)\s+(" + "|".join(
    sorted(LIVESTOCK, key=len, reverse=True)) + r")\b")


def livestock_named(text: str) -> frozenset[str]:
    """The animals (folded, :data:`LIVESTOCK`) whose count by head ``text`` names: "Tổng đàn
    lợn, đàn gà" -> {"lon", "ga"}; empty when it names none."""
    return frozenset(LIVESTOCK_RE.findall(fold(text).lower()))


_SYNONYM_RE = re.compile(r"\b(" + "|".join(sorted((p for g in SYNONYMS for p in g), key=len,
                                                  reverse=True))
                         + r")\b(?!(?<=khach) hang\b|(?<=du lich) lu hanh\b)")
# (not "lượt khách hàng": "khách hàng" are an utility's customers, no visitors; nor "doanh
# thu du lịch lữ hành", the travel agencies' part the GSO counts within the retail total --
# "doanh thu du lịch lữ hành đạt 265 tỷ đồng" beside the tourists' whole spending, dev3
# cuc_thong_ke_thang9_2073, dv01 "du lịch lữ hành đạt 41,8 tỷ đồng"; only after those words:
# "giá trị hàng hóa" is the "trị giá hàng hóa")


def synonym_variants(text: str) -> list[str]:
    """``text`` folded and lower-cased, with each phrase of :data:`SYNONYMS` it holds written
    as each of its synonyms in turn ("khách nước ngoài" -> ["khach quoc te"]); empty when it
    holds none.  The variants say the same thing in the other words, for matching a question
    worded either way."""
    folded = fold(text).lower()
    out: list[str] = []
    for m in _SYNONYM_RE.finditer(folded):
        for other in sorted(next(g for g in SYNONYMS if m.group(1) in g) - {m.group(1)}):
            out.append(folded[:m.start(1)] + other + folded[m.end(1):])
    return out


# The statistics office's names of indicators and the everyday words a user asks them by
# (folded: a pattern of the official name as reports write it -> the everyday names).  The
# official names are those of the GSO's monthly socio-economic reports ("Tình hình kinh tế -
# xã hội", Tổng cục Thống kê) and the provincial statistics offices' reports that copy them,
# as the dev reports write them:
# - "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng" (dv01, dv02, dv04, dv32, e01,
#   e02, seed 004, dev3 cuc_thong_ke_thang9_2073) is the "doanh thu bán lẻ" a user asks
#   (dev3 r18-q10 "doanh thu bán lẻ lũy kế 9 tháng 2074?" of its 28.640 tỷ đồng);
# - "Thu ngân sách nhà nước trên địa bàn" (dv01-dv04, dv09, dv10, dv24, dv32, e01, e02) is
#   the "thu ngân sách" of dev questions e009, e034, h040, r13-q04;
# - "Vốn đầu tư thực hiện từ nguồn ngân sách nhà nước (do địa phương quản lý)" (dv01, e01;
#   "Vốn đầu tư thuộc nguồn ngân sách nhà nước": ho01) is what the press and users call "vốn
#   đầu tư công" (dev3 r13's "giải ngân vốn đầu tư công").
# One way only: the official name says the everyday words, never the reverse -- a report's
# everyday wording of a part ("trong đó doanh thu bán lẻ hàng hóa 42.310 tỷ đồng", the GSO's
# first component of the retail total; dev3 r17-q09) is no official total.  A frame's
# indicator is read with each (rag.answer.figures.indicator_readings).
EVERYDAY_NAMES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"tong muc ban le hang hoa(?: va doanh thu dich vu(?: tieu dung)?)?",
     ("doanh thu ban le",)),
    # ... "trên địa bàn" of the province, never of a district under it: "Tổng thu ngân sách
    # nhà nước trên địa bàn huyện" is a part (NARROWING_QUALIFIER_RE; held-out h141)
    (r"thu ngan sach nha nuoc(?: tren dia ban(?! (?:huyen|quan|thi xa|thanh pho|xa|phuong)"
     r"\b))?", ("thu ngan sach",)),
    (r"von dau tu(?: thuc hien)? (?:tu|thuoc) nguon(?: von)? ngan sach nha nuoc"
     r"(?: do dia phuong quan ly)?", ("von dau tu cong",)),
    # the consumer price index ("Chỉ số giá tiêu dùng (CPI)", "CPI bình quân": dv01, dev3
    # cuc_thong_ke_thang9_2073, bt17c ctk_quy1_2027) is the "lạm phát" (inflation) the press
    # and users ask by: the GSO reports headline inflation as the CPI's change against the
    # same period a year before (rag.answer.question reads that base into "lạm phát" asked)
    (r"chi so gia tieu dung", ("lam phat",)),
)
# Indicators of their own whose names extend an everyday name of :data:`EVERYDAY_NAMES`
# (folded): a question saying one asks that indicator, not the official one.  "Lạm phát cơ
# bản" (core inflation: the CPI less food, energy and state-managed prices, GSO) is written
# beside the CPI in the statistics offices' reports ("CPI bình quân 9 tháng ... tăng 3,41%
# ...; lạm phát cơ bản 9 tháng tăng 2,87%": dev3 cuc_thong_ke_thang9_2073, r17-q16).
OTHER_THAN_EVERYDAY: tuple[str, ...] = ("lam phat co ban",)
_EVERYDAY_RES = tuple((re.compile(r"\b" + pattern + r"\b"), names)
                      for pattern, names in EVERYDAY_NAMES)


def everyday_variants(text: str) -> list[str]:
    """``text`` folded and lower-cased, with each official indicator name of
    :data:`EVERYDAY_NAMES` it holds written as each of its everyday names in turn ("Vốn đầu
    tư thực hiện từ nguồn ngân sách nhà nước tháng 8" -> ["von dau tu cong thang 8"]); empty
    when it holds none."""
    folded = fold(text).lower()
    return [folded[:m.start()] + name + folded[m.end():]
            for pattern, names in _EVERYDAY_RES for m in pattern.finditer(folded)
            for name in names]


def official_name_spans(folded: str) -> list[tuple[int, int]]:
    """The (start, end) offsets in ``folded`` (a folded, lower-cased text) of each official
    indicator name of :data:`EVERYDAY_NAMES` it holds: "tong muc ban le hang hoa va doanh thu
    dich vu" is one name, its "va" no join of two (rag.answer.conjuncts.split_indicators)."""
    return [m.span() for pattern, _ in _EVERYDAY_RES for m in pattern.finditer(folded)]


# English phrase (lower case) -> Vietnamese terms appended to the question.
ENGLISH: dict[str, str] = {
    "import-export": "xuất nhập khẩu",
    "import and export": "xuất nhập khẩu",
    "imports and exports": "xuất nhập khẩu",
    "export": "xuất khẩu",
    "exports": "xuất khẩu",
    "import": "nhập khẩu",
    "imports": "nhập khẩu",
    "turnover": "kim ngạch",
    # the value of a flow, not its quantity: a customs table gives both of each commodity
    # ("Lượng 2060 (tấn)" | "Trị giá 2060 (triệu USD)"), and "Durian export value in 2060?"
    # read as "sầu riêng xuất khẩu" took the tonnes (break-test bt17u;
    # tests/test_xlsx_period_columns.py)
    "export value": "kim ngạch xuất khẩu",
    "export values": "kim ngạch xuất khẩu",
    "value of exports": "kim ngạch xuất khẩu",
    "import value": "kim ngạch nhập khẩu",
    "import values": "kim ngạch nhập khẩu",
    "value of imports": "kim ngạch nhập khẩu",
    # trade, said of no flow, is both flows: the import-export total ("trade value through Ban
    # Khe border gate" is the row's "Tổng", not its first column "Xuất khẩu": break-test
    # bt14-b17 failure 5); with "exports" or "imports" asked, the flow named
    # (rag.search.query.english_terms)
    "trade value": "kim ngạch xuất nhập khẩu",
    "trade": "kim ngạch xuất nhập khẩu",
    "total trade": "tổng kim ngạch xuất nhập khẩu",
    "trade turnover": "kim ngạch xuất nhập khẩu",
    "market": "thị trường",
    "local goods": "hàng địa phương",
    "retail": "tổng mức bán lẻ hàng hóa",
    "retail sales": "tổng mức bán lẻ hàng hóa",
    # the indicator's whole name, as the reports write it ("Tổng mức bán lẻ hàng hóa và doanh
    # thu dịch vụ tiêu dùng"): its words unread capped the answer at an even guess (dev2 e125,
    # bt25-b17 Q7's report)
    "retail sales of goods and consumer services":
        "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng",
    "consumer services": "dịch vụ tiêu dùng",
    "industrial production index": "chỉ số sản xuất công nghiệp",
    "industrial production": "sản xuất công nghiệp",
    "consumer price index": "chỉ số giá tiêu dùng CPI",
    "consumer prices": "chỉ số giá tiêu dùng CPI",
    "inflation": "lạm phát chỉ số giá tiêu dùng",
    # core inflation, an indicator of its own (rag.vi.lexicon.OTHER_THAN_EVERYDAY): no CPI
    "core inflation": "lạm phát cơ bản",
    "tourists": "khách du lịch",
    "tourist": "khách du lịch",
    "visitors": "lượt khách du lịch",
    "tourism revenue": "doanh thu du lịch",
    # the whole of what tourists spend, as the dev reports name it ("Tổng thu từ khách du
    # lịch ước đạt 3.682,5", "tổng thu từ du lịch đạt khoảng 8.268 tỷ"): "doanh thu du lịch"
    # took nothing (bt16-b17 failure 6)
    "total tourism revenue": "tổng thu từ khách du lịch",
    "total revenue from tourism": "tổng thu từ khách du lịch",
    "revenue from tourists": "tổng thu từ khách du lịch",
    "tourist revenue": "tổng thu từ khách du lịch",
    # trade fairs and the power utility's losses, as the dev reports write them ("Hội chợ OCOP
    # vùng biên thu hút hơn 120 gian hàng", "giảm tổn thất điện năng xuống dưới 6,5%", "Công
    # ty"): break-tests bt16-b17 failure 6, bt18-b17 failure 8 read none of them
    "trade fair": "hội chợ", "trade fairs": "hội chợ", "fair": "hội chợ", "fairs": "hội chợ",
    "booth": "gian hàng", "booths": "gian hàng", "stall": "gian hàng", "stalls": "gian hàng",
    "power loss": "tổn thất điện năng", "power losses": "tổn thất điện năng",
    "electricity loss": "tổn thất điện năng", "electricity losses": "tổn thất điện năng",
    "company": "công ty",
    "revenue": "doanh thu",
    "enterprises": "doanh nghiệp",
    "businesses": "doanh nghiệp",
    "companies": "doanh nghiệp",
    "new enterprises": "doanh nghiệp đăng ký thành lập mới",
    "new companies": "doanh nghiệp thành lập mới",
    "new businesses": "doanh nghiệp thành lập mới",
    "registered": "đăng ký",
    "newly established": "thành lập mới",
    # new firms as the reports count them ("1.186 doanh nghiệp thành lập mới", "thành lập
    # mới 436 doanh nghiệp", "672 doanh nghiệp đăng ký thành lập mới"): "firms" and the verbs
    # of setting one up were unread, the count refused (issue 17: bt25-b17 Q25, bt11-b17,
    # bt9-b17 D "new businesses were set up", dev2 e039 "new companies were registered")
    "firms": "doanh nghiệp", "firm": "doanh nghiệp",
    "new firms": "doanh nghiệp thành lập mới",
    "set up": "thành lập mới", "established": "thành lập mới", "founded": "thành lập mới",
    "newly registered": "đăng ký thành lập mới",
    "cooperatives": "hợp tác xã",
    "entities": "chủ thể",
    "machinery": "máy móc",
    "equipment": "thiết bị",
    "registered capital": "vốn đăng ký",
    "investment": "đầu tư",
    "projects": "dự án",
    "industrial clusters": "cụm công nghiệp",
    "industrial park": "khu công nghiệp",
    "border gate": "cửa khẩu",
    "border gates": "cửa khẩu",
    # the words of a customs or trade report asked in English, as the province's reports write
    # them: "cửa khẩu phụ", "lối mở", "tờ khai", "thông quan", "Cục Hải quan", "giá so sánh",
    # "giá hiện hành", "sơ bộ", "sàn thương mại điện tử" (break-test bt20a, session 49: "at
    # constant prices", "Customs revenue", "Export-import turnover" refused as unread; the
    # bases were read by rag.vi.lexicon's basis patterns, yet named unread)
    "gate": "cửa khẩu", "gates": "cửa khẩu",
    "secondary gate": "cửa khẩu phụ", "secondary gates": "cửa khẩu phụ",
    "border opening": "lối mở", "border openings": "lối mở", "openings": "lối mở",
    "export-import": "xuất nhập khẩu", "exports and imports": "xuất nhập khẩu",
    "export and import": "xuất nhập khẩu",
    # "customs" alone stays unread: "turnover through Na Luong customs" read with "hải quan"
    # lost the office's half-year total to a month's figure (dev3 r20-q21; a question naming
    # "hải quan" beside a gate is read as naming a gate kind, rag.answer.places)
    "customs declarations": "tờ khai hải quan",
    # what a customs office collects is budget revenue (taxes on goods crossing): "Cục Hải quan
    # ... thu ngân sách đạt 412 tỷ đồng"
    "customs revenue": "hải quan thu ngân sách", "customs revenues": "hải quan thu ngân sách",
    "declarations": "tờ khai", "declaration": "tờ khai",
    "cleared": "thông quan", "clearance": "thông quan", "customs clearance": "thông quan",
    "constant prices": "giá so sánh", "at constant prices": "theo giá so sánh",
    "comparative prices": "giá so sánh", "current prices": "giá hiện hành",
    "at current prices": "theo giá hiện hành", "preliminary": "sơ bộ",
    "e-commerce": "thương mại điện tử", "e-commerce platforms": "sàn thương mại điện tử",
    "e-commerce platform": "sàn thương mại điện tử", "platforms": "sàn", "online": "trực tuyến",
    "sell": "bán", "activities": "hoạt động",
    "volume": "lượng", "export volume": "lượng xuất khẩu", "import volume": "lượng nhập khẩu",
    "trade promotion": "xúc tiến thương mại", "promotion": "xúc tiến",
    "training": "tập huấn", "training classes": "lớp tập huấn", "classes": "lớp",
    "trucks": "xe",
    "vehicles": "xe",
    "per day": "ngày",
    "cement": "xi măng",
    "coal": "than",
    # electricity: produced/generated ("Sản lượng điện sản xuất") and sold ("điện thương
    # phẩm") are two indicators of the same reports (b17 Q37: "electricity" read only as sold
    # took the produced figure's question to the sold one or to nothing)
    "electricity": "điện",
    "power": "điện",
    "commercial electricity": "điện thương phẩm",
    "electricity sold": "điện thương phẩm",
    "electricity consumption": "điện thương phẩm",
    "stone": "đá",
    "products": "sản phẩm",
    "administrative reform": "cải cách hành chính",
    "administrative procedures": "thủ tục hành chính",
    "director": "giám đốc",
    "department of industry and trade": "Sở Công Thương",
    "decision": "quyết định",
    "growth": "tăng trưởng",
    "increase": "tăng",
    "plan": "kế hoạch",
    "target": "kế hoạch",
    "first quarter": "quý I ba tháng đầu năm",
    "first half": "6 tháng đầu năm",
    "second half": "6 tháng cuối năm",
    "nine months": "9 tháng",
    "first nine months": "9 tháng",
    "six months": "6 tháng",
    "total": "tổng",
    "average": "bình quân",
    "cpi": "CPI chỉ số giá tiêu dùng",
    "share": "tỷ trọng",
    "proportion": "tỷ trọng",
    "lang son": "Lạng Sơn",
    # the social and economic indicators a province's monthly report states beside trade
    # (labour, traffic, credit, budget, GRDP; break-test b17 K15: an English question about
    # one of them had no Vietnamese word to find it by)
    "economic growth": "tăng trưởng kinh tế",
    "gross regional domestic product": "GRDP tổng sản phẩm trên địa bàn",
    "per capita": "bình quân đầu người",
    "unemployment": "thất nghiệp",
    "unemployment rate": "tỷ lệ thất nghiệp",
    "urban": "thành thị",
    "rural": "nông thôn",
    "new rural": "nông thôn mới",
    "poor households": "hộ nghèo",
    "poverty rate": "tỷ lệ hộ nghèo",
    "traffic accidents": "tai nạn giao thông",
    "traffic accident": "tai nạn giao thông",
    "accidents": "tai nạn",
    "deaths": "người chết",
    "killed": "chết",
    "injured": "bị thương",
    "outstanding loans": "dư nợ cho vay",
    "outstanding credit": "dư nợ tín dụng",
    "loans": "dư nợ cho vay",
    "credit": "tín dụng",
    "deposits": "nguồn vốn huy động",
    "mobilized capital": "nguồn vốn huy động",
    "bad debt": "nợ xấu",
    "non-performing loans": "nợ xấu",
    "budget revenue": "thu ngân sách",
    "state budget": "ngân sách nhà nước",
    "budget": "ngân sách",
    "disbursement": "giải ngân",
    "disbursed": "giải ngân",
    "public investment": "vốn đầu tư công",
    # forestry and transport, the other sectors a province's monthly report states (break-test
    # b17 G: "How many hectares of forest were newly planted", "How much freight was
    # transported", "How many passengers were transported" found no Vietnamese word)
    "forest": "rừng",
    "forests": "rừng",
    "newly planted": "trồng mới",
    "planted": "trồng",
    "freight": "vận chuyển hàng hóa",
    "goods transported": "vận chuyển hàng hóa",
    "passengers": "hành khách",
    "passenger": "hành khách",
    "road": "đường bộ",
    "railway": "đường sắt",
    "transport": "vận tải",
    "transportation": "vận tải",
    "transported": "vận chuyển",
    # what the Department's reports count of a product, industrial or farmed: "Sản lượng điện
    # sản xuất", "sản lượng xi măng", "sản lượng lúa vụ Mùa", "năng suất lúa" (b17 Q37, D13-15:
    # "produced", "generated", "output" found no Vietnamese word)
    "output": "sản lượng",
    "production": "sản lượng",
    "produced": "sản xuất",
    "generated": "sản xuất",
    "generation": "sản xuất",
    "manufactured": "sản xuất",
    "mined": "khai thác",
    "extracted": "khai thác",
    "tap water": "nước máy",
    "yield": "năng suất",
    "rice": "lúa",
    "paddy": "lúa",
    "maize": "ngô",
    "corn": "ngô",
    "harvested": "thu hoạch",
    "sown": "gieo cấy",
    "crop": "vụ",
    # the other products and herds a statistics office's monthly report counts ("Sản lượng
    # nước máy thương phẩm", "gạch nung", "thép cán", "đàn lợn", "đàn trâu", "gia cầm"; break-
    # test b17 round 9 item 2: "water sales", "brick output" found no Vietnamese word and
    # were refused at full confidence)
    "water": "nước máy",
    "clean water": "nước sạch",
    "water sales": "nước máy thương phẩm",
    "water sold": "nước máy thương phẩm",
    "commercial water": "nước máy thương phẩm",
    "electricity sales": "điện thương phẩm",
    "brick": "gạch",
    "bricks": "gạch",
    "fired bricks": "gạch nung",
    "steel": "thép",
    "rolled steel": "thép cán",
    "fertilizer": "phân bón",
    "fertiliser": "phân bón",
    "livestock": "chăn nuôi",
    "herd": "đàn",
    "pigs": "đàn lợn",
    "pig": "lợn",
    "buffaloes": "đàn trâu",
    "buffalo": "trâu",
    "cattle": "đàn bò",
    "cows": "đàn bò",
    "poultry": "gia cầm",
    # the other animals of LIVESTOCK, counted by head as "đàn ..." (break-test bt17-b17
    # failure 8's kind: "How many goats ..." refused, "goats" unread)
    "goats": "đàn dê",
    "goat": "dê",
    "horses": "đàn ngựa",
    "horse": "ngựa",
    "sheep": "đàn cừu",
    "chickens": "đàn gà",
    "chicken": "gà",
    "ducks": "đàn vịt",
    "duck": "vịt",
    "geese": "đàn ngỗng",
    "hogs": "đàn lợn",
    "cow": "bò",
    "tea": "chè",
    "fruit": "hoa quả",
    "fruits": "hoa quả",
    "fishery": "thủy sản",
    "aquaculture": "thủy sản",
    "tourism": "du lịch",
    "goods": "hàng hóa",
    # consumer goods a statistics office's report counts and customs news names ("Quần áo
    # may sẵn 5,62 triệu cái", "vải may mặc", "giày dép", "đồ gỗ", "thuỷ sản", "rau xanh":
    # dev reports dv07, dv19, dv25; break-test bt9-b17 failure 2: "ready-made garments",
    # "clothing" found no Vietnamese word and were refused)
    "ready-made garments": "quần áo may sẵn",
    "ready-made clothes": "quần áo may sẵn",
    "ready-made clothing": "quần áo may sẵn",
    "clothing": "quần áo",
    "clothes": "quần áo",
    "garments": "may mặc",
    "garment": "may mặc",
    "apparel": "may mặc",
    "textiles": "dệt may",
    "textile": "dệt may",
    "footwear": "giày dép",
    "shoes": "giày dép",
    "furniture": "đồ gỗ",
    "wooden furniture": "đồ gỗ",
    "wood products": "sản phẩm gỗ",
    "wood": "gỗ",
    "timber": "gỗ",
    "seafood": "thủy sản",
    "vegetables": "rau",
    "fresh fruit": "hoa quả tươi",
    # leather and knitted goods, prices and live pigs as a statistics office's monthly report
    # writes them ("giày dép da 3,18 triệu đôi", "quần áo dệt kim", "Giá lợn hơi hiện ở mức
    # ... cao hơn đầu năm", "dư nợ ... tăng 11,8% so với đầu năm": dev reports, break-test
    # bt10-b17 failure 2: "knitted", "knitwear", "price", "live pigs", "since" unread)
    "leather": "da",
    "leather shoes": "giày dép da",
    "leather footwear": "giày dép da",
    "knitted": "dệt kim",
    "knitwear": "quần áo dệt kim",
    "knitted garments": "quần áo dệt kim",
    "knitted clothes": "quần áo dệt kim",
    "price": "giá",
    "prices": "giá",
    "live pigs": "lợn hơi",
    "live pig": "lợn hơi",
    "live hogs": "lợn hơi",
    "since the start of the year": "so với đầu năm",
    "since the beginning of the year": "so với đầu năm",
    "from the start of the year": "từ đầu năm",
    "from the beginning of the year": "từ đầu năm",
    "start of the year": "đầu năm",
    "beginning of the year": "đầu năm",
    "made": "sản xuất",
    "produce": "sản xuất",
    "exported": "xuất khẩu",
    "imported": "nhập khẩu",
    "agricultural products": "nông sản",
    "farm products": "nông sản",
    # who visitors are and where they stay ("khách quốc tế", "khách nước ngoài", "khách nội
    # địa", "khách lưu trú": dev reports dv13, dv24; bt9-b17 failure 2: "foreign guests")
    "foreign": "nước ngoài",
    "international": "quốc tế",
    "domestic": "nội địa",
    "guests": "khách",
    "guest": "khách",
    "overnight": "lưu trú",
    "overnight guests": "khách lưu trú",
    "overnight visitors": "khách lưu trú",
    "accommodation": "lưu trú",
    # the farm produce of border trade a customs or statistics report names ("930 xe sầu
    # riêng", "thanh long", "hoa hồi", "quế", "tinh bột sắn"), the drinks a statistics office
    # counts ("bia các loại 9,6 triệu lít", "rượu") and the units and carriers it counts them
    # in (lít, tấn, kWh, m3, xe, container; break-tests bt11-b17 failure 7, bt12-b17 failure
    # 4: "durian", "beer", "litres" unread -- "How many durian trucks" took the total of trucks)
    "durian": "sầu riêng",
    "durians": "sầu riêng",
    "dragon fruit": "thanh long",
    "dragon fruits": "thanh long",
    "jackfruit": "mít",
    "jackfruits": "mít",
    "longan": "nhãn",
    "longans": "nhãn",
    "lychee": "vải thiều",
    "lychees": "vải thiều",
    "litchi": "vải thiều",
    "litchis": "vải thiều",
    "mango": "xoài",
    "mangoes": "xoài",
    "mangos": "xoài",
    "watermelon": "dưa hấu",
    "watermelons": "dưa hấu",
    "banana": "chuối",
    "bananas": "chuối",
    "rambutan": "chôm chôm",
    "mangosteen": "măng cụt",
    "pomelo": "bưởi",
    "pomelos": "bưởi",
    "cassava": "sắn",
    "tapioca": "tinh bột sắn",
    "cassava starch": "tinh bột sắn",
    "tapioca starch": "tinh bột sắn",
    "star anise": "hoa hồi",
    "anise": "hoa hồi",
    "cinnamon": "quế",
    "cashew": "hạt điều",
    "cashews": "hạt điều",
    "cashew nuts": "hạt điều",
    "pepper": "hồ tiêu",
    "coffee": "cà phê",
    "rubber": "cao su",
    "beer": "bia",
    "spirits": "rượu",
    "liquor": "rượu",
    "wine": "rượu vang",
    "soft drinks": "nước giải khát",
    "beverages": "đồ uống",
    "drinks": "đồ uống",
    "litres": "lít",
    "litre": "lít",
    "liters": "lít",
    "liter": "lít",
    "kwh": "kWh",
    "cubic metres": "m3",
    "cubic meters": "m3",
    "cubic metre": "m3",
    "cubic meter": "m3",
    "truck": "xe",
    "lorries": "xe",
    "lorry": "xe",
    "vehicle": "xe",
    "containers": "container",
    "container": "container",
    # the bases a change is compared with, as English says them -> as the reports write them
    # (rag.answer.question _COMPARISON_RE, rag.answer.figures comparison_base): "year on year",
    # "compared with the same month last year" is "so với cùng kỳ", "month on month" / "from
    # the previous month" is "so với tháng trước", "since December last year" is "so với
    # tháng 12 năm trước" (break-test bt14-b17 failure 4: "CPI ... year on year" unread, the
    # first change of "tăng 0,38% so với tháng trước, tăng 3,12% so với cùng kỳ" served)
    "year on year": "so với cùng kỳ năm trước",
    "year-on-year": "so với cùng kỳ năm trước",
    "on a year-on-year basis": "so với cùng kỳ năm trước",
    "y/y": "so với cùng kỳ năm trước",
    "yoy": "so với cùng kỳ năm trước",
    "year over year": "so với cùng kỳ năm trước",
    "month on month": "so với tháng trước",
    "month-on-month": "so với tháng trước",
    "m/m": "so với tháng trước",
    "quarter on quarter": "so với quý trước",
    "quarter-on-quarter": "so với quý trước",
    "q/q": "so với quý trước",
    # market management and inspection, a Department of Industry and Trade report's section
    # ("lực lượng quản lý thị trường kiểm tra 214 vụ, phát hiện 167 vụ vi phạm; xử phạt hành
    # chính ...", "hàng giả, hàng nhái", "hàng nhập lậu", "buôn lậu", "gian lận thương mại";
    # break-test bt14-b17 failure 6: "market-management violations were handled" unread)
    "market management": "quản lý thị trường",
    "market-management": "quản lý thị trường",
    "market surveillance": "quản lý thị trường",
    "market control": "quản lý thị trường",
    "market inspection": "quản lý thị trường kiểm tra",
    "market inspectors": "quản lý thị trường",
    "violations": "vi phạm",
    "violation": "vi phạm",
    "infringements": "vi phạm",
    "offences": "vi phạm",
    "offenses": "vi phạm",
    "handled": "xử lý",
    "handle": "xử lý",
    "inspect": "kiểm tra",
    "detect": "phát hiện",
    "fine": "xử phạt",
    "dealt with": "xử lý",
    "processed": "xử lý",
    "inspected": "kiểm tra",
    "inspection": "kiểm tra",
    "inspections": "kiểm tra",
    "checked": "kiểm tra",
    "checks": "kiểm tra",
    "detected": "phát hiện",
    "discovered": "phát hiện",
    "uncovered": "phát hiện",
    "fined": "xử phạt",
    "fines": "xử phạt",
    "penalties": "xử phạt",
    "penalized": "xử phạt",
    "penalised": "xử phạt",
    "sanctioned": "xử phạt",
    "administrative fines": "xử phạt hành chính",
    "administrative penalties": "xử phạt hành chính",
    "counterfeit": "hàng giả",
    "counterfeits": "hàng giả",
    "counterfeit goods": "hàng giả",
    "fake goods": "hàng giả",
    "fakes": "hàng giả",
    "imitation goods": "hàng nhái",
    "imitations": "hàng nhái",
    "knock-offs": "hàng nhái",
    "smuggling": "buôn lậu",
    "smuggled": "nhập lậu",
    "smuggled goods": "hàng nhập lậu",
    "contraband": "hàng nhập lậu",
    "trade fraud": "gian lận thương mại",
    "commercial fraud": "gian lận thương mại",
    "cases": "vụ",
    "confiscated": "tịch thu",
    "seized": "tạm giữ",
    "paid into the budget": "thu nộp ngân sách",
    "remitted to the budget": "thu nộp ngân sách",
    "collected for the budget": "thu nộp ngân sách",
    "markets": "chợ",
    "supermarkets": "siêu thị",
    "supermarket": "siêu thị",
    "shopping centres": "trung tâm thương mại",
    "shopping centers": "trung tâm thương mại",
    "shopping malls": "trung tâm thương mại",
    # the words an English question about the Department's other sections uses -- taxes and
    # the budget, holidays and the visitors they bring, fairs, industrial clusters and parks,
    # hotels, prices, electricity -- as the reports write them ("Cục Thuế ... số thu đạt",
    # "Tổng thu ngân sách nhà nước trên địa bàn", "thu nội địa", "dịp nghỉ lễ Quốc khánh 2/9",
    # "đón khoảng 115 nghìn lượt khách", "Hội chợ ... thu hút khoảng 62.000 lượt khách tham
    # quan", "Cụm công nghiệp Đồng Xá có tỷ lệ lấp đầy cao nhất", "Công suất sử dụng buồng
    # phòng", "khách sạn từ 3 sao"; dev reports dv01-dv04, dv13, dv24, dv32; break-tests
    # bt20-b17 failure 11, bt21-b17 failure 10: "tax", "collect", "came", "holiday",
    # "attended", "cluster", "highest", "occupancy" unread, refused or answered with another
    # figure)
    "tax": "thuế", "taxes": "thuế", "tax revenue": "thu ngân sách",
    "tax revenues": "thu ngân sách", "tax collection": "thu ngân sách",
    "tax collections": "thu ngân sách", "domestic revenue": "thu nội địa",
    "tax department": "Cục Thuế", "tax office": "Cục Thuế", "tax authority": "Cục Thuế",
    "tax debt": "nợ thuế", "tax debts": "nợ thuế", "tax arrears": "nợ thuế",
    "tax refund": "hoàn thuế", "tax refunds": "hoàn thuế",
    "land use fees": "tiền sử dụng đất", "land-use fees": "tiền sử dụng đất",
    "e-invoices": "hóa đơn điện tử", "electronic invoices": "hóa đơn điện tử",
    "collect": "thu", "collected": "thu", "collection": "thu",
    "budget estimate": "dự toán", "state budget estimate": "dự toán",
    # a share of the plan asked in English: "What share of the estimate did revenue reach?"
    # is "đạt bao nhiêu % dự toán" -- "share" alone read "tỷ trọng", "estimate" unread, it
    # took no "% dự toán" column (session 44 break-test bt17l; rag.answer.question
    # _PLAN_SHARE_RE reads the measure)
    "share of the estimate": "dự toán", "share of the budget estimate": "dự toán",
    "percentage of the estimate": "dự toán", "percent of the estimate": "dự toán",
    "share of the plan": "kế hoạch", "share of the target": "kế hoạch",
    "percentage of the plan": "kế hoạch", "percentage of the target": "kế hoạch",
    "budget spending": "chi ngân sách", "budget expenditure": "chi ngân sách",
    "spending": "chi", "expenditure": "chi",
    "holiday": "dịp lễ", "holidays": "dịp lễ", "public holiday": "dịp nghỉ lễ",
    "national day": "Quốc khánh", "tet": "Tết", "lunar new year": "Tết Nguyên đán",
    "new year": "Tết Dương lịch", "festival": "lễ hội", "festivals": "lễ hội",
    "arrivals": "lượt khách", "welcomed": "đón", "welcome": "đón",
    "attendance": "lượt khách tham quan",
    "attract": "thu hút", "attracted": "thu hút",
    "exhibition": "triển lãm", "exhibitions": "triển lãm", "expo": "hội chợ",
    "exhibitors": "gian hàng", "memoranda of understanding": "biên bản ghi nhớ",
    "signed": "ký kết",
    "industrial cluster": "cụm công nghiệp", "cluster": "cụm", "clusters": "cụm",
    "industrial parks": "khu công nghiệp", "industrial zone": "khu công nghiệp",
    "industrial zones": "khu công nghiệp", "industrial": "công nghiệp",
    "highest": "cao nhất", "lowest": "thấp nhất", "largest": "lớn nhất",
    "biggest": "lớn nhất", "smallest": "nhỏ nhất", "most": "nhiều nhất",
    "fewest": "ít nhất", "least": "ít nhất",
    "occupancy": "tỷ lệ lấp đầy", "occupancy rate": "tỷ lệ lấp đầy",
    "fill rate": "tỷ lệ lấp đầy",
    "hotel": "khách sạn", "hotels": "khách sạn", "room": "phòng", "rooms": "phòng",
    "room occupancy": "công suất sử dụng phòng",
    "petrol": "xăng", "gasoline": "xăng", "diesel": "dầu diesel", "gold": "vàng",
    "pork": "thịt lợn", "beef": "thịt bò",
    "peak load": "công suất lớn nhất Pmax", "peak demand": "công suất lớn nhất Pmax",
    "power outages": "sự cố", "outages": "sự cố", "incidents": "sự cố",
}

# English phrases whose Vietnamese depends on the noun the question names beside them: a
# phrase -> ((nouns of the question, the sense those nouns call for), ...); the first sense
# one of whose nouns the question names is read, else ENGLISH's.  "occupancy rate" of an
# industrial cluster or park is "tỷ lệ lấp đầy" (of the land let), of a hotel "công suất sử
# dụng phòng" (of the rooms taken); "visitors" of a fair or an exhibition are "lượt khách
# tham quan", elsewhere tourists ("lượt khách du lịch").  Reports: break-test bt20-b17
# ("Tỷ lệ lấp đầy bình quân các cụm", "Công suất sử dụng buồng phòng bình quân"), bt21-b17
# and bt18-b17 ("Hội chợ thu hút khoảng 62.000 lượt khách tham quan"), dev report dv12
ENGLISH_SENSES: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = {}
for _phrase in ("occupancy", "occupancy rate", "occupancy rates"):
    ENGLISH_SENSES[_phrase] = (
        (("cluster", "clusters", "park", "parks", "zone", "zones", "estate", "estates"),
         "tỷ lệ lấp đầy"),
        (("hotel", "hotels", "room", "rooms", "accommodation", "guesthouse", "guesthouses",
          "resort", "resorts", "homestay", "homestays"), "công suất sử dụng phòng"))
for _phrase in ("visitors", "visitor", "attendance", "arrivals", "people"):
    ENGLISH_SENSES[_phrase] = (
        (("fair", "fairs", "exhibition", "exhibitions", "expo", "booth", "booths"),
         "lượt khách tham quan"),)
# a budget's revenue and spending said with whose budget it is: "state budget revenue",
# "local budget expenditure" -- one phrase, as budget reports write one ("Tổng thu ngân sách
# nhà nước trên địa bàn", "Tổng chi ngân sách địa phương": tests/data/heldout ho09, break-test
# bt17b), never "state budget" then "revenue" read apart as a business's "doanh thu"
# (bt17b: "What was the state budget revenue of Lang Son in 2024?" refused at 0.31)
for _whose, _vi in (("state", "nhà nước"), ("local", "địa phương"),
                    ("provincial", "địa phương"), ("province's", "địa phương")):
    for _flow, _verb in (("revenue", "thu"), ("revenues", "thu"), ("collection", "thu"),
                         ("expenditure", "chi"), ("expenditures", "chi"), ("spending", "chi")):
        ENGLISH.setdefault(f"{_whose} budget {_flow}", f"{_verb} ngân sách {_vi}")
for _flow, _verb in (("revenues", "thu"), ("expenditures", "chi")):
    ENGLISH.setdefault(f"budget {_flow}", f"{_verb} ngân sách")
# "collected on the province's territory", "in the province's territory": the reports' "trên
# địa bàn" (thu ngân sách nhà nước trên địa bàn; kim ngạch qua địa bàn)
for _where in ("on the territory", "in the territory", "on the province's territory",
               "in the province's territory", "on the provincial territory"):
    ENGLISH.setdefault(_where, "trên địa bàn")
ENGLISH.setdefault("occupancy rates", "tỷ lệ lấp đầy")
ENGLISH.setdefault("visitor", "lượt khách du lịch")
ENGLISH.setdefault("people", "người")

# a base named after a word that says it is one ("compared with the same month last year",
# "from the previous month", "since the end of last year"): without it the words may name the
# period asked ("in the previous month", "the same period last year" as the figure's own)
_ENGLISH_BASES = {
    "so với cùng kỳ năm trước": (
        "the same period last year", "the same period of last year", "the same period a year "
        "earlier", "the same period of the previous year", "the same month last year",
        "the same month of last year", "the same month a year earlier", "the same month of the "
        "previous year", "the same quarter last year", "the same quarter of last year",
        "the same quarter of the previous year", "a year earlier", "a year ago", "last year",
        "the previous year", "the year before", "the same time last year"),
    "so với tháng trước": ("the previous month", "the prior month", "the preceding month",
                           "a month earlier", "last month", "the month before"),
    "so với quý trước": ("the previous quarter", "the prior quarter", "the preceding quarter",
                         "last quarter", "the quarter before"),
    "so với tháng 12 năm trước": ("december last year", "december of last year",
                                  "december of the previous year", "last december"),
    "so với cuối năm trước": ("the end of last year", "the end of the previous year",
                              "end of last year", "end of the previous year",
                              "the end of the year before"),
}
# the Vietnamese bases the English ones are read as
ENGLISH_BASE_TERMS = frozenset(_ENGLISH_BASES)
for _vi, _phrases in _ENGLISH_BASES.items():
    for _phrase in _phrases:
        for _word in ("compared with", "compared to", "from", "over", "on", "than", "against",
                      "versus", "vs", "vs.", "since", "relative to"):
            ENGLISH.setdefault(f"{_word} {_phrase}", _vi)

# English names of the crop seasons (rag.vi.calendar.SEASONS) -> the Vietnamese season:
# "the 2038 main crop", "winter-spring crop 2037-2038" are "vụ Mùa 2038", "vụ Đông Xuân
# 2037-2038" (b17 Q41, D15)
ENGLISH_SEASONS: dict[str, str] = {
    "main": "Mùa",
    "mua": "Mùa",
    "winter-spring": "Đông Xuân",
    "winter spring": "Đông Xuân",
    "summer-autumn": "Hè Thu",
    "summer autumn": "Hè Thu",
    "autumn-winter": "Thu Đông",
    "autumn winter": "Thu Đông",
}

# English words that ask, link or date but name no indicator: with ENGLISH_MARKERS, the
# glossary's phrases and month names, the words rag.search.query.unread_english reads -- any
# other word of an English question is one the glossary could not put in Vietnamese
ENGLISH_GRAMMAR = frozenset(
    "a an at by on to than as or not its it this that these those has have had be been being "
    "do many much what which how when where who was were is are the of in did does during for "
    "there and with from compared versus vs against same period previous last next prior "
    "year years month months quarter quarters half day days week weeks annual annually "
    "monthly yearly first second third fourth end ending up down by over about around "
    "on-year year-on-year yoy fall fell drop dropped decline declined decrease decreased rise "
    "rose grow grew increase increased change changed reach reached amount number value "
    "figure level percent percentage rate estimated estimate expected reported province "
    "provincial hectares tons tonnes usd dollars billion million thousand vnd dong visited "
    "units unit items pieces pairs higher lower more less greater fewer "
    # "how fast did X grow": the asking word of a change (QUESTION_KINDS), which capped the
    # answer at an even guess for an unread word (issue 17, bt23-b17 Q26; bt*-b17 questions)
    "fast "
    # linking words and numbers written out ("turnover through Lang Son", "the first five
    # months"): no indicator, and no qualifier of one (rag.search.query.unread_qualifiers)
    "through via into across within between after before until under among per "
    "one two three four five six seven eight nine ten eleven twelve "
    "all every each both other others only types type kinds kind sorts "
    # the time of day and place a count is taken at, which the reports word many ways
    # ("sáng", "trưa", "bãi chờ", "bãi đỗ": a Vietnamese word for it the report lacks cost the
    # count) -- the day itself is read as a date
    "waiting morning afternoon noon evening night yard "
    # the verbs of coming to a place or an event ("visitors came to", "attended the fair"):
    # the reports write the count alone ("đón 186.500 lượt khách", "thu hút 62.000 lượt
    # khách tham quan"); what came is the noun's (ENGLISH_SENSES)
    "came come coming arrived arrive attended attend visit".split()
)

ENGLISH_MARKERS = frozenset(
    "what which how many much was were is are the of in did does during for who when total "
    "there and with from compared".split()
)

# Indicators a question can name: a figure answers it only from a sentence naming the same
# indicator (folded phrases).
INDICATORS: list[tuple[str, tuple[str, ...]]] = [
    ("retail", ("ban le", "luu chuyen hang hoa")),
    ("iip", ("chi so san xuat cong nghiep",)),
    ("cpi", ("chi so gia tieu dung", "cpi")),
    ("tourists", ("khach du lich", "luot khach")),
    ("admin_reform", ("cai cach hanh chinh",)),
    ("ocop", ("ocop",)),
    ("grdp", ("grdp",)),
]

# Trade indicators that share words and are easy to confuse, most specific first (folded).
# A figure answers an export question only if its nearest trade indicator is "export".  A
# total named by both flows joined ("tổng kim ngạch xuất khẩu và nhập khẩu") is total trade,
# no figure of the flow named last: it answers "xuất nhập khẩu", not "nhập khẩu" (session 42
# break-test, tests/test_narrower.py)
TRADE_INDICATORS: list[tuple[str, tuple[str, ...]]] = [
    ("local_export", ("hang dia phuong xuat khau", "xuat khau hang dia phuong")),
    ("import_export", ("xuat nhap khau", "xuat, nhap khau", "xuat - nhap khau",
                       "xuat khau va nhap khau", "nhap khau va xuat khau")),
    ("export", ("xuat khau",)),
    ("import", ("nhap khau",)),
]

# The heads that say which money indicator a figure is (folded, GSO's and the reports' names
# of each; longest first where one holds another): revenue ("Doanh thu bán lẻ hàng hóa",
# "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ"), the value of a trade flow ("Kim ngạch
# xuất khẩu"), output value ("Giá trị sản xuất công nghiệp"), investment ("Vốn đầu tư thực
# hiện"), the budget's revenue and spending ("Thu ngân sách nhà nước", "Chi ngân sách địa
# phương").  A product's words are shared by all of them -- "Kim ngạch xuất khẩu hàng may
# mặc" and "doanh thu may mặc" in one report, "đặt mục tiêu doanh thu 240 tỷ đồng, kim ngạch
# xuất khẩu 5,5 triệu USD" in one sentence (heldout's company report) -- the head is what
# tells them apart.  What a taxpayer "nộp ngân sách" is the budget's revenue seen from the
# payer: one indicator.  "doanh thu" scans before "thu ngân sách" ("doanh thu ngân sách" is
# no budget revenue).  "giá trị" and "trị giá" alone name no indicator ("giá trị xuất khẩu"
# is the trade value; "hợp đồng trị giá 50 tỷ đồng" a worth).
MONEY_INDICATORS: list[tuple[str, tuple[str, ...]]] = [
    ("output", ("gia tri san xuat",)),
    ("revenue", ("doanh thu",)),
    ("trade_value", ("kim ngach",)),
    ("investment", ("von dau tu",)),
    ("budget_revenue", ("thu ngan sach", "nop ngan sach")),
    ("budget_spending", ("chi ngan sach",)),
]

# Words that carry no topic: question words (see below) and particles (folded).
STOPWORDS = frozenset(
    "so bao nhieu may la gi nao ai khi the sao nhu duoc co cua va o tai trong tu den cho "
    "voi thi con nhi vay a cac nhung mot ve theo hay hoac da dang se bi boi rang ma nay do "
    "day what which who how many much was were is are the of in did does for when during "
    "and to a an by on at rieng".split()
)

# The same words as written with their diacritics: a question typed with diacritics is read
# with these, so that "đen", "đổ" or "Nam" are not mistaken for "đến", "do" or "năm".
STOPWORDS_EXACT = frozenset(
    "số bao nhiêu mấy là gì nào ai khi thế sao như được có của và ở tại trong từ đến cho "
    "với thì còn nhỉ vậy à các những một về theo hay hoặc đã đang sẽ bị bởi rằng mà này đó "
    "đây what which who how many much was were is are the of in did does for when during "
    "and to a an by on at riêng".split()
)

# The Vietnamese prepositions (giới từ), a closed class of function words (the grammars'
# list: Diệp Quang Ban, "Ngữ pháp tiếng Việt", giới từ chỉ quan hệ sở thuộc, đối tượng, nơi
# chốn, hướng, thời gian), as written with their diacritics: such a word after "bao nhiêu"
# ("đóng góp bao nhiêu cho ngân sách", "đầu tư bao nhiêu vào tỉnh") opens a phrase and is no
# unit asked -- "cho" folds onto "chợ" (break-test bt19-b17 failure 9); "để", of purpose as
# "nhằm" ("cần tăng bao nhiêu để đạt mục tiêu": bt23-b17 failure 7).
PREPOSITIONS_EXACT = frozenset(
    "của cho với bằng về từ đến tới vào ra lên xuống trên dưới trong ngoài tại ở đối theo "
    "sau trước qua giữa nhằm để".split()
)

# Words that end the unit phrase after a figure ("769 triệu USD, đạt ..." -> "769 triệu USD"),
# compared with their diacritics ("sơ" in "hồ sơ" is not "so").
UNIT_STOP = frozenset(
    "đạt tăng giảm bằng so trong của và với là được chiếm ước khoảng đã có về tại trên theo "
    "đến từ năm tháng như gồm riêng các những trong đó ngày".split()
)

# Syllables that reports write once for two compounds, with a comma: "xuất, nhập khẩu"
# (xuất khẩu, nhập khẩu), "thanh, kiểm tra", "nông, lâm nghiệp", "thu, chi ngân sách".  A comma
# between two of them joins a phrase; any other comma may end a clause.
ELIDED_SYLLABLES = frozenset(
    "xuất nhập thanh kiểm nông lâm thủy thuỷ ngư mua bán thu chi sản kinh chế sửa vận bốc "
    "xếp đóng cấp đổi".split())

# What a figure counts or measures, as written after it (folded, longest first when matched):
# the magnitude words, then one head.  A word after a number that is none of these is not a
# unit ("4.126 phương tiện chở hàng" -> "phương tiện").  The heads of Vietnamese statistical
# reports (GSO's and the customs' tables): money, mass, area, length, volume, energy, people,
# visits, vehicles, organisations, products, documents, time.
UNIT_MAGNITUDES = frozenset("nghin ngan trieu ty ti".split())
UNIT_HEADS = frozenset("""
usd dong vnd vnđ euro
tan kg ta yen ha km m m2 m3 m³ m² lit kwh mw gwh kw mwh °c °f
nguoi luot khach xe container toa chuyen htx hk ho thon xa huyen phuong vu cay lop giuong
gio ngay tuan phut lan diem vong bac cuoc phien doan nhom loai lo
""".split())  # one word each: a phrase's words are heads only together (UNIT_HEAD_PHRASES)
# heads whose folded form is also a function word ("chợ"/"cho", "cửa"/"của"): matched only
# as written with their diacritics
UNIT_HEADS_EXACT = frozenset("chợ".split())
# Count nouns (Vietnamese classifiers and containers) that are the unit after a scale word --
# "180 triệu viên", "45 nghìn chiếc", "2 triệu bao xi măng", "1,5 triệu liều" -- matched as
# written, with their diacritics ("còn", "đầu tư" are no "con", "đầu"); without a scale word
# they are what the detail after a count says ("500 viên gạch").
COUNT_NOUNS = frozenset("""
viên chiếc cái con quả trái bao tấm tờ cuốn quyển bộ đôi hộp thùng chai lon gói bó cuộn kiện
túi bình liều suất vé bản cặp khối mét thẻ căn
""".split())
UNIT_HEAD_PHRASES = frozenset(
    ("phuong tien", "doanh nghiep", "hop tac xa", "to hop tac", "chu the", "lao dong",
     "nguoi lao dong", "luot khach", "luot nguoi", "hanh khach", "ho gia dinh", "don vi",
     "co so", "san pham", "du an", "cong trinh", "ho so", "thu tuc", "van ban", "bao cao",
     "quyet dinh", "sieu thi", "trung tam thuong mai", "cua hang", "cum cong nghiep",
     "khu cong nghiep", "hoc sinh", "benh nhan", "chuyen bay", "nhan dan te", "hoi nghi",
     "mat hang", "tieu chi", "chuong trinh", "mo hinh", "gian hang", "su kien", "cua khau",
     "nha may", "diem phan tram",
     # lodging and eating places: not "43 khách" (guests) of "43 khách sạn" (bt16-b17
     # failure 4), nor "64 nhà" of "64 nhà nghỉ"
     "khach san", "nha nghi", "nha hang"))
# Heads that count times something happened ("lượt", "chuyến"), and what they count when a
# head of its own follows right after: "lượt xe", "chuyến xe", "lượt phương tiện" are one
# unit each, as "lượt khách" and "lượt người" are (UNIT_HEAD_PHRASES); a table writes such a
# unit in brackets ("Số xe hàng xuất khẩu (lượt xe)") after every figure of its row.
UNIT_OCCURRENCES = frozenset({"luot", "chuyen"})
UNIT_TIME_HEADS = frozenset({"gio", "ngay", "tuan", "phut"})
# Units that count the same things (folded heads): a question "bao nhiêu xe" is answered by
# "4.126 phương tiện", "bao nhiêu người" by "2.040 lao động"
UNIT_SYNONYMS: tuple[frozenset[str], ...] = (
    frozenset({"xe", "phuong tien", "container", "oto", "o to"}),
    frozenset({"nguoi", "lao dong", "nguoi lao dong"}),
    frozenset({"luot", "luot khach", "luot nguoi", "khach", "nguoi"}),
    frozenset({"doanh nghiep", "dn"}),
    frozenset({"hop tac xa", "htx"}),
    # "HK" of statistical tables ("Vận chuyển hành khách | nghìn HK"; break-test b17 N9)
    # and "lượt khách" of transport ("vận chuyển hành khách ... 18,9 triệu lượt khách"; b17 B)
    frozenset({"hanh khach", "hk", "luot hanh khach", "luot khach"}),
)
# A question's word for a quantity produced or moved ("sản lượng xi măng", "khối lượng hàng
# thông quan") -- what a table of products leaves out of its rows ("Xi măng: 623,8 nghìn
# tấn") -- and the units that measure one: mass, energy, volume, length, area (folded), and
# the count nouns after a scale word ("101,2 triệu viên").
QUANTITY_TERMS = frozenset({"san_luong", "khoi_luong"})

QUANTITY_UNITS = frozenset("tan kg ta yen ha km m m2 m3 m³ lit kwh mw gwh kw mwh".split())

# A question's classifier and category head nouns (danh từ chỉ loại: "ngành công nghiệp - xây
# dựng", "khu vực dịch vụ", "khối doanh nghiệp FDI", "lĩnh vực du lịch", "nhóm thực phẩm",
# "mặt hàng sầu riêng"; folded terms): they name no subclass, only the kind of the words
# after them, which reports write with or without them.  Source: the seed articles and dev
# reports write each before many different subjects (ngành: 22 different next words in 33
# uses -- công thương, khai khoáng, công nghiệp, ...; khu vực: 11 in 22 -- cửa khẩu, nông
# thôn, công nghiệp, dịch vụ; lĩnh vực: 9 in 11; nhóm: 11 in 14; mặt hàng: 5 in 10) and the
# dev questions ask "ngành khai khoáng", "khu vực dịch vụ", "nhóm thực phẩm"; "khối" is the
# same classifier ("khối doanh nghiệp", break-test bt18-b17 failure 1).  A figure whose words
# lack one is not thereby another indicator (rag.answer.figures.class_words_unheld).
CLASS_HEAD_TERMS = frozenset({"nganh", "khoi", "khu_vuc", "linh_vuc", "nhom", "mat_hang"})
# The adverbs a change is asked with after "tăng"/"giảm" (folded): "tăng thêm", "tăng được",
# "giảm đi" bao nhiêu -- reports write the change "tăng 2.560 tỷ đồng" (a seed's "tăng thêm
# 579 tỷ đồng" beside its plain "tăng" ones; bt18-b17 failure 1): no word a figure must hold.
CHANGE_ADVERB_TERMS = frozenset({"them", "duoc", "di"})

# "per ..." written after a unit (folded): "xe/ngày", "lượt/năm", "đồng/người", and what
# prices, yields and transport are stated per in statistics offices' price and trade reports:
# a measure ("nghìn đồng/kg", "đồng/lít", "USD/tấn", "tấn/ha"), a trip or visit ("3
# chuyến/ngày", "đồng/lượt"), a head, household or visitor ("đồng/con", "triệu đồng/hộ",
# "đồng/khách"); a period ("tháng", "quý").  Not a place or kind: "xã/phường", "huyện/thành
# phố" name either, not per.  Also what utilities and the GSO's yearbook tables state per:
# a kilowatt-hour of electricity ("đồng/kWh", EVN's retail tariff), a day-and-night of water
# supply ("nghìn m3/ngđ", "m3/ngày đêm" -- the water-supply standard TCVN 33:2006 and
# provincial water reports write both; "đêm" after "ngày" is read by rag.vi.numbers), a square
# kilometre ("người/km2", population density; issue 16 item 6).
UNIT_PER = frozenset("""
ngay thang nam quy nguoi gio tuan phut ha xe kg tan ta yen lit m m2 m3 km km2 chuyen luot khach
con ho kwh ngd
""".split())

# Places a question may name besides the reports' own province (lower case, with diacritics;
# matched folded only in text typed without any, as "Sơn La" is not "Sơn là"): Vietnam's provinces
# and centrally-run cities (the 63 before the 2025 merger; the merged ones keep one of these
# names), and the whole country.  A figure answers a question naming one only if its own
# sentence, heading or document names it too (rag.answer.figures): pages print other
# provinces' figures in sidebars.
# indicators that are balances (folded): the amount standing on a day, as a count is -- "dư
# nợ cho vay đến cuối tháng 8/2029" is the balance of "tháng 8/2029", never a total of
# January to August ("Luỹ kế dư nợ tín dụng đến 30/11/2012", "Tổng nguồn vốn huy động ...
# đến 30/9/2016": dev reports; issue 17 break-test, round-1 items)
# The label of a table's total row (folded, lower case, its cell stripped): "Tổng số", "Tổng
# cộng", "Cộng", "Toàn tỉnh", "Toàn ngành", "Toàn thành phố", "Chung", "Total" (an optional
# colon after).  Read by rag.ingest.tables (a total row is no unit row and sorts last) and by
# rag.answer.answerer.table_parts (a total row is no part).
TOTAL_LABEL_RE = re.compile(r"(?:tong(?: so| cong)?|cong|toan (?:tinh|nganh|thanh pho)|chung|"
                            r"total)\s*:?")


def counted_phrase_at(folded_words: list[str], at: int) -> int:
    """How many of ``folded_words`` from ``at`` make one of the counted things of
    :data:`UNIT_HEAD_PHRASES` ("du an", "hop tac xa": 3 or 2), 0 when none starts there --
    the thing a "Số ..." label or question counts (rag.ingest.tables.label_count_noun,
    rag.answer.figures.count_noun_asked)."""
    return next((n for n in (3, 2) if " ".join(folded_words[at:at + n]) in UNIT_HEAD_PHRASES),
                0)


def is_total_label(folded: str) -> bool:
    """Whether a table row's label ``folded`` (folded, lower case, stripped) names the
    table's total (:data:`TOTAL_LABEL_RE`, the whole label)."""
    return TOTAL_LABEL_RE.fullmatch(folded) is not None


BALANCE_RE = re.compile(r"\b(?:du no|von huy dong)\b")

HOME_PLACE = "lạng sơn"
# The province's districts (huyện), as written: GSO's list of administrative units (Lạng Sơn:
# thành phố Lạng Sơn and these ten huyện; each huyện's seat, a thị trấn, mostly bears its
# name).  A question naming one, with "huyện" or bare ("hội chợ nông sản Cao Lộc"), asks that
# district's figure, never the province's (rag.answer.places.gates_named; break-test bt16e
# item 4, bt17b's "huyện Bình Gia").
HOME_DISTRICTS = ("tràng định", "văn lãng", "văn quan", "bình gia", "bắc sơn", "hữu lũng",
                  "chi lăng", "cao lộc", "lộc bình", "đình lập")
PLACES = tuple("""
hà nội|hồ chí minh|tp.hcm|tphcm|sài gòn|hải phòng|đà nẵng|cần thơ|an giang|bà rịa - vũng tàu|
bà rịa vũng tàu|bắc giang|bắc kạn|bạc liêu|bắc ninh|bến tre|bình định|bình dương|bình phước|
bình thuận|cà mau|cao bằng|đắk lắk|đắk nông|điện biên|đồng nai|đồng tháp|gia lai|hà giang|
hà nam|hà tĩnh|hải dương|hậu giang|hòa bình|hưng yên|khánh hòa|kiên giang|kon tum|lai châu|
lâm đồng|lạng sơn|lào cai|long an|nam định|nghệ an|ninh bình|ninh thuận|phú thọ|phú yên|
quảng bình|quảng nam|quảng ngãi|quảng ninh|quảng trị|sóc trăng|sơn la|tây ninh|thái bình|
thái nguyên|thanh hóa|thừa thiên huế|huế|tiền giang|trà vinh|tuyên quang|vĩnh long|
vĩnh phúc|yên bái|cả nước|toàn quốc|việt nam|trung quốc|china|vietnam
""".replace("\n", "").split("|"))

# The kinds of base a change is compared with, and every everyday name reports and questions
# give them (folded patterns, one table read both ways: rag.answer.figures.comparison_base of
# a report's comparison, rag.answer.question of the base a question names):
# - "same_period", the same period a year before: "cùng kỳ (năm trước)", "cùng tháng năm
#   trước", "cùng quý năm 2023", "cùng thời kỳ", "cùng thời điểm", "cùng giai đoạn", a
#   holiday's "cùng dịp (năm trước)" and "cùng kỳ Tết năm trước" (tourism reports: "tăng
#   22,4% so với kỳ nghỉ lễ cùng dịp năm 2071"; dev3 r20, bt17, bt17g t07);
# - "previous", the period just before: "tháng trước", "quý trước", "kỳ trước";
# - "year_start", the end of the year before: "tháng 12 năm trước", "tháng 12/2027", "đầu
#   năm", "cuối năm trước";
# - "base_year", the fixed base year of a price index: "kỳ gốc 2019", "năm gốc" -- the fourth
#   of the bases the GSO states the month's CPI against ("tăng 0,42% so với tháng trước; tăng
#   2,87% so với tháng 12/2024; tăng 3,65% so với cùng kỳ năm trước và tăng 18,73% so với kỳ
#   gốc 2019": its monthly releases, bt17d tk_thang9_2025; PPI, gold and USD indices alike);
# - "plan": "kế hoạch", "dự toán", "chỉ tiêu", "mục tiêu".
# The GSO's monthly CPI sentence names a month's bases "tháng trước", "tháng 12/YYYY-1" and
# "cùng tháng năm trước" (bt17g t01) where a question may say "cùng kỳ": one kind.
SAME_PERIOD_BASE = r"cung (?:ky|thang|quy|thoi (?:ky|diem)|giai doan|dip)"
PREVIOUS_BASE = r"(?:thang|quy|ky) truoc"
COMPARISON_BASES: tuple[tuple[str, str], ...] = (
    ("same_period", SAME_PERIOD_BASE),
    ("previous", PREVIOUS_BASE),
    ("year_start", r"(?:thang 12 nam (?:truoc|\d{4})|thang 12/\d{4}|"
                   r"dau nam|cuoi nam (?:truoc|\d{4}))"),
    ("base_year", r"(?:ky|nam) goc"),
    ("plan", r"(?:ke hoach|du toan|chi tieu|muc tieu)"))

# The basis (scope) a figure is stated on, and how reports and questions write it (folded
# patterns).  Customs news states three bases of trade side by side: all types of trade through
# the province, the goods declared at the provincial customs, and local goods; tourism counts
# all visitors or the international ones; GRDP is at current or at constant prices.  A tag is
# "narrowing" when it names a part of what the bare indicator means.
BASIS_PATTERNS: list[tuple[str, str]] = [
    ("all_types", r"\b(?:tat ca (?:cac )?loai hinh|moi loai hinh|all types)\b"),
    # "tờ khai tại" as the goods' basis ("hàng hóa có tờ khai tại Chi cục"), not the
    # declarations themselves counted: "số tờ khai tại cửa khẩu Chi Ma", "bao nhiêu tờ khai
    # tại ...", "18.204 tờ khai tại ..." count forms, no part of a trade total (break-test
    # bt16j: the question was held to the declared basis no table row states, refused at 0.86;
    # tests/test_counted_row_words.py)
    ("declared", r"\b(?:mo to khai|lam thu tuc|(?<!so )(?<!so luong )(?<!bao nhieu )"
                 r"(?<!\d )to khai tai|declared)\b"),
    # and trade "của (các) doanh nghiệp trong tỉnh / trên địa bàn tỉnh / địa phương": the
    # local goods by their traders (bt12-b17 failure 5) -- of trade only, as "vốn đăng ký của
    # các doanh nghiệp trong tỉnh" is no part of another basis; "do (các) doanh nghiệp trên
    # địa bàn tỉnh thực hiện" names the same doers (break-test bt26 kind 1, session 53: read
    # on no basis, "Kim ngạch xuất nhập khẩu do doanh nghiệp trên địa bàn tỉnh thực hiện 5
    # tháng ... 418,3 triệu USD" answered the plain total asked, at 1.00;
    # tests/test_local_doers_basis.py) -- "do" right after the trade's own words, as
    # "giảm 5% do doanh nghiệp trong tỉnh thiếu đơn hàng" is a cause, no doer
    ("local_goods", r"\b(?:hang (?:hoa )?dia phuong|local goods|"
                    r"(?:kim ngach|xuat khau|nhap khau|hang hoa)\b[^.;]*?\bcua (?:cac )?"
                    r"doanh nghiep (?:trong tinh|tren dia ban tinh|dia phuong|cua tinh)|"
                    r"(?:kim ngach|xuat khau|nhap khau|hang hoa)(?: (?:xuat|nhap|khau|hang|hoa"
                    r"|xnk|xk|nk|va))* do (?:cac )?"
                    r"doanh nghiep (?:trong tinh|tren dia ban tinh|dia phuong|cua tinh)|"
                    r"doanh nghiep (?:trong tinh|dia phuong) (?:xuat|nhap) khau)\b"),
    # not a facility's name: "cửa khẩu quốc tế Hữu Nghị", "ga đường sắt quốc tế Đồng Đăng";
    # nor an event's: "Hội chợ Thương mại quốc tế Việt - Trung", "triển lãm quốc tế", "hội
    # nghị/hội thảo/diễn đàn quốc tế" -- the event's kind, as the gate's, no part of what is
    # counted: asked by the fair's full name, "... có bao nhiêu gian hàng nước ngoài?" read
    # both words as the basis and was refused at 0.86 (dev3 r18-q43)
    ("international", r"(?<!cua khau )(?<!duong sat )(?<!ga )(?<!san bay )(?<!cang )"
                      r"(?<!ben xe )(?<!hoi cho )(?<!thuong mai )(?<!trien lam )"
                      r"(?<!hoi nghi )(?<!hoi thao )(?<!dien dan )"
                      r"\b(?:quoc te|nuoc ngoai|international|foreign)\b"
                      # "Soc Giang International Border Gate": the gate's kind, as "cửa khẩu
                      # quốc tế" (break-test bt14-b17 failure 5)
                      r"(?!\s+border)"),
    # "khách trong nước" is the "khách nội địa" (SYNONYMS; bt9-b17 failure 1's kind)
    ("domestic", r"\b(?:noi dia|trong nuoc|domestic)\b"),
    ("current_prices", r"\b(?:gia hien hanh|current prices)\b"),
    ("constant_prices", r"\b(?:gia so sanh|constant prices)\b"),
    ("per_capita", r"\b(?:binh quan dau nguoi|dau nguoi|per capita)\b"),
    # "bình quân (của|trên|cho) một/mỗi X": the report's "doanh thu bình quân của một hợp tác
    # xã" and the question's "bình quân một hợp tác xã" alike (break-test bt20-b16 failure 3;
    # "năng suất bình quân trên một lao động", "chi phí trung bình cho mỗi hộ": reports of our
    # own; tests/test_per_unit_and_class_amounts.py)
    ("per_unit", r"\b(?:binh quan|trung binh) (?:(?:cua|tren|cho|tinh tren) )?(?:mot|moi|1) "
                 r"(?!ngay|thang|nam|gio|tuan|quy)"),
    # a span's average growth, "(tốc độ) tăng (trưởng) bình quân (giai đoạn ..., mỗi năm,
    # .../năm)": not any one year's change, which never answers for it, nor it for a year's
    # (issue 17 bt17h: "Tốc độ tăng bình quân giai đoạn 2023 - 2027 đạt 17,6%/năm" beside
    # the year's "tăng 21,4%"; tests/test_rank_and_span_average.py)
    # -- also with its indicator between the growth and "bình quân" ("tốc độ tăng trưởng GRDP
    # bình quân giai đoạn 2021 - 2025 ước đạt 7,1%/năm", dev2 e066; "tăng trưởng GRDP bình quân
    # giai đoạn 2051-2055", break-test bt17k), never "bình quân đầu người" (per head)
    ("span_average", r"\b(?:(?:tang|giam)(?: truong)?|phat trien)(?: [a-z]+){0,4} binh quan\b"
                     r"(?! dau nguoi\b)"
                     r"(?! (?:(?:cua|tren|cho) )?(?:mot|moi|1) (?:ngay|tuan|thang|quy)\b)|"
                     r"\baverage (?:annual )?growth\b|\bcagr\b"),
]
# each basis with its pattern compiled, read by the frames and the question alike
BASIS_RES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (tag, re.compile(pattern)) for tag, pattern in BASIS_PATTERNS)
# Bases that are alternatives to one another -- the three bases of trade, all visitors or one
# kind, the two price bases: a figure stated on one is not on another of its group, so a part
# whose own words name one does not take its total's other ("tổng kim ngạch ... tất cả các loại
# hình ... đạt 5,412 tỷ USD; ... kim ngạch hàng địa phương đạt 486 triệu USD").
BASIS_GROUPS: tuple[frozenset[str], ...] = (
    frozenset({"all_types", "declared", "local_goods"}),
    frozenset({"international", "domestic"}),
    frozenset({"current_prices", "constant_prices"}),
)
NARROWING_BASES = frozenset({"declared", "local_goods", "international", "domestic",
                             "per_capita", "per_unit", "span_average"})
# A qualifier that narrows an indicator to one part of it (folded): a source ("thu ngân sách
# từ hoạt động xuất nhập khẩu"), a branch or sector ("giá trị sản xuất của ngành chế biến"),
# a district under the province ("vốn đầu tư trên địa bàn huyện Cao Lộc"): the kind-of-part
# noun after its opening word.  The words after the noun say which part; a question that
# names none of them asks for the whole (rag.answer.figures.narrowed_by).
NARROWING_QUALIFIER_RE = re.compile(
    r"\b(?:tu|cua|thuoc|tren dia ban|trong) (?:cac )?(?:hoat dong|nguon|nganh|linh vuc|"
    r"khu vuc|huyen|thi xa|thanh pho|xa|phuong|doanh nghiep)\b")
# A population group an indicator is narrowed to (folded): "tỷ lệ thất nghiệp khu vực thành
# thị", "... của thanh niên (15-24 tuổi)", "thu nhập của lao động nữ", "dân số nông thôn" -- a
# part of the population the broadest figure ("của lao động trong độ tuổi", "toàn tỉnh", no
# qualifier) covers; a question naming no group asks for that broadest figure (issue 17's
# "broadest first"; rag.vi.frames.indicators.population_groups).  "nông thôn mới" is a
# programme, "Đoàn Thanh niên" a body, "lao động năm 2079" a year: none is a group.  Seen in
# bt26-b17 and the urban rates of bt-b17 (s31), bt2-b17 and dev3 r14 (tk_thang11_2061).
GROUP_QUALIFIER_RE = re.compile(
    r"\b(?:(?:khu vuc |dan so |ho )?(?:thanh thi|nong thon(?! moi))|(?<!doan )thanh nien|"
    r"(?:lao dong|nguoi) (?:nam(?! \d)|nu)|nam gioi|nu gioi|phu nu|tre em|nguoi cao tuoi|"
    r"\d+ ?(?:-|den)? ?\d+ tuoi)\b")
# A target's verb, what a planner does before the figure it plans ("tỉnh phấn đấu ... đạt
# 7,5%", "UBND tỉnh hướng tới tỷ lệ đô thị hóa đạt 35% vào năm 2030"): one list for both its
# readers, TARGET_RE (the figure is a target) and rag.vi.frames.indicators (the subject and
# verb are no part of the indicator); issue 17 b17 F9 and round A gg; "quyết tâm" bt17-b17 7.
TARGET_VERBS: tuple[str, ...] = ("phấn đấu", "đặt mục tiêu", "đặt ra mục tiêu", "đặt chỉ tiêu",
                                 "hướng tới", "hướng đến", "quyết tâm")
# Words that make a figure a target, not an actual, when written before it (folded).
# "dự báo" as "dự kiến": a forecast, read as a target of aim "forecast" wherever it stands
# before the value ("Quý III/2077, GRDP dự báo tăng khoảng 7,8 - 8,2%": bt23-b17 failure 8)
TARGET_RE = (r"\b(?:ke hoach|muc tieu|chi tieu|du toan|du kien|du bao|duoc giao|"
             r"giao chi tieu|de ra|dat ra|target|planned|plan|"
             + "|".join(fold(v) for v in TARGET_VERBS) + r")\b")
# The words of tense and aspect, as typed with their marks ("Los Angeles đã từng có bao nhiêu
# đội?", XQuAD-vi dev): no thing the question asks about; folded they would be "đá", "tùng",
# "dược" -- so only as typed (rag.answer.figures narrower subject, rag.answer.statements
# question_terms)
ASPECT_WORDS = frozenset("đã đang sẽ từng vẫn cũng được bị đều".split())
# Who set a plan, written before its amount (folded): "dự toán HĐND tỉnh giao (3.385 tỷ đồng)",
# "dự toán Trung ương giao 7.110 tỷ đồng; HĐND tỉnh giao 7.350 tỷ đồng", "kế hoạch UBND tỉnh
# giao" -- budget reports name two plans of one indicator this way (dev-reports, seeds and
# tests/data: 11 "Trung ương giao", 9 "HĐND (tỉnh) giao", 2 "UBND tỉnh giao", 1 "Chính phủ giao")
# The owners themselves (folded): the level of government or the ministry ("dự toán tỉnh
# giao", "Trung ương", "TW", "Bộ Tài chính": s47 bt18a) and the body of a level ("HĐND",
# "UBND") -- one list for the frames' plan shares (rag.vi.frames.sentence.plan_owner) and the
# answerer's targets (PLAN_ISSUER_RE)
PLAN_OWNER_LEVEL = (r"(?:tinh|huyen|thanh pho|thi xa|quan|xa|trung uong|tw|chinh phu"
                    r"|bo tai chinh|bo cong thuong)")
PLAN_OWNER_BODY = r"(?:hdnd|ubnd|hoi dong nhan dan|uy ban nhan dan)"
PLAN_ISSUER_RE = (rf"\b(?:(?:{PLAN_OWNER_BODY}\s+)?{PLAN_OWNER_LEVEL}|{PLAN_OWNER_BODY}"
                  r"|thu tuong(?: chinh phu)?)\s+giao\b")
# Words written after a percentage that make it a share of a plan (folded).
PLAN_AFTER_RE = r"^\s*(?:so voi\s+)?(?:ke hoach|kh\b|du toan|chi tieu|muc tieu)"

# --- question words --------------------------------------------------------------------------
# Every list of question words is here: rag.answer (intent, statements), rag.search.query and
# rag.chat.followup read them.  Folded patterns run on folded text (rag.vi.text.fold).

# "How much / how many" (folded): a question holding one asks for a figure, and the word after
# it is the unit asked for ("bao nhiêu tấn"; group 1 of ASKED_UNIT_RE).
HOW_MUCH: tuple[str, ...] = ("bao nhieu", "may")
_HOW_MUCH = "(?:" + "|".join(HOW_MUCH) + ")"
HOW_MUCH_RE = re.compile(r"\b" + _HOW_MUCH + r"\b")
# Words (folded) that never name a thing asked on their own: numbers, time words, question
# words and the verbs of a result ("đạt và vượt"); rag.answer.conjuncts splits no question
# on a side made of them.
NOT_A_THING_WORDS: frozenset[str] = frozenset(
    "nam thang quy ngay tuan ky dau cuoi nay ngoai truoc la gi nao dat vuot tang giam hay hoac "
    "co".split()) | frozenset(w for phrase in HOW_MUCH for w in phrase.split())
ASKED_UNIT_RE = re.compile(r"\b" + _HOW_MUCH + r"\s+([a-z%]+)")

# Kinds of official documents (folded) and the code their numbers carry ("187/BC-SCT",
# "2456/QĐ-UBND", "318/TTr-SKHĐT"; Nghị định 30/2020/NĐ-CP, Phụ lục III).
DOCUMENT_CODES: dict[str, str] = {
    "quyet dinh": "qd", "qd": "qd", "bao cao": "bc", "bc": "bc", "to trinh": "ttr",
    "ttr": "ttr", "ke hoach": "kh", "nghi quyet": "nq", "nq": "nq", "thong bao": "tb",
    "chi thi": "ct", "cong van": "", "van ban": "", "thong tu": "tt", "nghi dinh": "nd"}
DOCUMENT_KINDS = "|".join(sorted(DOCUMENT_CODES, key=len, reverse=True))

# The kind of value a question asks for, by its question phrase (folded); the first kind that
# matches wins, a question matching none asks for an amount.
# A change asked without its direction (folded): a verb of movement and an asking word
# ("thay đổi bao nhiêu", "biến động thế nào", "thay đổi ra sao") or both directions ("tăng
# hay giảm (bao nhiêu)") -- the figure's change whichever way it went, not a thing named
# "thay đổi" (rag.answer.question reads the measure, rag.answer.intent leaves the words out
# of the indicator and asks no direction; session 31 fh)
CHANGE_ASKED = (r"\b(?:(?:thay doi|bien dong)\s+(?:" + _HOW_MUCH +
                r"|nhu the nao|the nao|ra sao)|tang hay giam|giam hay tang)\b")
CHANGE_ASKED_RE = re.compile(CHANGE_ASKED)

QUESTION_KINDS: list[tuple[str, re.Pattern[str]]] = [
    # a document's number asked ("báo cáo ... số mấy", "tờ trình ... số bao nhiêu"), before
    # its date ("số mấy, ngày nào"): the number names the document
    ("decision", re.compile(r"\b(?:" + DOCUMENT_KINDS + r")\b.*\bso (?:may|bao nhieu|hieu)\b")),
    # not "mỗi ngày bao nhiêu lượt" (how many a day: an average, rag.answer.figures)
    ("date", re.compile(r"\b(?:ngay nao|(?<!moi )(?<!mot )ngay (?:bao nhieu|may)|khi nao|"
                        r"bao gio|thoi gian nao"
                        r"|vao ngay|when|what date|which date)\b")),
    ("decision", re.compile(r"\b(?:quyet dinh|qd)\b(?: so)? (?:nao|may|bao nhieu)\b"
                            r"|\b(?:quyet dinh|van ban) nao\b|which decision"
                            # a document named anywhere, its number asked at the end
                            r"|\b(?:quyet dinh|qd|nghi quyet|nq|to trinh|cong van|thong tu|"
                            r"nghi dinh|chi thi|van ban)\b.*\bso (?:may|bao nhieu|hieu)\b")),
    ("person", re.compile(r"\b(?:la ai|ai la|nguoi nao|ong nao|ba nao|thu tuong nao|who)\b"
                          r"|^ai\b|\bai (?:da|la|duoc|dan|lam|co|se)\b")),
    # a rank asked in any of the reports' rank words ("xếp hạng thứ mấy", "đứng thứ mấy cả
    # nước", "ở vị trí thứ bao nhiêu", "đứng hạng mấy"): "chỉ số PCI ... xếp hạng thứ mấy cả
    # nước?" read as an amount in the unit "cả" and was refused (break-test b17 round 9 item 6)
    ("rank", re.compile(r"\b(?:xep|dung)(?: o)?(?: (?:vi tri|hang))?(?: thu)? "
                        r"(?:may|bao nhieu)\b|\bvi tri (?:thu )?(?:may|bao nhieu)\b"
                        r"|\bthu hang\b|\bwhat (?:rank|position)\b|\branked\b")),
    # "What was the (main) reason for / cause of ...": a sentence asked, before the figure
    # words of "rise in prices", "decrease in exports" make it a change or a level
    ("generic", re.compile(r"\bwhat (?:was|were|is|are) the (?:main |key )?(?:reasons?|causes?)"
                           r"\b")),
    # "What share of the estimate/plan/target ...": a share of the plan, a percent (session
    # 44 bt17l: read a sentence, it answered the spending's share at 0.28)
    ("percent", re.compile(_HOW_MUCH + r" ?(?:%|phan tram)|\bty le\b|\bpercent|%|"
                           r"\bshare of (?:the )?(?:plan|target|(?:budget )?estimate)\b")),
    # "thay đổi bao nhiêu", "biến động thế nào": how a figure moved, its change
    ("change", re.compile(r"\b(?:tang|giam|bang) (?:(?:them|duoc|di) )?" + _HOW_MUCH +
                          r"\b|" + CHANGE_ASKED +
                          r"|\bhow (?:much|fast) did .* (?:grow|"
                          r"increase|decrease)|\b(?:growth|increase|decrease)\b"
                          # "What was X('s) change / X in P compared with Q / year on year?":
                          # a change asked, not a sentence -- unless compared with a plan,
                          # a share of it (issue 17; bt*-b17 English questions)
                          r"|\bwhat (?:was|were|is|are)\b.*(?:\bchanges?\b|"
                          r"\bcompared (?:with|to)\b(?! the (?:annual |year'?s )?(?:plan|target))"
                          r"|\byear[ -]on[ -]year\b)")),
    # English questions asking for a figure: "how many", "how much", "what was the total
    # turnover / the number of ... / retail sales"
    ("amount", re.compile(r"\bhow (?:many|much)\b|\bwhat (?:was|were|is|are|will be)\b.*"
                          r"\b(?:total|number|value|amount|turnover|revenue|sales|output|"
                          r"volume|budget|capital|gdp|grdp|exports?|imports?|visitors|"
                          r"tourists|arrivals|products|trucks|vehicles|"
                          # a level of an indicator in its own unit: "What was the retail
                          # price of live pork / the rice yield / the CPI in P?" (bt*-b17)
                          r"prices?|yields?|rates?|index|cpi|iip|production|consumption|"
                          # ... and inflation, the CPI's change (EVERYDAY_NAMES): "What was
                          # inflation in June 2033?" read as a sentence asked, refused
                          r"capacity|area|inflation)\b")),
    ("entity", re.compile(r"\b(?:nao|which)\b")),
    ("generic", re.compile(r"\b(?:what|why|where|how)\b")),
]

# Vietnamese question words that fold onto common words ("đâu"/"đầu", "gì"/"gi"): matched with
# their diacritics, on the lower-case question.
GENERIC_QUESTION_RE = re.compile(r"(?<!\w)(?:gì|đâu|tại sao|vì sao|thế nào|làm sao|là gì"
                                 r"|điều gì"
                                 # a request or a yes/no question, which a sentence answers
                                 # ("Kể tên một nhánh ...", "... gọi là", "... phải không?")
                                 r"|kể tên|được gọi là|phải không|có phải|hay không)(?!\w)")
# The same asked in a question typed without any diacritics, where only the unambiguous two-word
# forms are told apart: "vi sao kim ngach XNK nam 2015 giam" asks why, not how much -- and
# "gi" closing the question ("lang nghe Hong Phong lam nghe gi"), where it is "gì" (a bare
# "gi" is no other word there): a statement asked, which a figure of its sentence ("210 hộ
# tham gia") answered at 1.0 (break-test bt20c d04)
GENERIC_QUESTION_FOLDED_RE = re.compile(r"(?<!\w)(?:tai sao|vi sao|the nao|lam sao|dieu gi)"
                                        r"(?!\w)|(?<!\w)gi\W*$")

# Question words with and without diacritics, and English ones: where a question asks.  The
# words next to one stand next to the answer in the sentence that holds it.
QUESTION_WORDS: tuple[str, ...] = (
    "bao nhiêu", "bao lâu", "bao xa", "bao giờ", "mấy", "ai", "gì", "nào", "đâu", "thế nào",
    "tại sao", "vì sao", "bao nhieu", "bao lau", "bao gio", "may", "gi", "nao", "dau", "when",
    "what", "who", "which", "where", "how")
QUESTION_WORD_RE = re.compile(r"(?<!\w)(?:" + "|".join(QUESTION_WORDS) + r")(?!\w)")

# Asking for a time (folded): the answer holds a date, a year or a century.
WHEN_RE = re.compile(r"\b(?:khi nao|nam nao|bao gio|luc nao|thoi gian nao|thap ky nao"
                     r"|the ky nao|when)\b")

# What a question's tail asks with (folded), after the verb: "(tăng) bao nhiêu", "là gì".
ASK_WORDS: tuple[str, ...] = (*HOW_MUCH, "gi", "ai", "nhu the nao", "the nao", "ra sao",
                              "bao lau", "khi nao", "o dau", "nhung gi")
# Asking words that only say "what about", not what is asked (folded).
WEAK_ASK_WORDS: tuple[str, ...] = ("nhu the nao", "the nao", "ra sao", "thi sao")

# Question words typed without diacritics, restored before the corpus's own word pairs (the
# reports never ask questions, so the corpus would read "bao nhieu" as "bảo nhiều").
QUESTION_PHRASES: dict[str, str] = {
    "bao nhieu": "bao nhiêu", "la bao nhieu": "là bao nhiêu", "la gi": "là gì",
    "la ai": "là ai", "ai la": "ai là", "khi nao": "khi nào", "ngay nao": "ngày nào",
    "the nao": "thế nào", "nhu the nao": "như thế nào", "thi sao": "thì sao",
    "o dau": "ở đâu", "phan tram": "phần trăm", "may": "mấy", "nao": "nào",
    "con": "còn", "the con": "thế còn", "duoc": "được", "co": "có",
}


# kinds of place a report writes before a place's name, folded: "huyện Cao Lộc", "cửa khẩu Hữu
# Nghị", "khu công nghiệp Đồng Bành" (a table's row labels and its corner header "Huyện")
PLACE_KINDS = ("tinh", "huyen", "thanh pho", "thi xa", "xa", "phuong", "thi tran", "quan",
               "cua khau", "loi mo", "khu kinh te", "khu cong nghiep", "cum cong nghiep",
               # crossings listed beside the gates ("tại 5 cửa khẩu và 2 đường chuyên dụng, lối
               # thông quan", "các điểm thông quan": seeds 000/002, dev report dv05)
               "diem thong quan", "loi thong quan", "duong chuyen dung")


# how a change went, said between its verb and its value ("tăng nhẹ 0,08%", "giảm mạnh 20%",
# "tăng bình quân 7,58%/năm"), with its diacritics; "nhất" after one ranks it among the items
# listed ("tăng cao nhất 4,86%": dev2 e01) -- rag.vi.frames.measures reads the change through
# them, rag.vi.frames.indicators trims them off the indicator
CHANGE_DEGREES = ("nhẹ", "mạnh", "cao", "nhanh", "sâu", "khá", "đều", "bình quân", "nhiều", "ít",
                  "thấp", "chậm")

# Vietnamese family names (lower case, with diacritics), the common Kinh ones and those of the
# Tày, Nùng and other peoples of Lạng Sơn: the first word of a person's name.  A role written
# before an office's name and then a person's ("Giám đốc Sở Hoàng Minh Khuê", "Chủ tịch UBND
# tỉnh Lạng Sơn Vi Văn Đức") is one capitalised run; the person starts at the family name
# (rag.answer.candidates.trailing_person; break-test bt20a: "Giám đốc Sở Công Thương năm 2093
# là ai?" answered by a place; tests/test_span_kinds.py).
FAMILY_NAMES = frozenset(
    "nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đào đoàn vương "
    "trịnh trương lâm phùng mai tô tạ hà lương cao đinh lưu chu thái triệu quách kiều khổng "
    "tôn đàm nông lục vi sầm ma mã lăng lộc hứa tăng la âu giáp thân mạc lò quan hầu bế lã "
    "lạc nghiêm doãn khúc ninh tống diệp nhữ chẩu lành lường mông đường vy".split()
)
