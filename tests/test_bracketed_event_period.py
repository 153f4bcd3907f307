"""A period in brackets after an event, holding no value of its own ("Riêng dịp Tết Dương lịch
(từ 30/12/2027 đến 01/01/2028), tỉnh đón 62.000 lượt khách"), is the period of the clause's
figure; and a count after such a lead-in is named by what it counts, never by the money figure
of the sentence before.  Reports written for these tests (issue 17 break-test, kind 12)."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract

TEXT_LE = ("Năm 2031, doanh thu du lịch toàn tỉnh đạt 5.240 tỷ đồng, tăng 9% so với năm trước. "
           "Riêng dịp nghỉ lễ Quốc khánh (từ 31/8/2031 đến 03/9/2031), tỉnh đón 48.500 lượt "
           "khách.")
TEXT_HOI = ("Tổng thu từ dịch vụ hội chợ năm 2030 đạt 96 tỷ đồng. Riêng dịp Hội chợ Kỳ Lừa "
            "(từ ngày 12/2/2030 đến ngày 20/2/2030), thành phố đón 35.000 lượt khách.")

DOCS = [
    {"id": "le", "title": "Du lịch năm 2031", "date": "2032-01-08", "text": TEXT_LE},
    {"id": "hoi-cho", "title": "Hội chợ năm 2030", "date": "2030-12-20", "text": TEXT_HOI},
]


@pytest.mark.parametrize(("text", "value", "indicator", "label"), [
    (TEXT_LE, "48.500 lượt khách", "lượt khách", "từ 31/8 đến 3/9/2031"),
    (TEXT_HOI, "35.000 lượt khách", "lượt khách", "từ 12/2 đến 20/2/2030"),
])
def test_the_bracketed_days_are_the_figures_period(text: str, value: str, indicator: str,
                                                    label: str) -> None:
    frame = next(f for f in extract(text, "", None) if f.value == value)
    assert frame.period is not None and frame.period.label == label, frame.period
    assert frame.indicator == indicator and not frame.part, (frame.indicator, frame.parent)


def test_the_money_figure_keeps_its_year() -> None:
    frame = next(f for f in extract(TEXT_LE, "", None) if f.value == "5.240 tỷ đồng")
    assert frame.period is not None and frame.period.label == "năm 2031"


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("bracketed"), DOCS)


@pytest.mark.parametrize(("question", "expected"), [
    ("số lượt khách từ 31/8/2031 đến 3/9/2031", "48.500 lượt khách"),
    ("lượt khách dịp Hội chợ Kỳ Lừa từ 12/2/2030 đến 20/2/2030", "35.000 lượt khách"),
])
def test_asked_for_the_days(service: RagService, question: str, expected: str) -> None:
    reply = service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2032, 3, 1)))
    assert reply.found and reply.answer.startswith(expected), (reply.answer, reply.summary)
    assert reply.summary is not None and "doanh thu" not in reply.summary \
        and "Tổng thu" not in reply.summary, reply.summary
