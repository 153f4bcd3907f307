"""A corpus's abbreviation table belongs to its index, and what a question needs of it travels
with the question (``Query.acronyms``): two services over different corpora in one process --
the tests, a server following generations -- each read their own pairs, whoever asked last.
Here one corpus defines "NSĐP" as "ngân sách địa phương", the other as "nông sản địa phương"
and writes "ngân sách địa phương" spelled out (review of issue 16 kind w: a module-level
"current table" let one service's pairs into the other's word matching)."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from index.index import Index
from rag.answer.figures import text_terms
from rag.records import Answer, AskOptions
from rag.search.query import Query
from rag.search.retrieve import Retriever
from rag.service import RagService

BUDGET = {
    "ngansach_2096.txt": (
        "Báo cáo dự toán tỉnh Bắc Hà năm 2096\n\n"
        "Dự toán thu, chi ngân sách địa phương (NSĐP) năm 2096 được HĐND tỉnh thông qua "
        "tại kỳ họp thứ 9.\n"),
    "chitieu_2096.csv": (
        "Chỉ tiêu,Đơn vị tính,Năm 2096\n"
        "\"Chi NSĐP\",tỷ đồng,\"5.120\"\n"
        "\"Giá trị nông sản địa phương tiêu thụ qua sàn\",tỷ đồng,640\n"),
}
PRODUCE = {
    "nongsan_2096.txt": (
        "Báo cáo tiêu thụ hàng hóa tỉnh Nam Hà năm 2096\n\n"
        "Chương trình quảng bá nông sản địa phương (NSĐP) tiếp tục được triển khai. Chi ngân "
        "sách địa phương cho khuyến nông năm 2096 đạt 27,5 tỷ đồng.\n"),
    "tieuthu_2096.csv": (
        "Chỉ tiêu,Đơn vị tính,Năm 2096\n"
        "\"Sản lượng NSĐP tiêu thụ\",tấn,\"3.400\"\n"),
}


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> tuple[RagService, RagService]:
    return (service_over_files(tmp_path_factory.mktemp("budget"), BUDGET),
            service_over_files(tmp_path_factory.mktemp("produce"), PRODUCE))


def _asked_between(service: RagService, question: str, other: RagService,
                   other_question: str, monkeypatch: pytest.MonkeyPatch) -> Answer:
    """``service.ask(question)`` with ``other`` reading its own question right after
    ``service`` read this one, before it answers (as two requests of a threaded server may)."""
    made = service.retriever

    def retriever(index: Index | None = None) -> Retriever:
        held = made(index)
        analyze = held.analyze

        def then_other(text: str) -> Query:
            query = analyze(text)
            other.retriever().analyze(other_question)
            return query

        monkeypatch.setattr(held, "analyze", then_other)
        return held

    with monkeypatch.context() as m:
        m.setattr(service, "retriever", retriever)
        return service.ask(question, AskOptions())


@pytest.mark.parametrize(("mine", "question", "other_question", "expected"), [
    (0, "chi ngân sách địa phương năm 2096", "sản lượng nông sản địa phương năm 2096",
     "5.120"),
    (0, "chi NSĐP năm 2096", "sản lượng NSĐP tiêu thụ năm 2096", "5.120"),
    (1, "sản lượng nông sản địa phương tiêu thụ năm 2096", "chi NSĐP năm 2096", "3.400"),
    (1, "chi ngân sách địa phương cho khuyến nông năm 2096", "chi NSĐP năm 2096", "27,5"),
])
def test_each_service_reads_its_own_abbreviations(
        services: tuple[RagService, RagService], monkeypatch: pytest.MonkeyPatch, mine: int,
        question: str, other_question: str, expected: str) -> None:
    service, other = services[mine], services[1 - mine]
    alone = service.ask(question, AskOptions())
    assert alone.found and expected in alone.answer, alone.answer
    between = _asked_between(service, question, other, other_question, monkeypatch)
    assert between.found and expected in between.answer, between.answer
    assert between.confidence == alone.confidence


def test_a_texts_terms_do_not_change_with_who_asked(
        services: tuple[RagService, RagService]) -> None:
    text = "Sản lượng NSĐP tiêu thụ năm 2096 đạt 3.400 tấn"
    before = text_terms(text)
    services[0].retriever().analyze("chi NSĐP năm 2096")
    assert text_terms(text) == before
    services[1].retriever().analyze("sản lượng NSĐP năm 2096")
    assert text_terms(text) == before
