"""Where a table's period is written outside its cells, and how a ";" CSV with a note row is
read (break-test bt16g of issue 16, items 5-6):

- a DOCX whose period stands only in its running FOOTER ("Báo cáo kết quả Quý III năm 2032")
  dates its body as a header would (``rag.ingest.word.footer_titles``); a footer of only an
  issue number or an address dates nothing;
- a CSV of ";", "|" or tab cells with a one-cell note row ("Ghi chú: …") or title row is read
  as a table, never silently as one column of raw text (``rag.ingest.sheets.csv_dialect``);
- a COLUMN "Cùng kỳ 2021" / "Cùng kỳ năm trước" after "5 tháng 2022" is the same part of that
  year, "5 tháng 2021", in every reader (``rag.ingest.tables.same_period_columns``), as the
  row of the same words already was.
Invented provinces, documents and figures."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import empty_service
from helpers import docx_bytes, docx_fill, titled_table_file

from rag.ingest.uploads import read_upload

# --- 1. the footer names the report's period -------------------------------------------------

# (name, header, footer, table rows, subject, period, answer, a period that must stay refused)
_FOOTERS = [
    ("qltt_q3", "Số 342/BC-SCT, ngày 08/10/2032", "Báo cáo kết quả Quý III năm 2032",
     [["Chỉ tiêu", "ĐVT", "Kết quả"], ["Số vụ buôn lậu bị phát hiện", "vụ", "87"],
      ["Hàng hóa tiêu hủy", "lô hàng", "23"]],
     "số vụ buôn lậu bị phát hiện", "quý III năm 2032", "87 vụ", "quý II năm 2032"),
    ("hoachat_6t", None, "Báo cáo 6 tháng đầu năm 2041 - Sở Công Thương",
     [["Chỉ tiêu", "ĐVT", "Kết quả"], ["Cơ sở hóa chất được kiểm tra", "cơ sở", "42"],
      ["Kế hoạch ứng phó sự cố được duyệt", "kế hoạch", "15"]],
     "số cơ sở hóa chất được kiểm tra", "6 tháng đầu năm 2041", "42 cơ sở", "năm 2040"),
    ("khuyencong_t8", "SỞ CÔNG THƯƠNG TỈNH BẮC ĐỒNG",
     "Báo cáo tình hình khuyến công tháng 8 năm 2035",
     [["Nội dung", "Đơn vị tính", "Số lượng"], ["Đề án khuyến công được hỗ trợ", "đề án", "9"],
      ["Lớp tập huấn", "lớp", "6"]],
     "số đề án khuyến công được hỗ trợ", "tháng 8 năm 2035", "9 đề án", "tháng 7 năm 2035"),
]


def _footer_docx(header: str | None, footer: str, rows: list[list[str]]) -> bytes:
    import docx

    d = docx.Document()
    if header:
        d.sections[0].header.paragraphs[0].text = header
    d.sections[0].footer.paragraphs[0].text = footer
    d.add_paragraph("Kết quả thực hiện nhiệm vụ")
    docx_fill(d.add_table(rows=len(rows), cols=len(rows[0])), rows)
    return docx_bytes(d)


@pytest.fixture(scope="module")
def footer_service(tmp_path_factory):
    svc = empty_service(tmp_path_factory.mktemp("footer"))
    for name, header, footer, rows, *_ in _FOOTERS:
        svc.add_document(read_upload(f"{name}.docx", _footer_docx(header, footer, rows)))
    return svc


@pytest.mark.parametrize("case", _FOOTERS, ids=[c[0] for c in _FOOTERS])
def test_the_footers_period_dates_the_table(footer_service, case) -> None:
    name, _, _, _, subject, period, value, _ = case
    got = footer_service.ask(f"{subject} {period}?")
    assert got.found and got.answer == value, got.answer
    assert got.citations[0].doc_id == name


@pytest.mark.parametrize("case", _FOOTERS, ids=[c[0] for c in _FOOTERS])
def test_another_period_is_still_refused(footer_service, case) -> None:
    _, _, _, _, subject, _, value, other = case
    got = footer_service.ask(f"{subject} {other}?")
    assert not (got.found and value in got.answer), got.answer


def test_a_footer_of_an_issue_number_only_dates_nothing() -> None:
    data = _footer_docx(None, "Số 118/BC-SCT, ngày 05/4/2033 - Trang 1", _FOOTERS[0][3])
    doc = read_upload("issue_only.docx", data)
    assert doc.title == "Kết quả thực hiện nhiệm vụ"


# --- 2. a CSV with a note or title row ----------------------------------------------------------

_CSVS = [
    ("maytre.csv", "\ufeffChỉ tiêu;Năm 2031;Năm 2032;Đơn vị\nTổ hợp tác nghề mây tre;14;19;tổ\n"
     "Sản lượng mành tre;62.500;70.140;chiếc\nGhi chú: số liệu năm 2032 là ước tính\n",
     "Năm 2032 — Tổ hợp tác nghề mây tre: 19 tổ", "số tổ hợp tác nghề mây tre năm 2032?", "19 tổ"),
    ("cho.csv", "Biểu 2. Chợ trên địa bàn\nLoại chợ|Năm 2036|Năm 2037\nChợ hạng I|3|4\n"
     "Chợ hạng II|17|18\nGhi chú: chợ hạng III không tính\n",
     "Năm 2037 — Chợ hạng II: 18", "số chợ hạng II năm 2037?", "18"),
    ("xang.csv", "Chỉ tiêu\tNăm 2044\tNăm 2045\nLượng xăng bán ra (m3)\t52,5\t58,1\n"
     "Lượng dầu bán ra (m3)\t37,9\t38,3\nGhi chú: làm tròn số\nNguồn: Sở Công Thương\n",
     "Năm 2045 — Lượng xăng bán ra: 58,1 m3", "lượng xăng bán ra năm 2045?", "58,1 m3"),
]


@pytest.mark.parametrize("case", _CSVS, ids=[c[0] for c in _CSVS])
def test_a_csv_with_a_note_row_is_read_as_a_table(case, tmp_path: Path) -> None:
    name, raw, line, question, answer = case
    doc = read_upload(name, raw.encode())
    assert line in doc.text, doc.text
    service = empty_service(tmp_path)
    service.add_document(doc)
    got = service.ask(question)
    assert got.found and got.answer == answer, got.answer


def test_decimal_commas_do_not_make_a_comma_csv() -> None:
    """Near miss: "," appears in ";" cells as the decimal mark, a varying number of times."""
    raw = ("Chỉ tiêu;Năm 2031;Năm 2032\nĐiện thương phẩm (triệu kWh);1.206,8;1.342,5\n"
           "Tỷ lệ tổn thất (%);5,1;4,9\nGhi chú: số liệu sơ bộ, chưa kiểm toán, làm tròn\n")
    text = read_upload("dien.csv", raw.encode()).text
    assert "Năm 2032 — Điện thương phẩm: 1.342,5 triệu kWh" in text, text


# --- 3. a column "Cùng kỳ" ------------------------------------------------------------------

_ROWS = [["Chỉ tiêu", "Tháng 5/2042", "5 tháng 2042", "Cùng kỳ 2041"],
         ["Khách lưu trú (lượt người)", "41.250", "186.300", "97.420"],
         ["Cơ sở lưu trú đạt chuẩn (cơ sở)", "216", "214", "198"]]
_PREV = [["Chỉ tiêu", "9 tháng 2043", "Cùng kỳ năm trước"],
         ["Điện sản xuất (triệu kWh)", "1.342,5", "1.206,8"],
         ["Nhà máy thủy điện nhỏ (nhà máy)", "14", "12"]]


_KINDS = ["xlsx", "csv", "html", "docx", "pdf"]


@pytest.mark.parametrize("kind", _KINDS)
@pytest.mark.parametrize("rows, title, line", [
    (_ROWS, "Biểu 4: Dịch vụ lưu trú",
     "Cùng kỳ 2041 (5 tháng 2041) — Cơ sở lưu trú đạt chuẩn: 198 cơ sở"),
    (_PREV, "SẢN XUẤT ĐIỆN 9 THÁNG NĂM 2043",
     "Cùng kỳ năm trước (9 tháng 2042) — Điện sản xuất: 1.206,8 triệu kWh"),
])
def test_a_same_period_column_is_the_same_part_of_its_year(kind, rows, title, line) -> None:
    text = read_upload(*titled_table_file(kind, rows, title)).text
    assert line in text, text


@pytest.mark.parametrize("kind", ["xlsx", "csv", "docx"])
@pytest.mark.parametrize("rows, title, question, answer", [
    (_ROWS, "Biểu 4: Dịch vụ lưu trú", "số cơ sở lưu trú đạt chuẩn 5 tháng năm 2041?",
     "198 cơ sở"),
    (_ROWS, "Biểu 4: Dịch vụ lưu trú", "số khách lưu trú 5 tháng 2042?", "186.300 lượt người"),
    (_PREV, "SẢN XUẤT ĐIỆN 9 THÁNG NĂM 2043", "điện sản xuất 9 tháng năm 2042?",
     "1.206,8 triệu kWh"),
    (_PREV, "SẢN XUẤT ĐIỆN 9 THÁNG NĂM 2043", "số nhà máy thủy điện nhỏ 9 tháng năm 2043?",
     "14 nhà máy"),
])
def test_a_same_period_column_is_answered(kind, rows, title, question, answer,
                                          tmp_path: Path) -> None:
    service = empty_service(tmp_path)
    service.add_document(read_upload(*titled_table_file(kind, rows, title)))
    got = service.ask(question)
    assert got.found and got.answer == answer, got.answer


@pytest.mark.parametrize("question, wrong", [
    ("số cơ sở lưu trú đạt chuẩn tháng 5/2041?", "198 cơ sở"),  # 5 months, not the month
    ("số cơ sở lưu trú đạt chuẩn cùng kỳ năm 2041?", "214 cơ sở"),  # never the 2042 cell
])
def test_the_month_a_year_earlier_is_not_answered(question, wrong, tmp_path: Path) -> None:
    service = empty_service(tmp_path)
    service.add_document(read_upload(*titled_table_file("xlsx", _ROWS, "Biểu 4: Dịch vụ lưu trú")))
    got = service.ask(question)
    # "cùng kỳ năm 2041" in a question is still read as a comparison's base, no period asked
    # (rag.vi.periods): the 2042 cell may come back, but never as sure (it was at 0.91)
    assert not (got.found and got.answer == wrong and got.confidence >= 0.9), got
    assert not (got.found and "216" in got.answer), got.answer
