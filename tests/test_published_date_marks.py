"""The day an HTML article was published (break-test bt5-b16, item 6): read before the
page's chrome is cut (Joomla 4's ``<dl class="article-info">`` holding author, day and a
visit counter is cut whole as a counter block), and the published day over a modified day
written before it, in Joomla 3/4 and WordPress markup; a news box's dates are not the
article's.  Invented pages, days and figures (not the break-test's)."""

from __future__ import annotations

import pytest

from rag.ingest.web import page_text

_BODY = ("<p>Sản lượng than khai thác tháng 9 năm 2038 ước đạt 41.726 tấn, tăng 3,8% so với "
         "cùng kỳ; giá trị sản xuất ngành khai khoáng đạt 152,4 tỷ đồng.</p>")


def _joomla(info: str, paragraphs: int = 1, before: str = "") -> str:
    return ("<!DOCTYPE html><html lang='vi-vn'><head><meta charset='utf-8'><title>Khai thác "
            "than tháng 9 - Sở Công Thương</title></head><body class='site com_content'>"
            "<header class='header'><a href='/'>Sở Công Thương</a><nav><ul><li>Trang chủ</li>"
            f"</ul></nav></header><div class='site-grid'>{before}<main>"
            "<div class='com-content-article item-page' itemscope>"
            "<div class='page-header'><h1 itemprop='headline'>Khai thác than tháng 9 năm "
            f"2038</h1></div>{info}<div itemprop='articleBody' "
            "class='com-content-article__body'>" + _BODY * paragraphs + "</div></div></main>"
            "</div><footer><p>Bản quyền thuộc Sở Công Thương</p></footer></body></html>")


_AUTHOR = ("<dd class='createdby' itemprop='author'><span class='icon-user'></span>Tác giả: "
           "<span itemprop='name'>Phòng KTAT</span></dd>")
_PUBLISHED = ("<dd class='published'><span class='icon-calendar'></span><time datetime="
              "'2038-10-07T14:30:00+07:00' itemprop='datePublished'>Ngày đăng: 07 Tháng 10 "
              "2038</time></dd>")
_MODIFIED = ("<dd class='modified'><span class='icon-calendar'></span><time datetime="
             "'2038-12-19T08:00:00+07:00' itemprop='dateModified'>Cập nhật lần cuối: 19 "
             "Tháng 12 2038</time></dd>")
_HITS = ("<dd class='hits'><span class='icon-eye'></span><meta itemprop='interactionCount' "
         "content='UserPageVisits:5123'>Số lượt xem: 5123</dd>")


def _dl(*dds: str) -> str:
    return ("<dl class='article-info text-muted'><dt class='article-info-term'>Thông tin</dt>"
            + "".join(dds) + "</dl>")


@pytest.mark.parametrize("paragraphs", [1, 10])  # a short page read whole, a long one
@pytest.mark.parametrize("info", [
    _dl(_AUTHOR, _PUBLISHED, _HITS),           # the block cut whole as a counter
    _dl(_PUBLISHED, _AUTHOR, _HITS),
    _dl(_MODIFIED, _PUBLISHED),                # changed day first
    _dl(_AUTHOR, _MODIFIED, _PUBLISHED, _HITS),
    _dl(_HITS, _MODIFIED, _AUTHOR, _PUBLISHED),
], ids=["author-day-hits", "day-author-hits", "modified-day", "author-modified-day-hits",
        "hits-modified-author-day"])
def test_joomla4_published_day(info: str, paragraphs: int) -> None:
    assert page_text(_joomla(info, paragraphs)).date == "2038-10-07"


def test_joomla3_create_day_beside_hits() -> None:
    info = ("<dl class='article-info muted'><dt class='article-info-term'>Chi tiết</dt>"
            "<dd class='modified'><span class='icon-calendar'></span> Cập nhật: 02/01/2039</dd>"
            "<dd class='create'><span class='icon-calendar'></span> Ngày tạo: 07/10/2038 "
            "14:30</dd><dd class='hits'><span class='icon-eye-open'></span> Lượt xem: 812</dd>"
            "</dl>")
    assert page_text(_joomla(info)).date == "2038-10-07"


def test_wordpress_updated_before_published() -> None:
    page = ("<html><head><title>Khai thác than</title></head><body><div id='page'>"
            "<article class='post type-post'><header class='entry-header'><h1 class="
            "'entry-title'>Khai thác than tháng 9 năm 2038</h1><div class='entry-meta'>"
            "<span class='posted-on'><a href='/x' rel='bookmark'><time class='updated' "
            "datetime='2039-01-15T10:00:00+07:00'>15/01/2039</time><time class='entry-date "
            "published' datetime='2038-10-07T14:30:00+07:00'>07/10/2038</time></a></span>"
            "<span class='byline'>bởi admin</span> <span class='post-views'>Lượt xem: 96</span>"
            "</div></header><div class='entry-content'>" + _BODY * 3 + "</div></article>"
            "</div></body></html>")
    assert page_text(page).date == "2038-10-07"


def test_a_news_box_day_before_the_article_is_not_its_day() -> None:
    box = ("<div class='moduletable tin-moi'><h3>Tin mới</h3><ul><li><a href='/a'>Giá xăng "
           "giảm</a> <time datetime='2038-11-30' itemprop='datePublished'>30/11/2038</time>"
           "</li></ul></div>")
    page = page_text(_joomla(_dl(_AUTHOR, _PUBLISHED, _HITS), 3, before=box))
    assert page.date == "2038-10-07"
    assert "41.726 tấn" in page.text


def test_only_a_modified_day_is_still_the_page_day() -> None:
    info = ("<div class='article-meta'><span class='date'><time class='updated' datetime="
            "'2038-12-19'>19/12/2038</time></span></div>")
    assert page_text(_joomla(info)).date == "2038-12-19"
