"""Border gates in a customs office's news (break-test bt22b, session 50).

(1) A table of gates whose value columns are headed by their period alone ("Cửa khẩu | Năm
2068 | Năm 2069 | Tăng/giảm (%)") under a caption naming what it measures ("Kim ngạch theo
cửa khẩu năm 2069 (triệu USD):"): "cửa khẩu nào có kim ngạch lớn nhất năm 2069" was refused
at 1.0, no header holding the question's words (rag.answer.table_extremes.period_header).
(2) A railway station listed among the gates ("...; ga đường sắt quốc tế Đồng Đăng 233,1
triệu USD; cửa khẩu Cốc Nam 120,8 triệu USD"): read as no place, its words headed the next
gate's figure, and the smallest gate was answered "ga đường sắt quốc tế Đồng Đăng tại cửa
khẩu Cốc Nam" (rag.vi.frames.sentence._place_at, rag.answer.prose_extremes.at_place), said to
be "among some listed" though the list is led "như sau" (rag.answer.extremes).
(3) A gate asked in one word fewer than the report writes it ("ga đường sắt Đồng Đăng" of
"Chi cục Hải quan ga đường sắt quốc tế Đồng Đăng đã ..., tổng kim ngạch đạt 702,3 triệu
USD") fell under the coverage floor (rag.answer.place_said.gate_phrase_said).
Other tables, kinds, indicators and units than the evidence's; near misses keep their
answers."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files

from rag.answer.extremes import MOST, selection_listed
from rag.answer.place_said import gate_phrase_said
from rag.answer.prose_extremes import at_place
from rag.answer.table_extremes import period_header
from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract

GATE_TABLE = (
    "Cục Hải quan Lạng Sơn tổng kết công tác năm 2069\n10/01/2070\n\n"
    "Năm 2069, tổng kim ngạch xuất nhập khẩu qua địa bàn đạt 8.115,0 triệu USD.\n\n"
    "Kim ngạch theo cửa khẩu năm 2069 (triệu USD):\n\n"
    "| Cửa khẩu | Năm 2068 | Năm 2069 | Tăng/giảm (%) |\n| --- | --- | --- | --- |\n"
    "| Cửa khẩu quốc tế Hữu Nghị | 3.540,2 | 3.402,6 | -3,9 |\n"
    "| Cửa khẩu Tân Thanh | 2.101,4 | 2.488,0 | 18,4 |\n"
    "| Cửa khẩu quốc tế Chi Ma | 1.050,3 | 1.197,5 | 14,0 |\n"
    "| Cửa khẩu Cốc Nam | 309,7 | 324,8 | 4,9 |\n")
DISTRICT_TABLE = (
    "Báo cáo thu ngân sách các huyện 6 tháng đầu năm 2071\n05/07/2071\n\n"
    "Thu ngân sách theo từng huyện (tỷ đồng):\n\n"
    "| Huyện | 6 tháng đầu năm 2070 | 6 tháng đầu năm 2071 |\n| --- | --- | --- |\n"
    "| Huyện Lộc Bình | 96,4 | 88,1 |\n"
    "| Huyện Cao Lộc | 71,2 | 140,6 |\n"
    "| Huyện Văn Lãng | 40,5 | 52,3 |\n")
# a table of another money indicator by gate: no answer to a question of trade
FEE_TABLE = (
    "Thu phí hạ tầng cửa khẩu năm 2072\n08/01/2073\n\n"
    "Thu phí sử dụng hạ tầng theo cửa khẩu (tỷ đồng):\n\n"
    "| Cửa khẩu | Năm 2071 | Năm 2072 |\n| --- | --- | --- |\n"
    "| Cửa khẩu Bản Chắt | 61,0 | 65,2 |\n"
    "| Cửa khẩu Na Lạn | 12,4 | 13,9 |\n"
    "| Cửa khẩu Hoành Sơn | 30,8 | 33,1 |\n")
GATE_LIST = (
    "6 tháng đầu năm 2066: Thu ngân sách đạt 48,9% chỉ tiêu\n04/07/2066\n\n"
    "6 tháng đầu năm 2066, tổng kim ngạch xuất nhập khẩu qua địa bàn Lạng Sơn đạt 3.486,9 "
    "triệu USD.\n\n"
    "Kim ngạch theo từng cửa khẩu như sau: cửa khẩu quốc tế Hữu Nghị 1.610,2 triệu USD; cửa "
    "khẩu Tân Thanh 982,5 triệu USD; cửa khẩu quốc tế Chi Ma 540,3 triệu USD; ga đường sắt "
    "quốc tế Đồng Đăng 233,1 triệu USD; cửa khẩu Cốc Nam 120,8 triệu USD.\n")
# the station the smallest, last of its list; and a list of vehicles, another unit
STATION_LIST = (
    "Tình hình quý III năm 2067\n02/10/2067\n\n"
    "Số phương tiện xuất nhập cảnh theo từng cửa khẩu như sau: cửa khẩu Tân Thanh 41.200 "
    "lượt; ga đường sắt liên vận Đồng Đăng 2.150 lượt; cửa khẩu Chi Ma 18.640 lượt; cửa "
    "khẩu Bình Nghi 9.310 lượt.\n")
STATION_NEWS = (
    "Chi cục Hải quan ga Đồng Đăng: kết quả 11 tháng năm 2065\n05/12/2065\n\n"
    "Trong 11 tháng năm 2065, Chi cục Hải quan ga đường sắt quốc tế Đồng Đăng đã làm thủ tục "
    "cho 6.245 tờ khai, với tổng kim ngạch đạt 702,3 triệu USD, tăng 21,4% so với cùng kỳ năm "
    "2064. Thu ngân sách đạt 188,6 tỷ đồng.\n")
GATE_NEWS = (
    "Hải quan cửa khẩu phụ Bình Nghi 9 tháng năm 2064\n03/10/2064\n\n"
    "9 tháng năm 2064, Chi cục Hải quan cửa khẩu phụ song phương Bình Nghi đã làm thủ tục cho "
    "1.920 tờ khai, với kim ngạch xuất khẩu đạt 84,6 triệu USD, tăng 9,2% so với cùng kỳ.\n")
# two gates said together: their joint figure is neither's
JOINT = (
    "Hàng hóa qua đường sắt và đường bộ năm 2064\n06/01/2065\n\n"
    "Năm 2064, ga đường sắt quốc tế Đồng Đăng và cửa khẩu quốc tế Hữu Nghị đạt tổng kim ngạch "
    "4.100 triệu USD, tăng 6,0%.\n")
# other news of the province's trade, so that "kim ngạch" is a common word
OTHER = {
    f"tin_{n}.txt": (f"Kim ngạch xuất nhập khẩu tháng {n} năm 2062\n0{n}/0{n}/2062\n\n"
                     f"Tháng {n}/2062, kim ngạch xuất nhập khẩu qua địa bàn tỉnh đạt "
                     f"{500 + n},5 triệu USD; thu ngân sách đạt {100 + n} tỷ đồng.\n")
    for n in range(1, 7)}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("gate_rows"), {
        "hq_2069.txt": GATE_TABLE, "ns_huyen_2071.txt": DISTRICT_TABLE, "phi_2072.txt": FEE_TABLE,
        "hq_6t_2066.txt": GATE_LIST, "xnc_q3_2067.txt": STATION_LIST,
        "ga_dd_11t_2065.txt": STATION_NEWS, "binh_nghi_9t_2064.txt": GATE_NEWS,
        "joint_2064.txt": JOINT, **OTHER})


def _ask(service: RagService, question: str):  # type: ignore[no-untyped-def]
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2073, 6, 1)))


@pytest.mark.parametrize("question, expected, value, others", [
    ("cửa khẩu nào có kim ngạch lớn nhất năm 2069", "Hữu Nghị", "3.402,6",
     ("Tân Thanh", "Cốc Nam")),
    ("cửa khẩu nào có kim ngạch nhỏ nhất năm 2069", "Cốc Nam", "324,8", ("Hữu Nghị",)),
    # the other period's column of the same table
    ("cửa khẩu nào có kim ngạch lớn nhất năm 2068", "Hữu Nghị", "3.540,2", ("Tân Thanh",)),
    # another kind, unit and period: districts, tỷ đồng, half-years
    ("huyện nào có thu ngân sách cao nhất 6 tháng đầu năm 2071", "Cao Lộc", "140,6",
     ("Lộc Bình",)),
    ("huyện nào có thu ngân sách cao nhất 6 tháng đầu năm 2070", "Lộc Bình", "96,4",
     ("Cao Lộc",)),
    ("cửa khẩu nào thu phí hạ tầng ít nhất năm 2072", "Na Lạn", "13,9", ("Bản Chắt",)),
])
def test_a_table_of_period_columns_ranks_its_rows(service: RagService, question: str,
                                                  expected: str, value: str,
                                                  others: tuple[str, ...]) -> None:
    a = _ask(service, question)
    assert a.found and expected in a.answer and value in a.answer, (a.answer, a.confidence)
    assert not any(o in a.answer for o in others), a.answer


def test_a_caption_of_another_indicator_answers_no_trade_question(service: RagService) -> None:
    # the fee table's gates are no answer to the gates' trade of 2072
    a = _ask(service, "cửa khẩu nào có kim ngạch lớn nhất năm 2072")
    assert not any(g in a.answer for g in ("Bản Chắt", "Na Lạn", "Hoành Sơn")), a.answer


@pytest.mark.parametrize("head, only", [
    ("Năm 2069", True), ("6 tháng đầu năm 2066", True), ("Quý I/2065", True),
    ("Doanh thu năm 2069", False), ("Tăng/giảm Năm 2069 so với Năm 2068 (%)", False),
    ("Số hợp tác xã", False),
])
def test_period_header(head: str, only: bool) -> None:
    assert period_header(head) is only


@pytest.mark.parametrize("question, expected, value, unwanted", [
    ("cửa khẩu nào có kim ngạch nhỏ nhất 6 tháng đầu năm 2066", "cửa khẩu Cốc Nam", "120,8",
     ("Đồng Đăng", "Kim ngạch theo", "một số")),
    ("cửa khẩu nào có kim ngạch lớn nhất 6 tháng đầu năm 2066", "cửa khẩu quốc tế Hữu Nghị",
     "1.610,2", ("Kim ngạch theo", "một số")),
    ("cửa khẩu nào có ít phương tiện xuất nhập cảnh nhất quý III năm 2067",
     "ga đường sắt liên vận Đồng Đăng", "2.150", ("Tân Thanh", "Bình Nghi")),
    ("cửa khẩu nào có nhiều phương tiện xuất nhập cảnh nhất quý III năm 2067",
     "cửa khẩu Tân Thanh", "41.200", ("Đồng Đăng",)),
])
def test_a_listed_station_is_a_gate_of_its_own(service: RagService, question: str,
                                               expected: str, value: str,
                                               unwanted: tuple[str, ...]) -> None:
    a = _ask(service, question)
    assert a.found and a.answer.startswith(expected) and value in a.answer, a.answer
    assert not any(u in a.answer for u in unwanted), a.answer


def test_the_item_after_a_station_is_of_its_own_gate() -> None:
    frames = extract(GATE_LIST, "hq", "2066-07-04")
    coc_nam = next(f for f in frames if f.value.startswith("120,8"))
    station = next(f for f in frames if f.value.startswith("233,1"))
    assert coc_nam.indicator.endswith("tại cửa khẩu Cốc Nam")
    assert "Đồng Đăng" not in coc_nam.indicator
    assert station.indicator.endswith("tại ga đường sắt quốc tế Đồng Đăng")


@pytest.mark.parametrize("indicator, kind, name", [
    ("Kim ngạch theo từng cửa khẩu tại cửa khẩu Cốc Nam", ("cua", "khau"), "cửa khẩu Cốc Nam"),
    ("Số sản phẩm tại huyện Lộc Bình", ("huyen",), "huyện Lộc Bình"),
    # the kind asked is no place: the indicator stays
    ("doanh nghiệp tại khu công nghiệp Đồng Bành", ("doanh", "nghiep"),
     "doanh nghiệp tại khu công nghiệp Đồng Bành"),
    ("xe chờ tại bãi", ("cua", "khau"), "xe chờ tại bãi"),
])
def test_at_place(indicator: str, kind: tuple[str, ...], name: str) -> None:
    assert at_place(indicator, kind) == name


@pytest.mark.parametrize("lead, among", [
    ("kim ngach theo tung cua khau nhu sau:", False),
    ("kim ngach mot so mat hang:", True),
    ("cac mat hang nhu ca phe, hat tieu", True),
])
def test_a_list_as_follows_is_whole(lead: str, among: bool) -> None:
    assert selection_listed(lead, MOST) is among


@pytest.mark.parametrize("question, expected", [
    ("kim ngạch qua ga đường sắt Đồng Đăng 11 tháng năm 2065", "702,3"),
    ("kim ngạch ga Đồng Đăng 11 tháng 2065", "702,3"),
    ("tổng kim ngạch qua ga đường sắt Đồng Đăng 11 tháng năm 2065", "702,3"),
    ("kim ngạch xuất khẩu qua cửa khẩu phụ Bình Nghi 9 tháng năm 2064", "84,6"),
])
def test_a_gate_named_with_a_word_fewer(service: RagService, question: str,
                                        expected: str) -> None:
    a = _ask(service, question)
    assert a.found and a.answer.startswith(expected), (a.answer, a.confidence)


def test_two_gates_said_together_give_neither_its_figure(service: RagService) -> None:
    a = _ask(service, "kim ngạch qua ga đường sắt Đồng Đăng năm 2064")
    assert "4.100" not in a.answer, a.answer


@pytest.mark.parametrize("before, said", [
    ("Trong 11 tháng năm 2065, Chi cục Hải quan ga đường sắt quốc tế Đồng Đăng đã làm thủ tục "
     "cho 6.245 tờ khai, với tổng kim ngạch đạt ", "ga đường sắt Đồng Đăng"),
    # another gate named before the value: a list, no one gate's sentence
    ("cửa khẩu quốc tế Hữu Nghị 1.610,2 triệu USD; ga đường sắt quốc tế Đồng Đăng ", ""),
    # the gate not named before the value
    ("Tổng kim ngạch qua địa bàn đạt ", ""),
])
def test_gate_phrase_said(before: str, said: str) -> None:
    assert gate_phrase_said(("kim ngạch qua ga đường sắt Đồng Đăng",),
                            frozenset({"dong dang"}), before) == said
