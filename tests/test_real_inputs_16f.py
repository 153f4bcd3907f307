"""The sixth break-test of issue 16: a question's word of two syllables is not matched by one
of its syllables inside another word, a part named in any word order is the part and not its
table's total, merged header cells label every column they span (DOCX, HTML, XLSX), "X có
bao nhiêu Y", an asked period the reports give only in parts, a "Tổng" row under a heading
that is no "Bảng …", and the small ones: the years a refusal suggests, a document's date in
its footer, a table of headers alone, a broken RFC 5987 file name, pypdf's own warnings.
Every document is built here."""

from __future__ import annotations

import io
import logging
from pathlib import Path

import pytest
from conftest import FakeEmbedder, empty_service
from helpers import csv_bytes, fpdf_page, xlsx_bytes

from rag.errors import IngestError
from rag.ingest.tables import table_lines
from rag.ingest.uploads import read_upload
from rag.service import RagService
from rag.settings import Settings

# --- 1. a word of two syllables is not one of its syllables inside another word -------------

@pytest.mark.parametrize("text, asked, held, answer", [
    ("Báo cáo tình hình sản xuất nông nghiệp\n\nNăm 2019, giá trị xuất khẩu hàng nông sản chế "
     "biến của tỉnh đạt 87 tỷ đồng.\n\nNăm 2020, giá trị sản xuất nông nghiệp (giá so sánh "
     "2010) ước đạt 2.150 tỷ đồng, tăng 3,1% so với năm 2019.\n",
     "giá trị sản xuất nông nghiệp năm 2019?", 2020, "2.150 tỷ đồng"),
    ("Báo cáo doanh nghiệp năm 2023\n\nNăm 2022, số doanh nghiệp xuất khẩu trên địa bàn là 45 "
     "doanh nghiệp.\n\nNăm 2023, số doanh nghiệp sản xuất công nghiệp là 310 doanh nghiệp.\n",
     "số doanh nghiệp sản xuất công nghiệp năm 2022", 2023, "310 doanh nghiệp"),
    ("Báo cáo ngành chế biến gỗ\n\nNăm 2018, giá trị sản xuất đồ gỗ đạt 640 tỷ đồng.\n\n"
     "Năm 2019, giá trị xuất khẩu đồ gỗ đạt 35 triệu USD.\n",
     "giá trị xuất khẩu đồ gỗ năm 2018", 2019, "35 triệu USD"),
    ("Tình hình thu nhập và tiêu dùng\n\nNăm 2017, kim ngạch nhập khẩu hàng tiêu dùng đạt 96 "
     "triệu USD.\n\nNăm 2018, thu nhập bình quân đầu người đạt 52 triệu đồng.\n",
     "thu nhập bình quân đầu người năm 2017", 2018, "52 triệu đồng"),
])
def test_a_two_syllable_word_is_not_matched_inside_another_word(
        text: str, asked: str, held: int, answer: str, tmp_path: Path) -> None:
    service = empty_service(tmp_path)
    service.add_document(read_upload("bc.txt", text.encode()))
    refused = service.ask(asked)
    assert not refused.found, refused.answer
    assert f"năm {held}" in refused.answer  # the year the reports do hold it for
    right = service.ask(asked.replace(str(held - 1), str(held)))
    assert right.found and right.answer == answer


# --- 2. a part named in any word order is the part, not its table's total -------------------

_PARTS_CAPTION = "Bảng 2. Lượng hàng hóa thông quan năm 2021 (nghìn tấn)"
_PARTS_ROWS = [["Nhóm hàng", "Khối lượng"], ["Tổng lượng hàng hóa thông quan", "1.850"],
               ["Nông sản", "920"], ["Khoáng sản", "610"], ["Hàng khác", "320"]]


def _docx(paragraphs_and_tables: list[object], footer: str = "", header: str = "") -> bytes:
    import docx

    d = docx.Document()
    if header:
        d.sections[0].header.paragraphs[0].text = header
    if footer:
        d.sections[0].footer.paragraphs[0].text = footer
    for block in paragraphs_and_tables:
        if isinstance(block, str):
            d.add_paragraph(block)
            continue
        rows = block
        assert isinstance(rows, list)
        t = d.add_table(rows=len(rows), cols=len(rows[0]))
        for i, row in enumerate(rows):
            for j, cell in enumerate(row):
                t.cell(i, j).text = cell
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


@pytest.mark.parametrize("kind", ["docx", "csv"])
@pytest.mark.parametrize("question, answer", [
    ("lượng hàng hóa thông quan nông sản năm 2021", "920 nghìn tấn"),
    ("lượng nông sản thông quan năm 2021?", "920 nghìn tấn"),
    ("luong hang hoa thong quan nong san nam 2021", "920 nghìn tấn"),
    ("khối lượng khoáng sản thông quan năm 2021", "610 nghìn tấn"),
    ("tổng lượng hàng hóa thông quan năm 2021", "1.850 nghìn tấn"),
])
def test_a_part_is_answered_whatever_the_order_of_the_question_s_words(
        kind: str, question: str, answer: str, tmp_path: Path) -> None:
    if kind == "docx":
        data = _docx(["Báo cáo hàng hóa qua cửa khẩu", _PARTS_CAPTION, _PARTS_ROWS])
    else:
        data = csv_bytes([[_PARTS_CAPTION], *_PARTS_ROWS])
    service = empty_service(tmp_path)
    service.add_document(read_upload(f"hang.{kind}", data))
    assert service.ask(question).answer == answer, question


def test_a_total_row_labelled_by_its_own_words_heads_the_other_rows() -> None:
    lines = table_lines(_PARTS_ROWS, _PARTS_CAPTION)
    assert "Khối lượng — Tổng lượng hàng hóa thông quan: 1.850 nghìn tấn (năm 2021)" in lines
    assert ("Khối lượng — Tổng lượng hàng hóa thông quan › Nông sản: 920 nghìn tấn (năm 2021)"
            in lines)


_PRODUCTS = [["Sản phẩm công nghiệp chủ yếu"],
             ["Sản phẩm", "Đơn vị tính", "Năm 2021", "Năm 2022"],
             ["Gạch nung", "Triệu viên", "88,5", "92,1"],
             ["Điện thương phẩm", "Triệu kWh", "610", "655"],
             ["Nước máy", "Nghìn m3", "9.140", "9.870"],
             ["Giá trị sản xuất công nghiệp", "Tỷ đồng", "5.120", "5.480"]]


@pytest.mark.parametrize("question, answer", [
    ("sản lượng gạch nung năm 2022", "92,1 triệu viên"),
    ("sản lượng điện thương phẩm năm 2021?", "610 triệu kWh"),
    ("khối lượng nước máy năm 2022", "9.870 nghìn m3"),
])
def test_a_product_s_row_is_its_output_sản_lượng(question: str, answer: str,
                                                  tmp_path: Path) -> None:
    """A table of products names each by itself ("Gạch nung", "Triệu viên"): the question's
    "sản lượng"/"khối lượng" is held by a figure measured in a unit of quantity."""
    service = empty_service(tmp_path)
    service.add_document(read_upload("san_pham.csv", csv_bytes(_PRODUCTS)))
    service.add_document(read_upload("than.txt", "Báo cáo ngành than\n\nNăm 2022, sản lượng "
                                     "than sạch đạt 1.120 nghìn tấn; khối lượng đất đá bóc "
                                     "đạt 9,4 triệu m3.\n".encode()))
    assert service.ask(question).answer == answer, question


# --- 3. a merged header cell labels every column it spans ------------------------------------

def _merged_docx() -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("Báo cáo thu hút đầu tư")
    d.add_paragraph("Bảng 4. Số dự án đầu tư được cấp mới")
    t = d.add_table(rows=4, cols=3)
    t.cell(0, 0).merge(t.cell(1, 0)).text = "Chỉ tiêu"  # vMerge
    t.cell(0, 1).merge(t.cell(0, 2)).text = "Năm 2023"  # gridSpan
    t.cell(1, 1).text, t.cell(1, 2).text = "Trong nước", "Nước ngoài"
    t.cell(2, 0).text, t.cell(2, 1).text, t.cell(2, 2).text = "Số dự án đầu tư", "14", "6"
    t.cell(3, 0).text = "Số dự án hoàn thành"
    t.cell(3, 1).merge(t.cell(3, 2)).text = "9"  # a merged figure of the body: one figure
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


_MERGED_HTML = """<table><tr><th rowspan="2">Chỉ tiêu</th><th colspan="2">Năm 2023</th></tr>
<tr><th>Trong nước</th><th>Nước ngoài</th></tr>
<tr><td>Số dự án đầu tư</td><td>14</td><td>6</td></tr>
<tr><td>Số dự án hoàn thành</td><td colspan="2">9</td></tr></table>"""


def _merged_html(long: bool) -> bytes:
    filler = ("<p>Trong năm, công tác xúc tiến đầu tư được đẩy mạnh, nhiều nhà đầu tư đến "
              "tìm hiểu cơ hội đầu tư vào các khu, cụm công nghiệp của tỉnh.</p>" * 8) \
        if long else ""
    return (f"<html><head><title>Thu hút đầu tư năm 2023</title></head><body><article>"
            f"<h1>Thu hút đầu tư năm 2023</h1>{filler}<p>Bảng 4. Số dự án đầu tư được cấp mới"
            f"</p>{_MERGED_HTML}{filler}</article></body></html>").encode()


def _merged_xlsx() -> bytes:
    return xlsx_bytes([["Bảng 4. Số dự án đầu tư được cấp mới"], ["Chỉ tiêu", "Năm 2023", None],
                  [None, "Trong nước", "Nước ngoài"], ["Số dự án đầu tư", 14, 6],
                  ["Số dự án hoàn thành", 9, None]],
                 merges=("A1:C1", "A2:A3", "B2:C2", "B5:C5"))


def _merged_pdf() -> bytes:
    pdf = fpdf_page()
    pdf.multi_cell(0, 7, "Bảng 4. Số dự án đầu tư được cấp mới", new_x="LMARGIN", new_y="NEXT")
    with pdf.table(num_heading_rows=2) as t:
        r = t.row()
        r.cell("Chỉ tiêu", rowspan=2)
        r.cell("Năm 2023", colspan=2)
        r = t.row()
        r.cell("Trong nước")
        r.cell("Nước ngoài")
        r = t.row()
        for v in ("Số dự án đầu tư", "14", "6"):
            r.cell(v)
        r = t.row()
        r.cell("Số dự án hoàn thành")
        r.cell("9", colspan=2)
    return bytes(pdf.output())


@pytest.mark.parametrize("name, make", [
    ("dau_tu.docx", _merged_docx), ("dau_tu.html", lambda: _merged_html(False)),
    ("dau_tu_trang.html", lambda: _merged_html(True)), ("dau_tu.xlsx", _merged_xlsx),
    ("dau_tu.pdf", _merged_pdf)],
    ids=["docx", "html-fragment", "html-page", "xlsx", "pdf"])
def test_a_merged_header_cell_labels_every_column_it_spans(name: str, make, tmp_path: Path
                                                            ) -> None:
    doc = read_upload(name, make())
    assert "Năm 2023 Trong nước — Số dự án đầu tư: 14" in doc.text
    assert "Năm 2023 Nước ngoài — Số dự án đầu tư: 6" in doc.text
    assert doc.text.count("Số dự án hoàn thành: 9") == 1  # a merged body cell: once
    service = empty_service(tmp_path)
    service.add_document(doc)
    assert service.ask("số dự án đầu tư nước ngoài năm 2023?").answer == "6"
    assert service.ask("số dự án đầu tư trong nước năm 2023").answer == "14"


# --- 4. "X có bao nhiêu Y": the thing a table's column counts --------------------------------

_PLACES = [["Mạng lưới thương mại theo huyện năm 2024"],
           ["STT", "Đơn vị", "Số chợ", "Số cửa hàng xăng dầu"],
           ["1", "Huyện Lộc Bình", "12", "9"], ["2", "Huyện Đình Lập", "5", "3"],
           ["3", "Thị trấn Đồng Đăng", "2", "4"]]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
@pytest.mark.parametrize("question, answer", [
    ("Huyện Lộc Bình có bao nhiêu cửa hàng xăng dầu?", "9"),
    ("Thị trấn Đồng Đăng có mấy chợ", "2"),
    ("huyen dinh lap co bao nhieu cho?", "5"),
    ("số chợ ở huyện Đình Lập", "5"),
])
def test_how_many_things_a_place_has(kind: str, question: str, answer: str,
                                     tmp_path: Path) -> None:
    data = csv_bytes(_PLACES) if kind == "csv" else xlsx_bytes(_PLACES)  # type: ignore[arg-type]
    service = empty_service(tmp_path)
    service.add_document(read_upload(f"mang_luoi.{kind}", data))
    got = service.ask(question)
    assert got.found and got.answer == answer, (question, got.answer)


def test_how_many_of_a_thing_no_column_counts_is_refused(tmp_path: Path) -> None:
    service = empty_service(tmp_path)
    service.add_document(read_upload("mang_luoi.csv", csv_bytes(_PLACES)))
    assert not service.ask("Huyện Lộc Bình có bao nhiêu siêu thị?").found


# --- 5. an asked period the reports give only in parts: each part, with its period ----------

def _months_pdf() -> bytes:
    pdf = fpdf_page()
    for line in ("Báo cáo xuất khẩu trái cây quý III năm 2022",
                 "Quý III năm 2022, trái cây xuất khẩu qua các cửa khẩu của tỉnh tăng khá.",
                 "Bảng: Lượng trái cây xuất khẩu quý III/2022 (tấn)"):
        pdf.multi_cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    with pdf.table() as table:
        for r in (("Mặt hàng", "Tháng 7", "Tháng 8", "Tháng 9"),
                  ("Vải thiều", "3.410", "1.275", "390"), ("Nhãn", "820", "2.960", "2.115")):
            row = table.row()
            for v in r:
                row.cell(v)
    return bytes(pdf.output())


_QUARTERS = [["Kim ngạch xuất khẩu theo quý năm 2024 (triệu USD)"],
             ["Chỉ tiêu", "Quý I/2024", "Quý II/2024"],
             ["Kim ngạch xuất khẩu", "312", "355"], ["Kim ngạch nhập khẩu", "270", "301"]]


@pytest.mark.parametrize("name, question, parts", [
    ("trai_cay.pdf", "lượng vải thiều xuất khẩu quý III/2022",
     [("tháng 7/2022", "3.410 tấn"), ("tháng 8/2022", "1.275 tấn"), ("tháng 9/2022", "390 tấn")]),
    ("trai_cay.pdf", "nhãn xuất khẩu quý 3 năm 2022 bao nhiêu tấn?",
     [("tháng 7/2022", "820 tấn"), ("tháng 8/2022", "2.960 tấn"), ("tháng 9/2022", "2.115 tấn")]),
    ("quy.csv", "kim ngạch xuất khẩu 6 tháng đầu năm 2024",
     [("quý I/2024", "312 triệu USD"), ("quý II/2024", "355 triệu USD")]),
])
def test_an_asked_period_given_only_in_parts_is_answered_part_by_part(
        name: str, question: str, parts: list[tuple[str, str]], tmp_path: Path) -> None:
    data = _months_pdf() if name.endswith(".pdf") else csv_bytes(_QUARTERS)
    service = empty_service(tmp_path)
    service.add_document(read_upload(name, data))
    got = service.ask(question)
    assert got.found and got.period_match == "partial"
    assert [(p.period, p.answer) for p in got.parts] == parts
    listed = "; ".join(f"{period}: {value}" for period, value in parts)
    # a trade flow's money parts that make the period add up: their sum, the parts still
    # given (session 53, rag.answer.answerer.sum_of_parts; tests/test_summed_months.py)
    assert got.answer == ("667 triệu USD (312 + 355)" if name == "quy.csv" else listed)
    assert got.summary is not None and "không có số liệu cả" in got.summary
    assert len(got.citations) == len(parts)


# --- 6. a "Tổng" row under a heading that is no "Bảng …" -------------------------------------

@pytest.mark.parametrize("kind", ["docx", "html"])
def test_a_total_row_takes_the_indicator_of_a_plain_heading(kind: str, tmp_path: Path) -> None:
    heading = "Doanh thu bán lẻ theo ngành hàng"
    rows = [["Ngành hàng", "Năm 2022", "Năm 2023"], ["Lương thực, thực phẩm", "4.120", "4.530"],
            ["Xăng dầu", "2.310", "2.405"], ["Tổng", "6.430", "6.935"]]
    intro = "Hoạt động thương mại năm 2023 tiếp tục tăng trưởng khá so với năm trước."
    if kind == "docx":
        data = _docx(["Báo cáo thương mại năm 2023", intro, heading, rows,
                      "Đơn vị tính: tỷ đồng"])
    else:
        cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
        data = (f"<html><body><h1>Báo cáo thương mại năm 2023</h1><p>{intro}</p>"
                f"<p>{heading}</p><table>{cells}</table><p>Đơn vị tính: tỷ đồng</p>"
                "</body></html>").encode()
    doc = read_upload(f"tm.{kind}", data)
    assert "Năm 2023 — Tổng doanh thu bán lẻ: 6.935 tỷ đồng" in doc.text
    assert "Năm 2023 — Tổng doanh thu bán lẻ › Xăng dầu: 2.405 tỷ đồng" in doc.text
    service = empty_service(tmp_path)
    service.add_document(doc)
    assert service.ask("doanh thu bán lẻ năm 2023").answer == "6.935 tỷ đồng"


def test_a_sentence_before_a_table_is_no_caption() -> None:
    rows = [["Ngành hàng", "Năm 2023"], ["Xăng dầu", "2.405"], ["Tổng", "6.935"]]
    from rag.ingest.tables import table_caption

    assert table_caption(["Doanh thu bán lẻ tăng khá so với năm trước."]) is None
    assert table_caption(["Cụ thể như sau:"]) is None
    lines = table_lines(rows, table_caption(["Doanh thu bán lẻ tăng khá so với năm trước."]))
    assert "Năm 2023 — Tổng: 6.935" in lines


# --- 7a. a refusal suggests only years that hold the asked figure ----------------------------

@pytest.mark.parametrize("question, holding, lacking", [
    ("sản lượng xi măng năm 2022?", "2016", "2021"),  # a year no report covers
    ("sản lượng xi măng năm 2061", "2016", "2021"),   # a typo of 2016
    ("sản lượng xi măng năm 2019", "2016", "2021"),   # a year covered, not for this figure
])
def test_a_refusal_suggests_only_years_holding_the_asked_figure(
        question: str, holding: str, lacking: str, tmp_path: Path) -> None:
    service = empty_service(tmp_path)
    service.add_document(read_upload("bc.txt", (
        "Báo cáo công nghiệp\n\nNăm 2016, sản lượng xi măng đạt 760 nghìn tấn.\n\n"
        "Năm 2019, số lao động ngành công nghiệp là 12.400 người.\n\n"
        "Năm 2021, kim ngạch xuất khẩu đạt 1.240 triệu USD.\n").encode()))
    got = service.ask(question)
    assert not got.found
    assert holding in got.answer.split("hiện có", 1)[1]
    assert lacking not in got.answer


# --- 7b. a DOCX's date from its number-and-date line -----------------------------------------

@pytest.mark.parametrize("header, footer, day", [
    ("BÁO CÁO TÌNH HÌNH THƯƠNG MẠI QUÝ I NĂM 2021", "Số 45/BC-SCT, ngày 17/3/2021", "2021-03-17"),
    ("Lạng Sơn, ngày 05 tháng 6 năm 2025", "", "2025-06-05"),
    ("Số: 112/BC-UBND, ngày 2 tháng 11 năm 2019", "Trang 1", "2019-11-02"),
])
def test_a_docx_takes_its_date_from_its_number_and_date_line(header: str, footer: str,
                                                              day: str) -> None:
    data = _docx(["Báo cáo tình hình thương mại",
                  "Quý I, tổng mức bán lẻ hàng hóa đạt 5.210 tỷ đồng."], footer, header)
    assert read_upload("bc.docx", data).date == day


# --- 7c. a table of headers alone is no document ---------------------------------------------

@pytest.mark.parametrize("name, data", [
    ("tieu_de.csv", b"Chi tieu,Nam 2023\n"), ("tieu_de2.csv", "Chỉ tiêu;Quý I/2024\n".encode()),
    ("tieu_de.xlsx", xlsx_bytes([["Chỉ tiêu", "Năm 2023", "Năm 2024"]]))],
    ids=["csv-ascii", "csv-semicolon", "xlsx"])
def test_a_table_of_headers_alone_is_refused_saying_why(name: str, data: bytes,
                                                        tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="header row and no data"):
        read_upload(name, data)
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / name).write_bytes(data)
    (folder / "bc.txt").write_text("Báo cáo\n\nNăm 2023 xuất khẩu đạt 5 triệu USD.\n", "utf-8")
    report = empty_service(tmp_path).index_paths([folder])
    assert any("header row and no data" in why for why in report.skipped.values())
    assert report.added == ["bc"]


# --- 7d. a file name whose RFC 5987 form cannot be read gets a 4xx naming why ---------------

@pytest.fixture
def http(tmp_path: Path):
    from fastapi.testclient import TestClient

    from api.http.app import create_app

    settings = Settings(index_dir=tmp_path / "index", sessions_db=tmp_path / "s.db",
                        rate_limit_per_minute=0)
    service = RagService(settings, embedder=FakeEmbedder())
    with TestClient(create_app(settings, service=service)) as client:
        yield client


def _post_file(client, disposition: str, data: bytes):
    boundary = "b0undary16f"
    body = (f"--{boundary}\r\nContent-Disposition: {disposition}\r\n"
            "Content-Type: application/octet-stream\r\n\r\n").encode() + data + \
        f"\r\n--{boundary}--\r\n".encode()
    return client.post("/documents", content=body,
                       headers={"content-type": f"multipart/form-data; boundary={boundary}"})


@pytest.mark.parametrize("value, why", [
    ("utf-8''%G1bc.txt", "not percent-encoded"),
    ("utf-8''B%C3o.txt", "not utf-8 text"),
    ("UTF-8''%E1%BA.txt", "not UTF-8 text"),
    ("utf-7x''abc.txt", "unknown character set 'utf-7x'"),
    ("abc.txt", "charset''name"),
])
def test_a_file_name_that_cannot_be_decoded_is_refused_naming_why(http, value: str,
                                                                   why: str) -> None:
    r = _post_file(http, f'form-data; name="file"; filename*={value}',
                   "Báo cáo\n\nNăm 2023 xuất khẩu đạt 5 triệu USD.".encode())
    assert r.status_code == 400, r.text
    assert why in r.json()["detail"]
    assert http.get("/documents").json()["documents"] == []


# --- 7e. pypdf's own complaints stay out of the output ---------------------------------------

@pytest.mark.parametrize("data", [b"not a pdf at all", b"%PDF-1.4\n1 0 obj <<>> endobj\n"])
def test_pypdf_s_warnings_about_a_broken_pdf_are_not_printed(
        data: bytes, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING), pytest.raises(IngestError):
        read_upload("hong.pdf", data)
    assert [r.getMessage() for r in caplog.records if r.name.startswith("pypdf")] == []
    assert logging.getLogger("pypdf").level == logging.NOTSET  # as it was
