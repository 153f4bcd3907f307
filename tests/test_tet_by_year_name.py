"""Tết named by its lunar year's can-chi name and no number (issue 17, tetyear): a report's
"Trong 9 ngày nghỉ Tết Nguyên đán Ất Tỵ, toàn tỉnh đón ..." is of Tết 2025 (the year of that
name nearest the report's date), not of the lead's or another sentence's year; a question's
"Tết Bính Ngọ" / "tet binh ngo" is the Tết of 2026 -- and one whose Tết the reports do not
hold is refused, never answered with another Tết's or a whole year's sentence."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.calendar import HOLIDAY
from rag.vi.frames.document import extract

DOCS = {
    "du-lich-tet-at-ty.txt": (
        "Tình hình du lịch dịp Tết Nguyên đán Ất Tỵ\n05/02/2025\n\n"
        "Trong 9 ngày nghỉ Tết Nguyên đán Ất Tỵ, toàn tỉnh đón khoảng 215.000 lượt khách du "
        "lịch, doanh thu từ hoạt động du lịch đạt 410 tỷ đồng. Cả năm 2024, tỉnh đón 4,6 "
        "triệu lượt khách.\n"),
    "cua-khau-tet-binh-ngo.txt": (
        "Hoạt động xuất nhập khẩu qua các cửa khẩu dịp Tết Bính Ngọ\n25/02/2026\n\n"
        "Trong 9 ngày nghỉ Tết Nguyên đán Bính Ngọ, các cửa khẩu của tỉnh thông quan 4.350 "
        "lượt xe chở hàng hóa xuất nhập khẩu. Tháng 01/2026, có 21.800 lượt xe qua các cửa "
        "khẩu.\n"),
    "thuong-mai-tet-dinh-mui.txt": (
        "Thị trường dịp Tết Đinh Mùi\n15/02/2027\n\n"
        "Dịp Tết Nguyên đán Đinh Mùi, tổng mức bán lẻ hàng hóa trên địa bàn tỉnh đạt 1.250 "
        "tỷ đồng. Dịp Tết Dương lịch 2027, các điểm du lịch đón 38.000 lượt khách.\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("tet-by-name"), DOCS)


@pytest.mark.parametrize(("text", "doc_date", "value", "year"), [
    ("Trong 9 ngày nghỉ Tết Nguyên đán Ất Tỵ, toàn tỉnh đón khoảng 215.000 lượt khách. "
     "Cả năm 2024, tỉnh đón 4,6 triệu lượt khách.", "2025-02-05", "khoảng 215.000 lượt khách",
     2025),
    ("Trong dịp Tết Nguyên đán Bính Ngọ, có 4.350 lượt xe qua các cửa khẩu. Tháng 01/2026, "
     "có 21.800 lượt xe.", "2026-02-25", "4.350 lượt xe", 2026),
    # a report of December names the coming Tết
    ("Dự kiến dịp Tết Bính Ngọ, các chợ phục vụ 620 tỷ đồng hàng hóa.", "2025-12-20",
     "620 tỷ đồng", 2026),
])
def test_a_report_dates_its_tet_by_name(text: str, doc_date: str, value: str,
                                        year: int) -> None:
    frame = next(f for f in extract(text + "\n", "Báo cáo", doc_date) if f.value == value)
    assert frame.period is not None and frame.period.kind == HOLIDAY, frame.period
    assert frame.period.end.year == year, frame.period


@pytest.mark.parametrize(("question", "today", "value"), [
    ("Tết Ất Tỵ tỉnh đón bao nhiêu lượt khách du lịch?", date(2027, 3, 1), "215.000"),
    ("tet at ty tinh don bao nhieu luot khach du lich", date(2027, 3, 1), "215.000"),
    ("doanh thu du lịch dịp Tết Ất Tỵ", date(2025, 6, 1), "410 tỷ"),
    ("Tết 2025 tỉnh đón bao nhiêu lượt khách du lịch?", date(2027, 3, 1), "215.000"),
    ("Tết Bính Ngọ các cửa khẩu thông quan bao nhiêu lượt xe?", date(2026, 3, 1), "4.350"),
    ("tet binh ngo thong quan bao nhieu luot xe", date(2026, 6, 1), "4.350"),
    ("tổng mức bán lẻ dịp Tết Đinh Mùi", date(2027, 3, 1), "1.250"),
    ("tổng mức bán lẻ dịp Tết 2027", date(2027, 3, 1), "1.250"),
    ("Tết Dương lịch 2027 đón bao nhiêu lượt khách?", date(2027, 3, 1), "38.000"),
])
def test_tet_asked_by_name(service: RagService, question: str, today: date,
                           value: str) -> None:
    a = service.ask(question, AskOptions(today=today))
    assert a.found and value in a.answer, a.answer


@pytest.mark.parametrize(("question", "today"), [
    # no Tết Giáp Thìn (2024) in the reports: neither Ất Tỵ's nor the year 2024's sentence
    ("Tết Giáp Thìn tỉnh đón bao nhiêu lượt khách du lịch?", date(2027, 3, 1)),
    ("tet giap thin tinh don bao nhieu luot khach", date(2027, 3, 1)),
    # no trucks of Tết Ất Tỵ: not Bính Ngọ's nor January 2026's
    ("Tết Ất Tỵ các cửa khẩu thông quan bao nhiêu lượt xe?", date(2026, 3, 1)),
    # Tết Dương lịch 2027's visitors are no Tết Nguyên đán's
    ("Tết Nguyên đán 2027 đón bao nhiêu lượt khách?", date(2027, 3, 1)),
])
def test_a_tet_not_reported_is_refused(service: RagService, question: str,
                                       today: date) -> None:
    a = service.ask(question, AskOptions(today=today))
    assert not a.found, a.answer


def test_a_tet_is_no_whole_year(service: RagService) -> None:
    a = service.ask("năm 2025 tỉnh đón bao nhiêu lượt khách", AskOptions(today=date(2027, 3, 1)))
    assert "215.000" not in a.answer, a.answer
