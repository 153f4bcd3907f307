"""A months-to-date figure stated under a shortened indicator name ("Lũy kế 10 tháng năm 2061,
tổng kim ngạch đạt 5.402,3 triệu USD" after "Tháng 10/2061, kim ngạch xuất nhập khẩu ... đạt
598,7 triệu USD") answers the months-to-date question asked in the full name: "tổng kim ngạch"
is "kim ngạch" said as a whole, a short form of the name the report gave before, not another
figure's.  The month's figure was served for "kim ngạch xuất nhập khẩu 10 tháng năm 2061" at
0.87 with "Báo cáo chỉ có số liệu tháng 10/2061 (chưa có số liệu cả 10 tháng năm 2061)", which
is false (break-test bt22b, session 50).  Near misses: the month asked keeps the month's figure;
a "tổng" after both exports and imports is no answer to exports."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService

HQ = ("Tháng 10/2061: Kim ngạch qua cửa khẩu Chi Ma tăng mạnh\n03/11/2061\n\n"
      "(HQLS) - Tháng 10/2061, kim ngạch xuất nhập khẩu qua địa bàn Lạng Sơn đạt 598,7 triệu "
      "USD, giảm 3,1% so với tháng 9/2061 nhưng tăng 11,6% so với tháng 10/2060.\n"
      "Lũy kế 10 tháng năm 2061, tổng kim ngạch đạt 5.402,3 triệu USD, tăng 9,8% so với cùng "
      "kỳ năm 2060.\n"
      "Đáng chú ý, kim ngạch qua cửa khẩu quốc tế Chi Ma tháng 10 đạt 112,5 triệu USD, tăng "
      "34,2% so với cùng kỳ. Kim ngạch qua cửa khẩu Cốc Nam đạt 28,9 triệu USD.\n"
      "Thu ngân sách nhà nước 10 tháng năm 2061 đạt 6.920,4 tỷ đồng, bằng 86,5% dự toán. "
      "Riêng tháng 10 thu được 688,0 tỷ đồng.\n")

# the same page as the break-test read it (an HTML article among chrome)
HQ_HTML = (
    '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Tháng 10/2061: Kim '
    'ngạch qua cửa khẩu Chi Ma tăng mạnh - Cục Hải quan Lạng Sơn</title></head><body>'
    '<header><nav><ul class="menu"><li><a href="#">Trang chủ</a></li><li><a href="#">Tin tức'
    '</a></li></ul></nav></header><main><article><h1>Tháng 10/2061: Kim ngạch qua cửa khẩu Chi '
    'Ma tăng mạnh</h1><div class="meta">Ngày đăng: 03/11/2061</div><div class="content">'
    '<p>(HQLS) - Tháng 10/2061, kim ngạch xuất nhập khẩu qua địa bàn Lạng Sơn đạt 598,7 triệu '
    'USD, giảm 3,1% so với tháng 9/2061 nhưng tăng 11,6% so với tháng 10/2060.</p>'
    '<p>Lũy kế 10 tháng năm 2061, tổng kim ngạch đạt 5.402,3 triệu USD, tăng 9,8% so với cùng '
    'kỳ năm 2060.</p><p>Trong 10 tháng, toàn Cục làm thủ tục cho 121.556 tờ khai của 1.605 '
    'doanh nghiệp.</p></div></article></main></body></html>')

# other wordings, indicators and units: a month's figure in the full name, then the running
# total in "tổng" + its head
VARIANTS = {
    "xk_huu_nghi.txt":
        "Xuất khẩu qua cửa khẩu Hữu Nghị tháng 6/2045\n02/07/2045\n\n"
        "Tháng 6/2045, kim ngạch xuất khẩu qua cửa khẩu Hữu Nghị đạt 212,4 triệu USD, tăng "
        "5,2% so với tháng trước.\n"
        "Tính chung 6 tháng đầu năm 2045, tổng kim ngạch đạt 1.180,6 triệu USD, bằng 48% kế "
        "hoạch năm.\n",
    "ban_le_9thang.txt":
        "Tình hình thương mại tháng 9/2050\n05/10/2050\n\n"
        "Tháng 9/2050, doanh thu bán lẻ hàng hóa trên địa bàn tỉnh ước đạt 3.250 tỷ đồng, tăng "
        "1,8% so với tháng 8/2050.\n"
        "Cộng dồn 9 tháng năm 2050, tổng doanh thu ước đạt 28.410 tỷ đồng, tăng 10,4% so với "
        "cùng kỳ.\n",
    "du_lich_quy1.txt":
        "Hoạt động du lịch tháng 3/2048\n04/04/2048\n\n"
        "Tháng 3/2048, lượt khách du lịch đến tỉnh đạt 285.000 lượt, giảm 12% so với tháng "
        "2/2048.\n"
        "Quý I/2048, tổng lượt khách đạt 812.000 lượt, tăng 15,3% so với cùng kỳ năm trước.\n",
    "hang_hoa_tan.txt":
        "Hàng hóa qua ga liên vận tháng 11/2053\n03/12/2053\n\n"
        "Tháng 11/2053, khối lượng hàng hóa xuất nhập khẩu qua ga liên vận đạt 41.200 tấn, "
        "tăng 6% so với tháng 10/2053.\n"
        "Lũy kế 11 tháng năm 2053, tổng khối lượng đạt 402.850 tấn, tăng 8,1% so với cùng "
        "kỳ.\n",
}

# a "tổng" after both trades: the sum of them, no running total of exports (near miss)
BOTH = {"xnk_thang5.txt":
        "Hoạt động xuất nhập khẩu tháng 5/2057\n03/06/2057\n\n"
        "Tháng 5/2057, kim ngạch xuất khẩu đạt 140,2 triệu USD; kim ngạch nhập khẩu đạt "
        "96,4 triệu USD.\n"
        "Lũy kế 5 tháng năm 2057, tổng kim ngạch đạt 1.105,8 triệu USD, tăng 7,7% so với "
        "cùng kỳ.\n"}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("ytd_short"), {
        "hq_thang10_2061.txt": HQ, **VARIANTS, **BOTH})


@pytest.fixture(scope="module")
def html_service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("ytd_short_html"),
                              {"hq_thang10_2061.html": HQ_HTML})


def _ask(service: RagService, question: str):  # noqa: ANN202 -- an Answer
    return service.ask(question, AskOptions(retrieval_mode="lexical"))


@pytest.mark.parametrize(("question", "expected"), [
    ("kim ngạch xuất nhập khẩu 10 tháng năm 2061", "5.402,3"),
    ("kim ngạch XNK 10T/2061", "5.402,3"),
    ("lũy kế 10 tháng năm 2061 kim ngạch", "5.402,3"),
    ("kim ngạch xuất khẩu qua cửa khẩu Hữu Nghị 6 tháng đầu năm 2045", "1.180,6"),
    ("doanh thu bán lẻ hàng hóa 9 tháng năm 2050", "28.410"),
    ("lượt khách du lịch quý I/2048", "812.000"),
    ("khối lượng hàng hóa xuất nhập khẩu qua ga liên vận 11 tháng năm 2053", "402.850"),
])
def test_running_total_under_short_name(service: RagService, question: str,
                                        expected: str) -> None:
    a = _ask(service, question)
    assert a.found and a.answer.startswith(expected), (a.answer, a.confidence, a.summary)
    assert a.period_match == "exact"
    assert "chỉ có số liệu" not in (a.summary or "")


def test_the_html_page(html_service: RagService) -> None:
    for question in ("kim ngạch xuất nhập khẩu 10 tháng năm 2061", "kim ngạch XNK 10T/2061"):
        a = _ask(html_service, question)
        assert a.found and a.answer.startswith("5.402,3"), (a.answer, a.summary)
        assert "chỉ có số liệu" not in (a.summary or "")


@pytest.mark.parametrize(("question", "expected"), [
    ("kim ngạch xuất nhập khẩu tháng 10/2061", "598,7"),  # the month asked: the month's
    ("doanh thu bán lẻ hàng hóa tháng 9/2050", "3.250"),
    ("lượt khách du lịch tháng 3/2048", "285.000"),
    ("thu ngân sách tháng 10/2061", "688,0"),
])
def test_the_month_asked_keeps_its_figure(service: RagService, question: str,
                                          expected: str) -> None:
    a = _ask(service, question)
    assert a.found and a.answer.startswith(expected), (a.answer, a.confidence)


def test_a_total_of_both_trades_is_no_exports_total(service: RagService) -> None:
    a = _ask(service, "kim ngạch xuất khẩu 5 tháng năm 2057")
    assert not a.answer.startswith("1.105,8"), (a.answer, a.confidence)


# two names before the "tổng" (the province's trade and one gate's): whose total it is stays
# unread, but the month's figure is then no "only" figure of the report
TWO_NAMES = ("Kim ngạch qua địa bàn tháng 10/2061\n03/11/2061\n\n"
             "Tháng 10/2061, kim ngạch xuất nhập khẩu qua địa bàn Lạng Sơn đạt 598,7 triệu USD; "
             "kim ngạch qua cửa khẩu quốc tế Chi Ma đạt 112,5 triệu USD.\n\n"
             "Lũy kế 10 tháng năm 2061, tổng kim ngạch đạt 5.402,3 triệu USD, tăng 9,8% so với "
             "cùng kỳ năm 2060.\n")


def test_the_month_is_never_all_there_is(tmp_path_factory: pytest.TempPathFactory) -> None:
    svc = service_over_files(tmp_path_factory.mktemp("ytd_two"), {"a.txt": TWO_NAMES})
    a = _ask(svc, "kim ngạch xuất nhập khẩu 10 tháng năm 2061")
    assert "chỉ có số liệu" not in (a.summary or ""), a.summary
    if a.answer.startswith("598,7"):
        assert "5.402,3" in (a.summary or ""), a.summary


@pytest.mark.parametrize(("indicator", "expected"), [
    ("tổng kim ngạch", "kim ngạch"),
    ("Tổng doanh thu", "doanh thu"),
    ("tổng lượt khách", "lượt khách"),
    ("Tổng cục Thống kê", ""),
    ("tổng", ""),
    ("kim ngạch xuất khẩu", ""),
])
def test_total_unmarked(indicator: str, expected: str) -> None:
    from rag.answer.short_totals import total_unmarked
    assert total_unmarked(indicator) == expected
