"""A count of one thing is never the number of another: "Số sản phẩm OCOP" is not answered by
"Số HTX có sản phẩm OCOP: 88 HTX" nor by "131 chủ thể" (rag.answer.figures.other_count_noun;
break-tests s46 bt17w and s43 bt17l), however many words the indicators share.  A count in a
unit that is no counted thing of the lexicon ("người", a bare number) is left to the other
rules."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.answer.figures import count_noun_asked
from rag.records import AskOptions
from rag.service import RagService

HTX = ("Tình hình kinh tế tập thể năm 2085\n(20/12/2085)\n\n"
       "Đến 30/11/2085, toàn tỉnh có 436 hợp tác xã, trong đó 61 HTX có sản phẩm OCOP; số "
       "thành viên hợp tác xã đạt 9.870 người.\n")
OCOP = ("Kết quả Chương trình OCOP năm 2086\n(15/12/2086)\n\n"
        "Năm 2086, toàn tỉnh có 72 chủ thể tham gia Chương trình OCOP với 148 sản phẩm được "
        "công nhận.\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("counts"),
                              {"htx-2085.txt": HTX, "ocop-2086.txt": OCOP})


@pytest.mark.parametrize("question", [
    "Số sản phẩm OCOP năm 2085?",
    "Số sản phẩm OCOP đến 30/11/2085?",
])
def test_another_thing_counted_is_no_answer(service: RagService, question: str) -> None:
    answer = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert not answer.found or "HTX" not in answer.answer, answer.answer


@pytest.mark.parametrize(("question", "value"), [
    ("Số HTX có sản phẩm OCOP đến 30/11/2085?", "61"),
    ("Số hợp tác xã đến 30/11/2085?", "436"),
    ("Số thành viên hợp tác xã đến 30/11/2085?", "9.870"),
    ("Số sản phẩm OCOP năm 2086?", "148"),
    ("Số chủ thể tham gia Chương trình OCOP năm 2086?", "72"),
])
def test_the_thing_counted_answers(service: RagService, question: str, value: str) -> None:
    answer = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert answer.found and answer.answer.startswith(value), (answer.answer, answer.summary)


@pytest.mark.parametrize(("question", "thing"), [
    ("so san pham ocop nam 2085", "san pham"), ("tong so doanh nghiep", "doanh nghiep"),
    ("so htx co san pham ocop", "hop tac xa"), ("so von dang ky", "")])
def test_count_noun_asked(question: str, thing: str) -> None:
    assert count_noun_asked(question) == thing
