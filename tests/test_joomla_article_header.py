"""A Joomla 4 article page: the article's title sits in ``<div class="page-header"><h1>``
inside ``com-content-article``, its meta list (published day, visits) in a ``<dl
class="article-info">`` (issue 16, break-test bt4-b16 "Minor"; other titles and figures than
its page).  Invented figures."""

from __future__ import annotations

import pytest

from rag.ingest.web import page_text

_PARA = ("<p>Giá trị sản xuất công nghiệp quý III/2061 ước đạt 4.218,6 tỷ đồng, tăng 7,4% so "
         "với cùng kỳ năm trước.</p>")


def _joomla(title: str, head_title: str, paragraphs: int) -> str:
    return (f"<html><head><title>{head_title}</title></head><body>"
            "<div class='container-header'><div class='page-header'><h1>SỞ CÔNG THƯƠNG</h1>"
            "</div><nav>Trang chủ | Tin tức | Liên hệ</nav></div><main>"
            "<div class='com-content-article item-page'>"
            f"<div class='page-header'><h2 itemprop='headline'>{title}</h2></div>"
            "<dl class='article-info text-muted'><dd class='createdby'>Viết bởi: Văn phòng</dd>"
            "<dd class='published'><time datetime='2061-10-05T09:00:00+07:00'>Ngày đăng: 05 "
            "Tháng 10 2061</time></dd><dd class='hits'>Lượt truy cập: 1287</dd></dl>"
            "<div class='com-content-article__body'>" + _PARA * paragraphs +
            "</div></div></main><footer>Địa chỉ: 80 Lê Lợi</footer></body></html>")


@pytest.mark.parametrize("paragraphs", [1, 12])  # a short page read whole, a long one
def test_the_article_header_gives_the_title(paragraphs: int) -> None:
    title = "Kết quả sản xuất công nghiệp quý III/2061"
    page = page_text(_joomla(title, f"Cổng thông tin Sở Công Thương – {title}", paragraphs))
    assert page.title == title
    assert page.date == "2061-10-05"


def test_the_meta_list_is_not_glued_to_the_body() -> None:
    page = page_text(_joomla("Sản xuất công nghiệp quý III/2061", "SCT", 1))
    lines = [line.strip() for line in page.text.splitlines() if line.strip()]
    assert "4.218,6 tỷ đồng" in page.text
    for line in lines:
        assert not ("Ngày đăng" in line and "Giá trị sản xuất" in line), line
        assert not ("Ngày đăng" in line and "Lượt truy cập" in line), line


def test_a_site_banner_named_page_header_is_still_cut() -> None:
    page = page_text(_joomla("Sản xuất công nghiệp quý III/2061", "SCT", 1))
    assert "SỞ CÔNG THƯƠNG" not in page.text
