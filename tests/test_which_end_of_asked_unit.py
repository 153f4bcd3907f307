"""Which X is largest / smallest by a money indicator: the end is taken over amounts of money
only, in every passage of the reports, most and least alike (issue 17, break-test bt17e x01,
x02, c05).

"Cửa khẩu nào có kim ngạch lớn nhất?" was answered "Hữu Nghị thông quan 812 xe, cao nhất từ
đầu năm" (a vehicle count a report states the end of) over the trade list "Hữu Nghị đạt
3.870 triệu USD; ...", and "... lớn nhất 11 tháng 2025?" was refused: the list "Theo từng cửa
khẩu, A đạt ...; ...; E đạt ..., thấp nhất" was read as a ranking naming only its top items,
so its largest was never looked for ("thấp nhất" was answered).  Other gates, districts and
markets, numbers and units than the evidence; a count asked ("nhiều xe nhất") keeps the
count."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.answer.extremes import money_end_asked, unit_fits_end
from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames.rankings import opens_breakdown

TODAY = date(2080, 3, 1)

# a trade list by gate, its least stated, led "Theo từng cửa khẩu,"
TRADE = ("HẢI QUAN TỈNH BẮC VÂN: XUẤT NHẬP KHẨU 11 THÁNG NĂM 2079\n\n"
         "Trong 11 tháng năm 2079, tổng kim ngạch xuất nhập khẩu qua địa bàn tỉnh đạt 5.120 "
         "triệu USD, tăng 12,4% so với cùng kỳ.\n\n"
         "Theo từng cửa khẩu, cửa khẩu quốc tế Nam Quan đạt 2.640 triệu USD, chiếm 51,6% "
         "tổng kim ngạch; cửa khẩu Bình Lạc đạt 1.030 triệu USD; cửa khẩu Pò Khe đạt 745 "
         "triệu USD; ga đường sắt Đồng Sơn đạt 402 triệu USD; cửa khẩu Nà Nưa đạt 180 triệu "
         "USD, thấp nhất trong các cửa khẩu.\n")
# the same gates stated the end of a count of vehicles
TRUCKS = ("XE HÀNG TẠI CÁC CỬA KHẨU TỈNH BẮC VÂN CUỐI NĂM 2079\n\n"
          "Ngày 18/12/2079, riêng cửa khẩu Nà Nưa thông quan 934 xe, cao nhất từ đầu năm.\n"
          "Ngày 19/12/2079, cửa khẩu Nam Quan thông quan 96 xe, thấp nhất trong tháng.\n")
# revenue of markets by district, and the most visited market stated by its visitors
MARKETS = ("THƯƠNG MẠI HUYỆN LỘC AN NĂM 2079\n\n"
           "Năm 2079, doanh thu của các chợ trên địa bàn huyện đạt 3.460 tỷ đồng.\n\n"
           "Theo từng chợ, chợ Đông Kinh đạt 1.580 tỷ đồng; chợ Kỳ Lừa đạt 920 tỷ đồng; "
           "chợ Giếng Vuông đạt 610 tỷ đồng; chợ Chi Lăng đạt 350 tỷ đồng.\n"
           "Chợ Chi Lăng đón 46.000 lượt khách, nhiều nhất trong các chợ.\n"
           "Chợ Đông Kinh đón 7.200 lượt khách, ít nhất trong các chợ.\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("asked_unit_end"), {
        "hq_11_2079.txt": TRADE, "xe_12_2079.txt": TRUCKS, "loc_an_2079.txt": MARKETS})


def _ask(service: RagService, question: str):
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=TODAY))


@pytest.mark.parametrize("question,name,value", [
    ("Cửa khẩu nào có kim ngạch lớn nhất?", "Nam Quan", "2.640 triệu USD"),
    ("Cửa khẩu nào đạt kim ngạch xuất nhập khẩu cao nhất năm 2079?", "Nam Quan",
     "2.640 triệu USD"),
    ("Cửa khẩu nào có kim ngạch xuất nhập khẩu lớn nhất 11 tháng 2079?", "Nam Quan",
     "2.640 triệu USD"),
    ("Cửa khẩu nào có kim ngạch thấp nhất?", "Nà Nưa", "180 triệu USD"),
    ("Chợ nào có doanh thu lớn nhất năm 2079?", "Đông Kinh", "1.580 tỷ đồng"),
    ("Chợ nào có doanh thu thấp nhất?", "Chi Lăng", "350 tỷ đồng"),
])
def test_end_of_money_indicator_is_an_amount(service: RagService, question: str, name: str,
                                             value: str) -> None:
    r = _ask(service, question)
    assert r.found, r.answer
    assert name in r.answer and value in r.answer, r.answer


@pytest.mark.parametrize("question,name,value", [
    ("Cửa khẩu nào thông quan nhiều xe nhất?", "Nà Nưa", "934 xe"),
    ("Chợ nào đông khách nhất?", "Chi Lăng", "46.000"),
])
def test_count_asked_keeps_the_count(service: RagService, question: str, name: str,
                                     value: str) -> None:
    r = _ask(service, question)
    assert r.found, r.answer
    assert name in r.answer and value in r.answer, r.answer


def test_reading() -> None:
    assert money_end_asked("cua khau nao co kim ngach lon nhat?")
    assert money_end_asked("huyen nao co von dau tu cao nhat")
    assert not money_end_asked("cua khau nao co ty trong kim ngach lon nhat?")
    assert not money_end_asked("cua khau nao co nhieu xe nhat?")
    assert not unit_fits_end("cua khau nao co kim ngach lon nhat?", "xe", False)
    assert unit_fits_end("cua khau nao co kim ngach lon nhat?", "triệu USD", False)
    assert unit_fits_end("cua khau nao co kim ngach tang manh nhat?", "%", True)
    assert opens_breakdown("Theo từng cửa khẩu, cửa khẩu A đạt 5 triệu USD")
    assert not opens_breakdown("Theo Cục Thống kê, kim ngạch đạt 5 triệu USD")
