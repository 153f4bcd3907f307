"""The seventh break-test of issue 16: a period column under a merged year header is that
part of the year (XLSX, HTML, DOCX, PDF, CSV), a short web page loses its header and footer
as a long one does (and a page with nothing else is refused), a VNI file is converted line
by line whole, "X có bao nhiêu Y" under a year header, a PDF's number-and-date line is no
part of its title, and the small ones: a row label's unit in brackets, a table of headers
alone inside a DOCX.  Every document is built here."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pytest
from conftest import FakeEmbedder, empty_service
from helpers import csv_bytes, docx_bytes, docx_fill, fpdf_page, html_rows, xlsx_bytes

from rag.errors import IngestError
from rag.ingest.tables import table_lines
from rag.ingest.uploads import read_upload
from rag.service import RagService
from rag.settings import Settings

# --- 1. a period column under a merged year header is that part of the year ----------------

_TITLE = "Sản lượng sản phẩm công nghiệp theo quý"
_PARTS = ["Quý I", "Quý II", "Quý III"]
_ROWS = [["Xi măng (nghìn tấn)", "118,4", "131,9", "140,2"],
         ["Phân bón (nghìn tấn)", "21,7", "24,3", "19,8"]]


def _quarters_xlsx() -> bytes:
    return xlsx_bytes([[_TITLE], ["Sản phẩm", "Năm 2019", None, None], [None, *_PARTS], *_ROWS],
                      merges=("A1:D1", "A2:A3", "B2:D2"), sheet="Biểu 2")


def _quarters_html() -> bytes:
    body = html_rows(_ROWS)
    return (f"<html><head><title>{_TITLE}</title></head><body><h1>{_TITLE}</h1>"
            "<table><tr><th rowspan='2'>Sản phẩm</th><th colspan='3'>Năm 2019</th></tr>"
            f"<tr>{''.join(f'<th>{p}</th>' for p in _PARTS)}</tr>{body}</table>"
            "</body></html>").encode()


def _quarters_docx() -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph(_TITLE)
    t = d.add_table(rows=2 + len(_ROWS), cols=4)
    t.cell(0, 0).merge(t.cell(1, 0)).text = "Sản phẩm"
    t.cell(0, 1).merge(t.cell(0, 3)).text = "Năm 2019"
    for j, p in enumerate(_PARTS, 1):
        t.cell(1, j).text = p
    docx_fill(t, _ROWS, 2)
    return docx_bytes(d)


def _quarters_pdf() -> bytes:
    pdf = fpdf_page()
    pdf.multi_cell(0, 7, _TITLE, new_x="LMARGIN", new_y="NEXT")
    with pdf.table(num_heading_rows=2) as t:
        r = t.row()
        r.cell("Sản phẩm", rowspan=2)
        r.cell("Năm 2019", colspan=3)
        r = t.row()
        for p in _PARTS:
            r.cell(p)
        for row in _ROWS:
            r = t.row()
            for c in row:
                r.cell(c)
    return bytes(pdf.output())


def _quarters_csv() -> bytes:  # a merged cell exported: its text in its first cell only
    return csv_bytes([[_TITLE, "", "", ""], ["Sản phẩm", "Năm 2019", "", ""], ["", *_PARTS],
                      *_ROWS])


@pytest.mark.parametrize("name, make", [
    ("sx.xlsx", _quarters_xlsx), ("sx.html", _quarters_html), ("sx.docx", _quarters_docx),
    ("sx.pdf", _quarters_pdf), ("sx.csv", _quarters_csv)],
    ids=["xlsx", "html", "docx", "pdf", "csv"])
def test_a_period_under_a_merged_year_header_is_that_part_of_the_year(
        name: str, make, tmp_path: Path) -> None:
    doc = read_upload(name, make())
    assert "Quý II năm 2019 — Xi măng: 131,9 nghìn tấn" in doc.text
    assert "Quý III năm 2019 — Phân bón: 19,8 nghìn tấn" in doc.text
    service = empty_service(tmp_path)
    service.add_document(doc)
    got = service.ask("sản lượng xi măng quý II năm 2019")
    assert got.found and got.answer == "131,9 nghìn tấn"
    year = service.ask("sản lượng phân bón năm 2019")  # never a quarter's figure as the year's
    assert not year.found or year.period_match == "partial", (year.answer, year.period_match)
    assert year.answer != "21,7 nghìn tấn"


@pytest.mark.parametrize("upper, lower, head", [
    (["Năm 2021", "Năm 2021"], ["Tháng 5", "T6"], ["Tháng 5 năm 2021", "Tháng 6 năm 2021"]),
    (["2018", "2018"], ["Quý I", "Cả năm"], ["Quý I năm 2018", "Cả năm 2018"]),
    (["Quý IV", "Quý IV"], ["2017", "Năm 2018"], ["Quý IV năm 2017", "Quý IV năm 2018"]),
    (["Năm 2022", "Năm 2022"], ["Kế hoạch", "Thực hiện"],  # no part of a year: as written
     ["Năm 2022 Kế hoạch", "Năm 2022 Thực hiện"]),
])
def test_a_year_and_a_part_of_it_in_two_header_rows_are_one_period(
        upper: list[str], lower: list[str], head: list[str]) -> None:
    lines = table_lines([["Chỉ tiêu", *upper], ["Chỉ tiêu", *lower],
                         ["Doanh thu bán lẻ", "1.204", "1.310"]])
    assert lines == [f"{head[0]} — Doanh thu bán lẻ: 1.204", f"{head[1]} — Doanh thu bán lẻ: 1.310"]


# --- 2. a short web page loses its header and footer; a page of nothing else is refused ------

_ARTICLE = ("<h1>Thương mại 6 tháng đầu năm 2021</h1>"
            "<p>Sáu tháng đầu năm 2021, kim ngạch xuất khẩu của tỉnh ước đạt 843 triệu USD.</p>"
            "<p>Tổng mức bán lẻ hàng hóa 6 tháng ước đạt 9.420 tỷ đồng.</p>")


@pytest.mark.parametrize("wrap", [
    "<header><b>CỔNG THÔNG TIN SỞ CÔNG THƯƠNG</b></header><div class='main'>{a}</div>"
    "<footer><p>Cả nước: kim ngạch xuất khẩu 6 tháng đầu năm 2021 đạt 157.630 triệu USD</p>"
    "<p>Số lượt truy cập hôm nay 2.318</p></footer>",
    "<div role='banner'>CỔNG THÔNG TIN SỞ CÔNG THƯƠNG</div><div>{a}</div>"
    "<div role='contentinfo'>Cả nước: kim ngạch xuất khẩu 6 tháng đầu năm 2021 đạt 157.630 "
    "triệu USD</div><div role='complementary'>Tỉnh bạn: xuất khẩu đạt 95 triệu USD</div>",
], ids=["elements", "roles"])
def test_a_short_page_loses_its_header_and_footer(wrap: str, tmp_path: Path) -> None:
    page = f"<html><head><title>Thương mại</title></head><body>{wrap.format(a=_ARTICLE)}" \
        "</body></html>"
    doc = read_upload("tm.html", page.encode())
    assert "843 triệu USD" in doc.text
    assert "157.630" not in doc.text and "CỔNG THÔNG TIN" not in doc.text
    assert "95 triệu" not in doc.text and "2.318" not in doc.text
    service = empty_service(tmp_path)
    service.add_document(doc)
    assert service.ask("kim ngạch xuất khẩu 6 tháng đầu năm 2021").answer == "843 triệu USD"


def test_an_article_s_own_header_stays() -> None:
    page = ("<html><body><header>CỔNG THÔNG TIN</header><article><header><p>Tin kinh tế, "
            "ngày 02/7/2021: sản lượng điện 6 tháng đạt 612 triệu kWh</p></header>"
            f"{_ARTICLE}</article></body></html>")
    text = read_upload("tm.html", page.encode()).text
    assert "612 triệu kWh" in text and "CỔNG THÔNG TIN" not in text


@pytest.mark.parametrize("page", [
    "<html><head><title>Trang</title></head><body><nav><a href='/'>Trang chủ</a></nav>"
    "<footer>© 2021</footer></body></html>",
    "<html><body><header>Sở Công Thương</header><footer>®</footer></body></html>",
    "<html><body><p>© —</p></body></html>",
])
def test_a_page_with_no_article_is_refused_saying_why(page: str) -> None:
    with pytest.raises(IngestError, match="no text found"):
        read_upload("trang.html", page.encode())


def test_an_upload_of_a_page_with_no_article_gets_422(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from api.http.app import create_app

    settings = Settings(index_dir=tmp_path / "index", sessions_db=tmp_path / "s.db",
                        rate_limit_per_minute=0)
    with TestClient(create_app(settings, service=RagService(settings, embedder=FakeEmbedder()))
                    ) as client:
        r = client.post("/documents", files={"file": (
            "trang.html", b"<html><body><nav>Menu</nav><footer>\xc2\xa9</footer></body></html>",
            "text/html")})
        assert r.status_code == 422, r.text
        assert "no text found" in r.json()["detail"]
        assert client.get("/documents").json()["documents"] == []


@pytest.mark.parametrize("title, time, day", [
    ("Thị trường tháng 8/2020", "<time datetime='2020-09-03T07:30:00+07:00'>03/09/2020</time>",
     "2020-09-03"),
    ("Báo cáo quý II/2022", "<time datetime='2022-07-11'>Thứ Hai</time>", "2022-07-11"),
])
def test_a_time_element_dates_a_page_whose_meta_tags_do_not(title: str, time: str,
                                                            day: str) -> None:
    page = (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{time}"
            "<p>Tổng mức bán lẻ hàng hóa trong kỳ ước đạt 1.508 tỷ đồng, tăng 6,4% so với "
            "cùng kỳ năm trước.</p></article></body></html>")
    assert read_upload("tt.html", page.encode()).date == day


# --- 3. a VNI file is converted whole, line by line ------------------------------------------

def _vni(text: str) -> bytes:
    """``text`` typed in the VNI-Windows font, as its bytes are saved (Windows-1252)."""
    from viparse.normalize.encodings import CHARMAPS

    to_vni = {dst: src for src, dst in CHARMAPS["vni"].pairs}
    return "".join(to_vni.get(c, c) for c in unicodedata.normalize("NFC", text)).encode("cp1252")


@pytest.mark.parametrize("lines", [
    ["Báo cáo tình hình năm 2016", "Năm 2016 có 58 cây xăng.",
     "Trong năm 2016, tổng mức bán lẻ hàng hóa đạt 6.210 tỷ đồng."],
    ["Báo cáo năm 2014 về chợ và cây xăng", "Năm 2014 có 31 cây xăng.",
     "Lượng khách quốc tế năm 2014 đạt 187.300 lượt, tăng 4,1%."],
])
def test_a_vni_file_is_converted_whole(lines: list[str], tmp_path: Path) -> None:
    data = _vni("\n".join(lines) + "\n")
    # the premise: the second line's VNI characters all look like Vietnamese letters of
    # Latin-1 ("Naêm 2016 coù 58 caây xaêng."), so that it reads as Vietnamese either way
    latin1_letters = set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
    second = data.decode("cp1252").split("\n")[1]
    assert second != lines[1] and all(c.isascii() or c in latin1_letters for c in second)
    doc = read_upload("bc.txt", data)
    assert doc.title == lines[0]
    assert doc.text.split("\n") == lines[1:]  # the title line is the title
    service = empty_service(tmp_path)
    service.add_document(doc)
    year = lines[1].split()[1]
    got = service.ask(f"năm {year} có bao nhiêu cây xăng")
    assert got.found and got.answer == " ".join(lines[1].rstrip(".").split()[3:]), got.answer


# --- 4. "X có bao nhiêu Y" under a year header, or a column without "Số" ---------------------

def _network_docx() -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("Báo cáo mạng lưới bán lẻ năm 2021")
    d.add_paragraph("Cơ sở bán lẻ theo huyện")
    t = d.add_table(rows=5, cols=4)
    t.cell(0, 0).merge(t.cell(1, 0)).text = "Huyện"
    t.cell(0, 1).merge(t.cell(0, 3)).text = "Năm 2021"
    for j, h in enumerate(["Số siêu thị", "Cửa hàng tiện lợi", "Hợp tác xã"], 1):
        t.cell(1, j).text = h
    for i, row in enumerate([["Tràng Định", "2", "14", "6"], ["Chi Lăng", "1", "23", "9"],
                             ["Hữu Lũng", "3", "31", "4"]], 2):
        for j, c in enumerate(row):
            t.cell(i, j).text = c
    return docx_bytes(d)


@pytest.mark.parametrize("question, answer", [
    ("Chi Lăng có bao nhiêu siêu thị", "1"),
    ("Hữu Lũng có mấy siêu thị?", "3"),
    ("huyện Tràng Định có bao nhiêu cửa hàng tiện lợi", "14"),
    ("Chi Lăng có bao nhiêu hợp tác xã", "9"),
])
def test_how_many_things_under_a_year_header(question: str, answer: str,
                                             tmp_path: Path) -> None:
    service = empty_service(tmp_path)
    service.add_document(read_upload("mang_luoi.docx", _network_docx()))
    got = service.ask(question)
    assert got.found and got.answer == answer, (question, got.answer)


def test_a_column_without_so_counts_only_what_it_names(tmp_path: Path) -> None:
    service = empty_service(tmp_path)
    service.add_document(read_upload("mang_luoi.docx", _network_docx()))
    got = service.ask("Chi Lăng có bao nhiêu cửa hàng xăng dầu")
    assert got.answer != "23"


# --- 5. a PDF's number-and-date line is no part of its title ---------------------------------

@pytest.mark.parametrize("head, title, day", [
    ("BÁO CÁO TÌNH HÌNH CÔNG NGHIỆP NĂM 2019\nSố 12/BC-SCT, ngày 15/01/2020\n"
     "Giá trị sản xuất theo ngành", "BÁO CÁO TÌNH HÌNH CÔNG NGHIỆP NĂM 2019", "2020-01-15"),
    ("KẾT QUẢ HOẠT ĐỘNG THƯƠNG MẠI\nLạng Sơn, ngày 08 tháng 7 năm 2021\nDoanh thu theo ngành",
     "KẾT QUẢ HOẠT ĐỘNG THƯƠNG MẠI", "2021-07-08"),
])
def test_a_pdf_s_number_and_date_line_is_no_part_of_its_title(head: str, title: str,
                                                               day: str) -> None:
    pdf = fpdf_page()
    pdf.multi_cell(0, 7, head + "\n")  # one text block, as a report's head is set
    with pdf.table() as t:
        for row in (("Ngành", "Năm 2019"), ("Chế biến, chế tạo", "4.310"),
                    ("Khai khoáng", "612")):
            r = t.row()
            for c in row:
                r.cell(c)
    doc = read_upload("bc.pdf", bytes(pdf.output()))
    assert doc.title == title
    assert doc.date == day
    assert head.split("\n")[2] in doc.text.split("\n")


# --- 6. a row label's unit in brackets; a table of headers alone inside a DOCX --------------

def test_a_row_label_s_unit_in_brackets_is_the_unit() -> None:
    text = read_upload("chi_tieu.csv", csv_bytes([
        ["Chỉ tiêu", "Năm 2020", "Năm 2021"],
        ["Tỷ lệ hộ dùng điện (%)", "98,2", "99,1"],
        ["Cát xây dựng (nghìn m3)", "412", "455"],
        ["Diện tích kho bãi (m2)", "12.500", "14.000"]])).text
    assert "Năm 2021 — Tỷ lệ hộ dùng điện: 99,1% (dòng 2)" in text
    assert "Năm 2020 — Cát xây dựng: 412 nghìn m3 (dòng 3)" in text
    assert "Năm 2021 — Diện tích kho bãi: 14.000 m2 (dòng 4)" in text


def test_a_docx_table_of_headers_alone_writes_no_lines() -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("Báo cáo thương mại năm 2022")
    d.add_paragraph("Năm 2022, kim ngạch xuất khẩu đạt 1.020 triệu USD.")
    t = d.add_table(rows=1, cols=4)
    for j, h in enumerate(["STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2022"]):
        t.cell(0, j).text = h
    letterhead = d.add_table(rows=1, cols=2)  # a table without figures that is no header
    letterhead.cell(0, 0).text = "UBND TỈNH LẠNG SƠN"
    letterhead.cell(0, 1).text = "Độc lập - Tự do - Hạnh phúc"
    out = io.BytesIO()
    d.save(out)
    text = read_upload("bc.docx", out.getvalue()).text
    assert "Đơn vị tính" not in text and "STT" not in text.split()
    assert "UBND TỈNH LẠNG SƠN" in text


def test_a_docx_table_of_text_rows_under_a_header_keeps_its_rows() -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("Báo cáo kiểm tra thị trường năm 2022")
    t = d.add_table(rows=3, cols=2)
    for i, row in enumerate([["Nội dung", "Kết quả"],
                             ["Kiểm tra hàng giả", "Hoàn thành kế hoạch"],
                             ["Tuyên truyền pháp luật", "Thực hiện thường xuyên"]]):
        for j, c in enumerate(row):
            t.cell(i, j).text = c
    out = io.BytesIO()
    d.save(out)
    text = read_upload("kt.docx", out.getvalue()).text
    assert "Kiểm tra hàng giả" in text and "Thực hiện thường xuyên" in text
