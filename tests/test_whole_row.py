"""A table's whole row -- "Toàn ngành", "Chung", "Chỉ số chung" above its sectors' rows --
answers a question that names no sector (break-test bt17k: "IIP 5 tháng 2054 tăng bao nhiêu?"
over a sheet "Toàn ngành | 6,2" ... "Sản xuất, phân phối điện | 4,8" answered 4,8%, the
electricity row, whose "Sản xuất" the question's IIP written out shares).  A question naming a
sector keeps that sector's row (near-miss)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from conftest import service_over_files
from helpers import titled_table_file

from rag.records import AskOptions
from rag.service import RagService

IIP_ROWS: list[list[object]] = [
    ["Ngành", "Tháng 5/2054 so cùng kỳ (%)", "5 tháng 2054 so cùng kỳ (%)"],
    ["Toàn ngành", 8.6, 6.2],
    ["Khai khoáng", -4.1, -1.7],
    ["Chế biến, chế tạo", 12.3, 9.4],
    ["Sản xuất, phân phối điện", 6, 4.8],
]
IIP_ROWS_B: list[list[str]] = [
    ["Ngành", "Quý I/2047 so cùng kỳ (%)"],
    ["Sản xuất và phân phối điện", "3,9"],
    ["Chung", "7,7"],
    ["Khai khoáng", "2,1"],
    ["Chế biến, chế tạo", "10,2"],
]


def workbook(sheets: dict[str, list[list[object]]]) -> bytes:
    """An .xlsx of several sheets (name -> rows), as the department's workbooks are."""
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


ELECTRICITY: list[list[object]] = [
    ["Sản lượng điện thương phẩm năm 2054 (triệu kWh)"],
    ["Thành phần", "Tháng 5/2054", "5 tháng 2054"],
    ["Tổng", 98.7, 462.3],
    ["Công nghiệp - xây dựng", 41.2, 190.5],
]


@pytest.fixture(scope="module")
def svc(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    name, docx = titled_table_file("docx", IIP_ROWS_B, "Chỉ số sản xuất công nghiệp quý I/2047")
    return service_over_files(tmp_path_factory.mktemp("wholerow"), {
        "dien_iip_5_2054.xlsx": workbook({"Dien thuong pham": ELECTRICITY, "IIP": IIP_ROWS}),
        "iip_q1_2047.docx": docx})


@pytest.mark.parametrize("question,today,expected", [
    ("IIP tháng 5/2054 so với cùng kỳ", "2054-07-01", "8,6"),
])
def test_whole_row_answers_when_no_sector_named(svc: RagService, question: str, today: str,
                                                expected: str) -> None:
    out = svc.ask(question, AskOptions(today=dt.date.fromisoformat(today)))
    assert out.found and out.answer.startswith(expected), out.answer


@pytest.mark.parametrize("question,today,expected", [
    ("IIP ngành điện 5 tháng 2054", "2054-07-01", "4,8"),
    ("chỉ số sản xuất công nghiệp ngành chế biến, chế tạo 5 tháng 2054", "2054-07-01", "9,4"),
    ("IIP ngành khai khoáng quý I/2047", "2047-06-01", "2,1"),
])
def test_named_sector_keeps_its_row(svc: RagService, question: str, today: str,
                                    expected: str) -> None:
    out = svc.ask(question, AskOptions(today=dt.date.fromisoformat(today)))
    assert out.found and out.answer.startswith(expected), out.answer


def test_rows_beside_a_whole_row_are_parts_unless_named() -> None:
    """The frames of the bt17k sheet: the electricity row is a part of "IIP" asked (its
    "sản xuất" is the IIP's written out), the "Toàn ngành" row the whole, wider when a
    sector is named."""
    from rag.answer.figures import beside_whole_row, whole_row_wider, words_naming_rows
    from rag.vi.frames import extract

    text = ("Trang tính: IIP\n"
            "5 tháng 2054 so cùng kỳ (%) — Toàn ngành: 6,2% (trang tính «IIP», dòng 2)\n"
            "5 tháng 2054 so cùng kỳ (%) — Khai khoáng: -1,7% (trang tính «IIP», dòng 3)\n"
            "5 tháng 2054 so cùng kỳ (%) — Sản xuất, phân phối điện: 4,8% (trang tính «IIP», "
            "dòng 5)")
    frames = extract(text, "Chỉ số sản xuất công nghiệp", None)
    whole, mining, power = (next(f for f in frames if f.value == v)
                            for v in ("6,2%", "-1,7%", "4,8%"))
    for q in ("IIP 5 tháng 2054 tăng bao nhiêu?", "chỉ số sản xuất công nghiệp 5 tháng 2054"):
        said = words_naming_rows(q)
        assert beside_whole_row(power, frames, said) and beside_whole_row(mining, frames, said)
        assert not beside_whole_row(whole, frames, said)
        assert not whole_row_wider(whole, frames, said)
    said = words_naming_rows("IIP ngành điện 5 tháng 2054")
    assert not beside_whole_row(power, frames, said) and whole_row_wider(whole, frames, said)
