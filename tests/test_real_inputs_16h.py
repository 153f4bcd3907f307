"""The eighth break-test of issue 16: a table's top-left header cell -- the indicator and
its unit over the row labels, or the kind of the labels ("Huyện", "Cửa khẩu") -- is read by
every reader (XLSX, HTML, DOCX, CSV share rag.ingest.tables).  Every document is built
here."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from conftest import empty_service
from helpers import docx_bytes, docx_fill, fpdf_page, html_rows

from rag.ingest.tables import corner_names, table_lines
from rag.ingest.uploads import read_upload

_CORNER = "Doanh thu bán lẻ hàng hóa (tỷ đồng)"
_ROWS = [["Lộc Bình", "412,5", "436,8"], ["Đình Lập", "188,1", "201,4"]]


def _csv() -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(
        [[_CORNER, "Năm 2019", ""], ["Huyện", "Quý I", "Quý II"], *_ROWS])
    return out.getvalue().encode()


def _xlsx() -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "BL"
    for row in [[_CORNER, "Năm 2019", None], ["Huyện", "Quý I", "Quý II"], *_ROWS]:
        ws.append(row)
    ws.merge_cells("B1:C1")
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _html() -> bytes:
    body = html_rows(_ROWS)
    return ("<html><head><title>Bán lẻ</title></head><body><h1>Doanh thu bán lẻ</h1>"
            f"<table><tr><th>{_CORNER}</th><th colspan='2'>Năm 2019</th></tr>"
            f"<tr><th>Huyện</th><th>Quý I</th><th>Quý II</th></tr>{body}</table>"
            "</body></html>").encode()


def _docx() -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("Doanh thu bán lẻ theo huyện")
    t = d.add_table(rows=2 + len(_ROWS), cols=3)
    t.cell(0, 0).text = _CORNER
    t.cell(0, 1).merge(t.cell(0, 2)).text = "Năm 2019"
    for j, c in enumerate(["Huyện", "Quý I", "Quý II"]):
        t.cell(1, j).text = c
    docx_fill(t, _ROWS, 2)
    return docx_bytes(d)


@pytest.mark.parametrize("name, make", [("bl.csv", _csv), ("bl.xlsx", _xlsx), ("bl.html", _html),
                                        ("bl.docx", _docx)], ids=["csv", "xlsx", "html", "docx"])
def test_the_corner_cell_names_every_rows_indicator_and_unit(name: str, make) -> None:
    text = read_upload(name, make()).text
    assert "Quý II năm 2019 — Doanh thu bán lẻ hàng hóa › huyện Đình Lập: 201,4 tỷ đồng" in text
    assert "Quý I năm 2019 — Doanh thu bán lẻ hàng hóa › huyện Lộc Bình: 412,5 tỷ đồng" in text


def test_a_figure_under_a_corner_indicator_is_answered(tmp_path: Path) -> None:
    service = empty_service(tmp_path)
    service.add_document(read_upload("bl.csv", _csv()))
    got = service.ask("doanh thu bán lẻ hàng hóa huyện Đình Lập quý II năm 2019")
    assert got.found and got.answer == "201,4 tỷ đồng", (got.answer, got.found)


@pytest.mark.parametrize("cells, want", [
    (["Kim ngạch nhập khẩu (triệu USD)", "Cửa khẩu"], ("Kim ngạch nhập khẩu", "triệu USD",
                                                       "cửa khẩu")),
    (["Số lượt khách"], ("Số lượt khách", "", "")),
    (["Sản lượng điện thương phẩm"], ("Sản lượng điện thương phẩm", "", "")),
    (["Tên huyện"], ("", "", "huyện")),
    (["Thành phố"], ("", "", "thành phố")),
    (["Chỉ tiêu"], ("", "", "")),
    (["STT"], ("", "", "")),
    (["Mặt hàng"], ("", "", "")),
    (["Sản phẩm"], ("", "", "")),
    (["Năm 2022"], ("", "", "")),
    (["Chỉ tiêu (ĐVT: nghìn tấn)"], ("", "", "")),
])
def test_what_a_corner_cell_says(cells: list[str], want: tuple[str, str, str]) -> None:
    assert corner_names(cells) == want


def test_a_label_that_already_names_its_kind_is_not_doubled_and_totals_name_the_indicator():
    lines = table_lines([["Tên huyện", "Số chợ", "Số siêu thị"],
                         ["Huyện Cao Lộc", "14", "2"], ["Tràng Định", "9", "1"]])
    assert "Số chợ — Huyện Cao Lộc: 14" in lines
    assert "Số siêu thị — huyện Tràng Định: 1" in lines
    lines = table_lines([["Giá trị sản xuất (tỷ đồng)", "Năm 2020", "Năm 2021"],
                         ["Nông nghiệp", "1.200", "1.310"], ["Lâm nghiệp", "300", "320"],
                         ["Tổng", "1.500", "1.630"]])
    assert "Năm 2021 — Tổng giá trị sản xuất: 1.630 tỷ đồng" in lines
    assert "Năm 2020 — Giá trị sản xuất › Lâm nghiệp: 300 tỷ đồng" in lines


# --- 2. an old page's banner and footer divs, named for where they sit --------------------

_ARTICLE = ("<h1>Công nghiệp tháng 8 năm 2019</h1><p>Chỉ số sản xuất công nghiệp tháng 8 năm "
            "2019 của tỉnh tăng 7,3% so với cùng kỳ, trong đó ngành chế biến tăng 9,1%.</p>"
            "<p>Giá trị sản xuất công nghiệp tháng 8 năm 2019 ước đạt 642 tỷ đồng.</p>"
            "<p>Sản lượng xi măng tháng 8 năm 2019 đạt 95 nghìn tấn.</p>")
_NATIONAL_TOP = "Hotline 1900 6868 | Giá trị sản xuất công nghiệp cả nước tháng 8: 310.400 tỷ đồng"
_NATIONAL_BOTTOM = ("© Bản quyền Sở Công Thương. Sản lượng xi măng cả nước tháng 8 năm 2019 đạt "
                    "8.900 nghìn tấn.")


def _table_layout(top: str, bottom: str) -> str:
    return (f"<html><body><div {top}>{_NATIONAL_TOP}</div><table><tr>"
            "<td class='left'><div class='box'><b>Liên kết</b><a href='/a'>Bộ Công Thương</a>"
            f"</div></td><td class='right'><div class='chi-tiet'>{_ARTICLE}</div></td>"
            f"</tr></table><div {bottom}>{_NATIONAL_BOTTOM}</div></body></html>")


def _div_layout(top: str, bottom: str) -> str:
    return (f"<html><body><div {top}><img src='logo.png'> {_NATIONAL_TOP}</div>"
            f"<div class='wrap'><div class='col-main'>{_ARTICLE}</div>"
            "<div class='col-left'><a href='/x'>Trang chủ</a></div></div>"
            f"<div {bottom}><p>{_NATIONAL_BOTTOM}</p></div></body></html>")


@pytest.mark.parametrize("page", [
    _table_layout("id='top'", "id='bottom'"),
    _table_layout("class='top-bar'", "class='page-bottom'"),
    _div_layout("id='Top'", "class='bottom'"),
    _div_layout("class='site_top'", "id='bottom_info'"),
], ids=["table-ids", "table-classes", "div-ids", "div-underscores"])
def test_an_old_page_s_top_and_bottom_blocks_are_cut(page: str) -> None:
    from rag.ingest.web import page_text

    text = " ".join(page_text(page).text.split())
    assert "642 tỷ đồng" in text and "95 nghìn tấn" in text
    assert "310.400" not in text and "8.900" not in text and "1900 6868" not in text


def test_an_article_in_a_block_named_top_or_with_a_spacing_class_is_kept() -> None:
    from rag.ingest.web import page_text

    # the article's own column named "top", and a paragraph in it with a spacing class
    page = ("<html><body><div id='top'><div class='content'>" + _ARTICLE +
            "<div class='padding-bottom-20'><p>Sản lượng điện tháng 8 năm 2019 đạt 41 triệu "
            "kWh.</p></div></div></div><div class='footer'>© 2019</div></body></html>")
    text = " ".join(page_text(page).text.split())
    assert "642 tỷ đồng" in text and "41 triệu kWh" in text


# --- 3. a unit in brackets at the end of a row label is the whole unit ----------------------

_UNIT_ROWS = [["Chỉ tiêu", "Quý I", "Quý II"],
              ["Số xe hàng nhập khẩu (chuyến xe)", "8.015", "9.240"],
              ["Số người xuất cảnh (lượt người)", "61.300", "70.120"]]


def _unit_pdf() -> bytes:
    pdf = fpdf_page()
    pdf.multi_cell(0, 7, "Bảng 2. Phương tiện và người qua cửa khẩu năm 2021",
                   new_x="LMARGIN", new_y="NEXT")
    with pdf.table() as t:
        for row in _UNIT_ROWS:
            r = t.row()
            for c in row:
                r.cell(c)
    return bytes(pdf.output())


def _unit_csv() -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(_UNIT_ROWS)
    return out.getvalue().encode()


@pytest.mark.parametrize("name, make", [("xe.pdf", _unit_pdf), ("xe.csv", _unit_csv)],
                         ids=["pdf", "csv"])
def test_a_bracketed_unit_of_a_row_label_is_the_whole_unit(name: str, make) -> None:
    from rag.vi.frames import extract

    text = read_upload(name, make()).text
    assert "Số xe hàng nhập khẩu: 9.240 chuyến xe" in text
    units = {f.value: f.unit for f in extract(text, "Báo cáo", "2021-07-05")}
    assert units.get("9.240 chuyến xe") == "chuyến xe", units
    assert units.get("61.300 lượt người") == "lượt người", units


@pytest.mark.parametrize("unit", ["lượt xe", "chuyến xe", "lượt phương tiện", "lượt người"])
def test_a_count_of_times_keeps_what_it_counts(unit: str) -> None:
    from rag.vi.numbers import find_values

    got = find_values(f"Quý I — Số phương tiện qua cửa khẩu: 12.450 {unit} (dòng 3)")
    assert [(v.text, v.unit) for v in got] == [(f"12.450 {unit}", unit)]
    # a time after the count is no part of its unit; a per-unit still is
    assert find_values(f"đạt 12 {unit.split()[0]} ngày 5/3")[0].unit == unit.split()[0]
    assert find_values(f"bình quân 450 {unit}/ngày")[0].unit == f"{unit}/ngày"
