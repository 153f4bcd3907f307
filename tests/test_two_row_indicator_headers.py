"""A table whose header is two rows -- periods over indicators ("6 tháng 2096" | "Cả năm
2096" | "Cả năm 2096 so với 2095 (%)" merged over "Số lượt khách (lượt)" | "Doanh thu (tỷ
đồng)"), or indicators over periods -- with places or products as its rows: each cell is
the period's figure of the column's indicator for the row's place, "Doanh thu du lịch ›
Thành phố Hòa Lạc", not the row's place as the indicator with the column's indicator folded
into the period (break-test bt13-b16 failure 4: "sản lượng lúa ... so với 2093" took
"Diện tích lúa"'s change at 0.944).  Tables of our own, XLSX (merged cells) and CSV (a
label's row with blanks after it), both row orders, other indicators and periods."""

from __future__ import annotations

import openpyxl
import pytest
from conftest import service_over_files

from rag.ingest.tables import carry_header, split_header, table_lines
from rag.records import AskOptions
from rag.service import RagService

# periods over indicators, CSV: a merged cell exported as its label then blanks
CSV_PERIODS = (
    "Địa bàn,6 tháng 2096,,Cả năm 2096,,Cả năm 2096 so với 2095 (%),\n"
    ",Lượt khách lưu trú (lượt),Doanh thu du lịch (tỷ đồng),"
    "Lượt khách lưu trú (lượt),Doanh thu du lịch (tỷ đồng),"
    "Lượt khách lưu trú (lượt),Doanh thu du lịch (tỷ đồng)\n"
    "Thành phố Hòa Lạc,\"184.300\",\"612,4\",\"402.150\",\"1.338,7\",\"6,8\",\"(2,5)\"\n"
    "Huyện Kim Bảng,\"51.020\",\"140,9\",\"99.870\",\"287,3\",\"(4,1)\",\"9,6\"\n")


def _indicators_over_quarters(path: str) -> None:
    """XLSX, indicators (merged) over quarters; products as the rows."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "CN quy"
    ws["A1"] = "Sản phẩm"
    ws.merge_cells("A1:A2")
    ws["B1"] = "Sản lượng sản xuất (nghìn tấn)"
    ws.merge_cells("B1:D1")
    ws["E1"] = "Giá trị xuất khẩu (triệu USD)"
    ws.merge_cells("E1:G1")
    heads = ["Quý II/2097", "Quý III/2097", "Quý III/2097 so với quý II (%)"]
    for col, h in zip("BCDEFG", heads * 2,
                      strict=True):
        ws[col + "2"] = h
    for r in (("Cà phê nhân", 31.4, 44.9, 43.0, 118.2, 171.5, 45.1),
              ("Hạt tiêu", 8.7, 7.9, -9.2, 41.6, 36.8, -11.5)):
        ws.append(list(r))
    wb.save(path)


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    root = tmp_path_factory.mktemp("two_row_headers")
    svc = service_over_files(root, {"dulich_hoalac_2096.csv": CSV_PERIODS})
    more = root / "more"
    more.mkdir()
    _indicators_over_quarters(str(more / "nongsan_quy_2097.xlsx"))
    svc.index_paths([more])
    return svc


def test_split_header_either_order() -> None:
    assert split_header(["Năm 2093", "Sản lượng lúa (tấn)"]) == ("Năm 2093", "Sản lượng lúa", "tấn")
    assert split_header(["Diện tích ngô (ha)", "6 tháng 2094"]) == \
        ("6 tháng 2094", "Diện tích ngô", "ha")
    assert split_header(["Năm 2094", "Kế hoạch"]) is None
    assert split_header(["Năm 2094", "Giá trị"]) is None  # what is measured, not of what
    assert split_header(["Số lượt khách (lượt)"]) is None


def test_csv_lines_name_indicator_place_and_period() -> None:
    import csv
    import io
    rows = carry_header(list(csv.reader(io.StringIO(CSV_PERIODS))))
    lines = table_lines(rows)
    assert "Cả năm 2096 — Doanh thu du lịch › Huyện Kim Bảng: 287,3 tỷ đồng" in lines
    assert "6 tháng 2096 — Lượt khách lưu trú › Thành phố Hòa Lạc: 184.300 lượt" in lines
    assert any(x.startswith("Cả năm 2096 so với 2095 (%) — Doanh thu du lịch › Thành phố Hòa Lạc: "
                            "−2,5%") for x in lines)


def _ask(service: RagService, question: str) -> tuple[bool, str, float]:
    a = service.ask(question, AskOptions())
    return a.found, f"{a.answer} {a.summary or ''}", a.confidence


@pytest.mark.parametrize(("question", "expected", "not_expected"), [
    ("doanh thu du lịch thành phố Hòa Lạc cả năm 2096 so với 2095 tăng hay giảm", "2,5", "6,8"),
    ("lượt khách lưu trú thành phố Hòa Lạc cả năm 2096 so với năm 2095", "6,8", "2,5"),
    ("doanh thu du lịch huyện Kim Bảng năm 2096 so với 2095", "9,6", "4,1"),
    ("doanh thu du lịch huyện Kim Bảng năm 2096", "287,3", "99.870"),
    ("lượt khách lưu trú huyện Kim Bảng 6 tháng năm 2096", "51.020", "140,9"),
    ("giá trị xuất khẩu hạt tiêu quý III năm 2097 so với quý II tăng hay giảm", "11,5", "9,2"),
    ("sản lượng sản xuất cà phê nhân quý III năm 2097 so với quý II", "43", "45,1"),
    ("giá trị xuất khẩu cà phê nhân quý II năm 2097", "118,2", "31,4"),
])
def test_asked_column_and_place(service: RagService, question: str, expected: str,
                                not_expected: str) -> None:
    found, text, _ = _ask(service, question)
    assert found and expected in text and not_expected not in text.split("(")[0], text


def test_summary_names_the_indicator(service: RagService) -> None:
    found, text, _ = _ask(service, "doanh thu du lịch thành phố Hòa Lạc cả năm 2096")
    assert found and "1.338,7" in text and "oanh thu du lịch" in text, text
