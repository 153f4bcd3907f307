"""What offices actually upload (issue 16): invisible characters, legacy font encodings, news
pages with sidebars, DOCX reports with headers and captioned tables, PDF and spreadsheet tables,
odd file names, a folder of mixed files, the same report twice.  Every document is built here,
small, and read through the same doors users use."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import docx
import openpyxl
import pytest
from conftest import FakeEmbedder
from docx.enum.section import WD_SECTION  # noqa: F401 - python-docx is what offices use
from helpers import pdf_bytes

from rag.errors import IngestError
from rag.ingest.ids import file_id
from rag.ingest.legacy import LegacyEncodingError, to_unicode
from rag.ingest.readers import read_bytes
from rag.ingest.tables import table_lines
from rag.ingest.uploads import read_upload
from rag.service import RagService
from rag.settings import Settings
from rag.vi.text import normalize


def _service(tmp_path: Path) -> RagService:
    return RagService(Settings(index_dir=tmp_path / "index", sessions_db=tmp_path / "s.db"),
                      embedder=FakeEmbedder())


def _quote_is_exact(service: RagService, answer) -> None:
    for c in answer.citations:
        assert service.document(c.doc_id).text[c.start:c.end] == c.quote


# --- 1. invisible characters -------------------------------------------------------------------

INVISIBLE_SENTENCE = ("Kim ng\u00adạch xu\u00adất kh\u00adẩu quý III năm 2020 đạt 9\u200b87 "
                      "triệu USD, tăng 5\u2060%.")


def test_invisible_characters_go_at_normalisation() -> None:
    text = "\ufeffkim ng\u00adạch\u200b xu\u200cất kh\u200dẩu\u2060 đạt 1.2\u00ad34 tỷ"
    assert normalize(text) == "kim ngạch xuất khẩu đạt 1.234 tỷ"
    assert normalize("a\u200bb c") == "ab c"  # removed, not turned into a space


def test_invisible_characters_in_documents_and_questions(tmp_path: Path) -> None:
    service = _service(tmp_path)
    body = "Theo Sở Công Thương, k" + INVISIBLE_SENTENCE[1:]
    doc = read_upload("q3.txt", f"Báo cáo quý III năm 2020\n\n{body}".encode())
    assert "kim ngạch xuất khẩu quý III năm 2020 đạt 987 triệu USD" in doc.text
    service.add_document(doc)
    answer = service.ask("kim ng\u00adạch xu\u200bất khẩu quý III năm 2020?")
    assert answer.found and answer.answer == "987 triệu USD"
    _quote_is_exact(service, answer)


# --- 2. legacy encodings -----------------------------------------------------------------------

TCVN3 = ("B¸o c¸o t×nh h×nh xuÊt khÈu n¨m 2015\n\n"
         "N¨m 2015, kim ng¹ch xuÊt khÈu cña tØnh L¹ng S¬n ®¹t 1.234 triÖu USD, t¨ng 12%.")
VNI = ("Baùo caùo tình hình xuaát khaåu naêm 2015\n\n"
       "Naêm 2015, kim ngaïch xuaát khaåu cuûa tænh Laïng Sôn ñaït 1.234 trieäu USD, taêng 12%.")


@pytest.mark.parametrize("legacy, name", [(TCVN3, "tcvn3"), (VNI, "vni")])
def test_legacy_encodings_are_converted(legacy: str, name: str, tmp_path: Path) -> None:
    assert to_unicode(legacy)[1] == name
    doc = read_upload("cu.txt", legacy.encode())
    assert "kim ngạch xuất khẩu của tỉnh Lạng Sơn đạt 1.234 triệu USD" in doc.text
    assert doc.title == "Báo cáo tình hình xuất khẩu năm 2015"
    # the same text inside a .docx (the usual home of .VnTime) is converted too
    d = docx.Document()
    for line in legacy.split("\n\n"):
        d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    assert "1.234 triệu USD" in read_upload("cu.docx", buf.getvalue()).text
    service = _service(tmp_path)
    service.add_document(doc)
    answer = service.ask("kim ngạch xuất khẩu năm 2015?")
    assert answer.answer == "1.234 triệu USD"


def test_unicode_and_foreign_text_are_left_alone() -> None:
    for text in ("Năm 2015 «Hàng Việt» đạt 25°C, m³ và ±3%; ©2024 Báo Lạng Sơn",
                 "Der Bürgermeister würde gern über die Straße gehen, señor año"):
        assert to_unicode(text) == (text, None)


def test_legacy_text_that_cannot_be_converted_is_refused() -> None:
    garbled = "Thö ký Ngö ÖÖ ÏÏ Ñaø Ñaøø xxÿ ÿÿ øø øøø ¨¨ ®® ¹¹ Öö"
    with pytest.raises(LegacyEncodingError, match="legacy Vietnamese font encoding"):
        to_unicode(garbled)
    with pytest.raises(IngestError, match="bad.txt: .*legacy"):
        read_upload("bad.txt", garbled.encode())


# --- 4. HTML pages ---------------------------------------------------------------------------

PARAGRAPH = ("Lãnh đạo Sở Công Thương cho biết các doanh nghiệp tiếp tục mở rộng thị trường, "
             "đẩy mạnh xúc tiến thương mại và tận dụng các hiệp định thương mại tự do. ")
NEWS_PAGE = f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>Xuất khẩu 6 tháng đầu năm 2017 khởi sắc | Báo Lạng Sơn</title>
<meta property="og:title" content="Xuất khẩu 6 tháng đầu năm 2017 khởi sắc">
<meta property="article:published_time" content="2017-07-05T08:00:00+07:00">
</head><body>
<header><div>Hotline: 0205 3 812 345</div><nav><ul><li><a href="/">Trang chủ</a></li>
<li><a href="/kt">Kinh tế</a></li></ul></nav></header>
<main><article>
<h1>Xuất khẩu 6 tháng đầu năm 2017 khởi sắc</h1>
<p>Theo Sở Công Thương, kim ngạch xuất khẩu 6 tháng đầu năm 2017 của tỉnh Lạng Sơn đạt
845 triệu USD, tăng 14% so với cùng kỳ năm 2016.</p>
<p>{PARAGRAPH * 4}</p>
<table><tr><th>Chỉ tiêu</th><th>6 tháng 2017</th></tr>
<tr><td>Kim ngạch xuất khẩu</td><td>845 triệu USD</td></tr>
<tr><td>Kim ngạch nhập khẩu</td><td>612 triệu USD</td></tr></table>
<p>{PARAGRAPH * 3}</p>
</article>
<aside class="sidebar"><h3>Tin nổi bật</h3>
<p>Cả nước: kim ngạch xuất khẩu 6 tháng đầu năm 2017 đạt 97.750 triệu USD.</p>
<p>Cao Bằng: kim ngạch xuất khẩu 6 tháng đầu năm 2017 đạt 210 triệu USD.</p></aside>
</main>
<footer><p>Lượt truy cập: 1.234.567</p><p>Báo Lạng Sơn, 2017</p></footer>
</body></html>"""


def test_news_page_keeps_the_article_only(tmp_path: Path) -> None:
    doc = read_upload("xk-2017.html", NEWS_PAGE.encode())
    assert doc.title == "Xuất khẩu 6 tháng đầu năm 2017 khởi sắc"
    assert doc.date == "2017-07-05"
    assert "845 triệu USD" in doc.text
    for chrome in ("97.750", "Cao Bằng", "Hotline", "Lượt truy cập", "Tin nổi bật", "Trang chủ"):
        assert chrome not in doc.text
    assert "6 tháng 2017 — Kim ngạch xuất khẩu: 845 triệu USD" in doc.text
    assert "xuất khẩu845" not in doc.text
    service = _service(tmp_path)
    service.add_document(doc)
    answer = service.ask("kim ngạch xuất khẩu 6 tháng đầu năm 2017?")
    assert answer.answer == "845 triệu USD"
    _quote_is_exact(service, answer)


def test_small_html_fragment_keeps_cells_apart() -> None:
    doc = read_upload("t.html", "<table><tr><td>Kim ngạch xuất khẩu</td><td>845 triệu USD</td>"
                                "</tr></table><aside>Cả nước 97.750 triệu USD</aside>".encode())
    assert "Kim ngạch xuất khẩu: 845 triệu USD" in doc.text and "97.750" not in doc.text


# --- 5. DOCX reports -------------------------------------------------------------------------


def _report_docx() -> bytes:
    d = docx.Document()
    section = d.sections[0]
    section.header.paragraphs[0].text = "SỞ CÔNG THƯƠNG TỈNH LẠNG SƠN"
    section.footer.paragraphs[0].text = "Số 125/BC-SCT, ngày 05/6/2025 – Trang"
    d.add_paragraph("BÁO CÁO")
    d.add_paragraph("Tình hình xuất khẩu năm 2022 và năm 2023")
    d.add_paragraph("Bảng 1. Kim ngạch xuất khẩu năm 2022")
    for caption, rows in (
            (None, [("Chỉ tiêu", "ĐVT", "Năm 2022"), ("Kim ngạch xuất khẩu", "Triệu USD",
                                                       "1.020"), ("Nhập khẩu", "Triệu USD",
                                                                  "980")]),
            ("Bảng 2. Kim ngạch xuất khẩu năm 2023",
             [("Chỉ tiêu", "ĐVT", "Thực hiện"), ("Kim ngạch xuất khẩu", "Triệu USD", "1.150"),
              ("Nhập khẩu", "Triệu USD", "1.090")])):
        if caption:
            d.add_paragraph(caption)
        table = d.add_table(rows=len(rows), cols=3)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.cell(r, c).text = value
        if caption:  # a merged cell: the unit spans two rows
            merged = table.cell(1, 1).merge(table.cell(2, 1))
            merged.text = "Triệu USD"
    d.add_paragraph("Số liệu năm 2023 là số ước tính.")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_docx_in_document_order_with_header_and_footer_once(tmp_path: Path) -> None:
    doc = read_upload("bc-125.docx", _report_docx())
    text = doc.text
    assert text.startswith("SỞ CÔNG THƯƠNG TỈNH LẠNG SƠN\n\nSố 125/BC-SCT, ngày 05/6/2025")
    assert text.count("Số 125/BC-SCT") == 1 and "Trang" not in text
    assert doc.title == "Báo cáo tình hình xuất khẩu năm 2022 và năm 2023"
    # each table under its caption, in the body's order
    order = [text.index(s) for s in ("Bảng 1.", "Kim ngạch xuất khẩu: 1.020 triệu USD", "Bảng 2.",
                                     "Kim ngạch xuất khẩu: 1.150 triệu USD", "Số liệu năm 2023")]
    assert order == sorted(order)
    assert "Thực hiện — Kim ngạch xuất khẩu: 1.150 triệu USD (năm 2023)" in text
    assert text.count("Triệu USD") == 0 and "|" not in text  # merged cell read once, as a unit
    service = _service(tmp_path)
    service.add_document(doc)
    answer = service.ask("kim ngạch xuất khẩu năm 2023?")
    assert answer.answer == "1.150 triệu USD"
    _quote_is_exact(service, answer)


# --- 6. tables in PDF, XLSX and CSV --------------------------------------------------------------


def _ruled_table_pdf() -> bytes:
    """A PDF page with a caption and a 3 x 3 table drawn with ruling lines (as reports are)."""
    rows = [("Chi tieu", "Nam 2017", "Nam 2018"), ("Kim ngach xuat khau", "701", "769"),
            ("Kim ngach nhap khau", "560", "612")]
    ops = ["BT /F1 12 Tf 72 740 Td (Bao cao xuat nhap khau) Tj ET",
           "BT /F1 10 Tf 72 700 Td (Bang 1. Kim ngach theo nam) Tj ET", "0.5 w"]
    xs, top, height = (72, 272, 372, 472), 680, 24
    for r in range(len(rows) + 1):
        y = top - r * height
        ops.append(f"{xs[0]} {y} m {xs[-1]} {y} l S")
    for x in xs:
        ops.append(f"{x} {top} m {x} {top - height * len(rows)} l S")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            ops.append(f"BT /F1 10 Tf {xs[c] + 4} {top - r * height - 16} Td ({value}) Tj ET")
    ops.append("BT /F1 10 Tf 72 560 Td (Nam 2018 xuat khau tang manh.) Tj ET")
    return pdf_bytes("\n".join(ops).encode())


def test_pdf_table_rows_are_kept() -> None:
    doc = read_upload("xnk.pdf", _ruled_table_pdf())
    assert "Nam 2018 — Kim ngach xuat khau: 769" in doc.text
    assert "Nam 2017 — Kim ngach nhap khau: 560" in doc.text
    assert doc.text.index("Bang 1.") < doc.text.index("xuat khau: 769") < \
        doc.text.index("tang manh")


def _stats_xlsx() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Chỉ tiêu"
    ws.append(["MỘT SỐ CHỈ TIÊU CHỦ YẾU NĂM 2023"])
    ws.append([])
    ws.append(["STT", "Chỉ tiêu", "ĐVT", "6 tháng 2023", "Cả năm 2023"])
    ws.append([1, "Kim ngạch xuất khẩu", "Triệu USD", 1321, 2750.5])
    ws.append([2, "Kim ngạch nhập khẩu", "Triệu USD", 1105.25, None])
    for row in ws.iter_rows(min_row=4):
        for cell in row[3:]:
            cell.number_format = "#,##0.0" if cell.column == 5 else "#,##0"
    notes = wb.create_sheet("Ghi chú")
    notes.append(["Số liệu cả năm là số ước tính."])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_xlsx_rows_read_as_sentences(tmp_path: Path) -> None:
    doc = read_upload("chi-tieu-2023.xlsx", _stats_xlsx())
    lines = doc.text.split("\n")
    assert "Trang tính: Chỉ tiêu" in lines and "Trang tính: Ghi chú" in lines
    # one figure a line, cited by sheet and row
    assert "6 tháng 2023 — Kim ngạch xuất khẩu: 1.321 triệu USD (trang tính «Chỉ tiêu», " \
        "dòng 4)" in lines
    assert "Cả năm 2023 — Kim ngạch xuất khẩu: 2.750,5 triệu USD (trang tính «Chỉ tiêu», " \
        "dòng 4)" in lines
    assert "6 tháng 2023 — Kim ngạch nhập khẩu: 1.105 triệu USD (trang tính «Chỉ tiêu», " \
        "dòng 5)" in lines  # the cell's format: no decimals
    assert not any(line.startswith(("1 ", "2 ")) for line in lines)  # the STT column is not data
    service = _service(tmp_path)
    service.add_document(doc)
    answer = service.ask("kim ngạch xuất khẩu 6 tháng năm 2023?")
    assert answer.answer == "1.321 triệu USD"
    quote = answer.citations[0].quote
    assert quote.startswith("6 tháng 2023 — Kim ngạch xuất khẩu: 1.321") and "dòng 4" in quote


def test_csv_table_and_bad_spreadsheets() -> None:
    csv = "Chỉ tiêu;Quý I/2024;Quý II/2024\nKim ngạch xuất khẩu (triệu USD);310,5;402,1\n"
    doc = read_upload("q.csv", csv.encode())
    assert "Quý II/2024 — Kim ngạch xuất khẩu: 402,1 triệu USD (dòng 2)" in doc.text
    with pytest.raises(IngestError, match="not an XLSX"):
        read_upload("x.xlsx", b"not a zip at all")


def test_table_lines_rules() -> None:
    rows = [["Bảng 3. Cơ cấu kinh tế năm 2025 (%)", None, None],
            ["Khu vực", "Năm 2020", "Ước năm 2025"],
            ["Dịch vụ", "49,92", "50,04"], ["Nông nghiệp", "21,84", "–"]]
    # the caption's "(%)" is its bare figures' unit (xlsxcols: tests/test_xlsx_columns.py)
    assert table_lines(rows) == ["Bảng 3. Cơ cấu kinh tế năm 2025 (%)",
                                 "Năm 2020 — Dịch vụ: 49,92%", "Ước năm 2025 — Dịch vụ: 50,04%",
                                 "Năm 2020 — Nông nghiệp: 21,84%"]
    # plan columns after the actual ones, the total row first, units from the unit column
    rows = [["Cửa khẩu", "ĐVT", "Kế hoạch 2022", "Thực hiện 2022"],
            ["Hữu Nghị", "Triệu USD", "900", "845,2"], ["Tổng", "Triệu USD", "2.000", "1.950"]]
    # the gates' total names them (session 48 labels, bt19b: "Tổng cộng các <kind>")
    assert table_lines(rows) == ["Thực hiện 2022 — Tổng cộng các cửa khẩu: 1.950 triệu USD",
                                 "Kế hoạch 2022 — Tổng cộng các cửa khẩu: 2.000 triệu USD",
                                 "Thực hiện 2022 — cửa khẩu Hữu Nghị: 845,2 triệu USD",
                                 "Kế hoạch 2022 — cửa khẩu Hữu Nghị: 900 triệu USD"]
    # a letterhead laid out in a table: one line per cell, no figures invented
    assert table_lines([["UBND TỈNH LẠNG SƠN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
                        ["Số: 12/BC-SCT", "Lạng Sơn, ngày 5 tháng 6 năm 2025"]]) == [
        "UBND TỈNH LẠNG SƠN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 12/BC-SCT",
        "Lạng Sơn, ngày 5 tháng 6 năm 2025"]


# --- 7. file names ---------------------------------------------------------------------------


def test_nfd_file_name_is_the_same_document() -> None:
    nfc_name = "Báo cáo tháng 7 2014.txt"
    nfd_name = unicodedata.normalize("NFD", nfc_name)
    assert nfd_name != nfc_name
    assert file_id(nfd_name) == file_id(nfc_name) == "Báo_cáo_tháng_7_2014"
    data = "Báo cáo\n\nTháng 7/2014 xuất khẩu đạt 50 triệu USD.".encode()
    assert read_upload(nfd_name, data).id == read_upload(nfc_name, data).id


# --- 8. one reader for every door ----------------------------------------------------------------


def test_index_folder_reads_every_format_and_names_what_it_skips(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text("Tin A\n\nNăm 2020 xuất khẩu đạt 10 triệu USD.", "utf-8")
    (folder / "b.docx").write_bytes(_report_docx())
    (folder / "c.xlsx").write_bytes(_stats_xlsx())
    (folder / "d.pdf").write_bytes(_ruled_table_pdf())
    (folder / "e.html").write_text(NEWS_PAGE, "utf-8")
    (folder / "f.csv").write_text("Chỉ tiêu,Năm 2021\nXuất khẩu,12\n", "utf-8")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    (folder / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    service = _service(tmp_path)
    report = service.index_paths([folder])
    assert sorted(service.index.docs) == ["a", "b", "c", "d", "e", "f"]
    assert set(report.skipped) == {str(folder / "broken.pdf")}
    assert "not a readable PDF" in report.skipped[str(folder / "broken.pdf")]
    assert report.files == 7  # of a type the reader reads; another type is named apart
    assert "unsupported file type .doc" in report.other_files[str(folder / "old.doc")]
    # POST /documents reads the same file into the same document
    upload = read_upload("b.docx", (folder / "b.docx").read_bytes())
    assert upload.text == service.document("b").text
    # --strict: the unreadable file is an error and nothing is written
    with pytest.raises(IngestError, match="broken.pdf"):
        _service(tmp_path / "strict").index_paths([folder], strict=True)
    assert not list((tmp_path / "strict").glob("index/gen-*"))


def test_a_file_that_stops_reading_keeps_its_indexed_version(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text("Tin A\n\nNăm 2020 xuất khẩu đạt 10 triệu USD.", "utf-8")
    (folder / "b.txt").write_text("Tin B\n\nNăm 2021 nhập khẩu đạt 20 triệu USD.", "utf-8")
    service = _service(tmp_path)
    service.index_paths([folder])
    (folder / "b.txt").write_bytes(b"\x00\x01binary now")
    report = service.index_paths([folder])
    assert "b" in service.index.docs and report.removed == []
    assert "binary" in report.skipped[str(folder / "b.txt")]


def test_read_bytes_names_unsupported_types() -> None:
    with pytest.raises(IngestError, match="unsupported file type .doc"):
        read_bytes("x.doc", b"data")


# --- 9. the same text twice ------------------------------------------------------------------


def test_duplicate_documents_are_collapsed_and_named(tmp_path: Path) -> None:
    service = _service(tmp_path)
    data = ("Báo cáo tháng 7\n\nTháng 7/2014 kim ngạch xuất khẩu đạt 50 triệu USD.\n\n"
            "Nhập khẩu đạt 30 triệu USD.").encode()
    first = service.add_document(read_upload("bc.txt", data))
    assert first.duplicate_of is None
    second = service.add_document(read_upload("bc (1).txt", data))
    assert (second.id, second.status, second.duplicate_of) == ("bc_1", "added", "bc")
    hits = service.search("kim ngạch xuất khẩu tháng 7/2014", top_k=5).hits
    texts = [h.chunk.text for h in hits]
    assert len(texts) == len(set(texts))
    answer = service.ask("kim ngạch xuất khẩu tháng 7/2014?")
    related = [r.text for r in answer.related]
    assert len(related) == len(set(related))
