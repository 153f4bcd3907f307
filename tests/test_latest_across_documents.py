"""A count asked "now" ("hiện nay", "đến nay", "mới nhất", or no period) when an older report
words it like the question ("Hiện nay, toàn tỉnh có 412 hợp tác xã") and a newer one words
it otherwise (a speaker, "cho biết:", a verb): the latest count dated up to the day asked
wins across documents, and ``period_match`` says what the figure is for the day asked
(exact: a count dated up to it, or no period asked; partial: a period's figure, a flow; none:
dated after it);
a count of what was done since a day ("đã hỗ trợ thành lập 31 hợp tác xã mới") is no count
now.
Reports written for these tests, in the shape of issue 17's closing break-test (a seed's
"Hiện nay" count against a press conference's counts at later dates)."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService

DOCS = [
    {"id": "htx-cu", "title": "Kinh tế tập thể quý I năm 2025", "date": "2025-03-28",
     "text": "Hiện nay, toàn tỉnh có 412 hợp tác xã đang hoạt động, thu hút hơn 9.000 thành "
             "viên tham gia."},
    {"id": "htx-hop-bao", "title": "Họp báo kết quả 6 tháng đầu năm 2026", "date": "2026-07-16",
     "text": "Phát biểu tại họp báo, Phó Chủ tịch Liên minh Hợp tác xã tỉnh cho biết: đến hết "
             "năm 2025, toàn tỉnh có 468 hợp tác xã đang hoạt động; tính đến ngày 30/6/2026 "
             "có 495 hợp tác xã đang hoạt động."},
    {"id": "tien-loi-cu", "title": "Thương mại nội địa quý I năm 2025", "date": "2025-04-02",
     "text": "Hiện nay, trên địa bàn tỉnh có 37 cửa hàng tiện lợi."},
    {"id": "tien-loi-moi", "title": "Tổng kết ngành Công Thương năm 2025", "date": "2026-01-15",
     "text": "Giám đốc Sở Công Thương cho biết: tính đến ngày 31/12/2025, mạng lưới bán lẻ "
             "của tỉnh có 52 cửa hàng tiện lợi, trong đó 9 cửa hàng mở mới trong năm."},
    # what was done since the start of the year, not what there is: never the count now
    {"id": "htx-moi", "title": "Kinh tế tập thể 9 tháng năm 2026", "date": "2026-10-05",
     "text": "Từ đầu năm 2026 đến nay, Liên minh Hợp tác xã tỉnh đã hỗ trợ thành lập 31 hợp "
             "tác xã mới."},
    # two counts in one sentence, the later "đến tháng 12" in a report of 18/12: as of 18/12
    # (issue 17 break-test b17 C: "hiện nay" asked on 25/12 gave the June count)
    {"id": "tram-sac", "title": "Hạ tầng thương mại năm 2026", "date": "2026-12-18",
     "text": "Đến tháng 6/2026, toàn tỉnh có 64 trạm sạc xe điện; đến tháng 12/2026 con số "
             "này đã là 90 trạm sạc xe điện."},
    {"id": "xuat-khau", "title": "Xuất khẩu tháng 5 năm 2026", "date": "2026-06-05",
     "text": "Tháng 5/2026, kim ngạch xuất khẩu qua địa bàn tỉnh đạt 410 triệu USD."},
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("latest"), DOCS)


def _ask(service: RagService, question: str, today: date):  # noqa: ANN202 - an Answer
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=today))


@pytest.mark.parametrize(("question", "today", "expected"), [
    # after the newer report's first count, before its second: the first, not the older report's
    ("số hợp tác xã đang hoạt động hiện nay", date(2026, 2, 1), "468"),
    ("hiện nay tỉnh có bao nhiêu hợp tác xã đang hoạt động", date(2026, 3, 1), "468"),
    ("số hợp tác xã đang hoạt động đến nay", date(2026, 5, 10), "468"),
    ("số hợp tác xã mới nhất", date(2026, 8, 1), "495"),
    ("hiện nay có bao nhiêu hợp tác xã", date(2026, 10, 20), "495"),
    # before the newer report's dates: the older report's count
    ("số hợp tác xã đang hoạt động hiện nay", date(2025, 6, 1), "412"),
    ("hiện nay có bao nhiêu cửa hàng tiện lợi", date(2026, 3, 1), "52"),
    ("số cửa hàng tiện lợi hiện nay", date(2025, 9, 1), "37"),
    # a count "đến tháng 12" stands at its report's date (18/12), not at 31/12
    ("hiện nay tỉnh có bao nhiêu trạm sạc xe điện?", date(2026, 12, 25), "90"),
    ("số trạm sạc xe điện hiện nay", date(2026, 12, 20), "90"),
    ("số trạm sạc xe điện hiện nay", date(2027, 1, 10), "90"),
    ("hiện nay tỉnh có bao nhiêu trạm sạc xe điện?", date(2026, 12, 10), "64"),
])
def test_the_latest_count_up_to_the_day_wins_across_documents(
        service: RagService, question: str, today: date, expected: str) -> None:
    reply = _ask(service, question, today)
    assert reply.found and reply.answer.startswith(expected), (reply.answer, reply.summary)


@pytest.mark.parametrize(("question", "today", "match"), [
    # a count dated up to the day asked: the state at its date
    ("số hợp tác xã đang hoạt động hiện nay", date(2026, 2, 1), "exact"),
    ("số cửa hàng tiện lợi hiện nay", date(2026, 3, 1), "exact"),
    ("số hợp tác xã mới nhất", date(2026, 8, 1), "exact"),
    ("số trạm sạc xe điện hiện nay", date(2026, 12, 25), "exact"),
    # a month's exports asked "now": the latest period's figure, a flow, not a state
    ("kim ngạch xuất khẩu hiện nay", date(2026, 6, 10), "partial"),
    # no period asked: the figure the reports give, its period said -- exact (a found
    # answer is never "none" when nothing was asked; break-test bt17f, tests/test_pmatch.py)
    ("có bao nhiêu cửa hàng tiện lợi", date(2026, 3, 1), "exact"),
])
def test_period_match_of_a_point_in_time_question(service: RagService, question: str,
                                                  today: date, match: str) -> None:
    reply = _ask(service, question, today)
    assert reply.found and reply.period_match == match, (reply.answer, reply.period_match)
