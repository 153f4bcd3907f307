"""A web page's chrome, cut from its tree before the article is extracted
(``rag.ingest.web``): the page's own ``<header>`` and ``<footer>`` and the ARIA landmarks
of navigation, sidebars, banner and footer (``role=…``), elements whose class or id names
them so (sidebar, widget, footer, menu, counter, hotline, "tin-lien-quan"), forms that are
controls (a search box, a login; :func:`drop_control_forms` -- a form that holds the article,
as an ASP.NET WebForms page's does, is kept as a ``<div>``), boxes headed
"Tin nổi bật", "Tin liên quan", "Thống kê truy cập", lists of links, and short
visit-counter or contact blocks.  The block
with the most text outside links, and its ancestors, are never cut."""

from __future__ import annotations

import logging
import re
from typing import Any

from rag.vi.text import fold

log = logging.getLogger(__name__)

# Words of a class or id that name chrome ("col-sidebar", "box_tin_lien_quan", "widget",
# "visitor-counter"); compared after splitting on "-", "_" and spaces, alone and with the
# next word joined ("lien"+"quan").  "header" only alone or as "site-header"/"page-header":
# an article's own header holds its title and date.
CHROME_WORDS = frozenset("""
    sidebar sidebars widget widgets footer menu menus nav navbar navigation breadcrumb
    breadcrumbs counter counters visitor visitors hotline banner banners advert adverts ads
    ad quangcao popup cookie cookies copyright share sharing social comment comments related
    lienquan noibat tinkhac tinmoi docnhieu xemnhieu tinnoibat tinlienquan thongke truycap
    lienket weblink weblinks toolbar topbar masthead login search poll rating tags pagination
    paging cungchuyenmuc othernews morenews chantrang dautrang banquyen lienhe
    colright colleft rightcol leftcol rightcolumn leftcolumn columnright columnleft
    sidecol sidecolumn boxnews mostread mostviewed mostpopular
""".split())
# The last two lines: a page's side columns and their news boxes.  Bootstrap-era and
# Vietnamese portal themes name the column beside the article "col-right"/"col-left" or
# "right-col" and its boxes "box-news" ("Xem nhiều", "Tin mới"; VnExpress-style and Báo điện
# tử layouts); trafilatura's ``OVERALL_DISCARD_XPATH`` cuts "most-popular" and
# "MostPopularStories" the same way.  They are cut only away from the article: the block
# its longest text is in (:func:`_densest`) and that block's ancestors are kept, so an
# article whose own column is named "col-left" stays.
CHROME_IDS = frozenset({"header", "siteheader", "pageheader", "topheader"})
# Words naming a menu or a sidebar that old pages write glued to a side or a kind
# ("leftmenu", "mainmenu", "topnav", "rightsidebar", "menuleft"): a word of a class or id
# that starts or ends with one of these is chrome as "menu-left" is.
NAV_WORDS = ("menu", "nav", "navbar", "navigation", "sidebar")
# Words of a class or id that place a block at the page's top or bottom ("top", "top-bar",
# "bottom", "page-bottom"): an old table-layout page's banner (logo, hotline) and footer
# (copyright, address) are divs so named.  trafilatura's precision rules
# (``trafilatura.xpaths.PRECISION_DISCARD_XPATH``) cut a block whose id or class starts or
# ends with "bottom" the same way; a page's article may sit in a "content-top" wrapper, so
# these cut only outside the article's column (the container of its longest paragraph).
POSITION_WORDS = frozenset("top bottom topbar bottombar pagetop pagebottom".split())
# Headings of a box that only lists other articles or site widgets (folded).
_BOX_HEADING_RE = re.compile(
    r"^(?:tin noi bat|tin lien quan|tin khac|cac tin khac|tin moi(?: nhat)?|tin doc nhieu"
    r"|tin xem nhieu|doc nhieu nhat|xem nhieu nhat|bai viet lien quan|cac bai viet khac"
    r"|tin cung chuyen muc|tin da dang|xem them|thong ke truy cap|luot truy cap"
    r"|diem tin|diem bao|tin van|tin trong nuoc|tin quoc te|tin tuc khac|tin tuc su kien"
    r"|lien ket website|lien ket web|lien ket|van ban moi|tien ich|hotline|duong day nong"
    r"|related (?:articles|posts|news))\s*:?$")
# A visit counter, anywhere in a short block: "Lượt truy cập: 123456", "Đang online: 25".
_COUNTER_RE = re.compile(r"\b(?:luot truy cap|dang truy cap|tong truy cap|so nguoi truy cap"
                         r"|dang online|truc tuyen|luot xem|visitors?|online)\s*:\s*[\d.,\s]+")
# A contact block: "Hotline: 0912 …", "Đường dây nóng: …", "Điện thoại: …", "Địa chỉ: …".
_CONTACT_RE = re.compile(r"^(?:hotline|duong day nong|dien thoai|dt|tel|fax|email|dia chi)"
                         r"\s*:")
SHORT_BLOCK = 300  # characters: a counter or contact block is no longer
LINK_SHARE = 0.6  # a block with this share of its text in links (and 2+ links) is a link list
_BLOCKS = ("div", "section", "ul", "ol", "li", "p", "table", "span", "td", "dl", "form",
           "header", "footer")


def parse_tree(raw: str) -> Any:
    """The page's lxml tree (None when lxml cannot parse it)."""
    import lxml.html

    try:
        parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True)
        return lxml.html.document_fromstring(raw.encode("utf-8"), parser=parser)
    except Exception as exc:  # lxml's ParserError, ValueError on an empty document
        log.warning("lxml could not parse the page (%s)", exc)
        return None


def class_words(value: str) -> set[str]:
    """The words of a class or id value ("col-sidebar box_tin") split on spaces, "-" and
    "_", alone and each joined with the next ("tinlien")."""
    parts = [p for p in re.split(r"[\s_\-]+", value.lower()) if p]
    return {*parts, *(a + b for a, b in zip(parts, parts[1:], strict=False)),
            *(a + b + c for a, b, c in zip(parts, parts[1:], parts[2:], strict=False)),
            "".join(parts)}


def _named_chrome(el: Any) -> bool:
    """Whether an element's class or id names it chrome (:data:`CHROME_WORDS`, or a word
    starting or ending with one of :data:`NAV_WORDS`: a layout cell ``<td
    class="leftmenu">``)."""
    names = f"{el.get('class') or ''} {el.get('id') or ''}".strip()
    if not names:
        return False
    words = class_words(names)
    if any(w in CHROME_WORDS for w in words) or \
            any(w.startswith(NAV_WORDS) or w.endswith(NAV_WORDS) for w in words):
        return True
    return any("".join(re.split(r"[_\-]+", n.lower())) in CHROME_IDS for n in names.split())


def _article_header(el: Any, box: Any) -> bool:
    """Whether a block named only as a header ("page-header", :data:`CHROME_IDS`) is the
    article's own: inside the article's box (the container of its column, not the page's
    body) and holding an ``<h1>``/``<h2>`` -- Joomla 4 writes ``<div class="page-header">
    <h1>…</h1>`` inside ``com-content-article`` (break-test bt4-b16, minor: the title fell
    back to the site's name), while a site's banner sits outside the article's box."""
    words = class_words(f"{el.get('class') or ''} {el.get('id') or ''}")
    if any(w in CHROME_WORDS or w.startswith(NAV_WORDS) or w.endswith(NAV_WORDS)
           for w in words):
        return False
    return _inside(el, box) and (el.find(".//h1") is not None or el.find(".//h2") is not None)


def _placed(el: Any) -> bool:
    """Whether an element's class or id places it at the page's top or bottom
    (:data:`POSITION_WORDS`, whole words: "padding-bottom-lg" is no such name)."""
    names = f"{el.get('class') or ''} {el.get('id') or ''}".strip()
    parts = [p for n in names.split() for p in re.split(r"[_\-]+", n.lower()) if p]
    first_last = {w for n in names.split() for ps in [re.split(r"[_\-]+", n.lower())]
                  for w in (ps[0], ps[-1], "".join(ps))}
    return bool(parts) and bool(first_last & POSITION_WORDS)


def _inside(el: Any, column: Any) -> bool:
    return column is not None and any(a is column for a in el.iterancestors())


def text_of(el: Any) -> str:
    """An element's text, whitespace collapsed."""
    return " ".join(el.text_content().split())


def _link_share(el: Any) -> tuple[int, float]:
    links = el.findall(".//a")
    total = len(text_of(el)) or 1
    return len(links), sum(len(text_of(a)) for a in links) / total


def strip_chrome(tree: Any) -> None:
    """Cut the page's chrome out of an lxml ``tree`` in place (see the module's doc).  The
    page's landmarks (:func:`_landmark`) go first, unless they hold an ``<article>`` or
    ``<main>``; then the block holding the most text outside links -- the article's longest
    paragraph -- and its ancestors, and an ``<article>``/``<main>``, are never cut (a
    wrapper may be named "content has-sidebar")."""
    body = tree.find("body")
    root = body if body is not None else tree
    for el in root.xpath(".//nav|.//aside|.//script|.//style|.//noscript|.//iframe"):
        el.drop_tree()
    drop_control_forms(root)
    for el in list(root.iter()):  # the page's header and footer, whatever text they hold
        if isinstance(el.tag, str) and _landmark(el) and _attached(el, root) and \
                el.find(".//article") is None and el.find(".//main") is None:
            el.drop_tree()
    best = _densest(root)
    # the elements themselves: lxml gives one node the same proxy while it is referenced
    kept = [best, *best.iterancestors()] if best is not None else []
    column = best.getparent() if best is not None else None
    box = column.getparent() if column is not None else None  # the article's box ...
    box = None if box is None or box is root or box.tag in ("html", "body") else box

    def keep(el: Any) -> bool:
        return any(el is k for k in kept) or el.tag in ("article", "main") or \
            el.find(".//article") is not None or el.find(".//main") is not None

    for el in list(root.iter(*_BLOCKS)):
        if el.getparent() is None or keep(el) or not _attached(el, root):
            continue  # the article, or already cut with an ancestor
        text = text_of(el)
        key = fold(text).lower()
        if (_named_chrome(el) and not _article_header(el, box)) or \
                (_placed(el) and not _inside(el, column)) or \
                (len(text) <= SHORT_BLOCK and (
                _COUNTER_RE.search(key) or _CONTACT_RE.match(key))):
            el.drop_tree()
        elif _box_heading(text):
            # an orphan heading: it and the link items after it
            for sib in list(el.itersiblings()):
                if keep(sib) or not _link_share(sib)[0] or \
                        _link_share(sib)[1] < LINK_SHARE:
                    break
                sib.drop_tree()
            el.drop_tree()
        elif _boxed(el) or (el.tag != "table" and _link_list(el, text)):
            el.drop_tree()


# A form's controls: no article's text (a <select> of 63 provinces or years is no prose).
# trafilatura's own cleaning (``trafilatura.settings.MANUALLY_CLEANED``) deletes them too.
CONTROLS = ("input", "select", "option", "optgroup", "textarea", "button", "datalist",
            "output")


def drop_control_forms(root: Any) -> None:
    """Cut the page's forms that are controls (a search box, a login, a poll, a newsletter)
    from the lxml element ``root`` in place, and turn those that hold the page's content into
    ``<div>``s, whose chrome the later rules of :func:`strip_chrome` judge block by block.

    An ASP.NET WebForms page wraps its whole body in one ``<form id="form1">`` (or
    ``"aspnetForm"``): cutting every ``<form>`` as chrome cut its article whole (break-test
    bt8-b16, failure 1: "no text found" for a provincial portal's page).  trafilatura 2.3
    (``trafilatura.htmlprocessing._handle_forms``) deletes a form unless it holds more than
    half the page's text, which it demotes to a ``<div>``; this rule goes by the article
    instead of a share (a WebForms page's sidebars of other provinces' figures may hold as much
    text as its article): the controls (:data:`CONTROLS`) go first; then a form is content
    when it holds the page's densest block (:func:`_densest`, the article's longest paragraph),
    an ``<article>``/``<main>``, or more than :data:`SHORT_BLOCK` characters of text outside
    links, and a control otherwise (a search box's "Tìm kiếm", a poll's few options)."""
    for el in root.iter(*CONTROLS):
        if el.getparent() is not None and _attached(el, root):
            el.drop_tree()
    forms = list(root.iter("form"))
    if not forms:
        return
    best = _densest(root)
    # the elements themselves: lxml gives one node the same proxy while it is referenced
    held = [best, *best.iterancestors()] if best is not None else []
    for form in forms:
        if form.getparent() is None or not _attached(form, root):
            continue  # cut with an outer form
        prose = len(text_of(form)) - sum(len(text_of(a)) for a in form.iter("a"))
        if any(form is h for h in held) or prose > SHORT_BLOCK or \
                form.find(".//article") is not None or form.find(".//main") is not None:
            form.tag = "div"
        else:
            form.drop_tree()


# ARIA landmarks no article is part of: the site's navigation, sidebars and search anywhere;
# its banner and footer ("contentinfo") outside an <article>/<main>, as a <header>/<footer>
# there is (one inside an article holds its title, date or author).
_ASIDE_ROLES = frozenset({"navigation", "complementary", "search"})
_PAGE_ROLES = frozenset({"banner", "contentinfo"})


def _landmark(el: Any) -> bool:
    """Whether ``el`` is a page landmark that is no part of the article: a ``<header>`` or
    ``<footer>`` outside any ``<article>``/``<main>`` (the page's, not the article's), or an
    element whose ``role`` names navigation, a sidebar, search, or (outside an article) the
    page's banner or footer."""
    roles = set((el.get("role") or "").lower().split())
    if roles & _ASIDE_ROLES:
        return True
    if el.tag not in ("header", "footer") and not roles & _PAGE_ROLES:
        return False
    return not any(a.tag in ("article", "main") for a in el.iterancestors())


def _attached(el: Any, root: Any) -> bool:
    return any(a is root for a in el.iterancestors())


def _data_table(el: Any) -> bool:
    """Whether ``el`` is a table of figures, not of layout: a ``<table>`` holding no block
    but its rows and cells (no nested table, div, paragraph or list)."""
    return el.tag == "table" and not any(
        isinstance(c.tag, str) and c.tag in _BLOCKS and c.tag not in ("td", "span")
        for c in el.iterdescendants())


def _in_data_table(el: Any) -> bool:
    return any(a.tag == "table" and _data_table(a) for a in el.iterancestors())


def _chrome_depth(el: Any) -> int:
    """How many of ``el`` and its ancestors are named chrome (:func:`_named_chrome`): 1 for a
    paragraph of a "sidebar", 0 for one of the article, and 1 against 2 for the article and
    the sidebar both inside a wrapper named "content has-sidebar"."""
    return sum(1 for a in [el, *el.iterancestors()] if isinstance(a.tag, str) and _named_chrome(a))


def article_container(root: Any) -> Any:
    """The article's container the page's markup names, found by trafilatura's own list of
    article-body selectors (``trafilatura.xpaths.BODY_XPATH``: ``[itemprop=articleBody]``,
    WordPress's ``entry-content``, ``article-body``, ``<article>``, ``#content``,
    ``main-content``, ``<main>`` …, in its order), when one holds text outside links and is
    not itself in named chrome (a sidebar's teaser ``<article>``); else None.  Vietnamese
    portals name theirs ``fck_detail``/``content-detail`` as often, which the densest-column
    rule (:func:`_densest`) finds without a name."""
    try:
        from trafilatura.xpaths import BODY_XPATH
    except ImportError:  # trafilatura absent: the densest column alone
        return None
    for xpath in BODY_XPATH:
        try:
            found = xpath(root)
        except Exception:  # lxml's XPath errors on an odd tree
            continue
        for el in found:
            if not isinstance(el.tag, str) or el is root or _chrome_depth(el):
                continue
            prose = len(text_of(el)) - sum(len(text_of(a)) for a in el.iter("a"))
            if prose > 0:
                return el
    return None


def _densest(root: Any) -> Any:
    """The longest block (text outside links) of the container whose blocks hold the most
    such text together -- the article's column, not a sidebar with one long paragraph beside
    it (a "col-md-8" article beside a "col-md-4" news box); None on a page without text.

    Searched inside the article's container when the markup names one
    (:func:`article_container`, trafilatura's selectors); a table of figures counts as one
    block of its container (its cells, grouped by row, each looked shorter than a sidebar's
    one sentence: break-test bt16g item 4, "Cả nước …: 1.120 website" in a ``div.sidebar``
    beside a table was kept as the article); and a container less deep in named chrome
    (:func:`_chrome_depth`) wins over one deeper, whatever their text."""
    scope = article_container(root)
    if scope is None:
        scope = root
    totals: list[tuple[Any, int, Any, int]] = []  # (container, its text, its best, that text)
    at: dict[int, int] = {}
    for el in scope.iter(*_BLOCKS, "article", "main", "h1", "h2", "h3", "blockquote"):
        if _data_table(el):
            pass  # a table of figures is one block, its cells no blocks of their own
        elif _in_data_table(el) or any(
                isinstance(c.tag, str) and c.tag in _BLOCKS and c.tag != "span"
                for c in el.iterdescendants()):
            continue  # not a leaf block (a layout table's cells are blocks under its rows)
        n = len(text_of(el)) - sum(len(text_of(a)) for a in el.iter("a"))
        if n <= 0:
            continue
        parent = el.getparent() if el.getparent() is not None else el
        k = at.setdefault(id(parent), len(totals))
        if k == len(totals):
            totals.append((parent, 0, None, 0))
        container, total, best, most = totals[k]
        totals[k] = (container, total + n, el if n > most else best, max(n, most))
    if not totals:
        return None
    return max(totals, key=lambda t: (-_chrome_depth(t[0]), t[1]))[2]


def article_box(tree: Any) -> Any:
    """The article's box on a page whose chrome is cut (:func:`strip_chrome`): the container
    of the column of its longest paragraph (:func:`_densest`), where its title, author and
    date sit beside its text (Joomla's ``com-content-article``, WordPress's ``<article>``);
    None when that is the page's body or there is no text."""
    body = tree.find("body")
    root = body if body is not None else tree
    best = _densest(root)
    column = best.getparent() if best is not None else None
    box = column.getparent() if column is not None else None
    return None if box is None or box is root or box.tag in ("html", "body") else box


def content_heading(tree: Any) -> str | None:
    """The article's own heading on a page whose chrome is cut (:func:`strip_chrome`): the
    first ``<h1>``, else ``<h2>``, in the article's column -- the container of its longest
    block (:func:`_densest`) or the one around that -- and before that block; None when there
    is none (a heading of the site's banner is no article's)."""
    body = tree.find("body")
    root = body if body is not None else tree
    best = _densest(root)
    if best is None:
        return None
    for column in [best.getparent(), *([best.getparent().getparent()]
                                       if best.getparent() is not None else [])]:
        if column is None or column is root:
            break
        found: dict[str, str] = {}
        for el in column.iter():
            if el is best:
                break
            if el.tag in ("h1", "h2") and text_of(el):
                found.setdefault(el.tag, text_of(el))
        if found:
            return found.get("h1") or found["h2"]
    return None


def _box_heading(text: str) -> bool:
    key = re.sub(r"^[\W_]+|[\W_]+$", "", fold(text).lower())
    return len(text) <= 60 and _BOX_HEADING_RE.match(key) is not None


def _boxed(el: Any) -> bool:
    """Whether ``el`` is a box headed by a chrome heading ("Tin nổi bật", "Tin liên quan")."""
    first = next((c for c in el if isinstance(c.tag, str) and text_of(c)), None)
    return first is not None and len(el) > 1 and _box_heading(text_of(first))


def _link_list(el: Any, text: str) -> bool:
    links, share = _link_share(el)
    return links >= 2 and share >= LINK_SHARE and bool(text)
