"""Scanned statistics tables in the layouts offices print them (issue 21): an "STT" column a
few letters wide, a "ĐVT" column, headers of two lines, month, quarter and year columns,
tables ruled in full, ruled only around their body, or not at all.  Each is drawn by
bench/scan_pages.py on the second page of a scanned report, uploaded, read by the real
Tesseract, and asked about: the figure of the column the question names comes back with its
page cited, as for the same table typed."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.http.app import create_app
from rag.ingest.ocr_layout import Word, layout, words_of
from rag.ingest.rulings import Grid
from rag.ingest.tables import table_lines
from rag.service import RagService
from rag.settings import Settings
from rag.vi.frames import extract
from rag.vi.text import normalize

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from scan_pages import Table, draw_page, scanned_pdf  # noqa: E402

INTRO = ("Thực hiện chế độ báo cáo thống kê, Sở Công Thương tổng hợp một số chỉ tiêu chủ yếu "
         "của ngành trên địa bàn tỉnh theo biểu kèm theo.")

# the layout a break-test found losing its header (its columns' widths and its cells'
# padding measured on its image): ruled, a narrow STT and ĐVT column, text 2.5 pt from the
# rules, columns set wider than their text, a numbered first column
OFFICE = Table((("STT", "Chỉ tiêu", "ĐVT", "TH 8 tháng 2023", "Ước 8 tháng 2024",
                 "So sánh (%)"),
                ("1", "Điện sản xuất", "Triệu kWh", "388,1", "412,6", "106,3"),
                ("2", "Xi măng", "Nghìn tấn", "597,1", "623,8", "104,5"),
                ("3", "Gạch xây", "Triệu viên", "96,4", "101,2", "105,0")),
               widths=(26, 135, 60, 106, 113, 79), pad=2.5)
# headers of two lines, quarters, figures set right
QUARTERS = Table((("STT", "Chỉ tiêu", "ĐVT", "Thực hiện\nquý II/2023",
                   "Ước thực hiện\nquý II/2024", "So với\ncùng kỳ (%)"),
                  ("1", "Kim ngạch xuất khẩu", "Triệu USD", "512,7", "563,4", "109,9"),
                  ("2", "Kim ngạch nhập khẩu", "Triệu USD", "688,0", "702,5", "102,1"),
                  ("3", "Số lượt phương tiện", "Lượt", "41.203", "45.876", "111,3")),
                 right=True)
# years and a plan, no STT, a unit column named in full
YEARS = Table((("Chỉ tiêu", "Đơn vị tính", "Năm 2022", "Năm 2023", "Kế hoạch năm 2024"),
               ("Tổng mức bán lẻ hàng hóa", "Tỷ đồng", "24.310,5", "26.987,2", "29.500"),
               ("Số chợ", "Chợ", "134", "136", "140"),
               ("Số siêu thị", "Siêu thị", "12", "14", "16"),
               ("Số cửa hàng xăng dầu", "Cửa hàng", "168", "173", "180")), right=True)
# ruled around the body only (no line between its rows), "TT", a month and six months
FRAMED = Table((("TT", "Chỉ tiêu", "ĐVT", "Tháng 6/2024", "6 tháng 2024", "% so cùng kỳ"),
                ("1", "Sản lượng than sạch", "Nghìn tấn", "31,2", "187,4", "103,8"),
                ("2", "Sản lượng phân bón", "Nghìn tấn", "12,9", "74,6", "98,1"),
                ("3", "Nước máy thương phẩm", "Nghìn m3", "1.012", "5.988", "104,2")),
               rules="frame")
# no rules at all, headers of two lines
BARE = Table((("STT", "Chỉ tiêu", "ĐVT", "Thực hiện\ntháng 9/2023", "Ước thực hiện\ntháng 9/2024"),
              ("1", "Lượt khách du lịch", "Lượt", "84.512", "97.305"),
              ("2", "Doanh thu du lịch", "Tỷ đồng", "215,6", "248,9"),
              ("3", "Số cơ sở lưu trú", "Cơ sở", "402", "417")),
             rules="none")

TABLES = {"bieu-cong-nghiep": OFFICE, "bieu-xuat-nhap-khau": QUARTERS,
          "bieu-thuong-mai": YEARS, "bieu-san-xuat": FRAMED, "bieu-du-lich": BARE}


@dataclass
class Uploaded:
    client: TestClient
    texts: dict[str, str]


@pytest.fixture(scope="module")
def uploaded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Uploaded]:
    """A fresh index (real onnx-e5 embedder) with each table scanned on page 2 of a report (page 1:
    a paragraph), uploaded as a PDF of page images at 200 dpi."""
    base = tmp_path_factory.mktemp("ocr-tables")
    settings = Settings(index_dir=base / "index", sessions_db=base / "s.db",
                        rate_limit_per_minute=0)
    service = RagService(settings)
    with TestClient(create_app(settings, service=service)) as client:
        texts = {}
        for doc_id, table in TABLES.items():
            pdf = scanned_pdf([draw_page([INTRO], 200),
                               draw_page(["Biểu số liệu kèm theo báo cáo", table], 200)], 200)
            r = client.post("/documents", files={"file": (f"{doc_id}.pdf", pdf,
                                                          "application/pdf")})
            assert r.status_code == 201, r.text
            texts[doc_id] = client.get(f"/documents/{doc_id}").json()["text"]
        yield Uploaded(client, texts)


@pytest.mark.parametrize("doc_id", list(TABLES))
def test_a_scanned_table_reads_as_the_same_table_typed(uploaded: Uploaded, doc_id: str) -> None:
    """Every figure on the line the typed table gives it: its column's header (both lines
    of it) and its row's label, the unit of the ĐVT column, the STT numbers left out
    (spaces aside: Tesseract read "Thực hiện" as one word once)."""
    table = TABLES[doc_id]
    typed = table_lines([[" ".join(c.split()) for c in row] for row in table.rows])
    read = {"".join(line.split()) for line in uploaded.texts[doc_id].splitlines()}
    assert [line for line in typed if "".join(line.split()) not in read] == [], \
        uploaded.texts[doc_id]


def test_words_in_a_ruled_grid_go_to_their_cells() -> None:
    """Cells closer together than the gap that ends a cell, a header cell on two lines and
    a merged cell: the grid of the table's rules says where each word belongs."""
    def words(y: int, *cells: tuple[int, str]) -> list[Word]:
        out = []
        for x, text in cells:
            for w in text.split():
                out.append(Word(w, x, y, x + 12 * len(w), y + 30, 95.0, (1, 1), (1, 1, y)))
                x += 12 * len(w) + 14
        return out

    # columns at 100 | 150 | 400 | 550 | 750 | 950; a title row merged across the table (no
    # line down in its band), header cells of two lines
    grid = Grid(rows=(150.0, 200.0, 330.0, 380.0, 430.0),
                columns=(100.0, 150.0, 400.0, 550.0, 750.0, 950.0),
                cuts=((100.0,), *[(100.0, 150.0, 400.0, 550.0, 750.0)] * 3))
    page = (words(160, (106, "Sản phẩm công nghiệp chủ yếu")) +
            words(210, (106, "STT"), (156, "Chỉ tiêu"), (406, "ĐVT"), (556, "TH 8 tháng"),
                  (756, "Ước 8 tháng")) +
            words(250, (556, "2023"), (756, "2024")) +
            words(340, (106, "1"), (156, "Điện sản xuất"), (406, "Triệu kWh"), (556, "388,1"),
                  (756, "412,6")) +
            words(390, (106, "2"), (156, "Xi măng"), (406, "Nghìn tấn"), (556, "597,1"),
                  (756, "623,8")))
    assert layout(page, [grid]).splitlines() == [
        "Sản phẩm công nghiệp chủ yếu",
        "TH 8 tháng 2023 — Điện sản xuất: 388,1 triệu kWh",
        "Ước 8 tháng 2024 — Điện sản xuất: 412,6 triệu kWh",
        "TH 8 tháng 2023 — Xi măng: 597,1 nghìn tấn",
        "Ước 8 tháng 2024 — Xi măng: 623,8 nghìn tấn"]


@pytest.mark.parametrize(("question", "answer", "doc_id"), [
    ("sản lượng điện sản xuất 8 tháng 2024?", "412,6 triệu kWh", "bieu-cong-nghiep"),
    ("sản lượng điện sản xuất 8 tháng 2023?", "388,1 triệu kWh", "bieu-cong-nghiep"),
    ("sản lượng xi măng 8 tháng 2024?", "623,8 nghìn tấn", "bieu-cong-nghiep"),
    ("kim ngạch nhập khẩu quý II/2024?", "702,5 triệu USD", "bieu-xuat-nhap-khau"),
    ("số lượt phương tiện quý II/2023?", "41.203 lượt", "bieu-xuat-nhap-khau"),
    ("số cửa hàng xăng dầu năm 2023?", "173 cửa hàng", "bieu-thuong-mai"),
    ("tổng mức bán lẻ hàng hóa năm 2022?", "24.310,5 tỷ đồng", "bieu-thuong-mai"),
    ("sản lượng phân bón 6 tháng 2024?", "74,6 nghìn tấn", "bieu-san-xuat"),
    ("sản lượng than sạch tháng 6/2024?", "31,2 nghìn tấn", "bieu-san-xuat"),
    ("doanh thu du lịch tháng 9/2024?", "248,9 tỷ đồng", "bieu-du-lich"),
])
def test_the_figure_of_a_scanned_table_is_answered_with_its_page(
        uploaded: Uploaded, question: str, answer: str, doc_id: str) -> None:
    body = uploaded.client.post("/ask", json={"question": question}).json()
    assert body["answer"] == answer, body
    c = body["citations"][0]
    assert (c["doc_id"], c["page"], c["ocr"]) == (doc_id, 2, True)


def test_a_line_down_missing_in_a_band_parts_cells_whose_words_stand_apart() -> None:
    """A band without a line down (specks broke it, or a cell is merged): figures standing
    far from the unit before them are two cells (no line at 550 in the third band); a
    merged header's words, a space apart across the boundary, one ("Thực hiện" across 750,
    over both years)."""
    def words(y: int, *cells: tuple[int, str]) -> list[Word]:
        out = []
        for x, text in cells:
            for w in text.split():
                out.append(Word(w, x, y, x + 12 * len(w), y + 30, 95.0, (1, 1), (1, 1, y)))
                x += 12 * len(w) + 14
        return out

    full = (100.0, 150.0, 400.0, 550.0, 750.0)
    grid = Grid(rows=(150.0, 200.0, 250.0, 300.0, 350.0),
                columns=(100.0, 150.0, 400.0, 550.0, 750.0, 950.0),
                cuts=((100.0, 150.0, 400.0, 550.0), full, (100.0, 150.0, 400.0, 750.0), full))
    page = (words(160, (106, "STT"), (156, "Chỉ tiêu"), (406, "ĐVT"), (700, "Thực hiện")) +
            words(210, (556, "Năm 2022"), (756, "Năm 2023")) +
            words(260, (106, "1"), (156, "Số chợ"), (406, "Chợ"), (556, "134"), (756, "136")) +
            words(310, (106, "2"), (156, "Số siêu thị"), (406, "Siêu thị"), (556, "12"),
                  (756, "14")))
    assert layout(page, [grid]).splitlines() == [
        "Thực hiện Năm 2022 — Số chợ: 134 chợ", "Năm 2023 — Số chợ: 136 chợ",
        "Thực hiện Năm 2022 — Số siêu thị: 12 siêu thị", "Năm 2023 — Số siêu thị: 14 siêu thị"]


def _tesseract_line(*texts: str) -> dict[str, list]:
    """Tesseract's image_to_data for one line of words (as pytesseract gives it)."""
    n = len(texts)
    return {"level": [5] * n, "text": list(texts), "conf": [90.0] * n,
            "left": [100 + 80 * i for i in range(n)], "top": [100] * n, "width": [70] * n,
            "height": [30] * n, "block_num": [1] * n, "par_num": [1] * n, "line_num": [1] * n}


@pytest.mark.parametrize(("read", "year"), [
    (("Năm", "2O23"), "Năm 2023"),  # O for 0
    (("năm", "2o23"), "năm 2023"),  # o for 0
    (("8", "tháng", "20l9"), "8 tháng 2019"),  # l for 1
    (("Quý", "II/2OI9"), "Quý II/2019"),  # I for 1, after a quarter's number
    (("Tháng", "6/202S"), "Tháng 6/2025"),  # S for 5, after a month's number
    (("Năm", "2O24."), "Năm 2024."),  # with the stop Tesseract read after it
])
def test_a_year_misread_with_a_letter_for_a_digit_is_read_in_its_place(
        read: tuple[str, ...], year: str) -> None:
    assert " ".join(w.text for w in words_of(_tesseract_line(*read))) == year


@pytest.mark.parametrize("read", [
    ("Mã", "2O24"),  # not after năm, tháng, quý: a code, left as read
    ("năm", "SOIS"),  # fewer than two digits: a word, not a year
    ("năm", "12O4"),  # no year once read in digits
    ("năm", "2I19"),  # 2119: no year either
])
def test_what_is_no_misread_year_is_left_as_read(read: tuple[str, ...]) -> None:
    assert [w.text for w in words_of(_tesseract_line(*read))] == list(read)


def test_a_column_of_a_misread_year_keeps_its_year_not_the_titles() -> None:
    """A header "Năm 2O23" read from a scan: the column's figure is of 2023, not of the
    report's title's 2024 (it was, the header's year unread)."""
    header = _tesseract_line("Chỉ", "tiêu", "Năm", "2O23", "Năm", "2024")
    row = _tesseract_line("Số", "chợ", "136", "140")
    for data, xs in ((header, (100, 180, 600, 680, 900, 980)), (row, (100, 180, 600, 900))):
        data["left"] = list(xs)
    row["top"], row["line_num"] = [160] * 4, [2] * 4
    words = words_of(header) + words_of(row)
    text = normalize(layout(words))
    assert text.splitlines()[0] == "Năm 2023 — Số chợ: 136", text
    [frame] = [f for f in extract(text, "Báo cáo tình hình thương mại năm 2024")
               if f.value == "136"]
    assert frame.period is not None and frame.period.label == "năm 2023"
