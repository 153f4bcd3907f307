"""The reviewer's third round on issue 16: news pages built from plain ``<div>``s, PDFs with
wide line spacing, spreadsheet number and date formats, RFC 5987 file names beside an ASCII
fallback, a strict run that refuses, invisible characters that moved a confidence, and
reference numbers listed as figures.  Every document is built here, small."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import FakeEmbedder

from rag.ingest.uploads import read_upload
from rag.service import RagService
from rag.settings import Settings


def _service(tmp_path: Path) -> RagService:
    return RagService(Settings(index_dir=tmp_path / "index", sessions_db=tmp_path / "s.db"),
                      embedder=FakeEmbedder())


# --- 1. a news page of plain <div>s: the article without its sidebars ------------------------

_PARAGRAPH = ("Lãnh đạo Sở Công Thương cho biết các doanh nghiệp tiếp tục mở rộng thị trường, "
              "đẩy mạnh xúc tiến thương mại và tận dụng các hiệp định thương mại tự do. ")


def _div_page(named: bool, long: bool, sidebar_first: bool) -> str:
    """A page of nested <div>s only: no <article>, <aside>, <nav>, <header> or <footer>.
    ``named``: the site's divs carry class names (sidebar, widget, footer, menu); else none."""
    def cls(name: str) -> str:
        return f' class="{name}"' if named else ""

    menu = (f'<div{cls("menu-top")}><a href="/">Trang chủ</a> <a href="/tt">Tin tức</a> '
            '<a href="/vb">Văn bản</a></div>')
    hot = (f'<div{cls("box-tin-noi-bat")}><div>Tin nổi bật</div>'
           '<div><a href="/a1">Cả nước: kim ngạch xuất khẩu 9 tháng năm 2019 đạt 194.300 triệu '
           'USD, tăng 10,2% so với cùng kỳ</a></div>'
           '<div><a href="/a2">Cao Bằng: kim ngạch xuất khẩu 9 tháng năm 2019 đạt 250 triệu '
           'USD</a></div></div>')
    article = (f'<div{cls("detail")}><div>Xuất khẩu 9 tháng năm 2019 tăng trưởng khá</div>'
               '<div>08/10/2019 09:00</div>'
               '<div>Theo Sở Công Thương, kim ngạch xuất khẩu 9 tháng năm 2019 của tỉnh Lạng Sơn '
               'đạt 1.102 triệu USD, tăng 9% so với cùng kỳ năm 2018.</div>'
               f'<div>{_PARAGRAPH * (6 if long else 2)}</div>'
               '<table><tr><td>Chỉ tiêu</td><td>9 tháng 2019</td></tr>'
               '<tr><td>Kim ngạch xuất khẩu</td><td>1.102 triệu USD</td></tr>'
               '<tr><td>Kim ngạch nhập khẩu</td><td>640 triệu USD</td></tr></table>'
               f'<div>{_PARAGRAPH * (4 if long else 1)}</div>'
               f'<div{cls("tin-lien-quan")}><div>Tin liên quan</div>'
               '<div><a href="/b1">Bắc Giang: kim ngạch xuất khẩu 9 tháng năm 2019 đạt 3.500 '
               'triệu USD</a></div><div><a href="/b2">Hội chợ Việt - Trung 2019</a></div></div>'
               '</div>')
    side = (f'<div{cls("col-right sidebar")}><div{cls("widget")}><div>Thống kê truy cập</div>'
            '<div>Đang online: 25</div><div>Lượt truy cập: 123456</div></div>'
            f'<div{cls("widget hotline")}>Đường dây nóng: 0205 3 812 345</div></div>')
    foot = (f'<div{cls("footer")}><div>Sở Công Thương tỉnh Lạng Sơn, số 2 Hùng Vương</div>'
            '<div>Hotline: 0912 345 678. Lượt truy cập: 98765</div></div>')
    parts = [menu, side, hot, article, foot] if sidebar_first else \
        [menu, hot, article, side, foot]
    return ('<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
            '<title>Xuất khẩu 9 tháng năm 2019 tăng trưởng khá | Sở Công Thương Lạng Sơn</title>'
            '<meta property="og:title" content="Xuất khẩu 9 tháng năm 2019 tăng trưởng khá">'
            '<meta property="article:published_time" content="2019-10-08T09:00:00+07:00">'
            '</head><body><div id="wrapper">' + "".join(parts) + "</div></body></html>")


_CHROME = ("194.300", "Cao Bằng", "Bắc Giang", "3.500", "Tin nổi bật", "Tin liên quan",
           "Lượt truy cập", "123456", "Đang online", "Đường dây nóng", "Hotline", "Trang chủ",
           "Thống kê truy cập", "Hội chợ")


@pytest.mark.parametrize("named", [True, False], ids=["classes", "no-classes"])
@pytest.mark.parametrize("long", [True, False], ids=["long", "short"])
@pytest.mark.parametrize("sidebar_first", [True, False], ids=["side-first", "side-after"])
def test_div_page_keeps_the_article_only(named: bool, long: bool, sidebar_first: bool) -> None:
    doc = read_upload("xk-9t-2019.html", _div_page(named, long, sidebar_first).encode())
    assert [c for c in _CHROME if c in doc.text] == []
    assert doc.title == "Xuất khẩu 9 tháng năm 2019 tăng trưởng khá"
    assert doc.date == "2019-10-08"
    assert "đạt 1.102 triệu USD, tăng 9%" in doc.text
    # the table as rows, its cells apart
    assert "9 tháng 2019 — Kim ngạch xuất khẩu: 1.102 triệu USD" in doc.text
    assert "9 tháng 2019 — Kim ngạch nhập khẩu: 640 triệu USD" in doc.text


def test_div_page_question_is_not_answered_from_the_sidebar(tmp_path: Path) -> None:
    service = _service(tmp_path)
    service.add_document(read_upload("xk.html", _div_page(False, True, True).encode()))
    answer = service.ask("kim ngạch xuất khẩu 9 tháng năm 2019?")
    assert answer.answer == "1.102 triệu USD"
    assert all("194.300" not in c.quote for c in answer.citations)


def test_the_date_of_an_element_named_for_it_not_of_a_related_article() -> None:
    page = ('<html><head><title>Họp báo quý I/2024</title></head><body>'
            '<div class="detail"><h1>Họp báo quý I/2024</h1>'
            '<div class="meta"><span class="date">05/04/2024 11:02 GMT+7</span></div>'
            f'<p>Tính đến ngày 25/3/2024, xuất khẩu đạt 603,8 triệu USD. {_PARAGRAPH * 8}</p>'
            '</div><div class="other"><ul><li><a href="/x">Giá xăng tăng</a> '
            '<span class="time">(04/04/2024)</span></li><li><a href="/y">Tin khác</a> '
            '<span class="time">(01/03/2024)</span></li></ul></div></body></html>')
    doc = read_upload("hop-bao.html", page.encode())
    assert doc.date == "2024-04-05"
    assert "Giá xăng" not in doc.text


def test_layout_table_is_read_as_blocks_not_as_a_figure_table() -> None:
    page = ("<html><body><table><tr><td><div>Menu</div></td><td>"
            f"<p>Năm 2020 xuất khẩu đạt 10 triệu USD. {_PARAGRAPH}</p>"
            "<table><tr><td>Chỉ tiêu</td><td>Năm 2020</td></tr>"
            "<tr><td>Nhập khẩu</td><td>8 triệu USD</td></tr></table></td></tr></table>"
            "</body></html>")
    doc = read_upload("layout.html", page.encode())
    assert "Năm 2020 — Nhập khẩu: 8 triệu USD" in doc.text
    assert re.search(r"^Năm 2020 xuất khẩu đạt 10 triệu USD\.", doc.text, re.M)


# --- 2. PDFs with wide line spacing: lines joined by layout -----------------------------------


def _spaced_pdf(pitch: float, gap: float, size: float = 11) -> bytes:
    """A report page in DejaVu Sans (fpdf2): a heading, then two paragraphs whose lines stand
    ``pitch`` points apart (11 pt type: 13 is single spacing, 22 double) with ``gap`` more
    points between the paragraphs; each paragraph's figure starts a line."""
    fpdf = pytest.importorskip("fpdf")
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    import scan_pages

    pdf = fpdf.FPDF(format="A4", unit="pt")
    pdf.add_font("DejaVu", fname=str(scan_pages.font_path()))
    pdf.add_page()
    pdf.set_font("DejaVu", size=size + 4)
    pdf.text(72, 70, "BÁO CÁO XUẤT NHẬP KHẨU QUÝ II NĂM 2023")
    pdf.set_font("DejaVu", size=size)
    paragraphs = [["Theo báo cáo của Sở Công Thương tỉnh Lạng Sơn, trong quý II năm 2023,",
                   "kim ngạch xuất khẩu hàng hóa qua các cửa khẩu trên địa bàn tỉnh đạt",
                   "1.234 triệu USD, tăng 12,5% so với cùng kỳ năm trước."],
                  ["Cũng trong quý II năm 2023, kim ngạch nhập khẩu của các doanh nghiệp",
                   "trên địa bàn tỉnh ước đạt",
                   "987 triệu USD, giảm 3,1% so với cùng kỳ."]]
    y = 70 + 3 * pitch
    for lines in paragraphs:
        for line in lines:
            pdf.text(72, y, line)
            y += pitch
        y += gap
    return bytes(pdf.output())


@pytest.mark.parametrize("pitch, gap", [(13, 8), (19, 12), (22, 0), (22, 14), (28, 20), (33, 24)])
def test_pdf_lines_join_by_the_page_s_own_spacing(pitch: float, gap: float) -> None:
    doc = read_upload("xnk-q2.pdf", _spaced_pdf(pitch, gap))
    text = doc.text
    assert "trên địa bàn tỉnh đạt 1.234 triệu USD, tăng 12,5%" in text
    assert "doanh nghiệp trên địa bàn tỉnh ước đạt 987 triệu USD" in text
    # the paragraphs and the heading stay apart
    assert "năm trước.\n\nCũng trong quý II" in text
    assert doc.title == "BÁO CÁO XUẤT NHẬP KHẨU QUÝ II NĂM 2023"  # the heading, alone
    assert text.startswith("Theo báo cáo")


def test_pdf_figure_keeps_its_indicator_in_a_double_spaced_report(tmp_path: Path) -> None:
    service = _service(tmp_path)
    service.add_document(read_upload("xnk-q2.pdf", _spaced_pdf(24, 16)))
    answer = service.ask("kim ngạch xuất khẩu quý II năm 2023?")
    assert answer.answer == "1.234 triệu USD"
    answer = service.ask("kim ngạch nhập khẩu quý II năm 2023?")
    assert answer.answer == "987 triệu USD"


def test_pdf_two_lines_far_apart_make_one_sentence() -> None:
    fpdf = pytest.importorskip("fpdf")
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    import scan_pages

    pdf = fpdf.FPDF(format="A4", unit="pt")
    pdf.add_font("DejaVu", fname=str(scan_pages.font_path()))
    pdf.add_page()
    pdf.set_font("DejaVu", size=12)
    pdf.text(72, 100, "Năm 2021, kim ngạch xuất khẩu của tỉnh đạt")
    pdf.text(72, 136, "2.345 triệu USD.")  # three line heights below
    text = read_upload("xk-2021.pdf", bytes(pdf.output())).text
    assert "kim ngạch xuất khẩu của tỉnh đạt 2.345 triệu USD." in text


# --- 3. spreadsheet cells as the sheet shows them ----------------------------------------------


def _formatted_xlsx() -> bytes:
    import datetime as dt
    import io

    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "XNK 2024"
    ws.append(["Chỉ tiêu", "ĐVT", dt.datetime(2024, 1, 1), dt.datetime(2024, 2, 1),
               dt.datetime(2024, 3, 1), "Năm 2023"])
    ws.append(["Kim ngạch xuất khẩu", "Triệu USD", 1234.5678, 987.04, 1500, 12345.678])
    ws.append(["Tỷ trọng hàng địa phương", "Triệu USD", 0.052, 0.0487, 0.05, 0.1])
    ws.append(["Kim ngạch nhập khẩu", "", 1234567890, 2100.5, 3.14159, 45])
    ws["C1"].number_format = "mm/yyyy"
    ws["D1"].number_format = "m/yyyy"
    ws["E1"].number_format = "mmm-yy"
    for cell, fmt in (("C2", "#,##0.0"), ("D2", "#,##0.00_);[Red](#,##0.00)"), ("E2", "#,##0"),
                      ("F2", "#,##0.0##"), ("C3", "0.0%"), ("D3", "0.00%"), ("E3", "0%"),
                      ("F3", "0.0%"), ("C4", '#,##0,, "triệu USD"'),
                      ("D4", '#,##0.0 "triệu USD"'), ("E4", "0.00"), ("F4", '0 "triệu USD"')):
        ws[cell].number_format = fmt
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_xlsx_numbers_and_month_headers_read_as_the_sheet_shows_them(tmp_path: Path) -> None:
    doc = read_upload("xnk-2024.xlsx", _formatted_xlsx())
    lines = [line.split(" (trang tính")[0] for line in doc.text.split("\n")]
    for line in ("tháng 1/2024 — Kim ngạch xuất khẩu: 1.234,6 triệu USD",
                 "tháng 2/2024 — Kim ngạch xuất khẩu: 987,04 triệu USD",
                 "tháng 3/2024 — Kim ngạch xuất khẩu: 1.500 triệu USD",
                 "Năm 2023 — Kim ngạch xuất khẩu: 12.345,678 triệu USD",
                 # a percentage is in %, never in the row's unit
                 "tháng 1/2024 — Tỷ trọng hàng địa phương: 5,2%",
                 "tháng 2/2024 — Tỷ trọng hàng địa phương: 4,87%",
                 "tháng 3/2024 — Tỷ trọng hàng địa phương: 5%",
                 "Năm 2023 — Tỷ trọng hàng địa phương: 10,0%",
                 # thousands scaled away, and the unit the format writes
                 "tháng 1/2024 — Kim ngạch nhập khẩu: 1.235 triệu USD",
                 "tháng 2/2024 — Kim ngạch nhập khẩu: 2.100,5 triệu USD",
                 "tháng 3/2024 — Kim ngạch nhập khẩu: 3,14",
                 "Năm 2023 — Kim ngạch nhập khẩu: 45 triệu USD"):
        assert line in lines, line
    assert "1234.5678" not in doc.text and "2024-01-01" not in doc.text
    assert "00:00" not in doc.text and "01/01/2024" not in doc.text
    service = _service(tmp_path)
    service.add_document(doc)
    answer = service.ask("kim ngạch xuất khẩu tháng 2/2024?")
    assert answer.answer == "987,04 triệu USD"


@pytest.mark.parametrize("header, month", [("01/2024", "tháng 1/2024"),
                                           ("T3/2024", "tháng 3/2024"),
                                           ("Th 11-2023", "tháng 11/2023"),
                                           ("13/2024", "13/2024")])
def test_month_headers_typed_as_text(header: str, month: str) -> None:
    from rag.ingest.tables import table_lines

    assert table_lines([["Chỉ tiêu", header], ["Xuất khẩu (triệu USD)", "12,5"]]) == \
        [f"{month} — Xuất khẩu: 12,5 triệu USD"]


def test_date_cells_by_their_format() -> None:
    import datetime as dt

    from rag.ingest.sheets import date_text

    day = dt.datetime(2025, 6, 5, 14, 30)
    assert date_text(day, "yyyy") == "năm 2025"
    assert date_text(day, '"Tháng "m/yyyy') == "tháng 6/2025"
    assert date_text(day, "[$-42A]mmmm yyyy") == "tháng 6/2025"
    assert date_text(day, "dd/mm/yyyy") == "05/06/2025"
    assert date_text(day, "dd/mm/yyyy hh:mm") == "05/06/2025 14:30"


# --- 4. an RFC 5987 file name beside its ASCII fallback ----------------------------------------


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
    boundary = "b0undary16c"
    body = (f"--{boundary}\r\nContent-Disposition: {disposition}\r\n"
            "Content-Type: application/octet-stream\r\n\r\n").encode() + data + \
        f"\r\n--{boundary}--\r\n".encode()
    return client.post("/documents", content=body,
                       headers={"content-type": f"multipart/form-data; boundary={boundary}"})


_ENCODED = "B%C3%A1o%20c%C3%A1o%20th%C3%A1ng%207%202014"


@pytest.mark.parametrize("disposition", [
    # curl, browsers and requests-toolbelt send the ASCII fallback first ...
    f'form-data; name="file"; filename="Bao cao thang 7 2014.csv"; '
    f"filename*=UTF-8''{_ENCODED}.csv",
    # ... others after; the charset in either case; RFC 2231 continuations
    f"form-data; name=\"file\"; filename*=utf-8''{_ENCODED}.csv; "
    'filename="Bao cao thang 7 2014.csv"',
    "form-data; name=\"file\"; filename=\"bc.csv\"; filename*0*=utf-8''B%C3%A1o%20c%C3%A1o; "
    "filename*1*=%20th%C3%A1ng%207%202014.csv",
])
def test_the_utf8_file_name_wins_over_its_ascii_fallback(http, disposition: str) -> None:
    r = _post_file(http, disposition, "Chỉ tiêu;Tháng 7/2014\nXuất khẩu (triệu USD);51,2\n"
                   .encode())
    assert r.status_code == 201, r.text
    assert r.json()["id"] == "Báo_cáo_tháng_7_2014"
    doc = http.get("/documents/Báo_cáo_tháng_7_2014").json()
    assert doc["title"] == "Báo cáo tháng 7 2014"  # a CSV without a title row: its name


def test_an_unknown_charset_falls_back_to_the_plain_name(http) -> None:
    r = _post_file(http, 'form-data; name="file"; filename="bc-7.txt"; '
                         "filename*=x-unknown''B%C3%A1o.txt",
                   "Báo cáo\n\nTháng 7/2014 xuất khẩu đạt 5 triệu USD.".encode())
    assert r.status_code == 201, r.text
    assert r.json()["id"] == "bc-7"


# --- 5. a refused run leaves nothing behind --------------------------------------------------


def _tree_state(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()} if root.exists() else {}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    for n in range(12):  # enough passages for batches of embeddings before the bad file
        (docs / f"a{n}.txt").write_text(f"Tin {n}\n\nNăm 202{n} xuất khẩu đạt {n + 10} triệu USD."
                                        + " Doanh nghiệp mở rộng thị trường." * 40, "utf-8")
    (docs / "z-broken.pdf").write_bytes(b"%PDF-1.4 not really")
    return docs


@pytest.mark.parametrize("made", [False, True], ids=["no-dir", "empty-dir"])
def test_a_strict_refusal_in_a_fresh_index_dir_leaves_no_files(tmp_path: Path, folder: Path,
                                                               made: bool) -> None:
    from rag.errors import IngestError

    index_dir = tmp_path / "fresh"
    if made:
        index_dir.mkdir()
    service = RagService(Settings(index_dir=index_dir, sessions_db=tmp_path / "s.db"),
                         embedder=FakeEmbedder())
    with pytest.raises(IngestError, match="z-broken.pdf"):
        service.index_paths([folder], strict=True)
    assert index_dir.exists() == made
    assert _tree_state(index_dir) == {}


def test_a_strict_refusal_leaves_an_index_as_it_was(tmp_path: Path, folder: Path) -> None:
    from rag.errors import IngestError

    index_dir = tmp_path / "index"
    service = RagService(Settings(index_dir=index_dir, sessions_db=tmp_path / "s.db"),
                         embedder=FakeEmbedder())
    good = tmp_path / "good"
    good.mkdir()
    (good / "b.txt").write_text("Tin B\n\nNăm 2019 nhập khẩu đạt 5 triệu USD.", "utf-8")
    service.index_paths([good])
    before = _tree_state(index_dir)
    with pytest.raises(IngestError, match="z-broken.pdf"):
        service.index_paths([good, folder], strict=True)
    assert _tree_state(index_dir) == before  # not a vector cached, not a file added


def test_a_run_that_reads_no_file_leaves_no_index_dir(tmp_path: Path) -> None:
    from rag.errors import IngestError

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    index_dir = tmp_path / "fresh"
    service = RagService(Settings(index_dir=index_dir, sessions_db=tmp_path / "s.db"),
                         embedder=FakeEmbedder())
    with pytest.raises(IngestError, match="broken.pdf"):
        service.index_paths([docs])
    assert not index_dir.exists()


# --- 6. invisible characters change nothing ------------------------------------------------------

_REPORT = ("Lãnh đạo Sở Công Thương tỉnh Lạng Sơn báo cáo tình hình quý III năm 2020\n\n"
           "Theo Sở Công Thương, kim ngạch xuất khẩu quý III năm 2020 đạt 987 triệu USD, tăng "
           "5,2% so với cùng kỳ; kim ngạch nhập khẩu đạt 512 triệu USD, giảm 3,1%. Tổng mức bán "
           "lẻ hàng hóa và doanh thu dịch vụ tiêu dùng đạt 4.102,6 tỷ đồng. Có 126 doanh nghiệp "
           "thành lập mới. Lãnh đạo công tác tại cửa khẩu Hữu Nghị, Tân Thanh và Chi Ma; "
           "lượng xe hàng qua cửa khẩu bình quân 450–500 xe/ngày.\n\n"
           "Năm 2021, Sở phấn đấu kim ngạch xuất khẩu đạt 1.500 triệu USD.")
_QUESTIONS = ("kim ngạch xuất khẩu quý III năm 2020?", "nhập khẩu quý III/2020 giảm bao nhiêu?",
              "tổng mức bán lẻ quý III năm 2020", "bao nhiêu doanh nghiệp thành lập mới quý III "
              "năm 2020?", "lượng xe hàng qua cửa khẩu mỗi ngày quý III năm 2020",
              "kế hoạch xuất khẩu năm 2021", "kim ng\u00adạch xu\u200bất khẩu quý III năm 2020?")


def _spoil(text: str, marks: str, every: int = 3) -> str:
    """Every ``every``-th word of three or more letters with an invisible character after its
    second letter, the marks taken in turn (U+00AD is TCVN3's "ư" as well as a soft
    hyphen)."""
    count = iter(range(10**6))

    def put(m: re.Match[str]) -> str:
        n = next(count)
        word = m.group(0)
        return word[:2] + marks[n % len(marks)] + word[2:] if n % every == 0 else word
    return re.sub(r"[^\W\d_]{3,}", put, text)


def _docx_bytes(text: str) -> bytes:
    import io

    import docx

    d = docx.Document()
    for para in text.split("\n\n"):
        d.add_paragraph(para)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize("marks", ["\u00ad", "\u200b\u200c\u200d\u2060\ufeff",
                                   "\u00ad\u200b\u2060"], ids=["soft-hyphen", "zero-width",
                                                               "mixed"])
@pytest.mark.parametrize("suffix", [".txt", ".docx"])
@pytest.mark.parametrize("every", [1, 2, 3])
def test_invisible_characters_leave_answers_and_confidence_alone(tmp_path: Path, marks: str,
                                                                 suffix: str,
                                                                 every: int) -> None:
    def read(text: str):
        data = text.encode() if suffix == ".txt" else _docx_bytes(text)
        return read_upload(f"bc-q3-2020{suffix}", data)

    clean, spoilt = read(_REPORT), read(_spoil(_REPORT, marks, every))
    assert spoilt.text == clean.text and spoilt.title == clean.title
    results = []
    for n, doc in enumerate((clean, spoilt)):
        service = _service(tmp_path / str(n))
        service.add_document(doc)
        results.append([(a.answer, a.confidence, a.sure) for a in map(service.ask, _QUESTIONS)])
    assert results[0] == results[1]
    assert results[0][0][0] == "987 triệu USD"


def test_a_soft_hyphen_in_an_html_page() -> None:
    page = ("<html><head><title>Lã&shy;nh đạo Sở Công Thương</title></head><body>"
            f"<p>{_spoil(_REPORT, chr(0xAD)).replace(chr(10), '</p><p>')}</p></body></html>")
    doc = read_upload("q3.html", page.encode())
    assert "Lãnh đạo Sở Công Thương tỉnh Lạng Sơn" in doc.text + doc.title
    assert "kim ngạch xuất khẩu quý III năm 2020 đạt 987 triệu USD" in doc.text


def test_tcvn3_text_keeps_its_u_horn() -> None:
    from rag.ingest.legacy import to_unicode

    # "ư" is U+00AD in TCVN3: a legacy text's are letters, not soft hyphens
    tcvn3 = "N\u00a8m 2015, kim ng\u00b9ch xu\u00cat kh\u00c8u c\u00f1a c\u00e1c doanh " \
        "nghi\u00d6p t\u00adnh\u00e2n t\u00a8ng m\u1ea1nh"
    text, encoding = to_unicode(tcvn3.replace("\u1ea1", "\u00b9"))
    assert encoding == "tcvn3" and "tư" in text


# --- 7. the figure table lists measured values, not citations --------------------------------

_CITING_REPORT = """Báo cáo tình hình xuất nhập khẩu năm 2023

Căn cứ Điều 3 Quyết định 12/QĐ-UBND và khoản 1, 2 Điều 5 Nghị định 98/2020/NĐ-CP, theo Thông \
tư 38 và Phụ lục 2 (trang 12, dòng 7), năm 2023 kim ngạch xuất khẩu của tỉnh đạt 1.234 triệu \
USD(1), tăng 5,2% so với năm 2022 [2].
Kim ngạch nhập khẩu năm 2023 đạt 980 triệu USD (3); tại mục 4, tiết 2 và Chương II, Phần 4, \
trang 3/12 báo cáo nêu rõ các giải pháp.
1.1. Doanh nghiệp
Năm 2023 có 126 doanh nghiệp thành lập mới, theo Điều 3, 4 và 5 của Luật Doanh nghiệp.
(1) Số liệu ước tính. (2) Theo Cục Hải quan. (3) Sơ bộ."""


def _figure_values(service: RagService) -> list[str]:
    return sorted(r.figure.value for r in service.figures(limit=1000).rows)


def test_figures_are_measured_values_not_article_page_or_footnote_numbers(
        tmp_path: Path) -> None:
    service = _service(tmp_path)
    service.add_document(read_upload("xnk-2023.txt", _CITING_REPORT.encode()))
    assert _figure_values(service) == ["1.234 triệu USD", "126 doanh nghiệp", "5,2%",
                                       "980 triệu USD"]


def test_figures_of_tables_leave_row_numbers_out(tmp_path: Path) -> None:
    import io

    import docx
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Chỉ tiêu"
    ws.append(["STT", "Chỉ tiêu", "ĐVT", "Năm 2023"])
    ws.append([1, "Kim ngạch xuất khẩu", "Triệu USD", 1234])
    ws.append([2, "Kim ngạch nhập khẩu", "Triệu USD", 980])
    buf = io.BytesIO()
    wb.save(buf)
    d = docx.Document()
    d.add_paragraph("Bảng 1. Thu ngân sách năm 2023")
    rows = [("", "Chỉ tiêu", "Thực hiện 2023"), ("1", "1. Thu nội địa (tỷ đồng)", "3.212,7"),
            ("2", "2. Thu từ xuất nhập khẩu (tỷ đồng)", "4.602,7"),
            ("3", "3) Thu khác (tỷ đồng)", "15,4")]
    table = d.add_table(rows=len(rows), cols=3)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    dbuf = io.BytesIO()
    d.save(dbuf)
    service = _service(tmp_path)
    service.add_document(read_upload("chi-tieu.xlsx", buf.getvalue()))
    service.add_document(read_upload("ngan-sach.docx", dbuf.getvalue()))
    rows_ = service.figures(limit=1000).rows
    assert sorted(r.figure.value for r in rows_) == [
        "1.234 triệu USD", "15,4 tỷ đồng", "3.212,7 tỷ đồng", "4.602,7 tỷ đồng",
        "980 triệu USD"]
    assert all(r.figure.indicator for r in rows_)
    # GET /figures lists the same
    from fastapi.testclient import TestClient

    from api.http.app import create_app

    with TestClient(create_app(service.settings, service=service)) as client:
        listed = client.get("/figures", params={"limit": 1000}).json()["rows"]
    assert sorted(r["figure"]["value"] for r in listed) == sorted(r.figure.value for r in rows_)
