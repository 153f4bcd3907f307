"""The day a news page was published, from the page's own line saying so ("Ngày đăng:",
"Đăng ngày", "Đăng lúc … ngày", "Posted on", a weekday before the day, "Cập nhật:") even
when that line sits in chrome that is cut (beside a visit counter); and never a year the
article's text names (a price base "giá so sánh 2010", the period of its title), which
htmldate's search of the body's text took for the day it was published (issue 16)."""

from __future__ import annotations

import pytest

from rag.ingest.web import page_text

_BODY = [
    "Theo báo cáo của Sở Công Thương tỉnh Đông Sơn, giá trị sản xuất công nghiệp (theo giá so "
    "sánh {base}) ước đạt 18.420 tỷ đồng, tăng 7,8% so với cùng kỳ năm trước; trong đó ngành "
    "chế biến, chế tạo tăng 8,9%, sản xuất và phân phối điện tăng 5,1%.",
    "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng 6 tháng ước đạt 21.035 tỷ đồng, "
    "tăng 11,2%. Riêng tháng 6 ước đạt 3.712 tỷ đồng, tăng 2,4% so với tháng trước.",
    "Kim ngạch xuất khẩu 6 tháng ước đạt 642 triệu USD, tăng 9,6%; kim ngạch nhập khẩu ước "
    "đạt 388 triệu USD, tăng 4,3%. Các mặt hàng chủ lực gồm dệt may, gỗ và sản phẩm gỗ, "
    "nông sản chế biến.",
    "Lực lượng quản lý thị trường đã kiểm tra 412 vụ, xử lý 265 vụ vi phạm, thu nộp ngân "
    "sách 2,9 tỷ đồng. Giai đoạn 2046 - 2050, tỉnh tiếp tục đẩy mạnh chuyển đổi số trong "
    "thương mại và phát triển hạ tầng chợ nông thôn.",
    "Chương trình khuyến công hỗ trợ 14 đề án với tổng kinh phí 3,6 tỷ đồng; toàn tỉnh có 7 "
    "cụm công nghiệp đi vào hoạt động, tỷ lệ lấp đầy bình quân 58,4%.",
]


def _page(meta_line: str, *, base: str = "2020", title: str = "Kinh tế 6 tháng đầu năm",
          header: str = "", related: str = "") -> str:
    body = "".join(f"<p>{p.format(base=base)}</p>\n" for p in _BODY)
    return (
        f"<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'><title>{title}</title>"
        f"</head><body><div class='top'>{header}<ul class='menu'><li><a href='/'>Trang chủ"
        "</a></li><li><a href='/tin'>Tin tức</a></li></ul></div>"
        f"<div class='wrap'><div class='content'><h1>{title}</h1>{meta_line}\n{body}</div>"
        f"<div class='right'>{related}</div></div>"
        "<div class='bottom'>Bản quyền thuộc Sở Công Thương. Đang online: 57 | Tổng lượt "
        "truy cập: 1.904.233</div></body></html>")


@pytest.mark.parametrize("meta_line, day", [
    # Drupal's "submitted" line beside a read counter
    ("<div class='submitted'>Đăng ngày 14/03/2051 - 08:40 | Lượt xem: 2.310</div>",
     "2051-03-14"),
    # a weekday and time before the day, a reads counter beside it
    ("<div class='info'><span>Thứ Sáu, 21/06/2047 15:30</span> <span>Lượt đọc: 845</span>"
     "</div>", "2047-06-21"),
    ("<p class='tool'>Chủ nhật, 2-7-2062 | Số lượt xem: 96</p>", "2062-07-02"),
    # a time of day between the words and the day
    ("<div class='meta'>Đăng lúc 07:05 ngày 30/11/2058 · Lượt xem: 1.002</div>", "2058-11-30"),
    # WordPress-like, English, the author a link
    ("<div class='byline'>Posted on 03.09.2044 by <a href='/u/1'>admin</a> | Views: 77</div>",
     "2044-09-03"),
    # the month in words
    ("<div class='meta'>Ngày đăng: 5 tháng 4, 2053 | Lượt xem: 310</div>", "2053-04-05"),
    # only the day it was changed
    ("<div class='meta'>Cập nhật: 02/02/2050 10:11 | Lượt xem: 58</div>", "2050-02-02"),
    # published beats changed, whichever comes first
    ("<div class='meta'>Cập nhật lần cuối: 09/08/2049 | Ngày đăng: 01/08/2049 | Lượt xem: 40"
     "</div>", "2049-08-01"),
])
def test_the_page_own_publication_line_is_its_date(meta_line: str, day: str) -> None:
    assert page_text(_page(meta_line)).date == day


def test_a_price_base_year_in_the_body_is_no_date() -> None:
    page = page_text(_page("<div class='meta'>Lượt xem: 1.732</div>", base="2015"))
    assert "2015" in page.text
    assert page.date is None


def test_a_title_period_is_no_date() -> None:
    title = "Tình hình xuất nhập khẩu năm 2048 của tỉnh Đông Sơn"
    page = page_text(_page("", title=title, base="năm 2010"))
    assert page.date is None


def test_site_today_line_and_other_articles_days_are_not_the_article_date() -> None:
    header = "<div class='clock'>Hôm nay: Thứ Tư, 01/01/2031</div>"
    related = ("<h3>Tin khác</h3><ul>"
               "<li><a href='/a/1'>Hội nghị tổng kết công tác khuyến công năm 2030</a> "
               "<span>Thứ Ba, 17/12/2030</span></li>"
               "<li><a href='/a/2'>Tăng giá điện lần thứ 3 liên tiếp trong năm</a> "
               "(12/12/2030)</li></ul>")
    page = page_text(_page("<div class='meta'>Lượt xem: 9</div>", header=header,
                           related=related))
    assert page.date is None
    page = page_text(_page("<div class='meta'>Ngày đăng: 19/12/2030 | Lượt xem: 9</div>",
                           header=header, related=related))
    assert page.date == "2030-12-19"
