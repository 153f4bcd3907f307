"""A PDF page set in two columns is read column by column (not across, line by line), and a
workbook's hidden rows, columns and sheets are not read (issue 16, break-test bt14-b16
items 1 and 5)."""

import io
import os

import openpyxl
import pytest

from rag.ingest.pdf import pdf_text
from rag.ingest.sheets import xlsx_text

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
fpdf = pytest.importorskip("fpdf")
pytestmark = pytest.mark.skipif(not os.path.exists(FONT), reason="DejaVu font missing")

LEFT = ["CÔNG NGHIỆP", "Chỉ số sản xuất toàn ngành quý III", "năm 2071 tăng 6,3% so với cùng kỳ.",
        "Sản lượng điện thương phẩm đạt", "1.284 triệu kWh, giảm 0,7% so với",
        "quý trước. Xi măng đạt 2.318 nghìn", "tấn."]
RIGHT = ["VẬN TẢI", "Doanh thu vận tải quý III năm 2071", "ước đạt 3.905 tỷ đồng, tăng 12,4%",
         "so với cùng kỳ. Khối lượng hàng hóa", "vận chuyển đạt 27,8 triệu tấn, tăng",
         "5,1%. Số lượt hành khách đạt 61,2", "triệu lượt."]


def _pdf(pages: list[list[tuple[float, float, str]]]) -> bytes:
    doc = fpdf.FPDF(unit="pt", format=(595, 842))
    doc.add_font("DV", "", FONT)
    doc.set_font("DV", size=10)
    for page in pages:
        doc.add_page()
        for x, y, text in page:
            doc.text(x, y, text)
    return bytes(doc.output())


def _two_columns() -> list[tuple[float, float, str]]:
    out = [(50, 60, "THÔNG TIN KINH TẾ - XÃ HỘI TỈNH BẮC SƠN QUÝ III NĂM 2071")]
    for i, (a, b) in enumerate(zip(LEFT, RIGHT, strict=True)):
        out += [(50, 100 + 15 * i, a), (320, 100 + 15 * i, b)]
    return out


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_two_columns_read_one_after_the_other():
    text = _flat(pdf_text("ban_tin.pdf", _pdf([_two_columns()])))
    assert "Sản lượng điện thương phẩm đạt 1.284 triệu kWh, giảm 0,7% so với quý trước." in text
    assert "Doanh thu vận tải quý III năm 2071 ước đạt 3.905 tỷ đồng, tăng 12,4% so với cùng kỳ." \
        in text
    assert "Khối lượng hàng hóa vận chuyển đạt 27,8 triệu tấn, tăng 5,1%." in text
    # the title spanning the page first, then the left column, then the right one
    assert text.index("THÔNG TIN KINH TẾ") < text.index("CÔNG NGHIỆP") < \
        text.index("Xi măng đạt 2.318 nghìn tấn") < text.index("VẬN TẢI")
    assert "đạt VẬN TẢI" not in text and "quý III Doanh thu" not in text


def test_single_column_page_and_unruled_table_unchanged():
    prose = [(50, 100 + 15 * i, line) for i, line in enumerate(
        ["Tổng vốn đầu tư thực hiện năm 2071 ước đạt 14.562 tỷ đồng, tăng 8,8% so với",
         "năm trước; vốn khu vực ngoài nhà nước chiếm 61,5%."])]
    table = [(50, 200, "Chỉ tiêu"), (300, 200, "Năm 2070"), (420, 200, "Năm 2071"),
             (50, 215, "Lúa"), (300, 215, "412,6"), (420, 215, "418,9"),
             (50, 230, "Ngô"), (300, 230, "38,2"), (420, 230, "36,7"),
             (50, 245, "Khoai lang"), (300, 245, "9,4"), (420, 245, "9,9")]
    text = _flat(pdf_text("x.pdf", _pdf([prose + table])))
    assert "ước đạt 14.562 tỷ đồng, tăng 8,8% so với năm trước; vốn khu vực" in text
    assert "418,9" in text and "Ngô" in text
    assert text.index("14.562") < text.index("Lúa") < text.index("Ngô") < text.index("Khoai")


def test_letterhead_blocks_still_read_across():
    head = [(50, 60, "ỦY BAN NHÂN DÂN TỈNH BẮC SƠN"),
            (320, 60, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            (50, 75, "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"), (340, 75, "Độc lập - Tự do - Hạnh phúc"),
            (50, 90, "Số: 45/BC-SNNMT"), (330, 90, "Bắc Sơn, ngày 9 tháng 10 năm 2071")]
    body = [(50, 130, "Diện tích rừng trồng mới năm 2071 ước đạt 3.140 ha, tăng 2,6% so với")]
    text = pdf_text("x.pdf", _pdf([head + body]))
    assert "ỦY BAN NHÂN DÂN TỈNH BẮC SƠN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Số: 45/BC-SNNMT Bắc Sơn, ngày 9 tháng 10 năm 2071" in text


def _workbook() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "TM 2072"
    ws.append(["Doanh thu dịch vụ năm 2072"])
    ws.append(["Chỉ tiêu", "Đơn vị tính", "Năm 2072", "Bản nháp 2072"])
    ws.append(["Doanh thu ăn uống", "Tỷ đồng", 2417.5, 8888.1])
    ws.append(["Ước cũ: Doanh thu lữ hành", "Tỷ đồng", 777.7, 6666.2])
    ws.row_dimensions[4].hidden = True
    ws.append(["Doanh thu lữ hành", "Tỷ đồng", 318.4, 5555.3])
    ws.column_dimensions["D"].hidden = True
    for state, figure in (("hidden", 4444.4), ("veryHidden", 3333.3)):
        other = wb.create_sheet(f"Nháp {state}")
        other.sheet_state = state
        other.append(["Chỉ tiêu", "Đơn vị tính", "Năm 2072"])
        other.append(["Doanh thu ăn uống", "Tỷ đồng", figure])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_hidden_rows_columns_sheets_not_read():
    text, _ = xlsx_text("dv.xlsx", _workbook())
    assert "2.417,5 tỷ đồng" in text and "318,4 tỷ đồng" in text
    for hidden in ("777,7", "Ước cũ", "8.888,1", "5.555,3", "Bản nháp", "4.444,4", "3.333,3",
                   "Nháp"):
        assert hidden not in text
    assert "dòng 5" in text  # visible rows keep their numbers
