"""A quarter asked of a table giving its three months and no quarter (break-test bt26 b038,
session 53): "Kim ngạch xuất khẩu qua Chi Ma quý I năm 2045?" over a sheet of months
answered the three months as partial.  A trade flow's months that make the quarter with no
gap add up: the answer is their sum, said to be computed from the months, each cited
(``rag.answer.answerer.sum_of_parts``).  Counts and periods not covered whole stay listed.
Invented gates and figures."""

from __future__ import annotations

import pytest
from conftest import empty_service
from helpers import titled_table_file

from rag.ingest.uploads import read_upload

_ROWS = [["Tháng", "Xuất khẩu", "Nhập khẩu", "Số tờ khai"],
         ["Tháng 4", "12.340", "8.210,5", "975"],
         ["Tháng 5", "10.880", "7.650", "812"],
         ["Tháng 6", "14.520", "9.930", "1.104"]]
_TITLE = "KIM NGẠCH QUA CỬA KHẨU TÂN THANH NĂM 2048 (Đơn vị tính: nghìn USD)"


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    svc = empty_service(tmp_path_factory.mktemp("summed"))
    svc.add_document(read_upload(*titled_table_file("xlsx", _ROWS, _TITLE)))
    return svc


@pytest.mark.parametrize("question, answer", [
    ("Kim ngạch xuất khẩu qua Tân Thanh quý II năm 2048?",
     "37.740 nghìn USD (12.340 + 10.880 + 14.520)"),
    ("Kim ngạch nhập khẩu qua cửa khẩu Tân Thanh quý II/2048?",
     "25.790,5 nghìn USD (8.210,5 + 7.650 + 9.930)"),
])
def test_a_quarters_months_are_summed(service, question, answer) -> None:
    got = service.ask(question)
    assert got.found and got.answer == answer, got.answer
    assert got.period_match == "partial" and len(got.citations) == 3, got
    assert got.summary is not None and "tính từ số liệu từng kỳ" in got.summary, got.summary


def test_counts_are_not_summed(service) -> None:
    got = service.ask("Số tờ khai qua Tân Thanh quý II năm 2048?")
    assert "+" not in got.answer and "2.891" not in got.answer, got.answer


def test_months_that_do_not_cover_the_period_are_not_summed(service) -> None:
    got = service.ask("Kim ngạch xuất khẩu qua Tân Thanh 6 tháng đầu năm 2048?")
    assert "+" not in got.answer and "37.740" not in got.answer, got.answer
