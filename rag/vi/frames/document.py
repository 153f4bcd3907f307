"""Reading a whole document into figure frames: its lead period (title, first paragraphs),
then paragraph by paragraph -- headings, table rows, sentences."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from rag.vi.calendar import HOLIDAY, Period, is_day_list, year_period
from rag.vi.frames.averages import span_average_subject
from rag.vi.frames.basis_restated import basis_restated
from rag.vi.frames.context import (
    CAPTION,
    Context,
    asked_subject,
    assigned_year,
    dateline,
    enter_heading,
    is_heading,
    speaker_label,
    titled_week,
)
from rag.vi.frames.corrections import apply_corrections, corrects_in_note
from rag.vi.frames.frame import Frame
from rag.vi.frames.holiday_restated import restated_holiday
from rag.vi.frames.lead_ins import is_note, lead_in_subject, row_key, total_spans
from rag.vi.frames.measures import TARGET
from rag.vi.frames.named_wholes import parts_of_named_whole
from rag.vi.frames.rankings import ranked_items, without_ranked_ahead
from rag.vi.frames.sentence import latest_stated, season_in_passing, sentence_frames
from rag.vi.frames.singled_out import wholes_of_singled_periods
from rag.vi.frames.tables import (
    index_columns,
    table_line_frames,
    table_line_head,
    table_row_frames,
    unit_note_line,
)
from rag.vi.letterhead import is_letterhead
from rag.vi.mentions import find_mentions, own_holiday, week_heading
from rag.vi.numbers import find_values, is_money
from rag.vi.sentences import sentences
from rag.vi.text import fold

# a line that says when the page was published or updated ("Đăng ngày 06/10/2074", "Ngày đăng:
# ...", "Cập nhật lúc ...", "Posted on ..."), folded: the page's stamp wherever it stands -- a
# CMS prints it under the title, after a lead that already reads as a sentence, and as a
# heading it gave its day to the figures after it ("Trong đó, thu từ hoạt động xuất nhập khẩu
# đạt 2.046,1 tỷ đồng" read as of 6/10/2074: break-test bt11-b16 failure 2)
_PUBLISHED = re.compile(r"^\W*(?:dang ngay|ngay dang|ngay dang tai|dang luc|cap nhat|ngay cap nhat|"
                        r"thoi gian dang|xuat ban|ngay xuat ban|posted|published|updated)\b")

# what a title names the period ahead with, folded: "Tình hình ... 6 tháng đầu năm, phương
# hướng nhiệm vụ 6 tháng cuối năm 2075", "kết quả ... năm 2019 và phương hướng năm 2020" (dev
# reports dv10), "... 6 tháng đầu năm, triển khai phương hướng, nhiệm vụ 6 tháng cuối năm 2023"
# (seed 004): the tasks ahead, not what the report's figures are of -- read as a second
# period of the title it left the report with no lead, and its figures that name no period
# with none (issue 17 bt18-b17 failure 4)
_AHEAD = re.compile(r"\bphuong huong\b")
LEAD_PARAGRAPHS = 2  # paragraphs read for a document's lead period
# An item of a list: "- Giao thông (−3,52%)", "+ ...", "• ...", "a) ...".
LIST_ITEM = re.compile(r"^\s*(?:[-–•+*]|[a-zđ]\)|\d{1,2}\))\s")
# a list item of only a period and a value ("- Quý I: ước 5.318,6 tỷ đồng", "- Cả năm: đạt
# 21.400 tỷ đồng"): its words before the colon are period words, after it at most "ước", "đạt"
ELLIPTIC_ITEM = re.compile(
    r"^\s*[-–•+*]\s*(?=[^:]*\b(?:tháng|quý|năm|lũy kế|luỹ kế|cộng dồn)\b)"
    r"(?:tháng|quý|năm|cả|đầu|tính chung|lũy kế|luỹ kế|cộng dồn|[IVX]+|\d+|[/,\s])+:\s*"
    r"(?:ước tính|ước đạt|ước|đạt|sơ bộ|khoảng)?\s*[−-]?\d", re.IGNORECASE)
# The line naming a spreadsheet's sheet, as rag.ingest.sheets writes it before the sheet's
# lines ("Trang tính: Biểu 01"): a heading whatever its name holds -- "PL 03", "Số liệu 01",
# "Sheet 3" are labels, not figures; "Quý 2025" gives the lines under it their period.
SHEET_LINE = "Trang tính: "
# A section's lead-in opening its line, as a press release's paragraphs begin ("Trồng trọt:",
# "Chăn nuôi, thủy sản:", "Lâm nghiệp:"): a label of words, no figure, no sentence end.
SECTION_LABEL = re.compile(r"^\s*[^\W\d_][^\d:;.!?]{1,48}:\s*")


def extract(text: str, title: str = "", doc_date: str | None = None) -> list[Frame]:
    """Every figure frame of a document (``text`` as stored; ``title``; ``doc_date`` ISO),
    in order of their values."""
    ctx = Context()
    year = int(doc_date[:4]) if doc_date and doc_date[:4].isdigit() else None
    try:
        ctx.now = date.fromisoformat(doc_date) if doc_date else None
    except ValueError:
        ctx.now = None
    ctx.year = year
    # "... năm 2012 và kế hoạch năm 2013": the plan's year is not what the figures are of
    title_periods = [m.period for m in find_mentions(title, year) if not m.comparison
                     and not TARGET.search(fold(title[max(0, m.start - 24):m.start]))
                     and not _AHEAD.search(fold(title[max(0, m.start - 24):m.start]).lower())]
    if len({(p.start, p.end) for p in title_periods}) == 1:
        ctx.lead = title_periods[0]
        if ctx.lead.kind == "season" and title.rstrip("… ").strip() in text:
            # a title that is the text's own first words (a file's title, read from its
            # first sentence) is that sentence: its season leads with its year only, as the
            # first paragraphs' season does below (b17 D16)
            ctx.lead = year_period(ctx.lead.year)
    if title_periods:
        ctx.year = title_periods[-1].year
    titled = holiday_lead(title, ctx) if title.strip() else None
    if titled is not None:
        # "Dịp nghỉ lễ 30/4 - 1/5/2028: Lạng Sơn đón gần 170 nghìn lượt khách": a report about
        # the holiday, whose figures stating no period are the holiday's (holiday_lead)
        ctx.lead, ctx.year = titled, titled.year
    ctx.heading_year = ctx.year
    ctx.index_columns = index_columns(text)
    ctx.assigned_year = assigned_year(title, ctx.year)
    frames: list[Frame] = []
    paragraphs = list(re.finditer(r"[^\n]+", text))
    if ctx.lead is None or ctx.lead.kind == HOLIDAY:
        for m in paragraphs[:LEAD_PARAGRAPHS + 1]:
            if dateline(m.group(0)) is not None:
                continue
            held = holiday_lead(m.group(0), ctx)
            if held is not None and (ctx.lead is None or (
                    held.start <= ctx.lead.end and ctx.lead.start <= held.end)):
                # a title or first paragraph about a holiday ("Trong 5 ngày nghỉ lễ ... (từ
                # ngày 27/4 đến hết ngày 1/5/2028), ..."): its days lead the document, as a
                # heading naming it heads what follows -- the span of days it states over the
                # holiday's name in the title (break-test bt17g t08)
                ctx.lead = held
                if held.kind == HOLIDAY:
                    continue
                break
            if ctx.lead is not None:
                break
            week = week_heading(m.group(0), ctx.year)
            if week is not None:
                # a bulletin's "Tuần 48 (từ ngày 24/11 đến ngày 30/11/2063)" under its title:
                # the period of every figure that states none (break-test bt15-b17 failure 2)
                ctx.lead = week
                break
            own = [x for x in find_mentions(m.group(0), ctx.year) if not x.comparison]
            if own and not is_heading(m.group(0)):
                # a crop season opening the text scopes its own paragraph, not the document:
                # a later paragraph's hotel prices are not of "vụ Mùa 2038" but of its year,
                # as a year opening the text would say (b17 D16)
                # "Nếu như đến hết tháng 6/2026 có 214 sản phẩm, thì đến ngày 10/12/2026 đã có
                # 248 sản phẩm": of counts at two days, the later one leads (latest_stated)
                lead = latest_stated(own) if all(x.period.kind == "to_date" for x in own) \
                    else own[0].period
                ctx.lead = year_period(lead.year) if lead.kind == "season" else lead
                break
    if ctx.lead is not None:
        ctx.lead = titled_week(ctx.lead, [title, *(m.group(0) for m in
                                                   paragraphs[:LEAD_PARAGRAPHS + 1])], ctx.year)
    ctx.report_year = title_periods[-1].year if title_periods else \
        ctx.lead.year if ctx.lead is not None else year
    if ctx.lead is not None and ctx.lead.kind == "year":
        ctx.lead = lead_cut_off(paragraphs[:LEAD_PARAGRAPHS + 1], title, ctx) or ctx.lead
    if ctx.year is None and ctx.lead is not None:
        # a text of no date whose lead period is in brackets ("trong 5 ngày nghỉ lễ ... (từ
        # ngày 27/4 đến hết ngày 1/5/2072)"): a day written without its year later on
        # ("riêng ngày 30/4 ...") is of the lead's year, as in a dated text (bt20-b17 failure 3)
        ctx.year = ctx.heading_year = ctx.lead.year
    lead_in: Period | None = None  # the period of a line leading a list ("... tháng 12:")
    item_first: Frame | None = None  # the first figure of the list item before this one
    front = True  # before the document's first sentence: its title, office and date lines
    prev_end = 0
    tabled = False  # table lines were read since the last heading
    # the crop season a section's lead-in opens with ("Trồng trọt: Vụ Đông Xuân 2047-2048,
    # ..."): the period of the section's next lines, as a heading's is (see section_season)
    section: Period | None = None
    # the frames of the prose line before this one: the totals a breakdown may split
    # (rag.vi.frames.rankings; the breakdown often opens a paragraph of its own)
    line_before: list[Frame] = []
    # the total rows of tables whose rows are periods: of the span of those periods
    # (lead_ins.total_spans), found per block of lines with no blank line between them
    spans: dict[int, Period] = {}
    block: list[tuple[int, str]] = []
    for p in paragraphs:
        if block and text.count("\n", block[-1][0], p.start()) >= 2:
            spans.update(total_spans(block, ctx.year))
            block = []
        block.append((p.start(), p.group(0)))
    spans.update(total_spans(block, ctx.year))
    # the subject of the table under a prose line ending in ":" (lead_ins.lead_in_subject): the
    # context of its rows, over the heading in force -- until the table ends
    leading, led_rows = "", False
    for m in paragraphs:
        line = m.group(0)
        if text.count("\n", prev_end, m.start()) >= 2 or not line.strip():
            if led_rows:
                leading, led_rows = "", False
            # a blank line: a new paragraph, of its own subject -- lines with none between
            # them (a .txt report's sentences of one topic, one a line) keep it
            ctx.topic = ""
            ctx.said = None
            section = None
        prev_end = m.end()
        # a table line under a day's column ("Ngày 05/6/2064 — Xi măng PCB40: 1.620.000
        # đồng/tấn") is a cell, no dateline, even before the document's first sentence; a
        # bulletin's week heading beside its day ("TUẦN 3 THÁNG 10/2075 (ngày 17/10/2075)")
        # heads its week's figures, no stamp (mentions.week_with_days; break-test bt17n)
        day = dateline(line) if (front or _PUBLISHED.match(fold(line).lower())) \
            and not table_line_head(line) and week_heading(line, ctx.year) is None else None
        if day is not None:
            # "Ngày 05/4/2027", "Cập nhật 15/03/2021": the report's date, which heads nothing
            # (as a heading it named the figures below it and gave them its day)
            ctx.now = ctx.now or day
            ctx.year = ctx.year or day.year
            ctx.heading_year = ctx.heading_year or day.year
            continue
        cell = table_line_frames(line, m.start(), ctx)
        if cell is not None:
            frames.extend(_of_table(cell, leading, spans.get(m.start())))
            led_rows = led_rows or bool(leading)
            front, tabled = False, True
            continue
        if "|" in line and line.count("|") >= 1:
            front, tabled = False, True
            frames.extend(_of_table(table_row_frames(line, m.start(), ctx), leading, None))
            led_rows = led_rows or bool(leading)
            continue
        ctx.table = []
        if table_line_head(line) and not find_values(line):
            # a table's cell of text ("Chỉ tiêu — Xuất khẩu: Kim ngạch (triệu USD)"): no
            # heading -- read as one, its "Chỉ tiêu" made every later figure of the document
            # a target, and they no longer answered (break-test round 12 of issue 16)
            front = False
            continue
        if front and is_letterhead(line):
            # "UBND TỈNH HÀ GIANG", "SỞ TÀI CHÍNH TỈNH HÀ GIANG" over the title: who issued the
            # document, which heads nothing -- as the heading in force its province made every
            # figure another province's, answering only questions naming it (break-test round
            # 13 of issue 16); the reports' own "UBND TỈNH LẠNG SƠN" headed them all too
            continue
        if ctx.heading and not tabled and unit_note_line(line):
            # "Đơn vị tính: Tỷ đồng" under a caption: the caption keeps heading the table
            ctx.heading = f"{ctx.heading} ({line.strip(' ()')})"
            continue
        if line.startswith(SHEET_LINE) or (is_heading(line) and not (tabled and is_note(line))):
            # a note ending a table ("Ghi chú: doanh thu là số ước tính") is its table's, and
            # heads nothing after it -- as a heading it named the next table's rows (bt16i
            # d09); a note over a table ("Ghi chú: số liệu sơ bộ năm 2066") heads its rows
            leading, led_rows = "", False
            enter_heading(line, ctx)
            ctx.led = []
            line_before = []
            tabled = False
            section = None
            continue
        # the title repeated as the text's first line is front matter even when it states a
        # figure ("Kỳ nghỉ lễ 30/4 - 1/5 năm 2039: Lạng Sơn đón hơn 96 nghìn lượt khách"):
        # the stamp under it ("Ngày 2/5/2039") is the report's date, no heading dating every
        # later figure by that day (issue 17 bt17i; see headline_line) -- of a holiday report,
        # whose figures its holiday dates: elsewhere a dated line under the lead still heads
        # the figures after it (tests/test_published_line_anywhere.py)
        front = front and headline_line(line, title) and own_holiday(title, ctx.year) is not None
        if tabled and CAPTION.match(fold(ctx.heading).lower()):
            # prose after a captioned table: the caption's plan ends with its table
            ctx.heading_target = False
        if ctx.heading_target and corrects_in_note(line):
            # "4. Dự báo ... Ghi chú: Tốc độ tăng GRDP quý I/2077 đã công bố ... là 5,96%, nay
            # điều chỉnh thành 6,15%": a note correcting a reported figure ends the forecast
            # heading's plan (break-test bt23-b17, bt26-b17 failure 4)
            ctx.heading_target = False
        tabled = False
        listed = LIST_ITEM.match(line) is not None
        ctx.paragraph_period = lead_in if listed else None
        if not listed:
            section = section_season(line, ctx, section)
            ctx.paragraph_period = section
            ctx.holiday = holiday_carried(line, ctx)
            ctx.paragraph_period = ctx.paragraph_period or ctx.holiday
        if ctx.paragraph_period is None:
            # a new paragraph: a period written without its year takes the heading's or the
            # document's year, not the year another paragraph's sentence stated ("Chỉ số PCI
            # năm 2028 ..." then "Vốn đầu tư thực hiện 6 tháng ..." in a report of 2029)
            ctx.year = ctx.heading_year or ctx.year
        # "- Tháng 3: tổng mức bán lẻ ... 1.742,5 tỷ đồng." then "- Quý I: ước 5.318,6 tỷ
        # đồng": an item of only a period and a value is about what the item before named
        ctx.subject = ""
        if listed and item_first is not None and ELLIPTIC_ITEM.match(line):
            value = find_values(line)[0]
            if is_money(value.unit) == is_money(item_first.unit) and \
                    value.percent == (item_first.kind == "percent"):
                ctx.subject = item_first.indicator or item_first.parent
        ctx.whole = None
        first = len(frames)
        row = bool(leading) and not listed and bool(row_key(line))
        if not row:
            # prose between the lead-in and a table, or after the table: the lead-in led it
            leading, led_rows = "", False
        # "Phóng viên ... hỏi: ...?", "Đại diện Sở ... trả lời: ...": who speaks is no
        # subject of the figures after it, and a question states none -- its subject is what
        # the answer after it speaks of (break-test b17 round 15, failures 3 and 6)
        label, question = speaker_label(line)
        if question:
            ctx.asked = asked_subject(line[label:])
            continue
        for offset, sentence in sentences(line[label:]):
            before = line_before + frames[first:]
            restated = restated_holiday(sentence, ctx) if not listed else None
            if restated is not None:
                # "Trong 4 ngày nghỉ lễ, bình quân mỗi ngày ...": the holiday's days again,
                # not the day the sentence before said (rag.vi.frames.holiday_restated)
                ctx.paragraph_period = restated
            read = sentence_frames(sentence, m.start() + label + offset, ctx)
            # "Trong tổng mức 9 tháng, doanh thu bán lẻ hàng hóa đạt ...": parts of the total
            # stated before (rag.vi.frames.named_wholes; issue 17 bt17d t02)
            read = parts_of_named_whole(sentence, read, before, ctx.year)
            # "Tốc độ tăng bình quân giai đoạn ... đạt 17,6%/năm": of what was stated before
            read = span_average_subject(read, frames)
            # "... theo giá so sánh ... đạt 2.847 tỷ đồng. Theo giá hiện hành ước đạt 4.312
            # tỷ đồng.": the same thing on the other basis (rag.vi.frames.basis_restated)
            read = basis_restated(read, frames)
            read = without_ranked_ahead(read)  # "đứng thứ 2 sau X": X is no word of it
            frames.extend(ranked_items(sentence, read, before))
            if not listed:
                # "Vụ Mùa 2046, toàn tỉnh gieo cấy 35.100 ha lúa. Năng suất ... đạt 51,2
                # tạ/ha": a crop season dates the rest of its paragraph, and no further (the
                # next paragraph is reset above; b17 D16, F11)
                seasons = [x.period for x in find_mentions(sentence, ctx.year, report=True)
                           if x.period.kind == "season" and not x.comparison
                           and not season_in_passing(sentence, x)]
                if seasons:
                    ctx.paragraph_period = seasons[-1]
                span = holiday_span(sentence, ctx)
                if span is not None:
                    ctx.paragraph_period = ctx.holiday = span
        if row or m.start() in spans:
            frames[first:] = _of_table(frames[first:], leading if row else "",
                                       spans.get(m.start()))
            led_rows = led_rows or row
        elif not listed and not is_note(line):
            leading = lead_in_subject(line)
        ctx.asked = ""  # a question's subject is its answer's only
        # the levels of this paragraph: the whole of a table right under it (tables.led_whole)
        ctx.led = frames[first:]
        line_before = frames[first:] or line_before
        item_first = frames[first] if listed and len(frames) > first else None
        if not listed:
            # "Biến động giá tháng 12 so với tháng trước:" then "- Giao thông (−3,52%)": the
            # items of a list take the period of the line that leads it
            lead_in = (ctx.paragraph_period or lead_in) if line.rstrip().endswith(":") \
                else None
    return apply_corrections(text, wholes_of_singled_periods(text, frames))


def headline_line(line: str, title: str) -> bool:
    """Whether ``line`` is the document's ``title`` written again as a headline: the same
    words, no sentence end (a text whose title is read from its first sentence opens with
    that sentence, which ends the front matter).  A news report repeats its headline at the
    head of its text ("Kỳ nghỉ lễ 30/4 - 1/5 năm 2039: Lạng Sơn đón hơn 96 nghìn lượt khách"),
    a figure in it, and its stamp line after ("Ngày 2/5/2039"); read as the first sentence,
    the headline ended the front matter and the stamp headed every later figure as "ngày
    2/5/2039" -- the holiday's revenue and room prices were served for "Tết 2039" and refused
    for "dịp lễ 30/4" (issue 17 break-test bt17i; tests/test_headline_dateline.py)."""
    s = " ".join(line.split())
    return bool(s) and s == " ".join(title.split()) and not re.search(r"[.!?;]$", s)


def _of_table(read: list[Frame], leading: str, span: Period | None) -> list[Frame]:
    """The frames ``read`` of one table row with the subject of the table's lead-in
    (``leading``, its context; "" keeps the heading's) and, for a total row of a table whose
    rows are periods, the span of those periods (``span``; lead_ins.total_spans)."""
    out = []
    for f in read:
        if leading:
            f = replace(f, context=leading)
        if span is not None and f.measure == "level" and not f.target:
            f = replace(f, period=span, period_from="own")
        out.append(f)
    return out


# the kinds of a part of a year counted from its first day: "tính đến hết ngày 15/12/2026",
# "lũy kế đến 30/11" (to_date), "11 tháng năm 2026" (months), "6 tháng đầu năm" (half),
# "quý I" (quarter), "từ đầu năm đến ngày 10/12" (days) -- a single month or day is no
# running total (calendar's table of kinds)
_RUNNING_KINDS = frozenset(("to_date", "months", "half", "quarter", "days"))


def lead_cut_off(lines: list[re.Match[str]], title: str, ctx: Context) -> Period | None:
    """The running part of the title's year (``ctx.lead``, a bare "năm 2026") that the
    document's lead paragraph states its figures to -- "Hải quan Lạng Sơn: kim ngạch xuất
    nhập khẩu năm 2026 vượt 6 tỷ USD" over "Theo số liệu ..., tính đến hết ngày 15/12/2026,
    tổng kim ngạch ... đạt 6.215 triệu USD" -- or None.  A news article or report states its
    cut-off once, in the lead ("tính đến hết ngày ...", "từ đầu năm đến ...", "11 tháng",
    "lũy kế đến ..."), and its later paragraphs' figures that name no period run to the same
    day; the title's bare year only names the year the cut-off falls in (issue 17 break-test
    bt17c: "Kim ngạch hàng hóa mở tờ khai ... nhập khẩu 2.590 triệu USD", "cửa khẩu quốc tế
    Hữu Nghị dẫn đầu với 2.910 triệu USD" in the next paragraphs were read as of the whole
    year 2026, answered exact for "năm 2026" and refused "tính đến 15/12/2026").  The lead
    is the first prose line after the title and its stamp that names a period; its period
    counts only when it starts on the year's first day and ends before its last (
    :data:`_RUNNING_KINDS`) -- a lead stating the whole year ("Năm 2026, ...") or another
    year keeps the title's year (tests/test_lead_cut_off.py)."""
    year = ctx.lead
    if year is None:
        return None
    for m in lines:
        line = m.group(0)
        if fold(line.strip()).lower() == fold(title.strip()).lower() or \
                dateline(line) is not None or is_heading(line) or is_letterhead(line):
            continue
        own = [x for x in find_mentions(line, ctx.year, ctx.now, report=True)
               if not x.comparison]
        if not own:
            continue
        lead = latest_stated(own) if all(x.period.kind == "to_date" for x in own) \
            else own[0].period
        if lead.kind in _RUNNING_KINDS and lead.start == year.start and \
                lead.end < year.end:
            return lead
        return None
    return None


def section_season(line: str, ctx: Context, carried: Period | None) -> Period | None:
    """The crop season that dates the sentences of ``line`` (a paragraph's line, no list
    item) which name no period of their own, given the one ``carried`` from the line before:
    a line opening with a section's lead-in (:data:`SECTION_LABEL`) and a season right after
    it ("Trồng trọt: Vụ Đông Xuân 2047-2048, toàn tỉnh gieo cấy ... lúa") opens that season
    for the lines after it, as a heading naming it would -- "Cây lạc gieo trồng 3.150 ha.
    Năng suất đạt 24,6 tạ/ha" on the next line is of that season, not of the report's "6
    tháng" (break-test b17 round 11, failure 3).  The season ends at a line opening another
    section's lead-in, at a line naming a period of its own, and (in the caller) at a blank
    line or a heading.  A season with no lead-in before it dates its own line only
    (tests/test_season_scope.py: "Vụ Hè Thu 2044, ..." then "Tổng đàn bò hiện có ...").
    Returns the season the line's own period-less sentences take (the carried one, or None);
    the caller carries what this returns to the next line.  ``ctx``: its year and date read
    the line's periods ("hiện có" is the count on the report's date, a period of its own)."""
    label = SECTION_LABEL.match(line)
    own = [x for x in find_mentions(line, ctx.year, ctx.now, report=True) if not x.comparison]
    if label is not None:
        first = own[0] if own else None
        if first is not None and first.period.kind == "season" and \
                not line[label.end():first.start].strip(" ,"):
            return first.period
        return None
    if carried is not None and own:
        # a line naming a period of its own ends the section's season (its sentences that
        # name none take the sentence's, heading's or document's, as without a section)
        return None
    return carried


# the words that name a holiday or its days off (folded): "kỳ nghỉ Tết Nguyên đán", "dịp
# nghỉ lễ 30/4 - 1/5", "dịp lễ Quốc khánh", "mùng 4 Tết" -- tourism and market reports
# state a holiday's span once, at the head of the passage, and every figure after it is of
# the holiday (break-test s39 bt17: "Tổng thu từ khách du lịch ước đạt 232 tỷ đồng",
# "Công suất sử dụng phòng bình quân đạt 65 - 70%" after "trong kỳ nghỉ Tết Nguyên đán (từ
# ngày 5/2 đến hết ngày 10/2/2027), ..." were dated "năm 2027")
_HOLIDAY_WORDS = re.compile(r"\b(?:tet|nghi le|dip le|ky nghi|quoc khanh|le hoi)\b")


def holiday_span(sentence: str, ctx: Context) -> Period | None:
    """The holiday ``sentence`` states the days of: a span of days (calendar.HOLIDAY, or
    "từ ngày 5/2 đến hết ngày 10/2/2027" with a holiday's words before it in the sentence,
    :data:`_HOLIDAY_WORDS`), not compared -- the period of the paragraph's later sentences
    that state none, as a crop season is (tests/test_holiday_passage.py).  None when the
    sentence states none (a single day, "ngày 30/4 và 1/5" listed one by one, are parts)."""
    folded = fold(sentence).lower()
    for x in find_mentions(sentence, ctx.year, ctx.now, report=True):
        p = x.period
        if x.comparison or p.start >= p.end or is_day_list(p):
            continue
        if p.kind == HOLIDAY or (p.kind == "days" and _HOLIDAY_WORDS.search(folded[:x.start])):
            return p
    return None


def holiday_lead(line: str, ctx: Context) -> Period | None:
    """The holiday a document's title or first paragraph ``line`` is about: the holiday it
    names before any other period of its own ("Dịp nghỉ lễ 30/4 - 1/5/2028: Lạng Sơn đón ...",
    rag.vi.mentions.own_holiday), or the span of days it states (:func:`holiday_span`) after a
    holiday's words that open it, no period of its own before them but one holding the span
    ("Trong 5 ngày nghỉ lễ 30/4 và 1/5 năm 2028 (từ ngày 27/4 đến hết ngày 1/5/2028), ...").
    The lead period of the document (``ctx.lead``): its later paragraphs' figures that state
    no period are the holiday's, as under a heading naming it -- "Tổng doanh thu du lịch ước
    đạt 139 tỷ đồng" was dated the whole year (break-test bt17g t08).  None for a line whose
    first period is another ("Năm 2028, ... riêng dịp Tết ...": a yearly report keeps its
    year; tests/test_holiday_lead.py)."""
    named = own_holiday(line, ctx.year)
    if named is not None:
        # "Trong 5 ngày nghỉ lễ Giải phóng miền Nam 30/4 và Quốc tế Lao động 1/5 (từ 28/4 đến
        # 2/5/2039), ...": the days the line states hold the day it names the holiday by --
        # the whole break leads, not its first day (issue 17 bt17i)
        span = holiday_span(line, ctx)
        held = named.period
        if span is not None and span.start <= held.start and held.end <= span.end:
            return span
        return held
    own = [x for x in find_mentions(line, ctx.year, ctx.now, report=True) if not x.comparison]
    if not own or not _HOLIDAY_WORDS.search(fold(line).lower()[:own[0].start]):
        return None
    span = holiday_span(line, ctx)
    first = own[0].period
    if span is None or not (first.start <= span.start and span.end <= first.end):
        return None
    return span


def holiday_carried(line: str, ctx: Context) -> Period | None:
    """The holiday in force (``ctx.holiday``) for a new line of prose: kept while the line
    still speaks of it (:data:`_HOLIDAY_WORDS`: "Riêng ngày mùng 4 Tết, ...") and names no
    period outside its days; any other line ends it ("Tháng 1/2027, toàn tỉnh đón ...",
    "Năm 2026, ..." keep their own periods)."""
    held = ctx.holiday
    if held is None or not _HOLIDAY_WORDS.search(fold(line).lower()):
        return None
    for x in find_mentions(line, ctx.year, ctx.now, report=True):
        if not x.comparison and not (held.start <= x.period.start and x.period.end <= held.end):
            return None
    return held
