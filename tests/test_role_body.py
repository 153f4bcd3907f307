"""A "who" question asking a role of a body ("Ai là Giám đốc Sở Công Thương?") is not answered
by a name holding that role of another body ("ông Nguyễn Văn An, Giám đốc Sở Tài chính"), nor
by the deputy of another body for the deputy asked (session 51, break-test s51: a press
conference naming a Giám đốc Sở Tài chính and a Phó Giám đốc Sở Công Thương answered "Ai là
giám đốc Sở Công Thương?" with the other Sở's director, at 0.91-1.0).  The body is the words
after the role, up to the name or punctuation (rag.answer.candidates.role_said_fits).  Near
misses: the body asked is answered, written with or without diacritics, abbreviated, before
the name, or said in another sentence ("Giám đốc Sở" after "Sở Y tế ..." is no other body's).
Invented documents (txt, html)."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.answer.candidates import Candidate, role_said_fits
from rag.answer.weights import AnswerWeights
from rag.records import AskOptions
from rag.service import RagService

PRESS = "\n".join([
    "Họp báo kinh tế - xã hội quý II năm 2034",
    "",
    "Chiều 5/7/2034, UBND tỉnh tổ chức họp báo thường kỳ quý II năm 2034.",
    "",
    "Tham dự họp báo có ông Nguyễn Văn An, Giám đốc Sở Tài chính; bà Lê Thị Hoa, Phó Giám đốc "
    "Sở Công Thương; ông Trần Minh Đức, Chi cục trưởng Chi cục Hải quan cửa khẩu Hữu Nghị.",
    "",
    "Giám đốc Sở Nông nghiệp Hoàng Văn Bình cho biết năm 2034 toàn tỉnh trồng mới 1.200 ha "
    "rừng.",
    ""])

HEALTH = ("<html><body><article><h1>Ngành y tế tỉnh năm 2035</h1>"
          "<p>Năm 2035, Sở Y tế tiếp tục nâng cao chất lượng khám chữa bệnh. Ông Hà Văn Tâm, "
          "Giám đốc Sở, cho biết toàn tỉnh có 1.450 giường bệnh. Phó Giám đốc Sở Lao động Vi "
          "Thị Lan phát biểu tại hội nghị.</p></article></body></html>")


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("role_body"), {
        "hop-bao-2034.txt": PRESS, "y-te-2035.html": HEALTH})


def _ask(service: RagService, question: str):
    return service.ask(question, AskOptions(retrieval_mode="lexical"))


@pytest.mark.parametrize("question, other", [
    ("Ai là giám đốc Sở Công Thương?", "Nguyễn Văn An"),
    ("Giám đốc Sở Công Thương là ai?", "Nguyễn Văn An"),
    ("Ai là phó giám đốc Sở Tài chính?", "Lê Thị Hoa"),
    ("Phó Giám đốc Sở Tài chính là ai?", "Lê Thị Hoa"),
    ("Ai là Phó Giám đốc Sở Y tế?", "Vi Thị Lan"),
    ("Ai là Chi cục trưởng Chi cục Kiểm lâm?", "Trần Minh Đức"),
])
def test_another_body_is_no_answer(service: RagService, question: str, other: str) -> None:
    a = _ask(service, question)
    assert not (a.found and other in a.answer), (a.answer, a.confidence)


@pytest.mark.parametrize("question, name", [
    ("Ai là Giám đốc Sở Tài chính?", "Nguyễn Văn An"),
    ("giam doc so tai chinh la ai?", "Nguyễn Văn An"),
    ("Phó Giám đốc Sở Công Thương là ai?", "Lê Thị Hoa"),
    ("PGĐ Sở Công Thương là ai?", "Lê Thị Hoa"),
    ("Ai là Phó Giám đốc SCT?", "Lê Thị Hoa"),
    ("Chi cục trưởng Chi cục Hải quan cửa khẩu Hữu Nghị là ai?", "Trần Minh Đức"),
    ("Ai là Chi cục trưởng Chi cục Hải quan?", "Trần Minh Đức"),
    ("Ai là Giám đốc Sở Nông nghiệp?", "Hoàng Văn Bình"),
    ("Ai là Giám đốc Sở Y tế?", "Hà Văn Tâm"),
    ("Ai là Phó Giám đốc Sở Lao động?", "Vi Thị Lan"),
])
def test_the_body_asked_is_answered(service: RagService, question: str, name: str) -> None:
    a = _ask(service, question)
    assert a.found and name in a.answer, (a.answer, a.confidence)


def _name(sentence: str, name: str) -> Candidate:
    start = sentence.index(name)
    return Candidate("name", name, start, start + len(name), "")


@pytest.mark.parametrize("question, sentence, name, fits", [
    ("Ai là Giám đốc Sở Y tế?", "Ông Lê Văn An, Giám đốc Sở Tài chính, nói.", "Lê Văn An",
     False),
    ("Ai là Giám đốc Sở Y tế?", "Giám đốc Sở Tài chính Lê Văn An nói.", "Lê Văn An", False),
    ("Ai là Chủ tịch UBND huyện Lộc Bình?", "Ông Lê Văn An, Chủ tịch UBND huyện Văn Lãng, dự.",
     "Lê Văn An", False),
    # the body asked, however written
    ("Ai là Giám đốc Sở Tài chính?", "Ông Lê Văn An, Giám đốc Sở TC, nói.", "Lê Văn An", True),
    ("Ai là Giám đốc Sở Kế hoạch và Đầu tư?", "Ông Lê Văn An, Giám đốc Sở KH&ĐT, nói.",
     "Lê Văn An", True),
    ("Ai là Giám đốc Sở Tài chính tỉnh Lạng Sơn?",
     "Ông Lê Văn An, Giám đốc Sở Tài chính Lạng Sơn, nói.", "Lê Văn An", True),
    ("Ai là Chủ tịch của IPCC?", "Ông Lê Văn An là chủ tịch IPCC.", "Lê Văn An", True),
    # a body said only in part, or in words no name: no other body
    ("Ai là Giám đốc Sở Y tế?", "Ông Lê Văn An, Giám đốc Sở, nói.", "Lê Văn An", True),
    ("Ai là Giám đốc Sở Y tế?", "Ông Lê Văn An, Giám đốc Sở cho biết.", "Lê Văn An", True),
    ("Hiệu trưởng trường Chuyên Chu Văn An là ai?",
     "Theo thầy Dương Quốc Khánh, Hiệu trưởng nhà trường, ...", "Dương Quốc Khánh", True),
])
def test_role_body_fits(question: str, sentence: str, name: str, fits: bool) -> None:
    assert role_said_fits(question, sentence, _name(sentence, name), AnswerWeights()) is fits
