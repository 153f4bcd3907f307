"""Of two counts of one backlog on the same day, the later moment is the state "hiện nay" asks
(session 44 brief sameday; break-test bt17n, cuakhau_thang12_2079):

- "Sáng ngày 21/12/2079, tại các cửa khẩu còn tồn 2.870 xe hàng chờ xuất khẩu ... Tính đến 17
  giờ chiều cùng ngày, số xe tồn giảm còn 2.315 xe." asked "Hiện nay còn bao nhiêu xe hàng tồn
  tại cửa khẩu?" got the morning's 2.870 at 0.918: both stand at 21/12, "cùng ngày" being the
  day just named, and the afternoon's count -- worded short ("số xe") -- scored too low to be
  near.  Its time of day ("17 giờ chiều", "trưa", "tối", "đến 16 giờ cùng ngày",
  rag.answer.figures.moment_in_day) orders it after the morning's.

Near-misses: the morning asked ("sáng ngày ...") keeps the morning figure; a later day's
count still beats a same-day afternoon one by its day.
"""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import service_over_files
from helpers import make_docx

from rag.records import AskOptions
from rag.service import RagService

DOCS: dict[str, str | bytes] = {
    "cuakhau_12_2061.txt": (
        "Tình hình thông quan hàng hóa tại các cửa khẩu tháng 12/2061\n"
        "Ngày 22/12/2061\n\n"
        "Từ ngày 1 đến hết ngày 15/12/2061, tổng kim ngạch xuất nhập khẩu qua các cửa khẩu "
        "đạt 1,62 tỷ USD.\n"
        "Sáng ngày 21/12/2061, tại các cửa khẩu còn tồn 2.870 xe hàng chờ xuất khẩu, chủ yếu "
        "là thanh long và mít. Tính đến 17 giờ chiều cùng ngày, số xe tồn giảm còn 2.315 xe.\n"),
    "cuakhau_01_2063.docx": make_docx(
        "Tình hình các cửa khẩu tháng 01/2063",
        "Ngày 12/01/2063",
        "Sáng 11/01/2063, tại các cửa khẩu còn 1.940 phương tiện chờ xuất khẩu. Trưa cùng "
        "ngày, số phương tiện còn 1.610 phương tiện."),
    "cuakhau_02_2064.txt": (
        "Báo cáo nhanh tình hình cửa khẩu tháng 2/2064\n"
        "Ngày 06/02/2064\n\n"
        "Sáng 05/02/2064, tại các cửa khẩu còn tồn 3.420 container hàng hóa chờ thông quan. "
        "Đến 16 giờ cùng ngày, số container tồn còn 2.980 container.\n"),
    "cuakhau_03_2065.txt": (
        "Tình hình cửa khẩu tháng 3/2065\n"
        "Ngày 10/03/2065\n\n"
        "Chiều 09/03/2065, tại các cửa khẩu còn tồn 1.250 xe hàng nông sản chờ xuất khẩu. "
        "Tối cùng ngày, số xe tồn còn 1.040 xe.\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("same_day_later"), DOCS)


def _ask(service: RagService, question: str, today: dt.date):  # type: ignore[no-untyped-def]
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=today))


@pytest.mark.parametrize(("question", "today", "value"), [
    ("Hiện nay còn bao nhiêu xe hàng tồn tại cửa khẩu?", dt.date(2061, 12, 22), "2.315"),
    ("Hiện nay tại các cửa khẩu còn bao nhiêu phương tiện chờ xuất khẩu?",
     dt.date(2063, 1, 12), "1.610"),
    ("Hiện nay còn bao nhiêu container hàng hóa chờ thông quan tại các cửa khẩu?",
     dt.date(2064, 2, 6), "2.980"),
    ("Hiện nay còn bao nhiêu xe hàng nông sản tồn tại cửa khẩu?", dt.date(2065, 3, 10),
     "1.040"),
])
def test_now_asks_the_later_moment_of_the_day(service: RagService, question: str,
                                              today: dt.date, value: str) -> None:
    answer = _ask(service, question, today)
    assert answer.found and value in answer.answer, (question, answer.answer)


@pytest.mark.parametrize(("question", "today", "value"), [
    ("Sáng ngày 21/12/2061 còn bao nhiêu xe hàng tồn tại cửa khẩu?", dt.date(2061, 12, 22),
     "2.870"),
    ("Sáng 05/02/2064 còn bao nhiêu container hàng hóa tồn chờ thông quan?",
     dt.date(2064, 2, 6), "3.420"),
])
def test_near_miss_the_morning_asked_keeps_the_morning(service: RagService, question: str,
                                                       today: dt.date, value: str) -> None:
    answer = _ask(service, question, today)
    assert answer.found and value in answer.answer, (question, answer.answer)


@pytest.mark.parametrize(("clause", "moment"), [
    ("Tính đến 17 giờ chiều cùng ngày, số xe", 17.0),
    ("5 giờ chiều 03/4/2061 còn", 17.0),
    ("Đến 16h30 ngày 10/02/2054, còn", 16.5),
    ("Sáng ngày 21/12/2061, tại các cửa khẩu còn tồn", 8.0),
    ("Trưa cùng ngày, số phương tiện còn", 12.0),
    ("Tối cùng ngày, số xe tồn còn", 19.0),
    ("Tính đến hết ngày 15/01/2053, còn tồn", 24.0),
    ("Năm 2061 có 16 hộ kinh doanh", None),
    ("Sang năm 2062 dự kiến tối đa 300 xe", None),
])
def test_moment_in_day(clause: str, moment: float | None) -> None:
    from rag.answer.figures import moment_in_day

    assert moment_in_day(clause) == moment
