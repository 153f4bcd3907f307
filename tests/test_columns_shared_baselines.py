"""A PDF page set in two narrow columns whose lines share baselines, their short lines
full of figures ("năm 2086 là 27 vụ, giảm 3 vụ."), is read column by column: a row that
goes on the sentence its column's row above left open counts as prose, so the gutter is
found (issue 16, break-test bt16-b16 failure 3).  A table's columns, a numbered list and a
label column beside its figures keep being read across."""

import os

import pytest
from conftest import placed_text_pdf

from rag.ingest.pdf import pdf_text

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
fpdf = pytest.importorskip("fpdf")
pytestmark = pytest.mark.skipif(not os.path.exists(FONT), reason="DejaVu font missing")

LEFT = ["NÔNG NGHIỆP", "Diện tích lúa gieo cấy vụ mùa quý III", "năm 2079 là 41.260 ha, giảm 1,4%.",
        "Đàn lợn của tỉnh quý III năm 2079", "đạt 318 nghìn con, tăng 5%."]
RIGHT = ["XÂY DỰNG", "Số giấy phép xây dựng cấp mới quý", "III/2079 là 612 giấy, tăng 40.",
         "Vốn đầu tư xây dựng cơ bản quý III", "năm 2079 đạt 2.145 tỷ đồng."]


def _pdf(items: list[tuple[float, float, float, str]]) -> bytes:
    return placed_text_pdf(items)


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(("size", "right_x", "title"), [
    (9, 300, "BẢN TIN THỐNG KÊ TỈNH HÀ NGUYÊN QUÝ III NĂM 2079"),
    (10, 320, "TÌNH HÌNH KINH TẾ - XÃ HỘI TỈNH HÀ NGUYÊN QUÝ III NĂM 2079 (SỐ LIỆU ƯỚC TÍNH)"),
])
def test_columns_on_shared_baselines_read_one_after_the_other(size, right_x, title):
    """The title over both columns (ending in the gutter, or running across it) is read
    first, then the left column, then the right one."""
    items = [(42, 60, size, title)]
    for i, (a, b) in enumerate(zip(LEFT, RIGHT, strict=True)):
        items += [(42, 90 + 1.5 * size * i, size, a), (right_x, 90 + 1.5 * size * i, size, b)]
    text = _flat(pdf_text("ban_tin.pdf", _pdf(items)))
    assert "Diện tích lúa gieo cấy vụ mùa quý III năm 2079 là 41.260 ha, giảm 1,4%." in text
    assert "Đàn lợn của tỉnh quý III năm 2079 đạt 318 nghìn con, tăng 5%." in text
    assert "Số giấy phép xây dựng cấp mới quý III/2079 là 612 giấy, tăng 40." in text
    assert "Vốn đầu tư xây dựng cơ bản quý III năm 2079 đạt 2.145 tỷ đồng." in text
    assert text.index("BẢN TIN" if "BẢN TIN" in title else "TÌNH HÌNH") \
        < text.index("NÔNG NGHIỆP") < text.index("318 nghìn") < text.index("XÂY DỰNG")


def test_table_with_a_unit_column_still_read_by_rows():
    """Labels, a lower-case unit column and figures, no rules: each row read across (a
    unit under a unit 'goes on' no sentence: the row has a gap between its cells)."""
    rows = [("Chỉ tiêu", "Đơn vị", "Quý II", "Quý III"),
            ("Sản lượng điện", "triệu kWh", "642,8", "701,3"),
            ("Sản lượng xi măng", "nghìn tấn", "1.306", "1.288"),
            ("Sản lượng phân bón", "tấn", "88.410", "91.072"),
            ("Doanh thu bán lẻ", "tỷ đồng", "7.215", "7.604")]
    items = [(x, 80 + 15 * i, 10, cell) for i, row in enumerate(rows)
             for x, cell in zip((45, 230, 360, 460), row, strict=True)]
    text = _flat(pdf_text("bang.pdf", _pdf(items)))
    assert text.index("642,8") < text.index("701,3") < text.index("Sản lượng xi măng") \
        < text.index("1.306") < text.index("Sản lượng phân bón") < text.index("91.072") \
        < text.index("Doanh thu bán lẻ")


def test_numbered_list_and_figure_column_keep_their_rows():
    """A single column whose item numbers stand apart at the left, and labels (one wrapped
    in lower case) with their figures set apart at the right: read across, row by row."""
    items = [(45, 80, 10, "Kết quả thực hiện một số chỉ tiêu chủ yếu 9 tháng năm 2079:")]
    listed = [("1.", "Tổng sản phẩm trên địa bàn tăng 6,8% so với cùng kỳ năm trước."),
              ("2.", "Thu ngân sách nhà nước ước đạt 9.874 tỷ đồng, bằng 71,2% dự toán."),
              ("3.", "Kim ngạch nhập khẩu đạt 1.932 triệu USD, giảm 0,6% so với cùng kỳ.")]
    for i, (n, line) in enumerate(listed):
        items += [(45, 100 + 15 * i, 10, n), (75, 100 + 15 * i, 10, line)]
    figures = [("Giá trị sản xuất công nghiệp", "52.618 tỷ đồng"),
               ("theo giá so sánh năm 2010", "48.107 tỷ đồng"),
               ("Số doanh nghiệp thành lập mới", "1.164 doanh nghiệp"),
               ("Số hợp tác xã giải thể", "23 hợp tác xã")]
    for i, (label, figure) in enumerate(figures):
        items += [(45, 160 + 15 * i, 10, label), (360, 160 + 15 * i, 10, figure)]
    text = _flat(pdf_text("bao_cao.pdf", _pdf(items)))
    assert text.index("1.") < text.index("6,8%") < text.index("2.") < text.index("9.874") \
        < text.index("3.") < text.index("1.932")
    assert text.index("Giá trị sản xuất công nghiệp") < text.index("52.618") \
        < text.index("theo giá so sánh") < text.index("48.107") \
        < text.index("Số doanh nghiệp thành lập mới") < text.index("1.164") \
        < text.index("Số hợp tác xã giải thể") < text.index("23 hợp tác xã")
