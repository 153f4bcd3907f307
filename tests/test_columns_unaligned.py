"""A PDF page set in two columns whose lines do NOT share baselines (each column in its own
size and leading) is still read column by column: the gutter is found from the letters'
x-extents before they are grouped into lines (issue 16, break-test bt15-b16 item 1)."""

import os

import pytest
from conftest import placed_text_pdf

from rag.ingest.pdf import pdf_text

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
fpdf = pytest.importorskip("fpdf")
pytestmark = pytest.mark.skipif(not os.path.exists(FONT), reason="DejaVu font missing")

LEFT = ["THƯƠNG MẠI", "Tổng mức bán lẻ hàng hóa 6 tháng đầu", "năm 2093 ước đạt 18.746 tỷ đồng,",
        "tăng 9,4% so với cùng kỳ. Kim ngạch", "xuất khẩu đạt 512,3 triệu USD, giảm",
        "2,1% so với cùng kỳ năm trước."]
RIGHT = ["DU LỊCH", "Khách du lịch nội địa 6 tháng năm 2093", "đạt 1.208 nghìn lượt, tăng 15,7%.",
         "Doanh thu lưu trú và ăn uống", "ước đạt 4.361 tỷ đồng, tăng 8,2%",
         "so với cùng kỳ năm trước."]


def _pdf(items: list[tuple[float, float, float, str]]) -> bytes:
    return placed_text_pdf(items)


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(("left", "right"), [((10, 14.0, 0), (8.5, 18.5, 6)),
                                             ((9, 16.0, 9), (11, 13.5, 0))])
def test_unaligned_columns_read_one_after_the_other(left, right):
    (ls, lstep, ldrop), (rs, rstep, rdrop) = left, right
    items = [(45, 70, 11, "BẢN TIN KINH TẾ TỈNH ĐÔNG HƯNG 6 THÁNG ĐẦU NĂM 2093")]
    items += [(45, 110 + ldrop + lstep * i, ls, line) for i, line in enumerate(LEFT)]
    items += [(305, 110 + rdrop + rstep * i, rs, line) for i, line in enumerate(RIGHT)]
    text = _flat(pdf_text("ban_tin.pdf", _pdf(items)))
    assert "Tổng mức bán lẻ hàng hóa 6 tháng đầu năm 2093 ước đạt 18.746 tỷ đồng, tăng 9,4%" \
        in text
    assert "Kim ngạch xuất khẩu đạt 512,3 triệu USD, giảm 2,1% so với cùng kỳ năm trước." in text
    assert "Khách du lịch nội địa 6 tháng năm 2093 đạt 1.208 nghìn lượt, tăng 15,7%." in text
    assert "Doanh thu lưu trú và ăn uống ước đạt 4.361 tỷ đồng, tăng 8,2%" in text
    assert text.index("BẢN TIN") < text.index("THƯƠNG MẠI") < text.index("512,3") \
        < text.index("DU LỊCH") < text.index("4.361")


def test_heading_across_then_unaligned_columns_again():
    """A heading spanning the page between two bands of columns: each band is read left
    column then right, under its own heading."""
    items = [(45, 70, 11, "BẢN TIN KINH TẾ TỈNH ĐÔNG HƯNG 6 THÁNG ĐẦU NĂM 2093")]
    items += [(45, 100 + 14 * i, 10, line) for i, line in enumerate(LEFT)]
    items += [(305, 104 + 17 * i, 9, line) for i, line in enumerate(RIGHT)]
    items.append((45, 230, 11, "II. CÁC LĨNH VỰC XÃ HỘI TRÊN ĐỊA BÀN TỈNH ĐÔNG HƯNG NĂM 2093"))
    low_left = ["Số lao động được tạo việc làm mới", "6 tháng đạt 11.452 người, bằng 51,3%",
                "kế hoạch năm; tỷ lệ thất nghiệp là", "2,06%, giảm so với cùng kỳ."]
    low_right = ["Số học sinh tốt nghiệp trung học", "phổ thông năm 2093 là 16.027 em,",
                 "đạt tỷ lệ 98,4%, cao hơn năm trước."]
    items += [(45, 260 + 13 * i, 9.5, line) for i, line in enumerate(low_left)]
    items += [(305, 262 + 18 * i, 10, line) for i, line in enumerate(low_right)]
    text = _flat(pdf_text("ban_tin.pdf", _pdf(items)))
    assert "6 tháng đạt 11.452 người, bằng 51,3% kế hoạch năm; tỷ lệ thất nghiệp là 2,06%" in text
    assert "phổ thông năm 2093 là 16.027 em, đạt tỷ lệ 98,4%" in text
    assert text.index("4.361") < text.index("II. CÁC LĨNH VỰC") < text.index("11.452") \
        < text.index("16.027")


def test_single_column_with_short_lines_not_split():
    """Prose in one column, some of its lines short (a paragraph's last line), and a list
    whose items end mid-page: no gutter."""
    lines = ["Giá trị sản xuất nông, lâm nghiệp và thủy sản năm 2093 ước đạt 21.380 tỷ đồng,",
             "tăng 3,2% so với năm trước.",
             "Trong đó:", "- Nông nghiệp đạt 15.904 tỷ đồng;", "- Lâm nghiệp đạt 1.233 tỷ đồng;",
             "- Thủy sản đạt 4.243 tỷ đồng.",
             "Diện tích gieo trồng cây hằng năm đạt 97.615 ha, giảm 0,8% so với năm trước do",
             "chuyển đổi sang trồng cây lâu năm."]
    text = _flat(pdf_text("x.pdf", _pdf([(45, 100 + 15 * i, 10, t) for i, t in enumerate(lines)])))
    assert "ước đạt 21.380 tỷ đồng, tăng 3,2% so với năm trước." in text
    assert text.index("15.904") < text.index("1.233") < text.index("4.243") < text.index("97.615")
    assert "giảm 0,8% so với năm trước do chuyển đổi" in text
