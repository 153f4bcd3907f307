"""A price table whose columns are weeks of the month its caption names ("BẢNG GIÁ ... THÁNG
3/2090" over "Tuần 1 (01-07/3/2090) | Tuần 2 (08-14/3/2090)", or over a bare "Tuần 1 | Tuần
2"): each column is that week of the month -- its written days, else days 7N-6 to 7N -- not
the ISO week N of the year, which dated March's prices in January, answered "tuần 2/2090"
with March's price and refused "tuần 2 tháng 3/2090" (break-test bt17p bang_gia_t3_2090).
A week of the year lying in the table's month ("Tuần 15/2064" under April 2064) or written
with its own days ("Tuần 48 (24-30/11/2063)") keeps its reading.  Tables written for these
tests (goods, months, years other than the break-test's), in every reader's shape."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files
from helpers import titled_table_file

from rag.ingest.uploads import read_upload
from rag.records import AskOptions
from rag.vi.frames import extract


def periods_of(kind: str, rows: list[list[str]], title: str) -> dict[str, tuple[str, date, date]]:
    """value -> (period label, first day, last day) of the frames read from the table."""
    name, data = titled_table_file(kind, rows, title)
    doc = read_upload(name, data)
    return {f.value: (f.period.label, f.period.start, f.period.end)
            for f in extract(doc.text, doc.title, doc.date) if f.period is not None}


RANGED = [["Mặt hàng", "Đơn vị", "Tuần 1 (01-07/4/2071)", "Tuần 2 (08-14/4/2071)",
           "Tuần 3 (15-21/4/2071)"],
          ["Cá trắm cỏ", "đồng/kg", "71.000", "73.500", "72.000"],
          ["Dầu hỏa", "đồng/lít", "20.140", "20.610", "21.050"]]


@pytest.mark.parametrize("kind", ["xlsx", "docx", "html", "pdf"])
def test_week_columns_with_days_are_the_month_weeks(kind: str) -> None:
    got = periods_of(kind, RANGED, "BẢNG GIÁ THỊ TRƯỜNG TỈNH BẮC KHÊ - THÁNG 4/2071")
    assert got["73.500 đồng/kg"] == ("tuần 2 tháng 4/2071", date(2071, 4, 8), date(2071, 4, 14))
    assert got["21.050 đồng/lít"] == ("tuần 3 tháng 4/2071", date(2071, 4, 15),
                                      date(2071, 4, 21))


@pytest.mark.parametrize("kind", ["xlsx", "docx"])
def test_bare_week_columns_under_a_month_caption(kind: str) -> None:
    rows = [["Mặt hàng", "ĐVT", "Tuần 1", "Tuần 2", "Tuần 4"],
            ["Phân urê", "đồng/kg", "11.200", "11.450", "11.900"]]
    got = periods_of(kind, rows, "Giá vật tư nông nghiệp tháng 9/2068")
    assert got["11.200 đồng/kg"] == ("tuần 1 tháng 9/2068", date(2068, 9, 1), date(2068, 9, 7))
    assert got["11.900 đồng/kg"] == ("tuần 4 tháng 9/2068", date(2068, 9, 22),
                                     date(2068, 9, 28))


def test_monday_week_days_win_over_the_number() -> None:
    rows = [["Mặt hàng", "Đơn vị", "Tuần 1 (02-08/3/2081)", "Tuần 2 (09-15/3/2081)"],
            ["Chè búp tươi", "đồng/kg", "14.200", "14.600"]]
    got = periods_of("xlsx", rows, "BẢNG GIÁ NÔNG SẢN THÁNG 3/2081")
    assert got["14.600 đồng/kg"] == ("tuần 2 tháng 3/2081", date(2081, 3, 9), date(2081, 3, 15))


def test_year_week_with_its_days_is_those_days() -> None:
    """A week of the year written with its days as a dash range is still that week of the
    year, its days the written ones (ISO week 48 of 2063 is 26/11-2/12)."""
    rows = [["Mặt hàng", "Đơn vị", "Tuần 48 (24-30/11/2063)"],
            ["Thép cuộn", "đồng/kg", "15.300"]]
    got = periods_of("docx", rows, "BẢN TIN GIÁ NĂM 2063")
    assert got["15.300 đồng/kg"] == ("tuần 48/2063", date(2063, 11, 24), date(2063, 11, 30))


def test_weeks_of_the_year_keep_their_reading() -> None:
    """Near-misses: ISO weeks inside the caption's month and weeks under a year's caption
    stay weeks of the year."""
    rows = [["Mặt hàng", "Đơn vị", "Tuần 15/2064", "Tuần 16/2064"],
            ["Xi măng PCB40", "đồng/tấn", "1.620.000", "1.650.000"]]
    got = periods_of("xlsx", rows, "GIÁ VẬT LIỆU XÂY DỰNG THÁNG 4/2064")
    assert got["1.620.000 đồng/tấn"] == ("tuần 15/2064", date(2064, 4, 7), date(2064, 4, 13))
    rows = [["Mặt hàng", "Đơn vị", "Tuần 2", "Tuần 3"], ["Muối hạt", "đồng/kg", "6.100", "6.300"]]
    got = periods_of("xlsx", rows, "BẢN TIN GIÁ NĂM 2066")
    assert got["6.100 đồng/kg"][0] == "tuần 2/2066"


def test_asked_by_the_month_week_not_the_year_week(tmp_path) -> None:
    name, data = titled_table_file("xlsx", RANGED, "BẢNG GIÁ THỊ TRƯỜNG THÁNG 4/2071")
    svc = service_over_files(tmp_path, {name: data})
    r = svc.ask("Giá cá trắm cỏ tuần 2 tháng 4/2071?", AskOptions())
    assert r.found and "73.500" in (r.answer or "")
    r = svc.ask("giá dầu hỏa tuần 3 tháng 4 2071", AskOptions())
    assert r.found and "21.050" in (r.answer or "")
    # ISO week 2 of 2071 is in January: April's price is no answer for it
    r = svc.ask("Giá cá trắm cỏ tuần 2/2071?", AskOptions())
    assert not r.found or "tháng 4" in (r.answer or "")
