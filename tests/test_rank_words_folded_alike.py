"""A product's name that folds like a rank question ("hàng mây tre đan" / "hạng mấy", "hàng
may mặc", "doanh thu may mặc" / "thứ mấy") asks no rank: the level the report writes answers
it, as it does when the question leaves the class word "hàng" out -- not a refusal
(break-test bt16d items 7 and 9: "giá trị sản xuất hàng mây tre đan năm 2006?" refused at
0.86).  A rank asked in its own words is still a rank.  The reports are built here, with
other products, years and numbers than the break-test's."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.service import RagService

FILES = {
    "langnghe_2086.txt": (
        "Báo cáo làng nghề tỉnh Bắc Hà năm 2086\n\n"
        "Năm 2086, giá trị sản xuất hàng mây tre đan đạt 14,3 tỷ đồng.\n\n"
        "Kim ngạch xuất khẩu hàng may mặc năm 2086 đạt 52,6 triệu USD.\n\n"
        "Doanh thu may mặc nội địa của các doanh nghiệp năm 2086 đạt 318 tỷ đồng.\n"),
    "pci_2086.txt": (
        "Báo cáo môi trường kinh doanh tỉnh Bắc Hà năm 2086\n\n"
        "Năm 2086, chỉ số năng lực cạnh tranh cấp tỉnh (PCI) của tỉnh xếp thứ 27/63 tỉnh, "
        "thành phố.\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("rankfold"), FILES)


@pytest.mark.parametrize(("question", "value"), [
    ("giá trị sản xuất hàng mây tre đan năm 2086?", "14,3"),
    ("giá trị sản xuất mặt hàng mây tre năm 2086 đạt bao nhiêu?", "14,3"),
    ("xuất khẩu hàng may mặc năm 2086 đạt bao nhiêu?", "52,6"),
    ("kim ngạch xuất khẩu nhóm hàng may mặc năm 2086?", "52,6"),
    ("doanh thu may mặc nội địa năm 2086?", "318"),
    ("gia tri san xuat hang may tre dan nam 2086?", "14,3"),
])
def test_a_product_folded_like_a_rank_word_gets_its_level(service: RagService, question: str,
                                                          value: str) -> None:
    a = service.ask(question)
    assert a.found and value in a.answer, (question, a.answer, a.confidence)


@pytest.mark.parametrize("question", [
    "chỉ số PCI năm 2086 xếp thứ mấy?",
    "năm 2086 PCI của tỉnh đứng thứ mấy cả nước?",
    "chi so PCI nam 2086 xep thu may?",
])
def test_a_rank_asked_is_still_a_rank(service: RagService, question: str) -> None:
    a = service.ask(question)
    assert a.found and "27" in a.answer, (question, a.answer, a.confidence)
