"""Counts asked "now" ("hiện nay", "hiện tại", "tính đến nay", "mới nhất", or a bare "có bao
nhiêu"): the latest count at a day not later than the day asked, among counts the reports
give of the same thing at several dates; and the summary said with the report's own verb
("còn 1.130 xe", "có 91 chợ", "là 171 cửa hàng"), neutrally when it has none.  Reports
written for these tests, in the shapes of issue 17's closing break-test."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService

DOCS = [
    {"id": "cho", "title": "Thương mại 9 tháng năm 2025", "date": "2025-10-05",
     "text": "Đến tháng 3/2025, toàn tỉnh có 86 chợ hoạt động ổn định; đến hết tháng 9/2025 "
             "có 91 chợ."},
    {"id": "xang-dau", "title": "Kinh doanh xăng dầu năm 2025", "date": "2025-09-05",
     "text": "Tính đến ngày 31/5/2025, trên địa bàn có 164 cửa hàng xăng dầu. Tính đến ngày "
             "31/8/2025, số cửa hàng xăng dầu là 171 cửa hàng."},
    {"id": "xe-cho", "title": "Tình hình thông quan tháng 1 năm 2026", "date": "2026-01-16",
     "text": "Sáng 10/1/2026, tại cửa khẩu Tân Thanh còn 820 xe hàng chờ xuất khẩu. Sáng "
             "15/1/2026, tại cửa khẩu Tân Thanh còn 1.130 xe hàng chờ xuất khẩu."},
    {"id": "doanh-nghiep", "title": "Phát triển doanh nghiệp năm 2025", "date": "2026-01-10",
     "text": "Tính đến 30/6/2025, toàn tỉnh có 4.210 doanh nghiệp đang hoạt động; đến "
             "31/12/2025 có 4.385 doanh nghiệp."},
    {"id": "luu-tru", "title": "Du lịch năm 2025", "date": "2025-12-05",
     "text": "Đến tháng 6/2025, toàn tỉnh có 58 cơ sở lưu trú đạt từ 3 sao trở lên; đến hết "
             "tháng 11/2025 có 66 cơ sở."},
    {"id": "ban-le", "title": "Thương mại quý I năm 2025", "date": "2025-03-30",
     "text": "Quý I/2025, tổng mức bán lẻ hàng hóa ước đạt 7.420 tỷ đồng. Năm 2024, khách "
             "quốc tế 61.500 lượt; khách nội địa 2,1 triệu lượt. Năm 2025, số vụ buôn lậu bị "
             "bắt giữ giảm còn 212 vụ."},
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("current"), DOCS)


@pytest.mark.parametrize(("question", "today", "expected"), [
    ("hiện nay có bao nhiêu chợ", date(2025, 10, 20), "91 chợ"),
    # asked before the later count's day: the count then
    ("số chợ hiện tại", date(2025, 6, 1), "86 chợ"),
    ("số cửa hàng xăng dầu tính đến nay", date(2025, 9, 20), "171 cửa hàng"),
    ("số xe hàng chờ xuất khẩu tại cửa khẩu Tân Thanh mới nhất", date(2026, 1, 20), "1.130 xe"),
    # no time said: a count is asked as it stands
    ("có bao nhiêu doanh nghiệp đang hoạt động", date(2026, 2, 1), "4.385 doanh nghiệp"),
    ("có bao nhiêu chợ", date(2025, 10, 20), "91 chợ"),
    # the later count's clause after ";" names nothing of its own: it counts what the clause
    # before counted, not "sao trở"
    ("số cơ sở lưu trú hiện nay", date(2025, 12, 10), "66 cơ sở"),
    ("cơ sở lưu trú từ 3 sao trở lên tính đến nay có bao nhiêu", date(2025, 12, 10), "66 cơ sở"),
])
def test_the_latest_count_up_to_the_day_asked(service: RagService, question: str,
                                              today: date, expected: str) -> None:
    reply = service.ask(question, AskOptions(retrieval_mode="lexical", today=today))
    assert reply.found and reply.answer.startswith(expected), (reply.answer, reply.summary)


@pytest.mark.parametrize(("question", "said"), [
    ("số xe hàng chờ xuất khẩu tại cửa khẩu Tân Thanh sáng 15/1/2026",
     "còn 1.130 xe hàng chờ xuất khẩu tại cửa khẩu Tân Thanh"),
    ("có bao nhiêu chợ đến tháng 3/2025", "có 86 chợ hoạt động ổn định"),
    ("số cửa hàng xăng dầu tính đến 31/8/2025", "là 171 cửa hàng"),
    ("tổng mức bán lẻ hàng hóa quý I/2025", "tổng mức bán lẻ hàng hóa ước đạt 7.420 tỷ đồng"),
    ("số vụ buôn lậu bị bắt giữ năm 2025", "giảm còn 212 vụ"),
    # no verb before the value: said neutrally
    ("khách quốc tế năm 2024", "khách quốc tế: 61.500 lượt"),
])
def test_a_summary_says_the_reports_verb(service: RagService, question: str, said: str) -> None:
    reply = service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2026, 2, 1)))
    assert reply.found and reply.summary is not None and said in reply.summary, reply.summary
    if "đạt" not in said:
        assert "đạt" not in reply.summary, reply.summary
