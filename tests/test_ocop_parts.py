"""Parts of a running total named by their class as unit noun, and the count added before
it, worded as break-test bt17l's ocop_2062 (issue 17, session 43): "Năm 2062 có 58 chủ thể mới
tham gia, nâng tổng số chủ thể OCOP lên 131 chủ thể, trong đó 64 hợp tác xã, 22 doanh
nghiệp, 45 tổ hợp tác và hộ kinh doanh".  A question naming the class ("là doanh nghiệp",
"loại hình hợp tác xã") asks that part, never the total; "mới tham gia"/"mới"/"thêm" asks the
count added, never the total it brings ("nâng tổng số … lên", "đưa tổng số … lên").  Reports
written for these tests, as txt, docx and html."""

from __future__ import annotations

import pytest
from conftest import service_over_files
from helpers import make_docx

from rag.records import AskOptions
from rag.service import RagService

TXT = ("Lạng Sơn: Phát triển sản phẩm OCOP năm 2044\nĐăng ngày 20/12/2044 - Sở Công Thương\n\n"
       "Năm 2044 có 41 chủ thể mới tham gia, nâng tổng số chủ thể OCOP lên 117 chủ thể, "
       "trong đó 53 hợp tác xã, 19 doanh nghiệp, 45 tổ hợp tác và hộ kinh doanh.\n\n"
       "Doanh thu của các chủ thể OCOP năm 2044 ước đạt 390 tỷ đồng.\n")
DOCX = make_docx(
    "Báo cáo kết quả Chương trình OCOP năm 2045",
    "Ngày 18/12/2045",
    "Trong năm 2045, tỉnh có thêm 27 chủ thể tham gia chương trình, đưa tổng số chủ thể OCOP "
    "của tỉnh lên 144 chủ thể, trong đó 70 hợp tác xã, 31 doanh nghiệp, 43 hộ kinh doanh.")
HTML = ("<html><head><title>Kết quả OCOP năm 2046</title></head><body>"
        "<h1>Kết quả thực hiện Chương trình OCOP năm 2046</h1><p>Ngày 19/12/2046</p>"
        "<p>Năm 2046, tỉnh công nhận mới 36 sản phẩm OCOP, nâng tổng số sản phẩm OCOP lên "
        "250 sản phẩm. Cũng trong năm có 15 doanh nghiệp mới tham gia, đưa tổng số doanh "
        "nghiệp tham gia OCOP lên 60 doanh nghiệp, trong đó 12 doanh nghiệp nhỏ, 48 doanh "
        "nghiệp siêu nhỏ.</p></body></html>")


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("ocop_parts"), {
        "ocop_2044.txt": TXT, "ocop_2045.docx": DOCX, "ocop_2046.html": HTML})


@pytest.mark.parametrize(("question", "expected"), [
    ("Số chủ thể OCOP là doanh nghiệp năm 2044?", "19 doanh nghiệp"),
    ("Số chủ thể OCOP là hợp tác xã năm 2044?", "53 hợp tác xã"),
    ("Năm 2044 có bao nhiêu chủ thể mới tham gia OCOP?", "41 chủ thể"),
    ("Số chủ thể OCOP là hợp tác xã năm 2045?", "70 hợp tác xã"),
    ("Năm 2045 có bao nhiêu chủ thể OCOP là doanh nghiệp?", "31 doanh nghiệp"),
    ("Năm 2045 có thêm bao nhiêu chủ thể OCOP?", "27 chủ thể"),
    ("Năm 2046 có bao nhiêu doanh nghiệp mới tham gia OCOP?", "15 doanh nghiệp"),
    ("Tổng số doanh nghiệp tham gia OCOP năm 2046?", "60 doanh nghiệp"),
    ("Năm 2046 có bao nhiêu sản phẩm OCOP mới được công nhận?", "36 sản phẩm"),
    # near-misses: the totals keep their answers
    ("Tổng số chủ thể OCOP năm 2044?", "117 chủ thể"),
    ("Tổng số chủ thể OCOP năm 2045?", "144 chủ thể"),
    ("Tổng số sản phẩm OCOP năm 2046?", "250 sản phẩm"),
])
def test_part_or_added_not_total(service: RagService, question: str, expected: str) -> None:
    r = service.ask(question, AskOptions())
    assert r.found, r.answer
    assert expected in r.answer, (question, r.answer)
