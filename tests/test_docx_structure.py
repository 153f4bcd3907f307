"""DOCX: a row label merged down over rows labels each of them (w:vMerge, and the same merge
in .xlsx); tracked changes read as accepted (w:ins kept, w:del dropped); the title from a
Title/heading style or a header that names the document's kind, not a lead-in first line."""

from __future__ import annotations

import io

import docx
import openpyxl
from docx.oxml import parse_xml

from rag.ingest.readers import read_bytes

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _save(d) -> bytes:  # type: ignore[no-untyped-def]
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _merged_label_docx() -> bytes:
    d = docx.Document()
    d.add_paragraph("Bảng 2. Xuất khẩu qua cửa khẩu Hữu Nghị năm 2025")
    t = d.add_table(rows=5, cols=3)
    rows = [("Chỉ tiêu", "Đơn vị", "Năm 2025"), ("Kim ngạch xuất khẩu", "triệu USD", "1.284,6"),
            ("", "% so cùng kỳ", "112,3"), ("Số tờ khai", "tờ khai", "46.120"),
            ("", "% so cùng kỳ", "104,8")]
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            t.cell(r, c).text = v
    t.cell(1, 0).merge(t.cell(2, 0))
    t.cell(3, 0).merge(t.cell(4, 0))
    return _save(d)


def test_vertically_merged_row_label_carries_down() -> None:
    [doc] = read_bytes("huu_nghi.docx", _merged_label_docx())
    lines = doc.text.split("\n")
    assert "Năm 2025 — Kim ngạch xuất khẩu: 1.284,6 triệu USD" in lines
    assert "Năm 2025 — Kim ngạch xuất khẩu: 112,3 % so cùng kỳ" in lines
    assert "Năm 2025 — Số tờ khai: 104,8 % so cùng kỳ" in lines
    # a figure cell merged across columns is still read once
    d = docx.Document()
    t = d.add_table(rows=2, cols=3)
    for c, v in enumerate(("Chỉ tiêu", "Quý I", "Quý II")):
        t.cell(0, c).text = v
    t.cell(1, 0).text = "Sản lượng điện thương phẩm"
    t.cell(1, 1).text = "402,7"
    t.cell(1, 1).merge(t.cell(1, 2))
    [once] = read_bytes("dien.docx", _save(d))
    assert once.text.count("402,7") == 1


def test_vertically_merged_row_label_in_xlsx() -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (("Chỉ tiêu", "ĐVT", "6 tháng 2026"), ("Doanh thu bán lẻ", "tỷ đồng", 8215.4),
                (None, "%", 9.6)):
        ws.append(row)
    ws.merge_cells("A2:A3")
    buf = io.BytesIO()
    wb.save(buf)
    [doc] = read_bytes("ban_le.xlsx", buf.getvalue())
    assert [line for line in doc.text.split("\n") if "9,6" in line][0].startswith(
        "6 tháng 2026 — Doanh thu bán lẻ: 9,6")


def test_tracked_changes_read_as_accepted() -> None:
    d = docx.Document()
    d.add_paragraph("Tin hoạt động thương mại tháng 5/2026")
    p = d.add_paragraph()
    p._p.append(parse_xml(f'<w:r {W}><w:t xml:space="preserve">Tháng 5/2026, số lượt xe '
                          'xuất khẩu đạt </w:t></w:r>'))
    p._p.append(parse_xml(f'<w:del {W} w:id="7" w:author="B"><w:r><w:delText>21.430</w:delText>'
                          '</w:r></w:del>'))
    p._p.append(parse_xml(f'<w:ins {W} w:id="8" w:author="B"><w:r><w:t>22.015</w:t></w:r>'
                          '</w:ins>'))
    p._p.append(parse_xml(f'<w:r {W}><w:t xml:space="preserve"> lượt</w:t></w:r>'))
    p._p.append(parse_xml(f'<w:moveFrom {W} w:id="9" w:author="B"><w:r><w:t>, giảm nhẹ</w:t>'
                          '</w:r></w:moveFrom>'))
    p._p.append(parse_xml(f'<w:r {W}><w:t>.</w:t></w:r>'))
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "Chỉ tiêu"
    t.cell(0, 1).text = "Tháng 5/2026"
    t.cell(1, 0).text = "Số lượt xe nhập khẩu"
    t.cell(1, 1).paragraphs[0]._p.append(parse_xml(
        f'<w:ins {W} w:id="10" w:author="B"><w:r><w:t>9.870</w:t></w:r></w:ins>'))
    [doc] = read_bytes("xe.docx", _save(d))
    assert "Tháng 5/2026, số lượt xe xuất khẩu đạt 22.015 lượt." in doc.text
    assert "21.430" not in doc.text and "giảm nhẹ" not in doc.text
    assert "Tháng 5/2026 — Số lượt xe nhập khẩu: 9.870" in doc.text


def test_title_from_header_over_a_lead_in_line() -> None:
    d = docx.Document()
    section = d.sections[0]
    section.header.paragraphs[0].text = "KẾ HOẠCH phát triển thương mại biên giới năm 2027"
    d.add_paragraph("Các mục tiêu cụ thể như sau:")
    d.add_paragraph("Kim ngạch xuất khẩu năm 2027 đạt 1.950 triệu USD.")
    [doc] = read_bytes("kh.docx", _save(d))
    assert doc.title == "KẾ HOẠCH phát triển thương mại biên giới năm 2027"
    assert "Các mục tiêu cụ thể như sau:" in doc.text


def test_title_from_title_style_and_kind_on_two_lines() -> None:
    d = docx.Document()
    d.add_paragraph("Kính gửi: Ủy ban nhân dân tỉnh.")
    d.add_paragraph("Tổng hợp số liệu chợ và siêu thị năm 2026", style="Title")
    d.add_paragraph("Toàn tỉnh có 171 chợ.")
    [doc] = read_bytes("cho.docx", _save(d))
    assert doc.title == "Tổng hợp số liệu chợ và siêu thị năm 2026"
    d = docx.Document()
    d.add_paragraph("THÔNG BÁO\nGiá bán lẻ xăng dầu kỳ điều hành ngày 05/3/2026")
    d.add_paragraph("Xăng RON 95 giá 21.340 đồng/lít.")
    [doc] = read_bytes("tb.docx", _save(d))
    assert doc.title == "Thông báo giá bán lẻ xăng dầu kỳ điều hành ngày 05/3/2026"
    # a first paragraph in a heading style wins over the running header
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "BÁO CÁO định kỳ của Sở Công Thương"
    d.add_paragraph("Sản xuất công nghiệp quý I/2026", style="Heading 1")
    d.add_paragraph("Chỉ số IIP quý I/2026 tăng 8,1%.")
    [doc] = read_bytes("iip.docx", _save(d))
    assert doc.title == "Sản xuất công nghiệp quý I/2026"
