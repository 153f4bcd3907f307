"""A body's name written in sentence case -- each compound's first syllable capitalised, its
second not ("Công ty Cổ phần Du lịch Đông Bắc", "Trung tâm Tim mạch") -- is the answer to
"công ty nào", "trung tâm nào" whole, from its capitalised head: break-test bt22c (session 50)
got "treo do Công ty Cổ" and "khai trương Trung tâm Tim" at 1.0.  Near misses: a name after a
lower-case head keeps its reading; two countries either side of a verb are no name."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.answer.candidates import sentence_case_end
from rag.records import AskOptions
from rag.service import RagService

DOC = ("Du lịch Mẫu Sơn năm 2024\n12/12/2024\n\n"
       "Tỉnh đã hoàn thành tuyến cáp treo dài 3,2 km nối chân núi với đỉnh Phja Pò vào tháng 10 "
       "năm 2024. Tuyến cáp treo do Công ty Cổ phần Du lịch Đông Bắc đầu tư, mỗi giờ có thể vận "
       "chuyển 1.500 khách.\n\n"
       "Ngày 14 tháng 3 năm 2021, Bệnh viện Đa khoa tỉnh Lạng Sơn chính thức khai trương Trung "
       "tâm Tim mạch tại khu nhà B, phường Hoàng Văn Thụ.\n\n"
       "Khu nghỉ dưỡng trên đỉnh núi do tập đoàn Mường Thanh quản lý.\n\n"
       "Vắc xin MR do Công ty Vắc xin Hạ Long sản xuất. Kính thiên văn do Nhật Bản tài trợ.\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("names"), {"ms.txt": DOC.encode()})


@pytest.mark.parametrize(("question", "expected"), [
    ("Tuyến cáp treo Mẫu Sơn do công ty nào đầu tư?", "Công ty Cổ phần Du lịch Đông Bắc"),
    ("tuyen cap treo do cong ty nao dau tu", "Công ty Cổ phần Du lịch Đông Bắc"),
    ("Năm 2021 Bệnh viện Đa khoa tỉnh Lạng Sơn khai trương trung tâm nào?", "Trung tâm Tim mạch"),
    ("Khu nghỉ dưỡng trên đỉnh núi do tập đoàn nào quản lý?", "tập đoàn Mường Thanh"),
    # a name of several capitalised compounds is one name; the agent after "do" is no "do X"
    ("Vắc xin MR do công ty nào sản xuất?", "Công ty Vắc xin Hạ Long"),
])

def test_the_whole_name_from_its_head(service: RagService, question: str, expected: str) -> None:
    a = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert a.found and a.answer == expected, (a.answer, a.confidence)


@pytest.mark.parametrize(("sentence", "run_end", "expected"), [
    ("do Công ty Cổ phần Du lịch Đông Bắc đầu tư", len("do Công ty Cổ"),
     "do Công ty Cổ phần Du lịch Đông Bắc"),
    ("khai trương Trung tâm Tim mạch tại khu nhà B", len("khai trương Trung tâm Tim"),
     "khai trương Trung tâm Tim mạch"),
    # the lower-case word after a one-word run is part of the name only before a linking word,
    # punctuation or the end
    ("thăm Trung tâm Tim mạch.", len("thăm Trung tâm Tim"), "thăm Trung tâm Tim mạch"),
    ("Trường Kinh tế mở cửa đón khách", len("Trường Kinh"), "Trường Kinh"),
    # XQuAD-vi dev: a lower-case word followed by another is no part of the name
    ("giao cho Công ty Marconi thông qua hợp đồng", len("giao cho Công ty Marconi"),
     "giao cho Công ty Marconi"),
    ("là Đại học Durham vào năm 1832", len("là Đại học Durham"), "là Đại học Durham"),
])
def test_sentence_case_end(sentence: str, run_end: int, expected: str) -> None:
    assert sentence[:sentence_case_end(sentence, run_end)] == expected


def test_the_agent_after_do() -> None:
    """"do Nhật Bản tài trợ" asked "do nước nào tài trợ?": the name after "do" is the span,
    "do" no part of it (it was "do Nhật Bản"); "thuộc" is no such link ("khu vực thuộc địa
    Virginia", XQuAD-vi dev)."""
    from rag.answer.candidates import entity_spans
    from rag.answer.intent import read_intent
    from rag.answer.weights import AnswerWeights
    from rag.search.query import analyze

    def spans(question: str, sentence: str) -> list[str]:
        return [c.text for c in entity_spans(read_intent(analyze(question)), sentence,
                                             AnswerWeights())]
    assert spans("Kính thiên văn do nước nào tài trợ?",
                 "Đài có kính thiên văn lớn, do Nhật Bản tài trợ.") == ["Nhật Bản"]
    assert spans("Người Huguenot được cấp đất ở khu vực nào của vùng thuộc địa?",
                 "Họ được cấp đất tại khu vực thuộc địa Virginia.") == [
        "khu vực thuộc địa Virginia"]
