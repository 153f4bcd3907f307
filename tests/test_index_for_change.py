"""An index asked as a change: "Chỉ số IIP tháng 7/2029 ước đạt 106,3% so với cùng kỳ" (the
same month of last year = 100) answers "IIP tháng 7/2029 tăng bao nhiêu %?" with "tăng
6,3%", derived from the index, said to be so and cited by the index's clause -- it was
answered with an unrelated sentence of the passage (issue 17 break-test).  A sentence that
names no base gives the change less surely (``weights.index_change_max``); the index asked
as itself is still the index as written."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.answer.index_change import index_change
from rag.answer.weights import AnswerWeights
from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract

DOCS = {
    "cong-nghiep-t7-2029.txt": (
        "Tình hình sản xuất công nghiệp tháng 7 năm 2029\n(30/7/2029)\n\n"
        "Chỉ số IIP tháng 7/2029 ước đạt 106,3% so với cùng kỳ. Giá trị sản xuất công "
        "nghiệp tháng 7/2029 ước đạt 1.250 tỷ đồng.\n"),
    "cong-nghiep-t8-2029.txt": (
        "Tình hình sản xuất công nghiệp tháng 8 năm 2029\n(30/8/2029)\n\n"
        "Giá trị sản xuất công nghiệp tháng 8/2029 ước đạt 1.180 tỷ đồng. Chỉ số sản xuất "
        "công nghiệp tháng 8/2029 ước đạt 97,5%.\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("index"), DOCS)


def ask(service: RagService, question: str):  # noqa: ANN201
    return service.ask(question, AskOptions(retrieval_mode="lexical"))


@pytest.mark.parametrize("question", [
    "chỉ số sản xuất công nghiệp (IIP) tháng 7/2029 tăng bao nhiêu %?",
    "chi so IIP thang 7/2029 tang bao nhieu phan tram",
])
def test_an_index_asked_as_a_change_gives_its_change(service: RagService,
                                                     question: str) -> None:
    answer = ask(service, question)
    assert answer.found and answer.answer == "tăng 6,3%", answer.answer
    assert answer.citations[0].quote.startswith("Chỉ số IIP tháng 7/2029 ước đạt 106,3%")
    assert answer.figure is not None and answer.figure.measure == "change"
    assert answer.summary is not None and "106,3%" in answer.summary \
        and "tăng 6,3% so với cùng kỳ" in answer.summary


def test_an_index_without_its_base_gives_its_change_less_surely(service: RagService) -> None:
    answer = ask(service, "chỉ số sản xuất công nghiệp tháng 8/2029 giảm bao nhiêu %?")
    assert answer.found and answer.answer == "giảm 2,5%", answer.answer
    assert answer.confidence <= AnswerWeights().index_change_max


@pytest.mark.parametrize(("question", "expected"), [
    ("chỉ số IIP tháng 7/2029", "106,3%"),
    ("chỉ số sản xuất công nghiệp tháng 8/2029 đạt bao nhiêu %", "97,5%"),
])
def test_an_index_asked_as_itself_is_the_index(service: RagService, question: str,
                                               expected: str) -> None:
    answer = ask(service, question)
    assert answer.found and answer.answer == expected, answer.answer


def test_index_change() -> None:
    frames = extract("Chỉ số giá tiêu dùng tháng 5/2029 bằng 103,10% so với cùng kỳ; "
                     "chỉ số giá vàng tháng 5/2029 ước đạt 92,4%.")
    assert [f.measure for f in frames] == ["index", "index"]
    changes = [index_change(f) for f in frames]
    assert [c.value for c in changes if c is not None] == ["tăng 3,10%", "giảm 7,6%"]
    assert changes[0] is not None and changes[0].comparison == "cùng kỳ"
