"""Numbers and names a question or a report writes as part of a thing's name (break-test
bt17o of session 44):

- a place name of several words ("cửa khẩu Tân Thanh và Chi Ma", "Hữu Nghị và Cốc Nam",
  "chi lăng và bắc sơn" typed in lower case) is one conjunct: the split of "A và B" never
  cuts inside it (rag.answer.conjuncts._whole_names; it asked "Chi" and "Tân Thanh Ma");
- the number of a product's code followed by its price's side ("Giá xăng RON 95 bán lẻ là
  27.430 đồng/lít", "E5 RON 92 bán ra", "mua vào", "giá") is no value: "95 bán lẻ" was
  served as the price (rag.vi.numbers._TRADE_SIDE_AFTER).

Reports as TXT, DOCX and HTML; near-misses: a code word then a count ("FDI 12 dự án") and
one-word conjuncts ("than và xi măng", "CPI và IIP") keep their reading."""

from __future__ import annotations

import pytest
from conftest import service_over_files
from helpers import report_file

from rag.answer.conjuncts import split_conjuncts
from rag.records import AskOptions
from rag.service import RagService
from rag.vi.numbers import find_values

REPORT = [
    "Hoạt động xuất nhập khẩu và giá cả thị trường quý I/2084",
    "Quý I/2084, tổng kim ngạch xuất nhập khẩu qua địa bàn tỉnh đạt 1.627 triệu USD. Theo "
    "cửa khẩu, cửa khẩu quốc tế Hữu Nghị đạt 903 triệu USD, chiếm 55,5% tổng kim ngạch; "
    "cửa khẩu Tân Thanh đạt 412 triệu USD; cửa khẩu Chi Ma đạt 188 triệu USD; cửa khẩu "
    "Cốc Nam đạt 57 triệu USD; các cửa khẩu còn lại đạt 67 triệu USD.",
    "Trong tháng 3/2084, giá xăng RON 95 bán lẻ là 27.430 đồng/lít, tăng 3,1% so với tháng "
    "2/2084; giá xăng E5 RON 92 bán lẻ là 26.180 đồng/lít.",
]


@pytest.fixture(scope="module", params=["txt", "docx", "html"])
def service(request: pytest.FixtureRequest,
            tmp_path_factory: pytest.TempPathFactory) -> RagService:
    name, data = report_file(request.param, REPORT)
    return service_over_files(tmp_path_factory.mktemp(f"names_{request.param}"), {name: data})


@pytest.mark.parametrize(("question", "expected"), [
    ("kim ngạch cửa khẩu Tân Thanh và Chi Ma quý I/2084?", ["412 triệu USD", "188 triệu USD"]),
    ("kim ngạch qua cửa khẩu Hữu Nghị và Cốc Nam quý 1 năm 2084 đạt bao nhiêu?",
     ["903 triệu USD", "57 triệu USD"]),
])
def test_a_place_name_is_one_conjunct(service: RagService, question: str,
                                      expected: list[str]) -> None:
    a = service.ask(question, AskOptions())
    assert a.found, a.answer
    for figure in expected:
        assert figure in a.answer, a.answer
    assert "không có số liệu" not in a.answer, a.answer


@pytest.mark.parametrize(("question", "expected"), [
    ("giá xăng RON 95 tháng 3/2084?", "27.430 đồng/lít"),
    ("Giá xăng E5 RON 92 tháng 3 năm 2084 là bao nhiêu?", "26.180 đồng/lít"),
    ("giá xăng RON 95 tháng 3/2084 tăng bao nhiêu %?", "3,1%"),
])
def test_the_code_of_a_product_is_no_price(service: RagService, question: str,
                                           expected: str) -> None:
    a = service.ask(question, AskOptions())
    assert a.found and a.answer.startswith(expected), a.answer


def _cohesion(a: str, b: str) -> float:
    return 1.0 if (a, b) in {("kim", "ngach"), ("cua", "khau"), ("xi", "mang")} else 0.0


@pytest.mark.parametrize(("question", "labels"), [
    ("kim ngạch cửa khẩu Tân Thanh và Chi Ma quý I/2084?", ("Tân Thanh", "Chi Ma")),
    ("Tân Thanh và Chi Ma quý I/2084 đạt bao nhiêu?", ("Tân Thanh", "Chi Ma")),
    ("số khách tại chi lăng và bắc sơn năm 2085?", ("chi lăng", "bắc sơn")),
    ("xuất khẩu sang Trung Quốc và Hoa Kỳ năm 2085?", ("Trung Quốc", "Hoa Kỳ")),
    # near-misses: one-word conjuncts
    ("sản lượng than và xi măng 9 tháng 2025", ("than", "xi măng")),
    ("CPI và IIP tháng 3/2085?", ("CPI", "IIP")),
])
def test_split_keeps_names_whole(question: str, labels: tuple[str, ...]) -> None:
    split = split_conjuncts(question, _cohesion)
    assert split is not None and split.labels == labels, split


@pytest.mark.parametrize(("text", "values"), [
    ("Giá xăng RON 95 bán lẻ là 27.430 đồng/lít.", ["27.430 đồng/lít"]),
    ("Xăng E5 RON 92 giá 24.000 đồng/lít.", ["24.000 đồng/lít"]),
    ("Dầu DO 0,05S bán lẻ là 25.100 đồng/lít.", ["25.100 đồng/lít"]),
    # near-misses: a code word then a count; a code read as such already
    ("Vốn FDI 12 dự án đạt 30 triệu USD.", ["12 dự án", "30 triệu USD"]),
    ("Giá xăng RON 95 ở mức 23.010 đồng/lít.", ["23.010 đồng/lít"]),
])
def test_values_after_a_code(text: str, values: list[str]) -> None:
    assert [v.text for v in find_values(text)] == values
