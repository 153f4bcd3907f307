"""A bare indicator head inherits the subject its paragraph named (break-test bt7-b17 failure 3):

- "sản lượng", "năng suất", "diện tích", "gieo trồng", "doanh thu", "giá trị" written without
  what they measure ("Vụ Mùa 2036 gieo trồng 4.120 ha, sản lượng đạt 21.900 tấn") are of the
  crop, product or sector named last before them in the same paragraph -- lines with no blank
  line between them, as a .txt report writes one sentence group a line;
- a figure naming another subject ("ngô" after "lúa") keeps its own, and sets it for the bare
  heads after it;
- a blank line or a heading ends the subject: nothing leaks into the next paragraph."""

from __future__ import annotations

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract

CROPS = (
    "Kết quả sản xuất vụ Mùa năm 2037\n\n"
    "Vụ Mùa năm 2037, toàn tỉnh gieo trồng 6.480 ha ngô, tăng 210 ha so với vụ trước. "
    "Năng suất đạt 47,3 tạ/ha.\n"
    "Vụ Mùa năm 2036 gieo trồng 6.270 ha, sản lượng đạt 28.650 tấn.\n"
    "Diện tích chè cho sản phẩm đạt 2.915 ha. Sản lượng ước đạt 19.400 tấn.\n"
    "Diện tích cây ăn quả đạt 11.760 ha; giá trị sản xuất bình quân 92 triệu đồng/ha.\n\n"
    "Doanh thu đạt 318 tỷ đồng.\n")
INDUSTRY = (
    "Sản xuất công nghiệp tháng 11/2037\n\n"
    "Sản lượng điện thương phẩm tháng 11/2037 đạt 141,6 triệu kWh. Doanh thu đạt 296 tỷ "
    "đồng.\n"
    "Sản lượng xi măng tháng 11/2037 ước 187,2 nghìn tấn; tiêu thụ 179,5 nghìn tấn.\n")


def frames_of(text: str) -> dict[str, object]:
    return {f.value: f for f in extract(text, text.split("\n")[0], "2037-12-05")}


@pytest.mark.parametrize(("value", "words"), [
    ("47,3 tạ/ha", ("Năng suất", "ngô")),
    ("6.270 ha", ("gieo trồng", "ngô")),
    ("28.650 tấn", ("sản lượng", "ngô")),
    ("19.400 tấn", ("Sản lượng", "chè")),
    ("92 triệu đồng/ha", ("giá trị sản xuất", "cây ăn quả")),
])
def test_a_bare_head_takes_the_crop_named_before(value: str, words: tuple[str, ...]) -> None:
    f = frames_of(CROPS)[value]
    assert all(w in f.indicator for w in words), f  # type: ignore[attr-defined]


@pytest.mark.parametrize(("value", "words"), [
    ("296 tỷ đồng", ("Doanh thu", "điện thương phẩm")),
    ("179,5 nghìn tấn", ("tiêu thụ", "xi măng")),
])
def test_a_bare_head_takes_the_product_named_before(value: str, words: tuple[str, ...]) -> None:
    f = frames_of(INDUSTRY)[value]
    assert all(w in f.indicator for w in words), f  # type: ignore[attr-defined]


def test_another_subject_keeps_its_own() -> None:
    # "chè" after "ngô": the chè sentence is chè's, and its bare "Sản lượng" is no ngô's
    frames = frames_of(CROPS)
    assert "ngô" not in frames["2.915 ha"].indicator  # type: ignore[attr-defined]
    assert "ngô" not in frames["19.400 tấn"].indicator  # type: ignore[attr-defined]
    assert "chè" not in frames["11.760 ha"].indicator  # type: ignore[attr-defined]


def test_the_subject_does_not_cross_a_blank_line() -> None:
    f = frames_of(CROPS)["318 tỷ đồng"]
    assert f.indicator == "Doanh thu", f  # type: ignore[attr-defined]


def test_a_named_subject_is_left_as_written() -> None:
    frames = frames_of(INDUSTRY)
    assert frames["141,6 triệu kWh"].indicator == "Sản lượng điện thương phẩm"  # type: ignore[attr-defined]
    assert frames["187,2 nghìn tấn"].indicator == "Sản lượng xi măng"  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("topics"), [
        {"id": "vu-mua-2037", "title": "Kết quả sản xuất vụ Mùa năm 2037",
         "date": "2037-12-05", "text": CROPS.split("\n\n", 1)[1]}])


@pytest.mark.parametrize(("question", "expected"), [
    ("sản lượng ngô vụ Mùa 2036?", "28.650 tấn"),
    ("diện tích gieo trồng ngô vụ Mùa năm 2036?", "6.270 ha"),
    ("năng suất ngô vụ Mùa 2037?", "47,3 tạ/ha"),
    ("sản lượng chè năm 2037?", "19.400 tấn"),
])
def test_the_inherited_subject_answers(service: RagService, question: str,
                                       expected: str) -> None:
    answer = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert answer.found and answer.answer == expected, (answer.answer, answer.summary)
