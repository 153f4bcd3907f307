"""The fourth break-test of issue 16: legacy-font tables and capitals, months written as
words, a table's total row and a unit written beside its table, count units after a scale
word, duplicates named after their copy, what `--strict` and the summary count, "năm 2O24",
a sheet's number, and the reasons of a refusal.  Every document is built here, small."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pytest
from conftest import FakeEmbedder

from rag.ingest.uploads import read_upload
from rag.service import RagService
from rag.settings import Settings


def _service(tmp_path: Path) -> RagService:
    return RagService(Settings(index_dir=tmp_path / "index", sessions_db=tmp_path / "s.db"),
                      embedder=FakeEmbedder())


# --- 1. legacy-font tables: converted before they are written as lines -----------------------


def legacy(text: str, encoding: str) -> str:
    """``text`` as a legacy font types it (viparse's tables read backwards); a capital TCVN3
    has no code point for ("Á") is typed as its lowercase one, as the ".VnTimeH" fonts draw
    it."""
    from viparse.normalize.encodings import CHARMAPS

    back: dict[str, str] = {}
    for old, new in CHARMAPS[encoding].pairs:
        new = unicodedata.normalize("NFC", new)
        if new not in back or len(old) < len(back[new]):
            back[new] = old
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in back:
            out.append(back[ch])
        elif ch.isascii() or ch.upper() != ch:
            out.append(ch)
        else:
            out.append(back.get(ch.lower(), ch))
    return "".join(out)


_CAPTION = "Bảng 1. Một số chỉ tiêu thương mại năm 2010"
_HEADER = ["Chỉ tiêu", "Đơn vị tính", "Năm 2010"]
_ROWS = [["Tổng mức bán lẻ hàng hóa", "Tỷ đồng", "9.870"],
         ["Kim ngạch nhập khẩu", "Triệu USD", "521"]]
_LINES = ("Năm 2010 — Tổng mức bán lẻ hàng hóa: 9.870 tỷ đồng",
          "Năm 2010 — Kim ngạch nhập khẩu: 521 triệu USD")


def _legacy_table_file(kind: str, encoding: str) -> tuple[str, bytes]:
    """A report holding the table above, typed in ``encoding``, as a ``kind`` file."""
    def enc(s: str) -> str:
        return legacy(s, encoding)

    caption, header = enc(_CAPTION), [enc(h) for h in _HEADER]
    rows = [[enc(c) for c in r] for r in _ROWS]
    lead = enc("Năm 2010, hoạt động thương mại trên địa bàn tỉnh tiếp tục phát triển ổn định.")
    if kind == "csv":
        return "tm.csv", "\n".join(",".join(r) for r in [header, *rows]).encode()
    if kind == "xlsx":
        import openpyxl

        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = enc("Thương mại")
        for r in [header, *rows]:
            ws.append(r)
        buf = io.BytesIO()
        wb.save(buf)
        return "tm.xlsx", buf.getvalue()
    if kind == "docx":
        import docx

        d = docx.Document()
        d.add_paragraph(lead).runs[0].font.name = ".VnTime"
        d.add_paragraph(caption).runs[0].font.name = ".VnTime"
        table = d.add_table(rows=3, cols=3)
        for i, r in enumerate([header, *rows]):
            for j, c in enumerate(r):
                table.cell(i, j).text = c
        buf = io.BytesIO()
        d.save(buf)
        return "tm.docx", buf.getvalue()
    if kind == "html":
        cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>"
                        for r in [header, *rows])
        page = (f'<html><head><meta charset="utf-8"><title>{enc("Tin thương mại")}</title>'
                f'</head><body><font face=".VnTime"><p>{lead}</p><p>{caption}</p>'
                f"<table>{cells}</table></font></body></html>")
        return "tm.html", page.encode()
    if kind == "pdf":
        fpdf = pytest.importorskip("fpdf")
        import sys

        sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
        import scan_pages

        pdf = fpdf.FPDF(format="A4", unit="pt")
        pdf.add_font("DejaVu", fname=str(scan_pages.font_path()))
        pdf.add_page()
        pdf.set_font("DejaVu", size=11)
        pdf.multi_cell(0, 16, lead)
        pdf.ln(8)
        pdf.multi_cell(0, 16, caption)
        pdf.ln(8)
        with pdf.table(first_row_as_headings=False) as table:
            for r in [header, *rows]:
                row = table.row()
                for c in r:
                    row.cell(c)
        return "tm.pdf", bytes(pdf.output())
    raise AssertionError(kind)


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
@pytest.mark.parametrize("kind", ["csv", "xlsx", "docx", "html", "pdf"])
def test_legacy_tables_keep_their_units_and_the_reader_s_words(kind: str, encoding: str,
                                                               tmp_path: Path) -> None:
    name, data = _legacy_table_file(kind, encoding)
    doc = read_upload(name, data)
    for line in _LINES:
        assert line in doc.text
    # the reader's own words are never converted as if they were legacy
    assert "dũng" not in doc.text and "dịng" not in doc.text
    if kind == "xlsx":
        assert "trang tính «Thương mại», dòng 2" in doc.text
    if kind == "csv":
        assert "(dòng 3)" in doc.text
    service = _service(tmp_path)
    service.add_document(doc)
    assert service.ask("kim ngạch nhập khẩu năm 2010?").answer == "521 triệu USD"


# --- 2. a TCVN3 title typed in an uppercase (.VnTimeH) font --------------------------------


_TITLES = ["BÁO CÁO TÌNH HÌNH THƯƠNG MẠI NĂM 2016", "KẾT QUẢ XUẤT KHẨU QUÝ I NĂM 2019",
           "TỔNG HỢP SỐ LIỆU CÔNG NGHIỆP THÁNG 8"]


@pytest.mark.parametrize("title", _TITLES)
def test_a_tcvn3_uppercase_title_comes_out_in_capitals(title: str) -> None:
    body = legacy("Năm 2016, tổng mức bán lẻ hàng hóa của tỉnh ước đạt 18.456 tỷ đồng, "
                  "tăng 11,2% so với năm 2015. Hàng hóa xuất khẩu đạt 2,1 triệu tấn.", "tcvn3")
    typed = legacy(title, "tcvn3")
    assert typed.startswith(("B¸O C¸O", "KÕT QU¶", "TæNG HîP"))  # capitals at lowercase codes
    doc = read_upload("tm.txt", f"{typed}\n\n{body}\n".encode())
    assert doc.title == title
    assert "Năm 2016, tổng mức bán lẻ hàng hóa" in doc.text
    # a heading inside the text, and the same in a .docx
    import docx

    d = docx.Document()
    d.add_paragraph(body)
    d.add_paragraph(typed).runs[0].font.name = ".VnTimeH"
    d.add_paragraph(body)
    buf = io.BytesIO()
    d.save(buf)
    assert title in read_upload("tm.docx", buf.getvalue()).text


def test_capitalised_words_of_a_tcvn3_line_stay_as_written() -> None:
    from rag.ingest.legacy import convert

    assert convert(legacy("Hà Nội và Sở Công Thương", "tcvn3"), "tcvn3") == \
        "Hà Nội và Sở Công Thương"
    assert convert(legacy("CPI Hà", "tcvn3"), "tcvn3") == "CPI Hà"


# --- 3. months written as words, in English and in Vietnamese ----------------------------------


@pytest.mark.parametrize("written, label", [
    ("May 2024", "tháng 5/2024"), ("in May 2024", "tháng 5/2024"),
    ("Sept. 2023", "tháng 9/2023"), ("5 May 2024", "ngày 5/5/2024"),
    ("January–March 2024", "3 tháng đầu năm 2024"), ("Jan-Jun 2024", "6 tháng đầu năm 2024"),
    ("from April to June 2024", "quý II/2024"), ("tháng Năm 2024", "tháng 5/2024"),
    ("tháng Mười Hai năm 2023", "tháng 12/2023"), ("tháng Giêng năm 2024", "tháng 1/2024"),
    ("tháng sáu năm 2024", "tháng 6/2024"), ("tháng năm năm 2024", "tháng 5/2024"),
    ("từ tháng 4 đến tháng 6/2024", "quý II/2024"),
    ("từ tháng Giêng đến tháng Ba năm 2023", "3 tháng đầu năm 2023"),
    # "Năm" is the year too, "sau" is "after", "may" is garments: no month
    ("các tháng năm 2024", "năm 2024"), ("hàng dệt may 2024", "năm 2024"),
    ("tháng năm 2024", "năm 2024")])
def test_months_written_as_words_are_periods(written: str, label: str) -> None:
    from datetime import date

    from rag.vi.asked import question_periods
    from rag.vi.mentions import find_mentions

    assert [m.period.label for m in find_mentions(f"Kim ngạch {written} đạt 5 triệu USD", None)
            if not m.comparison] == [label]
    assert [p.label for p in question_periods(f"kim ngạch xuất khẩu {written}?",
                                              date(2025, 6, 1)).periods] == [label]


@pytest.mark.parametrize("text", ["mỗi tháng hai lần", "tháng sau", "các tháng"])
def test_words_after_thang_that_name_no_month(text: str) -> None:
    from rag.vi.mentions import find_mentions

    assert find_mentions(f"Đoàn kiểm tra {text} tại cửa khẩu.", 2024) == []
    # "từ tháng 5" is from May, not "tư tháng" (four months)
    assert [m.period.label for m in find_mentions("Từ tháng 5 trở đi, giá giảm.", 2024)] == \
        ["tháng 5/2024"]


_MONTHS_REPORT = ("Báo cáo tình hình thương mại\n\n"
                  "Trong tháng Năm 2024, kim ngạch xuất khẩu của tỉnh đạt 245 triệu USD, tăng 8% "
                  "so với tháng Tư. Tháng Mười Hai năm 2023, kim ngạch xuất khẩu đạt 231 triệu USD."
                  " Quý I/2024, kim ngạch xuất khẩu đạt 700 triệu USD.")
_DIGITS_REPORT = ("Báo cáo tình hình thương mại\n\n"
                  "Trong tháng 5/2024, kim ngạch xuất khẩu của tỉnh đạt 245 triệu USD. Tháng "
                  "12/2023, kim ngạch xuất khẩu đạt 231 triệu USD. Từ tháng 1 đến tháng 3/2024, "
                  "kim ngạch xuất khẩu đạt 700 triệu USD.")


@pytest.mark.parametrize("report", [_MONTHS_REPORT, _DIGITS_REPORT], ids=["words", "digits"])
@pytest.mark.parametrize("question, answer", [
    ("kim ngạch xuất khẩu tháng 5/2024?", "245 triệu USD"),
    ("kim ngạch xuất khẩu May 2024?", "245 triệu USD"),
    ("kim ngạch xuất khẩu in May 2024?", "245 triệu USD"),
    ("kim ngạch xuất khẩu tháng Năm 2024?", "245 triệu USD"),
    ("kim ngạch xuất khẩu tháng Mười Hai năm 2023?", "231 triệu USD"),
    ("kim ngạch xuất khẩu December 2023?", "231 triệu USD"),
    ("kim ngạch xuất khẩu January–March 2024?", "700 triệu USD")])
def test_a_month_in_words_answers_as_its_number(report: str, question: str, answer: str,
                                                tmp_path: Path) -> None:
    service = _service(tmp_path)
    service.add_document(read_upload("tm.txt", report.encode()))
    assert service.ask(question).answer == answer


# --- 4. a table's total row takes the indicator its caption names ------------------------------

_TYPES = [("Mở tờ khai", "850"), ("Cư dân biên giới", "400")]
_TOTAL_CASES = [
    ("Bảng 1. Kim ngạch XNK quý I/2025 theo loại hình (triệu USD)", "Loại hình", "Quý I/2025",
     "Tổng", "kim ngạch XNK quý I/2025?", "1.250 triệu USD",
     "Tổng kim ngạch XNK"),
    ("Bảng 2. Tổng mức bán lẻ hàng hóa 6 tháng đầu năm 2024 phân theo ngành (tỷ đồng)",
     "Ngành", "6 tháng 2024", "Tổng cộng", "tổng mức bán lẻ hàng hóa 6 tháng đầu năm 2024?",
     "1.250 tỷ đồng", "Tổng mức bán lẻ hàng hóa"),
    ("Biểu 3: SỐ LƯỢT KHÁCH DU LỊCH NĂM 2023 (nghìn lượt)", "Loại khách", "Năm 2023", "Cộng",
     "số lượt khách du lịch năm 2023?", "1.250 nghìn lượt", "Tổng số lượt khách du lịch")]


def _total_docx(caption: str, label_head: str, period: str, total: str, first: bool) -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("Báo cáo của Sở Công Thương")
    d.add_paragraph("Trong kỳ, toàn tỉnh có 1.250 doanh nghiệp tham gia hoạt động thương mại "
                    "và xuất nhập khẩu qua địa bàn, tăng 5% so với cùng kỳ.")
    d.add_paragraph(caption)
    body = [(total, "1.250"), *_TYPES] if first else [*_TYPES, (total, "1.250")]
    rows = [(label_head, period), *body]
    table = d.add_table(rows=len(rows), cols=2)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize("first", [False, True], ids=["total-last", "total-first"])
@pytest.mark.parametrize("caption, label_head, period, total, question, answer, label",
                         _TOTAL_CASES, ids=["tong", "tong-cong", "cong"])
def test_a_total_row_answers_for_the_caption_s_indicator(
        caption: str, label_head: str, period: str, total: str, question: str, answer: str,
        label: str, first: bool, tmp_path: Path) -> None:
    doc = read_upload("bc.docx", _total_docx(caption, label_head, period, total, first))
    assert f"— {label}: 1.250" in doc.text
    assert f"— {label} › Mở tờ khai: 850" in doc.text  # the other rows: its parts
    service = _service(tmp_path)
    service.add_document(doc)
    got = service.ask(question)
    assert got.answer == answer
    assert got.figure is not None and got.figure.indicator == label


def test_a_total_row_keeps_its_label_when_columns_name_the_indicators() -> None:
    from rag.ingest.tables import table_lines

    lines = table_lines([["Cửa khẩu", "Số xe bình quân", "Kim ngạch mở tờ khai"],
                         ["Tổng", "1.386 xe/ngày", "4.102,6 triệu USD"],
                         ["Hữu Nghị", "498 xe/ngày", "1.874,3 triệu USD"]],
                        "Hoạt động thông quan theo cửa khẩu 10 tháng năm 2025")
    # ... naming the gates it totals (session 48 labels, bt19b: "Tổng cộng các <kind>")
    assert lines[:2] == [
        "Số xe bình quân — Tổng cộng các cửa khẩu: 1.386 xe/ngày (10 tháng năm 2025)",
        "Kim ngạch mở tờ khai — Tổng cộng các cửa khẩu: 4.102,6 triệu USD (10 tháng năm 2025)"]
    # a caption naming no one indicator gives none
    assert table_lines([["Chỉ tiêu", "Năm 2023"], ["Xuất khẩu", "5"], ["Tổng", "9"]],
                       "Bảng 1. Một số chỉ tiêu chủ yếu năm 2023")[0] == "Năm 2023 — Tổng: 9"


# --- 5. a unit written beside a table: a figure's caption, a line after or before --------------

_UNIT_TABLE = "<table><tr><td>Loại hình</td><td>Quý I/2025</td></tr>" + "".join(
    f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in [*_TYPES, ("Tổng", "1.250")]) + "</table>"
_PARA = ("<p>Theo Sở Công Thương, hoạt động xuất nhập khẩu qua địa bàn tỉnh trong quý I năm "
         "2025 tiếp tục tăng trưởng khá so với cùng kỳ năm trước.</p>")


@pytest.mark.parametrize("long", [False, True], ids=["fragment", "news-page"])
@pytest.mark.parametrize("table", [
    f"<figure>{_UNIT_TABLE}<figcaption>Đơn vị: triệu USD</figcaption></figure>",
    f"<figure><figcaption>(ĐVT: triệu USD)</figcaption>{_UNIT_TABLE}</figure>",
    f"{_UNIT_TABLE}<p><em>Đơn vị tính: triệu USD</em></p>",
    f"<p>Đơn vị tính: triệu USD</p>{_UNIT_TABLE}",
    _UNIT_TABLE.replace("<table>", "<table><caption>Đơn vị tính: triệu USD</caption>")],
    ids=["figcaption-after", "figcaption-before", "line-after", "line-before", "caption"])
def test_html_unit_beside_a_table(table: str, long: bool) -> None:
    page = ("<html><head><title>XNK quý I/2025</title></head><body><article>"
            f"<h1>Kim ngạch XNK quý I/2025</h1>{_PARA * (8 if long else 1)}"
            f"<p>Bảng 1. Kim ngạch XNK quý I/2025 theo loại hình</p>{table}{_PARA}"
            "</article></body></html>")
    text = read_upload("xnk.html", page.encode()).text
    assert "Quý I/2025 — Tổng kim ngạch XNK › Mở tờ khai: 850 triệu USD" in text
    assert "Quý I/2025 — Tổng kim ngạch XNK: 1.250 triệu USD" in text


def _unit_after_file(kind: str, unit_line: str) -> tuple[str, bytes]:
    rows = [("Loại hình", "Quý I/2025"), *_TYPES]
    if kind == "docx":
        import docx

        d = docx.Document()
        d.add_paragraph("Bảng 1. Kim ngạch XNK quý I/2025 theo loại hình")
        table = d.add_table(rows=len(rows), cols=2)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.cell(r, c).text = value
        d.add_paragraph(unit_line)
        d.add_paragraph("Kim ngạch tăng khá so với cùng kỳ năm trước.")
        buf = io.BytesIO()
        d.save(buf)
        return "xnk.docx", buf.getvalue()
    if kind == "xlsx":
        import openpyxl

        wb = openpyxl.Workbook()
        ws = wb.active
        for row in [("KIM NGẠCH XNK QUÝ I/2025 THEO LOẠI HÌNH", None), *rows]:
            ws.append([float(c.replace(".", "")) if c and c[0].isdigit() else c for c in row])
        ws.append([unit_line, None])
        buf = io.BytesIO()
        wb.save(buf)
        return "xnk.xlsx", buf.getvalue()
    if kind == "pdf":
        fpdf = pytest.importorskip("fpdf")
        import sys

        sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
        import scan_pages

        pdf = fpdf.FPDF(format="A4", unit="pt")
        pdf.add_font("DejaVu", fname=str(scan_pages.font_path()))
        pdf.add_page()
        pdf.set_font("DejaVu", size=11)
        pdf.multi_cell(0, 16, "Bảng 1. Kim ngạch XNK quý I/2025 theo loại hình")
        pdf.ln(8)
        with pdf.table(first_row_as_headings=False) as table:
            for r in rows:
                row = table.row()
                for c in r:
                    row.cell(c)
        pdf.ln(8)
        pdf.multi_cell(0, 16, unit_line)
        return "xnk.pdf", bytes(pdf.output())
    raise AssertionError(kind)


@pytest.mark.parametrize("unit_line, unit", [("Đơn vị tính: triệu USD", "triệu USD"),
                                             ("(ĐVT: tỷ đồng)", "tỷ đồng")])
@pytest.mark.parametrize("kind", ["docx", "xlsx", "pdf"])
def test_a_unit_line_after_a_table_in_any_reader(kind: str, unit_line: str, unit: str) -> None:
    text = read_upload(*_unit_after_file(kind, unit_line)).text
    assert f"Quý I/2025 — Mở tờ khai: 850 {unit}" in text
    assert f"Quý I/2025 — Cư dân biên giới: 400 {unit}" in text


# --- 6. a count unit after a scale word stays with the figure -------------------------------

_COUNTS_REPORT = ("Báo cáo tình hình sản xuất công nghiệp 9 tháng năm 2024\n\n"
                  "Sản lượng gạch nung 9 tháng năm 2024 đạt 180 triệu viên, giảm 4,5% so với "
                  "cùng kỳ. Sản lượng xi măng bao 9 tháng năm 2024 đạt 2,4 triệu bao. Đá xây "
                  "dựng khai thác 9 tháng năm 2024 đạt 3,5 triệu m3. Vắc xin tiêm 9 tháng năm "
                  "2024 đạt 1,2 triệu liều. Ô tô lắp ráp 9 tháng năm 2024 đạt 45 nghìn chiếc."
                  " Kinh phí hỗ trợ 9 tháng năm 2024 đạt 500 triệu, bao gồm cả chi phí vận chuyển.")


@pytest.mark.parametrize("question, value", [
    ("sản lượng gạch nung 9 tháng năm 2024?", "180 triệu viên"),
    ("sản lượng xi măng bao 9 tháng năm 2024?", "2,4 triệu bao"),
    ("đá xây dựng khai thác 9 tháng năm 2024?", "3,5 triệu m3"),
    ("vắc xin tiêm 9 tháng năm 2024?", "1,2 triệu liều"),
    ("ô tô lắp ráp 9 tháng năm 2024?", "45 nghìn chiếc"),
    ("kinh phí hỗ trợ 9 tháng năm 2024?", "500 triệu")])
def test_a_count_unit_after_a_scale_word_stays_in_the_figure(question: str, value: str,
                                                             tmp_path: Path) -> None:
    service = _service(tmp_path)
    service.add_document(read_upload("cn-9t-2024.txt", _COUNTS_REPORT.encode()))
    answer = service.ask(question)
    assert answer.answer == value
    assert answer.figure is not None and answer.figure.value == value
    assert value in [r.figure.value for r in service.figures(limit=100).rows]


# --- 7. a duplicate is named after the first of its text, never the other way round -----------

_BC = "Báo cáo tháng 5/2024\n\nKim ngạch xuất khẩu tháng 5/2024 đạt 245 triệu USD.\n"


def test_a_run_names_each_copy_after_the_first_file(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("bc-t5-2024.txt", "bc-t5-2024 (1).txt", "Bản sao bc-t5-2024.txt",
                 "bc-t5-2024 - Copy.txt"):
        (docs / name).write_text(_BC, "utf-8")
    (docs / "khac.txt").write_text(_BC.replace("245", "246"), "utf-8")
    service = _service(tmp_path)
    report = service.index_paths([docs])
    assert report.duplicates == {"Bản_sao_bc-t5-2024": "bc-t5-2024",
                                 "bc-t5-2024_-_Copy": "bc-t5-2024",
                                 "bc-t5-2024_1": "bc-t5-2024"}
    # a later run adding one more copy names it after the first, and no other
    (docs / "bc-t5-2024 (2).txt").write_text(_BC, "utf-8")
    assert service.index_paths([docs]).duplicates == {"bc-t5-2024_2": "bc-t5-2024"}
    # an upload of the same text names the first, and the first uploaded again is no copy
    data = _BC.encode()
    assert service.add_document(read_upload("tai-ve.txt", data)).duplicate_of == "bc-t5-2024"
    assert service.add_document(read_upload("bc-t5-2024.txt", data)).duplicate_of is None


def test_uploads_name_the_later_one_the_copy(tmp_path: Path) -> None:
    service = _service(tmp_path)
    data = _BC.encode()
    assert service.add_document(read_upload("bc.txt", data)).duplicate_of is None
    assert service.add_document(read_upload("bc (1).txt", data)).duplicate_of == "bc"
    # the original uploaded again (unchanged, or with a new title) is not its copy's copy
    assert service.add_document(read_upload("bc.txt", data)).duplicate_of is None
    other = _service(tmp_path / "other")
    assert other.add_document(read_upload("bc (1).txt", data)).duplicate_of is None
    # the original after its copy: the copy stays the copy (rag.search.copies.first_of)
    assert other.add_document(read_upload("bc.txt", data)).duplicate_of is None


def test_rag_index_summary_names_the_copies(tmp_path: Path, cli_env: dict[str, str]) -> None:
    import subprocess
    import sys

    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("bc.txt", "bc (1).txt"):
        (docs / name).write_text(_BC, "utf-8")
    proc = subprocess.run([sys.executable, "-m", "api.cli", "index", str(docs), "--index-dir",
                           str(tmp_path / "index")], capture_output=True, text=True,
                          env=cli_env, cwd=Path(__file__).resolve().parent.parent, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "same text as another document (indexed, shown once in search): bc_1 = bc" in \
        proc.stdout


# --- 8. --strict and the summary count the same files -----------------------------------------


def _mixed_folder(root: Path) -> Path:
    docs = root / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(_BC, "utf-8")
    (docs / "b.txt").write_text(_BC.replace("245", "246"), "utf-8")
    (docs / "empty.csv").write_bytes(b"")
    (docs / "broken.xlsx").write_bytes(b"not a workbook")
    (docs / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (docs / "notes.odt").write_bytes(b"PK\x03\x04")
    return docs


def test_strict_and_the_summary_count_the_same_files(tmp_path: Path) -> None:
    from rag.errors import IngestError

    docs = _mixed_folder(tmp_path)
    report = _service(tmp_path / "a").index_paths([docs])
    assert report.files == 4  # the files of a type the reader reads
    assert set(report.skipped) == {str(docs / "empty.csv"), str(docs / "broken.xlsx")}
    assert set(report.other_files) == {str(docs / "old.doc"), str(docs / "notes.odt")}
    assert "unsupported file type .doc" in report.other_files[str(docs / "old.doc")]
    with pytest.raises(IngestError) as err:
        _service(tmp_path / "b").index_paths([docs], strict=True)
    message = str(err.value)
    assert message.startswith(f"{len(report.skipped)} of {report.files} files cannot be read")
    assert "\n" not in message
    for path in [*report.skipped, *report.other_files]:
        assert path in message


# --- 9. a year typed with the letter O for a zero ----------------------------------------------

_YEARS_REPORT = ("Báo cáo xuất khẩu\n\nNăm 2024, kim ngạch xuất khẩu của tỉnh đạt 1.234 triệu "
                 "USD. Năm 2020, kim ngạch xuất khẩu đạt 987 triệu USD. Quý I/2024, kim ngạch "
                 "xuất khẩu đạt 301 triệu USD.")


@pytest.mark.parametrize("question, resolved, answer", [
    ("kim ngạch xuất khẩu năm 2O24?", "kim ngạch xuất khẩu năm 2024?", "1.234 triệu USD"),
    ("kim ngạch xuất khẩu năm 2o24?", "kim ngạch xuất khẩu năm 2024?", "1.234 triệu USD"),
    ("kim ngạch xuất khẩu năm 2O2O?", "kim ngạch xuất khẩu năm 2020?", "987 triệu USD"),
    ("kim ngạch xuất khẩu quý I/2O24?", "kim ngạch xuất khẩu quý I/2024?", "301 triệu USD")])
def test_a_year_typed_with_the_letter_o(question: str, resolved: str, answer: str,
                                        tmp_path: Path) -> None:
    service = _service(tmp_path)
    service.add_document(read_upload("xk.txt", _YEARS_REPORT.encode()))
    got = service.ask(question)
    assert got.resolved_question == resolved
    assert got.answer == answer


def test_o_for_zero_only_where_a_year_is_written() -> None:
    from rag.vi.spell import year_typos

    assert year_typos("mã hàng 2O24 năm 3O24 tháng 3/2O2O") == "mã hàng 2O24 năm 3O24 tháng 3/2020"


# --- 10. a sheet's name is a label, its number no figure ---------------------------------------


def test_a_sheet_name_s_number_is_no_figure(tmp_path: Path) -> None:
    import openpyxl

    names = ["Biểu 01", "Biểu số 2", "Phụ lục 03", "PL 04", "Số liệu 05", "Sheet 6", "Mẫu 07"]
    wb = openpyxl.Workbook()
    for k, name in enumerate(names):
        ws = wb.active if k == 0 else wb.create_sheet()
        ws.title = name
        ws.append(["Chỉ tiêu", "Năm 2023"])
        ws.append(["Kim ngạch xuất khẩu (triệu USD)", 1000 + k])
    buf = io.BytesIO()
    wb.save(buf)
    service = _service(tmp_path)
    doc = read_upload("bieu-2023.xlsx", buf.getvalue())
    assert all(f"Trang tính: {name}" in doc.text for name in names)
    service.add_document(doc)
    values = sorted(r.figure.value for r in service.figures(limit=1000).rows)
    assert values == [f"{1000 + k:,} triệu USD".replace(",", ".") for k in range(len(names))]


# --- 11. a refusal names other years only where the asked figure is ---------------------------

_REFUSAL_REPORT = ("Báo cáo tình hình thương mại\n\n"
                   "Năm 2023, kim ngạch xuất khẩu của tỉnh đạt 1.100 triệu USD. Năm 2024, tổng "
                   "mức bán lẻ hàng hóa đạt 25.000 tỷ đồng; số doanh nghiệp thành lập mới là "
                   "850 doanh nghiệp. Năm 2022, lượng khách du lịch đạt 2,1 triệu lượt.")


@pytest.mark.parametrize("question, years", [
    ("kim ngạch xuất khẩu năm 2024?", ["2023"]),
    ("kim ngạch xuất khẩu năm 2022?", ["2023"]),
    ("tổng mức bán lẻ hàng hóa năm 2021?", ["2024"]),
    ("tổng mức bán lẻ hàng hóa năm 2023?", ["2024"]),
    ("sản lượng điện thương phẩm năm 2024?", []),
    ("giá trị sản xuất nông nghiệp năm 2023?", [])])
def test_a_refusal_names_other_years_only_where_the_asked_figure_is(
        question: str, years: list[str], tmp_path: Path) -> None:
    import re

    service = _service(tmp_path)
    service.add_document(read_upload("tm.txt", _REFUSAL_REPORT.encode()))
    service.add_document(read_upload("khac.txt", ("Tin khác\n\nNăm 2021, toàn tỉnh trồng "
                                                   "mới 5.000 ha rừng.").encode()))
    answer = service.ask(question)
    assert not answer.found
    asked = re.search(r"năm (\d{4})\?", question).group(1)
    named = re.search(r"có số liệu này cho năm ([\d, ]+), không phải năm được hỏi",
                      answer.answer)
    assert (named.group(1).split(", ") if named else []) == years, answer.answer
    assert asked not in (named.group(1) if named else "")
    if not years:  # the reports do not hold the indicator: no year is the reason
        assert "không phải năm được hỏi" not in answer.answer
