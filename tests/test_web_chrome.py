"""A news box beside the article in a grid ("col-md-8" article, "col-md-4" "Điểm tin" box
whose one paragraph is the page's longest): the box is cut, the article kept (break-test of
issue 16: national figures in the box were answered as the province's)."""

from __future__ import annotations

from rag.ingest.web import page_text

PAGE = """<html><head><title>Xuất khẩu tháng 10</title></head><body>
<div class="container"><div class="row">
<div class="col-md-8"><h1>Kim ngạch xuất khẩu tháng 10/2022 của Lạng Sơn</h1>
<p>Theo Sở Công Thương, kim ngạch xuất khẩu qua địa bàn tỉnh tháng 10/2022 ước đạt 52,4 triệu
USD.</p><p>Các mặt hàng chủ yếu là nông sản, trái cây tươi và hàng công nghiệp nhẹ.</p>
<p>Hoạt động thông quan tại các cửa khẩu diễn ra ổn định, số phương tiện tăng so với tháng
trước.</p></div>
<div class="col-md-4"><h3>{heading}</h3><p>Theo Tổng cục Thống kê, chỉ số sản xuất toàn ngành
công nghiệp tháng 10 tăng 4,5% so với cùng kỳ; tính chung 10 tháng năm 2022, kim ngạch xuất
khẩu cả nước ước đạt 311.860 triệu USD, tăng 15,1% so với cùng kỳ năm trước, trong đó khu vực
kinh tế trong nước đạt 83.350 triệu USD.</p>
<p><a href="/qn">Quảng Ninh: xuất khẩu tăng</a></p></div>
</div></div></body></html>"""


def test_a_news_box_beside_the_article_is_cut_even_with_the_longest_paragraph():
    for heading in ("Điểm tin", "Tin vắn", "Tin trong nước"):
        text = " ".join(page_text(PAGE.format(heading=heading)).text.split())
        assert "52,4 triệu USD" in text
        assert "311.860" not in text and "Tổng cục Thống kê" not in text, heading


def test_a_footer_and_its_phone_number_are_no_figures():
    from rag.vi.numbers import find_values
    page = ("<html><body><div class='noi-dung'><p>Kim ngạch xuất khẩu tháng 9/2018 đạt 45,2 triệu "
            "USD, tăng 6% so với cùng kỳ năm 2017, theo báo cáo của Sở Công Thương tỉnh.</p>"
            "<p>Hoạt động thông quan ổn định.</p></div>"
            "<div class='chan-trang'>© Sở Công Thương Lạng Sơn. ĐT: (0205) 3 870 123</div>"
            "</body></html>")
    text = page_text(page).text
    assert "45,2 triệu" in text and "870 123" not in text
    for line in ("ĐT: (0205) 3 870 123", "Hotline: 1900 1234", "Tel: +84 205 3870 123"):
        assert find_values(line) == [], line
    assert [v.low for v in find_values("doanh thu đạt 3 870 tỷ đồng")] == [3870]
