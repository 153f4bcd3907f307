"""Tables in a PDF set without ruling lines (columns kept apart by space alone, as word
processors and statistics offices' exports lay them out) keep their rows and cells, while
prose, a letterhead's two blocks and a page set in two columns stay text.  Issue 16, item 6
("tables in PDFs keep their rows"): before, such a table came out as one run-on paragraph
("Chỉ tiêu 6 tháng 2030 6 tháng 2031 Kim ngạch xuất khẩu 845,2 920,5 …")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import FakeEmbedder
from helpers import fpdf_page

from rag.ingest.pdf import pdf_text
from rag.ingest.uploads import read_upload
from rag.service import RagService
from rag.settings import Settings


def _page(lead: str, columns: list[float], rows: list[tuple[str, ...]], after: str = "",
          above: list[tuple[float, str]] | None = None) -> bytes:
    """One A4 page (millimetres): a heading, optional lines ``above`` (x, text), a ``lead``
    sentence, ``rows`` set at the ``columns``' x (each cell's left edge, or right edge for
    a figure: numbers are set flush right as offices do), then ``after``."""
    pdf: Any = fpdf_page()
    y = 20.0
    for x, text in above or []:
        pdf.text(x, y, text)
        y += 6
    pdf.set_font_size(13)
    pdf.text(20, y + 6, "BÁO CÁO KINH TẾ - XÃ HỘI")
    pdf.set_font_size(11)
    y += 18
    pdf.text(20, y, lead)
    y += 10
    for row in rows:
        for j, cell in enumerate(row):
            x = columns[j]
            if j and any(ch.isdigit() for ch in cell) and not any(ch.isalpha() for ch in cell):
                x -= pdf.get_string_width(cell)
            pdf.text(x, y, cell)
        y += 6.5
    if after:
        pdf.text(20, y + 6, after)
    return bytes(pdf.output())


_TOURISM = _page(
    "Một số chỉ tiêu du lịch chủ yếu (đơn vị tính: nghìn lượt):",
    [20, 120, 165],
    [("Chỉ tiêu", "Quý I/2044", "Quý II/2044"),
     ("Khách du lịch nội địa", "412,6", "530,1"),
     ("Khách quốc tế", "38,4", "41,9"),
     ("Tổng lượt khách lưu trú", "151,0", "188,7")],
    "Doanh thu du lịch tiếp tục tăng khá so với cùng kỳ.")


def test_an_unruled_table_keeps_its_rows_and_cells() -> None:
    text = pdf_text("du-lich.pdf", _TOURISM)
    lines = text.splitlines()
    assert any("Quý II/2044" in line and "Khách quốc tế" in line and "41,9 nghìn lượt" in line
               for line in lines), text
    assert "412,6 530,1" not in text  # no longer one run-on paragraph
    assert "Doanh thu du lịch tiếp tục tăng khá" in text


def test_an_unruled_table_answers_by_its_column(tmp_path: Path) -> None:
    service = RagService(Settings(index_dir=tmp_path / "i", sessions_db=tmp_path / "s.db"),
                         embedder=FakeEmbedder())
    doc = _page("Bảng 2. Sản lượng một số sản phẩm công nghiệp năm 2045 (ĐVT: nghìn tấn)",
                [20, 110, 150, 190],
                [("Sản phẩm", "Năm 2044", "Năm 2045", "So sánh (%)"),
                 ("Xi măng", "1.204,5", "1.318,2", "109,4"),
                 ("Đá xây dựng", "2.310,0", "2.295,7", "99,4"),
                 ("Phân bón", "86,3", "91,0", "105,4")])
    service.add_document(read_upload("cong-nghiep-2045.pdf", doc))
    answer = service.ask("sản lượng xi măng năm 2045")
    assert answer.answer == "1.318,2 nghìn tấn", answer
    answer = service.ask("sản lượng đá xây dựng năm 2044")
    assert answer.answer == "2.310,0 nghìn tấn", answer


def test_prose_and_a_letterhead_stay_text() -> None:
    letterhead = [(20, "UBND TỈNH BẮC PHONG"), (110, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")]
    doc = _page("Trong quý I, kim ngạch xuất khẩu đạt 845 triệu USD, tăng 12% so với cùng kỳ.",
                [20, 110], [("SỞ CÔNG THƯƠNG", "Độc lập - Tự do - Hạnh phúc"),
                            ("Số: 41/BC-SCT", "Bắc Phong, ngày 05 tháng 4 năm 2046")],
                above=letterhead)
    text = pdf_text("bc.pdf", doc)
    assert "—" not in text, text  # no figure line made of the letterhead
    assert "kim ngạch xuất khẩu đạt 845 triệu USD" in text


def test_a_page_in_two_columns_of_prose_is_no_table() -> None:
    left = ["Kim ngạch xuất khẩu quý I đạt", "845 triệu USD, tăng 12% so với", "cùng kỳ năm 2046."]
    right = ["Nhập khẩu đạt 610 triệu USD,", "giảm 3% so với cùng kỳ năm",
             "trước, chủ yếu là máy móc."]
    doc = _page("Tình hình xuất nhập khẩu quý I năm 2047:", [20, 110],
                list(zip(left, right, strict=True)))
    text = pdf_text("hai-cot.pdf", doc)
    assert "—" not in text, text


def _wrapped_page() -> bytes:
    """An unruled table whose first-column labels wrap onto a second line (set in lower case
    under the label, numbers on the label's first line), then a source note."""
    pdf: Any = fpdf_page()
    pdf.text(20, 20, "Bảng 3. Vốn đầu tư thực hiện quý III năm 2048 (đơn vị tính: tỷ đồng)")
    rows = [(("Nguồn vốn",), "Quý III/2047", "Quý III/2048"),
            (("Vốn khu vực kinh tế", "tư nhân trong tỉnh"), "1.840,2", "2.011,6"),
            (("Vốn doanh nghiệp có", "vốn nước ngoài"), "305,7", "288,1"),
            (("Vốn của dân cư",), "920,4", "975,0")]
    y = 32.0
    for label, a, b in rows:
        for k, piece in enumerate(label):
            pdf.text(20, y + k * 5, piece)
        for x, cell in ((120, a), (165, b)):
            pdf.text(x - (pdf.get_string_width(cell) if cell[0].isdigit() else 0), y, cell)
        y += 5 * len(label) + 2
    pdf.text(20, y + 6, "Nguồn: Cục Thống kê tỉnh.")
    return bytes(pdf.output())


def test_a_wrapped_label_stays_with_its_row() -> None:
    text = pdf_text("von-dt.pdf", _wrapped_page())
    assert "Quý III/2048 — Vốn khu vực kinh tế tư nhân trong tỉnh: 2.011,6 tỷ đồng" in text, text
    assert "Quý III/2047 — Vốn doanh nghiệp có vốn nước ngoài: 305,7 tỷ đồng" in text, text
    assert "Quý III/2048 — Vốn của dân cư: 975,0 tỷ đồng" in text, text
    assert "Nguồn: Cục Thống kê tỉnh." in text and "dân cư Nguồn" not in text


def test_a_unit_line_under_the_heading_is_not_the_title_s() -> None:
    pdf: Any = fpdf_page()
    pdf.text(20, 20, "BIỂU 4. SẢN LƯỢNG THỦY SẢN NĂM 2049")
    pdf.text(20, 25, "Đơn vị tính: tấn")
    for y, row in ((35, ("Chỉ tiêu", "Năm 2048", "Năm 2049")),
                   (41.5, ("Khai thác", "1.204", "1.318")),
                   (48, ("Nuôi trồng", "2.310", "2.296"))):
        for x, cell in zip((20, 120, 165), row, strict=True):
            pdf.text(x, y, cell)
    doc = read_upload("thuy-san-2049.pdf", bytes(pdf.output()))
    assert doc.title == "BIỂU 4. SẢN LƯỢNG THỦY SẢN NĂM 2049"
    assert "Năm 2049 — Khai thác: 1.318 tấn" in doc.text, doc.text
