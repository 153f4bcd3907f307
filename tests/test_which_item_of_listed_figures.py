"""Which X is largest / smallest over a list of items with figures: the item of the asked kind
at the extreme figure, named, with its figure (issue 17, break-test bt17c #34, #35, #75).

"Cửa khẩu nào có kim ngạch lớn nhất?" came back as the total ("tổng kim ngạch ...: 6.215
triệu USD": a total listed with its parts "trong đó xuất khẩu ..., nhập khẩu ..." was compared
as three items), "... thấp nhất?" as "xuất khẩu: 2.480" (no gate at all), and the least of a
breakdown "Xét theo cửa khẩu, A dẫn đầu với ...; B đạt ...; C đạt ..." was never looked for (a
ranking stating an end was taken for a list of top items).  "Điểm du lịch nào đông khách
nhất?" was not read as a superlative ("đông khách nhất") and came back as the busiest DAY's
sentence.  Other gates, places, numbers and units than the evidence."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.answer.extremes import FEWEST, MOST, asked_extreme, extremes_named, time_ends_only
from rag.records import AskOptions
from rag.service import RagService
from rag.vi.text import fold

TODAY = date(2080, 3, 1)

# a breakdown whose first item is stated "dẫn đầu", with no total before it that covers it
GATES = ("TIN HẢI QUAN TỈNH BẮC VÂN NĂM 2079\n\n"
         "Năm 2079, kim ngạch xuất nhập khẩu qua các cửa khẩu của tỉnh tăng 9,4% so với năm "
         "2078.\n"
         "Xét theo cửa khẩu, năm 2079 cửa khẩu quốc tế Nam Quan dẫn đầu với 1.950 triệu USD; "
         "cửa khẩu Bình Lạc đạt 830 triệu USD; ga đường sắt Đồng Sơn đạt 410 triệu USD; cửa "
         "khẩu Pò Khe đạt 265 triệu USD.\n")
# a total and its parts in one sentence, then trucks waiting: a total and its parts by gate
TRUCKS = ("TIN CỬA KHẨU TỈNH ĐÔNG KHÊ NGÀY 20/01/2080\n\n"
          "Sáng 20/01/2080, tại các cửa khẩu của tỉnh còn 3.240 xe hàng chờ xuất khẩu, trong "
          "đó cửa khẩu Pò Mã còn 2.110 xe, cửa khẩu Bình Nghi còn 905 xe, cửa khẩu Nà Nưa "
          "còn 225 xe.\n")
TOTALS = ("TIN XUẤT NHẬP KHẨU HUYỆN LỘC AN NĂM 2078\n\n"
          "Năm 2078, tổng kim ngạch xuất nhập khẩu hàng hóa qua địa bàn huyện đạt 1.260 triệu "
          "USD, tăng 8,1%; trong đó xuất khẩu đạt 540 triệu USD, nhập khẩu đạt 720 triệu "
          "USD.\n")
# a list of the top places led by "đông khách nhất gồm" (its largest not first), the least
# stated "ít khách nhất", and the busiest DAY stated "là ngày đông khách nhất"
TET = ("DU LỊCH TỈNH BẮC VÂN DỊP TẾT NGUYÊN ĐÁN NĂM 2080\n\n"
       "Trong 7 ngày nghỉ Tết Nguyên đán năm 2080, toàn tỉnh đón khoảng 305.000 lượt khách, "
       "tăng 11%.\n"
       "Riêng ngày mùng 3 Tết, các khu, điểm du lịch đón 64.000 lượt khách, là ngày đông "
       "khách nhất.\n"
       "Năm 2080, các điểm đông khách nhất gồm động Tam Cốc (71.000 lượt), đền Kỳ Lân "
       "(98.000 lượt), khu du lịch Phia Oắc (39.000 lượt); chùa Bản Vẽ ít khách nhất trong "
       "các điểm trọng điểm với 9.500 lượt.\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("listed_figures"), {
        "hq_2079.txt": GATES, "xe_20_01_2080.txt": TRUCKS, "loc_an_2078.txt": TOTALS,
        "tet_2080.txt": TET})


def _ask(service: RagService, question: str):  # type: ignore[no-untyped-def]
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=TODAY))


@pytest.mark.parametrize("question, end", [
    ("Điểm du lịch nào đông khách nhất dịp Tết?", MOST),
    ("khu du lịch nào vắng khách nhất?", FEWEST),
    ("xã nào đông dân nhất?", MOST),
])
def test_a_crowd_asked_at_its_end(question: str, end: str) -> None:
    assert asked_extreme(fold(question).lower()) == end


def test_money_before_nhat_la_is_no_crowd() -> None:
    # "..., nhất là ..." (especially) after "tỷ đồng" names no end of a ranking
    assert extremes_named(fold("doanh thu đạt 45 tỷ đồng, nhất là dịp lễ").lower()) == []
    assert extremes_named(fold("doanh thu đạt 45 tỷ đồng nhất là dịp lễ").lower()) == []
    # folded, "chiếm đóng của Nhật Bản" is "chiem dong cua nhat ban": no crowd (XQuAD-vi)
    assert asked_extreme(fold("Tu viện nào giữ lăng mộ trong thời kỳ chiếm đóng của Nhật "
                              "Bản?").lower()) is None


def test_a_day_stated_the_end_is_a_time() -> None:
    assert time_ends_only(fold(", là ngày đông khách nhất").lower())
    assert not time_ends_only(fold(", là huyện có ít sản phẩm nhất").lower())


@pytest.mark.parametrize("question, name, figure, others", [
    # the least of a breakdown whose first item is stated "dẫn đầu"
    ("Cửa khẩu nào có kim ngạch thấp nhất năm 2079?", "Pò Khe", "265",
     ("Nam Quan", "Bình Lạc")),
    ("Cửa khẩu nào có kim ngạch lớn nhất năm 2079?", "Nam Quan", "1.950",
     ("Pò Khe", "Bình Lạc")),
    # the parts by gate, not their total
    ("Cửa khẩu nào còn nhiều xe chờ nhất?", "Pò Mã", "2.110", ("3.240", "Nà Nưa")),
    ("Cửa khẩu nào còn ít xe chờ nhất?", "Nà Nưa", "225", ("3.240", "Pò Mã")),
    # a list of the top places: the largest of it, not its first; the least stated
    ("Điểm du lịch nào đông khách nhất dịp Tết 2080?", "Kỳ Lân", "98.000",
     ("mùng 3", "Tam Cốc", "64.000")),
    ("Điểm du lịch nào vắng khách nhất dịp Tết 2080?", "Bản Vẽ", "9.500",
     ("Tam Cốc", "Kỳ Lân", "ít khách nhất")),
])
def test_the_item_of_the_kind_with_its_figure(service: RagService, question: str, name: str,
                                              figure: str, others: tuple[str, ...]) -> None:
    answer = _ask(service, question)
    assert answer.found, answer.answer
    assert name in answer.answer and figure in answer.answer, answer.answer
    assert not any(o in answer.answer for o in others), answer.answer


def test_a_total_and_its_flows_are_no_gates(service: RagService) -> None:
    # "tổng ... 1.260; trong đó xuất khẩu 540, nhập khẩu 720": no gate to name
    answer = _ask(service, "Cửa khẩu nào có kim ngạch lớn nhất năm 2078?")
    assert not (answer.found and ("1.260" in answer.answer or "720" in answer.answer)), \
        answer.answer


def test_the_busiest_day_still_answers_which_day(service: RagService) -> None:
    # near-miss: a day asked is answered by the day stated "là ngày đông khách nhất"
    answer = _ask(service, "Ngày nào đông khách nhất dịp Tết 2080?")
    assert answer.found and "mùng 3" in answer.answer, answer.answer
