"""The article of a web page, extracted by trafilatura: the main content without the page's
navigation, header, footer and ``<aside>`` sidebars (other provinces' figures, "Tin nổi bật",
hotlines, visit counters), its tables as rows of separate cells (``rag.ingest.tables``), and
the page's title and publication date from its meta tags (trafilatura's metadata, dates by
htmldate).  A page trafilatura finds no article in (a bare fragment) is read whole by a plain
parser that still keeps block and cell boundaries."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from html.parser import HTMLParser

from rag.ingest.tables import table_caption, table_lines

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Page:
    """What a web page holds: its article's text, title, date (ISO) and canonical URL."""

    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None


# Below this many characters of text a page is a fragment, not a news page: trafilatura's
# article detection needs more (its own minimum extracted size is 250), so it is read whole.
MIN_PAGE_CHARS = 1000


def page_text(raw: str) -> Page:
    """The article of an HTML page (see the module's doc)."""
    title, text = html_to_text(raw)
    if len(text) < MIN_PAGE_CHARS:
        return Page(text, title or None)
    try:
        page = _trafilatura(raw)
    except Exception as exc:  # lxml or trafilatura on a page they cannot parse
        log.warning("trafilatura could not read the page (%s); reading it whole", exc)
        page = None
    if page is not None and page.text.strip():
        return page
    return Page(text, title or None)


def _trafilatura(raw: str) -> Page | None:
    import trafilatura
    from lxml import etree

    xml = trafilatura.extract(raw, output_format="xml", include_tables=True,
                              include_comments=False, include_images=False,
                              include_links=False, include_formatting=False,
                              with_metadata=True, deduplicate=False)
    if not xml:
        return None
    root = etree.fromstring(xml.encode("utf-8"))
    main = root.find("main")
    if main is None:
        return None
    blocks: list[str] = []
    before: list[str] = []  # the paragraphs since the last table
    for el in main:
        if el.tag == "table":
            rows = [[" ".join("".join(cell.itertext()).split()) for cell in row.iter("cell")]
                    for row in el.iter("row")]
            lines = table_lines(rows, table_caption(before))
            if lines:
                blocks.append("\n".join(lines))
            before = []
        elif el.tag == "list":
            items = [" ".join("".join(item.itertext()).split()) for item in el.iter("item")]
            blocks.append("\n".join(i for i in items if i))
        else:
            text = " ".join("".join(el.itertext()).split())
            if text:
                blocks.append(text)
                before.append(text)
    title = (root.get("title") or "").strip() or None
    date = root.get("date") or None
    url = root.get("url") or None
    return Page("\n\n".join(blocks), title, date, url)


class _HTMLText(HTMLParser):
    """Text of an HTML page with block structure kept as lines and table cells apart; scripts
    and menus skipped."""

    _BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
              "article", "blockquote", "figcaption", "table", "ul", "ol", "header", "footer"}
    _CELL = {"td", "th"}
    _SKIP = {"script", "style", "noscript", "nav", "template", "svg", "iframe", "form", "button",
             "aside"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title = ""
        self.h1 = ""
        self._skip = 0
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skip += 1
        elif tag in ("title", "h1"):
            self._in = tag
        if tag in self._BLOCK:
            self.parts.append("\n")
        elif tag in self._CELL and not self._skip:
            self.parts.append("; ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self._skip:
            self._skip -= 1
        if tag in ("title", "h1"):
            self._in = None
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._in == "title":
            self.title += data
            return
        if self._in == "h1":
            self.h1 += data
        self.parts.append(data)


def html_to_text(raw: str) -> tuple[str, str]:
    """(title, text) of a whole HTML page or fragment, without scripts, menus and sidebars;
    a table row's cells are separated by "; "."""
    parser = _HTMLText()
    parser.feed(raw)
    parser.close()
    text = "".join(parser.parts)
    lines = (" ".join(line.split()).strip("; ").replace(" ; ", "; ")
             for line in text.split("\n"))
    title = " ".join((parser.h1 or parser.title).split())
    return title, "\n".join(lines)

