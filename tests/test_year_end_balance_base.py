"""A year's count asked against the end of the year before ("Số sản phẩm OCOP năm 2066 tăng
bao nhiêu so với cuối 2065?") when the report states that change itself, the base's level
written in its comparison ("So với cuối năm 2065 (189 sản phẩm), số sản phẩm tăng 62 sản
phẩm") after a December balance ("đến ngày 20/12/2066 toàn tỉnh có 251 sản phẩm OCOP").

The stated change answers -- never the two levels computed, as the question names a base the
change states (break-test s43 bt17m ocop_2066, session 44 neighbour2).  Two rules make it:
a balance to a day of December against the end of the year before is the year's change too
(rag.answer.figures.frame_bases), and a change whose sentence writes the compared level is of
that level's indicator, whatever words it leaves out ("số sản phẩm" for "sản phẩm OCOP";
rag.answer.answerer._base_written_in).  Near misses: a balance to November is no year's;
a report that states no change keeps the two levels; a change of another indicator keeps
losing to the levels."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files
from helpers import report_file

from rag.records import AskOptions
from rag.service import RagService

OCOP = ["Lạng Sơn phát triển sản phẩm OCOP năm 2066",
        "Tính đến tháng 6/2066, toàn tỉnh có 214 sản phẩm OCOP được công nhận.",
        "Sau đợt đánh giá cuối năm, đến ngày 20/12/2066 toàn tỉnh có 251 sản phẩm OCOP, trong "
        "đó 4 sản phẩm 5 sao, 45 sản phẩm 4 sao. So với cuối năm 2065 (189 sản phẩm), số sản "
        "phẩm tăng 62 sản phẩm.",
        "Doanh thu của các chủ thể OCOP năm 2066 ước đạt 512 tỷ đồng, tăng 18,4%."]
HTX = ["Báo cáo tình hình phát triển kinh tế tập thể năm 2071",
       "Đến ngày 15/12/2071, toàn tỉnh có 512 hợp tác xã đang hoạt động với 6.840 thành viên. "
       "So với cuối năm 2070 (468 hợp tác xã), số hợp tác xã tăng 44 hợp tác xã.",
       "Doanh thu bình quân của một hợp tác xã ước đạt 2,1 tỷ đồng."]
DN = ["Tình hình phát triển doanh nghiệp năm 2058",
      "Tính đến ngày 25/12/2058, toàn tỉnh có 3.420 doanh nghiệp đang hoạt động; so với cuối "
      "năm 2057 (3.180 doanh nghiệp) tăng 240 doanh nghiệp.",
      "Trong năm, có 412 doanh nghiệp thành lập mới với tổng vốn đăng ký 3.950 tỷ đồng."]
# near miss: a balance to November is no year's count
NOV = ["Tình hình phát triển làng nghề năm 2062",
       "Tính đến ngày 30/11/2062, toàn tỉnh có 58 làng nghề được công nhận. So với cuối năm "
       "2061 (49 làng nghề), số làng nghề tăng 9 làng nghề."]
# near miss: no change stated -- the two levels, the change computed from them
LEVELS = ["Tình hình phát triển chợ năm 2064",
          "Đến ngày 18/12/2064, toàn tỉnh có 86 chợ đang hoạt động, trong đó 12 chợ hạng II.",
          "Cuối năm 2063, toàn tỉnh có 81 chợ."]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    files: dict[str, str | bytes] = {}
    for n, (kind, doc) in enumerate([("html", OCOP), ("docx", HTX), ("txt", DN),
                                     ("html", NOV), ("docx", LEVELS)]):
        name, data = report_file(kind, doc)
        files[f"{n}-{name}"] = data
    return service_over_files(tmp_path_factory.mktemp("year_end_balance"), files)


def ask(service: RagService, question: str, today: date):
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=today))


@pytest.mark.parametrize(("question", "today", "expected"), [
    ("Số sản phẩm OCOP năm 2066 tăng bao nhiêu so với cuối 2065?", date(2067, 1, 20),
     "62 sản phẩm"),
    ("Số sản phẩm OCOP năm 2066 tăng bao nhiêu so với năm 2065?", date(2067, 1, 20),
     "62 sản phẩm"),
    ("Số hợp tác xã năm 2071 tăng bao nhiêu so với cuối năm 2070?", date(2072, 1, 5),
     "44 hợp tác xã"),
    ("Năm 2058 số doanh nghiệp đang hoạt động tăng thêm bao nhiêu so với cuối năm 2057?",
     date(2059, 1, 8), "240 doanh nghiệp"),
])
def test_the_stated_change_against_the_year_end_answers(service: RagService, question: str,
                                                        today: date, expected: str) -> None:
    reply = ask(service, question, today)
    assert reply.found and (reply.answer or "").startswith(expected), reply.answer
    assert not reply.parts, reply.answer


def test_a_balance_to_november_is_no_years_change(service: RagService) -> None:
    reply = ask(service, "Số làng nghề năm 2062 tăng bao nhiêu so với cuối năm 2061?",
                date(2063, 1, 10))
    assert not (reply.found and reply.period_match == "exact" and
                (reply.answer or "").startswith("9 làng nghề")), reply.answer


def test_with_no_change_stated_the_two_levels_answer(service: RagService) -> None:
    reply = ask(service, "Số chợ năm 2064 tăng bao nhiêu so với cuối năm 2063?",
                date(2065, 1, 10))
    assert reply.found and len(reply.parts) == 2, reply.answer
    assert "tăng 5" in (reply.summary or ""), reply.summary
