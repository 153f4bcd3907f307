"""A running total of a year under a cut-off said first ("Tính đến ngày 20/12/2039, tổng kim
ngạch xuất nhập khẩu năm 2039 qua địa bàn đạt 9.870 triệu USD"; issue 17, break-test s44
bt17s) is the year to that day, not the year: asked for the whole year it is no exact answer,
asked to that day it is (rag.vi.frames.year_to_date).  A year said with no cut-off ("Năm 2039,
tổng kim ngạch ... đạt 10.400") stays the year's."""

from __future__ import annotations

import pytest
from conftest import service_over_files
from helpers import report_file

from rag.records import AskOptions
from rag.vi.frames import extract

# (reader's shape, paragraphs, the whole-year question, the to-date question, the figure)
CASES = [
    ("txt", ["Tình hình thông quan tại các cửa khẩu cuối năm 2039",
             "Ban Quản lý Khu kinh tế cửa khẩu, ngày 21/12/2039",
             "Trung bình mỗi ngày có 1.420 xe hàng qua các cửa khẩu trong tháng 12/2039. Tính "
             "đến ngày 20/12/2039, tổng kim ngạch xuất nhập khẩu năm 2039 qua địa bàn đạt "
             "9.870 triệu USD."],
     "Tổng kim ngạch xuất nhập khẩu cả năm 2039?",
     "Kim ngạch xuất nhập khẩu năm 2039 tính đến ngày 20/12/2039?", "9.870"),
    ("docx", ["Báo cáo thu ngân sách nhà nước cuối năm 2041",
              "Lạng Sơn, ngày 18/12/2041",
              "Đến hết ngày 15/12/2041, tổng thu ngân sách nhà nước năm 2041 trên địa bàn đạt "
              "6.245 tỷ đồng."],
     "Tổng thu ngân sách nhà nước năm 2041 là bao nhiêu?",
     "Thu ngân sách nhà nước năm 2041 đến hết ngày 15/12/2041?", "6.245"),
    ("html", ["Du lịch Lạng Sơn những tháng cuối năm 2043",
              "Ngày 12/11/2043",
              "Lũy kế đến ngày 10/11/2043, tổng lượt khách du lịch năm 2043 đến tỉnh đạt 3,84 "
              "triệu lượt."],
     "Tổng lượt khách du lịch cả năm 2043?",
     "Lượt khách du lịch năm 2043 tính đến ngày 10/11/2043?", "3,84"),
]


@pytest.mark.parametrize("sentence", [
    "Tính đến ngày 20/12/2039, tổng kim ngạch xuất nhập khẩu năm 2039 qua địa bàn đạt 9.870 "
    "triệu USD.",
    "Từ đầu năm đến ngày 20/12/2039, tổng lượt khách năm 2039 đạt 1,2 triệu lượt.",
    "Tính đến hết tháng 11/2039, thu ngân sách năm 2039 đạt 870 tỷ đồng, tăng 4% so với cùng kỳ.",
])
def test_a_cut_off_said_first_dates_the_years_total_to_that_day(sentence: str) -> None:
    frames = extract(sentence, "Báo cáo", "2039-12-21")
    assert frames and all(f.period is not None and f.period.kind == "to_date"
                          and f.period.end.year == 2039 and f.period.end.month in (11, 12)
                          for f in frames), [(f.value, f.period) for f in frames]


def test_a_year_with_no_cut_off_stays_the_year() -> None:
    frames = extract("Năm 2039, tổng kim ngạch xuất nhập khẩu qua địa bàn đạt 10.400 triệu USD.",
                     "Báo cáo", "2040-01-05")
    assert [f.period.kind for f in frames if f.period] == ["year"]
    # a cut-off in another year names no running total of this one
    frames = extract("Tính đến ngày 20/12/2038, kim ngạch năm 2039 dự kiến đạt 11.000 triệu USD.",
                     "Báo cáo", "2038-12-21")
    assert [f.period.kind for f in frames if f.period] == ["year"]


@pytest.mark.parametrize("kind,paragraphs,year_q,to_date_q,figure", CASES)
def test_the_year_to_a_day_answered_as_such(tmp_path_factory: pytest.TempPathFactory, kind: str,
                                            paragraphs: list[str], year_q: str, to_date_q: str,
                                            figure: str) -> None:
    name, data = report_file(kind, paragraphs)
    service = service_over_files(tmp_path_factory.mktemp("todate"), {name: data})
    whole = service.ask(year_q, AskOptions())
    assert not (whole.found and whole.period_match == "exact"), whole.answer
    to_date = service.ask(to_date_q, AskOptions())
    assert to_date.found and to_date.period_match == "exact", to_date.answer
    assert figure in to_date.answer, to_date.answer


def test_a_full_year_stays_exact(tmp_path_factory: pytest.TempPathFactory) -> None:
    name, data = report_file("txt", [
        "Kết quả xuất nhập khẩu năm 2039", "Ngày 8/1/2040",
        "Năm 2039, tổng kim ngạch xuất nhập khẩu qua địa bàn đạt 10.400 triệu USD."])
    service = service_over_files(tmp_path_factory.mktemp("todate_full"), {name: data})
    answer = service.ask("Tổng kim ngạch xuất nhập khẩu cả năm 2039?", AskOptions())
    assert answer.found and answer.period_match == "exact", answer.answer
    assert "10.400" in answer.answer
