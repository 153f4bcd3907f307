"""Table shapes of break-test round 12 of issue 16, read from documents made here (python-docx,
openpyxl, CSV text): two row-label columns (a merged group over the rows' own labels, which
carry the unit), a table's text cell never a heading of what follows it, and tables whose
rows are periods (years, months, quarters) and whose columns are indicators."""

from __future__ import annotations

import io

import docx
import openpyxl

from rag.ingest.sheets import csv_text, xlsx_text
from rag.ingest.tables import row_period
from rag.ingest.word import docx_text
from rag.vi.frames import extract


def _docx(title: str, rows: list[list[str]], merges: list[tuple[int, int, int, int]] = (),
          caption: str = "", after: str = "") -> bytes:
    d = docx.Document()
    d.add_paragraph(title)
    if caption:
        d.add_paragraph(caption)
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    for i, r in enumerate(rows):
        for j, v in enumerate(r):
            if v:
                t.cell(i, j).text = v
    for a, b, c, e in merges:
        t.cell(a, b).merge(t.cell(c, e))
    if after:
        d.add_paragraph(after)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _frames(text: str, title: str) -> dict[str, object]:
    return {f.value: f for f in extract(text, title, None)}


def test_group_and_indicator_columns_keep_the_indicators_unit():
    title = "BÁO CÁO tình hình xuất nhập khẩu tháng 6 năm 2024"
    data = _docx(title, [["Chỉ tiêu", "", "Tháng 6/2024", "6 tháng 2024"],
                         ["Xuất khẩu", "Giá trị (triệu USD)", "77,4", "402,8"],
                         ["", "So cùng kỳ (%)", "103,5", "108,1"],
                         ["Nhập khẩu", "Giá trị (triệu USD)", "51,9", "288,3"],
                         ["", "So cùng kỳ (%)", "96,2", "99,0"]],
                 [(0, 0, 0, 1), (1, 0, 2, 0), (3, 0, 4, 0)])
    text, _ = docx_text("x.docx", data)
    assert "Tháng 6/2024 — Nhập khẩu › Giá trị: 51,9 triệu USD" in text
    assert "6 tháng 2024 — Xuất khẩu › So cùng kỳ: 108,1%" in text
    frames = _frames(text, title)
    f = frames["51,9 triệu USD"]
    assert f.unit == "triệu USD" and f.period is not None and f.period.kind == "month"
    assert frames["402,8 triệu USD"].period.label == "6 tháng đầu năm 2024"


def test_a_tables_text_cell_is_no_heading_of_later_paragraphs():
    # a table line whose cell is text ("Chỉ tiêu — …: Kim ngạch (triệu USD)", as a misread
    # header row gave it) was read as a heading naming "Chỉ tiêu": every later figure a target
    text = ("Chỉ tiêu — Xuất khẩu: Kim ngạch (triệu USD) (tháng 4 năm 2026)\n"
            "Tháng 4/2026 — Xuất khẩu: 88,1 (tháng 4 năm 2026)\n\n"
            "Sản lượng điện thương phẩm tháng 4/2026 đạt 76,0 triệu kWh.")
    f = _frames(text, "Báo cáo tháng 4 năm 2026")["76,0 triệu kWh"]
    assert not f.target


def test_row_period_reads_years_months_quarters():
    assert row_period("2.029", None) == "Năm 2029"
    assert row_period("2029", None) == "Năm 2029"
    assert row_period("Năm 2030", None) == "Năm 2030"
    assert row_period("Tháng 2", "2027") == "Tháng 2 năm 2027"
    assert row_period("Quý II", None) == "Quý II"
    assert row_period("Quý I/2027", None) == "Quý I/2027"
    assert row_period("Xuất khẩu", "2027") is None
    assert row_period("1.250", None) is None


def test_sheet_rows_of_years_are_the_figures_periods():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Số liệu"
    ws.append(["Sản lượng điện thương phẩm giai đoạn 2020-2022"])
    ws.append(["Năm", "Sản lượng điện (triệu kWh)", "Số khách hàng (hộ)"])
    for row in [(2020, 1012.5, 210345), (2021, 1088.2, 214870), (2022, 1150.9, 219002)]:
        ws.append(list(row))
    buf = io.BytesIO()
    wb.save(buf)
    text, _ = xlsx_text("dien.xlsx", buf.getvalue())
    assert "Năm 2021 — Sản lượng điện: 1.088,2 triệu kWh" in text
    assert "2.021" not in text
    frames = _frames(text, "Sản lượng điện")
    assert frames["1.088,2 triệu kWh"].period.label == "năm 2021"
    assert frames["219.002 hộ"].period.label == "năm 2022"


def test_docx_rows_of_months_take_the_captions_year():
    title = "BÁO CÁO công nghiệp quý II năm 2025"
    data = _docx(title, [["Tháng", "Sản lượng xi măng", "Sản lượng gạch"],
                         ["Tháng 4", "120,5", "18,2"], ["Tháng 5", "131,0", "19,6"],
                         ["Tháng 6", "127,8", "20,1"]],
                 caption="Bảng 2. Sản lượng theo tháng, quý II/2025 (nghìn tấn)")
    text, _ = docx_text("q2.docx", data)
    assert "Tháng 5 năm 2025 — Sản lượng xi măng: 131,0 nghìn tấn" in text
    f = _frames(text, title)["131,0 nghìn tấn"]
    assert f.period.kind == "month" and f.period.start.isoformat() == "2025-05-01"


def test_csv_rows_of_quarters_take_the_titles_year():
    raw = ("Biểu 4: Doanh thu dịch vụ năm 2026\n"
           "Quý,Doanh thu lưu trú (tỷ đồng),Doanh thu lữ hành (tỷ đồng)\n"
           "Quý I,\"215,4\",\"48,2\"\nQuý II,\"230,1\",\"51,7\"\nNguồn: Cục Thống kê\n")
    text, _ = csv_text("dt_2026.csv", raw)
    assert "Quý II năm 2026 — Doanh thu lưu trú: 230,1 tỷ đồng" in text
    f = _frames(text, "Doanh thu dịch vụ năm 2026")["230,1 tỷ đồng"]
    assert f.period.kind == "quarter" and f.period.start.isoformat() == "2026-04-01"


def test_a_lead_in_gives_its_tables_unit():
    from rag.ingest.markdown import text_with_tables
    from rag.ingest.web import html_to_text

    html = ("<p>Giá trị sản xuất công nghiệp năm 2021 của các huyện như sau (tỷ đồng):</p>"
            "<table><tr><td><b>Huyện</b></td><td><b>Năm 2021</b></td></tr>"
            "<tr><td>Cao Lộc</td><td>1.204,6</td></tr><tr><td>Hữu Lũng</td><td>986,3</td></tr>"
            "</table>")
    assert "Năm 2021 — huyện Cao Lộc: 1.204,6 tỷ đồng" in html_to_text(html)[1]
    md = ("Số lượt xe xuất cảnh qua các cửa khẩu năm 2021 như sau (lượt):\n\n"
          "| Cửa khẩu | Năm 2021 |\n|---|---|\n| Hữu Nghị | 45.210 |\n| Chi Ma | 12.008 |\n")
    assert "Năm 2021 — cửa khẩu Chi Ma: 12.008 lượt" in text_with_tables(md)
    # brackets that hold no unit give none
    md2 = md.replace("(lượt)", "(so với cùng kỳ)")
    assert "Năm 2021 — cửa khẩu Chi Ma: 12.008 (" in text_with_tables(md2) or \
        "Năm 2021 — cửa khẩu Chi Ma: 12.008\n" in text_with_tables(md2) + "\n"


def test_tab_separated_rows_in_a_text_file_are_a_table():
    from rag.ingest.markdown import text_with_tables

    raw = ("Báo cáo nhanh tháng 7 năm 2022\n\n"
           "Sản lượng điện thương phẩm tháng 7/2022 đạt 95,2 triệu kWh.\n\n"
           "Chỉ tiêu\tĐơn vị\tTháng 7/2022\t7 tháng 2022\n"
           "Số phương tiện xuất cảnh\tlượt\t21.340\t150.118\n"
           "Số thu ngân sách\ttỷ đồng\t512,7\t3.480,9\n")
    text = text_with_tables(raw)
    assert "7 tháng 2022 — Số thu ngân sách: 3.480,9 tỷ đồng" in text
    assert "Tháng 7/2022 — Số phương tiện xuất cảnh: 21.340 lượt" in text
    # a paragraph indented by a tab, or one tab between two words, stays text
    prose = "Báo cáo\n\n\tKim ngạch xuất khẩu đạt 5,2 triệu USD.\nGhi chú\tkhông có\n"
    assert text_with_tables(prose) == prose
