"""Figures as offices write them (issue 16): an accounting negative in brackets before its
unit, a footnote mark between a number and its unit, "vạn" (ten thousand), abbreviated
units ("tr.USD", "tr.đ", "tỷ đ"), English-locale numbers in a CSV or XLSX, and an indicator's
abbreviation in brackets ("(FDI)"), which is no unit.  Every document is built here."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FakeEmbedder
from helpers import csv_bytes, xlsx_bytes

from rag.ingest.sheets import english_numbers
from rag.ingest.uploads import read_upload
from rag.service import RagService
from rag.settings import Settings
from rag.vi.numbers import find_values, scaled


def _service(tmp_path: Path) -> RagService:
    return RagService(Settings(index_dir=tmp_path / "index", sessions_db=tmp_path / "s.db"),
                      embedder=FakeEmbedder())


def _one(text: str) -> tuple[float, str, str]:
    values = [v for v in find_values(text) if not v.percent]
    assert len(values) == 1, values
    return values[0].low, values[0].unit, values[0].shown


@pytest.mark.parametrize("text,low,unit", [
    ("Chênh lệch tồn kho hàng hóa so với năm 2022: (215,4) tỷ đồng.", -215.4, "tỷ đồng"),
    ("Lợi nhuận sau thuế: (1.250) triệu đồng", -1250.0, "triệu đồng"),
    ("lỗ lũy kế (3,2) tỷ đồng", -3.2, "tỷ đồng"),
])
def test_accounting_negative_keeps_its_unit_and_sign(text: str, low: float, unit: str) -> None:
    got = _one(text)
    assert got[:2] == (low, unit)
    assert got[2].startswith("(")  # shown as the office wrote it


@pytest.mark.parametrize("text", [
    "Tổng mức bán lẻ hàng hóa đạt 1.234,5(*) tỷ đồng.",
    "Tổng mức bán lẻ hàng hóa đạt 1.234,5 (1) tỷ đồng.",
    "Tổng mức bán lẻ hàng hóa đạt 1.234,5 (**) tỷ đồng, tăng 3%.",
    "Tổng mức bán lẻ hàng hóa đạt 1.234,5[2] tỷ đồng.",
])
def test_footnote_mark_between_number_and_unit(text: str) -> None:
    assert _one(text) == (1234.5, "tỷ đồng", "1.234,5 tỷ đồng")


def test_van_is_ten_thousand() -> None:
    low, unit, shown = _one("Lượng khách qua cửa khẩu còn khoảng 1,2 vạn lượt.")
    assert (low, unit, shown) == (12000.0, "lượt", "1,2 vạn lượt")
    v = find_values("đón 3 vạn lượt khách")[0]
    assert scaled(v)[:2] == (30000.0, "luot")
    # a word that folds to "van" is no scale word
    assert _one("ban hành 5 văn bản")[:2] == (5.0, "văn bản")


@pytest.mark.parametrize("text,low,unit", [
    ("Kim ngạch xuất khẩu đạt 15,3 tr.USD.", 15.3, "triệu USD"),
    ("Kim ngạch xuất khẩu đạt 15,3 Tr. USD.", 15.3, "triệu USD"),
    ("Thu nhập bình quân 7,5 tr.đ.", 7.5, "triệu đồng"),
    ("Thu nhập bình quân 7,5 tr. đồng/người", 7.5, "triệu đồng/người"),  # per unit kept
    ("Doanh thu đạt 3.200 tỷ đ.", 3200.0, "tỷ đồng"),
])
def test_abbreviated_units_read_as_full_units(text: str, low: float, unit: str) -> None:
    assert _one(text)[:2] == (low, unit)


def test_english_locale_decided_for_the_whole_table() -> None:
    english = [["Chỉ tiêu", "Quý I/2024"], ["A", "612.4"], ["B", "1,050.3"], ["C", "1,050"]]
    assert [r[1] for r in english_numbers(english)[1:]] == ["612,4", "1.050,3", "1.050"]
    mixed = [["Chỉ tiêu", "Quý I/2024"], ["A", "1.050,3"], ["B", "1,050.3"]]
    assert english_numbers(mixed) == mixed  # a Vietnamese number too: left as written
    vietnamese = [["A", "1,050"], ["B", "612,4"]]
    assert english_numbers(vietnamese) == vietnamese


def test_english_locale_csv_and_xlsx_answer(tmp_path: Path) -> None:
    rows = [["Chỉ tiêu", "Đơn vị", "Quý I/2024", "Quý II/2024"],
            ["Kim ngạch xuất khẩu", "triệu USD", "612.4", "1234.5"],
            ["Kim ngạch nhập khẩu", "triệu USD", "1,050.3", "987.25"]]
    service = _service(tmp_path)
    csv_doc = read_upload("xnk_en.csv", csv_bytes(rows))
    assert "Quý I/2024 — Kim ngạch nhập khẩu: 1.050,3 triệu USD" in csv_doc.text
    service.add_document(csv_doc)
    answer = service.ask("kim ngạch nhập khẩu quý I năm 2024")
    assert answer.answer == "1.050,3 triệu USD"
    xlsx_doc = read_upload("xnk_en.xlsx", xlsx_bytes(rows))
    assert "Quý I/2024 — Kim ngạch nhập khẩu: 1.050,3 triệu USD" in xlsx_doc.text


@pytest.mark.parametrize("label", ["Vốn đầu tư trực tiếp nước ngoài (FDI)",
                                   "Tổng sản phẩm trên địa bàn (GRDP)"])
def test_abbreviation_in_brackets_is_no_unit(label: str) -> None:
    rows = [["Biểu 05. Vốn đầu tư thực hiện trên địa bàn (Đơn vị: tỷ đồng)"], [],
            ["Chỉ tiêu", "Năm 2022", "Năm 2023"],
            ["Vốn đầu tư khu vực nhà nước", "3.650,1", "3.801,2"],
            [label, "215,3", "198,4"]]
    for doc in (read_upload("bieu05.xlsx", xlsx_bytes(rows)),
                read_upload("bieu05.csv", csv_bytes([[str(c) for c in r] for r in rows]))):
        assert f"Năm 2022 — {label}: 215,3 tỷ đồng" in doc.text, doc.text


def test_units_in_brackets_stay_units() -> None:
    rows = [["Chỉ tiêu", "Năm 2022"], ["Kim ngạch xuất khẩu (USD)", "1.234.567"],
            ["Công suất (MW)", "45,2"]]
    text = read_upload("b.csv", csv_bytes(rows)).text
    assert "Kim ngạch xuất khẩu: 1.234.567 USD" in text and "Công suất: 45,2 MW" in text


def test_bracket_and_mark_answers(tmp_path: Path) -> None:
    service = _service(tmp_path)
    doc = read_upload("bc_t6_2021.txt", (
        "BÁO CÁO tình hình kinh tế tháng 6 năm 2021\n\n"
        "Tổng mức bán lẻ hàng hóa tháng 6 năm 2021 đạt 1.234,5(*) tỷ đồng.\n\n"
        "Lượng khách qua cửa khẩu tháng 6 năm 2021 còn khoảng 1,2 vạn lượt.\n\n"
        "(*) Số ước tính.\n").encode())
    service.add_document(doc)
    assert service.ask("tổng mức bán lẻ hàng hóa tháng 6 năm 2021").answer == \
        "1.234,5 tỷ đồng"
    assert "1,2 vạn lượt" in service.ask("lượng khách qua cửa khẩu tháng 6 năm 2021").answer
