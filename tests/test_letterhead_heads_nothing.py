"""A .txt report whose letterhead is one line naming a province ("UBND TỈNH HÀ GIANG", "SỞ TÀI
CHÍNH TỈNH HÀ GIANG") right above its title: the line says who issued the report, it heads
none of its figures.  Read as the heading in force, its province made every figure another
province's (rag.answer.places.places_fit), and each question not naming the province was
refused at confidence 1.0 (break-test round 13 of issue 16, item 1)."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.answer.places import places_named
from rag.ingest.readers import read_bytes
from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract

BODY = ("Chi thường xuyên năm 2027 là 2.860 tỷ đồng.\n"
        "Kinh phí khuyến nông năm 2027 là 4 tỷ 75 triệu đồng.\n")


@pytest.mark.parametrize("head", [
    "UBND TỈNH HÀ GIANG\nBáo cáo tổng hợp kinh tế - xã hội năm 2027\n\n",
    "UBND TỈNH CAO BẰNG\nBáo cáo tổng hợp kinh tế - xã hội năm 2027\n\n",
    "SỞ TÀI CHÍNH TỈNH HÀ GIANG\nBáo cáo tổng hợp kinh tế - xã hội năm 2027\n\n",
    "UBND TỈNH HÀ GIANG\n\nBáo cáo kết quả chi ngân sách năm 2027\n\n",
    "UBND TỈNH HÀ GIANG\nBÁO CÁO TỔNG HỢP KINH TẾ - XÃ HỘI NĂM 2027\n\n",
    "UBND TỈNH HÀ GIANG\nSỞ TÀI CHÍNH\n\nBáo cáo tổng hợp kinh tế - xã hội năm 2027\n\n",
])
def test_a_one_line_letterhead_naming_a_province_heads_no_figure(head: str) -> None:
    doc, = read_bytes("bc.txt", (head + BODY).encode())
    frames = extract(doc.text, doc.title, doc.date)
    assert [f.value for f in frames] == ["2.860 tỷ đồng", "4 tỷ 75 triệu đồng"]
    for frame in frames:
        assert not places_named(frame.context), frame.context


def test_a_province_heading_in_the_body_still_heads_its_figures() -> None:
    # the rule is the front matter's: a sidebar heading after the first sentence is a heading
    text = ("UBND TỈNH LẠNG SƠN\n\n" + BODY + "TỈNH CAO BẰNG\n"
            "Chi thường xuyên năm 2027 là 1.940 tỷ đồng.\n")
    frames = extract(text, "Báo cáo tổng hợp kinh tế - xã hội năm 2027")
    assert [places_named(f.context) for f in frames] == [frozenset(), frozenset(),
                                                         frozenset({"cao bang"})]


# the document's own place: a question naming the province of the letterhead is about the
# whole document (break-test round 13 of issue 16: refused once the letterhead headed nothing)
OWN = {
    "ha-giang-2027.txt": ("UBND TỈNH HÀ GIANG\nBáo cáo tổng hợp kinh tế - xã hội năm 2027\n\n"
                          + BODY),
    "cao-bang-2027.txt": ("Ủy ban nhân dân tỉnh Cao Bằng\nBáo cáo kết quả chi ngân sách năm 2027"
                          "\n\nChi thường xuyên năm 2027 là 1.940 tỷ đồng.\n"
                          "Kinh phí khuyến nông năm 2027 là 52 tỷ đồng.\n"),
    "bac-kan-2027.txt": ("SỞ TÀI CHÍNH TỈNH BẮC KẠN\n\nBáo cáo tổng hợp chi ngân sách năm 2027\n\n"
                         "Chi thường xuyên năm 2027 là 3.415 tỷ đồng.\n"),
}


@pytest.fixture(scope="module")
def own_service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("own"), OWN)


@pytest.mark.parametrize(("question", "expected"), [
    ("chi thường xuyên tỉnh Hà Giang năm 2027", "2.860 tỷ đồng"),
    ("kinh phí khuyến nông tỉnh Hà Giang năm 2027", "4 tỷ 75 triệu đồng"),
    ("chi thường xuyên của Hà Giang năm 2027 là bao nhiêu", "2.860 tỷ đồng"),
    ("chi thường xuyên tỉnh Cao Bằng năm 2027", "1.940 tỷ đồng"),
    ("kinh phí khuyến nông tỉnh Cao Bằng năm 2027", "52 tỷ đồng"),
    ("chi thường xuyên tỉnh Bắc Kạn năm 2027", "3.415 tỷ đồng"),
])
def test_a_question_naming_the_letterheads_place_gets_its_figures(own_service: RagService,
                                                                  question: str,
                                                                  expected: str) -> None:
    answer = own_service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert answer.found and expected in answer.answer, answer.answer


@pytest.mark.parametrize("question", [
    "kinh phí khuyến nông tỉnh Bắc Kạn năm 2027",  # only Hà Giang's and Cao Bằng's
    "chi thường xuyên tỉnh Tuyên Quang năm 2027",
])
def test_a_question_naming_another_place_gets_no_letterheads_figure(own_service: RagService,
                                                                   question: str) -> None:
    answer = own_service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert not answer.found or not any(v in answer.answer for v in (
        "2.860", "4 tỷ 75", "1.940", "52 tỷ", "3.415")), answer.answer
