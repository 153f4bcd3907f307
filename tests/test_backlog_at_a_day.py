"""A backlog counted "tính đến (an hour of) a day" is that day's, and a gate asked keeps its part
(issue 17 break-test bt17j, cuakhau_thang12_2047):

- "Tính đến 17 giờ ngày 22/12/2047, tại các cửa khẩu còn tồn 2.640 phương tiện chờ xuất khẩu"
  answers "số phương tiện tồn tại cửa khẩu ngày 22/12/2047": a backlog (vehicles waiting) is
  no stock for a month or a year, yet its count up to a day is its state on that day -- it was
  refused at 0.86 ("tính đến 22/12/2047, không có số liệu ngày 22/12/2047"), with or without
  the hour ("16h00 ngày", "8 giờ sáng ngày" read as the day itself: tests/test_moment_counts.py);
- "..., trong đó cửa khẩu Tân Thanh 1.720 xe, cửa khẩu Chi Ma 515 xe. Sáng 23/12/2047, số xe
  tồn giảm còn 2.105 xe": the later total is of all the gates the sentence before lists, no
  figure of Chi Ma -- "số xe tồn tại Chi Ma" got 2.105 xe and must get 515, said for its day.

Near-misses: "Hiện nay còn bao nhiêu xe tồn tại các cửa khẩu?" keeps the later total; a day
before the count is still refused; a market named alone the sentence before still owns the
figure after it (tests/test_subject_said_before.py).
"""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import service_over_files
from helpers import make_docx

from rag.records import AskOptions
from rag.service import RagService

_HTML = ("<html><head><title>Cửa khẩu tháng 2/2054</title></head><body>"
         "<nav><a href='/'>Trang chủ</a> | <a href='/tin'>Tin tức</a></nav>"
         "<h1>Tình hình thông quan tại các cửa khẩu tháng 2/2054</h1><p>Ngày 11/02/2054</p>"
         "<p>Đến 16h00 ngày 10/02/2054, tại các cửa khẩu còn 3.200 xe hàng chờ xuất khẩu, trong "
         "đó cửa khẩu Hữu Nghị 1.260 xe, cửa khẩu Tân Thanh 2.050 xe.</p>"
         "<p>Chiều 11/02/2054, số xe chờ giảm còn 2.480 xe.</p>"
         "<footer>Bản quyền thuộc Ban Quản lý Khu kinh tế cửa khẩu</footer></body></html>")

DOCS: dict[str, str | bytes] = {
    "cuakhau_12_2051.txt": (
        "Tình hình hàng hóa tại các cửa khẩu cuối năm 2051\n"
        "Ban Quản lý Khu kinh tế cửa khẩu, ngày 23/12/2051\n\n"
        "Từ ngày 1/12 đến hết ngày 20/12/2051, kim ngạch xuất nhập khẩu qua các cửa khẩu trên "
        "địa bàn đạt 812,6 triệu USD, trong đó xuất khẩu 401,2 triệu USD.\n"
        "Tính đến 17 giờ ngày 22/12/2051, tại các cửa khẩu còn tồn 2.640 phương tiện chờ xuất "
        "khẩu, trong đó cửa khẩu Tân Thanh 1.720 xe, cửa khẩu Chi Ma 515 xe. Sáng 23/12/2051, "
        "số xe tồn giảm còn 2.105 xe.\n"
        "Bình quân mỗi ngày trong tháng 12 có khoảng 1.900 lượt phương tiện xuất nhập cảnh qua "
        "cửa khẩu quốc tế Hữu Nghị.\n"),
    "cuakhau_01_2053.docx": make_docx(
        "Tình hình các cửa khẩu tháng 01/2053",
        "Ngày 16/01/2053",
        "Tính đến hết ngày 15/01/2053, tại các cửa khẩu còn tồn 1.930 phương tiện chờ "
        "xuất khẩu, trong đó cửa khẩu Hữu Nghị 1.100 xe, cửa khẩu Cốc Nam 410 xe. Chiều "
        "16/01/2053, số xe tồn còn 1.650 xe."),
    "cuakhau_02_2054.html": _HTML,
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("backlog_day"), DOCS)


def _ask(service: RagService, question: str, today: dt.date | None = None):  # type: ignore[no-untyped-def]
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=today))


@pytest.mark.parametrize(("question", "value"), [
    ("số phương tiện tồn tại cửa khẩu ngày 22/12/2051", "2.640"),
    ("xe tồn ở Tân Thanh ngày 22/12/2051", "1.720"),
    ("số phương tiện tồn tại cửa khẩu ngày 15/01/2053", "1.930"),
    ("xe tồn ở Cốc Nam ngày 15/01/2053", "410"),
    ("so phuong tien ton tai cua khau ngay 15/1/2053", "1.930"),
    ("số xe chờ xuất khẩu tại các cửa khẩu ngày 10/02/2054", "3.200"),
])
def test_a_backlog_to_a_day_answers_that_day(service: RagService, question: str,
                                              value: str) -> None:
    answer = _ask(service, question)
    assert answer.found and value in answer.answer, (question, answer.answer)


@pytest.mark.parametrize(("question", "today", "value", "day"), [
    ("số xe tồn tại Chi Ma", dt.date(2051, 12, 24), "515", "2051-12-22"),
    ("số xe tồn tại Tân Thanh", dt.date(2051, 12, 23), "1.720", "2051-12-22"),
    ("so xe ton tai chi ma", dt.date(2051, 12, 24), "515", "2051-12-22"),
    ("xe tồn ở cửa khẩu Cốc Nam", dt.date(2053, 1, 17), "410", "2053-01-15"),
    ("số xe chờ xuất khẩu tại cửa khẩu Hữu Nghị", dt.date(2054, 2, 12), "1.260", "2054-02-10"),
])
def test_a_gate_asked_keeps_its_part_not_a_later_total(service: RagService, question: str,
                                                       today: dt.date, value: str,
                                                       day: str) -> None:
    answer = _ask(service, question, today)
    assert answer.found and value in answer.answer, (question, answer.answer)
    assert answer.figure is not None and answer.figure.period is not None
    # said for the day of the gate's count, not the later total's day
    assert str(answer.figure.period.end) == day, answer.figure.period


@pytest.mark.parametrize(("question", "today", "value"), [
    ("Hiện nay còn bao nhiêu xe tồn tại các cửa khẩu?", dt.date(2051, 12, 24), "2.105"),
    ("Hiện nay còn bao nhiêu xe chờ tại các cửa khẩu?", dt.date(2054, 2, 12), "2.480"),
])
def test_near_miss_all_gates_now_keeps_the_later_total(service: RagService, question: str,
                                                       today: dt.date, value: str) -> None:
    answer = _ask(service, question, today)
    assert answer.found and value in answer.answer, (question, answer.answer)


def test_near_miss_a_day_before_the_count_is_refused(service: RagService) -> None:
    answer = _ask(service, "số xe tồn tại cửa khẩu ngày 21/12/2051")
    assert not answer.found, answer.answer


def test_names_several_of_one_kind() -> None:
    from rag.answer.places import names_several

    assert names_several("trong đó cửa khẩu Tân Thanh 1.720 xe, cửa khẩu Chi Ma 515 xe")
    assert not names_several("Chợ Đông Kinh hiện có 1.200 hộ kinh doanh cố định.")
    assert not names_several("cửa khẩu Chi Ma (huyện Lộc Bình) còn 515 xe")


_LISTED = ("Tính đến 17 giờ ngày 22/12/2051, tại các cửa khẩu còn tồn 2.640 phương tiện chờ xuất "
           "khẩu, trong đó cửa khẩu Tân Thanh 1.720 xe, cửa khẩu Chi Ma 515 xe. Sáng 23/12/2051, "
           "số xe tồn giảm còn 2.105 xe.")


@pytest.mark.parametrize(("lead", "gate", "value", "fits"), [
    ("Từ ngày 1/12 đến hết ngày 20/12/2051, kim ngạch đạt 812,6 triệu USD.\n", "chi ma",
     "2.105", False),
    ("", "tan thanh", "2.105", False),  # the listing sentence is the document's lead
    ("", "chi ma", "515", True),
])
def test_a_total_after_a_list_of_gates_is_none_of_theirs(lead: str, gate: str, value: str,
                                                         fits: bool) -> None:
    """The score-free rule behind "số xe tồn tại Chi Ma" -> 2.105 xe (bt17j, with the real
    embedder): the later total took the gate from the sentence before or the lead."""
    from rag.answer.places import gates_fit
    from rag.vi.frames.document import extract

    text = lead + _LISTED
    frame = next(f for f in extract(text) if f.value.startswith(value))
    assert gates_fit(frozenset({gate}), frame, text, "Tình hình các cửa khẩu") is fits


def test_near_miss_one_unit_said_before_still_owns_the_figure() -> None:
    from rag.answer.places import gates_fit
    from rag.vi.frames.document import extract

    text = "Báo cáo năm 2071.\nChợ Đông Kinh hiện có 1.200 hộ kinh doanh. Doanh thu năm 2071 " \
           "ước đạt 850 tỷ đồng."
    frame = next(f for f in extract(text) if f.value.startswith("850"))
    assert gates_fit(frozenset({"dong kinh"}), frame, text, "Báo cáo năm 2071")
