"""A question about two periods, one of them in a year no report covers and the period
reader does not take ("kim ngạch xuất khẩu 2018 và 2108"), answers the covered period and
names the other as lacking (issue 16, round 11: the whole question was refused, with a
note that the reports lacked the covered year)."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.asked import without_asked_years

DOCS = [
    {"id": "xk-2018", "title": "Xuất khẩu năm 2018", "date": "2018-12-25",
     "text": "Năm 2018, kim ngạch xuất khẩu qua địa bàn tỉnh đạt 2.947 triệu USD. Kim ngạch "
             "nhập khẩu năm 2018 đạt 2.013 triệu USD."},
    {"id": "xk-2022", "title": "Xuất khẩu năm 2022", "date": "2022-12-25",
     "text": "Năm 2022, kim ngạch xuất khẩu qua địa bàn tỉnh đạt 3.105 triệu USD. Kim ngạch "
             "nhập khẩu năm 2022 đạt 2.480 triệu USD."},
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("uncovered-conjunct"), DOCS)


@pytest.mark.parametrize(("question", "rest"), [
    ("kim ngạch xuất khẩu năm 2018 và năm 2108", "kim ngạch xuất khẩu năm 2018"),
    ("kim ngạch xuất khẩu 2018 và 2108", "kim ngạch xuất khẩu 2018"),
    ("kim ngạch xuất khẩu năm 2108 và năm 2018", "kim ngạch xuất khẩu năm 2018"),
    ("kim ngạch xuất khẩu và nhập khẩu năm 2018 và năm 2108",
     "kim ngạch xuất khẩu và nhập khẩu năm 2018"),
    ("kim ngạch xuất khẩu quý I/2018 và quý I/2108?", "kim ngạch xuất khẩu quý I/2018?"),
    ("kim ngạch xuất khẩu năm 2108", "kim ngạch xuất khẩu năm 2108"),  # nothing joined
])
def test_the_uncovered_conjunct_is_left_out(question, rest):
    assert without_asked_years(question, (2108,)) == rest


@pytest.mark.parametrize("question", [
    "kim ngạch xuất khẩu năm 2018 và năm 2108",
    "kim ngạch xuất khẩu 2018 và 2108",
    "kim ngạch xuất khẩu năm 2108 và năm 2018",
])
def test_the_covered_period_is_answered_and_the_other_named(service, question):
    answer = service.ask(question, AskOptions(today=date(2026, 12, 1)))
    assert answer.found, answer.answer
    assert answer.answer == "2.947 triệu USD"
    assert "không có số liệu năm 2108" in (answer.summary or "")
    assert "năm 2108" in answer.missing
    assert answer.period_match == "partial"


def test_every_year_uncovered_is_still_refused(service):
    answer = service.ask("kim ngạch xuất khẩu năm 2108 và năm 2109",
                         AskOptions(today=date(2026, 12, 1)))
    assert not answer.found
    assert "Có phải bạn muốn hỏi năm" in answer.answer
