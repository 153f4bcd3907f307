""""những X gì" asks the members of the kind X, not how much of X: "Nhà máy ... dùng những
nhiên liệu gì?" was answered "khoảng 240.000 tấn nhiên liệu sinh khối" at 0.92 though the same
sentence lists them "(vỏ cây keo, bã mía, rơm rạ)" (break-test bt26 b079).  Two faults: the
"máy" of "nhà máy" folds onto "mấy", so the question was read as a figure asked ("bao nhiêu/
mấy" typed with diacritics is what asks one: rag.answer.intent.read_intent); and the sentence
listing the kind's members must answer before one holding more of the question's other words
(rag.answer.members_asked; rag.answer.answerer.Answerer.statement_sentence), its list the
answer.  The same misreading refused "Nhà máy ... được xây dựng ở đâu?" (bt26 b072, at 0.31):
a statement, answered by the sentence of its place.  Near miss: the amount asked ("bao nhiêu
m3 gỗ nguyên liệu") is still the figure.  Invented documents."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.answer.members_asked import listed_members, members_asked
from rag.records import AskOptions
from rag.service import RagService

NEWS = "\n".join([
    "Khánh thành Nhà máy chế biến gỗ Hữu Lũng",
    "",
    "Ngày 20/5/2088, tại xã Minh Sơn, huyện Hữu Lũng, Công ty Cổ phần Lâm sản Xứ Lạng khánh "
    "thành Nhà máy chế biến gỗ Hữu Lũng với tổng vốn đầu tư 640 tỷ đồng.",
    "",
    "Ông Lâm Văn Sáng, Giám đốc Công ty cho biết nhà máy được đầu tư dây chuyền hiện đại của "
    "Đức và Italia.",
    "",
    "Mỗi năm nhà máy tiêu thụ khoảng 95.000 m3 gỗ nguyên liệu rừng trồng (keo, bạch đàn, "
    "thông), sản xuất 60.000 m3 ván ghép thanh, tạo việc làm cho khoảng 320 lao động.",
    ""])


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("members"), {"nha-may-go-2088.txt": NEWS})


def _ask(service: RagService, question: str):
    return service.ask(question, AskOptions(retrieval_mode="lexical"))


@pytest.mark.parametrize("question", [
    "Nhà máy chế biến gỗ Hữu Lũng dùng những gỗ nguyên liệu gì?",
    "Nhà máy chế biến gỗ Hữu Lũng tiêu thụ các loại gỗ nguyên liệu gì?",
])
def test_members_listed(service: RagService, question: str) -> None:
    answer = _ask(service, question)
    assert answer.found and answer.answer == "keo, bạch đàn, thông", \
        (answer.answer, answer.answer_sentence)


def test_amount_asked_is_the_figure(service: RagService) -> None:
    answer = _ask(service, "Nhà máy chế biến gỗ Hữu Lũng tiêu thụ bao nhiêu m3 gỗ nguyên liệu?")
    assert answer.found and "95.000" in answer.answer, answer.answer


def test_place_of_the_plant(service: RagService) -> None:
    answer = _ask(service, "Nhà máy chế biến gỗ Hữu Lũng được xây dựng ở đâu?")
    assert answer.found and "xã Minh Sơn" in answer.answer, answer.answer


def test_members_read() -> None:
    kind = members_asked("Nhà máy dùng những nhiên liệu gì?")
    assert kind == "nhien lieu"
    assert listed_members("Nhà máy dùng 240.000 tấn nhiên liệu (vỏ cây keo, bã mía) mỗi năm.",
                          kind) == "vỏ cây keo, bã mía"
    assert listed_members("Nhà máy dùng 240.000 tấn nhiên liệu mỗi năm.", kind) is None
    assert members_asked("Nhà máy dùng bao nhiêu tấn nhiên liệu?") is None
