"""A short block of a PDF page set in two columns -- two sentences side by side, each over
two lines, or one line beside a wrapped sentence -- under a title and above a table or a
list that cross the gutter, is read column by column (issue 16, break-test bt21-b16
failure 1: "Số giấy phép ... quý III Diện tích sàn ... quý III năm 2022 là 1.127 giấy
phép." put a figure under the other column's subject).  Two phrases side by side on one
line, a label beside its figures and an unruled table keep being read across."""

import os

import pytest
from conftest import placed_text_pdf

from rag.ingest.pdf import pdf_text

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
fpdf = pytest.importorskip("fpdf")
pytestmark = pytest.mark.skipif(not os.path.exists(FONT), reason="DejaVu font missing")


def _pdf(items: list[tuple[float, float, float, str]]) -> bytes:
    return placed_text_pdf(items)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _below(size: float, y: float) -> list[tuple[float, float, float, str]]:
    """A list set across the page under the block: labels and figures, then prose."""
    return [(42, y, size, "Biểu 3. Số khách lưu trú theo loại cơ sở tháng 9/2081"),
            (42, y + 2 * size, size, "Khách sạn từ 3 sao trở lên"),
            (330, y + 2 * size, size, "18.420"),
            (42, y + 3.5 * size, size, "Nhà nghỉ, nhà trọ"), (330, y + 3.5 * size, size, "9.305"),
            (42, y + 6 * size, size,
             "Các chỉ tiêu trên là số ước tính, sẽ được cập nhật vào kỳ sau.")]


@pytest.mark.parametrize(("size", "right_x"), [(9, 300), (10, 318), (8, 285)])
def test_two_line_sentences_side_by_side_are_read_one_after_the_other(size, right_x):
    items = [(42, 60, size, "THÔNG TIN DU LỊCH TỈNH KIM SƠN THÁNG 9 NĂM 2081")]
    left = ["Doanh thu lưu trú, ăn uống tháng 9", "năm 2081 đạt 356,4 tỷ đồng."]
    right = ["Lượt khách quốc tế đến tỉnh tháng 9", "năm 2081 ước 12.750 lượt khách."]
    for i, (a, b) in enumerate(zip(left, right, strict=True)):
        items += [(42, 85 + 1.45 * size * i, size, a), (right_x, 85 + 1.45 * size * i, size, b)]
    text = _flat(pdf_text("du_lich.pdf", _pdf(items + _below(size, 130))))
    assert "Doanh thu lưu trú, ăn uống tháng 9 năm 2081 đạt 356,4 tỷ đồng." in text
    assert "Lượt khách quốc tế đến tỉnh tháng 9 năm 2081 ước 12.750 lượt khách." in text
    assert text.index("THÔNG TIN") < text.index("Doanh thu") < text.index("Lượt khách") \
        < text.index("Biểu 3")
    assert "18.420" in text and "Nhà nghỉ, nhà trọ" in text


def test_one_line_beside_a_wrapped_sentence():
    """The left column holds one sentence on one line, the right one a sentence wrapped
    over two lines: neither is glued to the other."""
    size = 9
    items = [(42, 60, size, "TIN NHANH CÔNG THƯƠNG HUYỆN ĐÔNG XUYÊN QUÝ II/2080"),
             (42, 85, size, "Chợ đầu mối nông sản mới: 14 chợ."),
             (300, 85, size, "Giá trị sản xuất công nghiệp quý II"),
             (300, 85 + 1.45 * size, size, "năm 2080 ước đạt 8.215 tỷ đồng.")]
    text = _flat(pdf_text("tin_nhanh.pdf", _pdf(items + _below(size, 130))))
    assert "Giá trị sản xuất công nghiệp quý II năm 2080 ước đạt 8.215 tỷ đồng." in text
    assert "Chợ đầu mối nông sản mới: 14 chợ." in text


def test_labels_beside_figures_and_one_line_pairs_stay_across():
    """Rows of a label and its figure (no prose on the right) and one line of two phrases are
    no columns: each row is read across."""
    size = 10
    items = [(42, 60, size, "Tổng kim ngạch xuất khẩu hàng hóa 8 tháng"),
             (330, 60, size, "1.204,6 triệu USD"),
             (42, 75, size, "Kim ngạch nhập khẩu hàng hóa 8 tháng năm"),
             (330, 75, size, "986,3 triệu USD"),
             (42, 110, size, "Ghi chú về nguồn số liệu của báo cáo"),
             (330, 110, size, "Cục Thống kê tỉnh Kim Sơn")]
    text = pdf_text("xuat_khau.pdf", _pdf(items))
    assert "1.204,6 triệu USD" in text.split("Kim ngạch nhập khẩu")[0]
    assert "Kim ngạch nhập khẩu hàng hóa 8 tháng năm" in text
