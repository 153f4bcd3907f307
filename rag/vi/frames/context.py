"""What a document has said so far, as its figures are read: the lead period, the year in
force, the heading and its period, the paragraph's period, the subject, the table header."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from rag.vi.calendar import Period, week_period
from rag.vi.frames.frame import Frame
from rag.vi.frames.indicators import names_figure
from rag.vi.frames.measures import TARGET, target_aim, unplanned
from rag.vi.mentions import find_mentions, own_holiday
from rag.vi.numbers import find_values
from rag.vi.text import fold

# a week of the year as rag.vi.calendar.week_period labels it ("tuần 23/2050")
YEAR_WEEK = re.compile(r"tuần (\d{1,2})/(\d{4})")

HEADING_MAX = 140  # characters: a line this short with no sentence end is a heading


@dataclass
class Context:
    """What the document has said so far: the period and year in force, the heading."""

    lead: Period | None = None
    year: int | None = None
    # the year of the document (its date, title, date line) or of the heading in force: what
    # a period written without its year ("6 tháng") takes in a new paragraph -- not the year
    # a sentence of another paragraph stated (ctx.year carries within a paragraph only)
    heading_year: int | None = None
    heading: str = ""
    heading_period: Period | None = None
    heading_target: bool = False
    heading_aim: str = ""  # the kind of target the heading names (measures.target_aim), or ""
    # the indicator a numbered sub-heading names ("a) Tổng mức bán lẻ hàng hóa ..."), else "":
    # what an official figure under it restates ("Số chính thức tháng 4 đạt ..."), over a
    # figure stated before the heading (enter_heading; rag.vi.frames.sentence)
    heading_subject: str = ""
    paragraph_period: Period | None = None
    # the holiday a paragraph opened with ("Trong kỳ nghỉ Tết Nguyên đán (từ ngày 5/2 đến
    # hết ngày 10/2/2027), ..."): the period of its later sentences and of the next
    # paragraphs that still speak of it and name no period outside it (document.holiday_span)
    holiday: Period | None = None
    subject: str = ""
    # the crop, product or sector a measure's head was last said of in this paragraph ("lúa"
    # of "gieo cấy 21.300 ha lúa", "xi măng" of "sản lượng xi măng"): what a bare head after
    # it is of (rag.vi.frames.indicators.topic_named); reset at a heading and a blank line
    topic: str = ""
    whole: Frame | None = None  # the last total stated, for a "riêng ..." that follows
    stated: Frame | None = None  # the last level stated, for a "con số này" that follows
    # the last level stated in this paragraph (reset at a heading and a blank line, as topic):
    # what a shortened name of it in a later sentence is of (rag.vi.frames.sentence)
    said: Frame | None = None
    # the last figure stated, of any measure, for a "số liệu chính thức quý III tăng 6,94%"
    # that follows a change ("GRDP ước tăng 7,61%"; rag.vi.frames.sentence)
    recent: Frame | None = None
    now: date | None = None  # the report's date: what "hiện nay" means in it
    table: list[tuple[str, Period | None]] = field(default_factory=list)
    table_row: str = ""  # the label of the table line read last (rag.vi.frames.tables)
    row_period: Period | None = None  # the period of its last column that named one
    # what the last "Số ..." row of the table counts ("hộ được hỗ trợ tiền thuê nhà"): the
    # subject of the money rows right under it ("Kinh phí hỗ trợ"; rag.vi.frames.tables)
    row_counted: str = ""
    index_columns: dict[str, bool] = field(default_factory=dict)  # tables.index_columns
    assigned_year: int | None = None  # a decision assigning targets: the year it sets them for
    # the year the report is about: its title's, else its lead period's (first paragraphs),
    # else its date's (rag.vi.frames.document); see earlier_count_day
    report_year: int | None = None
    # the subject of the question a press conference's answer follows ("Số xã đạt chuẩn nông
    # thôn mới nâng cao" of "Phóng viên ... hỏi: Số xã ... là bao nhiêu?"): what the answer's
    # figures of no subject of their own are of (speaker_label, rag.vi.frames.sentence);
    # "" outside the answer right after a question
    asked: str = ""
    # the levels the prose paragraph right before the table being read stated (its lead-in:
    # "Kim ngạch nhập khẩu 10 tháng ... ước đạt 1.264 triệu USD"): the whole a table's rows
    # are parts of when its header names no indicator (rag.vi.frames.tables.led_whole)
    led: list[Frame] = field(default_factory=list)
    # the numbered headings in force, outermost first: (numbering style, marker, own period)
    # -- what a sub-heading naming no period of its own takes its period from (enter_heading)
    outline: list[tuple[str, str, Period | None]] = field(default_factory=list)
    # the levels the document has stated so far with a period (not targets), in order: the
    # total a later sentence names by its value ("Trong 248 sản phẩm, có 2 ... 5 sao") and
    # whose period its parts take (rag.vi.frames.sentence.named_total_period)
    levels: list[Frame] = field(default_factory=list)


def is_heading(line: str) -> bool:
    """Whether ``line`` is a heading: at most HEADING_MAX characters, no sentence end and no
    figure."""
    s = line.strip()
    return bool(s) and len(s) <= HEADING_MAX and not re.search(r"[.!?:;]\s*$", s) \
        and not find_values(s)


# A calendar day as a report's stamp writes it: "05/4/2027", "29-08-2024", "ngày 09 tháng 12
# năm 2019"; a range or a point in time ("từ 1/12 đến 15/12/2022", "tính đến 31/3/2026")
# heads what follows instead.
_DAY = re.compile(r"(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d\d)(?![\d/.-])|"
                  r"\bngay (\d{1,2}) thang (\d{1,2}) nam ((?:19|20)\d\d)\b")
_SPAN = re.compile(r"(?<!\w)(?:từ|đến|tới|trước|sau)(?!\w)")
_SPAN_PLAIN = re.compile(r"\b(?:tu|den|toi|truoc|sau)\b")  # text typed without diacritics


def dateline(line: str) -> date | None:
    """The day a document's stamp line names ("Ngày 05/4/2027", "Cập nhật 15/03/2021",
    "16/12/2022 10:05 (GMT+7)", "Lạng Sơn, ngày 09 tháng 12 năm 2019", "Thứ Tư, 05/01/2022"),
    or None when ``line`` is no stamp: a short line (:data:`HEADING_MAX`) with no sentence
    end that writes one calendar day and no range or point in time ("từ", "đến").  Only a line
    of a document's front matter -- before its first sentence -- is read as one
    (rag.vi.frames.document): in the body such a line may head the figures of that day."""
    s = line.strip()
    if not s or len(s) > HEADING_MAX or re.search(r"[.!?;]\s*$", s):
        return None
    lower = s.lower()
    folded = fold(lower)
    days = list(_DAY.finditer(folded))
    if len(days) != 1 or (_SPAN_PLAIN if folded == lower else _SPAN).search(lower):
        return None
    g = days[0].groups()
    d, m, y = (g[0], g[1], g[2]) if g[0] else (g[3], g[4], g[5])
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None


# a table's caption heading its rows ("Bảng 2. Kế hoạch sản xuất năm 2093", "Biểu 05. Chỉ
# tiêu môi trường", "Phụ lục 3: ..."), folded: what it says of plans is said of its table's
# rows (whose own column headers say it again), not of the prose after the table; its
# "chỉ tiêu" names the table's rows (their header cell "Chỉ tiêu"), no plan (bt8-b16)
CAPTION = re.compile(r"^(?:bang|bieu|phu luc)\s*(?:so\s*)?(?:\d+|[ivx]+)\b")


def titled_week(lead: Period, lines: list[str], year: int | None) -> Period:
    """``lead`` (a document's lead period) as the week its title or first lines name when it
    is a span of at most 7 days lying in that week: "BẢN TIN GIÁ THỊ TRƯỜNG TUẦN 41 NĂM 2055"
    over "(từ 07/10/2055 đến 13/10/2055)" is "tuần 41/2055" of those days (calendar.week_period;
    a bulletin's week need not be the ISO one, 11-17/10).  ``lines``: the title and the lead
    paragraphs; ``year``: the document's.  Any other lead, or lines naming no week or two,
    leave it as it is.  Break-test bt17r ban_tin_gia_tuan41_2055: "Giá gà ta tuần 41 năm
    2055?" was refused for "từ 7/10 đến 13/10/2055" though the bulletin is titled week 41."""
    if lead.kind not in ("days", "week") or (lead.end - lead.start).days > 6:
        return lead
    weeks = {x.period.label: x.period for line in lines for x in find_mentions(line, year)
             if x.period.kind == "week" and not x.comparison}
    if len(weeks) != 1:
        return lead
    week = next(iter(weeks.values()))
    if week.label == lead.label or not (
            week.start - timedelta(days=6) <= lead.start <= week.end):
        return lead
    m = YEAR_WEEK.fullmatch(week.label)
    if m is None:
        return lead
    return week_period(int(m.group(2)), int(m.group(1)), lead.start, lead.end) or lead


def enter_heading(line: str, ctx: Context) -> None:
    """Make ``line`` the heading in force in ``ctx``: its text (numbering dropped), its
    period and year, whether it heads targets; the paragraph's period and subject reset."""
    ctx.heading = re.sub(r"^\s*(?:[IVX]+|\d+|[a-zđ])[.)]\s*", "", line.strip())
    own = [x for x in find_mentions(line, ctx.year) if not x.comparison]
    holiday = own_holiday(line, ctx.year)
    if holiday is not None and (not own or holiday.start <= own[0].start):
        # "Bảng 3: Tiêu thụ hàng hóa dịp Tết Nguyên đán Canh Tý 2020", a sheet "Tết Canh Tý
        # 2020": the holiday's days head what follows, not the year inside its name
        own = [holiday, *(x for x in own if x.start >= holiday.end)]
    before = ctx.heading_period
    ctx.heading_period = own[0].period if own else None
    if ctx.heading_period is not None and before is not None and before.kind == "week":
        # "BẢN TIN GIÁ … TUẦN 41 NĂM 2055" then "Giá bán lẻ … (từ 07/10/2055 đến 13/10/2055)":
        # the week of those days
        ctx.heading_period = titled_week(ctx.heading_period, [before.label], ctx.year)
    numbered = heading_number(line, ctx.outline)
    if numbered is None:
        ctx.outline = []
    else:
        style, marker = numbered
        styles = [s for s, _, _ in ctx.outline]
        if style in styles:
            del ctx.outline[styles.index(style):]
        if ctx.heading_period is None:
            # "A. KẾT QUẢ THỰC HIỆN 6 THÁNG ĐẦU NĂM 2075" then "2. Nông, lâm nghiệp": a
            # sub-heading naming no period is of its section's (bt18-b17 failure 4)
            ctx.heading_period = next((p for _, _, p in reversed(ctx.outline) if p), None)
        ctx.outline.append((style, marker, own[0].period if own else None))
    # "3. Vốn đầu tư ..." then "a) Tổng mức bán lẻ hàng hóa ..." over "Số chính thức tháng
    # 4/2014 đạt 1.018,7 tỷ đồng": the figure restated is the sub-heading's indicator, not
    # the last one stated before it (dev2 e114); a numbered heading opens a section, whose
    # restated figures are its own -- none before it (ctx.stated, ctx.recent forgotten)
    ctx.heading_subject = ctx.heading if numbered is not None and names_figure(ctx.heading) \
        else ""
    if numbered is not None:
        ctx.stated = ctx.recent = None
    if own:
        ctx.year = ctx.heading_year = own[-1].period.year
    folded = fold(line)
    planned = unplanned(line)
    if CAPTION.match(planned.strip()):
        planned = re.sub(r"\bchi tieu\b", " ", planned)
    ctx.heading_target = (bool(TARGET.search(planned)) or heads_ahead(
        folded, ctx.heading_period if own else None, ctx)) and not re.search(
        r"\b(?:thuc hien|ket qua|tinh hinh)\b", folded)
    ctx.heading_aim = target_aim(line) if ctx.heading_target else ""
    ctx.paragraph_period = None
    ctx.holiday = None
    ctx.subject = ""
    ctx.topic = ""
    ctx.said = None
    ctx.row_counted = ""
    ctx.whole = None


# what a heading over the tasks of a period names them by, folded: "MỘT SỐ CHỈ TIÊU CHỦ YẾU NĂM
# 2076", "NHIỆM VỤ 6 THÁNG CUỐI NĂM 2075", "PHƯƠNG HƯỚNG ... NĂM 2073" (the break-test corpora
# bt22-b17, bt18-b17, bt20-b17 of issue 17)
_TASK_HEADING = re.compile(r"\b(?:chi tieu|muc tieu|ke hoach|nhiem vu|phuong huong)\b")


def heads_ahead(folded: str, period: Period | None, ctx: Context) -> bool:
    """Whether a heading (``folded``: its text folded) names the tasks of a period still ahead
    of the report (``period``: the heading's own, None when it names none): "III. MỘT SỐ CHỈ
    TIÊU CHỦ YẾU NĂM 2076" in a report dated 5/12/2075 heads the targets set for 2076, no
    results -- "một số chỉ tiêu chủ yếu" alone names indicators (measures.unplanned: a
    yearbook's or a report's table of results), so what makes it a target list is the period
    that has not begun on the report's date (``ctx.now``; without one, a year after the
    report's year, ``ctx.report_year``) (issue 17 bt22-b17 failure 3)."""
    if period is None or not _TASK_HEADING.search(folded.lower()):
        return False
    if ctx.now is not None:
        return period.start > ctx.now
    return ctx.report_year is not None and period.start.year > ctx.report_year


# a heading's number as reports write it: "A.", "II.", "2.", "2.1.", "b)"
_NUMBERED = re.compile(r"^\s*(?:(?P<roman>[IVXL]+)|(?P<upper>[A-ZĐ])"
                       r"|(?P<arabic>\d{1,2}(?:\.\d{1,2})*)|(?P<lower>[a-zđ]))[.)]\s")


def heading_number(line: str, outline: list[tuple[str, str, Period | None]]
                   ) -> tuple[str, str] | None:
    """(numbering style, marker) of a heading ``line`` -- "upper" for "A.", "roman" for
    "II.", "arabic" for "2." ("arabic2" for "2.1.", one more level per dot), "lower" for
    "b)" -- or None when it is not numbered.  A lone "I", "V", "X", "L" is the letter after
    the ``outline``'s upper-case one before it ("H." then "I."), else a roman number.  Styles
    nest in the order a document first uses them (rag.vi.frames.context.enter_heading)."""
    m = _NUMBERED.match(line)
    if m is None:
        return None
    marker = m.group(m.lastgroup or "")
    style = m.lastgroup or ""
    if style == "roman" and len(marker) == 1:
        letters = [mk for st, mk, _ in outline if st == "upper"]
        if letters and ord(letters[-1]) + 1 == ord(marker):
            style = "upper"
    if style == "arabic":
        style += str(marker.count(".") + 1) if "." in marker else ""
    return style, marker


# A document that assigns targets ("Quyết định ... về việc giao chỉ tiêu kế hoạch phát triển
# kinh tế - xã hội năm 2020", "giao dự toán ngân sách"): its figures of that year are targets.
_ASSIGNS = re.compile(r"\bgiao (?:chi tieu|ke hoach|du toan)\b")


def assigned_year(title: str, year: int | None) -> int | None:
    """The year a document titled ``title`` assigns targets for (its title's last year, else
    ``year``), or None when it assigns none."""
    folded = fold(title).lower()
    if not _ASSIGNS.search(folded):
        return None
    years = re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", folded)
    return int(years[-1]) if years else year


def earlier_count_day(ctx: Context, period: Period) -> bool:
    """Whether ``period`` is a count at a day ("tính đến 31/12/2046", "cuối năm 2045") of a
    year before the report's -- the least of the year the report is about (its title's, else
    its lead period's, else its date's: ``ctx.report_year``) and its heading's year -- which
    dates its own figure only: the base a current count is set against ("tính đến 20/7/2047
    có 6.842 doanh nghiệp; tính đến 31/12/2046 có 6.515"), so a "tháng 7", "7 tháng" written
    after it without a year is of the report's year, not that day's (break-test b17 round 10,
    failure 1).  A report about that year -- "Tính đến 31/12/2038 ..." opening an untitled
    report dated 20/01/2039, or a heading "Kết quả năm 2038" -- keeps that year in force
    (tests/test_count_day_base_year.py)."""
    years = [y for y in (ctx.report_year, ctx.heading_year) if y is not None]
    return period.kind == "to_date" and bool(years) and period.year < min(years)


def assigned(ctx: Context, period: Period | None, measure: str) -> bool:
    """A level or change of the year the document assigns targets for
    (:func:`assigned_year`)."""
    return ctx.assigned_year is not None and measure in ("level", "change") \
        and period is not None \
        and period.start.year == period.end.year == ctx.assigned_year


# A speaker's or an asker's label opening a line of a press conference's questions and
# answers ("Phóng viên báo X hỏi:", "Đại diện Sở Tài chính trả lời:", "Ông Nguyễn Văn A,
# Giám đốc Sở Công Thương cho biết:", "Hỏi:", "Đáp:"), folded: who speaks, never what a
# figure after it is of (break-test b17 round 15, failures 3 and 6)
_SPEAKER = re.compile(
    r"^\s*(?:[-–•+*]\s*)?(?:(?P<who>[^:.?!;\d]{2,160}?)\s+)?"
    r"(?P<verb>tra loi|hoi|cho biet|phat bieu|chia se|giai dap|dap|thong tin|noi|"
    r"khang dinh|nhan manh|trao doi)\s*(?::|(?<=cho biet),)\s*", re.IGNORECASE)
_ASKING = frozenset(("hoi",))
# the same verbs as written with their marks: a line written with marks whose verb is another
# syllable folded alike is no speaker's label -- "Tinh dầu hồi: 47 tấn" is a row of star anise
# oil, no one "hỏi" (break-test bt16e item 6), "Hàng nội: ..." no one "nói", "Hồ đập: ..." no
# "đáp" -- as the stopwords are told apart by their marks (rag.vi.lexicon.STOPWORDS_EXACT)
_SPEAKER_VERBS = frozenset(("trả lời", "hỏi", "cho biết", "phát biểu", "chia sẻ", "giải đáp",
                            "đáp", "thông tin", "nói", "khẳng định", "nhấn mạnh", "trao đổi"))
# what a question asks of its subject ("... đến nay là bao nhiêu?", "... ra sao?"), folded
_ASKED_TAIL = re.compile(
    r"\s*(?:,\s*)?(?:(?:hien nay|den nay|hien|nay)\s+)?(?:(?:la|dat|duoc|co|da)\s+)?"
    r"(?:bao nhieu|the nao|nhu the nao|ra sao|nhu nao|gi)\b.*$")


def speaker_label(line: str) -> tuple[int, bool]:
    """Where the speaker's or asker's label opening ``line`` ends (0 when there is none) and
    whether the line is a question: ``"Phóng viên báo Nông thôn hỏi: Số xã ... là bao
    nhiêu?"`` -> (its label's end, True); ``"Đại diện Sở Tài chính trả lời: Tính đến ..."``
    -> (its label's end, False); a line with no label is a question when it ends with "?".
    A label is at most 20 words with no figure, sentence end or ";" before its verb ("trả
    lời", "hỏi", "cho biết", ...) and a ":" right after it.  The label names who speaks,
    never what a figure of the line is of, and a question states no figure: the caller reads
    the line after the label, and a question's subject (:func:`asked_subject`) as what the
    answer's figures are of (break-test b17 round 15, failures 3 and 6)."""
    folded = fold(line)
    m = _SPEAKER.match(folded)
    if m is not None and len((m.group("who") or "").split()) > 20:
        m = None
    if m is not None and len(folded) == len(line):
        written = line[m.start("verb"):m.end("verb")].lower()
        if fold(written) != written and written not in _SPEAKER_VERBS:
            m = None  # "Tinh dầu hồi:", typed with marks, is no "hỏi:"
    end = m.end() if m is not None else 0
    asking = m is not None and m.group("verb").lower() in _ASKING
    return end, asking or line.rstrip().endswith("?")


def asked_subject(question: str) -> str:
    """What ``question`` (a question's words after its asker's label) asks a figure of, as
    written: "Số xã đạt chuẩn nông thôn mới nâng cao đến nay là bao nhiêu?" -> "Số xã đạt
    chuẩn nông thôn mới nâng cao"; "" when no interrogative ("bao nhiêu", "thế nào", "ra
    sao", ...) follows a subject, or the words before it hold a figure or a period."""
    q = question.strip().rstrip("?").strip()
    m = _ASKED_TAIL.search(fold(q).lower())
    if m is None or m.start() == 0 or re.search(r"\d", q[:m.start()]):
        # a question stating figures of its own ("Năm 2061 tỉnh đặt mục tiêu 12 dự án, tiến
        # độ đến nay ra sao?") names no one subject its answer's figures are of
        return ""
    return q[:m.start()].strip(" ,")
