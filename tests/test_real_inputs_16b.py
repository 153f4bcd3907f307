"""The reviewer's second round on issue 16: inputs that broke the first implementation
(CSV titles, years typed bare, mixed legacy text, bidi marks, ranges, table units, 8-bit
legacy files, strict runs and duplicate names).  Every document is built here, small."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import docx
import openpyxl
import pytest
from conftest import FakeEmbedder

from rag.errors import IngestError
from rag.ingest.uploads import read_upload
from rag.service import RagService
from rag.settings import Settings


def _service(tmp_path: Path) -> RagService:
    return RagService(Settings(index_dir=tmp_path / "index", sessions_db=tmp_path / "s.db"),
                      embedder=FakeEmbedder())


# --- 1. a CSV's first figure row is a row, not the title -------------------------------------

def test_csv_first_figure_row_stays_in_text(tmp_path: Path) -> None:
    csv = ('"Chỉ tiêu","ĐVT","Tháng 3/2022","Tháng 4/2022"\n'
           '"Lượng xe hàng xuất khẩu","xe","12.340","13.005"\n'
           '"Doanh thu vận tải","tỷ đồng","88,4","91,7"\n')
    doc = read_upload("xe_hang_quy2_2022.csv", csv.encode())
    assert "Tháng 3/2022 — Lượng xe hàng xuất khẩu: 12.340 xe (dòng 2)" in doc.text
    assert "12.340" not in doc.title and doc.title == "xe hang quy2 2022"
    service = _service(tmp_path)
    service.add_document(doc)
    answer = service.ask("lượng xe hàng xuất khẩu tháng 3/2022?")
    assert answer.answer == "12.340 xe"


def test_csv_and_xlsx_title_row_is_the_title() -> None:
    csv = "BÁO CÁO NHANH THÁNG 5/2024;;\nChỉ tiêu;Tháng 5/2024;So cùng kỳ\nXuất khẩu;55;8\n"
    doc = read_upload("bc.csv", csv.encode())
    assert doc.title == "BÁO CÁO NHANH THÁNG 5/2024"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Chỉ tiêu", "Năm 2020", "Năm 2021"])
    ws.append(["Số chợ", 80, 81])
    buf = io.BytesIO()
    wb.save(buf)
    doc = read_upload("cho-2021.xlsx", buf.getvalue())
    assert "Năm 2020 — Số chợ: 80" in doc.text and doc.title == "cho-2021"


# --- 2. a year typed alone that no report covers; near years are figure years -----------------

_XNK = ("Báo cáo xuất nhập khẩu năm 2019\n\n"
        "Năm 2019, kim ngạch xuất khẩu qua địa bàn tỉnh đạt 1.850 triệu USD, tăng 4,2% so với "
        "năm 2014. Giá trị sản xuất công nghiệp (giá so sánh 2010) năm 2019 đạt 2.109 tỷ đồng.\n\n"
        "Tổng mức bán lẻ hàng hóa năm 2019 đạt 17.300 tỷ đồng theo Quyết định 2104/QĐ-UBND.\n")


@pytest.mark.parametrize("question, asked", [
    ("kim ngạch xuất khẩu 2109?", "2109"),
    ("tổng mức bán lẻ hàng hóa 1019 là bao nhiêu", "1019"),
    ("kim ngach xuat khau 2910", "2910"),
])
def test_a_bare_year_no_report_covers_is_refused(tmp_path: Path, question: str,
                                                 asked: str) -> None:
    service = _service(tmp_path)
    service.add_document(read_upload("xnk.txt", _XNK.encode()))
    answer = service.ask(question)
    assert not answer.found and answer.citations == ()
    assert f"năm {asked}" in answer.answer and "năm 2019" in answer.answer
    assert "triệu USD" not in answer.answer and "tỷ đồng" not in answer.answer


def test_bare_numbers_that_are_not_years_are_answered(tmp_path: Path) -> None:
    service = _service(tmp_path)
    service.add_document(read_upload("xnk.txt", _XNK.encode()))
    assert service.ask("kim ngạch xuất khẩu 2019?").answer == "1.850 triệu USD"
    # a decision number is not a year asked about: never the refusal of a year no report
    # covers (whether the answerer then finds the figure is its own matter)
    answer = service.ask("tổng mức bán lẻ hàng hóa theo quyết định 2104/QĐ-UBND?")
    assert "không báo cáo nào có số liệu năm" not in answer.answer


@pytest.mark.parametrize("question", ["kim ngạch xuất khẩu năm 2104", "xuất khẩu 2011?"])
def test_near_years_are_figure_years_not_bases_or_comparisons(tmp_path: Path,
                                                              question: str) -> None:
    service = _service(tmp_path)
    service.add_document(read_upload("xnk.txt", _XNK.encode()))
    answer = service.ask(question)
    assert not answer.found and "năm 2019" in answer.answer
    assert "2014" not in answer.answer and "2010" not in answer.answer


# --- 3. a document mixing Unicode and legacy lines: only the legacy ones are converted ---------

_TCVN3_LINE = ("N¨m 2016, kim ng¹ch nhËp khÈu cña tØnh ®¹t 1.876 triÖu USD, "
               "t¨ng 3,1% so víi n¨m 2015.")
_TCVN3_RUN = "xuÊt khÈu cña tØnh ®¹t 2.345 triÖu USD."
_VNI_LINE = "Naêm 2017, soá chôï treân ñòa baøn tænh laø 81 chôï."


def test_mixed_unicode_and_tcvn3_text_keeps_its_unicode_lines(tmp_path: Path) -> None:
    text = ("SỞ CÔNG THƯƠNG LẠNG SƠN\nBáo cáo tình hình xuất nhập khẩu\n\n"
            f"{_TCVN3_LINE}\n\nBáo cáo này gửi các sở, ngành.\n")
    doc = read_upload("xnk_2016.txt", text.encode())
    assert "SỞ CÔNG THƯƠNG" in doc.title + doc.text
    assert "Báo cáo này gửi các sở, ngành." in doc.text
    assert "Năm 2016, kim ngạch nhập khẩu của tỉnh đạt 1.876 triệu USD" in doc.text
    assert "Bỏo" not in doc.text + doc.title and "CễNG" not in doc.text + doc.title
    service = _service(tmp_path)
    service.add_document(doc)
    assert service.ask("kim ngạch nhập khẩu năm 2016?").answer == "1.876 triệu USD"


def test_vni_text_with_a_unicode_heading() -> None:
    doc = read_upload("cho.txt", f"Báo cáo về chợ\n\n{_VNI_LINE}\n{_VNI_LINE}\n".encode())
    assert doc.title == "Báo cáo về chợ"
    assert "Năm 2017, số chợ trên địa bàn tỉnh là 81 chợ." in doc.text


def test_mixed_docx_paragraphs_and_runs() -> None:
    d = docx.Document()
    d.add_paragraph("SỞ CÔNG THƯƠNG LẠNG SƠN")
    d.add_paragraph("Báo cáo thương mại năm 2017")
    d.add_paragraph(_TCVN3_LINE).runs[0].font.name = ".VnTime"
    p = d.add_paragraph()
    p.add_run("Kim ngạch ")
    p.add_run(_TCVN3_RUN).font.name = ".VnTime"
    buf = io.BytesIO()
    d.save(buf)
    doc = read_upload("tm_2017.docx", buf.getvalue())
    whole = doc.title + "\n" + doc.text
    assert "SỞ CÔNG THƯƠNG LẠNG SƠN" in whole and "Báo cáo thương mại năm 2017" in whole
    assert "Năm 2016, kim ngạch nhập khẩu của tỉnh đạt 1.876 triệu USD" in doc.text
    assert "Kim ngạch xuất khẩu của tỉnh đạt 2.345 triệu USD." in doc.text


# --- 4. bidirectional marks are invisible characters too ---------------------------------------

_BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


@pytest.mark.parametrize("mark", list(_BIDI))
def test_bidi_marks_in_documents_and_questions(tmp_path: Path, mark: str) -> None:
    text = (f"Tình hình vận tải năm 2019\n\nDoanh thu vận t{mark}ải hàng hóa năm 2019 đạt "
            f"2.{mark}815 tỷ đồng.\n\nKhối lượng hàng hóa luân chuyển năm 2019 đạt 96 triệu "
            "tấn.km.\n")
    doc = read_upload("van_tai.txt", text.encode())
    assert mark not in doc.text and "2.815 tỷ đồng" in doc.text
    service = _service(tmp_path)
    service.add_document(doc)
    answer = service.ask(f"doanh thu vận {mark}tải{mark} hàng hóa năm 2{mark}019?")
    assert answer.answer == "2.815 tỷ đồng"
    assert not any(c in answer.resolved_question for c in _BIDI)


# --- 5. ranges written with "đến", "tới", "÷", "~" are one value -------------------------------

_RANGES = ("Tình hình cửa khẩu năm 2022\n\n"
           "Thời gian thông quan một tờ khai năm 2022 từ 2 đến 3 ngày.\n\n"
           "Lượng xe hàng qua cửa khẩu Hữu Nghị năm 2022 bình quân 120÷150 xe/ngày.\n\n"
           "Số lao động bốc xếp tại cửa khẩu Cốc Nam năm 2022 khoảng 800 đến 1.000 người.\n\n"
           "Lượng xe khách qua cửa khẩu Chi Ma năm 2022 từ 40 tới 60 xe/ngày.\n")


@pytest.mark.parametrize("question, expected", [
    ("thời gian thông quan một tờ khai năm 2022?", "2–3 ngày"),
    ("lượng xe hàng qua cửa khẩu Hữu Nghị năm 2022?", "120–150 xe/ngày"),
    ("số lao động bốc xếp tại cửa khẩu Cốc Nam năm 2022?", "800–1.000 người"),
    ("lượng xe khách qua cửa khẩu Chi Ma năm 2022?", "40–60 xe/ngày"),
])
def test_ranges_are_one_value(tmp_path: Path, question: str, expected: str) -> None:
    service = _service(tmp_path)
    service.add_document(read_upload("cua_khau_2022.txt", _RANGES.encode()))
    answer = service.ask(question)
    assert expected in answer.answer and "÷" not in answer.answer


def test_range_words_need_a_unit_after_the_top() -> None:
    from rag.vi.numbers import find_values

    assert [(v.low, v.high, v.unit) for v in find_values("từ 2 đến 3 ngày")] == \
        [(2.0, 3.0, "ngày")]
    assert [v.text for v in find_values("từ tháng 1 đến tháng 3 đạt 5 tỷ đồng")] == \
        ["5 tỷ đồng"]
    assert [v.high for v in find_values("xếp loại từ 2 đến 3, đạt 7 tỷ đồng")] == \
        [None, None, None]
    assert [v.shown for v in find_values("300–350 xe/ngày; 5 - 6 giờ; 7~9 tấn")] == \
        ["300–350 xe/ngày", "5 - 6 giờ", "7–9 tấn"]


# --- 6. a table's unit from its caption, a title row or a "Đơn vị tính" row; "(%)" columns ------

def test_table_unit_from_caption_title_row_or_unit_row() -> None:
    from rag.ingest.tables import table_lines

    rows = [["Chỉ tiêu", "Năm 2022", "Năm 2023", "So cùng kỳ (%)"],
            ["Kim ngạch nhập khẩu", "640", "702", "109,7"]]
    lines = table_lines(rows, caption="Bảng 4. Kim ngạch nhập khẩu qua cửa khẩu (triệu USD)")
    assert "Năm 2023 — Kim ngạch nhập khẩu: 702 triệu USD" in lines
    assert "So cùng kỳ (%) — Kim ngạch nhập khẩu: 109,7%" in lines
    lines = table_lines([["(tỷ đồng)", None, None], ["Chỉ tiêu", "Quý I/2024", "So sánh (%)"],
                         ["Thu ngân sách", "1.015", "98,2"]])
    assert "Quý I/2024 — Thu ngân sách: 1.015 tỷ đồng" in lines
    assert "So sánh (%) — Thu ngân sách: 98,2%" in lines
    lines = table_lines([["ĐVT: nghìn lượt", None], ["Chỉ tiêu", "Năm 2021"],
                         ["Khách du lịch", "2.870"], ["Số chợ (chợ)", "81"]])
    assert "Năm 2021 — Khách du lịch: 2.870 nghìn lượt" in lines
    assert "Năm 2021 — Số chợ: 81 chợ" in lines  # the row's own unit wins


def test_docx_unit_line_under_the_caption(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("Báo cáo xuất nhập khẩu năm 2023")
    d.add_paragraph("Bảng 1. Kim ngạch xuất khẩu theo quý năm 2023")
    d.add_paragraph("Đơn vị tính: triệu USD")
    table = d.add_table(rows=2, cols=3)
    for r, cells in enumerate([["Chỉ tiêu", "Quý I", "Quý II"],
                               ["Kim ngạch xuất khẩu", "412,6", "455,1"]]):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    buf = io.BytesIO()
    d.save(buf)
    doc = read_upload("xk_2023.docx", buf.getvalue())
    assert "Quý II — Kim ngạch xuất khẩu: 455,1 triệu USD" in doc.text
    service = _service(tmp_path)
    service.add_document(doc)
    assert service.ask("kim ngạch xuất khẩu quý II năm 2023?").answer == "455,1 triệu USD"


# --- 7. 8-bit legacy text files: Windows-1258, TCVN3/VNI bytes in Windows-1252 ----------------

def _cp1258(text: str) -> bytes:
    """``text`` as Excel saves it on a Vietnamese Windows: precomposed where the code page has
    the letter, else the base letter and a combining tone mark."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            nfd = unicodedata.normalize("NFD", ch)
            tone = next(c for c in nfd if c in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", nfd.replace(tone, ""))
            out += base.encode("cp1258") + tone.encode("cp1258")
    return out


def test_8bit_legacy_files_are_read(tmp_path: Path) -> None:
    doc = read_upload("xnk_2016.txt", f"B¸o c¸o n¨m 2016\n\n{_TCVN3_LINE}\n".encode("latin-1"))
    assert doc.title == "Báo cáo năm 2016"
    assert "Năm 2016, kim ngạch nhập khẩu của tỉnh đạt 1.876 triệu USD" in doc.text
    doc = read_upload("cho.txt", f"{_VNI_LINE}\n{_VNI_LINE}\n".encode("cp1252"))
    assert "Năm 2017, số chợ trên địa bàn tỉnh là 81 chợ." in doc.text
    csv = _cp1258("Chỉ tiêu;ĐVT;Quý I/2023;Quý II/2023\r\n"
                  "Số cửa hàng tiện lợi;cửa hàng;57;63\r\nDoanh thu bán lẻ;tỷ đồng;310;342\r\n")
    doc = read_upload("bach_hoa_2023.csv", csv)
    assert "Quý II/2023 — Số cửa hàng tiện lợi: 63 cửa hàng (dòng 2)" in doc.text
    page = ('<html><head><meta charset="windows-1252"><title>Xu\u00caT KH\u00c8U</title></head>'
            f"<body><article><p>{_TCVN3_LINE}</p><p>{_TCVN3_RUN}</p></article></body></html>")
    doc = read_upload("xnk.html", page.encode("cp1252"))
    assert "kim ngạch nhập khẩu của tỉnh đạt 1.876 triệu USD" in doc.text
    service = _service(tmp_path)
    service.add_document(read_upload("bach_hoa_2023.csv", csv))
    assert service.ask("số cửa hàng tiện lợi quý II/2023?").answer == "63 cửa hàng"


def test_8bit_text_that_is_no_vietnamese_is_refused_naming_the_encoding() -> None:
    with pytest.raises(IngestError, match=r"not UTF-8 text.*Windows-1258"):
        read_upload("x.txt", "Grüße aus München, schöne Straße, Öl".encode("latin-1"))
    with pytest.raises(IngestError, match=r"not UTF-8 text"):
        read_upload("y.csv", bytes(range(0x80, 0x100)) * 4)


# --- 8. --strict names every unreadable file; the original's name kept for a duplicate -------

def test_strict_names_every_unreadable_file(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a_ok.txt").write_text("Năm 2019 xuất khẩu đạt 10 triệu USD.", "utf-8")
    (folder / "b_scan.txt").write_bytes(b"%PDF-1.4\x00\x00\x01binary")
    (folder / "c_empty.csv").write_bytes(b"   \n")
    (folder / "d_latin.txt").write_bytes("Grüße aus München, schöne Straße".encode("latin-1"))
    service = _service(tmp_path)
    with pytest.raises(IngestError) as err:
        service.index_paths([folder], strict=True)
    message = str(err.value)
    assert "\n" not in message and message.startswith("3 of 4 files cannot be read")
    for name in ("b_scan.txt", "c_empty.csv", "d_latin.txt"):
        assert str(folder / name) in message
    report = service.index_paths([folder])  # without --strict: read what can be, name the rest
    assert report.added == ["a_ok"] and len(report.skipped) == 3


def test_duplicates_keep_the_original_name(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    text = ("Báo cáo tháng 4 năm 2021\n\nTháng 4/2021, kim ngạch xuất khẩu qua địa bàn tỉnh "
            "đạt 97 triệu USD. Kim ngạch nhập khẩu đạt 64 triệu USD.\n")
    for name in ("bc_thang_4_2021 (1).txt", "bc_thang_4_2021.txt", "bc_thang_4_2021 - Copy.txt"):
        (folder / name).write_text(text, "utf-8")
    service = _service(tmp_path)
    service.index_paths([folder])
    hits = service.search("kim ngạch xuất khẩu tháng 4/2021", top_k=5).hits
    assert hits[0].chunk.doc_id == "bc_thang_4_2021"
    assert len({h.chunk.text for h in hits}) == len(hits)
    answer = service.ask("kim ngạch xuất khẩu tháng 4/2021?")
    assert answer.citations[0].doc_id == "bc_thang_4_2021"


def test_uploads_of_one_text_cite_the_one_the_upload_names_original(tmp_path: Path) -> None:
    """Two uploads of one text, the copy-named first: the file not named as a copy is the
    original whatever the order (rag.search.copies.first_of), so the second upload is no
    copy, and search and answers cite that same one -- one original for every door, not
    the upload reply one document and the citation another."""
    service = _service(tmp_path)
    data = "Báo cáo quý I/2022\n\nQuý I/2022, số chợ trên địa bàn tỉnh là 82 chợ.\n".encode()
    service.add_document(read_upload("cho_quy_1 (2).txt", data))
    second = service.add_document(read_upload("cho_quy_1.txt", data))
    assert second.duplicate_of is None
    assert service.duplicate_of(service.document("cho_quy_1_2")) == "cho_quy_1"
    hits = service.search("số chợ quý I/2022", top_k=3).hits
    assert hits[0].chunk.doc_id == "cho_quy_1"
    assert service.ask("số chợ quý I/2022?").citations[0].doc_id == "cho_quy_1"
