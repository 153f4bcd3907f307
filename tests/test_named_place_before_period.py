"""A place whose name ends in a word of comparison -- "Cao Bằng" ("bằng", equal to), "Thái
Lan", "Hà Lan", "Phần Lan" ("lần", times) -- before a period is no comparison: the period is
the figure's own (session 48; break-test bt19b: "Doanh thu du lịch Cao Bằng tháng 6/2078?"
read with no period at all, answered by the first six months' figure at 0.94, period match
"exact").  Questions and documents read periods alike (rag.vi.mentions); a real "bằng 105%
năm 2077" or "gấp ba lần năm 2077" keeps its base.  Invented documents."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.answer.question import read_question
from rag.records import AskOptions
from rag.search.query import analyze

TODAY = date(2079, 3, 1)


@pytest.mark.parametrize("question, label", [
    ("Doanh thu du lịch Cao Bằng tháng 6/2078?", "tháng 6/2078"),
    ("Số khách Cao Bằng 6 tháng đầu năm 2078?", "6 tháng đầu năm 2078"),
    ("Kim ngạch xuất khẩu sang Thái Lan năm 2077?", "năm 2077"),
    ("xuat khau sang Thai Lan quy II/2078", "quý II/2078"),
    ("Nhập khẩu từ Hà Lan năm 2076 đạt bao nhiêu?", "năm 2076"),
    ("Xuất khẩu sang Phần Lan năm 2078?", "năm 2078"),
])
def test_the_period_after_the_name_is_read(question: str, label: str) -> None:
    assert [p.label for p in read_question(analyze(question), TODAY).periods] == [label]


def test_a_real_multiple_keeps_its_base() -> None:
    read = read_question(analyze("Xuất khẩu năm 2078 gấp ba lần năm 2077?"), TODAY)
    assert [p.label for p in read.periods] == ["năm 2078"]


TRADE = "\n".join([
    "Xuất khẩu sang các thị trường năm 2078",
    "",
    "Năm 2078, kim ngạch xuất khẩu sang Thái Lan năm 2078 đạt 45,2 triệu USD, tăng 15,6%.",
    "Sáu tháng đầu năm 2078, doanh thu du lịch của tỉnh Cao Bằng đạt 1.720 tỷ đồng.",
    "Xuất khẩu sang Hà Lan năm 2077 đạt 12,4 triệu USD.",
    ""])


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory):
    return service_over_files(tmp_path_factory.mktemp("named_place"), {"thi-truong.txt": TRADE})


def test_a_month_is_not_the_first_six_months(service) -> None:
    a = service.ask("Doanh thu du lịch Cao Bằng tháng 6/2078?",
                    AskOptions(retrieval_mode="lexical", today=TODAY))
    assert not (a.found and a.period_match == "exact"), a.answer
    assert not (a.found and a.confidence >= 0.9), a.answer


@pytest.mark.parametrize("question, value", [
    ("Doanh thu du lịch Cao Bằng 6 tháng đầu năm 2078?", "1.720"),
    ("Kim ngạch xuất khẩu sang Thái Lan năm 2078?", "45,2"),
])
def test_the_period_asked_is_answered(service, question: str, value: str) -> None:
    a = service.ask(question, AskOptions(retrieval_mode="lexical", today=TODAY))
    assert a.found and value in a.answer, a.answer


def test_another_year_is_refused(service) -> None:
    a = service.ask("Xuất khẩu sang Hà Lan năm 2078?",
                    AskOptions(retrieval_mode="lexical", today=TODAY))
    assert not (a.found and "12,4" in a.answer and a.period_match == "exact"), a.answer


