"""A count at two points and the year's additions in one news item, worded as bt17e's
ocop_2025 (issue 17, break-test bt17e o03, o04, o06, x05): "Tính đến ngày 30/6/2025, toàn
tỉnh có 176 sản phẩm ... tính đến ngày 15/12/2025 số sản phẩm OCOP của tỉnh đã nâng lên 209
sản phẩm, trong đó có 186 sản phẩm 3 sao, 21 sản phẩm 4 sao ..." then "Riêng năm 2025, tỉnh
công nhận mới 47 sản phẩm OCOP (40 sản phẩm 3 sao, 7 sản phẩm 4 sao)".  A count "nâng lên"/
"tăng lên" at a day is what stands then ("hiện nay": rag.answer.figures.latest_first); a
question at a point ("tính đến ngày", "đến tháng 12", "đến cuối năm") or naming no period
asks the stock, and the bracketed parts of an addition are additions too
(rag.answer.figures.added_or_total, said_added).  Reports written for these tests."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService

OCOP = {"id": "ocop36", "title": "Lạng Sơn: Chương trình OCOP tiếp tục lan tỏa",
        "date": "2036-12-17",
        "text": "Tính đến ngày 30/6/2036, toàn tỉnh có 160 sản phẩm được công nhận đạt chuẩn "
                "OCOP. Sau đợt đánh giá, phân hạng cuối năm, tính đến ngày 15/12/2036 số sản "
                "phẩm OCOP của tỉnh đã nâng lên 188 sản phẩm, trong đó có 170 sản phẩm 3 sao, "
                "16 sản phẩm 4 sao và 2 sản phẩm tiềm năng 5 sao.\nRiêng năm 2036, toàn tỉnh công "
                "nhận mới 35 sản phẩm OCOP (30 sản phẩm 3 sao, 5 sản phẩm 4 sao).\nVề chủ thể, "
                "các hợp tác xã có 101 sản phẩm, doanh nghiệp 47 sản phẩm, hộ sản xuất kinh "
                "doanh 40 sản phẩm.\nDoanh thu từ các sản phẩm OCOP năm 2036 ước đạt 280 tỷ "
                "đồng."}
HTX = {"id": "htx37", "title": "Kinh tế tập thể tỉnh Lạng Sơn tiếp tục phát triển",
       "date": "2037-12-14",
       "text": "Tính đến ngày 30/6/2037, toàn tỉnh có 410 hợp tác xã đang hoạt động. Sau đợt "
               "rà soát, tính đến ngày 10/12/2037 số hợp tác xã của tỉnh đã tăng lên 445 hợp "
               "tác xã, trong đó có 320 hợp tác xã nông nghiệp, 125 hợp tác xã phi nông "
               "nghiệp.\nRiêng năm 2037, tỉnh thành lập mới 38 hợp tác xã (30 hợp tác xã nông "
               "nghiệp, 8 hợp tác xã phi nông nghiệp).\nTổng số thành viên hợp tác xã ước đạt "
               "9.800 thành viên."}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("now_and_year_end"), [OCOP, HTX])


@pytest.mark.parametrize(("question", "today", "expected"), [
    ("Hiện nay Lạng Sơn có bao nhiêu sản phẩm OCOP?", date(2037, 1, 10), "188 sản phẩm"),
    ("Có bao nhiêu sản phẩm OCOP 4 sao tính đến tháng 12/2036?", None, "16 sản phẩm"),
    ("Có bao nhiêu sản phẩm OCOP 4 sao?", date(2037, 1, 10), "16 sản phẩm"),
    ("so san pham ocop 3 sao den cuoi nam 2036", None, "170 sản phẩm"),
    ("so san pham ocop 3 sao toan tinh den cuoi nam 2036", None, "170 sản phẩm"),
    ("Đến tháng 12/2037 tỉnh có bao nhiêu hợp tác xã phi nông nghiệp?", None,
     "125 hợp tác xã"),
    ("Tỉnh có bao nhiêu hợp tác xã phi nông nghiệp?", date(2038, 1, 5), "125 hợp tác xã"),
    ("Hiện nay tỉnh có bao nhiêu hợp tác xã?", date(2038, 1, 5), "445 hợp tác xã"),
    ("Đến cuối năm 2037 có bao nhiêu hợp tác xã nông nghiệp?", None, "320 hợp tác xã"),
    ("Tính đến ngày 10/12/2037 có bao nhiêu hợp tác xã phi nông nghiệp?", None,
     "125 hợp tác xã"),
    # near-misses: the year's additions and the first point keep their answers
    ("Năm 2036 công nhận mới bao nhiêu sản phẩm OCOP 4 sao?", None, "5 sản phẩm"),
    ("Riêng năm 2036 tỉnh công nhận mới bao nhiêu sản phẩm OCOP?", None, "35 sản phẩm"),
    ("Tính đến ngày 30/6/2036 có bao nhiêu sản phẩm OCOP?", None, "160 sản phẩm"),
    ("Năm 2037 thành lập mới bao nhiêu hợp tác xã nông nghiệp?", None, "30 hợp tác xã"),
    ("Năm 2037 tỉnh thành lập mới bao nhiêu hợp tác xã phi nông nghiệp?", date(2038, 1, 5),
     "8 hợp tác xã"),
    ("Năm 2036 toàn tỉnh công nhận mới bao nhiêu sản phẩm OCOP 4 sao?", None, "5 sản phẩm"),
])
def test_count_now_at_a_point_or_added(service: RagService, question: str,
                                       today: date | None, expected: str) -> None:
    reply = service.ask(question, AskOptions(retrieval_mode="lexical", today=today))
    said = f"{reply.answer} | {reply.summary or ''}"
    assert reply.found and said.startswith(expected), said
