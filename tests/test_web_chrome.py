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
