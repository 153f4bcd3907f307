"""A level asked of a year whose reports give it only to a day or a month of that year
("tính đến hết ngày 20/12/2031", "lũy kế đến hết tháng 11/2032") and state a change of a
part of it for the year ("kim ngạch xuất khẩu hàng nông sản ... tăng 6,8%"): a refusal
names the span the reports cover ("Các báo cáo có số liệu này tính đến 20/12/2031"), never
"chỉ nêu mức thay đổi ...; không nêu giá trị", which is false when a level is given (issue
17, break-test bt17c: "kim ngạch xuất khẩu năm 2026?" of a customs report to 15/12/2026).  A
report stating only the change keeps the change named.  Wordings and numbers differ from the
break-test's."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.service import RagService

_CUSTOMS = (
    "Hải quan tỉnh: kim ngạch xuất nhập khẩu năm 2031 ước vượt 7 tỷ USD\n"
    "Cập nhật 21/12/2031\n\n"
    "Theo Cục Hải quan tỉnh, tính đến hết ngày 20/12/2031, tổng kim ngạch xuất nhập khẩu hàng "
    "hóa qua địa bàn tỉnh đạt 7.105 triệu USD, tăng 12,4% so với cùng kỳ năm 2030; trong đó "
    "xuất khẩu đạt 3.150 triệu USD, nhập khẩu đạt 3.955 triệu USD.\n\n"
    "Năm 2031, kim ngạch xuất khẩu hàng nông sản của địa phương tăng 6,8%.\n")
_GATES = (
    "Trao đổi thương mại qua các cửa khẩu năm 2032\n"
    "Ngày 04/12/2032\n\n"
    "Lũy kế đến hết tháng 11/2032, tổng kim ngạch xuất nhập khẩu qua các cửa khẩu trên địa bàn "
    "đạt 5.840 triệu USD, tăng 8,7%; trong đó nhập khẩu đạt 3.310 triệu USD, xuất khẩu đạt "
    "2.530 triệu USD.\n\n"
    "Năm 2032, kim ngạch nhập khẩu hàng tiêu dùng của các doanh nghiệp trong tỉnh tăng 3,9%.\n")
_PRESS = ("Cục Thống kê: tình hình kinh tế quý III năm 2038\nNgày 29/09/2038\n\n"
          "Tổng sản phẩm trên địa bàn (GRDP) quý III/2038 ước tăng 7,55% so với cùng kỳ năm "
          "trước.\n")


@pytest.fixture(scope="module")
def customs(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("held1"), {"hq-2031.txt": _CUSTOMS})


@pytest.fixture(scope="module")
def gates(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("held2"), {"ck-2032.txt": _GATES})


@pytest.fixture(scope="module")
def press(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("held3"), {"tk-q3-2038.txt": _PRESS})


@pytest.mark.parametrize(("question", "span"), [
    ("kim ngạch xuất khẩu năm 2031?", "tính đến 20/12/2031"),
    ("Kim ngạch xuất khẩu năm 2031 đạt bao nhiêu triệu USD?", "tính đến 20/12/2031"),
])
def test_refusal_names_the_span_a_day_covers(customs: RagService, question: str,
                                             span: str) -> None:
    answer = customs.ask(question)
    assert not answer.found or answer.period_match == "partial", answer
    if not answer.found:
        assert f"Các báo cáo có số liệu này {span}" in answer.answer, answer
        assert "mức thay đổi" not in answer.answer and "6,8%" not in answer.answer, answer


def test_refusal_names_the_months_covered(gates: RagService) -> None:
    answer = gates.ask("kim ngạch nhập khẩu năm 2032?")
    assert not answer.found or answer.period_match == "partial", answer
    if not answer.found:
        assert "tính đến hết tháng 11/2032" in answer.answer, answer
        assert "mức thay đổi" not in answer.answer and "3,9%" not in answer.answer, answer


def test_the_change_asked_still_answers(customs: RagService) -> None:
    answer = customs.ask("kim ngạch xuất khẩu hàng nông sản năm 2031 tăng bao nhiêu?")
    assert answer.answer == "6,8%", answer


def test_a_report_of_the_change_only_still_names_it(press: RagService) -> None:
    answer = press.ask("GRDP quý III/2038")
    assert not answer.found, answer
    assert "chỉ nêu mức thay đổi quý III/2038" in answer.answer and "7,55%" in answer.answer
