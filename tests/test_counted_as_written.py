"""A count asked is compared as written when the question has its diacritics: words that
differ by a tone mark only and are both words ("chợ" / "chờ", "hộ" / "hồ", "tấn" / "tần")
are two things, so "bao nhiêu chợ" is not answered by "1.500 xe chờ thông quan" (issue 17
break-test).  A question typed without diacritics cannot tell them apart and still matches
what it names; a word the dictionary lacks (a tone mistyped) is compared folded."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.words import other_word

DOCS = {
    "cua-khau-2029.txt": (
        "Tình hình thông quan tại cửa khẩu năm 2029\n(15/12/2029)\n\n"
        "Tại cửa khẩu Tân Thanh, năm 2029 có 1.500 xe chờ thông quan.\n"),
    "thuy-loi-2029.txt": (
        "Công tác thủy lợi năm 2029\n(20/12/2029)\n\n"
        "Năm 2029, toàn tỉnh có 35 hồ chứa nước được nâng cấp.\n"),
    "ha-tang-2028.txt": (
        "Hạ tầng thương mại năm 2028\n(18/12/2028)\n\n"
        "Năm 2028, toàn tỉnh có 84 chợ đang hoạt động.\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("written"), DOCS)


def ask(service: RagService, question: str):  # noqa: ANN201
    return service.ask(question, AskOptions(retrieval_mode="lexical"))


@pytest.mark.parametrize("question", [
    "năm 2029 có bao nhiêu chợ?",
    "năm 2029 toàn tỉnh có bao nhiêu hộ?",
])
def test_a_word_differing_by_a_tone_mark_is_another_word(service: RagService,
                                                         question: str) -> None:
    answer = ask(service, question)
    assert not answer.found, answer.answer


@pytest.mark.parametrize(("question", "expected"), [
    ("năm 2029 có bao nhiêu xe chờ thông quan", "1.500 xe"),
    ("năm 2028 có bao nhiêu chợ", "84 chợ"),
    ("nam 2028 co bao nhieu cho dang hoat dong", "84 chợ"),
    ("nam 2029 co bao nhieu xe cho thong quan", "1.500 xe"),
    ("nam 2029 co bao nhieu ho chua", "35 hồ"),
])
def test_the_word_as_written_and_a_question_without_diacritics_match(
        service: RagService, question: str, expected: str) -> None:
    answer = ask(service, question)
    assert answer.found and answer.answer.startswith(expected), answer.answer


def test_other_word() -> None:
    assert other_word("chợ", "chờ") and other_word("tấn", "tần") and other_word("hộ", "hồ")
    assert not other_word("cho", "chờ")  # typed without diacritics: no evidence
    assert not other_word("chợ", "Chợ")
    assert not other_word("nghiêp", "nghiệp")  # not a word: a tone mistyped
