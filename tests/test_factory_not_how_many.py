"""A question typed without diacritics naming a "nhà máy" (factory) is no "mấy" (how many)
asked: "cong suat giai doan 1 nha may dien sinh khoi Loc Binh" was read "nhà mấy điện", a
count of "điện" asked, and refused at 0.86 while the question typed with its diacritics was
answered "15 MW" (break-test bt26 b068).  The asking phrases written before the restorer
leave the "may" of a noun the lexicon holds ("nha may", "to may": rag.search.query._noun_may),
and a restored question asks "how much" only where its restored text writes "bao nhiêu" or
"mấy" (rag.answer.intent.read_intent), as a question typed with diacritics does.  Near miss:
"co may nha may ..." still asks how many.  Invented documents."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.answer.intent import read_intent
from rag.records import AskOptions
from rag.search.query import analyze
from rag.service import RagService

NEWS = "\n".join([
    "Khởi công Nhà máy điện gió Mẫu Sơn",
    "",
    "Ngày 8/6/2089, tại xã Mẫu Sơn, huyện Lộc Bình, Công ty Cổ phần Năng lượng Gió Xứ Lạng khởi "
    "công Nhà máy điện gió Mẫu Sơn với tổng vốn đầu tư 1.820 tỷ đồng.",
    "",
    "Ông Hà Văn Lực, Giám đốc Công ty cho biết nhà máy được xây dựng theo hai giai đoạn. Giai "
    "đoạn 1 có công suất 24 MW, dự kiến phát điện vào quý III năm 2090; giai đoạn 2 nâng tổng "
    "công suất lên 48 MW.",
    ""])


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("factory"),
                              {"thuy-dien-ban-chat-2089.txt": NEWS})


@pytest.mark.parametrize(("question", "expected"), [
    ("cong suat giai doan 1 nha may dien gio Mau Son", "24 MW"),
    ("tong von dau tu nha may dien gio Mau Son", "1.820 tỷ đồng"),
])
def test_factory_typed_bare(service: RagService, question: str, expected: str) -> None:
    answer = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert answer.found and expected in answer.answer, (answer.answer, answer.answer_sentence)


def test_how_many_still_asked() -> None:
    assert read_intent(analyze("co may nha may dien gio o Loc Binh")).kind == "amount"
