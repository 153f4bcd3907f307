"""A count added in a period and the running total it brings, in one sentence, are two figures
(issue 17 break-test bt25-b17 failure 1): "Trong 9 tháng có 61 sản phẩm OCOP được công nhận
mới, nâng tổng số lên 412 sản phẩm" -- 61 is of the 9 months, 412 a level at their end; "9 xã
... trong năm; lũy kế có 74 xã" the same.  A question with "mới"/"thêm"/"trong năm" asks the
first, "tổng số"/"lũy kế"/"đến nay" the second.  Other things counted, periods and wordings
than the break-test's (doanh nghiệp thành lập mới, hợp tác xã, xã nông thôn mới, dự án cấp
mới; "đưa tổng số ... lên", "lũy kế có"); "lũy kế 6 tháng có N ... thành lập mới" stays the
months' count (dev3 and dev-report wording)."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract

DOCS = {
    "so-khdt-quy3-2066.txt": (
        "Báo cáo tình hình phát triển doanh nghiệp và kinh tế tập thể quý III năm 2066 tỉnh "
        "Tây Lam\nNgày 06/10/2066\n\n"
        "1. Doanh nghiệp\n"
        "Trong 9 tháng năm 2066, toàn tỉnh có 742 doanh nghiệp thành lập mới, nâng tổng số "
        "doanh nghiệp đang hoạt động lên 6.318 doanh nghiệp.\n\n"
        "2. Kinh tế tập thể\n"
        "Trong 9 tháng, thành lập mới 27 hợp tác xã, đưa tổng số hợp tác xã trên địa bàn tỉnh "
        "lên 486 hợp tác xã.\n\n"
        "3. Nông thôn mới\n"
        "Đến 30/9/2066, toàn tỉnh có 6 xã được công nhận đạt chuẩn nông thôn mới trong năm; "
        "lũy kế có 131 xã đạt chuẩn nông thôn mới.\n\n"
        "4. Thương mại\n"
        "Trong 9 tháng có 12 chợ được xây dựng mới, nâng tổng số lên 207 chợ.\n\n"
        "5. Đầu tư\n"
        "Quý III/2066, tỉnh cấp mới 18 dự án đầu tư ngoài ngân sách, nâng tổng số dự án còn "
        "hiệu lực lên 947 dự án.\n"),
}
TODAY = date(2066, 10, 20)


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("new_vs_cumulative"), DOCS)


def ask(service: RagService, question: str):  # noqa: ANN201 (an Answer)
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=TODAY))


@pytest.mark.parametrize(("sentence", "added", "total", "end"), [
    ("Trong 6 tháng năm 2066, có 14 hợp tác xã được thành lập mới, nâng tổng số hợp tác xã "
     "lên 352 hợp tác xã.", "14 hợp tác xã", "352 hợp tác xã", date(2066, 6, 30)),
    ("Năm 2066, toàn tỉnh có 1.186 doanh nghiệp đăng ký mới, đưa tổng số doanh nghiệp lên "
     "9.874 doanh nghiệp.", "1.186 doanh nghiệp", "9.874 doanh nghiệp", date(2066, 12, 31)),
])
def test_the_total_is_a_level_at_the_period_end(sentence: str, added: str, total: str,
                                                 end: date) -> None:
    frames = {f.value: f for f in extract(sentence, "Báo cáo năm 2066", "2066-12-20")}
    assert frames[total].period is not None and frames[total].period.kind == "to_date"
    assert frames[total].period.end == end
    assert frames[added].period is not None and frames[added].period.kind != "to_date"
    assert frames[added].indicator != frames[total].indicator


def test_a_months_running_count_stays_of_the_months() -> None:
    frames = {f.value: f for f in extract(
        "Tháng 8 có 55 doanh nghiệp thành lập mới; lũy kế 8 tháng có 430 doanh nghiệp thành "
        "lập mới.", "Báo cáo tháng 8 năm 2066", "2066-08-28")}
    assert frames["430 doanh nghiệp"].period is not None
    assert frames["430 doanh nghiệp"].period.kind == "months"


@pytest.mark.parametrize(("question", "want", "not_want"), [
    ("số doanh nghiệp thành lập mới 9 tháng năm 2066?", "742", "6.318"),
    ("9 tháng năm 2066 có bao nhiêu doanh nghiệp thành lập mới?", "742", "6.318"),
    ("tổng số doanh nghiệp đang hoạt động đến nay?", "6.318", "742"),
    ("số hợp tác xã thành lập mới 9 tháng 2066?", "27", "486"),
    ("tổng số hợp tác xã trên địa bàn tỉnh hiện nay?", "486", "27 "),
    ("trong 9 tháng 2066 có bao nhiêu xã được công nhận đạt chuẩn nông thôn mới?", "6 xã",
     "131"),
    ("lũy kế số xã đạt chuẩn nông thôn mới đến nay?", "131", "6 xã"),
    ("số chợ được xây dựng mới trong 9 tháng năm 2066?", "12 chợ", "207"),
    ("tổng số chợ trên địa bàn đến nay?", "207", "12 chợ"),
    ("số dự án cấp mới quý III/2066?", "18", "947"),
    ("tổng số dự án còn hiệu lực đến nay?", "947", "18 dự án"),
])
def test_each_question_gets_its_figure(service: RagService, question: str, want: str,
                                       not_want: str) -> None:
    reply = ask(service, question)
    assert reply.found and want in reply.answer, (reply.answer, reply.confidence)
    assert not_want not in reply.answer, reply.answer
