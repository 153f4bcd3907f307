"""A right answer's summary says what the report says (issue 16, twelfth break-test, item
14): no words of the indicator dropped ("kim ngạch xuất khẩu qua đạt"), the period said once
when the subject comes from a hard-wrapped line that begins with it, no basis the indicator
already states said again in other words ("nước ngoài" ... "quốc tế"), and a month written
"8/2024" read as that month, not as a subclass "8" the report lacks.  Invented figures."""

from __future__ import annotations

from datetime import date

import pytest

from rag.ingest.uploads import read_upload
from rag.vi.asked import question_periods

_DOCS = {
    "bc_2031.txt": "Báo cáo tổng kết năm 2031\n\n"
                   "Năm 2031, kim ngạch xuất khẩu qua địa bàn tỉnh đạt 432,1 triệu USD, tăng "
                   "18,6% so với năm 2030. Tổng kim ngạch xuất nhập khẩu của tất cả các loại "
                   "hình qua địa bàn tỉnh 6 tháng đầu năm 2031 đạt 2.260 triệu USD.\n"
                   "Vốn đầu tư trực tiếp nước ngoài (FDI) đăng ký năm 2031 đạt 1.234,5 triệu "
                   "USD.\n",
    "bc_q1_2032.txt": "Báo cáo nhanh tình hình thương mại quý I năm 2032\n\n"
                      "Chỉ số giá tiêu dùng tháng 3/2032 tăng 0,35% so với tháng trước.\n"
                      "Quý I/2032, kim ngạch nhập khẩu hàng hóa qua các cửa khẩu\n"
                      "đạt 210,9 triệu USD, giảm 3,2% so với cùng kỳ.\n",
    "bc_t8_2032.txt": "Báo cáo tình hình thương mại tháng 8 năm 2032\n\n"
                      "Tháng 8/2032, kim ngạch xuất khẩu đạt 131,9 triệu USD.\n",
}


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    from conftest import empty_service
    service = empty_service(tmp_path_factory.mktemp("summary"))
    for name, text in _DOCS.items():
        service.add_document(read_upload(name, text.encode()))
    return service


def _ask(service, question: str):
    from rag.records import AskOptions

    a = service.ask(question, AskOptions(today=date(2032, 12, 1)))
    assert a.found, a.answer
    return a


@pytest.mark.parametrize("question, said", [
    ("kim ngạch xuất khẩu năm 2031", "kim ngạch xuất khẩu qua địa bàn tỉnh đạt 432,1"),
    ("tổng kim ngạch xuất nhập khẩu 6 tháng đầu năm 2031",
     "của tất cả các loại hình qua địa bàn tỉnh đạt 2.260"),
])
def test_words_after_a_dangling_word_are_said(service, question: str, said: str) -> None:
    assert said in _ask(service, question).summary


def test_the_period_of_a_wrapped_line_is_said_once(service) -> None:
    a = _ask(service, "kim ngạch nhập khẩu quý I/2032")
    assert "210,9" in a.answer
    assert a.summary.lower().count("quý i/2032") == 1, a.summary


def test_a_basis_the_indicator_states_is_not_said_again(service) -> None:
    a = _ask(service, "vốn FDI đăng ký năm 2031")
    assert "1.234,5" in a.answer
    assert "quốc tế" not in a.summary, a.summary


def test_a_month_written_with_its_year_alone(service) -> None:
    a = _ask(service, "kim ngạch xuất khẩu 8/2032")
    assert "131,9" in a.answer
    assert "riêng" not in a.summary and a.summary.startswith("Tháng 8/2032"), a.summary


@pytest.mark.parametrize("question, asked, compared", [
    ("kim ngạch xuất khẩu 8/2024", ["tháng 8/2024"], []),
    ("xuất khẩu 08/2024 so với 7/2024", ["tháng 8/2024"], ["tháng 7/2024"]),
    ("xuat khau 12/2023", ["tháng 12/2023"], []),
    ("xuất khẩu ngày 27/8/2024", ["ngày 27/8/2024"], []),
    ("quyết định số 08/2024", [], []),
])
def test_question_periods_of_a_bare_month(question: str, asked: list[str],
                                          compared: list[str]) -> None:
    a = question_periods(question, date(2024, 10, 1))
    assert [p.label for p in a.periods] == asked
    assert [p.label for p in a.compared] == compared
