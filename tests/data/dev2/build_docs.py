#!/usr/bin/env python3
"""Write the binary documents of the dev2 set (.docx, .xlsx, .pdf) into docs/.

Every figure here is invented (see README.md). The .txt and .html documents are written by
hand; this script only makes the four files that need a library: python-docx for e06 and e07,
openpyxl for e08, fpdf2 with DejaVu Sans for e09. Running it again rewrites the same content.

Usage: python3 build_docs.py [--docs DIR]
"""
from __future__ import annotations

import argparse
from pathlib import Path

HERE = Path(__file__).resolve().parent
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONT_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")


def docx_table(doc, rows: list[list[str]]) -> None:
    """Append a table with a bold header row to a python-docx document."""
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            cell = table.cell(i, j)
            cell.text = text
            if i == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True


def letterhead(doc, number: str, place_date: str) -> None:
    """The two-column letterhead of a provincial department's report."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    head = doc.add_table(rows=2, cols=2)
    head.cell(0, 0).text = "UBND TỈNH LẠNG SƠN\nSỞ CÔNG THƯƠNG"
    head.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    head.cell(1, 0).text = number
    head.cell(1, 1).text = place_date
    for row in head.rows:
        for cell in row.cells:
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER


def header_footer(doc, header: str, footer: str) -> None:
    """Set the running header and footer of the first section."""
    section = doc.sections[0]
    section.header.paragraphs[0].text = header
    section.footer.paragraphs[0].text = footer


def make_e06(path: Path) -> None:
    """Department report: 2021 results against the 2021 plan, with the 2022 plan beside them."""
    import docx

    doc = docx.Document()
    header_footer(doc, "Sở Công Thương Lạng Sơn - Báo cáo tổng kết năm 2021",
                  "Nơi nhận: UBND tỉnh; Bộ Công Thương; Lưu: VT, KHTC.")
    letterhead(doc, "Số: 12/BC-SCT", "Lạng Sơn, ngày 10 tháng 01 năm 2022")
    doc.add_heading("BÁO CÁO", level=1)
    doc.add_paragraph("Kết quả thực hiện nhiệm vụ năm 2021 và phương hướng, kế hoạch năm 2022 "
                      "của ngành Công Thương")
    doc.add_paragraph(
        "Năm 2021, dịch COVID-19 diễn biến phức tạp ở cả hai phía biên giới; phía Trung Quốc "
        "nhiều lần tạm dừng thông quan tại các cửa khẩu phụ, lối mở, có thời điểm cuối năm "
        "(ngày 28/12/2021) trên địa bàn tỉnh tồn hơn 4.600 xe hàng chờ xuất khẩu. Trong bối "
        "cảnh đó, ngành Công Thương đã phối hợp với các lực lượng chức năng duy trì thông quan "
        "tại cửa khẩu quốc tế Hữu Nghị, Tân Thanh, Chi Ma và ga đường sắt liên vận Đồng Đăng.")
    doc.add_paragraph(
        "Chỉ số sản xuất công nghiệp năm 2021 tăng 5,14% so với năm 2020, thấp hơn kế hoạch "
        "(tăng 7%). Giá trị sản xuất công nghiệp theo giá so sánh 2010 đạt 8.598,3 tỷ đồng, "
        "bằng 98,8% kế hoạch. Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng đạt "
        "23.512,8 tỷ đồng, bằng 94,1% kế hoạch, tăng 7,5% so với năm 2020.")
    doc.add_paragraph(
        "Kim ngạch hàng hóa xuất nhập khẩu mở tờ khai tại Cục Hải quan tỉnh năm 2021 đạt "
        "3.769,8 triệu USD, bằng 99,2% kế hoạch, tăng 12,5% so với năm 2020; xuất khẩu hàng "
        "địa phương đạt 97,2 triệu USD, vượt kế hoạch. Điện thương phẩm đạt 903,6 triệu kWh.")
    doc.add_paragraph("Biểu 1. Một số chỉ tiêu chủ yếu của ngành Công Thương năm 2021 "
                      "và kế hoạch năm 2022")
    docx_table(doc, [
        ["STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện 2020", "Kế hoạch 2021",
         "Thực hiện 2021", "TH 2021 so KH 2021 (%)", "TH 2021 so TH 2020 (%)",
         "Kế hoạch 2022"],
        ["1", "Chỉ số sản xuất công nghiệp (năm trước = 100)", "%", "102,87", "107,00",
         "105,14", "-", "-", "108,00"],
        ["2", "Giá trị sản xuất công nghiệp (giá so sánh 2010)", "tỷ đồng", "8.126,5",
         "8.700,0", "8.598,3", "98,8", "105,8", "9.350,0"],
        ["3", "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng", "tỷ đồng",
         "21.874,6", "25.000,0", "23.512,8", "94,1", "107,5", "27.500,0"],
        ["4", "Kim ngạch XNK mở tờ khai tại Cục Hải quan tỉnh", "triệu USD", "3.352,4",
         "3.800,0", "3.769,8", "99,2", "112,5", "4.100,0"],
        ["", "- Xuất khẩu", "triệu USD", "1.982,1", "2.200,0", "2.041,5", "92,8", "103,0",
         "2.300,0"],
        ["", "- Nhập khẩu", "triệu USD", "1.370,3", "1.600,0", "1.728,3", "108,0", "126,1",
         "1.800,0"],
        ["5", "Xuất khẩu hàng địa phương", "triệu USD", "88,4", "95,0", "97,2", "102,3",
         "110,0", "105,0"],
        ["6", "Điện thương phẩm", "triệu kWh", "842,7", "890,0", "903,6", "101,5", "107,2",
         "960,0"],
    ])
    doc.add_paragraph("")
    doc.add_paragraph("Biểu 2. Kim ngạch hàng hóa mở tờ khai năm 2021 theo cửa khẩu")
    docx_table(doc, [
        ["Cửa khẩu", "Kim ngạch (triệu USD)", "Tỷ trọng (%)"],
        ["Cửa khẩu quốc tế Hữu Nghị", "1.612,3", "42,8"],
        ["Cửa khẩu Tân Thanh", "1.288,4", "34,2"],
        ["Cửa khẩu Chi Ma", "402,6", "10,7"],
        ["Cửa khẩu Cốc Nam", "58,9", "1,6"],
        ["Ga đường sắt liên vận quốc tế Đồng Đăng", "321,7", "8,5"],
        ["Các điểm thông quan khác", "85,9", "2,3"],
        ["Cộng", "3.769,8", "100,0"],
    ])
    doc.add_paragraph("")
    doc.add_paragraph(
        "Phương hướng năm 2022: phấn đấu chỉ số sản xuất công nghiệp tăng 8%; tổng mức bán lẻ "
        "hàng hóa và doanh thu dịch vụ tiêu dùng đạt 27.500 tỷ đồng; kim ngạch hàng hóa mở tờ "
        "khai đạt 4.100 triệu USD; xuất khẩu hàng địa phương đạt 105 triệu USD; điện thương "
        "phẩm đạt 960 triệu kWh.")
    doc.add_paragraph("GIÁM ĐỐC\n(đã ký)\nVi Thanh Bình")
    doc.save(str(path))


def make_e07(path: Path) -> None:
    """Industry and electricity report for 2013: product table and consumption by component."""
    import docx

    doc = docx.Document()
    header_footer(doc, "SỞ CÔNG THƯƠNG LẠNG SƠN", "Trang 1/1 - Báo cáo số 09/BC-SCT")
    letterhead(doc, "Số: 09/BC-SCT", "Lạng Sơn, ngày 14 tháng 01 năm 2014")
    doc.add_heading("BÁO CÁO", level=1)
    doc.add_paragraph("Tình hình sản xuất công nghiệp và cung ứng điện năm 2013, "
                      "kế hoạch năm 2014")
    doc.add_paragraph(
        "1. Sản xuất công nghiệp. Chỉ số sản xuất công nghiệp năm 2013 tăng 11,38% so với năm "
        "2012. Giá trị sản xuất công nghiệp (giá so sánh 2010) đạt 6.214,9 tỷ đồng, bằng 101,2% "
        "kế hoạch. Một số sản phẩm giảm do thị trường tiêu thụ khó khăn: than sạch giảm 5,1%, "
        "nhựa thông giảm 5,8%.")
    doc.add_paragraph("Bảng 1. Sản lượng một số sản phẩm công nghiệp chủ yếu")
    docx_table(doc, [
        ["Sản phẩm", "Đơn vị tính", "Thực hiện 2012", "Thực hiện 2013", "2013 so với 2012 (%)"],
        ["Than sạch", "nghìn tấn", "512,4", "486,1", "94,9"],
        ["Xi măng", "nghìn tấn", "612,8", "704,3", "114,9"],
        ["Điện sản xuất", "triệu kWh", "552,1", "598,7", "108,4"],
        ["Đá xây dựng", "nghìn m³", "1.842", "2.106", "114,3"],
        ["Gạch nung", "triệu viên", "196,4", "211,8", "107,8"],
        ["Nhựa thông", "tấn", "9.412", "8.867", "94,2"],
    ])
    doc.add_paragraph("")
    doc.add_paragraph(
        "2. Cung ứng điện. Điện thương phẩm toàn tỉnh năm 2013 đạt 498,6 triệu kWh, tăng 8,7% so "
        "với năm 2012. Công suất cực đại (Pmax) đạt 118 MW vào ngày 18/6/2013. Tỷ lệ tổn thất "
        "điện năng 6,94%, giảm 0,51 điểm phần trăm so với năm trước. 100% số xã có điện lưới "
        "quốc gia; tỷ lệ hộ dân sử dụng điện đạt 97,6%.")
    doc.add_paragraph("Bảng 2. Điện thương phẩm năm 2013 theo thành phần phụ tải")
    docx_table(doc, [
        ["Thành phần phụ tải", "Sản lượng (triệu kWh)", "Tỷ trọng (%)"],
        ["Công nghiệp - xây dựng", "205,4", "41,2"],
        ["Nông, lâm nghiệp, thủy sản", "3,9", "0,8"],
        ["Thương mại - dịch vụ", "24,5", "4,9"],
        ["Quản lý và tiêu dùng dân cư", "228,9", "45,9"],
        ["Hoạt động khác", "35,9", "7,2"],
        ["Tổng", "498,6", "100,0"],
    ])
    doc.add_paragraph("")
    doc.add_paragraph(
        "3. Kế hoạch năm 2014: chỉ số sản xuất công nghiệp tăng 12%; điện thương phẩm đạt 540 "
        "triệu kWh; tỷ lệ tổn thất điện năng dưới 6,5%.")
    doc.save(str(path))


E08_MONTHS = [f"T{m}" for m in range(1, 13)]
E08_ROWS = [
    ("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng", "tỷ đồng",
     [2046.3, 1702.8, 1598.4, 1189.7, 1663.2, 1812.5, 1874.1, 1902.6, 1918.3, 1985.2, 2021.9,
      2159.6], 21874.6, "#,##0.0"),
    ("Chỉ số sản xuất công nghiệp so với cùng kỳ", "%",
     [-3.2, 4.1, -1.8, -12.6, -5.4, 2.7, 3.9, 5.2, 6.1, 7.4, 8.3, 9.6], 2.87, "0.00"),
    ("CPI so với tháng trước", "%",
     [1.12, 0.38, -0.61, -1.27, -0.14, 0.52, 0.33, 0.09, 0.11, 0.15, -0.02, 0.07], None, "0.00"),
    ("CPI so với cùng kỳ năm trước (cả năm: bình quân)", "%",
     [6.12, 5.48, 4.61, 2.95, 2.67, 3.08, 3.21, 2.94, 2.83, 2.66, 1.98, 1.52], 3.34, "0.00"),
    ("Khách du lịch", "nghìn lượt",
     [312.5, 148.2, 61.4, 8.7, 92.3, 168.9, 201.6, 176.4, 154.8, 161.3, 158.7, 172.5], 1817.3,
     "#,##0.0"),
    ("Kim ngạch XNK mở tờ khai tại Cục Hải quan tỉnh", "triệu USD",
     [248.6, 196.3, 231.8, 214.5, 262.9, 281.4, 296.7, 305.2, 298.1, 321.6, 336.8, 358.5],
     3352.4, "#,##0.0"),
]


def make_e08(path: Path) -> None:
    """Indicators x months of 2020, a full-year column and a notes sheet."""
    import openpyxl
    from openpyxl.styles import Font

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Chi tieu 2020"
    ws.append(["MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU THEO THÁNG NĂM 2020 - TỈNH LẠNG SƠN"])
    ws.append([])
    ws.append(["Chỉ tiêu", "Đơn vị", *E08_MONTHS, "Cả năm 2020"])
    for cell in ws[3]:
        cell.font = Font(bold=True)
    for name, unit, months, year, fmt in E08_ROWS:
        ws.append([name, unit, *months, year])
        for cell in ws[ws.max_row][2:]:
            cell.number_format = fmt
    ws.column_dimensions["A"].width = 55
    notes = wb.create_sheet("Ghi chu")
    for line in (
        "Nguồn: Cục Thống kê tỉnh Lạng Sơn, Niên giám và báo cáo tháng năm 2020.",
        "Số liệu tháng 12/2020 là số ước tính; các tháng khác là số chính thức.",
        "Chỉ số sản xuất công nghiệp và CPI tính bằng % tăng (+) hoặc giảm (-).",
        "Tháng 4/2020 thực hiện giãn cách xã hội theo Chỉ thị 16/CT-TTg.",
    ):
        notes.append([line])
    wb.save(str(path))


def make_e09(path: Path) -> None:
    """Budget report for 2018 as a PDF with a table (fpdf2, DejaVu Sans embedded)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.add_font("DejaVu", "B", str(FONT_BOLD))
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 10)
    pdf.cell(90, 5, "UBND TỈNH LẠNG SƠN")
    pdf.cell(0, 5, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(90, 5, "SỞ TÀI CHÍNH")
    pdf.cell(0, 5, "Độc lập - Tự do - Hạnh phúc", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 10)
    pdf.cell(90, 6, "Số: 58/BC-STC")
    pdf.cell(0, 6, "Lạng Sơn, ngày 18 tháng 01 năm 2019", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("DejaVu", "B", 12)
    pdf.cell(0, 7, "BÁO CÁO", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "B", 10)
    pdf.cell(0, 6, "Tình hình thực hiện thu, chi ngân sách nhà nước năm 2018", align="C",
             new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("DejaVu", "", 10)
    for text in (
        "Tổng thu ngân sách nhà nước trên địa bàn năm 2018 đạt 6.942,7 tỷ đồng, bằng 118,7% "
        "dự toán Trung ương giao, 113,4% dự toán HĐND tỉnh giao, tăng 9,6% so với năm 2017. "
        "Trong đó thu nội địa đạt 2.866,1 tỷ đồng; nếu không kể tiền sử dụng đất, thu nội địa "
        "đạt 2.153,6 tỷ đồng. Thu từ hoạt động xuất nhập khẩu đạt 4.076,6 tỷ đồng, tăng 13,2%.",
        "Một số khoản thu chưa đạt dự toán: thu từ khu vực doanh nghiệp có vốn đầu tư nước "
        "ngoài đạt 38,4 tỷ đồng, bằng 85,3% dự toán và giảm 6,1% so với năm 2017.",
    ):
        pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
    pdf.ln(2)
    pdf.set_font("DejaVu", "B", 9)
    pdf.cell(0, 6, "Bảng: Thu, chi ngân sách năm 2018 (đơn vị: tỷ đồng, %)",
             new_x="LMARGIN", new_y="NEXT")
    rows = [
        ("Nội dung", "DT TW giao", "DT HĐND giao", "TH 2018", "% DT TW", "% DT HĐND",
         "% cùng kỳ"),
        ("A. Tổng thu NSNN trên địa bàn", "5.850,0", "6.120,0", "6.942,7", "118,7", "113,4",
         "109,6"),
        ("I. Thu nội địa", "2.350,0", "2.620,0", "2.866,1", "122,0", "109,4", "104,8"),
        ("- Thu tiền sử dụng đất", "400,0", "600,0", "712,5", "178,1", "118,8", "126,3"),
        ("- Thu từ DN có vốn ĐTNN", "45,0", "45,0", "38,4", "85,3", "85,3", "93,9"),
        ("- Thuế thu nhập cá nhân", "110,0", "115,0", "131,7", "119,7", "114,5", "112,4"),
        ("II. Thu từ hoạt động XNK", "3.500,0", "3.500,0", "4.076,6", "116,5", "116,5",
         "113,2"),
        ("B. Tổng chi ngân sách địa phương", "-", "10.788,0", "11.284,3", "-", "104,6",
         "107,1"),
    ]
    widths = (52, 21, 25, 20, 18, 22, 20)
    for i, row in enumerate(rows):
        pdf.set_font("DejaVu", "B" if i == 0 else "", 8)
        for width, text in zip(widths, row, strict=True):
            pdf.cell(width, 6, text, border=1, align="L" if width == widths[0] else "R")
        pdf.ln(6)
    pdf.ln(3)
    pdf.set_font("DejaVu", "", 10)
    pdf.multi_cell(0, 5, "Dự toán thu ngân sách nhà nước trên địa bàn năm 2019: Trung ương giao "
                   "7.110 tỷ đồng; HĐND tỉnh giao 7.350 tỷ đồng.", new_x="LMARGIN",
                   new_y="NEXT")
    pdf.ln(2)
    pdf.multi_cell(0, 5, "GIÁM ĐỐC\nNông Thị Lan Anh", align="R")
    pdf.output(str(path))


def main(argv: list[str] | None = None) -> int:
    """Write the four binary documents; return 0."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=Path, default=HERE / "docs")
    args = ap.parse_args(argv)
    args.docs.mkdir(parents=True, exist_ok=True)
    make_e06(args.docs / "e06-bc-sct-2021-kh-2022.docx")
    make_e07(args.docs / "e07-cong-nghiep-dien-2013.docx")
    make_e08(args.docs / "e08-chi-tieu-thang-2020.xlsx")
    make_e09(args.docs / "e09-thu-chi-ngan-sach-2018.pdf")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
