"""An empty table cell is not filled from another row: a row whose cell for the asked period
is empty ("Số doanh nghiệp thành lập mới | 310 | ") is not answered with the figure of
another row of the same table ("Số hợp tác xã thành lập mới | 45 | 52") that holds fewer of
the question's words (issue 17 break-test: "52 hợp tác xã" for "số doanh nghiệp thành lập
mới năm 2028").  The row named, a row for its filled year, and a question naming what every
row shares still answer."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService

DOCS = {
    "chi-tieu-2027-2028.csv": (
        "Chỉ tiêu,Đơn vị tính,Năm 2027,Năm 2028\n"
        "Kim ngạch xuất khẩu hàng địa phương,triệu USD,85,\n"
        "Kim ngạch xuất khẩu qua địa bàn,triệu USD,1.250,1.420\n"
        "Số doanh nghiệp thành lập mới,doanh nghiệp,310,\n"
        "Số hợp tác xã thành lập mới,hợp tác xã,45,52\n"),
    "van-tai-2028.csv": (
        "Chỉ tiêu,Quý I/2028,Quý II/2028\n"
        "Khối lượng hàng hóa vận chuyển đường bộ (nghìn tấn),410,\n"
        "Khối lượng hàng hóa vận chuyển (nghìn tấn),520,545\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("cells"), DOCS)


def ask(service: RagService, question: str):  # noqa: ANN201
    return service.ask(question, AskOptions(retrieval_mode="lexical"))


@pytest.mark.parametrize("question", [
    "số doanh nghiệp thành lập mới năm 2028",
    "so doanh nghiep thanh lap moi nam 2028",
    "khối lượng hàng hóa vận chuyển đường bộ quý II/2028",
])
def test_an_empty_cell_is_not_filled_from_another_row(service: RagService,
                                                      question: str) -> None:
    answer = ask(service, question)
    assert not answer.found, answer.answer


@pytest.mark.parametrize(("question", "expected"), [
    ("số doanh nghiệp thành lập mới năm 2027", "310 doanh nghiệp"),
    ("số hợp tác xã thành lập mới năm 2028", "52 hợp tác xã"),
    ("kim ngạch xuất khẩu qua địa bàn năm 2028", "1.420 triệu USD"),
    ("khối lượng hàng hóa vận chuyển quý II/2028", "545 nghìn tấn"),
    ("khối lượng hàng hóa vận chuyển đường bộ quý I/2028", "410 nghìn tấn"),
])
def test_the_rows_named_still_answer(service: RagService, question: str,
                                     expected: str) -> None:
    answer = ask(service, question)
    assert answer.found and answer.answer == expected, answer.answer
