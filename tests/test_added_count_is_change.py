""""(có) thêm N <noun> (so với …)" is the number added, a change, never the count itself:
"đến 30/11 có thêm 2 xã đạt chuẩn so với cuối năm trước" beside "Toàn huyện có 14/19 xã đạt
chuẩn" does not answer "có bao nhiêu xã đạt chuẩn" with 2 (issue 17 break-test bt22-b17
failure 9; "phấn đấu có thêm 50 sản phẩm OCOP", "có thêm 1 - 2 xã đạt chuẩn" in the
dev-report and dev3 target lists are the same kind)."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract


@pytest.mark.parametrize(("text", "value"), [
    ("Đến 31/10/2064, toàn tỉnh có thêm 3 chợ đạt chuẩn văn minh thương mại so với cuối năm "
     "2063.", "3 chợ"),
    ("Năm 2065 phấn đấu có thêm 40 sản phẩm OCOP đạt từ 3 sao trở lên.", "40 sản phẩm"),
])
def test_an_added_number_is_a_change(text: str, value: str) -> None:
    frames = [f for f in extract(text, "Báo cáo năm 2064", "2064-11-20") if f.value == value]
    assert frames and all(f.measure == "change" for f in frames), frames


def test_a_count_with_co_alone_stays_a_level() -> None:
    frames = extract("Năm 2064, toàn tỉnh có 27 chợ đạt chuẩn văn minh thương mại.",
                     "Báo cáo năm 2064", "2064-11-20")
    assert [f.measure for f in frames if f.value == "27 chợ"] == ["level"]


DOCS = [
    {"id": "ct-2064", "title": "Báo cáo kết quả phát triển thương mại năm 2064",
     "date": "2064-12-05",
     "text": "Năm 2064, toàn tỉnh có 27/41 chợ đạt chuẩn văn minh thương mại; đến 31/10/2064 "
             "có thêm 3 chợ đạt chuẩn so với cuối năm 2063.\n"
             "Tổng mức bán lẻ hàng hóa năm 2064 ước đạt 18.420 tỷ đồng."},
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("added_count"), DOCS)


def test_the_count_answers_how_many(service: RagService) -> None:
    reply = service.ask("tỉnh có bao nhiêu chợ đạt chuẩn văn minh thương mại?",
                        AskOptions(retrieval_mode="lexical", today=date(2064, 12, 20)))
    assert reply.found and "27" in reply.answer, reply.answer
    assert "3 chợ" not in reply.answer


@pytest.mark.parametrize("question", [
    "đến 31/10/2064 tỉnh có thêm bao nhiêu chợ đạt chuẩn văn minh thương mại?",
    "den 31/10/2064 co them may cho dat chuan van minh thuong mai?",
])
def test_how_many_added_asks_the_change(service: RagService, question: str) -> None:
    reply = service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2064, 12, 20)))
    assert reply.found and "3" in reply.answer and "27" not in reply.answer, reply.answer
