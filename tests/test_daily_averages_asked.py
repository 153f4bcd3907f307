"""Averages and rates a day asked beside the stock of the report's day (issue 17, bt17c #91
and the strict xfail of tests/test_daily_flows.py), on reports of our own.  A report dated
one day writes what passes a gate or a port on a day ("mỗi ngày có từ 1.200 - 1.500 xe",
"khoảng 700 lượt xe/ngày", "1.800 tấn hàng mỗi ngày") beside what still waits that day
("còn 2.900 xe").  Asked "bình quân / trung bình (mỗi, 1) ngày" or "mỗi ngày", the rate a day
answers -- said per day, never labelled with the report's day as if it were that day's
count -- and asked what waits, the stock still does."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract
from rag.vi.frames.indicators import is_average

DOCS = {
    "tan-thanh-12-2029.txt": (
        "Xe hàng nông sản dồn về cửa khẩu Tân Thanh\n\nNgày 21/12/2029\n\n"
        "Những ngày cao điểm cuối năm, mỗi ngày có từ 1.200 - 1.500 xe hàng xuất khẩu qua "
        "cửa khẩu Tân Thanh. Sáng 21/12/2029, tại cửa khẩu Tân Thanh còn 2.900 xe hàng chờ "
        "xuất khẩu.\n"),
    "chi-ma-02-2031.txt": (
        "Hoạt động tại cửa khẩu Chi Ma sau Tết\n\nNgày 05/02/2031\n\n"
        "Sáng 05/02/2031, bãi xe cửa khẩu Chi Ma còn tồn 450 xe container chờ thông quan.\n\n"
        "Lưu lượng phương tiện qua cửa khẩu Chi Ma đạt khoảng 700 lượt xe/ngày.\n"),
    "dong-dang-10-2032.txt": (
        "Cảng cạn Đồng Đăng vào mùa hàng\n\nNgày 10/10/2032\n\n"
        "Tại thời điểm 10/10/2032, kho hàng cảng cạn Đồng Đăng còn tồn 5.400 tấn hàng.\n\n"
        "Cảng cạn Đồng Đăng xếp dỡ được khoảng 1.800 tấn hàng mỗi ngày.\n"),
}


def test_each_day_leading_the_verb_is_a_rate_of_no_single_day() -> None:
    """"mỗi ngày có" before the value: a rate a day (is_average), no figure of the report's
    day (its period left out)."""
    text = DOCS["tan-thanh-12-2029.txt"]
    frames = extract(text, text.split("\n")[0], doc_date="2029-12-21")
    rate = next(f for f in frames if f.value.startswith("1.200"))
    assert is_average(rate.verb), rate.verb
    assert rate.period is None, rate.period
    stock = next(f for f in frames if f.value == "2.900 xe")
    assert stock.period is not None and stock.period.start.isoformat() == "2029-12-21"


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("dailyavg"), DOCS)


@pytest.mark.parametrize(("question", "value"), [
    ("Mỗi ngày có bao nhiêu xe hàng xuất khẩu qua cửa khẩu Tân Thanh?", "1.200 - 1.500"),
    ("Bình quân mỗi ngày có bao nhiêu xe hàng xuất khẩu qua cửa khẩu Tân Thanh?",
     "1.200 - 1.500"),
    ("Mỗi ngày có bao nhiêu xe hàng xuất khẩu qua cửa khẩu Tân Thanh dịp cuối năm 2029?",
     "1.200 - 1.500"),
    ("Trung bình 1 ngày có bao nhiêu lượt xe qua cửa khẩu Chi Ma?", "700"),
    ("Bình quân mỗi ngày cảng cạn Đồng Đăng xếp dỡ bao nhiêu tấn hàng?", "1.800"),
])
def test_the_rate_a_day_answers_said_per_day(service: RagService, question: str,
                                             value: str) -> None:
    a = service.ask(question, AskOptions())
    assert a.found and value in a.answer, (a.answer, a.confidence)
    summary = a.summary or ""
    assert "Ngày 21/12/2029" not in summary and "số liệu ngày" not in summary, summary
    assert "mỗi ngày" in summary.lower() or "/ngày" in summary, summary


@pytest.mark.parametrize(("question", "value"), [
    ("Sáng 21/12/2029 còn bao nhiêu xe chờ ở cửa khẩu Tân Thanh?", "2.900"),
    ("Còn bao nhiêu xe container chờ thông quan tại cửa khẩu Chi Ma?", "450"),
    ("Kho hàng cảng cạn Đồng Đăng còn tồn bao nhiêu tấn hàng?", "5.400"),
])
def test_near_miss_the_stock_when_no_average_asked(service: RagService, question: str,
                                                   value: str) -> None:
    """No average asked: what still waits on the report's day stays the answer."""
    a = service.ask(question, AskOptions())
    assert a.found and value in a.answer, (a.answer, a.confidence)
