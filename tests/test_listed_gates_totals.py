"""Two kinds the "qua" preposition (tests/test_qua_preposition.py) laid bare, worded with
"tại" on the base as well (session 46, branch quaprep).

1. A gate's figure in a list of gates ("Hữu Nghị dẫn đầu với 1.126,4 triệu USD; tiếp đến là
   Tân Thanh 311,2 triệu USD, Chi Ma 298,7 triệu USD"): the list's sentence names every gate,
   so the figure of one fit a question asking another -- "kim ngạch tại Hữu Nghị" took Chi
   Ma's, and "tại Hữu Nghị và Chi Ma" answered Chi Ma alone (held-out h089).  A figure whose
   indicator is a bare name answers for that name only (rag.answer.places.listed_name).
2. A total counted in another unit than the question's count word ("bao nhiêu xe" of "1.146
   phương tiện ..., trong đó 552 xe xuất khẩu"): its coverage fell under the pick's floor
   and its part answered (dev d032).  A total its ranking puts before a part that passes
   the floor is kept (rag.answer.answerer._total_before_part).  Near misses: a question
   naming the part ("xe xuất khẩu") keeps the part; a gate asked alone keeps its figure."""

from __future__ import annotations

import pytest
from conftest import service_over_files
from helpers import report_file

from rag.records import AskOptions
from rag.service import RagService

GATES = ["Kim ngạch hàng hóa qua các cửa khẩu 7 tháng đầu năm 2091",
         "7 tháng đầu năm 2091, kim ngạch hàng hóa làm thủ tục tại Cục Hải quan tỉnh đạt 2.418,6 "
         "triệu USD, tăng 9,2% so với cùng kỳ.",
         "Xét theo cửa khẩu, Bản Khoang tiếp tục dẫn đầu với kim ngạch 1.347,2 triệu USD; tiếp "
         "đến là Nà Sầm 402,9 triệu USD, Pò Lềnh 215,3 triệu USD và ga liên vận Đồng Mỏ 97,4 "
         "triệu USD."]
CARS = ["Tình hình thông quan tại các cửa khẩu tháng 3 năm 2092",
        "Riêng ngày 14/3/2092 đã có 1.382 phương tiện làm thủ tục xuất nhập khẩu qua các cửa "
        "khẩu của tỉnh, trong đó 731 xe xuất khẩu và 651 xe nhập khẩu.",
        "Ngày 21/3/2092 có 1.214 phương tiện làm thủ tục xuất nhập khẩu qua các cửa khẩu, "
        "trong đó 598 xe hàng xuất khẩu và 616 xe hàng nhập khẩu."]


@pytest.fixture(scope="module")
def gates(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("listed_gates"),
                              dict([report_file("docx", GATES)]))


@pytest.fixture(scope="module")
def cars(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("listed_cars"),
                              dict([report_file("txt", CARS)]))


def _ask(svc: RagService, q: str) -> str:
    r = svc.ask(q, AskOptions())
    return r.answer if r.found else ""


@pytest.mark.parametrize("q", [
    "kim ngạch tại Bản Khoang 7 tháng đầu năm 2091",
    "kim ngạch qua Bản Khoang 7 tháng đầu năm 2091",
    "kim ngạch hàng hóa tại cửa khẩu Bản Khoang 7 tháng năm 2091 là bao nhiêu?",
])
def test_leading_gate_not_a_listed_one(gates: RagService, q: str) -> None:
    assert "1.347,2" in _ask(gates, q)


@pytest.mark.parametrize("q", [
    "kim ngạch tại Bản Khoang và Pò Lềnh 7 tháng đầu năm 2091",
    "kim ngạch qua Bản Khoang và Pò Lềnh 7 tháng đầu năm 2091",
])
def test_two_gates_joined(gates: RagService, q: str) -> None:
    a = _ask(gates, q)
    assert "1.347,2" in a and "215,3" in a


@pytest.mark.parametrize("q, value", [
    ("kim ngạch tại Pò Lềnh 7 tháng đầu năm 2091", "215,3"),  # near miss: a listed gate
    ("kim ngạch tại Nà Sầm 7 tháng đầu năm 2091", "402,9"),
])
def test_listed_gate_keeps_its_figure(gates: RagService, q: str, value: str) -> None:
    assert value in _ask(gates, q)


@pytest.mark.parametrize("q, value", [
    ("ngay 14/3/2092 co bao nhieu xe thong quan tai cac cua khau", "1.382"),
    ("ngày 14/3/2092 có bao nhiêu xe thông quan qua các cửa khẩu?", "1.382"),
    ("ngày 21/3/2092 có bao nhiêu xe thông quan tại các cửa khẩu", "1.214"),
])
def test_total_vehicles_over_its_parts(cars: RagService, q: str, value: str) -> None:
    assert value in _ask(cars, q)


@pytest.mark.parametrize("q, value", [
    ("ngày 14/3/2092 có bao nhiêu xe xuất khẩu tại các cửa khẩu", "731"),  # the part named
    ("ngày 21/3/2092 có bao nhiêu xe hàng nhập khẩu qua các cửa khẩu", "616"),
])
def test_part_named_keeps_the_part(cars: RagService, q: str, value: str) -> None:
    assert value in _ask(cars, q)
