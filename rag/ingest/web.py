"""The article of a web page: the main content without the page's navigation, header,
footer and sidebars (other provinces' figures, "Tin nổi bật", hotlines, visit counters), its
tables as rows of separate cells (``rag.ingest.tables``), and the page's title and
publication date from its meta tags.

Two steps.  First the page's chrome is cut from its tree (:func:`strip_chrome`, lxml): the
elements that name themselves so (class or id words such as sidebar, widget, footer, menu,
counter, hotline, "tin-lien-quan"), boxes headed "Tin nổi bật", "Tin liên quan", "Thống kê
truy cập", …, lists of links (most of their text in links), and short blocks that are a visit
counter ("Lượt truy cập: 123456") or a contact line ("Hotline: …") -- so that a page built
from plain ``<div>``s, which gives trafilatura no ``<aside>``/``<nav>`` to go by, loses them
too.  Then trafilatura extracts the article (its metadata: title, date by htmldate, URL).  A
page trafilatura finds no article in (a bare fragment) is read whole by a plain parser that
keeps block and cell boundaries."""

from __future__ import annotations

import datetime as _dt
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

from rag.ingest.chrome import (
    article_box,
    class_words,
    content_heading,
    parse_tree,
    strip_chrome,
    text_of,
)
from rag.ingest.legacy import converter
from rag.ingest.tables import (
    Blocks,
    is_figure,
    is_source_line,
    noted_lines,
    table_caption,
    table_lines,
    unit_line,
    unit_note,
)
from rag.vi.text import fold

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Page:
    """What a web page holds: its article's text, title, date (ISO) and canonical URL."""

    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None


# The latest day a page's markup may date it: htmldate's default bound is the machine's
# today, which drops every page dated after the clock (break-test bt16j: a report page with
# ``article:published_time`` 2031-07-14 stored undated, "… công bố ngày nào?" refused) -- a
# clock is no bound on a report's day, the calendar the service reads is
# (``rag.service.questions.YEARS``, 1900-2100).  Its earliest stays htmldate's (1995-01-01:
# no web page is older).
LATEST_PAGE_DAY = "2100-12-31"

# Below this many characters of text a page is a fragment, not a news page: trafilatura's
# article detection needs more (its own minimum extracted size is 250), so it is read whole.
MIN_PAGE_CHARS = 1000


def page_text(raw: str) -> Page:
    """The article of an HTML page (see the module's doc), its legacy-font text converted
    first (:func:`legacy_to_unicode`).  Its date: the meta tags', else
    that of the first element named for it ("<span class=date>05/04/2024 11:02</span>": the
    article's, as lists of other articles are cut first), else the one htmldate finds in the
    article.  Between the two, the day an element of the article's box marks as the day it
    was published (:func:`_published_marks`, read before the chrome is cut: Joomla 4's
    ``<dl class="article-info">`` holding a visit counter is cut whole as one), which wins
    over a modified day written before it ("Cập nhật lần cuối" above "Được đăng")."""
    tree = parse_tree(raw)
    title, date, url = None, None, None
    spans: SpannedGrids = {}
    if tree is not None:
        published = _published_marks(tree)  # before the cut: it may take the article's info
        labelled = _labelled_days(tree)  # "Ngày đăng: … | Lượt xem: …" is cut as a counter
        strip_chrome(tree)
        legacy_to_unicode(tree)
        spread_header_spans(tree)
        spans = spread_body_spans(tree)
        for cap in tree.xpath("//figure[.//table]/figcaption"):
            cap.tag = "p"  # a table's caption ("Đơn vị: triệu USD"), which trafilatura drops
        meta = _metadata(tree)
        title, url = (meta.title, meta.url) if meta else (None, None)
        heading = content_heading(tree)
        if heading and (not title or fold(heading) not in fold(title)):
            title = heading  # "SCT Lang Son" is no article's title; its <h2> is
        box = article_box(tree)
        in_box = [(kind, day) for kind, day, above in labelled
                  if box is not None and any(a is box for a in above)]
        date = _head_date(tree) or next(
            (day for day, above in published if any(a is box for a in above)), None) \
            or next((day for kind, day in in_box if kind != "modified"), None) \
            or _marked_date(tree) or next((day for _, day in in_box), None)
        import lxml.html

        raw = lxml.html.tostring(tree, encoding="unicode")
    plain_title, text = html_to_text(raw, spans)
    if len(text) >= MIN_PAGE_CHARS:
        try:
            page = _trafilatura(raw, spans)
        except Exception as exc:  # lxml or trafilatura on a page they cannot parse
            log.warning("trafilatura could not read the page (%s); reading it whole", exc)
            page = None
        if page is not None and page.text.strip():
            return Page(page.text, title or page.title, date or page.date, url or page.url)
    return Page(text, title or plain_title or None, date, url)


_NO_TEXT = {"script", "style", "noscript", "template"}


def _span(cell: Any, name: str) -> int:
    try:
        return max(1, min(100, int(cell.get(name) or 1)))
    except ValueError:
        return 1


def spread_header_spans(tree: Any) -> None:
    """Give a merged header cell of every table of the lxml ``tree`` to each column and row
    it spans (``colspan``, ``rowspan``), in place: "Năm 2022" spanning "Nhà nước" | "Tư
    nhân" labels both.  The header is the rows before the first that holds a figure
    (``rag.ingest.tables.is_figure``), as ``table_lines`` reads it; a merged cell of the
    body stays one cell (one figure, read once)."""
    import copy

    for table in tree.iter("table"):
        rows = table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr")
        header = []
        for tr in rows:
            if any(is_figure(text_of(c)) for c in tr.xpath("./td|./th")):
                break
            header.append(tr)
        grid: dict[tuple[int, int], Any] = {}
        for r, tr in enumerate(header):
            col = 0
            for cell in tr.xpath("./td|./th"):
                while (r, col) in grid:
                    col += 1
                down, across = _span(cell, "rowspan"), _span(cell, "colspan")
                inside = min(down, len(header) - r)
                for i in range(r, r + inside):
                    for j in range(col, col + across):
                        grid.setdefault((i, j), cell)
                if down > inside:
                    cell.set("rowspan", str(down - inside + 1))
                else:
                    cell.attrib.pop("rowspan", None)
                cell.attrib.pop("colspan", None)
                col += across
        if len(set(map(id, grid.values()))) == len(grid):
            continue  # no merged header cell
        width = max(j for _, j in grid) + 1
        for r, tr in enumerate(header):
            for cell in tr.xpath("./td|./th"):
                tr.remove(cell)
            for j in range(width):
                cell = grid.get((r, j))
                if cell is None:
                    tr.append(tr.makeelement("td", {}))
                    continue
                if cell.getparent() is not None:  # placed already: a copy for this column
                    cell = copy.deepcopy(cell)
                cell.tail = None
                tr.append(cell)


# A table's rows as its readers see them once its spans are spread (a cell continuing a
# spanned one blank; :func:`grid_key`) -> the same rows with a spanned cell's text in every
# grid cell it covers, and for each row which cells continue one -- what the DOCX reader
# hands ``rag.ingest.tables.table_lines`` (``merged``), so an HTML table reads as one.
SpannedGrids = dict[tuple[tuple[str, ...], ...], tuple[list[list[str]], list[list[bool]]]]


def grid_key(rows: Sequence[Sequence[str | None]]) -> tuple[tuple[str, ...], ...]:
    """A table's rows of cell texts as a key that survives either HTML reader (the plain
    parser or trafilatura's XML): each cell without its spaces, trailing blank cells and
    blank rows dropped."""
    out = []
    for row in rows:
        cells = ["".join((c or "").split()) for c in row]
        while cells and not cells[-1]:
            cells.pop()
        if cells:
            out.append(tuple(cells))
    return tuple(out)


def spread_body_spans(tree: Any) -> SpannedGrids:
    """Lay every table of the lxml ``tree`` out as a full grid, in place, as pandas'
    ``read_html`` expands ``rowspan`` and ``colspan``: each grid cell a spanning cell covers
    beyond its first gets an empty cell, so no row shifts left under a cell spanning down
    (a group's label "Chính ngạch" beside "Xuất khẩu" | "Nhập khẩu"), and the span attributes
    go.  Returns, for each table with such cells, its rows as read (:data:`SpannedGrids`):
    the table is then read as a DOCX table with merged cells is -- a unit or period cell
    spanning rows is each row's, a figure is read once (break-test bt16e of issue 16, item
    6: ``<td rowspan=2>cửa hàng</td>`` left the second row's figure without its unit).  Run
    after :func:`spread_header_spans` (a header cell's rows that reach into the body
    count)."""
    grids: SpannedGrids = {}
    for table in tree.iter("table"):
        trs = table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr")
        spanned: dict[tuple[int, int], str] = {}  # grid cell -> the text spanning it
        full: list[list[str]] = []
        flags: list[list[bool]] = []
        for r, tr in enumerate(trs):
            texts: list[str] = []
            col = 0
            for cell in tr.xpath("./td|./th"):
                while (r, col) in spanned:
                    cell.addprevious(tr.makeelement("td", {}))
                    texts.append(spanned[r, col])
                    col += 1
                down = min(_span(cell, "rowspan"), len(trs) - r)
                text = text_of(cell)
                spanned.update({(i, j): text for i in range(r, r + down)
                                for j in range(col, col + _span(cell, "colspan"))
                                if (i, j) != (r, col)})
                cell.attrib.pop("rowspan", None)
                cell.attrib.pop("colspan", None)
                texts.append(text)
                col += 1
            last = max((j for i, j in spanned if i == r), default=-1)
            for j in range(col, last + 1):
                tr.append(tr.makeelement("td", {}))
                texts.append(spanned.get((r, j), ""))
            full.append(texts)
            flags.append([(r, j) in spanned for j in range(len(texts))])
        seen = [[t if not f else "" for t, f in zip(row, fs, strict=True)]
                for row, fs in zip(full, flags, strict=True)]
        kept = [k for k, row in enumerate(seen) if any(row)]
        if any(flags[k][j] and full[k][j] for k in kept for j in range(len(full[k]))):
            grids[grid_key(seen)] = ([full[k] for k in kept], [flags[k] for k in kept])
    return grids


def legacy_to_unicode(tree: Any) -> None:
    """Convert in place the text of a page typed in a legacy font (``<font
    face=".VnTime">``: TCVN3, VNI) -- every text node and the ``content`` of its meta tags --
    before its tables are written as lines (``rag.ingest.legacy.converter``: the document's
    encoding is read from all of them).  Raises LegacyEncodingError as the converter does."""
    nodes: list[tuple[Any, str]] = []
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag not in _NO_TEXT and el.text:
            nodes.append((el, "text"))
        if el.tail:
            nodes.append((el, "tail"))
        if el.tag == "meta" and el.get("content"):
            nodes.append((el, "content"))
    texts = [el.get(where) if where == "content" else getattr(el, where)
             for el, where in nodes]
    unicode = converter(texts)
    for (el, where), text in zip(nodes, texts, strict=True):
        new = unicode(text)
        if new == text:
            continue
        if where == "content":
            el.set("content", new)
        else:
            setattr(el, where, new)


# --- the page's chrome ---------------------------------------------------------------------

def _metadata(tree: Any) -> Any:
    """trafilatura's metadata of a page (title, URL), or None."""
    try:
        import trafilatura

        return trafilatura.extract_metadata(tree, extensive=False)
    except Exception as exc:  # htmldate or lxml on an odd page
        log.warning("no metadata read from the page (%s)", exc)
        return None


def _head_date(tree: Any) -> str | None:
    """The publication date (ISO) the page's ``<head>`` gives (meta tags, JSON-LD), read by
    htmldate from the head alone, without its ``<title>``: in the body it takes a related
    article's date as well."""
    head = tree.find("head")
    if head is None:
        return None
    try:
        import copy

        import htmldate
        import lxml.html

        head = copy.deepcopy(head)
        for title in head.findall("title"):
            # a title names the period reported ("Thị trường tháng 5/2019"), not the day the
            # page was published: htmldate took "2019-05-01" from it
            head.remove(title)
        html = "<html>" + lxml.html.tostring(head, encoding="unicode") + "<body></body></html>"
        found = htmldate.find_date(html, extensive_search=False, original_date=True,
                                   outputformat="%Y-%m-%d", max_date=LATEST_PAGE_DAY)
    except Exception as exc:  # htmldate or lxml on an odd page
        log.warning("no date read from the page's head (%s)", exc)
        return None
    return found if isinstance(found, str) else None


# Joomla writes an article's day in "createdate" (1.5) or "create" (3.x) elements
_DATE_NAMES = frozenset("date time datetime ngay ngaydang thoigian published posted pubdate "
                        "postdate publishdate created createdate create".split())
# the day written day first, in digits ("12/07/2040") or with "tháng" (folded: "12 thang 7
# 2040", Joomla's "Thứ Năm, 12 Tháng 7 2040 09:15"; "ngày 12 tháng 7 năm 2040")
_DAY_RE = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d\d)(?!\d)"
                     r"|(?<!\d)(\d{1,2})\s+thang\s+(\d{1,2}),?\s+(?:nam\s+)?((?:19|20)\d\d)(?!\d)",
                     re.IGNORECASE)


def _valid_day(iso: str) -> bool:
    try:
        _dt.date.fromisoformat(iso)
    except ValueError:
        return False
    return True


# Names marking the day an article was published, and the day it was last changed:
# schema.org's itemprop "datePublished"/"dateModified" (Joomla 4, WordPress themes), Joomla's
# ``<dd class="published">``/``"modified"`` (3.x, 4.x) and "create", WordPress's ``<time
# class="entry-date published">``/``"updated"``, folded Vietnamese "ngay-dang"/"cap-nhat".
_PUBLISHED_NAMES = frozenset("published datepublished createdate create created pubdate "
                             "publishdate postdate postedon ngaydang".split())
_MODIFIED_NAMES = frozenset("modified datemodified updated lastmodified capnhat".split())


def _names(el: Any) -> set[str]:
    return class_words(f"{el.get('class') or ''} {el.get('id') or ''} "
                       f"{el.get('itemprop') or ''}")


def _day_of(el: Any) -> str | None:
    """The day (ISO) an element gives: a ``<time>``'s or ``<meta>``'s machine-readable value
    ("2019-06-04T08:00"), else the day written day first in its text (80 characters at most;
    not the site's "Hôm nay: …"); None if none."""
    text = text_of(el)
    if "hom nay" in fold(text).lower() or "today" in text.lower():
        return None  # the site's "Hôm nay: thứ Hai, 20/10/2025", not the article's
    if el.tag in ("time", "meta"):
        iso = re.match(r"((?:19|20)\d\d)-(\d\d)-(\d\d)",
                       el.get("datetime") or el.get("content") or "")
        if iso and _valid_day(iso.group(0)):
            return iso.group(0)
    m = _DAY_RE.search(fold(text)) if len(text) <= 80 else None
    if m is not None:
        day, month, year = (g for g in m.groups() if g is not None)
        try:
            return _dt.date(int(year), int(month), int(day)).isoformat()
        except ValueError:
            return None
    return None


def _modified(el: Any) -> bool:
    """Whether ``el`` or its parent is marked as the day the article was last changed and
    not also as the day it was published (WordPress's "entry-date published updated")."""
    for node in (el, el.getparent()):
        if node is None or not isinstance(node.tag, str):
            continue
        words = _names(node)
        if words & _PUBLISHED_NAMES:
            return False
        if words & _MODIFIED_NAMES:
            return True
    return False


def _published_marks(tree: Any) -> list[tuple[str, list[Any]]]:
    """The days (ISO) elements mark as the day the article was published (:data:`_PUBLISHED_NAMES`
    in their class, id or ``itemprop``: a ``<time>`` or ``<meta>``, or an element holding one,
    or its text), in page order, each with the element's ancestors: read before the chrome
    is cut, kept by :func:`page_text` only when inside the article's box (a news box's dates
    are not the article's)."""
    out: list[tuple[str, list[Any]]] = []
    for el in tree.iter("time", "meta", "span", "div", "p", "em", "small", "li", "td", "dd"):
        if not _names(el) & _PUBLISHED_NAMES:
            continue
        if el.tag in ("time", "meta"):
            day = _day_of(el)
        else:  # its first <time> not marked as the day changed (WordPress's "posted-on"
            # holds "entry-date published" and "updated"), else its text
            times = list(el.iter("time"))
            inner = next((t for t in times if not _modified(t)), None)
            day = _day_of(inner) if inner is not None else None if times else _day_of(el)
        if day is not None:
            out.append((day, list(el.iterancestors())))
    return out


# A line of the article's header or chrome saying when it was published, in words (folded,
# lower case): "Ngày đăng: 08/10/2069 | Lượt xem: …", "Đăng ngày 3 tháng 5 2041", "Đăng lúc
# 09:15 ngày 12/07/2040", "Posted on 04/11/2039", or a weekday before the day ("Thứ Hai,
# 08/10/2069 09:15", Joomla's and many provincial portals' header line); "Cập nhật: …" /
# "Updated …" say when it was last changed.  The day follows the words within 30 characters
# (a time of day, "ngày", a colon between).
_PUBLISHED_WORDS = (r"ngay dang(?: tai| bai)?|dang ngay|dang luc|dang vao|ngay xuat ban|"
                    r"xuat ban(?: ngay| luc)?|ngay phat hanh|posted(?: on)?|published(?: on)?")
_WEEKDAY_WORDS = (r"thu (?:hai|ba|tu|nam|sau|bay|2|3|4|5|6|7)|chu nhat|monday|tuesday|"
                  r"wednesday|thursday|friday|saturday|sunday")
_MODIFIED_WORDS = r"(?:ngay |lan )?cap nhat(?: lan cuoi| luc| ngay)?|(?:last )?updated(?: on)?"
# any of them (with "ngày"), as rag.ingest.readers strips them to tell a line that only dates
# the text ("Cập nhật: 12/3/2041 09:15") from one that says something
DATELINE_WORDS_RE = re.compile(
    rf"(?<![a-z])(?:{_PUBLISHED_WORDS}|{_WEEKDAY_WORDS}|{_MODIFIED_WORDS}|ngay)(?![a-z])")
# between the words and the day: a colon, "ngày", "lúc", a time of day ("09:15", "9h15")
_DAY_LINE_GAP = r"[^0-9]{0,15}?(?:\d{1,2}\s*[:hg]\s*\d{2}(?:\s*[ap]m)?[^0-9]{0,15}?)?"
_DAY_LINE_RE = re.compile(
    rf"(?<![a-z])(?:(?:(?P<published>{_PUBLISHED_WORDS})|(?P<modified>{_MODIFIED_WORDS}))"
    rf"(?![a-z]){_DAY_LINE_GAP}"
    # a weekday right before the day ("Thứ Ba, 12/3/2041"): "lần thứ 3 liên tiếp (…)" is none
    rf"|(?P<weekday>{_WEEKDAY_WORDS})\s*[,-]?\s*(?:ngay\s+)?)(?={_DAY_RE.pattern})",
    re.IGNORECASE)


def _labelled_days(tree: Any) -> list[tuple[str, str, list[Any]]]:
    """The days (ISO) short elements of the page (120 characters at most) give in a line
    saying when the article was published or changed (:data:`_DAY_LINE_RE`): each as
    ("published" | "weekday" | "modified", day, the element with its ancestors), in page
    order, an element inside one already read skipped, and so is a list item linking to an
    article (a list of other articles, each with its day).  Read before the chrome is cut (a
    "Ngày đăng … | Lượt xem …" line is cut with its visit counter); :func:`page_text` keeps
    those inside the article's box.  Not the site's "Hôm nay: …" line."""
    out: list[tuple[str, str, list[Any]]] = []
    read: set[Any] = set()
    for el in tree.iter("div", "span", "p", "li", "td", "dd", "dt", "small", "em", "time",
                        "strong", "b", "i", "header", "section", "font"):
        if any(a in read or a.tag == "a" for a in el.iterancestors()):
            continue
        item = next((a for a in [el, *el.iterancestors()] if a.tag == "li"), None)
        if item is not None and any(len(text_of(a)) >= 20 for a in item.iter("a")):
            continue  # an item of a list of other articles: "<a>title</a> (04/04/2024)"
        text = text_of(el)
        if not text or len(text) > 120:
            continue
        folded = fold(text).lower()
        if "hom nay" in folded or "today" in folded:
            continue
        for m in _DAY_LINE_RE.finditer(folded):
            day_m = _DAY_RE.match(folded, m.end())
            if day_m is None:
                continue
            day, month, year = (g for g in day_m.groups() if g is not None)
            try:
                iso = _dt.date(int(year), int(month), int(day)).isoformat()
            except ValueError:
                continue
            kind = next(k for k in ("published", "weekday", "modified") if m.group(k))
            out.append((kind, iso, [el, *el.iterancestors()]))
            read.add(el)
    return out


def _marked_date(tree: Any) -> str | None:
    """The day (ISO) of the first ``<time datetime>`` or short element whose class or id
    names a date ("date", "time", "ngay-dang", …: the day written day first in it), one
    marked as the day the article was changed (:func:`_modified`) only when no other is;
    None if none does."""
    changed = None
    for el in tree.iter("time", "span", "div", "p", "em", "small", "li", "td", "dd"):
        names = f"{el.get('class') or ''} {el.get('id') or ''}"
        if el.tag != "time" and not class_words(names) & _DATE_NAMES:
            continue
        day = _day_of(el)
        if day is not None and _modified(el):
            changed = changed or day
        elif day is not None:
            return day
    return changed


# --- the article -----------------------------------------------------------------------------


def _trafilatura(raw: str, spans: SpannedGrids | None = None) -> Page | None:
    import trafilatura
    from lxml import etree

    # its date from the page's markup only (meta tags, <time>, URL, structured data), as
    # htmldate's docs offer: its extensive search reads the body's text, where a year is a
    # price base ("giá so sánh 2010" -> 2010-01-01) or the period a title or sentence names
    xml = trafilatura.extract(raw, output_format="xml", include_tables=True,
                              include_comments=False, include_images=False,
                              include_links=False, include_formatting=False,
                              with_metadata=True, deduplicate=False,
                              date_extraction_params={"extensive_search": False,
                                                      "original_date": True,
                                                      "max_date": LATEST_PAGE_DAY})
    if not xml:
        return None
    root = etree.fromstring(xml.encode("utf-8"))
    main = root.find("main")
    if main is None:
        return None
    blocks = Blocks()  # a unit line right after a table (a figure's caption) gives its unit
    _blocks(main, blocks, [], spans or {})
    title = (root.get("title") or "").strip() or None
    date = root.get("date") or None
    url = root.get("url") or None
    return Page("\n\n".join(blocks.blocks), title, date, url)


_CONTAINERS = {"main", "div", "section", "quote"}


def _blocks(el: Any, blocks: Blocks, before: list[str], spans: SpannedGrids) -> None:
    """Add the text blocks of trafilatura's XML element ``el`` to ``blocks``, descending
    into containers (a page of nested ``<div>``s gives ``<div>``s of paragraphs); tables as
    lines (their caption the paragraphs since the last table, ``before``; a table with
    spanned cells as ``spans`` lays it out), lists an item a line; a paragraph's ``<br>``
    (trafilatura's ``<lb/>``) ends a line of it, a cell's or an item's is a space."""
    for child in el:
        if child.tag == "table":
            rows = [[_inline_text(cell) for cell in row.iter("cell")]
                    for row in child.iter("row")]
            rows, merged = spans.get(grid_key(rows), (rows, None))
            blocks.table(rows, table_caption(before), merged)
            before.clear()
        elif child.tag == "list":
            items = [_inline_text(item) for item in child.iter("item")]
            blocks.paragraph("\n".join(i for i in items if i))
        elif child.tag in _CONTAINERS and any(isinstance(c.tag, str) for c in child):
            _text_block(child.text, blocks, before)
            _blocks(child, blocks, before, spans)
        else:
            _text_block(_broken_text(child), blocks, before)
        _text_block(child.tail, blocks, before)


def _broken_text(el: Any) -> str:
    """The text of trafilatura's XML element ``el`` with a newline at each ``<lb/>`` (the
    page's ``<br>``): its only line ends, as a source line break inside the element is
    whitespace in HTML (trafilatura has already made it a space)."""
    parts = [el.text or ""]
    for sub in el.iterdescendants():
        parts.append("\n" if sub.tag == "lb" else sub.text or "")
        parts.append(sub.tail or "")
    return "".join(parts)


def _inline_text(el: Any) -> str:
    """The text of a cell or list item of trafilatura's XML as one line: a ``<br>`` in it is
    a space (never glues two words, "USD.Nhập")."""
    return " ".join(_broken_text(el).split())


def _text_block(raw: str | None, blocks: Blocks, before: list[str]) -> None:
    """Add ``raw`` as a paragraph, its whitespace collapsed within each of its lines (the
    lines ``<br>`` ends, :func:`_broken_text`), blank lines dropped."""
    lines = (" ".join(line.split()) for line in (raw or "").split("\n"))
    text = "\n".join(line for line in lines if line)
    if text:
        blocks.paragraph(text)
        before.append(text)


@dataclass
class _Table:
    """A table being read: rows of cells, each cell a list of text parts."""

    rows: list[list[list[str]]]
    nested: bool = False


# A source line break in a page's text ("<p>Mặt hàng xuất khẩu\n    chủ yếu là …</p>", a
# paragraph hard-wrapped at 70-80 columns) is whitespace in HTML, as a browser shows it: only
# block elements, <br> and table rows end a line -- else a wrapped sentence is read as two
# and a figure loses the words before it.  Inside <pre> (and <textarea>) the lines are kept.
_WRAP = re.compile(r"\s*\n\s*")
_PRE = {"pre", "textarea"}

LAYOUT_CELL = 300  # characters: a table with a longer cell (or a table inside) is layout


class _HTMLText(HTMLParser):
    """Text of an HTML page with block structure kept as lines, scripts and menus skipped, and
    each data table as lines a person could quote (``rag.ingest.tables``); a layout table (a
    table inside, or a cell of running text) is read cell by cell as blocks."""

    _BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
              "article", "blockquote", "figcaption", "table", "ul", "ol", "header", "footer",
              "dl", "dt", "dd"}  # an article's meta list: "Đăng ngày: …" / "Lượt xem: …"
    _CELL = {"td", "th"}
    _SKIP = {"script", "style", "noscript", "nav", "template", "svg", "iframe", "form", "button",
             "aside"}

    def __init__(self, spans: SpannedGrids | None = None) -> None:
        super().__init__(convert_charrefs=True)
        self._spans = spans or {}  # tables with spanned cells, laid out (spread_body_spans)
        self.parts: list[str] = []
        self.title = ""
        self.h1 = ""
        self._skip = 0
        self._pre = 0  # inside <pre>/<textarea>: the source's line breaks are the text's
        self._in: str | None = None
        self._tables: list[_Table] = []
        self._loose: list[str] = []  # text in a table outside its cells (its <caption>)
        # the last table written: (where in which list, its rows, caption), until the line
        # after it is known -- a unit line ("Đơn vị: triệu USD", a <figcaption>) gives its unit
        self._last: tuple[list[str], int, list[list[str]], str | None,
                          list[list[bool]] | None] | None = None

    def _out(self) -> list[str]:
        if not self._tables:
            return self.parts
        rows = self._tables[-1].rows
        return rows[-1][-1] if rows and rows[-1] else self._loose

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skip += 1
        elif tag in ("title", "h1"):
            self._in = tag
        if self._skip:
            return
        if tag in _PRE:
            self._pre += 1
        if tag == "table":
            if self._tables:
                self._tables[-1].nested = True
            self._tables.append(_Table([]))
        elif tag == "tr" and self._tables:
            self._tables[-1].rows.append([])
        elif tag in self._CELL and self._tables:
            rows = self._tables[-1].rows
            if not rows:
                rows.append([])
            rows[-1].append([])
        elif tag in self._BLOCK:
            self._out().append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self._skip:
            self._skip -= 1
            return
        if tag in ("title", "h1"):
            self._in = None
        if self._skip:
            return
        if tag in _PRE and self._pre:
            self._pre -= 1
        if tag == "table" and self._tables:
            self._emit(self._tables.pop())
        elif tag in self._BLOCK:
            self._out().append("\n")
            self._unit_after()

    def close(self) -> None:
        super().close()
        while self._tables:  # a table never closed
            self._emit(self._tables.pop())
        self._unit_after(closing=True)

    def _emit(self, table: _Table) -> None:
        cells = [["".join(cell) for cell in row] for row in table.rows]
        flat = [[" ".join(c.split()) for c in row] for row in cells]
        flat = [row for row in flat if any(row)]
        loose = " ".join("".join(self._loose).split()) if len(self._tables) == 0 else ""
        if len(self._tables) == 0:
            self._loose = []
        out = self._out()
        self._last = None
        if flat and not table.nested and all(len(c) <= LAYOUT_CELL for r in flat for c in r):
            before = [line.strip() for line in "".join(out).split("\n") if line.strip()]
            if loose:  # the table's own <caption>
                out.append("\n" + loose + "\n")
                before.append(loose)
            # the table's own <caption> is its caption whatever it says ("Số phương tiện …
            # (lượt xe)"), unless it only gives the unit ("Đơn vị tính: triệu USD") of a
            # caption paragraph before it ("Bảng 2. …", read as one)
            caption = loose if loose and not unit_line(loose) else table_caption(before[-2:])
            rows, merged = self._spans.get(grid_key(flat), (flat, None))
            lines = table_lines(rows, caption, merged=merged)
            out.append("\n" + "\n".join(lines) + "\n")
            self._last = (out, len(out) - 1, rows, caption, merged)
        else:
            out.extend("\n" + c + "\n" for c in ([loose] if loose else []) +
                       [c for row in cells for c in row])

    def _unit_after(self, closing: bool = False) -> None:
        """Give the last table written the unit (and the caption) of the note after it, once
        that line is whole (:func:`rag.ingest.tables.unit_note`; a source line between them
        is passed over)."""
        if self._last is None:
            return
        out, at, rows, caption, merged = self._last
        after = "".join(out[at + 1:]).strip(" ")
        lines = [line.strip() for line in after.split("\n")]
        whole = [line for line in lines[:-1] if line] + ([lines[-1]] if closing and lines[-1]
                                                          else [])
        while whole and is_source_line(whole[0]) and not unit_note(whole[0])[0]:
            whole = whole[1:]
        if not whole:
            if closing:
                self._last = None
            return
        self._last = None
        unit, named = unit_note(whole[0])
        if unit:
            out[at] = "\n" + "\n".join(noted_lines(rows, caption, unit, named, merged)) + "\n"

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._in == "title":
            self.title += data
            return
        if self._in == "h1":
            self.h1 += data
        self._out().append(data if self._pre else _WRAP.sub(" ", data))


def html_to_text(raw: str, spans: SpannedGrids | None = None) -> tuple[str, str]:
    """(title, text) of a whole HTML page or fragment, without scripts, menus and sidebars;
    data tables as lines (``rag.ingest.tables``; a table with spanned cells as ``spans``, from
    :func:`spread_body_spans`, lays it out)."""
    parser = _HTMLText(spans)
    parser.feed(raw)
    parser.close()
    text = "".join(parser.parts)
    lines = (" ".join(line.split()) for line in text.split("\n"))
    title = " ".join((parser.h1 or parser.title).split())
    return title, "\n".join(lines)
