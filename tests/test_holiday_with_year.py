"""A holiday named with a year is that holiday's days, not the year's (issue 17 break-test
b17 F10): "Dịp Tết Dương lịch 2031 (từ ngày 30/12/2030 đến ngày 01/01/2031)" is asked
"dịp Tết Dương lịch 2031", though its days begin in 2030; "dịp Tết Dương lịch 2030" is not
the whole year 2030's figure -- refused when the reports hold no such holiday."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService

DOCS = {
    "du-lich-tet-2031.txt": (
        "Tình hình du lịch dịp Tết Dương lịch\n03/01/2031\n\n"
        "Cả năm 2030, tỉnh đón 3,8 triệu lượt khách du lịch, tổng thu 7.200 tỷ đồng. Dịp Tết "
        "Dương lịch 2031 (từ ngày 30/12/2030 đến ngày 01/01/2031), các điểm du lịch đón 36.500 "
        "lượt khách, doanh thu 61 tỷ đồng.\n"),
    "du-lich-tet-nguyen-dan-2024.txt": (
        "Du lịch dịp Tết Nguyên đán\n16/02/2024\n\n"
        "Dịp Tết Nguyên đán Giáp Thìn 2024 (từ ngày 08/02 đến ngày 14/02/2024), toàn tỉnh đón "
        "152.000 lượt khách, doanh thu 290 tỷ đồng. Năm 2023, tỉnh đón 3,1 triệu lượt khách "
        "du lịch, doanh thu 5.400 tỷ đồng.\n"),
    "du-lich-2-9-2025.txt": (
        "Du lịch dịp nghỉ lễ Quốc khánh\n04/9/2025\n\n"
        "Dịp nghỉ lễ 2/9/2025 (từ ngày 30/8 đến ngày 02/9/2025), tỉnh đón 95.000 lượt khách "
        "du lịch. 8 tháng năm 2025, tỉnh đón 2,4 triệu lượt khách du lịch.\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("holidays"), DOCS)


@pytest.mark.parametrize(("question", "value"), [
    ("số lượt khách dịp Tết Dương lịch 2031", "36.500"),
    ("doanh thu dịp Tết Dương lịch 2031", "61 tỷ"),
    ("khách du lịch dịp Tết Nguyên đán Giáp Thìn 2024", "152.000"),
    ("số lượt khách dịp nghỉ lễ 2/9/2025", "95.000"),
])
def test_the_holiday_of_the_year_named(service: RagService, question: str, value: str) -> None:
    a = service.ask(question, AskOptions(today=date(2031, 1, 5)))
    assert a.found and value in a.answer, a.answer


@pytest.mark.parametrize(("question", "wrong"), [
    ("số lượt khách dịp Tết Dương lịch 2030", "3,8 triệu"),
    ("lượng khách du lịch dịp Tết Nguyên đán 2023", "3,1 triệu"),
    ("tổng thu dịp Tết Dương lịch 2030", "7.200"),
    ("doanh thu dịp Tết Nguyên đán 2023", "5.400"),
])
def test_a_holiday_is_no_whole_year(service: RagService, question: str, wrong: str) -> None:
    a = service.ask(question, AskOptions(today=date(2031, 1, 5)))
    assert not (a.found and wrong in a.answer), a.answer


@pytest.mark.parametrize(("question", "value"), [
    ("lượng khách du lịch năm 2030", "3,8 triệu"),
    ("lượt khách du lịch năm 2023", "3,1 triệu"),
    ("tổng thu năm 2030", "7.200"),
])
def test_the_year_is_still_the_year(service: RagService, question: str, value: str) -> None:
    a = service.ask(question, AskOptions(today=date(2031, 1, 5)))
    assert not a.found or value in a.answer, a.answer
