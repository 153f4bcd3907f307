"""A count of two kinds said together, their shared words written once (issue 17 break-test
b17 N7), on reports of our own: "52 khu, cụm công nghiệp, trong đó có 12 khu công nghiệp"
counts industrial parks and clusters together -- a question about the clusters alone does not
get 52, one about both does, and the parts listed stay parts."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract

DOCS = {
    "cong-nghiep-2031.txt": (
        "Phát triển công nghiệp năm 2031\n15/12/2031\n\n"
        "Năm 2031, toàn tỉnh có 52 khu, cụm công nghiệp, trong đó có 12 khu công nghiệp. "
        "Giá trị sản xuất công nghiệp ước đạt 48.200 tỷ đồng.\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("joint"), DOCS)


def test_the_joint_count_keeps_both_kinds() -> None:
    frames = extract("Toàn tỉnh có 52 khu, cụm công nghiệp, trong đó có 12 khu công nghiệp.",
                     "t", "2031-12-31")
    assert [f.value for f in frames] == ["52 khu, cụm công nghiệp", "12 khu công nghiệp"]
    assert frames[1].part


@pytest.mark.parametrize("question", [
    "có bao nhiêu cụm công nghiệp năm 2031?",
    "số cụm công nghiệp năm 2031",
])
def test_one_kind_is_not_the_joint_count(service: RagService, question: str) -> None:
    a = service.ask(question, AskOptions())
    assert not (a.found and a.answer.startswith("52") and a.confidence >= 0.5), \
        (a.answer, a.confidence)


@pytest.mark.parametrize(("question", "value"), [
    ("có bao nhiêu khu, cụm công nghiệp năm 2031?", "52 khu, cụm công nghiệp"),
    ("số khu công nghiệp năm 2031", "12 khu công nghiệp"),
])
def test_the_kinds_asked(service: RagService, question: str, value: str) -> None:
    a = service.ask(question, AskOptions())
    assert a.found and a.answer.startswith(value), a.answer
