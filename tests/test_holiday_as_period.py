"""A holiday's figures are of the holiday, not of its year (issue 17, break-test bt17d d06 and
d09; brief holperiod):

1. A holiday named at the head of a sentence, its span of days in brackets with the count of
   those days ("Dịp Quốc khánh 2/9/2034 (4 ngày, từ 30/8 đến 2/9), lượng khách đạt 97.400
   lượt, giảm 4,5% ...") dates every figure after it by that span: the count of the span's
   own days is no value of the bracket's (rag.vi.frames.sentence.sentence_frames), so the
   span is not read as an aside and the figures no longer fall back to the report's year.
2. A holiday a report names by name with its year ("so với Tết Canh Tuất 2030 (187.000
   lượt)", "dịp Giỗ Tổ Hùng Vương năm 2031", "Tết Dương lịch 2032") is that holiday's days,
   not the whole year (rag.vi.holidays.NAMED_WITH_YEAR, read by rag.vi.mentions): the figure
   in brackets after "so với <holiday> <year>" is that holiday's level.

Near-misses: the year's total asked ("cả năm 2032") is the year's, not a holiday's; a year no
report gives a total for is refused, not answered with a holiday's figure of it; "trước Tết
Nguyên đán Quý Mão 2023" is a year as before, no holiday's days; a holiday no report covers is
refused."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.calendar import HOLIDAY
from rag.vi.frames.document import extract
from rag.vi.mentions import find_mentions

TET_2031 = (
    "Du lịch dịp Tết Nguyên đán Tân Hợi 2031\n\n"
    "Trong 7 ngày nghỉ Tết Nguyên đán Tân Hợi 2031 (từ 21/1 đến 27/1/2031), các khu, điểm du "
    "lịch đón 204.000 lượt khách, tăng 9,1% so với Tết Canh Tuất 2030 (187.000 lượt); doanh "
    "thu du lịch đạt 168 tỷ đồng.\n")
GIO_TO_2032 = (
    "Kết quả phục vụ khách dịp Giỗ Tổ Hùng Vương 2032\n\n"
    "Kỳ nghỉ lễ Giỗ Tổ Hùng Vương 2032 (3 ngày, từ 17/4 đến 19/4), các điểm du lịch trên địa "
    "bàn đón 38.600 lượt khách, tăng 6,2% so với dịp Giỗ Tổ Hùng Vương năm 2031 (36.300 lượt "
    "khách); tổng thu từ khách du lịch đạt 41 tỷ đồng.\n")
YEAR_2032 = (
    "Tình hình du lịch năm 2032 và dịp Tết Dương lịch 2033\n\n"
    "Năm 2032, tổng lượt khách du lịch đến tỉnh ước đạt 5,1 triệu lượt, tăng 7,5% so với năm "
    "2031; tổng thu từ khách du lịch đạt 4.520 tỷ đồng.\n\n"
    "Dịp Tết Dương lịch 2033 (4 ngày, từ 30/12/2032 đến 2/1/2033), toàn tỉnh đón 61.000 lượt "
    "khách, tăng 8,9% so với Tết Dương lịch 2032 (56.000 lượt).\n")
HOLIDAYS_2034 = (
    "Du lịch các dịp lễ năm 2034\n\n"
    "Kỳ nghỉ lễ 30/4 - 1/5/2034 (5 ngày, từ 29/4 đến 3/5), Lạng Sơn đón 142.000 lượt khách, "
    "tăng 18,3% so với kỳ nghỉ lễ 30/4 - 1/5/2033 (120.000 lượt).\n\n"
    "Dịp Quốc khánh 2/9/2034 (4 ngày, từ 30/8 đến 2/9), lượng khách đạt 97.400 lượt, giảm "
    "4,5% so với dịp 2/9 năm trước do mưa lớn; doanh thu du lịch đạt 83 tỷ đồng.\n")
DOCS = [
    {"id": "tet-2031", "title": "Du lịch Tết Tân Hợi 2031", "date": "2031-02-05",
     "text": TET_2031},
    {"id": "gio-to-2032", "title": "Du lịch Giỗ Tổ 2032", "date": "2032-04-25",
     "text": GIO_TO_2032},
    {"id": "dl-2032", "title": "Du lịch năm 2032", "date": "2033-01-05", "text": YEAR_2032},
    {"id": "le-2034", "title": "Du lịch các dịp lễ 2034", "date": "2034-09-05",
     "text": HOLIDAYS_2034},
    {"id": "xnk-2033", "title": "Xuất nhập khẩu quý I năm 2033", "date": "2033-04-05",
     "text": "Kim ngạch xuất nhập khẩu qua các cửa khẩu quý I/2033 đạt 1.240 triệu USD, tăng "
             "5,9% so với cùng kỳ; nhập khẩu đạt 640 triệu USD.\n"},
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("holiday_as_period"), DOCS)


def ask(service: RagService, question: str, today: str):  # noqa: ANN201
    return service.ask(question, AskOptions(retrieval_mode="lexical",
                                            today=date.fromisoformat(today)))


@pytest.mark.parametrize(("question", "today", "expected"), [
    # 1: the holiday at the head, its span and count of days in brackets
    ("Dịp Quốc khánh 2/9/2034 lượng khách thay đổi thế nào so với năm trước?", "2034-10-01",
     "4,5"),
    ("Dịp Quốc khánh 2/9/2034 lượng khách giảm bao nhiêu?", "2034-10-01", "4,5"),
    ("Doanh thu du lịch dịp Quốc khánh 2/9/2034 đạt bao nhiêu?", "2034-10-01", "83"),
    ("Khách du lịch dịp Giỗ Tổ Hùng Vương 2032 tăng bao nhiêu %?", "2032-05-01", "6,2"),
    ("Dịp Giỗ Tổ Hùng Vương 2032 các điểm du lịch đón bao nhiêu lượt khách?", "2032-05-01",
     "38.600"),
    ("Dịp Tết Dương lịch 2033 toàn tỉnh đón bao nhiêu lượt khách?", "2033-02-01", "61.000"),
    # 2: the level in brackets after "so với <holiday> <year>"
    ("Tết Canh Tuất 2030 các điểm du lịch đón bao nhiêu lượt khách?", "2031-03-01",
     "187.000"),
    ("Dịp Tết Nguyên đán 2030 đón bao nhiêu lượt khách?", "2031-03-01", "187.000"),
    ("Dịp Giỗ Tổ Hùng Vương 2031 đón bao nhiêu lượt khách?", "2032-05-01", "36.300"),
    ("Tết Dương lịch 2032 toàn tỉnh đón bao nhiêu lượt khách?", "2033-02-01", "56.000"),
    ("Dịp lễ 30/4 - 1/5/2033 Lạng Sơn đón bao nhiêu lượt khách?", "2034-10-01", "120.000"),
])
def test_holiday_figure_is_the_holidays(service: RagService, question: str, today: str,
                                        expected: str) -> None:
    answer = ask(service, question, today)
    assert answer.found, answer.answer
    assert expected in answer.answer, answer.answer


def test_the_years_total_is_the_years(service: RagService) -> None:
    answer = ask(service, "Lượng khách du lịch cả năm 2032 là bao nhiêu?", "2033-02-01")
    assert answer.found and "5,1 triệu" in answer.answer, answer.answer


@pytest.mark.parametrize(("question", "today", "held"), [
    ("Năm 2030 các điểm du lịch đón bao nhiêu lượt khách?", "2031-03-01", "187.000"),
    ("Lượng khách cả năm 2034 là bao nhiêu?", "2034-12-20", "97.400"),
])
def test_a_holidays_figure_is_no_years(service: RagService, question: str, today: str,
                                       held: str) -> None:
    answer = ask(service, question, today)
    assert held not in answer.answer or not answer.found, answer.answer


def test_holiday_no_report_covers_is_refused(service: RagService) -> None:
    answer = ask(service, "Dịp Giỗ Tổ Hùng Vương 2033 đón bao nhiêu lượt khách?", "2033-05-01")
    assert not answer.found, answer.answer


def _period_of(text: str, value: str):  # noqa: ANN202
    return next(f for f in extract(text) if value in f.value).period


@pytest.mark.parametrize(("text", "value", "label"), [
    (TET_2031, "187.000", "Tết Nguyên đán 2030"),
    (GIO_TO_2032, "36.300", "Giỗ Tổ Hùng Vương 2031"),
    (YEAR_2032, "56.000", "Tết Dương lịch 2032"),
])
def test_compared_holidays_level_is_of_that_holiday(text: str, value: str, label: str) -> None:
    period = _period_of(text, value)
    assert period is not None and period.kind == HOLIDAY and period.label == label, period


@pytest.mark.parametrize(("text", "value", "first", "last"), [
    (HOLIDAYS_2034, "97.400", date(2034, 8, 30), date(2034, 9, 2)),
    (HOLIDAYS_2034, "4,5%", date(2034, 8, 30), date(2034, 9, 2)),
    (GIO_TO_2032, "38.600", date(2032, 4, 17), date(2032, 4, 19)),
    (YEAR_2032, "61.000", date(2032, 12, 30), date(2033, 1, 2)),
])
def test_span_with_its_count_of_days_dates_the_sentence(text: str, value: str, first: date,
                                                        last: date) -> None:
    period = _period_of(text, value)
    assert period is not None and (period.start, period.end) == (first, last), period


def test_a_time_around_a_holiday_is_no_holiday() -> None:
    sentence = ("Doanh nghiệp cần chủ động đưa hàng lên cửa khẩu trong giai đoạn cao điểm "
                "trước Tết Nguyên đán Quý Mão 2023.")
    found = find_mentions(sentence, 2022, None, report=True)
    assert [x.period.kind for x in found] == ["year"], found
