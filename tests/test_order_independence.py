"""An answer over one corpus does not depend on what this process read or asked before: the
same questions over corpus B get the same answers (question as read, text, found, confidence)
from a fresh service, from one built after another service read corpus A and answered its
questions, and from one service that first answered over A and then had A's documents removed
and B's added (a server following index generations after ``POST /documents``, ``DELETE``).

What could leak is everything read per corpus: the abbreviation table (rag.vi.acronyms: "NSĐP"
is "ngân sách địa phương" in A, "nông sản địa phương" in B), the speller's vocabulary
(rag.vi.spell: "khôo" is B's "khô"), the years the index covers (a refusal's
suggestions, rag.service.years) and the figures read per document (FigureReader).  Session
40 audited the module-level caches of rag/, api/, index/ (every functools.lru_cache compared
against its uncached function over the tests and dev2/held-out sets: none differed) and ran
the tests of test_[g-i]*.py with their neighbours in reversed order: no leak found.  This
guards the per-generation caches of RagService: keying any of the four (acronyms, speller,
years, figure reader) by nothing but "built once" fails the next-generation case.

Near-miss: a year that only corpus A covers is still refused over B, and the refusal names
B's year, not A's."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import empty_service, service_over_files

from rag.records import Answer, AskOptions
from rag.service import RagService

A_FILES = {
    "ngansach_2094.txt": (
        "Báo cáo dự toán tỉnh Bắc Hà năm 2094\n\n"
        "Dự toán thu, chi ngân sách địa phương (NSĐP) năm 2094 được HĐND tỉnh thông qua tại "
        "kỳ họp thứ 9. Kim ngạch xuất khẩu năm 2094 đạt 812 triệu USD, tăng 6,1% so với "
        "năm 2093. Sản lượng chè búp tươi năm 2094 đạt 9.870 tấn. Số hội viên hợp tác xã "
        "năm 2094 đạt 5.400 người.\n"),
    "chitieu_2094.csv": (
        "Chỉ tiêu,Đơn vị tính,Năm 2094\n"
        "\"Chi NSĐP\",tỷ đồng,\"5.120\"\n"
        "\"Sản lượng NSĐP tiêu thụ\",tấn,\"7.700\"\n"),
}
B_FILES = {
    "nongsan_2097.txt": (
        "Báo cáo tiêu thụ hàng hóa tỉnh Nam Hà năm 2097\n\n"
        "Chương trình quảng bá nông sản địa phương (NSĐP) tiếp tục được triển khai. Kim ngạch "
        "xuất khẩu năm 2097 đạt 455 triệu USD, tăng 3,8% so với năm 2096. Sản lượng chè búp "
        "tươi năm 2097 đạt 1.250 tấn. Sản lượng hồi khô năm 2097 đạt 2.150 tấn.\n"),
    "tieuthu_2097.csv": (
        "Chỉ tiêu,Đơn vị tính,Năm 2097\n"
        "\"Sản lượng NSĐP tiêu thụ\",tấn,\"3.400\"\n"),
}
A_QUESTIONS = ["Chi NSĐP năm 2094 là bao nhiêu?", "Kim ngạch xuất khẩu năm 2094?",
               "Số hội viên hợp tác xã năm 2094?", "san luong che bup tuoi nam 2094",
               "Sản lượng NSĐP tiêu thụ năm 2094?"]
# (question, a part of the answer over B); None: refused
B_QUESTIONS: list[tuple[str, str | None]] = [
    ("Sản lượng NSĐP tiêu thụ năm 2097?", "3.400"),          # B's own sense of "NSĐP"
    ("Kim ngạch xuất khẩu năm 2097?", "455"),                 # the same words, B's figure
    ("san luong che bup tuoi nam 2097", "1.250"),             # read with B's vocabulary
    ("Sản lượng hồi khôo năm 2097", "2.150"),                 # "khô" in B's vocabulary only
    ("Kim ngạch xuất khẩu tăng bao nhiêu % năm 2097?", "3,8"),
    ("Sản lượng chè búp tươi năm 2094?", None),               # A's year: still refused
]
TODAY = date(2098, 3, 1)


def _ask(service: RagService, question: str) -> Answer:
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=TODAY))


def _said(answer: Answer) -> tuple[str, str, bool, float]:
    """What a user sees of an answer: the question as read (corrected), the answer, whether
    found, its confidence."""
    return answer.resolved_question, answer.answer, answer.found, round(answer.confidence, 4)


def _over_b_after_a(root: Path) -> list[tuple[str, str, bool, float]]:
    """B's answers from a fresh service built after a service over A answered A's questions."""
    (root / "a").mkdir()
    (root / "b").mkdir()
    a = service_over_files(root / "a", A_FILES)
    for q in A_QUESTIONS:
        _ask(a, q)
    b = service_over_files(root / "b", B_FILES)
    return [_said(_ask(b, q)) for q, _ in B_QUESTIONS]


def _over_b_after_a_in_one_service(root: Path) -> list[tuple[str, str, bool, float]]:
    """B's answers from one service that answered over A's documents first, then had them
    replaced by B's (a server's later index generation)."""
    service = empty_service(root)
    a_docs = [service.read_document(filename=n, data=t.encode()) for n, t in A_FILES.items()]
    service.upsert(a_docs)
    for q in A_QUESTIONS:
        _ask(service, q)
    service.remove([d.id for d in a_docs])
    service.upsert([service.read_document(filename=n, data=t.encode())
                    for n, t in B_FILES.items()])
    return [_said(_ask(service, q)) for q, _ in B_QUESTIONS]


@pytest.fixture(scope="module")
def b_alone(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str, bool, float]]:
    b = service_over_files(tmp_path_factory.mktemp("b_alone"), B_FILES)
    return [_said(_ask(b, q)) for q, _ in B_QUESTIONS]


def test_b_answers_its_own_questions(b_alone: list[tuple[str, str, bool, float]]) -> None:
    for (question, expected), (_, text, found, _) in zip(B_QUESTIONS, b_alone, strict=True):
        if expected is None:
            assert not found and "2097" in text, (question, text)
        else:
            assert found and expected in text, (question, text)


@pytest.mark.parametrize("history", [_over_b_after_a, _over_b_after_a_in_one_service],
                         ids=["another_service_first", "same_service_next_generation"])
def test_b_answers_do_not_depend_on_a(history, b_alone: list[tuple[str, str, bool, float]],  # noqa: ANN001
                                      tmp_path: Path) -> None:
    after = history(tmp_path)
    for (question, _), alone, then in zip(B_QUESTIONS, b_alone, after, strict=True):
        assert then == alone, (question, alone, then)


def test_b_answers_again_after_a(b_alone: list[tuple[str, str, bool, float]],
                                 tmp_path_factory: pytest.TempPathFactory) -> None:
    """Asked again in this process (every cache warm, A's entries among them): the same."""
    b = service_over_files(tmp_path_factory.mktemp("b_again"), B_FILES)
    assert [_said(_ask(b, q)) for q, _ in B_QUESTIONS] == b_alone
