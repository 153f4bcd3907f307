"""Per-day averages beside a stock at a moment (issue 17 break-test bt17, cua_khau: Q83,
Q89), on reports of our own: a report dated one day writes the trucks still waiting that
day ("còn 3.200 xe chờ") and, in the next paragraph, what the gates clear or receive on an
average day ("Trung bình mỗi ngày ... từ 800 - 950 xe", "khoảng 1.200 xe/ngày").  The
averages are no figure of the report's day: they carry no single day as their period, and a
question about the trucks waiting on that day is answered by the stock."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract

DOCS = {
    "huu-nghi-01-2033.txt": (
        "Xe hàng dồn về cửa khẩu Hữu Nghị\n\nNgày 14/01/2033\n\n"
        "Tính đến chiều 14/01/2033, tại cửa khẩu Hữu Nghị còn khoảng 3.200 xe hàng chờ "
        "xuất khẩu.\n\n"
        "Trung bình mỗi ngày, cửa khẩu chỉ giải phóng được từ 800 - 950 xe hàng, trong khi "
        "số xe mới đến khoảng 1.200 xe/ngày.\n"),
    "chi-ma-03-2034.txt": (
        "Tình hình xuất khẩu qua cửa khẩu Chi Ma\n\nNgày 09/03/2034\n\n"
        "Sáng 09/03/2034, bãi xe cửa khẩu Chi Ma còn tồn 610 xe container.\n\n"
        "Bình quân mỗi ngày xuất khẩu qua cửa khẩu Chi Ma khoảng 900 - 1.000 xe.\n"),
}
DATES = {"huu-nghi-01-2033.txt": "2033-01-14", "chi-ma-03-2034.txt": "2034-03-09"}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("dailyflows"), DOCS)


@pytest.mark.parametrize(("doc", "value"), [
    ("huu-nghi-01-2033.txt", "800 - 950 xe"),
    ("huu-nghi-01-2033.txt", "khoảng 1.200 xe/ngày"),
    ("chi-ma-03-2034.txt", "khoảng 900 - 1.000 xe"),
])
def test_a_daily_average_has_no_single_day(doc: str, value: str) -> None:
    read = extract(DOCS[doc], DOCS[doc].split("\n")[0], doc_date=DATES[doc])
    frames = {f.value: f for f in read}
    frame = next(f for v, f in frames.items() if v.endswith(value) or value in v)
    assert frame.period is None or frame.period.kind != "day", frame


@pytest.mark.parametrize(("doc", "value", "day"), [
    ("huu-nghi-01-2033.txt", "khoảng 3.200 xe", "2033-01-14"),
    ("chi-ma-03-2034.txt", "610 xe", "2034-03-09"),
])
def test_the_stock_keeps_its_day(doc: str, value: str, day: str) -> None:
    frames = extract(DOCS[doc], DOCS[doc].split("\n")[0], doc_date=DATES[doc])
    frame = next(f for f in frames if f.value == value)
    assert frame.period is not None and frame.period.start.isoformat() == day, frame


@pytest.mark.parametrize(("question", "value"), [
    ("How many trucks were waiting at the Huu Nghi border gate on 14 January 2033?", "3.200"),
    ("Số xe hàng chờ xuất khẩu tại cửa khẩu Hữu Nghị ngày 14/01/2033?", "3.200"),
    ("Bãi xe cửa khẩu Chi Ma còn tồn bao nhiêu xe container ngày 09/03/2034?", "610"),
    ("Bao nhiêu xe đang chờ ở cửa khẩu ngày 14/01/2033?", "3.200"),
])
def test_the_stock_on_the_day_asked(service: RagService, question: str, value: str) -> None:
    """The stock is the day's own figure: no caveat that the day has no figure of its own."""
    a = service.ask(question, AskOptions())
    assert a.found and value in a.answer, (a.answer, a.confidence)
    assert "không có số liệu riêng" not in (a.summary or ""), a.summary


@pytest.mark.parametrize(("question", "value"), [
    ("Cửa khẩu Hữu Nghị mỗi ngày giải phóng được bao nhiêu xe hàng?", "800 - 950"),
    ("Bình quân mỗi ngày xuất khẩu qua cửa khẩu Chi Ma bao nhiêu xe?", "900 - 1.000"),
])
def test_the_average_is_not_labelled_the_day(service: RagService, question: str,
                                             value: str) -> None:
    a = service.ask(question, AskOptions())
    assert a.found and value in a.answer, (a.answer, a.confidence)
    summary = a.summary or ""
    assert "14/1/2033" not in summary and "9/3/2034" not in summary, summary


def test_near_miss_the_arrivals_a_day(service: RagService) -> None:
    """The per-day arrivals are still the answer when asked per day."""
    a = service.ask("Số xe mới đến cửa khẩu Hữu Nghị mỗi ngày khoảng bao nhiêu?", AskOptions())
    assert a.found and "1.200" in a.answer, (a.answer, a.confidence)
    assert "14/1/2033" not in (a.summary or ""), a.summary


@pytest.mark.parametrize(("question", "value"), [
    ("Mỗi ngày có bao nhiêu xe mới đến cửa khẩu Hữu Nghị?", "1.200"),
    ("Bình quân mỗi ngày có bao nhiêu xe đến cửa khẩu Hữu Nghị?", "1.200"),
    ("Trung bình mỗi ngày xuất khẩu qua cửa khẩu Chi Ma bao nhiêu xe?", "900 - 1.000"),
])
def test_an_average_asked_is_no_stock_of_the_day(service: RagService, question: str,
                                                  value: str) -> None:
    """Asked per day ("mỗi ngày", "bình quân", "trung bình"), a figure said as an average or
    per day answers before the stock still waiting on the report's day, which the question's
    other words name as well (figures.averages_first; the first was answered with the 3.200
    trucks waiting on 71d37a7)."""
    a = service.ask(question, AskOptions())
    assert a.found and value in a.answer, (a.answer, a.confidence)


def test_near_miss_the_stock_when_no_average_asked(service: RagService) -> None:
    """No average asked: the trucks waiting on the day stay the answer."""
    a = service.ask("Còn bao nhiêu xe hàng chờ xuất khẩu tại cửa khẩu Hữu Nghị?", AskOptions())
    assert a.found and "3.200" in a.answer, (a.answer, a.confidence)
