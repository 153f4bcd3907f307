"""Two indicators of one subject in one report, each dated its own way -- a count to a day
("Toàn tỉnh hiện có 6.284 doanh nghiệp đang hoạt động", to the report's date) beside a month's
flow ("Trong tháng 9 ... 87 doanh nghiệp thành lập mới"): the indicator the question names
outweighs the exact period of the other (break-test b17 F: "số doanh nghiệp đang hoạt động
tháng 9/2036" gave the 87 new ones, "thành lập mới 9 tháng" the 6.284 active).  The reports
below are written for these tests in other subjects' words (cooperatives, retail outlets)."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService

DOCS = [
    {"id": "htx-thang10", "title": "Kinh tế tập thể tháng 10 năm 2031", "date": "2031-10-27",
     "text": "Trong tháng 10, toàn tỉnh có 14 hợp tác xã thành lập mới. Lũy kế đến nay toàn "
             "tỉnh có 512 hợp tác xã đang hoạt động."},
    {"id": "ban-le-q3", "title": "Thương mại nội địa quý III năm 2031", "date": "2031-09-30",
     "text": "Quý III/2031 có 23 cửa hàng tiện lợi khai trương mới, riêng tháng 9 có 8 cửa "
             "hàng. Tính đến 30/9/2031 trên địa bàn tỉnh có 187 cửa hàng tiện lợi đang kinh "
             "doanh."},
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("cross"), DOCS)


@pytest.mark.parametrize(("question", "expected"), [
    # the count to a day, though another indicator has the month exactly
    ("số hợp tác xã đang hoạt động tháng 10/2031", "512"),
    ("có bao nhiêu hợp tác xã đang hoạt động trong tháng 10 năm 2031", "512"),
    # the month's new ones, asked by their own words
    ("số hợp tác xã thành lập mới tháng 10/2031", "14"),
    # the other way round: the quarter's openings, not the count to its last day
    ("số cửa hàng tiện lợi khai trương mới quý III/2031", "23"),
    ("số cửa hàng tiện lợi đang kinh doanh tháng 9/2031", "187"),
    ("số cửa hàng tiện lợi khai trương mới tháng 9/2031", "8"),
])
def test_the_asked_indicator_outweighs_another_indicators_period(
        service: RagService, question: str, expected: str) -> None:
    reply = service.ask(question, AskOptions(retrieval_mode="lexical",
                                             today=date(2031, 12, 1)))
    assert reply.found and reply.answer.startswith(expected), (reply.answer, reply.summary)
