"""Session 42 brief yearrows: a long-form table whose first column is the period ("Năm 2010",
"2011", "Giai đoạn 2016-2020", "6 tháng 2023") and whose other columns are indicators.

Kind 1: "số hợp đồng ký kết năm 2010?" was refused over a PDF row "Năm 2010 | 23 hợp đồng |
41,5".  The row's cells were already stored with their period and column ("Năm 2010 — Hợp
đồng ký kết: 23 hợp đồng"); "hợp đồng" was read as an amount of money -- "đồng" the currency
(rag.vi.numbers.is_money) -- so a count asked ("số ...", "bao nhiêu ...") dropped it
(rag.answer.figures.counts_asked), in a sentence or a wide table as well, and "giá trị hợp
đồng" got the count.  "đồng" is the currency first in a unit or after a scale word only;
"hội đồng", "cộng đồng" are words of their own.
Kind 2: "trị giá" and "giá trị" name one amount, asked either way of either column
(rag.vi.lexicon.SYNONYMS, rag.answer.figures._MONEY_WORDS) -- "giá trị hàng hóa" too, which
the synonyms' guard against "lượt khách hàng" left unread.

Variants: PDF, DOCX, HTML, CSV, a text file holding the stored lines, a sentence, a wide
table; row labels "Năm 2010", "2011", "Giai đoạn 2016-2020", "6 tháng 2023".  Near-misses:
the wide table's price and worth rows keep their answers; "giá" alone (a price) is not
"giá trị"; money units stay money."""

from __future__ import annotations

import pytest
from conftest import service_over_files
from helpers import csv_bytes, titled_table_file

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.numbers import find_values, is_money

_PDF = titled_table_file("pdf", [
    ["Năm", "Hợp đồng ký kết", "Giá trị (tỷ đồng)"],
    ["Năm 2010", "23 hợp đồng", "41,5"],
    ["Năm 2011", "31 hợp đồng", "55,0"],
    ["Năm 2012", "35 hợp đồng", "60,2"]], "Bảng 3. Kết quả xúc tiến đầu tư")[1]
_DOCX = titled_table_file("docx", [
    ["Thời gian", "Hợp đồng chuyển giao công nghệ", "Trị giá (triệu đồng)"],
    ["2031", "14 hợp đồng", "820"],
    ["2032", "19 hợp đồng", "1.140"]], "Biểu 2. Chuyển giao công nghệ")[1]
_HTML = titled_table_file("html", [
    ["Kỳ", "Hợp đồng thương mại điện tử", "Giá trị (tỷ đồng)"],
    ["Giai đoạn 2016-2020", "412 hợp đồng", "96,4"],
    ["Giai đoạn 2021-2025", "655 hợp đồng", "150,8"]], "Thương mại điện tử tỉnh Lạng Sơn")[1]

DOCS: dict[str, str | bytes] = {
    "xuc_tien.pdf": _PDF,
    "chuyen_giao.docx": _DOCX,
    "tmdt.html": _HTML,
    "hoi_dong.csv": csv_bytes([
        ["Kỳ báo cáo", "Hội đồng hòa giải cơ sở", "Vụ việc hòa giải thành"],
        ["6 tháng 2023", "48 hội đồng", "126 vụ việc"],
        ["6 tháng 2024", "52 hội đồng", "139 vụ việc"]]),
    # the lines a table is stored as, written as text
    "dong_luc.txt": ("BÁO CÁO KẾT QUẢ KÝ KẾT HỢP ĐỒNG MUA BÁN ĐIỆN\n\n"
                     "Năm 2041 — Hợp đồng mua bán điện ký mới: 1.208 hợp đồng\n"
                     "Năm 2042 — Hợp đồng mua bán điện ký mới: 1.356 hợp đồng\n"),
    "bao_hiem.txt": ("BÁO CÁO NĂM 2046\n\nNăm 2046, các doanh nghiệp bảo hiểm trên địa bàn "
                     "ký mới 2.730 hợp đồng bảo hiểm nhân thọ.\n"),
    # a wide table with the years as columns (its count refused too), prices beside a worth
    "rong.csv": csv_bytes([
        ["Chỉ tiêu", "ĐVT", "2051", "2052"],
        ["Hợp đồng xuất khẩu ký kết", "hợp đồng", "64", "71"],
        ["Giá bán lẻ xăng RON 95", "đồng/lít", "23.450", "24.100"],
        ["Giá trị hàng hóa tồn kho", "tỷ đồng", "312", "344"]]),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("year_rows"), DOCS)


COUNTS = [
    ("số hợp đồng ký kết năm 2010?", "23 hợp đồng"),
    ("có bao nhiêu hợp đồng ký kết năm 2012?", "35 hợp đồng"),
    ("số hợp đồng chuyển giao công nghệ năm 2032?", "19 hợp đồng"),
    ("số hợp đồng thương mại điện tử giai đoạn 2016-2020?", "412 hợp đồng"),
    ("số hội đồng hòa giải cơ sở 6 tháng 2023?", "48 hội đồng"),
    ("số hợp đồng mua bán điện ký mới năm 2042?", "1.356 hợp đồng"),
    ("số hợp đồng bảo hiểm nhân thọ ký mới năm 2046?", "2.730 hợp đồng bảo hiểm nhân thọ"),
    ("số hợp đồng xuất khẩu ký kết năm 2052?", "71 hợp đồng"),  # a wide table: the same
]

AMOUNTS = [
    ("giá trị hợp đồng ký kết năm 2011?", "55,0 tỷ đồng"),
    ("trị giá hợp đồng năm 2011?", "55,0 tỷ đồng"),
    ("trị giá hợp đồng ký kết năm 2012", "60,2 tỷ đồng"),
    ("giá trị hợp đồng chuyển giao công nghệ năm 2031?", "820 triệu đồng"),
    ("trị giá hợp đồng thương mại điện tử giai đoạn 2021-2025?", "150,8 tỷ đồng"),
    # "giá trị hàng hóa" was read in no other words: the synonyms stopped before "hàng"
    ("trị giá hàng hóa tồn kho năm 2051?", "312 tỷ đồng"),
]

KEPT = [
    ("giá bán lẻ xăng RON 95 năm 2051?", "23.450 đồng/lít"),
    ("giá trị hàng hóa tồn kho năm 2052?", "344 tỷ đồng"),
]


@pytest.mark.parametrize(("question", "value"), COUNTS + AMOUNTS + KEPT)
def test_a_period_row_answers_its_cells(service: RagService, question: str,
                                        value: str) -> None:
    a = service.ask(question, AskOptions())
    assert a.found and a.answer == value, (question, a.answer, a.summary)


def test_a_summary_names_no_missing_part(service: RagService) -> None:
    # "trị giá hợp đồng" of a column "Giá trị": the same thing, not "no figure of hợp alone"
    a = service.ask("trị giá hợp đồng năm 2010?", AskOptions())
    assert a.found and a.answer == "41,5 tỷ đồng" and "riêng" not in (a.summary or ""), a


def test_a_price_is_no_worth(service: RagService) -> None:
    # "giá" alone asks a price: never the worth of the goods in stock
    a = service.ask("giá bán lẻ xăng năm 2052?", AskOptions())
    assert a.answer != "344 tỷ đồng", (a.answer, a.summary)


@pytest.mark.parametrize(("unit", "money"), [
    ("hợp đồng", False), ("hội đồng", False), ("cộng đồng", False), ("hop dong", False),
    ("đồng", True), ("tỷ đồng", True), ("nghìn tỷ đồng", True), ("đồng/kg", True),
    ("ty dong", True), ("vạn đồng", True), ("triệu USD", True),
])
def test_dong_is_money_as_the_currency_only(unit: str, money: bool) -> None:
    assert is_money(unit) is money


def test_contracts_are_counted() -> None:
    [v] = [v for v in find_values("Năm 2046, ký mới 2.730 hợp đồng.") if v.low == 2730]
    assert (v.unit, v.kind) == ("hợp đồng", "count")
    [v] = find_values("Hợp đồng trị giá 50 tỷ đồng.")
    assert v.kind == "amount"
