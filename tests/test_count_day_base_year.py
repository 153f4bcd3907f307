"""A count at a day of an earlier year ("cuối năm 2038", "tính đến 31/12/2038") -- the base a
report sets its current count against -- dates its own figure only: a "quý III", "tháng 9",
"9 tháng" written after it without a year, in the same sentence or the next ones, is of the
report's year (break-test b17 round 10, failure 1: "tính đến 31/12/2046 có 6.515 doanh
nghiệp. Trong tháng 7 có 96 ..." read as "tháng 7/2046").  A report about that earlier year
(its lead or its heading) keeps that year in force."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract

TITLE = "Báo cáo tình hình kinh tế - xã hội tháng 9 và 9 tháng năm 2039"
DAY = "2039-09-28"
TEXT = ("Hợp tác xã\n"
        "Đến cuối năm 2038, toàn tỉnh có 412 hợp tác xã. Quý III có 14 hợp tác xã thành lập "
        "mới; 9 tháng có 37 hợp tác xã thành lập mới.\n"
        "Hộ kinh doanh\n"
        "Tính đến ngày 15/9/2039, toàn tỉnh có 21.460 hộ kinh doanh; tính đến 31/12/2038 có "
        "20.980 hộ. Trong tháng 9 có 215 hộ đăng ký mới với tổng vốn 84 tỷ đồng; 9 tháng có "
        "1.730 hộ đăng ký mới.\n"
        "Lao động\n"
        "Số lao động có việc làm cuối năm 2038 là 498 nghìn người; 9 tháng giải quyết việc làm "
        "cho 18,6 nghìn lao động.\n"
        "Xuất khẩu\n"
        "Kim ngạch xuất khẩu 9 tháng đạt 1.240 triệu USD, tăng 6,2% so với cùng kỳ năm 2038; "
        "tháng 9 đạt 152 triệu USD.")


def _periods(text: str, title: str, day: str) -> dict[str, str]:
    return {f.value: f.period.label if f.period else "" for f in extract(text, title, day)}


def test_the_clauses_after_an_earlier_count_day_are_of_the_report_year() -> None:
    p = _periods(TEXT, TITLE, DAY)
    assert p["412 hợp tác xã"] == "cuối năm 2038"
    assert p["14 hợp tác xã"] == "quý III/2039"
    assert p["37 hợp tác xã"] == "9 tháng năm 2039"
    assert p["20.980 hộ"] == "tính đến 31/12/2038"
    assert p["215 hộ"] == "tháng 9/2039"
    assert p["84 tỷ đồng"] == "tháng 9/2039"
    assert p["1.730 hộ"] == "9 tháng năm 2039"
    assert p["498 nghìn người"] == "cuối năm 2038"
    assert p["18,6 nghìn lao động"] == "9 tháng năm 2039"  # same sentence, after ";"
    assert p["152 triệu USD"] == "tháng 9/2039"  # after "so với cùng kỳ năm 2038"


def test_a_report_about_that_year_keeps_it() -> None:
    # dated in January, about the year just ended: its count at 31/12 leads it
    text = ("Tính đến ngày 31/12/2038, toàn tỉnh có 5.120 doanh nghiệp đang hoạt động. Trong "
            "tháng 12 có 74 doanh nghiệp thành lập mới; cả năm có 812 doanh nghiệp thành lập "
            "mới.")
    p = _periods(text, "Báo cáo tình hình doanh nghiệp", "2039-01-20")
    assert p["74 doanh nghiệp"] == "tháng 12/2038"
    assert p["812 doanh nghiệp"] == "năm 2038"
    # a heading of the earlier year in a later report: its section is of that year
    headed = ("Kết quả năm 2038\n"
              "Đến cuối năm 2038, toàn tỉnh có 400 hợp tác xã. Quý IV có 12 hợp tác xã thành "
              "lập mới.")
    assert _periods(headed, TITLE, DAY)["12 hợp tác xã"] == "quý IV/2038"


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    docs = [{"id": "tk-9t-2039", "title": TITLE, "date": DAY, "text": TEXT}]
    return service_over(tmp_path_factory.mktemp("count_day_base"), docs)


def test_asked_for_the_report_year(service: RagService) -> None:
    opts = AskOptions(retrieval_mode="lexical", today=date(2039, 10, 5))
    reply = service.ask("Số hộ kinh doanh đăng ký mới tháng 9/2039 là bao nhiêu?", opts)
    assert reply.found and "215" in reply.answer, reply.answer
    runs = service.ask("9 tháng năm 2039 có bao nhiêu hợp tác xã thành lập mới?", opts)
    assert runs.found and "37" in runs.answer, runs.answer
    other = service.ask("Số hộ kinh doanh đăng ký mới tháng 9/2038 là bao nhiêu?", opts)
    assert not other.found or "215" not in other.answer, other.answer
