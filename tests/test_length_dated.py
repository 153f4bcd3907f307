"""A figure whose sentence says only how long it took ("Thu ngân sách trong 5 ngày đạt 128,6 tỷ
đồng") is of the period of that length the text stated before ("Sau 5 ngày thông quan trở lại
sau Tết (từ ngày 11/02 đến ngày 15/02/2062)"), not of the document's year: "thu ngân sách năm
2062" was answered with five days' revenue at 1.0 (break-test bt22b, session 50).  A length
asked ("5 ngày sau Tết") is when, no part of what is asked."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.calendar import Period
from rag.vi.frames import extract
from rag.vi.frames.period_length import length_of

TET = ("Hoạt động xuất nhập khẩu sau Tết Nguyên đán 2062\n\nNgày 16/02/2062 - Cục Hải quan\n\n"
       "Sau 5 ngày thông quan trở lại sau Tết (từ ngày 11/02 đến ngày 15/02/2062), qua các cửa "
       "khẩu trên địa bàn tỉnh đã có 4.820 lượt phương tiện xuất nhập cảnh, kim ngạch xuất nhập "
       "khẩu đạt 96,4 triệu USD.\n\nThu ngân sách trong 5 ngày đạt 128,6 tỷ đồng.\n")
FAIR = ("Hội chợ thương mại Việt - Trung năm 2064\n\n20/10/2064\n\n"
        "Hội chợ diễn ra từ ngày 1/10 đến ngày 14/10/2064 với 420 gian hàng.\n\n"
        "Qua 2 tuần, doanh thu bán hàng tại hội chợ đạt 36,5 tỷ đồng. Trong 3 ngày cuối, hội "
        "chợ đón 12.000 lượt khách.\n")


def _frame(text: str, title: str, day: str, value: str):
    return next(f for f in extract(text, title, day) if f.value.startswith(value))


def test_a_length_said_takes_the_stated_period_of_that_length() -> None:
    body = TET.split("\n\n", 1)[1]
    revenue = _frame(body, "Hoạt động xuất nhập khẩu sau Tết", "2062-02-16", "128,6")
    assert revenue.period is not None and revenue.period.label == "từ 11/2 đến 15/2/2062"
    body = FAIR.split("\n\n", 1)[1]
    sales = _frame(body, "Hội chợ thương mại", "2064-10-20", "36,5")
    assert sales.period is not None and (sales.period.start, sales.period.end) == (
        date(2064, 10, 1), date(2064, 10, 14))
    # three days: no period of that length was stated -- the figure keeps the period it had
    # (its paragraph's), not one read from the length
    visitors = _frame(body, "Hội chợ thương mại", "2064-10-20", "12.000")
    assert visitors.period_from != "sentence"


def test_lengths_of_periods() -> None:
    assert length_of(Period("days", date(2062, 2, 11), date(2062, 2, 15), ""), "ngay") == 5
    assert length_of(Period("days", date(2064, 10, 1), date(2064, 10, 14), ""), "tuan") == 2
    assert length_of(Period("days", date(2064, 10, 1), date(2064, 10, 10), ""), "tuan") is None
    assert length_of(Period("quarter", date(2064, 1, 1), date(2064, 3, 31), ""), "thang") == 3
    assert length_of(Period("days", date(2064, 1, 5), date(2064, 3, 31), ""), "thang") is None


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("length_dated"),
                              {"tet.txt": TET.encode(), "fair.txt": FAIR.encode()})


@pytest.mark.parametrize(("question", "expected"), [
    ("thu ngân sách từ 11/2 đến 15/2/2062", "128,6"),
    ("thu ngan sach 5 ngay sau Tet 2062", "128,6"),
    ("doanh thu bán hàng tại hội chợ thương mại Việt - Trung 2064", "36,5"),
])
def test_the_figure_of_the_days_asked(service: RagService, question: str, expected: str) -> None:
    a = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert a.found and a.answer.startswith(expected), (a.answer, a.confidence)
    assert "sach 5" not in (a.summary or "") and "ngạch 5" not in (a.summary or "")


def test_the_year_is_not_answered_by_five_days(service: RagService) -> None:
    a = service.ask("thu ngân sách năm 2062", AskOptions(retrieval_mode="lexical"))
    assert not (a.found and a.confidence >= 0.9 and a.period_match == "exact"), (
        a.answer, a.confidence, a.period_match)
