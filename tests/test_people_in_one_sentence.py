"""Several people named in one sentence, each with the role written after a comma: the words of
one's apposition are that person's -- "ai phụ trách thương mại" was answered by the deputy of
industry named right after the deputy of trade, at 1.0 (break-test bt21a, session 49).  A
sentence opened by "Ông X, ..." answers "X", not "Ông X"."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.answer.candidates import Candidate, candidates
from rag.answer.sentences import apposition_span
from rag.answer.weights import AnswerWeights
from rag.records import AskOptions
from rag.service import RagService

SENTENCE = ("Tham dự hội nghị có ông Hoàng Văn Lương, Phó Giám đốc Sở Công Thương phụ trách lĩnh "
            "vực thương mại, và bà Lý Thị Mai, Phó Giám đốc Sở phụ trách lĩnh vực công nghiệp.")
DOC = ("Hội nghị tổng kết ngành Công Thương năm 2062\n12/12/2062\n\n" + SENTENCE +
       " Năm 2062, giá trị sản xuất công nghiệp đạt 9.120 tỷ đồng. Ông Vi Văn Dũng, Chủ tịch "
       "Hiệp hội Doanh nghiệp tỉnh, phát biểu tại hội nghị.\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("people"), {"hn.txt": DOC.encode()})


@pytest.mark.parametrize(("question", "expected"), [
    ("Ai phụ trách lĩnh vực công nghiệp?", "Lý Thị Mai"),
    ("ai phu trach thuong mai", "Hoàng Văn Lương"),
    ("Phó giám đốc phụ trách thương mại là ai?", "Hoàng Văn Lương"),
    ("Phó giám đốc phụ trách công nghiệp là ai?", "Lý Thị Mai"),
    ("Ai là chủ tịch hiệp hội doanh nghiệp?", "Vi Văn Dũng"),
])
def test_the_person_whose_apposition_holds_the_question(service: RagService, question: str,
                                                         expected: str) -> None:
    a = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert a.found and a.answer == expected, (a.answer, a.confidence)


def test_an_apposition_ends_at_the_next_name() -> None:
    names = [c for c in candidates(SENTENCE, AnswerWeights()) if c.kind == "name"]
    assert [c.text for c in names] == ["Hoàng Văn Lương", "Lý Thị Mai"]
    lo, hi = apposition_span(SENTENCE, names[0], names)  # type: ignore[misc]
    assert SENTENCE[lo:hi].strip().startswith("Phó Giám đốc Sở Công Thương")
    assert "thương mại" in SENTENCE[lo:hi] and "công nghiệp" not in SENTENCE[lo:hi]
    lo, hi = apposition_span(SENTENCE, names[1], names)  # type: ignore[misc]
    assert SENTENCE[lo:hi].strip() == "Phó Giám đốc Sở phụ trách lĩnh vực công nghiệp"
    # no comma after the name, or no name: no apposition
    assert apposition_span("Giám đốc Sở Lý Thị Mai cho biết", Candidate(
        "name", "Lý Thị Mai", 13, 23, ""), []) is None
    assert apposition_span("đạt 12 tỷ đồng, tăng 5%", Candidate(
        "amount", "12 tỷ đồng", 4, 14, "ty dong"), []) is None


def test_roles_written_before_names_are_no_apposition() -> None:
    """XQuAD-vi dev: "Giám đốc Điều hành Microsoft Satya Nadella, người sáng lập Tập đoàn
    Oracle và là người giàu thứ ba ở Mỹ Larry Ellison, ...": the words after Nadella's comma
    are Ellison's role."""
    text = ("Các cựu sinh viên gồm Giám đốc Điều hành Microsoft Satya Nadella, người sáng lập "
            "Tập đoàn Oracle và là người giàu thứ ba ở Mỹ Larry Ellison, và ủy viên NBA Adam "
            "Silver.")
    names = [Candidate("name", n, text.index(n), text.index(n) + len(n), "")
             for n in ("Satya Nadella", "Larry Ellison", "Adam Silver")]
    assert apposition_span(text, names[0], names) is None
