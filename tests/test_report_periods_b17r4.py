"""Periods written in reports, issue 17 closing round 4 (break-test b17 F1, F2, F12; documents
of our own, not the break-test's).

F2: a half written with its year ("6 tháng cuối năm 2029", "nửa đầu năm 2029") keeps that year
in a report of a later year -- the report's year never overwrites it.
F1: "thấp hơn mức 7,14% của năm trước": the figure compared is of the year (month) before the
sentence's own period, not of the year before the report's date; a rate compared with a
growth rate is that change, not a level.
F12: "hiện có" in a sentence with no period of its own is the count on the report's date, not
the period of the sentence before."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract
from rag.vi.mentions import find_mentions

MID_YEAR = ("BÁO CÁO TÌNH HÌNH KINH TẾ - XÃ HỘI 6 THÁNG ĐẦU NĂM 2030 TỈNH AN BIÊN\n"
            "Ngày 18/6/2030\n"
            "Trước đó, 6 tháng cuối năm 2029, xuất khẩu chè qua cửa khẩu Bản Lìm đạt 41.300 tấn. "
            "Nửa đầu năm 2029, sản lượng quặng khai thác đạt 77.400 tấn.\n"
            "Từ đầu năm đến hết tháng 5/2030, doanh thu bán lẻ hàng hóa đạt 9.120 tỷ đồng. "
            "Tổng đàn trâu hiện có 58.600 con. Tính đến 31/5/2030, toàn tỉnh hiện có 214 hợp "
            "tác xã.")
REVIEW = ("HỘI NGHỊ TỔNG KẾT NĂM 2029 TỈNH AN BIÊN\n"
          "Ngày 10/01/2030\n"
          "Năm qua, kim ngạch xuất nhập khẩu qua địa bàn đạt 4.210 triệu USD, cao hơn mức 3.980 "
          "triệu USD của năm trước. Tháng 12/2029, thu ngân sách trên địa bàn đạt 735 tỷ đồng, "
          "thấp hơn mức 760 tỷ đồng của tháng trước. Năm qua, tăng trưởng kinh tế của tỉnh ước "
          "đạt 6,82%, thấp hơn mức 7,14% của năm trước. Cửa khẩu Bản Lìm được nâng cấp từ năm "
          "2028.")  # a year written: the service refuses years no text writes (years.py)
DOCS = [{"id": "ktxh-6t-2030", "title": "Báo cáo 6 tháng 2030", "text": MID_YEAR},
        {"id": "tong-ket-2029", "title": "Hội nghị tổng kết 2029", "text": REVIEW}]


def _periods(text: str) -> dict[str, str]:
    return {f.value: f.period.label if f.period else "" for f in extract(text)}


def test_half_keeps_its_written_year() -> None:
    got = _periods(MID_YEAR)
    assert got["41.300 tấn"] == "6 tháng cuối năm 2029"
    assert got["77.400 tấn"] == "6 tháng đầu năm 2029"
    # without its year the half still takes the report's; a crop season's years are a span
    assert find_mentions("6 tháng cuối năm, đạt 5 tấn", 2030, date(2030, 6, 18),
                         report=True)[0].period.label == "6 tháng cuối năm 2030"
    assert find_mentions("nửa cuối năm 2029 đạt 5 tấn", None)[0].period.label == \
        "6 tháng cuối năm 2029"


def test_compared_figure_is_of_the_period_before_the_sentences() -> None:
    got = _periods(REVIEW)
    assert got["4.210 triệu USD"] == "năm 2029"
    assert got["3.980 triệu USD"] == "năm 2028"  # not 2029, the year before 10/01/2030
    assert got["735 tỷ đồng"] == "tháng 12/2029"
    assert got["760 tỷ đồng"] == "tháng 11/2029"  # not December, the month before the report
    rates = {f.value: f for f in extract(REVIEW)}
    assert rates["7,14%"].period is not None and rates["7,14%"].period.label == "năm 2028"
    assert rates["7,14%"].measure == rates["6,82%"].measure == "change"  # a rate, no level
    # a base after "so với" stays a base; a half's "năm trước" is not read as a year
    now = date(2030, 1, 10)
    assert [m.period.label for m in find_mentions(
        "Năm 2029, kim ngạch tăng 9% so với năm trước.", 2029, now, report=True)] == \
        ["năm 2029"]
    assert [m.period.label for m in find_mentions(
        "6 tháng năm 2029 đạt 120 tấn, cao hơn mức 100 tấn của năm trước.", 2029, now,
        report=True)] == ["6 tháng đầu năm 2029"]


def test_held_now_is_the_report_date() -> None:
    got = _periods(MID_YEAR)
    assert got["9.120 tỷ đồng"] == "tính đến hết tháng 5/2030"
    assert got["58.600 con"] == "tính đến 18/6/2030"  # not the sentence before's
    assert got["214 hợp tác xã"] == "tính đến 31/5/2030"  # a written day wins


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("report_periods_r4"), DOCS)


OPTS = AskOptions(retrieval_mode="lexical", today=date(2030, 6, 25))


def test_asked_half_of_the_year_before(service: RagService) -> None:
    reply = service.ask("Xuất khẩu chè qua cửa khẩu Bản Lìm 6 tháng cuối năm 2029?", OPTS)
    assert reply.found and "41.300" in reply.answer, reply.answer


def test_asked_the_compared_year(service: RagService) -> None:
    reply = service.ask("Kim ngạch xuất nhập khẩu qua địa bàn năm 2028 đạt bao nhiêu?", OPTS)
    assert reply.found and "3.980" in reply.answer, reply.answer
    rate = service.ask("Tăng trưởng kinh tế năm 2028 là bao nhiêu?", OPTS)
    assert rate.found and "7,14" in rate.answer, rate.answer
    month = service.ask("Thu ngân sách trên địa bàn tháng 11/2029?", OPTS)
    assert month.found and "760" in month.answer, month.answer
