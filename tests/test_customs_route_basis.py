"""Goods said to pass a customs office are the goods declared at it: "Trị giá hàng xuất khẩu
qua Chi cục Hải quan cửa khẩu Hữu Nghị 9 tháng năm 2042?" over the office's news "9 tháng năm
2042, tổng trị giá hàng hóa xuất nhập khẩu làm thủ tục qua Chi cục đạt ... Trong đó, trị giá
hàng xuất khẩu đạt 2.417,9 triệu USD" took the declared 9 months for a part the question did
not name and answered the month alone ("Riêng tháng 9/2042, kim ngạch hàng hóa xuất khẩu qua
cửa khẩu Hữu Nghị đạt 291,3 triệu USD") at 0.75, saying the report had no 9 months' figure
(break-test bt26 kind 2, session 53; rag.vi.frames.measures.customs_route_bases).  Near
miss: a question naming no office still takes the total on all types over the declared one."""

from __future__ import annotations

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames.measures import customs_route_bases
from rag.vi.text import fold

NEWS = (
    "Chi cục Hải quan cửa khẩu Tân Thanh: kim ngạch 6 tháng năm 2039 tăng khá\n\n"
    "Theo số liệu của Chi cục Hải quan cửa khẩu Tân Thanh, 6 tháng năm 2039, tổng trị giá "
    "hàng hóa xuất nhập khẩu làm thủ tục qua Chi cục đạt 1.946,2 triệu USD, tăng 17,8% so với "
    "cùng kỳ năm 2038. Trong đó, trị giá hàng xuất khẩu đạt 1.203,5 triệu USD, tăng 19,2%; "
    "trị giá hàng nhập khẩu đạt 742,7 triệu USD, tăng 15,6%.\n\n"
    "Riêng tháng 6/2039, kim ngạch hàng hóa xuất khẩu qua cửa khẩu Tân Thanh đạt 214,8 triệu "
    "USD, tăng 3,1% so với tháng trước; nhập khẩu đạt 131,9 triệu USD.\n")
PROVINCE = (
    "Tính chung 9 tháng năm 2039, tổng kim ngạch xuất nhập khẩu qua địa bàn tỉnh (tất cả các "
    "loại hình) đạt 4.812,6 triệu USD, tăng 12,4% so với cùng kỳ. Kim ngạch xuất nhập khẩu "
    "hàng hóa làm thủ tục qua các cửa khẩu 9 tháng năm 2039 đạt 3.905,1 triệu USD.\n")
DOCS = [
    {"id": "hq-tanthanh-6-2039", "title": "Chi cục Hải quan cửa khẩu Tân Thanh: kim ngạch 6 "
     "tháng năm 2039 tăng khá", "date": "2039-07-03", "text": NEWS},
    {"id": "ktxh-9-2039", "title": "Tình hình kinh tế - xã hội 9 tháng năm 2039",
     "date": "2039-09-29", "text": PROVINCE},
]


@pytest.mark.parametrize(("question", "declared"), [
    ("Trị giá hàng xuất khẩu qua Chi cục Hải quan cửa khẩu Tân Thanh?", True),
    ("kim ngạch qua Cục Hải quan tỉnh 9 tháng", True),
    ("Trị giá hàng xuất khẩu qua cửa khẩu Tân Thanh?", False),
    ("Thu ngân sách từ hoạt động hải quan?", False),
])
def test_the_office_passed_says_the_declared_basis(question: str, declared: bool) -> None:
    assert bool(customs_route_bases(fold(question).lower())) is declared


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("customs_route_basis"), DOCS)


def ask(service: RagService, question: str):  # noqa: ANN201
    return service.ask(question, AskOptions(retrieval_mode="lexical"))


@pytest.mark.parametrize(("question", "expected"), [
    ("Trị giá hàng xuất khẩu qua Chi cục Hải quan cửa khẩu Tân Thanh 6 tháng năm 2039?",
     "1.203,5"),
    ("Trị giá hàng nhập khẩu qua Chi cục Hải quan Tân Thanh 6 tháng năm 2039?", "742,7"),
])
def test_the_offices_period_answers(service: RagService, question: str, expected: str) -> None:
    a = ask(service, question)
    assert a.found and expected in a.answer, (a.answer, a.summary)
    assert a.period_match == "exact", a.summary


def test_no_office_named_keeps_all_types(service: RagService) -> None:
    a = ask(service, "Tổng kim ngạch xuất nhập khẩu qua địa bàn tỉnh 9 tháng năm 2039?")
    assert a.found and "4.812,6" in a.answer, (a.answer, a.summary)
