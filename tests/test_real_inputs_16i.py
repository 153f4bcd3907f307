"""The ninth break-test of issue 16: table headers and label columns as statistics offices
lay them out -- a part of a year under its year ("Năm 2024" over "6 tháng đầu năm" | "Cả
năm"), two label columns (a merged group beside its rows), a range beside its unit column --
read alike by every reader (CSV, XLSX, HTML, DOCX, PDF share rag.ingest.tables).  Every
document is built here."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import empty_service
from helpers import csv_bytes, docx_bytes, docx_fill, fpdf_page, html_rows, xlsx_bytes

from rag.ingest.tables import is_figure, join_header
from rag.ingest.uploads import read_upload

# --- 1. a part of a year under its year: one period, and the header row writes no line ----

_SUB_ROWS = [["Sản lượng clanhke", "41,2", "88,9"], ["Sản lượng gạch nung", "17,5", "35,3"]]


def _sub_csv() -> bytes:
    return csv_bytes([["Chỉ tiêu (nghìn tấn)", "Năm 2026", ""],
                      ["", "6 tháng đầu năm", "Cả năm"], *_SUB_ROWS])


def _sub_xlsx() -> bytes:
    return xlsx_bytes([["Chỉ tiêu (nghìn tấn)", "Năm 2026", None],
                       [None, "6 tháng đầu năm", "Cả năm"], *_SUB_ROWS],
                      merges=("A1:A2", "B1:C1"), sheet="Bieu 07")


def _sub_html() -> bytes:
    body = html_rows(_SUB_ROWS)
    return ("<html><head><title>Vật liệu</title></head><body><h1>Vật liệu xây dựng</h1>"
            "<table><tr><th rowspan='2'>Chỉ tiêu (nghìn tấn)</th><th colspan='2'>Năm 2026</th>"
            f"</tr><tr><th>6 tháng đầu năm</th><th>Cả năm</th></tr>{body}</table>"
            "</body></html>").encode()


def _sub_docx() -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("Sản lượng vật liệu xây dựng")
    t = d.add_table(rows=2 + len(_SUB_ROWS), cols=3)
    t.cell(0, 0).merge(t.cell(1, 0)).text = "Chỉ tiêu (nghìn tấn)"
    t.cell(0, 1).merge(t.cell(0, 2)).text = "Năm 2026"
    t.cell(1, 1).text, t.cell(1, 2).text = "6 tháng đầu năm", "Cả năm"
    docx_fill(t, _SUB_ROWS, 2)
    return docx_bytes(d)


def _sub_pdf() -> bytes:
    pdf = fpdf_page()
    pdf.multi_cell(0, 7, "Bảng 4. Vật liệu xây dựng năm 2026 (nghìn tấn)",
                   new_x="LMARGIN", new_y="NEXT")
    with pdf.table() as t:
        for row in [["Chỉ tiêu", "6 tháng đầu năm", "Cả năm"], *_SUB_ROWS]:
            r = t.row()
            for c in row:
                r.cell(c)
    return bytes(pdf.output())


@pytest.mark.parametrize("name, make", [
    ("vl.csv", _sub_csv), ("vl.xlsx", _sub_xlsx), ("vl.html", _sub_html),
    ("vl.docx", _sub_docx)], ids=["csv", "xlsx", "html", "docx"])
def test_a_part_of_a_year_under_its_year_is_one_period(name: str, make) -> None:
    text = read_upload(name, make()).text
    assert "6 tháng đầu năm 2026 — Sản lượng clanhke: 41,2 nghìn tấn" in text, text
    assert "Cả năm 2026 — Sản lượng gạch nung: 35,3 nghìn tấn" in text, text
    assert "6 tháng đầu năm (" not in text and ": Cả năm" not in text  # no header line


def test_a_part_of_a_year_heading_a_pdf_table_takes_the_caption_s_year() -> None:
    from rag.vi.frames import extract

    doc = read_upload("vl.pdf", _sub_pdf())
    assert "6 tháng đầu năm — Sản lượng clanhke: 41,2 nghìn tấn (năm 2026)" in doc.text
    periods = {f.value: f.period.label for f in extract(doc.text, "Vật liệu", "2027-01-10")
               if f.period is not None}
    assert periods.get("41,2 nghìn tấn") == "6 tháng đầu năm 2026", periods
    assert periods.get("35,3 nghìn tấn") == "năm 2026", periods


def test_a_sheet_s_number_is_no_figure() -> None:
    from rag.vi.frames import extract

    doc = read_upload("vl.xlsx", _sub_xlsx())
    values = {f.value for f in extract(doc.text, doc.title or "", "2027-01-10")}
    assert "07" not in values and "41,2 nghìn tấn" in values, values


@pytest.mark.parametrize("upper, lower, want", [
    ("Năm 2023", "6 tháng", "6 tháng năm 2023"),
    ("Năm 2023", "9 tháng", "9 tháng năm 2023"),
    ("Năm 2023", "Ước cả năm", "Ước cả năm 2023"),
    ("Năm 2023", "Ước TH cả năm", "Ước TH cả năm 2023"),
    ("Năm 2024", "6 tháng đầu năm", "6 tháng đầu năm 2024"),
    ("Năm 2022", "Cả năm", "Cả năm 2022"),
    ("Năm 2022", "Kế hoạch", "Năm 2022 Kế hoạch"),
    ("Giá trị (tỷ đồng)", "6 tháng", "Giá trị 6 tháng (tỷ đồng)"),
])
def test_a_year_over_a_part_of_it_heads_one_period(upper: str, lower: str, want: str) -> None:
    assert join_header(upper, lower) == want


@pytest.mark.parametrize("cell, want", [("6 tháng", False), ("9 tháng đầu năm", False),
                                        ("6 tháng 2017", False), ("845 triệu USD", True),
                                        ("12 xe", True), ("450 lượt", True)])
def test_a_part_of_a_year_is_no_figure(cell: str, want: bool) -> None:
    assert is_figure(cell) is want


def test_a_year_asked_is_not_answered_surely_with_its_first_half(tmp_path: Path) -> None:
    service = empty_service(tmp_path)
    service.add_document(read_upload("vl.xlsx", xlsx_bytes(
        [["Chỉ tiêu", "Đơn vị", "Năm 2026", None], [None, None, "6 tháng đầu năm", "9 tháng"],
         ["Sản lượng clanhke", "nghìn tấn", 41.2, 63.4]],
        merges=("A1:A2", "B1:B2", "C1:D1"))))
    got = service.ask("sản lượng clanhke năm 2026")
    assert not (got.found and got.confidence >= 0.9 and got.answer in ("41,2 nghìn tấn",
                                                                        "63,4 nghìn tấn")), got
    got = service.ask("sản lượng clanhke 6 tháng đầu năm 2026")
    assert got.found and got.answer == "41,2 nghìn tấn", got


# --- 2. two label columns: a group's merged cell beside its rows ---------------------------

_GROUP_ROWS = [["Chính ngạch", "Xuất khẩu", "512,4", "598,0"],
               ["", "Nhập khẩu", "276,9", "301,5"],
               ["Tiểu ngạch", "Xuất khẩu", "64,2", "70,3"],
               ["", "Nhập khẩu", "18,6", "22,1"]]
_GROUP_HEAD = ["Loại hình", "Chiều", "Quý I/2027", "Quý II/2027"]
_GROUP_CAPTION = "Bảng 3. Kim ngạch theo loại hình (triệu USD)"


def _group_csv() -> bytes:
    return csv_bytes([[_GROUP_CAPTION], _GROUP_HEAD, *_GROUP_ROWS])


def _group_xlsx() -> bytes:
    return xlsx_bytes([[_GROUP_CAPTION], _GROUP_HEAD, *_GROUP_ROWS], merges=("A3:A4", "A5:A6"))


def _group_html() -> bytes:
    rows = "".join("<tr>" + (f"<td rowspan='2'>{r[0]}</td>" if r[0] else "") +
                   "".join(f"<td>{c}</td>" for c in r[1:]) + "</tr>" for r in _GROUP_ROWS)
    head = "".join(f"<th>{c}</th>" for c in _GROUP_HEAD)
    return ("<html><head><title>Kim ngạch</title></head><body><h1>Kim ngạch theo loại hình"
            f"</h1><p>{_GROUP_CAPTION}</p><table><tr>{head}</tr>{rows}</table></body>"
            "</html>").encode()


def _group_docx() -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph(_GROUP_CAPTION)
    t = d.add_table(rows=1 + len(_GROUP_ROWS), cols=4)
    for j, c in enumerate(_GROUP_HEAD):
        t.cell(0, j).text = c
    for i, row in enumerate(_GROUP_ROWS, 1):
        for j, c in enumerate(row[1:], 1):
            t.cell(i, j).text = c
    t.cell(1, 0).merge(t.cell(2, 0)).text = "Chính ngạch"  # vMerge
    t.cell(3, 0).merge(t.cell(4, 0)).text = "Tiểu ngạch"
    return docx_bytes(d)


def _group_pdf() -> bytes:
    pdf = fpdf_page()
    pdf.multi_cell(0, 7, _GROUP_CAPTION, new_x="LMARGIN", new_y="NEXT")
    with pdf.table() as t:
        for i, row in enumerate([_GROUP_HEAD, *_GROUP_ROWS]):
            r = t.row()
            for k, c in enumerate(row):
                if k == 0 and c and i:
                    r.cell(c, rowspan=2)
                elif k or not i:
                    r.cell(c)
    return bytes(pdf.output())


@pytest.mark.parametrize("name, make", [
    ("lh.csv", _group_csv), ("lh.xlsx", _group_xlsx), ("lh.html", _group_html),
    ("lh.docx", _group_docx), ("lh.pdf", _group_pdf)], ids=["csv", "xlsx", "html", "docx", "pdf"])
def test_each_row_carries_its_group_and_the_second_column_is_a_label(name: str, make) -> None:
    text = read_upload(name, make()).text
    assert "Quý II/2027 — Tiểu ngạch › Nhập khẩu: 22,1 triệu USD" in text, text
    assert "Quý I/2027 — Chính ngạch › Nhập khẩu: 276,9 triệu USD" in text, text
    assert "Chiều" not in text.replace("Chiều —", "")  # no "Chiều — …: Xuất khẩu" line
    assert ": Xuất khẩu" not in text and ": Nhập khẩu" not in text, text


def test_a_second_column_of_units_or_figures_is_no_label() -> None:
    from rag.ingest.tables import table_lines

    lines = table_lines([["Chỉ tiêu", "", "Năm 2026"], ["Điện thương phẩm", "triệu kWh", "1.210"],
                         ["", "tỷ đồng", "2.050"]])
    assert not any("›" in line for line in lines), lines


def test_a_group_s_part_is_answered_with_its_own_figure(tmp_path: Path) -> None:
    service = empty_service(tmp_path)
    service.add_document(read_upload("lh.docx", _group_docx()))
    got = service.ask("kim ngạch nhập khẩu tiểu ngạch quý II năm 2027")
    assert got.found and got.answer == "22,1 triệu USD", got


# --- 3. a range in a table cell keeps the unit of its row ----------------------------------

_RANGE_ROWS = [["Chỉ tiêu", "Đơn vị", "Năm 2028"],
               ["Số xe hàng thông quan", "xe", "620–680"],
               ["Thời gian lưu bãi", "ngày", "2 - 3"],
               ["Thu phí hạ tầng", "tỷ đồng", "1.250"]]


def _range_html() -> bytes:
    rows = html_rows(_RANGE_ROWS)
    return ("<html><head><title>Cửa khẩu</title></head><body><h1>Hoạt động cửa khẩu năm "
            f"2028</h1><table>{rows}</table></body></html>").encode()


def _range_docx() -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("Hoạt động cửa khẩu năm 2028")
    t = d.add_table(rows=len(_RANGE_ROWS), cols=3)
    docx_fill(t, _RANGE_ROWS)
    return docx_bytes(d)


@pytest.mark.parametrize("name, make", [
    ("ck.csv", lambda: csv_bytes(_RANGE_ROWS)), ("ck.xlsx", lambda: xlsx_bytes(_RANGE_ROWS)),
    ("ck.html", _range_html), ("ck.docx", _range_docx)], ids=["csv", "xlsx", "html", "docx"])
def test_a_range_keeps_the_unit_of_its_row(name: str, make) -> None:
    from rag.vi.frames import extract

    doc = read_upload(name, make())
    assert "Năm 2028 — Số xe hàng thông quan: 620–680 xe" in doc.text, doc.text
    assert "Năm 2028 — Thời gian lưu bãi: 2 - 3 ngày" in doc.text, doc.text
    assert "Năm 2028 — Thu phí hạ tầng: 1.250 tỷ đồng" in doc.text
    units = {f.value: f.unit for f in extract(doc.text, doc.title or "", "2029-01-05")}
    assert units.get("620–680 xe") == "xe", units


@pytest.mark.parametrize("cell, want", [("620–680", True), ("2 - 3", True), ("620–680 xe", True),
                                        ("2021-2025", False), ("12-2024", False),
                                        ("Giai đoạn 2021-2025", False)])
def test_a_range_is_a_figure_and_a_year_span_is_not(cell: str, want: bool) -> None:
    assert is_figure(cell) is want


# --- 4. an old table-layout page's side menu cell, and the article's heading as title -------

_LAYOUT_ARTICLE = ("<h2>Thương mại nội địa quý III năm 2019</h2><p>Cập nhật: 08/10/2019</p>"
                   "<p>Tổng mức bán lẻ hàng hóa quý III năm 2019 trên địa bàn tỉnh ước đạt "
                   "3.415 tỷ đồng, tăng 9,2% so với cùng kỳ; doanh thu dịch vụ lưu trú, ăn "
                   "uống đạt 612 tỷ đồng.</p><p>Các chợ đầu mối hoạt động ổn định, nguồn hàng "
                   "dồi dào, giá cả không có biến động lớn trong quý.</p>")
_SIDE = ("<a href='/gt'>Giới thiệu</a><br><a href='/vb'>Văn bản</a><br>Lượt xem: 51.004<br>"
         "Tỉnh Bắc Giang: tổng mức bán lẻ quý III năm 2019 đạt 9.870 tỷ đồng")


@pytest.mark.parametrize("side", ["class='leftmenu'", "id='mainnav'", "class='col sidebarleft'",
                                  "class='menuright'"])
def test_a_layout_cell_named_as_a_menu_is_cut_and_the_heading_is_the_title(side: str) -> None:
    from rag.ingest.web import page_text

    page = (f"<html><head><title>SCT Tinh</title></head><body><table><tr><td {side} "
            f"width='180'>{_SIDE}</td><td class='noidung'>{_LAYOUT_ARTICLE}</td></tr>"
            "</table></body></html>")
    got = page_text(page)
    text = " ".join(got.text.split())
    assert "3.415 tỷ đồng" in text and "612 tỷ đồng" in text
    assert "9.870" not in text and "Giới thiệu" not in text, text
    assert got.title == "Thương mại nội địa quý III năm 2019"


@pytest.mark.parametrize("name", ["menu-left", "leftmenu", "topnav", "navigation"])
def test_menu_words_glued_to_a_side_name_chrome(name: str) -> None:
    from lxml import html

    from rag.ingest.chrome import strip_chrome

    tree = html.fromstring(f"<html><body><div class='{name}'><a href='/a'>Trang chủ</a> Lượt "
                           f"xem 1.000</div><div class='content'>{_LAYOUT_ARTICLE}</div>"
                           "</body></html>")
    strip_chrome(tree)
    assert "Trang chủ" not in tree.text_content() and "3.415" in tree.text_content()
