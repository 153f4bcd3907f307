"""Trade "của (các) doanh nghiệp trong tỉnh / trên địa bàn tỉnh / địa phương" is the local
goods basis, in the question and in the report alike (issue 17, break-test bt12-b17 failure
5): "kim ngạch của doanh nghiệp trong tỉnh 6 tháng tăng bao nhiêu?" is answered by the local
traders' own rate -- never by a month's change of the total.  Other indicators of the
enterprises ("vốn đăng ký của doanh nghiệp trong tỉnh") name no basis of trade.

Wordings, places, periods and numbers differ from the break-test's example."""

from __future__ import annotations

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames.measures import bases_of

TEXT = (
    "6 tháng đầu năm 2046, tổng kim ngạch xuất nhập khẩu qua các cửa khẩu trên địa bàn (tất "
    "cả các loại hình) đạt 1,92 tỷ USD, tăng 10,1% so với cùng kỳ. Kim ngạch xuất nhập khẩu "
    "hàng địa phương của các doanh nghiệp trên địa bàn tỉnh đạt 312 triệu USD, tăng 8,4%.\n"
    "Riêng tháng 6, kim ngạch đạt 341 triệu USD, tăng 2,7% so với tháng 5.\n\n"
    "Vốn đăng ký của các doanh nghiệp trong tỉnh thành lập mới 6 tháng đạt 2.150 tỷ đồng.\n")
DOCS = [{"id": "hq-6-2046", "title": "Hoạt động xuất nhập khẩu 6 tháng đầu năm 2046",
         "date": "2046-07-04", "text": TEXT}]


@pytest.mark.parametrize(("text", "local"), [
    ("kim ngach cua cac doanh nghiep trong tinh", True),
    ("kim ngach xuat khau cua doanh nghiep tren dia ban tinh", True),
    ("hang hoa cua cac doanh nghiep dia phuong", True),
    ("doanh nghiep dia phuong xuat khau", True),
    ("von dang ky cua cac doanh nghiep trong tinh", False),
    ("so doanh nghiep tren dia ban tinh", False),
])
def test_local_traders_are_the_local_goods_basis(text: str, local: bool) -> None:
    assert ("local_goods" in bases_of(text)) is local, bases_of(text)


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("local_traders"), DOCS)


def ask(service: RagService, question: str):  # noqa: ANN201
    return service.ask(question, AskOptions(retrieval_mode="lexical"))


@pytest.mark.parametrize(("question", "expected"), [
    ("kim ngạch của doanh nghiệp trong tỉnh 6 tháng đầu năm 2046 tăng bao nhiêu?", "8,4%"),
    ("kim ngạch xuất nhập khẩu của các doanh nghiệp địa phương 6 tháng 2046 tăng bao nhiêu %?",
     "8,4%"),
    ("kim ngạch của các doanh nghiệp trong tỉnh 6 tháng 2046 đạt bao nhiêu?",
     "312 triệu USD"),
    ("tổng kim ngạch xuất nhập khẩu 6 tháng đầu năm 2046 tăng bao nhiêu?", "10,1%"),
    ("vốn đăng ký của các doanh nghiệp trong tỉnh thành lập mới 6 tháng 2046?", "2.150 tỷ đồng"),
])
def test_the_local_traders_figure_answers(service: RagService, question: str,
                                          expected: str) -> None:
    answer = ask(service, question)
    assert answer.found and answer.answer == expected, (answer.answer, answer.summary)
