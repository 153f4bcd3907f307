"""A question naming a document's number ("báo cáo 214/BC-SCT ngày nào", "kim ngạch ...
theo báo cáo 61/BC-SCT") is answered from the document that writes it, and refused when no
document does (issue 16, round 11: another report answered)."""

from __future__ import annotations

import pytest
from conftest import service_over

from rag.service import RagService
from rag.service.numbers import asked_numbers, without_numbers

DOCS = [
    {"id": "xnk-6t-2023", "title": "Báo cáo xuất nhập khẩu 6 tháng năm 2023",
     "date": "2023-07-03",
     "text": "SỞ CÔNG THƯƠNG LẠNG SƠN\n\nSố 61/BC-SCT ngày 03/7/2023\n\n6 tháng đầu năm 2023, "
             "kim ngạch nhập khẩu qua địa bàn tỉnh đạt 980,4 triệu USD."},
    {"id": "xnk-q3-2021", "title": "Báo cáo xuất nhập khẩu quý III năm 2021",
     "date": "2021-10-05",
     "text": "Số 88/BC-SCT ngày 05/10/2021\n\nQuý III năm 2021, kim ngạch nhập khẩu qua địa "
             "bàn tỉnh đạt 456,7 triệu USD, tăng 8,2% so với cùng kỳ."},
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("asked-number"), DOCS)


def test_numbers_are_read_and_left_out():
    q = "kim ngạch nhập khẩu theo báo cáo số 88/BC-SCT?"
    assert asked_numbers(q) == ["88/BC-SCT"]
    assert without_numbers(q, ["88/BC-SCT"]) == "kim ngạch nhập khẩu?"
    assert without_numbers("kim ngạch nhập khẩu trong bc 61/bc-sct", ["61/bc-sct"]) == \
        "kim ngạch nhập khẩu"


@pytest.mark.parametrize("question", [
    "báo cáo 214/BC-SCT ban hành ngày nào?",
    "báo cáo 214/BC-SCT nói gì về kim ngạch nhập khẩu",
    "kim ngạch nhập khẩu theo báo cáo số 214/BC-SCT",
])
def test_a_number_no_document_writes_is_refused(service, question):
    answer = service.ask(question)
    assert not answer.found
    assert "Không tìm thấy văn bản số 214/BC-SCT" in answer.answer  # says which is lacking
    assert "980,4" not in answer.answer and "456,7" not in answer.answer
    assert not answer.citations


@pytest.mark.parametrize(("question", "figure", "doc"), [
    ("kim ngạch nhập khẩu theo báo cáo 88/BC-SCT", "456,7 triệu USD", "xnk-q3-2021"),
    ("kim ngạch nhập khẩu theo báo cáo số 61/bc-sct", "980,4 triệu USD", "xnk-6t-2023"),
])
def test_the_named_document_answers(service, question, figure, doc):
    answer = service.ask(question)
    assert answer.found, answer.answer
    assert answer.answer == figure
    assert {c.doc_id for c in answer.citations} == {doc}

