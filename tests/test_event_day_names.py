"""A day that names an event, and a bracketed period that dates a whole sentence (issue 17
break-test b17 N5), on reports of our own: "Quốc khánh 2/9", "Tết Dương lịch 1/1", "dịp lễ
30/4 - 1/5" name holidays -- the day is no figure; "Riêng dịp nghỉ lễ Quốc khánh 2/9 (từ
ngày 31/8 đến ngày 03/9/2031), ... đón 88.000 lượt khách, doanh thu 164 tỷ đồng" dates both
figures by the bracketed days, so neither is the year-to-date figure of the paragraph."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract

TOURISM = (
    "9 tháng năm 2031, tỉnh đón 2,9 triệu lượt khách, tổng thu từ du lịch ước đạt 5.870 tỷ "
    "đồng. Riêng dịp nghỉ lễ Quốc khánh 2/9 (từ ngày 31/8 đến ngày 03/9/2031), các điểm du "
    "lịch đón 88.000 lượt khách, doanh thu 164 tỷ đồng.")
DOCS = {"du-lich-9t-2031.txt": f"Du lịch 9 tháng năm 2031\n05/10/2031\n\n{TOURISM}\n"}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("events"), DOCS)


@pytest.mark.parametrize(("sentence", "values"), [
    ("Dịp Tết Dương lịch 1/1, toàn tỉnh đón 12.000 lượt khách.", ["12.000 lượt khách"]),
    ("Dịp lễ 30/4 - 1/5 năm 2031, tỉnh đón 80.000 lượt khách.", ["80.000 lượt khách"]),
    ("Nhân kỷ niệm Giải phóng miền Nam 30/4, có 25 đoàn khách đến tỉnh.", ["25 đoàn"]),
    ("Dịp Quốc tế Lao động 1/5, tỉnh đón 9.000 lượt khách.", ["9.000 lượt khách"]),
    ("Tỉnh xếp thứ 4/14 tỉnh miền núi; có 8/13 huyện đạt chuẩn.", ["4/14", "8/13 huyện"]),
])
def test_a_day_naming_an_event_is_no_figure(sentence: str, values: list[str]) -> None:
    assert [f.value for f in extract(sentence, "t", "2031-12-31")] == values


def test_the_bracketed_days_date_both_figures() -> None:
    frames = {f.value: f for f in extract(TOURISM, "t", "2031-10-05")}
    assert "2/9" not in frames
    for value in ("88.000 lượt khách", "164 tỷ đồng"):
        period = frames[value].period
        assert period is not None and period.kind != "months", (value, period)
    assert frames["5.870 tỷ đồng"].period != frames["164 tỷ đồng"].period


@pytest.mark.parametrize("question", [
    "doanh thu du lịch 9 tháng năm 2031",
    "tổng thu từ du lịch 9 tháng năm 2031",
])
def test_the_holiday_figure_is_not_the_months(service: RagService, question: str) -> None:
    a = service.ask(question, AskOptions())
    assert not (a.found and "164" in a.answer), a.answer


@pytest.mark.parametrize(("question", "value"), [
    ("dịp lễ Quốc khánh 2/9 năm 2031 đón bao nhiêu khách", "88.000 lượt khách"),
    ("doanh thu dịp lễ 2/9 năm 2031", "164 tỷ đồng"),
])
def test_the_holiday_asked(service: RagService, question: str, value: str) -> None:
    a = service.ask(question, AskOptions())
    assert a.found and a.answer.startswith(value), a.answer
