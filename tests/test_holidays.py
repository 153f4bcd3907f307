"""A holiday named by its days is the holiday, and days listed one by one are those days
(break-test s39 G).  Reports give a holiday's total, then a part of it: "Dịp nghỉ lễ 30/4 - 1/5
(từ 27/4 đến 01/5), tỉnh đón 95.000 lượt khách ... Riêng 2 ngày 30/4 và 01/5 đón 41.000 lượt".
"dịp lễ 30/4", "dịp 2/9/2024", "Quốc khánh 2/9" ask the holiday's total (the span the report
states), never the one day's; "hai ngày 30/4 và 1/5" asks exactly those days; "ngày 30/4"
alone is that day, which a holiday's total never answers."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.asked import question_periods
from rag.vi.calendar import is_day_list
from rag.vi.mentions import find_mentions

DOCS = {
    "du-lich-30-4-2025.txt": (
        "Tình hình du lịch dịp nghỉ lễ 30/4 - 1/5\n03/5/2025\n\n"
        "Dịp nghỉ lễ 30/4 - 1/5 (từ 27/4 đến 01/5/2025), tỉnh đón 95.000 lượt khách du lịch, "
        "doanh thu 180 tỷ đồng. Riêng 2 ngày 30/4 và 01/5 đón 41.000 lượt khách.\n"),
    "du-lich-2-9-2024.txt": (
        "Du lịch dịp Quốc khánh\n04/9/2024\n\n"
        "Trong dịp Quốc khánh 2/9 (4 ngày, từ 31/8 đến 03/9/2024), các khu, điểm du lịch đón "
        "62.000 lượt khách, tổng thu 110 tỷ đồng. Ngày 2/9 đón 20.500 lượt khách.\n"),
    "du-lich-tet-duong-lich-2024.txt": (
        "Du lịch dịp Tết Dương lịch\n02/01/2024\n\n"
        "Dịp Tết Dương lịch 2024 (từ 30/12/2023 đến 01/01/2024), toàn tỉnh đón 36.500 lượt "
        "khách; riêng hai ngày 31/12/2023 và 01/01/2024 đón 23.800 lượt khách.\n"),
    "du-lich-30-4-2023.txt": (
        "Du lịch dịp lễ 30/4\n03/5/2023\n\n"
        "Trong 5 ngày nghỉ lễ (từ 29/4 đến 03/5/2023), tỉnh đón 88.000 lượt khách du lịch.\n"),
}
TODAY = date(2025, 5, 10)


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("holiday-days"), DOCS)


@pytest.mark.parametrize(("question", "value"), [
    ("Dịp 2/9/2024 đón bao nhiêu lượt khách?", "62.000"),
    ("Dịp lễ 2/9 năm 2024 các điểm du lịch đón bao nhiêu lượt khách?", "62.000"),
    ("dịp lễ 30/4 đón bao nhiêu lượt khách du lịch?", "95.000"),
    ("Doanh thu dịp lễ 30/4 - 1/5 năm 2025 là bao nhiêu?", "180 tỷ"),
    ("Tổng thu dịp Quốc khánh 2/9 năm 2024", "110 tỷ"),
    ("dịp Tết Dương lịch 1/1/2024 đón bao nhiêu lượt khách?", "36.500"),
    ("Dịp nghỉ lễ 30/4 năm 2023 đón bao nhiêu lượt khách?", "88.000"),
])
def test_a_holiday_named_by_its_day_is_the_holiday(service: RagService, question: str,
                                                   value: str) -> None:
    a = service.ask(question, AskOptions(today=TODAY))
    assert a.found and value in a.answer, a.answer


@pytest.mark.parametrize(("question", "value"), [
    ("Hai ngày 30/4 và 1/5 đón bao nhiêu khách?", "41.000"),
    ("Ngày 30/4 và 1/5/2025 đón bao nhiêu lượt khách?", "41.000"),
    ("Trong 2 ngày 30/4 và 01/5 năm 2025 đón bao nhiêu lượt khách?", "41.000"),
    ("Hai ngày 31/12/2023 và 1/1/2024 đón bao nhiêu lượt khách?", "23.800"),
])
def test_days_listed_are_those_days(service: RagService, question: str, value: str) -> None:
    a = service.ask(question, AskOptions(today=TODAY))
    assert a.found and value in a.answer, a.answer


@pytest.mark.parametrize(("question", "wrong"), [
    ("Ngày 30/4/2025 đón bao nhiêu lượt khách?", ("95.000", "41.000")),
    ("ngày 30/4 năm 2023 tỉnh đón bao nhiêu lượt khách?", ("88.000",)),
    ("Ngày 1/1/2024 đón bao nhiêu lượt khách?", ("36.500", "23.800")),
])
def test_one_day_is_no_holiday_total(service: RagService, question: str,
                                     wrong: tuple[str, ...]) -> None:
    """A holiday's total (or two days') is never one day's: refused, or said in part."""
    a = service.ask(question, AskOptions(today=TODAY))
    assert not a.found or a.period_match == "partial" or \
        not any(w in a.answer for w in wrong), a.answer


def test_the_day_is_still_the_day(service: RagService) -> None:
    a = service.ask("Ngày 2/9/2024 đón bao nhiêu lượt khách?", AskOptions(today=TODAY))
    assert a.found and "20.500" in a.answer, a.answer


def test_readings() -> None:
    """The periods themselves: a list of consecutive days, never one with a gap or a wrong
    count; "tỷ lệ 30/4" names no holiday."""
    listed = find_mentions("riêng 2 ngày 30/4 và 01/5 đón 41.000 lượt khách", 2025)
    assert [(m.period.start, m.period.end) for m in listed] == \
        [(date(2025, 4, 30), date(2025, 5, 1))] and is_day_list(listed[0].period)
    assert not any(is_day_list(m.period) for m in find_mentions("ngày 1/5 và 2/9/2025", None))
    assert not any(is_day_list(m.period) for m in find_mentions("ba ngày 30/4 và 1/5", 2025))
    assert [p.kind for p in question_periods("dịp lễ 30/4 đón bao nhiêu", TODAY).periods] == \
        ["holiday"]
    assert [p.kind for p in question_periods("ngày 30/4 đón bao nhiêu", TODAY).periods] == ["day"]
    assert not any(p.kind == "holiday"
                   for p in question_periods("tỷ lệ 30/4/2025 là bao nhiêu", TODAY).periods)


def test_a_holiday_asked_by_name_is_no_other(tmp_path_factory: pytest.TempPathFactory) -> None:
    """"Tết Ất Tỵ" asked of a sentence naming Tết and then "kỳ nghỉ lễ 30/4 - 1/5" (held-out
    h034 shape): never the 30/4 holiday's figure; "dịp lễ Quốc khánh" asked is the 2/9
    holiday a report names by its day."""
    svc = service_over_files(tmp_path_factory.mktemp("holiday-names"), {
        "du-lich-2025.txt": (
            "Năm 2025, tỉnh đón trên 5,1 triệu lượt khách du lịch\n08/01/2026\n\n"
            "Trong dịp Tết Nguyên đán Ất Tỵ, toàn tỉnh đón khoảng 182.000 lượt khách; kỳ nghỉ "
            "lễ 30/4 - 1/5 đón khoảng 96.500 lượt.\n"),
        "du-lich-2-9-2025.txt": (
            "Du lịch tháng 9\n05/9/2025\n\n"
            "Dịp lễ 2/9/2025, các điểm du lịch đón 58.400 lượt khách.\n"),
    })
    a = svc.ask("Tết Ất Tỵ tỉnh đón bao nhiêu khách", AskOptions(today=date(2026, 1, 10)))
    assert "96.500" not in a.answer or "182.000" in a.answer, a.answer
    b = svc.ask("dịp lễ Quốc khánh năm 2025 các điểm du lịch đón bao nhiêu lượt khách?",
                AskOptions(today=date(2026, 1, 10)))
    assert b.found and "58.400" in b.answer, b.answer
    c = svc.ask("Ngày 2/9/2025 các điểm du lịch đón bao nhiêu lượt khách?",
                AskOptions(today=date(2026, 1, 10)))
    # the holiday's figure is never that day's (the sentence itself may still be shown)
    assert c.period_match != "exact", c.answer
