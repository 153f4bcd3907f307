"""A report dated only by its signing line ("<Place>, ngày D tháng M năm YYYY", Nghị định
30/2020/NĐ-CP) where it stands -- a DOCX footer run into "Nơi nhận:", a header table's cell,
the closing paragraph of a long body, the end of a text file -- is dated by it; a date inside
a sentence is not; a CSV whose first row is a caption takes it as its title (break-test
bt24-b16 failure 4, issue 16)."""

from __future__ import annotations

import io

import docx
from docx.shared import Cm

from rag.ingest.readers import read_bytes, signed_date

BODY = [
    "BÁO CÁO tình hình sản xuất công nghiệp quý I năm 2025",
    "Tính đến ngày 31/3/2025, chỉ số sản xuất công nghiệp tăng 7,4% so với cùng kỳ.",
    "Sản lượng điện thương phẩm quý I năm 2025 đạt 412,8 triệu kWh.",
    "Giá trị xuất khẩu quý I năm 2025 ước đạt 96,3 triệu USD.",
    "Số doanh nghiệp thành lập mới trong quý là 184 doanh nghiệp.",
    "Tổng mức bán lẻ hàng hóa quý I năm 2025 ước đạt 8.215 tỷ đồng.",
    "Vốn đầu tư thực hiện quý I năm 2025 đạt 1.930 tỷ đồng.",
    "Trên đây là báo cáo tình hình sản xuất công nghiệp quý I năm 2025.",
]


def _docx(footer: str | None = None, header_cells: tuple[str, str] | None = None,
          closing: list[str] | None = None) -> bytes:
    d = docx.Document()
    sec = d.sections[0]
    if footer is not None:
        sec.footer.paragraphs[0].text = footer
    if header_cells is not None:
        t = sec.header.add_table(rows=1, cols=2, width=Cm(16))
        t.cell(0, 0).text, t.cell(0, 1).text = header_cells
    for line in BODY + (closing or []):
        d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_docx_dated_only_in_its_footer_run_into_the_recipients() -> None:
    data = _docx(footer="Cao Lộc, ngày 9 tháng 10 năm 2024. Nơi nhận: Sở Tài chính; Lưu: VT.")
    [doc] = read_bytes("bc_cao_loc.docx", data)
    assert doc.date == "2024-10-09"


def test_docx_dated_only_in_a_header_table_cell() -> None:
    data = _docx(header_cells=("SỞ CÔNG THƯƠNG TỈNH HÀ TIÊN\nSố: 45/BC-SCT",
                               "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHà Tiên, ngày 03/04/2025"))
    [doc] = read_bytes("bc_ha_tien.docx", data)
    assert doc.date == "2025-04-03"


def test_docx_dated_only_in_its_closing_paragraph() -> None:
    data = _docx(closing=["Nơi nhận: UBND tỉnh; Lưu: VT.", "Mường Khương, ngày 05 tháng 4 năm 2025",
                          "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"])
    [doc] = read_bytes("bc_muong_khuong.docx", data)
    assert doc.date == "2025-04-05"


def test_text_file_dated_by_its_last_lines() -> None:
    text = "\n".join(BODY) + "\nĐồng Văn, ngày 28/02/2026 TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n"
    [doc] = read_bytes("ubnd_dong_van.txt", text.encode())
    assert doc.date == "2026-02-28"


def test_a_date_inside_a_sentence_is_not_the_signing_date() -> None:
    text = "\n".join(BODY + ["Trong quý, ngày 15/2/2025 Sở tổ chức hội nghị xúc tiến thương mại.",
                             "Cũng trong quý, ngày 20 tháng 3 năm 2025."])
    [doc] = read_bytes("bc_khong_ngay.txt", text.encode())
    assert doc.date is None
    assert signed_date("Tính đến ngày 12/7/2022, dư nợ tín dụng đạt 9.120 tỷ đồng.") is None


def test_signing_line_run_into_the_signer() -> None:
    assert signed_date("Yên Minh, ngày 7 tháng 11 năm 2023. KT. CHỦ TỊCH") == "2023-11-07"
    assert signed_date("Yên Minh, ngày 7 tháng 11 năm 2023. Sở đã tổ chức hội nghị.") is None


def test_csv_caption_row_is_its_title_and_a_bare_table_its_readable_name() -> None:
    caption = ("Thuê bao và doanh thu viễn thông tỉnh Hà Giang quý IV/2023,,,\n"
               "Chỉ tiêu,Đơn vị,Quý III/2023,Quý IV/2023\n"
               "Thuê bao di động,nghìn thuê bao,\"812,3\",\"820,1\"\n")
    [doc] = read_bytes("vt_q4_2023.csv", caption.encode())
    assert doc.title == "Thuê bao và doanh thu viễn thông tỉnh Hà Giang quý IV/2023"
    bare = caption.split("\n", 1)[1]
    [doc] = read_bytes("vien_thong_q4_2023.csv", bare.encode())
    assert doc.title == "vien thong q4 2023"
