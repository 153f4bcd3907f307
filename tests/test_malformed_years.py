"""A year typed with a digit too few or too many ("năm 216", "năm 20196", "quý I/20019") is
never answered as another year (issue 16, round 11: "20196" was answered as 2019 exact,
"216" with the current year's figure, "20019" read as 2001): the answer says the year is
not understood and suggests the covered years nearest to it."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService, near_years
from rag.vi.asked import malformed_years, without_years

DOCS = [
    {"id": "ban-le-2019", "title": "Thương mại năm 2019", "date": "2019-12-20",
     "text": "Năm 2019, tổng mức bán lẻ hàng hóa đạt 12.345,6 tỷ đồng. Kim ngạch xuất khẩu "
             "năm 2019 đạt 2.100 triệu USD."},
    {"id": "ban-le-2016", "title": "Thương mại năm 2016", "date": "2016-12-20",
     "text": "Năm 2016, tổng mức bán lẻ hàng hóa đạt 9.870 tỷ đồng. Kim ngạch xuất khẩu năm "
             "2016 đạt 1.650 triệu USD."},
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("malformed-years"), DOCS)


@pytest.mark.parametrize(("question", "written"), [
    ("tổng mức bán lẻ hàng hóa năm 216", ["216"]),
    ("tổng mức bán lẻ hàng hóa năm 20196", ["20196"]),
    ("tổng mức bán lẻ năm 20019?", ["20019"]),
    ("kim ngạch xuất khẩu 9 tháng năm 218 là bao nhiêu", ["218"]),
    ("kim ngạch nhập khẩu quý I/20019", ["20019"]),
    ("tong muc ban le nam 216", ["216"]),
    ("năm 2019 có năm 150 doanh nghiệp", []),  # "năm" the number five
    ("tổng mức bán lẻ năm 2019", []),
])
def test_malformed_years_are_found(question, written):
    assert malformed_years(question) == written


def test_near_years_reach_a_digit_left_out_or_added():
    assert near_years(216, [2016, 2019, 2022])[0] == 2016
    assert near_years(20196, [2016, 2019, 2022])[0] == 2019
    assert set(near_years(20019, [2001, 2019, 2022])) == {2001, 2019}
    assert without_years("tổng mức bán lẻ năm 216", ["216"]) == "tổng mức bán lẻ"


@pytest.mark.parametrize(("question", "near"), [
    ("tổng mức bán lẻ hàng hóa năm 216", "2016"),
    ("tổng mức bán lẻ hàng hóa năm 20196", "2019"),
    ("tổng mức bán lẻ hàng hóa năm 20019", "2019"),
    ("kim ngạch xuất khẩu năm 20016", "2016"),
])
def test_a_malformed_year_is_not_answered_as_another(service, question, near):
    answer = service.ask(question, AskOptions(today=date(2019, 6, 1)))
    assert not answer.found, answer.answer
    assert "Không hiểu năm" in answer.answer
    assert f"Có phải bạn muốn hỏi năm {near}" in answer.answer
    assert "12.345,6" not in answer.answer and "9.870" not in answer.answer
